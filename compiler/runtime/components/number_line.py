"""number_line: a Manim `NumberLine` (ticks, no LaTeX numbers) with Text numbers under the ticks (decimals,
fractions or multiples of π), points with labels, stacked dots, intervals with open/closed ends, jump arcs,
dashed markers and a moving triangle marker. Labels that would touch are moved up (or down) a row."""

from __future__ import annotations

import math
from fractions import Fraction

from manim import (DOWN, UP, AnimationGroup, ArcBetweenPoints, Circle, Create, DashedLine, Dot, FadeIn, Line,
                   ManimColor, NumberLine, Triangle, VGroup)

from ..style import text
from .plot import _nice_step, dim_text, paint

LENGTH = 11.0
POINT = "#FFD54F"
DOTS = "#4FC3F7"
INTERVAL = "#66BB6A"
JUMP = "#FF7043"
MARKER = "#FF862F"
SMALL = 22


def fmt(v: float, numbers: str) -> str:
    if numbers == "pi":
        f = Fraction(v / math.pi).limit_denominator(12)
        if f == 0:
            return "0"
        num, den = f.numerator, f.denominator
        head = "-" if num < 0 else ""
        n = abs(num)
        core = ("π" if n == 1 else f"{n}π")
        return head + (core if den == 1 else f"{core}/{den}")
    if numbers == "fractions":
        f = Fraction(v).limit_denominator(16)
        return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.3g}"


def ticks(lo: float, hi: float, step: float | None, numbers: str) -> tuple[float, float, float]:
    """(first tick, last tick, step): round values covering [lo, hi]."""
    if step is None:
        step = math.pi / 2 if numbers == "pi" and hi - lo <= 8 * math.pi else _nice_step(hi - lo, 10)
        if numbers == "pi" and hi - lo > 8 * math.pi:
            step = math.pi * max(1, round(_nice_step((hi - lo) / math.pi, 10)))
        if numbers == "fractions" and step < 1:
            step = 1 / max(2, min(8, round(1 / step)))
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    return first, last, step


def span(values: list[float], rng) -> tuple[float, float]:
    if rng:
        return float(rng[0]), float(rng[1])
    if not values:
        return -5.0, 5.0
    lo, hi = min(values + [0.0]), max(values + [0.0])
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = max(0.5, (hi - lo) * 0.08)
    return lo - pad, hi + pad


def _boxes_hit(a, b, pad=0.06) -> bool:
    return (a.get_left()[0] - pad < b.get_right()[0] and b.get_left()[0] - pad < a.get_right()[0]
            and a.get_bottom()[1] - pad < b.get_top()[1] and b.get_bottom()[1] - pad < a.get_top()[1])


def _settle(mob, taken: list, direction) -> None:
    """Move `mob` along `direction` (UP or DOWN) until it touches nothing in `taken`."""
    for _ in range(12):
        if not any(_boxes_hit(mob, t) for t in taken):
            break
        mob.shift(direction * (mob.height + 0.08))
    taken.append(mob)


def build(theme: dict, *, range=None, step=None, numbers: str = "plain", tick_labels=(), points=(), dots=(),
          intervals=(), jumps=(), markers=(), move=None, label=None, color=None):
    values = ([p["value"] for p in points] + list(dots) + [x for i in intervals for x in (i["start"], i["end"])]
              + [x for j in jumps for x in (j["start"], j["end"])] + [m["value"] for m in markers]
              + [t["value"] for t in tick_labels] + ([move["start"], move["end"]] if move else []))
    lo, hi = span(values, range)
    first, last, st = ticks(lo, hi, step, numbers)
    if not range:
        lo, hi = first, last
    axis_col = dim_text(theme)
    line = NumberLine(x_range=[lo, hi, st], length=LENGTH, include_numbers=False, include_tip=False,
                      color=axis_col, stroke_width=2.5, tick_size=0.09)
    line.move_to([0, 0, 0])
    n2p = line.number_to_point
    g = VGroup(line)
    g.line, g.theme = line, theme
    taken: list = []
    # numbers under the ticks (custom labels win at their values)
    nums = VGroup()
    custom = {round(t["value"], 9): t.get("label") or fmt(t["value"], numbers) for t in tick_labels}
    own = VGroup()
    for v, s in custom.items():
        if lo <= v <= hi:
            t = text(s, theme, size=SMALL, color=theme["text"])
            t.next_to(n2p(v), DOWN, buff=0.18)
            line.add(Line(n2p(v) + 0.09 * UP, n2p(v) + 0.09 * DOWN, color=axis_col, stroke_width=2.5))
            own.add(t)
    if numbers != "none":
        k = math.ceil(lo / st - 1e-9)
        while k * st <= hi + 1e-9 * st:
            v = k * st
            k += 1
            t = text(fmt(v, numbers), theme, size=SMALL, color=axis_col)
            t.next_to(n2p(v), DOWN, buff=0.18)
            if nums and t.get_left()[0] < nums[-1].get_right()[0] + 0.12:
                continue
            if any(_boxes_hit(t, c, 0.1) for c in own):  # a named value (`e`, `φ`) wins over a number
                continue
            nums.add(t)
    nums.add(*own)
    taken += list(nums)
    g.add(nums)
    g.numbers = nums
    parts = {}
    # intervals: a thick stretch on the line, open or closed ends, the label under the numbers
    g.intervals = VGroup()
    for i in intervals:
        col = paint(i.get("color"), INTERVAL)
        a, b = n2p(i["start"]), n2p(i["end"])
        seg = Line(a, b, color=col, stroke_width=8)
        ends = VGroup(*[_end(p, closed, col, theme) for p, closed in ((a, i.get("closed_start", True)),
                                                                       (b, i.get("closed_end", True)))])
        piece = VGroup(seg, ends)
        if i.get("label"):
            t = text(i["label"], theme, size=SMALL, color=col)
            t.move_to((a + b) / 2 + DOWN * 0.95)
            _settle(t, taken, DOWN)
            piece.add(t)
            parts[i["label"]] = piece
        g.intervals.add(piece)
    # stacked dots
    g.dots = VGroup()
    counts: dict[float, int] = {}
    for v in dots:
        key = round(v, 9)
        n = counts.get(key, 0)
        counts[key] = n + 1
        g.dots.add(Dot(n2p(v) + UP * (0.28 + 0.26 * n), radius=0.1, color=paint(color, DOTS) if color else DOTS))
    taken += list(g.dots)
    # points with labels above
    g.point_mobs = VGroup()
    for p in points:
        col = paint(p.get("color"), POINT)
        d = _end(n2p(p["value"]), not p.get("hollow"), col, theme, r=0.11)
        piece = VGroup(d)
        if p.get("label"):
            t = text(p["label"], theme, size=SMALL + 2, color=col)
            top = max([n2p(p["value"])[1] + 0.2] + [m.get_top()[1] for m in g.dots
                                                    if abs(m.get_center()[0] - n2p(p["value"])[0]) < 0.15])
            t.move_to([n2p(p["value"])[0], top + 0.12 + t.height / 2, 0])
            _settle(t, taken, UP)
            piece.add(t)
            parts[p["label"]] = piece
        g.point_mobs.add(piece)
    # markers: dashed vertical lines, the name on top
    g.markers = VGroup()
    for m in markers:
        col = paint(m.get("color"), MARKER)
        x = n2p(m["value"])
        height = max([0.9] + [d.get_top()[1] + 0.2 for d in g.dots])
        mk = VGroup(DashedLine(x + DOWN * 0.3, x + UP * height, color=col, stroke_width=3, dash_length=0.1))
        if m.get("label"):
            t = text(m["label"], theme, size=SMALL, color=col)
            t.move_to(x + UP * (height + 0.1 + t.height / 2))
            _settle(t, taken, UP)
            mk.add(t)
            parts[m["label"]] = mk
        g.markers.add(mk)
    # jumps: arcs above the line, the label over each arc
    g.jumps = VGroup()
    for j in jumps:
        a, b = n2p(j["start"]), n2p(j["end"])
        arc = ArcBetweenPoints(a + UP * 0.12, b + UP * 0.12, angle=-math.pi / 2.2 if b[0] > a[0] else math.pi / 2.2,
                               color=JUMP, stroke_width=3)
        arc.add_tip(tip_length=0.16, tip_width=0.14)
        piece = VGroup(arc)
        if j.get("label"):
            t = text(j["label"], theme, size=SMALL, color=JUMP)
            t.move_to([(a[0] + b[0]) / 2, arc.get_top()[1] + 0.1 + t.height / 2, 0])
            _settle(t, taken, UP)
            piece.add(t)
            parts[j["label"]] = piece
        g.jumps.add(piece)
    # the moving marker: a triangle pointing down at the line
    g.mover = None
    if move:
        tri = Triangle(color=POINT, fill_opacity=1, stroke_width=0).scale(0.12).rotate(math.pi)
        tri.move_to(n2p(move["start"]) + UP * 0.28)
        mover = VGroup(tri)
        if move.get("label"):
            t = text(move["label"], theme, size=SMALL, color=POINT)
            t.next_to(tri, UP, buff=0.08)
            mover.add(t)
            parts[move["label"]] = mover
        g.mover = mover
        g.end_anchor = Dot(n2p(move["end"]) + UP * 0.28, radius=0.001, fill_opacity=0, stroke_opacity=0)
        g.add(g.end_anchor)  # moves and scales with the line, wherever it is placed
    g.add(g.intervals, g.dots, g.point_mobs, g.markers, g.jumps)
    if g.mover is not None:
        g.add(g.mover)
    g.caption = None
    if label:
        cap = text(label, theme, size=SMALL + 2, color=theme["text"], width_chars=60)
        bottom = min(m.get_bottom()[1] for m in [line] + taken)
        cap.move_to([0, bottom - 0.3 - cap.height / 2, 0])
        g.add(cap)
        g.caption = cap
        parts[label] = cap
    g.parts = parts
    g.sbc_kind = "number_line"
    return g


def _end(p, closed: bool, col, theme, r: float = 0.1):
    c = Circle(radius=r, color=col, stroke_width=3).move_to(p)
    c.set_fill(col if closed else ManimColor(theme["background"]), opacity=1)
    return c


def enter(mob, run_time: float, slot: float | None = None):
    budget = max(run_time, min((slot or run_time) * 0.85, 8.0))
    out = [AnimationGroup(Create(mob.line), FadeIn(mob.numbers), run_time=min(1.0, budget * 0.25))]
    if len(mob.intervals):
        out.append(AnimationGroup(*[Create(i) for i in mob.intervals], run_time=min(0.8, budget * 0.15)))
    if len(mob.dots):
        out.append(AnimationGroup(*[FadeIn(d, shift=0.2 * DOWN) for d in mob.dots], lag_ratio=0.1,
                                  run_time=min(1.5, budget * 0.2)))
    if len(mob.point_mobs):
        out.append(FadeIn(mob.point_mobs, scale=0.8, run_time=min(0.6, budget * 0.1)))
    if len(mob.markers):
        out.append(Create(mob.markers, run_time=min(0.6, budget * 0.1)))
    per = min(0.8, budget * 0.3 / max(1, len(mob.jumps)))
    for j in mob.jumps:
        out.append(AnimationGroup(Create(j[0]), *[FadeIn(x) for x in j[1:]], run_time=per))
    if mob.mover is not None:
        out.append(FadeIn(mob.mover, run_time=0.3))
        out.append(mob.mover.animate(run_time=min(2.0, max(0.6, budget * 0.25))).shift(
            mob.end_anchor.get_center() - mob.mover[0].get_center()))
    if mob.caption is not None:
        out.append(FadeIn(mob.caption, run_time=0.4))
    return out

