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

from .atomic import scratch_prefix
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
             sample_rate: int | None = None) -> Assembled:
    out_video.parent.mkdir(parents=True, exist_ok=True)
    starts = scene_starts(clips)
    total = sum(c.duration_s for c in clips)
    if sample_rate is None:  # the narration's own rate: no resampling
        sample_rate = _wav_data(audio[0].wav)[2] if audio else 24000
    with tempfile.TemporaryDirectory(prefix=scratch_prefix(".assemble-"), dir=out_video.parent) as tmp:
        tmpd = Path(tmp)
        # fixed names inside the private folder: never the output's own name (`video.json` -> video.mp4)
        joined = tmpd / "joined.mp4"
        _concat(clips, joined)
        track = tmpd / "narration.wav"
        _narration_track(audio, starts, total, track, sample_rate)
        final_tmp = tmpd / "final.mp4"
        run_ffmpeg(["-i", str(joined), "-i", str(track), "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy",
                    "-c:a", "aac", "-aac_coder", "fast", "-b:a", "96k", "-ac", "1", "-ar", str(sample_rate),
                    "-movflags", "+faststart",
                    "-metadata", "creation_time=1970-01-01T00:00:00Z", str(final_tmp)], "final mux")
        probe(final_tmp)  # must be readable before it replaces anything
        os.replace(final_tmp, out_video)
    srt_path = vtt_path = None
    if captions:
        srt_path, vtt_path = write_captions(audio, starts, out_video)
    return Assembled(out_video, srt_path, vtt_path, total, tuple(starts))


def write_captions(audio: Sequence[SceneAudio], starts: Sequence[float], video: Path) -> tuple[Path, Path]:
    """`<video>.srt` and `<video>.vtt` from the sentence timings."""
    subs = _subtitles(audio, starts)
    srt_path, vtt_path = video.with_suffix(".srt"), video.with_suffix(".vtt")
    _write(srt_path, _srt_text(subs))
    _write(vtt_path, _vtt_text(subs))
    return srt_path, vtt_path


def _concat(clips: Sequence[Clip], out: Path) -> None:
    """Join the clips by stream copy. The concat list names links with plain names beside it (resolved
    relative to the list), so no path — with quotes, newlines or anything else — is ever quoted."""
    listing = out.with_suffix(".txt")
    lines = []
    for c in clips:
        for seg in c.segments:
            link = out.parent / f"seg{len(lines):05d}.mp4"
            try:
                os.symlink(Path(seg).resolve(), link)
                lines.append(f"file '{link.name}'")
            except OSError:  # a file system without links: the full path, quoted for the concat list
                lines.append("file '" + str(Path(seg).resolve()).replace("'", "'\\''") + "'")
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_ffmpeg(["-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", "-an", str(out)], "video concat")


def _narration_track(audio: Sequence[SceneAudio], starts: Sequence[float], total: float, out: Path, sr: int) -> None:
    """One track for the whole video: moviepy composites each scene's narration at its clip's start.

    Scene tracks are read through memory maps chunk by chunk while moviepy writes, so memory stays
    flat however long the video is (moviepy's own file readers seek through ffmpeg per chunk, which
    is several times slower). Written once as 16-bit PCM.
    """
    from moviepy import CompositeAudioClip
    from moviepy.audio.AudioClip import AudioClip

    parts = [_scene_clip(a.wav, sr).with_start(start) for a, start in zip(audio, starts)]
    parts = [p for p in parts if p.duration > 0]
    track = (CompositeAudioClip(parts) if parts else AudioClip(lambda t: 0 * t, duration=total, fps=sr))
    track.with_duration(total).write_audiofile(str(out), fps=sr, nbytes=2, codec="pcm_s16le", logger=None)


def _scene_clip(wav: Path, sr: int):
    """A moviepy clip over a 16-bit mono WAV, read lazily (np.memmap); resampled in memory only if its
    rate differs from the track's."""
    import numpy as np
    from moviepy.audio.AudioClip import AudioClip

    offset, frames, rate = _wav_data(wav)
    samples = np.memmap(wav, dtype="<i2", mode="r", offset=offset, shape=(frames,)) if frames else np.zeros(0, "<i2")
    if rate != sr and frames:
        from .narration.base import resample

        samples, rate = resample(np.asarray(samples), rate, sr), sr
    n = len(samples)

    def frame(t):
        idx = np.floor(np.asarray(t, dtype=float) * sr + 1e-9).astype(np.int64)
        ok = (idx >= 0) & (idx < n)
        mono = np.zeros(idx.shape, dtype=np.float32)
        mono[ok] = samples[idx[ok]] / 32768.0
        return np.stack([mono, mono], axis=-1)  # two channels: moviepy 2.2 writes mono composites wrongly

    return AudioClip(frame, duration=n / sr, fps=sr)


def _wav_data(path: Path) -> tuple[int, int, int]:
    """(byte offset of the samples, frame count, sample rate) of a 16-bit mono PCM WAV."""
    import struct

    with open(path, "rb") as f:
        head = f.read(12)
        if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path}: not a WAV file")
        rate = channels = bits = None
        while True:
            chunk = f.read(8)
            if len(chunk) < 8:
                raise ValueError(f"{path}: no data chunk")
            cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if cid == b"fmt ":
                fmt = f.read(size)
                channels, rate, bits = struct.unpack("<H", fmt[2:4])[0], struct.unpack("<I", fmt[4:8])[0], \
                    struct.unpack("<H", fmt[14:16])[0]
            elif cid == b"data":
                if channels != 1 or bits != 16:
                    raise ValueError(f"{path}: expected 16-bit mono, got {bits}-bit x{channels}")
                return f.tell(), size // 2, rate
            else:
                f.seek(size + (size & 1), 1)


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

    return srt.compose([srt.Subtitle(index=s.index, start=s.start, end=s.end, content=srt_cue_text(s.content))
                        for s in subs], reindex=True)


def srt_cue_text(text: str) -> str:
    """SubRip cue text on one line: every line break or blank line folded into one space, so nothing the narration
    says can start a new block (a number, then a timing line), and `-->` written as an arrow — SubRip has no escape,
    and readers take any line holding `-->` for a timing line."""
    import re

    return re.sub(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*", " ", text).replace("-->", "\u2192").strip()


def _vtt_text(subs) -> str:
    import srt

    out = ["WEBVTT", ""]
    for s in subs:
        a = srt.timedelta_to_srt_timestamp(s.start).replace(",", ".")
        b = srt.timedelta_to_srt_timestamp(s.end).replace(",", ".")
        out += [f"{a} --> {b}", vtt_cue_text(s.content), ""]
    return "\n".join(out)


def vtt_cue_text(text: str) -> str:
    """Cue text that stays text: `&`, `<`, `>` as entities (so `-->` cannot end the cue and no tag is
    read), and every line break or blank line folded into one space (a blank line would end the cue
    and let the rest be read as a new block — a timing line, a NOTE)."""
    import re

    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*", " ", text).strip()


def _write(path: Path, text: str) -> None:
    from .fix import write_atomic

    write_atomic(path, text)
