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
    mode: Literal["surround", "pulse", "box"] = Field("surround", description="Surround the target for a moment, "
                                                      "send pulses along the diagram on screen, or box it (the box "
                                                      "stays).", examples=["pulse"])


STRINGS = ()  # parameters whose text is drawn
MODEL = HighlightVisual
