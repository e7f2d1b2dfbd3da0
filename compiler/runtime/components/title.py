"""title: a heading with an optional subtitle."""

from manim import DOWN, VGroup

from ..style import colour, text as make_text


def build(theme: dict, *, text: str, subtitle: str | None = None, color: str | None = None):
    head = make_text(text, theme, size=44, color=color or theme["title"], weight="BOLD", width_chars=40)
    parts = [head]
    if subtitle:
        parts.append(make_text(subtitle, theme, size=26, color=colour(theme, "subtitle", theme["text"]), width_chars=60))
    g = VGroup(*parts).arrange(DOWN, buff=0.2)
    g.parts = {text: head, **({subtitle: parts[1]} if subtitle else {})}
    return g
