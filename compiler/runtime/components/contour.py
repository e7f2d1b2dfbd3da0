"""contour: axes over the two variables, the level curves of f(x, y) computed with contourpy (the contouring
matplotlib uses) and coloured from low (blue) to high (warm), the lowest point in view as a star, labelled
points, and a gradient-descent path whose steps are drawn one at a time as arrows.

`build` draws the plot; `extend(scene, ...)` adds points and a path to the contour plot on screen.
"""

from __future__ import annotations

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Axes, Create, Dot, FadeIn, GrowArrow, ManimColor,
                   Star, VGroup, VMobject)

from ...components.contour import path_points
from ...formula import parse_surface
from ..style import text
from .plot import GREY, dim_text, paint

AXES_W, AXES_H = 6.0, 4.2
GRID = 121
LOW, HIGH = ManimColor("#3B6FD8"), ManimColor("#F2A541")
PATH = "#FF6F61"
MIN = "#83C167"
ARROW = "#FC6255"
SMALL = 20


def grid(f, xr, yr, n: int = GRID):
    """Values of f on an n × n grid over the ranges (NaN where undefined)."""
    xs = np.linspace(xr[0], xr[1], n)
    ys = np.linspace(yr[0], yr[1], n)
    z = np.array([[f(x, y) for x in xs] for y in ys], dtype=float)
    return xs, ys, z


def level_values(z, levels) -> list[float]:
    """The values to draw: as given, or `levels` values spread over the range in view — closer together near the
    bottom (square-root spacing), where a bowl's rings would otherwise bunch at the rim."""
    if isinstance(levels, list):
        return sorted(float(v) for v in levels)
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return []
    lo, hi = float(finite.min()), float(np.percentile(finite, 90))
    if not hi > lo:
        return []
    n = int(levels)
    return [lo + (hi - lo) * ((k + 0.5) / n) ** 2 for k in range(n)]


def ranges(f, x_range, y_range, path) -> tuple[list[float], list[float]]:
    """The axes' ranges: as given, else [-3, 3] each, widened to hold the path with a margin."""
    xr = list(x_range) if x_range else [-3.0, 3.0]
    yr = list(y_range) if y_range else (list(x_range) if x_range else [-3.0, 3.0])
    if path and not x_range:
        xs = [p[0] for p in path]
        lo, hi = min(xs + [xr[0]]), max(xs + [xr[1]])
        pad = 0.1 * (hi - lo)
        xr = [lo - pad if lo < xr[0] else xr[0], hi + pad if hi > xr[1] else xr[1]]
    if path and not y_range:
        ys = [p[1] for p in path]
        lo, hi = min(ys + [yr[0]]), max(ys + [yr[1]])
        pad = 0.1 * (hi - lo)
        yr = [lo - pad if lo < yr[0] else yr[0], hi + pad if hi > yr[1] else yr[1]]
    return xr, yr


def build(theme: dict, *, expr: str, x_range=None, y_range=None, levels=8, level_labels: bool = False,
          x_label=None, y_label=None, label=None, minimum=False, points=(), path=None, color=None, arrows=()):
    import contourpy

    f = parse_surface(expr)
    pts = path_points({"expr": expr, "path": path}) if path else []
    ends = [tuple(a["at"]) for a in arrows or []] + [(a["at"][0] + a["vector"][0], a["at"][1] + a["vector"][1])
                                                      for a in arrows or []]
    xr, yr = ranges(f, x_range, y_range, pts + [(float(p["x"]), float(p["y"])) for p in points or []] + ends)
    axes_col = paint(color, GREY) if color else ManimColor(GREY)
    axes = Axes(x_range=[xr[0], xr[1], (xr[1] - xr[0]) / 6], y_range=[yr[0], yr[1], (yr[1] - yr[0]) / 6],
                x_length=AXES_W, y_length=AXES_H, tips=False,
                axis_config={"include_numbers": False, "color": axes_col, "stroke_width": 2, "include_ticks": False})
    g = VGroup(axes)
    g.axes, g.theme, g.f = axes, theme, f
    g.x_range, g.y_range = xr, yr
    g.parts = {}
    lab_col = dim_text(theme)
    names = f.names
    xl = text(x_label or names[0], theme, size=SMALL + 2, color=lab_col, math=True)
    xl.next_to(axes, DOWN, buff=0.15)
    yl = text(y_label or names[1], theme, size=SMALL + 2, color=lab_col, math=True)
    yl.next_to(axes, LEFT, buff=0.15)
    g.axis_labels = VGroup(xl, yl)
    g.add(g.axis_labels)
    for s, m in ((x_label, xl), (y_label, yl)):
        if s:
            g.parts[s] = m
    # --- level curves
    xs, ys, z = grid(f, xr, yr)
    gen = contourpy.contour_generator(xs, ys, np.where(np.isfinite(z), z, np.nan), name="serial")
    values = level_values(z, levels)
    g.levels = VGroup()
    g.level_labels = VGroup()
    for k, v in enumerate(values):
        col = LOW.interpolate(HIGH, k / max(1, len(values) - 1))
        ring = VMobject(stroke_color=col, stroke_width=2.5)
        longest = None
        for line in gen.lines(v):
            if len(line) < 2:
                continue
            corners = [axes.c2p(float(a), float(b)) for a, b in line]
            ring.start_new_path(corners[0])
            ring.add_points_as_corners(corners[1:])
            if longest is None or len(line) > len(longest):
                longest = line
        if not ring.has_points():
            continue
        g.levels.add(ring)
        if level_labels and longest is not None:
            closed = np.allclose(longest[0], longest[-1])
            a, b = max(longest, key=lambda q: q[0]) if closed else longest[len(longest) // 2]  # a ring: its right
            t = text(f"{v:.3g}", theme, size=SMALL - 4, color=col)
            t.move_to(axes.c2p(float(a), float(b)))
            g.level_labels.add(t)
    g.add(g.levels, g.level_labels)
    # --- the lowest point in view
    g.minimum = None
    if minimum:
        finite = np.where(np.isfinite(z), z, np.inf)
        j, i = np.unravel_index(int(np.argmin(finite)), finite.shape)
        star = Star(outer_radius=0.14, color=MIN, fill_opacity=1).move_to(axes.c2p(float(xs[i]), float(ys[j])))
        mark = VGroup(star)
        if isinstance(minimum, str) and minimum:
            t = text(minimum, theme, size=SMALL, color=MIN, math=True)
            t.next_to(star, DOWN + RIGHT, buff=0.08)
            mark.add(t)
            g.parts[minimum] = mark
        g.minimum = mark
        g.add(mark)
    # --- title
    g.title = None
    if label:
        t = text(label, theme, size=SMALL + 4, color=theme["text"], math=True)
        t.next_to(axes, UP, buff=0.2)
        g.title = t
        g.parts[label] = t
        g.add(t)
    g.marks = _points(g, points)
    g.marks.add(*_arrows(g, arrows))
    g.add(g.marks)
    g.descent = _path(g, pts, path or {})
    g.add(g.descent)
    g.sbc_kind = "contour"
    g.grow = 1.2
    return g


def _labelled_dot(g, at, col, label: str | None) -> VGroup:
    """A dot at `at` (scene point) with its label up and to the right, known to highlights by the label."""
    piece = VGroup(Dot(at, radius=0.07, color=col))
    if label:
        t = text(label, g.theme, size=SMALL, color=col, math=True)
        t.next_to(piece[0], UP + RIGHT, buff=0.06)
        piece.add(t)
        g.parts[label] = piece
    return piece


def _points(g, points) -> VGroup:
    out = VGroup()
    for p in points or []:
        col = paint(p.get("color"), g.theme["text"]) if p.get("color") else ManimColor(g.theme["text"])
        out.add(_labelled_dot(g, g.axes.c2p(float(p["x"]), float(p["y"])), col, p.get("label")))
    return out


def _arrows(g, arrows) -> list:
    out = []
    for a in arrows or []:
        col = paint(a.get("color"), ARROW) if a.get("color") else ManimColor(ARROW)
        p, q = g.axes.c2p(*a["at"]), g.axes.c2p(a["at"][0] + a["vector"][0], a["at"][1] + a["vector"][1])
        piece = VGroup(Arrow(p, q, buff=0, color=col, stroke_width=4, tip_length=0.18,
                             max_tip_length_to_length_ratio=0.3))
        if a.get("label"):
            t = text(a["label"], g.theme, size=SMALL, color=col, math=True)
            d = q - p
            n = d / max(float(np.linalg.norm(d)), 1e-9)
            t.move_to(q + n * (0.15 + max(t.width, t.height) / 2))
            piece.add(t)
            g.parts[a["label"]] = piece
        out.append(piece)
    return out


def _path(g, pts, path: dict) -> VGroup:
    """The path: a dot at each point, an arrow for each step; `.steps` are (arrow, dot) in order."""
    out = VGroup()
    out.steps = []
    out.start = None
    if len(pts) < 2:
        return out
    col = paint(path.get("color"), PATH) if path.get("color") else ManimColor(PATH)
    P = [g.axes.c2p(float(a), float(b)) for a, b in pts]
    start = _labelled_dot(g, P[0], col, path.get("label"))
    out.start = start
    out.add(start)
    for a, b in zip(P, P[1:]):
        step = VGroup()
        if float(np.linalg.norm(b - a)) > 0.06:
            step.add(Arrow(a, b, buff=0.02, color=col, stroke_width=3, tip_length=0.16,
                           max_tip_length_to_length_ratio=0.35, max_stroke_width_to_length_ratio=8))
        step.add(Dot(b, radius=0.05, color=col))
        out.steps.append(step)
        out.add(step)
    return out


def enter(mob, run_time: float, slot: float | None = None):
    """Axes and labels, the level curves from low to high, then the marks; the path comes in `run_path`."""
    b = max(run_time, min((slot or run_time) * 0.5, 4.0))
    out = [AnimationGroup(Create(mob.axes), FadeIn(mob.axis_labels), run_time=min(0.8, b * 0.25))]
    if len(mob.levels):
        out.append(AnimationGroup(*[Create(r) for r in mob.levels], lag_ratio=0.15, run_time=max(0.6, b * 0.5)))
    rest = [m for m in (mob.level_labels, mob.minimum, mob.title, mob.marks) if m is not None and len(m)]
    if rest:
        out.append(AnimationGroup(*[FadeIn(m) for m in rest], run_time=0.4))
    return out


def run_path(scene, g, until: float) -> None:
    """The descent: the start, then each step's arrow and dot, spread until `until`."""
    path = g.descent
    if path.start is None or not path.steps:
        return
    scene.play(FadeIn(path.start, scale=1.4), run_time=0.4)
    for step, per in scene.paced(path.steps, until):
        scene.play(*[GrowArrow(m) if isinstance(m, Arrow) else FadeIn(m) for m in step],
                   run_time=max(0.15, min(0.8, per * 0.7)))


def find_contour(scene):
    return scene.on_screen("contour")


def extend(scene, *, until: float, slot: float, strings=(), points=(), arrows=(), path=None, **new_plot) -> None:
    """Points, arrows and a path on the contour plot on screen; with none there, this beat's plot is drawn."""
    g = find_contour(scene)
    if g is None:
        if not new_plot.get("expr"):
            return
        g = build(scene.theme, points=points, path=path, arrows=arrows, **new_plot)
        scene.show(g, lambda m, rt: enter(m, rt, slot), slot=slot, strings=strings)
        run_path(scene, g, until)
        return
    scene.named.append((tuple(strings), g))
    if points or arrows:
        new = _points(g, points)
        new.add(*_arrows(g, arrows))
        scene.play(*[GrowArrow(m[0]) if isinstance(m[0], Arrow) else FadeIn(m[0]) for m in new],
                   *[FadeIn(x) for m in new for x in m[1:]], run_time=min(0.6, scene.run_time(slot, 0.6)))
        g.add(new)
    if path:
        pts = path_points({"expr": g.f.source, "path": path})
        g.descent = _path(g, pts, path)
        g.add(g.descent)
        run_path(scene, g, until)
