"""`sbc schema`: a documented draft 2020-12 JSON Schema that accepts exactly what `sbc validate` accepts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Callable

import jsonschema
import pytest
from typer.testing import CliRunner

from compiler.cli import app
from compiler.models import VISUAL_KINDS
from compiler.schema import DRAFT, storyboard_schema

ROOT = Path(__file__).resolve().parents[1]
BASES = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "storyboards").glob("*.json"))}
SCHEMA = storyboard_schema()


def test_draft_2020_12():
    assert SCHEMA["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft202012Validator
    assert SCHEMA["type"] == "object" and SCHEMA["required"] == ["scenes"]
    assert SCHEMA["title"] and SCHEMA["description"]


def test_schema_is_deterministic_and_is_what_the_command_prints(tmp_path):
    assert storyboard_schema() == SCHEMA
    r = CliRunner().invoke(app, ["schema"])
    assert r.exit_code == 0 and json.loads(r.stdout) == SCHEMA
    out = tmp_path / "s.json"
    r = CliRunner().invoke(app, ["schema", "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == "" and json.loads(out.read_text(encoding="utf-8")) == SCHEMA


SCHEMA_FILE = ROOT / "docs" / "storyboard.schema.json"


def test_the_schema_file_in_the_repository_is_what_sbc_schema_prints(tmp_path):
    """Editors point at docs/storyboard.schema.json (README: Editors); it must not drift from the models."""
    out = tmp_path / "s.json"
    r = CliRunner().invoke(app, ["schema", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert SCHEMA_FILE.read_text(encoding="utf-8") == out.read_text(encoding="utf-8"), (
        f"{SCHEMA_FILE.relative_to(ROOT)} is out of date; regenerate it with: "
        f"sbc schema -o {SCHEMA_FILE.relative_to(ROOT)}")


def test_schema_accepts_a_dollar_schema_string():
    prop = SCHEMA["properties"]["$schema"]
    assert {"type": "string"} in prop["anyOf"] and prop["description"]
    assert VALIDATOR.is_valid({"$schema": "docs/storyboard.schema.json", "scenes": BASES["minimal"]["scenes"]})


def _properties(node, where="#"):
    """(json pointer, property schema) of every property of every object, $defs included."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{where}/properties/{name}", prop
        for k, v in node.items():
            yield from _properties(v, f"{where}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _properties(v, f"{where}/{i}")


def _has_examples(prop: dict) -> bool:
    if any(k in prop for k in ("examples", "const", "enum")):
        return True
    branches = [b for b in prop.get("anyOf", []) if b != {"type": "null"}]
    return bool(branches) and all("const" in b or "enum" in b for b in branches)


def test_every_property_has_a_description_and_examples():
    props = list(_properties(SCHEMA))
    assert len(props) > 50
    assert {p.split("/")[2] for p, _ in props if p.startswith("#/$defs/")} >= {
        "Scene", "FileSettings", "Theme", "TitleVisual", "MatrixVisual", "ClearVisual"}
    missing = [p for p, prop in props if not prop.get("description")]
    assert missing == [], missing
    missing = [p for p, prop in props if not _has_examples(prop)]
    assert missing == [], missing


def test_examples_are_valid_values():
    """Each property's examples pass that property's own schema."""
    for pointer, prop in _properties(SCHEMA):
        sub = {**prop, "$defs": SCHEMA["$defs"]}
        for ex in prop.get("examples", []):
            assert jsonschema.Draft202012Validator(sub).is_valid(ex), (pointer, ex)


def test_visual_union_is_discriminated_by_kind():
    items = SCHEMA["$defs"]["Scene"]["properties"]["visuals"]["anyOf"][0]["items"]
    assert items["discriminator"]["propertyName"] == "kind"
    assert len(items["oneOf"]) == len(items["discriminator"]["mapping"]) == len(VISUAL_KINDS)


# ------------------------------------------------------------------------------ parity corpus
Mutation = Callable[[dict], None]


def _scene(i: int = 0) -> Callable[[dict], dict]:
    return lambda d: d["scenes"][i]


def setter(path: tuple, value) -> Mutation:
    def m(d: dict) -> None:
        target = d
        for p in path[:-1]:
            target = target[p]
        target[path[-1]] = copy.deepcopy(value)
    return m


def dropper(path: tuple) -> Mutation:
    def m(d: dict) -> None:
        target = d
        for p in path[:-1]:
            target = target[p]
        del target[path[-1]]
    return m


def visuals(*vs) -> Mutation:
    return setter(("scenes", 0, "visuals"), list(vs))


class Replace:
    """A mutation result that replaces the whole document."""

    def __init__(self, value) -> None:
        self.value = value


def replace_doc(value) -> Callable[[dict], Replace]:
    return lambda d: Replace(copy.deepcopy(value))


S0 = ("scenes", 0)
VALID: dict[str, Mutation] = {
    "unchanged": lambda d: None,
    "int duration": setter(S0 + ("duration",), 5),
    "float duration": setter(S0 + ("duration",), 7.25),
    "max duration": setter(S0 + ("duration",), 600),
    "whole-number float fps": setter(("settings",), {"fps": 30.0}),
    "full settings": setter(("settings",), {"quality": "draft", "fps": 24, "voice": "espeak:en", "captions": True,
                                            "math": "auto",
                                            "theme": {"background": "#0f0f1a", "text": "white", "accent": "gold",
                                                      "font": "DejaVu Sans"}}),
    "nulls": lambda d: d.update(title=None, reasoning=None, settings=None) or d["scenes"][0].update(
        id=None, title=None, voice=None, duration=None, transition=None, visuals=None, audio_file=None),
    "unknown keys (warnings)": lambda d: d.update(author="me") or d["scenes"][0].update(audio_txt="x"),
    "every visual kind": visuals(
        {"kind": "title", "text": "T", "subtitle": "s", "color": "gold", "sentence": 1},
        {"kind": "text", "text": "Some text."},
        {"kind": "bullets", "items": ["a", "b"], "style": "numbered", "title": "List"},
        {"kind": "equation", "expr": "E = mc^2", "label": "energy"},
        {"kind": "code", "code": "print(1)", "language": "python"},
        {"kind": "matrix", "values": [[1, 2.5], ["x", -3]], "highlight_row": 0, "highlight_col": 1.0},
        {"kind": "flow", "nodes": ["A", "B"], "edge_labels": ["to"], "direction": "down"},
        {"kind": "highlight", "target": "A"},
        {"kind": "clear"}),
    "unknown key in a visual": visuals({"kind": "clear", "colour": "red"}),
    "ids": lambda d: [s.update(id=f"scene-{i}_x") for i, s in enumerate(d["scenes"])],
    "unicode text": setter(S0 + ("audio_text",), "Énergie → 4x² ∫ F · dr, 日本語."),
    "zero-width space is not blank": setter(S0 + ("scene_plot",), "\u200bx"),
    "64-char id": setter(S0 + ("id",), "a" * 64),
    "long title": setter(("title",), "t" * 20000),
    "$schema for editors": setter(("$schema",), "../docs/storyboard.schema.json"),
}
INVALID: dict[str, Mutation] = {
    "music (refused, SB408)": setter(("settings",), {"music": "audio/m.mp3"}),
    "math latex (refused, SB408)": setter(("settings",), {"math": "latex"}),
    **{f"drop {f}": dropper(S0 + (f,)) for f in ("scene_plot", "animation_details", "animation_style", "audio_text")},
    "drop scenes": dropper(("scenes",)),
    "empty scenes": setter(("scenes",), []),
    "scenes object": setter(("scenes",), {"0": {}}),
    "scene is a string": setter(S0, "a scene"),
    **{f"blank audio_text {b!r}": setter(S0 + ("audio_text",), b)
       for b in ("", "   ", "\n\t", "\u00a0", "\x1f", "\ufeff", "\u3000", "\x85")},
    "duration string": setter(S0 + ("duration",), "5"),
    "duration bool": setter(S0 + ("duration",), True),
    "duration negative": setter(S0 + ("duration",), -3),
    "duration zero": setter(S0 + ("duration",), 0),
    "duration too long": setter(S0 + ("duration",), 600.5),
    "audio_text number": setter(S0 + ("audio_text",), 5),
    "audio_text list": setter(S0 + ("audio_text",), ["a"]),
    "scene_plot null": setter(S0 + ("scene_plot",), None),
    "title number": setter(("title",), 3),
    "title too long": setter(("title",), "t" * 20001),
    "reasoning object": setter(("reasoning",), {}),
    "$schema number": setter(("$schema",), 1),
    "transition enum": setter(S0 + ("transition",), "wipe"),
    "quality enum": setter(("settings",), {"quality": "ultra"}),
    "math enum": setter(("settings",), {"math": "mathjax"}),
    "fps fraction": setter(("settings",), {"fps": 29.97}),
    "fps string": setter(("settings",), {"fps": "30"}),
    "fps bool": setter(("settings",), {"fps": True}),
    "fps zero": setter(("settings",), {"fps": 0}),
    "fps too high": setter(("settings",), {"fps": 240.0}),
    "captions string": setter(("settings",), {"captions": "yes"}),
    "settings list": setter(("settings",), []),
    "theme string": setter(("settings",), {"theme": "dark"}),
    "colour too long": setter(("settings",), {"theme": {"accent": "x" * 65}}),
    "id with newline": setter(S0 + ("id",), "intro\n"),
    "id with space": setter(S0 + ("id",), "my scene"),
    "id starting with dash": setter(S0 + ("id",), "-intro"),
    "id too long": setter(S0 + ("id",), "a" * 65),
    "visuals object": setter(S0 + ("visuals",), {"kind": "clear"}),
    "visual string": visuals("title"),
    "unknown kind": visuals({"kind": "titel", "text": "x"}),
    "kind number": visuals({"kind": 1}),
    "missing kind": visuals({"text": "x"}),
    "title without text": visuals({"kind": "title"}),
    "blank title text": visuals({"kind": "title", "text": " "}),
    "empty bullets": visuals({"kind": "bullets", "items": []}),
    "blank bullet": visuals({"kind": "bullets", "items": ["a", ""]}),
    "bullet style enum": visuals({"kind": "bullets", "items": ["a"], "style": "star"}),
    "too many bullets": visuals({"kind": "bullets", "items": ["a"] * 13}),
    "matrix bool": visuals({"kind": "matrix", "values": [[1, True]]}),
    "matrix null": visuals({"kind": "matrix", "values": [[None]]}),
    "matrix row not list": visuals({"kind": "matrix", "values": [1, 2]}),
    "highlight_row negative": visuals({"kind": "matrix", "values": [[1]], "highlight_row": -1}),
    "sentence zero": visuals({"kind": "text", "text": "x", "sentence": 0}),
    "sentence fraction": visuals({"kind": "text", "text": "x", "sentence": 1.5}),
    "flow direction enum": visuals({"kind": "flow", "nodes": ["a"], "direction": "up"}),
    "code language null": visuals({"kind": "code", "code": "x", "language": None}),
    "too many visuals": visuals(*[{"kind": "clear"}] * 41),
    "top-level list": replace_doc([]),
    "top-level string": replace_doc("storyboard"),
    "top-level null": replace_doc(None),
}


def _corpus() -> list[tuple[str, object, bool]]:
    out = []
    for base_name, base in BASES.items():
        for table, valid in ((VALID, True), (INVALID, False)):
            for name, mutate in table.items():
                d = copy.deepcopy(base)
                result = mutate(d)
                out.append((f"{base_name}: {name}", result.value if isinstance(result, Replace) else d, valid))
    return out


CORPUS = _corpus()


def test_corpus_size():
    assert len(CORPUS) >= 30
    assert sum(v for _, _, v in CORPUS) >= 10 and sum(not v for _, _, v in CORPUS) >= 20


@pytest.fixture(scope="module")
def sbc_verdicts(tmp_path_factory) -> dict[str, bool]:
    """Run the real command once over the whole corpus: `sbc validate --format json F1 F2 ...`."""
    d = tmp_path_factory.mktemp("corpus")
    files = []
    for i, (name, doc, _) in enumerate(CORPUS):
        p = d / f"{i:03d}.json"
        p.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
        files.append(str(p))
    r = CliRunner().invoke(app, ["validate", "--format", "json", *files])
    assert r.exit_code == 1, r.output  # the corpus has invalid documents
    reports = json.loads(r.stdout)
    assert [x["file"] for x in reports] == files
    return {name: rep["valid"] for (name, _, _), rep in zip(CORPUS, reports)}


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.mark.parametrize("name, doc, expected", CORPUS, ids=[c[0] for c in CORPUS])
def test_parity_schema_and_sbc_validate(name, doc, expected, sbc_verdicts):
    by_schema = VALIDATOR.is_valid(doc)
    by_sbc = sbc_verdicts[name]
    assert by_schema == by_sbc, (
        f"schema says {by_schema}, sbc validate says {by_sbc}: "
        + "; ".join(e.message[:120] for e in VALIDATOR.iter_errors(doc)))
    assert by_sbc == expected


def test_semantic_checks_are_beyond_the_schema():
    """What JSON Schema cannot say (unique scene ids across the list) only `sbc validate` checks."""
    d = copy.deepcopy(BASES["transformer"])
    for s in d["scenes"][:2]:
        s["id"] = "same"
    assert VALIDATOR.is_valid(d)
    from compiler.load import load_text
    from compiler.validate import validate_loaded

    v = validate_loaded(load_text(json.dumps(d)))
    assert [x.code for x in v.report.errors] == ["SB212"]
