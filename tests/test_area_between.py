"""The region between two curves: shaded, filled with rectangles (a Riemann sum between them), recalled in a later
scene with the curves ("both curves, region lightly shaded") — and tick numbers that say the value they stand at."""
from __future__ import annotations

import pytest

from compiler.formula import crossings, try_formula
from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def _plan(*details: str):
    return plan_storyboard(Storyboard.model_validate({"scenes": [scene(d, "Hello there.") for d in details]}))


def _areas(sp):
    return [b.params["area"] for b in sp.beats if b.kind == "plot" and b.params.get("area")]


def test_where_two_curves_cross():
    assert [round(x, 9) + 0.0 for x in crossings(try_formula("y = x"), try_formula("y = x^2"), -0.5, 1.2)] == [0.0, 1.0]
    assert [round(x, 6) for x in crossings(try_formula("y = sin(x)"), try_formula("y = 0"), 0.5, 7)] == [3.141593,
                                                                                                         6.283185]
    assert crossings(try_formula("y = x^2 + 1"), try_formula("y = 0"), -2, 2) == []


def test_the_region_between_two_curves_plotted_in_the_same_sentence():
    p = _plan("Draw axes from 0 to 1.2. Plot y = x in yellow and y = x^2 in blue, and shade the region between them "
              "in green.")
    (area,) = _areas(p.scenes[0])
    # between where they cross, from the upper curve down to the lower one, in the colour said after "between",
    # its size that of the region (1/6), not of the area under y = x (1/2)
    assert (area["a"], area["b"], area["curve"], area["to"], area["color"]) == (0, 1, 0, 1, "#66BB6A")
    assert area["label"] == "area ≈ 0.167"


def test_shading_and_rectangles_between_the_curves_on_screen():
    sp = _plan("Draw axes from -3 to 3. Plot y = 4 - x^2 and y = x + 2. Shade the area between the two curves. "
               "Draw 6 rectangles between the curves using midpoints. Replace the rectangles with 24 thinner "
               "rectangles.").scenes[0]
    shaded, four, finer = _areas(sp)
    # from where they cross to where they cross again; y = x + 2 is the lower one
    assert (shaded["a"], shaded["b"], shaded["curve"], shaded["to"]) == (-2, 1, 0, 1)
    assert (four["rectangles"], four["sample"], four["a"], four["b"], four["curve"], four["to"]) == (6, "mid", -2, 1, 0, 1)
    assert (finer["rectangles"], finer["sample"], finer["a"], finer["b"], finer["to"]) == (24, "mid", -2, 1, 1)
    assert not [n for n in plan_storyboard(Storyboard.model_validate({"scenes": [scene(
        "Draw axes from -3 to 3. Plot y = 4 - x^2 and y = x + 2. Shade the area between the two curves.", "Hi.")]})
                                         ).diagnostics if n.code == "SB301"]


def test_a_later_scene_asks_for_both_curves_and_their_region_again():
    p = _plan("Draw axes from 0 to 1.2. Plot y = x in yellow and y = x^2 in blue. Shade the region between the two "
              "curves in green.",
              "Axes on the left, both curves, region lightly shaded. Draw 4 rectangles of width 0.25 between the "
              "curves.")
    first, rects = p.scenes[1].beats
    assert first.rule == "plot:recalled-from-scene-1"
    assert [c["expr"] for c in first.params["curves"]] == ["y = x", "y = x^2"]
    assert first.params["area"]["to"] == 1  # the region, shaded again
    assert (rects.params["area"]["rectangles"], rects.params["area"]["a"], rects.params["area"]["b"]) == (4, 0, 1)
    assert not [n for n in p.diagnostics if n.code == "SB301"]


@pytest.fixture(scope="module")
def theme():
    from compiler.planner.theme import parse_theme

    return parse_theme("Dark background.")[0].to_json()


def test_rectangles_between_curves_reach_from_the_lower_curve_to_the_upper(theme):
    from compiler.runtime.components import plot

    g = plot.build(theme, curves=[{"expr": "y = x"}, {"expr": "y = x^2"}], x_range=[0, 1.2], y_range=[0, 1.2],
                   area={"a": 0, "b": 1, "curve": 0, "to": 1, "rectangles": 4, "sample": "mid"})
    rects = g.stages[0].area
    assert len(rects) == 4
    axes = g.axes
    for j, r in enumerate(rects):
        m = (j + 0.5) / 4
        bottom, top = axes.p2c(r.get_bottom())[1], axes.p2c(r.get_top())[1]
        assert bottom == pytest.approx(m * m, abs=0.02) and top == pytest.approx(m, abs=0.02)
    shaded = plot.build(theme, curves=[{"expr": "y = x"}, {"expr": "y = x^2"}], x_range=[0, 1.2], y_range=[0, 1.2],
                        area={"a": 0, "b": 1, "curve": 0, "to": 1}).stages[0].area
    assert axes.p2c(shaded.get_top())[1] == pytest.approx(1.0, abs=0.02)  # up to y = x at x = 1, not above
    assert shaded.width == pytest.approx(axes.c2p(1, 0)[0] - axes.c2p(0, 0)[0], rel=0.02)


def test_tick_numbers_say_the_value_they_stand_at(theme):
    from compiler.runtime.components import plot

    g = plot.build(theme, curves=[{"expr": "y = x"}], x_range=[0, 1.2], y_range=[0, 1.2], numbers=True)
    shown = [t.text for t in g.numbers]
    assert "0.25" in shown and "0.75" in shown and "0.2" not in shown and "0.8" not in shown


def test_finer_and_finer_rectangles_one_sum_each_on_the_ranges_the_sentence_gives():
    p = _plan("Axes from 0 to 2. Plot y = 2x - x^2 and y = x^2 / 2. Shade the region between them.",
              "Show both curves again with x range [0, 1.5] and y range [0, 1.5]. Draw 5 rectangles between the "
              "curves. Swap them for 10, then 20, then 40 narrower rectangles.")
    first, *sums = p.scenes[1].beats
    assert (first.params["x_range"], first.params["y_range"]) == ([0, 1.5], [0, 1.5])
    assert [b.params["area"]["rectangles"] for b in sums] == [5, 10, 20, 40]
    a = sums[0].params["area"]
    assert (a["a"], round(a["b"], 4), a["curve"], a["to"]) == (0, 1.3333, 0, 1)  # 2x - x² = x²/2 at x = 4/3


def test_curves_plotted_one_by_one_on_axes_the_scene_created_share_them_and_the_region_takes_its_ends():
    p = _plan("Create axes: x range [-0.5, 1.5], y range [-0.5, 1.8], with number labels. Plot y = x for x in "
              "[-0.5, 1.5]. Plot y = x^2 for x in [-0.5, 1.3]. Shade the region between the curves for x in [0, 1].")
    plots = [b for b in p.scenes[0].beats if b.kind == "plot"]
    assert [b.params.get("extend", False) for b in plots] == [False, True, True, True]  # one set of axes
    (area,) = _areas(p.scenes[0])
    assert (area["a"], area["b"], area["curve"], area["to"]) == (0, 1, 0, 1)
