"""Narration: sentences -> speech, one module per TTS engine behind the `Engine` Protocol.

    from compiler.narration import narrate_scene
    n = narrate_scene(["Hello.", "Attention is all you need."], "piper:joe", Path("audio"), Path("s1.wav"))
    n.duration_s, n.sentences[1].start
"""

from compiler.narration.base import (
    Clip,
    Engine,
    Narration,
    SentenceTiming,
    atomic_write,
    cache_key,
    clip_path,
    synthesize_cached,
)
from compiler.narration.narrate import ResolvedVoice, narrate_scene, resolve_engine, trim_silence
from compiler.narration.normalize import normalize_for_speech
from compiler.narration.registry import DEFAULT_ENGINE, ENGINES, FALLBACK_ENGINE, get_engine, parse_voice_spec

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "FALLBACK_ENGINE",
    "Clip",
    "Engine",
    "Narration",
    "ResolvedVoice",
    "SentenceTiming",
    "atomic_write",
    "cache_key",
    "clip_path",
    "get_engine",
    "narrate_scene",
    "normalize_for_speech",
    "parse_voice_spec",
    "resolve_engine",
    "synthesize_cached",
    "trim_silence",
]
