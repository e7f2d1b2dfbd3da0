"""Round 21 (fresh hold-out storyboards): a row of boxes written in brackets, captions under each box, a tree given by
its children, a path named by the graph's own names, a numbered recipe under a colon line."""

from __future__ import annotations

from compiler.planner.extract import box_row
from compiler.planner.segment import detail_sentences
from compiler.text import split_sentences

from .conftest import planned_scene as planned

ROW = ('Five boxes on a horizontal row, connected by thin grey lines:\n'
       '[Client\\n(browser)]  [Proxy\\n(cache)]  [Origin server\\n"api.example"]')


def test_a_row_of_bracketed_boxes_is_one_flow_whose_labels_keep_their_breaks_and_quotes():
    beats, notes = planned(ROW)
    (flow,) = [b for b in beats if b.kind == "flow"]
    assert flow.params["nodes"] == ["Client\n(browser)", "Proxy\n(cache)", 'Origin server\n"api.example"']
    assert flow.params.get("arrows") is None  # "connected by … lines": joined
    assert not [b for b in beats if b.kind == "text"]  # the quoted "api.example" is the box's, not a text of its own
    assert not [n for n in notes if n.startswith("SB301")]  # the colon line and its row are one unit


def test_bracketed_boxes_not_said_to_be_joined_stand_apart_and_arrows_between_them_join_them():
    (flow,) = [b for b in planned("Show the stages:\n[Plan]  [Build]  [Ship]")[0] if b.kind == "flow"]
    assert flow.params["nodes"] == ["Plan", "Build", "Ship"] and flow.params.get("arrows") is False
    (flow,) = [b for b in planned("Show the stages:\n[Plan] -> [Build] -> [Ship]")[0] if b.kind == "flow"]
    assert flow.params.get("arrows") is None


def test_bracketed_numbers_or_formulas_are_no_boxes():
    assert box_row("[1, 4, 5]  [2, 3]") == [] and box_row("[x^2]  [y^2]") == [] and box_row("[Alpha]") == []
    assert box_row("[Alpha]  [Beta]") == ["Alpha", "Beta"]


def test_a_caption_under_each_box_goes_under_the_boxes_on_screen():
    beats, notes = planned(ROW + "\nUnder each box a one-line caption: 'asks', 'remembers', 'answers'.")
    (flow,) = [b for b in beats if b.kind == "flow"]
    assert flow.params["captions"] == ["asks", "remembers", "answers"]
    assert not [b for b in beats if b.kind == "bullets"]
    # as many captions as boxes only: three captions for two boxes are not forced onto them
    beats, _ = planned("Show:\n[Alpha]  [Beta]\nUnder each box a caption: 'one', 'two', 'three'.")
    assert not [b for b in beats if b.kind == "flow" and b.params.get("captions")]


def test_a_tree_given_by_its_children_and_a_path_named_by_its_own_names():
    beats, notes = planned('Draw a small tree: root node "." at the top, children "com", "org", "net"; "com" has child '
                           '"example"; "example" has child "www". Highlight the path . → com → example → www in yellow.')
    (tree,) = [b for b in beats if b.kind == "graph" and b.params.get("nodes")]
    assert [(e["from"], e["to"]) for e in tree.params["edges"]] == [
        (".", "com"), (".", "org"), (".", "net"), ("com", "example"), ("example", "www")]
    (walk,) = [b for b in beats if b.kind == "graph" and b.params.get("steps")]
    assert walk.params["steps"][0]["action"] == "path" and walk.params["steps"][0]["nodes"] == [".", "com", "example", "www"]
    assert not [b for b in beats if b.kind == "flow"] and not [n for n in notes if n.startswith("SB301")]


def test_a_dot_standing_alone_does_not_end_a_sentence():
    assert split_sentences("Highlight the path . → com → www. Then stop.") == [
        "Highlight the path . → com → www.", "Then stop."]


def test_a_numbered_recipe_shown_as_a_list_keeps_its_imperative_steps():
    units = detail_sentences("Formula at the top: x = 1\nUnder it, a numbered recipe shown as a list:\n1. swap a and d\n"
                             "2. change the signs of b and c\n3. divide everything by the determinant")
    assert units[1] == ("Under it, a numbered recipe shown as a list:\nswap a and d\nchange the signs of b and c\n"
                        "divide everything by the determinant")
    beats, notes = planned("Under it, a numbered recipe shown as a list:\n1. swap a and d\n2. change the signs of b and c")
    (items,) = [b for b in beats if b.kind == "bullets"]
    assert items.params["items"] == ["swap a and d", "change the signs of b and c"]
    assert not [n for n in notes if n.startswith("SB301")]


def test_captioned_boxes_are_generated_and_drawn_inside_the_frame():
    from .test_unseen_round20 import generated

    gen, ins = generated(ROW + "\nUnder each box a one-line caption: 'asks the question', 'remembers', 'knows the answer'.")
    assert "captions=['asks the question', 'remembers', 'knows the answer']" in gen.code
    assert not ins.violations, ins.violations


def test_messages_written_between_the_boxes_on_screen_are_a_message_chart_of_those_boxes():
    beats, notes = planned(ROW + "\nAnimate arrows one by one, each with a message label:\n"
                           "1. client → proxy: 'GET /a'\n2. proxy → origin: 'GET /a'\n3. origin → proxy (dashed): '200 OK'\n"
                           "4. proxy → client (dashed): '200 OK'")
    kinds = [b.kind for b in beats]
    assert kinds[kinds.index("flow") + 1:] == ["clear", "message_chart"]  # the boxes give way to the chart
    (chart,) = [b for b in beats if b.kind == "message_chart"]
    assert chart.params["lifelines"] == ["Client", "Proxy", "Origin server"]
    assert [(m["from"], m["to"], m["label"], m.get("reply", False)) for m in chart.params["messages"]] == [
        ("Client", "Proxy", "GET /a", False), ("Proxy", "Origin server", "GET /a", False),
        ("Origin server", "Proxy", "200 OK", True), ("Proxy", "Client", "200 OK", True)]
    assert not [b for b in beats if b.kind == "bullets"]


def test_messages_between_names_that_are_no_boxes_on_screen_are_not_a_chart_of_the_boxes():
    beats, _ = planned(ROW + "\nList the calls:\n1. alice → bob: 'hi'\n2. bob → alice: 'hello'")
    assert not [b for b in beats if b.kind == "message_chart"]


def test_an_arrow_between_pieces_of_two_formulas_on_screen_is_an_arrow_between_them_not_two_boxes():
    beats, _ = planned("Left side:\n5x = 10\nx = 5^{-1} \\cdot 10 = 2\nRight side:\n\\mathbf{x} = A^{-1} \\mathbf{b}\n"
                       "Draw a yellow arrow from '5^{-1}' on the left to 'A^{-1}' on the right.")
    assert not [b for b in beats if b.kind == "flow"]
    (arrow,) = [b for b in beats if b.kind == "annotation"]
    assert arrow.params["target"] == ["5^{-1}", "A^{-1}"] and arrow.params.get("style") == "link"


def test_a_derivation_under_a_side_heading_is_not_drawn_again_as_a_column():
    beats, _ = planned('Right side, step by step:\n\\det A = 2 \\cdot 3 - 1 \\cdot 1\n= 6 - 1\n= 5\n'
                       'Caption below: "A stretches every area by a factor of 5".')
    assert [b.kind for b in beats] == ["steps"]
    assert "A stretches every area by a factor of 5" in beats[0].strings or \
        "A stretches every area by a factor of 5" in beats[0].params.get("notes", [])


def test_an_arrow_from_one_piece_to_another_is_drawn_as_an_arrow_in_the_frame():
    from .test_unseen_round20 import generated

    gen, ins = generated("Show:\nx = 5^{-1} \\cdot 10 = 2\nThen show:\ny = A^{-1} b\n"
                         "Draw a yellow arrow from '5^{-1}' on the left to 'A^{-1}' on the right.")
    assert "target=['5^{-1}', 'A^{-1}']" in gen.code
    assert not ins.violations, ins.violations


def test_a_half_that_describes_a_picture_not_drawn_is_said_and_its_arrow_label_is_no_column():
    beats, notes = planned('Left half: a rope goes up to a green hand dot at (-2.8, 2.5) with a green up arrow "F".\n'
                           'Right half, derive step by step:\n\\Sigma F_y = 0\nT + T - W = 0\n2T = 98 N')
    assert [b.kind for b in beats] == ["steps"]  # the derivation on its own, not the right column of a comparison
    assert any("the picture this half describes" in n and "'F'" in n for n in notes)
    # a quotation before the picture is the heading of its column: kept
    beats, _ = planned('Left side: "Buyers" with three small circles. Right side: "Sellers" with three small squares.')
    (cmp,) = [b for b in beats if b.kind == "comparison"]
    assert "Buyers" in str(cmp.params)


def test_applying_the_inverse_of_a_named_matrix_applies_its_inverse_not_the_matrix_again():
    beats, notes = planned("Show a NumberPlane with the vector v = (1, 1). Let A = [[2, 1], [1, 3]]. Apply A: v goes to (3, 4).\n"
                           "Then apply A^{-1} = 1/5 [[3, -1], [-1, 2]] (label 'A^{-1}' in blue) → the grid straightens back.")
    applied = [m for b in beats if b.kind == "vector_plane" for m in b.params.get("matrices") or []]
    assert applied[-1] == {"values": [[0.6, -0.2], [-0.2, 0.4]], "label": "A⁻¹"}
    # the inverse written beside it is the plane's label: no matrix [[3, -1], [-1, 2]] without its factor 1/5
    assert not [b for b in beats if b.kind == "matrix" and "3" in b.strings and "-1" in b.strings]


def test_a_matrix_without_an_inverse_is_said():
    beats, notes = planned("Show a NumberPlane with the vector v = (1, 1). Let S = [[1, 2], [2, 4]]. Apply S: v goes to "
                           "(3, 6). Then apply S^{-1} to the grid.")
    assert any("S has no inverse" in n for n in notes)


def test_a_proportionality_written_alone_on_its_line_is_typeset():
    for line in ("log P(spam | msg) ∝ log P(spam) + Σ_i log P(w_i | spam)", "P(c | x) ∝ P(x | c) P(c)", "y ∝ x^2"):
        beats, notes = planned(line)
        (eq,) = [b for b in beats if b.kind == "equation"]
        assert eq.params.get("exprs", [eq.params.get("expr")])[0] == line
        assert not [n for n in notes if n.startswith("SB301")]


def test_the_last_bar_before_a_bracketed_axis_note_is_kept_and_a_named_y_axis_keeps_bars_upright():
    beats, _ = planned("Bar chart on the left with four bars: 'sun' 1/2, 'cloud' 1/4, 'rain' 1/8, 'snow' 1/8 "
                       "(y axis 'probability' from 0 to 0.6).")
    (chart,) = [b for b in beats if b.kind == "bar_chart"]
    assert chart.params["labels"] == ["sun", "cloud", "rain", "snow"] and chart.params["values"] == [0.5, 0.25, 0.125, 0.125]
    assert not chart.params.get("horizontal")
    assert not [b for b in beats if b.kind == "text"]


def test_what_happens_to_cells_on_screen_is_no_chain_of_boxes_nor_a_new_row():
    beats, notes = planned('Draw a row of 8 square boxes numbered 1 to 8 across the screen.\n'
                           'Question 1 text above: "Is it > 4?"  answer "yes" -> boxes 1-4 turn red and fade.\n'
                           'Question 2: "Is it > 6?"  answer "no" -> boxes 7 and 8 turn red and fade.')
    assert not [b for b in beats if b.kind == "flow"]
    assert [b.params["count"] for b in beats if b.kind == "grid"] == [8]  # one row, its cells marked
    marks = [b for b in beats if b.kind == "highlight" and b.params.get("mode") == "fill"]
    assert [m.params.get("items") for m in marks][-1] == [7, 8]


def test_a_comparison_named_before_its_inequality_is_typeset_and_a_framed_result_is_the_line_that_shows_it():
    beats, _ = planned("On the right, step by step:\nH = 0.5 + 0.5 + 0.375 + 0.375\n= 1.75 bits\n"
                       "Finish with the comparison 1.75 < 2.", style="Final 1.75 bits in yellow with a SurroundingRectangle.")
    assert [b.params.get("exprs", [b.params.get("expr")]) for b in beats if b.kind == "equation"] == [["1.75 < 2"]]
    (frame,) = [b for b in beats if b.kind == "highlight" and b.params.get("mode") == "box"]
    assert frame.params["target"] == "= 1.75 bits"
    # "writing the comparison next to each visited node": the word alone names no formula
    beats, _ = planned("Show the list 3, 5, 8. Then walk along it, writing the comparison next to each visited item.")
    assert not [b for b in beats if b.kind == "equation"]


def test_a_message_shown_as_word_tiles_is_a_row_of_its_words_and_a_tile_named_by_its_word_is_greyed():
    beats, _ = planned('Show the message "win free money" as a row of three word tiles: [win] [free] [money]. '
                       'Grey out the "money" tile and write under it "not in vocabulary".')
    (row,) = [b for b in beats if b.kind == "sequence"]
    assert row.params["tokens"] == ["win", "free", "money"]
    (dim,) = [b for b in beats if b.kind == "highlight"]
    assert dim.params["mode"] == "dim" and dim.params["item"] == 3
    assert [b.params["text"] for b in beats if b.kind == "text"] == ["not in vocabulary"]  # "money" is the tile's
    assert not [b for b in beats if b.kind == "flow"]


def test_the_first_line_of_a_working_in_a_column_is_typeset_when_the_next_lines_go_on_from_it():
    from compiler.runtime.style import formula

    assert formula("P(spam) · P(win|spam) · P(free|spam)", size=24, color="#FFFFFF") is None  # alone: no relation
    mob = formula("P(spam) · P(win|spam) · P(free|spam)", size=24, color="#FFFFFF", leads=True)
    assert mob is not None and mob.math_ok
    assert formula("Buyers and sellers", size=24, color="#FFFFFF", leads=True) is None  # words stay words


def test_an_arrow_from_the_first_bar_to_the_last_links_those_bars_with_its_label():
    from .test_unseen_round20 import generated

    details = ("Show a bar chart with bars 'cold' = 100, 'warm' = 50, 'hot' = 1. "
               "Draw a curved arrow from the first bar to the last with the label '100× faster'.")
    beats, _ = planned(details)
    (link,) = [b for b in beats if b.kind == "annotation"]
    assert link.params["style"] == "link" and link.params["target"] == ["cold", "hot"]
    assert link.params["label"] == "100× faster" and not [b for b in beats if b.kind == "text"]
    gen, ins = generated(details)
    assert "style='link'" in gen.code and not ins.violations, ins.violations


def test_a_link_needs_two_targets():
    import pytest
    from pydantic import ValidationError

    from compiler.components.annotation import AnnotationVisual

    with pytest.raises(ValidationError, match="a link joins two things"):
        AnnotationVisual.model_validate({"kind": "annotation", "style": "link", "target": "x", "label": "y"})


def test_a_piece_cut_out_of_a_bracket_or_a_change_of_the_picture_is_no_box_of_a_chain():
    beats, _ = planned("Show a NumberPlane with the vector v = (1, 1). Let A = [[2, 1], [1, 3]]. Apply A: v goes to (3, 4).\n"
                       "Then apply A^{-1} = 1/5 [[3, -1], [-1, 2]] (label 'A^{-1}' in blue) → the grid straightens back.")
    assert not [b for b in beats if b.kind == "flow"]


LADDER = ('Five vertical lifelines with headers at the top: "Client", "Resolver", "Root", "TLD", "Auth".\n'
          'Draw slightly slanted arrows in order: Client→Resolver, Resolver→Root, Root→Resolver, Resolver→TLD, '
          'TLD→Resolver, Resolver→Client.\n'
          'On the right margin, brackets for each round trip with labels:\n"resolver ↔ root: 20 ms"\n'
          '"resolver ↔ TLD: 30 ms"\n"client ↔ resolver: 10 ms"')


def test_a_three_letter_party_is_a_lifeline_and_arrows_listed_in_order_are_its_messages_with_their_round_trips():
    beats, notes = planned(LADDER)
    charts = [b for b in beats if b.kind == "message_chart"]
    assert charts[0].params["lifelines"] == ["Client", "Resolver", "Root", "TLD", "Auth"]  # "TLD" is no state
    messages = [m for b in charts for m in b.params.get("messages") or []]
    assert [(m["from"], m["to"], m.get("reply", False)) for m in messages] == [
        ("Client", "Resolver", False), ("Resolver", "Root", False), ("Root", "Resolver", True),
        ("Resolver", "TLD", False), ("TLD", "Resolver", True), ("Resolver", "Client", True)]
    # each round trip's label is the note of its answer — not boxes of a diagram
    assert [m.get("note") for m in messages] == [None, None, "resolver ↔ root: 20 ms", None, "resolver ↔ TLD: 30 ms",
                                                 "client ↔ resolver: 10 ms"]
    assert not [b for b in beats if b.kind in ("flow", "text")] and not [n for n in notes if n.startswith("SB301")]


def test_a_matrix_written_as_rows_after_let_is_drawn_once_as_a_matrix_not_as_raw_brackets():
    beats, _ = planned("Let A = [[2, 1], [1, 3]].")
    assert [b.kind for b in beats] == ["matrix"] and beats[0].params["values"] == [[2, 1], [1, 3]]
