"""bar_chart: labelled bars that grow in, values above them; optional change to new values."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = "bar_chart"
RUNTIME = "bar_chart"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class BarChartVisual(VisualBase):
    kind: Literal["bar_chart"] = Field(description="Labelled bars with their values; optional change to new values.")
    labels: list[NonBlank] = Field(min_length=1, max_length=12, description="Bar labels, in order.",
                                   examples=[["cat", "dog", "bird"]])
    values: list[float] = Field(min_length=1, max_length=12, description="One value per label.",
                                examples=[[0.7, 0.2, 0.1]])
    new_values: list[float] | None = Field(None, min_length=1, max_length=12, description="Values the bars change "
                                           "to after they have grown in.", examples=[[0.5, 0.3, 0.2]])
    title: str | None = Field(None, max_length=120, description="Caption above the chart.",
                              examples=["Next-token probabilities"])
    unit: str | None = Field(None, max_length=8, description="Suffix after each value.", examples=["%"])
    highlight_max: bool = Field(False, description="Outline the largest bar in gold.", examples=[True])
    extend: bool = Field(False, description="Change the bar chart already on screen from `values` to `new_values` "
                         "(without one on screen, a new chart is drawn and then changed).", examples=[True])
    horizontal: bool = Field(False, description="Bars left to right, coloured from blue (low) to red (high) — "
                             "the look for probabilities.", examples=[True])


STRINGS = ("title", "labels", "values")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """Title, bar labels and the values as the bars show them (`73%` with the unit, `12.3k`)."""
    from ..formula import short_number

    unit = params.get("unit") or ""
    values = [short_number(float(v)) + unit for v in params.get("values") or []]
    return [x for x in [params.get("title"), *(params.get("labels") or []), *values] if x]
MODEL = BarChartVisual
