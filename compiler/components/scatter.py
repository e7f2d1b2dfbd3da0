"""scatter: points in a faint grid; optional least-squares line, convex hull and query point."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..fields import _whole_number
from .base import VisualBase

# coordinates a chart can lay out (wider values overflow the fitted line and the axes: a clear error instead)
Coordinate = Annotated[float, Field(ge=-1e12, le=1e12)]

KIND = "scatter"
RUNTIME = "scatter"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class ScatterVisual(VisualBase):
    kind: Literal["scatter"] = Field(description="Points in a faint grid; optional fitted line, convex hull and "
                                     "query point.")
    points: list[Annotated[list[Coordinate], Field(min_length=2, max_length=2)]] | None = Field(
        None, min_length=1, max_length=200, description="[x, y] pairs.",
                                             examples=[[[0.5, 1.2], [1.5, 2.1], [2.5, 2.9]]])
    count: int | None = Field(None, ge=1, le=200, description="Without `points`: this many random points "
                              "(deterministic: the same `seed` gives the same points). Default 20.", examples=[20])
    seed: int = Field(0, ge=0, le=2**31, description="Seed of the random points.", examples=[7])
    label: str | None = Field(None, max_length=80, description="Legend entry for the points.",
                              examples=["Keys (past tokens)"])
    fit_line: bool = Field(False, description="Draw the least-squares line through the points.", examples=[True])
    fit_label: str | None = Field(None, max_length=80, description="Legend entry for the line "
                                  "(default \"least-squares fit\").", examples=["trend"])
    hull: bool = Field(False, description="Draw the convex hull of the points (gold, low fill).", examples=[True])
    hull_label: str | None = Field(None, max_length=80, description="Legend entry for the hull "
                                   "(default \"convex hull\").", examples=["Convex hull"])
    query: list[Coordinate] | None = Field(None, min_length=2, max_length=2, description="[x, y] of a red query point.",
                                      examples=[[2.2, 1.8]])
    query_label: str | None = Field(None, max_length=80, description="Legend entry for the query point "
                                    "(default \"query\").", examples=["query"])
    x_label: str | None = Field(None, max_length=120, description="Label under the x axis.", examples=["x"])
    y_label: str | None = Field(None, max_length=120, description="Label beside the y axis.", examples=["y"])

    @field_validator("count", "seed", mode="before")
    @classmethod
    def _whole(cls, v: object) -> object:
        return _whole_number(v)


STRINGS = ("label", "fit_label", "hull_label", "query_label", "x_label", "y_label")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The labels; the fitted line, the hull and the query point carry their default names when not named."""
    out = [params.get("label"), params.get("x_label"), params.get("y_label")]
    if params.get("fit_line"):
        out.append(params.get("fit_label") or "least-squares fit")
    if params.get("hull"):
        out.append(params.get("hull_label") or "convex hull")
    if params.get("query") is not None:
        out.append(params.get("query_label") or "query")
    return [x for x in out if x]
MODEL = ScatterVisual
