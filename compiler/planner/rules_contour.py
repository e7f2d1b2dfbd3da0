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

from ..components import drawn_strings
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
                      r"(?:[^,;:\"\u201c\u201d\n]|,(?=[^,()\n]*\)))+?(?=\s*(?:[,;:]\s|\.\s|\.$|$|\n|\s(?:with|as|and|where|"
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
    for sp in ctx.earlier("contour"):
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


def _start(s: str, ctx: Context) -> list[float] | None:
    """Where the descent starts: "starting at (2.5, 2)", "from (3, 1)", else the point last placed on the plot."""
    m = re.search(r"\b(?:start\w*|from|at|initial\w*)\s+(?:\w+\s+){0,3}?(?:point\s+)?" + _POINT, s, re.I)
    if m:
        return [quantity(m.group(1)), quantity(m.group(2))]
    return _last_point(ctx)


def _rate(s: str) -> float | None:
    m = re.search(r"\b(?:" + contour_words()["rate"] + r")\s*(?:=|of|is|:)?\s*(" + NUM + r")", s, re.I)
    if m:
        v = quantity(m.group(1))
        return v if 0 < v <= 10 else None
    return None


def _points(s: str) -> list[dict]:
    """"a red dot at (2.5, 2) labeled "start"", "an orange dot at the start point (-2, 3) with the label "start"":
    labelled points placed on the plot (not a descent's listed path, not an arrow's direction)."""
    out = []
    for m in re.finditer(r"\b(?:dot|point|marker|ball|star|cross|sphere)\b[^.;()]{0,40}?" + _POINT + r"(?:[^.;(]{0,30}?"
                         r"\b(?:labell?ed|named|called|marked|with\s+(?:the\s+)?label)\s+" + _Q + r")?", s, re.I):
        before = s[max(0, m.start() - 40):m.start()]
        if re.search(r"\b(?:arrow|vector|direction)\b", before + m.group(0), re.I):
            continue
        p = {"x": quantity(m.group(1)), "y": quantity(m.group(2))}
        if m.group(3):
            p["label"] = m.group(3)
        out.append(p)
    return out[:8]


def _level_values(s: str) -> list[float] | None:
    """"the levels L = 1, 4, 9, 16, 32", "at heights 1, 4 and 9": the values to draw the level curves at."""
    m = re.search(r"\b(?:levels?|heights?|values?|contours?)\s+(?:of\s+|at\s+)?(?:[A-Za-z]\w{0,2}\s*=\s*)?((?:" + NUM
                  + r"\s*,\s*){1,14}(?:and\s+)?" + NUM + r")(?![\w)]|\.\d)", s, re.I)
    if not m:
        return None
    vals = [quantity(v) for v in re.findall(NUM, m.group(1))]
    return vals if 2 <= len(vals) <= 15 and vals == sorted(vals) else None


def _arrows(s: str, at: list[float] | None) -> list[dict]:
    """"a red arrow starting at the dot, direction (-8, 16), scaled by 0.1, labeled "gradient"": an arrow from a point
    of the plot (a point written, else the one placed last), its direction times the scale the sentence gives."""
    if not re.search(r"\b(?:arrow|vector)\b", s, re.I):
        return []
    d = re.search(r"\b(?:direction|vector|arrow)\s*(?:of\s+)?" + _POINT + r"|" + _POINT + r"\s*(?:times|×|\*|scaled)", s, re.I)
    if not d:
        return []
    dx, dy = (d.group(1), d.group(2)) if d.group(1) else (d.group(3), d.group(4))
    k = re.search(r"(?:scaled\s+(?:down\s+)?by|times|×|\*)\s*(" + NUM + r")", s, re.I)
    scale = quantity(k.group(1)) if k else 1.0
    start = re.search(r"\b(?:at|from)\s+" + _POINT, s, re.I)
    tail = [quantity(start.group(1)), quantity(start.group(2))] if start else at
    if tail is None:
        return []
    label = re.search(r"\b(?:labell?ed|label|named|called|marked)\s+" + _Q, s, re.I)
    colour = re.search(r"\b(red|green|blue|orange|yellow|purple|white|pink|teal)\s+arrow", s, re.I)
    arrow = {"at": tail, "vector": [round(quantity(dx) * scale, 4), round(quantity(dy) * scale, 4)]}
    if label:
        arrow["label"] = label.group(1)
    if colour:
        arrow["color"] = colour.group(1).lower()
    return [arrow]


def _path_points(s: str) -> list[list[float]]:
    """Points the path goes through, as the sentence lists them: "(2, 2) → (1.2, 0.8) → (0.5, 0.3)"."""
    pts = [[quantity(a), quantity(b)] for a, b in re.findall(_POINT, s)]
    if len(pts) >= 3 and re.search(_POINT + r"\s*(?:->|→|⟶|,|then|to)\s*" + _POINT, s):
        return pts[:61]
    return []


def _last_point(ctx: Context) -> list[float] | None:
    for b in since_clear(ctx):
        if b.kind == "contour":
            pts = b.params.get("points") or []
            if pts:
                return [pts[-1]["x"], pts[-1]["y"]]
    return None


def _amend(ctx: Context, picture: Beat, i: int, **changes) -> None:
    ctx.replace(picture, Beat("contour", {**picture.params, **changes}, tuple(dict.fromkeys(
        picture.strings + tuple(v for v in changes.values() if isinstance(v, str) and v))), picture.rule,
        picture.source, picture.detail_index, picture.keywords), i)


def _settings(ex: Extracted, words: dict) -> dict:
    """What a sentence says of the plot itself: level values or count, labels on the levels, the minimum marked."""
    s, bare = ex.sentence, ex.bare or ex.sentence
    out: dict = {}
    values = _level_values(s)
    if values is not None:
        out["levels"] = values
    else:
        n = _count(s, words["levels"])
        if n is not None:
            out["levels"] = min(max(n, 3), 15)
    if re.search(r"\blabel\w*\b[^.;]{0,40}\b(?:level|value)", bare, re.I) and re.search(
            r"\b(?:each|every|the)\s+(?:ellipse|contour|level|curve|line|ring)s?\b", bare, re.I):
        out["level_labels"] = True
    if re.search(r"\b(?:" + words["minimum"] + r")", bare, re.I) or re.search(
            r"\bstar\b[^.;]{0,40}\b(?:cent(?:er|re)|minimum|bottom|lowest)\b|\b(?:cent(?:er|re)|minimum|bottom)\b[^.;]{0,30}"
            r"\bstar\b", bare, re.I):
        label = re.search(r"\b(?:labell?ed|label|named|called)\s+" + _Q, s, re.I)
        out["minimum"] = label.group(1) if label else True
    return out


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
    settings = _settings(ex, words)
    if picture is None:
        expr = _surface_in(s) or _surface_in(ctx.about)
        if expr is None and not re.search(r"\b(?:" + words["surface"] + r")", s + " " + ctx.about, re.I):
            return []  # "the contour of the island": of a shape or a map, not a function seen from above
        earlier = _earlier(ctx) if expr is None else None
        if expr is None and earlier is not None:
            params = {k: v for k, v in earlier.params.items() if k in ("expr", "x_range", "y_range", "levels", "label",
                                                                         "minimum", "x_label", "y_label",
                                                                         "level_labels")}
            expr = params["expr"]
        if expr is None:
            expr = DEFAULT_BOWL
            ctx.lost(i, f"the function is not given: drawn as the bowl {DEFAULT_BOWL}")
        f = parse_surface(expr)
        params["expr"] = expr
        params.update(_ranges(s, f.names))
        params.update(settings)
        label = re.search(r"\b(?:contour\w*|plot|map|surface|function|loss)\s+(?:[\w-]+\s+){0,2}?(?:labell?ed|titled)\s+"
                          + _Q, s, re.I)
        if label and len(label.group(1)) <= 40:
            params["label"] = label.group(1)
            strings.append(label.group(1))
        if isinstance(params.get("minimum"), str):
            strings.append(params["minimum"])
    elif settings and not descends:
        # "Put a small label with the level on each ellipse", "Mark the center with a yellow star labeled …": the
        # plot on screen changes
        _amend(ctx, picture, i, **settings)
        ctx.consumed.update(v for v in settings.values() if isinstance(v, str))
        ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
        return []
    points = _points(s)
    arrows = _arrows(s, [points[-1]["x"], points[-1]["y"]] if points else _last_point(ctx)) if picture else []
    if points:
        params["points"] = points
        strings += [p["label"] for p in points if p.get("label")]
    if arrows:
        params["arrows"] = arrows
        strings += [a["label"] for a in arrows if a.get("label")]
    expr = params.get("expr") or (picture.params["expr"] if picture is not None else None)
    if descends and expr:
        listed = _path_points(s)
        if listed:
            params["path"] = {"points": listed}
            params.pop("points", None)
        else:
            start = _start(s, ctx) if not points else [points[0]["x"], points[0]["y"]]
            if start is None:
                start = _corner_start(params)
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
        if not (params.get("points") or params.get("path") or params.get("arrows")):
            if ex.quoted and all(q in _drawn(picture) for q in ex.quoted):
                ctx.modified.add(i)  # 'Labels "w1" and "w2"': the plot on screen already shows them
                ctx.stop = True
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


def _drawn(picture: Beat) -> set[str]:
    return set(drawn_strings("contour", picture.params)) | set(picture.strings)


_AXES_ONLY = {"x_range", "y_range", "numbers", "x_label", "y_label", "color"}


def _bare_axes(ctx: Context) -> Beat | None:
    """Empty axes drawn since the last clear (no curve, point or mark yet): what a contour plot asked for next is
    drawn on."""
    for b in since_clear(ctx):
        if b.kind == "plot":
            return b if set(b.params) <= _AXES_ONLY else None
    return None


def _corner_start(params: dict) -> list[float]:
    """A start for a descent nobody placed: toward the upper left of the view, away from the bottom."""
    xr = params.get("x_range") or [-3.0, 3.0]
    yr = params.get("y_range") or list(xr)
    return [round(xr[0] + 0.2 * (xr[1] - xr[0]), 2), round(yr[1] - 0.2 * (yr[1] - yr[0]), 2)]
