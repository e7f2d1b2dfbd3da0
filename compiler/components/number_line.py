"""number_line: a line with ticks and numbers (integers, fractions, multiples of π), labelled points, stacked
dots (a dot plot), intervals, jumps between values, mean/median markers and a marker that moves."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Colour, _Model
from .base import VisualBase

KIND = "number_line"
RUNTIME = "number_line"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_TICKS = 40

Value = float


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("number_line", message)


class LinePoint(_Model):
    value: Value = Field(description="Where the point is.", examples=[-2])
    label: str | None = Field(None, max_length=40, description="Text above the point.", examples=["a"])
    hollow: bool = Field(False, description="An open circle (a value left out).", examples=[True])
    color: Colour | None = Field(None, description="Point colour.", examples=["gold"])


class Interval(_Model):
    start: Value = Field(description="Left end.", examples=[-1])
    end: Value = Field(description="Right end.", examples=[3])
    closed_start: bool = Field(True, description="The left end belongs to it (filled dot) or not (open dot).",
                               examples=[False])
    closed_end: bool = Field(True, description="The right end belongs to it.", examples=[False])
    label: str | None = Field(None, max_length=40, description="Text under the interval.", examples=["x ≥ -1"])
    color: Colour | None = Field(None, description="Interval colour.", examples=["green"])


class Jump(_Model):
    start: Value = Field(description="Where the jump starts.", examples=[0])
    end: Value = Field(description="Where it lands.", examples=[3])
    label: str | None = Field(None, max_length=24, description="Text over the arc (`+3`).", examples=["+3"])


class Marker(_Model):
    value: Value = Field(description="Where the marker is.", examples=[2.5])
    label: str | None = Field(None, max_length=40, description="Its name (`mean`, `median = 3`).",
                              examples=["mean = 2.5"])
    color: Colour | None = Field(None, description="Marker colour.", examples=["orange"])


class Move(_Model):
    start: Value = Field(description="Where the moving marker starts.", examples=[0])
    end: Value = Field(description="Where it stops.", examples=[4])
    label: str | None = Field(None, max_length=24, description="Text that travels with it.", examples=["x"])


class NumberLineVisual(VisualBase):
    kind: Literal["number_line"] = Field(description="A number line: ticks and numbers, points, stacked dots, "
                                         "intervals, jumps, markers, a moving marker.")
    range: list[Value] | None = Field(None, min_length=2, max_length=2, description="[min, max] (default: what "
                                      "the values need, with a margin).", examples=[[-5, 5]])
    step: float | None = Field(None, gt=0, description="Distance between ticks (default: 1-2-5 steps, at most "
                               "20 ticks).", examples=[0.5])
    numbers: Literal["plain", "fractions", "pi", "none"] = Field(
        "plain", description="Numbers under the ticks: as decimals, as fractions (1/4, 1/2), as multiples of π "
        "(the ticks then are multiples of π/2 unless `step` says), or none.", examples=["fractions"])
    tick_labels: list[Marker] = Field(default_factory=list, max_length=12, description="Text under given values "
                                      "instead of their numbers (`e` at 2.718).",
                                      examples=[[{"value": 2.718, "label": "e"}]])
    points: list[LinePoint] = Field(default_factory=list, max_length=12, description="Labelled points.",
                                    examples=[[{"value": -2, "label": "a"}]])
    dots: list[Value] = Field(default_factory=list, max_length=60, description="A dot plot: one dot per value, "
                              "repeated values stacked.", examples=[[1, 2, 2, 3, 3, 3, 4]])
    intervals: list[Interval] = Field(default_factory=list, max_length=4, description="Highlighted stretches.",
                                      examples=[[{"start": -1, "end": 3, "closed_end": False}]])
    jumps: list[Jump] = Field(default_factory=list, max_length=10, description="Arcs from one value to "
                              "another, drawn in turn.", examples=[[{"start": 0, "end": 3, "label": "+3"}]])
    markers: list[Marker] = Field(default_factory=list, max_length=4, description="Dashed vertical lines with a "
                                  "name (mean, median).", examples=[[{"value": 2.5, "label": "mean"}]])
    move: Move | None = Field(None, description="A marker that moves along the line.",
                              examples=[{"start": 0, "end": 4, "label": "x"}])
    label: str | None = Field(None, max_length=120, description="Caption under the line.",
                              examples=["Solutions of |x| < 2"])

    @field_validator("range")
    @classmethod
    def _range(cls, v):
        if v is not None and not v[0] < v[1]:
            raise _err(f"a range is [min, max] with min < max, not [{v[0]:g}, {v[1]:g}]")
        if v is not None and max(abs(v[0]), abs(v[1])) > 1e6:
            raise _err("a range stays within ±1,000,000")
        return v

    @model_validator(mode="after")
    def _ticks(self):
        if self.range is not None and self.step is not None:
            n = (self.range[1] - self.range[0]) / self.step
            if n > MAX_TICKS:
                raise _err(f"{n:.0f} ticks from `range` and `step`: at most {MAX_TICKS} (a larger step)")
        for k, i in enumerate(self.intervals):
            if not i.start < i.end:
                raise _err(f"interval {k}: start {i.start:g} must be less than end {i.end:g}")
        values = ([p.value for p in self.points] + list(self.dots) + [x for i in self.intervals for x in (i.start, i.end)]
                  + [x for j in self.jumps for x in (j.start, j.end)] + [m.value for m in self.markers])
        if self.move:
            values += [self.move.start, self.move.end]
        if any(abs(x) > 1e6 for x in values):
            raise _err("values stay within ±1,000,000")
        if self.range is not None:
            out = [x for x in values if not self.range[0] <= x <= self.range[1]]
            if out:
                raise _err(f"{out[0]:g} is outside the range [{self.range[0]:g}, {self.range[1]:g}]")
        return self


STRINGS = ("points", "intervals", "jumps", "markers", "move", "tick_labels", "label")  # parameters whose text is drawn
MODEL = NumberLineVisual
