"""Vocabulary II: graph, vector_plane, number_line, geometry, annotation — their models (validated, with
positioned errors), the pure layout helpers, the strings they draw, and dry runs that check the layout."""

from __future__ import annotations

import json

import pytest

from compiler import dryrun
from compiler.components import drawn_strings
from compiler.generate import generate_scene
from compiler.load import load_text
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.timing import estimate_timings, time_plan
from compiler.validate import validate_loaded

from .conftest import scene

NEW_KINDS = ("graph", "vector_plane", "number_line")


def _scene(audio: str, visuals: list, title: str | None = None) -> dict:
    return scene("x", audio, style="Near-black background (#0f0f1a).",
                 visuals=([{"kind": "title", "text": title}] if title else []) + visuals)


def diagnostics(visuals: list) -> list:
    text = json.dumps({"scenes": [_scene("The narration of this scene, long enough to read.", visuals)]}, indent=2,
                      ensure_ascii=False)
    v = validate_loaded(load_text(text, "sb.json"))
    return [(d.code, d.line, d.message) for d in v.report.sorted()]


class SizeInspector(dryrun.Inspector):
    """Also records the smallest Text on screen at the end of every beat."""

    min_pt: float = 1000.0

    def beat_boundary(self, scene) -> None:
        if self.beat > 0:
            for m in dryrun.text_units(scene):
                if type(m).__name__ == "Text" and m.get_fill_opacity() > 0.5:
                    self.min_pt = min(self.min_pt, m.font_size)
        super().beat_boundary(scene)


def dry_run(scenes: list[dict], monkeypatch):
    monkeypatch.setattr(dryrun, "Inspector", SizeInspector)
    sb = Storyboard.model_validate({"scenes": scenes})
    timed = time_plan(plan_storyboard(sb), estimate_timings(sb))
    out = []
    for ts in timed.scenes:
        gen = generate_scene(ts)
        out.append((ts.plan.number, dryrun.run_scene(gen.code, gen.class_name, ts.plan.number)))
    return out


# ----------------------------------------------------------------------------- graph
DIJKSTRA = {"kind": "graph",
            "nodes": [{"id": "A", "at": [-5, 0], "note": "0"}, {"id": "B", "at": [-2, 2], "note": "∞"},
                      {"id": "C", "at": [-2, -2], "note": "∞"}, {"id": "D", "at": [2, 2], "note": "∞"},
                      {"id": "E", "at": [5, 0], "note": "∞"}],
            "edges": [{"from": "A", "to": "B", "label": 4}, {"from": "A", "to": "C", "label": 2},
                      {"from": "B", "to": "C", "label": 1}, {"from": "B", "to": "D", "label": 5},
                      {"from": "C", "to": "D", "label": 8}, {"from": "C", "to": "E", "label": 10},
                      {"from": "D", "to": "E", "label": 2}],
            "steps": [{"action": "visit", "nodes": ["A"]}, {"action": "color", "edges": [["A", "B"]], "color": "orange"},
                      {"action": "note", "nodes": ["B"], "text": "4"}, {"action": "mark", "nodes": ["A"]},
                      {"action": "label", "edges": [["C", "E"]], "text": "10 (skip)"}]}
BST = {"kind": "graph", "layout": "bst", "nodes": [8, 3, 10, 1, 6, 14, 4, 7, 13], "caption": "Binary search tree",
       "steps": [{"action": "insert", "nodes": [5]}, {"action": "remove", "nodes": [1]}]}
PROBABILITY = {"kind": "graph", "layout": "tree", "direction": "right", "nodes": ["start", "H", "T", "HH", "HT"],
               "edges": [{"from": "start", "to": "H", "label": "1/2"}, {"from": "start", "to": "T", "label": "1/2"},
                         {"from": "H", "to": "HH", "label": "1/2"}, {"from": "H", "to": "HT", "label": "1/2"}]}
BUCKETS = {"kind": "graph", "directed": True, "caption": "Hash buckets with chaining",
           "nodes": [{"id": "0", "shape": "box"}, {"id": "1", "shape": "box"}, "apple", "kiwi", "plum"],
           "edges": [{"from": "0", "to": "apple"}, {"from": "apple", "to": "kiwi"}, {"from": "1", "to": "plum"}]}


def test_graph_validates_and_reports_positioned_errors():
    assert diagnostics([DIJKSTRA, BST, PROBABILITY, BUCKETS]) == []
    found = diagnostics([{"kind": "graph", "nodes": ["A", "B"], "edges": [{"from": "A", "to": "Z"}]}])
    assert found and found[0][0] == "SB203" and "edge 0 (A → Z): there is no node 'Z'" in found[0][2]
    assert "visuals[0].edges" in found[0][2]
    cases = [
        ({"kind": "graph", "nodes": ["A", "A"]}, "listed twice"),
        ({"kind": "graph", "nodes": [{"id": "A", "at": [0, 0]}, "B"]}, "give positions to every node or to none"),
        ({"kind": "graph", "nodes": [8, "x"], "layout": "bst"}, "a `bst` needs numbers"),
        ({"kind": "graph", "nodes": [8], "layout": "bst", "edges": [{"from": 8, "to": 8}]}, "places its edges"),
        ({"kind": "graph", "nodes": ["A"], "steps": [{"action": "note", "nodes": ["A"]}]}, "its new `text`"),
        ({"kind": "graph", "nodes": ["A"], "steps": [{"action": "visit", "nodes": ["Q"]}]}, "no node 'Q'"),
        ({"kind": "graph", "nodes": ["A"], "steps": [{"action": "insert", "nodes": ["A"]}]}, "already a node"),
        ({"kind": "graph"}, "a graph needs `nodes`"),
        ({"kind": "graph", "nodes": [str(k) for k in range(30)]}, "at most 24"),
    ]
    for visual, message in cases:
        found = diagnostics([visual])
        assert any(message in m for _, _, m in found), (visual, found)
        assert all(line is not None and line > 1 for _, line, _ in found)
    # steps on the graph on screen: nodes are not known here, so nothing to check against
    assert diagnostics([{"kind": "graph", "extend": True, "steps": [{"action": "visit", "nodes": ["Q"]}]}]) == []


def test_graph_layouts():
    from compiler.runtime.components.graph import bst_edges, layout_positions, resolve_layout

    edges, paths = bst_edges(["8", "3", "10", "1", "6", "5"])
    assert edges == [("8", "3"), ("8", "10"), ("3", "1"), ("3", "6"), ("6", "5")]
    assert paths["5"] == ["8", "3", "6"]
    pos = layout_positions(["8", "3", "10", "1", "6"], [], "bst")
    assert [k for k, _ in sorted(pos.items(), key=lambda kv: kv[1][0])] == ["1", "3", "6", "8", "10"]  # in order
    assert pos["8"][1] == 0 and pos["6"][1] == -2
    tree = layout_positions(["r", "a", "b"], [("r", "a"), ("r", "b")], "tree")
    assert tree["r"][1] > tree["a"][1] == tree["b"][1] and tree["a"][0] < tree["r"][0] < tree["b"][0]
    right = layout_positions(["r", "a", "b"], [("r", "a"), ("r", "b")], "tree", "right")
    assert right["r"][0] < right["a"][0] == right["b"][0]
    assert resolve_layout(["a", "b", "c"], [("a", "b"), ("b", "c")]) == "chain"
    assert resolve_layout(["a", "b", "c", "d"], [("a", "b"), ("a", "c"), ("c", "d")]) == "tree"
    assert resolve_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("a", "c")], directed=True) == "layered"
    assert resolve_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")]) == "circular"
    chain = layout_positions(["0", "x", "y", "1", "z"], [("0", "x"), ("x", "y"), ("1", "z")], "chain")
    assert chain["0"][1] == chain["y"][1] > chain["1"][1] and chain["y"][0] == 2
    assert layout_positions(list("abcdefghijkl"), [("a", "b")], "spring") == \
        layout_positions(list("abcdefghijkl"), [("a", "b")], "spring")  # seeded: deterministic


def test_graph_drawn_strings():
    strings = drawn_strings("graph", Storyboard.model_validate(
        {"scenes": [_scene("x.", [DIJKSTRA])]}).scenes[0].visuals[0].model_dump(exclude_none=True))
    assert strings[:4] == ["A", "0", "B", "∞"] and "10" in strings and "4" in strings and "10 (skip)" in strings
    assert "5" in drawn_strings("graph", {"nodes": [8, 3], "layout": "bst", "steps": [{"action": "insert",
                                                                                       "nodes": [5]}]})


def test_graph_dry_runs_fit(monkeypatch):
    scenes = [
        _scene("Dijkstra starts at A. B gets four. Then the path lights up.",
               [DIJKSTRA, {"kind": "graph", "extend": True, "sentence": 3,
                           "steps": [{"action": "path", "nodes": ["A", "C", "E"]},
                                     {"action": "dim", "edges": [["B", "D"]]},
                                     {"action": "remove", "edges": [["C", "D"]]}]}], "Dijkstra's algorithm"),
        _scene("A binary search tree. Insert five. Remove one.", [BST], "Binary search trees"),
        _scene("A probability tree. Hash buckets.", [PROBABILITY, BUCKETS]),
        _scene("Twenty-four nodes.", [{"kind": "graph", "nodes": [f"node {k}" for k in range(24)],
                                       "edges": [{"from": f"node {k}", "to": f"node {(k * 7 + 3) % 24}",
                                                  "label": k} for k in range(24)]}], "A big graph"),
        _scene("A recursion tree.", [{"kind": "graph", "nodes": ["f(4)", "f(3)", "f(2)", {"id": "x", "label": "f(2)"},
                                                                  "f(1)", {"id": "y", "label": "f(1)"}],
                                      "edges": [{"from": "f(4)", "to": "f(3)"}, {"from": "f(4)", "to": "x"},
                                                {"from": "f(3)", "to": "f(2)"}, {"from": "f(3)", "to": "f(1)"},
                                                {"from": "f(2)", "to": "y"}],
                                      "steps": [{"action": "insert", "nodes": ["f(0)"], "edges": [["f(2)", "f(0)"]]},
                                                {"action": "path", "nodes": ["f(4)", "f(3)", "f(2)", "f(0)"]}]}]),
    ]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)


# ----------------------------------------------------------------------------- vector_plane
def test_vector_plane_validates():
    ok = {"kind": "vector_plane", "basis": True, "vectors": [{"x": 2, "y": 1, "label": "v"}],
          "matrices": [{"values": [[2, 1], [1, 2]], "label": "A"}], "unit_square": True, "eigen": True}
    assert diagnostics([ok]) == []
    cases = [
        ({"kind": "vector_plane"}, "an empty grid"),
        ({"kind": "vector_plane", "basis": True, "eigen": True}, "`eigen` needs a matrix"),
        ({"kind": "vector_plane", "matrices": [{"values": [[1, 2, 3], [4, 5, 6]]}]}, "at most 2"),
        ({"kind": "vector_plane", "matrices": [{"values": [[1, 2]]}]}, "at least 2"),
        ({"kind": "vector_plane", "basis": True, "x_range": [3, -3]}, "min < max"),
        ({"kind": "vector_plane", "basis": True, "x_range": [-40, 40]}, "at most 24"),
        ({"kind": "vector_plane", "vectors": [{"x": 1e6, "y": 0}]}, "less than or equal to 100"),
        ({"kind": "vector_plane", "basis": True, "matrices": [{"values": [[1, 0], [0, 1]]}] * 4}, "at most 3"),
    ]
    for visual, message in cases:
        found = diagnostics([visual])
        assert any(message in m for _, _, m in found), (visual, found)
    assert drawn_strings("vector_plane", {"basis": True, "vectors": [{"x": 1, "y": 1, "label": "v"}],
                                          "matrices": [{"values": [[2, 0.5], [0, 1]]}]}) == \
        ["î", "ĵ", "v", "A", "2", "0.5", "0", "1"]


def test_vector_plane_geometry():
    import numpy as np

    from compiler.runtime.components.vector_plane import clip_line, default_ranges, fit_in, grid_segments, products

    a, b = clip_line(np.array([0.0, 0.0]), np.array([1.0, 1.0]), (-5, 5, -3, 3))
    assert np.allclose(a, [-3, -3]) and np.allclose(b, [3, 3])
    assert clip_line(np.array([0.0, 10.0]), np.array([1.0, 0.0]), (-5, 5, -3, 3)) is None
    S, R = {"values": [[1, 1], [0, 1]]}, {"values": [[0, -1], [1, 0]]}
    assert np.allclose(products([R, S])[-1], np.array([[1, 1], [0, 1]]) @ np.array([[0, -1], [1, 0]]))
    xr, yr = default_ranges([(3, 3), (1, 0)])
    assert xr[0] <= -3.6 and xr[1] >= 3.6 and yr[1] >= 3.6 and xr[1] - xr[0] > yr[1] - yr[0]
    assert np.allclose(fit_in((10, 0), (-5, 5, -3, 3)), (5, 0))
    # every segment of a transformed grid stays in the view, the same number of lines before and after
    rect = (-5.0, 5.0, -3.0, 3.0)
    before = grid_segments(np.eye(2), rect)
    for M in (np.array([[2, 1], [1, 2]]), np.array([[0.3, 0], [0, 0.3]]), np.array([[1, 2], [0.5, 1]])):
        after = grid_segments(M, rect)
        assert len(after) == len(before)
        for p, q, _ in after:
            for x, y in (p, q):
                assert -5 - 1e-6 <= x <= 5 + 1e-6 and -3 - 1e-6 <= y <= 3 + 1e-6


def test_vector_plane_dry_runs_fit(monkeypatch):
    scenes = [
        _scene("The basis and v. A moves the grid. The unit square.",
               [{"kind": "vector_plane", "basis": True, "vectors": [{"x": 2, "y": 1, "label": "v"}],
                 "matrices": [{"values": [[2, 1], [1, 2]], "label": "A"}], "unit_square": True, "eigen": True}],
               "A linear transformation"),
        _scene("Eigenvectors. Then a shear, and more vectors.",
               [{"kind": "vector_plane", "vectors": [{"x": 1, "y": 1, "label": "v₁"}, {"x": 1, "y": -1, "label": "v₂"}],
                 "matrices": [{"values": [[2, 1], [1, 2]]}], "eigen": True},
                {"kind": "vector_plane", "extend": True, "vectors": [{"x": -2, "y": 1, "label": "w"}],
                 "matrices": [{"values": [[1, 1], [0, 1]], "label": "S"}, {"values": [[0, -1], [1, 0]], "label": "R"}]}],
               "Eigenvectors"),
        _scene("A composition of three, large values, a singular one.",
               [{"kind": "vector_plane", "basis": True, "unit_square": True,
                 "vectors": [{"x": 100, "y": -100, "label": "far"}] + [{"x": k, "y": 1, "label": f"v{k}"} for k in range(7)],
                 "matrices": [{"values": [[20, 0], [0, 20]]}, {"values": [[1, 2], [0.5, 1]]},
                              {"values": [[0, 0], [0, 0]]}]}]),
    ]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)


# ----------------------------------------------------------------------------- number_line
def test_number_line_validates_and_formats():
    from compiler.runtime.components.number_line import fmt, span, ticks

    assert diagnostics([{"kind": "number_line", "range": [-5, 5], "dots": [1, 2, 2],
                         "jumps": [{"start": 0, "end": 3, "label": "+3"}]}]) == []
    cases = [
        ({"kind": "number_line", "range": [5, -5]}, "min < max"),
        ({"kind": "number_line", "range": [0, 100], "step": 1}, "at most 40"),
        ({"kind": "number_line", "range": [0, 5], "points": [{"value": 9}]}, "9 is outside the range [0, 5]"),
        ({"kind": "number_line", "intervals": [{"start": 3, "end": 1}]}, "interval 0: start 3 must be less than end 1"),
        ({"kind": "number_line", "step": 0}, "greater than 0"),
        ({"kind": "number_line", "dots": [1] * 61}, "at most 60"),
    ]
    for visual, message in cases:
        found = diagnostics([visual])
        assert any(message in m for _, _, m in found), (visual, found)
    import math

    assert [fmt(v, "pi") for v in (0, math.pi / 2, math.pi, 3 * math.pi / 2, -2 * math.pi)] == \
        ["0", "π/2", "π", "3π/2", "-2π"]
    assert [fmt(v, "fractions") for v in (0.25, 0.5, 2, -0.75)] == ["1/4", "1/2", "2", "-3/4"]
    assert fmt(2.0, "plain") == "2" and fmt(0.125, "plain") == "0.125"
    assert ticks(0, 2 * math.pi, None, "pi")[2] == math.pi / 2
    assert ticks(0, 1, None, "fractions")[2] in (0.25, 0.2, 0.125, 0.5)
    lo, hi = span([1, 9], None)
    assert lo < 0 and hi > 9
    assert drawn_strings("number_line", {"points": [{"value": 1, "label": "a"}], "jumps": [{"start": 0, "end": 1,
                                                                                             "label": "+1"}],
                                         "label": "caption"}) == ["a", "+1", "caption"]


def test_number_line_dry_runs_fit(monkeypatch):
    scenes = [
        _scene("Minus two plus five is three. An interval. A moving marker.",
               [{"kind": "number_line", "range": [-5, 5], "points": [{"value": -2, "label": "a"},
                                                                      {"value": 3, "label": "b", "hollow": True}],
                 "jumps": [{"start": -2, "end": 3, "label": "+5"}, {"start": 3, "end": 1, "label": "-2"}],
                 "intervals": [{"start": -1, "end": 2, "closed_end": False, "label": "-1 ≤ x < 2"}],
                 "move": {"start": 0, "end": 4, "label": "x"}}], "Adding on a number line"),
        _scene("A dot plot with its mean and median.",
               [{"kind": "number_line", "dots": [1, 2, 2, 3, 3, 3, 4, 4, 5, 9] * 3,
                 "markers": [{"value": 3.6, "label": "mean 3.6"}, {"value": 3, "label": "median 3"}],
                 "label": "Thirty measurements"}], "Dot plot"),
        _scene("Multiples of pi and fractions.",
               [{"kind": "number_line", "range": [-6.3, 6.3], "numbers": "pi", "points": [{"value": 3.14159, "label": "π"}]},
                {"kind": "number_line", "range": [0, 1], "step": 0.125, "numbers": "fractions",
                 "tick_labels": [{"value": 0.618, "label": "φ − 1"}],
                 "points": [{"value": v, "label": f"p{k}"} for k, v in enumerate([0.1, 0.12, 0.14, 0.5, 0.52])]}]),
    ]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)


def test_new_kinds_are_in_the_gallery():
    from .conftest import STORYBOARDS

    data = json.loads((STORYBOARDS / "gallery.json").read_text(encoding="utf-8"))
    used = {v["kind"] for s in data["scenes"] for v in s.get("visuals") or []}
    assert set(NEW_KINDS) <= used


def test_a_probability_tree_drawn_branch_by_branch():
    """"Draw a root node 'Coin'" then branches with their probabilities, the same outcome name under two
    parents drawn as two nodes with that label; the probabilities as written on the edges."""
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    details = ("1. Draw a root node 'Coin' at the top.\n"
               "2. Draw two branches to 'Heads' labeled 0.50 and 'Tails' labeled 0.5.\n"
               "3. From Heads draw two branches: 'Win' labeled 0.2 and 'Lose' labeled 0.8.\n"
               "4. From Tails draw two branches: 'Win' labeled 0.6 and 'Lose' labeled 0.4.")
    sb = Storyboard.model_validate({"scenes": [{"scene_plot": "A tree.", "animation_details": details,
                                                 "animation_style": "Clean.", "audio_text": "A coin, then a game."}]})
    graphs = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "graph"]
    assert len(graphs) == 1
    g = graphs[0].params
    assert g["layout"] == "tree"
    edges = {(e["from"], e["to"]): e["label"] for e in g["edges"]}
    assert edges[("Coin", "Heads")] == "0.50" and edges[("Coin", "Tails")] == 0.5
    assert edges[("Heads", "Win")] == 0.2 and edges[("Tails", "TailsWin")] == 0.6
    assert {"id": "TailsWin", "label": "Win"} in g["nodes"]
    from compiler.components.graph import GraphVisual
    GraphVisual.model_validate({"kind": "graph", **g})


def test_splits_of_an_array_build_a_recursion_tree():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    details = ("1. Draw the array [5, 2, 8, 1] at the top.\n"
               "2. Split it into [5, 2] and [8, 1].\n"
               "3. Then split [5, 2] into [5] and [2]; split [8, 1] into [8] and [1].")
    sb = Storyboard.model_validate({"scenes": [{"scene_plot": "Divide.", "animation_details": details,
                                                 "animation_style": "Clean.", "audio_text": "Halve it, and again."}]})
    beats = plan_storyboard(sb).scenes[0].beats
    tree = [b for b in beats if b.kind == "graph"]
    assert len(tree) == 1
    label = {n["id"]: n["label"] for n in tree[0].params["nodes"]}
    pairs = sorted((label[e["from"]], label[e["to"]]) for e in tree[0].params["edges"])
    assert pairs == [("5, 2", "2"), ("5, 2", "5"), ("5, 2, 8, 1", "5, 2"), ("5, 2, 8, 1", "8, 1"),
                     ("8, 1", "1"), ("8, 1", "8")]


@pytest.mark.parametrize("label", ['"1%"', "1%", '"10%"', '"1.5%"'])
def test_a_tree_branch_labelled_with_a_percentage_keeps_it(label):
    """A probability tree labelled in percent crashed the planner (float('1%'))."""
    from compiler.plan import plan_storyboard

    details = (f'Draw a root node "10,000 people". The root splits into two branches: the upper branch to "Sick: 100" '
               f'labeled {label} and the lower branch to "Healthy: 9,900" labeled "99%".')
    sb = Storyboard.model_validate({"scenes": [scene(details, "Ten thousand people are split by the disease.")]})
    (graph,) = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "graph"]
    assert [e.get("label") for e in graph.params["edges"]] == [label.strip('"'), "99%"]
