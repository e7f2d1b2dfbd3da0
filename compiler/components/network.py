"""network: layers of nodes joined by edges; activation can flow through (a `highlight` with mode pulse)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import VisualBase

KIND = "network"
RUNTIME = "network"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class NetworkVisual(VisualBase):
    kind: Literal["network"] = Field(description="A neural network: layers of nodes and edges.")
    layers: list[Annotated[int, Field(ge=1, le=64)]] = Field(min_length=2, max_length=6, description="Nodes per layer (at most 7 drawn).",
                              examples=[[3, 4, 2]])
    labels: list[str] | None = Field(None, description="A caption under each layer.",
                                     examples=[["Input", "Hidden", "Output"]])


STRINGS = ("labels",)  # parameters whose text is drawn
MODEL = NetworkVisual
