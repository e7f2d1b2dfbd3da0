"""Numbers as storyboards write them: `2`, `-0.5`, `π`, `2π`, `2 pi`, `pi/2`, `3π/2`, `1/2`.

`NUM` is the pattern every planner rule uses for a number (it has no capturing group, so it can sit
inside the rules' own groups); `quantity` is its value. A range "from 0 to 4π" is 0..12.566, and
"t = 2 pi" is one value, 6.283 — not the number 2 followed by a word.
"""

from __future__ import annotations

import math
import re

NUM = r"-?(?:\d+(?:\.\d+)?(?:\s?(?:π|pi\b))?|π|pi\b)(?:\s?/\s?\d+(?:\.\d+)?)?"
_PARTS = re.compile(r"(-?)(\d+(?:\.\d+)?)?\s?(π|pi)?(?:\s?/\s?(\d+(?:\.\d+)?))?")


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
    return int(v) if v.is_integer() and re.fullmatch(r"-?\d+", text.strip()) else v


def is_exact(text: str) -> bool:
    """Whether the text is a plain decimal (no π, no fraction): its value prints back as written."""
    return re.fullmatch(r"-?\d+(?:\.\d+)?", text.strip()) is not None
