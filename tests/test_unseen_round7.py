"""Sentences from storyboards the planner was not written against that it misread (round 7). One test per
mechanism."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.context import Context
from compiler.planner.extract import manim_words

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="A test scene.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def shown(beats) -> list[str]:
    return [s for b in beats for s in b.strings]


def test_the_word_mathtex_before_a_bare_formula_is_never_shown():
    assert manim_words(r"Label the string MathTex L.") == "Label the string L."
    assert manim_words(r"Below, in smaller type: MathTex f = \frac{1}{T}") == r"Below, in smaller type: f = \frac{1}{T}"
    # (a quoted formula, or a style note in brackets, is left to the rules that read them)
    assert manim_words("Show it in a box: MathTex 'm^{2}'") == "Show it in a box: MathTex 'm^{2}'"
    assert "MathTex" in manim_words(r"(render as MathTex x, h, \hat{y})")
    beats, _ = planned(r"Below, in smaller type: MathTex f = \frac{1}{T} \approx 0.352 \text{ Hz}")
    assert [b.kind for b in beats] == ["equation"] and not any("MathTex" in s for s in shown(beats))


def test_curves_labelled_by_bare_formulas_take_them_in_order():
    beats, _ = planned("Draw axes with θ from 0 to 1.6. Plot y = θ as a straight line and y = sin θ as a curve. "
                       r"Label them MathTex y = \theta and MathTex y = \sin\theta.")
    assert [b.kind for b in beats] == ["plot", "plot"]
    assert [c["label"] for c in beats[1].params["curves"]] == [r"y = \theta", r"y = \sin\theta"]
    assert [c["expr"] for c in beats[1].params["curves"]] == ["y = θ", "y = sin θ"]  # y = θ is a curve too


def test_bars_written_one_per_line_with_arrows_and_an_axis_name_after_them():
    beats, notes = planned('Bottom: a bar chart of period against length with four bars:\n"0.5 m" → 1.42 s\n'
                           '"1 m" → 2.01 s\n"2 m" → 2.84 s\n"8 m" → 5.68 s\n'
                           'Vertical axis "T (s)" from 0 to 6, value written on top of each bar.')
    assert [b.kind for b in beats] == ["bar_chart"]
    p = beats[0].params
    assert p["labels"] == ["0.5 m", "1 m", "2 m", "8 m"] and p["values"] == [1.42, 2.01, 2.84, 5.68]
    assert "5.68 s" in shown(beats) and "T (s)" in p["title"]
    assert any("no axis scale" in n for n in notes)  # the range 0..6 is said to be lost


def test_a_place_before_a_colon_or_a_comma_is_no_part_of_what_is_shown():
    beats, _ = planned(r"Next to the chart: MathTex T \propto \sqrt{L}")
    assert shown(beats) == [r"T \propto \sqrt{L}"] and beats[0].kind == "equation"
    beats, _ = planned("Next to it, write T = 2π√(L/g).")
    assert shown(beats) == ["T = 2π√(L/g)"]
    beats, _ = planned("On the right, x = 5.")
    assert shown(beats) == ["x = 5"]


def test_pi_spelled_out_is_part_of_the_formula():
    beats, _ = planned("Write T = 2 pi sqrt(L/g).")
    assert shown(beats) == ["T = 2 pi sqrt(L/g)"]


def test_charges_are_still_read_where_a_number_starts():
    # (a charge's value is looked for where a number starts — test_bounded times a long run of digits)
    beats, _ = planned("Place a +3 μC charge at (0, 0) and a -2 nC charge at (2, 0).")
    assert [b.kind for b in beats] == ["physics"]


class _Scene:
    def __init__(self, number: int, kinds: list[str]):
        self.number = number
        self.kinds = frozenset(kinds)


def test_earlier_scenes_by_kind_latest_first():
    history = (_Scene(1, ["graph", "title"]), _Scene(2, ["table"]), _Scene(3, ["graph"]))
    ctx = Context(theme=None, scene_plot="", history=history)
    assert [sp.number for sp in ctx.earlier("graph")] == [3, 1]
    assert [sp.number for sp in ctx.earlier("table")] == [2]
    assert ctx.earlier("plot") == []


def test_a_bob_on_a_string_is_a_pendulum_with_its_forces_labelled_bare():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Pivot at (-3.5, 3). Draw the string of length 3.5 at an angle of 25° to the right of a dashed vertical line, "
        "bob at the end (radius 0.22).\nDraw an angle arc between the dashed vertical and the string, labelled MathTex "
        "\\theta.\nDraw the dotted circular arc the bob travels on, from -40° to +40°.\nFrom the bob draw a downward "
        "arrow of length 1.6 labelled MathTex mg.\nResolve the weight into two dashed arrows: one along the string, "
        "labelled MathTex mg\\cos\\theta; one tangent to the arc, labelled MathTex mg\\sin\\theta.\n"
        'Draw the tension arrow from the bob toward the pivot, labelled "tension".\nOn the right side write, one line '
        'after the other:\n   - "Along the string: tension balances mg cos θ"\n   - "Along the arc: only mg sin θ acts"'
        "\n   - MathTex F = -mg\\sin\\theta\nUnder the formula, a small note: \"minus sign: it points back\".",
        "Two forces act on the bob.", plot="Forces on the bob.")]})
    beats = list(plan_storyboard(sb).scenes[0].beats)
    p = next(b for b in beats if b.kind == "physics").params["pendulum"]
    assert p["angle"] == 25.0 and p["angle_label"] == "\\theta" and p["weight"] == "mg" and p["tension"] == "tension"
    assert p["components"] == ["mg\\cos\\theta", "mg\\sin\\theta"]
    # the list's prose lines stay a list; the formula they lead to is typeset on its own; no earlier formula recalled
    assert [b.kind for b in beats if b.kind != "physics"] == ["bullets", "equation", "text"]
    assert next(b for b in beats if b.kind == "equation").params["exprs"] == ["F = -mg\\sin\\theta"]


def test_a_listener_icon_that_looks_like_a_person():
    beats, _ = planned("A listener icon (a simple person) stands below the road at the centre.")
    assert [(b.kind, b.params["icons"]) for b in beats] == [("icon", ["person"])]


def test_axis_labels_inside_the_axes_sentence():
    beats, _ = planned('Axes with x from 0 to 6 and y from 0 to 7, axis labels "x" and "y", ticks every 1.')
    assert [(b.kind, b.params.get("x_label"), b.params.get("y_label")) for b in beats] == [("plot", "x", "y")]


def test_named_lists_of_values_are_the_columns_of_a_table():
    beats, _ = planned("Show a small data table at the top right: x: 1, 2, 3, 4, 5 and y: 2, 4, 5, 4, 5.")
    assert [b.kind for b in beats] == ["table"]
    assert beats[0].params["columns"] == ["x", "y"] and beats[0].params["rows"][2] == [3, 5]


def test_a_bracketed_list_of_equations_is_each_curve_and_a_point_stays_one():
    beats, notes = planned("Draw axes from 0 to 6. Draw a small data table at the top right: x: 1, 2, 3 and y: 2, 4, 5. "
                           "Draw three candidate lines one after another (y = 0.3x + 3, y = x + 1, y = 1.2x + 0.5), "
                           "each briefly, then fade them.")
    plots = [b for b in beats if b.kind == "plot"]
    assert [c["expr"] for c in plots[-1].params["curves"]] == ["y = 0.3x + 3", "y = x + 1", "y = 1.2x + 0.5"]
    assert not [b for b in beats if b.kind == "equation"] and not [n for n in notes if "could only be read" in n]
    from compiler.planner.extract import formula_spans
    assert [t for t, *_ in formula_spans("plot the point on the graph: (Q = 20, P = 40), (40, 30)")][:1] == [
        "(Q = 20, P = 40)"]


def test_an_arrow_from_one_bar_to_another_is_an_annotation_on_the_chart():
    beats, _ = planned('A bar chart with four bars:\n"0.5 m" → 1.42 s\n"1 m" → 2.01 s\n"2 m" → 2.84 s\n"8 m" → 5.68 s\n'
                       'Draw a curved arrow from the "2 m" bar to the "8 m" bar with the label "4× length → 2× period".')
    assert [b.kind for b in beats] == ["bar_chart", "annotation"]
    assert beats[1].params == {"style": "link", "target": ["2 m", "8 m"], "label": "4× length → 2× period"}


def test_a_table_with_the_same_columns_as_the_one_before():
    sb = Storyboard.model_validate({"scenes": [
        scene('Table “Start: Sunny” with columns “day”, “P(Sunny)”, “P(Rainy)”:\n0 | 1 | 0\n1 | 0.9 | 0.1', "One."),
        scene("Table “Start: Rainy” with the same columns:\n0 | 0 | 1\n1 | 0.5 | 0.5\n2 | 0.7 | 0.3", "Two.")]})
    table = next(b for b in plan_storyboard(sb).scenes[1].beats if b.kind == "table")
    assert table.params["columns"] == ["day", "P(Sunny)", "P(Rainy)"] and len(table.params["rows"]) == 3


def test_a_line_without_cells_after_piped_rows_is_the_next_instruction():
    beats, _ = planned("Table with columns “day”, “gap”, “ratio”:\n0 | 0.1667 | –\n1 | 0.0667 | 0.4\n"
                       "Text: “gap shrinks ×0.4 per day”.")
    assert [b.kind for b in beats] == ["table", "text"] and len(beats[0].params["rows"]) == 2


def test_a_case_and_its_result_on_one_line_are_one_formula():
    beats, _ = planned("Show:\nh = 0.5: slope = (12.25 - 9) / 0.5 = 3.25 / 0.5 = 6.5")
    assert shown(beats) == ["h = 0.5: slope = (12.25 - 9) / 0.5 = 3.25 / 0.5 = 6.5"]


def test_numbered_lines_with_ratios_are_one_derivation():
    beats, _ = planned("Line 1: prior odds of sick : healthy = 1 : 99\nLine 2: likelihood ratio = 90% / 9% = 10\n"
                       "Line 3: posterior odds = 1 : 99 × 10 = 10 : 99")
    assert [b.kind for b in beats] == ["steps"]
    assert beats[0].params["lines"][2] == "posterior odds = 1 : 99 × 10 = 10 : 99"
    from compiler.planner.extract import formula_spans
    assert [t for t, *_ in formula_spans("Check with odds: 10 : 99 × 10 = 100 : 99 → 100 / 199 ≈ 50%")] == [
        "10 : 99 × 10 = 100 : 99 → 100 / 199 ≈ 50%"]


def test_bars_in_single_quotes_with_their_heights_one_per_line():
    beats, _ = planned("Bar chart with two bars:\n'Sick and positive' with height 90,\n'Healthy and positive' with height 891.")
    assert [(b.kind, b.params.get("values")) for b in beats] == [("bar_chart", [90, 891])]


def test_a_grid_in_a_scene_about_a_matrix_is_the_plane_and_no_earlier_tiles():
    sb = Storyboard.model_validate({"scenes": [
        scene("Rearrange the area into 5 unit squares in a 5 × 1 strip.", "One."),
        scene("Show the matrix A = [[3, 1], [1, 2]].\nOriginal grid with a circle of radius 1 centered at (0, 0), label "
              "“area = π ≈ 3.14”.\nOverlay the small grid squares inside the circle.\nApply A: the circle becomes an "
              "ellipse.", "Two.")]})
    beats = list(plan_storyboard(sb).scenes[1].beats)
    assert "grid" not in [b.kind for b in beats]
    planes = [b for b in beats if b.kind == "vector_plane"]
    assert planes[0].params["shapes"][0]["label"] == "area = π ≈ 3.14"
    assert planes[-1].params["matrices"][0]["label"] == "A"


def test_bars_as_a_quoted_label_and_a_bare_value_and_one_bar_that_jumps():
    beats, _ = planned('Show the three equilibrium concentrations as bars: "N₂" 0.80, "H₂" 2.40, "NH₃" 0.40.\n'
                       'The N₂ bar jumps to 1.60 with the label "+0.80 M N₂ added".')
    assert [b.kind for b in beats][:2] == ["bar_chart", "bar_chart"]
    assert beats[0].params["values"] == [0.8, 2.4, 0.4] and beats[1].params["new_values"] == [1.6, 2.4, 0.4]


def test_bar_values_in_dollars_keep_their_sign_before_the_number():
    beats, _ = planned('Bar chart: value of $100 after 10 years at different inflation rates:\n"2%" → $82.03\n'
                       '"10%" → $38.55')
    assert [b.kind for b in beats] == ["bar_chart"] and beats[0].params["unit"] == "$"
    assert "$82.03" in shown(beats)
    from compiler.runtime.components.bar_chart import fmt
    assert fmt(82.03, "$") == "$82.03" and fmt(1.42, " s") == "1.42 s"


def test_two_small_pendulums_described_without_a_verb():
    beats, _ = planned('Top left, two small pendulums of equal length side by side, one with a small bob labelled "1 kg" '
                       'and one with a large bob labelled "5 kg"; they swing in perfect sync.')
    p = next(b for b in beats if b.kind == "physics").params["pendulum"]
    assert (p["bob_label"], p["second"]) == ("1 kg", "5 kg")


def test_a_log_one_line_per_step_is_a_list_and_never_gains_an_equals_sign():
    beats, _ = planned("Step-by-step log on the right side, one line per step:\n1. 3 vs 9 -> output 3\n"
                       "2. 27 vs 9 -> output 9\n3. L is empty -> copy 82")
    assert [b.kind for b in beats] == ["bullets"]
    assert beats[0].params["items"] == ["3 vs 9 -> output 3", "27 vs 9 -> output 9", "L is empty -> copy 82"]
    beats, _ = planned("Show the steps: 3 × [2, 0] + 2 × [1, 1], then [6, 0] + [2, 2], then [8, 2].")
    assert beats[0].params["lines"] == ["3 × [2, 0] + 2 × [1, 1]", "= [6, 0] + [2, 2]", "= [8, 2]"]  # arithmetic: a chain


def test_named_lists_and_an_empty_row_with_no_invented_numbers():
    beats, _ = planned('- Left list "A" = [2, 5] at (-4, 1), right list "B" = [1, 7] at (4, 1), empty output row '
                       '"Result" with 4 cells at (0, -1.5).')
    assert [(b.kind, b.params.get("label") or b.params.get("caption")) for b in beats] == [
        ("sequence", "A"), ("sequence", "B"), ("grid", "Result")]
    assert beats[2].params["numbered"] is False and beats[2].params["count"] == 4
    beats, _ = planned("- Output row of 7 empty cells at (0, -1).")
    assert beats[0].params.get("numbered") is False and not beats[0].strings


def test_a_curve_written_in_tex_is_plotted_and_its_formula_shown_when_asked():
    from compiler.formula import try_formula

    f = try_formula(r"S_1(x) = \frac{4}{\pi}\sin x")
    assert f is not None and abs(f.fn(1.0) - 4 / 3.141592653589793 * 0.8414709848) < 1e-6
    assert try_formula(r"\int_0^1 x dx") is None  # not a curve
    assert try_formula("y = " + r"\sqrt{" * 200 + "x" + "}" * 200) is None  # too long or too deep: refused, no crash
    beats, _ = planned(r"Draw axes from -2π to 2π. Plot S_1(x) = \frac{4}{\pi}\sin x. Show its formula at the top right. "
                       r"Then plot S_3(x) = \frac{4}{\pi}\left(\sin x + \frac{\sin 3x}{3}\right). Update the formula.")
    assert [b.kind for b in beats] == ["plot", "plot", "equation", "plot", "equation"]
    assert beats[4].params["replaces"] == r"S_1(x) = \frac{4}{\pi}\sin x"


def test_bar_heights_after_a_verbless_bar_chart_sentence():
    beats, _ = planned("Bar chart with x labels n = 1 to 9 and y from 0 to 1.4.\nBar heights: n = 1: 1.273, n = 2: 0, "
                       "n = 3: 0.424.")
    assert [b.kind for b in beats] == ["bar_chart"] and beats[0].params["values"] == [1.273, 0, 0.424]


def test_then_plot_draws_on_the_axes_on_screen_and_axes_labelled_after_their_ranges():
    beats, _ = planned("Draw axes with x from -3 to 3 (ticks every 1) and y from -1 to 8 (ticks every 1), labelled 'x' "
                       "and 'y', and plot y = e^x. Then plot P_1(x) = 1 + x.")
    assert [b.kind for b in beats] == ["plot", "plot"] and beats[1].params.get("extend") is True
    assert (beats[0].params["x_label"], beats[0].params["y_label"]) == ("x", "y")
    assert not any("Ticks" in s for s in shown(beats))


def test_values_of_curves_at_a_point_that_are_not_all_points_stay_lines():
    beats, _ = planned("Draw axes with x from -3 to 3 and y from -1 to 8. Plot y = e^x. Then plot P_1(x) = 1 + x.\n"
                       "Show the values at x = 1:\nMathTex e^1 \\approx 2.718\nMathTex P_1(1) = 1 + 1 = 2")
    maths = [s for b in beats if b.kind in ("steps", "equation") for s in b.strings]
    assert maths == ["e^1 \\approx 2.718", "P_1(1) = 1 + 1 = 2"]  # both lines, neither made a point


def test_a_payoff_matrix_with_row_and_column_headers_is_a_table_with_an_empty_corner():
    beats, _ = planned('Draw the payoff matrix as a 3 by 3 grid: the top-left cell empty, column headers "Ben: Contribute" '
                       'and "Ben: Keep", row headers "Ana: Contribute" and "Ana: Keep". Cells (Ana\'s payoff first):\n'
                       '"(15, 15)" | "(7.5, 17.5)"\n"(17.5, 7.5)" | "(10, 10)"\n'
                       'Under the matrix write the reading rule: "(Ana\'s payoff, Ben\'s payoff)".')
    assert [b.kind for b in beats] == ["table", "text"]
    assert beats[0].params["columns"] == ["", "Ben: Contribute", "Ben: Keep"]
    assert beats[0].params["rows"][1] == ["Ana: Keep", "(17.5, 7.5)", "(10, 10)"]
    from compiler.components.table import MODEL
    MODEL.model_validate({"kind": "table", **{k: v for k, v in beats[0].params.items() if k != "pending"}})


def test_a_single_neuron_with_its_inputs_and_output_is_a_network():
    beats, notes = planned('Draw three input circles on the left labelled "x₁ = 2", "x₂ = 1", "x₃ = 0.5"; a larger neuron '
                           "circle at (0, 0); and an output circle at (3.5, 0). Connect each input to the neuron with a "
                           "line, and the neuron to the output with an arrow.")
    assert [(b.kind, b.params["layers"]) for b in beats] == [("network", [3, 1, 1])]
    assert beats[0].params["nodes"][:3] == ["x₁ = 2", "x₂ = 1", "x₃ = 0.5"] and not notes


def test_rows_of_comma_separated_cells_under_the_columns_and_a_move_that_misses_reads_on():
    beats, notes = planned('Show a row of cells holding 2, 5, 8.\nMove the array up and show a trace table below it with '
                           'columns "step", "low", "action":\n   Row 1: 1, 0, "go right"\n   Row 2: 2, 5, "go left"')
    table = next(b for b in beats if b.kind == "table")
    assert table.params["rows"] == [[1, 0, "go right"], [2, 5, "go left"]]
    beats, notes = planned('Show the title "Trace".\nMove the ambulance up and show a table with columns "a", "b":\n'
                           '   Row 1: 1, 2')
    assert "table" in [b.kind for b in beats] and any("not moved" in n for n in notes)


def test_a_law_written_as_products_of_letters_is_typeset_and_its_symbols_labelled():
    from compiler.mathtext import to_tex

    assert to_tex("PV = nRT").tex == "PV = nRT" and to_tex("E = mgh").tex == "E = mgh"
    assert to_tex("z = cat").tex == r"z = \mathrm{cat}"  # a word stays a word
    from compiler.mathtext import is_formula_line
    assert is_formula_line("det(R - lambda I) = lambda^2 + 1 = 0") and is_formula_line("PV = nRT")
    assert not is_formula_line("F = force (newtons)") and not is_formula_line("pressure = voltage")
    beats, _ = planned('Show "PV = nRT" at the top.')
    assert [b.kind for b in beats] == ["equation"]
    beats, _ = planned('Write the equation "PV = nRT" large in the center.\nThen draw a small label with an arrow under '
                       'each symbol:\n"P: pressure in pascals"\n"V: volume in m³"\n"T: temperature in kelvin"')
    assert [(b.kind, b.params.get("target")) for b in beats] == [
        ("equation", None), ("annotation", "P"), ("annotation", "V"), ("annotation", "T")]


def test_a_counter_with_its_states_is_one_text_that_changes_in_place():
    beats, _ = planned('Show a small counter "terms: 1", "terms: 2", "terms: 3" in the top left as each term is added.')
    assert [(b.kind, b.params.get("replaces")) for b in beats] == [
        ("text", None), ("text", "terms: 1"), ("text", "terms: 2")]
    beats, _ = planned('Show three bullets: "2 apples", "3 pears", "4 plums".')
    assert [b.kind for b in beats] == ["bullets"]  # a list of counted things is no counter


def test_boxes_declared_then_a_message_and_its_reply_between_them():
    beats, notes = planned('Resolver box on the left, "Root server" box on the upper right.\nYellow arrow from resolver to '
                           'root with the message "Where is www.example.com?".\nOrange arrow back with the referral: '
                           '"Ask a .com server".')
    flow = beats[0]
    assert flow.kind == "flow" and flow.params["nodes"] == ["Resolver", "Root server"]
    assert flow.params["both_ways"] is True and flow.params["arrows"] is True
    assert flow.params["edge_labels"] == ["Where is www.example.com?", "Ask a .com server"] and not notes


def test_an_arrow_a_flow_cannot_draw_keeps_its_label_as_text_and_says_so():
    beats, notes = planned('Left to right: "Browser" box, "Recursive resolver" box, "Web server" box.\n'
                           'Green arrow from resolver to browser labelled "93.184.216.34".')
    assert beats[0].params["arrows"] is False and not beats[0].params.get("edge_labels")
    assert "93.184.216.34" in shown(beats[1:]) and any("is not drawn" in n for n in notes)


def test_a_derivation_line_with_a_tex_relation_is_a_line_not_a_note():
    beats, _ = planned("Derivation, one line at a time:\n   MathTex '(m^e)^d = m^{ed}'\n   MathTex '= m^{1 + k\\varphi(n)}'\n"
                       "   MathTex '\\equiv m \\cdot 1^k'\n   MathTex '\\equiv m \\pmod{n}'")
    steps = next(b for b in beats if b.kind == "steps")
    assert steps.params["lines"][-1] == "\\equiv m \\pmod{n}" and not steps.params.get("notes")


def test_resistors_placed_on_the_wires_of_a_circuit_join_it_with_their_values():
    beats, notes = planned('Draw the circuit on the left half: a rectangle of wires with corners (-5.5, 1.5), (-1, 1.5), '
                           '(-1, -1.5), (-5.5, -1.5). Battery on the left side at (-5.5, 0) labeled "6 V". Resistor R1 on '
                           'the top wire centered at (-3.25, 1.5) labeled "R1 = 3 Ω". Resistor R2 on the right wire '
                           'centered at (-1, 0), drawn vertically, labeled "R2 = 3 Ω".')
    assert [b.kind for b in beats] == ["circuit"]
    assert [(e["type"], e.get("label"), e.get("value")) for e in beats[0].params["elements"]] == [
        ("battery", None, "6 V"), ("resistor", "R1", "3 Ω"), ("resistor", "R2", "3 Ω")]
