"""Stage 7 — render: generated scenes -> video segments, on an executor (local processes or Dask).

Each scene is cut at beat boundaries into segments of a few seconds; every segment is one job,
`render_worker.run_job`, run by an executor (`compiler/executors/`): a pool of `--jobs` local worker
processes that import Manim once, or the workers of a Dask cluster. A segment job fast-forwards the
beats before it (their end state, no frames) and renders only its own, so a single edited scene
still uses every worker and the jobs stay balanced (longest first).

One call renders the scenes of several storyboards together (a batch build): one queue of jobs,
one cache; a storyboard is handed back (`on_request`) as soon as its own scenes are done.

Segments are cached by content: generated code, segment, template/runtime version, quality, Manim
and ziamath versions. A segment enters the cache only after the client has probed it (the frame
count must match the worker's), by an atomic rename — an interrupted render, a dying worker or a
damaged transfer never leaves a corrupt entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .atomic import file_sha256, fsync_file, make_temp, scratch_prefix
from .diagnostics import UserError
from .generate import GeneratedScene, template_version
from .media import decodes_cleanly, probe, valid_video
from .render_worker import SegmentJob, SegmentOutput, runtime_versions
from .settings import Quality

if TYPE_CHECKING:
    from .executors import Executor, JobFailed

SEGMENT_S = 5.0  # target segment length


@dataclass(frozen=True)
class RenderRequest:
    """One storyboard's scenes to render."""

    name: str                               # the storyboard, for messages
    scenes: tuple[GeneratedScene, ...]
    quality: Quality
    force: bool = False                     # ignore the cache


@dataclass(frozen=True)
class Segment:
    request: int
    scene: GeneratedScene
    beats: tuple[int, int]       # (first beat, end beat), 1-based; beat n+1 is the closing transition
    start: float                 # planned start and length in the scene (seconds), for scheduling
    length: float
    key: str


@dataclass(frozen=True)
class Part:
    """A segment's clip in the cache."""

    path: Path
    beats: tuple[int, int]
    frames: int
    fps: float
    cost_s: float | None         # its render time on the worker that rendered it (kept in the sidecar)
    cached: bool


@dataclass(frozen=True)
class Clip:
    """One scene's video: its segments in order (concatenated by stream copy when assembling)."""

    number: int
    segments: tuple[Path, ...]
    frames: int
    fps: float
    cached: bool
    seconds: float               # render time spent on it in this build, on the workers (0 when cached)
    parts: tuple[Part, ...] = ()

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
    request: int
    number: int
    segments: list[Segment]
    parts: dict[int, Part] = field(default_factory=dict)
    cached: bool = True
    seconds: float = 0.0


def render(requests: Sequence[RenderRequest], cache_dir: Path, executor: "Executor", *,
           on_clip: Callable[[int, Clip], None] | None = None,
           on_request: Callable[[int, list[Clip]], None] | None = None,
           on_warn: Callable[[str], None] | None = None) -> list[list[Clip]]:
    """Every scene of every request, from the cache or rendered by `executor`; per request, its clips in
    order. `on_clip(request, clip)` as each scene completes; `on_request(request, clips)` as soon as all
    of a request's scenes have (while the workers go on with the others)."""
    cache_dir = Path(cache_dir).resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    states: dict[tuple[int, int], _SceneState] = {}
    todo: dict[str, Segment] = {}                            # by key: identical segments render once
    waiting: dict[str, list[tuple[_SceneState, int]]] = {}
    for r, req in enumerate(requests):
        for gen in req.scenes:
            segs = [Segment(r, gen, (a, b), s, length, cache_key(gen, req.quality, (a, b)))
                    for a, b, s, length in plan_segments(gen)]
            st = states[(r, gen.number)] = _SceneState(r, gen.number, segs)
            for i, seg in enumerate(segs):
                entry = cache_dir / f"{seg.key}.mp4"
                info = None if req.force else _cached_info(entry, on_warn)
                if info is not None:
                    st.parts[i] = Part(entry, seg.beats, *info, cached=True)
                else:
                    st.cached = False
                    todo.setdefault(seg.key, seg)
                    waiting.setdefault(seg.key, []).append((st, i))
    clips: dict[tuple[int, int], Clip] = {}
    handed: set[int] = set()

    def complete(st: _SceneState) -> None:
        if (st.request, st.number) in clips or len(st.parts) < len(st.segments):
            return
        parts = tuple(st.parts[i] for i in range(len(st.segments)))
        clip = Clip(st.number, tuple(p.path for p in parts), sum(p.frames for p in parts), parts[0].fps, st.cached,
                    round(st.seconds, 3), parts)
        clips[(st.request, st.number)] = clip
        if on_clip:
            on_clip(st.request, clip)
        scenes = requests[st.request].scenes
        if st.request not in handed and all((st.request, g.number) in clips for g in scenes):
            handed.add(st.request)
            if on_request:
                on_request(st.request, [clips[(st.request, g.number)] for g in scenes])

    if todo:
        _run(sorted(todo.values(), key=lambda s: -s.length), requests, cache_dir, executor, states, waiting, complete)
    else:
        for st in states.values():
            complete(st)
    return [[clips[(r, g.number)] for g in req.scenes] for r, req in enumerate(requests)]


def _run(todo: list[Segment], requests: Sequence[RenderRequest], cache_dir: Path, executor: "Executor", states,
         waiting, complete) -> None:
    from .executors import JobFailed

    delivery = Path(tempfile.mkdtemp(prefix=scratch_prefix(".render-"), dir=cache_dir)) if executor.shares_files else None
    versions = runtime_versions()
    by_key = {seg.key: seg for seg in todo}
    try:
        jobs = [_job(seg, requests[seg.request].quality, versions, delivery) for seg in todo]
        with closing(executor.submit(jobs)) as results:
            for st in states.values():  # scenes (and storyboards) entirely in the cache finish while workers render
                complete(st)
            try:
                for job, out in results:
                    seg = by_key[job.key]
                    part = _accept(out, cache_dir / f"{job.key}.mp4", seg, requests[seg.request].name)
                    for st, i in waiting[job.key]:
                        st.parts[i] = part
                        st.seconds += out.seconds
                    for st, _ in waiting[job.key]:
                        complete(st)
            except JobFailed as e:
                raise _failure(e, by_key[e.job.key], requests[by_key[e.job.key].request].name) from None
    except BaseException:
        executor.close(error=True)  # the workers stop (a local pool's are killed) before their folder goes
        raise
    finally:
        if delivery is not None:
            shutil.rmtree(delivery, ignore_errors=True)


def _job(seg: Segment, quality: Quality, versions, delivery: Path | None) -> SegmentJob:
    g = seg.scene
    return SegmentJob(seg.key, g.code, g.class_name, g.filename, quality.width, quality.height, quality.fps,
                      seg.beats, versions, deliver_to=str(delivery) if delivery is not None else None)


def _where(seg: Segment, name: str) -> str:
    return f"{name}: {seg.scene.filename}, beats {seg.beats[0]}..{seg.beats[1] - 1}"


def _failure(e: "JobFailed", seg: Segment, name: str) -> UserError:
    import errno

    if isinstance(e.error, OSError) and e.error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES):
        from .diagnostics import os_error  # the disk, not the scene: one line that says so

        return os_error(e.error, f"SB403 scene {seg.scene.number} could not be rendered")
    tail = "".join(_format(e.error)).strip().splitlines()[-12:]
    return UserError(f"SB403 scene {seg.scene.number} failed to render ({_where(seg, name)}):\n    "
                     + "\n    ".join(tail))


def _accept(out: SegmentOutput, target: Path, seg: Segment, name: str) -> Part:
    """A returned clip enters the cache only if it probes with the frames its worker counted."""
    if out.path is not None:
        produced = Path(out.path)
    else:
        fd, tmp = make_temp(target.parent, f".{target.stem[:16]}.", ".mp4")
        with os.fdopen(fd, "wb") as f:
            f.write(out.data or b"")
            f.flush()
            os.fsync(f.fileno())
        produced = Path(tmp)
    try:
        info = probe(produced)
        problem = None if info.frames == out.frames > 0 else f"{info.frames} frames, the worker counted {out.frames}"
    except Exception as e:  # noqa: BLE001 - unreadable
        info, problem = None, f"unreadable ({type(e).__name__})"
    if problem is not None or info is None:
        produced.unlink(missing_ok=True)
        raise UserError(f"SB404 scene {seg.scene.number}: the clip from worker {out.worker} is {problem} "
                        f"({_where(seg, name)})")
    fsync_file(produced)  # the clip's blocks are on disk before a sidecar vouches for it
    digest = file_sha256(produced)
    os.replace(produced, target)
    _write_sidecar(target, info.frames, info.fps, out.seconds, digest)
    return Part(target, seg.beats, info.frames, info.fps, out.seconds, cached=False)


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _write_sidecar(path: Path, frames: int, fps: float, seconds: float | None, digest: str) -> None:
    """Remember a cache entry's frames, content hash (and what it cost to render); written after the clip."""
    from .atomic import write_atomic

    write_atomic(_sidecar(path), json.dumps({"frames": frames, "fps": fps, "size": path.stat().st_size,
                                             "sha256": digest, "seconds": seconds}))


def _cached_info(path: Path, on_warn: Callable[[str], None] | None = None) -> tuple[int, float, float | None] | None:
    """(frames, fps, render seconds) of a cache entry if it is intact: its sidecar's size and content hash
    (sha256) match the clip. An entry without a hash (an older sbc, or a sidecar lost) is trusted only if
    it decodes without an error, and is then recorded; a damaged one is rendered again, with a warning."""
    if not path.exists():
        return None
    try:
        meta = json.loads(_sidecar(path).read_text())
        if not isinstance(meta, dict):
            meta = {}
    except (OSError, ValueError):
        meta = {}
    try:
        if meta.get("sha256"):
            if meta["size"] == path.stat().st_size and meta["frames"] > 0 and file_sha256(path) == meta["sha256"]:
                return int(meta["frames"]), float(meta["fps"]), meta.get("seconds")
            if on_warn is not None:
                on_warn(f"scene cache entry {path.name} is damaged (it differs from what was rendered); "
                        "rendering it again")
            return None
    except (OSError, KeyError, TypeError, ValueError):
        return None
    if valid_video(path) and decodes_cleanly(path):
        info = probe(path)
        _write_sidecar(path, info.frames, info.fps, meta.get("seconds"), file_sha256(path))
        return info.frames, info.fps, meta.get("seconds")
    return None


def _format(e: BaseException) -> list[str]:
    import traceback

    return traceback.format_exception(type(e), e, e.__traceback__)
