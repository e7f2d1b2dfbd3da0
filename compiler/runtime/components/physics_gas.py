"""physics, a gas in a cylinder: the walls, a piston with its rod (or a closed lid), dots of gas moving in straight
lines and bouncing off the walls and the piston, a round pressure gauge with a needle, a thermometer, a flame, a
weight on the piston, and the changes a `gas` step asks for — the piston moving to a new volume (the dots follow),
the readings changing (the needle turns, the thermometer rises), the dots speeding up as the gas warms.

The dots are a picture of the gas, not a simulation: they move at a steady speed in straight lines (a seeded,
repeatable start) and bounce; warming scales their speed by √(T₂/T₁) when both readings are temperatures.
"""

from __future__ import annotations

import math
import re

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Circle, Dot, FadeIn, Line, Polygon, Rectangle,
                   RoundedRectangle, Transform, VGroup)

from ..style import text
from .plot import dim_text

W, H = 2.6, 3.4          # the cylinder's inside, on screen
PISTON = 0.26
GAS = "#58C4DD"
WARM = "#FF8A65"
NEEDLE = "#FF5252"
MERCURY = "#F85149"
FLAME = ("#FF9800", "#FFD54F")
LABEL = 22
SPEED = 1.3              # screen units per second, before warming


def _number(s: str | None) -> float | None:
    """The first number of a reading ("P = 2.0 atm" -> 2.0; "T = 450 K" -> 450)."""
    m = re.search(r"[-−]?\d+(?:[.,]\d+)?", s or "")
    return float(m.group(0).replace("−", "-").replace(",", ".")) if m else None


def _kelvin(s: str | None) -> float | None:
    """A temperature reading in kelvin ("T = 450 K", "27 °C" -> 300.15), else None."""
    v = _number(s)
    if v is None:
        return None
    if re.search(r"°\s*C\b|\bC\b|celsius", s or "", re.I):
        return v + 273.15
    return v if re.search(r"\bK\b|kelvin", s or "") else None


def build_gas(theme: dict, spec: dict):
    """The gas picture (a VGroup) with `.parts` (label -> mobject); `change(scene, g, gas_change, seconds)` acts on it."""
    grey = dim_text(theme)
    bottom, left, right = -H / 2, -W / 2, W / 2
    top = bottom + H
    walls = VGroup(Line([left, top + 0.2, 0], [left, bottom, 0], color=theme["text"], stroke_width=5),
                   Line([left, bottom, 0], [right, bottom, 0], color=theme["text"], stroke_width=5),
                   Line([right, bottom, 0], [right, top + 0.2, 0], color=theme["text"], stroke_width=5))
    volume = float(spec.get("volume", 0.6))
    piston_y = bottom + volume * H + PISTON / 2
    lid = VGroup()
    if spec.get("piston", True):
        plate = Rectangle(width=W - 0.06, height=PISTON, color=grey, stroke_width=2).set_fill(grey, 0.9)
        plate.move_to([0, piston_y, 0])
        rod = Line([0, piston_y + PISTON / 2, 0], [0, top + 0.75, 0], color=grey, stroke_width=7)
        lid.add(plate, rod)
        if spec.get("weight"):
            block = Rectangle(width=1.0, height=0.45, color="#FFD54F", stroke_width=2).set_fill("#FFD54F", 0.35)
            block.move_to([0, piston_y + PISTON / 2 + 0.225, 0])
            lid.add(block)
    else:
        volume = 1.0
        plate = Line([left, top, 0], [right, top, 0], color=theme["text"], stroke_width=5)
        lid.add(plate)
        walls[0].put_start_and_end_on(np.array([left, top, 0]), np.array([left, bottom, 0]))
        walls[2].put_start_and_end_on(np.array([right, bottom, 0]), np.array([right, top, 0]))
    gas_top = bottom + volume * H
    rng = np.random.default_rng(7)
    n = int(spec.get("particles", 30))
    dots = VGroup()
    for _ in range(n):
        x = rng.uniform(left + 0.12, right - 0.12)
        y = rng.uniform(bottom + 0.12, gas_top - 0.12)
        d = Dot([x, y, 0], radius=0.055, color=GAS)
        a = rng.uniform(0, 2 * math.pi)
        d.velocity = np.array([math.cos(a), math.sin(a), 0.0]) * SPEED * rng.uniform(0.7, 1.3)
        dots.add(d)
    g = VGroup(walls, lid, dots)
    parts: dict = {}
    extras = VGroup()
    g.gauge_needle = g.gauge_label = g.mercury = g.thermo_label = g.volume_text = g.flame = None
    if spec.get("gauge"):
        centre = np.array([right + 0.85, bottom + H * 0.72, 0])
        pipe = Line([right, centre[1], 0], centre + LEFT * 0.38, color=grey, stroke_width=4)
        dial = Circle(radius=0.38, color=theme["text"], stroke_width=3).set_fill(theme["background"], 1).move_to(centre)
        ticks = VGroup(*[Line(centre + 0.3 * np.array([math.cos(t), math.sin(t), 0]),
                              centre + 0.37 * np.array([math.cos(t), math.sin(t), 0]), color=grey, stroke_width=2)
                         for t in np.linspace(math.radians(210), math.radians(-30), 7)])
        needle = Line(centre, centre + 0.3 * np.array([math.cos(math.radians(150)), math.sin(math.radians(150)), 0]),
                      color=NEEDLE, stroke_width=4)
        label = text(spec["gauge"], theme, size=LABEL, color=theme["text"], math=True)
        label.next_to(dial, RIGHT, buff=0.15)
        extras.add(pipe, dial, ticks, needle, label)
        g.gauge_needle, g.gauge_label, g.gauge_centre = needle, label, dial
        g.gauge_value, g.gauge_angle = _number(spec["gauge"]), 150.0
        parts[spec["gauge"]] = VGroup(dial, needle, label)
    if spec.get("thermometer"):
        x = left - 0.55
        tube = RoundedRectangle(width=0.18, height=1.6, corner_radius=0.09, color=theme["text"], stroke_width=2)
        tube.move_to([x, bottom + H * 0.45, 0])
        bulb = Circle(radius=0.16, color=theme["text"], stroke_width=2).set_fill(MERCURY, 1)
        bulb.move_to(tube.get_bottom() + DOWN * 0.08)
        level = 0.55
        mercury = Rectangle(width=0.08, height=1.5 * level, stroke_width=0).set_fill(MERCURY, 1)
        mercury.move_to(tube.get_bottom() + UP * (0.05 + 0.75 * level))
        label = text(spec["thermometer"], theme, size=LABEL, color=theme["text"], math=True)
        label.next_to(tube, UP, buff=0.15)
        label.shift(LEFT * max(0.0, label.get_right()[0] - (left - 0.15)))  # clear of the cylinder's wall
        extras.add(tube, mercury, bulb, label)
        g.mercury, g.thermo_label, g.thermo_tube = mercury, label, tube
        g.level, g.kelvin = level, _kelvin(spec["thermometer"])
        parts[spec["thermometer"]] = VGroup(tube, mercury, bulb, label)
    if spec.get("volume_label"):
        t = text(spec["volume_label"], theme, size=LABEL, color=GAS, math=True)
        t.move_to([right + 0.3 + t.width / 2, bottom + 0.35, 0])
        extras.add(t)
        g.volume_text = t
        parts[spec["volume_label"]] = t
    if spec.get("weight"):
        t = text(spec["weight"], theme, size=LABEL - 2, color=theme["background"], math=True)
        t.move_to(lid[2].get_center())
        if t.width > 0.9:
            t.set_color(theme["text"]).next_to(lid[2], RIGHT, buff=0.1)
        lid.add(t)
        parts[spec["weight"]] = VGroup(lid[2], t)
    g.flame = _flame(bottom)
    if not spec.get("heat"):
        g.flame.set_opacity(0)
    g.add(extras, g.flame)
    g.label = None
    if spec.get("label"):
        t = text(spec["label"], theme, size=LABEL, color=theme["text"], math=True)
        t.next_to(g.flame, DOWN, buff=0.2)
        g.add(t)
        g.label = t
        parts[spec["label"]] = t
    g.walls, g.lid, g.dots, g.extras, g.parts, g.spec, g.theme = walls, lid, dots, extras, parts, dict(spec), theme
    g.closed = not spec.get("piston", True)
    g.warmth = 1.0
    dots.add_updater(_bounce(g))
    return g


def _flame(bottom: float) -> VGroup:
    flames = VGroup()
    for k, x in enumerate((-0.6, 0.0, 0.6)):
        outer = Polygon([x - 0.22, bottom - 0.55, 0], [x + 0.22, bottom - 0.55, 0], [x, bottom - 0.1, 0],
                        color=FLAME[0], stroke_width=0).set_fill(FLAME[0], 0.9)
        inner = Polygon([x - 0.1, bottom - 0.55, 0], [x + 0.1, bottom - 0.55, 0], [x, bottom - 0.3, 0],
                        color=FLAME[1], stroke_width=0).set_fill(FLAME[1], 1)
        flames.add(VGroup(outer, inner))
    return flames


def _bounce(g):
    """The dots' updater: straight lines at their speed, bouncing off the walls and the piston where they are now
    (the picture may have been scaled and moved since it was built)."""

    def update(dots, dt):
        dt = max(0.0, dt)  # (at dt = 0 the dots are only kept inside: the piston may have moved)
        x0 = g.walls[0].get_center()[0] + 0.06
        x1 = g.walls[2].get_center()[0] - 0.06
        y0 = g.walls[1].get_center()[1] + 0.06
        y1 = (g.lid[0].get_bottom()[1] if not g.closed else g.lid[0].get_center()[1]) - 0.06
        k = (x1 - x0) / (W - 0.12)  # screen units per built unit
        r = 0.055 * k
        for d in dots:
            p = d.get_center() + d.velocity * dt * k * g.warmth
            for axis, lo, hi in ((0, x0 + r, x1 - r), (1, y0 + r, y1 - r)):
                if hi <= lo:
                    p[axis] = (lo + hi) / 2
                    continue
                if p[axis] < lo:
                    p[axis] = lo + (lo - p[axis]) if lo + (lo - p[axis]) < hi else lo
                    d.velocity[axis] = abs(d.velocity[axis])
                elif p[axis] > hi:
                    p[axis] = hi - (p[axis] - hi) if hi - (p[axis] - hi) > lo else hi
                    d.velocity[axis] = -abs(d.velocity[axis])
            d.move_to(p)

    return update


def enter_gas(g, run_time: float) -> list:
    """The cylinder, then the piston and the gas, then the gauge, thermometer and labels."""
    first = AnimationGroup(*[FadeIn(m) for m in g.walls], run_time=max(0.3, run_time * 0.3))
    second = AnimationGroup(FadeIn(g.lid), FadeIn(g.dots), run_time=max(0.3, run_time * 0.3))
    # (the flame always comes on screen: unlit it is invisible, and a later step lights it)
    rest = [m for m in list(g.extras) + ([g.label] if g.label is not None else [])] + [g.flame]
    out = [first, second]
    if rest:
        out.append(AnimationGroup(*[FadeIn(m) for m in rest], lag_ratio=0.3, run_time=max(0.3, run_time * 0.3)))
    return out


def change(scene, g, ch: dict, seconds: float) -> None:
    """A `gas` step: the piston moves to `volume`, the readings change (the needle turns by the pressure ratio, the
    thermometer rises with the temperature), the flame is lit or put out, the dots speed up or slow down."""
    anims = []
    k = (g.walls[2].get_center()[0] - g.walls[0].get_center()[0]) / W
    if ch.get("volume") is not None and not g.closed:
        now = (g.lid[0].get_center()[1] - PISTON / 2 * k - g.walls[1].get_center()[1]) / (H * k)
        dy = (float(ch["volume"]) - now) * H * k
        anims.append(g.lid.animate.shift(UP * dy))
    if ch.get("volume_label") and g.volume_text is not None:
        new = text(ch["volume_label"], g.theme, size=LABEL, color=GAS, math=True).scale(k)
        new.move_to(g.volume_text.get_left() + RIGHT * new.width / 2)
        anims.append(Transform(g.volume_text, new))
    if ch.get("gauge") and g.gauge_label is not None:
        new = text(ch["gauge"], g.theme, size=LABEL, color=g.theme["text"], math=True).scale(k)
        new.move_to(g.gauge_label.get_center())
        anims.append(Transform(g.gauge_label, new))
        value = _number(ch["gauge"])
        if value is not None and g.gauge_value:
            # the needle turns by the ratio: from 150° (the first reading) clockwise, at most to -30°
            target = max(-30.0, 150.0 - 60.0 * (value / g.gauge_value - 1.0))
            centre = g.gauge_centre.get_center()
            anims.append(g.gauge_needle.animate.rotate(math.radians(target - g.gauge_angle), about_point=centre))
            g.gauge_angle = target
    warm = None
    if ch.get("thermometer") and g.thermo_label is not None:
        new = text(ch["thermometer"], g.theme, size=LABEL, color=g.theme["text"], math=True).scale(k)
        new.move_to(g.thermo_label.get_center())
        anims.append(Transform(g.thermo_label, new))
        kelvin = _kelvin(ch["thermometer"])
        if kelvin and g.kelvin:
            level = min(0.95, max(0.1, g.level * kelvin / g.kelvin))
            tube = g.thermo_tube
            target = Rectangle(width=0.08 * k, height=1.5 * level * k, stroke_width=0).set_fill(MERCURY, 1)
            target.move_to(tube.get_bottom() + UP * (0.05 + 0.75 * level) * k)
            anims.append(Transform(g.mercury, target))
            warm = math.sqrt(kelvin / g.kelvin)
            g.kelvin, g.level = kelvin, level
    if ch.get("speed"):
        warm = float(ch["speed"])
    if ch.get("heat") is not None:
        anims.append(g.flame.animate.set_opacity(1.0 if ch["heat"] else 0.0))
    if warm is not None:
        g.warmth *= warm
        g.dots.set_color(WARM if g.warmth > 1.05 else GAS)  # at once: the dots keep moving
    if anims:
        scene.play(*anims, run_time=max(0.6, min(2.5, seconds * 0.6)))
        g.dots.update(0)  # inside the new volume at once (in a preview, which skips the frames between)
    rest = seconds - max(0.6, min(2.5, seconds * 0.6))
    if rest > 0.1:
        scene.wait(rest)  # the dots keep moving
