"""Pictures as written: storyboards a reviewer wrote the way a language model does came out silently wrong.

- a neural network's layers and sizes were never read ("an input layer (784 neurons…), hidden layer 1 with 16 …")
  — always 3, 4, 2 nodes labelled Input, Hidden, Output; "Label the layers "Input (784)", …" became a line of text;
- "a grid of 100 by 100 small squares" drew 100 numbered cells, "a 28 x 28 grid of pixels forming a handwritten 7"
  drew 7 cells numbered 1 to 7;
- words inside quoted text drew pictures: the title "How a Neural Network Reads Digits" added a network, the text
  "… trains neural networks …" another; "Below it list three points:" drew a scatter of 3 random dots;
- "Label each part with arrows: P(D) as "prior", …" became a flow of boxes prior → likelihood → evidence → posterior
  instead of labelled arrows on the formula on screen.
"""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(*details: str):
    sb = Storyboard.model_validate({"scenes": [scene(d, "Some narration here. And a second sentence.") for d in details]})
    return plan_storyboard(sb)


def beats(details: str) -> list:
    return list(planned(details).scenes[0].beats)


def kinds(details: str) -> list[str]:
    return [b.kind for b in beats(details)]


def losses(plan) -> list[str]:
    return [d.message for d in plan.diagnostics if d.code == "SB307"]


# ----------------------------------------------------------------------------- 1. a network's layers as written
def test_network_layers_and_sizes_as_written_with_their_labels():
    b = beats("Draw a neural network with four layers from left to right: an input layer (784 neurons, draw 16 with an "
              "ellipsis), hidden layer 1 with 16 neurons, hidden layer 2 with 16 neurons, and an output layer with 10 "
              "neurons.\nLabel the layers \"Input (784)\", \"Hidden 1 (16)\", \"Hidden 2 (16)\", \"Output (10)\".")
    assert [x.kind for x in b] == ["network"]  # the labels are the network's, not a line of text under it
    assert b[0].params["layers"] == [784, 16, 16, 10]
    assert b[0].params["labels"] == ["Input (784)", "Hidden 1 (16)", "Hidden 2 (16)", "Output (10)"]


@pytest.mark.parametrize("details, layers, labels", [
    ("Show a neural network with layers of 784, 16, 16 and 10 neurons.", [784, 16, 16, 10],
     ["Input (784)", "Hidden 1 (16)", "Hidden 2 (16)", "Output (10)"]),
    ("Draw a neural network with 4 input neurons, 5 hidden neurons and 3 output neurons.", [4, 5, 3],
     ["Input", "Hidden", "Output"]),
    ("Draw a multilayer perceptron with an input layer of 784 nodes, two hidden layers of 128 nodes each and an output "
     "layer of 10 nodes.", [784, 128, 128, 10], ["Input (784)", "Hidden 1 (128)", "Hidden 2 (128)", "Output (10)"]),
    ("Draw a neural network with an input layer, a hidden layer with 1,024 units and an output layer with 2 units.",
     [3, 1024, 2], ["Input", "Hidden (1,024)", "Output"]),
    ("Draw a neural network with four layers.", [3, 4, 4, 2], ["Input", "Hidden 1", "Hidden 2", "Output"]),
    ("Show a simple two-layer neural network with input, hidden, and output layers.", [3, 4, 2],
     ["Input", "Hidden", "Output"]),
])
def test_network_sizes_lists_and_counts(details, layers, labels):
    (b,) = beats(details)
    assert b.kind == "network" and b.params["layers"] == layers and b.params["labels"] == labels


def test_quoted_layer_labels_name_the_layers_and_are_not_drawn_twice():
    assert kinds('Draw a neural network with layers 3, 4, 2 labelled "x", "h", "y".') == ["network"]
    (b,) = beats('Draw a neural network with layers 3, 4, 2 labelled "x", "h", "y".')
    assert b.params["labels"] == ["x", "h", "y"]


def test_a_sentence_about_the_neurons_on_screen_draws_no_second_network():
    b = beats("Draw a neural network with layers 3, 4, 2. Label the output neurons with the digits 0 to 9 on their right.")
    assert [x.kind for x in b] == ["network"]


def test_a_layer_larger_than_drawn_is_a_column_cut_by_an_ellipsis():
    from compiler.components.network import DRAWN, NetworkVisual
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import network

    assert NetworkVisual.model_validate({"kind": "network", "layers": [784, 16, 10]}).layers == [784, 16, 10]
    g = network.build(parse_theme("Dark background.")[0].to_json(), layers=[784, 3, 10], labels=["Input (784)", "Hidden", "Output (10)"])
    assert [len(c) for c in g.cols] == [DRAWN, 3, DRAWN]  # DRAWN - 1 nodes and the ellipsis; 3 nodes
    assert [len(e) for e in g.layer_edges] == [(DRAWN - 1) * 3, 3 * (DRAWN - 1)]  # edges join nodes, not the dots


# ----------------------------------------------------------------------------- 2. grids of rows by columns
def test_a_grid_of_ten_thousand_is_drawn_scaled_and_says_so():
    p = planned("Show a grid of 100 by 100 small squares representing 10,000 people, with the label \"10,000 people\" "
                "above it.")
    (b,) = p.scenes[0].beats  # the label is the grid's caption, not a text of its own
    assert b.kind == "grid"
    assert (b.params["count"], b.params["columns"], b.params["numbered"]) == (100, 10, False)
    assert b.params["caption"] == "10,000 people (each cell = 100)"
    assert any("100 × 100 grid" in m and "scaled" in m for m in losses(p))


def test_a_28_by_28_grid_of_pixels_is_not_seven_numbered_cells():
    p = planned("Show a 28 x 28 grid of pixels forming a handwritten 7, with bright pixels white and dark pixels black.\n"
                "Zoom into a 4 x 4 corner of the grid and show the brightness numbers inside the cells: 0.0, 0.0, 0.3.")
    grids = [b for b in p.scenes[0].beats if b.kind == "grid"]
    assert len(grids) == 1  # the 4 x 4 corner is a part of the grid on screen, not a second grid
    g = grids[0].params
    assert (g["count"], g["columns"], g["numbered"]) == (49, 7, False)  # 7 × 7 cells of 4 × 4 pixels
    assert g["caption"] == "784 pixels (each cell = 16)"
    assert any("28 × 28" in m for m in losses(p))


@pytest.mark.parametrize("details, count, columns", [
    ("Draw a grid with 3 rows and 4 columns.", 12, 4),
    ("Show a 5 x 5 grid of squares.", 25, 5),
    ("Show a 2 by 6 grid of seats.", 12, 6),
])
def test_a_small_grid_of_rows_by_columns_is_drawn_as_written(details, count, columns):
    p = planned(details)
    (b,) = p.scenes[0].beats
    assert b.kind == "grid" and (b.params["count"], b.params["columns"], b.params["numbered"]) == (count, columns, False)
    assert not losses(p)


@pytest.mark.parametrize("details, start", [
    ("Show cards numbered 1 to 12 arranged in a 3 x 4 grid.", 1),
    ("Show a 3 x 4 grid of numbered cards.", 1),
])
def test_a_numbered_grid_of_rows_by_columns_keeps_its_numbers(details, start):
    (b,) = beats(details)
    assert b.kind == "grid" and (b.params["count"], b.params["start"], b.params["columns"]) == (12, start, 4)
    assert b.params.get("numbered", True) is True and "12" in b.strings


def test_plain_cells_draw_no_numbers():
    from compiler.components.grid import GridVisual, drawn

    v = GridVisual.model_validate({"kind": "grid", "count": 49, "columns": 7, "numbered": False, "caption": "784 pixels"})
    assert drawn(v.model_dump()) == ["784 pixels"]
    assert drawn({"count": 3}) == ["1", "2", "3"]


# ----------------------------------------------------------------------------- 3. words in quotes draw no picture
@pytest.mark.parametrize("details, expected", [
    ('Show the title "How a Neural Network Reads Digits".', ["title"]),
    ('Show the title "Gradient Descent". Finally show the text "The same idea trains neural networks with millions of '
     'parameters".', ["title", "text"]),
    ('Show the title "Scatter plots and pipelines". Then write "The encoder-decoder pipeline" as a caption.',
     ["title", "text"]),
    ('Show the title "Charts". Show the text "A bar chart of 20 random points on a plot".', ["title", "text"]),
    ('Show the title "Vectors on a Coordinate Plane".', ["title"]),
    ('Show the title "A Circuit with a Battery and a Resistor".', ["title"]),
    ('Show the title "A Clock Icon".', ["title"]),
    ('Show the title "The Unit Circle".', ["title"]),
    ('Show the title "A Right Triangle with Legs 3 and 4".', ["title"]),
    ('Show the title "Summary". Then show the text "A right triangle with legs 3 and 4, explained".', ["title", "text"]),
])
def test_words_inside_quoted_text_draw_no_picture(details, expected):
    assert kinds(details) == expected


def test_quoted_boxes_naming_hidden_layers_are_a_flow_only():
    (b,) = beats('Show a simple flow diagram: "Image (784 pixels)" -> "Hidden layers (weighted sum + sigmoid)" -> '
                 '"Output (10 scores)" -> "Prediction: highest score".')
    assert b.kind == "flow" and len(b.params["nodes"]) == 4


@pytest.mark.parametrize("details", [
    'Show the equation F_net = m a at the top.\nBelow it list three points:\n- "Acceleration is proportional to net '
    'force"\n- "Acceleration is inversely proportional to mass"\n- "Only the net force counts"',
    'Show the heading "Key Takeaways".\nShow three bullet points appearing one at a time:\n- "The base rate matters"\n'
    '- "Most positives can be false"\n- "Bayes updates beliefs"',
])
def test_points_of_a_list_are_bullets_not_a_scatter(details):
    p = planned(details)
    ks = [b.kind for b in p.scenes[0].beats]
    assert "scatter" not in ks and ks.count("bullets") == 1 and "text" not in ks
    assert len(next(b for b in p.scenes[0].beats if b.kind == "bullets").params["items"]) == 3
    assert not p.scenes[0].unmatched


def test_points_of_a_plot_are_still_a_scatter():
    assert kinds("Show 20 random points in a scatter plot.") == ["scatter"]
    assert kinds("Plot three points.") == ["scatter"]


# ----------------------------------------------------------------------------- 4. labels of a formula's parts
def test_labels_of_the_parts_of_a_formula_are_arrows_on_it():
    b = beats("Write Bayes' theorem in the center: P(D | +) = P(+ | D) P(D) / P(+)\n"
              "Label each part with arrows: P(D) as \"prior\", P(+ | D) as \"likelihood\", P(+) as \"evidence\", "
              "P(D | +) as \"posterior\".")
    assert [x.kind for x in b] == ["equation", "annotation", "annotation", "annotation", "annotation"]
    assert [(x.params["target"], x.params["label"], x.params["style"]) for x in b[1:]] == [
        ("P(D)", "prior", "arrow"), ("P(+ | D)", "likelihood", "arrow"), ("P(+)", "evidence", "arrow"),
        ("P(D | +)", "posterior", "arrow")]


def test_symbol_labels_under_an_equation_point_at_each_symbol():
    b = beats("Write the equation F = m a in large font in the center.\n"
              "Under each symbol, add a label with an arrow: F \"net force (N)\", m \"mass (kg)\", a \"acceleration\".")
    assert [x.kind for x in b] == ["equation", "annotation", "annotation", "annotation"]
    assert b[0].params["exprs"] == ["F = m a"]  # the a of m a is the formula's, not an article
    assert [(x.params["target"], x.params["label"], x.params.get("side")) for x in b[1:]] == [
        ("F", "net force (N)", "down"), ("m", "mass (kg)", "down"), ("a", "acceleration", "down")]


def test_labels_written_before_their_symbols():
    b = beats('Show the equation `v = d / t`. Annotate it: "speed" for v, "distance" for d, "time" for t.')
    assert [(x.params["target"], x.params["label"]) for x in b if x.kind == "annotation"] == [
        ("v", "speed"), ("d", "distance"), ("t", "time")]


def test_a_label_for_a_symbol_the_formula_does_not_hold_is_reported():
    p = planned('Show the equation `E = mc^2`. Label E as "energy" and q as "charge".')
    assert [b.kind for b in p.scenes[0].beats] == ["equation", "annotation", "annotation"]
    assert any("'q' is not in the formula on screen" in m for m in losses(p))


def test_a_caption_for_the_whole_formula_is_no_annotation():
    assert kinds('Show the equation `E = mc^2` labelled "Einstein".') == ["equation", "text"]


def test_plain_cells_are_squares_without_text_and_an_arrow_to_a_finds_the_letter_on_its_own():
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import grid
    from compiler.runtime.components.annotation import _find_in

    g = grid.build(parse_theme("Dark background.")[0].to_json(), count=49, columns=7, numbered=False, caption="784 pixels")
    assert len(g.cells) == 49 and all(len(c) == 1 for c in g.cells)  # the square only: no number in it
    assert abs(g.cells[7].get_center()[0] - g.cells[0].get_center()[0]) < 1e-6  # 7 to a row
    assert _find_in("mass (kg)", "a") == -1 and _find_in("F = m a", "a") == 6 and _find_in("net force", "net") == 0


def test_one_label_without_an_arrow_stays_a_caption_and_a_line_label_is_no_formula_part():
    b = beats("Display the update rule: w_new = w_old - η × dL/dw. Label η as \"learning rate\".")
    assert [x.kind for x in b] == ["equation", "highlight"] and b[0].params["label"] == "η: learning rate"
    b = beats('Show the formula `y = w2 * h`. Draw a line from x to h labeled "w1 = 0.5" and a line from h to y labeled '
              '"w2 = 3".')
    assert "annotation" not in [x.kind for x in b]  # the labels of the lines, not of the formula's h and y


def test_a_brace_and_a_double_arrow_on_a_plot_sit_on_their_stretch_and_keep_off_the_curve():
    from manim import Brace, DoubleArrow

    from compiler.components.plot import PlotVisual
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import plot

    segs = [{"start": [0.628, 0], "end": [0.628, 0.1], "style": "arrow", "label": "A = 0.1 m"},
            {"start": [0, 0.1], "end": [0.628, 0.1], "style": "brace", "label": "T = 0.628 s"}]
    assert PlotVisual.model_validate({"kind": "plot", "segments": segs}).segments[1].style == "brace"
    g = plot.build(parse_theme("Dark background.")[0].to_json(), curves=[{"expr": "x(t) = 0.1 cos(10t)"}],
                   x_range=[0, 1.3], y_range=[-0.12, 0.12], segments=segs)
    arrow, brace = g.stages[0].segments
    assert isinstance(arrow[0], DoubleArrow) and isinstance(brace[0], Brace)
    lo, hi = g.axes.c2p(0.628, 0), g.axes.c2p(0.628, 0.1)
    assert abs(arrow[0].get_start()[1] - lo[1]) < 0.05 and abs(arrow[0].get_end()[1] - hi[1]) < 0.05
    left, right = g.axes.c2p(0, 0.1), g.axes.c2p(0.628, 0.1)
    assert abs(brace[0].get_left()[0] - left[0]) < 0.1 and abs(brace[0].get_right()[0] - right[0]) < 0.1
    # between two peaks the curve dips below: the brace and its label go above the peaks, clear of the curve
    assert brace[0].get_bottom()[1] >= left[1] - 0.01 and brace[1].get_bottom()[1] > brace[0].get_bottom()[1]
    assert g.parts["T = 0.628 s"] is brace


def test_formula_lines_in_columns_and_on_a_circuit_are_typeset():
    from compiler.mathtext import is_scripted_phrase
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import circuit, comparison

    theme = parse_theme("Dark background.")[0].to_json()
    g = comparison.build(theme, titles=["Horizontal", "Vertical"],
                         lines=[["a_x = 0", "x = v0 t"], ["a_y = g = 9.8 m/s^2", "v_y starts at 0"]])
    for s in ("a_x = 0", "x = v0 t", "a_y = g = 9.8 m/s^2", "v_y starts at 0"):  # maths, not "a_x" as typed
        assert getattr(g.parts[s], "math_ok", False), s
    assert is_scripted_phrase("v_y starts at 0") and not is_scripted_phrase("snake_case_name")
    c = circuit.build(theme, elements=[{"type": "battery", "value": "6 V"},
                                       {"type": "resistor", "label": "R1", "value": "3 Ω"}])
    assert any(getattr(t, "math_ok", False) and t.text == "R1 = 3 Ω" for t in c.labels.values())
