"""References to what earlier scenes drew: the component comes back, with its parameters.

Each scene starts on an empty screen, but an LLM's storyboard writes as if the picture carried on:

    Show the same bell curve from Scene 1. Highlight the left and right sides…
    Highlight the multiples of 5 in the grid: 5, 10, 15, 20, 25, 30.
    Draw the line of best fit through the scatter plot.
    Place a ball on the curve at w = 0.
    On the same axes, draw an upward sloping supply curve labeled "Supply".
    Replace the "Transport" box with a box labeled "Mock Transport".
    Show the array again with pointers "low" at index 0 and "high" at index 9.

`rule_recall` runs before the other rules: when a sentence refers to a component that is not on
screen in this scene but was drawn in an earlier one — explicitly ("the same … from Scene 1",
"… again", "the same axes", "the previous scene") or as the place of an operation ("in the grid",
"on the curve", "through the layers", "the "Transport" box") — it draws that component again
(rule `<kind>:recalled-from-scene-N`), in the state the earlier scene left it: a plot with all the
curves and points its scene added, a grid without its highlight. The later rules then extend it.
A sentence that only asks for the component again ("Show the same bell curve from Scene 1.") is
fully handled here.
"""

from __future__ import annotations

import re

from ..components.graph import tree_place
from .beats import Beat
from .context import since_clear
from .extract import Extracted, named_points
from ..mathtext import looks_like_math
from .knowledge import component_nouns
from .rules_plot import axis_range, both_axes_range

# nouns -> the component kinds they may name, most likely first
NOUNS: tuple[tuple[str, tuple[str, ...]], ...] = component_nouns()  # planner/data/vocabulary.json
_EXPLICIT = re.compile(r"\b(?:the\s+)?same\b(?!\s+(?:length|lengths|size|height|width|colou?r|speed|time|amount|value|"
                       r"rate|distance|direction|sign|way|spacing|scale|slope|magnitude|area|pace|order)\b)|\bagain\b|\b(?:copy|version|replica)\s+of\s+the\b|\bboth\s+(?:curves|graphs|functions|parabolas)\b|\bthe\s+(?:axes|graph|plot)\s+(?:and|with)\s+(?:the\s+)?curves?\b|\breset\b|\bre-?(?:draw|creat|show|display|us)\w*\b|\bbring\s+back\b|\bfrom\s+(?:the\s+)?(?:scene\s+\d+|previous|earlier|last|"
                       r"first|prior)\b|(?<!below the )(?<!under the )(?<!beneath the )(?<!after the )(?<!than the )\bprevious(?:ly)?\b"
                       r"(?!\s+(?:line|lines|step|steps|row|rows|one|ones|equations?|formula|result|value|term|item|entry|number|"
                       r"digit|word|guess|estimate|iteration)\b)|\bearlier\b|\bas\s+before\b|\bfrom\s+before\b|"
                       r"\bstill on screen\b|\bremains?\b|\bthe\s+(?:first|original|initial|earlier)\s+(?:arrangement|figure|picture|construction|"
                       r"configuration|setup|drawing)\b|\b(?:comes?|coming|brings?|bringing|goes|is|are)\s+back\b(?! and forth)|\bback\s+(?:again|on\s+screen)\b|\b(?:a|an)\s+(?:small(?:er)?\s+|mini(?:ature)?\s+|reduced\s+)?copy\s+of\s+the\b", re.I)
_PLACE = re.compile(r"\b(?:on|in|under|along|through|to|into|onto|from|of|over|across|at|inside|within|beside|near|"
                    r"below|above|around|below|toward|towards|down|up|between)\s+(?:the|this|that|these|those|both)\s+"
                    # (not "on the right with columns": a place, then what the new picture has)
                    r"(?:(?!(?:with|and|for|whose|that|which)\b)\w+\s+){0,3}?(?P<noun>NOUN)\b", re.I)
_OPERATION = re.compile(r"^\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+)?(?:highlight|animate|mark|label|shade|zoom|"
                        r"replace|extend|fill|move|shift|circle|colou?r|fade|gr[ae]y out|remove|swap|update|change|"
                        r"place|put|overlay|point|zoom|keep|leave|start|begin)\w*\s+(?:\w+\s+){0,4}?(?:the|this|that|these|"
                        r"those)\s+(?:(?!(?:on|in|at|of|to|with|from|into|onto|over|under|for)\b)\w+\s+){0,3}?"
                        # ("Keep the n = 5, p = 0.3 bar chart on the left": the chart named by its numbers)
                        r"(?:[\w.]+\s*=\s*[\w.]+,?\s+(?:[\w.]+\s*=\s*[\w.]+\s+)?)?(?P<noun>NOUN)\b", re.I)
_TRANSIENT = ("grown", "highlight", "highlight_row", "highlight_col", "highlight_cell", "highlight_max", "move_dot", "area",
              "extend", "new_values", "sentence", "hull", "query", "query_label")


def _noun_kinds(text: str) -> list[tuple[int, tuple[str, ...]]]:
    out = []
    for pat, kinds in NOUNS:
        for m in re.finditer(r"\b(?:" + pat + r")\b", text, re.I):
            out.append((m.start(), kinds))
    return out


def _on_screen_kinds(ctx) -> set[str]:
    kinds = set()
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            break
        kinds.add(b.kind)
    return kinds


def _fold_inserts(params: dict, steps: list[dict]) -> list[dict]:
    """A recalled graph holds the nodes its scene inserted (drawn at once, not inserted again): a hidden node is
    shown, a key joins a `bst`, a key inserted into a tree at written places gets the place its search finds. The
    steps that cannot be folded stay."""
    nodes = list(params.get("nodes") or [])
    edges = list(params.get("edges") or [])
    rest = []
    for st in steps:
        new = [str(n) for n in st.get("nodes") or []]
        if st.get("action") != "insert" or st.get("edges") or len(new) != 1:
            rest.append(st)
            continue
        ids = [str(n["id"] if isinstance(n, dict) else n) for n in nodes]
        key = new[0]
        if key in ids and isinstance(nodes[ids.index(key)], dict) and nodes[ids.index(key)].get("hidden"):
            nodes[ids.index(key)] = {k: v for k, v in nodes[ids.index(key)].items() if k != "hidden"}
            continue
        if params.get("layout") == "bst" and key not in ids:
            nodes.append(st["nodes"][0])
            continue
        pos = {str(n["id"]): tuple(n["at"]) for n in nodes if isinstance(n, dict) and n.get("at") and not n.get("hidden")}
        found = tree_place(key, pos, [(str(e["from"]), str(e["to"])) for e in edges]) if (
            key not in ids and len(pos) == len(nodes) and not st.get("at")) else None
        if found is None:
            rest.append(st)
            continue
        path, (x, y) = found
        nodes.append({"id": st["nodes"][0], "at": [round(x, 3), round(y, 3)]})
        edges.append({"from": path[-1], "to": st["nodes"][0]})
    params["nodes"] = nodes
    if edges:
        params["edges"] = edges
    return rest


def scene_state(sp, kind: str) -> Beat | None:
    """The component of `kind` as scene `sp` left it (a plot with every curve its beats added)."""
    if kind not in sp.kinds:
        return None
    beats = [b for b in sp.beats if b.kind == kind]
    if not beats:
        return None
    if kind == "plot":
        base = next((b for b in reversed(beats) if not b.params.get("extend")), beats[0])
        start = beats.index(base)
        params = {k: v for k, v in base.params.items() if k not in _TRANSIENT}
        curves = list(params.get("curves") or [])
        points = list(params.get("points") or [])
        markers = list(params.get("markers") or [])
        series = list(params.get("series") or [])
        segments = list(params.get("segments") or [])
        strings = list(base.strings)
        for b in beats[start + 1:]:
            curves += [c for c in b.params.get("curves") or [] if c not in curves]
            points += [p for p in b.params.get("points") or [] if p not in points]
            markers += [m for m in b.params.get("markers") or [] if m not in markers]
            series += [x for x in b.params.get("series") or [] if x not in series]  # "the same axes and dots"
            # "both lines D and S as before": the lines drawn on the plane
            for x in b.params.get("segments") or []:  # (the same line drawn again, coloured: the newer one)
                segments = [g for g in segments if (g["start"], g["end"]) != (x["start"], x["end"])] + [x]
            strings += [s for s in b.strings if s not in strings]
        for key, val in (("curves", curves[:6]), ("points", points[:12]), ("markers", markers[:6]), ("series", series[:6]),
                         ("segments", segments[-8:])):
            if val:
                params[key] = val
            else:
                params.pop(key, None)
        strings = [s for s in strings if not s.startswith("area ≈")]
        return Beat("plot", params, tuple(strings), base.rule, base.source, base.detail_index, base.keywords)
    if kind == "circuit":
        # the circuit as the scene left it: each switch in the state its toggles left it in ("a copy of the closed
        # circuit" after a scene that closed it); its passing steps (current, highlights) not kept
        base = next((b for b in reversed(beats) if not b.params.get("extend")), None)
        if base is None or not base.params.get("elements"):
            return base
        toggles = [st for b in beats[beats.index(base):] for st in b.params.get("steps") or [] if st.get("action") == "toggle"]
        if not toggles:
            return base
        switches = [e for e in base.params["elements"] if e.get("type") == "switch"]
        flips = {e.get("name"): sum(1 for st in toggles if st.get("element", switches[0].get("name") if switches else None)
                                    == e.get("name")) for e in switches}
        elements = [dict(e, open=not e.get("open", True)) if e.get("type") == "switch" and flips.get(e.get("name"), 0) % 2
                    else e for e in base.params["elements"]]
        params = {k: v for k, v in base.params.items() if k != "steps"}
        params["elements"] = elements
        return Beat(kind, params, base.strings, base.rule, base.source, base.detail_index, base.keywords)
    if kind == "message_chart":
        # "Show the same two timelines": the parties, ready for a new exchange (not the old messages)
        base = next((b for b in reversed(beats) if not b.params.get("extend")), None)
        if base is None:
            return None
        params = {k: v for k, v in base.params.items() if k in ("lifelines", "time_arrow")}
        return Beat(kind, params, tuple(params.get("lifelines") or ()), base.rule, base.source, base.detail_index,
                    base.keywords)
    if kind == "graph":
        # the graph as drawn, with what its steps left behind (visited marks, notes, labels; not a passing path)
        base = next((b for b in reversed(beats) if not b.params.get("extend")), None)
        if base is None:
            return None
        kept = [st for b in beats[beats.index(base) + 1:] for st in b.params.get("steps") or []
                if st.get("action") in ("mark", "note", "label", "insert", "remove", "dim")]
        params = {k: v for k, v in base.params.items() if k not in _TRANSIENT and k != "steps"}
        kept = _fold_inserts(params, list(base.params.get("steps") or []) + kept)
        if kept:
            params["steps"] = kept[-16:]
        return Beat("graph", params, base.strings, base.rule, base.source, base.detail_index, base.keywords)
    if kind == "vector_plane":
        # the grid with every vector its beats drew (a grid a matrix moved is recalled as first drawn)
        base = next((b for b in reversed(beats) if not b.params.get("extend")), None)
        if base is None:
            return None
        later = beats[beats.index(base) + 1:]
        params = {k: v for k, v in base.params.items() if k not in _TRANSIENT and k not in ("matrices", "shapes")}
        vectors = list(params.get("vectors") or [])
        strings = list(base.strings)
        if not any(b.params.get("matrices") for b in [base] + later):
            for b in later:
                vectors += [v for v in b.params.get("vectors") or [] if v not in vectors]
                strings += [v["label"] for v in b.params.get("vectors") or [] if v.get("label") and v["label"] not in strings]
        if vectors:
            params["vectors"] = vectors[:8]
        return Beat(kind, params, tuple(strings), base.rule, base.source, base.detail_index, base.keywords)
    if kind == "physics":
        # the picture with the arrows its beats added, removed and relabelled ("the blue arrow label becomes …"),
        # without its animations
        base = next((b for b in reversed(beats) if not b.params.get("extend")), None)
        if base is None:
            return None
        vectors = list(base.params.get("vectors") or [])
        for b in [base] + beats[beats.index(base) + 1:]:
            if b is not base:
                vectors += list(b.params.get("vectors") or [])
            for st in b.params.get("steps") or []:
                if st.get("action") == "remove":
                    vectors = [v for v in vectors if v.get("label") not in (st.get("labels") or [])]
                elif st.get("action") == "vector":
                    vectors += list(st.get("vectors") or [])
        params = {k: v for k, v in base.params.items() if k not in _TRANSIENT and k != "steps"}
        if vectors:
            params["vectors"] = vectors[:10]
        strings = tuple(dict.fromkeys(list(base.strings) + [v["label"] for v in vectors if v.get("label")]))
        return Beat(kind, params, strings, base.rule, base.source, base.detail_index, base.keywords)
    # the component as drawn: an `extend` beat after it only acts on it (its own params are a part of the picture)
    last = next((b for b in reversed(beats) if not b.params.get("extend")), beats[-1])
    params = {k: v for k, v in last.params.items() if k not in _TRANSIENT}
    if kind == "bar_chart" and last.params.get("new_values"):
        params["values"] = last.params["new_values"]
    if kind == "sequence":
        params["mode"] = "show"
    return Beat(kind, params, last.strings, last.rule, last.source, last.detail_index, last.keywords)


def _find(ctx, kinds: tuple[str, ...], scene: int | None, words: list[str]) -> tuple[int, Beat] | None:
    scenes = [sp for sp in ctx.history if scene is None or sp.number == scene]
    for sp in reversed(scenes):
        for kind in kinds:
            b = scene_state(sp, kind)
            if b is None:
                continue
            # ("On the data axes, draw …": the axes whose own sentence called them so, "On the data axes (x from 0 to 5 …")
            if words and not any(w.lower() in " ".join(b.strings).lower() or re.search(
                    r"\b" + re.escape(w.lower()) + r"\b", (b.source or "").lower()) for w in words):
                continue
            return sp.number, b
    return None


def rule_recall(ex: Extracted, ctx, i: int) -> list[Beat]:
    if not ctx.history:
        return []
    bare = ex.bare
    # what the sentence says, not the notes in brackets: "a(t) = -cos(t) (differentiate again)" refers to nothing
    low = re.sub(r"\([^()]*\)", " ", bare).lower()
    if ":\n" in low:
        rows = low.split(":\n", 1)[1].split("\n")
        if re.search(r"\btables?\b", low.split(":\n", 1)[0]) and sum("|" in r for r in rows) >= 2:
            # "fill in the table row by row:" then its rows: a table written here, not the one before
            low = re.sub(r"\btables?\b", " ", low)
        low = low.split(":\n", 1)[0]  # "a bulleted list:\n… tangent to the line …": the items name nothing drawn before
    shown = _on_screen_kinds(ctx)
    scene_ref = re.search(r"\bscene\s+(\d{1,3})\b", low)
    scene = int(scene_ref.group(1)) if scene_ref else None
    if scene is None and re.search(r"\b(?:the\s+)?(?:previous|last|preceding)\s+scene\b|\bscene\s+before\b", low):
        scene = ctx.history[-1].number  # ("the final table from the previous scene": that scene's, not an older one)
    if scene is not None and scene >= ctx.scene_number:
        scene = None
    if re.search(r"\b(?:two|three|four|both|all|several|multiple)\b[^.]*\b(?:on|in)\s+(?:the\s+)?same\s+(?:axes|plot|"
                 r"graph|chart)\b", low):
        return []  # "Show two bell curves on the same axes": new curves, drawn together
    explicit = bool(_EXPLICIT.search(low))
    if "table" in shown and re.search(r"\bsame\s+(?:columns|headers|headings)\b", low):
        return []  # "Table 2 …: same columns": the columns of the table on screen, no comparison of an earlier scene
    if not explicit and axis_range(ex.sentence, "x") and axis_range(ex.sentence, "y") and re.search(r"\baxes\b", low):
        return []  # "Place the unit square on axes: x from 0 to 1 and y from 0 to 1 … on both axes": new axes, as written
    if not explicit and _names_what_is_shown(ex, ctx):
        return []  # "Highlight the line 'mid = (low + high) // 2'": a line of the code on screen, not a plot's line
    # a quoted name of something drawn earlier: "Replace the "Transport" box"
    named = re.search(r"\bthe\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s+(box|block|node|layer|bar|card|cell|column|row|"
                      r"curve|line|step|stage|token|element)\b", ex.sentence, re.I) or re.search(
        r"\b([A-Z][\w-]{1,30})['\u2019]s\s+(box|block|node|card|column|row|stage)\b", ex.sentence)  # "Show Bob's box"
    if named and re.search(r"[\"\u201c]" + re.escape(named.group(1)) + r"[\"\u201d]", ex.sentence[:named.start()]):
        named = None  # 'row headers "Sick" and "Healthy", … 95, 5 and 100 in the "Sick" row': named here, not before
    candidates: list[tuple[tuple[str, ...], list[str]]] = []
    if named:
        kinds = next((k for _, k in _noun_kinds(named.group(2))), ("flow",))
        candidates.append((("flow", "bar_chart", "cards", "sequence", "grid", "plot", "table") if kinds else kinds,
                           [named.group(1)]))
    nouns = _noun_kinds(low)
    if re.search(r"\b(?:formula|equation|expression)s?\b\s*(?:again|once more|here|below)?\s*:?\s*(?:[\"\u201c`$\\]|"
                 r"[^\W\d_]\w{0,3}\s*(?:\([^()]*\))?\s*[=≈])", low) or re.search(
            r"\b(?:formula|equation|expression)s?\s*:?\s*[\"\u201c`$]", ex.sentence, re.I):
        # "show the formula again: P(D | +) = …": the formula it writes, not a derivation of an earlier scene
        nouns = [(p, k) for p, k in nouns if not set(k) <= {"equation", "steps"}]
    if explicit and nouns:
        for _, kinds in sorted(nouns):
            candidates.append((kinds, []))
    for _, kinds in sorted(nouns):
        pat = next(p for p, k in NOUNS if k == kinds)
        place = re.compile(_PLACE.pattern.replace("NOUN", pat), re.I).search(low)
        if place and re.match(r"in?to\b", place.group(0)) and re.search(
                r"\b(?:transform|turn|chang|morph|convert|rewrit|simplif|becom)\w*\b", low[:place.start()]):
            place = None  # "Transform the last line into the boxed formula: …": what it becomes, nothing drawn before
        oper = re.compile(_OPERATION.pattern.replace("NOUN", pat), re.I).search(low)
        if oper and re.match(r"\s*(?:then\s+|now\s+|next,?\s+|finally,?\s+)?(?:fade|remove|erase|clear|hide)", oper.group(0)):
            oper = None  # "Fade out the tree and show …": nothing to bring back only to take it away
        if (place or oper) and re.match(r"\s*(?:[\"\u201c`$\\]|[^\W\d_]\w{0,3}\s*(?:\([^()]*\))?\s*[=≈])",
                                       low[(place or oper).end():]):
            continue  # "Starting from the formula N(t) = N₀ · (½)^(t/T)": the formula it writes, nothing drawn before
        if (place or oper) and re.fullmatch(r"lines?", (place or oper).group("noun")) and re.search(
                r"\b(?:next|following|new|separate|same|first|second|third|last|two|three)\s+$",
                low[(place or oper).start():(place or oper).start("noun")]):
            continue  # "filled in on the next lines": lines of text, not a plot's line
        if (place or oper) and re.fullmatch(r"box(?:es)?", (place or oper).group("noun")) and any(
                b.params.get("mode") == "box" or re.search(r"\bbox(?:ed|es)?\b", b.source or "", re.I)
                for b in ctx.beats):
            continue  # "Caption below the box" after "the boxed formula": that box, in this scene
        if place or oper:
            stem = re.sub(r"(?:es|s)$", "", (place or oper).group("noun"))
            if len(stem) > 3 and any(b.kind not in ("title", "text") and re.search(
                    r"\b" + re.escape(stem) + r"(?:s|es)?\b", re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", b.source or ""),
                    re.I) for b in since_clear(ctx)):
                continue  # "the first line of both blocks" after "Left code block titled …": those blocks, in this scene
        if (place or oper) and re.search(r"\b(?:draw|sketch|add|create|show|make)\s+(?:a|an)\s+[^.]*?\b(?:where|in\s+which|"
                                         r"whose|showing|so\s+that)\s+[^.]*$", low[:(place or oper).start()]):
            continue  # "draw a tiny unit circle sketch where the arc h and …": a part of the new picture it describes
        if (place or oper) and re.search(r"\b(?:a|an|new|another)\s+(?:[\w-]+\s+){0,3}?(?:plane|axes|grid|graph|plot|chart|"
                                         r"coordinate\s+system|number\s+line|diagram|boxes)\b", low[:(place or oper).start()]):
            continue  # "a coordinate plane with grid from −3 to 6 on both axes": the axes of the new plane
        if place or oper:
            # "the demand curve" names one: it must be on the recalled plot
            m = place or oper
            qual = re.search(r"\b(?:the|this|that|these|those)\s+((?:\w+\s+){0,3}?)" + r"(?:" + pat + r")\b",
                             low[m.start():])
            words = [w for w in (qual.group(1).split() if qual else [])
                     if w not in ("same", "new", "first", "second", "two", "both", "whole", "entire", "original",
                                  "previous", "old", "current", "other", "last", "next", "final", "existing", "two",
                                  "untransformed", "initial", "starting", "plain", "blank", "fresh", "empty", "small",
                                  "smaller", "little", "big", "large", "full", "whole")
                     and (len(w) > 2 or re.fullmatch(r"[a-z]\d", w))]
            whole = re.match(r"\s+(?:on|of|in)\s+the\s+(\w+)", low[m.end():])
            if whole and any(shown & set(k) for _, k in _noun_kinds(whole.group(1))):
                continue  # "the w2 line on the network": a part of the picture on screen
            candidates.append((kinds, words, True))
    candidates = [c if len(c) == 3 else (c[0], c[1], False) for c in candidates]
    for n_cand, (kinds, words, implied) in enumerate(candidates):
        if shown & set(kinds):
            return []  # already on screen in this scene: the sentence operates on it
        if implied and not explicit and set(kinds) <= {"equation", "steps"} and any(
                looks_like_math(x) for b in since_clear(ctx) for x in b.strings):
            return []  # "Under the formula, a small note" with "F = -mg\\sin\\theta" a line of the list on screen
        if implied and not explicit and words and _shown_here(ctx, words):
            return []  # "the w2 line on the network": a part of the picture on screen that carries that name
        if implied and not explicit and words:
            # "between the two dashed curves": the curve it describes, never another one when no dashed curve was drawn
            found = _find(ctx, kinds, scene, words)
        else:
            found = _find(ctx, kinds, scene, words) or (_find(ctx, kinds, scene, []) if words else None)
        if not found:
            continue
        number, b = found
        named = named_points(ex.sentence) if b.kind in ("plot", "vector_plane", "scatter") else []
        if len(named) >= 2 and not any((x, y) in {(p.get("x"), p.get("y")) for p in b.params.get("points") or []}
                                       for _, x, y in named):
            continue  # "Redraw the cubic curve with P₀ = (0, 0), P₁ = (1, 3), …": points the plot before never had
        if b.kind == "grid" and not explicit and (not b.strings or any(
                x.kind in ("vector_plane", "plot", "scatter") for x in since_clear(ctx))):
            continue  # "Overlay the small grid squares inside the circle": a coordinate grid, not tiles drawn before
        if explicit and _pure_reference(ex):
            ctx.stop = True
        back = _recalled(_as_asked(ctx, b, number, low, ex.sentence), number, ex, i)
        _names_kept(ex, ctx, back)
        return [back]
    layout = re.search(r"\b(?:same|previous|earlier)\s+(?:[\w-]+[\s-]){0,2}?(?:layout|setup|set-up|picture|figure|view|"
                       r"arrangement|diagram)\b|\b(?:start|starting|begin|beginning|continue|continuing|resume|resuming)\s+"
                       r"(?:from|with|at)\s+(?:the\s+)?(?:state|point|end|picture|frame)\b|\b(?:where|as)\s+(?:we|it|the\s+"
                       r"(?:previous|last)\s+scene)\s+left\s+off\b|^\W*(?:continue|continuing|resume|resuming)\s+(?:from|with)\b",
                       low)  # ("Continue from lo = 5, hi = 9 (cells 0 to 4 faded).": the picture as the scene before left it)
    pair = _PAIR_KEPT.fullmatch(ex.sentence) if not shown - {"title", "text", "clear"} else None
    if pair:
        # "Tree and array synced.": the two pictures of the scene before, as it left them
        back = []
        for noun in (pair.group(1), pair.group(2)):
            kinds = [k for _, ks in _noun_kinds(noun) for k in ks if k not in _NOT_PICTURES]
            state = next((scene_state(ctx.history[-1], k) for k in kinds if scene_state(ctx.history[-1], k) is not None), None)
            if state is None:
                back = []
                break
            back.append(_recalled(state, ctx.history[-1].number, ex, i))
        if back:
            ctx.stop = True
            return back
    named_before = _named_picture(ex, ctx) if not candidates and not shown - {"title", "text", "clear"} else None
    if named_before is not None:
        # "Left: the unit square with the quarter circle.": a noun phrase, no verb, naming a picture drawn before
        ctx.stop = True
        extra = re.search(r"\bwith\s+(?:the\s+|its\s+)?((?:[\w,]+\s+){0,4}?(?:arrows?|pointers?|markers?))\b", ex.sentence, re.I)
        if extra and named_before[1].kind in ("sequence", "grid"):
            ctx.lost(i, f"the {extra.group(1)} are not brought back with it")
        return [_recalled(named_before[1], named_before[0], ex, i)]
    if layout and not candidates and not shown - {"title", "text", "clear"}:
        # "Same five-column layout, with arrow 1 already present.": the picture of the scene before, as it was left
        sp = ctx.history[-1]
        b = next((x for x in sp.beats if x.kind not in _NOT_PICTURES), None)
        state = scene_state(sp, b.kind) if b is not None else None
        if state is not None:
            ctx.modified.add(i)
            return [_recalled(state, sp.number, ex, i)]
    if scene is not None and candidates and _pure_reference(ex) and not shown - {"title", "text", "clear"}:
        # "Show the final table from scene 6" when scene 6 drew its table as a graph of buckets: that scene's picture
        kinds = tuple(k for _, ks in NOUNS for k in ks)
        found = _find(ctx, tuple(dict.fromkeys(kinds)), scene, [])
        if found:
            ctx.stop = True
            return [_recalled(found[1], found[0], ex, i)]
    return []


_PAIR_KEPT = re.compile(r"\s*(?:the\s+)?([a-z]{3,20})\s+and\s+(?:the\s+)?([a-z]{3,20})\s+(?:(?:are|stay|remain|kept|still)\s+)?"
                        r"(?:synced|in\s+sync|linked|side\s+by\s+side|as\s+before|on\s+screen|kept|together)\s*\.?\s*", re.I)


_NOUN_PHRASE = re.compile(r"\s*(?:(?:left|right|top|bottom|middle|cent(?:er|re))(?:\s+(?:half|side|panel|part))?\s*:\s*|"
                          r"(?:on|at|in)\s+the\s+(?:left|right|top|bottom|middle|cent(?:er|re))(?:\s+\w+)?\s*[:,]\s*)?"
                          r"(?:(?:bring\s+back|keep)\s+)?"  # ("Show the complete transformer diagram with …": a new one)
                          r"the\s+([a-z0-9][a-z0-9 ,-]{2,100}?)\s*\.?\s*", re.I)


def _named_picture(ex: Extracted, ctx) -> tuple[int, Beat] | None:
    """The picture of the latest scene that a bare noun phrase names by words its labels carry ("the unit square with
    the quarter circle" after a plot of a "quarter circle"): a sentence with no verb, only that noun phrase."""
    m = _NOUN_PHRASE.fullmatch(ex.sentence)
    if not m:
        return None
    words = {w for w in re.findall(r"[a-z]{4,}", m.group(1).lower()) if w not in ("with", "from", "that", "this")}
    for sp in reversed(ctx.history):
        for b in sp.beats:
            if b.kind in _NOT_PICTURES:
                continue
            state = scene_state(sp, b.kind)
            drawn = set(re.findall(r"[a-z]{4,}", " ".join(state.strings).lower())) if state is not None else set()
            if words & drawn and _numbers_fit(state, m.group(1)):
                return sp.number, state
    # "The 16-square array with indices.": the picture of that kind the latest scene drew, named by its noun
    kinds = [k for _, ks in _noun_kinds(m.group(1)) for k in ks if k not in _NOT_PICTURES]
    if kinds and not re.search(r"\d+\s*(?:,|and)\s*\d+", m.group(1)):  # (numbers listed: a new one)
        for sp in reversed(ctx.history):
            for kind in dict.fromkeys(kinds):
                state = scene_state(sp, kind)
                if state is None:
                    continue
                return (sp.number, state) if _numbers_fit(state, m.group(1)) else None
    return None


def _numbers_fit(state: Beat, phrase: str) -> bool:
    """Whether every number of a phrase naming a picture is one that picture carries ("the bar chart for 20 coin flips
    with bars for 0 to 20 heads" is new data, not the chart of 3 coins; "the 16-square array": its 16 cells)."""
    items = len(state.params.get("tokens") or state.params.get("labels") or state.params.get("values") or ())
    shown = " ".join(str(x) for x in state.strings)
    return all(re.search(r"(?<![\d.])" + re.escape(n) + r"(?![\d.])", shown) or int(n) == items
               for n in re.findall(r"\d+", phrase))


def _as_asked(ctx, b: Beat, number: int, low: str, sentence: str) -> Beat:
    """"Both curves, region lightly shaded": a plot recalled with the region between its curves that its scene shaded,
    when the sentence asks for it again (a passing area under one curve stays behind) — on the axes' ranges the
    sentence gives ("x range [0, 1.2], y range [0, 1.2], both curves"), else as they were."""
    if b.kind != "plot":
        return b
    both = both_axes_range(sentence)
    ranges = {k: [v[0], v[1]] for k, v in (("x_range", axis_range(sentence, "x") or both),
                                           ("y_range", axis_range(sentence, "y") or both)) if v}
    if ranges:
        b = Beat(b.kind, {**b.params, **ranges}, b.strings, b.rule, b.source, b.detail_index, b.keywords)
    if not re.search(r"\b(?:shad\w*|region|area)\b", low):
        return b
    sp = next((sp for sp in ctx.history if sp.number == number), None)
    regions = [x.params["area"] for x in (sp.beats if sp else ()) if x.kind == "plot"
               and (x.params.get("area") or {}).get("to") is not None and not x.params["area"].get("rectangles")]
    if not regions:
        # "the small graph of the two curves with the shaded lens region": the region between the same two curves
        # that an earlier scene shaded (the recalled scene shaded each curve's area alone)
        regions = _region_between(ctx, [c.get("expr") for c in b.params.get("curves") or ()])
    if not regions:
        return b
    # ("the small graph of the two curves with the shaded lens region": the whole region, not a thin strip of it)
    whole = re.search(r"\blens\b|\bwhole\b|\bentire\b|\bfull\b", low) is not None
    if whole:
        regions = regions + [x.params["area"] for other in ctx.history for x in other.beats if x.kind == "plot" and (
            x.params.get("area") or {}).get("to") is not None and not x.params["area"].get("rectangles")]
    region = max(regions, key=lambda r: abs(float(r.get("b", 0)) - float(r.get("a", 0)))) if whole else regions[-1]
    return Beat(b.kind, {**b.params, "area": region}, b.strings, b.rule, b.source, b.detail_index, b.keywords)


def _region_between(ctx, exprs: list) -> list[dict]:
    """The region between two of these curves (by their formulas) that the latest earlier scene shading one shaded,
    its curve numbers those of `exprs`."""
    for sp in reversed(ctx.history):
        curves = [c.get("expr") for x in sp.beats if x.kind == "plot" for c in x.params.get("curves") or ()]
        for x in reversed(sp.beats):
            area = x.params.get("area") if x.kind == "plot" else None
            if not area or area.get("to") is None or area.get("rectangles"):
                continue
            ends = [curves[j] if 0 <= j < len(curves) else None for j in (area.get("curve", 0), area["to"])]
            if all(e in exprs for e in ends):
                return [{**area, "curve": exprs.index(ends[0]), "to": exprs.index(ends[1])}]
    return []


# beats that draw no picture of their own: what a scene's "layout" is not
_NOT_PICTURES = frozenset({"title", "text", "bullets", "highlight", "clear", "equation", "steps", "annotation", "move",
                           "transform"})


def _recalled(b: Beat, number: int, ex: Extracted, i: int) -> Beat:
    """Beat `b`, as scene `number` left it, drawn again for sentence `i` — with the values the sentence gives its
    labels ("Redraw the tiny network with the new weights w1 = 0.38 and w2 = 2.98": "w1 = 0.5" becomes "w1 = 0.38")."""
    given = {m.group(1): m.group(2).strip().rstrip(",.") for m in re.finditer(
        r"(?<![\w.])([A-Za-zα-ω][\w]{0,3}(?:_\{?\w{1,3}\}?)?)\s*=\s*(-?\d[\d.,]*(?:\s*(?!(?:and|or|to|in|at|for|with|the|then|on|of|as|is)\b)[A-Za-zΩ°%/²³]{1,4})?)(?![\w.])",
        re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", ex.sentence))}
    params, strings = dict(b.params), b.strings
    if given:
        changed: dict[str, str] = {}

        def fresh(v):
            if isinstance(v, str):
                # a label that is a name and a number ("w1 = 0.5", "m = 2 kg") — never a formula ("y = 20 - 4.9 x^2")
                m = re.fullmatch(r"\s*([A-Za-zα-ω][\w]{0,3}(?:_\{?\w{1,3}\}?)?)\s*=\s*(-?\d[\d.,]*(?:\s*[A-Za-zΩ°%/²³]{1,4})?)\s*", v)
                if m and m.group(1) in given and m.group(2).strip() != given[m.group(1)]:
                    changed[v] = f"{m.group(1)} = {given[m.group(1)]}"
                    return changed[v]
                return v
            if isinstance(v, list):
                return [fresh(x) for x in v]
            if isinstance(v, dict):
                return {k: fresh(x) for k, x in v.items()}
            return v

        params = {k: fresh(v) for k, v in params.items()}
        strings = tuple(changed.get(x, x) for x in strings)
    return Beat(b.kind, params, strings, f"{b.kind}:recalled-from-scene-{number}", ex.sentence, i, b.keywords)


def _shown_here(ctx, words: list[str]) -> bool:
    """Whether every word naming the thing is among the strings drawn on screen in this scene."""
    drawn = []
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            break
        drawn += [s.lower() for s in b.strings]
    return bool(drawn) and all(re.search(r"(?<![\w])" + re.escape(w.lower()) + r"(?![\w])", " ".join(drawn))
                               for w in words)


def _names_what_is_shown(ex: Extracted, ctx) -> bool:
    """Whether a quoted or backticked string of the sentence is drawn on screen in this scene, whole or as one line
    of a component drawn line by line (code, a derivation)."""
    shown = set()
    for b in since_clear(ctx):
        lines = list(b.strings) + str(b.params.get("code", "")).split("\n") if b.kind == "code" else list(b.strings)
        shown.update(" ".join(str(s).split()).lower() for s in lines if str(s).strip())
    return any(" ".join(q.split()).lower() in shown for q in ex.quoted + ex.backticked)


def _names_kept(ex: Extracted, ctx, back: Beat) -> None:
    """'Keep the two lifelines "Browser" and "Web Server".': the names the sentence quotes are the brought-back
    picture's own labels — drawn by it, not again as loose text beside it."""
    shown = [re.sub(r"\s+", " ", str(x)).lower() for x in back.strings if x]
    kept = [q for q in ex.quoted if q.strip() and any(q.strip().lower() in x for x in shown)]
    ctx.consumed.update(kept)
    if kept and len(kept) == len(ex.quoted) and not (ex.formulas or ex.backticked or ex.prose) and re.match(
            r"\s*(?:\d+[.)]\s*)?(?:keep|leave|bring back|reuse|show again|recall)\b", ex.sentence, re.I):
        ctx.stop = True


def _pure_reference(ex: Extracted) -> bool:
    """"Show the same bell curve from Scene 1." asks for nothing else."""
    if ex.quoted or ex.backticked or ex.prose or ex.code_block or re.search(r"\d", ex.bare.replace("scene", "")):
        low = ex.bare.lower()
        if not re.fullmatch(r"[^\d]*\bscene\s+\d+[^\d]*", low):
            return False
    low = re.sub(r"\bscene\s+\d+\b", " ", ex.bare.lower())
    words = re.findall(r"[a-z]+", low)
    filler = {"show", "display", "draw", "bring", "back", "recall", "reuse", "keep", "use", "again", "the", "same",
              "from", "as", "in", "on", "a", "an", "previous", "earlier", "before", "then", "now", "screen", "it",
              "we", "saw", "shown", "drawn", "of", "first", "last", "once", "more", "still", "with", "its", "all",
              "and", "that", "this", "re", "redraw", "reappear", "reappears", "appear", "here", "up"}
    nouns = {w for pat, _ in NOUNS for w in re.findall(r"[a-z]+", pat)} | {"bell", "grid", "cards", "data", "plot",
                                                                            "curve", "chart"}
    nouns |= {w[:-1] for w in nouns if w.endswith("s")}  # "tables?": table
    rest = [w for w in words if w not in filler and w not in nouns]
    return len(rest) <= 1
