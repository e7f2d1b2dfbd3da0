"""Pictures of named parts the planner misread in storyboards it was not written against: several labelled circles
(one label each, not one label for all), lines joining them by name, a tiny neural network drawn as circles in a
row, a lone formula in a box, a note on how to typeset labels, and a part of the picture on screen named like a
plot's line. One test per mechanism, with sentences like the ones that showed it."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


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
    assert [(b.kind, b.params.get("exprs")) for b in beats] == [("equation", ["ReLU(z) = max(0, z)"])]
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
