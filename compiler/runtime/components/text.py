"""text: a wrapped paragraph or a short statement."""

from manim import FadeIn, UP, Write

from ..style import colour, text as make_text


def build(theme: dict, *, text: str, color: str | None = None, role: str | None = None):
    size = 32 if len(text) <= 40 else 26 if len(text) <= 160 else 22
    width = 36 if size == 32 else 56 if size == 26 else 70
    return make_text(text, theme, size=size, color=color or colour(theme, role or "text"), width_chars=width)


def enter(mob, run_time: float):
    return Write(mob, run_time=run_time) if len(mob) <= 40 else FadeIn(mob, shift=0.2 * UP, run_time=run_time)
