"""Planner rules for circuit schematics: the elements a sentence names with their values, in series or on
parallel branches, and what later sentences do to the circuit (close a switch, current flows, a value
changes, a bulb breaks).

    Draw a simple circuit: a 6 V battery connected in series with a 3 Ω resistor and a bulb.
    Add an ammeter in series; it reads 2 A. A voltmeter across the resistor shows 6 V.
    Close the switch and show the current flowing. Replace the resistor with a 6 Ω one.
    Two bulbs in parallel with the battery, each on its own branch.

Element nouns and their symbols are data (`planner/data/vocabulary.json`: `circuit_elements`); values are
quantities with units (V, Ω / ohm, A).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import circuit_elements, circuit_switch
from .quantity import NUM

_UNIT = {"v": "V", "volt": "V", "volts": "V", "ω": "Ω", "ohm": "Ω", "ohms": "Ω", "a": "A", "amp": "A", "amps": "A",
         "ampere": "A", "amperes": "A", "f": "F", "µf": "µF", "μf": "µF", "uf": "µF", "mf": "mF", "kilohm": "kΩ",
         "kilohms": "kΩ", "kω": "kΩ", "mω": "MΩ", "kv": "kV", "mv": "mV", "ma": "mA", "nf": "nF", "pf": "pF"}
_VALUE = r"(" + NUM + r")\s*(V|volts?|kV|mV|Ω|kΩ|MΩ|ohms?|kilohms?|A|mA|amps?|amperes?|µF|μF|uF|mF|nF|pF|F)(?!\w)"
_WORD_NUM = r"\b(?:a|an|one|two|three|four|five|\d)\b"


def _redrawn(ctx: Context, i: int, circuit: Beat, params: dict, strings, how: str) -> None:
    """The circuit on screen as sentence i changed it (its parts, labels or currents): `how` names the change in its rule."""
    ctx.replace(circuit, Beat("circuit", params, circuit.strings + tuple(strings), circuit.rule.split("+")[0] + how,
                              circuit.source, circuit.detail_index, circuit.keywords), i)


def _circuit(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "circuit" and not b.params.get("extend")), None)


def _value(num: str, unit: str) -> str:
    if re.fullmatch(r"[mM][ΩVAF]", unit):
        return f"{num} {unit}"  # milli and mega as written: 5 mΩ is not 5 MΩ
    return f"{num} {_UNIT.get(unit.lower(), unit)}"


def _elements(s: str) -> list[dict]:
    """"a 6 V battery", "a 3 Ω resistor R1", "two bulbs", "an ammeter reading 2 A", "a voltmeter across the resistor"."""
    kinds = circuit_elements()
    alternatives = "|".join(f"(?P<{k}>{pat})" for k, pat in kinds.items())
    out = []
    # a value starts where a number starts: inside a long run of digits no start is tried (time linear in the run)
    before = _VALUE.replace("(" + NUM + ")", r"(?<![\d.])(?P<n1>" + NUM + ")", 1).replace("(V|", "(?P<u1>V|", 1)
    after = _VALUE.replace("(" + NUM + ")", r"(?<![\d.])(?P<n2>" + NUM + ")", 1).replace("(V|", "(?P<u2>V|", 1)
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"(?:(?P<count>" + _WORD_NUM + r")\s+(?:(?!(?:and|or|of|the|with)\b)[a-z][a-z-]{2,15}\s+)?)?(?:" + before
                         + r"\s+)?(?:" + alternatives + r")\b"
                         r"(?:\s+(?:R|L|S|C)\s*[₁₂₃\d])?(?:(?:(?!\band\b)[^.;,]){0,60}?(?:\b(?:of|reading|reads|shows|showing|with|rated|"
                         r"labell?ed|marked)|=|(?=\s*[\"\u201c]))\s*[\"\u201c]?(?:(?P<name>[A-Za-z](?:_\{?\w{1,5}\}?|[\w₀-₉]{0,2}))\s*=\s*)?" + after
                         + r"|(?:(?!\band\b)[^.;,]){0,60}?\blabell?ed\s+[\"\u201c](?P<letter>[A-Z][\w₁₂₃]{0,2})[\"\u201d])?", s, re.I):
        kind = next(k for k in kinds if m.group(k))
        if re.search(r"\bthe\s+(?:\w+\s+)?$", s[max(0, m.start() - 12):m.start()], re.I) and not m.group("n1") \
                and any(e["type"] == kind for e in out):
            continue  # "… the negative terminal of the battery": the one already named, not a second one
        spans.append(m.span())
        value = _value(m.group("n1"), m.group("u1")) if m.group("n1") else (
            _value(m.group("n2"), m.group("u2")) if m.group("n2") else None)
        word = (m.group("count") or "").lower()
        count = {"two": 2, "three": 3, "four": 4, "five": 5}.get(word, 1)
        if word.isdigit():
            count = int(word)
        for _ in range(min(count, 4)):
            e: dict = {"type": kind}
            if value:
                e["value"] = value
            label = re.search(r"\b(?:R|L|S|C)\s*[₁₂₃\d]\b", m.group(0))
            named = re.search(r"\blabell?ed\s*[\"\u201c]([A-Za-z][\w₁₂₃]{0,2})(?:\s*=|[\"\u201d])", m.group(0))
            if label:
                e["label"] = label.group(0).replace(" ", "")
            elif named:
                e["label"] = named.group(1)  # "an open switch labelled 'S'", "labelled 'C = 100 μF'"
            elif m.group("name") and m.group("name").lower() not in ("of", "is", "at", "to"):
                e["label"] = m.group("name")  # "vertical resistor 'R_p = 3 Ω'": its name, written with its value
            across = re.search(r"\bacross\s+(?:the\s+)?(\w+)", s[m.start():m.end() + 40], re.I) if kind == "voltmeter" else None
            if across:
                e["across"] = across.group(1).lower()
            if kind == "switch":
                state = _switch_state(s, m.start(kind), m.end())  # (the state word may be the adjective counted with it)
                if state is not None:
                    e["open"] = state  # written: "an open switch", "a switch (closed)"; unwritten: no key
            e["_at"] = m.start()
            out.append(e)
    # "R2 = 4 Ω in the middle branch": an element named by its label and value, without its noun
    for m in re.finditer(r"\b([RC])\s*([₁₂₃\d])\s*=\s*(" + NUM + r")\s*(Ω|ohms?|µF|uF|F)\b", s):
        if any(a <= m.start() < b for a, b in spans):
            continue
        label = m.group(1) + m.group(2)
        if any(e.get("label") == label for e in out):
            continue
        kind = "resistor" if m.group(1) == "R" else "capacitor"
        blank = next((e for e in out if e["type"] == kind and not e.get("label") and not e.get("value")), None)
        if blank is not None:
            # "two zigzag resistors …, labelled "R₁ = 2 Ω" and "R₂ = 4 Ω"": the resistors counted, named in turn
            blank.update(label=label, value=_value(m.group(3), m.group(4)))
            continue
        out.append({"type": kind, "label": label, "value": _value(m.group(3), m.group(4)), "_at": m.start()})
    # "Two vertical branches …, each with a vertical resistor": one on every branch; "four small circles (bulbs)": four
    branches = re.search(r"\b(two|three|four|[2-4])\s+(?:\w+\s+){0,2}?branch(?:es)?\b", s, re.I)
    each = re.search(r"\beach\s+(?:\w+\s+){0,8}?(?:with|has|having|containing|holding|carrying)\s+(?:a|an|one)\s+"
                     r"(?:\w+\s+){0,2}?(" + "|".join(kinds.values()) + r")\b", s, re.I)
    if branches and each:
        n = {"two": 2, "three": 3, "four": 4}.get(branches.group(1).lower()) or int(branches.group(1))
        kind = next(k for k, pat in kinds.items() if re.fullmatch(pat, each.group(1), re.I))
        same = [e for e in out if e["type"] == kind]
        while 0 < len(same) < n:  # ends: each pass adds one to same, and n <= 4
            extra = {k: v for k, v in same[-1].items() if k not in ("label", "value")}
            extra["_at"] = same[-1]["_at"] + 0.5
            out.append(extra)
            same.append(extra)
    for m in re.finditer(r"\b(two|three|four|[2-4])\s+(?:\w+\s+){0,2}?\w+\s*\(\s*(" + "|".join(kinds.values()) + r")\s*\)", s, re.I):
        n = {"two": 2, "three": 3, "four": 4}.get(m.group(1).lower()) or int(m.group(1))
        kind = next(k for k, pat in kinds.items() if re.fullmatch(pat, m.group(2), re.I))
        same = [e for e in out if e["type"] == kind and m.start() <= e["_at"] <= m.end()]
        while 0 < len(same) < n:  # ends: each pass adds one to same, and n <= 4
            extra = {"type": kind, "_at": same[-1]["_at"] + 0.5}
            out.append(extra)
            same.append(extra)
    for e in out:  # 'Battery symbol (long and short plates) on the left wire, labelled "12 V"': its value
        if e["type"] == "battery" and "value" not in e:
            lab = re.search(r"\blabell?ed\s+[\"\u201c](" + NUM + r")\s*(V|kV|mV|volts?)[\"\u201d]", s[e["_at"]:e["_at"] + 160], re.I)
            if lab:
                e["value"] = _value(lab.group(1), lab.group(2))
    out.sort(key=lambda e: e["_at"])
    # "R1 on the top wire, then the wire splits into two parallel branches: R2 … and R3 …": what comes before
    # the word "parallel"/"branches" stays on the main line
    split = re.search(r"\bparallel\b|\bbranch(?:es)?\b", s, re.I)
    start = split.start() if split else 0
    if split:
        # "two resistors in parallel", "two resistor zigzags on two separate branches": the ones named in the same
        # clause are the branches — only what comes before the clause ("R1 on the top wire, then the wire splits into
        # two parallel branches: …") stays on the main line
        start = max((m.end() for m in re.finditer(r"[,;:]|\bthen\b", s[:start])), default=0)
    for e in out:
        if split and e["_at"] < start and e["type"] not in ("battery", "voltmeter", "ammeter"):
            e["series"] = True
        e.pop("_at")
    return out


def _labelled_branches(ex: Extracted) -> list[dict]:
    """"a parallel circuit with three branches labeled "Lamp", "TV", "Fridge"": a battery and one device per branch,
    named by its label (a lamp or a light is a bulb; any other device a resistor-like box)."""
    m = re.search(r"\b(?:parallel\s+circuit|circuit\s+in\s+parallel)\b[^.;]{0,40}?\b(two|three|four|[2-4])\s+branch(?:es)?\s+"
                  r"(?:labell?ed|named|called|for)\s*:?\s*", ex.sentence, re.I)
    if not m:
        return []
    n = {"two": 2, "three": 3, "four": 4}.get(m.group(1).lower()) or int(m.group(1))
    names = [q.group(1) for q in re.finditer(r"[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]", ex.sentence[m.end():])][:n]
    if len(names) != n:
        return []
    bulb = circuit_elements()["bulb"]
    out = [{"type": "battery"}]
    for k, name in enumerate(names, 1):
        out.append({"type": "bulb" if re.search(r"\b(?:" + bulb + r"|lights?)\b", name, re.I) else "resistor",
                    "label": name, "branch": min(k, 4)})
    return out


_SYMBOL = re.compile(r"\b(?:symbols?|zigzags?)\b", re.I)
_WIRED = re.compile(r"\b(?:circuit|loop|wires?|wired|connect\w*|series|parallel|rails?|branch\w*)\b", re.I)
_LAID_OUT = (r"\bloop\s+of\s+wires?\b|\brectang\w*\s+(?:loop\s+)?of\s+wires?\b|\bwires?\s+(?:from|between|connect\w*)\b|"
             r"\bclosed\s+loop\b|\bcircuit\s+(?:diagram|layout|schematic)\b|\b(?:draw|build|show)\s+(?:the|a)\s+(?:\w+\s+)?circuit\b|"
             r"\b(?:on|in)\s+the\s+(?:top|bottom|left|right)\s+(?:wire|side\s+of\s+the\s+(?:loop|circuit))\b")
_VALUE_QUOTED = re.compile(r"[\"\u201c](" + NUM + r"\s*(?:[kmMµμ]?[VAΩF]|ohms?|volts?|amps?))[\"\u201d]")


def _symbols(ex: Extracted, ctx: Context, i: int, circuit: Beat | None, elements: list[dict]) -> list[Beat] | None:
    """"Draw a battery symbol: a long thin line and a short thick line … Label below: "6 V"", then "To the right, draw
    two resistor zigzags … Label each "3 Ω"": the symbols side by side, not wired into a circuit (layout `parts`)."""
    bare = ex.bare or ex.sentence
    label = re.match(r"\s*(?:then\s+)?label\s+(?:it\s+|them\s+|each(?:\s+one)?\s+|both\s+|below|above|under\s+it)?\s*:?\s*[\"\u201c]"
                     r"([^\"\u201d]{1,16})[\"\u201d]\s*\.?\s*$", ex.sentence, re.I)
    said = ctx.announced.get("circuit symbols")
    if label and circuit is not None and circuit.params.get("layout") == "parts" and said and said[0] == i - 1 \
            and _VALUE_QUOTED.search(ex.sentence):
        # 'Label below: "6 V"', 'Label each "3 Ω"' right after the symbols: their value, on them
        first = said[1]["from"]
        els = [dict(e) for e in circuit.params["elements"]]
        each = re.match(r"\s*(?:then\s+)?label\s+(?:each|both|them|all)", ex.sentence, re.I)
        for k in range(first if each else len(els) - 1, len(els)):
            els[k]["value"] = label.group(1)
        new = Beat("circuit", dict(circuit.params, elements=els), circuit.strings + (label.group(1),), circuit.rule,
                   circuit.source, circuit.detail_index, circuit.keywords)
        ctx.replace(circuit, new, i)
        ctx.announced["circuit symbols"] = (i, {"beat": new, "from": first})
        ctx.consumed.add(label.group(1))
        ctx.stop = True
        return []
    if not elements or not _SYMBOL.search(bare) or _WIRED.search(bare) or ctx.mentions(_LAID_OUT):
        return None  # ("Draw a rectangular loop of wire …" then "On the left side: a battery symbol …": one circuit)
    values = [m.group(1) for m in _VALUE_QUOTED.finditer(ex.sentence)]
    each = re.search(r"\b(?:label|mark)\s+(?:them\s+)?(?:each|both|all)\b|\beach\s+(?:labell?ed|marked)\b", bare, re.I)
    for k, e in enumerate(elements):
        v = values[0] if values and (each or len(values) == 1) else (values[k] if k < len(values) else None)
        if v:
            e["value"] = v
    ctx.consumed.update(values)
    terminals = re.findall(r"[\"\u201c]\s*([+\-\u2212])\s*[\"\u201d]", ex.sentence) if any(
        e["type"] == "battery" for e in elements) else []
    ctx.consumed.update(terminals)  # the terminals: marked on the battery symbol (+ beside the long plate, − the short)
    have = list(circuit.params.get("elements") or []) if circuit is not None and circuit.params.get("layout") == "parts" else []
    params = {"layout": "parts", "elements": _named(ctx.capped(i, have + elements, 10, "circuit elements"))}
    strings = [e.get("value") or e["type"] for e in params["elements"]] + terminals
    beat = _beat("circuit", "circuit:symbols", ex, i, strings, _kw(ex.sentence) + ("circuit",), **params)
    ctx.announced["circuit symbols"] = (i, {"beat": beat, "from": len(have)})  # (a 'Label each "3 Ω"' may follow)
    if have:
        ctx.replace(circuit, beat, i)
        return []
    return [beat]


_PLACED_LABEL = re.compile(r"[\"\u201c]([^\"\u201d]{1,12})[\"\u201d]\s+(?:in\s+[a-z]+\s+)?(?:with\s+a\s+(?:small\s+)?arrow\s+)?"
                           r"(?:next\s+to|beside|by|on|along|near|above|below|(?:(?:down|up)\s+)?through)\s+(?:each|every|both|all|the)?\s*(main\s+wire|"
                           r"(?:top\s+|bottom\s+)?wire|branch(?:es)?|resistors?|bulbs?|lamps?|battery|"
                           r"(?-i:[RLCS](?:_\{?\w{1,5}\}?|[₀-₉\d]{1,2})))(?![\w₀-₉])", re.I)
# "Replace the label 'I' on the circuit arrow with 'I = 2.4 A'"
_SWAP_LABEL = re.compile(r"\b(?:replace|change|update|swap|relabel)\w*\b[^\"\u201c.;]{0,30}[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]"
                         r"[^\"\u201c.;]{0,40}?\b(?:with|to|by|into)\s+[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]", re.I)
# "a blue arrow on the top wire labelled 'I'": the current, drawn as an arrow on the wire
_CURRENT_ARROW = re.compile(r"\barrow\b[^.;\"\u201c]{0,40}?\bwire\b[^.;\"\u201c]{0,20}?\blabell?ed\s+[\"\u201c]([^\"\u201d]{1,12})"
                            r"[\"\u201d]", re.I)


_BRANCH_CURRENTS = re.compile(r"\bbranch\s+currents?\b[^\"\u201c.;]{0,40}?((?:[\"\u201c][^\"\u201d]{1,20}[\"\u201d]\s*(?:,\s*(?:and\s+)?|and\s+)?){2,4})",
                              re.I)


def _beside_value(e: dict, text: str) -> str:
    """An element's value with the one written beside it ("2 Ω, 4.8 V"), as a `value` step's text."""
    return (f"{e['value']}, {text}" if e.get("value") and text not in str(e["value"]) else text)[:16]


def _labels_on_circuit(ex: Extracted, ctx: Context, i: int, circuit: Beat) -> list[Beat] | None:
    """'place labels "3 V" next to each resistor in the circuit, and a label "1 A" with a small arrow on the wire';
    'Place the labels "2 A" next to each branch, "4 A" next to the main wire': values on the circuit on screen — a
    resistor's voltage beside its value (in turn), a current as an arrow on its wire — never loose text or boxes."""
    found = list(_PLACED_LABEL.finditer(ex.sentence))
    swap = _SWAP_LABEL.search(ex.sentence)
    elements = circuit.params.get("elements") or []
    if swap and swap.group(1) in [circuit.params.get("current")] + [e.get("current") for e in elements]:
        # "Replace the label 'I' on the circuit arrow with 'I = 2.4 A'": the current arrow's label changes
        k = next((k for k, e in enumerate(elements) if e.get("current") == swap.group(1)), None)
        step: dict = {"action": "current", "text": swap.group(2)}
        if k is not None and circuit.params.get("current") != swap.group(1):
            step["element"] = str(elements[k].get("name") or elements[k].get("label") or elements[k]["type"])
        ctx.consumed.update(swap.groups())
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return [_beat("circuit", "circuit:current-label", ex, i, [swap.group(2)], _kw(ex.sentence), extend=True,
                      steps=[step])]
    listed = _BRANCH_CURRENTS.search(ex.sentence)
    branches = sorted({e["branch"] for e in elements if e.get("branch")})
    texts = re.findall(r"[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]", listed.group(1)) if listed else []
    if listed and len(texts) == len(branches) >= 2:
        # "Show branch currents with arrows: "I₁ = 2 A" and "I₂ = 4 A", and on the main wire "I = 6 A"": each branch's
        # current on its wire, in order; the main wire's leaving the battery
        new = [dict(e) for e in elements]
        for b, text in zip(branches, texts):
            next(e for e in new if e.get("branch") == b)["current"] = text
        params = dict(circuit.params, elements=new)
        main = re.search(r"\bmain\s+(?:wire|line)\s*:?\s*[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]", ex.sentence, re.I)
        if main:
            params["current"] = main.group(1)
            texts.append(main.group(1))
        ctx.replace(circuit, Beat("circuit", params, circuit.strings + tuple(texts), circuit.rule + "+currents",
                                  circuit.source, circuit.detail_index, circuit.keywords), i)
        ctx.consumed.update(texts)
        ctx.modified.add(i)
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return []
    arrow = _CURRENT_ARROW.search(ex.sentence)
    if not found and arrow and re.search(r"\b(?:add|draw|put|place|show)\b", ex.bare or "", re.I):
        ctx.replace(circuit, Beat("circuit", dict(circuit.params, current=arrow.group(1)),
                                  circuit.strings + (arrow.group(1),), circuit.rule + "+current", circuit.source,
                                  circuit.detail_index, circuit.keywords), i)
        ctx.consumed.add(arrow.group(1))
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return []
    if not found or not re.search(r"\b(?:label|place|put|write|add|show)\w*\b", ex.bare or "", re.I):
        return None
    elements = [dict(e) for e in circuit.params.get("elements") or []]
    names = [str(e.get("name") or e.get("label") or e["type"]) for e in elements]
    params = dict(circuit.params)
    steps, used = [], []
    for m in found:
        text, where = m.group(1).strip(), m.group(2).lower()
        named = [k for k, e in enumerate(elements) if str(e.get("label") or "") == m.group(2)]
        if named and re.search(r"\bthrough\b", m.group(0)):  # "'I₂' down through R₂": the current in that element
            elements[named[0]]["current"] = text
            used.append(text)
        elif named:  # "'4.8 V' in green next to R₁": the value beside that element
            steps.append({"action": "value", "element": names[named[0]], "text": _beside_value(elements[named[0]], text)})
            used.append(text)
        elif re.match(r"(?:resistor|bulb|lamp|battery)", where):
            kind = "battery" if where.startswith("battery") else "bulb" if where.startswith(("bulb", "lamp")) else "resistor"
            for k, e in enumerate(elements):
                if e["type"] == kind:
                    steps.append({"action": "value", "element": names[k], "text": _beside_value(e, text)})
            used.append(text)
        elif where.startswith("branch"):
            firsts = {}
            for e in elements:
                if e.get("branch") and e["branch"] not in firsts:
                    firsts[e["branch"]] = e
            for e in firsts.values():
                e["current"] = text
            if firsts:
                used.append(text)
        else:  # the (main) wire: the current leaving the battery
            params["current"] = text
            used.append(text)
    if not used:
        return None
    if steps and circuit.detail_index == i - 1 and ctx.beats and ctx.beats[-1] is circuit:
        # right after the circuit is drawn: the values are part of the drawing, not a later change
        for st in steps:
            k = names.index(st["element"])
            elements[k]["value"] = st["text"]
        steps = []
    params["elements"] = elements
    if params != circuit.params:
        ctx.replace(circuit, Beat("circuit", params, circuit.strings + tuple(u for u in used if u not in circuit.strings),
                                  circuit.rule + "+labels", circuit.source, circuit.detail_index, circuit.keywords), i)
    ctx.consumed.update(used)
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    if steps:
        return [_beat("circuit", "circuit:values", ex, i, [st["text"] for st in steps], _kw(ex.sentence), extend=True,
                      steps=steps[:8])]
    ctx.modified.add(i)
    return []


# "Left side:", "Top-left wire:", "Middle branch:", "Right side:": where a part of a circuit described piece by piece sits
_PLACE = re.compile(r"^\s*(?:[-•*]\s*)?(?:on\s+the\s+|the\s+)?(?P<place>(?:top|bottom|upper|lower|left|right|middle|centre|center)"
                    r"(?:[- ](?:left|right))?)\s+(?:side|wire|branch|edge|rung|leg)"
                    r"(?:\s+of\s+the\s+(?:loop|circuit|rectangle|square))?\s*[:,]", re.I)  # ("On the left side of the loop, …")


def _placed_branch(place: str, middle: bool) -> int | None:
    """The branch of a part placed by its side in a circuit with a middle branch: the middle branch is the first rung,
    the right side (and the top-right and bottom-right wires) the second; the left side stays on the main line."""
    place = place.lower().replace("center", "middle").replace("centre", "middle")
    if place == "middle":
        return 1
    if middle and re.search(r"right", place):
        return 2
    return None


def _laid_out(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Draw the circuit as a rectangle 8 wide and 4 tall …, with a vertical middle branch at x = 0": the circuit's
    shape, which the parts of the next sentences fill ("Left side: battery …", "Middle branch: resistor …") — not a
    rectangle of its own. Announced, and said if no part ever comes."""
    s = ex.bare or ex.sentence
    # ("Draw a rectangular series loop with corners at (-3, -1.5), …": the circuit's loop, its parts in the next sentences)
    loop = re.search(r"^\s*(?:[-•*]\s*)?(?:\d+[.)]\s*)?(?:first,?\s+)?(?:draw|build|sketch|lay\s+out|show)\s+(?:the|a|one)\s+"
                     r"(?:(?:rectangular|square|simple|closed|single)\s+)*(?:series|circuit|wire)\s+loop\b", s, re.I)
    if not loop and (not re.search(r"\bcircuit\b", s, re.I) or not re.search(r"\b(?:rectangle|loop|branch(?:es)?|square)\b",
                                                                            s, re.I)):
        return None
    if _elements(ex.sentence):
        return None  # "Draw a series circuit as a rectangle loop: a battery on the left side …": its parts come with it
    if not loop and not re.search(r"^\s*(?:[-•*]\s*)?(?:\d+[.)]\s*)?(?:first,?\s+)?(?:draw|build|sketch|lay\s+out|show)\s+"
                                  r"(?:the|a)\s+(?:\w+\s+)?circuit\s+as\b", s, re.I):
        return None
    ctx.announced["circuit"] = (i, {"middle": bool(re.search(r"\bmiddle\s+branch|\bcent(?:er|re)\s+branch", s, re.I)),
                                    "unfinished": "the circuit it lays out is never given its parts: it is not drawn"})
    ctx.modified.add(i)
    ctx.stop = True
    return []


def _recalled(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Left half: the circuit at 0.6 scale, with the right loop highlighted", "Left: the circuit with the final
    currents …": the circuit an earlier scene drew, as it left it — not a new circuit of the parts the sentence names."""
    said = ex.bare or ex.sentence
    if not re.search(r"\b(?:the|our|that|this)\s+(?:(?:same|whole|full|original|complete|two-loop|series|parallel|\w+)\s+)?"
                     r"circuit\b", said, re.I) or re.search(r"\b(?:a|an|another|new|second|different)\s+(?:[\w-]+\s+)?circuit\b",
                                                          said, re.I):
        return None
    if re.search(r"\b(?:draw|build|sketch|construct|lay\s+out)\s+the\s+circuit\b[^.]*(?::|\brectangle\b|\bwires?\b|\bloop\b)",
                 said, re.I):
        return None  # "Draw the circuit on the left half: a rectangle of wires …": drawn here, its parts in what follows
    own = _elements(said)
    if len(own) >= 2 or any(e["type"] == "battery" for e in own):
        return None  # "Draw the circuit on the left half: … Battery on the left side … Resistor R1 …": a circuit drawn here
    from .rules_recall import scene_state

    for sp in ctx.earlier("circuit"):
        state = scene_state(sp, "circuit")
        if state is not None and state.params.get("elements"):
            params = {k: v for k, v in state.params.items() if k not in ("steps", "extend", "place")}
            switched = re.search(r"\b(?:with|but\s+with|and)\s+(?:the\s+)?switch(?:es)?\s+(?:now\s+)?(closed|open)\b", said, re.I)
            if switched:
                # "the same circuit as in scene 1 but with the switch closed": its switches in that state
                params["elements"] = [dict(e, open=switched.group(1).lower() == "open") if e.get("type") == "switch" else e
                                      for e in params["elements"]]
            out = [_beat("circuit", f"circuit:recalled-from-scene-{sp.number}", ex, i, list(state.strings),
                         _kw(ex.sentence) + ("circuit",), **params)]
            # "… with the final currents written next to the arrows: "I₁ ≈ 2.31 A", "I₃ ≈ 1.85 A"": each arrow's new label
            relabel = [{"action": "current", "element": e["name"], "text": q} for q in ex.quoted if len(q) <= 16
                       for e in params["elements"] if e.get("current") and e.get("name")
                       and re.match(re.escape(str(e["current"]).strip()) + r"\s*[=≈]", q)]
            if relabel and re.search(r"\bcurrents?\b", said, re.I):
                ctx.consumed.update(x["text"] for x in relabel)
                out.append(_beat("circuit", "circuit:steps", ex, i, [x["text"] for x in relabel], _kw(ex.sentence),
                                 extend=True, steps=relabel[:10]))
            marked = re.search(r"\bwith\s+(?:the\s+)?((?:[^,;.()]|\([^()]*\)){1,60}?)\s+(?:highlighted|ringed|marked|flashing)\b", said, re.I)
            if marked:
                # "… with the resistor highlighted": that part ringed; a loop or branch, which the circuit cannot ring, said
                name = _element_named(re.sub(r"\s*\([^)]*\)", "", marked.group(1)).split()[-1], params["elements"])
                if name:
                    out.append(_beat("circuit", "circuit:steps", ex, i, [], _kw(ex.sentence), extend=True,
                                     steps=[{"action": "highlight", "element": name}]))
                else:
                    ctx.lost(i, f"the {marked.group(1).strip()!r} is not highlighted: only a single part of the circuit can be")
            return out
    return None


def _arrow_relabelled(ex: Extracted, ctx: Context, i: int, circuit: Beat) -> list[Beat] | None:
    """"The I₂ arrow turns red, rotates 180° to point right, and its label changes to "0.46 A"": the label of that
    current arrow changes; what else the sentence does to the arrow (its colour, its turn) is said, not drawn."""
    m = re.search(r"\bthe\s+([A-Za-z][\w₀-₉]{0,3})\s+(?:current\s+)?arrow\b.*?\blabel\s+(?:changes|becomes|turns|is\s+changed)\s+"
                  r"(?:to|into)\s+[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]", ex.sentence, re.I)
    if m is None:
        return None
    element = next((e.get("name") for e in circuit.params.get("elements") or []
                    if str(e.get("current") or "").strip() == m.group(1)), None)
    if element is None:
        return None
    ctx.consumed.add(m.group(2))
    rest = ex.sentence[:m.start()] + ex.sentence[m.end():]
    if re.search(r"\b(?:rotat|flip|revers|turns?\s+(?:red|green|blue|yellow|orange)|point)\w*", ex.sentence[m.start():m.end()] + rest, re.I):
        ctx.lost(i, f"the {m.group(1)} arrow keeps its colour and direction: only its label changes to {m.group(2)!r}")
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return [_beat("circuit", "circuit:steps", ex, i, [m.group(2)], _kw(ex.sentence), extend=True,
                  steps=[{"action": "current", "element": element, "text": m.group(2)}])]


def _place_key(place: str) -> str:
    return place.lower().replace("center", "middle").replace("centre", "middle").replace(" ", "-")


def _placed_currents(ex: Extracted, ctx: Context, i: int, circuit: Beat, places: dict) -> list[Beat] | None:
    """'Current arrows: "I₁" on the top-left wire …; "I₃" on the middle branch …': each current on the wire of the part
    placed there before ("Top-left wire: resistor …"), an arrow with its name; one whose wire holds no part is said."""
    found = list(re.finditer(r"[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]\s+(?:on|along|in|through)\s+the\s+"
                             r"((?:top|bottom|upper|lower|left|right|middle|centre|center)(?:[- ](?:left|right))?)\s+"
                             r"(?:wire|branch|side|rung|leg)\b", ex.sentence, re.I))
    if not found:
        return None
    params = dict(circuit.params)
    elements = [dict(e) for e in params.get("elements") or []]
    for m in found:
        name = places.get(_place_key(m.group(2)))
        target = next((e for e in elements if e.get("name") == name), None) if name else None
        if target is None:
            ctx.lost(i, f"the current {m.group(1)!r} on the {m.group(2)} wire: no part of the circuit is placed there")
            continue
        target["current"] = m.group(1)
        ctx.consumed.add(m.group(1))
    params["elements"] = elements
    _redrawn(ctx, i, circuit, params, [m.group(1) for m in found], "+currents")
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return []


_UNIT_OF = {"resistor": ("Ω",), "capacitor": ("F",), "inductor": ("H",), "bulb": ("Ω", "W")}  # (a battery's: _battery_value)


def _quoted_value(e: dict, quoted: list[str], taken: set[str]) -> None:
    """'a zigzag resistor symbol … with the label "R = 1 kΩ" above it': a part without a value takes the one quoted
    label of its unit (its name too), once."""
    if e.get("value"):
        return
    units = _UNIT_OF.get(e["type"], ())
    for q in quoted:
        m = re.fullmatch(r"\s*(?:([A-Za-z][\w₀-₉]{0,3})\s*=\s*)?(" + NUM + r")\s*([kmMµμunp]?)(Ω|F|H|V|W|ohms?)\s*", q)
        if m and q not in taken and (m.group(4) in units or m.group(4).startswith("ohm") and "Ω" in units):
            e["value"] = _value(m.group(2), (m.group(3) + m.group(4)).replace("μ", "µ"))
            if m.group(1):
                e["label"] = m.group(1)
            taken.add(q)
            return


def _battery_value(e: dict, quoted: list[str]) -> None:
    """'battery symbol … labelled "V₁ = 12 V"': its name and voltage, from the label."""
    if e["type"] != "battery" or e.get("value"):
        return
    for q in quoted:
        m = re.fullmatch(r"\s*([A-Za-zℰε][\w₀-₉]{0,3})\s*=\s*(\d+(?:\.\d+)?)\s*V\s*", q)
        if m:
            e["label"], e["value"] = m.group(1), f"{m.group(2)} V"
            return
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*V\s*", q)
        if m:
            e["value"] = f"{m.group(1)} V"
            return


def rule_circuit(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    circuit = _circuit(ctx)
    if circuit is None:
        shape = _laid_out(ex, ctx, i)
        if shape is not None:
            return shape
        recalled = _recalled(ex, ctx, i)
        if recalled is not None:
            return recalled
    layout_said = ctx.announced.get("circuit")
    place = _PLACE.match(s)
    relabelled = _arrow_relabelled(ex, ctx, i, circuit) if circuit is not None else None
    if relabelled is not None:
        return relabelled
    if layout_said is not None and circuit is not None and re.search(r"\bcurrents?\b", ex.bare or s, re.I):
        arrows = _placed_currents(ex, ctx, i, circuit, layout_said[1].get("places") or {})
        if arrows is not None:
            return arrows
    if layout_said is not None and place and circuit is not None:
        # a part of the circuit laid out before, placed by its side: added where it sits
        whole, own = _elements(s), _elements(ex.bare or s)
        parts = whole if len(whole) == len(own) else own
        taken: set[str] = set()
        for e in parts:  # (the labels in quotes name the parts: "R₁ = 2 Ω")
            _battery_value(e, ex.quoted)
            _quoted_value(e, ex.quoted, taken)
            branch = _placed_branch(place.group("place"), layout_said[1].get("middle", False))
            if branch:
                e["branch"] = branch
            e.pop("series", None)
        names = [q for q in ex.quoted if q not in taken and re.fullmatch(r"[A-Za-z][\w₀-₉ ]{0,11}", q.strip())]
        if len(parts) == 1 and not parts[0].get("label") and len(names) == 1:
            parts[0]["label"] = names[0].strip()  # ('an open switch … with the label "switch" below it': its name)
        if parts:
            params = dict(circuit.params)
            have = list(params.get("elements") or [])
            fresh = _named(have + parts)[len(have):]
            params["elements"] = ctx.capped(i, have + fresh, 10, "circuit elements")
            places = layout_said[1].setdefault("places", {})
            for e in fresh:  # (where each part sits, for the current arrows a later sentence puts on its wire)
                places.setdefault(_place_key(place.group("place")), e.get("name"))
            if any(e.get("branch") for e in params["elements"]):
                params["layout"] = "parallel"
            drawn = {str(x).replace(" ", "") for e in fresh for x in (e.get("value"), f"{e.get('label')}={e.get('value')}",
                                                                    e.get("label")) if x}
            ctx.consumed.update(q for q in ex.quoted if q.replace(" ", "") in drawn or q.strip() in ("+", "-", "−"))
            _redrawn(ctx, i, circuit, params, [e.get("value") or e["type"] for e in fresh], "+placed")
            ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
            return []
    branches = _labelled_branches(ex)
    if branches:
        ctx.consumed.update(e["label"] for e in branches if e.get("label"))
        return [_beat("circuit", "circuit:labelled-branches", ex, i, [e["label"] for e in branches if e.get("label")],
                      _kw(s) + ("circuit",), elements=_named(branches))]
    elements = _elements(s)
    parts = _symbols(ex, ctx, i, circuit, elements)
    if parts is not None:
        return parts
    if circuit is not None and elements and re.search(r"\b(?:draw|build|show|sketch)\s+(?:a|another|a\s+second|a\s+new)\s+"
                                                      r"(?:simple\s+)?(?:series|parallel)?\s*(?:loop|circuit)\b", ex.bare or s, re.I):
        circuit = None  # "Right side: draw a series loop with four small circles (bulbs)": a circuit of its own
        fresh = True
    else:
        fresh = False
    if circuit is None:
        own = _elements(ex.bare) if ex.bare else elements  # the sentence's own words, not a title "A Circuit with a Battery"
        # ("a schematic array of 7 empty cells": a sketch of an array, not a circuit of battery cells)
        laid_out = any(e["type"] == "battery" for e in own) and re.search(r"\bcircuit\s+(?:layout|diagram|schematic)\b|"
                                                                          r"\b(?:draw|build|show)\s+(?:the\s+|a\s+)?circuit\b",
                                                                          ctx.about, re.I)
        if not (re.search(r"\bcircuits?\b|\bschematic\b(?!\s+(?:\w+\s+)?(?:array|list|row|table|grid|tree|graph|picture|"
                          r"drawing|view|map|sketch|layout|diagram\s+of))", ex.bare or s, re.I) and elements) and not (
                len({e["type"] for e in own}) >= 2 and any(e["type"] == "battery" for e in own)) and not laid_out and not fresh \
                and not (layout_said is not None and place and own):  # (a part placed on the loop laid out before)
            return []  # ("Circuit layout: …" then "Battery symbol … labelled "12 V"": the circuit starts with it)
        if layout_said is not None:
            layout_said[1]["beat"] = True  # (the circuit laid out before starts with this part)
            if place:
                layout_said[1].setdefault("places", {})[_place_key(place.group("place"))] = "battery" if any(
                    e["type"] == "battery" for e in elements) else None
            taken = set()
            for e in elements:
                _battery_value(e, ex.quoted)
                _quoted_value(e, ex.quoted, taken)
                branch = _placed_branch(place.group("place"), layout_said[1].get("middle", False)) if place else None
                if branch:
                    e["branch"] = branch
        params: dict = {"elements": _named(ctx.capped(i, elements, 10, "circuit elements"))}
        if re.search(r"\bparallel\b|\b(?:separate|own|two|three|four)\s+(?:\w+\s+)?branch(?:es)?\b", ex.bare or s, re.I):
            _branches(params["elements"])  # ("… on two separate vertical branches": in parallel, said without the word)
        for e in params["elements"]:
            e.pop("series", None)
        flows = re.search(r"\bcurrent\b[^.]*\bflow|\bflowing\b|\belectrons? (?:move|flow)", s, re.I)
        wanted = _switch_wanted(ex.bare or s)  # (the words of a quoted question close no switch)
        toggle = None
        batteries = [e for e in params["elements"] if e["type"] == "battery"]
        if len(batteries) == 1:
            _battery_value(batteries[0], ex.quoted)  # ('Draw a "12 V" battery on the left …': its voltage)
        values = {e.get("value") for e in params["elements"] if e.get("value")}
        # 'a battery labeled "9 V"': the label is the element's value, drawn on it, not a caption as well
        ctx.consumed.update(q for q in ex.quoted if any(v and v.replace(" ", "") in q.replace(" ", "").replace("μ", "µ")
                                                        for v in values))
        names = {e.get("label") for e in params["elements"] if e.get("label")}
        ctx.consumed.update(q for q in ex.quoted if q.strip() in names)  # "an open switch labelled 'S'": its label
        if any(e["type"] == "battery" for e in params["elements"]):
            # "battery '12 V' with '+' on top": the terminals, marked on the battery symbol
            ctx.consumed.update(q for q in ex.quoted if q.strip() in ("+", "-", "−"))
        if wanted is not None:  # "… a switch and a bulb; close the switch to light the bulb"
            params, toggle = _switch_step(ctx, i, params, wanted)
        strings = [e.get("value") or e["type"] for e in params["elements"]]
        if toggle is None:
            if flows and _loop_open(ctx, params["elements"], []):
                ctx.lost(i, "no current flows: the switch is open")
            return [_beat("circuit", "circuit:elements", ex, i, strings, _kw(s) + ("circuit",), flow=bool(flows) or None,
                          **params)]
        return [_beat("circuit", "circuit:elements", ex, i, strings, _kw(s) + ("circuit",), **params),
                _beat("circuit", "circuit:steps", ex, i, [], _kw(s), extend=True,
                      steps=[toggle] + ([{"action": "flow"}] if flows else []))]
    placed = _labels_on_circuit(ex, ctx, i, circuit)
    if placed is not None:
        return placed
    params = dict(circuit.params)
    have = list(params.get("elements") or [])
    if ex.bare and elements:
        # a noun inside quoted text ('"Series adds resistance. Parallel adds paths."') names no element
        allowed: dict[str, int] = {}
        for e in _elements(ex.bare):
            allowed[e["type"]] = allowed.get(e["type"], 0) + 1
        kept = []
        for e in elements:
            if allowed.get(e["type"], 0) > 0:
                allowed[e["type"]] -= 1
                kept.append(e)
        elements = kept
    kinds = circuit_elements()
    for m in re.finditer(r"\b(?:each|every|both|all(?:\s+the)?|the\s+(?:same|other))\s+(?:\w+\s+)?(" + "|".join(kinds.values())
                         + r")\b", s, re.I):
        # "… next to each resistor": the ones drawn, not a new one
        kind = next(k for k, pat in kinds.items() if re.fullmatch(pat, m.group(1), re.I))
        if any(e["type"] == kind for e in have):
            extra = next((e for e in elements if e["type"] == kind and not e.get("label") and not e.get("value")), None)
            if extra is not None:
                elements.remove(extra)
    steps = []
    labels = {e.get("label") for e in have if e.get("label")}
    on_branches = bool(elements) and not any(e["type"] == "battery" for e in elements) and re.search(
        r"\b(?:two|three|four|[2-4])\s+(?:\w+\s+){0,2}?branch(?:es)?\b[^.]*\beach\b", s, re.I) is not None
    described = elements and (on_branches or all(e.get("label") and e["label"] not in labels or e.get("value") and
                                                 e["type"] != "battery" for e in elements)) and not any(
        e["type"] == "battery" for e in elements) and re.search(
        r"\bbranch(?:es)?\b|\bin\s+(?:series|parallel)\b|\bbetween\s+the\s+\w+\s+wire|"
        # ("Resistor R2 on the right wire centered at (-1, 0), labeled "R2 = 3 Ω"": where it sits in the loop)
        r"\bon\s+the\s+(?:top|bottom|left|right|upper|lower)\s+(?:wire|side|branch|edge)\b", s, re.I)
    # ("the same circuit … but with the switch closed": the switch drawn, named with "the", is no new one)
    elements = [e for e in elements if not (any(h["type"] == e["type"] for h in have) and not e.get("label") and not
                                            e.get("value") and re.search(r"\bthe\s+(?:\w+\s+)?" + re.escape(e["type"]) + r"\b",
                                                                         ex.bare or s, re.I))]
    if elements and (re.search(r"\b(?:add|insert|connect|put|place|include|attach)\w*\b", s, re.I) or described):
        # ("Two vertical branches between the top wire and the bottom wire: … a resistor labelled "R₁ = 6 Ω" …": new
        # elements the layout describes, added without a verb)
        fresh = _named(have + elements)[len(have):]
        for e in fresh:  # ('Resistor R1 on the top wire … labeled "R1 = 3 Ω"': its value, written in its label)
            own = re.search(r"[\"\u201c]" + re.escape(str(e.get("label") or "\x00")) + r"\s*=\s*([^\"\u201d]{1,12})[\"\u201d]", s)
            if own and not e.get("value"):
                e["value"] = own.group(1).strip()
        params["elements"] = ctx.capped(i, have + fresh, 10, "circuit elements")
        if re.search(r"\bparallel\b|\bbranch(?:es)?\b", ex.bare or s, re.I):
            _branches(params["elements"])
        # 'a zigzag resistor labelled "R₁ = 6 Ω"': its label and value, drawn on it
        drawn = {f"{e.get('label')}={e.get('value')}".replace(" ", "") for e in fresh}
        ctx.consumed.update(q for q in ex.quoted if q.replace(" ", "").replace("μ", "µ") in drawn)
        for e in params["elements"]:
            e.pop("series", None)
        _redrawn(ctx, i, circuit, params, [e.get("value") or e["type"] for e in fresh], "+added")
        return []
    named = _labels_given(ex, have)
    if named is not None:
        # 'Labels "R1 = 3 Ω" and "R2 = 3 Ω".': the resistors drawn without a name, in order, get them
        params["elements"] = named
        ctx.consumed.update(ex.quoted)
        _redrawn(ctx, i, circuit, params, ex.quoted, "+labels")
        return []
    wanted = _switch_wanted(ex.bare or s)
    if wanted is not None:
        params, toggle = _switch_step(ctx, i, params, wanted)
        if params["elements"] != have:
            _redrawn(ctx, i, circuit, params, [], "+switch")
        if toggle:
            steps.append(toggle)
    said = ex.bare or s
    dots_move = re.search(r"\bdots\b", said, re.I) and re.search(r"\b(?:mov|flow|travel|circulat|split)\w*", said, re.I) and \
        re.search(r"\b(?:loop|circuit|wires?|branch(?:es)?|junction)\b", said, re.I)
    if (re.search(r"\bcurrent\b[^.]*\bflow\w*|\bcharges?\b[^.]*\bmov\w*|\belectrons?\b[^.]*\b(?:flow|mov)\w*", said, re.I)
            or dots_move) and params.get("layout") != "parts":  # (not a quoted question "How much current flows?")
        if _loop_open(ctx, params.get("elements") or [], steps):
            ctx.lost(i, "no current flows: the switch is open")
        steps.append({"action": "flow"})
        speeds = re.findall(r"(\d+(?:\.\d+)?)\s*(?:units?|cm|m)\s*(?:per|/)\s*s(?:econd)?\b", said, re.I)
        if len(set(speeds)) > 1:
            # "fast (4 units per second) … each moving at 2 units per second": the charges move at one pace
            ctx.lost(i, f"the charges move at one speed everywhere, not at {' and '.join(dict.fromkeys(speeds))} units "
                        "per second")
    change = re.search(r"\b(?:replace|change|swap|increase|decrease|double|halve)\w*\s+(?:the\s+)?(\w+)[^.;]{0,40}?\b(?:to|with|"
                       r"into)\s+(?:an?\s+)?" + _VALUE, s, re.I)
    if change:
        target = _element_named(change.group(1), have)
        if target:
            steps.append({"action": "value", "element": target, "text": _value(change.group(2), change.group(3))})
    broken = re.search(r"\b(?:break|blow|burn)s?\w*\s+(?:out\s+)?(?:the\s+)?(\w+)|\b(\w+)\s+(?:breaks|burns out|blows)", s, re.I)
    crossed = re.search(r"\b(?:cross|x)(?:\s+mark)?\s+(?:over|on|through|across)\s+(?:one|a|an|the)(?:\s+(?:first|second|third|"
                        r"last|middle))?\s+(\w+)", s, re.I)
    if broken or crossed:
        target = _element_named(crossed.group(1) if crossed else broken.group(1) or broken.group(2), have)
        if target:
            steps.append({"action": "break", "element": target})
            if crossed:
                ctx.stop = True  # "Draw a red cross over one bulb": the broken bulb is the cross, not an icon
    if re.search(r"\b(?:fade|turn|go(?:es)?|switch)\w*\s+(?:all\s+)?(?:(?:the|four|three|two|\d+)\s+)?(?:\w+\s+)?"
                 r"(?:bulbs?|lamps?|lights?)\s+(?:to\s+)?(?:dark|off|out|black)\b", s, re.I) and not any(
                     e.get("type") == "battery" for e in have):
        # "fade all four bulbs to dark" on a loop drawn without a battery: they were never lit — said, not left out
        ctx.lost(i, "the bulbs do not go dark: the loop is drawn without a battery, so they are not lit before")
    hl = re.search(r"\bhighlight\w*\s+(?:the\s+)?(\w+)", s, re.I)
    if hl and _element_named(hl.group(1), have):
        steps.append({"action": "highlight", "element": _element_named(hl.group(1), have)})
    if not steps:
        return []
    strings = [x["text"] for x in steps if x.get("text")]
    return [_beat("circuit", "circuit:steps", ex, i, strings, _kw(s), extend=True, steps=ctx.capped(i, steps, 10, "circuit steps"))]


def _labels_given(ex: Extracted, have: list[dict]) -> list[dict] | None:
    """The circuit's elements with the quoted labels a sentence lists for them ('Labels "R1 = 3 Ω" and "R2 = 3 Ω"'):
    each label with its value goes to the next element of its kind (R: resistor, C: capacitor) that has no label yet;
    None unless every quoted text is such a label and finds its element."""
    if not ex.quoted or not re.search(r"\blabel", ex.bare, re.I):
        return None
    elements = [dict(e) for e in have]
    for q in ex.quoted:
        m = re.fullmatch(r"\s*([RC])\s*([₁₂₃\d])\s*=\s*" + _VALUE + r"\s*", q)
        if not m:
            return None
        kind = "resistor" if m.group(1) == "R" else "capacitor"
        e = next((e for e in elements if e["type"] == kind and not e.get("label")), None)
        if e is None:
            return None
        e["label"] = m.group(1) + m.group(2)
        e["value"] = _value(m.group(3), m.group(4))
    return elements


def _switch_state(s: str, start: int, end: int) -> bool | None:
    """Whether the switch named at s[start:end] is written open (True) or closed (False): "an open switch", "a
    switch S1 (closed)", "a switch, initially open" — None when the sentence does not say."""
    words = circuit_switch()
    for state, is_open in (("open", True), ("closed", False)):
        pat = words[state]["state"]
        if re.search(r"\b(?:" + pat + r")\s+$", s[max(0, start - 24):start], re.I) or re.match(
                r"\s*(?:[RLSC]\s*[₁₂₃\d]\s*)?(?:\(\s*|,\s*|that\s+is\s+|which\s+is\s+|is\s+)?(?:(?:initially|currently|left|kept)\s+)?"
                r"(?:" + pat + r")\b", s[end:end + 30], re.I):
            return is_open
    return None


def _switch_wanted(s: str) -> tuple[str, bool, str | None] | None:
    """What a sentence does to a switch: ("close", False, name) — "Close the switch", "the switch is closed", "turn
    on switch S1" —, ("open", True, name), or ("toggle", None, name): "Flip the switch"."""
    words = circuit_switch()
    target = r"(?:the\s+)?(?:(?P<pre>[RLSC]\s*[₁₂₃\d])\s+)?switch(?:\s+(?P<post>S\s*[₁₂₃\d]))?\b|(?P<bare>\bS\s*[₁₂₃\d])\b"
    held = re.search(r"\b(?:with|but\s+with)\s+(?:the\s+)?switch(?:\s+(?P<post>S\s*[₁₂₃\d]))?\s+(?:now\s+)?(?P<how>closed|open)\b",
                     s, re.I)
    if held:  # "… but with the switch closed": a state said
        return "state", held.group("how").lower() == "open", (held.group("post") or "").replace(" ", "") or None
    shown = re.search(r"\b(?:animate|show|watch)\s+(?:the\s+)?switch(?:\s+(?P<post>S\s*[₁₂₃\d]))?\s+(?:being\s+)?"
                      r"(?P<how>clos(?:ing|ed|es)|open(?:ing|ed|s))\b", s, re.I)
    if shown:  # "animate the switch closing (rotating down to horizontal)": the switch closes
        closing = shown.group("how").lower().startswith("clos")
        return ("close" if closing else "open"), not closing, (shown.group("post") or "").replace(" ", "") or None
    for action, is_open, verb in (("close", False, words["closed"]["verb"]), ("open", True, words["open"]["verb"]),
                                  ("toggle", None, words["toggle"])):
        m = next((x for x in re.finditer(r"\b(?:" + verb + r")\s+(?:" + target + r")", s, re.I)
                  if not re.search(r"\b(?:an?|the|one|each|its)\s+$", s[max(0, x.start() - 8):x.start()], re.I)), None)  # not "an open switch"
        if m is None and is_open is not None:
            state = words["closed" if is_open is False else "open"]["state"]
            m = re.search(r"\bswitch(?:\s+(?P<post>S\s*[₁₂₃\d]))?\s+(?:is|gets|becomes)\s+(?:now\s+)?(?:" + state + r")\b", s, re.I)
            if m is not None:
                action = "state"  # "the switch is closed": a state said, not an order
        if m is not None:
            groups = m.groupdict()
            name = next((groups.get(g) for g in ("pre", "post", "bare") if groups.get(g)), None)
            return action, is_open, name.replace(" ", "") if name else None
    return None


def _switch_step(ctx: Context, i: int, params: dict, wanted: tuple) -> tuple[dict, dict | None]:
    """The circuit's params (a switch added or its first state set) and the toggle that puts the switch in the state
    the sentence asks for, from the state it is in now (as drawn, then toggled by the steps on screen since). A switch
    whose state was never written is drawn in the state before the change ("Close the switch": it was open); one
    already in the asked state is not toggled — said, not silent."""
    action, is_open, name = wanted
    elements = [dict(e) for e in params.get("elements") or []]
    if not any(e["type"] == "switch" for e in elements):
        # "Close the switch" names a switch the circuit did not list: it joins the loop
        elements = _named(elements + [{"type": "switch"}])[:10]
    switches = [e for e in elements if e["type"] == "switch"]
    chosen = [e for e in switches if name is None or (e.get("label") or "").lower() == name.lower()]
    if not chosen:
        ctx.lost(i, f"there is no switch {name}: the first switch is toggled")
    switch = (chosen or switches)[0]
    toggles = _toggles(ctx, switches, switch)
    step: dict | None = {"action": "toggle"} if switch is switches[0] else {"action": "toggle", "element": switch["name"]}
    if is_open is not None:
        if "open" not in switch and not toggles:
            switch["open"] = not is_open  # its state before the change the sentence asks for
        elif (bool(switch.get("open")) != (toggles % 2 == 1)) == is_open:
            if action != "state":
                state = "open" if is_open else "closed"
                ctx.lost(i, f"the switch is already {state}: it is not {'opened' if is_open else 'closed'} again")
            step = None
    return dict(params, elements=elements), step


def _toggles(ctx: Context, switches: list[dict], switch: dict) -> int:
    """How many times the steps on screen have toggled the switch (a toggle naming no switch is the first's)."""
    return sum(1 for b in since_clear(ctx) if b.kind == "circuit" and b.params.get("extend")
               for st in b.params.get("steps") or [] if st.get("action") == "toggle"
               and st.get("element", switches[0]["name"]) == switch["name"])


def _loop_open(ctx: Context, elements: list[dict], steps: list[dict]) -> bool:
    """Whether a series loop is open — a switch of it open once the steps on screen and `steps` have run (parallel
    branches are not judged here)."""
    switches = [e for e in elements if e["type"] == "switch"]
    return bool(switches) and not any(e.get("branch") for e in elements) and any(
        bool(e.get("open")) != ((_toggles(ctx, switches, e) + sum(
            1 for st in steps if st.get("action") == "toggle" and st.get("element", switches[0]["name"]) == e["name"])) % 2 == 1)
        for e in switches)


def _named(elements: list[dict]) -> list[dict]:
    """Elements get the names steps use: resistor, resistor 2, …; a voltmeter `across` names one of them."""
    counts: dict[str, int] = {}
    for e in elements:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
        if "name" not in e:
            e["name"] = e["type"] if counts[e["type"]] == 1 else f"{e['type']} {counts[e['type']]}"
    names = {e["name"] for e in elements}
    for e in elements:
        if e.get("across") and e["across"] not in names:
            e.pop("across")
    return elements


def _branches(elements: list[dict]) -> None:
    """"… in parallel": the elements after the battery each on a branch of their own — except those written
    before the split, which stay on the main line with the battery ("R1 on the top wire, then … parallel")."""
    k = 0
    on_branch = [e for e in elements if e["type"] not in ("battery", "voltmeter", "ammeter") and not e.get("series")]
    for e in elements:
        if e in on_branch and len(on_branch) >= 2:
            k += 1
            e["branch"] = min(k, 4)
    for e in elements:
        e.pop("series", None)


def _element_named(word: str, elements: list[dict]) -> str | None:
    w = word.lower().rstrip("s")
    return next((e["name"] for e in elements if e["name"] == w or e["type"] == w or (e.get("label") or "").lower() == w),
                None)
