"""Parameters found in one sentence of `animation_details`: quoted strings, backticked formulas or
code, fenced code blocks, formulas written in the prose (`Show the substitution f(2) = (2^2 - 4) /
(2 - 2)`), numeric vectors and matrices, `A -> B` chains, enumerations, ranges, counts and colours."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..mathtext import looks_like_math, said_in_words, undoubled
from ..text import SINGLE_QUOTED
from .knowledge import described_changes, formula_words
from .quantity import NUM, number as _num, quantity

QUOTED = re.compile(r'"([^"\n]{0,5000})"|\u201c([^\u201d\n]{0,5000})\u201d')
BACKTICK = re.compile(r"`([^`\n]{1,5000})`")
VECTOR = re.compile(r"\[\s*" + NUM + r"(?:\s*,\s*" + NUM + r")+\s*\]")
MATRIX = re.compile(r"\[\s*(?:\[\s*" + NUM + r"(?:\s*,\s*" + NUM + r")*\s*\]\s*,?\s*){2,}\]")
# a matrix written by rows: "[2 1; 5 3]", "[1, 2; 3, 4]", an augmented one "[2 1 | 1 0; 5 3 | 0 1]", or its rows
# one bracket each, "[2 1 | 1 0]  [5 3 | 0 1]"
ROWS_MATRIX = re.compile(r"\[[^\[\]\n]{3,300}\](?:[ \t]*\n?[ \t]*\[[^\[\]\n]{3,300}\]){0,11}")
_CELL = re.compile(r"[-−]?(?:\d+(?:\.\d+)?(?:/\d+)?|[A-Za-z][\w']?)")
ARROW = re.compile(r"\s*(?:->|→|=>|⟶)\s*")
WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "twelve": 12, "sixteen": 16, "twenty": 20}


@dataclass
class Extracted:
    sentence: str
    quoted: list[str] = field(default_factory=list)
    backticked: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    vectors: list[list[float]] = field(default_factory=list)
    matrices: list[list[list[float]]] = field(default_factory=list)
    bars: list[tuple[list, int]] = field(default_factory=list)  # (a matrix of `matrices`, columns left of its bar)
    chain: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)  # a row of bracketed box labels on one line: "[Client]  [Server]"
    pairs: list[tuple[str, list[float]]] = field(default_factory=list)  # "The" -> [0.1, 0.2]
    prose: list[tuple[str, int, int]] = field(default_factory=list)  # formulas in the prose: (text, start, end)
    code_block: str | None = None  # a fenced ``` block, or backticked lines one under the other
    bare: str = ""                 # the sentence with quoted/backticked text blanked (cue words only)

    @property
    def shown_strings(self) -> list[str]:
        return self.quoted + self.backticked

    @property
    def low(self) -> str:
        return self.sentence.lower()



_NAMED_ROW = re.compile(r"(?im)^\s*row\s*(\d{1,2})\s*[:=]\s*\[?((?:[-−]?\d+(?:\.\d+)?(?:/\d+)?[ \t,]+){0,11}[-−]?\d+(?:\.\d+)?"
                        r"(?:/\d+)?)\]?[ \t]*[.;,]?[ \t]*$")


def written_by_rows(text: str) -> tuple[list[tuple[list[list], int | None]], str]:
    """The matrices the text writes by rows — "row 1: 0.8  0.2" then "row 2: 0.4  0.6" one a line, "[2 1; 5 3]",
    "[2 1 | 1 0; 5 3 | 0 1]" — each with the columns left of its bar (None: no bar); and the text with the bracketed
    ones blanked."""
    out: list[tuple[list[list], int | None]] = []
    named = _NAMED_ROW.findall(text)
    if len(named) >= 2 and [int(k) for k, _ in named] == list(range(1, len(named) + 1)):
        rows = [[_cell(c) for c in re.split(r"[,\s]+", cells.strip()) if c] for _, cells in named]
        if len({len(r) for r in rows}) == 1:
            out.append((rows, None))
    for m in ROWS_MATRIX.finditer(text):
        found = rows_matrix(m.group(0))
        if found is not None:
            out.append(found)
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return out, text


def rows_matrix(written: str) -> tuple[list[list], int | None] | None:
    """The rows of a matrix written by rows ("[2 1 | 1 0; 5 3 | 0 1]", or one bracket a row, each with its bar) and
    how many columns stand left of its bar (None: no bar); None when it is no such matrix: rows of unequal length, a
    bar in some rows only, a cell that is no number or short symbol, a single row."""
    groups = re.findall(r"\[([^\[\]\n]*)\]", written)
    if len(groups) > 1 and not all("|" in g for g in groups):
        return None
    rows_written = [r for g in groups for r in g.split(";")]
    if len(rows_written) < 2:
        return None
    rows, bars = [], set()
    for r in rows_written:
        halves = [[c for c in re.split(r"[,\s]+", h.strip()) if c] for h in r.split("|")]
        if len(halves) > 2 or not all(halves) or not all(_CELL.fullmatch(c) for h in halves for c in h):
            return None
        bars.add(len(halves[0]) if len(halves) == 2 else None)
        rows.append([_cell(c) for h in halves for c in h])
    if len(bars) != 1 or len({len(r) for r in rows}) != 1:
        return None
    return rows, bars.pop()


def _cell(c: str):
    """An entry as written: a number as a number ("−2" is -2), a fraction or a symbol as its text."""
    c = c.replace("\u2212", "-")
    return _num(c) if re.fullmatch(r"-?\d+(?:\.\d+)?", c) else c


FENCE = re.compile(r"```[\w+-]*[ \t]*\n?(.*?)(?:```|$)", re.S)
CODE_LINES = re.compile(r"(?:`[^`\n]+`[ \t]*\n[ \t]*)+`[^`\n]+`")


# kept as written: code, and text already in double quotes ("insert('bird')", "occupied by 'cat'"); a quoted
# argument of a call (hash('cat')) is a string of the formula, not a quotation
_KEEP = re.compile(r"```.*?(?:```|$)|`[^`\n]*`|\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|(?<=[\w\]])\('[^'\n()]{0,40}'\)", re.S)


_QUOTED_CALL = re.compile(r"(?<![\w'])['\u2018]([A-Za-z_][\w.]{0,30}\('[^'\n()]{0,40}'\))['\u2019](?!\w)")


def canonical_quotes(sentence: str) -> str:
    """Quotations in single quotes become double-quoted, the one quotation mark every rule reads."""
    if "'" not in sentence and "\u2018" not in sentence:
        return sentence
    # "'enqueue('A')': box 'A' slides in": a quoted call with a quoted argument — the outer marks are the quotation's
    sentence = _QUOTED_CALL.sub(r'"\1"', sentence)
    # "columns: '' (row names), 'Stack', 'Queue'": an empty cell in single quotes is an empty quotation
    sentence = re.sub(r"(?<![\w'])''(?![\w'])", '""', sentence)
    out, pos = [], 0
    for keep in list(_KEEP.finditer(sentence)) + [None]:
        end = keep.start() if keep else len(sentence)
        out.append(SINGLE_QUOTED.sub(lambda m: '"' + (m.group(1) if m.group(1) is not None else m.group(2)) + '"',
                                      sentence[pos:end]))
        if keep:
            out.append(keep.group(0))
            pos = keep.end()
    return "".join(out)


_INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?![\s$])([^$\n]{1,300}?)(?<![\s\\])\$(?![\w$])|\\\((.{1,300}?)\\\)")


def inline_math(sentence: str) -> str:
    """LaTeX written inline in the prose — `$y = x^2 - 2x - 3$`, `\\( \\frac{b}{a} \\)` — is a formula as a backticked
    one is (outside quotations: a quoted "$x^2$" stays one quoted string); a price is not ("$1000 and $2000")."""
    if "$" not in sentence and "\\(" not in sentence:
        return sentence
    quoted = [m.span() for m in re.finditer(r'"[^"\n]*"', sentence)]

    def tick(m: re.Match) -> str:
        body = m.group(1) if m.group(1) is not None else m.group(2)
        if any(a <= m.start() < b for a, b in quoted) or "`" in body:
            return m.group(0)
        if m.group(1) is not None and not (looks_like_math(body) or "\\" in body or re.fullmatch(r"[A-Za-z]", body)):
            return m.group(0)
        return "`" + body.strip() + "`"

    return _INLINE_MATH.sub(tick, sentence)


_MANIM_CALL = re.compile(r"\b(?:MathTex|Tex|Text|MarkupText|Title|Paragraph)\(\s*r?\"((?:[^\"\\]|\\.){0,400}?)\"\s*"
                         r"(?:,[^()]{0,80})?\)")


def manim_calls(sentence: str) -> str:
    """`Text("area 10")`, `MathTex("\\det(A) = 10")`, `MathTex(r"x^2", font_size=40)`: the string shown, quoted — the
    way a model that writes Manim code describes text on screen (the call itself is never drawn)."""
    if "(" not in sentence or not re.search(r"\b(?:MathTex|Tex|Text|MarkupText|Title|Paragraph)\(", sentence):
        return sentence
    return _MANIM_CALL.sub(lambda m: '"' + undoubled(m.group(1)) + '"', sentence)


# "labelled MathTex \\theta", "Label them MathTex y = \\theta and MathTex y = \\sin\\theta", "Below, in smaller type:
# MathTex f = \\frac{1}{T}": the name of Manim's formula class before a formula says "typeset this" — it is never shown
# (before a quoted formula, or in "(render as MathTex x, h, \\hat{y})", the rules read the word themselves)
_MANIM_WORD = re.compile(r"(?<!\bas )\bMathTex\s+(?![\"'\u201c\u2018`])(?=\\[A-Za-z]|[^\s\\]{0,12}?[\\^_=]|[A-Za-z]{1,3}(?:[\s.,;]|$)|\d)")


def manim_words(sentence: str) -> str:
    """`sentence` without the word MathTex before the formula it introduces (`manim_calls` reads the calls)."""
    return _MANIM_WORD.sub("", sentence) if "MathTex" in sentence else sentence


def _formula_lines(lines: list[str]) -> bool:
    """Backticked lines one under the other that are each a relation written as maths, none of them code."""
    from ..mathtext import _CODE_LIKE, looks_like_math

    return all(re.search(r"[=≈<>≤≥]", x) and looks_like_math(x) and not _CODE_LIKE.search(x)
               and not re.search(r"\b(?:for|while|if|else|elif|in|and|or|not|range|len|self|None|True|False)\b|:\s*$", x)
               for x in lines)


def extract(sentence: str) -> Extracted:
    sentence = canonical_quotes(manim_words(manim_calls(sentence)))
    ex = Extracted(sentence)
    fence = FENCE.search(sentence)
    if fence and fence.group(1).strip():
        # "Show the code:\n```\ndef f(x): ...```": one code block; the prose around it is read as usual
        ex.code_block = fence.group(1).strip("\n").rstrip()
        sentence = (sentence[: fence.start()] + " " + sentence[fence.end():]).strip()
        ex.sentence = sentence
    else:
        lines = CODE_LINES.search(sentence)
        if lines and _formula_lines([x[1:-1] for x in re.findall(r"`[^`\n]+`", lines.group(0))]):
            lines = None  # `v = distance / time` / `v = λ / T` / …: a derivation, one formula a line, not code
        if lines:
            # `def retry(next):` / `    def handler(request):` / ... one backticked line under the other
            ex.code_block = "\n".join(x[1:-1] for x in re.findall(r"`[^`\n]+`", lines.group(0)))
            sentence = (sentence[: lines.start()] + " " + sentence[lines.end():]).strip()
            ex.sentence = sentence
    if "$" in sentence or "\\(" in sentence:
        sentence = ex.sentence = inline_math(sentence)  # (after the code: `$` lines are no code block)
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
            ex.matrices.append([[_num(str(x)) for x in row] for row in json.loads(m.group(0).replace("\u2212", "-"))])
        except (ValueError, TypeError):
            pass
    no_mats = MATRIX.sub(" ", no_ticks)
    found_rows, no_mats = written_by_rows(no_mats)
    for rows, bar in found_rows:
        ex.matrices.append(rows)
        if bar:
            ex.bars.append((rows, bar))
    for m in VECTOR.finditer(no_mats):
        vec = [_num(x) for x in re.findall(NUM, m.group(0))]
        before = no_mats[: m.start()]
        pm = re.search(r'"([^"]{1,40})"\s*(?:->|→|=>|becomes|to)\s*$', before)
        if pm:
            ex.pairs.append((pm.group(1), vec))
        else:
            ex.vectors.append(vec)
    ex.bare = mask_shown(sentence)
    ex.prose = formula_spans(sentence)
    ex.boxes = box_row(sentence)
    # A -> B -> C chains outside quotes/vectors and formulas: "Input -> Encoder -> Decoder"
    plain = QUOTED.sub(" ", no_mats)
    # (a formula with an arrow in it — "x → 0" — is no chain; numbers or names joined by arrows alone,
    # "12 → 7 → 31 → 5", are the nodes of one)
    nodes_said = re.search(r"\b(?:nodes?|boxes|box|linked|list|pointers?|chain|links?)\b", sentence, re.I) is not None
    in_formula = any(re.search(r"->|→|=>|⟶", f) and not (nodes_said and re.fullmatch(
        r"\s*[\w.]+(?:\s*(?:->|→|⟶)\s*[\w.]+){2,}\s*[.,;]?\s*", f)) for f, _, _ in ex.prose)
    # ("A → B, C → D", "bucket 1: 15 → 22; bucket 3: 45 → 31 → 10": several chains or a mapping, never one chain)
    mapping = len(re.findall(r"(?:->|→|=>|⟶)[^,;→]*[,;]\s*[^,;→]+(?:->|→|=>|⟶)", plain)) >= 1
    if ARROW.search(plain) and not ex.pairs and not in_formula and not mapping:
        # "sin(x) -> cos(x) -> -sin(x)": a call's brackets stay with its node (hidden while the chain is split)
        plain = re.sub(r"(?<=\w)\(([^()]{1,12})\)", lambda m: "\x03" + m.group(1) + "\x04", plain)
        parts = [p.strip(" .,;:'\"") for p in ARROW.split(plain)]
        if len(parts) >= 2:
            # keep the last few words before the first arrow and the first few after the others
            first = re.split(r"[:,;(]|\bshow\b|\bdisplay\b|\bwith\b", parts[0], flags=re.I)[-1].strip().strip(" \"'")
            if len(first.split()) > 4 or not re.search(r"[:,;(]", parts[0]):
                caps = re.search(r"(?<![\w'-])((?:[A-Z0-9][\w'-]*\s?)+)$", first)
                last = first.split()[-1] if first.split() else ""
                # "the chain w1 -> z": a symbol (digits, underscores, one or two letters) is a node on its own
                first = caps.group(1).strip() if caps else last if re.search(r"[\d_\x03]", last) or len(last) <= 2 \
                    else " ".join(first.split()[-2:])
            # "so the chain reads cat → bird": the verb before the first node is none of its name
            first = re.sub(r"^(?:reads|read|is|are|becomes|become|shows|show|gives|give|says|looks)\s+", "", first, flags=re.I)
            rest = [re.split(r"[,;(]|\bwith\b|\band then\b|\s+as\s+|\s+(?:hanging|which|that|where|while)\b", p,
                             flags=re.I)[0].strip(" \"'") for p in parts[1:]]
            rest = [re.sub(r"^(?:and\s+)?back\s+to\s+(?:the\s+)?", "", p, flags=re.I) for p in rest]  # "… -> back to sin(x)"
            chain = [c.replace("\x03", "(").replace("\x04", ")") for c in [first] + rest]
            chain = _quoted_nodes(no_mats, chain)
            if all(0 < len(c) <= 40 and not re.search(r"[\[\]\n]", c) for c in chain) and not any(
                    # "… -> place at (3, 1)": a phrase cut before its object is an instruction, not a box
                    re.search(r"(?:^|\s)(?:at|to|in|on|of|with|the|a|an|by|for|from|into|onto)$", c) for c in chain) and not any(
                    # 'answer "no" -> boxes 7 and 8 turn red and fade': what happens on screen, not a box
                    len(c.split()) >= 3 and re.search(r"\b(?:" + described_changes() + r")\b", c, re.I) for c in chain) and all(
                    # ("(label "A^{-1}" in blue) → the grid …": a piece cut out of a bracket is no box)
                    c.count("(") == c.count(")") for c in chain):
                ex.chain = chain
    return ex


_BOX_ROW = re.compile(r"^[ \t]*\[[^\[\]\n]{1,80}\](?:[ \t]*(?:-+>|->|→|⟶|[-\u2013\u2014]{1,2})?[ \t]*\[[^\[\]\n]{1,80}\]){1,9}"
                      r"[ \t]*[.;]?[ \t]*$", re.M)


def box_row(sentence: str) -> list[str]:
    """The labels of a line written as boxes in brackets — "[Your laptop\\n(stub resolver)]  [Recursive resolver]" —
    in order, a label's escaped break made a line break; none when a bracket holds numbers or a formula ("[1, 4, 5]",
    "[x^2]") rather than a name."""
    m = _BOX_ROW.search(sentence) if "[" in sentence else None
    if m is None:
        return []
    labels = [x.replace("\\n", "\n").strip() for x in re.findall(r"\[([^\[\]\n]{1,80})\]", m.group(0))]
    if all(re.search(r"[A-Za-z]{2}", x) and not re.search(r"[=^_\\]|^[\d\s.,+-]*$", x.replace("\n", " "))
           for x in labels):
        return labels
    return []


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


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence cut at commas, semicolons and "and" outside brackets (not a thousands
    comma): "an input layer (784 neurons, draw 16 with an ellipsis)" and "P(+ | D, E)" stay whole. Blank ones left out."""
    out, depth, start = [], 0, 0
    for m in re.finditer(r"[([{]|[)\]}]|,(?!\d{3}(?!\d))|;|\band\b", text):  # ends: one match at a time over a finite string
        tok = m.group(0)
        if tok in "([{":
            depth += 1
        elif tok in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def count_in(text: str) -> int | None:
    m = re.search(r"\b(\d{1,3}|" + "|".join(WORD_NUMBERS) + r")\b", text.lower())
    if not m:
        return None
    w = m.group(1)
    return int(w) if w.isdigit() else WORD_NUMBERS[w]


# ----------------------------------------------------------------------------- formulas in the prose
_SHOWN_SPAN = re.compile(r'`[^`\n]*`|"[^"\n]*"|\u201c[^\u201d\n]*\u201d')


def before_quote(sentence: str, q: str) -> str | None:
    """The sentence up to and including the opening quote of the quoted `q` ("… labeled "" for "f" in '… from "A" to
    "B" labeled "f"'), or None when `q` is not quoted there — never the letters of `q` inside another word ("from")."""
    m = re.search(r"[\"\u201c]" + re.escape(q) + r"[\"\u201d]", sentence)
    return sentence[:m.start() + 1] if m else None


def mask_shown(sentence: str) -> str:
    """The sentence with quoted and backticked text blanked out (same length, so positions hold):
    cue words are looked for in what the sentence says, not in the strings it shows."""
    return _SHOWN_SPAN.sub(lambda m: "\x01" * len(m.group(0)), sentence)


_RESULT = re.compile(r"(?<!\S)(?:" + "|".join(sorted(formula_words()["result_verbs"], key=len, reverse=True))
                     + r")(?=\s)", re.I)
_SAID = "\x02"  # stands for the words of a formula said in words while the prose is read (same length)
_OPS = "=+−×*/÷^→←↔≈≤≥<>±·⋅≠∝⇒⟶∈⇌⇄⟺⇔⟹"
_STRONG_OP = re.compile(r"^(?:=|≈|\+|×|\*|/|÷|\^|→|⟶|->|-->|=>|⇒|≤|≥|<|>|<=|>=|≠|!=|±|·|⋅|-|−|∝|∈|⇌|⇄|<=>|<->|⟺|⇔|⟹)$")
_MATH_FUNCS = {"lim", "sin", "cos", "tan", "log", "ln", "exp", "det", "max", "min", "sqrt", "arg", "mod", "argmax",
               "argmin", "softmax", "var", "cov", "tr", "gcd", "lcm", "sinh", "cosh", "tanh", "sec", "csc", "cot"}
_GREEK_NAMES = {"pi", "theta", "lambda", "omega", "sigma", "phi", "mu", "epsilon"}
_UNITS = {"g", "kg", "mg", "mol", "m", "s", "ms", "km", "cm", "mm", "n", "j", "kj", "w", "kw", "l", "ml", "hz", "v",
          "h", "hour", "hours", "min", "minutes", "seconds", "days", "years",
          "a", "k", "pa", "kpa", "atm", "°c", "°f", "°", "%", "m/s", "m/s²", "m/s^2", "g/mol", "km/h", "mph", "ohm",
          "Ω", "cal", "kcal", "ev", "s²"}
_STOP_WORDS = {"the", "a", "an", "and", "or", "with", "to", "from", "of", "for", "in", "on", "at", "as", "by", "into",
               "onto", "over", "under", "below", "above", "then", "where", "when", "while", "that", "which", "is",
               "are", "be", "using", "along", "between", "showing", "labeled", "labelled", "next", "it", "its",
               "this", "these", "those", "each", "every", "until", "up", "down", "left", "right", "beside", "near",
               "so", "becomes", "become", "gives", "giving", "equals", "means", "if", "than", "like", "via", "per",
               "after", "before", "across", "through", "toward", "towards", "around", "inside", "outside", "both",
               "large", "big", "small", "bold", "font", "letters", "text", "color", "colour", "we", "get", "getting"}
_PER_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years decade "
                       "century metre meter kilogram mole person capita unit kg m s h".split())
_SEP_END = re.compile(r"[,;:]+$|\.$|[!?]+$")


def _tokens(masked: str) -> list[tuple[str, int, int, bool]]:
    """Space-separated tokens, a bracketed group kept whole across spaces: (text, start, end, ends_clause)."""
    out = []
    i, n = 0, len(masked)
    while i < n:  # ends: each turn consumes at least one character (the inner loops move i)
        while i < n and masked[i].isspace():  # ends: i grows
            i += 1
        if i >= n:
            break
        start, depth = i, 0
        while i < n and (depth > 0 or not masked[i].isspace()):  # ends: i grows
            ch = masked[i]
            if ch in "([{":
                depth += 1
            elif ch in ")]}" and depth:
                depth -= 1
            i += 1
            if depth > 0 and i - start > 300:
                break
        tok = masked[start:i]
        end_clause = False
        # "4!", "(n+1)!" and "xⁿ/n!" are factorials: the "!" stays with the number or the lone letter (a "!." or "!,"
        # ends the clause after it)
        m = re.search(r"(?:[,;:]+|\.|(?<![\d)])(?<![^A-Za-z][A-Za-z])(?<!^[A-Za-z])[!?]+|\?+)$", tok)
        if m and tok[m.start() - 1:m.start()] == "\\":
            m = None  # "\\," and "\\;" are TeX spaces, not the end of a clause
        elif re.fullmatch(r"\.{3,4}|\u2026\.?", tok):
            # "x³/3! + ...": the series goes on (an ellipsis, whole), and a dot after it or the end ends the clause
            end_clause = tok in ("....", "\u2026.") or not masked[i:].strip()
            tok, m = tok[:3] if tok[0] == "." else "\u2026", None
        if m and tok[: m.start()]:
            tok = tok[: m.start()]
            end_clause = True
        elif tok == "?" and re.search(r"(?:=|\\[,;])\s*$", masked[:start]):
            end_clause = True  # "\\int x e^x \\, dx = ?": the unknown is part of the formula
        if tok:
            # a line break ends a formula: "Box the results:\n dL/dw = (p - y)*x\n dL/db = p - y" are two
            gap = re.match(r"[ \t]*\n", masked[i:])
            out.append((tok, start, start + len(tok), end_clause or gap is not None))
    return out


_TEX_OP = re.compile(r"\\(?:to|rightarrow|leftarrow|Rightarrow|Leftarrow|leftrightarrow|longrightarrow|"
                     r"rightleftharpoons|implies|iff|mapsto|approx|equiv|sim|simeq|cong|propto|le|leq|ge|geq|ne|neq|"
                     r"times|cdot|div|pm|mp|in|quad|qquad)$")
_TEX_CMD = re.compile(r"\\(?:[A-Za-z]{2,}|[,;:!])")


def _kind(tok: str) -> str:
    """"op", "math", "unit", "wordish" (bracketed words), "word" or "stop"."""
    low = tok.lower()
    if "\x01" in tok:
        return "stop"
    if _SAID in tok:
        return "math"  # a formula said in words ("limit as x approaches 0 of")
    if _TEX_CMD.search(tok):  # LaTeX written in the prose: "\rightarrow" joins, "\frac{1}{2}" is maths
        return "op" if _TEX_OP.match(tok) else "math"
    if _STRONG_OP.match(tok) or (tok and all(c in _OPS or c in "-=<>!" for c in tok)):
        return "op"
    if tok in ("√", "Σ", "∑", "∫", "∏", "∂", "∇", "∞"):
        return "math"
    if re.search(r"[⌊⌋⌈⌉]", tok):
        return "math"  # "⌊log₂ 10⌋ + 1": a floor or a ceiling
    if tok in ("✓", "✔", "✗", "✘"):
        return "unit"  # "12 − 4.8 − 7.2 = 0 ✓": a check mark ends the line it checks, with it
    if tok == "?" or re.fullmatch(r"[^\W\d_]!", tok):
        return "math"  # "?" only after "=" (see _tokens); "n!": a factorial
    if re.fullmatch(r"d[xyztuvsθφ]", tok):
        return "math"  # a differential: "\\int x e^x \\, dx", "du = u' \\, dx"
    if low in _STOP_WORDS:
        return "stop"
    if low in _MATH_FUNCS or re.fullmatch(r"(?:log|lg|ln)(?:_?\d{1,2}|[₀-₉]{1,2})", low):
        return "math"  # sin, log, log2, log_10, log₁₀
    if low in _GREEK_NAMES:
        return "math"  # "T = 2 pi sqrt(L/g)", "omega t": a Greek letter spelled out is a symbol
    if re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z]+)+", tok) or re.fullmatch(r"[A-Za-z]+'[A-Za-z]*", tok) or re.fullmatch(
            r"[A-Za-z]{3,}-\d+[.,;:]?", tok):
        return "word"  # x-axis, i-hat, two-column, Newton's, carbon-14, GPT-3
    if re.fullmatch(r"\d+[-–]\d+", tok):
        return "word"  # 1450-1500: a range of years, not a subtraction
    if tok[0] in "([{" and tok[-1] in ")]}":
        inner = tok[1:-1]
        if len([w for w in re.findall(r"(?<![\\A-Za-z])[A-Za-z]{3,}", inner) if w.lower() not in _MATH_FUNCS]) >= 3:
            return "wordish"  # "(compute with repeated convolution of …)": a remark in brackets, not maths
        if re.search(r"[\d" + re.escape(_OPS) + r"]", inner) or re.fullmatch(r"[^\W\d_]{1,2}(?:\s*,\s*[^\W\d_]{1,2})*", inner):
            return "math"
        return "wordish"
    if low in _UNITS:
        return "unit"
    if re.search(r"\d", tok) or any(c in _OPS for c in tok) or re.search(r"[√Σ∑∫∏∂∇∞²³¹⁴ⁿ_]", tok):
        if re.fullmatch(r"[A-Za-z]{3,}\d*", tok):
            return "word"
        return "math"
    if re.fullmatch(r"[-−]?[^\W\d_]\u0302?", tok) or re.fullmatch(r"[-−]?[^\W\d_]['′]*", tok):
        return "math"  # a single letter (x, μ, î), or its negative ("F = -m g sin θ"): a variable
    if re.fullmatch(r"(?=[A-Z]?[a-z])[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]{2,4}", tok) and low not in ("nth", "st", "nd", "rd", "th", "mr", "dr",
                                                                                   "ms", "vs", "pp", "cm", "mm", "km", "kg"):
        return "math"  # "mgh", "Fd", "kx": letters with no vowel are a product of variables, not a word (not "TCP")
    if re.fullmatch(r"[A-Za-z]+'*\(.*\)", tok):  # f(x), f'(x), g''(v)
        return "math"  # f(x), Probability(Event), sin(x)
    return "word"


_TEX_INLINE = re.compile(r"\$\$(.+?)\$\$|\$(?=\S)([^$\n]{1,300}?)(?<=\S)\$(?!\d)|\\\((.+?)\\\)")


_TEX_MATRIX = re.compile(r"\s*(?:(?P<name>[A-Za-z](?:\^\{?-1\}?|_\{?\w\}?)?)\s*=\s*)?\\begin\{(?P<env>[bpvBV]?matrix)\}"
                         r"(?P<body>(?:(?!\\begin|\\end).){1,400})\\end\{(?P=env)\}\s*")


def tex_matrix(s: str) -> tuple[str | None, list[list]] | None:
    """A formula that is one matrix written in TeX ("A = \\begin{bmatrix} 4 & 7 \\\\ 2 & 6 \\end{bmatrix}"): (its name or
    None, its rows of cells); None for anything else (a product or an equation of matrices, rows of unequal length)."""
    m = _TEX_MATRIX.fullmatch(s)
    rows = [[_tex_cell(c) for c in r.split("&")] for r in re.split(r"\\\\", m.group("body")) if r.strip()] if m else []
    if not rows or len({len(r) for r in rows}) != 1 or len(rows) > 8 or len(rows[0]) > 8:
        return None
    return m.group("name"), rows


def _tex_cell(cell: str) -> float | int | str:
    t = " ".join(cell.split())
    try:
        v = float(t.replace("−", "-"))
    except ValueError:
        return t
    return int(v) if v.is_integer() and "." not in t else v


_TEX_ENV = re.compile(r"\\begin\{([A-Za-z]{1,12}\*?)\}(?:(?!\\begin\{|\\end\{).){0,400}?\\end\{\1\}", re.S)


_TEX_SPACE = re.compile(r"\\(?:[,;:! ]|q?quad)")


def formula_spans(sentence: str) -> list[tuple[str, int, int]]:
    """Formulas written in the prose, outside quotes and backticks: (text, start, end).

    A formula is a run of mathematical tokens (numbers, single-letter variables, `f(x)`, `x^2`,
    `H2O`, bracketed groups, `lim`, `√`…) joined by operators; a word joins it only next to an
    operator (`Price = 0.11 × Size + 90`, `6CO2 + 6H2O + light → C6H12O6`) or as a unit after a number
    (`4 g H2 ÷ 2 g/mol`). A comma, semicolon or colon ends it. The run must hold an operator.
    """
    masked = mask_shown(sentence)
    out: list[tuple[str, int, int]] = []
    # "A = \\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix}": a TeX environment is one piece of a formula (its "&" and
    # "\\\\" are no words), read as one token
    for m in _TEX_ENV.finditer(masked):
        masked = masked[:m.start()] + re.sub(r"\s", "\x04", m.group(0)) + masked[m.end():]
    # "$\\int_0^2 x^3\\,dx = 4$", "\\( a^2 + b^2 \\)": LaTeX's own delimiters hold one formula (not "$5 and $10")
    for m in _TEX_INLINE.finditer(masked):
        body = m.group(1) or m.group(2) or m.group(3) or ""
        if re.search(r"[\\^_=+<>]|[A-Za-z]\(|\d\s*/\s*\d", body) and not re.fullmatch(r"[\d.,\s]+", body):
            out.append((sentence[m.start(): m.end()].strip(), m.start(), m.end()))
            masked = masked[:m.start()] + "\x01" * (m.end() - m.start()) + masked[m.end():]
    # "Box the result: MathTex: W_{net} = \\Delta KE": what follows the label of a TeX formula to the end of its line is
    # the formula, whatever its words
    for m in re.finditer(r"\b(?:MathTex|LaTeX|Tex)\s*:\s*([^\n\x01]*?\\[A-Za-z][^\n\x01]*?)\s*\.?\s*$", masked,
                         re.M):
        if any(a < m.end(1) and m.start(1) < b for _, a, b in out) or any(
                w.lower() not in _MATH_FUNCS for w in re.findall(r"(?<![\\\w{_^])[A-Za-z]{3,}", m.group(1))):
            continue  # (prose after the formula — "… = uv and a caption" — is left to the token reading)
        out.append((sentence[m.start(1): m.end(1)].strip(), m.start(1), m.end(1)))
        masked = masked[:m.start(1)] + "\x01" * (m.end(1) - m.start(1)) + masked[m.end(1):]
    # "the limit as x approaches 0 of sin(x)/x", "the sum from i = 1 to n of i = n(n + 1)/2", "∫ from 0 to 2 of
    # x^2 dx": the words of a formula said in words are one piece of it, joined like a symbol to what follows
    for a, b in said_in_words(masked):
        masked = masked[:a] + _SAID * (b - a) + masked[b:]
        # "… of sin(x)/x is 1": after such words, "is" and "equals" say "=" (a word, then a formula, follows)
        clause = re.match(r"[^,;:]*?(?=[,;:]|\.(?:\s|$)|$)", masked[b:])
        for m in _RESULT.finditer(masked, b, b + (clause.end() if clause else 0)):
            between = [_kind(t) for t, *_ in _tokens(masked[b:m.start()])]
            after = _tokens(masked[m.end():m.end() + 200])[:2]
            if all(k in ("math", "op") for k in between) and after and _kind(after[0][0]) == "math" and not (
                    after[0][0] in ("a", "A") and len(after) > 1 and _kind(after[1][0]) == "word"):
                masked = masked[:m.start()] + re.sub(r"\S", "=", m.group(0)) + masked[m.end():]
            break
    toks = _tokens(masked)
    kinds = [_kind(t) for t, *_ in toks]
    n = len(toks)
    for j, (t, *_rest) in enumerate(toks):
        # "a" is an article, or the variable a next to an operator: "F = m × a", "show a = 30 / 10"
        if t in ("a", "A") and ((j + 1 < n and kinds[j + 1] == "op") or (j and kinds[j - 1] == "op")):
            kinds[j] = "math"
        elif t in ("a", "A") and _last_factor(toks, kinds, j):
            kinds[j] = "math"  # "F = m a in the center", "F_net = m a": the formula's last factor, not an article
        elif t == ":" and 0 < j < n - 1 and not toks[j - 1][3] and re.fullmatch(r"\d[\d.,]*", toks[j - 1][0]) and \
                re.fullmatch(r"\d[\d.,]*%?", toks[j + 1][0]):
            kinds[j] = "op"  # "10 : 99 × 10 = 100 : 99": a ratio, spaced — a colon between two numbers
    k = 0
    while k < n:  # ends: k grows on every turn (see the last line of the loop)
        if kinds[k] not in ("math", "op", "unit"):
            k += 1
            continue
        run = [k]
        j = k
        while not toks[j][3] and j + 1 < n:  # ends: j grows up to n - 1
            nxt = j + 1
            kind = kinds[nxt]
            prev_kind = kinds[j]
            if toks[nxt][0].lower() == "per" and prev_kind in ("math", "unit") and nxt + 1 < n and \
                    _SEP_END.sub("", toks[nxt + 1][0]).lower() in _PER_UNITS:
                # "λ ≈ 1.21 × 10⁻⁴ per year": the rate's unit, part of the formula
                run += [nxt, nxt + 1]
                j = nxt + 1
                continue
            if kind in ("math", "op"):
                pass
            elif kind == "unit" and prev_kind in ("math", "unit"):
                pass
            elif kind in ("word", "wordish", "unit") and (prev_kind == "op" or (nxt + 1 < n and kinds[nxt + 1] == "op")):
                pass
            elif kind == "wordish" and prev_kind in ("word", "math") and toks[j][2] + 1 >= toks[nxt][1] \
                    and len(toks[nxt][0].split()) <= 3:
                pass  # Probability (Event)
            else:
                break
            run.append(nxt)
            j = nxt
        # words right before an operator that starts the run: "Price = ...", "Probability (Event) = ..."
        if run and kinds[run[0]] == "op":
            b = run[0] - 1
            if b >= 0 and kinds[b] in ("word", "wordish") and not toks[b][3]:
                run.insert(0, b)
                if kinds[b] == "wordish" and b >= 1 and kinds[b - 1] == "word" and not toks[b - 1][3]:
                    run.insert(0, b - 1)
        # trim operators at the ends (a leading minus belongs to the number and is part of its token)
        while run and kinds[run[-1]] == "op":  # ends: pops
            run.pop()
        while run and kinds[run[0]] == "op" and toks[run[0]][0] not in ("√", "-", "−"):  # ends: pops
            run.pop(0)
        # ("2 = 2!, \; 6 = 3!": TeX's spaces between formulas belong to neither)
        while run and _TEX_SPACE.fullmatch(toks[run[0]][0]):  # ends: pops
            run.pop(0)
        while run and _TEX_SPACE.fullmatch(toks[run[-1]][0]):  # ends: pops
            run.pop()
        if run:
            text_toks = [toks[r][0] for r in run]
            has_op = any(kinds[r] == "op" or _TEX_CMD.search(toks[r][0]) or _SAID in toks[r][0] for r in run) or any(
                re.search(r"[=≈→^×÷/+*√Σ∑∫²³−]|(?<=[\w)])-(?=[\w(])|\s-\s|\)\(", toks[r][0])
                and not re.fullmatch(r"[A-Za-z]+/[A-Za-z]+|m/s²?|g/mol|km/h", toks[r][0]) for r in run
                if kinds[r] == "math")
            words = [t for r, t in zip(run, text_toks) if kinds[r] == "word"]
            mathy = [r for r in run if kinds[r] == "math"]
            ops = [toks[r][0] for r in run if kinds[r] == "op"]
            arrows_only = ops and all(o in ("→", "->", "⟶", "=>", "⇒") for o in ops) and not any(
                re.search(r"[+=×*/÷^]", toks[r][0]) for r in mathy)
            if arrows_only and any(kinds[r + d] in ("word", "wordish") or re.fullmatch(r"[A-Z]", toks[r + d][0])
                                   or toks[r + d][0].startswith("[")
                                   for r in run if kinds[r] == "op" for d in (-1, 1) if 0 <= r + d < n):
                has_op = False  # "Grams of A → Moles of A", "A -> B": a flow of named steps, not a formula
            if not mathy and ops.count("=") >= 1 and len(ops) >= 2:
                mathy = ops  # (Number of favorable outcomes) / (Total number of outcomes): a formula in words
            if len(run) == 1 and re.fullmatch(r"\d+(?:\.\d+)?-(?:[A-Za-z]{2,}|D)", toks[run[0]][0]):
                has_op = False  # "8-bit", "2-layer", "3-D": a compound word, not 8 minus bit
            if has_op and mathy and len(words) <= max(2, len(run) // 2):
                a, b = toks[run[0]][1], toks[run[-1]][2]
                if not any(a < e and s < b for _, s, e in out):
                    out.append((sentence[a:b].strip(), a, b))
        # Always move on: a run that shrank to the word before it ("diagram -") ends before k.
        k = max(k, run[-1]) + 1 if run else k + 1
    out.sort(key=lambda x: x[1])
    return _extend_to_cue(sentence, masked, _case_lines(sentence, _split_bracketed_list(sentence, out)))


def _case_lines(sentence: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"h = 0.5: slope = (12.25 - 9) / 0.5 = 6.5" alone on its line: a case and its result — one line of maths."""
    out: list[tuple[str, int, int]] = []
    for text, a, b in spans:
        if out:
            pa, pb = out[-1][1], out[-1][2]
            line_start = sentence.rfind("\n", 0, pa) + 1
            line_end = sentence.find("\n", b)
            line = sentence[line_start: len(sentence) if line_end < 0 else line_end]
            # ("Left: L = 2\\,\\text{m}: \\; T = …": a line named by a word first, TeX space after the colon)
            bare_line = re.sub(r"^(?:[A-Za-z]+\s*){1,2}:\s*(?=\S)", "", line.strip()).rstrip(".")
            if re.fullmatch(r"\s*:\s*(?:\\[;,:! ]\s*)?", sentence[pb:a]) and "=" in out[-1][0] and \
                    sentence[pa:b].strip() in (line.strip().rstrip("."), bare_line) and line_start > 0:
                out[-1] = (sentence[pa:b], pa, b)
                continue
        out.append((text, a, b))
    return out


def _split_bracketed_list(sentence: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"three candidate lines (y = 0.3x + 3, y = x + 1, y = 1.2x + 0.5)": a bracketed list of two or more equations
    is those equations, each a formula of its own."""
    out = []
    for text, a, b in spans:
        if not (text.startswith("(") and text.endswith(")")) or text.count("=") < 2:
            out.append((text, a, b))
            continue
        inner, depth, parts, start = text[1:-1], 0, [], 0
        for k, c in enumerate(inner):
            depth += c in "([{" and 1 or (-1 if c in ")]}" else 0)
            if c == "," and depth == 0:
                parts.append((start, k))
                start = k + 1
        parts.append((start, len(inner)))
        pieces = [(inner[x:y], x, y) for x, y in parts]
        if len(pieces) < 2 or not all("=" in p for p, _, _ in pieces) or all(
                re.fullmatch(r"\s*[^=]{1,12}=\s*-?[\d.,]+\s*", p) for p, _, _ in pieces):
            # ("(Q = 20, P = 40)": a point written with its coordinates' names, one formula)
            out.append((text, a, b))
            continue
        for p, x, y in pieces:
            lead = len(p) - len(p.lstrip())
            out.append((p.strip(), a + 1 + x + lead, a + 1 + x + lead + len(p.strip())))
    return out


_AFTER_LAST_FACTOR = frozenset(formula_words()["after_last_factor"])


def _last_factor(toks: list[tuple[str, int, int, bool]], kinds: list[str], j: int) -> bool:
    """Whether the "a" (or "A") at `j` is a one-letter variable written after another factor of a formula (`F = m a`,
    `E = m a c^2`), not an article: a factor joined to an operator comes before it, and after it the sentence ends, a
    clause ends, the formula goes on, or a word that may follow a formula (`lexicon.json` `after_last_factor`: "F = m
    a in the center") comes — not a noun it would be the article of ("x = 2 a day")."""
    if j < 2 or toks[j - 1][3] or kinds[j - 1] not in ("math", "unit"):
        return False
    if toks[j - 1][2] + 1 != toks[j][1]:
        return False  # one space between the factors
    k = j - 1
    while k > 0 and kinds[k] in ("math", "unit") and not toks[k - 1][3] and j - k < 4:  # ends: k falls, at most 3 turns
        k -= 1
    if kinds[k] != "op":
        return False
    if toks[j][3] or j + 1 == len(toks):
        return True
    nxt = toks[j + 1][0]
    return kinds[j + 1] in ("math", "op") or nxt.lower() in _AFTER_LAST_FACTOR


_CUE_LED = re.compile(r"\b(?:formula|equation|expression|identity|rule|law|relationship|definition)\s*:?\s+", re.I)


def _extend_to_cue(sentence: str, masked: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"Show the formula Years to double ≈ 72 / interest rate": a formula right after its cue word reaches
    back to the cue and on to the end of the clause when only a few words lie in between."""
    out = []
    for text, a, b in spans:
        cue = None
        for m in _CUE_LED.finditer(masked, 0, a + 1):
            cue = m
        if cue is not None and cue.end() < a:
            gap = masked[cue.end():a]
            words = gap.split()
            # (not "the equation into a = F / m": a word like "into" after the cue goes on with the instruction)
            if 0 < len(words) <= 4 and not re.search(r"[,;:.\x01]", gap) and not re.search(
                    r"\b(?:the|a|an|for|with|and|where|which|into|onto|as|becomes?)\b", gap, re.I) and words[0].lower() not in _STOP_WORDS:
                a = cue.end()
        end = re.search(r"[,;:]\s|\.(?:\s|$)|\s+(?:and|where|which|with|for|to show|in)\s|$", masked[b:])
        tail = masked[b: b + end.start()] if end else ""
        if tail.strip() and len(tail.split()) <= 3 and not re.search(r"\x01", tail) and cue is not None \
                and not any(w.lower() in _STOP_WORDS for w in tail.split()):  # "… = σ/√n below": a place
            b = b + len(tail.rstrip())
        out.append((sentence[a:b].strip(), a, b))
    return out


def _quoted_nodes(text: str, chain: list[str]) -> list[str]:
    """'a box "key: 12" -> an arrow into a rounded box labeled "hash function h(k)" -> a box "index 2"': the node of
    each link is the one quoted name its words describe, not the description ("a box", "an arrow into …")."""
    parts = ARROW.split(text)
    if len(parts) != len(chain):
        return chain
    out = []
    for node, part in zip(chain, parts):
        names = [m.group(1) if m.group(1) is not None else m.group(2) for m in QUOTED.finditer(part)]
        # ('key "22" -> box "h(k) = k mod 7" -> output "1"': a lower-case role word before the quote names no node)
        described = re.match(r"(?:an?|the)\s", node, re.I) or len(node.split()) > 3 or (
            re.fullmatch(r"[a-z]+(?:\s[a-z]+)?", node) is not None and not re.search(
                r"[\"\u201c]\s*" + re.escape(node), part))
        out.append(names[0].strip() if len(names) == 1 and names[0].strip() and described else node)
    return out


_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
# "P₀ = (0, 0)", "P1 = (1, 3)", "A(1, 2)", "Q_0 = (1, 2)": a short name, then its coordinates
NAMED_POINT = re.compile(r"(?<![\w'])([A-Z](?:_?[0-9" + _SUBSCRIPTS + r"]{1,2}|[a-z]?'?))\s*(?:=\s*)?\(\s*(" + NUM + r")\s*,\s*("
                   + NUM + r")\s*\)")


def named_points(sentence: str) -> list[tuple[str, float, float]]:
    """The named points a sentence writes with their coordinates, in order, each once."""
    out: dict[str, tuple[str, float, float]] = {}
    for m in NAMED_POINT.finditer(sentence):
        if re.search(r"=\s*[^=(]*$", sentence[max(0, m.start() - 40):m.start()]) and re.search(
                r"\b(?:lerp|B|Q)\(", sentence[max(0, m.start() - 40):m.start()]):
            continue  # "B(0.5) = lerp(Q₀, Q₁, 0.5) = (2, 2)": a result of a line, not a point named here
        out.setdefault(m.group(1), (m.group(1), _whole(quantity(m.group(2))), _whole(quantity(m.group(3)))))
    return list(out.values())


def _whole(v: float):
    return int(v) if float(v).is_integer() else v
