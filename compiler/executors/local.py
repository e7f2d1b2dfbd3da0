"""The local executor: a `spawn` process pool on this machine, started early so its Manim import
overlaps planning and narration. Workers write clips straight into the scene cache's folder."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
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
                                             initializer=render_worker.warm_up)
            for _ in range(self.jobs):  # the workers start (and import Manim) now
                self._pool.submit(render_worker.ping)
        return []

    def submit(self, jobs: Sequence[SegmentJob]) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
        from ..render_worker import run_job

        self.start()
        assert self._pool is not None
        futures = {self._pool.submit(run_job, job): job for job in jobs}
        return _results(futures)

    def close(self, error: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not error, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "LocalExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close(error=exc[0] is not None)


def _results(futures: dict[Future, SegmentJob]) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
    try:
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                out = fut.result()
            except Exception as e:  # noqa: BLE001 - reported with the scene it belongs to
                raise JobFailed(job, e) from None
            yield job, out
    finally:
        for fut in futures:
            fut.cancel()
