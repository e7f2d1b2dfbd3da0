"""network: layers of nodes joined by edges; activation can flow through (a `highlight` with mode pulse)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import VisualBase

KIND = "network"
RUNTIME = "network"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
DRAWN = 7              # nodes drawn per layer at most (a larger layer: one fewer and an ellipsis)
MAX_LAYERS = 6
MAX_NODES = 1_000_000  # the size a layer may have (written in its label when larger than DRAWN)


class NetworkVisual(VisualBase):
    kind: Literal["network"] = Field(description="A neural network: layers of nodes and edges.")
    layers: list[Annotated[int, Field(ge=1, le=MAX_NODES)]] = Field(
        min_length=2, max_length=MAX_LAYERS, description=f"Nodes per layer: at most {DRAWN} are drawn; a larger layer (784 "
        f"pixels) is drawn as {DRAWN - 1} nodes with an ellipsis (⋮) in the middle — say its size in its label.",
        examples=[[3, 4, 2]])
    labels: list[str] | None = Field(None, description="A caption under each layer.",
                                     examples=[["Input", "Hidden", "Output"]])


STRINGS = ("labels",)  # parameters whose text is drawn
MODEL = NetworkVisual
