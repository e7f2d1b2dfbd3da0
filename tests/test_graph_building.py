"""A tree built node by node at the places written, keys inserted into a tree on screen, a second tree of keys the
first already holds, a traversal walked by a dot (shared check/bst: scenes 3, 5, 7 and 8)."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene
from .test_vocabulary2 import _scene, diagnostics, dry_run

INSERTS = [
    'Title: "Insert".',
    "Node positions: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1); 20 at (-4.5, -0.5); 40 at (-1.5, -0.5).",
    'Insert 50: comparison panel shows "Tree is empty -> 50 becomes the root". Node 50 appears.',
    'Insert 30: a small floating circle with 30 appears near the root. Panel: "30 < 50 -> go left". Left spot is '
    "empty, so 30 moves to (-3, 1), the edge 50-30 is drawn.",
    'Insert 70: "70 > 50 -> go right" -> place at (3, 1).',
    'Insert 20: "20 < 50 -> go left", "20 < 30 -> go left" -> place at (-4.5, -0.5).',
    'Insert 40: "40 < 50 -> go left", "40 > 30 -> go right" -> place at (-1.5, -0.5).',
]


def planned(*scenes: list[str]):
    sb = Storyboard.model_validate({"scenes": [
        scene("\n".join(f"{k}. {s}" for k, s in enumerate(lines, 1)),
              "We insert the keys one by one and watch the tree grow.", plot="Binary search trees.")
        for lines in scenes]})
    return plan_storyboard(sb)


def graphs(sp) -> list:
    return [b for b in sp.beats if b.kind == "graph"]


def notes(plan) -> list[str]:
    return [f"{d.code} {d.message}" for d in plan.diagnostics]


def test_a_tree_whose_places_are_written_first_is_built_by_its_inserts():
    plan = planned(INSERTS)
    tree, *steps = graphs(plan.scenes[0])
    assert [n["id"] for n in tree.params["nodes"]] == ["50", "30", "70", "20", "40"]
    assert all(n.get("hidden") for n in tree.params["nodes"])  # nothing drawn before "Insert 50"
    assert [s.params["steps"] for s in steps] == [[{"action": "insert", "nodes": [k]}] for k in (50, 30, 70, 20, 40)]
    # the places are the tree's: "30 moves to (-3, 1)" draws no stray "(-3, 1)", and is understood (no SB301)
    assert not [b for b in plan.scenes[0].beats if b.kind == "transform"]
    assert not [n for n in notes(plan) if "moves to" in n or "Node 50 appears" in n]
    texts = [b.params.get("text") for b in plan.scenes[0].beats if b.kind == "text"]
    assert "30 < 50 -> go left" in texts and "20 < 30 -> go left" in texts


def test_a_tree_drawn_with_its_places_is_drawn_whole():
    plan = planned(['Title: "Search".', "Draw the full tree: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1).",
                    'Search for 30: "30 < 50 -> go left".'])
    tree = graphs(plan.scenes[0])[0]
    assert not any(n.get("hidden") for n in tree.params["nodes"])


def test_keys_with_places_written_without_at():
    plan = planned(['Title: "Summary".', "Show the tree with 65 included: 50 (0, 2); 30 (-3, 0.7); 70 (3, 0.7); "
                    "60 (1.5, -0.6); 65 (2.25, -1.9).",
                    "Animate an in-order traversal: a yellow dot visits nodes in the order 30, 50, 60, 65, 70, and "
                    'each visited value is copied into a row at the bottom, giving "30 50 60 65 70".'])
    tree, walk = graphs(plan.scenes[0])
    assert [n["at"] for n in tree.params["nodes"]][-1] == [2.25, -1.9]
    assert {"from": "60", "to": "65"} in tree.params["edges"] and {"from": "50", "to": "70"} in tree.params["edges"]
    assert walk.params["steps"] == [{"action": "walk", "nodes": ["30", "50", "60", "65", "70"], "color": "#FFE066"}]
    assert not [n for n in notes(plan) if "dot" in n]  # the dot is drawn: no "only the text" warning


def test_keys_the_tree_already_holds_make_a_second_tree():
    plan = planned(['Title: "Search".', "Draw the binary search tree: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1); "
                    "20 at (-4.5, -0.5)."],
                   ['Title: "How fast is it?"', "Left side: the balanced tree, scaled down.",
                    "Right side: insert 10, 20, 30, 40, 50 in sorted order, forming a diagonal chain."])
    kinds = [(b.rule, b.params.get("nodes")) for b in graphs(plan.scenes[1])]
    assert kinds[0][0] == "graph:recalled-from-scene-1"
    assert kinds[1] == ("graph:bst-keys+second", [10, 20, 30, 40, 50])


def test_a_header_line_is_not_also_a_row():
    plan = planned(['Title: "Cost".', 'Show a small table:\n   Header: "n" | "Balanced" | "Chain"\n   Row 1: "7" | "3" | '
                    '"7"\n   Row 2: "1,000" | "10" | "1,000"'])
    table = next(b for b in plan.scenes[0].beats if b.kind == "table")
    assert table.params["columns"] == ["n", "Balanced", "Chain"]
    assert table.params["rows"][0] == [7, 3, 7] and len(table.params["rows"]) == 2


HIDDEN = {"kind": "graph", "nodes": [{"id": 50, "at": [0, 2], "hidden": True}, {"id": 30, "at": [-3, 0.5], "hidden": True},
                                     {"id": 70, "at": [3, 0.5], "hidden": True}],
          "edges": [{"from": 50, "to": 30}, {"from": 50, "to": 70}]}


def test_hidden_nodes_validate_and_wait_for_their_insert():
    assert diagnostics([HIDDEN]) == []
    assert diagnostics([dict(HIDDEN, steps=[{"action": "insert", "nodes": [50]}, {"action": "insert", "nodes": [30]}])]) == []
    found = diagnostics([dict(HIDDEN, steps=[{"action": "insert", "nodes": [50]}, {"action": "insert", "nodes": [50]}])])
    assert any("already a node" in m for _, _, m in found)
    found = diagnostics([{"kind": "graph", "nodes": [1, 2], "steps": [{"action": "walk", "nodes": [1]}]}])
    assert any("'walk' step needs at least two" in m for _, _, m in found)
    from compiler.components import drawn_strings
    assert drawn_strings("graph", dict(HIDDEN, steps=[{"action": "insert", "nodes": [30]}])) == ["30"]


def test_a_key_inserted_into_a_tree_on_screen_finds_its_place():
    from compiler.runtime.components.graph import _search_place, _tree_paths, build
    from compiler.planner.theme import parse_theme

    theme = parse_theme("Dark background.")[0].to_json()
    g = build(theme, nodes=[{"id": k, "at": at} for k, at in
                            [(50, [0, 2.5]), (30, [-3, 1]), (70, [3, 1]), (60, [1.5, -0.5]), (80, [4.5, -0.5])]],
              edges=[{"from": 50, "to": 30}, {"from": 50, "to": 70}, {"from": 70, "to": 60}, {"from": 70, "to": 80}])
    path, where = _search_place(g, "65")
    assert path == ["50", "70", "60"]
    sixty = g.vmobs["60"].get_center()
    assert where[0] > sixty[0] and where[1] < sixty[1]  # below 60, to its right
    path, where = _search_place(g, "10")
    assert path == ["50", "30"] and where[0] < g.vmobs["30"].get_center()[0]
    # a tree whose places were written: each key yet to come walks down through its ancestors
    assert _tree_paths(["60"], [("50", "70"), ("70", "60")], ["50", "70", "60"]) == {"60": ["50", "70"]}
    assert _tree_paths(["B"], [("A", "B")], ["A", "B"]) == {}  # names, not keys: no comparisons


def test_building_inserting_and_walking_dry_run_fit(monkeypatch):
    scenes = [
        _scene("The tree grows key by key. Fifty, thirty, seventy. Then sixty-five finds its spot. A dot walks it.",
               [HIDDEN,
                {"kind": "graph", "extend": True, "sentence": 2, "steps": [{"action": "insert", "nodes": [50]},
                                                                          {"action": "insert", "nodes": [30]},
                                                                          {"action": "insert", "nodes": [70]}]},
                {"kind": "graph", "extend": True, "sentence": 3, "steps": [{"action": "insert", "nodes": [65]}]},
                {"kind": "graph", "extend": True, "sentence": 4,
                 "steps": [{"action": "walk", "nodes": [30, 50, 65, 70]},
                           {"action": "box", "nodes": [70, 65], "text": "all > 50"}]}], "Insert"),
    ]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
