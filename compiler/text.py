"""Plain-text utilities shared by the planner and the narrator (no heavy imports)."""

from __future__ import annotations

import bisect
import re

_OPEN = {'"': '"', "`": "`", "(": ")", "[": "]", "{": "}", "\u201c": "\u201d"}
_ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "fig", "eq", "eqn", "approx", "no", "st", "prof", "prob",
                  "avg", "est", "resp", "cf", "ca", "al", "incl", "approx"}


# 'Dijkstra's Shortest Path' or ‘Visited’: a quotation in single quotes (an apostrophe inside a word is not
# one: the closing quote is not followed by a letter; at most three apostrophes inside keep the search linear).
# "'Bayes' Theorem: Reading a Test'": a possessive s' before a capitalised word is inside the quotation when
# the quotation closes later on the line
# (inside a quote, an apostrophe may be a prime: "f'(x)", and "\big(f(g(x))\big)' = …" — a bracket's derivative)
SINGLE_QUOTED = re.compile(r"(?<![\w'`])'(?=[^\s'])([^'\n`\"]{0,298}?(?:(?:'\w|(?<=s)'(?=\s[A-Z])|(?<=[A-Za-z])'{1,3}(?=[(\[{])|"
                           r"(?<=\))'(?=\s*[=<>+\-]\s*[^'\n]*'))"
                           r"[^'\n`\"]{0,298}?){0,6})"
                           r"(?<=[^\s'])'(?![\w'])(?!(?<=s')\s[A-Z][^'\n]{0,200}'(?![\w']))|"
                           r"\u2018([^\u2019\n`\"]{1,300})\u2019(?!\w)")


def _inside(spans: list[tuple[int, int]], starts: list[int], i: int) -> bool:
    """Whether i is inside one of the sorted, disjoint spans (before its closing quote)."""
    k = bisect.bisect_right(starts, i) - 1
    return k >= 0 and spans[k][0] < i < spans[k][1] - 1


_FACTORIAL_BEFORE = re.compile(r"(?:\d|\)|(?<![A-Za-z])[A-Za-z])$")  # "3!", "(n-1)!", "n!"
_MATH_AFTER = re.compile(r"\s+(?:[-+\u2212=\u00d7\u00b7*/<>\u2248\u2264\u2265]|\d|[a-z]|\\[,;:!]|\\[a-z]+\b)")  # "+ x⁵/5!", "= 120", "ways", "n! \\, c_n"


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, never inside quotes (single quotes too), backticks or brackets.

    A sentence ends at `.`, `!`, `?` (or `…`) followed by whitespace, outside any quoted or
    bracketed span, unless the word before the dot is a common abbreviation or a single letter, or the
    dots are an ellipsis followed by a lowercase word.
    Decimal numbers (`0.5`) never split because no whitespace follows the dot.
    """
    sentences: list[str] = []
    stack: list[str] = []
    single = [m.span() for m in SINGLE_QUOTED.finditer(text)] if ("'" in text or "\u2018" in text) else []
    starts = [a for a, _ in single]
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in _OPEN and not (stack and stack[-1] in ('"', "`", "\u201d")):
            if ch == '"' and stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append(_OPEN[ch])
        elif ch in ".!?\u2026" and not stack and not _inside(single, starts, i):
            j = i + 1
            while j < n and text[j] in ".!?\u2026\"'\u201d)":
                j += 1
            if j >= n or text[j].isspace():
                if ch == "!" and j == i + 1 and _FACTORIAL_BEFORE.search(text, 0, i) and _MATH_AFTER.match(text, j):
                    i = j  # "x³/3! + x⁵/5!", "n! ways": a factorial, not the end of a sentence
                    continue
                if ch == "." and j == i + 1 and i > start and text[i - 1] in " \t" and re.match(r"[ \t]+[^\sA-Z]", text[j:j + 3]):
                    i = j  # "the path . → com → example": a dot standing alone (the root of the names), not an end
                    continue
                m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[start:i])
                word = m.group(1) if m else ""
                if ch == "." and word and word.lower() in _ABBREVIATIONS:
                    i = j
                    continue
                if (ch == "\u2026" or text.startswith("...", i)) and re.match(r"\s+[a-z]", text[j:j + 3]):
                    i = j  # '"Comparisons: 1" ... up to "Comparisons: 7"': an ellipsis inside the sentence
                    continue
                piece = text[start:j].strip()
                if piece:
                    sentences.append(piece)
                start = j
                i = j
                continue
        i += 1
        # Unbalanced quotes must not swallow the rest of the text: give up on a span at a newline.
        if stack and i < n and text[i] == "\n":
            stack.clear()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def slugify(text: str, max_len: int = 40) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return (s[:max_len].rstrip("-")) or "x"


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+", text)


# Speech: a voice reads a word of a few dozen letters fine; a "word" of thousands (a pasted hash, a
# URL, a run of one letter) makes neural voices fail or run for minutes. Links are read as their
# host, anything longer than this is replaced by a short phrase (and `validate` warns, SB213).
MAX_SPOKEN_WORD = 60
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.I)


def unspeakable_words(text: str) -> list[str]:
    """The words of `text` (links aside) too long to be read aloud."""
    return [w for w in URL.sub(" ", text).split() if len(w) > MAX_SPOKEN_WORD]


def as_written(v) -> str:
    """A number a storyboard wrote, as it wrote it: 14.393 stays 14.393 and 1.416667 stays 1.416667 (a table cell or
    a matrix entry is never rounded to six digits), 3.0 reads 3. Text stays as it is."""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    return str(v)
