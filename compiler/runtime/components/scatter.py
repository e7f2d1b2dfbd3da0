"""scatter: small dots in a faint NumberPlane (seed002's 2D-heads frame), with an optional
least-squares line, a gold convex hull at low fill and a red query point; a legend to the right.

Random points come from `random.Random(seed)`: the same parameters always draw the same points.
"""

from __future__ import annotations

import math
import random

from manim import (DOWN, LEFT, RIGHT, AnimationGroup, Create, Dot, FadeIn, LaggedStart, Line, NumberPlane, Polygon,
                   Square, VGroup)

from ...formula import nice_range
from ..style import colour, label_colour, text
from .plot import GREY, LABEL_SIZE, dim_text, paint

PLANE_W, PLANE_H = 6.0, 4.2
MAX_POINTS = 200


def random_points(count: int, seed: int) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    out = []
    for _ in range(max(1, min(int(count), MAX_POINTS))):
        x = max(-2.6, min(2.6, rng.gauss(0.0, 1.0)))
        y = max(-2.6, min(2.6, rng.gauss(0.0, 0.85)))
        out.append((round(x, 3), round(y, 3)))
    return out


def convex_hull(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain; counter-clockwise, no collinear points."""
    p = sorted(set(pts))
    if len(p) < 3:
        return p

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for q in p:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], q) <= 0:
            lower.pop()
        lower.append(q)
    upper: list = []
    for q in reversed(p):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], q) <= 0:
            upper.pop()
        upper.append(q)
    return lower[:-1] + upper[:-1]


def least_squares(pts: list[tuple[float, float]]) -> tuple[float, float] | None:
    """(slope, intercept) of y = a x + b, or None when x does not vary."""
    n = len(pts)
    if n < 2:
        return None
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx < 1e-12:
        return None
    a = sum((x - mx) * (y - my) for x, y in pts) / sxx
    return a, my - a * mx


def _range(vals: list[float]) -> list[float]:
    lo, hi = min(vals), max(vals)
    pad = 0.12 * (hi - lo or 2.0)
    lo, hi, step = nice_range(lo - pad, hi + pad, include_zero=True, ticks=6)
    return [lo, hi, step]


def build(theme: dict, *, points=None, count: int | None = None, seed: int = 0, label: str | None = None,
          fit_line: bool = False, fit_label: str | None = None, hull: bool = False, hull_label: str | None = None,
          query=None, query_label: str | None = None, x_label: str | None = None, y_label: str | None = None,
          color: str | None = None):
    if points:
        pts = [(float(p[0]), float(p[1])) for p in points[:MAX_POINTS]
               if len(p) >= 2 and all(math.isfinite(float(v)) for v in p[:2])]
    else:
        pts = random_points(count or 20, seed)
    pts = pts or [(0.0, 0.0)]
    q = (float(query[0]), float(query[1])) if query and len(query) >= 2 else None
    xs = [x for x, _ in pts] + ([q[0]] if q else [])
    ys = [y for _, y in pts] + ([q[1]] if q else [])
    xr, yr = _range(xs), _range(ys)
    axes_col = colour(theme, "axes", GREY)
    plane = NumberPlane(
        x_range=xr, y_range=yr, x_length=PLANE_W, y_length=PLANE_H,
        background_line_style={"stroke_color": axes_col, "stroke_width": 0.5, "stroke_opacity": 0.6},
        axis_config={"stroke_color": axes_col, "stroke_width": 1.5, "include_tip": False, "include_ticks": False},
        faded_line_ratio=1,
    )
    plane.get_x_axis().set_stroke(axes_col, 1.5)
    plane.get_y_axis().set_stroke(axes_col, 1.5)
    point_default = str(colour(theme, "point", "#4FC3F7"))
    point_col = paint(color, point_default) if color else label_colour(theme, label or "points", point_default)
    radius = 0.06 if len(pts) > 60 else 0.07
    dots = VGroup(*[Dot(plane.c2p(x, y), radius=radius, color=point_col) for x, y in pts])

    legend_items = []  # (role, icon, text, colour)
    if label:
        legend_items.append(("points", Dot(radius=0.08, color=point_col), label, point_col))
    line = None
    if fit_line:
        ab = least_squares(pts)
        if ab:
            line = _clipped_line(plane, ab, xr, yr, label_colour(theme, "fit line", "#66BB6A"))
            if line is not None:
                legend_items.append(("fit", Line(LEFT * 0.2, RIGHT * 0.2, color=line.get_color(), stroke_width=3),
                                     fit_label or "least-squares fit", line.get_color()))
    poly = None
    if hull:
        h = convex_hull(pts)
        if len(h) >= 3:
            hull_col = label_colour(theme, "hull", "#FFD54F")
            poly = Polygon(*[plane.c2p(x, y) for x, y in h], color=hull_col, stroke_width=2.5)
            poly.set_fill(hull_col, opacity=0.08)
            legend_items.append(("hull", Square(0.3, color=hull_col, stroke_width=2.5).set_fill(hull_col, 0.15),
                                 hull_label or "convex hull", hull_col))
    qdot = None
    if q:
        qcol = label_colour(theme, "query", "#FC6255")
        qdot = Dot(plane.c2p(*q), radius=0.11, color=qcol)
        legend_items.append(("query", Dot(radius=0.1, color=qcol), query_label or "query", qcol))

    frame = VGroup(plane)
    lab_col = dim_text(theme)
    if x_label:
        xl = text(x_label, theme, size=LABEL_SIZE, color=lab_col, width_chars=40)
        xl.next_to(plane, DOWN, buff=0.2)
        frame.add(xl)
    if y_label:
        yl = text(y_label, theme, size=LABEL_SIZE, color=lab_col, width_chars=30).rotate(math.pi / 2)
        yl.next_to(plane, LEFT, buff=0.2)
        frame.add(yl)

    legend = VGroup()
    entries = {}  # role -> legend row
    parts = {}
    for role, icon, s, col in legend_items:
        t = text(s, theme, size=LABEL_SIZE, color=col, width_chars=22)
        row = VGroup(icon, t).arrange(RIGHT, buff=0.18)
        legend.add(row)
        entries[role] = row
        parts[s] = row
    if len(legend):
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        legend.next_to(plane, RIGHT, buff=0.45)

    g = VGroup(frame, dots)
    for m in (line, poly, qdot):
        if m is not None:
            g.add(m)
    g.add(legend)
    g.plane, g.frame, g.dots, g.fit, g.hull, g.query, g.legend, g.entries = plane, frame, dots, line, poly, qdot, \
        legend, entries
    g.parts = parts
    if poly is not None:
        g.parts[hull_label or "convex hull"] = VGroup(poly, entries["hull"])
    g.grow = 1.2
    g.sbc_kind = "scatter"
    return g


def _clipped_line(plane, ab, xr, yr, col):
    a, b = ab
    (x0, x1, _), (y0, y1, _) = xr, yr
    pts = []
    for x in (x0, x1):
        pts.append((x, a * x + b))
    if abs(a) > 1e-12:
        for y in (y0, y1):
            pts.append(((y - b) / a, y))
    inside = sorted({(round(x, 9), round(y, 9)) for x, y in pts
                     if x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9})
    if len(inside) < 2:
        return None
    return Line(plane.c2p(*inside[0]), plane.c2p(*inside[-1]), color=col, stroke_width=3)


def enter(mob, run_time: float, slot: float | None = None):
    b = max(run_time, min((slot or run_time) * 0.85, 7.0))
    steps = [Create(mob.plane, run_time=min(0.8, b * 0.2))]
    if len(mob.frame) > 1:
        steps.append(FadeIn(VGroup(*mob.frame[1:]), run_time=min(0.5, b * 0.1)))
    first = mob.entries.get("points")
    dots_in = LaggedStart(*[FadeIn(d, scale=0.5) for d in mob.dots], lag_ratio=0.08)
    steps.append(AnimationGroup(dots_in, *([FadeIn(first)] if first is not None else []), run_time=min(1.5, b * 0.3)))
    for role, part in (("fit", mob.fit), ("hull", mob.hull)):
        if part is not None:
            steps.append(AnimationGroup(Create(part), FadeIn(mob.entries[role]), run_time=min(1.2, b * 0.2)))
    if mob.query is not None:
        steps.append(AnimationGroup(FadeIn(mob.query, scale=2.0), FadeIn(mob.entries["query"]),
                                    run_time=min(0.6, b * 0.12)))
    return steps

