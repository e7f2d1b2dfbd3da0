"""A newcomer's hand-written physics lesson: four scenes that came out wrong without a warning.

- a table row `pi/2 | 0` was drawn as `pi | 2` (the `/` split the cell, the 0 was lost);
- a plot "for t from 0 to 4π" was drawn over 0 to 4, and its axis names t and x were drawn as a
  sentence of text instead of on the axes;
- "t = 2 pi" became a point at t = 2;
- a derivation with a note beside each line brought back the previous scene's plot ("differentiate
  again" in a note read as "show it again").
"""

from __future__ import annotations

import json
import math

import pytest

from compiler.load import load_bytes
from compiler.plan import plan_storyboard
from compiler.validate import validate_loaded

from .conftest import scene

LESSON = [
    scene("Show a table with columns t | x and rows: 0 | 1, pi/2 | 0, pi | -1, 3pi/2 | 0, 2pi | 1.",
          "Here are the positions at quarter periods. The mass returns to where it started."),
    scene("Plot x = cos(t) for t from 0 to 4π. Label the horizontal axis t and the vertical axis x.",
          "Over two periods the position swings back and forth. It repeats every two pi."),
    scene("Plot x = cos(t) for t from 0 to 4π. Mark the point t = 2 pi on the curve.",
          "After one period, at t equals two pi, the mass is back at the start."),
    scene("Show the derivation line by line, each with a note beside it: x(t) = cos(t) (position), "
          "v(t) = -sin(t) (differentiate once), a(t) = -cos(t) (differentiate again), a(t) = -x(t) (the restoring law).",
          "Start from the position. Differentiate once for the velocity. Differentiate again for the acceleration. "
          "The acceleration is minus the position."),
]


@pytest.fixture(scope="module")
def plan():
    v = validate_loaded(load_bytes(json.dumps({"scenes": LESSON}).encode(), "physics.json"))
    assert v.ok
    return plan_storyboard(v.storyboard)


def test_table_cells_stay_whole(plan):
    (table,) = [b for b in plan.scenes[0].beats if b.kind == "table"]
    assert table.params["columns"] == ["t", "x"]
    assert table.params["rows"] == [[0, 1], ["pi/2", 0], ["pi", -1], ["3pi/2", 0], ["2pi", 1]]


def test_plot_range_in_pi_and_axis_names_on_the_axes(plan):
    beats = plan.scenes[1].beats
    assert [b.kind for b in beats] == ["plot"]
    p = beats[0].params
    assert p["x_range"][0] == 0 and p["x_range"][1] == pytest.approx(4 * math.pi, abs=1e-4)
    assert (p["x_label"], p["y_label"]) == ("t", "x")
    assert 1 not in plan.scenes[1].unmatched  # the labelling sentence was understood, not dropped


def test_t_equals_two_pi_is_a_point_at_two_pi(plan):
    points = [pt for b in plan.scenes[2].beats for pt in b.params.get("points") or []]
    assert len(points) == 1
    assert points[0]["x"] == pytest.approx(2 * math.pi) and points[0]["y"] == pytest.approx(1.0, abs=1e-3)
    assert points[0]["label"] == "t = 2 pi"


def test_notes_beside_derivation_lines_and_no_recalled_plot(plan):
    beats = plan.scenes[3].beats
    assert [b.kind for b in beats] == ["steps"]
    assert beats[0].params["lines"] == ["x(t) = cos(t)", "v(t) = -sin(t)", "a(t) = -cos(t)", "a(t) = -x(t)"]
    assert beats[0].params["notes"] == ["position", "differentiate once", "differentiate again", "the restoring law"]


def test_a_row_wider_than_the_table_is_reported_not_silently_cut():
    v = validate_loaded(load_bytes(json.dumps({"scenes": [
        scene("Show a table with columns a | b and rows: 1 | 2 | 3, 4 | 5.", "A small table of numbers to read.")]}).encode(),
        "t.json"))
    p = plan_storyboard(v.storyboard)
    assert [b.params["rows"] for b in p.scenes[0].beats if b.kind == "table"] == [[[1, 2], [4, 5]]]
    (note,) = [n for n in p.diagnostics if n.code == "SB307"]
    assert "left out 3" in note.message and note.sentence.startswith("Show a table")
