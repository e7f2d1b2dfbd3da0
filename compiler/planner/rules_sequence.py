"""Rules for sequences and timelines: the tokens or items of a sentence processed one at a time, a row of
numbers ("…: 5, 1, 4, 2, 8"), operations on a sequence on screen, and dated events as a timeline.
"""

from __future__ import annotations

import re
from .beats import Beat
from .extract import Extracted, mask_shown
from .context import Context, _beat, _fmt, _kw, since_clear
from .knowledge import diagram_nouns
from .quantity import NUM, quantity
from .listing import HOLDING, Q, NUMBER_LIST, cell_number, claim, cue_unquoted, since_clear_of_kind, match_text


# ----------------------------------------------------------------------------- sequence
_PROCESS = (r"\bprocess\w*|\bone at a time\b|\bone by one\b|\bin turn\b|\bstep(?:s|ping)? through\b|"
            r"\bsequentially\b|\bread\w*\b|\bscan\w*\b|\bpointer\b|\bcheck(?:ing|s)? each\b|\bwalk\w* through\b|"
            r"\bvisit\w*\b|\biterat\w*")


_ROW = r"\b(?:a\s+|one\s+)?row\s+of\s+(?:\d+\s+|[a-z]+\s+)?(?:(?:small|square|round|rounded|big|large|coloured|colored)\s+)*" \
       r"(?:[a-z]+\s+)?(?:boxes|cells|squares|circles|tiles|pills|slots|blocks|nodes|leaves)\b"  # ("a row of letter boxes")


def _row_of_quoted(ex: Extracted) -> tuple[list[str], str] | None:
    """'the word "ABRACADABRA" as a row of 11 square boxes, one letter in each box': its letters in boxes;
    'the queue as a row of circles: "C:1", "D:1", "B:2"': the quoted items, one per cell."""
    s = ex.sentence
    own = re.search(r"\beach\s+(?:letter|character|symbol)\s+(?:in|inside)\s+(?:its\s+own|a|a\s+separate)\s+(?:\w+\s+){0,2}?"
                    r"(?:box|cell|square|tile)\b", s, re.I)  # "…, each letter in its own small square box"
    if not re.search(_ROW, s, re.I) and not own:
        return None
    word = re.search(r"\b(?:word|string|message|text|name)\s+[\"\u201c]([^\"\u201d\s]{2,16})[\"\u201d]", s, re.I)
    if word and re.search(r"\b(?:one|a|each)\s+(?:letter|character|symbol)\b|\bletters?\b|\bcharacters?\b", s, re.I):
        return list(word.group(1)), "sequence:letters-in-boxes"
    after = re.search(_ROW + r"[^\"\u201c]{0,40}?:\s*", s, re.I)
    if after and len(ex.quoted) >= 2:
        items = [q for q in ex.quoted if s.find(q) > after.start()]
        if len(items) >= 2:
            return items[:16], "sequence:row-of-quoted"
    return None


_SYMBOL_ROW = re.compile(r"(?<![\w'\"\u201c(\[])((?:[A-Z0-9?✓✗] ){3,15}[A-Z0-9?✓✗])(?![\w'\"\u201d)\]])")
_SYMBOL_CUE = re.compile(r"\b(?:rows?|sequences?|coins?|flips?|tosses|results?|outcomes?|bits?|strings?|slots?|"
                         r"reveal\w*|reads?|spells?)\b", re.I)
_EACH = re.compile(r"\brow\s+of\s+(\d{1,2})\s+[^.;:]{0,70}?\beach\s+(?:showing|with|containing|labell?ed|marked)\s+"
                   r"[\"\u201c]([^\"\u201d]{1,3})[\"\u201d]", re.I)


def _symbol_row(ex: Extracted) -> tuple[list[str], str] | None:
    """"Show the row of 10 coins: H H H T T T T T T T" (symbols written with spaces between them), "a row of 10
    circles (coins), each showing "?"": one cell per symbol."""
    each = _EACH.search(ex.sentence)
    if each and 2 <= int(each.group(1)) <= 16:
        return [each.group(2)] * int(each.group(1)), "sequence:row-of-each"
    m = _SYMBOL_ROW.search(ex.bare)
    if m and _SYMBOL_CUE.search(ex.bare[:m.start()]):
        return m.group(1).split(), "sequence:symbol-row"
    counted = re.search(r"\b(\d{1,2})\s+[a-z]+[^.;:]{0,40}:\s*$", ex.bare[:m.start()]) if m else None
    if counted and int(counted.group(1)) == len(m.group(1).split()):
        return m.group(1).split(), "sequence:symbol-row"  # "Draw 8 bases on the top strand: A T G C C T A G"
    bits = _BITS.search(ex.bare)
    if bits and (_BIT_CUE.search(ex.bare) or len(bits.group(1)) >= 6 and re.search(r"\b(?:rows?|cells|reads)\b", ex.bare, re.I)):
        return list(bits.group(1).replace(" ", "")), "sequence:bit-row"  # "Show the row for +5: 00000101": a cell per bit
    return None


_BITS = re.compile(r"(?<![\w.,\u2192>-])([01]{4}(?: [01]{4}){1,3}|[01]{4,16})(?![\w.,]\d|\w)")  # ("0110 1001": nibbles)
_BIT_CUE = re.compile(r"\b(?:bits?|bytes?|binary|register)\b", re.I)


def _more_symbol_rows(ex: Extracted, first: list[str]) -> list[list[str]]:
    """"…: A T G C C T A G, and their partners on the bottom strand: T A C G G A T C": the rows after the first,
    as long as it."""
    rows = [m.group(1).split() for m in _SYMBOL_ROW.finditer(ex.bare)]
    return [r for r in rows[1:4] if len(r) == len(first)] if rows and rows[0] == first else []


_ITEM = r"(?:-?\d+(?:\.\d+)?|\.{3}|…)"
_NUMBERS_IN_A_ROW = re.compile(r"\b(?:the\s+)?(?:numbers|values|integers|terms)\s+((?:" + _ITEM + r"\s*,\s*){2,15}" + _ITEM + r")(?![.,]\d)",
                               re.I)
_NOUN_LIST = re.compile(r"\b(?:row|array|list|sequence)\s+(?:of\s+(?:numbers|values|integers)\s+)?"
                        r"((?:-?\d+(?:\.\d+)?\s*,\s*){2,15}-?\d+(?:\.\d+)?)\b(?![.,]\d)", re.I)


_UNDER_EACH = re.compile(r"\b(?:under|below|beneath)\s+(?:each|every)\s+[a-z]+\s+(?:its|the|their)\s+[a-z][\w -]{0,30}?"
                         r"\s*:\s*([^\n]+?)\s*\.?\s*$", re.I)


# "C (1), D (1), [2]": a cell and its note in brackets (a merged node written as its note in square brackets)
_NOTED = re.compile(r"\s*(?:([^\s,;()\[\]]{1,12})\s*\(([^()]{1,12})\)|(\[[^\[\]]{1,12}\]))\s*")


def _noted_items(text: str) -> tuple[list[str], list[str]] | None:
    items = [x for x in re.split(r"\s*,\s*", text.strip().rstrip(".;")) if x.strip()]
    found = [_NOTED.fullmatch(x) for x in items]
    if not 2 <= len(items) <= 16 or not all(found) or not any(m.group(1) for m in found):
        return None
    return [m.group(1) or m.group(3) for m in found], [m.group(2) or "" for m in found]


def _row_with_notes(ex: Extracted) -> tuple[list[str], list[str]] | None:
    """"a row of letter boxes and under each letter its code: A 0, B 110, R 111": the cells, and the note under each;
    "the starting row of five leaf nodes: C (1), D (1), B (2); each … with the count below it": the same."""
    if not re.search(_ROW, ex.sentence, re.I):
        return None
    m = _UNDER_EACH.search(ex.sentence)
    pairs = [p.split() for p in re.split(r"\s*,\s*", m.group(1))] if m else []
    if 2 <= len(pairs) <= 16 and all(len(p) == 2 for p in pairs):
        return [p[0] for p in pairs], [p[1] for p in pairs]
    listed = re.search(_ROW + r"[^:]{0,40}:\s*([^;\n]+?)\s*(?:;|\.\s|\.?$)", ex.sentence, re.I)
    if listed and re.search(r"\b(?:below|under|beneath)\s+(?:it|each|them)\b", ex.sentence, re.I):
        return _noted_items(listed.group(1))
    return None


_WORD_ROW = re.compile(r"[\"\u201c]([^\"\u201d]{1,80})[\"\u201d]\s+(?:as|in(?:to)?|split\s+into)\s+(?:a\s+)?(?:(?:row|line|sequence)\s+of\s+)?"
                       r"(?:\w+\s+){0,2}?(?:word\s+)?(?:tiles|boxes|cards|blocks|chips)\b", re.I)


_LETTER_ROW = re.compile(r"[\"\u201c]([^\"\u201d\s]{2,16})[\"\u201d]\s+(?:as|in(?:to)?|split\s+into)\s+(?:a\s+row\s+of\s+|its\s+)?"
                         r"(?:letter|character|char)s?(?:\s+(?:tiles|boxes|cards|blocks|cells))?\b", re.I)
_UNDER_EACH = re.compile(r"\b(?:under|below|beneath)\s+each\s+(?:letter|token|tile|box|cell|element|character|word|symbol)\b"
                         r"(?:[^:]{0,40}:\s*(?P<notes>.+?)|\s*,?\s*(?:write|put|show|place|display)\s+(?:an?\s+)?(?P<one>[^\s,;]{1,24}))"
                         r"\s*\.?\s*$", re.I)


def _letter_tiles(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'Show the string "ABRACADABRA" as letter boxes in a row': a row of its letters, one a box."""
    m = _LETTER_ROW.search(ex.sentence)
    if m is None or m.group(1) in ctx.consumed:
        return None
    letters = list(m.group(1))
    ctx.consumed.add(m.group(1))
    return [_beat("sequence", "sequence:letter-tiles", ex, i, letters, _kw(ex.sentence) + ("tokens",), tokens=letters,
                  mode="show")]


def _notes_under_each(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'Under each letter write its code: 0 | 110 | 111 | …' with a row on screen: a note under each of its tokens (as
    many notes as tokens, else said)."""
    m = _UNDER_EACH.search(ex.sentence)
    row = next((b for b in since_clear(ctx) if b.kind == "sequence" and b.params.get("tokens")), None) if m else None
    if row is None:
        return None
    if m.group("one"):  # "Under each box write \\frac{1}{2}.": the same note under every token
        one = m.group("one").rstrip(".").strip("\"'\u201c\u201d")
        notes = [one] * len(row.params["tokens"])
        ctx.consumed.add(one)
    else:
        notes = [x.strip().strip("\"'\u201c\u201d") for x in re.split(r"\s*\|\s*|\s*,\s*", m.group("notes")) if x.strip()]
    if len(notes) != len(row.params["tokens"]):
        ctx.lost(i, f"{len(notes)} notes for the {len(row.params['tokens'])} tokens of the row: they are not placed")
        ctx.stop = True
        return []
    ctx.replace(row, Beat("sequence", dict(row.params, below=notes), row.strings + tuple(notes), row.rule + "+below",
                          row.source, row.detail_index, row.keywords), i)
    ctx.stop = True
    ex.prose[:] = []
    return []


def _word_tiles(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'the message "win free money" as a row of three word tiles: [win] [free] [money]': a row of its words, one a
    tile (the bracketed words after it are the same tiles, not a diagram of their own)."""
    m = _WORD_ROW.search(ex.sentence)
    words = m.group(1).split() if m else []
    if not 2 <= len(words) <= 16 or m.group(1) in ctx.consumed:
        return None
    ctx.consumed.add(m.group(1))
    ex.boxes[:] = []
    return [_beat("sequence", "sequence:word-tiles", ex, i, words, _kw(ex.sentence) + ("tokens",), tokens=words, mode="show")]


def rule_sequence(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show the tokens "The", "cat", "sat" processed one at a time"; "…appearing one by one as they
    are generated"; "the sentence "The cat sat" split into tokens"; "a sorted array of numbers
    [3, 8, 15, 21] as boxes in a row"; then "Animate a pointer moving … checking each element" or
    "pointers "low" at index 0 and "high" at index 9" on the array on screen."""
    tiles = _word_tiles(ex, ctx, i) or _letter_tiles(ex, ctx, i)
    if tiles is not None:
        return tiles
    noted = _notes_under_each(ex, ctx, i)
    if noted is not None:
        return noted
    noted = _row_with_notes(ex)
    if noted is not None:
        tokens, below = noted
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return [_beat("sequence", "sequence:row-with-notes", ex, i, tokens + below, _kw(ex.sentence) + ("array",),
                      tokens=tokens, below=below, mode="show")]
    row = _row_of_quoted(ex) or _symbol_row(ex)
    if row is not None:
        tokens, rule = row
        ctx.consumed.update(tokens + [q for q in ex.quoted if "".join(tokens) == q])
        ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
        more = _more_symbol_rows(ex, tokens) if rule == "sequence:symbol-row" else []
        return [_beat("sequence", rule, ex, i, r, _kw(ex.sentence) + ("array",), tokens=r, mode="show")
                for r in [tokens] + more]
    previous = since_clear_of_kind(ctx, "sequence")
    now = re.match(r"\s*(?:the\s+)?(?:row|queue|list|sequence|array)\s+(?:is\s+now|now\s+reads|becomes)\s*:\s*(.+)$", ex.sentence,
                   re.I)
    noted = _noted_items(now.group(1)) if now and previous is not None and previous.params.get("below") else None
    if noted is not None:
        # "The row is now: [2], B (2), R (2), A (5).": the row on screen in its new state, in place
        tokens, below = noted
        ctx.stop = True
        return [_beat("sequence", "sequence:row-now", ex, i, tokens + [b for b in below if b], _kw(ex.sentence),
                      tokens=tokens, below=below, mode="show", update=True)]
    own_row = (NUMBER_LIST.search(ex.sentence) or _NOUN_LIST.search(ex.sentence) or HOLDING.search(ex.sentence)) and \
        re.search(r"^\s*(?:then\s+)?(?:below\s+\w+,?\s+|under\s+\w+,?\s+)?(?:draw|show|display|add|place|write)\w*\b",
                  ex.sentence, re.I) and cue_unquoted(ex, r"\b(?:row|array|list|copy|sequence)\b")
    if previous is not None and not ex.vectors and not own_row:
        return _sequence_operation(ex, ctx, i, previous)
    previous = previous or next((b for sp in reversed(ctx.history[-3:]) for b in reversed(sp.beats)
                                 if b.kind == "sequence"), None)
    array_cue = cue_unquoted(ex, r"\b(arrays?|lists?|rows?|boxes|cells|sequences?|elements|numbers|values|items|tokens?)\b")
    not_vector = not cue_unquoted(ex, r"\b(vectors?|matri(?:x|ces)|embeddings?|weights?|coordinates?|points?|basis)\b")
    # (a state named by a value: "T = 0.5 → [0.864, 0.117, 0.019]" is the state "T = 0.5", not "5")
    labelled = re.findall(r"((?<![\w.])[A-Za-z]\w{0,6}\s*=\s*[+\-−]?\d[\d.]*|[A-Z][\w ]{0,15}?|\b\w{1,12})\s*(?:→|->|:)\s*"
                          r"\[([^\[\]]{1,80})\]", ex.sentence)
    if len(labelled) < 2 and "\n" in ex.sentence:
        # "two rows of divisors:" then "Divisors of 105: 1, 3, 5, 7, …" and "Divisors of 252: 1, 2, 3, …": a named row
        # per line
        lines = re.findall(r"^\s*(?:[-*•]\s*)?([A-Za-z][^:\n]{0,30}?)\s*:\s*((?:-?\d+(?:\.\d+)?\s*,\s*){2,}-?\d+(?:\.\d+)?)"
                           r"\s*\.?\s*$", ex.sentence, re.M)
        if len(lines) >= 2:
            labelled = lines
    if len(labelled) >= 2 and not_vector:
        # "Pass 2 → [1, 2, 4, 5, 8], Pass 3 → [1, 2, 4, 5, 8]": one row of boxes per state, named
        beats = []
        for name, body in ctx.capped(i, labelled, 4, "rows of boxes"):
            tokens = ctx.capped(i, [t.strip() for t in body.split(",") if t.strip()], 16, "boxes in a row")
            beats.append(_beat("sequence", "sequence:labelled-states", ex, i, tokens + [name.strip()], _kw(ex.sentence),
                               tokens=tokens, mode="show", label=name.strip()))
        ex.vectors[:] = []
        ex.prose[:] = []
        ex.chain[:] = []
        return beats
    state = re.search(r"\b(?:giving|gives|becomes|become|now|resulting in|results in|to get|yielding|leaving|after|"
                      r"result(?:\s+is)?\s*:?)\b", mask_shown(ex.sentence).lower())  # (not a quoted name: "Result")
    lists = _lists(ex)
    drawn = any(b.detail_index == i and b.source == ex.sentence and b.kind in ("steps", "equation", "matrix", "transform")
                for b in ctx.beats)
    arithmetic = re.search(r"[×*·]\s*\[|\]\s*[×*·]", ex.sentence)  # "3 × [2, 0] + 2 × [1, 1]": vectors in a sum
    if len(lists) >= 2 and not_vector and not state and not drawn and not arithmetic and (array_cue or previous is not None or ex.chain or
                                                         re.search(r"\]\s*(?:\+|->|→|and|,)\s*\[", ex.sentence)):
        # "two groups [38, 27, 43, 3] on the left and [9, 82, 10] on the right", "[27, 38] + [3, 43] -> [3, 27, 38,
        # 43]": every list is drawn, one row of boxes each (the result too), named as the sentence names it
        if len(lists) > 4:
            ctx.lost(i, f"{len(lists)} lists in one sentence: the first 4 are drawn, not "
                        + ", ".join("[" + ", ".join(t) + "]" for _, t in lists[4:]))
        beats = []
        shown = [b.params.get("tokens") for b in since_clear(ctx) if b.kind == "sequence"]
        for name, tokens in lists[:4]:
            if tokens in shown and any(t not in shown for _, t in lists):
                continue  # "[27, 38] + [3, 43] -> [3, 27, 38, 43]" with both halves on screen: the merged list is new
            if name:
                ctx.consumed.add(name)  # ('list "A" = [2, 5]': "A" is that row's caption)
            beats.append(_beat("sequence", "sequence:lists", ex, i, tokens + ([name] if name else []),
                               _kw(ex.sentence) + ("array",), tokens=tokens, mode="show", label=name))
        empty = re.search(r"\bempty\s+(?:\w+\s+){0,2}?(?:row|array|list)\s+(?:[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]\s+)?"
                          r"(?:with|of)\s+(\d{1,2})\s+(?:empty\s+)?(?:cells|boxes|slots)\b", ex.sentence, re.I)
        if empty and 1 <= int(empty.group(2)) <= 16:
            # '…, empty output row "Result" with 4 cells': the row the merge fills, drawn empty (no numbers in it)
            if empty.group(1):
                ctx.consumed.add(empty.group(1))
            beats.append(_beat("grid", "grid:empty-row", ex, i, [empty.group(1)] if empty.group(1) else [], _kw(ex.sentence),
                               count=int(empty.group(2)), columns=int(empty.group(2)), numbered=False,
                               caption=empty.group(1)))
        ex.vectors[:] = []
        ex.prose[:] = []
        ex.chain[:] = []
        return beats
    # "the last rectangle [1.5, 2]", "over the slice [0, 0.5]", "on the interval [0, 2]": a stretch of the axis, not
    # two boxes
    spans = {(quantity(a), quantity(b)) for a, b in re.findall(
        r"\b(?:over|on|interval|slices?|rectangles?|columns?|strips?|domain|range|between)\s+(?:the\s+)?(?:\w+\s+)?"
        r"\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\]", ex.sentence, re.I)}
    if spans and ex.vectors:
        ex.vectors[:] = [v for v in ex.vectors if not (len(v) == 2 and all(isinstance(x, (int, float)) for x in v)
                                                       and (float(v[0]), float(v[1])) in spans and v[0] < v[1])]
    if ex.vectors and re.search(r"\b(?:for\s+)?[a-zθtxy]\s*(?:in|∈)\s*\[", ex.sentence) and len(ex.vectors[0]) == 2 and any(
            b.kind == "plot" and b.detail_index == i for b in ctx.beats):
        ex.vectors.pop(0)  # ("the bumpy curve y = … for x in [-1, 7]": the plot's range, not a row of boxes)
    if ex.vectors and lists and not_vector and (array_cue or state or previous is not None):
        # (a list only inside the quoted text — "Goal: [1, 2, 4, 5, 8]" — is that text's, not a row of boxes)
        vec = ex.vectors[0]
        result = re.search(r"\bresult(?:\s+is)?\s*:?\s*\[([^\[\]]+)\]", ex.sentence, re.I)
        if result:
            # "Merge [38] and [27, 43]: … Result [27, 38, 43]": the result is what the array becomes
            wanted = [x.strip() for x in result.group(1).split(",")]
            vec = next((v for v in ex.vectors if [_fmt(x) for x in v] == wanted), vec)
            if vec in ex.vectors and vec is not ex.vectors[0]:
                ex.vectors.remove(vec)
                ex.vectors.insert(0, vec)
        tokens = ctx.capped(i, [_fmt(v) for v in vec], 16, "boxes in a row")
        if len(tokens) >= 2:
            ex.vectors.pop(0)
            mode = "process" if cue_unquoted(ex, _PROCESS) else "show"
            label = None
            if state:
                # "Compare 5 and 1: swap them, giving [1, 5, 4, 2, 8]": the new state, captioned with the step
                cap = re.split(r",?\s*\b(?:giving|gives|becomes|resulting in|results in|to get|yielding|leaving)\b",
                               ex.sentence)[0].strip(" ,.:")
                label = cap if 0 < len(cap) <= 60 else None
            strings = tokens + ([label] if label else [])
            return [_beat("sequence", f"sequence:array-{mode}", ex, i, strings, _kw(ex.sentence) + ("array",),
                          tokens=tokens, mode=mode, label=label)]
    # "Write the numbers 1, 2, 3, ..., 50 in a row … and the numbers 100, 99, 98, ..., 51 in a second row": each list a
    # row of its own, the ellipsis drawn where it is written
    rows = [m for m in _NUMBERS_IN_A_ROW.finditer(mask_shown(ex.sentence)) if re.match(
        r"\s*(?:\([^()]*\)\s*)?(?:in|on|as|across|along)\s+(?:a|the|one|two|its|their|a\s+second|another)?\s*(?:\w+\s+)?(?:row|line)\b",
        ex.sentence[m.end():], re.I)] if not_vector else []
    if rows and not cue_unquoted(ex, r"\b(chart|graph|plot|table|grid|cards?)\b"):
        beats = []
        for m in rows[:3]:
            tokens = ["…" if re.fullmatch(r"\.{3}|…", t.strip()) else t.strip() for t in m.group(1).split(",")][:16]
            beats.append(_beat("sequence", "sequence:numbers-in-a-row", ex, i, tokens, _kw(ex.sentence) + ("row",),
                               tokens=tokens, mode="show"))
        ex.prose[:] = []
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return beats
    # "…: 5, 1, 4, 2, 8", or right after the noun: "Draw the row 5, 2, 9, 1, 6, 3"
    numbers = NUMBER_LIST.search(ex.sentence) or _NOUN_LIST.search(ex.sentence) or HOLDING.search(ex.sentence)
    if numbers and any(q.start() < numbers.start(1) < q.end() for q in re.finditer(r"[\"\u201c][^\"\u201d]*[\"\u201d]", ex.sentence)):
        numbers = None  # ('"New: 9, 15, 21, 27"': the numbers of a quoted text are that text's)
    if numbers and array_cue and not_vector and not cue_unquoted(ex, r"\b(chart|graph|plot|table|grid|cards?)\b"):
        # "Display an unsorted list of numbers: 5, 1, 4, 2, 8 as colored boxes"
        tokens = [t.strip() for t in numbers.group(1).split(",")][:16]
        if all(t in ctx.consumed for t in tokens):
            return []  # "Draw 5 cells containing the numbers: 1, 4, 9, 16, 25": drawn as those cells already
        mode = "process" if cue_unquoted(ex, _PROCESS) else "show"
        asked = re.search(r"\b(\d{1,3})\s+(?:\w+\s+)?(?:squares|boxes|cells|elements|numbers|values|items|slots)\b",
                          ex.sentence[:numbers.start()])
        if asked and int(asked.group(1)) != len(tokens):
            # "a row of 10 squares: 2, 5, 8": the values given are drawn, the count they contradict is said
            ctx.lost(i, f"{asked.group(0)} are asked for but {len(tokens)} values are given: the {len(tokens)} "
                     f"values are drawn")
        extra = {}
        idx = re.search(r"\bindi(?:ces|xes)\s+(?:from\s+)?([01])\s+(?:to|through|-|–)\s+\d+", ex.sentence, re.I)
        if idx:
            extra["indices"] = int(idx.group(1))  # "with indices 0 to 6 written under the cells"
        return [_beat("sequence", f"sequence:number-list-{mode}", ex, i, tokens, _kw(ex.sentence) + ("list",),
                      tokens=tokens, mode=mode, **extra)]
    if not (cue_unquoted(ex, r"\b(tokens?|tokeni[sz]\w*)\b") or cue_unquoted(ex, r"\b(words?|sequence|sentence)\b") and cue_unquoted(
            ex, r"\bone (?:at a time|by one)\b|\bgenerat|\bprocess|\bsplit|\bin a row\b|\bpills?\b")) or cue_unquoted(
            ex, r"\b(?:network|" + diagram_nouns() + r")\b"):
        return []
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    last = ctx.beats[-1] if ctx.beats else None
    if (last is not None and last.detail_index == i and last.source == ex.sentence and last.kind == "title"
            and last.rule == "title:first-display" and cue_unquoted(ex, r"\b(tokens?|tokeni[sz]\w*|split)\b")):
        # "Show the sentence "The cat sat" split into tokens" is no title: take its text back
        ctx.beats.pop()
        quoted = [last.params["text"]]
    tokens: list[str] = []
    if len(quoted) >= 2 and all(len(q) <= 24 for q in quoted):
        tokens = used = ctx.capped(i, quoted, 16, "boxes in a row")
    elif len(quoted) == 1 and 2 <= len(quoted[0].split()) <= 16 and cue_unquoted(
            ex, r"\b(tokens?|split|tokeni[sz]\w*|words)\b"):
        tokens, used = quoted[0].split(), quoted[:1]
    if len(tokens) < 2:
        return []
    mode = "show"
    if cue_unquoted(ex, r"\bgenerat\w*|\bappend\w*|\bautoregress\w*|\bpredict\w*|\bproduc\w+ one\b"):
        mode = "generate"
    elif cue_unquoted(ex, _PROCESS):
        mode = "process"
    claim(ex, ctx, used)
    return [_beat("sequence", f"sequence:{mode}", ex, i, tokens, _kw(ex.sentence) + ("token",), tokens=tokens,
                  mode=mode)]


_LIST = re.compile(r"\[((?:\s*(?:-?\d+(?:\.\d+)?|[A-Za-z]{1,3})\s*,)*\s*(?:-?\d+(?:\.\d+)?|[A-Za-z]{1,3})\s*)\]")
_LIST_NAME = re.compile(r"\b((?:left|right|top|bottom|first|second|third|last|output|input|merged|sorted|unsorted|"
                        r"result(?:ing)?|new|old|original|final)\s+(?:list|array|half|group|row|part|sublist))\s*:?\s*$", re.I)


# 'list "A" = [2, 5]', 'B = [1, 7]': the list's own name, written with "=" right before it
_NAMED_LIST = re.compile(r"(?:[\"\u201c]([^\"\u201d]{1,12})[\"\u201d]|\b([A-Z][A-Za-z0-9_]{0,2}))\s*=\s*$")


def _at(sentence: str, bare: str, m: re.Match) -> int:
    """Where the list `m` found in `bare` (the sentence with its quotes blanked) starts in the sentence itself."""
    return m.start() if len(bare) == len(sentence) else max(0, sentence.find(m.group(0)))


def _lists(ex: Extracted) -> list[tuple[str | None, list[str]]]:
    """Every bracketed list of numbers (or one-to-three-letter names) the sentence writes outside its quotes, in order,
    each with the name written just before it ("left list [27, 38]"): [38, 27] and [10] alike."""
    bare = ex.bare if ex.bare else ex.sentence
    out = []
    for m in _LIST.finditer(bare):
        if bare[max(0, m.start() - 1):m.start()] == "[" or bare[m.end():m.end() + 1] == "]":
            return []  # a matrix [[1, 2], [3, 4]]: not lists of boxes
        tokens = [t.strip() for t in m.group(1).split(",")]
        name = _LIST_NAME.search(bare[max(0, m.start() - 40):m.start()])
        named = _NAMED_LIST.search(ex.sentence[:_at(ex.sentence, bare, m)])
        label = (named.group(1) or named.group(2)) if named else (name.group(1)[0].upper() + name.group(1)[1:] if name else None)
        out.append((label, [_fmt(cell_number(t)) if re.fullmatch(r"-?\d+(?:\.\d+)?", t) else t for t in tokens][:16]))
    return out


def _sequence_operation(ex: Extracted, ctx: Context, i: int, previous: Beat) -> list[Beat]:
    """On the sequence on screen: step through it ("Animate a pointer moving … one at a time"). Pointers at its
    cells ("pointers "low" at index 0 and "high" at index 9") are `rules_array`'s."""
    if cue_unquoted(ex, _PROCESS) and not ex.quoted:
        if previous.source == ex.sentence:  # recalled by this very sentence: draw it stepping through
            ctx.replace(previous, Beat("sequence", dict(previous.params, mode="process"), previous.strings,
                                       previous.rule + "+process", previous.source, previous.detail_index,
                                       previous.keywords), i)
            return []
        tokens = [str(t) for t in previous.params.get("tokens") or []]
        if 2 <= len(tokens) <= 12:
            # "Move a pointer from the first box to the last box, one box at a time, highlighting each box": each box
            # of the row lit in turn (never the last text drawn)
            return [_beat("highlight", "highlight:step-through", ex, i, (), _kw(ex.sentence), target=tokens[0], item=k)
                    for k in range(1, len(tokens) + 1)]
        return [_beat("highlight", "highlight:step-through", ex, i, (), _kw(ex.sentence), target=None, mode="pulse")]
    return []


# ----------------------------------------------------------------------------- timeline
_DATE = r"(?:\d{1,4}\s*(?:BCE?|CE|AD)?|\d{3,4}s|(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+)?\d{4})"


def rule_timeline(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show a horizontal timeline with the following events: 1440 "Gutenberg builds his press", 1455 "…"":
    dated events in order — a flow of boxes for up to four, a Year/Event table for more."""
    if not cue_unquoted(ex, r"\btime ?lines?\b|\bchronolog\w*|\bmilestones\b|\bkey dates\b|\bhistory of\b"):
        return []
    events = [(m.group(1).strip(), match_text(m, 2)) for m in re.finditer(r"\b(" + _DATE + r")\s*(?::|-|–|—|,)?\s*" + Q, ex.sentence)]
    if len(events) < 2:
        events = [(match_text(m), m.group(3).strip()) for m in re.finditer(Q + r"\s*\(?\s*(?:in\s+)?(" + _DATE + r")\s*\)?",
                                                                   ex.sentence)]
    if len(events) < 2:
        return []
    events = events[:8]
    claim(ex, ctx, [e for _, e in events])
    if len(events) <= 4:
        nodes = [f"{d}: {e}" for d, e in events]
        return [_beat("flow", "flow:timeline", ex, i, nodes, _kw(ex.sentence), nodes=nodes, direction="right")]
    rows = [[d, e] for d, e in events]
    strings = ["Year", "Event"] + [x for r in rows for x in r]
    return [_beat("table", "table:timeline", ex, i, strings, _kw(ex.sentence), columns=["Year", "Event"], rows=rows)]
