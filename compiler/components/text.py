"""text: a wrapped paragraph or a short statement."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'text'
RUNTIME = 'text'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class TextVisual(VisualBase):
    kind: Literal["text"] = Field(description="A wrapped paragraph or a short statement.")
    text: NonBlank = Field(description="The text to show; wrapped to fit.", examples=["Every step is visible."])


STRINGS = ('text',)  # parameters whose text is drawn
MODEL = TextVisual
