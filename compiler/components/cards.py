"""cards: 2–4 framed rounded cards side by side, a big figure over a caption (results, key numbers)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..fields import Colour, NonBlank
from .base import VisualBase

KIND = "cards"
RUNTIME = "cards"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class CardsVisual(VisualBase):
    kind: Literal["cards"] = Field(description="2–4 rounded cards side by side: a big figure over a caption.")
    figures: list[NonBlank] = Field(min_length=1, max_length=4, description="The big text of each card.",
                                    examples=[["30,000+ tok/s", "Millions of steps", "100% accuracy"]])
    captions: list[str] | None = Field(None, max_length=4, description="The caption under each figure.",
                                       examples=[["Execution speed on CPU", "Correct execution length",
                                                  "On Sudoku benchmarks"]])
    colors: list[Colour] | None = Field(None, max_length=4, description="Border and figure colour of each card "
                                        "(default: green, gold, light blue, purple).",
                                        examples=[["green", "gold", "light blue"]])

    @model_validator(mode="after")
    def _same_length(self):
        if self.captions is not None and len(self.captions) > len(self.figures):
            raise ValueError("more captions than figures")
        return self


STRINGS = ("figures", "captions")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The figures, and each line of the captions (a caption of several lines draws each line on its own)."""
    return [str(f) for f in params.get("figures") or []] + [
        ln for c in params.get("captions") or [] for ln in str(c or "").split("\n") if ln.strip()]
MODEL = CardsVisual
