"""Layout components (steps, table, grid, cards, comparison, sequence) and the transform/move operations:
the planner rules on the sentences that motivated them, and dry runs that check the layout."""

from __future__ import annotations

import json

import pytest

from compiler import dryrun
from compiler.generate import generate_scene
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.timing import estimate_timings, time_plan

from .conftest import STORYBOARDS, scene

LAYOUT_KINDS = ("steps", "table", "grid", "cards", "comparison", "sequence", "transform", "move")


def beats_for(details: str, audio: str = "Some narration here. And a second sentence.") -> list:
    sb = Storyboard.model_validate({"scenes": [scene(details, audio)]})
    return list(plan_storyboard(sb).scenes[0].beats)


def only(beats, kind):
    found = [b for b in beats if b.kind == kind]
    assert len(found) == 1, [(b.kind, b.rule) for b in beats]
    return found[0]


# ----------------------------------------------------------------------------- rules
def test_result_cards_with_captions():
    b = beats_for('Three result cards side by side: "30,000+ tok/s" ("Execution speed on CPU"), "Millions of steps" '
                  '("Correct execution length"), "100% accuracy" ("On Sudoku benchmarks").')
    assert [x.kind for x in b] == ["cards"] and b[0].rule == "cards:figure-caption"
    assert b[0].params["figures"] == ["30,000+ tok/s", "Millions of steps", "100% accuracy"]
    assert b[0].params["captions"] == ["Execution speed on CPU", "Correct execution length", "On Sudoku benchmarks"]


def test_divider_and_two_column_sentences_make_one_comparison():
    b = beats_for('Split the screen with a dashed divider. Left column "Tool Use": lines `print(3+5)`, "→ send to '
                  'interpreter", "← result: 8", and the caption "Execution is opaque". Right column "In-Model": '
                  'monospace lines `i32.const 03`, `i32.const 05`, `i32.add → 08`, `output(08)`, `halt`, and the '
                  'caption "Every step visible in the token stream".')
    assert [x.kind for x in b] == ["comparison"]
    p = b[0].params
    assert b[0].rule == "comparison:divider+column+column"
    assert p["titles"] == ["Tool Use", "In-Model"]
    assert p["lines"] == [["`print(3+5)`", "→ send to interpreter", "← result: 8"],
                          ["`i32.const 03`", "`i32.const 05`", "`i32.add → 08`", "`output(08)`", "`halt`"]]
    assert p["captions"] == ["Execution is opaque", "Every step visible in the token stream"]
    assert "print(3+5)" in b[0].strings and "halt" in b[0].strings


def test_cards_numbered_1_to_30_into_a_bag_is_a_grid():
    b = beats_for("Show cards with numbers 1 to 30 being placed into a bag. Highlight the even numbers.")
    g = only(b, "grid")
    assert (g.params["count"], g.params["start"], g.params["container"]) == (30, 1, "bag")
    assert g.params["highlight"] == [str(n) for n in range(2, 31, 2)]  # from the second sentence
    assert g.strings[:3] == ("1", "2", "3")


def test_calculation_step_by_step():
    b = beats_for("Show the calculation step by step: 2x + 3 = 7, 2x = 4, x = 2")
    assert [x.kind for x in b] == ["steps"]
    assert b[0].params["lines"] == ["2x + 3 = 7", "2x = 4", "x = 2"]


def test_backticked_steps_with_notes_draw_nothing_twice():
    b = beats_for('Show the calculation step by step: `2x + 3 = 7`, `2x = 4` (subtract 3), `x = 2` ("divide by 2").')
    assert [x.kind for x in b] == ["steps"]  # no equation or text beat for the same formulas or notes
    assert b[0].params["notes"] == ["", "subtract 3", "divide by 2"]


def test_table_with_columns_and_rows():
    b = beats_for('Show a table with columns "Model", "Params" and rows ("GPT-2", "1.5B"), ("GPT-3", "175B"), '
                  'highlighting the row "GPT-3".')
    t = only(b, "table")
    assert t.params["columns"] == ["Model", "Params"]
    assert t.params["rows"] == [["GPT-2", "1.5B"], ["GPT-3", "175B"]]
    assert t.params["highlight_row"] == 1
    t = only(beats_for('Show a table with columns "Model", "Params" and rows "GPT-2" / "1.5B"; "GPT-3" / "175B".'),
             "table")
    assert t.params["rows"] == [["GPT-2", "1.5B"], ["GPT-3", "175B"]]


@pytest.mark.parametrize("details, mode", [
    ('Show the tokens "The", "cat", "sat" processed one at a time.', "process"),
    ('Show the tokens "The", "cat", "sat" appearing one by one as they are generated.', "generate"),
    ('Show the sentence "The cat sat" split into tokens.', "show"),
])
def test_token_sequences(details, mode):
    b = beats_for(details)
    assert [x.kind for x in b] == ["sequence"]
    assert b[0].params == {"tokens": ["The", "cat", "sat"], "mode": mode}


def test_word_to_vector_is_a_transform_not_a_matrix():
    b = beats_for('Display text "Input: The quick brown fox". Show each word transforming into a vector '
                  '(e.g., "The" -> [0.1, 0.2, 0.3]).')
    assert [x.kind for x in b] == ["title", "transform"]
    assert b[1].params == {"target": "The", "values": [0.1, 0.2, 0.3]}


def test_transform_formula_then_move_it():
    b = beats_for("Show the equation `x^2 + 2x + 1`. Transform `x^2 + 2x + 1` into `(x + 1)^2`. "
                  "Move the equation to the left.")
    assert [x.kind for x in b] == ["equation", "transform", "move"]
    assert b[1].params == {"target": "x^2 + 2x + 1", "expr": "(x + 1)^2"}
    assert b[2].params == {"target": "(x + 1)^2", "to": "left"}  # follows the equation to what it became


def test_lists_of_words_stay_bullets():
    assert [x.kind for x in beats_for('List the words "Fast", "Cheap", "Good".')] == ["bullets"]


def test_llm_computers_storyboard_uses_comparison_and_cards():
    sb = Storyboard.model_validate(json.loads((STORYBOARDS / "llm-computers.json").read_text(encoding="utf-8")))
    plan = plan_storyboard(sb)
    assert [b.kind for b in plan.scenes[2].beats] == ["comparison"]
    assert [b.kind for b in plan.scenes[4].beats][:2] == ["cards", "bullets"]
    assert plan.scenes[4].beats[1].params["style"] == "numbered"
    assert not [n for n in plan.diagnostics if n.code == "SB301" and "scene 3" in n.message]


# ----------------------------------------------------------------------------- dry runs
def _scene(audio: str, visuals: list, title: str | None = None) -> dict:
    return scene("x", audio, style="Near-black background (#0f0f1a).",
                 visuals=([{"kind": "title", "text": title}] if title else []) + visuals)


EVEN = [str(n) for n in range(2, 31, 2)]
TYPICAL = [
    _scene("We solve for x. First subtract three. Then divide by two.",
           [{"kind": "steps", "lines": ["2x + 3 = 7", "2x = 7 - 3", "= 4", "x = 2"],
             "notes": ["", "subtract 3", "", "divide by 2"]}], "Solving a linear equation"),
    _scene("Three models. The largest is highlighted.",
           [{"kind": "table", "columns": ["Model", "Params", "Year"],
             "rows": [["GPT-2", "1.5B", 2019], ["GPT-3", "175B", 2020], ["Llama 2", "70B", 2023]], "highlight_row": 1},
            {"kind": "highlight", "target": "Params"}], "Model sizes"),
    _scene("Thirty cards go into a bag. Half of them are even.",
           [{"kind": "grid", "count": 30, "highlight": EVEN, "container": "bag", "caption": "15 of the 30 are even"}],
           "Cards in a bag"),
    _scene("Fast, long and accurate.",
           [{"kind": "cards", "figures": ["30,000+ tok/s", "Millions of steps", "100% accuracy"],
             "captions": ["Execution speed on CPU", "Correct execution length", "On Sudoku benchmarks"]}], "Results"),
    _scene("With tools it is a black box. In the model every step is visible.",
           [{"kind": "comparison", "titles": ["Tool Use", "In-Model"],
             "lines": [["`print(3+5)`", "→ send to interpreter", "← result: 8"],
                       ["`i32.const 03`", "`i32.const 05`", "`i32.add → 08`", "`output(08)`", "`halt`"]],
             "captions": ["Execution is opaque", "Every step visible in the token stream"]},
            {"kind": "highlight", "target": "In-Model"}], "Tool Use vs In-Model"),
    _scene("The model reads the tokens one at a time. Then it generates new ones.",
           [{"kind": "sequence", "tokens": ["The", "cat", "sat", "on", "the", "mat"], "mode": "process",
             "label": "Input tokens"},
            {"kind": "sequence", "tokens": ["It", "was", "happy", "."], "mode": "generate"}]),
    _scene("Each word becomes a vector. The formula simplifies. Then it moves aside.",
           [{"kind": "transform", "target": "The", "values": [0.1, 0.2, 0.3]},
            {"kind": "equation", "expr": "x^2 + 2x + 1"},
            {"kind": "transform", "target": "x^2 + 2x + 1", "expr": "(x + 1)^2"},
            {"kind": "move", "target": "(x + 1)^2", "to": "left"},
            {"kind": "transform", "target": "cat", "text": "chat"}], "Input: The quick brown fox"),
]
# the largest inputs the models accept, long strings everywhere
LONG = "a rather long piece of text that needs wrapping somewhere"
LARGEST = [
    _scene("Many steps.", [{"kind": "steps", "notes": [LONG] * 8,
                            "lines": ["x^2 + 6x + 5 = 0", "x^2 + 6x = -5", "x^2 + 6x + 9 = -5 + 9", "(x + 3)^2 = 4",
                                      "x + 3 = ± 2", "x = -3 ± 2", "x = -1", "x = -5"]}], "Completing the square"),
    _scene("A big table.", [{"kind": "table", "columns": [f"Column {k} {LONG[:12]}" for k in range(6)],
                             "rows": [[LONG[: 5 + 3 * k], 1.5 * k, k, "yes", "no", 2024] for k in range(8)],
                             "highlight_col": 1, "highlight_cell": [2, 3]}], "Models"),
    _scene("A hundred cards.", [{"kind": "grid", "count": 100, "highlight": [str(n) for n in range(7, 101, 7)],
                                 "caption": LONG, "container": "bag"}], "Cards"),
    _scene("Four cards.", [{"kind": "cards", "figures": ["1,000,000+ tok/s", "99.999% accuracy", "3x", LONG[:30]],
                            "captions": [LONG] * 4, "colors": ["gold", "#ff7043", "light blue", "green"]}], "Results"),
    _scene("Three columns.", [{"kind": "comparison",
                               "titles": ["Tool use with an interpreter", "Fine-tuning", "In-model"],
                               "lines": [["`print(np.dot(a, b))`", LONG] + list("abcdefgh"), [LONG, "two"],
                                         ["`i32.const 03`"] * 10],
                               "captions": [LONG, "", "Every step visible"]}], "Three approaches"),
    _scene("Sixteen tokens.", [{"kind": "sequence",
                                "tokens": ["Supercalifragilistic", "expialidocious"] + ["word"] * 14,
                                "mode": "process", "label": LONG}], "Tokens"),
    _scene("A word not on screen. Then a formula.",
           [{"kind": "transform", "target": "king",
             "values": [0.12, -0.5, 0.33, 0.9, 1.5, -2.25, 0.01, 7, 8, 9, 10, 11]},
            {"kind": "transform", "target": "0.12", "expr": "softmax((Q * K^T) / sqrt(d_k)) * V = Attention(Q, K, V)"},
            {"kind": "move", "to": "right"}, {"kind": "move", "to": "up"}, {"kind": "move", "to": "center"}]),
]


class SizeInspector(dryrun.Inspector):
    """Also records the smallest Text on screen at the end of every beat."""

    min_pt: float = 1000.0

    def beat_boundary(self, scene) -> None:
        if self.beat > 0:
            for m in dryrun.text_units(scene):
                if type(m).__name__ == "Text":
                    self.min_pt = min(self.min_pt, m.font_size)
        super().beat_boundary(scene)


def dry_run(scenes: list[dict], monkeypatch) -> list[tuple[int, SizeInspector]]:
    monkeypatch.setattr(dryrun, "Inspector", SizeInspector)
    sb = Storyboard.model_validate({"scenes": scenes})
    timed = time_plan(plan_storyboard(sb), estimate_timings(sb))
    out = []
    for ts in timed.scenes:
        gen = generate_scene(ts)
        out.append((ts.plan.number, dryrun.run_scene(gen.code, gen.class_name, ts.plan.number)))
    return out


def test_every_layout_component_is_used():
    used = {v["kind"] for s in TYPICAL + LARGEST for v in s["visuals"]}
    assert set(LAYOUT_KINDS) <= used


def test_dry_run_typical_inputs_fit_with_readable_text(monkeypatch):
    for number, ins in dry_run(TYPICAL, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 19.5, (number, ins.min_pt)


def test_dry_run_largest_inputs_fit(monkeypatch):
    for number, ins in dry_run(LARGEST, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)  # scaled down to fit, never cut off


def test_hostile_strings_through_every_layout_component(monkeypatch):
    """Hostile text in every parameter: the generated code compiles, runs, draws, and executes nothing."""
    import os

    from .hostile import CANARY, HOSTILE

    if os.path.exists(CANARY):
        os.remove(CANARY)
    h = [s[:200] for s in HOSTILE if s.strip()]
    visuals = [
        {"kind": "title", "text": h[0]},
        {"kind": "steps", "lines": h[:4], "notes": h[4:8]},
        {"kind": "table", "columns": h[:3], "rows": [h[3:6], h[6:9]], "highlight_row": 1},
        {"kind": "grid", "labels": h[:12], "highlight": h[:3], "caption": h[12]},
        {"kind": "cards", "figures": h[:3], "captions": h[3:6]},
        {"kind": "comparison", "titles": h[:2], "lines": [h[2:6], ["`" + h[6] + "`"]], "captions": h[7:9]},
        {"kind": "sequence", "tokens": h[:8], "mode": "process", "label": h[8]},
        {"kind": "transform", "target": h[6], "text": h[7]},
        {"kind": "transform", "target": h[9], "expr": h[10]},
        {"kind": "move", "target": h[6], "to": "right"},
    ]
    for number, ins in dry_run([_scene("Hostile layouts. " * 4, visuals)], monkeypatch):
        assert ins.violations == [], ins.violations
    assert not os.path.exists(CANARY)


class BodyInspector(dryrun.Inspector):
    """Also records how many components are on screen at the end of every beat."""

    def beat_boundary(self, scene) -> None:
        if self.beat > 0:
            self.__dict__.setdefault("bodies", []).append(len(scene.body))
        super().beat_boundary(scene)


def test_what_is_on_screen_shrinks_a_little_to_make_room_instead_of_being_wiped(monkeypatch):
    """A newcomer that does not quite fit under two formulas and a table: everything stays, a little smaller
    ("Below the table show …"), instead of the body being cleared."""
    monkeypatch.setattr(dryrun, "Inspector", BodyInspector)
    rows = ", ".join(f'"{c} | {n} | {n + 3} | {chr(ord(c) + 3)}"' for c, n in zip("HELLOWORLD", [7, 4, 11, 11, 14, 22, 14, 17, 11, 3]))
    sb = Storyboard.model_validate({"scenes": [scene(
        'Show `E(x) = (x + k) mod 26` and `D(y) = (y - k) mod 26`. Show a table with columns "letter", "x", "x + 3", '
        f'"cipher" and rows {rows}. Below the table show "HELLOWORLD → KHOORZRUOG".',
        "We number the letters. Encryption adds the key. Hello becomes khoor.")]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    assert [b.beat.kind for b in ts.beats][:2] == ["equation", "table"]
    gen = generate_scene(ts)
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert not ins.violations
    assert ins.bodies == list(range(1, len(ts.beats) + 1))  # each beat joined what was there: nothing wiped


def test_a_derivation_keeps_the_left_half_and_a_small_mark_goes_beside_instead_of_wiping(monkeypatch):
    """A six-line derivation, then a rule written beside it, then a check mark: all stay on screen (the derivation
    moves to the left half; the column shrinks for the mark) — nothing the narration still walks through is wiped."""
    monkeypatch.setattr(dryrun, "Inspector", BodyInspector)
    lines = ["\\int_0^1 (x - x^2)\\,dx", "= \\left[ \\frac{x^2}{2} - \\frac{x^3}{3} \\right]_0^1",
             "= \\left( \\frac{1}{2} - \\frac{1}{3} \\right) - 0", "= \\frac{3}{6} - \\frac{2}{6}", "= \\frac{1}{6}",
             "\\approx 0.1667"]
    sb = Storyboard.model_validate({"scenes": [_scene(
        "We evaluate the integral. The power rule gives each term. One half minus one third is one sixth. Done.",
        [{"kind": "steps", "lines": lines},
         {"kind": "equation", "exprs": ["\\int x^n\\,dx = \\frac{x^{n+1}}{n+1}", "x \\to x^2/2", "x^2 \\to x^3/3"]},
         {"kind": "icon", "icons": ["check"]}], "Evaluating the integral")]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    gen = generate_scene(ts)
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert not ins.violations, ins.violations
    assert ins.bodies[-3:] == [1, 2, 3]  # derivation, then the rule beside it, then the mark: none wiped


def test_right_half_keeps_the_picture_on_screen_in_the_left_half(monkeypatch):
    """"Left half: draw a chloroplast … Right half: draw axes …": both pictures stay, side by side."""
    monkeypatch.setattr(dryrun, "Inspector", BodyInspector)
    sb = Storyboard.model_validate({"scenes": [scene(
        "Left half: draw a large ellipse labeled 'chloroplast'. Right half: draw axes with x from 400 to 700 and y "
        "from 0 to 1.", "Here is a chloroplast. And here is what it absorbs.")]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    plot = next(b.beat for b in ts.beats if b.beat.kind == "plot")
    assert plot.params.get("place") == "right"
    gen = generate_scene(ts)
    assert "self.place_next = 'right'" in gen.code
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert not ins.violations, ins.violations
    assert ins.bodies[-1] == 2  # the drawing and the plot, side by side
    # a curve added to the plot in the right half keeps the drawing beside it (its room is the right half)
    sb = Storyboard.model_validate({"scenes": [scene(
        "Left half: draw a large ellipse labeled 'chloroplast'. Right half: draw axes with x from 400 to 700 and y "
        "from 0 to 1. Draw a smooth curve with a high peak near 430 nm, a low valley between 500 and 600 nm, and a second "
        "peak near 660 nm. Label the peaks 'blue absorbed' and 'red absorbed'.",
        "Here is a chloroplast. And what it absorbs. Like this.")]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    gen = generate_scene(ts)
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert not ins.violations, ins.violations
    assert ins.bodies[-1] == 2


def test_on_the_right_keeps_the_column_written_on_the_left(monkeypatch):
    """"On the left, write the givens … the steps … On the right, create axes …": the givens and the derivation keep
    the left half, together, and the plot takes the right (clt s7: the derivation was wiped when the axes came, and
    the box asked round its last line went round the next text)."""
    monkeypatch.setattr(dryrun, "Inspector", BodyInspector)
    sb = Storyboard.model_validate({"scenes": [scene(
        'On the left, write the given values: "n = 30", "mu = 3.5", "sigma = 1.71". Write the steps one by one:\n'
        "SE = \\frac{\\sigma}{\\sqrt{n}} = \\frac{1.71}{\\sqrt{30}}\n\\sqrt{30} \\approx 5.48\n"
        "SE = \\frac{1.71}{5.48} \\approx 0.31\n"
        "On the right, create axes with x from 2.5 to 4.5 and draw the normal curve with mean 3.5 and sd 0.31.",
        "Here are the givens. The standard error follows. It is small. So the curve is narrow.")]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    plot = next(b.beat for b in ts.beats if b.beat.kind == "plot")
    assert plot.params.get("place") == "right"
    gen = generate_scene(ts)
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert not ins.violations, ins.violations
    assert ins.bodies[-1] == 2  # the column (givens and steps, kept together in the left half) and the plot


def test_notes_move_to_the_right_column_when_a_figure_takes_the_left_half(monkeypatch):
    """A picture, an answer under it, then a derivation too tall for the stack (cliff-throw s7): the picture takes the
    left half and the answer moves to the right column above the derivation, narrowed — it is not wiped."""
    monkeypatch.setattr(dryrun, "Inspector", BodyInspector)
    answer = "Distance from base: about 30.3 m\nLanding speed: about 24.8 m/s (52.9 degrees below horizontal)"
    sb = Storyboard.model_validate({"scenes": [_scene(
        "Here is the throw. The answers. We check the speed with energy. It agrees.",
        [{"kind": "plot", "expr": "20 - 4.9*(x/15)**2", "x_range": [0, 30], "y_range": [0, 20]},
         {"kind": "text", "text": answer},
         {"kind": "steps", "lines": ["v^2 = v_0^2 + 2 g h", "v^2 = 225 + 392 = 617", "v \\approx 24.8"]}],
        "Summary")]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    gen = generate_scene(ts)
    ins = dryrun.run_scene(gen.code, gen.class_name, 1)
    assert not ins.violations, ins.violations
    assert ins.bodies[-3:] == [1, 2, 3]  # plot; plot and answer; plot (left), answer and derivation (right)
