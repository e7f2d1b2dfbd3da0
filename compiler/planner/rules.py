"""Planner rules: one sentence of `animation_details` -> beats.

Each rule looks at the parameters extracted from the sentence (see `extract.py`) and at cue words,
and returns beats tagged with its name. Rules run in order; several may fire on one sentence
(e.g. "Highlight the slow processing with a clock icon" gives `highlight` and `icon`). Quoted
strings no rule consumed are still drawn by the fallback rule, so nothing the details ask to show
is lost.
"""

from __future__ import annotations

import re

from ..mathtext import looks_like_math, said_heads, to_tex
from .beats import Beat
from .context import Context, _beat, _cue, _fmt, _has, _kw, since_clear
from ..components.network import DRAWN as NETWORK_DRAWN, MAX_LAYERS as _NET_MAX
from .extract import WORD_NUMBERS, Extracted, clause_spans, count_in, enumeration
from .parts import Missing, extreme_part, nth_part
from .theme import colour_named
from .knowledge import (cell_words, diagram_nouns, instruction_verbs, part_nouns, icon_aliases, icon_names, is_instruction, list_nouns,
                        named_diagrams, network_words, pacing_words, visual_parts_named, picture_words, port_verbs, way_words)

ICON_NAMES = icon_names()
ICON_ALIASES = icon_aliases()


# ----------------------------------------------------------------------------- rules
def rule_clear(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if ctx.beats and _has(ex, r"^\s*(?:then\s+)?(?:transition(?:s)? to|clear (?:the )?screen|fade (?:everything )?out|switch to|move on to|cut to)\b"):
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
        r"\b(?:below|under|beneath|above|next to|beside|near)\s+(?:the\s+)?title\b", bare)
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
    if (title_cue or first_text) and short and not _has(ex, r"\b(list|items|bullets?)\b.*\".*\".*\""):
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


def rule_bullets(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    lines = _list_lines(ex, ctx, i)
    if lines:
        # "Show three bullet points:" then "- The base rate matters", "- …": the items under it, one point each
        ctx.consumed.update(lines)
        if len(lines) > 12:
            ctx.lost(i, f"{len(lines)} items; only the first 12 are drawn")
        return [_beat("bullets", "bullets:lines-after-colon", ex, i, lines[:12], sum((_kw(x) for x in lines[:12]), ()),
                      items=lines[:12], style="dot")]
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
    if not re.search(r"\b(?:" + nouns + r")s?\b", ex.sentence[:block.start()], re.I):
        return []
    lines = [ln.strip() for ln in block.group(1).splitlines() if ln.strip()]
    return [] if len(lines) < 2 or any(ln in ctx.consumed for ln in lines) else lines


_NOUN_STOP = {"the", "a", "an", "and", "or", "with", "its", "each", "label", "labels", "show", "display", "draw", "then",
              "to", "form", "of", "on", "in", "at", "for", "as", "by", "two", "three", "both", "while", "also"}


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
            noun = " ".join(tail[-2:])
        pairs.append((noun, q))
    if named < 1 or len(pairs) < 2:
        return None
    return pairs


def _describes_picture(text: str) -> bool:
    """Whether a phrase says where things are or what they look like (picture words, coordinates)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & picture_words()) or bool(re.search(r"\(\s*-?\d+(?:\.\d+)?\s*,\s*-?\d|\bat\s+[xy]\s*=", text))


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


def quoted_formula(q: str) -> bool:
    """Whether a quoted string is a formula to typeset, not text: math with few words, or TeX."""
    return len(q) <= 120 and bool(re.search(r"\d\s*\^\s*[\d(-]|[√∑∫∏]|\b(?:sqrt|lim)\s*\(", q) or (
        re.search(r"[=≈≤≥<>]", q) and looks_like_math(q) and len(re.findall(r"[A-Za-z]{3,}", q)) <= 1
        and not _ASSIGN.fullmatch(q)) or (  # "T = 2 s": a value with its unit reads as text
        re.search(r"\\[A-Za-z]{2,}", q) and re.search(r"[=+^_{}]", q)))  # TeX (SB302 if sbc cannot typeset it)


def _bullets_from(ex: Extracted, ctx: Context, i: int, source: Extracted) -> list[Beat]:
    items = [q for q in ex.quoted if q not in ctx.consumed]
    if len(items) >= 2 and all(quoted_formula(q) for q in items):
        # "Show the calculation: 'd^2 = 3^2 + 4^2', 'd^2 = 9 + 16 = 25', 'd = sqrt(25) = 5'": a derivation
        ctx.consumed.update(items)
        return [_beat("steps", "steps:quoted-formulas", source, i, items, sum((_kw(q) for q in items), ()),
                      lines=items[:8])]
    list_cue = _has(source, r"\b(list|lists|bullets?|items|points|checklist|numbered|recap|summary|steps)\b")
    if len(items) >= 2 and not list_cue:
        pairs = _labelled(ex, items)
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
                if noun and not all(q.lower().startswith(noun.lower()) for q in qs):
                    parts.append(f"{noun[0].upper() + noun[1:]}: {', '.join(qs)}")
                else:
                    parts.append(", ".join(qs))
            text = "   ·   ".join(parts)
            ctx.consumed.update(items)
            return [_beat("text", "text:labels", source, i, [text], sum((_kw(q) for q in items), ()), text=text,
                          role="note")]
        if len(items) == 2 and _has(source, r"^\s*(?:then\s+)?(?:display|show|write)\b") and not re.search(
                r"\b(?:two|both)\b", source.bare.lower()) and all(re.search(r"[:=]|\d", q) for q in items):
            # "Display "New price: $5" and "New quantity: 120"": two statements, one under the other
            ctx.consumed.update(items)
            return [_beat("equation", "equation:quoted-math", source, i, [q], _kw(q), exprs=[q]) if quoted_formula(q)
                    else _beat("text", "text:quoted-string", source, i, [q], _kw(q), text=q) for q in items]
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
        elif _has(ex, r"\bnumbered\b") or _counted(items):
            style = "numbered"
        # only a list marker goes: "1. Pick" -> "Pick"; a quantity stays whole ("2 A" is two amperes)
        marker = r"\d+[.)]?" if _counted(items) else r"\d+[.)]"
        clean = [re.sub(r"^\s*(?:[✓✔✗✘×•-]|" + marker + r")\s+", "", x) if style != "dot" else x for x in items]
        ctx.consumed.update(items + ([heading] if heading else []))
        return [_beat("bullets", "bullets:" + ("list-cue" if list_cue else "several-quoted"), source, i,
                      ([heading] if heading else []) + clean, sum((_kw(x) for x in clean), ()),
                      items=clean, title=heading, style=style)]
    return []


_DISPLAY = (r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+|also\s+|below\s+(?:it|that|this),?\s+|"
            r"underneath,?\s+|after that,?\s+|at the (?:top|bottom),?\s+)?(?:show|display|write|present|reveal|"
            r"introduce|state|put|type|print|derive|give|flash|bring up|add|fade in|pop up|animate the (?:formula|"
            r"equation|expression)|solve|compute|calculate|evaluate|substitute|simplify|factor|expand|rewrite|compare|"
            r"check|verify|conclude|obtain|get|find|note|recall)\b")
_FORMULA_CUE = (r"\b(?:formula|formulae|formulas|equation|equations|expression|identity|theorem|law|rule|"
                r"definition|calculation|substitution|result|answer|antiderivative|derivative|integral|sum|product|"
                r"relationship|relation|inequality|limit|ratio|update|computation|approximation|simplif\w+|"
                r"factor\w*|example)\b")
_POSITION = re.compile(r"\b(?:at|from|to|for|near|where|when|until|past|beyond|of|with|above|below|towards?|"
                       r"between|reaches|reach)\s+(?:the\s+)?(?:point\s+)?$", re.I)
_ASSIGN = re.compile(r"^[^\W\d]\w{0,6}'?\s*=\s*-?[\d.,]+\s*\w{0,5}$")


def prose_formulas(ex: Extracted, ctx: Context) -> list[str]:
    """Formulas written in the prose that the sentence asks to show (not positions like "at x = 1")."""
    if not ex.prose:
        return []
    bare = ex.bare
    display = re.search(_DISPLAY, bare, re.I) is not None
    cue = re.search(_FORMULA_CUE, bare, re.I) is not None
    after_colon = any(re.search(r":\s*$", bare[:a]) and re.search(r"[=≈]", t) for t, a, _ in ex.prose)
    if not (display or cue or after_colon):
        return []
    out = []
    for text, a, _ in ex.prose:
        text = text.strip().rstrip(".")
        if text in ctx.consumed:
            continue
        if _ASSIGN.match(text) and _POSITION.search(bare[max(0, a - 30):a]) and not cue:
            continue  # "Animate a line from x = 2200": where, not what
        if "[[" in text.replace(" ", "") or (re.match(r"^\s*\S{1,4}\s*=\s*\[[^\[\]]+\]\s*$", text)
                                                             and re.search(r"\bvectors?\b|\bbasis\b", bare, re.I)):
            continue  # "the matrix A = [[2, 1], [0, 1]]", "the vectors î = [1, 0]": drawn by rule_matrix
        out.append(text)
    return out


def _merge_assignments(formulas: list[str]) -> list[str]:
    """"n = 3", "k = 2", "p = 0.5" (one after the other) -> "n = 3, k = 2, p = 0.5": one line."""
    out: list[str] = []
    run: list[str] = []
    for f in formulas + [""]:
        if f and _ASSIGN.match(f):
            run.append(f)
            continue
        if run:
            out.append(",  ".join(run) if len(run) > 1 else run[0])
            run = []
        if f:
            out.append(f)
    return out


def rule_bare_formula(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """A unit that is only a formula — a line of a derivation written one per line, "det = (3 - λ)(2 - λ)",
    "= λ^2 - 5λ + 6 = 0" — is typeset; the lines that follow one another join into one derivation."""
    text = ex.sentence.strip().rstrip(".")
    if any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        return []  # "Solve: c² = 5² + 12², c² = 25 + 144, …": already built line by line
    if (not text or ex.quoted or "\n" in text or len(re.findall(r"[A-Za-z]{4,}", text)) > 2 or "=" not in text
            or is_instruction(text)):
        return []
    if not (looks_like_math(text) or text.startswith("=") or re.fullmatch(r"[^\s=]{1,12}\s*=.+", text)
            or (re.match(r"^[\w(]", text) and to_tex(text).tex is not None and not is_instruction(text))):
        return []
    label = None
    named = re.match(r"^([A-Za-z][A-Za-z ']{2,30}):\s*(.+)$", text)
    if named and "=" in named.group(2):
        label, text = named.group(1).strip(), named.group(2).strip()  # "Chain rule: dL/dw1 = …": a named formula
        if is_instruction(label) or label.split()[0].lower() in instruction_verbs():
            label = None  # "Write: 12 - 2 I1 = 0", "Substitute: …": what to do, not the formula's name
    ctx.consumed.add(text)
    ex.prose[:] = []
    ex.formulas[:] = []
    prev = ctx.beats[-1] if ctx.beats else None
    if label is None and prev is not None and prev.rule.startswith("bare-formula") and prev.detail_index == i - 1:
        lines = list(prev.params.get("lines") or prev.params.get("exprs") or []) + [text]
        ctx.beats.pop()
        return [_beat("steps", "bare-formula:lines", ex, i, lines, prev.keywords + _kw(text), lines=lines[:8])]
    return [_beat("equation", "bare-formula:line", ex, i, [text] + ([label] if label else []), _kw(text), exprs=[text],
                  label=label)]


def rule_equation(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    formulas = [f for f in ex.formulas if f not in ctx.consumed]
    rule = "equation:formula"
    if not formulas:
        m = re.search(r"\b(?:formula|equation)s?\s*:\s*(.+?)\.?$", ex.sentence, re.I)
        if m and "=" in m.group(1) and not ex.quoted and not ex.prose:
            formulas = [m.group(1).strip()]
        elif _has(ex, r"\b(formula|equation)s?\b"):
            formulas = [q for q in ex.quoted if q not in ctx.consumed and ("=" in q or "(" in q)]
        if not formulas:
            # "Show Euler's theorem in a box: MathTex 'm^{\varphi(n)} \equiv 1 \pmod{n}' with note "…"": named as maths
            formulas = [q for q in ex.quoted if q not in ctx.consumed and looks_like_math(q) and re.search(
                r"\b(?:math ?tex|tex|latex|formula|equation|identity|theorem)\s*:?\s*[\"'\u201c\u2018`]?$",
                ex.sentence[:max(0, ex.sentence.find(q))], re.I)]
    if not formulas:
        formulas = prose_formulas(ex, ctx)
        rule = "equation:prose-formula"
        _unread_words(ex, ctx, i, formulas)
    if not formulas:
        return _label_symbol(ex, ctx, i)
    ctx.consumed.update(formulas)
    label = None
    m = re.search(r"\(([^()]*?(?:formula|equation|rule|law)[^()]*)\)", ex.sentence, re.I)
    if m:
        label = m.group(1)
    formulas = _merge_assignments(formulas)
    return [_beat("equation", rule, ex, i, formulas + ([label] if label else []),
                  _kw(ex.sentence), exprs=formulas[:6], label=label)]


def _unread_words(ex: Extracted, ctx: Context, i: int, formulas: list[str]) -> None:
    """"Show the derivative of the position x(t) = 5t^2": the formula is drawn, the derivative said around it in
    words sbc does not read is not — say so (SB307), never a formula silently cut short."""
    drawn = [(t.strip().rstrip("."), a, b) for t, a, b in ex.prose if t.strip().rstrip(".") in formulas]
    for a, b in said_heads(ex.bare):
        if any(s <= a < e for _, s, e in ex.prose):
            continue  # read with the formula
        after = [t for t, s, _ in drawn if s >= b and not re.search(r"[,;:]|\.\s", ex.bare[b:s])]
        if after:
            ctx.lost(i, f"'{ex.sentence[a:b]} …' is said in words that are not read as part of the formula: "
                        f"only '{after[0]}' is typeset")


def _label_symbol(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Label η as "learning rate"": a caption for the formula on screen that holds the symbol."""
    m = re.match(r"^\s*(?:then\s+)?(?:label|annotate|name|mark)\s+(\S{1,12}?)\s+(?:as|with)\s+[\"\u201c]([^\"\u201d]{1,60})"
                 r"[\"\u201d]\.?\s*$", ex.sentence, re.I)
    if not m:
        return []
    sym, name = m.group(1).strip("`'\""), m.group(2)
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            break
        if b.kind in ("equation", "steps") and any(sym in s for s in b.strings):
            label = f"{sym}: {name}"
            if b.params.get("label"):
                label = b.params["label"] + ";  " + label
            ctx.replace(b, Beat(b.kind, dict(b.params, label=label) if b.kind == "equation" else b.params,
                                b.strings + (label,) if b.kind == "equation" else b.strings,
                                b.rule + "+label", b.source, b.detail_index, b.keywords + _kw(name)), i)
            if b.kind != "equation":
                return []
            ctx.consumed.add(name)
            return [_beat("highlight", "highlight:labelled-symbol", ex, i, (), _kw(ex.sentence), target=sym)]
    return []


def rule_code(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Backticked code, a ``` fenced block, or backticked lines one under the other."""
    beats = []
    if ex.code_block and ex.code_block not in ctx.consumed:
        block = ex.code_block
        ctx.consumed.add(block)
        lines = [ln for ln in block.split("\n") if ln.strip()]
        beats.append(_beat("code", "code:block", ex, i, [ln.strip() for ln in lines], _kw(block),
                           code=block, language=_language(block, ex.sentence)))
    code = [c for c in ex.code if c not in ctx.consumed]
    if _has(ex, r"^\s*(?:then\s+)?(?:highlight|emphasi[sz]e|point to|underline|mark)\b") and any(
            b.kind == "code" for b in ctx.beats):
        return beats  # "Highlight the line `mid = …`": a line of the code on screen (rule_highlight)
    if not code:
        return beats
    ctx.consumed.update(code)
    return beats + [_beat("code", "code:backticked-non-math", ex, i, code, _kw(ex.sentence), code="\n".join(code),
                          language=_language("\n".join(code), ex.sentence))]


def _language(code: str, sentence: str) -> str:
    low = sentence.lower()
    for lang in ("python", "javascript", "typescript", "java", "rust", "go", "c++", "c#", "bash", "sql", "ruby",
                 "kotlin", "swift", "haskell", "html", "css", "json", "yaml"):
        if re.search(r"(?<![\w+#])" + re.escape(lang) + r"(?![\w+#])", low):
            return {"c++": "cpp", "c#": "csharp"}.get(lang, lang)
    if re.search(r"\bfunction\b|=>|\bconst\b|\blet\b|console\.", code):
        return "javascript"
    if re.search(r"^\s*(?:SELECT|INSERT|UPDATE|CREATE)\b", code, re.I | re.M):
        return "sql"
    return "python"


_WRITTEN_MATRIX = re.compile(r"\[\s*(\[[^\[\]]{1,200}\](?:\s*,\s*\[[^\[\]]{1,200}\]){1,11})\s*\]")


def _written_matrix(sentence: str) -> list[list] | None:
    """[[3 - lambda, 1], [0, 2 - lambda]]: rows of entries as written (symbols too), or None."""
    m = _WRITTEN_MATRIX.search(sentence)
    if not m:
        return None
    rows = [[_num_or_text(c.strip()) for c in row.split(",")] for row in re.findall(r"\[([^\[\]]*)\]", m.group(1))]
    if not rows or any(len(r) != len(rows[0]) or not all(str(c) for c in r) for r in rows):
        return None
    return rows


def _counted(items: list[str]) -> bool:
    """'1. Pick…', '2. Update…', '3. Mark…': items that carry their own numbers 1, 2, 3… (not "2 A", "4 A")."""
    nums = [re.match(r"^\s*(\d+)[.)]?\s", x) for x in items]
    return all(nums) and [int(n.group(1)) for n in nums] == list(range(1, len(items) + 1))


def _abstract_matrix(rows: int, cols: int) -> list[list[str]]:
    """A matrix whose values the details do not give: a grid of dots, never made-up numbers."""
    return [["·"] * cols for _ in range(rows)]


def rule_matrix(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    beats: list[Beat] = []
    for word, vec in ex.pairs:
        ctx.consumed.add(word)
        beats.append(_beat("matrix", "matrix:word-to-vector", ex, i, [word] + [_fmt(v) for v in vec], _kw(word),
                           values=[vec], label=word, op="show"))
    if ex.matrices and not re.search(r"\[\s*\[", ex.bare) and all(
            q in ctx.consumed for q in ex.quoted if re.search(r"\[\s*\[", q)):
        ex.matrices[:] = []  # every matrix is inside a quote another rule drew (a column's line): drawn there
    if ex.matrices:
        # 'Matrix "A = [[3, 1], [0, 2]]" in the corner': the quote is the matrix, drawn as one — not also as text
        ctx.consumed.update(q for q in ex.quoted if re.search(r"\[\s*\[", q))
    for m in ex.matrices:
        label = _label_after(ex.sentence)
        beats.append(_beat("matrix", "matrix:literal", ex, i, ([label] if label else []) +
                           [_fmt(v) for row in m for v in row], _kw(ex.sentence), values=m, label=label, op="show"))
        times = re.search(r"\]\s*(?:×|\*|·|times|multiplied by)\s*\[([^\[\]]{1,60})\]", ex.sentence)
        if times and len(ex.matrices) == 1:
            # "Show the multiplication [[2, 1], [0, 1]] × [3, 2]": the vector it multiplies, under it
            nums = [v.strip() for v in times.group(1).split(",") if v.strip()]
            ex.vectors[:] = []
            beats.append(_beat("matrix", "matrix:times-vector", ex, i, ["×"] + nums, _kw(ex.sentence),
                               values=[[_num_or_text(v)] for v in nums], label="×", op="show"))
    drew_chart = any(b.detail_index == i and b.source == ex.sentence and b.kind in ("plot", "scatter") for b in ctx.beats)
    if not beats and not drew_chart and re.search(r"\bvectors?\b|\bbasis\b", ex.bare, re.I):
        # "Draw the basis vectors î = [1, 0] and ĵ = [0, 1]": each a column vector with its name
        for name, vals in re.findall(r"(?<![\w])([^\W\d]\w{0,3}\u0302?|[îĵk̂])\s*=\s*\[([^\[\]]{1,60})\]", ex.sentence)[:3]:
            nums = [v.strip() for v in vals.split(",") if v.strip()]
            if not nums or len(nums) > 6:
                continue
            col = [[_num_or_text(v)] for v in nums]
            text = f"{name} = [{', '.join(nums)}]"
            ctx.consumed.add(text)
            beats.append(_beat("matrix", "matrix:named-vector", ex, i, [text] + nums, _kw(ex.sentence), values=col,
                               label=name, op="show"))
            ex.vectors[:] = [v for v in ex.vectors if [_fmt(x) for x in v] != nums]
        if beats:
            ex.prose[:] = [p for p in ex.prose if p[0] not in ctx.consumed]
    if beats:
        return beats
    if re.search(r"\bmatri(?:x|ces)\b", ex.bare, re.I):
        label = _label_after(ex.sentence)
        written = _written_matrix(ex.sentence)
        if written is None and any(b.kind == "matrix" for b in since_clear(ctx)) and not _has(
                ex, r"\bmatrix addition\b|\badd(?:ing|ition)?\b"):
            return []  # "Highlight the first column of the matrix": the matrix on screen, not a new one
        if written is not None:
            # "Show A - lambda I = [[3 - lambda, 1], [0, 2 - lambda]] as a matrix": entries as written
            name = re.search(r"(?:^|\b(?:show|display|write|draw|present|matrix|is|:)\s+)(?:the\s+)?([^\s=:,][^=:,]{0,29}?)\s*=\s*"
                             r"\[\s*\[", ex.sentence, re.I)
            strings = [str(v) for row in written for v in row]
            ctx.consumed.update(strings)
            named = re.sub(r"^(?:show|display|write|draw|present)\s+(?:the\s+)?", "", name.group(1), flags=re.I) \
                if name else label
            return [_beat("matrix", "matrix:written", ex, i, ([named] if named else []) + strings,
                          _kw(ex.sentence), values=written, label=named, op="show")]
        values = _abstract_matrix(3, 4)
        ctx.lost(i, "the matrix's values are not given: drawn as a grid of dots")
        if _has(ex, r"\bmatrix addition\b|\badd(?:ing|ition)?\b"):
            b = _abstract_matrix(3, 4)
            return [_beat("matrix", "matrix:addition", ex, i, [], _kw(ex.sentence), values=values, second=b,
                          op="add", label=label)]
        return [_beat("matrix", "matrix:cue-word", ex, i, [label] if label else [], _kw(ex.sentence),
                      values=values, label=label, op="show")]
    return []


def _num_or_text(v: str):
    try:
        f = float(v)
    except ValueError:
        return v
    return int(f) if f.is_integer() and "." not in v else f


def _label_after(sentence: str) -> str | None:
    m = re.search(r"\b([A-Z]\w{0,3})\s*=\s*\[\s*\[", sentence)
    if m:
        return m.group(1)  # "the matrix A = [[2, 1], [0, 1]]"
    m = re.search(r"\bmatri(?:x|ces)\s+(?:of|for)\s+(?:the\s+)?([a-z][\w -]{1,30}?)(?:[.,;]|$)", sentence, re.I)
    if m:
        return m.group(1).strip().title()
    m = re.search(r"\b([A-Z][\w-]*)\s+matri(?:x|ces)\b", sentence)
    verbs = {"Show", "Display", "Draw", "Animate", "Write", "Present", "Then", "Use", "Add", "Highlight"}
    return m.group(1) if m and m.group(1) not in verbs else None


def rule_network(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Draw a neural network with an input layer (784 neurons), hidden layer 1 with 16 neurons … and an output layer
    with 10 neurons", "layers of 784, 16, 16 and 10", "4 input neurons, 5 hidden neurons and 3 output neurons": the
    layers and sizes as written (a layer larger than the component draws says its size in its label); "Label the layers
    "A", "B", "C"" names the layers of the network on screen."""
    on_screen = next((b for b in since_clear(ctx) if b.kind == "network"), None)
    if on_screen is not None and _network_labels(ex, ctx, i, on_screen):
        return []
    if not _cue(ex, r"\b(?:" + network_words()["cues"] + r")\b"):
        return []
    if on_screen is not None and not _cue(ex, r"\b(?:an?|another|new|second)\s+(?:[\w-]+\s+){0,3}?(?:" + network_words()["nouns"]
                                          + r")\b"):
        return []  # "Label the output neurons with the digits 0 to 9": the neurons of the network on screen
    layers = _network_layers(ex, ctx, i)
    if len(layers) > _NET_MAX:
        ctx.lost(i, f"a network draws at most {_NET_MAX} layers: {', '.join(n for n, _ in layers[_NET_MAX:])} not drawn")
        layers = layers[:_NET_MAX]
    names = [_with_size(name, size) for name, size in layers]
    ctx.consumed.update(name for name, _ in layers if name in ex.quoted)
    return [_beat("network", "network:neural-network-cue", ex, i, names, ("network", "layer", "neural"),
                  layers=[size for _, size in layers], labels=names)]


_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"  # 784, 1,024


def _with_size(label: str, size: int) -> str:
    """A layer's label, with its size when the component draws it as a column cut by an ellipsis: "Input (784)"."""
    if size <= NETWORK_DRAWN or re.search(r"(?<![\d,])" + f"{size:,}".replace(",", ",?") + r"(?![\d,])", label):
        return label
    return f"{label} ({size:,})"


def _network_labels(ex: Extracted, ctx: Context, i: int, net: Beat) -> bool:
    """"Label the layers "Input (784)", "Hidden 1 (16)", "Hidden 2 (16)", "Output (10)"": the layers of the network on
    screen take those labels, one each in order."""
    sizes = net.params.get("layers") or []
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not (_cue(ex, r"\b(?:label|name|call|caption|title)\w*\b") and _cue(ex, r"\blayers\b")) or len(quoted) != len(sizes):
        return False
    names = [_with_size(q, n) for q, n in zip(quoted, sizes)]
    ctx.consumed.update(quoted)
    ctx.replace(net, Beat("network", dict(net.params, labels=names), tuple(names), net.rule.split("+")[0] + "+labels",
                          net.source, net.detail_index, net.keywords + sum((_kw(q) for q in quoted), ())), i)
    ctx.stop = True
    return True


def _network_layers(ex: Extracted, ctx: Context, i: int) -> list[tuple[str, int]]:
    """(label, size) of each layer the sentence describes, in order: each layer with its size ("an input layer (784
    neurons…)", "hidden layer 1 with 16 neurons", "4 input neurons"), a list of sizes ("layers of 784, 16, 16 and 10",
    "layer sizes [3, 4, 2]"), the layers named ("with input, hidden, and output layers") or counted ("four layers")."""
    words = network_words()
    bare = ex.bare or ex.sentence
    roles = [(label, pat) for label, pat, _ in words["roles"]]
    default = {label: size for label, _, size in words["roles"]}
    count = re.search(r"\b(\d|" + "|".join(WORD_NUMBERS) + r")\s+layers\b", bare, re.I)
    total = count_in(count.group(1)) if count else None
    listed = re.search(r"\b(?:" + words["sizes"] + r")\s*:?\s*(?:of\s+)?\[?\s*((?:" + _COUNT + r")(?:\s*(?:,\s*(?:and\s+)?|"
                       r"\band\s+|[-–])\s*(?:" + _COUNT + r"))+)", bare, re.I) or re.search(
        r"\b(\d+(?:[-–]\d+){1,7})[- ](?:layers?\b|" + words["cues"] + r")", bare, re.I)
    written = _written_layer_names(ex, ctx)
    if listed:
        sizes = [int(x.replace(",", "")) for x in re.findall(_COUNT, re.sub(r"\s*,\s+", " ; ", listed.group(1)))]
        names = written if written and len(written) == len(sizes) else _default_layer_names(len(sizes))
        return list(zip(names, sizes))
    described = _described_layers(bare, roles, words["units"])
    if any(size is not None for _, _, size in described):
        rank = {label: k for k, (label, _) in enumerate(roles)}
        middle = len(roles) // 2
        described.sort(key=lambda d: rank.get(d[0], middle) if d[0] else middle)  # (stable: as written within a role)
        if total and total > len(described):
            at = next((k for k, d in enumerate(described) if d[0] and rank.get(d[0], 0) > middle), len(described))
            described[at:at] = [(roles[middle][0], None, None)] * (total - len(described))
        hidden = [d for d in described if d[0] == roles[middle][0]]
        out, seen = [], 0
        for k, (role, index, size) in enumerate(described):
            name = role or f"Layer {index or k + 1}"
            if role == roles[middle][0]:
                seen += 1
                name = f"{role} {index or seen}" if len(hidden) > 1 else role
            out.append((name, size or default.get(role or roles[middle][0])))
        names = [n for n, _ in out]
        if written and len(written) == len(out):
            names = written
        return [(n, size) for n, (_, size) in zip(names, out)]
    names = written or enumerate_layers(ex.sentence) or _default_layer_names(total or 3)
    by_place = [r[0] for r in roles]  # (first, middle…, last: the sizes of the layers in those places)
    place = [by_place[0] if k == 0 else by_place[-1] if k == len(names) - 1 else by_place[len(by_place) // 2]
             for k in range(len(names))]
    return [(n, default.get(n, default[p])) for n, p in zip(names, place)]


def _default_layer_names(n: int) -> list[str]:
    roles = [label for label, _, _ in network_words()["roles"]]
    first, middle, last = roles[0], roles[len(roles) // 2], roles[-1]
    if n <= 2:
        return [first, last][:max(n, 1)] if n == 2 else [first]
    hidden = [middle] if n == 3 else [f"{middle} {k}" for k in range(1, n - 1)]
    return [first, *hidden, last]


def _written_layer_names(ex: Extracted, ctx: Context) -> list[str]:
    """Layer labels the sentence writes: quoted after a labelling word ("labelled "In", "Out""), or listed after it
    ("labelled Input, Hidden, Output")."""
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if len(quoted) >= 2 and _cue(ex, r"\b(?:labell?ed|called|named)\b"):
        return quoted  # (claimed by rule_network when they are the labels drawn)
    m = re.search(r"\b(?:labell?ed|called|named)\s+(.+?)(?:\.\s*$|$)", ex.bare or ex.sentence, re.I)
    return [x.strip().title() for x in enumeration(m.group(1))] if m else []


def _described_layers(bare: str, roles: list[tuple[str, str]], units: str) -> list[tuple[str | None, int | None, int | None]]:
    """(role label or None, index written after "layer", size or None) of each clause that describes a layer: it names
    its role (`input`, `hidden`, `output`) next to "layer" or its nodes, or it is "layer N" with a size."""
    out: list[tuple[str | None, int | None, int | None]] = []
    for clause in (bare[a:b].strip() for a, b in clause_spans(bare)):
        low = clause.lower()
        role = next((label for label, pat in roles if re.search(r"\b(?:" + pat + r")\b", low)), None)
        pat = dict(roles).get(role, r"(?!)")
        size_m = re.search(r"(?<![\w.,])(" + _COUNT + r")\s+(?:[a-z-]+\s+){0,2}?(?:" + units + r")\b", low) or re.search(
            r"\b(?:" + pat + r"|layer)\s*(?:layer\s*)?\(\s*(" + _COUNT + r")\s*\)", low) or re.search(
            r"\blayers?\b[^\d]{0,12}?\b(?:with|of|has|having|size)\s+(" + _COUNT + r")\b(?!\s*(?:%|layers?))", low)
        index_m = re.search(r"\blayer\s+(\d{1,2})\b(?!\s*(?:" + units + r")\b)", low)
        named = role is not None and re.search(r"\b(?:" + pat + r")\s+(?:layers?|" + units + r")\b", low)
        if not (named or size_m and (role or index_m or re.search(r"\blayer\b", low))):
            continue
        size = int(size_m.group(1).replace(",", "")) if size_m else None
        times = re.search(r"\b(\d|" + "|".join(WORD_NUMBERS) + r")\s+(?:" + pat + r")\s+layers\b", low)
        out.extend([(role, int(index_m.group(1)) if index_m else None, size)] * (count_in(times.group(1)) if times else 1))
    return out


def enumerate_layers(sentence: str) -> list[str]:
    m = re.search(r"with\s+(.+?)\s+layers", sentence, re.I)
    if not m:
        return []
    return [x.strip().title() for x in enumeration(m.group(1))][:6]


ARROW_SPLIT = re.compile(r"\s*(?:->|→|=>|⟶)\s*")
_ORDINAL = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "last": -1}
_DOWN = r"\b(?:from\s+)?top\s+to\s+bottom\b|\btop[- ]down\b|\bstacked\b|\bvertical(?:ly)?\b|\blayered\b|\bstack of\b"


def _flow_on_screen(ctx: Context) -> Beat | None:
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            return None
        if b.kind == "flow":
            return b
    return None


def _flow_ports(ex: Extracted, ctx: Context, i: int, flow: Beat) -> list[Beat] | None:
    """What enters or leaves a box of the diagram on screen: "Show water entering the first box and
    oxygen leaving it", "CO2 going into the Calvin cycle and glucose coming out"."""
    verbs = port_verbs()
    alternatives = "|".join(re.escape(v) for way in ("in", "out") for v in verbs[way])
    nodes = list(flow.params.get("nodes", []))
    ports = list(flow.params.get("ports") or [])
    added: list[str] = []
    last_box = None
    for clause in re.split(r"\s*(?:,\s*(?:and\s+)?|;|\band\b)\s*", ex.sentence.rstrip(". ")):
        m = re.fullmatch(rf"(?:(?:then|also|now)\s+)?(?:show|draw|add|with|animate)?\s*(?:an?\s+|the\s+)?"
                         rf"(?:arrow\s+(?:for|of)\s+)?[\"\u201c]?(?P<thing>[^\"\u201d]{{1,30}}?)[\"\u201d]?\s+"
                         rf"(?P<verb>{alternatives})\b\s*(?P<target>.*)", clause, re.I)
        if not m or len(m.group("thing").split()) > 3:
            continue
        target = m.group("target").strip().lower()
        box = _box_named(target, nodes) if target not in ("", "it", "them", "there") else last_box
        if box is None:
            continue
        way = "in" if m.group("verb").lower() in verbs["in"] else "out"
        ports.append({"box": box, "label": m.group("thing").strip(), "way": way})
        added.append(ports[-1]["label"])
        last_box = box
    if not added:
        return None
    ctx.consumed.update(added)
    if len(ports) > 8:
        ctx.lost(i, f"a diagram shows at most 8 things entering or leaving its boxes: {ports[8]['label']!r} and after are not drawn")
    ctx.replace(flow, Beat("flow", dict(flow.params, ports=ports[:8]), flow.strings + tuple(added),
                           flow.rule.split("+ports")[0] + "+ports", flow.source, flow.detail_index,
                           flow.keywords + sum((_kw(x) for x in added), ())), i)
    return []


def _box_named(target: str, nodes: list[str]) -> int | None:
    """The box "the first box", "the Calvin cycle" or "Calvin cycle" names, if any."""
    target = re.sub(r"^(?:of|from|into|to)\s+", "", target).strip("\"\u201c\u201d ")
    m = re.match(r"(?:the\s+)?(first|second|third|fourth|fifth|sixth|last)\s+(?:box|block|stage|step)\b", target)
    if m:
        return _ORDINAL[m.group(1)] % max(1, len(nodes))
    target = re.sub(r"^the\s+", "", target)
    for k, node in enumerate(nodes):
        if node.lower() == target or (len(target) > 3 and (node.lower().startswith(target) or target.startswith(node.lower()))):
            return k
    return None


def _flow_operation(ex: Extracted, ctx: Context, i: int, flow: Beat) -> list[Beat] | None:
    """Arrows of the diagram on screen: their direction ("Draw arrows pointing down between each layer")
    and their labels ("Label the arrows "÷ molar mass", "× mole ratio"…", "Draw an arrow from the first to
    the second labeled "ATP + NADPH"")."""
    bare = ex.bare.lower()
    between = re.compile(r"\b(?:line|link|connection|channel)\s+between\s+(?:them|the\s+(?:two\s+)?boxes)\b")
    if not re.search(r"\barrows?\b", bare) and not between.search(bare) or re.search(
            r"\b(?:boxes|blocks|diagram|flow ?chart|pipeline)\b", between.sub(" ", bare)):
        return None
    if re.search(r"\barrows?\s+labell?ed\s+[\"\u201c][^\"\u201d]+[\"\u201d][^.]*\bfrom\b", ex.sentence, re.I):
        return None  # "An arrow labelled "sends code" goes from LLM to Interpreter…": rule_flow reads it
    nodes = flow.params.get("nodes", [])
    params = dict(flow.params)
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    changed = False
    if re.search(r"\b(?:pointing|going|flowing)\s+down(?:wards?)?\b|\bbetween each layer\b", bare) or re.search(_DOWN, bare):
        params["direction"] = "down"
        changed = True
    if quoted:
        labels = list(params.get("edge_labels") or [""] * max(0, len(nodes) - 1))
        labels += [""] * max(0, len(nodes) - 1 - len(labels))
        m = re.search(r"\bfrom\s+the\s+(first|second|third|fourth|fifth|last)\b.*?\bto\s+the\s+(second|third|fourth|fifth|"
                      r"sixth|last)\b", bare)
        named = re.search(r"\bfrom\s+[\"\u201c]?([^\"\u201d,]{1,30}?)[\"\u201d]?\s+to\s+[\"\u201c]?([^\"\u201d,.]{1,30}?)[\"\u201d]?"
                          r"(?:\s|,|\.|$)", ex.sentence)
        start = None
        if m:
            start = _ORDINAL[m.group(1)] % max(1, len(nodes))
        elif named and named.group(1) in nodes:
            start = nodes.index(named.group(1))
        if start is not None and start < len(labels):
            labels[start] = quoted[0]
            used = quoted[:1]
        elif len(quoted) <= len(labels) and re.search(r"\blabel\w*\b", bare):
            labels[: len(quoted)] = quoted
            used = quoted
        else:
            return None if not changed else _flow_replace(ctx, flow, params, i, [])
        params["edge_labels"] = labels
        ctx.consumed.update(used)
        return _flow_replace(ctx, flow, params, i, used)
    return _flow_replace(ctx, flow, params, i, []) if changed else None


def _flow_replace(ctx: Context, flow: Beat, params: dict, i: int, added: list[str]) -> list[Beat]:
    new = Beat("flow", params, flow.strings + tuple(added), flow.rule + ("+edge-labels" if added else "+direction"),
               flow.source, flow.detail_index, flow.keywords + sum((_kw(x) for x in added), ()))
    if ctx.beats and ctx.beats[-1] is flow and flow.detail_index == i - 1 and not added:
        ctx.replace(flow, new, i)
        return []
    ctx.replace(flow, new, i)
    return [_beat("highlight", "highlight:labelled-arrows", Extracted(flow.source), i, (), new.keywords, target=None,
                  mode="pulse")] if added else []


def rule_flow(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if any(b.kind in ("flow", "network") for b in ctx.beats) and _cue(
            ex, r"^\s*(?:then\s+)?(?:animate|show (?:the )?data flow|show data flowing)\b"):
        return []  # an operation on the diagram already on screen (see rule_animate_previous)
    on_screen = _flow_on_screen(ctx)
    if on_screen is not None:
        done = _flow_ports(ex, ctx, i, on_screen) or _flow_operation(ex, ctx, i, on_screen)
        if done is not None:
            return done
    diagram = _cue(ex, r"\b(?:" + diagram_nouns() + r")\b")
    if diagram and any(b.detail_index == i and b.source == ex.sentence and b.rule.startswith("annotation:pointer")
                       for b in ctx.beats) and not _cue(
            ex, r"\b(?:" + re.sub(r"(?:^|\|)arrows\?(?=\||$)", "", diagram_nouns()).strip("|") + r")\b"):
        diagram = False  # "mid arrow above index 7, comparison "…"": the arrow is a pointer at a cell, not a diagram's
    nodes: list[str] = []
    rule = ""
    chain_text: list[str] = []
    edge_labels = re.findall(r"(?:arrow|arrows)\s+labell?ed\s+\"([^\"]+)\"", ex.sentence, re.I) or None
    # "from the cost back to the network weights": the way it goes is not part of a box's name
    ways = way_words()
    between = re.search(r"\bfrom\s+(?:the\s+)?([\w-]+(?:\s(?!(?:" + ways + r")\b)[\w-]+)?)(?:\s+(?:" + ways + r"))*\s+to\s+"
                        r"(?:the\s+)?([\w-]+(?:\s[\w-]+)?)", ex.sentence)
    previous = next((b for b in reversed(ctx.beats) if b.kind == "flow"), None)
    if edge_labels and previous is not None and between:
        ctx.consumed.update(edge_labels)
        # "An arrow labelled "sends code" goes from LLM to Interpreter": label the diagram on screen.
        merged = dict(previous.params, edge_labels=edge_labels, both_ways=bool(_has(ex, r"\b(back|returns?)\b")) or None)
        idx = ctx.beats.index(previous)
        ctx.beats[idx] = Beat("flow", {k: v for k, v in merged.items() if v is not None},
                              previous.strings + tuple(edge_labels), previous.rule + "+edge-labels", previous.source,
                              previous.detail_index, previous.keywords + sum((_kw(x) for x in edge_labels), ()))
        return [_beat("highlight", "highlight:labelled-arrows", ex, i, (), _kw(ex.sentence), target=None,
                      mode="pulse")]
    quoted_chain = next((q for q in ex.quoted if q not in ctx.consumed and len(ARROW_SPLIT.split(q)) >= 3), None)
    boxed = [q for q in re.findall(r"\b(?:box|block|rectangle|node|stage)\s+(?:(?:on|at|in|to)\s+the\s+(?:far\s+)?[a-z]+,?\s+)?"
                                   r"(?:labell?ed|called|named|with(?:\s+the)?\s+"
                                   r"(?:text|label|word))\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I)
             if q not in ctx.consumed]
    if len(boxed) >= 2 and not edge_labels:
        # "Draw a box labeled "Alice" on the left … and a box labeled "Bob" on the right": two parties
        nodes, rule = boxed, "flow:labelled-boxes"
        ctx.consumed.update(boxed)
    elif edge_labels and between:
        nodes, rule = [between.group(1), between.group(2)], "flow:from-to"
    elif quoted_chain and diagram or (quoted_chain and _cue(ex, r"\b(?:chain|boxes|steps|sequence)\b")):
        # "Display the sentence "More CO₂ → more trapped heat → higher temperatures" as a chain of boxes"
        nodes, rule = [p.strip() for p in ARROW_SPLIT.split(quoted_chain) if p.strip()], "flow:quoted-chain"
        ctx.consumed.add(quoted_chain)
    elif ex.chain:
        nodes, rule = ex.chain, "flow:arrow-chain"
        written = re.search(r"\s*(?:->|→|=>|⟶)\s*".join(re.escape(n) for n in nodes), ex.sentence)
        chain_text = [written.group(0)] if written else []  # the boxes and arrows read as the chain is written
    elif diagram:
        unconsumed = [q for q in ex.quoted if q not in ctx.consumed]
        seq = [q for q in unconsumed if re.fullmatch(r"(?:\w{1,12}\s+){2,9}\w{1,12}", q)]
        if seq and _cue(ex, r"\bsequence|tokens?\b"):
            nodes, rule = seq[0].split(), "flow:token-sequence"
            ctx.consumed.add(seq[0])
        elif len([q for q in unconsumed if not _names_arrow(ex.sentence, q)]) >= 2:
            nodes = [q for q in unconsumed if not _names_arrow(ex.sentence, q)]
            # "an arrow to a node '15', then an arrow from '15' to a new node '22'": one box 15, not two
            nodes = [q for k, q in enumerate(nodes) if k == 0 or q != nodes[k - 1]]
            rule = "flow:quoted-boxes"
            ctx.consumed.update(nodes)
        else:
            m = re.search(r"\bwith\s+(.+?)\s+(?:blocks|boxes|layers|stages)\b", ex.sentence, re.I)
            if m:
                nodes = [x.strip().title() for x in enumeration(m.group(1))]
                rule = "flow:enumerated-blocks"
            for patterns, boxes in named_diagrams() if not nodes else ():
                if all(_cue(ex, p) for p in patterns):
                    nodes, rule = list(boxes), "flow:named-in-vocabulary"
                    break
            if not nodes:
                m = re.search(r"\b(?:a|the)\s+(?:simple\s+|basic\s+|complete\s+)?([A-Z][\w-]*)\s+diagram", ex.sentence)
                if m:
                    label = [q for q in unconsumed]
                    nodes = ["Input", m.group(1), "Output"] if not label else ["Input", m.group(1), label[0]]
                    ctx.consumed.update(label)
                    rule = "flow:named-diagram"
    if len(nodes) < 2:
        return []
    ctx.consumed.update(edge_labels or [])
    parallel = _cue(ex, r"\bparallel\b")
    down = re.search(_DOWN, ex.bare.lower()) is not None and len(nodes) >= 3
    return [_beat("flow", rule, ex, i, nodes + (edge_labels or []) + chain_text, sum((_kw(n) for n in nodes), ()),
                  nodes=nodes, edge_labels=edge_labels, direction="down" if down else "right",
                  parallel=parallel or None)]


def _capital(phrase: str) -> str:
    """A caption's phrase with a capital letter — a word ("bases" -> "Bases"), never a symbol ("w2 = -1", "x")."""
    return phrase[0].upper() + phrase[1:] if re.match(r"[a-z]{2,}\b(?!\s*[=_^(])", phrase) else phrase


def _names_arrow(sentence: str, q: str) -> bool:
    """"a friction arrow "20 N"": the quoted text is the label of an arrow, not a box."""
    k = sentence.find(q)
    # "an arrow labelled "q"", or further on in the same clause: "a double arrow between the circles labeled "q""
    return k > 0 and (re.search(r"\barrows?\s*(?:labell?ed\s+|called\s+|of\s+)?[\"\u201c]$", sentence[:k]) is not None
                      or re.search(r"\barrows?\b[^\"\u201c\u201d.;]{0,60}?\b(?:labell?ed|called|marked|reading|saying)\s+"
                                   r"[\"\u201c]$", sentence[:k], re.I) is not None)


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


def rule_icon(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Highlight the slow processing with a clock icon"; "icons for NLP (text), computer vision (image)";
    "three icons with labels: a book for "Literacy", a lightbulb for "Science", and a globe for "Ideas…"";
    "an icon of a monk writing with a quill"."""
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
    if not found:
        # "add a check mark in the A row", "a red cross appears next to her with text "cannot open"": a mark
        for m in _MARK.finditer(ex.sentence):
            if any(a <= m.start(1) < b for _, a, b in ex.prose):
                continue  # "\\frac{1}{2} … \\checkmark": the mark is part of a formula, typeset with it
            name = "check" if re.search(r"check|tick|✓|✔", m.group(1), re.I) else "cross"
            label = re.match(r"[^.;\"\u201c]{0,40}?\b(?:with|and)\s+(?:the\s+)?(?:text|label|caption)\s+[\"\u201c]"
                             r"([^\"\u201d]{1,40})[\"\u201d]", ex.sentence[m.end():])
            found.append((name, label.group(1) if label else ""))
            if label:
                ctx.consumed.add(label.group(1))
    if not found:
        return []
    found = found[:6]
    labels = [label for _, label in found if label]
    return [_beat("icon", "icon:named-icon", ex, i, labels, tuple(n for n, _ in found) + sum((_kw(x) for x in labels), ()),
                  icons=[n for n, _ in found], labels=[lab for _, lab in found] if labels else None)]


_HIGHLIGHT_VERB = (r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+|also\s+)?(?:(?:show|put|draw|display)\s+(?:the\s+)?"
                   r"(?:final\s+)?(?:answer|result)\s+(?:boxed|circled|highlighted|in a box)|highlight|emphasi[sz]e|circle|underline|"
                   r"indicate|cross out|strike (?:out|through)|box|put a box around|draw a box around|"
                   r"surround|point (?:to|at)|flash|pulse|spotlight|mark)\b")
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


def rule_highlight(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Highlight "A"", "Highlight the middle element 34", "Cross out the common factor (x - 2)",
    "Highlight the line `mid = (low + high) // 2`", "Put a box around the final answer": the target is
    the first thing named that is on screen (default: the last element drawn)."""
    if not ctx.beats or not _has(ex, _HIGHLIGHT_VERB):
        return []
    if _has(ex, r"^\s*(?:then\s+)?(?:emphasi[sz]e|stress|point out)\s+(?:that|how)\b") and not ex.quoted:
        return []  # "Emphasize that four times the length gives twice the period": a remark (rule_note)
    if any(b.detail_index == i and b.source == ex.sentence and "recalled" not in b.rule for b in ctx.beats):
        return []  # a chart operation already showed it ("Highlight the left and right tails…")
    if re.search(r"\blabell?ed\s+[\"\u201c]|\bintersection\b|\bwith an? (?:\w+\s+){0,2}(?:dot|point|circle|marker)\b",
                 ex.sentence, re.I) and any(b.kind in ("plot", "scatter") for b in ctx.beats):
        return []  # "Highlight the intersection … with a yellow dot labeled "Equilibrium"": the plot adds a point
    if _has(ex, r"^\s*(?:then\s+)?mark\b") and not (ex.quoted or ex.backticked):
        return []  # "Mark the minimum at (3, 1)": a point, for the chart rules
    on_screen = [s.lower() for s in _on_screen_strings(ctx)]

    def shown(t: str) -> bool:
        t = t.lower().strip()
        # on screen as a whole, or most of it ("inf" in a table does not make "0 + 4 = 4 < inf" shown)
        return bool(t) and any(t in s or (len(s) > 2 and 2 * len(s) >= len(t) and s in t) for s in on_screen)

    colour = colour_named(ex.sentence)
    part = nth_part(ex.sentence, since_clear(ctx))
    if isinstance(part, Missing):
        ctx.lost(i, part.what)
        ctx.stop = True
        return []
    named = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed and shown(q)]
    if part is None:
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
        mode = "box" if _has(ex, r"^\s*(?:then\s+|finally,?\s+)?(?:box|put a box around|draw a box around|frame)\b") else None
        return [_beat("highlight", "highlight:part", ex, i, (), _kw(ex.sentence), target=part.label,
                      **{part.field: part.position}, color=colour, mode=mode)]
    quoted = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed]
    formulas = [f.rstrip(".") for f, _, _ in ex.prose]
    words = [w.strip(".,;:") for w in re.sub(r"[\"`\u201c\u201d][^\"`\u201c\u201d]*[\"`\u201c\u201d]", " ", ex.sentence).split()[1:]]
    words = [w for w in words if w and w.lower() not in _FILLER and not re.fullmatch(r"[a-z]{1,2}", w)]
    target = next((t for t in quoted + formulas + words if shown(t)), None)
    if target is None and not quoted and (formulas or re.search(r"[$€£]?\d[\d,.]*", ex.sentence)) and not _has(
            ex, r"^\s*(?:then\s+)?mark\b"):
        # "Highlight the difference of $128.89": a value no element shows yet — write it, then surround it
        m = re.match(r"^\s*(?:then\s+)?\w+(?:\s+(?:out|in|on))?\s+(?:the\s+)?(.{3,60}?)\.?$", ex.sentence)
        if m:
            t = m.group(1)[0].upper() + m.group(1)[1:]
            return [_beat("text", "text:highlighted-value", ex, i, [t], _kw(t), text=t),
                    _beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=t)]
    if target is None and quoted and not _has(ex, r"\b(?:new|another|add|labell?ed)\b"):
        # "Box the final answer "36 g of water"": not on screen yet — draw it, then surround it
        q = quoted[0]
        ctx.consumed.add(q)
        return [_beat("text", "text:quoted-string", ex, i, [q], _kw(q), text=q),
                _beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=q)]
    if target:
        ctx.consumed.add(target)
        if target in ex.formulas:
            ex.formulas.remove(target)
        ex.prose[:] = [p for p in ex.prose if p[0].rstrip(".") != target]
    mode = None
    if _has(ex, r"^\s*(?:then\s+)?(?:cross out|strike)"):
        mode = "surround"
    elif _has(ex, r"^\s*(?:then\s+|finally,?\s+)?(?:box|put a box around|draw a box around|frame)\b|\bboxed\b"):
        mode = "box"  # the box stays on screen
    return [_beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=target, mode=mode, color=colour)]


def rule_text_fallback(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    rest = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed]
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
    return beats



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


def rule_note(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Note that the mass m does not appear in the formula", "Point out that …": the remark, as a note."""
    if ex.quoted or ex.backticked:
        return []
    m = re.match(r"^\s*(?:then\s+|finally,?\s+|also\s+)?(?:note|point out|mention|explain|emphasi[sz]e|stress|remind "
                 r"(?:the )?(?:viewers?|audience)|make (?:it )?clear|add a note|conclude)\s+(?:that\s+|how\s+)(.{5,120}?)"
                 r"\.?$", ex.sentence, re.I)
    if not m:
        return []
    text = m.group(1)[0].upper() + m.group(1)[1:]
    return [_beat("text", "text:note", ex, i, [text], _kw(text), text=text, role="note")]


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
    if labels:
        parts = [re.sub(r"^(?:the|a|an)\s+", "", x.strip(), flags=re.I) for x in
                 re.split(r",\s*(?:and\s+)?|\s+and\s+", labels.group(1)) if x.strip()]
        if 2 <= len(parts) <= 6:
            # "Label the sugar-phosphate backbone and the bases": the names, as a caption
            text = "   ·   ".join(_capital(p) for p in parts)
            return [_beat("text", "text:labels", ex, i, [text], _kw(text), text=text, role="note")]
    m = re.match(r"^\s*(?:then\s+)?(?:show|display|present|reveal|draw|sketch|illustrate|depict)\s+(?:the\s+|a\s+|an\s+)?"
                 r"(.{3,70}?)\.?$", ex.sentence, re.I)
    if m and re.match(r"^\s*(?:then\s+)?(?:draw|sketch|illustrate|depict)\b", ex.sentence, re.I) and (
            len(m.group(1).split()) > 8 or ":" in m.group(1)):
        m = None  # a long description of a drawing sbc cannot make: reported, not captioned
    if not m:
        colon = re.match(r"^[^:]*?\b((?:\w+\s+){0,2}\w+)\s*:\s*(.{3,110}?)\.?$", ex.sentence)
        if colon and not re.search(r"\d\s*$", colon.group(1)):
            # "…split it into two components: mg cos θ along the string and mg sin θ along the arc"
            head = re.sub(r"^(?:the|a|an|its|into|two|three|four)\s+", "", colon.group(1), flags=re.I)
            text = f"{head[0].upper() + head[1:]}: {colon.group(2)}"
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
    if not (named or re.search(r"[=<>→–—±×÷^\d]|\s-\s", phrase)) or words & picture_words():
        # "Show a green leaf in the middle of the screen": a description of a picture sbc cannot draw. Drawing
        # the words would put an instruction on screen; the sentence is reported instead (SB301).
        return []
    # "Show the pairing rules A – T and G – C": a phrase that carries symbols or numbers, as a caption
    phrase = phrase[0].upper() + phrase[1:]
    return [_beat("text", "text:noun-phrase", ex, i, [phrase], _kw(phrase), text=phrase, role="note")]
