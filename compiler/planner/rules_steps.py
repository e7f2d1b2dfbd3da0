"""The rule for derivations and calculations written as lines: `Line 1: …` blocks, formula lines joined by
"then", "so" or arrows, labelled rows under an introducing line, a calculation with its result; each line
revealed in turn as the narration walks through it. The row helpers here are shared with the table rule.
"""

from __future__ import annotations

import re
from ..mathtext import looks_like_math
from .beats import Beat
from .extract import Extracted
from .context import Context, _beat, _kw, since_clear
from .knowledge import ordinals, step_note_words
from .listing import unquoted_cell, Q, row_cells, claim, cue_unquoted, cell_number, match_text, top_level_split
from .segment import CITED
from .theme import COLOUR_RE, colour_value


# ----------------------------------------------------------------------------- steps
_STEPS_CUE = (r"\bstep[- ]by[- ]step\b|\bcalculation|\bcalculat\w+|\bcompute\b|\bderivation\b|\bderiv\w+|"
              r"\bsolv(?:e|ing)\b|\bsimplif\w+|\bwork(?:ing|s)? (?:it )?out\b|\bline by line\b|\brearrang\w+|"
              r"\bexpand\w*|\bsteps\b")


def _step_piece(piece: str) -> tuple[str, str]:
    """"2x = 4 (subtract 3)" -> ("2x = 4", "subtract 3"); formulas keep their own brackets, and the words in the
    bracket of a call (`P(not D)`, `P(+ | no disease)`) are the formula's."""
    m = re.search(r"\s*\(\s*(?:" + Q + r"|([A-Za-z](?:[^()]|\([^()]*\))*?))\s*\)\s*$", piece)
    if m and m.group(0)[:1] == "(" and re.search(r"[\w')\]]$", piece[: m.start()]):
        m = None  # "P(+ | not D) P(not D)": the bracket of a function call, its words are the formula's
    if m and re.search(r"[=<>≈≤≥→+\-*/^:×·÷−]\s*$", piece[: m.start()]):
        m = None  # "ack = (none)": the bracket is the right-hand side, not a note beside the line
    if m:
        note = match_text(m) or (m.group(3) or "").strip()
        words = [w for w in re.findall(r"\b[A-Za-z]{2,}\b", note) if w.lower() not in ("sin", "cos", "tan", "log", "exp",
                                                                                   "lim", "ln", "dx", "dt", "dy")]
        # "(subtract 3)", "(f is odd, and f = 1 on (0, π))": words about the line, beside it, not in the formula
        if match_text(m) or [w for w in words if len(w) >= 3] and not looks_like_math(note) or len(words) >= 3:
            return piece[: m.start()].strip(), note
    return piece.strip(), ""


_LINE_LABEL = re.compile(r"^(?:(?:line|step|row|eq(?:uation)?)\s*\d{1,2}\s*(?:\((?:the\s+)?(?:header|headers|heading)\)\s*)?[:.)]|\d{1,2}[.)](?!\d)|\(\d{1,2}\)(?=\s)|"
                         r"(?:math\s?tex|tex|text)\b\s*:?)\s*",
                         re.I)


# ("row 1 (header): "k" | 1 | 2": the bracket says what the row is, no cell of it)
ROW_LABEL = re.compile(r"^\s*(?:row\s+([^\s:|()]{1,12})|(\w+)\s+row|row(?=\s*:))(?:\s*\((?:the\s+)?(?:header|headers|heading|"
                       r"column\s+names)\))?\s*(?::|[-\u2013\u2014)]\s)\s*", re.I)


def row_label(text: str) -> re.Match | None:
    """"row 1: 0 | 9 | 4", "Row C: 6 | 6", "second row - 5 | 9", "row: …": the label in front of a row's cells."""
    m = ROW_LABEL.match(text)
    if m and m.group(2) and m.group(2).lower() not in ordinals():
        return None  # "header row: …" is not a row of cells
    return m


def _named_first(cells: list, ncols: int) -> list:
    """"n = 1: 1 | 1·2/2 = 1" under "n", "1 + … + n", "n(n+1)/2": the value named before the colon is the first cell."""
    named = re.match(r"\s*[A-Za-zα-ω]\w{0,3}\s*=\s*([^:|=]{1,12}?)\s*:\s*(\S.*)$", str(cells[0])) if cells else None
    return [named.group(1), named.group(2)] + list(cells[1:]) if named and len(cells) == ncols - 1 else cells


def labelled_row(group: str, ncols: int) -> list:
    """The cells of one row written in the prose, without its label ("row 1: 0 | 9 | 4" is 0, 9, 4; "row A: 90"
    under two columns is A, 90)."""
    label = row_label(group)
    cells = row_cells(group[label.end():] if label else group)
    if label and label.group(1) and len(cells) == ncols - 1:
        cells = [label.group(1)] + cells
    return [cell_number(c) for c in _named_first(cells, ncols)]


def block_row(line: str, ncols: int) -> list:
    """One row of a table block: cells split at "|", quotes off; "Row C: 6 | 6" names its first cell C
    ("row 1: 0 | 9 | 4" with as many cells as columns: the label is not a cell)."""
    label = row_label(line)
    rest = line[label.end():] if label else line
    cells = [unquoted_cell(c, " ") for c in rest.split("|")]
    # the bars at a row's ends make no cells; an empty cell between two bars is a cell ("| total | | | 6 |": the 6 is
    # the fourth column's, "| | before | after |": the corner above the row names is empty)
    if cells and cells[0] == "" and rest.strip().startswith("|"):
        cells = cells[1:]
    if cells and cells[-1] == "" and rest.strip().endswith("|"):
        cells = cells[:-1]
    if not any(cells):
        return []
    if label and label.group(1) and len(cells) == ncols - 1:
        cells = [label.group(1)] + cells
    return [cell_number(c) for c in _named_first(cells, ncols)]


def block_lines(sentence: str, about: str = "") -> list[str]:
    """The data lines under a line that ends with a colon, without their labels ("Line 1:", "MathTex:",
    "Row 2:") or the quotes around a formula: [] when the sentence has no such block."""
    block = re.search(r":[ \t]*\n(.+)$", sentence, re.S)
    if not block:
        return []
    out = []
    # "(1) J₁: I = I₂ + I₃" … "From (1) and (3): I = 2I₂": numbers the argument refers to are the lines' tags, kept
    cited = CITED.search(about or sentence) is not None
    for ln in block.group(1).splitlines():
        ln = ln.strip() if cited and re.match(r"\s*\(\d{1,2}\)\s", ln) else _LINE_LABEL.sub("", ln.strip())
        quoted = re.fullmatch(r"[\"'\u201c]([^\"'\u201d]+)[\"'\u201d]\s*(\(.*\))?", ln)
        if quoted:
            ln = quoted.group(1) + (" " + quoted.group(2) if quoted.group(2) else "")
        if ln:
            out.append(ln)
    return out


def _cell_bar(line: str) -> bool:
    """A "|" that separates table cells — not the "given" bar of P(D | +) nor an absolute value |x|."""
    if re.search(r"[⟹⇒⟸⇐⟺⇔]", line):
        return False  # "d | a and d | b ⟹ d | r": "divides", in an argument — no table row has an implication
    flat = line
    while True:  # ends: each turn removes a bracketed group or stops
        shorter = re.sub(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}", "", flat)  # (|R₄(0.5)| stays one absolute value)
        if shorter == flat:
            break
        flat = shorter
    flat = re.sub(r"\|(?=\S)[^|]*(?<=\S)\|", " ", flat)  # |x|, |x - 3|
    return "|" in flat


def _spec_line(line: str) -> bool:
    """'Top: x(t) = 0.1 cos(10t), label "x (m)", y range -0.12 to 0.12': a curve and its settings, named field by
    field after commas (a quoted label among them) — a description of a picture, not a line of a derivation."""
    if not re.search(r'"[^"]+"', line):
        return False
    fields = top_level_split(re.sub(r'"[^"]*"', "Q", line))
    return len(fields) >= 2 and any(re.match(r"\s*[A-Za-z]{3,}\b", f) and not re.search(r"[=≈<>→]", f)
                                    for f in fields[1:])


_COLUMN_LINE = re.compile(r"\s*([+\-\u2212\u00d7x*=])?\s*(\d+(?:[ ,]\d+)*)\s*(\([^()\n]{1,16}\))?"
                          r"\s*(?:(?:\u2192|->)\s*(.{1,40}))?\s*$")


def _column_arithmetic(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'Show the column addition:' then '   00000011   (3)', ' + 11111011   (-5)', ' = 11111110': numbers written
    one under the other with their operator (and a note in brackets) — a calculation, each line as written."""
    block = re.search(r":[ \t]*\n(.+)$", ex.sentence, re.S)
    if not block:
        return None
    lines = []
    for ln in block.group(1).splitlines():
        m = _COLUMN_LINE.fullmatch(ln)
        if not m:
            break
        op, number, note, tail = m.groups()
        op = {"x": "\u00d7", "*": "\u00d7", "-": "\u2212"}.get(op or "", op or "")
        line = (op + " " if op else "") + re.sub(r"\s+", " ", number) + (" " + note if note else "")
        if tail:
            line += " \u2192 " + tail.strip().strip("\"\u201c\u201d")
        lines.append(line)
    if len(lines) < 2 or not any(re.match(r"[+\u2212\u00d7=]", ln) for ln in lines[1:]):
        return None
    claim(ex, ctx, [q for q in ex.quoted if any(q in ln for ln in lines)])
    return [_beat("steps", "steps:column-arithmetic", ex, i, lines, _kw(ex.sentence), lines=lines)]


def rule_steps(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show the calculation step by step: 2x + 3 = 7, 2x = 4, x = 2"; backticked formulas with a
    step cue; an optional note per line in brackets."""
    column = _column_arithmetic(ex, ctx, i)
    if column is not None:
        return column
    if not cue_unquoted(ex, _STEPS_CUE) and (len([ln for ln in block_lines(ex.sentence) if re.search(
            r"[=≈<>≤≥]|(?:→|->)\s*[-−]?\d|^\W*(?:⇒|=>|∴|⟹)", ln)]) < 2  # ("× 364/365 → 0.9973": a value worked out)
                                     or cue_unquoted(ex, r"\blist\b")):
        return []  # "show a list of given values:" then "h = 20 m", "g = 9.8 m/s^2": a list, not a derivation
    if cue_unquoted(ex, r"\bbullet(?:s|ed)?\b|\bbullet[- ]points?\b|\b(?:numbered|bulleted)\s+list\b"):
        return []  # "a summary box with three bullet points:" then lines with "=" in them: a list's items
    if re.match(r"\s*(?:then\s+|and\s+|next,?\s+)?(?:(?:on|in)\s+the\s+)?(?:left|right|middle|first|second|third)\s+"
                r"(?:column|side|half|panel|pane)\b", ex.sentence, re.I) and (any(b.kind == "comparison" for b in since_clear(ctx))
                                                                 or re.match(r"\s*(?:the\s+)?left\s+column\b", ex.sentence, re.I)
                                                                 and ctx.mentions(r"\bright\s+column\b")):
        # 'Left column heading "Population": …' under a split screen, or before the right column: that column's lines
        return []
    rule = ""
    pieces: list[str] = []
    labelled: list[str] = []  # the quoted labels and captions of formula lines, drawn with them
    worked: dict[str, str] = {}  # a line -> what the next (instruction) line does to it, its note
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
                cand = block_lines(plain, ctx.about)
                if any(_cell_bar(c) for c in cand):
                    return []  # rows of a table, not a derivation
                if len(cand) >= 2 and all(re.match(r"\s*[•▪◦‣]\s", c) for c in cand):
                    return []  # "• Scalar projection: (a · b) / |b| = 3", "• Vector projection: …": a bulleted list
                if len(cand) >= 2 and all(re.match(r"\s*(?:left|right|top|bottom|middle|cent(?:er|re))\s*:", c, re.I)
                                          for c in cand):
                    return []  # "left: MathTex '…'", "right: MathTex '…'": formulas placed side by side, not a derivation
                # "label its residual $e_i = y_i - \hat{y}_i$:" then the lines: the formula they work out comes first
                cand = [s for s, end in ticked[-1:] if "=" in s and re.match(r"\s*:[ \t]*\n", ex.sentence[end:])] + cand
            else:
                quoted = re.findall(r'"([^"]+)"', m.group(1))
                # '"λ = 3: A − 3I = …", "-x + y = 0 → y = x", "v₁ = (1, 1)"': the quoted lines, whole
                cand = quoted if len(quoted) >= 2 and re.fullmatch(
                    r'\s*(?:first\s+)?(?:"[^"]+"\s*(?:,\s*(?:and\s+)?(?:(?:then|finally|lastly)\s+)?|\s+and\s+(?:(?:then|finally)\s+)?|;\s*)?)+[.\s]*',
                    m.group(1)) else top_level_split(m.group(1).rstrip(". "))
            cand = [c for c in (re.sub(r"^(?:(?:and|then|so|finally|lastly|first)\s+)+", "", c, flags=re.I) for c in cand) if c]
            # "θ = 0°: MathTex: W = F d": the label of the TeX is no part of the line
            cand = [re.sub(r"\b(?:MathTex|LaTeX|Tex)\s*:\s*", "", c).strip() for c in cand]
            # '"y = f(x_n) + …"  with the note "tangent line at x_n"': the line and the note beside it
            # ('2. "x^2 + \\frac{b}{a}x = -\\frac{c}{a}"  note "move c/a"': numbered, the note named without "with")
            cand = [re.sub(r'^(?:\d{1,2}[.)]\s+)?"([^"]+)"\s+(?:(?:with|and)\s+)?(?:the\s+|a\s+)?(?:small\s+|grey\s+|gray\s+)?'
                           r'(?:note|caption|comment|remark)\s*:?\s*("[^"]+")\s*[.,;]?\s*$', r"\1 (\2)", c.strip(), flags=re.I)
                    for c in cand]
            # 'd^2 = 3^2 + 4^2', 'd^2 = 9 + 16 = 25': the quotes mark the lines, they are not part of them
            cand = [re.sub(r'^"([^"]+)"$', r"\1", c.strip()) for c in cand]
            # '1. "Sensitivity" : P(+ | D) = 0.99 (caption: "sick people who test positive")': the label, its formula
            # and the caption beside it
            named_lines = re.compile(r'^(?:\d{1,2}[.)]\s+)?"([^"]{1,40})"\s*:\s*([^"]+?)\s*'
                                     r'(?:\(\s*(?:caption|note)\s*:\s*"([^"]+)"\s*\))?$')
            labelled += [q for c in cand for m in [named_lines.match(c)] if m for q in m.groups() if q and q != m.group(2)]
            cand = [named_lines.sub(lambda m: f"{m.group(1)}: {m.group(2)}" + (f" ({m.group(3)})" if m.group(3) else ""), c)
                    for c in cand]
            # 'Line 5: subtract 2ab from both sides, show "- 2ab" under both sides in red': what is done to the line
            # above, written beside it ("- 2ab from both sides") — never a loose "- 2ab" under the derivation
            for k, c in enumerate(cand):
                done = re.match(r"\s*(?:subtract|add|multiply|divide|cancel|take|square|expand|factor|simplify|"
                                r"rearrange|move)\b[^\"]*[\"]([^\"]{1,30})[\"][^\"]*$", c, re.I)
                if done and k > 0 and not re.search(r"[=≈]", done.group(1)):
                    worked[cand[k - 1]] = done.group(1).strip() + (" from both sides" if re.search(
                        r"\bboth\s+sides\b", c, re.I) else "")
                    labelled.append(done.group(1))
            cand = [c for c in cand if c not in [x for k, x in enumerate(cand) if k > 0 and cand[k - 1] in worked
                                                 and re.search(r"[\"]" + re.escape(worked[cand[k - 1]].split(" from both")[0])
                                                               + r"[\"]", x)]]
            # 'Column "Horizontal": "a_x = 0", "v_x = 15 m/s"': a column of items (a comparison), not a line
            cand = [c for c in cand if len(re.findall(r'"[^"]*"', c)) < 2 and not _spec_line(c)
                    and not any(q in ctx.consumed for q in re.findall(r'"([^"]+)"', c))]  # (a curve the plot drew)
            # '"P = pressure (Pa or atm)" - the gauge needle glows': what happens in the picture as the line is shown —
            # not a note to write beside it (said: SB307)
            for c in cand:
                dash = re.match(r'^"([^"]+)"\s*[-\u2013\u2014]\s+([^"]+)$', c)
                if dash:
                    ctx.lost(i, f"{dash.group(2).strip().rstrip('.')!r} beside {dash.group(1)!r} is not drawn")
            cand = [re.sub(r'^"([^"]+)"\s*[-\u2013\u2014]\s+[^"]+$', r"\1", c) for c in cand]
            # 'Left: "1 x 44 g + 5 x 32 g = 204 g"': the quoted formula is the line, its label the note beside it
            cand = [re.sub(r'^([A-Za-z][\w ]{0,15}?)\s*:\s*"([^"]+)"\s*[.,;]?\s*$', r"\2 (\1)", c) for c in cand]
            # '"25 = 25" with a check mark': the quoted formula is the line, what follows is its note
            cand = [re.sub(r'^"([^"]+)"\s+(.+)$', r"\1 (\2)", c) for c in cand]
            if len(cand) >= 2 and all(re.match(r"\s*[^\W\d]\w{0,5}\s*=\s*[A-Za-z]{3,}(?:\s+[A-Za-z]+)*\s*(?:\([^()]*\))?\s*$", c)
                                      for c in cand):
                return []  # "P = pressure (Pa or atm)", "V = volume (m^3 or L)": what each letter means — a list
            lead = ex.sentence[:ex.sentence.find(":\n")] if block else ""
            if len(cand) >= 2 and all(re.match(r"\s*(?!(?:line|step|row|case)\s*\d)[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*:\s", c) for c in cand) \
                    and re.search(r"\b(?:summary|recap|rows?|box|list|overview|key\s+points)\b", lead, re.I) and not re.search(
                        r"\b(?:derivation|derive|steps?|calculation|calculate|solve|simplif\w*|work(?:ing)?\s+out)\b", lead, re.I):
                return []  # "Summary box with four rows:" then "Keys: …", "Encrypt: c = m^e mod n": statements, not a derivation
            if len(cand) >= 3 and all(re.fullmatch(r"\s*([A-Za-z]\w{0,3})\s*=\s*[-\d.]+\s*:\s*[^=:]{1,30}", c) for c in cand) and len(
                    {re.match(r"\s*([A-Za-z]\w{0,3})", c).group(1) for c in cand}) == 1:
                return []  # "k = 0: 1", "k = 1: 3", …: a tally, one line per value of k — a list, not a derivation
            if len(cand) >= 2 and all(re.match(r"\s*\d{1,2}[.)]\s+[A-Za-z][\w-]+\s*\(", c) for c in cand):
                return []  # "1. SYN (seq = x)", "2. SYN-ACK (…)": a numbered list of named things, not a derivation
            if len(cand) >= 2 and all(re.match(r"\s*\d{1,2}[.)]\s+[A-Za-z]{3,}\b(?![(_^])", c) for c in cand) and sum(
                    bool(re.match(r"\s*\d{1,2}[.)]\s+[A-Za-z]{3,}\s+(?:the\s+|a\s+)?[a-z]{3,}", c)) for c in cand) * 2 > len(cand):
                return []  # "1. Find where the curves meet: x^2 = x …", "2. Find the top curve: …": numbered points
            maths = [c for c in cand if re.search(r"[=≈<≤≥]|(?<![-=])>", _step_piece(c)[0]) or looks_like_math(_step_piece(c)[0])
                     # "⇒ a⊥ is perpendicular to b ✓": the conclusion of the line above, a line of the argument
                     or re.match(r"\s*(?:⇒|=>|∴|⟹)", c)]
            if block and len(maths) >= 2 and len(maths) * 3 >= len(cand) * 2 and not any(_cell_bar(c) for c in cand):
                pieces, rule = cand, "steps:lines-after-colon"  # a derivation may carry a line of prose
            elif len(cand) >= 2 and sum("=" in c or "≈" in c for c in cand) >= 2 and all(
                    re.search(r"[=≈]", _step_piece(c)[0]) or looks_like_math(_step_piece(c)[0]) for c in cand):
                # "V = I R, and under it the rearranged form I = V / R": the words before a line say where it goes
                pieces = [re.sub(r"^(?:[a-z']+\s+){3,}(?=[A-Za-z][\w₀-₉]{0,3}\s*[=≈<>])", "", c) for c in cand]
                rule = "steps:listed-after-colon"
            elif len(cand) >= 2 and not any("=" in c for c in cand) and all(
                    (re.search(r"\d", c) and re.search(r"[×*/+\-^\[\]()√]", c) or re.fullmatch(r"\[[^\[\]]+\]", c.strip()))
                    # (arithmetic only: "3 vs 9 -> output 3" is a log line, and never gets an "=" it did not write)
                    and not re.search(r"->|→|=>|(?<![A-Za-z])[A-Za-z]{3,}", re.sub(r"^\s*\d{1,2}[.)]\s+", "", c))
                    for c in cand) and cue_unquoted(ex, r"\bsteps?\b|\bthen\b|\bsimplif\w+|\bcalculat\w+"):
                # "Show the steps: 3 × [2, 0] + 2 × [1, 1], then [6, 0] + [2, 2], then [8, 2]": each line equals the last
                pieces, rule = [cand[0]] + ["= " + c for c in cand[1:]], "steps:chain"
    if not pieces:
        return []
    words = len(re.findall(r"[A-Za-z]{3,}", pieces[-1]))
    if rule == "steps:lines-after-colon" and len(pieces) > 2 and f'"{pieces[-1]}"' in ex.sentence and not re.search(
            r"[=≈→⇒]", pieces[-1]) and (not looks_like_math(pieces[-1]) and words >= 4 or words >= 7):
        # '"Random for one nucleus, predictable for many"', '"Starts at P₀, ends at P₃, tangent to the control polygon at
        # both ends"' after the formulas: a line of its own
        pieces = pieces[:-1]
    lines, notes = [], []
    if len(pieces) > 8:
        ctx.lost(i, f"{len(pieces)} steps; only the first 8 are drawn")
    for p in pieces[:8]:
        told = re.match(r"^\s*(?:with|and)\s+(?:the\s+|a\s+)?(?:small\s+|short\s+|grey\s+|gray\s+)?(?:note|caption|label|remark|"
                        r"comment|text)\s*:?\s*[\"\u201c]([^\"\u201d]+)[\"\u201d]\s*[.,;]?\s*$", p, re.I)
        if told and lines:
            # 'x_{n+1} − 2 = …' then 'with the note "converges only if …"': the note beside the line, never the words
            # asking for it as a line of the derivation
            notes[-1] = told.group(1) if not notes[-1] else f"{notes[-1]}; {told.group(1)}"
            continue
        line, note = _step_piece(p)
        note = note or worked.get(p, "")
        prose = len(re.findall(r"(?<![\\A-Za-z])[A-Za-z]{3,}", line)) > 2
        if rule == "steps:lines-after-colon" and lines and not re.search(
                r"[=≈<>≤≥≡≅∼]|^\s*(?:⇒|=>|∴|⟹)|\\(?:equiv|approx|le|leq|ge|geq|ne|neq|sim|simeq|cong|propto|Rightarrow|"
                r"implies)(?![A-Za-z])", line) and (
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
    plain = list(lines)
    boxed = _marks_and_pictures(ctx, i, lines, notes)
    strings = lines + [n for n in notes if n]
    raw = re.search(r":[ \t]*\n(.+)$", ex.sentence, re.S)  # the lines as written, with their labels ("(2) R_eff = …")
    claim(ex, ctx, pieces + strings + plain + [s for s, _ in ticked] + labelled +
          ([ln.strip() for ln in raw.group(1).splitlines() if ln.strip()] if raw and rule == "steps:lines-after-colon" else []))
    ex.prose[:] = []  # the formulas of the sentence are these lines
    ex.code[:] = [c for c in ex.code if c not in ctx.consumed]
    # "(box this general rule in orange)": a frame round that line, in that colour, once the derivation is written
    frames = [_beat("highlight", "highlight:boxed-line", ex, i, [], _kw(lines[k]), target=lines[k], mode="box",
                    **({"color": col} if col else {})) for k, col in boxed]
    return [_beat("steps", rule, ex, i, strings, _kw(ex.sentence) + ("equals",), lines=lines,
                  notes=notes if any(notes) else None)] + frames


_BOX_NOTE = re.compile(r"^(?:and\s+)?(?:box|frame|outline|circle|surround)(?:ed)?\b(?:\s+(?:it|this|that|the)\b)?(?:\s+[a-z]+){0,3}?"
                       r"(?:\s+(?:in|with)\s+(?:an?\s+)?(" + COLOUR_RE.pattern + r"))?(?:\s+(?:box|frame|border|outline))?\s*$", re.I)


def _marks_and_pictures(ctx: Context, i: int, lines: list[str], notes: list[str]) -> list[tuple[int, str | None]]:
    """The notes beside a derivation's lines that are not notes: "with a check mark" puts ✓ at the end of its line;
    "(arrow length 1 becomes 3)" describes the picture — not written beside the line, and said (SB307); "(box this
    general rule in orange)" asks for a frame round the line — returned as (line, colour), never written beside it."""
    marks, pictures = step_note_words()
    boxed: list[tuple[int, str | None]] = []
    for k, note in enumerate(notes):
        low = note.lower().strip(" .()")
        if not low:
            continue
        frame = _BOX_NOTE.match(low)
        if frame:
            boxed.append((k, colour_value(frame.group(1)) if frame.group(1) else None))
            ctx.consumed.add(note.strip())
            notes[k] = ""
            continue
        bare = re.sub(r"^(?:and\s+)?(?:with|plus|add)\s+|^(?:an?|the)\s+|\b(?:an?|the|green|red|big|small|large)\s+",
                      "", low).strip()
        if bare in marks:
            lines[k] = f"{lines[k]} {marks[bare]}"
            ctx.consumed.add(note.strip())  # the mark is the line's: no check-mark icon of its own (rules_icon)
            notes[k] = ""
        elif set(re.findall(r"[a-z]+", low)) & pictures:
            ctx.lost(i, f"{note.strip()!r} beside {lines[k]!r} describes the picture: it is not written beside the line")
            notes[k] = ""
    return boxed

