"""matrix: a bracketed matrix of numbers or symbols."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator

from ..fields import _whole_number
from .base import VisualBase

KIND = 'matrix'
RUNTIME = 'matrix'  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_ROWS = 12
MAX_COLUMNS = 16


class MatrixVisual(VisualBase):
    kind: Literal["matrix"] = Field(description="A bracketed matrix of numbers or symbols.")
    # At most 12 rows of 16 entries: a wider matrix does not fit the frame legibly, and its layout
    # time grows faster than linearly with the row length.
    values: list[Annotated[list[Union[float, int, str]], Field(max_length=MAX_COLUMNS)]] = Field(
        min_length=1, max_length=MAX_ROWS, description="Rows of entries (at most 12 rows of 16).",
        examples=[[[1, 2], [3, 4]]])
    label: str | None = Field(None, description="Name shown left of the matrix.", examples=["X"])
    highlight_row: int | None = Field(None, ge=0, description="0-based row to highlight.", examples=[0])
    highlight_col: int | None = Field(None, ge=0, description="0-based column to highlight.", examples=[1])

    @field_validator("highlight_row", "highlight_col", mode="before")
    @classmethod
    def _highlight_whole(cls, v: object) -> object:
        return _whole_number(v)


STRINGS = ('label', 'values')  # parameters whose text is drawn
MODEL = MatrixVisual
