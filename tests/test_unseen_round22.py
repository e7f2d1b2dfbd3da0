"""Round 22 (fresh hold-out storyboards): matrices written by rows (augmented ones with their bar, "row 1: …" lines),
row operations that change the matrix on screen, names of a matrix's rows and columns; a drop to the curve from the
point the sentence writes; a dot on the x-axis at "x0 = 1"; a dot's quoted label drawn once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from compiler.components.matrix import MatrixVisual
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.extract import rows_matrix, written_by_rows

from .conftest import dry_run_visuals as _dry_run
from .conftest import planned_scene as planned
from .conftest import scene

GAUSS = ("Show the augmented matrix [2 1 | 1 0; 5 3 | 0 1] in the centre.\n"
         "Then subtract 2.5 times row 1 from row 2 to get [2 1 | 1 0; 0 0.5 | -2.5 1].\n"
         "Apply R1 → R1 - 2R2: [2 0 | 6 -2; 0 0.5 | -2.5 1].\n"
         "Apply R2 → 2R2: [2 0 | 6 -2; 0 1 | -5 2].")


def test_matrices_written_by_rows_keep_their_entries_and_bar():
    assert rows_matrix("[2 1 | 1 0; 5 3 | 0 1]") == ([[2, 1, 1, 0], [5, 3, 0, 1]], 2)
    assert rows_matrix("[1, 2; 3, 4]") == ([[1, 2], [3, 4]], None)
    assert rows_matrix("[2 1 | 1 0]  [5 3 | 0 1]") == ([[2, 1, 1, 0], [5, 3, 0, 1]], 2)  # a bracket a row
    assert rows_matrix("[1/2 -3; x 4]") == ([["1/2", -3], ["x", 4]], None)  # a fraction stays as written
    # no such matrix: a single row, rows of unequal length, a bar in one row only, words
    for text in ("[1 | 2]", "[1 2; 3]", "[1 | 2; 3 4]", "[see the note; below it]", "[0, 1]"):
        assert rows_matrix(text) is None, text
    found, _ = written_by_rows("a 2x2 matrix:\nrow 1: 0.8  0.2\nrow 2: 0.4  0.6")
    assert found == [([[0.8, 0.2], [0.4, 0.6]], None)]


def test_row_operations_morph_the_augmented_matrix_on_screen():
    beats, notes = planned(GAUSS)
    mats = [b for b in beats if b.kind == "matrix"]
    assert [m.params["values"] for m in mats] == [
        [[2, 1, 1, 0], [5, 3, 0, 1]], [[2, 1, 1, 0], [0, 0.5, -2.5, 1]], [[2, 0, 6, -2], [0, 0.5, -2.5, 1]],
        [[2, 0, 6, -2], [0, 1, -5, 2]]]
    assert all(m.params["augment"] == 2 for m in mats)
    assert [m.params.get("highlight_row") for m in mats] == [None, 1, 0, 1]  # the row each operation changes
    assert [m.params.get("replaces", False) for m in mats] == [False, True, True, True]
    ops = [b for b in beats if b.kind == "equation"]
    assert [o.params["exprs"] for o in ops] == [["R1 → R1 - 2R2"], ["R2 → 2R2"]]
    assert ops[1].params["replaces"] == "R1 → R1 - 2R2"  # one operation on screen at a time
    assert not [n for n in notes if n.startswith(("SB301", "SB307"))]


def test_a_matrix_given_row_by_row_with_its_name_and_the_names_of_its_rows_and_columns():
    beats, notes = planned('Write "P =" and a 2x2 matrix in the center:\nrow 1: 0.8  0.2\nrow 2: 0.4  0.6\n'
                           'Add row labels to the left of the matrix: "today: Sunny", "today: Rainy"; add column labels '
                           'above: "tomorrow: Sunny", "tomorrow: Rainy".')
    (m,) = [b for b in beats if b.kind == "matrix"]
    assert m.params["values"] == [[0.8, 0.2], [0.4, 0.6]] and m.params["label"] == "P"
    assert m.params["row_labels"] == ["today: Sunny", "today: Rainy"]
    assert m.params["column_labels"] == ["tomorrow: Sunny", "tomorrow: Rainy"]
    assert not [b for b in beats if b.kind in ("text", "bullets")]  # no "P =" or labels written apart
    assert not [n for n in notes if "grid of dots" in n or n.startswith("SB301")]
    # names that do not match the matrix's rows are said, not forced onto it
    beats, notes = planned("Show the matrix [[1, 2], [3, 4]]. Add row labels: \"a\", \"b\", \"c\".")
    (m,) = [b for b in beats if b.kind == "matrix"]
    assert "row_labels" not in m.params and any("3 row labels for the matrix's 2 rows" in n for n in notes)


def test_the_matrix_model_checks_its_bar_and_names():
    MatrixVisual(kind="matrix", values=[[1, 2, 3], [4, 5, 6]], augment=2, row_labels=["a", "b"],
                 column_labels=["x", "y", "z"])
    for bad in ({"augment": 3}, {"row_labels": ["a"]}, {"column_labels": ["x", "y"]}):
        with pytest.raises(ValidationError):
            MatrixVisual(kind="matrix", values=[[1, 2, 3], [4, 5, 6]], **bad)




def test_an_augmented_named_matrix_and_its_new_states_render_in_place():
    code, ins = _dry_run([
        {"kind": "matrix", "values": [[0.8, 0.2], [0.4, 0.6]], "label": "P", "row_labels": ["today: Sunny", "today: Rainy"],
         "column_labels": ["tomorrow: Sunny", "tomorrow: Rainy"]},
        {"kind": "matrix", "values": [[2, 1, 1, 0], [5, 3, 0, 1]], "augment": 2},
        {"kind": "matrix", "values": [[2, 1, 1, 0], [0, 0.5, -2.5, 1]], "augment": 2, "replaces": True,
         "highlight_row": 1}])
    assert "augment=2" in code and "self.update(" in code and "row_labels=" in code
    assert ins.violations == []


def test_a_segment_of_no_length_draws_nothing_and_never_breaks_the_scene():
    _, ins = _dry_run([{"kind": "plot", "x_range": [-0.5, 2.5], "y_range": [-2.5, 4.5],
                        "curves": [{"expr": "x^2 - 2"}],
                        "segments": [{"start": [1.41421, 0], "end": [1.41421, 0], "style": "dashed"}]}])
    assert ins.violations == []


def test_a_drop_to_the_curve_starts_where_the_sentence_says():
    beats, notes = planned("Draw axes with the curve y = x^2 - 2 and mark its root (1.41421, 0). Draw a dashed vertical "
                           "line from (1, 0) down to the curve point (1, −1) and mark that point with a small dot.")
    (drop,) = [b for b in beats if b.rule == "plot:up-to-curve"]
    assert drop.params["segments"] == [{"start": [1, 0], "end": [1, -1], "style": "dashed"}]
    # a point written off the curve is said, and the segment ends on the curve
    beats, notes = planned("Draw axes with the curve y = x^2 - 2. Draw a dashed vertical line from (1, 0) down to the "
                           "curve point (1, −3).")
    (drop,) = [b for b in beats if b.rule == "plot:up-to-curve"]
    assert drop.params["segments"][0]["end"] == [1, -1] and any("(1, -3) is not on the curve" in n for n in notes)


def test_a_dot_on_the_x_axis_at_a_named_guess():
    beats, notes = planned('Draw axes with the curve y = x^2 - 2. Place a red dot on the x-axis at x0 = 1 labeled "x₀ = 1".')
    (dot,) = [b for b in beats if b.rule == "plot:point-on-axis"]
    assert dot.params["points"] == [{"x": 1, "y": 0, "label": "x₀ = 1"}]
    assert not [n for n in notes if "the dot it belongs to" in n]
    # "x = 2 + h" is no point at 2
    beats, _ = planned("Draw axes with the curve y = x^2 - 2. Put a dot on the x-axis at x = 2 + h.")
    assert not [b for b in beats if b.rule == "plot:point-on-axis"]


def test_a_dot_whose_label_is_quoted_on_its_own_line_is_drawn_once():
    beats, _ = planned('Create axes: x from 0 to 9, y from 0 to 7.\nPlot 4 gray dots with their letter labels next to '
                       'them:\n- "A (1,1)"\n- "B (2,1)"\n- "E (6,5)"\n- "F (7,6)"')
    (dots,) = [b for b in beats if b.rule == "plot:mark-points"]
    assert [p["label"] for p in dots.params["points"]] == ["A (1,1)", "B (2,1)", "E (6,5)", "F (7,6)"]
    assert not [b for b in beats if b.kind == "bullets"]


def test_shapes_asked_in_the_plural_and_not_drawn_are_said():
    _, notes = planned('Create axes: x from 0 to 9, y from 0 to 7. Briefly draw two dashed ellipses around the lower left and upper right groups, then fade them '
                       'out with the text "Can an algorithm find this by itself?".')
    assert any("the ellipses it belongs to are not" in n for n in notes)
    # "the two pictures" are those on screen: nothing new is asked
    _, notes = planned("Draw a square. Between the two pictures write '=' signs under them: 'Empty area: c^2'.")
    assert not [n for n in notes if "pictures" in n]


def test_formulas_newtons_method_and_taylor_series_write():
    from compiler.mathtext import to_tex

    assert to_tex("xₙ₊₁ = xₙ − f(xₙ) / f′(xₙ)").tex == r"x_{n + 1} = x_n - \frac{f(x_n)}{f'(x_n)}"  # not f′ over, then (xₙ)
    assert to_tex("c_n = f^(n)(0) / n!").tex == r"c_n = \frac{f^{(n)}(0)}{n!}"  # the order of the derivative bracketed
    assert to_tex("e^(x)(1+x)").tex == r"e^{x}(1 + x)"  # (a power of e is no derivative)
    assert r"n\text{-th}" in to_tex("the n-th derivative").tex  # not n − th
    assert to_tex("(1x10 + 1x90) = 100").tex == r"(1 \times 10 + 1 \times 90) = 100"  # not 1·x₁₀
    assert to_tex("2x^2").tex == "2x^{2}"


def test_a_matrix_keeps_its_factor_and_a_longer_name():
    beats, _ = planned("Copy the window as the matrix Patch = [[10,10,90],[10,10,90],[10,10,90]]. Next to it show the "
                       "box blur kernel K = (1/9) * [[1,1,1],[1,1,1],[1,1,1]].")
    patch, kernel = [b for b in beats if b.kind == "matrix"]
    assert patch.params["label"] == "Patch" and "factor" not in patch.params
    assert kernel.params["label"] == "K" and kernel.params["factor"] == "1/9"  # never the kernel without its 1/9
    code, ins = _dry_run([{"kind": "matrix", "label": "K", "factor": "1/9", "values": [[1, 1, 1], [1, 1, 1], [1, 1, 1]]}])
    assert "factor='1/9'" in code and ins.violations == []


def test_bars_given_as_tex_fractions_stand_at_the_values_of_their_axis():
    beats, notes = planned("Create axes with x values k = 0, 1, 2, 3, 4, 5 and y from 0 to 0.35, axis labels \"number of "
                           "heads k\" and \"probability\". Draw six bars with heights \\frac{1}{32}, \\frac{5}{32}, "
                           "\\frac{10}{32}, \\frac{10}{32}, \\frac{5}{32}, \\frac{1}{32}. Highlight the bar at k = 3.")
    (chart,) = [b for b in beats if b.kind == "bar_chart"]
    assert chart.params["labels"] == ["0", "1", "2", "3", "4", "5"]
    assert chart.params["value_labels"] == ["1/32", "5/32", "10/32", "10/32", "5/32", "1/32"]
    assert abs(chart.params["values"][2] - 10 / 32) < 1e-3
    assert not [b for b in beats if b.kind == "equation"]  # no fractions or "k = 3" written apart
    assert [b for b in beats if b.kind == "highlight"]


def test_a_quoted_formula_is_plotted_with_its_units_dropped_and_its_time_constant_put_in():
    beats, notes = planned('The time constant is τ = RC = 0.1 s. Draw axes with x-axis "t (s)" from 0 to 0.5 and y-axis '
                           '"I (mA)" from 0 to 6, and plot "I(t) = 5 mA · e^(−t/τ)" as a decaying curve.')
    (plot,) = [b for b in beats if b.kind == "plot"]
    (curve,) = plot.params["curves"]
    from compiler.formula import try_formula

    f = try_formula(curve["expr"])
    assert abs(f(0.1) - 5 * 2.718281828 ** -1) < 1e-3 and curve["label"] == "I(t) = 5 mA · e^(−t/τ)"
    # τ is never silently 2π: without a value it is said
    beats, notes = planned('Draw axes from 0 to 5 and plot "y = 5 e^(−t/τ)".')
    assert any("τ is not given a value" in n for n in notes)


def test_an_array_of_boxes_holds_the_values_written_after_it():
    beats, _ = planned("Array of 5 boxes: 4, 10, 3, 5, 1 with indices 0-4 below.")
    (row,) = [b for b in beats if b.kind == "sequence"]
    assert row.params["tokens"] == ["4", "10", "3", "5", "1"] and row.params["indices"] == 0
    beats, _ = planned("Array of 5 boxes: 4, 10, 3 with indices 0-4 below.")  # three values for five boxes: not forced
    (row,) = [b for b in beats if b.kind == "sequence"]
    assert row.params["tokens"] == [""] * 5


def test_a_tree_written_with_bare_names_and_index_notes():
    beats, notes = planned("Draw a tree below: root 4 (index 0); children 10 (index 1), 3 (index 2); children of 10: 5 "
                           "(index 3), 1 (index 4).")
    (tree,) = [b for b in beats if b.kind == "graph"]
    assert [(e["from"], e["to"]) for e in tree.params["edges"]] == [("4", "10"), ("4", "3"), ("10", "5"), ("10", "1")]
    assert not [n for n in notes if n.startswith("SB301")]


def test_an_instruction_after_a_colon_is_no_captioned_formula():
    beats, _ = planned("Show formulas: \"left(i) = 2i + 1\". Example: highlight i = 1, its children at 3 and 4.")
    assert not [b for b in beats if any("highlight" in str(s) for s in b.strings)]


def test_two_pictures_named_as_kept_come_back_and_one_faded_out_does_not():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    first = scene("Array of 5 boxes: 4, 10, 3, 5, 1 with indices 0-4 below. Draw a tree below: root 4; children 10, 3.",
                  "One. Two.")
    second = scene("Tree and array synced. Write \"next\".", "One. Two.")
    third = scene("Write \"x\". Fade out the tree and show \"done\".", "One. Two.")
    plan = plan_storyboard(Storyboard.model_validate({"scenes": [first, second, third]}))
    assert [b.kind for b in plan.scenes[1].beats][:2] == ["graph", "sequence"]
    assert all(b.rule.endswith("recalled-from-scene-1") for b in plan.scenes[1].beats[:2])
    assert not [b for b in plan.scenes[2].beats if "recalled" in b.rule]


def test_columns_of_bare_items_and_columns_that_are_parts_of_a_picture():
    beats, _ = planned("Show the ten sequences as rows of five small letter tiles, arranged in two columns of five rows "
                       "each:\nColumn 1: HHHTT, HHTHT, HHTTH\nColumn 2: HTTHH, THHHT, THHTH")
    (cmp_,) = [b for b in beats if b.kind == "comparison"]
    assert cmp_.params["lines"] == [["HHHTT", "HHTHT", "HHTTH"], ["HTTHH", "THHHT", "THHTH"]]
    assert not [b for b in beats if b.kind in ("grid", "sequence")]  # no column drawn a second time
    # "left three columns value 10, right three columns value 90" are parts of the grid; "two bright columns appear"
    # is what the picture shows: no comparison
    for details in ("In the center show a 6x6 grid of squares: left three columns value 10, right three columns value 90.",
                    "Show the matrix [[0, 320], [0, 320]]. Shade it as a heatmap, so two bright columns appear."):
        beats, _ = planned(details)
        assert not [b for b in beats if b.kind == "comparison"], details


def test_a_heatmap_of_the_matrix_on_screen_shows_its_values():
    beats, notes = planned("Fill the output: Out = [[0, 320, 320, 0], [0, 320, 320, 0]]. Shade the output as a heatmap: "
                           "0 black, 320 bright yellow.")
    (heat,) = [b for b in beats if b.kind == "heatmap"]
    assert heat.params["values"] == [[0, 320, 320, 0], [0, 320, 320, 0]]
    assert not [n for n in notes if "values are not given" in n]


def test_evenly_spaced_fronts_are_those_of_a_source_at_rest():
    beats, _ = planned("Every 0.5 seconds, emit a new blue circle centered at the origin that grows with constant speed; "
                       "keep 6 circles visible at once, so they are evenly spaced.")
    (wave,) = [b for b in beats if b.kind == "wave"]
    assert wave.params["doppler"]["speed"] == 0


def test_rays_said_horizontal_and_through_the_right_or_left_focal_point():
    lens = "Draw a convex lens with focal length 10 cm and an object 30 cm from the lens. "
    beats, notes = planned(lens + "Ray 1: from tip, horizontal to the lens, then bends through right F. Ray 2: from tip "
                           "straight through the lens center. Ray 3: from tip through left F to the lens, then horizontal.")
    (pic,) = [b for b in beats if b.kind == "physics"]
    assert pic.params["lens"]["rays"] == ["parallel", "center", "focal"]
    _, notes = planned(lens + "Ray 4: from the tip to the top edge of the lens and on.")
    assert any("not one of the three principal rays" in n for n in notes)


def test_quoted_bar_names_with_their_heights_and_axes_asked_long_before_stay_axes():
    beats, _ = planned('Right: a bar chart with three bars labeled "iter 1", "iter 2", "iter 3" and heights 173, 25.56, '
                       '7.75, with the values on top.')
    (chart,) = [b for b in beats if b.kind == "bar_chart"]
    assert chart.params["labels"] == ["iter 1", "iter 2", "iter 3"] and chart.params["values"] == [173, 25.56, 7.75]
    beats, _ = planned('Left: axes with x from 0 to 9 and y from 0 to 7. Show the text "done". Write "SSE". Right: a bar '
                       'chart with bars "a" 1 and "b" 2.')
    assert [b for b in beats if b.kind == "plot"] and [b for b in beats if b.kind == "bar_chart"]


def test_a_named_formula_after_a_colon_is_typeset_whole():
    beats, _ = planned("Write the objective: SSE = sum of (distance to own centroid)^2")
    (eq,) = [b for b in beats if b.kind == "equation"]
    assert eq.params["exprs"] == ["SSE = sum of (distance to own centroid)^2"]


RC = ("Draw a rectangular series loop with corners at (-3, -1.5), (3, -1.5), (3, 1.5) and (-3, 1.5). On the left side of "
      "the loop, draw the battery symbol (a long line and a short line, with \"+\" next to the long line and \"−\" next "
      "to the short line) and the label \"5 V\" to its left. On the top side, draw a zigzag resistor symbol centered at "
      "(0, 1.5) with the label \"R = 1 kΩ\" above it. On the right side, draw a capacitor symbol (two parallel plates) "
      "centered at (3, 0) with the label \"C = 100 µF\" to its right. On the bottom side, draw an open switch (a short "
      "line tilted upward by 30 degrees) at (0, -1.5) with the label \"switch\" below it. At the very end, animate the "
      "switch closing (rotating down to horizontal).")


def test_a_series_loop_filled_side_by_side_is_one_circuit_with_its_labelled_parts():
    beats, notes = planned(RC)
    circuits = [b for b in beats if b.kind == "circuit"]
    parts = circuits[0].params["elements"]
    assert [(e["type"], e.get("label"), e.get("value")) for e in parts] == [
        ("battery", None, "5 V"), ("resistor", "R", "1 kΩ"), ("capacitor", "C", "100 µF"), ("switch", "switch", None)]
    assert parts[3]["open"] is True
    assert circuits[-1].params.get("steps") == [{"action": "toggle"}]  # the switch closes at the end
    assert not [b for b in beats if b.kind in ("text", "equation")]  # no loose "+", "5 V", "R = 1 kΩ"
    assert not [n for n in notes if "never given its parts" in n or n.startswith("SB301")]


def test_the_same_circuit_with_its_switch_closed_adds_no_second_switch():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    plan = plan_storyboard(Storyboard.model_validate({"scenes": [
        scene(RC, "One. Two."),
        scene("Draw the same circuit as in scene 1 but with the switch closed, scaled to 0.7 and placed on the left. "
              "Show small blue dots flowing around the loop.", "One. Two.")]}))
    beats = plan.scenes[1].beats
    assert [e["type"] for e in beats[0].params["elements"]].count("switch") == 1
    assert not [n for n in plan.diagnostics if "the switch is open" in n.message]


def test_a_table_caption_is_no_column_and_same_columns_are_the_first_tables():
    beats, notes = planned('- Table 1, header "e^1 = 2.71828": columns "terms up to", "value", "error"\n'
                           '  - "x^1" | "2" | "0.718"\n  - "x^2" | "2.5" | "0.218"\n'
                           '- Table 2, header "sin(1) = 0.841471": same columns\n'
                           '  - "x^1" | "1" | "0.159"\n  - "x^3" | "0.833333" | "0.0081"')
    tables = [b for b in beats if b.kind == "table"]
    assert [t.params["columns"] for t in tables] == [["terms up to", "value", "error"]] * 2
    assert tables[1].params["rows"] == [["x^1", 1, 0.159], ["x^3", 0.833333, 0.0081]]
    captions = [b for b in beats if b.rule == "equation:table-caption"]
    assert [c.params["exprs"] for c in captions] == [["e^1 = 2.71828"], ["sin(1) = 0.841471"]]
    assert not [b for b in beats if b.kind in ("comparison", "bullets")]
    assert not [n for n in notes if "cells for" in n]


def test_rows_given_one_a_sentence_by_their_order_fill_the_table_on_screen():
    beats, notes = planned('Build a table with four columns titled "Half-lives", "Years", "Fraction left" and "Percent '
                           'left". Add the rows one by one, each new row appearing as the narration reaches it. First row: '
                           '0, 0, 1, 100%. Second row: 1, 5730, 1/2, 50%. Third row: 2, 11460, 1/4, 25%.')
    tables = [b for b in beats if b.kind == "table"]
    assert [len(t.params["rows"]) for t in tables] == [1, 2, 3]  # the table grows a row at a time
    assert tables[-1].params["rows"][1][:2] == [1, 5730] and all(t.params.get("update") for t in tables[1:])
    assert not [b for b in beats if b.kind in ("text", "sequence")]
    assert not [n for n in notes if n.startswith("SB301")]


def test_letters_as_boxes_with_a_note_under_each_and_no_caption_of_cells():
    beats, notes = planned('Show the string "ABRA" as letter boxes in a row. Under each letter write its code: 0 | 110 | '
                           '111 | 0. Pick B:2 and R:2.')
    (row,) = [b for b in beats if b.kind == "sequence"]
    assert row.params["tokens"] == ["A", "B", "R", "A"] and row.params["below"] == ["0", "110", "111", "0"]
    assert not [b for b in beats if b.kind == "text"]  # "Pick B:2 and R:2" is no caption


def test_arrows_from_origin_a_line_along_a_vector_and_a_perpendicular_to_its_foot():
    beats, notes = planned('Vectors on a NumberPlane, x from −1 to 5, y from −1 to 5. Arrow a from origin to (3, 1), label "a = (3, 1)". '
                           'Arrow b from origin to (2, 4), label "b = (2, 4)". Dashed line through the origin along a. '
                           'Dashed perpendicular from (2, 4) to that line; foot at (3, 1), the tip of a.')
    vectors = [v for b in beats if b.kind == "vector_plane" for v in b.params.get("vectors") or ()]
    assert [(v["x"], v["y"], v["label"]) for v in vectors] == [(3, 1, "a = (3, 1)"), (2, 4, "b = (2, 4)")]
    segments = [sg for b in beats if b.kind == "vector_plane" for sg in b.params.get("segments") or ()]
    span, drop = segments
    assert span["start"] == [-1, -0.333] and span["end"] == [5, 1.667]  # edge to edge of the plane, along (3, 1)
    assert drop["start"] == [2, 4] and drop["end"] == [3, 1] and drop.get("dashed", True)
    assert not [n for n in notes if "arrow it asks for is not drawn" in n]


def test_a_best_fit_line_written_out_is_labelled_as_written_and_checked_against_the_points():
    base = "Axes with x from 0 to 5 and y from 0 to 6. Plot the points (1, 2), (2, 3), (3, 5) and (4, 4). "
    beats, notes = planned(base + "Draw the best-fit line y = 0.8x + 1.5 from x = 0 to x = 5.")
    (fit,) = [b for b in beats if b.rule == "plot:fit-line"]
    assert fit.params["curves"][0]["label"] == "y = 0.8x + 1.5"
    assert not [n for n in notes if "least-squares line of the points" in n]
    beats, notes = planned(base + "Draw the best-fit line y = 2x + 1.")
    (fit,) = [b for b in beats if b.rule == "plot:fit-line"]
    assert fit.params["curves"][0]["expr"] == "y = 2x + 1"
    assert any("is not the least-squares line of the points" in n for n in notes)


def test_formulas_with_a_negative_letter_factor_and_case_lines_named_by_a_word():
    beats, _ = planned("On the right write MathTex F_{\\parallel} = -m g \\sin\\theta and under it the text 'restoring "
                       "force'.")
    assert [b.params["exprs"] for b in beats if b.kind == "equation"] == [["F_{\\parallel} = -m g \\sin\\theta"]]
    beats, _ = planned("Then show two examples in MathTex side by side:\nLeft: L = 2\\,\\text{m}: \\; T = "
                       "2\\pi\\sqrt{2/9.81} \\approx 2.84\\,\\text{s}")
    exprs = [e for b in beats if b.kind == "equation" for e in b.params["exprs"]]
    assert exprs == ["L = 2\\,\\text{m}: \\; T = 2\\pi\\sqrt{2/9.81} \\approx 2.84\\,\\text{s}"]
    beats, _ = planned("Draw two pendulums side by side. Label both strings with L = 1\\,\\text{m}.")
    assert not [b for b in beats if b.kind == "text"]  # no "Both strings with L = 1\ · \text{m}" caption


def test_percent_points_on_percent_axes_and_the_drop_from_the_point_named_by_its_height():
    beats, notes = planned(
        'Draw axes with the horizontal axis labeled "Time (years)" running from 0 to 25000 with tick marks and numbers '
        'every 5000, and the vertical axis labeled "C-14 remaining (%)" running from 0 to 100. Plot the decay curve '
        'N(t) = 100 x (1/2)^(t/5730) from t = 0 to t = 25000. Mark the table points as dots on the curve with small '
        'labels: (0, 100%), (5730, 50%), (11460, 25%), (17190, 12.5%). Then draw a dashed horizontal line from the '
        'vertical axis at 25% across to the curve, and from that point a dashed vertical line down to the time axis.')
    assert not [b for b in beats if b.kind == "icon"]  # the axis's tick marks are no check icon
    (dots,) = [b for b in beats if b.rule == "plot:mark-points"]
    assert [(p["x"], p["y"], p["label"]) for p in dots.params["points"]][1] == (5730, 50, "(5730, 50%)")
    (drop,) = [b for b in beats if b.rule == "plot:markers-to-axes"]
    assert [(m["axis"], m["value"]) for m in drop.params["markers"]] == [("x", 11460), ("y", 25)]  # not the newest dot


def test_cards_listed_one_a_line_with_what_each_holds():
    beats, _ = planned('Show three cards side by side:\n- card 1 "Transition matrix" with the small matrix P = [[0.8, 0.2], '
                       '[0.4, 0.6]]\n- card 2 "Forecast" with "xₙ = x₀ Pⁿ"\n- card 3 "Steady state" with "π P = π"')
    (cards,) = [b for b in beats if b.kind == "cards"]
    assert cards.params["figures"] == ["Transition matrix", "Forecast", "Steady state"]
    assert cards.params["captions"] == ["P = [[0.8, 0.2], [0.4, 0.6]]", "xₙ = x₀ Pⁿ", "π P = π"]
    assert not [b for b in beats if b.kind == "matrix"]  # the matrix is the first card's


def test_two_tangents_named_in_one_sentence_are_both_drawn_where_they_are_named():
    beats, notes = planned("Axes with the blue curve y = x^2 - 2, x from 0.8 to 2.0, y from -1.5 to 1.5. Draw the tangent "
                           "at x0 = 1 landing at x1 = 1.5, then the tangent at (1.5, 0.25) with slope 3, landing at "
                           "x2 = 1.41667.")
    (tangents,) = [b for b in beats if b.rule == "plot:tangent"]
    assert [c["label"] for c in tangents.params["curves"]] == ["slope = 2", "slope = 3"]
    assert not [n for n in notes if "not on the curve" in n or "has slope" in n]


def test_an_x_between_numbers_and_functions_is_a_times_sign():
    from compiler.mathtext import to_tex

    assert to_tex("T = 5730 x log2(4)").tex == r"T = 5730 \times \log_2(4)"
    assert to_tex("t = (t/5730) x ln(0.5)").tex == r"t = \frac{t}{5730} \times \ln(0.5)"
    assert to_tex("x 1/2").tex == r"{} \times \frac{1}{2}"  # a halving written on an arrow
    assert to_tex("A = 2 x sin(x)").tex == r"A = 2x \sin(x)"  # x is the variable here: kept


def test_one_note_under_every_box():
    beats, _ = planned("Show the sequence H H H T T as five boxes in a row at the top. Under each box write \\frac{1}{2}.")
    (row,) = [b for b in beats if b.kind == "sequence"]
    assert row.params["below"] == ["\\frac{1}{2}"] * 5
    assert not [b for b in beats if b.kind == "equation"]  # not written a sixth time on its own


PENDULUM = ("Draw one pendulum: pivot at (0, 3), a dashed vertical reference line down from the pivot, and a string of "
            "length 4 at angle \\theta = 20^\\circ to the right of the vertical. Mark the angle between the dashed line "
            "and the string with an arc labeled MathTex \\theta.\nForces on the bob:\n1. Weight: arrow straight down of "
            "length 1.5, labeled MathTex m g.\n2. Tension: arrow from the bob along the string toward the pivot, labeled "
            "MathTex F_T.\nDecompose the weight with two dashed arrows: along the string outward, labeled MathTex m g "
            "\\cos\\theta, and perpendicular to the string, labeled MathTex m g \\sin\\theta.")


def test_a_pendulums_angle_in_tex_degrees_and_its_labels_written_after_mathtex():
    beats, _ = planned(PENDULUM)
    (pic,) = [b for b in beats if b.kind == "physics"]
    p = pic.params["pendulum"]
    assert p["angle"] == 20.0 and p["angle_label"] == "\\theta"  # not 15° and "betwee"
    assert p["weight"] == "m g" and p["tension"] == "F_T"
    assert p["components"] == ["m g \\cos\\theta", "m g \\sin\\theta"]


def test_dots_at_listed_values_of_the_curves_variable_and_a_formula_in_a_remark():
    beats, notes = planned('Draw axes: horizontal axis "slope m" from 0 to 1.6, vertical axis "S" from 0 to 6. Plot the '
                           'curve S(m) = 5m² − 8m + 5 (lines through the mean point, b = 3.5 − 2.5m). Mark three dots on '
                           'the curve: m = 0: S = 5 (flat line y = 3.5), m = 1: S = 2 (trial line y = x + 1), m = 0.8: '
                           'S = 1.8 (minimum).')
    curves = [c for b in beats if b.kind == "plot" for c in b.params.get("curves") or ()]
    assert len(curves) == 1  # b = 3.5 − 2.5m is a note of the remark, no second curve
    (dots,) = [b for b in beats if b.rule == "plot:points-on-curve"]
    assert [(p["x"], p["y"], p["label"]) for p in dots.params["points"]] == [
        (0, 5, "m = 0: S = 5"), (1, 2, "m = 1: S = 2"), (0.8, 1.8, "m = 0.8: S = 1.8")]
    assert any("in brackets beside the curve is not drawn" in n for n in notes)
    assert any("(minimum)" in n or "minimum" in n for n in notes)


def test_a_circuit_brought_back_keeps_the_switch_as_its_scene_left_it():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    plan = plan_storyboard(Storyboard.model_validate({"scenes": [
        scene(RC, "One. Two."), scene("Keep a small copy of the closed circuit in the top left corner. Write \"V_R = I R\".",
                                      "One. Two.")]}))
    (back,) = [b for b in plan.scenes[1].beats if b.kind == "circuit"]
    assert [e["open"] for e in back.params["elements"] if e["type"] == "switch"] == [False]  # closed at the end of scene 1


def test_a_table_growing_row_by_row_keeps_its_width(monkeypatch):
    import compiler.runtime.scene as runtime_scene

    widths = []
    update = runtime_scene.SbcScene.update

    def spy(self, mob, enter, slot, strings=(), target=None):
        update(self, mob, enter, slot, strings, target)
        widths.append(round(float(self.body[-1].width), 2))

    monkeypatch.setattr(runtime_scene.SbcScene, "update", spy)
    columns = ["Half-lives", "Years", "Fraction left", "Percent left"]
    rows = [[0, 0, 1, "100%"], [1, 5730, "1/2", "50%"], [2, 11460, "1/4", "25%"]]
    _, ins = _dry_run([{"kind": "table", "columns": columns, "rows": rows[:1]},
                       {"kind": "table", "columns": columns, "rows": rows[:2], "update": True},
                       {"kind": "table", "columns": columns, "rows": rows, "update": True}])
    assert ins.violations == [] and len(widths) == 2 and widths[0] == widths[1] > 8
