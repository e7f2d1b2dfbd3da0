"""Planner rules for named points on axes and what is built from them: the points themselves (a plot of
their own when none is on screen), the dashed segments or polyline joining them in order, and the Bézier
curve they control.

    Plot the control points P₀ = (0, 0), P₁ = (2, 4), P₂ = (4, 0) and the dashed segments P₀P₁ and P₁P₂.
    Connect them in order with a dashed grey polyline (the control polygon).
    Draw the cubic Bézier curve defined by these four points, starting at P₀ and ending at P₃.

A Bézier curve is computed here (de Casteljau's construction, sampled) and drawn as a line through the
samples; its degree is the number of control points less one, and a degree written otherwise is said. The
words are data (`planner/data/vocabulary.json`: `control_polygon_words`, `control_curve_words`).
"""

from __future__ import annotations

import re

from ..formula import nice_range
from .beats import Beat
from .context import Context, _beat, _kw
from .extract import NAMED_POINT as NAMED, Extracted, named_points
from .knowledge import component_nouns, control_point_words
from .quantity import NUM, quantity
from .rules_plot import clean_number
from .rules_plot_marks import _extend, plot_on_screen

_SUB = "₀₁₂₃₄₅₆₇₈₉"
_DEGREE = {"linear": 1, "quadratic": 2, "cubic": 3, "quartic": 4}


def _subscripted(name: str) -> str:
    """"P0", "P_0" -> "P₀": the name as a subscript reads on screen (the details mix both ways)."""
    m = re.fullmatch(r"([A-Z])_?([0-9]{1,2})", name)
    return m.group(1) + m.group(2).translate(str.maketrans("0123456789", _SUB)) if m else name


def _range(values: list[float]) -> list[float]:
    lo, hi = min(values + [0.0]), max(values + [0.0])
    pad = max(1.0, (hi - lo) * 0.15)
    a, b, _ = nice_range(lo - pad, hi + pad, include_zero=True, ticks=6)
    return [clean_number(a), clean_number(b)]


def _chain(pts: list[dict]) -> list[dict]:
    """Dashed segments joining the points in order: a control polygon."""
    return [{"start": [a["x"], a["y"]], "end": [b["x"], b["y"]], "style": "dashed"} for a, b in zip(pts, pts[1:])]


def _named_pairs(sentence: str, pts: list[dict]) -> list[dict]:
    """"the dashed segments P₀P₁ and P₁P₂": segments between two points named together."""
    by = {p["name"]: p for p in pts}
    names = "|".join(re.escape(n) for n in sorted(by, key=len, reverse=True))
    if not names:
        return []
    out = []
    bare = NAMED.sub(lambda m: m.group(1), sentence)  # "from P₀ = (0, 0) to P₁ = (2, 4)": the names
    found = [(m, "dashed") for m in re.finditer(r"(?<![\w'])(" + names + r")\s*[-–]?\s*(" + names + r")(?![\w'])", bare)]
    found += [(m, "dashed" if re.search(r"\bdashed\b", bare[max(0, m.start() - 30):m.start()], re.I) else "line")
              for m in re.finditer(r"\b(?:segments?|line)\s+(?:\w+\s+){0,2}?from\s+(" + names + r")\s+to\s+(" + names + r")"
                                   r"(?![\w'])", bare, re.I)]
    for m, style in found:
        a, b = by[m.group(1)], by[m.group(2)]
        seg = {"start": [a["x"], a["y"]], "end": [b["x"], b["y"]], "style": style}
        if a is not b and seg not in out:
            out.append(seg)
    return out


def bezier(control: list[tuple[float, float]], samples: int = 32) -> list[list[float]]:
    """Points along the Bézier curve of the control points (de Casteljau's construction at even steps of t)."""
    out = []
    for k in range(samples + 1):
        t = k / samples
        pts = list(control)
        while len(pts) > 1:  # ends: one point fewer each round, len(pts) falls to 1
            pts = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1]) for a, b in zip(pts, pts[1:])]
        out.append([round(pts[0][0], 4), round(pts[0][1], 4)])
    return out


def _other_picture(low: str) -> bool:
    """Does the sentence name a picture that is not axes ("a table with columns …", "vectors", "a triangle")?"""
    polygon, _ = control_point_words()
    low = re.sub(polygon + r"|\b(?:on|onto|in)\s+the\s+grid\b(?!\s+of\b)", " ", low)  # (the axes' own grid)
    spans = []
    for pattern, kinds in component_nouns():
        for m in re.finditer(r"\b(?:" + pattern + r")\b", low):
            if "plot" in kinds or "scatter" in kinds:
                spans.append(m.span())
            elif not any(a <= m.start() < b for a, b in spans):
                return True
    return re.search(r"\b(?:vectors?|triangles?|rectangles?|circles?|arrows?|lens|rays?)\b", low) is not None


def _wants(low: str) -> tuple[bool, bool]:
    polygon, curve = control_point_words()
    return re.search(polygon, low) is not None, re.search(curve, low) is not None


def _curve(ex: Extracted, ctx: Context, i: int, control: list[dict]) -> dict | None:
    low = ex.bare.lower()
    degree = next((d for w, d in _DEGREE.items() if re.search(r"\b" + w + r"\b", low)), None)
    if len(control) < 2:
        return None
    if degree is not None and degree != len(control) - 1:
        ctx.lost(i, f"a {next(w for w, d in _DEGREE.items() if d == degree)} Bézier curve needs {degree + 1} control "
                    f"points; the {len(control)} on screen give one of degree {len(control) - 1}, which is drawn")
    return {"points": bezier([(p["x"], p["y"]) for p in control]), "dots": False}


def rule_control_points(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Named points with their own plot when none is on screen; the polygon and the Bézier curve they control."""
    if any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        return []  # a picture already drawn for this sentence (a triangle's corners, vectors)
    low = ex.bare.lower()
    polygon, curve = _wants(low)
    state = plot_on_screen(ctx)
    named = named_points(ex.sentence)
    if state is not None and state[0].rule.startswith("plot:recalled") and state[0].detail_index == i and len(named) >= 2:
        shown = {(p.get("x"), p.get("y")) for b in state[1] for p in b.params.get("points") or []}
        if not any((x, y) in shown for _, x, y in named):
            # "Redraw the cubic curve with P₀ = (0, 0), P₁ = (1, 3), …" after a plot of something else: the curve of
            # these points, not the plot the words "redraw the curve" brought back
            ctx.beats.remove(state[0])
            state = None
            curve = curve or (re.search(r"\bcurve\b", low) is not None and ctx.mentions(control_point_words()[1]))
    if state is None:
        if len(named) < 2 or not re.search(r"\b(?:plot|place|draw|redraw|mark|show|put)\w*\b", low) or _other_picture(low):
            return []
        # "Redraw the cubic curve with P₀ = (0, 0), …" in a scene about Bézier curves: the curve they control
        curve = curve or (re.search(r"\bcurve\b", low) is not None and ctx.mentions(control_point_words()[1]))
        pts = [{"x": x, "y": y, "label": _subscripted(n), "name": n} for n, x, y in named[:12]]
        segments = _named_pairs(ex.sentence, pts) or (_chain(pts) if polygon else [])
        series = [s for s in [_curve(ex, ctx, i, pts)] if s] if curve else []
        strings = [p["label"] for p in pts]
        ctx.consumed.update(strings + [n for n, _, _ in named])
        ctx.stop = True
        return [_beat("plot", "plot:named-points", ex, i, strings, _kw(" ".join(strings) + " points"),
                      x_range=_range([p["x"] for p in pts]), y_range=_range([p["y"] for p in pts]), numbers=True,
                      points=[{k: v for k, v in p.items() if k != "name"} for p in pts], segments=segments or None,
                      series=series or None)]
    first, beats = state
    marked = _on_named(ex, ctx, i, beats)
    if marked is not None:
        return marked
    if not (polygon or curve) or named:
        return []
    # the control points: the first points marked on the plot (points added later are the construction's)
    control = next(([p for p in b.params["points"] if isinstance(p.get("x"), (int, float))] for b in beats
                    if len(b.params.get("points") or []) >= 2), [])
    if len(control) < 2:
        return []
    out: dict = {}
    if polygon:
        out["segments"] = _chain(control)
    if curve:
        s = _curve(ex, ctx, i, control)
        if s:
            out["series"] = [s]
    if not out:
        return []
    ctx.stop = True
    return [_extend(ex, ctx, i, "plot:control-polygon" if not curve else "plot:bezier", [], **out)]


def _on_named(ex: Extracted, ctx: Context, i: int, beats: list[Beat]) -> list[Beat] | None:
    """On the named points of the plot on screen: 'tangent arrows: "B′(0) = 3(P₁ − P₀)" along P₀P₁ and "B′(1) = …" along
    P₂P₃' (an arrow along each pair, labelled), 'highlight the endpoints with "B(0) = P₀" and "B(1) = P₃"' (each point
    named in a quote takes it as its label)."""
    by = {str(p.get("label")): p for b in beats for p in b.params.get("points") or [] if p.get("label")}
    if len(by) < 2 or not ex.quoted:
        return None
    names = "|".join(re.escape(n) for n in sorted(by, key=len, reverse=True))
    segs = []
    order = [n for n in by if len(n) <= 3]  # the points' own names (P₀ … P₃), not labels put on them later
    at_ends = re.search(r"\bat\s+(?:the|both)\s+ends\b|\bend\s*points?\b", ex.bare, re.I) is not None
    for m in re.finditer(r"[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]\s+along\s+(" + names + r")\s*[-–]?\s*(" + names + r")(?![\w'])",
                         ex.sentence):
        a, b = by[m.group(2)], by[m.group(3)]
        if at_ends and order and m.group(3) == order[-1]:
            # "tangent arrows at the ends: … along P₂P₃": at the last point, on out the way P₂ → P₃ goes
            dx, dy = b["x"] - a["x"], b["y"] - a["y"]
            k = 1.0  # (as far as the axes allow)
            for lo_hi, p0, d in ((beats[0].params.get("x_range"), b["x"], dx), (beats[0].params.get("y_range"), b["y"], dy)):
                if lo_hi and d:
                    room = (lo_hi[1] - p0) if d > 0 else (p0 - lo_hi[0])
                    k = min(k, max(0.0, room / abs(d)))
            k = max(k, 0.4)
            start, end = [b["x"], b["y"]], [round(b["x"] + k * dx, 4), round(b["y"] + k * dy, 4)]
        else:
            start, end = [a["x"], a["y"]], [b["x"], b["y"]]
        segs.append({"start": start, "end": end, "style": "arrow", "label": m.group(1)})
    if segs and re.search(r"\barrows?\b", ex.bare, re.I):
        labels = [x["label"] for x in segs]
        ctx.consumed.update(labels)
        ctx.stop = all(q in ctx.consumed for q in ex.quoted)
        return [_extend(ex, ctx, i, "plot:arrows-along", labels, segments=segs)]
    if re.search(r"\b(?:end\s*points?|ends|endpoints?)\b", ex.bare, re.I):
        points = []
        for q in ex.quoted:
            own = [n for n in by if re.search(r"(?<![\w'])" + re.escape(n) + r"(?![\w'])", q)]
            if len(own) == 1:
                points.append({"x": by[own[0]]["x"], "y": by[own[0]]["y"], "label": q})
        if points and len(points) == len(ex.quoted):
            ctx.consumed.update(p["label"] for p in points)
            ctx.stop = True
            return [_extend(ex, ctx, i, "plot:named-ends", [p["label"] for p in points], points=points)]
    return None
