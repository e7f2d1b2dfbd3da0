"""text: a wrapped paragraph or a short statement."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'text'
RUNTIME = 'text'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class TextVisual(VisualBase):
    kind: Literal["text"] = Field(description="A wrapped paragraph or a short statement.")
    text: NonBlank = Field(description="The text to show; wrapped to fit.", examples=["Every step is visible."])
    replaces: str | None = Field(None, description="The text of a text or formula on screen that this one takes the "
                                 "place of, in place (a counter: \"n = 1\" becomes \"n = 5\").", examples=["n = 1"])
    role: Literal["note"] | None = Field(None, description="`note`: a remark beside the main content, in the "
                                         "theme's note colour.", examples=["note"])
    align: Literal["center"] | None = Field(None, description="`center`: each line of a text of several lines "
                                           "centred under the one above (rows of a number triangle); default: as "
                                           "wrapped, left-aligned.", examples=["center"])
    tints: dict[Annotated[str, Field(max_length=60)], Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=6, description="Words of the text coloured: word as "
                                         "written -> colour (\"'bell' in yellow\").", examples=[{"bell": "yellow"}])


STRINGS = ('text',)  # parameters whose text is drawn
MODEL = TextVisual
