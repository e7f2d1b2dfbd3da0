"""equation: a formula; ASCII/Unicode math is translated to TeX."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..fields import NonBlank
from .base import VisualBase

KIND = 'equation'
RUNTIME = 'equation'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class EquationVisual(VisualBase):
    kind: Literal["equation"] = Field(description="A formula; ASCII/Unicode math is translated to TeX.")
    expr: NonBlank | None = Field(None, description="The formula, as written (`y = 4x^2`) or TeX.",
                                  examples=["E = mc^2"])
    exprs: list[NonBlank] | None = Field(None, min_length=1, max_length=6,
                                         description="Several formulas, one per line (instead of `expr`).",
                                         examples=[["a^2 + b^2 = c^2", "c = 5"]])
    label: str | None = Field(None, description="Caption under the formula.", examples=["Mass-energy"])
    replaces: str | None = Field(None, description="The text of a text or formula on screen that this one takes the "
                                 "place of, in place (a counter: \"n = 1\" becomes \"n = 5\").", examples=["n = 1"])
    tints: dict[Annotated[str, Field(max_length=60)], Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=6, description="Pieces of the formulas coloured wherever "
                                         "they appear: piece as written -> colour (\"the factor 1.1 in gold\").",
                                         examples=[{"1.1": "gold"}])


    @model_validator(mode="after")
    def _one_of(self) -> "EquationVisual":
        if (self.expr is None) == (self.exprs is None):
            raise ValueError("give the formula as `expr`, or several as `exprs` (one of them)")
        return self


STRINGS = ('exprs', 'label')  # parameters whose text is drawn


def beat_params(visual: dict) -> dict:
    """A visual's fields -> the beat's parameters: one formula or several, always `exprs`."""
    out = dict(visual)
    if "expr" in out:
        out["exprs"] = [out.pop("expr")]
    return out


def visual_fields(params: dict) -> dict:
    """The beat's parameters -> the visual a storyboard writes: one formula is `expr`."""
    out = dict(params)
    if len(out.get("exprs") or ()) == 1:
        out["expr"] = out.pop("exprs")[0]
    return out
MODEL = EquationVisual
