"""What the planner understands of pictures the shared corpus labels as `beyond` needs (issues 13 and 14):
things drawn as the primitive shapes they are made of, clock faces, number lines, waves, figures of polygons
from coordinates. Sentences of our own phrasing."""

from __future__ import annotations

from .test_planner_understanding import beats, kinds, only, plan


def _losses(*details: str) -> list[str]:
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    from .conftest import scene

    sb = Storyboard.model_validate({"scenes": [scene(d, "Some narration here.", "Dark background.") for d in details]})
    return [d.message for d in plan_storyboard(sb).diagnostics if d.code == "SB307"]


# ----------------------------------------------------------------------------- things made of primitive shapes
def test_a_thing_made_of_shapes_is_drawn_as_its_parts():
    bs = beats("Draw a small house made of a red square body and a brown triangle roof, labeled 'home'.")
    shapes = only(bs, "drawing").params["shapes"]
    assert [s["type"] for s in shapes] == ["rectangle", "triangle"]
    assert shapes[0]["label"] == "home" and shapes[1]["above"] == shapes[0]["id"]
    assert "size" not in shapes[0]  # "small" is the house's size, not its body's


def test_a_thing_shape_with_its_description_in_brackets_beside_a_diagram():
    bs = beats('Draw two boxes labeled "Sender" and "Receiver" with an arrow between them. Beside the receiver draw a '
               'padlock icon (a rectangle of 1 by 0.7 with an arc on top) labeled "locked".')
    shapes = only(bs, "drawing").params["shapes"]
    assert shapes == [{"type": "rectangle", "id": "padlock_rectangle", "width": 1.0, "height": 0.7, "label": "locked"}]
    assert any("padlock is drawn as a rectangle" in m for m in _losses(
        'Draw a padlock icon (a rectangle of 1 by 0.7 with an arc on top) labeled "locked".'))


def test_a_thing_and_its_labelled_neighbours_replace_a_box_diagram_of_their_labels():
    bs = beats("Draw a green dot labeled 'acorn' on the left and a tall oak made of a brown rectangle trunk and a green "
               "circle crown on the right, with an arrow from acorn to oak labeled 'decades'.")
    assert "flow" not in [b.kind for b in bs]
    shapes = only(bs, "drawing").params["shapes"]
    assert {s.get("label") for s in shapes} >= {"acorn", "oak", "decades"}


# ----------------------------------------------------------------------------- clock faces
def test_a_clock_face_is_its_numbers_round_a_circle_where_the_dial_puts_them():
    from compiler.components.graph import GraphVisual

    bs = beats("Draw a clock face with 12 hours and move a dot forward 5 hours from 9, stopping at 2.")
    clock = only(bs, "graph")
    assert [n["id"] for n in clock.params["nodes"]] == list(range(1, 13))
    assert clock.params["nodes"][-1]["at"] == [0.0, 3.0]  # 12 at the top
    assert clock.params["steps"] == [{"action": "visit", "nodes": [2]}]
    GraphVisual.model_validate({"kind": "graph", **clock.params})
    assert "grid" not in kinds("Show a clock-like dial with numbers 0 to 6 for arithmetic mod 7.")
    few = only(beats("Draw a clock-like circle with positions 0 to 99, labelling only 0, 25, 50 and 75."), "graph")
    assert [n["id"] for n in few.params["nodes"]] == [0, 25, 50, 75] and few.params["nodes"][1]["at"] == [3.0, 0.0]


# ----------------------------------------------------------------------------- number lines
def _line(details: str) -> dict:
    from compiler.components.number_line import NumberLineVisual

    params = only(beats(details), "number_line").params
    NumberLineVisual.model_validate({"kind": "number_line", **params})
    return params


def test_a_number_line_with_its_range_dots_open_circles_and_labels():
    assert _line("Draw a number line from -3 to 3 with a dot at 2.") == {"range": [-3, 3], "points": [{"value": 2}]}
    p = _line("Show a number line between 0 and 10. Mark points at 2 and 7, and put an open circle at 9.")
    assert p["points"] == [{"value": 2}, {"value": 7}, {"value": 9, "hollow": True}]
    p = _line('Display a number line from 0 to 1 with "low" at 0.1 and "high" at 0.9.')
    assert [x["label"] for x in p["points"]] == ["low", "high"] and p["range"] == [0, 1]
    assert "plot" not in kinds("Draw a number line from -2 to 2 with a dot at 1.")


def test_a_number_line_with_intervals_jumps_fractions_and_a_dot_plot():
    p = _line('Draw a number line from 0 to 8, shade the interval from 2 to 5, and draw a jump from 5 to 8 labelled "+3".')
    assert p["intervals"] == [{"start": 2, "end": 5}] and p["jumps"] == [{"start": 5, "end": 8, "label": "+3"}]
    assert _line("Draw a number line from 0 to 1 with a dot at 3/4.")["numbers"] == "fractions"
    p = _line("Show a number line from 0 to 6 with dots at 1, 2, 2, 3, 3, 3, 5 and the mean at 2.7.")
    assert p["dots"] == [1, 2, 2, 3, 3, 3, 5] and p["markers"] == [{"value": 2.7, "label": "mean = 2.7"}]


def test_values_off_the_line_and_several_lines_are_reported():
    assert _line("Draw a number line from 0 to 5 with a dot at 7.")["range"] == [0, 7]
    assert any("outside the number line" in m for m in _losses("Draw a number line from 0 to 5 with a dot at 7."))
    p = _line("Below, show three small number lines, each with an arrow: length 2 becomes 4, length 2 becomes 1.")
    assert p["jumps"] == [{"start": 2, "end": 4}, {"start": 2, "end": 1}]
    assert any("several number lines" in m for m in _losses("Below, show three small number lines, each with an arrow."))


# ----------------------------------------------------------------------------- waves
def _wave(details: str, **kw) -> dict:
    from compiler.components.wave import WaveVisual

    params = only(beats(details, **kw), "wave").params
    WaveVisual.model_validate({"kind": "wave", **params})
    return params


def test_a_sinusoid_with_its_amplitude_and_wavelength_marked():
    p = _wave("Draw a sine wave with amplitude 2 and wavelength 4.")
    assert p["waves"] == [{"amplitude": 2, "wavelength": 4}] and p["marks"] is True
    assert p["amplitude_label"] == "A = 2" and p["wavelength_label"] == "λ = 4"
    p = _wave("Show a blue sinusoid with an amplitude of 3 cm and mark its wavelength.")
    assert p["waves"] == [{"amplitude": 3, "color": p["waves"][0]["color"]}] and p["amplitude_label"] == "A = 3 cm"
    assert "plot" in kinds("Plot y = 2 sin(x) on axes from -6 to 6, a sine wave of amplitude 2.")


def test_two_waves_and_their_sum_and_a_wave_that_travels_with_a_bobbing_dot():
    p = _wave("Show two waves, one with wavelength 2 and one with wavelength 1, and their sum below them.")
    assert [w["wavelength"] for w in p["waves"]] == [2, 1] and p["sum"] is True and p["layout"] == "stacked"
    p = _wave("Draw a travelling wave moving to the right, with a red dot bobbing up and down on it.")
    assert p["speed"] == 0.5 and p["particle"] is True
    first, later = [b for b in beats("Draw a sine wave with wavelength 3. Now make the wave travel to the right, a cork "
                                     "bobbing up and down on it.")
                    if b.kind == "wave"]
    assert later.params == {"extend": True, "steps": [{"action": "travel"}]} and first.params["speed"] == 0.5
    assert first.params["particle"] is True and kinds("Draw a sine wave with wavelength 3.") == ["wave"]


def test_harmonics_adding_up_to_a_square_wave():
    p = _wave("Add the odd harmonics one at a time, with 1, 2, 3 and 10 terms, so the sum approaches a square wave.")
    assert p["fourier"] == {"target": "square", "terms": [1, 2, 3, 10]}
    assert _wave("Show the first four harmonics of a sawtooth wave adding up.")["fourier"] == {
        "target": "sawtooth", "terms": [1, 2, 3, 4]}


def test_wavefronts_bunched_ahead_of_a_moving_source():
    p = _wave('Draw circular wavefronts around a moving siren, bunched ahead of it, with "higher pitch" ahead and '
              '"lower pitch" behind; the siren moves at half the wave speed.')
    assert p["doppler"] == {"speed": 0.5, "source": "siren", "ahead": "higher pitch", "behind": "lower pitch"}
    assert _wave("Show six wavefronts around a stationary source.")["doppler"] == {"speed": 0, "fronts": 6}


def test_a_colour_spectrum_with_marked_lines():
    p = _wave('Show the visible spectrum from 400 to 700 nm with a line at 656 nm labelled "H-alpha".')
    assert p["spectrum"] == {"range": [400, 700], "lines": [{"wavelength": 656, "label": "H-alpha"}]}
    assert _wave("Draw an absorption spectrum with dark lines at 486 nm and 589 nm.")["spectrum"]["absorption"] is True
    assert any("outside the spectrum" in m for m in _losses("Show the visible spectrum from 400 to 700 nm with a line at 900 nm."))


# ----------------------------------------------------------------------------- polygons from coordinates
def test_a_square_by_its_corner_and_triangles_by_corners_in_the_scenes_named_numbers():
    from compiler.components.geometry import GeometryVisual

    bs = beats("Let p = 1 and q = 3, so the outer square has side p + q = 4. Draw the outer square with its lower-left "
               "corner at (-2, -2). Then place two triangles: triangle 1 with corners (0,0), (q,0), (0,p); triangle 2 "
               "with corners (t,t), (p,t), (t,q), where t = p + q and coordinates are relative to the lower-left "
               "corner of the outer square.")
    fig = only(bs, "geometry")
    polys = fig.params["polygons"]
    assert polys[0]["vertices"] == [[-2, -2], [2, -2], [2, 2], [-2, 2]]
    assert polys[1] == {"vertices": [[-2, -2], [1, -2], [-2, -1]], "label": "1"}
    assert polys[2]["vertices"] == [[2, 2], [-1, 2], [2, 1]]
    assert "drawing" not in [b.kind for b in bs]
    GeometryVisual.model_validate({"kind": "geometry", **fig.params})


def test_a_polygon_with_a_name_it_cannot_evaluate_is_reported_not_guessed():
    assert "geometry" not in kinds("Draw a quadrilateral with vertices (0,0), (w,0), (w,h), (0,h).")
    assert any("not numbers" in m for m in _losses("Draw a quadrilateral with vertices (0,0), (w,0), (w,h), (0,h)."))
    assert only(beats("Draw a pentagon with vertices (0,0), (2,0), (3,1.5), (1,3), (-1,1.5)."), "geometry").params == {
        "polygons": [{"vertices": [[0, 0], [2, 0], [3, 1.5], [1, 3], [-1, 1.5]]}]}


def test_a_later_scene_brings_back_the_first_arrangement():
    first, second, third = plan(
        "Draw a rectangle with corners (0,0), (4,0), (4,2), (0,2) and a triangle with vertices (0,2), (4,2), (2,4).",
        "Start with the arrangement from the previous scene on the left.",
        "Show the original figure small on the right and write the areas beside it.")
    assert second.beats[0].rule == "geometry:recalled-from-scene-1"
    assert third.beats[0].rule.startswith("geometry:recalled-from-scene-")
    assert len(second.beats[0].params["polygons"]) == 1 and second.beats[0].params["triangle"]["vertices"][2] == [2, 4]


# ----------------------------------------------------------------------------- a body let fall
def test_a_body_let_fall_from_its_height_falls_to_the_ground_not_thrown():
    from compiler.components.physics import PhysicsVisual

    bs = beats("Draw a vertical line from y = 45 m to y = 0 with a red dot falling along it.",
               audio="The stone keeps its 12 m/s sideways speed in the other scene.")
    pic = only(bs, "physics").params
    assert pic == {"setting": "ground", "bodies": [{"shape": "ball", "at": [0, 45.0], "color": "red"}],
                   "steps": [{"action": "move", "to": [0, 0]}]}
    PhysicsVisual.model_validate({"kind": "physics", **pic})
    assert only(beats("Show a stone dropped from a height of 80 m."), "physics").params["bodies"][0]["at"] == [0, 80.0]
    assert "physics" not in kinds("Show the share price falling 20 m dollars.")


def test_a_right_triangle_of_vectors_is_a_vector_sum_with_lengths_labels_and_colours():
    bs = beats('Draw a right triangle of vectors: a red horizontal arrow of length 3 units labeled "4 N", then from its '
               'tip a blue downward arrow of length 1.5 units labeled "2 N", and a white arrow from the start of the red arrow '
               'to the tip of the blue arrow labeled "F".')
    from compiler.components.physics import PhysicsVisual
    from compiler.planner.theme import colour_value

    vs = only(bs, "physics").params["sum"]
    assert vs["arrows"] == [{"dx": 3.0, "dy": 0.0, "label": "4 N", "color": colour_value("red")},
                            {"dx": 0.0, "dy": -1.5, "label": "2 N", "color": colour_value("blue")}]
    assert vs["label"] == "F" and vs["color"] == colour_value("white") and "angle" not in vs
    assert not {"flow", "geometry", "text"} & {b.kind for b in bs}
    PhysicsVisual.model_validate({"kind": "physics", "sum": vs})


def test_vectors_head_to_tail_take_their_lengths_from_their_labels_and_mark_the_angle_asked_later():
    bs = beats('1. Place the forces head to tail: an arrow pointing right labeled "3 N", then an arrow at 90 degrees '
               'labeled "4 N", and the resultant labeled "F_net".\n'
               "2. Mark the angle theta between the first arrow and the resultant.")
    pics = [b for b in bs if b.kind == "physics"]
    assert pics[0].params["sum"]["arrows"] == [{"dx": 3.0, "dy": 0.0, "label": "3 N"},
                                              {"dx": 0.0, "dy": 4.0, "label": "4 N"}]
    assert pics[0].params["sum"]["label"] == "F_net"
    assert pics[1].params == {"extend": True, "steps": [{"action": "angle", "text": "θ"}]}
    # no lengths and no numbers: drawn equally long, and said
    assert any("equally long" in m for m in _losses(
        'Draw a vector triangle: a horizontal arrow labeled "a", then from its tip a vertical arrow labeled "b", and '
        'the resultant labeled "c".'))
    # arrows with no chain asked for stay what they were (a free-body diagram's arrows)
    assert "sum" not in only(beats('A block on the ground with an arrow pointing up labeled "N" and an arrow pointing '
                                   'down labeled "mg".'), "physics").params


def test_fading_out_a_named_picture_removes_it_alone_and_clearing_at_a_scene_start_is_nothing_lost():
    bs = beats('1. Show a number plane with basis vectors. 2. Show the matrix A = [[2, 1], [1, 2]]. '
               '3. Part 2: Fade out the plane. 4. Show the text "Eigenvalues: 3 and 1".')
    clears = [b for b in bs if b.kind == "clear"]
    assert [c.params for c in clears] == [{"kinds": ["vector_plane"]}]
    assert [b.kind for b in beats("Draw axes with x from 0 to 5. Plot y = x^2. Fade out the graph.")][-1] == "clear"
    # the only thing on screen: a plain clear
    assert [b.params for b in beats("Draw a circuit with a 6 V battery and a 3 Ω resistor. Clear the circuit.")
            if b.kind == "clear"] == [{}]
    assert not _losses("Clear the plane. Show the text \"A new start\".")  # a scene starts empty: nothing lost
    from compiler.components.clear import ClearVisual

    ClearVisual.model_validate({"kind": "clear", "kinds": ["vector_plane"]})


def test_a_probability_tree_told_branch_by_branch_with_the_weight_first():
    bs = beats('The root node on the left reads "Person". Two branches split off it: the upper branch is labeled "0.01" '
               'and ends at the node "Disease", the lower branch is labeled "0.99" and ends at the node "No disease". '
               'From "Disease", two branches: "0.9" to the leaf "+" and "0.1" to the leaf "-".')
    (g,) = [b for b in bs if b.kind == "graph"]
    edges = [(e["from"], e["to"], e["label"]) for e in g.params["edges"]]
    assert edges == [("Person", "Disease", 0.01), ("Person", "No disease", 0.99), ("Disease", "+", 0.9),
                     ("Disease", "-", 0.1)]
    assert [b.kind for b in bs] == ["graph"]


def test_bars_named_in_quotes_take_the_heights_listed_after_them():
    bs = beats('A bar chart with three bars labeled "before testing", "after 1 positive", "after 2 positives" and '
               'heights 1%, 9.2% and 50%.')
    assert [(b.kind, b.params.get("values")) for b in bs] == [("bar_chart", [1, 9.2, 50])]
    (chart,) = beats("Show a bar chart of cat: 3, dog: 2.")
    assert chart.params == {"labels": ["cat", "dog"], "values": [3, 2]}


def test_quoted_lines_under_a_list_of_takeaways_are_its_items():
    (b,) = beats('Under it, a short list of takeaways appears one by one:\n"Start from the base rate."\n'
                 '"Think in counts."\n"Each new piece of evidence updates the prior."')
    assert b.kind == "bullets" and len(b.params["items"]) == 3


def test_an_arrow_to_a_label_already_on_screen_does_not_write_the_label_again():
    bs = beats('Show the text "New prior: P(D) = 0.092". A curved arrow points to the label '
               '"New prior: P(D) = 0.092".')
    assert [b.kind for b in bs] in (["text"], ["equation"])
    assert any("(on screen) is not drawn" in m for m in _losses(
        'Show the text "New prior: P(D) = 0.092". A curved arrow points to the label '
        '"New prior: P(D) = 0.092".'))


def test_a_word_spelled_in_a_row_of_boxes_and_quoted_items_in_a_row_of_circles():
    (b,) = beats('Show the word "ABRACADABRA" as a row of 11 square boxes, one letter in each box.')
    assert b.kind == "sequence" and b.params["tokens"] == list("ABRACADABRA")
    (b,) = beats('Show the queue as a row of circles sorted by count: "C:1", "D:1", "B:2", "R:2", "A:5".')
    assert b.kind == "sequence" and b.params["tokens"] == ["C:1", "D:1", "B:2", "R:2", "A:5"]


def test_a_number_word_compound_is_no_formula_and_a_formulas_label_line_is_no_part_of_it():
    from compiler.planner.extract import extract

    assert extract("Under each box, show its 8-bit ASCII code in small font.").prose == []
    assert extract("x-3 = 0").prose == [("x-3 = 0", 0, 7)]
    bs = beats("On the right, show the entropy formula:\n   MathTex: H = -\\sum_i p_i \\log_2 p_i\n"
               "   MathTex: H \\approx 2.04\n   and the comparison: \"Huffman: 2.09 bits/letter\".")
    assert not [b for b in bs if b.rule == "equation:latex-kept"]


def test_a_number_line_from_a_negative_to_a_signed_positive_value_keeps_its_range_and_label():
    (b,) = beats('Show a horizontal number line under the floor from -0.1 m to +0.1 m, ticks at -0.1, -0.05, 0, 0.05, '
                 '0.1, with label "x (m)".')
    assert b.kind == "number_line" and b.params["range"] == [-0.1, 0.1] and b.params["label"] == "x (m)"
    assert any("range is not read" in m for m in _losses("Draw a number line from minus three to three."))


def test_a_ray_crossing_a_boundary_is_computed_from_the_media_and_the_angle():
    bs = beats("Draw a horizontal boundary: air above and glass below. A yellow ray comes in from the upper left at "
               "40° from the normal and continues into the glass at 30° from the normal. Label the angles \"40°\" and "
               "\"25.4°\".")
    (pic,) = [b for b in bs if b.kind == "physics"]
    r = pic.params["refraction"]
    assert (r["n1"], r["n2"], r["angle"], r["labels"]) == (1.0, 1.5, 40.0, ["40°", "25.4°"])
    assert any("is not what n₁ sin θ₁ = n₂ sin θ₂ gives (25.4°)" in m for m in _losses(
        "Draw a horizontal boundary: air above and glass below. A yellow ray comes in from the upper left at "
        "40° from the normal and continues into the glass at 30° from the normal."))
    bs = beats("Now glass is on top and air at the bottom. A ray inside the glass hits the boundary at 20° from the "
               "normal. Animate the angle increasing from 20° to 41.8°. Then increase it to 50°.")
    pic = [b for b in bs if b.kind == "physics"]
    assert pic[0].params["refraction"]["n1"] == 1.5 and pic[0].params["refraction"]["n2"] == 1.0
    assert [s["degrees"] for b in pic[1:] for s in b.params["steps"]] == [41.8, 50.0]


def test_put_the_final_line_or_the_answer_in_a_box():
    bs = beats('Show the steps: "2x = 4", "x = 2". Put the answer in a green box.')
    (hl,) = [b for b in bs if b.kind == "highlight"]
    assert hl.params["target"] == "x = 2" and hl.params["mode"] == "box"
    bs = beats("Write the derivation line by line:\nMathTex: a = b + c\nMathTex: a - b = c\n"
               "Put the final line in a yellow box.")
    (hl,) = [b for b in bs if b.kind == "highlight"]
    assert (hl.params["target"], hl.params["mode"]) == ("a - b = c", "box")


def test_a_block_on_a_spring_takes_k_m_and_the_amplitude_from_the_scene_and_oscillates():
    bs = beats('Draw a vertical wall on the left, a floor, and a zigzag spring from the wall to a square block. Mark the '
               'equilibrium with a dashed line labeled "x = 0 (equilibrium)". The block oscillates between -0.1 m and '
               '+0.1 m for three full cycles.', audio="With k = 50 N/m and m = 0.5 kg the period is 0.63 s.")
    (pic,) = [b for b in bs if b.kind == "physics"]
    assert pic.params == {"spring": {"k": 50.0, "mass": 0.5, "amplitude": 0.1, "cycles": 3.0,
                                     "equilibrium": "x = 0 (equilibrium)"}}
    assert [b.kind for b in bs] == ["physics"]
    from compiler.components import drawn_strings

    assert drawn_strings("physics", pic.params)[-1] == "T = 0.628 s"  # 2π √(0.5 / 50)
    assert "spring" not in str([b.params for b in beats("The spring constant k = 50 N/m measures stiffness.")])


def test_axes_named_t_then_x_put_time_across_and_position_up():
    (axes, *_) = beats('Draw axes: t from 0 to 1.3 s (ticks every 0.2 s, label "t (s)") and x from -0.12 to 0.12 m '
                       '(label "x (m)").')
    assert axes.params["x_range"] == [0, 1.3] and axes.params["y_range"][0] < 0
    assert (axes.params["x_label"], axes.params["y_label"]) == ("t (s)", "x (m)")


def test_a_spring_kept_from_an_earlier_scene_keeps_its_values():
    first, second = plan("Draw a zigzag spring from the wall to a block (k = 50 N/m, m = 0.5 kg).",
                         "Keep the wall, spring and block. Show the law F = -kx.")
    (pic,) = [b for b in second.beats if b.kind == "physics"]
    assert (pic.params["spring"]["k"], pic.params["spring"]["mass"]) == (50.0, 0.5)


def test_rows_given_one_per_line_as_quoted_cells_fill_the_table():
    bs = beats('Below the rule, a table with columns "k", "(w1, w2)", "L". Add rows one at a time:\n'
               '   Row: "0", "(-2, 3)", "32"\n   Row: "1", "(-1.2, 1.4)", "10.88"\n   Row: "3", "(-0.048, 1.016)", "4.20"')
    (t,) = [b for b in bs if b.kind == "table"]
    assert t.params["rows"] == [[0, "(-2, 3)", 32], [1, "(-1.2, 1.4)", 10.88], [3, "(-0.048, 1.016)", "4.20"]]
    assert [b.kind for b in bs] == ["table"]


def test_a_list_announced_then_given_line_by_line_is_one_list():
    bs = beats('On the right a list of the facts appears one line at a time.\nText: "1% of people have the disease"\n'
               'Text: "The test detects 90% of sick people"\nText: "9% of healthy people also test positive"\n'
               'Then the question appears.\nText: "What is the chance you are sick?"')
    assert [(b.kind, b.params.get("items") or b.params.get("text")) for b in bs] == [
        ("bullets", ["1% of people have the disease", "The test detects 90% of sick people",
                     "9% of healthy people also test positive"]),
        ("text", "What is the chance you are sick?")]
    assert any("never given its items" in m for m in _losses("A list of the facts appears one line at a time."))
    assert "physics" not in [b.kind for b in beats("The 98 ringed dots regroup on the right into a neat block of 10 "
                                                   "columns.")]


def test_a_table_given_as_lines_of_quoted_cells_under_its_head():
    (t,) = beats('On the right, a small table:\n   "β", "peak", "peak day"\n   "0.3", "301", "38"\n   "0.15", "64", "114"')
    assert t.kind == "table" and t.params == {"columns": ["β", "peak", "peak day"], "rows": [[0.3, 301, 38],
                                                                                             [0.15, 64, 114]]}


def test_data_given_as_points_or_as_lines_of_values_is_drawn_as_data_lines():
    bs = beats("Draw axes with x from 0 to 10 and y from 0 to 100. Plot the points (0, 5), (2, 20), (4, 45), (6, 70) "
               "and connect them with a line.")
    assert bs[-1].params["series"] == [{"points": [[0, 5], [2, 20], [4, 45], [6, 70]], "dots": False}]
    assert [p["label"] for p in bs[-1].params["points"]] == ["(0, 5)", "(2, 20)", "(4, 45)", "(6, 70)"]
    bs = beats("1. Axes: x from 0 to 160 days, y from 0 to 1000 people.\n"
               "2. Draw the three curves together, through these values:\n"
               "   day 0: S 999, I 1, R 0\n   day 40: S 288, I 298, R 414\n   day 160: S 59, I 0, R 941\n"
               "3. Legend in the upper right: S (blue), I (red), R (green).")
    (lines,) = [b for b in bs if b.params.get("series")]
    from compiler.planner.theme import colour_value

    assert [(s["label"], s["points"][1], s["color"]) for s in lines.params["series"]] == [
        ("S", [40, 288], colour_value("blue")), ("I", [40, 298], colour_value("red")), ("R", [40, 414], colour_value("green"))]


def test_labels_listed_under_and_over_pieces_of_the_formula_on_screen():
    bs = beats("Center of the screen, large:\nMathTex: f'(x) = \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}\n"
               "Add braces and labels:\n- under f(x+h) − f(x): \"rise\"\n- under h in the denominator: \"run\"\n"
               "- under the whole fraction: \"slope of the secant line\"\n- above f′(x): \"slope of the tangent line\"")
    notes = [(b.params["target"], b.params["label"], b.params["side"]) for b in bs if b.kind == "annotation"]
    assert notes[:2] == [("f(x+h) − f(x)", "rise", "down"), ("h", "run", "down")]
    assert notes[3] == ("f′(x)", "slope of the tangent line", "up") and len(notes) == 4
    assert "text" not in [b.kind for b in bs]


def test_dots_coloured_on_the_grid_on_screen_are_its_cells_not_a_new_grid():
    bs = beats("Show a grid of 30 dots. Then 4 dots are colored red. They sit in the bottom left corner of the grid "
               "(the first 4 dots of the last row).")
    assert [b.kind for b in bs] == ["grid"] and bs[0].params["highlight"] == ["1", "2", "3", "4"]
    assert any("cannot be shown in cells of 10: 1 cell is highlighted (10)" in m for m in _losses(
        "Show a grid of 1000 dots representing people. Then 4 dots are colored red."))
