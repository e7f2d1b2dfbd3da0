"""equation: formulas rendered without LaTeX (ziamath → SVG), one per line."""

from manim import DOWN, FadeIn, UP, VGroup, Write

from ..mathsvg import math_mobject, tint
from ..style import colour, text


def build(theme: dict, *, formulas: list[tuple[str | None, str]], label: str | None = None,
          color: str | None = None, tints: list | None = None):
    """`formulas`: (tex or None, original text) pairs; None means "show the text as it is"."""
    col = color or colour(theme, "equation", theme["text"])
    lines = []
    parts = {}
    for tex, original in formulas:
        if tex:
            m = math_mobject(tex, font_size=58, color=str(col), fallback_text=original)
            tint(m, tints)  # (pieces coloured wherever they appear: "the factor 1.1 in gold")
        else:
            m = text(original, theme, size=34, color=col, width_chars=48)
        lines.append(m)
        parts[original] = m
    g = VGroup(*lines).arrange(DOWN, buff=0.45)
    if label:
        cap = text(label, theme, size=22, color=colour(theme, "subtitle", theme["text"]))
        g = VGroup(g, cap).arrange(DOWN, buff=0.3)
        parts[label] = cap
    g.parts = parts
    return g


def enter(mob, run_time: float):
    return Write(mob, run_time=run_time) if mob.width < 9 else FadeIn(mob, shift=0.2 * UP, run_time=run_time)
