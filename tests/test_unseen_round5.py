"""Sentences from storyboards the planner was not written against that it misread: a place before a comma ("At the
resolver, show …") that belongs to the clause after it, a side of a named thing that is not a column of a
comparison, columns already drawn named again, a note under a message's label. One test per mechanism."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import assert_snapshot, scene

CHART = ('Draw five boxes in a row: "Your computer", "Recursive resolver", "Root server", "TLD server", '
         '"Name server". Draw a vertical dashed lifeline down from each. Draw a blue arrow from "Your computer" to '
         '"Recursive resolver" labelled "1. A record?". ')


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="A test scene.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_a_place_before_a_comma_names_the_lifeline_of_the_state_after_it():
    beats, _ = planned(CHART + 'At the resolver, show a thought label "cache: miss".')
    assert [b.kind for b in beats] == ["message_chart"] * 3
    assert beats[-1].params["states"] == [{"lifeline": "Recursive resolver", "text": "cache: miss"}]


def test_text_under_the_arrow_label_is_the_note_of_that_message():
    beats, _ = planned(CHART + 'Under the arrow label, show small text "UDP port 53".')
    assert [b.kind for b in beats] == ["message_chart"] * 2
    assert beats[-1].params["messages"][-1]["note"] == "UDP port 53"


def test_the_side_of_a_named_thing_is_no_column_of_a_comparison():
    beats, _ = planned(CHART + "On the right side of the resolver, write the note 'Recursive query: asks for the final "
                               "answer, whatever it takes to find it'.")
    assert "comparison" not in [b.kind for b in beats]
    beats, _ = planned('On the left side of the screen, show "Before". On the right side of the screen, show "After".')
    assert [b.kind for b in beats] == ["comparison"]


def test_columns_named_with_the_are_ones_on_screen_not_a_new_comparison():
    beats, notes = planned(CHART + "The three server columns are shown dimmed.")
    assert "comparison" not in [b.kind for b in beats]
    assert any(n.startswith("SB301") and "dimmed" in n for n in notes)
    beats, _ = planned('Split the screen into three columns titled "Red", "Green", "Blue".')
    assert [b.kind for b in beats] == ["comparison"]


def test_a_highlight_after_a_place_phrase_marks_the_node_named():
    beats, _ = planned('Draw a flow: "root" -> "com" -> "example.com". In the hierarchy tree at the lower left, '
                       'highlight the "com" node.')
    assert [b.kind for b in beats] == ["flow", "highlight"]
    assert beats[-1].params["target"] == "com"


def test_highlighting_a_lifeline_with_a_sub_label_does_both():
    beats, _ = planned(CHART + 'Highlight the "Root server" column with sub-label "a.root-servers.net".')
    assert [b.kind for b in beats][-2:] == ["message_chart", "highlight"]
    assert beats[-2].params["states"] == [{"lifeline": "Root server", "text": "a.root-servers.net"}]
    assert beats[-1].params["target"] == "Root server"


def test_a_filled_box_flashes_its_name_not_a_solid_block():
    from manim import RoundedRectangle, Text, VGroup

    from compiler.runtime.components.highlight import _flashed

    box = RoundedRectangle(width=2, height=0.6).set_fill("#222222", 1)
    name = Text("Root server")
    assert _flashed(VGroup(box, name)).submobjects == [name]
    assert _flashed(name) is name


# ----------------------------------------------------------------------------- free-body diagrams told in other words
def test_arrows_given_by_their_size_are_forces_in_proportion_with_their_colours():
    beats, _ = planned("Show the horizontal forces only on the left: the yellow 30 N arrow to the right and the red "
                       "19.6 N arrow to the left on the dot.")
    (b,) = beats
    assert b.kind == "physics"
    assert b.params["vectors"] == [
        {"type": "force", "direction": "right", "label": "30 N", "color": "#FFE066", "magnitude": 30.0},
        {"type": "force", "direction": "left", "label": "19.6 N", "color": "#FC6255", "magnitude": 19.6}]


def test_arrows_named_by_colour_take_their_new_labels_and_a_recalled_diagram_keeps_them():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    first = scene("Draw a block on the ground with a blue arrow pointing down labelled 'W = mg' and a green arrow "
                  "pointing up labelled 'N'. Then update the labels on the diagram: the blue arrow label becomes "
                  "'W = 49 N' and the green one becomes 'N = 49 N'.", "Weight and normal force.", plot="Forces.")
    second = scene("Keep the small free-body diagram on the left with the red friction arrow highlighted.",
                   "Now friction.", plot="Friction.")
    plan = plan_storyboard(Storyboard.model_validate({"scenes": [first, second]}))
    relabel = plan.scenes[0].beats[-1]
    assert relabel.rule == "physics:relabel"
    assert [v["label"] for st in relabel.params["steps"] for v in st.get("vectors") or []] == ["W = 49 N", "N = 49 N"]
    kept = plan.scenes[1].beats[0]
    assert kept.rule.startswith("physics:recalled-from-scene-1")
    assert sorted(v["label"] for v in kept.params["vectors"])[:2] == ["N = 49 N", "W = 49 N"]  # as the scene left them


# ----------------------------------------------------------------------------- secants and points on a curve
def test_a_secant_through_two_named_points_is_the_line_through_them():
    beats, _ = planned("Draw axes with the curve y = x^3. Mark the point P = (2, 8) and the point Q = (3, 27). Draw the "
                       "orange secant line through P and Q, extended a bit on both sides.")
    secant = beats[-1]
    assert secant.rule == "plot:secant"
    (c,) = secant.params["curves"]
    assert c["expr"] == "8 + 19*(x - 2)" and c["label"] == "slope = 19" and c["color"] == "#FF862F"
    beats, _ = planned("Draw the curve y = x^2. Draw the secant between x = 1 and x = 3.")
    assert beats[-1].params["curves"][0]["expr"] == "1 + 4*(x - 1)"


def test_a_secant_whose_points_are_not_given_is_said_not_guessed():
    beats, notes = planned("Draw the curve y = x^2. Draw the secant line through A and B.")
    assert "plot:secant" not in [b.rule for b in beats]
    assert any(n.startswith("SB307") and "secant" in n for n in notes)


def test_a_point_at_an_expression_is_placed_where_the_sentence_works_it_out():
    beats, _ = planned('Draw the curve y = x^3 with the point P = (2, 8). Add a pink point Q on the curve at x = 2 + h, '
                       'starting with h = 1, so Q = (3, 27), labelled "Q".')
    point = next(b for b in beats if b.rule == "plot:point-on-curve")
    assert point.params["points"] == [{"x": 3, "y": 27, "label": "Q"}]  # not x = 2 (the 2 of 2 + h), not x = h = 1


# ----------------------------------------------------------------------------- labels are not list items
def test_one_word_under_each_panel_is_the_caption_of_each_column():
    beats, _ = planned('Divide the screen into three equal panels with headings "acute", "right" and "obtuse". Under '
                       'each panel show a one word verdict: "positive", "zero", "negative".')
    assert [b.kind for b in beats] == ["comparison"]
    assert beats[0].params["captions"] == ["positive", "zero", "negative"]


def test_labels_of_things_in_the_picture_are_one_line_of_labels_not_a_list():
    beats, _ = planned('Show three pendulums side by side with lengths 0.25 m, 1 m and 4 m, labelled "T = 1.00 s", '
                       '"T = 2.01 s" and "T = 4.01 s".')
    assert "bullets" not in [b.kind for b in beats]
    (t,) = [b for b in beats if b.kind == "text"]
    assert all(x in t.params["text"] for x in ("T = 1.00 s", "T = 2.01 s", "T = 4.01 s"))
    beats, _ = planned('Draw two bars, one above each letter: "A", "B".')
    assert [b.params.get("text") for b in beats if b.kind == "text"] == ["A   ·   B"]
    beats, _ = planned('Show a list of the three rules: "no diagonals", "one step at a time", "walls block".')
    assert [b.kind for b in beats] == ["bullets"]  # a list asked for stays a list


def test_two_matrices_in_one_sentence_keep_their_own_names():
    beats, _ = planned('Show D = [[2, 0], [0, 3]] with "det(D) = 6", and A = [[3, 1], [1, 2]] with "det(A) = 5".')
    assert [(b.params["label"], b.params["values"]) for b in beats if b.kind == "matrix"] == [
        ("D", [[2, 0], [0, 3]]), ("A", [[3, 1], [1, 2]])]


def test_a_label_and_a_formula_in_one_sentence_are_each_drawn_as_what_they_are():
    beats, _ = planned('Label the parallelogram "area 10" and show "\\\\det(A) = 4 \\\\cdot 6 - 7 \\\\cdot 2 = 10".')
    assert [b.kind for b in beats] == ["text", "equation"]


def test_a_bulleted_list_in_a_sentence_that_names_a_diagram_is_a_list():
    beats, _ = planned('Draw a flow diagram with boxes "coin" and "H". Move the single coin diagram to the top left, and '
                       'show a bulleted list on the right:\n"n = 10 flips"\n"flips are independent"\n"X = number of heads"')
    (b,) = [b for b in beats if b.detail_index == 1 and b.kind in ("bullets", "flow")]
    assert b.kind == "bullets" and b.params["items"][0] == "n = 10 flips"


# ----------------------------------------------------------------------------- shapes that a matrix moves with the grid
AREA = [
    scene("Draw a NumberPlane with the basis vectors. Show A = [[3, 1], [1, 2]].", "A matrix.", plot="A plane."),
    scene('Start with the untransformed plane and a yellow unit square with corners (0,0), (1,0), (1,1), (0,1), '
          'labeled "area = 1". Apply A = [[3, 1], [1, 2]]. The square becomes a parallelogram with corners (0,0), '
          '(3,1), (4,3), (1,2), labeled "area = 5". Then reset and show two more shapes before the transformation: a '
          'blue 2 by 1 rectangle with corners (-2,-1), (0,-1), (0,0), (-2,0) labeled "area = 2" and a pink circle of '
          'radius 0.5 centered at (-1, 1) labeled "area = π/4". Apply A again: the rectangle becomes a parallelogram '
          'labeled "area = 10", the circle becomes an ellipse labeled "area = 5π/4".', "Areas scale by five.",
          plot="Area scaling."),
]


def test_shapes_given_by_their_corners_sit_on_the_plane_and_move_with_it():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    plan = plan_storyboard(Storyboard.model_validate({"scenes": AREA}))
    beats = plan.scenes[1].beats
    assert [b.rule for b in beats] == ["vector_plane:recalled-from-scene-1", "vector_plane:shapes",
                                       "vector_plane:apply", "vector_plane:reset+shapes", "vector_plane:apply"]
    square = beats[1].params["shapes"][0]
    assert square == {"vertices": [[0, 0], [1, 0], [1, 1], [0, 1]], "label": "area = 1", "color": "#FFE066",
                      "label_after": "area = 5"}
    rect, circle = beats[3].params["shapes"]
    assert (rect["label"], rect["label_after"]) == ("area = 2", "area = 10")
    assert circle["type"] == "circle" and circle["center"] == [-1, 1] and circle["radius"] == 0.5
    assert circle["label_after"] == "area = 5π/4"
    assert "geometry" not in [b.kind for b in beats] and "matrix" not in [b.kind for b in beats]
    assert not [n for n in plan.diagnostics if n.code in ("SB301", "SB307")]


def test_a_plane_shape_needs_what_draws_it():
    from pydantic import ValidationError

    from compiler.components.vector_plane import VectorPlaneVisual

    with pytest.raises(ValidationError, match="circle needs its `center` and `radius`"):
        VectorPlaneVisual.model_validate({"kind": "vector_plane", "shapes": [{"type": "circle", "radius": 1}]})
    with pytest.raises(ValidationError, match="polygon needs its `vertices`"):
        VectorPlaneVisual.model_validate({"kind": "vector_plane", "shapes": [{"label": "area = 1"}]})


def test_plane_shapes_are_generated_and_drawn_moved_by_the_matrix():
    import ast

    from compiler.dryrun import run_scene
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    visuals = [{"kind": "vector_plane", "basis": True, "matrices": [{"values": [[3, 1], [1, 2]], "label": "A"}],
                "shapes": [{"vertices": [[0, 0], [1, 0], [1, 1], [0, 1]], "label": "area = 1", "label_after": "area = 5",
                            "color": "yellow"},
                           {"type": "circle", "center": [-1, 1], "radius": 0.5, "color": "pink"}]}]
    sb = Storyboard.model_validate({"scenes": [scene("explicit visuals", "Areas scale by five.", visuals=visuals)]})
    (g,) = [generate_scene(ts) for ts in time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes]
    ast.parse(g.code)
    assert "shapes=[{'type': 'polygon', 'vertices': [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]" in g.code
    assert_snapshot("plane-shapes", g)
    ins = run_scene(g.code, g.class_name, 1)
    assert ins.violations == []


def test_a_unit_square_drawn_on_a_plane_to_come_takes_its_label_once_flattened():
    beats, notes = planned('Title: "Determinant Zero". Draw the yellow unit square and the vectors. Apply C = [[2, 4], '
                           '[1, 2]]. The unit square flattens into a segment; label it "area = 0".')
    plane = next(b for b in beats if b.kind == "vector_plane")
    assert plane.params["shapes"] == [{"vertices": [[0, 0], [1, 0], [1, 1], [0, 1]], "color": "#FFE066",
                                       "label_after": "area = 0"}]
    assert [b.kind for b in beats] == ["title", "vector_plane", "vector_plane"]
    beats, _ = planned('Draw a NumberPlane with the basis vectors. Put a small letter "F" inside the unit square.')
    assert not any(b.params.get("shapes") for b in beats if b.kind == "vector_plane")  # named, not drawn


def test_quoted_definitions_one_per_line_are_a_list_and_their_picture_notes_are_said():
    beats, notes = planned('On the right, introduce the four variables one at a time, each with a small indicator in the '
                           'diagram:\n"P = pressure (Pa or atm)" - the gauge needle glows\n"V = volume (m^3 or L)" - the '
                           'gas region is shaded\n"T = temperature (K)" - a thermometer next to the cylinder\n'
                           '"n = amount of gas (mol)" - the dots blink')
    assert [b.kind for b in beats] == ["bullets"]
    assert beats[0].params["items"] == ["P = pressure (Pa or atm)", "V = volume (m^3 or L)", "T = temperature (K)",
                                        "n = amount of gas (mol)"]
    assert sum(n.startswith("SB307") and "is not drawn" in n for n in notes) == 4  # the glowing needle etc.


def test_quoted_rows_with_bars_after_the_quoted_columns_are_the_table_rows():
    beats, _ = planned("Show a small table of molar masses with columns 'Substance' and 'Molar mass (g/mol)': 'Al | 26.98', "
                       "'Cl₂ | 2 × 35.45 = 70.90', 'AlCl₃ | 26.98 + 3 × 35.45 = 133.33'.")
    (t,) = beats
    assert t.params["columns"] == ["Substance", "Molar mass (g/mol)"]
    assert t.params["rows"] == [["Al", 26.98], ["Cl₂", "2 × 35.45 = 70.90"], ["AlCl₃", "26.98 + 3 × 35.45 = 133.33"]]
    beats, _ = planned('Show a table with columns "n", "x_n", "error |x_n − √2|" and rows: 0 | 2 | 0.5858')
    assert beats[0].params["columns"] == ["n", "x_n", "error |x_n − √2|"]  # a bar inside a column name


def test_two_bars_given_as_label_and_value_are_a_bar_chart():
    beats, _ = planned("Also draw a simple comparison of two horizontal bars for chlorine: 'needed 0.300 mol' (outline) "
                       "and 'have 0.250 mol' (filled).")
    (b,) = beats
    assert b.kind == "bar_chart" and b.params["labels"] == ["needed", "have"] and b.params["values"] == [0.3, 0.25]


# ----------------------------------------------------------------------------- waves on axes in multiples of π
def test_an_axis_from_minus_2pi_to_2pi_is_numbered_in_pi():
    from compiler.components import drawn_strings
    from compiler.components.plot import pi_ticks

    assert pi_ticks(-6.283185, 6.283185) == ["-2π", "-π", "π", "2π"]
    assert pi_ticks(0, 12.566) == ["π", "2π", "3π", "4π"]
    assert pi_ticks(0, 3.14159) == ["π/2", "π"]
    assert pi_ticks(0, 10) == []  # integers are not multiples of π
    assert "2π" in drawn_strings("plot", {"x_range": [-6.283185, 6.283185], "numbers": True, "curves": []})


def test_a_square_wave_on_the_axes_is_a_curve_on_them_and_label_it_names_a_curve():
    beats, _ = planned("Create Axes with x from -2π to 2π and y from -1.5 to 1.5. Plot the square wave f(x): value 1 on "
                       "(0, π), value -1 on (-π, 0), drawn with vertical jump lines at x = -2π, -π, 0, π, 2π. Then draw "
                       "y = sin(x) in blue on the same axes and label it 'sin x'.")
    assert [b.rule for b in beats] == ["plot:axes-cue", "plot:wave-on-axes", "plot:extend-formula"]
    assert beats[1].params["curves"] == [{"expr": "sign(sin(x))", "label": "f(x)"}]
    assert beats[2].params["curves"][0]["label"] == "sin x"


def test_sign_and_floor_are_functions_a_curve_may_use():
    from compiler.formula import try_formula

    square = try_formula("sign(sin(x))")
    assert (square(1.0), square(-1.0), square(0.0)) == (1.0, -1.0, 0.0)
    assert try_formula("x - floor(x)")(2.25) == 0.25


def test_both_column_headers_in_one_sentence_and_rows_of_pairs_fill_the_comparison():
    beats, notes = planned("Create two columns. Left column header 'Classical wave theory predicts'; right column header "
                           "'Experiment shows'. Rows appear one at a time, each with a left and right entry:\n"
                           "Row 1: 'Brighter light → faster electrons' | 'Brightness changes only the number'\n"
                           "Row 2: 'Any color works if bright enough' | 'Below a threshold frequency: none'")
    (c,) = beats
    assert c.params["titles"] == ["Classical wave theory predicts", "Experiment shows"]
    assert c.params["lines"] == [["Brighter light → faster electrons", "Any color works if bright enough"],
                                 ["Brightness changes only the number", "Below a threshold frequency: none"]]
    assert not [n for n in notes if n.startswith("SB301")]


# ----------------------------------------------------------------------------- exchanges between two parties
TIMELINES = 'Draw two vertical timelines: left labeled "Sender", right labeled "Receiver". '


def test_several_messages_sent_in_one_sentence_go_the_way_the_exchange_goes():
    beats, _ = planned(TIMELINES + 'Send one slanted arrow "seg 1" to the receiver; receiver replies with a dashed arrow '
                       '"ACK 2". Send "seg 2" and "seg 3"; replies "ACK 3" and "ACK 4".')
    msgs = [(m["from"][0], m["label"]) for b in beats for m in b.params.get("messages") or []]
    assert msgs == [("S", "seg 1"), ("R", "ACK 2"), ("S", "seg 2"), ("S", "seg 3"), ("R", "ACK 3"), ("R", "ACK 4")]


def test_a_party_and_its_verb_before_a_colon_send_every_message_listed():
    beats, _ = planned(TIMELINES + 'The sender sends "seg 21", "seg 22", "seg 23". The receiver replies: to seg 21 '
                       '"ACK 22", to seg 23 "ACK 22 (dup 1)".')
    replies = beats[-1].params["messages"]
    assert [(m["from"], m["label"], m.get("reply")) for m in replies] == [("Receiver", "ACK 22", True),
                                                                          ("Receiver", "ACK 22 (dup 1)", True)]


def test_a_message_drawn_before_that_stops_halfway_is_marked_lost_not_sent_again():
    beats, _ = planned(TIMELINES + 'The sender sends "seg 21", "seg 22", "seg 23". The arrow for "seg 22" stops halfway '
                       'and ends with a red X labeled "lost".')
    labels = [m["label"] for b in beats for m in b.params.get("messages") or []]
    assert labels == ["seg 21", "seg 22", "seg 23"]  # not a fourth arrow
    lost = next(m for b in beats for m in b.params.get("messages") or [] if m["label"] == "seg 22")
    assert lost["lost"] is True and lost["note"] == "lost"


# ----------------------------------------------------------------------------- data dots on axes
def test_rows_of_dots_at_a_height_are_unjoined_coloured_data_and_the_axes_fit_them():
    beats, _ = planned('Draw axes: x-axis "hours studied" from 0 to 6, y-axis "passed?" with ticks at 0 and 1 only. '
                       "Plot 10 students: red dots at y = 0 for x = 0.5, 1.0, 1.5, 2.0, 3.0 and green dots at y = 1 for "
                       "x = 2.5, 3.5, 4.0, 4.5, 5.0.")
    axes, dots = [b for b in beats if b.kind == "plot"]
    assert axes.params["y_range"] == [-0.5, 1.5]
    fails, passes = dots.params["series"]
    assert fails == {"points": [[0.5, 0], [1, 0], [1.5, 0], [2, 0], [3, 0]], "joined": False, "color": "#FC6255"}
    assert passes["points"][0] == [2.5, 1] and passes["joined"] is False


def test_morphing_a_line_into_an_s_shaped_curve_draws_the_s_shape():
    beats, _ = planned("Draw the straight line y = 0.28x - 0.27 on axes from 0 to 6. Then morph the straight line into "
                       "an S-shaped curve that flattens at 0 on the left and 1 on the right.")
    morph = beats[-1]
    assert morph.params["curves"][0]["expr"] == "1/(1 + e^(-x))" and morph.params.get("replace") is True


def test_a_step_number_before_an_instruction_and_curves_merging_into_their_sum():
    beats, _ = planned('Draw axes from -2π to 2π. Step 1: draw y = (4/π) sin(x) in blue with label "(4/π) sin x". '
                       "Step 2: draw y = (4/π) sin(3x)/3 in green. Step 3: animate the two curves merging into their sum, "
                       "y = (4/π)(sin x + sin(3x)/3), shown in yellow.")
    plots = [b for b in beats if b.kind == "plot"]
    assert [b.rule for b in plots] == ["plot:axes-cue", "plot:extend-formula", "plot:extend-formula",
                                       "plot:extend-formula"]
    assert plots[1].params["curves"][0]["label"] == "(4/π) sin x"
    assert plots[3].params.get("replace") is True  # on the same axes, in place of the two


def test_a_curve_named_but_not_written_is_said_not_plotted_as_a_line():
    beats, notes = planned("Draw axes from -5 to 5. Plot S_1 in yellow.")
    assert not any(c["expr"] == "S_1" for b in beats for c in b.params.get("curves") or [])
    assert any(n.startswith("SB307") and "'S_1' names a curve" in n for n in notes)


def test_dots_and_dashed_segments_given_by_coordinates_sit_on_the_plane():
    beats, _ = planned("Show a NumberPlane with x from -2 to 6 and y from -1 to 4. Draw vector b from the origin to (4, 2) "
                       'labeled "b". Draw a dashed white line through the origin in the direction of b, extending from '
                       '(-2, -1) to (6, 3), labeled "span of b". Draw a dashed grey segment from the tip of a (1, 3) down '
                       'to the point (2, 1). Put a green dot at (2, 1) with a label "?".')
    marks = [b for b in beats if b.rule == "vector_plane:marks"]
    assert marks[0].params["segments"] == [{"start": [-2, -1], "end": [6, 3], "label": "span of b", "color": "#FFFFFF"}]
    assert marks[1].params["segments"] == [{"start": [1, 3], "end": [2, 1], "color": "#9E9E9E"}]
    assert marks[2].params["points"] == [{"x": 2, "y": 1, "label": "?", "color": "#66BB6A"}]
    assert "text" not in [b.kind for b in beats]


def test_plane_marks_are_drawn_and_moved_by_a_matrix():
    from compiler.dryrun import run_scene
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    visuals = [{"kind": "vector_plane", "vectors": [{"x": 4, "y": 2, "label": "b"}],
                "matrices": [{"values": [[1, 1], [0, 1]], "label": "S"}],
                "segments": [{"start": [-2, -1], "end": [6, 3], "label": "span of b"}],
                "points": [{"x": 2, "y": 1, "label": "P", "color": "green"}]}]
    sb = Storyboard.model_validate({"scenes": [scene("explicit visuals", "A shear moves the line and its point.",
                                                     visuals=visuals)]})
    (g,) = [generate_scene(ts) for ts in time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes]
    assert ("segments=[{'start': [-2.0, -1.0], 'end': [6.0, 3.0], 'label': 'span of b', 'dashed': True, 'arrow': False, 'fixed': False}]"
            in g.code)
    assert run_scene(g.code, g.class_name, 1).violations == []


def test_a_heading_with_a_value_and_an_instruction_is_no_formula_and_an_array_divider_no_comparison():
    beats, notes = planned("Show the array [3, 7, 5, 1]. Pass i = 2: Lift 5 as key. Move the divider after index 2.")
    assert [b.kind for b in beats] == ["sequence"]
    assert sum(n.startswith("SB301") for n in notes) == 2  # said, not drawn as a formula or a split screen


def test_a_draw_head_lends_its_verb_to_the_lines_under_it_and_named_circles_after_a_colon():
    from compiler.planner.segment import detail_sentences

    units = detail_sentences('Draw two circles: "Sunny" and "Rainy". Draw:\na curved arrow from Sunny to Rainy labeled '
                             '"0.1"\na curved arrow from Rainy to Sunny labeled "0.5"\nThen show underneath:\n"1 = 1"')
    assert units == ['Draw two circles: "Sunny" and "Rainy".', 'Draw a curved arrow from Sunny to Rainy labeled "0.1"',
                     'Draw a curved arrow from Rainy to Sunny labeled "0.5"', 'Then show underneath:\n"1 = 1"']
    beats, _ = planned('Draw two large circles: "Sunny" on the left at (-3, 0) and "Rainy" on the right at (3, 0). Draw:\n'
                       'a curved arrow from Sunny to Rainy (upper arc) labeled "0.1"')
    (d,) = beats
    assert [(x["type"], x.get("label")) for x in d.params["shapes"]] == [("circle", "Sunny"), ("circle", "Rainy"),
                                                                       ("arrow", "0.1")]


# ----------------------------------------------------------------------------- nothing quoted lost without a word
def test_a_text_written_after_a_picture_operation_is_drawn_and_one_no_rule_drew_is_said():
    beats, _ = planned('Show the number line from 16 to 26 with dots at 18, 19, 21, 23, 24 and the mean at 21. Highlight '
                       'the dots at 19, 21 and 23 inside the band and write "3 of 5 values within one σ".')
    assert "3 of 5 values within one σ" in [b.params.get("text") for b in beats]
    beats, _ = planned('Put a small clock label "t = 0" in the corner.')
    assert "graph" not in [b.kind for b in beats]  # a readout, not a clock face


def test_a_quoted_text_a_rule_left_out_is_reported(monkeypatch):
    from compiler import plan as plan_module

    ex = plan_module.extract('Draw the thing and write "a caption of some words".')
    from compiler.planner.context import Context
    from compiler.planner.theme import parse_theme

    ctx = Context(theme=parse_theme("Dark.")[0], scene_plot="")
    plan_module._dropped_quotes(ex, ctx, 0)
    assert ctx.losses == [(0, "the text 'a caption of some words' is not drawn")]
    ctx.consumed.add("a caption of some words")
    ctx.losses.clear()
    plan_module._dropped_quotes(ex, ctx, 0)
    assert ctx.losses == []


def test_a_numbered_list_with_imperative_steps_keeps_them_as_its_items():
    beats, _ = planned("Below, show a numbered list with the recipe:\n1. Find the mean x̄\n2. Subtract the mean from each "
                       "value\n3. Take the square root → standard deviation")
    (b,) = beats
    assert b.kind == "bullets" and b.params["style"] == "numbered" and len(b.params["items"]) == 3


def test_drops_from_every_dot_and_a_label_on_the_axis_is_not_its_name():
    beats, _ = planned('Axes: x-axis "t (days)" from 0 to 48; y-axis "N (mg)" from 0 to 220. Put dots at (0, 200), '
                       "(8, 100), (16, 50). From each dot draw dashed lines down to the x-axis and left to the y-axis. "
                       'Label the first gap on the x-axis "T½ = 8 days".')
    axes = beats[0]
    assert axes.params["x_label"] == "t (days)"
    drops = next(b for b in beats if b.rule == "plot:drops-to-axes").params["segments"]
    assert {"start": [8, 100], "end": [8, 0], "style": "dashed"} in drops and len(drops) == 5  # (0, 200) drops once


def test_readings_are_not_boxes_and_a_free_body_diagram_of_labelled_values_draws_the_forces():
    beats, _ = planned('Animate the block sliding down in 1.58 s. Show a timer "t = 0.00 s" → "t = 1.58 s" and a speed '
                       'readout "v = 0.00 m/s" → "v = 5.06 m/s" on the diagram.')
    assert "flow" not in [b.kind for b in beats]
    beats, _ = planned('Left: final free body diagram with labeled values: "W = 49 N", "N = 42.4 N", "f = 8.49 N".')
    (b,) = beats
    assert b.kind == "physics"
    assert [(v["direction"], v["label"]) for v in b.params["vectors"]] == [
        ("down", "W = 49 N"), ("normal", "N = 42.4 N"), ("up_slope", "f = 8.49 N")]
