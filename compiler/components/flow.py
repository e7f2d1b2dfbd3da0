"""flow: boxes joined by arrows."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import Colour, NonBlank, _Model
from .base import VisualBase

KIND = 'flow'
RUNTIME = 'flow'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class FlowPort(_Model):
    box: int = Field(ge=0, le=9, description="Index of the box (0 is the first).", examples=[0])
    label: NonBlank = Field(description="What enters or leaves.", max_length=40,
                        examples=["water"])
    way: Literal["in", "out"] = Field("in", description="`in`: an arrow into the box from above; `out`: out of it "
                                      "below (in a `cycle`: from outside the circle, and out away from it).",
                                       examples=["out"])


class FlowVisual(VisualBase):
    kind: Literal["flow"] = Field(description="Boxes joined by arrows.")
    nodes: list[NonBlank] = Field(min_length=1, max_length=10, description="Box labels in order.",
                                  examples=[["Input", "Encoder", "Decoder", "Output"]])
    edge_labels: list[str] | None = Field(None, description="Labels for the arrows between consecutive boxes (in a "
                                          "`cycle`, the last one labels the arrow back to the first box).",
                                          examples=[["tokens", "vectors", "tokens"]])
    edge_colors: list[Colour | None] | None = Field(None, max_length=10, description="Colours of the arrows, in the "
                                                   "order of `edge_labels` (default: the theme's arrow colour; a round "
                                                   "trip's answer in green).", examples=[["green", "red"]])
    node_colors: list[Colour | None] | None = Field(None, max_length=10, description="Colours of the boxes' borders, "
                                                   "in the order of `nodes` (default: the theme's box colour).",
                                                   examples=[[None, None, "green"]])
    captions: list[str] | None = Field(None, max_length=10, description="A short caption under each box (beside it "
                                       "in a top-down stack), in the order of `nodes`; an empty string for none.",
                                       examples=[["asks the question", "does the legwork"]])
    direction: Literal["right", "down", "cycle"] = Field(
        "right", description="Left-to-right pipeline, top-down stack, or `cycle`: the boxes round a circle, clockwise "
        "from the top, each joined to the next by a curved arrow and the last back to the first (the water cycle, "
        "the Calvin cycle).", examples=["cycle"])
    parallel: bool = Field(False, description="Draw all arrows at once (parallel processing).", examples=[True])
    arrows: bool = Field(True, description="`false`: the boxes stand side by side, not joined (two things to set "
                         "against each other).", examples=[False])
    both_ways: bool = Field(False, description="Two boxes with a pair of opposite arrows (a round trip).",
                            examples=[True])
    ports: list[FlowPort] | None = Field(None, max_length=8,
                                         description="What enters or leaves a box from outside the chain "
                                         "(water into the first box, oxygen out of it).",
                                         examples=[[{"box": 0, "label": "water", "way": "in"},
                                                    {"box": 0, "label": "oxygen", "way": "out"}]])


STRINGS = ('nodes', 'edge_labels', 'ports', 'captions')  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The boxes, arrow labels and ports; a chain of boxes also reads as the chain `A -> B -> C` (a cycle also as
    `A -> B -> C -> A`)."""
    nodes = [str(x) for x in params.get("nodes") or []]
    out = nodes + [x for x in params.get("edge_labels") or [] if x and x.strip()]
    out += [p["label"] for p in params.get("ports") or [] if p.get("label")]
    out += [x for x in params.get("captions") or [] if x and x.strip()]
    if len(nodes) > 1 and not params.get("both_ways") and params.get("arrows") is not False:
        out.append(" -> ".join(nodes))
        if params.get("direction") == "cycle":
            out.append(" -> ".join(nodes + nodes[:1]))  # round the loop, back to the first
    return out
MODEL = FlowVisual
