"""Rules that move and transform what is on screen: "Transform the equation into …", "Morph the vector
[1, 2] into [3, 1]", "Move the word 'cat' to the left", a new element taking the place of an old one.
"""

from __future__ import annotations

import re
from ..mathtext import looks_like_math
from .beats import Beat
from .extract import Extracted
from .context import Context, _beat, _fmt, _kw, since_clear
from .listing import Q, claim, cue_unquoted, shown_items, since_clear_of_kind


# ----------------------------------------------------------------------------- transform / move
_TRANSFORM_VERB = r"(?:transform|morph|turn|convert|chang|map|becom|embed)\w*"


def rule_transform(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show each word transforming into a vector (e.g., "The" -> [0.1, 0.2, 0.3])";
    "Transform `x^2 + 2x + 1` into `(x + 1)^2`"; ""cat" becomes "chat"."."""
    beats = []
    if ex.pairs and cue_unquoted(ex, _TRANSFORM_VERB + r"|->|→|=>"):
        for word, vec in list(ex.pairs):
            values = [_fmt(v) for v in vec]
            beats.append(_beat("transform", "transform:word-to-vector", ex, i, [word] + values,
                               _kw(word) + ("vector", "embedding"), target=word, values=list(vec)))
            claim(ex, ctx, [word])
        return beats
    items = shown_items(ex.sentence)
    rep = re.search(r"\b(?:replace|swap|substitute|exchange)\w*\s+(?:the\s+)?(`[^`]+`|" + Q + r")\s*(?:\w+\s+){0,2}?(?:with|"
                    r"for|by)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,3}?(`[^`]+`|" + Q + r")", ex.sentence, re.I)
    if rep:
        src, dst = (x.strip('`"\u201c\u201d ') for x in (rep.group(1), rep.group(4)))
        flow = since_clear_of_kind(ctx, "flow")
        if flow is not None and src in flow.params.get("nodes", []):
            # "Replace the "Transport" box with a box labeled "Mock Transport"": the diagram with the new box
            nodes = [dst if n == src else n for n in flow.params["nodes"]]
            claim(ex, ctx, [src, dst])
            return [_beat("flow", "flow:replace-node", ex, i, nodes + list(flow.params.get("edge_labels") or []),
                          flow.keywords + _kw(dst), **dict(flow.params, nodes=nodes)),
                    _beat("highlight", "highlight:replaced-node", ex, i, (), _kw(dst), target=dst)]
        new = {"expr": dst} if rep.group(4).startswith("`") and looks_like_math(dst) else {"text": dst}
        claim(ex, ctx, [src, dst])
        return [_beat("transform", "transform:replace", ex, i, [src, dst], _kw(ex.sentence), target=src, **new)]
    if len(items) < 2:
        return _prose_transform(ex, ctx, i)
    m = re.search(r"\b" + _TRANSFORM_VERB + r"\b[^`\"\u201c]{0,40}?(`[^`]+`|" + Q + r")\s*(?:into|to|becomes?|"
                  r"→|->)\s*(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}?(`[^`]+`|" + Q + r")", ex.sentence, re.I) or \
        re.search(r"(`[^`]+`|" + Q + r")\s*(?:becomes|turns into|transforms into|morphs into|changes into)\s*"
                  r"(`[^`]+`|" + Q + r")", ex.sentence, re.I)
    if not m or len(items) < 2:
        return []
    src, dst = (x.strip('`"\u201c\u201d ') for x in (m.group(1), m.group(4)))
    if not src or not dst or src in ctx.consumed:
        return []
    vec = re.fullmatch(r"\[\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*)\s*\]", dst)
    new: dict = {}
    if vec:
        new["values"] = [float(x) if "." in x else int(x) for x in re.split(r"\s*,\s*", vec.group(1))]
    elif m.group(4).startswith("`") and looks_like_math(dst) or looks_like_math(dst):
        new["expr"] = dst
    else:
        new["text"] = dst
    claim(ex, ctx, [src, dst])
    return [_beat("transform", "transform:into", ex, i, [src, dst], _kw(ex.sentence), target=src, **new)]


_VAGUE = {"vector", "vectors", "embedding", "embeddings", "number", "numbers", "value", "values", "token", "tokens",
          "something", "it", "them", "position", "place", "shape", "form", "one", "another", "the next", "output",
          "outputs", "result", "results", "right", "left", "top", "bottom", "center", "centre", "middle", "screen"}


_MOVE_VERB = (r"(?:transforming|transforms|transformed|turning|turns|changing|changes|morphing|morphs|converting|"
              r"converts|becoming|becomes|evolving|evolves|moving|moves|growing|grows|shrinking|shrinks|lands?|landing|"
              r"maps|mapping|goes|going|is sent|gets sent)")


_TARGET = r"(\[[^\[\]]{1,60}\]|\([^()]{1,40}\)|[^\s,;:.]+(?:\s*[=≈]\s*[^\s,;:.]+)?)"


def _prose_transform(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Unquoted "X transforming into Y", "X moving to Y", "î moves to [2, 0] and ĵ moves to [1, 1]":
    `transform` beats (the runtime shows X first when it is not on screen)."""
    s = ex.sentence
    beats = []
    # "î moves to [2, 0] and ĵ moves to [1, 1]": symbols landing on vectors or points
    for m in re.finditer(r"(?:^|[\s:;,(])([^\s,:;()]{1,6})\s+(?:moves|goes|lands|maps|is sent|gets sent|is mapped)\s+"
                         r"(?:on)?to\s+(\[[^\[\]]{1,40}\]|\([^()]{1,30}\))", s):
        src, dst = m.group(1), m.group(2)
        if src in ctx.consumed:
            continue  # (a graph's node moving to its place: the graph's insert)
        new = _new_element(dst)
        beats.append(_beat("transform", "transform:moves-to", ex, i, [src, dst], _kw(s), target=src, **new))
    if beats:
        claim(ex, ctx, [b.strings[-1] for b in beats])
        return beats[:4]
    if ex.quoted or ex.backticked or ex.pairs or any(
            re.search(r"(?<![\w.-])" + re.escape(c) + r"\s+" + _MOVE_VERB + r"\b", s) for c in ctx.consumed if c):
        return []  # ("so 30 moves to (-3, 1)": a node the graph rule placed)
    m = re.search(r"^(?:.*?\b(?:show|animate|display|illustrate|depict|watch|see)\s+)?(?:the\s+|a\s+|an\s+|each\s+)?"
                  r"(?P<a>[^.;:]{2,80}?)\s+" + _MOVE_VERB + r"\s+(?:in)?to\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                  r"(?P<b>.{1,80})$", s, re.I)
    if not m:
        return []
    a = re.split(r"\s+(?:as|like|which|that|while|being)\b|,", m.group("a"), flags=re.I)[0].strip()
    a = re.sub(r"\s+(?:and|then)$", "", a).strip()
    tail = m.group("b")
    exact = re.match(r"(?:new\s+)?(?:position|place|location|point|value)?\s*(\[[^\[\]]+\]|\([^()]*\d[^()]*\)|[^\s]+\s*=\s*"
                     r"[^\s,.;]+)", tail)
    if exact:
        b = exact.group(1)
    else:
        b = re.split(r"[.;,]\s|[.;]$|\s+(?:and|while|as|with|then|when|until|in|on|at|from|by)\b", tail)[0].strip(" .")
        b = re.sub(r"^(?:new\s+)?(?:position|place|location)\s*", "", b).strip()
    if not a or not b or b.lower() in _VAGUE or a.lower() in _VAGUE or len(a.split()) > 10 or len(b.split()) > 6:
        return []
    shown = " ".join(str(x) for b_ in since_clear(ctx) for x in b_.strings).lower()
    moved = re.search(r"\b(?:goes|go|moves|move|leads|lead|points|point|travels|flows|runs)\s+(?:in)?to\b", m.group(0), re.I)
    if moved and not exact and not looks_like_math(a) and not looks_like_math(b) and len(a.split()) > 2 and not (
            a.lower() in shown or b.lower() in shown):
        # "The arrow from its next cell goes to a smaller node with value 12": a picture described, no text that
        # becomes another — never words morphing into words (reported if nothing draws it)
        return []
    sym = re.search(r"\b(?:vector|point|dot|matrix|variable|term)\s+([^\s]{1,4})$", a)
    target = sym.group(1) if sym else (a[0].upper() + a[1:])
    if target.count("(") != target.count(")") or target.count("[") != target.count("]"):
        return []  # ("A third grey vector (1, 0) is also shown and … turns to (4, 2)": a vector cut in two, no text)
    dst = b if exact else b[0].upper() + b[1:]
    new = _new_element(dst)
    return [_beat("transform", "transform:prose", ex, i, [target, dst], _kw(s), target=target, **new)]


def _new_element(dst: str) -> dict:
    vec = re.fullmatch(r"\[\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*)\s*\]", dst)
    if vec:
        return {"values": [float(x) if "." in x else int(x) for x in re.split(r"\s*,\s*", vec.group(1))]}
    if looks_like_math(dst):
        return {"expr": dst}
    return {"text": dst}


_KIND_WORDS = {
    "equation": ("equation", "steps"), "formula": ("equation", "steps"), "calculation": ("steps", "equation"),
    "expression": ("equation", "steps"), "table": ("table",), "grid": ("grid",), "cards": ("cards", "grid"),
    "card": ("cards", "grid"), "list": ("bullets",), "bullets": ("bullets",), "code": ("code",),
    "diagram": ("flow", "network"), "network": ("network",), "matrix": ("matrix",), "vector": ("matrix", "transform"),
    "title": ("title",), "text": ("text",), "note": ("text",), "caption": ("text",), "tokens": ("sequence",),
    "sequence": ("sequence",), "array": ("sequence", "grid"), "row": ("sequence", "grid"), "comparison": ("comparison",),
    "icon": ("icon",),
}


_PLACES = {"left": "left", "right": "right", "top": "up", "up": "up", "upper": "up", "bottom": "down", "down": "down",
           "lower": "down", "center": "center", "centre": "center", "middle": "center"}


def rule_move(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Move the equation to the left", "Shift "Encoder" to the top", "Slide the table right"."""
    if not ctx.beats:
        return []
    m = re.match(r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+)?(?:move|shift|slide|push|dock)\s+(?:the\s+|this\s+|"
                 r"that\s+|it\b\s*)?(.*?)\s*(?:(?:over\s+)?(?:to|towards|into)\s+(?:the\s+)?)?(?:(?:upper|lower)\s+)?"
                 r"(left|right|top|bottom|cent(?:er|re)|middle|up|down)(?:wards?)?\b", ex.sentence, re.I)
    if not m or re.search(r"\b(?:while|along|as|when)\b", m.group(1), re.I) or any(
            b.detail_index == i and b.source == ex.sentence and b.rule == "plot:move-along" for b in ctx.beats):
        return []  # ("Slide the dot along the curve to B … while the right side shows": a dot on the curve, moved there)
    what, to = m.group(1), _PLACES[m.group(2).lower()]
    trip = re.search(r"\bfrom\s+(?:the\s+)?(?:left|right|top|bottom)\s+to\s+(?:the\s+)?(left|right|top|bottom|cent(?:er|re)|middle)\b",
                     ex.sentence, re.I)
    if trip:  # "Move the car from left to right": where it ends
        what, to = re.split(r"\s+from\b", what)[0], _PLACES[trip.group(1).lower()]
    quoted = [s for s, _, _ in shown_items(what)]
    target = quoted[0] if quoted else None
    if target is None:
        kinds = next((k for w, k in _KIND_WORDS.items() if re.search(r"\b" + w + r"s?\b", what, re.I)), None)
        if kinds:
            prev = next((b for b in reversed(ctx.beats) if b.kind in kinds and b.strings), None)
            target = prev.strings[0] if prev else None
        else:
            words = [w for w in re.findall(r"[A-Za-z]{3,}", what) if w.lower() not in ("the", "all", "everything",
                                                                                       "slowly", "quickly", "whole")]
            shown = [s for b in since_clear(ctx) for s in b.strings]
            target = next((s for w in reversed(words) for s in shown if re.search(r"\b" + re.escape(w) + r"\b", s, re.I)),
                          None)
            if words and target is None:
                # "Move the ambulance from left to right" with no ambulance on screen: nothing else is moved
                ctx.lost(i, f"nothing on screen is {what.strip()!r}: it is not moved")
                # ("Move the ambulance up and show a table …": the rest of the sentence is read on)
                ctx.stop = not re.search(r"\band\s+(?:then\s+)?(?:show|draw|display|add|write|put|place)\b", ex.sentence, re.I)
                return []
    for b in ctx.beats:  # it may have been transformed since: follow it to what it became
        if b.kind == "transform" and target is not None and b.params.get("target") == target and len(b.strings) > 1:
            target = b.strings[-1]
    claim(ex, ctx, quoted)
    return [_beat("move", "move:verb-to-place", ex, i, (), _kw(ex.sentence), target=target, to=to)]
