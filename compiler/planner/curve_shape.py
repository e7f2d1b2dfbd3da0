"""A curve described by its shape, not by a formula: "a smooth curve with a high peak near 430 nm, a low valley
between 500 and 600 nm, and a second peak near 660 nm". The sentence's features (peaks and valleys, where each
is, how high or deep) become a smooth curve through them — a sum of bell-shaped bumps on a baseline — sampled as
a data line on the axes, and a later "Label the peaks "A" and "B", and the valley "C"" puts each label at its
feature. The words are data (lexicon.json `curve_shape`); this module only places and samples.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .knowledge import curve_shape
from .quantity import NUM, quantity

SAMPLES = 49


@dataclass(frozen=True)
class Feature:
    kind: str         # "peak" or "valley"
    x: float          # where it is
    height: float     # 0 (the bottom of the axes) .. 1 (the top)
    span: tuple[float, float] | None = None   # "between 500 and 600": the stretch it covers


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, dict[re.Pattern, float]]:
    w = curve_shape()
    heights = {re.compile(r"\b(?:" + k + r")\b"): float(v) for k, v in w["heights"].items()}
    adjectives = "|".join(w["heights"])
    feature = re.compile(
        r"(?:\b(?P<adj>(?:(?:" + adjectives + r"|first|second|third|another|other|smooth|sharp|broad|narrow)\s+){0,3}))"
        r"\b(?:(?P<peak>" + w["peak"] + r")|(?P<valley>" + w["valley"] + r"))\b\s*(?:\([^)]{0,30}\)\s*)?"
        r"(?:(?:(?P<near>" + w["near"] + r")\s+(?:(?:x|λ|t)\s*=\s*|about\s+|roughly\s+|approximately\s+|~\s*)?(?P<x>" + NUM + r"))"
        r"|(?:(?:" + w["between"] + r")\s+(?:x\s*=\s*)?(?P<a>" + NUM + r")\s*(?:\w{1,4}\s+)?(?:and|to|-|–)\s*(?:x\s*=\s*)?(?P<b>"
        + NUM + r")))", re.I)
    return feature, heights


def features(sentence: str) -> list[Feature]:
    """The peaks and valleys a sentence places, in the order it names them."""
    feature, heights = _patterns()
    out = []
    for m in feature.finditer(sentence):
        kind = "peak" if m.group("peak") else "valley"
        adj = (m.group("adj") or "").lower()
        height = next((v for p, v in heights.items() if p.search(adj)), None)
        if kind == "valley":
            height = 0.08 if height is None or height > 0.5 else height  # "a low valley", "a dip": near the bottom
        elif height is None or height < 0.3:
            height = 0.8
        if m.group("x"):
            x = quantity(m.group("x"))
            span = None
        else:
            a, b = quantity(m.group("a")), quantity(m.group("b"))
            if a is None or b is None or b <= a:
                continue
            x, span = (a + b) / 2, (a, b)
        if x is None or not math.isfinite(x):
            continue
        out.append(Feature(kind, float(x), height, span))
    return out


def shaped_points(found: list[Feature], x_range: tuple[float, float] | None,
                  y_range: tuple[float, float] | None) -> tuple[list[list[float]], tuple[float, float]]:
    """[x, y] samples of a smooth curve through the features, and the x range they cover: bumps on a low baseline
    when there are peaks (a valley between them is the baseline), dips in a high one when there are only valleys."""
    xs = [f.x for f in found] + [v for f in found if f.span for v in f.span]
    if x_range is None or x_range[1] <= x_range[0]:
        lo, hi = min(xs), max(xs)
        pad = max(1.0, 0.35 * (hi - lo))
        x_range = (lo - pad, hi + pad)
    x0, x1 = float(x_range[0]), float(x_range[1])
    y0, y1 = (float(y_range[0]), float(y_range[1])) if y_range and y_range[1] > y_range[0] else (0.0, 1.0)
    peaks = [f for f in found if f.kind == "peak"]
    base = 0.08 if peaks else 0.85
    width = (x1 - x0) / (7 + 1.5 * len(found))

    def value(x: float) -> float:
        v = base
        for f in found:
            if f.kind == "peak":
                v += (f.height - base) * math.exp(-((x - f.x) / width) ** 2)
            elif not peaks:  # (between peaks a valley is the baseline itself)
                w = max(width, (f.span[1] - f.span[0]) / 2.5) if f.span else width
                v += (f.height - base) * math.exp(-((x - f.x) / w) ** 2)
        return v

    pts = []
    for k in range(SAMPLES):
        x = x0 + (x1 - x0) * k / (SAMPLES - 1)
        pts.append([_round(x), _round(y0 + (y1 - y0) * min(1.0, max(0.0, value(x))))])
    return pts, (x0, x1)


def height_at(points: list[list[float]], x: float) -> float:
    """The y of the sampled curve at x (the nearest sample)."""
    return min(points, key=lambda p: abs(p[0] - x))[1]


def _round(v: float) -> float:
    r = round(v, 4)
    return int(r) if float(r).is_integer() else r


def smooth_through(points: list[tuple[float, float]], n: int = 48) -> list[list[float]]:
    """Samples of a smooth curve through the given points, in x order, that never overshoots between them (monotone
    cubic Hermite interpolation, Fritsch–Carlson): "a smooth S-shaped curve through (10, 0.117), (20, 0.411), …"."""
    pts = sorted({float(x): float(y) for x, y in points}.items())
    if len(pts) < 2:
        return [[x, y] for x, y in pts]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    d = [(ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]) for k in range(len(xs) - 1)]
    m = [d[0]] + [0.0 if d[k - 1] * d[k] <= 0 else (d[k - 1] + d[k]) / 2 for k in range(1, len(d))] + [d[-1]]
    for k, dk in enumerate(d):
        if dk == 0:
            m[k] = m[k + 1] = 0.0
            continue
        a, b = m[k] / dk, m[k + 1] / dk
        if a * a + b * b > 9:  # (the Fritsch–Carlson bound keeps each piece monotone)
            t = 3 / (a * a + b * b) ** 0.5
            m[k], m[k + 1] = t * a * dk, t * b * dk
    out = []
    for j in range(n + 1):
        x = xs[0] + (xs[-1] - xs[0]) * j / n
        k = min(max(i for i in range(len(xs) - 1) if xs[i] <= x), len(xs) - 2)
        h = xs[k + 1] - xs[k]
        t = (x - xs[k]) / h
        y = ((2 * t ** 3 - 3 * t ** 2 + 1) * ys[k] + (t ** 3 - 2 * t ** 2 + t) * h * m[k]
             + (-2 * t ** 3 + 3 * t ** 2) * ys[k + 1] + (t ** 3 - t ** 2) * h * m[k + 1])
        out.append([round(x, 4), round(y, 4)])
    return out
