"""highlight: surround and indicate something already on screen — or fill or dim part of it, for good."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .base import VisualBase

KIND = 'highlight'
RUNTIME = 'highlight'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class HighlightVisual(VisualBase):
    kind: Literal["highlight"] = Field(description="Surround and indicate something already on screen — or fill or dim "
                                       "some of its items for good (cells of a row coloured or greyed out).")
    target: str | None = Field(None, description="Text of the element to highlight (default: the last one).",
                               examples=["Encoder"])
    part: str | None = Field(None, description="A piece of the target formula to mark instead of all of it, as "
                             "written (\"0/0\", \"1/6\").", examples=["0/0"])
    color: str | None = Field(None, description="Colour of the mark (default: the theme's highlight colour).",
                              examples=["red"])
    row: int | None = Field(None, ge=1, le=50, description="A row (from 1) of the table or matrix `target` names "
                            "to mark instead of all of it.", examples=[3])
    column: int | None = Field(None, ge=1, le=50, description="A column (from 1) of the table or matrix.",
                               examples=[2])
    item: int | None = Field(None, ge=1, le=200, description="One item (from 1) of the component `target` names: "
                             "a card, token, list item, bar, grid cell or derivation line.", examples=[3])
    items: Annotated[list[Annotated[int, Field(ge=1, le=200)]], Field(min_length=2, max_length=2)] | None = Field(
        None, description="[first, last] (from 1): a range of the items of the component `target` names (the cells "
        "of a sequence or grid, list items, bars, derivation lines).", examples=[[1, 5]])
    mode: Literal["surround", "pulse", "box", "fill", "dim"] = Field(
        "surround", description="Surround the target for a moment, send pulses along the diagram on screen, box it "
        "(the box stays), fill it with the colour (a cell coloured green; it stays) or dim it (greyed out: "
        "discarded cells; it stays).", examples=["pulse"])

    @model_validator(mode="after")
    def _one_place(self):
        if self.items is not None and self.items[0] > self.items[1]:
            raise PydanticCustomError("highlight", f"`items` is [first, last], not [{self.items[0]}, {self.items[1]}]")
        if self.items is not None and self.item is not None:
            raise PydanticCustomError("highlight", "give `item` (one) or `items` (a range), not both")
        return self


STRINGS = ()  # parameters whose text is drawn
MODEL = HighlightVisual
