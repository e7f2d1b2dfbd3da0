"""Executors: where segment jobs run. A Protocol (`base.py`), one module per engine, a plain dict registry.

- `local` (default): a process pool on this machine (`--jobs` processes, each imports Manim once).
- `dask`: the workers of an existing Dask distributed cluster (`--scheduler tcp://HOST:PORT`), from the
  optional extra `sbc[dask]`. sbc schedules nothing itself: Dask places, retries and rebalances the jobs.

Both run the same pure function, `render_worker.run_job(SegmentJob) -> SegmentOutput`. The render stage
(`render.py`) owns the rest: the cache, the order (longest first), verifying every returned clip before
it enters the cache, and reporting a failed scene.
"""

from __future__ import annotations

from .base import Executor, ExecutorOptions, JobFailed
from .dask import DaskExecutor
from .local import LocalExecutor

EXECUTORS: dict[str, type] = {
    "local": LocalExecutor,
    "dask": DaskExecutor,
}


def make_executor(name: str, opts: ExecutorOptions) -> Executor:
    from ..diagnostics import UserError

    if name not in EXECUTORS:
        raise UserError(f"--executor must be one of {', '.join(EXECUTORS)}, not {name!r}")
    return EXECUTORS[name](opts)


__all__ = ["EXECUTORS", "Executor", "ExecutorOptions", "JobFailed", "make_executor"]
