"""Rules for text: bullet lists (from list items, "list three points: …", labelled givens), the fallback
that draws the text a sentence quotes when no other rule drew it, and — only when nothing else drew
anything for the sentence — a remark or the noun phrase a sentence names. Instruction prose is never
drawn: only the text the details quote, and an SB3xx warning says what was not understood.
"""

from __future__ import annotations

import re
from .beats import Beat
from .context import Context, _beat, _cue, _has, _kw, since_clear
from .extract import Extracted, mask_shown
from .knowledge import (PLACE_WORDS, action_verbs, described_changes, instruction_verbs, picture_objects, list_heads,
                        list_nouns, pacing_words, picture_words, unwritten_text_nouns, visual_parts_named, without_place)
from .theme import COLOUR_RE, colour_value
from .rules_equation import counted, quoted_formula


_LIST_ANNOUNCED = re.compile(r"\b(?:a|the)\s+(?:short\s+|small\s+|bulleted\s+|numbered\s+)?list\s+of\s+(?:the\s+)?[\w-]+"
                             r"(?:\s+[\w-]+)?\s+(?:appears?|is\s+(?:shown|built|revealed)|fades?\s+in|builds?\s+up)\b|"
                             r"^\s*(?:show|display|reveal|list)\s+(?:a\s+|the\s+)?(?:short\s+)?list\s+of\s+[\w\s-]{1,30}\.?\s*$",
                             re.I)
_ITEM_LINE = re.compile(r"^\s*(?:(?:text|item|point|bullet)\s*:\s*)?[\"\u201c][^\"\u201d]+[\"\u201d]\s*\.?\s*$", re.I)


def _announced_list(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"On the right a list of the facts appears one line at a time." then 'Text: "1% of people …"' lines: one
    list, its items the quoted lines that follow the sentence announcing it."""
    said = ctx.announced.get("bullets")
    if said is not None and said[1].get("last") == i - 1 and _ITEM_LINE.match(ex.sentence) and len(ex.quoted) == 1:
        item = ex.quoted[0]
        said[1]["last"] = i
        ctx.consumed.add(item)
        ctx.stop = True
        beat = said[1].get("beat")
        if beat is not None and beat in ctx.beats:
            items = list(beat.params["items"]) + [item]
            new = Beat("bullets", {**beat.params, "items": items[:12]}, beat.strings + (item,), beat.rule, beat.source,
                       beat.detail_index, beat.keywords)
            ctx.replace(beat, new, i)
            said[1]["beat"] = new
            return []
        new = _beat("bullets", "bullets:announced-list", ex, i, [item], _kw(item), items=[item], style="dot")
        said[1]["beat"] = new
        said[1]["unfinished"] = ""
        return [new]
    if said is not None and said[1].get("beat") is not None:
        del ctx.announced["bullets"]  # the list ended with the sentence before this one
    if not ex.quoted and not ex.prose and _LIST_ANNOUNCED.search(ex.sentence):
        ctx.announced["bullets"] = (i, {"last": i, "unfinished": "the list it announces is never given its items"})
        ctx.modified.add(i)
        return []
    return None


_COUNTER = re.compile(r"\b(?:counter|readout|read-out|tally|score(?:board)?|timer|meter|clock|live\s+(?:value|label|text))\b",
                      re.I)


def rule_counter(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show a small counter "terms: 1", "terms: 2", "terms: 3" as each term is added", "a counter "comparisons: 8" that
    updates to "comparisons: 14"": one text that changes in place, state after state — not a list of its states."""
    step = _COUNTER_STEP.match(ex.sentence)
    if step:
        return _counter_step(ex, ctx, i, step.group(1))
    if not _COUNTER.search(ex.bare or "") or len(ex.quoted) < 2:
        return []
    if re.search(r"\bone\s+(?:line|row|entry)\s+(?:per|for\s+each|for\s+every)\b|\bone\s+per\s+line\b", ex.bare or "", re.I):
        return []  # "show the tally, one line per k:" then its lines: all of them, one under the other — a list
    if re.search(r"\b(?:fade|remove|clear|hide|erase|delete)\w*\s+(?:out\s+)?(?:the\s+)?(?:\w+\s+)?(?:" + _COUNTER.pattern + r")",
                 ex.bare or "", re.I):
        return []  # ("Then fade the tally out and write the answer "5050" …, followed by the caption …": the counter ends)
    states = [q for q in ex.quoted if q not in ctx.consumed]

    def head(q: str) -> str:
        return re.sub(r"[-+−]?\d[\d.,]*\s*\S{0,3}\s*$", "", q).strip()

    counted = [q for q in states if re.search(r"\d", q)]
    common = max({head(q) for q in counted}, key=lambda h: sum(head(q) == h for q in counted), default="")
    same = [q for q in counted if head(q) == common]
    if common and len(same) >= 2 and len(same) < len(states):
        states = same  # 'Text above the row: "Find 80". … a counter "Comparisons: 1" … up to "Comparisons: 7"'
    heads = {head(q) for q in states}
    named = _COUNTER.search(ex.sentence)
    listed = [q for q in states if named and ex.sentence.find(q, named.end()) >= 0]
    # 'Show a counter on the right: "n = 8: 0.1680", "n = 16: 0.1670", …': the states written after the counter
    updates = re.search(r"\b(?:updat\w*|chang\w*|goes|going|count(?:s|ing|ed)?|tick\w*|climb\w*|ris\w*|grow\w*)\b",
                        ex.bare, re.I) or (len(listed) == len(states) and len(listed) >= 2)
    if len(states) < 2 or len(states) > 8 or not all(re.search(r"\d", q) for q in states) or not (
            len(heads) == 1 or updates):
        return []
    out, before = [], None
    for q in states:
        params = {"text": q, "role": "note", **({"replaces": before} if before else {})}
        out.append(_beat("text", "text:counter", ex, i, [q], _kw(q), **params))
        before = q
    ctx.consumed.update(states)
    ctx.stop = all(q in ctx.consumed for q in ex.quoted)
    return out


_PANEL = re.compile(r"\b(?:comparison\s+|info\s+|status\s+|side\s+)?panel\b", re.I)


def rule_panel(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """A panel whose text changes: 'comparison panel shows "Tree is empty -> 50 becomes the root"', then 'Panel:
    "30 < 50 -> go left"', then 'Insert 70: "70 > 50 -> go right"': each new line takes the place of the one before
    (one panel, not a growing pile of lines). After the first, a quoted step (an arrow or a comparison in it) in a
    sentence that puts it nowhere else is the panel's too."""
    if not ctx.mentions(r"\bpanel\b") or ctx.mentions(r"\bpanels\b|\bpanel\s+\d|\beach\s+panel\b|\b(?:left|right)\s+panel\b"):
        return []  # ("Panel 1 label: …", "Panel 2 label: …": several panels side by side, each its own)
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not quoted:
        return []
    before = next((b.params.get("text") for b in since_clear(ctx) if b.rule == "text:panel"), None)
    explicit = re.search(_PANEL.pattern + r"[^\"\u201c]{0,24}[\"\u201c]", ex.sentence, re.I)
    elsewhere = re.search(r"\b(?:at\s+the\s+(?:bottom|top)|title|heading|caption|label(?:led)?|below|under|above|box)\b",
                          ex.bare or "", re.I)
    if explicit is None:
        if before is None or elsewhere or not all(re.search(r"->|→|[<>=≤≥]", q) for q in quoted):
            return []
    else:
        quoted = [q for q in quoted if ex.sentence.find(q) > explicit.start()]
    out = []
    for q in quoted:
        out.append(_beat("text", "text:panel", ex, i, [q], _kw(q), text=q, role="note",
                         **({"replaces": before} if before else {})))
        before = q
    ctx.consumed.update(quoted)
    ctx.stop = all(q in ctx.consumed for q in ex.quoted) and not re.search(r"\binsert\w*\b|\bplace\b|\bmove\w*\b",
                                                                             ex.bare or "", re.I)
    return out


_COUNTER_STEP = re.compile(r"^\s*(?:then\s+)?(?:the\s+)?(?:counter|tally|score|count)\s*(?::|→|->|=|goes\s+to|becomes|"
                           r"updates\s+to|increases\s+to|ticks\s+to)\s*([-+−]?\d[\d.,]*)\s*\.?\s*$", re.I)


def _counter_step(ex: Extracted, ctx: Context, i: int, value: str) -> list[Beat]:
    """"Counter: 1." after 'a counter "Comparisons: 0"': the counter on screen shows the new value in place —
    never a second line "Counter: 1."."""
    def counter_text(b: Beat) -> str | None:
        t = str(b.params.get("text", ""))
        if b.kind != "text" or not re.fullmatch(r"[^\d\n]{1,40}?[-+−]?\d[\d.,]*", t):
            return None
        named = re.search(r"\b(?:counter|tally|score|readout)\b[^\"\u201c]{0,20}[\"\u201c]" + re.escape(t), b.source or "", re.I)
        return t if (named or b.rule == "text:counter") else None

    old = next((t for b in since_clear(ctx) for t in [counter_text(b)] if t), None)  # (newest first)
    if old is None:
        return []
    new = re.sub(r"[-+−]?\d[\d.,]*$", value.rstrip("."), old)
    ctx.stop = True
    return [_beat("text", "text:counter", ex, i, [new], _kw(new), text=new, role="note", replaces=old)]


_LIST_HEAD = re.compile(r"\b(?:bullet(?:ed)?|bullet[- ]points?|summary|checklist|takeaways?|key\s+(?:points?|ideas?)|recap|list)\b",
                        re.I)


def _log_lines(block: str) -> list[str]:
    """The first run of three or more lines under a head that each say what happens at a step with an arrow and words
    ("3 vs 9 → take 3", "L is empty → copy 82") — no formulas (no "="), no rows of cells; [] when there is none."""
    run: list[str] = []
    for ln in (x.strip() for x in block.splitlines()):
        if ln and re.search(r"→|->|=>", ln) and not re.search(r"[=|]", ln.replace("=>", "")) and re.search(
                r"[A-Za-z]{2,}", ln) and len(ln) <= 80 and not re.search(r"(?:→|->)\s*[-−]?\d[\d.,]*\s*%?\s*$", ln) \
                and not re.search(r"\][ \t]*(?:→|->)", ln):
            # ("bucket 1: [15: Eli] → [22: Ben] → null": a chain of nodes, the graph's, not a step of a log)
            # ("person 2: × 364/365 → 0.9973": a calculation whose arrow gives its value, not a step of a log)
            run.append(ln)
        elif len(run) >= 3:
            break
        else:
            run = []
    # ('"1: parallel → through F′"' one a line: the quoted line, without its quotes — the same item the quotes give)
    run = [re.sub(r'^[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]\s*[.,;]?$', r"\1", ln) for ln in run]
    return run[:12] if len(run) >= 3 else []


def _number_rows(block: str) -> list[str] | None:
    """Three or more lines (up to 10) of whole numbers between spaces, and nothing else: rows of numbers as written."""
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    if not 3 <= len(lines) <= 10 or not all(re.fullmatch(r"\d{1,6}(?:[ \t]+\d{1,6}){0,12}", ln) for ln in lines):
        return None
    return [" ".join(ln.split()) for ln in lines]


def rule_list_block(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Summary list at the bottom:" then its items, one per line: a list — read before any picture or formula rule
    sees the words of its items ("Follow the tangent line to the x-axis" draws no axes, "Update: x_{n+1} = …" is an
    item, typeset in the list)."""
    block = re.search(r":[ \t]*\n(.+)$", ex.sentence, re.S)
    if not block:
        return []
    rows = _number_rows(block.group(1))
    if rows:
        # "show the rows 0 to 5 of Pascal's triangle, each row centered:" then "1", "1 1", "1 2 1", …: the rows as
        # written, one under the other, centred — never a row of boxes made of two of their numbers
        ctx.consumed.update(rows)
        ctx.stop = True
        text = "\n".join(rows)
        return [_beat("text", "text:number-rows", ex, i, [text] + rows, ("numbers", "rows"), text=text, align="center")]
    log = _log_lines(block.group(1))
    listed = _LIST_HEAD.search(mask_shown(ex.sentence[:block.start()])) is not None
    if log and not listed:
        # "Step by step, compare …, show the comparison text on the right …:" then "3 vs 9 → take 3", "27 vs 9 → take
        # 9", …: a log of what happens, one line per step, shown in turn (the lines after it are read as usual)
        ctx.consumed.update(log)
        if any(re.search(r"\[[^\[\]]+\]", ln) for ln in log):
            ex.vectors[:] = []  # ("cat → [4, 1]": the lines' brackets are written in them, not rows of boxes too)
            ctx.stop = len(log) == len([x for x in block.group(1).splitlines() if x.strip()])
        return [_beat("bullets", "bullets:log-lines", ex, i, log, sum((_kw(x) for x in log), ()), items=log, style="dot")]
    if not listed:
        return []
    if re.search(r"\b(?:derivation|steps|calculation|table|code|rows?|columns?)\b", ex.sentence[:block.start()], re.I):
        return []  # ("a list of the steps:" then formula lines is a derivation; rows are a table's)
    lines = [ln.strip() for ln in block.group(1).splitlines() if ln.strip()]
    if len(lines) < 2 or any(re.search(r"\s\|\s", ln) or ln.count("|") >= 3 for ln in lines) or all(
            re.search(r"[=≈]", ln) and len(re.findall(r"[A-Za-z]{3,}", ln)) <= 1 for ln in lines):
        return []  # (rows of cells; a column of formulas)
    if not _list_lines(ex, ctx, i):
        return []  # (quoted items are read as any quoted strings: formulas, a derivation, a sentence)
    beats = rule_bullets(ex, ctx, i)
    if beats:
        ctx.stop = True
    return beats


_IN_TURN = re.compile(r"^\s*(?:then\s+)?(?:the|its|their|all)\s+(?:\w+\s+)?(?:bullets?|items?|lines?|points?|steps?|entries)\s+"
                      r"(?:appear|come\s+in|are\s+(?:revealed|shown|written|added)|fade\s+in|animate\s+in)\s+(?:one\s+(?:at\s+a\s+"
                      r"time|by\s+one|after\s+(?:another|the\s+other))|in\s+turn|line\s+by\s+line|successively)\s*\.?\s*$", re.I)


def rule_bullets(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if _IN_TURN.match(ex.sentence) and any(b.kind in ("bullets", "steps", "code", "table") for b in since_clear(ctx)):
        ctx.modified.add(i)  # "The bullets appear one at a time.": the list on screen does (its items come in turn)
        ctx.stop = True
        return []
    announced = _announced_list(ex, ctx, i)
    if announced is not None:
        return announced
    lines = _list_lines(ex, ctx, i)
    if lines:
        # "Show three bullet points:" then "- The base rate matters", "- …": the items under it, one point each
        ctx.consumed.update(lines)
        if len(lines) > 12:
            ctx.lost(i, f"{len(lines)} items; only the first 12 are drawn")
        return [_beat("bullets", "bullets:lines-after-colon", ex, i, lines[:12], sum((_kw(x) for x in lines[:12]), ()),
                      items=lines[:12], style="numbered" if _has(ex, r"\b(?:numbered|ordered)\b") else "dot")]
    headings = list(re.finditer(r'(?:titled|headed|called)\s+"([^"]+)"', ex.sentence, re.I))
    if len(headings) >= 2:
        # "a list titled "A" with …, followed by a second list titled "B" with …": one list per heading
        beats: list[Beat] = []
        for k, h in enumerate(headings):
            end = headings[k + 1].start() if k + 1 < len(headings) else len(ex.sentence)
            part = Extracted(ex.sentence[h.start():end])
            part.quoted = [m.group(1) for m in re.finditer(r'"([^"]+)"', part.sentence)]
            beats += _bullets_from(part, ctx, i, source=ex)
        return beats
    return _bullets_from(ex, ctx, i, source=ex)


def _list_lines(ex: Extracted, ctx: Context, i: int) -> list[str]:
    """The lines under a colon line that names a list ("Show three bullet points:", "List the steps:"), when no other
    rule drew them and they are not quoted (quoted items are read as any quoted list)."""
    block = re.search(r":[ \t]*\n(.+)$", ex.sentence, re.S)
    if not block or any(q not in ctx.consumed for q in ex.quoted) or any(
            b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        return []
    nouns = "|".join(re.escape(n) for n in list_nouns())
    if not re.search(r"\b(?:" + nouns + r")s?\b|\bbulleted\b|\blist\b|\b(?:" + list_heads() + r")\b",
                     ex.sentence[:block.start()], re.I):
        return []  # ("Step-by-step log on the right side, one line per step:" names a list too)
    lines = [ln.strip() for ln in block.group(1).splitlines() if ln.strip()]
    return [] if len(lines) < 2 or any(ln in ctx.consumed for ln in lines) else lines


_NOUN_STOP = {"the", "a", "an", "and", "or", "with", "its", "each", "label", "labels", "show", "display", "draw", "then",
              "to", "form", "of", "on", "in", "at", "for", "as", "by", "two", "three", "both", "while", "also"}


_NOT_NOUNS = {"it", "them", "they", "this", "that", "these", "those", "one", "ones", "about", "happens", "there", "here",
              "so", "then", "now", "again", "taller", "shorter", "wider", "higher", "lower", "differently", "each", "other"}


_ADVERB = re.compile(r"(?:al|e|i|ful|t|ous|ive|ent|ant|ic|ar|ck|ow)ly$", re.I)  # vertically, differently (not supply)


def _a_noun(word: str) -> bool:
    """Whether a word before a quoted label can name what the label belongs to (not "it", "vertically", "K")."""
    w = word.lower()
    return len(w) >= 3 and w not in _NOT_NOUNS and not _ADVERB.search(w)


def _labelled(ex: Extracted, items: list[str]) -> list[tuple[str, str]] | None:
    """"legs labeled "a = 3" and "b = 4" and the hypotenuse labeled "c = 5"", "Label the reactants "Inputs"
    and the products "Outputs"": (what, label) pairs — the quoted strings name parts of something."""
    s = ex.sentence
    label_verb = re.match(r"^\s*(?:then\s+)?(?:label|name|mark|tag)\b", s, re.I) is not None
    pairs: list[tuple[str, str]] = []
    pos, noun, named = 0, "", 0
    for m in re.finditer(r"[\"\u201c]([^\"\u201d]{1,80})[\"\u201d]", s):
        q = m.group(1).strip()
        before = s[pos:m.start()]
        pos = m.end()
        if q not in items:
            continue
        sym = re.search(r"(\S{1,12})\s+(?:is|are|=|means|represents|stands for)\s+(?:the\s+|a\s+|an\s+)?$", before)
        if sym and not re.fullmatch(r"(?:it|this|that|which|what)", sym.group(1), re.I):
            named += 1
            pairs.append((sym.group(1).strip(",;:"), q))  # "P(A) is the "prior""
            continue
        verb = re.search(r"\b(?:labell?ed|called|named|marked|tagged)\s*(?:as\s+)?:?\s*$|\b(?:arrow|box|node|circle|dot|"
                         r"point|line|layer|block|sphere|card|vector|pointer|marker|sign|tag)s?\s*$", before, re.I)
        if verb or label_verb:
            named += 1
        said = re.sub(r"\b(?:labell?ed|called|named|marked|tagged)\b", " ", before, flags=re.I)
        said = re.sub(r"\([^()]*\)", " ", said)  # ("the lower part (about 46 percent) labelled …": an aside, no name)
        place = re.search(r"\s(?:on|at|in|to|near|towards?)\s+(?:the\s+)?([a-z -]{2,30}?)[\s,]*$", said, re.I)
        if place and set(re.findall(r"[a-z]+", place.group(1).lower())) <= picture_words() | {"far", "hand"}:
            said = said[:place.start()]  # "a rocket on the left labeled …": the rocket's label, not the left's
        words = re.findall(r"[A-Za-z][\w-]*", said)
        tail = []
        for w in reversed(words):
            if w.lower() in _NOUN_STOP:
                break
            tail.insert(0, w)
        if tail and (verb or label_verb):
            kept = [w for w in tail if not _ADVERB.search(w)]  # "stacked vertically: top …": no adverb in a name
            noun = " ".join(kept[-2:])
            if not kept or not _a_noun(kept[-1]):
                noun = ""  # "… show it labeled "local minimum"", "… as it happens: …": no name to give the label
        pairs.append((noun, q))
    if named < 1 or len(pairs) < 2:
        return None
    return pairs


def _describes_change(text: str) -> bool:
    """"N₂ and H₂ shrink a little, NH₃ grows a little", "bucket 1 holds 22", "30° (blue), 45° (gold), 60° (green)",
    "2, 1, 3 in blue cells": how things on screen change, what they hold or how they are coloured — a description
    of the picture, not a caption."""
    if re.search(r"\b(?:" + described_changes() + r")\b", text, re.I):
        return True
    return len(COLOUR_RE.findall(text)) >= 2 or bool(re.search(r"\bin\s+(?:an?\s+)?(?:" + COLOUR_RE.pattern + r")\s+\w+", text, re.I))


def _describes_picture(text: str) -> bool:
    """Whether a phrase says where things are or what they look like (picture words, coordinates)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & picture_words()) or bool(re.search(r"\(\s*-?\d+(?:\.\d+)?\s*,\s*-?\d|\bat\s+[xy]\s*=", text))


def _bullets_from(ex: Extracted, ctx: Context, i: int, source: Extracted) -> list[Beat]:
    # ('a few rows of random digits then "..."': an ellipsis in quotes is how the picture ends, no item of its own)
    items = [q for q in ex.quoted if q not in ctx.consumed and re.search(r"[^\s.…·,]", q)]
    dots = [q for q in ex.quoted if q not in ctx.consumed and not re.search(r"[^\s.…·,]", q)]
    if dots and items:
        ctx.consumed.update(dots)
        ctx.lost(i, f"what ends with {dots[0]!r} is not drawn: only its labels are shown")
    tinted = {q: colour_value(m.group(1)) for q in items for m in [re.search(
        re.escape(f'"{q}"') + r"\s+in\s+(" + COLOUR_RE.pattern + r")\b", ex.sentence, re.I)] if m and colour_value(m.group(1))}
    if len(items) >= 2 and len(tinted) >= 2 and all(quoted_formula(q) for q in items):
        # 'Show candidates: "e = 2? gcd(2, 20) = 2, no" in red, "e = 3? gcd(3, 20) = 1, yes" in green': each line in
        # its own colour — one under the other, not the lines of one derivation
        ctx.consumed.update(items)
        return [_beat("equation", "equation:quoted-math", source, i, [q], _kw(q), exprs=[q],
                      **({"color": tinted[q]} if q in tinted else {})) for q in items]
    if len(items) >= 2 and all(quoted_formula(q) for q in items) and not _cue(
            source, r"\blist(?:ed|s)?\b|\bconstants\b|\bgiven\s+values\b|\btally\b|\bone\s+(?:line|row)\s+(?:per|for\s+each)\b"):
        # "Show the calculation: 'd^2 = 3^2 + 4^2', 'd^2 = 9 + 16 = 25', 'd = sqrt(25) = 5'": a derivation (not "the
        # constants listed underneath: "h = 6.626 × 10⁻³⁴ J·s", "c = 3.00 × 10⁸ m/s"": a list of values)
        ctx.consumed.update(items)
        return [_beat("steps", "steps:quoted-formulas", source, i, items, sum((_kw(q) for q in items), ()),
                      lines=items[:8])]
    list_cue = _cue(source, r"\b(list|lists|bullets?|items|points|checklist|numbered|recap|summary|steps)\b")
    if len(items) >= 2 and all(re.fullmatch(r"[-−]?[\d,.]+\s*(?:π|%)?", q) for q in items) and any(
            b.detail_index == i and b.kind in ("plot", "number_line") and not b.params.get("extend") for b in ctx.beats) \
            and not list_cue:
        # 'x axis … with a logarithmic scale from 10 to 1,000,000 (labels "10", "100", …)': numbers of the axes the
        # sentence draws — not a list beside them; what the axes cannot show is said
        ctx.consumed.update(items)
        ctx.lost(i, f"the axis numbers {', '.join(items[:6])} are not written as given: the axes show their own ticks"
                 + (" on a linear scale" if re.search(r"\blog(?:arithmic)?[- ]?scale\b", source.sentence, re.I) else ""))
        return []
    panels = next((b for b in since_clear(ctx) if b.kind == "comparison"), None)
    if panels is not None and len(items) == len(panels.params.get("titles") or []) and not list_cue and _has(
            source, r"\b(?:under|below|beneath|above|in|for|of)\s+each\s+(?:of\s+the\s+)?(?:\w+\s+)?(?:panels?|columns?|sides?|"
                    r"halves|boxes|parts)\b"):
        # "Under each panel show a one word verdict: "positive", "zero", "negative"": the columns' captions
        ctx.replace(panels, Beat("comparison", dict(panels.params, captions=list(items)),
                                 panels.strings + tuple(items), panels.rule + "+captions", panels.source,
                                 panels.detail_index, panels.keywords), i)
        ctx.consumed.update(items)
        ctx.stop = True
        return []
    if len(items) >= 2 and not list_cue:
        # (a formula written in TeX is typeset on its own, never run into a caption as its source)
        # (nor one written after another: '"P(A | B) = 0.16" followed by the line "about 16 in 100"' are two lines)
        one_after = re.search(r"[\"\u201d]\s*,?\s*(?:and\s+)?(?:then|followed\s+by|after\s+(?:it|that))\b", ex.sentence, re.I) or \
            re.search(r"\b(?:the\s+)?(?:relation|formula|equation|law|identity)\s*:?\s*[\"\u201c]", ex.sentence, re.I)
        # ('… labeled "F", and write next to it the relation "P = F / A"': the relation is a formula of its own)
        pairs = _labelled(ex, items) if not any(re.search(r"\\[A-Za-z]{2,}", q) for q in items) and not one_after else None
        if pairs:
            # names of parts of something no component draws: one caption "Legs: a = 3, b = 4 · Hypotenuse: c = 5"
            groups: list[tuple[str, list[str]]] = []
            for noun, q in pairs:
                if groups and groups[-1][0] == noun:
                    groups[-1][1].append(q)
                else:
                    groups.append((noun, [q]))
            parts = []
            for noun, qs in groups:
                if noun and re.search(r"\b(?:top|middle|bottom|left|right|upper|lower|first|second|third|stacked|"
                                      r"vertically|horizontally|length|width|height|thickness|size|radius)$", noun.lower()):
                    parts.append(", ".join(qs))  # ("… stacked vertically: top labeled "x"": where it is, not a name)
                elif noun and re.fullmatch(r"(?:box|boxe|rectangle|square|circle|node|shape|line|arrow|label|text)s?", noun.lower()):
                    # 'a box labeled "Eve" … and a text "sees everything"': the name of a shape not drawn (said by
                    # SB307), never written as "Box: Eve" on screen
                    parts.append(", ".join(qs))
                elif noun and not all(q.lower().startswith(noun.lower()) for q in qs):
                    parts.append(f"{noun[0].upper() + noun[1:]}: {', '.join(qs)}")
                else:
                    parts.append(", ".join(qs))
            text = "   ·   ".join(parts)
            ctx.consumed.update(items)
            ctx.lost(i, f"the labels {', '.join(repr(q) for q in items[:6])} are not placed on what they name: they "
                        "are written together as one caption")
            return [_beat("text", "text:labels", source, i, [text], sum((_kw(q) for q in items), ()), text=text,
                          role="note")]
        if len(items) == 2 and _has(source, r"^\s*(?:then\s+)?(?:display|show|write)\b") and not re.search(
                r"\b(?:two|both)\b", source.bare.lower()) and all(re.search(r"[:=]|\d", q) for q in items):
            # "Display "New price: $5" and "New quantity: 120"": two statements, one under the other
            ctx.consumed.update(items)
            return [_beat("equation", "equation:quoted-math", source, i, [q], _kw(q), exprs=[q]) if quoted_formula(q)
                    else _beat("text", "text:quoted-string", source, i, [q], _kw(q), text=q) for q in items]
        if len(items) <= 3 and all(len(re.findall(r"[a-z]{2,}", q)) >= 4 and not quoted_formula(q) for q in items) and re.search(
                r"\b(?:then|after(?:wards)?|later|next|followed by|once)\b", source.bare, re.I) and not re.search(
                r"\b(?:two|three|both)\b", source.bare.lower()):
            # 'Show the text "hot particles vibrate more …" below the grid and then "the particles stay in place, the
            # energy moves"': sentences shown one after the other, not the items of a list
            ctx.consumed.update(items)
            role = "note" if _has(source, r"\bnote|caption\b") else None
            return [_beat("text", "text:quoted-in-turn", source, i, [q], _kw(q), text=q, role=role) for q in items]
    if len(items) >= 2 and all(re.fullmatch(r"\s*[✓✔✗✘×✅❌]\s*", q) for q in items):
        # 'put a red cross "✗" next to the left entry and a green check "✓" next to the right': marks beside entries
        ctx.consumed.update(items)
        ctx.lost(i, f"the marks {', '.join(items)} are not placed beside each entry")
        return []
    formulas = [q for q in items if quoted_formula(q)]
    one_per_line = re.search(r":[ \t]*\n(?:[ \t]*[\"\u201c][^\n]*\n?){2,}$", source.sentence) is not None
    if len(items) >= 2 and not list_cue and formulas and len(formulas) < len(items) and len(items) <= 4 and not one_per_line:
        # 'Label the parallelogram "area 10" and show "\\det(A) = 4 \\cdot 6 - 7 \\cdot 2 = 10"': a label and a formula,
        # each drawn as what it is — not two items of one list
        ctx.consumed.update(items)
        return [_beat("equation", "equation:quoted-math", source, i, [q], _kw(q), exprs=[q]) if q in formulas
                else _beat("text", "text:quoted-string", source, i, [q], _kw(q), text=q) for q in items]
    if 2 <= len(items) <= 4 and not list_cue and all(len(q.split()) <= 4 and not quoted_formula(q) for q in items) and _has(
            source, r"\blabell?(?:ed|ing|s)?\b|\b(?:under|below|beneath|above|over|beside|next to|on|at|for)\s+(?:each|every)\b"):
        # "three pendulums … labelled "T = 1.00 s", "T = 2.01 s" and "T = 4.01 s"", "the bars labelled "A", "B"": labels
        # of things in the picture, not the items of a list — one line of them
        ctx.consumed.update(items)
        if any(re.search(r"[=<>≈]|\d", q) for q in items):
            # values ("Client ISN = 1000"): each a label of its own, typeset in place
            return [_beat("text", "text:label", source, i, [q], _kw(q), text=q) for q in items]
        text = "   ·   ".join(items)
        ctx.lost(i, f"the labels {', '.join(repr(q) for q in items)} are not placed on what they name: they are "
                    "written together as one caption")
        return [_beat("text", "text:labels", source, i, [text], sum((_kw(q) for q in items), ()), text=text,
                      role="note")]
    boxed = re.search(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?box\s+(?:with|containing|holding)\s+(?:the\s+)?(?:two|three|four|\d)"
                      r"\s+lines\b", source.bare, re.I)
    if boxed and 2 <= len(items) <= 4 and not any(quoted_formula(q) for q in items):
        # "Below, show an answer box with two lines: "…" "…"": the lines together, one under the other, in a box
        ctx.consumed.update(items)
        text = "\n".join(items)
        return [_beat("text", "text:boxed-lines", source, i, [text], sum((_kw(q) for q in items), ()), text=text),
                _beat("highlight", "highlight:boxed-lines", source, i, (), _kw(text), target=text, mode="box")]
    if len(items) == 2 and not list_cue and not re.search(r"\b(?:items?|points?|bullets?|list)\b", source.bare, re.I):
        # 'Under the table show the tally: "Stay wins 1 of 3" and "Switch wins 2 of 3"': two lines, one under the
        # other — not a list of two
        ctx.consumed.update(items)
        return [_beat("equation", "equation:quoted-math", source, i, [q], _kw(q), exprs=[q]) if quoted_formula(q)
                else _beat("text", "text:quoted-pair", source, i, [q], _kw(q), text=q) for q in items]
    if len(items) >= 2 and (list_cue or len(items) >= 2):
        heading = None
        m = re.search(r"(?:titled|headed|called)\s+\"([^\"]+)\"", ex.sentence, re.I)
        if m and m.group(1) in items:
            heading = m.group(1)
            items = [x for x in items if x != heading]
        style = "dot"
        if all(re.match(r"^\s*[✓✔]", x) for x in items):
            style = "check"
        elif all(re.match(r"^\s*[✗✘×]", x) for x in items):
            style = "cross"
        elif _has(ex, r"\bnumbered\b") or counted(items):
            style = "numbered"
        # only a list marker goes: "1. Pick" -> "Pick"; a quantity stays whole ("2 A" is two amperes)
        marker = r"\d+[.)]?" if counted(items) else r"\d+[.)]"
        clean = [re.sub(r"^\s*(?:[✓✔✗✘×•-]|" + marker + r")\s+", "", x) if style != "dot" else x for x in items]
        if style == "dot" and all(re.match(r"\s*[•▪◦‣*-]\s+\S", x) for x in items):
            clean = [re.sub(r"^\s*[•▪◦‣*-]\s+", "", x) for x in items]  # '"• Each nucleus …"': the list draws its dots
        ctx.consumed.update(items + ([heading] if heading else []))
        prose = source.bare or mask_shown(source.sentence)  # (what the sentence says outside its quotes)
        drawn = set(re.findall(r"[a-z]+", prose.lower())) & (picture_objects() - {"line", "lines"})  # lines of text
        if not list_cue and (drawn or re.search(r"\b(?:" + described_changes() + r")\b", prose, re.I)) and not any(
                k == i for k, _ in ctx.losses):  # (what is lost already said, one note at a time)
            # 'the balloon circle grows from radius 1.0 ("2.0 L") to radius 1.14 ("3.0 L")': the picture is not
            # drawn — its labels are listed, and that is said (SB307)
            ctx.lost(i, "the quoted labels are listed apart: the picture the sentence describes is not drawn with them")
        return [_beat("bullets", "bullets:" + ("list-cue" if list_cue else "several-quoted"), source, i,
                      ([heading] if heading else []) + clean, sum((_kw(x) for x in clean), ()),
                      items=clean, title=heading, style=style)]
    return []


def _capital(phrase: str) -> str:
    """A caption's phrase with a capital letter — a word ("bases" -> "Bases"), never a symbol ("w2 = -1", "x")."""
    return phrase[0].upper() + phrase[1:] if re.match(r"[a-z]{2,}\b(?!\s*[=_^(])", phrase) else phrase


_LABEL_IT = re.compile(r"\s*(?:and\s+|then\s+)?(?:label|name|call)\s+(?:it|this|that)(?:\s+as)?\s*:?\s*[\"\u201c][^\"\u201d]+"
                       r"[\"\u201d]\s*\.?\s*", re.I)


def rule_text_fallback(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    rest = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed]
    last = [b for b in ctx.beats if ctx.beats and b.detail_index == ctx.beats[-1].detail_index]
    if len(rest) == 1 and any(rest[0] in b.strings for b in last) and _LABEL_IT.fullmatch(ex.sentence):
        # "Draw the vector v = [3, 2] …" then "Label it "v"": the arrow already carries that name — not written twice
        ctx.consumed.add(rest[0])
        ctx.modified.add(i)  # (understood: the name is on screen)
        return []
    beats = []
    for q in rest:
        if quoted_formula(q):
            # "1 mole = 6.022 × 10^23 particles": math in the quotes, drawn as a formula (words stay upright)
            beats.append(_beat("equation", "equation:quoted-math", ex, i, [q], _kw(q), exprs=[q]))
            ctx.consumed.add(q)
            continue
        role = "note" if _has(ex, r"\bnote|caption\b") else None
        beats.append(_beat("text", "text:quoted-string", ex, i, [q], _kw(q), text=q, role=role))
        ctx.consumed.add(q)
    q = beats[0].strings[0] if len(beats) == 1 and beats[0].strings else None
    at = ex.sentence.find(f'"{q}"') if q else -1
    if q and at >= 0 and (re.match(r"\s*,?\s*(?:and\s+)?(?:boxed|framed|in\s+a\s+box|with\s+a\s+box\s+(?:around|round)\s+it)\b",
                                    ex.sentence[at + len(q) + 2:], re.I) or re.search(
            r"\b(?:boxed|framed|in\s+a\s+(?:small\s+)?box)\s*:?\s*$", ex.sentence[:at], re.I)):
        # 'Final: "lambda = 3 or lambda = 2", boxed.': the box stays round it
        beats.append(_beat("highlight", "highlight:boxed", ex, i, (), _kw(ex.sentence), target=beats[0].strings[0],
                           mode="box"))
    return beats


def rule_note(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Note that the mass m does not appear in the formula", "Point out that …": the remark, as a note."""
    if ex.quoted or ex.backticked:
        return []
    m = re.match(r"^\s*(?:then\s+|finally,?\s+|also\s+)?(?:note|point out|mention|explain|emphasi[sz]e|stress|remind "
                 r"(?:the )?(?:viewers?|audience)|make (?:it )?clear|add a note|conclude)\s+(?:that\s+|how\s+)(.{5,120}?)"
                 r"\.?$", ex.sentence, re.I)
    if not m:
        return []
    text = _capital(m.group(1))
    return [_beat("text", "text:note", ex, i, [text], _kw(text), text=text, role="note")]


# "Next to the chart", "Below the table", "On the right half", "At the bottom": where the text after the colon goes
_PLACE_HEAD = re.compile(r"\s*(?:\d+[.)]\s*)?(?:then\s+|and\s+)?(?:" + PLACE_WORDS + r"\s+(?:the\s+|this\s+|that\s+|its\s+)?"
                         r"(?:\w+\s+){0,2}\w+|(?:on\s+the\s+)?(?:left|right|top|bottom)(?:\s+(?:half|side|corner|edge))?)\s*", re.I)

_SHOWING = frozenset({"show", "display", "write", "present", "list", "state", "give", "note", "add", "put", "label",
                      "summarize", "recap", "introduce"})


def _acts(text: str, verbs: frozenset[str] | None = None) -> bool:
    """Whether a phrase is an instruction to do something other than show text ("animate one full swing", "rotate the
    grid"; with `verbs`, only those: "Release the bob", "Update the energy bars" — not "Draw the force and split it
    into two components"): an imperative verb first, not a showing one."""
    words = re.findall(r"[a-z]+", text.lower())
    while words and words[0] in ("then", "next", "now", "finally", "first", "also", "and"):  # ends: pops a word
        words.pop(0)
    verbs = verbs if verbs is not None else instruction_verbs() | action_verbs()
    return bool(words) and words[0] not in _SHOWING and words[0] in verbs


def rule_noun_phrase(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show the final linear layer and softmax function." with nothing else matched: show the phrase
    itself as a caption, so the viewer sees what the narration talks about."""
    if ex.quoted or ex.backticked:
        return []
    listed = re.match(r"^\s*(?:then\s+)?(?:fill in|label|list|write|mark|add|put|enter|give|show|display|present|"
                      r"split|break|divide|decompose)\s+(?:[\w -]{0,40}?\s)?(?:the\s+|a\s+|an\s+|its\s+|into\s+)?"
                      r"(?:(?:two|three|four|five|six|\d)\s+)?([\w -]{2,30}?)\s*:\s*(.{3,120}?)\.?$", ex.sentence, re.I)
    if listed:
        items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group(2)) if x.strip()]
        head = _capital(listed.group(1).strip())
        if 3 <= len(items) <= 8 and all(len(x.split()) <= 6 for x in items) and re.match(
                r"^\s*(?:then\s+)?(?:show|display|present|list)\b", ex.sentence, re.I):
            # "Show the four bases: Adenine (A), Thymine (T), Guanine (G), Cytosine (C)"
            return [_beat("bullets", "bullets:colon-list", ex, i, [head] + items, sum((_kw(x) for x in items), ()),
                          items=items, title=head, style="dot")]
        # "Fill in the areas: 9 on leg a, 16 on leg b, and 25 on the hypotenuse": the list, as a caption
        text = f"{head}: {listed.group(2)}"
        if _describes_picture(text):
            return []  # "Draw the ladder: client timeline at x = -4, …": a picture sbc cannot draw, reported
        return [_beat("text", "text:colon-list", ex, i, [text], _kw(text), text=text, role="note")]
    labels = re.match(r"^\s*(?:then\s+)?label\s+(?:the\s+)?(.{3,80}?)\.?$", ex.sentence, re.I)
    if labels and re.search(r"\\[A-Za-z,;!]", labels.group(1)):
        labels = None  # ("Label both strings with L = 1\\,\\text{m}": a formula as the label — no list of names)
    if labels:
        parts = [re.sub(r"^(?:the|a|an)\s+", "", x.strip(), flags=re.I) for x in
                 re.split(r",\s*(?:and\s+)?|\s+and\s+", labels.group(1)) if x.strip()]
        if 2 <= len(parts) <= 6:
            # "Label the sugar-phosphate backbone and the bases": the names, as a caption
            text = "   ·   ".join(_capital(p) for p in parts)
            return [_beat("text", "text:labels", ex, i, [text], _kw(text), text=text, role="note")]
    m = re.match(r"^\s*(?:then\s+)?(?:show|display|present|reveal|draw|sketch|illustrate|depict)\s+(?:the\s+|a\s+|an\s+)?"
                 r"(.{3,70}?)\.?$", ex.sentence, re.I)
    if m and re.search(r"\b(?:again|as before|once more|same)\b", m.group(1), re.I):
        return []  # "Show the fork again.": a picture of an earlier sentence, never a caption (reported if not drawn)
    if m and re.match(r"^\s*(?:then\s+)?(?:draw|sketch|illustrate|depict)\b", ex.sentence, re.I) and (
            len(m.group(1).split()) > 8 or ":" in m.group(1) or set(re.findall(r"[a-z]+", m.group(1).lower())) &
            picture_objects()):
        m = None  # a drawing sbc cannot make ("Draw 4 rectangles of width 0.5"): reported, not captioned
    if not m:
        colon = re.match(r"^[^:]*?\b((?:\w+\s+){0,2}\w+)\s*:\s*(.{3,110}?)\.?$", ex.sentence)
        if colon and re.search(r"\b(?:math\s?tex|tex|latex)$", colon.group(1), re.I):
            # "Shade the region … and label it MathTex: \int u \, dv": the formula is what follows "MathTex:"
            f = colon.group(2).strip()
            pre = ex.sentence[:colon.start(1)]
            words = re.findall(r"[a-z]+", pre.lower())
            if len(words) > 3 and words[0] not in _SHOWING:
                what = re.sub(r"(?:,|\s+and|\s+then)+\s*$", "", pre.strip())
                ctx.lost(i, f"only the formula {f!r} is drawn: {what!r} is not")
            return [_beat("equation", "equation:after-mathtex", ex, i, [f], _kw(f), exprs=[f])]
        if colon and re.search(r"\b(?:" + pacing_words() + r"|one\s+\w+\s+at\s+a\s+time|(\w+)\s+by\s+\1)\b",
                               ex.sentence[:colon.start(2)], re.I) and \
                ctx.beats and not ex.quoted:
            # "Reveal one row at a time: first the experiment cell, then the prediction, …": how the picture on screen is
            # revealed (each component reveals its parts in turn), never text to show
            ctx.modified.add(i)
            return []
        if colon and (_acts(without_place(ex.sentence[:colon.start(2)]), action_verbs()) or _acts(colon.group(2)) or (
                set(re.findall(r"[a-z]+", ex.sentence[:colon.start(1)].lower())) & picture_objects() and
                re.search(r"\b(?:show|draw|display|sketch|add|put|place)\b", ex.sentence[:colon.start(1)], re.I))):
            # "Release the bob: animate one full swing …": what to do, not text to show (reported); "Next to the plot,
            # show a small copy of the voltage curve in blue to compare: one rises …": a picture asked for, not a caption
            return []
        if colon and (re.match(r"\s*\|", ex.sentence) or re.search(r"\w:\d", ex.sentence[colon.start(1):colon.end(1) + 2])):
            return []  # ("| start | C:1 | D:1 |", "Pick B:2 and R:2": cells and name:count pairs, no caption after a colon)
        if colon and not re.search(r"\d\s*$", colon.group(1)):
            # "…split it into two components: mg cos θ along the string and mg sin θ along the arc"
            head = re.sub(r"^(?:the|a|an|its|into|two|three|four)\s+", "", colon.group(1), flags=re.I)
            text = f"{_capital(head)}: {colon.group(2)}"
            if _describes_picture(text) or _describes_change(colon.group(2)):
                return []  # (reported as not drawn, SB301: never the description written out as a caption)
            if _PLACE_HEAD.fullmatch(ex.sentence[:colon.end(1)]):
                text = colon.group(2)  # "Next to the chart: T \\propto \\sqrt{L}": where it goes, not a name of it
                if re.match(r"[a-z]{2,}\s", text):
                    text = text[0].upper() + text[1:]
            if _describes_picture(text):
                return []
            return [_beat("text", "text:colon-list", ex, i, [text], _kw(text), text=text, role="note")]
        return []
    if re.search(r"\b\w+ing\s+(?:\w+\s+){0,2}?(?:through|along|across|between|into|down|up|from|over)\b", m.group(1)) and any(
            b.kind in ("flow", "network", "sequence") for b in ctx.beats):
        # "Show the request passing through them left to right": data moving along the diagram on screen
        return [_beat("highlight", "highlight:animate-previous", ex, i, (), _kw(ex.sentence), target=None, mode="pulse")]
    phrase = re.sub(r"^(?:that|how|what|where|why)\s+", "", m.group(1).strip(), flags=re.I)
    # "… one by one": how it is revealed, not part of what is shown
    paced = re.search(r",?\s*\b(?:" + pacing_words() + r")\b", phrase, re.I)
    phrase = re.sub(r",?\s*\b(?:" + pacing_words() + r")\b", "", phrase, flags=re.I).strip()
    parts = visual_parts_named(phrase)
    if not phrase or phrase.endswith(":") or parts and (paced or parts & {b.kind for b in since_clear(ctx)}):
        # "Show three bullet points:" (what it announces did not follow), "Reveal the rows one at a time", "Show the
        # rows" with a table on screen: words about the visual, never text on it
        return []
    words = set(re.findall(r"[a-z]+", phrase.lower()))
    named = len(phrase.split()) <= 6 and not any(w.endswith("ing") for w in words)  # "the softmax function"
    if not (named or re.search(r"[=<>→–—±×÷^\d]|\s-\s", phrase)) or words & picture_words() or (
            words & unwritten_text_nouns() and not re.search(r"[=<>→±×÷^\d]", phrase)):
        # ("Show a live angle label at the vertex": a label asked for without its words — never those words)
        # "Show a green leaf in the middle of the screen": a description of a picture sbc cannot draw. Drawing
        # the words would put an instruction on screen; the sentence is reported instead (SB301).
        return []
    if re.match(r"^\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:draw|sketch|trace|construct|cut|divide)\b", ex.sentence, re.I) and not re.search(
            r"[=<>→–—±×÷^]|\s-\s", phrase):
        # "Draw 8 radii at angles 0, 45, 90, …": the numbers place a picture sbc cannot draw — no caption of them
        return []
    # "Show the pairing rules A – T and G – C": a phrase that carries symbols or numbers, as a caption
    phrase = _capital(phrase)
    return [_beat("text", "text:noun-phrase", ex, i, [phrase], _kw(phrase), text=phrase, role="note")]
