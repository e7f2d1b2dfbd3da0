"""Planner rules: one sentence of `animation_details` -> beats.

Each rule looks at the parameters extracted from the sentence (see `extract.py`) and at cue words,
and returns beats tagged with its name. Rules run in order; several may fire on one sentence
(e.g. "Highlight the slow processing with a clock icon" gives `highlight` and `icon`). Quoted
strings no rule consumed are still drawn by the fallback rule, so nothing the details ask to show
is lost.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Callable

from .beats import Beat
from .extract import Extracted, count_in, enumeration
from .theme import Theme

ICON_NAMES = ("clock", "bag", "document", "person", "lightbulb", "gear", "check", "cross", "database", "chip")
ICON_ALIASES = {"text": "document", "page": "document", "file": "document", "user": "person", "people": "person",
                "idea": "lightbulb", "bulb": "lightbulb", "settings": "gear", "cog": "gear", "tick": "check",
                "timer": "clock", "stopwatch": "clock", "time": "clock", "storage": "database", "data": "database",
                "cpu": "chip", "processor": "chip", "hardware": "chip", "image": "document", "speech": "person",
                "x": "cross", "error": "cross", "wrong": "cross", "ok": "check", "correct": "check"}


@dataclass
class Context:
    """What the rules know about the scene so far."""

    theme: Theme
    scene_plot: str
    beats: list[Beat] = field(default_factory=list)
    consumed: set[str] = field(default_factory=set)  # strings already drawn by a rule for this sentence

    @property
    def has_title(self) -> bool:
        return any(b.kind == "title" for b in self.beats)


Rule = Callable[[Extracted, Context, int], list[Beat]]


def _beat(kind: str, rule: str, ex: Extracted, index: int, strings, keywords=(), **params) -> Beat:
    params = {k: v for k, v in params.items() if v is not None}
    return Beat(kind, params, tuple(strings), rule, ex.sentence, index, tuple(keywords))


def _has(ex: Extracted, pattern: str) -> bool:
    return re.search(pattern, ex.low) is not None


def _kw(text: str) -> tuple[str, ...]:
    stop = {"the", "a", "an", "of", "and", "to", "with", "show", "display", "then", "text", "for", "in", "on", "each"}
    return tuple(dict.fromkeys(w for w in re.findall(r"[a-z][a-z-]{2,}", text.lower()) if w not in stop))


# ----------------------------------------------------------------------------- rules
def rule_clear(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if ctx.beats and _has(ex, r"^\s*(?:then\s+)?(?:transition(?:s)? to|clear (?:the )?screen|fade (?:everything )?out|switch to|move on to|cut to)\b"):
        return [_beat("clear", "clear:transition-cue", ex, i, ())]
    return []


def rule_title(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if not ex.quoted:
        return []
    title_cue = _has(ex, r"\b(title|heading|headline)\b")
    first_text = (not ctx.beats or all(b.kind == "clear" for b in ctx.beats[-1:])) and len(ex.quoted) == 1 and _has(
        ex, r"^\s*(?:start with|begin with|open with|display|show|write|transition to|then)\b[^\"]{0,20}\"") \
        and not _has(ex, r"\b(boxes|box|diagram|blocks?|arrows?|matri(?:x|ces)|list)\b")
    short = len(ex.quoted[0]) <= 60
    if (title_cue or first_text) and short and not _has(ex, r"\b(list|items|bullets?)\b.*\".*\".*\""):
        text = ex.quoted[0]
        subtitle = None
        m = re.search(r"subtitle[^\"]*\"([^\"]+)\"", ex.sentence, re.I)
        if m:
            subtitle = m.group(1)
        elif title_cue and len(ex.quoted) == 2 and not _has(ex, r"\blist\b"):
            subtitle = ex.quoted[1]
        strings = [text] + ([subtitle] if subtitle else [])
        ctx.consumed.update(strings)
        return [_beat("title", "title:" + ("cue-word" if title_cue else "first-display"), ex, i, strings,
                      _kw(text), text=text, subtitle=subtitle)]
    return []


def rule_bullets(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    headings = list(re.finditer(r'(?:titled|headed|called)\s+"([^"]+)"', ex.sentence, re.I))
    if len(headings) >= 2:
        # "a list titled "A" with …, followed by a second list titled "B" with …": one list per heading
        beats: list[Beat] = []
        for k, h in enumerate(headings):
            end = headings[k + 1].start() if k + 1 < len(headings) else len(ex.sentence)
            part = Extracted(ex.sentence[h.start():end])
            part.quoted = [m.group(1) for m in re.finditer(r'"([^"]+)"', part.sentence)]
            beats += _bullets_from(part, ctx, i, source=ex)
        return beats
    return _bullets_from(ex, ctx, i, source=ex)


def _bullets_from(ex: Extracted, ctx: Context, i: int, source: Extracted) -> list[Beat]:
    items = [q for q in ex.quoted if q not in ctx.consumed]
    list_cue = _has(source, r"\b(list|lists|bullets?|items|points|checklist|numbered|recap)\b")
    if len(items) >= 2 and (list_cue or len(items) >= 2):
        heading = None
        m = re.search(r"(?:titled|headed|called)\s+\"([^\"]+)\"", ex.sentence, re.I)
        if m and m.group(1) in items:
            heading = m.group(1)
            items = [x for x in items if x != heading]
        style = "dot"
        if all(re.match(r"^\s*[✓✔]", x) for x in items):
            style = "check"
        elif all(re.match(r"^\s*[✗✘×]", x) for x in items):
            style = "cross"
        elif _has(ex, r"\bnumbered\b") or all(re.match(r"^\s*\d+[.)]?\s", x) for x in items):
            style = "numbered"
        clean = [re.sub(r"^\s*(?:[✓✔✗✘×•-]|\d+[.)]?)\s*", "", x) if style != "dot" else x for x in items]
        ctx.consumed.update(items + ([heading] if heading else []))
        role = "good" if style == "check" else "bad" if style == "cross" else None
        return [_beat("bullets", "bullets:" + ("list-cue" if list_cue else "several-quoted"), source, i,
                      ([heading] if heading else []) + clean, sum((_kw(x) for x in clean), ()),
                      items=clean, title=heading, style=style, role=role)]
    return []


def rule_equation(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    formulas = list(ex.formulas)
    if not formulas:
        m = re.search(r"\b(?:formula|equation)s?\s*:\s*(.+?)\.?$", ex.sentence, re.I)
        if m and "=" in m.group(1) and not ex.quoted:
            formulas = [m.group(1).strip()]
        elif _has(ex, r"\b(formula|equation)s?\b"):
            formulas = [q for q in ex.quoted if q not in ctx.consumed and ("=" in q or "(" in q)]
    if not formulas:
        return []
    ctx.consumed.update(formulas)
    label = None
    m = re.search(r"\(([^()]*?(?:formula|equation|rule|law)[^()]*)\)", ex.sentence, re.I)
    if m:
        label = m.group(1)
    return [_beat("equation", "equation:formula", ex, i, formulas + ([label] if label else []),
                  _kw(ex.sentence), exprs=formulas, label=label)]


def rule_code(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    code = [c for c in ex.code if c not in ctx.consumed]
    if not code:
        return []
    ctx.consumed.update(code)
    return [_beat("code", "code:backticked-non-math", ex, i, code, _kw(ex.sentence), code="\n".join(code),
                  language="python")]


def _placeholder_matrix(seed: str, rows: int, cols: int) -> list[list[float]]:
    h = hashlib.sha256(seed.encode()).digest()
    return [[round(((h[(r * cols + c) % 32] / 255) * 2 - 1), 1) if False else round(h[(r * cols + c) % 32] / 255, 1)
             for c in range(cols)] for r in range(rows)]


def rule_matrix(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    beats: list[Beat] = []
    for word, vec in ex.pairs:
        ctx.consumed.add(word)
        beats.append(_beat("matrix", "matrix:word-to-vector", ex, i, [word] + [_fmt(v) for v in vec], _kw(word),
                           values=[vec], label=word, op="show"))
    for m in ex.matrices:
        beats.append(_beat("matrix", "matrix:literal", ex, i, [_fmt(v) for row in m for v in row], _kw(ex.sentence),
                           values=m, label=_label_after(ex.sentence), op="show"))
    if beats:
        return beats
    if _has(ex, r"\bmatri(?:x|ces)\b"):
        label = _label_after(ex.sentence)
        values = _placeholder_matrix(ex.sentence, 3, 4)
        if _has(ex, r"\bmatrix addition\b|\badd(?:ing|ition)?\b"):
            b = _placeholder_matrix(ex.sentence + "b", 3, 4)
            return [_beat("matrix", "matrix:addition", ex, i, [], _kw(ex.sentence), values=values, second=b,
                          op="add", label=label)]
        return [_beat("matrix", "matrix:cue-word", ex, i, [label] if label else [], _kw(ex.sentence),
                      values=values, label=label, op="show")]
    return []


def _fmt(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _label_after(sentence: str) -> str | None:
    m = re.search(r"\bmatri(?:x|ces)\s+(?:of|for)\s+(?:the\s+)?([a-z][\w -]{1,30}?)(?:[.,;]|$)", sentence, re.I)
    if m:
        return m.group(1).strip().title()
    m = re.search(r"\b([A-Z][\w-]*)\s+matri(?:x|ces)\b", sentence)
    verbs = {"Show", "Display", "Draw", "Animate", "Write", "Present", "Then", "Use", "Add", "Highlight"}
    return m.group(1) if m and m.group(1) not in verbs else None


def rule_network(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if not _has(ex, r"neural network|hidden layer|two-layer|multi-layer|perceptron|\blayers? of nodes\b"):
        return []
    names = [n for n in enumerate_layers(ex.sentence)] or ["Input", "Hidden", "Output"]
    sizes = [3, 4, 2] if len(names) == 3 else [3] * len(names)
    return [_beat("network", "network:neural-network-cue", ex, i, names, ("network", "layer", "neural"),
                  layers=sizes, labels=names)]


def enumerate_layers(sentence: str) -> list[str]:
    m = re.search(r"with\s+(.+?)\s+layers", sentence, re.I)
    if not m:
        return []
    return [x.strip().title() for x in enumeration(m.group(1))][:6]


def rule_flow(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if any(b.kind in ("flow", "network") for b in ctx.beats) and _has(
            ex, r"^\s*(?:then\s+)?(?:animate|show (?:the )?data flow|show data flowing)\b"):
        return []  # an operation on the diagram already on screen (see rule_animate_previous)
    diagram = _has(ex, r"\b(diagram|flow|pipeline|architecture|blocks?|boxes|arrows?|stages?|encoder|decoder)\b")
    nodes: list[str] = []
    rule = ""
    edge_labels = re.findall(r"(?:arrow|arrows)\s+labell?ed\s+\"([^\"]+)\"", ex.sentence, re.I) or None
    ctx.consumed.update(edge_labels or [])
    between = re.search(r"\bfrom\s+(?:the\s+)?([\w-]+(?:\s[\w-]+)?)\s+to\s+(?:the\s+)?([\w-]+(?:\s[\w-]+)?)", ex.sentence)
    previous = next((b for b in reversed(ctx.beats) if b.kind == "flow"), None)
    if edge_labels and previous is not None and between:
        # "An arrow labelled "sends code" goes from LLM to Interpreter": label the diagram on screen.
        merged = dict(previous.params, edge_labels=edge_labels, both_ways=bool(_has(ex, r"\b(back|returns?)\b")) or None)
        idx = ctx.beats.index(previous)
        ctx.beats[idx] = Beat("flow", {k: v for k, v in merged.items() if v is not None},
                              previous.strings + tuple(edge_labels), previous.rule + "+edge-labels", previous.source,
                              previous.detail_index, previous.keywords + sum((_kw(x) for x in edge_labels), ()))
        return [_beat("highlight", "highlight:labelled-arrows", ex, i, (), _kw(ex.sentence), target=None,
                      mode="pulse")]
    if edge_labels and between:
        nodes, rule = [between.group(1), between.group(2)], "flow:from-to"
    elif ex.chain:
        nodes, rule = ex.chain, "flow:arrow-chain"
    elif diagram:
        unconsumed = [q for q in ex.quoted if q not in ctx.consumed]
        seq = [q for q in unconsumed if re.fullmatch(r"(?:\w{1,12}\s+){2,9}\w{1,12}", q)]
        if seq and _has(ex, r"\bsequence|tokens?\b"):
            nodes, rule = seq[0].split(), "flow:token-sequence"
            ctx.consumed.add(seq[0])
        elif len(unconsumed) >= 2:
            nodes, rule = unconsumed, "flow:quoted-boxes"
            ctx.consumed.update(unconsumed)
        else:
            m = re.search(r"\bwith\s+(.+?)\s+(?:blocks|boxes|layers|stages)\b", ex.sentence, re.I)
            if m:
                nodes = [x.strip().title() for x in enumeration(m.group(1))]
                rule = "flow:enumerated-blocks"
            if not nodes and _has(ex, r"\bencoder\b") and _has(ex, r"\bdecoder\b"):
                nodes, rule = ["Input", "Encoder", "Decoder", "Output"], "flow:encoder-decoder"
            if not nodes:
                m = re.search(r"\b(?:a|the)\s+(?:simple\s+|basic\s+|complete\s+)?([A-Z][\w-]*)\s+diagram", ex.sentence)
                if m:
                    label = [q for q in unconsumed]
                    nodes = ["Input", m.group(1), "Output"] if not label else ["Input", m.group(1), label[0]]
                    ctx.consumed.update(label)
                    rule = "flow:named-diagram"
    if len(nodes) < 2:
        return []
    parallel = _has(ex, r"\bparallel\b")
    return [_beat("flow", rule, ex, i, nodes + (edge_labels or []), sum((_kw(n) for n in nodes), ()),
                  nodes=nodes, edge_labels=edge_labels, direction="right", parallel=parallel or None)]


def rule_icon(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    found: list[tuple[str, str]] = []
    for m in re.finditer(r"\b([a-z]+)\s+icons?\b", ex.low):
        name = ICON_ALIASES.get(m.group(1), m.group(1))
        if name in ICON_NAMES:
            found.append((name, ""))
    if not found and _has(ex, r"\bicons?\s+for\b"):
        for m in re.finditer(r"([\w ]+?)\s*\(([\w ,]+)\)", ex.sentence.split(" for ", 1)[1]):
            label = m.group(1).strip(" ,").removeprefix("and ").strip()
            hint = m.group(2).split(",")[0].strip().lower()
            found.append((ICON_ALIASES.get(hint, "lightbulb") if hint not in ICON_NAMES else hint, label))
    if not found:
        return []
    labels = [label for _, label in found if label]
    return [_beat("icon", "icon:named-icon", ex, i, labels, tuple(n for n, _ in found) + sum((_kw(x) for x in labels), ()),
                  icons=[n for n, _ in found], labels=[lab for _, lab in found])]


def rule_highlight(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if not ctx.beats or not _has(ex, r"^\s*(?:then\s+)?(?:highlight|emphasi[sz]e|circle|underline|indicate)\b"):
        return []
    target = next((q for q in ex.quoted if q not in ctx.consumed), None)
    if target:
        ctx.consumed.add(target)
    return [_beat("highlight", "highlight:verb", ex, i, (), _kw(ex.sentence), target=target)]


def rule_text_fallback(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    rest = [q for q in ex.quoted + ex.backticked if q not in ctx.consumed]
    beats = []
    for q in rest:
        role = "note" if _has(ex, r"\bnote|caption\b") else None
        beats.append(_beat("text", "text:quoted-string", ex, i, [q], _kw(q), text=q, role=role))
        ctx.consumed.add(q)
    return beats


RULES: tuple[Rule, ...] = (rule_clear, rule_highlight, rule_title, rule_equation, rule_code, rule_matrix,
                           rule_network, rule_flow, rule_bullets, rule_icon, rule_text_fallback)


def rule_animate_previous(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Animate the processing of each token…", "Show data flowing through the network": an
    operation on what is on screen — indicate the last component."""
    if not ctx.beats or ex.quoted or ex.backticked:
        return []
    if _has(ex, r"^\s*(?:then\s+)?(?:animate|show (?:the )?data flow|show data flowing|illustrate|demonstrate|show how)\b"):
        return [_beat("highlight", "highlight:animate-previous", ex, i, (), _kw(ex.sentence), target=None,
                      mode="pulse")]
    return []


def rule_noun_phrase(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Show the final linear layer and softmax function." with nothing else matched: show the phrase
    itself as a caption, so the viewer sees what the narration talks about."""
    if ex.quoted or ex.backticked:
        return []
    m = re.match(r"^\s*(?:then\s+)?(?:show|display|present|reveal)\s+(?:the\s+|a\s+|an\s+)?(.{3,70}?)\.?$", ex.sentence,
                 re.I)
    if not m:
        return []
    phrase = m.group(1).strip()
    phrase = phrase[0].upper() + phrase[1:]
    return [_beat("text", "text:noun-phrase", ex, i, [phrase], _kw(phrase), text=phrase, role="note")]


def _only_if_nothing(rule: Rule) -> Rule:
    def wrapped(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
        if any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
            return []
        return rule(ex, ctx, i)
    wrapped.__name__ = rule.__name__
    return wrapped


def _ordered_rules() -> tuple[Rule, ...]:
    from . import rules_charts, rules_layout

    return (rule_clear, rule_highlight, rule_title, *rules_charts.RULES, *rules_layout.RULES, rule_equation,
            rule_code, rule_matrix, rule_network, rule_flow, rule_bullets, rule_icon, rule_animate_previous,
            rule_text_fallback, _only_if_nothing(rule_noun_phrase))


RULES = _ordered_rules()
