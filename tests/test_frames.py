"""Frames asked round what a scene writes (planner/frames.py): from the style ("Final line boxed in green", "Main
result … inside a yellow rectangle", "Summary box with white stroke") and from the details ("… in a small box"). Each
lands on the thing it names as a box that stays, or is reported (SB307) — never dropped without a word."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.frames import style_requests

from .conftest import scene


def planned(details: str, style: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def boxes(beats) -> list[dict]:
    return [b.params for b in beats if b.kind == "highlight" and b.params.get("mode") == "box"]


def test_style_requests_name_the_thing_and_the_colour():
    (r,) = style_requests("Steps on the left half, size 30, the final line boxed in orange (#F77F00).")
    assert r.words == ["final", "line"] and r.colour == "#F77F00"
    (r,) = style_requests("Key result: font size 40, centered, inside a rounded red (#E63946) rectangle.")
    assert r.words == ["key", "result"] and r.colour == "#E63946"
    (r,) = style_requests("Definition size 36 near the top, in a box.")
    assert r.words == ["definition"] and r.colour is None
    (r,) = style_requests("Rule at the bottom in a black rectangle with a cyan border.")
    assert r.words == ["rule"] and r.colour == "#4DD0E1"  # (cyan: the border's colour, not the dark panel's)
    (r,) = style_requests("Glossary box: grey (#999999) border, text size 22.")
    assert r.named_box and r.words == ["glossary"]
    assert style_requests("Axes grey, scaled to fit in a 5 by 4 box.") == []  # a size, not a frame


def test_the_final_line_of_a_derivation_is_boxed_in_the_style_colour():
    beats, notes = planned("Solve it step by step:\n2x + 6 = 14\n2x = 8\nx = 4",
                           "Derivation on the right, the final line boxed in orange (#F77F00).")
    (box,) = boxes(beats)
    assert box["target"] == "x = 4" and box["color"] == "#F77F00"
    kinds = [b.kind for b in beats]
    assert kinds.index("highlight") == kinds.index("steps") + 1  # right after the lines it closes
    assert not [n for n in notes if "frame" in n]


def test_a_result_the_details_name_is_framed_not_the_last_formula():
    beats, _ = planned("Write the key result: E = m c^2\nBelow it write the rest energy of 1 kg: E = 9 x 10^16 J",
                       "Key result: font size 40, centered, inside a rounded red (#E63946) rectangle.")
    (box,) = boxes(beats)
    k = next(k for k, b in enumerate(beats) if b.kind == "highlight")
    assert "m c^2" in " ".join(beats[k - 1].strings) or "mc^2" in " ".join(beats[k - 1].strings).replace(" ", "")
    assert box["color"] == "#E63946"


def test_a_note_the_details_put_in_a_small_box_gets_its_frame():
    beats, _ = planned('In the corner, show the constants in a small box: "g = 9.8 m/s^2, c = 3 x 10^8 m/s".',
                       "Constants grey.")
    assert len(boxes(beats)) == 1 and beats[-1].kind == "highlight"
    beats, _ = planned('Summary box with three rows:\n"Keys: n = p q"\n"Encrypt: c = m^e mod n"\n"Decrypt: m = c^d mod n"',
                       "Dark background.")
    assert len(boxes(beats)) == 1 and beats[-1].rule == "highlight:asked-frame"


def test_a_box_the_details_call_by_the_style_name_takes_its_style():
    beats, _ = planned('Glossary box with two rows:\n"mass: how much matter"\n"weight: the pull of gravity on it"',
                       "Glossary box: grey (#999999) border, text size 22.")
    (box,) = boxes(beats)
    assert box["color"] == "#999999" and box["target"] is None


def test_a_diagram_box_is_its_own_frame():
    beats, notes = planned('Draw a box labeled "Client" on the left and a box labeled "Server" on the right, with an '
                           'arrow from Client to Server.', "Client box blue (#58C4DD), Server box green.")
    assert boxes(beats) == [] and not [n for n in notes if "frame" in n]


def test_a_mark_the_details_drew_becomes_the_box_the_style_asks_for():
    beats, _ = planned("Show the steps:\nv = d / t\nv = 100 / 20\nv = 5 m/s\nSurround the final line with a box.",
                       "Final answer box: yellow (#FFFF00).")
    marks = [b.params for b in beats if b.kind == "highlight"]
    assert len(marks) == 1 and marks[0]["mode"] == "box" and marks[0]["color"] == "#FFFF00"


def test_a_frame_round_nothing_drawn_is_reported():
    beats, notes = planned("Draw axes with x from 0 to 5 and plot y = x^2.", "Complexity in a yellow box, size 34.")
    assert boxes(beats) == []
    assert any(n.startswith("SB307") and "'complexity'" in n and "frame" in n for n in notes)


def test_the_answer_frame_is_not_the_box_round_a_note():
    beats, _ = planned('Solve it step by step:\n2x + 6 = 14\n2x = 8\nx = 4\nAt the bottom, show the rule as a reminder '
                       'in a small box: "Do the same to both sides".',
                       "Derivation centered, the final line boxed in orange (#F77F00). Reminder box: grey border.")
    framed = {b["target"]: b.get("color") for b in boxes(beats)}
    assert framed["x = 4"] == "#F77F00" and "Do the same to both sides" in framed


def test_the_answer_written_as_a_sentence_is_the_one_framed():
    beats, _ = planned('Show the balanced equation: CH4 + 2O2 -> CO2 + 2H2O.\nFinal text at the bottom: "Answer: about 44 g '
                       'of CO2".', "Final answer green (#83C167), size 40, inside a rectangle.")
    (box,) = boxes(beats)
    k = next(k for k, b in enumerate(beats) if b.kind == "highlight")
    assert beats[k - 1].kind == "text" and beats[k - 1].params["text"].startswith("Answer:")
    assert box["target"] is None and box["color"] == "#83C167"


def test_the_style_of_a_diagram_box_with_a_border_is_no_frame_request():
    beats, notes = planned('Draw a box labeled "Transport" and a box labeled "Server", with an arrow between them.',
                           "Transport box in yellow with a dashed border.")
    assert boxes(beats) == [] and not [n for n in notes if "frame" in n]


def test_the_answer_framed_takes_the_colour_the_style_gives_it():
    beats, _ = planned('Show the balanced equation: CH4 + 2O2 -> CO2 + 2H2O.\nFinal text at the bottom: "Answer: about 44 g '
                       'of CO2".', "Final answer green (#83C167), size 40, inside a rectangle.")
    (text,) = [b for b in beats if b.kind == "text"]
    assert text.params["color"] == "#83C167"
