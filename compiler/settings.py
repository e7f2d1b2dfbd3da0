"""Resolved build settings: the storyboard's `settings` merged with command-line flags.

`models.FileSettings` is what the user wrote; `BuildOptions` is what the CLI asked for;
`ResolvedSettings` is their merge, passed explicitly to every stage (no global config).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import UserError
from .models import FileSettings


@dataclass(frozen=True)
class Quality:
    name: str
    width: int
    height: int
    fps: int


QUALITIES: dict[str, Quality] = {
    "draft": Quality("draft", 640, 360, 12),
    "low": Quality("low", 854, 480, 15),
    "medium": Quality("medium", 1280, 720, 30),
    "high": Quality("high", 1920, 1080, 30),
}
DEFAULT_QUALITY = "low"


@dataclass(frozen=True)
class BuildOptions:
    quality: str | None = None
    scenes: tuple[int, ...] | None = None
    jobs: int | None = None
    voice: str | None = None
    force: bool = False
    repair: bool = False
    strict: bool = False
    out_root: Path = Path("out")
    audio_cache: Path | None = None
    progress: bool = True
    executor: str = "local"           # where scene jobs run: local | dask (compiler/executors/)
    scheduler: str | None = None      # dask: tcp://HOST:PORT
    scene_cache: Path | None = None   # default OUT/.cache/scenes; with dask, a folder every worker reaches

    @classmethod
    def from_cli(cls, *, quality, scenes, jobs, voice, force, repair, out_root, strict, progress=True,
                 executor="local", scheduler=None, cache=None) -> "BuildOptions":
        from .executors import EXECUTORS

        if quality is not None and quality not in QUALITIES:
            raise UserError(f"--quality must be one of {', '.join(QUALITIES)}, not {quality!r}")
        if executor not in EXECUTORS:
            raise UserError(f"--executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
        if executor == "dask" and not scheduler:
            raise UserError("--executor dask needs the scheduler's address: --scheduler tcp://HOST:PORT "
                            "(or the environment variable SBC_DASK_SCHEDULER)")
        return cls(quality=quality, scenes=tuple(scenes) if scenes else None, jobs=jobs, voice=voice, force=force,
                   repair=repair, strict=strict, out_root=Path(out_root), progress=progress, executor=executor,
                   scheduler=scheduler if executor == "dask" else None,
                   scene_cache=Path(cache) if cache is not None else None)


@dataclass(frozen=True)
class ResolvedSettings:
    quality: Quality
    voice: str | None
    jobs: int
    captions: bool
    math: str
    force: bool
    out_dir: Path
    audio_cache: Path
    scene_cache: Path
    progress: bool
    only_scenes: tuple[int, ...] | None = field(default=None)


def resolve(opts: BuildOptions, file_settings: FileSettings | None, storyboard_path: Path) -> ResolvedSettings:
    fs = file_settings or FileSettings()
    qname = opts.quality or fs.quality or DEFAULT_QUALITY
    q = QUALITIES[qname]
    if fs.fps and not opts.quality:
        q = Quality(q.name, q.width, q.height, fs.fps)
    stem = _safe_stem(storyboard_path)
    out_dir = opts.out_root / stem
    audio_cache = opts.audio_cache or Path(os.environ.get("SBC_AUDIO_CACHE", "audio"))
    return ResolvedSettings(
        quality=q,
        voice=opts.voice or fs.voice,
        jobs=opts.jobs or max(1, os.cpu_count() or 1),
        captions=True if fs.captions is None else fs.captions,
        math=fs.math or "auto",
        force=opts.force,
        out_dir=out_dir,
        audio_cache=audio_cache,
        scene_cache=opts.scene_cache or opts.out_root / ".cache" / "scenes",
        progress=opts.progress,
        only_scenes=opts.scenes,
    )


MAX_STEM_BYTES = 100  # an output name stays far below the file system's 255 bytes, suffixes included


def _safe_stem(path: Path) -> str:
    """The storyboard's name as a folder and file name: letters and digits of any script kept (`中文`),
    every run of anything else one `-`, no leading dot. A name cut to MAX_STEM_BYTES ends with a hash of
    the whole name, so two long names that share their beginning stay apart; names that differ only in
    what was replaced (`a b`, `a-b`) are told apart by `claim_output_folder`."""
    import hashlib
    import re
    import unicodedata

    name = unicodedata.normalize("NFC", path.stem)
    stem = re.sub(r"[^\w.-]+", "-", name).strip(".-") or "storyboard"
    if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        cut = stem
        while len(cut.encode("utf-8")) > MAX_STEM_BYTES - 9:
            cut = cut[:-1]
        stem = cut.rstrip(".-") + "-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return stem


def scenes_suffix(numbers) -> str:
    """`-scenes-2-4` for --scenes 2,4; runs of three or more as `1to9` (`-scenes-1to9-12`), and a long
    list as its hash, so the name stays short whatever was asked."""
    import hashlib

    if not numbers:
        return ""
    nums = sorted(set(numbers))
    parts, i = [], 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        parts += [f"{nums[i]}to{nums[j]}"] if j - i >= 2 else [str(n) for n in nums[i:j + 1]]
        i = j + 1
    text = "-".join(parts)
    if len(text) > 40:
        text = f"{len(nums)}-" + hashlib.sha256(text.encode()).hexdigest()[:10]
    return f"-scenes-{text}"
