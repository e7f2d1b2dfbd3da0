"""`sbc fix`: repair what language models do to JSON, then validate the result.

Fences, prose around the object, missing or trailing commas, raw newlines and control characters in
strings, single quotes: `json-repair` parses leniently; the repaired value is written back as
indented JSON. Text inside strings is kept as it was.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .atomic import write_atomic  # noqa: F401 - re-exported for callers of fix.write_atomic
from .load import Loaded, load_text


@dataclass(frozen=True)
class Repair:
    original: str
    repaired: str
    changed: bool
    damage: tuple[Diagnostic, ...]  # what the loader found in the original, as warnings

    def diff(self, name: str) -> str:
        return "".join(difflib.unified_diff(self.original.splitlines(keepends=True),
                                            self.repaired.splitlines(keepends=True),
                                            fromfile=f"{name} (original)", tofile=f"{name} (repaired)"))


class RepairFailed(Exception):
    pass


def repair_text(text: str, file: str = "<input>") -> Repair:
    loaded = load_text(text, file)
    if loaded.ok:
        lost_tex = [d for d in loaded.report.diagnostics if d.code == "SB107"]
        if lost_tex and _light_repair(text) is not None:
            # valid JSON whose LaTeX lost its backslashes to escapes (\frac, \times): the file with them doubled
            body = _light_repair(text, keep_text=True)
            return Repair(text, body, body != text, tuple(lost_tex))
        return Repair(text, text, False, ())
    damage = tuple(Diagnostic(d.code, Severity.WARNING, d.message + " (repaired)", d.file, d.line, d.col, None)
                   for d in loaded.report.errors)
    if any(d.code in ("SB100", "SB104", "SB106") for d in loaded.report.errors):
        raise RepairFailed(loaded.report.format())
    data = _light_repair(text)
    if data is None:
        import json_repair

        try:
            data = json_repair.loads(text)
        except (RecursionError, ValueError) as e:  # pragma: no cover - json_repair is lenient
            raise RepairFailed(f"{file}: SB101 cannot repair this JSON: {e}") from None
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict):
        data = data[0]
    if isinstance(data, list) and data and all(isinstance(x, dict) and ("scene_plot" in x or "animation_details" in x)
                                               for x in data):
        data = {"scenes": data}  # a bare array of scenes: the storyboard they make
    if not isinstance(data, dict) or not data:
        raise RepairFailed(f"{file}:1:1: SB101 cannot repair this JSON: no storyboard object found")
    repaired = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return Repair(text, repaired, True, damage)


def _light_repair(text: str, keep_text: bool = False):
    r"""The smallest repair that makes strict JSON, or None: the outermost object or array cut out of a fence or
    prose, commas before a closing bracket dropped, and the backslashes of LaTeX written with one (`\pi`, an
    invalid escape; `\frac`, which JSON reads as a form feed) doubled — nothing else inside a string is touched
    (a lenient parser given the whole text can misread escaped quotes in long strings). `keep_text`: the mended
    text itself (only the backslashes doubled), not its value."""
    for a, b in _regions(text):
        found = _mended(text, a, b, keep_text)
        if found is not None:
            return found
    return None


def _regions(text: str) -> list[tuple[int, int]]:
    """Where the storyboard may be, most likely first: the body of a ``` fence; from the first "{" or "[" to the last
    "}" or "]" (an object first: prose before it may hold a bracketed list, "[38, 27, 43]", that is no storyboard)."""
    out = []
    fence = re.search(r"```[\w+-]*[ \t]*\n(.*?)```", text, re.S)
    if fence:
        inner = fence.group(1)
        starts = [k for k in (inner.find("{"), inner.find("[")) if k >= 0]
        end = max(inner.rfind("}"), inner.rfind("]"))
        if starts and end > min(starts):
            out.append((fence.start(1) + min(starts), fence.start(1) + end))
    b = max(text.rfind("}"), text.rfind("]"))
    for a in sorted(k for k in (text.find("{"), text.find("[")) if k >= 0):
        if b > a and (a, b) not in out:
            out.append((a, b))
    return out


def _mended(text: str, a: int, b: int, keep_text: bool):
    """The text between a and b (inclusive) made strict JSON (see `_light_repair`), or None."""
    body, out, in_str, k = text[a:b + 1], [], False, 0
    while k < len(body):  # ends: k grows by at least one each turn
        ch = body[k]
        if in_str:
            if ch == "\\" and k + 1 < len(body):
                step = _escape_length(body, k)
                out.append(body[k:k + step] if step else "\\\\")  # a JSON escape as written, else a TeX backslash
                k += step or 1
                continue
            if ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == "," and body[k + 1:].lstrip()[:1] in ("}", "]") and not keep_text:
            k += 1
            continue
        out.append(ch)
        k += 1
    if keep_text:
        return text[:a] + "".join(out) + text[b + 1:]
    try:
        return json.loads("".join(out))
    except (ValueError, RecursionError):
        return None


def _escape_length(body: str, k: int) -> int:
    r"""How many characters the JSON escape at body[k] (a backslash) takes, or 0 when the backslash belongs to
    LaTeX: an invalid escape (`\pi`, `\cdot`) or a valid one that starts a TeX command (`\frac`, `\times`)."""
    from .load import tex_command

    nxt = body[k + 1]
    if nxt in '"\\/':
        return 2
    if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[k + 2:k + 6]):
        return 6
    if nxt in "bfnrt":
        run = re.match(r"[A-Za-z]+", body[k + 1:k + 41])
        return 0 if run and tex_command(nxt, run.group(0)[1:]) else 2
    return 0


def repair_loaded(loaded: Loaded) -> Loaded:
    """For `build --repair`: a damaged document becomes the repaired one; damage becomes warnings."""
    if loaded.ok or not loaded.report.source:
        return loaded
    rep = repair_text(loaded.report.source, loaded.file)
    fixed = load_text(rep.repaired, loaded.file)
    fixed.report.diagnostics[:0] = list(rep.damage)
    fixed.report.source = loaded.report.source  # carets point into what the user wrote
    fixed.line_map = _line_map(rep.repaired, loaded.report.source)  # and so do line numbers
    return fixed


def _line_map(repaired: str, original: str) -> list[int]:
    """For each line of the repaired text, the line of the original that reads the same (the repair drops
    fences and prose and mends lines, but keeps most lines as they were); unmatched lines follow their
    predecessor. Linear: a forward scan with a bounded look-ahead."""
    orig = [ln.strip() for ln in original.splitlines()]
    out, j = [], 0
    for k, ln in enumerate(repaired.splitlines()):
        text = ln.strip()
        hit = next((t for t in range(j, min(len(orig), j + 50)) if orig[t] == text and text), None)
        if hit is None:
            out.append(min(j, max(len(orig) - 1, 0)))
        else:
            out.append(hit)
            j = hit + 1
    return out
