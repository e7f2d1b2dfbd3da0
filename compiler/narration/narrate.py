"""The narrate stage: sentences -> one scene track (WAV) with exact per-sentence timings."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compiler.atomic import file_sha256
from compiler.diagnostics import UserError
from compiler.narration.base import (
    atomic_write_text,
    cache_key,
    Engine,
    Narration,
    SentenceTiming,
    read_wav,
    resample,
    synthesize_cached,
    write_wav,
)
from compiler.narration.engines.file import FileEngine
from compiler.narration.normalize import normalize_for_speech
from compiler.narration.registry import DEFAULT_ENGINE, ENGINES, FALLBACK_ENGINE, get_engine, parse_voice_spec

TRIM_THRESHOLD_DB = -40.0  # relative to the clip's peak
TRIM_FLOOR_DBFS = -60.0  # never treat anything quieter than this as speech
TRIM_PAD_S = 0.02  # kept around the speech so soft onsets and releases survive
EMPTY_TRACK_RATE = 22050  # for a track with no speech at all


@dataclass(frozen=True)
class ResolvedVoice:
    """The engine and voice a voice spec resolved to, and a warning if it fell back."""

    engine: Engine
    voice: str
    warning: str | None = None


def resolve_engine(voice_spec: str | None, allow_fallback: bool) -> ResolvedVoice:
    """Build the engine for `ENGINE[:VOICE]` (None: the default engine).

    If the engine's package is missing: with `allow_fallback`, use espeak and return a warning;
    otherwise raise the engine's `UserError`, which names what to install. Unknown engine names
    always raise.
    """
    name, voice = parse_voice_spec(voice_spec) if voice_spec else (DEFAULT_ENGINE, None)
    try:
        engine = get_engine(name)
    except UserError as e:
        if not allow_fallback or name == FALLBACK_ENGINE or name not in ENGINES:
            raise
        fallback = get_engine(FALLBACK_ENGINE)
        warning = f"{e.message}; narrating with {FALLBACK_ENGINE} instead"
        return ResolvedVoice(fallback, fallback.default_voice(), warning)
    return ResolvedVoice(engine, voice or engine.default_voice())


def narrate_scene(
    sentences: Sequence[str],
    voice_spec: str | None,
    cache_dir: Path,
    out_wav: Path,
    *,
    audio_file: Path | None = None,
    gap_s: float = 0.3,
    lead_s: float = 0.2,
    on_progress: Callable[[], None] | None = None,
    on_warn: Callable[[str], None] | None = None,
) -> Narration:
    """Narrate one scene into `out_wav`: `lead_s` of silence, then the sentences, `gap_s` apart.

    Each sentence is normalised for speech, synthesised once (cached in `cache_dir`), trimmed of
    leading/trailing silence and placed at an exact sample offset. With `audio_file` the
    recording is the track and the sentences are spread over its speech by character count.
    """
    if gap_s < 0 or lead_s < 0:
        raise UserError(f"gap and lead must not be negative (gap {gap_s}, lead {lead_s})")
    if audio_file is not None:
        return _narrate_recording(sentences, audio_file, out_wav, on_progress)

    resolved = resolve_engine(voice_spec, allow_fallback=False)
    engine, voice = resolved.engine, resolved.voice
    if engine.name == FileEngine.name:
        raise UserError("voice 'file' needs the scene's audio_file")

    scene_key = _scene_key(engine, voice, sentences, gap_s, lead_s)
    reused = _reuse_scene(out_wav, scene_key, engine.name, voice, len(sentences), on_warn)
    if reused is not None:
        return reused

    clips: list[tuple[np.ndarray, int]] = []
    hits = misses = 0
    for sentence in sentences:
        text = normalize_for_speech(sentence)
        if re.search(r"\w", text):
            clip, hit = synthesize_cached(engine, voice, text, cache_dir, on_warn)
            clips.append(read_wav(clip.path))
            hits, misses = hits + hit, misses + (not hit)
        else:  # nothing to say (punctuation only): the sentence takes no time
            clips.append((np.zeros(0, np.int16), 0))
        if on_progress is not None:
            on_progress()

    rate = next((r for samples, r in clips if len(samples)), EMPTY_TRACK_RATE)
    track, timings = _lay_out([trim_silence(resample(s, r, rate), rate) if len(s) else s for s, r in clips],
                              sentences, rate, gap_s, lead_s)
    write_wav(out_wav, track, rate)
    atomic_write_text(_manifest(out_wav), json.dumps({
        "key": scene_key, "duration_s": len(track) / rate, "size": out_wav.stat().st_size,
        "sha256": file_sha256(out_wav),
        "sentences": [[t.start, t.end, t.text] for t in timings]}))
    return Narration(
        path=out_wav,
        duration_s=len(track) / rate,
        sentences=timings,
        engine=engine.name,
        voice=voice,
        cache_hits=hits,
        cache_misses=misses,
    )


def _manifest(out_wav: Path) -> Path:
    return out_wav.with_suffix(".json")


def _scene_key(engine: Engine, voice: str, sentences: Sequence[str], gap_s: float, lead_s: float) -> str:
    """The scene track's identity: every sentence clip's cache key, the layout and the sentences."""
    version, params = engine.version(), engine.parameters()
    keys = [cache_key(engine.name, version, voice, params, t) if re.search(r"\w", t) else None
            for t in (normalize_for_speech(s) for s in sentences)]
    blob = json.dumps({"clips": keys, "sentences": list(sentences), "gap": gap_s, "lead": lead_s}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def _reuse_scene(out_wav: Path, key: str, engine: str, voice: str, n: int,
                 on_warn: Callable[[str], None] | None = None) -> Narration | None:
    """The scene track from the last build, if it was made from exactly these inputs and is intact: the
    same size and content hash as when it was written (a damaged track is made again, with a warning)."""
    try:
        meta = json.loads(_manifest(out_wav).read_text(encoding="utf-8"))
        if meta["key"] != key or meta["size"] != out_wav.stat().st_size:
            return None
        if meta.get("sha256") != file_sha256(out_wav):
            if on_warn is not None and meta.get("sha256"):
                on_warn(f"{out_wav} is damaged (its content changed since it was made); narrating the scene again")
            return None
        timings = tuple(SentenceTiming(float(a), float(b), str(t)) for a, b, t in meta["sentences"])
        return Narration(path=out_wav, duration_s=float(meta["duration_s"]), sentences=timings, engine=engine,
                         voice=voice, cache_hits=n, cache_misses=0)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _lay_out(
    clips: Sequence[np.ndarray], sentences: Sequence[str], rate: int, gap_s: float, lead_s: float
) -> tuple[np.ndarray, tuple[SentenceTiming, ...]]:
    """Concatenate clips after a lead and between gaps; timings are sample offsets / rate.

    An empty clip (nothing to say) takes no time and adds no gap.
    """
    gap = np.zeros(round(gap_s * rate), np.int16)
    pieces = [np.zeros(round(lead_s * rate), np.int16)]
    position = len(pieces[0])
    timings: list[SentenceTiming] = []
    spoken = False
    for clip, sentence in zip(clips, sentences):
        if len(clip) and spoken:
            pieces.append(gap)
            position += len(gap)
        spoken = spoken or bool(len(clip))
        pieces.append(clip)
        timings.append(SentenceTiming(position / rate, (position + len(clip)) / rate, sentence))
        position += len(clip)
    return np.concatenate(pieces).astype(np.int16), tuple(timings)


def speech_bounds(samples: np.ndarray, rate: int) -> tuple[int, int] | None:
    """Sample range [start, end) from the first to the last sample above the speech threshold.

    The threshold is `TRIM_THRESHOLD_DB` below the peak (but at least `TRIM_FLOOR_DBFS`), padded
    by `TRIM_PAD_S`. None if nothing is above it (silence).
    """
    if len(samples) == 0:
        return None
    magnitude = np.abs(samples.astype(np.int32))
    peak = int(magnitude.max())
    threshold = max(peak * 10 ** (TRIM_THRESHOLD_DB / 20), 32767 * 10 ** (TRIM_FLOOR_DBFS / 20))
    loud = np.flatnonzero(magnitude > threshold)
    if loud.size == 0:
        return None
    pad = round(TRIM_PAD_S * rate)
    return max(0, int(loud[0]) - pad), min(len(samples), int(loud[-1]) + 1 + pad)


def trim_silence(samples: np.ndarray, rate: int) -> np.ndarray:
    """Drop leading and trailing silence; an all-silent clip (the silent engine) is kept whole."""
    bounds = speech_bounds(samples, rate)
    return samples if bounds is None else samples[bounds[0] : bounds[1]]


def _narrate_recording(
    sentences: Sequence[str], audio_file: Path, out_wav: Path, on_progress: Callable[[], None] | None
) -> Narration:
    engine = FileEngine()
    samples, rate = engine.decode(audio_file, out_wav)
    start, end = speech_bounds(samples, rate) or (0, len(samples))
    weights = [max(1, len(s.strip())) for s in sentences]
    total = sum(weights)
    timings: list[SentenceTiming] = []
    done = 0
    for sentence, weight in zip(sentences, weights):
        a = start + round((end - start) * done / total)
        done += weight
        b = start + round((end - start) * done / total)
        timings.append(SentenceTiming(a / rate, b / rate, sentence))
        if on_progress is not None:
            on_progress()
    return Narration(
        path=out_wav,
        duration_s=len(samples) / rate,
        sentences=tuple(timings),
        engine=engine.name,
        voice=audio_file.name,
        cache_hits=0,
        cache_misses=0,
    )
