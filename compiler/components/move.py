"""move: move an element on screen to a side of the frame (or back to the centre)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import VisualBase

KIND = "move"
RUNTIME = "move"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class MoveVisual(VisualBase):
    kind: Literal["move"] = Field(description="Move an element on screen: left/right (shrunk to half the width "
                                  "if needed), up/down (first/last in the stack), or center.")
    target: str | None = Field(None, description="Text of the element to move (default: the last one).",
                               examples=["x = 2"])
    to: Literal["left", "right", "up", "down", "center"] = Field(description="Where to.", examples=["left"])


STRINGS = ()  # parameters whose text is drawn
MODEL = MoveVisual
