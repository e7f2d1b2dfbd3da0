"""Stage 7 — render: generated scenes -> video segments, with Manim (Cairo) in a process pool.

Each scene is cut at beat boundaries into segments of a few seconds; every segment is one job
for a pool of `--jobs` worker processes that import Manim once (see `render_worker.py`). A segment
job fast-forwards the beats before it (their end state, no frames) and renders only its own, so a
single edited scene still uses every core and the pool stays balanced (longest jobs first).

Segments are cached by content: generated code, segment, template/runtime version, quality, Manim
and ziamath versions. A segment enters the cache only after it probes valid, by an atomic rename —
an interrupted render never leaves a corrupt entry.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from .diagnostics import UserError
from .generate import GeneratedScene, template_version
from .media import probe, valid_video
from .settings import Quality

SEGMENT_S = 5.0  # target segment length


@dataclass(frozen=True)
class Segment:
    scene: GeneratedScene
    beats: tuple[int, int]       # (first beat, end beat), 1-based; beat n+1 is the closing transition
    start: float                 # planned start and length in the scene (seconds), for scheduling
    length: float
    key: str


@dataclass(frozen=True)
class Clip:
    """One scene's video: its segments in order (concatenated by stream copy when assembling)."""

    number: int
    segments: tuple[Path, ...]
    frames: int
    fps: float
    cached: bool
    seconds: float

    @property
    def duration_s(self) -> float:
        return self.frames / self.fps


def plan_segments(gen: GeneratedScene, target_s: float = SEGMENT_S) -> list[tuple[int, int, float, float]]:
    """Cut points at beat starts near equal shares of the scene: [(first, end, start_s, length_s)]."""
    n = len(gen.beat_starts)
    total = gen.duration or (gen.beat_starts[-1] + 1 if n else 1.0)
    k = max(1, min(n, round(total / target_s)))
    cuts: list[int] = []
    for j in range(1, k):
        want = total * j / k
        beat = min(range(2, n + 1), key=lambda b: abs(gen.beat_starts[b - 1] - want), default=None)
        if beat and beat not in cuts and (not cuts or gen.beat_starts[beat - 1] - gen.beat_starts[cuts[-1] - 1] >= 1.0):
            cuts.append(beat)
    bounds = [1] + sorted(cuts) + [n + 2]
    starts = [0.0] + [gen.beat_starts[c - 1] for c in sorted(cuts)] + [total]
    return [(bounds[i], bounds[i + 1], starts[i], starts[i + 1] - starts[i]) for i in range(len(bounds) - 1)]


def cache_key(gen: GeneratedScene, quality: Quality, beats: tuple[int, int]) -> str:
    parts = {"code": gen.code_hash, "templates": template_version(), "segment": list(beats),
             "quality": [quality.width, quality.height, quality.fps], "manim": _version("manim"),
             "ziamath": _version("ziamath"), "class": gen.class_name}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _version(pkg: str) -> str:
    try:
        return version(pkg)
    except Exception:  # noqa: BLE001
        return "none"


@dataclass
class _SceneState:
    segments: list[Segment]
    paths: dict[int, Path] = field(default_factory=dict)
    cached: bool = True
    seconds: float = 0.0


class RenderPool:
    """The worker processes, started early (`start()`) so their Manim import overlaps narration."""

    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> "RenderPool":
        from . import render_worker

        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=render_worker.warm_up)
            for _ in range(self.jobs):  # workers start (and import Manim) now
                self._pool.submit(render_worker.ping)
        return self

    @property
    def executor(self) -> ProcessPoolExecutor:
        return self.start()._pool  # type: ignore[return-value]

    def __enter__(self) -> "RenderPool":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc[0] is None, cancel_futures=True)
            self._pool = None


def render_scenes(scenes: list[tuple[GeneratedScene, Path]], quality: Quality, cache_dir: Path, *, jobs: int,
                  force: bool = False, on_start: Callable[[int], None] | None = None,
                  on_done: Callable[[Clip], None] | None = None, pool: RenderPool | None = None) -> list[Clip]:
    cache_dir = cache_dir.resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    states: dict[int, _SceneState] = {}
    todo: list[Segment] = []
    for gen, _path in scenes:
        segs = [Segment(gen, (a, b), s, length, cache_key(gen, quality, (a, b))) for a, b, s, length in plan_segments(gen)]
        st = states[gen.number] = _SceneState(segs)
        for i, seg in enumerate(segs):
            cached = cache_dir / f"{seg.key}.mp4"
            if not force and _cached_info(cached) is not None:
                st.paths[i] = cached
            else:
                st.cached = False
                todo.append(seg)
    clips: dict[int, Clip] = {}

    def complete(number: int) -> None:
        st = states[number]
        if number in clips or len(st.paths) < len(st.segments):
            return
        paths = tuple(st.paths[i] for i in range(len(st.segments)))
        infos = [_cached_info(p) or _record(p) for p in paths]
        clip = Clip(number, paths, sum(f for f, _ in infos), infos[0][1], st.cached, round(st.seconds, 3))
        clips[number] = clip
        if on_done:
            on_done(clip)

    for number in states:
        complete(number)
    if todo:
        if pool is not None:
            _run_pool(todo, quality, cache_dir, pool, states, complete, on_start)
        else:
            with RenderPool(min(jobs, len(todo))) as own:
                _run_pool(todo, quality, cache_dir, own, states, complete, on_start)
    return [clips[g.number] for g, _ in scenes]


def _run_pool(todo: list[Segment], quality: Quality, cache_dir: Path, render_pool: RenderPool, states, complete,
              on_start) -> None:
    from . import render_worker

    todo = sorted(todo, key=lambda s: -s.length)  # longest first: a balanced pool
    work_root = Path(tempfile.mkdtemp(prefix=".render-", dir=cache_dir))
    started: set[int] = set()
    pool = render_pool.executor
    try:
        futures: dict[Future, tuple[Segment, float]] = {}
        for k, seg in enumerate(todo):
            if on_start and seg.scene.number not in started:
                started.add(seg.scene.number)
                on_start(seg.scene.number)
            g = seg.scene
            fut = pool.submit(render_worker.render_segment, g.code, g.class_name, g.filename, quality.width,
                              quality.height, quality.fps, seg.beats, str(work_root / f"job{k:03d}"))
            futures[fut] = (seg, time.perf_counter())
        try:
            for fut in as_completed(futures):
                seg, t0 = futures[fut]
                path = _collect(fut, seg, cache_dir)
                st = states[seg.scene.number]
                st.paths[st.segments.index(seg)] = path
                st.seconds += time.perf_counter() - t0
                complete(seg.scene.number)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    finally:
        shutil.rmtree(work_root, ignore_errors=True)


def _collect(fut: Future, seg: Segment, cache_dir: Path) -> Path:
    number = seg.scene.number
    try:
        produced = Path(fut.result())
    except Exception as e:  # noqa: BLE001 - a failing scene is reported with its own error
        tail = "".join(_format(e)).strip().splitlines()[-12:]
        raise UserError(f"SB403 scene {number} failed to render ({seg.scene.filename}, beats {seg.beats[0]}.."
                        f"{seg.beats[1] - 1}):\n    " + "\n    ".join(tail)) from None
    if not valid_video(produced):
        raise UserError(f"SB404 scene {number}: Manim produced an unreadable clip")
    target = cache_dir / f"{seg.key}.mp4"
    os.replace(produced, target)
    _record(target)
    return target


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _record(path: Path) -> tuple[int, float]:
    """Probe a clip that just entered the cache and remember its frames (written after the clip)."""
    from .fix import write_atomic

    info = probe(path)
    write_atomic(_sidecar(path), json.dumps({"frames": info.frames, "fps": info.fps, "size": path.stat().st_size}))
    return info.frames, info.fps


def _cached_info(path: Path) -> tuple[int, float] | None:
    """(frames, fps) of a cache entry if it is complete: its sidecar exists and the size matches;
    an entry without a sidecar is probed (and recorded) instead of trusted."""
    try:
        meta = json.loads(_sidecar(path).read_text())
        if meta["size"] == path.stat().st_size and meta["frames"] > 0:
            return int(meta["frames"]), float(meta["fps"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if path.exists() and valid_video(path):
        return _record(path)
    return None


def _format(e: BaseException) -> list[str]:
    import traceback

    return traceback.format_exception(type(e), e, e.__traceback__)
