"""Media probing and the ffmpeg binary (from imageio-ffmpeg; no system ffmpeg needed)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import UserError


@dataclass(frozen=True)
class VideoInfo:
    width: int
    height: int
    fps: float
    frames: int
    duration_s: float
    has_audio: bool
    audio_duration_s: float | None


def ffmpeg_exe() -> str:
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception as e:  # noqa: BLE001
        raise UserError(f"SB401 no ffmpeg available ({e}); install with: pip install 'sbc[render]'") from None


def run_ffmpeg(args: list[str], what: str) -> None:
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise UserError(f"SB402 {what} failed: {r.stderr.strip()[-800:]}")


def probe(path: Path) -> VideoInfo:
    """Stream facts read with PyAV; counts frames by demuxing packets (cheap, no decode)."""
    import av

    with av.open(str(path)) as c:
        v = c.streams.video[0]
        fps = float(v.base_rate or v.guessed_rate or v.average_rate or 0)
        frames = 0
        for pkt in c.demux(v):
            if pkt.size:
                frames += 1
        a_dur = None
        has_audio = bool(c.streams.audio)
        if has_audio:
            a = c.streams.audio[0]
            if a.duration:
                a_dur = float(a.duration * a.time_base)
        return VideoInfo(v.codec_context.width, v.codec_context.height, fps, frames,
                         frames / fps if fps else 0.0, has_audio, a_dur)


def valid_video(path: Path) -> bool:
    try:
        info = probe(path)
        return info.frames > 0 and info.width > 0
    except Exception:  # noqa: BLE001 - anything unreadable is invalid
        return False


def decodes_cleanly(path: Path) -> bool:
    """Whether every frame of the file decodes without an error (ffmpeg stops at the first one): what a
    packet count cannot tell, e.g. flipped bytes inside a frame."""
    r = subprocess.run([ffmpeg_exe(), "-hide_banner", "-v", "error", "-xerror", "-err_detect", "crccheck+bitstream",
                        "-i", str(path), "-f", "null", "-"], capture_output=True, text=True)
    return r.returncode == 0 and not r.stderr.strip()
