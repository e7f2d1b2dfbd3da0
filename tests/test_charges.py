"""Point charges (physics bodies of shape `charge`) and their field lines: the planner reads the charges a sentence
places and the field lines it asks for; the field lines are traced through the computed field (out of +, into −)."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="Electric charges.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_charges_by_value_and_place_are_bodies_with_their_charge():
    beats, _ = planned("Draw a red +3 μC charge at (-2, 0) and a blue −5 μC charge at (2, 0).")
    (b,) = beats
    assert b.params["bodies"] == [{"shape": "charge", "charge": 3.0, "at": [-2.0, 0.0], "label": "+3 μC"},
                                  {"shape": "charge", "charge": -5.0, "at": [2.0, 0.0], "label": "−5 μC"}]


def test_field_lines_asked_for_join_the_charges_on_screen_and_named_charges_are_not_new_ones():
    beats, _ = planned("Draw the dipole: red + charge at (-2, 0) and blue − charge at (2, 0). Draw about 14 curved field "
                       "lines leaving the + charge and ending on the − charge, with arrowheads.")
    (b,) = beats
    assert [x["charge"] for x in b.params["bodies"]] == [1.0, -1.0] and b.params["field_lines"] is True


def test_a_sign_in_a_circle_and_a_charge_at_a_place():
    beats, _ = planned('Left side: a red circle with "+" and a blue circle with "−" a small distance apart.')
    assert [x["charge"] for x in beats[0].params["bodies"]] == [1.0, -1.0]
    beats, _ = planned("Put a positive charge at the center.")
    assert beats[0].params["bodies"] == [{"shape": "charge", "charge": 1.0, "at": [0.0, 0.0]}]
    beats, _ = planned("Show a bulleted list:\nLines start on positive charges\nLines never cross")
    assert [b.kind for b in beats] == ["bullets"]  # charges named in a list item are not drawn


def test_field_lines_leave_positive_charges_and_end_on_negative_ones():
    import numpy as np

    from compiler.runtime.components.physics_field import field_lines

    lines = field_lines([((-2.0, 0.0), 1.0), ((2.0, 0.0), -1.0)], (-6, 6, -4, 4), 0.3,
                        lambda x, y: np.array([x, y, 0.0]), per_charge=12)
    assert len(lines) == 12
    ends = [np.array(line[0].get_end()[:2]) for line in lines]
    near_minus = sum(np.hypot(*(e - np.array([2.0, 0.0]))) < 0.6 for e in ends)
    assert near_minus >= 6  # most lines from + end on −


def test_a_field_needs_a_charge():
    from pydantic import ValidationError

    from compiler.components.physics import PhysicsVisual

    with pytest.raises(ValidationError, match="`field_lines` needs a body with a `charge`"):
        PhysicsVisual.model_validate({"kind": "physics", "field_lines": True, "bodies": [{"shape": "ball"}]})


def test_charges_generated_and_rendered_without_layout_violations():
    from compiler.dryrun import run_scene
    from compiler.generate import generate_scene
    from compiler.timing import estimate_timings, time_plan

    visuals = [{"kind": "physics", "setting": "none", "field_lines": True,
                "bodies": [{"shape": "charge", "charge": 3, "at": [-2, 0], "label": "+3 μC"},
                           {"shape": "charge", "charge": -3, "at": [2, 0], "label": "−3 μC"}]}]
    sb = Storyboard.model_validate({"scenes": [scene("explicit visuals", "A dipole and its field.", visuals=visuals)]})
    (g,) = [generate_scene(ts) for ts in time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes]
    assert "field_lines=True" in g.code
    assert run_scene(g.code, g.class_name, 1).violations == []


# ----------------------------------------------------------------------------- orbits
def test_an_ellipse_around_the_sun_with_a_planet_moving_round_is_an_orbit_of_that_shape():
    sb = Storyboard.model_validate({"scenes": [scene(
        'Draw a yellow dot at the center left representing the Sun, labeled "Sun". Draw a white ellipse around it '
        '(width 10, height 8) with the Sun at the right focus. A small blue dot labeled "Planet" moves once around the '
        "ellipse in 4 seconds. Draw a velocity arrow attached to the planet.", "Kepler's first law.",
        plot="Kepler's laws of planetary motion.")]})
    plan = plan_storyboard(sb)
    (b,) = plan.scenes[0].beats
    assert b.params["orbit"] == {"center": "Sun", "body": "Planet", "eccentricity": 0.6, "revolutions": 1,
                                 "velocity": True}
    assert not [n for n in plan.diagnostics if n.code == "SB307"]  # the Sun's label is on the picture
