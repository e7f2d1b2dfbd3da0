"""wave: curves sampled from the wave functions (sine, square, sawtooth, triangle; Fourier partial sums) on
plain axis lines, overlaid or stacked one row per wave; amplitude and wavelength as double arrows; travelling
waves redrawn every frame with a particle bobbing on the first; a moving source's circular wavefronts (each
centred where the source was when it emitted it, so they bunch ahead); a spectrum bar coloured by wavelength
with marked lines. Everything is computed here in "build" coordinates and mapped through two invisible
anchors, so steps still land right after the picture was moved and scaled to fit.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Circle, Create, DashedVMobject, DoubleArrow, Dot,
                   FadeIn, Line, ManimColor, Rectangle, Transform, UpdateFromAlphaFunc, VGroup, VMobject, linear)

from ...components.wave import spectrum_ticks, terms_label
from ..style import text
from .plot import dim_text, paint

PALETTE = ["#4FC3F7", "#66BB6A", "#FFD54F", "#FF7043", "#AB47BC"]
SUM = "#FFD54F"
TARGET = "#8A8FA3"
MARK = "#E0E0E0"
SOURCE = "#FF7043"
FRONT = "#4FC3F7"
W = 10.0          # width of a wave row, scene units
SAMPLES = 480
LABEL = 22


# ----------------------------------------------------------------------------- wave functions
def shape_value(shape: str, u: float) -> float:
    """One cycle per 2π: sine, square (±1), sawtooth (-1 → 1 rising), triangle."""
    if shape == "square":
        s = math.sin(u)
        return 1.0 if s > 1e-12 else (-1.0 if s < -1e-12 else 0.0)
    if shape == "sawtooth":
        f = (u / (2 * math.pi) + 0.5) % 1.0
        return 2 * f - 1
    if shape == "triangle":
        return 2 / math.pi * math.asin(max(-1.0, min(1.0, math.sin(u))))
    return math.sin(u)


def partial_sum(target: str, n: int, u: float) -> float:
    """The Fourier series of `target` (amplitude 1) with its first n non-zero terms."""
    total = 0.0
    if target == "square":
        for j in range(n):
            k = 2 * j + 1
            total += math.sin(k * u) / k
        return 4 / math.pi * total
    if target == "triangle":
        for j in range(n):
            k = 2 * j + 1
            total += (-1) ** j * math.sin(k * u) / (k * k)
        return 8 / math.pi ** 2 * total
    for k in range(1, n + 1):  # sawtooth
        total += (-1) ** (k + 1) * math.sin(k * u) / k
    return 2 / math.pi * total


def wave_value(w: dict, x: float, shift: float = 0.0) -> float:
    u = 2 * math.pi * (x - shift) / float(w.get("wavelength", 1.0)) + math.radians(float(w.get("phase", 0)))
    return float(w.get("amplitude", 1.0)) * shape_value(w.get("shape", "sine"), u)


def crest(w: dict) -> float:
    """x of the first crest at or after 0 (the middle of the high half of a square wave)."""
    lam = float(w.get("wavelength", 1.0))
    if w.get("shape") == "sawtooth":
        x = lam * (0.5 - math.radians(float(w.get("phase", 0))) / (2 * math.pi))
    else:
        x = lam * (0.25 - math.radians(float(w.get("phase", 0))) / (2 * math.pi))
    return x % lam


def wavelength_rgb(nm: float) -> str:
    """An approximate display colour of light of wavelength `nm` (grey outside the visible range)."""
    if nm < 380 or nm > 750:
        return "#555566"
    if nm < 440:
        r, g, b = -(nm - 440) / 60, 0.0, 1.0
    elif nm < 490:
        r, g, b = 0.0, (nm - 440) / 50, 1.0
    elif nm < 510:
        r, g, b = 0.0, 1.0, -(nm - 510) / 20
    elif nm < 580:
        r, g, b = (nm - 510) / 70, 1.0, 0.0
    elif nm < 645:
        r, g, b = 1.0, -(nm - 645) / 65, 0.0
    else:
        r, g, b = 1.0, 0.0, 0.0
    edge = 0.3 + 0.7 * (nm - 380) / 40 if nm < 420 else (0.3 + 0.7 * (750 - nm) / 50 if nm > 700 else 1.0)
    return "#%02x%02x%02x" % tuple(int(round(255 * (c * edge) ** 0.8)) for c in (r, g, b))


def doppler_fronts(speed: float, fronts: int, tau: float) -> list[tuple[float, float]]:
    """(centre x, radius) of each front emitted by time `tau` (wave speed 1, one front per unit time)."""
    return [(speed * i, tau - i) for i in range(fronts) if tau >= i]


# ----------------------------------------------------------------------------- drawing helpers
def _curve(fn, x0: float, x1: float, X: float, ky: float, origin, col, width: float = 3.0):
    pts = [origin + np.array([W * (x0 + (x1 - x0) * j / SAMPLES) / X, ky * fn(x0 + (x1 - x0) * j / SAMPLES), 0])
           for j in range(SAMPLES + 1)]
    return VMobject(color=col, stroke_width=width).set_points_as_corners(pts)


def _axis(origin, col, height: float):
    return VGroup(Arrow(origin + LEFT * 0.1, origin + RIGHT * (W + 0.35), buff=0, color=col, stroke_width=2,
                        max_tip_length_to_length_ratio=0.02, tip_length=0.16),
                  Line(origin + DOWN * height / 2, origin + UP * height / 2, color=col, stroke_width=2))


def _hits(a, b, pad: float = 0.04) -> bool:
    return (a.get_left()[0] - pad < b.get_right()[0] and b.get_left()[0] - pad < a.get_right()[0]
            and a.get_bottom()[1] - pad < b.get_top()[1] and b.get_bottom()[1] - pad < a.get_top()[1])


def _settle(mob, taken: list, direction=DOWN) -> None:
    for _ in range(12):
        if not any(_hits(mob, t) for t in taken):
            break
        mob.shift(direction * (mob.height * 0.6 + 0.05))
    taken.append(mob)


# ----------------------------------------------------------------------------- build
def build(theme: dict, *, waves=(), layout: str = "overlay", sum: bool = False, marks: bool = False,
          amplitude_label: str = "A", wavelength_label: str = "λ", cycles: float = 3, speed: float = 0,
          particle: bool = False, fourier=None, doppler=None, spectrum=None, x_label=None, caption=None, steps=(),
          color=None):
    waves = [dict(w) for w in waves or []]
    steps = list(steps or [])
    axis_col = dim_text(theme)
    g = VGroup()
    g.theme, g.t = theme, 0.0
    panels = []
    # --- waves
    g.waves, g.curves, g.sum_curve, g.particle, g.rows = waves, [], None, None, []
    wants_sum = len(waves) >= 2 and (sum or any(s.get("action") == "sum" for s in steps))
    if waves:
        X = float(cycles) * max(float(w.get("wavelength", 1.0)) for w in waves)
        g.X = X
        sample = [X * j / 400 for j in range(401)]
        peaks = [max(abs(wave_value(w, x)) for x in sample) for w in waves]
        if wants_sum:
            peaks.append(max(abs(sum_(waves, x)) for x in sample))
        ymax = max(peaks) or 1.0
        rows = 1 if layout == "overlay" else len(waves) + (1 if wants_sum else 0)
        row_h = min(2.6, 4.6 / rows) if layout == "overlay" else min(1.5, 4.8 / rows)
        ky = row_h / 2 * 0.85 / ymax
        panel = VGroup()
        labels = VGroup()
        taken: list = []
        g.wave_axes = []
        for r in range(rows):
            origin = np.array([-W / 2, -r * (row_h + 0.25), 0.0])
            g.rows.append(origin)
            g.wave_axes.append(_axis(origin, axis_col, row_h))
            panel.add(g.wave_axes[-1])
        for k, w in enumerate(waves):
            col = paint(w.get("color"), PALETTE[k % len(PALETTE)]) if w.get("color") else ManimColor(
                PALETTE[k % len(PALETTE)])
            origin = g.rows[0 if layout == "overlay" else k]
            c = _curve(lambda x, w=w: wave_value(w, x), 0, X, X, ky, origin, col)
            c.sbc_wave, c.sbc_origin = w, origin
            g.curves.append(c)
            panel.add(c)
            if w.get("label"):
                t = text(w["label"], theme, size=LABEL, color=col)
                end = origin + np.array([W + 0.5, ky * wave_value(w, X), 0])
                t.move_to(end + RIGHT * t.width / 2)
                if layout != "overlay":
                    t.move_to(origin + np.array([W + 0.5 + t.width / 2, 0, 0]))
                _settle(t, taken)
                labels.add(t)
        if wants_sum:
            origin = g.rows[-1]
            c = _curve(lambda x: sum_(waves, x), 0, X, X, ky, origin, SUM, 4)
            c.sbc_origin = origin
            g.sum_curve = c
            panel.add(c)
            t = text("sum", theme, size=LABEL, color=SUM)
            t.move_to(origin + np.array([W + 0.5 + t.width / 2, ky * sum_(waves, X), 0]))
            if layout != "overlay":
                t.move_to(origin + np.array([W + 0.5 + t.width / 2, 0, 0]))
            _settle(t, taken)
            c.sbc_label = t
            panel.add(t)
        g.shown_sum = bool(sum)
        panel.add(labels)
        g.wave_labels = labels
        g.marks = VGroup()
        if marks:
            w = waves[0]
            origin = g.rows[0]
            lam, A = float(w.get("wavelength", 1.0)), float(w.get("amplitude", 1.0))
            xc = crest(w)
            px = lambda x: origin[0] + W * x / X  # noqa: E731
            amp = DoubleArrow([px(xc), origin[1], 0], [px(xc), origin[1] + ky * A, 0], buff=0, color=MARK,
                              stroke_width=2, tip_length=0.14, max_tip_length_to_length_ratio=0.3)
            a_lab = text(amplitude_label, theme, size=LABEL, color=MARK)
            a_lab.next_to(amp, LEFT, buff=0.1)
            g.marks.add(amp, a_lab)
            if xc + lam <= X + 1e-9:
                y = origin[1] + ky * A + 0.3
                wl = DoubleArrow([px(xc), y, 0], [px(xc + lam), y, 0], buff=0, color=MARK, stroke_width=2,
                                 tip_length=0.14, max_tip_length_to_length_ratio=0.2)
                w_lab = text(wavelength_label, theme, size=LABEL, color=MARK)
                w_lab.next_to(wl, UP, buff=0.08)
                guides = VGroup(*[Line([px(x), origin[1] + ky * A, 0], [px(x), y, 0], color=MARK, stroke_width=1,
                                       stroke_opacity=0.6) for x in (xc, xc + lam)])
                g.marks.add(wl, w_lab, guides)
            panel.add(g.marks)
        if particle:
            w = waves[0]
            g.particle_x = 0.4 * X
            o = g.curves[0].sbc_origin
            g.particle = Dot(o + np.array([W * 0.4, ky * wave_value(w, g.particle_x), 0]), radius=0.1,
                             color=SOURCE).set_z_index(3)
            panel.add(g.particle)
        if x_label:
            t = text(x_label, theme, size=LABEL - 2, color=axis_col)
            t.next_to(g.rows[-1] + RIGHT * (W + 0.35), DOWN, buff=0.15)
            t.align_to(g.rows[-1] + RIGHT * (W + 0.35), RIGHT)
            panel.add(t)
        g.ky, g.wave_panel, g.marks_at = ky, panel, 0.0
        panels.append(panel)
    # --- Fourier partial sums
    g.fourier = None
    if fourier is not None:  # {}: the defaults (a square wave), not nothing
        terms = list(fourier.get("terms") or [1, 2, 3, 5, 20])
        target = fourier.get("target", "square")
        X = 2.0
        ky = 1.2
        origin = np.array([-W / 2, 0.0, 0.0])
        f_axis = _axis(origin, axis_col, 2 * ky * 1.3)
        panel = VGroup(f_axis)
        tgt = None
        if fourier.get("show_target", True):
            tgt = DashedVMobject(_curve(lambda x: shape_value(target, 2 * math.pi * x), 0, X, X, ky, origin, TARGET, 2),
                                 num_dashes=90)
            panel.add(tgt)
        col = paint(color, SUM) if color else ManimColor(SUM)
        cur = _curve(lambda x: partial_sum(target, terms[0], 2 * math.pi * x), 0, X, X, ky, origin, col, 4)
        lab = text(terms_label(max(terms)), theme, size=LABEL + 2, color=col)  # the widest, for the fit
        lab.move_to(origin + np.array([W + 0.45 + lab.width / 2, ky * 1.1, 0]))
        lab_left = lab.get_left()[0]
        lab.become(text(terms_label(terms[0]), theme, size=LABEL + 2, color=col))
        lab.move_to([lab_left + lab.width / 2, origin[1] + ky * 1.1, 0])
        panel.add(cur, lab)
        g.fourier = dict(target=target, terms=terms, curve=cur, label=lab, origin=origin, X=X, ky=ky, col=col,
                         shown=terms[0], target_mob=tgt, left=lab_left, axis=f_axis, panel=panel)
        panels.append(panel)
    # --- Doppler wavefronts
    g.doppler = None
    if doppler is not None:  # {}: the defaults, not nothing
        n = int(doppler.get("fronts", 6))
        u = float(doppler.get("speed", 0.5))
        k = 4.2 / (2 * n)
        centre0 = np.array([-(u * n) * k / 2, 0.0, 0.0])  # the whole pattern centred
        fronts = VGroup(*[Circle(radius=max(0.01, (n - i) * k), color=FRONT, stroke_width=2.5)
                          .move_to(centre0 + RIGHT * u * i * k) for i in range(n)])
        src = Dot(centre0 + RIGHT * u * n * k, radius=0.12, color=SOURCE).set_z_index(3)
        panel = VGroup(fronts, src)
        extra = VGroup()
        if doppler.get("source"):
            t = text(doppler["source"], theme, size=LABEL, color=SOURCE)
            t.next_to(src, DOWN, buff=0.15)
            extra.add(t)
        if doppler.get("ahead"):
            t = text(doppler["ahead"], theme, size=LABEL, color=theme["text"], width_chars=14)
            t.next_to(fronts, RIGHT, buff=0.3)
            extra.add(t)
        if doppler.get("behind"):
            t = text(doppler["behind"], theme, size=LABEL, color=theme["text"], width_chars=14)
            t.next_to(fronts, LEFT, buff=0.3)
            extra.add(t)
        if u > 0:
            arrow = Arrow(src.get_center() + UP * 0.35, src.get_center() + UP * 0.35 + RIGHT * 0.8, buff=0,
                          color=SOURCE, stroke_width=4, max_tip_length_to_length_ratio=0.3)
            extra.add(arrow)
        panel.add(extra)
        g.doppler = dict(fronts=fronts, src=src, extra=extra, n=n, u=u, k=k, centre0=centre0, done=False,
                         panel=panel)
        panels.append(panel)
    # --- spectrum
    g.spectrum = None
    if spectrum is not None:
        lo, hi = (float(v) for v in spectrum.get("range") or [380.0, 750.0])
        bar_w, bar_h = W, 0.7
        px = lambda nm: -bar_w / 2 + bar_w * (nm - lo) / (hi - lo)  # noqa: E731
        strips = VGroup()
        n = 160
        for j in range(n):
            nm = lo + (hi - lo) * (j + 0.5) / n
            strips.add(Rectangle(width=bar_w / n + 0.01, height=bar_h, stroke_width=0)
                       .set_fill(wavelength_rgb(nm), 1).move_to([px(nm), 0, 0]))
        ticks = VGroup()
        for t in spectrum_ticks(lo, hi):
            ticks.add(Line([px(t), -bar_h / 2, 0], [px(t), -bar_h / 2 - 0.12, 0], color=axis_col, stroke_width=2))
            lab = text(f"{t:g}", theme, size=LABEL - 2, color=axis_col)
            lab.next_to([px(t), -bar_h / 2 - 0.12, 0], DOWN, buff=0.08)
            if not any(_hits(lab, m) for m in ticks if hasattr(m, "text")):
                ticks.add(lab)
        unit = text("nm", theme, size=LABEL - 2, color=axis_col)
        unit.next_to([bar_w / 2, -bar_h / 2 - 0.2, 0], RIGHT, buff=0.25)
        ticks.add(unit)
        marks = VGroup()
        taken: list = []
        dark = bool(spectrum.get("absorption"))
        for line in spectrum.get("lines") or []:
            x = px(float(line["wavelength"]))
            ln = Line([x, -bar_h / 2, 0], [x, bar_h / 2, 0], color="#000000" if dark else "#FFFFFF",
                      stroke_width=5 if dark else 4)
            piece = VGroup(ln)
            if line.get("label"):
                t = text(line["label"], theme, size=LABEL, color=theme["text"])
                t.move_to([x, bar_h / 2 + 0.2 + t.height / 2, 0])
                _settle(t, taken, UP)
                piece.add(Line([x, bar_h / 2, 0], [x, t.get_bottom()[1] - 0.04, 0], color=MARK, stroke_width=1.5), t)
            marks.add(piece)
        panel = VGroup(strips, ticks, marks)
        g.spectrum = dict(strips=strips, ticks=ticks, marks=marks, shown=False)
        panels.append(panel)
    before = [p.get_center().copy() for p in panels]
    stack = VGroup(*panels).arrange(DOWN, buff=0.6)
    stack.move_to([0, 0, 0])
    off = {id(p): p.get_center() - b for p, b in zip(panels, before)}  # where each panel's build coordinates went
    g.wave_off = off[id(g.wave_panel)] if waves else np.zeros(3)
    if g.fourier is not None:
        g.fourier["off"] = off[id(g.fourier["panel"])]
    if g.doppler is not None:
        g.doppler["off"] = off[id(g.doppler["panel"])]
    g.add(stack)
    g.caption = None
    if caption:
        cap = text(caption, theme, size=LABEL, color=theme["text"], width_chars=60)
        cap.next_to(stack, DOWN, buff=0.35)
        g.caption = cap
        g.add(cap)
    # anchors: build-time (0, 0) and (1, 0), moved and scaled with the group
    g.ruler = VGroup(Dot([0, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0),
                     Dot([1, 0, 0], radius=0.001, fill_opacity=0, stroke_opacity=0))
    g.add(g.ruler)
    g.speed = float(speed)
    g.steps = steps
    g.parts = {}
    for w, c in zip(waves, g.curves):
        if w.get("label"):
            g.parts[w["label"]] = c
    if caption:
        g.parts[caption] = g.caption
    g.sbc_kind = "wave"
    g.grow = 1.2
    return g


def sum_(waves, x: float, shift: float = 0.0) -> float:
    return sum(wave_value(w, x, shift) for w in waves)


def enter(mob, run_time: float):
    out = []
    if mob.waves:
        out.append(AnimationGroup(*[Create(a) for a in mob.wave_axes], run_time=max(0.2, run_time * 0.2)))
        curves = list(mob.curves) + ([mob.sum_curve] if mob.sum_curve is not None and mob.shown_sum else [])
        out.append(AnimationGroup(*[Create(c) for c in curves], lag_ratio=0.3, run_time=max(0.3, run_time * 0.5)))
        hidden = [mob.sum_curve, getattr(mob.sum_curve, "sbc_label", None)] if not mob.shown_sum else []
        rest = [m for m in mob.wave_panel if m not in mob.wave_axes and m not in curves and m not in hidden]
        if rest:
            out.append(FadeIn(VGroup(*rest), run_time=max(0.2, run_time * 0.25)))
    if mob.fourier is not None:
        f = mob.fourier
        out.append(Create(f["axis"], run_time=max(0.2, run_time * 0.2)))
        out.append(AnimationGroup(*([Create(f["target_mob"])] if f["target_mob"] is not None else []),
                                  Create(f["curve"]), FadeIn(f["label"]), run_time=max(0.3, run_time * 0.5)))
    if mob.doppler is not None:
        d = mob.doppler
        for c in d["fronts"]:
            c.set_stroke(opacity=0.0)
        d["src"].move_to(d["fronts"][0].get_center())
        out.append(FadeIn(d["src"], run_time=0.3))
    if mob.spectrum is not None:
        s = mob.spectrum
        out.append(AnimationGroup(FadeIn(s["strips"]), FadeIn(s["ticks"]), run_time=max(0.3, run_time * 0.4)))
    if mob.caption is not None:
        out.append(FadeIn(mob.caption, run_time=0.3))
    return out


# ----------------------------------------------------------------------------- steps
def _travel(scene, g, seconds: float, rt: float, speed: float) -> None:
    if not g.waves:
        return
    lam0 = float(g.waves[0].get("wavelength", 1.0))
    t0 = g.t

    def redraw(m, alpha):
        t = t0 + alpha * seconds
        shift = speed * lam0 * t
        for c in g.curves:
            w = c.sbc_wave
            new = _curve(lambda x, w=w: wave_value(w, x, shift), 0, g.X, g.X, g.ky, c.sbc_origin, c.get_color(), 3)
            c.set_points(_mapped(g, new, g.wave_off).points)
        if g.sum_curve is not None and g.shown_sum:
            new = _curve(lambda x: sum(wave_value(w, x, shift) for w in g.waves), 0, g.X, g.X, g.ky,
                         g.sum_curve.sbc_origin, SUM, 4)
            g.sum_curve.set_points(_mapped(g, new, g.wave_off).points)
        if g.particle is not None:
            w = g.waves[0]
            o = g.curves[0].sbc_origin
            p = o + np.array([W * g.particle_x / g.X, g.ky * wave_value(w, g.particle_x, shift), 0])
            g.particle.move_to(_mapped_point(g, p, g.wave_off))

    marks = len(g.marks) > 0 and g.marks.get_stroke_opacity() + g.marks.get_fill_opacity() > 0
    if marks:  # the marks stand on a crest: they leave while the wave moves, and come back on the new crest
        scene.play(g.marks.animate.set_opacity(0), run_time=0.3)
    scene.play(UpdateFromAlphaFunc(g.wave_panel, redraw), run_time=rt, rate_func=linear)
    g.t = t0 + seconds
    if marks:
        k, _ = _transform(g)
        lam = float(g.waves[0].get("wavelength", 1.0))
        moved = (speed * lam0 * g.t) % lam
        if crest(g.waves[0]) + moved + lam > g.X + 1e-9:
            moved -= lam
        g.marks.shift(RIGHT * (moved - g.marks_at) * W / g.X * k)
        g.marks_at = moved
        scene.play(g.marks.animate.set_opacity(1), run_time=0.3)


def _transform(g):
    """(scale, origin): a build-time point p is now at origin + scale * p (the ruler was built at 0 and 1)."""
    o = g.ruler[0].get_center()
    return float(np.linalg.norm(g.ruler[1].get_center() - o)), o


def _mapped(g, mob, off):
    """A mobject built in a panel's own coordinates, moved and scaled to where the group is now."""
    k, o = _transform(g)
    return mob.shift(off).scale(k, about_point=np.zeros(3)).shift(o)


def _mapped_point(g, p, off):
    k, o = _transform(g)
    return o + k * (np.array(p) + off)


def _terms(scene, g, n: int, rt: float) -> None:
    f = g.fourier
    if f is None:
        return
    target = f["target"]
    new = _curve(lambda x: partial_sum(target, n, 2 * math.pi * x), 0, f["X"], f["X"], f["ky"], f["origin"],
                 f["col"], 4)
    new = _mapped(g, new, f["off"])
    k, _ = _transform(g)
    lab = text(terms_label(n), g.theme, size=LABEL + 2, color=f["col"]).scale(k)
    lab.move_to([f["label"].get_left()[0] + lab.width / 2, f["label"].get_center()[1], 0])
    scene.play(Transform(f["curve"], new), Transform(f["label"], lab), run_time=rt)
    f["label"].text = lab.text
    f["shown"] = n


def _sum(scene, g, rt: float) -> None:
    if g.sum_curve is None or g.shown_sum:
        return
    scene.play(Create(g.sum_curve), FadeIn(g.sum_curve.sbc_label), run_time=rt)
    g.shown_sum = True


def _emit(scene, g, rt: float) -> None:
    d = g.doppler
    if d is None:
        return
    n, u = d["n"], d["u"]
    k_now, _ = _transform(g)
    base = _mapped_point(g, d["centre0"], d["off"])
    unit = d["k"] * k_now

    def go(m, alpha):
        tau = alpha * n
        for i, c in enumerate(d["fronts"]):
            r = (tau - i) * unit
            if r <= 0:
                c.set_stroke(opacity=0.0)
                continue
            c.set_stroke(opacity=1.0)
            c.scale_to_fit_width(max(2 * r, 0.02))
            c.move_to(base + RIGHT * u * i * unit)
        d["src"].move_to(base + RIGHT * u * tau * unit)

    scene.add(d["fronts"])  # (a played animation adds its mobject; fast-forward and inspection do not)
    scene.play(UpdateFromAlphaFunc(VGroup(d["fronts"], d["src"]), go), run_time=rt, rate_func=linear)
    if len(d["extra"]):
        scene.play(FadeIn(d["extra"]), run_time=0.4)
    d["done"] = True


def _mark(scene, g, rt: float) -> None:
    s = g.spectrum
    if s is None or s["shown"]:
        return
    for m in s["marks"]:
        scene.play(Create(m[0]), *[FadeIn(x) for x in m[1:]], run_time=max(0.2, rt / max(1, len(s["marks"]))))
    s["shown"] = True


def default_steps(g) -> list[dict]:
    out = []
    if g.fourier is not None:
        out += [{"action": "terms", "n": n} for n in g.fourier["terms"][1:]]
    if g.waves and g.speed > 0:
        out.append({"action": "travel", "seconds": 3.0})
    if g.sum_curve is not None and not g.shown_sum:
        out.append({"action": "sum"})
    if g.doppler is not None and not g.doppler["done"]:
        out.append({"action": "emit"})
    if g.spectrum is not None and not g.spectrum["shown"]:
        out.append({"action": "mark"})
    return out


def play_step(scene, g, step: dict, rt: float, motion: float) -> None:
    a = step.get("action")
    if a == "travel":
        _travel(scene, g, float(step.get("seconds", 2.0)), motion, g.speed or 0.5)
    elif a == "terms":
        _terms(scene, g, int(step.get("n") or 1), rt)
    elif a == "sum":
        _sum(scene, g, rt)
    elif a == "emit":
        _emit(scene, g, motion)
    elif a == "mark":
        _mark(scene, g, rt)


def run_steps(scene, g, steps, until: float) -> None:
    """Play `steps` (or the picture's own changes) in turn, evenly spread until `until`; the Doppler fronts and
    the spectrum's lines always end up drawn."""
    steps = list(steps or [])
    if steps:
        if g.doppler is not None and not g.doppler["done"] and not any(s.get("action") == "emit" for s in steps):
            steps.append({"action": "emit"})
        if g.spectrum is not None and not any(s.get("action") == "mark" for s in steps):
            steps.append({"action": "mark"})
    else:
        steps = default_steps(g)
    if not steps:
        return
    for step, per in scene.paced(steps, until):
        play_step(scene, g, step, max(0.3, min(1.2, per * 0.6)), max(0.8, min(4.0, per * 0.8)))




def extend(scene, *, until: float, slot: float, strings=(), steps=(), **new_picture) -> None:
    """Steps on the wave picture on screen; with none, this beat's picture is drawn."""
    drawable = any(new_picture.get(k) for k in ("waves", "fourier", "doppler", "spectrum"))
    g = scene.picture("wave", (lambda: build(scene.theme, steps=steps, **new_picture)) if drawable else None, enter,
                      slot, strings)
    if g is not None:
        run_steps(scene, g, steps, until)
