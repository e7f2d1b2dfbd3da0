"""steps: a calculation built line by line, the lines aligned on their `=`, notes beside them.

Each line comes as `[tex, lhs_tex, original]` (from `compiler.generate`): the formula in TeX (None:
show the text as written), the TeX of the part left of its first `=` ("" when the line starts with
`=`, None when it has no `=`), and the line as written. ziamath draws glyphs left to right, so the
`=` of a line is its glyph number len(glyphs of the left side): that is what the lines align on.
"""

import re

from manim import LEFT, RIGHT, UP, AnimationGroup, FadeIn, Indicate, Succession, VGroup, Wait, Write

from ..mathsvg import find_parts, math_mobject, tint
from ..style import BODY_W, colour, text

NOTE_GREY = "#9E9E9E"


def _eq_glyph(mob, lhs_tex: str | None, size: float, original: str):
    """The `=` glyph of a line, or None."""
    if lhs_tex is None:
        return None
    if getattr(mob, "math_ok", False):
        k = 0 if lhs_tex == "" else len(math_mobject(lhs_tex, font_size=size).submobjects)
        if k < len(mob.submobjects):
            g = mob.submobjects[k]
            if g.width > 1.2 * g.height:  # "=" and "≈" are wide and flat
                return g
        return None
    # text fallback: glyphs are the non-space characters, in order
    pos = original.find("=")
    k = len("".join(original[:pos].split()))
    return mob.submobjects[k] if 0 <= pos and k < len(mob.submobjects) else None


def build(theme: dict, *, formulas: list, notes: list[str] | None = None, color: str | None = None,
          tints: list | None = None):
    col = str(color or colour(theme, "equation", theme["text"]))
    n = len(formulas)
    size = 58 if n <= 4 else 50 if n <= 6 else 42
    lines, eqs, parts = [], [], {}
    for tex, lhs_tex, original in formulas:
        if tex:
            m = math_mobject(tex, font_size=size, color=col, fallback_text=original)
            tint(m, tints)  # (pieces coloured wherever they appear: "the factor 1.1 in gold")
        else:
            m = text(original, theme, size=30, color=col)
        lines.append(m)
        eqs.append(_eq_glyph(m, lhs_tex, size, original))
        parts[original] = m
    note_col = colour(theme, "note", NOTE_GREY)
    widest = max(m.width for m in lines)
    room = BODY_W - widest - 0.7
    chars = max(14, min(34, int(room / (0.0078 * 22))))
    note_mobs = {k: text(s, theme, size=22, color=note_col, width_chars=chars)
                 for k, s in enumerate(notes or []) if k < n and s and s.strip()}
    # rows top to bottom (a row is as tall as its line or its note), then each line shifted so its "="
    # sits on one column
    gap = 0.38 if n <= 5 else 0.26
    y, centres = 0.0, []
    for k, m in enumerate(lines):
        h = max(m.height, note_mobs[k].height if k in note_mobs else 0.0)
        centres.append(y - h / 2)
        m.move_to([0, y - h / 2, 0])
        y -= h + gap
    col_x = max((e.get_center()[0] - m.get_left()[0] for m, e in zip(lines, eqs) if e is not None), default=None)
    if col_x is not None:
        left = min(m.get_left()[0] for m in lines)
        for m, e in zip(lines, eqs):
            if e is not None:
                m.shift((left + col_x - e.get_center()[0]) * RIGHT)
            else:  # no "=": start where the right-hand sides start
                m.shift((left + col_x + 0.3 - m.get_left()[0]) * RIGHT)
    block = VGroup(*lines)
    group = VGroup(block)
    x = block.get_right()[0] + 0.7
    for k, t in note_mobs.items():
        t.move_to([x + t.width / 2, centres[k], 0])
        parts[notes[k]] = t
        group.add(t)
    group.lines = lines
    group.originals = [original for _, _, original in formulas]
    group.sbc_kind = "steps"  # (a derivation keeps the left half for what follows it: SbcScene._figure_to_pin)
    group.notes = note_mobs
    group.parts = parts
    return group


_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w])")


def _written(mob, k: int, run_time: float, dim: float | None, flash: str | None = None):
    """Line k written; with `dim`, the lines above it fade to that opacity meanwhile ("the earlier lines fade to 50
    percent"); with `flash`, the numbers it brings in (not in the line above: the values substituted) then flash in
    that colour ("substituted numbers flash yellow")."""
    line = mob.lines[k]
    write = Write(line, run_time=run_time) if line.width < 6 else FadeIn(line, shift=0.2 * UP, run_time=run_time)
    if dim and k > 0:
        write = AnimationGroup(write, *[mob.lines[j].animate(run_time=run_time).set_opacity(dim) for j in range(k)])
    originals = getattr(mob, "originals", None)
    if not flash or k == 0 or not originals:
        return write
    before = set(_NUMBER.findall(originals[k - 1]))
    new = [x for x in dict.fromkeys(_NUMBER.findall(originals[k])) if x not in before]
    runs = [r for x in new for r in find_parts(line, x)]
    if not runs:
        return write
    return Succession(write, Indicate(VGroup(*runs), color=flash, scale_factor=1.25, run_time=0.6))


def paced(slot: float, at: list[float] | None = None, dim: float | None = None, flash: str | None = None):
    """`enter` that reveals one line (with its note) at a time across the beat's slot — at the times `at`
    (seconds after the beat starts, one per line: when the narration speaks of each line) when given; `dim`: the
    opacity earlier lines fade to as each new one is written."""
    def enter(mob, run_time: float):
        n = len(mob.lines)
        if at and len(at) == n:
            return _at_times(mob, at, dim, flash)
        total = max(run_time, (slot - 1.0) * 0.9)
        per = total / n
        steps = []
        for k, line in enumerate(mob.lines):
            show = min(1.0, max(0.3, per * 0.6))
            steps.append(_written(mob, k, show, dim, flash))
            show = steps[-1].get_run_time()  # (with the flash of its numbers)
            if k in mob.notes:
                steps.append(FadeIn(mob.notes[k], shift=0.2 * LEFT, run_time=min(0.4, per * 0.3)))
            rest = per - show - (min(0.4, per * 0.3) if k in mob.notes else 0)
            if k < n - 1 and rest > 0.05:
                steps.append(Wait(run_time=rest))
        return Succession(*steps, group=VGroup())  # (an empty group: nothing extra is added to the scene)
    return enter


def _at_times(mob, at: list[float], dim: float | None = None, flash: str | None = None):
    steps, now = [], 0.0
    for k, line in enumerate(mob.lines):
        if at[k] > now + 0.05:
            steps.append(Wait(run_time=at[k] - now))
            now = at[k]
        gap = (at[k + 1] - at[k]) if k + 1 < len(at) else 1.0
        show = min(1.0, max(0.3, gap * 0.6))
        steps.append(_written(mob, k, show, dim, flash))
        now += steps[-1].get_run_time()
        if k in mob.notes:
            steps.append(FadeIn(mob.notes[k], shift=0.2 * LEFT, run_time=0.3))
            now += 0.3
    return Succession(*steps, group=VGroup())


def enter(mob, run_time: float):
    return paced(0.0)(mob, run_time)
