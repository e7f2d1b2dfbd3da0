"""A row of boxes (an array) and what is done to its cells by number: the row is one sequence, never also a grid of
its count; cells greyed out, coloured or highlighted by index or range; pointers (labelled arrows) under or above a
cell, moved to another; a brace over the cells that remain. How numbers are read: after "index" from 0, after
"position" from 1, after a cell noun ("square 5") as the row on screen is numbered."""

from __future__ import annotations

import json

import pytest

from compiler import dryrun
from compiler.load import load_bytes
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.validate import validate_loaded

ROW = "Draw a row of 10 squares, each containing a number of the sorted array: 2, 5, 8, 12, 16, 23, 38, 56, 72, 91."
INDEXED = ROW + " Under each square write its index 0 to 9 in small grey text."
SHORT = "Show a sorted array [3, 8, 15, 21, 34] as boxes in a row."


def plan(*scenes: str):
    board = {"scenes": [{"scene_plot": "x", "animation_details": d, "animation_style": "Dark background.",
                         "audio_text": "We look at it. Then at one part of it. Then at another."} for d in scenes]}
    v = validate_loaded(load_bytes(json.dumps(board).encode(), "t.json"))
    p = plan_storyboard(v.storyboard)
    return p.scenes, p.diagnostics


def beats(details: str, *, scene: int = 0, before: tuple[str, ...] = ()):
    scenes, notes = plan(*before, details)
    return scenes[len(before)].beats, notes


def ops(details: str, **kw) -> list[tuple[str, dict]]:
    """The operations a scene's sentences after the first made: (kind, params), the row itself left out."""
    bs, _ = beats(details, **kw)
    return [(b.kind, b.params) for b in bs if b.detail_index > 0 and b.kind in ("highlight", "annotation")]


def only(params: dict, *keys: str) -> dict:
    return {k: params.get(k) for k in keys}


# ----------------------------------------------------------------------------- the row itself
def test_a_row_of_counted_squares_with_its_items_is_one_sequence_and_no_numbered_grid():
    bs, notes = beats(ROW)
    assert [b.kind for b in bs] == ["sequence"]
    assert bs[0].params["tokens"] == ["2", "5", "8", "12", "16", "23", "38", "56", "72", "91"]
    assert notes == ()


@pytest.mark.parametrize("details, kind", [
    ("Show a row of 4 boxes holding the values: 7, 3, 9, 1.", "sequence"),
    ("Display an array of 6 squares with the numbers: 4, 8, 15, 16, 23, 42.", "sequence"),
    ("Draw 5 cells containing the numbers: 1, 4, 9, 16, 25.", "grid"),  # cells with their labels: one component
])
def test_other_rows_with_their_items_are_one_component_of_those_items(details, kind):
    bs = beats(details)[0]
    assert [b.kind for b in bs] == [kind]
    assert not bs[0].params.get("count")  # no cells numbered 1 to N


def test_a_count_the_items_contradict_is_said():
    bs, notes = beats("Draw a row of 6 squares containing the numbers: 4, 8, 15.")
    assert [b.kind for b in bs] == ["sequence"]
    assert [n.code for n in notes] == ["SB307"] and "6 squares are asked for but 3 values are given" in notes[0].message


def test_the_index_under_each_cell_is_the_rows_not_a_new_grid():
    bs, _ = beats(INDEXED)
    assert [b.kind for b in bs] == ["sequence"]
    assert bs[0].params["indices"] == 0
    assert "9" in bs[0].strings  # the indexes are drawn
    bs, _ = beats(SHORT + " Show the array with its indices.")
    assert [b.kind for b in bs] == ["sequence"] and bs[0].params["indices"] == 0


def test_the_same_array_in_a_later_scene_is_recalled_with_its_indexes_and_no_grid_of_its_count():
    scenes, _ = plan(INDEXED, "Keep the same array of 10 squares.", "Show the array again with indices.")
    for sp in scenes[1:]:
        assert [b.kind for b in sp.beats] == ["sequence"], [b.rule for b in sp.beats]
        assert sp.beats[0].params["indices"] == 0


# ----------------------------------------------------------------------------- cells by number
@pytest.mark.parametrize("sentence, want", [
    ("Grey out squares 0 to 4.", {"mode": "dim", "items": [1, 5]}),
    ("Then dim the left half (indices 0 to 4) to grey to show that half of the array is discarded.",
     {"mode": "dim", "items": [1, 5]}),
    ("Grey out squares 7 to 9.", {"mode": "dim", "items": [8, 10]}),
    ("Fade out indices 2-4.", {"mode": "dim", "items": [3, 5]}),
    ("Gray out the right half.", {"mode": "dim", "items": [6, 10]}),
    ("Color square 5 green.", {"mode": "fill", "item": 6, "color": "green"}),
    ("Fill cells 3 through 6 with yellow.", {"mode": "fill", "items": [4, 7], "color": "yellow"}),
    ("Highlight the middle square (index 4, value 16) in yellow.", {"item": 5, "color": "yellow"}),
    ("Highlight the element at index 2.", {"item": 3}),
    ("Highlight the square containing 23.", {"item": 6}),
    ("Then highlight the middle of the right half, 72.", {"item": 8}),
    ("Box position 3.", {"item": 3, "mode": "box"}),
])
def test_cells_named_by_number_are_marked_on_the_row_on_screen(sentence, want):
    found = ops(INDEXED + " " + sentence)
    assert [k for k, _ in found] == ["highlight"], found
    assert only(found[0][1], *want) == want, found[0][1]
    assert found[0][1]["target"] in ["2", "5", "8", "12", "16", "23", "38", "56", "72", "91"]  # the row, found by a cell


def test_a_cell_noun_counts_from_1_in_a_scene_that_does_not_speak_of_indexes():
    found = ops(SHORT + " Highlight cells 2 through 4 in green. Grey out box 5.")
    assert [only(p, "items", "item", "mode") for _, p in found] == [
        {"items": [2, 4], "item": None, "mode": None}, {"items": None, "item": 5, "mode": "dim"}]


def test_a_cell_the_row_does_not_have_is_reported_and_nothing_is_drawn_for_it():
    bs, notes = beats(INDEXED + " Highlight the element at index 12.")
    assert [b.kind for b in bs] == ["sequence"]
    assert [n.code for n in notes] == ["SB307"]
    assert "there is no index 12: the row on screen has 10 cells, numbered 0 to 9" in notes[0].message


def test_an_index_and_a_value_that_name_different_cells_are_reported():
    _, notes = beats(INDEXED + " Highlight the middle square (index 4, value 23).")
    assert [n.code for n in notes] == ["SB307"] and "do not agree" in notes[0].message


def test_a_brace_under_the_cells_that_remain():
    found = ops(INDEXED + " Grey out squares 0 to 4. Show a brace under the remaining 5 squares with the label "
                          "'only 5 left'.")
    assert [k for k, _ in found] == ["highlight", "annotation"]
    assert only(found[1][1], "style", "items", "side", "label") == {"style": "brace", "items": [6, 10], "side": "down",
                                                                    "label": "only 5 left"}
    found = ops(SHORT + " Draw a brace over cells 2 through 4 labelled 'window'.")
    assert only(found[0][1], "style", "items", "side", "label") == {"style": "brace", "items": [2, 4], "side": "up",
                                                                    "label": "window"}


# ----------------------------------------------------------------------------- pointers
POINTERS = (INDEXED + " Place a blue arrow labeled 'low' under index 0 and a red arrow labeled 'high' under index 9."
            " Place a yellow arrow labeled 'mid' above index 4.")


def test_labelled_arrows_under_and_above_an_index_are_pointers_at_those_cells():
    bs, notes = beats(POINTERS)
    arrows = [b.params for b in bs if b.kind == "annotation"]
    assert [only(p, "style", "label", "items", "side", "color") for p in arrows] == [
        {"style": "arrow", "label": "low", "items": [1, 1], "side": "down", "color": "blue"},
        {"style": "arrow", "label": "high", "items": [10, 10], "side": "down", "color": "red"},
        {"style": "arrow", "label": "mid", "items": [5, 5], "side": "up", "color": "yellow"}]
    assert [b.kind for b in bs].count("text") == 0 and notes == ()


@pytest.mark.parametrize("sentence, want", [
    ("Draw an arrow labelled 'i' pointing at position 3.", {"label": "i", "items": [3, 3], "side": "down"}),
    ("Show pointers 'low' at index 0 and 'high' at index 4.", {"label": "high", "items": [5, 5]}),
    ("Put a green pointer 'j' above the element at index 2.", {"label": "j", "items": [3, 3], "side": "up",
                                                                "color": "green"}),
])
def test_pointer_phrasings(sentence, want):
    found = ops(SHORT + " " + sentence)
    assert found and all(k == "annotation" for k, _ in found), found
    assert only(found[-1][1], *want) == want, found[-1][1]


def test_a_pointer_on_a_row_drawn_by_the_same_sentence():
    bs, _ = beats("Show the array [3, 8, 15, 21, 34] with a pointer 'i' at index 0.")
    assert [b.kind for b in bs] == ["sequence", "annotation"]
    assert only(bs[1].params, "label", "items") == {"label": "i", "items": [1, 1]}


def test_moving_a_pointer_moves_it_and_its_text_is_typeset_not_a_flow():
    bs, _ = beats(POINTERS + " Move the 'low' arrow to index 5 and update the text to 'low = mid + 1 = 5'.")
    last = [b for b in bs if b.detail_index == bs[-1].detail_index]
    assert [b.kind for b in last] == ["annotation", "equation"]  # arithmetic on names: typeset
    assert only(last[0].params, "label", "items", "replaces", "color", "side") == {
        "label": "low", "items": [6, 6], "replaces": "low", "color": "blue", "side": "down"}
    assert last[1].params["exprs"] == ["low = mid + 1 = 5"]
    assert "flow" not in [b.kind for b in bs]
    bs, _ = beats(POINTERS + " Grey out squares 7 to 9 and move the high arrow to index 6 with the text "
                             "'high = mid - 1 = 6'.")
    last = [b for b in bs if b.detail_index == bs[-1].detail_index]
    assert [(b.kind, b.params.get("replaces"), b.params.get("items")) for b in last] == [
        ("highlight", None, [8, 10]), ("annotation", "high", [7, 7]), ("equation", None, None)]


def test_a_pointer_named_by_its_label_alone_in_a_step_is_placed_and_no_flow_of_the_steps_texts():
    bs, _ = beats(POINTERS + " Step 2: show 'mid = (5 + 9) // 2 = 7', mid arrow above index 7, comparison "
                             "'arr[7] = 56 > 23'.")
    last = [b for b in bs if b.detail_index == bs[-1].detail_index]
    assert "flow" not in [b.kind for b in last]
    moved = next(b.params for b in last if b.kind == "annotation")
    assert only(moved, "label", "items", "replaces", "side", "color") == {
        "label": "mid", "items": [8, 8], "replaces": "mid", "side": "up", "color": "yellow"}


def test_the_previous_state_in_a_new_scene_brings_back_the_row_its_grey_cells_and_pointers_in_their_colours():
    scenes, _ = plan(POINTERS, "Start from the previous state: squares 0 to 4 grey, low at 5, high at 9.")
    bs = scenes[1].beats
    assert [b.kind for b in bs] == ["sequence", "highlight", "annotation", "annotation"]
    assert only(bs[1].params, "mode", "items") == {"mode": "dim", "items": [1, 5]}
    assert [only(b.params, "label", "items", "color", "replaces") for b in bs[2:]] == [
        {"label": "low", "items": [6, 6], "color": "blue", "replaces": None},
        {"label": "high", "items": [10, 10], "color": "red", "replaces": None}]


def test_pointers_moved_without_saying_where_are_reported():
    _, notes = beats(POINTERS + " As each row appears, move the pointers on the array accordingly.")
    assert [n.code for n in notes] == ["SB307"] and "no pointer is moved" in notes[0].message


def test_a_comparison_of_two_values_is_a_statement_not_columns():
    bs, _ = beats(INDEXED + " Show the comparison 'arr[4] = 16 < 23'.")
    assert [b.kind for b in bs][1:] in (["text"], ["equation"])


# ----------------------------------------------------------------------------- drawn
class CellInspector(dryrun.Inspector):
    """Records, at the end of every beat, the row's cells (centre, fill colour) and the visible texts."""

    def beat_boundary(self, scene) -> None:
        if self.beat > 0:
            row = next((m for m in scene.body if hasattr(m, "pills")), None)
            cells = [(p.get_center().copy(), p.get_bottom()[1], p.get_top()[1], p.shape.get_fill_color().to_hex())
                     for p in row.pills] if row is not None else []
            texts = [(getattr(m, "original_text", None) or m.text, m.get_center().copy()) for m in dryrun.text_units(scene)
                     if hasattr(m, "text")]
            self.states = getattr(self, "states", []) + [(cells, texts)]
        super().beat_boundary(scene)


def test_the_row_and_its_operations_draw_where_they_are_asked(monkeypatch):
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    details = (INDEXED + " Place a blue arrow labeled 'low' under index 0 and a red arrow labeled 'high' under index 9."
               " Place a yellow arrow labeled 'mid' above index 4. Grey out squares 0 to 4. Move the 'low' arrow to "
               "index 5. Color square 5 green. Show a brace under the remaining 5 squares with the label 'only 5 left'.")
    sb = Storyboard.model_validate({"scenes": [{"scene_plot": "x", "animation_details": details,
                                                "animation_style": "Dark background.",
                                                "audio_text": "One. Two. Three. Four. Five. Six. Seven."}]})
    monkeypatch.setattr(dryrun, "Inspector", CellInspector)
    ts = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes[0]
    assert [b.beat.kind for b in ts.beats] == ["sequence", "annotation", "annotation", "annotation", "highlight",
                                               "annotation", "highlight", "annotation"]
    gen = generate_scene(ts)
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert ins.violations == []
    (cells0, texts0), *_, (cells, texts) = ins.states
    middle, bottom = cells0[0][0][1], cells0[0][1]
    assert [t for t, c in texts0 if abs(c[1] - middle) < 0.1] == ["2", "5", "8", "12", "16", "23", "38", "56", "72", "91"]
    assert [t for t, c in texts0 if c[1] < bottom] == [str(k) for k in range(10)]  # the indexes, under the cells
    where = {t: c for t, c in texts}
    x = [c[0][0] for c in cells]
    assert [t for t, _ in texts].count("low") == 1  # moved, not drawn twice
    assert abs(where["low"][0] - x[5]) < 0.05 and where["low"][1] < cells[5][1]     # under index 5
    assert abs(where["high"][0] - x[9]) < 0.05 and where["high"][1] < cells[9][1]   # under index 9
    assert abs(where["mid"][0] - x[4]) < 0.05 and where["mid"][1] > cells[4][2]     # above index 4
    assert where["only 5 left"][1] < cells[5][1] and x[5] - 0.5 < where["only 5 left"][0] < x[9] + 0.5
    grey, green, plain = cells[0][3], cells[5][3], cells[6][3]
    assert all(c[3] == grey for c in cells[:5]) and len({grey, green, plain}) == 3
    assert green.upper() == "#83C167" or int(green[3:5], 16) > int(green[1:3], 16)  # green is green


def test_the_new_fields_validate_with_positioned_errors():
    from .test_vocabulary2 import diagnostics

    ok = [{"kind": "sequence", "tokens": ["2", "5", "8"], "indices": 0},
          {"kind": "highlight", "target": "5", "items": [1, 2], "mode": "dim"},
          {"kind": "highlight", "target": "5", "item": 3, "mode": "fill", "color": "green"},
          {"kind": "annotation", "target": "5", "label": "low", "items": [1, 1], "side": "down"},
          {"kind": "annotation", "target": "5", "label": "low", "items": [3, 3], "side": "down", "replaces": "low"}]
    assert diagnostics(ok) == []
    for visual, message in [({"kind": "highlight", "items": [4, 2]}, "`items` is [first, last], not [4, 2]"),
                            ({"kind": "highlight", "item": 1, "items": [1, 2]}, "give `item` (one) or `items`"),
                            ({"kind": "sequence", "tokens": ["a"], "indices": 2}, "indices")]:
        found = diagnostics([visual])
        assert found and found[0][0] == "SB203" and message in found[0][2], found
