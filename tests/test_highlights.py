"""Highlights that obey: the colour asked for, on the element named — "the last row", "the third card",
"the second token", "the term 0/0" — by position, so a label that repeats is still the one asked for."""

from __future__ import annotations

import json

import pytest

from compiler.load import load_bytes
from compiler.plan import plan_storyboard
from compiler.validate import validate_loaded


def plan(details: str):
    scene = {"scene_plot": "x", "animation_details": details, "animation_style": "Dark background.",
             "audio_text": "We look at it. Then at one part of it."}
    v = validate_loaded(load_bytes(json.dumps({"scenes": [scene]}).encode(), "t.json"))
    p = plan_storyboard(v.storyboard)
    return p.scenes[0].beats, p.diagnostics


def highlight(details: str) -> dict:
    beats, _ = plan(details)
    return next(b.params for b in beats if b.kind == "highlight")


TABLE = "Show a table with columns 'Year', 'Balance' and rows '1 | $1100', '2 | $1210', '3 | $1331'. "


@pytest.mark.parametrize("details, want", [
    (TABLE + "Highlight the last row in yellow.", {"target": "3", "row": 3, "color": "yellow"}),
    (TABLE + "Circle the second row in blue.", {"target": "2", "row": 2, "color": "blue"}),
    (TABLE + "Highlight the first column.", {"target": "Year", "column": 1}),
    ("Show three cards: 'Ace', 'King', 'Queen'. Highlight the third card in red.",
     {"target": "Queen", "item": 3, "color": "red"}),
    ("Show the tokens 'The', 'cat', 'sat', 'on', 'the', 'mat' in a row. Highlight the fifth token in purple.",
     {"target": "the", "item": 5, "color": "purple"}),
    ("Write the derivation: `2x + 3 = 7`, `2x = 4`, `x = 2`. Box the last line in green.",
     {"target": "x = 2", "item": 3, "color": "green", "mode": "box"}),
    ("Write the derivation: `2x + 3 = 7`, `2x = 4`, `x = 2`. Highlight line 2.", {"target": "2x = 4", "item": 2}),
    (TABLE + "Highlight row 2 in red.", {"target": "2", "row": 2, "color": "red"}),
    ("Show the expression `(x^2 - 4)/(x - 2)` and below it `0/0`. Highlight the term 0/0 in red.",
     {"target": "0/0", "color": "red"}),
])
def test_the_part_named_in_the_colour_asked(details, want):
    got = highlight(details)
    assert {k: got.get(k) for k in want} == want, got


def test_a_table_written_out_row_by_row_keeps_its_cells():
    beats, _ = plan(TABLE)
    assert beats[0].params == {"columns": ["Year", "Balance"], "rows": [[1, "$1100"], [2, "$1210"], [3, "$1331"]]}


def test_a_part_the_component_does_not_have_is_reported():
    beats, notes = plan("Show three cards: 'Ace', 'King', 'Queen'. Highlight the fifth card.")
    assert [n.code for n in notes] == ["SB307"]
    assert "there is no fifth card: 3 cards are on screen, so nothing is highlighted" in notes[0].message


CHART = "Show a bar chart of next-word probabilities: 'cat' 0.6, 'dog' 0.3, 'car' 0.1. "


@pytest.mark.parametrize("sentence, want", [
    ("Highlight the most likely word.", {"target": "cat", "item": 1}),
    ("Highlight the most probable next token in gold.", {"target": "cat", "item": 1, "color": "gold"}),
    ("Highlight the tallest bar.", {"target": "cat", "item": 1}),
    ("Circle the bar with the highest probability.", {"target": "cat", "item": 1}),
    ("Box the least likely word.", {"target": "car", "item": 3, "mode": "box"}),
    ("Highlight the smallest one.", {"target": "car", "item": 3}),
    ("Highlight the lowest-probability word.", {"target": "car", "item": 3}),
    ("Highlight the tallest bar 'cat'.", {"target": "cat", "item": 1}),
])
def test_the_bar_named_by_its_value(sentence, want):
    beats, notes = plan(CHART + sentence)
    assert [b.kind for b in beats] == ["bar_chart", "highlight"], [(b.kind, b.rule) for b in beats]  # 'cat' not drawn again
    got = beats[1].params
    assert {k: got.get(k) for k in want} == want, got
    assert notes == ()


def test_a_bar_named_by_a_value_it_does_not_have_is_highlighted_and_reported():
    beats, notes = plan(CHART + "Highlight the tallest bar 'dog'.")
    assert beats[1].params == {"target": "dog"}
    assert [n.code for n in notes] == ["SB307"] and "'dog' does not have the largest value ('cat' has)" in notes[0].message


# ----------------------------------------------------------------------------- "… and highlight …" in the sentence that draws
@pytest.mark.parametrize("details, kind, want", [
    ("Show a matrix A = [[1, 2], [3, 4]] and highlight the first row.", "matrix", {"target": "1", "row": 1}),
    ("Display the matrix [[1, 2, 3], [4, 5, 6]], then box the second column.", "matrix",
     {"target": "2", "column": 2, "mode": "box"}),
    ("Show A = [[1, 2], [3, 4]] and circle the last row in red.", "matrix", {"target": "3", "row": 2, "color": "red"}),
    ("Write the matrix B = [[2, 0], [1, 3]]; highlight its first column.", "matrix", {"target": "2", "column": 1}),
    ("Show the tokens 'The', 'cat', 'sat' in a row and highlight the second token.", "sequence",
     {"target": "cat", "item": 2}),
    ("Show three cards 'Ace', 'King', 'Queen' and circle the third card.", "cards", {"target": "Queen", "item": 3}),
    ("Write the derivation: `2x + 3 = 7`, `2x = 4`, `x = 2`, and box the last line.", "steps",
     {"target": "x = 2", "item": 3, "mode": "box"}),
    ("Show a bar chart of next-word probabilities: 'cat' 0.6, 'dog' 0.3, 'car' 0.1, and highlight the least likely one.",
     "bar_chart", {"target": "car", "item": 3}),
    ("Show a bar chart of next-word probabilities: 'cat' 0.6, 'dog' 0.3, 'car' 0.1, then circle 'dog' in red.",
     "bar_chart", {"target": "dog", "color": "red"}),
    ("Show the equation `E = mc^2` and highlight `mc^2` in yellow.", "equation", {"part": "mc^2", "color": "yellow"}),
])
def test_a_clause_that_acts_on_what_its_sentence_draws(details, kind, want):
    beats, notes = plan(details)
    assert [b.kind for b in beats] == [kind, "highlight"], [(b.kind, b.rule) for b in beats]  # nothing drawn twice
    got = beats[1].params
    assert {k: got.get(k) for k in want} == want, got
    assert notes == () and beats[1].source == beats[0].source  # the clause's beat belongs to the sentence


def test_the_chart_drawn_with_its_largest_bar_highlighted_in_one_sentence():
    beats, notes = plan("Show a bar chart of next-word probabilities: \"cat\" 0.6, \"dog\" 0.3, \"car\" 0.1, and "
                        "highlight the most likely one.")
    assert [b.kind for b in beats] == ["bar_chart"] and notes == ()  # not a list of the three words
    p = beats[0].params
    assert (p["labels"], p["values"], p["highlight_max"]) == (["cat", "dog", "car"], [0.6, 0.3, 0.1], True)


def test_several_clauses_each_act_in_turn_and_a_part_not_there_is_reported():
    beats, _ = plan("Show the matrix A = [[1, 2], [3, 4]], highlight the first row and then box the second column.")
    assert [(b.kind, b.params.get("row"), b.params.get("column")) for b in beats] == [
        ("matrix", None, None), ("highlight", 1, None), ("highlight", None, 2)]
    beats, notes = plan("Show the matrix A = [[1, 2], [3, 4]] and highlight the third row.")
    assert [b.kind for b in beats] == ["matrix"]
    assert [n.code for n in notes] == ["SB307"] and "there is no third row" in notes[0].message


def test_a_clause_the_drawing_rule_reads_itself_stays_with_it():
    beats, _ = plan("Draw a table with columns 'Model', 'Params', 'Year' and rows: GPT-2 | 1.5B | 2019, "
                    "GPT-3 | 175B | 2020, and highlight the 'GPT-3' row.")
    assert [b.kind for b in beats] == ["table"] and beats[0].params["highlight_row"] == 1
    beats, _ = plan("Show cards with numbers 1 to 30 arranged in a grid and highlight the multiples of 5.")
    assert [b.kind for b in beats] == ["grid"] and beats[0].params["highlight"] == ["5", "10", "15", "20", "25", "30"]


def test_labels_of_arrows_are_not_boxes_of_a_diagram_and_the_missing_arrows_are_reported():
    """"a double arrow between the circles on the right labeled "shorter λ" and … labeled "longer λ"": two arrow
    labels, not a flow of two boxes; the arrows themselves are not drawn, and SB307 says so."""
    beats, notes = plan('Show a short double arrow between circles on the right labeled "shorter λ" and a longer '
                        'double arrow on the left labeled "longer λ".')
    assert "flow" not in [b.kind for b in beats]
    assert any(n.code == "SB307" and "the arrow it belongs to is not" in n.message for n in notes)


@pytest.mark.parametrize("details, want", [
    ("Place a dot labeled 'source' at the center. Emit expanding circles from it one after another, so that "
     "there are 5 concentric circles with equal spacing.", {"speed": 0, "fronts": 5}),
    ("Show the wavefronts of a moving siren bunched ahead of it.", {}),
])
def test_wavefronts_of_a_standing_source_are_concentric(details, want):
    beats, _ = plan(details)
    wave = next(b for b in beats if b.kind == "wave")
    assert {k: wave.params["doppler"].get(k) for k in want} == want
    if not want:
        assert wave.params["doppler"].get("speed", 0.5) > 0


def test_a_move_takes_what_it_names_to_where_it_ends_or_says_it_is_not_there():
    beats, _ = plan('Place a small rectangle labeled "ambulance" on the left and a stick figure labeled "listener" in the '
                    'middle. Move the ambulance from left to right past the listener.')
    move = next(b for b in beats if b.kind == "move")
    assert (move.params["target"], move.params["to"]) == ("ambulance", "right")
    beats, notes = plan('Show the title "Sound". Move the ambulance from left to right.')
    assert "move" not in [b.kind for b in beats]
    assert any(n.code == "SB307" and "'ambulance'" in n.message for n in notes)


def test_a_chain_written_link_by_link_has_each_box_once():
    beats, _ = plan("From bucket 1, draw an arrow to a node '15', then an arrow from '15' to a new node '22'.")
    (flow,) = [b for b in beats if b.kind == "flow"]
    assert flow.params["nodes"] == ["15", "22"]


def test_a_numbered_list_of_named_things_with_formulas_is_a_list_not_a_derivation():
    beats, notes = plan('Show a compact three-row summary:\n"1. SYN (seq = x)"\n"2. SYN-ACK (seq = y, ack = x + 1)"\n'
                        '"3. ACK (ack = y + 1)"')
    assert [b.kind for b in beats] == ["bullets"] and not [n for n in notes if n.code == "SB302"]


def test_a_caption_of_labels_keeps_the_case_of_symbols():
    beats, _ = plan("Label the connections with weights w1 = 2, w2 = -1 and w3 = 0.5.")
    (text,) = [b for b in beats if b.kind == "text"]
    assert "w2 = -1" in text.params["text"] and "W2" not in text.params["text"]
