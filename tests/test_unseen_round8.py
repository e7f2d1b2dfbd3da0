"""Sentences from storyboards the planner was not written against that it misread (round 8), and the
pictures they needed. One test per mechanism."""

from __future__ import annotations

from compiler.components import flow as flow_component
from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(*details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(d, "Some narration here.", plot="A test scene.") for d in details]})
    plan = plan_storyboard(sb)
    return [list(s.beats) for s in plan.scenes], [f"{n.code} {n.message}" for n in plan.diagnostics]


def only(beats, kind):
    found = [b for b in beats if b.kind == kind]
    assert len(found) == 1, [(b.kind, b.rule) for b in beats]
    return found[0]


# ----------------------------------------------------------------------------- cycles
def test_a_chain_that_ends_where_it_began_is_a_cycle():
    (beats,), _ = planned("Show the water cycle: Evaporation → Condensation → Precipitation → Collection → back to "
                          "Evaporation.")
    f = only(beats, "flow")
    assert f.params["direction"] == "cycle"
    assert f.params["nodes"] == ["Evaporation", "Condensation", "Precipitation", "Collection"]  # each box once
    assert "Evaporation -> Condensation -> Precipitation -> Collection -> Evaporation" in \
        flow_component.drawn(f.params)


def test_boxes_said_to_go_round_are_a_cycle_clockwise_from_the_top():
    (beats,), _ = planned("Draw four labeled points around a circle, connected by curved arrows going clockwise: "
                          "left 'D', top 'A', bottom 'C', right 'B'.")
    f = only(beats, "flow")
    assert (f.params["direction"], f.params["nodes"]) == ("cycle", ["A", "B", "C", "D"])


def test_a_pipeline_without_loop_words_stays_a_chain():
    (beats,), _ = planned("Draw a flow: Input → Model → Output.")
    assert only(beats, "flow").params["direction"] == "right"
    # a box named "Calvin cycle" is a name, not a loop
    (beats,), _ = planned('Show a diagram with three boxes: "Light reactions", "Calvin cycle" and "Sugar", joined '
                          'by arrows.')
    assert only(beats, "flow").params["direction"] == "right"


def test_what_enters_or_leaves_a_cycle_goes_where_the_sentence_places_it():
    (beats,), _ = planned(
        "Draw a large circle with four labeled points around it, connected by curved arrows going clockwise: top "
        "'RuBP', right '3-PGA', bottom 'G3P', left 'regenerate RuBP'. From outside the top right, draw an arrow "
        "bringing in 'CO2' with the label 'carbon fixation'. On the right-to-bottom arrow, draw incoming arrows "
        "'ATP' and 'NADPH' and outgoing 'ADP'. From the bottom, draw an arrow leaving the cycle labeled 'glucose'.")
    f = only(beats, "flow")
    assert f.params["ports"] == [{"box": 0, "label": "CO2", "way": "in"}, {"box": 1, "label": "ATP", "way": "in"},
                                 {"box": 1, "label": "NADPH", "way": "in"}, {"box": 1, "label": "ADP", "way": "out"},
                                 {"box": 2, "label": "glucose", "way": "out"}]
    # the top-right place is the arrow from the top box to the right one: its label is that arrow's
    assert f.params["edge_labels"] == ["carbon fixation", "", "", ""]


def test_a_cycle_is_drawn_round_a_circle_within_the_frame():
    from compiler import dryrun

    from .test_generate import generated

    visual = {"kind": "flow", "nodes": ["Evaporation", "Condensation", "Precipitation", "Collection"],
              "direction": "cycle", "edge_labels": ["cools", "falls", "gathers", "heats"],
              "ports": [{"box": 0, "label": "sunlight", "way": "in"}, {"box": 2, "label": "runoff", "way": "out"}]}
    (g,) = generated({"scenes": [{"scene_plot": "A cycle.", "animation_details": "A cycle.", "animation_style": "Plain.",
                                  "audio_text": "Round it goes.", "visuals": [visual]}]})
    ins = dryrun.run_scene(g.code, g.class_name, 1)
    assert ins.violations == []


# ----------------------------------------------------------------------------- words that describe, not show
def test_a_label_asked_for_without_its_words_is_reported_not_written():
    (beats,), notes = planned("Draw two legs of lengths 3 and 4 meeting at a vertex, with the third side connecting "
                              "their ends. Show a live angle label at the vertex.")
    assert [b.kind for b in beats] == ["geometry"]
    assert any("SB301" in n and "live angle label" in n for n in notes)


def test_an_instruction_after_a_place_is_not_a_caption():
    (beats,), notes = planned("For each year draw two bars side by side: simple (1000, 1100, 1200, 1300) and compound "
                              "(1000, 1100, 1210, 1331). On the compound bars of year 2 and year 3, color the part "
                              "above the simple bar height differently: year 2 extra = $10, year 3 extra = $31.")
    assert [b.kind for b in beats] == ["bar_chart"]
    assert any("SB301" in n and "color the part" in n for n in notes)


# ----------------------------------------------------------------------------- highlights
def test_the_first_column_in_one_colour_and_the_second_in_another():
    (beats,), _ = planned('Show the matrix "A = [[3, 1], [0, 2]]". Highlight the first column of the matrix in green '
                          'and the second in red.')
    marks = [b for b in beats if b.kind == "highlight"]
    assert [(b.params["column"], b.params["color"]) for b in marks] == [(1, "green"), (2, "red")]
    (beats,), notes = planned('Show the matrix "A = [[3, 1], [0, 2]]". Highlight the first column in green and the '
                              'third in red.')
    assert [b.params["column"] for b in beats if b.kind == "highlight"] == [1]
    assert any("there is no third column" in n for n in notes)


def test_a_column_highlight_lands_on_the_matrix_beside_a_plane_not_on_the_plane():
    from compiler.runtime.components import vector_plane
    from compiler.runtime.components.annotation import _cells_of, select
    theme = {"background": "#000000", "text": "#FFFFFF", "title": "#FFFFFF", "accent": "#FFFFFF", "roles": {},
             "labels": {}, "palette": [], "font": "DejaVu Sans", "mono_font": "DejaVu Sans Mono"}
    plane = vector_plane.build(theme, matrices=[{"values": [[3, 1], [0, 2]], "label": "A"}])
    cells = _cells_of(plane)
    assert cells is not None and [len(r) for r in cells] == [2, 2]
    column = select(plane, plane, column=2)
    assert column.width < 1.0 < plane.width  # the matrix's second column, not the whole plane


# ----------------------------------------------------------------------------- curves described by their shape
def test_a_curve_described_by_its_peaks_and_valley_is_drawn_through_them():
    from compiler.planner.curve_shape import height_at

    (beats,), _ = planned('Draw axes with x-axis "Wavelength (nm)" from 400 to 700 and y-axis "Light absorbed" from 0 '
                          'to 1. Draw a smooth curve with a high peak near 430 nm, a low valley between 500 and 600 nm, '
                          'and a second peak near 660 nm. Label the peaks "blue absorbed" and "red absorbed", and the '
                          'valley "green reflected".')
    assert [b.rule for b in beats] == ["plot:axes-cue", "plot:shaped-curve", "plot:feature-labels"]
    assert beats[0].params["y_range"] == [0, 1]  # the axes as written: no parabola stretched them to 500000
    (series,) = beats[1].params["series"]
    pts = series["points"]
    assert series["dots"] is False and not any("expr" in c for c in beats[1].params.get("curves", []))
    assert height_at(pts, 430) > 0.85 and height_at(pts, 660) > 0.7 and height_at(pts, 550) < 0.15
    assert all(0 <= y <= 1 for _, y in pts) and pts[0][0] == 400 and pts[-1][0] == 700
    labels = {p["label"]: p["x"] for p in beats[2].params["points"]}
    assert labels == {"blue absorbed": 430, "red absorbed": 660, "green reflected": 550}


def test_a_curve_with_one_dip_on_its_own_axes():
    (beats,), _ = planned("Plot a curve with a deep dip at x = 3.")
    (b,) = beats
    assert b.rule == "plot:shaped-curve" and b.params["y_range"] == [0, 1]
    pts = b.params["series"][0]["points"]
    lo = min(pts, key=lambda p: p[1])
    assert abs(lo[0] - 3) < 0.3 and lo[1] < 0.15 and max(y for _, y in pts) > 0.8


def test_the_minimum_of_a_curve_on_screen_is_a_point_not_a_new_shape():
    (beats,), _ = planned("Plot y = (x - 3)^2 + 1. Mark the minimum at x = 3 with a dot.")
    assert "plot:shaped-curve" not in [b.rule for b in beats]


# ----------------------------------------------------------------------------- states over time
def test_a_style_sentence_about_the_end_of_the_scene_does_not_colour_its_start():
    from compiler.planner.theme import parse_theme

    yellow = parse_theme("Nodes yellow.")[0].roles["node"]
    theme, fired = parse_theme("Nodes yellow. At the end all nodes are green, and the table gets a yellow frame.")
    assert theme.roles["node"] == yellow != parse_theme("All nodes are green.")[0].roles["node"]
    assert any("later state" in f for f in fired)
    theme, _ = parse_theme("When visited, a node turns green.")
    assert "node" not in theme.roles


def test_a_node_note_follows_the_table_row_that_holds_the_same_value():
    from compiler.planner.beats import Beat
    from compiler.planner.mirror import mirrored_notes

    graph = Beat("graph", {"nodes": ["A", "B", "C"], "edges": [], "steps": [
        {"action": "note", "nodes": ["A"], "text": 0}, {"action": "note", "nodes": ["B"], "text": "∞"},
        {"action": "note", "nodes": ["C"], "text": 4}]}, (), "graph:declared", "s", 0)
    before = Beat("table", {"columns": ["Node", "Dist"], "rows": [["A", 0], ["B", "inf"], ["C", 4]]}, (), "table", "s", 1)
    after = Beat("table", {"columns": ["Node", "Dist"], "rows": [["A", 0], ["B", 5], ["C", 3]], "update": True}, (),
                 "table:update", "update B to 5 and C to 3", 2)
    out = mirrored_notes([graph, before, after])
    assert [b.rule for b in out] == ["graph:declared", "table", "table:update", "graph:note-follows-table"]
    assert out[-1].params == {"extend": True, "steps": [{"action": "note", "nodes": ["B"], "text": "5"},
                                                        {"action": "note", "nodes": ["C"], "text": "3"}]}
    # a table beside no graph, or a graph whose nodes carry no note, is left as it is
    assert mirrored_notes([before, after]) == [before, after]
    bare = Beat("graph", {"nodes": ["A", "B", "C"], "edges": []}, (), "graph:declared", "s", 0)
    assert mirrored_notes([bare, before, after]) == [bare, before, after]


def test_labels_written_under_quoted_symbols_point_at_them():
    (beats,), notes = planned('Write the equation in the center: MathTex "A \\vec{v} = \\lambda \\vec{v}". Add labels with '
                              'arrows: under "A" write "matrix (transformation)", under "v" write "eigenvector", under '
                              '"lambda" write "eigenvalue (a number)".')
    assert [b.kind for b in beats] == ["equation", "annotation", "annotation", "annotation"]
    assert [(b.params["target"], b.params["label"]) for b in beats[1:]] == [
        ("A", "matrix (transformation)"), ("v", "eigenvector"), ("lambda", "eigenvalue (a number)")]
    assert not any(b.kind == "flow" for b in beats)


def test_a_line_through_the_origin_along_a_direction_spans_the_plane():
    (beats,), _ = planned('NumberPlane from -7 to 7 and -4 to 4. Draw a yellow vector v from (0,0) to (1,1) and a '
                          'dashed white line through the origin along the direction (1,1) labeled "span of v".')
    plane = beats[-1]
    assert plane.kind == "vector_plane" and plane.params["vectors"][0]["label"] == "v"
    (seg,) = plane.params["segments"]
    assert seg["start"] == [-4.0, -4.0] and seg["end"] == [4.0, 4.0] and seg["label"] == "span of v"
    assert seg.get("dashed", True) is True
    assert not any(b.kind == "text" for b in beats)


def test_a_chain_written_with_left_arrows_points_the_way_it_was_written():
    (beats,), _ = planned('Show a chain of arrows: "d" <- "needs phi(n)" <- "needs p and q" <- "needs to factor n".')
    f = only(beats, "flow")
    assert f.params["nodes"] == ["needs to factor n", "needs p and q", "needs phi(n)", "d"]


def test_two_arrows_between_two_boxes_each_way_with_its_label():
    (beats,), _ = planned('Show two arrows between "3, 11" and "33": a red arrow going left labeled "factor: hard" '
                          'and a green arrow going right labeled "multiply: easy".')
    f = only(beats, "flow")
    assert f.params["nodes"] == ["3, 11", "33"] and f.params["both_ways"] is True
    assert f.params["edge_labels"] == ["multiply: easy", "factor: hard"]  # the forward one first
    assert not any(b.kind == "text" for b in beats)


# ----------------------------------------------------------------------------- timelines placed by coordinates
def test_timelines_placed_by_x_and_arrows_between_them_by_their_end_points():
    (beats,), notes = planned(
        "Draw three vertical lines down the screen: the browser lifeline at x = -5, the resolver lifeline at x = 0 and "
        'the server lifeline at x = 5. Titles over them: "Browser", "Resolver" and "Server". Draw an arrow from (-5, 2) '
        'to (0, 1.5) labeled "query". Then an arrow from (0, 1.2) to (5, 0.7). Message box above it: "GET /", "Host: '
        'a.com". Draw an arrow from (5, 0.4) to (-5, -0.2) "200 OK".')
    charts = [b for b in beats if b.kind == "message_chart"]
    assert charts[0].params["lifelines"] == ["Browser", "Resolver", "Server"]
    msgs = [m for b in charts for m in b.params.get("messages") or []]
    assert [(m["from"], m["to"], m.get("label")) for m in msgs] == [
        ("Browser", "Resolver", "query"), ("Resolver", "Server", "GET /, Host: a.com"), ("Server", "Browser", "200 OK")]
    assert not [b for b in beats if b.kind in ("text", "flow", "steps")]  # names and labels are the chart's


def test_state_labels_listed_after_a_colon_are_states_not_parties():
    (beats,), _ = planned("Draw two timelines: the sender timeline at x = -3 and the receiver timeline at x = 3. State "
                          'labels at the top: sender side "IDLE", receiver side "WAITING".')
    charts = [b for b in beats if b.kind == "message_chart"]
    assert charts[0].params["lifelines"] == ["Sender", "Receiver"]
    assert [(s["lifeline"], s["text"]) for b in charts for s in b.params.get("states") or []] == [
        ("Sender", "IDLE"), ("Receiver", "WAITING")]


def test_an_arrow_at_a_place_labelled_time_is_no_pointer():
    (beats,), _ = planned('Draw two timelines: the client timeline at x = -4 and the server timeline at x = 4. Add a '
                          'small downward arrow at the far left labeled "time".')
    assert [b.kind for b in beats] == ["message_chart"] and beats[0].params.get("time_arrow") is True


# ----------------------------------------------------------------------------- circuits
def circuits(beats):
    return [b for b in beats if b.kind == "circuit"]


def test_branches_each_with_a_resistor_then_their_labels():
    (beats,), _ = planned('Draw the circuit: a 9 V battery on the left wire. Three vertical branches to its right, each with a small '
                          'resistor in the middle. Labels "R1 = 2 Ω", "R2 = 4 Ω" and "R3 = 6 Ω".')
    (c,) = circuits(beats)
    rs = [e for e in c.params["elements"] if e["type"] == "resistor"]
    assert [(e["label"], e["value"], e["branch"]) for e in rs] == [("R1", "2 Ω", 1), ("R2", "4 Ω", 2), ("R3", "6 Ω", 3)]
    assert not [b for b in beats if b.kind in ("text", "equation")]  # the labels are on the resistors


def test_a_parallel_circuit_of_named_devices():
    (beats,), _ = planned('Draw a parallel circuit with four branches labeled "Kettle", "Lamp", "Heater", "Radio".')
    (c,) = circuits(beats)
    devices = [(e["type"], e.get("label"), e.get("branch")) for e in c.params["elements"] if e["type"] != "battery"]
    assert devices == [("resistor", "Kettle", 1), ("bulb", "Lamp", 2), ("resistor", "Heater", 3), ("resistor", "Radio", 4)]


def test_a_second_loop_is_a_circuit_of_its_own_and_its_cross_breaks_a_bulb():
    (beats,), _ = planned('Draw a parallel circuit with two branches labeled "A", "B". Then draw a series loop with three '
                          'small circles (bulbs) on one wire. Draw a cross over one bulb. Show the text "Parallel adds '
                          'paths; series adds resistance."')
    first, second, steps = circuits(beats)
    assert [e["type"] for e in second.params["elements"]] == ["bulb", "bulb", "bulb"]
    assert not second.params.get("extend") and steps.params["steps"] == [{"action": "break", "element": "bulb"}]
    assert not [b for b in beats if b.kind == "icon"]
    # a noun inside the quoted text adds no element
    assert all(e["type"] == "bulb" for e in second.params["elements"])


def test_each_resistor_named_again_is_no_new_resistor():
    (beats,), _ = planned('Draw a 6 V battery and two resistors in parallel. Place the label "6 V" next to each resistor.')
    (c,) = circuits(beats)
    assert [(e["type"], e.get("branch")) for e in c.params["elements"]] == [("battery", None), ("resistor", 1), ("resistor", 2)]


def test_outputs_shown_in_boxes_stand_apart_without_an_arrow():
    (beats,), _ = planned("On the right end, show two outputs in boxes: 'ATP' and 'NADPH', with the label 'energy "
                          "carriers'.")
    f = only(beats, "flow")
    assert f.params["arrows"] is False and "ATP -> NADPH" not in f.strings
    (beats,), _ = planned("Draw two boxes 'Client' and 'Server' connected by an arrow.")
    assert only(beats, "flow").params.get("arrows", True) is True


def test_arrows_into_and_out_of_the_one_box_on_screen_are_its_inputs_and_outputs():
    (beats,), notes = planned(
        "Draw a central rounded rectangle labeled 'Factory'. Draw three arrows pointing into it: from the top left, an "
        "arrow from a small circle (the mine) labeled 'Ore'; from the left, an arrow labeled 'Coal'; from the bottom, an "
        "arrow labeled 'Water'. Draw two arrows pointing out: to the right, 'Steel', and to the top right, 'Smoke'.")
    f = only(beats, "flow")
    assert f.params["nodes"] == ["Factory"]
    assert [(p["label"], p["way"]) for p in f.params["ports"]] == [
        ("Ore", "in"), ("Coal", "in"), ("Water", "in"), ("Steel", "out"), ("Smoke", "out")]
    assert not [b for b in beats if b.kind == "drawing"]
    assert any("the mine" in n for n in notes)  # where an arrow starts, not drawn: said


def test_many_inputs_over_a_small_box_do_not_overlap():
    from compiler import dryrun

    from .test_generate import generated

    visual = {"kind": "flow", "nodes": ["Leaf"], "ports": [
        {"box": 0, "label": "Light energy", "way": "in"}, {"box": 0, "label": "Carbon dioxide (from air)", "way": "in"},
        {"box": 0, "label": "Water (from roots)", "way": "in"}, {"box": 0, "label": "Glucose (sugar, stored energy)",
                                                                 "way": "out"},
        {"box": 0, "label": "Oxygen (released into air)", "way": "out"}]}
    (g,) = generated({"scenes": [{"scene_plot": "A leaf.", "animation_details": "A leaf.", "animation_style": "Plain.",
                                  "audio_text": "In and out.", "visuals": [visual]}]})
    assert dryrun.run_scene(g.code, g.class_name, 1).violations == []


# ----------------------------------------------------------------------------- maths as written
def test_a_squished_grid_example_is_named_and_its_determinant_written_under_it():
    (beats,), notes = planned("Write det(A - λI) = 0. Show a tiny inset plane where a grid gets squished onto a single "
                              "line.")
    plane = only(beats, "vector_plane")
    (m,) = plane.params["matrices"]
    assert m["label"] == "S" and plane.params["unit_square"] is True  # "S = […]" and "det S = 0", not "det = 0 = […]"
    assert any("determinant 0" in n for n in notes)


def test_greek_names_in_a_written_matrix_are_letters():
    (beats,), _ = planned("Show A - lambda I = [[3 - lambda, 1], [0, 2 - lambda]] as a matrix.")
    m = only(beats, "matrix")
    assert m.params["values"] == [["3 - λ", 1], [0, "2 - λ"]] and m.params["label"] == "A - λ I"


def test_a_quoted_result_said_boxed_keeps_a_box():
    (beats,), _ = planned('Final: "x = 3 or x = -2", boxed.')
    assert [b.kind for b in beats][-1] == "highlight" and beats[-1].params["mode"] == "box"


def test_a_picture_redrawn_with_new_values_shows_them():
    sb = Storyboard.model_validate({"scenes": [
        scene('Draw three circles in a row labeled "a", "b", "c". Draw a line from a to b labeled "w1 = 0.5" and a line '
              'from b to c labeled "w2 = 3".', "One.", plot="A net."),
        scene("Redraw the tiny network with the new weights w1 = 0.38, w2 = 2.98 and x = 2.", "Two.", plot="Again.")]})
    plan = plan_storyboard(sb)
    first = [b for b in plan.scenes[0].beats if "w1 = 0.5" in b.strings]
    again = [b for b in plan.scenes[1].beats if "recalled" in b.rule]
    assert first and again
    shown = " | ".join(again[0].strings)
    assert "w1 = 0.38" in shown and "w2 = 2.98" in shown and "w1 = 0.5" not in shown


def test_a_check_mark_in_a_row_marks_the_newest_table_not_a_big_icon():
    (beats,), _ = planned('Draw a table with three columns "Node", "Dist", "Prev" and three rows: A | 0 | -, B | inf | -, '
                          'C | inf | -. Update the B row to "B | 4 | A". Then add a check mark in the A row.')
    tables = [b for b in beats if b.kind == "table"]
    assert tables[-1].rule == "table:row-mark" and not [b for b in beats if b.kind == "icon"]
    assert tables[-1].params["rows"][0][-1].endswith("✓") and tables[-1].params["rows"][1] == ["B", 4, "A"]


def test_an_instruction_line_in_a_derivation_is_the_note_of_the_line_it_works_on():
    (beats,), _ = planned('Write the derivation line by line:\nLine 1: "x^2 + 2x + 1 = 2x + 5"\nLine 2: subtract 2x from '
                          'both sides, show "- 2x" under both sides in red\nLine 3: "x^2 + 1 = 5"')
    (s,) = beats
    assert s.params["lines"] == ["x^2 + 2x + 1 = 2x + 5", "x^2 + 1 = 5"]
    assert s.params["notes"] == ["- 2x from both sides", ""]  # beside the line it works on, never loose below


def test_two_braces_in_one_sentence_each_under_its_piece_of_the_formula():
    (beats,), _ = planned('Write the main result: \\bar{X}_n \\approx \\mathcal{N}\\left(\\mu, \\frac{\\sigma^2}{n}\\right)\n'
                          'Brace under \\mu with the label "center stays the same" and brace under \\frac{\\sigma^2}{n} '
                          'with the label "spread shrinks".')
    assert [b.kind for b in beats] == ["equation", "annotation", "annotation"]  # no stray \mu or σ²/n of their own
    assert [(b.params["target"], b.params["label"]) for b in beats[1:]] == [
        ("\\mu", "center stays the same"), ("\\frac{\\sigma^2}{n}", "spread shrinks")]


def test_an_arrow_back_against_a_chain_is_said_not_put_on_the_chain():
    (beats,), notes = planned('Show a dependency chain text: w2 -> y_hat -> L, with arrows between. Draw a red arrow '
                              'from L back to the w2 line and place the label "2" on it.')
    f = only(beats, "flow")
    assert not f.params.get("edge_labels")  # "2" is on no arrow of the chain (it would read as d y_hat / d w2)
    assert any("back to 'w2' is not drawn" in n for n in notes)


def test_a_verb_before_a_formula_is_no_caption():
    (beats,), _ = planned("Multiply: dL/dw2 = 2 * 1 = 2.")
    assert only(beats, "equation").params.get("label") is None


def test_resistors_on_separate_branches_are_in_parallel_without_the_word():
    (beats,), _ = planned("Draw a second circuit: a battery on the left side, and two resistor zigzags on two separate "
                          "vertical branches connected between the top and bottom wires.")
    (c,) = circuits(beats)
    assert [e.get("branch") for e in c.params["elements"] if e["type"] == "resistor"] == [1, 2]


def test_a_place_written_with_a_value_changes_no_curve_of_the_recalled_plot():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw axes with x from 0 to 35 and y from 0 to 25. Animate the ball along y = 20 - 4.9 (x / 15)^2 from "
              "x = 0 to x = 30.3.", "One.", plot="A throw."),
        scene("Redraw the axes from scene 1 (x from 0 to 35 m, y from 0 to 25 m, cliff top at y = 20).", "Two.",
              plot="Again.")]})
    plan = plan_storyboard(sb)
    again = [b for b in plan.scenes[1].beats if "recalled" in b.rule and b.kind == "plot"]
    assert again and [c["expr"] for c in again[0].params.get("curves") or []] == ["y = 20 - 4.9 (x / 15)^2"]


def test_a_tick_on_an_axis_is_no_check_icon():
    (beats,), notes = planned("Draw axes with x from 0 to 35 and y from 0 to 25. Every 0.5 s, place a small blue tick on "
                              "the x-axis and a small green tick on the y-axis.")
    assert not [b for b in beats if b.kind == "icon"]
    assert any("SB301" in n for n in notes)
    (beats,), _ = planned('Show the answer "42" with a tick next to it.')
    assert [b.params["icons"] for b in beats if b.kind == "icon"] == [["check"]]


def test_formula_said_to_be_a_formula_is_drawn_once_without_that_caption():
    (beats,), _ = planned("Formula: m = c^d mod n = 31^7 mod 33.")
    (b,) = beats
    assert b.kind == "equation" and b.params.get("label") is None


def test_the_name_of_a_box_not_drawn_is_no_heading():
    (beats,), notes = planned('Draw a box labeled "Eve" below the middle of the line with a dashed line going up to the '
                              'channel, and a text "sees everything".')
    assert not any(s.startswith("Box") for b in beats for s in b.strings)
    assert any("the box it belongs to is not" in n for n in notes)


def test_an_arrow_carrying_the_quoted_thing_between_two_parties():
    (beats,), notes = planned('Show "Ciphertext c = 31" boxed, and an arrow carrying it from Alice toward Bob, with Eve '
                              'also getting a copy labeled "Eve sees 31".')
    f = only(beats, "flow")
    assert f.params["nodes"] == ["Alice", "Bob"] and f.params["edge_labels"] == ["Ciphertext c = 31"]
    assert not [b for b in beats if b.kind == "highlight"]  # "boxed" is the ciphertext's, not Eve's copy
    assert any("Eve sees 31" in n for n in notes)


def test_arrows_of_a_round_trip_in_the_colours_the_sentence_gives():
    (beats,), _ = planned('Show two arrows between "3, 11" and "33": a green arrow going right labeled "multiply: easy" '
                          'and a red arrow going left labeled "factor: hard".')
    assert only(beats, "flow").params["edge_colors"] == ["green", "red"]


def test_an_ellipsis_in_quotes_is_no_item_and_its_picture_is_said():
    (beats,), notes = planned('Then show a very long number (write a few rows of random digits then "...") labeled '
                              '"Real n: 2048 bits" and "No known method to factor it".')
    assert not any(s.strip(" .,") == "" or s.startswith("...") for b in beats for s in b.strings)
    assert any("'...'" in n for n in notes)


def test_a_sentence_with_a_formula_in_it_is_not_typeset_whole():
    (beats,), _ = planned('Show the final recap: "Average many independent random things -> bell curve with center mu '
                          'and spread sigma / sqrt(n)".')
    assert [b.kind for b in beats] == ["text"]  # not a fraction with the sentence on top
    (beats,), _ = planned('Show "x = sqrt(2) + 1".')
    assert [b.kind for b in beats] == ["equation"]


def test_tex_in_a_sentence_is_still_typeset():
    (beats,), _ = planned('Below it write "all with the same distribution, mean \\mu and finite variance \\sigma^2".')
    assert [b.kind for b in beats] == ["equation"]


def test_a_range_in_a_picture_said_simplified_is_no_formula():
    (beats,), _ = planned('On the left, show a simplified vertical picture: a vertical line from y = 20 m to y = 0 with '
                          'a green dot falling along it, and label "starts at rest, falls 20 m".')
    assert not [b for b in beats if b.kind == "equation"]  # "y = 20 m, y = 0" is where the line runs, not maths to show


def test_a_check_mark_after_each_row_and_a_highlight_in_the_equation():
    (beats,), notes = planned(
        "Write the equation centered: MathTex '2H_2 + O_2 \\rightarrow 2H_2O'. Then create a table below with columns "
        "'Atom', 'Left side', 'Right side':\nRow H: '2 x 2 = 4' | '4'\nRow O: '2' | '2'\nAs each row appears, highlight "
        "the matching atoms in the equation. Add a check mark after each row.")
    marks = [b for b in beats if b.rule == "table:row-mark"]
    assert marks and all(str(r[-1]).endswith("✓") for r in marks[-1].params["rows"])
    assert not [b for b in beats if b.kind == "icon"]
    (hl,) = [b for b in beats if b.kind == "highlight"]
    assert hl.params["target"].startswith("2H_2")  # the formula — not the table's "Atom" column
    assert any("matching atoms" in n for n in notes)


def test_a_cycle_enters_with_animations_that_run_on_its_curved_arrows():
    """(a dry run skips animations: this starts each one, as a render does — GrowArrow cannot scale an arc)"""
    from compiler.runtime.components import flow

    theme = {"background": "#000000", "text": "#FFFFFF", "title": "#FFFFFF", "accent": "#FFFFFF", "roles": {},
             "labels": {}, "palette": [], "font": "DejaVu Sans", "mono_font": "DejaVu Sans Mono"}
    for parallel in (False, True):
        mob = flow.build(theme, nodes=["A", "B", "C"], direction="cycle", edge_labels=["x", "y", "z"], parallel=parallel)
        anims = flow.enter(mob, 2.0)
        anims = anims if isinstance(anims, list) else [anims]
        for a in anims:
            for sub in getattr(a, "animations", [a]):
                sub.begin()
                sub.interpolate(0.5)


def test_two_chains_written_apart_are_two_chains():
    (beats,), _ = planned('State boxes down the sides: sender: "IDLE" -> "SENDING" -> "DONE"; receiver: "WAITING" -> '
                          '"RECEIVING" -> "DONE", each next to the arrow that causes it.')
    chains = [b.params["nodes"] for b in beats if b.kind == "flow"]
    assert chains == [["IDLE", "SENDING", "DONE"], ["WAITING", "RECEIVING", "DONE"]]  # no arrow from DONE to WAITING
