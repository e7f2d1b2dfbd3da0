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


# ----------------------------------------------------------------------------- 3. words in quotes draw no picture
@pytest.mark.parametrize("details, expected", [
    ('Show the title "How a Neural Network Reads Digits".', ["title"]),
    ('Show the title "Gradient Descent". Finally show the text "The same idea trains neural networks with millions of '
     'parameters".', ["title", "text"]),
    ('Show the title "Scatter plots and pipelines". Then write "The encoder-decoder pipeline" as a caption.',
     ["title", "text"]),
    ('Show the title "Charts". Show the text "A bar chart of 20 random points on a plot".', ["title", "text"]),
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
