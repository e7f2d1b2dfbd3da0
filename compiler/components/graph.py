"""graph: nodes and edges — weighted graphs, trees (binary search, recursion, probability), linked chains —
and steps over them (visit, mark visited, update a label, highlight a path, insert, remove)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import BLANK_PATTERN, Colour, _Model
from .base import VisualBase

KIND = "graph"
RUNTIME = "graph"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_NODES = 24
MAX_EDGES = 40
MAX_STEPS = 16

NodeId = Union[Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=BLANK_PATTERN)], int, float]
Label = Union[Annotated[str, Field(max_length=40)], int, float]
Pair = Annotated[list[NodeId], Field(min_length=2, max_length=2)]


def node_id(v: object) -> str:
    """Node names as written: 8, 8.0 and "8" are the same node."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _err(message: str) -> PydanticCustomError:
    """A validation error whose message is exactly `message` (no "Value error, " prefix)."""
    return PydanticCustomError("graph", message)


class GraphNode(_Model):
    id: NodeId = Field(description="The node's name, used by edges and steps; drawn inside it unless `label` "
                       "is given.", examples=["A", 8])
    label: Label | None = Field(None, description="Text drawn inside the node (default: its id).", examples=["start"])
    at: list[float] | None = Field(None, min_length=2, max_length=2,
                                   description="[x, y] position (any units: the picture is scaled to fit). Give it "
                                   "to every node or to none.", examples=[[-5, 0]])
    note: Label | None = Field(None, description="Small text beside the node (a distance, 'Start').",
                               examples=["0", "∞"])
    shape: Literal["circle", "box"] | None = Field(None, description="Circle (default for up to 3 characters) or "
                                                   "rounded box.", examples=["box"])
    color: Colour | None = Field(None, description="Node colour.", examples=["gold"])
    hidden: bool | None = Field(None, description="Placed now but drawn only when an `insert` step adds it (a tree built "
                         "node by node at the places written).", examples=[True])


class GraphEdge(_Model):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True, validate_by_name=True,
                              validate_by_alias=True, serialize_by_alias=True)
    from_: NodeId = Field(alias="from", description="Node the edge starts at.", examples=["A"])
    to: NodeId = Field(description="Node the edge ends at (the arrow's head in a directed graph; the child in a "
                       "tree); the same node as `from` for a loop (a state that stays itself).", examples=["B"])
    label: Label | None = Field(None, description="Weight or probability drawn at the edge's middle.",
                                examples=[4, "1/2"])
    color: Colour | None = Field(None, description="Edge colour.", examples=["orange"])
    side: Literal["up", "down", "left", "right"] | None = Field(
        None, description="A loop (`from` and `to` the same node): the side of the node it bows out on (default: "
        "away from the middle of the picture).", examples=["up"])


StepAction = Literal["visit", "mark", "color", "note", "label", "path", "walk", "insert", "remove", "dim", "box"]


class GraphStep(_Model):
    action: StepAction = Field(
        description="`visit`: the nodes become current (gold ring); `mark`: the nodes are done (filled green, "
        "'visited'); `color`: nodes/edges take `color`; `note`: the text beside one node changes to `text` "
        "(distance relaxation); `label`: one edge's label changes to `text`; `path`: the path through `nodes` "
        "lights up, node by node; `walk`: a dot travels along the edges from node to node in the order given (a "
        "traversal), lighting each; `insert`: new `nodes` (and `edges`) appear — in a search tree the new key "
        "walks down its comparison path first and hangs from the node it stops at; `box`: a rounded rectangle "
        "around `nodes` (a subtree, a cluster), labelled with `text`; `remove`: nodes (with their edges) or edges fade out; `dim`: "
        "nodes/edges fade to grey.", examples=["visit"])
    nodes: list[NodeId] = Field(default_factory=list, max_length=MAX_NODES, description="Nodes the step acts on.",
                                examples=[["A", "C", "E"]])
    edges: list[Pair] = Field(default_factory=list, max_length=MAX_EDGES,
                              description="Edges the step acts on, each [from, to].", examples=[[["A", "B"]]])
    text: Label | None = Field(None, description="New text for `note` / `label`; the label of a `box`.", examples=["4"])
    at: list[float] | None = Field(None, min_length=2, max_length=2,
                                   description="`insert` of one node into a graph drawn at positions: where.",
                                   examples=[[0, -2]])
    color: Colour | None = Field(None, description="Colour for `color`, `visit` or `path`.", examples=["red"])

    @model_validator(mode="after")
    def _complete(self):
        a, n, e = self.action, len(self.nodes), len(self.edges)
        if a in ("visit", "mark", "insert", "box") and not n and not (a == "insert" and e):
            raise _err(f"a '{a}' step needs `nodes`")
        if a in ("color", "remove", "dim") and not n and not e:
            raise _err(f"a '{a}' step needs `nodes` or `edges`")
        if a == "note" and (n != 1 or self.text is None):
            raise _err("a 'note' step needs one node in `nodes` and its new `text`")
        if a == "label" and (e != 1 or self.text is None):
            raise _err("a 'label' step needs one edge in `edges` and its new `text`")
        if a in ("path", "walk") and n < 2:
            raise _err(f"a '{a}' step needs at least two `nodes`, in order")
        if a == "color" and not self.color:
            raise _err("a 'color' step needs a `color`")
        return self


class GraphVisual(VisualBase):
    kind: Literal["graph"] = Field(description="Nodes joined by edges: a weighted graph, a tree (binary search, "
                                   "recursion, probability), linked chains; `steps` act on it in turn.")
    nodes: list[Union[NodeId, GraphNode]] = Field(
        default_factory=list, max_length=MAX_NODES,
        description="The nodes: names, or objects with `id`, `label`, `at`, `note`, `shape`, `color`. In a `bst`, "
        "the keys in insertion order (the edges follow).", examples=[["A", "B", "C"], [8, 3, 10, 1, 6]])
    directed: bool = Field(False, description="Edges are arrows.", examples=[True])
    layout: Literal["auto", "tree", "layered", "circular", "spring", "chain", "bst"] = Field(
        "auto", description="Where the nodes go when they have no `at`: `tree` (roots on top), `layered` (a DAG "
        "left to right), `circular`, `spring`, `chain` (each path a row: linked lists, hash buckets), `bst` "
        "(a binary search tree built from the keys in order); `auto` picks chain, tree, layered or circular.",
        examples=["tree"])
    direction: Literal["down", "right"] | None = Field(None, description="Which way a tree or layered graph "
                                                       "grows (tree default down, layered right).",
                                                       examples=["right"])
    extend: bool = Field(False, description="Act on the graph already on screen (only `steps`); without one on "
                         "screen, draw this beat's graph.", examples=[True])
    grown: bool = Field(False, description="This graph is the one on screen grown (more nodes and edges): it takes "
                        "that graph's place instead of being drawn beside it.", examples=[True])
    edges: list[GraphEdge] = Field(default_factory=list, max_length=MAX_EDGES,
                                   description="The edges, each {from, to, label}.",
                                   examples=[[{"from": "A", "to": "B", "label": 4}]])
    rim: bool = Field(False, description="A circle drawn round the origin through the nodes placed on it (a clock "
                      "face: the numbers of a modular clock).", examples=[True])
    caption: str | None = Field(None, max_length=120, description="Text under the graph.",
                                examples=["Shortest paths from A"])
    steps: list[GraphStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                   description="Actions on the graph, one after another within the beat.",
                                   examples=[[{"action": "visit", "nodes": ["A"]},
                                              {"action": "note", "nodes": ["B"], "text": "4"}]])

    @field_validator("nodes")
    @classmethod
    def _unique(cls, nodes: list) -> list:
        seen: set[str] = set()
        at = [isinstance(n, GraphNode) and n.at is not None for n in nodes]
        for k, n in enumerate(nodes):
            i = node_id(n.id if isinstance(n, GraphNode) else n)
            if i in seen:
                raise _err(f"node {k} ({i!r}) is listed twice: node names must be unique")
            seen.add(i)
        if any(at) and not all(at):
            missing = [node_id(n.id if isinstance(n, GraphNode) else n) for n, a in zip(nodes, at) if not a][:3]
            raise _err(f"some nodes have `at` and some do not ({', '.join(missing)}): give positions to every node "
                       "or to none")
        return nodes

    @field_validator("edges")
    @classmethod
    def _edges_join_nodes(cls, edges: list, info: ValidationInfo) -> list:
        ids = _ids(info.data.get("nodes") or [])
        if info.data.get("layout") == "bst" and edges:
            raise _err("a `bst` places its edges itself: give the keys in `nodes`, in insertion order, and no `edges`")
        for k, e in enumerate(edges):
            for end in (e.from_, e.to):
                if ids and node_id(end) not in ids:
                    raise _err(f"edge {k} ({node_id(e.from_)} → {node_id(e.to)}): there is no node {node_id(end)!r}")
        return edges

    @field_validator("steps")
    @classmethod
    def _steps_name_nodes(cls, steps: list, info: ValidationInfo) -> list:
        nodes = info.data.get("nodes") or []
        known = set(_ids(nodes))
        if not known:
            return steps  # `extend`: steps on the graph on screen, whose nodes are not known here
        hidden = {node_id(n.id) for n in nodes if isinstance(n, GraphNode) and n.hidden}
        bst = info.data.get("layout") == "bst"
        for k, s in enumerate(steps):
            if s.action == "insert":
                for n in s.nodes:
                    if node_id(n) in hidden:
                        hidden.discard(node_id(n))  # a node placed but not yet drawn
                        continue
                    if node_id(n) in known:
                        raise _err(f"step {k} inserts {node_id(n)!r}, which is already a node")
                    if bst and not _is_number(node_id(n)):
                        raise _err(f"step {k} inserts {node_id(n)!r} into a `bst`: keys are numbers")
                known.update(node_id(n) for n in s.nodes)
            for n in list(s.nodes) + [x for pair in s.edges for x in pair]:
                if node_id(n) not in known:
                    raise _err(f"step {k} ({s.action}): there is no node {node_id(n)!r}")
        return steps

    @model_validator(mode="after")
    def _consistent(self):
        ids = _ids(self.nodes)
        if not ids and not self.extend:
            raise _err("a graph needs `nodes` (or `extend`: steps on the graph on screen)")
        if self.layout == "bst":
            bad = [i for i in ids if not _is_number(i)]
            if bad:
                raise _err(f"a `bst` needs numbers as keys, not {bad[0]!r}")
        return self


def _key(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


def tree_place(key: str, pos: dict[str, tuple[float, float]], pairs: list[tuple[str, str]]):
    """Where a key inserted into a search tree drawn at written places goes: it walks down from the root (left
    when smaller, right when larger, by the children's places) and hangs below the node where the walk stops,
    half as far to the side as that node sits from its parent. Returns (the nodes it is compared with, (x, y)),
    or None when the keys are not all numbers or the edges do not make one tree."""
    k = _key(key)
    if k is None or not pos or any(_key(v) is None for v in pos):
        return None
    parent: dict[str, str] = {}
    for a, b in pairs:
        if a in pos and b in pos:
            parent.setdefault(b, a)
    roots = [v for v in pos if v not in parent]
    if len(roots) != 1:
        return None
    kids: dict[str, list[str]] = {v: [] for v in pos}
    for b, a in parent.items():
        kids[a].append(b)
    cur, path = roots[0], []
    while len(path) <= len(pos):
        path.append(cur)
        smaller = k < float(cur)
        side = [c for c in kids[cur] if (pos[c][0] < pos[cur][0]) == smaller]
        if not side:
            break
        cur = side[0]
    x, y = pos[cur]
    up = parent.get(cur)
    xs = [p[0] for p in pos.values()]
    ys = sorted({p[1] for p in pos.values()})
    gap = min((b - a for a, b in zip(ys, ys[1:])), default=0.0) or (max(xs) - min(xs)) / 4 or 1.0
    dy = (pos[up][1] - y) if up else gap
    dx = abs(pos[up][0] - x) / 2 if up else (max(xs) - min(xs)) / 4 or dy
    return path, (x - dx if k < float(cur) else x + dx, y - (dy or gap))


def _ids(nodes: list) -> list[str]:
    return [node_id(n.id if isinstance(n, GraphNode) else n) for n in nodes]


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


STRINGS = ("nodes", "edges", "steps", "caption")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """Node labels, notes, edge labels, the texts steps write, the caption — as drawn."""
    out: list[str] = []
    for n in params.get("nodes") or []:
        if isinstance(n, dict) and n.get("hidden"):
            continue  # drawn by the step that inserts it
        if isinstance(n, dict):
            out.append(node_id(n.get("label", n.get("id"))))
            if n.get("note") is not None:
                out.append(node_id(n["note"]))
        else:
            out.append(node_id(n))
    out += [node_id(e["label"]) for e in params.get("edges") or [] if e.get("label") is not None]
    for s in params.get("steps") or []:
        if s.get("action") == "insert":
            out += [node_id(n) for n in s.get("nodes") or []]
        if s.get("text") is not None:
            out.append(node_id(s["text"]))
    if params.get("caption"):
        out.append(params["caption"])
    return out


MODEL = GraphVisual
