"""vector_plane: a coordinate grid with labelled vectors; 2×2 matrices applied in turn as animated linear
transformations of the grid and every vector on it; eigen-lines that stay on their span; the unit square
and its area (the determinant)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Colour, _Model
from .base import VisualBase

KIND = "vector_plane"
RUNTIME = "vector_plane"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_VECTORS = 8
MAX_MATRICES = 3
MAX_SHAPES = 4
MAX_SPAN = 24  # grid units across, either way: more is not legible

Coordinate = Annotated[float, Field(ge=-100, le=100)]
Row = Annotated[list[Annotated[float, Field(ge=-20, le=20)]], Field(min_length=2, max_length=2)]


class PlaneVector(_Model):
    x: Coordinate = Field(description="x of the vector's tip (it starts at the origin).", examples=[2])
    y: Coordinate = Field(description="y of the vector's tip.", examples=[1])
    label: str | None = Field(None, max_length=20, description="Text at the tip.", examples=["v"])
    color: Colour | None = Field(None, description="Arrow colour (default: gold, then the palette).",
                                 examples=["yellow"])


class PlaneMatrix(_Model):
    values: list[Row] = Field(min_length=2, max_length=2, description="The 2×2 matrix, as two rows: its columns "
                              "are where î and ĵ land.", examples=[[[2, 1], [1, 2]]])
    label: str | None = Field(None, max_length=12, description="Its name, shown beside it (default A, B, C).",
                              examples=["A"])


class PlaneShape(_Model):
    type: Literal["polygon", "circle"] = Field("polygon", description="A polygon by its corners, or a circle (an "
                                               "ellipse once a matrix moves it).", examples=["circle"])
    vertices: list[Annotated[list[Coordinate], Field(min_length=2, max_length=2)]] | None = Field(
        None, min_length=3, max_length=12, description="`polygon`: its corners [x, y], in order.",
        examples=[[[0, 0], [1, 0], [1, 1], [0, 1]]])
    center: Annotated[list[Coordinate], Field(min_length=2, max_length=2)] | None = Field(
        None, description="`circle`: its centre [x, y].", examples=[[-1, 1]])
    radius: float | None = Field(None, gt=0, le=20, description="`circle`: its radius.", examples=[0.5])
    label: str | None = Field(None, max_length=40, description="Text inside or beside it.", examples=["area = 1"])
    label_after: str | None = Field(None, max_length=40, description="Its text once the matrices have moved it "
                                    "(the area it has then).", examples=["area = 5"])
    color: Colour | None = Field(None, description="Fill and outline colour (default: the palette).",
                                 examples=["yellow"])
    filled: bool = Field(True, description="A light fill in its colour (else only the outline: a unit circle).",
                         examples=[False])

    @model_validator(mode="after")
    def _shape(self):
        if self.type == "polygon" and not self.vertices:
            raise PydanticCustomError("vector_plane", "a polygon needs its `vertices`")
        if self.type == "circle" and (self.center is None or self.radius is None):
            raise PydanticCustomError("vector_plane", "a circle needs its `center` and `radius`")
        return self


class PlanePoint(_Model):
    x: Coordinate = Field(description="x of the point.", examples=[2])
    y: Coordinate = Field(description="y of the point.", examples=[1])
    label: str | None = Field(None, max_length=24, description="Text beside it.", examples=["P"])
    color: Colour | None = Field(None, description="Dot colour (default: the text colour).", examples=["green"])


class PlaneSegment(_Model):
    start: Annotated[list[Coordinate], Field(min_length=2, max_length=2)] = Field(
        description="[x, y] where it starts.", examples=[[1, 3]])
    end: Annotated[list[Coordinate], Field(min_length=2, max_length=2)] = Field(
        description="[x, y] where it ends.", examples=[[2, 1]])
    label: str | None = Field(None, max_length=24, description="Text beside its middle.", examples=["span of b"])
    dashed: bool = Field(True, description="Dashed (a construction line); false: solid.", examples=[False])
    color: Colour | None = Field(None, description="Its colour (default: grey).", examples=["white"])
    arrow: bool = Field(False, description="An arrow head at its end: a vector drawn from a point other than the "
                        "origin (\"a red arrow from (3, 0) to (3, 4)\").", examples=[True])
    fixed: bool = Field(False, description="Stays where it is while the matrices move the grid: a line of the plane "
                        "before the transformation, such as a vector's span, that the moved vector is measured "
                        "against (knocked off its span, or still on it).", examples=[True])


class VectorPlaneVisual(VisualBase):
    kind: Literal["vector_plane"] = Field(description="A coordinate grid with labelled vectors; 2×2 `matrices` "
                                          "transform the grid and every vector on it, in turn.")
    vectors: list[PlaneVector] = Field(default_factory=list, max_length=MAX_VECTORS,
                                       description="Vectors from the origin.",
                                       examples=[[{"x": 2, "y": 1, "label": "v"}]])
    basis: bool = Field(False, description="Draw the basis vectors î (green) and ĵ (red).", examples=[True])
    matrices: list[PlaneMatrix] = Field(default_factory=list, max_length=MAX_MATRICES,
                                        description="Transformations applied one after another (a composition), "
                                        "each shown beside the grid.", examples=[[{"values": [[2, 1], [1, 2]],
                                                                                  "label": "A"}]])
    eigen: bool = Field(False, description="Dashed lines along the real eigenvectors of the first matrix, with "
                        "their eigenvalues: vectors on them stay on their span.", examples=[True])
    unit_square: bool = Field(False, description="Shade the unit square; after each matrix its area is the "
                              "determinant.", examples=[True])
    shapes: list[PlaneShape] = Field(default_factory=list, max_length=MAX_SHAPES, description="Polygons and circles "
                                     "on the grid: each matrix moves them with it (a square becomes a parallelogram, "
                                     "a circle an ellipse).", examples=[[{"vertices": [[0, 0], [1, 0], [1, 1], [0, 1]],
                                                                         "label": "area = 1",
                                                                         "label_after": "area = 5"}]])
    points: list[PlanePoint] = Field(default_factory=list, max_length=MAX_SHAPES * 2, description="Dots on the grid "
                                     "(the foot of a projection); each matrix moves them with it.",
                                     examples=[[{"x": 2, "y": 1, "label": "P"}]])
    segments: list[PlaneSegment] = Field(default_factory=list, max_length=MAX_SHAPES * 2, description="Straight "
                                         "segments on the grid, dashed by default (a span line, a perpendicular drop); "
                                         "each matrix moves them with it.",
                                         examples=[[{"start": [-2, -1], "end": [6, 3], "label": "span of b"}]])
    x_range: list[float] | None = Field(None, min_length=2, max_length=2, description="[min, max] of x (default: "
                                        "enough for every vector before and after the matrices).",
                                        examples=[[-5, 5]])
    y_range: list[float] | None = Field(None, min_length=2, max_length=2, description="[min, max] of y.",
                                        examples=[[-3, 3]])
    x_label: str | None = Field(None, max_length=20, description="Name of the horizontal axis, at its right end.",
                                examples=["Re"])
    y_label: str | None = Field(None, max_length=20, description="Name of the vertical axis, at its top.",
                                examples=["Im"])
    extend: bool = Field(False, description="Apply `matrices` (and add `vectors`) to the grid on screen; without "
                         "one on screen, a new grid is drawn.", examples=[True])

    @field_validator("x_range", "y_range")
    @classmethod
    def _range(cls, v: list[float] | None) -> list[float] | None:
        if v is None:
            return v
        lo, hi = v
        if not lo < hi:
            raise PydanticCustomError("vector_plane", f"a range is [min, max] with min < max, not [{lo:g}, {hi:g}]")
        if hi - lo > MAX_SPAN or max(abs(lo), abs(hi)) > 50:
            raise PydanticCustomError("vector_plane", f"a range spans at most {MAX_SPAN} units within ±50, "
                                      f"not [{lo:g}, {hi:g}]")
        return v

    @model_validator(mode="after")
    def _something(self):
        if not (self.vectors or self.basis or self.matrices or self.unit_square or self.eigen or self.shapes
                or self.points or self.segments or self.x_range or self.extend):
            raise PydanticCustomError("vector_plane", "an empty grid: give `vectors`, `basis`, `matrices` or "
                                      "`unit_square`")
        if self.eigen and not self.matrices:
            raise PydanticCustomError("vector_plane", "`eigen` needs a matrix in `matrices` (its eigenvectors)")
        return self


STRINGS = ("vectors", "matrices", "shapes", "points", "segments", "x_label", "y_label")  # parameters whose text is drawn


def matrix_label(k: int, m: dict) -> str:
    return m.get("label") or "ABC"[k % 3]


def drawn(params: dict) -> list[str]:
    out: list[str] = [params[k] for k in ("x_label", "y_label") if params.get(k)]
    if params.get("basis"):
        out += ["î", "ĵ"]
    out += [v["label"] for v in params.get("vectors") or [] if v.get("label")]
    out += [x[k] for x in params.get("shapes") or [] for k in ("label", "label_after") if x.get(k)]
    out += [x["label"] for key in ("points", "segments") for x in params.get(key) or [] if x.get("label")]
    for k, m in enumerate(params.get("matrices") or []):
        out.append(matrix_label(k, m))
        out += [_fmt(x) for row in m["values"] for x in row]
    return out


def _fmt(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") if isinstance(v, float) and not v.is_integer() else str(int(v))


MODEL = VectorPlaneVisual
