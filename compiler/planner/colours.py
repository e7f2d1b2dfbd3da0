"""Per-element colours from `animation_style`, applied to the beats of a scene after the rules ran.

The theme (`theme.py`) reads "The word "Undefined!" should … appear in orange", "Antiderivative in
yellow", "Use red color to highlight "0 / 0"", "Glucose highlighted in yellow". Components that
colour their parts by label (flow boxes, bars, cards, curves) read `theme.labels` themselves; the
others (text, title, equation, steps, bullets, code, sequence, grid, matrix) get a `color` here when
the style names them — by the text they show, or by the noun the details used for them ("Show the
antiderivative F(x) = x^3/3"). Emphasis ("highlight "0 / 0" in red") becomes a highlight beat in
that colour right after the beat that draws the text, and highlight beats take the style's
highlight colour.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .beats import Beat
from .extract import mask_shown
from .knowledge import ordinals
from .theme import COLOUR_RE, ROLE_WORDS, Theme, colour_value, placed_part, styled_highlight

WHOLE = ("text", "title", "equation", "steps", "bullets", "code", "sequence", "matrix", "transform")
_GENERIC = set(sum(ROLE_WORDS.values(), ())) | {"final", "the", "then", "second", "first", "light", "component",
                                                 "outline", "outlines", "glow"}


_HATS = {"i-hat": "î", "j-hat": "ĵ", "k-hat": "k̂", "x-hat": "x̂", "y-hat": "ŷ", "x-bar": "x̄", "y-bar": "ȳ",
         "mu": "μ", "sigma": "σ", "theta": "θ", "lambda": "λ", "alpha": "α", "beta": "β", "eta": "η", "pi": "π"}


def _norm(s: str) -> str:
    s = re.sub(r"\s+", "", str(s)).lower()
    return _HATS.get(s, s)


def _with(b: Beat, **params) -> Beat:
    return Beat(b.kind, {**b.params, **params}, b.strings, b.rule, b.source, b.detail_index, b.keywords)


def _named_colour(b: Beat, labels: list[tuple[str, str, str]], quoted: frozenset[str] = frozenset()) -> str | None:
    """The colour the style gives this beat: a label equal to one of its strings, else a label phrase
    the details used for it ("the antiderivative", "the update rule"). `labels`: (phrase, key, colour),
    longest first."""
    strings = {_norm(s) for s in b.strings if s} | ({_norm(b.params["label"])} if isinstance(b.params.get("label"), str)
                                                    else set())
    for phrase, key, col in labels:
        if key in strings and ("=" not in phrase or len(strings) == 1):
            return col  # (a formula's colour is that formula's: not of lines beside it — "y = x" with "y = x^2")
    bare = mask_shown(b.source).lower()
    found: list[tuple[str, str]] = []
    for phrase, key, col in labels:
        if re.search(r"\b(?:area|region|fill|shading)\b(?!\s+(?:label|text|caption|title|note|name)s?\b)", phrase):
            continue  # ("area under the curve filled blue": a fill, not the colour of a text the sentence writes)
        if phrase in quoted or re.search(r"[=()^_]", phrase):
            # "'Bottom' in blue" colours the text "Bottom", not what a sentence puts "at the bottom"; "y = x^2 curve
            # blue" the curve of that formula, not whatever a sentence naming it draws; "C(n, k) highlighted in green"
            # that piece of the formula (a highlight), not the whole formula
            continue
        if len(phrase) >= 4 and phrase not in _GENERIC and phrase in bare and re.search(
                r"\b" + re.escape(phrase) + r"\b", bare):
            found.append((phrase, col))
    if found and b.strings and b.strings[0]:
        return _own_clause_colour(b, bare, found)
    return found[0][1] if found else None


# where a clause ends before a text: ". ", ";", ", then", or an "and" that starts the text's own noun ("… and the
# note '…'", never "… between the client and the server labeled '…'")
_CLAUSE_END = re.compile(r"[.;]\s|,\s*then\b|\band\b(?=\s+(?:the|a|an|its)\s+(?:(?!labell?ed\b|called\b|named\b)\w+\s+){0,2}"
                         r"(?!labell?ed\b|called\b|named\b)\w+\s*:?\s*[\x01\"'\u201c\u2018]?$)")


def _own_clause_colour(b: Beat, bare: str, found: list[tuple[str, str]]) -> str | None:
    """Of the style's names a sentence says (`found`, in the style's order), the one its text belongs to: "The client
    sends back …; the server's state goes back to "LISTEN"" — the first name of the text's own clause (the longer of
    two that start together); "… the wrong answer … and the note '…'" — none (the note keeps the notes' colour).
    Without a clause of its own, the first name found."""
    at = b.source.find(b.strings[0])
    cut = max([m.end() for m in _CLAUSE_END.finditer(bare[:max(at, 0)])], default=0)
    clause = bare[cut:at] if at > 0 else ""
    first = [(m.start(), -len(p), c) for p, c in found for m in [re.search(r"\b" + re.escape(p) + r"\b", clause)] if m]
    if first and cut > 0:
        return min(first)[2]
    if cut > 0 and re.search(r"\b(?:note|caption|footnote|remark|subtitle)\b", clause):
        return None
    return found[0][1]


_AFTER = re.compile(r"[\"\u201d]\s*,?\s*(?:(?:written|shown|drawn|set|appears?)\s+)?(?:in|colou?red)\s+(" + COLOUR_RE.pattern
                    + r")(?:\s+(?:text|font|letters|ink))?(?![\w-])", re.I)
_BEFORE = re.compile(r"(?:\bin\s+)?(" + COLOUR_RE.pattern + r")(?:\s+(?:text|label|word|words|formula|equation|note|"
                     r"caption|line))?\s*:?\s*[\"\u201c]$", re.I)


def said_colour(b: Beat) -> str | None:
    """The colour the details give the one text a text or formula beat shows: '"e = 2? …" in red', 'a green
    "yes"', 'in orange: "Undefined!"' — not the colour of a thing it labels ('a red arrow labeled "x"')."""
    shown = b.params.get("text") if b.kind == "text" else (b.params.get("exprs") or [None])[0] \
        if b.kind == "equation" and len(b.params.get("exprs") or ()) == 1 else None
    if not isinstance(shown, str) or not shown:
        return None
    m = re.search(r"[\"\u201c]" + re.escape(shown) + r"[\"\u201d]", b.source)
    if not m:
        return None
    after = _AFTER.match(b.source, m.end() - 1)
    before = _BEFORE.search(b.source[max(0, m.start() - 40):m.start() + 1])
    word = after.group(1) if after else before.group(1) if before else None
    return colour_value(word) if word else None


def _ordinal_nodes(b: Beat, theme: Theme) -> Beat:
    """"Final box filled with green border", "the first box blue": that box of a chain of boxes, by its place."""
    nodes = b.params.get("nodes") or []
    places = ordinals()
    own: list[str | None] = [None] * len(nodes)
    for phrase, col in theme.labels.items():
        m = placed_part(phrase)
        if m and nodes and abs(places[m.group(1)]) <= len(nodes):
            k = places[m.group(1)]
            own[k - 1 if k > 0 else k] = col
    return _with(b, node_colors=own) if any(own) else b


def apply_colours(beats: list[Beat], theme: Theme) -> list[Beat]:
    out: list[Beat] = []
    labels = [(p, _norm(p), c) for p, c in sorted(theme.labels.items(), key=lambda x: -len(x[0])) if p]
    for b in beats:
        if b.kind == "flow" and "node_colors" not in b.params:
            b = _ordinal_nodes(b, theme)
        said = said_colour(b) if b.kind in ("text", "equation") and "color" not in b.params else None
        if said:
            b = _with(b, color=said)
        if b.kind in WHOLE and "color" not in b.params:
            col = _named_colour(b, labels, theme.quoted)
            if col:
                b = _with(b, color=col)
        elif b.kind == "highlight" and "color" not in b.params and b.params.get("mode") != "dim":
            low = b.source.lower()
            col = next((c for p, c in theme.emphasis.items() if len(p) >= 3 and p.lower() in low), None)
            # ("Results box: green stroke", "Highlight for sum 2: red fill": the style's colour for highlights of its kind)
            col = col or styled_highlight(b.source, theme.labels) or theme.roles.get("highlight")
            if col:
                b = _with(b, color=col)
        out.append(b)
    # "Use red color to highlight "0 / 0"": the beat that draws it is followed by a highlight in red
    for phrase, col in theme.emphasis.items():
        key = _norm(phrase)
        token = re.search(r"[$€£]?\d[\d.,]*%?$", phrase.strip())  # "the final $31 … boxed": the $31 it names
        if token and not any(key in _norm(s) for b in out for s in b.strings):
            phrase, key = token.group(0), _norm(token.group(0))
        if not key:
            continue
        hit = next((k for k, b in enumerate(out) if b.kind not in ("highlight", "clear", "move")
                    and any(key in _norm(s) for s in b.strings)), None)
        if hit is None:
            continue
        b = out[hit]
        if b.kind in ("text", "title") and any(_norm(s) == key for s in b.strings):
            out[hit] = _with(b, color=col)
            continue
        def marks(x: Beat) -> bool:  # a mark on that text already (or on that piece of a line: "$31" boxed)
            return x.kind == "highlight" and any(isinstance(x.params.get(f), str) and _norm(x.params[f]) == key
                                                 for f in ("target", "part"))

        if any(marks(x) for x in out):
            out = [_with(x, color=col) if marks(x) else x for x in out]
            continue
        if not any(_norm(s) == key or re.search(r"[^\w\s]", phrase) for s in b.strings):
            continue  # a word inside a longer text: too vague to surround
        out.insert(hit + 1, Beat("highlight", {"target": phrase, "color": col}, (), "highlight:style-emphasis",
                                 b.source, b.detail_index, b.keywords))
    return out


def _piece_forms(piece: str) -> list[str]:
    """How a piece may be written in a formula line: "mu" as μ, \\mu or mu; "1.1" as itself."""
    from ..mathtext import greek_forms

    return greek_forms(piece) or [piece]


def _without_scripts(line: str) -> str:
    """The line with its exponents and indices blanked ("m^{ed}", "f_{\\text{top}}": braces nested or not)."""
    out, depth, skip = [], 0, False
    for k, ch in enumerate(line):
        if depth:  # inside a script's braces
            depth += {"{": 1, "}": -1}.get(ch, 0)
            continue
        if skip:  # the script's first character: a brace opens it, else it is the whole script
            skip = False
            depth = 1 if ch == "{" else 0
            continue
        if ch in "^_" and k + 1 < len(line):
            skip = True
            out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def _holds(line: str, piece: str) -> str | None:
    """The form in which `line` shows `piece` as a piece of it (not the whole line, not inside a longer number or
    name, not in an exponent or index: those glyphs are drawn smaller, of other shapes, and are not found), or None."""
    if not re.search(r"[\^_]", piece):  # (a piece with its own exponent, "a^2", is looked for as written)
        line = _without_scripts(line)
    for form in _piece_forms(piece):
        left = r"(?<![\d.])" if form[:1].isdigit() else r"(?<![A-Za-z\\])" if form[:1].isalpha() else ""
        right = r"(?![\d]|\.\d)" if form[-1:].isdigit() else r"(?![A-Za-z])" if form[-1:].isalpha() else ""
        if re.search(left + re.escape(form) + right, line) and re.sub(r"\s+", "", line) != re.sub(r"\s+", "", form):
            return form
    return None


class Tint(NamedTuple):
    piece: str    # as written ("1.1", "mu", "bell"); "" for pieces only named ("coefficients")
    colour: str
    clause: str   # the style entry (for a piece only named: "named | clause")
    word: bool = False  # a quoted word ("'bell' in yellow"): text, also in texts; else a piece of maths


def _mathy(piece: str) -> bool:
    """A piece of maths: a number, a Greek letter's name, a short symbol ("ed", "x_1"), or signs."""
    return len(piece) <= 12 and bool(
        re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?%?|[A-Za-z]{1,3}(?:_\w+)?|\\?[A-Za-z]+\^?\w*", piece)
        and (len(piece.lstrip("\\")) <= 3 or re.search(r"[\d_^\\]", piece) or _greek(piece))
        or re.search(r"[=+*/^√πμσθλ]", piece) or _greek(piece))


def _greek(piece: str) -> bool:
    from ..mathtext import greek_forms

    return bool(greek_forms(piece))


def style_tints(style: str) -> list[Tint]:
    """(piece, colour, clause) for each style entry colouring a piece of a formula: "the factor 1.1 colored gold
    (#FFD700) every time it appears", "symbol mu: blue", "exponent ed in yellow"."""
    from .knowledge import formula_tint_words

    words = formula_tint_words()
    nouns, filler = set(words["piece_nouns"]), set(words["filler"])
    out = []
    many = re.compile(r"\b(" + "|".join(sorted(nouns)) + r")\s+([^\s,;:()]+(?:\s*,\s*(?:and\s+)?[^\s,;:()]+|\s+and\s+"
                      r"[^\s,;:()]+)+)", re.I)
    for clause in re.split(r"(?<=[.;!])\s+|\n", style):
        # "the intermediate remainders 4, 16 highlighted in blue", "the numbers 1%, 90% and 9% in yellow": one entry
        # for several pieces (its commas are no separate entries)
        def joined(m: re.Match) -> str:
            items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(2))
            if not all(_mathy(x) and not COLOUR_RE.fullmatch(x) for x in items):
                return m.group(0)  # ("term blue, b^2 term green": entries of their own, not a list of pieces)
            return m.group(1) + " " + "\x00".join(items)

        clause = many.sub(joined, clause)
        listed = False  # "letters colored: P red, V green": after a head naming pieces, each entry is one
        subs = re.split(r",\s*(?![^()]*\))|;\s*|\s+and\s+(?=(?:the\s+)?(?:" + "|".join(sorted(nouns)) + r")\b)", clause)
        # "'top' in yellow and 'bottom' in blue": two entries (not "'Q1' and 'Q2' in yellow", one with one colour)
        subs = [p for sub in subs for p in (re.split(r"(?<=\S)\s+and\s+(?=['\"\u2018\u201c])", sub)
                                             if len(COLOUR_RE.findall(re.sub(r"\(\s*#[0-9A-Fa-f]{3,6}\s*\)", "", sub))) >= 2
                                             else [sub])]
        for sub in subs:
            col = COLOUR_RE.search(sub)
            if not col:
                continue
            hexed = re.search(r"#[0-9A-Fa-f]{6}", sub)
            value = colour_value(hexed.group(0)) if hexed else colour_value(col.group(0))
            el = re.sub(r"\s*:\s*$", "", sub[:col.start()]).strip()
            toks = re.findall(r"[\"'\u201c\u2018][^\"'\u201d\u2019]+[\"'\u201d\u2019]|[^\s:,()]+", el)
            low = [t.lower() for t in toks]
            said = [t.strip("\"'\u201c\u201d\u2018\u2019") for t in toks if t[:1] in "\"'\u201c\u2018" and len(t) > 2]
            worded = said and re.fullmatch(r"(?:[^:\"'\u201c\u2018]{0,40}:\s*)?(?:the\s+)?(?:words?|phrases?|terms?|text)\s+"
                                           r"(?:[\"'\u201c\u2018][^\"'\u201d\u2019]+[\"'\u201d\u2019]\s*(?:,|and)?\s*)+"
                                           r"(?:colou?red|highlighted|written|shown|set)?\s*(?:in)?", el, re.I)
            if said and value and (worded or all(t[:1] in "\"'\u201c\u2018" or t in filler or t == "with" for t in low)):
                # "'bell' in yellow", "with 'Q1' and 'Q2' in yellow", "Final statement: the words 'bell curve' colored yellow"
                out.extend(Tint(q, value, clause.strip(), True) for q in said)
                continue
            head = re.match(r"\s*(?:[\w-]+\s+){0,3}?(" + "|".join(sorted(nouns)) + r")\b[^:]{0,30}:", sub, re.I)
            if head:
                listed = True
                el = el[head.end():] if head.end() <= len(el) else el
                toks = re.findall(r"[\"'\u201c\u2018][^\"'\u201d\u2019]+[\"'\u201d\u2019]|[^\s:,()]+", el)
                low = [t.lower() for t in toks]
            if not value or not (listed or any(t in nouns for t in low)):
                continue  # only a piece a noun names ("the factor 1.1"): "Bars blue" colours no formula
            k = max((i for i, t in enumerate(low) if t in nouns), default=-1)
            piece = [t.strip("\"'\u201c\u201d\u2018\u2019") for t in toks[k + 1:] if t.lower() not in filler]
            if not piece and len(toks) == k + 2 and len(toks[k + 1]) == 1:
                piece = [toks[k + 1]]  # "Coefficients a blue": the letter a, not the article
            if not piece and k >= 1 and _mathy(toks[k - 1]) and re.search(r"[\d^_=+]", toks[k - 1]):
                piece = [toks[k - 1]]  # "a^2 term blue": the piece written before its noun
            if piece and k >= 0 and low[k].endswith("s"):
                listed = True  # "Coefficients a blue, b green, c yellow"
            if len(piece) == 1 and "\x00" in piece[0]:
                piece = piece[0].split("\x00")
                out.extend(Tint(p, value, clause.replace("\x00", ", ").strip()) for p in piece if _mathy(p))
                continue
            if len(piece) == 1 and _mathy(piece[0]):
                out.append(Tint(piece[0], value, clause.replace("\x00", ", ").strip()))
            elif not piece and not listed and k >= 0 and low[k] not in ("number", "numbers", "letter", "letters") \
                    and not _FLASH_SUBSTITUTED.search(clause):  # (substituted numbers flash: flashed_numbers)
                # "carbon letters light gray", "coefficients yellow": pieces named by what they are, not written out —
                # no formula colours them; said (SB307) by formula_tints
                out.append(Tint("", value, " ".join(toks[:k + 1]) + " | " + clause.strip()))
    return out


def formula_tints(beats: list[Beat], style: str) -> tuple[list[Beat], list[tuple[str, str]]]:
    """The formula beats with the pieces the style colours (`tints`), and the (clause, what) of a piece coloured
    in no formula drawn — said (SB307), not dropped."""
    lost = []
    out = list(beats)
    for piece, col, clause, word in style_tints(style):
        if not piece:
            named, clause = clause.split(" | ", 1)
            if re.search(r"\bcoefficients?$", named, re.I):
                # "coefficients yellow": the numbers before the species of the chemical equations
                out, hit = _chemical_coefficients(out, col)
                if hit:
                    continue
            lost.append((clause, f"the colour the style gives the {named!r} of the formulas (pieces named, not "
                                 "written out: not coloured)"))
            continue
        hit = False
        for k, b in enumerate(out):
            if b.kind in ("text", "bullets") and word:
                # a word of a text or list ("'bell' in yellow" on "Skewed in, bell out"); a whole text takes the
                # colour from its label (apply_colours)
                texts = [b.params["text"]] if b.kind == "text" else list(b.params.get("items") or ())
                if any(str(t).strip().lower() == piece.strip().lower() for t in texts):
                    hit = True
                    continue
                found = [m.group(0) for t in texts for m in [re.search(r"(?<![\w])" + re.escape(piece) + r"(?![\w])",
                                                                        str(t), re.I)] if m]
                if found:
                    out[k] = _with(b, tints={**(b.params.get("tints") or {}), found[0]: col})
                    hit = True
                continue
            if word and b.kind not in ("equation", "steps") and any(piece.lower() in str(x).lower() for x in b.strings):
                hit = True  # a label of a figure ("with "Impossible" in red" on a number line): coloured by its label
                continue
            if b.kind not in ("equation", "steps"):
                continue
            lines = b.params.get("lines") or b.params.get("exprs") or ()
            forms = {f for f in (_holds(str(x), piece) for x in lines) if f}
            if forms:
                tints = dict(b.params.get("tints") or {})
                for f in forms:
                    # a quoted word in a formula is its text ("'Top' in yellow" on "Top: y = x"), set upright
                    tints["\\text{" + f + "}" if word and re.fullmatch(r"[A-Za-z][A-Za-z ]+", f) else f] = col
                out[k] = _with(b, tints=tints)
                hit = True
        if not hit:
            lost.append((clause, f"the colour the style gives {piece!r} (no formula or text drawn shows it, or only in "
                                 "an exponent or index)"))
    return out, lost


def _chemical_coefficients(beats: list[Beat], col: str) -> tuple[list[Beat], bool]:
    """The beats with the coefficients of their chemical equations tinted ("5" of "5O₂"); whether any was."""
    from ..chemtext import chem_to_tex

    out, hit = [], False
    for b in beats:
        lines = [str(x) for x in (b.params.get("lines") or b.params.get("exprs") or ())] if b.kind in ("equation", "steps") else []
        found = {m.group(1) for line in lines if chem_to_tex(line)
                 for m in re.finditer(r"(?:^|[+=→>]|\\rightarrow|\\longrightarrow)\s*(\d+)\s*(?=[A-Z(])", line)}
        if found:
            hit = True
            b = _with(b, tints={**(b.params.get("tints") or {}), **{"\\mathrm{" + n + "}": col for n in sorted(found)}})
        out.append(b)
    return out, hit


def element_tints(beats: list[Beat], elements: dict[str, str], style: str = "") -> tuple[list[Beat], list[tuple[str, str]]]:
    """The chemical equations drawn with each element's letters in the colour the style gives that element ("carbon
    letters light gray, oxygen red"): a tint on the upright symbol, wherever it stands in a formula ("O" in "CO₂" and
    in "H₂O"), never on a count or a coefficient. Element symbols in a table's cells are not coloured: when this
    scene's style speaks of the elements' colours, that is said (clause, what)."""
    if not elements:
        return list(beats), []
    from ..chemtext import chem_to_tex

    lost = []
    asked = next((c.strip() for c in re.split(r"(?<=[.;!])\s+|\n", style) if re.search(r"\belements?\b", c, re.I)
                  and (COLOUR_RE.search(c) or re.search(r"\bcolou?r", c, re.I))), None)
    cells = sorted({str(x) for b in beats if b.kind == "table" for row in b.params.get("rows") or () for x in row
                    if str(x).strip() in elements})
    if asked and cells:
        lost.append((asked, "the element colours on the table's cells " + ", ".join(repr(c) for c in cells[:4]) +
                     " (only the chemical equations take them)"))
    out = []
    for b in beats:
        lines = [str(x) for x in (b.params.get("lines") or b.params.get("exprs") or ())] if b.kind in ("equation", "steps") else []
        shown = set()
        for line in lines:
            tex = chem_to_tex(line)
            if tex:
                shown |= set(re.findall(r"[A-Z][a-z]?", re.sub(r"\\[A-Za-z]+", " ", tex)))
        tints = {"\\mathrm{" + sym + "}": col for sym, col in elements.items() if sym in shown}
        out.append(_with(b, tints={**tints, **(b.params.get("tints") or {})}) if tints else b)
    return out, lost


_DIM_EARLIER = re.compile(
    r"\b(?:earlier|previous|older|prior|old|former|preceding)\s+(?:\w+\s+)?(?:lines?|steps?|equations?|rows?|"
    r"calculations?|results?)\b[^.;]{0,40}?\b(?:fade|fades|faded|fading|dim|dims|dimmed|dimming|greys?|grays?|"
    r"greyed|grayed)\b(?!\s+(?:out|away)\b)(?:[^.;]{0,30}?\b(\d{1,2})\s*(?:%|percent))?", re.I)


def _asked(style: str, details: tuple[str, ...], pattern: re.Pattern):
    """(field, clause, match) for each style clause and details sentence the pattern finds."""
    for field, text in [("animation_style", c) for c in re.split(r"(?<=[.;!])\s+|\n", style)] + [
            ("animation_details", d) for d in details]:
        m = pattern.search(text)
        if m:
            yield field, text.strip(), m


def _on_derivations(beats: list[Beat], key: str, value) -> tuple[list[Beat], bool]:
    """The beats with `key` set on every derivation of several lines that has none; whether any derivation has it."""
    out = [_with(b, **{key: value}) if b.kind == "steps" and len(b.params.get("lines") or ()) > 1
           and key not in b.params else b for b in beats]
    return out, any(b.kind == "steps" and key in b.params for b in out)


def dimmed_lines(beats: list[Beat], style: str, details: tuple[str, ...]) -> tuple[list[Beat], list[tuple[str, str, str]]]:
    """"each line appears below the previous one, then the earlier lines fade to 50 percent opacity", "while the
    previous line dims": the scene's derivations dim their earlier lines as each new one is written (`dim_earlier`);
    with no derivation drawn the request is said (field, sentence, what), not dropped."""
    lost = []
    for field, text, m in _asked(style, details, _DIM_EARLIER):
        beats, hit = _on_derivations(beats, "dim_earlier", min(0.9, max(0.1, int(m.group(1)) / 100)) if m.group(1) else 0.4)
        if not hit:
            lost.append((field, text, "the dimming of earlier lines it asks for (no derivation is drawn)"))
    return list(beats), lost


_FLASH_SUBSTITUTED = re.compile(
    r"\b(?:numbers?|values?)\s+(?:being\s+|that\s+are\s+)?substituted\b[^.;]{0,60}?\b(?:flash\w*|highlight\w*|glow\w*|"
    r"puls\w*|indicat\w*|colou?red|shown\s+in|in)\b|\bsubstituted\s+(?:numbers?|values?)\b[^.;]{0,40}?\b(?:flash\w*|"
    r"highlight\w*|glow\w*|puls\w*|indicat\w*|colou?red|in)\b", re.I)


def flashed_numbers(beats: list[Beat], style: str, details: tuple[str, ...]) -> tuple[list[Beat], list[tuple[str, str, str]]]:
    """"Numbers substituted for symbols are highlighted in green briefly", "substituted numbers flash yellow": each
    derivation line flashes the numbers it brings in, in that colour (`flash_numbers`); with no derivation drawn the
    request is said (field, sentence, what)."""
    lost = []
    for field, text, m in _asked(style, details, _FLASH_SUBSTITUTED):
        col = COLOUR_RE.search(text[m.start():]) or COLOUR_RE.search(text)
        hexed = re.search(r"#[0-9A-Fa-f]{6}", text)
        value = colour_value(hexed.group(0)) if hexed else colour_value(col.group(0)) if col else None
        beats, hit = _on_derivations(beats, "flash_numbers", value or "#FFE066")
        if not hit:
            lost.append((field, text, "the flash of the substituted numbers it asks for (no derivation is drawn)"))
    return list(beats), lost
