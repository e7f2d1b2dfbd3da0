"""Planner rules for number lines: the line, its range and what sits on it.

    Show a number line from 0 to 1 with labels "Impossible" at 0, "Even chance" at 0.5, and "Certain" at 1.
    Draw a number line from -3 to 3 with a dot at 2.
    Draw a number line from 0 to 10 and mark points at 2 and 7; shade the interval from 2 to 7.
    Put an open circle at 4 and a filled dot at -1.
    Draw an arrow (a jump) from 1 to 4 labelled "+3". Show dots at 1, 2, 2, 3, 3, 3 as a dot plot.
    Show a row of small number lines, each with an arrow: length 1 becomes 3, length 1 becomes 0.5.

Typed pieces (the range "from a to b", quoted labels at values, points and open circles, intervals,
jumps "from a to b" or "a becomes b", dots of a dot plot, a mean or median marker) combined into one
`number_line` beat. Fractions and multiples of π choose how the ticks are numbered. What the sentence
asks for but the line cannot show is reported (SB307).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .quantity import NUM, number, quantity

_Q = r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]"
_LIST = r"(" + NUM + r"(?:\s*(?:,|\band\b|&)\s*(?:and\s+)?" + NUM + r")*)"


def _values(text: str) -> list:
    return [number(v) for v in re.findall(NUM, text)]


_PIECES = ("points", "jumps", "intervals", "dots", "markers")


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
    if not re.match(r"^\s*(?:then\s+|next,?\s+|now\s+)?(?:mark|put|place|draw|add|shade|highlight|show|plot|colou?r)\w*\b",
                    s, re.I):
        return
    params, strings = _pieces(ex, ctx, i, s, s, dict(line.params))
    if all(params.get(k) == line.params.get(k) for k in _PIECES):
        return
    for k in ("points", "jumps", "intervals", "markers"):
        if line.params.get(k) and params.get(k) is not line.params.get(k):
            params[k] = (list(line.params[k]) + [x for x in params[k] if x not in line.params[k]])[:12]
    ctx.consumed.update(strings)
    ctx.replace(line, Beat("number_line", params, line.strings + tuple(x for x in strings if x not in line.strings),
                           line.rule.split("+")[0] + "+completed", line.source, line.detail_index, line.keywords), i)
    ctx.stop = True


def rule_number_line(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """A number line the sentence draws (one beat, even for "a row of number lines"), or what a later sentence puts
    on the one on screen."""
    s = ex.sentence
    if not re.search(r"\bnumber[- ]lines?\b", ex.bare, re.I):
        line = _line_on_screen(ctx)
        if line is not None:
            _complete(ex, ctx, i, line)
        return []
    if not re.search(r"\b(?:draw|show|display|add|sketch|place|put|use|start|below|above|beneath|under|on the)\w*\b|^\s*(?:an?|the)\b",
                     s, re.I):
        return []
    params: dict = {}
    rest = s
    rng = re.search(r"\bnumber[- ]lines?\b[^.;:]{0,40}?\b(?:from|between)\s+(" + NUM + r")\s+(?:to|and|through)\s+(" + NUM + r")",
                    s, re.I) or re.search(r"\b(?:from|between)\s+(" + NUM + r")\s+(?:to|and|through)\s+(" + NUM + r")", s, re.I)
    if rng:
        a, b = quantity(rng.group(1)), quantity(rng.group(2))
        if a == b:
            return []
        params["range"] = [number(rng.group(1)) if a < b else number(rng.group(2)),
                           number(rng.group(2)) if a < b else number(rng.group(1))]
        rest = s[:rng.start(1)] + " " * (rng.end() - rng.start(1)) + s[rng.end():]
    params, strings = _pieces(ex, ctx, i, s, rest, params)
    if re.search(r"\bnumber[- ]lines\b", ex.bare, re.I) and re.search(r"\b(?:two|three|four|five|six|row of|several)\b", s, re.I):
        ctx.lost(i, "several number lines: one is drawn, with every value on it")
    if not any(k in params for k in _PIECES) and "range" not in params:
        params["range"] = [-5, 5]
        if re.search(r"\b(?:arrows?|vectors?|dots?|points?)\b", s, re.I):
            ctx.lost(i, "what sits on the number line is not given as numbers: an empty line is drawn")
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
    for q in re.finditer(r"\b(" + NUM + r")\s*(?:\(|:|=)\s*" + _Q, rest):
        point(number(q.group(1)), q.group(2))
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
    for m in re.finditer(r"\b(open|hollow|empty|filled|solid|closed)?\s*(?:dots?|points?|circles?|markers?)\s+"
                         r"(?:\w+\s+){0,2}?at\s+" + _LIST, rest, re.I):
        hollow = (m.group(1) or "").lower() in ("open", "hollow", "empty")
        values = _values(m.group(2))
        if len(values) > 3 and len(set(values)) < len(values) or re.search(r"\bdot ?plot\b", s, re.I):
            params["dots"] = values[:60]
            continue
        for v in values:
            point(v, hollow=hollow)
    for m in re.finditer(r"\b(mean|median|average|mode)\s*(?:=|of|at|is)?\s*(" + NUM + r")", rest, re.I):
        params.setdefault("markers", []).append({"value": number(m.group(2)), "label": f"{m.group(1).lower()} = {m.group(2)}"})
        strings.append(f"{m.group(1).lower()} = {m.group(2)}")
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
