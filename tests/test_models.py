"""The storyboard models: strict (no silent coercion), frozen, with a discriminated union of visuals."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from compiler.models import (
    VISUAL_KINDS,
    BulletsVisual,
    FileSettings,
    MatrixVisual,
    Scene,
    Storyboard,
    TitleVisual,
    Visual,
    known_fields,
)

ROOT = Path(__file__).resolve().parents[1]
SCENE = {
    "scene_plot": "Introduce the idea.",
    "animation_details": 'Show the title "Hello".',
    "animation_style": "Dark blue background.",
    "audio_text": "Hello, and welcome to the video.",
}
REQUIRED = ("scene_plot", "animation_details", "animation_style", "audio_text")


def board(**scene_changes) -> dict:
    scene = dict(SCENE, **scene_changes)
    return {"scenes": [{k: v for k, v in scene.items() if v is not ...}]}


def errors(doc) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as e:
        Storyboard.model_validate(doc)
    return [(tuple(x["loc"]), x["type"]) for x in e.value.errors()]


@pytest.mark.parametrize("path", sorted((ROOT / "storyboards").glob("*.json")), ids=lambda p: p.name)
def test_example_storyboards_are_valid(path):
    sb = Storyboard.model_validate(json.loads(path.read_text(encoding="utf-8")))
    assert sb.scenes and all(s.audio_text for s in sb.scenes)


def test_minimal_storyboard():
    sb = Storyboard.model_validate(board())
    assert sb.scenes[0].scene_plot == SCENE["scene_plot"]
    assert sb.title is None and sb.settings is None and sb.reasoning is None
    s = sb.scenes[0]
    assert (s.id, s.visuals, s.duration, s.transition, s.audio_file, s.voice) == (None,) * 6


@pytest.mark.parametrize("field", REQUIRED)
def test_the_four_seed_fields_are_required(field):
    assert errors(board(**{field: ...})) == [(("scenes", 0, field), "missing")]


def test_scenes_is_required_and_non_empty():
    assert errors({}) == [(("scenes",), "missing")]
    assert errors({"scenes": []}) == [(("scenes",), "too_short")]
    assert errors({"scenes": None}) == [(("scenes",), "list_type")]


@pytest.mark.parametrize("blank", ["", " ", "\n\t ", "\u00a0", "\u3000", "\ufeff", "\x1f", "\u2028"])
@pytest.mark.parametrize("field", REQUIRED)
def test_blank_strings_are_rejected(field, blank):
    (err,) = errors(board(**{field: blank}))
    assert err[0] == ("scenes", 0, field)
    assert err[1] in ("string_too_short", "string_pattern_mismatch")


@pytest.mark.parametrize("text", ["x", " x ", "é", "→", "\u200bx", "0"])
def test_non_blank_strings_are_accepted(text):
    assert Storyboard.model_validate(board(audio_text=text)).scenes[0].audio_text == text


@pytest.mark.parametrize(
    "changes, loc, typ",
    [
        ({"duration": "5"}, ("scenes", 0, "duration"), "float_type"),  # no coercion from strings
        ({"duration": True}, ("scenes", 0, "duration"), "float_type"),
        ({"duration": [5]}, ("scenes", 0, "duration"), "float_type"),
        ({"audio_text": 5}, ("scenes", 0, "audio_text"), "string_type"),
        ({"audio_text": ["a", "b"]}, ("scenes", 0, "audio_text"), "string_type"),
        ({"scene_plot": None}, ("scenes", 0, "scene_plot"), "string_type"),
        ({"title": 3}, ("scenes", 0, "title"), "string_type"),
        ({"id": 7}, ("scenes", 0, "id"), "string_type"),
        ({"visuals": {"kind": "title", "text": "x"}}, ("scenes", 0, "visuals"), "list_type"),
        ({"transition": "wipe"}, ("scenes", 0, "transition"), "literal_error"),
        ({"duration": 0}, ("scenes", 0, "duration"), "greater_than"),
        ({"duration": -1.5}, ("scenes", 0, "duration"), "greater_than"),
        ({"duration": 601}, ("scenes", 0, "duration"), "less_than_equal"),
        ({"id": "two words"}, ("scenes", 0, "id"), "string_pattern_mismatch"),
        ({"id": "intro\n"}, ("scenes", 0, "id"), "string_pattern_mismatch"),
        ({"id": "-intro"}, ("scenes", 0, "id"), "string_pattern_mismatch"),
        ({"id": "x" * 65}, ("scenes", 0, "id"), "string_pattern_mismatch"),
    ],
)
def test_wrong_types_and_values_are_errors(changes, loc, typ):
    assert (loc, typ) in errors(board(**changes))


def test_numbers_json_style():
    # int where a float is expected is fine; an integral float where an int is expected is fine (JSON
    # and JSON Schema have one number type); 30.5 or "30" is not.
    assert Storyboard.model_validate(board(duration=5)).scenes[0].duration == 5
    s = Storyboard.model_validate({**board(), "settings": {"fps": 30.0}}).settings
    assert s.fps == 30 and type(s.fps) is int
    for bad in (30.5, "30", True):
        assert errors({**board(), "settings": {"fps": bad}}) == [(("settings", "fps"), "int_type")]
    assert errors({**board(), "settings": {"fps": 0.0}}) == [(("settings", "fps"), "greater_than_equal")]
    v = Storyboard.model_validate(board(visuals=[{"kind": "title", "text": "x", "sentence": 2.0}]))
    assert v.scenes[0].visuals[0].sentence == 2


def test_settings():
    sb = Storyboard.model_validate({**board(), "settings": {
        "quality": "draft", "fps": 24, "voice": "espeak:en", "captions": False, "math": "ziamath",
        "theme": {"background": "#000000", "text": "white", "accent": "gold", "font": "DejaVu Sans"}}})
    assert sb.settings.quality == "draft" and sb.settings.theme.accent == "gold"
    assert (("settings", "quality"), "literal_error") in errors({**board(), "settings": {"quality": "ultra"}})
    assert (("settings", "captions"), "bool_type") in errors({**board(), "settings": {"captions": "yes"}})
    assert (("settings", "fps"), "less_than_equal") in errors({**board(), "settings": {"fps": 121}})
    assert (("settings", "theme"), "model_type") in errors({**board(), "settings": {"theme": "dark"}})


def test_nullable_optional_fields():
    sb = Storyboard.model_validate({"reasoning": None, "title": None, "settings": None,
                                    "scenes": [dict(SCENE, id=None, duration=None, visuals=None)]})
    assert sb.scenes[0].visuals is None
    # fields with a non-null default are not nullable
    assert errors(board(visuals=[{"kind": "bullets", "items": ["a"], "style": None}]))


def test_extra_keys_are_ignored_by_the_models():
    sb = Storyboard.model_validate({**board(), "author": "me"})
    assert not hasattr(sb, "author")


# ------------------------------------------------------------------------------ frozen
def test_models_are_frozen():
    sb = Storyboard.model_validate(board(visuals=[{"kind": "title", "text": "Hi"}]))
    with pytest.raises(ValidationError):
        sb.title = "changed"
    with pytest.raises(ValidationError):
        sb.scenes[0].audio_text = "changed"
    with pytest.raises(ValidationError):
        sb.scenes[0].visuals[0].text = "changed"
    assert hash(sb.scenes[0].visuals[0])  # frozen models hash
    for model in (Storyboard, Scene, FileSettings, TitleVisual, MatrixVisual):
        assert model.model_config["frozen"] and model.model_config["strict"]


def test_validation_does_not_mutate_the_input():
    doc = {**board(), "settings": {"fps": 30.0}}
    before = copy.deepcopy(doc)
    Storyboard.model_validate(doc)
    assert doc == before


# ------------------------------------------------------------------------------ visuals
EXAMPLES = {
    "title": {"kind": "title", "text": "Hello", "subtitle": "world"},
    "text": {"kind": "text", "text": "A paragraph."},
    "bullets": {"kind": "bullets", "items": ["a", "b"], "style": "check"},
    "equation": {"kind": "equation", "expr": "E = mc^2", "label": "energy"},
    "code": {"kind": "code", "code": "print(1)"},
    "matrix": {"kind": "matrix", "values": [[1, 2.5], ["x", -3]], "highlight_row": 0},
    "flow": {"kind": "flow", "nodes": ["A", "B"], "edge_labels": ["to"], "direction": "down"},
    "highlight": {"kind": "highlight", "target": "A"},
    "clear": {"kind": "clear"},
    "network": {"kind": "network", "layers": [3, 4, 2], "labels": ["in", "hidden", "out"]},
    "icon": {"kind": "icon", "icons": ["clock", "gear"], "labels": ["slow", "busy"]},
    "steps": {"kind": "steps", "lines": ["2x + 3 = 7", "2x = 4", "x = 2"], "notes": ["", "subtract 3", "halve"]},
    "table": {"kind": "table", "columns": ["Model", "Params"], "rows": [["GPT-2", "1.5B"], ["GPT-3", 175]],
              "highlight_row": 1},
    "grid": {"kind": "grid", "count": 30, "highlight": ["2", "4"], "container": "bag"},
    "cards": {"kind": "cards", "figures": ["30,000+ tok/s", "100%"], "captions": ["speed", "accuracy"]},
    "comparison": {"kind": "comparison", "titles": ["Tool Use", "In-Model"], "lines": [["`print(3+5)`"], ["`halt`"]]},
    "sequence": {"kind": "sequence", "tokens": ["The", "cat", "sat"], "mode": "process"},
    "transform": {"kind": "transform", "target": "The", "values": [0.1, 0.2, 0.3]},
    "move": {"kind": "move", "target": "x = 2", "to": "left"},
    "plot": {"kind": "plot", "curves": [{"expr": "x^2", "label": "square"}], "x_label": "x"},
    "scatter": {"kind": "scatter", "count": 10, "hull": True},
    "bar_chart": {"kind": "bar_chart", "labels": ["a", "b"], "values": [1, 2]},
    "heatmap": {"kind": "heatmap", "values": [[1, 2], [3, 4]]},
    "graph": {"kind": "graph", "nodes": ["A", "B"], "edges": [{"from": "A", "to": "B", "label": 4}],
              "steps": [{"action": "visit", "nodes": ["A"]}]},
    "vector_plane": {"kind": "vector_plane", "basis": True, "matrices": [{"values": [[2, 1], [1, 2]]}]},
    "number_line": {"kind": "number_line", "range": [-5, 5], "points": [{"value": 2, "label": "a"}]},
    "geometry": {"kind": "geometry", "triangle": {"legs": [3, 4], "side_labels": ["a", "b", "c"]}},
    "annotation": {"kind": "annotation", "target": "hypotenuse", "label": "longest side"},
    "physics": {"kind": "physics", "bodies": [{"shape": "ball"}], "projectile": {"speed": 15, "angle": 30, "height": 20}},
    "contour": {"kind": "contour", "expr": "x^2 + 3y^2", "path": {"start": [2, 1.5], "rate": 0.1, "steps": 6}},
    "wave": {"kind": "wave", "waves": [{"amplitude": 2, "wavelength": 4}], "marks": True},
    "circuit": {"kind": "circuit", "elements": [{"type": "battery", "value": "6 V"}, {"type": "resistor", "value": "3 Ω"}]},
    "message_chart": {"kind": "message_chart", "lifelines": ["Client", "Server"],
                      "messages": [{"from": "Client", "to": "Server", "label": "SYN"}]},
    "drawing": {"kind": "drawing", "shapes": [{"id": "cell", "type": "membrane", "label": "Cell"},
                                              {"id": "nucleus", "label": "Nucleus", "inside": "cell"}]},
}


def test_every_kind_has_an_example():
    assert set(EXAMPLES) == set(VISUAL_KINDS)


@pytest.mark.parametrize("kind", VISUAL_KINDS)
def test_each_visual_kind_validates_to_its_model(kind):
    sb = Storyboard.model_validate(board(visuals=[EXAMPLES[kind]]))
    v = sb.scenes[0].visuals[0]
    assert v.kind == kind and type(v).__name__.lower().startswith(kind.replace("_", ""))


def test_visual_defaults():
    v = Storyboard.model_validate(board(visuals=[{"kind": "bullets", "items": ["a"]}])).scenes[0].visuals[0]
    assert isinstance(v, BulletsVisual) and v.style == "dot" and v.title is None and v.color is None


@pytest.mark.parametrize(
    "visual, loc_tail, typ",
    [
        ({"kind": "titel", "text": "x"}, (0,), "union_tag_invalid"),
        ({"kind": 3, "text": "x"}, (0,), "union_tag_invalid"),
        ({"text": "x"}, (0,), "union_tag_not_found"),
        ({"kind": "title"}, (0, "title", "text"), "missing"),
        ({"kind": "title", "text": " "}, (0, "title", "text"), "string_pattern_mismatch"),
        ({"kind": "bullets", "items": []}, (0, "bullets", "items"), "too_short"),
        ({"kind": "bullets", "items": ["a", ""]}, (0, "bullets", "items", 1), "string_too_short"),
        ({"kind": "bullets", "items": ["a"], "style": "star"}, (0, "bullets", "style"), "literal_error"),
        ({"kind": "matrix", "values": [[1, True]]}, (0, "matrix", "values", 0, 1, "float"), "float_type"),
        ({"kind": "matrix", "values": [[1]], "highlight_row": -1}, (0, "matrix", "highlight_row"),
         "greater_than_equal"),
        ({"kind": "flow", "nodes": ["a"] * 11}, (0, "flow", "nodes"), "too_long"),
        ({"kind": "title", "text": "x", "sentence": 0}, (0, "title", "sentence"), "greater_than_equal"),
        ("title", (0,), "model_attributes_type"),
    ],
)
def test_bad_visuals(visual, loc_tail, typ):
    assert (("scenes", 0, "visuals") + loc_tail, typ) in errors(board(visuals=[visual]))


def test_visual_is_a_discriminated_union():
    from typing import get_args

    union, field = get_args(Visual)
    assert field.discriminator == "kind"
    kinds = [get_args(m.model_fields["kind"].annotation)[0] for m in get_args(union)]
    assert tuple(kinds) == VISUAL_KINDS


def test_known_fields():
    assert known_fields(Scene)[:4] == list(REQUIRED)
    assert set(known_fields(Storyboard)) == {"$schema", "reasoning", "title", "settings", "scenes"}
