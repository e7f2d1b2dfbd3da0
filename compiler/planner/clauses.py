"""A sentence that draws something and then acts on it in a clause of its own: "Show a matrix A = [[1, 2], [3, 4]]
and highlight the first row", "Show a bar chart of …, and then box the tallest bar", "Draw the tokens …; circle the
second one".

`operation_clauses` finds where such clauses start (after "and", "then", a comma or a semicolon, outside quotes and
brackets, with a verb of `lexicon.json` `operation_verbs` and what it acts on after it). The planner reads the
sentence as usual; when the sentence without its clauses draws exactly the same, the rules did not read the clauses,
and each is then planned on its own, on what the sentence drew (`compiler/plan.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .extract import mask_shown
from .knowledge import operation_verbs


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile(r"(?:\s*,\s*(?:and\s+)?(?:then\s+)?|\s*;\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|\s+then\s+)"
                      r"(?P<verb>(?i:" + operation_verbs() + r"))(?=\s+(?:(?i:the|a|an|it|its|this|that|these|those|each|"
                      r"every|all|both|one|row|column|cell|entry|term|node|point|bar|word|token)\b|[\x01(\[]|\d|[A-Z]))")


def _depths(text: str) -> list[int]:
    """The bracket depth at each character ((), [], {})."""
    out, depth = [], 0
    for ch in text:
        if ch in "([{":
            depth += 1
        out.append(depth)
        if ch in ")]}":
            depth = max(0, depth - 1)
    return out


def operation_clauses(sentence: str) -> tuple[str, list[str]]:
    """(the sentence without its operation clauses, the clauses in order, each starting with its verb)."""
    masked = mask_shown(sentence)
    depth = _depths(masked)
    cuts = [(m.start(), m.start("verb")) for m in _pattern().finditer(masked)
            if m.start() > 0 and depth[m.start()] == 0 and masked[:m.start()].strip()]
    if not cuts:
        return sentence, []
    ends = [c for c, _ in cuts[1:]] + [len(sentence)]
    clauses = [sentence[v:e].strip() for (_, v), e in zip(cuts, ends)]
    main = sentence[:cuts[0][0]].rstrip(" ,;")
    return (main + "." if not main.endswith((".", "!", "?")) else main), [c for c in clauses if c]
