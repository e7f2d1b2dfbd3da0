"""Sentences from storyboards the planner was not written against that it misread (round 6). One test per
mechanism."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="A test scene.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_single_quoted_lines_under_a_list_head_are_all_its_items():
    beats, _ = planned("Then clear and show the checklist:\n'1. Balance the equation'\n'2. Convert grams to moles'\n"
                       "'3. Compare with the mole ratio → limiting reagent'\n'4. Use the limiting reagent for the "
                       "product'\n'5. Subtract to find the excess left over'")
    lists = [b for b in beats if b.kind == "bullets"]
    assert len(lists) == 1 and not [b for b in beats if b.kind == "text"]
    assert len(lists[0].params["items"]) == 5
    assert "Use the limiting reagent for the product" in lists[0].params["items"][3]
