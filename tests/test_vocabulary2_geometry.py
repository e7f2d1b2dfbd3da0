"""Vocabulary II: geometry and annotation — models (validated, positioned errors), the pure helpers, the strings
they draw, how an annotation finds its target, and dry runs that check the layout."""

from __future__ import annotations

import json
import math

from compiler.components import drawn_strings

from .test_vocabulary2 import _scene, diagnostics, dry_run

PYTHAGORAS = {"kind": "geometry", "triangle": {"legs": [3, 4], "side_labels": ["a", "b", "c"], "squares": "names"},
              "steps": [{"action": "highlight", "targets": ["hypotenuse"]},
                        {"action": "fill", "targets": ["c²"], "color": "gold"}]}
UNIT = {"kind": "geometry", "unit_circle": {"angle": 30}, "steps": [{"action": "move", "to": 150},
                                                                    {"action": "highlight", "targets": ["sin"]}]}
FREE = {"kind": "geometry",
        "points": [{"name": "P", "at": [1, 1], "label": "P (1, 1)"}, {"name": "Q", "at": [4, 5], "label": "Q (4, 5)"},
                   {"name": "R", "at": [4, 1]}],
        "segments": [{"from": "P", "to": "Q", "label": "d"}, {"from": "P", "to": "R", "label": "3"},
                     {"from": "R", "to": "Q", "label": "4"}],
        "angles": [{"at": "R", "from": "P", "to": "Q"}, {"at": "P", "from": "R", "to": "Q", "degrees": True,
                                                         "hidden": True}],
        "circles": [{"center": [8, 3], "radius": 1.5, "label": "r = 1.5"}],
        "arcs": [{"center": [8, 3], "radius": 1.5, "start": 0, "end": 70, "sector": True, "label": "70°"}],
        "steps": [{"action": "show", "targets": ["angle P"]}, {"action": "color", "targets": ["PQ"], "color": "red"},
                  {"action": "label", "targets": ["d"], "text": "d = 5"}]}


def test_geometry_validates_and_reports_positioned_errors():
    assert diagnostics([PYTHAGORAS, UNIT, FREE]) == []
    cases = [
        ({"kind": "geometry"}, "an empty figure"),
        ({"kind": "geometry", "triangle": {"legs": [3, 4], "sides": [3, 4, 5]}}, "exactly one of `legs`"),
        ({"kind": "geometry", "triangle": {}}, "exactly one of `legs`"),
        ({"kind": "geometry", "triangle": {"sides": [1, 2, 5]}}, "no triangle has sides 1, 2, 5"),
        ({"kind": "geometry", "triangle": {"vertices": [[0, 0], [1, 1], [2, 2]]}}, "lie on one line"),
        ({"kind": "geometry", "triangle": {"legs": [0, 4]}}, "greater than 0"),
        ({"kind": "geometry", "triangle": {"legs": [3, 4], "names": ["A", "A", "C"]}}, "names must differ"),
        ({"kind": "geometry", "segments": [{"from": "P", "to": [1, 1]}]}, "segment 0: there is no point 'P'"),
        ({"kind": "geometry", "triangle": {"legs": [3, 4]}, "angles": [{"at": "A", "from": "A", "to": "B"}]},
         "three different points"),
        ({"kind": "geometry", "triangle": {"legs": [3, 4]}, "points": [{"name": "A", "at": [0, 0]}]}, "used twice"),
        ({"kind": "geometry", "arcs": [{"center": [0, 0], "radius": 1, "start": 10, "end": 10}]}, "an arc goes from"),
        ({"kind": "geometry", "circles": [{"center": [0, 0], "radius": 1}], "steps": [{"action": "move", "to": 30}]},
         "draw one"),
        ({"kind": "geometry", "unit_circle": {}, "steps": [{"action": "move"}]}, "needs `to`"),
        ({"kind": "geometry", "unit_circle": {}, "steps": [{"action": "fill"}]}, "needs `targets`"),
        ({"kind": "geometry", "points": [{"name": f"p{k}", "at": [k, 0]} for k in range(17)]}, "at most 16"),
        ({"kind": "geometry", "points": [{"name": "P", "at": [1e6, 0]}]}, "less than or equal to 1000"),
    ]
    for visual, message in cases:
        found = diagnostics([visual])
        assert found and all(code == "SB203" for code, _, _ in found), (visual, found)
        assert any(message in m for _, _, m in found), (visual, found)
        assert all(line is not None and line > 1 for _, line, _ in found)
    # steps on the figure on screen: names are not known here
    assert diagnostics([{"kind": "geometry", "extend": True, "angles": [{"at": "Q", "from": "P", "to": "R"}]}]) == []


def test_geometry_helpers():
    from compiler.components.geometry import number, side_names, square_labels, triangle_vertices

    A, B, C = triangle_vertices({"legs": [3, 4]})
    assert math.dist(B, C) == 3 and math.dist(C, A) == 4 and math.dist(A, B) == 5  # a = BC upright, b = CA flat
    A, B, C = triangle_vertices({"sides": [3, 4, 5]})
    assert abs(math.dist(B, C) - 3) < 1e-9 and abs(math.dist(A, B) - 5) < 1e-9 and abs(B[0]) < 1e-9  # right at C
    assert square_labels({"legs": [3, 4], "squares": "areas"}) == ["9", "16", "25"]
    assert square_labels({"legs": [3, 4], "squares": "names", "side_labels": ["a", None, "hyp"]}) == \
        ["a²", "b²", "hyp²"]
    assert side_names({"names": ["P", "Q", "R"]}) == ["p", "q", "r"] and number(2.2360679) == "2.24"
    strings = drawn_strings("geometry", {"triangle": {"legs": [3, 4], "names": ["A", "B", "C"],
                                                      "side_labels": ["a", "b", "c"], "squares": "names"},
                                         "unit_circle": {"angle": 30, "label": "θ"},
                                         "steps": [{"action": "label", "targets": ["θ"], "text": "150°"}]})
    assert strings == ["A", "B", "C", "a", "b", "c", "a²", "b²", "c²", "θ", "P", "cos θ", "sin θ", "150°"]


def test_geometry_runtime_names_its_parts():
    from compiler.runtime.components.geometry import build, lookup

    theme = {"background": "#0F0F1A", "text": "#E0E0E0", "accent": "#4FC3F7", "roles": {}, "labels": {},
             "palette": ["#4FC3F7", "#66BB6A", "#FFD54F"], "font": "DejaVu Sans", "mono_font": "DejaVu Sans Mono"}
    g = build(theme, triangle={"legs": [3, 4], "side_labels": ["a", "b", "c"], "names": ["A", "B", "C"]})
    hyp = lookup(g, "hypotenuse")
    assert hyp is lookup(g, "c") is lookup(g, "AB") is lookup(g, "BA") is lookup(g, "the side c")
    assert abs(hyp.shape.get_length() / lookup(g, "a").shape.get_length() - 5 / 3) < 1e-6
    assert lookup(g, "legs") is not None and lookup(g, "right angle") is not None and lookup(g, "nothing") is None
    assert [len(k) for k in g.parts] == sorted((len(k) for k in g.parts), reverse=True)  # for `SbcScene.find`


def test_geometry_dry_runs_fit(monkeypatch):
    scenes = [
        _scene("A right triangle. Squares on its sides. The hypotenuse.", [PYTHAGORAS], "Pythagoras"),
        _scene("The unit circle. The point moves to 150 degrees. The sine.", [UNIT], "Sine and cosine"),
        _scene("Points and a circle. The angle at P. A square appears.",
               [FREE, {"kind": "geometry", "extend": True, "squares": [{"side": ["P", "R"], "label": "9"}],
                       "steps": [{"action": "hide", "targets": ["r = 1.5"]}]}]),
        _scene("A triangle from its sides with cells, and an angle.",
               [{"kind": "geometry", "triangle": {"sides": [5, 6, 7], "squares": "cells", "fill": True},
                 "angles": [{"at": "C", "from": "A", "to": "B", "degrees": True}], "caption": "Any triangle"}]),
        _scene("Large and tiny coordinates.",
               [{"kind": "geometry", "polygons": [{"vertices": [[0, 0], [1000, 0], [1000, 1], [0, 1]], "label": "thin"}],
                 "points": [{"name": "X", "at": [0.001, 0.001]}]}]),
    ]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)


# ----------------------------------------------------------------------------- annotation
def test_annotation_validates():
    ok = [{"kind": "annotation", "target": ["a", "b"], "label": "legs"},
          {"kind": "annotation", "style": "brace", "items": [2, 4]},
          {"kind": "annotation", "style": "box", "row": 1, "column": 2, "label": "pivot"}]
    assert diagnostics(ok) == []
    cases = [
        ({"kind": "annotation", "target": "x"}, "needs its `label`"),
        ({"kind": "annotation", "style": "brace", "items": [4, 2]}, "[first, last]"),
        ({"kind": "annotation", "style": "brace", "items": [1, 2], "row": 1}, "not both"),
        ({"kind": "annotation", "style": "box", "label": " "}, "an empty `label`"),
        ({"kind": "annotation", "style": "box", "target": ["a"] * 5}, "at most 4"),
        ({"kind": "annotation", "style": "circle", "label": "x"}, "'arrow', 'brace', 'box', 'underline' or 'link'"),
    ]
    for visual, message in cases:
        found = diagnostics([visual])
        assert any(message in m for _, _, m in found), (visual, found)
        assert all(line is not None and line > 1 for _, line, _ in found)
    assert drawn_strings("annotation", {"target": "x", "label": "normaliser"}) == ["normaliser"]


def test_annotation_scores_exact_names_first():
    from compiler.runtime.components.annotation import _score

    assert _score("c", ["c"]) > _score("c", ["BC"])
    assert _score("the hypotenuse", ["hypotenuse"]) > _score("the hypotenuse", ["a"])
    assert _score("the hypotenuse", ["a"]) == 0  # a one-letter name is not found inside a longer target
    assert _score("side a", ["a"]) > 0


def test_annotation_dry_runs_fit(monkeypatch):
    scenes = [
        _scene("A right triangle. The legs. The hypotenuse. Four units.",
               [{"kind": "geometry", "triangle": {"legs": [3, 4], "side_labels": ["a", "b", "c"]}},
                {"kind": "annotation", "target": ["a", "b"], "label": "legs"},
                {"kind": "annotation", "target": "the hypotenuse", "label": "hypotenuse (longest side)"},
                {"kind": "annotation", "style": "brace", "target": "b", "label": "4 units"}], "Pythagoras"),
        _scene("A formula. The denominator normalises. A matrix row. Its third column.",
               [{"kind": "equation", "expr": "softmax(x)_i = e^(x_i) / (sum_j e^(x_j))"},
                {"kind": "annotation", "target": "denominator", "label": "normaliser"},
                {"kind": "matrix", "values": [[1, 2, 3], [0, 1, 4], [5, 6, 0]], "label": "A"},
                {"kind": "annotation", "style": "brace", "row": 1, "label": "pivot row"},
                {"kind": "annotation", "style": "box", "column": 3, "label": "third column", "keep": False}]),
        _scene("Tokens. The middle ones. A sentence with a term. Nothing found.",
               [{"kind": "sequence", "tokens": ["The", "cat", "sat", "on", "the", "mat"]},
                {"kind": "annotation", "style": "brace", "items": [2, 4], "label": "a window of 3"},
                {"kind": "text", "text": "The energy is E = m c² in joules."},
                {"kind": "annotation", "style": "underline", "target": "mc²", "label": "rest energy"},
                {"kind": "annotation", "style": "box", "target": "no such thing", "label": "still visible"}]),
        _scene("Nothing on screen. Then a title and a graph node.",
               [{"kind": "annotation", "target": "x", "label": "a lonely note"},
                {"kind": "title", "text": "Graph"},
                {"kind": "graph", "nodes": ["A", "B", "C"], "edges": [{"from": "A", "to": "B"}, {"from": "B", "to": "C"}]},
                {"kind": "annotation", "target": "B", "label": "current", "side": "up"}]),
    ]
    results = dry_run(scenes, monkeypatch)
    for number, ins in results:
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)


def test_annotation_finds_its_target(monkeypatch):
    """What each annotation marked, read from the scene after it ran."""
    from compiler.runtime.components import annotation

    seen = []
    real = annotation.select

    def spy(owner, mob, *args, **kwargs):
        out = real(owner, mob, *args, **kwargs)
        seen.append(out)
        return out

    monkeypatch.setattr(annotation, "select", spy)
    dry_run([_scene("A triangle. The hypotenuse. A term.",
                    [{"kind": "geometry", "triangle": {"legs": [3, 4], "side_labels": ["a", "b", "c"]}},
                     {"kind": "annotation", "target": "the hypotenuse", "label": "longest"},
                     {"kind": "text", "text": "a² + b² = c²"},
                     {"kind": "annotation", "style": "underline", "target": "b²"},
                     {"kind": "annotation", "style": "box", "target": "zzz"}])], monkeypatch)
    from manim import Line, Text

    hyp, term, fallback = seen
    assert isinstance(hyp.shape, Line) and any(isinstance(m, Text) and m.text == "c" for m in hyp.get_family())
    assert len(term) == 2 and not isinstance(term, Text)  # the two glyphs of "b²" (in the typeset formula)
    # not found: the last thing drawn (the formula, with its underline)
    assert any(getattr(m, "text", None) == "a² + b² = c²" for m in fallback.get_family())


def test_new_kinds_are_in_the_gallery():
    from .conftest import STORYBOARDS

    data = json.loads((STORYBOARDS / "gallery.json").read_text(encoding="utf-8"))
    used = {v["kind"] for s in data["scenes"] for v in s.get("visuals") or []}
    assert {"geometry", "annotation"} <= used
