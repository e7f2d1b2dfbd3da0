"""Operations on the plot on screen, as LLM storyboards write them:

    Highlight the intersection point of the two curves with a yellow dot labeled "Equilibrium".
    Draw dashed lines from the point to both axes, marking P* = $4 on the price axis and Q* = 100 on …
    Mark the minimum at (3, 1) with a star.            Plot the points A(1, 2) and B(7, 10).
    Place a ball on the curve at w = 0.                Then mark z = 1.5 on the bell curve with a point.
    Draw the tangent line at that point and display the slope "dL/dw = -6".
    Animate the demand curve shifting to the right, labeled "Demand 2".
    Show an open circle (hole) at the point (2, 4).    Label the hole "limit = 4".
    Animate two dots moving along the line toward the hole, one from the left and one from the right.
    Animate the ball moving down the curve in steps: w = 0, 1.5, 2.25, 2.63, 2.81.
    Highlight the left and right sides beyond 2 standard deviations in red.
    Zoom in near x = 0 and show that the curve approaches 1.

Each becomes a `plot` beat with `extend: true` (drawn on the axes on screen at its own moment of the
narration), computed from the curves already drawn (`compiler.formula` evaluates them): the
intersection, the value of the curve at a point, the tangent's slope. A relabelling changes the
earlier beat. A number line is not a plot: rules_number_line draws it, and these rules leave its sentence alone.
"""

from __future__ import annotations

import math
import re

from functools import lru_cache

from ..formula import nice_range, try_formula
from .beats import Beat
from .context import _beat, _kw, since_clear
from .extract import WORD_NUMBERS, Extracted
from .listing import top_level_split
from .knowledge import operation_verbs, plot_motion, plot_spans
from .quantity import NUM, number as _num, quantity
from .theme import COLOUR_RE, colour_named, colour_value
from .rules_plot import ARC, BETWEEN, LABEL_PLACE, between_curves, between_fill, clean_number, curve_spec, area_colour, named_axes, point_labels

COORD = re.compile(r"(?:\b([A-Z])\s*)?\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")


def _fmt(v: float) -> str:
    v = round(v, 3)
    return str(int(v)) if float(v).is_integer() else f"{v:g}"



def plot_on_screen(ctx) -> tuple[Beat, list[Beat]] | None:
    """(first plot beat, all plot beats since it) if a plot is on screen in this scene."""
    beats = []
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            break
        if b.kind == "plot":
            beats.insert(0, b)
            if not b.params.get("extend"):
                return b, beats
    return (beats[0], beats) if beats else None


def _curves(beats: list[Beat]) -> list[dict]:
    return [c for b in beats for c in b.params.get("curves") or []]


def _points(beats: list[Beat]) -> list[dict]:
    return [p for b in beats for p in b.params.get("points") or []]


def _x_range(first: Beat, curves: list[dict]) -> tuple[float, float]:
    xr = first.params.get("x_range")
    if xr:
        return float(xr[0]), float(xr[1])
    return (0.0, 10.0) if not curves else (-5.0, 5.0)


def _f(curve: dict):
    return try_formula(curve.get("expr", ""))


def _slope(f, x: float, h: float = 1e-4) -> float | None:
    try:
        d = (f(x + h) - f(x - h)) / (2 * h)
    except Exception:  # noqa: BLE001 - a formula that cannot be evaluated there
        return None
    return d if math.isfinite(d) else None


def _straight(f, lo: float, hi: float) -> bool:
    """Whether f is a straight line over [lo, hi]."""
    xs = [lo + (hi - lo) * k / 4 for k in range(5)]
    ys = [_safe(f, x) for x in xs]
    if any(y is None for y in ys):
        return False
    scale = 1.0 + max(abs(y) for y in ys)
    return all(abs(ys[k + 1] - 2 * ys[k] + ys[k - 1]) <= 1e-6 * scale for k in range(1, 4))


def _touches(line, f, lo: float, hi: float) -> bool:
    """Whether the straight line touches the curve f somewhere on [lo, hi] with its slope (a tangent to it)."""
    pts = [(x, y) for x, y in _samples(f, lo, hi, 200)]
    if len(pts) < 3:
        return False
    gaps = [(abs(y - line(x)), x) for x, y in pts if math.isfinite(line(x))]
    if not gaps:
        return False
    scale = 1.0 + max(abs(y) for _, y in pts)
    _, x = min(gaps)
    step = (hi - lo) / 200
    a, b = x - step, x + step
    for _ in range(60):  # the closest approach between the neighbouring samples
        m1, m2 = a + (b - a) / 3, b - (b - a) / 3
        g1, g2 = _safe(f, m1), _safe(f, m2)
        if g1 is None or g2 is None:
            break
        if abs(g1 - line(m1)) <= abs(g2 - line(m2)):
            b = m2
        else:
            a = m1
    x = (a + b) / 2
    y, s_line, s_f = _safe(f, x), _slope(line, x), _slope(f, x)
    return y is not None and s_line is not None and s_f is not None and abs(y - line(x)) <= 2e-3 * scale \
        and abs(s_line - s_f) <= 2e-3 * (1.0 + abs(s_f))


_HELPER_RULES = ("plot:tangent", "plot:secant")


def _function_curves(first: Beat, beats: list[Beat], curves: list[dict]) -> list[int]:
    """The indexes of the curves on screen that are functions drawn for themselves — not a tangent (or secant) line
    drawn on one of them: the lines the tangent rule drew, and, on a plot recalled from an earlier scene, a straight
    line that touches another curve of the plot with its slope. Tangents, balls and extremes are taken on these."""
    helpers = [c for b in beats if b.rule.startswith(_HELPER_RULES) for c in b.params.get("curves") or []]
    lo, hi = _x_range(first, curves)
    fs = [_f(c) for c in curves]
    bent = [k for k, f in enumerate(fs) if f is not None and not _straight(f, lo, hi)]
    out = []
    for k, c in enumerate(curves):
        if any(c is h for h in helpers):
            continue
        f = fs[k]
        if f is not None and k not in bent and any(_touches(f, fs[j], lo, hi) for j in bent):
            continue
        out.append(k)
    return out


_DATA_ROW = re.compile(r"^\s*(?:[-•*]\s*)?(?:[A-Za-z][\w ]{0,12}?(?:\s*=\s*|\s+))?(-?\d+(?:\.\d+)?)\s*:\s*(.+?)\s*$")
_DATA_PAIR = re.compile(r"([A-Za-zα-ωΑ-Ω][\w']{0,12})\s*[=:]?\s*(-?\d+(?:\.\d+)?)(?![\w.])")


def _data_lines(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """"Draw the three curves through these values:" then "day 0: S 999, I 1, R 0" per line: one data line per name
    (S, I, R), through the values of every line, in order."""
    if ":\n" not in ex.sentence:
        return None
    rows = []
    for ln in ex.sentence.split(":\n", 1)[1].split("\n"):
        if not ln.strip():
            continue
        m = _DATA_ROW.match(ln)
        pairs = _DATA_PAIR.findall(m.group(2)) if m else []
        if not m or not pairs or len(pairs) != len(re.split(r"[,;]", m.group(2))):
            return None
        rows.append((_num(m.group(1)), pairs))
    names = [n for n, _ in rows[0][1]] if rows else []
    if len(rows) < 3 or not names or any([n for n, _ in r] != names for _, r in rows):
        return None
    series = [{"points": [[x, _num(dict(r)[n])] for x, r in rows], "label": n} for n in names[:6]]
    for sr in series:  # "S curve blue, I curve red, R curve green": each line in the colour the style gives its name
        col = next((ctx.theme.labels[k] for k in (f"{sr['label'].lower()} {w}" for w in ("curve", "line", "graph"))
                    if k in ctx.theme.labels), None)
        if col:
            sr["color"] = col
    ex.prose[:] = []
    ctx.stop = not (ex.quoted or ex.backticked)  # (the lines are the data's, not a derivation as well)
    return [_extend(ex, ctx, i, "plot:data-lines", names[:6], series=series)]


def _value_names(first: Beat, curves: list[dict]) -> set[str]:
    """The names of the vertical axis of the plot on screen: what its curves give ("x(t) = 0.1 cos(10t)": x,
    "σ(z) = …": σ) and the first word of its y label ("σ", "L (loss)": L)."""
    names = {m.group(1) for c in curves for m in [re.match(r"\s*([^\W\d_][\w']{0,5})\s*(?:\([^()]*\))?\s*=",
                                                           c.get("expr", ""))] if m}
    return names | {m.group(0) for m in [re.match(r"[^\W\d_][\w']{0,5}", str(first.params.get("y_label") or ""))] if m}


@lru_cache(maxsize=1)
def _span_words() -> dict[str, re.Pattern]:
    """The words of a brace or double arrow on a plot (lexicon.json `plot_spans`), each kind as one pattern."""
    return {k: re.compile(r"(?<![\w-])(?:" + v + r")(?![\w-])", re.I) for k, v in plot_spans().items()}


def _extremes(f, lo: float, hi: float, peak: bool) -> list[float]:
    """The x of the curve's highest (or lowest) points between lo and hi, left to right: the ones inside first, then
    an end of the range that is one."""
    n = 600
    xs = [lo + (hi - lo) * j / n for j in range(n + 1)]
    ys = [_safe(f, x) for x in xs]
    sign = 1.0 if peak else -1.0
    inner, ends = [], []
    for j, y in enumerate(ys):
        if y is None:
            continue
        left = ys[j - 1] if j > 0 else None
        right = ys[j + 1] if j < n else None
        if left is not None and right is not None and sign * (y - left) > 0 and sign * (y - right) >= 0:
            inner.append(xs[j])
        elif (left is None) != (right is None) and sign * (y - (left if right is None else right)) > 0:
            ends.append(xs[j])
    return inner + ends


def _spans(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """"A horizontal brace from x = 0 to x = 30.3 along the ground labeled "30.3 m"", "a brace between two peaks
    (t = 0 and t = 0.628), labeled "T"", "a double arrow from 0 to the first peak, labeled "A"": a brace or a double
    arrow over a stretch of the plot on screen, with its label."""
    w = _span_words()
    mark = w["brace"].search(ex.bare) or w["arrow"].search(ex.bare)
    if mark is None:
        return None
    style = "brace" if w["brace"].fullmatch(mark.group(0)) else "arrow"
    x0, x1 = _x_range(first, curves)
    yr = first.params.get("y_range") or [-5, 5]
    y0, y1 = float(yr[0]), float(yr[1])
    fs = [f for f in (_f(curves[j]) for j in reversed(_function_curves(first, beats, curves))) if f]
    f = fs[0] if fs else None
    values = [(m.group(1), _num(m.group(2))) for m in re.finditer(_AT_VALUE, ex.sentence)]
    ynames = {"y"} | _value_names(first, curves)
    xname = f.var if f is not None else "x"
    start = end = None
    rise = re.search(r"\bfrom\s+(" + NUM + r")\s+(?:up\s+)?to\s+the\s+(?:(first|second|next)\s+)?(?:" +
                     w["peak"].pattern + "|" + w["trough"].pattern + r")", ex.sentence, re.I)
    if rise and f is not None:
        peak = bool(w["peak"].search(ex.sentence[rise.start():]))
        tops = _extremes(f, x0, x1, peak)
        if not tops:
            return None
        xp = tops[{"second": 1, "next": 1}.get((rise.group(2) or "").lower(), 0) % len(tops)]
        yp = _safe(f, xp)
        if yp is None:
            return None
        start, end = [round(xp, 3), _num(rise.group(1))], [round(xp, 3), round(yp, 3)]
    elif len(values) >= 2 and values[0][0] == values[1][0]:
        (var, a), (_, b) = values[:2]
        if var in ynames and var != xname:
            at = re.search(r"\bat\s+[a-z]\w{0,2}\s*=\s*(" + NUM + ")", ex.sentence[ex.sentence.find(str(values[1][1])):])
            xv = _num(at.group(1)) if at else x0
            start, end = [xv, a], [xv, b]
        else:
            at = re.search(r"\bat\s+y\s*=\s*(" + NUM + ")", ex.sentence)
            if at:
                yv = _num(at.group(1))
            elif w["ground"].search(ex.bare) or f is None:
                yv = min(max(0.0, y0), y1)
            else:
                fa, fb = _safe(f, a), _safe(f, b)
                level = fa is not None and fb is not None and abs(fa - fb) <= 1e-3 * max(1.0, abs(y1 - y0))
                yv = round(fa, 3) if level else min(max(0.0, y0), y1)
            start, end = [a, yv], [b, yv]
    elif f is not None and re.search(r"\bbetween\s+(?:the\s+)?(?:first\s+)?two\s+(?:" + w["peak"].pattern + "|" +
                                     w["trough"].pattern + ")", ex.sentence, re.I):
        peak = bool(w["peak"].search(ex.sentence[mark.end():]))
        tops = sorted(_extremes(f, x0, x1, peak))
        yp = _safe(f, tops[0]) if len(tops) >= 2 else None
        if yp is None:
            return None
        start, end = [round(tops[0], 3), round(yp, 3)], [round(tops[1], 3), round(yp, 3)]
    if start is None or start == end:
        return None
    label = _quoted_label(ex)
    seg = {"start": start, "end": end, "style": style, "label": label, "color": colour_named(ex.sentence)}
    ex.prose[:] = [p for p in ex.prose if not any(re.fullmatch(re.escape(v) + r"\s*=\s*" + re.escape(_fmt(n)), p[0].rstrip("."))
                                                  for v, n in values)]
    return [_extend(ex, ctx, i, f"plot:{style}", [label] if label else [],
                    segments=[{k: v for k, v in seg.items() if v is not None}])]


def _legend(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """"Legend in the upper right: S (blue), I (red), R (green)": the data lines on screen take those colours; 'Put the
    legend "y = θ" and "y = sin θ" in the top-left corner': the curves on screen carry those names beside them already —
    no loose copies of them."""
    if not re.search(r"\blegend\b|\bcolou?r(?:ed|s)?\b", low):
        return None
    named_curves = {re.sub(r"\s+", "", str(c.get("label") or c.get("expr") or "")) for c in curves}
    if re.search(r"\blegends?\b", low) and ex.quoted and all(re.sub(r"\s+", "", q) in named_curves for q in ex.quoted):
        ctx.consumed.update(ex.quoted)
        ctx.modified.add(i)
        ctx.stop = True
        return []
    named = {m.group(1): colour_value(m.group(2)) for m in re.finditer(
        r"(?:^|[,:;]\s*|\band\s+)([A-Za-zα-ωΑ-Ω][\w']{0,12})\s*\(\s*(" + COLOUR_RE.pattern + r")\s*\)", ex.sentence)}
    named = {k: v for k, v in named.items() if v}
    for b in since_clear(ctx):
        if b.kind == "plot" and b.params.get("series") and {sr.get("label") for sr in b.params["series"]} & set(named):
            series = [dict(sr, color=named[sr["label"]]) if sr.get("label") in named else sr for sr in b.params["series"]]
            ctx.replace(b, Beat(b.kind, {**b.params, "series": series}, b.strings, b.rule, b.source, b.detail_index,
                                b.keywords), i)
            ctx.stop = True
            return []
    return None


def _extend(ex: Extracted, ctx, i: int, rule: str, strings, **params) -> Beat:

    for s in strings:
        ctx.consumed.add(s)
    return _beat("plot", rule, ex, i, list(strings), _kw(" ".join(strings) + " " + ex.sentence), extend=True,
                 **{k: v for k, v in params.items() if v})


def _quoted_label(ex: Extracted) -> str | None:
    m = re.search(r"\b(?:labell?ed|called|named|marked|tagged)\s+(?:as\s+)?[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]",
                  ex.sentence, re.I)
    if m:
        return m.group(1).strip()
    rest = [q for q in ex.quoted if len(q) <= 40]
    return rest[0] if len(rest) == 1 else None


def _intersection(f, g, x0: float, x1: float) -> tuple[float, float] | None:
    n = 400
    prev = None
    for k in range(n + 1):
        x = x0 + (x1 - x0) * k / n
        try:
            d = f(x) - g(x)
        except Exception:  # noqa: BLE001 - a formula that cannot be evaluated here
            d = float("nan")
        if prev is not None and math.isfinite(d) and math.isfinite(prev[1]) and (d == 0 or (d > 0) != (prev[1] > 0)):
            a, da = prev
            b = x
            for _ in range(50):
                m = (a + b) / 2
                dm = f(m) - g(m)
                if not math.isfinite(dm):
                    break
                if (dm > 0) == (da > 0):
                    a, da = m, dm
                else:
                    b = m
            xm = (a + b) / 2
            return xm, f(xm)
        prev = (x, d)
    return None


def _curve_named(curves: list[dict], words: list[str]) -> int | None:
    for k in range(len(curves) - 1, -1, -1):
        text = (curves[k].get("label") or "") + " " + curves[k].get("expr", "")
        if any(w in text.lower() for w in words):
            return k
    return None


def _shift(expr: str, var: str, dx: float = 0.0, dy: float = 0.0) -> str:
    rhs = expr.split("=", 1)[1] if "=" in expr else expr
    if dx:
        rhs = re.sub(r"(?<![A-Za-z_])" + re.escape(var) + r"(?![A-Za-z_(])", f"({var} - {_fmt(dx)})", rhs)
    if dy:
        rhs = f"{rhs} + {_fmt(dy)}"
    return rhs.strip()


# ----------------------------------------------------------------------------- the rule
def rule_plot_ops(ex: Extracted, ctx, i: int) -> list[Beat]:
    if any(b.kind == "number_line" and b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        return []  # a number line (rules_number_line), not axes
    state = plot_on_screen(ctx)
    if state is None:
        return []
    if ARC.search(ex.sentence):
        return []  # "a quarter circle … from (1,0) to (0,1)": the arc's ends, drawn with it (rule_plot), no points
    first, beats = state
    curves = _curves(beats)
    low = ex.bare.lower()
    for op in (_on_level_line, _between, _area_note, _curve_formula, _name_axes, _label_curves, _traced_curve, _relabel, _data_lines, _legend, _spans, _valued_points, _intersection_point, _axis_markers,
               _level_lines, _dot_rows, _listed_points, _fit_line, _up_to_curve, _vertical_line, _tangent_segments, _signed_tangent_colours, _secant, _tangent, _shift_curve,
               _tails, _widen_area, _tick_labels, _labels_along_axis, _strip, _riemann, _bar_series, _label_bars,
               _steps_on_curve, _move_along, _point_on_axis, _point_on_curve, _endpoint_labels, _label_segments, _plane_segments, _series_extremum, _mark_points, _mark_extremum,
               _hole, _dots_toward, _approaches):
        out = op(ex, ctx, i, first, beats, curves, low)
        if out is not None:
            _widen_to_points(ctx, out)
            return out
    return []


_BARS = re.compile(r"\b(?:(?P<count>\w+)\s+)?(?:[\w-]+\s+){0,2}?(?:bars|rectangles|columns)\b", re.I)
_FRACTION = r"\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?"
_BAR_AT = re.compile(r"\bat\s+x\s*=\s*(" + _FRACTION + r"(?:\s*,\s*(?:and\s+)?" + _FRACTION + r"|\s+and\s+" + _FRACTION
                     + r")+)", re.I)
_BAR_HEIGHT = re.compile(r"\bheights?\s+(?:of\s+)?(" + _FRACTION + r"(?:\s*(?:\([^)]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
                         + _FRACTION + r")*)", re.I)


def _bar_series(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """"Grow six bars of equal height 1/6 (about 0.167) at x = 1,2,3,4,5,6", "bars of heights 0.1, 0.3 and 0.6 at
    x = 1, 2, 3": bars from the x axis of the plot on screen (a series drawn as bars). Heights that do not match
    the bars in number are said, never guessed."""
    m = _BARS.search(ex.sentence)
    at = _BAR_AT.search(ex.sentence)
    height = _BAR_HEIGHT.search(ex.sentence)
    if m is None or at is None or height is None:
        return None
    xs = [quantity(v) for v in re.findall(_FRACTION, at.group(1))][:40]
    hs = [quantity(v) for v in re.findall(_FRACTION, re.sub(r"\([^)]*\)", " ", height.group(1)))]
    if len(hs) == 1:
        hs = hs * len(xs)  # "of equal height 1/6": every bar
    count = WORD_NUMBERS.get((m.group("count") or "").lower())
    if len(hs) != len(xs) or (count is not None and count != len(xs)):
        ctx.lost(i, f"{len(xs)} places and {len(hs)} heights for the bars: they are not drawn")
        return []
    series = {"points": [[x, h] for x, h in zip(xs, hs)], "bars": True, "joined": False, "dots": False}
    order = sorted(xs)
    gap = min((b - a for a, b in zip(order, order[1:]) if b > a), default=1.0)
    rng = first.params.get("x_range")
    if rng and (order[0] - gap / 2 < rng[0] or order[-1] + gap / 2 > rng[1]):
        # bars at x = 1 … 6 on axes from 1 to 6: the axes widen by half a bar each side, so no bar is cut
        wide = [clean_number(min(rng[0], order[0] - gap / 2)), clean_number(max(rng[1], order[-1] + gap / 2))]
        ctx.replace(first, Beat(first.kind, {**first.params, "x_range": wide}, first.strings, first.rule, first.source,
                                first.detail_index, first.keywords), first.detail_index)
    ex.prose[:] = []
    ctx.stop = True
    return [_extend(ex, ctx, i, "plot:bars", [], series=[series])]


def _label_bars(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """'Put the label "1/6" above the middle bars': the label of the bars on the plot, over them — not a loose text
    that a later layout may wipe."""
    if not re.search(r"\b(?:above|over|on top of|on)\s+(?:the\s+)?(?:\w+\s+){0,2}?bars\b", ex.sentence, re.I):
        return None
    label = next((q for q in ex.quoted if q not in ctx.consumed), None)
    owner = next((b for b in reversed(beats) if any(sr.get("bars") and not sr.get("label")
                                                    for sr in b.params.get("series") or [])), None)
    if label is None or owner is None:
        return None
    series = [dict(sr, label=label) if sr.get("bars") and not sr.get("label") else sr for sr in owner.params["series"]]
    ctx.replace(owner, Beat(owner.kind, {**owner.params, "series": series}, owner.strings + (label,), owner.rule,
                            owner.source, owner.detail_index, owner.keywords), i)
    ctx.consumed.add(label)
    ctx.stop = True
    return []


_QV = r"(?:Q|x|q|n)\s*=\s*(" + NUM + r")"


def _on_level_line(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """On the horizontal line drawn last ("a horizontal line at P = 30"): "Mark where it meets demand (Q = 40) and supply
    (Q = 80)", "It meets supply at Q = 40 and demand at Q = 80" (dots where it meets them); "Draw a bracket between
    Q = 40 and Q = 80 along the line labeled "Surplus = 80 - 40 = 40"", or just "Bracket labeled "Shortage = …""
    after the meeting points (a brace along the line between them, with its label)."""
    level = next((m for b in reversed(beats) for m in reversed(b.params.get("markers") or [])
                  if m.get("axis") == "y"), None)
    if level is None:
        return None
    y = level["value"]
    meets = re.search(r"\b(?:meets?|crosses|hits|intersects)\b", low)
    bracket = re.search(r"(?:^\W*|\ban?\s+(?:\w+\s+)?)(?:bracket|brace)\b", low)  # (not "the bracket shrinks to zero")
    if meets and not bracket:
        xs = [_num(v) for v in re.findall(_QV, ex.sentence)]
        if len(xs) >= 2:
            pts = [{"x": x, "y": y, "label": f"({_fmt(x)}, {_fmt(y)})"} for x in xs[:4]]
            return [_extend(ex, ctx, i, "plot:level-meets", [p["label"] for p in pts], points=pts)]
        return None
    if not bracket:
        return None
    between = re.search(r"\bbetween\s+" + _QV + r"\s+and\s+" + _QV, ex.sentence)
    if between:
        a, b = _num(between.group(1)), _num(between.group(2))
    else:  # "Bracket labeled …" after the dots where the line meets the curves
        on = [p for bb in beats for p in bb.params.get("points") or [] if p.get("y") == y]
        if len(on) < 2:
            return None
        a, b = on[-2]["x"], on[-1]["x"]
    label = _quoted_label(ex)
    seg = {"start": [a, y], "end": [b, y], "style": "brace", **({"label": label} if label else {})}
    if label:
        ctx.consumed.add(label)
    ex.prose[:] = []  # ("Surplus = 80 - 40 = 40" is the bracket's label, not a formula of its own)
    return [_extend(ex, ctx, i, "plot:level-bracket", [label] if label else [], segments=[seg])]


def _widen_to_points(ctx, beats: list[Beat]) -> None:
    """Points added to the plot on screen lie inside its axes: "(30, 17449)" on axes up to 10 widens them."""
    pts = [p for b in beats for p in b.params.get("points") or [] if isinstance(p.get("x"), (int, float))]
    state = plot_on_screen(ctx)
    if not pts or state is None:
        return
    first = state[0]
    changed = {}
    for key, values in (("x_range", [p["x"] for p in pts]), ("y_range", [p["y"] for p in pts])):
        rng = first.params.get(key)
        if rng and (min(values) < rng[0] or max(values) > rng[1]):
            lo, hi, _ = nice_range(min([rng[0], *values]), max([rng[1], *values]), include_zero=rng[0] <= 0 <= rng[1],
                                   ticks=6)
            changed[key] = [clean_number(lo), clean_number(hi)]
    if changed:
        ctx.replace(first, Beat(first.kind, {**first.params, **changed}, first.strings, first.rule, first.source,
                                first.detail_index, first.keywords), beats[0].detail_index)


def _name_axes(ex, ctx, i, first, beats, curves, low):
    """"Label the horizontal axis t and the vertical axis x": the names go on the plot on screen."""
    x, y = named_axes(ex.sentence)
    if x is None and y is None:
        return None
    params = {**first.params, **({"x_label": x} if x else {}), **({"y_label": y} if y else {})}
    strings = tuple(dict.fromkeys(first.strings + tuple(v for v in (x, y) if v)))
    ctx.replace(first, Beat(first.kind, params, strings, first.rule, first.source, first.detail_index,
                            first.keywords), i)
    ctx.consumed.update(v for v in (x, y) if v)
    ctx.stop = True
    return []


def _label_by_colour(ex, ctx, i, beats) -> list[Beat] | None:
    """"Label the red curve "O(n^2)" and the blue line "O(n)"": each curve on screen of that colour takes its label."""
    if not re.match(r"^\s*(?:then\s+)?(?:label|name|tag)\b", ex.sentence, re.I):
        return None
    pairs = re.findall(r"(" + COLOUR_RE.pattern + r")\s+(?:curve|line|graph|parabola|function)\s+(?:as\s+)?[\"\u201c]"
                       r"([^\"\u201d]{1,60})[\"\u201d]", ex.sentence, re.I)
    if not pairs:
        return None
    done = []
    for word, text in pairs:
        col = colour_value(word)
        for b in beats:
            cs = [dict(c) for c in b.params.get("curves") or []]
            hit = next((k for k, c in enumerate(cs) if col and c.get("color") == col), None)
            if hit is not None:
                cs[hit]["label"] = text.strip()
                nb = Beat("plot", dict(b.params, curves=cs), b.strings + (text.strip(),), b.rule + "+label", b.source,
                          b.detail_index, b.keywords)
                ctx.replace(b, nb, i)
                beats[beats.index(b)] = nb
                done.append(text.strip())
                break
    if not done:
        return None
    for word, text in pairs:
        if text.strip() not in done:
            ctx.lost(i, f"no {word} curve is on the plot: the label {text.strip()!r} is not placed")
    ctx.consumed.update(t for _, t in pairs)
    return []


_SHOW_FORMULA = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:then\s+|and\s+)?(?P<verb>show|display|write|add|put|update|change|refresh)\s+"
                           r"(?:its|the|their|the\s+curve'?s|the\s+new)\s+(?:formula|equation|expression)s?\b[^.\"\u201c`$]*\.?\s*$",
                           re.I)


def _curve_formula(ex, ctx, i, first, beats, curves, low):
    """"Plot S_1(x) = … . Show its formula at the top right." then "… the curve transforms into S_3(x) = … . Update the
    formula.": the newest curve's formula, typeset beside the plot — and, when one is shown already, morphed into it."""
    m = _SHOW_FORMULA.match(ex.sentence)
    if not m or not curves:
        return None
    newest = curves[-1]
    formula = str(newest.get("label") or newest.get("expr") or "")
    if not formula:
        return None
    shown = next((b for b in reversed(since_clear(ctx)) if b.kind == "equation" and b.rule.startswith("equation:curve-formula")),
                 None)
    if shown is not None and formula in shown.params.get("exprs", []):
        ctx.modified.add(i)  # "Update the formula." with the newest curve's formula on screen already
        return []
    params = {"exprs": [formula]}
    if shown is not None:
        params["replaces"] = shown.params["exprs"][0]  # the formula on screen becomes the new one
    ctx.consumed.add(formula)
    return [_beat("equation", "equation:curve-formula", ex, i, [formula], _kw(formula), **params)]


def _series_extremum(ex, ctx, i, first, beats, curves, low):
    """"Mark the peak of I with a dot and the label "peak ≈ 301 infected, day 38"": a dot at the highest (lowest)
    value of the data line named I on screen, with the label written."""
    m = re.search(r"\b(peak|maximum|max|highest point|minimum|min|lowest point)\s+of\s+(?:the\s+)?([^\W\d_][\w']{0,5})"
                  r"(?:\s+(?:curve|line))?\b", ex.sentence, re.I)
    if m is None:
        return None
    name = m.group(2)
    owner = next((c for b in reversed(beats) for c in b.params.get("series") or []
                  if re.match(re.escape(name) + r"(?:\(|$)", str(c.get("label") or ""))), None)
    if owner is None:
        return None
    pick = max if m.group(1).lower() in ("peak", "maximum", "max", "highest point") else min
    x, y = pick(owner["points"], key=lambda p: p[1])
    label = _quoted_label(ex) or f"({_fmt(x)}, {_fmt(y)})"
    ctx.consumed.add(label)
    ctx.stop = not [q for q in ex.quoted if q != label]
    return [_extend(ex, ctx, i, "plot:series-extremum", [label], points=[{"x": x, "y": y, "label": label}])]


def _label_curves(ex, ctx, i, first, beats, curves, low):
    """"Label the curves "30 deg", "45 deg", "60 deg" near their peaks": the curves on screen take those names, in
    order (nothing new is drawn when they carry them already)."""
    if not re.match(r"\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:label|name)\s+(?:them\b|(?:the\s+)?(?:\w+\s+)?(?:curves|lines|graphs)\b)",
                    ex.sentence, re.I):
        return None
    # ("Label them y = \\theta and y = \\sin\\theta": the names may be formulas, written bare)
    names = list(ex.quoted) or list(ex.backticked) or [f for f, *_ in ex.prose]
    owner = next((b for b in reversed(beats) if len(b.params.get("curves") or []) == len(names)), None)
    key = "curves"
    if owner is None:
        # data lines drawn through values ("S", "I", "R"): 'Label the curves at their right ends: "S(t)", "I(t)", …'
        owner, key = next((b for b in reversed(beats) if len(b.params.get("series") or []) == len(names)), None), "series"
    if len(names) < 2 or owner is None:
        return None
    cs = [dict(c, label=n) for c, n in zip(owner.params[key], names)]
    if cs != owner.params[key]:
        ctx.replace(owner, Beat(owner.kind, {**owner.params, key: cs}, tuple(dict.fromkeys(owner.strings + tuple(names))),
                                owner.rule + "+labels", owner.source, owner.detail_index, owner.keywords), i)
    ctx.consumed.update(names)
    ctx.modified.add(i)  # (understood: the curves carry those names)
    ctx.stop = True
    return []


def _elsewhere(text: str, point: dict) -> float | None:
    """The value a label states ("x₂ ≈ 1.41667") when it is neither coordinate of `point` — the label of another point;
    None when it states none or names this one."""
    m = re.search(r"([^\W\d_][\w₀-₉]*)\s*(?:=|≈)\s*(-?\d+(?:\.\d+)?)\s*$", text)
    if not m:
        return None
    v = float(m.group(2))
    near = [float(point.get(k, 0.0)) for k in ("x", "y") if isinstance(point.get(k), (int, float))]
    return None if any(abs(c - v) <= 1e-3 * max(1.0, abs(v)) for c in near) else v


def _traced_curve(ex, ctx, i, first, beats, curves, low):
    """"Label the finished curve "y = cos θ" in blue" when no curve on screen is y = cos θ: the curve the sentences
    before traced (a dot's path), drawn now with its label — never the label alone beside the sine it is not."""
    m = re.match(r"\s*(?:then\s+)?label\s+the\s+(?:finished|traced|new|resulting|second|other|(?:" + COLOUR_RE.pattern +
                 r"))\s+(?:curve|path|graph)\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I) or re.match(
        # "When the curve is finished, label it "y = sin θ" in red": the curve the dot traced
        r"\s*(?:when|once|after)\s+the\s+(?:curve|path|trace)\s+is\s+(?:finished|complete|done|drawn|traced)\s*,\s*label\s+it\s+"
        r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I)
    if m is None:
        return None
    label = m.group(m.lastindex)
    f = try_formula(label)
    if f is None or any(re.sub(r"\s+", "", c.get("expr", "").split("=")[-1]) == re.sub(r"\s+", "", f.expr) for c in curves):
        return None
    col = colour_named(ex.bare[m.end():]) or colour_named(ex.bare[:m.end()])
    col = colour_value(col) if col else None
    ctx.consumed.add(label)
    return [_extend(ex, ctx, i, "plot:traced-curve", [label], curves=[dict({"expr": label, "label": label},
                                                                            **({"color": col} if col else {}))])]


def _relabel(ex, ctx, i, first, beats, curves, low):
    """"Label the hole "limit = 4"", "Label it "v"", "Display the label "μ = mean"" (after a marker)."""
    coloured = _label_by_colour(ex, ctx, i, beats)
    if coloured is not None:
        return coloured
    m = re.match(r"^\s*(?:then\s+)?(?:label|name|tag)\s+(?:the\s+|it\b|this\b|that\b)\s*(\w+)?[^\"\u201c]{0,30}"
                 r"[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]\s*\.?\s*$", ex.sentence, re.I)
    label_only = re.match(r"^\s*(?:then\s+)?(?:display|show|add|write)\s+(?:the\s+|a\s+)?label\s+[\"\u201c]([^\"\u201d]"
                          r"{1,60})[\"\u201d]\s*\.?\s*$", ex.sentence, re.I)
    if not (m or label_only):
        return None
    text = (m.group(2) if m else label_only.group(1)).strip()
    what = (m.group(1) or "").lower() if m else ""
    if what in ("slope", "slopes", "gradient", "region", "area", "intercept", "axis", "axes", "asymptote", "shading", "gap",
                "distance", "difference", "angle", "rise", "run", "interval"):
        return None  # 'Label the slope "slope = h"': no dot or curve of the plot carries it (never the last dot's label)
    key = "curves" if what in ("curve", "line", "graph", "function") else None
    it = m is not None and re.match(r"^\s*(?:then\s+)?\w+\s+(?:it|this|that)\b", ex.sentence, re.I) is not None
    last = beats[-1] if it else next((b for b in reversed(beats) if b.params.get(key or "points") or (
        not key and b.params.get("markers"))), beats[-1])
    before = [b for b in ctx.beats if b.detail_index == i - 1]
    if it and last.detail_index < i - 1 and before and not any(b.kind == "plot" for b in before) and any(
            re.match(r"\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:draw|plot|sketch|add)\b", b.source or "", re.I) for b in before):
        return None  # "Draw the line w1*x1 + … = 0 … Label it "p = 0.5"": what the sentence before drew, not on this plot
    if it and last.params.get("curves") and not last.params.get("points"):
        what = "curve"  # "Draw the tangent line at x = 3. Label it "slope = 2"": the newest thing on the plot
    if it and last.params.get("segments") and not last.params["segments"][-1].get("label"):
        # "Draw the line from (20, 0) to (120, 50). Label it "S"": that line
        sg = [dict(x) for x in last.params["segments"]]
        sg[-1]["label"] = text
        new = dict(last.params, segments=sg)
    elif what in ("curve", "line", "graph", "function") and last.params.get("curves"):
        cs = [dict(c) for c in last.params["curves"]]
        cs[-1]["label"] = text
        new = dict(last.params, curves=cs)
    elif last.params.get("points") and _elsewhere(text, last.params["points"][-1]) is not None:
        # 'Label the new point "x₂ ≈ 1.41667"' after a dot at (1.5, 0.25): the value names another point — on the
        # x-axis for an x (where the tangent meets it), never a wrong label on the dot drawn before
        v = _elsewhere(text, last.params["points"][-1])
        if not re.match(r"x", text.strip(), re.I):
            ctx.lost(i, f"the point labelled {text!r} is not drawn (where it lies is not said): the label is not placed")
            return None
        new = dict(last.params, points=[dict(p) for p in last.params["points"]] + [{"x": v, "y": 0, "label": text}])
    elif last.params.get("points"):
        ps = [dict(p) for p in last.params["points"]]
        old = ps[-1].get("label")
        coords = re.search(r"\([^()]*\)\s*$", old or "")
        ps[-1]["label"] = f"{text} {coords.group(0)}" if coords else text
        new = dict(last.params, points=ps)
    elif last.params.get("markers"):
        ms = [dict(x) for x in last.params["markers"]]
        ms[-1]["label"] = text
        new = dict(last.params, markers=ms)
    else:
        return None
    ctx.replace(last, Beat("plot", new, last.strings + (text,), last.rule + "+label", last.source, last.detail_index,
                           last.keywords), i)
    ctx.consumed.add(text)
    return []


def _intersection_point(ex, ctx, i, first, beats, curves, low):
    if not re.search(r"\bintersect\w*|\bwhere (?:the )?(?:two )?(?:curves|lines|graphs) (?:cross|meet)\b|"
                     r"\b(?:new |market )?equilibrium(?: point)?\b", low):
        return None
    if not re.search(r"\b(?:point|dot|intersect\w*|cross|meet|mark|show|highlight)\b", low):
        return None
    fs = [(k, _f(c)) for k, c in enumerate(curves)]
    fs = [(k, f) for k, f in fs if f]
    if len(fs) < 2:
        return None
    (ka, fa), (kb, fb) = fs[-2], fs[-1]
    if re.search(r"\bnew\b", low) and len(fs) >= 3:
        # "the new equilibrium": the newest curve against the latest other one that is not its ancestor
        kb, fb = fs[-1]
        ka, fa = next(((k, f) for k, f in reversed(fs[:-1]) if not _same_family(curves[k], curves[kb])), fs[-2])
    x0, x1 = _x_range(first, curves)
    hit = _intersection(fa, fb, x0, x1)
    if hit is None:
        return None
    label = _quoted_label(ex)
    if not label:
        m = re.search(r"\b(new equilibrium|equilibrium|intersection|break[- ]even(?: point)?)\b", low)
        label = (m.group(1) if m else "intersection").capitalize()
    point = {"x": round(hit[0], 3), "y": round(hit[1], 3), "label": label}
    return [_extend(ex, ctx, i, "plot:intersection", [label], points=[point])]


def _same_family(a: dict, b: dict) -> bool:
    la, lb = (a.get("label") or "").lower(), (b.get("label") or "").lower()
    wa, wb = set(re.findall(r"[a-z]{3,}", la)), set(re.findall(r"[a-z]{3,}", lb))
    return bool(wa & wb)


def _axis_markers(ex, ctx, i, first, beats, curves, low):
    """Dashed lines from the point to the axes, labelled with what the sentence marks on each axis."""
    if not re.search(r"\b(?:dashed|dotted)\s+(?:\w+\s+)?lines?\b.*\b(?:axes|axis)\b|\bdrop\w*\s+(?:\w+\s+)?lines?\b", low):
        return None
    pts = _points(beats)
    if not pts:
        return None
    if (re.search(r"\b(?:from\s+)?(?:each|every|all(?:\s+the)?)\s+(?:\w+\s+)?(?:dots?|points?)\b", low)
            or re.search(r"\bfrom\s+(?:the|both|these|those|the\s+two)\s+(?:\w+\s+)?(?:dots|points)\b", low)) and len(pts) > 1:
        # "From each dot draw dashed lines down to the x-axis and left to the y-axis": a pair of drops per dot;
        # "vertical lines from the dots to the x axis": the drops to that axis only
        down = bool(re.search(r"\bvertical\b|\bto\s+the\s+x[- ]?axis\b|\bdown\b", low))
        left = bool(re.search(r"\bhorizontal\b|\bto\s+the\s+y[- ]?axis\b|\bleft\b", low))
        down, left = (True, True) if down == left else (down, left)
        xs = [p["x"] for p in pts[:8] if isinstance(p.get("x"), (int, float))]
        named = {_num(_fmt(quantity(v))): f"x = {v}" for v in re.findall(r"\bx\s*=\s*(" + NUM + r")", ex.bare)}
        if down and not left and xs and all(_num(_fmt(x)) in named for x in xs):
            # "… to the x axis, and label x = 0 and x = 1": lines at those values, each labelled as written
            markers = [{"axis": "x", "value": x, "label": named[_num(_fmt(x))]} for x in xs]
            ctx.consumed.update(f for f, _, _ in ex.prose)
            ex.prose[:] = []
            return [_extend(ex, ctx, i, "plot:markers-to-axes", [m["label"] for m in markers], markers=markers)]
        xr, yr = first.params.get("x_range") or [0, 10], first.params.get("y_range") or [0, 10]
        x_axis, y_axis = max(yr[0], min(0, yr[1])), max(xr[0], min(0, xr[1]))
        drops = [seg for p in pts[:8] if isinstance(p.get("x"), (int, float)) for seg in (
            {"start": [p["x"], p["y"]], "end": [p["x"], x_axis], "style": "dashed"} if down else None,
            {"start": [p["x"], p["y"]], "end": [y_axis, p["y"]], "style": "dashed"} if left else None) if seg]
        drops = [d for d in drops if d["start"] != d["end"]]  # (a dot on an axis drops nowhere)
        if len(pts) > 8:
            ctx.lost(i, f"{len(pts)} dots: the drops to the axes are drawn from the first 8")
        return [_extend(ex, ctx, i, "plot:drops-to-axes", [], segments=drops)]
    # ("a dashed horizontal line from the vertical axis at 25% across to the curve": from the point at that height — not
    # the newest one; a value no point has is another rule's, a point on the curve)
    said = [quantity(v) for v in re.findall(r"\bat\s+(?:[a-zA-Z]\w?\s*=\s*)?(" + NUM + r")\s*%?", ex.sentence)]
    named_pts = [q for q in pts if isinstance(q.get("x"), (int, float)) and any(
        abs(v - q["y"]) < 1e-9 or abs(v - q["x"]) < 1e-9 for v in said)]
    if said and not named_pts:
        return None
    p = named_pts[-1] if named_pts else pts[-1]
    x_name = (first.params.get("x_label") or "x").lower()
    y_name = (first.params.get("y_label") or "y").lower()
    labels = {"x": None, "y": None}
    for text, a, b in ex.prose:
        after = ex.sentence[b: b + 40].lower()
        m = re.search(r"\bon\s+the\s+(\w+)[- ]axis\b", after)
        axis = None
        if m:
            name = m.group(1)
            axis = "y" if name in ("y", "vertical") or name in y_name else "x" if name in ("x", "horizontal") or \
                name in x_name else None
        if axis and labels[axis] is None:
            labels[axis] = text.rstrip(".")
    markers = [{"axis": "x", "value": p["x"], "label": labels["x"]}, {"axis": "y", "value": p["y"], "label": labels["y"]}]
    markers = [{k: v for k, v in m.items() if v is not None} for m in markers]
    strings = [m["label"] for m in markers if m.get("label")]
    ctx.consumed.update(f for f, _, _ in ex.prose)
    ex.prose[:] = []
    return [_extend(ex, ctx, i, "plot:markers-to-axes", strings, markers=markers)]


_LEVELS = re.compile(r"\b(?:(?:dashed|dotted|thin|faint|grey|gray)\s+)*(horizontal|vertical)\s+(?:(?:dashed|dotted|thin|"
                     r"faint|grey|gray|guide|reference)\s+)*lines?\s+(?:at\s+|(?=[xy]\s*=\s*[-−]?\d))((?:[a-zα-ω]\w{0,2}\s*=\s*)?" + NUM +
                     r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-zα-ω]\w{0,2}\s*=\s*)?" + NUM + r")*)", re.I)


# "Mark x = 2.89 and x = 4.11 with small vertical lines and labels": the values first, then the lines
_MARKED_AT = re.compile(r"\b(?:mark|show|indicate)\s+((?:the\s+)?[xy]\s*=\s*" + NUM + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)[xy]\s*=\s*"
                        + NUM + r")*)\s+(?:each\s+)?with\s+(?:(?:a|an|small|short|thin|dashed|dotted|faint)\s+)*"
                        r"(vertical|horizontal)\s+(?:\w+\s+)?(?:lines?|ticks?|marks?)(\s+and\s+(?:their\s+)?labels?)?", re.I)


_SHADE_BETWEEN = re.compile(r"\b(?:shade|fill|colou?r|highlight)\w*\s+(?:in\s+)?(?:the\s+)?(?:(?:area|region|part|space)\s+)?"
                            r"(?:under\s+the\s+curve\s+)?between\s+(?:them|these|those|the\s+(?:two\s+)?lines)\b", re.I)


def _level_lines(ex, ctx, i, first, beats, curves, low):
    """"Draw dashed horizontal lines at 0 and 1 labeled "0" and "1"", "vertical lines at x = -1 and x = 1", "Mark
    x = 2.89 and x = 4.11 with small vertical lines and labels": dashed lines across the plot at those values, each
    with its label (its value, when the sentence asks for labels and quotes none)."""
    m = _LEVELS.search(ex.sentence)
    marked = _MARKED_AT.search(ex.sentence) if m is None else None
    if m is None and marked is None:
        return None
    direction, written = (m.group(1), m.group(2)) if m is not None else (marked.group(2), marked.group(1))
    axis = "y" if direction.lower() == "horizontal" else "x"
    values = [_num(v) for v in re.findall(NUM, re.sub(r"[a-zα-ω]\w{0,2}\s*=", " ", written))][:6]
    labels = [q for q in ex.quoted if q not in ctx.consumed]
    more = list(re.finditer(r"\b(?:and\s+)?another(?:\s+one)?\s+at\s+(?:[a-zα-ω]\w{0,2}\s*=\s*)?(" + NUM + r")", ex.sentence[m.end():], re.I)) \
        if m is not None and len(values) == 1 else []
    if more:
        # "a vertical dashed line at θ = 0.35 (about 20°) with the label "…", and another at θ = 0.785 with the label
        # "…"": one line per value, each with the label written after it
        values += [_num(x.group(1)) for x in more][:5]
        cuts = [m.end()] + [m.end() + x.end() for x in more] + [len(ex.sentence)]
        labels = []
        for a, b in zip(cuts, cuts[1:]):
            own = re.search(r"\b(?:labell?ed|with\s+(?:the\s+|a\s+)?label|called|marked)\s*:?\s*[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]",
                            ex.sentence[a:b], re.I)
            labels.append(own.group(1) if own else None)
        ctx.consumed.update(lab for lab in labels if lab)
        markers = [{"axis": axis, "value": v, **({"label": lab} if lab else {})} for v, lab in zip(values, labels)]
        ex.prose[:] = []
        return [_extend(ex, ctx, i, "plot:level-lines", [lab for lab in labels if lab], markers=markers)]
    if m is not None:
        after = re.match(r"\s*,?\s*(?:labell?ed|called|marked)\s+[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]",
                         ex.sentence[m.end():], re.I)
        named = re.match(r"\s*,?\s*(?:and\s+)?(?:label(?:l?ed)?(?:\s+it)?|called|marked)\s+(?![\"\u201c])([^\"\u201c,;]{1,60}?=[^\"\u201c,;]"
                         r"{1,60}?)(?=\s+with\b|\s*[,;]|\s*\.?\s*$)", ex.sentence[m.end():], re.I)
        if len(values) == 1 and after:
            labels = [after.group(1)]  # "a vertical dashed line at x = 1.58 labeled "boundary ≈ 1.58 h", …"
        elif len(values) == 1 and named:
            labels = [named.group(1).strip()]  # "the horizontal line y = 1 and label it P_0(x) = 1 with the caption …"
            ctx.consumed.add(labels[0])
    elif len(labels) != len(values) and marked.group(3):
        labels = [_fmt(v) for v in values]  # "Mark x = 2.89 … with lines and labels": each line says where it stands
    area = None
    if axis == "x" and len(values) == 2 and values[0] != values[1] and _SHADE_BETWEEN.search(ex.sentence):
        # "Draw vertical lines at 160 and 180 and shade the area between them, labelled "68%"": the area under the
        # curve between the two lines, with its label
        area = {"a": min(values), "b": max(values)}
        col = area_colour(ex, ctx)
        if col:
            area["color"] = col
        if len(labels) == 1:
            area["label"] = labels[0]
            ctx.consumed.add(labels[0])
            labels = [None, None]
    labels = labels if len(labels) == len(values) else [None] * len(values)
    markers = [{"axis": axis, "value": v, **({"label": lab} if lab else {})} for v, lab in zip(values, labels)]
    ex.prose[:] = []
    if area is not None:
        return [_extend(ex, ctx, i, "plot:level-lines+area", [area["label"]] if "label" in area else [], markers=markers,
                        area=area)]
    if marked is not None:
        ctx.stop = True  # the sentence is these lines: "Mark x = 2.89" is not a part of a formula to highlight
    return [_extend(ex, ctx, i, "plot:level-lines", [lab for lab in labels if lab], markers=markers)]


def _up_to_curve(ex, ctx, i, first, beats, curves, low):
    """"Draw a dashed vertical line up to the curve point (x_n, f(x_n))" after a point on the x-axis: the segment from
    that point up (or down) to the curve, and a dot where it meets the curve."""
    if not re.search(r"\bvertical\s+(?:\w+\s+)?(?:line|segment)\b[^.;]*?\b(?:up|down)?\s*to\s+the\s+(?:curve|graph|function)\b", low):
        return None
    # ("… from (1, 0) down to the curve point (1, −1)": the point the sentence writes on the x-axis, else the newest one
    # drawn there)
    written = [(_num(a), _num(b)) for a, b in re.findall(r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)", ex.sentence)]
    on_axis = [{"x": x, "y": 0} for x, y in written if y == 0] or [
        p for p in _points(beats) if p.get("y") == 0 and isinstance(p.get("x"), (int, float))]
    fs = [_f(curves[k]) for k in _function_curves(first, beats, curves) if _f(curves[k])]
    if not on_axis or not fs:
        return None
    x = on_axis[-1]["x"] if not written else on_axis[0]["x"]
    y = _safe(fs[-1], x)
    if y is None or abs(y) < 1e-9:
        return None  # (a root: the point is on the curve already)
    said = next((b for a, b in written if a == x and b != 0), None)
    if said is not None and abs(said - y) > 1e-6 * max(1.0, abs(y)):
        ctx.lost(i, f"the curve point ({_fmt(x)}, {_fmt(said)}) is not on the curve drawn, where y = {_fmt(y)} at "
                    f"x = {_fmt(x)}: the segment ends on the curve")
    style = "dashed" if re.search(r"\b(?:dashed|dotted)\b", low) else "line"
    seg = {"start": [x, 0], "end": [x, _num(_fmt(y))], "style": style}
    return [_extend(ex, ctx, i, "plot:up-to-curve", [], segments=[seg], points=[{"x": x, "y": _num(_fmt(y))}])]


def _vertical_line(ex, ctx, i, first, beats, curves, low):
    """"Mark the mean μ at the center with a vertical dashed line", "a dashed line at x = 2"."""
    if not re.search(r"\b(?:vertical|dashed|dotted)\s+(?:\w+\s+)?line\b", low) or re.search(
            r"\baxes\b|\baxis\b", re.sub(r"\b(?:on|onto|in)\s+the\s+(?:\w+\s+)?axes\b", " ", low)):
        return None  # (not "On the data axes, draw a vertical dashed line at x = 1": where it is drawn)
    m = re.search(r"\bx\s*=\s*(" + NUM + r")", ex.sentence)
    if m:
        x = quantity(m.group(1))
    elif re.search(r"\b(?:center|centre|mean|peak|middle|top|maximum|mode)\b", low) and curves:
        f = next((g for g in (_f(c) for c in curves) if g), None)
        if f is None:
            return None
        x0, x1 = _x_range(first, curves)
        xs = [x0 + (x1 - x0) * k / 400 for k in range(401)]
        ys = [f(x) for x in xs]
        ok = [(y, x) for x, y in zip(xs, ys) if math.isfinite(y)]
        if not ok:
            return None
        x = max(ok)[1]
    else:
        return None
    sym = re.search(r"\b(?:mean|average)\s+(μ|mu|x̄)\b|\b(μ|x̄)\b", ex.sentence)
    label = _quoted_label(ex) or ((sym.group(1) or sym.group(2)) if sym else None)
    marker = {"axis": "x", "value": _num(_fmt(x))}
    if label:
        marker["label"] = label
    return [_extend(ex, ctx, i, "plot:vertical-line", [label] if label else [], markers=[marker])]


_AT_XS = re.compile(r"\bat\s+[a-zα-ω]\w{0,2}\s*=\s*((?:" + NUM + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)){1,7}" + NUM + r")", re.I)


def _tangent_segments(ex, ctx, i, first, beats, curves, low):
    """"At x = 0, 1, 2, 4 and 5 draw short tangent segments (length 1.5) and put the slope value beside each: "slope
    −4", …": a short piece of the tangent at each x, each with its label (the quoted ones in order, else its slope) —
    never a dot moving between the places. A label whose number is not the tangent's slope is said."""
    if not re.search(r"\btangent\s+(?:line\s+)?(?:segments|lines|pieces)\b", low):
        return None
    at = _AT_XS.search(ex.sentence)
    fs = [(k, _f(curves[k])) for k in _function_curves(first, beats, curves) if _f(curves[k])]
    if not at or not fs:
        return None
    f = fs[-1][1]
    xs = [quantity(v) for v in re.findall(NUM, at.group(1))]
    size = re.search(r"\blength\s+(" + NUM + r")", ex.sentence, re.I)
    length = quantity(size.group(1)) if size else 1.5
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    labels: list[str | None] = quoted if len(quoted) == len(xs) else \
        [None] * len(xs) if not re.search(r"\bslopes?\b", low) else []
    segments = []
    for k, x in enumerate(xs):
        y, m = _safe(f, x), _slope(f, x)
        if y is None or m is None:
            ctx.lost(i, f"the curve has no tangent at x = {_fmt(x)}: not drawn")
            continue
        dx = length / 2 / math.sqrt(1 + m * m)
        label = labels[k] if k < len(labels) else f"slope {_fmt(m)}"
        said = re.search(NUM, (label or "").replace("−", "-"))
        if said and labels and abs(quantity(said.group(0)) - m) > 1e-2 * (1 + abs(m)):
            ctx.lost(i, f"the label {label!r} at x = {_fmt(x)} is not the tangent's slope there ({_fmt(m)}): written as given")
        segments.append({"start": [_num(_fmt(x - dx)), _num(_fmt(y - m * dx))], "end": [_num(_fmt(x + dx)), _num(_fmt(y + m * dx))],
                         **({"label": label} if label else {})})
    if not segments:
        return None
    # the colour the style gives tangents, else one apart from the curve's (a piece of tangent lies along its curve)
    col = ctx.theme.for_label("tangent | tangents | tangent lines | tangent segments", "") or next(
        (c for c in ctx.theme.palette if c.lower() != str(curves[fs[-1][0]].get("color") or "").lower()
         and c.lower() != ctx.theme.accent.lower()), None)
    if col:
        segments = [dict(sg, color=col) for sg in segments]
    strings = [sg["label"] for sg in segments if sg.get("label")]
    ex.prose[:] = []
    return [_extend(ex, ctx, i, "plot:tangent-segments", strings, segments=segments)]


def _signed_tangent_colours(ex, ctx, i, first, beats, curves, low):
    """"Colour negative-slope tangents red, positive ones green, and the zero-slope tangent white": the tangent pieces on
    screen take the colour of their slope's sign."""
    words = {"negative": -1, "positive": 1, "zero": 0, "flat": 0, "horizontal": 0}
    found = {}
    for m in re.finditer(r"\b(negative|positive|zero|flat|horizontal)(?:[- ]slope)?\s+(?:ones|tangents?|segments?)?[^,;.]{0,20}?"
                         r"\b(" + COLOUR_RE.pattern + r")", ex.sentence, re.I):
        col = colour_value(m.group(2))
        if col:
            found[words[m.group(1).lower()]] = col
    piece = next((b for b in reversed(since_clear(ctx)) if b.rule == "plot:tangent-segments"), None)
    if len(found) < 2 or piece is None or not re.search(r"\bslopes?\b|\btangents?\b", low):
        return None

    def sign(sg) -> int:
        d = (sg["end"][1] - sg["start"][1]) / max(1e-12, sg["end"][0] - sg["start"][0])
        return 0 if abs(d) < 1e-9 else 1 if d > 0 else -1

    segments = [dict(sg, color=found[sign(sg)]) if sign(sg) in found else sg for sg in piece.params["segments"]]
    ctx.replace(piece, Beat(piece.kind, {**piece.params, "segments": segments}, piece.strings, piece.rule, piece.source,
                            piece.detail_index, piece.keywords), i)
    ctx.stop = True
    return []


def _line_through(y0: float, slope: float, var: str, a: float) -> str:
    """The straight line of that slope through (a, y0), written in the curve's variable: "-1 + 2*(x - 1)"."""
    sign, size = ("-", -slope) if slope < 0 else ("+", slope)
    return f"{_fmt(y0)} {sign} {_fmt(size)}*({var} - {_fmt(a)})" if a else f"{_fmt(y0)} {sign} {_fmt(size)}*{var}"


_TANGENT_AT = re.compile(r"\btangent(?:\s+line)?\s+at\s+(?:[a-zα-ω][\w₀-₉ₙ]{0,3}\s*=\s*(" + NUM + r")|\(\s*(" + NUM + r")\s*,\s*("
                         + NUM + r")\s*\))")


def _tangents_at(ex, ctx, i, f) -> list | None:
    """"Draw the tangent at x₀ = 1 …, then the tangent at (1.5, 0.25) with slope 3 …": each tangent the sentence names, to
    the curve (a point off the curve, or a slope that is not the curve's there, is said); None unless it names two or
    more."""
    found = list(_TANGENT_AT.finditer(ex.sentence))
    if len(found) < 2:
        return None
    curves, strings = [], []
    for m in found[:4]:
        a = quantity(m.group(1) or m.group(2))
        fa, slope = _safe(f, a), _slope(f, a)
        if fa is None or slope is None:
            continue
        if m.group(3) and abs(quantity(m.group(3)) - fa) > 1e-3 * (1.0 + abs(fa)):
            ctx.lost(i, f"({m.group(2)}, {m.group(3)}) is not on the curve: the tangent is drawn at x = {_fmt(a)}, where "
                        f"the curve is at y = {_fmt(fa)}")
        said = re.match(r"[^.;]{0,20}?\bwith\s+slope\s+(" + NUM + r")", ex.sentence[m.end():])
        if said and abs(quantity(said.group(1)) - slope) > 1e-2 * (1.0 + abs(slope)):
            ctx.lost(i, f"the tangent at x = {_fmt(a)} has slope {_fmt(slope)}, not {said.group(1)}: drawn with the curve's")
        expr = _line_through(fa, slope, f.var, a)
        label = f"slope = {_fmt(slope)}"
        curves.append(curve_spec(ctx, expr, label, "tangent", None))
        strings.append(label)
    if not curves:
        return None
    ex.prose[:] = []
    return [_extend(ex, ctx, i, "plot:tangent", strings, curves=curves)]


def _tangent(ex, ctx, i, first, beats, curves, low):
    """"Place a point at x = 5 on the curve and draw its tangent line, labeled "slope = +6"", "place a point at the
    bottom (2, 1) with a flat tangent line labeled "slope = 0" and the label "minimum"": the tangent to the function
    curve (never to a tangent line drawn before), with the point when the sentence places one."""
    if not re.search(r"\btangent\b", low) or re.search(r"\btangent(?:\s+line)?\s*[,:]?\s*y\s*=", low):
        return None  # (a tangent line written out, "the tangent line y = 1 + x": that line, drawn as written)
    if re.search(r"\b(?:along|on|follow\w*|down|up)\s+(?:the\s+|this\s+|that\s+)?tangent\b", low) and not re.search(
            r"\b(?:draw|add|sketch|plot|overlay|construct)\w*\b[^.;]*\btangent\b", low):
        return None  # "a small dot sliding along the tangent": the tangent on screen is where it moves, no new one
    fs = [(k, _f(curves[k])) for k in _function_curves(first, beats, curves) if _f(curves[k])]
    if not fs:
        return None
    k, f = fs[-1]
    pts = _points(beats)
    s = ex.sentence
    several = _tangents_at(ex, ctx, i, f)
    if several is not None:
        return several
    m = re.search(r"\bat\s+[a-zα-ω]\w{0,2}\s*=\s*(" + NUM + r")", s)
    at = COORD.search(s) if m is None else None
    a = quantity(m.group(1)) if m else quantity(at.group(2)) if at else (pts[-1]["x"] if pts else None)
    if a is None:
        return None
    fa, slope = _safe(f, a), _slope(f, a)
    if fa is None or slope is None:
        return None
    if at and abs(quantity(at.group(3)) - fa) > 1e-3 * (1.0 + abs(fa)):
        ctx.lost(i, f"({at.group(2)}, {at.group(3)}) is not on the curve: the tangent is drawn at x = {_fmt(a)}, "
                    f"where the curve is at y = {_fmt(fa)}")
    expr = _line_through(fa, slope, f.var, a)
    # its label: the one written after "tangent" ("a flat tangent line labeled "slope = 0""), else the one quoted
    own = re.search(r"\btangent\b[^\"\u201c]{0,40}?\blabell?ed\s+(?:as\s+)?[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]", s, re.I)
    crossing = re.search(r"\b(?:cross\w*|meet\w*|hit\w*|reach\w*)\s+the\s+x[- ]?axis\b|\bx[- ]intercept\b", low)
    if crossing and abs(slope) > 1e-9 and not own:
        # "extend it until it crosses the x-axis; mark the crossing with a dot labelled "x_{n+1}"": where it meets the
        # axis, a dot with that label — the next guess of Newton's method
        x0 = a - fa / slope
        mark = re.search(r"\b(?:dot|point|marker)\b[^\"\u201c]{0,30}?\blabell?ed\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", s, re.I)
        point = {"x": _num(_fmt(x0)), "y": 0, **({"label": mark.group(1).strip()} if mark else {})}
        strings = [mark.group(1).strip()] if mark else []
        if mark:
            ctx.consumed.add(mark.group(1).strip())
        return [_extend(ex, ctx, i, "plot:tangent", strings, curves=[curve_spec(ctx, expr, "tangent", "tangent", None)],
                        points=[point])]
    label = own.group(1).strip() if own else _quoted_label(ex) or f"slope = {_fmt(slope)}"
    said = re.fullmatch(r"\s*(?:slope|m|gradient)\s*=\s*(" + NUM + r")\s*", label.replace("+", ""), re.I)
    if said and abs(quantity(said.group(1)) - slope) > 1e-2 * (1.0 + abs(slope)):
        ctx.lost(i, f"the label says {label!r}, but the tangent at x = {_fmt(a)} has slope {_fmt(slope)}: "
                    "drawn with the curve's slope")
    strings = [label]
    points = None
    if re.search(r"\b(?:place|put|mark|add|draw|plot)\w*\s+(?:a|an|another|the|one)?\s*(?:\w+\s+)?(?:point|dot|ball)\b",
                 low):
        # "Place a point at x = 5 … and draw its tangent": the point too, named by the other label written
        other = [q for q in ex.quoted if q != label and len(q) <= 40]
        point = {"x": _num(_fmt(a)), "y": _num(_fmt(fa))}
        if len(other) == 1:
            point["label"] = other[0]
            strings.append(other[0])
        elif len(other) > 1:
            ctx.lost(i, "the labels " + ", ".join(repr(q) for q in other) + " are not drawn: which one names the point "
                     "is not clear")
        points = [point]
    return [_extend(ex, ctx, i, "plot:tangent", strings, curves=[curve_spec(ctx, expr, label, "tangent", None)],
                    points=points)]


_NUMS = r"(" + NUM + r"(?:\s*,\s*(?:and\s+)?" + NUM + r")*(?:\s*,?\s*and\s+" + NUM + r")?)"


def _dot_rows(ex, ctx, i, first, beats, curves, low):
    """"red dots at y = 0 for x = 0.5, 1.0, 1.5 and green dots at y = 1 for x = 2.5, 3.5": rows of data dots on the
    axes, each row in its colour, not joined."""
    s = ex.sentence
    rows = list(re.finditer(r"(?:\b(?P<col>[a-z]+)\s+)?\b(?:dots|points|circles|markers|crosses)\s+at\s+y\s*=\s*(?P<y>" + NUM +
                            r")\s+(?:for|at|with)\s+x\s*=\s*" + _NUMS, s, re.I))
    if not rows:
        return None
    series = []
    for m in rows:
        xs = [quantity(x) for x in re.findall(NUM, m.group(m.lastindex))]
        y = quantity(m.group("y"))
        row = {"points": [[_num(_fmt(x)), _num(_fmt(y))] for x in xs][:60], "joined": False}
        colour = colour_value(m.group("col")) if m.group("col") else None
        if colour:
            row["color"] = colour
        if len(row["points"]) == 1:
            row["points"].append(list(row["points"][0]))  # (a series holds two points at least: the same one twice)
        series.append(row)
    ys = [p[1] for r in series for p in r["points"]]
    xs = [p[0] for r in series for p in r["points"]]
    rng = first.params.get("y_range")
    if rng == [0, 10] and not re.search(r"\by(?:[- ]axis)?\b[^.;]{0,40}?\bfrom\s+" + NUM + r"\s+to\b", first.source or "", re.I) \
            and max(ys) - min(ys) < 5:
        # empty axes' default height (0 to 10) for rows of dots at y = 0 and y = 1: the axes fit the rows
        ctx.replace(first, Beat(first.kind, {**first.params, "y_range": [clean_number(min(0.0, min(ys)) - 0.5),
                                                                         clean_number(max(ys) + 0.5)]},
                                first.strings, first.rule, first.source, first.detail_index, first.keywords), i)
    xr = first.params.get("x_range")
    if xr and (min(xs) < xr[0] or max(xs) > xr[1]):
        ctx.lost(i, "some dots lie outside the x axis as drawn: they are drawn at its edge")
    return [_extend(ex, ctx, i, "plot:dot-rows", [], series=series)]


def _secant(ex, ctx, i, first, beats, curves, low):
    """"Draw the orange secant line through P and Q", "the secant between x = 2 and x = 3", "a chord through (1, 1)
    and (2, 4)": the straight line through two points of the curve — named points on screen, coordinates, or x values
    on the function curve."""
    if not re.search(r"\b(?:secant|chord)\b", low):
        return None
    s = ex.sentence
    shrinking = _shrinking_secants(ex, ctx, i, first, beats, curves)
    if shrinking is not None:
        return shrinking
    ends: list[tuple[float, float]] = []
    named = re.search(r"\bthrough\s+(?:points?\s+)?([A-Z])\s*(?:and|&|,)\s*(?:point\s+)?([A-Z])\b", s)
    if named:
        pts = _points(beats)
        for name in named.groups():
            p = next((p for p in reversed(pts) if re.match(re.escape(name) + r"(?![\w'])", str(p.get("label") or ""))), None)
            if p is not None and isinstance(p.get("x"), (int, float)) and isinstance(p.get("y"), (int, float)):
                ends.append((float(p["x"]), float(p["y"])))
    if len(ends) < 2:
        coords = list(COORD.finditer(s))
        ends = [(quantity(c.group(2)), quantity(c.group(3))) for c in coords[:2]] if len(coords) >= 2 else []
    if len(ends) < 2:
        xs = re.findall(r"\b[a-z]\s*=\s*(" + NUM + r")", s)
        fs = [_f(curves[k]) for k in _function_curves(first, beats, curves) if _f(curves[k])]
        if len(xs) >= 2 and fs:
            values = [(quantity(x), _safe(fs[-1], quantity(x))) for x in xs[:2]]
            ends = [(x, y) for x, y in values if y is not None]
    if len(ends) < 2 or ends[0][0] == ends[1][0]:
        if named or re.search(r"\bsecant\s+line\b", low):
            ctx.lost(i, "the secant line: its two points are not given as numbers or as points on the plot")
        return None
    (x1, y1), (x2, y2) = ends
    slope = (y2 - y1) / (x2 - x1)
    var = "x"
    sign, size = ("-", -slope) if slope < 0 else ("+", slope)
    expr = f"{_fmt(y1)} {sign} {_fmt(size)}*({var} - {_fmt(x1)})"
    label = _quoted_label(ex) or f"slope = {_fmt(slope)}"
    named_colour = colour_named(s)
    colour = colour_value(named_colour) if named_colour else None
    return [_extend(ex, ctx, i, "plot:secant", [label], curves=[curve_spec(ctx, expr, label, "secant", colour)])]


_STEP_NAME = r"(?:\\Delta\s*x|\\delta\s*x|Δx|Δ\s*x|delta\s*x|dx|h)"
_SECANT_SPAN = re.compile(r"\bfrom\s+(?:x\s*=\s*)?(" + NUM + r")\s+to\s+(?:x\s*=\s*)?(" + NUM + r")\s*\+\s*" + _STEP_NAME, re.I)
_STEPS = re.compile(r"\b" + _STEP_NAME + r"\s*=\s*(" + NUM + r"(?:\s*(?:,\s*(?:and\s+)?(?:then\s+)?|,?\s*(?:and\s+)?then\s+|\s+and\s+)"
                    + NUM + r")*)", re.I)


def _shrinking_secants(ex, ctx, i, first, beats, curves):
    """"Draw a secant line from x = 1 to x = 1 + Δx for Δx = 0.1, then 0.01, then 0.001": one secant per step, each
    taking the place of the one before, labelled with its slope — the secant turning toward the tangent."""
    span = _SECANT_SPAN.search(ex.sentence)
    steps = _STEPS.search(ex.sentence)
    if span is None or steps is None or quantity(span.group(1)) != quantity(span.group(2)):
        return None
    fs = [_f(curves[k]) for k in _function_curves(first, beats, curves) if _f(curves[k])]
    if not fs:
        return None
    a = quantity(span.group(1))
    ya = _safe(fs[-1], a)
    hs = [quantity(v) for v in re.findall(NUM, steps.group(1))][:6]
    named_colour = colour_named(ex.sentence)
    colour = colour_value(named_colour) if named_colour else None
    out = []
    for k, h in enumerate(hs):
        yb = _safe(fs[-1], a + h) if h else None
        if ya is None or yb is None:
            ctx.lost(i, f"the secant for {steps.group(0).split('=')[0].strip()} = {_fmt(h)}: the curve has no value there")
            continue
        slope = (yb - ya) / h
        sign, size = ("-", -slope) if slope < 0 else ("+", slope)
        expr = f"{_fmt(ya)} {sign} {slope_text(size)}*(x - {_fmt(a)})"
        label = f"slope ≈ {slope:.4f}"
        beat = _extend(ex, ctx, i, "plot:secant", [label], curves=[curve_spec(ctx, expr, label, "secant", colour)],
                       replace=bool(out))
        out.append(beat)
    ctx.consumed.update(f for f, _, _ in ex.prose)
    ex.prose[:] = []
    ex.formulas[:] = []
    ctx.stop = True
    return out


def slope_text(v: float) -> str:
    """A slope with the digits that tell the secants apart (1.0689, not 1.069)."""
    return f"{v:.6g}"


def _shift_curve(ex, ctx, i, first, beats, curves, low):
    m = re.search(r"\b(?:the\s+)?(\w+(?:\s\w+)?)\s+(?:curve|line)\s+(?:shifting|shifts|shifted|moving|moves|sliding)\s+"
                  r"(?:to\s+the\s+|towards?\s+the\s+)?(right|left|up|down|outward|inward)", low)
    if not m:
        return None
    words = [w for w in m.group(1).split() if w not in ("the", "a", "entire", "whole")]
    k = _curve_named(curves, words) if words else None
    if k is None:
        k = len(curves) - 1
    if k < 0:
        return None
    c = curves[k]
    f = _f(c)
    if not f:
        return None
    x0, x1 = _x_range(first, curves)
    d = (x1 - x0) * 0.2
    direction = m.group(2)
    dx = d if direction in ("right", "outward") else -d if direction in ("left", "inward") else 0.0
    dy = d if direction == "up" else -d if direction == "down" else 0.0
    expr = _shift(c["expr"], f.var, dx, dy)
    label = _quoted_label(ex) or ((c.get("label") or "curve") + " (shifted)")
    return [_extend(ex, ctx, i, "plot:shift-curve", [label], curves=[curve_spec(ctx, expr, label, "", None)])]


_WIDEN = re.compile(r"\b(?:widen|extend|expand|grow|stretch|spread)\w*\s+(?:the\s+)?(?:shad\w+|shaded\s+(?:area|region)|area|region)"
                    r"(?:\s+(?:area|region))?\s+(?:out\s+)?to\b", re.I)
_WIDER_TO = re.compile(r"\bto\s+(?:x\s*=\s*)?(" + NUM + r")\s+and\s+(?:x\s*=\s*)?(" + NUM + r")(?:\s*,?\s*(?:labell?ed|with\s+"
                       r"(?:the\s+)?label|marked)\s+[\"\u201c]([^\"\u201d]{1,24})[\"\u201d])?", re.I)


_ALONG_AXIS = re.compile(r"\b(?:below|under|beneath|above|at|over)\s+(?:the\s+(?:values?|points?|ticks?)\s+)?(?:x\s*=\s*)?("
                         + NUM + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:x\s*=\s*)?" + NUM + r"){1,7})\b", re.I)


def _tick_labels(ex, ctx, i, first, beats, curves, low):
    """'Put tick labels "π/2", "π", "3π/2", "2π" on the horizontal axis and "1", "-1" on the vertical axis': the axes'
    own numbers, evenly spaced — their step is set so the ticks read so (never a list of the labels beside the plot)."""
    if not re.search(r"\btick\s*(?:labels?|marks?|numbers?)\b", low) or not ex.quoted:
        return None
    params, used = {}, []
    for m in re.finditer(r"((?:[\"\u201c][^\"\u201d]{1,8}[\"\u201d]\s*,?\s*(?:and\s+)?)+)\s*(?:on|along|at|for)\s+the\s+"
                         r"(horizontal|vertical|x|y)[- ]?axis", ex.sentence, re.I):
        labels = re.findall(r"[\"\u201c]([^\"\u201d]{1,8})[\"\u201d]", m.group(1))
        try:
            values = sorted(quantity(q.replace("−", "-")) for q in labels)
        except (ValueError, ZeroDivisionError):
            return None
        steps = {round(b - a, 6) for a, b in zip(values, values[1:])}
        key = "x" if m.group(2).lower() in ("horizontal", "x") else "y"
        rng = first.params.get(f"{key}_range")
        if len(steps) != 1 or not rng or min(values) < rng[0] - 1e-4 or max(values) > rng[1] + 1e-4:
            return None  # labels not evenly spaced, or off the axis: not the axis's own numbers
        if not any("π" in q for q in labels):  # (steps of π: the axes already number themselves in π)
            params[f"{key}_step"] = _num(_fmt(steps.pop()))
        used += labels
    if not used or set(used) != set(ex.quoted):
        return None
    ctx.replace(first, Beat(first.kind, {**first.params, **params, "numbers": True}, first.strings, first.rule,
                            first.source, first.detail_index, first.keywords), first.detail_index)
    ctx.consumed.update(used)
    ctx.modified.add(i)
    ctx.stop = True
    return []


def _labels_along_axis(ex, ctx, i, first, beats, curves, low):
    """"Under the axis, mark "μ − σ", "μ", "μ + σ" below 160, 170 and 180": each label on the x axis at its value,
    in the order written — as many values as labels, else not this."""
    if not re.search(r"\b(?:mark|label|write|place|put|add|show)\w*\b", low):
        return None
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    at = _ALONG_AXIS.search(ex.sentence)
    if at is None or len(quoted) < 2:
        return None
    xs = [_num(v) for v in re.findall(NUM, re.sub(r"x\s*=", " ", at.group(1)))]
    if len(xs) != len(quoted):
        return None
    yr = first.params.get("y_range") or [0, 10]
    y0 = max(yr[0], min(0, yr[1]))
    points = [{"x": x, "y": y0, "label": q} for x, q in zip(xs, quoted)]
    ex.prose[:] = []
    ctx.stop = True
    return [_extend(ex, ctx, i, "plot:axis-labels", quoted, points=points)]


def _widen_area(ex, ctx, i, first, beats, curves, low):
    """"Then widen the shading to 150 and 190, labelled "95%", and then to 140 and 200, labelled "99.7%"": each
    wider stretch shaded under the curve in turn, with its label — over the narrower one, which stays."""
    m = _WIDEN.search(ex.sentence)
    if m is None or not any(b.params.get("area") for b in beats):
        return None
    out = []
    col = area_colour(ex, ctx)
    for w in list(_WIDER_TO.finditer(ex.sentence, m.end() - 2))[:4]:
        a, b = sorted((_num(w.group(1)), _num(w.group(2))))
        if a == b:
            continue
        area = {"a": a, "b": b, **({"color": col} if col else {}), **({"label": w.group(3)} if w.group(3) else {})}
        out.append(_extend(ex, ctx, i, "plot:area-widened", [w.group(3)] if w.group(3) else [], area=area))
    if not out:
        return None
    ex.prose[:] = []
    ctx.stop = True
    return out


def _tails(ex, ctx, i, first, beats, curves, low):
    """"Highlight the left and right sides (tails) beyond 2 standard deviations": both tails shaded."""
    m = re.search(r"\b(?:left and right|both)\s+(?:sides|tails|ends)\b.*?\bbeyond\s+(?:±\s*)?(" + NUM + r")|"
                  r"\btails?\b.*?\bbeyond\s+(?:±\s*)?(" + NUM + r")", low)
    if not m or not curves:
        return None
    k = quantity(m.group(1) or m.group(2))
    x0, x1 = _x_range(first, curves)
    if not x0 < -k < k < x1:
        return None
    col = area_colour(ex, ctx)
    extra = {"color": col} if col else {}
    left = _extend(ex, ctx, i, "plot:tail", [], area={"a": _num(_fmt(x0)), "b": -_num(_fmt(k)), **extra})
    right = _extend(ex, ctx, i, "plot:tail", [], area={"a": _num(_fmt(k)), "b": _num(_fmt(x1)), **extra})
    return [left, right]


def _between(ex, ctx, i, first, beats, curves, low):
    """"Shade the region between the two curves in green", "the area between y = x and y = x^2": the area the two
    curves on screen bound (rectangles between them are `_riemann`'s)."""
    if not BETWEEN.search(low) or re.search(r"\brectangles?\b|\briemann\b|\bstrips?\b", low):
        return None
    if not re.search(r"\b(?:shad\w*|fill\w*|colou?r\w*|highlight\w*|area|region)\b", low):
        return None
    fs = _function_curves(first, beats, curves)
    area = between_curves(ex.bare, [curves[k].get("expr", "") for k in fs], _x_range(first, curves))
    if area is None:
        return None
    area["curve"], area["to"] = fs[area["curve"]], fs[area["to"]]
    col = between_fill(ex, ctx)
    if col:
        area["color"] = col
    label = _quoted_label(ex)
    if label:
        area["label"] = label
    return [_extend(ex, ctx, i, "plot:area-between", [label] if label else [], area=area)]


_STRIP = re.compile(r"\b(?:one|a|single|typical|representative|sample)\s+(?:(?:thin|narrow|single|typical|representative|"
                    r"vertical|sample|small)\s+)*(?:strip|rectangle|slice|slab)\b(?!s)", re.I)
_STRIP_SIDE = r"(?:label\w*\s+)?(?:its\s+|the\s+)?{word}\s+(?:as\s+|with\s+)?(?P<text>.+?)(?=\s*(?:,\s*)?(?:and\s+)?(?:its\s+|the\s+)?(?:{other})\b|\s*[.;]?\s*$)"


def _strip(ex, ctx, i, first, beats, curves, low):
    """"Highlight one thin strip and label its height x - x^2 and width dx": one narrow strip of the region shaded on
    screen (between its curves, or under its curve), in the highlight colour, a double arrow for its height and a
    brace for its width, each with the label written for it."""
    if not _STRIP.search(low) or not re.search(r"\b(?:highlight|show|draw|mark|pick|isolate|shade|colou?r)\w*\b", low):
        return None
    if re.search(r"\b(?:width|height)\s+(?:of\s+)?" + NUM + r"\s+(?:and|by|,)", low) or re.search(
            r"\b(?:on|at|to)\s+the\s+(?:right|left)(?:\s+side)?\b|\bbeside\s+the\s+(?:plot|graph|axes)\b", low):
        return None  # "On the right side, show a small rectangle of width 1.5 and height 1": a shape of its own, no strip
    area = next((b.params["area"] for b in reversed(beats) if b.params.get("area")), None)
    if area is None:
        return None
    lower_i, upper_i = area.get("to"), int(area.get("curve", 0))
    if upper_i >= len(curves) or (lower_i is not None and lower_i >= len(curves)):
        return None
    f_up, f_low = _f(curves[upper_i]), (_f(curves[lower_i]) if lower_i is not None else (lambda x: 0.0))
    if f_up is None or f_low is None:
        return None
    a, b = sorted((float(area["a"]), float(area["b"])))
    n = int(area.get("rectangles") or 0)
    w = max((b - a) / n if n else 0.0, (b - a) / 16)
    m = (a + b) / 2
    y_up, y_low = _safe(f_up, m), _safe(f_low, m)
    if y_up is None or y_low is None or abs(y_up - y_low) < 1e-9:
        return None
    y_up, y_low = max(y_up, y_low), min(y_up, y_low)
    text = re.sub(r"[\"\u201c\u201d]", "", ex.sentence)
    labels = {}
    for word, other in (("height", "width|base"), ("width", "height")):
        lm = re.search(r"\b" + _STRIP_SIDE.format(word=word, other=other), text, re.I)
        if lm and len(lm.group("text")) <= 40:
            labels[word] = lm.group("text").strip()
    col = area_colour(ex, ctx, "strip strips slice rectangle") or ctx.theme.roles.get("highlight") or ctx.theme.accent
    new_area = {"a": _num(_fmt(m - w / 2)), "b": _num(_fmt(m + w / 2)), "curve": upper_i, "color": col}
    if lower_i is not None:
        new_area["to"] = lower_i
    segments = [{"start": [_num(_fmt(m)), _num(_fmt(y_low))], "end": [_num(_fmt(m)), _num(_fmt(y_up))], "style": "arrow",
                 "label": labels.get("height"), "color": col}]
    if "width" in labels:
        segments.append({"start": [_num(_fmt(m - w / 2)), _num(_fmt(y_low))], "end": [_num(_fmt(m + w / 2)), _num(_fmt(y_low))],
                         "style": "brace", "label": labels["width"], "color": col})
    segments = [{k: v for k, v in s.items() if v is not None} for s in segments]
    strings = [labels[k] for k in ("height", "width") if k in labels]
    ctx.consumed.update(strings)
    ctx.consumed.update(f for f, _, _ in ex.prose)
    ex.prose[:] = []
    ctx.stop = True
    return [_extend(ex, ctx, i, "plot:strip", strings, area=new_area, segments=segments)]


_AT_AREA = re.compile(r"\b(?P<where>inside|in|into|on|over|next\s+to|beside|near|by|to\s+the\s+(?:right|left)\s+of)"
                      r"(?:\s*/\s*(?P<also>inside|in|next\s+to|beside|near|by|on))?\s+(?:the\s+|this\s+|that\s+)?"
                      r"(?:[\w-]+\s+){0,2}?(?:region|area|lens)\b", re.I)


def _area_note(ex, ctx, i, first, beats, curves, low):
    """"Put a large question mark inside/next to the shaded region with the text "Area = ?"": the quoted text is the
    shaded area's — beside it with an arrow pointing into it (inside it when only "inside"/"in" is said)."""
    at = _AT_AREA.search(ex.sentence)
    if at is None or not any(b.params.get("area") for b in beats):
        return None
    texts = [q for q in ex.quoted if q not in ctx.consumed]
    if len(texts) != 1 or len(texts[0]) > 60:
        return None
    said = " ".join(w for w in (at.group("where"), at.group("also")) if w).lower()
    arrow = bool(re.search(r"next|beside|near|\bby\b|right|left", said) or re.search(r"\barrow\b|\bpoint", low))
    note = {"text": texts[0], "arrow": arrow}
    ctx.stop = True
    return [_extend(ex, ctx, i, "plot:area-note", [texts[0]], area_note=note)]


def _riemann(ex, ctx, i, first, beats, curves, low):
    """"Draw 4 rectangles of width 0.5 under the curve", "a Riemann sum with n = 8 right-endpoint rectangles from x = 0
    to x = 2": a Riemann sum on the curve on screen — the number of rectangles as written, or the span over their
    width; where each meets the curve (left, right, midpoint); the span as written, else the plot's x range."""
    m = re.search(r"\b(?:(\d{1,2})|(" + "|".join(WORD_NUMBERS) + r"))\s+(?:(?:equal|thin|vertical|narrow|tall)\s+)*"
                  r"(?:(left|right|mid(?:dle)?|midpoint)[- ](?:end[- ]?point\s+|hand\s+)?)?(?:(?:equal|thin|thinner|narrower|"
                  r"smaller|vertical|new)\s+)*rectangles\b", low)
    riemann = re.search(r"\briemann\s+sums?\b", low) or (
        re.search(r"\brectangles\b", low) and len(re.findall(r"\[\s*" + NUM + r"\s*,\s*" + NUM + r"\s*\]", low)) >= 2)
    if not (m or riemann) or not curves:
        return None
    if re.match(r"\W*(?:now\s+|then\s+|so\s+)?(?:they|it|these|those|this)\s+(?!rectangles?\b)", low):
        return None  # "Now they coincide with the first three right rectangles": what is on screen, described
    before = next((b.params["area"] for b in reversed(beats) if (b.params.get("area") or {}).get("rectangles")), None)
    if before is not None and re.search(r"\b(?:slid\w*|shift\w*|mov\w*)\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+){0,2}?rectangles\b",
                                        low):
        # "slide all 4 left rectangles one slot to the left": the rectangles on screen moving — not drawn, said
        ctx.lost(i, "the rectangles on screen are not moved: they stay where they are")
        return []
    n = int(m.group(1)) if m and m.group(1) else WORD_NUMBERS.get(m.group(2), 0) if m else 0
    nm = re.search(r"\bn\s*=\s*(\d{1,2})\b", low)
    n = n or (int(nm.group(1)) if nm else 0)
    lo, hi = _x_range(first, curves)
    span = re.search(r"\bfrom\s+(?:x\s*=\s*)?(" + NUM + r")\s+to\s+(?:x\s*=\s*)?(" + NUM + r")", low)
    # "over the slices [0, 0.5], [0.5, 1], [1, 1.5], [1.5, 2]": the slices written, end to end
    slices = [(quantity(x), quantity(y)) for x, y in re.findall(r"\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\]", low)]
    if len(slices) >= 2 and all(abs(p[1] - q[0]) < 1e-9 for p, q in zip(slices, slices[1:])) and all(
            abs((x1 - x0) - (slices[0][1] - slices[0][0])) < 1e-9 and x1 > x0 for x0, x1 in slices) and (
            not n or n == len(slices)):
        n = len(slices)
        a, b = slices[0][0], slices[-1][1]
        span = True
        ex.prose[:] = []
        if not ex.quoted:
            ctx.stop = True  # (the slices are the rectangles', not lists of their own)
    elif span:
        a, b = quantity(span.group(1)), quantity(span.group(2))
    elif (before or _earlier_riemann(ctx)) is not None and not re.search(r"\bwidth\b|\bΔx\b|\bdx\b", low):
        # "Draw 4 rectangles …" again, or "redraw the axes and curve with 4 right-endpoint rectangles" in a later scene:
        # over the stretch of the ones before
        stretch = before or _earlier_riemann(ctx)
        a, b = stretch["a"], stretch["b"]
    else:
        a, b = lo, hi
    width = re.search(r"\b(?:of\s+)?width\s+(?:of\s+)?(" + NUM + r")|\bΔx\s*=\s*(" + NUM + r")|\bdx\s*=\s*(" + NUM + r")", low)
    w = quantity(next(g for g in width.groups() if g)) if width else None
    if w and n and not span:
        b = a + n * w  # "4 rectangles of width 0.5" from the left end of the axes
    elif w and not n and b > a:
        n = round((b - a) / w)
    if not 1 <= n <= 128 or not a < b:
        return None
    where = (m.group(3) if m and m.group(3) else None) or next(
        (w_ for w_ in ("left", "right", "mid") if re.search(r"\b" + w_ + r"(?:dle|point)?[- ]?(?:end[- ]?points?|hand|sums?)\b", low)),
        "left")
    if re.search(r"\bmid-?points?\b", low) and not (m and m.group(3)):
        where = "mid"  # "using midpoints", "at the midpoint of each"
    # "whose top-right corners touch the curve", "the curve passes through the middle of each top edge"
    corner = re.search(r"\btop[- ](left|right)\s+corners?\b|\b(middle|centre|center)\s+of\s+(?:each|the|their)\s+top\b", low)
    if corner and not (m and m.group(3)):
        where = corner.group(1) or "mid"
    where = "mid" if where.startswith("mid") else where
    said = (m.group(3) if m else None) or corner or re.search(
        r"\b(?:left|right|mid(?:dle|point)?)[- ]?(?:end[- ]?points?|hand|sums?)\b|\bmid-?points?\b", low)
    if not said:
        # said by the scene: "Right Riemann Sum", "Midpoint Rule" in its title or plot, and one way only
        ways = [w_ for w_, pat in (("left", r"\bleft(?:[- ]end[- ]?points?|[- ]hand)?\s+(?:riemann\s+)?(?:sums?|rule)\b"),
                                   ("right", r"\bright(?:[- ]end[- ]?points?|[- ]hand)?\s+(?:riemann\s+)?(?:sums?|rule)\b"),
                                   ("mid", r"\bmid-?point\s+(?:riemann\s+)?(?:sums?|rule)\b"))
                if ctx.mentions(pat)]
        if len(ways) == 1:
            where, said = ways[0], True
    if not said and before is not None:
        where = before.get("sample") or "left"  # "Transform the rectangles into 16 rectangles": as they were
    if before is not None and before.get("to") is not None and not span and not w:
        # "Replace the rectangles with 16 thinner ones": over the same stretch, between the same two curves
        area = {"a": before["a"], "b": before["b"], "rectangles": n, "sample": where, "curve": before.get("curve", 0),
                "to": before["to"]}
        col = area_colour(ex, ctx, "rectangles rectangle bars area") or before.get("color")
        if col:
            area["color"] = col
        return [_extend(ex, ctx, i, "plot:riemann", [], area={**area, "rectangles": k}) for k in _finer_counts(low, n)]
    col = area_colour(ex, ctx, "rectangles rectangle bars area")
    area = {"a": _num(_fmt(a)), "b": _num(_fmt(b)), "rectangles": n, "sample": where}
    if BETWEEN.search(low) or re.search(r"\bbetween\s+(?:the\s+)?(?:\w+\s+)?curves\b", low):
        # "4 rectangles between the curves": each from the lower curve up to the upper one, over where they meet
        fs = _function_curves(first, beats, curves)
        pair = between_curves(ex.bare if not span else "", [curves[k].get("expr", "") for k in fs], (lo, hi))
        if pair is not None:
            area["curve"], area["to"] = fs[pair["curve"]], fs[pair["to"]]
            if not span:
                if w and n:
                    area["a"], area["b"] = pair["a"], _num(_fmt(pair["a"] + n * w))
                elif w and not m:
                    area["a"], area["b"] = pair["a"], pair["b"]
                    area["rectangles"] = max(1, min(64, round((pair["b"] - pair["a"]) / w)))
                else:
                    area["a"], area["b"] = pair["a"], pair["b"]
    if col:
        area["color"] = col
    label = _quoted_label(ex)
    if label:
        area["label"] = label
    return [_extend(ex, ctx, i, "plot:riemann", [label] if label else [], area={**area, "rectangles": k})
            for k in _finer_counts(low, area["rectangles"])]


def _earlier_riemann(ctx) -> dict | None:
    """The Riemann sum of the newest earlier scene that drew one (its stretch a..b)."""
    for sp in ctx.earlier("plot"):  # (the history's index: no walk over every scene on every sentence)
        for b in reversed(sp.beats):
            if b.kind == "plot" and (b.params.get("area") or {}).get("rectangles"):
                return b.params["area"]
    return None


def _finer_counts(low: str, n: int) -> list[int]:
    """"Replace the rectangles with 8, then 16, then 50 thinner rectangles": one Riemann sum per count, in turn
    (each takes the place of the one before); a single count: that one."""
    m = re.search(r"\b(\d{1,3}(?:\s*,\s*(?:and\s+)?(?:then\s+)?\d{1,3}|\s+(?:and\s+)?then\s+\d{1,3})+)\s+"
                  r"(?:\w+\s+){0,2}?rectangles\b", low)
    counts = [int(x) for x in re.findall(r"\d{1,3}", m.group(1))] if m else []
    if len(counts) >= 2 and counts[0] > n and re.search(r"\b" + str(n) + r"\s+(?:[\w-]+\s+){0,2}?rectangles\b[^.;]*?\b(?:then|into)\b",
                                                        low[:m.start()] + " then"):
        counts = [n] + counts  # "4 right-endpoint rectangles, then Transform them into 8, then 16, then 100 rectangles"
    if len(counts) < 2 or n not in (counts[0], counts[-1]) or any(not 1 <= k <= 128 for k in counts):
        return [n]
    return counts[:6]


def _steps_on_curve(ex, ctx, i, first, beats, curves, low):
    """"Animate the ball moving down the curve in steps: w = 0, 1.5, 2.25, 2.63": a trail of points."""
    m = re.search(r"\b([a-z])\s*=\s*((?:" + NUM + r"\s*,\s*(?:and\s+)?){2,}" + NUM + r")", ex.sentence)
    if not m or not curves:
        return None
    k = next((j for j in reversed(_function_curves(first, beats, curves)) if _f(curves[j])), None)
    if k is None:
        return None
    xs = [quantity(v) for v in re.findall(NUM, m.group(2))]
    out = _trail(ex, ctx, i, "plot:steps-on-curve", _f(curves[k]), k, xs)
    if out:
        ctx.consumed.update(t for t, _, _ in ex.prose)
        ex.prose[:] = []
    return out


def _trail(ex, ctx, i, rule: str, f, k: int, xs: list[float]) -> list[Beat] | None:
    """A thing stepping along curve k through the x values xs: a dot at each (the trail) and the dot moving from the
    first to the last. None when fewer than two of the values lie on the curve."""
    if len(xs) > 12:
        ctx.lost(i, f"{len(xs)} positions on the curve: only the first 12 are marked")
    pts = []
    for x in xs[:12]:
        y = _safe(f, x)
        if y is not None:
            pts.append({"x": int(x) if float(x).is_integer() else round(x, 6), "y": round(y, 3)})  # x as written
    if len(pts) < 2:
        return None
    return [_extend(ex, ctx, i, rule, [], points=pts, move_dot={"x0": pts[0]["x"], "x1": pts[-1]["x"], "curve": k})]


@lru_cache(maxsize=1)
def _motion() -> dict[str, re.Pattern]:
    """The words of a thing moving on a curve (lexicon.json `plot_motion`), each kind as one whole-word pattern."""
    return {k: re.compile(r"(?<![\w-])(?:" + v + r")(?![\w-])") for k, v in plot_motion().items()}


_AT_VALUE = r"([a-zα-ω]\w{0,2})\s*=\s*(" + NUM + r")"
_ALONG_AT = r"([A-Za-zα-ω]\w{0,2})\s*=\s*(" + NUM + r")"  # where a thing moving along a curve starts or stops ("P = 0")
_STOP_AT = r"\b(?:to|towards?|until|till|reach\w*|into|onto|at|in|near|hits?|stops?|ends?|settl\w*|rests?)\b"


def _samples(f, lo: float, hi: float, n: int = 400) -> list[tuple[float, float]]:
    out = []
    for k in range(n + 1):
        x = lo + (hi - lo) * k / n
        try:
            y = f(x)
        except Exception:  # noqa: BLE001 - a formula that cannot be evaluated there
            continue
        if math.isfinite(y):
            out.append((x, y))
    return out


def _refine(f, a: float, b: float, sign: float) -> float:
    """The x of the lowest (sign 1) or highest (sign -1) point of f between a and b (one turn between them)."""
    for _ in range(60):
        m1, m2 = a + (b - a) / 3, b - (b - a) / 3
        try:
            if sign * f(m1) <= sign * f(m2):
                b = m2
            else:
                a = m1
        except Exception:  # noqa: BLE001
            break
    return (a + b) / 2


def _extreme_x(f, lo: float, hi: float, want: str, start: float | None, scope: str = "") -> tuple[float, bool] | None:
    """(x, inside) of where a thing going to the curve's lowest point (want "min"), highest ("max") or turning point
    ("turn") stops, on [lo, hi]: from `start`, the one it reaches going downhill (uphill) unless the scope is "global";
    inside is False when that is an end of the axes (the curve has no such point between them)."""
    pts = _samples(f, lo, hi)
    if len(pts) < 3:
        return None
    ys = [y for _, y in pts]
    if want == "turn":
        turns = [k for k in range(1, len(pts) - 1) if (ys[k] - ys[k - 1]) * (ys[k + 1] - ys[k]) < 0]
        if not turns:
            return None
        k = min(turns, key=lambda j: abs(pts[j][0] - start)) if start is not None else turns[0]
        sign = 1.0 if ys[k] < ys[k - 1] else -1.0
    else:
        sign = 1.0 if want == "min" else -1.0
        if start is not None and scope != "global":
            k = min(range(len(pts)), key=lambda j: abs(pts[j][0] - start))
            step = -1 if k > 0 and (k == len(pts) - 1 or sign * ys[k - 1] < sign * ys[k + 1]) else 1
            while 0 <= k + step < len(pts) and sign * ys[k + step] <= sign * ys[k]:  # ends: k moves one way, inside pts
                k += step
        else:
            # every low (high) point, refined; of equal ones the leftmost
            cands = [(pts[0][0], ys[0], False), (pts[-1][0], ys[-1], False)]
            for j in range(1, len(pts) - 1):
                if sign * ys[j] <= sign * ys[j - 1] and sign * ys[j] < sign * ys[j + 1]:
                    x = _refine(f, pts[j - 1][0], pts[j + 1][0], sign)
                    y = _safe(f, x)
                    cands.append((x, ys[j] if y is None else y, True))
            best = min(sign * y for _, y, _ in cands)
            tol = 1e-9 * (max(ys) - min(ys) or 1.0)
            x, _, inside = min((c for c in cands if sign * c[1] <= best + tol), key=lambda c: c[0])
            return x, inside
    if k in (0, len(pts) - 1):
        return pts[k][0], False
    return _refine(f, pts[k - 1][0], pts[k + 1][0], sign), True


def _move_along(ex, ctx, i, first, beats, curves, low):
    """"Animate the ball rolling down the curve to the minimum", "Slide the dot along the parabola to x = 2", "the
    marker climbs to the peak": a dot moves on the curve on screen from where the thing is (the point placed on the
    curve, or where the sentence says) to where the sentence says it stops; the curve's lowest or highest point is
    computed. The words are data (lexicon.json `plot_motion`)."""
    w = _motion()
    mover, verb = w["movers"].search(low), w["verbs"].search(low)
    if not (curves and mover and verb):
        return None
    s = ex.sentence
    # (the lines after "… while the right side shows:" are formulas to show — unless they give the curve's variable
    # its values, "Row 0: x = 0, f = 10, …", the places the dot steps through)
    head = len(s.split(":\n", 1)[0])
    var = next((f.var for f in (_f(c) for c in curves) if f is not None), "x")
    if re.search(r"(?:^|\n|:)\s*(?:\w+\s*\d*\s*:\s*)?" + re.escape(var) + r"\s*=\s*[-\d.]", s[head:]):
        head = len(s)
    if len(COORD.findall(s[:head])) >= 2 or any("=" in t and re.search(r"[a-zα-ω(]", t.split("=", 1)[1])
                                                for t, a, _ in ex.prose if a < head):
        return None  # "a point moving from (0,0) to (1,4) along the curve y = 4x²": rule_plot
    if re.search(r"\b(?:two|both|pair of)\s+(?:\w+\s+)?(?:" + plot_motion()["movers"] + r")\b|\bboth sides\b|"
                 r"\beither side\b|\bfrom the left and\b|\bone from\b", low):
        return None  # dots from either side of a point: _dots_toward
    if re.search(r"\b(?:along|on)\s+the\s+(?:[xy][- ]?axis|axis|number line)\b", low):
        return None  # a dot on an axis is not on the curve
    if re.search(r"\b(?:straight|directly|vertically|horizontally)\s+(?:up|down|upwards?|downwards?|left|right|across)?\b", low[:verb.end() + 40]):
        return None  # "move a dot straight up from A to D": off the curve, not along it
    begin, end = min(mover.start(), verb.start()), verb.end()
    x_lo, x_hi = _x_range(first, curves)
    names = _named_points(beats)
    spans: list[tuple[int, int]] = []  # the positions the sentence writes (not formulas to show)

    # where it starts: "from x = -1", "from (-1, 10)", "from P", "from the left", "at x = -1" before the motion, the
    # point on screen that the thing is
    x0, start_point = None, None
    m = re.compile(r"\b(?:from|starting\s+(?:at|from))\s+(?:the\s+point\s+)?(?:" + _ALONG_AT + r"|(" + NUM +
                   r")(?!\s*,)|" + COORD.pattern + r"|([A-Z])\b)").search(s, begin)
    if m and (m.group(7) is None or m.group(7) in names):  # (groups: name = value, a number, a point (4-6), a name)
        x0 = quantity(m.group(2) or m.group(3) or m.group(5)) if m.group(7) is None else float(names[m.group(7)][0])
        spans.append(m.span())
    elif re.search(r"\bfrom the (?:far )?left\b", low):
        x0 = x_lo
    elif re.search(r"\bfrom the (?:far )?right\b", low):
        x0 = x_hi
    else:
        m = re.search(r"\bat\s+" + _AT_VALUE, s[:verb.start()])
        if m:
            x0 = quantity(m.group(2))
            spans.append(m.span())
    if x0 is None:
        pts = [p for b in beats for p in b.params.get("points") or [] if not p.get("hollow")]
        noun = mover.group(0).rstrip("s")
        said = [p for b in beats if re.search(r"\b" + noun + r"s?\b", b.source.lower())
                for p in b.params.get("points") or [] if not p.get("hollow")]
        start_point = (said or pts or [None])[-1]
        x0 = float(start_point["x"]) if start_point else None

    # which curve: the one the thing sits on, else the newest that is not a tangent or other helper line
    mine = _function_curves(first, beats, curves) or list(range(len(curves)))
    on = [j for j in mine if start_point is not None and _f(curves[j]) and _near(_f(curves[j]), start_point)]
    k = (on or mine)[-1]
    f = _f(curves[k])
    if f is None:
        return None

    # where it stops: a value or point written, a named point on the plot, or the curve's lowest / highest / turning
    # point (computed, unless its place is written after it: "towards the minimum at x = 2")
    x1, stop = None, None
    value = re.compile(_STOP_AT + r"\s+(?:the\s+)?(?:point\s+)?(?:" + _ALONG_AT + r"|" + COORD.pattern + r")").search(s, end)
    for key in ("min", "max", "turn"):
        for e in w[key].finditer(low, end):
            if re.search(_STOP_AT + r"[^.;]{0,40}$", low[end:e.start()]):
                if stop is None or e.start() < stop[0].start():
                    stop = (e, key)
                break
    if stop is not None and (value is None or stop[0].start() < value.start()):
        near = re.compile(r"\s*(?:point\s+)?(?:(?:at|of|where|,)\s+)?(?:\(\s*(?=[a-zα-ω]))?(?:" + _AT_VALUE + r"|"
                          + COORD.pattern + r")").match(s, stop[0].end())
        if near:
            x1, stop = quantity(near.group(2) or near.group(4)), None
            spans.append(near.span())
    elif value is not None:
        x1 = quantity(value.group(2) or value.group(4))
        spans.append(value.span())
        stop = None
    if x1 is None and stop is None:
        named = re.compile(r"\b(?:to|towards?|until\s+it\s+reaches|reaching)\s+(?:the\s+point\s+)?([A-Z])\b").search(s, end)
        if named and named.group(1) in names:
            x1 = float(names[named.group(1)][0])
    told = None
    if x1 is None and stop is None:
        # "move the ball along the curve to the new x": a place named but not given — the values the scene writes
        told = re.compile(r"\b(?:to|towards?|onto|reach\w*)\s+(?:the|its|their|a|an)\s+(?:" + plot_motion()["next"]
                          + r")\s+(?:(?:" + plot_motion()["places"] + r")\b|([a-zα-ω]\w{0,2})\b)", re.I).search(s, end)
    if told is not None:
        xs = _scene_positions(ctx, told.group(1) or f.var)
        if xs is None:
            ctx.lost(i, f"where the {mover.group(0)} goes ({told.group(0)!r}) is not written in the scene: it is not moved")
            ctx.stop = True
            return []
        if x0 is not None and abs(xs[0] - x0) > 1e-9:
            xs = [x0] + xs
        return _trail(ex, ctx, i, "plot:move-along", f, k, xs)
    direction = "down" if w["down"].search(low) else "up" if w["up"].search(low) else None
    if x1 is None and stop is None:
        if re.search(r"\b(?:toward|towards|approach\w*)\b", low[end:]):
            return None  # towards a hole, a limit…: _dots_toward
        if direction is None and not re.search(r"\b(?:along|on|over|across|around|following)\s+(?:the\s+|this\s+|that\s+|"
                                               r"its\s+)?(?:\w+\s+){0,2}(?:" + plot_motion()["paths"] + r")\b|"
                                               r"\b(?:follow\w*|trac\w*)\b", low):
            return None  # not a motion on the curve
    want = None
    if stop is not None:
        want = stop[1]
    elif x1 is None and direction is not None:
        want = "max" if direction == "up" else "min"
    if x0 is None:
        # no start given: where a thing going down (up) would start — the higher (lower) end of the curve
        ends = [(x, y) for x, y in ((x_lo, _safe(f, x_lo)), (x_hi, _safe(f, x_hi))) if y is not None]
        if want in ("min", "max") and ends:
            x0 = (max if want == "min" else min)(ends, key=lambda e: e[1])[0]
        else:
            x0 = x_hi if x1 is not None and abs(x1 - x_lo) < 1e-9 else x_lo
    thing = mover.group(0)
    if want is not None:
        word = stop[0].group(0) if stop else {"min": "bottom", "max": "top"}[want]
        scope = "global" if stop and re.search(r"\b(?:global|absolute|lowest|highest)\b", word) else ""
        found = _extreme_x(f, x_lo, x_hi, want, x0, scope)
        if found is None:
            ctx.lost(i, f"the curve has no {word} between x = {_fmt(x_lo)} and {_fmt(x_hi)}: the {thing} is not moved")
            ctx.stop = True
            return []
        x1, inside = found
        if not inside and stop:
            ctx.lost(i, f"the curve has no {word} inside the axes: the {thing} stops at their end, x = {_fmt(x1)}")
    elif x1 is None:
        x1 = x_hi if abs(x0 - x_hi) > abs(x0 - x_lo) else x_lo  # along the curve: to its far end
    x0, x1 = _num(_fmt(x0)), _num(_fmt(x1))
    if x0 == x1:
        ctx.lost(i, f"the {thing} is already at x = {_fmt(x1)}: nothing moves")
        ctx.stop = True
        return []
    ex.prose[:] = [p for p in ex.prose if not any(a < p[2] and p[1] < b for a, b in spans)]
    # "… to B at (6.0, 207.9) labelled "B: 6.0 L, 208 kPa"": where it stops is a point of its own, with its label
    end_label = re.compile(r"\b(?:to|at)\s+(?:[A-Z]\s+(?:at\s+)?)?" + COORD.pattern + r"\s*,?\s*(?:labell?ed|marked|called)\s+"
                           r"[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]").search(s, end)
    points = []
    if end_label:
        y1 = _safe(f, x1)
        points = [{"x": x1, "y": _num(_fmt(y1)) if y1 is not None else quantity(end_label.group(3)), "label": end_label.group(4)}]
        ctx.consumed.add(end_label.group(4))
    return [_extend(ex, ctx, i, "plot:move-along", [p["label"] for p in points], move_dot={"x0": x0, "x1": x1, "curve": k},
                    points=points or None)]


def _cell_value(cell) -> float | None:
    """The number a table cell gives: the cell itself, or what its calculation comes to ("5 - 0.25 x 6 = 3.5")."""
    if isinstance(cell, (int, float)):
        return float(cell)
    last = re.split(r"=|≈|→|->", str(cell))[-1].strip()
    if not re.fullmatch(NUM, last):
        return None
    return quantity(last)


def _scene_positions(ctx, var: str) -> list[float] | None:
    """The values of `var` a thing steps through that the scene writes in a table on screen: the column of its new
    value ("x_new", "new x", "next x"), else the column of the variable itself ("x"). None when there is no such
    column or one of its cells is not a number."""
    nxt = re.compile(r"(?:" + plot_motion()["next"] + r")$")
    for b in since_clear(ctx):  # newest first
        if b.kind != "table":
            continue
        heads = [re.findall(r"[^\W\d_]+|\d+", str(h).lower()) for h in b.params.get("columns") or []]
        new = [c for c, h in enumerate(heads) if var.lower() in h and any(nxt.match(x) for x in h)]
        same = [c for c, h in enumerate(heads) if h == [var.lower()]]
        col = (new or same or [None])[0]
        if col is None:
            continue
        values = [_cell_value(row[col]) for row in b.params.get("rows") or [] if col < len(row)]
        return values if values and all(v is not None for v in values) else None
    return None


def _safe(f, x: float) -> float | None:
    try:
        y = f(x)
    except Exception:  # noqa: BLE001
        return None
    return y if math.isfinite(y) else None


def _near(f, p: dict) -> bool:
    """Whether the point lies on the curve f."""
    y = _safe(f, float(p["x"]))
    return y is not None and abs(y - float(p["y"])) <= 1e-3 * max(1.0, abs(y))


_X_IS = r"(?:x(?:_?\{?[0-9n]{1,2}\}?|[₀-₉ₙ]{1,2})?\s*=\s*)?"  # "x = ", "x0 = ", "x_1 = ", "x₀ = "
_ON_X_AXIS = re.compile(r"\b(?:dot|point|guess|marker|tick|cross|circle)\b[^.;]{0,40}?(?:\bat\s+" + _X_IS + r"(?P<v>" + NUM +
                        r")|\bat\s+[\"\u201c](?P<q>[^\"\u201d]{0,12}?[=≈]\s*(?P<qv>" + NUM + r"))[\"\u201d])\s+on\s+the\s+"
                        r"(?:x[- ]axis|horizontal\s+axis)\b|\b(?:dot|point|marker)\s+on\s+the\s+x[- ]axis\s+at\s+" + _X_IS +
                        r"(?P<w>" + NUM + r")(?![\w(]|\.\d|\s*[-+*/×·^]\s*[\w(])", re.I)


def _point_on_axis(ex, ctx, i, first, beats, curves, low):
    """"Pick a generic guess at x = 2.2 on the x-axis, labelled "x_n"", 'Dot at "x₁ = 1.5" on the x-axis', "Put a dot on
    the x-axis at x = 2.2": a point at (v, 0), with its label — not a point on the curve, not the axis's name."""
    m = _ON_X_AXIS.search(ex.sentence)
    if m is None:
        return None
    v = m.group("v") or m.group("qv") or m.group("w")
    after = re.match(r"\s*,?\s*(?:labell?ed|named|marked)\s+[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", ex.sentence[m.end():])
    label = after.group(1) if after else m.group("q") if m.group("q") else f"x = {v}"
    ctx.consumed.add(label)
    ex.prose[:] = [p for p in ex.prose if not re.fullmatch(r"x\s*=\s*" + re.escape(v), p[0].rstrip("."))]
    return [_extend(ex, ctx, i, "plot:point-on-axis", [label], points=[{"x": _num(v), "y": 0, "label": label}])]


def _point_on_curve(ex, ctx, i, first, beats, curves, low):
    """"Place a ball on the curve at w = 0", "mark z = 1.5 on the bell curve with a point"."""
    if not re.search(r"\b(?:place|put|mark|show|draw|add|plot)\w*\b", low):
        return None
    on_curve = re.search(r"\b(?:on|along)\s+the\s+(?:\w+\s+){0,2}(?:curve|line|graph|function|parabola)\b", low)
    if not curves:
        return None
    f = next((g for g in (_f(curves[j]) for j in reversed(_function_curves(first, beats, curves))) if g), None)
    if f is None:
        return None
    listed = list(re.finditer(r"(?:^|[:;,]\s*)(" + re.escape(f.var) + r"\s*=\s*(" + NUM + r")(?:\s*:\s*[^,;()]{1,30}?)?)\s*"
                              r"(?:\([^()]{0,60}\))?\s*(?=[,;]|\.?\s*$)", ex.sentence[on_curve.end():] if on_curve else ""))
    if on_curve and len(listed) >= 2:
        # "Mark three dots on the curve: m = 0: S = 5 (flat line …), m = 1: S = 2 (…), m = 0.8: S = 1.8 (minimum)": a dot
        # at each value of the curve's variable, labelled as written (a note in brackets left out, and said)
        pts = []
        for m in listed[:8]:
            x = quantity(m.group(2))
            y = _safe(f, x)
            if y is None:
                continue
            pts.append({"x": _num(m.group(2)), "y": round(y, 3), "label": m.group(1).strip()})
        notes = re.findall(r"\(([^()]{1,60})\)", ex.sentence[on_curve.end():])
        if notes:
            ctx.lost(i, "the notes in brackets (" + "; ".join(notes[:4]) + ") are not drawn")
        ex.prose[:] = []
        ctx.stop = True
        return [_extend(ex, ctx, i, "plot:points-on-curve", [p["label"] for p in pts], points=pts)] if pts else None
    # a whole value ("x = 2 + h" is not x = 2), of the curve's own variable when the sentence gives one
    cands = list(re.finditer(r"\b(?:at\s+)?([a-zα-ω]\w{0,2})\s*=\s*(" + NUM + r")(?!\s*[-+*/×·^]\s*[\w(])", ex.sentence))
    own = [c for c in cands if c.group(1) == f.var]
    as_expression = re.search(r"\b" + re.escape(f.var) + r"\s*=\s*" + NUM + r"\s*[-+*/×·^]\s*[\w(]", ex.sentence)
    m = own[0] if own else (cands[0] if cands and not as_expression else None)
    if m is None:
        # "a point Q on the curve at x = 2 + h, starting with h = 1, so Q = (3, 27)": the point written out
        at = re.search(r"\b([A-Z])\s*=\s*\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)", ex.sentence)
        if not (at and on_curve):
            return None
        x, y = quantity(at.group(2)), quantity(at.group(3))
        fx = _safe(f, x)
        if fx is None or abs(fx - y) > 1e-3 * (1.0 + abs(y)):
            ctx.lost(i, f"{at.group(0)} is not on the curve: the point is not drawn")
            return None
        label = _quoted_label(ex) or f"{at.group(1)} ({at.group(2)}, {at.group(3)})"
        ctx.consumed.add(at.group(0))
        ex.prose[:] = [p for p in ex.prose if p[0].rstrip(".") != at.group(0)]
        return [_extend(ex, ctx, i, "plot:point-on-curve", [label], points=[{"x": _num(at.group(2)),
                                                                             "y": _num(at.group(3)), "label": label}])]
    if len(re.findall(r"\b[a-zα-ω]\w{0,2}\s*=\s*" + NUM, ex.sentence)) > 1 and not on_curve:
        return None  # "a brace from x = 0 to x = 30.3": a range, not a point
    if not (on_curve or (_motion()["movers"].search(low) and m.group(1) == f.var)):
        return None  # "Put a yellow dot at w2 = 3": at a value of the curve's own variable
    x = quantity(m.group(2))
    y = f(x)
    if not math.isfinite(y):
        return None
    label = _quoted_label(ex) or f"{m.group(1)} = {m.group(2)}"
    ctx.consumed.add(f"{m.group(1)} = {m.group(2)}")
    ex.prose[:] = [p for p in ex.prose if not re.fullmatch(re.escape(m.group(1)) + r"\s*=\s*" + re.escape(m.group(2)),
                                                         p[0].rstrip("."))]
    return [_extend(ex, ctx, i, "plot:point-on-curve", [label], points=[{"x": _num(m.group(2)), "y": round(y, 3),
                                                                         "label": label}])]


def _named_points(beats) -> dict[str, tuple[float, float]]:
    """The points on the plot on screen that have a one-letter name ("P (1, 1)"): name -> (x, y)."""
    out = {}
    for b in beats:
        for p in b.params.get("points") or []:
            m = re.match(r"([A-Z])(?:\s*\(|$)", p.get("label") or "")
            if m:
                out[m.group(1)] = (p["x"], p["y"])
    return out


def _plane_segments(ex, ctx, i, first, beats, curves, low):
    """"Draw the straight segment PQ" (between points on the plot), "a horizontal segment from (1, 1) to (4, 1)
    and a vertical segment from (4, 1) to (4, 5)": straight segments on the plane."""
    # "Draw demand line "D" from (0, 50) to (100, 0)" — not "Plot simple interest: A = 1000 (1 + 0.1 t), a straight line from
    # (0, 1000) to (30, 4000)", where the ends say how far the formula's curve goes
    lines = re.search(r"\blines?\b[^.;]{0,30}?\bfrom\s+\(", low) and not re.search(r"(?<![<>=!])=(?!=)", ex.bare or "")
    if not re.search(r"\b(?:segments?|line segments?|legs?|sides?|chords?)\b", low) and not lines:
        return None
    names = _named_points(beats)
    segs = []
    for m in re.finditer(r"\b(?:segments?|line|side|chord)\s+([A-Z])([A-Z])\b", ex.sentence):
        if m.group(1) in names and m.group(2) in names:
            pair = m.group(1) + m.group(2)
            segs.append({"start": list(names[m.group(1)]), "end": list(names[m.group(2)]),
                         "color": ctx.theme.for_label(" | ".join(f"{n} {pair}" for n in ("segment", "line", "side")), "")})
    # ("Dashed line from (1, 0) down to the curve point (1, −1)": where it goes, said on the way)
    for m in re.finditer(r"\bfrom\s+" + COORD.pattern + r"\s+(?:(?:up|down|over|across|back)\s+)?to\s+(?:the\s+(?:[a-z]+\s+){0,2})?"
                         + COORD.pattern, ex.sentence):
        start, end = [_num(m.group(2)), _num(m.group(3))], [_num(m.group(5)), _num(m.group(6))]
        way = "horizontal" if start[1] == end[1] else "vertical" if start[0] == end[0] else "slanted"
        before = ex.sentence[max(0, m.start() - 40):m.start()]
        named = re.search(r"\b(\w+\s+)?line\s+[\"\u201c]([^\"\u201d]{1,12})[\"\u201d]\s*$", before)
        after = re.match(r"\s*,?\s*(?:labell?ed|called|named)\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence[m.end():])
        label = named.group(2) if named else (after.group(1) if after else None)
        role = (named.group(1) or "").strip() if named else ""
        colour = ctx.theme.for_label(" | ".join(([f"{role} line"] if role else []) +
                                                [f"{way} {n}" for n in ("segment", "leg", "line", "side")]), "")
        dashed = re.search(r"\b(?:dashed|dotted)\s+(?:straight\s+)?(?:line|segment)\s*(?:[\"\u201c][^\"\u201d]{1,12}[\"\u201d]\s*)?$",
                           before, re.I)
        segs.append({"start": start, "end": end, "color": colour, "label": label, "style": "dashed" if dashed else None})
        if label:
            ctx.consumed.add(label)
    if not segs:
        return None
    segs = [{k: v for k, v in seg.items() if v} for seg in segs]
    drawn_lines = lines and not re.search(r"\bsegments?\b", low)  # (a line's ends are where it stops, not points to mark)
    new_points = [] if drawn_lines else [
        {"x": x, "y": y, "label": f"({_fmt(x)}, {_fmt(y)})"}
        for x, y in dict.fromkeys(tuple(e) for seg in segs for e in (seg["start"], seg["end"]))
        if (x, y) not in names.values()
        and not any((p["x"], p["y"]) == (x, y) for b in beats for p in b.params.get("points") or [])]
    named_end = re.search(r"\blabel\w*\s+(?:the|that|this|its)\s+(?:end\s*)?point\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I)
    if named_end and drawn_lines and segs:
        # "…; label the point "(1, −1)"": the point the line goes to, marked with that label
        x, y = segs[-1]["end"]
        new_points.append({"x": x, "y": y, "label": named_end.group(1)})
        ctx.consumed.add(named_end.group(1))
    for m in re.finditer(r"\bright[- ]angle\s*(?:marker|mark|symbol|square|sign)?\s+(?:at|in)\s+" + COORD.pattern, ex.sentence,
                         re.I):
        # "forming a right triangle with a right angle marker at (4, 1)": the mark in that corner
        at = (_num(m.group(2)), _num(m.group(3)))
        ends = [e for seg in segs for e in (tuple(seg["start"]), tuple(seg["end"]))]
        if ends.count(at) < 2:
            ctx.lost(i, f"no two segments of the sentence meet at ({_fmt(at[0])}, {_fmt(at[1])}): the right-angle mark "
                        "is not drawn")
            continue
        point = next((p for p in new_points if (p["x"], p["y"]) == at), None)
        if point is None:
            new_points.append({"x": at[0], "y": at[1], "right_angle": True})
        else:
            point["right_angle"] = True
    strings = [p["label"] for p in new_points if p.get("label")] + [g["label"] for g in segs if g.get("label")]
    return [_extend(ex, ctx, i, "plot:segments", strings, segments=segs[:8], points=new_points[:12] or None)]


def _label_segments(ex, ctx, i, first, beats, curves, low):
    """"Label the horizontal leg '4 - 1 = 3' and the vertical leg '5 - 1 = 4'": labels on the segments on screen
    (which one by its direction or its end points' names)."""
    if not re.search(r"\blabel\w*\b", low) or not ex.quoted:
        return None
    names = _named_points(beats)
    found = []
    for m in re.finditer(r"\b(?:the\s+)?(horizontal|vertical|slanted|diagonal)?\s*(?:leg|segment|side|line)\s*([A-Z]{2})?\s*"
                         r"(?:as\s+|with\s+)?[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I):
        found.append((m.group(1), m.group(2), m.group(3)))
    if not found:
        return None
    done = []
    for b in beats:
        segs = b.params.get("segments")
        if not segs:
            continue
        new = [dict(seg) for seg in segs]
        for way, pair, label in found:
            for seg in new:
                level = seg["start"][1] == seg["end"][1]
                upright = seg["start"][0] == seg["end"][0]
                ends = {tuple(seg["start"]), tuple(seg["end"])}
                fits = (pair and all(c in names for c in pair) and {tuple(names[c]) for c in pair} == ends) or (
                    not pair and way and {"horizontal": level, "vertical": upright}.get(way.lower(), not (level or upright)))
                if fits and not seg.get("label") and label not in done:
                    seg["label"] = label
                    done.append(label)
        if new != segs:
            ctx.replace(b, Beat(b.kind, {**b.params, "segments": new}, b.strings + tuple(x for x in done if x not in b.strings),
                                b.rule, b.source, b.detail_index, b.keywords), i)
    if not done:
        return None
    ctx.consumed.update(done)
    return []


_VALUED = re.compile(r"^\s*(?:[-*•]\s*)?(?:(?P<f>[^\W\d_][\w']{0,5})\s*\(\s*(?P<a>" + NUM + r")\s*\)|"
                     r"(?P<v>[^\W\d_]\w{0,2})\s*=\s*(?P<b>" + NUM + r")\s*(?:->|→|:|,|\s)\s*)")


def _valued_points(ex: Extracted, ctx, i: int, first, beats, curves, low) -> list[Beat] | None:
    """"Mark three points with values:" then "σ(0) = 0.5", "σ(2) = 1 / (1 + e^(-2)) ≈ 0.88"; "Mark two examples on the
    curve: p = 0.9 -> L = -log(0.9) ≈ 0.105": a labelled point at (the argument, the last value) of each line."""
    if not re.search(r"\b(?:mark|marks|place|put|show|add|plot|label)\b", low) or not re.search(
            r"\b(?:points?|dots?|examples?|values?)\b", low):
        return None
    fs = [f for f in (_f(curves[j]) for j in reversed(_function_curves(first, beats, curves))) if f]
    xvar = fs[0].var if fs else (str(first.params.get("x_label") or "x").strip()[:1] or "x")
    body = ex.sentence.split(":", 1)[1] if ":" in ex.sentence else ex.sentence
    items = [ln.strip() for ln in body.split("\n") if ln.strip()] if "\n" in body else top_level_split(body)
    ynames = _value_names(first, curves)  # "σ(z) = …" or the y axis "σ" — f'(0.5) is a slope, not a point of f
    pts, strings, done = [], [], 0
    for item in items:
        m = _VALUED.match(item)
        if m is None or (m.group("v") and m.group("v") != xvar) or (m.group("f") and m.group("f") not in ynames):
            continue  # (a value of another letter: "y = 1" names a curve, not a point)
        after = item[m.end():] if m.group("v") else item[m.end("a") + 1:]
        if m.group("v") and fs and re.match(r"\s*:?\s*(?:[A-Za-z][\w ]{0,15}?\s+)?[$€£]?\s*" + NUM, after) and not re.search(
                r"[=≈<>+\-−×*/]\s*[$€£]?\d", after):  # (values listed, not a computation: "x = 1: 2 - 2 = 0")
            # "t = 10: simple $2000, compound $2594": one value on each curve at t = 10, labelled as written
            x = _num(m.group("b"))
            found = []
            for v in re.finditer(r"([$€£]?)\s*(" + NUM + r")(?![\w.])", after):
                y = _num(v.group(2))
                try:
                    near = any(abs(f(x) - y) <= 0.02 * max(1.0, abs(y)) for f in fs)
                except Exception:  # noqa: BLE001 - a curve that cannot be evaluated there
                    near = False
                if near:
                    found.append({"x": x, "y": y, "label": (v.group(1) + v.group(2)).strip()})
            if found:
                pts += found
                strings += [p["label"] for p in found]
                done += 1
            continue
        if m.group("v") and not any(re.search(r"(?<![\w'])" + re.escape(n) + r"\s*=", after) for n in ynames):
            continue  # "p = 0.9 -> L = … ≈ 0.105" gives the curve's value L; "x = 2: slope 4" does not
        vals = re.findall(r"(?:=|≈)\s*(" + NUM + r")\s*(?:[A-Za-z%]{0,6})\s*$", after)
        if not vals:
            continue
        x = _num(m.group("a") or m.group("b"))
        pts.append({"x": x, "y": _num(vals[-1]), "label": item.rstrip(".,;")})
        strings.append(item.rstrip(".,;"))
        done += 1
    if not pts or done < len(items):
        return None  # (a line that is no point of a curve — "e^1 ≈ 2.718" — would be lost: the lines stay lines)
    ex.prose[:] = []
    ctx.stop = True  # (the lines are the points' labels, not a derivation besides them)
    return [_extend(ex, ctx, i, "plot:valued-points", strings, points=pts[:12])]


_AT_LIST = re.compile(r"(?:\b(?P<name>[a-z][\w ]{0,20}?)\s*)?\(\s*(?P<yv>[a-z])\s*=\s*(?P<y>" + NUM + r")\s*\)\s*at\s+"
                      r"(?P<xv>[a-z])\s*=\s*(?P<xs>" + NUM + r"(?:\s*,\s*(?:and\s+)?" + NUM + r"|\s+and\s+" + NUM + r")*)",
                      re.I)


def _listed_points(ex, ctx, i, first, beats, curves, low):
    """"Plot 10 data points: fails (y = 0) at x = 0.5, 1.0, 1.5 and passes (y = 1) at x = 2.0, 3.0": the points as
    given — one group per value of y, named by the word before it — never random ones."""
    groups = list(_AT_LIST.finditer(ex.sentence))
    if not groups or not re.search(r"\b(?:points?|dots?|data)\b", low):
        return None
    pts, names = [], []
    for m in groups:
        y = _num(m.group("y"))
        for x in re.findall(NUM, m.group("xs")):
            pts.append({"x": _num(x), "y": y})
        if m.group("name"):
            names.append(m.group("name").strip().split()[-1])
    if len(pts) < 2:
        return None
    ctx.stop = True  # (the points are given: no scatter of random ones)
    ex.prose[:] = []
    return [_extend(ex, ctx, i, "plot:listed-points", [], points=pts[:12])]


def _fit_line(ex, ctx, i, first, beats, curves, low):
    """"Draw a straight regression line through them" with points on the plot: the least-squares line of those points,
    computed — never a new scatter of random points."""
    if not re.search(r"\b(?:regression|best[- ]fit|least[- ]squares|trend|fitted|fit)\s+line\b|\bline\s+of\s+best\s+fit\b", low):
        return None
    pts = [(float(p["x"]), float(p["y"])) for p in _points(beats)
           if isinstance(p.get("x"), (int, float)) and isinstance(p.get("y"), (int, float))]
    if len(pts) < 2:
        return None
    n = len(pts)
    mx, my = sum(x for x, _ in pts) / n, sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    a = sum((x - mx) * (y - my) for x, y in pts) / sxx
    b = my - a * mx
    label = _quoted_label(ex) if re.search(r"\blabell?ed\b", low) else None
    expr = f"y = {_fmt(a)}x {'+' if b >= 0 else '-'} {_fmt(abs(b))}"
    said = re.search(r"\by\s*=\s*[-−]?\d[^,;:\"\u201d]*?(?=\s+(?:from|for|between|through|in|with|and)\b|[,;:\"\u201d]|\.(?!\d)|$)",
                     ex.sentence)  # ('the least-squares line "y = 0.4x - 0.5" in grey': the quoted line, without its marks)
    written = try_formula(said.group(0).strip()) if said else None
    if written is not None:
        # "Draw the best-fit line y = 0.8x + 1.5": labelled as written; a line that is not the points' own is said
        x0, x1 = min(x for x, _ in pts), max(x for x, _ in pts)
        if any(abs(written(x) - (a * x + b)) > 1e-2 * max(1.0, abs(a * x + b)) for x in (x0, x1)):
            ctx.lost(i, f"{said.group(0).strip()} is not the least-squares line of the points on screen ({expr}): "
                        "the line written is drawn")
            expr = said.group(0).strip()
        label = label or said.group(0).strip()
        ctx.consumed.add(said.group(0).strip())
    ctx.stop = True
    ex.prose[:] = []
    return [_extend(ex, ctx, i, "plot:fit-line", [label or "least-squares line"],
                    curves=[{"expr": expr, "label": label or "least-squares line"}])]


def _endpoint_labels(ex, ctx, i, first, beats, curves, low):
    """"Mark the endpoints with dots labeled "(u_1, v_1)" and "(u_2, v_2)"" after a curve drawn between two points: those
    two points take the labels, in order."""
    if not re.search(r"\b(?:end ?points|ends)\b", low) or len(ex.quoted) != 2:
        return None
    owner = next((b for b in reversed(beats) if b.rule == "plot:curve-between-points"), None)
    if owner is None:
        # "Plot the straight line T(x) = 20 − 100x from (0, 20) to (0.2, 0). Mark the endpoints with dots labeled
        # "20 °C" and "0 °C"": the two ends of the curve drawn, over its domain or the axes
        k = next(iter(reversed(_function_curves(first, beats, curves))), None)
        f = _f(curves[k]) if k is not None else None
        if f is None:
            return None
        lo, hi = curves[k].get("domain") or _x_range(first, curves)
        ends = [(x, _safe(f, x)) for x in (float(lo), float(hi))]
        if any(y is None for _, y in ends):
            return None
        pts = [{"x": _num(str(x)), "y": round(y, 3), "label": q} for (x, y), q in zip(ends, ex.quoted)]
        ctx.consumed.update(ex.quoted)
        ctx.stop = True
        return [_extend(ex, ctx, i, "plot:endpoints", list(ex.quoted), points=pts)]
    pts = [dict(p, label=q) for p, q in zip(owner.params["points"], ex.quoted)]
    ctx.replace(owner, Beat(owner.kind, {**owner.params, "points": pts}, tuple(ex.quoted) + tuple(
        s for s in owner.strings if not re.fullmatch(r"\(.*\)", s)), owner.rule, owner.source, owner.detail_index,
        owner.keywords), i)
    ctx.consumed.update(ex.quoted)
    ctx.stop = True
    return []


_NAMED_COORD = re.compile(r"\(\s*[A-Za-z]\w{0,3}\s*=\s*(" + NUM + r")\s*,\s*[A-Za-z]\w{0,3}\s*=\s*(" + NUM + r")\s*\)")


def _moves(low: str) -> bool:
    """A thing that moves: a mover, then its verb after it in the same clause ("a dot rolls down", "the ball travels")
    — not the noun of a verb ("the estimate from the previous run … through the points")."""
    m = _motion()
    for mover in m["movers"].finditer(low):
        verb = m["verbs"].search(low, mover.end(), min(len(low), mover.end() + 40))
        if verb and not re.search(r"[,;:]|\.\s", re.sub(r"\([^()]*\)", " ", low[mover.end():verb.start()])) and not re.search(
                r"\b(?:the|a|an|previous|last|first|each|every)\s+$", low[:verb.start()]):
            return True
    return False


def _mark_points(ex, ctx, i, first, beats, curves, low):
    """"Mark the minimum at (3, 1) with a star", "Plot the points A(1, 2) and B(7, 10)", "plot the point (Q = 20,
    P = 40)"; never "origin at (-6, -3)" (where the axes sit on screen)."""
    named = list(_NAMED_COORD.finditer(ex.sentence))
    sentence = _NAMED_COORD.sub(lambda m: f"({m.group(1)}, {m.group(2)})", ex.sentence)
    # "the point (1, e)": Euler's number as a coordinate (π is read as a number already)
    sentence = re.sub(r"\((\s*" + NUM + r"\s*),\s*e\s*\)", r"(\1, 2.71828)", sentence)
    sentence = re.sub(r"\(\s*e\s*,(\s*" + NUM + r"\s*)\)", r"(2.71828,\1)", sentence)
    y_top = max((float(b.params["y_range"][1]) for b in beats if b.kind == "plot" and b.params.get("y_range")), default=None)
    percent = y_top is not None and y_top >= 50 and re.search(r"\(\s*" + NUM + r"\s*,\s*" + NUM + r"\s*%\s*\)", sentence)
    if percent:
        # "(5730, 50%)" on axes that run to 100 (percent): the point at height 50, labelled as written
        sentence = re.sub(r"(\(\s*" + NUM + r"\s*,\s*" + NUM + r")\s*%(\s*\))", r"\1\2", sentence)
    ctx.consumed.update(m.group(0) for m in named)
    coords = [m for m in COORD.finditer(sentence) if not re.search(r"\borigin\s*(?:at|:|=)?\s*$", sentence[:m.start()], re.I)]
    if not coords or not re.search(r"\b(?:mark|place|put|plot|show|label|highlight|add|draw|point|points|dot|dots|"
                                   r"star|minimum|maximum|vertex|peak)\w*\b", low):
        return None
    moving = re.search(r"\b(?:mov\w*|travel\w*|slid\w*|along)\b", low) or (
        _moves(low))
    if moving or re.search(r"\b(?:open|hollow|empty)\b|\bhole\b", low):
        return None  # a moving dot or a hole: rule_plot / _move_along / _hole
    unquoted = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]|'[^']*'", " ", ex.sentence)
    if re.search(r"\bplot\b", low) and (re.search(r"(?<![<>=!])=(?!=)", ex.bare) or re.search(
            r"\bplot\s+(?:the\s+)?(?:curve|graph|function|parabola|line)?\s*[^\s=]{1,12}\s*=(?!=)", unquoted, re.I)) and not re.search(
            r"\bpoints?\b(?!\s*\()", low):
        return None  # "Plot simple interest: A = 1000 (1 + 0.1 t), a straight line from (0, 1000) to (30, 4000)": a curve
    if re.search(r"\b(?:draw|add|plot|overlay|sketch)\w*\s+(?:the\s+|a\s+)?(?:\w+\s+)?line\s+y\s*=", low):
        return None  # "Draw the tangent line y = 3x − 4.25 through (1.5, 0.25)": the line as written (rule_plot)
    # "label it … near the point (2.6, 7)": where a label goes, not a point to mark
    coords = [m for m in coords if not LABEL_PLACE.search(sentence[:m.start()])]
    # "tracing the curve y = cos θ …, starting at (0, 1)": where a curve begins, not a point to mark
    coords = [m for m in coords if not (re.search(r"\b(?:start(?:ing|s)?|begin(?:ning|s)?)\s+(?:at|from)\s+$",
                                                  sentence[:m.start()], re.I) and re.search(r"\bcurve\b", sentence, re.I))]
    if not coords:
        return None
    what = re.search(r"\b(minimum|maximum|vertex|peak|intercept|optimum)\s+(?:point\s+)?(?:is\s+)?(?:at\s+)?\(", ex.sentence,
                     re.I)
    pts, strings = [], []
    seen = set()
    for m in coords[:12]:
        name, x, y = m.group(1), m.group(2), m.group(3)
        if (_num(x), _num(y)) in seen:
            continue  # "a segment from (1, 1) to (4, 1) and one from (4, 1) to (4, 5)": one point
        seen.add((_num(x), _num(y)))
        called = re.search(r"\b(?:point|vertex|dot|corner)\s+([A-Z][\w']{0,2})\s+(?:at|=)\s*$", sentence[:m.start()])
        name = name or (called.group(1) if called else None)  # "point P at (1, 1)"
        coord = f"({x}, {y})"
        label = f"{name} {coord}" if name else (f"{what.group(1)} {coord}" if what and len(coords) == 1 else coord)
        given = re.match(r"\s*(?:labell?ed\s+)?[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]", sentence[m.end():])
        holder = next((q for q in ex.quoted if len(q) <= 30 and len(COORD.findall(q)) == 1 and
                       re.sub(r"\s+", "", m.group(0)) in re.sub(r"\s+", "", q)), None)
        if holder is not None:
            # '- "A (1,1)"', one quoted label a dot: the label as written, drawn once, by the dot
            label = holder
            ctx.consumed.add(holder)
        elif given and not name:
            # '(0, 1) "100%", (5.73, 0.5) "50%"': each dot's own label, written after it (a name keeps the coordinates)
            own = given.group(1).strip()
            label = own if re.search(r"[(=\d%]", own) else f"{own} {coord}"
            ctx.consumed.add(own)
        pts.append({"x": _num(x), "y": _num(y), "label": label})
        strings.append(label)
    if len(pts) == 2 and re.search(r"\b(?:draw|plot|sketch|trace|add)\w*\s+(?:an?\s+|the\s+)?(?:smooth\s+|simple\s+)?"
                                   r"(increasing|decreasing|rising|falling|smooth)?\s*curve\s+from\b", low):
        # "Draw an increasing curve from the point (1, 1) to the point (3, 2.5)": a smooth curve between the two (its
        # shape is not given: an even S from one to the other, flat at both ends)
        (xa, ya), (xb, yb) = (pts[0]["x"], pts[0]["y"]), (pts[1]["x"], pts[1]["y"])
        line = [[round(xa + (xb - xa) * t, 4), round(ya + (yb - ya) * (3 * t * t - 2 * t ** 3), 4)]
                for t in (k / 16 for k in range(17))]
        return [_extend(ex, ctx, i, "plot:curve-between-points", strings, points=pts,
                        series=[{"points": line, "dots": False}])]
    if len(pts) >= 2 and re.search(r"\bconnect\w*\b|\bjoin\w*\b|\bline\s+through\b|\blinked\b|\bline chart\b", low):
        # "Plot the points (0, 5), (2, 20), (4, 45) and connect them with a line": a data line through them, in order
        # (the points keep their coordinates, as marked points do)
        series = {"points": [[p["x"], p["y"]] for p in pts], "dots": False}
        label = _quoted_label(ex)
        if label:
            series["label"] = label
        return [_extend(ex, ctx, i, "plot:data-line", strings + ([label] if label else []), points=pts,
                        series=[series])]
    names = point_labels(ex.sentence)
    if names and len(names) == len(pts):
        # "Mark the point (2, 4) with a dot labeled "P"", "the points (1, 1) and (2, 4) labelled A and B": their names
        for p, name in zip(pts, names):
            coord = re.search(r"\([^()]*\)\s*$", p["label"])
            p["label"] = name if re.search(r"[(=\d]", name) or coord is None else f"{name} {coord.group(0)}"
        strings = [p["label"] for p in pts]
        ctx.consumed.update(names)
    if percent:
        for p in pts:
            written = re.search(r"\(\s*" + re.escape(_fmt(p["x"])) + r"\s*,\s*" + re.escape(_fmt(p["y"])) + r"\s*%\s*\)", ex.sentence)
            if written and p.get("label") == f"({_fmt(p['x'])}, {_fmt(p['y'])})":
                p["label"] = written.group(0)
        strings = [p["label"] for p in pts]
    # "(1, 0) and (2, 0) as red dots (failed), (3, 1) and (4, 1) as green dots (passed)": each point takes the colour
    # written next after it, in the same clause
    groups = list(re.finditer(r"\b(?:as|in)\s+(?:(?:small|large|big|filled|solid)\s+)?(" + COLOUR_RE.pattern +
                              r")\s+(?:dots?|points?|circles?|markers?)\b", sentence, re.I))
    for p, m in zip(pts, coords[:12]) if len(pts) == len(coords[:12]) else ():
        after = next((g for g in groups if g.start() >= m.end()), None)
        if after is not None and not re.search(r"[.;]\s", sentence[m.end():after.start()]):
            p["color"] = colour_value(after.group(1))
    pts = _not_again(pts, _points([b for b in beats if b.rule.startswith("plot:recalled") and b.detail_index == i]))
    if not pts:
        ctx.modified.add(i)  # (understood: the points are on screen already)
        return []
    strings = [p["label"] for p in pts if p.get("label")]
    return [_extend(ex, ctx, i, "plot:mark-points", strings, points=pts)]


def _not_again(pts: list[dict], shown: list[dict]) -> list[dict]:
    """The points to mark, less those `shown` (the points of a plot the same sentence recalls) has already at the
    same place with the same label ("the same axes with the 8 points A(1,1), …" after the plot recalled with them);
    one there already under another name keeps its place, without a second label that only repeats the coordinates.
    (A point marked again in the scene that drew it is marked again: "Mark the equilibrium (60, 20)".)"""
    def flat(s) -> str:
        return re.sub(r"\s+", "", str(s or ""))

    there: dict[tuple[float, float], set[str]] = {}
    for p in shown:
        if isinstance(p.get("x"), (int, float)) and isinstance(p.get("y"), (int, float)):
            there.setdefault((float(p["x"]), float(p["y"])), set()).add(flat(p.get("label")))
    out = []
    for p in pts:
        labels = there.get((float(p["x"]), float(p["y"])))
        if labels is None:
            out.append(p)
        elif flat(p.get("label")) in labels:
            continue
        elif re.fullmatch(r"\([^()]*\)", flat(p.get("label"))):
            out.append({k: v for k, v in p.items() if k != "label"})
        else:
            out.append(p)
    return out


def _mark_extremum(ex, ctx, i, first, beats, curves, low):
    """"Highlight the minimum of the curve", "Mark the peak with a dot", "Label the vertex": a point at the curve's
    lowest, highest or turning point, computed (the words: lexicon.json `plot_motion`)."""
    if not curves or COORD.search(ex.sentence):
        return None
    w = _motion()
    m = re.match(r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+|also\s+)?(?:" + operation_verbs() + r"|show|place|put|add|"
                 r"draw|plot|label)\s+(?:the\s+|its\s+)?(?:(?:curve|function|parabola|graph)'?s\s+)?(?:(?P<min>"
                 + w["min"].pattern + r")|(?P<max>" + w["max"].pattern + r")|(?P<turn>" + w["turn"].pattern + r"))", low)
    if not m:
        return None  # the curve's lowest point, highest point or turn is what the sentence marks, not a word in passing
    want = m.lastgroup
    word = m.group(want)
    own = _function_curves(first, beats, curves)
    k = own[-1] if own else len(curves) - 1
    f = _f(curves[k])
    if f is None:
        return None
    x_lo, x_hi = _x_range(first, curves)
    hit = _extreme_x(f, x_lo, x_hi, want, None, "global")
    if hit is None or not hit[1]:
        ctx.lost(i, f"the curve has no {word} between x = {_fmt(x_lo)} and {_fmt(x_hi)}: nothing is marked")
        ctx.stop = True
        return []
    x, y = _num(_fmt(hit[0])), _num(_fmt(f(hit[0])))
    coord = f"({_fmt(x)}, {_fmt(y)})"
    names = point_labels(ex.sentence) or [q for q in [_quoted_label(ex)] if q]  # "labeled "V"", "Label the vertex "V""
    label = (names[0] if re.search(r"[(=\d]", names[0]) else f"{names[0]} {coord}") if len(names) == 1 else f"{word} {coord}"
    ctx.consumed.update(names)
    return [_extend(ex, ctx, i, "plot:extremum", [label], points=[{"x": x, "y": y, "label": label}])]


def _hole(ex, ctx, i, first, beats, curves, low):
    if not re.search(r"\b(?:open|hollow|empty)\s+(?:circle|dot|point)\b|\bhole\b", low):
        return None
    m = COORD.search(ex.sentence)
    if not m:
        return None
    label = _quoted_label(ex)
    point = {"x": _num(m.group(2)), "y": _num(m.group(3)), "hollow": True}
    if label:
        point["label"] = label
    return [_extend(ex, ctx, i, "plot:hole", [label] if label else [], points=[point])]


def _dots_toward(ex, ctx, i, first, beats, curves, low):
    """Dots moving along the curve toward a point on screen (a hole, the minimum), from either side."""
    if not re.search(r"\b(?:" + plot_motion()["movers"] + r")\b.*\b(?:toward|towards|approach\w*)\s+(?:the\s+)?(?:hole|point|"
                     r"minimum|maximum|limit|gap|circle)\b", low):
        return None
    pts = _points(beats)
    target = next((p for p in reversed(pts) if p.get("hollow")), pts[-1] if pts else None)
    at = re.search(r"\b(?:toward|towards|approach\w*)\s+(?:the\s+)?\w+\s+at\s+(?:[a-zα-ω]\w{0,2}\s*=\s*)?(" + NUM + r")",
                   ex.sentence)
    if (target is None and not at) or not curves:
        return None
    x0, x1 = _x_range(first, curves)
    a = quantity(at.group(1)) if at else float(target["x"])
    # the curve the dot slides on: the newest one that is not a tangent or other helper line
    own = _function_curves(first, beats, curves)
    k = own[-1] if own else len(curves) - 1
    start = next((p for p in reversed(pts) if not p.get("hollow") and p.get("x") != a), None) if at else None
    if start is not None:
        # "Put a dot at w = 3 … animate the dot sliding down towards the minimum at w = 2": from the dot to there
        return [_extend(ex, ctx, i, "plot:dot-toward", [], move_dot={"x0": start["x"], "x1": _num(_fmt(a)), "curve": k})]
    out = []
    both = re.search(r"\bboth sides\b|\bleft and (?:one from )?the right\b|\bfrom the left and\b|\btwo dots\b|"
                     r"\beither side\b", low)
    if both or re.search(r"\bfrom the left\b", low) or not re.search(r"\bfrom the right\b", low):
        out.append(_extend(ex, ctx, i, "plot:dot-toward", [], move_dot={"x0": _num(_fmt(x0 + 0.1 * (a - x0))),
                                                                       "x1": _num(_fmt(a - 0.02 * (x1 - x0))),
                                                                       "curve": k}))
    if both or re.search(r"\bfrom the right\b", low):
        out.append(_extend(ex, ctx, i, "plot:dot-toward", [], move_dot={"x0": _num(_fmt(x1 - 0.1 * (x1 - a))),
                                                                       "x1": _num(_fmt(a + 0.02 * (x1 - x0))),
                                                                       "curve": k}))
    return out


def _approaches(ex, ctx, i, first, beats, curves, low):
    """"Zoom in near x = 0 and show that the curve approaches 1": a hollow point at (0, 1)."""
    m = re.search(r"\bapproach(?:es|ing)?\s+(" + NUM + r")", ex.sentence)
    n = re.search(r"\b(?:near|at|as)\s+([a-z])\s*(?:=|→|->|approaches)\s*(" + NUM + r")", ex.sentence)
    if not m or not n or not curves:
        return None
    value, a = quantity(m.group(1)), quantity(n.group(2))
    label = f"→ {_fmt(value)} as {n.group(1)} → {_fmt(a)}"
    ctx.consumed.update(t for t, _, _ in ex.prose)
    ex.prose[:] = []
    return [_extend(ex, ctx, i, "plot:approaches", [label], points=[{"x": _num(_fmt(a)), "y": _num(_fmt(value)),
                                                                     "label": label, "hollow": True}])]
