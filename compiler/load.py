"""Stage 1 — load: bytes -> JSON value, with source positions for every diagnostic.

Parsing uses the C `json` module (fast); positions of values are found only when a diagnostic
needs one, by a small tokenizer that walks the document (`SourceMap`). Markdown fences and prose
around the object (what language models add) are reported as SB102 and stripped, keeping line
numbers, so the real syntax error behind them is reported too.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Report, Severity

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
Path_ = tuple  # a JSON path: keys (str) and indices (int)


@dataclass
class Loaded:
    file: str
    text: str
    data: Any
    report: Report
    source_map: "SourceMap | None" = None
    line_map: list[int] | None = None  # repaired text: its line k is line line_map[k] of what the user wrote

    @property
    def ok(self) -> bool:
        return not self.report.errors and self.data is not None

    def locate(self, path: Path_) -> tuple[int, int]:
        if self.source_map is None:
            self.source_map = SourceMap(self.text)
        return self.source_map.position(path)

    def locate_key(self, path: Path_) -> tuple[int, int]:
        if self.source_map is None:
            self.source_map = SourceMap(self.text)
        return self.source_map.key_position(path)

    def diag(self, code: str, message: str, path: Path_ = (), *, severity=Severity.ERROR, hint=None, key=False,
             within: str | None = None) -> Diagnostic:
        """A diagnostic at the value (or key) at `path`; `within`: at that text inside the string value."""
        if key:
            line, col = self.locate_key(path)
        else:
            if self.source_map is None:
                self.source_map = SourceMap(self.text)
            line, col = self.source_map.position(path, within)
        if self.line_map is not None and 1 <= line <= len(self.line_map):
            line = self.line_map[line - 1] + 1
        return Diagnostic(code, severity, message, self.file, line, col, hint)


class _DuplicateKeys(list):
    pass


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


_FENCE = re.compile(r"^[ \t]*```[\w-]*[ \t]*$", re.M)


def _strip_wrapping(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Blank out markdown fences and prose around the outermost JSON object, keeping offsets.

    Returns the cleaned text (same length, same line breaks) and (offset, what) notes.
    """
    notes: list[tuple[int, str]] = []
    head, tail = text.lstrip()[:1], text.rstrip()[-1:]
    if head in ("{", "[") and tail in ("}", "]") and "```" not in text:
        return text, notes  # the usual case: nothing around the JSON
    chars = list(text)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if chars[k] != "\n":
                chars[k] = " "

    for m in _FENCE.finditer(text):
        notes.append((m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), "markdown code fence"))
        blank(m.start(), m.end())
    cleaned = "".join(chars)
    first = min([i for i in (cleaned.find("{"), cleaned.find("[")) if i >= 0], default=-1)
    if first > 0 and cleaned[:first].strip():
        lead = len(cleaned[:first]) - len(cleaned[:first].lstrip())
        notes.append((lead, "text before the JSON object"))
        blank(0, first)
    last = max(cleaned.rfind("}"), cleaned.rfind("]"))
    if 0 <= last < len(cleaned) - 1 and cleaned[last + 1 :].strip():
        tail = last + 1 + (len(cleaned[last + 1 :]) - len(cleaned[last + 1 :].lstrip()))
        notes.append((tail, "text after the JSON object"))
        blank(last + 1, len(chars))
    return "".join(chars), notes


def _pairs_hook(pairs):
    seen: dict = {}
    dups = []
    for k, v in pairs:
        if k in seen:
            dups.append(k)
        seen[k] = v
    if dups:
        seen["\x00sbc-duplicates"] = dups
    return seen


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(token: str) -> float:
    """A number literal as a float; one too large for a float (`1e309`) is refused, not read as infinity."""
    value = float(token)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {token[:40]} is too large (it overflows to infinity)")
    return value


def load_text(text: str, file: str = "<input>") -> Loaded:
    report = Report(file, text)
    loaded = Loaded(file, text, None, report)
    cleaned, notes = _strip_wrapping(text)
    for off, what in notes:
        line, col = _line_col(text, off)
        report.add(Diagnostic("SB102", Severity.ERROR, f"{what} around the storyboard", file, line, col,
                              "language-model output; run `sbc fix FILE --write` to repair it"))
    # The C parser guards its own recursion (RecursionError past ~1000 levels); the depth limit is checked
    # on the parsed value, and the text is walked for the position only when the limit is broken.
    try:
        data = json.loads(cleaned, object_pairs_hook=_pairs_hook, parse_constant=_reject_constant,
                          parse_float=_finite_float)
    except json.JSONDecodeError as e:
        msg = _explain_json_error(e)
        report.add(Diagnostic("SB101", Severity.ERROR, msg, file, e.lineno, e.colno, _json_hint(msg)))
        return loaded
    except ValueError as e:  # NaN/Infinity, integer too long
        text_msg = str(e)
        if "digits" in text_msg:
            m = _first_token(cleaned, lambda t: len(t) > 4000 and t.lstrip("-").isdigit())
            text_msg = "number has too many digits"
        elif "overflows" in text_msg:
            m = _first_token(cleaned, _overflows)
        else:
            m = _first_token(cleaned, lambda t: t in ("NaN", "Infinity", "-Infinity"))
        line, col = _line_col(text, m.start()) if m else (1, 1)
        report.add(Diagnostic("SB103", Severity.ERROR, text_msg, file, line, col, "use a finite number"))
        return loaded
    except RecursionError:
        too_deep = True
    else:
        too_deep = _depth(data) > MAX_DEPTH
    if too_deep:
        line, col = _line_col(text, _depth_offset(cleaned, MAX_DEPTH))
        report.add(Diagnostic("SB106", Severity.ERROR, f"nesting deeper than {MAX_DEPTH} levels", file, line, col))
        return loaded
    loaded.text = cleaned if notes else text
    loaded.data = _restore_tex(_collect_duplicates(data, loaded, ()), loaded, ())
    return loaded


# A TeX command written with one backslash in a JSON string whose first letter makes a valid JSON escape:
# "\frac" parses as a form feed and "rac", "\times" as a tab and "imes". Read back as the command it was (only
# when the letters after the control character spell one; after a newline only commands no line starts with).
_LOST_TEX = re.compile(r"[\x08\x0c\t\r\n]([A-Za-z]+)")
_ESCAPE_LETTER = {"\x08": "b", "\x0c": "f", "\t": "t", "\r": "r", "\n": "n"}
_AFTER_NEWLINE = frozenset({"nabla", "neq", "notin", "nmid", "nu", "neg", "nleq", "ngeq", "nexists", "nparallel"})


def tex_command(letter: str, rest: str) -> bool:
    """Whether backslash + `letter` + `rest` is a TeX command ("f" + "rac": \\frac) that a JSON escape
    (\\b \\f \\n \\r \\t) swallowed."""
    name = letter + rest
    if letter == "n":
        return name in _AFTER_NEWLINE
    from .mathtext import tex_commands  # (pure Python; imported only when a control character precedes letters)

    return name in tex_commands()


def _restore_tex(value, loaded: Loaded, path):
    if isinstance(value, str):
        if not _LOST_TEX.search(value):
            return value
        lost: list[re.Match] = []

        def back(m: re.Match) -> str:
            letter = _ESCAPE_LETTER[m.group(0)[0]]
            if not tex_command(letter, m.group(1)):
                return m.group(0)
            lost.append(m)
            return "\\" + letter + m.group(1)

        restored = _LOST_TEX.sub(back, value)
        if lost:
            first = "\\" + _ESCAPE_LETTER[lost[0].group(0)[0]] + lost[0].group(1)
            loaded.report.add(loaded.diag(
                "SB107", f"LaTeX written with one backslash: {first} in a JSON string reads as a control character "
                f"and {lost[0].group(1)!r}; read as {first}" + (f" (and {len(lost) - 1} more)" if len(lost) > 1 else ""),
                path, severity=Severity.WARNING, within=lost[0].group(0),
                hint="in JSON write two backslashes (\\\\frac); `sbc fix FILE --write` doubles them"))
        return restored
    if isinstance(value, dict):
        return {k: _restore_tex(v, loaded, path + (k,)) for k, v in value.items()}
    if isinstance(value, list):
        return [_restore_tex(v, loaded, path + (i,)) for i, v in enumerate(value)]
    return value


def _overflows(token: str) -> bool:
    try:
        return float(token) in (float("inf"), float("-inf")) and token not in ("Infinity", "-Infinity")
    except ValueError:
        return False


def _first_token(text: str, pred):
    """The first token outside strings for which `pred(token)` holds (a regex match), or None."""
    for m in _TOKEN.finditer(text):
        if pred(m.group(0)):
            return m
    return None


def _depth(value) -> int:
    """Nesting depth of a parsed value, counted as `_depth_offset` counts brackets (iteratively)."""
    best = 0
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        children = v.values() if isinstance(v, dict) else v if isinstance(v, list) else None
        if children is None:
            continue
        best = max(best, d)
        stack.extend((c, d + 1) for c in children if isinstance(c, (dict, list)))
    return best


def _collect_duplicates(value, loaded: Loaded, path):
    """Remove the duplicate-key marker left by `_pairs_hook`, reporting each duplicate."""
    if isinstance(value, dict):
        dups = value.pop("\x00sbc-duplicates", None)
        for k in dups or ():
            loaded.report.add(loaded.diag("SB105", f"duplicate key {k!r}: the last value wins", path + (k,),
                                          severity=Severity.WARNING, key=True))
        for k, v in value.items():
            _collect_duplicates(v, loaded, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _collect_duplicates(v, loaded, path + (i,))
    return value


def load_file(path: str | Path, display: str | None = None) -> Loaded:
    p = Path(path)
    file = display or str(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            r = Report(file)
            r.add(Diagnostic("SB104", Severity.ERROR, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}", file))
            return Loaded(file, "", None, r)
        raw = p.read_bytes()
    except OSError as e:
        r = Report(file)
        r.add(Diagnostic("SB107", Severity.ERROR, f"cannot read file: {e.strerror or e}", file))
        return Loaded(file, "", None, r)
    return load_bytes(raw, file)


def load_bytes(raw: bytes, file: str = "<input>") -> Loaded:
    if len(raw) > MAX_BYTES:
        r = Report(file)
        r.add(Diagnostic("SB104", Severity.ERROR, f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", file))
        return Loaded(file, "", None, r)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        good = raw[: e.start].decode("utf-8", errors="replace")
        line = good.count("\n") + 1
        col = len(good) - (good.rfind("\n") + 1) + 1
        r = Report(file)
        r.add(Diagnostic("SB100", Severity.ERROR, f"not UTF-8: byte 0x{raw[e.start]:02x} cannot be decoded", file,
                         line, col, "save the file as UTF-8"))
        return Loaded(file, "", None, r)
    return load_text(text, file)


def _depth_offset(text: str, limit: int) -> int:
    depth = 0
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        if t in "{[":
            depth += 1
            if depth > limit:
                return m.start()
        elif t in "}]":
            depth -= 1
    return 0


_JSON_MESSAGES = {
    "Expecting ',' delimiter": "expected ',' here (a missing comma between items?)",
    "Expecting ':' delimiter": "expected ':' after the key",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes (a trailing comma, or single quotes?)",
    "Expecting value": "expected a value",
    "Unterminated string starting at": "string is never closed",
    "Invalid control character at": "raw control character (newline or tab) inside a string",
    "Extra data": "extra data after the storyboard object",
    "Invalid \\escape": "invalid backslash escape in a string",
}


def _explain_json_error(e: json.JSONDecodeError) -> str:
    for k, v in _JSON_MESSAGES.items():
        if e.msg.startswith(k):
            return f"invalid JSON: {v}"
    return f"invalid JSON: {e.msg}"


def _json_hint(msg: str) -> str | None:
    if any(w in msg for w in ("comma", "control", "quotes", "never closed")):
        return "`sbc fix FILE` repairs common language-model JSON damage"
    return None


# ---------------------------------------------------------------------------------------------
# Source map: JSON path -> (line, col), computed lazily by a tokenizer walk.

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


@dataclass
class SourceMap:
    text: str
    values: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._walk()

    def _walk(self) -> None:
        # Iterative walk: a stack of containers; records the offset of every value and key.
        stack: list[list] = []  # [kind, path, next_index_or_key, expecting]
        pending_key: str | None = None
        for m in _TOKEN.finditer(self.text):
            tok = m.group(0)
            off = m.start()
            if not stack:
                path: tuple = ()
            else:
                top = stack[-1]
                if top[0] == "obj":
                    if tok == "}":
                        stack.pop()
                        continue
                    if tok == ",":
                        top[3] = "key"
                        continue
                    if tok == ":":
                        top[3] = "value"
                        continue
                    if top[3] == "key":
                        try:
                            pending_key = json.loads(tok)
                        except ValueError:
                            pending_key = tok
                        if not isinstance(pending_key, str):
                            pending_key = str(pending_key)
                        self.keys[top[1] + (pending_key,)] = off  # the last one wins, as in json.loads
                        top[2] = pending_key
                        top[3] = "colon"
                        continue
                    path = top[1] + (top[2],)
                else:
                    if tok == "]":
                        stack.pop()
                        continue
                    if tok == ",":
                        top[2] += 1
                        continue
                    path = top[1] + (top[2],)
            self.values[path] = off
            if tok == "{":
                stack.append(["obj", path, None, "key"])
            elif tok == "[":
                stack.append(["arr", path, 0, "value"])

    def _lc(self, off: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._line_starts, off) - 1
        return i + 1, off - self._line_starts[i] + 1

    def _best(self, table: dict, path: Path_) -> int:
        path = tuple(path)
        # Walk down; skip path components that are not in the document (e.g. union tags).
        best = self.values.get((), 0)
        cur: tuple = ()
        for comp in path:
            cand = cur + (comp,)
            if cand in self.values or cand in table:
                cur = cand
                best = table.get(cur, self.values.get(cur, best))
        return best

    def position(self, path: Path_, within: str | None = None) -> tuple[int, int]:
        off = self._best(self.values, path)
        if within and within.strip():
            # the text as it is written in the JSON string (escapes included); the start of it is enough (a
            # control character a TeX command lost its backslash to is where the caret goes: kept)
            lead = within if within[0] in _ESCAPE_LETTER else within.strip()
            needle = json.dumps(lead[:40], ensure_ascii=False)[1:-1]
            end = self.text.find('\n', off)
            found = self.text.find(needle, off, len(self.text) if end < 0 else max(end, off + 1))
            if found >= 0:
                off = found
        return self._lc(off)

    def key_position(self, path: Path_) -> tuple[int, int]:
        return self._lc(self._best(self.keys, path))
