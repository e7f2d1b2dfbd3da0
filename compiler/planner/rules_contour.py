"""Planner rules for contour plots: the level curves of a function of two variables, and gradient descent on them.

    Draw a contour plot of f(x, y) = x^2 + 3y^2 with 8 elliptical level curves.
    Show the loss L(w1, w2) = (w1 - 1)^2 + 2(w2 + 1)^2 from above as contour lines; mark the minimum with a star.
    Place a red dot at (2.5, 2) labeled "start". Animate 10 steps of gradient descent with learning rate 0.1.

The picture's nouns, the descent words and the names of a learning rate are data (`planner/data/vocabulary.json`:
`contour_*`). The function comes from the sentence, else from the scene, else from the contour plot of an earlier
scene; with none, a bowl is drawn and said. The path is computed from its start, rate and number of steps; a
list of points the sentence gives is drawn as given.
"""

from __future__ import annotations

import re

from ..formula import FormulaError, descent, parse_surface
from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import WORD_NUMBERS, Extracted
from .knowledge import contour_words
from .quantity import NUM, quantity
from .rules_recall import scene_state

DEFAULT_BOWL = "x^2 + 2y^2"
_Q = r"[\"\u201c']([^\"\u201d']{1,40})[\"\u201d']"
_POINT = r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)"
# a formula in two variables as LLMs write it: "f(x, y) = …", "L(w1, w2) = …", "z = …", up to a stop or a clause
_SURFACE = re.compile(r"(?:\b[A-Za-z]\w{0,3}\s*\(\s*[A-Za-z]\w{0,2}\s*,\s*[A-Za-z]\w{0,2}\s*\)|\bz)\s*=\s*"
                      r"(?:[^,;:\"\u201c\u201d]|,(?=[^,()]*\)))+?(?=\s*(?:[,;:]\s|\.\s|\.$|$|\s(?:with|as|and|where|"
                      r"using|in|on|from|for|centered|drawn|shown)\b))")


def _surface_in(text: str) -> str | None:
    """The first readable formula of two variables written in `text` (quoted, backticked or bare)."""
    for m in _SURFACE.finditer(text or ""):
        cand = m.group(0).strip().rstrip(".").strip("`")
        try:
            f = parse_surface(cand)
        except FormulaError:
            continue
        if len(f.names) == 2:
            return cand
    return None


def _on_screen(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "contour" and b.params.get("expr")), None)


def _earlier(ctx: Context) -> Beat | None:
    for sp in reversed(ctx.history):
        b = scene_state(sp, "contour")
        if b is not None:
            return b
    return None


def _count(text: str, nouns: str) -> int | None:
    m = re.search(r"(?<![\w^.])(\d{1,3}|" + "|".join(WORD_NUMBERS) + r")\s+(?:[A-Za-z-]+\s+){0,2}?(?:" + nouns + r")\b",
                  text, re.I)
    if not m:
        return None
    w = m.group(1).lower()
    return int(w) if w.isdigit() else WORD_NUMBERS.get(w)


def _ranges(s: str, names: tuple[str, str]) -> dict:
    out = {}
    for key, name in (("x_range", names[0]), ("y_range", names[1])):
        m = re.search(r"\b" + re.escape(name) + r"\s+(?:from|in|between)\s+\[?\s*(" + NUM + r")\s*(?:to|and|,)\s*(" + NUM + r")",
                      s, re.I)
        if m and quantity(m.group(1)) < quantity(m.group(2)):
            out[key] = [quantity(m.group(1)), quantity(m.group(2))]
    return out


def _start(s: str, ctx: Context, picture: Beat | None) -> list[float] | None:
    """Where the descent starts: "starting at (2.5, 2)", "from (3, 1)", else the point last placed on the plot."""
    m = re.search(r"\b(?:start\w*|from|at|initial\w*)\s+(?:\w+\s+){0,3}?(?:point\s+)?" + _POINT, s, re.I)
    if m:
        return [quantity(m.group(1)), quantity(m.group(2))]
    for b in since_clear(ctx):
        if b.kind == "contour":
            pts = b.params.get("points") or []
            if pts:
                return [pts[-1]["x"], pts[-1]["y"]]
    return None


def _rate(s: str) -> float | None:
    m = re.search(r"\b(?:" + contour_words()["rate"] + r")\s*(?:=|of|is|:)?\s*(" + NUM + r")", s, re.I)
    if m:
        v = quantity(m.group(1))
        return v if 0 < v <= 10 else None
    return None


def _points(s: str) -> list[dict]:
    """"a red dot at (2.5, 2) labeled "start"": labelled points placed on the plot."""
    out = []
    for m in re.finditer(r"\b(?:dot|point|marker|ball|star|cross)\b[^.;()]{0,30}?\bat\s+" + _POINT + r"(?:[^.;(]{0,30}?"
                         r"\b(?:labell?ed|named|called|marked)\s+" + _Q + r")?", s, re.I):
        p = {"x": quantity(m.group(1)), "y": quantity(m.group(2))}
        if m.group(3):
            p["label"] = m.group(3)
        out.append(p)
    return out[:8]


def _path_points(s: str) -> list[list[float]]:
    """Points the path goes through, as the sentence lists them: "(2, 2) → (1.2, 0.8) → (0.5, 0.3)"."""
    pts = [[quantity(a), quantity(b)] for a, b in re.findall(_POINT, s)]
    if len(pts) >= 3 and re.search(_POINT + r"\s*(?:->|→|⟶|,|then|to)\s*" + _POINT, s):
        return pts[:61]
    return []


def rule_contour(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    words = contour_words()
    picture = _on_screen(ctx)
    cue = re.search(r"\b(?:" + words["nouns"] + r")", ex.bare or s, re.I)
    descends = re.search(r"\b(?:" + words["descent"] + r")", ex.bare or s, re.I)
    if picture is None and not cue:
        return []
    params: dict = {}
    strings: list[str] = []
    if picture is None:
        expr = _surface_in(s) or _surface_in(ctx.about)
        if expr is None and not re.search(r"\b(?:" + words["surface"] + r")", s + " " + ctx.about, re.I):
            return []  # "the contour of the island": of a shape or a map, not a function seen from above
        earlier = _earlier(ctx) if expr is None else None
        if expr is None and earlier is not None:
            params = {k: v for k, v in earlier.params.items() if k in ("expr", "x_range", "y_range", "levels", "label",
                                                                         "minimum", "x_label", "y_label")}
            expr = params["expr"]
        if expr is None:
            expr = DEFAULT_BOWL
            ctx.lost(i, f"the function is not given: drawn as the bowl {DEFAULT_BOWL}")
        f = parse_surface(expr)
        params["expr"] = expr
        params.update(_ranges(s, f.names))
        n = _count(s, words["levels"])
        if n is not None:
            params["levels"] = min(max(n, 3), 15)
        if re.search(r"\b(?:" + words["minimum"] + r")", ex.bare or s, re.I):
            params["minimum"] = True
        label = re.search(r"\b(?:contour\w*|plot|map|surface|function|loss)\s+(?:[\w-]+\s+){0,2}?(?:labell?ed|titled)\s+"
                          + _Q, s, re.I)
        if label and len(label.group(1)) <= 40:
            params["label"] = label.group(1)
            strings.append(label.group(1))
    elif re.search(r"\b(?:" + words["minimum"] + r")", ex.bare or s, re.I) and not picture.params.get("minimum") \
            and not descends:
        params["minimum"] = True  # "Mark the minimum with a green star": on the plot on screen
    points = _points(s)
    if points:
        params["points"] = points
        strings += [p["label"] for p in points if p.get("label")]
    expr = params.get("expr") or (picture.params["expr"] if picture is not None else None)
    if descends and expr:
        listed = _path_points(s)
        if listed:
            params["path"] = {"points": listed}
            params.pop("points", None)
        else:
            start = _start(s, ctx, picture) if not points else [points[0]["x"], points[0]["y"]]
            if start is None:
                start = _corner_start(expr, params)
                ctx.lost(i, f"the descent's start is not given: it starts at ({start[0]:g}, {start[1]:g})")
            rate = _rate(s) or _rate(ctx.about)
            if rate is None:
                rate = 0.1
                ctx.lost(i, "the learning rate is not given: steps of 0.1 × the gradient")
            steps = _count(s, words["steps"]) or _count(ctx.about, words["steps"]) or 8
            pts = descent(parse_surface(expr), tuple(start), rate, min(steps, 60))
            if max(max(abs(p[0]), abs(p[1])) for p in pts) > 1e6:
                ctx.lost(i, f"with learning rate {rate:g} the descent runs away: it is drawn with 0.01")
                rate = 0.01
            params["path"] = {"start": start, "rate": rate, "steps": min(steps, 60)}
            if points:
                params.pop("points", None)
                if points[0].get("label"):
                    params["path"]["label"] = points[0]["label"]
    if picture is not None:
        if not (params.get("points") or params.get("path") or params.get("minimum")):
            return []
        if params.get("minimum"):
            ctx.replace(picture, Beat("contour", {**picture.params, "minimum": True}, picture.strings, picture.rule,
                                      picture.source, picture.detail_index, picture.keywords), i)
            params.pop("minimum")
            if not (params.get("points") or params.get("path")):
                ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
                return []
        ctx.consumed.update(strings)
        ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
        return [_beat("contour", "contour:extend", ex, i, strings, _kw(s), extend=True, **params)]
    ctx.consumed.update(strings + [params["expr"]])
    ex.formulas[:] = [x for x in ex.formulas if x.strip() not in params["expr"]]
    ctx.stop = not (ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    axes = _bare_axes(ctx)
    if axes is not None:
        # "Draw axes x from -5 to 5 … Draw contour lines of f(x, y) = …": the axes asked for first are the contour
        # plot's — one picture, drawn when the axes were asked for, over their ranges
        for key in ("x_range", "y_range", "x_label", "y_label"):
            if axes.params.get(key) is not None:
                params.setdefault(key, axes.params[key])
        ctx.replace(axes, Beat("contour", params, tuple(dict.fromkeys(axes.strings + tuple(strings))),
                               "contour:picture+axes", axes.source, axes.detail_index, axes.keywords + ("contour",)), i)
        return []
    return [_beat("contour", "contour:picture", ex, i, strings, _kw(s) + ("contour",), **params)]


_AXES_ONLY = {"x_range", "y_range", "numbers", "x_label", "y_label", "color"}


def _bare_axes(ctx: Context) -> Beat | None:
    """Empty axes drawn since the last clear (no curve, point or mark yet): what a contour plot asked for next is
    drawn on."""
    for b in since_clear(ctx):
        if b.kind == "plot":
            return b if set(b.params) <= _AXES_ONLY else None
    return None


def _corner_start(expr: str, params: dict) -> list[float]:
    """A start for a descent nobody placed: toward the upper left of the view, away from the bottom."""
    xr = params.get("x_range") or [-3.0, 3.0]
    yr = params.get("y_range") or list(xr)
    return [round(xr[0] + 0.2 * (xr[1] - xr[0]), 2), round(yr[1] - 0.2 * (yr[1] - yr[0]), 2)]
