"""The Dask executor: segment jobs on the workers of an existing Dask distributed cluster.

`pip install 'sbc[dask]'` on the client and on every worker (which also need `sbc[render]`); start
workers with `--nthreads 1` (Manim's configuration is per process: one render at a time per process).

- Connect (`start`): the scheduler at `--scheduler` / `SBC_DASK_SCHEDULER`; wait (bounded) for a
  worker; ask every worker for its sbc/templates/Manim/ziamath versions (`client.run`) and refuse the
  cluster, naming the workers, if any differs from the client's. With `--cache DIR`, also check that
  every worker sees DIR. Then warm the workers up (import Manim) while the client plans and narrates.
- Jobs: `client.submit(run_job, job, retries=1, pure=False)`, longest first. A worker that dies
  mid-render makes the scheduler run its job again elsewhere; a job that raises is retried once, then
  fails the build with its own error. Clips come back as bytes, or, with `--cache DIR`, as files in
  DIR; either way the client probes them before they enter the cache.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Iterator, Sequence

from ..diagnostics import UserError
from ..render_worker import SegmentJob, SegmentOutput, describe_versions, runtime_versions, worker_name
from .base import ExecutorOptions, JobFailed

CONNECT_TIMEOUT_S = 30   # reaching the scheduler
WORKERS_TIMEOUT_S = 60   # waiting for a first worker, or for any worker after all of them left
POLL_S = 2.0


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise UserError("SB407 --executor dask needs Dask distributed, an optional extra. Install it with:\n"
                        "    pip install 'sbc[dask]'   (on this machine and on every worker, which also needs "
                        "'sbc[render]')") from None
    return distributed


def worker_facts(reach_token: str | None) -> dict:
    """Runs on every worker at connect time (`client.run`): what it renders with, and whether it sees the
    shared cache folder (a token file the client just wrote there)."""
    return {"versions": [list(v) for v in runtime_versions()], "worker": worker_name(),
            "sees_cache": bool(reach_token) and os.path.exists(reach_token)}


def refusals(mine, facts: dict) -> list[str]:
    """One line per worker that must not render for this client (other versions, or no sbc at all)."""
    lines = []
    for address, f in sorted(facts.items()):
        if isinstance(f, BaseException):
            lines.append(f"{address}: cannot run sbc ({type(f).__name__}: {f})")
        elif tuple(tuple(v) for v in f["versions"]) != tuple(mine):
            lines.append(f"{address} ({f['worker']}): {describe_versions(f['versions'])}")
    return lines


class DaskExecutor:
    name = "dask"

    def __init__(self, opts: ExecutorOptions):
        self.address = opts.scheduler
        self.shared_cache = Path(opts.shared_cache).resolve() if opts.shared_cache else None
        self.shares_files = self.shared_cache is not None
        self._client = None
        self._warm: list = []

    # -- connect -------------------------------------------------------------------------------------
    def start(self) -> list[str]:
        if self._client is not None:
            return []
        distributed = _import_distributed()
        if not self.address:
            raise UserError("SB407 --executor dask needs the scheduler's address: --scheduler tcp://HOST:PORT "
                            "(or the environment variable SBC_DASK_SCHEDULER)")
        try:
            self._client = distributed.Client(self.address, timeout=f"{CONNECT_TIMEOUT_S}s", set_as_default=False)
        except Exception as e:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a bad address
            raise UserError(f"SB407 cannot reach the Dask scheduler at {self.address} ({type(e).__name__}: {e}). "
                            "Start one with `dask scheduler`, and workers with "
                            f"`dask worker {self.address} --nthreads 1`") from None
        try:
            notes = self._check_workers()
        except BaseException:
            self.close(error=True)
            raise
        from ..render_worker import warm_up

        client = self._client
        self._warm = [client.submit(warm_up, pure=False, workers=[w], key=f"sbc-warm-up-{uuid.uuid4().hex[:12]}")
                      for w in client.nthreads()]
        return notes

    def _check_workers(self) -> list[str]:
        client = self._client
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
        except TimeoutError:
            raise UserError(f"SB407 no Dask worker joined the scheduler at {self.address} within "
                            f"{WORKERS_TIMEOUT_S} s; start workers with: dask worker {self.address} --nthreads 1") \
                from None
        token = None
        if self.shared_cache is not None:
            self.shared_cache.mkdir(parents=True, exist_ok=True)
            token = self.shared_cache / f".sbc-reach-{uuid.uuid4().hex}"
            token.write_text("sbc\n")
        try:
            facts = client.run(worker_facts, str(token) if token else None, on_error="return")
        finally:
            if token is not None:
                token.unlink(missing_ok=True)
        mine = runtime_versions()
        refused = refusals(mine, facts)
        if refused:
            raise UserError("SB407 refused Dask workers whose sbc or Manim differ from this client's "
                            f"({describe_versions(mine)}):\n    " + "\n    ".join(refused) +
                            "\n  Install the same versions on every worker (pip install 'sbc[render,dask]'), "
                            "or stop those workers.")
        blind = sorted(a for a, f in facts.items() if not f["sees_cache"])
        if token is not None and blind:
            raise UserError(f"SB407 --cache {self.shared_cache}: Dask workers {', '.join(blind)} cannot see this "
                            "folder. Mount it at the same path on every worker, or leave out --cache to receive "
                            "clips as bytes.")
        threads = {a: n for a, n in client.nthreads().items() if n > 1}
        return [f"note: Dask worker {a} has {n} threads but renders one segment at a time; start workers with "
                "--nthreads 1 (and --nworkers N for N processes)" for a, n in sorted(threads.items())]

    # -- jobs ----------------------------------------------------------------------------------------
    def submit(self, jobs: Sequence[SegmentJob]) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
        from ..render_worker import run_job

        self.start()
        client = self._client
        futures = {}
        for i, job in enumerate(jobs):
            fut = client.submit(run_job, job, key=f"sbc-render-{job.key[:16]}-{uuid.uuid4().hex[:8]}",
                                pure=False, retries=1, priority=len(jobs) - i)
            futures[fut] = job
        return self._results(futures)

    def _results(self, futures: dict) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
        from distributed import wait

        client = self._client
        alone_since: float | None = None
        try:
            while futures:
                try:
                    with client.as_current():
                        done = wait(list(futures), timeout=POLL_S, return_when="FIRST_COMPLETED").done
                except TimeoutError:
                    alone_since = self._still_workers(alone_since, futures)
                    continue
                alone_since = None
                for fut in done:
                    job = futures.pop(fut)
                    try:
                        out = fut.result()
                    except (KeyboardInterrupt, SystemExit):
                        raise
                    except BaseException as e:  # noqa: BLE001 - a task's error, KilledWorker, cancelled
                        raise JobFailed(job, e) from None
                    fut.release()
                    yield job, out
        finally:
            if futures:
                try:
                    client.cancel(list(futures))
                except Exception:  # noqa: BLE001 - the scheduler may be gone
                    pass

    def _still_workers(self, alone_since: float | None, futures: dict) -> float | None:
        """Dask waits for workers forever; a build gives up once none has been there for a while."""
        try:
            n = len(self._client.nthreads())
        except Exception:  # noqa: BLE001 - lost the scheduler
            n = 0
        if n:
            return None
        now = time.monotonic()
        if alone_since is not None and now - alone_since > WORKERS_TIMEOUT_S:
            raise JobFailed(next(iter(futures.values())), RuntimeError(
                f"no Dask worker (or no scheduler at {self.address}) for {WORKERS_TIMEOUT_S} s"))
        return alone_since if alone_since is not None else now

    def close(self, error: bool = False) -> None:
        if self._client is not None:
            self._warm = []
            try:
                self._client.close(timeout=10)
            except Exception:  # noqa: BLE001
                pass
            self._client = None

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close(error=exc[0] is not None)
