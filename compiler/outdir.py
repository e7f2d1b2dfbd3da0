"""A storyboard's output folder belongs to one build at a time, and to one storyboard.

- **Lock** (`claim_output`): `OUT/<stem>/.sbc-build.lock`, held with `flock` for the whole build. Two
  builds of one storyboard into one `--out` would share `narration/`, `scenes/`, `plan.json` and
  `build.json` (one could ship the other's narration), so the second waits `LOCK_WAIT_S`, then stops with
  an `error:` line. The kernel drops the lock when the holder dies, however it dies.
- **Owner** (`.sbc-storyboard`): the file name of the storyboard the folder was made for. Different
  names can map to one folder (`a b.json` and `a-b.json` are both `a-b`); the second is refused with a
  clear message instead of overwriting the first's video.
- **Leftovers** (`clear_leftovers`): temp files and folders that killed builds left in the output
  folder, the caches and the system temp folder, recognised by the pid in their names.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Iterator

from .atomic import sweep, write_atomic
from .diagnostics import UserError

LOCK_NAME = ".sbc-build.lock"
OWNER_NAME = ".sbc-storyboard"
LOCK_WAIT_S = float(os.environ.get("SBC_LOCK_WAIT", "3"))


@contextlib.contextmanager
def claim_output(folder: Path, storyboard: Path, wait_s: float | None = None) -> Iterator[None]:
    """Hold `folder` for this build (see the module docstring); raise UserError if another build holds it
    past `wait_s` seconds, or if it belongs to a storyboard of another name."""
    import fcntl

    wait_s = LOCK_WAIT_S if wait_s is None else wait_s
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    who = f" (pid {holder})" if holder.isdigit() else ""
                    raise UserError(f"{folder}/ is being built by another sbc build{who}; wait for it to finish, "
                                    "or build into another --out") from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _check_owner(folder, storyboard)
        yield
    finally:
        os.close(fd)  # releases the lock


def _check_owner(folder: Path, storyboard: Path) -> None:
    """One storyboard per output folder: another name that maps to it ('a b.json' and 'a-b.json'), or a storyboard
    of the same name in another folder ('week1/story.json' and 'week2/story.json') while the first still exists,
    is refused — never a silent overwrite. A storyboard that was moved or renamed away takes its folder over."""
    name = storyboard.name
    path = str(storyboard.resolve())
    marker = folder / OWNER_NAME
    try:
        owner = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        owner = None
    if owner is None:  # a folder from before markers: the storyboard its last build.json names
        with contextlib.suppress(OSError, ValueError, AttributeError):
            owner = json.loads((folder / "build.json").read_text(encoding="utf-8")).get("storyboard")
    owner_name, owner_path = (owner.get("name"), owner.get("path")) if isinstance(owner, dict) else (owner, None)
    if isinstance(owner_name, str) and owner_name != name:
        raise UserError(f"{folder}/ holds the build of {owner_name!r}, and {name!r} maps to the same output folder; "
                        f"rename one of them, build into another --out, or delete {folder}/ if {owner_name!r} is gone")
    if isinstance(owner_path, str) and owner_path != path and Path(owner_path).is_file():
        raise UserError(f"{folder}/ holds the build of {owner_path}, another storyboard named {name!r}; build this one "
                        f"into another --out (or rename it), or delete {folder}/ if the other is no longer wanted")
    if owner != {"name": name, "path": path}:
        write_atomic(marker, json.dumps({"name": name, "path": path}, ensure_ascii=False) + "\n")


_MATH_SCRATCH = re.compile(r"^sbc-math-(\d+)-")


def clear_leftovers(settings) -> int:
    """Remove what killed builds left: `.assemble-*` and temp files in the output folder (locked: nothing
    else writes there), `.render-*` folders and temp clips in the scene cache, `*.synth.wav` and temp files
    in the narration cache, and per-process scratch folders in the system temp folder — each only if the
    process that made it is gone. Returns how many were removed."""
    n = sweep(settings.out_dir, (".assemble-*", ".*.tmp"))
    n += sweep(settings.out_dir / "narration", (".*.tmp",))
    n += sweep(settings.out_dir / "scenes", (".*.tmp",))
    n += sweep(settings.scene_cache, (".render-*", ".*.tmp", ".*.mp4"))
    n += sweep(settings.audio_cache, (".*.synth.wav", ".*.tmp"))
    n += sweep(Path(tempfile.gettempdir()), (".job-*",))
    n += _sweep_math_scratch(Path(tempfile.gettempdir()))
    return n


def _sweep_math_scratch(tmp: Path) -> int:
    """`sbc-math-<pid>-*`: the formula renderer's per-process folders (removed at exit, unless killed)."""
    import shutil

    from .atomic import _alive

    n = 0
    with contextlib.suppress(OSError):
        for p in tmp.glob("sbc-math-*"):
            m = _MATH_SCRATCH.match(p.name)
            if m and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
                shutil.rmtree(p, ignore_errors=True)
                n += 1
    return n
