"""icon: small icons drawn from primitives, each with an optional label."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import VisualBase

KIND = "icon"
RUNTIME = "icon"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
ICON_NAMES = ("clock", "bag", "document", "person", "lightbulb", "gear", "check", "cross", "database", "chip", "computer",
              "server")


class IconVisual(VisualBase):
    kind: Literal["icon"] = Field(description="A row of icons with labels.")
    icons: list[Literal[ICON_NAMES]] = Field(min_length=1, max_length=6,  # type: ignore[valid-type]
                                             description="Icons: " + ", ".join(ICON_NAMES) + ".",
                                             examples=[["clock", "database"]])
    labels: list[str] | None = Field(None, description="A label under each icon.", examples=[["Slow", "Storage"]])


STRINGS = ("labels",)  # parameters whose text is drawn
MODEL = IconVisual
