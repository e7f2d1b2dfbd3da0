"""matrix: entries in brackets (drawn from lines, no LaTeX); row/column highlight; A + B = C."""

from manim import (DOWN, LEFT, RIGHT, UP, Create, FadeIn, Line, SurroundingRectangle, VGroup, Write)

from ..style import as_written, colour, text


def grid(theme, values, col, size=28, augment=None, min_cell_w=0.0):
    rows = [[text(as_written(v), theme, size=size, color=col) for v in row] for row in values]
    ncols = max(len(r) for r in rows)
    cw = max(max(m.width for r in rows for m in r) + 0.35, min_cell_w)  # (wide enough for a column's label)
    rh = max(m.height for r in rows for m in r) + 0.3
    cells = VGroup()
    for i, r in enumerate(rows):
        for j, m in enumerate(r):
            m.move_to([j * cw, -i * rh, 0])
            cells.add(m)
    cells.move_to([0, 0, 0])
    h = rh * len(rows) + 0.1
    w = cw * ncols
    left = cells.get_left()[0] - 0.15
    right = cells.get_right()[0] + 0.15
    br = VGroup()
    for x, d in ((left, 1), (right, -1)):
        top, bot = [x, h / 2, 0], [x, -h / 2, 0]
        br.add(Line(top, bot, color=col), Line(top, [x + 0.15 * d, h / 2, 0], color=col),
               Line(bot, [x + 0.15 * d, -h / 2, 0], color=col))
    g = VGroup(cells, br)
    if augment:
        # an augmented matrix: a bar between column `augment - 1` and `augment`
        # (the cells of a column share their centre: the bar sits half way between the two columns)
        x = (rows[0][augment - 1].get_center()[0] + rows[0][augment].get_center()[0]) / 2
        g.add(Line([x, h / 2 - 0.05, 0], [x, -h / 2 + 0.05, 0], color=col, stroke_width=2))
    g.cells, g.rows_n, g.cols_n, g.cell_w, g.row_h, g.w = rows, len(rows), ncols, cw, rh, w
    return g


def _column_heads(theme, column_labels):
    """The labels above the columns, smaller than the entries (a long one on two lines)."""
    heads = []
    for name in column_labels or []:
        words = str(name).split()
        shown = " ".join(words) if len(str(name)) <= 10 or len(words) < 2 else \
            " ".join(words[: (len(words) + 1) // 2]) + "\n" + " ".join(words[(len(words) + 1) // 2:])
        heads.append(text(shown, theme, size=20, color=theme.get("text", "#E0E0E0")))
    return heads


def _name_rows_and_columns(theme, a, row_labels, heads) -> None:
    """A label left of each row, right-aligned by the bracket, and the heads above their columns (the columns are
    wide enough for them: `grid`'s min_cell_w); joined to the matrix group."""
    left = a[1].get_left()[0]
    for row, name in zip(a.cells, row_labels or []):
        lab = text(str(name), theme, size=20, color=theme.get("text", "#E0E0E0"))
        lab.move_to([left - 0.2 - lab.width / 2, row[0].get_center()[1], 0])
        a.add(lab)
    top = a[1].get_top()[1]
    for j, lab in enumerate(heads):
        lab.move_to([a.cells[0][j].get_center()[0], top + 0.15 + lab.height / 2, 0])
        a.add(lab)


def _sum(x, y):
    """The entry of a sum: numbers add; symbols stay a written sum (an abstract "·" grid stays dots)."""
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return round(x + y, 10)  # exact to what was written (0.125 + 0.25 = 0.375), without float noise
    return x if x == y == "·" else f"{x} + {y}"


def build(theme: dict, *, values, label: str | None = None, op: str = "show", second=None,
          highlight_row: int | None = None, highlight_col: int | None = None, color: str | None = None,
          augment: int | None = None, row_labels=None, column_labels=None, factor: str | None = None):
    col = color or colour(theme, "matrix", theme["accent"])
    heads = _column_heads(theme, column_labels)
    a = grid(theme, values, col, augment=augment, min_cell_w=max((h.width + 0.2 for h in heads), default=0.0))
    _name_rows_and_columns(theme, a, row_labels, heads)
    items = []
    parts = {}
    if label:
        lab = text(f"{label} =" if op == "show" else label, theme, size=30, color=theme["text"])
        items.append(lab)
        parts[label] = lab
    if factor:
        items.append(text(factor, theme, size=30, color=theme["text"], math=True))  # "1/9" before the brackets
    items.append(a)
    if op == "add" and second:
        b = grid(theme, second, colour(theme, "equation", "#FFD54F"))
        summed = [[_sum(x, y) for x, y in zip(ra, rb)] for ra, rb in zip(values, second)]
        c = grid(theme, summed, colour(theme, "good", "#66BB6A"))
        items += [text("+", theme, size=40), b, text("=", theme, size=40), c]
    if op == "times" and second:
        # "[[2, 1], [0, 1]] × [3, 2]": the product as written; the steps that follow work it out
        items += [text("×", theme, size=40), grid(theme, second, colour(theme, "equation", "#FFD54F"))]
    g = VGroup(*items).arrange(RIGHT, buff=0.35)
    g.main = a
    marks = VGroup()
    if highlight_row is not None and highlight_row < a.rows_n:
        marks.add(SurroundingRectangle(VGroup(*a.cells[highlight_row]), color="#FFD54F", buff=0.08))
    if highlight_col is not None and highlight_col < a.cols_n:
        marks.add(SurroundingRectangle(VGroup(*[r[highlight_col] for r in a.cells if highlight_col < len(r)]),
                                       color="#FF7043", buff=0.08))
    g.add(marks)
    g.marks = marks
    g.parts = parts
    g.grow = 1.6
    g.sbc_kind = "matrix"  # (a `replaces` matrix morphs the newest one on screen: SbcScene.update)
    return g


def enter(mob, run_time: float):
    anims = [FadeIn(m, shift=0.1 * DOWN) for m in mob if m is not mob.marks]
    return [*([_group(anims, run_time)]), *([Create(mob.marks, run_time=0.5)] if len(mob.marks) else [])]


def _group(anims, run_time):
    from manim import AnimationGroup

    return AnimationGroup(*anims, lag_ratio=0.3, run_time=run_time)
