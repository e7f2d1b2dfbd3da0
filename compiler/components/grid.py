"""grid: numbered (or labelled) cells in rows, some highlighted — e.g. cards 1 to 30 placed into a bag."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..fields import _whole_number
from .base import VisualBase

KIND = "grid"
RUNTIME = "grid"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class GridVisual(VisualBase):
    kind: Literal["grid"] = Field(description="Cells (cards, tiles, pixels) in rows: numbered, labelled or plain, some highlighted.")
    count: int | None = Field(None, ge=1, le=100, description="Number of numbered cells (when `labels` is not given).",
                              examples=[30])
    start: int = Field(1, ge=-999, le=9999, description="Number on the first cell.", examples=[1])
    labels: list[str] | None = Field(None, min_length=1, max_length=100,
                                     description="Cell labels instead of numbers.", examples=[["A", "B", "C"]])
    columns: int | None = Field(None, ge=1, le=12, description="Cells per row (default: chosen to fit).",
                                examples=[10])
    highlight: list[str] | None = Field(None, max_length=100, description="Labels (or numbers, as text) of the "
                                        "cells to highlight.", examples=[["2", "4", "6"]])
    crossed: list[str] | None = Field(None, max_length=100, description="Labels (or numbers, as text) of the cells "
                                      "struck out — a line across, the cell dimmed (a sieve's removed numbers).",
                                      examples=[["4", "6", "8"]])
    caption: str | None = Field(None, description="Caption under the grid.", examples=["15 of 30 cards are even"])
    container: Literal["bag"] | None = Field(None, description="Draw the cells going into a container.",
                                             examples=["bag"])
    numbered: bool = Field(True, description="false: plain cells without their numbers (pixels, people, seats — a "
                           "grid that stands for a crowd); they are still named by number for `highlight`.",
                           examples=[False])

    @field_validator("count", "start", "columns", mode="before")
    @classmethod
    def _whole(cls, v: object) -> object:
        return _whole_number(v)

    @model_validator(mode="after")
    def _some_cells(self):
        if self.count is None and not self.labels:
            raise ValueError("give `count` (numbered cells) or `labels`")
        return self


STRINGS = ("labels", "caption")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The cells' labels, or their numbers (`start`, `start` + 1 …, at most 100 cells; none when not `numbered`), and
    the caption."""
    labels = params.get("labels")
    start, count = params.get("start", 1), min(params.get("count") or 1, 100)
    cells = [str(x) for x in labels] if labels else [str(start + k) for k in range(count)]
    if not labels and params.get("numbered") is False:
        cells = []
    return cells + ([params["caption"]] if params.get("caption") else [])
MODEL = GridVisual
