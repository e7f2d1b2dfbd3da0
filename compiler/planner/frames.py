"""Frames asked round one thing a scene writes — a compose step, after the rules ran.

Styles and details often ask for a frame: "Final line boxed in green (#83C167)", "Main result: size 44, centered,
inside a yellow rectangle", "Summary box with white stroke", "Show the atomic masses in a small box". Each request
names its thing — the scene's answer (its last formula line), a quoted text, or words the details used for it — and
becomes a `highlight` box right after the beat that draws it (the box stays and leaves with it). A thing drawn by a
component with boxes of its own (a flow box) is not boxed again; a request that names nothing drawn is said (SB307),
never dropped without a word. The words are data (lexicon `frames`); this module names no subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .beats import Beat
from .context import _kw
from .extract import mask_shown
from .knowledge import frame_words
from .theme import COLOUR_RE, _luminance, colour_value

_W = frame_words()
_HEX = r"(?:\s*\(\s*#[0-9A-Fa-f]{3,6}\s*\))?"
_ADJS = r"(?:(?:" + _W["adjectives"] + r")[\s,]+)*"


def _col(name: str) -> str:
    return r"(?P<" + name + r">" + COLOUR_RE.pattern + r")" + _HEX


# "final line boxed in green (#83C167)", "3.56% red and boxed"
_BOXED = re.compile(r"\b(?:and\s+)?(?:boxed|framed)\b(?:\s*(?:in|with)?\s*(?:a\s+|an\s+)?" + _col("c1") + r")?", re.I)
# "inside a yellow (#FFFF00) rectangle", "in a rounded box", "surrounded by a blue rectangle", "in a black rectangle
# with a yellow border"
_INSIDE = re.compile(r"\b(?:inside|in|with|within|surrounded\s+by|enclosed\s+(?:in|by)|framed\s+by|wrapped\s+in)\s+(?:a|an)\s+"
                     + _ADJS + r"(?:" + _col("c2") + r"\s+)?" + _ADJS + r"(?:" + _W["nouns"] + r")\b"
                     r"(?:\s+in\s+(?:a\s+)?" + _col("c5") + r")?"  # ("with a SurroundingRectangle in yellow")
                     r"(?:\s+with\s+(?:a\s+|an\s+)?" + _ADJS + _col("c3") + r"\s+(?:border|stroke|outline|edge))?", re.I)
# a style entry for "the summary box": "Summary box with white stroke", "Warning box: red (#FC6255) border"
_NAMED_BOX = re.compile(r"^\s*(?P<el>(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)\s+box(?:es)?\b(?:\s*[:,]?\s*(?:with\s+)?"
                        r"(?:a\s+|an\s+)?" + _ADJS + _col("c4") + r")?", re.I)
# a sentence of the details that writes its thing in a box: "… in a small box", "a summary box with four rows"
_BOX_WITH = re.compile(r"(?:^\W*(?:\d+[.)]\s*)?|\b(?:a|an|the)\s+)" + _ADJS + r"(?:[\w-]+\s+){0,2}?(?:" + _W["nouns"] + r")\s+(?:with|containing|"
                       r"holding|showing)\b", re.I)
_SIZE = re.compile(r"\b(?:font\s+)?size\s*\d+(?:\.\d+)?|\b\d+\s*%\s*opacity|\bopacity\s*\d+(?:\.\d+)?%?", re.I)
_QUOTED = re.compile(r"[\"'\u201c\u2018]([^\"'\u201d\u2019]{1,60})[\"'\u201d\u2019]")
_ANSWER_HEADS = ("final", "answer", "result", "results", "last")
_MARKS = ("highlight",)


@dataclass
class _Request:
    words: list[str]        # the content words naming the thing ("main result", "summary")
    quoted: list[str]       # texts the request quotes ("result '1 s' boxed")
    colour: str | None
    text: str               # the clause or sentence it came from
    detail_index: int | None = None  # the details sentence (None: the style)
    named_box: bool = False  # "Summary box with white stroke": a box the details call by that name
    thing_colour: str | None = None  # "Final answer green (#83C167), size 40, inside a rectangle": the thing's colour
    owner: list[str] = field(default_factory=list)  # "Derivation right half, …, the final line boxed": what it ends


def _colour(m: re.Match) -> str | None:
    word = next((m.group(g) for g in ("c3", "c1", "c2", "c5", "c4") if g in m.re.groupindex and m.group(g)), None)
    hexed = re.search(r"#[0-9A-Fa-f]{6}", m.group(0))
    value = colour_value(hexed.group(0)) if hexed else colour_value(word) if word else None
    if value and len(value) == 7 and _luminance(value) < 60:
        return None  # "in a black rectangle": a dark panel; its frame takes the highlight colour
    return value


def _words(phrase: str) -> tuple[list[str], list[str]]:
    quoted = [q.strip() for q in _QUOTED.findall(phrase) if q.strip()]
    rest = _SIZE.sub(" ", _QUOTED.sub(" ", phrase))
    rest = COLOUR_RE.sub(" ", re.sub(r"\(\s*#[0-9A-Fa-f]{3,6}\s*\)", " ", rest))
    words = [w for w in re.findall(r"[^\s,;:()]+", rest.lower()) if w not in _W["place_words"]]
    return [w.strip(".") for w in words if w.strip(".")], quoted


def style_requests(style: str) -> list[_Request]:
    """The frames a scene's style asks for, one per clause that asks."""
    out: list[_Request] = []
    for clause in re.split(r"(?<=[.;!])\s+|\n", style):
        clause = clause.strip()
        if not clause:
            continue
        segs = re.split(r",\s*(?![^()]*\))", clause)
        for seg in segs:
            m = _BOXED.search(seg) or _INSIDE.search(seg)
            if not m:
                continue
            words, quoted = _words(seg[:m.start()])
            if not words and not quoted:
                words, quoted = _words(re.split(r"[:,]", clause, maxsplit=1)[0])
            # a frame of no colour of its own takes the thing's ("Final answer green, size 40, inside a rectangle")
            thing = re.search(r"(" + COLOUR_RE.pattern + r")(?:\s*\(\s*(#[0-9A-Fa-f]{6})\s*\))?",
                              clause[:clause.find(seg)] + seg[:m.start()])
            col = _colour(m) or (colour_value(thing.group(2) or thing.group(1)) if thing else None)
            # the thing's own colour, said right after its name ("Final answer green (#83C167), size 40, …")
            said = re.match(r"\s*[\w '-]+?\s+(" + COLOUR_RE.pattern + r")(?:\s*\(\s*(#[0-9A-Fa-f]{6})\s*\))?\s*$",
                            segs[0] if seg is not segs[0] else seg[:m.start()])
            own = colour_value(said.group(2) or said.group(1)) if said else None
            named = bool(words) and words[-1] in ("box", "boxes")  # "Mock transport box in yellow with a dashed border"
            if named:
                words = words[:-1]
            # "Derivation right half, size 30, the final line boxed in green": the last line of what the clause is about
            owner = _words(segs[0])[0] if seg is not segs[0] and words and set(words) <= set(_W["answer_words"]) else []
            if re.match(r"\s*(?:the\s+)?(?:final|last|closing|ending)\s+(?:text|caption|message|statement)\b", clause, re.I):
                owner = ["text"]  # "Final text size 30, white, bottom center, with a SurroundingRectangle": the last text
            if words or quoted:
                out.append(_Request(words, quoted, col, clause, named_box=named, thing_colour=own, owner=owner))
            break
        else:
            m = _NAMED_BOX.match(clause)
            if m and not re.search(r"\bboxes\b", m.group(0), re.I):
                words, quoted = _words(m.group("el"))
                # ("Eve's knowledge in red box (#FC6255) at top left": the code written after the box is its colour)
                hexed = re.search(r"#[0-9A-Fa-f]{6}\b", clause)
                col = _colour(m) or (colour_value(hexed.group(0)) if hexed else None)
                if words or quoted:
                    out.append(_Request(words, quoted, col, clause, named_box=True))
    return out


def detail_requests(details: tuple[str, ...]) -> list[_Request]:
    """Sentences of the details that write their thing in a box ("Show the atomic masses in a small box", "Summary
    box with four rows:", "Show "m = 4" boxed")."""
    out: list[_Request] = []
    for i, sentence in enumerate(details):
        bare = mask_shown(sentence)
        m = _BOXED.search(bare) or _INSIDE.search(bare) or _BOX_WITH.search(bare)
        if m and not re.search(r"\b(?:around|round)\b", bare, re.I):
            out.append(_Request([], [], _colour(m), sentence, i))
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s).lower()


def _lines(b: Beat) -> list[str]:
    if b.kind == "steps":
        return [str(x) for x in b.params.get("lines") or ()]
    if b.kind == "equation":
        return [str(x) for x in b.params.get("exprs") or ()]
    return [s for s in b.strings if s]


_ASKS_BOX = re.compile(r"\b(?:box|boxed|boxes|frame|framed|rectangle|surround|surrounds|surrounded)\b", re.I)


@dataclass
class _Where:
    k: int                  # the beat the frame goes round
    line: str | None        # the line of it (None: all of it)
    piece: str | None       # the piece of that line
    by_answer: bool = False  # found as "the scene's answer", not by its name


def _phrase(words: list[str]) -> re.Pattern:
    """The request's words one after another in a sentence, each as a word or the start of one ("atomic mass" in
    "the atomic masses"; "main result" in "Write the main result:")."""
    stem = [re.escape(w if len(w) < 5 else w[:max(4, len(w) - 2)]) for w in words]
    return re.compile(r"(?<![\w])" + r"\w*\W+(?:the\s+|of\s+|a\s+)?".join(stem), re.I)


def _kinds_named(words: list[str]) -> tuple[str, ...]:
    """The kinds the first noun among `words` names ("equation" -> equation, steps; lexicon `frames.kind_nouns`)."""
    return next((tuple(kinds) for noun, kinds in _W["kind_nouns"].items() if any(re.fullmatch(noun, w) for w in words)), ())


def _resolve(req: _Request, beats: list[Beat]) -> _Where | str | None:
    """Where the frame goes; "own" when the thing is a component with boxes of its own, or a box no sentence calls by
    the style's name; None when nothing drawn is named so."""
    written = set(_W["written_kinds"])
    drawn = [(k, b) for k, b in enumerate(beats) if b.kind not in ("title", "highlight", "clear", "move")]
    heads = any(w in _ANSWER_HEADS for w in req.words)
    if req.named_box and not all(w in _W["answer_words"] for w in req.words):
        # "Summary box with white stroke" is the box the details call "a summary box"; "Alice box blue" the box of a
        # diagram (drawn by its component, or not a frame round anything written)
        said = re.compile(_phrase(req.words).pattern + r"\w*(?:'s)?\s+box\b", re.I)
        for k, b in reversed(drawn):
            if said.search(mask_shown(b.source)):
                return _Where(k, None, None) if b.kind in written else "own"
        stems = [re.escape(w.rstrip("'s")[:4]) for w in req.words if len(w.rstrip("'s")) >= 3 and w not in ("the", "and")]
        if len(stems) >= 2 and any(w.endswith("'s") for w in req.words):  # (a name's thing: "Eve's knowledge")
            # "Eve's knowledge in red box" for 'Show what Eve knows: "n = 33, e = 3, c = 31"': the text the words name
            loose = re.compile(r"(?<![\w])" + r"\w*\W+(?:\w+\s+)?".join(stems), re.I)
            for k, b in reversed(drawn):
                if b.kind in written and loose.search(mask_shown(b.source)):
                    return _Where(k, None, None)
        return "own"
    for q in req.quoted:  # "result '1 s' boxed"
        for k, b in reversed(drawn):
            line = next((s for s in _lines(b) if _norm(q) in _norm(s)), None)
            if line is not None:
                return _Where(k, line, q if _norm(q) != _norm(line) else None) if b.kind in written else "own"
    nth = re.search(r"\bline\s+(\d{1,2})\b", " ".join(req.words), re.I)
    if nth:  # "Final line 5 boxed in yellow": the fifth line of the derivation, not a line that shows a 5
        n = int(nth.group(1))
        for k, b in reversed(drawn):
            if b.kind == "steps" and len(_lines(b)) >= n >= 1:
                return _Where(k, _lines(b)[n - 1], None)
    content = [w for w in req.words if w not in _W["answer_words"]]
    tokens = [w for w in content if re.search(r"[\d=≈_$%]", w) or len(w) <= 3]
    if tokens and len(tokens) == len(content):
        for k, b in reversed(drawn):  # "The SSE value boxed", "the final $31 … boxed": the line that shows it
            if b.kind in ("steps", "equation"):
                line = next((s for s in reversed(_lines(b)) if all(_norm(t) in _norm(s) for t in tokens)), None)
                if line is not None:
                    piece = tokens[0] if len(tokens) == 1 and re.fullmatch(r"[$€£]?\d[\d.,]*%?", tokens[0]) else None
                    return _Where(k, line, piece)
    if content and len(content) <= 4 and any(re.search(r"\d", w) for w in content):
        for k, b in reversed(drawn):  # "Final 1.75 bits … with a SurroundingRectangle": the line that shows all of it
            if b.kind in ("steps", "equation"):
                line = next((s for s in reversed(_lines(b)) if all(_norm(t) in _norm(s) for t in content)), None)
                if line is not None:
                    return _Where(k, line, None)
    named = [w for w in req.words if w not in ("the", "a", "an")]
    if named:
        said = _phrase(named)
        for k, b in reversed(drawn):  # "Main result … inside a yellow rectangle": the beat the details call so
            if said.search(mask_shown(b.source)) or any(said.search(s) for s in b.strings if s):
                if b.kind not in written:
                    return "own"
                if b.kind in ("steps", "equation") and heads:
                    return _Where(k, _lines(b)[-1], None)
                return _Where(k, None, None)
    kinds = _kinds_named(named)  # "Closing equation … inside a rectangle": the last equation
    if kinds:
        found = [(k, b) for k, b in reversed(drawn) if b.kind in kinds]
        # ("Final formula boxed" after the derivation and a numerical check line: the derivation's result, not the check)
        kept = [(k, b) for k, b in found if not re.search(r"\b(?:check|verif\w*|sanity)\b", mask_shown(b.source), re.I)]
        for k, b in (kept or found)[:1]:
            if b.kind == "steps" and heads and _lines(b):
                return _Where(k, _lines(b)[-1], None)
            return _Where(k, None, None) if b.kind in written else "own"
    if content and not heads:
        return None
    for kind in _kinds_named(req.owner):  # "Derivation …, the final line boxed": the last line of the derivation
        for k, b in reversed(drawn):
            if b.kind == kind and kind in written and _lines(b):
                return _Where(k, _lines(b)[-1] if kind in ("steps", "equation") else None, None)
    if heads:
        for k, b in reversed(drawn):  # a text that says it is the answer ("Answer: about 132 g of CO2")
            if b.kind == "text" and re.match(r"\s*(?:the\s+)?(?:final\s+)?(?:answer|result)s?\b\s*[:=]", str(
                    b.params.get("text") or ""), re.I):
                return _Where(k, None, None, by_answer=True)
        for k, b in reversed(drawn):
            if b.kind in ("steps", "equation") and _lines(b):
                return _Where(k, _lines(b)[-1], None, by_answer=True)
    return None


def _marked_already(beats: list[Beat], req: _Request, where: _Where) -> int | None:
    """The mark already round that thing that the details asked to be a box ("Box the final answer", "Surround the
    final results … with a box", "Show Euler's theorem in a box"); for the scene's answer, any such mark."""
    k, line = where.k, where.line
    named = [w for w in req.words if w not in ("the", "a", "an")]
    for j, b in enumerate(beats):
        if b.kind != "highlight" or b.params.get("mode") in ("dim", "pulse", "fill"):
            continue
        if b.params.get("mode") != "box" and not _ASKS_BOX.search(mask_shown(b.source)):
            continue
        t = b.params.get("target")
        if where.by_answer and (t is None and j > 0 and beats[j - 1].kind in ("steps", "equation") or t and any(
                _norm(t) == _norm(x) for f in beats if f.kind in ("steps", "equation") for x in _lines(f))):
            return j  # (a mark on a formula line: the answer's; not the box round a reminder note)
        if b.detail_index == beats[k].detail_index and b.params.get("mode") == "box" \
                or t is None and j == k + 1 or t and (line and _norm(t) == _norm(line) or any(
                    _norm(t) == _norm(s) for s in beats[k].strings if s)) \
                or named and _phrase(named).search(mask_shown(b.source)):
            return j
    return None


def _box_named(beats: list[Beat], req: _Request) -> int | None:
    """A mark the details asked to be a box, in a sentence that says the request's words ("Results box: green stroke"
    and "Surround the final results … with a box"; "Reminder box" and "… as a reminder in a small box")."""
    named = [w for w in req.words if w not in ("the", "a", "an")]
    if not named:
        return None
    said = _phrase(named)
    return next((j for j, b in enumerate(beats) if b.kind == "highlight" and b.params.get("mode") not in
                 ("dim", "pulse", "fill") and said.search(mask_shown(b.source))), None)


def _as_box(b: Beat, colour: str | None) -> Beat:
    params = {**b.params, "mode": "box"}
    if colour and not colour_named_in(b.source):
        params["color"] = colour  # (the style's colour for it, unless its own sentence names one)
    return Beat(b.kind, params, b.strings, b.rule, b.source, b.detail_index, b.keywords, b.place)


def colour_named_in(sentence: str) -> bool:
    return bool(COLOUR_RE.search(mask_shown(sentence)))


def framed(beats: list[Beat], style: str, details: tuple[str, ...]) -> tuple[list[Beat], list[tuple[str, str]]]:
    """The beats with the frames their scene asks for; and what could not be framed, as (clause, what) pairs."""
    out = list(beats)
    lost: list[tuple[str, str]] = []
    written = set(_W["written_kinds"])
    for req in detail_requests(details):
        own = [b for b in out if b.detail_index == req.detail_index and b.kind not in ("title", "clear", "move")]
        if not own or any(b.kind == "highlight" and b.params.get("mode") == "box" for b in own):
            continue  # (nothing drawn for it is an SB301 of its own; a box the rules drew is the frame)
        if any(b.kind not in written and b.kind not in _MARKS for b in own):
            continue  # a figure of its own ("Draw a box labeled "Alice"")
        if not any(b.kind in written for b in own):
            continue
        last = max(out.index(b) for b in own if b.kind in written)
        out.insert(last + 1, _frame(out[last], None, req.colour, "highlight:asked-frame"))
    for req in style_requests(style):
        j = _box_named(out, req)
        if j is not None:  # the details drew the mark: the style says it is a box, and of what colour
            out[j] = _as_box(out[j], req.colour)
            continue
        only_marks = req.named_box and all(w in _W["answer_words"] for w in req.words)
        where = _resolve(req, out)
        if where == "own" or only_marks and where is None:
            continue
        if where is None:
            name = " ".join(req.words) or ", ".join(repr(q) for q in req.quoted)
            lost.append((req.text, f"the frame the style asks round {name!r} (nothing drawn is named so)"))
            continue
        j = _marked_already(out, req, where)
        if j is not None:
            out[j] = _as_box(out[j], req.colour)
            continue
        if only_marks:
            continue  # "Final box green": the colour of a box the details ask for, or of a diagram's own box
        b = out[where.k]
        if req.thing_colour and b.kind in ("text", "equation") and "color" not in b.params and where.line is None:
            # "Final answer green, size 40, inside a rectangle": the answer in green, in its frame
            out[where.k] = Beat(b.kind, {**b.params, "color": req.thing_colour}, b.strings, b.rule, b.source,
                                b.detail_index, b.keywords, b.place)
        out.insert(where.k + 1, _frame(out[where.k], where.line, req.colour, "highlight:style-frame", where.piece))
    return out, lost


def _frame(b: Beat, line: str | None, colour: str | None, rule: str, piece: str | None = None) -> Beat:
    params: dict = {"target": line, "mode": "box"}
    if piece:
        params["part"] = piece
    if colour:
        params["color"] = colour
    # timed by what it frames — the line the narration reaches last — so it does not take a sentence of its own that
    # squeezes the derivation before it into the first one
    last = line or next((str(x) for x in reversed(b.strings) if x), None)
    return Beat("highlight", params, (), rule, b.source, b.detail_index, (_kw(last) if last else ()) or b.keywords)
