"""graph: labelled nodes (circles or rounded boxes) joined by lines or arrows, edge weights, notes beside
nodes — a Manim `Graph`/`DiGraph` with positions from a layout — and steps acted on it in turn.

Layouts (`layout_positions`): given coordinates, `tree`, `layered`, `circular`, `spring` (networkx,
seeded), `chain` (each path a row) and `bst` (keys inserted in order: x is the in-order rank, y the
depth). Positions are computed for every node the steps will insert too, so nothing moves when they
appear. Steps: visit, mark, color, note, label, path, walk, insert, remove, dim (see the model).
"""

from __future__ import annotations

import math

from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, ArcBetweenPoints, Circle, Create, DiGraph, Dot, FadeIn,
                   FadeOut, Graph, Line, ManimColor, RoundedRectangle, Succession, Transform, VGroup)

from ...components.graph import node_id, tree_place
from ..style import colour, text
from .plot import paint

NODE_R = 0.34
EDGE_GREY = "#8A8FA3"
CURRENT = "#FFD54F"
DONE = "#66BB6A"
PATH = "#FFD54F"
DIM = "#44475A"
NOTE = "#FFD54F"
LABEL_SIZE = 24
SMALL = 20


# ----------------------------------------------------------------------------- input
def _nodes(nodes) -> list[dict]:
    out = []
    for n in nodes or []:
        if isinstance(n, dict):
            d = dict(n)
            d["id"] = node_id(d["id"])
            out.append(d)
        else:
            out.append({"id": node_id(n)})
    return out


def _edges(edges) -> list[dict]:
    out = []
    for e in edges or []:
        a = e.get("from", e.get("from_"))
        out.append(dict(e, **{"from": node_id(a), "to": node_id(e["to"])}))
    return out


def _num(s: str) -> float:
    try:
        return float(s)
    except ValueError:
        return math.inf


# ----------------------------------------------------------------------------- layouts
def bst_edges(keys: list[str]) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """The edges of the binary search tree built by inserting `keys` in order, and each key's comparison
    path from the root (the nodes it is compared with)."""
    left: dict[str, str] = {}
    right: dict[str, str] = {}
    edges, paths = [], {}
    root = None
    for k in keys:
        if root is None:
            root, paths[k] = k, []
            continue
        cur, path = root, []
        while True:
            path.append(cur)
            side = left if _num(k) < _num(cur) else right
            if cur in side:
                cur = side[cur]
                continue
            side[cur] = k
            edges.append((cur, k))
            break
        paths[k] = path
    return edges, paths


def _children(ids: list[str], pairs: list[tuple[str, str]]) -> tuple[dict[str, list[str]], list[str]]:
    kids: dict[str, list[str]] = {i: [] for i in ids}
    parent: dict[str, str] = {}
    for a, b in pairs:
        if b not in parent and b != a and a in kids:
            parent[b] = a
            kids[a].append(b)
    roots = [i for i in ids if i not in parent]
    return kids, roots or ids[:1]


def _tree(ids, pairs) -> dict[str, tuple[float, float]]:
    kids, roots = _children(ids, pairs)
    pos: dict[str, tuple[float, float]] = {}
    nxt = [0.0]

    def place(v: str, depth: int) -> float:
        if v in pos:
            return pos[v][0]
        pos[v] = (0.0, -depth)  # placeholder against cycles
        xs = [place(c, depth + 1) for c in kids[v] if c not in pos]
        x = (xs[0] + xs[-1]) / 2 if xs else nxt[0]
        if not xs:
            nxt[0] += 1
        pos[v] = (x, -depth)
        return x

    for r in roots + ids:
        if r not in pos:
            place(r, 0)
    return pos


def _bst(keys) -> dict[str, tuple[float, float]]:
    edges, paths = bst_edges(keys)
    order = sorted(keys, key=_num)
    return {k: (float(order.index(k)), -float(len(paths[k]))) for k in keys}


def _tree_paths(future: list[str], pairs: list[tuple[str, str]], ids: list[str]) -> dict[str, list[str]]:
    """A search tree written with its places: each key yet to be inserted walks down from the root through its
    ancestors (the nodes it is compared with). Only when every key is a number and the edges make a tree."""
    if not future or any(_num(i) == math.inf for i in ids):
        return {}
    parent: dict[str, str] = {}
    for a, b in pairs:
        if b in parent or a == b:
            return {}
        parent[b] = a
    out = {}
    for i in future:
        path, v = [], parent.get(i)
        while v is not None and v not in path and len(path) <= len(ids):
            path.append(v)
            v = parent.get(v)
        out[i] = path[::-1]
    return out


def _layered(ids, pairs) -> dict[str, tuple[float, float]]:
    layer = {i: 0 for i in ids}
    for _ in range(len(ids)):  # longest path from a source (bounded: cycles stop growing after n rounds)
        changed = False
        for a, b in pairs:
            if a != b and layer[b] < layer[a] + 1 <= len(ids):
                layer[b] = layer[a] + 1
                changed = True
        if not changed:
            break
    rows: dict[int, list[str]] = {}
    for i in ids:
        rows.setdefault(layer[i], []).append(i)
    pos = {}
    for x, members in rows.items():
        for k, i in enumerate(members):
            pos[i] = (float(x), -(k - (len(members) - 1) / 2))
    return pos


def _chain(ids, pairs) -> dict[str, tuple[float, float]]:
    nxt: dict[str, str] = {}
    incoming = set()
    for a, b in pairs:
        nxt.setdefault(a, b)
        incoming.add(b)
    pos: dict[str, tuple[float, float]] = {}
    row = 0
    for start in [i for i in ids if i not in incoming] + ids:
        if start in pos:
            continue
        x, v = 0, start
        while v is not None and v not in pos:
            pos[v] = (float(x), -float(row))
            x += 1
            v = nxt.get(v)
        row += 1
    return pos


def _circular(ids) -> dict[str, tuple[float, float]]:
    n = len(ids)
    r = max(1.0, n / (2 * math.pi) * 1.25)
    return {i: (r * math.cos(math.pi / 2 - 2 * math.pi * k / n), r * math.sin(math.pi / 2 - 2 * math.pi * k / n))
            for k, i in enumerate(ids)}


def _spring(ids, pairs) -> dict[str, tuple[float, float]]:
    """A force-directed layout (Kamada-Kawai for a connected graph, seeded spring otherwise), scaled so that
    typical neighbours are about one apart."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from(pairs)
    try:
        raw = nx.kamada_kawai_layout(g) if nx.is_connected(g) else nx.spring_layout(g, seed=7)
    except Exception:  # noqa: BLE001 - no scipy: the seeded spring layout
        raw = nx.spring_layout(g, seed=7)
    pts = {i: (float(raw[i][0]), float(raw[i][1])) for i in ids}
    near = sorted(min((math.dist(pts[a], pts[b]) for b in ids if b != a), default=1.0) for a in ids)
    d = near[len(near) // 4] or 1.0
    return {i: (round(x / d, 6), round(y / d, 6)) for i, (x, y) in pts.items()}


def _is_chain(ids, pairs, directed: bool) -> bool:
    outs, ins = {i: 0 for i in ids}, {i: 0 for i in ids}
    for a, b in pairs:
        outs[a] += 1
        ins[b] += 1
    if any(v > 1 for v in list(outs.values()) + list(ins.values())):
        return False
    return len(_chain(ids, pairs)) == len(ids) and not _has_cycle(ids, pairs)


def _has_cycle(ids, pairs) -> bool:
    adj: dict[str, list[str]] = {i: [] for i in ids}
    for a, b in pairs:
        adj[a].append(b)
    state: dict[str, int] = {}

    def visit(v) -> bool:
        state[v] = 1
        for w in adj[v]:
            if state.get(w) == 1 or (w not in state and visit(w)):
                return True
        state[v] = 2
        return False

    return any(i not in state and visit(i) for i in ids)


def _is_forest(ids, pairs) -> bool:
    parents: dict[str, int] = {}
    for _, b in pairs:
        parents[b] = parents.get(b, 0) + 1
    return all(v <= 1 for v in parents.values()) and not _has_cycle(ids, pairs)


def resolve_layout(ids, pairs, layout: str = "auto", directed: bool = False) -> str:
    """`auto` -> chain (paths), tree (a forest), layered (a directed acyclic graph) or circular."""
    if layout != "auto":
        return layout
    if not pairs or _is_chain(ids, pairs, directed):
        return "chain"
    if _is_forest(ids, pairs):
        return "tree"
    if directed and not _has_cycle(ids, pairs):
        return "layered"
    return "circular"  # an ellipse in the frame: readable at any size (`spring` only when asked for)


def layout_positions(ids: list[str], pairs: list[tuple[str, str]], layout: str = "auto",
                     direction: str | None = None, directed: bool = False) -> dict[str, tuple[float, float]]:
    """Positions in "slot" units (neighbours about one apart), y up."""
    if not ids:
        return {}
    if layout == "bst":
        pos = _bst(ids)
    elif layout == "auto":
        return layout_positions(ids, pairs, resolve_layout(ids, pairs, layout, directed), direction, directed)
    elif layout == "tree":
        pos = _tree(ids, pairs)
    elif layout == "layered":
        pos = _layered(ids, pairs)
        if direction == "down":
            pos = {i: (-y, -x) for i, (x, y) in pos.items()}
        return pos
    elif layout == "chain":
        pos = _chain(ids, pairs)
    elif layout == "spring":
        pos = _spring(ids, pairs)
    else:
        pos = _circular(ids)
    if layout in ("tree", "bst") and direction == "right":
        pos = {i: (-y, -x) for i, (x, y) in pos.items()}
    return pos


# ----------------------------------------------------------------------------- drawing
def _mix(theme: dict, col, amount: float = 0.18) -> ManimColor:
    return ManimColor(theme["background"]).interpolate(ManimColor(col), amount)


def _node_mob(theme: dict, label: str, col, shape: str | None, r: float):
    t = text(label, theme, size=LABEL_SIZE if len(label) <= 2 else 22, color=theme["text"])
    if shape is None:
        shape = "circle" if len(label) <= 3 else "box"
    if shape == "circle":
        body = Circle(radius=r, color=col, stroke_width=3)
        if t.width > 1.45 * r:
            t.scale_to_fit_width(1.45 * r)
    else:
        if t.width > 2.6:
            t.scale_to_fit_width(2.6)
        one_line = t.height < 0.45
        body = RoundedRectangle(width=max(2 * r, t.width + 0.36), height=max(1.6 * r, 0.62 if one_line else t.height + 0.3),
                                corner_radius=0.12, color=col, stroke_width=3)
    body.set_fill(_mix(theme, col), opacity=1)
    t.move_to(body.get_center())
    t.set_z_index(2)  # above its shape even when an animation re-adds the shape to the scene
    v = VGroup(body, t)
    v.body, v.label = body, t
    return v


def _spread(pts: dict, vmobs: dict, pad: float = 0.12) -> float:
    """How much the positions must grow apart (as a factor) so no two nodes touch."""
    ids = list(pts)
    need = 1.0
    for k, a in enumerate(ids):
        for b in ids[k + 1:]:
            dx, dy = abs(pts[a][0] - pts[b][0]), abs(pts[a][1] - pts[b][1])
            rx = (vmobs[a].width + vmobs[b].width) / 2 + pad
            ry = (vmobs[a].height + vmobs[b].height) / 2 + pad
            if dx >= rx or dy >= ry:
                continue
            need = max(need, min(rx / dx if dx > 1e-6 else 99.0, ry / dy if dy > 1e-6 else 99.0))
    return min(need, 4.0)


def _edge_mob(u, v, col, directed: bool, bend: float = 0.0, out=None):
    """The edge from node body `u` to node body `v`: a straight line; an arc bowed to the left of its direction
    by `bend` radians (a pair of arrows both ways between two states); a loop outside `u` towards `out` when
    `u` is `v` (a state that goes to itself)."""
    import numpy as np

    if u is v:
        return _loop(u, col, directed, out if out is not None else UP)
    if not bend:
        line = Line(u, v, buff=0.02, color=col, stroke_width=2.5)
        if line.get_length() < 0.05:
            return line
        if directed:
            line.add_tip(tip_length=0.2, tip_width=0.18)
        return line
    cu, cv = u.get_center(), v.get_center()
    d = cv - cu
    d = d / (np.linalg.norm(d) or 1.0)
    start = _rim(u, _turn(d, bend / 2))
    end = _rim(v, _turn(-d, -bend / 2))
    arc = ArcBetweenPoints(start, end, angle=-bend, color=col, stroke_width=2.5)
    if directed:
        arc.add_tip(tip_length=0.2, tip_width=0.18)
    return arc


def _turn(d, a: float):
    """The vector `d` turned anticlockwise by `a` radians."""
    import numpy as np

    c, s = math.cos(a), math.sin(a)
    return np.array([c * d[0] - s * d[1], s * d[0] + c * d[1], 0.0])


def _rim(body, d):
    """Where the ray from `body`'s centre along unit vector `d` leaves its outline (a circle or a box)."""
    c = body.get_center()
    hw, hh = body.width / 2, body.height / 2
    if isinstance(body, Circle):
        return c + d * hw
    t = min(hw / abs(d[0]) if abs(d[0]) > 1e-9 else 1e9, hh / abs(d[1]) if abs(d[1]) > 1e-9 else 1e9)
    return c + d * t


def _loop(body, col, directed: bool, out):
    """A loop from a node back to itself, bowed out on the side `out` (a unit vector)."""
    import numpy as np

    out = np.array(out, dtype=float)
    out = out / (np.linalg.norm(out) or 1.0)
    start, end = _rim(body, _turn(out, 0.45)), _rim(body, _turn(out, -0.45))
    arc = ArcBetweenPoints(start, end, angle=-1.45 * math.pi, color=col, stroke_width=2.5)
    if directed:
        arc.add_tip(tip_length=0.18, tip_width=0.16)
    arc.sbc_out = out
    return arc


def _box(m, pad: float = 0.04):
    return (m.get_left()[0] - pad, m.get_bottom()[1] - pad, m.get_right()[0] + pad, m.get_top()[1] + pad)


def _hits(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_free(mob, anchor, directions, taken: list, dist: float) -> None:
    """Put `mob` next to `anchor` in the first direction where it hits nothing in `taken`."""
    first = None
    for d in directions:
        mob.move_to(anchor + d * dist)
        if d[0] and not d[1]:
            mob.shift(d * mob.width / 2)
        elif d[1] and not d[0]:
            mob.shift(d * mob.height / 2)
        else:
            mob.shift(d * (mob.width + mob.height) / 4)
        box = _box(mob)
        if first is None:
            first = mob.get_center().copy()
        if not any(_hits(box, t) for t in taken):
            taken.append(box)
            return
    mob.move_to(first)
    taken.append(_box(mob))


def _outward(p, centre) -> list:
    """Directions to try for a label beside point `p`: away from the picture's centre first."""
    import numpy as np

    d = np.array([p[0] - centre[0], p[1] - centre[1], 0.0])
    cands = [UP, RIGHT, DOWN, LEFT, UP + RIGHT, UP + LEFT, DOWN + RIGHT, DOWN + LEFT]
    if np.linalg.norm(d) < 1e-6:
        return cands
    return sorted(cands, key=lambda c: -float(np.dot(c / np.linalg.norm(c), d / np.linalg.norm(d))))


def build(theme: dict, *, nodes, edges=(), directed: bool = False, layout: str = "auto", direction=None,
          caption: str | None = None, steps=(), color: str | None = None, rim: bool = False):
    import numpy as np

    nodes, edges = _nodes(nodes), _edges(edges)
    col = ManimColor(color) if color else colour(theme, "node", theme["accent"])
    ids = [n["id"] for n in nodes if not n.get("hidden")]
    info = {n["id"]: n for n in nodes}
    # every node the steps will insert gets its place now; hidden nodes are placed and wait for their insert
    future = [n["id"] for n in nodes if n.get("hidden")]
    future_pairs = [(e["from"], e["to"]) for e in edges if e["from"] in future or e["to"] in future]
    edges = [e for e in edges if e["from"] not in future and e["to"] not in future]
    for s in steps or []:
        if s.get("action") == "insert":
            for n in s.get("nodes") or []:
                i = node_id(n)
                if i not in info and i not in future:
                    future.append(i)
                    info[i] = {"id": i, **({"at": s["at"]} if s.get("at") and len(s.get("nodes")) == 1 else {})}
            future_pairs += [(node_id(a), node_id(b)) for a, b in s.get("edges") or []]
    pairs = [(e["from"], e["to"]) for e in edges if e["from"] != e["to"]]  # (a loop places nothing)
    placed: dict[str, list[str]] = {}
    known = {i: tuple(info[i]["at"]) for i in ids if info[i].get("at")}
    if ids and len(known) == len(ids):
        for i in future:  # a key inserted into a tree drawn at written places, with no place of its own: by search
            if info[i].get("at"):
                known[i] = tuple(info[i]["at"])
                continue
            found = tree_place(i, known, pairs + future_pairs)
            if found is not None:
                placed[i], known[i] = found
                info[i] = dict(info[i], at=list(known[i]))
                future_pairs.append((found[0][-1], i))
    all_ids = ids + future
    if layout == "bst":
        tree_edges, paths = bst_edges(all_ids)
        live = set(ids)
        pairs = [(a, b) for a, b in tree_edges if b in live]
        future_pairs = [(a, b) for a, b in tree_edges if b not in live]
        edges = [{"from": a, "to": b} for a, b in pairs]
    else:
        paths = {**_tree_paths([f for f in future if f not in placed], pairs + future_pairs, all_ids), **placed}
    given = all(info[i].get("at") for i in all_ids)
    if given:  # coordinates as written, scaled to the frame
        pos = {i: (float(info[i]["at"][0]), float(info[i]["at"][1])) for i in all_ids}
    else:
        pos = layout_positions(all_ids, pairs + future_pairs, layout, direction, directed)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    gap = min((math.dist(pos[a], pos[b]) for a in all_ids for b in all_ids if a < b), default=1.0) or 1.0
    unit = min(10.5 / w, 4.4 / h, 2.6 / gap if given else 1.9)
    ux = uy = unit
    if not given:  # a layout's rows and columns: each direction scaled on its own (a circle becomes an ellipse)
        ux, uy = min(2.6, 10.5 / w), min(1.7, 4.4 / h)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    pts = {i: np.array([(x - cx) * ux, (y - cy) * uy, 0.0]) for i, (x, y) in pos.items()}
    r = NODE_R  # nodes closer than their size are spread apart below, then the whole picture fits the frame

    node_col = {i: (paint(info[i].get("color"), col) if info[i].get("color") else col) for i in all_ids}
    # one shape for the whole graph unless a node says otherwise: circles when every label is short
    shape = "box" if any(len(node_id(info[i].get("label", i))) > 3 for i in all_ids) else "circle"
    # states written out in circles ("Sunny", "Rainy"): every circle grows to hold the longest, within reason
    words = [node_id(info[i].get("label", i)) for i in all_ids
             if (info[i].get("shape") or shape) == "circle" and len(node_id(info[i].get("label", i))) > 3]
    rc = max(r, min(max((text(w, theme, size=22).width for w in words), default=0.0) / 1.5, 0.8))
    vmobs = {i: _node_mob(theme, node_id(info[i].get("label", i)), node_col[i], info[i].get("shape") or shape,
                          rc if (info[i].get("shape") or shape) == "circle" else r).move_to(pts[i]) for i in all_ids}
    spread = _spread(pts, vmobs)
    if spread > 1.0:  # nodes wider than their spacing (long labels, dense layouts): spread them out
        pts = {i: p * spread for i, p in pts.items()}
        for i in all_ids:
            vmobs[i].move_to(pts[i])
    cls = DiGraph if directed else Graph
    graph = cls(ids, [], layout={i: pts[i] for i in ids}, vertex_mobjects={i: vmobs[i] for i in ids})
    graph.clear_updaters()  # edges are drawn between the node shapes here, and move with the group
    if rim and given:
        # a clock face: the circle round the written origin through the numbers on it (only some numbers are shown,
        # so the circle's centre is the origin they were placed round, not the middle of the shown ones)
        dists = [math.hypot(x, y) for x, y in pos.values()]
        if dists and min(dists) > 0 and max(dists) <= 1.05 * min(dists):
            k = max(spread, 1.0)
            centre0 = np.array([(0 - cx) * ux, (0 - cy) * uy, 0.0]) * k
            face = Circle(radius=sum(dists) / len(dists) * ux * k, color=ManimColor(EDGE_GREY), stroke_width=3)
            graph.add_to_back(face.move_to(centre0))
            graph.sbc_rim = face  # (drawn by the entrance: the nodes and edges enter one by one)
    emobs = {}
    seen = set()
    both = {(e["from"], e["to"]) for e in edges} if directed else set()
    middle = np.mean([pts[i] for i in all_ids], axis=0) if all_ids else np.zeros(3)
    for e in edges:
        key = (e["from"], e["to"])
        if key in seen or (not directed and key[::-1] in seen):
            continue
        seen.add(key)
        ecol = paint(e.get("color"), EDGE_GREY) if e.get("color") else ManimColor(EDGE_GREY)
        bend = 0.55 if key[::-1] in both and key[0] != key[1] else 0.0  # arrows both ways: two arcs, apart
        m = _edge_mob(vmobs[key[0]].body, vmobs[key[1]].body, ecol, directed, bend,
                      _loop_side(pts[key[0]], middle, e.get("side")) if key[0] == key[1] else None)
        graph._graph.add_edge(*key)
        graph.edges[key] = m
        graph.add(m)
        emobs[key] = e
    # labels: edge weights at the middle, beside the line; notes beside their node, outward
    centre = np.array([0.0, 0.0, 0.0])
    taken = [_box(vmobs[i], 0.02) for i in all_ids]
    edge_labels = VGroup()
    g_labels = {}
    for key, e in emobs.items():
        if e.get("label") is None:
            continue
        t = text(node_id(e["label"]), theme, size=SMALL, color=theme["text"])
        _place_edge_label(t, graph.edges[key], taken)
        edge_labels.add(t)
        g_labels[key] = t
    notes = VGroup()
    g_notes = {}
    for i in ids:
        if info[i].get("note") is not None:
            t = text(node_id(info[i]["note"]), theme, size=SMALL, color=NOTE)
            _place_free(t, vmobs[i].get_center(), _outward(vmobs[i].get_center(), centre), taken, r + 0.08)
            notes.add(t)
            g_notes[i] = t
    # invisible anchors: where every node (present or future) sits, moved and scaled with the group
    anchors = VGroup(*[Dot(pts[i], radius=0.001, fill_opacity=0, stroke_opacity=0) for i in all_ids])
    origin = Dot([0.0, 0.0, 0.0], radius=0.001, fill_opacity=0, stroke_opacity=0)  # where (cx, cy) of the input sits
    anchors.add(origin)
    ruler = VGroup(Dot(pts[all_ids[0]], radius=0.001, fill_opacity=0, stroke_opacity=0),
                   Dot(pts[all_ids[0]] + RIGHT, radius=0.001, fill_opacity=0, stroke_opacity=0))
    parts = [graph, edge_labels, notes, anchors, ruler]
    cap = None
    if caption:
        cap = text(caption, theme, size=22, color=theme["text"], width_chars=60)
        bottom = min(t[1] for t in taken) if taken else -1
        cap.move_to([0, bottom - 0.3 - cap.height / 2, 0])
        parts.append(cap)
    g = VGroup(*parts)
    g.graph, g.edge_labels, g.notes, g.anchor_group = graph, edge_labels, notes, anchors
    g.vmobs, g.labels_by_edge, g.notes_by_node = {i: vmobs[i] for i in ids}, g_labels, g_notes
    g.future = {i: vmobs[i] for i in future}
    g.anchor = {i: a for i, a in zip(all_ids, anchors)}
    g.ruler, g.base_r, g.theme, g.directed, g.colour = ruler, r, theme, directed, col
    g.bst_paths, g.future_pairs, g.layout = paths, future_pairs, layout
    g.origin, g.frame, g.shape = origin, (cx, cy, ux * max(spread, 1.0), uy * max(spread, 1.0)), shape
    g.caption = cap
    g.steps = list(steps or [])
    g.parts = {node_id(info[i].get("label", i)): vmobs[i] for i in ids}
    if caption:
        g.parts[caption] = cap
    g.sbc_kind = "graph"
    g.grow = 1.5
    return g


def _loop_side(p, middle, asked=None):
    """Which way a node's loop bows: the side written ("above", "below"…), else up or down, away from the
    middle of the picture."""
    sides = {"up": UP, "down": DOWN, "left": LEFT, "right": RIGHT}
    if asked in sides:
        return sides[asked]
    return DOWN if p[1] < middle[1] - 1e-6 else UP


def _place_edge_label(t, edge, taken: list) -> None:
    import numpy as np

    out = getattr(edge, "sbc_out", None)
    if out is not None or isinstance(edge, ArcBetweenPoints):
        # a loop or an arc: the label just outside the curve's middle, on its outer side
        mid = edge.point_from_proportion(0.5)
        chord = (edge.get_start() + edge.get_end()) / 2
        n = out if out is not None else mid - chord
        n = n / (np.linalg.norm(n) or 1.0)
        t.move_to(mid + n * (0.12 + 0.5 * abs(n[0]) * t.width + 0.5 * abs(n[1]) * t.height))
        taken.append(_box(t))
        return
    start, end = edge.get_start(), edge.get_end()
    d = end - start
    n = np.array([-d[1], d[0], 0.0])
    n = n / (np.linalg.norm(n) or 1.0)
    if n[1] < -1e-6 or (abs(n[1]) < 1e-6 and n[0] < 0):
        n = -n  # above the line first (or left of a vertical one)
    for along in (0.5, 0.38, 0.62):
        mid = start + d * along
        for side in (n, -n):
            t.move_to(mid + side * (0.14 + 0.5 * abs(side[0]) * t.width + 0.5 * abs(side[1]) * t.height))
            if not any(_hits(_box(t), b) for b in taken):
                taken.append(_box(t))
                return
    t.move_to(start + d * 0.5 + n * (0.14 + 0.5 * t.height))
    taken.append(_box(t))


def enter(mob, run_time: float):
    g = mob.graph
    nodes = list(mob.vmobs.values())
    out = [AnimationGroup(*[FadeIn(v, scale=0.8) for v in nodes], lag_ratio=0.5 / max(1, len(nodes)),
                          run_time=max(0.3, run_time * 0.45))] if nodes else []  # (all hidden: built by inserts)
    if g.edges:
        out.append(AnimationGroup(*[Create(e) for e in g.edges.values()], run_time=max(0.3, run_time * 0.35)))
    if getattr(g, "sbc_rim", None) is not None:  # a clock face round its numbers
        out.insert(0, Create(g.sbc_rim, run_time=max(0.3, run_time * 0.3)))
    extra = [m for m in (mob.edge_labels, mob.notes) if len(m)] + ([mob.caption] if mob.caption is not None else [])
    if extra:
        out.append(FadeIn(VGroup(*extra), run_time=max(0.2, run_time * 0.2)))
    return out


# ----------------------------------------------------------------------------- steps

def _scale(g) -> float:
    a, b = g.ruler
    return float(abs(b.get_center()[0] - a.get_center()[0])) or 1.0


def _edge_key(g, a, b):
    a, b = node_id(a), node_id(b)
    if (a, b) in g.graph.edges:
        return (a, b)
    if not g.directed and (b, a) in g.graph.edges:
        return (b, a)
    return None


def _set_node(v, theme, col, width: float = 3.0):
    return v.body.animate.set_stroke(col, width=width).set_fill(_mix(theme, col, 0.3), opacity=1)


def _note(scene, g, i: str, s: str, rt: float):
    v = g.vmobs.get(i)
    if v is None:
        return
    new = text(s, g.theme, size=SMALL, color=NOTE)
    new.scale(_scale(g))
    old = g.notes_by_node.get(i)
    if old is not None:
        new.move_to(old.get_center())
        scene.play(Transform(old, new), run_time=rt)
        old.text = new.text  # what the inspector reads
        return
    taken = [_box(m, 0.02) for m in g.vmobs.values()] + [_box(m) for m in list(g.edge_labels) + list(g.notes)]
    centre = g.graph.get_center()
    _place_free(new, v.get_center(), _outward(v.get_center(), centre), taken, v.width / 2 + 0.08)
    g.notes.add(new)
    g.notes_by_node[i] = new
    scene.play(FadeIn(new, scale=0.8), run_time=rt)


def _label(scene, g, key, s: str, rt: float):
    new = text(s, g.theme, size=SMALL, color=CURRENT)
    new.scale(_scale(g))
    old = g.labels_by_edge.get(key)
    if old is not None:
        new.move_to(old.get_center())
        scene.play(Transform(old, new), run_time=rt)
        old.text = new.text
        return
    taken = [_box(m, 0.02) for m in g.vmobs.values()] + [_box(m) for m in list(g.edge_labels) + list(g.notes)]
    _place_edge_label(new, g.graph.edges[key], taken)
    g.edge_labels.add(new)
    g.labels_by_edge[key] = new
    scene.play(FadeIn(new, scale=0.8), run_time=rt)


def _screen(g, at) -> "np.ndarray":
    """Where the input coordinates `at` are on screen now (the graph may have been moved and scaled)."""
    import numpy as np

    cx, cy, ux, uy = g.frame
    k = _scale(g)
    return g.origin.get_center() + np.array([(float(at[0]) - cx) * ux * k, (float(at[1]) - cy) * uy * k, 0.0])


def _search_place(g, i: str):
    """A key inserted into a search tree on screen that had no place: `tree_place` (the same search as for a tree
    whose places are written) on the nodes' places on screen, kept at least a node's size away from where it stops.
    Returns (comparison path, position) or None when the graph is not a tree of numbers."""
    import numpy as np

    found = tree_place(i, {v: tuple(m.get_center()[:2]) for v, m in g.vmobs.items()}, list(g.graph.edges))
    if found is None:
        return None
    path, (x, y) = found
    here = g.vmobs[path[-1]].get_center()
    size = g.vmobs[path[-1]].height
    right = x > here[0] if x != here[0] else _num(i) > _num(path[-1])
    dx = max(abs(x - here[0]), 1.1 * size) * (1 if right else -1)
    dy = max(here[1] - y, 1.6 * size)
    return path, here + np.array([dx, -dy, 0.0])


def _walk_in(scene, g, v, path: list[str], rt: float) -> None:
    """The new node appears beside the root and steps down its comparison path, each compared node lit in turn."""
    import numpy as np

    beside = np.array([1.0, 0.55, 0.0]) * (v.width * 1.15)
    first = g.vmobs[path[0]].get_center() + beside
    goal = v.get_center().copy()
    v.move_to(first)
    v.body.set_stroke(DONE, width=4)
    scene.play(FadeIn(v, scale=0.6), run_time=max(0.2, rt * 0.35))
    step = max(0.2, rt * 0.45)
    for k, p in enumerate(path):
        body = g.vmobs[p].body
        was = (body.get_stroke_color(), body.get_stroke_width())
        moves = [body.animate.set_stroke(CURRENT, width=6)]
        if k:
            moves.append(v.animate.move_to(g.vmobs[p].get_center() + beside))
        scene.play(*moves, run_time=step)
        scene.play(body.animate.set_stroke(*was), run_time=max(0.15, step * 0.5))
    scene.play(v.animate.move_to(goal), run_time=step)
    scene.play(v.body.animate.set_stroke(g.colour, width=3), run_time=max(0.15, step * 0.5))


def _refit(scene, g, before, rt: float) -> None:
    """What a step added (a node below the tree, a box's label) stays inside the room the graph had: the graph
    shrinks back into its old box, top and centre kept."""
    left, bottom, right, top = before
    w, h = g.width, g.height
    if g.get_left()[0] >= left - 1e-3 and g.get_right()[0] <= right + 1e-3 and g.get_bottom()[1] >= bottom - 1e-3 \
            and g.get_top()[1] <= top + 1e-3:
        return
    k = min(1.0, (right - left) / max(w, 1e-6), (top - bottom) / max(h, 1e-6))
    target = [(left + right) / 2, top - h * k / 2, 0.0]
    scene.play(g.animate.scale(k).move_to(target), run_time=max(0.2, rt * 0.5))


def _insert(scene, g, ids: list[str], pairs: list, rt: float, at=None):
    before = _box(g, 0.0)
    k = _scale(g)
    for i in ids:
        if i in g.vmobs:
            continue
        path = g.bst_paths.get(i) or []
        if i in g.future:
            v = g.future.pop(i)
            v.scale(k)
            v.move_to(g.anchor[i].get_center())
        else:  # a node the graph was not drawn with: placed where written, or found by its key
            found = None if at is not None and len(ids) == 1 else _search_place(g, i)
            if at is not None and len(ids) == 1:
                where = _screen(g, at)
            elif found is not None:
                path, where = found
            else:
                right = max(m.get_right()[0] for m in g.vmobs.values()) if g.vmobs else 0.0
                where = [right + 2 * g.base_r * k + 0.3, g.graph.get_center()[1], 0.0]
            v = _node_mob(g.theme, i, g.colour, g.shape, g.base_r).scale(k).move_to(where)
            if path:
                pairs = list(pairs) + [(path[-1], i)]
        if path and all(p in g.vmobs for p in path):
            _walk_in(scene, g, v, path, rt)
        else:
            scene.play(FadeIn(v, scale=0.6), run_time=rt)
        pairs = list(pairs) + [(a, b) for a, b in g.future_pairs if i in (a, b)]
        g.graph.add_vertices(i, positions={i: v.get_center()}, vertex_mobjects={i: v})
        g.vmobs[i] = v
        g.parts[v.label.text if hasattr(v.label, "text") else i] = v
    new_edges = []
    for a, b in pairs:
        a, b = node_id(a), node_id(b)
        if a in g.vmobs and b in g.vmobs and _edge_key(g, a, b) is None and a != b:
            m = _edge_mob(g.vmobs[a].body, g.vmobs[b].body, ManimColor(EDGE_GREY), g.directed)
            g.graph._graph.add_edge(a, b)
            g.graph.edges[(a, b)] = m
            g.graph.add(m)
            new_edges.append(m)
    if new_edges:
        scene.play(*[Create(m) for m in new_edges], run_time=rt)
    _refit(scene, g, before, rt)


def _box_around(scene, g, ids: list[str], label, col, rt: float) -> None:
    """A rounded rectangle around some nodes (a subtree), lightly filled, with its label outside it, away from
    the picture's centre."""
    before = _box(g, 0.0)
    k = _scale(g)
    inside = VGroup(*[g.vmobs[i] for i in ids])
    frame = RoundedRectangle(width=inside.width + 0.3 * k, height=inside.height + 0.3 * k, corner_radius=0.15 * k,
                             color=col, stroke_width=2.5).move_to(inside.get_center())
    frame.set_fill(col, opacity=0.12).set_z_index(-1)
    parts = [Create(frame)]
    g.add(frame)
    if label is not None:
        t = text(node_id(label), g.theme, size=SMALL, color=col).scale(k)
        below = inside.get_center()[1] <= g.graph.get_center()[1]
        t.next_to(frame, DOWN if below else UP, buff=0.08 * k)
        g.add(t)
        g.parts[node_id(label)] = t
        parts.append(FadeIn(t))
    scene.play(*parts, run_time=rt)
    _refit(scene, g, before, rt)


def _walk(scene, g, ids: list[str], col, span: float) -> None:
    """A dot travels along the edges from node to node in the order given, lighting each node it reaches."""
    import networkx as nx

    stops = [i for i in ids if i in g.vmobs]
    if len(stops) < 2:
        return
    und = g.graph._graph.to_undirected()
    route = [stops[0]]
    for a, b in zip(stops, stops[1:]):
        try:
            route += nx.shortest_path(und, a, b)[1:]
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            route.append(b)
    dot = Dot(g.vmobs[stops[0]].get_center(), radius=0.11 * _scale(g), color=col).set_z_index(5)
    hop = max(0.12, span / (len(route) + 1))
    scene.play(FadeIn(dot), _set_node(g.vmobs[stops[0]], g.theme, col, 5), run_time=hop)
    lit = {stops[0]}
    for v in route[1:]:
        moves = [dot.animate.move_to(g.vmobs[v].get_center())]
        scene.play(*moves, run_time=hop * 0.7)
        if v in stops and v not in lit:
            lit.add(v)
            scene.play(_set_node(g.vmobs[v], g.theme, col, 5), run_time=hop * 0.3)
    scene.play(FadeOut(dot), run_time=min(0.3, hop))


def _remove(scene, g, ids: list[str], pairs: list, rt: float):
    gone = []
    for a, b in pairs:
        key = _edge_key(g, a, b)
        if key is not None:
            gone.append(g.graph.edges.pop(key))
            g.graph._graph.remove_edge(*key)
            if key in g.labels_by_edge:
                gone.append(g.labels_by_edge.pop(key))
    for i in ids:
        if i not in g.vmobs:
            continue
        for key in [e for e in g.graph.edges if i in e]:
            gone.append(g.graph.edges.pop(key))
            if key in g.labels_by_edge:
                gone.append(g.labels_by_edge.pop(key))
        gone.append(g.vmobs.pop(i))
        g.graph.vertices.pop(i, None)
        if g.graph._graph.has_node(i):
            g.graph._graph.remove_node(i)
        if i in g.notes_by_node:
            gone.append(g.notes_by_node.pop(i))
    if gone:
        scene.play(*[FadeOut(m) for m in gone], run_time=rt)
        for m in gone:
            for holder in (g.graph, g.edge_labels, g.notes):
                holder.remove(m)
        g.parts = {k: v for k, v in g.parts.items() if v not in gone}


def play_step(scene, g, step: dict, rt: float, span: float | None = None) -> None:
    theme = g.theme
    action = step.get("action")
    ids = [node_id(n) for n in step.get("nodes") or []]
    pairs = [(node_id(a), node_id(b)) for a, b in step.get("edges") or []]
    col = paint(step.get("color"), CURRENT) if step.get("color") else None
    live = [i for i in ids if i in g.vmobs]
    keys = [k for k in (_edge_key(g, a, b) for a, b in pairs) if k is not None]
    if action == "visit":
        c = col or ManimColor(CURRENT)
        if live:
            scene.play(*[_set_node(g.vmobs[i], theme, c, 6) for i in live], run_time=rt)
    elif action == "mark":
        c = col or ManimColor(DONE)
        if live:
            scene.play(*[g.vmobs[i].body.animate.set_stroke(c, width=4).set_fill(_mix(theme, c, 0.55), opacity=1)
                         for i in live], run_time=rt)
    elif action == "color":
        c = col or ManimColor(CURRENT)
        anims = [_set_node(g.vmobs[i], theme, c, 4) for i in live]
        anims += [g.graph.edges[k].animate.set_color(c).set_stroke(width=4) for k in keys]
        if anims:
            scene.play(*anims, run_time=rt)
    elif action == "dim":
        anims = [g.vmobs[i].animate.set_opacity(0.3) for i in live]
        anims += [g.graph.edges[k].animate.set_color(DIM) for k in keys]
        anims += [g.labels_by_edge[k].animate.set_opacity(0.35) for k in keys if k in g.labels_by_edge]
        if anims:
            scene.play(*anims, run_time=rt)
    elif action == "note" and ids:
        _note(scene, g, ids[0], node_id(step.get("text", "")), rt)
    elif action == "label" and keys:
        _label(scene, g, keys[0], node_id(step.get("text", "")), rt)
    elif action == "path":
        c = col or ManimColor(PATH)
        seq = []
        for a, b in zip(ids, ids[1:]):
            k = _edge_key(g, a, b)
            if a in g.vmobs:
                seq.append(_set_node(g.vmobs[a], theme, c, 5))
            if k is not None:
                seq.append(g.graph.edges[k].animate.set_color(c).set_stroke(width=6))
        if ids and ids[-1] in g.vmobs:
            seq.append(_set_node(g.vmobs[ids[-1]], theme, c, 5))
        if seq:
            scene.play(Succession(*seq, run_time=max(rt, 0.15 * len(seq))))
    elif action == "box" and live:
        _box_around(scene, g, live, step.get("text"), col or ManimColor(CURRENT), rt)
    elif action == "walk":
        _walk(scene, g, ids, col or ManimColor(PATH), span or 2 * rt)
    elif action == "insert":
        _insert(scene, g, ids, pairs, rt, step.get("at"))
    elif action == "remove":
        _remove(scene, g, ids, pairs, rt)


def run_steps(scene, g, steps, until: float) -> None:
    """Play `steps` one after another, evenly spread until `until` (seconds into the scene)."""
    steps = list(steps or [])
    if not steps or g is None:
        return
    start = scene.now
    per = max(0.3, (until - start - 0.3) / len(steps))
    for k, step in enumerate(steps):
        scene._wait_until(start + k * per)
        play_step(scene, g, step, max(0.2, min(1.0, per * 0.6)), per * 0.85)



def extend(scene, *, steps, until: float, slot: float, strings=(), **new_graph) -> None:
    """Steps on the graph on screen; with none on screen and nodes given, this beat's graph is drawn first."""
    g = scene.picture("graph", (lambda: build(scene.theme, steps=steps, **new_graph))
                      if new_graph.get("nodes") else None, enter, slot, strings)
    if g is not None:
        run_steps(scene, g, steps, until)
