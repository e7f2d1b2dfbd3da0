"""Atomic file writes: a temp file in the same folder, flushed, then renamed over the target.

An interrupted process never leaves a half-written file under the final name. Temp files are made
with `mkstemp`, which creates them private (0600); the rename would carry that mode to the output,
so every temp file here gets the mode an ordinary file gets under the user's umask (0644 under 022).

Every temp file or folder sbc makes carries its maker in its name (`scratch_prefix`: pid and host), so
a later build can tell what a killed one left (`sweep`) from what a running one is writing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import stat
import tempfile
import time
from pathlib import Path


def _umask() -> int:
    # os.umask can only be read by setting it; done once, before any worker thread starts writing.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
_TAG = re.compile(r"\.sbc(\d+)@([0-9a-f]{8})-")
STALE_AFTER_S = 24 * 3600  # what another machine left (a shared cache) is swept after a day


def scratch_prefix(prefix: str) -> str:
    """`prefix` + this process's tag: temp names say who made them (see `sweep`)."""
    return f"{prefix}.sbc{os.getpid()}@{_HOST}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: someone else's process
        return True
    return True


def is_stale(path: Path, now: float | None = None) -> bool:
    """A temp file or folder whose maker is gone: a process of this host that no longer runs, or
    anything older than STALE_AFTER_S (another host's, or a name without a tag)."""
    m = _TAG.search(path.name)
    if m and m.group(2) == _HOST:
        return int(m.group(1)) != os.getpid() and not _alive(int(m.group(1)))
    try:
        return (now or time.time()) - path.lstat().st_mtime > STALE_AFTER_S
    except OSError:
        return False


def sweep(folder: Path, patterns: tuple[str, ...]) -> int:
    """Remove what killed builds left in `folder` (names matching `patterns` whose maker is gone).
    Returns how many were removed; never fails."""
    removed = 0
    try:
        candidates = [p for pat in patterns for p in Path(folder).glob(pat)]
    except OSError:
        return 0
    for p in candidates:
        if not is_stale(p):
            continue
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
            removed += 1
    return removed


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fsync_file(path: Path) -> None:
    """Flush a finished file to the disk before it is renamed into a cache, so that a power loss can never
    leave a sidecar vouching for blocks that never reached the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_temp(directory: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """`tempfile.mkstemp` in `directory`, with the ordinary file mode instead of 0600."""
    fd, name = tempfile.mkstemp(prefix=scratch_prefix(prefix.rstrip(".")), suffix=suffix, dir=directory)
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


def write_through(path: Path, data: str | bytes) -> Path:
    """Replace the contents of the file the user named, as they know it: through a symlink to its target,
    keeping its mode (and owner, where allowed), and into the same inode when other hard links share it.
    Returns the path written. A file with one name is replaced atomically (temp + rename); one with
    several names is rewritten in place after the new contents are safely on disk beside it."""
    target = Path(os.path.realpath(path))
    st = target.stat()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if st.st_nlink > 1:
        fd, tmp = make_temp(target.parent, f".{target.name}.", ".tmp")  # the new contents, safe first
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
                f.flush()
                os.fsync(f.fileno())
            with open(target, "r+b") as f:
                f.write(raw)
                f.truncate()
                f.flush()
                os.fsync(f.fileno())
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return target
    fd, tmp = make_temp(target.parent, f".{target.name}.", ".tmp")
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
        with contextlib.suppress(OSError):
            os.fchown(fd, st.st_uid, st.st_gid)
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
