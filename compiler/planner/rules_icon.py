"""The rule for icons: a noun the icon library draws (`data/icons.json`, with the aliases of
`data/lexicon.json`), a check or cross mark, placed beside what the sentence names.
"""

from __future__ import annotations

import re
from .beats import Beat
from .context import Context, _beat, _cue, _kw, since_clear
from .extract import Extracted
from .knowledge import icon_aliases, icon_names, icons_alone
from .theme import COLOUR_RE, colour_just_before, colour_value


ICON_NAMES = icon_names()


ICON_ALIASES = icon_aliases()


def _icon_name(noun: str) -> str | None:
    n = noun.lower().strip()
    if n in ICON_NAMES:
        return n
    if n in ICON_ALIASES:
        return ICON_ALIASES[n]
    last = n.split()[-1] if n.split() else n
    return ICON_ALIASES.get(last) or (last if last in ICON_NAMES else None) or ICON_ALIASES.get(last.rstrip("s"))


_MARK = re.compile(r"\b((?:check|tick)[ -]?marks?|ticks?\b(?=\s+(?:next|beside|after|in|on))|[✓✔✗✘]|"
                   r"(?<=\ba\s)(?:(?:small|big|large|red|green|bold)\s+)*cross(?:[ -]?mark)?(?!\s+out))", re.I)


_ROW_MARK = re.compile(r"\b(?P<mark>check\s*-?\s*mark|tick(?:\s*mark)?|✓|✔|cross(?:\s*mark)?|✗|✘)[^.;]{0,20}?\b(?:in|on|to|"
                       r"beside|next\s+to)\s+(?:the\s+)?(?:row\s+(?:of|for)\s+)?[\"\u201c]?(?P<row>[^\s\"\u201d]{1,12})[\"\u201d]?"
                       r"(?:\s+row)?\b", re.I)


_MARK_NAMES = {"✗": "cross | crosses | cross marks | cross mark", "✓": "check | checks | check marks | checkmarks | ticks | tick marks"}


def _marked(table: Beat, mark: str, ex: Extracted, ctx: Context, at: int) -> dict:
    """The table's mark colours with this mark's: the style's ("Check marks green (#83C167)"), else the colour the
    sentence gives it ("a red cross"); none said keeps the table's default (a green check, a red cross)."""
    col = ctx.theme.for_label(_MARK_NAMES[mark], "") or colour_just_before(ex.sentence, at)
    marks = dict(table.params.get("mark_colors") or {})
    if col:
        marks[mark] = col
    return {"mark_colors": marks} if marks else {}


def _column_marks(ex: Extracted, ctx: Context, i: int, table: Beat) -> list[Beat] | None:
    """"After each row, place a red cross next to the prediction and a green check next to the observation" with a
    table on screen: each mark after the cells of the column it names (by a word of its header: "Wave theory predicts",
    "Observed"), in its colour."""
    if not re.search(r"\b(?:each|every|all(?:\s+the)?)\s+rows?\b", ex.sentence, re.I):
        return None
    columns = [str(c) for c in table.params.get("columns") or []]
    found = []
    for m in re.finditer(r"\b(?P<mark>check\s*-?\s*marks?|ticks?|checks?|✓|✔|cross(?:es|\s*marks?)?|✗|✘)\s+(?:next\s+to|beside|after|"
                         r"by|on)\s+(?:the\s+|each\s+)?(?P<col>[a-z]+)", ex.sentence, re.I):
        stem = m.group("col").lower()[:6]
        hits = [k for k, c in enumerate(columns) if any(w.lower().startswith(stem) or stem.startswith(w.lower()[:6])
                                                          for w in re.findall(r"[A-Za-z]{4,}", c))]
        if len(stem) >= 4 and len(hits) == 1:
            found.append(("✗" if re.match(r"cross|✗|✘", m.group("mark"), re.I) else "✓", hits[0], m.start("mark")))
    if not found:
        return None
    rows = [list(r) for r in table.params.get("rows") or []]
    params = dict(table.params)
    for mark, col, at in found:
        for r in rows:
            if col < len(r):
                r[col] = f"{r[col]} {mark}".strip()
        params.update(_marked(Beat(table.kind, params, (), "", "", 0), mark, ex, ctx, at))
    ctx.stop = True
    return [Beat("table", dict(params, rows=rows, update=True), table.strings + tuple(m for m, _, _ in found),
                 "table:column-marks", ex.sentence, i, table.keywords)]


def _row_mark(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"add a check mark in the A row" with a table on screen: the mark at the end of that row (the table updated),
    never a big icon in place of the table."""
    table = next((b for b in since_clear(ctx) if b.kind == "table"), None)
    marked = _column_marks(ex, ctx, i, table) if table is not None and table.params.get("rows") else None
    if marked is not None:
        return marked
    every = re.search(r"\b(?P<mark>check\s*-?\s*marks?|ticks?(?:\s*marks?)?|✓|✔|cross(?:\s*marks?)?|✗|✘)[^.;]{0,20}?\b(?:after|beside|"
                      r"next\s+to|on|in|to|at\s+the\s+end\s+of)\s+(?:each|every|all(?:\s+the)?)\s+rows?\b", ex.sentence, re.I) or re.search(
        # "After each row appears, show a small green check mark to its right": the same, the row named first
        r"\b(?:after|beside|next\s+to|for)\s+(?:each|every)\s+row\b[^.;]{0,60}?\b(?P<mark>check\s*-?\s*marks?|ticks?(?:\s*marks?)?|✓|✔|"
        r"cross(?:\s*marks?)?|✗|✘)", ex.sentence, re.I)
    if every and table is not None and table.params.get("rows"):
        # "Add a check mark after each row": every row of the table on screen ends with the mark
        mark = "✗" if re.match(r"cross|✗|✘", every.group("mark"), re.I) else "✓"
        rows = [list(r[:-1]) + [f"{r[-1]} {mark}".strip()] if r else r for r in table.params["rows"]]
        ctx.stop = True
        return [Beat("table", dict(table.params, rows=rows, update=True, **_marked(table, mark, ex, ctx, every.start("mark"))),
                     table.strings + (mark,), "table:row-mark",
                     ex.sentence, i, table.keywords)]
    m = _ROW_MARK.search(ex.sentence)
    if not m or not re.search(r"\brow\b", m.group(0), re.I):
        return None
    if table is None:
        return None
    rows = [list(r) for r in table.params.get("rows") or []]
    k = next((n for n, r in enumerate(rows) if r and str(r[0]).strip().lower() == m.group("row").strip().lower()), None)
    if k is None:
        return None
    mark = "✗" if re.match(r"cross|✗|✘", m.group("mark"), re.I) else "✓"
    rows[k][-1] = f"{rows[k][-1]} {mark}".strip()
    ctx.stop = True
    return [Beat("table", dict(table.params, rows=rows, update=True, highlight_row=k + 1,
                               **_marked(table, mark, ex, ctx, m.start("mark"))), table.strings + (mark,),
                 "table:row-mark", ex.sentence, i, table.keywords)]


def rule_icon(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Highlight the slow processing with a clock icon"; "icons for NLP (text), computer vision (image)";
    "three icons with labels: a book for "Literacy", a lightbulb for "Science", and a globe for "Ideas…"";
    "an icon of a monk writing with a quill"."""
    marked = _row_mark(ex, ctx, i)
    if marked is not None:
        return marked
    found: list[tuple[str, str]] = []
    # "a laptop icon on the left labeled "Client"": where the icon goes may stand between it and its label
    pairs = list(re.finditer(r"\b(?:an?|the)\s+((?:[a-z]+\s){0,2}?[a-z]+)(?:\s+icon)?(?:\s+(?:on|at|in|to|near|beside|above|"
                             r"below|under|next to)\s+(?:the\s+)?(?:far\s+)?[a-z]+(?:\s+(?:side|corner|edge))?)?,?\s+(?:for|"
                             r"labell?ed|representing|meaning|standing for)\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]",
                             ex.sentence, re.I))
    if _cue(ex, r"\bicons?\b") and len(pairs) >= 1:
        for m in pairs:
            name = _icon_name(m.group(1))
            if name:
                found.append((name, m.group(2)))
                ctx.consumed.add(m.group(2))
            else:
                ctx.lost(i, f"no icon looks like {m.group(1)!r}: {m.group(2)!r} has none")
    if not found:
        for m in re.finditer(r"\b([a-z]+)\s+icons?\b", ex.bare.lower()):
            name = ICON_ALIASES.get(m.group(1), m.group(1))
            if name in ICON_NAMES:
                found.append((name, ""))
    if not found:
        # "A listener icon (a simple person) stands below the road": what it looks like, in brackets
        for m in re.finditer(r"\b[a-z]+\s+icons?\s*\(\s*(?:an?\s+|the\s+)?(?:(?:simple|small|little|stick|tiny)\s+)*"
                             r"([a-z]+(?:\s+[a-z]+)?)", ex.sentence.lower()):
            name = _icon_name(m.group(1).split()[0]) or _icon_name(m.group(1))
            if name:
                found.append((name, ""))
    if not found:
        m = re.search(r"\bicons?\s+of\s+(?:an?\s+|the\s+)?([a-z]+(?:\s+[a-z]+)?)", ex.bare.lower())
        if m:
            name = _icon_name(m.group(1).split()[0]) or _icon_name(m.group(1))
            if name:
                found.append((name, ""))
    if not found and _cue(ex, r"\bicons?\s+for\b"):
        for m in re.finditer(r"([\w ]+?)\s*\(([\w ,]+)\)", ex.sentence.split(" for ", 1)[1]):
            label = m.group(1).strip(" ,").removeprefix("and ").strip()
            hint = m.group(2).split(",")[0].strip().lower()
            name = _icon_name(hint)
            if name:
                found.append((name, label))
            else:
                ctx.lost(i, f"no icon looks like {hint!r}: {label!r} has none")
    tints: list[str | None] = []
    if not found:
        # "add a check mark in the A row", "a red cross appears next to her with text "cannot open"": a mark
        for m in _MARK.finditer(ex.sentence):
            if any(a <= m.start(1) < b for _, a, b in ex.prose) or ex.sentence[max(0, m.start(1) - 1):m.start(1)] == "\\":
                continue  # "\\frac{1}{2} … \\checkmark": the mark is part of a formula, typeset with it
            if any(m.group(1).lower() in c.lower() for c in ctx.consumed if len(c) <= 40):
                continue  # "'25 = 25' with a check mark": a derivation's line took the mark (rules_steps)
            if re.match(r"tick", m.group(1), re.I) and re.search(r"\bticks?\s*marks\b|\bticks\b", ex.sentence[m.start(1):m.end(1) + 6],
                                                           re.I) and re.search(r"\bax[ie]s\b", ex.sentence, re.I):
                continue  # ("the horizontal axis … with tick marks and numbers every 5000": an axis's ticks, plural)
            if re.match(r"tick", m.group(1), re.I) and (re.search(
                    r"\b(?:[xy][- ]?axis|axes|axis|ruler|scale|number\s+line|timeline|time\s+line)\b",
                    ex.sentence[m.end():m.end() + 40], re.I) or re.match(r"\s+(?:at|every|for)\b", ex.sentence[m.end():])):
                # ("tick marks at multiples of pi labeled …": the marks of an axis, wherever the axis is named)
                continue  # "a small blue tick on the x-axis": a mark on the axis, not a check icon (reported if undrawn)
            name = "check" if re.search(r"check|tick|✓|✔", m.group(1), re.I) else "cross"
            label = re.match(r"[^.;\"\u201c]{0,40}?\b(?:with|and)\s+(?:the\s+)?(?:text|label|caption)\s+[\"\u201c]"
                             r"([^\"\u201d]{1,40})[\"\u201d]", ex.sentence[m.end():])
            found.append((name, label.group(1) if label else ""))
            inside = re.match(r"(?:\w+\s+)*?(" + COLOUR_RE.pattern + r")\s", m.group(1), re.I)  # ("a big red cross")
            tints.append(colour_just_before(ex.sentence, m.start(1)) or (colour_value(inside.group(1)) if inside else None))
            if label:
                ctx.consumed.add(label.group(1))
    marks = {n for n, _ in found}
    if marks & {"check", "cross"} and re.search(r"\bchecks?\b|✓", ex.bare, re.I) and re.search(r"\bcross(?:es)?\b|✗", ex.bare, re.I) \
            and re.search(r"\b(?:under|below|beneath|next\s+to|beside|above)\s+(?:each|every)\b",
                                               ex.sentence, re.I):
        # "under each checked cell show a red cross, and a green check under 33": a mark by each cell of the row — one
        # lone cross (or check) would say the opposite of the sentence, so none is drawn, and that is said
        ctx.lost(i, "the check and cross marks by the cells are not drawn")
        return []
    alone = r"(?:an?\s+|the\s+|one\s+)?(?:(?:small|simple|little|second|another)\s+)?(" + "|".join(icons_alone()) + \
        r")s?\b(?:\s+([A-Z])(?![\w']))?"
    first = re.match(r"\s*(?:then\s+)?(?:place|put|draw|add|show|position)\s+" + alone, ex.bare, re.I)
    if not found and first:
        # "Place listener A on the right at (5, 0) and listener B on the left": the people, each with its letter
        found.append((ICON_ALIASES[first.group(1).lower()], first.group(2) or ""))
        for m in re.finditer(r"\band\s+" + alone, ex.bare[first.end():], re.I):
            found.append((ICON_ALIASES[m.group(1).lower()], m.group(2) or ""))
    if not found:
        return []
    found = found[:6]
    labels = [label for _, label in found if label]
    colour = tints[0] if tints and len(set(tints)) == 1 and tints[0] else None
    return [_beat("icon", "icon:named-icon", ex, i, labels, tuple(n for n, _ in found) + sum((_kw(x) for x in labels), ()),
                  icons=[n for n, _ in found], labels=[lab for _, lab in found] if labels else None,
                  **({"color": colour} if colour else {}))]
