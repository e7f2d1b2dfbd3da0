"""What every executor shares: its options, the Protocol it satisfies, and the failure it reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol, Sequence

from ..render_worker import SegmentJob, SegmentOutput


@dataclass(frozen=True)
class ExecutorOptions:
    jobs: int = 1                     # local: worker processes
    scheduler: str | None = None      # dask: the scheduler's address, tcp://HOST:PORT
    shared_cache: Path | None = None  # dask: a cache folder the workers reach at the same path (clips as files)


class JobFailed(Exception):
    """A job raised (after the engine's retries), or no worker could run it."""

    def __init__(self, job: SegmentJob, error: BaseException):
        super().__init__(str(error))
        self.job = job
        self.error = error


class Executor(Protocol):
    name: str
    shares_files: bool  # workers write clips into the client's scene cache folder (else they come back as bytes)

    def start(self) -> list[str]:
        """Start or connect to the workers (idempotent), early, so their start-up overlaps narration.
        Returns notes for the user (e.g. about the cluster's configuration)."""

    def submit(self, jobs: Sequence[SegmentJob]) -> Iterator[tuple[SegmentJob, SegmentOutput]]:
        """Submit every job now (those first in the list start first) and iterate over them as they finish.
        Raises `JobFailed` for the first job that fails; closing the iterator cancels the others."""

    def close(self, error: bool = False) -> None:
        """Let go of the workers: a local pool stops; a Dask cluster keeps running."""
