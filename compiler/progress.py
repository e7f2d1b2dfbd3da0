"""Progress display: one bar per stage, advanced per scene (rich, on stderr; quiet when disabled)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Reporter:
    def __init__(self, enabled: bool = True):
        self.console = Console(stderr=True)
        self.enabled = enabled
        self.progress = Progress(TextColumn("[bold]{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=self.console,
                                 disable=not enabled, transient=False)
        self.timings: dict[str, float] = {}

    def __enter__(self) -> "Reporter":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    @contextmanager
    def stage(self, name: str, total: int = 1) -> Iterator[Callable[..., None]]:
        task = self.progress.add_task(name, total=max(1, total), detail="")
        t0 = time.perf_counter()

        def advance(detail: str = "", n: int = 1) -> None:
            self.progress.update(task, advance=n, detail=detail)

        try:
            yield advance
        finally:
            self.timings[name] = round(time.perf_counter() - t0, 3)
            self.progress.update(task, completed=max(1, total), detail=f"{self.timings[name]:.1f}s")

    def warn(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False)
