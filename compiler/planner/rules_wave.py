"""Planner rules for waves: sinusoids with their amplitude and wavelength, sums of waves and of harmonics
(Fourier partial sums approaching a square wave), travelling waves, wavefronts of a moving source (Doppler) and
a colour spectrum with marked lines — the `wave` component.

    Draw a sine wave with amplitude 2 and wavelength 4, and mark both.
    Show two waves, one with wavelength 2 and one with wavelength 1, and their sum below.
    Add the odd harmonics one at a time (1, 2, 3 and 10 terms) so the sum approaches a square wave.
    Make the wave travel to the right, with a red dot bobbing up and down on it.
    Draw wavefronts as circles around a moving siren, bunched ahead of it: "higher pitch" ahead, "lower pitch" behind.
    Show the visible spectrum from 400 to 700 nm with a line at 656 nm labelled "H-alpha".

The words are data (`planner/data/vocabulary.json`: `wave_shapes`, `wave_cues`, `doppler_words`,
`spectrum_words`, `wave_sources`). A sentence is a wave picture when it names a wave and says something only
a wave has (amplitude, wavelength, harmonics, travelling…), and gives no formula or axes to plot; later
sentences mark, move or sum the wave on screen. Numbers the picture cannot show are reported (SB307).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import wave_words
from .quantity import NUM, number, quantity
from .theme import COLOUR_RE, colour_value

_Q = r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]"
_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "twenty": 20, "fifty": 50}
_UNIT = r"(?:\s*(?:cm|mm|m|km|nm|µm|units?|s|ms|Hz|kHz))?"
_VERB = r"^\s*(?:\d+[.)]\s*)?(?:then,?\s+|next,?\s+|now,?\s+|finally,?\s+|first,?\s+)?"


def _wave_on_screen(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "wave" and not b.params.get("extend")), None)


def _count(word: str) -> int | None:
    w = word.lower()
    return _COUNT.get(w) or (int(w) if w.isdigit() else None)


def _value(m: re.Match | None, group: int = 1) -> float | None:
    return quantity(m.group(group)) if m else None


def _label(name: str, m: re.Match) -> str:
    """"A = 2 cm": the mark's text, the number as written with its unit."""
    return f"{name} = {m.group(1)}{m.group(2) or ''}".replace("  ", " ")


def rule_wave(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    words = wave_words()
    s, bare = ex.sentence, ex.bare
    spectrum = _spectrum(ex, ctx, i, words)
    if spectrum:
        return spectrum
    doppler = _doppler(ex, ctx, i, words)
    if doppler:
        return doppler
    shapes = "|".join(f"(?P<{k}>{p})" for k, p in words["shapes"].items())
    named = list(re.finditer(r"\b(?:" + shapes + r")\b", bare, re.I))
    on_screen = _wave_on_screen(ctx)
    if not named or not re.search(r"(?:" + words["cues"] + r")", bare, re.I) and not re.search(
            r"\b(?:square|sawtooth|saw-tooth|triangle|triangular) waves?\b", bare, re.I):
        if on_screen is not None:
            return _operate(ex, ctx, i, on_screen, words)
        return []
    if ex.formulas and any("=" in f for f in ex.formulas) or re.search(r"\baxes\b|\bcoordinate (?:plane|grid|system)\b|"
                                                                        r"\bx[- ]axis\b", bare, re.I):
        return []  # a function to plot on axes: the plot rules draw it
    axes = next((b for b in since_clear(ctx) if b.kind == "plot" and not b.params.get("extend")), None)
    kind = re.search(r"\b(square|sawtooth|saw-tooth|triangle|triangular)\s+waves?\b", bare, re.I)
    if axes is not None and kind and on_screen is None:
        # "Plot the square wave f(x): …" on the axes drawn: the wave is a curve on them (its jumps drawn upright)
        expr = {"square": "sign(sin(x))", "triangle": "2/pi*asin(sin(x))", "triangular": "2/pi*asin(sin(x))"}.get(
            kind.group(1).lower(), "2*(x/(2*pi) - floor(x/(2*pi) + 0.5))")
        label = "f(x)" if re.search(r"\bf\(x\)", s) else f"{kind.group(1).lower()} wave"
        ctx.stop = True  # (its jumps "at x = -2π, -π, 0 …" are the wave's, not points to mark)
        return [_beat("plot", "plot:wave-on-axes", ex, i, [label], _kw(s) + ("wave",), extend=True,
                      curves=[{"expr": expr, "label": label}])]
    if on_screen is not None and not re.search(_VERB + r"(?:draw|show|display|sketch|plot|start|begin)\b", s, re.I):
        return _operate(ex, ctx, i, on_screen, words)
    if not re.search(r"\b(?:draw|show|display|sketch|plot|start|begin|add|animate|illustrate|depict|present|place|put)\w*\b"
                     r"|^\s*(?:an?|the|two|three)\b", s, re.I):
        return []
    params: dict = {}
    strings: list[str] = []
    fourier = _fourier(ex, ctx, i)
    if fourier:
        params["fourier"] = fourier
        strings += [f"{n} term" + ("s" if n != 1 else "") for n in fourier["terms"]]
    else:
        waves = _waves(s, named, words)
        if not waves:
            return []
        params["waves"] = waves
        strings += [w["label"] for w in waves if w.get("label")]
        marks = _marks(s, waves)
        if marks:
            params.update(marks)
            params["marks"] = True
            strings += [marks.get("amplitude_label", "A"), marks.get("wavelength_label", "λ")]
        if re.search(r"\b(?:their|the|a)\s+sum\b|\bsum of\b|\badd(?:ed|ing)? (?:them|together|up)\b|\bsuperpos\w*|"
                     r"\binterfer\w*|\bcombine[sd]?\b", s, re.I) and len(waves) >= 2:
            params["sum"] = True
            strings.append("sum")
            if re.search(r"\bbelow\b|\bunder\b|\bstacked\b|\bseparate\w*\b|\beach on its own\b|\bone above\b", s, re.I):
                params["layout"] = "stacked"
        elif re.search(r"\bstacked\b|\bone (?:above|below) the other\b|\bon separate (?:rows|axes)\b", s, re.I) and len(waves) >= 2:
            params["layout"] = "stacked"
    if re.search(r"\btravell?(?:ing|s)?\b|\bpropagat\w*|\bmov(?:es|ing|e) (?:to the )?(?:right|left|along|forward)\b", s, re.I):
        speed = re.search(r"\bspeed\s+(?:of\s+)?(" + NUM + r")", s, re.I)
        params["speed"] = min(quantity(speed.group(1)), 10) if speed else 0.5
    if re.search(r"\b(?:dot|particle|cork|buoy|point|bead|duck)\b[^.;]{0,40}\b(?:bob\w*|up and down|oscillat\w*)", s, re.I) \
            and params.get("waves"):
        params["particle"] = True
    cycles = re.search(r"\b(" + NUM + r"|one|two|three|four|five|six)\s+(?:full\s+|complete\s+)?(?:cycles?|wavelengths?|periods?)\b", s, re.I)
    if cycles:
        n = _count(cycles.group(1)) or quantity(cycles.group(1))
        if 0.5 <= n <= 12:
            params["cycles"] = n
    ctx.consumed.update(strings)
    if all(q in ctx.consumed for q in ex.quoted):
        ctx.stop = True  # the wave is the picture: no plotted curve or text of it
    return [_beat("wave", "wave:prose", ex, i, strings, _kw(s) + ("wave",), **params)]


# ----------------------------------------------------------------------------- the waves a sentence names
def _waves(s: str, named: list[re.Match], words: dict) -> list[dict]:
    """One wave per wave noun ("two waves" two), each with the amplitude, wavelength, frequency, label and colour
    written between it and the next."""
    out: list[dict] = []
    bounds = [m.start() for m in named] + [len(s)]
    for k, m in enumerate(named):
        shape = next(key for key in words["shapes"] if m.group(key))
        before = s[max(0, m.start() - 24):m.start()]
        count = re.search(r"\b(two|three|four|five|\d)\s+(?:[\w-]+\s+){0,2}$", before, re.I)
        n = min(_count(count.group(1)) or 1, 5) if count else 1
        part = s[m.end():bounds[k + 1]]
        descs = re.split(r"\bone\s+(?:with|of|at|having)\b|;|\bthe other\b|\banother\b", part, flags=re.I) if n > 1 else [part]
        descs = [d for d in descs if re.search(r"\w", d)] or [part]
        for j in range(n):
            d = descs[min(j + (1 if n > 1 and len(descs) > n else 0), len(descs) - 1)] if n > 1 else part
            w: dict = {}
            if shape != "sine":
                w["shape"] = shape
            if re.search(r"\bcosine\b", m.group(0), re.I):
                w["phase"] = 90
            amp = re.search(r"\bamplitudes?\s+(?:of\s+|=\s*|is\s+)?(" + NUM + r")" + f"({_UNIT})", d, re.I)
            lam = re.search(r"\b(?:wavelengths?|λ)\s+(?:of\s+|=\s*|is\s+)?(" + NUM + r")" + f"({_UNIT})", d, re.I)
            freq = re.search(r"\bfrequenc(?:y|ies)\s+(?:of\s+|=\s*|is\s+)?(" + NUM + r")" + f"({_UNIT})", d, re.I) \
                or re.search(r"\b(" + NUM + r")\s*(Hz|kHz)\b", d)
            if amp and 0 < quantity(amp.group(1)) <= 1000:
                w["amplitude"] = number(amp.group(1))
            if lam and 0 < quantity(lam.group(1)) <= 1000:
                w["wavelength"] = number(lam.group(1))
            elif freq and 0 < quantity(freq.group(1)) <= 1000:
                w["wavelength"] = round(1 / quantity(freq.group(1)), 6)  # relative: a higher frequency, a shorter wave
            label = re.search(r"\b(?:labell?ed|called|named|marked)\s+" + _Q, d, re.I)
            if label:
                w["label"] = label.group(1)
            colour = COLOUR_RE.search(s[max(0, m.start() - 16):m.start()] + " " + d[:30])
            if colour and colour_value(colour.group(0)):
                w["color"] = colour_value(colour.group(0))
            out.append(w)
    return out[:5]


def _marks(s: str, waves: list[dict]) -> dict:
    """"with amplitude 2 cm and wavelength 4 cm" or "mark the amplitude and the wavelength": the marks on the first
    wave, with the numbers as written."""
    out: dict = {}
    amp = re.search(r"\bamplitudes?\s+(?:of\s+|=\s*|is\s+)?(" + NUM + r")" + f"({_UNIT})", s, re.I)
    lam = re.search(r"\b(?:wavelengths?|λ)\s+(?:of\s+|=\s*|is\s+)?(" + NUM + r")" + f"({_UNIT})", s, re.I)
    if amp and len(waves) == 1:
        out["amplitude_label"] = _label("A", amp)
    if lam and len(waves) == 1:
        out["wavelength_label"] = _label("λ", lam)
    asked = re.search(r"\b(?:mark|label|show|indicate|annotate|measure)\w*\s+(?:both\s+)?(?:its\s+|the\s+)?(?:amplitude|wavelength)",
                      s, re.I) or re.search(r"\b(?:and|,)\s+mark\s+(?:both|them)\b", s, re.I)
    if out or asked:
        return out or {"amplitude_label": "A"}
    return {}


def _fourier(ex: Extracted, ctx: Context, i: int) -> dict | None:
    """"harmonics adding up to a square wave with 1, 3, 5 and 20 terms", "Fourier partial sums approaching a sawtooth"."""
    s = ex.sentence
    if not re.search(r"\bharmonics?\b|\bfourier\b|\bpartial sums?\b|\bterms? (?:of the|at a time|one by one)\b", s, re.I):
        return None
    target = re.search(r"\b(square|sawtooth|saw-tooth|triangle|triangular)\b", s, re.I)
    if not target and not re.search(r"\b(?:approach|converg|build|sum|add)\w*\b", s, re.I):
        return None
    out: dict = {"target": {"saw-tooth": "sawtooth", "triangular": "triangle"}.get(t := (target.group(1).lower() if target else
                                                                                          "square"), t)}
    listed = re.search(r"\b(\d+(?:\s*,\s*\d+)*\s*(?:,?\s*and\s+|,\s*)\d+)\s+(?:terms|harmonics)\b", s, re.I) or \
        re.search(r"\b(?:with|using|of)\s+(\d+(?:\s*,\s*\d+)+(?:\s*,?\s*and\s+\d+)?)\b", s, re.I)
    first = re.search(r"\bfirst\s+(\w+)\s+(?:odd\s+)?(?:harmonics|terms)\b", s, re.I) or \
        re.search(r"\b(\w+)\s+(?:odd\s+)?(?:harmonics|terms)\b", s, re.I)
    if listed:
        terms = sorted({int(v) for v in re.findall(r"\d+", listed.group(1)) if 1 <= int(v) <= 60})[:8]
        if terms:
            out["terms"] = terms
    elif first and _count(first.group(1)):
        n = min(_count(first.group(1)), 60)
        out["terms"] = list(range(1, n + 1))[:8] if n <= 8 else [1, 2, 3, 5, n]
    if "terms" not in out:
        out["terms"] = [1, 2, 3, 5, 20]
    if not target:
        ctx.lost(i, "the wave the harmonics add up to is not named: a square wave is drawn")
    return out


# ----------------------------------------------------------------------------- Doppler wavefronts
def _doppler(ex: Extracted, ctx: Context, i: int, words: dict) -> list[Beat]:
    s, bare = ex.sentence, ex.bare
    strong = re.search(r"\bdoppler\b|\bwave ?fronts?\b|\b(?:bunched|compressed|crowded|squeezed|packed)\b|"
                       r"\b(?:expanding|concentric)\s+(?:circles|rings)\b|\bemit\w*\b[^.;]{0,30}?\b(?:circles?|rings?)\b", bare, re.I)
    weak = re.search(r"\b(?:" + words["doppler"] + r")\b", bare, re.I)
    if not strong and any(b.kind == "wave" and b.params.get("doppler") is not None for b in since_clear(ctx)):
        return []  # the wavefronts are on screen: a sentence that only names the siren draws no second picture
    if not (strong and re.search(r"\b(?:circles?|fronts?|source|moving|siren|ahead|behind|bunched|pitch)\b", bare, re.I)
            or weak and re.search(r"\b(?:sound|pitch|waves?|moving|approach\w*)\b", bare, re.I)):
        return []
    if not re.search(r"\b(?:draw|show|display|sketch|animate|add|emit|illustrate|depict|place|put)\w*\b|^\s*(?:an?|the)\b", s, re.I):
        return []
    if re.search(r"\b(?:parallel|straight|plane)\s+(?:wave\s*)?(?:fronts?|wavefronts?|lines?|waves?)\b", bare, re.I):
        # "five parallel wavefront lines … tilted at 45°": a plane wave, not the rings round a point source
        ctx.lost(i, "the parallel wavefronts are not drawn (only rings round a point source can be)")
        return []
    d: dict = {}
    strings: list[str] = []
    frac = None
    for text in (s, ctx.about):  # (the speed may be said where the source starts moving: "moves right at a third of …")
        frac = frac or re.search(r"\b(half|(?:a|one)\s+(?:half|third|quarter|fifth)|" + NUM + r"\s*%?)\s+(?:of\s+)?(?:the\s+)?"
                                 r"(?:wave|sound|signal)(?:'s)?\s+speed\b", text, re.I) \
            or re.search(r"\b(?:speed|velocity)\s+(?:of\s+)?(" + NUM + r")\s*(?:v|c|times the wave speed)\b", text, re.I)
    still = r"\b(?:stationary|still|at rest|not moving|concentric|(?:equal|even)(?:ly)?\s+spac\w*|all\s+cent(?:er|r)ed\s+on)\b"
    if (re.search(still, s, re.I) or re.search(r"\b(?:at rest|stationary|standing still)\b", ctx.about or "", re.I)
            and not re.search(r"\bmov(?:es|ing)\b|\bapproach\w*|\brecede\w*", ctx.about or "", re.I)) \
            and not re.search(r"\bmoving\b|\bno longer concentric\b", s, re.I):  # concentric fronts: the source stands still
        d["speed"] = 0
    elif not frac and not ctx.mentions(r"\b(?:mov(?:es|ing)|travel(?:s|ling|ing)|approach\w*|drives?|driving|passe?s|"
                                       r"speeds?|velocity|recede\w*|chas\w+)\b"):
        d["speed"] = 0  # nothing in the scene moves: the fronts of a source that stands still
    elif frac:
        word = frac.group(1).lower().strip()
        v = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2}.get(word.split()[-1])
        if v is None:
            v = quantity(word.rstrip("%").strip()) / (100 if word.endswith("%") else 1)
        if 0 <= v <= 0.95:
            d["speed"] = round(v, 3)
        else:
            ctx.lost(i, f"a source as fast as the waves or faster ({word}) is drawn at 0.95 of the wave speed")
            d["speed"] = 0.95
    nouns = r"(?:wave ?fronts|circles|rings|crests)\b"
    for fronts in [*re.finditer(r"\b(\w+)\s+" + nouns, s, re.I), *re.finditer(r"\b(\w+)\s+[a-z]+\s+" + nouns, s, re.I)]:
        n = _count(fronts.group(1))  # "six wavefronts", "5 concentric circles"
        if n and 2 <= n <= 12:
            d["fronts"] = n
            break
    src = re.search(r"\b(?:source|" + words["sources"] + r")\b[^.;\"\u201c]{0,30}?\b(?:labell?ed|called|named|marked)\s+" + _Q, s, re.I) \
        or re.search(_Q + r"\s*\(?(?:the\s+)?(?:moving\s+)?source\b", s, re.I)
    if src:
        d["source"] = src.group(1)
    else:
        noun = re.search(r"\b(?:a|the)\s+(?:moving\s+|approaching\s+)?(" + words["sources"] + r")\b", bare, re.I)
        if noun and noun.group(1).lower() != "source":
            d["source"] = noun.group(1).lower()
    for key, pat in (("ahead", r"ahead|in front|front"), ("behind", r"behind|trailing|back")):
        m = re.search(_Q + r"\s+(?:\w+\s+){0,2}?(?:" + pat + r")\b", s, re.I) or \
            re.search(r"\b(?:" + pat + r")\b[^.;\"\u201c]{0,24}?" + _Q, s, re.I)
        if m and m.group(1) != d.get("source"):
            d[key] = m.group(1)
    strings += [d[k] for k in ("source", "ahead", "behind") if d.get(k)]
    ctx.consumed.update(strings)
    return [_beat("wave", "wave:doppler", ex, i, strings, _kw(s) + ("wave",), doppler=d)]


# ----------------------------------------------------------------------------- a colour spectrum
def _spectrum(ex: Extracted, ctx: Context, i: int, words: dict) -> list[Beat]:
    s = ex.sentence
    if not re.search(r"\b(?:" + words["spectrum"] + r")\b", ex.bare, re.I):
        return []
    if not re.search(r"\b(?:draw|show|display|sketch|add|mark|illustrate|depict|place|put)\w*\b|^\s*(?:an?|the)\b", s, re.I):
        return []
    sp: dict = {}
    strings: list[str] = []
    rng = re.search(r"\bfrom\s+(\d+(?:\.\d+)?)\s*(?:nm)?\s+to\s+(\d+(?:\.\d+)?)\s*nm\b", s, re.I)
    if rng and 100 <= float(rng.group(1)) < float(rng.group(2)) <= 2000:
        sp["range"] = [number(rng.group(1)), number(rng.group(2))]
    lo, hi = sp.get("range", [380, 750])
    lines = []
    for m in re.finditer(r"(?:" + _Q + r"\s+(?:at\s+)?)?\b(\d{3,4}(?:\.\d+)?)\s*nm\b(?:\s*\(?(?:labell?ed|called|marked|for)?\s*" + _Q + r")?",
                         s, re.I):
        if rng and m.start(2) in (rng.start(1), rng.start(2)):
            continue
        v = float(m.group(2))
        label = m.group(1) or m.group(3)
        if not lo <= v <= hi:
            ctx.lost(i, f"the line at {v:g} nm is outside the spectrum drawn ({lo:g}–{hi:g} nm)")
            continue
        line: dict = {"wavelength": number(m.group(2))}
        if label:
            line["label"] = label
            strings.append(label)
        lines.append(line)
    if lines:
        sp["lines"] = lines[:8]
    if re.search(r"\babsorption\b|\bdark lines?\b|\bblack lines?\b", s, re.I):
        sp["absorption"] = True
    ctx.consumed.update(strings)
    return [_beat("wave", "wave:spectrum", ex, i, strings, _kw(s) + ("spectrum",), spectrum=sp)]


# ----------------------------------------------------------------------------- acting on the wave on screen
def _operate(ex: Extracted, ctx: Context, i: int, wave: Beat, words: dict) -> list[Beat]:
    """"Mark the amplitude and wavelength", "Now let the wave travel to the right", "Show their sum", "Add terms
    until there are 10": on the wave on screen."""
    s = ex.sentence
    shapes = "|".join(words["shapes"].values())
    if not re.search(r"\b(?:" + shapes + r"|it|them|" + words["cues"] + r")\b", ex.bare, re.I):
        return []
    params = dict(wave.params)
    steps: list[dict] = []
    if params.get("waves") and not params.get("marks") and re.search(
            r"\b(?:mark|label|show|indicate|annotate|measure)\w*\s+(?:both\s+)?(?:its\s+|the\s+)?(?:amplitude|wavelength)", s, re.I):
        marks = _marks(s, params["waves"])
        params.update(marks, marks=True)
    if re.search(r"\btravell?(?:ing|s)?\b|\bpropagat\w*|\bmov(?:es|ing|e) (?:to the )?(?:right|left|along|forward)\b|\bstarts? moving\b",
                 s, re.I) and params.get("waves"):
        if not params.get("speed"):
            params["speed"] = 0.5
        steps.append({"action": "travel"})
    if params.get("waves") and not params.get("particle") and re.search(
            r"\b(?:dot|particle|cork|buoy|point|bead|duck)\b[^.;]{0,40}\b(?:bob\w*|up and down|oscillat\w*)", s, re.I):
        params["particle"] = True
    if re.search(r"\b(?:their|the)\s+sum\b|\badd (?:them|the two|the waves)\b|\bsuperpos\w*", s, re.I) and \
            len(params.get("waves") or []) >= 2 and not params.get("sum"):
        steps.append({"action": "sum"})
    if params.get("fourier"):
        n = re.search(r"\b(\d+)\s+(?:terms|harmonics)\b", s, re.I)
        if n and 1 <= int(n.group(1)) <= 60:
            steps.append({"action": "terms", "n": int(n.group(1))})
    if params == wave.params and not steps:
        return []
    if params != wave.params:
        added = tuple(x for x in (params.get("amplitude_label", "A"), params.get("wavelength_label", "λ"))
                      if params.get("marks") and x not in wave.strings)
        ctx.replace(wave, Beat("wave", params, wave.strings + added, wave.rule.split("+")[0] + "+completed", wave.source,
                               wave.detail_index, wave.keywords), i)
    if not steps:
        return []
    strings = [f"{st['n']} terms" for st in steps if st["action"] == "terms"] + (["sum"] if any(st["action"] == "sum" for st in steps) else [])
    return [_beat("wave", "wave:steps", ex, i, strings, _kw(s) + ("wave",), extend=True, steps=steps)]
