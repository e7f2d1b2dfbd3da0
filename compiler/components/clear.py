"""clear: fade everything out, or only the figures of some kinds ("Fade out the plane")."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import VisualBase

KIND = 'clear'
RUNTIME = None  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class ClearVisual(VisualBase):
    kind: Literal["clear"] = Field(description="Fade everything out (or only the figures of `kinds`).")
    kinds: list[Annotated[str, Field(min_length=1, max_length=24)]] = Field(
        default_factory=list, max_length=6, description="Fade out only the figures of these kinds on screen "
        "(`vector_plane`, `plot`, `graph`…); the title and the rest stay. Default: everything.",
        examples=[["vector_plane"]])


STRINGS = ()  # parameters whose text is drawn
MODEL = ClearVisual
