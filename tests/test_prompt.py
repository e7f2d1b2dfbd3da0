"""`sbc prompt`: the system prompt for a language model that writes storyboards — generated from the schema,
the phrasebook and the limits; deterministic; light; its example storyboard validates strictly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from compiler.cli import app
from compiler.components import COMPONENTS, VISUAL_KINDS
from compiler.load import load_text
from compiler.phrasebook import load_phrasebook
from compiler.prompt import SEED_FIELDS, build_prompt, example_storyboard, read_format
from compiler.validate import validate_loaded

from .conftest import ROOT

runner = CliRunner()


@pytest.fixture(scope="module")
def prompt() -> str:
    return build_prompt()


def _section(prompt: str, kind: str) -> str:
    start = prompt.index(f"### `{kind}` — ")
    return prompt[start:prompt.index("\n### ", start + 1)]


def test_every_component_kind_with_its_fields(prompt):
    for kind in VISUAL_KINDS:
        section = _section(prompt, kind)
        schema = COMPONENTS[kind].MODEL.model_json_schema()
        for name in schema["properties"]:
            if name in ("kind", "sentence"):  # `sentence` is listed once, for every visual
                continue
            if f"- `{name}` (" not in section:  # a field every visual takes, listed once
                assert name in {f.name for f in read_format().common}, (kind, name)
                assert f"- `{name}` (" in prompt[prompt.index("Every visual also takes:"):], (kind, name)
        for name in schema.get("required", ()):
            if name != "kind":
                assert re.search(rf"- `{name}` \([^\n]*, required\)", section), (kind, name)


def test_every_phrasebook_example_and_the_four_fields(prompt):
    for e in load_phrasebook().entries:
        for d in e.details:
            assert json.dumps(d, ensure_ascii=False) in prompt, e.id
        if e.style:
            assert json.dumps(e.style, ensure_ascii=False) in prompt, e.id
    four = prompt[prompt.index("## The four fields of a scene"):prompt.index("Optional scene fields:")]
    for name in SEED_FIELDS:
        assert f"- `{name}` (string, required) — " in four


def test_the_nested_objects_the_fields_name_are_explained(prompt):
    objects = prompt[prompt.index("### Objects used in those fields"):prompt.index("## Limits")]
    for name in ("GraphNode", "GraphEdge", "GraphStep", "Curve", "PlotMarker", "NumberLineMarker", "Element"):
        assert f"- **{name}**" in objects, name
    named = set(re.findall(r"\b([A-Z][A-Za-z]+)\b", " ".join(
        f.type for _, _, fields in read_format().components for f in fields)))
    named |= set(re.findall(r"\b([A-Z][A-Za-z]+)\b", " ".join(f.type for o in read_format().objects for f in o.fields)))
    listed = set(re.findall(r"^- \*\*(\w+)\*\*", objects, re.M))
    assert named <= listed, named - listed


def test_limits_come_from_the_code(prompt):
    from compiler.load import MAX_BYTES
    from compiler.mathtext import MAX_LENGTH

    limits = prompt[prompt.index("## Limits"):prompt.index("## Example storyboard")]
    assert f"{MAX_BYTES // 2**20} MB" in limits and f"at most {MAX_LENGTH} characters" in limits
    assert "`scenes`: list (1–2000) of Scene." in limits and "`visuals`: list (≤ 40) of visual." in limits


def test_the_example_storyboard_validates_strictly_and_plans_cleanly(prompt):
    block = re.search(r"## Example storyboard\n\n```json\n(.*?)\n```", prompt, re.S).group(1)
    assert json.loads(block) == example_storyboard()
    v = validate_loaded(load_text(block, "example.json"), strict=True)
    assert v.ok and v.report.diagnostics == []
    from compiler.plan import plan_storyboard

    plan = plan_storyboard(v.storyboard)
    assert list(plan.diagnostics) == []
    assert any(s.beats and s.beats[0].rule == "visuals:explicit" for s in plan.scenes)  # it shows `visuals` too
    assert {b.kind for s in plan.scenes for b in s.beats} >= {"title", "equation", "plot", "steps", "highlight", "bullets"}


def test_deterministic_in_this_process_and_another(prompt):
    assert build_prompt() == prompt and build_prompt("json") == build_prompt("json")
    env = dict(os.environ, PYTHONHASHSEED="123")
    out = subprocess.run([sys.executable, "-c", "import sys; from compiler.prompt import build_prompt; "
                          "sys.stdout.write(build_prompt())"], cwd=ROOT, env=env, capture_output=True, check=True)
    assert out.stdout.decode("utf-8") == prompt


def test_light_no_planner_manim_or_numpy():
    code = ("import sys; from compiler.prompt import build_prompt; build_prompt(); build_prompt('json'); "
            "print(sorted(m for m in sys.modules if m == 'compiler.plan' or "
            "m.startswith(('compiler.planner.rules', 'numpy', 'manim', 'moviepy'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_json_format_holds_the_same_content():
    data = json.loads(build_prompt("json"))
    assert [c["kind"] for c in data["visuals"]["components"]] == list(VISUAL_KINDS)
    assert [e["id"] for e in data["phrasebook"]] == [e.id for e in load_phrasebook().entries]
    assert [f["name"] for f in data["format"]["scene"]][:4] == list(SEED_FIELDS)
    assert data["example"] == example_storyboard()
    with pytest.raises(ValueError):
        build_prompt("xml")


def test_the_command(tmp_path, prompt):
    r = runner.invoke(app, ["prompt"])
    assert r.exit_code == 0 and r.stdout == prompt
    r = runner.invoke(app, ["prompt", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["example"] == example_storyboard()
    out = tmp_path / "sub" / "prompt.md"
    r = runner.invoke(app, ["prompt", "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == "" and out.read_text(encoding="utf-8") == prompt
    r = runner.invoke(app, ["prompt", "--format", "xml"])
    assert r.exit_code == 2 and "markdown or json" in r.stderr
