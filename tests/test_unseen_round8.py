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
