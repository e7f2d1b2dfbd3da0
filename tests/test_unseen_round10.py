"""Sentences from storyboards the planner was not written against that it misread (round 10), and the
pictures they needed. One test per mechanism."""

from __future__ import annotations

from .test_unseen_round8 import only, planned  # (the same helpers: plan some details, find one beat)


# ----------------------------------------------------------------------------- notes beside a derivation's lines
def test_a_line_with_a_check_mark_ends_in_the_mark_not_in_the_words():
    (beats,), notes = planned("On the right build the check line by line: 'x + 2 = 5', then 'x = 3', then '3 + 2 = 5' "
                              "with a check mark.")
    st = only(beats, "steps")
    assert st.params["lines"][-1] == "3 + 2 = 5 ✓"
    assert not st.params.get("notes") and not any("check mark" in s for s in st.strings)


def test_a_note_that_describes_the_picture_is_not_written_beside_its_line_and_is_reported():
    (beats,), notes = planned("Show the derivation line by line, each with a note beside it: F = m a (Newton), "
                              "a = F / m (the force arrow grows and the block moves faster), a = 10 / 2 = 5 (divide).")
    st = only(beats, "steps")
    assert st.params["notes"] == ["Newton", "", "divide"]
    assert not any("arrow" in s for b in beats for s in b.strings)
    assert sum("describes the picture" in n for n in notes) == 1, notes


def test_a_note_that_says_what_was_done_stays_beside_its_line():
    (beats,), _ = planned("Solve it line by line, each with a note beside it: 3x + 6 = 12 (given), 3x = 6 (subtract 6 "
                          "from both sides), x = 2 (divide both sides by 3).")
    st = only(beats, "steps")
    assert st.params["notes"] == ["given", "subtract 6 from both sides", "divide both sides by 3"]


def test_a_check_mark_asked_after_a_derivation_is_the_lines_not_an_icon_of_its_own():
    (beats,), _ = planned("Derive it line by line: 'F = m a', then 'a = F / m', then 'a = 10 / 2 = 5' with a check mark.")
    assert [b.kind for b in beats] == ["steps"]
    assert beats[0].params["lines"] == ["F = m a", "a = F / m", "a = 10 / 2 = 5 ✓"]


# ----------------------------------------------------------------------------- a vector knocked off its span
def test_a_span_line_stays_while_the_matrix_moves_the_vector_off_it():
    (beats,), notes = planned("Show a NumberPlane. Draw the vector v = (1, 1) and a dashed line through the origin "
                              "along the direction (1, 1) labeled \"span of v\". Show the matrix A = [[3, 1], [0, 2]] "
                              "and apply it to the plane. Keep the dashed line fixed in its original position.")
    segs = [sg for b in beats if b.kind == "vector_plane" for sg in b.params.get("segments") or []]
    assert segs and all(sg.get("fixed") for sg in segs)
    assert not any("Keep the dashed line" in n for n in notes), notes  # understood, not reported


def test_a_fixed_segment_does_not_move_with_the_grid():
    from manim.animation.animation import prepare_animation

    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import vector_plane

    class Stage:  # plays each animation to its end at once
        def play(self, *anims, run_time=1.0):
            for a in anims:
                a = prepare_animation(a)
                a.begin()
                a.finish()

    g = vector_plane.build(parse_theme("Dark background.")[0].to_json(), vectors=[{"x": 1, "y": 1, "label": "v"}],
                           matrices=[{"values": [[3, 1], [0, 2]]}],
                           segments=[{"start": [-3, -3], "end": [3, 3], "label": "span of v", "fixed": True},
                                     {"start": [0, 0], "end": [1, 0]}])
    span, other = (mob for _, _, mob in g.marks)
    before = [m.get_center().copy() for m in (span[0], other[0])], other[0].width
    vector_plane.apply(Stage(), g, 0, 0.5)
    assert (span[0].get_center() == before[0][0]).all()  # the span stays
    assert other[0].width > before[1] * 2  # the other segment is stretched by 3 along x


# ----------------------------------------------------------------------------- areas shaded on the axes on screen
def test_areas_shaded_one_after_another_stay_on_the_axes_and_a_bracketed_shape_is_no_figure():
    (beats,), _ = planned("Draw axes with x range [0, 2] and y range [0, 2]. Shade the area under y = x from 0 to 1 "
                          "(a triangle with vertices (0,0), (1,0), (1,1)). On the right show 'A = 1/2'. Shade the area "
                          "under y = x^2 from 0 to 1. Show 'B = 1/3'.")
    assert "geometry" not in [b.kind for b in beats]  # the bracket says what shape the area has
    plots = [b for b in beats if b.kind == "plot"]
    assert [b.params.get("extend", False) for b in plots] == [False, True, True]  # both areas on the same axes
    assert all(b.params["x_range"] == [0, 2] for b in plots)


# ----------------------------------------------------------------------------- arrows inside an instruction
def test_an_arrow_before_a_place_is_no_chain_of_boxes():
    (beats,), _ = planned('Insert 12: "12 < 20 -> go left" -> place at (-2, 1).')
    assert "flow" not in [b.kind for b in beats]  # "place at" is an instruction cut before its point, not a box
    (beats,), _ = planned("Show a flowchart: Cups of A → Grams of A → Moles of A.")
    assert only(beats, "flow").params["nodes"] == ["Cups of A", "Grams of A", "Moles of A"]


# ----------------------------------------------------------------------------- a graph built sentence by sentence
def test_an_edge_list_joins_the_graph_and_is_no_caption_and_a_node_takes_its_label():
    (beats,), _ = planned('Draw 4 nodes as circles: P at (-3, 0), Q at (-1, 1), R at (-1, -1), S at (1, 0). Draw '
                          'undirected edges: P-Q, P-R, Q-S, R-S. Label node P with "source".')
    assert [b.kind for b in beats] == ["graph", "graph"]
    assert len(beats[0].params["edges"]) == 4
    assert beats[1].params["steps"] == [{"action": "note", "nodes": ["P"], "text": "source"}]


def test_two_lines_of_code_highlighted_together_are_both_marked_and_neither_is_written_again():
    (beats,), _ = planned("Show the code:\n```\ndef f(n):\n    seen.add(n)\n    todo.append(n)\n```\n"
                          "Highlight the lines 'seen.add(n)' and 'todo.append(n)' together and show the note "
                          "\"mark when queued\".")
    assert [b.params.get("target") for b in beats if b.kind == "highlight"] == ["seen.add(n)", "todo.append(n)"]
    assert [b.params.get("text") for b in beats if b.kind == "text"] == ["mark when queued"]


def test_named_lines_of_spaced_cells_under_a_table_colon_are_its_columns():
    (beats,), _ = planned("Under the picture show the table:\nCity: P Q R S T\nHops: 0 1 1 2 3\nThen show the text "
                          "\"done\".")
    t = only(beats, "table")
    assert t.params["columns"] == ["City", "Hops"]
    assert t.params["rows"] == [["P", 0], ["Q", 1], ["R", 1], ["S", 2], ["T", 3]]


# ----------------------------------------------------------------------------- bars with large values
def test_bar_heights_with_thousands_separators_and_their_values_written_in_another_unit():
    (beats,), notes = planned('Draw a bar chart with three bars labeled "low", "mid", "high" with heights 40,000, '
                              '90,000 and 160,000 J. Write the values on top of the bars as "40 kJ", "90 kJ", "160 kJ".')
    b = only(beats, "bar_chart")
    assert (b.params["values"], b.params.get("unit")) == ([40, 90, 160], " kJ")  # shown "40 kJ"
    assert not [x for x in beats if x.kind in ("bullets", "text")] and not notes
    (beats,), _ = planned('Draw a bar chart with bars "a", "b" with heights 10 and 20. Write the values on top of the '
                          'bars as "3 kJ", "5 kJ".')  # not the same values: not taken as the bars' labels
    assert only(beats, "bar_chart").params["values"] == [10, 20]


def test_a_vector_named_by_its_coordinates_is_drawn_and_its_matrix_shown_once():
    (beats,), notes = planned("Show a NumberPlane. Draw the vector w = (2, 1) in green. Show the matrix M = [[1, 1], "
                              "[0, 1]] and apply it to the plane.")
    vectors = [v for b in beats if b.kind == "vector_plane" for v in b.params.get("vectors") or []]
    assert vectors == [{"x": 2.0, "y": 1.0, "label": "w", "color": "#66BB6A"}]
    assert "matrix" not in [b.kind for b in beats]  # shown beside the grid it moves, not a second time
    (beats,), _ = planned("Show the matrix M = [[1, 2], [3, 4]].")
    assert only(beats, "matrix").params["label"] == "M"


def test_a_chain_of_described_boxes_is_named_by_their_quoted_names():
    (beats,), _ = planned('Draw a pipeline: a box "raw text" -> an arrow into a rounded box labeled "tokenizer" -> '
                          'an arrow to a box "tokens".')
    f = only(beats, "flow")
    assert f.params["nodes"] == ["raw text", "tokenizer", "tokens"]
    assert not [b for b in beats if b.kind == "text"]  # the names are the boxes', not a caption again


def test_numbers_that_place_a_drawing_are_no_caption():
    (beats,), notes = planned("Draw 6 spokes at angles 0, 60, 120, 180, 240 and 300 degrees.")
    assert not any("spokes" in s for b in beats for s in b.strings)  # (the scene's plot may stand in for it)
    assert any(n.startswith("SB301") for n in notes)  # reported, never silently dropped


# ----------------------------------------------------------------------------- a curve labelled near a point
def test_a_curve_labelled_near_a_point_is_plotted_and_the_point_is_only_where_the_label_goes():
    (beats,), _ = planned("Draw axes with x from 0 to 4 and y from 0 to 16, with labels \"t\" and \"d\". Plot the curve "
                          "d(t) = t^2 from t = 0 to t = 4 and label it with MathTex 'd(t) = t^2' near the point (3.5, 12).")
    plots = [b for b in beats if b.kind == "plot"]
    assert (plots[0].params["x_label"], plots[0].params["y_label"]) == ("t", "d")
    assert [c["expr"] for b in plots for c in b.params.get("curves") or []] == ["d(t) = t^2"]
    assert not [p for b in plots for p in b.params.get("points") or []]


# ----------------------------------------------------------------------------- a table whose columns come in a line
def test_a_columns_line_then_named_rows_make_the_table_and_words_under_it_add_none():
    (beats,), _ = planned("Draw a table with a header row and a header column:\n"
                          "Columns: '', 'Pass', 'Fail', 'Total'\n"
                          "Row 'Group A': 30 | 10 | 40\n"
                          "Row 'Group B': 15 | 45 | 60\n"
                          "Then show the sums '30 + 15 = 45' and '10 + 45 = 55' under the table.")
    t = only(beats, "table")
    assert t.params["columns"] == ["", "Pass", "Fail", "Total"]
    assert t.params["rows"] == [["Group A", 30, 10, 40], ["Group B", 15, 45, 60]]


def test_labels_that_name_their_symbol_point_at_it_in_the_formula_not_at_the_picture():
    (beats,), _ = planned('Draw a ball with a velocity arrow labeled "v". Show the formula MathTex "p = m v" in the '
                          'center. Under the formula label the parts with arrows: "p = momentum", "m = mass (kg)", '
                          '"v in m/s".')
    arrows = [(b.params["target"], b.params["label"]) for b in beats if b.kind == "annotation"]
    assert arrows == [("p", "p = momentum"), ("m", "m = mass (kg)"), ("v", "v in m/s")]


def test_rows_named_by_formulas_make_the_columns_of_a_table():
    (beats,), notes = planned("Below, show a table with three rows and 5 columns:\nn: 1 2 3 4 5\nf(n): 1 4 9 16 25\n"
                              "P(X = n): 0.1 0.2 0.3 0.2 0.2")
    t = only(beats, "table")
    assert t.params["columns"] == ["n", "f(n)", "P(X = n)"]
    assert t.params["rows"][1] == [2, 4, 0.2]


def test_no_false_warnings_for_bars_drawn_with_their_values():
    (beats,), notes = planned("Show two bars: a short red bar labeled 'cats: 18' and a longer blue bar labeled "
                              "'dogs: 49'. Put the value label above the bars for cats to dogs (18, 49).")
    assert only(beats, "bar_chart").params["values"] == [18, 49]
    assert not notes, notes  # the bars are drawn with their values: nothing to report
