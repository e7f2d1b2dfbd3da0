"""The planner's first stage: `animation_details` text -> the units the rules read, one per instruction.

Language models write details as prose, as numbered or bulleted lists, and as a line that ends with
a colon followed by lines of data ("A table with columns …:" then "Row 1: 1 | 10% of 1000 = $100 | $1100",
"Write the derivation line by line:" then one formula per line). Each prose sentence is a unit; each
list item starts a unit and loses its marker; a colon line and the data lines under it stay one unit
(kept on separate lines, so the rules see the rows), and so do the items under it that are only a quotation ("List
three points:" then `- "…"` lines) or that a colon line naming a list introduces ("Show three bullet points:" and the
items under it). A ``` fenced block belongs to the sentence before it, and so
does source code written under a colon line without a fence ("Show a code block in Python:" then "def f(x):" and
its indented body): it becomes a fenced block, every line and its indentation kept.
"""

from __future__ import annotations

import re

from ..text import split_sentences
from ..mathtext import is_formula_line
from .extract import box_row
from .knowledge import action_verbs, code_words, instruction_verbs, is_instruction, list_heads, list_nouns

_FENCE = re.compile(r"```.*?(?:```|$)", re.S)
_MARKER = re.compile(r"^[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)]|[-*\u2022]|step\s+\d{1,2}\s*[:.)])[ \t]+(?=\S)", re.I)
# "From (1) and (3): I = 2I₂": numbered equations the argument refers to — their tags "(1)" stay on their lines
CITED = re.compile(r"\b(?:from|and|in|into|using|by|with|of|substitut\w*|combin\w*|add\w*|subtract\w*|equations?|eqs?\.?)"
                   r"\s+\(\d{1,2}\)", re.I)
_LABELLED_LINE = re.compile(r"^(?:row|line|step|eq(?:uation)?)\s*\d{1,2}\s*[:.)]|^(?:math\s?tex|tex|text)\s*:?\s", re.I)
_AFTER_QUOTE = re.compile(r'(?<=[.!?]["\u201d])\s+(?=(?:Then|Next|Now|Finally|After that|Show|Display|Animate|Draw|'
                          r'Write|Add|Highlight|Fade|Reveal|Zoom|Move|Transition|Label|Plot|Use|Put|Place|End|Start)\b)')


# "…one line under the other:\\nMathTex: b_n = …\\nMathTex: = …": a line break escaped twice by the model reaches us as
# the two characters backslash and n; before a capital, a digit, a quote, a list mark or a space (never a TeX command
# such as \\nabla, \\neq, \\nu or \\nRightarrow) it is the line break meant
_LITERAL_BREAK = re.compile(r"(?<!\\)\\n(?=[A-Z](?!ightarrow|eftarrow|eftrightarrow|[Vv][Dd]ash)|[0-9\"'\u201c(\u2022*-]|\s|$)")


def literal_breaks(details: str) -> str:
    """`details` with the line breaks a model escaped twice restored (outside ``` fences), each as a break and a
    space (the same length: positions in the source still point at the same words)."""
    if "\\n" not in details:
        return details
    parts = re.split(r"(```.*?(?:```|$))", details, flags=re.S)
    return "".join(p if p.startswith("```") else _BOX_LABEL.sub(
        lambda m: m.group(0) if m.group("box") else _LITERAL_BREAK.sub("\n ", m.group(0)), p) for p in parts)


# "[Your laptop\\n(stub resolver)]  [Recursive resolver\\n(ISP)]": a break inside a bracketed box label is the label's,
# kept escaped so the row of boxes stays one line (`extract` reads the boxes and the breaks of their labels)
_BOX_LABEL = re.compile(r"(?P<box>\[[^\[\]\n]{1,80}\\n[^\[\]\n]{1,80}\])|[^\[]+|\[")


def detail_sentences(details: str) -> list[str]:
    """The units of `animation_details`, in order."""
    details = literal_breaks(details)
    if "```" in details or "\n" not in details.strip():
        return _sentences(details)
    out: list[str] = []
    head: str | None = None   # a line ending with ":" that may introduce data lines
    head_indent: int | None = None  # the indent of the head's list marker, if the head is a list item
    rows: list[str] = []

    spent = False  # the head ("Draw:") lent its verb to the lines under it: no unit of its own

    def close() -> None:
        nonlocal head, rows, spent
        if head is not None and not (spent and not rows):
            units = _sentences(head)
            if rows:
                units[-1] = units[-1] + "\n" + "\n".join(rows)
            out.extend(units)
        head, rows, spent = None, [], False

    lines = details.split("\n")
    cited = CITED.search(details) is not None
    j = 0
    while j < len(lines):  # ends: j grows each turn, or a code block closes the head (no head, no going back)
        raw = lines[j]
        j += 1
        if head is not None and not rows and (raw.strip() or _written(lines, j)):
            # "Show a code block in Python:" then the code, unfenced: one fenced block under the head
            block = None
            if out and re.search(r"\bcode\b", out[-1], re.I) and _definition().match(head.strip()):
                # "Right side: code block" then "class Node:" and its body: the definition is the code's first line,
                # the sentence before it the head
                block = _code_block(out[-1].rstrip(" .:") + ": " + head.strip(), lines, j - 1 if raw.strip() else
                                    _written(lines, j))
                if block is not None:
                    out.pop()
            block = block or _code_block(head, lines, j - 1 if raw.strip() else _written(lines, j))
            if block is not None:
                head, code, j = block
                rows = ["```", *code, "```"]
                close()
                continue
        if re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*", raw):
            continue  # the rule under a markdown table's header row ("|---|---|"): no cells
        marker = _MARKER.match(raw)
        indent = len(raw) - len(raw.lstrip()) if marker else None
        line = _MARKER.sub("", raw).strip()
        if cited and re.match(r"\s*\(\d{1,2}\)\s+\S[^\n]*[=≈<>]", raw):
            line = raw.strip()  # "(1) J₁: I = I₂ + I₃", cited later: the equation keeps its tag
        if not line:
            if head is not None and not rows and _data_line(_next_written(lines, j)):
                continue  # "…as a table:", a blank line, then its rows (markdown's way): the rows are the head's
            close()
            continue
        last = _sentences(head)[-1] if head else ""
        # ("From the center of the block draw:": a place before the verb, the same)
        verb = re.fullmatch(r"(?:then\s+|next,?\s+|now\s+|(?:from|on|at|in|to|under|above|below|beside|next\s+to)\s"
                            r"[^.:;!?\"]{1,50}?\s)?(draw|add|show|place|put|display|sketch)\s*:", last, re.I)
        if verb and re.match(r"(?:an?|the|one|two|three|four)\s", line, re.I):
            # "Draw:" then "a self-loop on Sunny labeled "0.9"", "a curved arrow from Sunny to Rainy …": each line is
            # one thing to draw, with the head's verb (the head itself is no unit)
            units = _sentences(head)[:-1]
            if units:
                out.extend(units)
                head = last
            spent = True
            out.extend(_sentences(f"{verb.group(1).capitalize()} {line}"))
            continue
        # a data line under the head; a list item as deep as the head's own item starts a new unit
        new_item = indent is not None and head_indent is not None and indent <= head_indent
        # (after rows of cells, a line without cells — 'Text: “gap shrinks ×0.4 per day”.' — is the next instruction)
        new_item = new_item or bool(rows) and all(_cell_row(r) for r in rows) and not _piped(line)
        if head is not None and rows and re.fullmatch(r"(?:⋮|\.{3}|…|⋯|\[\s*\.{3}\s*\]|\(\s*\.{3}\s*\))", line):
            rows.append(line)  # ("⋮" between rows: the rows go on, the gap drawn as written)
            continue
        if head is not None and not new_item and (_data_line(line) or marker and (
                _quotation(line) or _announces_list(head) and not _instruction_verb_first(line)
                # "show a numbered list with the recipe:" then "1. Find the mean": its items, imperative or not
                or re.search(r"\b(?:numbered|bulleted|ordered)\s+(?:[\w-]+\s+){0,3}?(?:list|recipe|procedure|checklist)\b"
                             r"[^:]*:$|\b(?:numbered|bulleted|ordered)\s+[\w-]+\s+(?:shown|written|set|laid\s+out)\s+as\s+"
                             r"(?:an?\s+)?list\b[^:]*:$", head, re.I)
                # ("Under it, a numbered recipe shown as a list:" then "1. swap a and d": the recipe's steps)
                # 'Left column header "Light as a wave predicts":' then "1. Brighter light …": the column's items
                or re.search(r"\b(?:column|side|panel|half)\b[^:]*:$", head, re.I)) or
                _quotation(line) and (_announces_list(head) or not rows or all(_quotation(r) for r in rows)) or (
                    # "Steps:" then "each pair matches with prob. 1/365", "P(no match) ≈ …": the lines of the working,
                    # words among them
                    re.search(r"\b(?:steps?|derivation|calculation|computation|working|proof|solution)\b[^:]*:$", head, re.I)
                    and not (_instruction_verb_first(line) and not re.match(r"\w+\s*=", line)) and len(line) <= 120
                    and not line.endswith(":") and re.search(r"[\d=≈<>→+×÷−^√∑∫]", line) is not None
                    and not re.match(r"(?:then|next|now|finally|after|also|and|below|above|under|on|in|at)\b", line, re.I)
                    and not re.search(r"[\"\u201c\u2018]|(?<!\w)'(?!\w)", line)
                    and len(re.findall(r"[A-Za-z]{3,}", line)) <= 6) or (
                    # "Right: a bulleted list:" then plain lines: its items
                    re.search(r"\b(?:bullet(?:ed)?|bullet[- ]point|(?:numbered\s+)?list)\b[^:]*:$", head, re.I)
                    and not _instruction_verb_first(line) and len(line) <= 120 and not line.endswith(":")
                    and not re.match(r"(?:then|next|now|finally|after|also)\b", line, re.I)
                    and not _LABELLED_LINE.match(line)
                    and not re.search(r"\b(?:show|display|draw|write|add|fade|put|place|animate|highlight)\b", line, re.I)
                    and not (rows and all(_quotation(r) for r in rows) and not _quotation(line)))):
            rows.append(line)  # (a list item under "Show three bullet points:" is one of its points)
            continue
        close()
        if line.endswith(":"):
            head, head_indent = line, indent
        elif out and _piped(line) and _piped(_next_written(lines, j)) and re.search(r"\btables?\b", out[-1], re.I) \
                and "\n" not in out[-1]:
            # "Right half, top: fill in the table row by row as n changes." then "n | Left | Right" and its rows: the
            # table that sentence names — its rows under it
            head, head_indent = out.pop().rstrip(" .") + ":", None
            rows.append(line)
        else:
            out.extend(_sentences(line))
    close()
    return out


def _piped(line: str) -> bool:
    """A row of cells between pipes ("4   | 1.75   | 3.75", "| R₁ | 6 Ω |")."""
    cells = re.sub(r"^\|\s*|\s*\|$", "", line.strip())
    return bool(cells) and re.fullmatch(r"[^|]*\S[^|]*(?:\|[^|]*\S[^|]*)+", cells) is not None


def _cell_row(line: str) -> bool:
    """A row of a table's cells: piped outside brackets, no relation in it ("0 | 0.1667 | –"; not the formula
    "P(+) = P(+ | D) P(D)", nor "|R₄(0.5)| ≤ e^0.5 · 0.5⁵/5!")."""
    return _piped(line) and "|" in re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", line) and not re.search(r"[=≤≥≈<>]", line)


_MAX_CODE_LINES = 120  # a longer run of lines is not one code block (and every colon line scans at most this far)


def _next_written(lines: list[str], j: int) -> str:
    """The next line from j on with text, without its list marker ("" when there is none)."""
    k = _written(lines, j)
    return _MARKER.sub("", lines[k]).strip() if k else ""


def _written(lines: list[str], j: int) -> int:
    """The index of the first line from j on with text (0 when there is none)."""
    return next((k for k in range(j, len(lines)) if lines[k].strip()), 0)


def _code_block(head: str, lines: list[str], j: int) -> tuple[str, list[str], int] | None:
    """Source code under the colon line `head`, from lines[j]: (the head, the code lines without their common
    indent, the index after the code), or None when the lines are not code. The code ends at a line of prose
    at the left margin ("Highlight the line …") or at the end of the details; blank lines inside it are kept."""
    first = None
    inline = re.search(r":\s+(?=" + _definition().pattern + ")", head)
    if inline:
        # "Show the Python code: def f(x):" then the body: the first line of code ends the head
        head, first = head[: inline.start() + 1], head[inline.end():]
    block: list[str] = [first] if first else []
    k = j
    while k < min(len(lines), j + _MAX_CODE_LINES):  # ends: k grows each turn
        raw = lines[k].rstrip()
        if not raw.strip():
            after = _written(lines, k + 1)
            if not block or not after or _prose(lines[after]):
                break
            block.append("")
            k += 1
            continue
        if _prose(raw):
            break
        block.append(raw.replace("\t", "    "))
        k += 1
    while block and not block[-1].strip():  # ends: pops a line each turn
        block.pop()
    if block and all(re.fullmatch(r"\s*[\"\u201c'].*[\"\u201d']\s*", ln) for ln in block if ln.strip()):
        # each line written in quotes ('"partition(a, lo, hi):"', '"    pivot = a[hi]"'): the code inside them
        block = [re.sub(r"^(\s*)[\"\u201c'](.*)[\"\u201d']\s*$", r"\2", ln) if ln.strip() else ln for ln in block]
    if not block or not _is_code(head, block):
        return None
    body = block[1:] if first else block
    indent = min((len(ln) - len(ln.lstrip()) for ln in body if ln.strip()), default=0)
    if first:
        indent = max(indent - 4, 0)  # the body stays one level under the definition that ended the head
    block = block[:1] + [ln[indent:] for ln in body] if first else [ln[indent:] for ln in body]
    return head, block, k


def _words_pattern(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _definition() -> re.Pattern:
    """A line that defines a function or class: `def f(`, `function search(`, `class Node:`."""
    return re.compile(r"(?:async\s+)?(?:" + _words_pattern(code_words()["definitions"]) + r")\s+[A-Za-z_][\w.]*\s*[(<:{]")


def _prose(line: str) -> bool:
    """A line of prose at the left margin: an instruction or a sentence, not a line of code."""
    s = line.strip()
    if line[:1] not in " \t" and re.match(r"\(\d{1,2}\)\s|\d{1,2}[.)]\s|[-*•]\s", s):
        # "3. On the right, three bullet points: …", "- Right column, for z = …:": the next instruction after the code
        s = _MARKER.sub("", s)
    if line[:1] in " \t" or not re.match(r"[A-Z][a-z]", s) or re.search(r"[;{}(,]$", s):
        return False
    plain = re.sub(r"\"[^\"]*\"|'[^']*'|`[^`]*`", " ", s)
    return is_instruction(s) or (len(re.findall(r"[A-Za-z]{2,}", plain)) >= 4 and bool(re.search(r"[.!?]$", s)))


def _is_code(head: str, block: list[str]) -> bool:
    """Whether lines under a colon line are source code: a definition, statements nested under a line that opens a
    block, or, under a head that names code, statements or code punctuation."""
    words = code_words()
    statement = re.compile(r"^\s*(?:" + _words_pattern(words["statements"]) + r")(?=[\s(:;{]|$)")
    punct = re.compile(r"[;{}]\s*$|==|!=|<=|>=|//|\+=|-=|&&|\|\||\w\[[^\]]*\]|\w\([^)]*\)\s*:?\s*$")
    written = [ln for ln in block if ln.strip()]
    if re.search(r"\bcode\s+(?:block|snippet|listing|panel|box|cell)\b|\b(?:terminal|console|shell)\b", head, re.I) and not any(
            "|" in ln for ln in written):
        return True  # "Show a code block on the left with the request:" then "GET / HTTP/1.1", "Host: …": what it holds
    if any(_LABELLED_LINE.match(ln.strip()) or "|" in ln and not re.search(r"\|\|", ln) for ln in written):
        return False  # rows of a table, labelled lines of a derivation
    statements = sum(bool(statement.match(ln)) for ln in written)
    nested = any(re.search(r"[:{]\s*$", a) and len(b) - len(b.lstrip()) > len(a) - len(a.lstrip())
                 for a, b in zip(written, written[1:]))
    if any(_definition().match(ln) for ln in written) or (nested and statements):
        return True
    low = head.lower()
    langs = [w for w in words["languages"] if len(w) > 2 and w != "go"]
    cue = re.search(r"\b(?:" + _words_pattern(words["head_nouns"] + tuple(langs)) + r")(?![\w+#])", low) or \
        re.search(r"\b(?:in|using)\s+(?:c|go)\b", low)
    return bool(cue) and (statements > 0 or nested or any(punct.search(ln) for ln in written))


def _quotation(line: str) -> bool:
    """A list item that is only a quotation ("- "Acceleration is proportional to net force""): text the colon line
    above it introduces (its items), not an instruction of its own."""
    return (re.fullmatch(r"[\"\u201c][^\"\u201c\u201d]+[\"\u201d][.,;]?", line) is not None
            # (or in single quotes, apostrophes inside: "'4. Use the limiting reagent for the product'")
            or re.fullmatch(r"['\u2018](?:[^'\u2018\u2019]|(?<=\w)['\u2019](?=\w))+['\u2019][.,;]?", line) is not None)


def _instruction_verb_first(line: str) -> bool:
    """"Show the matrix …" under a list head is the next instruction, "Only the net force counts" a point."""
    words = re.findall(r"[A-Za-z]+", line.split('"')[0])
    return bool(words) and words[0].lower() in instruction_verbs()


def _announces_list(head: str) -> bool:
    """"Show three bullet points:", "List the steps:": a colon line that names the items of a list under it."""
    nouns = "|".join(re.escape(n) for n in list_nouns())
    return re.search(r"\b(?:" + nouns + r")s?\b|\b(?:" + list_heads() + r")\b", head, re.I) is not None


def _data_line(line: str) -> bool:
    """A line under a colon line that is data for it: a row, a formula, a labelled line — not an instruction."""
    if _LABELLED_LINE.match(line) or re.fullmatch(r"`[^`]+`", line):
        return True  # "Line 2: …", "MathTex: …", or a line of backticked code
    if line.startswith("[") and box_row(line):
        return True  # "[Your laptop]  [Recursive resolver]  [Root server]": the boxes the colon line announces
    if re.fullmatch(r"(?:(?:columns?|headers?|header row)\s*:\s*)?(?:[\"\u201c][^\"\u201c\u201d]*[\"\u201d]\s*,\s*)+"
                    r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]\s*[.,;]?", line, re.I):
        return True  # '"β", "peak", "peak day"', 'Columns: "", "Test +"': the quoted cells of a row
    if re.fullmatch(r"(?:(?:columns?|headers?|header row|rows?)\s*:\s*)?(?:(?:'[^'\n]{0,40}'|\u2018[^\u2019\n]{0,40}\u2019)\s*,\s*)+"
                    r"(?:'[^'\n]{0,40}'|\u2018[^\u2019\n]{0,40}\u2019)\s*[.,;]?", line, re.I):
        return True  # "Columns: '', 'Test +', 'Test -', 'Total'": cells in single quotes
    if re.match(r"[\"\u201c][^\"\u201c\u201d]{1,40}[\"\u201d]\s*[:=]\s*[+\-−]?\d", line):
        return True  # '"W by friction": −17.0 J (bar going below the axis)': a quoted label and its value
    if re.match(r"(?:[\"\u201c][^\"\u201c\u201d]{1,40}[\"\u201d]|['\u2018][^'\u2018\u2019\"]{1,40}['\u2019])\s*(?:[:=]|→|->|"
                r"with\s+(?:a\s+)?(?:height|value|count|length|size)\b(?:\s+of)?)\s*[+\-−]?\d", line):
        return True  # "'Sick and positive' with height 90,", '"0.5 m" → 1.42 s': a bar and its value
    if re.match(r"[\"\u201c][^\"\u201c\u201d]{1,80}[\"\u201d]\s*(?:[-\u2013\u2014]\s|\()", line) and len(line) <= 160:
        return True  # '"T = temperature (K)" - a thermometer next to the cylinder': a quoted item and its note
    if re.fullmatch(r"[A-Za-z][\w()]{0,12}\s*:\s*(?:(?:[+\-−]?\d[\d.]*|\w)\s+){2,11}(?:[+\-−]?\d[\d.]*|\w)\s*\.?", line):
        return True  # "Node: A B C D E F G": a named row of cells set apart by spaces (letters, numbers)
    bare = re.sub(r"^\s*(?:then|next|now|finally|also)\b\s*", "", line, flags=re.I)
    if bare != line and re.match(r"[,;]|(?:an?|the)\s", bare, re.I):
        return False  # 'Finally, a warning line: "T(K) = T(°C) + 273.15"': the next instruction, not a row
    if re.match(r"[A-Za-z]+(?:\s*[/×·*^]|\s+(?:in|of|per|over|from|at)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s*(?:=|≈))", bare) \
            and is_formula_line(bare):
        return True  # "change in area = 2xh + h²", "change / h = 2x + h": a named quantity, not "Change the …"
    if re.match(r"(?:with|where|for|setting|putting)\s+[^\W\d]\w{0,5}\s*[=≈]", bare, re.I) and is_formula_line(bare):
        return True  # "with k = log2 n: T(n) = n log2 n": the last line of the derivation above, its condition first
    named = re.match(r"[A-Za-z]+\s*:\s*(\S.*)$", bare)
    if named and len(line) <= 160 and is_formula_line(named.group(1)) and not re.search(r"[\"\u201c]", line):
        return True  # "Compare: −2 a·b = −2|a||b| cos θ", "Check: 10 + 5 = 15": a line of the derivation, its label first
    if len(line) > 160 or _instruction_verb_first(bare):
        return False
    if re.search(r"\\[A-Za-z]{2,}", bare) and re.search(r"=|\\(?:propto|approx|le|ge|leq|geq|sim|simeq|equiv|neq|to|"
                                                        r"rightarrow|Rightarrow|implies)(?![A-Za-z])", bare) and len(line) <= 160:
        return True  # "V \propto T \quad (\text{constant } P)": a line of TeX source, a relation — its words are TeX's
    if is_formula_line(bare) or re.fullmatch(r"[A-Za-z]+(?:\s+[A-Za-z]+){1,3}\s*[=≈]\s*(.+)", bare) and is_formula_line(
            re.sub(r"^[^=≈]*[=≈]\s*", "", bare)):
        return True  # "π ≈ 4 × inside / total", "Area of quarter circle = (1/4) · π · 1² = π/4": a formula line, named
    first = re.match(r"[A-Za-z]+", bare)
    if first and first.group(0).lower() in action_verbs() and len(re.findall(r"[A-Za-z]{3,}", bare)) >= 5:
        return False  # "Pause the sweep at t = 0 (block at the end: v = 0)": the next instruction, not a data line
    cells = re.sub(r"^\|\s*|\s*\|$", "", line)  # (a markdown row: "| R₁ | 6 Ω | 12 V |")
    if "|" in re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", cells) and re.fullmatch(r"[^|]*\S[^|]*(?:\|[^|]*\S[^|]*)+", cells):
        return True  # "DNA Pol I | replaces primers with DNA": the cells of a row, whatever words they hold
    if is_instruction(line):
        return False
    said = re.fullmatch(r"(?:and\s+|then\s+|with\s+)?(?:an?\s+|the\s+)?(?:small\s+|short\s+|final\s+|quick\s+)?(text|note|"
                        r"caption|label|remark|comment|footnote|check|question|message)\s*:?\s*[\"\u201c]([^\"\u201d]+)"
                        r"[\"\u201d]\s*[.,;]?", bare, re.I)
    if said and not (said.group(1).lower() == "check" and is_formula_line(said.group(2))):
        return False  # 'and the text "So √2 is a root …".', 'Small note: "our run used 14 comparisons".': an instruction
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
    # "Step 1: draw y = (4/π) sin(x) …" inside a paragraph: the step's number is no part of the instruction
    return [_STEP.sub("", p) if _STEP.match(p) and p[_STEP.match(p).end():].strip() else p for p in split]


_STEP = re.compile(r"^\s*step\s+\d{1,2}\s*[:.)]\s+(?=[A-Za-z])", re.I)
