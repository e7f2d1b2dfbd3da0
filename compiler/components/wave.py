"""wave: sinusoids (and square, sawtooth, triangle waves) with amplitude and wavelength marked, overlaid or
stacked, their sum; Fourier partial sums approaching a square / sawtooth / triangle wave; travelling waves with
a bobbing particle; wavefronts of a moving source bunched ahead of it (Doppler); a colour spectrum bar with
marked lines. `steps` act on the picture in turn."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Colour, _Model
from .base import VisualBase

KIND = "wave"
RUNTIME = "wave"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_WAVES = 5
MAX_TERMS = 60
MAX_STEPS = 10

Shape = Literal["sine", "square", "sawtooth", "triangle"]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("wave", message)


class Wave(_Model):
    shape: Shape = Field("sine", description="The wave's shape.", examples=["square"])
    amplitude: float = Field(1.0, gt=0, le=1000, description="Height of a crest (relative to the other waves).",
                             examples=[2])
    wavelength: float = Field(1.0, gt=0, le=1000, description="Length of one cycle (relative to the other "
                              "waves; a harmonic n has 1/n).", examples=[0.5])
    phase: float = Field(0, ge=-360, le=360, description="Phase shift in degrees.", examples=[90])
    label: str | None = Field(None, max_length=30, description="Its name, at its right end.",
                              examples=["3rd harmonic"])
    color: Colour | None = Field(None, description="Curve colour (default: the palette).", examples=["orange"])


class Fourier(_Model):
    target: Literal["square", "sawtooth", "triangle"] = Field("square", description="The wave the partial sums "
                                                              "approach (drawn dashed).", examples=["square"])
    terms: list[Annotated[int, Field(ge=1, le=MAX_TERMS)]] = Field(
        default_factory=lambda: [1, 2, 3, 5, 20], min_length=1, max_length=8,
        description="How many harmonics each partial sum has, shown in turn (for a square wave 3 terms are the "
        "1st, 3rd and 5th harmonics).", examples=[[1, 2, 3, 10]])
    show_target: bool = Field(True, description="Draw the target wave dashed behind the sums.", examples=[True])


class Doppler(_Model):
    speed: float = Field(0.5, ge=0, le=0.95, description="The source's speed as a fraction of the wave speed "
                         "(0: circles around a still source).", examples=[0.5])
    fronts: int = Field(6, ge=2, le=12, description="How many wavefronts it emits.", examples=[6])
    source: str | None = Field(None, max_length=24, description="Label of the source.", examples=["siren"])
    ahead: str | None = Field(None, max_length=30, description="Text ahead of the source (where fronts bunch).",
                              examples=["higher pitch"])
    behind: str | None = Field(None, max_length=30, description="Text behind it.", examples=["lower pitch"])


class SpectrumLine(_Model):
    wavelength: float = Field(ge=100, le=2000, description="Where, in nanometres.", examples=[656])
    label: str | None = Field(None, max_length=24, description="Its name, above the bar.", examples=["Hα 656 nm"])


class Spectrum(_Model):
    range: list[Annotated[float, Field(ge=100, le=2000)]] = Field(
        default_factory=lambda: [380.0, 750.0], min_length=2, max_length=2,
        description="[min, max] in nanometres (outside 380–750 the bar is grey: UV, IR).", examples=[[380, 750]])
    lines: list[SpectrumLine] = Field(default_factory=list, max_length=8, description="Marked lines.",
                                      examples=[[{"wavelength": 656, "label": "656 nm"}]])
    absorption: bool = Field(False, description="Dark absorption lines instead of bright marks.", examples=[True])


StepAction = Literal["travel", "terms", "sum", "emit", "mark"]


class WaveStep(_Model):
    action: StepAction = Field(
        description="`travel`: the waves move right for `seconds`; `terms`: the Fourier sum with `n` terms; `sum`: "
        "the sum of the waves is drawn; `emit`: the moving source emits its fronts; `mark`: the spectrum's lines "
        "appear.", examples=["terms"])
    n: int | None = Field(None, ge=1, le=MAX_TERMS, description="`terms`: how many.", examples=[5])
    seconds: float = Field(2.0, gt=0, le=10, description="`travel`: for how long.", examples=[2])

    @model_validator(mode="after")
    def _complete(self):
        if self.action == "terms" and self.n is None:
            raise _err("a 'terms' step needs `n`, the number of terms")
        return self


class WaveVisual(VisualBase):
    kind: Literal["wave"] = Field(description="Waves: sinusoids with amplitude and wavelength marked, sums of "
                                  "harmonics, Fourier partial sums, travelling waves, Doppler wavefronts, a colour "
                                  "spectrum; `steps` act on it in turn.")
    waves: list[Wave] = Field(default_factory=list, max_length=MAX_WAVES, description="Curves on one axis line.",
                              examples=[[{"amplitude": 1, "wavelength": 2, "label": "y = sin x"}]])
    layout: Literal["overlay", "stacked"] = Field("overlay", description="`overlay`: on one axis; `stacked`: each "
                                                  "wave on its own row (harmonics and their sum).",
                                                  examples=["stacked"])
    sum: bool = Field(False, description="Also draw the sum of the waves (superposition).", examples=[True])
    marks: bool = Field(False, description="Mark the first wave's amplitude and wavelength.", examples=[True])
    amplitude_label: str = Field("A", max_length=24, description="Text of the amplitude mark.",
                                 examples=["A = 2 cm"])
    wavelength_label: str = Field("λ", max_length=24, description="Text of the wavelength mark.",
                                  examples=["λ = 0.5 m"])
    cycles: float = Field(3, ge=0.5, le=12, description="How many wavelengths of the longest wave are shown.",
                          examples=[2])
    speed: float = Field(0, ge=0, le=10, description="Travelling waves: wavelengths per second they move right "
                         "(0: still).", examples=[0.5])
    particle: bool = Field(False, description="A dot on the first wave that moves up and down as it travels.",
                           examples=[True])
    fourier: Fourier | None = Field(None, description="Partial sums approaching a square, sawtooth or triangle "
                                    "wave.", examples=[{"target": "square", "terms": [1, 2, 3, 10]}])
    doppler: Doppler | None = Field(None, description="Wavefronts of a moving source, bunched ahead of it.",
                                    examples=[{"speed": 0.5, "source": "siren"}])
    spectrum: Spectrum | None = Field(None, description="A colour spectrum bar with marked lines.",
                                      examples=[{"lines": [{"wavelength": 656, "label": "Hα"}]}])
    x_label: str | None = Field(None, max_length=30, description="Name of the horizontal axis.",
                                examples=["x (m)", "time"])
    caption: str | None = Field(None, max_length=120, description="Text under the picture.",
                                examples=["A square wave from odd harmonics"])
    steps: list[WaveStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                  description="Actions in turn (default: the Fourier sums in turn, travelling, the "
                                  "Doppler fronts, the spectrum lines).",
                                  examples=[[{"action": "terms", "n": 5}]])
    extend: bool = Field(False, description="Act on the wave picture on screen (`steps`); without one on screen, "
                         "this beat's picture is drawn.", examples=[True])

    @model_validator(mode="after")
    def _consistent(self):
        if not (self.waves or self.fourier or self.doppler or self.spectrum or self.extend):
            raise _err("an empty picture: give `waves`, `fourier`, `doppler` or `spectrum`")
        if self.spectrum:
            lo, hi = self.spectrum.range
            if not lo < hi:
                raise _err(f"a spectrum range is [min, max] with min < max, not [{lo:g}, {hi:g}]")
            for k, line in enumerate(self.spectrum.lines):
                if not lo <= line.wavelength <= hi:
                    raise _err(f"spectrum line {k} at {line.wavelength:g} nm is outside the range [{lo:g}, {hi:g}]")
        if (self.sum or self.marks or self.particle) and not self.waves and not self.extend:
            raise _err("`sum`, `marks` and `particle` act on `waves`: give at least one wave")
        if self.waves:
            lam = [w.wavelength for w in self.waves]
            if max(lam) / min(lam) * self.cycles > 200:
                raise _err("the shortest wave would have more than 200 cycles on screen: closer wavelengths")
        for k, s in enumerate(self.steps):
            if s.action == "terms" and not self.fourier and not self.extend:
                raise _err(f"step {k} shows Fourier terms, but there is no `fourier`")
            if s.action == "emit" and not self.doppler and not self.extend:
                raise _err(f"step {k} emits wavefronts, but there is no `doppler`")
        return self


STRINGS = ("waves", "doppler", "spectrum", "caption")


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def terms_label(n: int) -> str:
    return f"{n} term" + ("s" if n != 1 else "")


def spectrum_ticks(lo: float, hi: float) -> list[float]:
    """Round wavelengths under the bar: every 100 nm (every 200 nm past 1000 nm of span)."""
    step = 100.0 if hi - lo <= 1000 else 200.0
    first = -(-lo // step) * step
    out, v = [], first
    while v <= hi + 1e-9 and len(out) < 12:
        out.append(v)
        v += step
    return out


def drawn(params: dict) -> list[str]:
    waves = params.get("waves") or []
    out = [w["label"] for w in waves if w.get("label")]
    if params.get("sum") and waves:
        out.append("sum")
    if params.get("marks") and waves:
        out += [params.get("amplitude_label", "A"), params.get("wavelength_label", "λ")]
    f = params.get("fourier")
    if f:
        out += [terms_label(n) for n in f.get("terms") or [1, 2, 3, 5, 20]]
    for s in params.get("steps") or []:
        if s.get("action") == "terms" and s.get("n"):
            out.append(terms_label(s["n"]))
    d = params.get("doppler")
    if d:
        out += [d[k] for k in ("source", "ahead", "behind") if d.get(k)]
    sp = params.get("spectrum")
    if sp:
        out += [f"{t:g}" for t in spectrum_ticks(*(sp.get("range") or [380.0, 750.0]))] + ["nm"]
        out += [line["label"] for line in sp.get("lines") or [] if line.get("label")]
    out += [params[k] for k in ("x_label", "caption") if params.get(k)]
    return out


MODEL = WaveVisual
