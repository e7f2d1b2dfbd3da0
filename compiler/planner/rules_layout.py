"""Planner rules for layouts (steps, table, grid, cards, comparison, sequence) and the transform/move operations.

They run after title/highlight/clear and the chart rules and before equation/code/matrix/flow/bullets.
A rule that draws a string adds it to `ctx.consumed`; the later rules that read the extracted
parameters without looking at `consumed` (formulas for `rule_equation`, word -> vector pairs for
`rule_matrix`) get the claimed ones removed from the `Extracted` of the sentence (see `_claim`).
"""

from __future__ import annotations

import re

from ..mathtext import looks_like_math
from .beats import Beat
from .extract import Extracted, count_in, mask_shown
from .context import Context, _beat, _fmt, _kw, since_clear
from .knowledge import diagram_nouns, is_instruction, ordinals
from .parts import cells_named

Q = r'(?:"([^"\n]{1,300})"|\u201c([^\u201d\n]{1,300})\u201d)'   # a quoted string (straight or curly quotes)
ITEM = re.compile(r'`([^`\n]{1,300})`|"([^"\n]{1,300})"|\u201c([^\u201d\n]{1,300})\u201d')  # backticked or quoted


_NUMBER_LIST = re.compile(r":\s*((?:-?\d+(?:\.\d+)?\s*,\s*){2,15}-?\d+(?:\.\d+)?)\b")  # "…: 5, 1, 4, 2, 8"
_SHOWN = re.compile(r'`[^`\n]*`|"[^"\n]*"|\u201c[^\u201d\n]*\u201d')


def _cue(ex: Extracted, pattern: str) -> bool:
    """A cue in the sentence's own words, not in the quoted or backticked text it shows
    ("labelled "tokens generated"" is no token sequence)."""
    return re.search(pattern, _SHOWN.sub(" ", ex.sentence).lower()) is not None


def _q(m: re.Match, first: int = 1) -> str:
    return (m.group(first) or m.group(first + 1) or "").strip()


def _claim(ex: Extracted, ctx: Context, strings) -> None:
    """Mark strings as drawn, and take them out of the parameters later rules draw without checking."""
    strings = [s for s in strings if s]
    ctx.consumed.update(strings)
    ex.formulas[:] = [f for f in ex.formulas if f not in ctx.consumed]
    ex.pairs[:] = [p for p in ex.pairs if p[0] not in ctx.consumed]


def _items(sentence: str) -> list[tuple[str, bool, int]]:
    """Backticked and quoted strings in order: (text, backticked, position)."""
    out = []
    for m in ITEM.finditer(sentence):
        if m.group(1) is not None:
            out.append((m.group(1).strip(), True, m.start()))
        else:
            out.append(((m.group(2) or m.group(3) or "").strip(), False, m.start()))
    return [x for x in out if x[0]]


_THOUSANDS = re.compile(r",\d{3}(?!\d)")


def _top_level_split(text: str, seps: str = r",|;|\bthen\b|→|⇒|=>|⟹") -> list[str]:
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


# ----------------------------------------------------------------------------- transform / move
_TRANSFORM_VERB = r"(?:transform|morph|turn|convert|chang|map|becom|embed)\w*"


def rule_transform(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show each word transforming into a vector (e.g., "The" -> [0.1, 0.2, 0.3])";
    "Transform `x^2 + 2x + 1` into `(x + 1)^2`"; ""cat" becomes "chat"."."""
    beats = []
    if ex.pairs and _cue(ex, _TRANSFORM_VERB + r"|->|→|=>"):
        for word, vec in list(ex.pairs):
            values = [_fmt(v) for v in vec]
            beats.append(_beat("transform", "transform:word-to-vector", ex, i, [word] + values,
                               _kw(word) + ("vector", "embedding"), target=word, values=list(vec)))
            _claim(ex, ctx, [word])
        return beats
    items = _items(ex.sentence)
    rep = re.search(r"\b(?:replace|swap|substitute|exchange)\w*\s+(?:the\s+)?(`[^`]+`|" + Q + r")\s*(?:\w+\s+){0,2}?(?:with|"
                    r"for|by)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,3}?(`[^`]+`|" + Q + r")", ex.sentence, re.I)
    if rep:
        src, dst = (x.strip('`"\u201c\u201d ') for x in (rep.group(1), rep.group(4)))
        flow = _on_screen(ctx, "flow")
        if flow is not None and src in flow.params.get("nodes", []):
            # "Replace the "Transport" box with a box labeled "Mock Transport"": the diagram with the new box
            nodes = [dst if n == src else n for n in flow.params["nodes"]]
            _claim(ex, ctx, [src, dst])
            return [_beat("flow", "flow:replace-node", ex, i, nodes + list(flow.params.get("edge_labels") or []),
                          flow.keywords + _kw(dst), **dict(flow.params, nodes=nodes)),
                    _beat("highlight", "highlight:replaced-node", ex, i, (), _kw(dst), target=dst)]
        new = {"expr": dst} if rep.group(4).startswith("`") and looks_like_math(dst) else {"text": dst}
        _claim(ex, ctx, [src, dst])
        return [_beat("transform", "transform:replace", ex, i, [src, dst], _kw(ex.sentence), target=src, **new)]
    if len(items) < 2:
        return _prose_transform(ex, ctx, i)
    m = re.search(r"\b" + _TRANSFORM_VERB + r"\b[^`\"\u201c]{0,40}?(`[^`]+`|" + Q + r")\s*(?:into|to|becomes?|"
                  r"→|->)\s*(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}?(`[^`]+`|" + Q + r")", ex.sentence, re.I) or \
        re.search(r"(`[^`]+`|" + Q + r")\s*(?:becomes|turns into|transforms into|morphs into|changes into)\s*"
                  r"(`[^`]+`|" + Q + r")", ex.sentence, re.I)
    if not m or len(items) < 2:
        return []
    src, dst = (x.strip('`"\u201c\u201d ') for x in (m.group(1), m.group(4)))
    if not src or not dst or src in ctx.consumed:
        return []
    vec = re.fullmatch(r"\[\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*)\s*\]", dst)
    new: dict = {}
    if vec:
        new["values"] = [float(x) if "." in x else int(x) for x in re.split(r"\s*,\s*", vec.group(1))]
    elif m.group(4).startswith("`") and looks_like_math(dst) or looks_like_math(dst):
        new["expr"] = dst
    else:
        new["text"] = dst
    _claim(ex, ctx, [src, dst])
    return [_beat("transform", "transform:into", ex, i, [src, dst], _kw(ex.sentence), target=src, **new)]


_VAGUE = {"vector", "vectors", "embedding", "embeddings", "number", "numbers", "value", "values", "token", "tokens",
          "something", "it", "them", "position", "place", "shape", "form", "one", "another", "the next", "output",
          "outputs", "result", "results", "right", "left", "top", "bottom", "center", "centre", "middle", "screen"}
_MOVE_VERB = (r"(?:transforming|transforms|transformed|turning|turns|changing|changes|morphing|morphs|converting|"
              r"converts|becoming|becomes|evolving|evolves|moving|moves|growing|grows|shrinking|shrinks|lands?|landing|"
              r"maps|mapping|goes|going|is sent|gets sent)")
_TARGET = r"(\[[^\[\]]{1,60}\]|\([^()]{1,40}\)|[^\s,;:.]+(?:\s*[=≈]\s*[^\s,;:.]+)?)"


def _prose_transform(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Unquoted "X transforming into Y", "X moving to Y", "î moves to [2, 0] and ĵ moves to [1, 1]":
    `transform` beats (the runtime shows X first when it is not on screen)."""
    s = ex.sentence
    beats = []
    # "î moves to [2, 0] and ĵ moves to [1, 1]": symbols landing on vectors or points
    for m in re.finditer(r"(?:^|[\s:;,(])([^\s,:;()]{1,6})\s+(?:moves|goes|lands|maps|is sent|gets sent|is mapped)\s+"
                         r"(?:on)?to\s+(\[[^\[\]]{1,40}\]|\([^()]{1,30}\))", s):
        src, dst = m.group(1), m.group(2)
        new = _new_element(dst)
        beats.append(_beat("transform", "transform:moves-to", ex, i, [src, dst], _kw(s), target=src, **new))
    if beats:
        _claim(ex, ctx, [b.strings[-1] for b in beats])
        return beats[:4]
    if ex.quoted or ex.backticked or ex.pairs:
        return []
    m = re.search(r"^(?:.*?\b(?:show|animate|display|illustrate|depict|watch|see)\s+)?(?:the\s+|a\s+|an\s+|each\s+)?"
                  r"(?P<a>[^.;:]{2,80}?)\s+" + _MOVE_VERB + r"\s+(?:in)?to\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                  r"(?P<b>.{1,80})$", s, re.I)
    if not m:
        return []
    a = re.split(r"\s+(?:as|like|which|that|while|being)\b|,", m.group("a"), flags=re.I)[0].strip()
    a = re.sub(r"\s+(?:and|then)$", "", a).strip()
    tail = m.group("b")
    exact = re.match(r"(?:new\s+)?(?:position|place|location|point|value)?\s*(\[[^\[\]]+\]|\([^()]*\d[^()]*\)|[^\s]+\s*=\s*"
                     r"[^\s,.;]+)", tail)
    if exact:
        b = exact.group(1)
    else:
        b = re.split(r"[.;,]\s|[.;]$|\s+(?:and|while|as|with|then|when|until|in|on|at|from|by)\b", tail)[0].strip(" .")
        b = re.sub(r"^(?:new\s+)?(?:position|place|location)\s*", "", b).strip()
    if not a or not b or b.lower() in _VAGUE or a.lower() in _VAGUE or len(a.split()) > 10 or len(b.split()) > 6:
        return []
    sym = re.search(r"\b(?:vector|point|dot|matrix|variable|term)\s+([^\s]{1,4})$", a)
    target = sym.group(1) if sym else (a[0].upper() + a[1:])
    dst = b if exact else b[0].upper() + b[1:]
    new = _new_element(dst)
    return [_beat("transform", "transform:prose", ex, i, [target, dst], _kw(s), target=target, **new)]


def _new_element(dst: str) -> dict:
    vec = re.fullmatch(r"\[\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*)\s*\]", dst)
    if vec:
        return {"values": [float(x) if "." in x else int(x) for x in re.split(r"\s*,\s*", vec.group(1))]}
    if looks_like_math(dst):
        return {"expr": dst}
    return {"text": dst}


_KIND_WORDS = {
    "equation": ("equation", "steps"), "formula": ("equation", "steps"), "calculation": ("steps", "equation"),
    "expression": ("equation", "steps"), "table": ("table",), "grid": ("grid",), "cards": ("cards", "grid"),
    "card": ("cards", "grid"), "list": ("bullets",), "bullets": ("bullets",), "code": ("code",),
    "diagram": ("flow", "network"), "network": ("network",), "matrix": ("matrix",), "vector": ("matrix", "transform"),
    "title": ("title",), "text": ("text",), "note": ("text",), "caption": ("text",), "tokens": ("sequence",),
    "sequence": ("sequence",), "comparison": ("comparison",), "icon": ("icon",),
}
_PLACES = {"left": "left", "right": "right", "top": "up", "up": "up", "upper": "up", "bottom": "down", "down": "down",
           "lower": "down", "center": "center", "centre": "center", "middle": "center"}


def rule_move(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Move the equation to the left", "Shift "Encoder" to the top", "Slide the table right"."""
    if not ctx.beats:
        return []
    m = re.match(r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+)?(?:move|shift|slide|push|dock)\s+(?:the\s+|this\s+|"
                 r"that\s+|it\b\s*)?(.*?)\s*(?:(?:over\s+)?(?:to|towards|into)\s+(?:the\s+)?)?(?:(?:upper|lower)\s+)?"
                 r"(left|right|top|bottom|cent(?:er|re)|middle|up|down)(?:wards?)?\b", ex.sentence, re.I)
    if not m:
        return []
    what, to = m.group(1), _PLACES[m.group(2).lower()]
    trip = re.search(r"\bfrom\s+(?:the\s+)?(?:left|right|top|bottom)\s+to\s+(?:the\s+)?(left|right|top|bottom|cent(?:er|re)|middle)\b",
                     ex.sentence, re.I)
    if trip:  # "Move the car from left to right": where it ends
        what, to = re.split(r"\s+from\b", what)[0], _PLACES[trip.group(1).lower()]
    quoted = [s for s, _, _ in _items(what)]
    target = quoted[0] if quoted else None
    if target is None:
        kinds = next((k for w, k in _KIND_WORDS.items() if re.search(r"\b" + w + r"s?\b", what, re.I)), None)
        if kinds:
            prev = next((b for b in reversed(ctx.beats) if b.kind in kinds and b.strings), None)
            target = prev.strings[0] if prev else None
        else:
            words = [w for w in re.findall(r"[A-Za-z]{3,}", what) if w.lower() not in ("the", "all", "everything",
                                                                                       "slowly", "quickly", "whole")]
            shown = [s for b in since_clear(ctx) for s in b.strings]
            target = next((s for w in reversed(words) for s in shown if re.search(r"\b" + re.escape(w) + r"\b", s, re.I)),
                          None)
            if words and target is None:
                # "Move the ambulance from left to right" with no ambulance on screen: nothing else is moved
                ctx.lost(i, f"nothing on screen is {what.strip()!r}: it is not moved")
                ctx.stop = True
                return []
    for b in ctx.beats:  # it may have been transformed since: follow it to what it became
        if b.kind == "transform" and target is not None and b.params.get("target") == target and len(b.strings) > 1:
            target = b.strings[-1]
    _claim(ex, ctx, quoted)
    return [_beat("move", "move:verb-to-place", ex, i, (), _kw(ex.sentence), target=target, to=to)]


# ----------------------------------------------------------------------------- steps
_STEPS_CUE = (r"\bstep[- ]by[- ]step\b|\bcalculation|\bcalculat\w+|\bcompute\b|\bderivation\b|\bderiv\w+|"
              r"\bsolv(?:e|ing)\b|\bsimplif\w+|\bwork(?:ing|s)? (?:it )?out\b|\bline by line\b|\brearrang\w+|"
              r"\bexpand\w*|\bsteps\b")


def _step_piece(piece: str) -> tuple[str, str]:
    """"2x = 4 (subtract 3)" -> ("2x = 4", "subtract 3"); formulas keep their own brackets, and the words in the
    bracket of a call (`P(not D)`, `P(+ | no disease)`) are the formula's."""
    m = re.search(r"\s*\(\s*(?:" + Q + r"|([A-Za-z][^()]*?))\s*\)\s*$", piece)
    if m and m.group(0)[:1] == "(" and re.search(r"[\w')\]]$", piece[: m.start()]):
        m = None  # "P(+ | not D) P(not D)": the bracket of a function call, its words are the formula's
    if m:
        note = _q(m) or (m.group(3) or "").strip()
        if _q(m) or len(re.findall(r"[A-Za-z]{3,}", note)) >= 1 and not looks_like_math(note):
            return piece[: m.start()].strip(), note
    return piece.strip(), ""


_LINE_LABEL = re.compile(r"^(?:(?:line|step|row|eq(?:uation)?)\s*\d{1,2}\s*[:.)]|\d{1,2}[.)](?!\d)|(?:math\s?tex|tex|text)\b\s*:?)\s*",
                         re.I)


_ROW_LABEL = re.compile(r"^\s*(?:row\s+([^\s:|]{1,12})|(\w+)\s+row)\s*(?::|[-\u2013\u2014)]\s)\s*", re.I)


def _row_label(text: str) -> re.Match | None:
    """"row 1: 0 | 9 | 4", "Row C: 6 | 6", "second row - 5 | 9": the label in front of a row's cells."""
    m = _ROW_LABEL.match(text)
    if m and m.group(2) and m.group(2).lower() not in ordinals():
        return None  # "header row: …" is not a row of cells
    return m


def _labelled_row(group: str, ncols: int) -> list:
    """The cells of one row written in the prose, without its label ("row 1: 0 | 9 | 4" is 0, 9, 4; "row A: 90"
    under two columns is A, 90)."""
    label = _row_label(group)
    cells = _cells(group[label.end():] if label else group)
    if label and label.group(1) and len(cells) == ncols - 1:
        cells = [label.group(1)] + cells
    return [_num(c) for c in cells]


def _block_row(line: str, ncols: int) -> list:
    """One row of a table block: cells split at "|", quotes off; "Row C: 6 | 6" names its first cell C
    ("row 1: 0 | 9 | 4" with as many cells as columns: the label is not a cell)."""
    label = _row_label(line)
    rest = line[label.end():] if label else line
    cells = [c.strip().strip("\"'\u201c\u201d").strip() for c in rest.split("|")]
    if label and label.group(1) and len(cells) == ncols - 1:
        cells = [label.group(1)] + cells
    return [_num(c) for c in cells if c != ""] if cells else []


def _block_lines(sentence: str) -> list[str]:
    """The data lines under a line that ends with a colon, without their labels ("Line 1:", "MathTex:",
    "Row 2:") or the quotes around a formula: [] when the sentence has no such block."""
    block = re.search(r":[ \t]*\n(.+)$", sentence, re.S)
    if not block:
        return []
    out = []
    for ln in block.group(1).splitlines():
        ln = _LINE_LABEL.sub("", ln.strip())
        quoted = re.fullmatch(r"[\"'\u201c]([^\"'\u201d]+)[\"'\u201d]\s*(\(.*\))?", ln)
        if quoted:
            ln = quoted.group(1) + (" " + quoted.group(2) if quoted.group(2) else "")
        if ln:
            out.append(ln)
    return out


def _cell_bar(line: str) -> bool:
    """A "|" that separates table cells — not the "given" bar of P(D | +) nor an absolute value |x|."""
    flat = line
    while True:  # ends: each turn removes a bracketed group or stops
        shorter = re.sub(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}", " ", flat)
        if shorter == flat:
            break
        flat = shorter
    flat = re.sub(r"\|(?=\S)[^|]*(?<=\S)\|", " ", flat)  # |x|, |x - 3|
    return "|" in flat


def rule_steps(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show the calculation step by step: 2x + 3 = 7, 2x = 4, x = 2"; backticked formulas with a
    step cue; an optional note per line in brackets."""
    if not _cue(ex, _STEPS_CUE) and (len([ln for ln in _block_lines(ex.sentence) if re.search(r"[=≈]", ln)]) < 2
                                     or _cue(ex, r"\blist\b")):
        return []  # "show a list of given values:" then "h = 20 m", "g = 9.8 m/s^2": a list, not a derivation
    rule = ""
    pieces: list[str] = []
    ticked = [(m.group(1).strip(), m.end()) for m in re.finditer(r"`([^`\n]{1,300})`", ex.sentence)]
    ticked = [(s, end) for s, end in ticked if s and s not in ctx.consumed]
    if len(ticked) >= 2 and all("=" in s or looks_like_math(s) for s, _ in ticked):
        # a note in brackets may follow each formula: `2x = 4` (subtract 3)
        pieces, rule = [], "steps:backticked-formulas"
        for s, end in ticked:
            m = re.match(r"\s*(\([^()`]*\))", ex.sentence[end:])
            pieces.append(s + (" " + m.group(1) if m else ""))
    else:
        plain = re.sub(r"`", "", ex.sentence)
        block = re.search(r":[ \t]*\n(.+)$", plain, re.S)
        m = block or re.search(r":\s*(.+)$", plain)
        if m:
            if block:
                # one formula per line, perhaps numbered: "Line 1: z = w1 * x = 1\n Line 2: h = ReLU(z) = 1"
                cand = _block_lines(plain)
                if any(_cell_bar(c) for c in cand):
                    return []  # rows of a table, not a derivation
            else:
                cand = _top_level_split(m.group(1).rstrip(". "))
            cand = [c for c in (re.sub(r"^(?:and|then|so|finally)\s+", "", c, flags=re.I) for c in cand) if c]
            # 'd^2 = 3^2 + 4^2', 'd^2 = 9 + 16 = 25': the quotes mark the lines, they are not part of them
            cand = [re.sub(r'^"([^"]+)"$', r"\1", c.strip()) for c in cand]
            # 'Column "Horizontal": "a_x = 0", "v_x = 15 m/s"': a column of items (a comparison), not a line
            cand = [c for c in cand if len(re.findall(r'"[^"]*"', c)) < 2]
            # '"25 = 25" with a check mark': the quoted formula is the line, what follows is its note
            cand = [re.sub(r'^"([^"]+)"\s+(.+)$', r"\1 (\2)", c) for c in cand]
            if len(cand) >= 2 and all(re.match(r"\s*\d{1,2}[.)]\s+[A-Za-z][\w-]+\s*\(", c) for c in cand):
                return []  # "1. SYN (seq = x)", "2. SYN-ACK (…)": a numbered list of named things, not a derivation
            maths = [c for c in cand if re.search(r"[=≈]", _step_piece(c)[0]) or looks_like_math(_step_piece(c)[0])]
            if block and len(maths) >= 2 and len(maths) * 3 >= len(cand) * 2 and not any(_cell_bar(c) for c in cand):
                pieces, rule = cand, "steps:lines-after-colon"  # a derivation may carry a line of prose
            elif len(cand) >= 2 and sum("=" in c or "≈" in c for c in cand) >= 2 and all(
                    re.search(r"[=≈]", _step_piece(c)[0]) or looks_like_math(_step_piece(c)[0]) for c in cand):
                pieces, rule = cand, "steps:listed-after-colon"
            elif len(cand) >= 2 and not any("=" in c for c in cand) and all(
                    re.search(r"\d", c) and re.search(r"[×*/+\-^\[\]()√]", c) or re.fullmatch(r"\[[^\[\]]+\]", c.strip())
                    for c in cand) and _cue(ex, r"\bsteps?\b|\bthen\b|\bsimplif\w+|\bcalculat\w+"):
                # "Show the steps: 3 × [2, 0] + 2 × [1, 1], then [6, 0] + [2, 2], then [8, 2]": each line equals the last
                pieces, rule = [cand[0]] + ["= " + c for c in cand[1:]], "steps:chain"
    if not pieces:
        return []
    lines, notes = [], []
    if len(pieces) > 8:
        ctx.lost(i, f"{len(pieces)} steps; only the first 8 are drawn")
    for p in pieces[:8]:
        line, note = _step_piece(p)
        prose = len(re.findall(r"(?<![\\A-Za-z])[A-Za-z]{3,}", line)) > 2
        if rule == "steps:lines-after-colon" and lines and not re.search(r"[=≈]", line) and (
                prose or not looks_like_math(line)):
            # a line of prose inside a derivation: its formula after a colon is the line ("Insert 5 in front of
            # O2. Equation: C3H8 + 5O2 → …"), else it is the note beside the line above
            tail = re.search(r":\s*([^:]*(?:[=→≈]|\\rightarrow|\\to\b)[^:]*)$", line)
            if tail and (looks_like_math(tail.group(1)) or "\\" in tail.group(1)):
                lines.append(tail.group(1).strip().rstrip("."))
                notes.append(note)
                continue
            if not notes[-1]:
                notes[-1] = line.strip().rstrip(".")
                continue
        lines.append(line)
        notes.append(note)
    strings = lines + [n for n in notes if n]
    _claim(ex, ctx, pieces + strings + [s for s, _ in ticked])
    ex.prose[:] = []  # the formulas of the sentence are these lines
    ex.code[:] = [c for c in ex.code if c not in ctx.consumed]
    return [_beat("steps", rule, ex, i, strings, _kw(ex.sentence) + ("equals",), lines=lines,
                  notes=notes if any(notes) else None)]


# ----------------------------------------------------------------------------- table
def _cells(group: str) -> list[str]:
    """The cells of one row, each kept whole: `pi/2 | 0` is two cells, "pi/2" and "0". A row is split
    at `|` when it has one, else at a spaced ` / ` ("GPT-2" / "1.5B"), else at commas."""
    quoted = [_q(m) for m in re.finditer(Q, group)]
    if quoted:
        return quoted
    sep = r"\s*\|\s*" if "|" in group else r"\s+/\s+" if re.search(r"\s/\s", group) else r"\s*,\s*"
    return [c.strip(" .\"'") for c in re.split(sep, group) if c.strip(" .\"'")]


def _num(s: str):
    """A cell: a number, or the text as written when writing it as a number would change it ("1.0")."""
    if re.fullmatch(r"-?\d{1,15}", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d*[1-9]", s):
        return float(s)
    return s


_ROW_SPLIT = r",\s*(?:and\s+)?(?:then\s+)?|;\s*|\s+then\s+"


def _paren_groups(text: str) -> list[str]:
    """Top-level (…) or […] groups, brackets inside quotes and nested ones kept: ("Bubble sort", "O(n)")."""
    out, depth, start, quote = [], 0, 0, None
    for k, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "\"\u201c":
            quote = "\"" if ch == "\"" else "\u201d"
        elif ch in "([":
            if depth == 0:
                start = k + 1
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:k])
    return out


def _row_groups(text: str, ncols: int) -> list[list]:
    """"1.9 and 3.9, 1.99 and 3.99, then 2.001 and 4.001" / "1000 | 200, 1500 | 260" / "(1, 2), (3, 4)" /
    "x = 1 → y = 2": rows of `ncols` cells, or [] when the text is not such a list."""
    groups = [g for g in _paren_groups(text) if re.search(r",|\||\band\b", g)]
    if len(groups) < 2 or re.sub(r"[(\[][^()\[\]]*[)\]]", "", text).strip(" ,;.and"):
        groups = [g for g in _top_level_split(text, _ROW_SPLIT) if g.strip()]
    rows = []
    for g in groups:
        label = _row_label(g)  # "Row 1: 1 | 2 | 3": the label is not a cell
        cells = [c for c in _top_level_split((g[label.end():] if label else g).strip(" ."),
                                             r"\band\b|\||/(?!\w)|→|->|:|,") if c.strip()]
        cells = [re.sub(r"^(?:[a-z]\w{0,5}\s*=\s*)", "", c.strip(), flags=re.I) for c in cells]
        if label and label.group(1) and len(cells) == ncols - 1:
            cells = [label.group(1)] + cells
        if len(cells) != ncols:
            return []
        rows.append([_num(c) for c in cells])
    return rows if len(rows) >= 1 else []


def _named_rows_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"an ICE table with rows 'Initial', 'Change', 'Equilibrium' and columns '[N2]', '[H2]', '[NH3]'": the rows are
    named in the first column, their cells come in later sentences ("Fill the Initial row: 1.00, 3.00, 0")."""
    group = r"((?:" + Q + r"\s*,?\s*(?:and\s+)?){2,})"
    rm = re.search(r"\brows?\s+(?:named\s+|labell?ed\s+|called\s+)?" + group, ex.sentence, re.I)
    cm = re.search(r"\bcolumns?\s+(?:named\s+|labell?ed\s+|headed\s+|called\s+)?" + group, ex.sentence, re.I)
    if not (rm and cm):
        return None
    names = [_q(m) for m in re.finditer(Q, rm.group(1))][:8]
    cols = [_q(m) for m in re.finditer(Q, cm.group(1))][:5]
    if len(names) < 2 or len(cols) < 1:
        return None
    cells = [[c.strip() for c in n.split("|")] for n in names]
    if len(cols) > 1 and all(len(r) == len(cols) for r in cells):
        # "columns 'Year', 'Balance' and rows '1 | $1100', '2 | $1210'": the rows are written out, cell by cell
        _claim(ex, ctx, names + cols)
        return [_beat("table", "table:quoted-rows", ex, i, cols + [c for r in cells for c in r],
                      _kw(ex.sentence) + ("table",), columns=cols, rows=[[_num(c) for c in r] for r in cells])]
    columns = [""] + cols
    rows = [[n] + [""] * len(cols) for n in names]
    _claim(ex, ctx, names + cols)
    return [_beat("table", "table:named-rows", ex, i, cols + names, _kw(ex.sentence) + ("table",), columns=columns,
                  rows=rows)]


def _pending_table(ctx: Context) -> Beat | None:
    t = _on_screen(ctx, "table")
    return t if t is not None and t.params.get("pending") else None


def rule_table(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show a table with columns "Model", "Params" and rows ("GPT-2", "1.5B"), ("GPT-3", "175B")";
    rows may also be `"GPT-2" / "1.5B"; "GPT-3" / "175B"` or just quoted cells, filled row by row.
    "Display a table with two columns "x" and "f(x)"" and, in a later sentence, "Fill in the rows one
    by one: 1.9 and 3.9, 1.99 and 3.99, …" make one table. "A table of molar masses: H2 = 2 g/mol,
    O2 = 32 g/mol" is a label -> value table. "n = 4, n = 8, n = 16" then "the approximations: 3.75,
    3.19, 2.92" build a table column by column."""
    pending = _pending_table(ctx)
    if pending is not None and not _cue(ex, r"\btables?\b"):
        return _fill_table(ex, ctx, i, pending)
    if _ROW_FILL.search(ex.sentence):
        state = _table_state(ex, ctx, i)  # "Fill the Initial row: 1.00, 3.00, 0": a named row, not a new column
        if state is not None:
            return state
    series = _series_table(ex, ctx, i)
    if series is not None:
        return series
    state = _table_state(ex, ctx, i)
    if state is not None:
        return state
    header = re.match(r"^\s*(?:the\s+)?(?:header(?:\s+row)?|headers|column\s+headers|headings)\s*:\s*", ex.sentence, re.I)
    if header and len(ex.quoted) >= 2 and _on_screen(ctx, "table") is None:
        # 'Header row: "Element", "Left side", "Right side".' (after "Draw a table with 3 columns"): the columns;
        # the rows come in a later sentence
        columns = [q for q in ex.quoted][:6]
        _claim(ex, ctx, columns)
        return [_beat("table", "table:header-row", ex, i, columns, _kw(ex.sentence) + ("table",),
                      columns=columns, rows=[[""] * len(columns)], pending=True)]
    if not _cue(ex, r"\btables?\b"):
        return []
    named = _named_rows_table(ex, ctx, i)
    if named is not None:
        return named
    s = ex.sentence
    mc = re.search(r"\b(?:columns?|headers?|headings?)\b\s*(?:of|:)?\s*(.*?)(?=\brows?\b|\n|$)", s, re.I)
    if not mc:
        return _map_table(ex, ctx, i)
    columns = [_q(m) for m in re.finditer(Q, mc.group(1))] or [
        c for c in _cells(re.split(r"\band\b(?!.*\band\b)", mc.group(1))[0]) if len(c) <= 30][:6]
    if not columns:
        return []
    ncols = min(len(columns), 6)
    columns = columns[:ncols]
    rows: list[list] = []
    block = _block_lines(s) if mc.end() >= s.find(":\n") >= 0 else []
    if block and all("|" in ln for ln in block):
        # 'A table with columns "Year", "Balance":' then one "Row 1: 1 | $1100" per line
        rows = [_block_row(ln, ncols) for ln in block]
        for r in rows:
            if len(r) > ncols:
                ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns")
                del r[ncols:]
        s = s[: s.find(":\n")]
    mr = None if rows else re.search(r"\brows?\b\s*(?::|of|with)?\s*(.*)$", s, re.I)
    labelled = mr and re.search(r"\b(?:row\s+[^\s:|]{1,12}|\w+\s+row)\s*(?::|[-\u2013\u2014)]\s)", s[mr.start():], re.I)
    if labelled and _row_label(s[mr.start() + labelled.start():]) and not s[mr.start():mr.start() + labelled.start()].strip(" :"):
        mr = re.search(r"(.*)$", s[mr.start() + labelled.start():])  # "row 1: 0 | 9 | 4; row 2: …": labelled rows
    if not mr:
        after = re.search(r"[\"\u201d]\s*:\s*(.+)$", s)  # columns "A", "B": 0.25 → 1.0, 1.0 → 2.0
        if after:
            rows = _row_groups(after.group(1).rstrip(". "), ncols)
    if mr:
        text = re.split(r"(?:,\s*|\s+)(?:and\s+)?(?:then\s+)?highlight\w*\b", mr.group(1), flags=re.I)[0]
        aside = re.search(r"\s*\(([^()]*)\)\s*\.?\s*$", text)
        if aside and is_instruction(aside.group(1)):
            # "… E | inf | - (show inf as the infinity symbol)": a direction to the animator, not a cell
            ctx.lost(i, f"the direction ({aside.group(1)}) is not followed")
            text = text[: aside.start()]
        groups = [g for g in _paren_groups(text) if "," in g or "/" in g or "|" in g]
        if not groups:
            # "GPT-2" / "1.5B"; "GPT-3" / "175B" or Alice | 90, Bob | 85: a row ends at ";", at "and" before a
            # quote or bracket, or at a comma followed by the next row's "/" or "|"
            splitter = r"\s*;\s*|\s+and\s+(?=[\"\u201c(\[])|\s*,\s*(?=[^,;]*[/|])"
            groups = [g for g in re.split(splitter, text) if re.search(r"[/|]", g)]
            if not groups and len(re.findall(r"(?:^|;\s*)(?=" + _ROW_LABEL.pattern[1:] + ")", text, re.I)) >= 2:
                groups = [g for g in re.split(r"\s*;\s*", text.rstrip(". ")) if g.strip()]  # row A: 90; row B: 85
        if groups:
            rows = [_labelled_row(g, ncols) for g in groups]
            for r in rows:
                if len(r) > ncols:
                    ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns; "
                                f"left out {' | '.join(map(str, r[ncols:]))}")
                    del r[ncols:]
        else:
            cells = [_q(m) for m in re.finditer(Q, text)]
            rows = [[_num(c) for c in cells[k : k + ncols]] for k in range(0, len(cells), ncols)]
            if not rows:
                rows = _row_groups(text, ncols)
    rows = [r for r in rows if r]
    if len(rows) > 8:
        ctx.lost(i, f"the table has {len(rows)} rows; only the first 8 are drawn")
        rows = rows[:8]
    if not rows:
        # the rows come in a later sentence ("Fill in the rows one by one: …")
        _claim(ex, ctx, columns)
        return [_beat("table", "table:columns", ex, i, columns, sum((_kw(c) for c in columns), ("table",)),
                      columns=columns, rows=[[""] * ncols], pending=True)]
    params: dict = {}
    hm = re.search(r"highlight\w*\s+(?:the\s+)?(?:(row|column)\s+" + Q + r"|" + Q + r"\s+(row|column))", s, re.I)
    if hm:
        which = (hm.group(1) or hm.group(6) or "").lower()
        name = _q(hm, 2) or _q(hm, 4)
        if which == "row":
            params["highlight_row"] = next((k for k, r in enumerate(rows) if str(r[0]).lower() == name.lower()), None)
        else:
            params["highlight_col"] = next((k for k, c in enumerate(columns) if c.lower() == name.lower()), None)
    else:
        hm = re.search(r"highlight\w*\s+(?:the\s+)?(first|second|third|last|\d)(?:st|nd|rd|th)?\s+(row|column)", s,
                       re.I)
        if hm:
            order = {"first": 0, "second": 1, "third": 2}
            n = len(rows) if hm.group(2).lower() == "row" else ncols
            k = n - 1 if hm.group(1).lower() == "last" else order.get(hm.group(1).lower(), int(hm.group(1)) - 1
                                                                       if hm.group(1).isdigit() else 0)
            params["highlight_row" if hm.group(2).lower() == "row" else "highlight_col"] = max(0, min(k, n - 1))
    strings = columns + [_fmt(c) for r in rows for c in r]
    _claim(ex, ctx, strings)
    ex.prose[:] = []  # "0.25 → 1.0, 1.0 → 2.0": the rows, not formulas
    return [_beat("table", "table:columns-and-rows", ex, i, strings, sum((_kw(c) for c in columns), ("table",)),
                  columns=columns, rows=rows, **params)]


_ROW_UPDATE = re.compile(r"\b(?:update|change|set|replace|fill)\w*\s+(?:the\s+)?(?:(\S{1,12})\s+row|row\s+(\S{1,12}))\s+"
                         r"(?:to|with|as|:)\s*" + Q, re.I)
_STATE = re.compile(r"\b(?:table|state|rows?)\b[^:.;]{0,30}:\s*(.+)$", re.I)
_ROW_FILL = re.compile(r"\b(?:fill|update|change|set|replace|complete)\w*\s+(?:in\s+)?(?:the\s+)?(?:[\"']?([^\s\"']{1,15})[\"']?\s+row|"
                       r"row\s+([^\s:]{1,15}))(?:\s+with(?:\s+(?:the\s+)?(?:numbers|values|cells))?)?\s*:?\s*([^:]+?)\.?$", re.I)


def _known_table(ctx: Context) -> tuple[Beat | None, Beat | None]:
    """(the table on screen, or None; the last table an earlier scene drew, or None)."""
    from .rules_recall import scene_state

    on_screen = _on_screen(ctx, "table")
    if on_screen is not None and not on_screen.params.get("pending"):
        return on_screen, None
    for sp in reversed(ctx.history):
        earlier = scene_state(sp, "table")
        if earlier is not None:
            return None, earlier
    return None, None


def _table_state(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """A new state of a table, row by row: "update the B row to 'B | 4 | A'", "Final table: A 0 - (visited),
    B 4 A, C 2 A". The table on screen changes in place; a table an earlier scene drew comes back in the
    new state. Rows are matched by their first cell; notes in brackets are reported, not drawn."""
    on_screen, earlier = _known_table(ctx)
    base = on_screen or earlier
    if base is None:
        return None
    ncols = len(base.params["columns"])
    rows = [list(r) for r in base.params["rows"]]
    keys = [str(r[0]).strip().lower() for r in rows]
    changed: list[int] = []
    for m in _ROW_UPDATE.finditer(ex.sentence):
        key = (m.group(1) or m.group(2) or "").strip("'\"").lower()
        cells = [_num(c) for c in _cells(_q(m, 3))]
        if key in keys and len(cells) == ncols:
            rows[keys.index(key)] = cells
            changed.append(keys.index(key))
            ctx.consumed.add(_q(m, 3))
    if not changed:
        # "Fill the Initial row: 1.00, 3.00, 0.", "Replace the Equilibrium row with numbers: 0.80, 2.40, 0.40":
        # a named row's cells, written after its name (the name cell kept)
        fm = _ROW_FILL.search(ex.sentence)
        key = (fm.group(1) or fm.group(2) or "").strip("'\"").lower() if fm else ""
        if fm and key in keys:
            cells = [_num(c.strip(" '\"")) for c in _top_level_split(fm.group(3).rstrip(". "), r",|;") if c.strip()]
            k = keys.index(key)
            if len(cells) == ncols - 1:
                cells = [rows[k][0]] + cells
            if len(cells) == ncols:
                rows[k] = cells
                changed.append(k)
                ctx.consumed.add(fm.group(3))
                ctx.stop = True  # the numbers are the row's cells, not also a list
    sm = _STATE.search(ex.sentence)
    understood = False
    if sm and not changed:
        parsed, notes = [], []
        for item in _top_level_split(sm.group(1).rstrip(". "), r",|;"):
            notes += re.findall(r"\(([^()]*)\)", item)
            core = re.sub(r"\([^()]*\)", " ", item).strip()
            cells = [c.strip() for c in core.split("|")] if "|" in core else core.split()
            if len(cells) != ncols or cells[0].lower() not in keys:
                parsed = []
                break
            parsed.append([_num(c) for c in cells])
        understood = len(parsed) >= 2
        if understood:
            for cells in parsed:
                k = keys.index(str(cells[0]).lower())
                if rows[k] != cells:
                    rows[k] = cells
                    changed.append(k)
            if notes:
                ctx.lost(i, "notes in brackets are not drawn in the table: " + ", ".join(notes))
            if not changed and on_screen is not None:
                ctx.modified.add(i)  # the state the table already shows: nothing more to draw
                ctx.stop = True
                return []
    if not changed and not (sm and understood and earlier is not None and _cue(ex, r"\btables?\b")):
        return None
    strings = list(base.params["columns"]) + [_fmt(c) for r in rows for c in r]
    _claim(ex, ctx, strings)
    ex.prose[:] = []
    params = {k: v for k, v in base.params.items() if k not in ("highlight_row", "highlight_col", "highlight_cell",
                                                                 "update", "pending")}
    params["rows"] = rows
    if changed and len(set(changed)) == 1:
        params["highlight_row"] = changed[0]
    if on_screen is not None:
        params["update"] = True
    rule = "table:new-state" if on_screen is not None else "table:recalled-in-new-state"
    return [_beat("table", rule, ex, i, strings, _kw(ex.sentence) + ("table",), **params)]


def _fill_table(ex: Extracted, ctx: Context, i: int, table: Beat) -> list[Beat]:
    """Rows for the table on screen whose columns an earlier sentence gave."""
    ncols = len(table.params["columns"])
    block = _block_lines(ex.sentence) if ":\n" in ex.sentence else []
    if block and all("|" in ln for ln in block):
        # 'Rows:\n "C" | "3" | "1"\n "H" | "8" | "2"': one row per line
        rows = [_block_row(ln, ncols) for ln in block][:8]
        for r in rows:
            if len(r) > ncols:
                ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns")
                del r[ncols:]
    else:
        m = re.search(r":\s*(.+)$", ex.sentence) or re.search(r"\brows?\b\s*(?:of|with)?\s*(.+)$", ex.sentence, re.I)
        if not m:
            return []
        rows = _row_groups(m.group(1).rstrip(". "), ncols)[:8]
    if not rows:
        return []
    strings = [_fmt(c) for r in rows for c in r]
    _claim(ex, ctx, strings)
    params = {k: v for k, v in table.params.items() if k != "pending"}
    params["rows"] = rows
    filled = Beat("table", params, table.strings + tuple(strings), table.rule + "+rows", table.source,
                  table.detail_index, table.keywords + _kw(ex.sentence))
    if ctx.beats and ctx.beats[-1] is table:
        ctx.beats.pop()  # the table is drawn with its rows, at this sentence's moment
        return [Beat("table", params, filled.strings, filled.rule, ex.sentence, i, filled.keywords)]
    ctx.replace(table, filled, i)
    return []


def _map_table(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"a table of molar masses: H2 = 2 g/mol, O2 = 32 g/mol, H2O = 18 g/mol": label -> value rows."""
    m = re.search(r":\s*(.+)$", ex.sentence)
    if not m:
        return []
    rows = []
    for piece in _top_level_split(m.group(1).rstrip(". "), r",|;|\band\b"):
        pm = re.match(r"^\s*(.{1,30}?)\s*(?:=|:|→|->|is)\s*(.{1,30})$", piece)
        if not pm:
            return []
        rows.append([pm.group(1).strip(" \"\u201c\u201d"), _num(pm.group(2).strip(" \"\u201c\u201d"))])
    if len(rows) < 2:
        return []
    what = re.search(r"\btables?\s+(?:of|with|showing|listing|for)\s+(?:the\s+)?([a-z][\w -]{1,30}?)\s*:", ex.sentence,
                     re.I)
    head = what.group(1).strip() if what else "value"
    head = head[0].upper() + head[1:]
    columns = ["", head]
    rows = rows[:8]
    strings = [head] + [_fmt(c) for r in rows for c in r]
    _claim(ex, ctx, strings + [f for f, _, _ in ex.prose])
    ex.prose[:] = []
    return [_beat("table", "table:label-value", ex, i, strings, _kw(head) + ("table",), columns=columns, rows=rows)]


def _series_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"n = 4, n = 8, n = 16, n = 100" (one name, several values) starts a table; a following
    "the approximations updating: 3.75, 3.19, 2.92, 2.69" (as many values) adds a column to it."""
    m = re.search(r"(?:^|:\s*)((?:([a-zA-Z]\w{0,3})\s*=\s*-?[\d.]+\s*,\s*(?:and\s+)?){2,}\2\s*=\s*-?[\d.]+)", ex.sentence)
    if m:
        name = m.group(2)
        values = [_num(v) for v in re.findall(r"=\s*(-?[\d.]+\d|-?\d)", m.group(1))][:8]
        _claim(ex, ctx, [f for f, _, _ in ex.prose])
        ex.prose[:] = []
        strings = [name] + [_fmt(v) for v in values]
        return [_beat("table", "table:series", ex, i, strings, _kw(ex.sentence) + ("table",), columns=[name],
                      rows=[[v] for v in values])]
    table = _on_screen(ctx, "table")
    if table is None or table.params.get("pending"):
        return None
    m = re.search(r"\b(?:the\s+)?([a-z][\w -]{2,30}?)\s*(?:updating|changing|becoming|going|shrinking|growing)?\s*:\s*"
                  r"((?:-?[\d.]+\d?\s*,\s*(?:and\s+)?)+-?[\d.]*\d)\s*\.?$", ex.sentence, re.I)
    rows = table.params.get("rows") or []
    if not m or not rows:
        return None
    values = [_num(v) for v in re.findall(r"-?\d+(?:\.\d+)?", m.group(2))]
    if len(values) != len(rows) or len(table.params["columns"]) >= 6:
        return None
    head = re.sub(r"^(?:show|display|then show|then display|list|with)\s+(?:the\s+)?", "", m.group(1).strip(), flags=re.I)
    head = head[0].upper() + head[1:]
    params = dict(table.params, columns=table.params["columns"] + [head],
                  rows=[list(r) + [v] for r, v in zip(rows, values)])
    strings = [head] + [_fmt(v) for v in values]
    _claim(ex, ctx, strings)
    new = Beat("table", params, table.strings + tuple(strings), table.rule + "+column", table.source,
               table.detail_index, table.keywords + _kw(ex.sentence))
    ctx.replace(table, new, i)
    return []


# ----------------------------------------------------------------------------- grid
_SETS = {"even": lambda n: n % 2 == 0, "odd": lambda n: n % 2 == 1,
         "prime": lambda n: n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))}


def _number_set(low: str) -> tuple[str, object] | None:
    m = re.search(r"\b(even|odd|prime)(?:[- ]numbered)?\b", low)
    if m:
        return m.group(1), _SETS[m.group(1)]
    m = re.search(r"\bmultiples? of (\d{1,3})\b", low)
    if m and int(m.group(1)) > 0:
        k = int(m.group(1))
        return f"multiples of {k}", lambda n: n % k == 0
    m = re.search(r"\b(?:greater|larger|bigger|more) than (\d{1,4})\b", low)
    if m:
        k = int(m.group(1))
        return f"greater than {k}", lambda n: n > k
    return None


def _listed(sentence: str) -> list[str]:
    """The items after a colon: "…: HHT, HTH, THH." or quoted "…: "A", "B"" (numbers and short words)."""
    m = re.search(r":\s*(.+?)\s*\.?$", sentence)
    if not m:
        return []
    quoted = [_q(x) for x in re.finditer(Q, m.group(1))]
    if len(quoted) >= 2:
        return quoted
    items = [x.strip(" .\"'") for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1))]
    items = [x for x in items if x and x not in ("...", "…")]
    if len(items) >= 2 and all(re.fullmatch(r"[\w+\-/]{1,12}", x) for x in items):
        return items
    return []


def rule_grid(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show cards with numbers 1 to 30 being placed into a bag"; "a grid of 24 tiles"; a following
    "Highlight the even numbers" lights up those cells of the grid on screen."""
    low = ex.low
    previous = _on_screen(ctx, "grid")
    if previous is not None and re.match(r"^\s*(?:then\s+)?(?:highlight|colou?r|mark|circle|shade|select|pick|light up)\b",
                                         low):
        names = previous.params.get("labels") or [str(n) for n in range(previous.params.get("start", 1),
                                                                         previous.params.get("start", 1) +
                                                                         (previous.params.get("count") or 0))]
        chosen = _number_set(low)
        listed = _listed(ex.sentence)
        some = re.search(r"\b(\d{1,5})\s+of\s+(?:them|the\s+\w+)\b", low)
        if some and previous.params.get("count") and not chosen and not listed:
            # "Color 10 of them red": the first cells (a scaled grid counts several per cell)
            k = max(1, round(int(some.group(1)) / previous.params.get("scale", 1)))
            hl = names[:min(k, len(names))]
            ctx.replace(previous, Beat("grid", dict(previous.params, highlight=hl), previous.strings,
                                       previous.rule + "+highlight", previous.source, previous.detail_index,
                                       previous.keywords), i)
            return []
        if chosen and previous.params.get("count"):
            hl = [x for x in names if chosen[1](int(x))]
            words = chosen[0]
        elif listed and all(x in names for x in listed):
            hl, words = listed, " ".join(listed)  # "Highlight the outcomes with exactly two heads: HHT, HTH, THH"
        else:
            return []
        ctx.replace(previous, Beat("grid", dict(previous.params, highlight=hl), previous.strings,
                                   previous.rule + "+highlight", previous.source, previous.detail_index,
                                   previous.keywords + _kw(words)), i)
        _claim(ex, ctx, listed)
        return []  # the highlight rule already indicates the grid
    if previous is not None and previous.source == ex.sentence:
        return []  # "Show the 30 cards again in a grid": the grid recalled for this sentence
    labels = _listed(ex.sentence)
    card_pairs = re.search(Q + r"\s*\(\s*" + Q + r"\s*\)", ex.sentence)
    if (_cue(ex, r"\bgrid\b") or _cue(ex, r"\btiles?\b|\bcards?\b|\bcells?\b") and len(labels) >= 5) and not card_pairs \
            and 2 <= len(labels) <= 40 and all(
            len(x) <= 12 for x in labels) and not _cue(ex, r"\b(diagram|table|plot|chart|axis|axes|matri(?:x|ces))\b"):
        # "Show all 8 outcomes in a grid: HHH, HHT, HTH, THH, HTT, THT, TTH, TTT": labelled cells
        _claim(ex, ctx, labels)
        return [_beat("grid", "grid:labelled-cells", ex, i, labels, _kw(ex.sentence) + tuple(x.lower() for x in labels),
                      labels=labels)]
    cue = r"\b(cards?|numbers?|numbered|tiles?|cells?|balls?|tickets?|chips?|marbles?|squares?|grid|boxes)\b"
    if not _cue(ex, cue) or _cue(ex, r"\b(diagram|table|plot|chart|axis|axes|matri(?:x|ces))\b"):
        return []
    if re.search(r"\[\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){2,}\s*\]", ex.sentence) or _NUMBER_LIST.search(ex.sentence):
        return []  # "Draw the array [38, 27, 43, …] as a row of 7 cells", "a row of 10 squares, each containing …: 2, 5,
        # 8, …": the items are given — the array's own cells (a sequence), not a count of numbered cells
    row = next((b for b in since_clear(ctx) if b.kind == "sequence"), None)
    if row is not None and (row.detail_index == i and row.source == ex.sentence or cells_named(
            mask_shown(ex.sentence), [str(t) for t in row.params.get("tokens") or []], 0)):
        return []  # "Keep the same array of 10 squares", "Grey out squares 0 to 4": the row on screen, not a new grid
    shaped = _grid_of_rows(ex, ctx, i, previous)
    if shaped is not None:
        return shaped
    m = re.search(_RANGE, ex.sentence)
    start = count = None
    if m and 0 < int(m.group(2)) - int(m.group(1)) + 1 <= 100:
        start, count = int(m.group(1)), int(m.group(2)) - int(m.group(1)) + 1
    elif _cue(ex, r"\bgrid of\b|\b\d{1,5}\s+(?:\w+\s+)?(?:numbered\s+)?(?:cards|tiles|cells|balls|tickets|chips|marbles|"
                  r"squares|dots|people|icons|circles)\b"):
        n = count_in(re.sub(r"\b\d+(?:\.\d+)?%|\b\d+\s*[x×]\s*\d+", "", ex.sentence))
        big = re.search(r"\b(\d{3,5})\s+(?:\w+\s+)?(?:dots|people|cells|squares|icons|circles|tiles)\b", ex.sentence)
        if big and 100 < int(big.group(1)) <= 10000 and int(big.group(1)) % 100 == 0:
            # "a grid of 1000 small dots representing people": 100 cells, each standing for several
            start, count = 1, 100
            scale = int(big.group(1)) // 100
            noun = re.search(r"\brepresenting\s+(\w+)|\b\d+\s+(?:\w+\s+)?(people|\w+)\b", ex.sentence)
            word = (noun.group(1) or noun.group(2)) if noun else "items"
            caption = f"{big.group(1)} {word} (each cell = {scale})"
            ctx.lost(i, f"{big.group(1)} {word} are drawn scaled: 100 cells, each standing for {scale} (the caption says so)")
            return [_beat("grid", "grid:scaled", ex, i, [caption], _kw(ex.sentence), count=100, start=1, caption=caption,
                          scale=scale, numbered=False)]
        if n and 2 <= n <= 100:
            start, count = 1, n
    if count is None or count < 2:
        return []
    params: dict = {"count": count, "start": start}
    dims = _dimensions(ex.bare or mask_shown(ex.sentence)) if _cue(ex, r"\bgrid\b") else None
    if dims and int(dims.group("r")) * int(dims.group("c")) == count and int(dims.group("c")) <= _GRID_COLUMNS:
        params["columns"] = int(dims.group("c"))  # "numbered 1 to 12 in a 3 x 4 grid": 4 to a row
    chosen = _number_set(low)
    if chosen and _cue(ex, r"highlight|colou?r|mark|circle|shade"):
        params["highlight"] = [str(n) for n in range(start, start + count) if chosen[1](n)]
    if _cue(ex, r"\b(bag|box|urn|hat|jar|bowl|container)\b") and _cue(ex, r"\b(into|in|inside)\b"):
        params["container"] = "bag"
    caption = next((q for q in ex.quoted if q not in ctx.consumed), None)
    if caption:
        params["caption"] = caption
    strings = [str(n) for n in range(start, start + count)] + ([caption] if caption else [])
    _claim(ex, ctx, [caption] if caption else [])
    return [_beat("grid", "grid:numbered-range", ex, i, strings, _kw(ex.sentence), **params)]


_RANGE = r"\b(\d{1,4})\s*(?:to|-|–|through|until|…|\.\.)\s*(\d{1,4})\b"


def _dimensions(bare: str) -> re.Match | None:
    """"28 x 28", "100 by 100", "3 rows and 4 columns": the rows (`r`) and columns (`c`) of a grid, or None."""
    return next((m for p in _DIMENSIONS for m in [re.search(p, bare, re.I)] if m), None)


_GRID_CELLS, _GRID_COLUMNS = 100, 12  # what the grid component draws at most: cells, and cells in a row
_DIMENSIONS = (r"\b(?P<r>\d{1,4})\s*(?:x|×|\*|by|-by-)\s*(?P<c>\d{1,4})\b(?!\s*(?:=|\d))",
               r"\b(?P<r>\d{1,4})\s+rows?\s*(?:,|and|by|x|×)?\s*(?P<c>\d{1,4})\s+columns?\b",
               r"\b(?P<c>\d{1,4})\s+columns?\s*(?:,|and|by|x|×)?\s*(?P<r>\d{1,4})\s+rows?\b")


def _grid_of_rows(ex: Extracted, ctx: Context, i: int, previous: Beat | None) -> list[Beat] | None:
    """"a 28 x 28 grid of pixels", "a grid of 100 by 100 small squares representing 10,000 people", "a grid with 3 rows
    and 4 columns": rows × columns of plain cells. More than the grid component draws: a scaled grid — each cell stands
    for s × s of them, the caption says so, and SB307 too."""
    if not _cue(ex, r"\bgrid\b"):
        return None
    bare = ex.bare or mask_shown(ex.sentence)
    if previous is not None and re.search(r"\b(?:the|this|that)\s+grid\b", bare, re.I) and not re.search(
            r"\b(?:an?|new|another|second)\s+(?:\S+\s+){0,4}?grid\b", bare, re.I):
        return None  # "Zoom into a 4 x 4 corner of the grid": a part of the grid on screen
    m = _dimensions(bare)
    if m is None:
        return None
    rows, cols = int(m.group("r")), int(m.group("c"))
    if rows < 1 or cols < 1 or rows * cols < 2:
        return None
    low = bare.lower()
    fits = rows * cols <= _GRID_CELLS and cols <= _GRID_COLUMNS
    if re.search(_RANGE, low) and fits:
        return None  # "cards numbered 1 to 12 in a 3 x 4 grid": numbered cells, `columns` from the rows × columns
    if re.search(r"\b(?:numbered|numbers)\b", low) and fits:
        # "a 3 x 4 grid of numbered cards": numbered from 1
        return [_beat("grid", "grid:rows-by-columns", ex, i, [str(k) for k in range(1, rows * cols + 1)], _kw(ex.sentence),
                      count=rows * cols, start=1, columns=cols)]
    noun_m = re.search(r"\brepresenting\s+(?:\d[\d,]*\s+)?([a-z]+)", low) or re.search(
        r"^[^.;:]*?\b([a-z]+s|people)\b", low[m.end():])
    noun = noun_m.group(1) if noun_m else "cells"
    caption = written = next((q for q in ex.quoted if q not in ctx.consumed), None)
    scale = 1
    if rows * cols > _GRID_CELLS or cols > _GRID_COLUMNS:
        # the smallest block of s × s cells that brings the grid within the component's limits (exact when s divides both)
        scale = next((k for k in range(2, max(rows, cols) + 1)
                      if -(-rows // k) * -(-cols // k) <= _GRID_CELLS and -(-cols // k) <= _GRID_COLUMNS
                      and rows % k == 0 and cols % k == 0), 0) or next(
            k for k in range(2, max(rows, cols) + 1)
            if -(-rows // k) * -(-cols // k) <= _GRID_CELLS and -(-cols // k) <= _GRID_COLUMNS)
    drawn_rows, drawn_cols = -(-rows // scale), -(-cols // scale)
    if scale > 1:
        each = f"{scale * scale:,}" if rows % scale == 0 and cols % scale == 0 else f"up to {scale * scale:,}"
        caption = f"{caption or f'{rows * cols:,} {noun}'} (each cell = {each})"
        ctx.lost(i, f"a {rows} × {cols} grid of {noun} is drawn scaled: {drawn_rows} × {drawn_cols} cells, each standing "
                    f"for {each} (the caption says so)")
    _claim(ex, ctx, [written, caption])
    return [_beat("grid", "grid:rows-by-columns" + ("-scaled" if scale > 1 else ""), ex, i, [caption] if caption else [],
                  _kw(ex.sentence), count=drawn_rows * drawn_cols, start=1, columns=drawn_cols, caption=caption,
                  numbered=False, scale=scale * scale if scale > 1 else None)]


# ----------------------------------------------------------------------------- cards
def rule_cards(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Three result cards side by side: "30,000+ tok/s" ("Execution speed on CPU"), "Millions of
    steps" ("Correct execution length"), …"; or "cards "A", "B", "C"" (figures only)."""
    cue = _cue(ex, r"\b(cards?|results?|stats?|statistics|metrics?|kpis?|key (?:numbers|figures)|highlights|"
                   r"side[- ]by[- ]side|panels?|tiles?)\b")
    if not cue:
        return []
    # "FIG" ("CAPTION"), "FIG" (caption words), "FIG": "CAPTION", "FIG" — "CAPTION"
    pairs = []
    for m in re.finditer(Q + r"(?:\s*\(\s*(?:" + Q + r"|([^()\"\u201c]{2,80}))\s*\)|\s*(?::|\u2014|\u2013| - )\s*" + Q +
                         r")?", ex.sentence):
        fig = _q(m)
        cap = _q(m, 3) or (m.group(5) or "").strip() or _q(m, 6)
        pairs.append((fig, cap))
    pairs = [(f, c) for f, c in pairs if f and f not in ctx.consumed]
    with_caption = [p for p in pairs if p[1]]
    if len(with_caption) >= 2:
        pairs = with_caption
    elif not (_cue(ex, r"\bcards?\b") and len(pairs) >= 2):
        return []
    beats = []
    chunks = [pairs[k : k + 4] for k in range(0, len(pairs), 4)][:3]
    for chunk in chunks:
        figures = [f for f, _ in chunk]
        captions = [c for _, c in chunk]
        strings = figures + [c for c in captions if c]
        _claim(ex, ctx, strings)
        beats.append(_beat("cards", "cards:figure-caption" if any(captions) else "cards:quoted-figures", ex, i,
                           strings, sum((_kw(x) for x in strings), ()), figures=figures,
                           captions=captions if any(captions) else None))
    return beats


# ----------------------------------------------------------------------------- comparison
_DIVIDER = (r"\b(?:dashed|dotted|vertical)?\s*(?:divider|dividing line|separator)\b|\bsplit (?:the )?screen\b|"
            r"\bside[- ]by[- ]side comparison\b|\btwo[- ]column\b|\btwo columns\b|\bthree columns\b|"
            r"\bcompare\b.*\bside by side\b|\bsplit[- ]screen\b|\b(?:two|three|2|3)\s+(?:\w+\s+)?(?:panels|columns|halves)\b|"
            r"\bpanels?\s+side[- ]by[- ]side\b|\btwo-column\b|\b(?:show|display|draw|create|present)\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,3}comparison\b")
_IN_COLUMN = re.compile(r"^\s*(?:then\s+|and\s+)?(?:in|on)\s+the\s+(first|second|third|left|right|middle)(?:\s+(?:column|side|"
                        r"half|panel|pane|one|case|box))?\s*,\s*", re.I)
_COLUMN = re.compile(r"^\s*(?:then\s+|and\s+|next,?\s+)?(?:(?:on|in)\s+the\s+)?(left|right|middle|center|centre|first|"
                     r"second|third)\s+(?:column|side|half|panel|pane)\b", re.I)


def _column_index(word: str, n: int) -> int:
    return {"left": 0, "first": 0, "right": n - 1, "third": 2, "second": 1, "middle": 1, "center": 1,
            "centre": 1}[word.lower()]


def _comparison_beat(ex: Extracted, i: int, rule: str, titles, lines, captions, keywords=()) -> Beat:
    strings = [t for t in titles if t] + [x.strip("`") for col in lines for x in col] + [c for c in captions if c]
    return _beat("comparison", rule, ex, i, strings, tuple(keywords) + sum((_kw(t) for t in titles), ()),
                 titles=list(titles), lines=[list(c) for c in lines] if any(lines) else None,
                 captions=list(captions) if any(captions) else None)


def rule_comparison(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Split the screen with a dashed divider." opens a comparison; "Left column "Tool Use": lines
    `print(3+5)`, "→ send to interpreter", and the caption "…"." fills one column of it: the
    sentences become one comparison beat, revealed column by column across the narration."""
    blocks = re.findall(r"(?m)^\s*(?:(?:left|right|first|second|third|middle)\s+)?column\s*[\"\u201c]([^\"\u201d\n]+)"
                        r"[\"\u201d]\s*:\s*(.+)$", ex.sentence, re.I)
    if len(blocks) >= 2:
        # "two columns:\n Column "Horizontal": "a_x = 0", "x = v0 t"\n Column "Vertical": …": one line per column
        titles = [t.strip() for t, _ in blocks][:3]
        cols = [[_q(m) for m in re.finditer(Q, body)][:10] for _, body in blocks][:3]
        _claim(ex, ctx, titles + [x for c in cols for x in c])
        ex.prose[:] = []
        return [_comparison_beat(ex, i, "comparison:column-lines", titles, cols, [""] * len(titles),
                                 ("compare", "versus"))]
    col = _COLUMN.match(ex.sentence)
    prose_line = None
    if col is None:
        col = _IN_COLUMN.match(ex.sentence)
        if col is not None:
            on_screen = next((b for b in reversed(ctx.beats) if b.kind in ("comparison", "clear", "title")), None)
            if on_screen is None or on_screen.kind != "comparison":
                col = None
            elif not _items(ex.sentence[col.end():]):
                # "In the first, the ball takes tiny steps.": the sentence itself is the column's line
                rest = ex.sentence[col.end():].strip().rstrip(".")
                prose_line = rest[0].upper() + rest[1:] if rest else None
    if col is None:
        if not _cue(ex, _DIVIDER) or _cue(ex, r"\btables?\b"):
            return []
        fresh = [q for q in ex.quoted if q not in ctx.consumed]
        if len(fresh) == 1 and re.search(r"[<>≤≥≠]|=", fresh[0]) and not _cue(
                ex, r"\b(?:divider|dividing|separator|split|side[- ]by[- ]side|columns?|panels?|halves)\b"):
            return []  # "Show the comparison "arr[4] = 16 < 23"": two values compared, one statement — not columns
        head = Q + r"\s+(?:with|:|lists?|showing|containing)\s+"
        grouped = list(re.finditer(head + r"((?:(?!" + head + r")" + Q + r"\s*,?\s*(?:and\s+)?)+)", ex.sentence))
        if len(grouped) >= 2:
            # "a two-column comparison: "Inputs" with "Carbon dioxide", "Water", and "Outputs" with "Glucose""
            titles = [_q(g) for g in grouped][:3]
            cols = [[_q(m) for m in re.finditer(Q, g.group(3))][:10] for g in grouped][:3]
            _claim(ex, ctx, titles + [x for c in cols for x in c])
            return [_comparison_beat(ex, i, "comparison:grouped", titles, cols, [""] * len(titles),
                                     ("compare", "versus"))]
        titles = [q for q in ex.quoted if q not in ctx.consumed][:3]
        n = 3 if len(titles) == 3 or _cue(ex, r"\bthree\b") else 2
        titles = (titles + ["", "", ""])[:n]
        _claim(ex, ctx, titles)
        return [_comparison_beat(ex, i, "comparison:divider", titles, [[] for _ in range(n)], [""] * n,
                                 ("compare", "versus", "side"))]
    # one column: its title, its lines (backticked ones in monospace) and its caption
    rest = ex.sentence[col.end():]
    items = [(s, tick, pos) for s, tick, pos in _items(rest) if s not in ctx.consumed]
    title = ""
    if items and not items[0][1] and re.match(r"^\s*(?:titled|called|labell?ed|headed|named|:)?\s*[\"\u201c]",
                                              rest[: items[0][2] + 1]):
        title = items.pop(0)[0]
    else:
        named = re.match(r"^\s*[,:]?\s*([^:\n\"\u201c]{1,30}?)\s*:\s*\n", rest)
        if named and named.group(1).strip() and not is_instruction(named.group(1).strip()):
            title = named.group(1).strip()  # "Left column, lambda = 3:" then its lines (not "show a list of values:")
    caption = ""
    for k in range(len(items) - 1, -1, -1):
        s, tick, pos = items[k]
        if not tick and re.search(r"\b(?:caption|note|footer|summary|subtitle|label)\b[^\"`\u201c]{0,20}$", rest[:pos],
                                  re.I):
            caption = items.pop(k)[0]
            break
    mono = _cue(ex, r"\b(monospace|code)\b")
    lines = [f"`{s}`" if tick or mono else s for s, tick, _ in items][:10]
    formulas = [f.rstrip(".") for f, a, _ in ex.prose if a >= col.end() and f.rstrip(".") not in ctx.consumed]
    if formulas and not lines:
        # "On the left, titled "Simple Interest", show the formula A = P(1 + rt)": the column's line
        lines = formulas[:4]
        prose_line = None
        ex.prose[:] = []
    if prose_line:
        lines = [prose_line]
    previous = None
    for b in reversed(ctx.beats):
        if b.kind == "comparison":
            previous = b
            break
        if b.kind in ("clear", "title"):
            break
    drawn = [title, caption] + [s for s, _, _ in items] + ([prose_line] if prose_line else []) + lines
    _claim(ex, ctx, drawn)
    ex.code[:] = [c for c in ex.code if c not in ctx.consumed]
    if not (title or caption or lines):
        return []  # "On the right side draw a table …": the table is drawn by its rule, not an empty column
    if previous is None:
        n = 3 if col.group(1).lower() in ("middle", "center", "centre", "third") else 2
        titles, cols, caps = [""] * n, [[] for _ in range(n)], [""] * n
        k = _column_index(col.group(1), n)
        titles[k], cols[k], caps[k] = title, lines, caption
        return [_comparison_beat(ex, i, "comparison:column", titles, cols, caps, ("compare",))]
    p = previous.params
    titles = list(p["titles"])
    if col.group(1).lower() in ("middle", "center", "centre", "third") and len(titles) == 2:
        titles.insert(1, "")
        cols = list(p.get("lines") or [[], []])
        cols.insert(1, [])
        caps = list(p.get("captions") or ["", ""])
        caps.insert(1, "")
    else:
        cols = [list(c) for c in (p.get("lines") or [[] for _ in titles])]
        caps = list(p.get("captions") or ["" for _ in titles])
    n = len(titles)
    cols += [[] for _ in range(n - len(cols))]
    caps += ["" for _ in range(n - len(caps))]
    k = _column_index(col.group(1), n)
    titles[k] = title or titles[k]
    cols[k] = cols[k] + lines
    caps[k] = caption or caps[k]
    merged = _comparison_beat(ex, i, previous.rule + "+column", titles, cols, caps)
    beat = Beat("comparison", dict(merged.params, **({"color": p["color"]} if "color" in p else {})), merged.strings,
                merged.rule, previous.source, previous.detail_index, previous.keywords + merged.keywords)
    if ctx.beats[-1] is previous:
        # still the last beat: this sentence returns it, filled (one comparison beat for all the sentences)
        ctx.beats.pop()
        return [beat]
    ctx.beats[ctx.beats.index(previous)] = beat  # something came in between: fill it where it is
    return [_beat("highlight", "highlight:comparison-column", ex, i, (), _kw(ex.sentence), target=title or None)]


# ----------------------------------------------------------------------------- sequence
_PROCESS = (r"\bprocess\w*|\bone at a time\b|\bone by one\b|\bin turn\b|\bstep(?:s|ping)? through\b|"
            r"\bsequentially\b|\bread\w*\b|\bscan\w*\b|\bpointer\b|\bcheck(?:ing|s)? each\b|\bwalk\w* through\b|"
            r"\bvisit\w*\b|\biterat\w*")


def _on_screen(ctx: Context, kind: str) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == kind), None)


def rule_sequence(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show the tokens "The", "cat", "sat" processed one at a time"; "…appearing one by one as they
    are generated"; "the sentence "The cat sat" split into tokens"; "a sorted array of numbers
    [3, 8, 15, 21] as boxes in a row"; then "Animate a pointer moving … checking each element" or
    "pointers "low" at index 0 and "high" at index 9" on the array on screen."""
    previous = _on_screen(ctx, "sequence")
    if previous is not None and not ex.vectors:
        return _sequence_operation(ex, ctx, i, previous)
    previous = previous or next((b for sp in reversed(ctx.history[-3:]) for b in reversed(sp.beats)
                                 if b.kind == "sequence"), None)
    array_cue = _cue(ex, r"\b(arrays?|lists?|rows?|boxes|cells|sequences?|elements|numbers|values|items|tokens?)\b")
    not_vector = not _cue(ex, r"\b(vectors?|matri(?:x|ces)|embeddings?|weights?|coordinates?|points?|basis)\b")
    labelled = re.findall(r"([A-Z][\w ]{0,15}?|\b\w{1,12})\s*(?:→|->|:)\s*\[([^\[\]]{1,80})\]", ex.sentence)
    if len(labelled) >= 2 and not_vector:
        # "Pass 2 → [1, 2, 4, 5, 8], Pass 3 → [1, 2, 4, 5, 8]": one row of boxes per state, named
        beats = []
        for name, body in labelled[:4]:
            tokens = [t.strip() for t in body.split(",") if t.strip()][:16]
            beats.append(_beat("sequence", "sequence:labelled-states", ex, i, tokens + [name.strip()], _kw(ex.sentence),
                               tokens=tokens, mode="show", label=name.strip()))
        ex.vectors[:] = []
        ex.prose[:] = []
        ex.chain[:] = []
        return beats
    state = re.search(r"\b(?:giving|gives|becomes|become|now|resulting in|results in|to get|yielding|leaving|after|"
                      r"result(?:\s+is)?\s*:?)\b", ex.low)
    if ex.vectors and not_vector and (array_cue or state or previous is not None):
        vec = ex.vectors[0]
        result = re.search(r"\bresult(?:\s+is)?\s*:?\s*\[([^\[\]]+)\]", ex.sentence, re.I)
        if result:
            # "Merge [38] and [27, 43]: … Result [27, 38, 43]": the result is what the array becomes
            wanted = [x.strip() for x in result.group(1).split(",")]
            vec = next((v for v in ex.vectors if [_fmt(x) for x in v] == wanted), vec)
            if vec in ex.vectors and vec is not ex.vectors[0]:
                ex.vectors.remove(vec)
                ex.vectors.insert(0, vec)
        tokens = [_fmt(v) for v in vec][:16]
        if len(tokens) >= 2:
            ex.vectors.pop(0)
            mode = "process" if _cue(ex, _PROCESS) else "show"
            label = None
            if state:
                # "Compare 5 and 1: swap them, giving [1, 5, 4, 2, 8]": the new state, captioned with the step
                cap = re.split(r",?\s*\b(?:giving|gives|becomes|resulting in|results in|to get|yielding|leaving)\b",
                               ex.sentence)[0].strip(" ,.:")
                label = cap if 0 < len(cap) <= 60 else None
            strings = tokens + ([label] if label else [])
            return [_beat("sequence", f"sequence:array-{mode}", ex, i, strings, _kw(ex.sentence) + ("array",),
                          tokens=tokens, mode=mode, label=label)]
    numbers = _NUMBER_LIST.search(ex.sentence)
    if numbers and array_cue and not_vector and not _cue(ex, r"\b(chart|graph|plot|table|grid|cards?)\b"):
        # "Display an unsorted list of numbers: 5, 1, 4, 2, 8 as colored boxes"
        tokens = [t.strip() for t in numbers.group(1).split(",")][:16]
        if all(t in ctx.consumed for t in tokens):
            return []  # "Draw 5 cells containing the numbers: 1, 4, 9, 16, 25": drawn as those cells already
        mode = "process" if _cue(ex, _PROCESS) else "show"
        asked = re.search(r"\b(\d{1,3})\s+(?:\w+\s+)?(?:squares|boxes|cells|elements|numbers|values|items|slots)\b",
                          ex.sentence[:numbers.start()])
        if asked and int(asked.group(1)) != len(tokens):
            # "a row of 10 squares: 2, 5, 8": the values given are drawn, the count they contradict is said
            ctx.lost(i, f"{asked.group(0)} are asked for but {len(tokens)} values are given: the {len(tokens)} "
                     f"values are drawn")
        return [_beat("sequence", f"sequence:number-list-{mode}", ex, i, tokens, _kw(ex.sentence) + ("list",),
                      tokens=tokens, mode=mode)]
    if not (_cue(ex, r"\b(tokens?|tokeni[sz]\w*)\b") or _cue(ex, r"\b(words?|sequence|sentence)\b") and _cue(
            ex, r"\bone (?:at a time|by one)\b|\bgenerat|\bprocess|\bsplit|\bin a row\b|\bpills?\b")) or _cue(
            ex, r"\b(?:network|" + diagram_nouns() + r")\b"):
        return []
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    last = ctx.beats[-1] if ctx.beats else None
    if (last is not None and last.detail_index == i and last.source == ex.sentence and last.kind == "title"
            and last.rule == "title:first-display" and _cue(ex, r"\b(tokens?|tokeni[sz]\w*|split)\b")):
        # "Show the sentence "The cat sat" split into tokens" is no title: take its text back
        ctx.beats.pop()
        quoted = [last.params["text"]]
    tokens: list[str] = []
    if len(quoted) >= 2 and all(len(q) <= 24 for q in quoted):
        tokens, used = quoted[:16], quoted[:16]
    elif len(quoted) == 1 and 2 <= len(quoted[0].split()) <= 16 and _cue(
            ex, r"\b(tokens?|split|tokeni[sz]\w*|words)\b"):
        tokens, used = quoted[0].split(), quoted[:1]
    if len(tokens) < 2:
        return []
    mode = "show"
    if _cue(ex, r"\bgenerat\w*|\bappend\w*|\bautoregress\w*|\bpredict\w*|\bproduc\w+ one\b"):
        mode = "generate"
    elif _cue(ex, _PROCESS):
        mode = "process"
    _claim(ex, ctx, used)
    return [_beat("sequence", f"sequence:{mode}", ex, i, tokens, _kw(ex.sentence) + ("token",), tokens=tokens,
                  mode=mode)]


def _sequence_operation(ex: Extracted, ctx: Context, i: int, previous: Beat) -> list[Beat]:
    """On the sequence on screen: step through it ("Animate a pointer moving … one at a time"). Pointers at its
    cells ("pointers "low" at index 0 and "high" at index 9") are `rules_array`'s."""
    if _cue(ex, _PROCESS) and not ex.quoted:
        if previous.source == ex.sentence:  # recalled by this very sentence: draw it stepping through
            ctx.replace(previous, Beat("sequence", dict(previous.params, mode="process"), previous.strings,
                                       previous.rule + "+process", previous.source, previous.detail_index,
                                       previous.keywords), i)
            return []
        return [_beat("highlight", "highlight:step-through", ex, i, (), _kw(ex.sentence), target=None, mode="pulse")]
    return []


# ----------------------------------------------------------------------------- timeline
_DATE = r"(?:\d{1,4}\s*(?:BCE?|CE|AD)?|\d{3,4}s|(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+)?\d{4})"


def rule_timeline(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show a horizontal timeline with the following events: 1440 "Gutenberg builds his press", 1455 "…"":
    dated events in order — a flow of boxes for up to four, a Year/Event table for more."""
    if not _cue(ex, r"\btime ?lines?\b|\bchronolog\w*|\bmilestones\b|\bkey dates\b|\bhistory of\b"):
        return []
    events = [(m.group(1).strip(), _q(m, 2)) for m in re.finditer(r"\b(" + _DATE + r")\s*(?::|-|–|—|,)?\s*" + Q, ex.sentence)]
    if len(events) < 2:
        events = [(_q(m), m.group(3).strip()) for m in re.finditer(Q + r"\s*\(?\s*(?:in\s+)?(" + _DATE + r")\s*\)?",
                                                                   ex.sentence)]
    if len(events) < 2:
        return []
    events = events[:8]
    _claim(ex, ctx, [e for _, e in events])
    if len(events) <= 4:
        nodes = [f"{d}: {e}" for d, e in events]
        return [_beat("flow", "flow:timeline", ex, i, nodes, _kw(ex.sentence), nodes=nodes, direction="right")]
    rows = [[d, e] for d, e in events]
    strings = ["Year", "Event"] + [x for r in rows for x in r]
    return [_beat("table", "table:timeline", ex, i, strings, _kw(ex.sentence), columns=["Year", "Event"], rows=rows)]


RULES: list = [rule_timeline, rule_transform, rule_move, rule_steps, rule_table, rule_grid, rule_cards, rule_comparison,
               rule_sequence]
