"""What a review of six storyboards nobody on the team wrote (merge sort, Fourier series, a pendulum's energy,
Taylor series, complex multiplication, DNA replication) found the planner misreading — one test per mechanism,
with sentences like the ones that showed it."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.extract import canonical_quotes, extract
from compiler.planner.segment import detail_sentences
from compiler.text import split_sentences

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_a_factorial_does_not_end_the_sentence():
    assert split_sentences("Show the series: sin(x) = x - x³/3! + x⁵/5! - x⁷/7! + ... Then fade out.") == [
        "Show the series: sin(x) = x - x³/3! + x⁵/5! - x⁷/7! + ...", "Then fade out."]
    assert split_sentences("There are n! ways to order them. Great! Now stop.") == [
        "There are n! ways to order them.", "Great!", "Now stop."]
    assert split_sentences("We did it! then we left.") == ["We did it!", "then we left."]


def test_a_series_ending_in_an_ellipsis_is_one_formula():
    assert extract("Show the series in the center: e^x = 1 + x + x^2/2! + x^3/3! + ...").prose[0][0] == \
        "e^x = 1 + x + x^2/2! + x^3/3! + ..."
    assert extract("Show 1 + 2 + ... + n = n(n+1)/2 on screen.").prose[0][0] == "1 + 2 + ... + n = n(n+1)/2"
    beats, notes = planned("Show the series in the center: cos(x) = 1 - x²/2! + x⁴/4! - ...")
    assert [b.params.get("exprs") for b in beats] == [["cos(x) = 1 - x²/2! + x⁴/4! - ..."]]
    assert not [n for n in notes if n.startswith("SB302")]


def test_primes_inside_single_quotes_stay_in_the_formula():
    assert canonical_quotes("Show MathTex 'g(x) = g(0) + g'(0)x + g''(0)x^2/2'.") == \
        'Show MathTex "g(x) = g(0) + g\'(0)x + g\'\'(0)x^2/2".'
    assert canonical_quotes("Show the formula MathTex 'f'(x) = 2x'.") == 'Show the formula MathTex "f\'(x) = 2x".'
    assert canonical_quotes("It's Bob's car and the students' grades, 'Start' then 'End'.") == \
        "It's Bob's car and the students' grades, \"Start\" then \"End\"."


def test_a_prime_at_the_end_of_a_table_cell_stays_and_every_row_stays_in_the_table():
    details = ('Table with two columns "Enzyme" and "Job":\n   Primase | makes RNA primers\n'
               "   Polymerase | adds nucleotides 5' → 3'\n   Nuclease | removes the primers from DNA\n"
               "   Ligase | joins the fragments")
    assert len(detail_sentences(details)) == 1
    beats, _ = planned(details)
    table = next(b for b in beats if b.kind == "table")
    assert table.params["rows"][1] == ["Polymerase", "adds nucleotides 5' → 3'"] and len(table.params["rows"]) == 4


def test_an_instruction_before_or_after_a_colon_is_not_a_caption():
    for sentence in ("Release the weight: animate one full swing from -20° to +20° and back.",
                     "Apply the map: rotate the whole grid by 30° around the origin, animated over 3 seconds.",
                     "Update the energy bars: PE empty, KE full at 5.1 J."):
        beats, notes = planned(sentence)
        assert not [b for b in beats if b.kind == "text" and b.source == sentence], sentence
        assert any(n.startswith("SB3") for n in notes), sentence
    beats, _ = planned("Draw the weight mg pointing down and split it into two parts: mg cos a along the rod and "
                       "mg sin a along the arc.")
    assert any("mg cos a" in s for b in beats for s in b.strings)  # what to show after the colon still shows


def test_the_numbered_instruction_after_unfenced_code_ends_the_code():
    details = ("1. Show pseudocode on the left:\n   def quick_sort(a):\n       if len(a) <= 1:\n           return a\n"
               "       return quick_sort(lo) + [p] + quick_sort(hi)\n2. On the right, three bullet points:\n"
               '   "Average: O(n log n)"\n   "Worst: O(n^2)"\n   "In place"\n'
               "3. At the bottom show the sorted array [1, 2, 3, 5, 8] in green boxes.")
    beats, _ = planned(details)
    code = next(b for b in beats if b.kind == "code")
    assert "bullet" not in code.params["code"] and "sorted array" not in code.params["code"]
    bullets = next(b for b in beats if b.kind == "bullets")
    assert bullets.params["items"] == ["Average: O(n log n)", "Worst: O(n^2)", "In place"]
    assert "sequence" in [b.kind for b in beats]


def test_a_table_given_as_lines_of_cells_under_its_colon_line():
    beats, notes = planned('Draw a table with 3 columns and 4 rows:\nHeader: "Metal" | "Density" | "Melting point"\n'
                           '"Iron" | "7.87 g/cm³" | "1538 °C"\n"Copper" | "8.96 g/cm³" | "1085 °C"\n'
                           '"Gold" | "19.3 g/cm³" | "1064 °C"\nReveal rows one by one.')
    assert [b.kind for b in beats] == ["table"]
    assert beats[0].params["columns"] == ["Metal", "Density", "Melting point"]
    assert beats[0].params["rows"][2] == ["Gold", "19.3 g/cm³", "1064 °C"]
    assert not notes  # "Reveal rows one by one": the table's rows come in one after another


def test_every_list_of_a_sentence_is_drawn_and_a_merge_shows_its_result():
    beats, _ = planned("Show the array [38, 27, 43, 3, 9, 82, 10] at the top. Level 1: two groups [38, 27, 43, 3] on "
                       "the left and [9, 82, 10] on the right. Level 2: [38, 27], [43, 3], [9, 82], [10].")
    # every list drawn: the levels of pieces are one recursion tree (each piece under the one it is cut from)
    (tree,) = beats
    assert tree.kind == "graph" and [n["label"] for n in tree.params["nodes"]] == [
        "38, 27, 43, 3, 9, 82, 10", "38, 27, 43, 3", "9, 82, 10", "38, 27", "43, 3", "9, 82", "10"]
    beats, _ = planned("Left list [27, 38] at (-3.5, 1.5), right list [3, 43] at (3.5, 1.5). "
                       "Then merge: [27, 38] + [3, 43] -> [3, 27, 38, 43].")
    assert [(b.params["tokens"], b.params.get("label")) for b in beats] == [
        (["27", "38"], "Left list"), (["3", "43"], "Right list"), (["3", "27", "38", "43"], None)]


def test_vectors_in_a_sum_are_no_lists_of_boxes():
    beats, _ = planned("Show the steps: 3 × [2, 0] + 2 × [1, 1], then [6, 0] + [2, 2], then [8, 2].")
    assert "sequence" not in [b.kind for b in beats]


def test_each_curve_takes_the_colour_written_beside_it():
    for details, colours in (("Plot y = x^2 in red and y = x^3 in green.", ["#FC6255", "#66BB6A"]),
                             ("Plot a red curve y = x^2 and a blue curve y = x^3.", ["#FC6255", "#58C4DD"])):
        beats, _ = planned(details)
        assert [c.get("color") for b in beats for c in b.params.get("curves", [])] == colours, details


def test_a_function_named_in_the_axes_sentence_is_drawn_and_later_ones_transform_the_last():
    beats, notes = planned("Axes with x from -2π to 2π and y from -3 to 3, with sin(x) in blue. Draw P1(x) = x in red. "
                           "Transform to P3(x) = x - x³/6 in orange, labeled \"P₃\". "
                           "Transform it into y = x - x^3/6 + x^5/120 in yellow.")
    assert [b.kind for b in beats] == ["plot"] * 4
    assert beats[0].params["curves"][0]["expr"] == "sin(x)" and beats[0].params["x_range"] == [-6.283185, 6.283185]
    assert [b.params.get("extend") for b in beats[1:]] == [True, True, True]
    assert [b.params.get("replace") for b in beats[1:]] == [None, True, True]
    assert not [n for n in notes if "SB30" in n]  # curves cut at the edges of axes as written: the picture asked for


def test_a_range_right_after_the_plotted_function_is_its_x_range():
    beats, _ = planned("Plot sin(x) from 0 to 2π.")
    assert beats[0].params["x_range"] == [0, 6.283185]


def test_a_complex_plane_with_named_axes_and_complex_numbers_as_arrows():
    beats, _ = planned('Draw a complex plane with x from -4 to 4 and y from -4 to 4. Label the horizontal axis "Re" '
                       'and the vertical axis "Im". Plot z = 1 + 2i as an arrow from the origin to (1, 2), labeled '
                       '"z = 1 + 2i". Then rotate the whole grid by 45° and scale it by √2.')
    assert [b.kind for b in beats] == ["vector_plane"] * 3
    plane, arrow, turn = beats
    assert plane.params["x_label"] == "Re" and plane.params["y_label"] == "Im" and "basis" not in plane.params
    assert arrow.params["vectors"] == [{"x": 1.0, "y": 2.0, "label": "z = 1 + 2i"}]
    assert turn.params["matrices"] == [{"values": [[1.0, -1.0], [1.0, 1.0]], "label": "R"}]


def test_a_complex_number_is_never_a_curve():
    beats, _ = planned("Plot w = 1 + i on the axes.")
    assert not [c for b in beats for c in b.params.get("curves", []) if "i" in c["expr"]]


def test_boxes_side_by_side_are_not_joined_by_an_arrow():
    beats, _ = planned('Below the table, two side by side boxes: "Leading strand: continuous, 1 primer" and '
                       '"Lagging strand: fragments, many primers".')
    flow = next(b for b in beats if b.kind == "flow")
    assert flow.params["arrows"] is False
    beats, _ = planned('Show two boxes "Input" and "Output" side by side, connected by an arrow.')
    assert "arrows" not in next(b for b in beats if b.kind == "flow").params


def test_directions_about_the_axes_are_no_axis_names():
    beats, _ = planned("Draw axes with x from -2π to 2π and y from -3 to 3, ticks at multiples of π/2 on the x axis.")
    assert beats[0].params.get("x_label") is None and beats[0].params.get("y_label") is None


def test_several_small_axes_are_one_set_said_so_and_the_curves_share_its_ranges():
    beats, notes = planned("Create three small axes stacked vertically, each with x from 0 to 2π and y from -1.5 to "
                           "1.5. Top axes: plot y = sin(x), label \"sin(x)\". Middle axes: plot y = sin(3x)/3.")
    assert [b.params.get("x_range") for b in beats if b.kind == "plot"] == [[0, 6.283185]] * 3
    assert beats[1].params["curves"][0]["label"] == "sin(x)" and beats[2].params.get("extend")
    assert any("three small axes are asked for" in n for n in notes)


def test_a_labelled_shape_nothing_draws_is_said_and_hexagons_and_stars_are_drawn():
    beats, notes = planned('DNA ligase (a small star labeled "Ligase") closes the gaps between the fragments.')
    assert any("only the text 'Ligase' is drawn; the star it belongs to is not" in n for n in notes)
    beats, notes = planned('Place small circles on the separated strands labeled "SSB proteins".')
    assert any("the circles it belongs to are not" in n for n in notes)
    beats, notes = planned('Draw the double strand from x = -6 to x = 6. At x = 1 draw helicase as a hexagon labeled '
                           '"Helicase". Then draw a small star labeled "Ligase".')
    shapes = [s["type"] for s in beats[0].params["shapes"]]
    assert shapes == ["double_helix", "hexagon", "star"] and not [n for n in notes if "SB30" in n]


def test_vulgar_fractions_are_typeset_as_fractions():
    from compiler.mathtext import to_tex

    assert to_tex("KE = ½ m v² = 0 J").tex == r"KE = \frac{1}{2} m v^{2} = 0 \, \mathrm{J}"
    assert to_tex("x = ¾ + ⅓").tex == r"x = \frac{3}{4} + \frac{1}{3}"


def test_a_note_in_brackets_beside_a_derivation_line_may_hold_brackets_of_its_own():
    from compiler.planner.rules_steps import _step_piece

    assert _step_piece("b_n = (2/π) ∫_0^π sin(nx) dx   (f is odd, and f = 1 on (0, π))") == (
        "b_n = (2/π) ∫_0^π sin(nx) dx", "f is odd, and f = 1 on (0, π)")
    assert _step_piece("P(A | B) = P(B | A) P(A) / P(B)") == ("P(A | B) = P(B | A) P(A) / P(B)", "")


def test_a_picture_of_an_earlier_sentence_is_never_a_caption():
    beats, notes = planned("Show the fork again.")
    assert not [b for b in beats if b.kind == "text" and "again" in b.params.get("text", "").lower()]


def test_numbers_keep_the_form_they_are_written_in():
    from compiler.formula import short_number
    from compiler.planner.listing import cell_number

    assert cell_number("0.000003") == "0.000003" and cell_number("0.5") == 0.5
    assert short_number(0.000003) == "0.000003" and short_number(0.7) == "0.7"


def test_bars_given_as_label_colon_value_after_the_chart_is_announced():
    beats, notes = planned('Draw a bar chart with x axis "frequency n" and y axis "amplitude b_n". '
                           "Bars: n = 1: 1.27, n = 2: 0, n = 3: 0.42, n = 4: 0, n = 5: 0.25.")
    assert [b.kind for b in beats] == ["bar_chart"]
    assert beats[0].params["labels"][:2] == ["n = 1", "n = 2"] and beats[0].params["values"][2] == 0.42
    # (both axes' names in the caption: the x axis's is no longer dropped — round 18)
    assert beats[0].params["title"] == "amplitude b_n by frequency n"


def test_a_log_scale_the_bars_cannot_show_is_said():
    _, notes = planned("Draw a bar chart of the errors on a log scale: P1 0.16, P3 0.0081, P5 0.0002.")
    assert any("not the log scale asked for" in n for n in notes)


def test_a_chain_of_function_calls_keeps_them_whole_and_labels_each_arrow():
    beats, _ = planned('Draw a circular arrow connecting sin(x) -> cos(x) -> -sin(x) -> -cos(x) -> back to sin(x), '
                       'labeled "d/dx" on each arrow.')
    flow = next(b for b in beats if b.kind == "flow")
    # (round 8: a circular chain back to its start is a cycle — four boxes, four arrows, the last one back to sin(x))
    assert flow.params["nodes"] == ["sin(x)", "cos(x)", "-sin(x)", "-cos(x)"]
    assert flow.params["direction"] == "cycle"
    assert flow.params["edge_labels"] == ["d/dx"] * 4


def test_a_grid_squished_onto_a_line_is_a_singular_map_said_to_be_an_example():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Write det(A - λI) = 0. Show a tiny inset plane where a grid gets squished onto a single line.",
        "When the determinant is zero the matrix collapses space.")]})
    plan = plan_storyboard(sb)
    plane = next(b for b in plan.scenes[0].beats if b.kind == "vector_plane")
    assert plane.params["matrices"][0]["values"] == [[1, 2], [0.5, 1]]
    assert any("an example with determinant 0" in n.message for n in plan.diagnostics)


def test_a_right_angle_marker_at_the_corner_of_two_segments_on_a_plot():
    beats, notes = planned("Draw coordinate axes from 0 to 6 on both axes. Draw a horizontal segment from (1, 1) to (4, 1) "
                           "and a vertical segment from (4, 1) to (4, 5), forming a right triangle with a right angle "
                           "marker at (4, 1).")
    points = [p for b in beats for p in b.params.get("points") or []]
    assert [p for p in points if p.get("right_angle")] == [{"x": 4, "y": 1, "label": "(4, 1)", "right_angle": True}]
    assert not [n for n in notes if "SB30" in n]


def test_a_caption_ending_in_a_relation_is_typeset_whole():
    from compiler.mathtext import is_captioned_formula

    assert is_captioned_formula("In every right triangle: a^2 + b^2 = c^2")
    assert not is_captioned_formula("Note: this is fine") and not is_captioned_formula("Result: x")


def test_an_arrow_between_two_quoted_boxes_takes_its_quoted_label_and_a_quoted_text_is_no_box():
    beats, _ = planned('Draw an arrow from "Input" to "Output" labeled "f".')
    flow = next(b for b in beats if b.kind == "flow")
    assert flow.params["nodes"] == ["Input", "Output"] and flow.params["edge_labels"] == ["f"]
    beats, _ = planned('Draw an arrow from "Today" to "Tomorrow" with the text "depends only on today" above the arrow.')
    assert next(b for b in beats if b.kind == "flow").params["edge_labels"] == ["depends only on today"]


def test_circuit_values_written_as_labels_and_a_quoted_question_closes_no_switch():
    beats, _ = planned('Draw a series circuit: a battery labeled "9 V", a resistor labeled "R = 10 kΩ" and a capacitor '
                       'labeled "C = 100 μF".')
    assert [e.get("value") for e in beats[0].params["elements"]] == ["9 V", "10 kΩ", "100 µF"]
    assert [b.kind for b in beats] == ["circuit"]
    beats, _ = planned('Draw a simple circuit: a 6 V battery in series with a bulb and an open switch. Show the question '
                       '"What happens when we close the switch?"')
    assert not [b for b in beats if b.kind == "circuit" and b.params.get("steps")]


def test_a_drawing_of_counted_shapes_nothing_draws_is_reported_not_captioned():
    beats, notes = planned("Draw 5 vertical bars of height 2.")
    assert not [b for b in beats if b.kind == "text" and "bars" in b.params.get("text", "")]
    assert any(n.startswith("SB301") for n in notes)


def test_rectangles_under_the_curve_are_a_riemann_sum():
    beats, notes = planned("Draw axes with x from 0 to 2 and y from 0 to 4. Plot y = x^2. Draw 4 rectangles of width "
                           "0.5 under the curve. Then show 8 right-endpoint rectangles from x = 0 to x = 2.")
    areas = [b.params["area"] for b in beats if b.rule == "plot:riemann"]
    assert areas == [{"a": 0, "b": 2, "rectangles": 4, "sample": "left"},
                     {"a": 0, "b": 2, "rectangles": 8, "sample": "right"}]
    assert not [n for n in notes if "SB30" in n]


def test_a_dot_to_place_is_never_a_piece_of_a_formula_to_mark():
    beats, notes = planned('Show the equation y = sin(x). Mark the point x = 0 with a red dot labeled "N".')
    assert not [b for b in beats if b.kind == "highlight"]
    assert any("the dot it belongs to is not" in n for n in notes)


def test_squares_labelled_by_name_are_labelled_cells():
    beats, _ = planned('Show a row of 3 squares labelled "A", "B", "C".')
    assert [(b.kind, b.params.get("labels")) for b in beats] == [("grid", ["A", "B", "C"])]
    beats, notes = planned('Show a row of 7 small squares labelled "Mon" to "Sun".')
    assert beats[0].params["labels"][0] == "Mon" and beats[0].params["labels"][-1] == "Sun"
    assert any("the labels between 'Mon' and 'Sun' are not written" in n for n in notes)


def test_a_number_line_takes_its_points_and_no_row_of_cards():
    beats, _ = planned('Draw a number line from 0 to 10 and mark the point 7 with a dot labeled "x".')
    assert [b.kind for b in beats] == ["number_line"]
    assert beats[0].params["points"] == [{"value": 7, "label": "x"}]
    beats, notes = planned('Draw a number line from 1 to 4 with the interval from 1.75 to 3.75 shaded, and a dot marked '
                           '"A" somewhere inside.')
    assert [b.kind for b in beats] == ["number_line"]
    assert any("the dot 'A' is given no value on the line" in n for n in notes)


def test_a_side_named_before_a_drawing_is_where_it_goes_not_a_column():
    beats, notes = planned('On the left side draw two charges with a double-headed arrow between them labeled "r".')
    assert "bullets" not in [b.kind for b in beats] and "comparison" not in [b.kind for b in beats]
    assert any("the arrow it belongs to is not" in n for n in notes)


def test_a_list_inside_quoted_text_is_that_texts_not_a_row_of_boxes():
    beats, _ = planned('Show the array [5, 1, 4, 2, 8] as boxes. Below the boxes, show the goal text: "Goal: [1, 2, 4, 5, 8]".')
    assert [b.kind for b in beats] == ["sequence", "text"]


def test_letters_of_a_curve_take_the_values_given_or_are_said():
    from compiler.formula import free_names, parse_formula, with_constants

    assert free_names("y = A sin(k x)") == ["A", "k", "x"]
    assert parse_formula(with_constants("y = A sin(k x)", {"A": 2, "k": 1}))(1.5707963) > 1.99
    assert with_constants("x = v0 t", {"v0": 1.0}) is None  # a name it cannot read: no curve, no internal error
    beats, notes = planned("Draw axes with x from 0 to 6. Plot y = A sin(k x) with A = 2 and k = 1.")
    curve = [c for b in beats for c in b.params.get("curves", [])][0]
    assert curve["label"] == "y = A sin(k x)" and parse_formula(curve["expr"])(1.5707963) > 1.99
    assert not [n for n in notes if "SB30" in n]
    beats, notes = planned("Draw axes with x from 0 to 2. Draw a blue sine wave y1 = A sin(kx - ωt) labeled \"y_1\".")
    assert any("A, k, ω, t are not given a value" in n for n in notes)
    assert beats[0].params["y_range"] == [0, 1]  # empty axes fit themselves to the curve drawn on them


def test_curves_labelled_by_their_colour_and_a_picture_asked_for_is_no_caption():
    beats, _ = planned('Draw axes with x from 0 to 10. Plot y = x^2 in red and y = x in blue. '
                       'Label the red curve "O(n^2)" and the blue line "O(n)".')
    assert [c["label"] for b in beats for c in b.params.get("curves", [])] == ["O(n^2)", "O(n)"]
    assert "text" not in [b.kind for b in beats]
    beats, _ = planned("Next to the plot, show a small copy of the voltage curve in blue to compare: one rises as the "
                       "other falls.")
    assert not [b for b in beats if b.kind == "text" and "rises" in b.params.get("text", "")]


def test_two_things_highlighted_together_are_both_highlighted():
    beats, _ = planned("Show the boxes [5, 1, 4, 2, 8]. Highlight 5 and 1 in yellow.")
    assert [(b.params.get("target"), b.params.get("color")) for b in beats if b.kind == "highlight"] == [
        ("5", "yellow"), ("1", "yellow")]


def test_a_curve_described_by_a_word_no_earlier_curve_has_brings_none_back():
    sb = Storyboard.model_validate({"scenes": [scene("Plot y = x^2 for x from 0 to 2.", "One."),
                                               scene("Show the equation y = sin(pi x). Animate the string oscillating "
                                                     "between the two dashed curves.", "Two.")]})
    plan = plan_storyboard(sb)
    assert "plot" not in [b.kind for b in plan.scenes[1].beats]


def test_a_label_written_under_a_piece_of_the_formula_points_at_it():
    beats, _ = planned('Show the equation F = m a. Under m write "mass" and under a write "acceleration".')
    assert [(b.kind, b.params.get("target"), b.params.get("label")) for b in beats[1:]] == [
        ("annotation", "m", "mass"), ("annotation", "a", "acceleration")]
    beats, _ = planned('Show the equation y = 2A \\\\sin(kx) \\\\cos(\\\\omega t). Under \\\\sin(kx) write "shape".')
    assert [b.kind for b in beats] == ["equation", "annotation"]


def test_boxing_an_answer_quoted_without_its_tex_marks_the_line_on_screen():
    beats, _ = planned('Show the steps:\nx = \\\\frac{6}{3}\nx = 2 \\\\text{ m}\nBox the answer "x = 2 m".')
    assert [b.kind for b in beats] == ["steps", "highlight"]
    assert beats[1].params["target"] == "x = 2 \\\\text{ m}" and beats[1].params["mode"] == "box"


def test_a_later_scene_showing_the_axes_and_curve_brings_them_back_with_a_finer_sum():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw axes with x from 0 to 2 and y from 0 to 4. Plot y = x^2. Draw 4 right-endpoint rectangles.", "One."),
        scene("On the left, show the axes and curve with 8 right-endpoint rectangles of width 0.25. Transform the rectangles into 16 "
              "rectangles of width 0.125.", "Two.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert beats[0].rule == "plot:recalled-from-scene-1"
    assert [(b.params["area"]["rectangles"], b.params["area"]["sample"]) for b in beats if b.rule == "plot:riemann"] == [
        (8, "right"), (16, "right")]


def test_a_colon_head_whose_lines_drew_is_their_head_but_a_thing_it_names_is_still_lost():
    _, notes = planned('Show the formula `f(x) = x^2`. Add braces and labels:\n- above f(x): "output"\n- under x^2: "square"')
    assert not [n for n in notes if "SB301" in n]
    _, notes = planned('Draw a summary box with two rows:\n"Fast"\n"Cheap"')
    assert any("SB301" in n and "summary box" in n for n in notes) or any("box" in n for n in notes if "SB307" in n)
