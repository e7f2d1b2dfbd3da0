"""network: layers of nodes joined by edges; activation flowing through."""

from manim import (DOWN, RIGHT, Circle, Create, Dot, FadeIn, Line, ShowPassingFlash, Succession, VGroup, AnimationGroup)

from ...components.network import DRAWN
from ..style import colour, text


def _column(n: int, node_col: str, dots_col: str) -> tuple[VGroup, list]:
    """A layer: n nodes one under the other; more than DRAWN: DRAWN - 1 of them with a vertical ellipsis in the middle
    (the layer's label says its size). (the column, its nodes)"""
    nodes = [Circle(radius=0.22, color=node_col, stroke_width=3, fill_opacity=0.15) for _ in range(min(n, DRAWN) if n <= DRAWN
                                                                                               else DRAWN - 1)]
    items = list(nodes)
    if n > DRAWN:
        ellipsis = VGroup(*[Dot(radius=0.05, color=dots_col) for _ in range(3)]).arrange(DOWN, buff=0.09)
        items.insert(len(nodes) // 2, ellipsis)
    col = VGroup(*items)
    col.arrange(DOWN, buff=0.35)
    return col, nodes


def build(theme: dict, *, layers: list[int], labels: list[str] | None = None, color: str | None = None):
    node_col = color or colour(theme, "node", theme["accent"])
    edge_col = colour(theme, "arrow", "#66BB6A")
    cols, nodes = [], []
    for n in layers:
        col, drawn = _column(n, node_col, theme["text"])
        cols.append(col)
        nodes.append(drawn)
    texts = [text(lab, theme, size=22, color=theme["text"]) for lab in (labels or [])[:len(cols)]]
    widest = max((t.width for t in texts), default=0.0)
    net = VGroup(*cols).arrange(RIGHT, buff=max(1.8, widest + 0.4 - 0.44))  # labels under the layers keep apart
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
    g = VGroup(edges, net, caps)
    g.cols, g.layer_edges, g.parts = cols, layer_edges, parts
    g.grow = 1.6
    g.sbc_kind = "network"
    return g


def enter(mob, run_time: float):
    return [AnimationGroup(*[FadeIn(c) for c in mob.cols], lag_ratio=0.3, run_time=run_time * 0.5),
            AnimationGroup(Create(mob[0]), FadeIn(mob[2]), run_time=max(0.3, run_time * 0.5))]


def pulse(mob, run_time: float):
    flashes = [AnimationGroup(*[ShowPassingFlash(e.copy().set_color("#FFD54F").set_stroke(width=4), time_width=0.5)
                                for e in le]) for le in mob.layer_edges]
    return Succession(*flashes, run_time=run_time) if flashes else None
