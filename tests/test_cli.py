"""The command line: exit codes, output formats, and a `validate` light enough for a pre-commit hook."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compiler import cli
from compiler.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "storyboards").glob("*.json"))
runner = CliRunner()

SCENE = {
    "scene_plot": "Introduce the idea.",
    "animation_details": 'Show the title "Hello".',
    "animation_style": "Dark blue background.",
    "audio_text": "Hello, and welcome to the video.",
}


@pytest.fixture
def files(tmp_path):
    """valid.json, warn.json (an unknown key), broken.json (a missing comma), empty.json (no scenes)."""
    out = {}
    out["valid"] = tmp_path / "valid.json"
    out["valid"].write_text(json.dumps({"scenes": [SCENE]}, indent=2), encoding="utf-8")
    out["warn"] = tmp_path / "warn.json"
    out["warn"].write_text(json.dumps({"scenes": [dict(SCENE, audio_txt="x")]}, indent=2), encoding="utf-8")
    out["broken"] = tmp_path / "broken.json"
    out["broken"].write_text(json.dumps({"scenes": [SCENE]}, indent=2).replace('idea.",', 'idea."'), encoding="utf-8")
    out["empty"] = tmp_path / "empty.json"
    out["empty"].write_text('{"scenes": []}\n', encoding="utf-8")
    return out


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def main_in_process(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """`sbc ARGS` through `main()`, the console script's entry point (and its fast path for validate)."""
    monkeypatch.setattr(sys, "argv", ["sbc", *map(str, args)])
    with pytest.raises(SystemExit) as e:
        cli.main()
    out = capsys.readouterr()
    return e.value.code, out.out, out.err


# ------------------------------------------------------------------------------ validate
def test_validate_ok(files):
    r = invoke("validate", files["valid"])
    assert r.exit_code == 0
    assert r.stdout == f"{files['valid']}: ok (0 error(s), 0 warning(s))\n" and r.stderr == ""


def test_validate_examples_in_one_call():
    r = invoke("validate", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert r.stdout.count(": ok (0 error(s), 0 warning(s))") == len(EXAMPLES)


def test_validate_invalid_exits_1_with_positioned_message(files):
    r = invoke("validate", files["broken"])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{files['broken']}:5:7: SB101 invalid JSON: expected ','")
    assert f"{files['broken']}: invalid (1 error(s), 0 warning(s))" in r.stderr
    assert r.stdout == ""


def test_validate_warning_is_ok_unless_strict(files):
    r = invoke("validate", files["warn"])
    assert r.exit_code == 0
    assert f"{files['warn']}:8:7: SB204 warning: unknown key 'audio_txt'" in r.stdout
    assert "hint: did you mean 'audio_text'?" in r.stdout
    r = invoke("validate", "--strict", files["warn"])
    assert r.exit_code == 1
    assert f"{files['warn']}:8:7: SB204 unknown key 'audio_txt'" in r.stderr


def test_validate_many_files_one_bad(files):
    r = invoke("validate", files["valid"], files["warn"], files["broken"], files["empty"])
    assert r.exit_code == 1
    assert f"{files['valid']}: ok" in r.stdout and f"{files['warn']}: ok" in r.stdout
    assert f"{files['broken']}: invalid" in r.stderr and f"{files['empty']}: invalid" in r.stderr
    assert "SB205" in r.stderr


def test_validate_quiet(files):
    r = invoke("validate", "-q", files["valid"], files["broken"])
    assert r.exit_code == 1 and r.stdout == ""
    assert "SB101" in r.stderr and ": invalid (" not in r.stderr


def test_validate_json_format(files):
    r = invoke("validate", "--format", "json", files["valid"], files["warn"], files["broken"])
    assert r.exit_code == 1
    reports = json.loads(r.stdout)
    assert [x["file"] for x in reports] == [str(files[k]) for k in ("valid", "warn", "broken")]
    assert [x["valid"] for x in reports] == [True, True, False]
    assert reports[1]["diagnostics"][0] | {"hint": None} == {
        "code": "SB204", "severity": "warning", "message": "unknown key 'audio_txt'", "file": str(files["warn"]),
        "line": 8, "col": 7, "hint": None}
    assert reports[2]["diagnostics"][0]["code"] == "SB101"


@pytest.mark.parametrize("args", [["validate"], ["validate", "--format", "xml", "{valid}"],
                                  ["validate", "{valid}", "does-not-exist.json"], ["validate", "--nope", "{valid}"],
                                  ["validate", "{dir}"], ["no-such-command"]])
def test_usage_errors_exit_2(files, args):
    args = [a.format(valid=files["valid"], dir=files["valid"].parent) for a in args]
    r = invoke(*args)
    assert r.exit_code == 2, r.output


def test_help():
    r = invoke("--help")
    assert r.exit_code == 0
    for command in ("validate", "fix", "schema", "doctor", "plan", "build"):
        assert command in r.stdout
    r = invoke("validate", "--help")
    assert r.exit_code == 0 and "--strict" in r.stdout and "--format" in r.stdout


# ------------------------------------------------------------------------------ main(): the console script
def test_main_validate_fast_path_matches_typer(files, monkeypatch, capsys):
    for args in (["validate", files["valid"], files["warn"]],
                 ["validate", "--strict", files["warn"]],
                 ["validate", "-q", files["broken"], files["valid"]],
                 ["validate", "--format=json", files["valid"], files["broken"]],
                 ["validate", "--format", "json", "--", files["empty"]],
                 ["validate", "--format", "yaml", files["valid"]],
                 ["validate", files["valid"], "missing.json"]):
        code, out, err = main_in_process(monkeypatch, capsys, *args)
        r = invoke(*args)
        assert (code, out, err) == (r.exit_code, r.stdout, r.stderr), args


def test_main_falls_back_to_typer_for_everything_else(files, monkeypatch, capsys):
    code, out, _ = main_in_process(monkeypatch, capsys, "validate", "--help")
    assert code == 0 and "--strict" in out
    code, _, err = main_in_process(monkeypatch, capsys, "validate")
    assert code == 2 and "Missing argument" in err


def test_cli_module_does_not_import_typer():
    code = ("import sys; import compiler.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'click', 'rich'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def _modules_after_validate(files, prelude: str = "") -> tuple[list[str], list[str], int]:
    heavy = "{'manim', 'moviepy', 'numpy', 'cairo', 'av', 'manimpango', 'PIL', 'scipy', 'jinja2'}"
    code = (
        "import sys\n"
        f"from compiler.cli import main{prelude}\n"
        f"sys.argv = ['sbc', 'validate', {str(files['valid'])!r}, {str(files['broken'])!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy}))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'click'}))\n"
        "print(code)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    *_, heavy_mods, cli_mods, exit_code = r.stdout.strip().splitlines()
    return eval(heavy_mods), eval(cli_mods), int(exit_code)


def test_validate_never_imports_the_rendering_stack(files):
    heavy, typer_mods, code = _modules_after_validate(files)
    assert (heavy, typer_mods, code) == ([], [], 1)  # nor Typer: the fast path
    heavy, typer_mods, code = _modules_after_validate(files, prelude=", _app; _app()")  # through Typer
    assert (heavy, code) == ([], 1) and "typer" in typer_mods


@pytest.mark.skipif(not shutil.which("sbc", path=str(Path(sys.executable).parent)), reason="console script not installed")
def test_console_script(files):
    sbc = shutil.which("sbc", path=str(Path(sys.executable).parent))
    r = subprocess.run([sbc, "validate", files["valid"], files["empty"]], capture_output=True, text=True)
    assert r.returncode == 1
    assert f"{files['empty']}:1:12: SB205 the storyboard has no scenes" in r.stderr


# ------------------------------------------------------------------------------ schema, fix, doctor
def test_schema_prints_json():
    r = invoke("schema")
    assert r.exit_code == 0
    s = json.loads(r.stdout)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema" and "Scene" in s["$defs"]


def test_dollar_schema_passes_strict_and_changes_no_plan(files, tmp_path):
    """An editor's "$schema" key: valid under --strict (no SB204), the same plan as without it."""
    tagged = tmp_path / "tagged.json"
    tagged.write_text(json.dumps({"$schema": "../docs/storyboard.schema.json", "scenes": [SCENE]}, indent=2),
                      encoding="utf-8")
    r = invoke("validate", "--strict", tagged)
    assert r.exit_code == 0 and r.stderr == "" and f"{tagged}: ok (0 error(s), 0 warning(s))" in r.stdout, r.output
    with_key, without = invoke("plan", "--json", tagged), invoke("plan", "--json", files["valid"])
    assert with_key.exit_code == without.exit_code == 0, with_key.output
    assert json.loads(with_key.stdout) == json.loads(without.stdout)


def test_fix_diff_and_write(files):
    before = files["broken"].read_text(encoding="utf-8")
    r = invoke("fix", files["broken"])
    assert r.exit_code == 0
    assert f"--- {files['broken']} (original)" in r.stdout and '+      "scene_plot": "Introduce the idea.",' in r.stdout
    assert files["broken"].read_text(encoding="utf-8") == before
    r = invoke("fix", "--write", files["broken"])
    assert r.exit_code == 0 and "repaired (1 problem(s) fixed)" in r.stderr
    assert invoke("validate", files["broken"]).exit_code == 0


def test_fix_missing_file_exits_2(tmp_path):
    assert invoke("fix", tmp_path / "nope.json").exit_code == 2


def test_doctor_runs():
    r = invoke("doctor")
    assert r.exit_code in (0, 1), r.output
    lines = r.stdout.splitlines()
    for name in ("python", "cairo", "pango", "manim", "ffmpeg", "latex"):
        assert any(line[4:].startswith(name) for line in lines), r.stdout
    assert lines[0].startswith("ok  python")


def test_an_internal_error_is_one_line_not_a_traceback(files, monkeypatch, capsys):
    import compiler.pipeline

    def boom(*a, **k):
        raise RuntimeError("unexpected state")

    monkeypatch.setattr(compiler.pipeline, "load_and_validate", boom)
    code, out, err = main_in_process(monkeypatch, capsys, "plan", str(files["valid"]))
    assert code == 70 and "Traceback" not in err
    assert "internal error in sbc: RuntimeError: unexpected state" in err and "SBC_DEBUG=1" in err
