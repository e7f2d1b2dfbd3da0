"""heatmap: a matrix of values as coloured cells (blue = low, red = high) with labels and a legend."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..fields import Colour
from .base import VisualBase

KIND = "heatmap"
RUNTIME = "heatmap"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class HeatmapVisual(VisualBase):
    kind: Literal["heatmap"] = Field(description="A matrix of values as coloured cells, with row/column labels "
                                     "and a legend bar with the minimum and maximum.")
    values: list[Annotated[list[float], Field(min_length=1, max_length=12)]] = Field(
        min_length=1, max_length=12, description="Rows of numbers (at most 12 × 12; short rows are padded).", examples=[[[0.9, 0.1], [0.3, 0.7]]])
    row_labels: list[str] | None = Field(None, max_length=12, description="A label left of each row.",
                                         examples=[["The", "cat"]])
    col_labels: list[str] | None = Field(None, max_length=12, description="A label above each column.",
                                         examples=[["The", "cat"]])
    title: str | None = Field(None, max_length=120, description="Caption above the heatmap.",
                              examples=["Attention weights"])
    show_values: bool | None = Field(None, description="Write the numbers in the cells (default: when they fit).",
                                     examples=[True])
    causal: bool = Field(False, description="Mask the cells above the diagonal (dark grey), as a decoder's "
                         "attention does.", examples=[True])
    low_color: Colour | None = Field(None, description="Colour of the smallest value (default blue).",
                                     examples=["#58C4DD"])
    high_color: Colour | None = Field(None, description="Colour of the largest value (default red).",
                                      examples=["#FC6255"])


STRINGS = ("title", "row_labels", "col_labels")  # parameters whose text is drawn
MODEL = HeatmapVisual
