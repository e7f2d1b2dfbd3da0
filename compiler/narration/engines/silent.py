"""`silent`: real silent WAVs whose length follows a reading rate. For drafts and tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from compiler.narration.base import VoiceInfo, write_wav
from compiler.text import words


class SilentEngine:
    name = "silent"
    needs_network = False
    DEFAULT_VOICE = "none"

    def __init__(self, words_per_second: float = 2.6, min_sentence_s: float = 0.8, sample_rate: int = 22050):
        self.words_per_second = words_per_second
        self.min_sentence_s = min_sentence_s
        self.sample_rate = sample_rate

    def version(self) -> str:
        return "1"

    def default_voice(self) -> str:
        return self.DEFAULT_VOICE

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        return (VoiceInfo(SilentEngine.DEFAULT_VOICE, "silence as long as a narrator would take to read", True),)

    def parameters(self) -> dict:
        return {
            "words_per_second": self.words_per_second,
            "min_sentence_s": self.min_sentence_s,
            "sample_rate": self.sample_rate,
        }

    def duration_s(self, text: str) -> float:
        """Seconds a narrator would take to read `text`, before rounding to samples."""
        return max(self.min_sentence_s, len(words(text)) / self.words_per_second)

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        n = round(self.duration_s(text) * self.sample_rate)
        write_wav(out_wav, np.zeros(n, dtype=np.int16), self.sample_rate)
