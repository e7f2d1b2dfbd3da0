"""The rules for a curve described by its shape ("a smooth curve with a high peak near 430 nm and a low valley
between 500 and 600 nm") and for labels put at its features ("Label the peaks "blue absorbed" and "red absorbed",
and the valley "green reflected""). The shape is placed and sampled by `curve_shape`; a standard curve named in
passing ("valley" is not a parabola here) is never drawn instead.
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _cue, _kw
from .curve_shape import Feature, features, height_at, shaped_points, smooth_through
from .quantity import NUM, quantity
from .knowledge import curve_shape
from .extract import Extracted
from .rules_plot import _theme_colour
from .rules_plot_marks import plot_on_screen

_CURVE = r"\b(?:curves?|graphs?|lines?|spectrum|profile|plot|function|wave ?form|signal)\b"
_DRAW = r"\b(?:draw|plot|sketch|show|trace|add|display|animate|create)\b"


def _shaped_beat(ctx: Context, i: int) -> tuple[Beat, list[Beat]] | None:
    """The plot on screen whose data line was drawn from a shape, and its beats."""
    state = plot_on_screen(ctx)
    if state is None:
        return None
    return state if any(b.rule == "plot:shaped-curve" for b in state[1]) else None


def rule_shaped_curve(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    found = features(ex.sentence)
    if not found or not _cue(ex, _CURVE) or not _cue(ex, _DRAW):
        return []
    if not any(f.kind == "peak" for f in found) and len(found) == 1 and not re.search(
            r"\bwith\s+(?:an?\s+|one\s+)?(?:\w+\s+){0,2}(?:valley|dip|trough|minimum)", ex.sentence, re.I):
        return []  # "Mark the minimum at x = 3": a point on a curve already drawn (the plot rules'), not a shape
    state = plot_on_screen(ctx)
    first = state[0] if state is not None else None
    x_range = tuple(first.params["x_range"]) if first is not None and first.params.get("x_range") else None
    y_range = tuple(first.params["y_range"]) if first is not None and first.params.get("y_range") else None
    points, xs = shaped_points(found, x_range, y_range)
    colour = _theme_colour(ctx, "curve | line | curves")
    series = {"points": points, "dots": False}
    if colour:
        series["color"] = colour
    if first is not None:
        return [_beat("plot", "plot:shaped-curve", ex, i, (), _kw(ex.sentence), extend=True, series=[series])]
    return [_beat("plot", "plot:shaped-curve", ex, i, (), _kw(ex.sentence), series=[series],
                  x_range=[points[0][0], points[-1][0]], y_range=list(y_range or (0, 1)))]


_THROUGH = re.compile(r"\bthrough\s+(?:the\s+points\s+)?((?:\(\s*" + NUM + r"\s*,\s*" + NUM + r"\s*\)\s*(?:,\s*(?:and\s+)?|and\s+)?){3,12})")


def rule_curve_through_points(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Plot P(n) = 1 − ∏ … as a smooth S-shaped curve through (10, 0.117), (20, 0.411), (23, 0.507), …": a smooth
    curve through the points the sentence gives — never a standard curve its words name ("S-shaped") that passes
    through none of them. A formula written with it that cannot be plotted is still written, as an equation."""
    m = _THROUGH.search(ex.sentence)
    if m is None or not _cue(ex, _CURVE) or not _cue(ex, _DRAW) or re.search(r"\b(?:line|segment)\s+through\b",
                                                                         ex.sentence[:m.end()], re.I):
        return []
    pts = [(quantity(a), quantity(b)) for a, b in re.findall(r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)", m.group(1))]
    if len(pts) < 3 or len({x for x, _ in pts}) < len(pts):
        return []
    series = {"points": smooth_through(pts), "dots": False}
    colour = _theme_colour(ctx, "curve | line | curves")
    if colour:
        series["color"] = colour
    state = plot_on_screen(ctx)
    ctx.consumed.update(f"({a}, {b})" for a, b in re.findall(r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)", m.group(1)))
    if state is not None:
        return [_beat("plot", "plot:curve-through-points", ex, i, (), _kw(ex.sentence), extend=True, series=[series])]
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    return [_beat("plot", "plot:curve-through-points", ex, i, (), _kw(ex.sentence), series=[series],
                  x_range=[min(0, min(xs)), max(xs)], y_range=[min(0, min(ys)), max(ys)])]


def rule_feature_labels(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Label the peaks "blue absorbed" and "red absorbed", and the valley "green reflected"": each quoted label at
    the feature it names, in the order the shape sentence named them."""
    if not ex.quoted or not re.search(r"\b(?:label|mark|name|annotate|tag)\w*\b", ex.bare, re.I):
        return []
    state = _shaped_beat(ctx, i)
    if state is None:
        return []
    shaped = next(b for b in state[1] if b.rule == "plot:shaped-curve")
    found = features(shaped.source)
    points = shaped.params["series"][0]["points"]
    kinds = {"peak": [f for f in found if f.kind == "peak"], "valley": [f for f in found if f.kind == "valley"]}
    taken = {"peak": 0, "valley": 0}
    words = curve_shape()  # the feature words are data (lexicon.json `curve_shape`), as `features` reads them
    marks = sorted((m.start(), kind) for kind in ("peak", "valley")
                   for m in re.finditer(r"\b(?:" + words[kind] + r")\b", ex.bare, re.I))
    if not marks:
        return []
    out: list[dict] = []
    used: list[str] = []
    for q in ex.quoted:
        at = ex.sentence.find('"' + q + '"')
        kind = next((k for pos, k in reversed(marks) if pos < at), None)
        if kind is None or taken[kind] >= len(kinds[kind]):
            continue
        f: Feature = kinds[kind][taken[kind]]
        taken[kind] += 1
        out.append({"x": points[0][0] if f.x < points[0][0] else f.x, "y": height_at(points, f.x), "label": q})
        used.append(q)
    if not out:
        return []
    ctx.consumed.update(used)
    missing = [q for q in ex.quoted if q not in used]
    if missing:
        ctx.lost(i, f"{', '.join(repr(q) for q in missing)}: the curve has no more such features to put "
                    f"{'it' if len(missing) == 1 else 'them'} at, so {'it is' if len(missing) == 1 else 'they are'} not drawn")
    return [_beat("plot", "plot:feature-labels", ex, i, used, _kw(" ".join(used)), extend=True, points=out)]
