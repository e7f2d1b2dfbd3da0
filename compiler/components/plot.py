"""plot: axes with curves from formulas, a moving dot, a shaded area, dashed markers and labelled points."""

from __future__ import annotations

import math

from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..fields import Colour, NonBlank, _Model, _whole_number
from .base import VisualBase

KIND = "plot"
RUNTIME = "plot"  # helper module in compiler.runtime.components (None: an operation of SbcScene)

Range = list[float]


class Curve(_Model):
    expr: NonBlank = Field(max_length=300, description="Formula in one variable (`y = 4x^2`, `sin(x)/x`, "
                           "`e^(-x^2/2)`); read by `compiler.formula`, never evaluated as Python. A formula that "
                           "cannot be read is left out of the drawing (its label is still shown).",
                           examples=["y = 4x^2", "log(1 + t)"])
    label: str | None = Field(None, max_length=200, description="Text next to the curve, in its colour "
                              "(default: the formula).", examples=["Hull attention: O(log t) per step"])
    color: Colour | None = Field(None, description="Curve colour (default: the theme's label colours, then "
                                 "its palette).", examples=["#66bb6a", "orange"])
    dashed: bool = Field(False, description="A dashed curve (an overlay to compare with, a guess).", examples=[True])


class Readout(_Model):
    name: str = Field(max_length=16, description="What it reads, as written before its '='.", examples=["t"])
    start: float = Field(description="The value when the dot starts.", examples=[0])
    end: float = Field(description="The value when the dot stops.", examples=[2.02])
    unit: str | None = Field(None, max_length=12, description="The unit written after the value.", examples=["s"])
    decimals: int = Field(0, ge=0, le=4, description="Digits after the decimal point, as written.", examples=[2])


class MoveDot(_Model):
    x0: float = Field(description="Where the dot starts (an x value on the curve).", examples=[0])
    x1: float = Field(description="Where the dot stops.", examples=[1])
    curve: int = Field(0, ge=0, le=5, description="Which curve it follows (0-based, among this beat's curves; "
                       "with `extend`, among all curves on screen when this beat has none).", examples=[0])
    label: str | None = Field(None, max_length=80, description="Text that travels with the dot.", examples=["x"])
    readout: Readout | None = Field(None, description="A running value beside the axes while the dot moves (a timer "
                                   "\"t = 0.00 s\" counting to \"t = 2.02 s\"), in step with the dot.",
                                   examples=[{"name": "t", "start": 0, "end": 2.02, "unit": "s", "decimals": 2}])

    @field_validator("curve", mode="before")
    @classmethod
    def _whole(cls, v: object) -> object:
        return _whole_number(v)


class Area(_Model):
    a: float = Field(description="Left end of the shaded area.", examples=[-1])
    b: float = Field(description="Right end of the shaded area.", examples=[1])
    curve: int = Field(0, ge=0, le=5, description="Which curve bounds it (0-based; with `extend` and no curves "
                       "in this beat: among the curves on screen).", examples=[0])
    label: str | None = Field(None, max_length=80, description="Text inside the area.", examples=["area ≈ 0.683"])
    color: Colour | None = Field(None, description="Fill colour (default: the curve's).", examples=["red"])
    rectangles: int | None = Field(None, ge=1, le=128, description="A Riemann sum: that many rectangles of equal width "
                                   "between a and b instead of the smooth area.", examples=[8])
    sample: Literal["left", "right", "mid"] | None = Field(None, description="With `rectangles`: where each rectangle "
                                                           "meets the curve: its `left` end (default), `right` end or "
                                                           "middle (`mid`).", examples=["right"])
    to: int | None = Field(None, ge=0, le=5, description="A second curve (counted as `curve` is): the area, or the "
                           "rectangles, lie between the two curves instead of reaching down to the x axis.",
                           examples=[1])

    @field_validator("curve", "to", mode="before")
    @classmethod
    def _whole(cls, v: object) -> object:
        return _whole_number(v)


class AreaNote(_Model):
    text: NonBlank = Field(max_length=80, description="The text for the shaded area already on screen (the one drawn "
                           "last).", examples=["Area = ?"])
    arrow: bool = Field(True, description="true: the text beside the area with an arrow pointing into it; false: "
                        "the text inside it.", examples=[False])


class Marker(_Model):
    axis: Literal["x", "y"] = Field(description="`x`: a dashed vertical line at x = value; `y`: a horizontal "
                                    "one at y = value.", examples=["x"])
    value: float = Field(description="Where the line is.", examples=[0])
    label: str | None = Field(None, max_length=80, description="Text at the end of the line.", examples=["x = 0"])


class PlotPoint(_Model):
    x: float = Field(description="x of the point.", examples=[1])
    y: float = Field(description="y of the point.", examples=[4])
    label: str | None = Field(None, max_length=80, description="Text next to the point.", examples=["(1, 4)"])
    hollow: bool = Field(False, description="An open circle (a value the curve approaches but does not take).",
                         examples=[True])
    right_angle: bool = Field(False, description="A right-angle mark at the point, between the two segments that meet "
                              "there (the corner of a right triangle).", examples=[True])
    color: Colour | None = Field(None, description="Dot colour (default: the theme's point colour): one class of the "
                                 "data in red, the other in green.", examples=["red"])


class PlotSegment(_Model):
    start: Range = Field(min_length=2, max_length=2, description="[x, y] where the segment starts.", examples=[[1, 1]])
    end: Range = Field(min_length=2, max_length=2, description="[x, y] where it ends.", examples=[[4, 5]])
    label: str | None = Field(None, max_length=80, description="Text beside its middle.", examples=["5"])
    color: Colour | None = Field(None, description="Segment colour (default: the theme's accent).", examples=["green"])
    style: Literal["line", "dashed", "brace", "arrow"] = Field("line", description="`line`: a straight segment; "
                                                     "`dashed`: a thin dashed one (a drop to an axis); `brace`: a "
                                                     "curly brace over that stretch on the side the curves leave free, "
                                                     "its label at the tip (a distance, a period); `arrow`: a double-headed "
                                                     "arrow (an amplitude, a height).", examples=["brace"])


class Series(_Model):
    points: list[Range] = Field(min_length=2, max_length=60, description="[x, y] data points, joined in order by "
                                "straight lines.", examples=[[[0, 999], [20, 926], [40, 288]]])
    label: str | None = Field(None, max_length=80, description="Text at its last point.", examples=["S"])
    color: Colour | None = Field(None, description="Line colour (default: the theme's label colours, then its "
                                 "palette).", examples=["blue"])
    dots: bool = Field(True, description="A dot at every data point.", examples=[False])
    joined: bool = Field(True, description="false: the dots only, not joined (data marked on the axes: the students "
                         "who passed at y = 1).", examples=[False])
    bars: bool = Field(False, description="true: a bar from the x axis up to each point (a histogram, the six bars "
                       "of a fair die's 1/6), growing from the axis, instead of a line.", examples=[True])


class PlotVisual(VisualBase):
    kind: Literal["plot"] = Field(description="Axes with curves from formulas; optional moving dot (with a running "
                                  "readout, such as a timer, in step with it), shaded area, dashed markers and labelled "
                                  "points.")
    curves: list[Curve] = Field(default_factory=list, max_length=6, description="Curves to draw, in order.",
                                examples=[[{"expr": "x", "label": "Standard attention: O(t) per step"},
                                           {"expr": "log(1 + x)", "label": "Hull attention: O(log t) per step"}]])
    x_range: Range | None = Field(None, min_length=2, max_length=2, description="[min, max] of x "
                                  "(default: from the formulas, -5..5 or 0..10).", examples=[[0, 10]])
    y_range: Range | None = Field(None, min_length=2, max_length=2, description="[min, max] of y "
                                  "(default: from the sampled values).", examples=[[-1, 4]])
    x_label: str | None = Field(None, max_length=120, description="Label under the x axis.",
                                examples=["tokens generated (t)"])
    y_label: str | None = Field(None, max_length=120, description="Label beside the y axis.",
                                examples=["work per step"])
    numbers: bool = Field(False, description="Numbers at the ticks (plain text, no LaTeX).", examples=[True])
    x_step: float | None = Field(None, gt=0, description="Distance between the x axis's ticks and numbers (default: a "
                                 "1-2-5 step that gives about five).", examples=[5])
    y_step: float | None = Field(None, gt=0, description="Distance between the y axis's ticks and numbers.",
                                 examples=[3000])
    extend: bool = Field(False, description="Add to the plot already on screen (same axes) instead of drawing "
                         "new axes; without one on screen, a new plot is drawn.", examples=[True])
    replace: bool = Field(False, description="With `extend`: the new curves take the place of the curves drawn last "
                          "(\"transform the curve into …\"), which fade out; curves drawn before them stay.",
                          examples=[True])
    move_dot: MoveDot | None = Field(None, description="A dot that moves along a curve from x0 to x1.",
                                     examples=[{"x0": 0, "x1": 1}])
    area: Area | None = Field(None, description="Shade the area under a curve between a and b.",
                              examples=[{"a": -1, "b": 1, "label": "≈ 68%"}])
    area_note: AreaNote | None = Field(None, description="With `extend`: a text for the shaded area on screen, "
                                       "written after it was drawn (\"put 'Area = ?' next to the shaded region\").",
                                       examples=[{"text": "Area = ?", "arrow": True}])
    markers: list[Marker] = Field(default_factory=list, max_length=6, description="Dashed lines at given x or y.",
                                  examples=[[{"axis": "x", "value": 0, "label": "x = 0"}]])
    points: list[PlotPoint] = Field(default_factory=list, max_length=12, description="Labelled points.",
                                    examples=[[{"x": 1, "y": 4, "label": "(1, 4)"}]])
    series: list[Series] = Field(default_factory=list, max_length=6, description="Data lines: points given as "
                                 "numbers, joined in order (a line chart).",
                                 examples=[[{"points": [[0, 1], [1, 3], [2, 2]], "label": "measured"}]])
    segments: list[PlotSegment] = Field(default_factory=list, max_length=16,
                                        description="Straight segments between points of the plane, optionally labelled.",
                                        examples=[[{"start": [1, 1], "end": [4, 5], "label": "d = 5"}]])


    @model_validator(mode="after")
    def _steps(self):
        for name, step, rng in (("x_step", self.x_step, self.x_range), ("y_step", self.y_step, self.y_range)):
            if step is not None and rng is not None and abs(rng[1] - rng[0]) / step > MAX_TICKS:
                raise ValueError(f"`{name}` {step:g} puts more than {MAX_TICKS} ticks on [{rng[0]:g}, {rng[1]:g}]: a larger step")
        return self


MAX_TICKS = 40
STRINGS = ("x_label", "y_label", "curves", "points", "markers", "move_dot", "area", "area_note", "segments", "series")  # parameters whose text is drawn


def pi_step(lo: float, hi: float) -> float | None:
    """The tick step of an axis whose ends are multiples of π/2 ("x from -2π to 2π"): π/2, π or 2π; else None."""
    half = math.pi / 2
    if not hi > lo or any(abs(v / half - round(v / half)) > 1e-3 for v in (lo, hi)):
        return None
    if all(abs(v - round(v)) < 1e-9 for v in (lo, hi)):
        return None  # 0 to 0: integers are not multiples of π
    span = (hi - lo) / math.pi
    return half if span <= 2 else (math.pi if span <= 8 else 2 * math.pi)


def pi_label(v: float) -> str:
    """A multiple of π/2 written as it reads: "π", "-2π", "π/2", "3π/2"."""
    k = round(v / (math.pi / 2))
    if k % 2 == 0:
        n = k // 2
        return {1: "π", -1: "-π"}.get(n, f"{n}π")
    return {1: "π/2", -1: "-π/2"}.get(k, f"{k}π/2")


def pi_ticks(lo: float, hi: float) -> list[str]:
    step = pi_step(lo, hi)
    if step is None:
        return []
    first, last = math.ceil(lo / step - 1e-3), math.floor(hi / step + 1e-3)
    return [pi_label(k * step) for k in range(first, last + 1) if k != 0]


def readout_text(r: dict, v: float) -> str:
    """A running readout at value `v`, written as the storyboard writes it: "t = 2.02 s"."""
    d = int(r.get("decimals") or 0)
    return f"{r['name']} = {v:.{d}f}" + (f" {r['unit']}" if r.get("unit") else "")


def drawn(params: dict) -> list[str]:
    from . import generic_strings

    out = generic_strings(STRINGS, params)
    r = (params.get("move_dot") or {}).get("readout")
    if r:
        out += [readout_text(r, float(r["start"])), readout_text(r, float(r["end"]))]
    if params.get("numbers") and params.get("x_range"):
        out += pi_ticks(float(params["x_range"][0]), float(params["x_range"][1]))  # "-2π", "-π", "π", "2π"
    return out
MODEL = PlotVisual
