"""Operations on a row of boxes on screen — an array drawn as a `sequence`, or a `grid` of cells — by the cells'
numbers or place:

    Under each square write its index 0 to 9 in small grey text.
    Grey out squares 0 to 4.                       Then dim the left half (indices 0 to 4) to grey.
    Highlight the middle square (index 4, value 16) in yellow.          Color square 5 green.
    Place a blue arrow labeled "low" under index 0 and a red arrow labeled "high" under index 9.
    Move the "low" arrow to index 5 …              … mid arrow above index 7 …   Start from …: low at 5, high at 9.
    Show a brace under the remaining 5 squares with the label "only 5 left".

Each becomes an operation on the row on screen, never a new row: a `highlight` with `items` (mode `dim` for cells
greyed out, `fill` for cells coloured, a surround or a box for cells highlighted), an `annotation` arrow with its label
pointing at a cell from below or above (a pointer: moved, it `replaces` the one with its label), an `annotation` brace
over a range, or the indexes written under the cells (the sequence's `indices`).

How numbers are read (`parts.cells_named`): after an index noun ("index 4", "indices 0 to 4") they count from 0; after
a position noun ("position 3") from 1; after a cell noun ("square 5", "cells 3 through 6") as the row on screen is
numbered — from 0 when its indexes are written from 0, when the scene speaks of indexes, or when a cell numbered 0 is
named; else from 1 (a numbered grid: by the numbers on its cells). A cell past the row, or an index and a value that
name different cells, is SB307. The words are data (`lexicon.json` `cell_words`, `part_nouns`).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import WORD_NUMBERS, Extracted, mask_shown
from .knowledge import cell_words, part_nouns
from .parts import Cells, Missing, cells_named, labels_of
from .theme import COLOUR_RE, colour_named, colour_value

_Q = r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]"
_KINDS = ("sequence", "grid")


def _words(key: str) -> str:
    """A pattern of the `cell_words` of `key`, whole words, longest first."""
    ws = sorted(cell_words()[key], key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + r")(?![\w-])"


def _cell_nouns() -> str:
    nouns = [n for n, (counts, kinds) in part_nouns().items() if counts == "item" and set(kinds) & set(_KINDS)]
    return r"(?:" + "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True)) + r")(?:e?s)?"


def _first_noun() -> str:
    """A cell noun, to read a bare number of the row ("low at 5") the way "square 5" is read."""
    return next(n for n, (counts, kinds) in part_nouns().items() if counts == "item" and "sequence" in kinds)


def _row_on_screen(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind in _KINDS), None)


def _base(row: Beat, ctx: Context, masked: str) -> int:
    """The number of the first cell when a cell noun gives a number ("square 5")."""
    if row.kind == "grid":
        if row.params.get("labels"):
            return 1
        return int(row.params.get("start", 1))
    if row.params.get("indices") is not None:
        return int(row.params["indices"])
    if re.search(_words("from_zero"), ctx.about, re.I) or re.search(r"\b" + _cell_nouns() + r"\s+0\b", masked, re.I):
        return 0
    return 1


def _clauses(sentence: str, masked: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence: split at commas, semicolons, colons and "and" outside brackets (the
    masked sentence has its quotations blanked, so a comma inside one does not split)."""
    spans, depth, start = [], 0, 0
    for k, ch in enumerate(masked):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0 and k >= start:
            cut = 1 if ch in ",;:" else 5 if masked.startswith(" and ", k) else 6 if masked.startswith(" then ", k) else 0
            if cut and re.search(r"\d\s*$", masked[:k]) and re.match(r"(?:,|\s+and)\s+\d", masked[k:]) and \
                    re.search(r"(?:s|ices|exes)\s+\d+(?:\s*,\s*\d+)*\s*$", masked[start:k], re.I):
                cut = 0  # ("cells 0 and 1", "indices 2, 3 and 4": one clause naming several cells)
            if cut:
                spans.append((start, k))
                start = k + cut
    spans.append((start, len(masked)))
    return [(a, b) for a, b in spans if masked[a:b].strip(" .")]


def _pointers(ctx: Context) -> dict[str, Beat]:
    """label -> the newest pointer (an annotation arrow at cells) on screen."""
    out: dict[str, Beat] = {}
    for b in since_clear(ctx):
        if b.kind == "annotation" and b.params.get("style") == "arrow" and b.params.get("items") and b.params.get("label"):
            out.setdefault(b.params["label"], b)
    return out


def _known_pointer(ctx: Context, label: str) -> Beat | None:
    """The pointer called `label` on screen, or else the last one an earlier scene drew (its colour and side)."""
    on = _pointers(ctx).get(label)
    if on is not None:
        return on
    for sp in reversed(ctx.history):
        for b in reversed(sp.beats):
            if b.kind == "annotation" and b.params.get("items") and b.params.get("label") == label:
                return b
    return None


def _pointer_names(ctx: Context) -> set[str]:
    names = set(_pointers(ctx))
    for sp in ctx.history:
        names |= {b.params["label"] for b in sp.beats if b.kind == "annotation" and b.params.get("items")
                  and b.params.get("label")}
    return names


def _target(row: Beat, ctx: Context) -> str:
    """A text the row shows that no newer thing on screen shows: how the runtime finds the row (its cells are then
    picked by number)."""
    labels = labels_of(row)
    others = {s.strip().lower() for b in since_clear(ctx) if b is not row for s in b.strings}
    for lab in sorted(labels, key=lambda s: (-len(s), labels.index(s))):
        if lab.strip().lower() not in others:
            return lab
    return labels[0] if labels else ""


def _dimmed(row: Beat, ctx: Context) -> set[int]:
    """The cells of `row` greyed out on screen so far (from 1)."""
    out: set[int] = set()
    for b in since_clear(ctx):
        if b.kind == "highlight" and b.params.get("mode") == "dim" and b.rule.startswith("highlight:cells"):
            a, z = b.params.get("items") or [b.params.get("item"), b.params.get("item")]
            if a:
                out |= set(range(a, z + 1))
    return out


def _one(refs: list[Cells | Missing], ctx: Context, i: int) -> Cells | None:
    """The cells a clause names: an explicit number wins over a place ("the left half (indices 0 to 4)"); two that
    disagree ("index 4, value 23") are reported and the number is used."""
    lost = [r for r in refs if isinstance(r, Missing)]
    for r in lost:
        ctx.lost(i, r.what + ", so nothing is marked there")
    cells = [r for r in refs if isinstance(r, Cells)]
    if not cells or lost:
        return None
    numbered = [c for c in cells if c.how == "number"]
    spots = sorted({k for c in numbered for k in range(c.first, c.last + 1)})
    if len(numbered) >= 2 and len(spots) == spots[-1] - spots[0] + 1 and all(c.how == "number" for c in cells):
        # "cells 0 and 1", "indices 2, 3 and 4": cells side by side, one run
        return Cells(spots[0], spots[-1], numbered[0].span, "number")
    if len(numbered) >= 2 and all(c.how == "number" for c in cells):
        ctx.lost(i, f"the cells named ({', '.join(str(k - 1) for k in spots)} from 0) are not side by side: only cell "
                    f"{numbered[0].first} (from 1) is marked")
        return numbered[0]
    pick = numbered[0] if numbered else cells[0]
    for c in cells:
        if (c.first, c.last) != (pick.first, pick.last) and c.how in ("value", "number") and c is not pick:
            ctx.lost(i, f"the cells named do not agree (cell {pick.first} and cell {c.first} from 1): cell "
                     f"{pick.first} is used")
    return pick


def _side(clause: str, default: str | None) -> str | None:
    if re.search(_words("below"), clause, re.I):
        return "down"
    if re.search(_words("above"), clause, re.I):
        return "up"
    return default


def _colour(clause: str) -> str | None:
    c = colour_named(clause)
    return c if c and colour_value(c) else None


def _styled(ctx: Context, label: str) -> str | None:
    """The colour the style gives a pointer by its name: "low pointer green", "high arrow red (#FC6255)"."""
    pattern = re.compile(re.escape(label.lower()) + r"(?:\s+" + _words("pointer") + r")?$", re.I)
    return next((col for phrase, col in ctx.theme.labels.items() if pattern.fullmatch(phrase.strip())), None)


def _label_of_pointer(clause: str, masked: str, names: set[str]) -> str | None:
    """The name of the pointer a clause is about: quoted after "labeled"/"called", quoted next to the pointer noun,
    quoted before "at index …", or a pointer known by name ("the high arrow", "low at 5")."""
    pointer = _words("pointer")
    m = (re.search(r"\b(?:labell?ed|called|named|marked|reading|with\s+(?:the\s+)?label)\s+" + _Q, clause, re.I)
         or re.search(_Q + r"\s+" + pointer, clause, re.I)
         or re.search(pointer + r"\s+" + _Q, clause, re.I)
         or re.search(_Q + r"\s+(?:at|on|to|under|below|beneath|above|over|pointing\s+(?:to|at))\s+(?:the\s+)?"
                      r"(?:index|cell|position|element|box)\b", clause, re.I)
         or re.search(_Q + r"\s+(?:at|on|to|pointing\s+(?:to|at))\s+", clause, re.I))
    if m:
        return m.group(1).strip()
    # "Pointers: lo at index 0, hi at index 9": a short name written bare before its place, after a pointer noun
    bare = re.search(r"(?:^\s*|[:,;]\s*|\band\s+|\bpointers?\s+)([A-Za-z][A-Za-z0-9_]{0,5})\s+(?:at|on)\s+(?:index|position)\s+\d",
                     masked, re.I)
    if bare and bare.group(1).lower() not in ("value", "values", "cell", "box", "item", "it", "one", "the", "each", "and",
                                              "element", "number", "key", "pointer", "arrow"):
        return bare.group(1)
    for name in sorted(names, key=len, reverse=True):
        if re.search(r"(?<![\w\x01])" + re.escape(name) + r"\s+" + pointer, masked, re.I) or re.match(
                r"^\s*(?:and\s+|then\s+)?(?:(?:move|shift|slide|set)\s+)?(?:the\s+)?" + re.escape(name) +
                r"\s+(?:at|to|on|moves?\s+to|goes\s+to)\s", masked, re.I):
            return name
    return None


_NEW_ROW = re.compile(r"\[\s*[^\[\]]{1,200}?,[^\[\]]{1,200}\]|:\s*(?:-?\d+(?:\.\d+)?\s*,\s*){2,}-?\d")


def rule_array(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Operations on the row on screen — unless the sentence draws a new row ("the array [1, 4, 9] with a pointer
    "i" at index 0"): `rule_array_on_new_row` acts on that one once it is drawn."""
    if _NEW_ROW.search(mask_shown(ex.sentence)) and not _indexes_listed(ex, ctx):
        return []
    return _operate(ex, ctx, i)


def _indexes_listed(ex: Extracted, ctx: Context) -> bool:
    """"Under each cell write its index: 0, 1, 2, …, 7": the numbers listed are the indexes of the row on screen,
    counted from 0 or 1 — no new row."""
    row = _row_on_screen(ctx)
    listed = re.search(r":\s*((?:\d+\s*,\s*){2,}\d+)", mask_shown(ex.sentence))
    if row is None or not listed or not re.search(_words("index_labels"), mask_shown(ex.sentence).lower()):
        return False
    numbers = [int(x) for x in re.findall(r"\d+", listed.group(1))]
    n = len(labels_of(row))
    return numbers in (list(range(n)), list(range(1, n + 1)))


def rule_array_on_new_row(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    row = _row_on_screen(ctx)
    if row is None or row.detail_index != i or row.source != ex.sentence or not _NEW_ROW.search(mask_shown(ex.sentence)):
        return []
    return _operate(ex, ctx, i)


def _operate(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    row = _row_on_screen(ctx)
    if row is None:
        return []
    sentence = ex.sentence
    masked = mask_shown(sentence)
    labels = labels_of(row)
    if not labels:
        return []
    base = _base(row, ctx, masked)
    names = _pointer_names(ctx)
    out: list[Beat] = []
    handled_all, handled_any = True, False
    used: list[str] = []
    listed = _indexes_listed(ex, ctx)
    for a, z in _clauses(sentence, masked):
        if listed and a > masked.rfind(":"):
            break  # (the indexes listed after the colon: written by the clause before it)
        clause, mclause = sentence[a:z], masked[a:z]
        beats, took = _clause(clause, mclause, row, labels, base, names, ctx, ex, i, out)
        if beats is None:
            handled_all = handled_all and not _asks_something(mclause)
            continue
        handled_any = True
        out.extend(beats)
        used.extend(took)
        row = _row_on_screen(ctx) or row  # (the indexes written under it make it a new beat)
        if len(ex.bare) == len(sentence):
            # its words are read: the later rules do not take its numbers for a formula's or a grid's
            ex.bare = ex.bare[:a] + " " * (z - a) + ex.bare[z:]
    if not handled_any:
        return []
    ctx.consumed.update(used)
    if handled_all and all(q in ctx.consumed for q in ex.quoted + ex.backticked):
        ctx.stop = True  # every clause was an operation on the row: no grid, flow or text of its words
    return out


def _asks_something(mclause: str) -> bool:
    """Whether a clause left unread asks for something to be drawn (not "to show that half is discarded")."""
    words = re.findall(r"[a-z]+", mclause.lower())
    return bool(words) and not re.match(r"^\s*(?:to|so|which|that|in|as|for)\b", mclause.lower()) and (
        "\x01" in mclause or len(words) > 2)


def _clause(clause: str, mclause: str, row: Beat, labels: list[str], base: int, names: set[str], ctx: Context,
            ex: Extracted, i: int, so_far: list[Beat]) -> tuple[list[Beat] | None, list[str]]:
    """The beats of one clause, and the quoted strings it drew; (None, []) when it is no operation on the row."""
    low = mclause.lower()
    refs = cells_named(mclause, labels, base)
    if not refs:
        # 'Grey out the "money" tile': a cell named by the word it shows, quoted, then a cell noun
        for m in re.finditer(_Q + r"\s+" + _cell_nouns(), clause):
            shown = [str(x).strip() for x in labels]
            if m.group(1).strip() in shown and shown.count(m.group(1).strip()) == 1:
                k = shown.index(m.group(1).strip()) + 1
                refs.append(Cells(k, k, m.span(), "value"))
                ctx.consumed.add(m.group(1))  # (the word is the cell's, not a text of its own)
    # "Under each square write its index 0 to 9", "with indices": the indexes written under the cells
    if row.kind == "sequence" and re.search(_words("index_labels"), low) and not re.search(_words("pointer"), low) and (
            re.search(r"\b(?:each|every|all)\s+(?:the\s+)?" + _cell_nouns() + r"\b", low)
            or re.search(r"\bwith\s+(?:its\s+|their\s+)?(?:" + _words("index_labels") + r")", low)
            or re.search(r"\b(?:under|below|beneath)\s+(?:the\s+|each\s+|every\s+)?" + _cell_nouns() + r"\b", low)):
        # ("Under the cells write the indices 0 to 5 in small grey text": their grey is the text's, no cell dimmed)
        first = re.search(r"\b(0|1)\s*(?:" + _words("range") + r")\s*\d{1,3}\b", low) or re.search(
            r":\s*(0|1)\s*,\s*\d", mask_shown(ex.sentence))  # "… its index: 1, 2, 3, 4"
        start = int(first.group(1)) if first else (0 if base == 0 else int(row.params.get("indices") or 0))
        if row.params.get("indices") != start:
            params = dict(row.params, indices=start)
            ctx.replace(row, Beat(row.kind, params, row.strings, row.rule.split("+indices")[0] + "+indices", row.source,
                                  row.detail_index, row.keywords), i)
        else:
            ctx.modified.add(i)
        return [], []
    pointer_noun = re.search(_words("pointer"), low) is not None
    # "pointers "low" at index 0 and "high" at index 9": the second clause names its pointer by its label alone
    told = pointer_noun or re.search(_words("pointer"), mask_shown(ex.sentence), re.I) is not None
    label = _label_of_pointer(clause, mclause, names) if (told or names) else None
    brace = re.search(_words("brace"), low) is not None
    if brace:
        return _brace(clause, mclause, row, labels, base, refs, ctx, ex, i)
    if label and (told or label in names) and not refs:
        bare = re.search(r"\b(?:at|to|on)\s+(\d{1,3})\b", low)  # "low at 5": a number of the row, as it is numbered
        refs = cells_named(f"{_first_noun()} {bare.group(1)}", labels, base) if bare else []
    if label and (told or label in names) and refs:
        cells = _one(refs, ctx, i)
        if cells is None:
            return [], []
        known = _known_pointer(ctx, label)
        on_screen = _pointers(ctx).get(label) or next(
            (b for b in reversed(so_far) if b.kind == "annotation" and b.params.get("label") == label), None)
        params = {"style": "arrow", "target": _target(row, ctx), "label": label, "items": [cells.first, cells.last],
                  "side": _side(mclause, (known.params.get("side") if known is not None else None) or "down"),
                  "color": _colour(mclause) or (known.params.get("color") if known is not None else None)
                  or _styled(ctx, label)}
        if on_screen is not None:
            params["replaces"] = label  # the pointer on screen moves there
        rule = "annotation:pointer-moved" if on_screen is not None else "annotation:pointer"
        beats = [_beat("annotation", rule, ex, i, [label], _kw(label) + ("arrow",), **params)]
        # "move the high arrow to index 6 with the text "high = mid - 1 = 6"": the text that goes with the move
        notes = [m.group(1).strip() for m in re.finditer(_Q, clause) if m.group(1).strip() != label]
        beats += [_beat("text", "text:with-pointer", ex, i, [q], _kw(q), text=q) for q in notes]
        return beats, [label] + notes
    if pointer_noun and re.search(_words("move"), low) and re.search(r"\b(?:array|row|list)\b|" + _cell_nouns(), low):
        # "move the pointers on the array accordingly": which goes where is not written — said, not guessed
        ctx.lost(i, "which pointer goes to which cell is not written: no pointer is moved")
        return [], []
    remaining = re.search(_words("remaining"), low)
    dim = re.search(_words("dim"), low) is not None
    fill = re.search(r"^\s*(?:\w+\s+)?" + _words("fill"), low) is not None and _colour(mclause) is not None
    if refs and not fill and _colour(mclause) is not None:
        # "Cells 0 and 1 turn green (sorted).", "Cells 0 to 2 green.": the cells named take that colour
        rest = re.sub(r"\([^()]*\)", " ", COLOUR_RE.sub(" ", low))
        fill = re.search(r"\b(?:turns?|becomes?|go(?:es)?|glows?|lights?\s+up|changes?\s+to|are\s+now)\b", rest) is not None or \
            not re.sub(r"\b(?:the|cells?|boxes|squares|elements?|items?|and|to|through|now|all|in|\d+)\b|[\s,.;:-]", "", rest)
    mark = re.search(r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+|also\s+)?" + _words("mark"), low) is not None
    if not (dim or fill or mark):
        return None, []
    held = re.search(r"\b(?:all|every|each|the)\s+(?:(?:\w+|\d+)\s+)?(?P<v>[^\s\"\u201c\u201d]{1,6})\s+(?:boxes|cells|squares|tiles|pills)\b|"
                     r"\b(?:every|each)\s+(?P<w>[^\s\"\u201c\u201d]{1,6})\b(?!\s+(?:box|cell|square|tile|pill|of)\b)", clause)
    value = (held.group("v") or held.group("w")) if held and not refs else None
    if value in labels:
        # "Highlight all five A boxes at once": every cell holding that value, each at once
        target = _target(row, ctx)
        how = {"mode": "dim"} if dim else {"mode": "fill"} if fill and not mark else {}
        return [_beat("highlight", "highlight:cells-holding", ex, i, (), _kw(clause), target=target,
                      color=_colour(mclause), item=k + 1, **how)
                for k, lab in enumerate(labels) if lab == value][:16], []
    cells = _one(refs, ctx, i) if refs else _remaining(row, ctx, i, mclause) if remaining else None
    if cells is None:
        return ([], []) if refs else (None, [])
    items = [cells.first, cells.last]
    where = {"item": cells.first} if cells.first == cells.last else {"items": items}
    target = _target(row, ctx)
    if dim:
        col = _colour(mclause)
        return [_beat("highlight", "highlight:cells-dim", ex, i, (), _kw(clause), target=target, mode="dim",
                      color=col if col and col not in ("grey", "gray") else None, **where)], []
    if fill and not mark:
        return [_beat("highlight", "highlight:cells-fill", ex, i, (), _kw(clause), target=target, mode="fill",
                      color=_colour(mclause), **where)], []
    boxed = re.match(r"^\s*(?:then\s+)?(?:box|boxed)\b", low) is not None
    return [_beat("highlight", "highlight:cells", ex, i, (), _kw(clause), target=target, color=_colour(mclause),
                  mode="box" if boxed else None, **where)], []


def _remaining(row: Beat, ctx: Context, i: int, mclause: str) -> Cells | None:
    """"the remaining 5 squares": the cells not greyed out, when they are one run; the count, if written, must agree."""
    n = len(labels_of(row))
    left = [k for k in range(1, n + 1) if k not in _dimmed(row, ctx)]
    count = re.search(r"\b(\d{1,3})\s+" + _cell_nouns(), mclause, re.I)
    if not left or left != list(range(left[0], left[-1] + 1)):
        ctx.lost(i, "the remaining cells are not one run of cells on screen, so nothing marks them")
        return None
    if count and int(count.group(1)) != len(left):
        ctx.lost(i, f"{count.group(1)} remaining cells are named but {len(left)} are not greyed out: those "
                 f"{len(left)} are marked")
    return Cells(left[0], left[-1], (0, 0), "remaining")


def _brace(clause: str, mclause: str, row: Beat, labels: list[str], base: int, refs, ctx: Context, ex: Extracted,
           i: int) -> tuple[list[Beat] | None, list[str]]:
    """"a brace under the remaining 5 squares with the label "only 5 left"", "a brace over cells 3 through 6
    labelled "window"": a brace along those cells."""
    low = mclause.lower()
    if refs:
        cells = _one(refs, ctx, i)
    elif re.search(_words("remaining"), low):
        cells = _remaining(row, ctx, i, mclause)
    else:
        return None, []
    if cells is None:
        return [], []
    lab = re.search(r"\b(?:labell?ed|called|reading|saying|with\s+(?:the\s+)?(?:label|text|caption))\s+" + _Q, clause, re.I)
    label = lab.group(1).strip() if lab else None
    params = {"style": "brace", "target": _target(row, ctx), "items": [cells.first, cells.last],
              "side": _side(mclause, "down"), "label": label, "color": _colour(mclause)}
    return [_beat("annotation", "annotation:brace-cells", ex, i, [label] if label else [], _kw(clause),
                  **params)], [label] if label else []




_COUNT = r"(\d{1,2}|" + "|".join(WORD_NUMBERS) + r")"


def rule_cells_array(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """An array of empty cells with their indices ("a horizontal row of 8 equal squares representing the bucket array,
    with the indices 0 to 7 written under the squares"), and what is put in its cells by number ("Show the array with
    "cat" in bucket 0, "bird" in bucket 1"): a row of cells, each index under its cell, never tiles numbered inside."""
    masked = mask_shown(ex.sentence)
    nouns = _cell_nouns()
    placed = [(m.group(1), int(m.group(2))) for m in re.finditer(
        r"[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]\s+(?:is\s+)?(?:in|at|into)\s+(?:the\s+)?" + nouns + r"\s+(\d{1,2})\b",
        ex.sentence, re.I)]
    # "Write 50 in bucket 1", "bucket 0 holds 14, bucket 1 holds 50", "Insert 23: …, key slides into bucket 2": a key
    # written bare, put in a cell by its number
    key = r"(-?\d+(?:\.\d+)?|[A-Za-z]\w{0,11})"
    placed += [(m.group(1), int(m.group(2))) for m in re.finditer(
        r"\b(?:write|put|place|store|insert)\s+(?:the\s+key\s+|the\s+value\s+)?" + key + r"\s+(?:in|into|at)\s+(?:the\s+)?"
        + nouns + r"\s+(\d{1,2})\b", masked, re.I)]
    placed += [(m.group(2), int(m.group(1))) for m in re.finditer(
        r"\b" + nouns + r"\s+(\d{1,2})\s+(?:holds|contains|stores|has)\s+" + key + r"\b(?!\s*(?:keys?|items?|values?)\b)",
        masked, re.I)]
    inserted = re.match(r"\s*insert\s+" + key + r"\s*:", masked, re.I)
    slid = re.search(r"\b(?:slides?|goes|moves?|drops?|lands?|falls?)\s+(?:in)?to\s+(?:the\s+)?" + nouns + r"\s+(\d{1,2})\b",
                     masked, re.I)
    if inserted and slid:
        placed.append((inserted.group(1), int(slid.group(1))))
    placed = list(dict.fromkeys(placed))
    row = _row_on_screen(ctx)
    empty = re.search(r"\b(?:array|row|line|column|stack)\s+of\s+" + _COUNT + r"\s+(?:(?:equal|empty|small|blank|square|"
                      r"identical)\s+)*" + nouns + r"\b|\b" + _COUNT + r"[- ](?:" + nouns + r")\s+array\b", masked, re.I)
    if empty and not placed:
        count = empty.group(1) or empty.group(2)
        n = int(count) if count.isdigit() else WORD_NUMBERS[count.lower()]
        idx = re.search(r"\bind(?:ices|exes)\s+(?:from\s+)?[\"\u201c]?(\d)[\"\u201d]?\s*(?:to|through|-|–)\s*[\"\u201c]?(\d{1,2})\b",
                        ex.sentence, re.I)
        if not (2 <= n <= 16) or not idx or int(idx.group(2)) - int(idx.group(1)) + 1 != n or int(idx.group(1)) > 1:
            return []  # (cells with their values, or numbered otherwise, are the other rules')
        tokens = [""] * n
        held = re.search(r"\b(?:the\s+)?first\s+" + _COUNT + r"\s+(?:" + nouns + r"\s+)?(?:holding|hold|containing|contain|"
                         r"with|storing|store)\s+(?:the\s+(?:values?|numbers?)\s+)?((?:[-−]?\d+(?:\.\d+)?\s*,\s*(?:and\s+)?)+"
                         r"[-−]?\d+(?:\.\d+)?)", masked, re.I)
        given = re.match(r"\s*(?::|,)?\s*(?:(?:holding|containing|with|storing)\s+(?:the\s+)?(?:values?|numbers?)?\s*:?\s*)?"
                         r"((?:[-−]?\d+(?:\.\d+)?\s*,\s*(?:and\s+)?){1,15}[-−]?\d+(?:\.\d+)?)(?![\d.]*\d)", masked[empty.end():], re.I)
        if given and not held and len(re.findall(r"[-−]?\d+(?:\.\d+)?", given.group(1))) == n:
            # "Array of 5 boxes: 4, 10, 3, 5, 1 with indices 0-4 below": the boxes hold those values, in order
            tokens = re.findall(r"[-−]?\d+(?:\.\d+)?", given.group(1))
        if held:
            # "an array of six cells, the first five holding 12, 7, 31, 5, 18, the sixth empty": those values, in order
            values = re.findall(r"[-−]?\d+(?:\.\d+)?", held.group(2))
            k = int(held.group(1)) if held.group(1).isdigit() else WORD_NUMBERS.get(held.group(1).lower(), -1)
            if k != len(values) or k > n:
                return []  # (a count that does not match its values: not read)
            tokens[:k] = values
        ctx.stop = True
        header = re.search(r"\b(?:header|heading|title|label(?:led)?|caption)\s+[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]\s*"
                           r"(?:above|over|on\s+top\s+of|below|under)\b", ex.sentence, re.I)
        if header:
            ctx.consumed.add(header.group(1))  # ('header "buckets" above the column': the row's caption)
        if re.search(r"\bvertical\b|\bcolumn\s+of\b|\bstack\s+of\b", masked, re.I):
            ctx.lost(i, "the cells are drawn as a row, not stacked in a column")
        return [_beat("sequence", "sequence:empty-array", ex, i, [str(k) for k in range(n)] + [t for t in tokens if t]
                      + ([header.group(1)] if header else []), _kw(masked) + ("array",), tokens=tokens,
                      indices=int(idx.group(1)), **({"label": header.group(1)} if header else {}))]
    if len(placed) < 1 or not (re.search(r"\b(?:array|table|buckets|slots|cells)\b", masked, re.I) or (
            row is not None and row.kind == "sequence" and row.params.get("indices") is not None)):
        return []
    # the array the cells belong to: on screen, else the latest earlier one with indices (a hash table's buckets)
    base = row if row is not None and row.kind == "sequence" and row.params.get("indices") is not None else None
    if base is None:
        base = next((b for sp in ctx.earlier("sequence") for b in sp.beats if b.kind == "sequence"
                     and b.params.get("indices") is not None), None)
    start = int(base.params["indices"]) if base is not None else 0
    n = len(base.params["tokens"]) if base is not None else max(k for _, k in placed) + 1 - start
    tokens = list(base.params["tokens"]) if base is not None else [""] * n
    for label, k in placed:
        if not 0 <= k - start < n:
            ctx.lost(i, f"{label!r} is put in cell {k}, which the array of {n} does not have: not drawn")
            continue
        tokens[k - start] = label
    ctx.consumed.update(label for label, _ in placed)
    ctx.stop = all(q in ctx.consumed for q in ex.quoted)  # ('Insert 23: show "h(23) = …"': the formula is drawn too)
    params = dict(tokens=tokens, indices=start)
    if base is row and row is not None:
        params["update"] = True
    return [_beat("sequence", "sequence:cells-filled", ex, i, [t for t in tokens if t], _kw(masked) + ("array",), **params)]
