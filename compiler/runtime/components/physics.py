"""physics: a setting (ground with hatching, a cliff, a table, an incline) drawn to scale in metres, bodies
at a fixed readable size resting on it, labelled force / velocity / acceleration arrows from their centres,
a projectile whose dashed trajectory, range R, flight time t and height h are computed from its numbers,
an ellipse orbit travelled as Kepler says (equal areas), and motion along a path with a running readout.

World coordinates (metres, y up) map to the picture by one uniform scale, so a trajectory keeps its shape;
bodies keep their size whatever the scale. Steps (launch, orbit, move, vector, remove, label) run in turn;
without steps the picture's motions run after it appears.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Circle, Create, DashedVMobject, Dot,
                   Ellipse, FadeIn, FadeOut, GrowArrow, Line, ManimColor, Polygon, Rectangle, RoundedRectangle,
                   Square, Transform, UpdateFromAlphaFunc, VGroup, VMobject, linear)

from ...components.physics import (body_name, flight, fmt, impact_labels, impact_velocity, refracted,
                                   spring_period)
from ..style import text
from .icon import _person
from .physics_lens import build_lens
from .physics_field import charge_disc, field_lines as trace_field_lines
from .physics_gas import build_gas, change as gas_change, enter_gas
from .physics_pendulum import build_pendulum, swing
from .plot import dim_text, paint

FORCE = "#FF7043"
VELOCITY = "#66BB6A"
ACCEL = "#FFD54F"
BODY = "#4FC3F7"
GROUND = "#8A8FA3"
TRAJ = "#FFD54F"
STAR = "#FFD54F"
SMALL = 20
LABEL = 22
BOX_W, BOX_H = 10.5, 4.2  # the picture's world part, in scene units
ORIGIN3 = np.zeros(3)


# ----------------------------------------------------------------------------- geometry (world, metres)
def trajectory(speed: float, angle: float, height: float, g: float, n: int = 60) -> list[tuple[float, float]]:
    """Points of the flight from (0, height) until it lands at y = 0."""
    _, t_end = flight(speed, angle, height, g)
    vx, vy = speed * math.cos(math.radians(angle)), speed * math.sin(math.radians(angle))
    return [(vx * t, height + vy * t - g * t * t / 2) for t in (t_end * k / n for k in range(n + 1))]


def kepler(e: float, mean_anomaly: float) -> float:
    """Eccentric anomaly E with E - e sin E = M (Newton, bounded)."""
    E = mean_anomaly if e < 0.8 else math.pi
    for _ in range(30):
        step = (E - e * math.sin(E) - mean_anomaly) / (1 - e * math.cos(E))
        E -= step
        if abs(step) < 1e-10:
            break
    return E


def direction_angle(d, slope: float) -> float:
    """A vector direction (name or degrees) as degrees; `slope` is the incline's angle (0 elsewhere)."""
    if isinstance(d, (int, float)):
        return float(d)
    return {"right": 0.0, "up": 90.0, "left": 180.0, "down": 270.0, "down_slope": -slope, "up_slope": 180 - slope,
            "normal": 90 - slope, "into_slope": 270 - slope}.get(d, 270.0)


def path_length(points) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def along(points, s: float) -> tuple[float, float]:
    """The point at distance s along the polyline."""
    for a, b in zip(points, points[1:]):
        d = math.dist(a, b)
        if s <= d or b is points[-1]:
            k = 0 if d == 0 else min(1.0, s / d)
            return (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k)
        s -= d
    return tuple(points[-1])


# ----------------------------------------------------------------------------- shapes (scene units)
def _shape(kind: str, col, theme):
    fill = ManimColor(theme["background"]).interpolate(ManimColor(col), 0.35)
    if kind == "block":
        m = Rectangle(width=0.8, height=0.55, color=col, stroke_width=3).set_fill(fill, 1)
    elif kind == "car":
        body = RoundedRectangle(width=1.1, height=0.32, corner_radius=0.08, color=col, stroke_width=3)
        body.set_fill(fill, 1).shift(0.2 * UP)
        cabin = Polygon([-0.3, 0.36, 0], [0.25, 0.36, 0], [0.18, 0.6, 0], [-0.22, 0.6, 0], color=col,
                        stroke_width=3).set_fill(fill, 1)
        wheels = VGroup(*[Circle(radius=0.12, color=col, stroke_width=3).set_fill(theme["background"], 1)
                          .move_to([x, 0.04, 0]) for x in (-0.32, 0.32)])
        m = VGroup(body, cabin, wheels).move_to([0, 0, 0])
    elif kind == "planet":
        m = Circle(radius=0.3, color=col, stroke_width=3).set_fill(fill, 1)
    elif kind == "star":
        m = VGroup(Circle(radius=0.42, color=STAR, stroke_width=0).set_fill(STAR, 0.25),
                   Circle(radius=0.3, color=STAR, stroke_width=3).set_fill(STAR, 0.9))
    elif kind == "person":
        m = _person(col).scale(1.1)
    elif kind == "point":
        m = Dot(radius=0.07, color=col)  # a place (the midpoint P): what acts there is drawn from it
    else:  # ball
        m = Circle(radius=0.24, color=col, stroke_width=3).set_fill(fill, 1)
    return m


def _hatched_ground(a, b, col) -> VGroup:
    """A ground line from a to b (scene points) with short hatches under it."""
    line = Line(a, b, color=col, stroke_width=3)
    n = max(2, int(np.linalg.norm(b - a) / 0.35))
    hatch = VGroup(*[Line(a + (b - a) * k / n, a + (b - a) * k / n + np.array([-0.16, -0.16, 0]), color=col,
                          stroke_width=1.5) for k in range(1, n + 1)])
    return VGroup(line, hatch)


def _box(m, pad: float = 0.05):
    return (m.get_left()[0] - pad, m.get_bottom()[1] - pad, m.get_right()[0] + pad, m.get_top()[1] + pad)


def _hits(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(mob, at, direction, taken: list, step: float = 0.2) -> None:
    """Put `mob` beside the point `at` on the side `direction`, moving further out until it is free."""
    d = np.array(direction, dtype=float)
    d = d / (np.linalg.norm(d) or 1.0)
    for k in range(14):
        off = 0.5 * abs(d[0]) * mob.width + 0.5 * abs(d[1]) * mob.height + 0.12 + k * step
        mob.move_to(np.array(at) + d * off)
        if not any(_hits(_box(mob), t) for t in taken):
            break
        if k == 6:  # try the other side of the direction's normal
            d = np.array([d[0] * 0.3 - d[1], d[1] * 0.3 + d[0], 0.0])
            d = d / np.linalg.norm(d)
    taken.append(_box(mob))


def vector_colour(v: dict):
    default = {"force": FORCE, "velocity": VELOCITY, "acceleration": ACCEL}.get(v.get("type", "force"), FORCE)
    return paint(v.get("color"), default) if v.get("color") else ManimColor(default)


# ----------------------------------------------------------------------------- build
def _setting(setting, bodies, projectile, path, height) -> str:
    if setting:
        return setting
    if projectile:
        h = projectile.get("height") if projectile.get("height") is not None else (height or 0)
        return "cliff" if h > 0 else "ground"
    if path:
        return "ground"
    return "none"


def build(theme: dict, *, setting=None, height=None, angle: float = 30, bodies=(), vectors=(), projectile=None,
          orbit=None, path=None, caption=None, steps=(), color=None, vector_sum=None, refraction=None, spring=None,
          lens=None, pendulum=None, gas=None, field_lines: bool = False):
    bodies = [dict(b) for b in bodies or []]
    setting = _setting(setting, bodies, projectile, path, height)
    ground_col = dim_text(theme)
    slope = float(angle) if setting == "incline" else 0.0
    # --- the world: what must be in view, in metres
    h = float(height) if height else (float(projectile["height"]) if projectile and projectile.get("height")
                                      else 10.0)
    if projectile and projectile.get("height") is not None:
        launch_h = float(projectile["height"])
    else:
        launch_h = h if setting in ("cliff", "table") else 0.0
    pts: list[tuple[float, float]] = []
    traj = None
    R = T = 0.0
    if projectile:
        g_ = float(projectile.get("g", 9.8))
        traj = trajectory(float(projectile["speed"]), float(projectile.get("angle", 0)), launch_h, g_)
        R, T = flight(float(projectile["speed"]), float(projectile.get("angle", 0)), launch_h, g_)
        pts += traj
    span = max([abs(p[0]) for p in pts] + [abs(p[1]) for p in pts] + [launch_h, 1.0])
    ledge_w = max(0.3 * launch_h, 0.22 * span, 1.0)
    L = 10.0  # incline length
    if setting in ("cliff", "table"):
        pts += [(-ledge_w, 0.0), (-ledge_w, launch_h)]
    if setting == "incline":
        pts += [(0.0, 0.0), (L, 0.0), (0.0, L * math.tan(math.radians(slope)))]
    if path:
        pts += [tuple(p) for p in path["points"]]
    # default resting points
    rest: dict[int, tuple[float, float]] = {}
    row = 0
    thrown = _thrown(bodies, projectile)
    mover = _mover(bodies, path)
    for k, b in enumerate(bodies):
        if b.get("at"):
            rest[k] = (float(b["at"][0]), float(b["at"][1]))
        elif k == thrown:
            rest[k] = (0.0, launch_h)
        elif k == mover and path:
            rest[k] = tuple(path["points"][0])
        elif setting in ("cliff", "table") and k == 0:
            rest[k] = (-0.15 * ledge_w, launch_h)
        elif setting == "incline" and k == 0:
            rest[k] = (L * 0.45, L * 0.55 * math.tan(math.radians(slope)))
        else:
            rest[k] = (3.0 * row, 0.0)
            row += 1
    pts += list(rest.values())
    if not pts:
        pts = [(0.0, 0.0)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys + [0.0] if setting != "none" else ys), max(ys)
    if setting == "ground" and x1 - x0 < 0.6 * (y1 - y0):  # a tall scene (a body dropped from high): ground to stand on
        extra = 0.6 * (y1 - y0) - (x1 - x0)
        x0, x1 = x0 - extra / 2, x1 + extra / 2
    if setting in ("ground", "cliff", "table"):
        x1 = max(x1, x0 + 1.0) + 0.12 * max(x1 - x0, 3.0)
        x0 -= 0.06 * max(x1 - x0, 3.0)
    w, hh = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    s = min(BOX_W / w, BOX_H / hh, 1.6)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2

    def P(x, y) -> np.ndarray:
        return np.array([(x - cx) * s, (y - cy) * s, 0.0])

    g = VGroup()
    g.theme, g.slope, g.setting, g.scale0 = theme, slope, setting, s
    taken: list = []
    # --- the setting
    scenery = VGroup()
    if setting in ("ground", "cliff", "table", "incline"):
        left = P(x0, 0) if setting != "incline" else P(min(x0, -1.5), 0)
        right = P(x1, 0) if setting != "incline" else P(max(x1, L + 1.5), 0)
        scenery.add(_hatched_ground(left, right, ground_col))
    if setting == "cliff":
        cliff = Polygon(P(x0, 0), P(x0, launch_h), P(0, launch_h), P(0, 0), color=ground_col, stroke_width=3)
        cliff.set_fill(ManimColor(theme["background"]).interpolate(ground_col, 0.25), 1)
        scenery.add(cliff)
        if not projectile and launch_h > 0:
            # its height, marked beside its face ("a double-headed arrow next to the cliff with label "20 m""); a
            # throw marks it with the range instead
            hx = P(x0, 0)[0] - 0.25
            hp, hq = np.array([hx, P(0, 0)[1], 0]), np.array([hx, P(0, launch_h)[1], 0])
            h_dim = VGroup(Line(hp, hq, color=theme["text"], stroke_width=2),
                           *[Line(q + LEFT * 0.12, q + RIGHT * 0.12, color=theme["text"], stroke_width=2) for q in (hp, hq)])
            h_text = text(fmt(launch_h, "m"), theme, size=LABEL, color=theme["text"], math=True)
            h_text.next_to((hp + hq) / 2, LEFT, buff=0.14)
            scenery.add(h_dim, h_text)
    if setting == "table":
        top = Rectangle(width=float(np.linalg.norm(P(0, 0) - P(-ledge_w, 0))), height=0.12, color=ground_col,
                        stroke_width=2).set_fill(ground_col, 0.6)
        top.move_to((P(-ledge_w, launch_h) + P(0, launch_h)) / 2 + DOWN * 0.06)
        legs = VGroup(*[Line(P(x, launch_h) + DOWN * 0.12, P(x, 0), color=ground_col, stroke_width=3)
                        for x in (-0.9 * ledge_w, -0.1 * ledge_w)])
        scenery.add(top, legs)
    if setting == "incline":
        H = L * math.tan(math.radians(slope))
        tri = Polygon(P(0, 0), P(L, 0), P(0, H), color=ground_col, stroke_width=3)
        tri.set_fill(ManimColor(theme["background"]).interpolate(ground_col, 0.2), 1)
        arc_r = 0.7
        from manim import Arc

        arc = Arc(radius=arc_r, start_angle=math.pi, angle=-math.radians(slope), arc_center=P(L, 0),
                  color=ground_col, stroke_width=2)
        th = text(f"{fmt(slope)}°", theme, size=SMALL, color=ground_col)
        mid = math.pi - math.radians(slope) / 2
        th.move_to(P(L, 0) + (arc_r + 0.35) * np.array([math.cos(mid), math.sin(mid), 0]))
        taken.append(_box(th))
        scenery.add(tri, arc, th)
    g.scenery = scenery
    g.add(scenery)
    # --- the path (dashed)
    g.path_mob = None
    if path:
        line = VMobject(color=ground_col, stroke_width=2).set_points_as_corners([P(*p) for p in path["points"]])
        g.path_mob = DashedVMobject(line, num_dashes=max(8, int(path_length(path["points"]) * s / 0.25)))
        g.add(g.path_mob)
    # --- bodies
    g.bodies, g.body_labels, g.names = {}, {}, []
    body_mobs = VGroup()
    normal = np.array([-math.sin(math.radians(slope)), math.cos(math.radians(slope)), 0.0])
    for k, b in enumerate(bodies):
        col = paint(b.get("color"), BODY) if b.get("color") else ManimColor(BODY)
        shape = charge_disc(float(b.get("charge") or 1.0), theme) if b.get("shape") == "charge" else \
            _shape(b.get("shape", "ball"), col, theme)
        if setting == "none":
            shape.scale(1.5)  # a free-body diagram: the body is the picture
        half = shape.height / 2
        on_slope = setting == "incline" and not b.get("at") and k == 0
        if on_slope:
            shape.rotate(-math.radians(slope))
        up = normal if on_slope else UP
        shape.move_to(P(*rest[k]) + (up * half if setting != "none" else 0))
        piece = VGroup(shape)
        piece.shape = shape
        name = body_name(b, k)
        g.bodies[name] = piece
        g.names.append((name, b.get("label"), b.get("shape", "ball")))
        body_mobs.add(piece)
        taken.append(_box(shape))
    for k, b in enumerate(bodies):
        if b.get("label"):
            piece = g.bodies[body_name(b, k)]
            t = text(b["label"], theme, size=LABEL, color=theme["text"], math=True)
            if b.get("shape") == "block" and t.width < piece.shape.width * 0.85 and setting != "incline":
                t.move_to(piece.shape.get_center())  # a mass written on its block
                t.set_z_index(2)
            else:
                _place(t, piece.shape.get_center(), UP if setting != "none" else UP + LEFT, taken)
            piece.add(t)
            g.body_labels[body_name(b, k)] = t
    # --- the electric field lines of the charged bodies (under them)
    g.field = VGroup()
    charged = [(rest[k], float(b["charge"])) for k, b in enumerate(bodies) if b.get("charge")]
    if field_lines and charged:
        half_w, half_h = BOX_W / (2 * s) * 1.15, BOX_H / (2 * s) * 1.15
        g.field = trace_field_lines(charged, (cx - half_w, cx + half_w, cy - half_h, cy + half_h), 0.32 / s,
                                    lambda x, y: P(x, y))
        g.add(g.field)
    g.body_group = body_mobs
    g.add(body_mobs)
    # --- vectors
    g.vectors = VGroup()
    g.vec_by_label = {}
    all_vecs = list(vectors or []) + [v for st in steps or [] for v in st.get("vectors") or []]
    g.max_mag = max([float(v.get("magnitude", 1.0)) for v in all_vecs] + [1e-9])
    for v in vectors or []:
        m = _vector(g, v, taken)
        if m is not None:
            g.vectors.add(m)
    g.add(g.vectors)
    # --- projectile: trajectory, launch velocity, marks
    g.projectile = None
    if projectile:
        k = thrown if thrown is not None else None
        ball = g.bodies[body_name(bodies[k], k)] if k is not None else None
        if ball is None:
            shape = _shape("ball", ManimColor(BODY), theme).move_to(P(0, launch_h) + UP * 0.24)
            ball = VGroup(shape)
            ball.shape = shape
            g.add(ball)
            taken.append(_box(shape))
        lift = ball.shape.get_center() - P(0, launch_h)
        curve = VMobject(color=TRAJ, stroke_width=3).set_points_smoothly([P(*p) + lift for p in traj])
        dashed = DashedVMobject(curve, num_dashes=max(12, int(curve.get_arc_length() / 0.2)))
        a = math.radians(float(projectile.get("angle", 0)))
        vdir = np.array([math.cos(a), math.sin(a), 0.0])
        start = ball.shape.get_center()
        v0 = Arrow(start, start + vdir * 1.2, buff=0, color=VELOCITY, stroke_width=5, max_tip_length_to_length_ratio=0.25)
        v0_lab = text(f"v₀ = {fmt(float(projectile['speed']), 'm/s')}", theme, size=SMALL, color=VELOCITY, math=True)
        _place(v0_lab, start + vdir * 1.2, vdir + 0.6 * UP, taken)
        marks = VGroup()
        if projectile.get("marks", True):
            gy = P(0, 0)[1] - 0.45
            a_, b_ = np.array([P(0, 0)[0], gy, 0]), np.array([P(R, 0)[0], gy, 0])
            dim = VGroup(Line(a_, b_, color=theme["text"], stroke_width=2),
                         *[Line(p + UP * 0.12, p + DOWN * 0.12, color=theme["text"], stroke_width=2) for p in (a_, b_)])
            r_lab = text(f"R = {fmt(R, 'm')}", theme, size=LABEL, color=theme["text"], math=True)
            r_lab.next_to((a_ + b_) / 2, DOWN, buff=0.14)
            t_lab = text(f"t = {fmt(T, 's')}", theme, size=LABEL, color=ACCEL, math=True)
            t_lab.next_to(b_, RIGHT, buff=0.25)
            marks.add(dim, r_lab, t_lab)
            if launch_h > 0:
                hx = P(x0, 0)[0] - 0.25
                hp, hq = np.array([hx, P(0, 0)[1], 0]), np.array([hx, P(0, launch_h)[1], 0])
                hdim = VGroup(Line(hp, hq, color=theme["text"], stroke_width=2),
                              *[Line(p + LEFT * 0.12, p + RIGHT * 0.12, color=theme["text"], stroke_width=2)
                                for p in (hp, hq)])
                h_lab = text(f"h = {fmt(launch_h, 'm')}", theme, size=LABEL, color=theme["text"], math=True)
                h_lab.next_to((hp + hq) / 2, LEFT, buff=0.14)
                marks.add(hdim, h_lab)
        impact = VGroup()
        if projectile.get("impact"):
            impact = _impact(theme, projectile, launch_h, P(R, 0) + lift, taken)
        g.projectile = dict(ball=ball, curve=dashed, v0=VGroup(v0, v0_lab), marks=marks, T=T, R=R,
                            world=traj, lift=lift, impact=impact, shadows=bool(projectile.get("shadows")))
        g.add(dashed, g.projectile["v0"], marks, impact)  # in the group (so it fits), on screen when launched
    # --- orbit: beside the rest, in its own scene units
    g.orbit = None
    if orbit is not None:
        g.orbit = _orbit(theme, orbit)
        if len(g) > 0 and bodies:
            g.orbit.group.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.orbit.group)
    # --- a vector sum: head to tail, beside the rest
    g.sum = None
    if vector_sum:
        g.sum = _vector_sum(theme, vector_sum)
        if len(g) > 0 and (bodies or projectile or orbit is not None):
            g.sum.group.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.sum.group)
    # --- a ray crossing a boundary
    g.optics = None
    if refraction:
        g.optics = _optics(theme, refraction)
        if len(g) > 0 and (bodies or projectile or orbit is not None or vector_sum):
            g.optics.group.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.optics.group)
    # --- a block on a spring
    g.spring = None
    if spring:
        g.spring = _spring(theme, spring)
        if len(g) > 0 and (bodies or projectile or orbit is not None or vector_sum or refraction):
            g.spring.group.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.spring.group)
    # --- a thin lens with its rays
    g.lens = None
    if lens:
        g.lens = build_lens(theme, lens)
        if len(g) > 0 and (bodies or projectile or orbit is not None or vector_sum or refraction or spring):
            g.lens.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.lens)
    # --- a simple pendulum
    g.pendulum = None
    if pendulum:
        g.pendulum = build_pendulum(theme, pendulum)
        if len(g) > 0 and (bodies or projectile or orbit is not None or vector_sum or refraction or spring or lens):
            g.pendulum.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.pendulum)
    # --- a gas in a cylinder
    g.gas = None
    if gas:
        g.gas = build_gas(theme, gas)
        if len(g) > 0 and (bodies or projectile or orbit is not None or vector_sum or refraction or spring or lens
                           or pendulum):
            g.gas.next_to(VGroup(*[m for m in g]), RIGHT, buff=0.8)
        g.add(g.gas)
    # --- readout (time / distance / speed), above the picture's right end
    g.readout = None
    g.path = path
    g.mover = mover
    kind = "time" if projectile else (path.get("readout", "time") if path else "none")
    if kind != "none":
        g.readout_kind = kind
        r = text(_readout(kind, 0.0, path), theme, size=LABEL, color=ACCEL)
        r.move_to([g.get_right()[0] - r.width / 2, g.get_top()[1] + 0.2 + r.height / 2, 0])
        g.readout = r
        g.add(r)
    # --- caption
    g.caption = None
    if caption:
        cap = text(caption, theme, size=LABEL, color=theme["text"], width_chars=60)
        cap.move_to([g.get_center()[0], g.get_bottom()[1] - 0.3 - cap.height / 2, 0])
        g.caption = cap
        g.add(cap)
    # invisible ruler: where world (0, 0) and (1, 0) are, moved and scaled with the group
    g.ruler = VGroup(Dot(P(0, 0), radius=0.001, fill_opacity=0, stroke_opacity=0),
                     Dot(P(0, 0) + RIGHT * s, radius=0.001, fill_opacity=0, stroke_opacity=0))
    g.add(g.ruler)
    g.steps = list(steps or [])
    g.parts = {**{lab: g.bodies[n] for n, lab, _ in g.names if lab}, **g.vec_by_label}
    if g.sum is not None:
        g.parts.update(g.sum.parts)
    if g.optics is not None:
        g.parts.update(g.optics.parts)
    if g.spring is not None:
        g.parts.update(g.spring.parts)
    if g.lens is not None:
        g.parts.update(g.lens.parts)
    if g.pendulum is not None:
        g.parts.update(g.pendulum.parts)
    if g.gas is not None:
        g.parts.update(g.gas.parts)
    if caption:
        g.parts[caption] = g.caption
    g.sbc_kind = "physics"
    g.grow = 1.3
    return g


def _impact(theme, projectile, launch_h: float, landing, taken: list) -> VGroup:
    """The velocity where it lands, drawn as a right triangle above the landing point: vx right, vy down, v along
    the hypotenuse, with the angle below the horizontal."""
    from manim import Arc

    vx, vy, v, below = impact_velocity(float(projectile["speed"]), float(projectile.get("angle", 0)), launch_h,
                                       float(projectile.get("g", 9.8)))
    k = 1.2 / max(abs(vx), abs(vy), 1e-9)
    ax, ay = vx * k, vy * k  # ay < 0
    origin = landing + UP * (abs(ay) + 0.35)
    tip_x, tip = origin + RIGHT * ax, origin + np.array([ax, ay, 0.0])
    arrows = VGroup(Arrow(origin, tip_x, buff=0, color=BODY, stroke_width=4, max_tip_length_to_length_ratio=0.2),
                    Arrow(tip_x, tip, buff=0, color=VELOCITY, stroke_width=4, max_tip_length_to_length_ratio=0.2),
                    Arrow(origin, tip, buff=0, color=ACCEL, stroke_width=5, max_tip_length_to_length_ratio=0.15))
    lx, ly, lv, la = (text(s, theme, size=SMALL, color=c, math=True) for s, c in zip(impact_labels(
        float(projectile["speed"]), float(projectile.get("angle", 0)), launch_h, float(projectile.get("g", 9.8))),
        (BODY, VELOCITY, ACCEL, theme["text"])))
    lx.next_to(arrows[0], UP, buff=0.1)
    ly.next_to(arrows[1], RIGHT, buff=0.1)
    lv.move_to((origin + tip) / 2 + np.array([-0.3, -0.3, 0]) + LEFT * lv.width / 2)
    arc = Arc(radius=0.45, start_angle=0, angle=-math.radians(below), arc_center=origin, color=theme["text"],
              stroke_width=2)
    la.move_to(origin + 0.75 * np.array([math.cos(-math.radians(below) / 2), math.sin(-math.radians(below) / 2), 0])
               + RIGHT * la.width / 2)
    for t in (lx, ly, lv, la):
        taken.append(_box(t))
    return VGroup(arrows, arc, lx, ly, lv, la)


def _thrown(bodies, projectile):
    if not projectile or not bodies:
        return None
    want = projectile.get("body")
    for k, b in enumerate(bodies):
        if want in (body_name(b, k), b.get("label"), b.get("shape")):
            return k
    if want is None:
        balls = [k for k, b in enumerate(bodies) if b.get("shape", "ball") == "ball"]
        return balls[0] if balls else 0
    return 0


def _mover(bodies, path):
    if not path or not bodies:
        return None
    want = path.get("body")
    for k, b in enumerate(bodies):
        if want in (body_name(b, k), b.get("label"), b.get("shape")):
            return k
    return 0


def _readout(kind: str, value: float, path) -> str:
    if kind == "distance":
        return f"d = {value:.1f} m"
    if kind == "speed":
        return f"v = {fmt(float(path.get('speed', 1.0)) if path else 0.0, 'm/s')}"
    return f"t = {value:.2f} s"


def _find_body(g, ref):
    if ref is None:
        return next(iter(g.bodies.values()), None)
    for name, label, shape in g.names:
        if ref in (name, label, shape):
            return g.bodies[name]
    return None


def _vector(g, v: dict, taken: list, k: float = 1.0):
    body = _find_body(g, v.get("body"))
    if body is None:
        return None
    col = vector_colour(v)
    a = math.radians(direction_angle(v.get("direction", "down"), g.slope))
    d = np.array([math.cos(a), math.sin(a), 0.0])
    length = (0.75 + 0.85 * float(v.get("magnitude", 1.0)) / g.max_mag) * k
    centre = body.shape.get_center()
    hw, hh = body.shape.width / 2, body.shape.height / 2
    edge = min(hw / abs(d[0]) if abs(d[0]) > 1e-6 else 99.0, hh / abs(d[1]) if abs(d[1]) > 1e-6 else 99.0)
    same = [m for m in g.vectors if m.body is body and float(np.dot(m.dir, d)) > 0.98]
    side = np.array([-d[1], d[0], 0.0]) * 0.32 * k * len(same)  # parallel to one drawn: beside it
    start = centre + d * edge * 0.9 + side
    arrow = Arrow(start, start + d * length, buff=0, color=col, stroke_width=5 * min(1, k + 0.2),
                  max_tip_length_to_length_ratio=0.3)
    arrow.set_z_index(3)
    piece = VGroup(arrow)
    piece.body, piece.dir = body, d
    if v.get("label"):
        t = text(v["label"], g.theme, size=LABEL, color=col, math=True).scale(k)
        _place(t, start + d * length, d, taken, 0.15 * k)
        piece.add(t)
        g.vec_by_label[v["label"]] = piece
    return piece


SUM_COLOURS = (BODY, VELOCITY, FORCE, "#CE93D8", "#80CBC4")
SUM_SIZE = 4.2  # the longer side of a vector sum, in scene units


def sum_points(arrows) -> list[tuple[float, float]]:
    """The corners of a head-to-tail chain: the first tail at (0, 0), then each tip in turn."""
    pts = [(0.0, 0.0)]
    for a in arrows:
        pts.append((pts[-1][0] + float(a.get("dx", 0)), pts[-1][1] + float(a.get("dy", 0))))
    return pts


def _vector_sum(theme, vs: dict):
    """Arrows head to tail from one point, labelled at their middles on the side away from the figure, the
    resultant from the first tail to the last tip, and the angle between the first arrow and the resultant."""
    arrows = list(vs.get("arrows") or [])
    pts = sum_points(arrows)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    k = SUM_SIZE / max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    P = [np.array([x * k, y * k, 0.0]) for x, y in pts]
    centre = sum(P) / len(P)
    grp, taken = VGroup(), []

    def label(s, col, a, b):
        t = text(s, theme, size=LABEL, color=col, math=True)
        mid = (a + b) / 2
        d = b - a
        n = np.array([-d[1], d[0], 0.0]) / max(float(np.linalg.norm(d)), 1e-9)
        if float(np.dot(n, mid - centre)) < 0:
            n = -n
        if float(np.linalg.norm(mid - centre)) < 1e-6:
            n = UP
        _place(t, mid, n, taken, 0.15)
        return t

    out = type("Sum", (), {})()
    out.arrows, out.parts = VGroup(), {}
    for j, a in enumerate(arrows):
        if np.allclose(P[j], P[j + 1]):
            continue
        col = paint(a.get("color"), SUM_COLOURS[j % len(SUM_COLOURS)]) if a.get("color") else ManimColor(
            SUM_COLOURS[j % len(SUM_COLOURS)])
        piece = VGroup(Arrow(P[j], P[j + 1], buff=0, color=col, stroke_width=6, max_tip_length_to_length_ratio=0.12))
        taken.append(_box(piece[0]))
        if a.get("label"):
            piece.add(label(a["label"], col, P[j], P[j + 1]))
            out.parts[a["label"]] = piece
        out.arrows.add(piece)
    grp.add(out.arrows)
    out.resultant = out.angle = None
    if vs.get("resultant", True) and not np.allclose(P[0], P[-1]):
        col = paint(vs.get("color"), ACCEL) if vs.get("color") else ManimColor(ACCEL)
        piece = VGroup(Arrow(P[0], P[-1], buff=0, color=col, stroke_width=7, max_tip_length_to_length_ratio=0.12))
        if vs.get("label"):
            piece.add(label(vs["label"], col, P[0], P[-1]))
            out.parts[vs["label"]] = piece
        out.resultant = piece
        grp.add(piece)
        out.first, out.origin = (P[1] - P[0]), P[0]
        out.res = P[-1] - P[0]
        out.k = k
        if vs.get("angle") is not None:
            out.angle = sum_angle(theme, out, vs["angle"])
            grp.add(out.angle)
    out.group = grp
    return out


def sum_angle(theme, out, label: str, scale: float = 1.0) -> VGroup:
    """The arc between the sum's first arrow and its resultant, at their common tail, with its label."""
    from manim import Arc

    a0 = math.atan2(out.first[1], out.first[0])
    a1 = math.atan2(out.res[1], out.res[0])
    turn = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
    origin = out.resultant[0].get_start()
    r = 0.6 * scale
    arc = Arc(radius=r, start_angle=a0, angle=turn, arc_center=origin, color=theme["text"], stroke_width=3)
    pieces = VGroup(arc)
    if label:
        t = text(label, theme, size=LABEL, color=theme["text"], math=True).scale(scale)
        mid = a0 + turn / 2
        t.move_to(origin + (r + 0.12 * scale + max(t.width, t.height) / 2) * np.array([math.cos(mid), math.sin(mid), 0]))
        pieces.add(t)
    return pieces


SPRING = "#C8C8C8"
SPRING_REST = 3.2   # scene units from the wall to the block's face at equilibrium
SPRING_SWING = 1.1  # scene units the amplitude is drawn as
BLOCK = 1.0


def zigzag(x0: float, x1: float, y: float, coils: int = 9, h: float = 0.22) -> list:
    """The points of a spring from x0 to x1 at height y: straight ends, `coils` zigzags between."""
    lead = 0.18
    pts = [np.array([x0, y, 0.0]), np.array([x0 + lead, y, 0.0])]
    n = 2 * coils
    for j in range(1, n):
        x = x0 + lead + (x1 - x0 - 2 * lead) * j / n
        pts.append(np.array([x, y + (h if j % 2 else -h), 0.0]))
    pts += [np.array([x1 - lead, y, 0.0]), np.array([x1, y, 0.0])]
    return pts


def _spring(theme, sp: dict):
    """A hatched wall on the left, the floor, a zigzag spring to a block resting at equilibrium (a dashed line
    labelled there), k and the period T = 2π√(m/k) under it; `.place(x)` sets the block x metres from equilibrium,
    the spring stretching with it."""
    out = type("Spring", (), {})()
    out.amplitude, out.cycles = float(sp.get("amplitude", 0.1)), float(sp.get("cycles", 2))
    out.parts = {}
    wall_x, floor_y = -SPRING_REST - 0.4, -BLOCK / 2
    wall = VGroup(Line([wall_x, floor_y, 0], [wall_x, floor_y + 1.6, 0], color=GROUND, stroke_width=4))
    for j in range(7):  # hatching behind the wall
        y = floor_y + 0.1 + j * 0.22
        wall.add(Line([wall_x, y, 0], [wall_x - 0.22, y - 0.18, 0], color=GROUND, stroke_width=2))
    floor = Line([wall_x, floor_y, 0], [SPRING_SWING + BLOCK + 0.9, floor_y, 0], color=GROUND, stroke_width=3)
    col = ManimColor(BODY)
    block = Square(side_length=BLOCK, color=col, stroke_width=3).set_fill(col, 0.35)
    block.move_to([BLOCK / 2 - 0.0, floor_y + BLOCK / 2, 0])
    out.face0 = 0.0  # the block's left face at equilibrium (scene x)
    out.wall_x, out.y = wall_x, floor_y + BLOCK / 2
    coil = VMobject(color=SPRING, stroke_width=3).set_points_as_corners(zigzag(wall_x, out.face0, out.y))
    eq = DashedVMobject(Line([out.face0 + BLOCK / 2, floor_y - 0.15, 0], [out.face0 + BLOCK / 2, floor_y + BLOCK + 0.5, 0],
                             color=dim_text(theme), stroke_width=2), num_dashes=12)
    eq_lab = text(sp.get("equilibrium") or "x = 0", theme, size=SMALL, color=dim_text(theme), math=True)
    eq_lab.next_to(eq, UP, buff=0.08)
    out.parts[sp.get("equilibrium") or "x = 0"] = eq_lab
    out.block = VGroup(block)
    if sp.get("label"):
        lab = text(sp["label"], theme, size=LABEL, color=theme["text"], math=True)
        lab.move_to(block.get_center())
        out.block.add(lab)
        out.parts[sp["label"]] = out.block
    info = []
    if sp.get("k"):
        info.append(f"k = {fmt(float(sp['k']), 'N/m')}")
    T = spring_period(sp.get("k"), sp.get("mass"))
    if T is not None:
        info.append(f"T = {fmt(T, 's')}")
    out.info = VGroup(*[text(s, theme, size=LABEL, color=theme["text"]) for s in info])  # (N/m is no fraction)
    if len(out.info):
        out.info.arrange(RIGHT, buff=0.5).next_to(floor, DOWN, buff=0.25)
        for s, m in zip(info, out.info):
            out.parts[s] = m
    out.coil, out.scenery = coil, VGroup(wall, floor, eq, eq_lab)
    out.group = VGroup(out.scenery, coil, out.block, out.info)
    return out


def _oscillate(scene, g, step: dict, motion: float) -> None:
    """Pulled out to the amplitude, then released: x(t) = A cos(2π t / T) for the spring's cycles, slowed so a cycle
    takes at least 1.2 s on screen."""
    o = g.spring
    if o is None:
        return
    k = float(np.linalg.norm(o.scenery[1].get_end() - o.scenery[1].get_start())) / (
        SPRING_SWING + BLOCK + 0.9 - o.wall_x)
    wall = o.scenery[0][0].get_start()[0]
    face0 = wall + (o.face0 - o.wall_x) * k
    y = o.coil.get_center()[1]

    def at(x):  # the block's left face x (scene units, already scaled)
        o.block.shift(RIGHT * (x - o.block[0].get_left()[0]))
        o.coil.set_points_as_corners(zigzag(wall, x, y, h=0.22 * k))

    moving = VGroup(o.block, o.coil)  # both redrawn every frame
    pull = max(0.4, min(1.0, motion * 0.25))
    scene.play(UpdateFromAlphaFunc(moving, lambda m, a: at(face0 + SPRING_SWING * k * a)), run_time=pull)
    cycles = max(0.5, o.cycles)
    total = max(1.2 * cycles, motion - pull)
    scene.play(UpdateFromAlphaFunc(moving, lambda m, a: at(face0 + SPRING_SWING * k * math.cos(2 * math.pi * cycles * a))),
               run_time=total, rate_func=linear)


RAY = "#FFE066"
GLASS = "#58C4DD"
RAY_LEN = 2.6   # scene units from the point where the ray meets the boundary
OPT_W = 3.6     # half the width of the boundary drawn


def _medium_fill(theme, n: float):
    """A denser medium is a deeper blue (n = 1, air: nothing)."""
    k = max(0.0, min(1.0, (n - 1.0) / 1.0))
    return ManimColor(theme["background"]).interpolate(ManimColor(GLASS), 0.12 + 0.3 * k) if n > 1.01 else None


def _optics(theme, r: dict):
    """The boundary (y = 0) between two media with their labels, the dashed normal, the incident ray coming down from
    the upper left, the refracted ray (Snell's law) or, past the critical angle, the totally reflected one, the angle
    arcs with their labels; `.rays(angle)` redraws the rays for another angle of incidence (a sweep)."""
    n1, n2 = float(r.get("n1", 1.0)), float(r.get("n2", 1.5))
    out = type("Optics", (), {})()
    out.n1, out.n2, out.theme = n1, n2, theme
    out.labels = list(r.get("labels") if r.get("labels") is not None else ["θ₁", "θ₂"])
    out.reflected, out.ghost = bool(r.get("reflected")), bool(r.get("ghost"))
    grp = VGroup()
    back = VGroup()
    for sign, n in ((1, n1), (-1, n2)):
        fill = _medium_fill(theme, n)
        if fill is not None:
            back.add(Rectangle(width=2 * OPT_W, height=RAY_LEN + 0.3, stroke_width=0).set_fill(fill, 1)
                     .move_to([0, sign * (RAY_LEN + 0.3) / 2, 0]))
    line = Line([-OPT_W, 0, 0], [OPT_W, 0, 0], color=theme["text"], stroke_width=3)
    normal = DashedVMobject(Line([0, RAY_LEN + 0.2, 0], [0, -RAY_LEN - 0.2, 0], color=dim_text(theme), stroke_width=2),
                            num_dashes=24)
    top = text(r.get("top") or f"n₁ = {n1:g}", theme, size=LABEL, color=theme["text"], math=True)
    top.move_to([OPT_W - 0.15 - top.width / 2, RAY_LEN - 0.1, 0])
    bottom = text(r.get("bottom") or f"n₂ = {n2:g}", theme, size=LABEL, color=theme["text"], math=True)
    bottom.move_to([OPT_W - 0.15 - bottom.width / 2, -RAY_LEN + 0.1, 0])
    if r.get("normal"):
        nl = text(r["normal"], theme, size=SMALL, color=dim_text(theme))
        nl.next_to(normal, UP, buff=0.08)
        normal = VGroup(normal, nl)
    out.frame = VGroup(back, line, normal, top, bottom)
    out.parts = {(r.get("top") or f"n₁ = {n1:g}"): top, (r.get("bottom") or f"n₂ = {n2:g}"): bottom}
    grp.add(out.frame)
    out.angle = float(r.get("angle", 45))
    out.ray_group = _rays(out, out.angle)
    grp.add(out.ray_group)
    out.group = grp
    return out


def _rays(o, angle: float) -> VGroup:
    """The rays for one angle of incidence, always the same parts in the same order — incident, refracted,
    reflected, the "total internal reflection" label, the ghost, the two angle marks — those not there for this
    angle drawn invisible, so a sweep can morph one set into the next."""
    from manim import Arc

    a = math.radians(angle)
    theme = o.theme
    inc_dir = np.array([math.sin(a), -math.cos(a), 0.0])  # travelling down and to the right
    t2 = refracted(o.n1, o.n2, angle)
    refl_dir = np.array([math.sin(a), math.cos(a), 0.0])

    def ray(p, q, width=5.0, opacity=1.0):
        m = Arrow(p, q, buff=0, color=RAY, stroke_width=width, max_tip_length_to_length_ratio=0.1)
        return m.set_opacity(opacity) if opacity < 1 else m

    incident = ray(-inc_dir * RAY_LEN, ORIGIN3)
    if t2 is not None:
        b = math.radians(t2)
        refr = ray(ORIGIN3, np.array([math.sin(b), -math.cos(b), 0.0]) * RAY_LEN)
        refl = ray(ORIGIN3, refl_dir * RAY_LEN * 0.7, 2.0, 0.5 if o.reflected else 0.0)
    else:  # total internal reflection: nothing gets out, all of it comes back
        b = math.pi / 2
        refr = ray(ORIGIN3, RIGHT * RAY_LEN, 5.0, 0.0)
        refl = ray(ORIGIN3, refl_dir * RAY_LEN)
    tir = text("total internal reflection", theme, size=SMALL, color=RAY)
    tir.move_to(refl_dir * RAY_LEN + DOWN * 0.4)
    tir.shift(LEFT * max(0.0, tir.get_right()[0] - (OPT_W - 0.1)))
    if t2 is not None:
        tir.set_opacity(0.0)
    ghost = DashedVMobject(Line(ORIGIN3, inc_dir * RAY_LEN, color=RAY, stroke_width=2), num_dashes=14)
    ghost.set_stroke(opacity=0.45 if o.ghost else 0.0)

    def mark(from_angle: float, sweep: float, label: str | None, shown: bool, r: float = 0.7):
        piece = VGroup(Arc(radius=r, start_angle=from_angle, angle=max(sweep, 1e-3), color=theme["text"], stroke_width=2))
        if label:
            mid = from_angle + sweep / 2
            t = text(label, theme, size=SMALL, color=theme["text"], math=True)
            t.move_to((r + 0.15 + max(t.width, t.height) / 2) * np.array([math.cos(mid), math.sin(mid), 0]))
            piece.add(t)
        return piece if shown else piece.set_opacity(0.0)

    lab1 = o.labels[0] if o.labels else None
    lab2 = o.labels[1] if len(o.labels) > 1 else None
    arc1 = mark(math.pi / 2, a, lab1, angle > 0.5)  # from the upward normal toward the incoming ray
    arc2 = mark(-math.pi / 2, b, lab2, t2 is not None and t2 > 0.5)
    if t2 is None:
        o.parts["total internal reflection"] = tir
    for lab, m in ((lab1, arc1), (lab2, arc2)):
        if lab:
            o.parts[lab] = m
    return VGroup(incident, refr, refl, tir, ghost, arc1, arc2)


def _sweep(scene, g, step: dict, rt: float) -> None:
    """The angle of incidence turns to `degrees`; the rays follow (redrawn every frame)."""
    o = g.optics
    if o is None:
        return
    a0, a1 = o.angle, float(step.get("degrees", o.angle))
    k = float(np.linalg.norm(g.optics.frame[1].get_end() - g.optics.frame[1].get_start())) / (2 * OPT_W)
    centre = g.optics.frame[1].get_center()
    old = o.ray_group

    def turn(m, alpha):
        fresh = _rays(o, a0 + (a1 - a0) * alpha).scale(k, about_point=ORIGIN3).shift(centre)
        m.become(fresh)  # the same parts for every angle (see _rays)

    scene.remove(*old.get_family())  # the rays entered one by one: from now on they are one group, redrawn
    scene.play(UpdateFromAlphaFunc(old, turn), run_time=max(rt, 1.5))
    o.angle = a1


def _orbit(theme, o: dict):
    e = float(o.get("eccentricity", 0.3))
    a = 2.6
    b = a * math.sqrt(1 - e * e)
    c = a * e
    ring = Ellipse(width=2 * a, height=2 * b, color=GROUND, stroke_width=2)
    ring = DashedVMobject(ring, num_dashes=60)
    star = _shape("star", STAR, theme).move_to([c, 0, 0])
    planet = _shape("planet", ManimColor(BODY), theme).scale(0.7).move_to([a, 0, 0])
    s_lab = text(o.get("center", "Sun"), theme, size=LABEL, color=STAR)
    s_lab.next_to(star, DOWN, buff=0.12)
    p_lab = text(o.get("body", "Earth"), theme, size=LABEL, color=theme["text"])
    p_lab.next_to(planet, RIGHT, buff=0.12)
    grp = VGroup(ring, star, s_lab, planet, p_lab)
    vel = None
    if o.get("velocity"):
        vel = Arrow(planet.get_center(), planet.get_center() + UP * 1.0, buff=0, color=VELOCITY, stroke_width=5,
                    max_tip_length_to_length_ratio=0.3)
        grp.add(vel)

    class O:
        pass

    out = O()
    out.group, out.ring, out.star, out.planet, out.p_lab, out.s_lab, out.vel = grp, ring, star, planet, p_lab, s_lab, vel
    out.e, out.a, out.b, out.revs = e, a, b, float(o.get("revolutions", 1.0))
    # the ellipse's centre and axes, tracked through scaling: two invisible anchors
    out.anchors = VGroup(Dot([0, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0),
                         Dot([a, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0))
    grp.add(out.anchors)
    return out


def _orbit_point(o, frac: float):
    """Where the planet is after `frac` of a period from perihelion, and its velocity direction (scene units)."""
    c0, c1 = o.anchors[0].get_center(), o.anchors[1].get_center()
    k = np.linalg.norm(c1 - c0) / o.a
    E = kepler(o.e, 2 * math.pi * frac)
    pos = c0 + k * np.array([o.a * math.cos(E), o.b * math.sin(E), 0.0])
    vel = np.array([-o.a * math.sin(E), o.b * math.cos(E), 0.0]) / (1 - o.e * math.cos(E))
    return pos, vel, k


def enter(mob, run_time: float):
    out = []
    if len(mob.scenery):
        out.append(Create(mob.scenery, run_time=max(0.3, run_time * 0.35)))
    if mob.path_mob is not None:
        out.append(Create(mob.path_mob, run_time=max(0.2, run_time * 0.2)))
    if len(mob.body_group):
        out.append(AnimationGroup(*[FadeIn(b, scale=0.8) for b in mob.body_group], lag_ratio=0.2,
                                  run_time=max(0.3, run_time * 0.3)))
    if len(getattr(mob, "field", [])):
        out.append(AnimationGroup(*[Create(line) for line in mob.field], run_time=max(0.6, run_time * 0.4)))
    if mob.projectile is not None and mob.projectile["ball"] not in mob.body_group:
        out.append(FadeIn(mob.projectile["ball"], run_time=0.3))
    if len(mob.vectors):
        out.append(AnimationGroup(*[AnimationGroup(GrowArrow(v[0]), *[FadeIn(x) for x in v[1:]])
                                    for v in mob.vectors], lag_ratio=0.3, run_time=max(0.3, run_time * 0.35)))
    if mob.projectile is not None:
        out.append(AnimationGroup(GrowArrow(mob.projectile["v0"][0]), FadeIn(mob.projectile["v0"][1]),
                                  run_time=0.5))
    if mob.orbit is not None:
        o = mob.orbit
        out.append(AnimationGroup(Create(o.ring), FadeIn(o.star), FadeIn(o.s_lab), FadeIn(o.planet), FadeIn(o.p_lab),
                                  *([GrowArrow(o.vel)] if o.vel is not None else []), run_time=max(0.4, run_time * 0.4)))
    if mob.sum is not None:
        sm = mob.sum
        grow = [AnimationGroup(GrowArrow(v[0]), *[FadeIn(x) for x in v[1:]]) for v in sm.arrows]
        if sm.resultant is not None:
            grow.append(AnimationGroup(GrowArrow(sm.resultant[0]), *[FadeIn(x) for x in sm.resultant[1:]]))
        if sm.angle is not None:
            grow.append(Create(sm.angle))
        out.append(AnimationGroup(*grow, lag_ratio=1.0, run_time=max(0.6, run_time * 0.6)))
    if mob.spring is not None:
        s = mob.spring
        out.append(AnimationGroup(Create(s.scenery), Create(s.coil), FadeIn(s.block), FadeIn(s.info),
                                  run_time=max(0.5, run_time * 0.4)))
    if mob.optics is not None:
        o = mob.optics
        out.append(AnimationGroup(FadeIn(o.frame[0]), Create(o.frame[1]), Create(o.frame[2]), FadeIn(o.frame[3]),
                                  FadeIn(o.frame[4]), run_time=max(0.4, run_time * 0.3)))
        out.append(AnimationGroup(*[GrowArrow(m) if isinstance(m, Arrow) else FadeIn(m) for m in o.ray_group
                                    if m.get_stroke_opacity() > 0 or m.get_fill_opacity() > 0],
                                  lag_ratio=0.6, run_time=max(0.6, run_time * 0.5)))
    if mob.pendulum is not None:
        pd = mob.pendulum
        out.append(AnimationGroup(Create(pd[0]), Create(pd[2][0]), FadeIn(pd[2][1]), run_time=max(0.4, run_time * 0.3)))
        rest = [m for m in (pd[1], pd[3], pd[4]) if len(m)] + list(pd[5:])
        if rest:
            out.append(AnimationGroup(*[FadeIn(m) for m in rest], lag_ratio=0.5, run_time=max(0.5, run_time * 0.4)))
    if getattr(mob, "gas", None) is not None:
        out += enter_gas(mob.gas, run_time)
    if mob.lens is not None:
        first, rest = mob.lens.pieces[:3], mob.lens.pieces[3:]
        out.append(AnimationGroup(*[Create(p) for p in first], run_time=max(0.4, run_time * 0.3)))
        if rest:
            out.append(AnimationGroup(*[Create(p) for p in rest], lag_ratio=1.0, run_time=max(0.6, run_time * 0.6)))
    if mob.readout is not None:
        out.append(FadeIn(mob.readout, run_time=0.3))
    if mob.caption is not None:
        out.append(FadeIn(mob.caption, run_time=0.3))
    return out


# ----------------------------------------------------------------------------- steps
def _scale(g) -> float:
    a, b = g.ruler
    return float(np.linalg.norm(b.get_center() - a.get_center())) / g.scale0 if g.scale0 else 1.0


def _world(g, x: float, y: float) -> np.ndarray:
    """World metres to the current scene position (after the group was moved and scaled)."""
    o = g.ruler[0].get_center()
    unit = float(np.linalg.norm(g.ruler[1].get_center() - o))
    return o + np.array([x * unit, y * unit, 0.0])


def _set_readout(g, value: float):
    if g.readout is None:
        return
    k = _scale(g)
    new = text(_readout(g.readout_kind, value, g.path), g.theme, size=LABEL, color=ACCEL).scale(k)
    new.move_to([g.readout.get_left()[0] + new.width / 2, g.readout.get_center()[1], 0])
    g.readout.become(new)


def _launch(scene, g, rt: float) -> None:
    p = g.projectile
    if p is None:
        return
    ball = p["ball"]
    k = _scale(g)
    pts = [_world(g, x, y) + p["lift"] * k for x, y in p["world"]]
    T = p["T"]
    centre0 = ball.get_center().copy()
    shape0 = ball.shape.get_center().copy()
    n = len(pts) - 1

    shadows = VGroup()
    if p["shadows"]:  # on the ground (steady) and on the cliff face, or the launch line (accelerating)
        ground_y = _world(g, 0, 0)[1]
        face_x = _world(g, 0, 0)[0]
        sx, sy = Dot(radius=0.08 * k, color=BODY), Dot(radius=0.08 * k, color=VELOCITY)
        shadows.add(sx, sy, Line(ORIGIN3, RIGHT * 0.01, color=BODY, stroke_width=1.5, stroke_opacity=0.7),
                    Line(ORIGIN3, UP * 0.01, color=VELOCITY, stroke_width=1.5, stroke_opacity=0.7))

    def fly(m, alpha):
        x = alpha * n
        i = min(n - 1, int(x))
        q = pts[i] + (pts[i + 1] - pts[i]) * (x - i)
        m.move_to(centre0 + q - shape0)
        _set_readout(g, alpha * T)
        if len(shadows):
            c = ball.shape.get_center()
            shadows[0].move_to([c[0], ground_y, 0])
            shadows[1].move_to([face_x, c[1], 0])
            shadows[2].put_start_and_end_on(c, np.array([c[0], ground_y, 0]) + UP * 1e-3)
            shadows[3].put_start_and_end_on(c, np.array([face_x, c[1], 0]) + RIGHT * 1e-3)

    riding = [v for v in g.vectors if v.body is ball]  # arrows drawn at the launch point stay behind: fade them
    scene.play(FadeOut(p["v0"]), *[FadeOut(v) for v in riding], run_time=0.3)
    for v in riding:
        g.vectors.remove(v)
    if len(shadows):
        fly(ball, 0.0)
        scene.add(shadows)
        g.add(shadows)
    scene.play(UpdateFromAlphaFunc(ball, fly), Create(p["curve"]), run_time=rt, rate_func=linear)
    _set_readout(g, T)
    if len(shadows):
        scene.play(FadeOut(shadows[2:]), run_time=0.3)
    if len(p["marks"]):
        scene.play(FadeIn(p["marks"]), run_time=0.5)
    if len(p["impact"]):
        a = p["impact"]
        scene.play(*[GrowArrow(x) for x in a[0]], Create(a[1]), *[FadeIn(x) for x in a[2:]], run_time=0.8)


def _revolve(scene, g, rt: float) -> None:
    o = g.orbit
    if o is None:
        return
    lab_off = o.p_lab.get_center() - o.planet.get_center()

    def go(m, alpha):
        pos, vel, k = _orbit_point(o, alpha * o.revs)
        o.planet.move_to(pos)
        o.p_lab.move_to(pos + lab_off)
        if o.vel is not None:
            d = vel / (np.linalg.norm(vel) or 1)
            length = 0.5 * k * float(np.linalg.norm(vel)) / o.a * 1.6 + 0.3 * k
            o.vel.put_start_and_end_on(pos, pos + d * length)

    scene.play(UpdateFromAlphaFunc(o.group, go), run_time=rt, rate_func=linear)


def _move(scene, g, step: dict, rt: float) -> None:
    body = _find_body(g, step.get("body") or (g.path or {}).get("body"))
    if body is None:
        return
    if step.get("to") is not None:
        start = _world_of(g, body.shape.get_center(), body)
        pts = [start, tuple(float(c) for c in step["to"])]
    elif g.path:
        pts = [tuple(float(c) for c in p) for p in g.path["points"]]
    else:
        return
    total = path_length(pts)
    speed = float((g.path or {}).get("speed", 1.0))
    kind = getattr(g, "readout_kind", "time")
    shape0 = body.shape.get_center().copy()
    first = _world(g, *pts[0])
    lift = shape0 - first if step.get("to") is None else shape0 - _world(g, *pts[0])

    riders = VGroup(body, *[v for v in g.vectors if v.body is body])
    centre0 = riders.get_center().copy()

    def go(m, alpha):
        q = _world(g, *along(pts, alpha * total)) + lift
        m.move_to(centre0 + q - shape0)
        _set_readout(g, alpha * total if kind == "distance" else alpha * total / speed)

    scene.play(UpdateFromAlphaFunc(riders, go), run_time=rt, rate_func=linear)


def _world_of(g, p, body) -> tuple[float, float]:
    o = g.ruler[0].get_center()
    unit = float(np.linalg.norm(g.ruler[1].get_center() - o)) or 1.0
    return ((p[0] - o[0]) / unit, (p[1] - o[1]) / unit)


def _add_vectors(scene, g, vectors, rt: float) -> None:
    k = _scale(g)
    taken = [_box(b.shape) for b in g.bodies.values()] + [_box(m) for v in g.vectors for m in v[1:]]
    new = [m for m in (_vector(g, v, taken, k) for v in vectors) if m is not None]
    for m in new:
        g.vectors.add(m)
    if new:
        scene.play(*[AnimationGroup(GrowArrow(m[0]), *[FadeIn(x) for x in m[1:]]) for m in new], run_time=rt)
    g.parts.update(g.vec_by_label)


def _remove(scene, g, labels, rt: float) -> None:
    gone = []
    for lab in labels:
        if lab in g.vec_by_label:
            gone.append(g.vec_by_label.pop(lab))
        else:
            b = _find_body(g, lab)
            if b is not None:
                gone.append(b)
    if gone:
        scene.play(*[FadeOut(m) for m in gone], run_time=rt)
        for m in gone:
            g.vectors.remove(m)
            g.body_group.remove(m)


def _relabel(scene, g, step: dict, rt: float) -> None:
    body = _find_body(g, step.get("body"))
    if body is None:
        return
    k = _scale(g)
    new = text(step.get("text", ""), g.theme, size=LABEL, color=g.theme["text"], math=True).scale(k)
    old = next((m for m in body[1:]), None)
    if old is not None:
        new.move_to(old.get_center())
        scene.play(Transform(old, new), run_time=rt)
        old.text = new.text
    else:
        new.next_to(body.shape, UP, buff=0.15 * k)
        body.add(new)
        scene.play(FadeIn(new), run_time=rt)


def play_step(scene, g, step: dict, rt: float, motion: float) -> None:
    a = step.get("action")
    if a == "launch":
        _launch(scene, g, motion)
    elif a == "orbit":
        _revolve(scene, g, motion)
    elif a == "move":
        _move(scene, g, step, motion)
    elif a == "vector":
        _add_vectors(scene, g, step.get("vectors") or [], rt)
    elif a == "remove":
        _remove(scene, g, step.get("labels") or [], rt)
    elif a == "label":
        _relabel(scene, g, step, rt)
    elif a == "angle":
        _mark_angle(scene, g, step, rt)
    elif a == "sweep":
        _sweep(scene, g, step, motion)
    elif a == "gas":
        if getattr(g, "gas", None) is not None:
            gas_change(scene, g.gas, step.get("gas") or {}, motion)
    elif a == "oscillate":
        if getattr(g, "pendulum", None) is not None:
            swing(scene, g.pendulum, motion)
        else:
            _oscillate(scene, g, step, motion)


def _mark_angle(scene, g, step: dict, rt: float) -> None:
    sm = g.sum
    if sm is None or sm.resultant is None:
        return
    if sm.angle is not None:
        g.remove(sm.angle)
        scene.play(FadeOut(sm.angle), run_time=rt * 0.5)
    k = float(np.linalg.norm(sm.resultant[0].get_end() - sm.resultant[0].get_start())) / max(
        float(np.linalg.norm(sm.res)), 1e-9)
    sm.angle = sum_angle(g.theme, sm, step.get("text") or "", scale=k)
    g.add(sm.angle)
    if step.get("text"):
        g.parts[step["text"]] = sm.angle
    scene.play(Create(sm.angle), run_time=rt)


def default_steps(g) -> list[dict]:
    out = []
    if g.projectile is not None:
        out.append({"action": "launch"})
    if g.orbit is not None:
        out.append({"action": "orbit"})
    if g.path:
        out.append({"action": "move"})
    if getattr(g, "spring", None) is not None:
        out.append({"action": "oscillate"})
    pd = getattr(g, "pendulum", None)
    if pd is not None and float(pd.pendulum.get("swings") or 0) > 0:
        out.append({"action": "oscillate"})
    return out


def run_steps(scene, g, steps, until: float) -> None:
    """Play `steps` (or the picture's own motions) one after another, evenly spread until `until`."""
    steps = list(steps or []) or default_steps(g)
    if not steps or g is None:
        return
    for step, per in scene.paced(steps, until):
        play_step(scene, g, step, max(0.2, min(1.0, per * 0.5)), max(0.8, min(4.0, per * 0.75)))



def find_physics(scene):
    return scene.on_screen("physics")


def extend(scene, *, until: float, slot: float, strings=(), steps=(), vectors=(), **new_picture) -> None:
    """Steps (and more vectors) on the physics picture on screen; with none, this beat's picture is drawn."""
    g = find_physics(scene)
    if g is None:
        if not (new_picture.get("bodies") or new_picture.get("projectile") or new_picture.get("orbit")
                or new_picture.get("vector_sum") or new_picture.get("refraction") or new_picture.get("spring")
                or new_picture.get("lens") or new_picture.get("pendulum") or new_picture.get("gas")):
            return
        g = build(scene.theme, steps=steps, vectors=vectors, **new_picture)
        scene.show(g, enter, slot=slot, strings=strings)
        run_steps(scene, g, steps, until)
        return
    scene.named.append((tuple(strings), g))
    if vectors:
        steps = [{"action": "vector", "vectors": list(vectors)}] + list(steps or [])
    run_steps(scene, g, steps, until)
