"""The planner's first stage: `animation_details` text -> the units the rules read, one per instruction.

Language models write details as prose, as numbered or bulleted lists, and as a line that ends with
a colon followed by lines of data ("A table with columns …:" then "Row 1: 1 | 10% of 1000 = $100 | $1100",
"Write the derivation line by line:" then one formula per line). Each prose sentence is a unit; each
list item starts a unit and loses its marker; a colon line and the data lines under it stay one unit
(kept on separate lines, so the rules see the rows). A ``` fenced block belongs to the sentence before it.
"""

from __future__ import annotations

import re

from ..text import split_sentences
from .knowledge import is_instruction

_FENCE = re.compile(r"```.*?(?:```|$)", re.S)
_MARKER = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-*\u2022]|step\s+\d{1,2}\s*[:.)])[ \t]+(?=\S)", re.I)
_LABELLED_LINE = re.compile(r"^(?:row|line|step|eq(?:uation)?)\s*\d{1,2}\s*[:.)]|^(?:math\s?tex|tex|text)\s*:?\s", re.I)
_AFTER_QUOTE = re.compile(r'(?<=[.!?]["\u201d])\s+(?=(?:Then|Next|Now|Finally|After that|Show|Display|Animate|Draw|'
                          r'Write|Add|Highlight|Fade|Reveal|Zoom|Move|Transition|Label|Plot|Use|Put|Place|End|Start)\b)')


def detail_sentences(details: str) -> list[str]:
    """The units of `animation_details`, in order."""
    if "```" in details or "\n" not in details.strip():
        return _sentences(details)
    out: list[str] = []
    head: str | None = None   # a line ending with ":" that may introduce data lines
    head_indent: int | None = None  # the indent of the head's list marker, if the head is a list item
    rows: list[str] = []

    def close() -> None:
        nonlocal head, rows
        if head is not None:
            units = _sentences(head)
            if rows:
                units[-1] = units[-1] + "\n" + "\n".join(rows)
            out.extend(units)
        head, rows = None, []

    for raw in details.split("\n"):
        marker = _MARKER.match(raw)
        indent = len(raw) - len(raw.lstrip()) if marker else None
        line = _MARKER.sub("", raw).strip()
        if not line:
            close()
            continue
        # a data line under the head; a list item as deep as the head's own item starts a new unit
        new_item = indent is not None and head_indent is not None and indent <= head_indent
        if head is not None and not new_item and _data_line(line):
            rows.append(line)
            continue
        close()
        if line.endswith(":"):
            head, head_indent = line, indent
        else:
            out.extend(_sentences(line))
    close()
    return out


def _data_line(line: str) -> bool:
    """A line under a colon line that is data for it: a row, a formula, a labelled line — not an instruction."""
    if _LABELLED_LINE.match(line) or re.fullmatch(r"`[^`]+`", line):
        return True  # "Line 2: …", "MathTex: …", or a line of backticked code
    if len(line) > 160 or is_instruction(line):
        return False
    return bool(re.search(r"[=|≈→]|\d", line)) and len(re.findall(r"[A-Za-z]{4,}", line)) <= 8


def _sentences(details: str) -> list[str]:
    """Sentences of a piece of details; a ``` fenced block belongs to the sentence before it
    ("Show the code:\\n```...```"), and the text after the block starts a new sentence."""
    out: list[str] = []
    pos = 0
    for m in _FENCE.finditer(details):
        before = split_sentences(details[pos:m.start()])
        if before and not re.search(r"[.!?]\s*$", before[-1]):
            before[-1] = before[-1] + "\n" + m.group(0)
        else:
            before.append(m.group(0))
        out.extend(before)
        pos = m.end()
    out.extend(split_sentences(details[pos:]))
    # 'Text appears: "You test positive. How worried should you be?" Then show …': the quote ended a sentence
    split = []
    for sentence in out:
        split.extend(p for p in _AFTER_QUOTE.split(sentence) if p.strip())
    return split
