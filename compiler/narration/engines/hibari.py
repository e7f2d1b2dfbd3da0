"""`hibari`: hibari-tts, a small Kokoro-distilled English voice (onnxruntime, 24 kHz).

The default offline engine (see docs/voices.md). Deterministic: hibari's noise component is
drawn from a numpy generator seeded per sentence, so the same text gives bit-identical samples.
Only the bundled voice (`heart`) works offline; other hibari voices are one-time downloads that
sbc never performs at run time. Each sentence is levelled to `rms_dbfs` over its voiced frames
(peaks capped at `peak_ceiling`), so sentences match in loudness whatever their length.
"""

from __future__ import annotations

import functools
import importlib.util
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from compiler.diagnostics import UserError
from compiler.narration.base import RENDER_EXTRA, VoiceInfo, write_wav

_INSTALL = f"pip install hibari-tts (or {RENDER_EXTRA} once it lists hibari-tts)"


def _download_hint(voice: str) -> str:
    return f"python -c \"from hibari.voices import voice_path; voice_path('{voice}')\""


def _voice_file(voice: str) -> str | None:
    """The model file of a hibari voice if it is here (bundled or downloaded before), else None."""
    from hibari.voices import voice_path

    try:
        return voice_path(voice, download_missing=False)
    except FileNotFoundError:
        return None


@functools.lru_cache(maxsize=2)
def _load_voice(voice: str, threads: int) -> Any:  # noqa: ANN401 - hibari.Hibari
    from hibari import Hibari
    from hibari.voices import VOICES, voice_path

    if voice not in VOICES:
        here = [v.name for v in HibariEngine.voices() if v.ready]
        others = [v.name for v in HibariEngine.voices() if not v.ready]
        raise UserError(f"hibari has no voice {voice!r}; voices here: {', '.join(here)}"
                        + (f" (after a one-time download: {', '.join(others)}; see sbc voices hibari)" if others else ""))
    try:
        path = voice_path(voice, download_missing=False)
    except FileNotFoundError as e:
        raise UserError(
            f"hibari voice {voice!r} is not in the package and not downloaded; sbc does not download at "
            f"run time: use hibari:{HibariEngine.DEFAULT_VOICE}, or download it once with {_download_hint(voice)} "
            f"(it goes to {e})"
        ) from e
    return Hibari(voice=voice, model=path, threads=threads)


class HibariEngine:
    name = "hibari"
    needs_network = False
    DEFAULT_VOICE = "heart"

    def __init__(self, speed: float = 1.0, seed: int = 0, rms_dbfs: float = -20.0, peak_ceiling: float = 0.97,
                 threads: int = 2):
        # find_spec, not import: the model and onnxruntime load on the first synthesis, so a build
        # whose narration is all cached never pays for them
        if importlib.util.find_spec("hibari") is None:
            raise UserError(f"the hibari engine needs hibari-tts; install with: {_INSTALL}")
        self.speed, self.seed, self.threads = speed, seed, threads
        self.rms_dbfs, self.peak_ceiling = rms_dbfs, peak_ceiling

    def version(self) -> str:
        return f"hibari-tts=={metadata.version('hibari-tts')}"

    def default_voice(self) -> str:
        return self.DEFAULT_VOICE

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        """hibari's voices: the bundled one is ready; the others are ready once downloaded (by hand)."""
        if importlib.util.find_spec("hibari") is None:
            return ()
        from hibari.voices import VOICES

        out = []
        for voice, meta in VOICES.items():
            ready = _voice_file(voice) is not None
            description = f"{meta.get('accent', '')} {meta.get('gender', '')} ({meta.get('language', '?')})".strip()
            note = "" if ready else f"not downloaded (sbc never downloads); get it once with: {_download_hint(voice)}"
            out.append(VoiceInfo(voice, description + (", in the package" if meta.get("bundled") else ""), ready, note))
        return tuple(out)

    def parameters(self) -> dict:
        # threads is not here: the output is bit-identical for any thread count.
        return {"speed": self.speed, "seed": self.seed, "rms_dbfs": self.rms_dbfs, "peak_ceiling": self.peak_ceiling}

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        tts = _load_voice(voice, self.threads)
        audio = np.asarray(tts(text, speed=self.speed, seed=self.seed), dtype=np.float64)
        write_wav(out_wav, _level(audio, tts.sample_rate, self.rms_dbfs, self.peak_ceiling), tts.sample_rate)


def _level(audio: np.ndarray, rate: int, rms_dbfs: float, peak_ceiling: float) -> np.ndarray:
    """Scale to `rms_dbfs` measured over voiced 20 ms frames, without peaks above `peak_ceiling`."""
    frame = max(1, rate // 50)
    n = len(audio) // frame
    if n == 0:
        return audio
    power = (audio[: n * frame].reshape(n, frame) ** 2).mean(axis=1)
    voiced = power[power > power.max() * 10 ** (-35 / 10)]
    rms, peak = float(np.sqrt(voiced.mean())), float(np.abs(audio).max())
    if rms < 1e-6:
        return audio
    return audio * min(10 ** (rms_dbfs / 20) / rms, peak_ceiling / peak)
