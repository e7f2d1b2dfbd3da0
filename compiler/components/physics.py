"""physics: bodies (ball, block, car, planet, star, person) on a setting (ground, cliff, table, incline),
force / velocity / acceleration vectors with labels (a free-body diagram), a projectile whose trajectory,
range and flight time are computed from the given numbers, an orbit, motion along a path with a
running readout, a ray crossing a boundary, a mass on a spring, a simple pendulum, a thin lens with its
principal rays and the image it forms, a gas in a cylinder with a piston, and point charges with their field lines;
`steps` act on the picture in turn."""

from __future__ import annotations

import math
from typing import Annotated, Literal, Union

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Colour, _Model
from .base import VisualBase

KIND = "physics"
RUNTIME = "physics"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_BODIES = 6
MAX_VECTORS = 10
MAX_STEPS = 12
WORLD = 1e5  # metres, either way: coordinates and computed distances stay within

Shape = Literal["ball", "block", "car", "planet", "star", "person", "charge", "point"]
Direction = Literal["up", "down", "left", "right", "up_slope", "down_slope", "normal", "into_slope"]
Coord = Annotated[float, Field(ge=-WORLD, le=WORLD)]
Point = Annotated[list[Coord], Field(min_length=2, max_length=2)]
Name = Annotated[str, Field(min_length=1, max_length=24)]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("physics", message)


class Body(_Model):
    shape: Shape = Field("ball", description="What the body looks like (`point`: a dot, a place where a field or a "
                         "force is measured: the midpoint P between two charges).", examples=["block"])
    label: str | None = Field(None, max_length=24, description="Text beside the body (`m = 2 kg`, `Earth`).",
                              examples=["2 kg"])
    name: Name | None = Field(None, description="How vectors and steps refer to it (default: its label, then "
                              "its shape).", examples=["box"])
    at: Point | None = Field(None, description="[x, y] in metres where it rests (default: on the setting — the "
                             "cliff edge, the table top, the middle of the slope, in a row on the ground).",
                             examples=[[0, 0]])
    color: Colour | None = Field(None, description="Body colour.", examples=["light blue"])
    charge: float | None = Field(None, ge=-1e6, le=1e6, description="`charge`: its charge (its sign draws it: + red, "
                                 "− blue; the field lines follow it).", examples=[3])


class PhysicsVector(_Model):
    body: Name | None = Field(None, description="The body it acts on (default: the first).", examples=["box"])
    type: Literal["force", "velocity", "acceleration"] = Field(
        "force", description="Force (orange), velocity (green) or acceleration (gold).", examples=["velocity"])
    direction: Union[Direction, Annotated[float, Field(ge=-360, le=360)]] = Field(
        "down", description="`up`, `down`, `left`, `right`; on an incline `up_slope`, `down_slope`, `normal` (out "
        "of the surface), `into_slope`; or an angle in degrees (0 = right, 90 = up).", examples=["normal", 30])
    magnitude: float = Field(1.0, gt=0, le=1e6, description="Relative size: the longest vector is drawn longest.",
                             examples=[2])
    label: str | None = Field(None, max_length=24, description="Text at the tip (`mg`, `N`, `v = 3 m/s`).",
                              examples=["mg"])
    color: Colour | None = Field(None, description="Arrow colour (default: by type).", examples=["red"])


class Projectile(_Model):
    speed: float = Field(gt=0, le=1000, description="Launch speed in m/s.", examples=[15])
    angle: float = Field(0, ge=-89, le=89, description="Launch angle in degrees above the horizontal.",
                         examples=[30])
    height: float | None = Field(None, ge=0, le=10000, description="Launch height in metres (default: the "
                                 "cliff's or table's `height`, else 0).", examples=[20])
    g: float = Field(9.8, gt=0, le=100, description="Gravity in m/s².", examples=[9.8])
    body: Name | None = Field(None, description="The body thrown (default: the first, or a ball).",
                              examples=["ball"])
    marks: bool = Field(True, description="Mark the range R and the flight time t where it lands (and the "
                        "height h).", examples=[True])
    impact: bool = Field(False, description="Show the velocity where it lands: its components vx and vy and the "
                         "speed v with its angle below the horizontal.", examples=[True])
    shadows: bool = Field(False, description="While it flies, its shadows on the ground and on the cliff face: the "
                          "horizontal motion steady, the vertical one accelerating.", examples=[True])


class Orbit(_Model):
    center: str = Field("Sun", max_length=24, description="Label of the body at the focus.", examples=["Sun"])
    body: str = Field("Earth", max_length=24, description="Label of the orbiting body.", examples=["Earth"])
    eccentricity: float = Field(0.3, ge=0, le=0.9, description="0 is a circle; up to 0.9.", examples=[0.5])
    revolutions: float = Field(1.0, gt=0, le=3, description="How many times it goes round (faster near the "
                               "centre, as Kepler says).", examples=[1])
    velocity: bool = Field(False, description="Draw its velocity vector, tangent to the orbit.", examples=[True])


class PathMotion(_Model):
    points: list[Point] = Field(min_length=2, max_length=12, description="[x, y] points in metres, joined by "
                                "straight segments.", examples=[[[0, 0], [10, 0], [10, 5]]])
    body: Name | None = Field(None, description="The body that moves (default: the first).", examples=["car"])
    speed: float = Field(1.0, gt=0, le=1e5, description="Its speed in m/s (sets the readout).", examples=[2])
    readout: Literal["time", "distance", "speed", "none"] = Field(
        "time", description="A running readout beside the picture: elapsed time, distance covered, or speed.",
        examples=["distance"])


class SumArrow(_Model):
    dx: Coord = Field(description="How far it goes right (negative: left), in any unit the arrows share.",
                      examples=[15])
    dy: Coord = Field(description="How far it goes up (negative: down), in the same unit.", examples=[-19.8])
    label: str | None = Field(None, max_length=24, description="Text beside it (`15 m/s`, `F₁`).",
                              examples=["15 m/s"])
    color: Colour | None = Field(None, description="Arrow colour.", examples=["blue"])


class VectorSum(_Model):
    arrows: list[SumArrow] = Field(min_length=1, max_length=MAX_VECTORS // 2,
                                   description="Arrows drawn head to tail, in turn, from one starting point.",
                                   examples=[[{"dx": 15, "dy": 0, "label": "15 m/s"},
                                              {"dx": 0, "dy": -19.8, "label": "19.8 m/s"}]])
    resultant: bool = Field(True, description="Draw their sum: the arrow from the first tail to the last tip.",
                            examples=[True])
    label: str | None = Field(None, max_length=24, description="The resultant's label (`v`, `F_net`).",
                              examples=["v"])
    color: Colour | None = Field(None, description="The resultant's colour (default: yellow).", examples=["yellow"])
    angle: str | None = Field(None, max_length=24, description="Mark the angle between the first arrow and the "
                              "resultant with an arc and this label (`θ`); `\"\"` marks it without a label.",
                              examples=["θ"])

    @model_validator(mode="after")
    def _drawable(self):
        if all(abs(a.dx) + abs(a.dy) == 0 for a in self.arrows):
            raise _err("every arrow of the sum has zero length: give `dx` or `dy`")
        if self.resultant and abs(sum(a.dx for a in self.arrows)) + abs(sum(a.dy for a in self.arrows)) == 0:
            raise _err("the arrows add up to zero: there is no resultant to draw (`resultant: false`)")
        if self.angle is not None and not self.resultant:
            raise _err("an `angle` is marked between the first arrow and the resultant: keep `resultant`")
        return self


class Refraction(_Model):
    n1: float = Field(1.0, ge=1.0, le=4.0, description="Refractive index of the medium above the boundary.",
                      examples=[1.0])
    n2: float = Field(1.5, ge=1.0, le=4.0, description="Refractive index of the medium below.", examples=[1.5])
    angle: float = Field(45, ge=0, le=89, description="Angle of incidence from the normal, in degrees; the "
                         "refracted angle is computed (Snell's law), or total internal reflection past the critical "
                         "angle.", examples=[40])
    top: str | None = Field(None, max_length=40, description="Label of the upper medium (default: `n₁ = …`).",
                            examples=["air, n = 1.00"])
    bottom: str | None = Field(None, max_length=40, description="Label of the lower medium (default: `n₂ = …`).",
                               examples=["glass, n = 1.50"])
    labels: list[Annotated[str, Field(max_length=24)]] = Field(
        default_factory=lambda: ["θ₁", "θ₂"], max_length=2, description="Labels of the two angles (incidence, "
        "refraction); `[]` draws the arcs alone.", examples=[["40°", "25.4°"]])
    normal: str | None = Field(None, max_length=24, description="Label of the dashed normal.", examples=["normal"])
    reflected: bool = Field(False, description="Also draw the (weak) reflected ray.", examples=[True])
    ghost: bool = Field(False, description="A faint dashed line where the ray would go without the boundary.",
                        examples=[True])


LensRay = Literal["parallel", "center", "focal"]


class Lens(_Model):
    focal: float = Field(description="Focal length, in `unit`; negative for a diverging lens.", examples=[10])
    object_distance: float | None = Field(None, gt=0, le=WORLD, description="How far the object (an upright arrow) "
                                          "stands left of the lens, in `unit` (none: no object).", examples=[30])
    object_height: float = Field(1.0, gt=0, le=WORLD, description="The object's height, in `unit`.", examples=[10])
    unit: str = Field("cm", max_length=6, description="The unit of lengths written in labels.", examples=["cm"])
    rays: list[LensRay] = Field(default_factory=list, max_length=3, description="Principal rays from the object's "
                                "tip: `parallel` (parallel to the axis, then through F′), `center` (straight through "
                                "the centre), `focal` (through F, then parallel).", examples=[["parallel", "center"]])
    beam: int = Field(0, ge=0, le=7, description="Rays coming in parallel to the axis from the left, all bent "
                      "through the focal point F′.", examples=[5])
    image: bool = Field(False, description="Draw the image the lens forms (computed: 1/f = 1/d_o + 1/d_i; dashed "
                        "when virtual) with its distance d_i.", examples=[True])
    marks: bool = Field(True, description="Write the object's distance d_o (and the image's d_i) under the axis.",
                        examples=[True])
    twice: bool = Field(False, description="Also mark 2F and 2F′, at twice the focal length on each side.",
                        examples=[True])
    label: str | None = Field(None, max_length=30, description="The lens's label.", examples=["converging lens"])
    object_label: str | None = Field(None, max_length=30, description="The object's label (default `object`).",
                                     examples=["object, h_o = 10 cm"])
    image_label: str | None = Field(None, max_length=30, description="The image's label (default `image`).",
                                    examples=["image"])

    @model_validator(mode="after")
    def _consistent(self):
        if self.focal == 0 or abs(self.focal) > WORLD:
            raise _err("a lens's `focal` length is non-zero (negative for a diverging lens) and at most 100000")
        if (self.rays or self.image) and self.object_distance is None:
            raise _err("rays from the object and its image need the `object_distance`")
        return self


def lens_image(f: float, do: float) -> tuple[float, float] | None:
    """(d_i, magnification) from 1/f = 1/d_o + 1/d_i (d_i < 0: a virtual image on the object's side); None when the
    object is at the focal point (the rays leave parallel: no image)."""
    if abs(do - f) < 1e-9 * max(1.0, abs(f)):
        return None
    di = f * do / (do - f)
    return di, -di / do


def lens_strings(ln: dict) -> list[str]:
    unit = ln.get("unit", "cm")
    out = [ln.get("label") or ""] + ["F", "F′"] + (["2F", "2F′"] if ln.get("twice") else [])
    do = ln.get("object_distance")
    if do is not None:
        out.append(ln.get("object_label") or "object")
        if ln.get("marks", True):
            out.append(f"d_o = {fmt(float(do), unit)}")
    if ln.get("image") and do is not None:
        found = lens_image(float(ln["focal"]), float(do))
        if found is None:
            out.append("no image: the rays leave parallel")
        else:
            out.append(ln.get("image_label") or "image")
            if ln.get("marks", True):
                out.append(f"d_i = {fmt(found[0], unit)}")
    return [x for x in out if x]


class Pendulum(_Model):
    length: float = Field(1.0, gt=0, le=1000, description="String length in metres (sets the period T = 2π√(L/g)).",
                          examples=[1])
    angle: float = Field(15, ge=-80, le=80, description="Angle from the vertical in degrees: where the bob is drawn, "
                         "and how far it swings.", examples=[25])
    g: float = Field(9.8, gt=0, le=100, description="Gravity in m/s².", examples=[9.8])
    swings: float = Field(0, ge=0, le=6, description="Full swings (there and back) it makes when it oscillates (an "
                          "`oscillate` step, or by itself); 0: drawn still.", examples=[2])
    string_label: str | None = Field(None, max_length=24, description="Text beside the string.", examples=["L = 1 m"])
    bob_label: str | None = Field(None, max_length=24, description="Text on the bob.", examples=["m"])
    angle_label: str | None = Field(None, max_length=12, description="The angle from the dashed vertical, marked with "
                                    "an arc and this label.", examples=["θ"])
    weight: str | None = Field(None, max_length=24, description="Label of the weight, an arrow straight down.",
                               examples=["mg"])
    tension: str | None = Field(None, max_length=24, description="Label of the tension, an arrow along the string "
                                "toward the pivot.", examples=["T"])
    components: list[Annotated[str, Field(max_length=24)]] = Field(
        default_factory=list, max_length=2, description="Labels of the weight's two parts, dashed: along the string "
        "and along the arc, back toward the lowest point.", examples=[["mg cos θ", "mg sin θ"]])
    arc: bool = Field(False, description="The bob's path, a dotted arc.", examples=[True])
    timer: bool = Field(False, description="A running time readout while it swings, and the period T when it stops.",
                        examples=[True])
    second: str | None = Field(None, max_length=24, description="A second, larger bob on an identical string beside "
                               "it, with this label; it swings in step (the period does not depend on the mass).",
                               examples=["5m"])


def pendulum_period(length: float, g: float = 9.8) -> float:
    """T = 2π √(L / g) in seconds (small swings)."""
    return 2 * math.pi * math.sqrt(length / g)


def pendulum_strings(p: dict) -> list[str]:
    out = [p.get(k) for k in ("string_label", "bob_label", "angle_label", "weight", "tension", "second")]
    out += list(p.get("components") or [])
    if p.get("timer"):
        out.append(f"T = {fmt(pendulum_period(float(p.get('length', 1.0)), float(p.get('g', 9.8))), 's')}")
    return [x for x in out if x]


class Spring(_Model):
    k: float | None = Field(None, gt=0, le=1e6, description="Spring constant in N/m (with `mass`, sets the period "
                            "T = 2π√(m/k) written under it).", examples=[50])
    mass: float | None = Field(None, gt=0, le=1e6, description="The block's mass in kg.", examples=[0.5])
    amplitude: float = Field(0.1, gt=0, le=100, description="How far it is pulled from equilibrium, in metres "
                             "(drawn to a readable size).", examples=[0.1])
    cycles: float = Field(2, gt=0, le=10, description="How many back-and-forth cycles it makes when released.",
                          examples=[3])
    label: str | None = Field(None, max_length=24, description="Text on the block (`m`, `0.5 kg`).", examples=["m"])
    equilibrium: str | None = Field(None, max_length=40, description="Label of the dashed line at equilibrium "
                                    "(default: `x = 0`).", examples=["x = 0 (equilibrium)"])


class Gas(_Model):
    particles: int = Field(30, ge=1, le=80, description="Dots of gas moving in straight lines and bouncing off the "
                           "walls (and the piston).", examples=[30])
    piston: bool = Field(True, description="A piston closes the cylinder from above, with a rod; false: a closed "
                         "box.", examples=[True])
    volume: float = Field(0.6, ge=0.1, le=1, description="How high the gas fills the cylinder (0.1 to 1): where the "
                          "piston sits.", examples=[0.5])
    volume_label: str | None = Field(None, max_length=24, description="Text beside the gas (`V = 8.0 L`).",
                                     examples=["V = 8.0 L"])
    gauge: str | None = Field(None, max_length=24, description="A round pressure gauge on the side, with this "
                              "reading under it.", examples=["P = 1.0 atm"])
    thermometer: str | None = Field(None, max_length=24, description="A thermometer beside it, with this reading.",
                                    examples=["T = 300 K"])
    heat: bool = Field(False, description="A flame under the cylinder.", examples=[True])
    weight: str | None = Field(None, max_length=24, description="A weight resting on the piston, with this label.",
                               examples=["10 kg"])
    label: str | None = Field(None, max_length=40, description="Text under the cylinder.", examples=["n = 2.00 mol"])


class GasChange(_Model):
    volume: float | None = Field(None, ge=0.1, le=1, description="Where the piston moves to (0.1 to 1).",
                                 examples=[0.3])
    volume_label: str | None = Field(None, max_length=24, description="The new text beside the gas.",
                                     examples=["V = 4.0 L"])
    gauge: str | None = Field(None, max_length=24, description="The new gauge reading (the needle turns).",
                              examples=["P = 2.0 atm"])
    thermometer: str | None = Field(None, max_length=24, description="The new temperature reading.",
                                    examples=["T = 450 K"])
    heat: bool | None = Field(None, description="The flame lit (true) or put out (false).", examples=[True])
    speed: float | None = Field(None, gt=0, le=4, description="How much faster the dots move (√ of the temperature "
                                "ratio; default: from the two thermometer readings, when both are numbers).",
                                examples=[1.22])


def gas_strings(g: dict) -> list[str]:
    return [g[k] for k in ("volume_label", "gauge", "thermometer", "weight", "label") if g.get(k)]


StepAction = Literal["launch", "orbit", "move", "vector", "remove", "label", "angle", "sweep", "oscillate", "gas"]


class PhysicsStep(_Model):
    action: StepAction = Field(
        description="`launch`: the projectile flies (timer running), then R and t are marked; `orbit`: the body "
        "goes round; `move`: a body moves along `path` (or to `to`) with its readout; `vector`: `vectors` appear; "
        "`remove`: the vectors or bodies named in `labels` fade out; `label`: a body's label becomes `text`; "
        "`angle`: the angle between the sum's first arrow and its resultant is marked, labelled `text`; `sweep`: "
        "the ray's angle of incidence turns to `degrees` (the refracted ray follows, until total internal "
        "reflection); `oscillate`: the spring's block is pulled out and released, and oscillates (a pendulum swings); "
        "`gas`: the gas changes as `gas` says (the piston moves, the readings change, the dots speed up).",
        examples=["launch"])
    body: Name | None = Field(None, description="The body a `move` or `label` acts on (default: the first).",
                              examples=["car"])
    to: Point | None = Field(None, description="`move`: where to, in metres.", examples=[[8, 0]])
    vectors: list[PhysicsVector] = Field(default_factory=list, max_length=MAX_VECTORS,
                                         description="`vector`: the vectors that appear.",
                                         examples=[[{"direction": "up", "label": "N"}]])
    labels: list[Annotated[str, Field(max_length=24)]] = Field(default_factory=list, max_length=MAX_VECTORS,
                                                               description="`remove`: labels of vectors or bodies.",
                                                               examples=[["N"]])
    text: str | None = Field(None, max_length=24, description="`label`: the new text; `angle`: the angle's label.",
                             examples=["v = 0"])
    degrees: float | None = Field(None, ge=0, le=89, description="`sweep`: the angle of incidence it turns to.",
                                  examples=[50])
    gas: GasChange | None = Field(None, description="`gas`: what changes.", examples=[{"volume": 0.3,
                                                                                          "gauge": "P = 2.0 atm"}])

    @model_validator(mode="after")
    def _complete(self):
        if self.action == "vector" and not self.vectors:
            raise _err("a 'vector' step needs `vectors`")
        if self.action == "remove" and not self.labels:
            raise _err("a 'remove' step needs `labels` (of vectors or bodies)")
        if self.action == "label" and self.text is None:
            raise _err("a 'label' step needs its new `text`")
        if self.action == "sweep" and self.degrees is None:
            raise _err("a 'sweep' step needs the angle it turns to, `degrees`")
        if self.action == "gas" and self.gas is None:
            raise _err("a 'gas' step needs `gas`: what changes (volume, readings, heat)")
        return self


class PhysicsVisual(VisualBase):
    kind: Literal["physics"] = Field(description="A physics picture: bodies on a setting, force/velocity/"
                                     "acceleration vectors, a computed projectile, an orbit, motion along a path "
                                     "with a readout; `steps` act on it in turn.")
    setting: Literal["none", "ground", "cliff", "table", "incline"] | None = Field(
        None, description="What the bodies stand on (default: a cliff for a projectile launched from a height, "
        "ground for other motion, none for a free-body diagram or an orbit).", examples=["cliff"])
    height: float | None = Field(None, gt=0, le=10000, description="Height of the cliff or table in metres "
                                 "(default: the projectile's height, else 10).", examples=[20])
    angle: float = Field(30, ge=5, le=75, description="Angle of the incline in degrees.", examples=[30])
    bodies: list[Body] = Field(default_factory=list, max_length=MAX_BODIES, description="The bodies.",
                               examples=[[{"shape": "block", "label": "m", "name": "box"}]])
    vectors: list[PhysicsVector] = Field(default_factory=list, max_length=MAX_VECTORS,
                                         description="Arrows from the bodies' centres (a free-body diagram).",
                                         examples=[[{"direction": "down", "label": "mg"},
                                                    {"direction": "normal", "label": "N"}]])
    projectile: Projectile | None = Field(None, description="A body thrown with `speed` at `angle` from "
                                          "`height`: its trajectory, range and flight time are computed.",
                                          examples=[{"speed": 15, "angle": 30, "height": 20}])
    orbit: Orbit | None = Field(None, description="A body going round a central one on an ellipse.",
                                examples=[{"center": "Sun", "body": "Earth", "eccentricity": 0.4}])
    path: PathMotion | None = Field(None, description="A body moving along a path with a running readout.",
                                    examples=[{"points": [[0, 0], [20, 0]], "speed": 5, "readout": "time"}])
    sum: VectorSum | None = Field(None, description="Vectors added head to tail, with their resultant (a "
                                  "vector triangle or polygon), beside the rest of the picture.",
                                  examples=[{"arrows": [{"dx": 15, "dy": 0, "label": "15 m/s"},
                                                        {"dx": 0, "dy": -19.8, "label": "19.8 m/s"}],
                                             "label": "v", "angle": "θ"}])
    spring: Spring | None = Field(None, description="A block on a spring fixed to a wall (a mass-spring oscillator): "
                                  "pulled out and released, it oscillates; its period is computed from k and m.",
                                  examples=[{"k": 50, "mass": 0.5, "amplitude": 0.1, "cycles": 3}])
    refraction: Refraction | None = Field(None, description="A light ray crossing the boundary between two media: "
                                          "the normal, the incident and the refracted ray (computed), the angles.",
                                          examples=[{"n1": 1.0, "n2": 1.5, "angle": 40, "top": "air",
                                                     "bottom": "glass"}])
    pendulum: Pendulum | None = Field(None, description="A simple pendulum: a bob on a string from a pivot, at an "
                                      "angle; the weight, the tension and the weight's parts; its swing (period "
                                      "computed).", examples=[{"length": 1, "angle": 15, "swings": 2,
                                                               "string_label": "L = 1 m", "bob_label": "m"}])
    field_lines: bool = Field(False, description="Electric field lines of the charged bodies (shape `charge`), "
                              "computed: out of the positive charges, into the negative ones.", examples=[True])
    gas: Gas | None = Field(None, description="A gas in a cylinder: dots moving and bouncing off the walls, a "
                            "piston (or a closed box), a pressure gauge, a thermometer, a flame; `gas` steps move the "
                            "piston and change the readings.", examples=[{"particles": 30, "volume": 0.6,
                                                                         "gauge": "P = 1.0 atm",
                                                                         "thermometer": "T = 300 K"}])
    lens: Lens | None = Field(None, description="A thin lens on its optical axis with its focal points F and F′: an "
                              "object, principal rays, a beam of parallel rays, the image (computed).",
                              examples=[{"focal": 10, "object_distance": 30, "object_height": 10,
                                         "rays": ["parallel", "center", "focal"], "image": True}])
    caption: str | None = Field(None, max_length=120, description="Text under the picture.",
                                examples=["Thrown from a 20 m cliff"])
    steps: list[PhysicsStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                     description="Actions in turn (default: the projectile, orbit and path motions "
                                     "run after the picture appears).", examples=[[{"action": "launch"}]])
    extend: bool = Field(False, description="Act on the physics picture on screen (`steps`, `vectors`); without "
                         "one on screen, this beat's picture is drawn.", examples=[True])

    @field_validator("bodies")
    @classmethod
    def _unique(cls, bodies: list) -> list:
        seen: set[str] = set()
        for k, b in enumerate(bodies):
            n = body_name(b, k)
            if n in seen and (b.name or b.label):
                raise _err(f"body {k} ({n!r}) is named twice: give each a different `name`")
            seen.add(n)
        return bodies

    @model_validator(mode="after")
    def _consistent(self):
        names = {body_name(b, k) for k, b in enumerate(self.bodies)} | {b.shape for b in self.bodies}
        refs = [("vectors", v.body) for v in self.vectors]
        refs += [("projectile", self.projectile.body)] if self.projectile else []
        refs += [("path", self.path.body)] if self.path else []
        refs += [(f"step {k}", s.body) for k, s in enumerate(self.steps)]
        refs += [(f"step {k}", v.body) for k, s in enumerate(self.steps) for v in s.vectors]
        for where, ref in refs:
            if ref is not None and self.bodies and ref not in names:
                raise _err(f"{where}: there is no body {ref!r} (bodies: {', '.join(sorted(names))})")
        if (self.vectors or self.path) and not self.bodies and not self.extend:
            raise _err("vectors and a path act on `bodies`: give at least one body")
        if not (self.bodies or self.projectile or self.orbit or self.sum or self.refraction or self.spring or self.lens
                or self.pendulum or self.gas or self.extend):
            raise _err("an empty picture: give `bodies`, a `projectile`, an `orbit`, a `sum`, a `refraction`, a "
                       "`spring`, a `lens`, a `pendulum` or a `gas`")
        if self.field_lines and not self.extend and not any(b.charge for b in self.bodies):
            raise _err("`field_lines` needs a body with a `charge` (shape `charge`)")
        if self.projectile:
            p = self.projectile
            h = p.height if p.height is not None else (self.height or 0.0)
            r, t = flight(p.speed, p.angle, h, p.g)
            if r > WORLD or t > 1e4:
                raise _err(f"the projectile flies {r:.3g} m for {t:.3g} s: too far to draw (a smaller speed)")
        for k, s in enumerate(self.steps):
            if s.action == "launch" and not self.projectile and not self.extend:
                raise _err(f"step {k} launches, but there is no `projectile`")
            if s.action == "orbit" and not self.orbit and not self.extend:
                raise _err(f"step {k} is an orbit, but there is no `orbit`")
            if s.action == "move" and not (self.path or s.to) and not self.extend:
                raise _err(f"step {k} moves, but there is no `path` and no `to`")
            if s.action == "oscillate" and not (self.spring or self.pendulum) and not self.extend:
                raise _err(f"step {k} oscillates, but there is no `spring` or `pendulum`")
            if s.action == "gas" and not self.gas and not self.extend:
                raise _err(f"step {k} changes the gas, but there is no `gas`")
            if s.action == "sweep" and not self.refraction and not self.extend:
                raise _err(f"step {k} sweeps the ray, but there is no `refraction`")
            if s.action == "angle" and not (self.sum and self.sum.resultant) and not self.extend:
                raise _err(f"step {k} marks an angle, but there is no `sum` with a resultant")
        return self


def body_name(b, k: int) -> str:
    """The name a body is referred to by: `name`, else `label`, else its shape (ball, ball 2…)."""
    if isinstance(b, dict):
        name, label, shape = b.get("name"), b.get("label"), b.get("shape", "ball")
    else:
        name, label, shape = b.name, b.label, b.shape
    return name or label or (shape if k == 0 else f"{shape} {k + 1}")


def flight(speed: float, angle: float, height: float, g: float) -> tuple[float, float]:
    """(range in metres, flight time in seconds) of a projectile landing at height 0."""
    vx = speed * math.cos(math.radians(angle))
    vy = speed * math.sin(math.radians(angle))
    t = (vy + math.sqrt(vy * vy + 2 * g * height)) / g
    return vx * t, t


def impact_velocity(speed: float, angle: float, height: float, g: float) -> tuple[float, float, float, float]:
    """(vx, vy, speed, angle below the horizontal in degrees) where the projectile lands; vy < 0 is down."""
    _, t = flight(speed, angle, height, g)
    vx = speed * math.cos(math.radians(angle))
    vy = speed * math.sin(math.radians(angle)) - g * t
    return vx, vy, math.hypot(vx, vy), math.degrees(math.atan2(-vy, vx))


def impact_labels(speed: float, angle: float, height: float, g: float) -> list[str]:
    vx, vy, v, below = impact_velocity(speed, angle, height, g)
    return [f"v_x = {fmt(vx, 'm/s')}", f"v_y = {fmt(abs(vy), 'm/s')}", f"v = {fmt(v, 'm/s')}", f"{fmt(below)}°"]


def spring_period(k: float | None, mass: float | None) -> float | None:
    """T = 2π √(m / k) in seconds, when both are given."""
    return 2 * math.pi * math.sqrt(mass / k) if k and mass else None


def spring_strings(sp: dict) -> list[str]:
    out = [sp.get("equilibrium") or "x = 0"]
    out += [sp["label"]] if sp.get("label") else []
    if sp.get("k"):
        out.append(f"k = {fmt(float(sp['k']), 'N/m')}")
    T = spring_period(sp.get("k"), sp.get("mass"))
    if T is not None:
        out.append(f"T = {fmt(T, 's')}")
    return out


def refracted(n1: float, n2: float, angle: float) -> float | None:
    """The refracted angle from the normal in degrees (Snell: n1 sin θ1 = n2 sin θ2), None past the critical angle."""
    s = n1 * math.sin(math.radians(angle)) / n2
    return None if s > 1 else math.degrees(math.asin(s))


def refraction_strings(r: dict) -> list[str]:
    n1, n2 = float(r.get("n1", 1.0)), float(r.get("n2", 1.5))
    out = [r.get("top") or f"n₁ = {n1:g}", r.get("bottom") or f"n₂ = {n2:g}"]
    out += [x for x in (r.get("labels") if r.get("labels") is not None else ["θ₁", "θ₂"]) if x]
    out += [r["normal"]] if r.get("normal") else []
    if refracted(n1, n2, float(r.get("angle", 45))) is None:
        out.append("total internal reflection")
    return out


def fmt(v: float, unit: str = "") -> str:
    """3 significant figures, no trailing zeros: 44.2 m, 2.86 s, 120 m."""
    if v == 0:
        s = "0"
    elif abs(v) >= 100:
        s = f"{v:.0f}"
    else:
        s = f"{v:.3g}"
    return f"{s} {unit}".strip()


STRINGS = ("bodies", "vectors", "orbit", "sum", "refraction", "spring", "lens", "pendulum", "gas", "caption", "steps")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    out = [b["label"] for b in params.get("bodies") or [] if b.get("label")]
    out += [v["label"] for v in params.get("vectors") or [] if v.get("label")]
    if params.get("setting") == "incline":
        out.append(f"{fmt(params.get('angle', 30))}°")  # the slope's angle, marked at its foot
    p = params.get("projectile")
    if p:
        h = p.get("height") if p.get("height") is not None else (params.get("height") or 0.0)
        r, t = flight(p["speed"], p.get("angle", 0), h, p.get("g", 9.8))
        out.append(f"v₀ = {fmt(p['speed'], 'm/s')}")
        if p.get("marks", True):
            out += [f"R = {fmt(r, 'm')}", f"t = {fmt(t, 's')}"] + ([f"h = {fmt(h, 'm')}"] if h > 0 else [])
        if p.get("impact"):
            out += impact_labels(p["speed"], p.get("angle", 0), h, p.get("g", 9.8))
    o = params.get("orbit")
    if o:
        out += [o.get("center", "Sun"), o.get("body", "Earth")]
    if params.get("refraction"):
        out += refraction_strings(params["refraction"])
    if params.get("spring"):
        out += spring_strings(params["spring"])
    if params.get("lens"):
        out += lens_strings(params["lens"])
    if params.get("pendulum"):
        out += pendulum_strings(params["pendulum"])
    if params.get("gas"):
        out += gas_strings(params["gas"])
    sm = params.get("sum")
    if sm:
        out += [a["label"] for a in sm.get("arrows") or [] if a.get("label")]
        out += [sm[k] for k in ("label", "angle") if sm.get(k)]
    for s in params.get("steps") or []:
        out += [v["label"] for v in s.get("vectors") or [] if v.get("label")]
        if s.get("text"):
            out.append(s["text"])
        if s.get("gas"):
            out += gas_strings(s["gas"])
    if params.get("caption"):
        out.append(params["caption"])
    return out


MODEL = PhysicsVisual
