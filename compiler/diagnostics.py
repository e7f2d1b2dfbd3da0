"""Diagnostics: errors and warnings as data with stable codes and source positions.

Codes: SB1xx syntax/encoding, SB2xx schema and semantics, SB3xx planning, SB4xx media/build.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    file: str = "<input>"
    line: int = 1
    col: int = 1
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_error(self) -> "Diagnostic":
        return Diagnostic(self.code, Severity.ERROR, self.message, self.file, self.line, self.col, self.hint)

    def headline(self) -> str:
        sev = "" if self.is_error else "warning: "
        return f"{self.file}:{self.line}:{self.col}: {self.code} {sev}{self.message}"

    def format(self, source: str | None = None) -> str:
        """`file:line:col: CODE message`, then the source line with a caret, then the hint."""
        out = [self.headline()]
        if source is not None:
            lines = source.splitlines()
            if 1 <= self.line <= len(lines):
                text = lines[self.line - 1]
                start = max(0, self.col - 60)
                snippet = _printable(text[start : start + 120])
                caret_at = _printable(text[start : self.col - 1])
                out.append(f"    {snippet}")
                out.append("    " + " " * len(caret_at) + "^")
        if self.hint:
            out.append(f"    hint: {self.hint}")
        return "\n".join(out)

    def to_json(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d


def _printable(s: str) -> str:
    """Make a source excerpt safe for a terminal: tabs to spaces, control and bidi chars escaped."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\t":
            out.append(" ")
        elif o < 32 or o == 127 or 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Report:
    """Diagnostics collected for one file, with the source text for carets."""

    file: str
    source: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, d: Diagnostic) -> None:
        self.diagnostics.append(d)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def strict(self) -> "Report":
        return Report(self.file, self.source, [d.as_error() for d in self.diagnostics])

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: (d.line, d.col, d.code))

    def format(self) -> str:
        return "\n".join(d.format(self.source) for d in self.sorted())

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "valid": not self.errors,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "diagnostics": [d.to_json() for d in self.sorted()],
        }


class UserError(Exception):
    """A failure caused by the user's input or environment: printed without a traceback, exit 1."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics or []
        self.source = source

    def format(self) -> str:
        if not self.diagnostics:
            return f"error: {self.message}"
        return "\n".join(d.format(self.source) for d in self.diagnostics)


def dumps(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)


def os_error(e: OSError, doing: str | None = None) -> UserError:
    """A file-system failure (disk full, read-only or unwritable folder, a file where a folder should be)
    as one `error:` line naming the path and what to do, instead of a traceback."""
    import errno as _errno
    import os as _os

    path = e.filename if e.filename is not None else None
    if e.errno:
        what = e.strerror or _os.strerror(e.errno)
    else:
        what = str(e) or type(e).__name__
    hints = {
        _errno.ENOSPC: "free some space or build into another --out",
        _errno.EDQUOT: "free some space or build into another --out",
        _errno.EROFS: "the file system is read-only; build into another --out",
        _errno.EACCES: "you may not write there; build into another --out or fix the folder's permissions",
        _errno.EPERM: "you may not write there; build into another --out or fix the folder's permissions",
        _errno.ENOTDIR: "a file stands where a folder should be; move it away or choose another path",
        _errno.EEXIST: "a file stands where a folder should be; move it away or choose another path",
        _errno.EISDIR: "a folder stands where a file should be; move it away or choose another path",
    }
    if e.errno == _errno.EPIPE or (e.errno is None and "No space left" in str(e)):
        what, hint = "a helper process (ffmpeg) stopped writing, most often because the disk is full", \
            hints[_errno.ENOSPC]
    else:
        hint = hints.get(e.errno or 0)
    where = f"{path}: " if path else ""
    message = f"{doing + ': ' if doing else ''}{where}{what}"
    return UserError(message + (f" ({hint})" if hint else ""))


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread like Ctrl-C's KeyboardInterrupt, so that a build stops
    the same way whichever signal ends it: workers stopped, temp files removed, one line, exit 128+N."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
