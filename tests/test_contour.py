"""contour: the level curves of a function of two variables and gradient descent on them — the formula reader for
two variables, the model (validated, positioned errors), the planner's reading of prose, and dry runs that check
the layout."""

from __future__ import annotations

import math

import pytest

from compiler.components import drawn_strings
from compiler.formula import FormulaError, descent, parse_surface

from .test_planner_understanding import plan
from .test_vocabulary2 import _scene, diagnostics, dry_run

BOWL = {"kind": "contour", "expr": "L(w1, w2) = (w1 - 1)^2 + 3(w2 + 0.5)^2", "label": "L(w₁, w₂)", "minimum": "minimum",
        "path": {"start": [-2.5, 2], "rate": 0.1, "steps": 10, "label": "start"}}
SADDLE = {"kind": "contour", "expr": "x^2 - y^2", "levels": [-4, -2, -1, 0.5, 1, 2, 4], "level_labels": True,
          "points": [{"x": 0, "y": 0, "label": "saddle"}]}


def test_a_surface_reads_two_variables_named_by_its_left_side():
    f = parse_surface("f(x, y) = x^2 + 3y^2")
    assert f.names == ("x", "y") and f(1, 2) == 13
    g = parse_surface("L(w1, w2) = (w1 - 1)^2 + 2(w2 + 0.5)^2")
    assert g.names == ("w1", "w2") and g(1, -0.5) == 0
    assert parse_surface("x^2 + xy + y^2")(1, 1) == 3
    assert math.isnan(parse_surface("z = log(x) + y")(-1, 0))
    for bad, where in (("x^2 + z", "unknown name 'z'"), ("f(x, y) = __import__", "cannot read"), ("", "empty")):
        with pytest.raises(FormulaError, match=where):
            parse_surface(bad)


def test_descent_follows_the_gradient_and_stops_when_it_runs_away():
    pts = descent(parse_surface("x^2 + 3y^2"), (2, 1.5), 0.1, 5)
    assert len(pts) == 6 and pts[0] == (2.0, 1.5)
    assert abs(pts[1][0] - 1.6) < 1e-6 and abs(pts[1][1] - 0.6) < 1e-6  # (2, 1.5) - 0.1 * (4, 9)
    far = descent(parse_surface("x^2"), (1, 0), 5.0, 200)
    assert max(abs(p[0]) for p in far) > 1e6 and len(far) < 20  # it ran away: stopped, and the model says so


def test_contour_validates_and_reports_positioned_errors():
    assert diagnostics([BOWL, SADDLE]) == []
    for visual, message in [
        ({"kind": "contour"}, "needs its function `expr`"),
        ({"kind": "contour", "expr": "x + q"}, "cannot be read"),
        ({"kind": "contour", "expr": "x^2", "levels": 40}, "count from 3 to 15"),
        ({"kind": "contour", "expr": "x^2", "x_range": [2, 1]}, "min < max"),
        ({"kind": "contour", "expr": "x^2", "path": {"rate": 0.1}}, "needs a `start`"),
        ({"kind": "contour", "expr": "x^2 + y^2", "path": {"start": [1, 1], "rate": 10, "steps": 60}}, "runs away"),
        ({"kind": "contour", "extend": True, "path": {"start": [1, 1]}}, "needs `expr`"),
    ]:
        found = diagnostics([visual])
        assert any(message in m for _, _, m in found), (visual, found)
        assert all(code == "SB203" and line is not None and line > 1 for code, line, _ in found), found
    assert drawn_strings("contour", BOWL) == ["L(w₁, w₂)", "minimum", "start"]


def test_contour_dry_runs_fit(monkeypatch):
    for number, ins in dry_run([
        _scene("The loss seen from above. Gradient descent walks down to the minimum.", [BOWL], "Gradient descent"),
        _scene("A saddle. A path given point by point.", [SADDLE, {"kind": "contour", "extend": True,
                                                                  "path": {"points": [[2, 0.1], [1.5, 0.3], [1, 0.8]]}}]),
    ], monkeypatch):
        assert ins.violations == [], (number, ins.violations)


def _beats(*details):
    return [[(b.kind, b.params) for b in sp.beats] for sp in plan(*details)]


def test_a_contour_plot_and_the_descent_on_it_are_read_from_prose():
    (scene,) = _beats('1. Draw a contour plot of f(x, y) = x^2 + 3y^2 with 8 elliptical level curves, x from -3 to 3.\n'
                      '2. Place a red dot at (2.5, 2) labeled "start".\n'
                      '3. Animate 10 steps of gradient descent with learning rate 0.1.\n'
                      '4. Mark the minimum with a green star.')
    assert scene == [
        ("contour", {"expr": "f(x, y) = x^2 + 3y^2", "x_range": [-3.0, 3.0], "levels": 8, "minimum": True}),
        ("contour", {"extend": True, "points": [{"x": 2.5, "y": 2.0, "label": "start"}]}),
        ("contour", {"extend": True, "path": {"start": [2.5, 2.0], "rate": 0.1, "steps": 10}})]
    listed, recalled = _beats(
        "Show contour lines of L(w1, w2) = (w1 - 1)^2 + 2(w2 + 1)^2. A dot zigzags toward the minimum: "
        "(3, 2) → (2, 0) → (1.5, -0.5) → (1, -1).",
        "Draw the contour plot again. Show 5 iterations of gradient descent with η = 0.4 starting at (-1, 1).")
    assert listed[1][1]["path"] == {"points": [[3.0, 2.0], [2.0, 0.0], [1.5, -0.5], [1.0, -1.0]]}
    assert recalled[0][1]["expr"] == "L(w1, w2) = (w1 - 1)^2 + 2(w2 + 1)^2"
    assert recalled[1][1]["path"] == {"start": [-1.0, 1.0], "rate": 0.4, "steps": 5}


def test_what_a_contour_sentence_leaves_out_is_said_and_other_contours_are_not_plots():
    from .test_planner_needs import _losses

    said = _losses("Show the loss surface from above as contour lines. Then animate gradient descent.")
    assert any("the function is not given" in m for m in said)
    assert any("start is not given" in m for m in said) and any("learning rate is not given" in m for m in said)
    (scene,) = _beats("Draw the contour of the island on the map.")
    assert "contour" not in [k for k, _ in scene]


def test_axes_asked_for_first_are_the_contour_plots():
    (scene,) = _beats("Draw axes with x from -4 to 4 and y from -3 to 3. Draw contour lines of f(x, y) = x^2 + 2y^2. "
                      "Place a dot at (3, 2). Animate gradient descent with learning rate 0.2 for 6 steps.")
    assert scene == [
        ("contour", {"expr": "f(x, y) = x^2 + 2y^2", "x_range": [-4, 4], "y_range": [-3, 3]}),
        ("contour", {"extend": True, "points": [{"x": 3.0, "y": 2.0}]}),
        ("contour", {"extend": True, "path": {"start": [3.0, 2.0], "rate": 0.2, "steps": 6}})]
