"""bullets: a list revealed item by item."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'bullets'
RUNTIME = 'bullets'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class BulletsVisual(VisualBase):
    kind: Literal["bullets"] = Field(description="A list revealed item by item.")
    items: list[NonBlank] = Field(min_length=1, max_length=12, description="List items.",
                                  examples=[["Parallelization", "Transfer learning"]])
    title: str | None = Field(None, description="Heading above the list.", examples=["Advantages"])
    style: Literal["dot", "numbered", "check", "cross"] = Field("dot", description="Marker before each item.")
    tints: dict[Annotated[str, Field(max_length=60)], Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=6, description="Words of the items coloured: word as "
                                         "written -> colour (\"'Demand' in blue\").", examples=[{"Demand": "blue"}])


STRINGS = ('title', 'items')  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """What the list shows, as read on screen: a numbered item reads "1. Pick a node"."""
    items = [str(x) for x in params.get("items") or []]
    if params.get("style") == "numbered":
        items = [f"{n}. {x}" for n, x in enumerate(items, 1)]
    return ([params["title"]] if params.get("title") else []) + items
MODEL = BulletsVisual
