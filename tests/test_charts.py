"""Charts: planner rules for plot/scatter/bar_chart/heatmap, generated code, and a dry run with `sbc check`
semantics (nothing outside the safe area, no overlapping text)."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene

SEED_STYLE = "Axes dim grey, linear curve orange, log curve green, hull gold, query red."


def beats_for(details: str, style: str = "Dark blue background.") -> list:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", style)]})
    return list(plan_storyboard(sb).scenes[0].beats)


# ----------------------------------------------------------------------------- planner rules
def test_axes_then_curves_extend_the_plot_on_screen():
    b = beats_for('Draw axes with x labelled "tokens generated (t)" and y labelled "work per step". '
                  'Plot a straight line labelled "Standard attention: O(t) per step" and a logarithmic curve '
                  'labelled "Hull attention: O(log t) per step".', SEED_STYLE)
    assert [x.kind for x in b] == ["plot", "plot"]
    axes, curves = b
    assert axes.rule == "plot:axes-cue"
    assert axes.params["x_label"] == "tokens generated (t)" and axes.params["y_label"] == "work per step"
    assert "curves" not in axes.params and axes.params["x_range"] == [0, 10]
    assert curves.params["extend"] is True and curves.rule.startswith("plot:extend")
    lin, log = curves.params["curves"]
    assert lin == {"expr": "x", "label": "Standard attention: O(t) per step", "color": "#FF862F"}   # theme: orange
    assert log["label"] == "Hull attention: O(log t) per step" and log["color"] == "#66BB6A"       # theme: green
    assert "log" in log["expr"]
    # the first beat's y range now fits the curves the second one adds
    assert axes.params["y_range"][0] == 0 and axes.params["y_range"][1] >= 10
    # every quoted string is drawn once, by these beats (no bullets, no text fallback)
    assert set(axes.strings) | set(curves.strings) == {"tokens generated (t)", "work per step",
                                                        "Standard attention: O(t) per step",
                                                        "Hull attention: O(log t) per step"}


def test_point_moving_along_a_prose_formula():
    b = beats_for("Animate a point moving from (0,0) to (1,4) along the curve y = 4x²")
    assert [x.kind for x in b] == ["plot"]  # not also an "animate what is on screen" highlight
    p = b[0].params
    assert b[0].rule == "plot:moving-point"
    assert p["curves"] == [{"expr": "y = 4x²", "label": "y = 4x²"}]
    assert p["move_dot"] == {"x0": 0, "x1": 1}
    assert [(q["x"], q["y"], q["label"]) for q in p["points"]] == [(0, 0, "(0, 0)"), (1, 4, "(1, 4)")]
    assert p["x_range"][0] < 0 < 1 < p["x_range"][1] and p["numbers"] is True


def test_limit_of_sin_x_over_x():
    b = beats_for("Plot y = sin(x)/x and show the limit as x approaches 0.")
    assert [x.kind for x in b] == ["plot"] and b[0].rule == "plot:limit"
    p = b[0].params
    assert p["curves"][0]["expr"] == "y = sin(x)/x"
    (hole,) = p["points"]
    assert (hole["x"], hole["y"], hole["hollow"]) == (0, 1, True) and "1" in hole["label"]
    assert p["move_dot"]["x1"] == 0 and p["move_dot"]["x0"] > 0
    assert p["x_range"][0] < 0 < p["x_range"][1]


def test_bell_curve_then_shaded_area():
    b = beats_for("Show a bell curve (normal distribution). Shade the area between -1 and 1.")
    assert [x.kind for x in b] == ["plot", "plot"]
    assert b[0].rule == "plot:named-curve" and len(b[0].params["curves"]) == 1
    assert "e^" in b[0].params["curves"][0]["expr"] and b[0].params["x_range"] == [-4, 4]
    assert b[1].params["extend"] is True and b[1].rule == "plot:extend-area"
    area = b[1].params["area"]
    assert (area["a"], area["b"]) == (-1, 1) and area["label"] == "area ≈ 0.683"


def test_a_new_formula_after_a_plot_is_a_new_plot():
    b = beats_for("Plot y = x^2. Plot y = sin(x)/x.")
    assert [x.params.get("extend", False) for x in b] == [False, False]
    b = beats_for("Plot y = x^2. Also plot y = 2x on the same axes.")
    assert [x.params.get("extend", False) for x in b] == [False, True]


def test_axis_labels_are_not_curve_labels_and_a_named_curve_takes_the_given_formula():
    b = beats_for('Then plot the curve y = 4x^2 on axes with x labelled "time (s)" and y labelled "distance (m)".')
    p = b[0].params
    assert (p["x_label"], p["y_label"]) == ("time (s)", "distance (m)")
    assert p["curves"] == [{"expr": "y = 4x^2", "label": "y = 4x^2"}]
    b = beats_for("Show a bell curve (normal distribution) with the formula `f(x) = e^(-x^2/2) / sqrt(2*pi)`.")
    assert [x.kind for x in b] == ["plot"]
    assert b[0].params["curves"] == [{"expr": "f(x) = e^(-x^2/2) / sqrt(2*pi)",
                                      "label": "f(x) = e^(-x^2/2) / sqrt(2*pi)"}]
    assert b[0].params["x_range"] == [-4, 4]


def test_a_moving_point_on_the_curve_on_screen_is_one_beat():
    b = beats_for("Plot the trajectory y = x - x^2/40.8 for x from 0 to 40.8. "
                  "Animate a point moving from (0,0) to (40.8,0) along the curve.")
    assert [x.kind for x in b] == ["plot", "plot"]  # no extra "animate what is on screen" highlight
    assert b[1].params["extend"] is True and b[1].params["move_dot"] == {"x0": 0, "x1": 40.8}
    assert "curves" not in b[1].params


def test_random_points_hull_and_query():
    b = beats_for('Then show 20 random 2D points labelled "Keys (past tokens)", draw their convex hull, and place '
                  'a red query point.', SEED_STYLE)
    assert [x.kind for x in b] == ["scatter"]
    p = b[0].params
    assert p["count"] == 20 and p["label"] == "Keys (past tokens)" and p["hull"] is True and len(p["query"]) == 2
    assert isinstance(p["seed"], int)
    assert b[0].params == beats_for(b[0].source, SEED_STYLE)[0].params  # deterministic


def test_scatter_with_explicit_points_and_fit():
    b = beats_for("Show a scatter plot of (1, 2), (2, 3.1), (3, 3.9), (4, 5.2) with a line of best fit.")
    assert [x.kind for x in b] == ["scatter"]
    assert b[0].params["points"] == [[1, 2], [2, 3.1], [3, 3.9], [4, 5.2]] and b[0].params["fit_line"] is True


def test_bar_chart_from_a_label_value_list_and_a_change():
    b = beats_for("Show a bar chart of the probabilities: cat 0.7, dog 0.2, bird 0.1. "
                  "Then the probabilities change to cat 0.4, dog 0.4, bird 0.2.")
    assert [x.kind for x in b] == ["bar_chart", "bar_chart"]
    p = b[0].params
    assert p["labels"] == ["cat", "dog", "bird"] and p["values"] == [0.7, 0.2, 0.1]
    assert p["horizontal"] is True and p["title"] == "Probabilities"
    q = b[1].params
    assert b[1].rule == "bar_chart:change" and q["extend"] is True
    assert q["values"] == [0.7, 0.2, 0.1] and q["new_values"] == [0.4, 0.4, 0.2]


def test_bar_chart_with_quoted_percentages():
    b = beats_for('Show a bar chart with bars for "A" (30%), "B" (50%), "C" (20%) and highlight the highest.')
    assert [x.kind for x in b] == ["bar_chart"]
    p = b[0].params
    assert p["labels"] == ["A", "B", "C"] and p["values"] == [30, 50, 20] and p["unit"] == "%"
    assert p["highlight_max"] is True and "horizontal" not in p
    assert set(b[0].strings) >= {"A", "B", "C", "30%", "50%", "20%"}


def test_heatmap_of_attention_weights():
    b = beats_for("Display a heatmap of attention weights.")
    assert [x.kind for x in b] == ["heatmap"] and b[0].rule == "heatmap:placeholder"
    v = b[0].params["values"]
    assert len(v) == len(v[0]) == 6 and all(abs(sum(r) - 1) < 0.05 for r in v)
    assert b[0].params["title"] == "Attention weights"
    b = beats_for('Display a causal heatmap of attention weights for "The cat sat on the mat".')
    p = b[0].params
    assert p["row_labels"] == p["col_labels"] == ["The", "cat", "sat", "on", "the", "mat"] and p["causal"] is True
    assert [x.kind for x in b] == ["heatmap"]  # the sentence is not also a title or a text


def test_heatmap_of_a_literal_matrix_is_not_also_a_matrix():
    b = beats_for("Show a heatmap of [[0.9, 0.1], [0.2, 0.8]].")
    assert [x.kind for x in b] == ["heatmap"] and b[0].params["values"] == [[0.9, 0.1], [0.2, 0.8]]


def test_backticked_formula_with_plot_cue_is_a_plot_not_an_equation():
    b = beats_for("Plot `f(x) = x^2 - 3x + 2` for x from -1 to 4 with a dashed vertical line at x = 1.5.")
    assert [x.kind for x in b] == ["plot"]
    p = b[0].params
    assert p["x_range"] == [-1, 4] and p["markers"] == [{"axis": "x", "value": 1.5, "label": "x = 1.5"}]
    assert [x.kind for x in beats_for("Show the equation `y = 4x^2`.")] == ["equation"]


def plan_notes(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_a_bar_chart_announced_then_given_its_series_is_grouped_bars():
    beats, notes = plan_notes(
        'Draw a bar chart with x-axis "Quarter" (1, 2, 3) and y-axis "Sales (units)". '
        "For each quarter draw two bars next to each other: online (120, 150, 190) and store (200, 180, 160). "
        "Write the value on top of each bar.")
    assert [b.kind for b in beats] == ["bar_chart"]
    p = beats[0].params
    assert p["labels"] == ["Quarter 1", "Quarter 2", "Quarter 3"] and p["title"] == "Sales (units)"
    assert p["series"] == [{"name": "online", "values": [120, 150, 190]}, {"name": "store", "values": [200, 180, 160]}]
    assert "values" not in p and not [n for n in notes if "SB301" in n]  # the values on the bars: already drawn
    assert {"online", "store", "Quarter 2", "190", "160"} <= set(beats[0].strings)


def test_grouped_bars_in_one_sentence_without_group_names_are_numbered_and_said():
    beats, notes = plan_notes("Show a bar chart of accuracy: model A (72, 80, 85) versus model B (70, 78, 90).")
    assert beats[0].params["labels"] == ["1", "2", "3"]
    assert [s["name"] for s in beats[0].params["series"]] == ["model A", "model B"]
    assert any("SB307" in n and "numbered 1 to 3" in n for n in notes)


def test_a_bar_chart_announced_but_never_given_values_is_not_drawn_and_said():
    beats, notes = plan_notes('Draw a bar chart with x-axis "Year" (0, 1, 2) and y-axis "Balance". Then fade out.')
    assert "bar_chart" not in [b.kind for b in beats] and "plot" not in [b.kind for b in beats]
    assert any("SB307" in n and "never given its data" in n for n in notes)


def test_grouped_bars_need_one_value_per_group_and_no_values_beside_them():
    from pydantic import ValidationError

    from compiler.components.bar_chart import BarChartVisual

    ok = {"kind": "bar_chart", "labels": ["a", "b"], "series": [{"name": "x", "values": [1, 2]},
                                                                {"name": "y", "values": [3, 4]}]}
    BarChartVisual.model_validate(ok)
    for bad in ({**ok, "values": [1, 2]}, {**ok, "series": [{"name": "x", "values": [1]}, {"name": "y", "values": [3, 4]}]},
                {**ok, "new_values": [1, 2]}, {"kind": "bar_chart", "labels": ["a"]}):
        with pytest.raises(ValidationError):
            BarChartVisual.model_validate(bad)


# ----------------------------------------------------------------------------- generation and dry run
EVERY_CHART = {"title": "Charts", "scenes": [
    scene('Title "The Problem: Attention Cost Grows". Draw axes with x labelled "tokens generated (t)" and y '
          'labelled "work per step". Plot a straight line labelled "Standard attention: O(t) per step" and a '
          'logarithmic curve labelled "Hull attention: O(log t) per step". Then show 20 random 2D points labelled '
          '"Keys (past tokens)", draw their convex hull, and place a red query point.',
          "Standard attention looks at every past token. So the work per step grows. Hull attention needs a "
          "logarithmic number of steps. The best key lies on the convex hull.", SEED_STYLE),
    scene("Animate a point moving from (0,0) to (1,4) along the curve y = 4x². Plot y = sin(x)/x and show the "
          "limit as x approaches 0. Show a bell curve (normal distribution). Shade the area between -1 and 1.",
          "A point moves along the parabola. Sin x over x tends to one. The bell curve. Most of it is near zero."),
    scene('Show a bar chart of the probabilities: cat 0.7, dog 0.2, bird 0.1. Then the probabilities change to '
          'cat 0.4, dog 0.4, bird 0.2. Show a bar chart with bars for "A" (30%), "B" (50%), "C" (20%) and '
          'highlight the highest bar. Display a heatmap of attention weights for "The cat sat on the mat".',
          "The model predicts cat. Then dog catches up. B wins. Each token attends to its neighbours."),
    scene("x", "One. Two. Three. Four.", visuals=[
        {"kind": "plot", "curves": [{"expr": "tan(x)"}, {"expr": "1/x", "label": 'evil "); import os #'},
                                    {"expr": "__import__('os')", "label": "unreadable"}],
         "numbers": True, "markers": [{"axis": "y", "value": 1, "label": "y = 1"}]},
        {"kind": "scatter", "count": 200, "seed": 3, "fit_line": True, "hull": True, "label": "samples",
         "x_label": "x", "y_label": "y"},
        {"kind": "bar_chart", "labels": [f"category number {k}" for k in range(12)],
         "values": [k * 1234.5 - 3000 for k in range(12)], "highlight_max": True,
         "new_values": [5000 - k * 300 for k in range(12)]},
        {"kind": "plot", "curves": [{"expr": "x^2"}], "x_range": [0, 2], "numbers": True,
         "area": {"a": 0, "b": 2, "rectangles": 8, "sample": "mid", "label": "≈ 2.66"}},
        {"kind": "bar_chart", "labels": ["Year 0", "Year 1", "Year 2", "Year 3"], "title": "Balance ($)",
         "series": [{"name": "simple", "values": [1000, 1100, 1200, 1300]},
                    {"name": "compound", "values": [1000, 1100, 1210, 1331], "color": "green"}]},
        {"kind": "heatmap", "values": [[(i * j) % 7 - 3 for j in range(12)] for i in range(12)],
         "row_labels": [f"row {k}" for k in range(12)], "col_labels": [f"column {k}" for k in range(12)],
         "title": "Twelve by twelve", "causal": True},
    ]),
]}


@pytest.fixture(scope="module")
def every_chart() -> Storyboard:
    return Storyboard.model_validate(EVERY_CHART)


def test_generated_code_compiles_and_quotes_through_py(every_chart):
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    timed = time_plan(plan_storyboard(every_chart), estimate_timings(every_chart))
    kinds = set()
    for ts in timed.scenes:
        gen = generate_scene(ts)  # compile()s the code
        compile(gen.code, gen.filename, "exec")
        kinds |= {b.beat.kind for b in ts.beats}
        assert "import os #'" not in gen.code or "'evil \"); import os #'" in gen.code
    assert {"plot", "scatter", "bar_chart", "heatmap"} <= kinds
    code = "\n".join(generate_scene(ts).code for ts in timed.scenes)
    assert "plot.extend(" in code and "bar_chart.extend(" in code and "from compiler.runtime.components import" in code


def test_dry_run_has_no_layout_violations(every_chart):
    from compiler.inspect import inspect_storyboard

    result = inspect_storyboard(every_chart)
    assert [s.number for s in result] == [1, 2, 3, 4]
    assert {"plot", "scatter", "bar_chart", "heatmap"} <= {k for s in result for k in s.beats}
    violations = [v for s in result for v in s.violations]
    assert violations == [], "\n".join(v.message for v in violations)


def test_runtime_helpers_are_deterministic_and_bounded():
    from compiler.runtime.components.scatter import convex_hull, least_squares, random_points

    assert random_points(20, 7) == random_points(20, 7) != random_points(20, 8)
    assert len(random_points(10_000, 1)) == 200
    square = [(0, 0), (1, 0), (1, 1), (0, 1), (0.5, 0.5)]
    assert sorted(convex_hull(square)) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    a, b = least_squares([(0, 1), (1, 3), (2, 5)])
    assert abs(a - 2) < 1e-9 and abs(b - 1) < 1e-9
    assert least_squares([(1, 1), (1, 2)]) is None


# ----------------------------------------------------------------------------- a thing moving on the curve on screen
BOWL = "Plot y = (x - 2)^2 + 1 from x = -1 to 5. Place a ball on the curve at x = -1. "


@pytest.mark.parametrize("sentence, x0, x1", [
    ("Animate the ball rolling down the curve to the minimum.", -1, 2),      # the minimum: computed
    ("Show the ball rolling down to the bottom of the curve.", -1, 2),
    ("The ball rolls down the parabola and comes to rest at the lowest point.", -1, 2),
    ("Animate the ball sliding along the curve until it reaches the minimum.", -1, 2),
    ("Roll the ball down the curve to the vertex.", -1, 2),
    ("Animate the ball rolling down the curve.", -1, 2),                     # downhill: where it stops
    ("Let the ball glide down towards the minimum at (2, 1).", -1, 2),       # the place written
    ("Animate the ball sliding down towards the minimum at x = 2.", -1, 2),
    ("Move the ball along the curve to x = 3.", -1, 3),
    ("Animate the ball traveling along the curve from x = 0 to x = 4.", 0, 4),
])
def test_a_ball_placed_on_the_curve_moves_along_it(sentence, x0, x1):
    b = beats_for(BOWL + sentence)
    assert [x.kind for x in b] == ["plot", "plot", "plot"], [(x.kind, x.rule) for x in b]  # no "animate" pulse
    assert b[1].params["points"] == [{"x": -1, "y": 10, "label": "x = -1"}]
    moved = {k: v for k, v in b[2].params.items() if k not in ("x_range", "y_range", "numbers")}  # (the axes it extends)
    assert b[2].rule == "plot:move-along" and moved == {"extend": True, "move_dot": {"x0": x0, "x1": x1, "curve": 0}}
    assert b[2].params.get("x_range") == b[0].params.get("x_range")


@pytest.mark.parametrize("noun, verb", [("dot", "sliding"), ("point", "moving"), ("marker", "travelling"),
                                        ("bead", "gliding"), ("marble", "rolling"), ("particle", "descending")])
def test_the_nouns_and_verbs_of_a_thing_moving_are_data(noun, verb):
    b = beats_for(f"Plot y = (x - 2)^2 + 1 from x = -1 to 5. Put a yellow {noun} on the curve at x = -1. "
                  f"Animate the {noun} {verb} down the curve to the minimum.")
    assert [x.kind for x in b] == ["plot", "plot", "plot"]
    assert b[2].params["move_dot"] == {"x0": -1, "x1": 2, "curve": 0}


def test_where_a_thing_moving_on_the_curve_starts_and_stops_is_computed():
    # no ball placed: it starts at the higher end of the curve and rolls to its lowest point
    b = beats_for("Plot y = (x - 2)^2 + 1 from x = 0 to 6. Animate a ball rolling down the curve to the minimum.")
    assert b[1].params["move_dot"] == {"x0": 6, "x1": 2, "curve": 0}
    # uphill to the peak
    b = beats_for("Plot y = -(x - 1)^2 + 4 from x = -2 to 4. Place a dot on the curve at x = -2. "
                  "Animate the dot climbing up the curve to the peak.")
    assert b[2].params["move_dot"] == {"x0": -2, "x1": 1, "curve": 0}
    # two valleys: rolling down from x = 0.5 stops in the nearer one; "the global minimum" is the lower one
    two = "Plot y = x^4 - 4x^2 + x from x = -2.5 to 2.5. Place a ball on the curve at x = 0.5. "
    local = beats_for(two + "Animate the ball rolling down to the minimum.")[2].params["move_dot"]
    best = beats_for(two + "Animate the ball rolling to the global minimum.")[2].params["move_dot"]
    assert local["x0"] == best["x0"] == 0.5
    assert abs(local["x1"] - 1.347) < 0.01 and abs(best["x1"] + 1.473) < 0.01


def test_a_thing_that_cannot_move_as_written_is_reported():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Plot y = 2x + 1 from x = 0 to 5. Place a ball on the curve at x = 4. Animate the ball rolling down to the "
        "minimum.", "Some narration here.")]})
    p = plan_storyboard(sb)
    assert p.scenes[0].beats[-1].params["move_dot"] == {"x0": 4, "x1": 0, "curve": 0}  # to the end of the axes
    assert [n.code for n in p.diagnostics] == ["SB307"] and "no minimum inside the axes" in p.diagnostics[0].message
    sb = Storyboard.model_validate({"scenes": [scene(
        "Plot y = x^2 from x = -3 to 3. Place a ball on the curve at x = 0. Animate the ball rolling down to the "
        "minimum.", "Some narration here.")]})
    p = plan_storyboard(sb)
    assert [b.kind for b in p.scenes[0].beats] == ["plot", "plot"]  # nothing moves, and no pulse instead
    assert [n.code for n in p.diagnostics] == ["SB307"] and "already at x = 0" in p.diagnostics[0].message


def test_dots_from_both_sides_towards_a_hole_are_still_two_dots():
    b = beats_for("Plot f(x) = (x^2 - 4)/(x - 2). Show an open circle (hole) at the point (2, 4). Animate two dots "
                  "moving along the line toward the hole, one from the left and one from the right.")
    assert [x.rule for x in b[2:]] == ["plot:dot-toward", "plot:dot-toward"]
    left, right = (x.params["move_dot"] for x in b[2:])
    assert left["x0"] < left["x1"] < 2 < right["x1"] < right["x0"]


# ----------------------------------------------------------------------------- a point marked with its name
@pytest.mark.parametrize("sentence, labels", [
    ('Mark the point (2, 4) with a dot labeled "P".', ["P (2, 4)"]),
    ("Mark the point (2, 4) with a dot labelled P.", ["P (2, 4)"]),
    ("Put a red dot at (2, 4) and label it 'P'.", ["P (2, 4)"]),
    ('Plot the point (2, 4) and label it "P".', ["P (2, 4)"]),
    ("Mark (2, 4) as P.", ["P (2, 4)"]),
    ('Highlight the point (2, 4) with a yellow dot labeled "Vertex".', ["Vertex (2, 4)"]),
    ('Add a dot at (2, 4) labeled "f(2) = 4".', ["f(2) = 4"]),
    ('Mark the points (1, 1) and (2, 4) with dots labeled "A" and "B".', ["A (1, 1)", "B (2, 4)"]),
    ("Mark the point P(2, 4) on the curve.", ["P (2, 4)"]),
])
def test_a_point_marked_on_the_plot_takes_its_name(sentence, labels):
    b = beats_for("Plot y = x^2 from x = -3 to 3. " + sentence)
    assert [x.kind for x in b] == ["plot", "plot"], [(x.kind, x.rule) for x in b]  # the name is not a text of its own
    assert b[1].params["extend"] is True
    assert [p["label"] for p in b[1].params["points"]] == labels
    assert (b[1].params["points"][-1]["x"], b[1].params["points"][-1]["y"]) == (2, 4)


def test_a_point_marked_in_the_sentence_that_plots_the_curve_takes_its_name_not_the_curve():
    b = beats_for('Plot y = x^2 from x = -3 to 3 and mark the point (2, 4) with a dot labeled "P".')
    assert [x.kind for x in b] == ["plot"]
    assert b[0].params["curves"] == [{"expr": "y = x^2", "label": "y = x^2"}]
    assert b[0].params["points"] == [{"x": 2, "y": 4, "label": "P (2, 4)"}]
    b = beats_for('Plot y = x^2 labeled "parabola" and mark the point (2, 4) labeled "P".')
    assert b[0].params["curves"][0]["label"] == "parabola" and b[0].params["points"][0]["label"] == "P (2, 4)"


@pytest.mark.parametrize("sentence, point", [
    ("Highlight the minimum of the curve.", {"x": 2, "y": 1, "label": "minimum (2, 1)"}),
    ("Then mark the curve's lowest point.", {"x": 2, "y": 1, "label": "lowest point (2, 1)"}),
    ('Mark the vertex with a dot labeled "V".', {"x": 2, "y": 1, "label": "V (2, 1)"}),
    ('Label the vertex "V".', {"x": 2, "y": 1, "label": "V (2, 1)"}),
])
def test_the_lowest_point_of_the_curve_marked_is_computed(sentence, point):
    b = beats_for("Plot y = (x - 2)^2 + 1 from x = -1 to 5. " + sentence)
    assert [x.kind for x in b] == ["plot", "plot"] and b[1].rule == "plot:extremum"
    assert b[1].params["points"] == [point]


def test_an_extremum_named_in_passing_is_not_marked_and_one_not_there_is_reported():
    b = beats_for("Plot y = x^2 - 4 from x = -3 to 3. Show an arrow pointing right, toward the minimum, labeled \"descent\".")
    assert "plot:extremum" not in [x.rule for x in b]
    sb = Storyboard.model_validate({"scenes": [scene("Plot y = (x - 2)^2 + 1 from x = -1 to 5. Mark the maximum.",
                                                     "Some narration here.")]})
    p = plan_storyboard(sb)
    assert [b.kind for b in p.scenes[0].beats] == ["plot"]
    assert [n.code for n in p.diagnostics] == ["SB307"] and "no maximum between x = -1 and 5" in p.diagnostics[0].message


# ----------------------------------------------------------------------------- tangents, steps and recalls (gradient)
def planned(*details: str, style: str = "Dark background."):
    """(beats of each scene, SB3xx diagnostics as "scene N: CODE message")."""
    sb = Storyboard.model_validate({"scenes": [scene(d, "Some narration here.", style) for d in details]})
    p = plan_storyboard(sb)
    return [list(sp.beats) for sp in p.scenes], [f"{n.code} {n.message}" for n in p.diagnostics]


def _plot_params(bs) -> list[dict]:
    return [{k: v for k, v in b.params.items() if k in ("curves", "points", "move_dot")} for b in bs if b.kind == "plot"]


GRADIENT_AXES = "Draw axes with x from -1 to 6 and y from 0 to 20.\nPlot the curve y = x^2 - 4x + 5.\n"


@pytest.mark.parametrize("details, tangents", [
    # a second tangent is taken on the parabola, not on the first tangent line
    (GRADIENT_AXES + 'Place a point at x = 5 on the curve and draw its tangent line, labeled "slope = +6".\n'
     'Place another point at x = 0.5 and draw its tangent line, labeled "slope = -3".',
     [("10 + 6*(x - 5)", "slope = +6", {"x": 5, "y": 10}), ("3.25 - 3*(x - 0.5)", "slope = -3", {"x": 0.5, "y": 3.25})]),
    # three in a row, the last at a point written as coordinates, the point named by the other label
    (GRADIENT_AXES + "Draw the tangent line at x = 4.\nDraw the tangent line at x = 1.\n"
     'Finally place a point at the bottom (2, 1) with a flat tangent line labeled "slope = 0" and the label "minimum".',
     [("5 + 4*(x - 4)", "slope = 4", None), ("2 - 2*(x - 1)", "slope = -2", None),
      ("1 + 0*(x - 2)", "slope = 0", {"x": 2, "y": 1, "label": "minimum"})]),
])
def test_tangents_are_taken_on_the_function_curve_never_on_a_tangent_line(details, tangents):
    (bs,), notes = planned(details)
    got = [(b.params["curves"][0]["expr"], b.params["curves"][0]["label"], (b.params.get("points") or [None])[0])
           for b in bs if b.rule == "plot:tangent"]
    assert got == tangents
    assert not [n for n in notes if n.startswith("SB307")], notes


def test_a_tangent_on_a_recalled_plot_is_taken_on_its_curve():
    # the tangent lines come back with the plot from scene 1: a new tangent is still taken on the parabola
    scenes, _ = planned(GRADIENT_AXES + "Draw the tangent line at x = 5.",
                        "Show the same curve again and draw the tangent line at x = 1.")
    recalled, tangent = [b for b in scenes[1] if b.kind == "plot"]
    assert recalled.rule == "plot:recalled-from-scene-1"
    assert [c["expr"] for c in recalled.params["curves"]] == ["y = x^2 - 4x + 5", "10 + 6*(x - 5)"]
    assert tangent.params["curves"][0]["expr"] == "2 - 2*(x - 1)"


def test_a_tangent_whose_written_slope_is_not_the_curves_is_reported():
    (bs,), notes = planned(GRADIENT_AXES + 'Draw the tangent line at x = 5, labeled "slope = 4".')
    assert [b.params["curves"][0]["expr"] for b in bs if b.rule == "plot:tangent"] == ["10 + 6*(x - 5)"]
    assert any("SB307" in n and "slope 6" in n for n in notes), notes


@pytest.mark.parametrize("sentence", [
    "On the left, draw the parabola y = x^2 - 4x + 5 with x from 0 to 6 and y from 0 to 12.",
    "Draw the parabola y = x^2 - 4x + 5.",
    "Show the parabola y = x^2 - 4x + 5 with x from 0 to 6.",
])
def test_a_curve_named_and_drawn_with_its_formula_is_a_plot(sentence):
    (bs,), notes = planned(sentence)
    assert [(b.kind, b.params["curves"]) for b in bs] == [("plot", [{"expr": "y = x^2 - 4x + 5",
                                                                      "label": "y = x^2 - 4x + 5"}])]
    assert not [n for n in notes if n.startswith("SB30")], notes


TABLE = ('On the right, build a table with columns "Step", "x", "f\'(x)", "{new}":\n'
         "Row 1: 0 | 5 | 6 | 5 - 0.25 x 6 = 3.5\nRow 2: 1 | 3.5 | 3 | 3.5 - 0.25 x 3 = 2.75\n"
         "Row 3: 2 | 2.75 | 1.5 | 2.75 - 0.25 x 1.5 = 2.375\nRow 4: 3 | 2.375 | 0.75 | 2.375 - 0.25 x 0.75 = 2.1875\n")
BALL = ("On the left, draw the parabola y = x^2 - 4x + 5 with x from 0 to 6 and y from 0 to 12.\n"
        "Place a yellow ball at x = 5, where f(5) = 10.\n")


@pytest.mark.parametrize("details, xs", [
    # the x_new column: from the ball at 5 down to 2.1875, a dot left at each place
    (BALL + TABLE.format(new="x_new") + "As each row appears, move the ball along the curve to the new x and leave "
     "a faded dot at the old position.", [5, 3.5, 2.75, 2.375, 2.1875]),
    (BALL + TABLE.format(new="new x") + "Then move the ball along the curve to its next position.",
     [5, 3.5, 2.75, 2.375, 2.1875]),
    # no column of new values: the x column the ball steps through
    (BALL + TABLE.format(new="update") + "As each row appears, move the ball to the new x.", [5, 3.5, 2.75, 2.375]),
])
def test_a_ball_moved_to_the_new_x_follows_the_values_of_the_scene(details, xs):
    (bs,), notes = planned(details)
    move = [b for b in bs if b.rule == "plot:move-along"]
    assert len(move) == 1, [(b.kind, b.rule) for b in bs]
    assert [p["x"] for p in move[0].params["points"]] == xs
    assert move[0].params["move_dot"] == {"x0": 5, "x1": xs[-1], "curve": 0}
    assert not [n for n in notes if n.startswith(("SB301", "SB307"))], notes


def test_a_ball_moved_to_a_new_x_the_scene_does_not_give_is_reported_not_moved():
    (bs,), notes = planned(BALL + "Move the ball along the curve to the new x.")
    assert not [b for b in bs if b.params.get("move_dot")]
    assert any("SB307" in n and "to the new x" in n and "not moved" in n for n in notes), notes
    # without a place to go, along the curve as before
    (bs,), _ = planned(BALL + "Move the ball along the curve.")
    assert [b.params["move_dot"] for b in bs if b.params.get("move_dot")] == [{"x0": 5, "x1": 0, "curve": 0}]


def test_the_same_parabola_is_the_earlier_curve_and_several_plots_are_reported():
    first = BALL + TABLE.format(new="x_new") + "Move the ball along the curve to the new x."
    scenes, notes = planned(first, 'Show three small plots of the same parabola side by side, titled "α = 0.01", '
                                   '"α = 0.25" and "α = 1.1".')
    plots = [b for b in scenes[1] if b.kind == "plot"]
    assert [b.rule for b in plots] == ["plot:recalled-from-scene-1"]
    assert [c["expr"] for c in plots[0].params["curves"]] == ["y = x^2 - 4x + 5"]  # never y = x^2
    assert any("SB307" in n and "scene 2" in n and "three plots are asked for; one plot is drawn" in n for n in notes), notes
    # two plots of a curve written in the sentence: one is drawn, said so
    (bs,), notes = planned("Show two plots side by side of y = x^2 and y = x^3.")
    assert [b.kind for b in bs].count("plot") == 1
    assert any("two plots are asked for" in n for n in notes), notes


def test_the_same_parabola_without_an_earlier_one_is_a_standard_parabola_said_so():
    (bs,), notes = planned("Draw the same parabola again.")
    assert [c["expr"] for b in bs if b.kind == "plot" for c in b.params["curves"]] == ["x^2"]
    assert any("SB307" in n and "no earlier scene plotted one" in n for n in notes), notes
