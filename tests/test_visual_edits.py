"""Fix one beat, keep the rest: a scene's visual with `beat` replaces that planned beat, `after` inserts one,
and `sbc plan --json` output pastes into `visuals` — validating with `--strict` and planning the same.

The round trip runs on every storyboard in `storyboards/` and, when it is beside the repo, on the shared
corpus's `dev` storyboards (repaired copies: they are raw model answers).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compiler.load import load_bytes
from compiler.plan import PlanError, plan_storyboard
from compiler.timing import estimate_timings, time_plan
from compiler.validate import validate_loaded

from .conftest import ROOT

CORPUS = Path(os.environ.get("SBC_CORPUS", ROOT.parent / "shared" / "corpus"))
OWN = sorted((ROOT / "storyboards").glob("*.json"))

SCENE = {
    "scene_plot": "Solve a linear equation.",
    "animation_details": 'Show the title "Solving". Show the equation `2x + 3 = 7`. Then write "x = 2" below it.',
    "animation_style": "Dark background.",
    "audio_text": "We solve an equation. Subtract three and divide by two. So x is two.",
}


def _validated(data: dict, name: str = "story.json"):
    v = validate_loaded(load_bytes(json.dumps(data, ensure_ascii=False).encode(), name), strict=True)
    return v


def _plan_json(data: dict) -> dict:
    v = _validated(data)
    assert v.ok, v.report.format()
    return time_plan(plan_storyboard(v.storyboard), estimate_timings(v.storyboard)).to_json()


def _drawn(data: dict) -> list[list[tuple[str, tuple[str, ...]]]]:
    v = _validated(data)
    assert not v.report.diagnostics, v.report.format()
    return [[(b.kind, b.strings) for b in s.beats] for s in plan_storyboard(v.storyboard).scenes]


def test_a_visual_with_beat_replaces_only_that_beat():
    planned = _plan_json({"scenes": [SCENE]})["scenes"][0]["beats"]
    assert [b["beat"] for b in planned] == [1, 2, 3] and [b["kind"] for b in planned] == ["title", "equation", "equation"]
    edited = {"scenes": [dict(SCENE, visuals=[{"beat": 3, "kind": "text", "text": "x is two", "color": "gold"}])]}
    beats = _plan_json(edited)["scenes"][0]["beats"]
    assert [(b["beat"], b["kind"]) for b in beats] == [(1, "title"), (2, "equation"), (3, "text")]
    assert beats[2]["text"] == "x is two" and beats[2]["color"] == "gold" and beats[2]["plan"]["rule"] == "visuals:beat 3"
    assert beats[:2] == planned[:2]  # the rest stays planned, timed as before


def test_after_inserts_a_beat_and_plan_numbers_it():
    edited = {"scenes": [dict(SCENE, visuals=[{"after": 0, "kind": "text", "text": "Warm-up"},
                                              {"after": 2, "kind": "highlight", "mode": "box"}])]}
    beats = _plan_json(edited)["scenes"][0]["beats"]
    assert [(b.get("beat"), b.get("after"), b["kind"]) for b in beats] == [
        (None, 0, "text"), (1, None, "title"), (2, None, "equation"), (None, 2, "highlight"), (3, None, "equation")]
    v = _validated(edited)
    text = time_plan(plan_storyboard(v.storyboard), estimate_timings(v.storyboard)).describe()
    assert [line.split()[0] for line in text.splitlines()[1:]] == ["0+", "1", "2", "2+", "3"]


def test_an_edited_scene_round_trips():
    edited = {"scenes": [dict(SCENE, visuals=[{"after": 1, "kind": "text", "text": "Step by step"},
                                              {"beat": 2, "kind": "steps", "lines": ["2x + 3 = 7", "2x = 4"]}])]}
    pasted = {"scenes": [dict(SCENE, visuals=_plan_json(edited)["scenes"][0]["beats"])]}
    assert _drawn(pasted) == _drawn(edited)


def test_a_beat_number_past_the_plan_is_an_error_with_its_position(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"scenes": [dict(SCENE, visuals=[{"beat": 9, "kind": "text", "text": "x"}])]}, indent=2))
    r = subprocess.run([sys.executable, "-m", "compiler.cli", "plan", str(path)], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "SB308" in r.stderr and "names beat 9, but the planner makes 3 beat(s)" in r.stderr
    line = next(i for i, x in enumerate(path.read_text().splitlines(), 1) if '"beat": 9' in x)
    assert f"story.json:{line}:" in r.stderr


def test_two_visuals_for_one_beat_are_an_error():
    v = _validated({"scenes": [dict(SCENE, visuals=[{"beat": 1, "kind": "text", "text": "a"},
                                                    {"beat": 1, "kind": "text", "text": "b"}])]})
    with pytest.raises(PlanError, match="both replace beat 1"):
        plan_storyboard(v.storyboard)


def test_mixing_edits_with_whole_scene_visuals_is_refused():
    v = _validated({"scenes": [dict(SCENE, visuals=[{"beat": 1, "kind": "text", "text": "a"},
                                                    {"kind": "text", "text": "b"}])]})
    assert not v.ok and "SB203" in v.report.format() and "no `beat` or `after`" in v.report.format()
    v = _validated({"scenes": [dict(SCENE, visuals=[{"beat": 1, "after": 1, "kind": "text", "text": "a"}])]})
    assert not v.ok and "not both" in v.report.format()


def _round_trip(data: dict) -> None:
    """Each scene's beats from `sbc plan --json`, pasted into that scene's visuals: no warning under --strict,
    and every scene plans to the same kinds and drawn strings."""
    timed = _plan_json(data)
    want = _drawn(data)
    for i, scene in enumerate(timed["scenes"]):
        pasted = copy.deepcopy(data)
        pasted["scenes"][i]["visuals"] = scene["beats"]
        assert _drawn(pasted) == want, f"scene {i + 1}"


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.stem)
def test_plan_json_pastes_into_visuals(path):
    _round_trip(json.loads(path.read_text(encoding="utf-8")))


DEV = sorted(CORPUS.glob("dev/*.txt"))


@pytest.mark.skipif(not DEV, reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem)
def test_plan_json_pastes_into_visuals_on_the_shared_corpus(path, tmp_path):
    copy_ = tmp_path / (path.stem + ".json")
    shutil.copyfile(path, copy_)
    subprocess.run([sys.executable, "-m", "compiler.cli", "fix", "--write", str(copy_)], capture_output=True,
                   cwd=ROOT, timeout=120)
    _round_trip(json.loads(copy_.read_text(encoding="utf-8")))


def test_the_pasted_plan_validates_strict_from_the_command_line(tmp_path):
    """The CLI path a user takes: `sbc plan --json`, paste scene 1's beats, `sbc validate --strict`."""
    src = tmp_path / "story.json"
    src.write_text(json.dumps({"scenes": [SCENE]}))
    out = subprocess.run([sys.executable, "-m", "compiler.cli", "plan", "--json", str(src)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(src.read_text())
    data["scenes"][0]["visuals"] = json.loads(out.stdout)["scenes"][0]["beats"]
    src.write_text(json.dumps(data, indent=2))
    r = subprocess.run([sys.executable, "-m", "compiler.cli", "validate", "--strict", str(src)], capture_output=True,
                       text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and "0 error(s), 0 warning(s)" in r.stdout, r.stdout + r.stderr


def test_the_readme_lists_every_component_field():
    from compiler.components.reference import END, START, fields_markdown

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(START):text.index(END) + len(END)]
    assert section == fields_markdown(), \
        "README.md's component fields are out of date: run python -m compiler.components.reference --write README.md"
    for field in ("extend", "y_range", "beat", "after"):
        assert f"| `{field}` |" in section
