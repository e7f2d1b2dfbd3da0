"""Stage 3 — plan: storyboard -> beats per scene, deterministic and explainable.

`animation_details` is split into sentences; each sentence runs through the rules in
`planner/rules.py`; `animation_style` becomes the scene's theme (`planner/theme.py`). A scene with
explicit `visuals` uses them as its beats instead of the rules.
"""

from __future__ import annotations

from .components import drawn_strings
from .models import Scene, Storyboard, Theme as FileTheme
from .planner.beats import Beat, Plan, PlanNote, ScenePlan
from .planner.extract import extract
from .planner.rules import RULES, Context, _kw
from .planner.theme import Theme, colour_value, parse_theme
from .text import slugify, split_sentences


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


def plan_storyboard(sb: Storyboard) -> Plan:
    base = base_theme(sb.settings.theme if sb.settings else None)
    notes: list[PlanNote] = []
    scenes = tuple(plan_scene(i, scene, base, notes) for i, scene in enumerate(sb.scenes))
    return Plan(sb.title, scenes, tuple(notes))


def plan_scene(index: int, scene: Scene, base: Theme, notes: list[PlanNote]) -> ScenePlan:
    theme, fired = parse_theme(scene.animation_style, base)
    if scene.visuals:
        beats = tuple(_visual_beat(j, v) for j, v in enumerate(scene.visuals))
    else:
        beats = tuple(_rule_beats(index, scene, theme, notes))
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
    )


def _rule_beats(index: int, scene: Scene, theme: Theme, notes: list[PlanNote]) -> list[Beat]:
    ctx = Context(theme=theme, scene_plot=scene.scene_plot)
    for i, sentence in enumerate(split_sentences(scene.animation_details)):
        ex = extract(sentence)
        ctx.consumed = set()
        produced: list[Beat] = []
        for rule in RULES:
            out = rule(ex, ctx, i)
            produced.extend(out)
            ctx.beats.extend(out)
        if not produced:
            notes.append(PlanNote("SB301", f"scene {index + 1}: nothing to draw for {sentence[:70]!r}",
                                  ("scenes", index, "animation_details")))
    if not ctx.beats:
        # Nothing matched at all: the scene still shows something — its plot as text.
        first = split_sentences(scene.scene_plot)[0]
        ctx.beats.append(Beat("text", {"text": first}, (first,), "text:scene-plot-fallback", first, 0, _kw(first)))
    return ctx.beats


def _visual_beat(j: int, v) -> Beat:
    data = v.model_dump(exclude_none=True)
    kind = data.pop("kind")
    data.pop("sentence", None)
    if kind == "equation":
        data["exprs"] = [data.pop("expr")]
    strings = drawn_strings(kind, data)
    kw = _kw(" ".join(strings))
    beat = Beat(kind, data, tuple(strings), "visuals:explicit", f"visuals[{j}]", j, kw)
    if v.sentence is not None:
        beat.params["sentence"] = v.sentence
    return beat
