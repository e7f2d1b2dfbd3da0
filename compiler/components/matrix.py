"""matrix: a bracketed matrix of numbers or symbols."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator

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

    @field_validator("highlight_row", "highlight_col", mode="before")
    @classmethod
    def _highlight_whole(cls, v: object) -> object:
        return _whole_number(v)


STRINGS = ('label', 'values')  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The name, the entries and, for a named vector (one row or one column), how it reads: `v = [3, 2]`."""
    values = params.get("values") or []
    cells = [as_written(v) for row in values for v in row]
    out = ([params["label"]] if params.get("label") else []) + cells
    if params.get("op") == "times":
        out += ["×"] + [as_written(v) for row in params.get("second") or [] for v in row]
    if params.get("label") and params.get("op", "show") == "show" and (len(values) == 1 or all(len(r) == 1 for r in values)):
        out.append(f"{params['label']} = [{', '.join(cells)}]")
    return out
MODEL = MatrixVisual
