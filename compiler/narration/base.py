"""Narration results, the engine Protocol, the clip cache and the audio helpers they share.

The cache key lives here and only here (`cache_key`): engines describe themselves through the
Protocol (name, version, parameters) and never build keys of their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

import numpy as np

from compiler.atomic import file_sha256, fsync_dir, make_temp
from compiler.diagnostics import UserError
from compiler.text import slugify

RENDER_EXTRA = "pip install 'sbc[render]'"


# --- typed results -------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceTiming:
    """Where one sentence sits in the scene track, in seconds (exact to the sample)."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Narration:
    """One scene's narration track and where each sentence is in it."""

    path: Path
    duration_s: float
    sentences: tuple[SentenceTiming, ...]
    engine: str
    voice: str
    cache_hits: int
    cache_misses: int


@dataclass(frozen=True)
class Clip:
    """One synthesised sentence in the cache."""

    path: Path
    duration_s: float


@dataclass(frozen=True)
class VoiceInfo:
    """One voice an engine offers, as `sbc voices` lists it."""

    name: str  # what follows `ENGINE:` in --voice, settings.voice or a scene's voice
    description: str
    ready: bool  # usable now on this machine: nothing to install or download
    note: str = ""  # why it is not ready and what to do


@runtime_checkable
class Engine(Protocol):
    """A text-to-speech backend. One module per engine under `compiler/narration/engines/`.

    Each engine class also says, without being built (so without its package): `needs_network`
    and `voices()`, the voices it offers and whether each is ready here (`compiler/narration/catalog.py`).
    """

    name: str
    needs_network: bool

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        """The voices this engine offers on this machine; never raises for a missing package."""
        ...

    def version(self) -> str:
        """Package version(s) and anything else that changes the audio; part of the cache key."""
        ...

    def default_voice(self) -> str: ...

    def parameters(self) -> dict:
        """Every synthesis parameter (rate, noise scales, seed...); part of the cache key."""
        ...

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        """Speak already-normalised `text` into a mono 16-bit WAV at `out_wav`."""
        ...


# --- atomic writes -------------------------------------------------------------------------


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` through a temp file in the same directory: fsync, then `os.replace`.

    Readers see either the old file or the complete new one, never a partial write.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = make_temp(path.parent, f".{path.name}.", ".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)



def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda f: f.write(text.encode("utf-8")))


# --- WAV and audio helpers -----------------------------------------------------------------


class BadAudio(Exception):
    """A WAV that does not open or decode (truncated, wrong format, empty)."""


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float audio in [-1, 1] (or int16 already) to int16, clipped."""
    if samples.dtype == np.int16:
        return samples
    return np.clip(np.round(np.asarray(samples, dtype=np.float64) * 32767.0), -32768, 32767).astype(np.int16)


def encode_wav(samples: np.ndarray, sample_rate: int) -> bytes:
    """Mono 16-bit PCM WAV bytes."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(sample_rate))
        w.writeframes(to_int16(samples).astype("<i2").tobytes())
    return buf.getvalue()


def write_wav(path: Path, samples: np.ndarray, sample_rate: int) -> None:
    """Write a mono 16-bit WAV atomically."""
    data = encode_wav(samples, sample_rate)
    atomic_write(path, lambda f: f.write(data))


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Read a 16-bit PCM WAV as mono int16 samples; raise `BadAudio` if it does not decode fully."""
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate, frames = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            data = w.readframes(frames)
    except (OSError, EOFError, wave.Error, ValueError) as e:
        raise BadAudio(f"{path}: {e}") from e
    if width != 2:
        raise BadAudio(f"{path}: {8 * width}-bit samples, expected 16-bit")
    if channels < 1 or rate <= 0:
        raise BadAudio(f"{path}: {channels} channels at {rate} Hz")
    if len(data) != frames * channels * width:
        raise BadAudio(f"{path}: truncated ({len(data)} of {frames * channels * width} bytes)")
    samples = np.frombuffer(data, dtype="<i2").astype(np.int16)
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).round().astype(np.int16)
    return samples, rate


def _import_av():  # noqa: ANN202 - the av module
    try:
        import av
    except ImportError as e:
        raise UserError(f"audio decoding needs PyAV, which is not installed; install with: {RENDER_EXTRA}") from e
    return av


def decode_audio(source: Path | BinaryIO) -> tuple[np.ndarray, int]:
    """Decode any format PyAV reads (wav, mp3, m4a, ogg, flac...) to mono int16 at its own rate."""
    av = _import_av()
    name = str(source) if isinstance(source, Path) else "<audio>"
    chunks: list[np.ndarray] = []
    try:
        with av.open(str(source) if isinstance(source, Path) else source, mode="r") as container:
            if not container.streams.audio:
                raise UserError(f"{name}: no audio stream")
            stream = container.streams.audio[0]
            rate = stream.codec_context.sample_rate or stream.rate
            resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.FFmpegError as e:
        raise UserError(f"{name}: cannot decode audio ({e})") from e
    samples = np.concatenate(chunks).astype(np.int16) if chunks else np.zeros(0, np.int16)
    return samples, int(rate)


def resample(samples: np.ndarray, src_rate: int, dst_rate: int) -> np.ndarray:
    """Resample mono int16 audio with libswresample (through PyAV)."""
    if src_rate == dst_rate or len(samples) == 0:
        return samples
    av = _import_av()
    frame = av.AudioFrame.from_ndarray(to_int16(samples).reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = src_rate
    resampler = av.AudioResampler(format="s16", layout="mono", rate=dst_rate)
    out = [f.to_ndarray().reshape(-1) for f in [*resampler.resample(frame), *resampler.resample(None)]]
    return np.concatenate(out).astype(np.int16) if out else np.zeros(0, np.int16)


# --- the clip cache ------------------------------------------------------------------------


def cache_key(engine: str, version: str, voice: str, parameters: Mapping[str, object], text: str) -> str:
    """sha256 of canonical JSON of everything that changes the audio. The one place keys are made."""
    payload = {
        "engine": engine,
        "version": version,
        "voice": voice,
        "parameters": dict(parameters),
        "text": text,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def clip_path(cache_dir: Path, text: str, key: str) -> Path:
    """`<cache_dir>/<slug>-<sha256[:16]>.wav`: readable and unique."""
    return cache_dir / f"{slugify(text)}-{key[:16]}.wav"


def synthesize_cached(engine: Engine, voice: str, text: str, cache_dir: Path,
                      on_warn: Callable[[str], None] | None = None) -> tuple[Clip, bool]:
    """Return the clip for already-normalised `text`, synthesising it on a miss. `(clip, hit)`.

    A cached WAV is used only if it decodes and matches its sidecar: the key, the content hash
    (sha256), the sample rate and the duration. Anything else is a miss and is rewritten (a damaged
    entry with a warning through `on_warn`). The engine writes into a temp file in the cache
    directory; the final WAV and its JSON sidecar are written atomically.
    """
    version, params = engine.version(), engine.parameters()
    key = cache_key(engine.name, version, voice, params, text)
    wav_path = clip_path(cache_dir, text, key)
    sidecar = wav_path.with_suffix(".json")

    try:
        samples, rate = read_wav(wav_path)
        if len(samples) == 0:
            raise BadAudio(f"{wav_path}: empty")
        problem = _entry_problem(sidecar, key, wav_path, len(samples) / rate, rate)
        if problem is not None:
            if on_warn is not None and problem.startswith("is damaged"):
                on_warn(f"narration cache entry {wav_path.name} {problem}; synthesising it again")
            raise BadAudio(problem)
        hit = True
    except BadAudio:
        samples, rate = _synthesize_to_cache(engine, voice, text, wav_path)
        hit = False

    duration = len(samples) / rate
    if not hit:
        meta = {
            "engine": engine.name,
            "version": version,
            "voice": voice,
            "params": params,
            "text": text,
            "duration": duration,
            "sample_rate": rate,
            "key": key,
            "sha256": file_sha256(wav_path),
        }
        atomic_write_text(sidecar, json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return Clip(wav_path, duration), hit


def _synthesize_to_cache(engine: Engine, voice: str, text: str, wav_path: Path) -> tuple[np.ndarray, int]:
    wav_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = make_temp(wav_path.parent, f".{wav_path.stem}.", ".synth.wav")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        engine.synthesize(text, voice, tmp)
        try:
            samples, rate = read_wav(tmp)
        except BadAudio as e:
            raise UserError(f"{engine.name} produced unreadable audio for {text!r}: {e}") from e
        if len(samples) == 0:
            raise UserError(f"{engine.name} produced no audio for {text!r}")
        write_wav(wav_path, samples, rate)
        return samples, rate
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _entry_problem(sidecar: Path, key: str, wav: Path, duration: float, rate: int) -> str | None:
    """Why a decodable cached WAV cannot be trusted (None: it can): no sidecar, another key, or content
    that differs from what the sidecar recorded when the entry was made."""
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "has no readable sidecar"
    if not isinstance(meta, dict) or meta.get("key") != key:
        return "belongs to another key"
    if meta.get("sample_rate") != rate or abs(float(meta.get("duration", -1)) - duration) > 1e-6:
        return f"is damaged (header says {rate} Hz, {duration:.2f} s; it was made at {meta.get('sample_rate')} Hz, " \
               f"{float(meta.get('duration', 0)):.2f} s)"
    if meta.get("sha256") != file_sha256(wav):
        return "is damaged (its content changed since it was made)" if meta.get("sha256") else "has no content hash"
    return None
