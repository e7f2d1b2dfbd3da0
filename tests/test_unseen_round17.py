"""Round 17 (the round-8 frame review of the shared storyboards named pictures missing without a word): a text for a
shaded area with its arrow, the limits marked on the x axis, one strip of an integral with its height and width."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


CURVES = ("Draw axes with x from -1 to 3 and y from -1 to 5. Plot y = 2x and plot y = x^2. "
          "Shade the region between the two curves in orange. ")


def test_a_text_put_next_to_the_shaded_area_points_into_it():
    beats, _ = planned(CURVES + 'Next to the shaded region, write "How big?".')
    note = [b for b in beats if b.kind == "plot" and b.params.get("area_note")]
    assert note and note[0].params["area_note"] == {"text": "How big?", "arrow": True}
    assert "text" not in [b.kind for b in beats]  # not a loose caption away from the plot
    beats, _ = planned(CURVES + 'Inside the shaded area, write "A".')
    (note,) = [b.params["area_note"] for b in beats if b.params.get("area_note")]
    assert note == {"text": "A", "arrow": False}


def test_without_a_shaded_area_a_quoted_text_is_no_area_note():
    beats, _ = planned("Draw axes with x from -1 to 3 and y from -1 to 5. Plot y = 2x. "
                       'Next to the area of interest, write "How big?".')
    assert not any(b.params.get("area_note") for b in beats)
    assert any("How big?" in b.strings for b in beats)


def test_dashed_lines_from_the_dots_to_the_x_axis_labelled_with_their_values():
    beats, _ = planned(CURVES + 'Put dots at (0, 0) and (2, 4) labelled "(0, 0)" and "(2, 4)". '
                       "Draw dashed vertical lines from the dots to the x axis, and label x = 0 and x = 2.")
    (marks,) = [b for b in beats if b.rule == "plot:markers-to-axes"]
    assert marks.params["markers"] == [{"axis": "x", "value": 0, "label": "x = 0"},
                                       {"axis": "x", "value": 2, "label": "x = 2"}]
    # without values to write, the drops go down to the x axis only (no horizontal ones)
    beats, _ = planned(CURVES + 'Put dots at (1, 2) and (2, 4) labelled "P" and "Q". '
                       "Draw dashed vertical lines from the dots to the x axis.")
    (drops,) = [b for b in beats if b.rule == "plot:drops-to-axes"]
    assert all(s["start"][0] == s["end"][0] for s in drops.params["segments"]) and len(drops.params["segments"]) == 2


def test_one_strip_of_the_area_with_its_height_and_width():
    beats, notes = planned(CURVES + "Highlight one thin strip and label its height 2x - x^2 and width dx.")
    (strip,) = [b for b in beats if b.rule == "plot:strip"]
    area, segs = strip.params["area"], strip.params["segments"]
    assert 0 < area["a"] < area["b"] < 2 and area["b"] - area["a"] <= 0.25  # a narrow strip inside the lens
    assert {s["style"]: s["label"] for s in segs} == {"arrow": "2x - x^2", "brace": "dx"}
    arrow = next(s for s in segs if s["style"] == "arrow")
    m = arrow["start"][0]
    assert abs(arrow["start"][1] - m * m) < 1e-2 and abs(arrow["end"][1] - 2 * m) < 1e-2  # from y = x^2 up to y = 2x
    assert "equation" not in [b.kind for b in beats]  # the labels are the strip's, not loose formulas
    # under one curve (no second curve): the strip reaches down to the x axis
    beats, _ = planned("Draw axes with x from 0 to 4 and y from 0 to 10. Plot y = x^2. Shade the area under the curve "
                       "from x = 1 to x = 3. Highlight a single rectangle and label its height f(x) and its width Δx.")
    (strip,) = [b for b in beats if b.rule == "plot:strip"]
    assert "to" not in strip.params["area"]
    assert {s["label"] for s in strip.params["segments"]} == {"f(x)", "Δx"}


def test_the_arrow_of_an_area_note_ends_inside_the_area():
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import plot

    theme = parse_theme("Dark background.")[0].to_json()
    g = plot.build(theme, curves=[{"expr": "y = x"}, {"expr": "y = x^2"}], x_range=[-0.5, 1.5], y_range=[-0.5, 1.8],
                   area={"a": 0, "b": 1, "curve": 0, "to": 1})
    st = plot._stage(g, theme)
    plot._area_note(g, theme, st, {"text": "Area = ?", "arrow": True})
    label, arrow = st.note
    x, y = g.axes.p2c(arrow.get_end())[:2]
    assert 0.3 < x < 0.7 and x * x < y < x  # the tip lies between the curves, inside the lens
    assert not (label.get_left()[0] < arrow.get_end()[0] < label.get_right()[0]
                and label.get_bottom()[1] < arrow.get_end()[1] < label.get_top()[1])  # the text sits beside it
    st = plot._stage(g, theme)
    plot._area_note(g, theme, st, {"text": "A", "arrow": False})
    (label,) = st.note
    x, y = g.axes.p2c(label.get_center())[:2]
    assert 0.2 < x < 0.8 and -0.1 < y < 1.0


def test_element_colours_of_the_style_colour_the_letters_of_chemical_equations():
    from compiler.planner.theme import element_colours, parse_theme

    assert element_colours("Formula size 40; carbon atoms dark grey (#444444), nitrogen letters blue, hydrogen white.") \
        == {"C": "#444444", "N": colour("blue"), "H": colour("white")}
    assert element_colours("Keep element colours (N blue #3366FF, H white #FFFFFF).") == {"N": "#3366FF", "H": "#FFFFFF"}
    assert element_colours("Triangle sides: a blue, b yellow, c green.") == {}  # letters that are no elements here
    theme, _ = parse_theme("Element colours (N blue #3366FF, H white #FFFFFF).")
    assert theme.elements == {"N": "#3366FF", "H": "#FFFFFF"} and len(theme.palette) != 2  # no palette of two
    beats, _ = planned("Show the equation N2 + 3H2 -> 2NH3.", style="Nitrogen letters blue (#3366FF), hydrogen letters "
                       "white (#FFFFFF).")
    (eq,) = [b for b in beats if b.kind == "equation"]
    assert eq.params["tints"] == {"\\mathrm{N}": "#3366FF", "\\mathrm{H}": "#FFFFFF"}
    beats, _ = planned("Show the equation y = 3x + 2.", style="Nitrogen letters blue (#3366FF).")
    assert not beats[-1].params.get("tints")  # no chemistry: no element is coloured


def test_element_colours_carry_to_later_scenes_and_cells_left_white_are_said():
    sb = Storyboard.model_validate({"scenes": [
        scene("Show the equation N2 + 3H2 -> 2NH3.", "Nitrogen meets hydrogen.",
              style="Nitrogen letters blue (#3366FF), hydrogen letters white (#FFFFFF)."),
        scene('Show the equation N2 + 3H2 -> 2NH3. Draw a table with columns "Element", "Left", "Right": '
              '"N" | "2" | "2"; "H" | "6" | "6".', "Count each atom.", style="Same element colours as before.")]})
    plan = plan_storyboard(sb)
    (eq,) = [b for b in plan.scenes[1].beats if b.kind == "equation"]
    assert eq.params["tints"]["\\mathrm{N}"] == "#3366FF"
    notes = [n.message for n in plan.diagnostics if n.code == "SB307"]
    assert any("element colours on the table's cells 'H', 'N'" in m for m in notes)


def test_coefficients_coloured_by_the_style_and_marked_by_the_details():
    beats, notes = planned("Show the balanced equation N2 + 3H2 -> 2NH3.", style="Coefficients yellow (#FFFF00).")
    (eq,) = [b for b in beats if b.kind == "equation"]
    assert eq.params["tints"] == {"\\mathrm{2}": "#FFFF00", "\\mathrm{3}": "#FFFF00"}
    assert not [n for n in notes if "coefficients" in n]
    beats, notes = planned("Show the balanced equation N2 + 3H2 -> 2NH3. Highlight the coefficient 1 of N2 and the 2 "
                           "of NH3 in orange.")
    (mark,) = [b for b in beats if b.rule == "highlight:coefficient"]
    assert (mark.params["part"], mark.params["color"]) == ("2", "orange")
    assert [n for n in notes if "SB307" in n and "coefficient 1 of N2 is not written" in n]


def colour(word):
    from compiler.planner.theme import colour_value

    return colour_value(word)


def test_an_element_tint_colours_the_symbol_beside_other_letters_and_not_the_counts():
    from compiler.chemtext import chem_to_tex
    from compiler.runtime.mathsvg import math_mobject, tint

    m = math_mobject(chem_to_tex("3CO2 + 4H2O"), font_size=58, color="#FFFFFF", fallback_text="3CO2 + 4H2O")
    tint(m, [["\\mathrm{O}", "#FC6255"], ["\\mathrm{3}", "#FFFF00"]])
    red = [g for g in m.submobjects if g.get_fill_color().to_hex().upper() == "#FC6255"]
    yellow = [g for g in m.submobjects if g.get_fill_color().to_hex().upper() == "#FFFF00"]
    assert len(red) == 2  # the O of CO₂ (against its C) and the O of H₂O
    assert len(yellow) == 1 and yellow[0].height > 0.8 * max(g.height for g in red)  # the coefficient, not a count
    plain = math_mobject("x = 10", font_size=58, color="#FFFFFF", fallback_text="x = 10")
    tint(plain, [["1", "#FFFF00"]])  # an ordinary piece still stands alone: the 1 of 10 is not it
    assert not [g for g in plain.submobjects if g.get_fill_color().to_hex().upper() == "#FFFF00"]


# --------------------------------------------------------------------------- fresh28 (written and labelled by a helper)
def test_axes_labelled_after_a_comma_with_a_function_of_one_letter():
    beats, notes = planned('On the left half, draw axes with x from -1 to 3 and y from -2 to 2, labelled "t" and "g(t)".')
    assert (beats[0].params.get("x_label"), beats[0].params.get("y_label")) == ("t", "g(t)")
    assert "text" not in [b.kind for b in beats] and not [n for n in notes if "one caption" in n]


def test_secants_that_shrink_toward_the_tangent_one_after_another():
    beats, _ = planned("Draw axes with x from 0 to 3 and y from 0 to 9. Plot f(x) = x^2. Draw a secant line from x = 1 to "
                       "x = 1 + h for h = 1, then 0.5, then 0.1; the secant turns toward the tangent.")
    secants = [b for b in beats if b.rule == "plot:secant"]
    assert [s.params["curves"][0]["label"] for s in secants] == ["slope ≈ 3.0000", "slope ≈ 2.5000", "slope ≈ 2.1000"]
    assert [bool(s.params.get("replace")) for s in secants] == [False, True, True]  # each takes the last one's place
    assert not [b for b in beats if b.kind in ("equation", "text")]  # "x = 1 + h", "h = 1" are no formulas to show
    assert not [b for b in beats if b.rule == "plot:tangent"]


def test_a_row_added_to_the_table_on_screen():
    table = "Show a table with columns 'n', 'square', 'cube' and rows:\n1 | 1 | 1\n2 | 4 | 8\n"
    beats, _ = planned(table + "Add a last row 'total' | | '9' highlighted in yellow.")
    (added,) = [b for b in beats if b.rule == "table:added-row"]
    assert added.params["rows"][-1] == ["total", "", 9] and added.params["update"] and added.params["highlight_row"] == 2
    beats, _ = planned(table + "Add a row: 3 | 9 | 27.")
    assert [b for b in beats if b.rule == "table:added-row"][0].params["rows"][-1] == [3, 9, 27]
    beats, notes = planned(table + "Add a row: 3 | 9.")
    assert not [b for b in beats if b.rule == "table:added-row"]
    assert [n for n in notes if "SB307" in n and "2 cells for a table of 3 columns" in n]


def test_a_table_filled_in_its_own_sentence_by_named_rows_and_its_column_boxed():
    beats, notes = planned('Draw a table with the column headers "Yes", "No" and "Total" and the row headers "Men", '
                           '"Women" and "Total", filled with the values 30, 20 and 50 in the "Men" row, 1,200, 2,800 and '
                           '4,000 in the "Women" row, and 1,230, 2,820 and 4,050 in the "Total" row. Once the table is '
                           'complete, surround the whole "Yes" column with a yellow rectangle and fade the other columns '
                           'to 30% opacity.')
    (table,) = [b for b in beats if b.kind == "table"]
    assert table.params["rows"][1] == ["Women", "1,200", "2,800", "4,000"]  # (as written: a comma is no cell break)
    assert table.params["rows"][0] == ["Men", 30, 20, 50]
    marks = [b for b in beats if b.rule == "highlight:column"]
    assert (marks[0].params["column"], marks[0].params["mode"]) == (2, "box")
    assert sorted(m.params["column"] for m in marks[1:]) == [3, 4]  # the other columns of values; the names stay
    assert all(m.params["mode"] == "dim" for m in marks[1:])


def test_a_formula_followed_by_a_line_in_words_are_two_lines_not_one_caption():
    beats, notes = planned('Under the chart write "P(rain | clouds) = 30 / 120 = 0.25" followed by the plain-language '
                           'line "one cloudy day in four brings rain".')
    assert [b.kind for b in beats] == ["equation", "text"]
    assert not [n for n in notes if "one caption" in n]


def test_a_derivation_written_line_by_line_in_one_sentence_is_steps():
    beats, _ = planned('Substitute the numbers in a derivation written line by line: "P = (0.9 x 0.1) / (0.9 x 0.1 + '
                       '0.2 x 0.9)", then "= 0.09 / (0.09 + 0.18)", then "= 0.09 / 0.27", and finally "= 0.333".')
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert len(steps.params["lines"]) == 4 and steps.params["lines"][-1] == "= 0.333"


def test_braces_under_pieces_of_the_formula_the_sentence_writes():
    beats, notes = planned('Write the formula "F = m a" in the center and add two braces with labels: "force" under F '
                           'and "mass times acceleration" under m a.')
    assert [b.kind for b in beats] == ["equation", "annotation", "annotation"]
    assert [(b.params["target"], b.params["label"]) for b in beats[1:]] == [("F", "force"), ("m a", "mass times acceleration")]
    assert not [n for n in notes if "brace" in n]


def test_closing_the_scene_is_no_motion():
    _, notes = planned('Show the formula "E = mc^2". To close the scene, write "that is all" under it.')
    assert not [n for n in notes if "motion" in n]


def plan_of(*details: str):
    sb = Storyboard.model_validate({"scenes": [scene(d, "Some narration here.", style="Default colours.") for d in details]})
    plan = plan_storyboard(sb)
    return plan.scenes, [f"{n.code} {n.message}" for n in plan.diagnostics]


TWO_LOOPS = ("Draw the circuit as a rectangle 6 wide and 3 tall, with a vertical middle branch.\n"
             "Left side: battery symbol labelled “E₁ = 9 V”.\n"
             "Top-left wire: zigzag resistor labelled “R₁ = 1 Ω”.\n"
             "Middle branch: zigzag resistor labelled “R₂ = 2 Ω”.\n"
             "Top-right wire: zigzag resistor labelled “R₃ = 5 Ω”.\n"
             "Right side: battery symbol labelled “E₂ = 3 V”.\n"
             "Current arrows: “Ia” on the top-left wire pointing right → toward the node; “Ib” on the middle branch "
             "pointing down ↓.")


def test_a_circuit_described_part_by_part_by_where_each_part_sits():
    (sp,), notes = plan_of(TWO_LOOPS)
    assert [b.kind for b in sp.beats] == ["circuit"]  # no rectangle, no loose labels, no chain of "pointing right"
    elements = sp.beats[0].params["elements"]
    assert [(e["type"], e.get("label"), e.get("value"), e.get("branch")) for e in elements] == [
        ("battery", "E₁", "9 V", None), ("resistor", "R₁", "1 Ω", None), ("resistor", "R₂", "2 Ω", 1),
        ("resistor", "R₃", "5 Ω", 2), ("battery", "E₂", "3 V", 2)]
    assert [e.get("current") for e in elements] == [None, "Ia", "Ib", None, None]
    assert sp.beats[0].params["layout"] == "parallel"
    # laid out and never given a part: said
    (sp,), notes = plan_of("Draw the circuit as a rectangle 6 wide and 3 tall, with a vertical middle branch.")
    assert not sp.beats or all(b.kind != "drawing" for b in sp.beats)
    assert [n for n in notes if "SB307" in n and "never given its parts" in n]


def test_the_circuit_of_an_earlier_scene_comes_back_with_its_currents_relabelled():
    scenes, notes = plan_of(TWO_LOOPS, 'Left half: the circuit at 0.6 scale, with the middle loop (R₂, E₂) highlighted.',
                            'Left: the circuit with the final currents written next to the arrows: "Ia ≈ 1.5 A", '
                            '"Ib ≈ 0.75 A". The Ib arrow turns red and its label changes to "0.75 A".')
    second, third = scenes[1], scenes[2]
    assert second.beats[0].rule == "circuit:recalled-from-scene-1"
    assert [n for n in notes if "SB307" in n and "'middle loop (R₂, E₂)' is not highlighted" in n]
    steps = [s for b in third.beats if b.rule == "circuit:steps" for s in b.params["steps"]]
    assert {(s["element"], s["text"]) for s in steps} >= {("resistor", "Ia ≈ 1.5 A"), ("resistor 2", "Ib ≈ 0.75 A"),
                                                          ("resistor 2", "0.75 A")}
    assert "flow" not in [b.kind for b in third.beats]
    assert [n for n in notes if "SB307" in n and "keeps its colour and direction" in n]
    # a circuit drawn here, even named "the circuit", is no recall
    scenes, _ = plan_of("Draw a series circuit with a 6 V battery and a 3 Ω resistor.",
                        "Draw the circuit on the left half: a rectangle of wires. Battery on the left side labeled "
                        "\"12 V\". Resistor R1 on the top wire labeled \"R1 = 4 Ω\".")
    assert not scenes[1].beats[0].rule.startswith("circuit:recalled")


def test_a_title_named_as_such_is_not_the_first_item_of_the_list_beside_it():
    beats, _ = planned('Show the title "Recap" at the top, and on the left list three bullet points, reading "Count '
                       'first", "Then divide" and "Check the units".')
    assert [b.kind for b in beats] == ["title", "bullets"]
    assert beats[1].params["items"] == ["Count first", "Then divide", "Check the units"]


def test_a_person_icon_described_by_its_shapes_is_the_icon():
    beats, notes = planned("On the right half draw a simple person icon made of a circle head and a rounded body.")
    assert [b.kind for b in beats] == ["icon"] and beats[0].params["icons"] == ["person"]


def test_a_column_named_in_a_later_scene_is_highlighted_on_the_recalled_table():
    scenes, _ = plan_of('Draw a table with columns "A", "B" and "C" and rows: 1 | 2 | 3; 4 | 5 | 6.',
                        'Beneath the formula, a small version of the table from the earlier scene with only the "B" '
                        'column highlighted.')
    kinds = [(b.kind, b.rule) for b in scenes[1].beats]
    assert ("highlight", "highlight:column") in kinds
    assert not [b for b in scenes[1].beats if b.kind == "table" and b.params.get("columns") == ["highlighted"]]


def test_a_derivation_under_a_half_heading_is_not_drawn_twice():
    beats, _ = planned("Right half, line by line:\n“a + b = 5”\n“2a + 2b = 10”\n“a = 5 − b”")
    assert [b.kind for b in beats] == ["steps"]


ROW = ("Show the sorted array of 8 numbers in a row of squares: 2, 5, 8, 12, 16, 23, 38, 56, with indices 0 to 7 "
       "below.")


def test_the_array_named_again_comes_back_and_its_pointers_sit_on_it():
    scenes, notes = plan_of(ROW, 'The 8-square array with indices.\nBlue arrow labeled "lo" under index 0 and blue '
                                 'arrow labeled "hi" under index 7.\nMove the lo arrow to index 4.')
    beats = scenes[1].beats
    assert beats[0].rule == "sequence:recalled-from-scene-1"
    pointers = [(b.rule, b.params["label"], b.params["items"]) for b in beats if b.kind == "annotation"]
    assert pointers == [("annotation:pointer", "lo", [1, 1]), ("annotation:pointer", "hi", [8, 8]),
                        ("annotation:pointer-moved", "lo", [5, 5])]
    assert not [b for b in beats if b.kind == "text"]
    scenes, notes = plan_of(ROW, "The array in the upper half of the screen with lo, mid, hi arrows.")
    assert scenes[1].beats[0].rule == "sequence:recalled-from-scene-1"
    assert [n for n in notes if "SB307" in n and "arrows are not brought back" in n]


def test_a_picture_named_with_numbers_it_does_not_carry_is_not_brought_back():
    scenes, _ = plan_of('Draw a bar chart with bars "0 heads" = 0.25, "1 head" = 0.5, "2 heads" = 0.25.',
                        "Show the bar chart for 20 coin flips with bars for 0 to 20 heads, tallest at 10.")
    assert not [b for b in scenes[1].beats if b.rule.startswith("bar_chart:recalled")]


def test_a_curve_traced_beside_a_spring_is_said_and_a_closing_text_is_no_motion():
    _, notes = planned("On the right, show a small block on a spring oscillating above a small cosine curve being traced.")
    assert [n for n in notes if "SB307" in n and "curve the motion traces is not drawn" in n]
    _, notes = planned('At the bottom, show the closing text "Springs are everywhere."')
    assert not [n for n in notes if "motion" in n]


# --------------------------------------------------------------------------- fresh29 (a helper's; measured untouched first)
def test_a_calculation_worked_line_by_line_in_one_sentence_is_steps_not_a_list():
    beats, _ = planned('Then work through a short calculation line by line on the right: "m = 2 kg", "a = 3 m/s²", '
                       '"F = m × a = 2 × 3", and finally "F = 6 N", which should be boxed.')
    assert [b.kind for b in beats][:1] == ["steps"]
    assert beats[0].params["lines"] == ["m = 2 kg", "a = 3 m/s²", "F = m × a = 2 × 3", "F = 6 N"]
    beats, _ = planned('On the right, substitute the numbers in a derivation where each line appears beneath the last: '
                       'first "E = m c^2", then "E = 1 × (3 × 10^8)^2", and finally "E = 9 × 10^16 J".')
    assert [b.kind for b in beats] == ["steps"] and len(beats[0].params["lines"]) == 3
    beats, _ = planned('On the right, write the reasoning as a short derivation: "T fixed ⇒ P V = constant", then '
                       '"P₂ = P₁ × V₁ / V₂", then "P₂ = 100 × 2 / 1", and finally "P₂ = 200 kPa".')
    assert [b.kind for b in beats] == ["steps"] and beats[0].params["lines"][0] == "T fixed ⇒ P V = constant"


def test_a_relation_written_beside_a_label_is_a_formula_of_its_own():
    beats, _ = planned('Draw one large upward arrow under the piston labeled "F", and write next to it the relation '
                       '"P = F / A".')
    assert any(b.kind == "equation" and b.params.get("exprs") == ["P = F / A"] for b in beats)
    assert not [b for b in beats if b.rule == "text:labels"]


def test_a_curve_asked_for_and_drawn_only_as_its_formulas_is_said():
    _, notes = planned(r"Plot f(t)\cos(2t) in yellow: the curve \cos(2t) for -1 \le t \le 1, and 0 outside.")
    assert [n for n in notes if "SB307" in n and "curve it asks to plot is not drawn" in n]
    _, notes = planned("Plot y = x^2 for x from 0 to 3.")
    assert not [n for n in notes if "curve it asks to plot" in n]


def test_the_colour_of_a_thing_named_after_an_element_is_no_element_colour():
    from compiler.planner.theme import element_colours

    assert element_colours("Output arrows: glucose orange (#FFA500), oxygen cyan (#00FFFF).") == {}
    beats, _ = planned("Show the equation CO2 + H2O -> glucose + O2.", style="Output arrows: oxygen cyan (#00FFFF).")
    assert not [b for b in beats if b.params.get("tints")]
