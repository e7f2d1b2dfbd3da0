"""table: a header and rows of text or numbers, with grid lines and an optional highlight."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, field_validator

from ..fields import Colour, _whole_number
from .base import VisualBase

KIND = "table"
RUNTIME = "table"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class TableVisual(VisualBase):
    kind: Literal["table"] = Field(description="A table: header, rows, grid lines, optional highlight.")
    columns: list[str] = Field(min_length=1, max_length=6, description="Column headers (the first may be \"\": the "
                               "empty corner above a column of row names).", examples=[["Model", "Params", "Year"]])
    rows: list[list[Union[str, int, float]]] = Field(min_length=1, max_length=8,
                                                     description="Rows of cells (text or numbers), one list per row.",
                                                     examples=[[["GPT-2", "1.5B", 2019], ["GPT-3", "175B", 2020]]])
    highlight_row: int | None = Field(None, ge=0, description="0-based row to highlight (header not counted).",
                                      examples=[1])
    highlight_col: int | None = Field(None, ge=0, description="0-based column to highlight.", examples=[1])
    highlight_cell: list[int] | None = Field(None, min_length=2, max_length=2,
                                             description="[row, column] of one cell to highlight (0-based).",
                                             examples=[[1, 1]])
    mark_colors: dict[Literal["✓", "✗"], Colour] | None = Field(
        None, description="Colours of the check (✓) and cross (✗) marks that end cells (default: green and red).",
        examples=[{"✗": "#FC6255"}])
    update: bool = Field(False, description="A new state of the table on screen: it changes in place "
                                            "(cells morph) instead of a second table appearing.", examples=[True])

    @field_validator("columns")
    @classmethod
    def _headers(cls, v: list[str]) -> list[str]:
        if any(not c.strip() for c in v[1:]) or (v and v[0] and not v[0].strip()):
            raise ValueError("a blank column header: only the first may be empty (the corner above the row names)")
        return v

    @field_validator("highlight_row", "highlight_col", mode="before")
    @classmethod
    def _whole(cls, v: object) -> object:
        return _whole_number(v)

    @field_validator("highlight_cell", mode="before")
    @classmethod
    def _whole_cell(cls, v: object) -> object:
        return [_whole_number(x) for x in v] if isinstance(v, list) else v


STRINGS = ("columns", "rows")  # parameters whose text is drawn
MODEL = TableVisual
