"""`sbc doctor`: health checks as a registry, each with a description and a recommendation."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    detail: str


@dataclass(frozen=True)
class Check:
    name: str
    description: str
    recommendation: str
    run: Callable[[], CheckResult]
    required: bool = True


def _python() -> CheckResult:
    v = sys.version_info
    return CheckResult(v >= (3, 10), f"Python {v.major}.{v.minor}.{v.micro}")


def _pkgconfig(lib: str) -> CheckResult:
    if not shutil.which("pkg-config"):
        return CheckResult(False, "pkg-config not found")
    r = subprocess.run(["pkg-config", "--modversion", lib], capture_output=True, text=True, timeout=10)
    return CheckResult(r.returncode == 0, (r.stdout.strip() and f"{lib} {r.stdout.strip()}") or f"{lib} not found")


def _module(name: str, label: str | None = None) -> Callable[[], CheckResult]:
    def run() -> CheckResult:
        if importlib.util.find_spec(name) is None:
            return CheckResult(False, f"{label or name} not installed")
        try:
            from importlib.metadata import version

            return CheckResult(True, f"{label or name} {version(label or name)}")
        except Exception:
            return CheckResult(True, f"{label or name} installed")
    return run


def _fonts() -> CheckResult:
    try:
        import manimpango
    except ImportError:
        return CheckResult(False, "manimpango not installed (needed to list fonts)")
    fonts = set(manimpango.list_fonts())
    wanted = ["DejaVu Sans", "DejaVu Sans Mono"]
    missing = [f for f in wanted if f not in fonts]
    return CheckResult(not missing, f"{len(fonts)} font families" + (f"; missing {', '.join(missing)}" if missing else ""))


def _ffmpeg() -> CheckResult:
    try:
        import imageio_ffmpeg
        return CheckResult(True, f"ffmpeg from imageio-ffmpeg: {imageio_ffmpeg.get_ffmpeg_exe()}")
    except Exception as e:  # noqa: BLE001 - report whatever went wrong
        exe = shutil.which("ffmpeg")
        return CheckResult(bool(exe), exe or f"no ffmpeg ({e})")


def _latex() -> CheckResult:
    have = [t for t in ("latex", "dvisvgm") if shutil.which(t)]
    return CheckResult(len(have) == 2, "latex + dvisvgm found" if len(have) == 2 else "not installed (optional; formulas use ziamath)")


def _tts(engine: str) -> Callable[[], CheckResult]:
    def run() -> CheckResult:
        try:
            from .narration.registry import get_engine

            e = get_engine(engine)
            return CheckResult(True, f"{engine} {e.version()} (voice {e.default_voice()})")
        except Exception as ex:  # noqa: BLE001
            return CheckResult(False, str(getattr(ex, "message", ex)))
    return run


_VOICES = "; `sbc voices` lists every engine, its voices and what each needs"

CHECKS: dict[str, Check] = {c.name: c for c in [
    Check("python", "Python 3.10 or newer", "install a newer Python", _python),
    Check("cairo", "cairo development library (Manim draws with it)", "make setup  (apt-get install libcairo2-dev)",
          lambda: _pkgconfig("cairo")),
    Check("pango", "pango development library (Manim's text)", "make setup  (apt-get install libpango1.0-dev)",
          lambda: _pkgconfig("pango")),
    Check("manim", "Manim Community", "pip install 'sbc[render]'", _module("manim")),
    Check("moviepy", "moviepy (narration track)", "pip install 'sbc[render]'", _module("moviepy")),
    Check("ziamath", "ziamath (formulas without LaTeX)", "pip install 'sbc[render]'", _module("ziamath")),
    Check("fonts", "fonts for text and code", "apt-get install fonts-dejavu-core", _fonts),
    Check("ffmpeg", "ffmpeg binary (concatenation, mux)", "pip install imageio-ffmpeg", _ffmpeg),
    Check("latex", "LaTeX + dvisvgm (optional: settings.math = latex)", "apt-get install texlive dvisvgm", _latex,
          required=False),
    Check("tts-hibari", "offline neural voice (default)", "pip install 'sbc[render]'" + _VOICES, _tts("hibari")),
    Check("tts-piper", "offline neural voice (piper + joe)", "pip install 'sbc[render]'" + _VOICES, _tts("piper"),
          required=False),
    Check("tts-espeak", "espeak-ng voice (fallback)", "pip install espeakng-loader" + _VOICES, _tts("espeak")),
    Check("tts-gtts", "Google TTS (online)", "pip install gTTS" + _VOICES, _module("gtts", "gTTS"), required=False),
]}


def run_checks() -> list[tuple[Check, CheckResult]]:
    out = []
    for check in CHECKS.values():
        try:
            res = check.run()
        except Exception as e:  # noqa: BLE001 - a crashing check is a failed check
            res = CheckResult(False, f"check failed: {e}")
        out.append((check, res))
    return out
