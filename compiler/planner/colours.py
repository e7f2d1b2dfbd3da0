"""Per-element colours from `animation_style`, applied to the beats of a scene after the rules ran.

The theme (`theme.py`) reads "The word "Undefined!" should … appear in orange", "Antiderivative in
yellow", "Use red color to highlight "0 / 0"", "Glucose highlighted in yellow". Components that
colour their parts by label (flow boxes, bars, cards, curves) read `theme.labels` themselves; the
others (text, title, equation, steps, bullets, code, sequence, grid, matrix) get a `color` here when
the style names them — by the text they show, or by the noun the details used for them ("Show the
antiderivative F(x) = x^3/3"). Emphasis ("highlight "0 / 0" in red") becomes a highlight beat in
that colour right after the beat that draws the text, and highlight beats take the style's
highlight colour.
"""

from __future__ import annotations

import re

from .beats import Beat
from .extract import mask_shown
from .theme import COLOUR_RE, ROLE_WORDS, Theme, colour_value, styled_highlight

WHOLE = ("text", "title", "equation", "steps", "bullets", "code", "sequence", "matrix", "transform")
_GENERIC = set(sum(ROLE_WORDS.values(), ())) | {"final", "the", "then", "second", "first", "light", "component",
                                                 "outline", "outlines", "glow"}


_HATS = {"i-hat": "î", "j-hat": "ĵ", "k-hat": "k̂", "x-hat": "x̂", "y-hat": "ŷ", "x-bar": "x̄", "y-bar": "ȳ",
         "mu": "μ", "sigma": "σ", "theta": "θ", "lambda": "λ", "alpha": "α", "beta": "β", "eta": "η", "pi": "π"}


def _norm(s: str) -> str:
    s = re.sub(r"\s+", "", str(s)).lower()
    return _HATS.get(s, s)


def _with(b: Beat, **params) -> Beat:
    return Beat(b.kind, {**b.params, **params}, b.strings, b.rule, b.source, b.detail_index, b.keywords)


def _named_colour(b: Beat, labels: list[tuple[str, str, str]]) -> str | None:
    """The colour the style gives this beat: a label equal to one of its strings, else a label phrase
    the details used for it ("the antiderivative", "the update rule"). `labels`: (phrase, key, colour),
    longest first."""
    strings = {_norm(s) for s in b.strings if s} | ({_norm(b.params["label"])} if isinstance(b.params.get("label"), str)
                                                    else set())
    for phrase, key, col in labels:
        if key in strings:
            return col
    bare = mask_shown(b.source).lower()
    for phrase, key, col in labels:
        if len(phrase) >= 4 and phrase not in _GENERIC and phrase in bare and re.search(
                r"\b" + re.escape(phrase) + r"\b", bare):
            return col
    return None


_AFTER = re.compile(r"[\"\u201d]\s*,?\s*(?:(?:written|shown|drawn|set|appears?)\s+)?(?:in|colou?red)\s+(" + COLOUR_RE.pattern
                    + r")(?:\s+(?:text|font|letters|ink))?(?![\w-])", re.I)
_BEFORE = re.compile(r"(?:\bin\s+)?(" + COLOUR_RE.pattern + r")(?:\s+(?:text|label|word|words|formula|equation|note|"
                     r"caption|line))?\s*:?\s*[\"\u201c]$", re.I)


def said_colour(b: Beat) -> str | None:
    """The colour the details give the one text a text or formula beat shows: '"e = 2? …" in red', 'a green
    "yes"', 'in orange: "Undefined!"' — not the colour of a thing it labels ('a red arrow labeled "x"')."""
    shown = b.params.get("text") if b.kind == "text" else (b.params.get("exprs") or [None])[0] \
        if b.kind == "equation" and len(b.params.get("exprs") or ()) == 1 else None
    if not isinstance(shown, str) or not shown:
        return None
    m = re.search(r"[\"\u201c]" + re.escape(shown) + r"[\"\u201d]", b.source)
    if not m:
        return None
    after = _AFTER.match(b.source, m.end() - 1)
    before = _BEFORE.search(b.source[max(0, m.start() - 40):m.start() + 1])
    word = after.group(1) if after else before.group(1) if before else None
    return colour_value(word) if word else None


def apply_colours(beats: list[Beat], theme: Theme) -> list[Beat]:
    out: list[Beat] = []
    labels = [(p, _norm(p), c) for p, c in sorted(theme.labels.items(), key=lambda x: -len(x[0])) if p]
    for b in beats:
        said = said_colour(b) if b.kind in ("text", "equation") and "color" not in b.params else None
        if said:
            b = _with(b, color=said)
        if b.kind in WHOLE and "color" not in b.params:
            col = _named_colour(b, labels)
            if col:
                b = _with(b, color=col)
        elif b.kind == "highlight" and "color" not in b.params and b.params.get("mode") != "dim":
            low = b.source.lower()
            col = next((c for p, c in theme.emphasis.items() if len(p) >= 3 and p.lower() in low), None)
            # ("Results box: green stroke", "Highlight for sum 2: red fill": the style's colour for highlights of its kind)
            col = col or styled_highlight(b.source, theme.labels) or theme.roles.get("highlight")
            if col:
                b = _with(b, color=col)
        out.append(b)
    # "Use red color to highlight "0 / 0"": the beat that draws it is followed by a highlight in red
    for phrase, col in theme.emphasis.items():
        key = _norm(phrase)
        token = re.search(r"[$€£]?\d[\d.,]*%?$", phrase.strip())  # "the final $31 … boxed": the $31 it names
        if token and not any(key in _norm(s) for b in out for s in b.strings):
            phrase, key = token.group(0), _norm(token.group(0))
        if not key:
            continue
        hit = next((k for k, b in enumerate(out) if b.kind not in ("highlight", "clear", "move")
                    and any(key in _norm(s) for s in b.strings)), None)
        if hit is None:
            continue
        b = out[hit]
        if b.kind in ("text", "title") and any(_norm(s) == key for s in b.strings):
            out[hit] = _with(b, color=col)
            continue
        def marks(x: Beat) -> bool:  # a mark on that text already (or on that piece of a line: "$31" boxed)
            return x.kind == "highlight" and any(isinstance(x.params.get(f), str) and _norm(x.params[f]) == key
                                                 for f in ("target", "part"))

        if any(marks(x) for x in out):
            out = [_with(x, color=col) if marks(x) else x for x in out]
            continue
        if not any(_norm(s) == key or re.search(r"[^\w\s]", phrase) for s in b.strings):
            continue  # a word inside a longer text: too vague to surround
        out.insert(hit + 1, Beat("highlight", {"target": phrase, "color": col}, (), "highlight:style-emphasis",
                                 b.source, b.detail_index, b.keywords))
    return out
