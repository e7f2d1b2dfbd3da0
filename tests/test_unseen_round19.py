"""Round 19 (fresh hold-out storyboards and the layout check of tests/corpus): one arrow per vector however often the
sentence names it, a label already on screen not written again, a matrix product written as a product."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


@pytest.fixture(scope="module")
def theme():
    from compiler.planner.theme import parse_theme

    return parse_theme("Dark background.")[0].to_json()


def test_a_vector_named_twice_in_one_sentence_is_one_arrow_in_the_style_colour():
    beats, _ = planned("Show a coordinate grid. Draw the vector v = [3, 2] as an arrow from the origin to the point (3, 2).",
                       style="Black background, vector v in yellow.")
    (plane,) = [b for b in beats if b.kind == "vector_plane" and b.params.get("vectors")]
    (v,) = plane.params["vectors"]
    assert (v["x"], v["y"], v["label"]) == (3, 2, "v") and v["color"] == "#FFE066"


def test_label_it_with_the_name_the_object_already_carries_draws_nothing_new_and_warns_nothing():
    beats, notes = planned('Show a coordinate grid. Draw the vector v = [3, 2] as an arrow from the origin to the '
                           'point (3, 2). Label it "v".')
    assert not [b for b in beats if b.kind == "text"]
    assert not [n for n in notes if "Label it" in n]
    # a name nothing on screen carries is still written
    beats, _ = planned('Show a coordinate grid. Draw the vector v = [3, 2] as an arrow from the origin. Label it "w".')
    assert [b.strings for b in beats if b.kind == "text"] == [("w",)]


def test_a_matrix_times_a_vector_is_one_product_not_a_vector_named_times():
    beats, _ = planned("Show the multiplication [[2, 1], [0, 1]] × [3, 2].")
    (m,) = [b for b in beats if b.kind == "matrix"]
    assert m.params["op"] == "times" and m.params["values"] == [[2, 1], [0, 1]] and m.params["second"] == [[3], [2]]
    assert m.params.get("label") is None and "× = [3, 2]" not in m.strings


def test_the_product_is_drawn_matrix_times_vector(theme):
    from compiler.runtime.components import matrix

    g = matrix.build(theme, values=[[2, 1], [0, 1]], op="times", second=[[3], [2]])
    words = [getattr(m, "text", None) for m in g.submobjects]
    assert "×" in words and "=" not in words
    a, times, b = g.submobjects[0], g.submobjects[1], g.submobjects[2]
    assert a.get_right()[0] < times.get_left()[0] < times.get_right()[0] < b.get_left()[0]
    assert b.rows_n == 2 and b.cols_n == 1


def test_a_graph_whose_quoted_nodes_carry_positions_is_drawn_where_they_say():
    beats, notes = planned("Draw graph: 6 circular nodes 'A' (-3, 2), 'B' (-5, 0.5), 'C' (-1, 0.5), 'D' (-3, -1), "
                           "'E' (1, -1), 'F' (-1, -2.5). Edges: A-B, A-C, B-D, C-D, C-E, D-F, E-F.")
    (g,) = [b for b in beats if b.kind == "graph"]
    assert {n["id"]: n["at"] for n in g.params["nodes"]}["F"] == [-1, -2.5] and len(g.params["edges"]) == 7
    assert not [b for b in beats if b.kind == "text"] and not [n for n in notes if "caption" in n]


def test_bars_labelled_in_quotes_with_their_heights_and_the_axis_named_apart():
    beats, notes = planned('Draw a bar chart with three bars labelled "R₁", "R₂", "R₃" with heights 36, 12 and 24, '
                           'values shown on top of the bars, y-axis label "power (W)".')
    (chart,) = [b for b in beats if b.kind == "bar_chart"]
    assert chart.params["labels"] == ["R₁", "R₂", "R₃"] and chart.params["values"] == [36, 12, 24]
    assert chart.params["title"] == "power (W)" and not [n for n in notes if "power (W)" in n]


def test_announced_bars_take_their_values_by_name_and_change_from_one_state_to_another():
    beats, _ = planned('Right third: bar chart with two bars "KE" and "PE" on a vertical axis from 0 to 200 kJ. '
                       'KE bar at 0, PE bar grows to 196 kJ. The bar chart animates from KE 0 / PE 196 to KE 171.5 / '
                       'PE 24.5; total line stays at 196.')
    charts = [b for b in beats if b.kind == "bar_chart"]
    assert charts[0].params["values"] == [0, 196] and charts[0].params["unit"].strip() == "kJ"
    assert charts[1].params["new_values"] == [171.5, 24.5] and charts[1].params.get("extend")
    _, notes = planned('Draw a bar chart with two bars "KE" and "PE". KE bar at 0, PE bar at 196. The bars animate from '
                       'KE 0 / PE 196 to KE 171.5 / PE 24.5; total line stays at 196.')
    assert any("'total line stays at 196' is not drawn" in n for n in notes)


def test_value_labels_on_bars_that_repeat_the_heights_are_the_bars_own():
    beats, _ = planned('Bar chart below: four bars, x labels "0", "13.9", "27.7", "41.6" (min), heights 70, 35, 17.5, '
                       '8.75. Value labels on top of each bar: "70", "35", "17.5", "8.75".')
    assert [b.kind for b in beats] == ["bar_chart"]


def test_the_nth_line_boxed_by_the_style_is_that_line_of_the_derivation():
    beats, _ = planned("Write the derivation line by line:\nLine 1: f = a\nLine 2: = b + 15\nLine 3: = c\nLine 4: = d\n"
                       "Line 5: = e\nNext to line 3, show a callout: \"a → 5\".", style="Final line 5 boxed in yellow.")
    (box,) = [b for b in beats if b.rule == "highlight:style-frame"]
    assert box.params["target"] == "= e"


def test_the_same_length_is_a_comparison_not_a_picture_recalled():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw a unit circle with an arc h.", "One."),
        scene("Write y = 2. Next to it draw a tiny unit circle sketch where the arc h and the height sin h are almost "
              "the same length.", "Two.")]})
    beats = list(plan_storyboard(sb).scenes[1].beats)
    assert not [b for b in beats if "recalled" in b.rule]


def test_a_normal_bell_curve_with_an_aside_and_its_shaded_bands():
    beats, _ = planned('Draw axes with a normal (bell) curve centered at 170 with standard deviation 10, x-axis from 130 '
                       'to 210 labelled "height (cm)". Draw vertical lines at 160 and 180 and shade the area between them, '
                       'labelled "68%". Then widen the shading to 150 and 190, labelled "95%", and then to 140 and 200, '
                       'labelled "99.7%". Under the axis, mark "μ − σ", "μ", "μ + σ" below 160, 170 and 180.',
                       style="Shaded areas: 1σ region coral #FF6B6B at 0.5 opacity.")
    plots = [b for b in beats if b.kind == "plot"]
    assert "170" in plots[0].params["curves"][0]["expr"] and "10^2" in plots[0].params["curves"][0]["expr"]
    areas = [b.params["area"] for b in plots if b.params.get("area")]
    assert [(a["a"], a["b"], a.get("label")) for a in areas] == [(160, 180, "68%"), (150, 190, "95%"), (140, 200, "99.7%")]
    assert all(a.get("color") == "#FF6B6B" for a in areas)
    (marks,) = [b for b in plots if b.rule == "plot:axis-labels"]
    assert [(p["x"], p["label"]) for p in marks.params["points"]] == [(160, "μ − σ"), (170, "μ"), (180, "μ + σ")]
    assert not [b for b in beats if b.kind == "text"]


def test_a_colour_name_and_its_code_are_one_colour_and_a_heading_before_them_is_no_element():
    from compiler.planner.theme import parse_theme

    assert parse_theme("Shaded area coral #FF6B6B.")[0].labels == {"shaded area": "#FF6B6B"}
    assert parse_theme("Region coral #FF6B6B at 0.5 opacity.")[0].labels == {"region": "#FF6B6B"}
    assert parse_theme("Shaded areas: 1σ region coral #FF6B6B at 0.5 opacity.")[0].labels == {"1σ region": "#FF6B6B"}
    # a heading followed straight by its colour is the element itself, its qualifiers no element
    assert "2" not in parse_theme("Jump arrows: green (#83C167) in panels 1 and 2.")[0].labels


def test_braces_under_named_parts_of_a_formula_on_screen():
    beats, _ = planned("Write the formula in the center in large font:\n"
                       "\\sigma = \\sqrt{\\frac{1}{N}\\sum_{i=1}^{N}(x_i - \\mu)^2}\n"
                       'Then, one at a time, put braces under the parts of the formula with labels: under (x_i - μ) the '
                       'label "1. deviation from the mean", under the square "2. square it", under \\frac{1}{N}\\sum the '
                       'label "3. average", and over the square root "4. back to original units".')
    notes = [b for b in beats if b.kind == "annotation"]
    assert [(b.params["target"], b.params["side"]) for b in notes] == [
        ("(x_i - μ)", "down"), ("(x_i - \\mu)^2", "down"), ("\\frac{1}{N}\\sum", "down"),
        ("\\sqrt{\\frac{1}{N}\\sum_{i=1}^{N}(x_i - \\mu)^2}", "up")]
    assert all(b.params["style"] == "brace" for b in notes) and not [b for b in beats if b.kind == "graph"]


def test_code_after_a_sentence_naming_it_keeps_its_definition_line():
    beats, _ = planned("Right side: code block\nclass Node:\n    def __init__(self, data):\n        self.data = data\n"
                       "        self.next = None\nDraw a line connecting self.data to the data compartment.")
    (code,) = [b for b in beats if b.kind == "code"]
    assert code.params["code"].startswith("class Node:\n    def __init__(self, data):")


def test_an_array_whose_first_cells_hold_values_and_the_rest_are_empty():
    beats, _ = planned("Below it an array of six cells, the first five holding 12, 7, 31, 5, 18, the sixth empty; "
                       "indices 0–5 in small text under the cells.")
    (row,) = [b for b in beats if b.kind == "sequence"]
    assert row.params["tokens"] == ["12", "7", "31", "5", "18", ""] and row.params["indices"] == 0


def test_an_arrow_between_lines_of_a_derivation_is_said_and_the_last_line_boxed():
    beats, notes = planned("Write the product rule: \\frac{d}{dx}(uv) = uv' + u'v. Integrate both sides (an arrow labeled "
                           "\"integrate both sides\" points down from line 1 to line 2): uv = \\int u'v\\,dx + \\int uv'\\,dx. "
                           "Draw a yellow box around the last line.")
    assert not [b for b in beats if b.kind == "flow"]
    assert any("arrow from line 1 to line 2 is not drawn" in n for n in notes)
    (box,) = [b for b in beats if b.kind == "highlight"]
    assert box.params["target"] == "uv = \\int u'v\\,dx + \\int uv'\\,dx" and box.params["mode"] == "box"


def test_a_matrix_written_with_unicode_minus_after_reset_is_applied_alone():
    beats, _ = planned("Show a NumberPlane with the vector v = (2, 1). Apply the shear S = [[1, 1], [0, 1]]. Then reset "
                       "the plane and apply the single matrix [[0, −1], [1, 1]] in one motion.")
    applied = [b for b in beats if b.kind == "vector_plane" and b.params.get("matrices")]
    assert [m["values"] for b in applied for m in b.params["matrices"]] == [[[1, 1], [0, 1]], [[0, -1], [1, 1]]]
    assert applied[1].rule == "vector_plane:reset+apply" and not applied[1].params.get("extend")
    assert not [b for b in beats if b.kind == "matrix" and b.params["values"] == [[0, "−1"], [1, 1]]]


def test_a_formula_with_a_matrix_in_it_is_typeset_whole():
    from compiler.mathtext import to_tex

    beats, _ = planned("Write the one-step computation:\n[[0, −1], [1, 1]] (2, 1) = (0·2 − 1·1, 1·2 + 1·1) = (−1, 3) ✓")
    assert [b.kind for b in beats] == ["equation"]
    tex = to_tex(beats[0].params["exprs"][0]).tex
    assert tex.startswith("\\begin{bmatrix} 0 & -1 \\\\ 1 & 1 \\end{bmatrix}") and tex.endswith("\\checkmark")
    assert to_tex("[[1, 2], [3]]").tex == "[[1, 2], [3]]"  # rows of unequal length: as written


def test_vectors_drawn_tip_to_tail_by_name_and_the_resultant_in_its_style_colour():
    beats, _ = planned('On a light coordinate grid, draw from the origin the vector "v_boat = (0, 4)" pointing up. From '
                       'its tip, draw "v_current = (3, 0)" pointing right. Draw the resultant from the origin to (3, 4), '
                       'labelled "v = (3, 4)".', style="v_boat orange #FF9F1C, v_current cyan #2EC4F1, resultant yellow #FFE66D.")
    planes = [b for b in beats if b.kind == "vector_plane"]
    assert planes[0].params["vectors"] == [{"x": 0, "y": 4, "label": "v_boat = (0, 4)", "color": "#FF9F1C"}]
    (tail,) = planes[1].params["segments"]
    assert (tail["start"], tail["end"], tail["arrow"], tail["label"], tail["color"]) == (
        [0, 4], [3, 4], True, "v_current = (3, 0)", "#2EC4F1")
    assert planes[2].params["vectors"][0]["color"] == "#FFE66D"
    assert not [b for b in beats if b.kind == "equation"]  # the quoted names are the arrows' labels


def test_a_grid_in_a_later_scene_of_a_storyboard_about_vectors_is_the_plane():
    sb = Storyboard.model_validate({"scenes": [
        scene("Show a coordinate grid with the vector v = (1, 2) drawn from the origin.", "One."),
        scene("Grid view. Draw v_current = (3, 0) pointing right.", "Two.")]})
    beats = list(plan_storyboard(sb).scenes[1].beats)
    assert [b.kind for b in beats] == ["vector_plane", "vector_plane"]
    assert beats[1].params["vectors"][0]["label"] == "v_current"


def test_a_battery_voltage_quoted_before_it_and_resistors_counted_then_named():
    beats, _ = planned('Draw a rectangular circuit with a "12 V" battery on the left and two zigzag resistors on the top '
                       'wire, one after the other, labelled "R₁ = 2 Ω" and "R₂ = 4 Ω".')
    (c,) = [b for b in beats if b.kind == "circuit"]
    assert [(e["type"], e.get("label"), e.get("value")) for e in c.params["elements"]] == [
        ("battery", None, "12 V"), ("resistor", "R₁", "2 Ω"), ("resistor", "R₂", "4 Ω")]
    assert not [b for b in beats if b.kind == "text"]


def test_branch_currents_listed_go_on_their_branches_and_the_main_wire():
    beats, _ = planned('Draw a "12 V" battery on the left and two branches between the top and bottom wires: the first '
                       'branch with a resistor "R₁ = 6 Ω", the second with "R₂ = 3 Ω". Show branch currents with arrows: '
                       '"I₁ = 12/6 = 2 A" and "I₂ = 12/3 = 4 A", and on the main wire "I = 2 + 4 = 6 A".')
    assert [b.kind for b in beats] == ["circuit"]
    c = beats[0].params
    assert [e.get("current") for e in c["elements"] if e.get("branch")] == ["I₁ = 12/6 = 2 A", "I₂ = 12/3 = 4 A"]
    assert c["current"] == "I = 2 + 4 = 6 A"


def test_finally_clear_the_screen_clears_it():
    beats, _ = planned('Write "P = V × I" at the top. Finally clear the screen and show three summary lines: '
                       '"V = I × R", "Series: resistances add", "Parallel: reciprocals add".')
    assert [b.kind for b in beats] == ["equation", "clear", "bullets"]


def test_a_text_takes_the_colour_of_the_name_that_opens_its_clause():
    from compiler.planner.colours import apply_colours
    from compiler.planner.theme import parse_theme

    theme = parse_theme("Client blue #58C4DD, server orange #FF862F. Double arrow white. Note in red.")[0]
    beats, _ = planned('The client sends back an arrow; the server\'s state goes back to "LISTEN". Draw a thick double '
                       'arrow between the client and the server labeled "connection open".')
    texts = {b.strings[0]: b.params.get("color") for b in apply_colours(beats, theme) if b.kind == "text"}
    assert texts == {"LISTEN": "#FF862F", "connection open": "#FFFFFF"}


def test_a_note_after_and_takes_the_notes_colour_not_the_answers():
    from compiler.planner.colours import apply_colours
    from compiler.planner.theme import parse_theme

    theme = parse_theme("Wrong answer in grey with a red (#FC6255) cross, note in red, font size 24.")[0]
    beats, _ = planned('Finally, in the bottom left, show the wrong answer with a red cross over it and the note '
                       '"forgets the inner derivative 2x".')
    (note,) = [b for b in apply_colours(beats, theme) if b.kind == "text"]
    # not the wrong answer's grey: the note's own colour, the style's for notes (the runtime's colour for its role)
    assert note.params.get("color") is None and note.params["role"] == "note" and theme.roles["note"] == "#FC6255"


def test_the_row_for_a_value_is_that_row_of_the_table_not_a_new_formula():
    beats, _ = planned("Table, right:\n| t (min) | T (°C) |\n| 0 | 90.0 |\n| 10 | 62.5 |\n| 20 | 45.8 |\n"
                       "Highlight the row for t = 10 while the worked example is on screen.")
    assert [b.kind for b in beats] == ["table", "highlight"]
    assert beats[1].params["row"] == 2


def test_a_chain_of_numbers_ends_in_the_box_the_last_arrow_points_into():
    beats, notes = planned('Row of four nodes: 12 → 7 → 31 → 5, the last next arrow into a small box "None".')
    assert [b.kind for b in beats] == ["flow"] and beats[0].params["nodes"] == ["12", "7", "31", "5", "None"]
    assert not notes


def test_a_point_at_euler_number_with_its_quoted_label():
    beats, _ = planned("Draw axes with x from 0 to 1.2 and y from 0 to 3.5. Plot y = x e^x from 0 to 1.2. Mark the point "
                       '(1, e) with a dot and the label "(1, e ≈ 2.718)".')
    (marks,) = [b for b in beats if b.rule == "plot:mark-points"]
    assert marks.params["points"] == [{"x": 1, "y": 2.71828, "label": "(1, e ≈ 2.718)"}]
    assert not [b for b in beats if b.kind == "equation"]


def test_a_column_line_keeps_its_words_and_note_around_the_formula():
    beats, _ = planned('Left column header: "Good: u = x"\n  du = dx, v = e^x\n  new integral: ∫ e^x dx  (easy)')
    (line,) = [b for b in beats if b.rule == "equation:captioned-line"]
    assert line.params["exprs"] == ["new integral: ∫ e^x dx (easy)"]


def test_steps_under_a_head_keep_their_words_and_an_abbreviation_ends_no_sentence():
    beats, notes = planned("Steps:\neach pair matches with prob. 1/365\nP(no match) ≈ (1 − 1/365)^{253} ≈ e^{-253/365}\n"
                           "253/365 ≈ 0.693 ≈ ln 2\nSet = 1/2: n(n−1) = 730 · ln 2 ≈ 506\n23 × 22 = 506 ✓")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][0] == "each pair matches with prob. 1/365" and len(steps.params["lines"]) == 5
    assert not [n for n in notes if "SB301" in n or "SB302" in n]


def test_words_before_a_formula_are_set_upright_before_it():
    from compiler.mathtext import to_tex

    assert to_tex("each pair matches with prob. 1/365").tex == r"\text{each pair matches with prob.}\; \frac{1}{365}"
    assert to_tex("hello world").tex == r"\text{hello world}"  # (words alone, as before)


def test_a_running_product_with_a_gap_is_one_derivation():
    beats, _ = planned("Then build the product, one factor per person:\nperson 1: 365/365 = 1\nperson 2: × 364/365 → 0.9973\n"
                       "person 3: × 363/365 → 0.9918\n⋮\nperson 23: × 343/365 → 0.4927")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][-1] == "person 23: × 343/365 → 0.4927" and "⋮" in steps.params.get("notes", [])
    assert not [b for b in beats if b.kind in ("bullets", "equation")]


def test_bars_given_as_quoted_name_equals_value_with_the_chart_named_first():
    beats, notes = planned('Left half: grouped bar chart "total momentum (kg·m/s)" with bars "before" = 6, "after (stick)" = 6, '
                           '"after (bounce)" = 6.')
    (chart,) = beats
    assert chart.params["labels"] == ["before", "after (stick)", "after (bounce)"] and chart.params["values"] == [6, 6, 6]
    assert chart.params["title"] == "total momentum (kg·m/s)" and not notes


def test_a_new_coordinate_plane_is_not_an_earlier_plot_recalled():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw axes and plot p(x) = x^2 - 7x + 10 from 0 to 7.", "One."),
        scene("Right half: a coordinate plane with grid from −3 to 6 on both axes. Draw the eigenvectors v₁ = (1, 1) and "
              "v₂ = (1, −2) as arrows from the origin.", "Two.")]})
    beats = list(plan_storyboard(sb).scenes[1].beats)
    assert not [b for b in beats if "recalled" in b.rule]
    (drawn,) = [b for b in beats if b.params.get("vectors")]
    assert [v["label"] for v in drawn.params["vectors"]] == ["v₁", "v₂"] and drawn.params["vectors"][1]["y"] == -2


def test_quoted_values_in_a_chain_are_its_nodes_not_the_role_words():
    beats, _ = planned('Center: a flow — key "22" -> box "h(k) = k mod 7" -> output "1".')
    assert [b.params.get("nodes") for b in beats] == [["22", "h(k) = k mod 7", "1"]]


def test_a_column_of_buckets_with_quoted_indices_and_a_header():
    beats, notes = planned('Left side: vertical column of 7 boxes labelled with indices "0" to "6" on their left, header '
                           '"buckets" above the column.')
    (row,) = beats
    assert row.params["tokens"] == [""] * 7 and row.params["indices"] == 0 and row.params["label"] == "buckets"
    assert any("not stacked in a column" in n for n in notes)


def test_numbers_written_in_rows_with_an_ellipsis_are_rows_of_boxes():
    beats, _ = planned("Write the numbers 1, 2, 3, ..., 50 in a row across the upper half of the screen and the numbers 100, "
                       "99, 98, ..., 51 in a second row right below them.")
    assert [b.params["tokens"] for b in beats] == [["1", "2", "3", "…", "50"], ["100", "99", "98", "…", "51"]]
    beats, _ = planned("Write the numbers 1, 2, 3, 4, 5 in a row across the top.")
    assert [b.kind for b in beats] == ["sequence"]


def test_a_range_written_as_x_in_brackets_is_the_plots_not_a_row():
    beats, _ = planned("Draw axes with the bumpy curve y = 0.3*(x-3.5)^2 + 3 for x in [-1, 7].")
    assert [b.kind for b in beats] == ["plot"] and beats[0].params["x_range"] == [-1, 7]


def test_a_new_line_drawn_up_to_the_line_of_an_earlier_scene_recalls_that_plot():
    sb = Storyboard.model_validate({"scenes": [
        scene("Show a scatter plot of 5 points (1000, 200), (1500, 260), (2000, 310), (2500, 370), (3000, 420) and draw "
              "the regression line through them.", "One."),
        scene("Show a new house with size 2200 sq ft. Animate a vertical line from x = 2200 up to the regression line.",
              "Two.")]})
    beats = list(plan_storyboard(sb).scenes[1].beats)
    assert any("recalled" in b.rule for b in beats)


def test_a_separating_line_or_underline_the_style_asks_for_is_said_when_not_drawn():
    _, notes = planned("On the right, method 1:\nv = g t\nv = 19.8\nBelow, method 2:\nv^2 = 2 g h\nv = 19.8",
                       style="Method 1 and 2 stacked on the right half, separated by a thin grey line. Column headings "
                             "font size 30, underlined.")
    assert any("separating line the style asks for is not drawn" in n for n in notes)
    assert any("underline the style asks for is not drawn" in n for n in notes)


def test_a_box_the_style_names_by_other_words_goes_round_the_text_they_describe():
    beats, _ = planned('Show what Eve knows: "n = 33, e = 3, c = 31". Show "33 = 3 x 11".',
                       style="Eve's knowledge in red box (#FC6255) at top left.")
    assert [b.kind for b in beats] == ["equation", "highlight", "equation"]  # (the frame round the beat before it)
    assert beats[1].params["mode"] == "box" and beats[1].params["color"] == "#FC6255"


def test_a_recalled_graph_with_the_shaded_lens_takes_the_whole_region_not_a_strip():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw axes from 0 to 1.2 and plot y = x and y = x^2. Shade the region between the curves from x = 0 to "
              "x = 1.", "One."),
        scene("Draw axes from 0 to 1.2 and plot y = x and y = x^2. Shade the region between the curves from x = 0.47 to "
              "x = 0.53.", "Two."),
        scene("Below it, the small graph of the two curves with the shaded lens region.", "Three.")]})
    (plot,) = [b for b in plan_storyboard(sb).scenes[2].beats if b.kind == "plot"]
    assert (plot.params["area"]["a"], plot.params["area"]["b"]) == (0, 1)


def test_each_transform_it_into_is_the_next_line_of_one_derivation_and_its_note_stays_a_note():
    beats, _ = planned("Step 1: Write A\\mathbf{v} = \\lambda \\mathbf{v}.\n"
                       "Step 2: Transform it into A\\mathbf{v} = \\lambda I \\mathbf{v}, with a small note \"I = identity matrix\".\n"
                       "Step 3: Transform it into A\\mathbf{v} - \\lambda I \\mathbf{v} = \\mathbf{0}.\n"
                       "Step 4: Transform it into (A - \\lambda I)\\mathbf{v} = \\mathbf{0}.")
    assert [b.kind for b in beats] == ["steps", "text"]
    assert beats[0].params["lines"][-1] == "(A - \\lambda I)\\mathbf{v} = \\mathbf{0}" and len(beats[0].params["lines"]) == 4


def test_an_empty_cell_between_bars_keeps_its_column():
    beats, _ = planned("Then show the table:\n| | before | after |\n|---|---|---|\n| momentum (kg·m/s) | 6 | 3 × 2 = 6 |\n"
                       "| kinetic energy (J) | ½·2·3² = 9 | ½·3·2² = 6 |")
    (t,) = beats
    assert t.params["columns"] == ["", "before", "after"] and t.params["rows"][1] == ["kinetic energy (J)", "½·2·3² = 9",
                                                                                        "½·3·2² = 6"]
    beats, _ = planned("On the right, fill the table row by row:\n| cart | m (kg) | u (m/s) | p (kg·m/s) |\n|---|---|---|---|\n"
                       "| A | 2 | +3 | 6 |\n| total | | | 6 |")
    assert beats[0].params["rows"][-1] == ["total", "", "", 6]


def test_a_row_named_n_equals_k_fills_the_n_column_and_marks_follow_each_row():
    beats, _ = planned('Show a table with three columns titled "n", "1 + 2 + ... + n" and "n(n+1)/2". Fill the rows one '
                       "by one:\nn = 1: 1 | 1·2/2 = 1\nn = 7: 1 + 2 + ... + 7 = 28 | 7·8/2 = 28\nAfter each row appears, "
                       "show a small green check mark to its right.")
    assert [b.kind for b in beats] == ["table", "table"]
    assert beats[1].params["rows"] == [[1, 1, "1·2/2 = 1 ✓"], [7, "1 + 2 + ... + 7 = 28", "7·8/2 = 28 ✓"]]


def test_labels_written_together_are_typeset_one_by_one_never_as_one_product(theme):
    from compiler.runtime.style import text

    row = text("n = 4   ·   n + 1 = 5", theme, size=30, math=True)
    assert len(row.submobjects) == 3 and row.submobjects[0].math_ok and row.submobjects[2].math_ok
    assert row.submobjects[1].text == "·"


def test_a_curve_through_given_points_passes_through_them_not_a_named_shape():
    beats, _ = planned('Axes: x "n (people)" 0–70 step 10; y "P(match)" 0–1 step 0.25. Plot P(n) = 1 − '
                       "\\prod_{k=0}^{n-1} (365−k)/365 as a smooth S-shaped curve through (10, 0.117), (20, 0.411), "
                       "(23, 0.507), (30, 0.706), (50, 0.970).")
    axes = beats[0]
    assert (axes.params["x_label"], axes.params["y_label"]) == ("n (people)", "P(match)")
    (curve,) = [b for b in beats if b.rule == "plot:curve-through-points"]
    pts = {x: y for x, y in curve.params["series"][0]["points"]}
    assert pts[10.0] == 0.117 and pts[50.0] == 0.97 and abs(pts[23.3333] - 0.51) < 0.01
    ys = [y for _, y in curve.params["series"][0]["points"]]
    assert ys == sorted(ys)  # (monotone between the points: no overshoot)
    assert not [b for b in beats if b.kind == "text"] and not [b for b in beats if "named-curve" in b.rule]


def test_rows_named_by_their_values_are_each_highlighted():
    beats, _ = planned('Table, columns "people n" and "P(shared birthday)":\n5 → 2.7%\n22 → 47.6%\n23 → 50.7%\n'
                       "Highlight rows 22 and 23.")
    marks = [b for b in beats if b.kind == "highlight"]
    assert [(b.params["target"], b.params["row"]) for b in marks] == [("22", 2), ("23", 3)]


def test_a_grid_squashed_onto_a_line_with_it_between_is_squashed_and_the_example_said():
    beats, notes = planned("Write (A - \\lambda I)v = 0 for the matrix A. On the right half, draw a small coordinate grid "
                           "and squash it onto a single line through the origin.")
    (plane,) = [b for b in beats if b.kind == "vector_plane"]
    assert plane.params["matrices"][0]["values"] == [[1, 2], [0.5, 1]]
    assert any("determinant 0" in n for n in notes)


def test_a_tally_faded_out_ends_the_counter_and_what_follows_is_written_apart():
    beats, _ = planned('Show a running tally: "1 + 2 = 3", then "3 + 3 = 6", each line replacing the previous one. Then fade '
                       'the tally out and write the answer "5050" under the sum, followed by the caption "How did a '
                       '9-year-old get this so fast?" at the bottom.')
    last = [b for b in beats if b.detail_index == 1]
    assert [b.strings for b in last] == [("5050",), ("How did a 9-year-old get this so fast?",)]
    assert not any(b.params.get("replaces") for b in last)


def test_chains_separated_by_semicolons_are_not_one_chain():
    beats, _ = planned("Show the buckets with chains: bucket 1: 15 → 22; bucket 3: 45 → 31 → 10; bucket 4: 4.")
    assert not [b for b in beats if b.kind == "flow" and b.params.get("nodes") == ["15", "22", "31", "10"]]


def test_the_previous_scene_is_the_scene_before_not_an_older_one():
    sb = Storyboard.model_validate({"scenes": [
        scene('Show a table with columns "key" and "value": "10" | "Ana", "22" | "Ben".', "One."),
        scene("Draw a bar chart with bars A: 3, B: 5.", "Two."),
        scene("Show the final chart from the previous scene.", "Three.")]})
    (b,) = plan_storyboard(sb).scenes[2].beats
    assert b.kind == "bar_chart" and b.rule == "bar_chart:recalled-from-scene-2"
