"""Planner rules, theme parsing and timing alignment — the sentences that motivated each rule."""

from __future__ import annotations

import json
import math

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.extract import enumeration, extract
from compiler.planner.theme import parse_theme
from compiler.timing import Span, align, estimate_timings, time_plan

from .conftest import STORYBOARDS, scene


def beats_for(details: str, style: str = "Dark blue background.", audio: str = "Some narration here.") -> list:
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style)]})
    return list(plan_storyboard(sb).scenes[0].beats)


def kinds(details: str) -> list[str]:
    return [b.kind for b in beats_for(details)]


def test_title_from_first_display():
    b = beats_for('Start with text "RNN Limitations" appearing.')
    assert [x.kind for x in b] == ["title"] and b[0].params["text"] == "RNN Limitations"


def test_title_with_subtitle():
    b = beats_for('Title "Can LLMs Be Computers?" with the subtitle "Executing programs inside transformers".')[0]
    assert b.kind == "title" and b.params["subtitle"] == "Executing programs inside transformers"


def test_list_of_quoted_items():
    b = beats_for('Display text "Advantages". List "Parallelization", "Long-Range Dependencies", "Transfer Learning".')
    assert [x.kind for x in b] == ["title", "bullets"]
    assert b[1].params["items"] == ["Parallelization", "Long-Range Dependencies", "Transfer Learning"]


def test_checklist_style_from_markers():
    b = beats_for('Show a list titled "Good at" with the items "✓ Math", "✓ Code".')[0]
    assert b.params["style"] == "check" and b.params["items"] == ["Math", "Code"] and b.params["title"] == "Good at"


def test_backticked_formula_is_an_equation_and_code_is_code():
    assert kinds("Show `Attention(Q, K, V) = softmax((Q * K^T) / sqrt(d_k)) * V`.") == ["equation"]
    assert kinds("Show the code `print(3+5)` in monospace.") == ["code"]


def test_formula_cue_makes_backticks_an_equation():
    assert kinds("Show addition: `Layer Input + Sublayer(Layer Input)`.") == ["equation"]


def test_word_to_vector_becomes_a_transform():
    b = beats_for('Show each word transforming into a vector (e.g., "The" -> [0.1, 0.2, 0.3]).')[0]
    assert b.kind == "transform" and b.params["values"] == [0.1, 0.2, 0.3] and b.params["target"] == "The"


def test_matrix_addition_and_label():
    b = beats_for("Show a matrix of embeddings. Show matrix addition.")
    assert [x.kind for x in b] == ["matrix", "matrix"]
    assert b[0].params["label"] == "Embeddings" and b[1].params["op"] == "add" and "label" not in b[1].params


def test_token_sequence_diagram():
    b = beats_for('Show a simple RNN diagram with input sequence "A B C D".')[0]
    assert b.kind == "flow" and b.params["nodes"] == ["A", "B", "C", "D"]


def test_arrow_chain_flow():
    b = beats_for("Show the pipeline Input -> Encoder -> Decoder -> Output.")[0]
    assert b.kind == "flow" and b.params["nodes"] == ["Input", "Encoder", "Decoder", "Output"]


def test_labelled_arrows_label_the_diagram_on_screen():
    b = beats_for('Show two rounded boxes "LLM" and "Interpreter". An arrow labelled "sends code" goes from LLM to '
                  'Interpreter and an arrow labelled "returns result" comes back.')
    assert b[0].kind == "flow" and b[0].params["nodes"] == ["LLM", "Interpreter"]
    assert b[0].params["edge_labels"] == ["sends code", "returns result"] and b[0].params["both_ways"] is True


def test_neural_network_layers():
    b = beats_for("Show a simple two-layer neural network with input, hidden, and output layers.")[0]
    assert b.kind == "network" and b.params["labels"] == ["Input", "Hidden", "Output"]


def test_icons_named_and_enumerated():
    assert beats_for("Highlight the slow processing with a clock icon.")[-1].params["icons"] == ["clock"]
    b = beats_for("Show icons for NLP (text), computer vision (image), and other fields (book).")[0]
    assert b.kind == "icon" and b.params["labels"] == ["NLP", "other fields"]
    assert b.params["icons"] == ["document", "document"]


def test_an_object_no_icon_looks_like_is_reported_not_drawn_as_another():
    sb = Storyboard.model_validate({"scenes": [scene("Show icons for NLP (text) and computer vision (image).",
                                                     "Some narration here.")]})
    p = plan_storyboard(sb)
    assert [b.params["labels"] for b in p.scenes[0].beats if b.kind == "icon"] == [["NLP"]]
    assert any(n.code == "SB307" and "'image'" in n.message and "'computer vision'" in n.message
               for n in p.diagnostics)


@pytest.mark.parametrize("sentence, icons, labels", [
    ('Draw a laptop icon on the left labeled "Client" and a server icon on the right labeled "Server".',
     ["computer", "server"], ["Client", "Server"]),
    ('Place a person icon at the top labeled "User", then a database icon at the bottom labeled "Orders".',
     ["person", "database"], ["User", "Orders"]),
    ('Show a desktop computer icon on the far left, labeled "Browser".', ["computer"], ["Browser"]),
])
def test_an_icon_placed_before_its_label_is_the_icon_the_sentence_names(sentence, icons, labels):
    sb = Storyboard.model_validate({"scenes": [scene(sentence, "Some narration here.")]})
    p = plan_storyboard(sb)
    assert [(b.kind, b.params.get("icons"), b.params.get("labels")) for b in p.scenes[0].beats] == [("icon", icons, labels)]
    assert not p.diagnostics, p.diagnostics


def test_a_placed_object_no_icon_looks_like_is_reported_by_its_name_not_its_place():
    sb = Storyboard.model_validate({"scenes": [scene('Draw a rocket icon on the right labeled "Launch".',
                                                     "Some narration here.")]})
    notes = [n.message for n in plan_storyboard(sb).diagnostics if n.code == "SB307"]
    assert any("no icon looks like 'rocket'" in n for n in notes) and not any("'right'" in n for n in notes), notes


def test_transition_clears_then_titles():
    assert kinds('Display "A". Transition to the text "Introducing Transformers".') == ["title", "clear", "title"]


def test_highlight_and_animate_operate_on_screen():
    assert kinds('Display "A B C" as a list "A", "B". Highlight "A".')[-1] == "highlight"
    b = beats_for('Show a diagram with "X" and "Y" boxes. Animate data flowing through it.')
    assert b[-1].kind == "highlight" and b[-1].params["mode"] == "pulse"


def test_every_quoted_string_is_drawn():
    details = 'Show "alpha". Then something with "beta" and `gamma`. Finally "delta".'
    drawn = {s for b in beats_for(details) for s in b.strings}
    assert {"alpha", "beta", "gamma", "delta"} <= drawn


def test_unmatched_sentence_is_reported_not_lost():
    sb = Storyboard.model_validate({"scenes": [scene("Pause for a moment of silence.", "Narration text.")]})
    plan = plan_storyboard(sb)
    assert [n.code for n in plan.diagnostics] == ["SB301"]
    assert plan.scenes[0].beats  # the scene still shows something


def test_noun_phrase_fallback():
    b = beats_for("Show the final linear layer and softmax function.")[0]
    assert b.kind == "text" and b.params["text"] == "Final linear layer and softmax function"
    assert beats_for("Show the pairing rules A – T and G – C.")[0].params["text"] == "Pairing rules A – T and G – C"


def test_described_pictures_are_reported_not_drawn_as_text():
    for sentence in ("Show a green leaf in the middle of the screen.", "Show the long sentence being fed into an RNN.",
                     "Show Bob's box on the right."):
        sb = Storyboard.model_validate({"scenes": [scene(sentence, "Some narration here.", plot="Cut it into wedges.")]})
        p = plan_storyboard(sb)
        assert not [b for b in p.scenes[0].beats if b.kind == "text"], sentence
        assert any(n.code == "SB301" for n in p.diagnostics), sentence


def test_a_described_shape_is_drawn():
    sb = Storyboard.model_validate({"scenes": [scene("Draw a rotating double helix with two strands.", "Some narration.")]})
    assert [b.params["shapes"][0]["type"] for b in plan_storyboard(sb).scenes[0].beats if b.kind == "drawing"] == [
        "double_helix"]


def test_explicit_visuals_bypass_rules():
    sb = Storyboard.model_validate({"scenes": [scene("ignored", "Hello there.", visuals=[
        {"kind": "title", "text": "Hi"}, {"kind": "equation", "expr": "E = mc^2", "sentence": 1}])]})
    beats = plan_storyboard(sb).scenes[0].beats
    assert [b.kind for b in beats] == ["title", "equation"] and beats[1].params["exprs"] == ["E = mc^2"]
    assert all(b.rule == "visuals:explicit" for b in beats)


def test_extract_and_enumeration():
    ex = extract('Show "The" -> [0.1, 0.2] and `x^2` and "hi" and [[1, 2], [3, 4]].')
    assert ex.pairs == [("The", [0.1, 0.2])] and ex.formulas == ["x^2"] and ex.matrices == [[[1, 2], [3, 4]]]
    assert enumeration("with input, hidden, and output") == ["input", "hidden", "output"]


def test_theme_from_style():
    t, _ = parse_theme("Use dark blue background. Equations in yellow. Encoder in blue, decoder in green. "
                       "RNN diagram with red arrows for sequential flow.")
    assert t.background == "#0E1A33" and t.roles["equation"] == "#FFE066"
    assert t.labels["encoder"] == "#58C4DD" and t.labels["decoder"] == "#66BB6A" and t.roles["arrow"] == "#FC6255"
    t, _ = parse_theme("Near-black background (#0f0f1a). Good items in green, bad items in orange-red.")
    assert t.background == "#0F0F1A" and t.roles["good"] == "#66BB6A" and t.roles["bad"] == "#FF7043"


def test_alignment_by_content_then_order():
    from compiler.planner.beats import Beat

    beats = [Beat("title", {}, ("Intro",), "r", "s", 0, ("intro",)),
             Beat("equation", {}, (), "r", "s", 1, ("positional", "encoding")),
             Beat("text", {}, (), "r", "s", 2, ("summary",))]
    spans = [Span(0, 1, "Welcome to the intro."), Span(1, 2, "Words become vectors."),
             Span(2, 3, "Positional encoding adds order."), Span(3, 4, "That is all.")]
    assert align(beats, spans) == [0, 2, 3]


def test_plan_is_deterministic():
    sb = Storyboard.model_validate(json.loads((STORYBOARDS / "transformer.json").read_text()))
    a = time_plan(plan_storyboard(sb), estimate_timings(sb)).to_json()
    b = time_plan(plan_storyboard(sb), estimate_timings(sb)).to_json()
    assert a == b and len(a["scenes"]) == 6
    for s in a["scenes"]:
        starts = [x["plan"]["start"] for x in s["beats"]]
        assert starts == sorted(starts) and all(x["plan"]["start"] + x["plan"]["duration"] <= s["duration"] + 1e-6 for x in s["beats"])


TABLE_STATES = [
    scene("Draw a table with columns 'Node', 'Dist' and rows: A | 0, B | inf, C | inf. "
          "Update the B row to 'B | 4'. Final table: A 0 (visited), B 4, C 2.",
          "The table starts with infinities. B gets four. Then C gets two."),
    scene("Show the table from before. Table state: A 0, B 3, C 2.", "B improves to three."),
]


def test_table_states_update_the_table_on_screen_and_come_back_in_later_scenes():
    p = plan_storyboard(Storyboard.model_validate({"scenes": TABLE_STATES}))
    first = [b for b in p.scenes[0].beats if b.kind == "table"]
    assert [b.params["rows"] for b in first] == [[["A", 0], ["B", "inf"], ["C", "inf"]], [["A", 0], ["B", 4], ["C", "inf"]],
                                                [["A", 0], ["B", 4], ["C", 2]]]
    assert [b.params.get("update", False) for b in first] == [False, True, True]
    assert first[1].params["highlight_row"] == 1 and first[2].params["highlight_row"] == 2
    assert any(n.code == "SB307" and "visited" in n.message for n in p.diagnostics)  # the note is reported
    second = [b for b in p.scenes[1].beats if b.kind == "table"]
    assert second[0].rule.startswith("table:recalled") and second[0].params["rows"] == first[-1].params["rows"]
    assert second[-1].params["rows"] == [["A", 0], ["B", 3], ["C", 2]] and second[-1].params["update"] is True


def test_table_states_pass_the_layout_check():
    from compiler.inspect import inspect_storyboard

    sb = Storyboard.model_validate({"scenes": TABLE_STATES})
    result = inspect_storyboard(sb, jobs=1)
    assert [v for s in result for v in s.violations] == []


def test_quantities_in_a_list_keep_their_numbers():
    b = beats_for('Place the labels "2 A" next to each branch, "4 A" next to the main wire, and "6 V" next to each resistor.')
    # (labels of parts of a picture, values: each a label of its own, each number whole)
    labels = [beat.params["text"] for beat in b if beat.kind == "text"]
    assert labels == ["2 A", "4 A", "6 V"]
    numbered = [x for x in beats_for("Show the rule as three lines: '1. Pick a node', '2. Update it', '3. Mark it'.")
                if x.kind == "bullets"][0]
    assert numbered.params["style"] == "numbered" and numbered.params["items"] == ["Pick a node", "Update it", "Mark it"]
    assert numbered.strings == ("1. Pick a node", "2. Update it", "3. Mark it")  # as read on screen


def test_quoted_tex_and_formulas_are_typeset_and_a_quoted_matrix_is_drawn_once():
    b = beats_for(r'Write the equation centered: MathTex "6CO_2 + 6H_2O \xrightarrow{\text{light}} C_6H_{12}O_6 + 6O_2".')
    assert [x.kind for x in b] == ["equation"]
    b = beats_for('Matrix "A = [[3, 1], [0, 2]]" in the top right corner. Show "A (1, 1) = (3*1 + 1*1, 0*1 + 2*1) = (4, 2)".')
    assert [x.kind for x in b] == ["matrix", "equation"]
    assert [x.kind for x in beats_for('Display "slope = acceleration = 5 m/s²".')] == ["text"]  # words: a caption


def test_a_table_block_with_named_rows():
    b = beats_for('Show a table with columns "Atom", "Left", "Right":\nRow C: "6" | "6"\nRow H: "12" | "12"')
    (table,) = [x for x in b if x.kind == "table"]
    assert table.params["rows"] == [["C", 6, 6], ["H", 12, 12]]


def test_axis_ranges_as_written():
    from compiler.planner.rules_plot import axis_range

    assert axis_range("Create a set of axes (x range -4 to 4, y range 0 to 0.45)", "x") == (-4, 4)
    assert axis_range("Create a set of axes (x range -4 to 4, y range 0 to 0.45)", "y") == (0, 0.45)
    assert axis_range("x in [0, 2π]", "x")[1] == pytest.approx(2 * math.pi)
    assert axis_range("the max of 3 and 4", "x") is None


def test_a_normal_curve_with_its_mean_and_sd_and_a_curve_transformed_in_place():
    b = beats_for("Create axes with x from 2.5 to 4.5. Draw the normal curve with mean 3.5 and sd 0.31.")
    (curve,) = [c for x in b if x.kind == "plot" for c in x.params.get("curves", [])]
    assert curve["label"] == "normal curve (mean 3.5, sd 0.31)"
    from compiler.formula import parse_formula

    f = parse_formula(curve["expr"])
    assert f(3.5) == pytest.approx(1 / (0.31 * math.sqrt(2 * math.pi)))  # the peak is at the mean
    b = beats_for("Create axes: x from 0 to 3, y from 0 to 2.5. Plot f(x) = e^{-x}. "
                  "Transform the curve into the density f(x) = 5^5 x^4 e^{-5x} / 4!.")
    last = [x for x in b if x.kind == "plot"][-1]
    assert last.params["extend"] and last.params["replace"]
    assert parse_formula(last.params["curves"][0]["expr"])(1.0) == pytest.approx(5 ** 5 * math.exp(-5) / 24)


def test_the_scene_model_names_objects_and_actions_and_is_in_plan_json():
    from compiler.planner.model import model_of
    from compiler.timing import estimate_timings, time_plan

    sb = Storyboard.model_validate({"scenes": TABLE_STATES})
    p = plan_storyboard(sb)
    model = model_of(p.scenes[0].beats, p.scenes[0].unmatched)
    assert [(o.id, o.kind) for o in model.objects] == [("table1", "table")]
    assert [(a.verb, a.target) for a in model.actions] == [("show", "table1"), ("update", "table1"),
                                                          ("update", "table1")]
    assert model.objects[0].values["columns"] == ["Node", "Dist"]
    timed = time_plan(p, estimate_timings(sb))
    assert timed.to_json()["scenes"][1]["model"]["objects"][0]["placement"] == "recalled from scene 1"
    assert "scene model:" in timed.describe(explain=True)


def test_a_new_table_state_appears_with_the_sentence_that_speaks_of_the_change():
    from compiler.timing import estimate_timings, time_plan

    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw a table with columns 'Node', 'Dist' and rows: A | 0, B | inf, C | inf. "
        "Update the B row to 'B | 4'. Update the C row to 'C | 2'.",
        "Every node starts far away. Only A is at zero. Then B gets distance four. Later C gets distance two.")]})
    timed = time_plan(plan_storyboard(sb), estimate_timings(sb))
    tables = [tb for tb in timed.scenes[0].beats if tb.beat.kind == "table"]
    assert [tb.sentence for tb in tables] == [0, 2, 3]


def test_check_and_cross_marks_are_icons_with_their_text():
    b = beats_for('Eve receives a copy but a red cross appears next to her with text "cannot open".')
    assert [(x.kind, x.params.get("icons"), x.params.get("labels")) for x in b] == [("icon", ["cross"], ["cannot open"])]
    assert [x.params["icons"] for x in beats_for("Add a check mark in the A row.")] == [["check"]]
    assert all(x.kind != "icon" for x in beats_for("Cross out the common factor (x - 2)."))


def test_formula_lines_written_one_per_unit_join_into_a_derivation():
    b = beats_for("1. Show A - lambda I = [[3 - lambda, 1], [0, 2 - lambda]] as a matrix.\n"
                  "2. det = (3 - lambda)(2 - lambda) - (1)(0)\n3. = lambda^2 - 5 lambda + 6 = 0\n"
                  "4. (lambda - 2)(lambda - 3) = 0")
    steps = [x for x in b if x.kind == "steps"]
    assert steps and steps[-1].params["lines"] == ["det = (3 - lambda)(2 - lambda) - (1)(0)",
                                                    "= lambda^2 - 5 lambda + 6 = 0", "(lambda - 2)(lambda - 3) = 0"]
    assert [x.kind for x in beats_for("Show the substitution f(2) = (2^2 - 4) / (2 - 2).")] == ["equation"]
    assert [x.kind for x in beats_for('Display "T = 2 s".')] == ["equation"]  # a value with its unit, typeset


def test_a_colon_list_that_describes_a_picture_is_reported_not_captioned():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw the complete ladder: client timeline at x = -4, server timeline at x = 4, from y = 2.5 to y = -2.",
        "The whole exchange at a glance.")]})
    p = plan_storyboard(sb)
    assert not [b for b in p.scenes[0].beats if b.rule == "text:colon-list"]
    # (round 8: timelines placed by their x are a message chart's lifelines — drawn, not reported)
    assert [b.params["lifelines"] for b in p.scenes[0].beats if b.kind == "message_chart"] == [["Client", "Server"]]
    b = beats_for("Fill in the areas: 9 on leg a, 16 on leg b, and 25 on the hypotenuse.")
    assert b[0].kind == "text" and "9 on leg a" in b[0].params["text"]


def test_written_axes_hold_the_curves_and_points_widen_axes_too_small():
    b = beats_for('Draw axes: x-axis "Years" from 0 to 30, y-axis "Balance ($)" from 0 to 18000. '
                  "Plot compound interest: A = 1000 x 1.1^t, a curve from (0, 1000) to (30, 17449).")
    first = [x for x in b if x.kind == "plot"][0]
    assert first.params["x_range"] == [0, 30] and first.params["y_range"] == [0, 18000]
    assert [c["expr"] for x in b for c in x.params.get("curves", [])] == ["A = 1000 x 1.1^t"]  # x: times
    b = beats_for("Draw axes with x from 0 to 10 and y from 0 to 10. Mark the points (30, 4000) and (2, 3).")
    first = [x for x in b if x.kind == "plot"][0]
    assert first.params["x_range"][1] >= 30 and first.params["y_range"][1] >= 4000


def test_a_chain_of_symbols_keeps_its_first_symbol():
    assert [b.params.get("nodes") for b in beats_for("Show the chain w1 -> z -> h -> y_hat -> L.")] == [
        ["w1", "z", "h", "y_hat", "L"]]


def test_a_counter_updates_in_place_and_passes_the_layout_check():
    from compiler.inspect import inspect_storyboard

    sb = Storyboard.model_validate({"scenes": [scene(
        'Show counter "n = 1" in the top right. Plot f(x) = e^{-x} for x from 0 to 3. Update counter to "n = 5".',
        "We start with one sample. Then the curve. Now five samples.")]})
    beats = plan_storyboard(sb).scenes[0].beats
    upd = [b for b in beats if "update-in-place" in b.rule]
    assert [(b.params["replaces"], b.strings) for b in upd] == [("n = 1", ("n = 5",))]
    result = inspect_storyboard(sb, jobs=1)
    assert [v for s in result for v in s.violations] == []


def test_a_boxed_answer_keeps_its_box():
    from compiler.inspect import inspect_storyboard

    sb = Storyboard.model_validate({"scenes": [scene(
        'Show the steps: "I = 1000 x 0.10 x 3", "I = $300". Box the final answer "$300".',
        "The interest is three hundred dollars.")]})
    hl = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "highlight"]
    # the box goes around the "$300" of the line "I = $300" (a piece of the typeset formula)
    assert [(b.params.get("target"), b.params.get("part"), b.params.get("mode")) for b in hl] == [
        ("I = $300", "$300", "box")]
    result = inspect_storyboard(sb, jobs=1)
    assert [v for s in result for v in s.violations] == []


def test_axes_written_with_ranges_show_their_numbers_and_no_junk_names():
    b = beats_for("Create axes: x from 0 to 3, y from 0 to 2.5. Plot f(x) = e^{-x}.")
    assert [x for x in b if x.kind == "plot"][0].params.get("numbers") is True
    b = beats_for("Create axes (x range -4 to 4, y range 0 to 0.45, no tick labels). The y axis labels can be hidden.")
    p = [x for x in b if x.kind == "plot"][0].params
    assert not p.get("numbers") and p.get("y_label") is None and p.get("x_label") is None


def test_tick_numbers_are_round_whatever_the_range():
    from compiler.runtime.components.plot import _nice_step

    assert _nice_step(126.5775 + 11.55) == 50 and _nice_step(2.5) == 0.5 and _nice_step(18000) == 5000


def test_the_styles_curve_colour_paints_the_first_curve_even_when_other_labels_have_colours():
    from manim import ManimColor

    from compiler.planner.theme import parse_theme
    from compiler.runtime.components.plot import curve_colour

    theme = parse_theme("Curve yellow (#FFFF00); tangent line in green; axes grey.")[0].to_json()
    assert curve_colour(theme, 0, {"expr": "x^2", "label": "y = x^2"}) == ManimColor("#FFFF00")
    assert curve_colour(theme, 1, {"expr": "2x - 1", "label": "tangent line"}) == ManimColor(theme["labels"]["tangent line"])


def test_redraw_brings_back_and_back_to_does_not():
    sb = Storyboard.model_validate({"scenes": [
        scene("Show a neural network with layers 3, 4, 2 labelled Input, Hidden, Output.", "A network."),
        scene("Redraw the network at the top.", "The same network."),
        scene("Draw a red arrow from L back to the w2 line.", "The gradient flows back.")]})
    p = plan_storyboard(sb)
    assert [b.kind for b in p.scenes[1].beats][:1] == ["network"] and "recalled" in p.scenes[1].beats[0].rule
    assert not any("recalled" in b.rule for b in p.scenes[2].beats)


def test_a_derivation_is_revealed_line_by_line_with_the_sentences_that_walk_through_it():
    from compiler.timing import estimate_timings, time_plan

    sb = Storyboard.model_validate({"scenes": [scene(
        "Show the derivation line by line: 2x + 3 = 7, 2x = 4, x = 2.",
        "We want to solve two x plus three equals seven. First subtract three from both sides, which leaves two x "
        "equals four. The weather is nice today and we take a breath. Finally divide by two, so x equals two.")]})
    timed = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes[0]
    (steps,) = [tb for tb in timed.beats if tb.beat.kind == "steps"]
    starts = [s.start - steps.start for s in timed.sentences]
    assert steps.line_times[0] == 0.0
    assert abs(steps.line_times[1] - starts[1]) < 0.05  # "…leaves two x equals four"
    assert abs(steps.line_times[2] - starts[3]) < 0.05  # "Finally divide by two, so x equals two", not the weather


def test_a_lone_column_is_a_list_not_half_an_empty_comparison():
    """"On the right side, list the givens: …" with nothing on the left: a list (here all formulas: typeset)."""
    sb = Storyboard.model_validate({"scenes": [scene(
        'Draw a ramp on the left. On the right side, list the givens: "m = 2 kg", "θ = 30°", "μ = 0.2".',
        "A block on a ramp. These are the givens.")]})
    beats = plan_storyboard(sb).scenes[0].beats
    assert "comparison" not in {b.kind for b in beats}
    assert any(b.kind in ("bullets", "equation") and "m = 2 kg" in b.strings for b in beats)


def test_a_decimal_at_the_start_of_a_data_line_is_not_a_list_number():
    """"0.125 | 0.125 - 0.0156" under a colon: the cell is 0.125, never 125 (a wrong number drawn silently)."""
    sb = Storyboard.model_validate({"scenes": [scene(
        'Show a table with columns "t" and "d":\n  0.5 | 1.2\n  0.75 | 2.7\n  1.25 | 7.5',
        "Distances at three times.")]})
    table = next(b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "table")
    assert [r[0] for r in table.params["rows"]] == [0.5, 0.75, 1.25]


def test_a_curve_named_twice_is_drawn_once():
    from compiler.planner.beats import Beat
    from compiler.planner.typeset import distinct_curves

    b = Beat("plot", {"curves": [{"expr": "y = x", "label": "y = x"}, {"expr": "y=x", "label": "y = x"},
                                 {"expr": "y = x^2"}]}, ("y = x",), "plot:formula", "Plot y = x.", 0, ())
    assert [c["expr"] for c in distinct_curves([b])[0].params["curves"]] == ["y = x", "y = x^2"]


def test_a_header_row_sentence_then_a_rows_block_make_one_table():
    sb = Storyboard.model_validate({"scenes": [scene(
        'Draw a grid for the results. Header row: "Metal", "Mass", "Volume". Rows:\n'
        '   "Iron" | "79" | "10"\n   "Gold" | "193" | "10"',
        "Two metals, their masses and volumes.")]})
    tables = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "table"]
    assert len(tables) == 1 and tables[0].params["columns"] == ["Metal", "Mass", "Volume"]
    assert tables[0].params["rows"] == [["Iron", 79, 10], ["Gold", 193, 10]]


def test_an_array_drawn_as_cells_is_not_also_a_numbered_grid():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw the array [52, 14, 30, 7, 66] as a row of 5 square cells, each with its number inside.",
        "Five numbers to sort.")]})
    kinds = [b.kind for b in plan_storyboard(sb).scenes[0].beats]
    assert "sequence" in kinds and "grid" not in kinds


def test_a_tangent_line_joins_the_axes_on_screen():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw axes with x from 0 to 4 and y from -1 to 16, and plot f(x) = x^2. Draw the tangent line at x = 2: y = 4x - 4.",
        "The parabola. Its tangent at two.")]})
    plots = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "plot"]
    tangent = [b for b in plots[1:] if b.params.get("curves")]
    assert tangent and all(b.params.get("extend") for b in tangent)  # on the same axes, not new ones
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw axes with x from 0 to 4 and y from -1 to 16, and plot f(x) = x^2. Draw the secant line y = 5x - 6.",
        "The parabola. A secant through two of its points.")]})
    plots = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "plot"]
    secant = [b for b in plots if any(c["expr"] == "y = 5x - 6" for c in b.params.get("curves", []))]
    assert secant and secant[0].params.get("extend") and secant[0].params["x_range"] == [0, 4]


def test_a_table_of_named_rows_filled_row_by_row():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw a table with rows 'Start', 'Change', 'End' and columns 'A', 'B'. Fill the Start row: 2.00, 0. "
        "Fill the Change row: -x, +x. Replace the End row with numbers: 1.50, 0.50.",
        "The table. Start. Change. End.")]})
    tables = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "table"]
    assert tables[0].params["columns"] == ["", "A", "B"]
    assert tables[-1].params["rows"] == [["Start", "2.00", 0], ["Change", "-x", "+x"], ["End", "1.50", "0.50"]]
    assert "sequence" not in {b.kind for b in plan_storyboard(sb).scenes[0].beats}


def test_a_bar_chart_of_quoted_label_value_bars():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw a horizontal bar chart of the belief: 'Prior: 2%', 'After one test: 15.5%', 'After two: 62%'.",
        "Belief grows with each test.")]})
    beats = plan_storyboard(sb).scenes[0].beats
    bars = [b for b in beats if b.kind == "bar_chart"]
    assert [b.kind for b in beats] == ["bar_chart"]
    assert bars[0].params["labels"] == ["Prior", "After one test", "After two"]
    assert bars[0].params["values"] == [2, 15.5, 62] and bars[0].params["unit"] == "%"


def test_a_merge_shows_its_result():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Merge [14] and [6, 20]: compare 14 vs 6, take 6; then 14, then 20; result [6, 14, 20].",
        "Merging two sorted pieces.")]})
    seq = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "sequence"]
    assert seq and seq[0].params["tokens"] == ["6", "14", "20"]


@pytest.mark.parametrize("style, background, text", [
    ("White background with black text.", "#FFFFFF", "#000000"),
    ("White background.", "#FFFFFF", "#1A1A1A"),       # the default light text would vanish: dark text instead
    ("Dark background with white text.", "#0F0F1A", "#FFFFFF"),
    ("Key circles yellow with black text.", "#0F0F1A", "#E0E0E0"),  # black text inside the circles, not all text
])
def test_the_scene_text_reads_on_its_background(style, background, text):
    from compiler.planner.theme import parse_theme

    theme, _ = parse_theme(style)
    assert (theme.background, theme.text) == (background, text)


@pytest.mark.parametrize("style,background", [
    ("Update rule font size 32 on a black background rectangle, eta in yellow (#FFFF00).", None),  # a box's
    ("Black background, eta in yellow (#FFFF00).", "#000000"),  # the later hex is eta's, not the background's
    ("Dark background (#1C1C1C), curve in blue (#58C4DD).", "#1C1C1C"),
    ("Dark grey background #222222 with a subtle grid.", "#222222"),
])
def test_the_background_takes_its_own_colour_not_the_next_elements(style, background):
    from compiler.planner.theme import Theme, parse_theme

    assert parse_theme(style)[0].background == (background or Theme().background)
