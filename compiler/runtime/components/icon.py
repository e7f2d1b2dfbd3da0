"""icon: a small set of icons drawn from primitives, each with an optional label."""

from manim import (DOWN, LEFT, RIGHT, UP, Arc, Circle, Ellipse, FadeIn, Line, Polygon, Rectangle, RoundedRectangle,
                   Square, VGroup, AnimationGroup)

from ..style import colour, text


def _clock(c):
    face = Circle(radius=0.5, color=c, stroke_width=4)
    return VGroup(face, Line([0, 0, 0], [0, 0.33, 0], color=c, stroke_width=4), Line([0, 0, 0], [0.25, 0, 0], color=c, stroke_width=4))


def _document(c):
    page = Polygon([-0.38, -0.5, 0], [0.38, -0.5, 0], [0.38, 0.3, 0], [0.18, 0.5, 0], [-0.38, 0.5, 0], color=c, stroke_width=4)
    return VGroup(page, *[Line([-0.25, y, 0], [0.25, y, 0], color=c, stroke_width=3) for y in (0.2, 0.0, -0.2)])


def _person(c):
    return VGroup(Circle(radius=0.2, color=c, stroke_width=4).shift(0.25 * UP),
                  Arc(radius=0.38, start_angle=0, angle=3.1416, color=c, stroke_width=4).shift(0.4 * DOWN))


def _lightbulb(c):
    return VGroup(Circle(radius=0.35, color=c, stroke_width=4).shift(0.12 * UP),
                  Rectangle(width=0.3, height=0.22, color=c, stroke_width=4).shift(0.38 * DOWN))


def _gear(c):
    teeth = VGroup(*[Rectangle(width=0.16, height=0.22, color=c, stroke_width=3, fill_opacity=1, fill_color=c)
                     .shift(0.43 * UP).rotate(k * 0.7854, about_point=[0, 0, 0]) for k in range(8)])
    return VGroup(Circle(radius=0.36, color=c, stroke_width=4), Circle(radius=0.13, color=c, stroke_width=3), teeth)


def _check(c):
    return VGroup(Line([-0.35, 0, 0], [-0.1, -0.3, 0], color=c, stroke_width=8), Line([-0.1, -0.3, 0], [0.4, 0.35, 0], color=c, stroke_width=8))


def _cross(c):
    return VGroup(Line([-0.3, -0.3, 0], [0.3, 0.3, 0], color=c, stroke_width=8), Line([-0.3, 0.3, 0], [0.3, -0.3, 0], color=c, stroke_width=8))


def _database(c):
    return VGroup(*[Ellipse(width=0.8, height=0.25, color=c, stroke_width=3).shift(y * UP) for y in (0.35, 0.0, -0.35)],
                  Line([-0.4, 0.35, 0], [-0.4, -0.35, 0], color=c, stroke_width=3), Line([0.4, 0.35, 0], [0.4, -0.35, 0], color=c, stroke_width=3))


def _chip(c):
    pins = VGroup(*[Line([x, 0.32, 0], [x, 0.48, 0], color=c, stroke_width=3) for x in (-0.18, 0, 0.18)],
                  *[Line([x, -0.32, 0], [x, -0.48, 0], color=c, stroke_width=3) for x in (-0.18, 0, 0.18)])
    return VGroup(Square(side_length=0.64, color=c, stroke_width=4), Square(side_length=0.28, color=c, stroke_width=2), pins)


def _bag(c):
    return VGroup(RoundedRectangle(corner_radius=0.12, width=0.8, height=0.7, color=c, stroke_width=4).shift(0.1 * DOWN),
                  Arc(radius=0.2, start_angle=0, angle=3.1416, color=c, stroke_width=4).shift(0.25 * UP))


def _computer(c):
    """A laptop: a screen over a keyboard base."""
    screen = RoundedRectangle(corner_radius=0.05, width=0.78, height=0.52, color=c, stroke_width=4).shift(0.12 * UP)
    inner = Rectangle(width=0.6, height=0.36, color=c, stroke_width=2).move_to(screen)
    base = Polygon([-0.52, -0.32, 0], [0.52, -0.32, 0], [0.42, -0.18, 0], [-0.42, -0.18, 0], color=c, stroke_width=4)
    return VGroup(screen, inner, base)


def _server(c):
    """A server: a rack of three units, each with its light."""
    units = VGroup()
    for y in (0.3, 0.0, -0.3):
        unit = RoundedRectangle(corner_radius=0.04, width=0.8, height=0.24, color=c, stroke_width=3).shift(y * UP)
        light = Circle(radius=0.04, color=c, fill_color=c, fill_opacity=1, stroke_width=1).move_to(unit).shift(0.28 * RIGHT)
        slot = Line([-0.3, 0, 0], [0.05, 0, 0], color=c, stroke_width=2).shift(y * UP)
        units.add(VGroup(unit, light, slot))
    return units


SHAPES = {"clock": _clock, "document": _document, "person": _person, "lightbulb": _lightbulb, "gear": _gear,
          "check": _check, "cross": _cross, "database": _database, "chip": _chip, "bag": _bag, "computer": _computer,
          "server": _server}


def build(theme: dict, *, icons: list[str], labels: list[str] | None = None, color: str | None = None):
    col = str(color or colour(theme, "icon", theme["accent"]))
    cells = []
    parts = {}
    for k, name in enumerate(icons):
        shape = SHAPES.get(name, _lightbulb)(col)
        label = (labels or [""] * len(icons))[k] if labels and k < len(labels) else ""
        cell = VGroup(shape)
        if label:
            t = text(label, theme, size=22, color=theme["text"], width_chars=16)
            t.next_to(shape, DOWN, buff=0.2)
            cell.add(t)
            parts[label] = cell
        cells.append(cell)
    g = VGroup(*cells).arrange(RIGHT, buff=1.0, aligned_edge=UP)
    g.parts = parts
    g.grow = 1.6
    return g


def enter(mob, run_time: float):
    return AnimationGroup(*[FadeIn(c, scale=0.6) for c in mob], lag_ratio=0.25, run_time=run_time)
