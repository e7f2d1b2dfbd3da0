"""Every component holds a bounded number of parts (bars, cards, rows, boxes, formulas). When a sentence asks for more,
the planner draws the first ones and says what it left out (SB307) — a list is never cut short without a word."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="A test scene.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


@pytest.mark.parametrize("details, kind, said", [
    ("Show the array [" + ", ".join(str(k) for k in range(1, 21)) + "] as a row of boxes.", "sequence",
     "20 boxes in a row: only the first 16 are drawn"),
    ('Show the formulas "E = mc^2", "F = ma", "p = mv", "W = Fd", "P = IV", "V = IR", "KE = mv^2/2", "PE = mgh".',
     "equation", "8 formulas in one sentence: only the first 6 are drawn"),
    ("Draw a circuit with " + ", ".join(f"a resistor R{k} = {k} Ω" for k in range(1, 13)) + " and a 9 V battery.",
     "circuit", "circuit elements: only the first 10 are drawn"),
])
def test_a_list_longer_than_its_component_holds_is_cut_with_a_word(details, kind, said):
    beats, notes = planned(details)
    assert kind in [b.kind for b in beats]
    assert any(n.startswith("SB307") and said in n for n in notes), notes


def test_a_list_that_fits_draws_every_item_and_says_nothing():
    beats, notes = planned("Show the array [3, 1, 4, 1, 5] as a row of boxes.")
    assert beats[0].params["tokens"] == ["3", "1", "4", "1", "5"]
    assert not [n for n in notes if n.startswith("SB307")]
