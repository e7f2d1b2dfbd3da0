"""`file`: the scene's own recording (`audio_file`) is the narration track.

It cannot speak text: `narrate_scene(..., audio_file=...)` decodes the recording (any format
PyAV reads) to a mono 16-bit WAV and spreads the sentences over it by character count.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from compiler.diagnostics import UserError
from compiler.narration.base import RENDER_EXTRA, VoiceInfo, decode_audio, write_wav


class FileEngine:
    name = "file"
    needs_network = False
    DEFAULT_VOICE = "recording"

    def version(self) -> str:
        return "1"

    def default_voice(self) -> str:
        return self.DEFAULT_VOICE

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        ready = importlib.util.find_spec("av") is not None
        return (VoiceInfo(FileEngine.DEFAULT_VOICE, "the scene's own recording, decoded with PyAV",
                          ready, "" if ready else f"decoding recordings needs PyAV: {RENDER_EXTRA}"),)

    def parameters(self) -> dict:
        return {}

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        raise UserError("the file engine plays a scene's audio_file and cannot speak text; "
                        "give the scene an audio_file or choose another voice")

    def decode(self, audio_file: Path, out_wav: Path) -> tuple[np.ndarray, int]:
        """Decode `audio_file` into `out_wav` (mono 16-bit, the recording's own rate)."""
        if not audio_file.is_file():
            raise UserError(f"audio_file not found: {audio_file}")
        samples, rate = decode_audio(audio_file)
        if len(samples) == 0:
            raise UserError(f"audio_file has no audio: {audio_file}")
        write_wav(out_wav, samples, rate)
        return samples, rate

