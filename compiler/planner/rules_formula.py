"""Formulas on screen: marking a piece of one, and a derivation written as one chain.

* "Box the final answer in yellow", "Highlight 0/0 in red", "Circle the 1 in the numerator": the mark
  lands on that piece of the typeset formula on screen (a `highlight` beat with `part`), in the colour
  the sentence names. The answer of a formula is what its last `=` gives.
* "Derive step by step: ∫ x dx = [x²/2] = 1/2": a chain of `=` written in one sentence under a
  derivation cue is built as `steps`, one line per `=`, revealed with the narration.
"""

from __future__ import annotations

import re

from ..mathtext import to_tex
from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted, clause_spans
from .knowledge import answer_quantities, derivation_cue, formula_piece_names, formula_words
from .typeset import is_written_formula
from .parts import nth_part
from .theme import colour_named

_LEX = formula_words()
_MARK = re.compile(r"^\s*(?:(?:then|now|next|finally|also|and)\b,?\s*)*(?:" + "|".join(_LEX["mark_verbs"]) + r")\b",
                   re.I)
_BOX = re.compile(r"^\s*(?:(?:then|now|next|finally|also|and)\b,?\s*)*(?:" + "|".join(_LEX["box_verbs"]) + r")\b|\bboxed\b",
                  re.I)
_PUT_IN_BOX = re.compile(r"^\s*(?:(?:then|now|next|finally|also|and)\b,?\s*)*(?:put|place|enclose|frame)\s+(?:the\s+|it\s+)?"
                         r"(?:[\w-]+\s+){0,3}?in(?:side)?\s+an?\s+(?:[\w-]+\s+){0,2}?(?:box|frame|rectangle)\b", re.I)
# "The final result is surrounded by a box": the same, said of the formula
_PASSIVE_BOX = r"\b(?:is|are|gets?)\s+(?:surrounded|enclosed|framed|boxed)(?:\s+(?:by|in|with)\s+an?\s+(?:[\w-]+\s+)?(?:box|frame|rectangle))?\b"
_MARK = re.compile(_MARK.pattern + "|" + _PUT_IN_BOX.pattern + "|" + _PASSIVE_BOX, re.I)
_BOX = re.compile(_BOX.pattern + "|" + _PUT_IN_BOX.pattern + "|" + _PASSIVE_BOX, re.I)
_ANSWER = re.compile(r"\b(?:" + "|".join(_LEX["answer_nouns"]) + r")\b", re.I)
_DERIVE = derivation_cue()


def _top_level_eq(expr: str) -> list[int]:
    """Positions of the `=` signs of a formula that are outside brackets and braces (not `<=`, `==`)."""
    out, depth = [], 0
    for k, ch in enumerate(expr):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == "=" and depth == 0 and expr[k - 1:k] not in ("<", ">", "!", "=", ":") and expr[k + 1:k + 2] != "=":
            out.append(k)
    return out


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s).lower()


def _formulas_on_screen(ctx: Context) -> list[tuple[Beat, str]]:
    """(beat, formula as written) for every typeset formula on screen, newest first."""
    out = []
    for b in since_clear(ctx):
        if b.kind in ("equation", "steps"):
            lines = b.params.get("exprs") or b.params.get("lines") or []
            out.extend((b, str(x)) for x in reversed(lines))
        elif b.kind == "text" and not b.rule.startswith("text:labels") and is_written_formula(str(b.params.get("text", ""))):
            out.append((b, str(b.params["text"])))  # "t = 2.02 s", typeset once the scene is planned
    return out


def _answer_named(bare: str, shown: list[tuple[Beat, str]]) -> str | None:
    """"Box the speed result", "highlight the final angle": the newest formula on screen of that quantity (by its
    unit or symbol, data: `answer_quantities`), when the sentence names one."""
    answer = "|".join(_LEX["answer_nouns"])
    for nouns, pattern in answer_quantities().items():
        if re.search(r"\b(?:" + nouns + r")\s+(?:" + answer + r"|value)\b|\b(?:" + answer + r")\s+(?:for|of)\s+(?:the\s+)?"
                     r"(?:[\w-]+\s+)?(?:" + nouns + r")\b|\bfinal\s+(?:" + nouns + r")\b", bare, re.I):
            return next((expr for _, expr in shown if re.search(pattern, expr)), None)
    return None


def _in_formula(piece: str, expr: str) -> bool:
    """Whether `piece` is written inside `expr` (as written, or once both are TeX): "1/6" in "= \\frac{1}{6}"."""
    if len(_squash(piece)) == 0 or _squash(piece) == _squash(expr):
        return False
    if re.fullmatch(r"-?\d+(?:[.,]\d+)?", _squash(piece)):
        # a number is in a formula as a whole number: "2.32" is not in "2.3219", nor "3" in "5730"
        return re.search(r"(?<![\d.,])" + re.escape(_squash(piece)) + r"(?!\d|[.,]\d)", _squash(expr)) is not None
    if _squash(piece) in _squash(expr):
        return True
    a, b = to_tex(piece).tex, to_tex(expr).tex
    if not (a and b):
        return False
    # the letters of TeX commands are no part of the formula: "t" is not in "0.1\,\text{m}"
    a, b = (_squash(re.sub(r"\\[A-Za-z]+", " ", x)) for x in (a, b))
    return bool(a) and a in b and a != b


_COEFFICIENT = re.compile(r"\b(?:the\s+)?(?:coefficients?\s+)?(\d+)\s*(?:\((implicit|unwritten|invisible|hidden|understood|"
                          r"not\s+written)\)\s*)?(?:of|in\s+front\s+of|before|on)\s+(?:the\s+)?([A-Z][A-Za-z0-9₀-₉_{}]*)")


def _species_key(s: str) -> str:
    return re.sub(r"[_{}\s]", "", s.translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")))


def _coefficients(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Highlight the coefficient 1 (implicit) of C3H8 and the 3 of CO2": each coefficient in the chemical equation on
    screen, by the species it stands before; one that is not written (an implicit 1) cannot be marked — said."""
    if not re.search(r"\bcoefficients?\b", ex.sentence, re.I):
        return None
    from ..chemtext import chem_to_tex

    hits = list(_COEFFICIENT.finditer(ex.sentence))
    eq = next((expr for _, expr in reversed(_formulas_on_screen(ctx)) if chem_to_tex(expr)), None)
    if not hits or eq is None:
        return None
    species = {}
    for sp in re.split(r"\s*(?:\+|-->|->|→|⟶|=|\\rightarrow|\\longrightarrow|\\to(?![a-z]))\s*", eq):
        m = re.match(r"(\d*)\s*(.+)", sp.strip())
        if m and m.group(2):
            species.setdefault(_species_key(m.group(2)), m.group(1))
    beats, said = [], len(ctx.losses)
    # ("the 3 in front of CO2 … highlighted with yellow circles": the style's colour for the marks)
    colour = colour_named(ex.sentence) or next((c for p, c in ctx.theme.labels.items() if re.search(
        r"\b(?:highlight|circle)", p) and re.search(r"\bcoefficients?\b|\bin front of\b", p)), None)
    for m in hits:
        n, unwritten, name = m.group(1), m.group(2), m.group(3)
        written = species.get(_species_key(name))
        if written is None:
            continue
        if written == n:
            beats.append(_beat("highlight", "highlight:coefficient", ex, i, (), _kw(ex.sentence), target=eq, part=n,
                               color=colour))
        elif not written and n == "1":
            ctx.lost(i, f"the coefficient 1 of {name} is not written in the equation ({'said ' + unwritten if unwritten else 'implicit'}):"
                        " it is not marked")
        else:
            ctx.lost(i, f"the equation shows the coefficient {written or 1} of {name}, not {n}: it is not marked")
    if not beats and len(ctx.losses) == said:
        return None
    return beats


def rule_formula_target(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Box the final answer", "Highlight 0/0 in red", "Circle the 1": mark that piece of a formula on screen."""
    if not _MARK.search(ex.sentence) or nth_part(ex.sentence, since_clear(ctx)) is not None:
        return []  # "Highlight line 2", "Box the last row": a part named by its position (rule_highlight)
    coefficients = _coefficients(ex, ctx, i)
    if coefficients is not None:
        return coefficients
    if re.search(r"\bwith\s+(?:an?\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,2}?(?:dots?|points?|markers?|stars?|crosses|cross)\b|"
                 r"\bmark\s+(?:the\s+)?(?:\w+\s+)?(?:points?|nodes?|antinodes?|locations?|positions?|spots?|examples?|"
                 r"values?)\b", ex.bare, re.I):
        return []  # "Mark the point x = 0 with a red dot labeled "N"": a dot to place, not a piece of a formula to mark
    shown = _formulas_on_screen(ctx)
    target = part = None
    candidates = [q for q in ex.quoted + ex.backticked] + [t.rstrip(".") for t, _, _ in ex.prose]
    words = re.findall(r"(?<![\w^])(?:\d+(?:\.\d+)?(?:/\d+)?|[A-Za-z](?:\^\d+)?|\d+/\d+)(?![\w^])", ex.bare)
    # a quoted label that is on no formula is new text to write; the letters of the sentence are then no target
    # ('a brace between two peaks (t = 0 and t = 0.628), labeled "T = 2π/ω"' marks no "t")
    # nor when the sentence writes a formula of its own that is not on screen ("Box the general result: cₙ = 1/n!")
    unseen = [t.rstrip(".") for t, _, _ in ex.prose if t.rstrip(".") not in ctx.consumed
              and not any(_squash(t.rstrip(".")) == _squash(expr) for _, expr in shown)]
    # nor when it names the answer ("The final answer is boxed, and a remark notes that 2.32 is between 2 and 3")
    bare_words = [w for w in words if w.lower() not in ("a", "i")] if not (
        ex.quoted or ex.backticked or unseen or _ANSWER.search(ex.bare)) else []
    more: list[tuple[str, str | None]] = []  # 'Highlight the words "same current" and "same voltage"': each of them
    for cand in (candidates + bare_words) if shown else []:
        holding = [expr for _, expr in shown if _in_formula(cand, expr)]
        # "Box the results "6 Ω" and "1 A"": the line whose result it is, before a line that only uses it
        ends = [e for e in holding if _squash(e).rstrip("✓").endswith(_squash(cand))]
        ends = [e for e in ends if not re.match(r"\s*(?:check|verify)\b", e, re.I)] or ends  # (a check repeats the result)
        hit = ends[0] if ends else (holding[0] if holding else None)
        whole = next((expr for _, expr in shown if _squash(cand) == _squash(expr)), None)
        if hit is None and whole is None:
            continue
        found = (hit, cand.strip()) if hit is not None else (whole, None)
        if target is None:
            target, part = found
            if cand not in candidates:
                break  # (a letter or number of the sentence: the first one only)
        elif cand in candidates and found != (target, part) and found not in more:
            more.append(found)
    if target is None and (ex.quoted or ex.backticked):
        return []  # "Box the final answer "36 g of water"": new text to write, then box (rule_highlight)
    fresh = [t.rstrip(".") for t, _, _ in ex.prose if t.rstrip(".") not in ctx.consumed]
    # ("Highlight the k = 2 bar in yellow": "k = 2" names a bar on screen — the bar is marked, nothing is written)
    labels = {_squash(str(x)) for b in since_clear(ctx) for x in b.strings}
    # ("Highlight the bar at k = 3": the bar "3" of the chart on screen, k being what its bars count)
    labels |= {_squash(f) for f in fresh for b in since_clear(ctx) if b.kind == "bar_chart" and re.fullmatch(
        r"[A-Za-z]\w?\s*=\s*(\S{1,12})", f) and re.fullmatch(r"[A-Za-z]\w?\s*=\s*(\S{1,12})", f).group(1) in
        {str(x) for x in b.params.get("labels") or []}}
    fresh = [f for f in fresh if _squash(f) not in labels]
    if target is None and fresh and (_BOX.search(ex.sentence) or re.search(r"^\W*(?:\w+,?\s+)?(?:highlight|circle|underline)\b",
                                                                      ex.sentence, re.I)):
        # "Finally box the result: f(x) = (4/π)(sin x + …)": a formula not on screen yet — write it, then mark it
        # ("Box the results:" then one formula per line: each written, each marked)
        fs = fresh[:3]
        ctx.consumed.update(fs)
        ex.prose[:] = []
        ex.formulas[:] = []
        ctx.stop = True
        return [_beat("equation", "equation:marked", ex, i, fs, _kw(" ".join(fs)), exprs=fs)] + [
            _beat("highlight", "highlight:formula", ex, i, (), _kw(ex.sentence), target=f,
                  color=colour_named(ex.sentence), mode="box" if _BOX.search(ex.sentence) else None) for f in fs]
    named = _answer_named(ex.bare, shown) if target is None and shown else None
    if target is None and shown and (named or _ANSWER.search(ex.bare)):
        # the answer of a derivation is its last line — not a reminder written beside it later
        last_lines = [e for b, e in shown if b.kind == "steps" and (b.params.get("lines") or [None])[-1] == e]
        expr = named or (last_lines[0] if last_lines else shown[0][1])
        eqs = _top_level_eq(expr)
        target = expr
        if eqs and expr[eqs[-1] + 1:].strip():
            part = expr[eqs[-1] + 1:].strip().rstrip(".")
    if target is None:
        return []
    for cand in candidates:
        if not (cand in ex.quoted and len(cand.split()) >= 3 and not any(_in_formula(cand, expr) for _, expr in shown)):
            ctx.consumed.add(cand)  # (a quoted sentence on no formula is new text to write, not a piece marked)
    ex.prose[:] = []
    ex.formulas[:] = []
    # ("Then highlight the n² term and write 'Drop constants and smaller terms → O(n²)'": that text is still to write)
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed and len(q.split()) >= 3]
    mode = "box" if _BOX.search(ex.sentence) else None
    return [_beat("highlight", "highlight:formula-part" if p else "highlight:formula", ex, i, (),
                  _kw(ex.sentence), target=t, part=p, color=colour_named(ex.sentence), mode=mode)
            for t, p in [(target, part)] + more[:3]]


_LABEL = re.compile(r"\b(?:" + "|".join(_LEX["label_verbs"] + _LEX["label_arrows"]) + r")\b", re.I)
_ARROWS = re.compile(r"\b(?:" + "|".join(_LEX["label_arrows"]) + r")\b", re.I)
_LEAD = re.compile(r"^\s*(?:(?:then|now|next|finally|also|and)\b,?\s*)*(?:(?:" + "|".join(_LEX["label_verbs"]) +
                   r")\s+)?(?:(?:the|each)\s+)?(?:(?:" + "|".join(_LEX["piece_nouns"]) + r")\s+)?", re.I)
_LINK = "|".join((r"\b" + w if w[:1].isalpha() else w) for w in sorted(_LEX["label_links"], key=len, reverse=True))
_LINK_END = re.compile(r"\s*(?:" + _LINK + r")\s*$", re.I)
_LINK_START = re.compile(r"^\s*(?:" + _LINK + r")\s*", re.I)
_QUOTE = re.compile(r"[\"\u201c]([^\"\u201d\n]{1,80})[\"\u201d]")
# "Under m write "mass" and under a write "acceleration"": a label written by its piece
_UNDER = re.compile(r"\b(?:under|below|beneath|underneath|above|over)\s+\S{1,24}\s+(?:write|put|add|place|show|display)\s*"
                    r"[\"\u201c\x01]|\b(?:under|below|beneath|underneath|above|over)\s+[^\"\u201c\x01.;]{1,40}?\s+the\s+"
                    r"(?:label|text|caption)\s*[\"\u201c\x01]|^\W*(?:under|below|beneath|underneath|above|over)\s+[^:\"\u201c]{1,40}:\s*[\"\u201c\x01]", re.I)
# 'under "A" write "…"': a quoted piece, then its label
_UNDER_QUOTED = re.compile(r"^\W*(?:(?:then|and|also)\s+)?(?:under|below|beneath|underneath|above|over)\s+(?:the\s+)?$", re.I)
_WRITE_VERB = re.compile(r"\s*,?\s*(?:write|put|add|place|show|display)\s*(?:the\s+(?:word|label|text)\s*)?", re.I)
# "under m write "mass"", "- under f(x+h) − f(x): "rise"": the piece the label goes under (or over)
_UNDER_PIECE = re.compile(r"^\W*(?:(?:then|and|also)\s+)?(?:under|below|beneath|underneath|above|over)\s+(?:the\s+)?"
                          r"(?:(\S{1,24}?)\s*,?\s+(?:write|put|add|place|show|display)\s*(?:the\s+(?:word|label|text)\s*)?|"
                          r"([^:]{1,40}?)\s*:\s*)$", re.I)


_PIECE_NAMES = formula_piece_names()
_SIDE_WORD = re.compile(r"^(?:under|below|beneath|underneath|above|over)\s+(?:the\s+)?", re.I)


def _named_piece(words: str, shown: list[tuple[Beat, str]]) -> str | None:
    """"the square root", "the sum": the piece as the formula on screen writes it (`\\sqrt`, `^2`)."""
    name = re.sub(r"^(?:the|its|each)\s+", "", words.strip().lower())
    for written in _PIECE_NAMES.get(name, ()):
        for _, expr in shown:
            at = expr.find(written)
            if at >= 0:
                return _whole_piece(expr, at, written)
    return None


def _group_end(expr: str, k: int) -> int:
    """The index after the bracket group that opens at k ("{…}", "(…)", "[…]"), or k when none opens there."""
    pairs = {"{": "}", "(": ")", "[": "]"}
    if k >= len(expr) or expr[k] not in pairs:
        return k
    depth = 0
    for j in range(k, len(expr)):  # ends: j reaches the end of the formula
        depth += expr[j] in pairs
        depth -= expr[j] in pairs.values()
        if depth == 0:
            return j + 1
    return k


def _whole_piece(expr: str, at: int, written: str) -> str:
    """The piece a structural name calls, whole: the square root with what it covers (`\\sqrt{…}`), a fraction with
    both its parts, a power with its base (`(x_i - \\mu)^2`) — what the formula draws as one."""
    end = at + len(written)
    if written in ("\\sqrt", "\\frac"):
        end = _group_end(expr, end)
        if written == "\\frac":
            end = _group_end(expr, end)
        return expr[at:end]
    if written.startswith("^") and at > 0:
        openers = {")": "(", "}": "{", "]": "["}
        j = at - 1
        if expr[j] in openers:
            depth = 0
            for k in range(j, -1, -1):  # ends: k reaches the start of the formula
                depth += expr[k] in openers
                depth -= expr[k] in openers.values()
                if depth == 0:
                    return expr[k:end]
            return written
        base = re.search(r"[A-Za-z0-9]+(?:_\{?\w+\}?)?$", expr[:at])
        return expr[base.start():end] if base else written
    return written


def _piece_on_screen(runs: list[str], shown: list[tuple[Beat, str]]) -> str | None:
    """The longest of `runs` (the words next to a label, one more each) that is a piece of a formula on screen, its
    brackets balanced: "Label P(D)" -> "P(D)"."""
    best = None
    for piece in runs:
        if piece.count("(") != piece.count(")") or piece.count("[") != piece.count("]"):
            continue
        if any(_in_formula(piece, expr) or _squash(piece) == _squash(expr) for _, expr in shown):
            best = piece
    return best


def _formula_with_labels(ex: Extracted, ctx: Context, i: int) -> Beat | None:
    """'Show the general formula "y = A sin(ωθ)" with arrows: "A: radius (height)" and "ω: spin speed"': the formula the
    sentence writes before the labels that point into it (an equation beat, not yet on screen)."""
    first = _QUOTE.search(ex.sentence)
    colon = re.search(r":\s", ex.sentence[first.end():]) if first else None
    if first is None or colon is None or not _ARROWS.search(ex.sentence[first.end():first.end() + colon.start()]):
        return None
    formula = first.group(1).strip()
    if formula in ctx.consumed or not is_written_formula(formula):
        return None
    return _beat("equation", "equation:formula", ex, i, [formula], _kw(formula), exprs=[formula])


def rule_formula_labels(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Label each part with arrows: P(D) as "prior", P(+ | D) as "likelihood", …", "Under each symbol, add a label with
    an arrow: F "net force (N)", m "mass (kg)", a "acceleration"": an arrow from each label to its piece of the
    formula on screen (annotations) — not boxes of a diagram. A piece the formula does not hold is reported (SB307)."""
    shown = _formulas_on_screen(ctx)
    new = _formula_with_labels(ex, ctx, i)
    if new is not None:
        shown = [(new, new.params["exprs"][0])] + shown
    if not shown or not (_LABEL.search(ex.bare) or _UNDER.search(ex.bare)):
        return []
    s = ex.sentence
    colon = re.search(r":\s", ex.bare)
    first = _QUOTE.search(s)
    # "Label each part: P(D) as …" — the pairs after the colon; "under f(x+h) − f(x): "rise"" — the colon is the pair's
    start = colon.end() if colon and not (first and _UNDER_PIECE.match(s[:first.start()])) else 0
    quotes = [m for m in _QUOTE.finditer(s, start) if m.group(1).strip() not in ctx.consumed]
    if not quotes:
        return []
    pairs: list[tuple[str, str, bool]] = []  # (piece, label, found on screen)
    # 'a small label with an arrow under each symbol:' then '"P: pressure in pascals"', '"R = 8.314 J/(mol·K)"': each
    # label names its symbol first
    if new is not None:
        quotes = [q for q in quotes if q.group(1).strip() != new.params["exprs"][0]]
    named = [re.match(r"\s*([^\s:=]{1,3})\s*(?::|=|\bin\b|\bis\b)\s*\S", q.group(1)) for q in quotes]
    if len(named) >= 2 and all(named) and (new is not None or re.search(
            r"\b(?:symbols?|letters?|variables?|quantit(?:y|ies)|parts?|terms?|pieces?)\b", ex.bare, re.I)):
        for q, m in zip(quotes, named):
            piece = _piece_on_screen([m.group(1)], shown)
            pairs.append((piece if piece is not None else m.group(1), q.group(1).strip(), piece is not None))
    named_pieces = 0  # quotes that name a piece ('under "A" write "matrix"'), not labels
    for a, b in ([] if pairs else clause_spans(ex.bare[start:])):
        a, b = a + start, b + start
        inside = [m for m in quotes if a <= m.start() < b]
        if len(inside) == 2 and _UNDER_QUOTED.match(s[a:inside[0].start()]) and _WRITE_VERB.fullmatch(
                s[inside[0].end():inside[1].start()]):
            # 'under "A" write "matrix (transformation)"': the first quote is the piece, the second its label
            piece = _piece_on_screen([inside[0].group(1).strip()], shown)
            named_pieces += 1
            pairs.append((piece if piece is not None else inside[0].group(1).strip(), inside[1].group(1).strip(),
                          piece is not None))
            continue
        if len(inside) != 1:
            continue
        q = inside[0]
        label = q.group(1).strip()
        # the piece is all the clause says besides its label: "P(D) as", "Label E as", "the term P(D) as" — not the
        # end of "a line from x to h labeled "w1 = 0.5"" (the label of the line)
        under = _UNDER_PIECE.match(s[a:q.start()])  # "under m write "mass"": m
        before = (under.group(1) or under.group(2)).strip() if under else _LEAD.sub("", _LINK_END.sub("", s[a:q.start()])).strip()
        after = _LEAD.sub("", _LINK_START.sub("", s[q.end():b].rstrip(" .;!"))).strip()
        # "h in the denominator": h; "the whole fraction": the formula itself
        before = re.sub(r"\s+in\s+the\s+(?:denominator|numerator|exponent|bottom|top)$", "", before, flags=re.I)
        before = _SIDE_WORD.sub("", before)  # "under (x_i - μ) the label …": the piece is (x_i - μ)
        if re.fullmatch(r"(?:the\s+)?(?:whole\s+|entire\s+)?(?:fraction|formula|equation|expression|right side|left side)",
                        before, re.I):
            pairs.append((shown[0][1], label, True))
            continue
        piece = _piece_on_screen([before], shown) if before else None
        if piece is None and before:
            piece = _named_piece(before, shown)  # "under the square "2. square it"": the ^2
        if piece is None and after and not before and _LINK_START.match(s[q.end():b]):
            piece = _piece_on_screen([after], shown)
        if piece is not None:
            pairs.append((piece, label, True))
        elif before and len(before) <= 12 and re.fullmatch(r"[^\s\w]*\w{1,3}\S*", before):
            pairs.append((before, label, False))  # a symbol the formula does not hold: reported
    if not any(found for _, _, found in pairs) or len(pairs) != len(quotes) - named_pieces or len(pairs) < 2 and not (_ARROWS.search(ex.bare) or _UNDER.search(ex.bare)):
        return []  # (one label without an arrow, "Label η as "learning rate"": a caption of the formula, rule_highlight)
    side = "down" if re.search(r"\b(?:under|below|beneath|underneath)\b", ex.bare, re.I) else \
        "up" if re.search(r"\b(?:above|over)\b", ex.bare, re.I) else None
    style = "brace" if re.search(r"\b(?:curly\s+)?braces?\b", ex.bare, re.I) and not _ARROWS.search(ex.bare) else "arrow"
    out = []
    if new is not None:
        if not any(found for _, _, found in pairs):
            return []
        ctx.consumed.add(new.params["exprs"][0])  # the formula the labels point at, written first
        out.append(new)
    for piece, label, found in pairs:
        if not found:
            ctx.lost(i, f"{piece!r} is not in the formula on screen: the label {label!r} points at the formula")
        at = s.find(label)
        own = re.findall(r"\b(under|below|beneath|underneath|above|over)\b", s[max(0, at - 60):at], re.I) if at > 0 else []
        # ("under (x_i - μ) the label …, … and over the square root "…"": each label on the side its clause says)
        here = ("up" if own[-1].lower() in ("above", "over") else "down") if own else side
        out.append(_beat("annotation", "annotation:formula-part", ex, i, [label], _kw(label) + ("arrow",),
                         style=style, target=piece, label=label, side=here))
        ctx.consumed.update((label, piece))  # (the piece is the formula's, drawn there: not a formula of its own)
    ex.prose[:] = []
    ex.formulas[:] = []
    ctx.stop = True
    return out


def rule_derivation(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Derive step by step: A = B = C": one chain of `=` under a derivation cue, built line by line."""
    if not _DERIVE.search(ex.bare) or "\n" in ex.sentence:
        return []  # (lines written one under the other are a derivation already: rule_steps)
    written = [t.rstrip(".") for t in ex.quoted + ex.backticked if t not in ctx.consumed] + \
              [t.rstrip(".") for t, _, _ in ex.prose if t not in ctx.consumed]
    chains = [c for c in written if len(_top_level_eq(c)) >= 2]
    if len(chains) != 1 or len(written) != 1:
        return []  # one chain of "=" and nothing else: several formulas are several lines already
    expr = chains[0]
    cuts = _top_level_eq(expr)
    lines = [expr[:cuts[1]].strip()] + ["= " + expr[a + 1:b].strip() for a, b in zip(cuts[1:], cuts[2:] + [len(expr)])]
    if any(not line.strip("= ") for line in lines):
        return []
    ctx.consumed.add(expr)
    ex.prose[:] = [p for p in ex.prose if p[0].rstrip(".") != expr]
    ex.formulas[:] = [f for f in ex.formulas if f.rstrip(".") != expr]
    return [_beat("steps", "steps:chain", ex, i, lines, _kw(expr), lines=lines[:8])]
