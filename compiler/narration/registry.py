"""The engine registry: a plain dict from name to factory, and voice-spec parsing.

Factories import their optional package when called, so listing an engine costs nothing and a
missing package surfaces as a `UserError` that names what to install.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler.diagnostics import UserError
from compiler.narration.base import Engine
from compiler.narration.engines.espeak import EspeakEngine
from compiler.narration.engines.file import FileEngine
from compiler.narration.engines.gtts import GttsEngine
from compiler.narration.engines.hibari import HibariEngine
from compiler.narration.engines.piper import PiperEngine
from compiler.narration.engines.silent import SilentEngine

ENGINES: dict[str, Callable[[], Engine]] = {
    "hibari": HibariEngine,
    "piper": PiperEngine,
    "espeak": EspeakEngine,
    "gtts": GttsEngine,
    "silent": SilentEngine,
    "file": FileEngine,
}

DEFAULT_ENGINE = "hibari"  # measured against piper in docs/voices.md
FALLBACK_ENGINE = "espeak"


def voice_engines() -> list[str]:
    """The engines a voice spec can name: all but `file`, which only plays a scene's audio_file."""
    return [name for name in ENGINES if name != FileEngine.name]


def parse_voice_spec(spec: str) -> tuple[str, str | None]:
    """`"piper:joe"` -> `("piper", "joe")`; `"espeak"` -> `("espeak", None)`.

    Only the first colon separates: the voice may contain more (`gtts:en@co.uk`).
    """
    engine, sep, voice = spec.strip().partition(":")
    engine = engine.strip().lower()
    voice = voice.strip()
    if not engine:
        raise UserError(f"invalid voice {spec!r}: expected ENGINE or ENGINE:VOICE, engines: {', '.join(voice_engines())}")
    if sep and not voice:
        raise UserError(f"invalid voice {spec!r}: nothing after ':' (write {engine!r} for its default voice)")
    return engine, voice or None


def get_engine(name: str) -> Engine:
    """Build the engine called `name`; `UserError` if unknown or its package is missing."""
    factory = ENGINES.get(name)
    if factory is None:
        import difflib

        close = difflib.get_close_matches(name, voice_engines(), n=1)
        raise UserError(f"unknown TTS engine {name!r}; " + (f"did you mean {close[0]!r}? " if close else "")
                        + f"choose one of: {', '.join(voice_engines())} (sbc voices lists them)")
    return factory()
