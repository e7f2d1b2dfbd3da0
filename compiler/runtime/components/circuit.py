"""circuit: schematic symbols drawn from lines (zigzag resistor, long/short battery plates with a +, a lamp as a
circle with a cross, a switch lever, capacitor plates, lettered meters) on a grid layout: a series loop (the
battery on the left, the others clockwise along the top, right and bottom), or parallel branches as rungs
between two rails. Conventional current leaves the battery's + (top) and runs clockwise; arrows and moving
charges follow it. Bulbs are lit exactly when a closed path runs through them.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Circle, Create, Dot, FadeIn, FadeOut, Line, ManimColor, Rotate,
                   SurroundingRectangle, Transform, Triangle, UpdateFromAlphaFunc, VGroup, VMobject, linear)

from ...components.circuit import element_names, element_text
from ..style import text
from .plot import paint

S = 1.2            # length of a symbol along its wire
WIRE = "#C9CCD6"
SYMBOL = "#4FC3F7"
LIT = "#FFD54F"
CHARGE = "#FFD54F"
CURRENT = "#66BB6A"
LABEL = 22
ROT = {"top": 0.0, "right": -math.pi / 2, "bottom": math.pi, "left": math.pi / 2, "branch": -math.pi / 2}
OUT = {"top": UP, "right": RIGHT, "bottom": DOWN, "left": LEFT, "branch": RIGHT}
FLOW = {"top": RIGHT, "right": DOWN, "bottom": LEFT, "left": UP, "branch": DOWN}


# ----------------------------------------------------------------------------- symbols (horizontal, centred)
def _lead(a: float, b: float, col):
    return Line([a, 0, 0], [b, 0, 0], color=col, stroke_width=3)


def symbol(kind: str, col, theme, is_open: bool = False) -> VGroup:
    h = S / 2
    if kind == "resistor":
        xs = np.linspace(-0.42, 0.42, 9)
        pts = [[-h, 0, 0], [-0.42, 0, 0]] + [[x, 0.16 * (1 if k % 2 else -1) if 0 < k < 8 else 0, 0]
                                              for k, x in enumerate(xs)] + [[h, 0, 0]]
        m = VGroup(VMobject(color=col, stroke_width=3).set_points_as_corners(pts))
    elif kind == "battery":
        plates = VGroup()
        for x, long in ((-0.21, False), (-0.07, True), (0.07, False), (0.21, True)):
            plates.add(Line([x, -(0.3 if long else 0.15), 0], [x, 0.3 if long else 0.15, 0], color=col,
                            stroke_width=3 if long else 6))
        plus = VGroup(Line([0.33, 0.3, 0], [0.49, 0.3, 0], color=col, stroke_width=2.5),
                      Line([0.41, 0.22, 0], [0.41, 0.38, 0], color=col, stroke_width=2.5))
        minus = Line([-0.49, 0.3, 0], [-0.33, 0.3, 0], color=col, stroke_width=2.5)  # beside the short plate
        m = VGroup(_lead(-h, -0.21, col), _lead(0.21, h, col), plates, plus, minus)
    elif kind == "bulb":
        ring = Circle(radius=0.3, color=col, stroke_width=3)
        cross = VGroup(Line([-0.21, -0.21, 0], [0.21, 0.21, 0], color=col, stroke_width=2.5),
                       Line([-0.21, 0.21, 0], [0.21, -0.21, 0], color=col, stroke_width=2.5))
        m = VGroup(_lead(-h, -0.3, col), _lead(0.3, h, col), ring, cross)
        m.ring = ring
    elif kind == "switch":
        a, b = Circle(radius=0.06, color=col, stroke_width=3).move_to([-0.35, 0, 0]), \
            Circle(radius=0.06, color=col, stroke_width=3).move_to([0.35, 0, 0])
        lever = Line([-0.35, 0, 0], [0.35, 0, 0], color=col, stroke_width=3.5)
        if is_open:
            lever.rotate(math.radians(32), about_point=np.array([-0.35, 0, 0]))
        m = VGroup(_lead(-h, -0.41, col), _lead(0.41, h, col), a, b, lever)
        m.lever = lever
    elif kind == "capacitor":
        m = VGroup(_lead(-h, -0.08, col), _lead(0.08, h, col),
                   Line([-0.08, -0.32, 0], [-0.08, 0.32, 0], color=col, stroke_width=4),
                   Line([0.08, -0.32, 0], [0.08, 0.32, 0], color=col, stroke_width=4))
    else:  # ammeter, voltmeter
        ring = Circle(radius=0.3, color=col, stroke_width=3)
        letter = text("A" if kind == "ammeter" else "V", theme, size=LABEL, color=col)
        m = VGroup(_lead(-h, -0.3, col), _lead(0.3, h, col), ring, letter)
        m.letter = letter
    return m


# ----------------------------------------------------------------------------- layout (pure)
def series_sides(n: int) -> tuple[int, int, int]:
    """How many of the n non-battery elements go on the top, right and bottom sides."""
    if n <= 0:
        return 0, 0, 0
    top = min(3, max(1, math.ceil(n / 2)) if n > 2 else 1)
    right = 1 if n >= 2 else 0
    bottom = min(3, n - top - right)
    right += n - top - right - bottom
    return top, right, bottom


def layout(elements: list[dict], mode: str) -> dict:
    """Where each element goes: {index: (side, centre (x, y))}, the loop corners, the branch columns and the
    closed-loop paths (lists of corner points, clockwise from the battery)."""
    loop = [k for k, e in enumerate(elements) if not e.get("across")]
    battery = next((k for k in loop if elements[k]["type"] == "battery"), None)
    place: dict[int, tuple[str, tuple[float, float]]] = {}
    if mode == "parts":  # the symbols side by side, no wires: "a battery symbol … To the right, two resistor zigzags"
        for i, k in enumerate(loop):
            place[k] = ("top", (2.4 * i, 0.0))
        return {"place": place, "w": 2.4 * max(len(loop) - 1, 0), "h": 0.0, "columns": [], "loops": [], "rails": []}
    if mode == "series":
        others = [k for k in loop if k != battery]
        t, r, b = series_sides(len(others))
        w = max(t, b, 1) * 2.4 + 0.6
        h = max(max(r, 1) * 1.9 + 0.9, 3.2)
        top, right, bottom = others[:t], others[t:t + r], others[t + r:]
        for i, k in enumerate(top):
            place[k] = ("top", (w * (i + 1) / (len(top) + 1), h))
        for i, k in enumerate(right):
            place[k] = ("right", (w, h * (len(right) - i) / (len(right) + 1)))
        for i, k in enumerate(bottom):
            place[k] = ("bottom", (w * (len(bottom) - i) / (len(bottom) + 1), 0.0))
        if battery is not None:
            place[battery] = ("left", (0.0, h / 2))
        return {"place": place, "w": w, "h": h, "columns": [], "loops": [[(0, 0), (0, h), (w, h), (w, 0), (0, 0)]],
                "rails": [((0, h), (w, h)), ((w, h), (w, 0)), ((w, 0), (0, 0)), ((0, 0), (0, h))]}
    main = [k for k in loop if not elements[k].get("branch") and k != battery]
    branches = sorted({elements[k]["branch"] for k in loop if elements[k].get("branch")})
    x1 = max(2.4, len(main) * 2.4 + 0.8)
    cols = [x1 + 3.2 * i for i in range(len(branches))]
    rungs = {br: [k for k in loop if elements[k].get("branch") == br] for br in branches}
    h = max(max(len(v) for v in rungs.values()) * 1.9 + 0.9, 3.2)
    for i, k in enumerate(main):
        place[k] = ("top", (x1 * (i + 1) / (len(main) + 1), h))
    for x, br in zip(cols, branches):
        for i, k in enumerate(rungs[br]):
            place[k] = ("branch", (x, h * (len(rungs[br]) - i) / (len(rungs[br]) + 1)))
    if battery is not None:
        place[battery] = ("left", (0.0, h / 2))
    w = cols[-1]
    rails = [((0, h), (w, h)), ((0, 0), (w, 0)), ((0, 0), (0, h))] + [((x, h), (x, 0)) for x in cols]
    return {"place": place, "w": w, "h": h, "columns": list(zip(cols, branches)),
            "loops": [[(0, 0), (0, h), (x, h), (x, 0), (0, 0)] for x in cols], "rails": rails}


def lit_bulbs(elements: list[dict], mode: str, open_switches: set[int]) -> set[int]:
    """Indices of the bulbs a closed path runs through."""
    loop = [k for k, e in enumerate(elements) if not e.get("across")]
    has_source = any(elements[k]["type"] == "battery" for k in loop)
    if not has_source:
        return set()
    blocked = lambda ks: any(k in open_switches or elements[k]["type"] == "capacitor" for k in ks)  # noqa: E731
    bulbs = {k for k in loop if elements[k]["type"] == "bulb"}
    if mode == "parts":
        return set()  # (symbols shown apart: no circuit, nothing lit)
    if mode == "series":
        return set() if blocked(loop) else bulbs
    main = [k for k in loop if not elements[k].get("branch")]
    if blocked(main):
        return set()
    branches = {elements[k]["branch"] for k in loop if elements[k].get("branch")}
    live = {br for br in branches if not blocked([k for k in loop if elements[k].get("branch") == br])}
    return {k for k in bulbs if not elements[k].get("branch") and live} | \
        {k for k in bulbs if elements[k].get("branch") in live}


def closed_loops(elements: list[dict], mode: str, lay: dict, open_switches: set[int]) -> list:
    loop = [k for k, e in enumerate(elements) if not e.get("across")]
    blocked = lambda ks: any(k in open_switches or elements[k]["type"] == "capacitor" for k in ks)  # noqa: E731
    if not any(elements[k]["type"] == "battery" for k in loop) or mode == "parts":
        return []
    if mode == "series":
        return [] if blocked(loop) else lay["loops"]
    if blocked([k for k in loop if not elements[k].get("branch")]):
        return []
    return [path for path, (x, br) in zip(lay["loops"], lay["columns"])
            if not blocked([k for k in loop if elements[k].get("branch") == br])]


# ----------------------------------------------------------------------------- build
def build(theme: dict, *, elements, layout_mode=None, current=None, flow: bool = False, caption=None, steps=(),
          color=None):
    elements = [dict(e) for e in elements]
    mode = layout_mode or ("parallel" if any(e.get("branch") for e in elements) else "series")
    names = element_names(elements)
    lay = layout(elements, mode)
    base_col = paint(color, SYMBOL) if color else ManimColor(SYMBOL)
    g = VGroup()
    g.theme, g.elements, g.mode, g.names, g.lay = theme, elements, mode, names, lay
    g.symbols, g.labels, g.texts = {}, {}, {}
    g.open = {k for k, e in enumerate(elements) if e["type"] == "switch" and e.get("open")}
    P = lambda p: np.array([p[0], p[1], 0.0])  # noqa: E731
    wires = VGroup()
    taken: list = []
    # the wires: each rail split around the symbols standing on it
    spans: list[tuple[np.ndarray, np.ndarray]] = []
    for k, (side, c) in lay["place"].items():
        d = FLOW[side]
        spans.append((P(c) - d * S / 2, P(c) + d * S / 2))
    for a, b in lay["rails"]:
        a, b = P(a), P(b)
        d = (b - a) / (np.linalg.norm(b - a) or 1)
        cuts = []
        for s0, s1 in spans:
            for_a = np.dot(s0 - a, d)
            off = np.linalg.norm((s0 - a) - d * for_a)
            if off < 1e-6 and np.linalg.norm(np.cross(s1 - s0, d)) < 1e-6:
                lo, hi = sorted((float(np.dot(s0 - a, d)), float(np.dot(s1 - a, d))))
                cuts.append((lo, hi))
        pos = 0.0
        for lo, hi in sorted(cuts):
            if lo > pos + 1e-6:
                wires.add(Line(a + d * pos, a + d * lo, color=WIRE, stroke_width=3))
            pos = max(pos, hi)
        total = float(np.linalg.norm(b - a))
        if pos < total - 1e-6:
            wires.add(Line(a + d * pos, a + d * total, color=WIRE, stroke_width=3))
    joints = VGroup(*[Dot(P((x, y)), radius=0.07, color=WIRE) for x, _ in lay["columns"][:-1] for y in (0, lay["h"])])
    g.add(wires, joints)
    # voltmeters across an element: the element's label goes to the other side
    across = {names.index(e["across"]): k for k, e in enumerate(elements) if e.get("across")}
    symbols = VGroup()
    for k, (side, c) in lay["place"].items():
        e = elements[k]
        col = paint(e.get("color"), base_col) if e.get("color") else base_col
        m = symbol(e["type"], col, theme, k in g.open)
        m.rotate(ROT[side], about_point=np.zeros(3))
        if hasattr(m, "letter"):
            m.letter.rotate(-ROT[side])
        m.shift(P(c))
        m.side = side
        g.symbols[k] = m
        symbols.add(m)
        taken.append(m)
    g.add(symbols)
    meters = VGroup()
    for target, k in across.items():
        if target not in lay["place"]:
            continue
        side, c = lay["place"][target]
        out = OUT[side] if side != "branch" else LEFT
        d = FLOW[side]
        e = elements[k]
        col = paint(e.get("color"), base_col) if e.get("color") else base_col
        a, b = P(c) - d * S / 2, P(c) + d * S / 2
        m = symbol("voltmeter", col, theme)
        m.scale(0.9)
        ang = math.atan2(d[1], d[0])
        m.rotate(ang, about_point=np.zeros(3))
        m.letter.rotate(-ang)
        reach = 1.0
        m.move_to(P(c) + out * reach)
        bridge = VGroup(Line(a, a + out * reach, color=WIRE, stroke_width=2.5),
                        Line(a + out * reach, m.get_center() - d * S * 0.45, color=WIRE, stroke_width=2.5),
                        Line(m.get_center() + d * S * 0.45, b + out * reach, color=WIRE, stroke_width=2.5),
                        Line(b + out * reach, b, color=WIRE, stroke_width=2.5),
                        Dot(a, radius=0.06, color=WIRE), Dot(b, radius=0.06, color=WIRE))
        piece = VGroup(bridge, m)
        piece.side = side
        g.symbols[k] = m
        meters.add(piece)
        taken.append(m)
    g.add(meters)
    # labels beside the symbols, outside the loop
    labels = VGroup()
    for k, m in g.symbols.items():
        s = element_text(elements[k])
        if not s:
            continue
        side = lay["place"][k][0] if k in lay["place"] else "meter"
        out = OUT.get(side, UP)
        if k in across:
            out = -out if side != "branch" else RIGHT
        if side == "branch" and k not in across and any(t == k for t in across):
            out = RIGHT
        if k not in lay["place"]:  # a voltmeter: beside it, away from its element
            tgt = names.index(elements[k]["across"])
            tside = lay["place"][tgt][0]
            out = OUT[tside] if tside != "branch" else LEFT
        t = text(s, theme, size=LABEL, color=theme["text"], math=True)  # "R1 = 3 Ω" typeset
        _beside(t, m, out, taken, 0.3 if elements[k]["type"] == "switch" else 0.0)  # room for an open lever
        g.labels[k] = t
        labels.add(t)
    g.add(labels)
    # current arrows
    arrows = VGroup()
    g.currents = {}  # element index (None: the main wire) -> its current arrow (triangle, label)
    for k, e in enumerate(elements):
        if e.get("current") and k in lay["place"]:
            side, c = lay["place"][k]
            g.currents[k] = _current_arrow(theme, P(c) + FLOW[side] * (S / 2 + 0.35), FLOW[side], e["current"],
                                           -OUT[side] if side != "branch" else LEFT, taken)
            arrows.add(g.currents[k])
    if current:
        g.currents[None] = _current_arrow(theme, P((0.55, lay["h"])), RIGHT, current, DOWN, taken)
        arrows.add(g.currents[None])
    g.add(arrows)
    g.arrows = arrows
    # bulbs lit by the current state
    g.lit = set()
    for k in lit_bulbs(elements, mode, g.open):
        _light(g.symbols[k], True)
        g.lit.add(k)
    g.charges = VGroup()
    g.add(g.charges)
    body = VGroup(*g.submobjects)
    g.ruler = VGroup(Dot([0, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0),
                     Dot([1, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0))
    g.add(g.ruler)
    shift = -body.get_center()
    g.shift(shift)
    g.caption = None
    if caption:
        cap = text(caption, theme, size=LABEL, color=theme["text"], width_chars=60)
        cap.next_to(body, DOWN, buff=0.4)
        g.caption = cap
        g.add(cap)
    g.wires, g.joints, g.symbol_group, g.meters, g.label_group = wires, joints, symbols, meters, labels
    g.flow, g.steps = flow, list(steps or [])
    g.parts = {}
    for k, t in g.labels.items():
        g.parts[element_text(elements[k])] = VGroup(g.symbols[k], t)
    for k, n in enumerate(names):
        if k in g.symbols and n not in g.parts:
            g.parts[n] = g.symbols[k]
    if caption:
        g.parts[caption] = g.caption
    g.sbc_kind = "circuit"
    g.grow = 1.3
    return g


def _beside(t, m, out, taken: list, extra: float = 0.0) -> None:
    out = np.array(out, dtype=float)
    for k in range(10):
        gap = 0.15 + extra + 0.12 * k
        t.move_to(m.get_center() + out * (0.5 * abs(out[0]) * (m.width + t.width) + 0.5 * abs(out[1]) * (m.height + t.height) + gap))
        if not any(_hits(t, o) for o in taken):
            break
    taken.append(t)


def _hits(a, b, pad: float = 0.03) -> bool:
    return (a.get_left()[0] - pad < b.get_right()[0] and b.get_left()[0] - pad < a.get_right()[0]
            and a.get_bottom()[1] - pad < b.get_top()[1] and b.get_bottom()[1] - pad < a.get_top()[1])


def _current_arrow(theme, at, d, label: str, inward, taken: list) -> VGroup:
    tri = Triangle(color=CURRENT, fill_opacity=1, stroke_width=0).scale(0.11)
    tri.rotate(math.atan2(d[1], d[0]) - math.pi / 2)
    tri.move_to(at)
    t = text(label, theme, size=LABEL - 2, color=CURRENT, math=True)
    _beside(t, tri, inward, taken)
    return VGroup(tri, t)


def _light(m, on: bool) -> None:
    ring = getattr(m, "ring", None)
    if ring is None:
        return
    ring.set_fill(LIT, opacity=0.55 if on else 0.0)


def enter(mob, run_time: float):
    out = [AnimationGroup(Create(mob.wires), FadeIn(mob.joints), run_time=max(0.3, run_time * 0.35))]
    out.append(AnimationGroup(*[FadeIn(m, scale=0.85) for m in mob.symbol_group], lag_ratio=0.15,
                              run_time=max(0.3, run_time * 0.3)))
    extra = [m for m in (mob.meters, mob.label_group, mob.arrows) if len(m)]
    if extra:
        out.append(FadeIn(VGroup(*extra), run_time=max(0.2, run_time * 0.25)))
    if mob.caption is not None:
        out.append(FadeIn(mob.caption, run_time=0.3))
    return out


# ----------------------------------------------------------------------------- steps
def _to_now(g, p) -> np.ndarray:
    """A layout point (x, y) where it is now: the group was centred, moved and scaled after it was built."""
    o = g.ruler[0].get_center()
    k = float(np.linalg.norm(g.ruler[1].get_center() - o))
    return o + k * np.array([p[0], p[1], 0.0])


def _index(g, name):
    if name is None:
        return None
    return g.names.index(name) if name in g.names else None


def _toggle(scene, g, step: dict, rt: float) -> None:
    k = _index(g, step.get("element"))
    if k is None:
        k = next((i for i, e in enumerate(g.elements) if e["type"] == "switch"), None)
    if k is None or k not in g.symbols:
        return
    m = g.symbols[k]
    pivot = m.lever.get_start()
    closing = k in g.open
    angle = math.radians(32) * (-1 if closing else 1)
    (g.open.discard if closing else g.open.add)(k)
    now = lit_bulbs(g.elements, g.mode, g.open)
    anims = [Rotate(m.lever, angle=angle, about_point=pivot)]
    for b in set(now) ^ g.lit:
        ring = g.symbols[b].ring
        anims.append(ring.animate.set_fill(LIT, opacity=0.55 if b in now else 0.0))
    g.lit = set(now)
    scene.play(*anims, run_time=rt)


def _flow(scene, g, seconds: float, rt: float) -> None:
    loops = closed_loops(g.elements, g.mode, g.lay, g.open)
    if not loops:
        return
    k = float(np.linalg.norm(g.ruler[1].get_center() - g.ruler[0].get_center()))
    dots, paths = VGroup(), []
    for path in loops:
        pts = [np.array(p, dtype=float) for p in path]
        length = sum(float(np.linalg.norm(b - a)) for a, b in zip(pts, pts[1:]))
        n = max(4, int(length / 0.9))
        for i in range(n):
            d = Dot(radius=0.06 * k, color=CHARGE).set_z_index(4)
            dots.add(d)
            paths.append((pts, length, i * length / n))
    speed = 1.2  # layout units per second

    def go(m, alpha):
        for d, (pts, length, s0) in zip(m, paths):
            d.move_to(_to_now(g, _along(pts, (s0 + alpha * seconds * speed) % length)))

    go(dots, 0.0)
    scene.play(FadeIn(dots), run_time=0.3)
    scene.play(UpdateFromAlphaFunc(dots, go), run_time=rt, rate_func=linear)
    scene.play(FadeOut(dots), run_time=0.3)


def _along(pts, s: float):
    for a, b in zip(pts, pts[1:]):
        d = float(np.linalg.norm(b - a))
        if s <= d:
            return a + (b - a) * (s / d if d else 0)
        s -= d
    return pts[-1]


def _value(scene, g, step: dict, rt: float) -> None:
    k = _index(g, step.get("element"))
    if k is None:
        return
    e = dict(g.elements[k], value=step.get("text"))
    g.elements[k] = e
    s = element_text(e) or ""
    old = g.labels.get(k)
    scale = float(np.linalg.norm(g.ruler[1].get_center() - g.ruler[0].get_center()))
    new = text(s, g.theme, size=LABEL, color="#FFD54F", math=True).scale(scale)
    if old is not None:
        new.move_to(old.get_center())
        sym = g.symbols[k].get_center()
        if old.get_left()[0] >= sym[0]:  # a label right of its symbol grows to the right, one left of it to the left
            new.align_to(old, LEFT)
        elif old.get_right()[0] <= sym[0]:
            new.align_to(old, RIGHT)
        scene.play(Transform(old, new), run_time=rt)
        old.text = new.text
    else:
        new.next_to(g.symbols[k], UP, buff=0.15 * scale)
        g.labels[k] = new
        g.label_group.add(new)
        scene.play(FadeIn(new), run_time=rt)


def _highlight(scene, g, step: dict, rt: float) -> None:
    k = _index(g, step.get("element"))
    if k is None or k not in g.symbols:
        return
    ring = SurroundingRectangle(g.symbols[k], color="#FFD54F", buff=0.12, corner_radius=0.1)
    scene.play(Create(ring), run_time=rt)
    g.add(ring)


def _break(scene, g, step: dict, rt: float) -> None:
    """The element fails: a red cross over it, and its path is open from now on (bulbs on it go dark)."""
    k = _index(g, step.get("element"))
    if k is None or k not in g.symbols:
        return
    m = g.symbols[k]
    c, r = m.get_center(), 0.32 * float(np.linalg.norm(g.ruler[1].get_center() - g.ruler[0].get_center()))
    cross = VGroup(Line(c + np.array([-r, -r, 0]), c + np.array([r, r, 0]), color="#FF5252", stroke_width=6),
                   Line(c + np.array([-r, r, 0]), c + np.array([r, -r, 0]), color="#FF5252", stroke_width=6))
    cross.set_z_index(4)
    g.open.add(k)
    now = lit_bulbs(g.elements, g.mode, g.open)
    anims = [Create(cross)] + [g.symbols[b].ring.animate.set_fill(LIT, opacity=0.55 if b in now else 0.0)
                               for b in set(now) ^ g.lit]
    g.lit = set(now)
    scene.play(*anims, run_time=rt)
    g.add(cross)


def _current(scene, g, step: dict, rt: float) -> None:
    """The label of a current arrow becomes the step's text ("I" -> "I = 2.4 A"), where the old one was."""
    arrow = getattr(g, "currents", {}).get(_index(g, step.get("element")))
    if arrow is None:
        return
    old = arrow[1]
    scale = float(np.linalg.norm(g.ruler[1].get_center() - g.ruler[0].get_center()))
    new = text(str(step.get("text") or ""), g.theme, size=LABEL - 2, color=CURRENT, math=True).scale(scale)
    new.move_to(old.get_center())
    if new.width > old.width:  # a longer label grows away from the wire on its left ("I" -> "I = 2.4 A")
        new.align_to(old, LEFT)
    scene.play(Transform(old, new), run_time=rt)


def play_step(scene, g, step: dict, rt: float, motion: float) -> None:
    a = step.get("action")
    if a == "break":
        _break(scene, g, step, rt)
    if a == "toggle":
        _toggle(scene, g, step, rt)
    elif a == "flow":
        _flow(scene, g, float(step.get("seconds", 2.0)), motion)
    elif a == "value":
        _value(scene, g, step, rt)
    elif a == "current":
        _current(scene, g, step, rt)
    elif a == "highlight":
        _highlight(scene, g, step, rt)


def run_steps(scene, g, steps, until: float) -> None:
    steps = list(steps or [])
    if not steps and g.flow:
        steps = [{"action": "flow", "seconds": 3.0}]
    if not steps:
        return
    for step, per in scene.paced(steps, until):
        play_step(scene, g, step, max(0.3, min(1.0, per * 0.5)), max(0.8, min(4.0, per * 0.8)))




def extend(scene, *, until: float, slot: float, strings=(), steps=(), **new_circuit) -> None:
    g = scene.picture("circuit", (lambda: build(scene.theme, steps=steps, **new_circuit))
                      if new_circuit.get("elements") else None, enter, slot, strings)
    if g is not None:
        run_steps(scene, g, steps, until)
