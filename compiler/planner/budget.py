"""Planning ends in bounded time: a per-scene time budget.

Every loop in the planner consumes input on each turn or has an explicit bound, so planning ends;
the budget is the second line of defence against a rule that is merely slow on some input. A scene
that takes longer than `SCENE_BUDGET_S` stops with `PlanTimeout`, which names the sentence being
planned; the commands turn it into a positioned SB305 error.

Two mechanisms: `check()` is called between rules (works in any thread); in the main thread a
real-time interval timer (SIGALRM) also interrupts a rule that is stuck inside one call.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

SCENE_BUDGET_S = 5.0  # seconds of planning per scene; SBC_PLAN_BUDGET overrides it (tests, slow machines)


def scene_budget() -> float:
    try:
        value = float(os.environ.get("SBC_PLAN_BUDGET", SCENE_BUDGET_S))
    except ValueError:
        return SCENE_BUDGET_S
    return value if value > 0 else SCENE_BUDGET_S


class PlanTimeout(Exception):
    """Planning a scene went over its time budget."""

    def __init__(self, seconds: float, sentence: str | None = None):
        super().__init__(f"planning took longer than {seconds:g} s")
        self.seconds = seconds
        self.sentence = sentence


class Budget:
    """The time left to plan one scene; `sentence` is what is being planned now (for the error)."""

    def __init__(self, seconds: float | None = None):
        self.seconds = scene_budget() if seconds is None else seconds
        self.deadline = time.monotonic() + self.seconds
        self.sentence: str | None = None

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise PlanTimeout(self.seconds, self.sentence)

    @contextmanager
    def armed(self) -> Iterator["Budget"]:
        """Also interrupt a single call that overruns, where a signal timer is available."""
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not usable:
            yield self
            return

        def _expired(signum, frame):  # noqa: ARG001 - the signal handler signature
            raise PlanTimeout(self.seconds, self.sentence)

        previous = signal.signal(signal.SIGALRM, _expired)
        signal.setitimer(signal.ITIMER_REAL, max(self.deadline - time.monotonic(), 0.001))
        try:
            yield self
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
