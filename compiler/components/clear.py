"""clear: fade everything out."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import VisualBase

KIND = 'clear'
RUNTIME = None  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class ClearVisual(VisualBase):
    kind: Literal["clear"] = Field(description="Fade everything out.")


STRINGS = ()  # parameters whose text is drawn
MODEL = ClearVisual
