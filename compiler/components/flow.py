"""flow: boxes joined by arrows."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'flow'
RUNTIME = 'flow'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class FlowVisual(VisualBase):
    kind: Literal["flow"] = Field(description="Boxes joined by arrows.")
    nodes: list[NonBlank] = Field(min_length=1, max_length=10, description="Box labels in order.",
                                  examples=[["Input", "Encoder", "Decoder", "Output"]])
    edge_labels: list[str] | None = Field(None, description="Labels for the arrows between consecutive boxes.",
                                          examples=[["tokens", "vectors", "tokens"]])
    direction: Literal["right", "down"] = Field("right", description="Left-to-right pipeline or top-down stack.")
    parallel: bool = Field(False, description="Draw all arrows at once (parallel processing).", examples=[True])
    both_ways: bool = Field(False, description="Two boxes with a pair of opposite arrows (a round trip).",
                            examples=[True])


STRINGS = ('nodes', 'edge_labels')  # parameters whose text is drawn
MODEL = FlowVisual
