"""contour: the level curves of a function of two variables (a loss surface seen from above) on axes, its
lowest point, labelled points, and a gradient-descent path computed from a start, a learning rate and a
number of steps — or given as points — drawn step by step."""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Colour, _Model
from ..formula import FormulaError, descent, parse_surface
from .base import VisualBase

KIND = "contour"
RUNTIME = "contour"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_LEVELS = 15
MAX_STEPS = 60
LIMIT = 1e6

Coord = Annotated[float, Field(ge=-LIMIT, le=LIMIT)]
Point = Annotated[list[Coord], Field(min_length=2, max_length=2)]
Range = Annotated[list[Coord], Field(min_length=2, max_length=2)]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("contour", message)


class Descent(_Model):
    start: Point | None = Field(None, description="[x, y] where gradient descent starts; the path is computed "
                                "(with `rate` and `steps`).", examples=[[2.5, 2]])
    rate: float = Field(0.1, gt=0, le=10, description="Learning rate: each step moves by −rate × gradient.",
                        examples=[0.1])
    steps: int = Field(8, ge=1, le=MAX_STEPS, description="How many steps are taken.", examples=[10])
    points: list[Point] = Field(default_factory=list, max_length=MAX_STEPS + 1, description="The path's points as "
                                "given, instead of computing it from `start`.", examples=[[[2, 2], [1, 0.8]]])
    label: str | None = Field(None, max_length=40, description="Text at the start of the path.",
                              examples=["start"])
    color: Colour | None = Field(None, description="Path colour (default: the accent).", examples=["orange"])

    @model_validator(mode="after")
    def _one_way(self):
        if self.start is None and len(self.points) < 2:
            raise _err("a path needs a `start` (computed) or at least two `points`")
        if self.start is not None and self.points:
            raise _err("give `start` (the path is computed) or `points` (drawn as given), not both")
        return self


class ContourPoint(_Model):
    x: Coord = Field(description="x of the point.", examples=[1])
    y: Coord = Field(description="y of the point.", examples=[-0.5])
    label: str | None = Field(None, max_length=40, description="Text beside it.", examples=["minimum"])
    color: Colour | None = Field(None, description="Dot colour.", examples=["green"])


class ContourArrow(_Model):
    at: Point = Field(description="[x, y] where the arrow starts.", examples=[[-2, 3]])
    vector: Point = Field(description="[dx, dy]: how far it goes, in the axes' units (a gradient times a scale).",
                          examples=[[-0.8, 1.6]])
    label: str | None = Field(None, max_length=40, description="Text at its tip.", examples=["gradient"])
    color: Colour | None = Field(None, description="Arrow colour (default: red).", examples=["green"])


class ContourVisual(VisualBase):
    kind: Literal["contour"] = Field(description="A contour plot: level curves of f(x, y) on axes, its minimum, "
                                     "points, and a gradient-descent path drawn step by step.")
    expr: str | None = Field(None, max_length=300, description="The function of two variables (`x^2 + 3y^2`, "
                             "`f(x, y) = (x - 1)^2 + (y + 2)^2`, `L(w1, w2) = …`: the left side names the axes' "
                             "variables).", examples=["f(x, y) = x^2 + 3y^2"])
    x_range: Range | None = Field(None, description="[min, max] of the horizontal variable (default: [-3, 3], "
                                  "widened to hold the path).", examples=[[-3, 3]])
    y_range: Range | None = Field(None, description="[min, max] of the vertical variable (default: like x).",
                                  examples=[[-2, 2]])
    levels: int | list[float] = Field(8, description="How many level curves (3 to 15, evenly spread over the "
                                      "values in view), or the values to draw them at.", examples=[8, [1, 2, 4, 8]])
    level_labels: bool = Field(False, description="Write each level's value on its curve.", examples=[True])
    x_label: str | None = Field(None, max_length=40, description="Label of the horizontal axis (default: its "
                                "variable).", examples=["w1"])
    y_label: str | None = Field(None, max_length=40, description="Label of the vertical axis.", examples=["w2"])
    label: str | None = Field(None, max_length=80, description="Text above the plot (default: none).",
                              examples=["L(w₁, w₂)"])
    minimum: bool | str = Field(False, description="Mark the lowest point in view with a star (a text: its "
                                "label).", examples=["minimum"])
    points: list[ContourPoint] = Field(default_factory=list, max_length=8, description="Labelled points.",
                                       examples=[[{"x": 0, "y": 0, "label": "minimum"}]])
    arrows: list[ContourArrow] = Field(default_factory=list, max_length=6, description="Arrows from points "
                                       "(a gradient, its opposite).",
                                       examples=[[{"at": [-2, 3], "vector": [-0.8, 1.6], "label": "gradient"}]])
    path: Descent | None = Field(None, description="A gradient-descent path, drawn one step at a time.",
                                 examples=[{"start": [2.5, 2], "rate": 0.1, "steps": 10}])
    extend: bool = Field(False, description="Add `points`, `arrows` and `path` to the contour plot on screen instead of "
                         "drawing a new one.", examples=[True])

    @field_validator("levels")
    @classmethod
    def _levels(cls, v):
        if isinstance(v, int) and not 3 <= v <= MAX_LEVELS:
            raise _err(f"`levels` is a count from 3 to {MAX_LEVELS}, or a list of values")
        if isinstance(v, list):
            if not 1 <= len(v) <= MAX_LEVELS or not all(math.isfinite(x) and abs(x) <= 1e12 for x in v):
                raise _err(f"`levels` lists 1 to {MAX_LEVELS} finite values")
        return v

    @model_validator(mode="after")
    def _drawable(self):
        for name in ("x_range", "y_range"):
            r = getattr(self, name)
            if r is not None and not r[0] < r[1]:
                raise _err(f"`{name}` must be [min, max] with min < max")
        if self.expr is None:
            if not self.extend:
                raise _err("a contour plot needs its function `expr` (f(x, y))")
            if self.path is not None and self.path.start is not None:
                raise _err("a computed path needs `expr`: give it, or the path's `points`")
            return self
        try:
            f = parse_surface(self.expr)
        except FormulaError as e:
            raise _err(f"`expr` cannot be read: {e}") from None
        if self.path is not None and self.path.start is not None:
            pts = descent(f, tuple(self.path.start), self.path.rate, self.path.steps)
            far = max(max(abs(p[0]), abs(p[1])) for p in pts)
            if len(pts) < 2 or far > LIMIT:
                raise _err(f"the descent from {self.path.start} runs away (learning rate {self.path.rate:g} is "
                           "too large for this function): a smaller `rate`")
        return self


def path_points(params: dict) -> list[tuple[float, float]]:
    """The points of the beat's path: as given, or computed by gradient descent on `expr`."""
    p = params.get("path") or {}
    if p.get("points"):
        return [(float(a), float(b)) for a, b in p["points"]]
    if p.get("start") is not None and params.get("expr"):
        return descent(parse_surface(params["expr"]), tuple(p["start"]), float(p.get("rate", 0.1)),
                       int(p.get("steps", 8)))
    return []


def drawn(params: dict) -> list[str]:
    out = [params[k] for k in ("label", "x_label", "y_label") if params.get(k)]
    if isinstance(params.get("minimum"), str) and params["minimum"]:
        out.append(params["minimum"])
    out += [p["label"] for p in params.get("points") or [] if p.get("label")]
    out += [a["label"] for a in params.get("arrows") or [] if a.get("label")]
    if (params.get("path") or {}).get("label"):
        out.append(params["path"]["label"])
    return out


STRINGS = ("label", "x_label", "y_label", "minimum", "points", "arrows", "path")
MODEL = ContourVisual
