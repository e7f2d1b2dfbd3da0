"""Rules for a stack (or a queue) whose contents the details follow, drawn as a row of cells that changes in place.

    Stack on the right (bottom to top), starting with [A].
    pop A from the stack.            Push E then D; stack becomes C, E, D.
    Stack (bottom to top): C, E, D.  End state: stack [C, E, D] with D on top.

Typed pieces: the stack's noun, an order in brackets, its contents as they are now (after a state word, or in
square brackets), and push/pop verbs with the items they move. A sentence that gives the contents draws them; one
that only pushes or pops changes the contents the scene (or the scene before) left. The row reads bottom to top
(a queue: front to back) from left to right, and each new state morphs in place (`update`).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted, mask_shown
from .knowledge import stack_words

_ITEM = r"[^\s,;\[\]().]{1,12}"
_ITEMS = _ITEM + r"(?:\s*,\s*(?:and\s+)?" + _ITEM + r"|\s+and\s+" + _ITEM + r")*"
_EMPTY = "(empty)"
MAX_ITEMS = 12


def _words() -> dict[str, re.Pattern]:
    w = stack_words()
    return {k: re.compile(r"(?<![\w])(?:" + v + r")(?![\w])", re.I) for k, v in w.items() if k != "state"} | {
        "state": re.compile(r"(?:\b(?:" + w["state"].replace("|=|:", "") + r")\b|[:=])(?:\s*\((?:from\s+)?(?:bottom|top|front|back)\s+"
                             r"to\s+(?:top|bottom|back|front)\))?", re.I)}


def _items(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+then\s+", text.strip()) if x.strip()]


def _is_queue(b: Beat) -> bool:
    return "Queue" in (b.params.get("label") or "")


def _last_state(ctx: Context, queue: bool | None = None) -> tuple[Beat, list[str]] | None:
    """The stack (or, `queue`, the queue; None: either) drawn in this scene, else the one the scene before left: its
    beat and its contents."""
    def wanted(b: Beat) -> bool:
        return b.rule.startswith("sequence:stack") and (queue is None or _is_queue(b) == queue)

    for b in since_clear(ctx):  # (newest first)
        if wanted(b):
            return b, [t for t in b.params["tokens"] if t != _EMPTY]
    for sp in reversed(ctx.history[-1:]):
        for b in reversed(sp.beats):
            if wanted(b):
                return b, [t for t in b.params["tokens"] if t != _EMPTY]
    return None


# 'push(3)', "enqueue('A')", 'pop()': the operations written as calls (often quoted, as a log line)
_CALL = re.compile(r"(?<![.\w])(push|pop|peek|enqueue|dequeue|popleft)\(\s*[\"'\u201c\u2018]?([^()\"'\u201c\u201d\u2018\u2019,\s]{1,12})?"
                   r"[\"'\u201d\u2019]?\s*\)", re.I)
_QLIST = r"((?:[\"\u201c][^\"\u201d]{1,6}[\"\u201d]\s*(?:,\s*(?:and\s+)?|\s+and\s+)){1,11}[\"\u201c][^\"\u201d]{1,6}[\"\u201d])"
# "a vertical pile of three boxes (bottom to top: "A", "B", "C")", "the container holding, bottom to top, "3", "7", "1"",
# "a horizontal row of three boxes ("A", "B", "C" from left to right)": the contents, quoted
_PILE = re.compile(r"\b(?:(piles?|stack|column|tower|row)\s+of\s+(?:[\w-]+\s+){0,2}(?:boxes|blocks|cells|slots|squares|plates)\b|"
                   r"(holding|holds|containing|contains)\b)[^.;\"\u201c]{0,50}?" + _QLIST, re.I)


def _called(ex: Extracted, ctx: Context, i: int, w: dict) -> list[Beat] | None:
    """A stack or a queue the scene speaks of, changed by operations written as calls ("push(7)": a box "7" lands on
    top) or drawn with its contents quoted in a pile or a row; None when the sentence has neither."""
    s = ex.sentence
    calls = list(_CALL.finditer(s))
    pile = _PILE.search(s)
    if not (calls or pile) or not ctx.mentions(r"\b(?:stacks?|queues?)\b"):
        return None
    near = s + " " + (ctx.beats[-1].source if ctx.beats else "")
    moved: list[str] = []  # the items the calls push or take off
    queue = any(c.group(1).lower() in ("enqueue", "dequeue", "popleft") for c in calls) or bool(
        pile and (pile.group(1) or "").lower() == "row" and re.search(r"\bqueue\b", near, re.I))
    if pile and not calls:
        if (pile.group(1) or "").lower() == "row" and not queue:
            return None  # a row of boxes in a scene about a stack: not the stack's pile
        if pile.group(2) and not re.search(
                r"\b(?:container|stack|queue|pile)\b", s[:pile.start()], re.I):
            return None
        tokens = [m.group(1) or m.group(2) for m in re.finditer(r"\"([^\"]{1,6})\"|\u201c([^\u201d]{1,6})\u201d", pile.group(3))]
        if re.search(r"\btop\s+to\s+bottom\b", s, re.I):
            tokens = tokens[::-1]
    else:
        last = _last_state(ctx, queue)
        if last is not None and last[0] not in since_clear(ctx) and ctx.mentions(
                r"\bempty\s+(?:[\w-]+\s+){0,2}(?:stack|queue|container|pile)s?\b"):
            last = None  # "draw an empty open-top container" then "push(3)": this scene's stack starts empty
        tokens = list(last[1]) if last else []
        for c in calls:
            op, arg = c.group(1).lower(), c.group(2)
            if op in ("push", "enqueue") and arg:
                tokens.append(arg)
                moved.append(arg)
            elif op in ("pop", "dequeue", "popleft"):
                if tokens:  # (on an empty one nothing is taken off: the underflow the scene shows)
                    moved.append(tokens.pop(0 if queue else -1))
        if last is not None and last[0] in since_clear(ctx) and not moved:
            return None  # "peek()": the stack on screen stays as it is
    # the boxes' own names ("a box containing "3" drops …") are the cells drawn; a logged call is written beside
    ctx.consumed.update(q for q in ex.quoted if q in tokens + moved)
    return [_stack_beat(ex, ctx, i, tokens, queue)]


def _stack_beat(ex: Extracted, ctx: Context, i: int, tokens: list[str], queue: bool) -> Beat:
    """The stack (or queue) with these contents: a new row, or the one of its kind on screen in a new state
    (`update`, morphed in place); more than MAX_ITEMS are said, not drawn."""
    if len(tokens) > MAX_ITEMS:
        ctx.lost(i, f"the {'queue' if queue else 'stack'} holds {len(tokens)} items: only the first {MAX_ITEMS} are drawn")
        tokens = tokens[:MAX_ITEMS]
    label = "Queue (front → back)" if queue else "Stack (bottom → top)"
    here = any(b.rule.startswith("sequence:stack") and _is_queue(b) == queue for b in since_clear(ctx))
    params = {"tokens": tokens or [_EMPTY], "label": label, **({"update": True} if here else {})}
    return _beat("sequence", "sequence:stack" + ("-changed" if here else ""), ex, i, list(params["tokens"]) + [label],
                 _kw(ex.sentence) + ("stack",), **params)


def _contents(s: str, w: dict) -> list[str] | None:
    """The contents the sentence gives: "stack becomes C, E, D", "Stack (bottom to top): C, E, D", "stack [C, E, D]",
    "starting with [A]"; [] when it says the stack is empty; None when it gives none."""
    noun = w["nouns"].search(s)
    if noun is None:
        return None
    after = s[noun.end():]
    if re.match(r"\s*(?:\([^()]*\)\s*)?(?:" + w["empty"].pattern + r")", after, re.I) or re.search(
            r"\b(?:is|becomes|now)\s+empty\b", after[:30], re.I):
        return []
    # (not "at x = 3": a position; "stack = [start]" is the stack's contents)
    state = next((m for m in w["state"].finditer(after[:60]) if not re.search(r"\b[xyz]\s*$", after[:m.start()])), None)
    at = state.end() if state else len(re.match(r"\s*(?:\([^()]*\))?", after).group(0))
    bracket = re.match(r"\s*\[\s*(" + _ITEMS + r")?\s*\]", after[at:])
    if bracket:  # "stack [C, E, D]", "starting with [A]"
        return _items(bracket.group(1) or "")
    if state:
        m = re.match(r"\s*(" + _ITEMS + r")(?=\s*(?:$|[.;]|\s+with\b|\s+\())", after[at:])
        if m:
            return _items(m.group(1))
    return None


def rule_stack(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    w = _words()
    called = _called(ex, ctx, i, w)
    if called is not None:
        return called
    empty = re.search(r"\b(?:draw|show|display|start\s+with|begin\s+with|place)\b[^.;]{0,30}?\ban?\s+empty\s+(?:[\w-]+\s+){0,2}?"
                      r"(stack|queue|container|pile)\b", ex.sentence, re.I)
    if empty and ctx.mentions(r"\b(?:stacks?|queues?)\b") and not any(b.rule.startswith("sequence:stack") for b in since_clear(ctx)):
        # "In the center draw an empty stack container": the stack, empty, that the pushes after it fill
        queue = empty.group(1).lower() == "queue" or (empty.group(1).lower() != "stack" and not ctx.mentions(r"\bstacks?\b"))
        ctx.consumed.update(q for q in ex.quoted if q.lower() in ("stack", "queue"))
        return [_stack_beat(ex, ctx, i, [], queue)]
    s = mask_shown(ex.sentence)  # (a quoted caption "Pop A → visit → push C, B" pushes nothing)
    noun = w["nouns"].search(s)
    last = _last_state(ctx)
    push, pop = w["push"].search(s), w["pop"].search(s)
    if noun is None and not (last and (push or pop)):
        return []
    if noun is not None and last is None and not re.search(r"\[|\b(?:starting|starts|holds|contains|becomes)\b|\(\s*(?:bottom|top|"
                                                          r"front|back)\s+to\b|\bstack\s*(?:\([^()]*\)\s*)?:", s, re.I):
        return []  # "the call stack grows": no contents to draw
    queue = bool(noun and noun.group(0).lower() == "queue") or (last is not None and "Queue" in (last[0].params.get("label") or ""))
    tokens = _contents(s, w)
    if tokens is None and last is not None and (push or pop):
        if re.search(r"\b(?:nothing|no\s+\w+)\s+(?:is\s+|gets\s+)?(?:push|pop|enqueue|dequeue)", s, re.I):
            ctx.stop = True
            ctx.modified.add(i)
            return []  # "Nothing is pushed.": the stack stays as it is
        tokens = list(last[1])
        for m in sorted([x for x in (push, pop) if x], key=lambda x: x.start()):
            if m is pop:
                if tokens:
                    named = re.match(r"\s*(" + _ITEM + r")\b", s[m.end():])
                    if named and named.group(1) in tokens:
                        tokens.remove(named.group(1))  # "pop A"
                    else:
                        tokens.pop(0 if queue else -1)
            else:
                m2 = re.match(r"\s*(" + _ITEM + r"(?:\s*,\s*(?:and\s+)?" + _ITEM + r"|\s+(?:then|and)\s+" + _ITEM + r")*)"
                              r"(?=\s*(?:$|[.;]|,\s*(?:so|then|and|which|giving)\b|\s+(?:on|onto|to|in)\b))", s[m.end():])
                pushed = [x for x in _items(m2.group(1)) if x.lower() not in ("it", "them", "onto", "the")] if m2 else []
                tokens += pushed
    if tokens is not None and any("\x01" in t for t in tokens):
        # 'Queue becomes "5, 6".': the contents are written in quotes (masked above) — read them as written
        quoted = re.search(r"\b(?:becomes?|is\s+now|now|holds|contains)\s*:?\s*[\"\u201c]([^\"\u201d]{1,80})[\"\u201d]", ex.sentence, re.I)
        tokens = _items(quoted.group(1)) if quoted and re.fullmatch(r"\s*" + _ITEMS + r"\s*", quoted.group(1)) else None
        if tokens is not None:
            ctx.consumed.add(quoted.group(1))
    if tokens is None:
        return []
    if re.search(r"\(\s*top\s+to\s+bottom\s*\)", s, re.I):
        tokens = tokens[::-1]  # written top first: the row reads bottom to top
    ctx.stop = True  # the sentence is about the stack: nothing else to draw for it (its quoted caption aside)
    stack = _stack_beat(ex, ctx, i, tokens, queue)
    rest = [q for q in ex.quoted if q not in ctx.consumed]
    return [stack] + [_beat("text", "text:quoted-string", ex, i, [q], _kw(q), text=q, role="note") for q in rest]
