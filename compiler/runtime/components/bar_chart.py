"""bar_chart: bars that grow in, values above them, the largest outlined in gold, and an optional
change to new values. Horizontal bars are coloured from blue (low) to red (high), as seed003's
next-token probabilities. Grouped bars (`series`) stand side by side in each label's group, one colour per
series, with a legend above them.
"""

from __future__ import annotations

import math

from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Create, FadeIn, GrowFromEdge, LaggedStart, Line, ManimColor,
                   Rectangle, SurroundingRectangle, Transform, VGroup)

from ...formula import with_unit
from ..style import colour, label_colour, text
from .plot import GREY, LABEL_SIZE, dim_text, paint

MAX_BARS = 12
LOW, HIGH = "#58C4DD", "#FC6255"  # Manim BLUE and RED
GOLD = "#FFD54F"


def fmt(v: float, unit: str | None = None) -> str:
    """The value on a bar: "1.42 s", "12%", "$82.03"."""
    return with_unit(v, unit)


def one_line(s: str, n: int) -> str:
    """A label on one line, at most `n` characters (an ellipsis marks the cut)."""
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _ramp(v: float, lo: float, hi: float, low=LOW, high=HIGH) -> ManimColor:
    t = 0.0 if hi - lo < 1e-12 else (v - lo) / (hi - lo)
    return ManimColor(low).interpolate(ManimColor(high), min(1.0, max(0.0, t)))


def _clean(values, n: int) -> list[float]:
    out = []
    for v in list(values or [])[:n]:
        try:
            f = float(v)
        except (TypeError, ValueError):
            f = 0.0
        out.append(f if math.isfinite(f) else 0.0)
    return out + [0.0] * (n - len(out))


def build(theme: dict, *, labels, values=None, new_values=None, title: str | None = None, unit: str | None = None,
          highlight_max: bool = False, horizontal: bool = False, color: str | None = None, series=None,
          value_labels=None):
    labels = [str(x) for x in labels][:MAX_BARS] or [" "]
    if series:
        return _finish(_grouped(theme, labels, series, unit), theme, labels, title, highlight_max)
    n = len(labels)
    vals = _clean(values, n)
    news = _clean(new_values, n) if new_values else None
    span = max([abs(v) for v in vals + (news or [])] + [1e-9])
    default_col = paint(color, theme["accent"]) if color else None
    g = VGroup()
    g.horizontal, g.unit, g.values, g.new_values, g.theme = horizontal, unit, vals, news, theme
    # what each bar says, as the storyboard wrote it ("1/8" on a bar of 0.125), else its value
    g.written = [str(x) for x in value_labels][:n] if value_labels and len(value_labels) >= n else None
    g.low_high = (min(vals + (news or []) + [0.0]), max(vals + (news or []) + [0.0]))
    if horizontal:
        _horizontal(g, theme, labels, vals, span)
    else:
        _vertical(g, theme, labels, vals, span, default_col)
    g.parts = {lab: VGroup(b, t) for lab, b, t in zip(labels, g.bars, g.labels)}
    return _finish(g, theme, labels, title, highlight_max)


def _finish(g, theme, labels, title: str | None, highlight_max: bool):
    """The gold mark on the largest bar, the title above the chart, the chart's named parts."""
    g.mark = None
    if highlight_max and len(g.bars) > 1:
        i = max(range(len(g.bars)), key=lambda j: g.values[j])
        g.mark = SurroundingRectangle(g.bars[i], color=GOLD, buff=0.06, stroke_width=3)
        g.value_labels[i].set_color(GOLD)
        g.add(g.mark)
    g.highlight_max = highlight_max
    g.title_mob = None
    if title:
        g.title_mob = text(title, theme, size=26, color=theme["text"], width_chars=50)
        g.title_mob.next_to(VGroup(*g.submobjects), UP, buff=0.35)
        g.add(g.title_mob)
        g.parts[title] = g.title_mob
    g.grow = 1.3
    g.sbc_kind = "bar_chart"
    return g


def _grouped(theme: dict, labels: list[str], series, unit: str | None) -> VGroup:
    """One group per label, one bar per series in it (in the series' colour), the value above each bar, and a legend
    of the series above the chart."""
    series = list(series)[:4]
    n, k = len(labels), len(series)
    rows = [_clean(s.get("values"), n) for s in series]
    palette = list(theme.get("palette") or [LOW, HIGH, GOLD, "#83C167"])
    cols = [paint(s.get("color"), palette[j % len(palette)]) if s.get("color") else
            label_colour(theme, str(s.get("name", "")), palette[j % len(palette)]) for j, s in enumerate(series)]
    span = max([abs(v) for r in rows for v in r] + [1e-9])
    unit_h = 3.0 / span
    size = LABEL_SIZE * (0.85 if n * k > 8 else 1.0)
    group_w = min(2.4, 11.0 / n)
    bar_w = min(0.8, group_w * 0.8 / k)
    g = VGroup()
    g.horizontal, g.unit, g.new_values, g.theme = False, unit, None, theme
    bars, vlabels, values = VGroup(), VGroup(), []
    by_series: list[list] = [[] for _ in series]
    for i in range(n):
        x0 = (i - (n - 1) / 2) * group_w
        for j in range(k):
            v = rows[j][i]
            x = x0 + (j - (k - 1) / 2) * bar_w
            bar = _bar(bar_w * 0.92, abs(v) * unit_h, cols[j])
            vt = text(fmt(v, unit), theme, size=size, color=theme["text"])
            if vt.width > bar_w * 1.05:
                vt.scale_to_fit_width(bar_w * 1.05)
            _stand(bar, vt, x, v, 0.1)
            bars.add(bar)
            vlabels.add(vt)
            values.append(v)
            by_series[j].append(VGroup(bar, vt))
    chars = max(4, int((group_w - 0.1) / 0.12))
    cat = [text(one_line(s, 30), theme, size=LABEL_SIZE, color=dim_text(theme), width_chars=chars) for s in labels]
    bottom = min([0.0] + [b.get_bottom()[1] for b in bars] + [t.get_bottom()[1] for t in vlabels])
    for i, t in enumerate(cat):
        t.move_to([(i - (n - 1) / 2) * group_w, bottom - 0.15 - t.height / 2, 0])
    half = n * group_w / 2
    baseline = Line([-half, 0, 0], [half, 0, 0], color=colour(theme, "axes", GREY), stroke_width=2)
    legend = VGroup()
    for j, s in enumerate(series):
        swatch = Rectangle(width=0.28, height=0.2, stroke_color=cols[j], stroke_width=2).set_fill(cols[j], opacity=0.8)
        name = text(one_line(str(s.get("name", "")), 24), theme, size=LABEL_SIZE, color=theme["text"])
        legend.add(VGroup(swatch, name.next_to(swatch, RIGHT, buff=0.12)))
    legend.arrange(RIGHT, buff=0.45)
    legend.next_to(VGroup(baseline, bars, vlabels), UP, buff=0.3)
    g.add(baseline, bars, vlabels, VGroup(*cat), legend)
    g.baseline, g.bars, g.value_labels, g.labels, g.legend = baseline, bars, vlabels, list(cat), legend
    g.values, g.low_high = values, (min(values + [0.0]), max(values + [0.0]))
    g.unit_len, g.base_width = unit_h, baseline.width
    g.parts = {lab: VGroup(*bars[i * k:(i + 1) * k], t) for i, (lab, t) in enumerate(zip(labels, cat))}
    for j, s in enumerate(series):
        g.parts.setdefault(str(s.get("name", "")), VGroup(*by_series[j], legend[j]))
    return g


_NOUNS = ("bar", "bars", "column", "columns")


def _colour_for(theme, label: str, default_col) -> ManimColor:
    """The style's colour for one bar: "E bar yellow" (the bar labelled E), else the chart's colour, else
    "Bars light blue" (every bar), else a style phrase in the label, else the accent."""
    low = label.strip().lower()
    everyone = None
    for phrase, col in theme["labels"].items():
        words = phrase.split()
        if len(words) >= 2 and ((words[-1] in _NOUNS and " ".join(words[:-1]) == low) or
                                (words[0] in _NOUNS and " ".join(words[1:]) == low)):
            return ManimColor(col)
        if words and words[-1] in _NOUNS and (len(words) == 1 or words[:-1] in (["the"], ["all"], ["all", "the"])):
            everyone = col
    if default_col is not None:
        return default_col
    return label_colour(theme, label, everyone or str(colour(theme, "bar", theme["accent"])))


def _vertical(g, theme, labels, vals, span, default_col) -> None:
    n = len(labels)
    max_h = 3.2
    unit_h = max_h / span
    value_texts = [text(g.written[i] if g.written else fmt(v, g.unit), theme, size=LABEL_SIZE, color=theme["text"])
                   for i, v in enumerate(vals)]
    widest_value = max(t.width for t in value_texts)
    slot = max(min(1.6, 11.0 / n), widest_value + 0.15)
    bar_w = min(slot * 0.62, 1.0)
    chars = max(4, int((slot - 0.1) / 0.12))
    cat = [text(one_line(s, 40), theme, size=LABEL_SIZE, color=dim_text(theme), width_chars=chars) for s in labels]
    rotate = any(t.width > slot - 0.08 for t in cat) or any(t.height > 1.0 for t in cat)
    if rotate:
        # upright, one line each: the bars stay readable however long the names are
        cat = [text(one_line(s, 22), theme, size=LABEL_SIZE, color=dim_text(theme)).rotate(math.pi / 2)
               for s in labels]
        slot = max(slot, max(t.width for t in cat) + 0.12)
        bar_w = min(slot * 0.62, 1.0)
    bars, vlabels = VGroup(), VGroup()
    for i, (v, vt) in enumerate(zip(vals, value_texts)):
        x = (i - (n - 1) / 2) * slot
        col = _colour_for(theme, labels[i], default_col)
        bar = _bar(bar_w, abs(v) * unit_h, col)
        _stand(bar, vt, x, v, 0.16)
        bars.add(bar)
        vlabels.add(vt)
    bottom = min([0.0] + [b.get_bottom()[1] for b in bars] + [t.get_bottom()[1] for t in vlabels])
    later = [v for v in (g.new_values or []) if v < 0]
    if later:  # room for the labels of bars that will turn negative
        bottom = min(bottom, -abs(min(later)) * unit_h - 0.16 - max(t.height for t in value_texts))
    for i, t in enumerate(cat):
        x = (i - (n - 1) / 2) * slot
        t.move_to([x, 0, 0])
        t.set_y(bottom - 0.15 - t.height / 2)
    half = n * slot / 2
    baseline = Line([-half, 0, 0], [half, 0, 0], color=colour(theme, "axes", GREY), stroke_width=2)
    g.add(baseline, bars, vlabels, VGroup(*cat))
    highest = max([0.0] + list(vals) + list(g.new_values or []))
    if highest > 0:
        # room for the tallest bar the chart will show, drawn or not yet (a later state, "V_C" rising to 9.93 V): the
        # chart's box keeps that height while its bars go down and up, so the layout never lets them grow into the title
        room = Line([-half, 0, 0], [-half, highest * unit_h + 0.16 + max(t.height for t in value_texts), 0])
        room.set_stroke(opacity=0)
        g.add(room)
    g.baseline, g.bars, g.value_labels, g.labels = baseline, bars, vlabels, list(cat)
    g.unit_len = unit_h
    g.base_width = baseline.width


def _horizontal(g, theme, labels, vals, span) -> None:
    n = len(labels)
    max_w = 6.0
    unit_w = max_w / span
    row = min(0.62, 5.2 / n)
    lo, hi = g.low_high
    cat = [text(one_line(s, 44), theme, size=LABEL_SIZE, color=theme["text"], width_chars=24) for s in labels]
    row = max(row, max(t.height for t in cat) + 0.12)
    bar_h = row * 0.62
    bars, vlabels = VGroup(), VGroup()
    for i, v in enumerate(vals):
        y = ((n - 1) / 2 - i) * row
        bar = _bar(abs(v) * unit_w, bar_h, _ramp(v, lo, hi), vertical=False)
        bar.move_to([0, y, 0], aligned_edge=LEFT if v >= 0 else RIGHT)
        vt = text(g.written[i] if g.written else fmt(v, g.unit), theme, size=LABEL_SIZE, color=theme["text"])
        vt.next_to(bar, RIGHT if v >= 0 else LEFT, buff=0.16)
        cat[i].set_y(y)
        bars.add(bar)
        vlabels.add(vt)
    left = min([0.0] + [b.get_left()[0] for b in bars] + [t.get_left()[0] for t in vlabels])
    for t in cat:
        t.set_x(left - 0.2 - t.width / 2)
    top, bot = (n / 2) * row, -(n / 2) * row
    baseline = Line([0, top, 0], [0, bot, 0], color=colour(theme, "axes", GREY), stroke_width=2)
    g.add(baseline, bars, vlabels, VGroup(*cat))
    g.baseline, g.bars, g.value_labels, g.labels = baseline, bars, vlabels, list(cat)
    g.unit_len = unit_w
    g.base_width = baseline.height


def _stand(bar, value_text, x: float, v: float, buff: float) -> None:
    """An upright bar on the baseline at x (hanging below it when negative), its value beyond its end."""
    if v >= 0:
        bar.move_to([x, 0, 0], aligned_edge=DOWN)
        value_text.next_to(bar, UP, buff=buff)
    else:
        bar.move_to([x, 0, 0], aligned_edge=UP)
        value_text.next_to(bar, DOWN, buff=buff)


def _bar(w: float, h: float, col, vertical: bool = True) -> Rectangle:
    w, h = max(w, 0.02), max(h, 0.02)
    r = Rectangle(width=w, height=h, stroke_color=col, stroke_width=2)
    r.set_fill(col, opacity=0.8)
    return r


def enter(mob, run_time: float, slot: float | None = None):
    b = max(run_time, min((slot or run_time) * 0.85, 6.0))
    edge = LEFT if mob.horizontal else DOWN
    grows = [GrowFromEdge(bar, edge if v >= 0 else (RIGHT if mob.horizontal else UP))
             for bar, v in zip(mob.bars, mob.values)]
    steps = []
    head = [FadeIn(mob.baseline), FadeIn(VGroup(*mob.labels))]
    if getattr(mob, "legend", None) is not None:
        head.append(FadeIn(mob.legend))
    if mob.title_mob is not None:
        head.append(FadeIn(mob.title_mob, shift=0.1 * DOWN))
    steps.append(AnimationGroup(*head, run_time=min(0.6, b * 0.2)))
    steps.append(LaggedStart(*grows, lag_ratio=0.15, run_time=min(1.5, b * 0.35)))
    steps.append(FadeIn(mob.value_labels, shift=0.1 * UP, run_time=min(0.5, b * 0.12)))
    if mob.mark is not None:
        steps.append(Create(mob.mark, run_time=min(0.5, b * 0.1)))
    if mob.new_values:
        steps.append(change(mob, mob.new_values, run_time=min(1.2, b * 0.25)))
    return steps


def change(mob, new_values, run_time: float = 1.0):
    """Bars and value labels move to new values (the geometry is read from the chart as it is now)."""
    k = (mob.baseline.height if mob.horizontal else mob.baseline.width) / mob.base_width
    unit = mob.unit_len * k
    lo, hi = mob.low_high
    anims = []
    vals = _clean(new_values, len(mob.bars))
    top = max(range(len(vals)), key=lambda j: vals[j]) if mob.mark is not None else -1
    for i, (bar, vt, v) in enumerate(zip(mob.bars, mob.value_labels, vals)):
        fill = bar.get_fill_color() if not mob.horizontal else _ramp(v, lo, hi)
        if mob.horizontal:
            new = _bar(abs(v) * unit, bar.height, fill, vertical=False)
            x0 = mob.baseline.get_center()[0]
            new.move_to([x0, bar.get_center()[1], 0], aligned_edge=LEFT if v >= 0 else RIGHT)
        else:
            new = _bar(bar.width, abs(v) * unit, fill)
            y0 = mob.baseline.get_center()[1]
            new.move_to([bar.get_center()[0], y0, 0], aligned_edge=DOWN if v >= 0 else UP)
        new.set_stroke(width=bar.get_stroke_width())
        label = text(fmt(v, mob.unit), mob.theme, size=LABEL_SIZE, color=GOLD if i == top else mob.theme["text"])
        label.scale(k)
        if mob.horizontal:
            label.next_to(new, RIGHT if v >= 0 else LEFT, buff=0.16 * k)
        else:
            label.next_to(new, UP if v >= 0 else DOWN, buff=0.16 * k)
        anims.append(bar.animate.become(new))
        anims.append(vt.animate.become(label))
    if mob.mark is not None:
        target = SurroundingRectangle(_target_bar(mob, top, vals[top], unit), color=GOLD, buff=0.06 * k,
                                      stroke_width=3)
        anims.append(mob.mark.animate.become(target))
    return AnimationGroup(*anims, run_time=run_time)


def _target_bar(mob, i: int, v: float, unit: float):
    bar = mob.bars[i]
    if mob.horizontal:
        new = _bar(abs(v) * unit, bar.height, GOLD, vertical=False)
        new.move_to([mob.baseline.get_center()[0], bar.get_center()[1], 0], aligned_edge=LEFT if v >= 0 else RIGHT)
    else:
        new = _bar(bar.width, abs(v) * unit, GOLD)
        new.move_to([bar.get_center()[0], mob.baseline.get_center()[1], 0], aligned_edge=DOWN if v >= 0 else UP)
    return new


def find_chart(scene):
    for m in reversed(getattr(scene, "body", [])):
        if hasattr(m, "bars") and hasattr(m, "value_labels") and hasattr(m, "baseline"):
            return m
    return None


def extend(scene, *, slot: float, strings=(), labels, values, new_values=None, **chart) -> None:
    """Animate the chart on screen to `new_values`; draw the chart first if none is there."""
    mob = find_chart(scene)
    if mob is None or getattr(mob, "legend", None) is not None or len(mob.bars) != min(len(labels), MAX_BARS) or \
            not new_values:
        built = build(scene.theme, labels=labels, values=values, new_values=new_values, **chart)
        scene.show(built, lambda m, rt: enter(m, rt, slot), slot=slot, strings=strings)
        return
    scene.named.append((tuple(strings), mob))
    anims = [change(mob, new_values, run_time=max(0.4, min(1.5, slot * 0.5)))]
    title = chart.get("title")
    if title and mob.title_mob is not None and getattr(mob.title_mob, "text", None) != title:
        # the chart in its next state, named ("T = 0.5" -> "T = 1"): its caption changes with the bars
        new = text(title, mob.theme, size=26, color=mob.theme["text"], width_chars=50)
        new.scale(mob.title_mob.height / max(new.height, 1e-6)).move_to(mob.title_mob)
        anims.append(Transform(mob.title_mob, new))
        mob.title_mob.text = title
    scene.play(*anims)
    mob.values = _clean(new_values, len(mob.bars))
