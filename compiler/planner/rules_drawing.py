"""Planner rules for pictures no other component names: labelled primitive shapes placed by the relations
the text gives — the `drawing` component, so a described picture is drawn, not written as a sentence.

    Draw a large ellipse (the chloroplast) of width 5 and height 3.
    Inside, draw three stacks of small rounded rectangles labeled 'thylakoids (grana)'.
    Draw a long horizontal rounded rectangle representing a thylakoid membrane. Above it, a yellow circle labeled 'light'.
    Draw a tiny green dot labeled 'seed' on the left and a large tree on the right, with an arrow from seed to tree.

Shape nouns are data (`planner/data/vocabulary.json`: `drawing_shapes`). A sentence becomes a drawing only
when it asks for a shape and no other rule drew a picture for it; later sentences add shapes to the drawing
on screen, inside, above, below, left or right of one already there ("it": the last one).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import drawing_object_words, drawing_shapes, drawing_top_parts
from .quantity import NUM, quantity
from .theme import COLOUR_RE, colour_value

_Q = r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]"
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_RELATIONS = (("inside", r"\binside\b|\bwithin\b|\bin (?:it|the middle of)\b"), ("above", r"\babove\b|\bover\b|\bon top of\b"),
              ("below", r"\bbelow\b|\bunder(?:neath)?\b|\bbeneath\b"), ("left_of", r"\b(?:to the )?left of\b"),
              ("right_of", r"\b(?:to the )?right of\b"))


_FIGURES = frozenset({"plot", "scatter", "bar_chart", "heatmap", "graph", "vector_plane", "number_line", "geometry",
                      "physics", "wave", "circuit", "message_chart", "flow", "network", "table", "grid", "sequence",
                      "matrix", "comparison", "cards"})


def _drawing(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "drawing" and not b.params.get("extend")), None)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:24] or "shape"


_STOP = frozenset({"of", "with", "on", "and", "labeled", "labelled", "at", "in", "to", "for", "that", "which", "above",
                   "below", "inside", "beside", "next", "called", "marked", "shape", "drawn"})


def _parts(desc: str) -> list[tuple[str, str, str, re.Match]]:
    """(shape type, part name, adjectives, match) of each primitive a description names: "a brown rectangle trunk and
    a green circle crown" -> rectangle "trunk", circle "crown"."""
    kinds = dict(drawing_shapes(), line=r"lines?|sticks?")
    alternatives = "|".join(f"(?P<{k}>{pat})" for k, pat in kinds.items())
    out = []
    for m in re.finditer(r"\b(?:an?|one)?\s*(?P<adj>(?:[\w-]+\s+){0,2}?)(?:" + alternatives + r")\b(?:\s+(?P<part>[a-z]+))?",
                         desc, re.I):
        kind = next(k for k in kinds if m.group(k))
        part = (m.group("part") or "").lower()
        out.append((kind, "" if part in _STOP or part in kinds else part, (m.group("adj") or "").lower(), m))
    return out[:4]


def _composites(s: str, known: list[dict], taken: list[tuple[int, int]], ex: Extracted, ctx: Context | None,
                i: int) -> list[dict]:
    """"a large simple tree made of a brown rectangle trunk and a green circle crown", "a lock shape (a rectangle of
    0.8 by 0.6 with a semicircular arc on top) labeled "Public key"": a thing drawn as the primitives it is made of,
    the parts named as sitting on top above the first, the others beside it; the thing's label on the first."""
    out: list[dict] = []
    words = drawing_object_words()
    for m in re.finditer(r"\b(?:a|an|one)\s+(?P<adj>(?:[\w-]+\s+){0,3}?)(?P<noun>[a-z]+)(?:[- ]like)?"
                         r"(?:\s+(?P<word>" + words + r"))?\s*(?:\((?P<paren>[^)]{3,160})\)|,?\s*(?:made (?:up )?of|consisting of|"
                         r"built (?:from|of)|formed (?:by|from|of)|composed of|drawn as)\s+(?P<made>[^.;(]{3,160}?))"
                         r"(?=\s+(?:labell?ed|called|marked|on the|to the|at the|next to|beside|with an? arrow)\b|[,.;]|$)",
                         s, re.I):
        noun = m.group("noun").lower()
        if noun in _STOP or re.fullmatch(r"(?:" + "|".join(drawing_shapes().values()) + r")", noun):
            continue
        if m.group("paren") is not None and not m.group("word"):
            continue  # "a large ellipse (the chloroplast)": a shape and its name, not a thing made of shapes
        desc = m.group("paren") or m.group("made")
        parts = _parts(desc)
        if not parts:
            continue
        tail = s[m.end():m.end() + 80]
        label = re.match(r"\s*,?\s*(?:labell?ed|called|marked)\s+" + _Q, tail, re.I)
        end = m.end() + (label.end() if label else 0)
        taken.append((m.start(), end))
        ids = {x["id"] for x in known + out}
        base = None
        for kind, part, adj, pm in parts:
            shape: dict = {"type": kind, "id": _slug(f"{noun} {part or kind}")}
            while shape["id"] in ids:  # ends: a number makes the id new
                shape["id"] = shape["id"][:20] + f"_{len(ids)}"
            ids.add(shape["id"])
            colour = COLOUR_RE.search(adj)
            if colour and colour_value(colour.group(0)):
                shape["color"] = colour_value(colour.group(0))
            size = re.match(r"\s*of\s+(" + NUM + r")\s*(?:by|x|×)\s*(" + NUM + r")", desc[pm.end(kind):])
            if size and kind in ("ellipse", "rectangle", "rounded_box"):
                shape["width"], shape["height"] = min(quantity(size.group(1)), 12), min(quantity(size.group(2)), 7)
            if base is None:
                base = shape
                shape["label"] = label.group(1) if label else noun
                big = re.search(r"\b(?:large|big|huge|tall)\b", m.group("adj") or "", re.I)
                small = re.search(r"\b(?:small|tiny|little)\b", m.group("adj") or "", re.I)
                if (big or small) and "width" not in shape and len(parts) == 1:
                    shape["size"] = "large" if big else "small"
            else:
                after = desc[pm.end():pm.end() + 20]
                top = re.fullmatch(r"(?:" + drawing_top_parts() + r")", part) or re.match(r"\s*(?:on top|above)\b", after, re.I)
                shape["above" if top else "right_of"] = base["id"] if top else out[-1]["id"]
            shape["_at"] = m.start()
            out.append(shape)
        if ctx is not None and len(parts) == 1 and re.search(r"\bwith\b|\band\b", desc, re.I):
            ctx.lost(i, f"the {noun} is drawn as a {parts[0][0].replace('_', ' ')}: the rest of its description is not drawn")
    return out


def _shapes(ex: Extracted, known: list[dict], ctx: Context | None = None, i: int = 0) -> list[dict]:
    s = ex.sentence
    kinds = drawing_shapes()
    alternatives = "|".join(f"(?P<{k}>{pat})" for k, pat in kinds.items())
    taken: list[tuple[int, int]] = []
    out: list[dict] = _composites(s, known, taken, ex, ctx, i)
    taken += [mm.span() for mm in re.finditer(r"\([^)]*\)", s)]  # "(each stack 4 rectangles of 0.8 by 0.2)": a detail
    taken += [mm.span() for mm in re.finditer(r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|`[^`\n]*`", s)]  # shown text: no shape
    nouns = "|".join(kinds.values())
    for m in re.finditer(r"\b(?:(?P<count>a|an|one|two|three|four|five|six|\d|the)\s+|(?<=\bwith )(?=(?:[\w-]+\s+){0,2}?(?:"
                         + nouns + r")s?\b))(?P<adj>(?:[\w-]+\s+){0,4}?)(?:stacks?\s+of\s+"
                         r"(?:[\w-]+\s+){0,3})?(?:" + alternatives + r")\b", s, re.I):
        if m.group("count") is None and not re.search(r"s$", m.group(0)):
            continue  # "with wavy arrows": shapes in the plural the sentence adds to the last one; not "with dot size 3"
        if any(a <= m.start() < b or a <= m.start(m.lastgroup) < b for a, b in taken):
            continue
        kind = next(k for k in kinds if m.group(k))
        if re.search(r"\bstacks?\s+of\b", m.group(0), re.I):
            kind = "stack"
        if (m.group("count") or "").lower() == "the" and (any(k.get("type") == kind for k in known + out) or
                                                  not re.match(r"\s*(?:then\s+)?(?:draw|sketch)\s+the\b",
                                                               s[:m.end()], re.I)):
            continue  # "the circle" is one drawn before; only "Draw the double strand …" first draws one
        tail = s[m.end():m.end() + 130]
        name = re.match(r"\s*\((?:the\s+)?([^)]{1,24})\)", tail) or re.match(r"\s+(?:(?:in|at)\s+the\s+\w+\s+)?(?:representing|for|as)\s+(?:an?\s+|the\s+)?"
                                                                           r"([\w -]{1,24}?)(?=[,.;]|\s+(?:across|with|in|at|on|and|is|are|sits?|appears?|drawn|placed|shown)\b)", tail)
        # its label, not the next shape's ("an orange dot at (-2, 3) and a yellow star at (2, 1) labeled "minimum"")
        label = re.match(r"(?:(?!\band\s+(?:an?|the|one|two|three)\s|\bwith\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")s?\b)"
                         r"(?:[^.;\"\u201c]|\.\d)){0,100}?\b(?:labell?ed|called|marked|with (?:the )?(?:text|label))\s+" + _Q,
                         tail, re.I)  # "a yellow circle with wavy arrows labeled 'light'": the arrows' label
        more: list[str] = []
        many = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}.get((m.group("count") or "").lower())
        if label is None and many and re.match(r"\s*:\s*[\"\u201c]", tail):
            # 'Draw two large circles: "Sunny" on the left at (-3, 0) and "Rainy" on the right': a label each
            names = list(re.finditer(_Q, tail))[:many]
            if len(names) == many:
                label = _Span(names[0].group(1), names[-1].end())
                more = [q.group(1) for q in names[1:]]
        elif label:  # "three circles labeled "x", "h", "y_hat"": one label per copy
            rest = re.match(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)" + _Q + r")+", tail[label.end():])
            if rest:
                more = re.findall(_Q, rest.group(0))
                label = _Span(label.group(1), label.end() + rest.end())
        for part in (name, label):
            if part is not None:
                taken.append((m.end(), m.end() + part.end()))  # "representing a thylakoid membrane": its name, not a shape
        shape: dict = {"type": kind}
        if kind in ("line", "arrow", "wavy_line"):
            ends = _ends(tail, known + out)
            if ends:
                shape["from"], shape["to"] = ends
            elif m.group("count") is None and out:
                # "a yellow circle with wavy arrows labeled 'light' hitting the membrane": rays from that shape to one
                aim = _aimed_at(tail, known + out)
                if aim and aim != out[-1]["id"]:
                    shape["from"], shape["to"] = out[-1]["id"], aim
        if label:
            shape["label"] = label.group(1)
        elif name:
            shape["label"] = name.group(1).strip()
        shape["id"] = _slug(shape.get("label") or kind)
        word = (m.group("count") or "").lower()
        n = _COUNT.get(word, int(word) if word.isdigit() else 1 if word else 3)  # "with wavy arrows": a few
        if n > 1 and kind != "stack":
            shape["count"] = min(n, 12)
        if kind == "stack":
            inner = re.search(r"\b(?:each|of)\s+(?:stack\s+)?(\d+)\b", tail)
            shape["count"] = min(int(inner.group(1)), 12) if inner else 4
        adj = (m.group("adj") or "").lower()
        if re.search(r"\b(?:large|big|long|huge|wide)\b", adj):
            shape["size"] = "large"
        elif re.search(r"\b(?:small|tiny|little)\b", adj):
            shape["size"] = "small"
        colour = COLOUR_RE.search(adj)
        if colour and colour_value(colour.group(0)):
            shape["color"] = colour_value(colour.group(0))
        if kind in ("rectangle", "rounded_box", "membrane") and re.search(r"\b(?:long|wide)\b", adj) and (
                re.search(r"\bhorizontal\b", adj) or re.match(r"[^.;]{0,60}\bacross\b", tail)):
            shape["width"], shape["height"] = 7.5, 1.0  # "a long horizontal rounded rectangle … across the screen": a band
        size = re.match(r"[^.;]{0,30}?\bof\s+width\s+(" + NUM + r")\s+and\s+height\s+(" + NUM + r")", tail)
        if size and kind in ("ellipse", "rectangle", "rounded_box", "membrane"):
            shape["width"], shape["height"] = min(quantity(size.group(1)), 12), min(quantity(size.group(2)), 7)
        ids = {x["id"] for x in known + out}
        while shape["id"] in ids:  # ends: a number makes the id new
            shape["id"] = shape["id"][:20] + f"_{len(ids)}"
        shape["_at"] = m.start()
        if more and shape.get("count", 1) == 1 + len(more):
            out += _copies(shape, more, s[m.start():m.end() + label.end()], known + out)
            continue
        out.append(shape)
        if kind == "stack" and n > 1:  # "three stacks of small rounded rectangles": three piles side by side
            for k in range(1, min(n, 6)):
                twin = {key: v for key, v in shape.items() if key not in ("label", "id")}
                twin["id"] = f"{shape['id'][:20]}_{k + 1}"
                twin["right_of"] = out[-1]["id"]
                twin["_at"] = shape["_at"] + k
                out.append(twin)
    for m in re.finditer(r"\b(?:a|an|one|the)\s+(?:(?:thin|thick|straight|solid|dashed|white|grey|gray)\s+)?(?:line|edge|"
                         r"connection|link)\b", s, re.I):  # a line joins two shapes on screen: "a line from x to h"
        if any(a <= m.start() < b for a, b in taken):
            continue
        tail = s[m.end():m.end() + 80]
        ends = _ends(tail, known + out)
        if not ends:
            continue
        line: dict = {"type": "line", "from": ends[0], "to": ends[1], "_at": m.start()}
        label = re.match(r"(?:[^.;\"\u201c]|\.\d){0,60}?\b(?:labell?ed|marked|with (?:the )?(?:text|label|weight))\s+" + _Q, tail, re.I)
        if label:
            line["label"] = label.group(1)
            taken.append((m.end(), m.end() + label.end()))
        ids = {x["id"] for x in known + out}
        line["id"] = _slug(f"{ends[0]}_{ends[1]}")
        while line["id"] in ids:  # ends: a number makes the id new
            line["id"] = line["id"][:20] + f"_{len(ids)}"
        out.append(line)
    for m in re.finditer(r"\b(?:and|,)\s+(?:another|one|a second one|the other)\b(?P<where>[^.;\"\u201c]{0,40}?)\b(?:labell?ed|"
                         r"called|marked)\s+" + _Q, s, re.I):
        # "a rounded rectangle on the left labeled "Client" and one on the right labeled "Server"": another of that shape
        before = [x for x in out if x.get("_at", 0) < m.start() and x.get("type") not in ("line", "arrow")]
        if not before or any(a <= m.start() < b for a, b in taken) or any(x.get("label") == m.group(2) for x in out):
            continue
        twin = {k: v for k, v in before[-1].items() if k in ("type", "size", "color", "width", "height")}
        twin["label"] = m.group(2)
        twin["id"] = _slug(m.group(2))
        ids = {x["id"] for x in known + out}
        while twin["id"] in ids:  # ends: a number makes the id new
            twin["id"] = twin["id"][:20] + f"_{len(ids)}"
        twin["_at"] = m.start()
        out.append(twin)
    out.sort(key=lambda x: x.get("_at", 0))  # in the order the sentence names them: "a dot on the left and a tree …"
    for x in out:
        x.pop("_at", None)
    return out[:8]


def _ends(tail: str, known: list[dict]) -> tuple[str, str] | None:
    """"… from x to h", "… from the Sun to the Earth": the two shapes on screen a line or an arrow joins."""
    m = re.match(r"\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?([\w'-]{1,24})(?:\s+(?:circle|node|box|shape))?\s+to\s+"
                 r"(?:the\s+)?([\w'-]{1,24})\b", tail, re.I)
    if not m:
        return None

    def find(name: str) -> str | None:
        return next((k["id"] for k in known if name.lower() in (k["id"].lower(), str(k.get("label") or "").lower())), None)

    a, b = find(m.group(1)), find(m.group(2))
    return (a, b) if a and b and a != b else None


def _aimed_at(tail: str, known: list[dict]) -> str | None:
    """"… hitting the membrane", "… shining onto the leaf": the shape on screen that rays or arrows reach."""
    m = re.search(r"\b(?:hit(?:ting|s)?|strik(?:ing|es)|shin(?:ing|es)\s+(?:on|onto)|fall(?:ing|s)\s+on|onto|reaching|"
                  r"pointing\s+(?:at|to))\s+(?:the\s+)?([\w'-]{1,24})\b", tail.split(".")[0], re.I)
    if not m:
        return None
    name = m.group(1).lower()
    return next((k["id"] for k in known if name in (k["id"].lower(), str(k.get("label") or "").lower())
                 or name in str(k.get("label") or "").lower().split()), None)


class _Span:
    """A label that runs on over a list of quoted labels: its first text and where the list ends."""

    def __init__(self, text: str, end: int):
        self.text, self._end = text, end

    def group(self, _n: int) -> str:
        return self.text

    def end(self) -> int:
        return self._end


def _copies(shape: dict, more: list[str], phrase: str, known: list[dict]) -> list[dict]:
    """"Three circles in a row labeled "x", "h", "y_hat"": one shape per label, each beside the one before (below it
    when the copies are "in a column" / "stacked")."""
    column = re.search(r"\b(?:in\s+a\s+column|vertically|stacked|one\s+(?:above|below)\s+(?:the\s+)?other)\b", phrase, re.I)
    ids = {x["id"] for x in known}
    out: list[dict] = []
    for n, text in enumerate([shape["label"]] + more):
        one = {k: v for k, v in shape.items() if k not in ("count", "label", "id")}
        one["label"] = text
        one["id"] = _slug(text)
        while one["id"] in ids:  # ends: a number makes the id new
            one["id"] = one["id"][:20] + f"_{len(ids)}"
        ids.add(one["id"])
        if out:
            one["below" if column else "right_of"] = out[-1]["id"]
        one["_at"] = shape["_at"] + n
        out.append(one)
    return out


def _relate(s: str, shapes: list[dict], known: list[dict]) -> None:
    """"Inside, draw …", "Above it, a yellow circle", "a tree on the right of the seed": relations to a shape there."""
    if not known or not shapes:
        return
    if len(known) >= 2 and re.search(r"\bbetween (?:them|the two|both)\b", s, re.I):
        for sh in shapes:  # "Between them draw an ellipse labeled "Internet"": between the last two shapes
            sh["between"] = [known[-2]["id"], known[-1]["id"]]
        return
    for rel, pat in _RELATIONS:
        m = re.search(r"(?:" + pat + r")\s*(?:,|it\b|them\b|the\s+([\w -]{1,24}?)(?=[,.;]|\s|$))?", s, re.I)
        if not m:
            continue
        target = known[-1]["id"]
        if m.group(1):
            named = next((k["id"] for k in known if m.group(1).strip().lower() in (k.get("label") or k["id"]).lower()), None)
            target = named or target
        for sh in shapes:
            if sh.get("from"):
                continue  # a connector goes from one shape to another: no place of its own
            if rel == "inside":
                sh["inside"] = target
            else:
                sh[rel] = target
        return


def rule_drawing(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    if re.search(r"\b(?:rectangle|loop|square|ring)\s+of\s+wires?\b", s, re.I) and re.search(r"\bcircuit\b", s, re.I):
        ctx.modified.add(i)  # "Draw the circuit …: a rectangle of wires with corners …": the circuit's loop (rule_circuit)
        return []
    mine = [b for b in ctx.beats if b.detail_index == i and b.source == ex.sentence]
    thing = bool(_composites(s, [], [], ex, None, i))  # a thing described by the shapes it is made of
    if thing and any(b.kind == "icon" and any(re.search(r"\b" + re.escape(n) + r"\s+icon\b", s, re.I)
                                              for n in b.params.get("icons") or ()) for b in mine):
        return []  # "a simple person icon made of a circle head and a rounded body": the person icon, as asked
    if any(b.kind not in (("text", "bullets", "flow", "icon") if thing else ("text", "bullets")) for b in mine):
        return []  # another component drew this sentence's picture
    if not re.search(r"\b(?:draw|show|add|place|put|sketch|depict|illustrate)\w*\b|^\s*(?:inside|above|below|next to|on the)\b",
                     s, re.I):
        return []
    drawing = _drawing(ctx)
    if drawing is None and not thing and any(b.kind in _FIGURES for b in since_clear(ctx)):
        return []  # an arrow or a box beside a plot, a graph, a circuit…: part of that picture, not a new drawing
    known = list(drawing.params.get("shapes") or []) if drawing is not None else []
    shapes = _shapes(ex, known, ctx, i)
    if drawing is None:
        shapes = shapes if any(x["type"] not in ("arrow", "dot", "line") for x in shapes) else []
    if not shapes:
        return []
    _relate(s, shapes, known)
    labels = [x["label"] for x in shapes if x.get("label")]
    # the labels are drawn in the picture: the text beats this sentence made of them go
    for b in [b for b in mine if b.kind in ("text", "bullets", "flow", "icon")]:
        if all(any(lab.lower() in st.lower() or st.lower() in lab.lower() for lab in labels) for st in b.strings):
            ctx.beats.remove(b)
    ctx.consumed.update(labels)
    if drawing is None:
        return [_beat("drawing", "drawing:shapes", ex, i, labels, _kw(s) + ("drawing",), shapes=shapes)]
    ctx.replace(drawing, Beat("drawing", dict(drawing.params, shapes=ctx.capped(i, known + shapes, 16, "shapes in one picture")),
                              drawing.strings + tuple(labels), drawing.rule.split("+")[0] + "+shapes", drawing.source,
                              drawing.detail_index, drawing.keywords), i)
    return []
