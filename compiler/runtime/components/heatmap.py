"""heatmap: square cells coloured from blue (low) to red (high), as seed003's attention map; row
labels on the left, column labels on top (turned upright when they are wider than a cell), numbers
in the cells when they fit, and a legend bar with the minimum and maximum.
"""

from __future__ import annotations

import math

from manim import DOWN, LEFT, RIGHT, UP, AnimationGroup, FadeIn, LaggedStart, Rectangle, Square, VGroup

from ..style import text
from .bar_chart import HIGH, LOW, _ramp, fmt, one_line
from .plot import LABEL_SIZE, dim_text, paint

MAX_CELLS = 12


def _matrix(values) -> list[list[float]]:
    rows = [list(r)[:MAX_CELLS] for r in list(values or [])[:MAX_CELLS]] or [[0.0]]
    width = max(1, max(len(r) for r in rows))
    out = []
    for r in rows:
        row = []
        for v in r:
            try:
                f = float(v)
            except (TypeError, ValueError):
                f = float("nan")
            row.append(f)
        out.append(row + [float("nan")] * (width - len(row)))
    return out


def build(theme: dict, *, values, row_labels=None, col_labels=None, title: str | None = None,
          show_values: bool | None = None, causal: bool = False, low_color: str | None = None,
          high_color: str | None = None, color: str | None = None):
    m = _matrix(values)
    rows, cols = len(m), len(m[0])
    if causal:  # a decoder's mask: a token does not attend to later ones
        m = [[v if j <= i else float("nan") for j, v in enumerate(r)] for i, r in enumerate(m)]
    finite = [v for r in m for v in r if math.isfinite(v)] or [0.0]
    lo, hi = min(finite), max(finite)
    low, high = paint(low_color, LOW), paint(high_color, HIGH)
    cell = min(0.9, 4.2 / rows, 7.0 / cols)
    gap = max(0.03, cell * 0.07)
    cells = VGroup()
    numbers = VGroup()
    texts = [[fmt(round(v, 2)) if math.isfinite(v) else "" for v in r] for r in m]
    if show_values is None:
        probe = text("0.00", theme, size=LABEL_SIZE)
        show_values = probe.width <= cell - gap - 0.06 and rows * cols <= 64
    for i, r in enumerate(m):
        for j, v in enumerate(r):
            sq = Square(side_length=cell - gap, stroke_width=0)
            if math.isfinite(v):
                sq.set_fill(_ramp(v, lo, hi, low, high), opacity=0.8)
            else:
                sq.set_fill("#444444", opacity=0.15)  # masked / missing: seed003's DARK_GRAY at 15%
            sq.move_to([j * cell, -i * cell, 0])
            cells.add(sq)
            if show_values and texts[i][j]:
                t = text(texts[i][j], theme, size=LABEL_SIZE, color="#FFFFFF")
                if t.width > cell - gap - 0.04:
                    t.scale_to_fit_width(cell - gap - 0.04)
                t.move_to(sq)
                numbers.add(t)
    grid = VGroup(cells, numbers)
    lab_col = dim_text(theme)
    rlabs = VGroup()
    for i, s in enumerate(list(row_labels or [])[:rows]):
        t = text(one_line(s, 18), theme, size=LABEL_SIZE, color=lab_col)
        if t.height > cell * 0.95:
            t.scale_to_fit_height(cell * 0.95)
        t.next_to(cells[i * cols], LEFT, buff=0.15)
        rlabs.add(t)
    clabs = VGroup()
    names = [str(s) for s in list(col_labels or [])[:cols]]
    if names:
        probes = [text(one_line(s, 18), theme, size=LABEL_SIZE, color=lab_col) for s in names]
        upright = any(t.width > cell - 0.04 for t in probes)
        for j, t in enumerate(probes):
            if upright:
                t.rotate(math.pi / 2)
                if t.width > cell * 0.95:
                    t.scale_to_fit_width(cell * 0.95)
            t.next_to(cells[j], UP, buff=0.15)
            clabs.add(t)
        if upright:
            # bottoms in a line, as rotated labels of different lengths would otherwise float
            base = cells[0].get_top()[1] + 0.15
            for t in clabs:
                t.shift((base - t.get_bottom()[1]) * UP)
    legend = _legend(theme, cells.height, lo, hi, low, high, lab_col)
    legend.next_to(cells, RIGHT, buff=0.45)
    g = VGroup(grid, rlabs, clabs, legend)
    g.title_mob = None
    if title:
        g.title_mob = text(title, theme, size=26, color=theme["text"], width_chars=50)
        g.title_mob.next_to(VGroup(grid, clabs, legend), UP, buff=0.3)
        g.add(g.title_mob)
    g.cells, g.numbers, g.row_labels, g.col_labels, g.legend = cells, numbers, rlabs, clabs, legend
    g.parts = {s: t for s, t in zip(list(row_labels or []), rlabs)}
    g.parts.update({s: t for s, t in zip(names, clabs)})
    if title:
        g.parts[title] = g.title_mob
    g.grow = 1.3
    g.sbc_kind = "heatmap"
    return g


def _legend(theme, height: float, lo: float, hi: float, low, high, lab_col) -> VGroup:
    h = max(1.2, min(3.0, height * 0.8))
    steps = 16
    bar = VGroup()
    for k in range(steps):
        r = Rectangle(width=0.22, height=h / steps, stroke_width=0)
        r.set_fill(low.interpolate(high, k / (steps - 1)), opacity=0.85)
        r.move_to([0, -h / 2 + (k + 0.5) * h / steps, 0])
        bar.add(r)
    top = text(fmt(round(hi, 3)), theme, size=LABEL_SIZE, color=lab_col)
    bot = text(fmt(round(lo, 3)), theme, size=LABEL_SIZE, color=lab_col)
    top.next_to(bar, UP, buff=0.1)
    bot.next_to(bar, DOWN, buff=0.1)
    return VGroup(bar, top, bot)


def enter(mob, run_time: float, slot: float | None = None):
    b = max(run_time, min((slot or run_time) * 0.85, 6.0))
    steps = []
    head = [FadeIn(mob.row_labels), FadeIn(mob.col_labels)]
    if mob.title_mob is not None:
        head.append(FadeIn(mob.title_mob, shift=0.1 * DOWN))
    steps.append(AnimationGroup(*head, run_time=min(0.6, b * 0.2)))
    steps.append(LaggedStart(*[FadeIn(c) for c in mob.cells], lag_ratio=min(0.5, 3.0 / max(1, len(mob.cells))),
                             run_time=min(2.0, b * 0.45)))
    tail = [FadeIn(mob.legend, shift=0.1 * LEFT)]
    if len(mob.numbers):
        tail.append(FadeIn(mob.numbers))
    steps.append(AnimationGroup(*tail, run_time=min(0.6, b * 0.2)))
    return steps

