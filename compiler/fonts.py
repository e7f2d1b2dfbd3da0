"""Which scripts the installed fonts can draw: text no font covers would render as empty boxes.

Pango falls back across every installed font, so a character is drawable if any font covers it.
Coverage is asked of fontconfig (`fc-list :charset=HEX`), once per Unicode block that the drawn
strings use beyond Latin; the warning names the Debian package that adds the missing script.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import lru_cache
from typing import Iterable

# (first, last, script name, Debian package) — the blocks explainers actually use
BLOCKS: tuple[tuple[int, int, str, str], ...] = (
    (0x0370, 0x03FF, "Greek", "fonts-dejavu-core"),
    (0x0400, 0x04FF, "Cyrillic", "fonts-dejavu-core"),
    (0x0590, 0x05FF, "Hebrew", "fonts-noto-core"),
    (0x0600, 0x06FF, "Arabic", "fonts-noto-core"),
    (0x0900, 0x097F, "Devanagari", "fonts-noto-core"),
    (0x0E00, 0x0E7F, "Thai", "fonts-noto-core"),
    (0x1100, 0x11FF, "Hangul", "fonts-noto-cjk"),
    (0x3040, 0x30FF, "Japanese kana", "fonts-noto-cjk"),
    (0x3400, 0x9FFF, "CJK (Chinese/Japanese/Korean)", "fonts-noto-cjk"),
    (0xAC00, 0xD7AF, "Hangul", "fonts-noto-cjk"),
    (0x1F300, 0x1FAFF, "emoji", "fonts-noto-color-emoji"),
)


@lru_cache(maxsize=256)
def covered(codepoint: int) -> bool:
    """True if some installed font has this character (True when fontconfig cannot be asked)."""
    if not shutil.which("fc-list"):
        return True
    try:
        r = subprocess.run(["fc-list", f":charset={codepoint:x}", "family"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return bool(r.stdout.strip())


def missing_scripts(strings: Iterable[str]) -> dict[str, tuple[str, str]]:
    """{script: (example characters, package)} for scripts in `strings` no installed font draws."""
    seen: dict[tuple[int, int, str, str], list[str]] = {}
    for s in strings:
        for ch in s:
            cp = ord(ch)
            if cp < 0x0370 or unicodedata.category(ch) in ("Mn", "Cf", "Cc", "Zs"):
                continue
            for block in BLOCKS:
                if block[0] <= cp <= block[1]:
                    chars = seen.setdefault(block, [])
                    if ch not in chars and len(chars) < 3:
                        chars.append(ch)
                    break
    out: dict[str, tuple[str, str]] = {}
    for (lo, hi, script, package), chars in seen.items():
        if not covered(ord(chars[0])):
            out[script] = ("".join(chars), package)
    return out
