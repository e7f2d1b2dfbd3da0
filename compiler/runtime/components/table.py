"""table: header + rows in a grid of thin lines; a highlighted row, column or cell."""

import re
import textwrap

from manim import DOWN, RIGHT, AnimationGroup, Create, FadeIn, Line, Rectangle, Succession, VGroup

from ..style import BODY_W, as_written, clean, colour, formula
from .cards import centred
from .sequence import baseline_text

GRID_GREY = "#666677"
HIGHLIGHT = "#FFD54F"
HIGHLIGHT_COL = "#FF7043"
MARK_COLOURS = {"✓": "#83C167", "✗": "#FC6255"}  # a check is green and a cross red unless the storyboard says otherwise
_MARK = re.compile(r"^(.*?)\s*([✓✗])$", re.S)


def _widths(natural: list[float], chars: list[int], words: list[int], budget: float) -> list[int | None]:
    """Characters per column (None: no wrapping). Columns are as wide as their longest cell; the
    widest are wrapped until the table fits `budget` units, never narrower than their longest word.
    `natural`: unwrapped width of each column; `chars`/`words`: its longest cell / word in characters."""
    if sum(natural) <= budget:
        return [None] * len(natural)
    floor = [w * k / max(1, c) for w, k, c in zip(natural, words, chars)]
    lo, hi = max(floor), max(natural)
    for _ in range(30):  # the widest column width `cap` that fits, by bisection
        cap = (lo + hi) / 2
        if sum(max(min(w, cap), f) for w, f in zip(natural, floor)) > budget:
            hi = cap
        else:
            lo = cap
    return [None if w <= lo else max(k, int(c * lo / w)) for w, c, k in zip(natural, chars, words)]


def _cell(s: str, chars: int | None, theme: dict, marks: dict | None = None, **kw):
    """One cell: its text (a formula typeset), and the check or cross mark that ends it in that mark's colour."""
    m = _MARK.match(s)
    if m:
        body = _cell(m.group(1), chars, theme, **kw) if m.group(1).strip() else None
        sign, _, off = baseline_text(m.group(2), theme, kw["size"], color={**MARK_COLOURS, **(marks or {})}[m.group(2)])
        sign.sbc_off = off
        if body is None:
            return sign
        line = body.get_center()[1] + getattr(body, "sbc_off", 0.0)  # the middle of the body's line: the sign's too
        sign.next_to(body, RIGHT, buff=0.15).set_y(line - off)
        g = VGroup(body, sign)
        g.sbc_off = line - g.get_center()[1]
        return g
    lines = (textwrap.wrap(s, chars, break_long_words=False) if chars else s.split("\n")) or [" "]
    if len(lines) > 4:
        lines = lines[:3] + [lines[3] + "…"]
    if len(lines) == 1 and kw.get("weight", "NORMAL") == "NORMAL":
        # a cell that is a formula ("10% of 1000 = $100", "6 x 2 = 12") is typeset, centred in its row
        f = formula(lines[0], size=kw["size"], color=kw.get("color") or theme["text"])
        if f is not None:
            f.sbc_off = 0.0
            return f
    if len(lines) == 1:  # on the common baseline, so "yes" and "GPT" line up in a row
        t, _, off = baseline_text(lines[0], theme, kw.pop("size"), **kw)
        t.sbc_off = off
        return t
    return centred("\n".join(lines), theme, width_chars=10_000, **kw)


def build(theme: dict, *, columns: list[str], rows: list[list], highlight_row: int | None = None,
          highlight_col: int | None = None, highlight_cell: list[int] | None = None, color: str | None = None,
          mark_colors: dict[str, str] | None = None):
    ncols = len(columns)
    rows = [[as_written(v) for v in r[:ncols]] + [""] * (ncols - len(r)) for r in rows]
    nrows = len(rows)
    size = 28 if nrows <= 4 else 24 if nrows <= 6 else 22
    head_col = color or colour(theme, "title", theme["title"])
    texts = [[clean(c) for c in columns]] + [[clean(c) for c in r] for r in rows]
    styles = [dict(size=size, color=head_col, weight="BOLD")] + [dict(size=size, color=theme["text"])] * nrows
    # measure the cells on one line, then wrap the widest columns until the table fits the width
    styles = [dict(st, marks=mark_colors) for st in styles]
    flat = [[_cell(t, None, theme, **st) for t in r] for r, st in zip(texts, styles)]
    natural = [max(r[j].width for r in flat) for j in range(ncols)]
    longest = [max(len(r[j]) for r in texts) for j in range(ncols)]
    words = [max((len(w) for r in texts for w in r[j].split()), default=1) for j in range(ncols)]
    chars = _widths(natural, longest, words, BODY_W - 0.6 * ncols)
    grid = [[m if chars[j] is None else _cell(t, chars[j], theme, **st) for j, (t, m) in enumerate(zip(r, mr))]
            for r, mr, st in zip(texts, flat, styles)]
    header, cells = grid[0], grid[1:]
    all_rows = [header] + cells
    col_w = [max(r[j].width for r in all_rows) + 0.6 for j in range(ncols)]
    row_h = [max(0.62, max(m.height for m in r) + 0.32) for r in all_rows]
    width, height = sum(col_w), sum(row_h)
    xs = [-width / 2 + sum(col_w[:j]) for j in range(ncols + 1)]
    ys = [height / 2 - sum(row_h[:i]) for i in range(len(all_rows) + 1)]
    for i, r in enumerate(all_rows):
        for j, m in enumerate(r):
            m.move_to([(xs[j] + xs[j + 1]) / 2, (ys[i] + ys[i + 1]) / 2 - getattr(m, "sbc_off", 0.0), 0])
    grid_col = colour(theme, "axes", GRID_GREY)
    lines = VGroup()
    for i, y in enumerate(ys):
        strong = i in (0, 1, len(ys) - 1)
        lines.add(Line([xs[0], y, 0], [xs[-1], y, 0], color=head_col if i == 1 else grid_col,
                       stroke_width=2.5 if strong else 1.2))
    for x in xs[1:-1]:
        lines.add(Line([x, ys[0], 0], [x, ys[-1], 0], color=grid_col, stroke_width=1.2))
    marks = VGroup()

    def mark(x0, x1, y0, y1, c):
        r = Rectangle(width=x1 - x0 - 0.08, height=y0 - y1 - 0.08, color=c, stroke_width=3,
                      fill_color=c, fill_opacity=0.14)
        r.move_to([(x0 + x1) / 2, (y0 + y1) / 2, 0])
        marks.add(r)

    if highlight_row is not None and 0 <= highlight_row < nrows:
        mark(xs[0], xs[-1], ys[highlight_row + 1], ys[highlight_row + 2], HIGHLIGHT)
    if highlight_col is not None and 0 <= highlight_col < ncols:
        mark(xs[highlight_col], xs[highlight_col + 1], ys[0], ys[-1], HIGHLIGHT_COL)
    if highlight_cell and len(highlight_cell) == 2:
        i, j = highlight_cell
        if 0 <= i < nrows and 0 <= j < ncols:
            mark(xs[j], xs[j + 1], ys[i + 1], ys[i + 2], HIGHLIGHT)
    head_row = VGroup(*header)
    body_rows = [VGroup(*r) for r in cells]
    g = VGroup(marks, lines, head_row, *body_rows)
    parts = {}
    for j, c in enumerate(columns):  # a header names its column
        parts.setdefault(c, VGroup(header[j], *[r[j] for r in cells]))
    for r, row in zip(rows, body_rows):  # a row's first cell names the row
        parts.setdefault(r[0], row)
    for r, row in zip(rows, cells):
        for v, m in zip(r, row):
            parts.setdefault(v, m)
    g.parts, g.marks, g.lines, g.head, g.rows = parts, marks, lines, head_row, body_rows
    g.grow = 1.3
    g.sbc_kind = "table"
    return g


def enter(mob, run_time: float):
    per = max(0.15, run_time / (len(mob.rows) + 2))
    steps = [AnimationGroup(Create(mob.lines), FadeIn(mob.head), run_time=max(0.4, per * 1.5))]
    steps += [FadeIn(r, shift=0.15 * DOWN, run_time=per) for r in mob.rows]
    if len(mob.marks):
        steps.append(FadeIn(mob.marks, run_time=0.4))
    return Succession(*steps, run_time=max(run_time, 0.3 * len(steps)))
