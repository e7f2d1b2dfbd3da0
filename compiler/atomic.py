"""Atomic file writes: a temp file in the same folder, flushed, then renamed over the target.

An interrupted process never leaves a half-written file under the final name. Temp files are made
with `mkstemp`, which creates them private (0600); the rename would carry that mode to the output,
so every temp file here gets the mode an ordinary file gets under the user's umask (0644 under 022).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    # os.umask can only be read by setting it; done once, before any worker thread starts writing.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


def make_temp(directory: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """`tempfile.mkstemp` in `directory`, with the ordinary file mode instead of 0600."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
    try:
        os.fchmod(fd, _FILE_MODE)
    except OSError:
        pass  # a file system without modes (e.g. some network mounts): keep what mkstemp made
    return fd, name


def write_atomic(path: Path, data: str | bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = isinstance(data, bytes)
    fd, tmp = make_temp(path.parent, f".{path.name}.", ".tmp")
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
