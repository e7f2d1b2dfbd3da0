"""Physics and circuit pictures in the words a tester (and a language model) writes them: a free-body diagram on
an incline listed force by force, a throw given by its speed and angle, a switch drawn open then closed. Each was
drawn wrong without a warning; what cannot be drawn as written is an SB307 naming what is lost."""

from __future__ import annotations

import pytest

from compiler.components import COMPONENTS
from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def plan(*details: str, audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(d, audio) for d in details]})
    return plan_storyboard(sb)


def beats(details: str) -> list:
    out = list(plan(details).scenes[0].beats)
    for b in out:  # every planned beat is a valid visual
        COMPONENTS[b.kind].MODEL.model_validate({"kind": b.kind, **b.params})
    return out


def lost(details: str) -> list[str]:
    return [n.message for n in plan(details).diagnostics if n.code == "SB307"]


def physics(details: str) -> dict:
    found = beats(details)
    assert [b.kind for b in found] == ["physics"], [(b.kind, b.rule) for b in found]
    return found[0].params


def forces(params: dict) -> list[tuple[str, str]]:
    return [(v["label"], v["direction"]) for v in params.get("vectors") or []]


# ----------------------------------------------------------------------------- a free-body diagram on an incline
FREE_BODY = [("mg", "down"), ("N", "normal"), ("f", "up_slope")]


@pytest.mark.parametrize("details", [
    'Show a block on an incline of 30 degrees with arrows for gravity "mg", the normal force "N" and friction "f".',
    # labels in brackets, directions in words
    "Draw a free-body diagram: a block on a 30° incline with three force arrows: weight (mg) pointing straight "
    "down, normal force (N) perpendicular to the surface, and friction (f) pointing up the slope.",
    # a list of labels after one noun
    'Draw a block on a 30-degree ramp with force arrows labelled "mg", "N" and "f".',
])
def test_forces_listed_on_an_incline_are_one_free_body_diagram(details):
    p = physics(details)  # one physics beat, no flow of the labels
    assert p["setting"] == "incline" and p["angle"] == 30
    assert p["bodies"] == [{"shape": "block"}]
    assert forces(p) == FREE_BODY and {v["type"] for v in p["vectors"]} == {"force"}
    assert lost(details) == []


def test_forces_named_without_labels_and_the_angle_in_another_sentence():
    p = physics("A crate rests on a ramp inclined at 25 degrees. Draw arrows for the forces on it: gravity, the "
                "normal force and friction.")
    assert p["angle"] == 25 and forces(p) == FREE_BODY  # each force with its usual symbol; no caption of the list
    p = physics('Draw a block on a 45° incline. Add a downward arrow labeled "W", an arrow perpendicular to the '
                'surface labeled "F_N" and an arrow down the slope labeled "f".')
    assert p["angle"] == 45 and forces(p) == [("W", "down"), ("F_N", "normal"), ("f", "down_slope")]


def test_an_incline_too_steep_or_flat_to_draw_is_reported():
    assert physics("Show a block on an incline of 80 degrees.")["angle"] == 75
    assert any("80°" in m and "75°" in m for m in lost("Show a block on an incline of 80 degrees."))


# ----------------------------------------------------------------------------- a throw by its speed and angle
@pytest.mark.parametrize("details", [
    "A ball is thrown from the top of a 20 m cliff at 15 m/s and 30 degrees.",
    "A ball is thrown from the top of a 20 m cliff at 15 m/s at 30°.",
    "A ball is thrown from the top of a 20 m cliff at 15 m/s at an angle of 30 degrees.",
    "A ball is launched from a 20 m cliff at 15 m/s at 30 degrees above the horizontal.",
    "From the edge of a 20 m high cliff, a stone is thrown with an initial velocity of 15 m/s at 30° to the horizontal.",
    "A projectile is fired from a 20 m cliff with v0 = 15 m/s and θ = 30°.",
])
def test_a_throw_at_a_speed_and_an_angle(details):
    p = physics(details)
    assert p["projectile"] == {"speed": 15, "angle": 30, "height": 20, "marks": False}  # (no range asked: not written)
    assert p["setting"] == "cliff" and p["height"] == 20
    assert lost(details) == []


def test_angles_below_the_horizontal_from_the_vertical_and_from_the_scene():
    assert physics("A ball is thrown from a 20 m cliff at 15 m/s, 30° below the horizontal.")["projectile"]["angle"] == -30
    assert physics("A ball is kicked from a 20 m cliff at 15 m/s at 60° from the vertical.")["projectile"]["angle"] == 30
    p = physics("A ball is kicked from the ground at 20 m/s. The launch angle is 45 degrees.")
    assert p["projectile"] == {"speed": 20, "angle": 45, "marks": False}
    # the landing's numbers are not the launch's
    p = physics("A ball is thrown horizontally from a 20 m cliff at 15 m/s and hits the ground at 24.8 m/s, 53° below "
                "the horizontal.")
    assert p["projectile"] == {"speed": 15, "angle": 0, "height": 20}  # (it hits the ground: its range is marked)


def test_a_new_angle_in_a_later_scene_wins_over_the_earlier_throw():
    first, second = plan("A ball is thrown from a 20 m cliff at 15 m/s.",
                         "Now the ball is thrown again at 30 degrees.").scenes
    # (neither sentence asks where it lands: the range and time are not written on screen)
    assert first.beats[0].params["projectile"] == {"speed": 15, "angle": 0, "height": 20, "marks": False}
    assert second.beats[0].params["projectile"] == {"speed": 15, "angle": 30, "height": 20, "marks": False}


def test_a_throw_that_cannot_be_drawn_as_written_is_reported():
    assert physics("A ball is thrown straight up from a 20 m cliff at 10 m/s at 90 degrees.")["projectile"]["angle"] == 89
    assert any("90°" in m for m in lost("A ball is thrown straight up from a 20 m cliff at 10 m/s at 90 degrees."))
    # level from the ground: it would land at once
    assert physics("A ball is kicked from the ground at 20 m/s.")["projectile"] == {"speed": 20, "angle": 0, "marks": False}
    assert any("no launch angle" in m for m in lost("A ball is kicked from the ground at 20 m/s."))
    # a path formula says horizontal: the sentence's angle is not the one drawn
    details = "Animate the ball thrown at 30 degrees moving along the path y = 20 - 4.9 (x / 15)^2."
    assert next(b for b in beats(details) if b.kind == "physics").params["projectile"]["angle"] == 0
    assert any("30°" in m for m in lost(details))


# ----------------------------------------------------------------------------- a switch opened and closed
def circuit(details: str) -> tuple[dict, list[list[dict]]]:
    found = beats(details)
    assert {b.kind for b in found} == {"circuit"}, [(b.kind, b.rule) for b in found]
    switch = next(e for e in found[0].params["elements"] if e["type"] == "switch")
    return switch, [b.params["steps"] for b in found[1:]]


@pytest.mark.parametrize("details, drawn_open, steps", [
    ("Draw a circuit with a 9 V battery, an open switch and a bulb in series. Close the switch and show current "
     "flowing.", True, [[{"action": "toggle"}, {"action": "flow"}]]),
    ("Draw a circuit with a 9 V battery, a closed switch and a bulb in series. Open the switch.", False,
     [[{"action": "toggle"}]]),
    # the state unwritten: the switch is drawn as it is before the sentence that changes it
    ("Draw a circuit with a 9 V battery, a switch and a bulb in series. Close the switch.", True, [[{"action": "toggle"}]]),
    ("Draw a circuit with a 9 V battery, a switch and a bulb in series. Open the switch.", False, [[{"action": "toggle"}]]),
    # other words for the same
    ("Draw a series circuit with a 6 V battery, a switch S1 (open) and a lamp. Turn on the switch so the lamp lights. "
     "Then turn it off again by opening the switch.", True, [[{"action": "toggle"}], [{"action": "toggle"}]]),
    ("Draw a circuit with a 9 V battery, a switch that is open and a bulb. Now the switch is closed and current flows.",
     True, [[{"action": "toggle"}, {"action": "flow"}]]),
    ("Draw a circuit with a 9 V battery, a switch and a bulb; close the switch to light the bulb.", True,
     [[{"action": "toggle"}]]),
])
def test_a_switch_starts_as_written_and_changes_as_asked(details, drawn_open, steps):
    switch, found = circuit(details)
    assert switch.get("open", False) is drawn_open and found == steps
    assert lost(details) == []


def test_a_switch_asked_for_the_state_it_is_in_is_reported():
    details = "Draw a circuit with a 9 V battery, a closed switch and a bulb in series. Close the switch."
    switch, found = circuit(details)
    assert switch["open"] is False and found == []
    assert lost(details) == ["scene 1: not drawn as written: the switch is already closed: it is not closed again "
                             "(in 'Close the switch.')"]
    assert any("no current flows" in m for m in lost("Draw a circuit with a 9 V battery, an open switch and a bulb in "
                                                      "series, with current flowing."))


def test_a_triangle_standing_for_the_incline_is_the_physics_picture_with_its_angle():
    (sc,) = plan('Show the title "Block on an Incline" at the top. Draw a right triangle representing the incline, with '
                 'the slope rising from the bottom left to the top right and the 30° angle marked at the bottom left. '
                 'Place a small square block labeled "2 kg" at the top of the slope, resting on the surface.').scenes
    kinds = [b.kind for b in sc.beats]
    assert kinds[0] == "title" and "geometry" not in kinds  # not a Pythagoras figure, and no picture from the title
    (pic,) = [b for b in sc.beats if b.kind == "physics"]
    assert pic.params["setting"] == "incline" and pic.params["angle"] == 30


def test_a_later_scene_draws_on_the_picture_it_names_with_the():
    first, second, third = plan("Draw a block on an incline of 30 degrees.", "Keep the incline on the left.",
                                'Draw the weight arrow "mg" straight down from the block and the normal force "N".').scenes
    assert second.beats[0].rule == "physics:recalled-from-scene-1" and second.beats[0].params["angle"] == 30
    (pic,) = [b for b in third.beats if b.kind == "physics"]
    assert pic.params["setting"] == "incline" and [v["label"] for v in pic.params["vectors"]] == ["mg", "N"]


def test_a_throws_range_and_time_are_written_only_where_the_scene_asks():
    first, second = plan("A ball is thrown from a 20 m cliff at 15 m/s.",
                         "Show the ball thrown again from the cliff and mark its range.").scenes
    assert first.beats[0].params["projectile"]["marks"] is False
    throw = next(b for b in second.beats if b.kind == "physics").params["projectile"]
    assert throw.get("marks", True) is True  # asked now: the range and the time are marked
