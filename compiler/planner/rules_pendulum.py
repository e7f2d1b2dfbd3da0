"""Planner rules for a simple pendulum (the physics component's `pendulum`): the string and its length, the bob,
the angle from the vertical, the forces on the bob and the weight's two parts, the path, and the swing — its
period computed from the length, never copied.

    Draw a short horizontal bar as the pivot. Hang a string of length 1 m from it with a blue bob.
    Label the string "L = 1 m" and the bob "m". Animate the pendulum swinging from θ = 15° to −15° and back twice.
    Freeze the pendulum at θ = 25°. Mark the angle θ with an arc, labelled "θ".
    Forces on the bob: a yellow arrow straight down labelled "mg", a green arrow along the string labelled "tension".
    Decompose mg into "mg cos θ" along the string and "mg sin θ" along the arc.

The words are data (`planner/data/vocabulary.json`: `pendulum_words`).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import pendulum_words
from .quantity import NUM, quantity

_Q = r"[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]"
_TIMES = {"once": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5}


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and b.params.get("pendulum")), None)


def _after(s: str, noun: str) -> str | None:
    """The label written for a noun: 'Label the string "L = 1 m"', 'the bob "m"', 'a bob labelled "5m"'."""
    quoted = [q.span() for q in re.finditer(r"[\"\u201c][^\"\u201d]*[\"\u201d]", s)]
    m = next((x for x in re.finditer(r"\b(?:" + noun + r")\b(?:[^\"\u201c.;]|\.\d){0,40}?(?:\blabell?ed\s+|\bwith\s+"
                                     r"(?:the\s+)?label\s+)?" + _Q, s, re.I)
              if not any(a <= x.start() < b for a, b in quoted)), None)  # the noun itself, not a word of a label
    if not m or re.search(r"\b(?:arrow|vector|force|component|second|angle|arc)\b", s[max(0, m.start() - 40):m.end()], re.I) or re.search(
            r"\b(?:cos|sin)\b", m.group(1)):
        return None  # the label of an arrow along the string, or of a second bob
    return m.group(1)


def _read(s: str, words: dict) -> dict:
    """What one sentence says about the pendulum."""
    out: dict = {}
    length = re.search(r"\b(?:length|long)\b[^.;\d]{0,30}?(" + NUM + r")\s*(m|cm)\b", s, re.I) or re.search(
        r"\(\s*(?:representing|=|for)\s*(" + NUM + r")\s*(m|cm)\s*\)", s, re.I) or re.search(
        r"\bL\s*=\s*(" + NUM + r")\s*(m|cm)\b", s) or re.search(r"\b(" + NUM + r")\s*(m|cm)\s+(?:long\s+)?(?:string|pendulum)\b",
                                                                 s, re.I)
    if length:
        out["length"] = quantity(length.group(1)) * (0.01 if length.group(2).lower() == "cm" else 1.0)
    deg = r"\s*(?:°|º|degrees?\b|\^\s*\{?\s*\\circ\s*\}?)"  # (TeX writes 20^\circ)
    angle = re.search(r"(?:θ|theta|angle)\s*(?:=|of|at)?\s*(-?[\d.]+)" + deg, s, re.I) or re.search(
        r"\b(?:from|at|to|by|of|released from|pulled (?:back|aside) (?:by|to))\s+(-?[\d.]+)" + deg, s, re.I)
    if angle and re.search(r"\b(?:arc|path|travels?)\b", s, re.I) and re.search(
            r"\bfrom\s+[-−]?[\d.]+\s*(?:°|º|degrees?)\s*to\s+[+-−]?[\d.]+", s, re.I):
        angle = None  # "the dotted circular arc the bob travels on, from -40° to +40°": how far it swings, not its angle
    if angle:
        try:
            out["angle"] = max(-80.0, min(80.0, float(angle.group(1))))
        except ValueError:
            pass
    if re.search(words["swing"], s, re.I):
        n = re.search(r"\b(once|twice|two|three|four|five|\d)\s*(?:full\s+)?(?:times|swings|periods|oscillations)?\b"
                      r"(?=[^.]*$)", s[re.search(words["swing"], s, re.I).start():], re.I)
        times = _TIMES.get(n.group(1).lower(), None) if n else None
        if times is None and n and n.group(1).isdigit():
            times = int(n.group(1))
        out["swings"] = float(times or 2)
    if not re.search(r"\bsecond\b", s, re.I):
        for key, noun in (("string_label", r"string|rod|thread|cord"), ("bob_label", r"bob")):
            lab = _after(s, noun)
            if lab and (key == "string_label" or "=" not in lab):
                out[key] = lab
        for q in re.findall(_Q, s):  # 'Label the parts "pivot", "string (length L)" and "bob (mass m)"'
            if re.match(r"(?:string|rod|thread|cord)\b", q, re.I):
                out["string_label"] = q
            elif re.match(r"bob\b", q, re.I):
                out["bob_label"] = q
    return out


def _labels(s: str) -> list[tuple[str, str]]:
    """(the words before it on its line, lower case; the label) for every label the sentence writes: quoted ('labelled
    "tension"', each pair of quotes on its own — never the gap between two quotes) or a bare symbol after "labelled"
    ('labelled mg', 'labelled mg\\cos\\theta')."""
    out = []
    quotes = list(re.finditer(r"[\"\u201c]([^\"\u201d]*)[\"\u201d]", s))
    for m in quotes:
        if 1 <= len(m.group(1)) <= 24:
            line = s[:m.start()].rsplit("\n", 1)[-1]
            out.append((re.split(r"[.;]\s", line[-80:])[-1].lower(), m.group(1)))
    for m in re.finditer(r"\blabell?ed\s+(?:MathTex|Tex|LaTeX)\s*:?\s*([^,;\"\u201c\n]{1,30}?)(?=\s*[,;]|\.(?:\s|$)|\s*$|\s+(?:and|but|then)\b)", s):
        # ('an arrow … labeled MathTex m g.', '… labeled MathTex F_T': the formula after the word for TeX, spaces and all)
        line = s[:m.start()].rsplit("\n", 1)[-1]
        out.append((re.split(r"[.;]\s", line[-80:])[-1].lower() + "labelled ", m.group(1).strip()))
    for m in re.finditer(r"\blabell?ed\s+(?!MathTex|Tex\b|LaTeX)(?![\"\u201c])((?:\\?[A-Za-z]|\d)[^\s,;\"\u201c]{0,23}?)(?=[,;]|\.?(?:\s|$))", s):
        if any(q.start() <= m.start() < q.end() for q in quotes):
            continue
        label = m.group(1)
        more = re.match(r"(?:\s+(?:\\[A-Za-z]+(?:\\[A-Za-z]+)*|[A-Za-z](?:_\{?\w{1,3}\}?)?))+(?=\s*[,;]|\.?\s*$|\.\s)", s[m.end():])
        if more and len(label) <= 2:
            label += more.group(0)  # ("labeled m g", "labeled m g \\cos\\theta": a product of symbols, spaced)
        if len(label) <= 4 or re.search(r"[\\^_]", label):
            line = s[:m.start()].rsplit("\n", 1)[-1]
            out.append((re.split(r"[.;]\s", line[-80:])[-1].lower() + "labelled ", label))
    return out


def _forces(s: str, out: dict) -> None:
    """Arrows on the bob: the weight ("straight down … "mg""), the tension ("along the string toward the pivot"), and
    the weight's parts ("mg cos θ", "mg sin θ")."""
    for before, label in _labels(s):
        if re.search(r"\b(?:cos|sin)\b|\\(?:cos|sin)", label) and re.search(r"\bmg|\bw\b|weight", label.replace(" ", ""), re.I):
            out["components"] = list(dict.fromkeys(list(out.get("components") or []) + [label]))[:2]
        elif re.search(r"\btension\b|toward(?:s)? the pivot|along the string", before) or label.lower() in ("t", "tension"):
            out["tension"] = label
        elif re.search(r"\b(?:straight )?down(?:ward)?s?\b|\bweight\b|\bgravity\b", before) or label.replace(" ", "") in ("mg", "W"):
            out["weight"] = label


def rule_pendulum(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    words = pendulum_words()
    picture = _picture(ctx)
    if picture is None:
        # (a bob on a string or at a pivot is a pendulum, named or not: "Pivot at (-3.5, 3). Draw the string …, bob at
        # the end")
        named = ctx.mentions(words["cue"]) or (ctx.mentions(words["bob"]) and ctx.mentions(words["holder"]))
        if not re.search(words["cue"], ex.bare or s, re.I) and not (
                named and re.search(r"\b(?:bob|string|pivot)\b", ex.bare or s, re.I)):
            return []
        bare = ex.bare or s
        described = re.search(r"\b(?:an?|one|two)\s+(?:(?:small|simple|little|equal|identical)\s+)*pendul\w*\b[^.;]{0,120}?"
                              r"\b(?:bob|swing\w*|labell?ed)\b", bare, re.I)  # "Top left, two small pendulums … bob labelled"
        if not (described or re.search(r"\b(?:draw|hang|place|animate|add|freeze|sketch)\w*\b", bare, re.I) or re.search(
                r"\bshow\w*\b", bare, re.I) and re.search(r"\b(?:bob|string|pivot|swing\w*)\b", bare, re.I)):
            return []  # "Show a table comparing three pendulums": the pendulums are what the table is about
        if re.search(r"\b(?:table|chart|graph|plot|axes|equation|formula)\b", bare, re.I) and not re.search(
                r"\b(?:bob|string|pivot|swing\w*)\b", bare, re.I):
            return []
        p: dict = {"length": 1.0, "angle": 15.0}
        about = _read(ctx.about, words)  # the length or the angle written later in the scene
        p.update({k: v for k, v in about.items() if k in ("length", "angle")})
    else:
        p = dict(picture.params["pendulum"])
    said = _read(s, words)
    before = dict(p)
    p.update(said)
    _forces(s, p)
    if re.search(r"\b(?:arc|path)\b", s, re.I) and re.search(r"\b(?:dotted|dashed|path|trace)\w*\b", s, re.I):
        p["arc"] = True
    # (the angle's name is a symbol — "Mark the angle θ" — never the word after it: "the angle between …")
    mark = re.search(r"\b(?:mark|label)\w*\s+(?:the\s+)?angle\s+(θ|α|φ|\\[A-Za-z]{2,8}|[A-Za-z](?![\w']))|\bangle\b[^.;\"\u201c]{0,60}"
                     r"\blabell?ed\s+(?:(?:MathTex|Tex|LaTeX)\s*:?\s*)?(?:" + _Q + r"|(\\[A-Za-z]{2,8}|[θαφ]))", s, re.I)
    if mark:
        p["angle_label"] = mark.group(1) or mark.group(2) or mark.group(3)
    if re.search(r"\b(?:timer|stopwatch|counter|clock)\b", s, re.I):
        p["timer"] = True
        ctx.consumed.update(q for q in ex.quoted if re.match(r"\s*t\s*=\s*0", q))  # the timer's first reading
    second = re.search(r"\bsecond\b[^.;]{0,80}?\bbob\b[^.;\"\u201c]{0,60}?\blabell?ed\s+" + _Q, s, re.I)
    if second:
        p["second"] = second.group(1)
    pair = re.search(r"\btwo\s+(?:(?:small|simple|little|equal|identical)\s+)*pendul\w*", s, re.I)
    bobs = re.findall(r"\bbob\b[^.;\"\u201c]{0,40}?\blabell?ed\s+" + _Q, s, re.I)
    if pair and len(bobs) >= 2:
        p["bob_label"], p["second"] = bobs[0], bobs[1]  # "two pendulums side by side: … "1 kg", … "5 kg""
    if picture is not None and p == before:
        if re.search(r"\b(?:bob|string|pivot|pendulum)\b", ex.bare or s, re.I) and not ex.quoted:
            ctx.modified.add(i)  # "Draw the dotted arc path of the bob" with it drawn: the picture has it
        return []
    strings = [x for x in [p.get(k) for k in ("string_label", "bob_label", "angle_label", "weight", "tension", "second")]
               + list(p.get("components") or []) if x]
    ctx.consumed.update(strings)
    ctx.modified.add(i)
    ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    if picture is not None:
        ctx.replace(picture, Beat("physics", dict(picture.params, pendulum=p), tuple(strings),
                                  picture.rule.split("+")[0] + "+pendulum", picture.source, picture.detail_index,
                                  picture.keywords), i)
        return []
    return [_beat("physics", "physics:pendulum", ex, i, strings, _kw(s) + ("physics", "pendulum"), pendulum=p)]
