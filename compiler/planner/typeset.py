"""Compose: written maths is typeset, whichever rule drew it.

A rule may draw "e = 3" or "Encrypt: c = m^e mod n" as text because of how the sentence was phrased; what the
viewer should see is the formula typeset. After the rules ran, a text beat whose text is a formula becomes an
`equation` beat with the same strings, colour and place in time. A list stays a list: the bullets helper
typesets the items that are formulas ("p = 3", "q = 11"). Prose stays text: a formula here has a relation or a
script and at most two words of prose. A named value ("eigenvalue = 3", "t = 0.00 s") stays a text beat; the
text, list, comparison, flow and plot helpers typeset such labels in place (`compiler.runtime.style.text`).
"""

from __future__ import annotations

from dataclasses import replace

import re

from ..mathtext import is_formula_line, looks_like_math, to_tex
from .beats import Beat
from .extract import tex_matrix
from .knowledge import derivation_cue
from .rules_equation import is_value


def is_written_formula(s: str) -> bool:
    """A formula by its look, not only by its form: "e = 3" or "C3H8 + 5O2 → 3CO2 + 4H2O", but not "eigenvalue = 3"
    (a named value: it stays text, and the text component typesets it in place)."""
    return is_formula_line(s) and (looks_like_math(s) or "\\" in s or bool(re.search(r"[A-Z][a-z]?\d", s)) or bool(
        # "PV = nRT": products of letters on both sides, mixed case — a law, not a named value
        re.fullmatch(r"\s*[A-Za-z]{1,4}\s*=\s*[A-Za-z]{1,4}\s*", s) and re.search(r"[a-z][A-Z]|[A-Z]{2}", s)))


def typeset_written_math(beats: list[Beat]) -> list[Beat]:
    out = []
    for b in beats:
        if b.rule.startswith("text:labels"):
            out.append(b)  # "Box: m = 10 kg · Arrow: F = 50 N": names of parts of a picture, a caption
            continue
        if b.kind == "text" and isinstance(b.params.get("text"), str) and is_written_formula(b.params["text"]):
            params = {"exprs": [b.params["text"]]}
        else:
            out.append(b)
            continue
        for key in ("color", "replaces"):
            if b.params.get(key):
                params[key] = b.params[key]
        out.append(replace(b, kind="equation", params=params, rule=b.rule + "+typeset"))
    return out


def lone_columns_as_lists(beats: list[Beat]) -> list[Beat]:
    """"On the right, show the given values: …" read as one column of a comparison whose other columns stay
    empty is a list: drawn as one, it takes the room it needs instead of one half of an empty comparison. A lone
    column of one formula is that formula."""
    out = []
    for b in beats:
        if b.kind == "comparison":
            titles = list(b.params.get("titles") or [])
            cols = list(b.params.get("lines") or [[] for _ in titles])
            caps = list(b.params.get("captions") or ["" for _ in titles])
            used = [k for k in range(len(titles)) if titles[k] or (k < len(cols) and cols[k]) or
                    (k < len(caps) and caps[k])]
            if len(used) == 1 and used[0] < len(cols) and cols[used[0]] and not (used[0] < len(caps) and caps[used[0]]):
                k = used[0]
                items = [x.strip("`") for x in cols[k]][:8]
                if len(items) == 1 and not titles[k] and is_written_formula(items[0]):
                    # "On the right side show a small box with text "ReLU(z) = max(0, z)"": one formula
                    out.append(replace(b, kind="equation", params={"exprs": items}, rule=b.rule + "+lone-formula"))
                    continue
                if len(items) >= 2 and derivation_cue().search(b.source or "") and all(
                        re.search(r"[=≈→]", x) and (is_formula_line(x) or looks_like_math(x)) for x in items):
                    # "Left half, two small derivations: "λ = 3: A − 3I = …", "-x + y = 0 → y = x", …": lines of work
                    out.append(replace(b, kind="steps", params={"lines": items}, rule=b.rule + "+derivation"))
                    continue
                if len(items) <= 2 and not titles[k] and not re.search(r"\b(?:list|items?|points?|bullets?)\b",
                                                                     b.source or "", re.I):
                    # "On the right side write the question in two lines: "a · b = ?", "What does this number
                    # mean?"": two lines of text, one under the other (a formula among them typeset in place)
                    out += [replace(b, kind="text", params={"text": x, **({"color": b.params["color"]} if b.params.get(
                        "color") else {})}, strings=(x,), rule=b.rule + "+lines") for x in items]
                    continue
                tail = 0
                while tail < len(items) - 2 and is_written_formula(items[-1 - tail]) and "\\" in items[-1 - tail]:  # ends: tail grows
                    tail += 1
                if tail and not any(is_written_formula(x) for x in items[:-tail]):
                    # '"Along the string: …", "Along the arc: only mg sin θ acts", then F = -mg\\sin\\theta': lines of
                    # prose, then the formula they lead to — typeset as one, under the list
                    formulas, items = items[-tail:], items[:-tail]
                    params = {"items": items, "style": "dot", **({"title": titles[k]} if titles[k] else {})}
                    out.append(replace(b, kind="bullets", params=params, strings=tuple(
                        x for x in b.strings if x not in formulas), rule=b.rule + "+lone-column"))
                    out.append(replace(b, kind="equation", params={"exprs": formulas}, strings=tuple(formulas),
                                       rule=b.rule + "+result"))
                    continue
                params = {"items": items, "style": "dot"}
                if titles[k]:
                    params["title"] = titles[k]
                out.append(replace(b, kind="bullets", params=params, rule=b.rule + "+lone-column"))
                continue
        out.append(b)
    return out


def distinct_curves(beats: list[Beat]) -> list[Beat]:
    """A curve named twice in one plot ("y = x" from the sentence and again from its label) is drawn once."""
    out = []
    for b in beats:
        curves = b.params.get("curves") if b.kind == "plot" else None
        if isinstance(curves, list) and len(curves) > 1:
            seen, kept = set(), []
            for c in curves:
                key = "".join(str(c.get("expr", "")).split()).lower() if isinstance(c, dict) else repr(c)
                if key and key in seen:
                    continue
                seen.add(key)
                kept.append(c)
            if len(kept) < len(curves):
                b = replace(b, params={**b.params, "curves": kept})
        out.append(b)
    return out


def tex_matrices(beats: list[Beat]) -> list[Beat]:
    """A formula that is one matrix written in TeX — "A = \\begin{bmatrix} 4 & 7 \\\\ 2 & 6 \\end{bmatrix}" — is a
    matrix (its name as the label, its cells as values), as "A = [[4, 7], [2, 6]]" is; a product or an equation of
    matrices stays a typeset formula."""
    out = []
    for b in beats:
        exprs = b.params.get("exprs") if b.kind == "equation" else None
        found = tex_matrix(exprs[0]) if exprs and len(exprs) == 1 else None
        if found is None:
            out.append(b)
            continue
        name, rows = found
        params = {"values": rows, "op": "show", **({"label": name} if name else {}),
                  **({"color": b.params["color"]} if b.params.get("color") else {})}
        out.append(replace(b, kind="matrix", params=params, rule=b.rule + "+matrix"))
    return out


def titles_first(beats: list[Beat]) -> list[Beat]:
    """"Axes are drawn …. The title at the top says "Carbon-14"." — a scene's title written after what it draws is still
    its title: it opens the scene (a title drawn later would replace what is on screen)."""
    k = next((j for j, b in enumerate(beats) if b.kind == "title"), None)
    if not k or any(b.kind in ("clear", "title") for b in beats[:k]):
        return beats
    title = replace(beats[k], detail_index=beats[0].detail_index)
    return [title] + beats[:k] + beats[k + 1:]


def derivations_as_steps(beats: list[Beat]) -> list[Beat]:
    """"A short derivation unfolds line by line. First ½ = e^(−ln 2) is shown. Substituting it gives N(t) = …. Then
    λ = ln 2 / T …": formulas written one sentence after another under a derivation cue are one derivation — a
    `steps` beat, built line by line — not separate equations (three lines or more, nothing else drawn between)."""
    cue = derivation_cue()
    out: list[Beat] = []
    k = 0
    while k < len(beats):  # ends: k grows each turn
        b = beats[k]
        items = [str(x) for x in b.params.get("items") or []] if b.kind == "bullets" else []
        if items and 3 <= len(items) <= 8 and cue.search(b.source or "") and not b.params.get("style") == "numbered" and all(
                re.search(r"[=≈≤≥]|(?<![-=])>|<(?![-=])", x) for x in items) and any(  # ("->" is no relation)
                re.search(r"[×*/+^−-]|\d\s*x\s*\d", x.split("=", 1)[-1]) for x in items):
            # "work through a short calculation line by line: "A = 0.01 m²", "P = 100 kPa", "F = P × A = …", and
            # finally "F = 1000 N"": the lines of a calculation, built one under another — not a list of points
            out.append(replace(b, kind="steps", params={"lines": items, **({"color": b.params["color"]} if
                                                                            b.params.get("color") else {})},
                               rule=b.rule + "+derivation"))
            k += 1
            continue
        run = [b]
        stated = b.kind == "text" and re.search(r"[=⇒]", str(b.params.get("text", ""))) and cue.search(b.source or "") and \
            k + 1 < len(beats) and _continues(beats[k + 1], b, True)  # ("P and n fixed ⇒ V / T = constant", then …)
        if (b.kind == "equation" or stated) and cue.search(b.source or "") and not b.params.get("label"):
            j = k + 1
            while j < len(beats) and _continues(beats[j], run[-1], True):  # ends: j grows each turn
                run.append(beats[j])
                j += 1
        lines = [e for r in run for e in (r.params.get("exprs") or ([r.params["text"]] if r.kind == "text" else []))]
        # (one sentence writing a derivation "line by line": "…: "P(D | +) = (0.95 x 0.01) / …", then "= 0.0095 / 0.059",
        # and finally "= 0.161"" — its lines, one under another, not one equation of them all)
        one = len(run) == 1 and 3 <= len(lines) <= 8 and any(str(e).lstrip().startswith(("=", "≈")) for e in lines[1:]) \
            and _derivation_line(b)
        # (several sentences, or one that says it writes a derivation: "… in a derivation where each line appears
        # beneath the last: first "P = nRT / V", then …, and finally "P ≈ 100 kPa"")
        if one or len(run) >= 2 and 3 <= len(lines) <= 8 and (len({r.detail_index for r in run}) >= 2 or cue.search(b.source or "")):
            params = {"lines": lines, **({"color": b.params["color"]} if b.params.get("color") else {})}
            out.append(replace(b, kind="steps", params=params, rule=b.rule + "+derivation",
                               strings=tuple(s for r in run for s in r.strings)))
            k += len(run)
            continue
        out.append(b)
        k += 1
    return out


_TRANSFORM_INTO = re.compile(r"^\s*(?:then\s+|next,?\s+|now\s+)?(?:transform|turn|rewrite|change|morph)\s+(?:it|this|that|the\s+"
                             r"(?:last\s+|previous\s+)?(?:line|equation|formula|expression))\s+into\b", re.I)


def transformed_lines(beats: list[Beat]) -> list[Beat]:
    """"Write A v = λ v." then "Transform it into A v = λ I v", "Transform it into A v − λ I v = 0": each new form is
    the next line of one derivation (a `steps` beat growing line by line), not a new equation beside the last. A note
    the sentence writes with it ("with a small note "I = identity matrix"") stays a note."""
    out: list[Beat] = []
    reached: dict[int, int] = {}  # a derivation grown here: the sentence of its newest line
    for b in beats:
        if b.kind == "equation" and len(b.params.get("exprs") or []) == 1 and _TRANSFORM_INTO.match(b.source or ""):
            prev = next((k for k in range(len(out) - 1, -1, -1) if out[k].kind in ("equation", "steps")), None)
            between = out[prev + 1:] if prev is not None else []
            newest = reached.get(prev, out[prev].detail_index) if prev is not None else 0
            if prev is not None and b.detail_index - newest in (0, 1) and all(
                    x.kind == "text" and out[prev].detail_index <= x.detail_index <= b.detail_index for x in between) and (
                    out[prev].kind == "steps" or len(out[prev].params.get("exprs") or []) == 1):
                last = out[prev]
                lines = list(last.params.get("lines") or last.params.get("exprs") or []) + list(b.params["exprs"])
                if len(lines) <= 8:
                    params = {"lines": lines, **({"color": last.params["color"]} if last.params.get("color") else {})}
                    out[prev] = replace(last, kind="steps", params=params, strings=last.strings + b.strings,
                                        rule=last.rule if last.kind == "steps" else last.rule + "+transformed")
                    reached[prev] = b.detail_index
                    continue
        out.append(b)
    return out


def _continues(b: Beat, last: Beat, cued: bool = False) -> bool:
    """Whether b goes on the derivation whose last line `last` is: an equation of the same or the next sentence (of the
    same sentence under a derivation cue, its result too: "P ≈ 100,170 Pa")."""
    if b.kind != "equation" or b.params.get("label") or b.detail_index - last.detail_index not in (0, 1):
        return False
    same = cued and b.detail_index == last.detail_index and b.source == last.source
    return _derivation_line(b) or same and all(re.search(r"[=≈<>≤≥]", str(e)) for e in b.params.get("exprs") or [None])


def _derivation_line(b: Beat) -> bool:
    """A beat that can be a line of a derivation: formulas with a relation, none a bare value ("x = 10", "n = 0": the
    settings of a picture), from a sentence that draws no picture."""
    exprs = [str(e) for e in b.params.get("exprs") or []]
    return bool(exprs) and not re.search(r"\b(?:plot|graph|chart|axes|draw|table|arrow|diagram)\b", b.source or "", re.I) \
        and all(re.search(r"[=≈<>≤≥]", e) and not is_value(e) for e in exprs)


_CONTINUED = re.compile(r"^\s*(?:=|≈)\s*\S")


def continued_lines(beats: list[Beat]) -> list[Beat]:
    """A calculation written as its lines: a list "1 × 8 + 1 × 4 + 0 × 2 + 1 × 1", "= 8 + 4 + 0 + 1", "= 13" is
    `steps`; a line starting with its relation ("Then show "= 300 + 40 + 5"") goes on the formula drawn just
    before it, one `steps` beat built line by line."""
    out: list[Beat] = []
    for b in beats:
        if b.kind == "bullets":
            items = [str(x) for x in b.params.get("items") or []]
            first = items[0] if items else ""
            if len(items) >= 2 and (is_formula_line(first) or looks_like_math(first) and to_tex(first).tex) and \
                    not _CONTINUED.match(first) and all(
                    _CONTINUED.match(x) and is_formula_line(x) for x in items[1:]):
                params = {"lines": items, **({"color": b.params["color"]} if b.params.get("color") else {})}
                out.append(replace(b, kind="steps", params=params, rule=b.rule + "+calculation"))
                continue
        line = b.params.get("text") if b.kind == "text" else (b.params.get("exprs") or [None])[0] \
            if b.kind == "equation" and len(b.params.get("exprs") or []) == 1 else None
        prev = next((k for k in range(len(out) - 1, -1, -1) if out[k].kind not in ("highlight",)), None)
        if isinstance(line, str) and _CONTINUED.match(line) and is_formula_line(line) and prev is not None and \
                out[prev].kind in ("equation", "steps") and not out[prev].params.get("label") and \
                b.detail_index - out[prev].detail_index in (0, 1):
            p = out[prev]
            lines = list(p.params.get("lines") or p.params.get("exprs") or [])
            if 1 <= len(lines) < 8:
                params = {"lines": lines + [line], **({"color": p.params["color"]} if p.params.get("color") else {})}
                out[prev] = replace(p, kind="steps", params=params, strings=p.strings + tuple(b.strings),
                                    rule=p.rule + "+continued")
                continue
        out.append(b)
    return out
