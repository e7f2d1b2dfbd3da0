"""sequence: tokens in rounded pills in a row (wrapping onto more rows when long).

Modes: `show` (all at once), `process` (a gold marker steps along the tokens, each lights up in turn
and stays ticked off), `generate` (the tokens are appended one by one, the newest in gold).
"""

from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, FadeIn, ManimColor, MoveToTarget, RoundedRectangle,
                   Succession, Triangle, VectorizedPoint, VGroup, Wait)

from ..style import BODY_W, clean, colour, text

PILL_FILL = "#236B8E"
CURRENT = "#FFD54F"
DONE = "#66BB6A"
INDEX = "#9E9E9E"
GAP = 0.22


def baseline_text(s: str, theme: dict, size: float, *, color=None, mono: bool = False, weight: str = "NORMAL"):
    """A one-line Text placed on a common baseline: typeset after "Hg" (tallest ascender, deepest
    descender), which is then dropped. Returns (text, line height, how far the middle of the line is
    above the middle of the text) — rows of these line up however many ascenders they have."""
    s = clean(s).replace("\n", " ")
    t = text("Hg" + s, theme, size=size, color=color, mono=mono, weight=weight)
    glyphs = len("".join(s.split()))
    line_h, mid = t.height, t.get_center()[1]
    if len(t.submobjects) != 2 + glyphs or glyphs == 0:  # ligatures or a blank string: plain centring
        t = text(s, theme, size=size, color=color, mono=mono, weight=weight)
        return t, max(line_h, t.height), 0.0
    ratio = t.initial_height / t.height
    t.remove(*t.submobjects[:2])
    t.text, t.original_text = "".join(s.split()), s
    t.initial_height = t.height * ratio  # keeps `font_size` (read from the height) right
    return t, line_h, mid - t.get_center()[1]


def build(theme: dict, *, tokens: list[str], mode: str = "show", label: str | None = None, color: str | None = None,
          indices: int | None = None, below: list[str] | None = None):
    n = len(tokens)
    size = 30 if n <= 8 else 26
    stroke = ManimColor(str(color or colour(theme, "node", theme["accent"])))
    pills, cols, parts = [], [], {}
    for k, tok in enumerate(tokens):
        if tok.strip():
            t, line_h, off = baseline_text(tok[:24], theme, size)
        else:  # an empty cell of an array: as tall as the others, nothing in it
            _, line_h, _ = baseline_text("0", theme, size)
            t, off = VectorizedPoint(), 0.0
        box = RoundedRectangle(corner_radius=0.16, width=max(0.8, t.width + 0.45), height=line_h + 0.3,
                               color=stroke, stroke_width=2.5, fill_color=PILL_FILL, fill_opacity=0.35)
        t.move_to(box.get_center() - off * UP)
        pill = VGroup(box, t)
        pill.shape = box  # what a fill or a dim recolours, what an arrow points at
        pills.append(pill)
        if tok.strip():
            parts.setdefault(tok, pill)
        under = []
        if below is not None and str(below[k]).strip():
            # the cell's note (its code, its count), under it in the text colour: its own mobject, not the cell's
            note = text(str(below[k]), theme, size=22, color=theme["text"], math=True)
            note.next_to(pill, DOWN, buff=0.12)
            under.append(note)
            parts.setdefault(str(below[k]), note)
        if indices is not None:
            # the cell's index, small and grey under it: its own mobject, not part of the cell
            idx = text(str(indices + k), theme, size=18, color=INDEX)
            idx.next_to(under[-1] if under else pill, DOWN, buff=0.1)
            under.append(idx)
        cols.append(VGroup(pill, *under) if under else pill)
    # rows that fit the frame
    rows, row, w = [], [], 0.0
    limit = BODY_W * 0.94
    for p in cols:
        if row and w + GAP + p.width > limit:
            rows.append(row)
            row, w = [], 0.0
        row.append(p)
        w += (GAP if len(row) > 1 else 0) + p.width
    rows.append(row)
    line = VGroup(*[VGroup(*r).arrange(RIGHT, buff=GAP, aligned_edge=UP) for r in rows])
    line.arrange(DOWN, buff=0.5 if mode == "process" else 0.3)  # (room for the marker above each row)
    g = VGroup(line)
    g.pills, g.cols, g.mode, g.stroke, g.marker, g.caption = pills, cols, mode, stroke, None, None
    if mode == "process":
        marker = Triangle(color=CURRENT, fill_color=CURRENT, fill_opacity=1, stroke_width=0).rotate(3.14159)
        marker.scale_to_fit_height(0.22)
        marker.next_to(pills[0], UP, buff=0.1)
        g.add(marker)
        g.marker = marker
    if label:
        cap = text(label, theme, size=24, color=colour(theme, "subtitle", theme["text"]), width_chars=60)
        cap.next_to(line, DOWN, buff=0.35)
        g.add(cap)
        g.caption = cap
        parts.setdefault(label, cap)
    g.parts = parts
    g.grow = 1.3
    g.sbc_kind = "sequence"
    return g


class _ToState(MoveToTarget):
    """Move `mobject` to an explicit end state (a prepared copy). Several in a row on one mobject chain
    correctly (`.animate` would snapshot every target when the list is built), and dry runs apply them."""

    def __init__(self, mobject, state, **kwargs):
        mobject.target = state
        super().__init__(mobject, **kwargs)


def paced(slot: float):
    """`enter` that steps through (or appends) the tokens across the beat's slot."""
    def enter(mob, run_time: float):
        n = len(mob.pills)
        cols = getattr(mob, "cols", mob.pills)  # each cell with its index under it
        total = max(run_time, (slot - 1.0) * 0.9)
        caption = [FadeIn(mob.caption, run_time=0.3)] if mob.caption is not None else []
        boxes = [p[0] for p in mob.pills]
        current = [b.copy().set_stroke(CURRENT, width=4) for b in boxes]
        if mob.mode == "generate":
            per = max(0.2, total / n)
            steps = []
            for k, p in enumerate(cols):
                show = min(0.5, per * 0.6)
                flash = min(0.25, per * 0.2)
                steps.append(FadeIn(p, shift=0.25 * LEFT, run_time=show))
                steps.append(_ToState(boxes[k], current[k], run_time=flash))
                steps.append(_ToState(boxes[k], boxes[k].copy(), run_time=flash))
                rest = per - show - 2 * flash
                if k < n - 1 and rest > 0.05:
                    steps.append(Wait(run_time=rest))
            return Succession(*steps, *caption, group=VGroup())
        appear = AnimationGroup(*[FadeIn(p, shift=0.15 * UP) for p in cols], lag_ratio=0.15,
                                run_time=min(1.0, max(0.3, total * 0.25)))
        if mob.mode != "process":
            return Succession(appear, *caption, group=VGroup())
        done = [b.copy().set_stroke(DONE, width=2.5).set_fill(DONE, opacity=0.3) for b in boxes]
        marker = mob.marker
        state = marker.copy()
        per = max(0.25, (total - appear.run_time - 0.5) / n)
        # the marker enters (FadeIn adds it to the scene) and leaves by turning transparent: it stays part
        # of the sequence, so whatever later fades the sequence out fades it too
        steps = [appear, *caption, FadeIn(marker, shift=0.1 * DOWN, run_time=0.2)]
        for k, p in enumerate(mob.pills):
            move = min(0.35, per * 0.4)
            state.next_to(p, UP, buff=0.1)
            anims = [_ToState(marker, state.copy()), _ToState(boxes[k], current[k])]
            if k:
                anims.append(_ToState(boxes[k - 1], done[k - 1]))
            steps.append(AnimationGroup(*anims, run_time=move))
            if per - move > 0.05:
                steps.append(Wait(run_time=per - move))
        steps.append(AnimationGroup(_ToState(boxes[-1], done[-1]), _ToState(marker, state.copy().set_opacity(0)),
                                    run_time=0.3))
        return Succession(*steps, group=VGroup())  # (an empty group: nothing extra is added to the scene)
    return enter


def enter(mob, run_time: float):
    return paced(0.0)(mob, run_time)
