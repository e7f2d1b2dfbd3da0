"""geometry: a figure in its own coordinates (any units), scaled to fit — Manim `Polygon`, `Line`, `Dot`,
`Circle`, `Arc`, `Sector`, `Angle`, `RightAngle`, `Square` — with Text labels placed where they touch no other
label: vertex names outward from the figure, side labels outside their side (inside when a square is built on
it), angle labels on the bisector, square labels inside.

Every drawn element is a part with names (`A`, `AB`, `c`, `hypotenuse`, `θ`, `c²`, `triangle`…) that steps,
`highlight` and `annotation` find. Elements declared `hidden` are built with the figure (so nothing moves
when they appear) and kept aside until a `show` step; `extend` adds a later beat's elements to the figure on
screen in its coordinates (two invisible anchors record where the figure's origin and unit are now).
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Angle, Arc, Circle, Create, DashedLine, Dot, FadeIn,
                   FadeOut, Indicate, Line, ManimColor, Polygon, RightAngle, Sector, Square, Transform,
                   UpdateFromAlphaFunc, VGroup)

from ...components.geometry import number, side_names, square_labels, triangle_vertices
from ..style import BODY_BOTTOM, BODY_W, SAFE_X, text
from .graph import _box, _hits, _place_free
from .plot import dim_text, paint

FIG_W, FIG_H = 9.0, 4.3   # the shapes' extent in scene units; labels go around them
LABEL = 28
SMALL = 24
HIGHLIGHT = "#FFD54F"
POINT = "#FFD54F"
COS = "#4FC3F7"
SIN = "#FF7043"
SQUARE_FILL = 0.35


def _p3(p) -> np.ndarray:
    return np.array([float(p[0]), float(p[1]), 0.0])


def _unit_dir(v) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 1e-9 else np.array([0.0, 1.0, 0.0])


class _Fig:
    """The figure being built: model coordinates -> scene, named points, parts, label boxes."""

    def __init__(self, theme: dict, origin: np.ndarray, unit: float, k: float, pts: dict):
        self.theme, self.origin, self.unit, self.k = theme, origin, unit, k  # k: text scale (1 at build)
        self.pts = pts                 # name -> model [x, y]
        self.parts: list[tuple[list[str], object]] = []
        self.taken: list = []
        self.items: list = []          # (mob, hidden)
        self.side_colour: dict = {}    # frozenset of a side's two names -> its colour

    def S(self, p) -> np.ndarray:
        return self.origin + _p3(p) * self.unit

    def ref(self, r) -> np.ndarray:
        return np.array(self.pts[r], dtype=float) if isinstance(r, str) else np.array(r, dtype=float)

    def text(self, s: str, size: float = LABEL, color=None):
        return text(s, self.theme, size=size, color=color or self.theme["text"]).scale(self.k)

    def name(self, keys, mob) -> None:
        self.parts.append(([k for k in keys if k], mob))

    def add(self, mob, hidden: bool) -> None:
        self.items.append((mob, hidden))


# ----------------------------------------------------------------------------- model coordinates
def _elements_extent(spec: dict, pts: dict) -> list:
    """Every model point the figure's shapes reach (for the scale)."""
    ref = (lambda r: pts[r] if isinstance(r, str) else r)
    out = [tuple(p) for p in pts.values()]
    for s in spec.get("segments") or []:
        out += [ref(s.get("from", s.get("from_"))), ref(s["to"])]
    for p in spec.get("polygons") or []:
        out += [ref(v) for v in p["vertices"]]
    for c in spec.get("circles") or []:
        x, y = ref(c["center"])
        r = c["radius"]
        out += [(x - r, y - r), (x + r, y + r)]
    for a in spec.get("arcs") or []:
        x, y = ref(a["center"])
        r = a["radius"]
        out.append((x, y))
        for k in range(9):
            t = math.radians(a.get("start", 0) + (a["end"] - a.get("start", 0)) * k / 8)
            out.append((x + r * math.cos(t), y + r * math.sin(t)))
    for p, q, _ in _square_specs(spec, pts):
        out += _square_corners(p, q, _outward_from(spec, pts, p, q))
    if spec.get("unit_circle"):
        out += [(-1.25, -1.25), (1.25, 1.25)]
    return [(float(x), float(y)) for x, y in out]


def _square_specs(spec: dict, pts: dict) -> list:
    """(p, q, square dict) for the triangle's squares and the explicit ones."""
    out = []
    t = spec.get("triangle")
    if t and t.get("squares"):
        names = _tri_names(t)
        for k, (i, j) in enumerate(((1, 2), (2, 0), (0, 1))):
            out.append((pts[names[i]], pts[names[j]], {"tri_side": k}))
    for s in spec.get("squares") or []:
        a, b = s["side"]
        if a in pts and b in pts:
            out.append((pts[a], pts[b], s))
    return out


def _tri_names(t: dict) -> list[str]:
    """The triangle's vertex names (hidden names get internal ones, so every corner is a point)."""
    return [n if n else f"\u2063{k}" for k, n in enumerate(t.get("names") or ["A", "B", "C"])]


def _outward_from(spec: dict, pts: dict, p, q):
    """The centre a square on side pq is built away from: the polygon (or triangle) that has the side, else the
    figure's points."""
    p, q = tuple(p), tuple(q)
    polys = []
    t = spec.get("triangle")
    if t:
        polys.append([tuple(pts[n]) for n in _tri_names(t)])
    for poly in spec.get("polygons") or []:
        polys.append([tuple(pts[v]) if isinstance(v, str) else tuple(v) for v in poly["vertices"]])
    polys += spec.get("_polys") or []
    for poly in polys:
        n = len(poly)
        if any({poly[i], poly[(i + 1) % n]} == {p, q} for i in range(n)):
            return tuple(np.mean(np.array(poly, dtype=float), axis=0))
    allp = np.array(list(pts.values()) or [(0.0, 0.0)], dtype=float)
    return tuple(np.mean(allp, axis=0))


def _square_corners(p, q, centre) -> list:
    p, q, c = np.array(p, dtype=float), np.array(q, dtype=float), np.array(centre, dtype=float)
    d = q - p
    n = np.array([-d[1], d[0]])
    if np.dot(n, (p + q) / 2 - c) < 0:
        n = -n
    return [tuple(p), tuple(q), tuple(q + n), tuple(p + n)]


def model_points(spec: dict) -> dict:
    pts: dict[str, tuple[float, float]] = {}
    t = spec.get("triangle")
    if t:
        for n, v in zip(_tri_names(t), triangle_vertices(t)):
            pts[n] = v
    u = spec.get("unit_circle")
    if u:
        th = math.radians(u.get("angle", 30))
        pts["O"] = (0.0, 0.0)
        pts[u.get("point", "P")] = (math.cos(th), math.sin(th))
    for p in spec.get("points") or []:
        pts[p["name"]] = (float(p["at"][0]), float(p["at"][1]))
    return pts


def scale_for(extent: list) -> tuple[np.ndarray, float]:
    """(centre, unit): model -> scene is (p - centre) * unit, the shapes within FIG_W x FIG_H."""
    xs = [p[0] for p in extent] or [0.0]
    ys = [p[1] for p in extent] or [0.0]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    size = max(w, h, 1e-9)
    unit = min(FIG_W / max(w, size * 0.05), FIG_H / max(h, size * 0.05))
    if w < 1e-9 and h < 1e-9:
        unit = 1.0
    return np.array([(max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2]), unit


# ----------------------------------------------------------------------------- drawing
def _label_outside(f: _Fig, t, a: np.ndarray, b: np.ndarray, away: np.ndarray, gap: float = 0.16) -> None:
    """Put label `t` beside the middle of segment ab, on the side away from `away` (scene points)."""
    mid = (a + b) / 2
    d = _unit_dir(b - a)
    n = np.array([-d[1], d[0], 0.0])
    if np.dot(n, mid - away) < 0:
        n = -n
    for side in (n, -n):
        for along in (0.5, 0.35, 0.65, 0.25, 0.75):
            at = a + (b - a) * along
            t.move_to(at + side * (gap * f.k + 0.5 * abs(side[0]) * t.width + 0.5 * abs(side[1]) * t.height))
            if not any(_hits(_box(t), x) for x in f.taken):
                f.taken.append(_box(t))
                return
    t.move_to(mid + n * (gap * f.k + 0.5 * abs(n[0]) * t.width + 0.5 * abs(n[1]) * t.height))
    f.taken.append(_box(t))


def _dirs_from(p: np.ndarray, centre: np.ndarray) -> list:
    cands = [UP, RIGHT, DOWN, LEFT, UP + RIGHT, UP + LEFT, DOWN + RIGHT, DOWN + LEFT]
    d = p - centre
    if np.linalg.norm(d) < 1e-6:
        return cands
    return sorted(cands, key=lambda c: -float(np.dot(c / np.linalg.norm(c), d / np.linalg.norm(d))))


def _colour(f: _Fig, value, default):
    return paint(value, default) if value else ManimColor(default)


def _draw_squares(f: _Fig, spec: dict, scene_centre) -> None:
    t = spec.get("triangle") or {}
    labels = square_labels(t) if t.get("squares") else []
    tri_cols = _side_colours(f, t) if t else []
    pieces = []
    for p, q, s in _square_specs(spec, f.pts):
        corners = _square_corners(p, q, _outward_from(spec, f.pts, p, q))
        length = math.dist(p, q)
        k = s.get("tri_side")
        own = f.side_colour.get(frozenset(s.get("side") or ()))  # a square on a coloured side takes its colour
        col = tri_cols[k] if k is not None else _colour(f, s.get("color"), own or f.theme["palette"][2 % len(f.theme["palette"])])
        side = length * f.unit
        sq = Square(side_length=side, color=col, stroke_width=3)
        sq.rotate(math.atan2(q[1] - p[1], q[0] - p[0]))
        sq.move_to(f.S(np.mean(np.array(corners), axis=0)))
        sq.set_fill(col, opacity=SQUARE_FILL)
        piece = VGroup(sq)
        piece.shape = sq
        cells = (k is not None and t.get("squares") == "cells") or s.get("cells")
        n = round(length)
        if cells and abs(length - n) < 1e-6 and 2 <= n <= 12:
            c0, c1, _, c3 = (f.S(c) for c in corners)
            grid = VGroup()
            for i in range(1, n):
                grid.add(Line(c0 + (c1 - c0) * i / n, c3 + (c1 - c0) * i / n, stroke_width=1.2, color=col,
                              stroke_opacity=0.6))
                grid.add(Line(c0 + (c3 - c0) * i / n, c1 + (c3 - c0) * i / n, stroke_width=1.2, color=col,
                              stroke_opacity=0.6))
            piece.add(grid)
        label = labels[k] if k is not None else s.get("label")
        keys = []
        if label:
            lab = f.text(label, LABEL, f.theme["text"])
            if lab.width > side * 0.8:
                lab.scale_to_fit_width(side * 0.8)
            lab.move_to(sq.get_center())
            lab.set_z_index(2)
            f.taken.append(_box(lab))
            piece.add(lab)
            keys.append(label)
        if k is not None:
            keys.append(f"square on {side_names(t)[k]}")
        f.name(keys, piece)
        f.add(piece, bool(s.get("hidden")))
        pieces.append(piece)
    if pieces:
        f.name(["squares"], VGroup(*pieces))


def _side_colours(f: _Fig, t: dict) -> list:
    outline = _colour(f, t.get("color"), f.theme["text"])
    given = t.get("side_colors") or [None, None, None]
    palette = list(f.theme.get("palette") or ["#4FC3F7", "#66BB6A", "#FFD54F"])
    coloured = bool(t.get("side_labels") or t.get("squares") or t.get("side_colors"))
    return [paint(c, palette[k % len(palette)]) if c else (ManimColor(palette[k % len(palette)]) if coloured
                                                           else outline) for k, c in enumerate(given)]


def _draw_triangle(f: _Fig, t: dict, centre_scene) -> None:
    names = _tri_names(t)
    A, B, C = (f.S(f.pts[n]) for n in names)
    cols = _side_colours(f, t)
    if t.get("side_labels") or t.get("side_colors"):
        for k, (i, j) in enumerate(((1, 2), (2, 0), (0, 1))):
            f.side_colour[frozenset((names[i], names[j]))] = cols[k]
    fill_col = _colour(f, t.get("color"), f.theme["accent"])
    body = Polygon(A, B, C, stroke_width=0).set_fill(fill_col, opacity=0.25 if t.get("fill") else 0.0)
    sides = [Line(B, C, color=cols[0], stroke_width=4), Line(C, A, color=cols[1], stroke_width=4),
             Line(A, B, color=cols[2], stroke_width=4)]
    tri = VGroup(body, *sides)
    tri.shape = body
    f.name(["triangle"], tri)
    f.add(tri, False)
    g = np.mean([A, B, C], axis=0)
    snames = side_names(t)
    shown = t.get("side_labels") or [None, None, None]
    ends = ((1, 2), (2, 0), (0, 1))
    verts = (A, B, C)
    right = _right_vertex(f, names)
    for k, line in enumerate(sides):
        i, j = ends[k]
        keys = [names[i] + names[j]] if t.get("names") is None or all(t["names"]) else []
        keys.append(snames[k])
        if right is not None and k == right:
            keys.insert(0, "hypotenuse")
        piece = VGroup(line)
        piece.shape = line
        if shown[k]:
            lab = f.text(shown[k], LABEL + 2, cols[k])
            # beside the side, away from the triangle (into it when a square is built on the side)
            away = g if not t.get("squares") else 2 * (verts[i] + verts[j]) / 2 - g
            _label_outside(f, lab, verts[i], verts[j], away)
            piece.add(lab)
            f.add(lab, False)
        f.name(keys, piece)
    if right is not None:
        f.name(["legs"], VGroup(*[s for k, s in enumerate(sides) if k != right]))
        if t.get("right_angle", True):
            v = names[right]  # the vertex opposite the hypotenuse
            others = [n for n in names if n != v]
            _draw_angle(f, {"at": v, "from": others[0], "to": others[1], "right": True,
                            "color": t.get("color")}, ["right angle"])
    for n, p in zip(names, (A, B, C)):
        if not n or n.startswith("\u2063"):
            continue
        lab = f.text(n, LABEL + 2, f.theme["text"])
        _place_free(lab, p, _dirs_from(p, g), f.taken, 0.14 * f.k)
        f.name([n, f"point {n}", f"vertex {n}"], lab)
        f.add(lab, False)


def _right_vertex(f: _Fig, names: list[str]):
    """The index of the vertex with a right angle (which is also the index of the hypotenuse), or None."""
    for k, n in enumerate(names):
        p = np.array(f.pts[n])
        a, b = (np.array(f.pts[m]) for m in names if m != n)
        u, v = a - p, b - p
        if abs(float(np.dot(u, v))) < 1e-3 * float(np.linalg.norm(u) * np.linalg.norm(v)):
            return k
    return None


def _draw_angle(f: _Fig, a: dict, extra_keys=()) -> None:
    V, P, Q = (f.S(f.pts[a[k]]) for k in ("at", "from", "to"))
    u, v = P - V, Q - V
    if np.linalg.norm(u) < 1e-6 or np.linalg.norm(v) < 1e-6:
        return
    cross = u[0] * v[1] - u[1] * v[0]
    deg = math.degrees(math.acos(max(-1.0, min(1.0, float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))))))
    l1, l2 = (Line(V, P), Line(V, Q)) if cross > 0 else (Line(V, Q), Line(V, P))
    short = min(np.linalg.norm(u), np.linalg.norm(v))
    right = a.get("right")
    if right is None:
        right = abs(deg - 90) < 0.5
    col = _colour(f, a.get("color"), f.theme["text"] if right else HIGHLIGHT)
    if right:
        size = min(0.32, short * 0.25)
        mark = RightAngle(l1, l2, length=size, color=col, stroke_width=3)
        r = size * 1.4
    else:
        r = min(0.55, short * 0.3) * max(1.0, min(1.8, 40 / max(deg, 1)))
        r = min(r, short * 0.6)
        mark = Angle(l1, l2, radius=r, color=col, stroke_width=3)
    piece = VGroup(mark)
    piece.shape = mark
    label = a.get("label") or (f"{deg:.0f}°" if a.get("degrees") else None)
    keys = list(extra_keys)
    if label:
        lab = f.text(label, SMALL + 2, col)
        bis = _unit_dir(_unit_dir(u) + _unit_dir(v)) if deg < 179 else _unit_dir(np.array([-u[1], u[0], 0.0]))
        lab.move_to(V + bis * (r + 0.12 * f.k + 0.5 * max(lab.width, lab.height)))
        if any(_hits(_box(lab), x) for x in f.taken):
            lab.shift(bis * 0.25 * f.k)
        f.taken.append(_box(lab))
        piece.add(lab)
        keys.insert(0, label)
    keys.append(f"angle {a['at']}")
    f.name(keys, piece)
    f.add(piece, bool(a.get("hidden")))


def _draw_points(f: _Fig, spec: dict, centre_scene) -> None:
    for p in spec.get("points") or []:
        at = f.S(f.pts[p["name"]])
        col = _colour(f, p.get("color"), POINT)
        dot = Dot(at, radius=0.08 * f.k, color=col)
        piece = VGroup(dot)
        piece.shape = dot
        lab_s = p.get("label", p["name"])
        if lab_s:
            lab = f.text(lab_s, SMALL + 2, f.theme["text"])
            _place_free(lab, at, _dirs_from(at, centre_scene), f.taken, 0.16 * f.k)
            piece.add(lab)
        f.name([lab_s, p["name"], f"point {p['name']}"], piece)
        f.add(piece, bool(p.get("hidden")))


def _draw_segments(f: _Fig, spec: dict, centre_scene) -> None:
    for s in spec.get("segments") or []:
        a0, b0 = s.get("from", s.get("from_")), s["to"]
        a, b = f.S(f.ref(a0)), f.S(f.ref(b0))
        col = _colour(f, s.get("color"), f.theme["accent"])
        line = (DashedLine(a, b, color=col, stroke_width=3, dash_length=0.12) if s.get("dashed")
                else Line(a, b, color=col, stroke_width=4))
        piece = VGroup(line)
        piece.shape = line
        keys = [s.get("label")]
        if isinstance(a0, str) and isinstance(b0, str):
            keys.append(a0 + b0)
        if s.get("label"):
            lab = f.text(s["label"], SMALL + 2, col)
            _label_outside(f, lab, a, b, centre_scene)
            piece.add(lab)
        f.name(keys, piece)
        f.add(piece, bool(s.get("hidden")))


def _draw_shapes(f: _Fig, spec: dict, centre_scene) -> None:
    palette = list(f.theme.get("palette") or ["#4FC3F7"])
    for k, p in enumerate(spec.get("polygons") or []):
        col = _colour(f, p.get("color"), palette[(k + 3) % len(palette)])
        poly = Polygon(*[f.S(f.ref(v)) for v in p["vertices"]], color=col, stroke_width=3)
        poly.set_fill(col, opacity=0.3 if p.get("fill") else 0.0)
        piece = VGroup(poly)
        piece.shape = poly
        if p.get("label"):
            lab = f.text(p["label"], SMALL + 2, f.theme["text"])
            lab.move_to(poly.get_center_of_mass())
            f.taken.append(_box(lab))
            piece.add(lab)
        f.name([p.get("label"), "polygon" if k == 0 else f"polygon {k + 1}"], piece)
        f.add(piece, bool(p.get("hidden")))
    for k, c in enumerate(spec.get("circles") or []):
        col = _colour(f, c.get("color"), f.theme["accent"])
        centre = f.S(f.ref(c["center"]))
        circ = Circle(radius=c["radius"] * f.unit, color=col, stroke_width=3).move_to(centre)
        circ.set_fill(col, opacity=0.2 if c.get("fill") else 0.0)
        piece = VGroup(circ)
        piece.shape = circ
        if c.get("label"):
            lab = f.text(c["label"], SMALL + 2, col)
            rim = centre + c["radius"] * f.unit * _unit_dir(UP + RIGHT)
            _place_free(lab, rim, [UP + RIGHT, RIGHT, UP, DOWN + RIGHT, UP + LEFT], f.taken, 0.12 * f.k)
            piece.add(lab)
        f.name([c.get("label"), "circle" if k == 0 else f"circle {k + 1}"], piece)
        f.add(piece, bool(c.get("hidden")))
    for k, a in enumerate(spec.get("arcs") or []):
        col = _colour(f, a.get("color"), palette[2 % len(palette)])
        centre = f.S(f.ref(a["center"]))
        start, sweep = math.radians(a.get("start", 0)), math.radians(a["end"] - a.get("start", 0))
        r = a["radius"] * f.unit
        if a.get("sector"):
            shape = Sector(radius=r, start_angle=start, angle=sweep, arc_center=centre, color=col,
                           fill_opacity=0.35, stroke_width=2, stroke_color=col)
        else:
            shape = Arc(radius=r, start_angle=start, angle=sweep, arc_center=centre, color=col, stroke_width=4)
        piece = VGroup(shape)
        piece.shape = shape
        if a.get("label"):
            lab = f.text(a["label"], SMALL + 2, col)
            mid = start + sweep / 2
            d = np.array([math.cos(mid), math.sin(mid), 0.0])
            lab.move_to(centre + d * (r + 0.15 * f.k + 0.5 * (abs(d[0]) * lab.width + abs(d[1]) * lab.height)))
            f.taken.append(_box(lab))
            piece.add(lab)
        f.name([a.get("label"), ("sector" if a.get("sector") else "arc") + ("" if k == 0 else f" {k + 1}")], piece)
        f.add(piece, bool(a.get("hidden")))


# ----------------------------------------------------------------------------- the unit circle
def _unit_circle(f: _Fig, u: dict):
    """Axes, the circle, and the moving part (radius, point, angle arc, projections) for angle θ."""
    axis_col = dim_text(f.theme)
    O = f.S((0, 0))
    r = f.unit
    axes = VGroup(Line(O + LEFT * 1.25 * r, O + RIGHT * 1.25 * r, color=axis_col, stroke_width=2),
                  Line(O + DOWN * 1.25 * r, O + UP * 1.25 * r, color=axis_col, stroke_width=2))
    for ax in axes:
        ax.add_tip(tip_length=0.16 * f.k, tip_width=0.14 * f.k)
    circle = Circle(radius=r, color=f.theme["accent"], stroke_width=3).move_to(O)
    one = f.text("1", SMALL, axis_col)
    one.next_to(O + RIGHT * r, DOWN + RIGHT, buff=0.06 * f.k)
    lab_s = u.get("label", "θ")
    m = VGroup()
    m.O, m.r, m.k, m.theme = O, r, f.k, f.theme
    m.point_label = f.text(u.get("point", "P"), SMALL + 2, POINT)
    m.angle_label = f.text(lab_s, SMALL + 2, HIGHLIGHT)
    m.projections = u.get("projections", True)
    m.cos_label = f.text(f"cos {lab_s}", SMALL, COS) if m.projections else None
    m.sin_label = f.text(f"sin {lab_s}", SMALL, SIN) if m.projections else None
    pieces = _unit_pieces(m, math.radians(u.get("angle", 30)))
    m.radius, m.dot, m.arc, m.cos_line, m.sin_line = pieces
    m.add(*pieces, m.point_label, m.angle_label, *[x for x in (m.cos_label, m.sin_label) if x is not None])
    _unit_labels(m, math.radians(u.get("angle", 30)))
    m.theta = math.radians(u.get("angle", 30))
    static = VGroup(axes, circle, one)
    f.name(["unit circle", "circle"], VGroup(circle))
    f.name([u.get("point", "P"), "point"], VGroup(m.dot, m.point_label))
    f.name([lab_s, "angle"], VGroup(m.arc, m.angle_label))
    f.name(["radius"], VGroup(m.radius))
    if m.projections:
        f.name([f"cos {lab_s}", "cos", "cosine"], VGroup(m.cos_line, m.cos_label))
        f.name([f"sin {lab_s}", "sin", "sine"], VGroup(m.sin_line, m.sin_label))
    f.add(static, False)
    f.add(m, False)
    return m


def _unit_pieces(m, th: float):
    O, r = m.O, m.r
    P = O + r * np.array([math.cos(th), math.sin(th), 0.0])
    foot = O + r * np.array([math.cos(th), 0.0, 0.0])
    radius = Line(O, P, color=m.theme["text"], stroke_width=3)
    dot = Dot(P, radius=0.08 * m.k, color=POINT)
    sweep = max(-2 * math.pi, min(2 * math.pi, th)) or 1e-3
    arc = Arc(radius=0.32 * r, start_angle=0, angle=sweep, arc_center=O, color=HIGHLIGHT, stroke_width=3)
    cos_line = Line(O, foot if abs(math.cos(th)) > 1e-3 else O + RIGHT * 1e-3, color=COS, stroke_width=6)
    sin_line = Line(foot, P if abs(math.sin(th)) > 1e-3 else foot + UP * 1e-3, color=SIN, stroke_width=6)
    if not m.projections:
        cos_line.set_stroke(opacity=0)
        sin_line.set_stroke(opacity=0)
    return radius, dot, arc, cos_line, sin_line


def _unit_labels(m, th: float) -> None:
    O, r = m.O, m.r
    c, s = math.cos(th), math.sin(th)
    P = O + r * np.array([c, s, 0.0])
    out = _unit_dir(np.array([c, s, 0.0]))
    m.point_label.move_to(P + out * (0.15 * m.k + 0.5 * max(m.point_label.width, m.point_label.height)))
    mid = max(-2 * math.pi, min(2 * math.pi, th)) / 2
    d = np.array([math.cos(mid), math.sin(mid), 0.0])
    m.angle_label.move_to(O + d * (0.32 * r + 0.12 * m.k + 0.5 * max(m.angle_label.width, m.angle_label.height)))
    if m.cos_label is not None:
        below = DOWN if s >= 0 else UP
        m.cos_label.move_to(O + RIGHT * r * c / 2 + below * (0.14 * m.k + m.cos_label.height / 2))
        if abs(c) * r < m.cos_label.width + 0.1:  # a short projection: its name beyond the foot
            m.cos_label.move_to(O + RIGHT * r * c + np.sign(c or 1) * RIGHT * (0.1 + m.cos_label.width / 2)
                                + below * (0.14 * m.k + m.cos_label.height / 2))
        side = RIGHT if c >= 0 else LEFT
        m.sin_label.move_to(O + RIGHT * r * c + UP * r * s / 2 + side * (0.14 * m.k + m.sin_label.width / 2))


def _unit_state(m, th: float) -> None:
    for old, new in zip((m.radius, m.dot, m.arc, m.cos_line, m.sin_line), _unit_pieces(m, th)):
        old.become(new)
    _unit_labels(m, th)
    m.theta = th


def _move_unit(scene, g, to_deg: float, rt: float) -> None:
    m = g.unit_mob
    if m is None:
        return
    # where the circle is now (the figure may have been scaled or moved since it was built)
    m.O = g.anchor[0].get_center()
    m.k = _scale(g)
    m.r = g.unit * m.k
    a, b = m.theta, math.radians(to_deg)
    scene.play(UpdateFromAlphaFunc(m, lambda mob, t: _unit_state(mob, a + (b - a) * t)), run_time=max(rt, 1.0))
    _unit_state(m, b)


# ----------------------------------------------------------------------------- build
def _draw_all(f: _Fig, spec: dict) -> None:
    extent = [f.S(p) for p in _elements_extent(spec, f.pts)] or [f.origin]
    centre = np.mean(np.array(extent), axis=0)
    _draw_squares(f, spec, centre)
    _draw_shapes(f, spec, centre)
    if spec.get("triangle"):
        _draw_triangle(f, spec["triangle"], centre)
    _draw_segments(f, spec, centre)
    for a in spec.get("angles") or []:
        _draw_angle(f, a)
    if spec.get("unit_circle"):
        f.unit_mob = _unit_circle(f, spec["unit_circle"])
    _draw_points(f, spec, centre)


def build(theme: dict, *, triangle=None, points=(), segments=(), polygons=(), circles=(), arcs=(), angles=(),
          squares=(), unit_circle=None, caption: str | None = None, steps=(), color: str | None = None):
    spec = {"triangle": triangle, "points": list(points or []), "segments": list(segments or []),
            "polygons": list(polygons or []), "circles": list(circles or []), "arcs": list(arcs or []),
            "angles": list(angles or []), "squares": list(squares or []), "unit_circle": unit_circle}
    if color and triangle and not triangle.get("color"):
        spec["triangle"] = dict(triangle, color=color)
    pts = model_points(spec)
    centre, unit = scale_for(_elements_extent(spec, pts))
    origin = -_p3(centre) * unit
    f = _Fig(theme, origin, unit, 1.0, pts)
    f.unit_mob = None
    _draw_all(f, spec)
    return _assemble(f, theme, caption, steps, unit, spec)


def _polys(spec: dict, pts: dict) -> list:
    """The figure's polygons in model coordinates (squares added later are built away from them)."""
    out = []
    if spec.get("triangle"):
        out.append([tuple(pts[n]) for n in _tri_names(spec["triangle"])])
    for poly in spec.get("polygons") or []:
        out.append([tuple(pts[v]) if isinstance(v, str) else tuple(v) for v in poly["vertices"]])
    return out


def _assemble(f: _Fig, theme: dict, caption, steps, unit: float, spec: dict):
    shown = [m for m, hidden in f.items if not hidden]
    anchors = VGroup(Dot(f.S((0, 0)), radius=0.001, fill_opacity=0, stroke_opacity=0),
                     Dot(f.S((1, 0)), radius=0.001, fill_opacity=0, stroke_opacity=0))
    g = VGroup(*shown, anchors)
    g.figure = VGroup(*shown)
    g.anchor = anchors
    g.unit, g.theme, g.pts = unit, theme, dict(f.pts)
    g.pending = [m for m, hidden in f.items if hidden]
    g.unit_mob = f.unit_mob
    g.pending_origin = f.S((0, 0)).copy()
    g.polys = _polys(spec, f.pts)
    g.side_colour = dict(f.side_colour)
    g.caption = None
    if caption:
        cap = text(caption, theme, size=24, color=theme["text"], width_chars=60)
        bottom = min([m.get_bottom()[1] for m in shown] or [0.0])
        cap.move_to([0, bottom - 0.3 - cap.height / 2, 0])
        g.add(cap)
        g.caption = cap
        f.name([caption], cap)
    g.named_parts = f.parts
    g.parts = _parts_dict(f.parts)
    g.steps = list(steps or [])
    g.sbc_kind = "geometry"
    g.grow = 1.35
    return g


def _parts_dict(named: list) -> dict:
    """Longer names first: `SbcScene.find` takes the first key that matches either way."""
    out: dict = {}
    for keys, mob in named:
        for k in keys:
            out.setdefault(k, mob)
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))


def enter(mob, run_time: float):
    shapes = [m for m in mob.figure if not _is_label(m)]
    labels = [m for m in mob.figure if _is_label(m)]
    out = [AnimationGroup(*[Create(m) for m in shapes], lag_ratio=0.15, run_time=max(0.4, run_time * 0.6))]
    if labels or mob.caption is not None:
        out.append(FadeIn(VGroup(*labels, *([mob.caption] if mob.caption is not None else [])),
                          run_time=max(0.2, run_time * 0.3)))
    return out


def _is_label(m) -> bool:
    from manim import Text

    return isinstance(m, Text)


# ----------------------------------------------------------------------------- steps
def find_figure(scene):
    return scene.on_screen("geometry")


def _scale(g) -> float:
    a, b = g.anchor
    return float(np.linalg.norm(b.get_center() - a.get_center())) / g.unit or 1.0


_WORDS = ("the ", "side ", "segment ", "line ", "point ", "vertex ", "shape ", "leg ")


def lookup(g, target: str):
    """The part of figure `g` called `target` (exact, then case-insensitive; a side also by its ends reversed;
    without a leading 'the'/'side'/'point'…), or None."""
    keys = {}
    for names, mob in g.named_parts:
        for k in names:
            keys.setdefault(k, mob)
    low = {}
    for k, v in keys.items():
        low.setdefault(k.lower(), v)
    t = target.strip()
    for _ in range(3):
        for cand in (t, t[::-1] if len(t) == 2 else None):
            if cand and cand in keys:
                return keys[cand]
        for cand in (t.lower(), t.lower()[::-1] if len(t) == 2 else None):
            if cand and cand in low:
                return low[cand]
        for w in _WORDS:
            if t.lower().startswith(w):
                t = t[len(w):].strip()
                break
        else:
            break
    return None


def _shape(m):
    return getattr(m, "shape", None) or m


def _recolour(m, col, fill: float | None = None):
    """The animation that colours part `m` (its shape; each member of a group without one)."""
    from manim import AnimationGroup, Text

    if getattr(m, "shape", None) is None and type(m) is VGroup and len(m.submobjects):
        return AnimationGroup(*[_recolour(x, col, fill) for x in m.submobjects])
    s = _shape(m)
    if fill is None and (isinstance(s, (Line, Dot, Text)) or (isinstance(s, Arc) and not isinstance(s, Sector))):
        return s.animate.set_color(col)
    anim = s.animate.set_stroke(col)
    if fill is not None:
        anim = anim.set_fill(col, opacity=fill)
    return anim


def _reveal(scene, g, mobs, rt: float) -> None:
    k = _scale(g)
    origin = g.anchor[0].get_center()
    out = []
    for m in mobs:
        if m in g.pending:
            g.pending.remove(m)
            m.scale(k, about_point=g.pending_origin).shift(origin - g.pending_origin)
            g.figure.add(m)
            g.add(m)
            out.append(m)
    if out:
        scene.play(*[Create(m) if not _is_label(m) else FadeIn(m) for m in out], run_time=rt)


def play_step(scene, g, step: dict, rt: float) -> None:
    action = step.get("action")
    targets = [lookup(g, t) for t in step.get("targets") or []]
    found = [m for m in targets if m is not None]
    col = paint(step.get("color"), HIGHLIGHT) if step.get("color") else ManimColor(HIGHLIGHT)
    live = [m for m in found if m not in g.pending]
    if action == "highlight":
        if not live:
            scene.play(Indicate(g.figure, color=col, scale_factor=1.03), run_time=rt)
            return
        scene.play(*[_recolour(m, col) for m in live], run_time=rt * 0.5)
        scene.play(*[Indicate(m, color=col, scale_factor=1.1) for m in live], run_time=rt * 0.5)
    elif action == "color" and live:
        scene.play(*[_recolour(m, col) for m in live], run_time=rt)
    elif action == "fill" and live:
        scene.play(*[_recolour(m, col, fill=0.45) for m in live], run_time=rt)
    elif action == "show":
        _reveal(scene, g, found, rt)
    elif action == "hide" and live:
        scene.play(*[FadeOut(m) for m in live], run_time=rt)
        for m in live:
            g.remove(m)
            g.figure.remove(m)
    elif action == "label" and live:
        _relabel(scene, g, live[0], str(step.get("text", "")), rt, col if step.get("color") else None)
    elif action == "move" and step.get("to") is not None:
        _move_unit(scene, g, float(step["to"]), rt)


def _relabel(scene, g, part, s: str, rt: float, col=None) -> None:
    """The text of `part` becomes `s` (in `col`, else its own colour)."""
    from manim import Text

    old = next((m for m in part.get_family() if isinstance(m, Text)), None)
    if old is None:
        return
    col = col or (old.submobjects[0].get_fill_color() if old.submobjects else g.theme["text"])
    new = text(s, g.theme, size=old.font_size / max(_scale(g), 1e-6), color=col).scale(_scale(g))
    new.move_to(old.get_center())
    scene.play(Transform(old, new), run_time=rt)
    old.text = new.text


def run_steps(scene, g, steps, until: float) -> None:
    """Play `steps` one after another, evenly spread until `until` (seconds into the scene)."""
    steps = list(steps or [])
    if not steps or g is None:
        return
    start = scene.now
    per = max(0.4, (until - start - 0.3) / len(steps))
    for k, step in enumerate(steps):
        scene._wait_until(start + k * per)
        play_step(scene, g, step, max(0.3, min(1.5, per * 0.6)))



def extend(scene, *, steps, until: float, slot: float, strings=(), **new_figure) -> None:
    """This beat's elements added to the figure on screen (in its coordinates), then its steps; with no
    figure on screen, this beat's figure is drawn."""
    g = find_figure(scene)
    has_new = any(new_figure.get(k) for k in ("triangle", "points", "segments", "polygons", "circles", "arcs",
                                               "angles", "squares", "unit_circle"))
    if g is None:
        if not has_new:
            return
        g = build(scene.theme, steps=steps, **new_figure)
        scene.show(g, enter, slot=slot, strings=strings)
        run_steps(scene, g, steps, until)
        return
    scene.named.append((tuple(strings), g))
    if has_new:
        _add(scene, g, new_figure, slot)
    run_steps(scene, g, steps, until)


def _add(scene, g, spec: dict, slot: float) -> None:
    spec = {k: v for k, v in spec.items() if k not in ("caption", "color")}
    pts = dict(g.pts)
    pts.update(model_points(spec))
    k = _scale(g)
    origin = g.anchor[0].get_center()
    f = _Fig(g.theme, origin, g.unit * k, k, pts)
    f.unit_mob = None
    # labels already drawn are taken
    from manim import Text

    f.taken = [_box(m) for m in g.get_family() if isinstance(m, Text)]
    f.side_colour = dict(g.side_colour)
    spec = {kk: v for kk, v in spec.items() if v}
    spec["_polys"] = g.polys
    _draw_all(f, spec)
    new = [m for m, hidden in f.items if not hidden]
    g.pending += [m for m, hidden in f.items if hidden]
    # pending elements of this beat are built in today's coordinates: reveal them without rescaling
    for m, hidden in f.items:
        if hidden:
            m.scale(1 / k, about_point=origin).shift(g.pending_origin - origin)
    g.pts = pts
    g.polys = g.polys + _polys(spec, pts)
    g.named_parts = g.named_parts + f.parts
    g.parts = _parts_dict(g.named_parts)
    if f.unit_mob is not None:
        g.unit_mob = f.unit_mob
    for m in new:
        g.figure.add(m)
        g.add(m)
    if new:
        rt = scene.run_time(slot, 1.0)
        scene.play(AnimationGroup(*[Create(m) if not _is_label(m) else FadeIn(m) for m in new], lag_ratio=0.2),
                   run_time=rt)
    _refit(scene, g)


def _refit(scene, g) -> None:
    """Keep the figure inside the body area after it grew."""
    top = min(2.45, scene.title_mob.get_bottom()[1] - 0.3) if scene.title_mob is not None else 3.65
    others = [m for m in scene.body if m is not g]
    room = (top - BODY_BOTTOM) - sum(m.height + 0.35 for m in others)
    k = min(1.0, BODY_W / g.width, max(room, 1.0) / g.height)
    if k < 0.999 or g.get_right()[0] > SAFE_X or g.get_left()[0] < -SAFE_X or g.get_top()[1] > top \
            or g.get_bottom()[1] < BODY_BOTTOM:
        from .move import stack_ys

        target_h = g.height * k
        ys = stack_ys(scene, {id(g): target_h}) if g in scene.body else {id(g): (top + BODY_BOTTOM) / 2}
        scene.play(g.animate.scale(k).move_to([0, ys[id(g)], 0]), run_time=0.5)
