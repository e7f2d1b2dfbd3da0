"""Round 15 (storyboards written and labelled by helpers, /tmp/fresh23–24: circuits with Kirchhoff's rules, carbon
dating, eigenvalues): quoted formulas in Greek names typeset, a check mark kept on the line it checks, nuclides
(¹⁴C) typeset, circuit elements named in quotes, current arrows placed and relabelled, equation tags that the
argument cites kept, the label of the arrow into a box on that arrow."""

from __future__ import annotations

from compiler.mathtext import to_tex
from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_a_quoted_formula_in_greek_names_and_function_names_is_an_equation():
    beats, _ = planned("Show 'det(R - lambda I) = lambda^2 + 1 = 0' and 'no real solution, so no real eigenvectors'.")
    assert [b.kind for b in beats] == ["equation", "text"]
    assert beats[0].params["exprs"] == ["det(R - lambda I) = lambda^2 + 1 = 0"]
    beats, _ = planned("Final: 'lambda = 3 or lambda = 2', boxed.")
    assert beats[0].kind == "equation"


def test_a_check_mark_stays_on_the_line_it_checks():
    beats, _ = planned("Finally the loop check: 12 − 4.8 − 7.2 = 0 ✓")
    (eq,) = [b for b in beats if b.kind == "equation"]
    assert eq.params["exprs"] == ["12 − 4.8 − 7.2 = 0 ✓"]
    assert to_tex("12 − 4.8 − 7.2 = 0 ✓").tex.endswith(r"\checkmark")


def test_nuclides_are_typeset_with_their_mass_number_before_the_symbol():
    assert to_tex("n + ¹⁴N → ¹⁴C + p").tex == r"n + {}^{14}\mathrm{N} \to {}^{14}\mathrm{C} + p"
    assert to_tex("²³⁵U + n → ¹⁴¹Ba + ⁹²Kr + 3n").tex.startswith(r"{}^{235}\mathrm{U}")
    beats, _ = planned("Under the first box show the reaction n + ¹⁴N → ¹⁴C + p.")
    assert [b.kind for b in beats] == ["equation"]


LOOP = ("On the left draw the simplified loop: battery '12 V' at (-6, 0) with '+' on top, horizontal resistor "
        "'R₁ = 2 Ω' at (-4.5, 2), vertical resistor 'R_p = 3 Ω' at (-3, 0), bottom wire back to the battery. "
        "Add a blue arrow on the top wire labelled 'I'. ")


def test_circuit_elements_named_in_quotes_and_the_current_arrow_on_the_wire():
    beats, notes = planned(LOOP)
    assert [b.kind for b in beats] == ["circuit"]
    c = beats[0].params
    assert [(e["type"], e.get("label"), e.get("value")) for e in c["elements"]] == [
        ("battery", None, "12 V"), ("resistor", "R₁", "2 Ω"), ("resistor", "R_p", "3 Ω")]
    assert c["current"] == "I"
    assert not [n for n in notes if "SB307" in n]


def test_the_label_of_the_current_arrow_is_replaced_and_values_go_beside_named_elements():
    beats, _ = planned(LOOP + "Replace the label 'I' on the circuit arrow with 'I = 2.4 A'. "
                              "Show '4.8 V' in green next to R₁ and '7.2 V' in green next to R_p.")
    assert [b.kind for b in beats] == ["circuit", "circuit", "circuit"]
    assert beats[1].params["steps"] == [{"action": "current", "text": "I = 2.4 A"}]
    assert [s["text"] for s in beats[2].params["steps"]] == ["2 Ω, 4.8 V", "3 Ω, 7.2 V"]


def test_branch_currents_down_through_named_resistors_are_arrows_on_them():
    beats, _ = planned("Draw the circuit: battery '12 V', 'R₁ = 2 Ω' on the top wire, then two parallel branches with "
                       "'R₂ = 6 Ω' and 'R₃ = 6 Ω'. Label the unknown currents with arrows: 'I' on the top wire, "
                       "'I₂' down through R₂, 'I₃' down through R₃.")
    assert [b.kind for b in beats] == ["circuit"]
    els = {e.get("label"): e for e in beats[0].params["elements"]}
    assert (els["R₂"].get("current"), els["R₃"].get("current"), beats[0].params.get("current")) == ("I₂", "I₃", "I")


def test_equation_tags_the_argument_cites_stay_on_their_lines():
    details = ("On the right write the three equations:\n(1) J₁: I = I₂ + I₃\n(2) Loop 1: 12 − 2I − 6I₂ = 0\n"
               "(3) Loop 2: 6I₂ − 6I₃ = 0\nThen solve step by step:\nFrom (1) and (3): I = 2I₂\n12 − 10I₂ = 0")
    beats, _ = planned(details)
    steps = [b for b in beats if b.kind == "steps"]
    assert steps[0].params["lines"][0] == "(1) J₁: I = I₂ + I₃"
    # tags nobody cites are list marks, dropped
    beats, _ = planned("Write these lines:\n(1) x + 1 = 3\n(2) x = 2")
    assert beats[0].params["lines"] == ["x + 1 = 3", "x = 2"]


def test_the_label_of_the_arrow_into_a_box_goes_on_that_arrow():
    beats, _ = planned("Build a left-to-right chain of labelled boxes joined by arrows: 'Rays' → 'Carbon' → 'Plants' → "
                       "'Animals'. Then show a red cross over the arrow into 'Animals' with the label 'death: intake stops'.")
    (flow,) = [b for b in beats if b.kind == "flow"]
    assert flow.params["edge_labels"] == ["", "", "death: intake stops"]


DOT = ("Left: a triangle with sides a (from origin to (3, 1)), b (from origin to (1, 2)), and a − b (from the tip of b to "
       "the tip of a), with the angle θ marked at the origin. Right: the derivation, line by line:\n"
       "Law of cosines: |a − b|² = |a|² + |b|² − 2|a||b| cos θ\nAlgebra: |a − b|² = (a − b)·(a − b)\n"
       "= |a|² − 2 a·b + |b|²\nCompare: −2 a·b = −2|a||b| cos θ\n⇒ a · b = |a||b| cos θ\n"
       "Then a numerical check below: a − b = (2, −1), |a − b|² = 4 + 1 = 5, and 10 + 5 − 2(5) = 5 ✓.")
DOT_STYLE = ("Triangle: a blue, b yellow, a − b purple (#9A72AC), θ arc white. Final formula boxed in orange, font size "
             "36. Numerical check in grey, font size 24 at the bottom.")


def test_a_triangle_of_named_sides_from_corner_to_corner_with_its_angle():
    beats, notes = planned(DOT, DOT_STYLE)
    fig = beats[0]
    assert fig.kind == "geometry"
    assert [p["at"] for p in fig.params["points"]] == [[0, 0], [3, 1], [1, 2]]
    sides = [(s["label"], s.get("color")) for s in fig.params["segments"]]
    assert sides == [("a", "#58C4DD"), ("b", "#FFE066"), ("a − b", "#9A72AC")]
    assert fig.params["angles"][0]["label"] == "θ" and fig.params["angles"][0]["at"] == "O"
    assert not [n for n in notes if "SB301" in n or "internal error" in n]


def test_a_labelled_line_under_a_derivation_head_stays_in_the_derivation_and_the_final_formula_is_framed():
    beats, _ = planned(DOT, DOT_STYLE)
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][-2:] == ["Compare: −2 a·b = −2|a||b| cos θ", "⇒ a · b = |a||b| cos θ"]
    (frame,) = [b for b in beats if b.kind == "highlight"]
    assert frame.params["target"] == "⇒ a · b = |a||b| cos θ"  # not the numerical check after it


def test_one_letter_names_in_a_style_list_get_their_colours_and_match_whole_words_only():
    from compiler.planner.theme import parse_theme

    theme, _ = parse_theme("Vectors: a blue, b yellow.")
    assert theme.for_label("a", "") == "#58C4DD" and theme.for_label("b", "") == "#FFE066"
    assert theme.for_label("Carbon", "-") == "-" and theme.for_label("table", "-") == "-"


def test_a_table_with_headers_and_rows_of_quoted_cells_joined_by_bars():
    beats, _ = planned('Show a table with headers "n" and "max steps": "10" | "4", "1,000" | "10", "1,000,000" | "20", '
                       '"1,000,000,000" | "30".')
    assert [b.kind for b in beats] == ["table"]
    assert beats[0].params["columns"] == ["n", "max steps"]
    assert [[str(c) for c in r] for r in beats[0].params["rows"]][2] == ["1,000,000", "20"]
    assert len(beats[0].params["rows"]) == 4


def test_a_floor_is_part_of_the_formula_in_the_prose():
    beats, notes = planned('Below, apply it to our array: "10 → 5 → 2 → 1", so at most ⌊log₂ 10⌋ + 1 = 4 comparisons.')
    assert any(b.kind == "equation" and b.params["exprs"] == ["⌊log₂ 10⌋ + 1 = 4"] for b in beats)
    assert not [n for n in notes if "SB302" in n]


def test_start_from_the_state_of_the_last_scene_recalls_its_picture():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw a row of 10 boxes (an array) holding 2, 5, 8, 12, 16, 23, 38, 56, 72, 91.", "The array."),
        scene("Start from the state where indices 0 to 4 are dimmed, low = 5 and high = 9. Highlight 56.",
              "We go on.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert beats[0].kind == "sequence" and "recalled" in beats[0].rule
    assert not any(b.kind == "text" and b.params.get("text", "").startswith("56") for b in beats)


def test_a_stack_followed_through_pushes_and_pops_changes_in_place():
    beats, notes = planned("Stack on the right at x = 3 (bottom to top), starting with [A]. pop A from the stack. "
                           "Show caption \"Pop A → visit → push C, B\". Push C then B, so the stack reads (bottom to top) "
                           "C, B. pop B. Push E then D; stack becomes C, E, D. Nothing is pushed.")
    stack = [b for b in beats if b.kind == "sequence"]
    assert [b.params["tokens"] for b in stack] == [["A"], ["(empty)"], ["C", "B"], ["C"], ["C", "E", "D"]]
    assert [bool(b.params.get("update")) for b in stack] == [False, True, True, True, True]
    assert stack[0].params["label"] == "Stack (bottom → top)"
    assert any(b.kind == "text" and b.params["text"] == "Pop A → visit → push C, B" for b in beats)  # a caption, no push
    assert not [n for n in notes if "SB301" in n]


def test_a_stack_is_carried_to_the_next_scene_and_popped_there():
    sb = Storyboard.model_validate({"scenes": [
        scene("Stack (bottom to top): C, E, D.", "The stack."),
        scene("pop D. Stack is now C, E. pop E.", "Backtrack.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert [b.params["tokens"] for b in beats if b.kind == "sequence"] == [["C", "E"], ["C", "E"], ["C"]]


def test_words_that_only_look_like_a_stack_draw_none():
    for sentence in ("Stack the vectors [1, 2] and [3, 4] one above the other.", "The call stack grows with each call.",
                     "Show the boxes stacked vertically: x = 1, y = 2."):
        beats, _ = planned(sentence)
        assert not any(b.rule.startswith("sequence:stack") for b in beats), sentence


def test_a_summary_list_is_a_list_whatever_its_items_mention():
    beats, _ = planned("Summary list at the bottom:\n• Follow the tangent line to the x-axis\n"
                       "• Update: x_{n+1} = x_n − f(x_n)/f'(x_n)\n• Very fast near the root: digits double\n"
                       "• Needs f'(x_n) ≠ 0 and a reasonable starting guess")
    assert [b.kind for b in beats] == ["bullets"]
    assert len(beats[0].params["items"]) == 4
    beats, _ = planned("Right, summary list:\n• det(A) = ad − bc = 2·3 − 1·1 = 5\n• |det| = factor by which all areas "
                       "are scaled\n• Sign tells whether orientation is flipped")
    assert [b.kind for b in beats] == ["bullets"]


def test_numbered_items_under_a_column_header_are_that_columns_lines():
    beats, notes = planned('Two columns separated by a vertical line.\nLeft column header "Light as a wave predicts":\n'
                           "1. Brighter light gives faster electrons\n2. Any colour works if it is bright enough\n"
                           'Right column header "Experiments show":\n1. Brightness changes how many electrons\n'
                           "2. Electrons come out instantly")
    (cmp,) = [b for b in beats if b.kind == "comparison"]
    assert cmp.params["titles"] == ["Light as a wave predicts", "Experiments show"]
    assert cmp.params["lines"] == [["Brighter light gives faster electrons", "Any colour works if it is bright enough"],
                                   ["Brightness changes how many electrons", "Electrons come out instantly"]]
    assert not [n for n in notes if "SB301" in n]


def test_table_cells_are_listed_as_written_never_rounded_to_six_digits():
    from compiler.components import drawn_strings

    beats, _ = planned('Table with columns "n", "x_n":\n0 | 1\n2 | 1.416667\n4 | 1.41421356237469')
    (table,) = [b for b in beats if b.kind == "table"]
    assert {"1.416667", "1.41421356237469"} <= set(table.strings)
    assert "1.416667" in drawn_strings("table", table.params)
    assert "2.006944" in drawn_strings("matrix", {"values": [[2.006944, 1], [0, 1]]})


def test_a_log_of_steps_under_a_head_is_shown_line_by_line_and_comparison_text_opens_no_columns():
    beats, _ = planned("Step by step, compare the two pointed elements, show the comparison text on the right, move the "
                       "smaller into the next output cell, and advance that pointer:\n3 vs 9 → take 3\n27 vs 9 → take 9\n"
                       "27 vs 10 → take 10\nL is empty → copy 82\nResult: [3, 9, 10, 27, 38, 43, 82]")
    (log,) = [b for b in beats if b.kind == "bullets"]
    assert log.params["items"] == ["3 vs 9 → take 3", "27 vs 9 → take 9", "27 vs 10 → take 10", "L is empty → copy 82"]
    assert not any(b.kind == "comparison" for b in beats)


def test_a_label_that_states_another_value_goes_on_a_new_point_not_on_the_last_dot():
    beats, _ = planned("Axes: x from 1 to 2, y from -0.5 to 1.5. Curve y = x² − 2. Dot at the curve point (1.5, 0.25). "
                       "Draw the tangent line y = 3x − 4.25 through (1.5, 0.25) and show it meeting the x-axis at 1.41667. "
                       'Label the new point "x₂ ≈ 1.41667".')
    points = [p for b in beats if b.kind == "plot" for p in b.params.get("points") or []]
    assert {"x": 1.41667, "y": 0, "label": "x₂ ≈ 1.41667"} in points
    assert not any(p.get("label", "").startswith("x₂") and p["x"] == 1.5 for p in points)


def test_labelling_the_slope_never_relabels_the_last_dot():
    beats, _ = planned("Axes: x from 0 to 14, y from -2.5 to 3.5. Plot the line y = 0.4136x − 2.28. "
                       'Mark the point (12.0, 2.68) with a dot labelled "250 nm: 2.68 eV". Label the slope "slope = h".')
    points = [p for b in beats if b.kind == "plot" for p in b.params.get("points") or []]
    assert [p["label"] for p in points] == ["250 nm: 2.68 eV"]
    assert any("slope = h" in b.strings for b in beats)


def test_a_label_with_a_script_group_is_typeset():
    from compiler.mathtext import is_label_formula

    assert is_label_formula("x_{n+1}") and is_label_formula("a_{i-1}")
    assert not is_label_formula("{a, b}") and not is_label_formula("print(x)")


def test_instructions_after_a_block_of_lines_are_not_lines_of_it():
    beats, _ = planned('Then show the chain of rewrites:\nx = √2  ⟺  x² = 2  ⟺  x² − 2 = 0\nand the text "So √2 is a root of '
                       'f(x) = x² − 2".')
    assert not any("the text" in s for b in beats for s in b.strings)
    assert any(b.kind in ("text", "equation") and b.strings[0].startswith("So √2 is a root") for b in beats)
    beats, _ = planned('Then the formula lines:\nlevels = ⌈log₂ 7⌉ = 3\ntotal work ≤ n × levels = 7 × 3 = 21\n'
                       'Small note: "our run used 14 comparisons".')
    assert not any("Small note" in s for b in beats for s in b.strings)


def test_a_half_of_the_screen_holding_axes_is_no_comparison_column():
    beats, _ = planned("Left half: axes with x from 0 to 3 and y from −2 to 5, curve y = x² − 2.\n"
                       "Right half, derivation line by line:\nTangent line: y = f(x_n) + f'(x_n)(x − x_n)")
    assert not any(b.kind == "comparison" for b in beats)
    assert beats[0].kind == "plot"


def test_axis_names_in_brackets_after_ranges_and_no_leftover_formula_from_table_rows():
    beats, _ = planned('Right side: axes with x from 0 to 30 ("n") and y from 0 to 900 ("steps").\n'
                       'Below the graph a small table with columns "n", "n²", "n log₂ n":\n1,000 | 1,000,000 | ≈ 10,000\n'
                       "1,000,000 | 10¹² | ≈ 2 × 10⁷")
    plot = next(b for b in beats if b.kind == "plot")
    assert (plot.params.get("x_label"), plot.params.get("y_label")) == ("n", "steps")
    assert [b.kind for b in beats] == ["plot", "table"]


def test_a_chain_of_equivalences_stays_one_formula():
    beats, _ = planned("Then show the chain of rewrites:\nx = √2  ⟺  x² = 2  ⟺  x² − 2 = 0")
    assert [b.params.get("exprs") for b in beats if b.kind == "equation"] == [["x = √2  ⟺  x² = 2  ⟺  x² − 2 = 0"]]


def test_a_dot_on_the_x_axis_is_a_point_at_height_zero_with_its_label():
    base = "Axes with x from 0 to 3 and y from -2 to 5, curve y = x^2 - 2. "
    for sentence, label in (('Pick a generic guess at x = 2.2 on the x-axis, labelled "x_n".', "x_n"),
                            ('Mark a dot at x = 2.2 on the x-axis labelled "x_n".', "x_n"),
                            ("Put a dot on the x-axis at x = 2.2.", "x = 2.2")):
        beats, _ = planned(base + sentence)
        assert beats[-1].params["points"] == [{"x": 2.2, "y": 0, "label": label}], sentence
        assert not beats[0].params.get("x_label")
    beats, _ = planned(base + 'Dot at "x₁ = 1.5" on the x-axis.')
    assert beats[-1].params["points"] == [{"x": 1.5, "y": 0, "label": "x₁ = 1.5"}]


def test_a_piece_carried_down_whole_hangs_under_itself_in_a_split_tree():
    beats, _ = planned("Start with the full array at the top: [38, 27, 43, 3, 9, 82, 10].\n"
                       "Split it with two lines going down to level 1: [38, 27, 43, 3] on the left and [9, 82, 10] on the right.\n"
                       "Level 2: [38, 27], [43, 3], [9, 82], [10].\nLevel 3: [38], [27], [43], [3], [9], [82], [10].")
    (tree,) = [b for b in beats if b.kind == "graph"]
    label = {n["id"]: n["label"] for n in tree.params["nodes"]}
    tens = [e for e in tree.params["edges"] if label[e["to"]] == "10"]
    assert [(label[e["from"]], label[e["to"]]) for e in tens] == [("9, 82, 10", "10"), ("10", "10")]
