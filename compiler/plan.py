"""Stage 3 — plan: storyboard -> beats per scene, deterministic and explainable.

`animation_details` is split into sentences (a fenced code block stays with the sentence that
introduces it); each sentence runs through the rules in the order of `planner/ruleset.py`; `animation_style`
becomes the scene's theme (`planner/theme.py`), starting from the previous scene's theme — an LLM
states the background once and then writes "Keep the dark background". A scene with explicit
`visuals` uses them as its beats instead of the rules.

The rules see the scenes planned so far (`Context.history`): "Show the same bell curve from
Scene 1", "Highlight the multiples of 5 in the grid" or "Place a ball on the curve" in a scene that
has not drawn that curve yet bring back the component of the earlier scene, with its parameters.
"""

from __future__ import annotations

import copy
import os
import re
import traceback
from functools import lru_cache
from dataclasses import replace

from .components import COMPONENTS, beat_params, drawn_strings
from .diagnostics import Severity
from .models import Scene, Storyboard, Theme as FileTheme
from .planner.beats import Beat, Plan, PlanNote, ScenePlan
from .planner.budget import Budget, PlanTimeout
from .planner.clauses import operation_clauses
from .planner.extract import QUOTED, before_quote, extract, mask_shown
from .planner.segment import detail_sentences
from .planner.context import Context, History, _kw, since_clear
from .planner.knowledge import asked_motion, component_nouns, counted_shapes, is_instruction, picture_objects
from .planner.ruleset import RULES
from .planner.rules_equation import kept_formulas
from .planner.theme import Theme, colour_value, parse_theme, style_title
from .text import split_sentences

# The rules read each sentence with a few thousand distinct regular expressions (many built from the data files);
# Python keeps 512 compiled patterns, so planning recompiled most of them for every sentence. A cache that holds them
# all halves planning time (benchmarks/planner.py, 500 scenes: 4.1 s -> 2.0 s) for a few MB.
if getattr(re, "_MAXCACHE", 4096) < 4096:
    re._MAXCACHE = 4096


def base_theme(file_theme: FileTheme | None) -> Theme:
    t = Theme()
    if file_theme is None:
        return t
    return Theme(
        background=colour_value(file_theme.background or "") or t.background,
        text=colour_value(file_theme.text or "") or t.text,
        title=colour_value(file_theme.accent or "") or t.title,
        accent=colour_value(file_theme.accent or "") or t.accent,
        font=file_theme.font or t.font,
    )


class PlanError(Exception):
    """Planning stopped (SB305: a scene went over its time budget); `note` says where and why."""

    def __init__(self, note: PlanNote):
        super().__init__(note.message)
        self.note = note


def plan_storyboard(sb: Storyboard) -> Plan:
    """Plan every scene. Raises PlanError when a scene cannot be planned within its time budget."""
    base = base_theme(sb.settings.theme if sb.settings else None)
    notes: list[PlanNote] = []
    scenes: list[ScenePlan] = []
    history = None
    previous = base
    for i, scene in enumerate(sb.scenes):
        budget = Budget()
        try:
            with budget.armed():
                sp = plan_scene(i, scene, previous, notes, history or (), budget)
        except PlanTimeout as e:
            where = f"while planning {e.sentence[:120]!r}" if e.sentence else "while planning its style"
            raise PlanError(PlanNote(
                "SB305", f"scene {i + 1}: planning took longer than {e.seconds:g} s {where}; "
                         "simplify or split that sentence, or give the scene explicit visuals",
                ("scenes", i, "animation_details"), Severity.ERROR, e.sentence)) from None
        scenes.append(sp)
        history = History.grow(history, sp)  # (shares one index by kind: a long storyboard is not re-indexed per scene)
        previous = sp.theme
    return Plan(sb.title, tuple(scenes), tuple(notes))


def plan_scene(index: int, scene: Scene, base: Theme, notes: list[PlanNote],
               history: tuple[ScenePlan, ...] = (), budget: Budget | None = None) -> ScenePlan:
    budget = budget or Budget(float("inf"))
    theme, fired = parse_theme(scene.animation_style, base)
    details = tuple(detail_sentences(scene.animation_details))
    unmatched: list[int] = []
    if scene.visuals and not edits_beats(scene.visuals):
        beats = tuple(_visual_beat(j, v) for j, v in enumerate(scene.visuals))
    else:
        beats = tuple(_rule_beats(index, scene, details, theme, notes, history, unmatched, budget))
        named = style_title(scene.animation_style)
        if named and not any(b.kind == "title" for b in beats):
            # 'Same dark background, title "Forward Pass" at top': the style names the scene's title
            beats = (Beat("title", {"text": named}, (named,), "title:named-in-style", scene.animation_style, 0,
                          _kw(named)),) + beats
        beats = tuple(replace(b, place=("beat", k)) for k, b in enumerate(beats, 1))
        if scene.visuals:
            beats = _edited(index, beats, scene.visuals)
    title = scene.title or next((b.params.get("text") for b in beats if b.kind == "title"), None)
    return ScenePlan(
        number=index + 1,
        id=scene.id or f"scene_{index + 1:02d}",
        title=title,
        theme=theme,
        beats=beats,
        narration=tuple(split_sentences(scene.audio_text)),
        voice=scene.voice,
        audio_file=scene.audio_file,
        min_duration=scene.duration,
        transition=scene.transition or "fade",
        theme_rules=tuple(fired),
        details=details,
        unmatched=tuple(unmatched),
    )


_RIGHT_HALF = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:on\s+|in\s+)?(?:the\s+)?right(?:(?:\s+(?:half|side|part))?"
                         r"(?:\s+of\s+the\s+(?:screen|frame))?(?:\s*[:,]|\s+(?=(?:draw|show|place|put|add|display|plot|"
                         r"write|build|sketch)\b))|\s+(?:bar\s+chart|chart|plot|graph|axes|table|diagram|"
                         r"panel|figure|picture|histogram)\b)", re.I)  # ("Right bar chart titled …": the second of two)
_NOT_PLACED = {"title", "highlight", "clear", "transform", "move", "annotation"}


def _placed_right(ex, ctx: Context, produced: list[Beat]) -> list[Beat]:
    """"Right half: draw axes …" with a figure or a column of notes on screen: the first new thing takes the right
    half and what is there keeps the left (`place: right`) — side by side, as the details lay them out, not one
    wiping the other."""
    if not _RIGHT_HALF.match(ex.sentence):
        return produced
    first = next((b for b in produced if b.kind not in _NOT_PLACED and not b.params.get("extend")), None)
    if first is None or first not in ctx.beats:
        return produced
    k = ctx.beats.index(first)
    if not any(b not in produced and b.kind not in _NOT_PLACED for b in since_clear(ctx)):
        return produced  # nothing on screen to keep beside it (a figure, or the column written "on the left")
    placed = replace(first, params={**first.params, "place": "right"})
    ctx.beats[k] = placed
    return [placed if b is first else b for b in produced]


def _dropped_quotes(ex, ctx, i: int) -> None:
    """A quoted text of several words that the sentence's rules neither drew nor used (a rule that handled the
    sentence and stopped the rest): said (SB307), never lost without a word."""
    shown = None
    for q in ex.quoted:
        if len(q.split()) < 3 or q in ctx.consumed:
            continue
        if shown is None:
            shown = re.sub(r"\s+", " ", " ".join(str(x) for b in ctx.beats for x in (*b.strings, b.params)))
        if re.sub(r"\s+", " ", q) not in shown:
            ctx.lost(i, f"the text {q[:60]!r} is not drawn")


def _rule_beats(index: int, scene: Scene, details: tuple[str, ...], theme: Theme, notes: list[PlanNote],
                history: tuple[ScenePlan, ...], unmatched: list[int], budget: Budget) -> list[Beat]:
    ctx = Context(theme=theme, scene_plot=scene.scene_plot, history=history, scene_number=index + 1,
                  about=" ".join((scene.scene_plot, scene.animation_details, scene.audio_text)))
    heads: list[int] = []  # colon lines that drew nothing themselves: "Add braces and labels:"
    later: list[int] = []  # sentences naming a picture that drew nothing: the next sentence may draw it
    for i, sentence in enumerate(details):
        budget.sentence = sentence
        ex = extract(sentence)
        produced = _planned_sentence(ex, ctx, i, budget)
        # the sentence's formulas read afresh (the rules empty ex.prose) — only when it can hold one (a relation, TeX)
        prose = extract(ex.sentence).prose if re.search(r"[=≈≠≤≥∝≡]|\\[A-Za-z]{2,}", ex.sentence) else []
        for kept in (_latex_kept(ex, ctx, i, prose), kept_formulas(ex, prose, ctx, i)):
            produced.extend(kept)  # (a formula of the prose no rule drew is typeset on its own)
            ctx.beats.extend(kept)
        if produced:
            produced = _placed_right(ex, ctx, produced)
        if produced and not ctx.changed_in(i):
            _only_its_label(ex, ctx, i, produced)
        if produced:
            _lost_motion(ex, ctx, i, produced)
            _lost_curve(ex, ctx, i, produced)
            _lost_change(ex, ctx, i, produced)
        if produced:
            _counted_shapes(ex, ctx, i, produced)
        if produced or ctx.changed_in(i):
            _dropped_quotes(ex, ctx, i)
        if not produced and not ctx.changed_in(i) and not any(j == i for j, _ in ctx.losses):
            # (a sentence understood but not drawable — "the fifth card" of three — is reported by its SB307)
            if sentence.rstrip().endswith(":") and not (ex.quoted or ex.backticked or ex.formulas) and i + 1 < len(details) \
                    and not _names_a_picture(sentence):
                heads.append(i)
                continue
            if i + 1 < len(details) and _kinds_named(sentence):
                later.append(i)  # ("Plot the three curves …" then "Key values: t = 0: S = 999, …": drawn by the next)
                continue
            unmatched.append(i)
            notes.append(PlanNote("SB301", f"scene {index + 1}: nothing to draw for {sentence[:70]!r}",
                                  ("scenes", index, "animation_details"), sentence=sentence))
    for i in later:  # a sentence naming a picture the next sentence drew on the one on screen is its announcement
        if any(b.detail_index == i + 1 and b.kind in _kinds_named(details[i]) and b.params.get("extend")
               and re.match(r"\s*[A-Z][\w ]{0,20}:", details[i + 1]) for b in ctx.beats):
            continue
        unmatched.append(i)
        notes.append(PlanNote("SB301", f"scene {index + 1}: nothing to draw for {details[i][:70]!r}",
                              ("scenes", index, "animation_details"), sentence=details[i]))
    for i in heads:  # a head whose next sentence drew is that sentence's head; one whose next drew nothing is lost
        if not any(b.detail_index == i + 1 for b in ctx.beats) and not ctx.changed_in(i + 1):
            unmatched.append(i)
            notes.append(PlanNote("SB301", f"scene {index + 1}: nothing to draw for {details[i][:70]!r}",
                                  ("scenes", index, "animation_details"), sentence=details[i]))
    for kind, (i, said) in ctx.announced.items():
        if said.get("beat") is not None:
            continue  # (an announced list whose items came)
        ctx.lost(i, said.get("unfinished") or f"the {kind} it announces is never given its data: it is not drawn")
    for i, what in ctx.losses:
        notes.append(PlanNote("SB307", f"scene {index + 1}: not drawn as written: {what} (in {details[i][:70]!r})",
                              ("scenes", index, "animation_details"), sentence=details[i]))
    first = (split_sentences(scene.scene_plot) or [""])[0]
    if not ctx.beats and first and not is_instruction(first) and len(first.split()) <= 12:
        # Nothing matched at all: the scene still shows something — its plot, when it reads as a statement
        # ("Photosynthesis turns light into sugar."), never an instruction ("Cut the circle into wedges.").
        ctx.beats.append(Beat("text", {"text": first}, (first,), "text:scene-plot-fallback", first, 0, _kw(first)))
    elif not ctx.beats:
        notes.append(PlanNote("SB301", f"scene {index + 1}: nothing understood in animation_details; the scene "
                              "shows an empty frame while its narration plays", ("scenes", index, "animation_details")))
    from .planner.colours import apply_colours

    from .planner.typeset import (continued_lines, derivations_as_steps, distinct_curves, lone_columns_as_lists,
                                  tex_matrices, titles_first, transformed_lines, typeset_written_math)

    from .planner.rules_network import tiny_networks
    from .planner.mirror import mirrored_notes
    from .planner.axes import extended_plots_keep_axes

    from .planner.colours import dimmed_lines, element_tints, flashed_numbers, formula_tints
    from .planner.frames import framed
    from .planner.style_asks import unasked_lines, unasked_marks, unasked_pictures, unasked_style_marks

    composed = extended_plots_keep_axes(titles_first(tex_matrices(continued_lines(transformed_lines(derivations_as_steps(
        typeset_written_math(lone_columns_as_lists(distinct_curves(tiny_networks(mirrored_notes(ctx.beats), ctx.about))))))))))
    def guarded(step, fallback, *args):
        # a bug in one compose step costs what that step adds, said so — never the plan (nor a traceback)
        try:
            return step(*args)
        except PlanTimeout:
            raise
        except Exception as e:  # noqa: BLE001
            notes.append(PlanNote("SB307", f"scene {index + 1}: an internal error in the planner ({step.__name__}: "
                                  f"{type(e).__name__}: {str(e)[:80]}) — what it would add is missing; please report "
                                  "this scene", ("scenes", index)))
            return fallback

    # "Final line boxed in green", "Main result … inside a yellow rectangle": the frames the style and details ask for
    composed, unframed = guarded(framed, (composed, []), composed, scene.animation_style, details)
    # "the factor 1.1 colored gold every time it appears": that piece of each formula, in that colour
    composed, untinted = guarded(formula_tints, (composed, []), composed, scene.animation_style)
    # "carbon letters light gray, oxygen red": each element's letters in the chemical equations, in this scene and after
    composed, uncoloured = guarded(element_tints, (composed, []), composed, theme.elements, scene.animation_style)
    untinted = untinted + uncoloured
    # "then the earlier lines fade to 50 percent opacity": each derivation dims its lines as the next is written
    composed, undimmed = guarded(dimmed_lines, (composed, []), composed, scene.animation_style, details)
    # "Numbers substituted for symbols are highlighted in green briefly": they flash as their line is written
    composed, unflashed = guarded(flashed_numbers, (composed, []), composed, scene.animation_style, details)
    # "with area under the curve filled blue": what the style asks to be drawn and nothing draws is said
    unasked = guarded(unasked_pictures, [], composed, scene.animation_style, details) + guarded(
        unasked_lines, [], composed, details) + guarded(unasked_marks, [], composed, details, frozenset(ctx.modified)) + guarded(
        unasked_style_marks, [], composed, scene.animation_style)
    said = [(n.sentence, n.message) for n in notes if n.code == "SB307" and n.sentence]
    # (a sentence already reported for the same thing — "the line it belongs to is not" — says what it lost)
    unasked = [u for u in unasked if not any(sentence == u[1] and re.search(
        r"\b(?:line|tick|segment|area|shad\w*|arrow|brace|star|cross|rectangle)", message.split(" (in '")[0]) for sentence, message in said)]
    for field, clause, what in [("animation_style", c, w) for c, w in unframed + untinted] + undimmed + unflashed + unasked:
        notes.append(PlanNote("SB307", f"scene {index + 1}: not drawn as written: {what} (in {clause[:70]!r})",
                              ("scenes", index, field), sentence=clause))
    beats = apply_colours([_as_drawing(_within_limits(b, index, details, notes)) for b in composed], theme)
    for b in beats:
        _typeset_notes(index, b, notes)
    return beats


def _run_rules(ex, ctx: Context, i: int, budget: Budget) -> list[Beat]:
    """The beats the rules draw for one unit, in order (each rule sees what the ones before it drew)."""
    ctx.consumed = set()
    ctx.stop = False
    produced: list[Beat] = []
    for rule in RULES:
        budget.check()
        try:
            out = rule(ex, ctx, i)
        except PlanTimeout:
            raise
        except Exception as e:  # noqa: BLE001 — a bug in one rule costs that rule's reading of the sentence, said so
            if os.environ.get("SBC_DEBUG"):  # (SBC_DEBUG=1, as for any internal error: the traceback of the bug)
                traceback.print_exc()
            ctx.lost(i, f"an internal error in the planner ({rule.__name__}: {type(e).__name__}: {str(e)[:80]}) — "
                        "what that rule would draw is missing; please report this sentence")
            continue
        produced.extend(out)
        ctx.beats.extend(out)
        if ctx.stop:
            break
    return produced


# a sentence that marks something on screen, then writes something new: two acts, in order
_ACT_FIRST = re.compile(r"\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:highlight|circle|box|underline|emphasi[sz]e|flash|pulse)\b", re.I)
_ACT_THEN_DRAW = re.compile(r"(?:,\s*|\s+)and\s+(?:then\s+)?(?P<verb>write|show|display|draw|add|put|place)\s+"
                            r"(?=(?:below|under|beneath|above|next|beside|to|on|at|a|an|the)\b)", re.I)


def _planned_sentence(ex, ctx: Context, i: int, budget: Budget) -> list[Beat]:
    """The beats of sentence i. A sentence that draws something and then acts on it in a clause of its own ("Show a
    matrix … and highlight the first row", `planner/clauses.py`) is read whole, as any sentence. When the rules did
    not read the clause — the sentence without it draws exactly the same, or differs only by the clause's quoted or
    written strings drawn as things of their own ("… and highlight `mc^2`" drawing a second formula) — the sentence
    is drawn without the clause, and the clause is planned after it, on what it drew; its beats belong to the sentence."""
    split = _ACT_THEN_DRAW.search(mask_shown(ex.sentence)) if not ex.code_block and _ACT_FIRST.match(ex.sentence) else None
    if split:
        # "Highlight the "Fraction left" column and write below the table: "Fraction left = (1/2)^n"": the mark, then
        # the writing — the quoted formula is drawn, not taken for what the highlight marks
        first, second = ex.sentence[:split.start()].rstrip(" ,;") + ".", ex.sentence[split.start("verb"):].strip()
        produced = []
        for part in (first, second):
            px = extract(part)
            produced += _belong(ctx, i, px.sentence, ex.sentence, _run_rules(px, ctx, i, budget))
        return produced
    main, clauses = operation_clauses(ex.sentence) if not ex.code_block else (ex.sentence, [])
    if not clauses:
        return _run_rules(ex, ctx, i, budget)
    before = _fork(ctx)
    alone = _fork(before)
    mx = extract(main)
    alone_beats = _run_rules(mx, alone, i, budget)
    produced = _run_rules(ex, ctx, i, budget)
    if _drawing(ctx) != _drawing(alone):
        shown = extract(main)
        shown.sentence, shown.bare = ex.sentence, ex.bare  # the whole sentence's words, the strings of its first part
        if _written(shown) == _written(extract(ex.sentence)):
            return produced  # the rules read the clause (a table's highlighted row, a graph's steps…)
        unquoted = _fork(before)
        _run_rules(shown, unquoted, i, budget)
        if _drawing(unquoted) != _drawing(alone):
            return produced  # the rules read the clause (a table's highlighted row, a graph's steps…)
        _adopt(ctx, alone)
        produced = _belong(ctx, i, mx.sentence, ex.sentence, alone_beats)
    for clause in clauses:
        cx = extract(clause)
        produced += _belong(ctx, i, cx.sentence, ex.sentence, _run_rules(cx, ctx, i, budget))
    return produced


def _belong(ctx: Context, i: int, part: str, sentence: str, beats: list[Beat]) -> list[Beat]:
    """The beats drawn for a part of sentence i, as the sentence's own (so plan --explain, the diagnostics and the
    later rules see them under it)."""
    ctx.beats[:] = [replace(b, source=sentence) if b.detail_index == i and b.source == part else b for b in ctx.beats]
    return [replace(b, source=sentence) if b.source == part else b for b in beats]


def _written(ex) -> tuple:
    """What a unit writes to be shown or drawn: its quoted and backticked strings, formulas, code, matrices, vectors."""
    return (ex.quoted, ex.backticked, ex.formulas, ex.code, ex.matrices, ex.vectors, ex.pairs, [p[0] for p in ex.prose])


def _fork(ctx: Context) -> Context:
    """A copy of the context to try a reading on (the beats drawn so far copied, not shared)."""
    other = copy.copy(ctx)
    other.beats, other.modified, other.losses = copy.deepcopy(ctx.beats), set(ctx.modified), list(ctx.losses)
    other.consumed, other.announced = set(ctx.consumed), dict(ctx.announced)
    return other


def _adopt(ctx: Context, other: Context) -> None:
    ctx.beats[:] = other.beats
    ctx.modified, ctx.losses[:], ctx.consumed, ctx.stop = other.modified, other.losses, other.consumed, other.stop
    ctx.announced = other.announced


def _drawing(ctx: Context) -> tuple:
    """What the scene draws so far, to compare two readings of a sentence: each beat's kind and parameters, and the
    losses."""
    return tuple((b.kind, repr(b.params)) for b in ctx.beats), tuple(ctx.losses)


def typeset_failures(beat: Beat) -> list[tuple[str, str]]:
    """(formula, why) for each formula of an equation, steps or transform beat that cannot be typeset and
    will show as text — known when planning, so plan, check and preview say it (SB302), not only build."""
    if beat.kind == "equation":
        from .mathtext import to_tex

        return [(e, r.reason or "") for e in beat.params.get("exprs", []) for r in [to_tex(e)] if r.tex is None]
    lines = beat.params.get("lines") if beat.kind == "steps" else (
        [beat.params["expr"]] if beat.kind == "transform" and beat.params.get("expr") else None)
    if not lines:
        return []
    from .components.steps import step_formulas

    return list(step_formulas(lines)[1])


def _typeset_notes(index: int, beat: Beat, notes: list[PlanNote]) -> None:
    for expr, reason in typeset_failures(beat):
        notes.append(PlanNote("SB302", f"scene {index + 1}: formula shown as text ({reason}): {expr[:60]!r}",
                              ("scenes", index, "animation_details"), sentence=beat.source))


_RENDER_AS = re.compile(r"^\(?\s*(?:render|typeset|write|show|display|set)\w*\s+(?:them\s+|it\s+|these\s+|the\s+labels\s+)?"
                        r"(?:as|in|with|using)\s+(?:MathTex|LaTeX|TeX|math)\b", re.I)


def _latex_kept(ex, ctx: Context, i: int, prose) -> list[Beat]:
    """A formula written in LaTeX in the prose ("… and MathTex \\int_0^1 (\\sqrt{y} - y)\\,dy = \\frac{1}{6}") is
    never lost: when no beat of its sentence shows it, it is typeset on its own."""
    if not prose:
        return []
    shown = "".join(re.sub(r"\s+", "", s) for b in ctx.beats if b.detail_index == i for s in b.strings)
    out = []
    for text, _, _ in prose:
        text = text.strip().rstrip(".")
        # a line that is only the label of the next one ("MathTex") is no part of the formula
        text = "\n".join(re.sub(r"^\s*(?:MathTex|Tex|LaTeX|Formula|Equation|Math)\b\s*:?\s*(?=[=\\\w(])", "", ln)
                         for ln in text.split("\n") if not re.fullmatch(
            r"\s*(?:MathTex|Tex|LaTeX|Text|Formula|Equation|Math)\s*:?\s*", ln, re.I)).strip()
        if _RENDER_AS.match(text):  # "(render as MathTex x, h, \hat{y})": how to set labels drawn, not a formula
            ctx.modified.add(i)  # the labels that are variables are typeset (`compiler.runtime.style.symbol`)
            continue
        lines = [re.sub(r"\s+", "", ln) for ln in text.split("\n") if ln.strip()]
        if re.search(r"\\[A-Za-z]{2,}", text) and text not in ctx.consumed and not all(ln in shown for ln in lines):
            out.append(Beat("equation", {"exprs": [text]}, (text,), "equation:latex-kept", ex.sentence, i,
                            _kw(text)))
    return out[:3]


def _kinds_named(sentence: str) -> set[str]:
    """The component kinds a sentence's picture nouns name ("the three curves": plot, scatter, graph)."""
    return {k for pattern, kinds in component_nouns() if re.search(r"\b(?:" + pattern + r")\b", sentence, re.I)
            for k in kinds}


def _names_a_picture(sentence: str) -> bool:
    """Whether a sentence names a thing to draw ("a box", "a circuit with these parts") — then a colon line that drew
    nothing has lost it, whatever the lines under it drew."""
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    return bool(words & picture_objects()) or any(
        re.search(r"\b(?:" + pattern + r")\b", sentence, re.I) for pattern, _ in component_nouns())


_COUNT_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"


@lru_cache(maxsize=1)
def _counted() -> re.Pattern:
    """"three small circles", "10 dots": a number of the shapes the lexicon counts (`counted_shapes`)."""
    return re.compile(r"\b(" + _COUNT_WORDS + r")\s+(?:(?:small|little|tiny|big|large|filled|empty|coloured|colored|red|"
                      r"blue|green|yellow|grey|gray|white)\s+){0,2}(" + "|".join(map(re.escape, counted_shapes())) + r")\b",
                      re.I)


def _counted_shapes(ex, ctx: Context, i: int, produced: list[Beat]) -> None:
    """"… with three small circles below it" when the sentence drew only text or columns of words: the shapes are
    lost, and that is said (SB307), never left for the viewer to miss."""
    bare = QUOTED.sub(" ", ex.sentence)
    m = _counted().search(bare)
    if m is None or any(b.kind not in ("text", "comparison", "bullets", "title", "equation", "steps", "table")
                        for b in produced):
        return
    if re.search(r"\b(?:the|same|these|those|keep|keeping|leaving|remaining|other|both)\s+(?:\w+\s+)?$", bare[:m.start()], re.I) or \
            re.match(r"\s*(?:then\s+|finally\s+|now\s+)?(?:colou?r|highlight|fade|keep|move|mark|circle|remove|dim|hide|"
                     r"shade|fill|cross)\b", bare, re.I) or re.match(r"\s*(?:two|three|four|five|\d+)\b", bare, re.I):
        return  # ("Keep the two circles", "Then color 20 dots red", "Two large circles side by side: …" named first)
    if re.match(r"\s+of\s+(?:text|words|numbers|code|labels|bullets?)\b", bare[m.end():], re.I):
        return  # ("three lines of text": text)
    ctx.lost(i, f"the {m.group(0)} are not drawn")


def _picture_noun(word: str) -> bool:
    """A thing to draw of the lexicon, or its plural ("ellipses", "boxes")."""
    objects = picture_objects()
    return word in objects or word.endswith("s") and (word[:-1] in objects or word.endswith("es") and word[:-2] in objects)


def _only_its_label(ex, ctx: Context, i: int, produced: list[Beat]) -> None:
    """"Draw a horizontal arrow from the ball with label "15 m/s"" when only the text "15 m/s" is drawn: the
    arrow is lost, and that is said (SB307), never left for the viewer to notice."""
    if not all(b.kind in ("text", "bullets") for b in produced):
        return
    labelled = [n for n in (_labelled_object(ex.sentence, q) for q in ex.quoted) if n]
    if not (is_instruction(ex.sentence) or labelled):
        return  # (a sentence telling, not asking — unless it describes a thing with its label: "(a small star labeled …)")
    quoted = {q.strip().lower() for q in ex.quoted}
    # the quoted texts alone, or a caption of them with where each goes ("Right: shorter λ · Left: longer λ")
    if not quoted or not all(s.strip().lower() in quoted or b.rule.startswith("text:labels")
                             for b in produced for s in b.strings):
        return
    # a new thing asked for ("a box", "an arrow", "two circles"), not one named as already there ("near the line")
    bare = re.sub(r"\b(\w+)\s+of\s+(?:text|words|writing|captions?|labels?)\b", "text", QUOTED.sub(" ", ex.sentence).lower())
    # "three lines of text": text, not lines to draw
    # (not "the two pictures": those on screen)
    phrases = re.findall(r"(?<!\bthe )(?<!\bthese )(?<!\bboth )\b(?:a|an|one|two|three|four|five|several|some)\s+"
                         r"((?:[a-z-]+\s+){0,3}[a-z]+)", bare)
    cut = re.compile(r"\b(?:near|on|in|at|to|from|with|of|next|beside|above|below|under|over|for|and|by|that|which|"
                     r"labell?ed|called|around|between|inside)\b.*")
    drawn_line = re.search(r"\b(?:straight|dashed|dotted|vertical|horizontal|diagonal|thin|thick|number|tangent|secant|"
                           r"red|blue|green|yellow|white|grey|gray)\s+lines?\b|\bdraw\w*\b", bare)
    noun = next((w for p in phrases for w in cut.sub("", p).split() if _picture_noun(w)
                 and (w not in ("line", "lines") or drawn_line)), None) or (  # "two lines at the bottom:" are text
        labelled[0] if labelled else None)  # "Place small circles … labeled …", "helicase as a hexagon labeled …"
    if noun:
        shown = ", ".join(repr(q) for q in ex.quoted[:3])
        plural = noun.endswith("s") and (noun[:-1] in picture_objects() or noun[:-2] in picture_objects())
        before = [b for b in since_clear(ctx) if b not in produced]
        def same(a: str, b: str) -> bool:
            return " ".join(str(a).lower().split()) == " ".join(str(b).lower().split())

        if all(any(same(q, x) for b in before for x in b.strings) for q in ex.quoted):
            # "A curved arrow goes from the second bar to the label "New prior …"": the label is on screen already —
            # not written a second time; the arrow is what is lost
            for b in produced:
                if b in ctx.beats:
                    ctx.beats.remove(b)
            produced.clear()
            ctx.lost(i, f"the {noun} to {shown} (on screen) {'are' if plural else 'is'} not drawn")
            return
        ctx.lost(i, f"only the text {shown} is drawn; the {noun} it belongs to {'are' if plural else 'is'} not")


_PLOT_ASKED = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:then\s+|now\s+|next,?\s+)?(?:plot|graph)\s+(?!the\s+(?:points?|data|values?)\b)",
                         re.I)


def _lost_curve(ex, ctx: Context, i: int, produced: list[Beat]) -> None:
    """"Plot f(t)\\cos(2t) in yellow: the curve \\cos(2t) for -1 \\le t \\le 1, and 0 outside": when a sentence that
    asks for a curve draws only formulas or text, the curve is said to be missing (SB307) — its pieces written as
    formulas are no plot."""
    if not _PLOT_ASKED.match(ex.sentence) or ctx.changed_in(i):
        return
    if any(b.kind not in ("equation", "text", "steps", "bullets") for b in produced):
        return
    ctx.lost(i, "the curve it asks to plot is not drawn (only its formulas are written)")


_CHANGE_ASKED = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:then\s+|now\s+|next,?\s+|finally,?\s+)?(?:transform|morph|change|update|"
                           r"convert|turn|resize|redraw|rebuild|extend)\s+the\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:to|into|so|for|with|from)\b",
                           re.I)


def _lost_change(ex, ctx: Context, i: int, produced: list[Beat]) -> None:
    """"Transform the bar chart to m = 14 with h(k) = k mod 14: bucket 1: 1 (15), …": when a sentence asks to change a
    picture on screen and draws only formulas or text beside it, the picture stays as it was — said (SB307)."""
    m = _CHANGE_ASKED.match(ex.sentence)
    if not m or ctx.changed_in(i) or any(b.kind not in ("equation", "text", "steps", "bullets", "highlight") for b in produced):
        return
    if any(j == i for j, _ in ctx.losses):
        return
    noun = m.group(1).lower()
    kinds = next((k for pattern, k in component_nouns() if re.fullmatch(r"(?:the\s+)?(?:" + pattern + r")", noun)), None)
    on_screen = {b.kind for b in since_clear(ctx) if b not in produced}
    if kinds and on_screen & set(kinds) and not on_screen & set(kinds) & {"equation", "steps"}:
        ctx.lost(i, f"the change it asks of the {noun} on screen is not drawn: the {noun} stays as it was")


def _lost_motion(ex, ctx: Context, i: int, produced: list[Beat]) -> None:
    """"Animate copies of the lock moving from Bob to Alice, with text "anyone can have it"", "close the lock on it and
    send it to Bob": the sentence drew only its quoted text (or added a still shape) — the motion is not drawn, and
    that is said (SB307), not left for the viewer to notice."""
    if any(j == i and re.search(r"\b(?:motion|animation|mov\w+|trip)\b", what) for j, what in ctx.losses):
        return  # (said already; a lost box or label of the same sentence is said apart from its lost motion)
    if produced and all(b.rule == "highlight:animate-previous" for b in produced):
        # "Animate removing the parabola area from the triangle, leaving the lens region": what is on screen pulses;
        # the motion the sentence describes is not drawn — said
        ctx.lost(i, "the animation it describes is not drawn: what is on screen only pulses")
        return
    if not ex.quoted or not all(b.kind in ("text", "bullets", "highlight") for b in produced):
        return  # (a frame round the text it wrote moves nothing)
    instruction = is_instruction(ex.sentence)
    said = re.sub(r"\b(?:to|and)\s+(?:close|open|end|finish|start|begin)\s+(?:the|this)\s+(?:scene|video|section|lesson|"
                  r"chapter|segment|part)\b|\b(?:close|end|finish|open|start|begin)\s+with\b|\b(?:closing|opening)\s+(?:text|line|"
                  r"statement|remark|sentence|note|words?|title|caption|message|quote)\b", " ", QUOTED.sub(" ", ex.sentence),
                  flags=re.I)  # ("To close the scene, …", "Close with the sentence …")
    # (not a noun — "the moves are listed"; and in a sentence that tells what happens rather than asks for it — "At
    # Bob, the private key touches the lock, the arc moves up" — a verb of the present: "touches", "moves")
    motion = next((m for m in re.finditer(r"\b(?:" + asked_motion() + r")\b", said, re.I)
                   if (instruction or m.group(0).lower().endswith("s"))
                   and not re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", said[:m.start()], re.I)), None)
    if motion:
        shown = ", ".join(repr(q) for q in ex.quoted[:3])
        ctx.lost(i, f"only the text {shown} is drawn; the motion the sentence asks for ({motion.group(0)!r}) is not")


def _labelled_object(sentence: str, q: str) -> str | None:
    """The drawn thing a quoted label names ("a small star labeled "Ligase"": star), the first such noun of the
    clause before the label verb, or None."""
    before = before_quote(sentence, q)  # the quoted label, not its letters inside another word
    m = re.search(r"\b(?:labell?ed|called|named|marked|with\s+the\s+label)\s*:?\s*[\"\u201c]$", before, re.I) if before else None
    if not m:
        return None
    clause = re.split(r"[\"\u201c\u201d(;.,:]", before[:m.start()])[-1]  # from the last mark before it
    return next((w for w in re.findall(r"[a-z]+", clause.lower()) if w in picture_objects()), None)


def _as_drawing(beat: Beat) -> Beat:
    """A beat's strings are what its parameters draw (`drawn_strings`: a numbered list's "1. ", a bar's "73%"),
    the same for a planned beat and for the explicit visual `sbc plan --json` writes for it."""
    return replace(beat, strings=_strings(beat.kind, beat.params))


def _strings(kind: str, params: dict) -> tuple[str, ...]:
    return tuple(dict.fromkeys(drawn_strings(kind, params)))


def _within_limits(beat: Beat, index: int, details: tuple[str, ...], notes: list[PlanNote]) -> Beat:
    """The component's size limits hold for planned beats as for explicit visuals: a list longer than
    its model allows (a matrix row of 1,000 numbers, 30 bullets) is cut to the limit, with SB306."""
    from pydantic import ValidationError

    try:
        COMPONENTS[beat.kind].MODEL.model_validate({"kind": beat.kind, **beat.params})
        return beat
    except ValidationError as e:
        cuts = [(err["loc"], err["ctx"]["max_length"]) for err in e.errors()
                if err["type"] == "too_long" and "max_length" in err.get("ctx", {})]
    if not cuts:
        return beat
    params = copy.deepcopy(beat.params)
    for loc, limit in cuts:
        target = params
        for key in loc:
            target = target[key]
        lost = len(target) - limit
        del target[limit:]
        sentence = details[beat.detail_index] if 0 <= beat.detail_index < len(details) else None
        where = ".".join(str(k) for k in loc)
        notes.append(PlanNote("SB306", f"scene {index + 1}: the {beat.kind} has too many items in {where}: "
                              f"drew the first {limit}, left out {lost}", ("scenes", index, "animation_details"),
                              sentence=sentence))
    return replace(beat, params=params, strings=tuple(drawn_strings(beat.kind, params)))


def edits_beats(visuals) -> bool:
    """Visuals that name a planned beat (`beat`: replace it, `after`: insert after it) edit the plan;
    otherwise a scene's visuals replace all its beats."""
    return any(v.beat is not None or v.after is not None for v in visuals)


def _edited(index: int, beats: tuple[Beat, ...], visuals) -> tuple[Beat, ...]:
    """The planned beats with single beats replaced (`beat`: N) or inserted (`after`: N), numbered as
    `sbc plan` shows them (1-based). A number past the plan is an error (SB308): the plan changed
    under the storyboard, and drawing the beat somewhere else would be silently wrong."""
    n = len(beats)
    replaced: dict[int, int] = {}
    inserted: dict[int, list[int]] = {}
    for j, v in enumerate(visuals):
        key, at = ("beat", v.beat) if v.beat is not None else ("after", v.after if v.after is not None else n)
        where = ("scenes", index, "visuals", j, key)
        if at > n:
            raise PlanError(PlanNote(
                "SB308", f"scene {index + 1}: visuals[{j}] names beat {at}, but the planner makes "
                         f"{n} beat(s) for this scene (`sbc plan` numbers them)", where, Severity.ERROR))
        if key == "beat":
            if at in replaced:
                raise PlanError(PlanNote(
                    "SB308", f"scene {index + 1}: visuals[{j}] and visuals[{replaced[at]}] both replace beat {at}",
                    where, Severity.ERROR))
            replaced[at] = j
        else:
            inserted.setdefault(at, []).append(j)

    def own(j: int, place: tuple[str, int], like: Beat | None) -> Beat:
        """The visual's beat, aligned with the narration as the planned beat it stands for or follows."""
        b = replace(_visual_beat(j, visuals[j]), rule=f"visuals:{place[0]} {place[1]}", place=place)
        if like is None:
            return b
        return replace(b, source=like.source, detail_index=like.detail_index,
                       keywords=like.keywords if place[0] == "beat" else b.keywords)

    out: list[Beat] = []
    for k in range(n + 1):
        if k:
            out.append(own(replaced[k], ("beat", k), beats[k - 1]) if k in replaced else beats[k - 1])
        for j in inserted.get(k, ()):
            out.append(own(j, ("after", k), beats[max(k - 1, 0)] if beats else None))
    return tuple(out)


def _visual_beat(j: int, v) -> Beat:
    data = v.model_dump(exclude_none=True)
    kind = data.pop("kind")
    for key in ("sentence", "beat", "after", "plan"):
        data.pop(key, None)
    data = beat_params(kind, data)
    strings = _strings(kind, data)
    kw = _kw(" ".join(strings))
    beat = Beat(kind, data, strings, "visuals:explicit", f"visuals[{j}]", j, kw)
    if v.sentence is not None:
        beat.params["sentence"] = v.sentence
    return beat
