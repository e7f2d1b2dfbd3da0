"""Stage 7 — render: generated scenes -> video clips, with Manim (Cairo) in parallel processes.

One job per scene; each job is a `manim render` process (isolating Manim's global config) driven
by a pool of `--jobs` workers. Clips are cached by content: generated code, template/runtime
version, quality and Manim version. A clip enters the cache only after it probes valid, by an
atomic rename — an interrupted render never leaves a corrupt entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from .diagnostics import UserError
from .generate import GeneratedScene, template_version
from .media import probe, valid_video
from .settings import Quality


@dataclass(frozen=True)
class RenderJob:
    scene: GeneratedScene
    scene_file: Path
    key: str


@dataclass(frozen=True)
class Clip:
    number: int
    path: Path
    frames: int
    fps: float
    cached: bool
    seconds: float

    @property
    def duration_s(self) -> float:
        return self.frames / self.fps


def cache_key(gen: GeneratedScene, quality: Quality) -> str:
    parts = {"code": gen.code_hash, "templates": template_version(), "quality": [quality.width, quality.height, quality.fps],
             "manim": version("manim"), "ziamath": _version("ziamath"), "class": gen.class_name}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _version(pkg: str) -> str:
    try:
        return version(pkg)
    except Exception:  # noqa: BLE001
        return "none"


def render_scenes(scenes: list[tuple[GeneratedScene, Path]], quality: Quality, cache_dir: Path, *, jobs: int,
                  force: bool = False, on_start: Callable[[int], None] | None = None,
                  on_done: Callable[[Clip], None] | None = None) -> list[Clip]:
    cache_dir = cache_dir.resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo = [RenderJob(g, p, cache_key(g, quality)) for g, p in scenes]
    clips: dict[int, Clip] = {}
    pending = []
    for job in todo:
        cached = cache_dir / f"{job.key}.mp4"
        if not force and cached.exists() and valid_video(cached):
            info = probe(cached)
            clip = Clip(job.scene.number, cached, info.frames, info.fps, True, 0.0)
            clips[job.scene.number] = clip
            if on_done:
                on_done(clip)
        else:
            pending.append(job)
    if pending:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(_render_one, job, quality, cache_dir, on_start): job for job in pending}
            try:
                for fut in as_completed(futures):
                    clip = fut.result()
                    clips[clip.number] = clip
                    if on_done:
                        on_done(clip)
            except BaseException:
                for f in futures:
                    f.cancel()
                raise
    return [clips[g.number] for g, _ in scenes]


def _render_one(job: RenderJob, quality: Quality, cache_dir: Path, on_start) -> Clip:
    if on_start:
        on_start(job.scene.number)
    t0 = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix=f".render-{job.scene.number:02d}-", dir=cache_dir))
    try:
        scene_file = work / job.scene.filename
        shutil.copyfile(job.scene_file, scene_file)
        cmd = [sys.executable, "-m", "manim", "render", "-r", f"{quality.width},{quality.height}",
               "--fps", str(quality.fps), "--media_dir", str(work / "media"), "--disable_caching",
               "--progress_bar", "none", "-v", "WARNING", "--format", "mp4", "-o", "clip",
               str(scene_file), job.scene.class_name]
        env = dict(os.environ, PYTHONHASHSEED="0")
        env.setdefault("SBC_CACHE_DIR", str(cache_dir.parent))
        r = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env)
        found = sorted((work / "media").rglob("clip.mp4"))
        if r.returncode != 0 or not found:
            tail = (r.stderr or r.stdout).strip().splitlines()[-12:]
            raise UserError(f"SB403 scene {job.scene.number} failed to render ({job.scene.filename}):\n    "
                            + "\n    ".join(tail))
        if not valid_video(found[0]):
            raise UserError(f"SB404 scene {job.scene.number}: Manim produced an unreadable clip")
        target = cache_dir / f"{job.key}.mp4"
        os.replace(found[0], target)
        info = probe(target)
        return Clip(job.scene.number, target, info.frames, info.fps, False, time.perf_counter() - t0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
