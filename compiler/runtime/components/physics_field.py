"""physics, point charges: a charge drawn as a disc with its sign (+ red, − blue), and the electric field lines of a
set of charges, traced through the field E = Σ qᵢ (r − rᵢ) / |r − rᵢ|³ — out of the positive charges, into the
negative ones, each with an arrowhead along its way.

The lines are computed in the picture's own units (metres, as the bodies are placed) with a fixed step, so the
same charges always give the same picture; a line stops at another charge, at the edge of the view, or after a
fixed length.
"""

from __future__ import annotations

import math

import numpy as np
from manim import Circle, Polygon, VGroup, VMobject

from ..style import text

POSITIVE = "#FC6255"
NEGATIVE = "#58C4DD"
LINE = "#FFD54F"


def charge_disc(q: float, theme: dict, radius: float = 0.3) -> VGroup:
    """A charge: a disc in the colour of its sign, the sign on it."""
    col = POSITIVE if q >= 0 else NEGATIVE
    disc = Circle(radius=radius, color=col, stroke_width=3).set_fill(col, 0.85)
    sign = text("+" if q >= 0 else "−", theme, size=30, color=theme["background"], weight="BOLD")
    sign.move_to(disc.get_center())
    return VGroup(disc, sign)


def _field(p: np.ndarray, charges: list[tuple[np.ndarray, float]]) -> np.ndarray:
    e = np.zeros(2)
    for c, q in charges:
        d = p - c
        r = float(np.hypot(*d))
        if r > 1e-9:
            e += q * d / r ** 3
    return e


def field_lines(charges: list[tuple[tuple[float, float], float]], bounds: tuple[float, float, float, float],
                start_radius: float, to_screen, per_charge: int = 12) -> VGroup:
    """The field lines (screen mobjects) of `charges` [((x, y), q)] within `bounds` (x0, x1, y0, y1), world units;
    `to_screen(x, y)` maps a world point to the scene."""
    cs = [(np.array(c, dtype=float), float(q)) for c, q in charges if q]
    out = VGroup()
    if not cs:
        return out
    sources = [(c, q) for c, q in cs if q > 0] or [(c, q) for c, q in cs]
    sign = 1.0 if any(q > 0 for _, q in cs) else -1.0  # no positive charge: trace back from the negative ones
    biggest = max(abs(q) for _, q in cs)
    x0, x1, y0, y1 = bounds
    step = start_radius * 0.25
    for c, q in sources:
        n = max(6, round(per_charge * abs(q) / biggest))
        for k in range(n):
            a = 2 * math.pi * (k + 0.5) / n
            p = c + start_radius * np.array([math.cos(a), math.sin(a)])
            pts = [p.copy()]
            for _ in range(800):  # a line ends within a fixed number of steps
                e = _field(p, cs) * sign
                norm = float(np.hypot(*e))
                if norm < 1e-12:
                    break
                p = p + step * e / norm
                pts.append(p.copy())
                if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
                    break
                if any(float(np.hypot(*(p - o))) < start_radius * 0.9 for o, _ in cs):
                    break
            if len(pts) < 4:
                continue
            screen = [to_screen(float(x), float(y)) for x, y in pts]
            line = VMobject(color=LINE, stroke_width=2, stroke_opacity=0.8).set_points_smoothly(screen[::3] + [screen[-1]])
            mid = len(screen) // 3
            d = np.array(screen[min(mid + 1, len(screen) - 1)]) - np.array(screen[mid])
            d = d / (np.linalg.norm(d) or 1.0)
            if sign < 0:
                d = -d
            nrm = np.array([-d[1], d[0], 0.0])
            tip = np.array(screen[mid])
            head = Polygon(tip + d * 0.1, tip - d * 0.06 + nrm * 0.07, tip - d * 0.06 - nrm * 0.07, color=LINE,
                           stroke_width=0).set_fill(LINE, 0.9)
            out.add(VGroup(line, head))
    return out
