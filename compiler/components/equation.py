"""equation: a formula; ASCII/Unicode math is translated to TeX."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'equation'
RUNTIME = 'equation'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class EquationVisual(VisualBase):
    kind: Literal["equation"] = Field(description="A formula; ASCII/Unicode math is translated to TeX.")
    expr: NonBlank = Field(description="The formula, as written (`y = 4x^2`) or TeX.", examples=["E = mc^2"])
    label: str | None = Field(None, description="Caption under the formula.", examples=["Mass-energy"])
    replaces: str | None = Field(None, description="The text of a text or formula on screen that this one takes the "
                                 "place of, in place (a counter: \"n = 1\" becomes \"n = 5\").", examples=["n = 1"])


STRINGS = ('exprs', 'label')  # parameters whose text is drawn
MODEL = EquationVisual
