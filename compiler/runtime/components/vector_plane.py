"""vector_plane: a faint `NumberPlane` (the fixed coordinates) under a blue grid that moves with the
transformation, coloured vectors from the origin with labels at their tips, 2×2 matrices applied in turn,
eigen-lines (dashed, fixed: they map onto themselves) and the unit square with its determinant.

The moving grid is the images of the integer lines, clipped to the plane's rectangle at the start and at
the end of every transformation, so no line ever leaves the frame; its lines slide in from the border
when a matrix shrinks the plane.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, UR, Dot, AnimationGroup, Arrow, Create, DashedLine, FadeIn, GrowArrow, Line,
                   ManimColor, NumberPlane, Polygon, Transform, VGroup)

from ...components.vector_plane import _fmt, matrix_label
from ..style import text
from .matrix import grid as matrix_grid
from .plot import paint

GRID_BLUE = "#4FC3F7"
FAINT = "#666677"
I_HAT = "#83C167"
J_HAT = "#FC6255"
SQUARE = "#FFD54F"
EIGEN = "#AB47BC"
PALETTE = ["#FFD54F", "#FF862F", "#5CD0B3", "#AB47BC", "#F7D96F", "#58C4DD"]
MAX_LINES = 60  # per direction


# ----------------------------------------------------------------------------- geometry (plane coordinates)
def products(matrices) -> list[np.ndarray]:
    """The cumulative transformation after each matrix: [M1, M2·M1, M3·M2·M1]."""
    out, acc = [], np.eye(2)
    for m in matrices or []:
        acc = np.array(m["values"], dtype=float) @ acc
        out.append(acc)
    return out


def default_ranges(points: list, x_range=None, y_range=None) -> tuple[list[float], list[float]]:
    """Integer ranges holding every point with a margin, wider than tall (the frame is 16:9)."""
    xs = [abs(p[0]) for p in points] + [1.0]
    ys = [abs(p[1]) for p in points] + [1.0]
    X = min(12, max(3, math.ceil(max(xs) + 0.6)))
    Y = min(8, max(2, math.ceil(max(ys) + 0.6)))
    X = max(X, min(12, math.ceil(Y * 1.6)))
    xr = [float(x) for x in x_range] if x_range else [-float(X), float(X)]
    yr = [float(y) for y in y_range] if y_range else [-float(Y), float(Y)]
    return xr, yr


def clip_line(p, d, rect) -> tuple[np.ndarray, np.ndarray] | None:
    """The part of the line p + t·d inside rect (x0, x1, y0, y1), or None (Liang–Barsky)."""
    x0, x1, y0, y1 = rect
    lo, hi = -1e9, 1e9
    for pi, di, a, b in ((p[0], d[0], x0, x1), (p[1], d[1], y0, y1)):
        if abs(di) < 1e-12:
            if pi < a - 1e-9 or pi > b + 1e-9:
                return None
            continue
        t1, t2 = (a - pi) / di, (b - pi) / di
        lo, hi = max(lo, min(t1, t2)), min(hi, max(t1, t2))
    if hi - lo < 1e-9:
        return None
    return np.asarray(p) + lo * np.asarray(d), np.asarray(p) + hi * np.asarray(d)


def grid_segments(M: np.ndarray, rect) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """Images under M of the integer lines x = i and y = j, clipped to rect: (start, end, visible)."""
    x0, x1, y0, y1 = rect
    span = max(x1 - x0, y1 - y0)
    out = []
    centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
    for axis in (0, 1):
        lo, hi = (x0, x1) if axis == 0 else (y0, y1)
        first, last = math.floor(lo - span), math.ceil(hi + span)
        idx = list(range(first, last + 1))
        if len(idx) > MAX_LINES:
            mid = len(idx) // 2
            idx = idx[mid - MAX_LINES // 2: mid + MAX_LINES // 2]
        for i in idx:
            base = np.array([i, 0.0]) if axis == 0 else np.array([0.0, i])
            direction = np.array([0.0, 1.0]) if axis == 0 else np.array([1.0, 0.0])
            p, d = M @ base, M @ direction
            seg = clip_line(p, d, rect) if np.linalg.norm(d) > 1e-9 else None
            if seg is None:
                # out of view: an invisible dot on the border nearest the line, where it will slide in from
                q = np.clip(p, [x0, y0], [x1, y1]) if np.linalg.norm(d) < 1e-9 else _nearest_on_rect(p, d, centre, rect)
                out.append((q, q, False))
            else:
                out.append((seg[0], seg[1], True))
    return out


def _nearest_on_rect(p, d, centre, rect):
    d = d / np.linalg.norm(d)
    foot = p + np.dot(centre - p, d) * d
    x0, x1, y0, y1 = rect
    return np.clip(foot, [x0, y0], [x1, y1])


def fit_in(v, rect) -> np.ndarray:
    """A vector's tip, pulled back along the vector into the view if it lies outside."""
    x0, x1, y0, y1 = rect
    v = np.asarray(v, dtype=float)
    k = 1.0
    for val, a, b in ((v[0], x0, x1), (v[1], y0, y1)):
        if val > b > 0:
            k = min(k, b / val)
        elif val < a < 0:
            k = min(k, a / val)
    return v * k


# ----------------------------------------------------------------------------- mobjects
def _vec_colour(theme, v: dict, k: int):
    return paint(v.get("color"), PALETTE[k % len(PALETTE)])


def _arrow(g, tip, col):
    start, end = g.plane.c2p(0, 0), g.plane.c2p(*fit_in(tip, g.rect))
    if np.linalg.norm(end - start) < 1e-3:
        end = start + 1e-3 * RIGHT
    return Arrow(start, end, buff=0, color=col, stroke_width=5, max_tip_length_to_length_ratio=0.3,
                 max_stroke_width_to_length_ratio=12, tip_length=0.24)


def _label_pos(g, tip, lab):
    end = np.array(g.plane.c2p(*fit_in(tip, g.rect)))
    start = np.array(g.plane.c2p(0, 0))
    d = end - start
    n = np.linalg.norm(d)
    d = d / n if n > 1e-6 else UP
    return end + d * (0.22 + 0.5 * max(lab.width, lab.height))


def _free(at, lab, placed: list) -> bool:
    """Whether a label centred at `at` clears the labels placed so far (and, if so, it is placed)."""
    w, h = lab.width / 2 + 0.05, lab.height / 2 + 0.05
    box = (at[0] - w, at[1] - h, at[0] + w, at[1] + h)
    if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
        return False
    placed.append(box)
    return True


def _grid_mob(g, M) -> VGroup:
    lines = VGroup()
    for (a, b, visible), axis_line in zip(grid_segments(M, g.rect), g.axis_flags):
        line = Line(g.plane.c2p(*a), g.plane.c2p(*b) + (1e-4 * RIGHT if np.allclose(a, b) else 0),
                    stroke_color=ManimColor("#FFFFFF") if axis_line else ManimColor(GRID_BLUE),
                    stroke_width=2.2 if axis_line else 1.4, stroke_opacity=(0.9 if axis_line else 0.55) * visible)
        lines.add(line)
    return lines


def _square(g, M, theme):
    corners = [M @ np.array(c, dtype=float) for c in ((0, 0), (1, 0), (1, 1), (0, 1))]
    poly = Polygon(*[g.plane.c2p(*fit_in(c, g.rect)) for c in corners], color=SQUARE, stroke_width=2)
    poly.set_fill(SQUARE, opacity=0.3)
    return poly


def shape_points(spec: dict) -> list[tuple[float, float]]:
    """The corners of a shape on the plane (a circle as 48 points: an ellipse once a matrix moves it)."""
    if spec.get("type") == "circle":
        (cx, cy), r = spec["center"], float(spec["radius"])
        return [(cx + r * math.cos(2 * math.pi * k / 48), cy + r * math.sin(2 * math.pi * k / 48)) for k in range(48)]
    return [(float(x), float(y)) for x, y in spec["vertices"]]


def _shape_colour(spec: dict, k: int):
    return paint(spec.get("color"), PALETTE[(k + 1) % len(PALETTE)]) if spec.get("color") else \
        ManimColor(PALETTE[(k + 1) % len(PALETTE)])


def _shape_poly(g, spec: dict, M, col):
    pts = [g.plane.c2p(*(M @ np.array(p, dtype=float))) for p in shape_points(spec)]
    poly = Polygon(*pts, color=col, stroke_width=2.5)
    poly.set_fill(col, opacity=0.3 if spec.get("filled", True) else 0.0)
    return poly


def _shape_label(g, spec: dict, poly, text_: str, theme):
    lab = text(text_, theme, size=24, color=theme["text"], math=True).scale(_scale(g))
    if lab.width < poly.width * 0.9 and lab.height < poly.height * 0.6:
        lab.move_to(poly.get_center_of_mass())  # inside it
        return lab
    # beside it: below, above, left or right — the first side clear of the other shapes on the grid
    others = [p for _, p, _, _ in getattr(g, "shapes", []) if p is not poly]

    # the vectors' tips where the grid has them now (their labels sit there)
    tips = [np.array(g.plane.c2p(*fit_in(g.M @ np.array([v["x"], v["y"]], dtype=float), g.rect)))
            for v in getattr(g, "vector_specs", [])]

    def clear(m) -> bool:
        x0, x1, y0, y1 = m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1]
        return not any(x0 < o.get_right()[0] and o.get_left()[0] < x1 and y0 < o.get_top()[1] and o.get_bottom()[1] < y1
                       for o in others) and not any(x0 - 0.6 < t[0] < x1 + 0.6 and y0 - 0.5 < t[1] < y1 + 0.5
                                                    for t in tips)

    for side in (DOWN, UP, LEFT, RIGHT):
        lab.next_to(poly, side, buff=0.08)
        if clear(lab):
            return lab
    lab.next_to(poly, DOWN, buff=0.08)
    return lab


def _add_shapes(g, shapes, theme) -> list:
    """The shapes drawn on the grid as it is now (each moves with the grid from then on)."""
    out = []
    for spec in shapes:
        k = len(g.shapes)
        col = _shape_colour(spec, k)
        poly = _shape_poly(g, spec, g.M, col)
        lab = _shape_label(g, spec, poly, spec["label"], theme) if spec.get("label") else None
        g.shapes.append((dict(spec), poly, lab, col))
        g.shape_mobs.add(poly)
        if lab is not None:
            g.shape_mobs.add(lab)
            if spec.get("label"):
                g.parts[spec["label"]] = VGroup(poly, lab)
        out.append((poly, lab))
    return out


def _mark_mobs(g, kind: str, spec: dict, M, theme):
    """A dot (with its label) or a segment (dashed unless asked solid, with its label) where the grid has it now."""
    k = _scale(g)
    if kind == "point":
        at = g.plane.c2p(*fit_in(M @ np.array([spec["x"], spec["y"]], dtype=float), g.rect))
        col = paint(spec.get("color"), theme["text"]) if spec.get("color") else ManimColor(theme["text"])
        mob = VGroup(Dot(at, radius=0.07 * k, color=col))
        if spec.get("label"):
            # outward from the origin; where a vector's tip (and its label) is, turned a quarter clockwise
            where = M @ np.array([spec["x"], spec["y"]], dtype=float)
            side = np.array([1.0 if where[0] >= 0 else -1.0, 1.0 if where[1] >= 0 else -1.0, 0.0])
            tips = [M @ np.array([v["x"], v["y"]], dtype=float) for v in getattr(g, "vectors", [])]
            if any(np.linalg.norm(t - where) < 0.3 for t in tips):
                side = np.array([side[1], -side[0], 0.0])
            mob.add(text(spec["label"], theme, size=24, color=col, math=True).scale(k).next_to(at, side, buff=0.06 * k))
        return mob
    a = g.plane.c2p(*fit_in(M @ np.array(spec["start"], dtype=float), g.rect))
    b = g.plane.c2p(*fit_in(M @ np.array(spec["end"], dtype=float), g.rect))
    col = paint(spec.get("color"), "#9E9E9E") if spec.get("color") else ManimColor("#9E9E9E")
    line = (Arrow(a, b, buff=0, color=col, stroke_width=5, max_tip_length_to_length_ratio=0.2) if spec.get("arrow")
            else DashedLine(a, b, color=col, stroke_width=2.5, dash_length=0.12) if spec.get("dashed", True)
            else Line(a, b, color=col, stroke_width=3))
    mob = VGroup(line)
    if spec.get("label"):
        lab = text(spec["label"], theme, size=22, color=col, math=True).scale(k)
        direction = np.array(b) - np.array(a)
        normal = np.array([-direction[1], direction[0], 0.0])
        normal = normal / (np.linalg.norm(normal) or 1.0)
        lab.move_to(np.array(b) - direction * 0.12 + normal * (0.25 * k + lab.height / 2))
        mob.add(lab)
    return mob


def _add_marks(g, points, segments, theme) -> list:
    out = []
    for kind, specs in (("segment", segments or []), ("point", points or [])):
        for spec in specs:
            mob = _mark_mobs(g, kind, spec, np.eye(2) if spec.get("fixed") else g.M, theme)
            g.marks.append((kind, dict(spec), mob))
            g.mark_mobs.add(mob)
            if spec.get("label"):
                g.parts[spec["label"]] = mob
            out.append(mob)
    return out


def build(theme: dict, *, vectors=(), basis: bool = False, matrices=(), eigen: bool = False,
          unit_square: bool = False, shapes=(), points=(), segments=(), x_range=None, y_range=None,
          color: str | None = None, x_label: str | None = None, y_label: str | None = None):
    vectors = list(vectors or [])
    matrices = list(matrices or [])
    shapes = list(shapes or [])
    if basis:
        vectors = [{"x": 1, "y": 0, "label": "î", "color": I_HAT}, {"x": 0, "y": 1, "label": "ĵ", "color": J_HAT}] + vectors
    pts = [(v["x"], v["y"]) for v in vectors] + ([(1, 1)] if unit_square else [])
    corners = [p for spec in shapes for p in shape_points(spec)] + [(p["x"], p["y"]) for p in points or []] + [
        tuple(sg[k]) for sg in segments or [] for k in ("start", "end")]
    for P in products(matrices):
        pts += [tuple(P @ np.array(p, dtype=float)) for p in pts[: len(vectors) + (1 if unit_square else 0)]]
        if unit_square:
            pts += [tuple(P @ np.array(c, dtype=float)) for c in ((1, 0), (0, 1))]
        pts += [tuple(P @ np.array(c, dtype=float)) for c in corners]
    pts += corners
    xr, yr = default_ranges(pts, x_range, y_range)
    has_panel = bool(matrices)
    w_max, h_max = (8.4 if has_panel else 11.0), 5.4
    u = min(w_max / (xr[1] - xr[0]), h_max / (yr[1] - yr[0]))
    plane = NumberPlane(x_range=[xr[0], xr[1], 1], y_range=[yr[0], yr[1], 1], x_length=u * (xr[1] - xr[0]),
                        y_length=u * (yr[1] - yr[0]), faded_line_ratio=1,
                        background_line_style={"stroke_color": ManimColor(FAINT), "stroke_width": 1,
                                               "stroke_opacity": 0.35},
                        faded_line_style={"stroke_color": ManimColor(FAINT), "stroke_width": 0.5,
                                          "stroke_opacity": 0.15},
                        axis_config={"stroke_color": ManimColor(FAINT), "stroke_width": 1.5, "include_tip": False})
    g = VGroup(plane)
    g.plane, g.rect = plane, (xr[0], xr[1], yr[0], yr[1])
    g.axis_names = VGroup()
    if x_label:  # "Re" past the right end of the horizontal axis, "Im" above the vertical one: outside the grid,
        # clear of every vector and its label
        name = text(x_label, theme, size=26, color=theme["text"], math=True)
        name.next_to(plane.c2p(xr[1], max(yr[0], min(0, yr[1]))), RIGHT, buff=0.12)
        g.axis_names.add(name)
    if y_label:
        name = text(y_label, theme, size=26, color=theme["text"], math=True)
        name.next_to(plane.c2p(max(xr[0], min(0, xr[1])), yr[1]), UP, buff=0.1)
        g.axis_names.add(name)
    g.add(g.axis_names)
    g.theme = theme
    g.axis_flags = [i == 0 for i in _line_indices(g.rect)]  # the images of the axes are drawn brighter
    g.unit0 = u
    g.M = np.eye(2)
    g.grid = _grid_mob(g, g.M)
    g.add(g.grid)
    # eigen-lines of the first matrix: fixed, they map onto themselves
    g.eigen = VGroup()
    if eigen and matrices:
        A = np.array(matrices[0]["values"], dtype=float)
        vals, vecs = np.linalg.eig(A)
        seen = []
        tips = [np.array([v["x"], v["y"]], dtype=float) for v in vectors]
        tips += [P @ t for P in products(matrices) for t in list(tips)]
        for lam, vec in zip(vals, vecs.T):
            if abs(lam.imag) > 1e-9 or abs(vec.imag).max() > 1e-9:
                continue
            d = np.real(vec)
            if any(abs(abs(np.dot(d, s)) - 1) < 1e-6 for s in seen):
                continue
            seen.append(d / np.linalg.norm(d))
            seg = clip_line(np.zeros(2), d, g.rect)
            if seg is None:
                continue
            line = DashedLine(plane.c2p(*seg[0]), plane.c2p(*seg[1]), color=EIGEN, stroke_width=3, dash_length=0.15)
            lab = text(f"λ = {_fmt(float(np.real(lam)))}", theme, size=22, color=EIGEN, math=True)
            best = None
            for end_pt in seg:  # the end of the line farther from every vector tip, before and after
                end = np.array(plane.c2p(*end_pt))
                inward = (np.array(plane.c2p(0, 0)) - end)
                inward = inward / (np.linalg.norm(inward) or 1)
                at = end + inward * 0.9 + np.array([-inward[1], inward[0], 0]) * 0.3
                clear = min((np.linalg.norm(at - np.array(plane.c2p(*fit_in(t, g.rect)))) for t in tips), default=9.0)
                if best is None or clear > best[0] + 1e-6:
                    best = (clear, at)
            lab.move_to(best[1])
            g.eigen.add(VGroup(line, lab))
        g.add(g.eigen)
    g.square = _square(g, g.M, theme) if unit_square else None
    if g.square is not None:
        g.add(g.square)
    g.parts = {}
    g.shapes, g.shape_mobs = [], VGroup()
    g.vector_specs = vectors  # (shape labels keep clear of the vectors' tips and labels)
    _add_shapes(g, shapes, theme)
    g.add(g.shape_mobs)
    g.marks, g.mark_mobs = [], VGroup()
    _add_marks(g, points, segments, theme)
    g.add(g.mark_mobs)
    g.vectors, g.arrows, g.labels = vectors, VGroup(), VGroup()
    placed: list = []
    for k, v in enumerate(vectors):
        col = _vec_colour(theme, v, k)
        arrow = _arrow(g, (v["x"], v["y"]), col)
        g.arrows.add(arrow)
        lab = text(v["label"], theme, size=28, color=col, math=True) if v.get("label") else None
        if lab is not None:
            lab.move_to(_label_pos(g, (v["x"], v["y"]), lab))
            if not _free(lab.get_center(), lab, placed):
                lab.set_opacity(0.0)  # two tips in one place: one label
            g.labels.add(lab)
            g.parts[v["label"]] = VGroup(arrow, lab)
        arrow.sbc_label = lab
    g.add(g.arrows, g.labels)
    # the matrices, beside the grid; each appears when it is applied
    g.panel = VGroup()
    g.matrices = matrices
    for k, m in enumerate(matrices):
        g.panel.add(_panel_entry(theme, k, m, unit_square, color))
    if len(g.panel):
        g.panel.arrange(DOWN, buff=0.45, aligned_edge=LEFT)
        g.panel.next_to(plane, RIGHT, buff=0.5)
        g.add(g.panel)
        for k, m in enumerate(matrices):
            g.parts[matrix_label(k, m)] = g.panel[k]
    g.applied = 0
    g.sbc_kind = "vector_plane"
    g.grow = 1.2
    return g


def _line_indices(rect) -> list[int]:
    x0, x1, y0, y1 = rect
    span = max(x1 - x0, y1 - y0)
    out = []
    for lo, hi in ((x0, x1), (y0, y1)):
        idx = list(range(math.floor(lo - span), math.ceil(hi + span) + 1))
        if len(idx) > MAX_LINES:
            mid = len(idx) // 2
            idx = idx[mid - MAX_LINES // 2: mid + MAX_LINES // 2]
        out += idx
    return out


def _panel_entry(theme, k: int, m: dict, unit_square: bool, color):
    col = paint(color, "#FFD54F") if color else ManimColor("#FFD54F")
    name = text(f"{matrix_label(k, m)} =", theme, size=28, color=theme["text"])
    mat = matrix_grid(theme, m["values"], col, size=26)
    row = VGroup(name, mat).arrange(RIGHT, buff=0.25)
    if unit_square:
        det = float(np.linalg.det(np.array(m["values"], dtype=float)))
        d = text(f"det {matrix_label(k, m)} = {_fmt(round(det, 2))}", theme, size=22, color=SQUARE, math=True)
        d.next_to(row, DOWN, buff=0.2, aligned_edge=LEFT)
        row = VGroup(row, d)
    return row


def enter(mob, run_time: float):
    out = [AnimationGroup(FadeIn(mob.plane), Create(mob.grid), FadeIn(mob.axis_names), run_time=max(0.3, run_time * 0.5))]
    extra = [Create(e) for e in mob.eigen]
    if mob.square is not None:
        extra.append(FadeIn(mob.square))
    extra += [FadeIn(m) for m in mob.shape_mobs] + [FadeIn(m) for m in mob.mark_mobs]
    if extra:
        out.append(AnimationGroup(*extra, run_time=max(0.2, run_time * 0.2)))
    if len(mob.arrows):
        out.append(AnimationGroup(*[GrowArrow(a) for a in mob.arrows], *[FadeIn(lab) for lab in mob.labels],
                                  run_time=max(0.3, run_time * 0.3)))
    return out


# ----------------------------------------------------------------------------- transformations
def apply(scene, g, k: int, rt: float) -> None:
    """Apply the k-th matrix: it appears beside the grid, then grid, vectors and square move."""
    m = np.array(g.matrices[k]["values"], dtype=float)
    if k < len(g.panel):
        scene.play(FadeIn(g.panel[k], shift=0.2 * LEFT), run_time=min(0.5, rt * 0.4))
    g.M = m @ g.M
    anims = [Transform(g.grid, _grid_mob(g, g.M))]
    placed = []
    for arrow, v in zip(g.arrows, g.vectors):
        tip = g.M @ np.array([v["x"], v["y"]], dtype=float)
        anims.append(Transform(arrow, _arrow(g, tip, arrow.get_color())))
        lab = arrow.sbc_label
        if lab is not None:
            at = _label_pos(g, tip, lab)
            seen = _free(at, lab, placed) and np.linalg.norm(g.plane.c2p(*fit_in(tip, g.rect)) - g.plane.c2p(0, 0)) > 0.15
            anims.append(lab.animate.move_to(at).set_opacity(1.0 if seen else 0.0))  # collapsed or crowded: hidden
    if g.square is not None:
        anims.append(Transform(g.square, _square(g, g.M, g.theme)))
    last = k == len(g.matrices) - 1
    for n, (spec, poly, lab, col) in enumerate(g.shapes):
        moved = _shape_poly(g, spec, g.M, col)
        anims.append(Transform(poly, moved))
        # "the square becomes a parallelogram labeled "area = 5"": its new text once the last matrix moved it
        new_text = spec.get("label_after") if last and spec.get("label_after") else None
        if lab is not None:
            target = _shape_label(g, spec, moved, new_text or spec["label"], g.theme)
            anims.append(Transform(lab, target) if new_text else lab.animate.move_to(target.get_center()))
        elif new_text:  # ("The unit square flattens into a segment; label it "area = 0"": a label only afterwards)
            lab = _shape_label(g, spec, moved, new_text, g.theme)
            g.shape_mobs.add(lab)
            g.shapes[n] = (spec, poly, lab, col)
            anims.append(FadeIn(lab))
    for kind, spec, mob in getattr(g, "marks", []):
        if not spec.get("fixed"):  # a span stays: the moved vector is seen leaving it (or staying on it)
            anims.append(Transform(mob, _mark_mobs(g, kind, spec, g.M, g.theme)))
    if k >= 1 and len(g.eigen) and g.eigen.get_stroke_opacity() > 0.3:
        anims.append(g.eigen.animate.set_opacity(0.15))  # the first matrix's eigen-lines say nothing of the next
    scene.play(*anims, run_time=rt)
    g.applied = k + 1


def run(scene, g, until: float) -> None:
    """Apply the matrices not yet applied, evenly spread until `until` (seconds into the scene)."""
    todo = list(range(g.applied, len(g.matrices)))
    if not todo:
        return
    start = scene.now
    per = max(0.6, (until - start - 0.3) / len(todo))
    for n, k in enumerate(todo):
        scene._wait_until(start + n * per)
        apply(scene, g, k, max(0.5, min(2.0, per * 0.7)))



def find_plane(scene):
    return scene.on_screen("vector_plane")


def extend(scene, *, until: float, slot: float, strings=(), vectors=(), matrices=(), shapes=(), points=(), segments=(),
           **new_plane) -> None:
    """More matrices, vectors, shapes, points and segments on the grid on screen; without one, a new grid."""
    g = find_plane(scene)
    if g is None:
        g = build(scene.theme, vectors=vectors, matrices=matrices, shapes=shapes, points=points, segments=segments,
                  **new_plane)
        scene.show(g, enter, slot=slot, strings=strings)
        run(scene, g, until)
        return
    scene.named.append((tuple(strings), g))
    k = _scale(g)
    added = _add_shapes(g, shapes or [], g.theme)
    if added:
        scene.play(*[FadeIn(m) for pair in added for m in pair if m is not None], run_time=0.6)
    marks = _add_marks(g, points, segments, g.theme)
    if marks:
        scene.play(*[FadeIn(m) for m in marks], run_time=0.6)
    for v in vectors or []:
        n = len(g.arrows)
        col = _vec_colour(g.theme, v, n)
        tip = g.M @ np.array([v["x"], v["y"]], dtype=float)
        arrow = _arrow(g, tip, col)
        lab = text(v["label"], g.theme, size=28, color=col, math=True).scale(k) if v.get("label") else None
        if lab is not None:
            lab.move_to(_label_pos(g, tip, lab))
            g.labels.add(lab)
        arrow.sbc_label = lab
        g.arrows.add(arrow)
        g.vectors.append(dict(v))
        scene.play(GrowArrow(arrow), *([FadeIn(lab)] if lab is not None else []), run_time=0.6)
    first = len(g.matrices)
    for j, m in enumerate(matrices or []):
        entry = _panel_entry(g.theme, first + j, m, g.square is not None, None).scale(k)
        anchor = g.panel[-1] if len(g.panel) else g.plane
        if len(g.panel):
            entry.next_to(anchor, DOWN, buff=0.45 * k, aligned_edge=LEFT)
        else:
            entry.next_to(anchor, RIGHT, buff=0.5 * k)
        g.panel.add(entry)
        g.matrices.append(dict(m))
        g.parts[matrix_label(first + j, m)] = entry
    if len(g.panel) and g.panel not in g.submobjects:
        g.add(g.panel)
    _refit(scene, g)
    run(scene, g, until)


def _scale(g) -> float:
    """How much the grid has been scaled since it was built (one plane unit, in scene units, over its first)."""
    a, b = g.plane.c2p(0, 0), g.plane.c2p(1, 0)
    return float(np.linalg.norm(np.array(b) - np.array(a))) / g.unit0 if getattr(g, "unit0", None) else 1.0


def _refit(scene, g) -> None:
    """Keep the grid and its panel inside the safe area after the panel grew."""
    from ..style import BODY_BOTTOM, BODY_W, SAFE_X

    top = min(2.45, scene.title_mob.get_bottom()[1] - 0.3) if scene.title_mob is not None else 3.65
    k = min(1.0, BODY_W / g.width, (top - BODY_BOTTOM) / g.height)
    if k < 0.999 or g.get_right()[0] > SAFE_X or g.get_bottom()[1] < BODY_BOTTOM:
        scene.play(g.animate.scale(k).move_to([0, (top + BODY_BOTTOM) / 2, 0]), run_time=0.5)
