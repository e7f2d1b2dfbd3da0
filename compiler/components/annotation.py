"""annotation: a brace, a labelled arrow, a box or an underline on part of what is on screen — a side of a
figure, a node, a term of a formula, a row of a matrix or table, a range of cells of a sequence."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .base import VisualBase

KIND = "annotation"
RUNTIME = "annotation"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_TARGETS = 4

Target = Annotated[str, Field(min_length=1, max_length=80)]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("annotation", message)


class AnnotationVisual(VisualBase):
    kind: Literal["annotation"] = Field(description="A brace, a labelled arrow, a box or an underline on part of "
                                        "what is on screen (found by the text it shows, like `highlight`).")
    style: Literal["arrow", "brace", "box", "underline", "link"] = Field(
        "arrow", description="`arrow`: the label with an arrow pointing at the target; `brace`: a brace along the "
        "target, the label beyond it; `box`: a box around it, the label beside; `underline`: a line under it; "
        "`link`: a curved arrow from the first of two targets to the second, the label at its middle.",
        examples=["brace"])
    target: Union[Target, Annotated[list[Target], Field(min_length=1, max_length=MAX_TARGETS)]] | None = Field(
        None, description="What it points at, by the text it shows or its name: a label or node (`Encoder`), a "
        "part of a figure (`hypotenuse`, `c`, `AB`, `θ`), a piece of a formula or sentence (`b²`, `denominator`, "
        "`numerator`); several targets: one arrow to each (one brace or box around them all). Default, or when "
        "not found: the last thing drawn.", examples=["hypotenuse", ["a", "b"]])
    label: str | None = Field(None, max_length=80, description="The text of the annotation.",
                              examples=["normaliser"])
    side: Literal["down", "up", "left", "right"] | None = Field(
        None, description="Which side of the target the brace (or the label) goes (default: below, or where there "
        "is room).", examples=["up"])
    row: int | None = Field(None, ge=1, le=50, description="A row (from 1) of the matrix or table that `target` "
                            "names (or the last one).", examples=[2])
    column: int | None = Field(None, ge=1, le=50, description="A column (from 1) of the matrix or table.",
                               examples=[1])
    items: Annotated[list[Annotated[int, Field(ge=1, le=200)]], Field(min_length=2, max_length=2)] | None = Field(
        None, description="[first, last] (from 1): a range of the cells of a sequence or grid, the lines of a "
        "derivation or the items of a list.", examples=[[2, 4]])
    replaces: str | None = Field(
        None, max_length=80, description="The label of an annotation on screen that this one takes the place of: it "
        "moves there (a pointer `low` moved to another cell).", examples=["low"])
    keep: bool = Field(True, description="It stays on screen (moving with what it marks); false: it fades after a "
                       "moment.", examples=[False])

    @field_validator("label")
    @classmethod
    def _label(cls, v: str | None) -> str | None:
        if v is not None and not v.strip():
            raise _err("an empty `label`: leave it out for a brace, box or underline without text")
        return v

    @model_validator(mode="after")
    def _sensible(self):
        if self.style == "arrow" and not self.label:
            raise _err("an arrow annotation needs its `label` (the text the arrow comes from)")
        if self.style == "link" and not (isinstance(self.target, list) and len(self.target) == 2):
            raise _err("a link joins two things: give `target` as a list of two (from, to)")
        if self.items is not None and self.items[0] > self.items[1]:
            raise _err(f"`items` is [first, last], not [{self.items[0]}, {self.items[1]}]")
        if self.items is not None and (self.row is not None or self.column is not None):
            raise _err("give `items` (a range of cells) or `row`/`column`, not both")
        return self


STRINGS = ("label",)  # parameters whose text is drawn
MODEL = AnnotationVisual
