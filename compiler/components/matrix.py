"""matrix: a bracketed matrix of numbers or symbols."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, field_validator

from ..fields import _whole_number
from .base import VisualBase

KIND = 'matrix'
RUNTIME = 'matrix'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class MatrixVisual(VisualBase):
    kind: Literal["matrix"] = Field(description="A bracketed matrix of numbers or symbols.")
    values: list[list[Union[float, int, str]]] = Field(min_length=1, max_length=12,
                                                       description="Rows of entries.", examples=[[[1, 2], [3, 4]]])
    label: str | None = Field(None, description="Name shown left of the matrix.", examples=["X"])
    highlight_row: int | None = Field(None, ge=0, description="0-based row to highlight.", examples=[0])
    highlight_col: int | None = Field(None, ge=0, description="0-based column to highlight.", examples=[1])

    @field_validator("highlight_row", "highlight_col", mode="before")
    @classmethod
    def _highlight_whole(cls, v: object) -> object:
        return _whole_number(v)


STRINGS = ('label', 'values')  # parameters whose text is drawn
MODEL = MatrixVisual
