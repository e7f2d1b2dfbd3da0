"""matrix: a bracketed matrix of numbers or symbols."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import _whole_number
from ..text import as_written
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
    op: Literal["show", "add", "times"] | None = Field(
        None, description="`show` (default): `label =` and the matrix; `add`: the matrix plus `second` equals their "
                          "sum; `times`: the matrix × `second` (a product written out, not worked out).",
        examples=["add"])
    second: list[Annotated[list[Union[float, int, str]], Field(max_length=MAX_COLUMNS)]] | None = Field(
        None, max_length=MAX_ROWS, description="The matrix added to this one (`op: add`) or multiplying it (`op: times`).",
        examples=[[[0, 1], [1, 0]]])
    highlight_row: int | None = Field(None, ge=0, description="0-based row to highlight.", examples=[0])
    highlight_col: int | None = Field(None, ge=0, description="0-based column to highlight.", examples=[1])
    factor: str | None = Field(
        None, max_length=16, description="A number written before the brackets, multiplying every entry "
                                         "(`1/9` in K = (1/9)·[[1, 1, 1], …]).", examples=["1/9"])
    replaces: bool = Field(
        False, description="A new state of the matrix on screen (a row operation's result): the newest matrix shown "
                           "morphs into this one, in place.", examples=[True])
    row_labels: list[Annotated[str, Field(max_length=40)]] | None = Field(
        None, max_length=MAX_ROWS, description="A label left of each row (\"today: Sunny\").",
        examples=[["today: Sunny", "today: Rainy"]])
    column_labels: list[Annotated[str, Field(max_length=40)]] | None = Field(
        None, max_length=MAX_COLUMNS, description="A label above each column.",
        examples=[["tomorrow: Sunny", "tomorrow: Rainy"]])
    augment: int | None = Field(
        None, ge=1, description="An augmented matrix: how many columns stand left of the vertical bar "
                                "(`[2 1 | 1 0]` has 2).", examples=[2])

    @field_validator("highlight_row", "highlight_col", mode="before")
    @classmethod
    def _highlight_whole(cls, v: object) -> object:
        return _whole_number(v)

    @model_validator(mode="after")
    def _bar_inside(self):
        if self.row_labels is not None and len(self.row_labels) != len(self.values):
            raise PydanticCustomError("matrix", "{n} `row_labels` for {rows} rows: give one a row",
                                      {"n": len(self.row_labels), "rows": len(self.values)})
        if self.column_labels is not None and any(len(self.column_labels) != len(r) for r in self.values):
            raise PydanticCustomError("matrix", "{n} `column_labels` for rows of {cols}: give one a column",
                                      {"n": len(self.column_labels), "cols": len(self.values[0])})
        if self.augment is not None and not all(self.augment < len(row) for row in self.values):
            raise PydanticCustomError("matrix", "`augment` {augment} leaves no column right of the bar: every row "
                                      "needs more than {augment} entries", {"augment": self.augment})
        return self


STRINGS = ('label', 'factor', 'values', 'row_labels', 'column_labels')  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The name, the entries and, for a named vector (one row or one column), how it reads: `v = [3, 2]`."""
    values = params.get("values") or []
    cells = [as_written(v) for row in values for v in row]
    out = ([params["label"]] if params.get("label") else []) + ([params["factor"]] if params.get("factor") else []) + cells
    out += [str(x) for x in (params.get("row_labels") or []) + (params.get("column_labels") or [])]
    if params.get("op") == "times":
        out += ["×"] + [as_written(v) for row in params.get("second") or [] for v in row]
    if params.get("label") and params.get("op", "show") == "show" and (len(values) == 1 or all(len(r) == 1 for r in values)):
        out.append(f"{params['label']} = [{', '.join(cells)}]")
    return out
MODEL = MatrixVisual
