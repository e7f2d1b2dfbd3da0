"""geometry: points, segments, polygons, circles, arcs and sectors, angles with arcs or right-angle marks, squares
built outward on sides, a triangle from its legs, sides or vertices (labelled vertices and sides, the squares of
Pythagoras), the unit circle with sin/cos projections — and steps over the figure (highlight, colour, fill,
show, hide, relabel, move the point on the unit circle)."""

from __future__ import annotations

import math
from typing import Annotated, Literal, Union

from pydantic import ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import BLANK_PATTERN, Colour, _Model
from .base import VisualBase

KIND = "geometry"
RUNTIME = "geometry"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_POINTS = 16
MAX_SEGMENTS = 16
MAX_SHAPES = 6
MAX_ANGLES = 8
MAX_STEPS = 12
LIMIT = 1000.0

Coordinate = Annotated[float, Field(ge=-LIMIT, le=LIMIT)]
XY = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=12, pattern=BLANK_PATTERN)]
Ref = Union[Name, XY]
Label = Annotated[str, Field(max_length=40)]
Length = Annotated[float, Field(gt=0, le=LIMIT)]

_REF = "a point's name or [x, y]"


def _err(message: str) -> PydanticCustomError:
    """A validation error whose message is exactly `message` (no "Value error, " prefix)."""
    return PydanticCustomError("geometry", message)


class GeoPoint(_Model):
    name: Name = Field(description="The point's name, used by segments, polygons, angles and steps; drawn beside "
                       "it unless `label` says otherwise.", examples=["P"])
    at: XY = Field(description="[x, y] (any units: the figure is scaled to fit).", examples=[[1, 1]])
    label: Label | None = Field(None, description="Text beside the point instead of its name (`\"\"`: none).",
                                examples=["P (1, 1)"])
    color: Colour | None = Field(None, description="Point colour.", examples=["gold"])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])


class Segment(_Model):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True, validate_by_name=True,
                              validate_by_alias=True, serialize_by_alias=True)
    from_: Ref = Field(alias="from", description=f"Where it starts: {_REF}.", examples=["P", [1, 1]])
    to: Ref = Field(description=f"Where it ends: {_REF}.", examples=["Q"])
    label: Label | None = Field(None, description="Text beside its middle (a length, a name).", examples=["d"])
    color: Colour | None = Field(None, description="Segment colour.", examples=["yellow"])
    dashed: bool = Field(False, description="A dashed line (a construction line).", examples=[True])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])


class GeoPolygon(_Model):
    vertices: list[Ref] = Field(min_length=3, max_length=12, description=f"Corners in order, each {_REF}.",
                                examples=[["A", "B", "C"], [[0, 0], [4, 0], [4, 3]]])
    label: Label | None = Field(None, description="Text inside it.", examples=["T"])
    color: Colour | None = Field(None, description="Outline colour.", examples=["purple"])
    fill: bool = Field(False, description="Filled (translucent).", examples=[True])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])


class GeoCircle(_Model):
    center: Ref = Field(description=f"Its centre: {_REF}.", examples=["O", [0, 0]])
    radius: Length = Field(description="Its radius.", examples=[2])
    label: Label | None = Field(None, description="Text beside it.", examples=["r = 2"])
    color: Colour | None = Field(None, description="Circle colour.", examples=["light blue"])
    fill: bool = Field(False, description="Filled (translucent).", examples=[True])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])


class GeoArc(_Model):
    center: Ref = Field(description=f"The centre of its circle: {_REF}.", examples=["O"])
    radius: Length = Field(description="Its radius.", examples=[2])
    start: float = Field(0, ge=-720, le=720, description="Start angle in degrees (0 = to the right, counter-clockwise).",
                         examples=[0])
    end: float = Field(ge=-720, le=720, description="End angle in degrees.", examples=[60])
    sector: bool = Field(False, description="A filled sector (a slice) rather than an arc.", examples=[True])
    label: Label | None = Field(None, description="Text outside its middle.", examples=["s = rθ"])
    color: Colour | None = Field(None, description="Arc colour.", examples=["orange"])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])

    @model_validator(mode="after")
    def _not_empty(self):
        if abs(self.end - self.start) < 1e-6 or abs(self.end - self.start) > 360:
            raise _err(f"an arc goes from `start` to `end` (at most 360° apart), not {self.start:g}° to {self.end:g}°")
        return self


class GeoAngle(_Model):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True, validate_by_name=True,
                              validate_by_alias=True, serialize_by_alias=True)
    at: Name = Field(description="The vertex: a point's name.", examples=["C"])
    from_: Name = Field(alias="from", description="A point on one arm.", examples=["A"])
    to: Name = Field(description="A point on the other arm (the angle drawn is the one under 180°).", examples=["B"])
    label: Label | None = Field(None, description="Text in the angle (`θ`, `90°`).", examples=["θ"])
    degrees: bool = Field(False, description="Write its measure (`37°`) when there is no `label`.", examples=[True])
    right: bool | None = Field(None, description="A right-angle square instead of an arc (default: when it is 90°).",
                               examples=[True])
    color: Colour | None = Field(None, description="Arc colour.", examples=["gold"])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])


class SideSquare(_Model):
    side: Annotated[list[Name], Field(min_length=2, max_length=2)] = Field(
        description="The side, as its two end points; the square is built outward (away from the figure).",
        examples=[["A", "B"]])
    label: Label | None = Field(None, description="Text inside it (`c²`, `25`).", examples=["c²"])
    cells: bool = Field(False, description="Divided into unit cells (a whole-number side up to 12).", examples=[True])
    color: Colour | None = Field(None, description="Square colour.", examples=["yellow"])
    hidden: bool = Field(False, description="Drawn later, by a `show` step.", examples=[True])


class Triangle(_Model):
    legs: Annotated[list[Length], Field(min_length=2, max_length=2)] | None = Field(
        None, description="A right triangle from its legs [a, b]: the right angle at the third vertex (C), leg a "
        "upright (BC), leg b flat (CA).", examples=[[3, 4]])
    sides: Annotated[list[Length], Field(min_length=3, max_length=3)] | None = Field(
        None, description="A triangle from its side lengths [a, b, c] (a opposite A…).", examples=[[5, 6, 7]])
    vertices: Annotated[list[XY], Field(min_length=3, max_length=3)] | None = Field(
        None, description="A triangle from its corners [[x, y], …], in the order of `names`.",
        examples=[[[-2, -1.5], [2, -1.5], [-2, 1.5]]])
    names: Annotated[list[Annotated[str, Field(max_length=12)]], Field(min_length=3, max_length=3)] = Field(
        ["A", "B", "C"], description="Vertex names, drawn at the corners (`\"\"`: not drawn).", examples=[["P", "Q", "R"]])
    side_labels: Annotated[list[Label | None], Field(min_length=3, max_length=3)] | None = Field(
        None, description="Labels of the sides opposite each vertex (BC, CA, AB).", examples=[["a", "b", "c"]])
    side_colors: Annotated[list[Colour | None], Field(min_length=3, max_length=3)] | None = Field(
        None, description="Colours of those sides (default: the palette when they are labelled).",
        examples=[["#58C4DD", "#83C167", "#FFFF00"]])
    right_angle: bool = Field(True, description="Mark the right angle, if there is one.", examples=[False])
    squares: Literal["names", "areas", "cells"] | None = Field(
        None, description="Squares built outward on the three sides, with the side's name squared inside (a², "
        "b², c²), its area (9, 16, 25), or its area and unit cells.", examples=["names"])
    fill: bool = Field(False, description="Filled (translucent).", examples=[True])
    color: Colour | None = Field(None, description="Outline colour.", examples=["white"])

    @model_validator(mode="after")
    def _one_way(self):
        given = [k for k in ("legs", "sides", "vertices") if getattr(self, k) is not None]
        if len(given) != 1:
            raise _err("a triangle needs exactly one of `legs` (right triangle), `sides` or `vertices`"
                       + (f", not {' and '.join(given)}" if given else ""))
        if self.sides is not None:
            a, b, c = sorted(self.sides)
            if a + b <= c * (1 + 1e-9):
                raise _err(f"no triangle has sides {', '.join(f'{s:g}' for s in self.sides)}: the two shorter must "
                           "add up to more than the longest")
        if self.vertices is not None:
            (x1, y1), (x2, y2), (x3, y3) = self.vertices
            area = abs((x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1)) / 2
            size = max(math.dist(p, q) for p in self.vertices for q in self.vertices)
            if size == 0 or area < 1e-6 * size * size:
                raise _err("the triangle's three vertices lie on one line")
        named = [n for n in self.names if n]
        if len(set(named)) != len(named):
            raise _err("the triangle's vertex names must differ")
        return self


class UnitCircle(_Model):
    angle: float = Field(30, ge=-720, le=720, description="The point's angle θ in degrees.", examples=[30])
    label: Label = Field("θ", description="The angle's name.", examples=["θ"])
    projections: bool = Field(True, description="Draw cos θ (along the x axis) and sin θ (upright) with their names.",
                              examples=[True])
    point: Name = Field("P", description="The point's name.", examples=["P"])


StepAction = Literal["highlight", "color", "fill", "show", "hide", "label", "move"]


class GeoStep(_Model):
    action: StepAction = Field(
        description="`highlight`: the targets flash and stay coloured (gold); `color`: they take `color`; `fill`: "
        "shapes fill with `color`; `show`: targets declared `hidden` are drawn; `hide`: targets fade out; "
        "`label`: the first target's label becomes `text` (an angle's measure); `move`: the unit circle's point "
        "goes to angle `to` along the circle, its projections following.", examples=["highlight"])
    targets: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list, max_length=12,
        description="What the step acts on: point names (`A`), sides by their ends (`AB`) or labels (`c`, "
        "`hypotenuse`, `legs`), labels of shapes, angles and squares (`θ`, `c²`), `triangle`, `squares`, "
        "`sin`, `cos`.", examples=[["c"], ["AB", "θ"]])
    color: Colour | None = Field(None, description="Colour for `color`, `fill` or `highlight`.", examples=["orange"])
    text: Label | None = Field(None, description="New label for `label`.", examples=["120°"])
    to: float | None = Field(None, ge=-720, le=720, description="`move`: the new angle in degrees.", examples=[150])

    @model_validator(mode="after")
    def _complete(self):
        a = self.action
        if a in ("highlight", "color", "fill", "show", "hide", "label") and not self.targets:
            raise _err(f"a '{a}' step needs `targets`")
        if a == "label" and self.text is None:
            raise _err("a 'label' step needs its new `text`")
        if a == "move" and self.to is None:
            raise _err("a 'move' step needs `to` (the new angle, in degrees)")
        return self


class GeometryVisual(VisualBase):
    kind: Literal["geometry"] = Field(description="A geometric figure: points, segments, polygons, circles, arcs and "
                                      "sectors, angles, squares on sides, a triangle from its legs, sides or "
                                      "vertices, the unit circle; `steps` act on it in turn.")
    triangle: Triangle | None = Field(None, description="A triangle (its vertices become named points).",
                                      examples=[{"legs": [3, 4], "side_labels": ["a", "b", "c"]}])
    points: list[GeoPoint] = Field(default_factory=list, max_length=MAX_POINTS, description="Named points.",
                                   examples=[[{"name": "P", "at": [1, 1]}, {"name": "Q", "at": [4, 5]}]])
    segments: list[Segment] = Field(default_factory=list, max_length=MAX_SEGMENTS, description="Line segments.",
                                    examples=[[{"from": "P", "to": "Q", "label": "d"}]])
    polygons: list[GeoPolygon] = Field(default_factory=list, max_length=MAX_SHAPES, description="Polygons.",
                                       examples=[[{"vertices": [[0, 0], [2, 0], [1, 2]], "fill": True}]])
    circles: list[GeoCircle] = Field(default_factory=list, max_length=MAX_SHAPES, description="Circles.",
                                     examples=[[{"center": [0, 0], "radius": 2, "label": "r = 2"}]])
    arcs: list[GeoArc] = Field(default_factory=list, max_length=MAX_SHAPES, description="Arcs and sectors.",
                               examples=[[{"center": [0, 0], "radius": 2, "start": 0, "end": 60, "sector": True}]])
    angles: list[GeoAngle] = Field(default_factory=list, max_length=MAX_ANGLES,
                                   description="Angles marked at a vertex (an arc, or a square when right).",
                                   examples=[[{"at": "A", "from": "C", "to": "B", "label": "θ"}]])
    squares: list[SideSquare] = Field(default_factory=list, max_length=4, description="Squares built outward on sides.",
                                      examples=[[{"side": ["A", "B"], "label": "c²"}]])
    unit_circle: UnitCircle | None = Field(None, description="The unit circle with axes, the point at angle θ (named "
                                           "`P`, the centre `O`) and its cos/sin projections.",
                                           examples=[{"angle": 30, "label": "θ"}])
    caption: str | None = Field(None, max_length=120, description="Text under the figure.",
                                examples=["a² + b² = c²"])
    extend: bool = Field(False, description="Add this beat's elements to the figure on screen (same coordinates) "
                         "and run its `steps` there; without one on screen, this beat's figure is drawn.",
                         examples=[True])
    steps: list[GeoStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                 description="Actions on the figure, one after another within the beat.",
                                 examples=[[{"action": "highlight", "targets": ["c"]},
                                            {"action": "fill", "targets": ["triangle"], "color": "purple"}]])

    @model_validator(mode="after")
    def _consistent(self):
        names = _names(self)
        drawn = (self.triangle or self.points or self.segments or self.polygons or self.circles or self.arcs
                 or self.angles or self.squares or self.unit_circle)
        if not drawn and not self.extend:
            raise _err("an empty figure: give a `triangle`, `points`, `segments`, `polygons`, `circles`, `arcs` or "
                       "the `unit_circle` (or `extend`: steps on the figure on screen)")
        if len(set(names)) != len(names):
            twice = next(n for n in names if names.count(n) > 1)
            raise _err(f"the point name {twice!r} is used twice")
        if self.extend:
            return self  # names may be those of the figure on screen
        known = set(names)

        def check(ref, where: str) -> None:
            if isinstance(ref, str) and ref not in known:
                raise _err(f"{where}: there is no point {ref!r}" + (f" (points: {', '.join(sorted(known)[:8])})"
                                                                    if known else ""))

        for k, s in enumerate(self.segments):
            check(s.from_, f"segment {k}")
            check(s.to, f"segment {k}")
        for k, p in enumerate(self.polygons):
            for v in p.vertices:
                check(v, f"polygon {k}")
        for k, c in enumerate(list(self.circles) + list(self.arcs)):
            check(c.center, f"{'circle' if k < len(self.circles) else 'arc'} {k if k < len(self.circles) else k - len(self.circles)}")
        for k, a in enumerate(self.angles):
            for v in (a.at, a.from_, a.to):
                check(v, f"angle {k}")
            if len({a.at, a.from_, a.to}) < 3:
                raise _err(f"angle {k}: `at`, `from` and `to` must be three different points")
        for k, s in enumerate(self.squares):
            for v in s.side:
                check(v, f"square {k}")
            if s.side[0] == s.side[1]:
                raise _err(f"square {k}: a side joins two different points")
        if any(s.action == "move" for s in self.steps) and self.unit_circle is None:
            raise _err("a 'move' step moves the point of the `unit_circle`: draw one")
        return self


def _names(v: GeometryVisual) -> list[str]:
    out = [p.name for p in v.points]
    if v.triangle is not None:
        out += [n for n in v.triangle.names if n]
    if v.unit_circle is not None:
        out += ["O", v.unit_circle.point]
    return out


STRINGS = ("points", "segments", "polygons", "circles", "arcs", "angles", "squares", "caption")


def triangle_vertices(t: dict) -> list[tuple[float, float]]:
    """Corners A, B, C of a triangle given by `legs` [a, b] (right angle at C, a upright), `sides` [a, b, c]
    (C at the origin, A along the x axis) or `vertices`."""
    if t.get("vertices"):
        return [(float(x), float(y)) for x, y in t["vertices"]]
    if t.get("legs"):
        a, b = (float(x) for x in t["legs"])
        return [(b, 0.0), (0.0, a), (0.0, 0.0)]
    a, b, c = (float(x) for x in t["sides"])
    cos_c = max(-1.0, min(1.0, (a * a + b * b - c * c) / (2 * a * b)))
    sin_c = math.sqrt(max(0.0, 1 - cos_c * cos_c))
    return [(b, 0.0), (a * cos_c, a * sin_c), (0.0, 0.0)]


def number(v: float) -> str:
    """25.0 -> "25", 12.5 -> "12.5", 2.2360 -> "2.24"."""
    if abs(v - round(v)) < 1e-6:
        return str(int(round(v)))
    return f"{v:.2f}".rstrip("0").rstrip(".")


def side_names(t: dict) -> list[str]:
    """The names of the sides BC, CA, AB: `side_labels`, else the opposite vertices' names in lower case."""
    labels = t.get("side_labels") or [None, None, None]
    names = t.get("names") or ["A", "B", "C"]
    return [lab if lab else (n.lower() if n else "abc"[k]) for k, (lab, n) in enumerate(zip(labels, names))]


def square_labels(t: dict) -> list[str]:
    """What the triangle's `squares` write inside: a², b², c² or the areas."""
    mode = t.get("squares")
    if not mode:
        return []
    if mode == "names":
        return [f"{s}²" if len(s) <= 3 else f"({s})²" for s in side_names(t)]
    A, B, C = triangle_vertices(t)
    return [number(math.dist(p, q) ** 2) for p, q in ((B, C), (C, A), (A, B))]


def unit_circle_strings(u: dict) -> list[str]:
    lab = u.get("label", "θ")
    out = [lab, u.get("point", "P")]
    if u.get("projections", True):
        out += [f"cos {lab}", f"sin {lab}"]
    return out


def drawn(params: dict) -> list[str]:
    """Vertex names, side labels, square labels, point/segment/shape/angle labels, the unit circle's names,
    the texts steps write, the caption — as drawn."""
    out: list[str] = []
    t = params.get("triangle")
    if t:
        out += [n for n in t.get("names") or ["A", "B", "C"] if n]
        out += [s for s in t.get("side_labels") or [] if s]
        out += square_labels(t)
    for p in params.get("points") or []:
        lab = p.get("label", p["name"])
        if lab:
            out.append(lab)
    for key in ("segments", "polygons", "circles", "arcs", "squares"):
        out += [x["label"] for x in params.get(key) or [] if x.get("label")]
    for a in params.get("angles") or []:
        if a.get("label"):
            out.append(a["label"])
    if params.get("unit_circle"):
        out += unit_circle_strings(params["unit_circle"])
    out += [s["text"] for s in params.get("steps") or [] if s.get("text")]
    if params.get("caption"):
        out.append(params["caption"])
    return out


MODEL = GeometryVisual
