"""Rules that act on the scene as a whole rather than draw a component: clearing the screen ("Transition
to…", "Fade out everything"), titles and headings, a text on screen updated in place ("Change the label
to …"), highlighting what is on screen (a word, a box, a row, an item by its place or value), and
animating what the sentence speaks of when it draws nothing new.
"""

from __future__ import annotations

import re
from .beats import Beat
from .context import Context, _beat, _has, _kw, since_clear
from .extract import Extracted
from .parts import following_parts, Missing, extreme_part, nth_part, rows_by_values
from .theme import colour_named
from .knowledge import cell_words, figure_nouns, part_nouns
from ..components import FIGURES


# ----------------------------------------------------------------------------- rules
_REMOVE = re.compile(r"^\s*(?:(?:then|now|next|finally|first)\b,?\s*|part\s+\d+\s*[:.]\s*)*(?:clear|fade\s+out|"
                     r"remove|erase|hide|wipe)\s+(?:away\s+)?(?P<what>[^.,;:]{1,60}?)\s*(?:[.,;:]|\band\b|\bthen\b|$)", re.I)


_REMOVE_AFTER = re.compile(r"^\s*(?:(?:then|now|next|finally)\b,?\s*)*fade\s+(?P<what>(?:the|this|that)\s+[^.,;:]{1,40}?)\s+"
                           r"(?:out|away)\b", re.I)  # "Fade the table out."


def _removal(ex: Extracted):
    return _REMOVE.search(ex.bare or ex.sentence) or _REMOVE_AFTER.search(ex.bare or ex.sentence)


def _figure_named(ex: Extracted, ctx: Context) -> str | None:
    """"Clear the plane", "Part 2: Fade out the graph", "Fade the table out": the kind of the newest picture on
    screen the words name."""
    m = _removal(ex)
    if m is None or re.search(r"\b(?:everything|all|screen|scene|rest)\b", m.group("what"), re.I):
        return None
    what = m.group("what")
    nouns = figure_nouns()
    for b in since_clear(ctx):
        if b.kind not in FIGURES:
            continue
        pattern = nouns.get(b.kind, "") + "|" + nouns["any"]
        if re.search(r"\b(?:" + pattern.strip("|") + r")\b", what, re.I):
            return b.kind
    return None


def rule_clear(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    alone = _removal(ex)
    if not since_clear(ctx) and alone and not (ex.bare or ex.sentence)[alone.end():].strip(" .") and not (
            ex.quoted or ex.backticked):
        # "Clear the plane." as a scene begins: every scene starts on an empty screen — nothing to do, nothing lost
        ctx.modified.add(i)
        ctx.stop = True
        return []
    kind = _figure_named(ex, ctx) if ctx.beats else None
    if kind is not None:
        others = [b for b in since_clear(ctx) if b.kind not in (kind, "title", "highlight", "annotation", "move")]
        if not others:
            return [_beat("clear", "clear:the-picture", ex, i, ())]  # all there is: a clear as any other
        return [_beat("clear", "clear:the-picture", ex, i, (), kinds=[kind])]
    if ctx.beats and _has(ex, r"^\s*(?:(?:then|finally|next|now|lastly|afterwards?)\s*,?\s+)?(?:transition(?:s)? to|"
                              r"clear (?:the )?screen|clear everything|clear(?= and\b)|fade (?:everything )?out|switch to|"
                              r"move on to|cut to)\b"):  # ("Clear and show the recap lines:")
        if any(b.kind in ("sequence", "grid") for b in since_clear(ctx)) and _has(
                ex, r"^\s*(?:then\s+)?fade\s+out\s+(?:the\s+)?(?:(?:left|right|first|second)\s+half\b|" + _CELLS + r"\s+\d)"):
            return []  # "Fade out indices 2-4", "Fade out the left half" of a row on screen: its cells greyed (rules_array)
        return [_beat("clear", "clear:transition-cue", ex, i, ())]
    return []


_CELLS = "(?:" + "|".join(sorted([re.escape(n) + "(?:e?s)?" for n, (counts, _) in part_nouns().items() if counts == "item"]
                                 + [re.escape(w) for w in cell_words()["from_zero"] + cell_words()["from_one"]],
                                 key=len, reverse=True)) + ")"


def rule_title(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Display the title "X" (with the subtitle "Y")"; the first short text of a scene shown on its own
    ("Start with text "RNN Limitations" appearing", "Display text "What is Probability?" at the top") —
    but not a question, a counter, a label or a formula ("Show a counter "Comparisons: 8"")."""
    if not ex.quoted:
        return []
    bare = ex.bare.lower()
    title_cue = re.search(r"\b(title|heading|headline)\b", bare) is not None and not re.search(
        r"\b(?:below|under|beneath|above|next to|beside|near)\s+(?:the\s+)?title\b", bare) and not re.match(
        # 'Left column heading "Population":': the heading of a column (a comparison's), not the scene's title
        r"\s*(?:then\s+|and\s+)?(?:(?:on|in)\s+the\s+)?(?:left|right|middle|first|second|third)\s+(?:column|side|half|"
        r"panel|pane)(?:'s)?\s*,?\s+(?:with\s+(?:the\s+|a\s+)?)?(?:title|heading|header)\b", bare)
    first = not ctx.beats or all(b.kind == "clear" for b in ctx.beats[-1:])
    direct = re.search(r"^\s*(?:start with|begin with|open with|display|show|write|transition to|then|fade in|present|"
                       r"introduce|put|reveal)(?:\s+(?:show|display|write))?\s+(?:the\s+|a\s+)?(?:(?:big|large|"
                       r"bold|main)\s+)?(?:text|title|words?|phrase|heading|name|caption)?\s*:?\s*\x01", bare)
    q = ex.quoted[0]
    at_top = re.search(r"\bat the top\b|\bcent(?:er|re)d?\b|\bin the (?:center|centre|middle)\b|\blarge\b", bare)
    plain = "=" not in q and not re.search(r"\d+\s*[×x*/^]\s*\d", q)
    question = q.rstrip().endswith("?") and not at_top and len(q.split()) > 4
    first_text = first and len(ex.quoted) == 1 and direct is not None and plain and not question \
        and len(q) <= 50 and not _has(ex, r"\b(boxes|box|diagram|blocks?|arrows?|matri(?:x|ces)|list)\b")
    short = len(q) <= 60
    # 'write the title "Summary" at the top, and on the left list four bullet points …: "…", "…"': the title named as
    # such is the title, not the list's first item
    named = re.search(r"\btitle\s*:?\s*[\"\u201c]" + re.escape(q) + r"[\"\u201d]", ex.sentence, re.I)
    if (title_cue or first_text) and short and (named or not _has(ex, r"\b(list|items|bullets?)\b.*\".*\".*\"")):
        text = q
        subtitle = None
        m = re.search(r"subtitle[^\"]*\"([^\"]+)\"", ex.sentence, re.I)
        if m:
            subtitle = m.group(1)
        elif title_cue and len(ex.quoted) == 2 and not _has(ex, r"\blist\b"):
            subtitle = ex.quoted[1]
        strings = [text] + ([subtitle] if subtitle else [])
        ctx.consumed.update(strings)
        return [_beat("title", "title:" + ("cue-word" if title_cue else "first-display"), ex, i, strings,
                      _kw(text), text=text, subtitle=subtitle)]
    return []


_UPDATE_VERB = re.compile(r"\b(?:update|change|set|replace|turn|becomes?|increment|count(?:s|ing)? up)\w*\b", re.I)


def rule_text_update(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Update counter to "n = 5"" with "n = 1" on screen, "change "Step 1" to "Step 2"": the text on screen
    takes its new value in place, instead of a second line appearing under it."""
    if not _UPDATE_VERB.search(ex.bare) or not ex.quoted:
        return []
    shown = [(b, b.params.get("text") or (b.params.get("exprs") or [""])[0]) for b in since_clear(ctx)
             if b.kind in ("text", "equation") and len(b.params.get("exprs") or [""]) == 1]
    out = []
    for q in ex.quoted:
        if q in ctx.consumed:
            continue
        lhs = re.match(r"^\s*([^=]{1,24}?)\s*=", q)
        for b, old in shown:
            same_name = lhs and re.match(r"^\s*" + re.escape(lhs.group(1)) + r"\s*=", old)
            named = old in ex.quoted and old != q and re.search(re.escape(old) + r"[\"\u201d]?\s+(?:to|into|with|by)\s",
                                                                   ex.sentence)
            if old != q and (same_name or named):
                ctx.consumed.update({q, old})
                params = {"text": q} if b.kind == "text" else {"exprs": [q]}
                out.append(_beat(b.kind, f"{b.kind}:update-in-place", ex, i, [q], _kw(q), replaces=old,
                                 **params, **({"color": b.params["color"]} if b.params.get("color") else {})))
                shown = [(x, t) for x, t in shown if x is not b]
                break
    return out


_HIGHLIGHT_VERB = (r"^\s*(?:(?:in|on|at|inside|within)\s+the\s+[^,.;\"\u201c]{1,40},\s*)?"  # "In the tree at the left, highlight …"
                   r"(?:and\s+)?(?:then\s+|now\s+|next,?\s+|finally,?\s+|also\s+)?(?:(?:show|put|draw|display)\s+(?:the\s+)?"
                   r"(?:final\s+)?(?:answer|result)\s+(?:boxed|circled|highlighted|in a box)|highlight|emphasi[sz]e|circle|underline|"
                   r"indicate|cross out|strike (?:out|through)|box|put a box around|draw a box around|"
                   r"(?:put|draw|place|add)\s+an?\s+(?:[\w#-]+\s+){1,3}?(?:box|rectangle|frame)\s+(?:a?round|over)|"
                   r"surround|point (?:to|at)|flash|pulse|spotlight|mark|"
                   r"(?:put|place|enclose|frame)\s+(?:the\s+|it\s+|them\s+)?(?:[\w-]+\s+){0,3}?in(?:side)?\s+an?\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:box|frame|rectangle))\b")


_FILLER = {"the", "a", "an", "all", "each", "every", "its", "this", "that", "these", "those", "and", "or", "of", "in",
           "on", "with", "as", "to", "it", "them", "then", "final", "answer", "result", "value", "term", "line",
           "element", "middle", "common", "factor", "number", "numbers", "word", "part", "box", "around", "out"}


def _on_screen_strings(ctx: Context) -> list[str]:
    out = []
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            break
        out.extend(b.strings)
        if b.kind == "code":
            out.extend(str(b.params.get("code", "")).split("\n"))
    return [s for s in out if s]


def _plain(s: str) -> str:
    """A formula as read, without its TeX markup: "x = 2 \\text{ m}" -> "x = 2 m" (lower case, spaces collapsed)."""
    s = re.sub(r"\\(?:text|mathrm|mathbf|operatorname)\s*\{([^{}]*)\}", r"\1", str(s))
    s = re.sub(r"\\[,;:! ]", " ", s).replace("\\", "")
    return " ".join(re.sub(r"[{}]", "", s).split()).lower()


_BOX_ASKED = (r"^\s*(?:then\s+|finally,?\s+)?(?:box|put a box around|draw a box around|frame)\b|"
              r"\b(?:put|draw|place|add)\s+an?\s+(?:[\w#-]+\s+){0,3}?(?:box|rectangle|frame)\s+(?:a?round|over)\b|"
              r"\b(?:put|place|enclose|frame)\s+(?:the\s+|it\s+|them\s+)?(?:[\w-]+\s+){0,3}?in(?:side)?\s+an?\s+"
              r"(?:[\w-]+\s+){0,2}?(?:box|frame|rectangle)\b")


_BETWEEN = re.compile(r"\b(?:(?:curved|curving|bent|small|thin)\s+)*arrows?\s+from\s+(?:the\s+)?[\"\u201c]([^\"\u201d]{1,30})"
                      r"[\"\u201d](?:\s+(?:on|in|at)\s+the\s+(?:left|right|top|bottom)|\s+[a-z]+)?\s+to\s+(?:the\s+)?[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", re.I)
_PARTS_OF = ("bar_chart", "table", "sequence", "plot", "cards", "grid", "bullets", "steps", "equation", "number_line",
             "heatmap", "scatter", "matrix")


def _holds(beat, piece: str) -> bool:
    """A formula beat on screen that writes `piece` inside one of its lines (spaces aside)."""
    p = re.sub(r"\s+", "", piece)
    return len(p) >= 2 and any(p in re.sub(r"\s+", "", str(x)) for x in beat.strings)


_ORDINAL = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
_BETWEEN_NTH = re.compile(r"\barrows?\s+from\s+the\s+(first|second|third|fourth|last)\s+(bar|token|tile|box|cell)\s+to\s+"
                          r"the\s+(first|second|third|fourth|last)(?:\s+(?:one|bar|token|tile|box|cell))?\b", re.I)
_NTH_OF = {"bar": ("bar_chart", "labels"), "token": ("sequence", "tokens"), "tile": ("sequence", "tokens"),
           "box": ("sequence", "tokens"), "cell": ("sequence", "tokens")}


def _between_nth(ex: Extracted, ctx: Context) -> tuple[str, str, int] | None:
    """"a curved arrow from the first bar to the last": the labels of those two parts of the newest chart on screen,
    and where the words naming them end."""
    m = _BETWEEN_NTH.search(ex.sentence)
    if not m or re.search(r"\b(?:pointer|marker|cursor)\s+arrows?\s*$", ex.sentence[:m.end()].split(" from ")[0], re.I) or \
            re.search(r"\b(?:move|moves|moving|slide|slides|walk|walks|travel\w*|one\s+(?:box|bar|cell|tile)\s+at\s+a\s+time)\b",
                      ex.sentence, re.I):
        return None  # ("Move a yellow pointer arrow from the first box to the last box": a pointer walking the row)
    kind, field = _NTH_OF[m.group(2).lower()]
    owner = next((x for x in since_clear(ctx) if x.kind == kind and x.params.get(field)), None)
    if owner is None:
        return None
    names = [str(x) for x in owner.params[field]]
    k, j = _ORDINAL[m.group(1).lower()], _ORDINAL[m.group(3).lower()]
    if max(k, j) >= len(names):
        return None
    a, b = names[k], names[j]
    return (a, b, m.end()) if a != b else None


def rule_arrow_between(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Draw a curved arrow from the "2 m" bar to the "8 m" bar with the label "4× length → 2× period"": two parts
    of the chart (table, list…) on screen, joined by a labelled arrow — an annotation on them, not a new diagram
    (between the nodes of a flow or graph, an arrow is an edge: those rules read it). "from the first bar to the
    last": the parts named by their place."""
    m = _BETWEEN.search(ex.sentence)
    if m:
        a, b, end = m.group(1).strip(), m.group(2).strip(), m.end()
        owner = next((x for x in reversed(since_clear(ctx)) if x.kind in _PARTS_OF and a in x.strings and b in x.strings),
                     None)
        # ('a yellow arrow from "5^{-1}" on the left to "A^{-1}" on the right': pieces of two formulas on screen)
        shown = [x for x in since_clear(ctx) if x.kind in ("steps", "equation", "comparison", "matrix")]
        if owner is None and not (any(_holds(x, a) for x in shown) and any(_holds(x, b) for x in shown)):
            return []
    else:
        nth = _between_nth(ex, ctx)
        if nth is None:
            return []
        a, b, end = nth
    lab = re.search(r"\b(?:labell?ed|label|reading|saying|with\s+(?:the\s+)?(?:label|text|caption))\s*:?\s*[\"\u201c]"
                    r"([^\"\u201d]{1,80})[\"\u201d]", ex.sentence[end:], re.I)
    label = lab.group(1).strip() if lab else None
    ctx.consumed.update(x for x in (a, b, label) if x)
    ctx.stop = True
    return [_beat("annotation", "annotation:arrow-between", ex, i, [label] if label else [], _kw(ex.sentence),
                  style="link", target=[a, b], label=label)]


def _in_line(sentence: str, q: str, ctx: Context) -> dict:
    """'highlight 'm a' in line 3 and 'F' in line 1': that piece of that line of the derivation on screen (target: the
    line, part: the piece); else the piece wherever it is first written."""
    m = re.search(re.escape(q) + r"[\"\u201d']?\s+(?:in|on|of)\s+(?:the\s+)?line\s+(\d{1,2})\b", sentence)
    steps = next((b for b in since_clear(ctx) if b.kind == "steps" and b.params.get("lines")), None)
    if m and steps is not None and 1 <= int(m.group(1)) <= len(steps.params["lines"]):
        line = str(steps.params["lines"][int(m.group(1)) - 1])
        if re.sub(r"\s+", "", q) in re.sub(r"\s+", "", line):
            return {"target": line, "part": q}
    return {"target": q}


def rule_highlight(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Highlight "A"", "Highlight the middle element 34", "Cross out the common factor (x - 2)",
    "Highlight the line `mid = (low + high) // 2`", "Put a box around the final answer": the target is
    the first thing named that is on screen (default: the last element drawn)."""
    if ctx.beats and not _has(ex, _HIGHLIGHT_VERB) and re.search(
            r"[\"\u201d]\s+column\s+(?:is\s+|being\s+)?(?:highlighted|boxed|framed|outlined|marked)\b", ex.sentence, re.I):
        # '… the table from the earlier scene with only the "Test positive" column highlighted'
        return _named_column(ex, ctx, i, colour_named(ex.sentence)) or []
    if not ctx.beats or not _has(ex, _HIGHLIGHT_VERB):
        return []
    if _has(ex, r"^\s*(?:then\s+)?(?:emphasi[sz]e|stress|point out)\s+(?:that|how)\b") and not ex.quoted:
        return []  # "Emphasize that four times the length gives twice the period": a remark (rule_note)
    column = _named_column(ex, ctx, i, colour_named(ex.sentence))
    if column is not None:
        return column  # ('… the table from the earlier scene with only the "Test positive" column highlighted')
    strong = re.match(r"^\s*(?:then\s+)?(?:highlight|emphasi[sz]e|circle|flash|pulse|spotlight)\b", ex.sentence, re.I)
    code_lines = {" ".join(ln.split()) for b in since_clear(ctx) if b.kind == "code"
                  for ln in str(b.params.get("code", "")).split("\n") if ln.strip()}
    in_code = [q for q in ex.quoted if q not in ctx.consumed and " ".join(q.split()) in code_lines]
    if strong and in_code:
        # "Highlight the line "if key < root.key:" and, at the same time, the left edge from 50 to 30 in the tree; then
        # highlight "root.right = …"": the lines of the code on screen, each in turn (the tree's edges are the tree's)
        ctx.consumed.update(in_code)
        return [_beat("highlight", "highlight:code-line", ex, i, (), _kw(q), target=q, color=colour_named(ex.sentence))
                for q in in_code]
    if any(b.detail_index == i and b.source == ex.sentence and "recalled" not in b.rule and not (
            strong and b.kind == "message_chart") for b in ctx.beats):
        return []  # a chart operation already showed it ("Highlight the left and right tails…", "mark both sides
        # "ESTABLISHED""; but "Highlight the column with sub-label …" is both a state and a highlight)
    if re.search(r"\blabell?ed\s+[\"\u201c]|\bintersection\b|\bwith an? (?:\w+\s+){0,2}(?:dot|point|circle|marker)\b",
                 ex.sentence, re.I) and any(b.kind in ("plot", "scatter") for b in ctx.beats):
        return []  # "Highlight the intersection … with a yellow dot labeled "Equilibrium"": the plot adds a point
    if _has(ex, r"^\s*(?:then\s+)?mark\b") and not (ex.quoted or ex.backticked):
        return []  # "Mark the minimum at (3, 1)": a point, for the chart rules
    originals = list(_on_screen_strings(ctx))
    on_screen = [s.lower() for s in originals] + [_plain(s) for s in originals]

    def shown(t: str) -> bool:
        t = t.lower().strip()
        if _plain(t) != t and any(_plain(t) == p for p in on_screen):
            return True  # "x = 2 m" is the line "x = 2 \text{ m}" on screen
        # on screen as a whole, or most of it ("inf" in a table does not make "0 + 4 = 4 < inf" shown)
        if len(t) <= 2:  # "N" is not shown by "y = sin(x)": a short name only as a word of its own
            return bool(t) and any(re.search(r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])", s) for s in on_screen)
        return bool(t) and any(t in s or (len(s) > 2 and 2 * len(s) >= len(t) and s in t) for s in on_screen)

    if re.search(r"\bwith\s+(?:an?\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,2}?(?:dots?|points?|markers?)\b", ex.bare, re.I) and \
            re.match(r"^\s*(?:then\s+)?(?:mark|highlight|show|indicate)\b", ex.sentence, re.I) and not any(
                shown(q) for q in ex.quoted):
        return []  # "Mark the nodes at x = 0 and x = 1 with red dots labeled "N"": dots to place (the chart rules')

    colour = colour_named(ex.sentence)
    several = rows_by_values(ex.sentence, since_clear(ctx))
    if several:
        # "Highlight rows 22 and 23" of a table whose rows are named 5, 10, …, 22, 23: each of those rows
        mode = "box" if _has(ex, _BOX_ASKED) else None
        return [_beat("highlight", "highlight:part", ex, i, (), _kw(ex.sentence), target=p.label, row=p.position,
                      color=colour, mode=mode) for p in several]
    part = nth_part(ex.sentence, since_clear(ctx))
    if isinstance(part, Missing):
        ctx.lost(i, part.what)
        ctx.stop = True
        return []
    named = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed and shown(q)]
    if part is not None and named and not any(q.strip().lower() == part.label.strip().lower() for q in named):
        # "circle the third entry of the last row, "10"" when the third item found elsewhere is "= 10": the thing the
        # sentence names, quoted, is the target
        part = None
        named_first = True
    else:
        named_first = False
    if part is None and not named_first:
        part = extreme_part(ex.sentence, since_clear(ctx))
        if part is not None and named and not any(q.strip().lower() == part.label.lower() for q in named):
            # "Highlight the tallest bar "Tue"" when Mon is taller: the one it names, and the mismatch is said
            ctx.lost(i, f"{named[0]!r} does not have the {'largest' if part.by == 'max' else 'smallest'} value "
                        f"({part.label!r} has): {named[0]!r} is highlighted")
            part = None
    if part is not None:
        # "Highlight the third card in red", "Box the last row": that part, by its position; "Highlight the most
        # likely word": the bar with the largest value. A quoted name of it ("the tallest bar "7"") is not drawn again.
        ctx.consumed.update(q for q in named if q.strip().lower() == part.label.lower())
        # ("Highlight the row for t = 10": "t = 10" names the row, no formula to write)
        said = [f for f, _, _ in ex.prose if re.search(r"(?<![\w.])" + re.escape(part.label.lower()) + r"(?![\w.])", f.lower())]
        ctx.consumed.update(said)
        ex.prose[:] = [p for p in ex.prose if p[0] not in said]
        mode = "box" if _has(ex, _BOX_ASKED) else None
        more = following_parts(ex.sentence, part)
        if more:  # "the first column in green and the second in red": the first one's colour is said before "and"
            colour = colour_named(re.split(r"\band\b|,", ex.sentence.lower(), maxsplit=1)[0]) or colour
        beats = [_beat("highlight", "highlight:part", ex, i, (), _kw(ex.sentence), target=part.label,
                       **{part.field: part.position}, color=colour, mode=mode)]
        for other, words in more:
            if isinstance(other, Missing):
                ctx.lost(i, other.what)
                continue
            beats.append(_beat("highlight", "highlight:part", ex, i, (), _kw(ex.sentence), target=other.label,
                               **{other.field: other.position}, color=colour_named(words) or colour, mode=mode))
        if part.owner.kind == "code" and _EVERY_BLOCK.search(ex.bare or ""):
            # "Highlight the first line of both blocks in red": that line of every code block on screen
            for other in since_clear(ctx):
                rows = [ln.strip() for ln in str(other.params.get("code", "")).split("\n")] if other.kind == "code" else []
                if other is not part.owner and len(rows) >= part.position and rows[part.position - 1]:
                    beats.append(_beat("highlight", "highlight:part", ex, i, (), _kw(ex.sentence),
                                       target=rows[part.position - 1], item=part.position, color=colour, mode=mode))
        return beats
    quoted = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed]
    formulas = [f.rstrip(".") for f, _, _ in ex.prose]
    words = [w.strip(".,;:") for w in re.sub(r"[\"`\u201c\u201d][^\"`\u201c\u201d]*[\"`\u201c\u201d]", " ", ex.sentence).split()[1:]]
    words = [w for w in words if w and w.lower() not in _FILLER and not re.fullmatch(r"[a-z]{1,2}", w)
             and re.search(r"\w", w)]  # "=", "→": no element on screen is named by a sign alone
    target = next((t for t in quoted + formulas + words if shown(t)), None)
    inside = re.search(r"\b(?:in|of|within)\s+the\s+(?:chemical\s+|word\s+)?(?:equation|formula|expression)\b", ex.bare, re.I)
    if inside and not quoted and not formulas:
        # "highlight the matching atoms in the equation": a part of the formula on screen the sentence does not
        # write — the formula is marked, never a word elsewhere that looks like it (the table's "Atom" column)
        eq = next((b for b in since_clear(ctx) if b.kind in ("equation", "steps") and b.strings), None)
        if eq is not None:
            target = eq.strings[0]
            what = re.sub(r"^\s*(?:then\s+|and\s+)?\w+\s+(?:the\s+)?", "", ex.bare[:inside.start()]).strip(" ,")
            if what:
                ctx.lost(i, f"{what!r} is not picked out: the whole formula is highlighted")
    several = [q for q in dict.fromkeys(quoted) if shown(q)][:6]
    if target is not None and target in several and len(several) >= 2:
        # "Highlight the lines 'visited.add(n)' and 'queue.enqueue(n)' together": each of them, none written again
        ctx.consumed.update(several)
        return [_beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), color=colour, **_in_line(ex.sentence, q, ctx))
                for q in several]
    both = re.match(r"^\s*(?:then\s+)?(?:highlight|circle|mark|box|colou?r|emphasi[sz]e)\s+(?:the\s+)?(?:numbers?\s+|values?\s+|"
                    r"cells?\s+|boxes\s+)?([^\s,]{1,12})\s*(?:,\s*([^\s,]{1,12})\s*,?)?\s+and\s+([^\s,.]{1,12})\b", ex.sentence, re.I)
    if both and target is not None:
        names = [x.strip("\"'\u201c\u201d") for x in both.groups() if x]
        if len(names) >= 2 and all(shown(x) for x in names) and target in names:
            # "Highlight 5 and 1 in yellow": each of them, not only the first
            ctx.consumed.update(names)
            return [_beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=x, color=colour)
                    for x in names]
    if target is None and not quoted and (formulas or re.search(r"[$€£]?\d[\d,.]*", ex.sentence)) and not _has(
            ex, r"^\s*(?:then\s+)?mark\b"):
        # "Highlight the difference of $128.89": a value no element shows yet — write it, then surround it
        m = re.match(r"^\s*(?:then\s+)?\w+(?:\s+(?:out|in|on))?\s+(?:the\s+)?(.{3,60}?)\.?$", ex.sentence)
        if m:
            t = m.group(1)[0].upper() + m.group(1)[1:]
            return [_beat("text", "text:highlighted-value", ex, i, [t], _kw(t), text=t),
                    _beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=t)]
    if target is None and not quoted and re.search(r"\b(?:last|final|bottom)\s+(?:line|equation|formula)\b", ex.bare, re.I):
        # "Draw a yellow box around the last line" after a caption: the last line of the formulas, not the caption
        lines = [x for b in since_clear(ctx) for x in (
            [str(b.params.get("text"))] if b.kind == "transform" and "=" in str(b.params.get("text")) else
            [str(y) for y in reversed(b.strings)] if b.kind in ("equation", "steps") else [])]
        # (newest first: a line transformed into another is that one; a "where …" note beside it is none)
        target = next((x for x in lines if not re.match(r"\s*(?:where|with|for|since|if)\b", x, re.I)), None)
    if target is None and quoted and not _has(ex, r"\b(?:new|another|add|labell?ed)\b"):
        # "Box the final answer "36 g of water"": not on screen yet — draw it, then surround it
        q = quoted[0]
        ctx.consumed.add(q)
        return [_beat("text", "text:quoted-string", ex, i, [q], _kw(q), text=q),
                _beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=q)]
    if target and target.lower().strip() not in [o.lower() for o in originals]:
        # the formula as it is drawn: "Box the answer "x = 2 m"" marks the line "x = 2 \text{ m}"
        ctx.consumed.add(target)  # (the quote is that line: not written again)
        target = next((o for o in originals if _plain(o) == _plain(target)), target)
    if target:
        ctx.consumed.add(target)
        if target in ex.formulas:
            ex.formulas.remove(target)
        ex.prose[:] = [p for p in ex.prose if p[0].rstrip(".") != target]
    if target is None and i in ctx.modified:
        return []  # "Mark two dots at x = -2 and x = 2 labeled "F" and "F'"": a picture rule drew what it marks
    mode = None
    if _has(ex, r"^\s*(?:then\s+)?(?:cross out|strike)"):
        mode = "surround"
    elif _has(ex, _BOX_ASKED + r"|\bboxed\b"):
        mode = "box"  # the box stays on screen
    if target and _EVERY_BLOCK.search(ex.bare or ""):
        # "Highlight the 'x < node.value' lines of both blocks": the line holding it in every code block on screen
        lines = [ln.strip() for b in reversed(since_clear(ctx)) if b.kind == "code"
                 for ln in str(b.params.get("code", "")).split("\n") if target in ln]
        if len(lines) >= 2:
            return [_beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=ln, mode=mode, color=colour)
                    for ln in dict.fromkeys(lines)]
    return [_beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=target, mode=mode, color=colour)]


def _named_column(ex: Extracted, ctx: Context, i: int, colour: str | None) -> list[Beat] | None:
    """'Surround the whole "Test positive" column with a yellow rectangle and fade the other columns to 30% opacity':
    that column of the table on screen, by its header (boxed when a box or rectangle is asked); "the other columns"
    dimmed."""
    table = next((b for b in reversed(since_clear(ctx)) if b.kind == "table"), None)
    if table is None:
        return None
    columns = [str(c) for c in table.params.get("columns") or ()]
    m = re.search(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s+column\b|\bcolumn\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]",
                  ex.sentence, re.I)
    name = (m.group(1) or m.group(2)).strip() if m else None
    if name is None or name not in columns:
        return None
    k = columns.index(name) + 1
    target = table.strings[0] if table.strings else name
    near = ex.sentence[max(0, m.start() - 40):m.end() + 50]  # (the box of the column, not of a formula beside it)
    boxed = re.search(r"\b(?:rectangle|box|boxed|frame|outline|surround\w*)\b", near, re.I)
    beats = [_beat("highlight", "highlight:column", ex, i, (), _kw(ex.sentence), target=target, column=k, color=colour,
                   mode="box" if boxed else None)]
    if re.search(r"\b(?:fade|dim|grey|gray)\w*\s+(?:out\s+)?(?:all\s+)?the\s+other\s+columns\b", ex.sentence, re.I):
        beats += [_beat("highlight", "highlight:column", ex, i, (), _kw(ex.sentence), target=target, column=j, mode="dim")
                  for j in range(1, len(columns) + 1) if j != k and not (j == 1 and columns[0] == "")]
        # (the column of row names, under an empty header, is no column of values: it stays)
    ctx.consumed.add(name)
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]  # (a text the sentence also writes still comes)
    return beats


_EVERY_BLOCK = re.compile(r"\b(?:both|each|every|all(?:\s+the)?)\s+(?:code\s+)?(?:blocks|listings|snippets|functions|panels|programs)\b",
                          re.I)


def rule_animate_previous(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Animate the processing of each token…", "Show data flowing through the network": an
    operation on what is on screen — indicate the last component."""
    if not ctx.beats or ex.quoted or ex.backticked or ex.code_block:
        return []
    if any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats) or i in ctx.modified:
        return []  # the sentence already drew (or changed) something
    if _has(ex, r"^\s*(?:then\s+)?(?:animate|show (?:the )?data flow|show data flowing|illustrate|demonstrate|show how)\b"):
        return [_beat("highlight", "highlight:animate-previous", ex, i, (), _kw(ex.sentence), target=None,
                      mode="pulse")]
    return []
