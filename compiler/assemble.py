"""Stage 8 — assemble: clips + narration -> one mp4 with captions.

- Video: the scene clips share codec, size and fps, so they are joined by stream copy (ffmpeg's
  concat demuxer) — no re-encode.
- Audio: the narration track is built ONCE for the whole video with moviepy (each scene's
  narration placed at the exact start time of its clip), then encoded once in the final mux.
  Joining separately encoded AAC segments would drift ~34 ms per join; this never does.
- Captions: SRT and VTT from the sentence timings (the `srt` package).
All outputs are written to a temp file and renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Sequence

from .media import probe, run_ffmpeg
from .render import Clip


@dataclass(frozen=True)
class SceneAudio:
    number: int
    wav: Path
    sentences: tuple[tuple[float, float, str], ...]  # within the scene


@dataclass(frozen=True)
class Assembled:
    video: Path
    srt: Path | None
    vtt: Path | None
    duration_s: float
    scene_starts: tuple[float, ...]


def scene_starts(clips: Sequence[Clip]) -> list[float]:
    starts, t = [], 0.0
    for c in clips:
        starts.append(t)
        t += c.duration_s
    return starts


def assemble(clips: Sequence[Clip], audio: Sequence[SceneAudio], out_video: Path, *, captions: bool = True,
             sample_rate: int = 24000) -> Assembled:
    out_video.parent.mkdir(parents=True, exist_ok=True)
    starts = scene_starts(clips)
    total = sum(c.duration_s for c in clips)
    with tempfile.TemporaryDirectory(prefix=".assemble-", dir=out_video.parent) as tmp:
        tmpd = Path(tmp)
        joined = tmpd / "video.mp4"
        _concat(clips, joined)
        track = tmpd / "narration.wav"
        _narration_track(audio, starts, total, track, sample_rate)
        final_tmp = tmpd / out_video.name
        run_ffmpeg(["-i", str(joined), "-i", str(track), "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy",
                    "-c:a", "aac", "-aac_coder", "fast", "-b:a", "96k", "-ac", "1", "-ar", str(sample_rate),
                    "-movflags", "+faststart",
                    "-metadata", "creation_time=1970-01-01T00:00:00Z", str(final_tmp)], "final mux")
        probe(final_tmp)  # must be readable before it replaces anything
        os.replace(final_tmp, out_video)
    srt_path = vtt_path = None
    if captions:
        subs = _subtitles(audio, starts)
        srt_path = out_video.with_suffix(".srt")
        vtt_path = out_video.with_suffix(".vtt")
        _write(srt_path, _srt_text(subs))
        _write(vtt_path, _vtt_text(subs))
    return Assembled(out_video, srt_path, vtt_path, total, tuple(starts))


def _concat(clips: Sequence[Clip], out: Path) -> None:
    listing = out.with_suffix(".txt")
    lines = []
    for c in clips:
        for seg in c.segments:
            p = str(Path(seg).resolve()).replace("'", "'\\''")
            lines.append(f"file '{p}'")
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_ffmpeg(["-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", "-an", str(out)], "video concat")


def _narration_track(audio: Sequence[SceneAudio], starts: Sequence[float], total: float, out: Path, sr: int) -> None:
    """One track for the whole video: moviepy composites each scene's narration at its clip's start.

    The scene tracks are decoded once into arrays (moviepy's file readers seek through ffmpeg per
    chunk, which is several times slower) and written once as 16-bit PCM.
    """
    import numpy as np
    from moviepy import CompositeAudioClip
    from moviepy.audio.AudioClip import AudioArrayClip

    from .narration.base import read_wav, resample

    parts = []
    for a, start in zip(audio, starts):
        samples, rate = read_wav(a.wav)
        if rate != sr:
            samples = resample(samples, rate, sr)
        if samples.size == 0:
            continue
        mono = samples.astype("float32") / 32768.0
        # two channels: moviepy 2.2 writes mono composites at the wrong length
        parts.append(AudioArrayClip(np.repeat(mono.reshape(-1, 1), 2, axis=1), fps=sr).with_start(start))
    track = CompositeAudioClip(parts).with_duration(total) if parts else None
    if track is None:
        from moviepy.audio.AudioClip import AudioClip

        track = AudioClip(lambda t: 0 * t, duration=total, fps=sr)
    track.write_audiofile(str(out), fps=sr, nbytes=2, codec="pcm_s16le", logger=None)


def _subtitles(audio: Sequence[SceneAudio], starts: Sequence[float]):
    import srt

    subs = []
    for k, a in enumerate(audio):
        for s, e, text in a.sentences:
            if not text.strip():
                continue
            subs.append(srt.Subtitle(index=len(subs) + 1, start=timedelta(seconds=starts[k] + s),
                                     end=timedelta(seconds=starts[k] + e), content=text.strip()))
    return subs


def _srt_text(subs) -> str:
    import srt

    return srt.compose(subs, reindex=True)


def _vtt_text(subs) -> str:
    import srt

    out = ["WEBVTT", ""]
    for s in subs:
        a = srt.timedelta_to_srt_timestamp(s.start).replace(",", ".")
        b = srt.timedelta_to_srt_timestamp(s.end).replace(",", ".")
        out += [f"{a} --> {b}", s.content, ""]
    return "\n".join(out)


def _write(path: Path, text: str) -> None:
    from .fix import write_atomic

    write_atomic(path, text)
