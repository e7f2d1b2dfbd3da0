"""Planner rules for state diagrams: named shapes standing for states, joined by labelled arrows, with arrows
from a state back to itself — a directed `graph` whose pairs of arrows both ways are drawn as two arcs.

    Draw two large circles: left at (-3, 0) labeled "Sunny", right at (3, 0) labeled "Rainy".
    Draw a self-loop on top of Sunny labeled "0.8".
    Draw a curved arrow from Sunny to Rainy (upper arc) labeled "0.2".
    Arrows: "S" → "R" 0.3 and "R" → "S" 0.5; loops on S (0.7) and R (0.5).

A sentence declares the states when it names two or more of them in quotes with a shape noun and the scene
joins two of them by an arrow or gives one a loop; later sentences add arrows and loops to the diagram on
screen. The nouns and arrow words are data (`planner/data/vocabulary.json`: `state_nouns`, `state_arrows`,
`state_loops`).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw
from .extract import Extracted
from .knowledge import state_words
from .quantity import NUM, quantity
from .rules_graph import _colour, _graph_on_screen, _ids, _weight

_Q = r"[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]"
_AT = re.compile(r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")
_SIDES = (("up", r"\b(?:on top of|above|over|top)\b"), ("down", r"\b(?:below|under(?:neath)?|beneath|bottom)\b"),
          ("left", r"\bleft\b"), ("right", r"\bright\b"))
_LABEL = re.compile(r"(?:label(?:l)?ed|marked|with (?:probability|weight|rate)|probability|weight|rate|p\s*=)\s*(?:of\s+)?"
                    r"(" + NUM + r"(?:\s*/\s*\d+)?|[\"\u201c][^\"\u201d]{1,16}[\"\u201d])", re.I)


def _state_names(ex: Extracted) -> list[str]:
    """The quoted names of a sentence that can be states: short, not a formula, not a bare number."""
    out = []
    for q in ex.quoted:
        q = q.strip()
        if re.fullmatch(r"[A-Za-z][\w' -]{0,19}", q) and q not in out:
            out.append(q)
    return out


def _name_pattern(names: list[str]) -> str:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return r"[\"\u201c]?(?<![\w'])(" + alts + r")(?![\w'])[\"\u201d]?"


def _joined(text: str, names: list[str]) -> bool:
    """Is the text a state diagram over the names: a loop on one of them, arrows both ways between two, or an
    arrow from one to another in a text about states or transitions?"""
    found = _arrows(text, names, symbols=False)  # ("CLOSED" -> "SYN-SENT": a progression, not a diagram)
    pairs = {(e["from"], e["to"]) for e in found}
    if any(a == b or (b, a) in pairs for a, b in pairs):
        return True
    return bool(pairs) and re.search(r"\b(?:states?|transitions?|markov|automat\w+)\b", text, re.I) is not None


def _label(clause: str, names: list[str]):
    """The label written for an arrow: a quoted text that is not a state's name, a number after "labeled" or
    "probability", or a number in brackets."""
    q = next((m for m in re.finditer(_Q, clause) if m.group(1).strip() not in names
              and re.search(r"[\w\d]", m.group(1))), None)
    m = _LABEL.search(clause)
    if m and (q is None or m.start() < q.start()) and m.group(1).strip("\"\u201c\u201d ") not in names:
        v = m.group(1).strip("\"\u201c\u201d ")
        return _weight(v) if re.fullmatch(NUM, v) else v
    if q is not None:
        return _weight(q.group(1)) if re.fullmatch(NUM, q.group(1)) else q.group(1)
    m = re.search(r"^\s*[:=]?\s*\(?\s*(" + NUM + r"(?:\s*/\s*\d+)?)\s*\)?(?![\w.])", clause)  # ""A" → "B" 0.5", "S (0.7)"
    return (_weight(m.group(1)) if re.fullmatch(NUM, m.group(1)) else m.group(1)) if m else None


def _arrows(sentence: str, names: list[str], symbols: bool = True) -> list[dict]:
    """The arrows and loops the sentence draws between the named states, each with its label and a loop's side."""
    _, arrows, loops = state_words()
    canon = {n.lower(): n for n in names}
    name = _name_pattern(names)
    found: list[tuple[int, int, dict]] = []
    for m in re.finditer(r"\bfrom\s+(?:the\s+)?" + name + r"(?:\s+(?:state|circle|node))?\s+(?:back\s+)?to\s+(?:the\s+)?"
                         r"(?:" + name + r"|itself)", sentence, re.I):
        a = canon[m.group(1).lower()]
        b = canon[m.group(2).lower()] if m.group(2) else a
        found.append((m.start(), m.end(), {"from": a, "to": b}))
    for m in re.finditer(name + r"\s*(?:→|->|⟶)\s*" + name, sentence, re.I) if symbols else ():
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), {"from": canon[m.group(1).lower()], "to": canon[m.group(2).lower()]}))
    words = [m for m in re.finditer(r"\b(?:" + loops + r")\b", sentence, re.I)]
    words = [m for k, m in enumerate(words) if not any(w.start() <= m.start() < w.end() for w in words[:k])]
    for k, m in enumerate(words):
        if any(st <= m.start() < e for st, e, _ in found):
            continue
        stop = re.search(r"[;.](?:\s|$)", sentence[m.end():])
        end = min(m.end() + (stop.start() if stop else len(sentence)), words[k + 1].start() if k + 1 < len(words)
                  else len(sentence))
        for n in re.finditer(name, sentence[m.end():end], re.I):  # "a self-loop on top of Sunny", "loops on S (0.7) and R (0.5)"
            x = canon[n.group(1).lower()]
            found.append((m.end() + n.start(), m.end() + n.end(), {"from": x, "to": x, "_near": m.start(), "_far": end}))
    if not found and not re.search(r"\b(?:" + arrows + r"|" + loops + r")\b", sentence, re.I):
        return []
    found.sort(key=lambda t: t[0])
    out: dict[tuple[str, str], dict] = {}
    for k, (start, end, e) in enumerate(found):
        nxt = next((st for st, _, _ in found[k + 1:] if st > start), len(sentence))
        lab = _label(re.split(r"[;]", sentence[end:nxt])[0], names)
        near, far = e.pop("_near", start), e.pop("_far", nxt)
        if lab is not None:
            e = dict(e, label=lab)
        if e["from"] == e["to"]:
            side = next((sd for sd, pat in _SIDES if re.search(pat, sentence[near:min(nxt, far)], re.I)), None)
            if side:
                e = dict(e, side=side)
        key = (e["from"], e["to"])
        out[key] = dict(e, **out[key]) if key in out else e  # said twice ("Add loops: … a loop above Sick"): merged
    return list(out.values())


def _places(ex: Extracted, names: list[str]) -> dict[str, list[float]]:
    """Each name's written place: "left at (-3, 0) labeled "Sunny", right at (3, 0) labeled "Rainy"" (the place
    before its name) or ""S" at (-2, 0), "R" at (2, 0)" (after it); none unless every name has one."""
    s = ex.sentence
    marks = [m for m in re.finditer(_Q, s) if m.group(1).strip() in names]
    if len(marks) != len(names):
        return {}
    before = [s[(marks[k - 1].end() if k else 0):m.start()] for k, m in enumerate(marks)]
    after = [s[m.end():(marks[k + 1].start() if k + 1 < len(marks) else len(s))] for k, m in enumerate(marks)]
    for parts in (before, after):
        at = [_AT.findall(p) for p in parts]
        if all(len(a) == 1 for a in at):
            return {m.group(1).strip(): [quantity(a[0][0]), quantity(a[0][1])] for m, a in zip(marks, at)}
    return {}


def _declare(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    nouns, _, _ = state_words()
    names = _state_names(ex)
    if len(names) < 2 or len(names) > 12 or not re.search(r"\b(?:" + nouns + r")\b", ex.bare, re.I):
        return None
    if not _joined(ctx.about, names):
        return None
    places = _places(ex, names)
    shape = "circle" if re.search(r"\b(?:circles?|states?|bubbles?)\b", ex.bare, re.I) else None
    nodes = [dict({"id": n}, **({"at": places[n]} if places else {}), **({"shape": shape} if shape else {}))
             for n in names]
    edges = _arrows(ex.sentence, names)
    strings = names + [str(e["label"]) for e in edges if "label" in e]
    ctx.consumed.update(strings)
    ctx.stop = True  # the quoted names are the states', not captions
    return [_beat("graph", "graph:states", ex, i, strings, _kw(" ".join(names)) + ("graph", "states"),
                  nodes=nodes, edges=edges, directed=True)]


def rule_states(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """A state diagram the sentence declares, or arrows and loops it adds to the one on screen."""
    g = _graph_on_screen(ctx)
    if g is None or not g.rule.startswith("graph:states"):
        return _declare(ex, ctx, i) or []
    names = _ids(g)
    edges = _arrows(ex.sentence, names)
    if not edges:
        return []
    have = list(g.params.get("edges") or [])
    pairs = {(e["from"], e["to"]) for e in have}
    fresh = [e for e in edges if (e["from"], e["to"]) not in pairs]
    if not fresh:
        return []  # arrows already drawn: an operation on them ("Highlight the two arrows leaving Sunny")
    col = _colour(ex.bare)
    if col and len(fresh) == 1:
        fresh = [dict(fresh[0], color=col)]
    params = dict(g.params, edges=ctx.capped(i, have + fresh, 40, "edges"))
    labels = [str(e["label"]) for e in fresh if "label" in e]
    ctx.replace(g, Beat("graph", params, g.strings + tuple(x for x in labels if x not in g.strings),
                        g.rule if g.rule.endswith("+arrows") else g.rule + "+arrows", g.source, g.detail_index,
                        g.keywords), i)
    ctx.consumed.update(labels)
    if all(q in ctx.consumed or q in names for q in ex.quoted):
        ctx.stop = True
    return []
