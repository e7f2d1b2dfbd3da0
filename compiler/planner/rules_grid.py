"""The rule for grids of cells: numbers laid out in rows ("the numbers 1 to 100 in a 10 x 10 grid"),
plain cells by their dimensions ("a 28 x 28 grid of pixels", "a grid with 3 rows and 4 columns"), and a set
of them picked out (even numbers, multiples, primes). A grid larger than can be drawn is drawn scaled, and
the caption and an SB307 warning say so.
"""

from __future__ import annotations

import re
from .beats import Beat
from .quantity import ELLIPSIS, expand_ellipsis
from .extract import WORD_NUMBERS, Extracted, count_in, mask_shown
from .context import Context, _beat, _kw, since_clear
from .knowledge import cell_words
from .parts import cells_named
from .listing import HOLDING, Q, NUMBER_LIST, RANDOM_DOTS, claim, cue_unquoted, since_clear_of_kind, match_text


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
    quoted = [match_text(x) for x in re.finditer(Q, m.group(1))]
    if len(quoted) >= 2:
        return quoted
    items = [x.strip(" .\"'") for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1))]
    items = [x for x in items if x and x not in ("...", "…")]
    if len(items) >= 2 and all(re.fullmatch(r"[\w+\-/]{1,12}", x) for x in items):
        return items
    return []


_EACH_CELL = re.compile(r"\beach\s+(?:cell|square|box)\s+(?:shows|holds|contains|displays|has)\s+(?:the\s+)?(sum|product|"
                        r"difference|total)\b", re.I)
_CELLS_WITH = re.compile(r"^\s*(?:then\s+)?(?:highlight|colou?r|mark|circle|shade)\s+(?:all\s+|every\s+|each\s+)?(?:the\s+)?"
                         r"(?:(?:single|only|one)\s+)?cells?\s+(?:with|whose|where|showing|that\s+(?:shows?|has|have))\s+(?:the\s+)?"
                         r"(?:sum|product|value|total|difference)?\s*(?:is\s+|=\s*|of\s+)?(-?\d+)\b", re.I)


def _computed_cells(ex: Extracted, ctx: Context, i: int, grid: Beat | None) -> list[Beat] | None:
    """"Each cell shows the sum (row + column)" under a 6 by 6 grid: the addition table, row r column c holding r + c
    (a product: r × c); then "Highlight all cells with sum 7": every cell holding 7, each in turn."""
    if grid is None or not grid.params.get("columns"):
        return None
    cols = int(grid.params["columns"])
    each = _EACH_CELL.search(ex.sentence)
    if each and not grid.params.get("labels") and grid.params.get("count") and grid.params["count"] % cols == 0:
        rows = grid.params["count"] // cols
        op = each.group(1).lower()
        def cell(r: int, c: int) -> int:
            return r * c if op == "product" else abs(r - c) if op == "difference" else r + c
        labels = [str(cell(r, c)) for r in range(1, rows + 1) for c in range(1, cols + 1)]
        params = {k: v for k, v in grid.params.items() if k not in ("count", "start", "numbered")}
        new = Beat("grid", dict(params, labels=labels), grid.strings + tuple(dict.fromkeys(labels)), grid.rule + "+cells",
                   grid.source, grid.detail_index, grid.keywords)
        ctx.replace(grid, new, i)
        if re.search(r"\(\s*row\s*[+×x*-]\s*column\s*\)", ex.sentence, re.I):
            ctx.consumed.update(m.group(0).strip("()").strip() for m in re.finditer(r"\(\s*row\s*[+×x*-]\s*column\s*\)",
                                                                                   ex.sentence, re.I))
        ex.prose[:] = []  # ("(row + column)" says how each cell is filled: no formula of its own)
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return []
    want = _CELLS_WITH.match(ex.sentence)
    labels = grid.params.get("labels") or []
    if want and want.group(1) in labels:
        hits = [k for k, lab in enumerate(labels, 1) if lab == want.group(1)]
        ex.prose[:] = []
        return [_beat("highlight", "highlight:cells-with", ex, i, (), _kw(ex.sentence), target=want.group(1), item=k)
                for k in hits[:12]]
    return None


def rule_computed_cells(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Cells filled by a rule of their row and column, and the cells holding a value lit (before the general
    highlight rule, which would look for a word "sum" on screen)."""
    out = _computed_cells(ex, ctx, i, since_clear_of_kind(ctx, "grid"))
    if out:
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]  # ('… and show "1 way to make 2"': still drawn)
    return out or []


def rule_grid(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show cards with numbers 1 to 30 being placed into a bag"; "a grid of 24 tiles"; a following
    "Highlight the even numbers" lights up those cells of the grid on screen."""
    low = ex.low
    previous = since_clear_of_kind(ctx, "grid")
    turned = re.match(r"^\s*(?:then\s+|now\s+)?(\d{1,5})\s+(?:of\s+(?:them|the\s+\w+)\s+|(?:[\w-]+\s+){0,2}?(?:dots|cells|people|"
                      r"persons|squares|cards|tiles|icons|circles)\s+)(?:are|get|turn|become)\s+(?:colou?red|highlighted|marked|"
                      r"filled|shaded|red|green|blue|yellow|orange|purple)\b", low)
    if previous is not None and turned and previous.params.get("count"):
        # "Then 10 dots are colored red": the first cells of the grid on screen (a scaled grid: as many as they make)
        n, scale = int(turned.group(1)), int(previous.params.get("scale", 1) or 1)
        names = previous.params.get("labels") or [str(k) for k in range(previous.params.get("start", 1),
                                                                         previous.params.get("start", 1) +
                                                                         previous.params["count"])]
        k = max(1, round(n / scale))
        if k * scale != n:
            ctx.lost(i, f"{n} cannot be shown in cells of {scale}: {k} cell{'s are' if k > 1 else ' is'} highlighted "
                        f"({k * scale})")
        ctx.replace(previous, Beat("grid", dict(previous.params, highlight=names[:min(k, len(names))]),
                                   previous.strings, previous.rule + "+highlight", previous.source,
                                   previous.detail_index, previous.keywords), i)
        ctx.stop = True
        return []
    crossed = _crossed_out(ex, ctx, i, previous) if previous is not None else None
    if crossed is not None:
        return crossed
    if previous is not None and re.search(r"\bof\s+the\s+(?:grid|last\s+row|first\s+row|block)\b", low) and not re.match(
            r"^\s*(?:then\s+)?(?:draw|show|create|build|display|make|add)\b", low):
        return []  # "(the first 10 dots of the last row)": cells of the grid on screen, not a new grid
    if previous is not None and re.match(r"^\s*(?:then\s+)?(?:highlight|colou?r|mark|circle|shade|select|pick|light up)\b",
                                         low):
        names = previous.params.get("labels") or [str(n) for n in range(previous.params.get("start", 1),
                                                                         previous.params.get("start", 1) +
                                                                         (previous.params.get("count") or 0))]
        # (what the sentence says, not what it quotes: 'Circle 2 and label it "prime"' picks 2, not the primes)
        said = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", low)
        chosen = _number_set(said)
        listed = _listed(ex.sentence)
        named = re.match(r"^\s*(?:then\s+|now\s+)?(?:highlight|colou?r|mark|circle|shade|select|pick|light up)\s+(?:the\s+)?"
                         r"(?:cells?\s+|numbers?\s+)?((?:\d{1,4}(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)(?![\w.])", said)
        if not chosen and not listed and named:
            listed = re.findall(r"\d{1,4}", named.group(1))  # "Circle 2", "Circle 3 and 5": those cells
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
        claim(ex, ctx, listed)
        return []  # the highlight rule already indicates the grid
    if previous is not None and previous.source == ex.sentence:
        return []  # "Show the 30 cards again in a grid": the grid recalled for this sentence
    labels = _listed(ex.sentence)
    index_words = r"\b(?:" + "|".join(re.escape(w) for w in cell_words()["index_labels"]) + r")\b"
    if any(b.kind == "sequence" for b in since_clear(ctx)) and cue_unquoted(ex, index_words):
        return []  # "Under each cell write its index: 0, 1, …, 7": the indexes of the row on screen (rule_array)
    card_pairs = re.search(Q + r"\s*\(\s*" + Q + r"\s*\)", ex.sentence)
    if cue_unquoted(ex, r"\barray\b|\brow\s+of\b|\barray\s+row\b") and not cue_unquoted(ex, r"\bgrid\b") and 2 <= len(labels) <= 16:
        return []  # "Array row of six cells: 5, 2, 4, 6, 1, 3": one row of an array (rule_sequence), not tiles
    if (cue_unquoted(ex, r"\bgrid\b") or cue_unquoted(ex, r"\btiles?\b|\bcards?\b|\bcells?\b") and len(labels) >= 5) and not card_pairs \
            and 2 <= len(labels) <= 40 and all(
            len(x) <= 12 for x in labels) and not cue_unquoted(ex, r"\b(diagram|table|plot|chart|axis|axes|matri(?:x|ces))\b"):
        # "Show all 8 outcomes in a grid: HHH, HHT, HTH, THH, HTT, THT, TTH, TTT": labelled cells
        claim(ex, ctx, labels)
        return [_beat("grid", "grid:labelled-cells", ex, i, labels, _kw(ex.sentence) + tuple(x.lower() for x in labels),
                      labels=labels)]
    cue = r"\b(cards?|numbers?|numbered|tiles?|cells?|balls?|tickets?|chips?|marbles?|squares?|grid|boxes)\b"
    if not cue_unquoted(ex, cue) or cue_unquoted(ex, r"\b(diagram|table|plot|chart|axis|axes|matri(?:x|ces)|number[- ]lines?)\b") \
            or any(b.kind == "number_line" and b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        return []  # (a number line's own range is no row of numbered cards)
    named = re.search(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?(?:squares|cells|boxes|"
                      r"tiles|cards)\s+(?:labell?ed|named|marked)\s+((?:" + Q + r"\s*(?:,|and|to|through)?\s*){2,12})", ex.sentence, re.I)
    if named:
        names = [match_text(m) for m in re.finditer(Q, named.group(2))]
        n = int(named.group(1)) if named.group(1).isdigit() else WORD_NUMBERS[named.group(1).lower()]
        if re.search(Q + r"\s*(?:to|through)\s*" + Q, named.group(2)) and len(names) == 2 and n > 2:
            # "7 small squares labelled "Mon" to "Sun"": the names between are not written
            ctx.lost(i, f"the labels between {names[0]!r} and {names[1]!r} are not written: the {n} cells show "
                        f"{names[0]!r}, then numbers, then {names[1]!r}")
            names = [names[0]] + [str(k) for k in range(2, n)] + [names[1]]
        if len(names) == n:
            # "a row of 3 squares labelled "A", "B", "C"": one cell per name
            claim(ex, ctx, names)
            return [_beat("grid", "grid:labelled-cells", ex, i, names, _kw(ex.sentence) + tuple(x.lower() for x in names),
                          labels=names)]
    if re.search(r"\[\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){2,}\s*\]", ex.sentence) or NUMBER_LIST.search(ex.sentence):
        return []  # "Draw the array [38, 27, 43, …] as a row of 7 cells", "a row of 10 squares, each containing …: 2, 5,
        # 8, …": the items are given — the array's own cells (a sequence), not a count of numbered cells
    row = next((b for b in since_clear(ctx) if b.kind == "sequence"), None)
    if row is not None and (row.detail_index == i and row.source == ex.sentence or cells_named(
            mask_shown(ex.sentence), [str(t) for t in row.params.get("tokens") or []], 0)):
        return []  # "Keep the same array of 10 squares", "Grey out squares 0 to 4": the row on screen, not a new grid
    shaped = _grid_of_rows(ex, ctx, i, previous)
    if shaped is not None:
        return shaped
    if HOLDING.search(ex.sentence) or re.search(r"\bof\s+values\s*:?\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){2,}",
                                               ex.sentence, re.I):
        return []  # "7 square cells containing 7, 2, 9, 4, 3, 8, 6": an array of those values (rule_sequence)
    if re.search(r"\[\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+\s*\]", mask_shown(ex.sentence)) and not re.search(
            r"\bgrid\b", mask_shown(ex.sentence), re.I):
        return []  # 'list "A" = [2, 5], …, empty output row "Result" with 4 cells': rows of boxes (rule_sequence)
    if cue_unquoted(ex, RANDOM_DOTS):
        return []  # "Drop 20 dots … at random positions in the square": scattered points, not 20 numbered cells
    m = re.search(_RANGE, ex.sentence)
    shown = next((b for b in reversed(since_clear(ctx)) if b.kind == "grid" and b.params.get("count")), None)
    if m and shown is not None and not re.match(r"\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:draw|show|create|make|add|build|display)\b",
                                                  ex.sentence, re.I):
        first = int(shown.params.get("start", 1))
        if first <= int(m.group(1)) <= int(m.group(2)) < first + int(shown.params["count"]):
            return []  # 'answer "yes" -> boxes 1-4 turn red': cells of the row on screen, not a new row of them
    start = count = shape = None
    if m and 0 < int(m.group(2)) - int(m.group(1)) + 1 <= 100:
        start, count = int(m.group(1)), int(m.group(2)) - int(m.group(1)) + 1
    elif cue_unquoted(ex, r"\bgrid of\b|\b\d{1,5}\s+(?:\w+\s+)?(?:numbered\s+)?(?:cards|tiles|cells|balls|tickets|chips|marbles|"
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
        rows = re.search(r"\b(\d{1,2}|" + "|".join(WORD_NUMBERS) + r")\s+rows\s+of\s+(\d{1,2}|" + "|".join(WORD_NUMBERS)
                         + r")\s+(?:\w+\s+)?(?:cells|squares|boxes|tiles)\b", ex.sentence, re.I)
        if rows:  # "three rows of 8 cells stacked vertically": 24 cells, 8 to a row
            r, c = (int(w) if w.isdigit() else WORD_NUMBERS[w.lower()] for w in rows.groups())
            if 2 <= r * c <= _GRID_CELLS and c <= _GRID_COLUMNS:
                start, count, shape = 1, r * c, c
    if count is None or count < 2:
        return []
    held = HOLDING.search(ex.sentence)
    if held and (re.search(r"\bindi(?:ces|xes)\s+(?:from\s+)?\d+\s+(?:to|through|-|–)\s+\d+", ex.sentence, re.I)
                 or len(re.findall(r"-?\d+(?:\.\d+)?", held.group(1))) == count):
        # "an array of 5 cells with indices 0 to 4 below them; the cells contain 3, 7, 12, 20", "a row of 10 cells
        # containing the sorted values 2, 5, …, 91": its values (a row of boxes), not cells numbered 1 to 10
        return []  # "an array of 5 cells with indices 0 to 4 below them; the cells contain 3, 7, 12, 20": its values
    if any(b.detail_index == i and b.source == ex.sentence and b.kind in ("vector_plane", "plot", "number_line", "contour")
           for b in ctx.beats):
        return []  # "a NumberPlane with x from -1 to 12": the range of axes drawn, not cards numbered 1 to 12
    params: dict = {"count": count, "start": start}
    if shape:
        params["columns"] = shape
    dims = _dimensions(ex.bare or mask_shown(ex.sentence)) if cue_unquoted(ex, r"\bgrid\b") else None
    if dims and int(dims.group("r")) * int(dims.group("c")) == count and int(dims.group("c")) <= _GRID_COLUMNS:
        params["columns"] = int(dims.group("c"))  # "numbered 1 to 12 in a 3 x 4 grid": 4 to a row
    chosen = _number_set(low)
    if chosen and cue_unquoted(ex, r"highlight|colou?r|mark|circle|shade"):
        params["highlight"] = [str(n) for n in range(start, start + count) if chosen[1](n)]
    if cue_unquoted(ex, r"\b(bag|box|urn|hat|jar|bowl|container)\b") and cue_unquoted(ex, r"\b(into|in|inside)\b"):
        params["container"] = "bag"
    struck = re.search(r"\bwith\s+((?:\d{1,4}(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)\s+(?:already\s+)?(?:crossed|struck|"
                       r"removed|eliminated)", ex.sentence, re.I)
    if struck:  # "the grid of 1 to 50 with 1 already crossed out"
        params["crossed"] = [x for x in re.findall(r"\d{1,4}", struck.group(1)) if start <= int(x) < start + count]
    caption = next((q for q in ex.quoted if q not in ctx.consumed), None)
    if caption:
        params["caption"] = caption
    empty = m is None and (cue_unquoted(ex, r"\b(?:empty|blank)\b") or not cue_unquoted(
        ex, r"\bnumber(?:ed|s|ing)?\b|\bcount(?:ed|ing)?\b|\b(?:cards|tickets|balls|chips|marbles|people|dots|icons|circles)\b"))
    if empty:
        # "an output row of 7 empty cells", "Draw a row of 8 cells": no numbers in them, none invented
        params["numbered"] = False
    strings = ([] if empty else [str(n) for n in range(start, start + count)]) + ([caption] if caption else [])
    claim(ex, ctx, [caption] if caption else [])
    return [_beat("grid", "grid:numbered-range", ex, i, strings, _kw(ex.sentence), **params)]


# (not "-1 to 12", nor an axis's range: "x from 0 to 12", "the y-axis from 1 to 9")
_RANGE = (r"(?<![\d.\-−])(?<!\b[a-zA-Zθ] from )(?<!\b[a-zA-Zθ] between )(?<!axis from )(?<!axis between )"
          r"\b(\d{1,4})\s*(?:to|-|–|through|until|…|\.\.)\s*(\d{1,4})\b(?![.,]\d)")


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
    if not cue_unquoted(ex, r"\bgrid\b"):
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
    claim(ex, ctx, [written, caption])
    return [_beat("grid", "grid:rows-by-columns" + ("-scaled" if scale > 1 else ""), ex, i, [caption] if caption else [],
                  _kw(ex.sentence), count=drawn_rows * drawn_cols, start=1, columns=drawn_cols, caption=caption,
                  numbered=False, scale=scale * scale if scale > 1 else None)]


_CROSS = r"\bcross(?:es|ed|ing)?\b(?!\s+(?:the|over|section|each|paths))|\bstrikes?\s+(?:out|through)\b|\bstruck\b|\beliminat\w+|\bremov\w+"


def _crossed_out(ex: Extracted, ctx: Context, i: int, grid: Beat) -> list[Beat] | None:
    """"cross out 4, 6, 8, …, 50", "Hop … : 4, 6, 8, 10, 12, …, 50. Each landing cell is crossed out.": those cells
    of the grid on screen struck out (an ellipsis continued by its pattern), from this sentence on."""
    if not re.search(_CROSS, ex.sentence, re.I) and not ctx.mentions(_CROSS):
        return None
    names = grid.params.get("labels") or [str(n) for n in range(grid.params.get("start", 1), grid.params.get("start", 1)
                                                                  + (grid.params.get("count") or 0))]
    said = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", ex.sentence)
    run = re.search(r"((?:-?\d{1,4}\s*,\s*){1,}(?:" + ELLIPSIS + r"\s*,?\s*)?-?\d{1,4})(?![\d.,]*\d)", said)
    if not run:
        if re.search(_CROSS, ex.sentence, re.I) and grid.rule == "grid:crossed" and grid.detail_index == i - 1:
            ctx.modified.add(i)  # "Each landing cell is crossed out.": the cells the sentence before struck out
            return []
        return None
    terms = [t.strip() for t in re.split(r"\s*,\s*", run.group(1)) if t.strip()]
    if any(re.fullmatch(ELLIPSIS, t) for t in terms):
        k = next(j for j, t in enumerate(terms) if re.fullmatch(ELLIPSIS, t))
        full = expand_ellipsis(terms[:k], terms[-1], limit=100)
        if full is None:
            return None
        terms = full
    cells = [t for t in terms if t in names]
    if len(cells) < 2 or len(cells) < len(terms) * 0.8:
        return None
    here = re.search(_CROSS, ex.sentence, re.I)
    if not here and not re.search(r"\b(?:hop|jump|step|land)\w*\b", ex.sentence, re.I):
        return None  # (the list crossed out elsewhere in the scene is one the sentence walks over)
    before = list(grid.params.get("crossed") or [])
    if re.search(r"\bnew\s+ones\b|\bnewly\b|;\s*new\b", ex.sentence, re.I):
        # "Cells that are already crossed flash briefly; new ones get crossed: 9, 15, 21, …": the last list
        tail = re.findall(r"\d{1,4}", ex.sentence[ex.sentence.lower().rfind("new"):])
        cells = [t for t in tail if t in names] or cells
    params = dict(grid.params, crossed=list(dict.fromkeys(before + cells)))
    params.pop("pending", None)
    ctx.stop = True  # the numbers are the cells struck out, not a row of their own
    return [_beat("grid", "grid:crossed", ex, i, list(grid.strings), _kw(ex.sentence), **params)]
