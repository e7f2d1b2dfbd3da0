"""bar_chart: labelled bars that grow in, values above them; optional change to new values; or grouped bars — two to
four series side by side in each group, with a legend (simple against compound interest, year by year)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..fields import Colour, NonBlank, _Model
from .base import VisualBase

KIND = "bar_chart"
RUNTIME = "bar_chart"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_BARS = 12
MAX_SERIES = 4
MAX_GROUPED = 24  # bars in all the groups together


class BarSeries(_Model):
    name: NonBlank = Field(max_length=40, description="The series' name, shown in the legend.", examples=["compound"])
    values: list[float] = Field(min_length=1, max_length=MAX_BARS, description="One value per label (group).",
                                examples=[[1000, 1100, 1210, 1331]])
    color: Colour | None = Field(None, description="Its bars' colour (default: the theme's palette).",
                                 examples=["green"])


class BarChartVisual(VisualBase):
    kind: Literal["bar_chart"] = Field(description="Labelled bars with their values; optional change to new values; "
                                       "or groups of bars side by side, one per series.")
    labels: list[NonBlank] = Field(min_length=1, max_length=MAX_BARS, description="Bar labels (with `series`: group "
                                   "labels), in order.", examples=[["cat", "dog", "bird"]])
    values: list[float] | None = Field(None, min_length=1, max_length=MAX_BARS, description="One value per label "
                                       "(required unless `series` is given).", examples=[[0.7, 0.2, 0.1]])
    series: list[BarSeries] | None = Field(None, min_length=2, max_length=MAX_SERIES, description="Grouped bars: "
                                           "one bar per series in each label's group, a legend names the series "
                                           "(instead of `values`).",
                                           examples=[[{"name": "simple", "values": [1000, 1100, 1200, 1300]},
                                                      {"name": "compound", "values": [1000, 1100, 1210, 1331]}]])
    new_values: list[float] | None = Field(None, min_length=1, max_length=MAX_BARS, description="Values the bars change "
                                           "to after they have grown in.", examples=[[0.5, 0.3, 0.2]])
    title: str | None = Field(None, max_length=120, description="Caption above the chart.",
                              examples=["Next-token probabilities"])
    unit: str | None = Field(None, max_length=8, description="Suffix after each value (a currency sign — $, €, £ — goes before it).",
                             examples=["%"])
    value_labels: list[Annotated[str, Field(min_length=1, max_length=16)]] | None = Field(
        None, min_length=1, max_length=MAX_BARS, description="What is written on each bar instead of its value, as the "
        "storyboard writes it (`1/8` for 0.125); one per label.", examples=[["1/8", "3/8", "3/8", "1/8"]])
    highlight_max: bool = Field(False, description="Outline the largest bar in gold.", examples=[True])
    extend: bool = Field(False, description="Change the bar chart already on screen from `values` to `new_values` "
                         "(without one on screen, a new chart is drawn and then changed).", examples=[True])
    horizontal: bool = Field(False, description="Bars left to right, coloured from blue (low) to red (high) — "
                             "the look for probabilities.", examples=[True])

    @model_validator(mode="after")
    def _values_or_series(self):
        if (self.values is None) == (self.series is None):
            raise ValueError("give either `values` (one per label) or `series` (grouped bars), not both")
        if self.series is not None:
            if any(len(s.values) != len(self.labels) for s in self.series):
                raise ValueError(f"each series needs one value per label ({len(self.labels)})")
            if len(self.series) * len(self.labels) > MAX_GROUPED:
                raise ValueError(f"at most {MAX_GROUPED} grouped bars (series × labels)")
            if self.new_values is not None or self.extend or self.horizontal:
                raise ValueError("grouped bars (`series`) are drawn upright and do not change to `new_values`")
        if self.value_labels is not None and (self.series is not None or len(self.value_labels) != len(self.labels)):
            raise ValueError(f"`value_labels` needs one text per bar ({len(self.labels)}), and plain bars (no `series`)")
        return self


STRINGS = ("title", "labels", "values", "series", "value_labels")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """Title, bar labels, series names and the values as the bars show them (`73%` with the unit, `12.3k`)."""
    from ..formula import with_unit

    unit = params.get("unit")
    series = params.get("series") or []
    values = list(params.get("value_labels") or []) or [with_unit(float(v), unit) for v in params.get("values") or []]
    values += [with_unit(float(v), unit) for s in series for v in s.get("values") or []]
    values += [with_unit(float(v), unit) for v in params.get("new_values") or []]  # (the values the bars change to)
    return [x for x in [params.get("title"), *(params.get("labels") or []), *(s.get("name") for s in series), *values]
            if x]
MODEL = BarChartVisual
