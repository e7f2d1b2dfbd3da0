"""Pictures of named parts the planner misread in storyboards it was not written against: several labelled circles
(one label each, not one label for all), lines joining them by name, a tiny neural network drawn as circles in a
row, a lone formula in a box, a note on how to typeset labels, and a part of the picture on screen named like a
plot's line. One test per mechanism, with sentences like the ones that showed it."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import assert_snapshot, scene


def planned(details: str, audio: str = "Some narration here.", plot: str = "A test scene.") -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, plot=plot)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_several_circles_take_one_label_each_in_a_row():
    beats, _ = planned('Draw three circles labeled "A", "B", "C".')
    (b,) = beats
    assert b.kind == "drawing"
    assert [(s["label"], s.get("right_of")) for s in b.params["shapes"]] == [("A", None), ("B", "a"), ("C", "b")]
    beats, _ = planned('Draw two circles labeled "Sun" and "Earth".')
    assert [s["label"] for s in beats[0].params["shapes"]] == ["Sun", "Earth"]  # no label left over as text
    assert [b.kind for b in beats] == ["drawing"]


def test_a_line_from_one_named_shape_to_another_joins_them_with_its_label():
    beats, notes = planned('Draw two circles labeled "Sun" and "Earth". Draw a dashed line from the Sun to the Earth '
                           'labeled "1 AU".')
    (b,) = beats
    line = b.params["shapes"][-1]
    assert (line["type"], line["from"], line["to"], line["label"]) == ("line", "sun", "earth", "1 AU")
    assert not [n for n in notes if n.startswith("SB307")]


def test_circles_in_a_row_joined_by_weights_are_a_tiny_network_in_a_scene_about_neurons():
    details = ('Draw three circles in a row labeled "x", "h", "y_hat". Draw a line from x to h labeled "w1 = 0.5" and '
               'a line from h to y_hat labeled "w2 = 3".')
    beats, notes = planned(details, "One input, one hidden neuron, and one output.")
    (b,) = beats
    assert b.kind == "network"
    assert b.params == {"layers": [1, 1, 1], "nodes": ["x", "h", "y_hat"], "weights": ["w1 = 0.5", "w2 = 3"]}
    assert not [n for n in notes if n.startswith(("SB301", "SB307"))]
    beats, _ = planned(details.replace("y_hat", "Sun"), "The planets line up.")
    assert [b.kind for b in beats] == ["drawing"]  # nothing about neurons: circles and lines as drawn


def test_a_tiny_network_named_later_is_that_network_not_another_one():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw a neural network with layers 3, 4, 2.", "A network."),
        scene('Draw three circles in a row labeled "x", "h", "y". Draw a line from x to h labeled "w1" and a line '
              'from h to y labeled "w2". Below the network show the formula y = w2 * h.', "A tiny network of neurons."),
        scene("Redraw the tiny network from the previous scene at the top. Draw a red arrow from y back to the w2 line "
              "on the network.", "Back through the neurons."),
    ]})
    plan = plan_storyboard(sb)
    two, three = plan.scenes[1].beats, plan.scenes[2].beats
    assert [b.kind for b in two] == ["network", "equation"]  # not the 3-4-2 network recalled under the circles
    nets = [b for b in three if b.kind == "network"]
    assert len(nets) == 1 and nets[0].params["nodes"] == ["x", "h", "y"]
    assert "plot" not in [b.kind for b in three]


def test_a_lone_formula_in_a_box_at_the_side_is_an_equation():
    beats, _ = planned('On the right side show a small box with text "ReLU(z) = max(0, z)".')
    assert [(b.kind, b.params.get("exprs")) for b in beats] == [("equation", ["ReLU(z) = max(0, z)"]), ("highlight", None)]
    assert beats[1].params["mode"] == "box"  # (the box it is shown in: a frame round it that stays)
    beats, _ = planned('On the right side show a small box with text "Learning is fun".')
    assert [b.kind for b in beats] != ["equation"]


def test_a_note_on_how_to_typeset_the_labels_is_not_drawn():
    beats, notes = planned('Draw three circles in a row labeled "x", "h", "y_hat" (render as MathTex x, h, \\hat{y}).')
    assert [b.kind for b in beats] == ["drawing"]
    assert all("render" not in s for b in beats for s in b.strings)


def test_variable_labels_are_typeset_in_drawings_and_networks():
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import drawing, network

    theme = parse_theme("Dark background.")[0].to_json()
    g = network.build(theme, layers=[1, 1, 1], nodes=["x", "h", "y_hat"], weights=["w1 = 0.5", ""])
    assert [type(g.parts[n]).__name__ for n in ("x", "y_hat", "w1 = 0.5")] != ["Text"] * 3
    assert not hasattr(g.parts["y_hat"], "font")  # ŷ typeset, not the text "y_hat"
    d = drawing.build(theme, shapes=[{"type": "circle", "id": "a", "label": "x"}, {"type": "circle", "id": "b",
                                                                                   "label": "Sun", "right_of": "a"}])
    assert not hasattr(d.labels["a"], "font") and hasattr(d.labels["b"], "font")


def test_single_quotes_inside_a_double_quoted_label_or_a_call_are_kept():
    from compiler.planner.extract import canonical_quotes

    assert canonical_quotes('Show "insert(\'bird\')" and "hash = 2".') == 'Show "insert(\'bird\')" and "hash = 2".'
    assert canonical_quotes('the text "occupied by \'cat\'".') == 'the text "occupied by \'cat\'".'
    assert canonical_quotes("hash('cat') = 2") == "hash('cat') = 2"
    assert canonical_quotes("Show the label 'Start' here.") == 'Show the label "Start" here.'
    beats, _ = planned('Show "insert(\'bird\')" and "hash = 2". Flash bucket 2 with the text "occupied by \'cat\'".')
    strings = [s for b in beats for s in b.strings]
    assert "insert('bird')" in strings and "occupied by 'cat'" in strings


def test_a_string_argument_of_a_call_is_typeset_as_text_in_the_formula():
    from compiler.mathtext import to_tex

    assert to_tex("hash('cat') = (99 + 97 + 116) mod 5").tex == \
        "\\operatorname{hash}(\\text{\u2018cat\u2019}) = (99 + 97 + 116) \\, \\mathrm{mod} \\, 5"
    assert to_tex("f'(x) = 2x").tex == "f'(x) = 2x"  # a prime stays a prime
    beats, notes = planned("Show the calculation line by line:\n   hash('cat') = (99 + 97 + 116) mod 5\n   = 312 mod 5\n"
                           "   hash('cat') = 2")
    assert [b.kind for b in beats] == ["steps"] and not [n for n in notes if n.startswith("SB302")]


def test_bucket_lines_of_a_hash_table_are_rows_of_chained_nodes():
    beats, notes = planned("Show the final state of the hash table with labels for each bucket:\n   0: ∅\n   1: fish\n"
                           "   2: cat → bird\n   3: ∅\n   4: dog")
    (b,) = beats
    assert b.kind == "graph" and b.params["layout"] == "chain" and b.params["directed"]
    assert [(e["from"], e["to"]) for e in b.params["edges"]] == [("[1]", "fish"), ("[2]", "cat"), ("cat", "bird"),
                                                                   ("[4]", "dog")]
    assert [n["label"] for n in b.params["nodes"] if isinstance(n, dict)] == ["0", "1", "2", "3", "4"]
    # not a flow whose last box reads "bird\n3: ∅\n4: dog"
    assert all("\n" not in s for b in beats for s in b.strings)


def test_the_picture_of_a_named_scene_is_recalled_whatever_noun_names_it():
    sb = Storyboard.model_validate({"scenes": [
        scene("Show the hash table:\n   0: ∅\n   1: fish\n   2: cat → bird", "Buckets."),
        scene("Show the final table from scene 1.", "Again."),
    ]})
    two = plan_storyboard(sb).scenes[1].beats
    assert [(b.kind, b.rule) for b in two] == [("graph", "graph:recalled-from-scene-1")]


def test_rows_under_a_colon_after_words_on_the_rows_fill_the_table():
    beats, _ = planned('Show a table with columns "n", "x_n", "error |x_n − √2|" and rows filled one at a time:\n'
                       '   0 | 2 | 0.5858\n   1 | 1.5 | 0.0858')
    (b,) = beats
    assert b.params["rows"] == [[0, 2, 0.5858], [1, 1.5, 0.0858]]


def test_bars_with_heights_after_a_colon_on_empty_axes_are_the_chart():
    beats, notes = planned('Draw axes: x-axis labeled "number of heads k" with ticks 0 to 10, y-axis labeled "P(X = k)" '
                           'from 0 to 0.3.\nDraw 5 bars with heights:\n   k = 0: 0.001, 1: 0.0098, 2: 0.0439, 3: 0.1172, '
                           '4: 0.2051')
    assert [b.kind for b in beats] == ["bar_chart"]  # the axes are the chart's, not a second, empty picture
    b = beats[0]
    assert b.params["labels"] == ["0", "1", "2", "3", "4"] and b.params["values"][3] == 0.1172
    assert b.params["title"] == "P(X = k) by number of heads k"


def test_a_line_that_starts_with_its_relation_goes_on_the_calculation_before_it():
    from compiler.mathtext import to_tex

    assert to_tex("= 300 + 40 + 5").tex == "{} = 300 + 40 + 5"
    assert to_tex("≈ 0").tex == "{} \\approx 0"
    beats, _ = planned('Below the boxes, build the expansion "345 = 3 × 100 + 4 × 10 + 5 × 1". Then show '
                       '"= 300 + 40 + 5".')
    assert [(b.kind, b.params.get("lines")) for b in beats] == [
        ("steps", ["345 = 3 × 100 + 4 × 10 + 5 × 1", "= 300 + 40 + 5"])]
    beats, _ = planned('Below, build the sum "1 × 8 + 1 × 4 + 0 × 2 + 1 × 1", then "= 8 + 4 + 0 + 1", then "= 13".')
    assert [(b.kind, b.params.get("lines")) for b in beats] == [
        ("steps", ["1 × 8 + 1 × 4 + 0 × 2 + 1 × 1", "= 8 + 4 + 0 + 1", "= 13"])]


def test_symbols_written_with_spaces_are_a_row_of_cells():
    beats, _ = planned("Show the row of 10 coins: H H H T T T T T T T.")
    assert [(b.kind, b.params.get("tokens")) for b in beats] == [("sequence", list("HHHTTTTTTT"))]
    beats, _ = planned('Draw a row of 10 circles (coins) in the middle of the screen, each showing "?".')
    assert [(b.kind, b.params.get("tokens")) for b in beats] == [("sequence", ["?"] * 10)]
    beats, _ = planned("Show the formula A B C D on the board.")  # no row: letters of a formula, not cells
    assert "sequence" not in [b.kind for b in beats]


def test_a_vector_takes_the_label_written_for_it_and_a_recalled_plane_keeps_its_vectors():
    sb = Storyboard.model_validate({"scenes": [
        scene('Draw a NumberPlane with x from -1 to 6 and y from -1 to 5. Draw vector a as an arrow from (0, 0) to '
              '(3, 4) with label "a = (3, 4)" near its tip. Draw vector b as an arrow from (0, 0) to (4, 3) with label '
              '"b = (4, 3)" near its tip.', "Two vectors."),
        scene("Redraw the plane with a = (3, 4) in blue and b = (4, 3) in yellow, same placement as scene 1.", "Again."),
    ]})
    plan = plan_storyboard(sb)
    labels = [v.get("label") for b in plan.scenes[0].beats if b.kind == "vector_plane" for v in b.params.get("vectors") or []]
    assert labels == ["a = (3, 4)", "b = (4, 3)"]
    (again,) = [b for b in plan.scenes[1].beats if b.kind == "vector_plane"]
    assert [(v["x"], v["y"]) for v in again.params["vectors"]] == [(3, 4), (4, 3)]


def test_absolute_values_side_by_side_are_two_not_a_given_bar():
    from compiler.mathtext import to_tex

    assert to_tex("cos θ = (a · b) / (|a| |b|)").tex == "\\cos \\theta = \\frac{a \\cdot b}{|a| |b|}"
    assert to_tex("a · b = |a||b| cos θ").tex == "a \\cdot b = |a| |b| \\cos \\theta"
    assert to_tex("|x - 1| + |y|").tex == "|x - 1| + |y|"
    assert to_tex("P(A | B)").tex == "P(A \\mid B)" and to_tex("P(+ | D) = 0.95").tex == "P({+} \\mid D) = 0.95"
    assert to_tex("||v||").tex == "\\|v\\|"


def test_a_bar_shows_its_value_as_written():
    from compiler.formula import short_number

    assert [short_number(v) for v in (0.1172, 0.0098, 0.2461, 0.5)] == ["0.1172", "0.0098", "0.2461", "0.5"]


# ----------------------------------------------------------------------------- a thin lens
def test_the_lens_equation_places_the_image():
    from compiler.components.physics import PhysicsVisual, lens_image, lens_strings

    assert lens_image(10, 30) == (15.0, -0.5)  # real, inverted, half size
    di, m = lens_image(10, 6)
    assert round(di, 6) == -15 and round(m, 6) == 2.5  # virtual, upright, magnified
    assert lens_image(10, 10) is None  # at the focal point: no image
    assert round(lens_image(-10, 20)[0], 3) == -6.667  # a diverging lens: always virtual
    ln = {"focal": 10, "object_distance": 30, "object_height": 10, "rays": ["parallel", "center", "focal"], "image": True}
    assert {"d_o = 30 cm", "d_i = 15 cm", "object", "image", "F", "F′"} <= set(lens_strings(ln))
    PhysicsVisual.model_validate({"kind": "physics", "lens": ln})
    with pytest.raises(Exception, match="object_distance"):
        PhysicsVisual.model_validate({"kind": "physics", "lens": {"focal": 10, "rays": ["center"]}})


def test_a_lens_scene_is_one_lens_picture_with_what_each_sentence_adds():
    beats, notes = planned(
        'Draw a horizontal optical axis across the screen and a converging lens at the center with label "converging '
        'lens".\nDraw the object as an upward arrow on the axis at x = -6 (30 cm to the left of the lens, scale 1 unit '
        '= 5 cm), height 2, labeled "object".\nDraw a brace under the axis from the object to the lens labeled '
        '"d_o = 30 cm".\nMark two small dots on the axis at x = -2 and x = 2 labeled "F" and "F\'".')
    (b,) = beats
    ln = b.params["lens"]
    assert (b.kind, ln["focal"], ln["object_distance"], ln["object_height"], ln["label"]) == \
        ("physics", 10, 30, 10, "converging lens")
    assert not ln.get("image") and not ln.get("rays")  # the image is the question here, not drawn yet
    assert not [n for n in notes if n.startswith(("SB301", "SB307"))]


def test_rays_given_by_their_points_are_the_principal_rays_and_the_image_is_computed():
    beats, notes = planned(
        "Axis from x = -7 to x = 5, lens at x = 0, scale 1 unit = 5 cm. Mark F at (-2, 0), F' at (2, 0).\n"
        'Object: green arrow from (-6, 0) to (-6, 2), labeled "object, h_o = 10 cm".\n'
        "Ray 1 (yellow): (-6, 2) → (0, 2) → through F' (2, 0) → (3, -1).\n"
        "Ray 2 (red): (-6, 2) → (0, 0) → (3, -1).\n"
        "Ray 3 (purple): (-6, 2) → through F (-2, 0) → (0, -1) → parallel to the axis → (3, -1).\n"
        'Draw the image as an orange arrow from (3, 0) down to (3, -1), labeled "image".\n'
        'Add a brace from the lens to the image labeled "d_i = 20 cm".')
    lens = [b for b in beats if b.kind == "physics"]
    assert len(lens) == 1 and [b.kind for b in beats] == ["physics"]
    ln = lens[0].params["lens"]
    assert ln["rays"] == ["parallel", "center", "focal"] and ln["image"] and ln["object_label"] == "object, h_o = 10 cm"
    assert "d_i = 15 cm" in lens[0].strings  # computed, and the 20 cm written is said to be wrong
    assert any("d_i = 15 cm" in n and "d_i = 20" in n for n in notes)


def test_the_lens_picture_draws_rays_that_meet_at_the_image():
    import numpy as np

    from compiler.planner.theme import parse_theme
    from compiler.runtime.components.physics_lens import build_lens

    theme = parse_theme("Dark background.")[0].to_json()
    g = build_lens(theme, {"focal": 10, "object_distance": 30, "object_height": 10,
                           "rays": ["parallel", "center", "focal"], "image": True})
    rays = g.pieces[4]
    tip = g.parts["image"].get_center()  # the image's label sits under its tip
    ends = []
    for ray in rays:
        last = ray[-1]
        ends.append((last.get_start(), last.get_end()))
    # each ray's last segment passes the image tip: the distance from the tip to the line is small
    image_arrow = g.pieces[5][0]
    p = image_arrow.get_end()
    for a, b in ends:
        d = np.cross(b - a, p - a)[2] / np.linalg.norm(b - a)
        assert abs(d) < 0.05
    assert tip[1] < 0  # inverted: below the axis


def test_levels_of_pieces_grow_a_recursion_tree_from_the_array_on_screen():
    beats, _ = planned("Level 0 at the top: [38, 27, 43, 3, 9, 82, 10].\n"
                       "Split into level 1 with arrows from the parent: [38, 27, 43, 3] on the left and [9, 82, 10] on the right.\n"
                       "Split into level 2: [38, 27], [43, 3], [9, 82], [10].\n"
                       "Split into level 3: [38], [27], [43], [3], [9], [82].")
    (b,) = beats
    assert b.kind == "graph" and b.params["layout"] == "tree"
    label = {n["id"]: n["label"] for n in b.params["nodes"]}
    pairs = [(label[e["from"]], label[e["to"]]) for e in b.params["edges"]]
    assert ("38, 27, 43, 3, 9, 82, 10", "9, 82, 10") in pairs and ("9, 82, 10", "10") in pairs
    assert ("43, 3", "3") in pairs and len(b.params["nodes"]) == 13
    beats, _ = planned("Show the array [5, 1, 4]. Then show the lists [7, 8] and [9, 2].")  # not pieces of it
    assert "graph" not in [b.kind for b in beats]


def test_mark_the_endpoints_of_the_line_drawn():
    beats, _ = planned('Draw axes: x-axis labeled "x (m)" from 0 to 0.2, y-axis labeled "T" from 0 to 25.\n'
                       "Plot the straight line T(x) = 20 − 100x from (0, 20) to (0.2, 0).\n"
                       'Mark the endpoints with dots labeled "20 °C" and "0 °C".')
    pts = [p for b in beats if b.kind == "plot" for p in b.params.get("points") or []]
    assert [(p["x"], p["y"], p["label"]) for p in pts] == [(0, 20, "20 °C"), (0.2, 0, "0 °C")]


def test_a_shape_takes_its_own_label_far_after_it_not_the_next_shapes():
    beats, _ = planned('Draw a tall rectangle in the center as the wall, width 1.6 and height 4.5, filled with brick colour, '
                       'with the label "brick, L = 0.2 m" under it.')
    assert beats[0].params["shapes"][0]["label"] == "brick, L = 0.2 m"
    beats, _ = planned('Place an orange circle (small dot) at (-2, 3) and a yellow star at the bottom labeled "minimum".')
    shapes = beats[0].params["shapes"]
    assert [(x["type"], x.get("label")) for x in shapes] == [("circle", "small dot"), ("star", "minimum")]


def test_labels_of_undrawn_parts_are_not_named_by_a_pronoun_or_an_adverb():
    beats, notes = planned('Show a curve with two dips. Point an arrow at the first dip and show it labeled "local minimum", '
                           'and at the second, about twice as deep, with the height about labeled "global minimum".')
    texts = [b.params.get("text") for b in beats if b.kind == "text"]
    assert not any(t and (t.startswith("It:") or "Height about" in t) for t in texts)
    beats, _ = planned('Draw a demand line labeled "D" and a supply line labeled "S".')
    assert any("Supply line: S" in s for b in beats for s in b.strings) or all(b.kind != "text" for b in beats)


def test_column_vectors_written_as_lists_are_columns():
    beats, _ = planned("Below it show the two vectors as column vectors side by side: [3, 4] and [4, 3].")
    assert [(b.kind, b.params["values"]) for b in beats] == [("matrix", [[3], [4]]), ("matrix", [[4], [3]])]


def test_sentences_shown_one_after_the_other_are_texts_not_a_list():
    beats, _ = planned('Show the text "hot particles vibrate more and pass energy to their neighbours" below the grid and '
                       'then "the particles stay in place, the energy moves".')
    assert [b.kind for b in beats] == ["text", "text"]
    beats, _ = planned('Show the values "V = 5.0 L", "P = 200 kPa" and then "T = 25 C".')  # values: still one list
    assert [b.kind for b in beats] != ["text", "text", "text"]


# ----------------------------------------------------------------------------- a box pushed across a floor
def test_a_box_with_a_mass_on_a_floor_is_a_body_with_its_label_and_forces():
    beats, _ = planned("Draw a horizontal floor line from x = -6 to x = 6 at y = -1.5. Place a square box of side 1.5 on "
                       "the floor at x = -2, labelled '5 kg' in its centre. Draw a yellow arrow pushing the left side of "
                       "the box to the right, labelled 'F = 30 N'.")
    (b,) = [b for b in beats if b.kind == "physics"]
    assert b.params["bodies"] == [{"shape": "block", "label": "5 kg"}]
    assert b.params["vectors"] == [{"type": "force", "direction": "right", "label": "F = 30 N", "color": "#FFE066"}]
    assert "5 kg" not in [s for x in beats if x.kind == "text" for s in x.strings]
    beats, _ = planned('Draw three boxes labeled "Input", "Model", "Output" connected by arrows.')  # a diagram's boxes
    assert "physics" not in [b.kind for b in beats]


def test_a_free_body_diagram_of_the_box_from_the_previous_scene():
    sb = Storyboard.model_validate({"scenes": [
        scene("Place a box of 5 kg on the floor with an arrow pushing it to the right labelled 'F = 30 N'.", "Push."),
        scene("Start with the box from the previous scene.\n1. Weight: blue arrow downward, label 'W = mg'.\n"
              "2. Normal force: green arrow upward, label 'N'.\n3. Applied force: yellow arrow to the right, label "
              "'F = 30 N'.\n4. Kinetic friction: red arrow to the left, label 'f_k'.", "Forces."),
    ]})
    two = plan_storyboard(sb).scenes[1].beats
    (fbd,) = [b for b in two if b.kind == "physics"]
    assert [(v["direction"], v["label"]) for v in fbd.params["vectors"]] == [
        ("right", "F = 30 N"), ("down", "W = mg"), ("up", "N"), ("left", "f_k")]
    assert [b.kind for b in two] == ["physics"]  # every label on its arrow, none again as text


# ----------------------------------------------------------------------------- a simple pendulum
def test_a_pendulum_scene_is_one_pendulum_with_its_labels_swing_and_forces():
    from compiler.components.physics import PhysicsVisual, pendulum_period, pendulum_strings

    assert round(pendulum_period(1.0), 2) == 2.01
    beats, notes = planned('Draw a short horizontal bar at (0, 3) as the pivot. Hang a string of length 4 screen units '
                           '(representing 1 m) from it with a blue bob. Label the string "L = 1 m" and the bob "m". '
                           'Animate the pendulum swinging from θ = 15° to −15° and back twice. Show a stopwatch-style '
                           'counter "t = 0.00 s" that runs while it swings.')
    (b,) = beats
    p = b.params["pendulum"]
    assert (p["length"], p["angle"], p["string_label"], p["bob_label"], p["swings"], p["timer"]) == \
        (1.0, 15.0, "L = 1 m", "m", 2.0, True)
    assert "T = 2.01 s" in pendulum_strings(p)
    PhysicsVisual.model_validate({"kind": "physics", "pendulum": p})
    beats, _ = planned('Freeze the pendulum at θ = 25° to the right of the vertical. Mark the angle θ between it and the '
                       'string with an arc, labelled "θ". Forces on the bob: a yellow arrow straight down labelled "mg" '
                       'and a green arrow along the string toward the pivot labelled "tension". Then decompose mg into '
                       'two dashed arrows labelled "mg cos θ" and "mg sin θ".')
    (b,) = [x for x in beats if x.kind == "physics"]
    p = b.params["pendulum"]
    assert (p["angle"], p["angle_label"], p["weight"], p["tension"], p["components"]) == \
        (25.0, "θ", "mg", "tension", ["mg cos θ", "mg sin θ"])
    assert "string_label" not in p


def test_the_pendulum_swings_on_screen():
    from manim import Scene

    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import physics

    theme = parse_theme("Dark background.")[0].to_json()
    g = physics.build(theme, pendulum={"length": 1, "angle": 20, "swings": 1, "bob_label": "m", "timer": True,
                                       "weight": "mg", "second": "5m"})
    bob = g.pendulum.body[1]
    start = bob.get_center().copy()
    assert start[0] > g.pendulum.pivot[0]  # drawn at +20°: right of the pivot
    assert {"mg", "5m", "m"} <= set(g.parts)

    class Probe(Scene):
        def play(self, *animations, run_time=1.0, **kw):  # run the updaters at the swing's quarter, no rendering
            for a in animations:
                a.rate_func = kw.get("rate_func", a.rate_func)
                a.begin()
                a.interpolate(0.25)

    from manim import RIGHT, UP

    g.scale(0.6).shift(RIGHT * 2 + UP)  # the scene's layout moves and scales a picture after it is built
    physics.swing(Probe(), g.pendulum, 2.0)
    pivot = g.pendulum.bar.get_center()
    assert abs(bob.get_center()[0] - pivot[0]) < 0.05  # a quarter of a swing: right under its pivot
    string = g.pendulum.body[0]
    assert abs(string.get_start()[1] - pivot[1]) < 0.05  # hanging from the bar, where the picture is now
    assert "2.01" in g.pendulum.timer.text  # it stops on the period, T = 2π√(L/g)


# ----------------------------------------------------------------------------- a message sequence chart of quoted parties
def test_boxes_in_a_row_with_lifelines_from_each_are_the_parties_of_a_chart():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw five actors as boxes in a row across the top: 'Your computer', 'Recursive resolver (8.8.8.8)', "
              "'Root server', '.com TLD server', 'example.com name server'. Draw a vertical dashed lifeline down from "
              "each. Draw a blue arrow from 'Your computer' to 'Recursive resolver (8.8.8.8)' labelled "
              "'1. A record for example.com?'.", "Ask."),
        scene("Same five-column layout, with arrow 1 already present. Draw a blue arrow from the resolver to the root "
              "server labelled '2. example.com?'. Then draw an orange arrow back labelled "
              "'3. Referral: ask a.gtld-servers.net (.com)'.", "Referral."),
    ]})
    plan = plan_storyboard(sb)
    one, two = plan.scenes[0].beats, plan.scenes[1].beats
    assert [b.kind for b in one] == ["message_chart", "message_chart"]
    assert one[0].params["lifelines"][1] == "Recursive resolver (8.8.8.8)"
    assert one[1].params["messages"] == [{"from": "Your computer", "to": "Recursive resolver (8.8.8.8)",
                                          "label": "1. A record for example.com?"}]
    msgs = [m for b in two if b.kind == "message_chart" for m in b.params.get("messages") or []]
    assert [(m["from"], m["to"]) for m in msgs] == [("Your computer", "Recursive resolver (8.8.8.8)"),  # "arrow 1
                                                   ("Recursive resolver (8.8.8.8)", "Root server"),  # already present"
                                                   ("Root server", "Recursive resolver (8.8.8.8)")]
    assert msgs[2]["label"] == "3. Referral: ask a.gtld-servers.net (.com)"  # whole, not cut at 40 characters


def test_a_probability_tree_of_quoted_boxes_built_branch_by_branch():
    beats, notes = planned(
        "Build a tree from left to right:\nRoot box: '10,000 people' at (-5.5, 0).\n"
        "Two branches to boxes 'Sick: 100' at (-1.5, 2) and 'Healthy: 9,900' at (-1.5, -2). Label the branches '1%' "
        "and '99%'.\nFrom 'Sick: 100' two branches to 'Positive: 99' at (3, 3) labelled '99%' and 'Negative: 1' at "
        "(3, 1) labelled '1%'.")
    (b,) = beats
    assert b.kind == "graph" and b.params["direction"] == "right"
    assert [(e["from"], e["to"], e.get("label")) for e in b.params["edges"]] == [
        ("10,000 people", "Sick: 100", "1%"), ("10,000 people", "Healthy: 9,900", "99%"),
        ("Sick: 100", "Positive: 99", "99%"), ("Sick: 100", "Negative: 1", "1%")]
    assert not [n for n in notes if n.startswith(("SB301", "SB307"))]


def test_cells_containing_values_are_an_array_of_those_values_not_numbered_cards():
    beats, _ = planned("Draw a row of six square cells in the center containing 5, 2, 9, 1, 6, 3 from left to right. "
                       "Under the cells write the indices 0 to 5 in small grey text.")
    assert [(b.kind, b.params.get("tokens"), b.params.get("indices")) for b in beats] == [
        ("sequence", ["5", "2", "9", "1", "6", "3"], 0)]  # not cards 0…5, no cell greyed out
    beats, _ = planned("Draw the row 5, 2, 9. Below that, draw a faded copy of the target row: 2, 5, 9.")
    assert [b.params.get("tokens") for b in beats if b.kind == "sequence"] == [["5", "2", "9"], ["2", "5", "9"]]


def test_a_schematic_array_is_no_circuit_and_quoted_code_lines_lose_their_quotes():
    beats, _ = planned('On the right, draw a schematic array of 7 empty cells divided into coloured regions: a green '
                       'region labelled "<= pivot", and the last cell in orange labelled "pivot".')
    assert "circuit" not in [b.kind for b in beats]
    beats, _ = planned('On the left, show pseudo-code in a code block:\n"partition(a, lo, hi):"\n"    pivot = a[hi]"\n'
                       '"    return i + 1"')
    (code,) = [b for b in beats if b.kind == "code"]
    assert code.params["code"] == "partition(a, lo, hi):\n    pivot = a[hi]\n    return i + 1"


def test_formula_lines_with_a_quoted_label_a_number_or_a_caption():
    from compiler.components.steps import step_formulas

    lines, failed = step_formulas(["1. Weight: W = mg = 49 N", "2. Vertical: N = mg = 49 N"])
    assert not failed and lines[0][0].startswith("\\text{1.}")  # the step's number, then its formula
    beats, notes = planned("Write four lines, one below another, each with a short label on the left and a formula on the "
                           "right:\n1. 'Prevalence' : P(D) = 0.01\n2. 'Sensitivity' : P(+ | D) = 0.99   (caption: 'sick "
                           "people who test positive')\n3. 'False positive rate' : P(+ | not D) = 1 − 0.95 = 0.05")
    (b,) = beats
    assert b.params["lines"] == ["Prevalence: P(D) = 0.01", "Sensitivity: P(+ | D) = 0.99",
                                 "False positive rate: P(+ | not D) = 1 − 0.95 = 0.05"]
    assert b.params["notes"] == ["", "sick people who test positive", ""]
    assert not [n for n in notes if n.startswith("SB302")]


def test_a_column_of_formula_lines_called_derivations_is_steps():
    beats, _ = planned('Left half, two small derivations: "λ = 3: A − 3I = [[-1, 1], [1, -1]]", "-x + y = 0 → y = x", '
                       '"v₁ = (1, 1)". Right half: a NumberPlane with v₁ as a purple arrow to (1, 1).')
    assert beats[0].kind == "steps"
    assert beats[0].params["lines"] == ["λ = 3: A − 3I = [[-1, 1], [1, -1]]", "-x + y = 0 → y = x", "v₁ = (1, 1)"]


def test_an_arrow_to_it_goes_to_the_party_just_highlighted_and_long_notes_are_never_cut():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw three actors as boxes in a row: 'Your computer', 'Resolver', 'TLD server'. Draw a dashed lifeline "
              "down from each. Highlight the 'TLD server' column. Draw a blue arrow from the resolver to it labelled "
              "'4. example.com?'. Show a note: 'Each level only knows the next level down'.", "Next."),
    ]})
    beats = plan_storyboard(sb).scenes[0].beats
    msgs = [m for b in beats if b.kind == "message_chart" for m in b.params.get("messages") or []]
    assert [(m["from"], m["to"]) for m in msgs] == [("Resolver", "TLD server")]
    assert not any(m.get("note") for m in msgs)
    assert "Each level only knows the next level down" in [s for b in beats for s in b.strings]


def test_a_free_body_diagram_named_later_is_recalled_and_its_notes_are_no_forces():
    sb = Storyboard.model_validate({"scenes": [
        scene("Place a box of 5 kg on the floor with an arrow pushing it to the right labelled 'F = 30 N'. "
              "Next to the arrow write the note 'opposes sliding'.", "Push."),
        scene("Keep a smaller copy of the free-body diagram on the left. Then update the labels on the diagram: the "
              "arrow label becomes 'F = 30.0 N'.", "Again."),
    ]})
    plan = plan_storyboard(sb)
    one = [b for b in plan.scenes[0].beats if b.kind == "physics"]
    assert [v["label"] for v in one[0].params["vectors"]] == ["F = 30 N"]  # the note is no force
    two = [b for b in plan.scenes[1].beats if b.kind == "physics"]
    assert two and two[0].rule.startswith("physics:recalled-from-scene-1")
    assert [v["label"] for v in two[0].params["vectors"]] == ["F = 30 N"]


def test_circuit_elements_take_the_labels_written_far_after_them():
    beats, _ = planned("Draw a series circuit as a rectangle loop: a battery on the left side labelled 'V = 9 V', an open "
                       "switch on the top side labelled 'S', a resistor zigzag on the right side labelled 'R = 10 kΩ', and "
                       "a capacitor (two parallel plates) on the bottom side labelled 'C = 100 μF'.")
    (b,) = beats
    assert [(e["type"], e.get("label"), e.get("value")) for e in b.params["elements"]] == [
        ("battery", "V", "9 V"), ("switch", "S", None), ("resistor", "R", "10 kΩ"), ("capacitor", "C", "100 µF")]


def test_milli_and_mega_ohms_stay_as_written():
    from compiler.planner.rules_circuit import _value

    assert (_value("5", "mΩ"), _value("2", "MΩ"), _value("3", "kΩ"), _value("1", "ohms")) == ("5 mΩ", "2 MΩ", "3 kΩ", "1 Ω")


def test_the_formula_shown_again_is_the_one_written_not_an_earlier_derivation():
    sb = Storyboard.model_validate({"scenes": [
        scene("Show the derivation step by step: P(+) = 0.9 × 0.1 + 0.1 × 0.9 = 0.18, then P(D | +) = 0.09 / 0.18 = 0.5.",
              "Work."),
        scene("On the right, show the formula again: P(D | +) = P(+ | D) P(D) / P(+).", "Again."),
    ]})
    two = plan_storyboard(sb).scenes[1].beats
    assert [(b.kind, b.params.get("exprs")) for b in two] == [("equation", ["P(D | +) = P(+ | D) P(D) / P(+)"])]


def test_the_untransformed_plane_and_the_matrix_are_those_of_the_scene_before():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw a NumberPlane from x = -7 to 7 and y = -4 to 4. In the upper left corner show the matrix "
              "A = [[2, 1], [1, 2]].", "A matrix."),
        scene("Start from the untransformed plane with the matrix in the upper left. Draw a yellow vector v from (0, 0) "
              "to (-1, 2) labelled \"v = (-1, 2)\".", "A vector."),
    ]})
    two = plan_storyboard(sb).scenes[1].beats
    kinds = [(b.kind, b.rule.split(":")[1].split("+")[0]) for b in two]
    assert ("vector_plane", "recalled-from-scene-1") in kinds and ("matrix", "recalled") in kinds
    (m,) = [b for b in two if b.kind == "matrix"]
    assert m.params["values"] == [[2, 1], [1, 2]]  # not a grid of dots


def test_the_basis_asked_for_again_is_the_basis_drawn():
    beats, notes = planned('Draw a NumberPlane from x = -7 to 7 and y = -4 to 4. Draw i-hat as a green arrow from (0, 0) to '
                           '(1, 0) labelled "î" and j-hat as a red arrow from (0, 0) to (0, 1) labelled "ĵ".')
    (b,) = beats
    assert b.kind == "vector_plane" and b.params.get("basis")
    assert not [n for n in notes if n.startswith("SB301")]


def test_snapshot_of_the_code_generated_for_a_pendulum_a_lens_and_a_tiny_network():
    import ast

    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    visuals = [
        {"kind": "physics", "pendulum": {"length": 1, "angle": 20, "swings": 1, "bob_label": "m", "weight": "mg",
                                         "timer": True}},
        {"kind": "clear"},
        {"kind": "physics", "lens": {"focal": 10, "object_distance": 30, "object_height": 10,
                                     "rays": ["parallel", "center", "focal"], "image": True}},
        {"kind": "clear"},
        {"kind": "network", "layers": [1, 1, 1], "nodes": ["x", "h", "y_hat"], "weights": ["w1 = 0.5", "w2 = 3"]},
    ]
    sb = Storyboard.model_validate({"scenes": [scene("explicit visuals", "A pendulum, a lens and a network.",
                                                     visuals=visuals)]})
    (g,) = [generate_scene(ts) for ts in time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes]
    ast.parse(g.code)
    for needle in ("pendulum={'length': 1", "lens={'focal': 10", "nodes=['x', 'h', 'y_hat']",
                   "weights=['w1 = 0.5', 'w2 = 3']"):
        assert needle in g.code
    assert_snapshot("physics-extras", g)


def test_the_names_inside_a_tiny_networks_nodes_come_on_screen_with_it():
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import network

    theme = parse_theme("Dark background.")[0].to_json()
    g = network.build(theme, layers=[1, 1, 1], nodes=["x", "h", "y_hat"], weights=["w1 = 0.5", "w2 = 3"])
    shown = set()
    for group in network.enter(g, 1.0):
        for a in group.animations:
            shown.add(id(a.mobject))
    assert id(g.inside) in shown  # (they were built but never faded in: empty circles on screen)


def test_the_verb_before_a_chain_is_no_part_of_its_first_node():
    beats, _ = planned("Attach bird to the end of the chain: draw an arrow from the cat node to a new bird node, so the "
                       "chain reads cat → bird.")
    assert [b.params.get("nodes") for b in beats if b.kind == "flow"] == [["cat", "bird"]]


def test_a_networks_names_and_weights_must_fit_its_layers():
    from compiler.components.network import NetworkVisual

    NetworkVisual.model_validate({"kind": "network", "layers": [1, 1, 1], "nodes": ["x", "h", "y"], "weights": ["a", "b"]})
    with pytest.raises(Exception, match="nodes"):
        NetworkVisual.model_validate({"kind": "network", "layers": [1, 1], "nodes": ["x", "y", "z"]})
    with pytest.raises(Exception, match="weights"):
        NetworkVisual.model_validate({"kind": "network", "layers": [1, 1], "weights": ["a", "b"]})


def test_keys_past_what_a_tree_holds_are_said():
    beats, notes = planned("Build a binary search tree by inserting " + ", ".join(str(k) for k in range(1, 31)) + ".")
    assert len(beats[0].params["nodes"]) == 24 and any("25, 26" in n for n in notes)


def test_the_same_layout_with_its_arrows_present_carries_the_chart_as_it_was_left():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    first = scene('Draw two lifelines "Client" and "Server". Draw an arrow from "Client" to "Server" labelled "SYN".',
                  "The client opens.", plot="A handshake.")
    second = scene("Same layout with arrows 1 to 1 present (dimmed slightly). Draw an arrow back labelled \"SYN-ACK\".",
                   "The server answers.", plot="The answer.")
    plan = plan_storyboard(Storyboard.model_validate({"scenes": [first, second]}))
    chart = plan.scenes[1].beats[0]
    assert chart.kind == "message_chart" and [m["label"] for m in chart.params["messages"]] == ["SYN"]
