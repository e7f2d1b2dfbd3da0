"""drawing: shapes laid out by their relations, then drawn. The layout (`layout`, pure) makes a containment tree
from `inside` and `around`; each level's shapes are placed in turn — a shape with no relation goes to the right
of what is placed, `above`/`below`/`left_of`/`right_of` go beside their target (further out while they would
overlap), `between` goes half-way (pushing the second target out when there is no room) — and a container grows
to hold its placed children with its label inside at the top. Connectors (`line`/`arrow` with `from`/`to`) are
drawn afterwards between the shapes' outlines, their labels beside their middle.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Arc, Arrow, Circle, Create, Dot, Ellipse, FadeIn, FadeOut,
                   Line, ManimColor, Rectangle, RegularPolygon, RoundedRectangle, Star, SurroundingRectangle, Transform, Triangle,
                   UpdateFromAlphaFunc, VGroup, VMobject, smooth)

from ...components.drawing import CONNECTORS, containment
from ..style import SYMBOL, symbol, text
from .plot import paint

PALETTE = ["#4FC3F7", "#66BB6A", "#FFD54F", "#FF7043", "#AB47BC", "#5CD0B3"]
BASE = {"circle": (1.2, 1.2), "ellipse": (2.0, 1.2), "rectangle": (2.0, 1.2), "rounded_box": (2.2, 1.2),
        "triangle": (1.3, 1.1), "hexagon": (1.3, 1.15), "star": (1.3, 1.25), "dot": (0.22, 0.22), "line": (2.0, 0.3), "arrow": (2.0, 0.3),
        "wavy_line": (2.4, 0.45), "double_helix": (4.6, 1.2), "membrane": (2.6, 1.7), "tube": (0.8, 2.6),
        "stack": (1.2, 0.22)}
SCALE = {"small": 0.6, "medium": 1.0, "large": 1.6}
GAP = 0.45       # between neighbours
PAD = 0.35       # inside a container, round its children
LABEL_ROOM = 0.5  # a container's label, inside at its top
LABEL = 22


# ----------------------------------------------------------------------------- layout (pure)
def base_size(s: dict) -> tuple[float, float]:
    w, h = BASE[s.get("type", "circle")]
    k = SCALE[s.get("size", "medium")]
    w, h = w * k, h * k
    if s.get("type") == "circle" and (s.get("width") or s.get("height")):
        w = h = float(s.get("width") or s.get("height"))
    w, h = float(s.get("width") or w), float(s.get("height") or h)
    n = int(s.get("count", 1))
    if s.get("type") == "stack":
        return w, n * h + (n - 1) * 0.05
    if n > 1:
        if s.get("arrange") == "column":
            h = n * h + (n - 1) * 0.15
        else:
            w = n * w + (n - 1) * 0.15
    return w, h


def _overlap(a, b, pad: float = 0.05) -> bool:
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    return abs(ax - bx) < (aw + bw) / 2 + pad and abs(ay - by) < (ah + bh) / 2 + pad


def label_place(s: dict, container: bool) -> str:
    """Where a shape's label goes: "top" (inside a container), "inside" (it fits), "below", "left" or ""."""
    if not s.get("label"):
        return ""
    if container:
        return "below" if s.get("type") == "tube" else "top"
    if s.get("type") == "double_helix":
        return "left"  # its left end stays put when it unzips
    lw, lh = label_size(s["label"])
    w, h = base_size(s)
    closed = s.get("type", "circle") in ("circle", "ellipse", "rectangle", "rounded_box", "membrane", "triangle", "hexagon")
    if closed and int(s.get("count", 1)) == 1 and lw <= w * 0.86 and lh <= h * 0.8:
        return "inside"
    return "below"


def label_size(label: str) -> tuple[float, float]:
    """About how big a label is drawn (22 pt, wrapped at 22 characters), for the layout."""
    lines = [label[k:k + 22] for k in range(0, len(label), 22)] or [""]
    return 0.125 * max(len(x) for x in lines) + 0.1, 0.32 * len(lines)


def _arrange(ids: list[str], info: dict, size: dict, parent: dict, linked=frozenset()) -> dict[str, tuple[float, float]]:
    """Positions of sibling shapes by their relations (those naming a shape elsewhere use its ancestor here);
    shapes a connector joins keep room for it between them."""
    level = set(ids)
    gap_to = lambda i, t: 1.4 if (i, t) in linked or (t, i) in linked else GAP  # noqa: E731

    def here(t):
        while t is not None and t not in level:
            t = parent.get(t)
        return t

    pos: dict[str, tuple[float, float]] = {}
    box = lambda i: (pos[i][0], pos[i][1], *size[i])  # noqa: E731
    todo = list(ids)
    for _ in range(len(ids) + 1):
        progress = False
        for i in list(todo):
            s = _placing(info, i)
            w, h = size[i]
            rel = next(((r, s[r]) for r in ("above", "below", "left_of", "right_of") if s.get(r)), None)
            between = [here(t) for t in s.get("between") or []]
            if rel:
                t = here(rel[1])
                if t is None or t == i:
                    rel = None
                elif t not in pos:
                    continue
            if len(between) == 2 and None not in between and i not in between:
                a, b = between
                if a not in pos or b not in pos:
                    continue
                (ax, ay), (bx, by) = pos[a], pos[b]
                d = np.array([bx - ax, by - ay])
                dist = float(np.linalg.norm(d)) or 1.0
                u = d / dist if dist > 1e-9 else np.array([1.0, 0.0])
                span = abs(u[0]) * (size[a][0] + size[b][0]) / 2 + abs(u[1]) * (size[a][1] + size[b][1]) / 2
                need = span + abs(u[0]) * w + abs(u[1]) * h + 2 * GAP
                if dist < need:  # no room between them: the second moves out
                    pos[b] = (ax + u[0] * need, ay + u[1] * need)
                    bx, by = pos[b]
                pos[i] = ((ax + bx) / 2, (ay + by) / 2)
            elif rel:
                t = here(rel[1])
                tx, ty = pos[t]
                tw, th = size[t]
                d = {"above": (0, 1), "below": (0, -1), "left_of": (-1, 0), "right_of": (1, 0)}[rel[0]]
                x = tx + d[0] * ((tw + w) / 2 + gap_to(i, t))
                y = ty + d[1] * ((th + h) / 2 + gap_to(i, t))
                for _k in range(len(ids) + 1):
                    if not any(_overlap((x, y, w, h), box(j)) for j in pos):
                        break
                    if d[0]:  # beside: the next one in a column
                        y -= max(h, 0.3) + GAP
                    else:
                        x += max(w, 0.3) + GAP
                pos[i] = (x, y)
            else:
                pos[i] = _free_spot(i, pos, size, max([GAP] + [gap_to(i, j) for j in pos]))
            todo.remove(i)
            progress = True
        if not progress:
            break
    for i in todo:  # relations that never resolved: placed in the row
        pos[i] = _free_spot(i, pos, size, GAP)
    if pos:  # the level centred on its middle
        x0 = min(pos[i][0] - size[i][0] / 2 for i in pos)
        x1 = max(pos[i][0] + size[i][0] / 2 for i in pos)
        y0 = min(pos[i][1] - size[i][1] / 2 for i in pos)
        y1 = max(pos[i][1] + size[i][1] / 2 for i in pos)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        pos = {i: (x - cx, y - cy) for i, (x, y) in pos.items()}
    return pos


POSITIONAL = ("above", "below", "left_of", "right_of", "between")


def _placing(info: dict, i: str, depth: int = 0) -> dict:
    """The shape whose positional relation places `i`: itself, or — drawn around others with none of its own —
    the first of them that has one (a membrane round the nucleus goes where the nucleus was asked to go)."""
    s = info[i]
    if any(s.get(r) for r in POSITIONAL) or depth > 8:
        return s
    for t in s.get("around") or []:
        if t in info:
            inner = _placing(info, t, depth + 1)
            if any(inner.get(r) for r in POSITIONAL):
                return inner
    return s


ROW_W = 11.0  # a row of unrelated shapes wraps past this width


def _free_spot(i: str, pos: dict, size: dict, gap: float) -> tuple[float, float]:
    """Right of what is placed, on the last row; a new row below when the row would grow past ROW_W."""
    if not pos:
        return 0.0, 0.0
    w, h = size[i]
    row_y = min(y for _, y in pos.values()) if len(pos) else 0.0
    row = [j for j, (_, y) in pos.items() if abs(y - row_y) < 1e-6]
    left = min(pos[j][0] - size[j][0] / 2 for j in pos)
    right = max(pos[j][0] + size[j][0] / 2 for j in row)
    if right + gap + w - left <= ROW_W:
        x, y = right + gap + w / 2, row_y
        others = [j for j in pos if j not in row]
        for _ in range(20):  # taller than its row: the row moves down clear of the rows above
            if not any(_overlap((x, y, w, h), (pos[j][0], pos[j][1], *size[j]), GAP * 0.5) for j in others):
                break
            y -= 0.25
            for j in row:
                pos[j] = (pos[j][0], pos[j][1] - 0.25)
        return x, y
    bottom = min(pos[j][1] - size[j][1] / 2 for j in pos)
    return left + w / 2, bottom - GAP - h / 2


def layout(shapes: list[dict]) -> tuple[dict[str, tuple[float, float, float, float]], dict[str, str]]:
    """id -> (centre x, centre y, width, height) of every shape that is not a connector, and where each label
    goes (`label_place`). A label below its shape is part of the room the shape takes."""
    info = {s["id"]: s for s in shapes if not (s.get("type") in CONNECTORS and s.get("from"))}
    parent = {c: p for c, p in containment([s for s in shapes if s["id"] in info]).items()
              if c in info and p in info}
    kids: dict[str, list[str]] = {i: [] for i in info}
    for i in info:
        if i in parent:
            kids[parent[i]].append(i)
    linked = frozenset((s["from"], s["to"]) for s in shapes if s.get("type") in CONNECTORS and s.get("from"))
    where = {i: label_place(info[i], bool(kids[i])) for i in info}
    size: dict[str, tuple[float, float]] = {}   # the room each takes (with a label below it)
    own: dict[str, tuple[float, float]] = {}    # the shape itself
    local: dict[str, dict] = {}

    def measure(i: str, depth: int = 0) -> tuple[float, float]:
        if i in size:
            return size[i]
        w, h = base_size(info[i])
        if kids[i] and depth < 20:
            for c in kids[i]:
                measure(c, depth + 1)
            rel = _arrange(kids[i], info, size, parent, linked)
            local[i] = rel
            cw = max(abs(x) + size[c][0] / 2 for c, (x, y) in rel.items()) * 2
            ch = max(abs(y) + size[c][1] / 2 for c, (x, y) in rel.items()) * 2
            room = LABEL_ROOM if info[i].get("label") else 0.0
            pad = PAD + (0.15 if info[i].get("type") in ("circle", "ellipse", "membrane") else 0.0)
            if info[i].get("type") in ("circle", "ellipse"):  # a round container: its box's corners must fit
                cw, ch = cw * 1.3, ch * 1.3
            w, h = max(w, cw + 2 * pad), max(h, ch + 2 * pad + room)
            if info[i].get("type") == "circle":
                w = h = max(w, h)
        own[i] = (w, h)
        if where[i] == "below":
            lw, lh = label_size(info[i]["label"])
            w, h = max(w, lw), h + lh + 0.15
        elif where[i] == "left":
            lw, lh = label_size(info[i]["label"])
            w, h = w + lw + 0.2, max(h, lh)
        size[i] = (w, h)
        return size[i]

    roots = [i for i in info if i not in parent]
    for i in roots:
        measure(i)
    out: dict[str, tuple[float, float, float, float]] = {}

    def place(i: str, x: float, y: float) -> None:
        w, h = own[i]
        y += (size[i][1] - h) / 2  # the shape at the top of its room, its label under it
        x += (size[i][0] - w) / 2 if where[i] == "left" else 0.0  # or at its right, the label left of it
        out[i] = (x, y, w, h)
        if i in local:
            room = LABEL_ROOM if info[i].get("label") else 0.0
            for c, (cx, cy) in local[i].items():
                place(c, x + cx, y + cy - room / 2)

    for i, (x, y) in _arrange(roots, info, size, parent, linked).items():
        place(i, x, y)
    return out, where


def depth_of(i: str, parent: dict) -> int:
    d = 0
    while i in parent and d < 20:
        i, d = parent[i], d + 1
    return d


# ----------------------------------------------------------------------------- shapes
def _helix(w: float, h: float, col, col2, sep: float = 0.0):
    """Two strands (and rungs) of a double helix across w; `sep` pulls the right half apart (unzipping)."""
    n = 120
    amp = h / 2 * 0.8
    period = w / 2

    def strand(sign: float):
        pts = []
        for j in range(n + 1):
            x = -w / 2 + w * j / n
            open_ = max(0.0, (x / (w / 2))) * sep
            pts.append([x, sign * (amp * math.cos(2 * math.pi * x / period) + open_), 0])
        return pts

    a = VMobject(color=col, stroke_width=4).set_points_smoothly(strand(1))
    b = VMobject(color=col2, stroke_width=4).set_points_smoothly(strand(-1))
    rungs = VGroup()
    for j in range(1, 16):
        x = -w / 2 + w * j / 16
        if sep and x > 0:
            continue
        y = amp * math.cos(2 * math.pi * x / period)
        if abs(y) > 0.12:
            rungs.add(Line([x, y, 0], [x, -y, 0], color="#8A8FA3", stroke_width=2))
    return VGroup(a, b, rungs)


def _one(typ: str, w: float, h: float, col, filled: bool, fill_op: float, theme, col2=None):
    if typ == "circle":
        m = Circle(radius=min(w, h) / 2, color=col, stroke_width=3)
    elif typ == "ellipse":
        m = Ellipse(width=w, height=h, color=col, stroke_width=3)
    elif typ == "rectangle":
        m = Rectangle(width=w, height=h, color=col, stroke_width=3)
    elif typ == "rounded_box":
        m = RoundedRectangle(width=w, height=h, corner_radius=min(0.25, h / 3), color=col, stroke_width=3)
    elif typ == "triangle":
        m = Triangle(color=col, stroke_width=3)
        m.stretch_to_fit_width(w).stretch_to_fit_height(h)
    elif typ == "hexagon":
        m = RegularPolygon(n=6, color=col, stroke_width=3)
        m.stretch_to_fit_width(w).stretch_to_fit_height(h)
    elif typ == "star":
        m = Star(n=5, outer_radius=min(w, h) / 2, color=col, stroke_width=3)
    elif typ == "dot":
        return Dot(radius=min(w, h) / 2, color=col)
    elif typ in ("line", "arrow"):
        if typ == "arrow":
            return Arrow([-w / 2, 0, 0], [w / 2, 0, 0], buff=0, color=col, stroke_width=4,
                         max_tip_length_to_length_ratio=0.2)
        return Line([-w / 2, 0, 0], [w / 2, 0, 0], color=col, stroke_width=4)
    elif typ == "wavy_line":
        pts = [[-w / 2 + w * j / 80, h / 2 * math.sin(2 * math.pi * 3 * j / 80), 0] for j in range(81)]
        return VMobject(color=col, stroke_width=4).set_points_smoothly(pts)
    elif typ == "double_helix":
        return _helix(w, h, col, col2 or col)
    elif typ == "membrane":
        r = min(w, h) / 2 * 0.8
        outer = RoundedRectangle(width=w, height=h, corner_radius=r, color=col, stroke_width=3)
        inner = RoundedRectangle(width=max(0.1, w - 0.22), height=max(0.1, h - 0.22),
                                 corner_radius=max(0.05, r - 0.11), color=col, stroke_width=2)
        if filled:
            outer.set_fill(col, opacity=fill_op)
        m = VGroup(outer, inner)
        m.outline = outer
        return m
    elif typ == "tube":
        r = w / 2
        left = Line([-r, h / 2, 0], [-r, -h / 2 + r, 0])
        bottom = Arc(radius=r, start_angle=math.pi, angle=math.pi, arc_center=[0, -h / 2 + r, 0])
        right = Line([r, -h / 2 + r, 0], [r, h / 2, 0])
        body = VMobject(color=col, stroke_width=3)
        body.set_points(np.concatenate([left.points, bottom.points, right.points]))
        if filled:
            body.set_fill(col, opacity=fill_op)
        rim = Line([-r - 0.08, h / 2, 0], [r + 0.08, h / 2, 0], color=col, stroke_width=4)
        m = VGroup(body, rim)
        m.outline = body
        return m
    else:  # stack: handled by the caller
        m = RoundedRectangle(width=w, height=h, corner_radius=h / 2.2, color=col, stroke_width=2.5)
    if filled:
        m.set_fill(col, opacity=fill_op)
    return m


def _shape_mob(s: dict, w: float, h: float, col, theme, col2, container: bool):
    typ = s.get("type", "circle")
    fill_op = 0.1 if container else 0.22
    n = int(s.get("count", 1))
    filled = bool(s.get("filled", True))
    if typ == "stack":
        dh = (h - (n - 1) * 0.05) / n
        discs = VGroup(*[_one("stack", w, dh, col, filled, 0.35, theme) for _ in range(n)])
        return discs.arrange(DOWN, buff=0.05)
    if n > 1:
        if s.get("arrange") == "column":
            one_w, one_h = w, (h - (n - 1) * 0.15) / n
        else:
            one_w, one_h = (w - (n - 1) * 0.15) / n, h
        copies = VGroup(*[_one(typ, one_w, one_h, col, filled, fill_op, theme, col2) for _ in range(n)])
        return copies.arrange(DOWN if s.get("arrange") == "column" else RIGHT, buff=0.15)
    return _one(typ, w, h, col, filled, fill_op, theme, col2)


def _hits(a, b, pad: float = 0.04) -> bool:
    return (a.get_left()[0] - pad < b.get_right()[0] and b.get_left()[0] - pad < a.get_right()[0]
            and a.get_bottom()[1] - pad < b.get_top()[1] and b.get_bottom()[1] - pad < a.get_top()[1])


def _waves(a, b, col, count: int) -> VGroup:
    """`count` wavy rays side by side from `a` to `b` ("a sun with wavy arrows hitting the membrane"), each with a tip."""
    a, b = np.array(a, dtype=float), np.array(b, dtype=float)
    d = b - a
    length = float(np.linalg.norm(d)) or 1.0
    u = d / length
    nrm = np.array([-u[1], u[0], 0.0])
    out = VGroup()
    for k in range(count):
        shift = nrm * 0.45 * (k - (count - 1) / 2)
        pts = [a + shift + d * (j / 60) * 0.92 + nrm * 0.09 * math.sin(2 * math.pi * 3.5 * j / 60) for j in range(61)]
        ray = VMobject(color=col, stroke_width=3.5).set_points_smoothly(pts)
        tip = Triangle(color=col, fill_color=col, fill_opacity=1, stroke_width=0).scale(0.09)
        tip.rotate(math.atan2(u[1], u[0]) - math.pi / 2).move_to(b + shift - u * 0.08)
        out.add(VGroup(ray, tip))
    return out


def _end(g, i: str, boxes: dict, info: dict, where: dict, toward) -> np.ndarray:
    """Where a connector leaves shape `i` toward a point: its outline, or — when it would cross the shape's own
    label (below it, left of it) — the outside of the shape and label together."""
    x, y, w, h = boxes[i]
    p = _boundary(np.array([x, y, 0.0]), w + 0.2, h + 0.2, info[i].get("type"), toward)
    t = g.labels.get(i)
    if t is not None and where.get(i) in ("below", "left"):
        both = VGroup(g.mobs[i], t)
        c = both.get_center()
        q = _boundary(c, both.width + 0.2, both.height + 0.2, "rectangle", toward)
        d = np.array(toward, dtype=float) - np.array([x, y, 0.0])
        side = DOWN if where[i] == "below" else LEFT
        if float(np.dot(d / (np.linalg.norm(d) or 1), side)) > 0.5:
            return q
    return p


def _boundary(centre, w: float, h: float, typ: str, toward) -> np.ndarray:
    """Where the segment from the shape's centre toward `toward` leaves its outline."""
    d = np.array(toward, dtype=float) - centre
    n = float(np.linalg.norm(d[:2]))
    if n < 1e-9:
        return centre
    u = d / n
    if typ in ("circle", "ellipse", "dot"):
        a, b = w / 2, h / 2
        t = 1.0 / math.sqrt((u[0] / a) ** 2 + (u[1] / b) ** 2)
    else:
        t = min(w / 2 / abs(u[0]) if abs(u[0]) > 1e-9 else 1e9, h / 2 / abs(u[1]) if abs(u[1]) > 1e-9 else 1e9)
    return centre + u * min(t, n)


# ----------------------------------------------------------------------------- build
def build(theme: dict, *, shapes, caption=None, steps=(), color=None):
    shapes = [dict(s) for s in shapes]
    for s in shapes:
        if "from_" in s and "from" not in s:
            s["from"] = s.pop("from_")
    boxes, where = layout(shapes)
    info = {s["id"]: s for s in shapes}
    parent = {c: p for c, p in containment([s for s in shapes if s["id"] in boxes]).items()
              if c in boxes and p in boxes}
    containers = set(parent.values())
    palette = list(theme.get("palette") or PALETTE)
    g = VGroup()
    g.theme = theme
    g.mobs, g.labels, g.info, g.colours = {}, {}, info, {}
    order = sorted(boxes, key=lambda i: depth_of(i, parent))  # containers behind what they hold
    body = VGroup()
    k = 0
    for i in order:
        s = info[i]
        x, y, w, h = boxes[i]
        default = palette[k % len(palette)] if not color else color
        k += 1
        col = paint(s.get("color"), default) if s.get("color") else paint(default, PALETTE[0])
        col2 = ManimColor(palette[k % len(palette)])
        m = _shape_mob(s, w, h, col, theme, col2, i in containers)
        m.move_to([x, y, 0])
        g.mobs[i] = m
        g.colours[i] = col
        body.add(m)
    g.add(body)
    # labels: a container's inside at its top; a small closed shape's inside when it fits; else beside it
    taken = [g.mobs[i] for i in boxes if i not in containers]
    labels = VGroup()
    for i in order:
        s = info[i]
        if not s.get("label"):
            continue
        x, y, w, h = boxes[i]
        m = g.mobs[i]
        t = (symbol(s["label"], theme, LABEL) if SYMBOL.fullmatch(s["label"]) and not s["label"].isupper() else
             text(s["label"], theme, size=LABEL, color=theme["text"], width_chars=22, math=True))
        typ = s.get("type", "circle")
        if where[i] == "top":
            t.move_to([x, y + h / 2 - 0.15 - (0.18 if typ in ("circle", "ellipse", "membrane") else 0.05)
                       - t.height / 2, 0])
        elif where[i] == "inside":
            if t.width > w * 0.9:
                t.scale_to_fit_width(w * 0.9)
            t.move_to([x, y - (h * 0.12 if typ == "triangle" else 0), 0])
        elif where[i] == "left":
            t.next_to(m, LEFT, buff=0.2)
        else:
            t.next_to(m, DOWN, buff=0.15)
        t.set_z_index(5)
        taken.append(t)
        g.labels[i] = t
        labels.add(t)
    # connectors between outlines
    conns = VGroup()
    g.connectors = {}
    for s in shapes:
        if s.get("type") in CONNECTORS and s.get("from") and s["from"] in boxes and s["to"] in boxes:
            ax, ay, aw, ah = boxes[s["from"]]
            bx, by, bw, bh = boxes[s["to"]]
            a = _end(g, s["from"], boxes, info, where, [bx, by, 0])
            b = _end(g, s["to"], boxes, info, where, [ax, ay, 0])
            plain = "#FFD54F" if s["type"] == "wavy_line" else "#C9CCD6"  # rays in gold, joins in grey
            col = paint(s.get("color"), plain) if s.get("color") else ManimColor(plain)
            if s["type"] == "arrow":
                c = Arrow(a, b, buff=0, color=col, stroke_width=4, max_tip_length_to_length_ratio=0.15,
                          tip_length=0.22)
            elif s["type"] == "wavy_line":
                c = _waves(a, b, col, int(s.get("count") or 1))
            else:
                c = Line(a, b, color=col, stroke_width=3)
            piece = VGroup(c)
            if s.get("label"):
                t = text(s["label"], theme, size=LABEL - 2, color=theme["text"], math=True)
                d = b - a
                nrm = np.array([-d[1], d[0], 0.0]) / (np.linalg.norm(d) or 1)
                if nrm[1] < 0:
                    nrm = -nrm
                mid = (a + b) / 2
                spread = 0.45 * (int(s.get("count") or 1) - 1) / 2 if s["type"] == "wavy_line" else 0.0  # side-by-side rays
                for side in (nrm, -nrm):
                    t.move_to(mid + side * (0.15 + spread + 0.5 * abs(side[0]) * t.width + 0.5 * abs(side[1]) * t.height))
                    if not any(_hits(t, o) for o in taken):
                        break
                taken.append(t)
                piece.add(t)
                g.labels[s["id"]] = t
            g.connectors[s["id"]] = piece
            g.mobs[s["id"]] = piece
            conns.add(piece)
    g.add(conns, labels)
    g.body, g.label_group, g.conn_group = body, labels, conns
    g.boxes, g.order = boxes, order
    g.caption = None
    if caption:
        cap = text(caption, theme, size=LABEL, color=theme["text"], width_chars=60)
        cap.next_to(VGroup(body, labels, conns), DOWN, buff=0.4)
        g.caption = cap
        g.add(cap)
    g.ruler = VGroup(Dot([0, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0),
                     Dot([1, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0))
    g.add(g.ruler)
    g.unzipped = set()
    g.steps = list(steps or [])
    g.parts = {}
    for i, t in g.labels.items():
        g.parts[info[i]["label"]] = VGroup(g.mobs[i], t) if i in g.mobs and g.mobs[i] is not None else t
    for i, m in g.mobs.items():
        g.parts.setdefault(i, m)
    if caption:
        g.parts[caption] = g.caption
    g.sbc_kind = "drawing"
    g.grow = 1.4
    return g


def enter(mob, run_time: float):
    groups = [mob.mobs[i] for i in mob.order]
    out = [AnimationGroup(*[Create(m) if not isinstance(m, Dot) else FadeIn(m) for m in groups], lag_ratio=0.35,
                          run_time=max(0.4, run_time * 0.55))]
    extra = [m for m in (mob.conn_group, mob.label_group) if len(m)]
    if mob.caption is not None:
        extra.append(mob.caption)
    if extra:
        out.append(AnimationGroup(*[FadeIn(m) for m in extra], run_time=max(0.3, run_time * 0.3)))
    return out


# ----------------------------------------------------------------------------- steps
def _scale(g) -> float:
    return float(np.linalg.norm(g.ruler[1].get_center() - g.ruler[0].get_center())) or 1.0


def _unzip(scene, g, ids, rt: float) -> None:
    for i in ids:
        s = g.info.get(i)
        m = g.mobs.get(i)
        if s is None or m is None or s.get("type") != "double_helix" or i in g.unzipped:
            continue
        _, _, w, h = g.boxes[i]
        k = _scale(g)
        centre = m.get_center().copy()
        col, col2 = m[0].get_color(), m[1].get_color()
        rungs = m[2]

        def go(mob, alpha, w=w, h=h, k=k, centre=centre, col=col, col2=col2):
            new = _helix(w, h, col, col2, sep=alpha * h * 0.45).scale(k, about_point=np.zeros(3))
            new.shift(centre - np.zeros(3))
            mob[0].set_points(new[0].points)
            mob[1].set_points(new[1].points)

        far = [r for r in rungs if r.get_center()[0] > centre[0]]
        scene.play(UpdateFromAlphaFunc(m, go), *[FadeOut(r) for r in far], run_time=rt, rate_func=smooth)
        for r in far:
            rungs.remove(r)
        g.unzipped.add(i)


def _track(g, i: str):
    """(start, end) points of the way dots travel along shape `i`, where it is now."""
    m = g.mobs[i]
    s = g.info.get(i, {})
    if s.get("type") in ("line", "arrow", "wavy_line") or i in g.connectors:
        part = m[0] if i in g.connectors else m
        return part.get_start(), part.get_end(), part
    return m.get_left(), m.get_right(), None


def _flow(scene, g, ids, step: dict, rt: float) -> None:
    k = _scale(g)
    col = paint(step.get("color"), "#FFD54F")
    dots, tracks = VGroup(), []
    for i in ids:
        a, b, part = _track(g, i)
        for j in range(4):
            d = VGroup(Dot(radius=0.08 * k, color=col))
            if step.get("text") and j == 0:
                d.add(text(step["text"], g.theme, size=LABEL - 4, color=col).scale(k).next_to(d[0], UP, buff=0.06 * k))
            d.set_z_index(6)
            dots.add(d)
            tracks.append((a, b, part, j / 4))

    def go(m, alpha):
        for d, (a, b, part, off) in zip(m, tracks):
            f = (alpha + off) % 1.0
            p = part.point_from_proportion(f) if part is not None and len(part.points) else a + (b - a) * f
            d.shift(p - d[0].get_center())

    go(dots, 0.0)
    scene.play(FadeIn(dots), run_time=0.2)
    scene.play(UpdateFromAlphaFunc(dots, go), run_time=rt, rate_func=lambda t: t)
    scene.play(FadeOut(dots), run_time=0.2)


def play_step(scene, g, step: dict, rt: float) -> None:
    a = step.get("action")
    ids = [i for i in step.get("shapes") or [] if i in g.mobs]
    if a == "flow" and ids:
        _flow(scene, g, ids, step, max(rt * 2, 1.5))
    if a == "highlight" and ids:
        rings = [SurroundingRectangle(g.mobs[i], color="#FFD54F", buff=0.1 * _scale(g), corner_radius=0.1)
                 for i in ids]
        scene.play(*[Create(r) for r in rings], run_time=rt)
        g.add(*rings)
    elif a == "color" and ids:
        col = paint(step.get("color"), "#FFD54F")
        scene.play(*[g.mobs[i].animate.set_stroke(col).set_fill(col) for i in ids], run_time=rt)
    elif a == "label" and ids:
        i = ids[0]
        k = _scale(g)
        new = text(step.get("text", ""), g.theme, size=LABEL, color="#FFD54F", width_chars=22).scale(k)
        old = g.labels.get(i)
        if old is not None:
            new.move_to(old.get_center())
            scene.play(Transform(old, new), run_time=rt)
            old.text = new.text
        else:
            new.next_to(g.mobs[i], DOWN, buff=0.15 * k)
            g.labels[i] = new
            g.label_group.add(new)
            scene.play(FadeIn(new), run_time=rt)
    elif a == "remove" and ids:
        gone = [g.mobs.pop(i) for i in ids] + [g.labels.pop(i) for i in ids if i in g.labels]
        scene.play(*[FadeOut(m) for m in gone], run_time=rt)
    elif a == "unzip":
        _unzip(scene, g, ids, max(rt, 1.2))


def run_steps(scene, g, steps, until: float) -> None:
    steps = list(steps or [])
    if not steps:
        return
    for step, per in scene.paced(steps, until):
        play_step(scene, g, step, max(0.3, min(1.5, per * 0.6)))




def extend(scene, *, until: float, slot: float, strings=(), steps=(), **new_drawing) -> None:
    g = scene.picture("drawing", (lambda: build(scene.theme, steps=steps, **new_drawing))
                      if new_drawing.get("shapes") else None, enter, slot, strings)
    if g is not None:
        run_steps(scene, g, steps, until)
