"""`sbc fix`: repairs language-model JSON damage without changing a single string, and writes atomically."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compiler import fix as fix_mod
from compiler.cli import app
from compiler.fix import RepairFailed, repair_loaded, repair_text, write_atomic
from compiler.load import load_text
from compiler.validate import validate_loaded

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("SBC_SEEDS", ROOT.parent / "shared" / "seeds"))

GOOD = """{
  "title": "Repairs",
  "scenes": [
    {
      "scene_plot": "The plot.",
      "animation_details": "Show the title \\"Hello\\". Then `y = 4x^2`.",
      "animation_style": "Dark blue background.",
      "audio_text": "Hello, and welcome to this short video."
    },
    {
      "scene_plot": "Second scene.",
      "animation_details": "Show \\"World\\".",
      "animation_style": "Same style.",
      "audio_text": "We'll keep going with a second scene."
    }
  ]
}
"""
EXPECTED = json.loads(GOOD)


def strings_of(value) -> list[str]:
    """Every key and string value, in document order."""
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(k)
            out.extend(strings_of(v))
    elif isinstance(value, list):
        for v in value:
            out.extend(strings_of(v))
    elif isinstance(value, str):
        out.append(value)
    return out


def repaired_ok(text: str) -> dict:
    rep = repair_text(text, "sb.json")
    assert rep.changed
    assert rep.damage and all(d.severity.value == "warning" for d in rep.damage)
    v = validate_loaded(load_text(rep.repaired, "sb.json"))
    assert v.ok, v.report.format()
    return json.loads(rep.repaired)


DAMAGE = {
    "fence": lambda t: "```json\n" + t + "```\n",
    "fence_without_language": lambda t: "```\n" + t + "```",
    "prose_before": lambda t: "Sure! Here is your storyboard:\n\n" + t,
    "prose_after": lambda t: t + "\nI hope this helps. Let me know if you want changes!\n",
    "prose_and_fence": lambda t: "Here it is:\n```json\n" + t + "```\nEnjoy.",
    "missing_comma_between_members": lambda t: t.replace('"The plot.",', '"The plot."'),
    "missing_comma_between_scenes": lambda t: t.replace("    },\n    {", "    }\n    {"),
    "trailing_comma_object": lambda t: t.replace('short video."', 'short video.",'),
    "trailing_comma_list": lambda t: t.replace("second scene.\"\n    }", "second scene.\"\n    },"),
    "single_quotes": lambda t: t.replace('"title": "Repairs"', "'title': 'Repairs'"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_repairs_to_the_original_document(damage):
    assert repaired_ok(DAMAGE[damage](GOOD)) == EXPECTED


def test_all_damage_at_once():
    text = GOOD
    for name in sorted(DAMAGE):
        if not name.startswith(("fence", "prose")):
            text = DAMAGE[name](text)
    assert repaired_ok(DAMAGE["prose_and_fence"](text)) == EXPECTED


def test_raw_newlines_and_control_characters_in_strings_are_kept_as_escapes():
    text = GOOD.replace("The plot.", "The plot.\nSecond line.\tTabbed.\x01")
    doc = repaired_ok(text)
    assert doc["scenes"][0]["scene_plot"] == "The plot.\nSecond line.\tTabbed.\x01"
    assert "\t" not in doc["scenes"][0]["animation_details"]


def test_repaired_output_is_indented_json_ending_with_a_newline():
    rep = repair_text(DAMAGE["fence"](GOOD))
    assert rep.repaired.endswith("}\n") and rep.repaired.startswith("{\n  ")
    assert json.loads(rep.repaired) == EXPECTED


def test_non_ascii_is_written_as_is():
    text = GOOD.replace("The plot.", "Énergie → 4x² ∫ F · dr")
    rep = repair_text(DAMAGE["fence"](text))
    assert "Énergie → 4x² ∫ F · dr" in rep.repaired


def test_nothing_to_repair():
    rep = repair_text(GOOD, "sb.json")
    assert not rep.changed and rep.repaired == GOOD and rep.damage == () and rep.diff("sb.json") == ""


def test_damage_positions_are_those_of_the_original():
    rep = repair_text(DAMAGE["missing_comma_between_members"](GOOD), "sb.json")
    (d,) = rep.damage
    assert (d.code, d.line, d.col) == ("SB101", 6, 7) and d.message.endswith("(repaired)")


@pytest.mark.parametrize("text", ["", "just some prose, no JSON here", "```json\n[1, 2,]\n```", "{,}"])
def test_nothing_to_repair_into_a_storyboard(text):
    with pytest.raises(RepairFailed):
        repair_text(text)


def test_deep_nesting_is_not_repaired():
    with pytest.raises(RepairFailed, match="SB106"):
        repair_text("[" * 10000)


def test_repair_loaded_for_build_repair():
    loaded = load_text(DAMAGE["fence"](GOOD), "sb.json")
    assert not loaded.ok
    fixed = repair_loaded(loaded)
    assert fixed.ok and fixed.data == EXPECTED
    assert [d.code for d in fixed.report.warnings] == ["SB102", "SB102"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not beside the repo")
def test_seed_000_repairs_to_six_scenes_with_every_string_unchanged():
    (seed,) = sorted(SEEDS.glob("000_*.txt"))
    raw = seed.read_text(encoding="utf-8")
    doc = repaired_ok(raw)
    assert len(doc["scenes"]) == 6
    # Every string literal of the raw text, decoded, in order — keys and values — is in the repaired
    # document, and nothing else is.
    literals = [json.loads(m.group(0)) for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"', raw)]
    assert len(literals) == 1 + 1 + 1 + 6 * 8  # reasoning key+value, scenes key, 6 x 4 fields
    assert strings_of(doc) == literals


# ------------------------------------------------------------------------------ writing
def test_write_atomic(tmp_path):
    p = tmp_path / "sb.json"
    p.write_text("old", encoding="utf-8")
    write_atomic(p, "new ✓\n")
    assert p.read_text(encoding="utf-8") == "new ✓\n"
    write_atomic(p, b"bytes")
    assert p.read_bytes() == b"bytes"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["sb.json"]


def test_write_atomic_leaves_the_original_intact_when_the_rename_fails(tmp_path, monkeypatch):
    p = tmp_path / "sb.json"
    p.write_text("original", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    import compiler.atomic

    monkeypatch.setattr(compiler.atomic.os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(p, "repaired")
    assert p.read_text(encoding="utf-8") == "original"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["sb.json"]  # no temp file left


def test_write_atomic_leaves_the_original_intact_when_the_write_fails(tmp_path, monkeypatch):
    p = tmp_path / "sb.json"
    p.write_text("original", encoding="utf-8")

    def boom(fd):
        raise OSError(5, "I/O error")

    import compiler.atomic

    monkeypatch.setattr(compiler.atomic.os, "fsync", boom)
    with pytest.raises(OSError):
        write_atomic(p, "repaired")
    assert p.read_text(encoding="utf-8") == "original"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["sb.json"]


# ------------------------------------------------------------------------------ the command
runner = CliRunner()


def test_cli_fix_shows_a_diff_and_does_not_touch_the_file(tmp_path):
    p = tmp_path / "sb.json"
    damaged = DAMAGE["prose_and_fence"](DAMAGE["missing_comma_between_members"](GOOD))
    p.write_text(damaged, encoding="utf-8")
    r = runner.invoke(app, ["fix", str(p)])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"--- {p} (original)\n+++ {p} (repaired)\n")
    assert "\n-```json\n" in r.stdout and '\n+      "scene_plot": "The plot.",\n' in r.stdout
    assert p.read_text(encoding="utf-8") == damaged


def test_cli_fix_write(tmp_path):
    p = tmp_path / "sb.json"
    p.write_text(DAMAGE["fence"](GOOD), encoding="utf-8")
    r = runner.invoke(app, ["fix", "--write", str(p)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and "repaired (2 problem(s) fixed)" in r.stderr
    assert json.loads(p.read_text(encoding="utf-8")) == EXPECTED
    assert sorted(x.name for x in tmp_path.iterdir()) == ["sb.json"]
    r = runner.invoke(app, ["fix", "--write", str(p)])
    assert r.exit_code == 0 and "nothing to repair" in r.stderr


def test_cli_fix_write_failure_keeps_the_original(tmp_path, monkeypatch):
    p = tmp_path / "sb.json"
    damaged = DAMAGE["fence"](GOOD)
    p.write_text(damaged, encoding="utf-8")
    import compiler.atomic

    monkeypatch.setattr(compiler.atomic.os, "replace", lambda a, b: (_ for _ in ()).throw(PermissionError(13, "denied")))
    r = runner.invoke(app, ["fix", "-w", str(p)])
    assert r.exit_code == 1 and "cannot write" in r.output and r.exception is None or isinstance(r.exception, SystemExit)
    assert p.read_text(encoding="utf-8") == damaged
    assert sorted(x.name for x in tmp_path.iterdir()) == ["sb.json"]


def test_cli_fix_still_invalid_after_repair_exits_1(tmp_path):
    p = tmp_path / "sb.json"
    p.write_text("```json\n" + json.dumps({"scenes": []}) + "\n```\n", encoding="utf-8")
    r = runner.invoke(app, ["fix", str(p)])
    assert r.exit_code == 1 and "SB205" in r.stderr


def test_cli_fix_unrepairable(tmp_path):
    p = tmp_path / "sb.json"
    p.write_bytes(b"\xff\xfe not utf-8")
    r = runner.invoke(app, ["fix", str(p)])
    assert r.exit_code == 1 and "SB100" in r.stderr
    p.write_text("no json at all", encoding="utf-8")
    r = runner.invoke(app, ["fix", str(p)])
    assert r.exit_code == 1 and "cannot repair" in r.stderr


def test_repaired_storyboards_report_plan_warnings_at_the_lines_the_user_wrote(tmp_path):
    """--repair drops the fence: positions still point into the file as written (not one line up)."""
    from compiler.pipeline import load_and_validate, plan_validated

    raw = ("Here is the storyboard:\n```json\n{\n  \"scenes\": [\n    {\n      \"scene_plot\": \"A scene.\",\n"
           "      \"animation_details\": \"Show the title \\\"Hi\\\". Show a green leaf in the middle of the screen.\",\n"
           "      \"animation_style\": \"Dark.\",\n      \"audio_text\": \"Hello there, one two three.\"\n    }\n  ]\n}\n```\n")
    path = tmp_path / "story.txt"
    path.write_text(raw, encoding="utf-8")
    v = load_and_validate(path, repair=True)
    _, diags = plan_validated(v)
    (d,) = [d for d in diags if d.code == "SB301"]
    line = raw.splitlines()[d.line - 1]
    assert line[d.col - 1:].startswith("Show a green leaf"), (d.line, d.col, line)


def test_a_trailing_comma_after_long_strings_with_escaped_quotes_keeps_every_string():
    """A storyboard whose only damage is a fence and a trailing comma after the last scene: the strings, full of
    escaped quotes ("C:1", "1 + 1 = 2"), come back exactly — a lenient parser given all of it once misread them as
    keys."""
    details = 'Show the queue: \\"C:1\\", \\"D:1\\", \\"B:2\\". Merge 1: the parent \\"2\\". Note \\"1 + 1 = 2\\".'
    scene = ('    {\n      "scene_plot": "Merge.",\n      "animation_details": "' + details + '",\n'
             '      "animation_style": "Dark.",\n      "audio_text": "Merge the two smallest."\n    }')
    text = '```json\n{\n  "scenes": [\n' + ",\n".join([scene] * 3) + ',\n  ]\n}\n```\n'
    data = json.loads(repair_text(text).repaired)
    assert [set(s) for s in data["scenes"]] == [{"scene_plot", "animation_details", "animation_style", "audio_text"}] * 3
    assert data["scenes"][2]["animation_details"] == json.loads('"' + details + '"')


def test_a_bare_array_of_scenes_is_the_storyboard_they_make():
    text = '```json\n[\n' + ",\n".join(
        '{"scene_plot": "P%d.", "animation_details": "Show the text \\"S%d\\".", "animation_style": "Dark.", '
        '"audio_text": "Scene %d."}' % (k, k, k) for k in range(3)) + '\n]\n```'
    data = json.loads(repair_text(text).repaired)
    assert [s["scene_plot"] for s in data["scenes"]] == ["P0.", "P1.", "P2."]


def test_prose_with_a_bracketed_list_before_the_fence_is_no_storyboard():
    from compiler.fix import repair_text

    board = {"scenes": [{"scene_plot": "p", "animation_details": "Show [1, 2].", "animation_style": "s",
                         "audio_text": "a"}]}
    text = ("Here is a sketch that sorts the array [38, 27, 43, 3] step by step.\n\n```json\n"
            + json.dumps(board, indent=2) + "\n```\n")
    r = repair_text(text, "x.txt")
    assert json.loads(r.repaired) == board
