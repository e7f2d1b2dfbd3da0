"""The local executor: a `spawn` process pool on this machine, started early so its Manim import
overlaps planning and narration. Workers write clips straight into the scene cache's folder.

Workers never outlive the build: they ignore Ctrl-C (it reaches the whole process group; the build
handles it and stops them), they die with the build's process however it dies (`die_with_parent`),
and a build that stops early kills them instead of waiting for the segments they are rendering.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator, Sequence

from ..render_worker import SegmentJob, SegmentOutput
from .base import ExecutorOptions, JobFailed


class LocalExecutor:
    name = "local"
    shares_files = True

    def __init__(self, opts: ExecutorOptions):
        self.jobs = max(1, opts.jobs)
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> list[str]:
        from .. import render_worker

        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=render_worker.local_worker_init, initargs=(os.getpid(),))
            with _sigint_ignored_by_children():
                for _ in range(self.jobs):  # the workers start (and import Manim) now
                    self._pool.submit(render_worker.ping)
        return []

    def submit(self, jobs: Sequence[SegmentJob]) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
        from ..render_worker import run_job

        self.start()
        assert self._pool is not None
        with _sigint_ignored_by_children():
            futures = {self._pool.submit(run_job, job): job for job in jobs}
        return _results(futures)

    def close(self, error: bool = False) -> None:
        """Stop the pool; after an error or an interrupt, kill the workers at once (a segment being
        rendered is of no use any more) and wait until they are gone."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=not error, cancel_futures=True)
        if error:
            for p in procs:
                with contextlib.suppress(Exception):
                    p.kill()
            for p in procs:
                with contextlib.suppress(Exception):
                    p.join(5)
            if manager is not None:  # it sees the workers gone and lets go of the pool's queues
                manager.join(5)
            del pool, manager, procs
            import gc

            gc.collect()  # the queues' semaphores are released now, not reported as leaked at exit

    def __enter__(self) -> "LocalExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close(error=exc[0] is not None)


@contextlib.contextmanager
def _sigint_ignored_by_children():
    """Workers are spawned inside `submit`, by this thread. A process inherits its parent thread's signal
    mask through fork and exec, so with SIGINT blocked here a worker cannot be interrupted while it starts
    up (before its initializer ignores SIGINT), and prints no traceback; here, a Ctrl-C that arrives
    meanwhile is delivered when the mask is restored."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _results(futures: dict[Future, SegmentJob]) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
    try:
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                out = fut.result()
            except BrokenProcessPool as e:
                # A worker died. When the whole process group was told to stop (kill, Ctrl-C, a closed terminal),
                # this process's own signal is on its way: let it arrive and stop the build with its one line.
                import time

                time.sleep(0.5)
                raise JobFailed(job, e) from None
            except Exception as e:  # noqa: BLE001 - reported with the scene it belongs to
                raise JobFailed(job, e) from None
            yield job, out
    finally:
        for fut in futures:
            fut.cancel()
