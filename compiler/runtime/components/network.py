"""network: layers of nodes joined by edges; activation flowing through."""

from manim import (DOWN, RIGHT, Circle, Create, Dot, FadeIn, Line, ShowPassingFlash, Succession, VGroup, AnimationGroup)

from ...components.network import DRAWN
from ..style import colour, symbol, text


def _column(n: int, node_col: str, dots_col: str, radius: float = 0.22) -> tuple[VGroup, list]:
    """A layer: n nodes one under the other; more than DRAWN: DRAWN - 1 of them with a vertical ellipsis in the middle
    (the layer's label says its size). (the column, its nodes)"""
    nodes = [Circle(radius=radius, color=node_col, stroke_width=3, fill_opacity=0.15)
             for _ in range(min(n, DRAWN) if n <= DRAWN else DRAWN - 1)]
    items = list(nodes)
    if n > DRAWN:
        ellipsis = VGroup(*[Dot(radius=0.05, color=dots_col) for _ in range(3)]).arrange(DOWN, buff=0.09)
        items.insert(len(nodes) // 2, ellipsis)
    col = VGroup(*items)
    col.arrange(DOWN, buff=0.35)
    return col, nodes


def build(theme: dict, *, layers: list[int], labels: list[str] | None = None, color: str | None = None,
          nodes: list[str] | None = None, weights: list[str] | None = None):
    """`nodes`: text inside the drawn nodes, layer by layer; `weights`: a label on the edges between each layer and
    the next."""
    node_col = color or colour(theme, "node", theme["accent"])
    edge_col = colour(theme, "arrow", "#66BB6A")
    names = [symbol(n, theme) for n in (nodes or [])]
    radius = 0.22 if not names else min(0.6, max(0.4, max(t.width for t in names) / 2 + 0.14))
    cols, drawn_nodes = [], []
    for n in layers:
        col, drawn = _column(n, node_col, theme["text"], radius)
        cols.append(col)
        drawn_nodes.append(drawn)
    texts = [text(lab, theme, size=22, color=theme["text"]) for lab in (labels or [])[:len(cols)]]
    marks = [symbol(w, theme, 22) if w else None for w in (weights or [])]
    widest = max([t.width for t in texts] + [t.width + 0.6 for t in marks if t is not None], default=0.0)
    net = VGroup(*cols).arrange(RIGHT, buff=max(1.8, widest + 0.4 - 2 * radius))  # labels under the layers keep apart
    nodes_flat = [c for layer in drawn_nodes for c in layer]
    inside = VGroup()
    for circle, t in zip(nodes_flat, names):
        if t.width > radius * 1.7:
            t.scale_to_fit_width(radius * 1.7)
        t.move_to(circle.get_center())
        inside.add(t)
    node_names, nodes = list(nodes or []), drawn_nodes
    edges = VGroup()
    layer_edges = []
    for a, b in zip(nodes, nodes[1:]):
        le = VGroup(*[Line(x.get_right(), y.get_left(), color=edge_col, stroke_width=1.5, stroke_opacity=0.7)
                      for x in a for y in b])
        layer_edges.append(le)
        edges.add(le)
    caps = VGroup()
    parts = {}
    for col, lab, t in zip(cols, labels or [], texts):
        t.next_to(col, DOWN, buff=0.25)
        caps.add(t)
        parts[lab] = t
    for k, t in enumerate(marks[:len(cols) - 1]):
        if t is None:
            continue
        a, b = cols[k], cols[k + 1]
        t.move_to([(a.get_right()[0] + b.get_left()[0]) / 2, max(a.get_top()[1], b.get_top()[1]) + 0.05, 0])
        if len(nodes[k]) == 1 and len(nodes[k + 1]) == 1:  # one edge: its label just above it
            t.move_to([(a.get_right()[0] + b.get_left()[0]) / 2, (a.get_center()[1] + b.get_center()[1]) / 2
                       + 0.12 + t.height / 2, 0])
        caps.add(t)
        parts[weights[k]] = t
    for t, n in zip(inside, node_names):
        parts.setdefault(n, t)
    net.add(inside)
    g = VGroup(edges, net, caps)
    g.cols, g.layer_edges, g.parts, g.inside = cols, layer_edges, parts, inside
    g.grow = 1.6
    g.sbc_kind = "network"
    return g


def enter(mob, run_time: float):
    inside = getattr(mob, "inside", None)
    return [AnimationGroup(*[FadeIn(c) for c in mob.cols], lag_ratio=0.3, run_time=run_time * 0.5),
            AnimationGroup(Create(mob[0]), FadeIn(mob[2]), *([FadeIn(inside)] if inside is not None and len(inside) else []),
                           run_time=max(0.3, run_time * 0.5))]


def pulse(mob, run_time: float):
    flashes = [AnimationGroup(*[ShowPassingFlash(e.copy().set_color("#FFD54F").set_stroke(width=4), time_width=0.5)
                                for e in le]) for le in mob.layer_edges]
    return Succession(*flashes, run_time=run_time) if flashes else None
