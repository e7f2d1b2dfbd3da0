"""Numbers as storyboards write them: `2`, `-0.5`, `π`, `2π`, `2 pi`, `pi/2`, `3π/2`, `1/2`.

`NUM` is the pattern every planner rule uses for a number (a minus sign as a hyphen or as − U+2212) (it has no capturing group, so it can sit
inside the rules' own groups); `quantity` is its value. A range "from 0 to 4π" is 0..12.566, and
"t = 2 pi" is one value, 6.283 — not the number 2 followed by a word.
"""

from __future__ import annotations

import math
import re

NUM = r"[-−]?(?:\d+(?:\.\d+)?(?:\s?(?:π|pi\b))?|π|pi\b)(?:\s?/\s?\d+(?:\.\d+)?)?"
_PARTS = re.compile(r"([-−]?)(\d+(?:\.\d+)?)?\s?(π|pi)?(?:\s?/\s?(\d+(?:\.\d+)?))?")


def quantity(text: str) -> float:
    """The value of a NUM match (or of a float literal). Raises ValueError for anything else."""
    m = _PARTS.fullmatch(text.strip())
    if not m or not (m.group(2) or m.group(3)):
        return float(text)  # "1e-05", a number as Python prints it; anything else raises ValueError
    value = float(m.group(2) or 1) * (math.pi if m.group(3) else 1) / float(m.group(4) or 1)
    return -value if m.group(1) else value


def number(text: str) -> float | int:
    """A quantity; written as a whole number ("3"), an int."""
    v = quantity(text)
    return int(v) if v.is_integer() and re.fullmatch(r"[-−]?\d+", text.strip()) else v


def is_exact(text: str) -> bool:
    """Whether the text is a plain decimal (no π, no fraction): its value prints back as written."""
    return re.fullmatch(r"-?\d+(?:\.\d+)?", text.strip()) is not None


ELLIPSIS = r"(?:\.\s?\.\s?\.|…|etc\.?)"


def _parts(text: str) -> tuple[int, int] | None:
    """"1/8" -> (1, 8), "3" -> (3, 1): a whole number or a fraction of whole numbers, else None."""
    m = re.fullmatch(r"\s*(-?\d+)\s*(?:/\s*(\d+))?\s*", text)
    return (int(m.group(1)), int(m.group(2) or 1)) if m and int(m.group(2) or 1) else None


def _progression(seq: list[float], last: float, limit: int) -> list[float] | None:
    """seq continued by its constant difference, else its constant ratio, until it reaches `last` (inclusive)."""
    for step in ("difference", "ratio"):
        if step == "ratio" and (0 in seq or last == 0):
            continue
        moves = [b - a for a, b in zip(seq, seq[1:])] if step == "difference" else [b / a for a, b in zip(seq, seq[1:])]
        d = moves[0]
        if any(abs(m - d) > 1e-9 * max(1.0, abs(d)) for m in moves) or d == (0 if step == "difference" else 1):
            continue
        out = list(seq)
        while len(out) <= limit:  # ends: out grows each turn, up to limit + 1 terms
            nxt = out[-1] + d if step == "difference" else out[-1] * d
            if abs(nxt - last) <= 1e-9 * max(1.0, abs(last)):
                return out + [last]
            if (last - out[-1]) * (last - nxt) < 0 and not (abs(last - out[-1]) <= 1e-9):
                return None  # stepped past the last term: not this progression
            if abs(nxt - last) > abs(out[-1] - last) + 1e-9:
                break  # moving away from the last term
            out.append(nxt)
    return None


def expand_ellipsis(before: list[str], last: str, limit: int = 24) -> list[str] | None:
    """The terms a list written with an ellipsis stands for: "1, 1/2, 1/3, …, 1/8" -> 1, 1/2, …, 1/8;
    "2, 4, 6, …, 12"; "1, 1/2, 1/4, …, 1/16". Whole numbers and fractions with one numerator continue by their
    denominators (a constant difference first, then a constant ratio), other numbers by their values. None when
    the terms follow no such pattern or there would be more than `limit`; at least two terms come before the
    ellipsis ("1, …, 1/8" says no pattern)."""
    if len(before) < 2:
        return None
    parts = [_parts(t) for t in before + [last]]
    if all(parts) and len({n for n, _ in parts}) == 1 and any(d != 1 for _, d in parts):
        num = parts[0][0]
        dens = _progression([float(d) for _, d in parts[:-1]], float(parts[-1][1]), limit)
        if dens is not None and all(d.is_integer() and d > 0 for d in dens):
            return [str(num) if d == 1 else f"{num}/{int(d)}" for d in dens]
        return None
    try:
        values = [quantity(t) for t in before]
        end = quantity(last)
    except ValueError:
        return None
    seq = _progression(values, end, limit)
    if seq is None:
        return None
    exact = all(is_exact(t) for t in before + [last])
    return [f"{v:g}" if exact or not v.is_integer() else str(int(v)) for v in seq]
