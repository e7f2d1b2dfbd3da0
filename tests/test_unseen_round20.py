"""Round 20 (fresh hold-out storyboards): bodies placed by name, a bar chart's numbered groups and title, a change
asked of a picture that is not drawn said."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import planned_scene as planned
from .conftest import scene


def generated(details: str):
    """The scene code generated for a one-scene storyboard, and its dry run (the scene executed without rendering)."""
    from compiler import dryrun
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    sb = Storyboard.model_validate({"scenes": [scene(details, "One. Two. Three. Four.", style="Dark background.")]})
    gen = generate_scene(time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes[0])
    return gen, dryrun.run_scene(gen.code, gen.class_name, 1)


def test_two_bodies_placed_by_name_are_one_picture_and_an_arrow_goes_on_the_body_the_sentence_names():
    beats, notes = planned('On the track place two rectangular carts with small wheels: cart "A" on the left, cart "B" to '
                           'the right of center. Above cart B write "m_B = 1 kg" and an arrow pointing left labelled '
                           '"u_B = 2 m/s".')
    (picture,) = [b for b in beats if b.kind == "physics"]
    assert [(b["shape"], b["label"]) for b in picture.params["bodies"]] == [("car", "A"), ("car", "B")]
    (v,) = picture.params["vectors"]
    assert (v["body"], v["direction"], v["label"]) == ("B", "left", "u_B = 2 m/s")
    assert not [b for b in beats if b.kind == "text" and b.params.get("text") in ("A", "B")]
    # the arrow is the picture's: no "arrow not drawn (only its words are)"
    assert not [n for n in notes if "only its words are" in n]


def test_one_named_body_is_not_a_picture_of_bodies():
    beats, _ = planned('Show the card "A" and the card "B" side by side.')
    assert not [b for b in beats if b.kind == "physics"]


def test_a_bar_chart_with_values_in_brackets_is_a_bar_chart_not_a_row_of_boxes():
    beats, _ = planned("Show a bar chart with values [0, 2, 0, 3, 1, 1, 0].")
    assert [b.kind for b in beats] == ["bar_chart"]
    assert beats[0].params["values"] == [0, 2, 0, 3, 1, 1, 0]


def test_a_bar_chart_takes_its_title_and_its_numbered_labels():
    beats, notes = planned('Left half: bar chart titled "chain length per bucket (m = 7)", x labels 0–6, values '
                           '[0, 2, 0, 3, 1, 1, 0].')
    (chart,) = beats
    assert chart.kind == "bar_chart" and chart.params["labels"] == [str(k) for k in range(7)]
    assert chart.params["title"] == "chain length per bucket (m = 7)"
    assert not [n for n in notes if "numbered 1 to 7" in n]
    beats, _ = planned("Show a bar chart with bars labelled 0 to 6 and heights [0, 2, 0, 3, 1, 1, 0].")
    assert [b.params["labels"] for b in beats if b.kind == "bar_chart"] == [[str(k) for k in range(7)]]


def test_a_change_asked_of_a_chart_that_only_writes_a_formula_is_said():
    beats, notes = planned("Show a bar chart with values [0, 2, 0, 3]. Transform the bar chart to m = 14 with "
                           "h(k) = k mod 14: bucket 1: 1 (15), bucket 3: 2 (31, 45), all others 0.")
    assert [b.kind for b in beats][0] == "bar_chart"
    assert [n for n in notes if "the change it asks of the bar chart on screen is not drawn" in n]


def test_a_numbered_derivation_in_quotes_with_a_note_after_each_line_is_one_derivation():
    beats, _ = planned('Show the derivation line by line in LaTeX, with a grey note to the right of each line:\n'
                       '1. "ax^2 + bx + c = 0"\n'
                       '2. "x^2 + \\frac{b}{a}x + \\frac{c}{a} = 0"  note "divide by a"\n'
                       '3. "x^2 + \\frac{b}{a}x = -\\frac{c}{a}"  note "move c/a"\n'
                       '4. "x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}"  note "subtract b/2a"')
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][1] == "x^2 + \\frac{b}{a}x + \\frac{c}{a} = 0"
    assert steps.params["notes"] == ["", "divide by a", "move c/a", "subtract b/2a"]
    assert not [b for b in beats if b.kind == "bullets"]


def test_pushes_and_pops_written_as_calls_change_the_stack_the_scene_speaks_of():
    beats, _ = planned('In the center draw an empty stack container. "push(3)" is written in the log; a box containing '
                       '"3" drops into the container. "push(7)": a box "7" lands on top of "3". Log "pop()": box "7" '
                       'leaves. Log "peek()": box "3" glows.')
    states = [b.params["tokens"] for b in beats if b.rule.startswith("sequence:stack")]
    assert states == [["(empty)"], ["3"], ["3", "7"], ["3"]]
    logged = [b.params.get("text") for b in beats if b.kind == "text"]
    assert "push(3)" in logged and "3" not in logged


def test_a_quoted_call_with_a_quoted_argument_stays_one_quotation():
    from compiler.planner.extract import canonical_quotes

    assert canonical_quotes("1. 'enqueue('A')': box 'A' slides in.") == "1. \"enqueue('A')\": box \"A\" slides in."
    beats, _ = planned("Show a queue of customers. 1. 'enqueue('A')': box 'A' slides in. 2. 'enqueue('B')': box 'B' "
                       "joins. 3. 'dequeue()': box 'A' leaves.")
    states = [b.params["tokens"] for b in beats if b.rule.startswith("sequence:stack")]
    assert states == [["A"], ["A", "B"], ["B"]]


def test_a_pile_and_a_row_of_quoted_boxes_in_a_scene_about_stacks_and_queues():
    beats, _ = planned('Left half: header "Stack". Under it a vertical pile of three boxes (bottom to top: "A", "B", '
                       '"C"). Right half: header "Queue". Under it a horizontal row of three boxes ("A", "B", "C" from '
                       'left to right).')
    piles = [(b.params["tokens"], b.params["label"]) for b in beats if b.rule.startswith("sequence:stack")]
    assert piles == [(["A", "B", "C"], "Stack (bottom → top)"), (["A", "B", "C"], "Queue (front → back)")]
    assert not [b for b in beats if b.kind == "flow"]


def test_bars_given_their_heights_after_the_chart_named_its_categories_and_written_as_fractions():
    beats, notes = planned('Draw a bar chart with the x-axis labelled "number of heads k" and categories 0, 1, 2, 3, '
                           'and the y-axis labelled "P(X = k)". Bars have heights 0.125, 0.375, 0.375 and 0.125. Above '
                           'each bar write its value as a fraction: "1/8", "3/8", "3/8", "1/8".')
    (chart,) = [b for b in beats if b.kind == "bar_chart"]
    assert chart.params["labels"] == ["0", "1", "2", "3"] and chart.params["values"] == [0.125, 0.375, 0.375, 0.125]
    assert chart.params["value_labels"] == ["1/8", "3/8", "3/8", "1/8"]
    assert not [b for b in beats if b.kind == "text"]
    assert not [n for n in notes if "never given its data" in n]


def test_a_rows_translucent_background_is_not_the_scenes():
    from compiler.planner.theme import parse_theme

    base = parse_theme("Background #0B132B.")[0]
    for style in ("Highlighted row background white opacity 0.15.", "Code background dark grey #222222.",
                  "Text background white."):
        assert parse_theme(style, base)[0].background == "#0B132B", style
    assert parse_theme("Background white.", base)[0].background == "#FFFFFF"
    assert parse_theme("White background, black text.", base)[0].background == "#FFFFFF"


def test_each_axis_keeps_the_tick_step_the_sentence_gives_it():
    from compiler.planner.rules_plot import tick_steps

    beats, _ = planned('Draw axes: x-axis "Years" from 0 to 30 with ticks every 5, y-axis "Balance ($)" from 0 to '
                       '18000 with ticks every 3000. Plot A = 1000 (1 + 0.1 t).')
    axes = beats[0]
    assert axes.kind == "plot" and (axes.params["x_step"], axes.params["y_step"]) == (5, 3000)
    assert tick_steps("the horizontal axis from 0 to 1 in steps of 0.25 and the vertical axis from 0 to 2") == {"x_step": 0.25}
    assert tick_steps("x-axis from 0 to 10 with ticks at 0, 2, 5") == {}


def test_a_plot_with_tick_steps_generates_them_and_refuses_too_many():
    from compiler.components.plot import PlotVisual

    PlotVisual.model_validate({"kind": "plot", "x_range": [0, 30], "x_step": 5, "numbers": True})
    with pytest.raises(ValueError, match="more than 40 ticks"):
        PlotVisual.model_validate({"kind": "plot", "x_range": [0, 1000], "x_step": 1})


def test_tick_steps_and_bar_texts_as_written_reach_the_generated_scene_and_run():
    details = ('Draw axes: x-axis "Years" from 0 to 30 with ticks every 5, y-axis "Balance ($)" from 0 to 18000 with '
               'ticks every 3000. Plot A = 1000 (1 + 0.1 t). Clear the screen. Draw a bar chart with categories 0, 1, 2, 3. '
               'Bars have heights 0.125, 0.375, 0.375 and 0.125. Above each bar write its value as a fraction: "1/8", '
               '"3/8", "3/8", "1/8".')
    gen, ins = generated(details)
    assert "x_step=5," in gen.code and "y_step=3000," in gen.code
    assert "value_labels=['1/8', '3/8', '3/8', '1/8']," in gen.code
    assert ins.violations == []


def test_vectors_asked_inside_a_column_that_holds_text_are_said():
    _, notes = planned('Split the screen into three panels. Left panel, header "acute": vectors (1, 2) and (3, 1), text '
                       '"(1, 2) · (3, 1) = 5 > 0", caption "positive".')
    assert [n for n in notes if "the vectors of column 'acute' are not drawn" in n]
    _, notes = planned('Split the screen in two columns with a divider. Left column, over a dark rectangle so it stays '
                       'readable: "Shear" and "S = [[1, 1], [0, 1]]".')
    assert not [n for n in notes if "a column holds text" in n]


def test_a_table_whose_empty_corner_is_noted_and_whose_quoted_rows_come_one_per_line():
    details = ("Show a table with three columns: '' (row names), 'Stack', 'Queue'.\nRows:\n'order' | 'LIFO' | 'FIFO'\n"
               "'add' | 'push (top)' | 'enqueue (rear)'\n'remove' | 'pop (top)' | 'dequeue (front)'\n"
               "Reveal the table row by row.")
    beats, _ = planned(details)
    tables = [b for b in beats if b.kind == "table"]
    assert tables[-1].params["columns"] == ["", "Stack", "Queue"]
    assert tables[-1].params["rows"] == [["order", "LIFO", "FIFO"], ["add", "push (top)", "enqueue (rear)"],
                                         ["remove", "pop (top)", "dequeue (front)"]]
    assert not [b for b in beats if b.kind in ("sequence", "bullets", "text")]


def test_a_method_call_in_a_line_of_text_is_no_stack_operation():
    beats, _ = planned('Show a stack of plates. Below both blocks, a warning line: "list.pop(0) is O(n): use deque".')
    assert not [b for b in beats if b.rule.startswith("sequence:stack")]


def test_rows_of_numbers_are_written_as_rows_and_the_quoted_entry_is_circled():
    beats, _ = planned("Then write the calculation line by line:\n\"= 10\"\n\"= 20\"\nFinally, on the right, show the rows "
                       "0 to 5 of Pascal's triangle, each row centered:\n1\n1 1\n1 2 1\n1 3 3 1\n1 4 6 4 1\n1 5 10 10 5 1\n"
                       "and circle the third entry of the last row, \"10\".", style="the circled 10 in yellow.")
    (rows,) = [b for b in beats if b.rule == "text:number-rows"]
    assert rows.params["text"].split("\n")[-2:] == ["1 4 6 4 1", "1 5 10 10 5 1"]
    (mark,) = [b for b in beats if b.kind == "highlight"]
    assert mark.params["target"] == "10"
    assert not [b for b in beats if b.kind == "sequence"]


def test_bullets_that_appear_one_at_a_time_are_the_list_on_screen():
    _, notes = planned('Then a bulleted list:\n"It comes from completing the square"\n"Δ > 0: two real roots"\n'
                       "The bullets appear one at a time.")
    assert not [n for n in notes if "SB301" in n]


def test_cards_each_with_a_note_pair_figures_and_notes_in_order():
    beats, _ = planned('A bulleted list:\n"1/f = 1/d_o + 1/d_i"\n"m = −d_i/d_o"\nBelow the list, three small cards '
                       'side by side: "camera", "eye", "projector", each with a one-line note: "object far", "lens '
                       'focuses on the retina", "object near F".')
    (cards,) = [b for b in beats if b.kind == "cards"]
    assert cards.params["figures"] == ["camera", "eye", "projector"]
    assert cards.params["captions"] == ["object far", "lens focuses on the retina", "object near F"]


def test_a_tally_one_line_per_value_is_a_list_not_a_derivation_nor_a_counter():
    beats, _ = planned('To the right of the table show the tally, one line per k:\n"k = 0: 1"\n"k = 1: 3"\n"k = 2: 3"\n'
                       '"k = 3: 1"')
    assert [b.kind for b in beats] == ["bullets"]
    assert beats[0].params["items"] == ["k = 0: 1", "k = 1: 3", "k = 2: 3", "k = 3: 1"]


def test_one_parts_labels_a_counter_or_an_arrows_label_do_not_colour_every_text_after_them():
    from compiler.planner.theme import parse_theme

    for style in ("Axis labels font size 26, value labels font size 28 yellow #FFD93D.", "Counter yellow #FFD93D, top right.",
                  "Highlighted bar yellow #FFD93D; arrow and its label font size 24 yellow."):
        t, _ = parse_theme(style)
        assert "text" not in t.roles and t.text == "#E0E0E0", style
    assert parse_theme("Counter yellow #FFD93D.")[0].roles["note"] == "#FFD93D"
    t, _ = parse_theme("C(n, k) in yellow #FFD93D, p^k in green #6BCB77.")
    assert "k" not in t.labels and t.labels["p^k"] == "#6BCB77"


def test_rows_of_numbers_are_centred_one_under_another():
    gen, ins = generated("Show the rows of Pascal's triangle, each row centered:\n1\n1 1\n1 2 1\n1 3 3 1")
    assert "align='center'" in gen.code
    assert ins.violations == []


def test_keep_the_chart_named_by_its_numbers_brings_it_back():
    s1 = scene("Draw a bar chart with bars: k = 0: 0.2, k = 1: 0.5, k = 2: 0.3.", "One.", style="Dark.")
    s2 = scene("Keep the n = 5, p = 0.3 bar chart on the left, scaled to 60%.", "Two.", style="Dark.")
    plan = plan_storyboard(Storyboard.model_validate({"scenes": [s1, s2]}))
    assert [b.rule for b in plan.scenes[1].beats] == ["bar_chart:recalled-from-scene-1"]


def test_a_lens_labelled_with_label_it_and_its_focal_points_marked_by_x():
    beats, notes = planned('At x = 0 draw a tall thin double-convex lens and label it "converging lens". Mark small dots '
                           "on the axis: 'F' at x = -2, 'F′' at x = 2, '2F' at x = -4 and '2F′' at x = 4. Under the axis, "
                           "put a brace from the lens center to F′ labelled 'f = 10 cm'.")
    (lens,) = [b for b in beats if b.kind == "physics"]
    assert lens.params["lens"]["label"] == "converging lens" and lens.params["lens"]["twice"]
    assert not [b for b in beats if b.kind == "text"]
    assert not [n for n in notes if "focal length is not given" in n]
    assert [n for n in notes if "the brace it asks for is not drawn" in n]


def test_a_bracketed_formula_piece_in_the_style_is_highlighted_not_the_whole_formula_recoloured():
    beats, _ = planned("Display the binomial formula P(X = k) = C(n, k) p^k (1 - p)^(n - k).",
                       style="Formula in yellow. C(n, k) highlighted in green. Result in white.")
    eq, mark = beats
    assert eq.kind == "equation" and "color" not in eq.params
    assert mark.kind == "highlight" and mark.params["target"].lower() == "c(n, k)" and mark.params["color"] == "#66BB6A"


def test_summary_rows_that_each_start_with_a_label_are_a_list_in_their_order():
    beats, _ = planned('Summary box with four rows:\n"Keys: n = p x q, phi = (p - 1)(q - 1)"\n"Public key: (e, n)   '
                       'Private key: (d, n)"\n"Encrypt: c = m^e mod n"\n"Decrypt: m = c^d mod n"')
    (rows,) = [b for b in beats if b.kind in ("bullets", "steps")]
    assert rows.kind == "bullets" and rows.params["items"][1] == "Public key: (e, n)   Private key: (d, n)"
    beats, _ = planned('Derive it step by step:\n"Line 1: z = w1 * x = 1"\n"Line 2: h = ReLU(z) = 1"')
    assert [b.kind for b in beats] == ["steps"]


def test_an_empty_stack_drawn_first_is_the_one_the_pushes_fill():
    beats, _ = planned('In the center draw an empty open-top container (a U shape) with the word "stack" under it. '
                       '"push(3)": a box "3" drops into the container.')
    states = [(b.params["tokens"], b.params.get("update", False)) for b in beats if b.rule.startswith("sequence:stack")]
    assert states == [(["(empty)"], False), (["3"], True)]
    assert not [b for b in beats if b.kind == "text" and b.params.get("text") == "stack"]


DERIVATION = ("Write the derivation one line at a time in the center:\n1. F = m a\n2. v^2 = v_0^2 + 2 a d\n"
              "3. \\frac{1}{2} m v^2 = \\frac{1}{2} m v_0^2 + m a d\n4. F d = \\frac{1}{2} m v^2 - \\frac{1}{2} m v_0^2\n")


def test_pieces_highlighted_in_named_lines_of_the_derivation():
    beats, _ = planned(DERIVATION + "Then highlight 'm a' in line 3 and 'F' in line 1 with the same yellow.")
    marks = [(b.params["target"], b.params.get("part")) for b in beats if b.kind == "highlight"]
    assert marks == [("\\frac{1}{2} m v^2 = \\frac{1}{2} m v_0^2 + m a d", "m a"), ("F = m a", "F")]
    assert not [b for b in beats if b.kind == "text"]


def test_labels_with_arrows_pointing_at_pieces_and_at_the_right_hand_side():
    beats, _ = planned(DERIVATION + "Then under line 4 place two labels with arrows: 'work W' pointing at F d and "
                       "'change in kinetic energy ΔKE' pointing at the right-hand side.")
    notes = [(b.params["label"], b.params["target"]) for b in beats if b.kind == "annotation"]
    assert notes == [("work W", "F d"), ("change in kinetic energy ΔKE", "\\frac{1}{2} m v^2 - \\frac{1}{2} m v_0^2")]
    assert not [b for b in beats if b.kind == "flow"]


def test_a_heatmap_given_row_by_row_with_named_rows_and_its_outlined_blocks_said():
    beats, notes = planned('On the right, a 4 × 4 heatmap with rows and columns labelled "cat", "dog", "car", "truck", '
                           'each cell showing its value:\ncat:   1.00  0.91  0.34  0.33\ndog:   0.91  1.00  0.47  0.43\n'
                           'car:   0.34  0.47  1.00  0.92\ntruck: 0.33  0.43  0.92  1.00\nThen outline the top-left 2 × 2 '
                           'block with the label "animals" and the bottom-right 2 × 2 block with "vehicles".')
    (heat,) = [b for b in beats if b.kind == "heatmap"]
    assert heat.params["values"][1] == [0.91, 1.0, 0.47, 0.43] and heat.params["row_labels"] == ["cat", "dog", "car", "truck"]
    assert not [n for n in notes if "illustrative pattern" in n]
    assert not [b for b in beats if b.kind == "flow"]
    assert [n for n in notes if "the outlined top-left 2 × 2 blocks of the heatmap on screen" in n]


def test_four_named_vectors_in_a_list_are_four_columns():
    beats, _ = planned("On the left, list the four vectors:\ncat   = [0.9, 0.6, 0.1, 0.2]\ndog   = [0.6, 0.9, 0.3, 0.1]\n"
                       "car   = [0.1, 0.2, 0.9, 0.5]\ntruck = [0.0, 0.3, 0.7, 0.9]")
    assert [(b.kind, b.params.get("label")) for b in beats] == [("matrix", n) for n in ("cat", "dog", "car", "truck")]


def test_bar_states_named_by_the_bars_a_lone_axis_and_a_formula_of_variable_products():
    beats, notes = planned("Left: a vertical height axis from 0 to 5 m with ticks at '0 m', '2.5 m' and '5 m'.\n"
                           "Right: a bar chart with two bars, 'PE' and 'KE', y-axis 'energy (J)' from 0 to 100, with a "
                           "dashed horizontal line at 98 labelled 'total = 98 J'.\nAnimate the fall in three stages, pausing "
                           "at each:\n- h = 5 m: PE = 98 J, KE = 0 J\n- h = 2.5 m: PE = 49 J, KE = 49 J\n- h = 0 m: PE = 0 J, "
                           "KE = 98 J\nAt the top right show PE = mgh.")
    (axis,) = [b for b in beats if b.kind == "number_line"]
    assert axis.params["range"] == [0, 5] and [t["label"] for t in axis.params["tick_labels"]] == ["0 m", "2.5 m", "5 m"]
    charts = [b for b in beats if b.kind == "bar_chart"]
    assert [c.params.get("new_values") or c.params["values"] for c in charts] == [[98, 0], [49, 49], [0, 98]]
    assert [b.params.get("expr") or b.params.get("exprs") for b in beats if b.kind == "equation"][-1] in ("PE = mgh", ["PE = mgh"])
    assert [n for n in notes if "the line at 98 labelled 'total = 98 J' is not drawn" in n]
    assert not [b for b in beats if b.kind == "flow"]


def test_a_log_with_a_subscript_base_starts_the_formula():
    from compiler.planner.extract import extract

    assert extract("On the right write: log₁₀ N = log₁₀ 800 − (t/8)·log₁₀ 2 now").prose[0][0] == \
        "log₁₀ N = log₁₀ 800 − (t/8)·log₁₀ 2"


def test_an_object_arrow_given_in_picture_units_with_a_scale_and_a_quoted_legend_once():
    s1 = scene("Title 'Thin Lenses'. At x = 0 draw a converging lens with focal length 10 cm.", "One.", style="Dark.")
    s2 = scene("Same axis, lens and focal points as before (1 unit = 5 cm). Draw an upright green arrow from (-6, 0) to "
               "(-6, 2) labelled 'object'. Trace three rays from the tip. At the meeting point draw the image.\n"
               "In the upper right corner show a legend:\n'1: parallel → through F′'\n'2: through center → straight'\n"
               "'3: through F → parallel'", "Two.", style="Dark.")
    beats = plan_storyboard(Storyboard.model_validate({"scenes": [s1, s2]})).scenes[1].beats
    (lens,) = [b.params["lens"] for b in beats if b.kind == "physics"]
    assert (lens["object_distance"], lens["object_height"], lens.get("image")) == (30.0, 10.0, True)
    (legend,) = [b for b in beats if b.kind == "bullets"]
    assert legend.params["items"][0] == "1: parallel → through F′"


def test_dots_placed_on_the_number_line_drawn_earlier_with_the_values_their_labels_hold():
    beats, _ = planned("Draw a horizontal number line from -1 to 1 at the bottom of the screen with ticks at '-1', '0' "
                       "and '1'. Above it, three panels side by side: left panel 'opposite', right panel 'same'. Finally "
                       "place three dots on the number line for our words: \"cat–car 0.47\" and \"cat–dog 0.94\" with "
                       "their labels above the line.")
    (line,) = [b for b in beats if b.kind == "number_line"]
    assert [(p["value"], p["label"]) for p in line.params["points"]] == [(0.47, "cat–car 0.47"), (0.94, "cat–dog 0.94")]
    assert not [b for b in beats if b.kind == "text"]


def test_code_lines_highlighted_while_the_sentence_also_works_on_a_picture():
    s1 = scene("Draw a binary search tree with nodes 50, 30, 70, 20, 40 as a tree: 50 is the root, 30 and 70 its children.",
               "One.", style="Dark.")
    s2 = scene('Show a code block on the left:\n```python\ndef insert(root, key):\n    if key < root.key:\n'
               '        root.left = insert(root.left, key)\n```\nOn the right, a small copy of the tree. Highlight the '
               'line "if key < root.key:" and, at the same time, the left edge from 50 to 30 in the tree.', "Two.",
               style="Dark.")
    beats = plan_storyboard(Storyboard.model_validate({"scenes": [s1, s2]})).scenes[1].beats
    assert [b.params["target"] for b in beats if b.rule == "highlight:code-line"] == ["if key < root.key:"]
    assert not [b for b in beats if b.kind == "text"]


def test_an_icon_asked_at_the_top_of_each_column_is_said():
    _, notes = planned("Two columns with a small circuit icon at the top of each. Left column 'Series': 'R = R1 + R2'. "
                       "Right column 'Parallel': '1/R = 1/R1 + 1/R2'.")
    assert [n for n in notes if "the circuit icon at the top of each column is not drawn" in n]


def test_arrows_from_the_origin_named_by_quotes_with_their_coordinates_and_a_lookup_panel():
    beats, _ = planned('Draw a coordinate plane for the word vectors with x from 0 to 9 and y from 0 to 5. Draw three '
                       'arrows from the origin: '
                       '"cat" to (4, 1), "dog" to (3, 2) and "car" to (1, 4), each with its label at the tip and its '
                       'coordinates in brackets under the label: "[4, 1]", "[3, 2]", "[1, 4]".\nOn the right side show a '
                       'small lookup panel:\ncat → [4, 1]\ndog → [3, 2]\ncar → [1, 4]')
    (arrows,) = [b for b in beats if b.kind == "vector_plane" and b.params.get("vectors")]
    assert [(v["x"], v["y"], v["label"]) for v in arrows.params["vectors"]] == [
        (4, 1, "cat [4, 1]"), (3, 2, "dog [3, 2]"), (1, 4, "car [1, 4]")]
    assert not [b for b in beats if b.kind in ("flow", "sequence", "text")]
