"""highlight: surround and indicate something already on screen."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import VisualBase

KIND = 'highlight'
RUNTIME = 'highlight'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class HighlightVisual(VisualBase):
    kind: Literal["highlight"] = Field(description="Surround and indicate something already on screen.")
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
    mode: Literal["surround", "pulse", "box"] = Field("surround", description="Surround the target for a moment, "
                                                      "send pulses along the diagram on screen, or box it (the box "
                                                      "stays).", examples=["pulse"])


STRINGS = ()  # parameters whose text is drawn
MODEL = HighlightVisual
