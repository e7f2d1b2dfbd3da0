"""Compose: a plot beat that adds to the axes on screen carries those axes.

A beat that extends a plot ("mark the points …", "add the curve …") draws on the axes on screen. When
something drawn in between took the plot's place (a square drawn for the same sentence, a table), the
runtime draws the axes again from the extending beat alone — with its default range, the points of a
unit square squeezed into a corner of axes from 0 to 8. Each extending beat therefore carries the
axes of the plot it extends (range and numbers), used only when the plot has to be drawn again.
"""

from __future__ import annotations

from .beats import Beat

_AXES = ("x_range", "y_range", "numbers")  # (axis labels stay the first beat's: an extension lists no strings it does not draw)


def extended_plots_keep_axes(beats: list[Beat]) -> list[Beat]:
    out: list[Beat] = []
    axes: dict | None = None
    for b in beats:
        if b.kind == "clear":
            axes = None
        if b.kind == "plot":
            if not b.params.get("extend"):
                axes = {k: b.params[k] for k in _AXES if b.params.get(k) is not None}
            elif axes:
                missing = {k: v for k, v in axes.items() if b.params.get(k) is None}
                if missing:
                    b = Beat(b.kind, {**b.params, **missing}, b.strings, b.rule, b.source, b.detail_index, b.keywords)
                axes = {**axes, **{k: b.params[k] for k in _AXES if b.params.get(k) is not None}}
        out.append(b)
    return out
