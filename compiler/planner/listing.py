"""The pieces the layout rules (steps, table, grid, cards, comparison, sequence, transform) read from a sentence.

Quoted and backticked items in order, row cells split at the top level (never inside brackets, quotes or
a number's thousands), number lists, cues in the sentence's own words, and `claim`: a rule that draws a
string adds it to `ctx.consumed`, and the later rules that read the extracted parameters without looking
at `consumed` (formulas for `rule_equation`, word -> vector pairs for `rule_matrix`) get the claimed ones
removed from the sentence's `Extracted`.
"""

from __future__ import annotations

import re
from .beats import Beat
from .extract import Extracted
from .context import Context, since_clear


Q = r'(?:"([^"\n]{1,300})"|\u201c([^\u201d\n]{1,300})\u201d)'   # a quoted string (straight or curly quotes)


def quoted_cells(text: str) -> list[str]:
    """The quoted strings of `text` in turn, empty ones kept ('columns "", "Test +", "Total"': an empty corner cell) —
    `Q` needs a character, so it would read '", "' between two quotes as a string."""
    return [(m.group(1) if m.group(1) is not None else m.group(2) or "").strip()
            for m in re.finditer(r'"([^"\n]{0,300})"|\u201c([^\u201d\n]{0,300})\u201d', text)]


ITEM = re.compile(r'`([^`\n]{1,300})`|"([^"\n]{1,300})"|\u201c([^\u201d\n]{1,300})\u201d')  # backticked or quoted


# "cells containing 7, 2, 9", "a row … containing the numbers 7, 2, 1, 8", "filled with the values: 3, 1, 4": a row's values
HOLDING = re.compile(r"\b(?:containing|holding|with|filled\s+with|contains?|holds?)(?:\s+(?:the\s+)?(?:(?:sorted|unsorted|following|"
                     r"given|input|random)\s+)?(?:values|numbers|digits|elements|items|"
                     r"keys|entries|integers))?\s*:?\s*((?:-?\d+(?:\.\d+)?\s*,\s*){2,15}-?\d+(?:\.\d+)?)\b(?![.,]\d)", re.I)
NUMBER_LIST = re.compile(r":\s*((?:-?\d+(?:\.\d+)?\s*,\s*){2,15}-?\d+(?:\.\d+)?)\b")  # "…: 5, 1, 4, 2, 8"


_SHOWN = re.compile(r'`[^`\n]*`|"[^"\n]*"|\u201c[^\u201d\n]*\u201d')


def cue_unquoted(ex: Extracted, pattern: str) -> bool:
    """A cue in the sentence's own words, not in the quoted or backticked text it shows
    ("labelled "tokens generated"" is no token sequence)."""
    return re.search(pattern, _SHOWN.sub(" ", ex.sentence).lower()) is not None


def match_text(m: re.Match, first: int = 1) -> str:
    return (m.group(first) or m.group(first + 1) or "").strip()


def claim(ex: Extracted, ctx: Context, strings) -> None:
    """Mark strings as drawn, and take them out of the parameters later rules draw without checking."""
    strings = [s for s in strings if s]
    ctx.consumed.update(strings)
    ex.formulas[:] = [f for f in ex.formulas if f not in ctx.consumed]
    ex.pairs[:] = [p for p in ex.pairs if p[0] not in ctx.consumed]


def shown_items(sentence: str) -> list[tuple[str, bool, int]]:
    """Backticked and quoted strings in order: (text, backticked, position)."""
    out = []
    for m in ITEM.finditer(sentence):
        if m.group(1) is not None:
            out.append((m.group(1).strip(), True, m.start()))
        else:
            out.append(((m.group(2) or m.group(3) or "").strip(), False, m.start()))
    return [x for x in out if x[0]]


_THOUSANDS = re.compile(r",\d{3}(?!\d)")


def top_level_split(text: str, seps: str = r",|;|\bthen\b|→|⇒|=>|⟹") -> list[str]:
    """Split at separators outside brackets."""
    parts, depth, start, i = [], 0, 0, 0
    pattern = re.compile(seps)
    while i < len(text):  # ends: i grows on every turn (or jumps to a later match end)
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = pattern.match(text, i)
            if m and ch == "," and i and text[i - 1].isdigit() and _THOUSANDS.match(text, i):
                m = None  # "$1,628.89": a thousands separator
            if m and m.end() > i:
                parts.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip(" .") for p in parts if p.strip(" .")]


# ----------------------------------------------------------------------------- table
def row_cells(group: str) -> list[str]:
    """The cells of one row, each kept whole: `pi/2 | 0` is two cells, "pi/2" and "0". A row is split
    at `|` when it has one, else at a spaced ` / ` ("GPT-2" / "1.5B"), else at commas."""
    quoted = [match_text(m) for m in re.finditer(Q, group)]
    if quoted:
        return quoted
    sep = r"\s*\|\s*" if "|" in group else r"\s+/\s+" if re.search(r"\s/\s", group) else r"\s*,\s*"
    cells = [unquoted_cell(c) for c in re.split(sep, group)]
    return [c for c in cells if c]


def unquoted_cell(cell: str, keep: str = " .") -> str:
    """A cell without the quotes around it (and without `keep`'s characters at its ends); a prime at its end stays
    ("5' → 3'", "f'")."""
    cell = cell.strip(keep + "\"\u201c\u201d")
    if cell.startswith(("'", "\u2018")):
        cell = cell.strip("'\u2018\u2019").strip(keep)
    return cell


def cell_number(s: str):
    """A cell: a number, or the text as written when writing it as a number would change it ("1.0")."""
    if re.fullmatch(r"-?(?:0|[1-9]\d{0,14})", s):
        return int(s)  # (not "000" or "011": a code, its zeros kept)
    if re.fullmatch(r"-?\d+\.\d*[1-9]", s) and repr(float(s)) == s.lstrip("+"):
        return float(s)  # (not "0.000003", which a float would show as 3e-06)
    return s


def since_clear_of_kind(ctx: Context, kind: str) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == kind), None)


# "Drop 20 dots one after another at random positions in the square", "scatter 50 random dots": points at random
RANDOM_DOTS = (r"\b(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\s+(?:\w+\s+)?(?:dots|points)\b"
               r"[^.;]{0,60}?\b(?:at\s+random|randomly|random\s+(?:positions?|places|spots|locations))\b|"
               r"\brandom(?:ly\s+placed)?\s+dots\b")
