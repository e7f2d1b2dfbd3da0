"""Sentences from storyboards the planner was not written against that it misread (round 9), and the
pictures they needed. One test per mechanism."""

from __future__ import annotations

from .test_unseen_round8 import only, planned  # (the same helpers: plan some details, find one beat)


# ----------------------------------------------------------------------------- arrows between two boxes
def test_two_arrows_each_from_one_box_to_the_other_are_a_round_trip_in_their_colours():
    (beats,), _ = planned('Put boxes "Browser" and "Cache" apart, a purple arrow from Browser to Cache labeled "lookup" '
                          'and a teal arrow from Cache back to Browser labeled "hit".')
    f = only(beats, "flow")
    assert f.params["nodes"] == ["Browser", "Cache"]
    assert f.params["both_ways"] is True
    assert f.params["edge_labels"] == ["lookup", "hit"]
    assert f.params["edge_colors"] == ["purple", "teal"]
    assert not [b for b in beats if b.kind == "text"]  # the labels are on the arrows, not a line of text


def test_the_arrow_written_first_may_be_the_way_back():
    (beats,), _ = planned('Boxes "Sensor" and "Hub": an arrow from Hub to Sensor labeled "poll" and an arrow from '
                          'Sensor to Hub labeled "reading".')
    f = only(beats, "flow")
    assert f.params["edge_labels"] == ["reading", "poll"]  # the forward arrow first, the way back second


def test_an_arrow_between_boxes_named_in_quotes_again_joins_them_with_its_label():
    (beats,), _ = planned('Draw boxes "Phone" and "Tower" side by side. An arrow from "Phone" to "Tower" labeled '
                          '"signal".')
    f = only(beats, "flow")
    assert f.params["edge_labels"] == ["signal"]  # not the box's own name
    assert f.params.get("arrows") is not False  # boxes shown apart are joined by the arrow named now
    assert not [b for b in beats if b.kind == "text"]  # the boxes' names are not repeated as a note


# ----------------------------------------------------------------------------- colours and spacing of quoted texts
def test_a_quoted_text_takes_the_colour_the_sentence_gives_it():
    (beats,), _ = planned('Try two values: "n = 9? divisible by 3, no" in orange, "n = 7? prime, yes" in green. '
                          'Then write a purple "done".')
    shown = {(b.params.get("text") or b.params["exprs"][0]): b.params.get("color") for b in beats
             if b.kind in ("text", "equation")}
    assert shown["n = 9? divisible by 3, no"] == "#FF862F"
    assert shown["n = 7? prime, yes"] == "#66BB6A"
    assert shown["done"] is not None


def test_the_colour_of_an_arrow_is_not_its_labels():
    (beats,), notes = planned('Draw a blue arrow labeled "push".')
    assert all(b.params.get("color") is None for b in beats if b.kind == "text")


def test_a_question_mark_inside_a_formula_keeps_a_space_after_it():
    from compiler.mathtext import to_tex
    assert r"? \quad \gcd" in to_tex("k = 4? gcd(4, 9) = 1").tex
    assert to_tex("x = ?").tex == "x = ?"


# ----------------------------------------------------------------------------- cells and tables
def test_a_row_of_cells_without_numbers_gets_none_invented():
    (beats,), _ = planned("Draw a row of 6 cells for the register.")
    g = only(beats, "grid")
    assert g.params["count"] == 6 and g.params.get("numbered") is False
    assert not any(s in g.strings for s in ("1", "2", "6"))


def test_numbered_cards_keep_their_numbers():
    (beats,), _ = planned("Show 12 numbered cards in a row.")
    g = only(beats, "grid")
    assert g.params.get("numbered") is not False and "12" in g.strings


def test_rows_of_cells_are_a_grid_of_that_shape():
    (beats,), _ = planned("Show four rows of 6 cells stacked vertically.")
    g = only(beats, "grid")
    assert (g.params["count"], g.params["columns"]) == (24, 6)


def test_a_table_whose_colon_line_names_the_columns_then_rows_of_quoted_cells():
    (beats,), notes = planned('Build a table with columns "Trial", "Heads", "Share":\n"1", "6", "0.6"\n'
                              '"2", "4", "0.4"\n"3", "5", "0.5"')
    t = only(beats, "table")
    assert t.params["columns"] == ["Trial", "Heads", "Share"]
    assert [[str(c) for c in r] for r in t.params["rows"]] == [["1", "6", "0.6"], ["2", "4", "0.4"], ["3", "5", "0.5"]]
    assert not [n for n in notes if "internal error" in n]


def test_lists_named_in_quotes_are_a_table_laid_out_as_the_sentence_says():
    (beats,), _ = planned('Make a table with two rows: "n" with 1, 2, 3, 4 and "2^n" with 2, 4, 8, 16.')
    t = only(beats, "table")
    assert t.params["columns"] == ["n", "1", "2", "3", "4"]
    assert t.params["rows"] == [["2^n", 2, 4, 8, 16]]
    (beats,), _ = planned('Make a table: "n" with 1, 2, 3 and "n squared" with 1, 4, 9.')
    t = only(beats, "table")
    assert t.params["columns"] == ["n", "n squared"] and t.params["rows"] == [[1, 1], [2, 4], [3, 9]]


def test_too_many_values_for_a_row_turn_the_table_on_its_side_instead_of_dropping_them():
    (beats,), notes = planned('Make a table with two rows: "k" with 1, 2, 3, 4, 5, 6, 7 and "k!" with 1, 2, 6, 24, 120, '
                              '720, 5040.')
    t = only(beats, "table")
    assert t.params["columns"] == ["k", "k!"] and len(t.params["rows"]) == 7
    assert not [n for n in notes if "left out" in n]


def test_cells_with_thousands_separators_are_no_named_list():
    (beats,), _ = planned('Draw a table with columns "", "Yes", "No" and rows:\n   "Group A" | "1,250" | "9,009"\n'
                          '   "Group B" | "880" | "4,120"')
    t = only(beats, "table")
    assert t.params["columns"] == ["", "Yes", "No"]


def test_an_empty_corner_header_and_rows_named_in_quotes():
    (beats,), _ = planned('A results table with columns "", "Mass", "Speed":\n   Row "Before": "2 kg", "3 m/s"\n'
                          '   Row "After": "2 kg", "1 m/s"')
    t = only(beats, "table")
    assert t.params["columns"] == ["", "Mass", "Speed"]
    assert t.params["rows"] == [["Before", "2 kg", "3 m/s"], ["After", "2 kg", "1 m/s"]]
    assert not [b for b in beats if b.kind in ("bullets", "text")]  # nothing read as a string between two quotes


# ----------------------------------------------------------------------------- axes and captions
def test_tick_labels_given_in_quotes_are_the_axes_numbers_not_a_list():
    (beats,), _ = planned('Draw axes with the horizontal axis t from 0 to 2π (tick labels "π/2", "π", "3π/2", "2π") and '
                          'the vertical axis from -2 to 2 (tick labels "2" and "-2").')
    p = only(beats, "plot")
    assert p.params["numbers"] is True and "3π/2" in p.strings
    assert not [b for b in beats if b.kind in ("bullets", "text")]


def test_a_caption_starting_with_a_greek_letter_keeps_it_lower_case():
    (beats,), _ = planned("φ = 1: sin 0, cos 1.")
    assert all("Φ" not in s for b in beats for s in b.strings)


# ----------------------------------------------------------------------------- rows of values
def test_a_row_of_cells_containing_the_numbers_is_that_array():
    (beats,), _ = planned("Draw a row of 6 square cells in the middle containing the numbers 9, 4, 7, 1, 3, 8.")
    s = only(beats, "sequence")
    assert s.params["tokens"] == ["9", "4", "7", "1", "3", "8"]
    assert not [b for b in beats if b.kind in ("grid", "drawing")]  # no numbered grid 1..6, no bare rectangle


def test_indexes_listed_under_the_cells_are_the_rows_indexes():
    (beats,), _ = planned("Draw a row of 5 cells containing 9, 4, 7, 1, 3. Under each cell write its index in grey: "
                          "0, 1, 2, 3, 4.")
    s = only(beats, "sequence")
    assert s.params["indices"] == 0
    assert not [b for b in beats if b.kind in ("grid", "text")]
    (beats,), _ = planned("Draw a row of 3 cells containing 9, 4, 7. Under each cell write its index: 1, 2, 3.")
    assert only(beats, "sequence").params["indices"] == 1


# ----------------------------------------------------------------------------- written arithmetic
def test_numbers_written_one_under_the_other_with_their_operator_are_a_calculation():
    (beats,), notes = planned("Show the long addition, aligned:\n    4096   (first)\n  + 1024   (second)\n  = 5120")
    s = only(beats, "steps")
    assert s.params["lines"] == ["4096 (first)", "+ 1024 (second)", "= 5120"]
    assert not [n for n in notes if "SB301" in n]


def test_digits_set_apart_are_not_multiplied():
    from compiler.mathtext import to_tex
    assert r"\cdot" not in to_tex("= 1 00000000").tex
    assert r"\times" in to_tex("3 x 4").tex  # a product the text writes stays one


def test_a_bit_pattern_is_a_row_of_bit_cells():
    (beats,), _ = planned("Show the byte 10010110.")
    assert only(beats, "sequence").params["tokens"] == ["1", "0", "0", "1", "0", "1", "1", "0"]
    (beats,), _ = planned("Show the register holding 0110 1001.")  # written in groups of four
    assert only(beats, "sequence").params["tokens"] == ["0", "1", "1", "0", "1", "0", "0", "1"]
    (beats,), _ = planned("Show a row of 1000 dots.")
    assert not [b for b in beats if b.kind == "sequence"]  # a number, not bits


def test_a_line_moving_from_one_formula_to_another_ends_as_the_second():
    (beats,), notes = planned("Draw axes and the line y = 2x - 1. Animate the line sliding from y = 2x - 1 to y = 0.5x + 3.")
    moved = [b for b in beats if b.kind == "plot" and b.params.get("replace")]
    assert len(moved) == 1 and [c["expr"] for c in moved[0].params["curves"]] == ["y = 0.5x + 3"]


def test_a_quarter_circle_on_axes_is_its_arc():
    (beats,), _ = planned("Draw axes from 0 to 2 on both x and y. Draw a quarter circle of radius 2 centered at the origin, "
                          "from (2,0) to (0,2).")
    arcs = [c for b in beats if b.kind == "plot" for c in b.params.get("curves", [])]
    assert [c["expr"] for c in arcs] == ["sqrt(2^2 - x^2)"]
    assert not [b for b in beats if b.kind == "plot" and b.params.get("points")]  # its ends are no marked points


def test_points_added_to_axes_carry_their_range_in_case_the_axes_are_drawn_again():
    (beats,), _ = planned("Draw axes from 0 to 1 on both x and y. Mark the points (0, 0), (1, 0), (1, 1) and (0, 1).")
    marked = [b for b in beats if b.kind == "plot" and b.params.get("points")]
    assert marked and marked[0].params["x_range"] == [0, 1] and marked[0].params["y_range"] == [0, 1]
