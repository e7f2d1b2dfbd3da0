"""Round 16 (storyboards written and labelled by helpers, /tmp/fresh25–26: a gas balloon, Newton's method, merge sort,
Taylor series, the Doppler effect, Huffman codes, an RC circuit, Monte Carlo π): what a picture's sentence quotes is
never listed silently in place of the picture."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_labels_of_a_picture_listed_apart_are_said():
    beats, notes = planned('On the right, the balloon circle grows from radius 1.0 ("2.0 L") to radius 1.14 ("3.0 L"), '
                           'with the note "volume × 1.5 → radius × ∛1.5 ≈ 1.14".')
    assert [n for n in notes if "SB307" in n and "balloon circle grows" in n and "listed apart" in n]
    # a list the sentence asks for is no loss: nothing said
    _, notes = planned('On the left, write the given values: "n = 30", "mu = 3.5", "sigma = 1.7".')
    assert not [n for n in notes if "listed apart" in n]
    _, notes = planned('Show four lines on the left: "Client sends SYN", "Server answers", "Client acks", "Done".')
    assert not [n for n in notes if "listed apart" in n]


def test_named_formula_lines_under_a_colon_are_one_derivation():
    beats, _ = planned("On the right, write these lines one after another:\nArea of square = 1 × 1 = 1\n"
                       "Area of quarter circle = (1/4) · π · 1² = π/4\nP(point inside) = (π/4) / 1 = π/4 ≈ 0.785\n"
                       "inside / total ≈ π/4\nπ ≈ 4 × inside / total\nBox the final line.")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][0] == "Area of square = 1 × 1 = 1"  # the name stays with its line
    assert steps.params["lines"][-1] == "π ≈ 4 × inside / total" and len(steps.params["lines"]) == 5


def test_a_comparison_with_its_verdict_is_one_line_of_the_working():
    from compiler.mathtext import is_formula_line, to_tex

    assert is_formula_line("0.50 ≤ 1 -> inside") and is_formula_line("1.13 > 1 -> outside")
    assert to_tex("1.13 > 1 -> outside").tex == r"1.13 > 1 \to \mathrm{outside}"
    assert not is_formula_line("F = force (newtons)")  # a meaning, still no formula
    beats, _ = planned("Point Q at (0.8, 0.7): draw the same construction, and show:\n0.8² + 0.7² = 0.64 + 0.49 = 1.13\n"
                       "1.13 > 1 -> outside")
    assert "flow" not in [b.kind for b in beats]  # the verdict's arrow is no diagram
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"] == ["0.8² + 0.7² = 0.64 + 0.49 = 1.13", "1.13 > 1 -> outside"]


def test_numbers_where_projections_meet_the_axes_are_not_the_axes_names():
    beats, _ = planned("Draw axes with x from 0 to 1 and y from 0 to 1. Point P at (0.5, 0.5): draw a dot and a dashed "
                       "line from the origin to P, with dashed projections to the axes labeled \"0.5\" and \"0.5\".")
    plot = beats[0]
    assert plot.params.get("x_label") != "0.5" and plot.params.get("y_label") != "0.5"
    assert any(b.kind == "plot" and b.params.get("points") for b in beats) or any(
        "(0.5, 0.5)" in b.strings for b in beats)


def test_a_row_of_boxes_with_a_note_under_each():
    import pytest
    from pydantic import ValidationError

    from compiler.components.sequence import SequenceVisual, drawn

    beats, _ = planned("Show the word in a row of letter boxes and under each letter its code: A 0, B 110, R 111, A 0, "
                       "C 100.")
    (seq,) = beats
    assert seq.kind == "sequence"
    assert seq.params["tokens"] == ["A", "B", "R", "A", "C"]
    assert seq.params["below"] == ["0", "110", "111", "0", "100"]  # codes as written, zeros kept
    assert "110" in drawn(seq.params)
    with pytest.raises(ValidationError, match="one under each token"):
        SequenceVisual(kind="sequence", tokens=["A", "B"], below=["0"])


def test_codes_with_leading_zeros_stay_as_written_in_a_table():
    beats, _ = planned('Left side: a table with columns "Letter" and "3-bit code": A 000, B 001, R 010, C 011, D 100. '
                       'Write the rule at the bottom: "Prefix-free: no code may be the beginning of another code".')
    (table,) = [b for b in beats if b.kind == "table"]
    assert table.params["rows"] == [["A", "000"], ["B", "001"], ["R", "010"], ["C", "011"], ["D", 100]]
    # the rule is a line of its own, never a row of the table
    assert any(b.kind == "text" and "Prefix-free" in b.strings[0] for b in beats)


def test_a_quoted_line_after_a_colon_is_no_row_of_the_table_waiting_for_rows():
    beats, _ = planned('Draw a table with columns "Letter" and "Code". '
                       'Write the rule at the bottom: "Prefix-free: no code may be the beginning of another code".')
    (table,) = [b for b in beats if b.kind == "table"]
    assert not any("Prefix-free" in str(c) for r in table.params["rows"] for c in r)


def test_people_placed_by_name_are_person_icons_with_their_letters():
    beats, notes = planned("Place listener A on the right at (5, 0) and listener B on the left at (-6, 0).")
    (icon,) = beats
    assert icon.kind == "icon" and icon.params == {"icons": ["person", "person"], "labels": ["A", "B"]}
    beats, notes = planned("Show how the user sends a request to the server.")
    assert "icon" not in [b.kind for b in beats]  # a person named in passing is no icon to place


def test_two_columns_with_headings_after_a_comma_are_one_comparison_of_two_derivations():
    beats, _ = planned("Left column, heading 'Approaching':\nf′ = 700 · 343 / (343 - 30)\nf′ ≈ 767 Hz\n"
                       "Right column, heading 'Moving away':\nf′ = 700 · 343 / (343 + 30)\nf′ ≈ 644 Hz")
    assert [b.kind for b in beats] == ["comparison"]  # no title, no two lists
    p = beats[0].params
    assert p["titles"] == ["Approaching", "Moving away"]
    assert p["lines"] == [["f′ = 700 · 343 / (343 - 30)", "f′ ≈ 767 Hz"], ["f′ = 700 · 343 / (343 + 30)", "f′ ≈ 644 Hz"]]


def test_wavefronts_of_a_source_that_stands_still_or_moves_at_the_speed_said():
    beats, _ = planned("Place the red source dot at (-3, 0). Every 0.5 seconds, emit a new circle from the dot that grows "
                       "outward at a constant rate, so that at any moment 6 circles are visible, all centered on the dot.")
    (wave,) = [b for b in beats if b.kind == "wave"]
    assert wave.params["doppler"] == {"speed": 0, "fronts": 6}  # one circle emitted at a time is a wavefront too
    beats, _ = planned("The red source dot starts at (-4, 0) and moves to the right at constant speed (about one third "
                       "of the wave speed, so the effect is clearly visible). Every 0.5 seconds it emits a circle "
                       "centered at its current position.")
    (wave,) = [b for b in beats if b.kind == "wave"]
    assert wave.params["doppler"]["speed"] == 0.333  # the speed said in the sentence before


def test_a_factorial_before_tex_spacing_ends_no_sentence_and_a_connective_names_no_formula():
    from compiler.text import split_sentences

    assert split_sentences(r"Then the pattern: P^{(n)}(0) = n! \, c_n. Require it.") == [
        r"Then the pattern: P^{(n)}(0) = n! \, c_n.", "Require it."]
    beats, _ = planned(r"Then the pattern: P^{(n)}(0) = n! \, c_n")
    (eq,) = beats
    assert eq.params["exprs"] == [r"P^{(n)}(0) = n! \, c_n"] and not eq.params.get("label")


def test_a_line_across_the_plot_written_as_its_equation_with_its_formula_label():
    beats, _ = planned("Draw axes with x from -3 to 3 and y from -1 to 8, and plot the curve y = e^x. "
                       "Step 1: draw the horizontal line y = 1 and label it MathTex P_0(x) = 1 with the caption "
                       "\"same value at 0\". Step 2: transform it into the tangent line y = 1 + x, labeled MathTex "
                       "P_1(x) = 1 + x with caption \"same value and slope\".")
    marks = [m for b in beats if b.kind == "plot" for m in b.params.get("markers") or []]
    assert marks == [{"axis": "y", "value": 1, "label": "P_0(x) = 1"}]
    tangent = [b for b in beats if b.kind == "plot" and "P_1(x) = 1 + x" in b.strings]
    assert tangent and tangent[0].rule == "plot:extend-formula"  # the line as written, not a tangent worked out


def test_a_row_of_nodes_with_their_counts_below_changes_in_place():
    beats, notes = planned("Show the starting row of five leaf nodes from left to right: C (1), D (1), B (2), R (2), A (5); "
                           "each leaf is a circle with the letter inside and the count below it. "
                           "Merge 1: highlight C and D, draw a new internal node above them with the weight \"2\". "
                           "The row is now: [2], B (2), R (2), A (5).")
    rows = [b for b in beats if b.kind == "sequence"]
    assert rows[0].params["tokens"] == ["C", "D", "B", "R", "A"] and rows[0].params["below"] == ["1", "1", "2", "2", "5"]
    assert rows[1].params == {"tokens": ["[2]", "B", "R", "A"], "below": ["", "2", "2", "5"], "mode": "show",
                              "update": True}
    assert "" not in rows[1].strings
    # the node asked for is not drawn: said, the weight "2" is not left alone on screen without a word
    assert [n for n in notes if "SB307" in n and "node of a tree or graph" in n]


def test_bars_named_in_quotes_then_given_values_snapshot_by_snapshot():
    beats, notes = planned('On the right, a bar chart with two bars, "V_R" and "V_C", on a y axis from 0 to 10 V. '
                           'Snapshot 1, label "t = 0": V_R = 10 V, V_C = 0 V. '
                           'Snapshot 2, label "t = 1 s": V_R = 3.68 V, V_C = 6.32 V.')
    bars = [b for b in beats if b.kind == "bar_chart"]
    assert bars[0].params["labels"] == ["V_R", "V_C"] and bars[0].params["values"] == [10, 0]
    assert bars[1].params["values"] == [10, 0] and bars[1].params["new_values"] == [3.68, 6.32]
    assert "6.32 V" in bars[1].strings  # the values the bars change to are what they show
    # the values are shown by the bars, not written again as a formula beside them
    assert not [b for b in beats if b.kind == "equation" and "V_R" in " ".join(b.strings)]
    assert [n for n in notes if "no axis scale" in n]


def test_a_small_copy_of_the_circuit_or_curve_recalls_it():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw the circuit: a battery '10 V', a resistor 'R = 10 kΩ' and a capacitor 'C = 100 μF' in series.",
              "A battery, a resistor and a capacitor."),
        scene("On the left, a small copy of the circuit.", "Here it is again.")]})
    plan = plan_storyboard(sb)
    assert plan.scenes[0].beats[0].kind == "circuit"
    assert [b.kind for b in plan.scenes[1].beats] == ["circuit"]


def test_a_term_added_to_the_curve_on_screen_grows_the_partial_sum():
    beats, _ = planned('Draw axes with x from -8 to 8. Plot y = sin(x). Transform to degree 5: y = x - x^3/6 + x^5/120, '
                       'label "degree 5". Transform to degree 7: adds - x^7/5040, label "degree 7".')
    last = beats[-1]
    assert last.kind == "plot" and last.params["replace"]
    assert last.params["curves"] == [{"expr": "y = x - x^3/6 + x^5/120 - x^7/5040", "label": "degree 7"}]


def test_tick_marks_at_multiples_of_pi_are_the_axis_marks_not_a_check_icon():
    beats, _ = planned('Axes with x range [-8, 8] and y range [-3, 3], x axis labeled "x", with tick marks at multiples '
                       'of pi labeled "-2π", "-π", "π", "2π".')
    assert "icon" not in [b.kind for b in beats]


def test_cards_one_a_line_with_their_lines_and_a_list_below_them():
    beats, _ = planned('Show three cards side by side:\nCard 1 "Voltage": "V_C(t) = V0 (1 - e^(-t/RC))".\n'
                       'Card 2 "Current": "I(t) = (V0 / R) e^(-t/RC)".\n'
                       'Card 3 "Time constant": "τ = RC", "63.2% after τ", "~full after 5τ".\n'
                       'Below the cards, list the uses as bullets: "Camera flash", "Timers", "Filters".')
    assert [b.kind for b in beats] == ["cards", "bullets"]
    assert beats[0].params["figures"] == ["Voltage", "Current", "Time constant"]
    assert beats[0].params["captions"][2] == "τ = RC\n63.2% after τ\n~full after 5τ"


def test_cards_given_one_a_sentence_are_one_row_and_fading_them_opens_no_new_cards():
    beats, notes = planned('Show three framed cards side by side:\n'
                           'Card 1: "Radar speed gun" with the text "reflected radio waves shift in frequency".\n'
                           'Card 2: "Doppler ultrasound" with the text "echoes from moving blood".\n'
                           'Card 3: "Redshift of galaxies" with the text "light from receding galaxies".\n'
                           'Then fade the cards and show the summary as three numbered lines:\n'
                           '"1. Moving source: crests squeezed in front"\n"2. f′ = f · (v + v_o) / (v - v_s)"\n'
                           '"3. Ambulance: 767 Hz approaching"')
    assert [b.kind for b in beats] == ["cards", "bullets"]
    cards = beats[0].params
    assert cards["figures"] == ["Radar speed gun", "Doppler ultrasound", "Redshift of galaxies"]
    assert cards["captions"][1] == "echoes from moving blood"
    assert beats[1].params["items"][1] == "f′ = f · (v + v_o) / (v - v_s)"
    assert not [n for n in notes if n.startswith("SB301")]  # the announcing sentence is drawn by the cards
    _, notes = planned("Show three framed cards side by side:")
    assert [n for n in notes if "cards it announces are never given their text" in n]


NEWTON = ("Left half: axes with x from 0 to 3 and y from −2 to 5, curve y = x² − 2. "
          "Pick a generic guess at x = 2.2 on the x-axis, labelled \"x_n\". "
          "Draw a dashed vertical line up to the curve point (x_n, f(x_n)). "
          "Draw the tangent line at that point and extend it until it crosses the x-axis; mark the crossing with a dot "
          "labelled \"x_{n+1}\".")


def test_newtons_construction_up_to_the_curve_then_the_tangent_to_where_it_crosses_the_axis():
    beats, notes = planned(NEWTON)
    up, tangent = [b for b in beats if b.rule in ("plot:up-to-curve", "plot:tangent")]
    assert up.params["segments"] == [{"start": [2.2, 0], "end": [2.2, 2.84], "style": "dashed"}]
    assert tangent.params["curves"][0]["expr"] == "2.84 + 4.4*(x - 2.2)" and tangent.params["curves"][0]["label"] == "tangent"
    assert tangent.params["points"] == [{"x": 1.555, "y": 0, "label": "x_{n+1}"}]  # 2.2 − 2.84 / 4.4
    assert not [n for n in notes if n.startswith("SB301")]


def test_a_dot_sliding_along_the_tangent_draws_no_second_tangent():
    beats, _ = planned("Axes: x from 0 to 2.5, y from −2 to 4. Curve y = x² − 2. Draw the tangent at (1, −1). "
                       "Animate a small dot sliding along the tangent from (1, −1) up to (1.5, 0).")
    assert [b.rule for b in beats].count("plot:tangent") == 1


def test_a_minus_sign_written_as_unicode_reads_as_minus():
    from compiler.planner.quantity import quantity

    assert quantity("−1") == -1 and quantity("−π/2") == quantity("-π/2")
    beats, _ = planned("Axes: x from 0 to 2.5, y from −2 to 4. Curve y = x² − 2. "
                       "Dashed line from (1, 0) down to the curve point (1, −1); label the point \"(1, −1)\".")
    (seg,) = [b for b in beats if b.rule == "plot:segments"]
    assert seg.params["segments"] == [{"start": [1, 0], "end": [1, -1], "style": "dashed"}]
    assert seg.params["points"] == [{"x": 1, "y": -1, "label": "(1, −1)"}]


def test_empty_axes_do_not_stand_alone_while_the_curve_waits_for_the_sentence_naming_it():
    from compiler.timing import estimate_spans, time_scene

    audio = ("Let us start at x naught equals 1. There, the function equals 1 minus 2, which is minus 1, so we are below "
             "the axis. The slope is 2 times 1, which is 2. Our new guess is 1.5. Check: 1.5 squared is 2.25.")
    sb = Storyboard.model_validate({"scenes": [scene(
        "Axes: x from 0 to 2.5 (ticks every 0.5), y from −2 to 4. Curve y = x² − 2. "
        "Dot on the x-axis at x = 1, labelled \"x₀ = 1\".", audio)]})
    (sp,) = plan_storyboard(sb).scenes
    timed = time_scene(sp, estimate_spans(audio))
    axes, curve = timed.beats[0], timed.beats[1]
    assert curve.start - axes.start < 6  # the curve comes with the second sentence at the latest, not the fourth


def test_dots_dropped_at_random_are_scattered_points_not_numbered_cells():
    beats, notes = planned("Drop 20 dots one after another at random positions in the square, each with a short flash.")
    (dots,) = beats
    assert dots.kind == "scatter" and dots.params["count"] == 20
    assert [n for n in notes if "not inside the square" in n]


def test_axes_written_with_both_ranges_are_new_axes_not_an_earlier_picture():
    sb = Storyboard.model_validate({"scenes": [
        scene("Drop 20 dots one after another at random positions in the square.", "Random dots."),
        scene("Place the unit square on axes: x from 0 to 1 and y from 0 to 1, with tick labels \"0\" and \"1\" on both "
              "axes. Draw the quarter circle of radius 1 centered at the origin.", "The square and the circle.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert beats[0].kind == "plot" and beats[0].rule == "plot:axes-cue"
    assert beats[1].rule == "plot:extend-named-curve"


def test_a_word_with_each_letter_in_its_own_box_is_a_row_of_letters():
    beats, _ = planned('Write the word "ABRACADABRA" in large letters, each letter in its own small square box.')
    assert beats[0].kind == "sequence" and beats[0].params["tokens"] == list("ABRACADABRA")


def test_a_bar_chart_announced_by_its_axes_gets_its_bars_and_is_reordered():
    beats, notes = planned('Replace the bins with a bar chart: x axis "letter", y axis "count" from 0 to 6. '
                           'Bars: A = 5, B = 2, R = 2, C = 1, D = 1, with the value on top of each bar. '
                           'Then reorder the bars from smallest to largest: C 1, D 1, B 2, R 2, A 5.')
    assert [b.kind for b in beats] == ["bar_chart", "clear", "bar_chart"]
    assert beats[0].params["labels"] == ["A", "B", "R", "C", "D"] and beats[0].params["values"] == [5, 2, 2, 1, 1]
    assert beats[2].params["labels"] == ["C", "D", "B", "R", "A"] and beats[2].params["values"] == [1, 1, 2, 2, 5]
    assert beats[1].params["kinds"] == ["bar_chart"]
    # the same bars with other values are no reordering of them: not drawn as if they were
    beats, _ = planned('Draw a bar chart: A = 5, B = 2. Then reorder the bars: B 3, A 5.')
    assert [b.kind for b in beats].count("bar_chart") == 1 or beats[-1].params.get("values") != [3, 5]


def test_a_shaded_square_labelled_after_a_semicolon_carries_its_label():
    beats, notes = planned("Draw a number plane with x from −2 to 6 and y from −1 to 5 for the matrix A. Shade the unit "
                           "square with corners (0, 0), (1, 0), (1, 1), (0, 1); label it \"Area = 1\".")
    shapes = [s for b in beats for s in b.params.get("shapes") or []]
    assert shapes and shapes[0]["label"] == "Area = 1"
    assert not [n for n in notes if "'Area = 1' is not drawn" in n]


def test_a_number_plane_in_a_scene_without_vectors_is_axes_never_nothing():
    beats, notes = planned("Draw a number plane with x from −2 to 6 and y from −1 to 5.")
    assert beats[0].kind == "plot" and beats[0].params["x_range"] == [-2, 6]
    assert not [n for n in notes if n.startswith("SB301")]


def test_a_line_written_by_its_equation_through_a_point_is_drawn_and_the_two_points_are_not_scattered():
    beats, notes = planned("Axes: x from 1 to 2, y from −0.5 to 1.5. Curve y = x² − 2. "
                           "Draw the tangent line y = 3x − 4.25 through (1.5, 0.25) and show it meeting the x-axis. "
                           "Also show a brace between the two points labelled \"gap ≈ 0.0025\".")
    curves = [c["expr"] for b in beats if b.kind == "plot" for c in b.params.get("curves") or []]
    assert "y = 3x − 4.25" in curves
    assert not [n for n in notes if "could only be read as" in n]  # the formula ends where "through" begins
    assert "scatter" not in [b.kind for b in beats]  # "the two points" are the ones on screen


def test_constants_listed_are_no_derivation_and_an_aside_names_no_part():
    beats, _ = planned('Show the photon energy formula E = hf, with the constants listed underneath: '
                       '"h = 6.626 × 10⁻³⁴ J·s", "c = 3.00 × 10⁸ m/s".')
    assert "steps" not in [b.kind for b in beats]
    beats, _ = planned('Next to it a stacked bar of the same total height: the lower part (about 46 percent) labelled '
                       '"φ: cost to escape", the upper part labelled "KE_max: left over".')
    assert not any("percent" in s.lower() for b in beats for s in b.strings)


def test_lines_of_tex_source_under_a_colon_are_one_stack_of_equations():
    beats, notes = planned("Equations, one below the other:\n"
                           r"V \propto T \quad (\text{constant } P \text{ and amount of gas})" "\n"
                           r"\frac{V}{T} = \text{constant}" "\n"
                           r"\frac{V_1}{T_1} = \frac{V_2}{T_2}")
    (steps,) = beats
    assert steps.kind == "steps" and len(steps.params["lines"]) == 3
    assert not [n for n in notes if n.startswith("SB301")]


def test_a_queue_whose_new_contents_are_quoted_shows_them_never_the_masked_quotes():
    beats, _ = planned('Queue text: "Queue: 2, 4, 5". Queue becomes "5, 6". Queue becomes "11".')
    rows = [b for b in beats if b.kind == "sequence"]
    assert [r.params["tokens"] for r in rows] == [["5", "6"], ["11"]]
    assert not any("\x01" in str(v) for b in beats for v in b.params.values())


def test_no_beat_of_the_test_corpus_carries_a_masked_quote():
    import json
    from pathlib import Path

    for path in sorted(Path("tests/corpus").glob("*.json")):
        if path.name == "labels.json":
            continue
        from compiler.fix import repair_text

        plan = plan_storyboard(Storyboard.model_validate(json.loads(repair_text(path.read_text()).repaired)))
        for sp in plan.scenes:
            for b in sp.beats:
                assert "\x01" not in json.dumps(b.params, ensure_ascii=False) + "".join(b.strings), (path.name, b.rule)


def test_a_tree_laid_out_by_places_with_weights_in_brackets_replaces_the_lone_root():
    beats, _ = planned('Create the root "11" with A as left child and 6 as right child. Rearrange everything into the final '
                       'layout: root (11) at (0, 3), A (5) at (-3, 1.5), node 6 at (3, 1.5), node 2 at (1.5, 0), node 4 at '
                       '(4.5, 0), C at (0.75, -1.5), D at (2.25, -1.5), B at (3.75, -1.5), R at (5.25, -1.5).')
    tree = beats[-1]
    assert beats[-2].kind == "clear" and beats[-2].params["kinds"] == ["graph"]
    assert [n["id"] for n in tree.params["nodes"]] == ["11", "A", "6", "2", "4", "C", "D", "B", "R"]
    assert {(e["from"], e["to"]) for e in tree.params["edges"]} == {
        ("11", "A"), ("11", "6"), ("6", "2"), ("6", "4"), ("2", "C"), ("2", "D"), ("4", "B"), ("4", "R")}


def test_a_label_on_each_left_edge_and_each_right_edge_of_the_tree():
    beats, _ = planned('Draw the tree: root (11) at (0, 3), A (5) at (-3, 1.5), node 6 at (3, 1.5), node 2 at (1.5, 0), '
                       'node 4 at (4.5, 0). Write "0" on each left edge and "1" on each right edge.')
    steps = beats[-1].params["steps"]
    assert sorted((tuple(s["edges"][0]), s["text"]) for s in steps) == [
        (("11", "6"), "1"), (("11", "A"), "0"), (("6", "2"), "0"), (("6", "4"), "1")]


def test_the_way_down_to_a_leaf_by_left_and_right_is_a_path_with_its_code_beside_the_leaf():
    beats, notes = planned('Draw the tree: root (11) at (0, 3), A (5) at (-3, 1.5), node 6 at (3, 1.5), node 2 at (1.5, 0), '
                           'node 4 at (4.5, 0), C at (0.75, -1.5), D at (2.25, -1.5).\n'
                           'A: root -> left = "0"\nC: right, left, left = "100"\nD: left, left = "11"')
    steps = [st for b in beats if b.kind == "graph" for st in b.params.get("steps") or []]
    assert {"action": "path", "nodes": ["11", "6", "2", "C"]} in steps
    assert {"action": "note", "nodes": ["C"], "text": "100"} in steps
    assert "flow" not in [b.kind for b in beats]  # "root -> left" is no chain of boxes
    assert [n for n in notes if "does not end at 'D'" in n]  # a way that leads elsewhere is said, not drawn


def test_two_arrows_from_one_thing_fan_out_never_a_chain():
    beats, notes = planned('Show the bit string "01" and two arrows from it to two interpretations: "A B" and "R", with a '
                           'red question mark between them.')
    (g,) = beats
    assert g.kind == "graph" and g.params["edges"] == [{"from": "01", "to": "A B"}, {"from": "01", "to": "R"}]
    assert [n for n in notes if "question mark" in n]


def test_highlighting_every_cell_that_holds_a_value():
    beats, _ = planned('Write the word "ABRACADABRA" in large letters, each letter in its own small square box. '
                       'Highlight all five A boxes at once and show the text "A appears 5 times!".')
    marks = [b.params["item"] for b in beats if b.rule == "highlight:cells-holding"]
    assert marks == [1, 4, 6, 8, 11]
    assert any(b.kind == "text" and b.params["text"] == "A appears 5 times!" for b in beats)


def test_a_run_named_as_a_noun_moves_nothing_the_line_through_the_points_is_drawn():
    beats, notes = planned("Draw axes with x from 10 to 100000 and y from 2.6 to 3.6. Plot the estimate from the previous "
                           "run as a jagged line through the points (10, 2.8), (100, 3.16), (1000, 3.148).")
    assert beats[-1].rule == "plot:data-line"
    assert beats[-1].params["series"][0]["points"] == [[10, 2.8], [100, 3.16], [1000, 3.148]]
    beats, _ = planned("Draw axes with x from 0 to 10 and y from 0 to 10. Place a ball at (2, 3) that rolls down to (5, 1).")
    assert beats[-1].rule == "plot:extend-moving-point"  # a ball that rolls still moves


def test_numbers_of_the_axes_a_sentence_draws_are_no_list_beside_them():
    beats, notes = planned('Draw axes: x axis "number of points N" with a logarithmic scale from 10 to 1,000,000 (labels '
                           '"10", "100", "1,000", "10,000"), y axis "estimate of π" from 2.6 to 3.6.')
    assert [b.kind for b in beats] == ["plot"]
    assert [n for n in notes if "axis numbers 10, 100, 1,000, 10,000" in n and "linear scale" in n]


def test_dots_marked_with_their_own_labels_written_after_them():
    beats, _ = planned("Draw axes with x from 0 to 20 and y from 0 to 1. Plot y = (1/2)^(t/5.73). Mark dots on the curve "
                       "with labels: (0, 1) \"100%\", (5.73, 0.5) \"50%\", (11.46, 0.25) \"25%\".")
    pts = beats[-1].params["points"]
    assert [(p["x"], p["y"], p["label"]) for p in pts] == [(0, 1, "100%"), (5.73, 0.5, "50%"), (11.46, 0.25, "25%")]


def test_a_word_of_capitals_and_small_letters_is_one_piece_an_exponent_is_not():
    from compiler.mathtext import to_tex
    from compiler.runtime.mathsvg import find_parts, math_mobject

    def runs(line, piece):
        return len(find_parts(math_mobject(to_tex(line).tex, font_size=58), piece))

    assert runs("Top: y = x", r"\text{Top}") == 1  # ('Top' in yellow: the "op" stands on the line with the T)
    assert runs("Bottom: y = x^2", r"\text{Bottom}") == 1
    assert runs("31^4 = (31^2)^2, so 31^4 mod 33 = 4^2 = 16", to_tex("4").tex) == 1  # the 4 of the line, no exponent


def test_colon_headed_style_entries_keep_their_colours():
    from compiler.planner.theme import parse_theme

    theme, _ = parse_theme("Background: dark (#1E1E1E). Title: white, font size 44. Axes: light gray (#888888), stroke "
                           "width 2. Curves: y = x yellow (#FFFF00), y = x^2 blue (#58C4DD).")
    assert theme.background == "#1E1E1E" and theme.title == "#FFFFFF" and theme.roles["axes"] == "#888888"
    assert theme.labels["y = x"] == "#FFFF00" and theme.labels["y = x^2"] == "#58C4DD"
    theme, _ = parse_theme("Triangle: a blue, b yellow.")
    assert theme.labels["a"] == "#58C4DD" and "triangle" not in theme.labels


def test_quoted_lines_each_in_its_own_colour_are_lines_in_those_colours_not_one_derivation():
    beats, _ = planned('Show candidates: "e = 2? gcd(2, 20) = 2, no" in red, "e = 3? gcd(3, 20) = 1, yes" in green.')
    assert [b.kind for b in beats] == ["equation", "equation"]
    assert [b.params.get("color") for b in beats] == ["#FC6255", "#66BB6A"]


def test_the_words_a_style_entry_names_after_its_heading_are_coloured():
    from compiler.planner.colours import style_tints

    (t,) = style_tints("Final statement: the words 'bell curve' colored yellow.")
    assert (t.piece, t.colour) == ("bell curve", "#FFE066")
    beats, _ = planned('Title "The Central Limit Theorem". Then write "Add many random things together -> bell curve".',
                       style="Final statement: the words 'bell curve' colored yellow.")
    assert beats[-1].params.get("tints") == {"bell curve": "#FFE066"}


def test_a_motion_not_drawn_is_said_beside_a_lost_box_and_a_repeat_is_a_motion():
    _, notes = planned('Draw a box labeled "Alice" on the left and a box labeled "Bob" on the right. Animate a small '
                       'rectangle with text "HELLO" moving from Alice to Bob along the line. Replace the message with '
                       '"key = 42" and repeat: Eve gets a copy too.')
    assert [n for n in notes if "'HELLO'" in n and "motion" in n]
    assert [n for n in notes if "'key = 42'" in n and "'repeat'" in n]
