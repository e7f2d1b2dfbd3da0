"""Stage 4 — narrate: each scene's `audio_text` -> a narration track with exact sentence times.

Engines live in `compiler/narration/` (one module each, a Protocol, a dict registry). This stage
resolves the voice for each scene (scene `voice` > `--voice` > settings > default), keeps
recordings (`audio_file`) inside the storyboard's folder, and calls `narrate_scene`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .diagnostics import UserError
from .planner.beats import ScenePlan
from .timing import Span


@dataclass(frozen=True)
class SceneNarration:
    number: int
    wav: Path
    duration_s: float
    spans: tuple[Span, ...]
    engine: str
    voice: str
    cache_hits: int
    cache_misses: int


def safe_audio_path(audio_file: str, base_dir: Path, number: int) -> Path:
    """A scene's recording must stay inside the storyboard's folder (no `..`, absolute paths or symlinks out)."""
    base = base_dir.resolve()
    p = (base / audio_file).resolve()
    if base != p and base not in p.parents:
        raise UserError(f"SB405 scene {number}: audio_file {audio_file!r} is outside the storyboard's folder {base}")
    if not p.is_file():
        raise UserError(f"SB406 scene {number}: audio_file {audio_file!r} does not exist")
    return p


def narrate_scenes(scenes: list[ScenePlan], *, default_voice: str | None, cache_dir: Path, work_dir: Path,
                   base_dir: Path, on_done: Callable[[SceneNarration], None] | None = None,
                   on_warn: Callable[[str], None] | None = None) -> list[SceneNarration]:
    from .narration import narrate_scene

    work_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for sp in scenes:
        audio = safe_audio_path(sp.audio_file, base_dir, sp.number) if sp.audio_file else None
        voice = sp.voice or default_voice
        n = narrate_scene(list(sp.narration), voice, cache_dir, work_dir / f"scene_{sp.number:02d}.wav",
                          audio_file=audio, on_warn=on_warn)
        sn = SceneNarration(sp.number, Path(n.path), n.duration_s,
                            tuple(Span(s.start, s.end, s.text) for s in n.sentences), n.engine, n.voice,
                            n.cache_hits, n.cache_misses)
        out.append(sn)
        if on_done:
            on_done(sn)
    return out
