"""text: a wrapped paragraph or a short statement."""

from manim import FadeIn, UP, Write

from ..style import colour, text as make_text


def build(theme: dict, *, text: str, color: str | None = None, role: str | None = None, tints: dict | None = None):
    """`tints`: words of the text in their own colours ("'bell' in yellow")."""
    size = 36 if len(text) <= 40 else 30 if len(text) <= 160 else 24
    width = 34 if size == 36 else 50 if size == 30 else 66
    return make_text(text, theme, size=size, color=color or colour(theme, role or "text"), width_chars=width,
                     math=True, t2c=tints)


def enter(mob, run_time: float):
    return Write(mob, run_time=run_time) if len(mob) <= 40 else FadeIn(mob, shift=0.2 * UP, run_time=run_time)
