"""plot: grey axes with Text labels, curves from formulas (gaps where undefined), a dot moving along a
curve, a shaded area, dashed markers and labelled points — seed002's minimal chart look.

`build` draws the axes and a first stage of parts; `extend(scene, ...)` adds a stage (more curves, an
area, a dot...) to the plot already on screen, on the same axes.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UL, UP, UR, AnimationGroup, Arrow, Axes, BraceBetweenPoints, Circle, Create, DashedLine,
                   DashedVMobject, DoubleArrow, Dot, FadeIn, FadeOut,
                   GrowArrow, GrowFromEdge, Line, ManimColor, MoveAlongPath, Polygon, Rectangle, VGroup, VMobject, smooth)

from ...formula import RANGE_LIMIT, FormulaError, nice_range, parse_formula, sample, value_range
from ...components.plot import pi_label, pi_step
from ..style import BODY_BOTTOM, BODY_TOP, BODY_W, COLUMN_W, COLUMN_X, SAFE_Y, colour, label_colour, text

AXES_W, AXES_H = 6.4, 3.9
LABEL_SIZE = 20
SAMPLES = 400
GREY = "#666677"


# ----------------------------------------------------------------------------- colours and text
def paint(value, default) -> ManimColor:
    """A colour from a storyboard value (`light blue`, `#ffd54f`, `gold`); `default` if unknown."""
    from ...planner.theme import colour_value

    if value:
        v = colour_value(str(value))
        if v:
            return ManimColor(v)
        try:
            return ManimColor(str(value))
        except Exception:  # noqa: BLE001 - a colour name Manim does not know: use the default
            pass
    return ManimColor(default) if not isinstance(default, ManimColor) else default


def dim_text(theme: dict) -> ManimColor:
    """Axis labels: between the axes grey and the body text, readable at 480p."""
    return ManimColor(theme["text"]).interpolate(colour(theme, "axes", GREY), 0.35)


def curve_colour(theme: dict, i: int, curve: dict, kind_hint: str = "") -> ManimColor:
    palette = list(theme.get("palette") or ["#4FC3F7", "#66BB6A", "#FFD54F", "#FF7043"])
    default = palette[i % len(palette)]
    if i == 0 and theme["roles"].get("plot"):
        default = theme["roles"]["plot"]  # "Curve yellow": the first curve, unless a label colour names it
    if curve.get("color"):
        return paint(curve["color"], default)
    return label_colour(theme, f"{kind_hint} {curve.get('label') or ''} {curve.get('expr', '')}", default)


def _short(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _label(s: str, theme: dict, color, k: float, width: int = 24, limit: int = 72):
    """Chart text: at most `limit` characters, wrapped at `width`, scaled with the plot."""
    t = text(_short(s, limit), theme, size=LABEL_SIZE, color=color, width_chars=width, math=True)
    t.scale(k)
    return t


# ----------------------------------------------------------------------------- geometry
def _ranges(curves: list[dict], x_range, y_range, extra_y=()) -> tuple[list[float], list[float]]:
    fns = []
    for c in curves:
        try:
            fns.append(parse_formula(c["expr"]))
        except (FormulaError, KeyError, TypeError):
            continue
    x_range, y_range = _finite(x_range), _finite(y_range)
    if x_range and x_range[0] != x_range[1]:
        x0, x1 = sorted(x_range)
    else:
        needs_positive = any(any(n in c.get("expr", "") for n in ("log", "ln", "sqrt", "√")) for c in curves)
        x0, x1 = (0.0, 10.0) if needs_positive or not curves else (-5.0, 5.0)
    xs = nice_range(x0, x1, include_zero=False, ticks=8)
    if x_range:
        xs = (x0, x1, xs[2])
    if y_range and y_range[0] != y_range[1]:
        y0, y1 = sorted(y_range)
        ys = (y0, y1, nice_range(y0, y1, include_zero=False, ticks=6)[2])
    else:
        r = value_range(fns, xs[0], xs[1]) if fns else None
        lo, hi = r if r else (0.0, 10.0)
        for y in extra_y:
            lo, hi = min(lo, y), max(hi, y)
        pad = 0.08 * (hi - lo or 1.0)
        lo2, hi2 = lo - (pad if lo < 0 else 0), hi + pad
        ys = nice_range(lo2, hi2, include_zero=True, ticks=6)
    return [xs[0], xs[1], xs[2]], [ys[0], ys[1], ys[2]]


def _finite(rng) -> list[float] | None:
    """[lo, hi] as finite floats within ±RANGE_LIMIT, or None."""
    try:
        lo, hi = (float(v) for v in rng)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    return [min(max(v, -RANGE_LIMIT), RANGE_LIMIT) for v in (lo, hi)]


def _segments(f, x0: float, x1: float, y0: float, y1: float, n: int = SAMPLES) -> list[list[tuple[float, float]]]:
    """Finite, in-range runs of the curve, clipped exactly at the top and bottom of the axes."""
    segs: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    prev = None
    span = y1 - y0
    for x, y in sample(f, x0, x1, n):
        ok = math.isfinite(y)
        inside = ok and y0 <= y <= y1
        if prev is not None and ok and math.isfinite(prev[1]):
            px, py = prev
            jump = abs(y - py) > 0.9 * span  # a pole (tan x, 1/x): never join across it
            if not jump:
                for edge in (y0, y1):
                    if (py - edge) * (y - edge) < 0:
                        t = (edge - py) / (y - py)
                        pt = (px + t * (x - px), edge)
                        if cur:
                            cur.append(pt)
                            segs.append(cur)
                            cur = []
                        else:
                            cur = [pt]
        if inside:
            cur.append((x, y))
        elif cur:
            segs.append(cur)
            cur = []
        prev = (x, y)
    if cur:
        segs.append(cur)
    return [s for s in segs if len(s) >= 2]


def _curve_mob(axes, segs, col, width: float = 3.0, dashed: bool = False) -> VGroup:
    g = VGroup()
    for s in segs:
        v = VMobject(stroke_color=col, stroke_width=width)
        v.set_points_as_corners([axes.c2p(x, y) for x, y in s])
        if dashed:  # dashes about 0.12 units long along the (unseen) path, which keeps the curve's ends for labels
            dash = DashedVMobject(v.copy(), num_dashes=max(4, int(v.get_arc_length() / 0.2)), dashed_ratio=0.6)
            v.set_stroke(opacity=0)
            v.add(dash)
        g.add(v)
    return g


def _overlaps(a, b, pad: float = 0.04) -> bool:
    return (a.get_left()[0] < b.get_right()[0] + pad and b.get_left()[0] < a.get_right()[0] + pad
            and a.get_bottom()[1] < b.get_top()[1] + pad and b.get_bottom()[1] < a.get_top()[1] + pad)


def _place(label, anchor, taken: list, directions=(UR, UP + LEFT, DOWN + RIGHT, DOWN + LEFT, UP, DOWN, RIGHT, LEFT),
           buffs=(0.1, 0.3)) -> bool:
    """Put `label` next to `anchor` in the first direction where it overlaps no taken label."""
    for buff in buffs:
        for d in directions:
            label.next_to(anchor, d, buff=buff)
            if not any(_overlaps(label, t) for t in taken):
                taken.append(label)
                return True
    return False


def _column(g, label, want_y: float, gap: float = 0.08) -> None:
    """Right of the axes, at the free height nearest `want_y`; below the others if nothing is free."""
    axes = g.axes
    label.next_to(axes, RIGHT, buff=0.25)
    placed = [t for t in g.taken if t.get_left()[0] >= axes.get_right()[0] + 0.05]
    h = label.height
    lo = axes.get_bottom()[1]
    want = min(max(want_y, lo + h / 2), max(axes.get_top()[1], lo + h) - h / 2)
    cands = [want] + [t.get_bottom()[1] - gap - h / 2 for t in placed] + [t.get_top()[1] + gap + h / 2 for t in placed]
    hi = max(axes.get_top()[1], lo + h)
    for y in sorted(cands, key=lambda y: abs(y - want)):
        if y - h / 2 < lo - 1e-6 or y + h / 2 > hi + 1e-6:
            continue
        label.set_y(y)
        if not any(_overlaps(label, t, pad=gap / 2) for t in placed):
            g.taken.append(label)
            return
    label.set_y(min([lo] + [t.get_bottom()[1] for t in placed]) - gap - h / 2)
    g.taken.append(label)


def _place_or_column(g, label, anchor, directions=None) -> None:
    ok = _place(label, anchor, g.taken, directions) if directions else _place(label, anchor, g.taken)
    if not ok:
        _column(g, label, anchor.get_center()[1])


# ----------------------------------------------------------------------------- build
def build(theme: dict, *, curves=(), x_range=None, y_range=None, x_label: str | None = None,
          y_label: str | None = None, numbers: bool = False, move_dot=None, area=None, markers=(), points=(),
          segments=(), color: str | None = None, series=(), x_step=None, y_step=None):
    curves = [dict(c) for c in (curves or [])][:6]
    extra_y = [p["y"] for p in points or [] if isinstance(p.get("y"), (int, float))]
    extra_y += [end[1] for seg in segments or [] for end in (seg["start"], seg["end"])]
    extra_y += [pt[1] for sr in series or [] for pt in sr["points"]]
    if series and x_range is None:
        xs = [pt[0] for sr in series for pt in sr["points"]]
        x_range = [min(xs), max(xs)] if max(xs) > min(xs) else None
    xr, yr = _ranges(curves, x_range, y_range, extra_y)
    # the ticks the storyboard asks for ("ticks every 3000"), when they fit: else a 1-2-5 step
    # (a step wider than half the axis — "every 10" on an axis to 1.2 — would leave it unnumbered)
    steps = tuple(s if s and 2 <= (r[1] - r[0]) / s <= 40 else None for s, r in ((x_step, xr), (y_step, yr)))
    xr, yr = [*xr[:2], steps[0] or xr[2]], [*yr[:2], steps[1] or yr[2]]
    axes_col = paint(color, colour(theme, "axes", GREY)) if color else colour(theme, "axes", GREY)
    axes = Axes(x_range=xr, y_range=yr, x_length=AXES_W, y_length=AXES_H, tips=True,
                axis_config={"include_numbers": False, "color": axes_col, "stroke_width": 2,
                             "tip_width": 0.18, "tip_height": 0.18, "include_ticks": True,
                             "tick_size": 0.06})
    frame = VGroup(axes)
    labels = VGroup()
    parts = {}
    lab_col = dim_text(theme)
    nums = _numbers(axes, xr, yr, theme, lab_col, steps) if numbers else VGroup()
    if numbers:
        frame.add(nums)
    if x_label:
        xl = _label(x_label, theme, lab_col, 1.0, width=40, limit=80)
        xl.next_to(frame, DOWN, buff=0.2)
        labels.add(xl)
        parts[x_label] = xl
    if y_label:
        yl = _label(y_label, theme, lab_col, 1.0, width=30, limit=60).rotate(math.pi / 2)
        yl.next_to(frame, LEFT, buff=0.2)
        labels.add(yl)
        parts[y_label] = yl
    frame.add(labels)
    g = VGroup(frame)
    g.axes, g.frame, g.axis_labels = axes, frame, labels
    g.x_range, g.y_range = xr, yr
    g.numbers = list(nums)
    g.base_width = axes.width
    g.curves = []          # (formula or None, colour, mob) of every curve drawn so far
    g.taken = list(labels) + list(nums)  # text placed so far: new labels avoid it
    g.stages = []
    g.grow = 1.25
    g.sbc_kind = "plot"
    stage = _stage(g, theme, curves=curves, move_dot=move_dot, area=area, markers=markers, points=points,
                   segments=segments, series=series)
    g.add(stage)
    g.stages.append(stage)
    g.parts = {**parts, **stage.parts}
    return g


def _nice_step(span: float, target: int = 5) -> float:
    """A 1-2-5 step that puts about `target` labels on an axis of this span."""
    raw = span / max(1, target)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def _numbers(axes, xr, yr, theme, col, steps=(None, None)) -> VGroup:
    """Tick numbers at round values (the steps asked for, else 1-2-5 steps, whatever the axis range), none overlapping
    the last."""
    out = VGroup()
    for rng, axis, asked in ((xr, "x", steps[0]), (yr, "y", steps[1])):
        lo, hi = rng[0], rng[1]
        if not hi > lo:
            continue
        pi = pi_step(lo, hi) if axis == "x" and not asked else None  # "x from -2π to 2π": multiples of π, named so
        step = pi or asked or _nice_step(hi - lo)
        # as many decimals as the step has (0.25: two — "0.2" at 0.25 would be a wrong number), trailing zeros off
        decimals = next((d for d in range(1, 7) if abs(round(step, d) - step) < 1e-9 * step), 6) \
            if step < 1 and not pi else 0
        prev = None
        k = math.ceil(lo / step - 1e-3 if pi else lo / step - 1e-9)
        while k * step <= hi + (1e-3 if pi else 1e-9) * step:  # ends: k grows to at most (hi - lo) / step + 1 labels
            v = k * step if pi else round(k * step, decimals + 2)
            k += 1
            if abs(v) < 1e-9 * step:
                continue
            name = pi_label(v) if pi else (f"{v:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{v:g}")
            t = text(name, theme, size=LABEL_SIZE, color=col, math=bool(pi))  # "π/2" typeset as the fraction it is
            if axis == "x":
                t.next_to(axes.x_axis.n2p(v), DOWN, buff=0.12)
                crowded = prev is not None and t.get_left()[0] < prev.get_right()[0] + 0.12
            else:
                t.next_to(axes.y_axis.n2p(v), LEFT, buff=0.12)
                crowded = prev is not None and t.get_bottom()[1] < prev.get_top()[1] + 0.06
            if crowded:
                continue
            out.add(t)
            prev = t
    return out


def _stage(g, theme: dict, *, curves=(), move_dot=None, area=None, markers=(), points=(), segments=(),
           series=()) -> VGroup:
    """New parts on the axes of `g`: returned as a group with the pieces `enter` animates in order."""
    axes = g.axes
    k = axes.width / g.base_width   # the plot may have been scaled since it was built
    (x0, x1, _), (y0, y1, _) = g.x_range, g.y_range
    st = VGroup()
    st.curve_mobs, st.curve_labels, st.area, st.markers, st.point_mobs, st.dot, st.path = [], [], None, VGroup(), \
        VGroup(), None, None
    st.dot_label, st.segments, st.series = None, VGroup(), VGroup()
    st.riemann = bool(area and area.get("rectangles"))  # a Riemann sum: a finer one takes its place
    parts = {}
    first_new = len(g.curves)
    new_labels = []
    for i, c in enumerate(curves):
        idx = first_new + i
        col = curve_colour(theme, idx, c)
        try:
            f = parse_formula(c["expr"])
        except (FormulaError, KeyError, TypeError):
            f = None
        label = c.get("label") or c.get("expr", "")
        mob = _curve_mob(axes, _segments(f, x0, x1, y0, y1), col, 3.0 * k, bool(c.get("dashed"))) if f else VGroup()
        g.curves.append((f, col, mob))
        st.curve_mobs.append(mob)
        if label:
            lab = _label(label, theme, col, k)
            end = mob[-1].get_end() if len(mob) else axes.c2p(x1, (y0 + y1) / 2)
            new_labels.append((lab, end[1]))
            parts[label] = VGroup(mob, lab)
    for lab, y in sorted(new_labels, key=lambda p: -p[1]):
        _column(g, lab, y)
    st.curve_labels = [lab for lab, _ in new_labels]
    pool = g.curves if not curves else g.curves[first_new:]
    if area:
        ci = int(area.get("curve", 0))
        target = pool[ci] if ci < len(pool) else (g.curves[-1] if g.curves else None)
        to = area.get("to")
        other = pool[int(to)][0] if to is not None and int(to) < len(pool) and int(to) != ci else None
        if target and target[0]:
            fill = paint(area["color"], target[1]) if area.get("color") else target[1]
            st.area = (_rectangles(axes, target[0], fill, float(area["a"]), float(area["b"]), int(area["rectangles"]),
                                   area.get("sample") or "left", g.x_range, g.y_range, k, other)
                       if area.get("rectangles") else
                       _area(axes, target[0], fill, float(area["a"]), float(area["b"]), g.x_range, g.y_range, other))
            st.area_at = _inside(target[0], other, float(area["a"]), float(area["b"]), g.x_range, g.y_range)
            if area.get("label"):
                lab = _label(area["label"], theme, theme["text"], k, width=16)
                a, b = sorted((float(area["a"]), float(area["b"])))
                mid = (max(a, x0) + min(b, x1)) / 2
                top = target[0](mid)
                base = min(max(0.0, y0), y1)
                yv = base + 0.35 * ((top if math.isfinite(top) else base) - base)
                lab.move_to(axes.c2p(mid, min(max(yv, y0), y1)))
                if any(_overlaps(lab, t) for t in g.taken):
                    _place_or_column(g, lab, st.area, directions=(UP, DOWN))
                else:
                    g.taken.append(lab)
                st.area = VGroup(st.area, lab)
                parts[area["label"]] = st.area
    for m in (markers or [])[:6]:
        st.markers.add(_marker(g, theme, m, k, parts))
    for seg in (segments or [])[:8]:
        st.segments.add(_segment(g, theme, seg, k, parts))
    for p in (points or [])[:12]:
        st.point_mobs.add(_point(g, theme, p, k, parts))
    for j, sr in enumerate((series or [])[:6]):
        st.series.add(_series(g, theme, sr, len(g.curves) + j, k, parts))
    if move_dot:
        ci = int(move_dot.get("curve", 0))
        target = pool[ci] if ci < len(pool) else (g.curves[-1] if g.curves else None)
        if target and target[0]:
            path = _path(axes, target[0], float(move_dot["x0"]), float(move_dot["x1"]), g.x_range, g.y_range)
            if path is not None:
                dot = Dot(path.get_start(), radius=0.09 * k, color=colour(theme, "point", "#FFD54F"))
                st.dot, st.path = dot, path
                if move_dot.get("label"):
                    lab = _label(move_dot["label"], theme, colour(theme, "point", "#FFD54F"), k, width=16)
                    lab.next_to(dot, UR, buff=0.05)
                    lab.add_updater(lambda m, d=dot: m.next_to(d, UR, buff=0.05))
                    st.dot_label = lab
                if move_dot.get("readout"):
                    st.readout = _readout(g, theme, move_dot, dot, k)
    for m in st.curve_mobs:
        st.add(m)
    st.add(*st.curve_labels)
    if st.area is not None:
        st.add(st.area)
    st.add(st.markers, st.segments, st.series, st.point_mobs)
    if st.dot is not None:
        st.add(st.path.set_stroke(opacity=0), st.dot)  # the path moves with the plot when it is laid out
        if st.dot_label is not None:
            st.add(st.dot_label)
        if getattr(st, "readout", None) is not None:
            st.add(st.readout)
    st.parts = parts
    return st


def _inside(f, lower, a: float, b: float, xr, yr) -> tuple[float, float] | None:
    """A point well inside the area from a to b (axes coordinates): halfway up at the middle of its stretch."""
    (x0, x1), (y0, y1) = xr[:2], yr[:2]
    a, b = sorted((max(a, x0), min(b, x1)))
    mid = (a + b) / 2
    try:
        top = f(mid)
        base = lower(mid) if lower is not None else min(max(0.0, y0), y1)
    except Exception:  # noqa: BLE001 — a formula undefined there: no point
        return None
    if not (math.isfinite(top) and math.isfinite(base)):
        return None
    return mid, min(max((top + base) / 2, y0), y1)


def _area_note(g, theme: dict, st, note: dict) -> None:
    """The text for the shaded area drawn last: beside it with an arrow pointing into it, or inside it."""
    owner = next((s for s in reversed(g.stages) if getattr(s, "area", None) is not None), None)
    if owner is None or not note.get("text"):
        return
    axes = g.axes
    k = axes.width / g.base_width
    at = getattr(owner, "area_at", None)
    tip = np.array(axes.c2p(*at)) if at else owner.area.get_center()
    lab = _label(note["text"], theme, theme["text"], k, width=16)
    if not note.get("arrow", True):
        lab.move_to(tip)
        if any(_overlaps(lab, t) for t in g.taken):
            _place_or_column(g, lab, owner.area, directions=(UP, DOWN))
        else:
            g.taken.append(lab)
        st.note = VGroup(lab)
    else:
        best = None
        for d in (RIGHT + DOWN, RIGHT, DOWN, RIGHT + UP, LEFT + DOWN, UP):
            cand = lab.copy().move_to(tip + np.array(d) * (1.3 * k) + np.array(d) * lab.width / 2)
            cost = _crossings(g, cand) + (0 if _within(g, cand) else 100)
            if best is None or cost < best[0]:
                best = (cost, cand)
        lab = best[1]
        start = lab.get_critical_point(_toward(lab.get_center(), tip))
        arrow = Arrow(start, tip, buff=0.08, color=theme["text"], stroke_width=2.5 * k, tip_length=0.16 * k,
                      max_tip_length_to_length_ratio=0.35)
        g.taken.append(lab)
        st.note = VGroup(lab, arrow)
    st.add(st.note)
    st.parts[note["text"]] = st.note


def _toward(centre, tip) -> np.ndarray:
    """The side of a label facing `tip` (for where its arrow leaves it)."""
    d = np.array(tip) - np.array(centre)
    return np.array([np.sign(d[0]) if abs(d[0]) > 0.3 else 0, np.sign(d[1]) if abs(d[1]) > 0.3 else 0, 0])


def _within(g, mob) -> bool:
    """Whether `mob` stays inside the frame of the axes (with a margin for the curves' labels)."""
    box = g.frame
    return mob.get_left()[0] >= box.get_left()[0] - 0.8 and mob.get_right()[0] <= box.get_right()[0] + 0.8 and \
        mob.get_bottom()[1] >= box.get_bottom()[1] - 0.3 and mob.get_top()[1] <= box.get_top()[1] + 0.3


def _readout(g, theme, move_dot: dict, dot, k: float):
    """A timer or counter at the axes' top left that reads `start` where the dot starts and `end` where it stops,
    in step with it (by how far along x the dot has come), as "t = 1.23 s"."""
    from ...components.plot import readout_text

    r = move_dot["readout"]
    x0, x1 = float(move_dot["x0"]), float(move_dot["x1"])
    a, b = float(r["start"]), float(r["end"])
    corner = g.axes.c2p(g.x_range[0], g.y_range[1])

    def value() -> float:
        x = g.axes.p2c(dot.get_center())[0]
        f = 0.0 if x1 == x0 else min(1.0, max(0.0, (x - x0) / (x1 - x0)))
        return a + (b - a) * f

    def place(m):
        m.move_to(g.axes.c2p(g.x_range[0], g.y_range[1]), aligned_edge=UL).shift(RIGHT * 0.5 * k + DOWN * 0.1 * k)
        return m

    col = colour(theme, "text", theme["text"])
    out = VGroup(place(text(readout_text(r, a), theme, size=24 * k + 4, color=col, math=True)))
    out.corner = corner

    def redraw(m):
        new = place(text(readout_text(r, value()), theme, size=24 * k + 4, color=col, math=True))
        m.become(new)
        m.text = getattr(new, "text", None)  # what the inspector reads (become copies the shape, not the words)

    out.submobjects[0].add_updater(redraw)
    return out


def _series(g, theme, sr: dict, idx: int, k: float, parts: dict) -> VGroup:
    """A data line: straight pieces through the points in order (clipped to the axes), a dot at each, its label at
    the last point."""
    col = curve_colour(theme, idx, {"color": sr.get("color"), "label": sr.get("label"), "expr": ""},
                       kind_hint="bars histogram" if sr.get("bars") else "")  # "Bars: #58C4DD fill"
    (x0, x1, _), (y0, y1, _) = g.x_range, g.y_range
    pts = [(min(max(float(a), x0), x1), min(max(float(b), y0), y1)) for a, b in sr["points"]]
    if sr.get("bars"):
        return _bars(g, theme, sr, pts, col, k, parts)
    line = VMobject(color=col, stroke_width=3 * k).set_points_as_corners([g.axes.c2p(a, b) for a, b in pts])
    joined = sr.get("joined", True)
    if not joined:
        line.set_stroke(opacity=0)  # the dots alone (it still "draws", invisibly, so the pieces enter in order)
    piece = VGroup(line)
    piece.line = line
    if sr.get("dots", True) or not joined:
        piece.add(VGroup(*[Dot(g.axes.c2p(a, b), radius=(0.05 if joined else 0.08) * k, color=col) for a, b in pts]))
    if sr.get("label"):
        lab = _label(sr["label"], theme, col, k, width=20)
        _place_or_column(g, lab, g.axes.c2p(*pts[-1]))
        piece.add(lab)
        parts[sr["label"]] = piece
    return piece


def _bars(g, theme, sr: dict, pts, col, k: float, parts: dict) -> VGroup:
    """A bar from the x axis up to each point, 0.7 of the gap between neighbours wide (a histogram's bins, a die's
    six equal bars); the label over the tallest."""
    (x0, x1, _), (y0, y1, _) = g.x_range, g.y_range
    xs = sorted(a for a, _ in pts)
    gap = min((b - a for a, b in zip(xs, xs[1:]) if b > a), default=(x1 - x0) / 10)
    base = min(max(0.0, y0), y1)
    bars = VGroup()
    for a, b in pts:
        lo, hi = g.axes.c2p(a - 0.35 * gap, base), g.axes.c2p(a + 0.35 * gap, b)
        w, h = abs(hi[0] - lo[0]), abs(hi[1] - lo[1])
        bar = Rectangle(width=max(w, 0.02), height=max(h, 0.001), stroke_color=col, stroke_width=1.5 * k,
                        fill_color=col, fill_opacity=0.6)
        bars.add(bar.move_to([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, 0]))
    piece = VGroup(bars)
    piece.line, piece.bars = bars, True  # (what the entrance grows from the axis first)
    if sr.get("label"):
        lab = _label(sr["label"], theme, col, k, width=20)
        mid = bars.get_center()[0]  # over the tallest bar; of equal ones, the middle one
        top = max(bars, key=lambda r: (round(r.get_top()[1], 3), -abs(r.get_center()[0] - mid)))
        _place_or_column(g, lab, top, directions=(UP, UR, RIGHT))
        piece.add(lab)
        parts[sr["label"]] = piece
    return piece


def _area(axes, f, col, a: float, b: float, xr, yr, lower=None):
    """The area under f from a to b down to the x axis — or, with `lower`, between the two curves."""
    (x0, x1, _), (y0, y1, _) = xr, yr
    a, b = sorted((a, b))
    a, b = max(a, x0), min(b, x1)
    base = min(max(0.0, y0), y1)
    if lower is not None:
        pts = [axes.c2p(x, base if not math.isfinite(y) else min(max(y, y0), y1)) for x, y in sample(f, a, b, 160)]
        pts += [axes.c2p(x, base if not math.isfinite(y) else min(max(y, y0), y1))
                for x, y in reversed(sample(lower, a, b, 160))]
        return Polygon(*pts, stroke_width=0, fill_color=col, fill_opacity=0.3)
    pts = [axes.c2p(a, base)]
    for x, y in sample(f, a, b, 160):
        y = base if not math.isfinite(y) else min(max(y, y0), y1)
        pts.append(axes.c2p(x, y))
    pts.append(axes.c2p(b, base))
    return Polygon(*pts, stroke_width=0, fill_color=col, fill_opacity=0.3)


def _path(axes, f, x_start: float, x_end: float, xr, yr):
    (x0, x1, _), (y0, y1, _) = xr, yr
    pts = []
    for x, y in sample(f, x_start, x_end, 160):
        if math.isfinite(y) and y0 <= y <= y1 and x0 <= x <= x1:
            pts.append(axes.c2p(x, y))
    if len(pts) < 2:
        return None
    v = VMobject()
    v.set_points_as_corners(pts)
    return v


def _marker(g, theme, m: dict, k: float, parts: dict) -> VGroup:
    axes = g.axes
    (x0, x1, _), (y0, y1, _) = g.x_range, g.y_range
    col = colour(theme, "axes", GREY).interpolate(ManimColor(theme["text"]), 0.3)
    v = float(m.get("value", 0))
    if m.get("axis") == "y":
        v = min(max(v, y0), y1)
        line = DashedLine(axes.c2p(x0, v), axes.c2p(x1, v), color=col, stroke_width=2 * k, dash_length=0.1)
        side = (UP + RIGHT, DOWN + RIGHT, UP + LEFT)
    else:
        v = min(max(v, x0), x1)
        line = DashedLine(axes.c2p(v, y0), axes.c2p(v, y1), color=col, stroke_width=2 * k, dash_length=0.1)
        side = (UP, UR, DOWN)
    out = VGroup(line)
    if m.get("label"):
        lab = _label(m["label"], theme, dim_text(theme), k, width=18)
        anchor = line.get_end() if m.get("axis") != "y" else line.get_start()
        holder = Dot(anchor, radius=0.001)
        _place_or_column(g, lab, holder, directions=side)
        out.add(lab)
        parts[m["label"]] = out
    return out


def _segment(g, theme, seg: dict, k: float, parts: dict) -> VGroup:
    """A straight segment between two points of the plane (clipped to the axes), its label beside its middle."""
    axes = g.axes
    (x0, x1, _), (y0, y1, _) = g.x_range, g.y_range
    a, b = ([min(max(float(p[0]), x0), x1), min(max(float(p[1]), y0), y1)] for p in (seg["start"], seg["end"]))
    col = paint(seg["color"], theme["accent"]) if seg.get("color") else ManimColor(theme["accent"])
    style = seg.get("style") or "line"
    if abs(a[0] - b[0]) < 1e-9 and abs(a[1] - b[1]) < 1e-9:
        return VGroup()  # a segment of no length (or clipped to a point by the axes): nothing to draw
    if style not in ("line", "dashed"):
        return _span(g, theme, a, b, style, col, seg.get("label"), k, parts)
    line = Line(axes.c2p(*a), axes.c2p(*b), color=col, stroke_width=4 * k) if style == "line" else \
        DashedLine(axes.c2p(*a), axes.c2p(*b), color=dim_text(theme) if not seg.get("color") else col,
                   stroke_width=2 * k, dash_length=0.1 * k)
    g.seg_ends = getattr(g, "seg_ends", []) + [(tuple(a), tuple(b))]  # for right-angle marks at their corners
    out = VGroup(line)
    if seg.get("label"):
        lab = _label(seg["label"], theme, col, k, width=18)
        d = line.get_unit_vector()
        normal = [d[1], -d[0], 0] if abs(d[0]) >= abs(d[1]) else [-d[1], d[0], 0]  # below a level one, right of a steep one
        lab.next_to(line.get_center(), normal, buff=0.12)
        if any(_overlaps(lab, t) for t in g.taken):
            _place_or_column(g, lab, line)
        else:
            g.taken.append(lab)
        out.add(lab)
        parts[seg["label"]] = out
    return out


def _crossings(g, mob) -> int:
    """How many points of the curves and labels on the plot lie inside the box of `mob` (a place to avoid)."""
    lo, hi = mob.get_corner(DOWN + LEFT), mob.get_corner(UP + RIGHT)
    pts = [p for _, _, c in g.curves for p in c.get_all_points()[::4]]
    n = sum(1 for p in pts if lo[0] <= p[0] <= hi[0] and lo[1] <= p[1] <= hi[1])
    return n + 40 * sum(1 for t in g.taken if _overlaps(mob, t))


def _span(g, theme, a, b, style: str, col, label, k: float, parts: dict) -> VGroup:
    """A brace (its label at the tip) or a double-headed arrow (its label beside its middle) over the stretch from a
    to b, on the side the curves and labels leave free (into the axes when both are)."""
    axes = g.axes
    p, q = np.array(axes.c2p(*a)), np.array(axes.c2p(*b))
    if np.linalg.norm(q - p) < 1e-3:
        return VGroup()
    inner = np.array(axes.c2p((g.x_range[0] + g.x_range[1]) / 2, (g.y_range[0] + g.y_range[1]) / 2))
    d = (q - p) / np.linalg.norm(q - p)
    normal = np.array([-d[1], d[0], 0.0])
    if np.dot(inner - (p + q) / 2, normal) < 0:
        normal = -normal  # into the axes first: a brace along the ground opens upward
    lab = _label(label, theme, col, k, width=18) if label else None
    options = []
    for side in (normal, -normal):
        if style == "brace":
            mark = BraceBetweenPoints(p, q, direction=side, color=col, buff=0.04 * k)
            tips = [mark.get_tip()]
        else:
            mark = DoubleArrow(p, q, buff=0, color=col, stroke_width=3 * k, tip_length=0.18 * k,
                               max_tip_length_to_length_ratio=0.4)
            tips = [p + (q - p) * t for t in (0.5, 0.75, 0.25)]  # beside the middle, else nearer an end
        for tip in tips:
            piece = VGroup(mark)
            if lab is not None:
                piece.add(lab.copy().next_to(tip, side, buff=0.1))
            cost = _crossings(g, piece if style == "brace" else piece[-1])
            options.append((cost, len(options), piece))
    _, _, out = min(options, key=lambda o: o[:2])
    if lab is not None:
        g.taken.append(out[-1])
        parts[label] = out
    return out


def _rectangles(axes, f, fill, a: float, b: float, n: int, where: str, x_range, y_range, k: float,
                lower=None) -> VGroup:
    """A Riemann sum: n rectangles of equal width from a to b, each as tall as the curve at its left end, right end or
    middle (clipped to the axes) — standing on the x axis, or, with `lower`, reaching from that curve to f."""
    (x0, x1, _), (y0, y1, _) = x_range, y_range
    a, b = sorted((max(min(a, x1), x0), max(min(b, x1), x0)))
    n = max(1, min(int(n), 64))
    dx = (b - a) / n if b > a else 0.0
    base = min(max(0.0, y0), y1)
    out = VGroup()
    for j in range(n if dx else 0):
        left = a + j * dx
        xs = left + {"left": 0.0, "right": dx, "mid": dx / 2}.get(where, 0.0)
        try:
            h = float(f(xs))
            low = float(lower(xs)) if lower is not None else base
        except (ArithmeticError, ValueError, TypeError):
            continue
        if not (math.isfinite(h) and math.isfinite(low)):
            continue
        top, bottom = min(max(h, y0), y1), min(max(low, y0), y1)
        corners = [axes.c2p(left, bottom), axes.c2p(left + dx, bottom), axes.c2p(left + dx, top), axes.c2p(left, top)]
        out.add(Polygon(*corners, color=fill, stroke_width=1.5 * k).set_fill(fill, opacity=0.35))
    return out


def _right_angle(g, at: tuple[float, float], k: float, theme):
    """The small square in the corner the two segments meeting at `at` make (None when fewer than two meet there)."""
    axes = g.axes
    corner = np.array(axes.c2p(*at))
    ways = []
    for a, b in getattr(g, "seg_ends", []):
        for here, there in ((a, b), (b, a)):
            if abs(here[0] - at[0]) < 1e-9 and abs(here[1] - at[1]) < 1e-9:
                d = np.array(axes.c2p(*there)) - corner
                if np.linalg.norm(d) > 1e-6:
                    ways.append(d / np.linalg.norm(d))
    if len(ways) < 2:
        return None
    size = 0.22 * k
    u, v = ways[0] * size, ways[1] * size
    return VMobject(color=colour(theme, "point", "#FFD54F"), stroke_width=2.5 * k).set_points_as_corners(
        [corner + u, corner + u + v, corner + v])


def _point(g, theme, p: dict, k: float, parts: dict) -> VGroup:
    axes = g.axes
    (x0, x1, _), (y0, y1, _) = g.x_range, g.y_range
    x = min(max(float(p.get("x", 0)), x0), x1)
    y = min(max(float(p.get("y", 0)), y0), y1)
    col = paint(p["color"], "#FFD54F") if p.get("color") else colour(theme, "point", "#FFD54F")
    if p.get("hollow"):
        dot = Circle(radius=0.09 * k, color=col, stroke_width=3 * k).set_fill(ManimColor(theme["background"]), 1)
        dot.move_to(axes.c2p(x, y))
    else:
        dot = Dot(axes.c2p(x, y), radius=0.08 * k, color=col)
    for t in g.numbers:
        if _overlaps(t, dot, pad=0.02):
            t.set_opacity(0)  # a tick number under the point: the point wins
            if t in g.taken:
                g.taken.remove(t)
    out = VGroup(dot)
    if p.get("right_angle"):
        mark = _right_angle(g, (x, y), k, theme)
        if mark is not None:
            out.add(mark)
    if p.get("label"):
        lab = _label(p["label"], theme, col, k, width=18)
        _place_or_column(g, lab, dot)
        out.add(lab)
        parts[p["label"]] = out
    return out


# ----------------------------------------------------------------------------- animation
def _budget(run_time: float, slot: float | None) -> float:
    return max(run_time, min((slot or run_time) * 0.85, 7.0))


def enter(mob, run_time: float, slot: float | None = None):
    """Axes, then the first stage. `slot` (the beat's length) lets curves and the dot take their time."""
    b = _budget(run_time, slot)
    has_stage = bool(mob.stages and len(mob.stages[0]))
    t_axes = min(1.0, b * (0.3 if has_stage else 0.7))
    steps = [Create(mob.axes, run_time=t_axes)]
    if len(mob.frame) > 1:
        steps.append(FadeIn(VGroup(*mob.frame[1:]), run_time=min(0.6, b * 0.15)))
    if has_stage:
        steps.extend(stage_animations(mob.stages[0], b - t_axes))
    return steps


def stage_animations(st, budget: float) -> list:
    out = []
    n_curves = len(st.curve_mobs)
    has_dot = st.dot is not None
    share_curves = 0.5 if has_dot else 0.75
    if n_curves:
        per = max(0.4, min(1.5, budget * share_curves / n_curves))
        for i, m in enumerate(st.curve_mobs):
            anims = [Create(m)] if len(m) else []
            if i < len(st.curve_labels):
                anims.append(FadeIn(st.curve_labels[i], shift=0.1 * LEFT))
            elif n_curves > len(st.curve_labels) and i == n_curves - 1:
                anims.extend(FadeIn(x) for x in st.curve_labels[i:])
            if anims:
                out.append(AnimationGroup(*anims, run_time=per))
    small = max(0.3, min(0.8, budget * 0.12))
    if st.area is not None:
        out.append(FadeIn(st.area, run_time=small))
    if len(st.markers):
        out.append(Create(st.markers, run_time=small))
    if len(st.segments):
        out.append(Create(st.segments, run_time=small))
    if len(st.series):  # the lines drawn left to right together, then their dots and labels
        out.append(AnimationGroup(*[AnimationGroup(*[GrowFromEdge(r, DOWN) for r in sr.line], lag_ratio=0.15)
                                    if getattr(sr, "bars", False) else Create(sr.line) for sr in st.series],
                                  run_time=max(0.6, min(3.0, budget * 0.5))))
        rest = [x for sr in st.series for x in sr[1:]]
        if rest:
            out.append(FadeIn(VGroup(*rest), run_time=small))
    if len(st.point_mobs):
        out.append(FadeIn(st.point_mobs, scale=0.8, run_time=small))
    note = getattr(st, "note", None)
    if note is not None:
        out.append(AnimationGroup(FadeIn(note[0]), *[GrowArrow(a) for a in note[1:]], run_time=max(small, 0.6)))
    if has_dot:
        intro = [st.dot] + ([st.dot_label] if st.dot_label is not None else []) + (
            [st.readout] if getattr(st, "readout", None) is not None else [])
        out.append(FadeIn(VGroup(*intro), scale=0.5, run_time=min(0.4, small)))
        out.append(MoveAlongPath(st.dot, st.path, rate_func=smooth,
                                 run_time=max(0.6, min(2.5, budget * 0.35))))
    return out


def find_plot(scene):
    for m in reversed(getattr(scene, "body", [])):
        if hasattr(m, "axes") and hasattr(m, "stages"):
            return m
    return None


def extend(scene, *, slot: float, strings=(), curves=(), move_dot=None, area=None, markers=(), points=(),
           segments=(), replace: bool = False, series=(), area_note=None, **new_plot) -> None:
    """Add curves/area/markers/points/a moving dot to the plot on screen (or draw a new plot); with
    `replace`, the new curves take the place of the ones on screen."""
    g = find_plot(scene)
    if g is None:
        mob = build(scene.theme, curves=curves, move_dot=move_dot, area=area, markers=markers, points=points,
                    segments=segments, series=series, **new_plot)
        scene.show(mob, lambda m, rt: enter(m, rt, slot), slot=slot, strings=strings)
        return
    last = next((st for st in reversed(g.stages) if st.curve_mobs), None)
    if replace and curves and last is not None:
        # "Transform it into …": the curves drawn last give way; earlier ones (the function approximated) stay
        old = list(last.curve_mobs) + list(last.curve_labels)
        scene.play(*[FadeOut(m) for m in old], run_time=min(0.5, scene.run_time(slot, 0.5)))
        for m in old:
            for st in g.stages:
                st.remove(m)
            g.remove(m)
        g.taken = [t for t in g.taken if t not in old]
        g.curves = [c for c in g.curves if c[2] not in old]
        last.curve_mobs, last.curve_labels = [], []
    if area and area.get("rectangles"):
        # "Then show 8 rectangles": a finer Riemann sum takes the place of the coarser one
        old = [st.area for st in g.stages if getattr(st, "riemann", False) and st.area is not None]
        if old:
            scene.play(*[FadeOut(m) for m in old], run_time=min(0.4, scene.run_time(slot, 0.4)))
            for st in g.stages:
                if st.area in old:
                    st.remove(st.area)
                    st.area, st.riemann = None, False
    st = _stage(g, scene.theme, curves=list(curves or [])[:6], move_dot=move_dot, area=area, markers=markers,
                points=points, segments=segments, series=series)
    if area_note:
        _area_note(g, scene.theme, st, area_note)
    _refit(scene, g, st, slot)
    for a in stage_animations(st, _budget(scene.run_time(slot, 1.0), slot)):
        scene.play(a)
    # Joined to the plot only now: a part of a group already on screen would show before its own
    # animation starts (the second curve fully drawn while the first one is being created).
    g.add(st)
    g.stages.append(st)
    g.parts.update(st.parts)
    scene.named.append((tuple(strings), g))


def _refit(scene, g, st, slot: float) -> None:
    """If the new parts would leave the body area, shrink/shift the plot (animated) and them with it."""
    both = VGroup(*g, *st) if len(st) else g
    pinned = getattr(scene, "pinned", None) is g  # in the left half, beside the notes: it keeps that half
    beside = getattr(scene, "pinned", None) in scene.body and not pinned  # in the right half, a figure left of it
    top, bottom = _free_band(scene, g)
    if top - bottom < 0.5 * both.height and len(scene.body) > 1 and not pinned:
        # the text stacked above and below leaves no room: clear it rather than shrink the plot to a thumbnail
        others = [m for m in scene.body if m is not g and not (beside and m is scene.pinned)]
        scene.play(*[FadeOut(m) for m in others], run_time=min(0.5, scene.run_time(slot, 0.5)))
        scene.body = [m for m in scene.body if m not in others]
        scene.named = [n for n in scene.named if n[1] in scene.body or n[1] is scene.title_mob]
        top, bottom = _free_band(scene, g)
    area_w, area_h = (COLUMN_W, top - bottom) if pinned or beside else (BODY_W, top - bottom)
    k = min(1.0, area_w / both.width, area_h / both.height)
    centre = both.get_center()
    target_y = min(max(centre[1], bottom + both.height * k / 2), top - both.height * k / 2)
    # keep the composition centred, as seed002 does (or centred in its half)
    shift = [(-COLUMN_X if pinned else COLUMN_X if beside else 0) - centre[0], target_y - centre[1], 0]
    if k >= 0.999 and abs(shift[0]) < 0.3 and abs(shift[1]) < 1e-3:
        return
    anim = g.animate.scale(k, about_point=centre).shift(shift)
    st.scale(k, about_point=centre).shift(shift)
    scene.play(anim, run_time=min(0.6, scene.run_time(slot, 0.6)))


def _free_band(scene, g) -> tuple[float, float]:
    """The vertical band the plot may use: under what is stacked above it, over what is stacked below."""
    top = BODY_TOP if scene.title_mob is not None else SAFE_Y
    bottom = BODY_BOTTOM
    y = g.get_center()[1]
    for m in scene.body:
        if m is g or getattr(scene, "pinned", None) in (g, m):
            continue  # (a plot in the left half has the whole height: the notes are beside it; a figure pinned in the
            # left half is beside a plot in the right one, not above or below it)
        if m.get_center()[1] > y:
            top = min(top, m.get_bottom()[1] - 0.35)
        else:
            bottom = max(bottom, m.get_top()[1] + 0.35)
    return top, bottom
