"""physics, a thin lens: the optical axis, the lens (a tall thin ellipse; a diverging lens drawn with inward
ends), its focal points F and F′, an object arrow, the principal rays from its tip, a beam of parallel rays
bent through F′, and the image (computed from 1/f = 1/d_o + 1/d_i; a virtual one dashed, with the rays'
dashed extensions meeting at it), with d_o and d_i written under the axis.

Lengths map to the picture by two scales, one along the axis and one across it: a ray diagram keeps its
straight lines and where they cross, while a small object stays readable beside a long axis.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, UP, Arrow, DashedVMobject, Dot, Ellipse, Line, Polygon, VGroup

from ...components.physics import fmt, lens_image
from ..style import text
from .plot import dim_text

LENS = "#58C4DD"
OBJECT = "#83C167"
IMAGE = "#FF9F43"
RAYS = {"parallel": "#FFFF00", "center": "#FC6255", "focal": "#C77DFF"}
BEAM = "#FFE066"
WIDTH, HALF_H = 11.0, 1.9  # the picture's extent along the axis and above it, in scene units
LABEL = 22


class _Frame:
    """World (the storyboard's unit, y up) to the picture: x and y scaled apart, the lens at x = 0."""

    def __init__(self, x0: float, x1: float, hmax: float):
        self.x0, self.x1 = x0, x1
        self.sx = WIDTH / (x1 - x0)
        self.sy = HALF_H / hmax
        self.ymax = hmax * 1.15  # how far up or down a ray runs on

    def p(self, x: float, y: float) -> np.ndarray:
        return np.array([(x - (self.x0 + self.x1) / 2) * self.sx, y * self.sy, 0.0])


def _extent(f: float, do: float | None, h: float, found) -> tuple[float, float, float]:
    """The axis from x0 to x1 and the largest height, so the object, both focal points and the image fit."""
    x0 = -max(do or 0.0, 2 * abs(f)) * 1.2
    x1 = max(2 * abs(f), abs(x0) * 0.5) * 1.2
    hmax = h
    if found is not None and do is not None:
        di, m = found
        if abs(di) <= 4 * max(do, abs(f)):  # an image very far away stays off the picture
            x1 = max(x1, di * 1.15)
            x0 = min(x0, di * 1.15)
            hmax = max(hmax, abs(m) * h)
    return x0, x1, max(hmax * 1.25, 1e-9)


def _line(a, b, colour, dashed: bool = False, width: float = 3.0):
    ln = Line(a, b, color=colour, stroke_width=width)
    return DashedVMobject(ln, num_dashes=max(6, int(np.linalg.norm(b - a) * 4))) if dashed else ln


def _ray(fr: _Frame, points: list[tuple[float, float]], colour, virtual: list[tuple[float, float]] = ()):
    """A ray through world points, its last part run on to the picture's edge; `virtual`: dashed back-extension."""
    pts = [fr.p(*q) for q in points]
    a, b = np.array(points[-2], dtype=float), np.array(points[-1], dtype=float)
    d = b - a
    if abs(d[0]) > 1e-12:
        t = (fr.x1 - a[0]) / d[0]
        if abs(d[1]) > 1e-12:  # nor out of the picture's height
            t = min(t, max((fr.ymax * np.sign(d[1]) - a[1]) / d[1], 1.0))
        if t > 1:
            pts[-1] = fr.p(*(a + d * t))
    piece = VGroup(*[_line(p, q, colour) for p, q in zip(pts, pts[1:])])
    if virtual:
        piece.add(_line(fr.p(*virtual[0]), fr.p(*virtual[1]), colour, dashed=True, width=2.0))
    return piece


def build_lens(theme: dict, ln: dict) -> "VGroup":
    """The lens picture (a VGroup) with `.parts` (label -> mobject) and `.pieces` (in the order they appear)."""
    f = float(ln["focal"])
    do = ln.get("object_distance")
    do = float(do) if do is not None else None
    h = float(ln.get("object_height", 1.0))
    unit = ln.get("unit", "cm")
    found = lens_image(f, do) if do is not None else None
    x0, x1, hmax = _extent(f, do, h, found)
    fr = _Frame(x0, x1, hmax)
    grey = dim_text(theme)
    parts: dict = {}
    pieces: list = []
    axis = Line(fr.p(x0, 0), fr.p(x1, 0), color=grey, stroke_width=2)
    lens_h = HALF_H * 2.1
    body = Ellipse(width=0.32, height=lens_h, color=LENS, stroke_width=3).set_fill(LENS, 0.25).move_to(fr.p(0, 0))
    if f < 0:  # diverging: the ends flare out
        top, bot = body.get_top(), body.get_bottom()
        body = VGroup(Line(top, bot, color=LENS, stroke_width=4),
                      Polygon(top + [-0.18, 0.18, 0], top, top + [0.18, 0.18, 0], color=LENS, stroke_width=3),
                      Polygon(bot + [-0.18, -0.18, 0], bot, bot + [0.18, -0.18, 0], color=LENS, stroke_width=3))
    lens = VGroup(body)
    if ln.get("label"):
        t = text(ln["label"], theme, size=LABEL, color=LENS)
        t.next_to(body, UP, buff=0.1)
        lens.add(t)
        parts[ln["label"]] = t
    focal = VGroup()
    for x, name in ((-f, "F"), (f, "F′")) + (((-2 * f, "2F"), (2 * f, "2F′")) if ln.get("twice") else ()):
        dot = Dot(fr.p(x, 0), radius=0.06, color=theme["text"])
        t = text(name, theme, size=LABEL, color=theme["text"])
        t.next_to(dot, DOWN, buff=0.12)
        focal.add(dot, t)
        parts[name] = t
    pieces += [axis, lens, focal]
    marks = VGroup()
    if do is not None:
        obj = Arrow(fr.p(-do, 0), fr.p(-do, h), buff=0, color=OBJECT, stroke_width=6,
                    max_tip_length_to_length_ratio=0.2)
        lab = text(ln.get("object_label") or "object", theme, size=LABEL, color=OBJECT, math=True)
        lab.next_to(obj, UP, buff=0.1)
        pieces.append(VGroup(obj, lab))
        parts[ln.get("object_label") or "object"] = lab
        if ln.get("marks", True):
            t = text(f"d_o = {fmt(do, unit)}", theme, size=LABEL - 2, color=theme["text"], math=True)
            t.move_to((fr.p(-do, 0) + fr.p(0, 0)) / 2 + DOWN * (0.72 + t.height / 2))
            marks.add(_line(fr.p(-do, 0) + DOWN * 0.6, fr.p(0, 0) + DOWN * 0.6, grey, width=1.5), t)
            parts[f"d_o = {fmt(do, unit)}"] = t
    # the beam: parallel rays from the left, bent through F′ (a diverging lens: spread as if from F′ on the left)
    n = int(ln.get("beam", 0))
    if n:
        beam = VGroup()
        for k in range(n):
            y = hmax * 0.8 * (2 * k / (n - 1) - 1) if n > 1 else hmax * 0.4
            beam.add(_ray(fr, [(x0, y), (0, y), (f, 0)] if f > 0 else [(x0, y), (0, y), (-f, 2 * y)],
                          BEAM, virtual=[(0, y), (f, 0)] if f < 0 else ()))
        pieces.append(beam)
    if do is not None:
        tip = (-do, h)
        rays = VGroup()
        # a virtual image: each ray, bent, seems to come from the image's tip (its dashed back-extension)
        image_tip = (found[0], found[1] * h) if found and found[0] < 0 else None
        for kind in ln.get("rays") or []:
            colour = RAYS[kind]
            if kind == "parallel":  # then through F′ (a diverging lens: away from F′, on the object's side)
                at, path = (0, h), [tip, (0, h), (f, 0)] if f > 0 else [tip, (0, h), (-f, 2 * h)]
            elif kind == "center":  # straight on
                at, path = tip, [tip, (0, 0)]
            else:  # toward F (a diverging lens: toward F on the far side), then parallel
                y3 = -h * f / (do - f) if abs(do - f) > 1e-9 else 0.0
                at, path = (0, y3), [tip, (0, y3), (x1, y3)]
            rays.add(_ray(fr, path, colour, virtual=[at, image_tip] if image_tip else ()))
        if len(rays):
            pieces.append(rays)
        if ln.get("image"):
            if found is None:
                t = text("no image: the rays leave parallel", theme, size=LABEL, color=IMAGE)
                t.move_to(fr.p((0 + x1) / 2, hmax * 0.8))
                pieces.append(t)
                parts["no image: the rays leave parallel"] = t
            else:
                di, m = found
                a, b = fr.p(di, 0), fr.p(di, m * h)
                img = Arrow(a, b, buff=0, color=IMAGE, stroke_width=6, max_tip_length_to_length_ratio=0.2)
                if di < 0:
                    img = DashedVMobject(img, num_dashes=10)
                lab = text(ln.get("image_label") or "image", theme, size=LABEL, color=IMAGE, math=True)
                lab.next_to(img, DOWN if m < 0 else UP, buff=0.1)
                pieces.append(VGroup(img, lab))
                parts[ln.get("image_label") or "image"] = lab
                if ln.get("marks", True):
                    t = text(f"d_i = {fmt(di, unit)}", theme, size=LABEL - 2, color=theme["text"], math=True)
                    low = 1.2 if di < 0 else 0.6  # a virtual image's mark under the object's
                    t.move_to((fr.p(di, 0) + fr.p(0, 0)) / 2 + DOWN * (low + 0.12 + t.height / 2))
                    marks.add(_line(fr.p(0, 0) + DOWN * low, fr.p(di, 0) + DOWN * low, grey, width=1.5), t)
                    parts[f"d_i = {fmt(di, unit)}"] = t
    if len(marks):
        pieces.append(marks)
    g = VGroup(*pieces)
    g.parts, g.pieces = parts, pieces
    return g
