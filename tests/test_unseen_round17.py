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
