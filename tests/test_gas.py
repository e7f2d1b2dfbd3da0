"""A gas in a cylinder (physics `gas`): the picture and its changes as the planner reads them from the numbers a
scene gives, the model's checks, and the runtime — the dots stay inside the gas as the piston moves."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import assert_snapshot, scene


def planned(*details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(d, "Some narration here.", plot="A gas.") for d in details]})
    plan = plan_storyboard(sb)
    return [list(sp.beats) for sp in plan.scenes], [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_a_cylinder_with_a_piston_dots_and_a_gauge_is_one_gas_picture():
    (beats,), notes = planned(
        "Draw a vertical cylinder in the left half of the screen. Inside, a piston at mid-height with a handle rod going "
        "up. Fill the space below the piston with 30 small dots moving in random straight lines and bouncing off the "
        "walls. Attach a small round pressure gauge to the side of the cylinder with a needle.")
    (b,) = beats
    assert b.kind == "physics" and b.params["gas"] == {"particles": 30, "volume": 0.5, "gauge": "P"}
    assert not [n for n in notes if n.startswith(("SB301", "SB307"))]


def test_a_series_of_volumes_and_pressures_moves_the_piston_to_scale_and_turns_the_gauge():
    (_, beats), _ = planned(
        "Draw a cylinder with a piston, 20 dots of gas and a pressure gauge.",
        "On the left, the cylinder with the piston. Animate the piston moving down in steps so the volume goes 8.0 L -> "
        "4.0 L -> 2.0 L -> 1.0 L while the gauge reads 0.5 atm -> 1.0 atm -> 2.0 atm -> 4.0 atm.")
    picture, moves = beats
    assert picture.rule.startswith("physics:recalled-from-scene-1")
    gas = picture.params["gas"]
    assert (gas["volume"], gas["volume_label"], gas["gauge"], gas["particles"]) == (0.9, "V = 8.0 L", "P = 0.5 atm", 20)
    assert [st["gas"] for st in moves.params["steps"]] == [
        {"volume": 0.45, "volume_label": "V = 4.0 L", "gauge": "P = 1.0 atm"},
        {"volume": 0.225, "volume_label": "V = 2.0 L", "gauge": "P = 2.0 atm"},
        {"volume": 0.113, "volume_label": "V = 1.0 L", "gauge": "P = 4.0 atm"}]


def test_a_closed_box_heated_and_its_needle_moving():
    (beats,), _ = planned("Draw a closed box (no piston) with dots inside and a gauge. Heat to 87 °C. "
                          "The gauge needle moves from 125 to 150.")
    picture, heat, needle = beats
    assert picture.params["gas"] == {"particles": 30, "piston": False, "gauge": "P = 125"}
    assert heat.params["steps"] == [{"action": "gas", "gas": {"heat": True, "thermometer": "T = 87 °C"}}]
    assert needle.params["steps"] == [{"action": "gas", "gas": {"gauge": "P = 150"}}]


def test_cylinders_that_are_not_a_vessel_of_gas_are_left_alone():
    (beats,), _ = planned("Next to the resolver, show small storage icons (cylinder shapes) with 'cached'.")
    assert "physics" not in [b.kind for b in beats]
    (beats,), _ = planned("Show a table of the volume of a cylinder for three radii.")
    assert "physics" not in [b.kind for b in beats]


def test_a_gas_step_needs_what_changes():
    from pydantic import ValidationError

    from compiler.components.physics import PhysicsVisual

    with pytest.raises(ValidationError, match="a 'gas' step needs `gas`"):
        PhysicsVisual.model_validate({"kind": "physics", "gas": {}, "steps": [{"action": "gas"}]})
    with pytest.raises(ValidationError, match="changes the gas, but there is no `gas`"):
        PhysicsVisual.model_validate({"kind": "physics", "bodies": [{"shape": "ball"}],
                                      "steps": [{"action": "gas", "gas": {"volume": 0.3}}]})


def test_the_dots_stay_inside_the_gas_when_the_piston_comes_down():
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components.physics_gas import build_gas

    g = build_gas(parse_theme("Dark background.")[0].to_json(), {"particles": 40, "volume": 0.9})
    g.lid.shift([0, -2.0, 0])
    g.dots.update(0)
    top = g.lid[0].get_bottom()[1]
    bottom = g.walls[1].get_center()[1]
    assert all(bottom < d.get_center()[1] < top for d in g.dots)
    before = [d.get_center().copy() for d in g.dots]
    g.dots.update(0.1)
    assert any((d.get_center() != p).any() for d, p in zip(g.dots, before))  # they move


def test_gas_generated_code_and_a_render_check():
    import ast

    from compiler.dryrun import run_scene
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    visuals = [{"kind": "physics", "gas": {"particles": 20, "volume": 0.7, "gauge": "P = 1.0 atm",
                                           "thermometer": "T = 300 K", "volume_label": "V = 8.0 L"}},
               {"kind": "physics", "extend": True, "steps": [
                   {"action": "gas", "gas": {"volume": 0.35, "volume_label": "V = 4.0 L", "gauge": "P = 2.0 atm"}},
                   {"action": "gas", "gas": {"heat": True, "thermometer": "T = 450 K"}}]}]
    sb = Storyboard.model_validate({"scenes": [scene("explicit visuals", "Push the piston, then heat it.",
                                                     visuals=visuals)]})
    (g,) = [generate_scene(ts) for ts in time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes]
    ast.parse(g.code)
    assert "gas={'particles': 20" in g.code
    assert_snapshot("physics-gas", g)
    assert run_scene(g.code, g.class_name, 1).violations == []
