"""Stage 2 (validate): schema errors and semantic checks as positioned diagnostics with stable codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler.load import load_text
from compiler.validate import MAX_SCENE_NARRATION_S, READING_RATE_WPS, validate_file, validate_loaded

ROOT = Path(__file__).resolve().parents[1]
SCENE = {
    "scene_plot": "Introduce the idea.",
    "animation_details": 'Show the title "Hello".',
    "animation_style": "Dark blue background.",
    "audio_text": "Hello, and welcome to the video.",
}


def doc(*scenes: dict, **top) -> dict:
    return {**top, "scenes": [dict(SCENE, **s) for s in (scenes or ({},))]}


def check(d: dict | str, *, strict: bool = False, base_dir: Path | None = None):
    text = d if isinstance(d, str) else json.dumps(d, indent=2, ensure_ascii=False)
    v = validate_loaded(load_text(text, "sb.json"), strict=strict, base_dir=base_dir)
    return v, text


def codes(d, **kw) -> list[str]:
    return [x.code for x in check(d, **kw)[0].report.sorted()]


def one(d, code, **kw):
    v, text = check(d, **kw)
    found = [x for x in v.report.diagnostics if x.code == code]
    assert len(found) == 1, v.report.format()
    return found[0], v, text


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    off = -1
    for _ in range(nth + 1):
        off = text.index(needle, off + 1)
    return text.count("\n", 0, off) + 1, off - (text.rfind("\n", 0, off) + 1) + 1


@pytest.mark.parametrize("path", sorted((ROOT / "storyboards").glob("*.json")), ids=lambda p: p.name)
def test_example_storyboards_have_no_diagnostics(path):
    v = validate_file(path, strict=True)
    assert v.ok and v.report.diagnostics == [], v.report.format()
    assert v.storyboard is not None


def test_valid_document():
    v, _ = check(doc())
    assert v.ok and v.storyboard.scenes[0].audio_text == SCENE["audio_text"]


# ------------------------------------------------------------------------------ schema errors
@pytest.mark.parametrize("field", ["scene_plot", "animation_details", "animation_style", "audio_text"])
def test_missing_required_field(field):
    d = doc()
    del d["scenes"][0][field]
    diag, v, text = one(d, "SB201")
    assert not v.ok and v.storyboard is None
    assert diag.message == f"missing required field {field!r} in scenes[0]"
    assert (diag.line, diag.col) == at(text, "{", nth=1)
    assert diag.hint


def test_missing_scenes():
    diag, _, _ = one({"title": "x"}, "SB201")
    assert "'scenes'" in diag.message and 'a storyboard is {"scenes"' in diag.hint


@pytest.mark.parametrize("blank", ["", "   ", "\n", "\u00a0"])
def test_blank_strings(blank):
    diag, _, text = one(doc({"animation_style": blank}), "SB206")
    assert diag.message == "scenes[0].animation_style is empty"
    value = json.dumps(blank, ensure_ascii=False)
    line, col = at(text, f'"animation_style": {value}')
    assert (diag.line, diag.col) == (line, col + len('"animation_style": '))


def test_blank_list_items_are_sb206_too():
    diag, _, _ = one(doc({"visuals": [{"kind": "bullets", "items": ["ok", " "]}]}), "SB206")
    assert diag.message == "scenes[0].visuals[0].items[1] is empty"


@pytest.mark.parametrize(
    "value, expected",
    [('"5"', "a number, not a string"), ("true", "a number, not a boolean"), ("[5]", "a number, not a list"),
     ("null", None)],
)
def test_wrong_type_is_an_error_not_a_coercion(value, expected):
    text = json.dumps(doc(), indent=2).replace('"audio_text"', f'"duration": {value},\n      "audio_text"')
    v, _ = check(text)
    if expected is None:
        assert v.ok
        return
    diag, _, _ = one(text, "SB202")
    assert diag.message == f"scenes[0].duration must be {expected}"
    assert (diag.line, diag.col) == at(text, value)


def test_string_field_with_a_number():
    diag, _, text = one(doc({}, {"audio_text": 12}), "SB202")
    assert diag.message == "scenes[1].audio_text must be a string, not a number"
    assert (diag.line, diag.col) == at(text, "12")


def test_top_level_must_be_an_object():
    for text in ("[]", '"storyboard"', "3", "null"):
        assert codes(text) == ["SB202"]


def test_other_constraint_errors_are_sb203():
    diag, _, text = one(doc({"duration": -2}), "SB203")
    assert "scenes[0].duration" in diag.message and "greater than 0" in diag.message
    assert (diag.line, diag.col) == at(text, "-2")
    assert codes(doc({"transition": "wipe"})) == ["SB203"]
    diag, _, _ = one(doc({"id": "my scene"}), "SB203")
    assert "letters, digits" in diag.message


def test_all_errors_are_collected_not_just_the_first():
    d = doc({"audio_text": ""}, {"duration": "5"}, {"visuals": [{"kind": "nope"}]})
    del d["scenes"][0]["scene_plot"]
    assert sorted(codes(d)) == ["SB201", "SB202", "SB206", "SB207"]


# ------------------------------------------------------------------------------ unknown keys
def test_unknown_key_is_a_warning_with_did_you_mean():
    diag, v, text = one(doc({"audio_txt": "Hello there."}), "SB204")
    assert v.ok and v.storyboard is not None
    assert diag.severity.value == "warning" and diag.message == "unknown key 'audio_txt'"
    assert diag.hint == "did you mean 'audio_text'?"
    assert (diag.line, diag.col) == at(text, '"audio_txt"')  # the key, not its value
    assert "warning: unknown key" in diag.headline()


def test_unknown_key_is_an_error_under_strict():
    diag, v, _ = one(doc({"audio_txt": "Hello there."}), "SB204", strict=True)
    assert not v.ok and v.storyboard is None
    assert diag.severity.value == "error" and diag.hint == "did you mean 'audio_text'?"


def test_unknown_key_without_a_close_match_lists_the_known_keys():
    diag, _, _ = one(doc(zzz=1), "SB204")
    assert diag.hint.startswith("known keys: ") and "scenes" in diag.hint


@pytest.mark.parametrize(
    "d, key, suggestion",
    [
        (doc(setings={}), "setings", "settings"),
        (doc(settings={"qualty": "low"}), "qualty", "quality"),
        (doc(settings={"theme": {"backgroud": "#000"}}), "backgroud", "background"),
        (doc({"visuals": [{"kind": "title", "text": "x", "subtitel": "y"}]}), "subtitel", "subtitle"),
        (doc({"visuals": [{"kind": "bullets", "items": ["x"], "item": ["y"]}]}), "item", "items"),
    ],
)
def test_unknown_keys_everywhere(d, key, suggestion):
    diag, v, _ = one(d, "SB204")
    assert v.ok and key in diag.message and diag.hint == f"did you mean {suggestion!r}?"


def test_dollar_schema_is_known_and_ignored():
    """Editors find a schema through "$schema": no SB204, even with --strict, and nothing else changes."""
    v, _ = check(doc(**{"$schema": "../docs/storyboard.schema.json"}), strict=True)
    assert v.ok and v.report.diagnostics == [], v.report.format()
    assert v.storyboard == check(doc(), strict=True)[0].storyboard.model_copy(
        update={"schema_uri": "../docs/storyboard.schema.json"})
    diag, v, _ = one(doc(**{"$schema": 3}), "SB202")
    assert not v.ok and diag.message == "$schema must be a string, not a number"
    diag, _, _ = one(doc(schema_uri="x.json"), "SB204")  # the file's key is "$schema", not the field's name
    assert diag.hint == "did you mean '$schema'?"


# ------------------------------------------------------------------------------ scenes, visuals
def test_empty_scenes():
    diag, v, text = one({"scenes": []}, "SB205")
    assert not v.ok and "no scenes" in diag.message
    assert (diag.line, diag.col) == at(text, "[]")


def test_unknown_visual_kind():
    diag, v, text = one(doc({"visuals": [{"kind": "title", "text": "a"}, {"kind": "bulets", "items": ["x"]}]}), "SB207")
    assert not v.ok
    assert diag.message == "scenes[0].visuals[1]: unknown visual kind 'bulets'"
    assert diag.hint == "did you mean 'bullets'?"
    assert (diag.line, diag.col) == at(text, '"bulets"')


def test_unknown_visual_kind_without_a_close_match_lists_kinds():
    diag, _, _ = one(doc({"visuals": [{"kind": "hologram"}]}), "SB207")
    assert diag.hint.startswith("kinds: title, text, bullets")


def test_visual_without_kind():
    diag, _, _ = one(doc({"visuals": [{"text": "a"}]}), "SB201")
    assert 'needs a "kind"' in diag.message


def test_visual_field_errors_do_not_show_the_union_tag():
    d = doc({"visuals": [{"kind": "matrix", "values": [[1, True]]}, {"kind": "title"}]})
    msgs = [x.message for x in check(d)[0].report.sorted()]
    assert msgs == ["scenes[0].visuals[0].values[0][1] must be a number or a string, not a boolean",
                    "missing required field 'text' in scenes[0].visuals[1]"]


# ------------------------------------------------------------------------------ semantic warnings
@pytest.mark.parametrize("text", ["TODO", "tbd: write this", "Lorem ipsum dolor", "...", " … ", "<narration here>",
                                  "[insert narration]", "FIXME later", "N/A", "placeholder"])
def test_placeholder(text):
    diag, v, _ = one(doc({"scene_plot": text}), "SB210")
    assert v.ok and diag.severity.value == "warning" and "placeholder" in diag.message
    assert not check(doc({"scene_plot": text}), strict=True)[0].ok


@pytest.mark.parametrize("text", ["Todos los días: a scene about routines.", "Na+ ions cross the membrane.",
                                  "...and then the encoder runs.", "<b> tags are shown", "[1, 2, 3] becomes a matrix."])
def test_not_a_placeholder(text):
    assert "SB210" not in codes(doc({"scene_plot": text}))


def test_missing_audio_file(tmp_path):
    d = doc({"audio_file": "audio/intro.wav"})
    diag, v, text = one(d, "SB211", base_dir=tmp_path)
    assert v.ok and diag.severity.value == "warning" and "'audio/intro.wav'" in diag.message
    assert (diag.line, diag.col) == at(text, '"audio/intro.wav"')
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "intro.wav").write_bytes(b"RIFF")
    assert codes(d, base_dir=tmp_path) == []


def test_duplicate_ids_are_an_error():
    diag, v, text = one(doc({"id": "intro"}, {"id": "main"}, {"id": "intro"}), "SB212")
    assert not v.ok and "'intro'" in diag.message and "scene 1" in diag.message
    assert (diag.line, diag.col) == at(text, '"intro"', nth=1)


def test_narration_too_long():
    n_words = int(MAX_SCENE_NARRATION_S * READING_RATE_WPS) + 10
    diag, v, _ = one(doc({"audio_text": "word " * n_words}), "SB213")
    assert v.ok and "too long" in diag.message and diag.hint == "split it into several scenes"


def test_narration_too_short():
    diag, _, _ = one(doc({"audio_text": "Hi."}), "SB213")
    assert "only 1 word" in diag.message


def test_narration_longer_than_duration():
    diag, _, text = one(doc({"duration": 2, "audio_text": "word " * 30}), "SB213")
    assert "duration is 2 s" in diag.message
    line, col = at(text, '"duration": 2')
    assert (diag.line, diag.col) == (line, col + len('"duration": '))


def test_narration_checks_skip_recorded_audio(tmp_path):
    (tmp_path / "a.wav").write_bytes(b"RIFF")
    assert codes(doc({"audio_text": "Hi.", "audio_file": "a.wav"}), base_dir=tmp_path) == []


def test_strict_turns_every_warning_into_an_error():
    d = doc({"scene_plot": "TODO", "audio_txt": "x"})
    v, _ = check(d)
    assert v.ok and {x.code for x in v.report.warnings} == {"SB204", "SB210"}
    v, _ = check(d, strict=True)
    assert not v.ok and v.report.warnings == [] and {x.code for x in v.report.errors} == {"SB204", "SB210"}


def test_report_json_shape():
    v, _ = check(doc({"audio_txt": "x"}))
    j = v.report.to_json()
    assert j["valid"] is True and j["errors"] == 0 and j["warnings"] == 1
    (d,) = j["diagnostics"]
    assert set(d) == {"code", "severity", "message", "file", "line", "col", "hint"}
    assert d["severity"] == "warning" and d["file"] == "sb.json"
    json.dumps(j)
