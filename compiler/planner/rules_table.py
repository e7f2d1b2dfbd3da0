"""The rule for tables: rows written as `A | 0 | -`, as parenthesised groups, as named rows filled one by
one, a `Header row:` with its `Rows:` block, a series of values; and new states of a table on screen
(`update the B row to 'B | 4 | A'`, `Final table: A 0 -, B 4 A`). Cells are kept whole: `pi/2` is one
cell.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .beats import Beat
from .extract import Extracted, mask_shown
from .context import Context, _beat, _fmt, _kw
from .knowledge import is_instruction
from .quantity import NUM
from .listing import Q, quoted_cells, row_cells, claim, cue_unquoted, cell_number, since_clear_of_kind, match_text, top_level_split
from .rules_steps import ROW_LABEL, block_lines, block_row, labelled_row, row_label


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
        groups = [g for g in top_level_split(text, _ROW_SPLIT) if g.strip()]
    rows = []
    for g in groups:
        label = row_label(g)  # "Row 1: 1 | 2 | 3": the label is not a cell
        cells = [c for c in top_level_split((g[label.end():] if label else g).strip(" ."),
                                             r"\band\b|\||/(?!\w)|→|->|:|,") if c.strip()]
        cells = [re.sub(r"^(?:[a-z]\w{0,5}\s*=\s*)", "", c.strip(), flags=re.I) for c in cells]
        if label and label.group(1) and len(cells) == ncols - 1:
            cells = [label.group(1)] + cells
        spaced = cells[0].split() if len(cells) == 1 and ncols > 1 and len(groups) >= 2 else []
        if len(spaced) == ncols and all(len(c) <= 12 for c in spaced) and any(re.search(r"\d", c) for c in spaced):
            cells = spaced  # "A 000, B 001, R 010": a letter and its code, set apart by a space
        if len(cells) != ncols:
            return []
        rows.append([cell_number(c) for c in cells])
    return rows if len(rows) >= 1 else []


def _named_rows_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"an ICE table with rows 'Initial', 'Change', 'Equilibrium' and columns '[N2]', '[H2]', '[NH3]'": the rows are
    named in the first column, their cells come in later sentences ("Fill the Initial row: 1.00, 3.00, 0")."""
    group = r"((?:" + Q + r"\s*,?\s*(?:and\s+)?){2,})"
    rm = re.search(r"\brows?\s+(?:named\s+|labell?ed\s+|called\s+)?" + group, ex.sentence, re.I)
    cm = re.search(r"\bcolumns?\s+(?:named\s+|labell?ed\s+|headed\s+|called\s+)?" + group, ex.sentence, re.I)
    if not (rm and cm):
        return None
    names = [match_text(m) for m in re.finditer(Q, rm.group(1))][:8]
    cols = [match_text(m) for m in re.finditer(Q, cm.group(1))][:5]
    if len(names) < 2 or len(cols) < 1:
        return None
    cells = [[c.strip() for c in n.split("|")] for n in names]
    if len(cols) > 1 and all(len(r) == len(cols) for r in cells):
        # "columns 'Year', 'Balance' and rows '1 | $1100', '2 | $1210'": the rows are written out, cell by cell
        claim(ex, ctx, names + cols)
        return [_beat("table", "table:quoted-rows", ex, i, cols + [c for r in cells for c in r],
                      _kw(ex.sentence) + ("table",), columns=cols, rows=[[cell_number(c) for c in r] for r in cells])]
    columns = [""] + cols
    rows = [[n] + [""] * len(cols) for n in names]
    claim(ex, ctx, names + cols)
    return [_beat("table", "table:named-rows", ex, i, cols + names, _kw(ex.sentence) + ("table",), columns=columns,
                  rows=rows)]


_NAMED_LIST = re.compile(r"(?:^|[:;,]\s*|\band\s+)([A-Za-z][\w()]{0,12}(?:\s[\w()]{1,12}){0,2}?)\s*:\s*"
                         r"(" + NUM + r"(?:\s*,\s*" + NUM + r"(?![\d:])){1,11})")


_HEADERS = r"\s+(?:headers?|headings?|labels?|titles?|names?)\s*:?\s*((?:" + Q + r"\s*,?\s*(?:and\s+)?){2,6})"


def _headed_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"the payoff matrix as a 3 by 3 grid: the top-left cell empty, column headers "Ben: Contribute" and "Ben: Keep",
    row headers "Ana: Contribute" and "Ana: Keep". Cells …:" then one line of quoted cells per row: a table with a
    header row and a header column, whatever the grid is called (matrix, grid, table)."""
    cm = re.search(r"\bcolumn" + _HEADERS, ex.sentence, re.I)
    rm = re.search(r"\brow" + _HEADERS, ex.sentence, re.I)
    if not (cm and rm):
        return None
    cols = [match_text(m) for m in re.finditer(Q, cm.group(1))]
    names = [match_text(m) for m in re.finditer(Q, rm.group(1))]
    lines = [ln for ln in ex.sentence.split("\n")[1:] if "|" in ln]
    rows = [[match_text(m) for m in re.finditer(Q, ln)] for ln in lines]
    if not lines and 2 <= len(cols) <= 5 and 2 <= len(names) <= 8:
        filled = _values_in_named_rows(ex.sentence, names, len(cols))
        if filled is not None:
            # '… filled with the values 95, 5 and 100 in the "Sick" row, 495, 9,405 and 9,900 in the "Healthy" row'
            strings = cols + names + [c for r in filled for c in r]
            claim(ex, ctx, cols + names)
            ex.prose[:] = []
            ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
            return [_beat("table", "table:headed-rows-and-columns", ex, i, strings, _kw(ex.sentence) + ("table",),
                          columns=[""] + cols, rows=[[n] + [cell_number(c) for c in r] for n, r in zip(names, filled)])]
        # the cells come in the next sentence ("Cells (Ana's payoff first):" then a line per row): the table waits
        claim(ex, ctx, cols + names)
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return [_beat("table", "table:headed-rows-and-columns", ex, i, cols + names, _kw(ex.sentence) + ("table",),
                      columns=[""] + cols, rows=[[n] + [""] * len(cols) for n in names], pending=True)]
    if len(rows) != len(names) or any(len(r) != len(cols) for r in rows) or len(cols) > 5 or len(names) > 8:
        return None
    columns = [""] + cols
    body = [[n] + [cell_number(c) for c in r] for n, r in zip(names, rows)]
    strings = cols + names + [c for r in rows for c in r]
    claim(ex, ctx, strings)
    ex.prose[:] = []
    ex.vectors[:] = []
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return [_beat("table", "table:headed-rows-and-columns", ex, i, strings, _kw(ex.sentence) + ("table",), columns=columns,
                  rows=body)]


_CELL_NUM = r"[-−]?(?:\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?)%?"
_ROW_VALUES = re.compile(r"(" + _CELL_NUM + r"(?:\s*,\s+(?:and\s+)?" + _CELL_NUM + r"|\s+and\s+" + _CELL_NUM + r")*)\s+(?:in|for)\s+"
                         r"(?:the\s+)?[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s+row\b", re.I)


def _values_in_named_rows(sentence: str, names: list[str], ncols: int) -> list[list[str]] | None:
    """The cells of each named row, written after the headers: "the values 95, 5 and 100 in the "Sick" row, 495, 9,405
    and 9,900 in the "Healthy" row" (a comma with no space is a thousands separator) — or None unless every row is
    given its full count of cells."""
    found = {}
    for m in _ROW_VALUES.finditer(sentence):
        cells = [c for c in re.split(r"\s*,\s+(?:and\s+)?|\s+and\s+", m.group(1)) if c]
        found.setdefault(m.group(2).strip(), cells)
    rows = [found.get(n) for n in names]
    if any(r is None or len(r) != ncols for r in rows):
        return None
    return rows


def _named_lists_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"a small data table: x: 1, 2, 3, 4, 5 and y: 2, 4, 5, 4, 5": each named list of as many values is a column;
    'a table with two rows: "t (years)" with 0, 2, 4 and "N(t)" with 10, 27.2, 73.9': lists named in quotes, and
    laid out as rows when the sentence says rows (the first heads the table, each name in the first column)."""
    found = [(m.group(1).strip(), [v.strip() for v in m.group(2).split(",")]) for m in _NAMED_LIST.finditer(ex.sentence)]
    found = [(n, vs) for n, vs in found if not re.fullmatch(r"(?:table|data|values|columns?|rows?)", n, re.I)]
    quoted = []
    for m in re.finditer(Q, ex.sentence):  # (quoted strings in turn from the left: never the text between two of them)
        values = _QUOTED_LIST.match(ex.sentence, m.end())
        if values:
            quoted.append((match_text(m), [v.strip() for v in values.group(1).split(",")]))
    if len(quoted) >= 2 and len({len(vs) for _, vs in quoted}) == 1:
        found = quoted
    if len(found) < 2 and ":\n" in ex.sentence and re.search(r"\btables?\b", ex.sentence.split(":\n", 1)[0], re.I):
        # "show the table:" then "Node: A B C D E F G" and "Dist: 0 1 1 2 2 2 3": one named line per row, its
        # cells set apart by spaces — each line a column of the table
        lines = [_SPACED_LINE.match(ln) for ln in ex.sentence.split(":\n", 1)[1].split("\n") if ln.strip()]
        if len(lines) >= 2 and all(lines):
            found = [(m.group(1).strip(), m.group(2).split()) for m in lines]
    if len(found) < 2 or len({len(vs) for _, vs in found}) != 1:
        return None
    strings = [n for n, _ in found[:5]] + [v for _, vs in found[:5] for v in vs]
    claim(ex, ctx, strings)
    ex.prose[:] = []
    if found is quoted and re.search(r"\brows\b", mask_shown(ex.sentence), re.I) and not re.search(
            r"\bcolumns\b", mask_shown(ex.sentence), re.I) and len(found[0][1]) <= 5:
        lines = [[name] + [cell_number(v) for v in vs] for name, vs in found[:8]]
        return [_beat("table", "table:named-lists", ex, i, strings, _kw(ex.sentence) + ("table",), columns=[
            str(c) for c in lines[0]], rows=lines[1:])]
    names = [n for n, _ in found][:5]
    rows = [[cell_number(v) for v in r] for r in zip(*(vs for _, vs in found[:5]))]
    return [_beat("table", "table:named-lists", ex, i, strings, _kw(ex.sentence) + ("table",), columns=names, rows=rows)]


_CELL = r"[^\s,;:|\"'\u201c\u201d\u2018\u2019]{1,12}"  # a cell set apart by spaces: no quotes, bars or commas
# ("C(10, k): 1 10 45 …", "P(X = k): 0.001 0.010 …": the name may be a formula)
_SPACED_LINE = re.compile(r"\s*([A-Za-z][^:\n]{0,20}?)\s*:\s*((?:" + _CELL + r"\s+){1,11}" + _CELL + r")\s*\.?\s*$")
_QUOTED_LIST = re.compile(r"\s*(?:with|:|=|holding|containing|having)?\s*(" + NUM + r"(?:\s*,\s*" + NUM
                          + r"(?![\d:])){1,11})(?![\d\"\u201d,])")


_COLUMNS_LINE = re.compile(r"^\s*(?:columns?|column headers?|headers?|header row)\s*:\s*(.+?)\s*\.?$", re.I)
_ROW_LINE = re.compile(r"^\s*(?:row\s+)?(?:'([^'\n]{1,40})'|\"([^\"\n]{1,40})\"|\u201c([^\u201d\n]{1,40})\u201d|"
                       r"\u2018([^\u2019\n]{1,40})\u2019|([A-Za-z][\w ()+\-]{0,30}?))\s*:\s*(.+?)\s*\.?$", re.I)
_CELL_QUOTES = "'\"\u201c\u201d\u2018\u2019 "


def _columns_line_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Draw a table with a header row and a header column:" then "Columns: '', 'Test +', 'Test -', 'Total'" and one
    "Row 'Sick': 18 | 2 | 20" per line: the columns as the line names them (an empty one is the corner), each row
    named in the first column, its cells as written."""
    head, _, body = ex.sentence.partition(":\n")
    if not body or not re.search(r"\btables?\b", head, re.I):
        return None
    lines = [ln for ln in body.split("\n") if ln.strip()]
    top = _COLUMNS_LINE.match(lines[0]) if len(lines) >= 2 else None
    if top is None:
        return None
    cols = [c.strip(_CELL_QUOTES) for c in top_level_split(top.group(1))]
    rows = []
    for ln in lines[1:]:
        m = _ROW_LINE.match(ln)
        if m is None:
            return None
        name = next(g for g in m.groups()[:5] if g is not None).strip()
        cells = re.split(r"\s*\|\s*", m.group(6)) if "|" in m.group(6) else top_level_split(m.group(6))
        rows.append([name] + [c.strip(_CELL_QUOTES) for c in cells])
    if all(len(r) == len(cols) + 1 for r in rows):
        cols = [""] + cols  # the corner the line did not write
    if not cols or any(len(r) != len(cols) for r in rows):
        return None
    strings = [c for c in cols if c] + [str(c) for r in rows for c in r if c]
    claim(ex, ctx, strings + lines)
    ex.prose[:] = []
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return [_beat("table", "table:columns-line", ex, i, strings, _kw(ex.sentence) + ("table",), columns=cols,
                  rows=[[cell_number(c) for c in r] for r in rows])]


_QCELL = r"[\"\u201c][^\"\u201d]{0,40}[\"\u201d]"  # a quoted cell (no group: cells are read with `Q`)
_QROW = _QCELL + r"(?:\s*\|\s*" + _QCELL + r")+"  # "10" | "4"


def _piped_quoted_rows(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'a table with headers "n" and "max steps": "10" | "4", "1,000" | "10", "1,000,000" | "20"': the headers, then
    rows of quoted cells joined by bars, one row after each comma — never a comma inside a cell ("1,000")."""
    colon = ex.sentence.find(":")
    head = re.search(r"\b(?:headers?|columns?|headings?)\s+((?:" + _QCELL + r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)?){2,6})",
                     ex.sentence[:colon] if colon > 0 else "", re.I)
    if colon < 0 or not head or not re.search(r"\btables?\b", ex.sentence[:colon], re.I):
        return None
    body = ex.sentence[colon + 1:].strip().rstrip(".").strip()
    if not re.fullmatch(r"\s*" + _QROW + r"(?:\s*[,;]\s*(?:and\s+)?" + _QROW + r")*\s*", body):
        return None
    rows_text = re.findall(_QROW, body)
    columns = [match_text(m) for m in re.finditer(Q, head.group(1))]
    rows = [[match_text(m) for m in re.finditer(Q, r)] for r in rows_text]
    if not rows or any(len(r) != len(columns) for r in rows) or len(rows) > 12:
        return None
    strings = columns + [c for r in rows for c in r]
    claim(ex, ctx, strings)
    ex.prose[:] = []
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return [_beat("table", "table:quoted-piped-rows", ex, i, strings, _kw(ex.sentence) + ("table",), columns=columns,
                  rows=[[cell_number(c) for c in r] for r in rows])]


def _pending_table(ctx: Context) -> Beat | None:
    t = since_clear_of_kind(ctx, "table")
    return t if t is not None and t.params.get("pending") else None


_TABLE_CAPTION = re.compile(r"^\W*(?:(?:table|tab\.)\s*\d{0,2}\s*,?\s*)(?:with\s+)?(?:(?:a|the)\s+)?(?:header|title|caption|heading)"
                            r"\s+[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]\s*[:,]?\s*", re.I)


def rule_table(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """'Table 1, header "e^1 = 2.71828": columns "terms up to", "value", "error"' — a table with a caption above it:
    the caption drawn over the table (typeset when it is a formula), never taken for a column; 'Table 2, header
    "sin(1) = 0.841471": same columns' — the columns of the table drawn before in the scene."""
    cap = _TABLE_CAPTION.match(ex.sentence)
    same = re.search(r"\bsame\s+columns\b", ex.sentence[cap.end():], re.I) if cap else None
    before = next((b for b in reversed(ctx.beats) if b.kind == "table" and b.params.get("columns")), None) if same else None
    if cap is None or not (re.search(r"\bcolumns?\b", ex.sentence[cap.end():], re.I) and (not same or before is not None)):
        return _rule_table(ex, ctx, i)
    caption = cap.group(1).strip()
    rest = ex.sentence[cap.end():]
    if same:
        named = ", ".join(f'"{c}"' for c in before.params["columns"])
        rest = rest[:same.start()] + f"columns {named}" + rest[same.end():]
    saved = (ex.sentence, list(ex.quoted), ex.bare)
    ex.sentence = "Table with " + rest
    ex.quoted[:] = [q for q in ex.quoted if q != caption] + (list(before.params["columns"]) if same else [])
    ex.bare = mask_shown(ex.sentence)
    try:
        beats = _rule_table(ex, ctx, i)
    finally:
        ex.sentence, ex.bare = saved[0], saved[2]
        ex.quoted[:] = saved[1]
    beats = [replace(b, source=ex.sentence) for b in beats]
    if not any(b.kind == "table" for b in beats):
        return beats
    claim(ex, ctx, [caption])
    from .rules_equation import quoted_formula

    head = _beat("equation", "equation:table-caption", ex, i, [caption], _kw(caption), exprs=[caption]) \
        if quoted_formula(caption) else _beat("text", "text:table-caption", ex, i, [caption], _kw(caption), text=caption)
    return [head] + beats


def _rule_table(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show a table with columns "Model", "Params" and rows ("GPT-2", "1.5B"), ("GPT-3", "175B")";
    rows may also be `"GPT-2" / "1.5B"; "GPT-3" / "175B"` or just quoted cells, filled row by row.
    "Display a table with two columns "x" and "f(x)"" and, in a later sentence, "Fill in the rows one
    by one: 1.9 and 3.9, 1.99 and 3.99, …" make one table. "A table of molar masses: H2 = 2 g/mol,
    O2 = 32 g/mol" is a label -> value table. "n = 4, n = 8, n = 16" then "the approximations: 3.75,
    3.19, 2.92" build a table column by column."""
    on_screen = since_clear_of_kind(ctx, "table")
    if on_screen is not None and not ex.quoted and re.match(
            r"^\s*(?:then\s+)?(?:reveal|show|display|add|animate|bring in)\s+(?:the\s+)?(?:table\s+)?rows?\s+(?:one\s+(?:by\s+one|"
            r"at\s+a\s+time|after\s+(?:another|the\s+other))|in\s+turn|successively|by\s+row)\s*(?:,\s*[^.\"\u201c]*)?\.?$",
            ex.sentence, re.I):  # (", each new row appearing as the narration reaches it": how, not what)
        ctx.modified.add(i)  # "Reveal rows one by one.": the table on screen does (its rows come in one after another)
        ctx.stop = True
        return []
    pending = _pending_table(ctx)
    ordinal = _ordinal_row(ex, ctx, i) if _ORDINAL_ROW.match(ex.sentence) else None
    if ordinal is not None:
        return ordinal
    if pending is not None and not cue_unquoted(ex, r"\btables?\b"):
        return _fill_table(ex, ctx, i, pending)
    if _ROW_FILL.search(ex.sentence):
        state = _table_state(ex, ctx, i)  # "Fill the Initial row: 1.00, 3.00, 0": a named row, not a new column
        if state is not None:
            return state
    added = _ordinal_row(ex, ctx, i) or _added_row(ex, ctx, i) or _next_row(ex, ctx, i)
    if added is not None:
        return added
    series = _series_table(ex, ctx, i)
    if series is not None:
        return series
    piped_quoted = _piped_quoted_rows(ex, ctx, i)
    if piped_quoted is not None:
        return piped_quoted
    lined = _columns_line_table(ex, ctx, i)
    if lined is not None:
        return lined
    state = _table_state(ex, ctx, i)
    if state is not None:
        return state
    header = re.match(r"^\s*(?:the\s+)?(?:header(?:\s+row)?|headers|column\s+headers|headings)\s*:\s*", ex.sentence, re.I)
    if header and len(ex.quoted) >= 2 and since_clear_of_kind(ctx, "table") is None:
        # 'Header row: "Element", "Left side", "Right side".' (after "Draw a table with 3 columns"): the columns;
        # the rows come in a later sentence
        columns = ctx.capped(i, ex.quoted, 6, "columns")
        claim(ex, ctx, columns)
        return [_beat("table", "table:header-row", ex, i, columns, _kw(ex.sentence) + ("table",),
                      columns=columns, rows=[[""] * len(columns)], pending=True)]
    headed = _headed_table(ex, ctx, i)
    if headed is not None:
        return headed
    if not cue_unquoted(ex, r"\btables?\b"):
        return []
    if since_clear_of_kind(ctx, "table") is not None and not re.search(
            r"\btables?\b", re.sub(r"\b(?:under|below|above|beside|next to|in|into|inside|of|on|from|around|near)\s+the\s+"
                                 r"(?:\w+\s+)?tables?\b", " ", mask_shown(ex.sentence), flags=re.I), re.I):
        return []  # "… shown briefly under the table": the table on screen is where things go, not a new one
    masked = mask_shown(ex.sentence)
    if since_clear_of_kind(ctx, "table") is not None and re.search(r"\bthe\s+(?:[\w-]+\s+){0,4}?table\b", masked, re.I) and not re.search(
            r"\b(?:a|an|another|new|second|third|two|three)\s+(?:[\w-]+\s+){0,3}?tables?\b", masked, re.I) and not re.search(
            r"\b(?:columns?|headers?|headings?)\s*(?:of|:)?\s*[\"\u201c]", ex.sentence, re.I):
        return []  # "Once the table is complete, surround the whole "Test positive" column …": the table on screen
    named = _named_rows_table(ex, ctx, i) or _named_lists_table(ex, ctx, i)
    if named is not None:
        return named
    s = ex.sentence
    quoted_lines = _quoted_lines(s)
    if quoted_lines is not None:
        # 'a small table:\n "β", "peak", "peak day"\n "0.3", "301", "38"': the first line heads the columns — unless
        # the colon line names them ('a table with columns "N", "Inside", "Estimate":' then rows of cells)
        head = s[:s.index(":\n")]
        named = [match_text(m) for m in re.finditer(Q, head)] if re.search(r"\bcolumns?\b", mask_shown(head), re.I) else []
        if len(named) == len(quoted_lines[0]):
            quoted_lines = [named] + quoted_lines
        columns = [str(c) for c in ctx.capped(i, quoted_lines[0], 6, "columns")]
        rows = [r[:6] for r in ctx.capped(i, quoted_lines[1:], 8, "rows")]
        strings = columns + [str(c) for r in rows for c in r]
        claim(ex, ctx, strings)
        if len(quoted_lines) > 9:
            ctx.lost(i, f"the table has {len(quoted_lines) - 1} rows; only the first 8 are drawn")
        return [_beat("table", "table:quoted-lines", ex, i, strings, sum((_kw(c) for c in columns), ("table",)),
                      columns=columns, rows=rows)]
    head_row = re.fullmatch(r"([^\n]*\bheaders?\b[^\n]*):[ \t]*\n\s*([^\n]*\|[^\n]*)\s*", s, re.I)
    if head_row and since_clear_of_kind(ctx, "table") is None:
        # 'Build a table with 4 columns and header row:\n "Car behind" | "Host opens" | "Stay" | "Switch"': its
        # columns; the rows come in a later sentence ("Rows: …")
        columns = ctx.capped(i, [c.strip().strip("\"\u201c\u201d") for c in head_row.group(2).split("|") if c.strip()], 6,
                            "columns")
        if len(columns) >= 2:
            claim(ex, ctx, columns)
            return [_beat("table", "table:header-row", ex, i, columns, _kw(ex.sentence) + ("table",),
                          columns=columns, rows=[[""] * len(columns)], pending=True)]
    # ("row 1 (header): …" says which row is the header, no list of columns; 'columns: "" (row names), "Stack"': a note
    # on the empty corner, no rows)
    s = re.sub(r"([\"\u201d])\s*\((?:for\s+(?:the\s+)?)?(?:row\s+(?:names?|labels?|headers?|headings?)|corner|empty|blank)\)",
               r"\1", s, flags=re.I)
    mc = re.search(r"(?<!\()\b(?:columns?|headers?|headings?)\b\s*(?:of|:)?\s*(.*?)(?=\brows?\b|\n|$)", s, re.I)
    if not (mc and re.search(Q, mc.group(1))):
        piped = _piped_table(ex, ctx, i)
        if piped is not None:
            return piped
    if not mc:
        return _map_table(ex, ctx, i)
    columns = quoted_cells(mc.group(1)) or [
        c for c in row_cells(re.split(r"\band\b(?!.*\band\b)", mc.group(1))[0]) if len(c) <= 30][:6]
    if not columns:
        return []
    # "with columns 'Substance' and 'Molar mass (g/mol)': 'Al | 26.98', 'Cl₂ | 70.90'": the quoted rows after the
    # quoted columns, their cells split at "|"
    colon = re.search(r"[\"\u201d\u2019']\s*:\s*[\"\u201c\u2018']", mc.group(1))
    piped_rows = [match_text(m) for m in re.finditer(Q, mc.group(1)[colon.end() - 1:])] if colon else []
    if len(piped_rows) >= 2 and all("|" in c for c in piped_rows):
        columns = [match_text(m) for m in re.finditer(Q, mc.group(1)[:colon.start() + 1])]
    else:
        piped_rows = []
    ncols = min(len(columns), 6)
    columns = columns[:ncols]
    rows: list[list] = []
    if piped_rows:
        rows = [block_row(c, ncols) for c in piped_rows]
        for r in rows:
            if len(r) > ncols:
                ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns")
                del r[ncols:]
        claim(ex, ctx, piped_rows)
    colon = s.find(":\n")
    # the lines under the colon: right after the columns, or after words on the rows ("… and rows filled one at a time:")
    block = block_lines(s) if colon >= 0 and (mc.end() >= colon or not re.search(Q, s[mc.end():colon])) else []
    if block and all("|" in ln for ln in block):
        # 'A table with columns "Year", "Balance":' then one "Row 1: 1 | $1100" per line
        rows = [block_row(ln, ncols) for ln in block]
        for r in rows:
            if len(r) > ncols:
                ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns")
                del r[ncols:]
        s = s[: s.find(":\n")]
    elif block:
        # 'with columns "step", "low", …, "action":' then 'Row 1: 1, 0, 9, 4, 16, "go right"' per line: a row per line,
        # its cells between commas (quoted or not)
        cells = [[c.strip().strip("\"\u201c\u201d") for c in top_level_split(re.sub(r"^\s*row\s+\d{1,2}\s*:\s*", "", ln,
                                                                                    flags=re.I))] for ln in block]
        named = [re.match(r"^\s*(?:row\s+)?[\"\u201c]([^\"\u201d\n]{1,40})[\"\u201d]\s*:\s*(.+)$", ln, re.I) for ln in block]
        if all(named) and len(named) >= 2:
            # 'Row "Initial (M)": "1.00", "3.00", "0"': the row's name in the first column, then its cells
            cells = [[m.group(1).strip()] + [c.strip().strip("\"\u201c\u201d") for c in top_level_split(m.group(2))]
                     for m in named]
        if len(cells) >= 1 and all(len(r) == ncols and all(r) for r in cells):
            rows = [[cell_number(c) for c in r] for r in cells]
            s = s[: s.find(":\n")]
    mr = None if rows else re.search(r"\brows?\b\s*(?::|of|with)?\s*(.*)$", s, re.I)
    cols_then = None if rows else re.search(r"[\"\u201d]\s*:\s*(.+)$", s)
    if mr and cols_then and mr.start() < cols_then.start() and re.search(r"[|/]", cols_then.group(1)):
        # "add a row to a table with columns "θ₁" and "θ₂": 0° | 0°, 30° | 19.5°": the rows are after the columns' colon
        mr = cols_then
    labelled = mr and re.search(r"\b(?:row\s+[^\s:|]{1,12}|\w+\s+row)\s*(?::|[-\u2013\u2014)]\s)", s[mr.start():], re.I)
    if labelled and row_label(s[mr.start() + labelled.start():]) and not s[mr.start():mr.start() + labelled.start()].strip(" :"):
        mr = re.search(r"(.*)$", s[mr.start() + labelled.start():])  # "row 1: 0 | 9 | 4; row 2: …": labelled rows
    if not mr and not rows:
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
        elif aside and re.search(r"[|/]", text[: aside.start()]) and len(re.findall(r"[A-Za-z]{3,}", aside.group(1))) >= 3:
            # "rows 1 | 4, 2 | 3, 3 | 2, 4 | 1 (for n = 5, counting the worst case …)": a note on the rows, no row
            ctx.lost(i, f"the note ({aside.group(1)[:60]}) beside the table is not drawn")
            text = text[: aside.start()]
        groups = [g for g in _paren_groups(text) if "," in g or "/" in g or "|" in g]
        if not groups:
            # "GPT-2" / "1.5B"; "GPT-3" / "175B" or Alice | 90, Bob | 85: a row ends at ";", at "and" before a
            # quote or bracket, or at a comma followed by the next row's "/" or "|"
            splitter = r"\s*;\s*|\s+and\s+(?=[\"\u201c(\[])|\s*,\s*(?=[^,;]*[/|])"
            groups = [g for g in re.split(splitter, text) if re.search(r"[/|]", g)]
            if not groups and len(re.findall(r"(?:^|;\s*)(?=" + ROW_LABEL.pattern[1:] + ")", text, re.I)) >= 2:
                groups = [g for g in re.split(r"\s*;\s*", text.rstrip(". ")) if g.strip()]  # row A: 90; row B: 85
        if groups:
            rows = [labelled_row(g, ncols) for g in groups]
            for r in rows:
                if len(r) > ncols:
                    ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns; "
                                f"left out {' | '.join(map(str, r[ncols:]))}")
                    del r[ncols:]
        else:
            cells = [match_text(m) for m in re.finditer(Q, text)]
            rows = [[cell_number(c) for c in cells[k : k + ncols]] for k in range(0, len(cells), ncols)]
            if not rows:
                rows = _row_groups(text, ncols)
    rows = [r for r in rows if r]

    def bare(c) -> str:
        return re.sub(r"^\s*(?:header|columns?|headings?)\s*:\s*|[\"\u201c\u201d']", "", str(c), flags=re.I).strip().lower()

    if rows and [bare(c) for c in rows[0]] == [bare(c) for c in columns]:
        rows = rows[1:]  # 'Header: "n" | "Balanced" | "Chain"' read as a row too: the columns, drawn once
    if len(rows) > 8:
        ctx.lost(i, f"the table has {len(rows)} rows; only the first 8 are drawn")
        rows = rows[:8]
    if not rows:
        # the rows come in a later sentence ("Fill in the rows one by one: …")
        claim(ex, ctx, columns)
        return [_beat("table", "table:columns", ex, i, columns, sum((_kw(c) for c in columns), ("table",)),
                      columns=columns, rows=[[""] * ncols], pending=True)]
    params: dict = {}
    hm = re.search(r"highlight\w*\s+(?:the\s+)?(?:(row|column)\s+" + Q + r"|" + Q + r"\s+(row|column))", s, re.I)
    if hm:
        which = (hm.group(1) or hm.group(6) or "").lower()
        name = match_text(hm, 2) or match_text(hm, 4)
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
    claim(ex, ctx, strings)
    ex.prose[:] = []  # "0.25 → 1.0, 1.0 → 2.0": the rows, not formulas
    return [_beat("table", "table:columns-and-rows", ex, i, strings, sum((_kw(c) for c in columns), ("table",)),
                  columns=columns, rows=rows, **params)]


def _piped_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Draw a table with 3 columns and 6 rows:" then `Header: "Metal" | "Density"` and one `"Iron" | "7.87"` line per
    row (or no header label: the first line names the columns) — the lines under the colon are the whole table."""
    block = block_lines(ex.sentence)
    if len(block) < 2 or not all("|" in ln for ln in block):
        return None
    head = re.sub(r"^\s*(?:the\s+)?(?:header(?:\s+row)?|headers|columns?|column\s+headers|headings)\s*:\s*", "",
                  block[0], flags=re.I)
    columns = [str(c) for c in block_row(head, 0)]
    # ('… again: "Element" | "Left" | "Right".', 'a table with header row "t (days)" | "P(t)" | "phase", filled row by row:')
    intro = re.search(r":\s*((?:[\"\u201c][^\"\u201d|]{1,40}[\"\u201d]\s*\|\s*)+[\"\u201c][^\"\u201d|]{1,40}[\"\u201d])\s*[.:]?\s*$",
                      ex.sentence.split("\n", 1)[0]) or re.search(
        r"\b(?:header(?:\s+row)?|headers|columns|headings)\s*:?\s*((?:[\"\u201c][^\"\u201d|]{1,40}[\"\u201d]\s*\|\s*)+"
        r"[\"\u201c][^\"\u201d|]{1,40}[\"\u201d])", ex.sentence.split("\n", 1)[0], re.I)
    if intro and len(block_row(intro.group(1), 0)) == len(columns):
        # 'Draw the atom table again: "Element" | "Left" | "Right".' then its rows: the header is on the first line
        columns = [str(c) for c in block_row(intro.group(1), 0)]
        block = [""] + block
    if re.search(r"\bsame\s+(?:columns|headers|headings|header row)\b", ex.sentence.split("\n", 1)[0], re.I):
        # "Table “Start: Rainy” with the same columns:" then its rows: the columns of the table drawn before
        on_screen, earlier = _known_table(ctx)
        before = on_screen or earlier or next((b for b in reversed(ctx.beats) if b.kind == "table"), None)
        if before is not None and len(before.params.get("columns") or []) == len(columns):
            columns = [str(c) for c in before.params["columns"]]
            block = [""] + block  # (every line is a row)
    if len(columns) < 2:
        return None
    if len(columns) > 6:
        ctx.lost(i, f"the table has {len(columns)} columns; only the first 6 are drawn")
        columns = columns[:6]
    rows = [block_row(ln, len(columns)) for ln in block[1:]]
    for r in rows:
        if len(r) > len(columns):
            ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {len(columns)} columns; left out "
                        f"{' | '.join(map(str, r[len(columns):]))}")
            del r[len(columns):]
    rows = [r for r in rows if r]

    def bare(c) -> str:
        return re.sub(r"^\s*(?:header|columns?|headings?)\s*:\s*|[\"\u201c\u201d']", "", str(c), flags=re.I).strip().lower()

    if rows and [bare(c) for c in rows[0]] == [bare(c) for c in columns]:
        rows = rows[1:]  # 'Header: "n" | "Balanced" | "Chain"' read as a row too: the columns, drawn once
    if len(rows) > 8:
        ctx.lost(i, f"the table has {len(rows)} rows; only the first 8 are drawn")
        rows = rows[:8]
    strings = columns + [_fmt(c) for r in rows for c in r]
    claim(ex, ctx, strings)
    ex.prose[:] = []
    return [_beat("table", "table:piped-lines", ex, i, strings, sum((_kw(c) for c in columns), ("table",)),
                  columns=columns, rows=rows)]


_ROW_UPDATE = re.compile(r"\b(?:update|change|set|replace|fill)\w*\s+(?:the\s+)?(?:(\S{1,12})\s+row|row\s+(\S{1,12}))\s+"
                         r"(?:to|with|as|:)\s*" + Q, re.I)


_STATE = re.compile(r"\b(?:table|state|rows?)\b[^:.;]{0,30}:\s*(.+)$", re.I)


_ROW_FILL = re.compile(r"\b(?:fill|update|change|set|replace|complete)\w*\s+(?:in\s+)?(?:the\s+)?(?:[\"']?([^\s\"']{1,15})[\"']?\s+row|"
                       r"row\s+([^\s:]{1,15}))(?:\s+with(?:\s+(?:the\s+)?(?:numbers|values|cells))?)?\s*:?\s*([^:]+?)\.?$", re.I)


_ADD_ROW = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:(?:then|finally|now|next|last(?:ly)?),?\s+)?(?:add|append|insert|write|put)\s+"
                      r"(?:a|an|one|another|the)?\s*(?:(?:last|final|new|extra|bottom|further|fourth|fifth|sixth|totals?|sums?)\s+)*"
                      r"(?:table\s+)?row\b(?:\s+(?:to|at\s+the\s+bottom\s+of)\s+the\s+table)?"
                      r"(?:\s+(?:labell?ed|named|called|marked)\s+[\"\u201c](?P<name>[^\"\u201d]{1,12})[\"\u201d])?"
                      r"\s*(?:with\s+|reading\s+|:\s*)?"
                      r"(?P<cells>.+?)\s*(?:[,;]?\s*(?:\bhighlighted\b|\bin\s+(?:bold|colou?r)|\bshown\b|\bmarked\b).*)?[.\s]*$",
                      re.I | re.S)


def _added_row(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Add a last row 'exact' | | '1.0806' highlighted in yellow", "Add a row: 4 | 16 | 64": one more row of the
    table on screen (an empty cell kept empty), changed in place and highlighted; a row of the wrong number of cells
    is said, not forced in."""
    table = since_clear_of_kind(ctx, "table")
    m = _ADD_ROW.match(ex.sentence)
    if table is None or table.params.get("pending") or m is None:
        return None
    ncols = len(table.params["columns"])
    text = m.group("cells")
    if "|" in text:
        cells = [c.strip().strip("\"'\u201c\u201d\u2018\u2019") for c in text.split("|")]
    else:
        cells = [match_text(q) for q in re.finditer(Q, text)] or [c.strip() for c in top_level_split(text, r",")]
    cells = [c for c in cells if c is not None]
    if m.group("name") and len(cells) == ncols - 1 and all(r and not re.match(r"-?\d", str(r[0])) for r in table.params["rows"]):
        cells = [m.group("name")] + cells  # (the row's name in the first column, as the other rows have theirs)
    if not cells or len(cells) != ncols:
        ctx.lost(i, f"the row {text[:40]!r} has {len(cells)} cells for a table of {ncols} columns: it is not added")
        ctx.stop = True
        return []
    if m.group("name") and m.group("name") not in cells:
        ctx.lost(i, f"the row's name {m.group('name')!r} is not drawn: the table has no column for the names of its rows")
        claim(ex, ctx, [m.group("name")])
    return _with_row(ex, ctx, i, table, cells, text, "table:added-row", highlighted=True)


def _with_row(ex: Extracted, ctx: Context, i: int, table: Beat, cells: list[str], text: str, rule: str,
              highlighted: bool) -> list[Beat]:
    """The table on screen with one more row (an empty cell kept empty), changed in place — highlighted when the
    sentence adds it as news; a ninth row is said, not drawn."""
    rows = [list(r) for r in table.params["rows"]] + [[cell_number(c) if c else "" for c in cells]]
    ctx.stop = True
    if len(rows) > 8:
        ctx.lost(i, f"the table already has 8 rows: the row {text[:40]!r} is not added")
        return []
    claim(ex, ctx, [c for c in cells if c] + [text])
    ex.prose[:] = []
    params = {k: v for k, v in table.params.items() if k not in ("highlight_row", "highlight_col", "highlight_cell")}
    params.update(rows=rows, update=True, **({"highlight_row": len(rows) - 1} if highlighted else {}))
    return [_beat("table", rule, ex, i, list(table.params["columns"]) + [_fmt(c) for r in rows for c in r if c != ""],
                  _kw(ex.sentence) + ("table",), **params)]


_ORDINAL_ROW = re.compile(r"^\W*(?:(?:then|and|now|next),?\s+)?(?:the\s+)?(?P<which>first|second|third|fourth|fifth|sixth|"
                          r"seventh|eighth|next|last|final|\d{1,2}(?:st|nd|rd|th)?)\s+row\s*(?::|reads|is)\s*(?P<cells>.+?)[.\s]*$",
                          re.I)


def _ordinal_row(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"First row: 0, 0, 1, 100%." then "Second row: 1, 5730, 1/2, 50%." …: each a row of the table on screen whose
    columns were given (the first one fills the table as it appears; the next ones grow it in place, one at a time)."""
    m = _ORDINAL_ROW.match(ex.sentence)
    table = since_clear_of_kind(ctx, "table") if m else None
    if table is None:
        return None
    ncols = len(table.params["columns"])
    text = m.group("cells")
    cells = [c.strip() for c in (text.split("|") if "|" in text else top_level_split(text, r","))]
    cells = [c.strip("\"'\u201c\u201d") for c in cells if c.strip()]
    if len(cells) != ncols:
        ctx.lost(i, f"the row {text[:40]!r} has {len(cells)} cells for a table of {ncols} columns: it is not added")
        ctx.stop = True
        return []
    if table.params.get("pending"):
        ctx.stop = True
        claim(ex, ctx, [text])
        return _filled(ex, ctx, i, table, [[cell_number(c) for c in cells]])
    return _with_row(ex, ctx, i, table, cells, text, "table:ordinal-row", highlighted=False)


def _next_row(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'Rows:' then '"order" | "LIFO" | "FIFO"', '"add" | "push (top)" | "enqueue (rear)"', … one per line: each line
    after the first is one more row of the table on screen, when it has that table's number of cells."""
    table = since_clear_of_kind(ctx, "table")
    line = ex.sentence.strip().rstrip(".;")
    if table is None or table.params.get("pending") or not re.fullmatch(_QROW, line):
        return None
    cells = [match_text(m) for m in re.finditer(Q, line)]
    if len(cells) != len(table.params["columns"]):
        return None
    return _with_row(ex, ctx, i, table, cells, line, "table:next-row", highlighted=False)


def _known_table(ctx: Context) -> tuple[Beat | None, Beat | None]:
    """(the table on screen, or None; the last table an earlier scene drew, or None)."""
    from .rules_recall import scene_state

    on_screen = since_clear_of_kind(ctx, "table")
    if on_screen is not None and not on_screen.params.get("pending"):
        return on_screen, None
    for sp in ctx.earlier("table"):
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
        cells = [cell_number(c) for c in row_cells(match_text(m, 3))]
        if key in keys and len(cells) == ncols:
            rows[keys.index(key)] = cells
            changed.append(keys.index(key))
            ctx.consumed.add(match_text(m, 3))
    if not changed:
        # "Fill the Initial row: 1.00, 3.00, 0.", "Replace the Equilibrium row with numbers: 0.80, 2.40, 0.40":
        # a named row's cells, written after its name (the name cell kept)
        fm = _ROW_FILL.search(ex.sentence)
        key = (fm.group(1) or fm.group(2) or "").strip("'\"").lower() if fm else ""
        if fm and key in keys:
            cells = [cell_number(c.strip(" '\"")) for c in top_level_split(fm.group(3).rstrip(". "), r",|;") if c.strip()]
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
        for item in top_level_split(sm.group(1).rstrip(". "), r",|;"):
            notes += re.findall(r"\(([^()]*)\)", item)
            core = re.sub(r"\([^()]*\)", " ", item).strip()
            cells = [c.strip() for c in core.split("|")] if "|" in core else core.split()
            if len(cells) != ncols or cells[0].lower() not in keys:
                parsed = []
                break
            parsed.append([cell_number(c) for c in cells])
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
    if not changed and not (sm and understood and earlier is not None and cue_unquoted(ex, r"\btables?\b")):
        return None
    strings = list(base.params["columns"]) + [_fmt(c) for r in rows for c in r]
    claim(ex, ctx, strings)
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


def _quoted_lines(s: str) -> list[list] | None:
    """Lines under a colon line, each only quoted cells, as many in every line (at least two lines of two): the cells
    as written ("4.20" keeps its zero), numbers as numbers."""
    if ":\n" not in s:
        return None
    block = block_lines(s)
    rows = []
    for ln in block:
        cells = [match_text(m) for m in re.finditer(Q, ln)]
        if len(cells) < 2 or re.sub(Q, "", ln).strip(" ,;") not in ("", "Row:", "Row"):
            return None
        rows.append([c if re.search(r"\.\d*0$", c) else cell_number(c) for c in cells])
    if len(rows) < 2 or len({len(r) for r in rows}) != 1:
        return None
    return rows


def _fill_table(ex: Extracted, ctx: Context, i: int, table: Beat) -> list[Beat]:
    """Rows for the table on screen whose columns an earlier sentence gave."""
    ncols = len(table.params["columns"])
    block = block_lines(ex.sentence) if ":\n" in ex.sentence else []
    quoted_rows = [[match_text(m) for m in re.finditer(Q, ln)] for ln in block]
    if block and all(len(r) >= 2 for r in quoted_rows):
        # 'Add rows one at a time:\n Row: "0", "(-2, 3)", "(-8, 16)", "32"': one row per line, its quoted cells
        rows = [[c if re.search(r"\.\d*0$", c) else cell_number(c) for c in r] for r in ctx.capped(i, quoted_rows, 8, "rows")]  # "4.20" as written
        named = [r[0] for r in table.params.get("rows") or [] if r and r[0] != "" and all(c == "" for c in r[1:])]
        if table.params.get("pending") and len(named) == len(rows) and all(len(r) == ncols - 1 for r in rows):
            rows = [[n] + r for n, r in zip(named, rows)]  # the rows' names are the header column given before
        for r in rows:
            if len(r) > ncols:
                ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns")
                del r[ncols:]
    elif block and ncols >= 2 and all("|" not in ln and len(top_level_split(ln.rstrip(". "), r",")) == ncols for ln in block):
        # 'Fill in one row per point:\n row 1: 1, 2, 1, 2\n row 2: 2, 3, 4, 6': one row per line, its cells between commas
        rows = [[cell_number(c.strip().strip("\"\u201c\u201d")) for c in top_level_split(ln.rstrip(". "), r",")]
                for ln in ctx.capped(i, block, 8, "rows")]
        ex.matrices[:] = []
        ctx.stop = True
    elif block and all("|" in ln for ln in block):
        # 'Rows:\n "C" | "3" | "1"\n "H" | "8" | "2"': one row per line
        rows = [block_row(ln, ncols) for ln in ctx.capped(i, block, 8, "rows")]
        for r in rows:
            if len(r) > ncols:
                ctx.lost(i, f"row {' | '.join(map(str, r))} has {len(r)} cells for {ncols} columns")
                del r[ncols:]
    else:
        m = re.search(r":\s*(.+)$", ex.sentence) or re.search(r"\brows?\b\s*(?:of|with)?\s*(.+)$", ex.sentence, re.I)
        if not m or re.fullmatch(r"\s*" + Q + r"\s*\.?\s*", m.group(1)):
            return []  # 'Write the rule at the bottom: "Prefix-free: no code …"': one quoted line, no rows
        groups = [[match_text(q) for q in re.finditer(Q, g)] for g in re.split(r"\s*;\s*", m.group(1)) if g.strip()]
        if len(groups) >= 2 and all(len(g) == ncols for g in groups):
            # 'Its rows are: "P" with "Pa" and "kPa"; "V" with "m^3" and "L"': a row per group, its quoted cells
            rows = [[cell_number(c) for c in g] for g in groups][:8]
        else:
            rows = _row_groups(m.group(1).rstrip(". "), ncols)[:8]
    if not rows:
        return []
    return _filled(ex, ctx, i, table, rows)


def _filled(ex: Extracted, ctx: Context, i: int, table: Beat, rows: list[list]) -> list[Beat]:
    """The table whose columns an earlier sentence gave, with these rows, drawn at this sentence's moment."""
    strings = [_fmt(c) for r in rows for c in r]
    claim(ex, ctx, strings)
    ex.prose[:] = []  # (the cells' formulas are the table's, not lines of their own)
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
    if not re.search(r"\btables?\b", re.sub(r"\b(?:under|below|beneath|above|beside|next\s+to|(?:left|right)\s+of|"
                                            r"near|over)\s+(?:the\s+)?tables?\b", " ", ex.sentence[:m.start()], flags=re.I), re.I):
        return []  # 'Under the table write: "Four multiplications by i = one full turn"': a place, not a new table
    rows = []
    for piece in top_level_split(m.group(1).rstrip(". "), r",|;|\band\b"):
        pm = re.match(r"^\s*(.{1,30}?)\s*(?:=|:|→|->|is)\s*(.{1,30})$", piece)
        if not pm:
            return []
        rows.append([pm.group(1).strip(" \"\u201c\u201d"), cell_number(pm.group(2).strip(" \"\u201c\u201d"))])
    if len(rows) < 2:
        return []
    what = re.search(r"\btables?\s+(?:of|with|showing|listing|for)\s+(?:the\s+)?([a-z][\w -]{1,30}?)\s*:", ex.sentence,
                     re.I)
    head = what.group(1).strip() if what else "value"
    head = head[0].upper() + head[1:]
    columns = ["", head]
    rows = rows[:8]
    strings = [head] + [_fmt(c) for r in rows for c in r]
    claim(ex, ctx, strings + [f for f, _, _ in ex.prose])
    ex.prose[:] = []
    return [_beat("table", "table:label-value", ex, i, strings, _kw(head) + ("table",), columns=columns, rows=rows)]


def _series_table(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"n = 4, n = 8, n = 16, n = 100" (one name, several values) starts a table; a following
    "the approximations updating: 3.75, 3.19, 2.92, 2.69" (as many values) adds a column to it."""
    m = re.search(r"(?:^|:\s*)((?:([a-zA-Z]\w{0,3})\s*=\s*-?[\d.]+\s*,\s*(?:and\s+)?){2,}\2\s*=\s*-?[\d.]+)", ex.sentence)
    if m:
        name = m.group(2)
        values = [cell_number(v) for v in re.findall(r"=\s*(-?[\d.]+\d|-?\d)", m.group(1))][:8]
        claim(ex, ctx, [f for f, _, _ in ex.prose])
        ex.prose[:] = []
        strings = [name] + [_fmt(v) for v in values]
        return [_beat("table", "table:series", ex, i, strings, _kw(ex.sentence) + ("table",), columns=[name],
                      rows=[[v] for v in values])]
    table = since_clear_of_kind(ctx, "table")
    if table is None or table.params.get("pending"):
        return None
    m = re.search(r"\b(?:the\s+)?([a-z][\w -]{2,30}?)\s*(?:updating|changing|becoming|going|shrinking|growing)?\s*:\s*"
                  r"((?:-?[\d.]+\d?\s*,\s*(?:and\s+)?)+-?[\d.]*\d)\s*\.?$", ex.sentence, re.I)
    rows = table.params.get("rows") or []
    if not m or not rows:
        return None
    values = [cell_number(v) for v in re.findall(r"-?\d+(?:\.\d+)?", m.group(2))]
    if len(values) != len(rows) or len(table.params["columns"]) >= 6:
        return None
    head = re.sub(r"^(?:show|display|then show|then display|list|with)\s+(?:the\s+)?", "", m.group(1).strip(), flags=re.I)
    head = head[0].upper() + head[1:]
    params = dict(table.params, columns=table.params["columns"] + [head],
                  rows=[list(r) + [v] for r, v in zip(rows, values)])
    strings = [head] + [_fmt(v) for v in values]
    claim(ex, ctx, strings)
    new = Beat("table", params, table.strings + tuple(strings), table.rule + "+column", table.source,
               table.detail_index, table.keywords + _kw(ex.sentence))
    ctx.replace(table, new, i)
    return []
