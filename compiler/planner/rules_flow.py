"""The rule for box-and-arrow diagrams: boxes written with arrows (`A -> B -> C`), listed in prose
("three boxes: …, connected by arrows"), what enters or leaves a box ("Show water entering the first
box"), and operations on the diagram on screen (a box replaced, an arrow named, a box highlighted by its
place).
"""

from __future__ import annotations

import re
from .beats import Beat
from .context import Context, _beat, _cue, _has, _kw, since_clear
from .extract import WORD_NUMBERS, Extracted, before_quote, enumeration, mask_shown
from .theme import colour_named
from .knowledge import cycle_words, diagram_nouns, loose_port_words, named_diagrams, place_angles, port_verbs, way_words


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
    if flow.params.get("direction") == "cycle":
        done = _cycle_ports(ex, ctx, i, flow)
        if done is not None:
            return done
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


def _cycle_ports(ex: Extracted, ctx: Context, i: int, flow: Beat) -> list[Beat] | None:
    """What enters or leaves a cycle on screen, placed by where the sentence says: "From outside the top right,
    draw an arrow bringing in "CO2" with the label "carbon fixation"", "On the right-to-bottom arrow, draw incoming
    arrows "ATP" and "NADPH" and outgoing "ADP"", "From the bottom, an arrow leaving the cycle labeled "G3P"". The
    place names a box of the circle or the arrow between two (its first box takes the port; a label the sentence
    gives the arrow goes on that arrow of the cycle)."""
    words = loose_port_words()
    bare = ex.bare.lower()
    marks = sorted((m.start(), way) for way in ("in", "out") for w in words[way]
                   for m in re.finditer(r"\b" + re.escape(w) + r"\b", bare))
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not marks or not quoted:
        return None
    nodes = list(flow.params.get("nodes", []))
    n = len(nodes)
    angles = place_angles()
    place = re.search(r"\b(" + "|".join(sorted(angles, key=len, reverse=True)) + r")(?:[- ]to[- ](?:the\s+)?("
                      + "|".join(sorted(angles, key=len, reverse=True)) + r"))?\b", bare)
    if place is None:
        return None
    a = angles[place.group(1)]
    if place.group(2):  # "the right-to-bottom arrow": the middle of the two places
        b = angles[place.group(2)]
        a = b + ((a - b + 180) % 360 - 180) / 2
    # box k sits at 90 - 360k/n degrees; the arrow from box k to box k+1 halfway between them
    spots = [(90 - 360 * k / n, k, False) for k in range(n)] + [(90 - 360 * (k + 0.5) / n, k, True) for k in range(n)]
    _, box, on_arrow = min(spots, key=lambda s: abs((s[0] - a + 180) % 360 - 180))
    ports = list(flow.params.get("ports") or [])
    labels = list(flow.params.get("edge_labels") or [])
    labels += [""] * (n - len(labels))
    added: list[str] = []
    for q in quoted:
        before = before_quote(ex.sentence, q) or ""
        at = len(before)  # (where the quoted "ADP" stands, not the "ADP" inside an earlier "NADPH")
        way = next((w for pos, w in reversed(marks) if pos < at), None)
        if ports and added and re.search(r"\b(?:labell?ed|with\s+(?:the\s+)?(?:label|text)|called)\s*:?\s*[\"\u201c']$",
                                         before, re.I):
            if on_arrow and not labels[box]:  # "… "CO2" with the label "carbon fixation"": the step of the cycle
                labels[box] = q
                added.append(q)
            continue
        if way is None:
            continue
        ports.append({"box": box, "label": q, "way": way})
        added.append(q)
    if not added:
        return None
    ctx.consumed.update(added)
    if len(ports) > 8:
        ctx.lost(i, f"a diagram shows at most 8 things entering or leaving its boxes: {ports[8]['label']!r} and after are not drawn")
    params = dict(flow.params, ports=ports[:8])
    if any(labels):
        params["edge_labels"] = labels
    ctx.replace(flow, Beat("flow", params, flow.strings + tuple(added), flow.rule.split("+ports")[0] + "+ports",
                           flow.source, flow.detail_index, flow.keywords + sum((_kw(x) for x in added), ())), i)
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
    # ("from resolver to browser" with the box "Recursive resolver"): a whole word of one box's name, and of one only
    words = [k for k, node in enumerate(nodes) if len(target) > 3 and re.search(r"\b" + re.escape(target) + r"\b", node.lower())]
    return words[0] if len(words) == 1 else None


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
    # (a box's own name quoted again — 'an arrow from "Client" to "Server" labeled …' — is no label)
    quoted = [q for q in ex.quoted if q not in ctx.consumed and q not in nodes]
    changed = False
    back = re.search(r"\bfrom\s+(?:the\s+)?[\"\u201c]?([\w-]{1,20})[\"\u201d]?\s+back\s+(?:to|towards?|into)\s+(?:the\s+)?"
                     r"[\"\u201c]?([\w-]{1,20})", ex.sentence, re.I)
    if back and len(nodes) > 2:
        a, b = _box_named(back.group(1).lower(), nodes), _box_named(back.group(2).lower(), nodes)
        if a is not None and b is not None and b < a:
            # "a red arrow from L back to the w2 line": against the chain, past its neighbours — not a label on one
            # of the chain's own arrows
            ctx.lost(i, f"the arrow from {nodes[a]!r} back to {nodes[b]!r} is not drawn (the boxes are joined in order, "
                        "left to right)" + (": its label is shown as text" if quoted else ""))
            return None
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
        ends = re.search(r"\bfrom\s+(?:the\s+)?[\"\u201c]?([^\"\u201d,]{1,30}?)[\"\u201d]?\s+to\s+(?:the\s+)?[\"\u201c]?"
                         r"([^\"\u201d,.:]{1,30}?)[\"\u201d]?\s*(?:,|\.|:|$|\s(?:labell?ed|with|saying|carrying|reading|"
                         r"marked)\b)", ex.sentence)
        a = _box_named(ends.group(1).lower(), nodes) if ends else None
        b = _box_named(ends.group(2).lower(), nodes) if ends else None
        back = re.search(r"\barrows?\s+back\b", bare) is not None
        if len(nodes) == 2 and (back or (a, b) == (1, 0)):
            # "Orange arrow back with the referral: "…"", "Green arrow from resolver to browser …" (right to left): the
            # answer of a round trip — a pair of opposite arrows, the message above, the reply below
            ways = list(params.get("edge_labels") or [""])[:1] + [""]
            ways[1] = quoted[0]
            params.update(edge_labels=ways, both_ways=True, arrows=True)
            ctx.consumed.update([quoted[0]] + [q for q in ex.quoted if q in nodes])
            return _flow_replace(ctx, flow, params, i, quoted[:1])
        into_box = re.search(r"\barrows?\s+(?:going\s+|pointing\s+|leading\s+)?(?:into|to|towards?|at|onto)\s+(?:the\s+)?"
                             r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I)
        if start is None and not ends and into_box and into_box.group(1) in nodes[1:]:
            start = nodes.index(into_box.group(1)) - 1  # "the arrow into 'Animals eat plants'": the one ending there
        if start is None and a is not None and b == a + 1:
            start = a  # "Yellow arrow from resolver to root": the boxes named by the start of their names
            params["arrows"] = True
        elif start is None and ends and (a is None or b is None or b != a + 1):
            # an arrow against the order of the boxes, past one, or between boxes the diagram does not have: its
            # neighbours are joined left to right only — never a label on another arrow
            what = f"{nodes[a]!r} to {nodes[b]!r}" if a is not None and b is not None else \
                f"{ends.group(1).strip()!r} to {ends.group(2).strip()!r}"
            ctx.lost(i, f"the arrow from {what} is not drawn (the boxes are joined in order, left to right): its label is "
                        f"shown as text")
            return None
        if start is not None and start < len(labels):
            if named and not m:
                params.pop("arrows", None)  # (boxes shown apart are joined by the arrow named now)
            labels[start] = quoted[0]
            used = quoted[:1]
        elif len(quoted) <= len(labels) and re.search(r"\blabel\w*\b", bare) and not re.search(r"\bfrom\b", bare):
            into = re.search(r"\barrows?\s+(?:going\s+|pointing\s+)?(?:into|to|towards?|at|onto)\s+(?:the\s+)?([\w-]+(?:\s+[\w-]+)?)",
                             bare)
            if into and _box_named(into.group(1).lower(), nodes) is None:
                # "a small arrow into bar 2 labeled "+ oxygen from the air"": an arrow to something the diagram does
                # not have — never a label on one of its arrows
                ctx.lost(i, f"the arrow {into.group(0)[into.group(0).find(' ') + 1:]!r} is not drawn: its label is "
                            "shown as text")
                return None
            labels[: len(quoted)] = quoted
            used = quoted
        else:
            return None if not changed else _flow_replace(ctx, flow, params, i, [])
        params["edge_labels"] = labels
        ctx.consumed.update(used + [q for q in ex.quoted if q in nodes])
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


_BOX = re.compile(r"(?:[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]|\b([A-Z][\w-]{1,20}(?:\s+[A-Z][\w-]{1,20})?))\s+"
                  r"(?:box|node|rectangle|block)\b(?!\s+(?:labell?ed|called|named|with\s+(?:the\s+)?(?:label|text)))")


_ANOTHER_BOX = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(box|rectangle|node|block)\s+(?:labell?ed|called|named)\s+"
                          r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d](?:[^.;\"\u201c]|\.(?=\d)){0,40}?\band\s+another(?:\s+(?:one|\1))?\s+"
                          r"(?:labell?ed|called|named)\s+[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", re.I)


def _declared_boxes(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Resolver box on the left, "Root server" box on the upper right …", "Left to right: "Browser" box, "Recursive
    resolver" box, "Web server" box": the boxes of an exchange, standing apart until the arrows between them come."""
    found = [(m.group(1) or m.group(2)).strip() for m in _BOX.finditer(ex.sentence)]
    # 'a rounded box labelled "Alice" at (-5, 0.5) and another labelled "Bob" at (5, 0.5)': a box, then another
    pair = _ANOTHER_BOX.search(ex.sentence)
    if pair and not found:
        found = [pair.group(2), pair.group(3)]
    names = [n for n in dict.fromkeys(found) if n.lower() not in ("a", "the", "each", "every", "one", "two", "three")]
    if not 2 <= len(names) <= 6 or re.search(r"\barrows?\b", ex.bare or "", re.I):
        return None
    ctx.consumed.update(names)
    return [_beat("flow", "flow:declared-boxes", ex, i, names, sum((_kw(n) for n in names), ("flow",)), nodes=names,
                  arrows=False)]


_HUB_SHAPES = ("box", "rounded_box", "rectangle", "circle", "ellipse")


def _hub(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """Arrows into and out of the one box on screen: "Draw a central rounded rectangle labeled "Plant (leaf)". Draw
    three arrows pointing into it: … labeled "Light energy"; … labeled "Water". Draw two arrows pointing out: to the
    right, "Glucose", and …, "Oxygen"": what enters and what leaves it (ports of a one-box diagram) — not a chain of
    the outputs, nor arrows that point nowhere."""
    if not re.search(r"\barrows?\b", ex.bare, re.I):
        return None
    words = loose_port_words()  # (the words of what enters or leaves: data, shared with a cycle's ports)
    marks = sorted((m.start(), way) for way in ("in", "out") for w in words[way]
                   for m in re.finditer(r"\b" + re.escape(w).replace("\\ ", r"\s+") + r"\b", ex.bare, re.I))
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not marks or not quoted:
        return None
    last = next((b for b in since_clear(ctx) if b.kind not in ("title", "text")), None)
    if last is None:
        return None
    if last.kind == "drawing":
        shapes = last.params.get("shapes") or []
        if len(shapes) != 1 or shapes[0].get("type") not in _HUB_SHAPES or not shapes[0].get("label"):
            return None
        base = {"nodes": [shapes[0]["label"]]}
    elif last.kind == "flow" and len(last.params.get("nodes") or []) == 1:
        base = dict(last.params)
    else:
        return None
    ports = list(base.get("ports") or [])
    added = []
    for q in quoted:
        at = len(before_quote(ex.sentence, q) or "")
        way = next((w for pos, w in reversed(marks) if pos < at), None)
        if way is None:
            continue
        ports.append({"box": 0, "label": q, "way": way})
        added.append(q)
    if not added:
        return None
    if len(ports) > 8:
        ctx.lost(i, f"a diagram shows at most 8 things entering or leaving its boxes: {ports[8]['label']!r} and after are "
                    "not drawn")
    source = re.search(r"\barrows?\s+from\s+an?\s+((?:[\w-]+\s+){0,2}?(?:circle|square|box|shape|icon|sun|cloud|tree|cell))"
                       r"(?:\s*\(([^)]{1,30})\))?", ex.bare, re.I)
    if source:  # "an arrow from a yellow circle (the sun)": where it starts is not drawn — said
        ctx.lost(i, f"{(source.group(2) or source.group(1)).strip()!r}, where an arrow starts, is not drawn: the arrow "
                    "comes from outside the box")
    ctx.consumed.update(added)
    ctx.stop = True
    hub = Beat("flow", dict(base, ports=ports[:8]), tuple(base["nodes"]) + tuple(p["label"] for p in ports[:8]),
               "flow:hub", last.source, last.detail_index, last.keywords + sum((_kw(x) for x in added), ()))
    ctx.replace(last, hub, i)
    return []


def _carried(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'Show "Ciphertext c = 31" boxed, and an arrow carrying it from Alice toward Bob': the quoted thing is what the
    arrow between the two parties carries (its label) — not a box of a chain that ends at the next quote."""
    m = re.search(r"\barrow\s+(?:carrying|taking|sending|bringing|moving)\s+(?:it|this|that)\s+from\s+(?:the\s+)?"
                  r"([A-Z][\w-]{1,20})\s+(?:to|toward|towards|into)\s+(?:the\s+)?([A-Z][\w-]{1,20})", ex.sentence)
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not m or not quoted:
        return None
    what = next((q for q in quoted if ex.sentence.find(q) < m.start()), None)
    if what is None:
        return None
    ctx.consumed.add(what)
    rest = [q for q in quoted if q != what]
    if rest:
        ctx.lost(i, f"{', '.join(repr(q) for q in rest)}: shown as text beside the arrow, not drawn where the sentence "
                    "puts it")
    return [_beat("flow", "flow:carried", ex, i, [m.group(1), m.group(2), what], _kw(ex.sentence), nodes=[m.group(1), m.group(2)],
                  edge_labels=[what])]


_FAN = re.compile(r"\b(?:two|three|four|\d)\s+(?:\w+\s+)?arrows\s+(?:from\s+(?:it|this|that|the\s+\w+(?:\s+\w+)?|[\"\u201c]"
                  r"[^\"\u201d]{1,40}[\"\u201d])\s+)?(?:to|towards|into|pointing\s+to)\b", re.I)


def _fan_out(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """'Show the bit string "01" and two arrows from it to two interpretations: "A B" and "R"': one thing and the
    things its arrows fan out to — a small tree, never a chain of boxes one after the other."""
    m = _FAN.search(ex.sentence)
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not m or len(quoted) < 3:
        return None
    before = [q for q in quoted if ex.sentence.find(q) < m.start()]
    after = [q for q in quoted if ex.sentence.find(q) > m.end()]
    if len(before) != 1 or not 2 <= len(after) <= 4 or len({before[0], *after}) != 1 + len(after):
        return None
    src = before[0]
    ctx.consumed.update([src] + after)
    ctx.stop = True
    rest = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", ex.sentence[m.end():])
    extra = re.search(r"\bwith\s+(?:an?\s+)?(?:\w+\s+){0,2}(question\s+mark|cross|check\s*mark|label|note)\b", rest, re.I)
    if extra:
        ctx.lost(i, f"the {extra.group(1)} with the arrows is not drawn")
    return [_beat("graph", "graph:fan-out", ex, i, [src] + after, _kw(ex.sentence), nodes=[src] + after,
                  edges=[{"from": src, "to": t} for t in after], layout="tree")]


def _bracketed_boxes(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"five boxes … connected by thin lines:" then "[Your laptop\\n(stub resolver)]  [Recursive resolver]  …": the
    boxes in the row as written, each label whole (its break kept, the quotes in it too) — joined when arrows are
    written between them or the sentence connects them, else standing apart."""
    if len(ex.boxes) < 2:
        return None
    inside = [q for q in ex.quoted if any(q in b for b in ex.boxes)]
    ctx.consumed.update(inside)  # ('[Root server\\n"."]': the quoted "." is the box's, not a text of its own)
    joined = re.search(r"\]\s*(?:-+>|->|→|⟶)\s*\[", ex.sentence) or _cue(
        ex, r"\b(?:connect\w*|link\w*|join\w*|arrows?|lines?|pipeline|chain|flow\s*chart)\b")
    labels = [b.replace("\n", " ") for b in ex.boxes]
    return [_beat("flow", "flow:bracketed-boxes", ex, i, ex.boxes, sum((_kw(n) for n in labels), ("flow",)),
                  nodes=list(ex.boxes), arrows=None if joined else False)]


_EACH_BOX = re.compile(r"\b(?:under|below|beneath|beside|next\s+to|above)\s+(?:each|every)\s+(?:box|node|block|stage)\b"
                       r"|\b(?:each|every)\s+(?:box|node|block|stage)\s+(?:gets|has|with)\s+(?:a|its\s+own)\s+"
                       r"(?:[\w-]+\s+){0,2}(?:caption|label|note|description)\b", re.I)


def _box_captions(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Under each box a one-line caption: 'asks the question', 'does the legwork', …": one caption a box of the
    diagram on screen, in order (as many as it has boxes) — not a list of its own."""
    flow = _flow_on_screen(ctx)
    if flow is None or not _EACH_BOX.search(ex.bare) or flow.params.get("direction") == "cycle":
        return None
    nodes = flow.params.get("nodes") or []
    said = [q for q in ex.quoted if q not in ctx.consumed]
    if len(said) != len(nodes) or flow.params.get("captions"):
        return None
    ctx.consumed.update(said)
    ctx.stop = True
    ctx.replace(flow, Beat("flow", dict(flow.params, captions=said), flow.strings + tuple(said), flow.rule + "+captions",
                           flow.source, flow.detail_index, flow.keywords + sum((_kw(x) for x in said), ())), i)
    return []


def rule_flow(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    for reading in (_box_captions, _bracketed_boxes, _fan_out, _declared_boxes, _hub, _carried):  # (boxes declared apart, one box's inputs, an arrow carrying a thing)
        done = reading(ex, ctx, i)
        if done is not None:
            return done
    if any(b.kind in ("flow", "network") for b in ctx.beats) and _cue(
            ex, r"^\s*(?:then\s+)?(?:animate|show (?:the )?data flow|show data flowing)\b"):
        return []  # an operation on the diagram already on screen (see rule_animate_previous)
    outline = re.match(r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+)?(?:outline|frame|box|circle|shade|bracket)\s+(?:the\s+)?"
                       r"((?:[\w-]+\s+){0,3}?(?:\d+\s*[×x]\s*\d+\s+)?(?:block|region|group|cells?|corner|part|area|rows?|columns?))\b",
                       ex.sentence, re.I)
    shown = [b for b in since_clear(ctx) if b.kind in ("heatmap", "table", "matrix", "grid", "sequence")]
    if outline and shown and ex.quoted and not _flow_on_screen(ctx):
        # "outline the top-left 2 × 2 block with the label "animals" and the bottom-right 2 × 2 block with "vehicles"":
        # parts of the heatmap on screen, framed and named — not boxes of a new diagram (said: not drawn)
        names = [q for q in ex.quoted if q not in ctx.consumed]
        ctx.consumed.update(names)
        ctx.lost(i, f"the outlined {outline.group(1)}s of the {shown[0].kind} on screen, labelled "
                    f"{', '.join(repr(q) for q in names)}, are not drawn")
        ctx.stop = True
        return []
    if len(ex.quoted) >= 2 and all(re.search(r"=\s*(?:\.\.\.|…)\s*$", q) for q in ex.quoted) and not re.search(
            r"\barrows?\b|->|→|\bboxes\b", ex.bare, re.I):
        return []  # 'live readouts "θ₁ = ..." and "θ₂ = ..."': readings, not boxes joined by an arrow
    beside = re.search(r"\barrows?\s+(?:pointing\s+|going\s+)?(?:left|right|up|down|upwards?|downwards?)\s+(?:next\s+to|beside|by|"
                       r"near|under|above|after)\b", ex.bare, re.I)
    if beside and ex.quoted and not re.search(r"\bfrom\b[^.;]{0,40}\bto\b|->|→", ex.bare):
        # 'show two small arrows pointing left next to "w" and "b"': a mark beside each, not a chain of boxes w → b (the
        # texts are drawn by the later rules, and the arrows said missing with them)
        return []
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
    both_ways = False
    edge_colors = None
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
        merged.pop("arrows", None)  # (boxes shown apart are joined by the arrows named now)
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
    elif edge_labels and between and all(re.fullmatch(r"(?:line|step|row|equation|formula)\s*\d{1,2}", x.strip(), re.I)
                                          for x in between.groups()):
        # "an arrow labeled "integrate both sides" points down from line 1 to line 2": between lines of the
        # derivation, no boxes named "line 1" — its label is written; the arrow is said to be missing
        ctx.lost(i, f"the arrow from {between.group(1)} to {between.group(2)} is not drawn (its label is written)")
        return []
    elif edge_labels and between:
        nodes, rule = [between.group(1), between.group(2)], "flow:from-to"
    elif quoted_chain and diagram or (quoted_chain and _cue(ex, r"\b(?:chain|boxes|steps|sequence)\b")):
        # "Display the sentence "More CO₂ → more trapped heat → higher temperatures" as a chain of boxes"
        nodes, rule = [p.strip() for p in ARROW_SPLIT.split(quoted_chain) if p.strip()], "flow:quoted-chain"
        ctx.consumed.add(quoted_chain)
    elif ex.chain and (not re.search(r"\b(?:numbered|bulleted|ordered)?\s*list\b[^:\n]*:\s*\n", ex.sentence, re.I) or re.search(
            # "list the phases in a single row, separated by arrows:" then "Prophase → Metaphase → …": a chain
            r"\b(?:separated|joined|connected|linked)\s+by\s+arrows\b|\bwith\s+arrows\s+between\b", ex.sentence, re.I)) and not \
            re.search(r"[\"\u201d]\s*(?:->|→|⟶)\s*[\"\u201c]", ex.sentence) and not _in_formula_drawn(ex.chain, ctx, i) and \
            not _walk_on_graph(ex, ctx, i) and not any(
                re.search(r"\b(?:pointing|points?|toward|towards|leftward|rightward|upward|downward)\b", n, re.I)
                for n in ex.chain):  # ("“I₁” pointing right → toward A": an arrow's direction, not two boxes) ('"t = 0.00 s" → "t = 1.58 s"': a reading
        # that changes, not a chain of the words around it)
        # (an arrow inside an item of a list — "Take the square root → standard deviation" — is the item's)
        nodes, rule = ex.chain, "flow:arrow-chain"
        ctx.consumed.update(n for n in nodes if n in ex.quoted)  # ('a box "key: 12" -> …': the quoted names are the boxes)
        last = re.search(r"\b(?:last|final)\b[^.;\"\u201c]{0,40}?\b(?:arrow|pointer|link)\w*\b[^.;\"\u201c]{0,30}?\b(?:in)?to\s+"
                         r"(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:box|node|cell)\s+[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]", ex.sentence, re.I)
        if last and last.group(1) not in nodes:
            # "12 → 7 → 31 → 5, the last next arrow into a small box "None"": that box ends the chain
            nodes = nodes + [last.group(1)]
            ctx.consumed.add(last.group(1))
        written = re.search(r"\s*(?:->|→|=>|⟶)\s*".join(re.escape(n) for n in nodes), ex.sentence)
        chain_text = [written.group(0)] if written else []  # the boxes and arrows read as the chain is written
    elif diagram:
        unconsumed = [q for q in ex.quoted if q not in ctx.consumed]
        seq = [q for q in unconsumed if re.fullmatch(r"(?:\w{1,12}\s+){2,9}\w{1,12}", q)]
        if seq and _cue(ex, r"\bsequence|tokens?\b"):
            nodes, rule = seq[0].split(), "flow:token-sequence"
            ctx.consumed.add(seq[0])
        elif len([q for q in unconsumed if not _names_arrow(ex.sentence, q) and not _caption(ex.sentence, q)]) >= 2 and not \
                _cue(ex, r"\bat\s+the\s+(?:tips?|heads?|ends?)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:arrows?|vectors?)\b") and not \
                _cue(ex, r"\b(?:bullet(?:ed)?|bullet[- ]point|(?:numbered\s+)?list)\b") and not (re.search(
                    r":[ \t]*\n(?:[ \t]*[\"\u201c][^\n]*\n?){2,}$", ex.sentence) and not _cue(
                    ex, r"\bbox(?:es)?\b|\barrows?\b|->|→")):  # (quoted lines under a colon, no boxes: a list)  # "Move the coin diagram … and
            # show a bulleted list: "n = 10 flips", …": the items of a list, not boxes of the diagram
            nodes = [q for q in unconsumed if not _names_arrow(ex.sentence, q) and not _caption(ex.sentence, q)]
            if _cue(ex, r"\b(?:facts?|statements?|remarks?|takeaways?|observations?|conclusions?)\b") and not _cue(
                    ex, r"\bbox(?:es)?\b|->|→|\bconnect\w*|\bflow\s*chart\b|\bpipeline\b|\bleads?\s+to\b|\barrows?\s+"
                        r"(?:from|between|to|into|joining|linking)\b"):
                return []  # "two facts, each with a small icon: … next to "mass does not appear" and …": a list, never a chain
            if len(re.findall(r"\(\s*(?:an?\s+)?arrows?\s+(?:pointing|going|to\s+the)\b", ex.sentence, re.I)) >= 2:
                return []  # '"… → move left" (arrow pointing left) and "… → move right" (arrow pointing right)': captioned
                # arrows of their own, each its way — never one chain of their captions (the arrows not drawn are said)
            if all(re.fullmatch(r"\s*[^\W\d]\w{0,6}\s*=\s*[-−+]?\d[^=]{0,16}", q) for q in nodes) and not _cue(
                    ex, r"\bbox(?:es)?\b|\bnodes?\b|\bflow\s*chart\b|\bpipeline\b|\bstages?\b"):
                return []  # "a timer "t = 0.00 s" and "t = 1.58 s"", "labeled values: "W = 49 N", …": readings, not boxes
            said = [q for q in unconsumed if _caption(ex.sentence, q) or _names_arrow(ex.sentence, q) and len(nodes) == 2]
            if len(nodes) == 2 and len(said) == 1 and _cue(ex, r"\barrows?\b") and not edge_labels:
                # 'an arrow from "Today" to "Tomorrow" with the text "depends only on today" above it': its label
                edge_labels = said
                ctx.consumed.update(said)
            elif len(nodes) == 2 and len(said) == 2 and not edge_labels and (_cue(
                    ex, r"\btwo\s+arrows\b|\barrows?\b.*\b(?:going|pointing)\s+(?:left|back)\b") or len(
                    re.findall(r"\barrows?\b", mask_shown(ex.sentence), re.I)) >= 2 and any(
                    _way_back(ex.sentence, q, nodes) for q in said)):
                # 'two arrows between "3, 11" and "33": a green arrow going right labeled "multiply: easy" and a red
                # arrow going left labeled "factor: hard"'; 'a blue arrow from A to B labeled "send" and an orange
                # arrow from B back to A labeled "reply"': a round trip, each way with its label
                edge_labels = said[::-1] if _way_back(ex.sentence, said[0], nodes) else said
                # "a green arrow going right labeled …": each arrow in the colour the sentence gives it
                colours = []
                for q in edge_labels:
                    before = (before_quote(ex.sentence, q) or "")[-70:]
                    arrow_at = before.lower().rfind("arrow")
                    colours.append(colour_named(before[max(0, arrow_at - 25):arrow_at]) if arrow_at >= 0 else None)
                if any(colours):
                    edge_colors = colours
                both_ways = True
                ctx.consumed.update(said)
            # "an arrow to a node '15', then an arrow from '15' to a new node '22'": one box 15, not two
            if _cue(ex, r"\barrows?\b|\bfrom\b"):  # ("H", "E", "L", "L", "O": a row of letters keeps both L's)
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
    captions = _two_per_box(ex.sentence, nodes) if rule == "flow:quoted-boxes" else None
    if captions is not None:
        # 'three boxes in a row: a box with a large "S" and the word "Susceptible", a box with "I" and "Infected", …':
        # each box its name, the word with it a caption under it
        nodes, captions = captions
        ctx.consumed.update(captions)
    chains = _separate_chains(ex.sentence, nodes) if rule == "flow:quoted-boxes" else None
    if chains:
        # 'client: "CLOSED" -> "SYN-SENT" -> "ESTABLISHED"; server: "LISTEN" -> …': a chain for each, never one chain
        # that runs from the first's end into the second's start
        return [_beat("flow", "flow:quoted-chains", ex, i, chain, sum((_kw(n) for n in chain), ()), nodes=chain,
                      direction="right") for chain in chains]
    nodes, cycle = _cycle(ex, nodes, rule)
    if rule == "flow:quoted-boxes" and _points_back(ex.sentence, nodes):
        # '"d" <- "needs phi(n)" <- "needs p and q"': each arrow points at the box before it — the boxes in the order
        # the arrows go, so every arrow is drawn the way it was written
        nodes = nodes[::-1]
    if on_screen is not None and len(nodes) >= 2 and set(nodes) == set(on_screen.params.get("nodes") or []) and (
            on_screen.params.get("arrows") is False or cycle and on_screen.params.get("direction") != "cycle"):
        # "Place four boxes in a circle: …" then "Connect them with arrows: A → B → C → D → A": the boxes on
        # screen, joined in the order the chain gives
        params = dict(on_screen.params, nodes=nodes, arrows=True)
        params.pop("arrows")
        if cycle:
            params["direction"] = "cycle"
        if edge_labels:
            params["edge_labels"] = edge_labels
            ctx.consumed.update(edge_labels)
        return _flow_replace(ctx, on_screen, params, i, list(edge_labels or []))
    each = re.search(r"\blabell?ed\s+[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]\s+on\s+(?:each|every|all(?:\s+the)?|both)\s+(?:of\s+the\s+)?arrows?\b",
                     ex.sentence, re.I)
    each = each or re.search(r"\b(?:an?\s+|the\s+)?[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]\s+(?:label|tag|note)\s+on\s+"
                             r"(?:each|every|all(?:\s+the)?|both)\s+(?:of\s+the\s+)?arrows?\b", ex.sentence, re.I)
    if each and not edge_labels:
        # "labeled "d/dx" on each arrow", "with a "÷2" label on each arrow"
        edge_labels = [each.group(1)] * (len(nodes) - (0 if cycle else 1))
    ctx.consumed.update(edge_labels or [])
    parallel = _cue(ex, r"\bparallel\b")
    down = re.search(_DOWN, ex.bare.lower()) is not None and len(nodes) >= 3
    # "two side by side boxes: "Leading strand: …" and "Lagging strand: …"": set side by side, not joined
    # "show two outputs in boxes: "ATP" and "NADPH"": boxes the sentence never joins stand apart
    unjoined = rule == "flow:quoted-boxes" and len(nodes) <= 3 and re.search(
        r"\bin\s+(?:two|three|separate|their\s+own|small)?\s*(?:rounded\s+)?boxes\b|\b(?:two|three)\s+(?:\w+\s+)?boxes\b",
        ex.bare, re.I) and not _cue(ex, r"\b(?:pipeline|chain|flow\s*chart|diagram|stages?|steps?|process|sequence|then)\b")
    apart = rule in ("flow:quoted-boxes", "flow:labelled-boxes") and not edge_labels and (cycle or unjoined or _cue(
        ex, r"\bside[- ]by[- ]side\b|\bnext to each other\b|\bbeside each other\b")) and not _cue(
        ex, r"\barrows?\b|\bconnect\w*|\blink\w*|\bjoin\w*|\bleads? to\b|\bflows?\b|\bpoint\w*|->|→")
    return [_beat("flow", rule, ex, i, nodes + (edge_labels or []) + chain_text, sum((_kw(n) for n in nodes), ()),
                  nodes=nodes, edge_labels=edge_labels, direction="cycle" if cycle else "down" if down else "right",
                  parallel=parallel or None, arrows=False if apart else None, both_ways=both_ways or None,
                  edge_colors=edge_colors, captions=captions or None)]


def _two_per_box(sentence: str, nodes: list[str]) -> tuple[list[str], list[str]] | None:
    """The boxes of a sentence that counts them and writes two quoted texts in each ("three boxes …: a box with "S"
    and the word "Susceptible", at x = 0 a box with "I" and "Infected", …"): (names, captions), or None."""
    count = re.search(r"\b(two|three|four|five|six|\d)\s+(?:\w+\s+)?(?:boxes|blocks|compartments|rectangles)\b", sentence, re.I)
    n = WORD_NUMBERS.get(count.group(1).lower()) if count else None
    if count and n is None and count.group(1).isdigit():
        n = int(count.group(1))
    if not n or len(nodes) != 2 * n:
        return None
    parts = re.split(r"\b(?:an?|one|the\s+(?:first|second|third|last))\s+(?:\w+\s+)?(?:box|block|compartment|rectangle)\b",
                     sentence[count.end():], flags=re.I)[1:]
    held = [re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", p) for p in parts]
    if len(held) != n or any(len(h) != 2 for h in held) or [q for h in held for q in h] != nodes:
        return None
    return [h[0] for h in held], [h[1] for h in held]


def _separate_chains(sentence: str, nodes: list[str]) -> list[list[str]] | None:
    """The quoted boxes of a sentence as two or more chains written apart (after a ';' or a new name and colon), each
    joined by arrows — None when they form one chain."""
    parts = [part for part in re.split(r";\s*|\.\s+(?=[A-Z])", sentence) if part.strip()]
    chains = []
    for part in parts:
        own = [q for q in re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", part) if q in nodes]
        if len(own) >= 2 and re.search(r"[\"\u201d]\s*(?:->|→|⟶|=>)\s*[\"\u201c]", part):
            chains.append(own)
    return chains if len(chains) >= 2 and sum(len(c) for c in chains) == len(nodes) else None


def _points_back(sentence: str, nodes: list[str]) -> bool:
    """Whether every pair of neighbouring quoted boxes is joined by a left arrow ('"a" <- "b" ← "c"')."""
    gaps = []
    for a, b in zip(nodes, nodes[1:]):
        m = re.search(r"[\"\u201c]" + re.escape(a) + r"[\"\u201d](.{0,12}?)[\"\u201c]" + re.escape(b) + r"[\"\u201d]", sentence)
        if not m:
            return False
        gaps.append(m.group(1))
    return bool(gaps) and all(re.fullmatch(r"\s*(?:<-+|←|⟵|<=+|⇐)\s*", g) for g in gaps)


_BACK_TO = re.compile(r"^(?:and\s+)?(?:then\s+)?back\s+(?:again\s+)?(?:to|into)\s+(?:the\s+)?", re.I)


def _cycle(ex: Extracted, nodes: list[str], rule: str) -> tuple[list[str], bool]:
    """Boxes that go round a loop: a chain that ends where it began ("Evaporation → Condensation → Precipitation →
    back to Evaporation"), or three or more boxes the sentence says go round ("connected by arrows going
    clockwise", "the stages of the cycle"); boxes placed by the sentence ("top "A", right "B", bottom "C"") are
    taken clockwise from the top. -> (the boxes, once each; whether they form a cycle)."""
    if len(nodes) >= 3 and _BACK_TO.sub("", nodes[-1]).strip().lower() == nodes[0].strip().lower():
        return nodes[:-1], True
    if len(nodes) < 3 or rule == "flow:token-sequence" or not _cue(ex, r"\b(?:" + cycle_words() + r")\b"):
        return nodes, False
    angles = place_angles()
    places = []
    for node in nodes:
        before = before_quote(ex.sentence, node) or ""
        places_re = "|".join(sorted(angles, key=len, reverse=True))
        m = re.search(r"\b(" + places_re + r")\s*(?:box|node|point|stage)?\s*:?\s*[\"\u201c']$", before, re.I)
        # or after it: '"Evaporation" (bottom left)', '"Collection" at the lower right'
        m = m or re.match(r"\s*(?:\(\s*|,?\s*(?:at|on)\s+(?:the\s+)?)(" + places_re + r")\b",
                          ex.sentence[len(before) + len(node) + 1:] if before else "", re.I)
        places.append(angles[m.group(1).lower()] if m else None)
    if None not in places and len(set(places)) == len(places):
        nodes = [n for _, n in sorted(zip(places, nodes), key=lambda pair: (90 - pair[0]) % 360)]
    return nodes, True


def _caption(sentence: str, q: str) -> bool:
    """'… with the text "7 > 3 → swap"', '… labeled "f"' (not 'a box labeled "f"'): text shown with the picture, no box."""
    before = before_quote(sentence, q) or ""
    # 'with the text "…"', 'the label "…"', and "labeled" right after the arrow or the box it joins ('to "Output"
    # labeled "f"') — not 'a copy labeled "Eve sees 31"', a thing of its own
    return (re.search(r"\b(?:with\s+(?:the\s+)?(?:text|label|caption|words?)|the\s+(?:text|label|caption)|saying|reading)\s*:?\s*"
                      r"[\"\u201c]$", before, re.I) is not None or re.search(
        r"(?:[\"\u201d]|\barrows?(?:\s+\w+){0,2}?)\s+labell?ed\s*:?\s*[\"\u201c]$", before, re.I) is not None) and re.search(
        r"\b(?:box|block|node|rectangle|circle|stage|card)\w*\s+(?:\w+\s+)?(?:labell?ed|with\s+(?:the\s+)?(?:text|label))\s*:?\s*"
        r"[\"\u201c]$", before, re.I) is None


def _way_back(sentence: str, q: str, nodes: list[str]) -> bool:
    """Whether the arrow the quoted label `q` names runs from the second box to the first: 'going left', 'pointing
    back', or 'from B (back) to A' between that arrow's word and its label."""
    before = before_quote(sentence, q) or ""
    own = before[before.lower().rfind("arrow"):] if "arrow" in before.lower() else before
    if re.search(r"\b(?:going|pointing|points|goes|running|runs)\s+(?:to\s+the\s+)?(?:left|back(?:wards?)?)\b", own, re.I):
        return True
    way = re.search(r"\bfrom\s+[\"\u201c]?(.+?)[\"\u201d]?\s+(?:back\s+)?to\s+[\"\u201c]?(.+?)[\"\u201d]?(?:\s|,|$)", own, re.I)
    return bool(way) and way.group(1).strip().lower() == nodes[1].strip().lower() and \
        way.group(2).strip().lower() == nodes[0].strip().lower()


def _names_arrow(sentence: str, q: str) -> bool:
    """"a friction arrow "20 N"": the quoted text is the label of an arrow, not a box."""
    before = before_quote(sentence, q)
    # "an arrow labelled "q"", or further on in the same clause: "a double arrow between the circles labeled "q""
    # ("a red downward arrow of length 1.2 labeled "F"", "a yellow brace from the pivot to x = 1 labeled "d"")
    return before is not None and (re.search(r"\barrows?\s*(?:labell?ed\s+|called\s+|of\s+)?[\"\u201c]$", before) is not None
                                   or re.search(r"\b(?:arrows?|braces?)\b(?:[^\"\u201c\u201d.;]|\.(?=\d)){0,60}?\b(?:labell?ed|"
                                                r"called|marked|reading|saying)\s+[\"\u201c]$", before, re.I) is not None)


def _in_formula_drawn(chain: list[str], ctx: Context, i: int) -> bool:
    """Whether the chain's arrows are a formula's this sentence already drew ("0.50 ≤ 1 -> inside", a line of steps)."""
    joined = re.compile(r"\s*(?:->|→|=>|⟶)\s*".join(re.escape(n) for n in chain))
    return any(b.detail_index == i and b.kind in ("equation", "steps") and any(joined.search(s) for s in b.strings)
               for b in ctx.beats)


def _walk_on_graph(ex: Extracted, ctx: Context, i: int) -> bool:
    """"from 50 go left to 30, left to 20 → visit 20; back to 30 → visit 30 …": a walk the graph rule played on the
    tree on screen (its steps came from this sentence), not a chain of boxes."""
    walked = [b for b in ctx.beats if b.kind == "graph" and b.detail_index == i and b.params.get("steps")]
    if not walked:
        return False
    keys = {str(n.get("id")) if isinstance(n, dict) else str(n) for b in ctx.beats if b.kind == "graph"
            for n in b.params.get("nodes") or []}
    return sum(bool(set(re.findall(r"[\w.]+", n)) & keys) for n in ex.chain) * 2 >= len(ex.chain)
