"""One part of a component on screen, named by its position: "the third card", "the last row", "row 2",
"the 2nd token", "the final line" — or by its value: "the most likely word", "the tallest bar"; and cells of a row of
boxes named by number or place: "index 4", "squares 0 to 4", "cells 3 through 6", "position 3", "the left half",
"the middle square", "the square containing 16" (`cells_named`).

The words are data (`lexicon.json`: `ordinals`, `part_nouns`, `extremes`, `cell_words`); this module only counts. `nth_part` returns
the part's label (what the highlight's `target` names, to find the component) and its position as the
highlight's `row`, `column` or `item` field (from 1), so a part whose label repeats ("the fifth token"
of "The cat sat on the mat") is still the one asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .beats import Beat
from .knowledge import cell_words, extremes, ordinals, part_nouns


@dataclass(frozen=True)
class Part:
    label: str          # the part's text on screen: a card's figure, a row's first cell, a token
    field: str          # "row", "column" or "item"
    position: int       # from 1
    owner: Beat         # the component on screen it belongs to
    by: str = ""        # "max" / "min" when named by its value ("the most likely"), not by its position


@dataclass(frozen=True)
class Missing:
    """The sentence names a part the component does not have ("the fifth card" of three)."""
    what: str


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, re.Pattern]:
    ords = "|".join(sorted((re.escape(w) for w in ordinals()), key=len, reverse=True))
    nouns = "|".join(sorted((re.escape(w) for w in part_nouns()), key=len, reverse=True))
    by_word = re.compile(rf"\b(?:the\s+)?(?:(?P<ord>{ords})|(?P<num>\d{{1,2}})(?:st|nd|rd|th))\s+(?P<noun>{nouns})s?\b")
    by_number = re.compile(rf"\b(?P<noun>row|column|line|step|item)\s+(?P<num>\d{{1,2}})\b")
    return by_word, by_number


def _labels(beat: Beat, field: str) -> list[str]:
    """The labels of the rows, columns or items of a planned component, in order."""
    p = beat.params
    if beat.kind == "table":
        return [str(c) for c in p.get("columns") or []] if field == "column" else \
            [str(r[0]) if r else "" for r in p.get("rows") or []]
    if beat.kind == "matrix":
        rows = p.get("values") or []
        return [str(rows[0][k]) for k in range(len(rows[0]))] if field == "column" and rows else \
            [str(r[0]) if r else "" for r in rows]
    if beat.kind == "grid":
        return [str(x) for x in p["labels"]] if p.get("labels") else \
            [str(p.get("start", 1) + k) for k in range(min(p.get("count") or 1, 100))]
    if beat.kind == "code":
        return [line.strip() for line in str(p.get("code", "")).split("\n")]  # "line 4" counts blank lines too
    key = {"cards": "figures", "sequence": "tokens", "bullets": "items", "bar_chart": "labels", "steps": "lines"}.get(beat.kind)
    return [str(x) for x in p.get(key) or []] if key else []


def nth_part(sentence: str, on_screen: list[Beat]) -> Part | Missing | None:
    """The part `sentence` names by position, in the newest component on screen that has such parts."""
    by_word, by_number = _pattern()
    low = sentence.lower()
    m = by_word.search(low) or by_number.search(low)
    if not m:
        return _row_by_value(low, on_screen)
    noun = m.group("noun")
    field, kinds = part_nouns().get(noun, ("item", ()))
    if m.re is by_number and noun in ("line", "step", "item"):
        field, kinds = "item", ("steps", "bullets", "sequence", "cards", "grid", "bar_chart", "code")
    owner = next((b for b in on_screen if b.kind in kinds), None)
    if owner is None:
        return None
    if field == "row" and owner.kind not in ("table", "matrix"):
        field = "item"  # a row of a list or a derivation is one of its lines
    labels = _labels(owner, "column" if field == "column" else "row" if field == "row" else "item")
    if not labels:
        return None
    word = m.groupdict().get("ord")  # "row 2" has a number, no ordinal word
    position = ordinals()[word] if word else int(m.group("num"))
    k = position if position > 0 else len(labels) + 1 + position
    if not 1 <= k <= len(labels):
        phrase = re.sub(r"^the\s+", "", m.group(0).strip())
        return Missing(f"there is no {phrase}: {len(labels)} {noun}{'s are' if len(labels) != 1 else ' is'} on "
                       f"screen, so nothing is highlighted")
    return Part(labels[k - 1], field, k, owner)


def _row_by_value(low: str, on_screen: list[Beat]) -> Part | None:
    """"Highlight the row for t = 10", "the row where n = 3", "the row of 62.5": the table row whose cell in that
    column (its first, when the column is not named) holds the value."""
    m = re.search(r"\brow\s+(?:for|where|with|of|at)\s+(?:(?P<col>[^\s=]{1,12})\s*=\s*)?(?P<value>[-−]?[\w.]{1,12})\b", low)
    owner = next((b for b in on_screen if b.kind == "table"), None) if m else None
    if owner is None:
        return None
    columns = [str(c).lower() for c in owner.params.get("columns") or []]
    col = next((k for k, c in enumerate(columns) if m.group("col") and re.match(re.escape(m.group("col")) + r"\b", c)), None)
    for k, row in enumerate(owner.params.get("rows") or [], start=1):
        cells = [str(c).strip().lower() for c in row]
        if (cells[col] if col is not None and col < len(cells) else cells[0] if cells else None) == m.group("value"):
            return Part(str(row[0]), "row", k, owner)
    return None


def rows_by_values(sentence: str, on_screen: list[Beat]) -> list[Part]:
    """The rows "rows 22 and 23" names by the values in their first cells (two or three), when every one is there."""
    m = re.search(r"\brows\s+([-\w.%]+)\s*(?:,\s*([-\w.%]+)\s*)?,?\s*(?:and|&)\s+([-\w.%]+)", sentence, re.I)
    table = next((b for b in on_screen if b.kind == "table"), None) if m else None
    if table is None:
        return []
    firsts = [str(r[0]).strip().lower() if r else "" for r in table.params.get("rows") or []]
    wanted = [v.lower().rstrip(".") for v in m.groups() if v]
    if not all(v in firsts for v in wanted):
        return []
    return [Part(str((table.params["rows"][firsts.index(v)] or [""])[0]), "row", firsts.index(v) + 1, table) for v in wanted]


def following_parts(sentence: str, first: Part) -> list[tuple[Part | Missing, str]]:
    """The parts a sentence names after `first` by their position alone ("Highlight the first column in green and
    the second in red", "… and the last one"): (part, the words after it, up to the next one), same field and
    component."""
    ords = "|".join(sorted((re.escape(w) for w in ordinals()), key=len, reverse=True))
    nouns = "|".join(sorted((re.escape(w) for w in part_nouns()), key=len, reverse=True))
    low = sentence.lower()
    by_word, by_number = _pattern()
    m = by_word.search(low) or by_number.search(low)
    if not m:
        return []
    labels = _labels(first.owner, "column" if first.field == "column" else "row" if first.field == "row" else "item")
    found = list(re.finditer(rf"\b(?:and|,)\s+(?:then\s+)?(?:the\s+)?(?P<ord>{ords})(?:\s+(?:one|(?:{nouns})s?))?\b",
                             low[m.end():]))
    out: list[tuple[Part | Missing, str]] = []
    for j, f in enumerate(found):
        position = ordinals()[f.group("ord")]
        k = position if position > 0 else len(labels) + 1 + position
        words = low[m.end():][f.end():found[j + 1].start() if j + 1 < len(found) else None]
        if not 1 <= k <= len(labels):
            out.append((Missing(f"there is no {f.group('ord')} {first.field}: {len(labels)} are on screen, so it is not "
                                f"highlighted"), words))
        else:
            out.append((Part(labels[k - 1], first.field, k, first.owner), words))
    return out


# the values of a component's items, for the ones that have them (same order as `_labels(beat, "item")`)
_VALUES = {"bar_chart": ("new_values", "values")}


@lru_cache(maxsize=1)
def _extreme_pattern() -> re.Pattern:
    words = extremes()
    alts = [f"(?P<{side}>" + "|".join(re.escape(w) for w in words[side]) + ")" for side in ("max", "min")]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def extreme_part(sentence: str, on_screen: list[Beat]) -> Part | None:
    """The item `sentence` names by its value ("the most likely word", "the bar with the lowest score"): the largest
    or smallest value of the newest component on screen that has values."""
    m = _extreme_pattern().search(sentence.lower())
    if not m:
        return None
    owner = next((b for b in on_screen if b.kind in _VALUES), None)
    if owner is None:
        return None
    values = next((owner.params[k] for k in _VALUES[owner.kind] if owner.params.get(k)), None)
    labels = _labels(owner, "item")
    if not values or len(values) != len(labels):
        return None
    sign = 1 if m.group("max") else -1
    k = max(range(len(values)), key=lambda j: sign * values[j])
    return Part(labels[k], "item", k + 1, owner, "max" if sign > 0 else "min")


def labels_of(beat: Beat) -> list[str]:
    """The items of a list-like component on screen (a sequence's tokens, a grid's cells), in order."""
    return _labels(beat, "item")


@dataclass(frozen=True)
class Cells:
    """Cells [first, last] (from 1) of a row of boxes, as the sentence names them at `span`."""
    first: int
    last: int
    span: tuple[int, int]
    how: str            # "number" (a noun and its number), "half", "middle", "value"


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _cell_patterns() -> dict[str, re.Pattern]:
    w = cell_words()
    cells = [n for n, (counts, kinds) in part_nouns().items() if counts == "item" and ("sequence" in kinds or "grid" in kinds)]
    nouns = _alt(cells)
    zero, one = _alt(w["from_zero"]), _alt(w["from_one"])
    rng = _alt(w["range"])
    number = re.compile(rf"\b(?:(?P<zero>{zero})|(?P<one>{one})|(?P<cell>(?:{nouns})(?:e?s)?))\s+(?:from\s+|#\s*)?"
                        rf"(?P<a>\d{{1,3}})(?:\s*(?:{rng})\s*(?P<b>\d{{1,3}}))?(?!\w|\.\d)", re.I)
    half = re.compile(rf"\b(?P<h>{_alt(w['halves'])})\s+half\b", re.I)
    middle = re.compile(rf"\b(?:{_alt(w['middle'])})\s+(?:(?:(?:{nouns})\s+)?of\s+(?:the\s+)?(?P<h>{_alt(w['halves'])})\s+half"
                        rf"|(?:{nouns})|one)\b", re.I)
    value = re.compile(rf"\b(?:(?:{nouns})(?:e?s)?\s+)?(?:{_alt(w['value'])})\s+(?P<v>-?\d+(?:\.\d+)?)(?!\w|\.\d)", re.I)
    return {"number": number, "half": half, "middle": middle, "value": value}


_MORE_CELLS = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(\d{1,3})\b(?!\s*(?:to|-|–|through)\s*\d)")


def cells_named(text: str, labels: list[str], base: int) -> list[Cells | Missing]:
    """The cells of a row of `labels` that `text` names, in the order it names them. A number after an index noun
    counts from 0, after a position noun from 1, after a cell noun ("square 5") from `base` (how the row on screen
    is numbered). A number past the row is `Missing`."""
    n = len(labels)
    out: list[tuple[int, Cells | Missing]] = []
    if not n:
        return []
    p = _cell_patterns()
    for m in p["number"].finditer(text):
        first_at = 0 if m.group("zero") else 1 if m.group("one") else base
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
        if b < a:
            continue
        lo, hi = a - first_at + 1, b - first_at + 1
        if (lo < 1 or hi > n) and m.group("cell") and a == b and str(a) in [x.strip() for x in labels]:
            # "the middle element 34" of a row that has no element 34: the one that shows 34
            out.append((m.start(), Cells([x.strip() for x in labels].index(str(a)) + 1,
                                         [x.strip() for x in labels].index(str(a)) + 1, m.span(), "value")))
            continue
        if lo < 1 or hi > n:
            noun = m.group("zero") or m.group("one") or m.group("cell")
            what = f"{noun.lower()} {a}" + (f" to {b}" if b != a else "")
            out.append((m.start(), Missing(f"there is no {what}: the row on screen has {n} cells, numbered "
                                           f"{first_at} to {n - 1 + first_at}")))
            continue
        out.append((m.start(), Cells(lo, hi, m.span(), "number")))
        if a == b and re.search(r"(?:s|ices|exes)\s+\d", m.group(0)):
            # "cells 0 and 1", "indices 2, 3 and 4": a plural noun, then more numbers of its kind
            end = m.end()
            while (more := _MORE_CELLS.match(text, end)) is not None:  # ends: each match moves `end` past a number
                k = int(more.group(1)) - first_at + 1
                if 1 <= k <= n:
                    out.append((more.start(1), Cells(k, k, more.span(1), "number")))
                end = more.end()
    for m in p["half"].finditer(text):
        k = cell_words()["halves"][m.group("h").lower()]
        half = n // 2
        out.append((m.start(), Cells(1, half, m.span(), "half") if k == 1 else Cells(n - half + 1, n, m.span(), "half")))
    for m in p["middle"].finditer(text):
        if m.group("h"):  # "the middle of the right half": the middle cell of that half
            half = n // 2
            lo, hi = (1, half) if cell_words()["halves"][m.group("h").lower()] == 1 else (n - half + 1, n)
        else:
            lo, hi = 1, n
        k = (lo + hi) // 2
        out.append((m.start(), Cells(k, k, m.span(), "middle")))
    for m in p["value"].finditer(text):
        v = m.group("v")
        hits = [k for k, lab in enumerate(labels, 1) if lab.strip() == v]
        if hits:
            out.append((m.start(), Cells(hits[0], hits[0], m.span(), "value")))
        else:
            out.append((m.start(), Missing(f"no cell on screen shows {v}")))
    out.sort(key=lambda x: x[0])
    return [c for _, c in out]
