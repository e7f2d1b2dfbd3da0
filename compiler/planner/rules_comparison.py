"""The rule for comparisons: two (or more) columns side by side ("On the left … on the right …",
"split the screen"), each with its heading and its items, and later items placed in a named column.
"""

from __future__ import annotations

import re
from .beats import Beat
from .extract import Extracted
from .context import Context, _beat, _kw, since_clear
from .knowledge import column_content_heads, instruction_verbs, is_instruction, picture_objects
from .listing import Q, claim, cue_unquoted, shown_items, match_text


# ----------------------------------------------------------------------------- comparison
_DIVIDER = (r"\b(?:dashed|dotted|vertical)?\s*(?:divider|dividing line|separator)\b|\bsplit (?:the )?screen\b|"
            r"\bside[- ]by[- ]side comparison\b|\btwo[- ]column\b|"
            r"\bcompare\b.*\bside by side\b|\bsplit[- ]screen\b|"
            # (not "left three columns value 10" — part of a grid — nor "so two bright columns appear": a result)
            r"(?<!left )(?<!right )(?<!first )(?<!last )(?<!outer )(?<!inner )\b(?:two|three|2|3)\s+(?:\w+\s+)?"
            r"(?:panels|columns|halves)\b(?!\s+(?:appear|emerge|show\s+up|light\s+up|stand\s+out|form|value|of\s+(?:the\s+)?"
            r"(?:grid|image|matrix|table)))|"
            r"\bpanels?\s+side[- ]by[- ]side\b|\btwo-column\b|\b(?:show|display|draw|create|present)\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,3}comparison\b(?!\s+(?:text|line|lines|log|result|results|step|steps|counts?|operations?|"
            r"of\s+(?:the\s+)?(?:two\s+)?(?:pointed|current|elements?|values?|numbers?))\b)")


_IN_COLUMN = re.compile(r"^\s*(?:then\s+|and\s+)?(?:in|on)\s+the\s+(first|second|third|left|right|middle)(?:\s+(?:column|side|"
                        r"half|panel|pane|one|case|box))?\s*,\s*", re.I)


_COLUMN = re.compile(r"^\s*(?:then\s+|and\s+|next,?\s+)?(?:(?:on|in)\s+the\s+)?(left|right|middle|center|centre|first|"
                     r"second|third)\s+(?:column|side|half|panel|pane)\b"
                     r"(?!\s+of\s+(?!(?:the\s+)?(?:screen|frame|canvas|slide|page)\b))", re.I)  # not "the left side of the box"


def _column_index(word: str, n: int) -> int:
    return {"left": 0, "first": 0, "right": n - 1, "third": 2, "second": 1, "middle": 1, "center": 1,
            "centre": 1}[word.lower()]


def _comparison_beat(ex: Extracted, i: int, rule: str, titles, lines, captions, keywords=()) -> Beat:
    strings = [t for t in titles if t] + [x.strip("`") for col in lines for x in col] + [c for c in captions if c]
    return _beat("comparison", rule, ex, i, strings, tuple(keywords) + sum((_kw(t) for t in titles), ()),
                 titles=list(titles), lines=[list(c) for c in lines] if any(lines) else None,
                 captions=list(captions) if any(captions) else None)


_HEADERS = re.compile(r"\b(left|right|first|second|third|middle)\s+column(?:['\u2019]s)?\s+(?:header|heading|title)?\s*"
                      r"(?:is\s+|reads\s+)?:?\s*" + Q, re.I)


def _headers_and_rows(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Left column header 'Classical theory'; right column header 'Experiment'" (both in one sentence), and rows
    "Row 1: 'a' | 'b'" under a comparison on screen: the columns' titles, and one line per column from each row."""
    s = ex.sentence
    panels = next((b for b in since_clear(ctx) if b.kind == "comparison"), None)
    heads = list(_HEADERS.finditer(s))
    if len(heads) >= 2:
        n = 3 if len(heads) >= 3 else max(2, len((panels.params.get("titles") if panels else None) or []))
        titles = list(panels.params["titles"]) if panels else [""] * n
        titles += [""] * (n - len(titles))
        named = [next(g for g in h.groups()[1:] if g is not None) for h in heads]
        for h, name in zip(heads, named):
            titles[_column_index(h.group(1), n)] = name
        claim(ex, ctx, named)
        if panels is None:
            return [_comparison_beat(ex, i, "comparison:headers", titles, [[] for _ in titles], [""] * n, ("compare",))]
        ctx.replace(panels, Beat("comparison", dict(panels.params, titles=titles), panels.strings + tuple(
            t for t in titles if t), panels.rule + "+headers", panels.source, panels.detail_index, panels.keywords), i)
        return []
    if panels is None or ":\n" not in s:
        return None
    n = len(panels.params.get("titles") or [])
    rows = []
    for ln in s.split(":\n", 1)[1].splitlines():
        cells = [c.strip() for c in re.sub(r"^\s*(?:row\s*\d{1,2}\s*[:.)]|[-*\u2022])\s*", "", ln, flags=re.I).split("|")]
        quoted = [re.fullmatch(r"[\"\u201c'\u2018](.+)[\"\u201d'\u2019]", c) for c in cells]
        if len(cells) == n and all(quoted):
            rows.append([q.group(1) for q in quoted])
    if len(rows) < 2:
        return None
    # "Rows appear one at a time, each with a left and right entry: Row 1: 'a' | 'b'": the columns grow line by line
    cols = [list(c) for c in (panels.params.get("lines") or [[] for _ in range(n)])]
    cols += [[] for _ in range(n - len(cols))]
    for r in rows[:10]:
        for k in range(n):
            cols[k].append(r[k])
    claim(ex, ctx, [c for r in rows for c in r])
    ctx.replace(panels, Beat("comparison", dict(panels.params, lines=cols), panels.strings + tuple(
        c for r in rows for c in r), panels.rule + "+rows", panels.source, panels.detail_index, panels.keywords), i)
    ctx.stop = True
    return []


# a column's lines, its frame, a code block
_NOT_PICTURES = frozenset({"line", "lines", "box", "boxes", "cell", "bar", "bars", "block", "blocks"})
_WRITTEN = frozenset({"comparison", "text", "bullets", "equation", "steps", "title", "highlight", "code", "clear"})


def _heading_first(rest: str) -> bool:
    """'"Buyers" with three small circles': the quotation comes before the picture it heads (a column's heading), not
    after it as the label of one of its parts ('… a green up arrow "F"')."""
    quote = re.search(r"[\"\u201c]", rest)
    words = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", lambda m: " " * len(m.group(0)), rest).lower()
    first = min((m.start() for w in _pictured(rest) for m in [re.search(r"\b" + w + r"\b", words)] if m), default=None)
    return quote is not None and (first is None or quote.start() < first)


def _pictured(rest: str) -> list[str]:
    """The picture nouns a column's words ask for (outside quotes and places)."""
    words = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]|`[^`]*`", " ", rest).lower()
    words = re.sub(r"\b(?:over|above|on|under|below|behind|beside|near|inside|against)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}[a-z]+",
                   " ", words)
    return [w for w in dict.fromkeys(re.findall(r"[a-z]+", words)) if w in picture_objects() and w not in _NOT_PICTURES]


def _lost_pictures(ctx: Context, i: int, rest: str, title: str) -> None:
    """'Left panel, header "acute": vectors (1, 2) and (3, 1), text "…"': a column holds text; the vectors, grids and
    shapes its sentence asks for are not drawn in it — said (SB307), never dropped without a word."""
    # ("over a dark rectangle so it stays readable above the grid": where the text sits, not what to draw)
    nouns = _pictured(rest)
    if nouns:
        where = f"column {title!r}" if title else "the column"
        ctx.lost(i, f"the {', '.join(nouns)} of {where} {'are' if len(nouns) > 1 or nouns[0].endswith('s') else 'is'} "
                    "not drawn (a column holds text)")


def _line_drawn(line: str, drawn: set[str]) -> bool:
    """A column's line already drawn: itself, or what it quotes ('Caption below: "A stretches …"' written as a note)."""
    return line in drawn or any(q in drawn for q in re.findall(r"[\"\u201c]([^\"\u201d]{2,})[\"\u201d]", line))


def rule_comparison(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    both = _headers_and_rows(ex, ctx, i)
    if both is not None:
        return both
    """"Split the screen with a dashed divider." opens a comparison; "Left column "Tool Use": lines
    `print(3+5)`, "→ send to interpreter", and the caption "…"." fills one column of it: the
    sentences become one comparison beat, revealed column by column across the narration."""
    blocks = re.findall(r"(?m)^\s*(?:(?:left|right|first|second|third|middle)\s+)?column\s*[\"\u201c]([^\"\u201d\n]+)"
                        r"[\"\u201d]\s*:\s*(.+)$", ex.sentence, re.I)
    bare_blocks = re.findall(r"(?m)^\s*column\s+(\d|one|two|three)\s*:\s*([^\"\u201c\n]+?)\s*\.?$", ex.sentence, re.I)
    if len(blocks) < 2 and 2 <= len(bare_blocks) <= 3:
        # "arranged in two columns of five rows each:\nColumn 1: HHHTT, HHTHT, …\nColumn 2: HTTHH, …": the columns'
        # items, as written
        cols = [ctx.capped(i, [x.strip() for x in re.split(r"\s*,\s*(?:and\s+)?", body) if x.strip()], 10,
                           "lines in a column") for _, body in bare_blocks]
        claim(ex, ctx, [x for c in cols for x in c])
        ex.prose[:] = []
        items = {x for c in cols for x in c}
        ctx.beats[:] = [b for b in ctx.beats if not (b.detail_index == i and b.source == ex.sentence and b.kind in (
            "grid", "sequence", "bullets", "text") and b.strings and set(b.strings) <= items)]  # (a column read alone)
        return [_comparison_beat(ex, i, "comparison:column-lines", [""] * len(cols), cols, [""] * len(cols),
                                 ("compare", "versus"))]
    if len(blocks) >= 2:
        # "two columns:\n Column "Horizontal": "a_x = 0", "x = v0 t"\n Column "Vertical": …": one line per column
        titles = ctx.capped(i, [t.strip() for t, _ in blocks], 3, "columns")
        cols = [ctx.capped(i, [match_text(m) for m in re.finditer(Q, body)], 10, "lines in a column")
                for _, body in blocks][:3]
        claim(ex, ctx, titles + [x for c in cols for x in c])
        ex.prose[:] = []
        return [_comparison_beat(ex, i, "comparison:column-lines", titles, cols, [""] * len(titles),
                                 ("compare", "versus"))]
    col = _COLUMN.match(ex.sentence)
    if col is not None and not any(b.kind == "comparison" for b in since_clear(ctx)) and re.search(
            r"\b(?:draw|sketch|place|put|plot)\b|^\W*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:axes|graph|plot|curve|grid|"
            r"number\s+line|coordinate\s+plane|diagram|circuit|triangle|chart|histogram)\b", ex.sentence[col.end():], re.I):
        # "On the left side draw two charges …", "Left half: axes with x from 0 to 3 …": where a picture goes, not a
        # column of a comparison
        col = None
    prose_line = None
    if col is None:
        col = _IN_COLUMN.match(ex.sentence)
        if col is not None:
            on_screen = next((b for b in reversed(ctx.beats) if b.kind in ("comparison", "clear", "title")), None)
            if on_screen is None or on_screen.kind != "comparison":
                col = None
            elif not shown_items(ex.sentence[col.end():]):
                # "In the first, the ball takes tiny steps.": the sentence itself is the column's line
                rest = ex.sentence[col.end():].strip().rstrip(".")
                prose_line = rest[0].upper() + rest[1:] if rest else None
    if col is None:
        if not cue_unquoted(ex, _DIVIDER) or cue_unquoted(ex, r"\btables?\b") or cue_unquoted(
                ex, r"\bdivider\s+(?:after|before|between|at)\b|\b(?:after|before)\s+index\b") or cue_unquoted(
                ex, r"^\s*the\s+(?:[\w-]+\s+){0,3}(?:columns|panels|halves)\s+(?:are|were|stay|remain|get)\b"):
            return []  # "The three server columns are shown dimmed": columns already drawn, not a new comparison
        fresh = [q for q in ex.quoted if q not in ctx.consumed]
        if len(fresh) == 1 and re.search(r"[<>≤≥≠]|=", fresh[0]) and not cue_unquoted(
                ex, r"\b(?:divider|dividing|separator|split|side[- ]by[- ]side|columns?|panels?|halves)\b"):
            return []  # "Show the comparison "arr[4] = 16 < 23"": two values compared, one statement — not columns
        head = Q + r"\s+(?:with|:|lists?|showing|containing)\s+"
        grouped = list(re.finditer(head + r"((?:(?!" + head + r")" + Q + r"\s*,?\s*(?:and\s+)?)+)", ex.sentence))
        if len(grouped) >= 2:
            # "a two-column comparison: "Inputs" with "Carbon dioxide", "Water", and "Outputs" with "Glucose""
            titles = ctx.capped(i, [match_text(g) for g in grouped], 3, "columns")
            cols = [ctx.capped(i, [match_text(m) for m in re.finditer(Q, g.group(3))], 10, "lines in a column")
                    for g in grouped][:3]
            claim(ex, ctx, titles + [x for c in cols for x in c])
            return [_comparison_beat(ex, i, "comparison:grouped", titles, cols, [""] * len(titles),
                                     ("compare", "versus"))]
        titles = [q for q in ex.quoted if q not in ctx.consumed][:3]
        if not titles and any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats) and not cue_unquoted(
                ex, r"\b(?:divider|dividing|separator|split|columns?|panels?|halves)\b"):
            return []  # "a simple comparison of two horizontal bars: …": the bars drawn are the comparison
        n = 3 if len(titles) == 3 or cue_unquoted(ex, r"\bthree\b") else 2
        titles = (titles + ["", "", ""])[:n]
        claim(ex, ctx, titles)
        mark = re.search(r"\bwith\s+(?:a|an|one)\s+(question\s+mark|check\s*mark|tick|cross)\s+(?:under|below|beneath|in)\s+"
                         r"(?:each|both|every)\b", ex.bare or "", re.I)
        under = {"question mark": "?", "check mark": "✓", "checkmark": "✓", "tick": "✓", "cross": "✗"}.get(
            re.sub(r"\s+", " ", mark.group(1).lower()), "") if mark else ""
        # ("… two headings …, with a question mark under each": each column starts with it)
        pictured = re.search(r"\b(?:an?|one)\s+(?:small\s+|tiny\s+|little\s+)?((?:[\w-]+\s+)?(?:icon|picture|image|drawing|"
                             r"diagram|sketch|illustration))\s+(?:at|on|in|above|under|below)\s+(?:the\s+)?(?:top|bottom|head)?\s*"
                             r"(?:of\s+)?(?:each|both|every)\b", ex.bare or "", re.I)
        if pictured:
            # "Two columns with a small circuit icon at the top of each": the columns hold text — the pictures are said
            ctx.lost(i, f"the {pictured.group(1)} at the top of each column is not drawn (a column holds text)")
        return [_comparison_beat(ex, i, "comparison:divider", titles, [[under] if under else [] for _ in range(n)],
                                 [""] * n, ("compare", "versus", "side"))]
    # one column: its title, its lines (backticked ones in monospace) and its caption
    rest = ex.sentence[col.end():]
    items = [(s, tick, pos) for s, tick, pos in shown_items(rest) if s not in ctx.consumed]
    title, named_title = "", False
    if items and not items[0][1] and re.match(r"^\s*,?\s*(?:titled|called|labell?ed|headed|named|(?:with\s+(?:the\s+)?)?"
                                              r"(?:title|heading|header)|:)?\s*:?\s*[\"\u201c]",
                                              rest[: items[0][2] + 1]):
        title = items.pop(0)[0]
    else:
        named = re.match(r"^\s*[,:]?\s*([^:\n\"\u201c]{1,30}?)\s*:\s*\n", rest)
        if named:  # ("(x ≈ 4), list the questions": a place in brackets, then the instruction)
            named = re.match(r"^\s*[,:]?\s*(?:\([^()]*\)\s*,?\s*)?([^:\n\"\u201c]{1,30}?)\s*:\s*\n", rest)
        first = (re.findall(r"[A-Za-z]+", named.group(1)) or [""])[0].lower() if named and named.group(1).strip() else ""
        content = named is not None and re.fullmatch(column_content_heads(), named.group(1).strip(), re.I)
        if first and first not in instruction_verbs() and first not in ("then", "next", "now", "finally", "a", "an") \
                and not content \
                and not (is_instruction(named.group(1)) and re.search(r"\b(?:charts?|tables?|graphs?|bars?|plots?|diagrams?|"
                                                                     r"axes|arrows?|boxes|grid)\b", named.group(1), re.I)):
            # ("time waiting in line" is a title: a picture word in it makes no instruction; "a bar chart with
            # three bars" is what the column holds)
            title = named.group(1).strip()  # "Left column, lambda = 3:" then its lines (not "show a list of values:")
            named_title = True
    caption = ""
    for k in range(len(items) - 1, -1, -1):
        s, tick, pos = items[k]
        if not tick and re.search(r"\b(?:caption|note|footer|summary|subtitle|label)\b[^\"`\u201c]{0,20}$", rest[:pos],
                                  re.I):
            caption = items.pop(k)[0]
            break
    mono = cue_unquoted(ex, r"\b(monospace|code)\b")
    lines = ctx.capped(i, [f"`{s}`" if tick or mono else s for s, tick, _ in items], 10, "lines in a column")
    block = re.search(r":[ \t]*\n(.+)$", rest, re.S) if not items and title else None
    if block:
        # 'Left column header "Light as a wave predicts":' then "Brighter light gives faster electrons", …: its lines,
        # written one per line (formulas among them typeset by the column)
        lines = ctx.capped(i, [re.sub(r'^["\u201c](.+)["\u201d]$', r"\1", ln.strip()) for ln in block.group(1).splitlines()
                               if ln.strip()], 10, "lines in a column")
        if any(b.detail_index == i and b.source == ex.sentence and b.kind in ("steps", "bullets", "equation")
               and all(_line_drawn(ln, {str(x) for x in b.strings} | {str(x) for x in b.params.get("notes") or []})
                       for ln in lines) for b in ctx.beats):
            return []  # ("Right half, line by line:" then its lines: the derivation drawn already, not a column again)
        ex.prose[:] = []
    formulas = [f.rstrip(".") for f, a, _ in ex.prose if a >= col.end() and f.rstrip(".") not in ctx.consumed]
    if formulas and lines and "\n" in rest:
        # a column's lines, one per line: "MathTex: \sigma = …" then "σ = √5.2 ≈ 2.28" — the formula lines too, in order
        placed = [(pos, s) for (_, _, pos), s in zip(items, lines)]
        placed += [(a - col.end(), f.rstrip(".")) for f, a, _ in ex.prose
                   if a >= col.end() and f.rstrip(".") not in ctx.consumed and "\n" in rest[:max(0, a - col.end())]]
        lines = ctx.capped(i, [s for _, s in sorted(placed)], 10, "lines in a column")
        claim(ex, ctx, lines)
        ex.prose[:] = []
    elif formulas and not lines:
        # "On the left, titled "Simple Interest", show the formula A = P(1 + rt)": the column's line
        # ("Left column, for z = [2.0, 1.0, 0.1]:" then its lines: the formula of the title is the title's)
        lines = ctx.capped(i, [f for f in formulas if not (named_title and f in title)], 10, "lines in a column")
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
    claim(ex, ctx, drawn)
    ex.code[:] = [c for c in ex.code if c not in ctx.consumed]
    if not (title or caption or lines):
        return []  # "On the right side draw a table …": the table is drawn by its rule, not an empty column
    if not prose_line and not any(b.detail_index == i and b.kind not in _WRITTEN for b in ctx.beats):
        # ("In the first, the ball takes tiny steps.": the sentence is the line; a tree another rule drew is drawn)
        if previous is None and not title and not caption and lines and all(len(x) <= 12 for x in lines) and \
                _pictured(rest) and not _heading_first(rest):
            # 'Left half: rope … up to a green hand dot with a green up arrow "F"': the labels of a picture not drawn —
            # no column of them alone (the half is the picture's); said, and the other half is drawn on its own
            ctx.lost(i, f"the picture this half describes ({', '.join(_pictured(rest))}), with its labels "
                        f"{', '.join(repr(x) for x in lines)}, is not drawn")
            ctx.stop = True
            return []
        _lost_pictures(ctx, i, rest, title)
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
    # ("Left column calculations:" under the heading "Series" already given: the heading stays)
    titles[k] = titles[k] if named_title and titles[k] else title or titles[k]
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
