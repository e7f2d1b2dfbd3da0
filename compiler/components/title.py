"""title: a heading with an optional subtitle."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'title'
RUNTIME = 'title'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class TitleVisual(VisualBase):
    kind: Literal["title"] = Field(description="A heading with an optional subtitle.")
    text: NonBlank = Field(description="Title text.", examples=["Can LLMs Be Computers?"])
    subtitle: str | None = Field(None, description="Smaller line under the title.", examples=["Executing programs"])


STRINGS = ('text', 'subtitle')  # parameters whose text is drawn
MODEL = TitleVisual
