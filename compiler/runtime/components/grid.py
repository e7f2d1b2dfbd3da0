"""grid: numbered (or labelled) cards in rows — some highlighted, optionally going into a bag."""

from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, FadeIn, GrowArrow, Line, RoundedRectangle, Succession,
                   VGroup, Wait)

from ..style import BODY_W, colour, text
from .cards import centred
from .icon import SHAPES

HIGHLIGHT = "#FFD54F"
CROSSED = "#FC6255"
GAP = 0.12


def _columns(n: int, columns: int | None, cw: float, ch: float, width: float, height: float) -> int:
    """Cells per row: `columns` if given; else 10 or fewer (a divisor of n keeps the last row full),
    more when the rows would not fit `height`."""
    if columns:
        return max(1, min(columns, n))
    if n <= 10:
        return n
    cols = next((c for c in range(10, 4, -1) if n % c == 0), 10)
    while -(-n // cols) * (ch + GAP) > height and (cols + 1) * (cw + GAP) <= width:
        cols += 1
    return cols


def build(theme: dict, *, count: int | None = None, start: int = 1, labels: list[str] | None = None,
          columns: int | None = None, highlight: list[str] | None = None, caption: str | None = None,
          container: str | None = None, color: str | None = None, numbered: bool = True,
          crossed: list[str] | None = None):
    names = [str(x) for x in labels] if labels else [str(start + k) for k in range(min(count or 1, 100))]
    n = len(names)
    size = 26 if n <= 30 else 22 if n <= 60 else 20
    col = str(color or colour(theme, "node", theme["accent"]))
    hl = {str(h).strip() for h in (highlight or [])}
    struck = {str(h).strip() for h in (crossed or [])}
    plain = numbered is False and not labels  # cells without their numbers: small squares (pixels, people)
    labels_m = [VGroup() if plain else text(s, theme, size=size, color=theme["text"], width_chars=10) for s in names]
    if plain:  # squares as large as the rows and columns leave room for
        across = columns or _columns(n, None, 0.3, 0.3, BODY_W, 4.6)
        cw = ch = max(0.2, min(0.7, 4.6 / -(-n // across) - GAP, (BODY_W - (3.0 if container else 0.0)) / across - GAP))
    else:
        cw = max(0.72 if n <= 30 else 0.6, max(m.width for m in labels_m) + 0.24)
        ch = max(0.95 if n <= 30 else 0.5, max(m.height for m in labels_m) + 0.22)
    ncols = _columns(n, columns, cw, ch, BODY_W - (3.0 if container else 0.0), 5.2 - (0.7 if caption else 0.0))
    cells, marks, parts = [], VGroup(), {}
    for k, (s, t) in enumerate(zip(names, labels_m)):
        card = RoundedRectangle(corner_radius=0.04 if plain else 0.08, width=cw, height=ch, color=col, stroke_width=2,
                                fill_color=col, fill_opacity=0.25 if plain else 0.08)
        if plain:
            cell = VGroup(card)
        else:
            t.move_to(card)
            cell = VGroup(card, t)
        cell.shape = card  # what a fill or a dim recolours, what an arrow points at
        cell.move_to([(k % ncols) * (cw + GAP), -(k // ncols) * (ch + GAP), 0])
        cells.append(cell)
        parts.setdefault(s, cell)
        if s in hl:
            m = RoundedRectangle(corner_radius=0.04 if plain else 0.08, width=cw, height=ch, color=HIGHLIGHT, stroke_width=3,
                                 fill_color=HIGHLIGHT, fill_opacity=0.22)
            m.move_to(card)
            marks.add(m)
        if s in struck:  # struck out: the cell veiled in the background colour, a line across it
            veil = RoundedRectangle(corner_radius=0.04 if plain else 0.08, width=cw, height=ch, stroke_width=0,
                                    fill_color=theme["background"], fill_opacity=0.6).move_to(card)
            cross = Line(card.get_corner(DOWN + LEFT) + [0.08, 0.08, 0], card.get_corner(UP + RIGHT) - [0.08, 0.08, 0],
                         color=CROSSED, stroke_width=3)
            marks.add(VGroup(veil, cross))
    board = VGroup(*cells)
    g = VGroup(board, marks)
    g.move_to([0, 0, 0])
    g.cells, g.marks, g.bag, g.arrow, g.caption = cells, marks, None, None, None
    if container:
        bag_col = colour(theme, "icon", "#FFD54F")
        bag = SHAPES.get(container, SHAPES["bag"])(str(bag_col)).scale(2.0)
        bag.next_to(board, RIGHT, buff=1.3)
        arrow = Arrow(board.get_right() + 0.1 * RIGHT, bag.get_left() + 0.05 * LEFT, buff=0.05, color="#9E9E9E",
                      stroke_width=4)
        g.add(arrow, bag)
        g.bag, g.arrow = bag, arrow
    if caption:
        cap = centred(caption, theme, size=24, color=colour(theme, "subtitle", theme["text"]), width_chars=60)
        cap.next_to(g, DOWN, buff=0.35)
        g.add(cap)
        g.caption = cap
        parts[caption] = cap
    g.parts = parts
    return g


def paced(slot: float):
    """`enter`: the cards appear row by row, then the bag; the highlighted cells light up at the end of the slot."""
    def enter(mob, run_time: float):
        total = max(run_time, (slot - 1.0) * 0.9)
        steps = [AnimationGroup(*[FadeIn(c, scale=0.8) for c in mob.cells], lag_ratio=min(0.25, 3.0 / len(mob.cells)),
                                run_time=min(2.0, max(0.5, total * 0.4)))]
        if mob.bag is not None:
            steps.append(AnimationGroup(GrowArrow(mob.arrow), FadeIn(mob.bag, shift=0.2 * LEFT),
                                        run_time=min(0.8, max(0.3, total * 0.2))))
        if mob.caption is not None:
            steps.append(FadeIn(mob.caption, shift=0.15 * UP, run_time=0.4))
        if len(mob.marks):
            used = sum(s.run_time for s in steps)
            if total - used - 0.5 > 0.1:
                steps.append(Wait(run_time=total - used - 0.5))
            steps.append(FadeIn(mob.marks, run_time=0.5))
        return Succession(*steps, group=VGroup())  # (an empty group: nothing extra is added to the scene)
    return enter


def enter(mob, run_time: float):
    return paced(0.0)(mob, run_time)
