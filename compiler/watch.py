"""`sbc watch`: the contact sheet kept up to date while a storyboard is edited.

The file is polled (stat every `POLL_S`; its bytes hashed when a changed stat has held for one poll, or while its mtime is
recent, for file systems with coarse timestamps): a save whose bytes differ from the last ones seen is
validated, planned and drawn; a save of the same bytes is nothing. One process stays warm — Manim is
imported once — and only scenes whose generated code changed are drawn again: captured frames are cached
per scene, keyed by the scene's generated code (its beats and their parameters, timings and theme) and the
frame size. An invalid save leaves the last good sheet in place.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from .diagnostics import Diagnostic, UserError, os_error

POLL_S = 0.2
RECENT_S = 2.0  # an mtime this recent is re-hashed even when the stat did not change (coarse timestamps)


class ChangeDetector:
    """`poll()` returns the file's bytes when they changed since the last bytes it returned, else None.

    Only the stat (mtime, size, inode) is read while nothing happens; the bytes are read and hashed when it
    changed and then held for one poll — so a save still being written (an editor that truncates, then writes)
    is not read half way — or while the mtime is within `RECENT_S` of now. A missing file (an editor's save by rename, for a
    moment) or an unreadable one is no change: the next poll looks again."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self._stat: Optional[tuple[int, int, int]] = None  # the stat seen by the last poll
        self._read: Optional[tuple[int, int, int]] = None  # the stat the bytes were last read at
        self._digest: Optional[str] = None
        self._clock = clock

    def poll(self) -> Optional[bytes]:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        if stamp != self._stat:
            first = self._stat is None
            self._stat = stamp
            if not first:
                return None  # a save may be under way (truncated, half written): read it once its stat holds
        elif stamp == self._read and self._clock() - st.st_mtime_ns / 1e9 > RECENT_S:
            return None
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        self._read = stamp
        digest = hashlib.sha256(raw).hexdigest()
        if digest == self._digest:
            return None
        self._digest = digest
        return raw


class FrameCache:
    """Captured scenes, least recently used dropped first: key -> (violations, [(beat, PIL image)])."""

    def __init__(self, limit: int = 64):
        self.limit = limit
        self._items: OrderedDict[str, Any] = OrderedDict()

    def get(self, key: str) -> Any:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def scene_key(code: str, size: tuple[int, int]) -> str:
    """What a scene's frames depend on: its generated code (beats, parameters, timings, theme) and the frame
    size. (The runtime's own code is fixed for the life of the process.)"""
    return hashlib.sha256(f"{size[0]}x{size[1]}\n{code}".encode()).hexdigest()


def capture(gen, size: tuple[int, int], media_dir: Optional[str] = None) -> tuple[list, list]:
    """Dry-run one generated scene in this process: (layout violations, [(beat, PIL image)])."""
    from .dryrun import run_scene

    ins = run_scene(gen.code, gen.class_name, gen.number, check=True, capture=True, width=size[0], height=size[1],
                    media_dir=media_dir)
    return ins.violations, ins.frames


@dataclass(frozen=True)
class Refresh:
    """One save, handled: the sheet written (ok), or why not (the last good sheet is kept)."""

    ok: bool
    diagnostics: tuple[Diagnostic, ...]  # warnings, and the errors when not ok: `file:line:col: CODE message`
    sheet: Optional[Path] = None
    drawn: int = 0       # scenes captured again
    unchanged: int = 0   # scenes whose frames came from the cache
    seconds: float = 0.0
    message: str = ""    # not ok: what went wrong, one line


class PreviewSession:
    """A storyboard's contact sheet, refreshed from each save's bytes. `capture_scene(gen, size)` draws one
    generated scene (the default runs it with Manim in this process)."""

    def __init__(self, file: Path, sheet: Path, *, repair: bool = False, size: tuple[int, int] = (480, 270),
                 capture_scene: Optional[Callable[[Any, tuple[int, int]], tuple[list, list]]] = None,
                 cache_limit: int = 64):
        self.file = Path(file)
        self.sheet = Path(sheet)
        self.repair = repair
        self.size = size
        self.capture_scene = capture_scene or self._capture
        self.cache = FrameCache(cache_limit)
        self._media: Optional[tempfile.TemporaryDirectory] = None

    def _capture(self, gen, size: tuple[int, int]) -> tuple[list, list]:
        if self._media is None:  # one Manim scratch folder for the session: its texts are reused
            self._media = tempfile.TemporaryDirectory(prefix="sbc-watch-")
        return capture(gen, size, self._media.name)

    def close(self) -> None:
        if self._media is not None:
            self._media.cleanup()
            self._media = None

    def __enter__(self) -> "PreviewSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def refresh(self, raw: bytes) -> Refresh:
        from .generate import generate_scene
        from .inspect import contact_sheet, describe_scene, scene_notes
        from .pipeline import load_and_validate, plan_validated
        from .timing import estimate_timings, time_plan

        t0 = time.perf_counter()
        try:
            v = load_and_validate(self.file, repair=self.repair, raw=raw)
        except UserError as e:
            return Refresh(False, tuple(e.diagnostics), message=e.message)
        warnings = tuple(v.report.sorted())
        try:
            plan, notes = plan_validated(v)
        except UserError as e:
            return Refresh(False, warnings + tuple(e.diagnostics), message=e.message)
        diagnostics = warnings + tuple(notes)
        timed = time_plan(plan, estimate_timings(v.storyboard))
        per_scene = scene_notes(plan, notes)
        inspections, drawn, unchanged = [], 0, 0
        for ts in timed.scenes:
            gen = generate_scene(ts)
            key = scene_key(gen.code, self.size)
            frames = self.cache.get(key)
            if frames is None:
                try:
                    frames = self.capture_scene(gen, self.size)
                except Exception as e:  # a component that fails to draw: say which scene, keep watching
                    return Refresh(False, diagnostics, message=f"scene {ts.plan.number} could not be drawn: "
                                                               f"{type(e).__name__}: {e}")
                self.cache.put(key, frames)
                drawn += 1
            else:
                unchanged += 1
            inspections.append(describe_scene(ts, *frames, per_scene.get(ts.plan.number, ())))
        try:
            contact_sheet(inspections, self.sheet, title=f"{self.file.name} — {len(inspections)} scene(s)")
        except OSError as e:
            return Refresh(False, diagnostics, message=os_error(e, "cannot write the contact sheet").message)
        except ValueError as e:  # no frames at all
            return Refresh(False, diagnostics, message=str(e))
        self.cache.limit = max(self.cache.limit, 2 * len(inspections))  # an undo finds its scenes still cached
        return Refresh(True, diagnostics, self.sheet, drawn, unchanged, time.perf_counter() - t0)


def watch_file(path: Path, session: PreviewSession, on_refresh: Callable[[Refresh], None], *,
               interval: float = POLL_S, max_cycles: Optional[int] = None,
               sleep: Callable[[float], None] = time.sleep, detector: Optional[ChangeDetector] = None) -> int:
    """Refresh the session now and on every save of `path` until interrupted (Ctrl-C raises KeyboardInterrupt
    out of here), or after `max_cycles` refreshes; returns the number of refreshes."""
    det = detector or ChangeDetector(path)
    cycles = 0
    while True:
        raw = det.poll()
        if raw is not None:
            on_refresh(session.refresh(raw))
            cycles += 1
            if max_cycles is not None and cycles >= max_cycles:
                return cycles
        sleep(interval)
