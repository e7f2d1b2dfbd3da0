"""text: a wrapped paragraph or a short statement."""

from manim import DOWN, FadeIn, UP, VGroup, Write

from ..style import colour, text as make_text


def build(theme: dict, *, text: str, color: str | None = None, role: str | None = None, tints: dict | None = None,
          align: str | None = None):
    """`tints`: words of the text in their own colours ("'bell' in yellow"); `align="center"`: each line centred."""
    size = 36 if len(text) <= 40 else 30 if len(text) <= 160 else 24
    width = 34 if size == 36 else 50 if size == 30 else 66
    col = color or colour(theme, role or "text")
    if align == "center" and "\n" in text:
        rows = VGroup(*[make_text(line, theme, size=size, color=col, width_chars=width, math=False, t2c=tints)
                        for line in text.split("\n") if line.strip()]).arrange(DOWN, buff=0.18)
        rows.text = text  # (what the inspector and the annotation finder read)
        return rows
    return make_text(text, theme, size=size, color=col, width_chars=width, math=True, t2c=tints)


def enter(mob, run_time: float):
    return Write(mob, run_time=run_time) if len(mob) <= 40 else FadeIn(mob, shift=0.2 * UP, run_time=run_time)
