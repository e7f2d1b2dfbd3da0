"""Round 18 (the frames of the shared storyboards once more): marks in table cells in the colour asked, one box of a
chain in its own colour, a described motion that is not drawn said, not left for the viewer to notice."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


TABLE = ('1. Draw a table with 3 columns and 3 rows. Header row: "Item", "Left", "Right". Rows:\n   "A" | "3" | "1"\n'
         '   "B" | "8" | "2"\n2. ')


@pytest.fixture(scope="module")
def theme():
    from compiler.planner.theme import parse_theme

    return parse_theme("Dark background.")[0].to_json()


def test_a_cross_after_each_row_takes_the_colour_the_sentence_or_style_gives_it():
    beats, _ = planned(TABLE + "Place a red cross next to each row since none of the counts match.")
    (marked,) = [b for b in beats if b.rule == "table:row-mark"]
    assert marked.params["rows"][0][-1] == "1 ✗" and marked.params["mark_colors"] == {"✗": "#FC6255"}
    # the style's own code wins over the bare colour word of the sentence
    beats, _ = planned(TABLE + "Put a green check mark next to each row.", style="Check marks green (#83C167).")
    (marked,) = [b for b in beats if b.rule == "table:row-mark"]
    assert marked.params["mark_colors"] == {"✓": "#83C167"}
    # no colour said: none set (the table's own green check / red cross)
    beats, _ = planned(TABLE + "Put a check mark next to each row.")
    (marked,) = [b for b in beats if b.rule == "table:row-mark"]
    assert "mark_colors" not in marked.params


def test_table_marks_are_drawn_in_their_colours(theme):
    from compiler.runtime.components import table

    g = table.build(theme, columns=["Item", "Left"], rows=[["A", "3 ✗"], ["B", "8 ✓"], ["C", "✓"]],
                    mark_colors={"✗": "#123456"})
    (a_mark,) = [m for m in g.rows[0][1].submobjects if getattr(m, "text", "") == "✗"]
    (b_mark,) = [m for m in g.rows[1][1].submobjects if getattr(m, "text", "") == "✓"]
    assert a_mark[0].get_fill_color().to_hex().upper() == "#123456"
    assert b_mark[0].get_fill_color().to_hex().upper() == table.MARK_COLOURS["✓"]
    assert g.rows[2][1].text == "✓"  # a mark alone in its cell
    # the mark sits right of its number, on the same line
    number = g.rows[0][1].submobjects[0]
    assert a_mark.get_left()[0] > number.get_right()[0] and abs(a_mark.get_center()[1] - number.get_center()[1]) < 0.15


def test_the_final_box_of_a_chain_in_its_own_colour_and_the_boxes_in_theirs():
    style = ("Road map boxes: rounded rectangles 2.4 by 1 units, blue (#58C4DD) border, text size 24. "
             "Final box filled with green (#83C167) border.")
    beats, _ = planned('Draw a road map of four boxes in a row connected by arrows: "44 g" -> "1 mol" -> "3 mol" -> '
                       '"? g".', style=style)
    (flow,) = [b for b in beats if b.kind == "flow"]
    assert flow.params["node_colors"] == [None, None, None, "#83C167"]
    from compiler.planner.theme import parse_theme

    t, _ = parse_theme(style)
    assert t.roles["node"] == "#58C4DD"  # the boxes' border: the heading's boxes, not the final box's green
    # the next scene's chain has its own boxes: the place-named colour is not inherited
    t2, _ = parse_theme("Chain text white.", base=t)
    assert "final box" not in t2.labels


def test_flow_boxes_take_their_own_colours(theme):
    from compiler.runtime.components import flow

    g = flow.build(theme, nodes=["A", "B"], node_colors=[None, "#83C167"])
    boxes = [p[0] for p in (g.parts["A"], g.parts["B"])]
    assert boxes[1].get_color().to_hex().upper() == "#83C167"
    assert boxes[0].get_color().to_hex().upper() != "#83C167"


def test_a_told_motion_that_is_not_drawn_is_said():
    _, notes = planned('At Bob, the private key touches the lock, the arc moves up, and the message "HELLO" appears.')
    assert any("SB307" in n and "touches" in n for n in notes)
    # a noun is no motion: "the moves" of a game
    _, notes = planned('Below the board, the moves "e4" and "e5" are listed.')
    assert not any("motion" in n for n in notes)
