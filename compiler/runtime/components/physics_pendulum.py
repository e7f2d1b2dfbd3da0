"""physics, a simple pendulum: a pivot bar, the string, the bob at its angle from the dashed vertical (marked with
an arc), the bob's dotted path, the weight and the tension as arrows from the bob and the weight's two parts
(dashed: along the string and along the arc), a second, heavier bob on an identical string, and the swing —
θ(t) = A cos(2π t / T), its period T = 2π√(L/g) computed and shown by a running timer.

The string is drawn at a fixed length on screen whatever its length in metres: the length sets the period,
which the timer shows in real seconds while the swing plays slowed down to a readable pace.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, Arc, Arrow, Circle, DashedVMobject, Line, UpdateFromAlphaFunc, VGroup,
                   linear)

from ...components.physics import fmt, pendulum_period
from ..style import symbol, text
from .plot import dim_text

STRING = 3.2     # the string's length on screen
BOB = 0.26
WEIGHT = "#FFD54F"
TENSION = "#66BB6A"
PART = "#FF8A65"
BOB_COLOUR = "#58C4DD"
SECOND = "#F85149"
LABEL = 22


def _at(pivot: np.ndarray, deg: float) -> np.ndarray:
    a = math.radians(deg)
    return pivot + STRING * np.array([math.sin(a), -math.cos(a), 0.0])


def _arrow(a, b, colour, dashed: bool = False):
    arr = Arrow(a, b, buff=0, color=colour, stroke_width=5, max_tip_length_to_length_ratio=0.18, tip_length=0.2)
    return DashedVMobject(arr, num_dashes=10) if dashed else arr


def build_pendulum(theme: dict, p: dict):
    """The pendulum picture (a VGroup) with `.parts` (label -> mobject) and `.swing(scene, seconds)`."""
    deg = float(p.get("angle", 15))
    pivot = np.array([0.0, STRING / 2 + 0.3, 0.0])
    grey = dim_text(theme)
    parts: dict = {}
    bar = VGroup(Line(pivot + LEFT * 0.7, pivot + RIGHT * 0.7, color=grey, stroke_width=6),
                 *[Line(pivot + RIGHT * x, pivot + RIGHT * (x + 0.15) + UP * 0.15, color=grey, stroke_width=2)
                   for x in np.linspace(-0.65, 0.45, 6)])
    bob_at = _at(pivot, deg)
    string = Line(pivot, bob_at, color=theme["text"], stroke_width=2.5)
    bob = Circle(radius=BOB, color=BOB_COLOUR, stroke_width=3).set_fill(BOB_COLOUR, 0.9).move_to(bob_at)
    body = VGroup(string, bob)
    marks = VGroup()
    if p.get("angle_label") or p.get("arc"):
        marks.add(DashedVMobject(Line(pivot, pivot + DOWN * (STRING + 0.3), color=grey, stroke_width=2), num_dashes=16))
    if p.get("arc"):
        a = math.radians(abs(deg) if deg else 20)
        marks.add(DashedVMobject(Arc(radius=STRING, start_angle=-math.pi / 2 - a, angle=2 * a, arc_center=pivot,
                                     color=grey, stroke_width=2), num_dashes=24))
    if p.get("angle_label") and abs(deg) > 0.5:
        a = math.radians(deg)
        arc = Arc(radius=0.8, start_angle=-math.pi / 2, angle=a, arc_center=pivot, color=theme["text"], stroke_width=2)
        t = symbol(p["angle_label"], theme, LABEL)
        mid = -math.pi / 2 + a / 2
        t.move_to(pivot + 1.12 * np.array([math.cos(mid), math.sin(mid), 0.0]))
        marks.add(arc, t)
        parts[p["angle_label"]] = t
    labels = VGroup()
    if p.get("string_label"):
        t = text(p["string_label"], theme, size=LABEL, color=theme["text"], math=True)
        side = RIGHT if deg >= 0 else LEFT  # outside the angle, away from the dashed vertical
        t.next_to(pivot + (bob_at - pivot) * 0.35, side, buff=0.25)
        labels.add(t)
        parts[p["string_label"]] = t
    bob_text = None
    if p.get("bob_label"):
        t = text(p["bob_label"], theme, size=LABEL, color=theme["background"], math=True)
        if t.width > BOB * 1.6:
            t.set_color(theme["text"]).next_to(bob, RIGHT, buff=0.12)
        else:
            t.move_to(bob_at)
        labels.add(t)
        parts[p["bob_label"]] = t
        bob_text = t
    forces = VGroup()
    a = math.radians(deg)
    along = np.array([math.sin(a), -math.cos(a), 0.0])   # from the pivot out through the bob
    back = np.array([-math.cos(a), -math.sin(a), 0.0])   # along the arc, toward the lowest point (for deg > 0)
    if deg < 0:
        back = -back
    w = 1.4
    inward = LEFT if deg >= 0 else RIGHT  # toward the vertical
    comps = list(p.get("components") or [])
    for label, end, colour, dashed, place in (
            (p.get("weight"), bob_at + DOWN * w, WEIGHT, False, inward),
            (p.get("tension"), bob_at - along * 1.1, TENSION, False, inward),
            (comps[0] if comps else None, bob_at + along * w * math.cos(a), PART, True, -inward),
            (comps[1] if len(comps) > 1 else None, bob_at + back * max(0.5, w * abs(math.sin(a))), PART, True,
             inward + DOWN * 0.6)):
        if not label:
            continue
        arr = _arrow(bob_at, end, colour, dashed)
        t = text(label, theme, size=LABEL - 2, color=colour, math=True)
        t.next_to(end, place, buff=0.12)
        forces.add(VGroup(arr, t))
        parts[label] = t
    g = VGroup(bar, marks, body, labels, forces)
    twin = bar2 = None
    if p.get("second"):
        pivot2 = pivot + RIGHT * 3.0
        bar2 = bar[0].copy().shift(RIGHT * 3.0)
        at2 = _at(pivot2, deg)
        s2 = Line(pivot2, at2, color=theme["text"], stroke_width=2.5)
        b2 = Circle(radius=BOB * 1.35, color=SECOND, stroke_width=3).set_fill(SECOND, 0.9).move_to(at2)
        t2 = text(p["second"], theme, size=LABEL, color=theme["text"], math=True).next_to(b2, RIGHT, buff=0.12)
        twin = VGroup(s2, b2, t2)
        g.add(VGroup(bar2, twin))
        parts[p["second"]] = t2
    timer = None
    length, grav = float(p.get("length", 1.0)), float(p.get("g", 9.8))
    period = pendulum_period(length, grav)
    if p.get("timer"):
        timer = text("t = 0.00 s", theme, size=LABEL + 2, color=WEIGHT)
        timer.move_to(pivot + UP * 0.75 + RIGHT * 1.5)
        g.add(timer)
    g.parts, g.pivot, g.pendulum, g.theme = parts, pivot, p, theme
    g.bar, g.bar2, g.bob_text = bar[0], bar2, bob_text
    g.body, g.labels_g, g.forces, g.marks_g, g.twin, g.timer = body, labels, forces, marks, twin, timer
    g.period = period
    return g


def swing(scene, g, seconds: float) -> None:
    """The bob swings its `swings` (at least one) full swings from its angle: θ(t) = A cos(2π t / T), slowed so one
    swing takes at least 1.6 s on screen; the forces and angle marks, true only where it was drawn, fade first; the
    timer runs in real seconds and ends on the period."""
    from manim import FadeOut

    p = g.pendulum
    amp = float(p.get("angle", 15)) or 15.0
    n = max(1.0, float(p.get("swings") or 1))
    fade = [m for m in (g.forces, g.marks_g) if len(m)]
    if fade:
        scene.play(*[FadeOut(m) for m in fade], run_time=0.4)
    string, bob = g.body
    # where the picture is now (the scene's layout moved and scaled it since it was built)
    pivot = g.bar.get_center()
    length = float(np.linalg.norm(bob.get_center() - pivot))
    on_bob = [g.bob_text] if g.bob_text is not None else []
    pivot2 = g.bar2.get_center() if g.bar2 is not None else None
    length2 = float(np.linalg.norm(g.twin[1].get_center() - pivot2)) if g.twin is not None else 0.0

    def hang(at_pivot: np.ndarray, size: float, deg: float) -> np.ndarray:
        a = math.radians(deg)
        return at_pivot + size * np.array([math.sin(a), -math.cos(a), 0.0])

    def place(deg: float) -> None:
        at = hang(pivot, length, deg)
        string.put_start_and_end_on(pivot, at)
        shift = at - bob.get_center()
        bob.shift(shift)
        for t in on_bob:
            t.shift(shift)
        if g.twin is not None:
            s2, b2, t2 = g.twin
            at2 = hang(pivot2, length2, deg)
            s2.put_start_and_end_on(pivot2, at2)
            d = at2 - b2.get_center()
            b2.shift(d)
            t2.shift(d)

    moving = VGroup(g.body, *on_bob, *([g.twin] if g.twin is not None else []))

    def update(m, a: float) -> None:
        place(amp * math.cos(2 * math.pi * n * a))
        if g.timer is not None:
            new = text(f"t = {g.period * n * a:.2f} s", g.theme, size=LABEL + 2, color=WEIGHT)
            new.move_to(g.timer.get_center())
            g.timer.become(new)
            g.timer.text = new.text

    targets = VGroup(moving, *([g.timer] if g.timer is not None else []))
    scene.play(UpdateFromAlphaFunc(targets, update), run_time=max(1.6 * n, seconds), rate_func=linear)
    if g.timer is not None:
        done = text(f"T = {fmt(g.period, 's')}", g.theme, size=LABEL + 2, color=WEIGHT)
        done.move_to(g.timer.get_center())
        g.timer.become(done)
        g.timer.text = done.text  # what the inspector reads
