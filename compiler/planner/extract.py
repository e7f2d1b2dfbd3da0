"""Parameters found in one sentence of `animation_details`: quoted strings, backticked formulas or
code, numeric vectors and matrices, `A -> B` chains, enumerations, counts and colours."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..mathtext import looks_like_math

QUOTED = re.compile(r'"([^"\n]{1,5000})"|\u201c([^\u201d\n]{1,5000})\u201d')
BACKTICK = re.compile(r"`([^`\n]{1,5000})`")
NUM = r"-?\d+(?:\.\d+)?"
VECTOR = re.compile(r"\[\s*" + NUM + r"(?:\s*,\s*" + NUM + r")+\s*\]")
MATRIX = re.compile(r"\[\s*(?:\[\s*" + NUM + r"(?:\s*,\s*" + NUM + r")*\s*\]\s*,?\s*){2,}\]")
ARROW = re.compile(r"\s*(?:->|→|=>|⟶)\s*")
WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass
class Extracted:
    sentence: str
    quoted: list[str] = field(default_factory=list)
    backticked: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    vectors: list[list[float]] = field(default_factory=list)
    matrices: list[list[list[float]]] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    pairs: list[tuple[str, list[float]]] = field(default_factory=list)  # "The" -> [0.1, 0.2]

    @property
    def shown_strings(self) -> list[str]:
        return self.quoted + self.backticked

    @property
    def low(self) -> str:
        return self.sentence.lower()


def _num(s: str) -> float | int:
    v = float(s)
    return int(v) if v.is_integer() and "." not in s else v


def extract(sentence: str) -> Extracted:
    ex = Extracted(sentence)
    for m in BACKTICK.finditer(sentence):
        s = m.group(1).strip()
        if not s:
            continue
        ex.backticked.append(s)
        math_cue = re.search(r"\b(formula|equation|addition|sum|product|expression)s?\b", sentence, re.I)
        code_cue = re.search(r"\b(code|monospace|snippet|command|function call)\b", sentence, re.I)
        (ex.formulas if looks_like_math(s) or (math_cue and not code_cue) else ex.code).append(s)
    no_ticks = BACKTICK.sub(" ", sentence)
    for m in QUOTED.finditer(no_ticks):
        s = (m.group(1) or m.group(2) or "").strip()
        if s:
            ex.quoted.append(s)
    for m in MATRIX.finditer(no_ticks):
        try:
            ex.matrices.append([[_num(str(x)) for x in row] for row in json.loads(m.group(0))])
        except (ValueError, TypeError):
            pass
    no_mats = MATRIX.sub(" ", no_ticks)
    for m in VECTOR.finditer(no_mats):
        vec = [_num(x) for x in re.findall(NUM, m.group(0))]
        before = no_mats[: m.start()]
        pm = re.search(r'"([^"]{1,40})"\s*(?:->|→|=>|becomes|to)\s*$', before)
        if pm:
            ex.pairs.append((pm.group(1), vec))
        else:
            ex.vectors.append(vec)
    # A -> B -> C chains outside quotes/vectors: "Input -> Encoder -> Decoder"
    plain = QUOTED.sub(" ", no_mats)
    if ARROW.search(plain) and not ex.pairs:
        parts = [p.strip(" .,;:'\"") for p in ARROW.split(plain)]
        if len(parts) >= 2:
            # keep the last few words before the first arrow and the first few after the others
            first = re.split(r"[:,;(]|\bshow\b|\bdisplay\b|\bwith\b", parts[0], flags=re.I)[-1].strip(" \"'")
            caps = re.search(r"((?:[A-Z0-9][\w'-]*\s?)+)$", first)
            first = caps.group(1).strip() if caps else " ".join(first.split()[-2:])
            rest = [re.split(r"[,;(]|\bwith\b|\band then\b", p, flags=re.I)[0].strip(" \"'") for p in parts[1:]]
            chain = [first] + rest
            if all(0 < len(c) <= 40 for c in chain):
                ex.chain = chain
    return ex


def enumeration(text: str) -> list[str]:
    """"input, hidden, and output layers" -> [input, hidden, output]; "A, B and C" -> [A, B, C]."""
    m = re.search(r"((?:[\w'()-]+(?:\s[\w'()-]+){0,3},\s+)+(?:and|or)\s+[\w'()-]+(?:\s[\w'()-]+){0,3})", text)
    if not m:
        m = re.search(r"([\w-]+)\s+and\s+([\w-]+)", text)
        return [m.group(1), m.group(2)] if m else []
    items = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group(1))
    items = [i.strip() for i in items if i.strip()]
    if items:
        items[0] = re.sub(r"^(?:with|of|for|like|such as|including|the|a|an)\s+", "", items[0], flags=re.I)
    return items


def count_in(text: str) -> int | None:
    m = re.search(r"\b(\d{1,3}|" + "|".join(WORD_NUMBERS) + r")\b", text.lower())
    if not m:
        return None
    w = m.group(1)
    return int(w) if w.isdigit() else WORD_NUMBERS[w]
