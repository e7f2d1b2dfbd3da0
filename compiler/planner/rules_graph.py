"""Planner rules for graphs of nodes and edges: what a sentence declares (nodes at positions, weighted
edges, a tree of keys) and what it does to the graph on screen (visit, mark, note, path, dim).

    Draw five nodes as circles with letters inside: A at (-5, 0), B at (-2, 2), C at (-2, -2).
    Draw the undirected edges with weight labels: A-B '4', A-C '2', B-C '1'.
    Highlight node A in yellow and write 'Start' under it.
    Then briefly highlight the path A-C-E in red.
    Check edge C-B: update the label next to node B to 3. Mark C visited.
    Build a binary search tree by inserting 8, 3, 10, 1, 6.

Typed pieces first (node names, positions, edges with weights, colours, node references), then small
rules that combine them. The nouns that name a graph or a kind of tree are data
(`planner/data/vocabulary.json`: `graph_nouns`, `graph_layouts`).
"""

from __future__ import annotations

import math
import re

from .beats import Beat

from .context import Context, _beat, _kw, since_clear
from .extract import QUOTED, WORD_NUMBERS, Extracted
from .knowledge import clock_nouns, graph_layouts, graph_nouns
from .quantity import NUM, quantity
from .rules_recall import scene_state
from .theme import COLOUR_RE, colour_value

NAME = r"[A-Z][A-Za-z0-9]{0,2}"
NODE_AT = re.compile(r"(?<![\w'])[\"\u201c]?(" + NAME + r")[\"\u201d]?\s*(?:at\s*|=\s*|:\s*)?\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")
EDGE = re.compile(r"(?<![\w'-])(" + NAME + r")\s*(?:-|–|—|->|→)\s*(" + NAME + r")(?![\w(-])"
                  r"(?:\s*(?::|=)?\s*[\"'\u201c]?\s*(" + NUM + r"|∞|inf)\s*[\"'\u201d]?(?!\w|\.\d))?")
NODE = r"[A-Z][A-Za-z0-9]{0,2}|\d+(?:\.\d+)?"  # a node named in prose: a short name or a key
PATH = re.compile(r"(?<![\w'.-])((?:" + NODE + r")(?:\s*(?:-|–|->|→)\s*(?:" + NODE + r")){2,})(?![\w(-])")
KEYS = re.compile(r"(?:-?\d+(?:\.\d+)?)(?:\s*,\s*(?:and\s+)?-?\d+(?:\.\d+)?){2,}")
_ARTICLE_A = re.compile(r"^\s*A\s+(?!filled|is\b|was\b|visited|becomes|turns|gets|and\b|,|at\b|\()", re.S)
_INF = {"inf": "∞", "infinity": "∞", "∞": "∞"}


def _graph_on_screen(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "graph" and not b.params.get("extend")), None)


def _ids(beat: Beat) -> list[str]:
    out = [str(n["id"] if isinstance(n, dict) else n) for n in beat.params.get("nodes") or []]
    for step in beat.params.get("steps") or []:
        if step.get("action") == "insert":
            out += [str(n) for n in step.get("nodes") or []]
    return out


def _colour(text: str) -> str | None:
    m = COLOUR_RE.search(text)
    return colour_value(m.group(0)) if m else None


def _weight(v: str | None):
    if v is None:
        return None
    if v.lower() in _INF:
        return "∞"
    try:
        x = float(v)
    except ValueError:
        return v.strip()  # "1%", "0.5 kg": the label as written
    return int(x) if x.is_integer() else x


def _edges(sentence: str) -> list[dict]:
    out, seen = [], set()
    for m in EDGE.finditer(sentence):
        a, b = m.group(1), m.group(2)
        if (a, b) in seen or a == b:
            continue
        seen.add((a, b))
        e = {"from": a, "to": b}
        w = _weight(m.group(3))
        if w is not None:
            e["label"] = w
        out.append(e)
    return out


def _graph_cue(ex: Extracted) -> bool:
    return re.search(r"\b(?:" + graph_nouns() + r")\b", ex.bare, re.I) is not None


def rule_graph(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """A graph the sentence declares, or steps on the graph on screen."""
    on_screen = _graph_on_screen(ctx)
    clock = _clock(ex, ctx, i)
    if clock:
        return clock
    levels = _level_split(ex, ctx, i, on_screen)
    if levels is not None:
        return levels
    declared = _declare(ex, ctx, i, on_screen)
    if declared is not None:
        return declared
    if on_screen is not None and on_screen.params.get("edges") and re.match(
            r"\s*(?:then\s+|and\s+)?(?:connect|join|link)\s+(?:each\s+|the\s+|all\s+)?(?:parents?|nodes?|children|them)\b[^\"\u201c]*"
            r"\b(?:with|by|using)\s+(?:straight\s+|thin\s+|white\s+)?(?:lines?|edges?)\b[^\"\u201c]*$", ex.sentence, re.I):
        ctx.modified.add(i)  # "Connect parents and children with lines." — the tree's edges, drawn with it
        return []
    out: list[Beat] = []
    if on_screen is None:
        on_screen = _recall(ex, ctx, i)
        if on_screen is None:
            return []
        out.append(on_screen)
        ctx.beats.append(on_screen)  # the steps below act on it
    steps = _operate(ex, ctx, i, on_screen)
    if out:
        ctx.beats.remove(on_screen)
    return out + steps


_INT = r"-?\d+"


def _clock(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"a clock face with 12 hours", "a clock-like circle with numbers 0 to 32 around it (only show labels 0, 8, 16,
    24, 31) and a dot going around … stopping at 31", "a clock for arithmetic mod 7": the numbers round a circle (a
    circular graph without edges); the number where the dot stops is visited."""
    s = ex.sentence
    if not re.search(r"^\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:draw|show|display|add|sketch|use|place|put|start)\w*\b", s, re.I) \
            or not re.search(r"\b(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:" + clock_nouns() + r")\b(?!\s+(?:label|readout|"
                             r"text|counter|display|reading)s?\b)", ex.bare or s, re.I):
        return []  # ("a small clock label 't = 0'": a readout, not a clock face)
    rng = re.search(r"\b(?:numbers?|values?|labels?|hours?|positions?|residues?)\s+(?:from\s+)?(" + _INT + r")\s*"
                    r"(?:to|through|-|–|\.\.)\s*(" + _INT + r")\b", s, re.I)
    hours = re.search(r"\b(\d+)\s+(?:hours|numbers|positions|marks)\b", s, re.I)
    mod = re.search(r"\bmod(?:ulo|ulus)?\s+(\d+)\b", s, re.I)
    if rng:
        a, b = int(rng.group(1)), int(rng.group(2))
    elif hours:
        a, b = 1, int(hours.group(1))
    elif mod:
        a, b = 0, int(mod.group(1)) - 1
    else:
        a, b = 1, 12  # a clock face: the twelve hours
    if not 1 <= b - a <= 400:
        return []
    values = list(range(a, b + 1))
    shown = re.search(r"\b(?:only\s+)?(?:show(?:ing)?|labels?|label(?:l?ed|l?ing)?|mark(?:ed|ing)?)\s+(?:only\s+)?(?:the\s+)?"
                      r"(?:labels?\s+|numbers?\s+)?(" + _INT + r"(?:\s*(?:,|\band\b)\s*(?:and\s+)?" + _INT + r"){2,})", s, re.I)
    nodes = values
    if shown:
        picked = [int(v) for v in re.findall(_INT, shown.group(1))]
        nodes = [v for v in picked if a <= v <= b] or values
    if len(nodes) > 24:
        k = -(-len(nodes) // 12)
        nodes = nodes[::k]
        ctx.lost(i, f"{len(values)} numbers round the circle: every {k}th is drawn")
    steps = []
    stop = re.search(r"\b(?:stop(?:s|ping)?|land(?:s|ing)?|end(?:s|ing)?|finish(?:es|ing)?|arriv(?:es|ing))\s+(?:up\s+)?"
                     r"(?:at|on)\s+(" + _INT + r")\b", s, re.I)
    if stop and int(stop.group(1)) in nodes:
        steps.append({"action": "visit", "nodes": [int(stop.group(1))]})
        if re.search(r"\b(?:going|goes|go|moving|moves|move|travel\w*|walk\w*)\s+(?:a\s+)?(?:round|around)\b|"
                     r"\b\d+\s+steps\b|\bpassing\b", s, re.I):
            ctx.lost(i, f"the dot's trip round the circle is not animated: only where it stops ({stop.group(1)}) is "
                        "marked")
    elif stop:
        ctx.lost(i, f"the dot stops at {stop.group(1)}, a number the circle does not show")
    strings = [str(v) for v in nodes]
    n = len(values)
    at = [{"id": v, "at": [round(3 * math.sin(2 * math.pi * (v % n) / n), 3), round(3 * math.cos(2 * math.pi * (v % n) / n), 3)]}
          for v in nodes]  # clockwise from the top, each number where it is on the full dial
    ctx.stop = True  # the numbers are the clock's: no row of boxes for them
    return [_beat("graph", "graph:clock", ex, i, strings, _kw(s) + ("clock",), nodes=at, layout="circular",
                  rim=True, steps=steps or None)]


def _history_graph(ctx: Context) -> tuple[int, Beat] | None:
    for sp in ctx.earlier("graph"):
        b = scene_state(sp, "graph")
        if b is not None:
            return sp.number, b
    return None


def _recall(ex: Extracted, ctx: Context, i: int) -> Beat | None:
    """"Draw the graph with all nodes visited and the final table", "Search for 60: start at the root 50 …": the
    graph of an earlier scene, as it was left — named, or acted on by its nodes."""
    found = _history_graph(ctx)
    if found is None:
        return None
    number, b = found
    named = re.search(r"\b(?:draw|show|redraw|display|bring back|keep|start with|use)\s+the\s+(?:(?:same|whole|full|weighted|"
                      r"final|current)\s+)?(?:graph|tree|bst)\b", ex.bare, re.I) or re.match(
        r"\s*(?:(?:left|right|top|bottom)(?:\s+(?:side|half))?\s*:\s*)?the\s+(?:[\w-]+\s+){0,3}(?:graph|tree|bst)\b", ex.bare, re.I)
    acted = re.search(r"\b(?:search\w*|find|insert\w*|delete\w*|remove\w*|visit\w*|highlight\w*|traverse\w*|walk)\b",
                      ex.bare, re.I) and len(set(_node_refs(ex.bare, set(_ids(b))))) >= 1
    same = re.match(r"\s*(?:(?:keep|use|draw|show)\s+)?(?:the\s+)?same\s+(?:graph|tree|bst)\b", ex.bare, re.I)
    if not (named or acted or same):
        return None
    params = dict(b.params)
    count = re.search(r"\b(\d{1,2})[\s-]+node\b", ex.sentence, re.I)
    named_ids = set(_node_refs(ex.sentence, set(_ids(b))))
    if count and len(named_ids) == int(count.group(1)) < len(_ids(b)):
        # "the balanced 7 node tree (50 root; 30, 70; 20, 40, 60, 80)" after 65 was inserted: the tree it lists
        keep = named_ids
        params["nodes"] = [n for n in params.get("nodes") or [] if str(n["id"] if isinstance(n, dict) else n) in keep]
        params["edges"] = [e for e in params.get("edges") or [] if str(e["from"]) in keep and str(e["to"]) in keep]
        params["steps"] = [st for st in params.get("steps") or [] if all(str(n) in keep for n in st.get("nodes") or [])]
        if not params["steps"]:
            params.pop("steps")
        if not params["edges"]:
            params.pop("edges")
    if re.search(r"\breset\w*\b|\bclear\w*\s+(?:the\s+)?(?:colou?rs|highlights)\b|\bfresh\b|\buncolou?red\b", ex.bare, re.I):
        params.pop("steps", None)  # "Same tree, reset colors.": as it was drawn, before the walk coloured it
    return Beat("graph", params, b.strings, f"graph:recalled-from-scene-{number}", ex.sentence, i, b.keywords)


# ----------------------------------------------------------------------------- declarations
_BUCKET_LINE = re.compile(r"^\s*(?:bucket\s+|index\s+|slot\s+)?(\w{1,6})\s*:\s*(.{1,80}?)\s*$", re.M | re.I)
_BUCKET_INLINE = re.compile(r"\b(?:bucket|slot|index)\s+(\w{1,6})\s*(?:->|→|⟶)\s*((?:[^\s,;]{1,24}\s*(?:->|→|⟶)\s*)*[^\s,;.]{1,24})",
                            re.I)
_EMPTY = re.compile(r"∅|\(?(?:empty|none|null|nil)\)?|-|—|\[\s*\]", re.I)
_ARROW = re.compile(r"\s*(?:->|→|⟶)\s*")


_HASHING = r"\b(?:hash|buckets?|slots?|chain\w*|linked\s+lists?)\b"

def _buckets(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """Lines 'key: item → item' of a hash table or linked lists ("0: ∅", "2: cat → bird"): each bucket a row, its
    key first and its items chained after it."""
    lines = [m for m in _BUCKET_LINE.finditer(ex.sentence) if "\n" in ex.sentence[:m.start() + 1]]
    if len(lines) < 3 or not any(_ARROW.search(m.group(2)) for m in lines):
        # "bucket 0 -> 14 -> null, bucket 1 -> 50 -> null": the chains written in the sentence, one after another
        lines = list(_BUCKET_INLINE.finditer(ex.sentence))
        if len(lines) < 2:
            return None
    if not (re.search(_HASHING, ex.sentence, re.I) or ctx.mentions(_HASHING)):
        return None
    nodes: list = []
    edges: list[dict] = []
    used: set[str] = set()
    for m in lines:
        key = m.group(1)
        items = [] if _EMPTY.fullmatch(m.group(2).strip()) else [x.strip() for x in _ARROW.split(m.group(2)) if x.strip()]
        if any(len(x) > 24 for x in items) or key in used:
            return None
        nodes.append({"id": f"[{key}]", "label": key, "shape": "box"})
        used.add(key)
        before = f"[{key}]"
        for x in items:
            if _EMPTY.fullmatch(x):
                continue  # "2: cat → bird → ∅": the end of the chain
            nid = x if x not in used else f"{x} ({key})"
            used.add(nid)
            nodes.append({"id": nid, "label": x} if nid != x else x)
            edges.append({"from": before, "to": nid})
            before = nid
    if len(nodes) > 24:
        return None
    ctx.stop = True
    strings = [f"{m.group(1)}" for m in lines] + [str(n["label"] if isinstance(n, dict) else n) for n in nodes
                                                   if not (isinstance(n, dict) and n.get("shape") == "box")]
    return [_beat("graph", "graph:bucket-lines", ex, i, strings, _kw(" ".join(strings)) + ("graph",), nodes=nodes,
                  edges=edges, directed=True, layout="chain")]


def _empty_buckets(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Draw 7 empty bucket rectangles stacked vertically …, with index labels "0" to "6" on their left": a hash
    table's column of buckets before any key is in it (the chains the later sentences add grow from them)."""
    m = re.search(r"\b(\d{1,2}|" + "|".join(WORD_NUMBERS) + r")\s+(?:empty\s+)?(?:hash\s+)?(?:buckets?|slots?)\b", ex.bare or "",
                  re.I)
    if not m or not re.search(r"\b(?:hash|buckets?)\b", ex.sentence + " " + ctx.about, re.I) or re.search(
            r"\b(?:array|row|grid|cells?)\b", ex.bare or "", re.I):
        return None  # ("an array of 8 empty buckets numbered 0 to 7": a row of cells — rule_grid)
    n = int(m.group(1)) if m.group(1).isdigit() else WORD_NUMBERS[m.group(1).lower()]
    first = re.search(r"\b(?:index(?:es)?|indices|labell?ed|numbered)\b[^.;]{0,30}?[\"\u201c]?(\d{1,2})[\"\u201d]?\s+"
                      r"(?:to|through|-|–)\s+[\"\u201c]?(\d{1,2})[\"\u201d]?", ex.sentence, re.I)
    start = int(first.group(1)) if first else 0
    if not 2 <= n <= 16 or (first and int(first.group(2)) - start + 1 != n):
        return None
    keys = [str(k) for k in range(start, start + n)]
    ctx.consumed.update(keys)
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return [_beat("graph", "graph:empty-buckets", ex, i, keys, ("graph", "hash", "buckets"),
                  nodes=[{"id": f"[{k}]", "label": k, "shape": "box"} for k in keys], edges=[], directed=True, layout="chain")]


def _declare(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None) -> list[Beat] | None:
    s = ex.sentence
    buckets = _buckets(ex, ctx, i) or _empty_buckets(ex, ctx, i)
    if buckets is not None:
        return buckets
    layout = next((lay for pat, lay in graph_layouts() if re.search(pat, s, re.I)), None)
    placed = _placed_tree(ex, ctx, i, on_screen, layout)
    if placed is not None:
        return placed  # (the places are written: the tree drawn where they say, a search tree or not)
    in_bst = layout == "bst" or any(lay == "bst" and ctx.mentions(p) for p, lay in graph_layouts())
    again = re.search(r"\binsert\w*\s+(?:the\s+)?(?:keys\s+|values\s+|numbers\s+)?(" + KEYS.pattern + r")", ex.bare, re.I)
    known = (on_screen if on_screen is not None else (_history_graph(ctx) or (0, None))[1]) if again else None
    if known is not None:
        values = list(dict.fromkeys(_weight(k) for k in re.findall(r"-?\d+(?:\.\d+)?", again.group(1))))
        have = set(_ids(known))
        keyed = all(re.fullmatch(r"-?\d+(?:\.\d+)?", x) for x in have)
        if (in_bst or keyed) and any(str(v) in have for v in values):
            # "Right side: insert 10, 20, 30, 40, 50 in sorted order": keys the tree on screen already holds — a
            # second tree, built from them
            ctx.stop = True
            return [_beat("graph", "graph:bst-keys+second", ex, i, [str(n) for n in values[:24]], _kw(s),
                          nodes=values[:24], layout="bst")]
    if in_bst and on_screen is None and not _history_graph(ctx):
        # "Insert 50 as the root", "Insert these values in order: 50, 30, 70", "50 at the root, 30 and 70 below it":
        # in a scene about a binary search tree, the keys in the order written
        placed = re.findall(r"(?<![\w.(-])(\d+(?:\.\d+)?)\s+at\s+\(", s)  # "node positions: 50 at (0, 2), 30 at …"
        if len(placed) >= 2:
            values = [_weight(k) for k in placed]  # the keys in the order written; the tree is laid out as a BST
        elif re.search(r"\b(?:insert\w*|add\w*|root|keys?|values|nodes?)\b", s, re.I) and not re.search(
                r"\b(?:search|find|look)\w*\s+for\b", s, re.I):
            values = [_weight(k) for k in re.findall(r"(?<![\w.(-])\d+(?:\.\d+)?(?![\w)%]|\.\d)",
                                                      re.sub(r"\([^)]*\)", " ", ex.bare))]
        else:
            values = []
        if values:
            nodes = list(dict.fromkeys(values))
            if len(nodes) > 24:
                ctx.lost(i, f"a binary search tree of {len(nodes)} keys: the first 24 are drawn, not "
                            + ", ".join(str(n) for n in nodes[24:30]) + (" …" if len(nodes) > 30 else ""))
                nodes = nodes[:24]
            ctx.stop = True  # the numbers are the tree's keys, not also a list
            return [_beat("graph", "graph:bst-keys", ex, i, [str(n) for n in nodes], _kw(s), nodes=nodes, layout="bst")]
    if layout == "bst" and on_screen is None:
        keys = KEYS.search(ex.bare)
        if keys:
            values = [_weight(k) for k in re.findall(r"-?\d+(?:\.\d+)?", keys.group(0))]
            nodes = list(dict.fromkeys(values))[:24]
            if len(nodes) < len(values):
                ctx.lost(i, "a binary search tree holds each key once: repeated keys are drawn once")
            return [_beat("graph", "graph:bst-keys", ex, i, [str(n) for n in nodes], _kw(s), nodes=nodes, layout="bst")]
    tree = _tree(ex, ctx, i, on_screen, layout)
    if tree is not None:
        return tree
    branched = _branches(ex, ctx, i, on_screen)
    if branched is not None:
        return branched
    split = _split_tree(ex, ctx, i, on_screen)
    if split is not None:
        return split
    if not _graph_cue(ex) or re.match(r"^\s*(?:then\s+)?(?:highlight|dim|fade|mark|colou?r|check|skip|flash)\b", s, re.I):
        return None
    at = [(m.group(1), quantity(m.group(2)), quantity(m.group(3))) for m in NODE_AT.finditer(s)]
    at = list({n: (n, x, y) for n, x, y in at}.values())
    edges = _edges(s)
    if len(at) < 2 and not (len(edges) >= 2 and (on_screen is None or _recalled_here(on_screen, i))):
        if edges and on_screen is not None and not at:
            return _add_edges(ex, ctx, i, on_screen, edges)
        return None
    names = [n for n, _, _ in at]
    for e in edges:
        for end in (e["from"], e["to"]):
            if end not in names and at:
                ctx.lost(i, f"edge {e['from']}-{e['to']}: node {end} has no position; the graph is laid out instead")
                at = []
            if end not in names:
                names.append(end)
    nodes = [{"id": n, "at": [x, y]} for n, x, y in at] if at else names
    params = {"nodes": nodes[:24], "edges": edges[:40]}
    if re.search(r"\bdirected\b", s, re.I) and not re.search(r"\bundirected\b", s, re.I):
        params["directed"] = True
    if layout and layout != "bst":
        params["layout"] = layout
    strings = names + [str(e["label"]) for e in edges if "label" in e]
    ctx.consumed.update(names)  # ('6 circular nodes "A" (-3, 2), "B" (-5, 0.5)': the names are the nodes' own)
    beat = _beat("graph", "graph:declared", ex, i, strings, _kw(" ".join(names)) + ("graph", "nodes"), **params)
    if on_screen is not None and _recalled_here(on_screen, i):
        ctx.replace(on_screen, beat, i)  # "Draw the same graph …, using positions …": as written now
        return []
    if on_screen is not None and len(at) < 2:
        return None
    return [beat]


_KEY_AT = re.compile(r"(?<![\w'.(-])(" + NODE + r")\s+at\s*\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")
# "root (11) at (0, 3), A (5) at (-3, 1.5)": a node with its weight in brackets before its place — the root named by it
_WEIGHED_AT = re.compile(r"(?<![\w'.(-])(?:(?P<role>root|node)\s*\(\s*(?P<rw>\d+(?:\.\d+)?)\s*\)|(?P<name>" + NODE + r")\s*\(\s*"
                         r"\d+(?:\.\d+)?\s*\))\s+at\s*\(\s*(?P<x>" + NUM + r")\s*,\s*(?P<y>" + NUM + r")\s*\)", re.I)
_KEY_PLACE = re.compile(r"(?<![\w'.(-])(" + NODE + r")\s*(?:at\s*|:\s*)?\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")


def _placed_tree(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None, layout: str | None) -> list[Beat] | None:
    """"Draw the binary tree: root 50 at (0, 2); its children 30 at (-2.5, 0.5) and 70 at (2.5, 0.5); leaves 20 at
    (-3.75, -1), …": a tree given by its nodes' places. Its edges are the places' levels: each node hangs from the
    nearest node of the level above it (or from the node it is said to be under). A tree so drawn grows the same
    way: "Draw two child nodes: 30 at (-2, 0.5) and 70 at (2, 0.5)", "add 20 at (-3, -1) and 40 at (-1, -1) under 30"."""
    growing = on_screen is not None and on_screen.rule.startswith("graph:placed-tree")
    lone = on_screen is not None and on_screen.rule.startswith("graph:tree-root") and len(on_screen.params.get("nodes") or []) <= 1
    if on_screen is not None and not growing and not lone:
        return None
    found = [(m.group(1), quantity(m.group(2)), quantity(m.group(3)), m.end()) for m in _KEY_AT.finditer(ex.sentence)]
    found += [(m.group("rw") or m.group("name"), quantity(m.group("x")), quantity(m.group("y")), m.end())
              for m in _WEIGHED_AT.finditer(ex.sentence)]
    found.sort(key=lambda f: f[3])
    bare = [(m.group(1), quantity(m.group(2)), quantity(m.group(3)), m.end()) for m in _KEY_PLACE.finditer(ex.sentence)]
    if len(bare) >= 3 and len(bare) > len(found):
        found = bare  # "50 (0, 2); 30 (-3, 0.7); 70 (3, 0.7); …": a list of keys with their places
    if not found:
        return None
    in_tree = ctx.mentions(r"\btrees?\b|\bBSTs?\b")
    cue = layout in ("tree", "bst") or re.search(r"\b(?:child(?:ren)?|leaf|leaves|root|subtree)\b", ex.bare, re.I) or (
        (growing or in_tree) and re.search(r"\bnodes?\b|\badd\b", ex.bare, re.I))
    if not cue or _edges(ex.sentence) or (not growing and len(found) < 3 and not (
            in_tree and re.search(r"\bnodes?\b|\broot\b", ex.bare, re.I))):
        return None  # ("nodes A at (0, 0), B at (3, 0) … with edges A-B 4": a graph whose edges are written)
    old = [(str(n["id"]), n["at"][0], n["at"][1]) for n in (on_screen.params.get("nodes") or [])] if growing else []
    have = {n for n, _, _ in old}
    new = [(n, x, y, end) for n, x, y, end in found if n not in have]
    new = list({n: (n, x, y, end) for n, x, y, end in new}.values())
    if not new:
        return None
    every = old + [(n, x, y) for n, x, y, _ in new]
    edges = [dict(e) for e in on_screen.params.get("edges") or []] if growing else []
    if growing:  # the labels its steps wrote stay on the grown tree ("smaller" on the left edge)
        after = ctx.beats[ctx.beats.index(on_screen) + 1:] if on_screen in ctx.beats else []
        for st in [st for b in after if b.kind == "graph" and b.params.get("extend") for st in b.params.get("steps") or []]:
            if st.get("action") == "label" and st.get("edges"):
                a, b = (str(x) for x in st["edges"][0])
                for e in edges:
                    if {str(e["from"]), str(e["to"])} == {a, b}:
                        e["label"] = st["text"]
    for n, x, y, end in new:
        under = re.match(r"[^;.]*?\bunder\s+(?:node\s+)?(" + NODE + r")\b", ex.sentence[end:])
        above = [(m, mx, my) for m, mx, my in every if my > y + 1e-9]
        if under and under.group(1) in {m for m, _, _ in every}:
            parent = under.group(1)
        elif above:
            level = min(my for _, _, my in above)  # the nearest level above it
            parent = min(((m, mx) for m, mx, my in above if my == level), key=lambda p: (abs(p[1] - x), p[1]))[0]
        else:
            continue  # a root
        edges.append({"from": parent, "to": n})
    if len(every) > 24:
        ctx.lost(i, f"a tree of {len(every)} nodes: the first 24 are drawn")
    kept = {n for n, _, _ in every[:24]}
    later = set() if growing or re.search(r"\binsert\w*\b", ex.bare, re.I) else _inserted_later(ctx) & kept
    nodes = [{"id": n, "at": [x, y], **({"hidden": True} if n in later else {})} for n, x, y in every[:24]]
    edges = [e for e in edges if e["from"] in kept and e["to"] in kept]
    names = [n["id"] for n in nodes if n["id"] not in later]
    ctx.stop = True  # the numbers are the tree's keys and places
    if lone:
        # "Rearrange everything into the final layout: root (11) at (0, 3), …" after a lone root: the whole tree, in its
        # place — the root alone goes
        return [_beat("clear", "clear:tree-laid-out", ex, i, (), kinds=["graph"]),
                _beat("graph", "graph:placed-tree", ex, i, names, _kw(ex.sentence) + ("tree", "nodes"), nodes=nodes,
                      edges=edges)]
    return [_beat("graph", "graph:placed-tree" + ("+grown" if growing else ""), ex, i, names,
                  _kw(ex.sentence) + ("tree", "nodes"), nodes=nodes, edges=edges, **({"grown": True} if growing else {}))]


_INSERTED = re.compile(r"\binsert(?:s|ed|ing)?\s+(?:the\s+)?(?:(?:new\s+)?(?:key|value|node|number)\s+)?(-?\d+(?:\.\d+)?)(?![\w.])",
                       re.I)


def _inserted_later(ctx: Context) -> set[str]:
    """Keys the scene inserts one by one ("Insert 30: …", "Insert 70: …"): a tree whose places are written first
    ("Node positions: 50 at (0, 2.5); 30 at (-3, 1); …") is built by those inserts, not drawn whole before them."""
    return {str(_weight(k)) for k in _INSERTED.findall(ctx.about)}


def _inserted_since(graph: Beat, ctx: Context) -> set[str]:
    """The nodes the steps since `graph` was drawn have inserted."""
    out: set[str] = set()
    seen = False
    for b in ctx.beats:
        seen = seen or b is graph
        if seen and b.kind == "graph":
            out.update(str(n) for st in b.params.get("steps") or [] if st.get("action") == "insert"
                       for n in st.get("nodes") or [])
    return out


def _waiting(graph: Beat, ctx: Context) -> set[str]:
    """The graph's hidden nodes that no step since it was drawn has inserted yet."""
    hidden = {str(n["id"]) for n in graph.params.get("nodes") or [] if isinstance(n, dict) and n.get("hidden")}
    return hidden - _inserted_since(graph, ctx) if hidden else hidden


_CHILDREN = re.compile(r"\b(?:root(?:\s+node)?\s+(?P<root>" + NODE + r")|(?P<parent>" + NODE + r")\s+has)\s+(?:with\s+)?(?:the\s+|two\s+)?"
                       r"children\s+(?P<a>" + NODE + r")(?:\s*,\s*|\s+and\s+)(?P<b>" + NODE + r")")
_ROOT = re.compile(r"\broot(?:\s+node)?\s+(?:is\s+|of\s+)?(" + NODE + r")\b")
_CHILD = re.compile(r"\b(left|right)\s+child\s+(?:is\s+)?(" + NODE + r")\b")


def _tree(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None, layout: str | None) -> list[Beat] | None:
    """"root 8 with children 3 and 10; 3 has children 1 and 6" (a tree by its edges); "a binary search tree with
    root 8, left child 3 and right child 10" or "Start with the root node 8" (the keys of a binary search tree)."""
    if on_screen is not None or (_history_graph(ctx) and not re.match(
            r"^\s*(?:then\s+)?(?:draw|build|show|create|construct|make)\b", ex.sentence, re.I)):
        return None  # (a tree of an earlier scene acted on: "Search for 60: start at the root 50 …")
    s = ex.sentence
    edges = []
    for m in _CHILDREN.finditer(s):
        parent = m.group("root") or m.group("parent")
        edges += [{"from": parent, "to": m.group("a")}, {"from": parent, "to": m.group("b")}]
    root = _ROOT.search(s)
    bst = layout == "bst" or any(lay == "bst" and ctx.mentions(p) for p, lay in graph_layouts())
    if bst and root and all(re.fullmatch(r"\d+(?:\.\d+)?", x) for x in [root.group(1)] + [e["to"] for e in edges]):
        keys = [root.group(1)] + [c for _, c in _CHILD.findall(s)] + [e["to"] for e in edges]
        nodes = list(dict.fromkeys(_weight(k) for k in keys))
        return [_beat("graph", "graph:bst-keys", ex, i, [str(n) for n in nodes], _kw(s), nodes=nodes[:24], layout="bst")]
    if len(edges) < 2:
        return None
    names = list(dict.fromkeys(x for e in edges for x in (e["from"], e["to"])))
    return [_beat("graph", "graph:tree-children", ex, i, names, _kw(s) + ("tree",), nodes=names[:24], edges=edges[:40],
                  layout="tree")]


_ROOT_NODE = re.compile(r"\b(?:a\s+|the\s+)?(?<!square )(?<!cube )(?<!nth )root(?:\s+(?:node|box|circle))?(?:\s+(?:on|at|in)\s+the\s+(?:left|top|right|bottom))?(?:\s+|(?=:))"
                        r"(?:labell?ed\s+|called\s+|named\s+|reads\s+|says\s+|shows\s+|is\s+|:\s*)?[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]",
                        re.I)
_BRANCH_CUE = re.compile(r"\bbranch(?:es)?\b|\bchild(?:ren)?\b|\bsplits?\s+into\b", re.I)
_FROM_NODE = re.compile(r"\b(?i:from)\s+(?i:node\s+|the\s+)?(?:[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]|"
                        r"([A-Za-z0-9][\w+\-]{0,29}|[+\-]))")
_BRANCH = re.compile(r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]\s*(?:(?:at\s*)?\([^()]{0,30}\)\s*)?(?:,\s*)?"
                     r"(?:labell?ed|with\s+(?:probability|label|weight)|p\s*=)\s*[\"\u201c]?(-?\d+(?:\.\d+)?%?|[^\"\u201d,;]{1,12}?)[\"\u201d]?"
                     r"(?=\s*(?:,|;|\.|$|\band\b|\)))", re.I)


_KIN = re.compile(r"(?:[\"\u201c](?P<parent>[^\"\u201d]{1,30})[\"\u201d]\s+has\s+(?:a\s+|one\s+|two\s+|three\s+)?|"
                  r"(?:^|[,;:]\s*|\bwith\s+)(?:its\s+|the\s+)?)(?:child(?:ren)?|kids?)\s*:?\s+"
                  r"(?P<kids>[\"\u201c][^\"\u201d]{1,30}[\"\u201d](?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[\"\u201c][^\"\u201d]{1,30}[\"\u201d]){0,7})",
                  re.I)


def _path_of_names(clause: str, ids: list[str]) -> list[str]:
    """'the path . → com → example → www': the names joined by arrows, when every one is a node of the graph."""
    m = re.search(r"(?<!\S)(\S+(?:\s*(?:->|→|⟶)\s*\S+)+)", clause)
    if m is None:
        return []
    out = []
    for part in re.split(r"\s*(?:->|→|⟶)\s*", m.group(1)):
        name = part if part in ids else part.strip(".,;:\"'\u201c\u201d")
        if name not in ids:
            return []
        out.append(name)
    return out


_TREE_NAME = r"(-?\d+(?:\.\d+)?|[A-Za-z][\w']{0,10})"
_TREE_NAMES = r"((?:" + _TREE_NAME + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)){0,7}" + _TREE_NAME + r")(?![\w'])(?!\.\d)"


def _quoted_tree(s: str) -> str | None:
    """A tree written with its names bare — "root 4 (index 0); children 10 (index 1), 3 (index 2); children of 10: 5
    (index 3), 1 (index 4)" — as the quoted form the tree rules read ('root "4"; children "10", "3"; "10" has children
    "5", "1"'), the notes in brackets left out; None when it names no root and children so."""
    t = re.sub(r"\s*\((?:at\s+)?(?:index|idx|position|i\s*=)[^()]{0,12}\)", "", s, flags=re.I)
    t, roots = re.subn(r"\broot(?:\s+node)?\s*:?\s+" + _TREE_NAME + r"(?![\w'])(?!\.\d)", lambda m: f'root "{m.group(1)}"', t, count=1,
                      flags=re.I)
    t = re.sub(r"\bchildren\s+of\s+" + _TREE_NAME + r"\s*:?\s*", lambda m: f'"{m.group(1)}" has children ', t, flags=re.I)
    t, kids = re.subn(r"(\bchild(?:ren)?\s*:?\s+)" + _TREE_NAMES,
                      lambda m: m.group(1) + ", ".join(f'"{x}"' for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(2))),
                      t, flags=re.I)
    return t if roots and kids else None


def _kinship(text: str) -> list[tuple[str | None, str]]:
    """'children "com", "org", "net"; "com" has child "example"' -> [(None, com), (None, org), (None, net),
    (com, example)]: (parent named by the clause or None, child), in order."""
    return [(m.group("parent"), kid) for m in _KIN.finditer(text)
            for kid in re.findall(r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", m.group("kids"))]


def _branches(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None) -> list[Beat] | None:
    """A tree drawn branch by branch: "Draw a root node 'Person'", "Draw two branches to 'D' labeled 0.01 and 'H'
    labeled 0.99", "From D draw two branches: '+' labeled 0.95 and '-' labeled 0.05" (a probability tree). A
    name used twice ('+' under D and under H) is two nodes showing the same label."""
    s = ex.sentence
    root = _ROOT_NODE.search(s)
    if root is None and on_screen is None and re.search(r"\btree\b", s, re.I):
        quoted = _quoted_tree(s)  # "a tree: root 4 (index 0); children 10 (index 1), 3 (index 2); children of 10: 5, 1"
        if quoted is not None:
            s, root = quoted, _ROOT_NODE.search(quoted)
    if on_screen is None:
        if not root:
            return None
        name = root.group(1).strip()
        nodes: list = [{"id": name}]
        edges: list = []
        base = None
    else:
        if not _BRANCH_CUE.search(s) or on_screen.params.get("layout") not in (None, "tree"):
            return None
        nodes = [n if isinstance(n, dict) else {"id": n} for n in on_screen.params.get("nodes") or []]
        edges = list(on_screen.params.get("edges") or [])
        base = on_screen
        name = None
    ids = [str(n["id"]) for n in nodes]
    shown = {str(n.get("label", n["id"])): str(n["id"]) for n in nodes}
    src = _FROM_NODE.search(s)
    parent = None
    if src:
        parent = shown.get((src.group(1) or src.group(2)).strip())
    if parent is None:
        parent = name or (ids[0] if ids else None)
    added = []
    rest = s if not root else s[root.end():]
    found = [(m.start(), m.group(1), m.group(2)) for m in _BRANCH.finditer(rest)]
    for m in _BRANCH_TO.finditer(rest):
        found.append((m.start(), m.group(2), m.group(1)))
        # 'three branches labeled "1/3" to "Car 1", "Car 2", "Car 3"': every name listed after it, the same weight
        more = re.match(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)[\"\u201c]([^\"\u201d]{1,30})[\"\u201d])+", rest[m.end():])
        if more:
            for k, q in enumerate(re.findall(r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", more.group(0))):
                if re.fullmatch(r"-?\d+(?:\.\d+)?%?|\d+/\d+", q.strip()):
                    break  # ('… and "0.1" to the leaf "-"': the next branch's weight)
                found.append((m.start() + k + 1, q, m.group(1)))
    kin = _kinship(rest) if not found and root else []
    if kin:
        # 'root node "." at the top, children "com", "org", "net"; "com" has child "example"': each child under the
        # parent its clause names (under the root when it names none)
        for parent_label, child_label in kin:
            parent_id = shown.get(parent_label, parent_label if parent_label in ids else name)
            child = child_label if child_label not in ids else f"{parent_id}{child_label}"
            if child in ids or parent_id not in ids:
                continue
            ids.append(child)
            shown[child_label] = child
            nodes.append({"id": child} if child == child_label else {"id": child, "label": child_label})
            edges.append({"from": parent_id, "to": child})
            added.append(child_label)
    if not found and not kin:
        # "Two branches to boxes 'Sick: 100' at (-1.5, 2) and 'Healthy: 9,900' at (-1.5, -2)": children, weights later
        to = re.search(r"\bbranch(?:es)?\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?(?:boxes|nodes|circles)?\s*(.+)$", rest, re.I)
        if to:
            found = [(m.start(), m.group(1), "") for m in re.finditer(r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", to.group(1))]
    if base is not None and not found and re.match(r"\s*(?:then\s+)?label\s+(?:the\s+)?(?:two\s+)?branch(?:es)?\b", s, re.I):
        # "Label the branches '1%' and '99%'": the weights of the branches drawn last without one, in order
        bare = [k for k, e in enumerate(edges) if e.get("label") in (None, "")]
        weights = [q for q in ex.quoted][:len(bare)]
        if weights and len(bare) >= len(weights):
            for k, w in zip(bare[-len(weights):], weights):
                edges[k] = dict(edges[k], label=w if re.search(r"\.\d*0%?$", w) else _weight(w))
            ctx.consumed.update(weights)
            ctx.stop = True
            ctx.replace(base, Beat("graph", dict(base.params, nodes=nodes, edges=edges), base.strings + tuple(weights),
                                   base.rule + "+weights", base.source, base.detail_index, base.keywords), i)
            return []
    for _, label, weight in sorted(found):
        label, weight = label.strip(), weight.strip()
        child = label if label not in ids else f"{parent}{label}"
        k = 2
        while child in ids:  # ends: k grows until the name is free
            child, k = f"{parent}{label}{k}", k + 1
        ids.append(child)
        nodes.append({"id": child} if child == label else {"id": child, "label": label})
        # the weight as written: "0.10" stays 0.10
        edge = {"from": parent, "to": child}
        if weight:
            edge["label"] = weight if re.search(r"\.\d*0%?$", weight) else _weight(weight)
        edges.append(edge)
        added += [label] + ([weight] if weight else [])
    if base is not None and not added:
        return None
    if len(ids) > 24 or len(edges) > 40:
        ctx.lost(i, "a tree of more than 24 nodes: the branches past that are not drawn")
        return None
    _claim_strings = [x for x in added] + ([name] if name else [])
    ctx.consumed.update(_claim_strings)
    for q in list(ex.quoted):
        if q in _claim_strings:
            ex.quoted.remove(q)
    ctx.stop = True
    params = {"nodes": nodes, "edges": edges, "layout": "tree"}
    if base is None:
        if re.search(r"\bfrom\s+left\s+to\s+right\b|\bleft[- ]to[- ]right\b|\bsideways\b", s, re.I):
            params["direction"] = "right"  # "Build a tree from left to right:"
        return [_beat("graph", "graph:tree-root", ex, i, _claim_strings, _kw(s) + ("tree",), **params)]
    ctx.replace(base, Beat("graph", dict(base.params, **params), base.strings + tuple(added), base.rule + "+branches",
                           base.source, base.detail_index, base.keywords + _kw(s)), i)
    return []


_LIST = r"\[\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*\s*\]"
_SPLIT = re.compile(r"\b(?:split|splits|divide|divides|break|breaks|partition\w*)\s+(?:it\s+|the\s+array\s+|the\s+list\s+)?"
                    r"(" + _LIST + r")?[^\[\].;]{0,40}?\binto\s+(" + _LIST + r")[^\[\].;]{0,20}?\band\s+(" + _LIST + r")", re.I)

# the weight first: 'the upper branch is labeled "0.01" and ends at the node "Disease"', '"0.9" to the leaf "+"'
_BRANCH_TO = re.compile(r"(?:\b(?:branch|edge)\s+(?:is\s+)?(?:labell?ed|marked)\s+)?[\"\u201c](-?\d+(?:\.\d+)?%?|\d+/\d+)"
                        r"[\"\u201d]\s*(?:,\s*)?(?:and\s+)?(?:(?:ends?|goes|leads?|points?)\s+(?:at|to|into)|to|->|→)\s+"
                        r"(?:the\s+|a\s+)?(?:node|leaf|child|outcome|box)?\s*[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", re.I)


def _labelled(n) -> dict:
    """A node as {id, label, …}: a node written as its bare name, or without a label, is labelled by its name."""
    n = dict(n) if isinstance(n, dict) else {"id": str(n)}
    n.setdefault("label", n["id"])
    return n


def _list_label(text: str) -> str:
    return ", ".join(x.strip() for x in text.strip()[1:-1].split(","))


def _split_tree(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None) -> list[Beat] | None:
    """"Split [38, 27, 43, 3] into [38, 27] and [43, 3]; split [38, 27] into [38] and [27]": a recursion tree of
    the pieces, each split adding two children under the piece it splits (merge sort, quicksort, divide and
    conquer). A split of a piece the tree does not hold yet starts from the array on screen."""
    found = list(_SPLIT.finditer(ex.sentence))
    if not found:
        return None
    if on_screen is not None and not on_screen.rule.startswith("graph:split-tree"):
        return None
    nodes = [_labelled(n) for n in on_screen.params["nodes"]] if on_screen is not None else []
    edges = list(on_screen.params.get("edges") or []) if on_screen is not None else []
    if on_screen is None:
        whole = None
        for b in reversed(since_clear(ctx)):
            if b.kind == "sequence":
                whole = ", ".join(str(t) for t in b.params.get("tokens") or [])
                break
        parent0 = _list_label(found[0].group(1)) if found[0].group(1) else whole
        if parent0 is None:
            return None
        nodes = [{"id": "n1", "label": parent0}]
    def leaf_with(label: str) -> str | None:
        parents = {e["from"] for e in edges}
        return next((n["id"] for n in nodes if n.get("label") == label and n["id"] not in parents), None)
    added = []
    last_parent = None
    for m in found:
        label = _list_label(m.group(1)) if m.group(1) else None
        parent = leaf_with(label) if label else last_parent or leaf_with(nodes[0]["label"])
        if parent is None:
            ctx.lost(i, f"the split of [{label}] is not drawn: no piece [{label}] is waiting to be split")
            continue
        for child in (m.group(2), m.group(3)):
            if len(nodes) >= 24:
                ctx.lost(i, "a recursion tree of more than 24 pieces: the rest are not drawn")
                break
            nid = f"n{len(nodes) + 1}"
            nodes.append({"id": nid, "label": _list_label(child)})
            edges.append({"from": parent, "to": nid})
            added.append(_list_label(child))
        last_parent = parent
    if not added:
        return None
    ex.prose[:] = []
    ctx.stop = True  # the lists are the tree's pieces, not also rows of cells
    params = {"nodes": nodes, "edges": edges, "layout": "tree"}
    if on_screen is None:
        return [_beat("graph", "graph:split-tree", ex, i, [n["label"] for n in nodes], _kw(ex.sentence) + ("tree",),
                      **params)]
    ctx.replace(on_screen, Beat("graph", dict(on_screen.params, **params), on_screen.strings + tuple(added),
                                on_screen.rule + "+split", on_screen.source, on_screen.detail_index,
                                on_screen.keywords + _kw(ex.sentence)), i)
    return []


_PIECES = re.compile(r"\[\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*)\s*\]")
_LEVEL_CUE = re.compile(r"\b(?:split\w*|divid\w*|level|halves|halve\w*|break\w*|partition\w*|recurs\w*)\b", re.I)


def _level_split(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None) -> list[Beat] | None:
    """"Level 0 at the top: [38, 27, 43, 3, 9, 82, 10]. Split into level 1: [38, 27, 43, 3] and [9, 82, 10]. Split
    into level 2: [38, 27], [43, 3], [9, 82], [10]": the pieces of a level, each under the piece it is cut from —
    the recursion tree, grown level by level from the array on screen."""
    if not _LEVEL_CUE.search(ex.bare or ex.sentence) or _SPLIT.search(ex.sentence):
        return None  # ("split [5, 2] into [5] and [2]": each split names its piece — _split_tree)
    pieces = [[t.strip() for t in m.group(1).split(",")] for m in _PIECES.finditer(ex.sentence)]
    if len(pieces) == 1 and on_screen is None and re.search(r"\blevel\s+0\b|\broot\b", ex.sentence, re.I) and \
            re.search(r"\blevels?\s+1\b|\bsplit\w*\b", ctx.about, re.I):
        # "Level 0 at the top: [38, 27, 43, 3, 9, 82, 10]" before "Split into level 1: …": the tree's root
        ctx.stop = True
        ex.vectors[:] = []
        root = {"id": "n1", "label": ", ".join(pieces[0])}
        return [_beat("graph", "graph:split-tree", ex, i, [root["label"]], _kw(ex.sentence) + ("tree",),
                      nodes=[root], edges=[], layout="tree")]
    if len(pieces) < 2:
        return None
    tree = on_screen if on_screen is not None and on_screen.rule.startswith("graph:split-tree") else None
    root_seq = None
    if tree is None:
        if on_screen is not None:
            return None
        root_seq = next((b for b in reversed(since_clear(ctx)) if b.kind == "sequence"), None)
        if root_seq is None:
            return None
        whole = [str(t) for t in root_seq.params.get("tokens") or []]
        nodes = [{"id": "n1", "label": ", ".join(whole)}]
        edges: list[dict] = []
    else:
        nodes = [_labelled(n) for n in tree.params["nodes"]]
        edges = list(tree.params.get("edges") or [])

    def tokens(n: dict) -> list[str]:
        return [t.strip() for t in str(n["label"]).split(",")]

    def inside(small: list[str], big: list[str]) -> bool:
        return len(small) < len(big) and any(big[k:k + len(small)] == small for k in range(len(big) - len(small) + 1))

    placed: list[tuple[str, list[str]]] = []
    split = {e["from"] for e in edges}
    for piece in pieces:
        # a piece carried down whole ("[10]" under "[10]": one element is not split), else the deepest piece it is cut
        # from (the last one added that holds it) — never a piece above it that was split already
        parent = next((n["id"] for n in reversed(nodes) if tokens(n) == piece and n["id"] not in split), None) or next(
            (n["id"] for n in reversed(nodes) if inside(piece, tokens(n))), None)
        if parent is None:
            return None  # not a split of what is on screen: lists of their own
        placed.append((parent, piece))
    if len(nodes) + len(placed) > 24:
        ctx.lost(i, "a recursion tree of more than 24 pieces: the deepest level is not drawn")
        return None
    added = []
    for parent, piece in placed:
        nid = f"n{len(nodes) + 1}"
        nodes.append({"id": nid, "label": ", ".join(piece)})
        edges.append({"from": parent, "to": nid})
        added.append(", ".join(piece))
    ex.prose[:] = []
    ex.vectors[:] = []
    ctx.stop = True  # the lists are the tree's pieces, not also rows of cells
    params = {"nodes": nodes, "edges": edges, "layout": "tree"}
    if tree is None:
        ctx.beats.remove(root_seq)  # the array becomes the tree's root
        return [Beat("graph", params, tuple(n["label"] for n in nodes), "graph:split-tree+levels", root_seq.source,
                     root_seq.detail_index, root_seq.keywords + _kw(ex.sentence) + ("tree",))]
    ctx.replace(tree, Beat("graph", dict(tree.params, **params), tree.strings + tuple(added), tree.rule + "+split",
                           tree.source, tree.detail_index, tree.keywords + _kw(ex.sentence)), i)
    return []


def _recalled_here(beat: Beat, i: int) -> bool:
    return beat.detail_index == i and beat.rule.startswith("graph:recalled")


def _add_edges(ex: Extracted, ctx: Context, i: int, graph: Beat, edges: list[dict]) -> list[Beat] | None:
    """"Draw the undirected edges with weight labels: A-B '4', A-C '2'…": edges of the graph on screen."""
    if not re.search(r"\b(?:edges?|connect\w*|links?|lines?)\b", ex.bare, re.I):
        return None
    ids = set(_ids(graph))
    have_pairs = {frozenset((e["from"], e["to"])) for e in graph.params.get("edges") or []}
    fresh = [e for e in edges if e["from"] in ids and e["to"] in ids and frozenset((e["from"], e["to"])) not in have_pairs]
    unknown = [e for e in edges if e["from"] not in ids or e["to"] not in ids]
    if not fresh:
        return None  # edges already drawn: an operation on them ("Highlight edge A-B in orange")
    for e in unknown:
        ctx.lost(i, f"edge {e['from']}-{e['to']}: no such node on the graph")
    have = list(graph.params.get("edges") or [])
    params = dict(graph.params, edges=ctx.capped(i, have + [e for e in fresh if e not in have], 40, "edges"))
    if re.search(r"\bdirected\b", ex.sentence, re.I) and not re.search(r"\bundirected\b", ex.sentence, re.I):
        params["directed"] = True
    labels = [str(e["label"]) for e in fresh if "label" in e]
    ctx.replace(graph, Beat("graph", params, graph.strings + tuple(x for x in labels if x not in graph.strings),
                            graph.rule + "+edges", graph.source, graph.detail_index, graph.keywords), i)
    ctx.consumed.update(labels)
    if all(q in ctx.consumed for q in ex.quoted):
        ctx.stop = True  # "Draw undirected edges: A-B, A-C, …": the list is the graph's, never a caption
    return []


# ----------------------------------------------------------------------------- operations
def _node_refs(text: str, ids: set[str]) -> list[str]:
    """Node names the text mentions, in order ("node A", "A and C", "nodes B, D")."""
    text = _ARTICLE_A.sub(" ", text)
    return [m.group(0) for m in re.finditer(r"(?<![\w'.-])(?:" + NODE + r")(?![\w'(-]|\.\d)", text) if m.group(0) in ids]


def _current_graph(graph: Beat, ctx: Context) -> Beat:
    """The graph as it stands on screen: a tree grown since `graph` was drawn is the one on screen."""
    return next((b for b in since_clear(ctx) if b.kind == "graph" and not b.params.get("extend")), graph)


def _side_edge(graph: Beat, ctx: Context, side: str) -> tuple[str, str] | None:
    """The edge from the top node to its left or right child, in a graph drawn at written places."""
    current = _current_graph(graph, ctx)
    at = {str(n["id"]): n["at"] for n in current.params.get("nodes") or [] if isinstance(n, dict) and n.get("at")}
    edges = [(str(e["from"]), str(e["to"])) for e in current.params.get("edges") or []]
    if not at or not edges:
        return None
    top = max(at, key=lambda n: at[n][1])
    down = [(a, b) for a, b in edges if a == top and b in at]
    if not down:
        return None
    return (min if side == "left" else max)(down, key=lambda e: at[e[1]][0])


MAX_LABELS = 24  # edge labels one sentence writes


def _side_edges(graph: Beat, ctx: Context, side: str) -> list[tuple[str, str]]:
    """Every edge down to a left (or right) child: by where the children sit when the graph is drawn at places, else
    by the order its edges were given (a parent's first child is its left one)."""
    current = _current_graph(graph, ctx)
    at = {str(n["id"]): n["at"] for n in current.params.get("nodes") or [] if isinstance(n, dict) and n.get("at")}
    edges = [(str(e["from"]), str(e["to"])) for e in current.params.get("edges") or []]
    out = []
    for parent in dict.fromkeys(a for a, _ in edges):
        kids = [e for e in edges if e[0] == parent]
        if len(kids) != 2:
            continue
        if all(k in at for _, k in kids):
            kids.sort(key=lambda e: at[e[1]][0])
        out.append(kids[0] if side == "left" else kids[1])
    return out


def _operate(ex: Extracted, ctx: Context, i: int, graph: Beat) -> list[Beat]:
    ids = set(_ids(graph)) | _inserted_since(graph, ctx)
    waiting = _waiting(graph, ctx)
    steps: list[dict] = []
    used: list[str] = []
    last_node: list[str] = []
    clauses = re.split(r"\s*(?:;|,?\s+and then\s+|,?\s+then\s+|\.\s+|,\s+(?=(?:and\s+)?(?:highlight|mark|fill|write|show|"
                       r"update|dim|draw|colou?r|check|skip)\b)|\s+and\s+(?=(?:highlight|mark|fill|write|show|update|dim|"
                       r"draw|colou?r|add)\b))", ex.sentence, flags=re.I)
    search = re.search(r"(?i:\b(?:search\w*|look\w*\s+for|find\w*)\s+(?:for\s+)?)(" + NODE + r")\b", ex.sentence)
    walked = _node_refs(re.sub(r"\([^)]*\)", " ", ex.sentence), ids)
    if search and len(walked) >= 2:
        # "Search for 60: start at the root 50, go right to 70, then left to 60": the path walked, in order
        seq = list(dict.fromkeys(walked[1:] if walked[0] == search.group(1) else walked))
        if len(seq) >= 2:
            steps.append({"action": "path", "nodes": seq, **({"color": _colour(ex.sentence)} if _colour(ex.sentence) else {})})
            clauses = []
    named = _path_of_names(ex.sentence, ids) if not steps and re.search(r"\b(?:path|route)\b", ex.bare, re.I) else []
    if len(named) >= 2:
        # "Highlight the path . → com → example → www in yellow": the nodes named as the graph names them
        steps.append({"action": "path", "nodes": named, **({"color": _colour(ex.sentence)} if _colour(ex.sentence) else {})})
        clauses = []
    moving = re.search(r"\b(?:dot|token|marker|pointer|cursor|ball)\b[^.]{0,40}?\b(?:travels?|moves?|walks?|goes|slides?|"
                       r"hops?|runs?)\s+(?:from|along|down|through)\b", ex.sentence, re.I)
    order = re.search(r"\b(?:dot|token|marker|pointer|cursor|ball)\b[^.]{0,40}?\bvisits?\b[^.]{0,30}?\b(?:in\s+(?:the\s+)?order|"
                      r"one\s+by\s+one|in\s+turn)\b", ex.sentence, re.I)
    if not steps and order:
        # "a yellow dot visits nodes in the order 20, 30, 40, 50": a traversal, the dot travelling along the edges
        seq = _node_refs(re.sub(r"\([^)]*\)", " ", QUOTED.sub(" ", ex.sentence[order.start():])), ids)
        if len(seq) >= 2:
            steps.append({"action": "walk", "nodes": seq[:24], **({"color": _colour(ex.sentence)} if _colour(ex.sentence) else {})})
            clauses = []
    if not steps and moving and len(walked) >= 2:
        # "A small dot travels from 50 down to 30, down to 20, back up to 30, down to 40": the walk, in order
        seq = [n for k, n in enumerate(walked) if k == 0 or n != walked[k - 1]]
        steps.append({"action": "path", "nodes": seq, **({"color": _colour(ex.sentence)} if _colour(ex.sentence) else {})})
        clauses = []
    marks: list[tuple[str, int]] = []
    for clause in clauses:
        marks.append((clause, len(steps)))
        low = QUOTED.sub(" ", clause).lower()  # what the clause says, not what it quotes
        tabular = re.search(r"\b(?:table|rows?|columns?|cells?)\b", re.sub(r"\([^)]*\)", " ", low)) is not None  # "Final table: A 0 - (visited)"
        colour = _colour(clause)
        path = PATH.search(clause)
        edges = [(e["from"], e["to"]) for e in _edges(clause) if e["from"] in ids and e["to"] in ids]
        nodes = list(dict.fromkeys(_node_refs(re.sub(r"\([^)]*\)", " ", clause), ids)))
        if re.search(r"\b(?:all|every)\s+(?:the\s+)?nodes\b", low):
            nodes = [n for n in _ids(graph)]  # "with all nodes visited"
        quoted = [q for q in ex.quoted if q in clause]
        if path and re.search(r"\bpath\b|\bhighlight\b|\broute\b", low):
            seq = [p for p in re.split(r"\s*(?:->|→|-|–)\s*", path.group(1)) if p in ids]
            if len(seq) >= 2:
                steps.append({"action": "path", "nodes": seq, **({"color": colour} if colour else {})})
                continue
        boxed = re.search(r"\b(?:rectangles?|box|outline|frame|ellipse|one|another)\b[^.;]*?\b(?:around|enclos\w*|surround\w*)\b", low)
        inside = list(dict.fromkeys(_node_refs(QUOTED.sub(" ", clause[boxed.start():]), ids))
                      ) if boxed else []
        if boxed and inside:
            # "a transparent rounded rectangle around the whole left subtree (30, 20, 40) and label it "all < 50""
            label = next((q for q in quoted if q not in inside), None)
            steps.append({"action": "box", "nodes": inside, **({"text": label} if label else {}),
                          **({"color": colour} if colour else {})})
            if label:
                used.append(label)
            continue
        walk = re.match(r"\s*(" + NODE + r")\s*:\s*(?:root\s*(?:->|→|,)\s*)?((?:left|right)(?:\s*(?:,|->|→)\s*(?:left|right))*)"
                        r"\s*=\s*[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]\s*\.?\s*$", clause, re.I)
        if walk:
            # "C: right, left, left = "100"": the way down from the root to C, lit up, and C's code written beside it
            left, right = dict(_side_edges(graph, ctx, "left")), dict(_side_edges(graph, ctx, "right"))
            parents = {b for a, b in (list(left.items()) + list(right.items()))}
            root = next((a for a in list(left) + list(right) if a not in parents), None)
            seq = [root] if root else []
            for turn in re.findall(r"left|right", walk.group(2), re.I):
                nxt = (left if turn.lower() == "left" else right).get(seq[-1]) if seq else None
                if nxt is None:
                    seq = []
                    break
                seq.append(nxt)
            if len(seq) >= 2 and seq[-1] == walk.group(1):
                steps.append({"action": "path", "nodes": seq, **({"color": colour} if colour else {})})
                steps.append({"action": "note", "nodes": [seq[-1]], "text": walk.group(3)})
                used.append(walk.group(3))
                ctx.stop = True  # ("root -> left" is the way down, no chain of boxes)
                continue
            ctx.lost(i, f"the way {walk.group(2)!r} from the root does not end at {walk.group(1)!r}: it is not traced")
        each = [(m.group(1), m.group(2).lower()) for m in re.finditer(
            r"[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]\s+(?:on|along|beside|next\s+to|by)\s+(?:each|every|all(?:\s+the)?)\s+(left|right)\s+"
            r"(?:edges?|branch(?:es)?|links?)\b", clause)]
        labelled = [(text_, edge) for text_, side in each for edge in _side_edges(graph, ctx, side)]
        if labelled:
            # 'Write "0" on each left edge and "1" on each right edge': every edge down to a left child, every one to a right
            steps += [{"action": "label", "edges": [list(edge)], "text": text_} for text_, edge in labelled[:MAX_LABELS]]
            used += [t for t, _ in each]
            continue
        sides = [(m.group(1), m.group(2).lower()) for m in re.finditer(
            r"[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]\s+(?:next\s+to|beside|on|along|by)\s+the\s+(left|right)\s+edge\b", clause)]
        if sides:
            # 'Put the label "smaller" next to the left edge and "larger" next to the right edge': the edges down
            # from the top node, told apart by where their children sit
            for text_, side in sides:
                edge = _side_edge(graph, ctx, side)
                if edge is not None:
                    steps.append({"action": "label", "edges": [list(edge)], "text": text_})
                    used.append(text_)
            if used:
                continue
        child = re.search(r"\b(?:left|right)\s+child\s+(?:is\s+|of\s+)?(" + NODE + r")\b", clause)
        if child and child.group(1) not in ids and re.search(r"\b(?:add|insert|attach|put|place|draw)\w*\b", low):
            kids = [c for c in re.findall(r"\b(?:left|right)\s+child\s+(?:is\s+|of\s+)?(" + NODE + r")\b", clause)
                    if c not in ids]
            steps.append({"action": "insert", "nodes": [_weight(c) if c[0].isdigit() else c for c in kids]})
            ids.update(kids)
            continue
        # (the verb in any case, the node as written: "add a check mark" adds no node "a")
        change = re.search(r"(?i:\b(insert|add|delete|remove)\w*\s+(?:the\s+)?(?:(?:new\s+)?(?:key|node|value|leaf|number)\s+)?)("
                           + NODE + r")\b", clause)
        if change and (change.group(1).lower() in ("insert", "add")) != (change.group(2) in ids - waiting):
            key = _weight(change.group(2)) if change.group(2)[0].isdigit() else change.group(2)
            steps.append({"action": "insert" if change.group(1).lower() in ("insert", "add") else "remove", "nodes": [key]})
            ids.add(change.group(2))
            waiting.discard(change.group(2))
            last_node = [change.group(2)]
            continue
        moved = re.search(r"(?<![\w.-])(" + NODE + r")\s+(?:moves|goes|slides|drops|is placed|lands)\s+(?:in)?to\s+\(", clause)
        if moved and moved.group(1) in ids:
            ctx.consumed.add(moved.group(1))  # "30 moves to (-3, 1)": to its place in the graph, not a new picture
            ctx.modified.add(i)
            continue
        shown = re.match(r"\s*(?:then\s+)?(?:the\s+)?(?:new\s+)?node\s+(" + NODE + r")\s+(?:appears|is\s+(?:drawn|added|placed))\b",
                         clause, re.I)
        if shown and shown.group(1) in ids and shown.group(1) not in waiting and graph.params.get("nodes") and any(
                isinstance(n, dict) and n.get("hidden") for n in graph.params["nodes"]):
            ctx.modified.add(i)  # "Insert 50: … Node 50 appears.": the insert just drew it
            continue
        if re.search(r"\bdim\w*\b|\bfade\w*\b|\bgr[ae]y\w*\b", low) and edges:
            steps.append({"action": "dim", "edges": [list(e) for e in edges]})
            continue
        if re.search(r"\bdim\w*\b|\blow\s+opacity\b|\bgr[ae]y(?:ed)?\s+out\b", low) and not edges:
            # "Dim the whole left subtree (30, 20, 40) to low opacity", "Dim node 80"
            every = list(dict.fromkeys(_node_refs(clause, ids)))
            if every:
                steps.append({"action": "dim", "nodes": every})
                continue
        turns = re.search(r"\b(?:turns?|becomes?|goes|changes?\s+to|(?:is\s+)?colou?red(?:\s+in)?)\s+(" + COLOUR_RE.pattern + r")",
                          clause, re.I)
        if turns and nodes and not tabular:
            steps.append({"action": "color", "nodes": nodes, "color": colour_value(turns.group(1))})  # "Node 60 turns green"
            last_node = nodes[-1:]
            continue
        arrow = re.search(r"\barrow\s+(?:from\s+)?(" + NAME + r")\s+(?:back\s+)?to\s+(" + NAME + r")\b", clause)
        if arrow and arrow.group(1) in ids and arrow.group(2) in ids:
            steps.append({"action": "path", "nodes": [arrow.group(1), arrow.group(2)], **({"color": colour} if colour else {})})
            last_node = [arrow.group(1)]
            continue
        if edges and re.search(r"\b(?:highlight|check|colou?r|flash|mark|examine|relax)\w*\b|\bin\s+" + COLOUR_RE.pattern,
                               low):
            steps.append({"action": "color", "edges": [list(e) for e in edges], "color": colour or "#FF8C00"})
            last_node = [edges[-1][1]]
            continue
        if not tabular and re.search(r"\bvisited\b|\bfill\w*\b|\bmark\w*\b[^.]*\b(?:done|final)\b", low) and (
                nodes or last_node):
            steps.append({"action": "mark", "nodes": nodes or last_node})
            last_node = (nodes or last_node)[-1:]
            continue
        note = re.search(r"\b(?:label|number|value|distance|text)\b[^.]*?\b(?:next to|beside|of|by|on)\s+(?:node\s+)?("
                         + NAME + r")\b[^.]*?\bto\s+(" + NUM + r"|∞|inf\w*)", clause) or re.search(
            r"\b(?:its|the)\s+(?:graph\s+)?label\s+to\s+(" + NUM + r"|∞|inf\w*)", clause)
        if note:
            node = note.group(1) if note.lastindex == 2 else (last_node[-1] if last_node else None)
            text = _weight(note.group(note.lastindex)) if note.group(note.lastindex)[:3].lower() != "inf" else "∞"
            if node in ids:
                steps.append({"action": "note", "nodes": [node], "text": text})
                continue
        named = re.match(r"\s*(?:then\s+)?(?:label|tag|mark|name)\s+(?:the\s+)?(?:node\s+|vertex\s+)?(" + NAME + r")\s+(?:with|as)\s+"
                         r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]", clause, re.I)
        if named and named.group(1) in ids:
            # "Label node A with "start"": a note beside that node
            steps.append({"action": "note", "nodes": [named.group(1)], "text": named.group(2)})
            used.append(named.group(2))
            continue
        if re.search(r"\b(?:write|show|put|place|add)\b", low) and re.search(
                r"\b(?:under|below|above|next to|beside|near|by)\s+(?:it|node\s+" + NAME + r"|" + NAME + r")\b", clause):
            target = nodes[-1:] or last_node
            if quoted and target:
                steps.append({"action": "note", "nodes": target, "text": quoted[0]})
                used.append(quoted[0])
                continue
            every = re.search(r"(" + NUM + r"|infinity symbol|∞)\s+next to\s+(?:node\s+)?(" + NAME + r")\b[^,]*,?\s*(?:and\s+)?"
                              r"(?:the\s+)?(" + NUM + r"|infinity symbol|∞)\s+next to\s+every other node", clause)
            if every:
                first = every.group(2)
                val = [_weight(v) if v[0].isdigit() or v[0] == "-" else "∞" for v in (every.group(1), every.group(3))]
                steps.append({"action": "note", "nodes": [first], "text": val[0]})
                steps += [{"action": "note", "nodes": [n], "text": val[1]} for n in sorted(ids) if n != first]
                continue
        if not tabular and (re.search(r"\b(?:highlight|current|visit\w*|select|pick|start at)\b", low) or re.match(
                r"\s*(?:step\s+\d+\s*:\s*)?(?:then\s+|and\s+)?circle\b", low)) and nodes:  # ("an empty circle": a noun)
            steps.append({"action": "visit", "nodes": nodes, **({"color": colour} if colour else {})})
            last_node = nodes[-1:]
            continue
        if nodes:
            last_node = nodes[-1:]
    if not steps:
        return []
    ends = [n for _, n in marks[1:]] + [len(steps)]
    for (clause, n0), n1 in zip(marks, ends):
        if n1 == n0 and re.match(r"\s*(?:step\s+\d+\s*:\s*)?(?:then\s+)?(?:draw|add)\b", clause, re.I) and re.search(
                r"\b(?:edges?|circles?|nodes?|arrows?|lines?)\b", QUOTED.sub(" ", clause), re.I):
            # "Step 4: draw a short dashed edge from 60 … to a dashed empty circle at (2.25, -2)": said, never silent
            what = re.sub(r"^\s*(?:step\s+\d+\s*:\s*)?(?:then\s+)?", "", clause, flags=re.I)
            ctx.lost(i, f"{what[:70]!r} is not drawn on the graph")
    ctx.consumed.update(used)
    strings = [str(s["text"]) for s in steps if "text" in s]
    return [_beat("graph", "graph:steps", ex, i, strings, _kw(ex.sentence), extend=True, steps=steps[:16])]
