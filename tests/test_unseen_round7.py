"""Sentences from storyboards the planner was not written against that it misread (round 7). One test per
mechanism."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.context import Context
from compiler.planner.extract import manim_words

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="A test scene.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def shown(beats) -> list[str]:
    return [s for b in beats for s in b.strings]


def test_the_word_mathtex_before_a_bare_formula_is_never_shown():
    assert manim_words(r"Label the string MathTex L.") == "Label the string L."
    assert manim_words(r"Below, in smaller type: MathTex f = \frac{1}{T}") == r"Below, in smaller type: f = \frac{1}{T}"
    # (a quoted formula, or a style note in brackets, is left to the rules that read them)
    assert manim_words("Show it in a box: MathTex 'm^{2}'") == "Show it in a box: MathTex 'm^{2}'"
    assert "MathTex" in manim_words(r"(render as MathTex x, h, \hat{y})")
    beats, _ = planned(r"Below, in smaller type: MathTex f = \frac{1}{T} \approx 0.352 \text{ Hz}")
    assert [b.kind for b in beats] == ["equation"] and not any("MathTex" in s for s in shown(beats))


def test_curves_labelled_by_bare_formulas_take_them_in_order():
    beats, _ = planned("Draw axes with θ from 0 to 1.6. Plot y = θ as a straight line and y = sin θ as a curve. "
                       r"Label them MathTex y = \theta and MathTex y = \sin\theta.")
    assert [b.kind for b in beats] == ["plot", "plot"]
    assert [c["label"] for c in beats[1].params["curves"]] == [r"y = \theta", r"y = \sin\theta"]
    assert [c["expr"] for c in beats[1].params["curves"]] == ["y = θ", "y = sin θ"]  # y = θ is a curve too


def test_bars_written_one_per_line_with_arrows_and_an_axis_name_after_them():
    beats, notes = planned('Bottom: a bar chart of period against length with four bars:\n"0.5 m" → 1.42 s\n'
                           '"1 m" → 2.01 s\n"2 m" → 2.84 s\n"8 m" → 5.68 s\n'
                           'Vertical axis "T (s)" from 0 to 6, value written on top of each bar.')
    assert [b.kind for b in beats] == ["bar_chart"]
    p = beats[0].params
    assert p["labels"] == ["0.5 m", "1 m", "2 m", "8 m"] and p["values"] == [1.42, 2.01, 2.84, 5.68]
    assert "5.68 s" in shown(beats) and "T (s)" in p["title"]
    assert any("no axis scale" in n for n in notes)  # the range 0..6 is said to be lost


def test_a_place_before_a_colon_or_a_comma_is_no_part_of_what_is_shown():
    beats, _ = planned(r"Next to the chart: MathTex T \propto \sqrt{L}")
    assert shown(beats) == [r"T \propto \sqrt{L}"] and beats[0].kind == "equation"
    beats, _ = planned("Next to it, write T = 2π√(L/g).")
    assert shown(beats) == ["T = 2π√(L/g)"]
    beats, _ = planned("On the right, x = 5.")
    assert shown(beats) == ["x = 5"]


def test_pi_spelled_out_is_part_of_the_formula():
    beats, _ = planned("Write T = 2 pi sqrt(L/g).")
    assert shown(beats) == ["T = 2 pi sqrt(L/g)"]


def test_charges_are_still_read_where_a_number_starts():
    # (a charge's value is looked for where a number starts — test_bounded times a long run of digits)
    beats, _ = planned("Place a +3 μC charge at (0, 0) and a -2 nC charge at (2, 0).")
    assert [b.kind for b in beats] == ["physics"]


class _Scene:
    def __init__(self, number: int, kinds: list[str]):
        self.number = number
        self.kinds = frozenset(kinds)


def test_earlier_scenes_by_kind_latest_first():
    history = (_Scene(1, ["graph", "title"]), _Scene(2, ["table"]), _Scene(3, ["graph"]))
    ctx = Context(theme=None, scene_plot="", history=history)
    assert [sp.number for sp in ctx.earlier("graph")] == [3, 1]
    assert [sp.number for sp in ctx.earlier("table")] == [2]
    assert ctx.earlier("plot") == []
