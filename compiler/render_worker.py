"""Runs inside a render worker: one segment of one generated scene, with Manim in-process.

The same job runs on every executor (`compiler/executors/`): a local process pool or the workers of
a Dask cluster. `run_job` is a pure function of its `SegmentJob` — the generated code (narration
timings are baked into it), the segment, the size, and the assets by content hash — and returns the
clip as bytes (or, when both sides reach the same cache folder, as a file there) with its frame
count. A worker whose sbc/Manim versions differ from the client's refuses the job: its clip would
enter the cache under a key that does not describe it.

Workers import Manim once (`warm_up`) and render many segments; each segment runs under its own
`tempconfig`. Manim's configuration is process-global, so a process renders one segment at a time
(a lock, for Dask workers started with more than one thread).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Asset:
    """A file the generated code reads, shipped by content: written as `name` beside the scene."""

    name: str
    sha256: str
    data: bytes


@dataclass(frozen=True)
class SegmentJob:
    key: str                              # the segment's cache key (content address)
    code: str                             # the generated scene, narration timings included
    class_name: str
    filename: str
    width: int
    height: int
    fps: int
    beats: tuple[int, int] | None         # (first beat, end beat), 1-based; None: the whole scene
    versions: tuple[tuple[str, str], ...]  # the client's `runtime_versions()`
    assets: tuple[Asset, ...] = ()
    deliver_to: str | None = None         # a folder both sides reach; None: the clip comes back as bytes


@dataclass(frozen=True)
class SegmentOutput:
    key: str
    frames: int
    fps: float
    seconds: float          # render time on the worker
    worker: str             # host:pid, for messages
    data: bytes | None = None
    path: str | None = None


class VersionMismatch(RuntimeError):
    pass


_RENDER = threading.Lock()


@lru_cache(maxsize=1)
def runtime_versions() -> tuple[tuple[str, str], ...]:
    """What a rendered clip depends on besides the job: sbc, its templates and runtime, Manim, ziamath."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__
    from .generate import template_version

    found = {"sbc": __version__, "templates": template_version()}
    for pkg in ("manim", "ziamath"):
        try:
            found[pkg] = version(pkg)
        except PackageNotFoundError:
            found[pkg] = "none"
    return tuple(sorted(found.items()))


def describe_versions(versions) -> str:
    v = dict(versions)
    return f"sbc {v.get('sbc')} (templates {v.get('templates')}), manim {v.get('manim')}, ziamath {v.get('ziamath')}"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_job(job: SegmentJob) -> SegmentOutput:
    """Render one segment: the job's inputs -> the mp4 (bytes or a file in `deliver_to`) + its frame count."""
    if tuple(job.versions) != runtime_versions():
        raise VersionMismatch(f"worker {worker_name()} renders with {describe_versions(runtime_versions())}, "
                              f"the client with {describe_versions(job.versions)}; install the client's versions "
                              "on every worker")
    from .atomic import scratch_prefix
    from .media import probe

    _roomy_malloc()
    deliver = Path(job.deliver_to) if job.deliver_to else None
    if deliver is not None and not deliver.is_dir():
        raise FileNotFoundError(f"worker {worker_name()} cannot reach the shared cache folder {deliver}; mount it "
                                "at the same path on every worker, or build without --cache to get clips as bytes")
    # Manim writes its own ffmpeg concat list with the paths unquoted: render where the path is plain
    scratch = deliver if deliver is not None and manim_safe_path(deliver) else None
    if scratch is None and not manim_safe_path(Path(tempfile.gettempdir()).resolve()):
        raise RuntimeError(f"Manim cannot render under {tempfile.gettempdir()!r} (a quote or line break in the "
                           "path); set TMPDIR to a plain folder")
    with _RENDER, tempfile.TemporaryDirectory(prefix=scratch_prefix(".job-"), dir=scratch) as tmp:
        work = Path(tmp)
        for asset in job.assets:
            if Path(asset.name).name != asset.name or hashlib.sha256(asset.data).hexdigest() != asset.sha256:
                raise ValueError(f"asset {asset.name!r} does not match its name or content hash")
            (work / asset.name).write_bytes(asset.data)
        t0 = time.perf_counter()
        clip = Path(render_segment(job.code, job.class_name, job.filename, job.width, job.height, job.fps,
                                   job.beats, str(work)))
        seconds = time.perf_counter() - t0
        info = probe(clip)
        if info.frames <= 0:
            raise RuntimeError("Manim wrote a video without frames")
        out = dict(key=job.key, frames=info.frames, fps=info.fps, seconds=round(seconds, 3), worker=worker_name())
        if deliver is None:
            return SegmentOutput(**out, data=clip.read_bytes())
        target = deliver / f"{job.key}.{uuid.uuid4().hex[:12]}.mp4"
        _deliver(clip, target)  # the client probes it (and fsyncs it) before it enters the cache
        return SegmentOutput(**out, path=str(target))


def manim_safe_path(path: Path) -> bool:
    """Whether Manim can render below `path`: its concat list quotes paths as 'file:PATH' unescaped."""
    return not any(c in str(path.resolve()) for c in "'\n\r")


def _deliver(clip: Path, target: Path) -> None:
    try:
        os.replace(clip, target)  # same folder tree: atomic
    except OSError:  # rendered in the system temp folder (another file system): copy under the unique name
        shutil.copyfile(clip, target)


def local_worker_init(parent: int) -> None:
    """Initializer of a local pool worker: it ignores Ctrl-C (the build handles it and stops the workers,
    so no worker prints a traceback or hangs in Manim's writer thread), dies with the build however the
    build dies (SIGKILL, OOM killer, `kill PID`), then imports Manim."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    _no_tqdm_process_lock()
    warm_up()


def _no_tqdm_process_lock() -> None:
    """tqdm (imported with Manim and moviepy) makes a named semaphore shared across processes for its
    progress bars; a worker killed when a build stops would leave it for the resource tracker to report
    as leaked. A worker draws no progress bars: tqdm takes None for "no such lock"."""
    try:
        from tqdm.std import TqdmDefaultWriteLock

        TqdmDefaultWriteLock.mp_lock = None
    except Exception:  # noqa: BLE001 - tqdm missing or changed: only a warning at exit is at stake
        pass


def die_with_parent(parent: int) -> None:
    """Exit when process `parent` is gone: PR_SET_PDEATHSIG on Linux, and a watchdog thread everywhere
    (it also covers a parent that died before the request was made)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="sbc-parent-watch", daemon=True).start()


def warm_up() -> None:
    os.environ.setdefault("PYTHONHASHSEED", "0")
    _roomy_malloc()
    import manim  # noqa: F401  - the expensive import, once per worker


@lru_cache(maxsize=1)
def _roomy_malloc() -> None:
    """Undo a fixed small malloc threshold in this process (a Dask nanny starts its workers with
    MALLOC_TRIM_THRESHOLD_=65536, which also pins glibc's mmap threshold at 128 KiB): every frame buffer
    would then be a fresh mmap, zeroed page by page — renders measured 15–25% slower. Back to glibc's
    usual ceiling: buffers up to 32 MiB come from the heap, which is trimmed past 64 MiB free."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 32 * 1024 * 1024)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, 64 * 1024 * 1024)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):  # not glibc
        pass


def ping() -> None:
    """A no-op job: submitting one per worker makes the pool start its processes right away."""


def render_segment(code: str, class_name: str, filename: str, width: int, height: int, fps: int,
                   segment: tuple[int, int] | None, work_dir: str) -> str:
    """Render beats `segment` of the scene into an mp4 inside `work_dir`; return its path."""
    from manim import tempconfig

    work = Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    scene_file = work / filename
    scene_file.write_text(code, encoding="utf-8")
    with tempconfig({
        "pixel_width": width, "pixel_height": height, "frame_rate": fps, "media_dir": str(work / "media"),
        "input_file": str(scene_file), "output_file": "clip", "disable_caching": True, "progress_bar": "none",
        "verbosity": "WARNING", "write_to_movie": True, "format": "mp4", "save_last_frame": False,
        "preview": False,
    }):
        namespace = {"__name__": "sbc_generated_scene", "__file__": str(scene_file)}
        exec(compile(code, str(scene_file), "exec"), namespace)  # noqa: S102 - code sbc generated and compiled
        scene = namespace[class_name]()
        scene.segment = segment
        scene.render()
    found = [p for p in (work / "media").rglob("clip.mp4") if "partial_movie_files" not in p.parts]
    if not found:
        raise RuntimeError("Manim wrote no video")
    return str(found[0])
