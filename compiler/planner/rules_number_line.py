"""Planner rules for number lines: the line, its range and what sits on it.

    Show a number line from 0 to 1 with labels "Impossible" at 0, "Even chance" at 0.5, and "Certain" at 1.
    Draw a number line from -3 to 3 with a dot at 2.
    Draw a number line from 0 to 10 and mark points at 2 and 7; shade the interval from 2 to 7.
    Put an open circle at 4 and a filled dot at -1.
    Draw an arrow (a jump) from 1 to 4 labelled "+3". Show dots at 1, 2, 2, 3, 3, 3 as a dot plot.
    Show a row of small number lines, each with an arrow: length 1 becomes 3, length 1 becomes 0.5.
    Show a number line from 600 Hz to 800 Hz with marks at 643.2 (red), 700 (white) and 767.7 (blue).

Typed pieces (the range "from a to b", quoted labels at values, points and open circles, intervals,
jumps "from a to b" or "a becomes b", dots of a dot plot, a mean or median marker) combined into one
`number_line` beat. A unit written with the range ("600 Hz") is the line's caption; a point's colour or label may
follow its value ("643.2 (red)", "2 in green", "3 labelled "a""), and values that fall between numbered ticks are
written above their points. Fractions and multiples of π choose how the ticks are numbered. What the sentence
asks for but the line cannot show is reported (SB307).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .quantity import NUM, number, quantity
from .theme import COLOUR_RE, colour_value

_Q = r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]"


_PIECES = ("points", "jumps", "intervals", "dots", "markers")
# a unit written after a number ("600 Hz", "5 m/s", "20 °C", "30%"): a short word that is not a joining word
_NOT_UNITS = {"to", "and", "or", "with", "at", "in", "on", "of", "for", "by", "as", "the", "a", "an", "then", "is",
              "marks", "mark", "dots", "dot", "points", "point", "ticks", "tick", "from", "through", "labeled",
              "labelled", "marked", "named", "where", "which", "that", "each", "every", "step", "steps", "units",
              "unit"}
_UNIT = (r"(?!(?:" + "|".join(sorted(_NOT_UNITS)) + r")\b)(?:%|°[CFK]?|[A-Za-zΩµμ]{1,5}(?:/[A-Za-z]{1,3}(?:\^?2|²)?)?)"
         r"(?![\w(])")


def _unit(word: str | None) -> str | None:
    return word if word and word.lower() not in _NOT_UNITS and not COLOUR_RE.fullmatch(word) else None


def _written(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


_NAMED = r"(?:(?P<name>[A-Za-z][A-Za-z0-9_]{0,4})\s*=\s*)?"  # "L4 = 1.75": a value with its name


def _items(text: str) -> list[tuple]:
    """The values of a list that starts `text`, each with what is written after it: (value, colour, label, unit).
    "643.2 (red), 700 (white) and 767.7 (blue)", "2 in red and 5 in blue", "3 labelled "a", 5 labelled "b"",
    "600 Hz, 700 Hz"."""
    item = re.compile(r"\s*" + _NAMED + r"(?P<v>" + NUM + r")(?:\s*(?P<u>" + _UNIT + r"))?"
                      r"(?:\s*\((?P<note>[^()]{1,30})\)|\s+in\s+(?P<c>" + COLOUR_RE.pattern + r")|"
                      r"\s+(?:labell?ed|marked|named)\s+" + _Q.replace("(", "(?P<q>", 1) + ")?", re.I)
    sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b\s*|&\s*)(?=\s*" + _NAMED + NUM + ")", re.I)
    out = []
    pos = 0
    while True:  # ends: each turn consumes an item or stops
        m = item.match(text, pos)
        if not m:
            break
        colour = label = None
        unit = _unit(m.group("u"))
        note = m.group("note")
        if note is not None:
            colour = colour_value(note.strip()) if COLOUR_RE.fullmatch(note.strip()) else None
            label = None if colour else note.strip().strip("\"'\u201c\u201d")
        elif m.group("c"):
            colour = colour_value(m.group("c"))
        elif m.group("q"):
            label = m.group("q")
        if m.group("name") and not label:
            label = f"{m.group('name')} = {m.group('v')}"  # "marks at L4 = 1.75, R4 = 3.75": each named
        out.append((number(m.group("v")), colour, label, unit))
        pos = m.end()
        more = sep.match(text, pos)
        if not more:
            break
        pos = more.end()
    return out


# "a vertical height axis from 0 to 5 m", "a horizontal frequency axis from 3 to 9": one axis, alone, with its range
_LONE_AXIS = re.compile(r"\b(?:an?|the)\s+((?:vertical|horizontal)\s+(?:[a-z]+\s+)?|[a-z]+\s+)axis\s+(?:\w+\s+){0,3}?from\s+[-\d]",
                        re.I)


def _line_on_screen(ctx: Context) -> Beat | None:
    """The number line on screen, when it is the last figure drawn."""
    for b in since_clear(ctx):
        if b.kind == "number_line":
            return b
        if b.kind not in ("text", "bullets", "equation", "steps", "title", "highlight"):
            return None
    return None


def _complete(ex: Extracted, ctx: Context, i: int, line: Beat) -> None:
    """"Mark points at 2 and 7", "Shade the interval from 2 to 5" after the line is drawn: they go on it."""
    s = ex.sentence
    if not re.match(r"^\s*(?:then\s+|next,?\s+|now\s+|finally,?\s+)?(?:mark|put|place|draw|add|shade|highlight|show|plot|colou?r)\w*\b",
                    s, re.I):
        return
    params, strings = _pieces(ex, ctx, i, s, s, dict(line.params))
    if all(params.get(k) == line.params.get(k) for k in _PIECES):
        return
    for k in ("points", "jumps", "intervals", "markers"):
        if line.params.get(k) and params.get(k) is not line.params.get(k):
            params[k] = ctx.capped(i, list(line.params[k]) + [x for x in params[k] if x not in line.params[k]], 12, k)
    ctx.consumed.update(strings)
    ctx.replace(line, Beat("number_line", params, line.strings + tuple(x for x in strings if x not in line.strings),
                           line.rule.split("+")[0] + "+completed", line.source, line.detail_index, line.keywords), i)
    # ('… and write "3 of 5 values within one σ"': a text of its own, left to the rules after)
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]


def rule_number_line(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """A number line the sentence draws (one beat, even for "a row of number lines"), or what a later sentence puts
    on the one on screen."""
    s = ex.sentence
    lone = _LONE_AXIS.search(ex.bare) if not re.search(r"\baxes\b|\b[xy][- ]axis\b|\b(?:graph|plot|chart|curve|grid|histogram)s?\b",
                                                      ex.bare, re.I) else None
    if lone:
        # "a vertical height axis from 0 to 5 m with ticks at "0 m", "2.5 m" and "5 m"": one axis alone — a number
        # line, its ticks named as written
        rng = re.search(r"\bfrom\s+(" + NUM + r")\s*(" + _UNIT + r")?\s+to\s+(" + NUM + r")\s*(" + _UNIT + r")?", s[lone.start():], re.I)
        if rng and quantity(rng.group(1)) != quantity(rng.group(3)):
            a, b = sorted((number(rng.group(1)), number(rng.group(3))), key=float)
            unit = _unit(rng.group(4)) or _unit(rng.group(2))
            ticks = [(q, re.match(r"\s*(" + NUM + r")", q)) for q in ex.quoted]
            ticks = [{"value": number(m.group(1)), "label": q} for q, m in ticks
                     if m and float(a) <= quantity(m.group(1)) <= float(b) and re.search(r"\bticks?\b", s, re.I)]
            name = " ".join(w for w in (lone.group(1) or "").split() if w.lower() not in ("vertical", "horizontal")).strip()
            label = (f"{name} ({unit})" if name and unit else name or unit) or None
            if re.search(r"\bvertical\b", lone.group(0), re.I):
                ctx.lost(i, "the vertical axis is drawn horizontally (a number line)")
            params = {"range": [a, b], "tick_labels": ticks[:12], "label": label}
            strings = [t["label"] for t in ticks] + ([label] if label else [])
            ctx.consumed.update(strings)
            return [_beat("number_line", "number_line:lone-axis", ex, i, strings, _kw(s) + ("number", "line"),
                          **{k: v for k, v in params.items() if v})]
    if not re.search(r"\bnumber[- ]lines?\b", ex.bare, re.I) or (
            re.search(r"\b(?:on|to|along|onto|above|below|under)\s+the\s+number[- ]line\b", ex.bare, re.I)
            and not re.search(r"\b(?:new|second|another|other)\s+number[- ]line\b", ex.bare, re.I)):
        # ("Finally place three dots on the number line …": the line on screen, completed — not a new one)
        named = re.search(r"\bnumber[- ]lines?\b", ex.bare, re.I)
        line = _line_on_screen(ctx) or (next((b for b in since_clear(ctx) if b.kind == "number_line"), None) if named else None)
        if line is not None:
            _complete(ex, ctx, i, line)
            return []
        if re.search(r"\bnumber[- ]lines?\b", ex.bare, re.I) and not re.search(
                r"\b(?:draw|show|display|add|sketch|start|use)\w*\b[^.;]{0,40}\bnumber[- ]line", ex.bare, re.I):
            return []  # ("draw a thin arrow down to its position on the number line": a line no sentence drew yet)
        if not re.search(r"\bnumber[- ]lines?\b", ex.bare, re.I):
            return []
    if not re.search(r"\b(?:draw|show|display|add|sketch|place|put|use|start|below|above|beneath|under|on the)\w*\b|^\s*(?:an?|the)\b",
                     s, re.I):
        return []
    params: dict = {}
    strings: list[str] = []
    rest = s
    ends = r"\+?(" + NUM + r")(?:\s*(" + _UNIT + r"))?\s+(?:to|and|through)\s+\+?(" + NUM + r")(?:\s*(" + _UNIT + r"))?"
    rng = re.search(r"\bnumber[- ]lines?\b[^.;:]{0,40}?\b(?:from|between)\s+" + ends, s, re.I) or \
        re.search(r"\b(?:from|between)\s+" + ends, s, re.I)
    if rng:
        a, b = quantity(rng.group(1)), quantity(rng.group(3))
        if a == b:
            return []
        params["range"] = [number(rng.group(1)) if a < b else number(rng.group(3)),
                           number(rng.group(3)) if a < b else number(rng.group(1))]
        unit = _unit(rng.group(4)) or _unit(rng.group(2))
        if unit:
            params["label"] = unit  # "from 600 Hz to 800 Hz": the unit under the line
            strings.append(unit)
        rest = s[:rng.start(1)] + " " * (rng.end() - rng.start(1)) + s[rng.end():]
    params, found = _pieces(ex, ctx, i, s, rest, params)
    strings += found
    if re.search(r"\bnumber[- ]lines\b", ex.bare, re.I) and re.search(r"\b(?:two|three|four|five|six|row of|several)\b", s, re.I):
        ctx.lost(i, "several number lines: one is drawn, with every value on it")
    if not any(k in params for k in _PIECES):
        if "range" not in params:
            params["range"] = [-5, 5]
            if re.search(r"\b(?:from|between)\s+[^.;]{1,30}?\s(?:to|and)\s+\S", s, re.I):
                ctx.lost(i, "the line's range is not read: it is drawn from -5 to 5")
        if re.search(r"\b(?:arrows?|vectors?|dots?|points?|(?<!tick )marks?|markers?)\b", rest, re.I):
            ctx.lost(i, "what sits on the number line is not given as numbers: an empty line is drawn")
    for m in re.finditer(r"\b(dot|point|marker|arrow)s?\b[^.;\"\u201c]{0,20}?\b(?:labell?ed|marked|named)\s+" + _Q, s, re.I):
        if m.group(2) not in strings:
            # "a dot marked "A" somewhere inside": no number says where — the dot is not drawn, and that is said
            ctx.lost(i, f"the {m.group(1).lower()} {m.group(2)!r} is given no value on the line: it is not drawn")
            ctx.consumed.add(m.group(2))  # (nor is its label, alone beside the line)
    named = re.search(r"\b(?:with\s+(?:the\s+)?label|labell?ed|titled|captioned)\s+" + _Q + r"(?=\s*(?:[.;]|$))", s, re.I)
    if named and named.group(1) not in strings:
        params["label"] = named.group(1)  # 'a number line … with label "x (m)"': the line's name, not a point's
        strings = [x for x in strings if x != _unit(rng.group(4) if rng else None) and x != _unit(rng.group(2) if rng else None)]
        strings.append(named.group(1))
    if rng:  # the range's numbers are the line's, not formulas of the sentence ("+0.1 m")
        ex.prose[:] = [f for f in ex.prose if not (rng.start() <= f[1] < rng.end())]
        ex.formulas[:] = [f for f in ex.formulas if f.strip() not in rng.group(0)]
    ctx.consumed.update(strings)
    if all(q in ctx.consumed for q in ex.quoted):
        ctx.stop = True  # its numbers are the line's: no row of boxes, no axes for them
    return [_beat("number_line", "number_line:prose", ex, i, strings, _kw(s) + ("number", "line"), **params)]


def _pieces(ex: Extracted, ctx: Context, i: int, s: str, rest: str, params: dict) -> tuple[dict, list[str]]:
    """The ticks' numbering, labelled values, points, jumps, intervals, dots and markers the sentence puts on a line."""
    strings: list[str] = []
    if re.search(r"π|\bpi\b", s):
        params["numbers"] = "pi"
    elif re.search(r"(?<![\d.])\d+\s*/\s*\d+(?!\d|\.\d)", rest) or re.search(r"\bfractions?\b|\bhalves\b|\bquarters\b", s, re.I):
        params["numbers"] = "fractions"
    points: list[dict] = []
    seen: set = set()
    colours: dict = {}
    lists: list[tuple] = []

    def point(value, label=None, hollow=False) -> None:
        if value in seen:
            return
        seen.add(value)
        p: dict = {"value": value}
        if label:
            p["label"] = label
            strings.append(label)
        if hollow:
            p["hollow"] = True
        points.append(p)

    for q in re.finditer(_Q + r"\s+at\s+(" + NUM + r")", s):
        point(number(q.group(2)), q.group(1))
    # 'three dots on the number line for our words: "cat–car 0.47" and "cat–dog 0.94"': each label holds its value
    if re.search(r"\b(?:dots?|points?|markers?|marks?)\b", rest, re.I):
        for q in re.finditer(r"[\"\u201c]([^\"\u201d\d]{1,30}?)\s+(" + NUM + r")[\"\u201d]", s):
            point(number(q.group(2)), f"{q.group(1).strip()} {q.group(2)}")
    for q in re.finditer(r"\b(" + NUM + r")\s*(?:\(|:|=)\s*" + _Q, rest):
        point(number(q.group(1)), q.group(2))
    # "mark the point 7 with a dot labeled "x"", "the number 3 marked "start""
    for q in re.finditer(r"\b(?:point|value|number)\s+(" + NUM + r")(?![\d.])(?:[^.;\"\u201c]{0,30}?\b(?:labell?ed|marked|named)\s+"
                         + _Q + r")?", rest, re.I):
        # ("the exact value 8/3 marked with a yellow star": a fraction lies between ticks — written as it is)
        point(number(q.group(1)), q.group(2) or (q.group(1) if "/" in q.group(1) else None))
    jumps = []
    for m in re.finditer(r"\b(?:jumps?|hops?|arrows?|arcs?|steps?)\s+(?:of\s+[+-]?\d+\s+)?from\s+(" + NUM + r")\s+to\s+(" + NUM + r")"
                         r"(?:\s*,?\s*(?:labell?ed|marked)\s+" + _Q + r")?", rest, re.I):
        j: dict = {"start": number(m.group(1)), "end": number(m.group(2))}
        if m.group(3):
            j["label"] = m.group(3)
            strings.append(m.group(3))
        jumps.append(j)
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    for m in re.finditer(r"\b(" + NUM + r")\s+(?:becomes|turns into|goes to|grows to|shrinks to|stretches to)\s+(" + NUM + r")\b",
                         rest, re.I):
        jumps.append({"start": number(m.group(1)), "end": number(m.group(2))})
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    intervals = []
    for m in re.finditer(r"\b(?:shade|highlight|colou?r|mark)?\w*\s*(?:the\s+)?(?:interval|segment|region|stretch|part)\s+"
                         r"(?:from|between)\s+(" + NUM + r")\s+(?:to|and)\s+(" + NUM + r")", rest, re.I):
        a, b = number(m.group(1)), number(m.group(2))
        if a != b:
            intervals.append({"start": min(a, b), "end": max(a, b)})
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    for m in re.finditer(r"\b(?:(" + COLOUR_RE.pattern + r")\s+)?(open|hollow|empty|filled|solid|closed)?\s*"
                         r"(?:dots?|points?|circles?|markers?|marks?)\s+(?:\w+\s+){0,2}?at\s+(?=" + _NAMED.replace("?P<name>", "") + NUM + ")",
                         rest, re.I):
        hollow = (m.group(2) or "").lower() in ("open", "hollow", "empty")
        items = _items(rest[m.end():])
        values = [v for v, _, _, _ in items]
        if len(values) > 3 and len(set(values)) < len(values) or re.search(r"\bdot ?plot\b", s, re.I):
            params["dots"] = values[:60]
            continue
        lists.append((m, hollow, items))
    # "marks at 643.2 (red), 700 (white) and 767.7 (blue)": values not on a numbered tick are written above their
    # points, and then every point is
    written = any(not float(v).is_integer() or u for _, _, items in lists for v, _, _, u in items)
    for m, hollow, items in lists:
        for v, colour, label, unit in items:
            label = label or (_written(v) + (" " + unit if unit else "") if written else None)
            colour = colour or (colour_value(m.group(1)) if m.group(1) else None)
            if colour:
                colours[v] = colour
            point(v, label, hollow=hollow)
    for m in re.finditer(r"\b(mean|median|average|mode)\s*(?:=|of|at|is)?\s*(" + NUM + r")", rest, re.I):
        params.setdefault("markers", []).append({"value": number(m.group(2)), "label": f"{m.group(1).lower()} = {m.group(2)}"})
        strings.append(f"{m.group(1).lower()} = {m.group(2)}")
    for p in points:
        if p["value"] in colours:
            p["color"] = colours[p["value"]]
    if points:
        params["points"] = points[:12]
    if jumps:
        params["jumps"] = jumps[:10]
    if intervals:
        params["intervals"] = intervals[:4]
    if "range" in params:
        lo, hi = params["range"]
        values = ([p["value"] for p in points] + params.get("dots", []) + [x for j in jumps for x in (j["start"], j["end"])]
                  + [x for k in intervals for x in (k["start"], k["end"])] + [m["value"] for m in params.get("markers", [])])
        outside = [v for v in values if not lo <= v <= hi]
        if outside:
            params["range"] = [min([lo] + outside), max([hi] + outside)]
            ctx.lost(i, f"{outside[0]:g} lies outside the number line from {lo:g} to {hi:g}: the line is drawn longer")
    return params, strings
