"""Rules for formulas and matrices: a formula the sentence quotes, backticks or writes bare in the prose
(`y = x^2`, `$\frac{a}{b}$`, `E = mc²`), assignments written together (`p = 3, q = 11`) as one line, and
matrices written as nested lists (`[[1, 2], [3, 4]]`), named with their entries, or abstract (`a 3x3
matrix`). Formulas are typeset through `compiler.mathtext`.
"""

from __future__ import annotations

import re
from ..mathtext import greek_letters, looks_like_math, said_heads, to_tex
from .beats import Beat
from .context import Context, _beat, _fmt, _has, _kw, since_clear
from .extract import MATRIX, QUOTED, Extracted, written_by_rows
from .quantity import NUM
from .knowledge import instruction_verbs, is_instruction, without_place
from .rules_network import label_after, number_or_text


def quoted_formula(q: str) -> bool:
    """Whether a quoted string is a formula to typeset, not text: math with few words, or TeX — never a sentence with
    a formula in it ("… bell curve with center mu and spread sigma / sqrt(n)": typeset whole, the words became the top of
    a fraction)."""
    words = [w for w in re.findall(r"(?<![\\A-Za-z])[A-Za-z]{3,}", greek_letters(q)) if w.lower() not in _MATH_NAMES]
    if len(words) > 4 and not re.search(r"\\[A-Za-z]{2,}", q):
        return False  # (TeX in a sentence — "mean \mu and finite variance \sigma^2" — is typeset, words as text)
    return len(q) <= 120 and bool(re.search(r"\d\s*\^\s*[\d(-]|[√∑∫∏]|\b(?:sqrt|lim)\s*\(", q) or (
        re.search(r"[=≈≤≥<>]", q) and looks_like_math(greek_letters(q)) and len(words) <= 1
        and not _ASSIGN.fullmatch(q)) or (  # "T = 2 s": a value with its unit reads as text
        re.search(r"\\[A-Za-z]{2,}", q) and re.search(r"[=+^_{}]", q)))  # TeX (SB302 if sbc cannot typeset it)


# names of functions and operators that are maths, not words ("det(R - lambda I) = lambda^2 + 1 = 0")
_MATH_NAMES = {"sqrt", "lim", "sin", "cos", "tan", "cot", "sec", "csc", "log", "exp", "mod", "frac", "text", "cdot",
               "times", "det", "gcd", "lcm", "max", "min", "arg", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan"}


_DISPLAY = (r"^\s*(?:and\s+)?(?:then\s+|now\s+|next,?\s+|finally,?\s+|also\s+|(?:below|under|beside|above)\s+(?:it|that|this),?\s+|"
            r"underneath,?\s+|after that,?\s+|at the (?:top|bottom),?\s+|on the (?:right|left)(?: side| half)?,?\s+|"
            r"(?:in|at) the (?:top|bottom)[ -](?:right|left)(?: corner)?,?\s+|to the (?:right|left)(?: of (?:it|that|this))?,?\s+)?(?:show|display|write|present|reveal|"
            r"introduce|state|put|type|print|derive|give|flash|bring up|add|fade in|pop up|animate the (?:formula|"
            r"equation|expression)|solve|compute|calculate|evaluate|substitute|simplify|factor|expand|rewrite|compare|"
            r"check|verify|conclude|obtain|get|find|note|recall)\b")


_FORMULA_CUE = (r"\b(?:formula|formulae|formulas|equation|equations|expression|identity|theorem|law|rule|"
                r"definition|calculation|substitution|result|answer|antiderivative|derivative|integral|sum|product|"
                r"relationship|relation|inequality|limit|ratio|update|computation|approximation|simplif(?:y|ies|ying|ication)|"
                r"reactions?|decay|"
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
    after_colon = any(re.search(r":\s*$", bare[:a]) and re.search(r"[=≈∝≡]", t) for t, a, _ in ex.prose)
    # "and below it MathTex e^{0.5} = \; ?": a place, then the formula and nothing else — written there
    alone = re.fullmatch(r"\s*(?:\d+[.)]\s*)?(?:and\s+)?(?:then\s+)?(?:(?:below|under|beside|above|next to)\s+(?:it|that|this)|"
                         r"on the (?:right|left)|underneath|to the (?:right|left))?,?\s*", bare[:ex.prose[0][1]], re.I) is not None \
        and re.fullmatch(r"[\s.]*", bare[ex.prose[0][2]:]) is not None and re.search(r"[=≈∝≡]", ex.prose[0][0]) is not None
    # "Finish with the comparison 1.75 < 2": the formula the word names, written right after it
    named = any(re.search(r"\b(?:comparison|inequality|identity)\s*:?\s*$", bare[:a], re.I) and re.search(r"[=<>≤≥≈]", t)
                for t, a, _ in ex.prose)
    if not (display or cue or after_colon or alone or named):
        return []
    out = []
    picture = re.search(r"\b(?:plot|graph|chart|axes|diagram|histogram)\b", bare, re.I) is not None
    for text, a, _ in ex.prose:
        text = text.strip()
        text = text[:-1] if text.endswith("....") else text if text.endswith("...") else text.rstrip(".")  # "+ ..." goes on
        if text in ctx.consumed:
            continue
        if picture and (not re.search(r"[=≈<>≤≥]", text) or is_value(text) or re.search(
                r"\([^()]*\b[A-Za-z]{3,}\b[^()]*\)\s*$", text)):
            continue  # "show a line plot of 10ⁿ/n! for n = 0 to 30, a peak near n = 10 (value ≈ 2756)": the picture's settings
        if _ASSIGN.match(text) and _POSITION.search(bare[max(0, a - 30):a]) and not cue:
            continue  # "Animate a line from x = 2200": where, not what
        if "[[" in text.replace(" ", "") or (re.match(r"^\s*\S{1,4}\s*=\s*\[[^\[\]]+\]\s*$", text)
                                                             and re.search(r"\bvectors?\b|\bbasis\b", bare, re.I)):
            continue  # "the matrix A = [[2, 1], [0, 1]]", "the vectors î = [1, 0]": drawn by rule_matrix
        out.append(text)
    return out


_PLACE = re.compile(r"\b(?:at|from|to|near|until|past|beyond|between|towards?|reach(?:es)?|above|below)\s+(?:the\s+)?"
                    r"(?:point\s+)?$", re.I)
_VALUE = re.compile(r"[^\W\d]\w{0,6}'?\s*=\s*[+\-−]?[\d.,]+\s*(?:[+\-−]\s*[\d.]*\s*i\s*)?"
                    r"(?:[A-Za-zΩ°µ%]+(?:\s*[/·*^]\s*[A-Za-zΩ°µ\d²³]+)*)?")
def is_value(text: str) -> bool:
    """"x = +0.1 m", "v0 = 15 m/s", "z = 1 + 2i": a name given a value — a setting, a place or a point, not a formula
    to show."""
    return _VALUE.fullmatch(text.strip()) is not None


_MATH_WORDS = {"sqrt", "log", "ln", "sin", "cos", "tan", "exp", "det", "max", "min", "lim", "mod", "gcd", "phi",
               "theta", "alpha", "beta", "gamma", "delta", "lambda", "sigma", "omega", "eta", "rho", "tau", "hat",
               "bar", "vec", "dot", "sum", "arctan", "arcsin", "arccos", "sinh", "cosh", "tanh"}
_WORKED = re.compile(r"[*/^+×·÷√∫Σ∑∏]|\s[-−]\s|[A-Za-zα-ω]\s*\(|\b(?:sqrt|log|ln|sin|cos|tan|exp)\b")


def _holds_number(v, x: float) -> bool:
    """Whether a beat's parameters hold the number `x` (a magnitude, a scale, a coordinate) anywhere."""
    if isinstance(v, dict):
        return any(_holds_number(w, x) for w in v.values())
    if isinstance(v, (list, tuple)):
        return any(_holds_number(w, x) for w in v)
    return isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v - x) < 1e-9


def kept_formulas(ex: Extracted, prose, ctx: Context, i: int) -> list[Beat]:
    """A formula written in the prose (`prose`: the sentence's formula spans, read afresh) that no beat of its sentence
    draws ("… with P * V = n * R * T in the center", "write "A -> B", then P1 * V1 = P2 * V2") is typeset on its own —
    a relation with operations, never a value ("at V = 25 L": a place) — so that no formula of the details is silently
    lost."""
    sentence = ex.sentence
    if not prose or re.match(r"\W*(?:\d+[.)]\s*)?(?:use|let|assume|set|take|choose|pick|suppose)\b", sentence, re.I):
        return []  # "Use a = 1.5 and b = 2 units, so the side is a + b = 3.5": values for the animator to draw with
    shown = None
    out = []
    for text, a, _ in prose:
        if re.search(r"\b(?:where|given|such that|assuming)\s+(?:\w+\s+){0,2}$", sentence[max(0, a - 30):a], re.I):
            continue  # "…, where s = a + b": a name the sentence defines, not a formula to show
        if _PLACE.search(sentence[max(0, a - 30):a]) or re.search(r"\b(?:up|down|on|along|onto)\s+(?:to\s+)?$",
                                                                    sentence[max(0, a - 12):a], re.I):
            continue  # "goes from y = x^2 up to y = x": where a thing is drawn, not a formula to show
        t = text.strip()
        t = t if re.search(r"(?:\.\.\.|…)$", t) else t.rstrip(".,;")  # ("θ⁵/120 − ...": the series goes on)
        if "\\" in t or "\n" in t or "[[" in t.replace(" ", "") or not re.search(r"[=≈≠≤≥∝≡]", t):
            continue  # (LaTeX is kept by its own rule; a matrix is drawn by rule_matrix)
        inner = re.fullmatch(r"\((.*)\)", t)
        if all(is_value(part) for part in re.split(r"[,;]\s+", inner.group(1) if inner else t)):
            continue  # values ("x = +0.1 m", "(k = 50 N/m, m = 0.5 kg)", "z = 1 + 2i"): settings, places, points
        if not any(_WORKED.search(side) for side in re.split(r"[=≈≠≤≥∝≡]", t)):
            continue
        words = [w for w in re.findall(r"(?<![\w_^])[A-Za-z]{3,}(?![\w(])", t) if w.lower() not in _MATH_WORDS]
        if words:
            continue  # "(3x4 + 4x2 = 20 lines)", "L = -log(p) (for y = 1)": a note about numbers, not a formula
        result = re.split(r"[=≈]", t)[-1].strip()
        if re.fullmatch(r"-?\d+(?:\.\d+)?", result) and any(
                b.detail_index == i and _holds_number(b.params, float(result)) for b in ctx.beats):
            continue  # "stretch the arrow so its length is 19.8 / 15 = 1.32 times the blue one": a measure the picture used
        if shown is None:  # what the scene draws so far (a curve's formula, a formula again, a step of a derivation)
            shown = "".join(re.sub(r"\s+", "", str(x)) for b in ctx.beats for x in (*b.strings, b.params))
        if re.sub(r"\s+", "", t) in shown or t in ctx.consumed:
            continue
        if "|" in t and all(re.sub(r"\s+", "", c) in shown for c in t.split("|") if c.strip()):
            continue  # "10¹² | ≈ 2 × 10⁷": cells of a table row the scene draws, not a formula
        out.append(t)
    if not out:
        return []
    out = ctx.capped(i, out, 4, "formulas in one sentence")
    return [_beat("equation", "equation:kept-formula", ex, i, out, _kw(" ".join(out)), exprs=out)]


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
    text = without_place(ex.sentence.strip().rstrip("."))  # ("On the right, x = 5": the place is no part of it)
    if any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        return []  # "Solve: c² = 5² + 12², c² = 25 + 144, …": already built line by line
    if ex.matrices and "[[" in text.replace(" ", ""):
        return []  # "Let A = [[2, 1], [1, 3]]": a matrix written as rows, drawn by rule_matrix (never as raw brackets)
    # "Line 2: likelihood ratio = 90% / 9% = 10": a line the author numbers as one of a derivation — whole, its words
    # and ratios with it (up to a few words of prose)
    numbered = re.match(r"^\s*line\s+\d{1,2}\s*:\s*(?=\S)", text, re.I)
    if numbered and "=" in text and not ex.quoted and "\n" not in text and len(re.findall(r"[A-Za-z]{4,}", text)) <= 7 \
            and to_tex(text[numbered.end():]).tex is not None:
        text = text[numbered.end():]
        return _formula_line(ex, ctx, i, text, None)
    # "Area of circle = Area of rectangle" on a line of its own (no full stop), the first line of a derivation whose
    # next lines start with "=": an equation in words
    worded = re.fullmatch(r"[A-Z][a-z]+(?:\s+[a-z]+){0,4}\s*=\s*[A-Za-z][a-z]+(?:\s+[a-z]+){0,4}", ex.sentence.strip()) is not None
    worded = worded and not re.match(r"\s*(?:" + "|".join(instruction_verbs()) + r")\b", text, re.I)
    if (not text or ex.quoted or "\n" in text or len(re.findall(r"[A-Za-z]{4,}", text)) > 2 and not worded or "=" not in text
            or is_instruction(text) and not worded):
        return []
    head, colon, tail = text.partition(":")
    if colon and "=" in head and "=" not in tail and re.search(r"[A-Za-z]{3,}", tail):
        return []  # "Pass i = 2: Lift 5 as key": a heading and an instruction, not a formula
    if not (worded or looks_like_math(text) or text.startswith("=") or re.fullmatch(r"[^\s=]{1,12}\s*=.+", text)
            or (re.match(r"^[\w(]", text) and to_tex(text).tex is not None and not is_instruction(text))):
        return []
    label = None
    # "Substituting it gives N(t) = N₀ · e^(−(ln 2) · t / T)": the words before the formula say how it comes, they are
    # no part of it
    led = re.match(r"^(?:[A-Za-z][\w']*\s+){1,6}?(?:gives|yields|we get|get|becomes|results in|leads to|is)\s+(.+)$", text)
    if led and "=" in led.group(1) and to_tex(led.group(1)).tex is not None and not re.search(
            r"[A-Za-z]{3,}\s*$", led.group(1)):
        text = led.group(1)
    # "For our table compute α = 6 / 8 = 0.75": what to do with the formula is no part of it either
    # ("Finally x = 3": nor how the narration moves on)
    for asked in re.finditer(r"\b([A-Za-z]+),?\s+(?:that\s+)?(?=\S)", text[:80]):
        if "=" in text[:asked.start()]:
            break
        if (asked.group(1).lower() in instruction_verbs() or asked.start() == 0 and asked.group(1).lower() in
                ("finally", "then", "next", "now", "so", "also", "thus", "hence", "therefore")) \
                and "=" in text[asked.end():] and ":" not in text[asked.end():].split("=")[0] \
                and to_tex(text[asked.end():]).tex is not None:
            text = text[asked.end():]
            break
    named = re.match(r"^([A-Za-z][A-Za-z ']{2,30}):\s*(.+)$", text)
    if named and "=" in named.group(2):
        label, text = named.group(1).strip(), named.group(2).strip()  # "Chain rule: dL/dw1 = …": a named formula
        text = re.sub(r"^(?:MathTex|LaTeX|Tex)\s*:\s*", "", text)  # "Sum: MathTex: W_{net} = …": the label of TeX
        if is_instruction(label) or label.split()[0].lower() in instruction_verbs() or re.match(
                r"(?:then|next|now|finally|and|so|also)\b", label, re.I) or re.fullmatch(
                r"(?:the\s+)?(?:formula|equation|expression|result|calculation|computation|math|maths)", label, re.I):
            # ("Then the pattern: …": how the narration moves on, no name either)
            label = None  # "Write: 12 - 2 I1 = 0", "Substitute: …": what to do; "Formula:": what it is — not its name
    return _formula_line(ex, ctx, i, text, label)


def _formula_line(ex: Extracted, ctx: Context, i: int, text: str, label: str | None) -> list[Beat]:
    """One line of maths: typeset, joined to the line of the sentence before when that was one too (a derivation)."""
    ctx.consumed.add(text)
    ex.prose[:] = []
    ex.formulas[:] = []
    prev = ctx.beats[-1] if ctx.beats else None
    if label is None and prev is not None and prev.rule.startswith("bare-formula") and prev.detail_index == i - 1:
        lines = list(prev.params.get("lines") or prev.params.get("exprs") or []) + [text]
        ctx.beats.pop()
        lines = ctx.capped(i, lines, 8, "formula lines in a row")
        return [_beat("steps", "bare-formula:lines", ex, i, lines, prev.keywords + _kw(text), lines=lines)]
    return [_beat("equation", "bare-formula:line", ex, i, [text] + ([label] if label else []), _kw(text), exprs=[text],
                  label=label)]


def _list_of_lines(sentence: str) -> bool:
    """"Below the table, three takeaways as a list:" then its lines — prose and formulas alike: a list, its formulas
    typeset as items (the bullets helper), not pulled out of it."""
    head, _, rest = sentence.partition("\n")
    return head.rstrip().endswith(":") and len([x for x in rest.split("\n") if x.strip()]) >= 2 and re.search(
        r"\b(?:as\s+a\s+list|(?:bullet(?:ed)?|numbered)\s+list|bullet\s+points?|takeaways?|key\s+points?|list\s+of)\b", head,
        re.I) is not None


def _said_later(f: str, ctx: Context) -> bool:
    """"Transform into the exact distribution for n = 5 …" when the scene writes "n = 5" itself (a counter's state,
    quoted): the words name the case, they are not a formula of their own."""
    flat = re.sub(r"\s+", "", f)
    return len(flat) <= 12 and ctx.mentions(r"[\"\u201c]\s*" + r"\s*".join(map(re.escape, flat)) + r"\s*[\"\u201d]")


def _graph_path(f: str, ctx: Context) -> bool:
    """"the path edges 50-70-60": nodes of the graph on screen joined by dashes, not a subtraction."""
    names = [x for x in re.split(r"\s*[-–—]\s*", f.strip()) if x]
    if len(names) < 2:
        return False
    for b in since_clear(ctx):
        if b.kind == "graph" and not b.params.get("extend"):
            ids = {str(n["id"] if isinstance(n, dict) else n) for n in b.params.get("nodes") or []}
            return all(x in ids for x in names)
    return False


# "new integral: ∫ e^x dx  (easy)": a few words, a colon, a formula, perhaps a short note in brackets
_CAPTIONED_LINE = re.compile(r"\s*(?P<caption>[A-Za-z][A-Za-z ]{1,30}):\s*(?P<formula>[^\n:]{3,80}?)\s*(?:\((?P<note>[^()\n]{1,20})\))?"
                             r"\s*\.?\s*")


# ("Equation becomes: C3H8 + O2 → …", "Result: …": words about the formula, not a part of it)
_META_CAPTION = re.compile(r"^\s*(?:finally|then|now|next|first|second|third|last|lastly|and|so)\b|\b(?:equations?|formulas?|"
                           r"expressions?|results?|answers?|step\s*\d*|line\s*\d*|derivation|calculation|check)\b", re.I)


def rule_equation(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if _list_of_lines(ex.sentence):
        return []
    formulas = [f for f in ex.formulas if f not in ctx.consumed]
    rule = "equation:formula"
    if not formulas:
        m = re.search(r"\b(?:formula|equation|objective|definition|identity|relation|loss|cost|update rule)s?\s*:\s*(.+?)\.?$",
                      ex.sentence, re.I)
        # ("Write the objective: SSE = sum of (distance to own centroid)^2": the whole line, its words set as text — not
        # only the piece "(distance to own centroid)^2" the prose reading finds)
        inside = m is not None and all(m.start(1) <= a and b <= m.end(1) + 1 for _, a, b in ex.prose)
        if m and "=" in m.group(1) and not ex.quoted and (not ex.prose or inside and to_tex(m.group(1)).tex) and \
                m.group(1).strip() not in ctx.consumed and "\n" not in m.group(1):
            formulas = [m.group(1).strip()]
            ex.prose[:] = []
        elif _has(ex, r"\b(formula|equation)s?\b"):
            formulas = [q for q in ex.quoted if q not in ctx.consumed and (
                "=" in q and (len(q.split()) <= 6 or looks_like_math(q) or re.search(r"=[^=]*[-+×÷*/^√ⁿ²³]", q))
                or "(" in q and looks_like_math(q))]
            # ("with a label 'Photosynthesis (plants)'": words in brackets are a name, not a formula; "the rule "Sum
            # of voltage changes around any closed loop = 0", and below it the formula ΣΔV = 0": the rule is words)
        if not formulas:
            # "Show Euler's theorem in a box: MathTex 'm^{\varphi(n)} \equiv 1 \pmod{n}' with note "…"": named as maths
            formulas = [q for q in ex.quoted if q not in ctx.consumed and looks_like_math(q) and re.search(
                r"\b(?:math ?tex|tex|latex|formula|equation|identity|theorem)\s*:?\s*[\"'\u201c\u2018`]?$",
                ex.sentence[:max(0, ex.sentence.find(q))], re.I)]
    if not formulas:
        formulas = [f for f in prose_formulas(ex, ctx) if not _graph_path(f, ctx) and not _said_later(f, ctx)]
        rule = "equation:prose-formula"
        line = _CAPTIONED_LINE.fullmatch(ex.sentence)
        if len(formulas) == 1 and line and formulas[0].strip() in line.group("formula") and not is_instruction(
                line.group("caption")) and not _META_CAPTION.search(line.group("caption")) and not is_instruction(
                line.group("formula")) and to_tex(ex.sentence.strip()).tex:
            # (not "Example: highlight i = 1, its children at 3 and 4": an instruction after the colon)
            # a line of a column, "new integral: ∫ e^x dx  (easy)": its words and its note typeset with it
            formulas = [re.sub(r"\s{2,}", " ", ex.sentence.strip().rstrip("."))]
            rule = "equation:captioned-line"
        _unread_words(ex, ctx, i, formulas)
    if not formulas:
        return _label_symbol(ex, ctx, i)
    ctx.consumed.update(formulas)
    label = None
    m = re.search(r"\(([^()]*?(?:formula|equation|rule|law)[^()]*)\)", ex.sentence, re.I)
    if m:
        label = m.group(1)
    formulas = ctx.capped(i, _merge_assignments(formulas), 6, "formulas in one sentence")
    out = [_beat("equation", rule, ex, i, formulas + ([label] if label else []),
                 _kw(ex.sentence), exprs=formulas, label=label)]
    if re.search(r"\b(?:the|a|its)\s+boxed\s+(?:formula|equation|result|answer|expression|identity|rule)\b|"
                 r"\bin\s+a\s+box\b", ex.bare, re.I) and len(formulas) == 1:
        # "Transform the last line into the boxed formula: ∫u dv = uv − ∫v du": written, then boxed
        out.append(_beat("highlight", "highlight:boxed-formula", ex, i, (), _kw(ex.sentence), target=formulas[0],
                         mode="box"))
    return out


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


_WRITTEN_MATRIX = re.compile(r"\[\s*(\[[^\[\]]{1,200}\](?:\s*,\s*\[[^\[\]]{1,200}\]){1,11})\s*\]")


def _written_matrix(sentence: str) -> list[list] | None:
    """[[3 - lambda, 1], [0, 2 - lambda]]: rows of entries as written (symbols too), or None."""
    m = _WRITTEN_MATRIX.search(sentence)
    if not m:
        return None
    rows = [[number_or_text(c.strip()) for c in row.split(",")] for row in re.findall(r"\[([^\[\]]*)\]", m.group(1))]
    if not rows or any(len(r) != len(rows[0]) or not all(str(c) for c in r) for r in rows):
        return None
    return rows


def counted(items: list[str]) -> bool:
    """'1. Pick…', '2. Update…', '3. Mark…': items that carry their own numbers 1, 2, 3… (not "2 A", "4 A")."""
    nums = [re.match(r"^\s*(\d+)[.)]?\s", x) for x in items]
    return all(nums) and [int(n.group(1)) for n in nums] == list(range(1, len(items) + 1))


def _abstract_matrix(rows: int, cols: int) -> list[list[str]]:
    """A matrix whose values the details do not give: a grid of dots, never made-up numbers."""
    return [["·"] * cols for _ in range(rows)]


def _same_entries(a, b) -> bool:
    """Two matrices with the same entries, whether written as numbers or as text ("3" and 3)."""
    try:
        return a is not None and len(a) == len(b) and all(
            len(r) == len(s) and all(str(x).strip() == str(y).strip() or float(str(x).replace("\u2212", "-")) == float(
                str(y).replace("\u2212", "-")) for x, y in zip(r, s))
            for r, s in zip(a, b))
    except (TypeError, ValueError):
        return False


_MATRIX_EQUATION = re.compile(r"^(?:[^\n:]{0,80}:\s*)?(?P<line>(?:[A-Za-z]\w{0,2}\s*)?\[\s*\[[^\n]*?\]\s*\][^\n=]{0,40}=[^\n]+?)\s*\.?\s*$",
                              re.M)


def _matrix_equation(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"write the one-step computation:" then "[[0, −1], [1, 1]] (2, 1) = (0·2 − 1·1, 1·2 + 1·1) = (−1, 3) ✓": a
    formula with a matrix in it, typeset whole (the matrix bracketed in place) — not the matrix alone."""
    m = _MATRIX_EQUATION.search(ex.sentence)
    if m is None or not to_tex(m.group("line")).tex:
        return None
    line = m.group("line").strip()
    ctx.consumed.add(line)
    ex.matrices[:] = []
    ex.vectors[:] = []
    ex.prose[:] = []
    ctx.stop = True
    return [_beat("equation", "equation:with-matrix", ex, i, [line], _kw(line), exprs=[line])]


_ROW_OPERATION = re.compile(
    r"\bR(?P<r>\d)\s*(?:→|->|←|<-|=|:=)\s*(?:R\d|[-−]?\d)|(?:\bsubtract\b|\badd\b)(?:[^.;]|\.\d){0,40}?\b(?:from|to)\s+row\s+"
    r"(?P<w>\d)\b|\b(?:multiply|divide|scale)\s+row\s+(?P<m>\d)\b", re.I)


def _row_operation_row(sentence: str, rows: int) -> int | None:
    """The 0-based row a row operation of the sentence changes ("R2 → R2 − 2.5R1", "subtract 2.5 times row 1 from
    row 2", "multiply row 1 by 1/2"), when it is a row of the matrix; else None."""
    m = _ROW_OPERATION.search(sentence)
    row = int(next(g for g in m.groups() if g)) - 1 if m else -1
    return row if 0 <= row < rows else None


def _row_operation(ex: Extracted, ctx: Context, i: int, m: list) -> tuple[list[Beat], dict]:
    """A row operation that makes the matrix m ("subtract 2.5 times row 1 from row 2 to get [...]", "Apply R1 → R1 -
    2R2: [...]"): the operation typeset, when written as one (in place of the one before it), and m's own parameters —
    the row it changes highlighted, and m a new state of the matrix on screen of its shape (it morphs into m)."""
    changed = _row_operation_row(ex.sentence, len(m))
    if changed is None:
        return [], {}
    state: dict = {"highlight_row": changed}
    earlier = next((b for b in since_clear(ctx) if b.kind == "matrix"), None)
    if earlier is not None and earlier.params.get("op", "show") == "show" and len(earlier.params.get("values") or []) == \
            len(m) and all(len(r) == len(m[0]) for r in earlier.params["values"]):
        state["replaces"] = True
    written = re.search(r"\bR\d\s*(?:→|->|←|<-|:=)\s*[^:;,\[\]]{1,40}?(?=\s*(?:[:;,\[]|$|\.\s|\bto\b|\bgives?\b))", ex.bare) \
        if len(ex.matrices) == 1 else None
    if written is None:
        return [], state
    op_text = written.group(0).strip()
    ctx.consumed.add(op_text)
    before = next((b for b in since_clear(ctx) if b.rule == "equation:row-operation"), None)
    return [_beat("equation", "equation:row-operation", ex, i, [op_text], _kw(op_text), exprs=[op_text],
                  **({"replaces": before.params["exprs"][0]} if before else {}))], state


_LABELS_OF = re.compile(r"\b(row|column|col)\s+(?:labels?|headers?|headings?|names?)\b", re.I)


def rule_matrix_labels(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """'Add row labels to the left of the matrix: "today: Sunny", "today: Rainy"; add column labels above: …': the
    quoted names of the rows and of the columns of the matrix on screen, each by its row or column (one a row, one a
    column, or the count that does not match is said)."""
    if not ex.quoted or not _LABELS_OF.search(ex.bare):
        return []
    shown = next((b for b in since_clear(ctx) if b.kind == "matrix" and b.params.get("values")), None)
    if shown is None:
        return []
    values = shown.params["values"]
    cues = [(m.start(), m.group(1).lower()) for m in _LABELS_OF.finditer(ex.bare)]
    named: dict[str, list[str]] = {"row": [], "column": []}
    for q in QUOTED.finditer(ex.sentence):
        before = [c for at, c in cues if at < q.start()]
        if before:
            named["row" if before[-1] == "row" else "column"].append((q.group(1) or q.group(2) or "").strip())
    params = dict(shown.params)
    for side, field_, count in (("row", "row_labels", len(values)), ("column", "column_labels", len(values[0]))):
        names = named[side]
        if not names:
            continue
        if len(names) != count:
            ctx.lost(i, f"{len(names)} {side} labels for the matrix's {count} {side}s: they are not drawn")
            continue
        params[field_] = names
        ctx.consumed.update(names)
    if params == shown.params:
        return []
    added = tuple(x for f in ("row_labels", "column_labels") for x in params.get(f) or [] if x not in shown.strings)
    ctx.replace(shown, Beat("matrix", params, shown.strings + added, shown.rule + "+labels", shown.source,
                            shown.detail_index, shown.keywords), i)
    ctx.stop = True
    return []


def _factor_before(sentence: str, k: int) -> str | None:
    """The number written before the k-th matrix of the sentence, multiplying it: "K = (1/9) * [[1, 1, 1], …]" -> "1/9";
    None when there is none (a name, "=", a word)."""
    found = list(MATRIX.finditer(sentence))
    if k >= len(found):
        return None
    m = re.search(r"(?:^|[=:\s])\(?\s*(" + NUM + r")\s*\)?\s*(?:[*·×⋅]\s*)?$", sentence[:found[k].start()])
    return m.group(1).replace(" ", "") if m and not re.fullmatch(r"[-−]?1", m.group(1).strip()) else None


def _matrix_outside_quotes(ex: Extracted) -> bool:
    """Whether the sentence writes a matrix outside its quotes: "[[2, 1], [1, 3]]" or by rows ("[2 1 | 1 0; 5 3 | 0 1]",
    "row 1: 0.8  0.2" one a line)."""
    return re.search(r"\[\s*\[", ex.bare) is not None or bool(written_by_rows(ex.bare)[0])


def rule_matrix(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if ex.matrices and not any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
        product = _matrix_equation(ex, ctx, i)
        if product is not None:
            return product
    beats: list[Beat] = []
    for word, vec in ex.pairs:
        ctx.consumed.add(word)
        beats.append(_beat("matrix", "matrix:word-to-vector", ex, i, [word] + [_fmt(v) for v in vec], _kw(word),
                           values=[vec], label=word, op="show"))
    if ex.matrices and not _matrix_outside_quotes(ex) and all(
            q in ctx.consumed for q in ex.quoted if re.search(r"\[\s*\[", q)):
        ex.matrices[:] = []  # every matrix is inside a quote another rule drew (a column's line): drawn there
    if ex.matrices:
        # 'Matrix "A = [[3, 1], [0, 2]]" in the corner': the quote is the matrix, drawn as one — not also as text
        ctx.consumed.update(q for q in ex.quoted if re.search(r"\[\s*\[", q))
    # "Show D = [[2, 0], [0, 3]] … and A = [[3, 1], [1, 2]]": each matrix its own name
    # (or written by rows: "M = [2 1 | 1 0; 5 3 | 0 1]")
    names = re.findall(r"\b([A-Z]\w{0,3})\s*=\s*\[(?:\s*\[|[^\[\]\n]*[;|])", ex.sentence)
    for k, m in enumerate(ex.matrices):
        label = (names[k] if len(names) == len(ex.matrices) else None) if len(ex.matrices) > 1 else (
            label_after(ex.sentence) or (names[0] if names else None))
        named_quote = next((q for q in ex.quoted if re.fullmatch(r"\s*[A-Za-z]\w{0,3}\s*=\s*", q)), None) \
            if len(ex.matrices) == 1 and not label else None
        if named_quote:
            # 'Write "P =" and a 2x2 matrix: row 1: 0.8  0.2 …': the matrix's name
            label = named_quote.strip().rstrip("=").strip()
            ctx.consumed.add(named_quote)
        bar = next((b for written, b in ex.bars if written is m), None)
        operation, state = _row_operation(ex, ctx, i, m) if bar or len(ex.matrices) == 1 else ([], {})
        beats += operation
        times = re.search(r"\]\s*(?:×|\*|·|times|multiplied by)\s*\[([^\[\]]{1,60})\]", ex.sentence)
        if times and len(ex.matrices) == 1:
            # "Show the multiplication [[2, 1], [0, 1]] × [3, 2]": the product as written, the vector beside the
            # matrix (the steps that follow work it out)
            nums = [v.strip() for v in times.group(1).split(",") if v.strip()]
            ex.vectors[:] = []
            beats.append(_beat("matrix", "matrix:times-vector", ex, i, ([label] if label else []) +
                               [_fmt(v) for row in m for v in row] + ["×"] + nums, _kw(ex.sentence), values=m,
                               label=label, op="times", second=[[number_or_text(v)] for v in nums]))
            continue
        factor = _factor_before(ex.sentence, k) if len(ex.matrices) == len(MATRIX.findall(ex.sentence)) else None
        beats.append(_beat("matrix", "matrix:literal", ex, i, ([label] if label else []) + ([factor] if factor else []) +
                           [_fmt(v) for row in m for v in row], _kw(ex.sentence), values=m, label=label, op="show",
                           **({"augment": bar} if bar else {}), **state, factor=factor))
    drew_chart = any(b.detail_index == i and b.source == ex.sentence and b.kind in ("plot", "scatter") for b in ctx.beats)
    if not beats and not drew_chart and re.search(r"\bvectors?\b|\bbasis\b", ex.bare, re.I):
        # "Draw the basis vectors î = [1, 0] and ĵ = [0, 1]": each a column vector with its name
        named = re.findall(r"(?<![\w])([^\W\d]\w{0,4}\u0302?|[îĵk̂])\s*=\s*\[([^\[\]]{1,60})\]", ex.sentence)
        for name, vals in ctx.capped(i, named, 5, "named vectors"):
            nums = [v.strip() for v in vals.split(",") if v.strip()]
            if not nums or len(nums) > 6:
                continue
            col = [[number_or_text(v)] for v in nums]
            text = f"{name} = [{', '.join(nums)}]"
            ctx.consumed.add(text)
            beats.append(_beat("matrix", "matrix:named-vector", ex, i, [text] + nums, _kw(ex.sentence), values=col,
                               label=name, op="show"))
            ex.vectors[:] = [v for v in ex.vectors if [_fmt(x) for x in v] != nums]
        if beats:
            ex.prose[:] = [p for p in ex.prose if p[0] not in ctx.consumed]
            drawn = {" ".join(str(s).split()) for b in beats for s in b.strings[:1]}
            for b in [b for b in ctx.beats if b.kind == "equation" and b.detail_index == i and b.source == ex.sentence]:
                exprs = b.params.get("exprs") or [b.params.get("expr")]
                if all(" ".join(str(e).split()) in drawn for e in exprs):
                    ctx.beats.remove(b)  # ("truck = [0.0, 0.3, 0.7, 0.9]" read first as a formula: it is the vector drawn)
    if not beats and not drew_chart and re.search(r"\bcolumn\s+vectors?\b", ex.bare, re.I) and ex.vectors:
        # "show the two vectors as column vectors side by side: [3, 4] and [4, 3]": each one a column
        for vec in ex.vectors[:3]:
            nums = [_fmt(x) for x in vec]
            if 2 <= len(nums) <= 6:
                beats.append(_beat("matrix", "matrix:column-vector", ex, i, nums, _kw(ex.sentence),
                                   values=[[number_or_text(v)] for v in nums], op="show"))
        if len(ex.vectors) > 3:
            ctx.lost(i, f"{len(ex.vectors)} column vectors: the first 3 are drawn")
        ex.vectors[:] = []
    if beats:
        return beats
    if re.search(r"\bmatri(?:x|ces)\b", ex.bare, re.I):
        label = label_after(ex.sentence)
        written = _written_matrix(ex.sentence)
        if written is None and any(b.kind == "matrix" or b.kind in ("equation", "steps") and any(
                re.search(r"\\begin\{[bpvBV]?matrix\}", str(e)) for e in b.params.get("exprs") or b.params.get("lines") or [])
                                   for b in since_clear(ctx)) and not _has(
                ex, r"\bmatrix addition\b|\badd(?:ing|ition)?\b"):
            return []  # "Highlight the first column of the matrix": the matrix on screen, not a new one
        if written is not None and any(
                b.kind == "vector_plane" and any(_same_entries(m.get("values"), written) for m in b.params.get("matrices") or [])
                for b in since_clear(ctx)):
            # "Show the matrix A = [[3, 1], [0, 2]] and apply it to the plane": shown beside the grid it moves
            ctx.consumed.update(str(v) for row in written for v in row)
            return []
        if written is not None:
            # "Show A - lambda I = [[3 - lambda, 1], [0, 2 - lambda]] as a matrix": entries as written
            name = re.search(r"(?:^|\b(?:show|display|write|draw|present|matrix|is|:)\s+)(?:the\s+)?([^\s=:,][^=:,]{0,29}?)\s*=\s*"
                             r"\[\s*\[", ex.sentence, re.I)
            ctx.consumed.update(str(v) for row in written for v in row)
            # "3 - lambda": the letter, as the formulas around it show it (3 − λ)
            written = [[greek_letters(v) if isinstance(v, str) else v for v in row] for row in written]
            strings = [str(v) for row in written for v in row]
            named = re.sub(r"^(?:(?:show|display|write|draw|present)\s+)?(?:the\s+)?(?:matrix\s+)?", "", name.group(1),
                           flags=re.I) if name else label  # "Show the matrix A = …": its name is A
            named = greek_letters(named) if named else named
            return [_beat("matrix", "matrix:written", ex, i, ([named] if named else []) + strings,
                          _kw(ex.sentence), values=written, label=named, op="show")]
        if any(re.search(r"\\begin\{[bpvBV]?matrix\}", q) for q in ex.quoted + ex.backticked + [ex.sentence]):
            return []  # "Transform it into matrix form: "\\begin{bmatrix} 4 & 7 …"": the matrix is in the formula, typeset
        earlier = next((b for sp in reversed(ctx.history) for b in reversed(sp.beats) if b.kind == "matrix"
                        and b.params.get("values") and b.params.get("op", "show") == "show"), None) \
            if re.search(r"\bthe\s+(?:same\s+|\w+\s+)?matri(?:x|ces)\b", ex.bare, re.I) else None
        if earlier is not None:
            # "Start from the untransformed plane with the matrix in the upper left": the matrix shown before
            return [Beat("matrix", dict(earlier.params), earlier.strings, "matrix:recalled", ex.sentence, i,
                         earlier.keywords)]
        if re.search(r"\b(?:under|below|beneath|above|over|beside|next to|near|left of|right of|around|inside|in)\s+the\s+"
                     r"(?:\w+\s+)?matri(?:x|ces)\b", ex.bare, re.I) and any(
                b.kind in ("table", "matrix", "grid", "heatmap") for b in since_clear(ctx)):
            return []  # "Under the matrix write the reading rule: …": a place by the grid on screen, no new matrix
        values = _abstract_matrix(3, 4)
        ctx.lost(i, "the matrix's values are not given: drawn as a grid of dots")
        if _has(ex, r"\bmatrix addition\b|\badd(?:ing|ition)?\b"):
            b = _abstract_matrix(3, 4)
            return [_beat("matrix", "matrix:addition", ex, i, [], _kw(ex.sentence), values=values, second=b,
                          op="add", label=label)]
        return [_beat("matrix", "matrix:cue-word", ex, i, [label] if label else [], _kw(ex.sentence),
                      values=values, label=label, op="show")]
    return []
