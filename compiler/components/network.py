"""network: layers of nodes joined by edges; activation can flow through (a `highlight` with mode pulse)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

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
    nodes: list[Annotated[str, Field(max_length=24)]] | None = Field(
        None, max_length=MAX_LAYERS * DRAWN, description="Text inside the drawn nodes, layer by layer, top to bottom (a "
        "tiny network of one node per layer: `x`, `h`, `y_hat`); the nodes grow to hold it.",
        examples=[["x", "h", "y_hat"]])
    weights: list[Annotated[str, Field(max_length=24)]] | None = Field(
        None, max_length=MAX_LAYERS - 1, description="A label on the edges between each layer and the next (a weight: "
        "`w1 = 0.5`); an empty string leaves a gap unlabelled.", examples=[["w1 = 0.5", "w2 = 3"]])


    @model_validator(mode="after")
    def _fits(self):
        drawn = sum(min(n, DRAWN) if n <= DRAWN else DRAWN - 1 for n in self.layers)
        if self.nodes and len(self.nodes) > drawn:
            raise PydanticCustomError("network", f"{len(self.nodes)} `nodes` names for {drawn} nodes drawn: give one per "
                                                 "drawn node, layer by layer")
        if self.weights and len(self.weights) > len(self.layers) - 1:
            raise PydanticCustomError("network", f"{len(self.weights)} `weights` for {len(self.layers) - 1} gaps between "
                                                 "layers: give one per gap")
        return self


STRINGS = ("labels", "nodes", "weights")  # parameters whose text is drawn
MODEL = NetworkVisual
