"""Builds that survive what users do (issue 12; the D-numbers are the reproductions in the reliability
report): names and paths, captions, --scenes, damaged caches, deleted outputs, two builds at once,
file-system errors, `fix --write` on links. Real builds of a one-scene storyboard at draft quality with
the silent voice; the signal tests are in `test_reliability_signals.py`."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from compiler.diagnostics import UserError
from compiler.media import probe

from .conftest import ROOT, scene

ONE = {"scenes": [scene('Show the title "Pipeline".', "The data flows from the input to the model. Then it is done.")]}


def sbc(*args: str, cwd: Path, env: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "SBC_AUDIO_CACHE": str(cwd / "audio"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "compiler.cli", *args], cwd=cwd, env=environ, capture_output=True,
                          text=True, timeout=timeout)


def draft(*args: str) -> tuple[str, ...]:
    return ("build", *args, "--quality", "draft", "--voice", "silent")


def no_traceback(r: subprocess.CompletedProcess) -> bool:
    return "Traceback" not in r.stderr and "Traceback" not in r.stdout


# --- D17: --scenes ------------------------------------------------------------------------------

@pytest.mark.parametrize("spec,why", [("3-1", "backwards"), ("0", "numbered from 1"), ("1-100000000", "at most"),
                                      ("1-10000000000", "at most"), ("x", "numbers like")])
def test_scenes_spec_errors_are_usage_errors_everywhere(tmp_path, spec, why):
    sb = tmp_path / "m.json"
    sb.write_text(json.dumps(ONE))
    for cmd in ("check", "build"):
        r = sbc(cmd, "m.json", "--scenes", spec, cwd=tmp_path, timeout=60)
        assert r.returncode == 2 and why in r.stderr and no_traceback(r), (cmd, r.stderr)


def test_scenes_past_the_storyboard_are_an_error_in_check(tmp_path):
    (tmp_path / "m.json").write_text(json.dumps(ONE))
    r = sbc("check", "m.json", "--scenes", "5", cwd=tmp_path, timeout=60)
    assert r.returncode == 1 and "no scene 5" in r.stderr


def test_scenes_suffix_is_short_whatever_was_asked():
    from compiler.settings import scenes_suffix

    assert scenes_suffix([2, 4]) == "-scenes-2-4"
    assert scenes_suffix([1, 2, 3, 7]) == "-scenes-1to3-7"
    assert len(scenes_suffix(range(1, 10000, 2))) < 60


# --- D15: a number that overflows ---------------------------------------------------------------

def test_a_number_that_overflows_is_sb103(tmp_path):
    (tmp_path / "inf.json").write_text(
        '{"scenes":[{"scene_plot":"p","animation_details":"d","animation_style":"Dark.","audio_text":"One two three four.",\n'
        '"visuals":[{"kind":"bar_chart","labels":["a"],"values":[1e309]}]}]}')
    for cmd in ("validate", "check"):
        r = sbc(cmd, "inf.json", cwd=tmp_path, timeout=60)
        assert r.returncode == 1 and "inf.json:2:" in r.stderr and "SB103" in r.stderr and no_traceback(r)


# --- D13: WebVTT cue text ----------------------------------------------------------------------

def test_vtt_cue_text_cannot_end_a_cue_or_inject_one():
    from compiler.assemble import vtt_cue_text

    text = "input --> model <b>. See\n\n00:00:00.000 --> 00:59:00.000\nINJECTED\r\n\nand go on & on."
    cue = vtt_cue_text(text)
    assert "-->" not in cue and "\n" not in cue and "\r" not in cue and "<" not in cue
    assert cue == ("input --&gt; model &lt;b&gt;. See 00:00:00.000 --&gt; 00:59:00.000 INJECTED and go on &amp; on.")


def test_srt_captions_cannot_inject_a_cue_either():
    """D13 through the .srt: a caption holding a line break and a timing line is one cue, on one line."""
    from datetime import timedelta

    import srt

    from compiler.assemble import _srt_text

    text = "The data flows input --> model. See this\n\n00:00:00.000 --> 00:59:00.000\nINJECTED\n\nand go on."
    composed = _srt_text([srt.Subtitle(index=1, start=timedelta(seconds=1), end=timedelta(seconds=4), content=text)])
    cues = list(srt.parse(composed))
    assert len(cues) == 1 and (cues[0].start, cues[0].end) == (timedelta(seconds=1), timedelta(seconds=4))
    assert "\n" not in cues[0].content and "-->" not in cues[0].content
    assert cues[0].content == ("The data flows input \u2192 model. See this 00:00:00.000 \u2192 00:59:00.000 INJECTED "
                               "and go on.")


# --- D8, D21: names ----------------------------------------------------------------------------

def test_stems_keep_every_script_and_long_names_stay_apart():
    from compiler.settings import _safe_stem

    assert _safe_stem(Path("中文.json")) == "中文" and _safe_stem(Path("Русский.json")) == "Русский"
    assert _safe_stem(Path("my story.json")) == "my-story" and _safe_stem(Path("..json")) == "storyboard"
    assert _safe_stem(Path("\u202e.json")) == "storyboard" and "/" not in _safe_stem(Path("../../etc/passwd.json"))
    a, b = _safe_stem(Path("x" * 80 + "-one.json")), _safe_stem(Path("x" * 80 + "-two.json"))
    assert a != b and len(a.encode()) <= 100 and len(_safe_stem(Path("字" * 200 + ".json")).encode()) <= 100


def test_two_storyboards_of_one_name_in_two_folders_do_not_share_an_output_folder(tmp_path):
    """D21, same name: 'week1/story.json' then 'week2/story.json' into one out/story/ is refused while the first
    exists; a storyboard moved away leaves the folder to the one that replaced it."""
    from compiler.diagnostics import UserError
    from compiler.outdir import _check_owner

    out = tmp_path / "out" / "story"
    out.mkdir(parents=True)
    first, second = tmp_path / "week1" / "story.json", tmp_path / "week2" / "story.json"
    for p in (first, second):
        p.parent.mkdir()
        p.write_text("{}")
    _check_owner(out, first)
    _check_owner(out, first)  # the same storyboard again: its own folder
    with pytest.raises(UserError, match="another storyboard named 'story.json'"):
        _check_owner(out, second)
    first.unlink()  # moved away: the folder is free for the other
    _check_owner(out, second)
    with pytest.raises(UserError, match="holds the build of 'story.json', and 'story 2.json'"):
        _check_owner(out, tmp_path / "story 2.json")


# --- D11: fix --write -------------------------------------------------------------------------

BROKEN = '{"scenes": [{"scene_plot": "a", "animation_details": "Show \\"b\\".", "animation_style": "c", "audio_text": "d e f g",}]}'


def test_fix_write_goes_through_a_symlink_and_keeps_mode_and_hard_links(tmp_path):
    real = tmp_path / "real.json"
    real.write_text(BROKEN)
    real.chmod(0o644)
    (tmp_path / "link.json").symlink_to("real.json")
    r = sbc("fix", "link.json", "--write", cwd=tmp_path, timeout=60)
    assert r.returncode == 0 and "repaired" in r.stderr
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads(real.read_text())["scenes"][0]["audio_text"] == "d e f g"
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    # modes other than the umask's, and hard links
    for mode in (0o755, 0o664):
        f = tmp_path / f"m{mode:o}.json"
        f.write_text(BROKEN)
        f.chmod(mode)
        assert sbc("fix", f.name, "--write", cwd=tmp_path, timeout=60).returncode == 0
        assert stat.S_IMODE(f.stat().st_mode) == mode
    a = tmp_path / "a.json"
    a.write_text(BROKEN)
    os.link(a, tmp_path / "b.json")
    assert sbc("fix", "a.json", "--write", cwd=tmp_path, timeout=60).returncode == 0
    assert (tmp_path / "b.json").read_text() == a.read_text() and a.stat().st_ino == (tmp_path / "b.json").stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left


# --- D14: file-system errors ---------------------------------------------------------------------

def test_file_system_errors_are_one_error_line(tmp_path):
    (tmp_path / "m.json").write_text(json.dumps(ONE))
    (tmp_path / "afile").write_text("x")
    for args in (draft("m.json", "--out", "afile"), ("schema", "-o", "afile/s.json"),
                 ("preview", "m.json", "--out", "afile")):
        r = sbc(*args, cwd=tmp_path)
        assert r.returncode == 1 and no_traceback(r), (args, r.stderr[-500:])
        assert r.stderr.strip().splitlines()[-1].startswith("error: ") and "afile" in r.stderr, r.stderr
    r = sbc(*draft("m.json"), cwd=tmp_path, env={"SBC_AUDIO_CACHE": str(tmp_path / "afile")})
    assert r.returncode == 1 and no_traceback(r) and r.stderr.strip().splitlines()[-1].startswith("error: ")


def test_os_error_message_names_path_and_remedy():
    import errno

    from compiler.diagnostics import os_error

    e = os_error(OSError(errno.ENOSPC, "No space left on device", "/x/out/m.mp4"))
    assert e.format() == ("error: /x/out/m.mp4: No space left on device (free some space or build into another "
                          "--out)")
    assert "disk is full" in os_error(BrokenPipeError(errno.EPIPE, "Broken pipe")).message


# --- D3: one build per output folder -------------------------------------------------------------

def test_a_second_build_of_the_same_output_folder_is_refused_while_the_first_holds_it(tmp_path):
    from compiler.outdir import claim_output

    out = tmp_path / "out" / "m"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from compiler.outdir import claim_output
        with claim_output(Path({str(out)!r}), Path("m.json")):
            print("held", flush=True)
            time.sleep(60)
        """)], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(UserError, match=r"being built by another sbc build \(pid \d+\)"):
            with claim_output(out, Path("m.json"), wait_s=0.3):
                pass
        (tmp_path / "m.json").write_text(json.dumps(ONE))
        r = sbc(*draft("m.json"), cwd=tmp_path, env={"SBC_LOCK_WAIT": "0.5"})
        assert r.returncode == 1 and "being built by another sbc build" in r.stderr and no_traceback(r)
    finally:
        holder.kill()
        holder.wait()
    with claim_output(out, Path("m.json"), wait_s=0):  # the lock went with its holder
        pass


# --- real builds ---------------------------------------------------------------------------------

@pytest.mark.e2e
def test_odd_names_and_paths_build(tmp_path):
    """D8 (`video.json`, `中文.json`), D9 (an apostrophe in the project's path), D13 (captions), D21."""
    proj = tmp_path / "Bob's project"
    proj.mkdir()
    hostile = {"scenes": [scene('Show the title "Pipeline".', "The data flows input --> model --> output. See this\n\n"
                                "00:00:00.000 --> 00:59:00.000\nINJECTED\n\nand go on. Done.")]}
    (proj / "video.json").write_text(json.dumps(hostile))
    r = sbc(*draft("video.json"), cwd=proj)
    assert r.returncode == 0, r.stderr[-800:]
    video = proj / "out" / "video" / "video.mp4"
    assert probe(video).frames > 0
    vtt = (proj / "out" / "video" / "video.vtt").read_text()
    cues = [block for block in vtt.split("\n\n")[1:] if block.strip()]
    assert len(cues) == 3 and all(c.splitlines()[0].count("-->") == 1 and len(c.splitlines()) == 2 for c in cues)
    assert "INJECTED" in cues[1] and "-->" not in cues[0].splitlines()[1]
    srt_blocks = [b for b in (proj / "out" / "video" / "video.srt").read_text().split("\n\n") if b.strip()]
    assert len(srt_blocks) == 3 and all(len(b.splitlines()) == 3 and b.count("-->") == 1 for b in srt_blocks)
    (proj / "中文.json").write_text(json.dumps(ONE))
    r = sbc(*draft("中文.json"), cwd=proj)
    assert r.returncode == 0 and probe(proj / "out" / "中文" / "中文.mp4").frames > 0, r.stderr[-800:]
    # two names, one folder: the second is refused, the first's video is kept
    (proj / "a b.json").write_text(json.dumps(ONE))
    (proj / "a-b.json").write_text(json.dumps(hostile))
    assert sbc(*draft("a b.json"), cwd=proj).returncode == 0
    before = (proj / "out" / "a-b" / "a-b.mp4").read_bytes()
    r = sbc(*draft("a-b.json"), cwd=proj)
    assert r.returncode == 1 and "holds the build of 'a b.json'" in r.stderr and no_traceback(r)
    assert (proj / "out" / "a-b" / "a-b.mp4").read_bytes() == before


@pytest.mark.e2e
def test_damaged_and_missing_outputs_and_caches_are_rebuilt(tmp_path, write_storyboard, build_options):
    """D7 (a deleted caption file), D12 (a truncated final video), D6 (a zero-filled scene clip), D18 (a
    damaged narration clip and scene track): each is noticed and rebuilt, with a warning where damaged."""
    from compiler.pipeline import build

    sb = write_storyboard(ONE, "m.json")
    first = build(sb, build_options())
    out = first.out_dir
    srt = (out / "m.srt").read_text()
    duration = probe(first.video).duration_s

    (out / "m.srt").unlink()  # D7
    (out / "m.vtt").unlink()
    res = build(sb, build_options())
    assert (out / "m.srt").read_text() == srt and (out / "m.vtt").is_file()
    assert set(res.report["outputs"]) == {"m.mp4", "m.srt", "m.vtt"}
    assert build(sb, build_options()).up_to_date

    data = first.video.read_bytes()  # D12
    first.video.write_bytes(data[: len(data) // 2])
    res = build(sb, build_options())
    assert not res.up_to_date and first.video.read_bytes() != data[: len(data) // 2]
    assert abs(probe(first.video).duration_s - duration) < 0.1

    clips = sorted((tmp_path / "out" / ".cache" / "scenes").glob("*.mp4"))  # D6
    clip = clips[0]
    clip.write_bytes(b"\0" * clip.stat().st_size)
    first.video.unlink()
    res = build(sb, build_options())
    assert res.report["cache"]["scenes_rendered"] == 1
    assert probe(clip).frames > 0 and abs(probe(first.video).duration_s - duration) < 0.1

    wav = next((tmp_path / "audio").glob("*.wav"))  # D18: the clip cache and the scene track
    raw = bytearray(wav.read_bytes())
    raw[len(raw) // 2: len(raw) // 2 + 200] = os.urandom(200)
    wav.write_bytes(bytes(raw))
    track = out / "narration" / "scene_01.wav"
    t = bytearray(track.read_bytes())
    t[-100:] = b"\x7f" * 100
    track.write_bytes(bytes(t))
    first.video.unlink()
    res = build(sb, build_options())
    assert res.report["cache"]["narration_misses"] >= 1
    samples = _samples(track)
    assert max(abs(int(x)) for x in samples) == 0  # silent voice: silent again


def _samples(wav: Path):
    from compiler.narration.base import read_wav

    return read_wav(wav)[0]


@pytest.mark.e2e
def test_a_damaged_scene_clip_is_reported_and_rendered_again(tmp_path, write_storyboard):
    sb = write_storyboard(ONE, "m.json")
    assert sbc(*draft("m.json"), cwd=tmp_path).returncode == 0
    clip = next((tmp_path / "out" / ".cache" / "scenes").glob("*.mp4"))
    raw = bytearray(clip.read_bytes())
    raw[len(raw) // 2: len(raw) // 2 + 256] = bytes(256)
    clip.write_bytes(bytes(raw))
    (tmp_path / "out" / "m" / "m.mp4").unlink()
    r = sbc(*draft("m.json"), cwd=tmp_path)
    assert r.returncode == 0 and "is damaged" in r.stderr and "rendering it again" in r.stderr
    ffmpeg = __import__("imageio_ffmpeg").get_ffmpeg_exe()
    check = subprocess.run([ffmpeg, "-v", "error", "-i", str(tmp_path / "out" / "m" / "m.mp4"), "-f", "null", "-"],
                           capture_output=True, text=True)
    assert check.returncode == 0 and not check.stderr.strip()
    assert sb.exists()


@pytest.mark.e2e
def test_unsupported_settings_are_refused_not_ignored(tmp_path):
    """D25: settings.music and settings.math "latex" are refused with a positioned SB408."""
    for settings, what in (({"music": "../../etc/passwd"}, "settings.music"), ({"math": "latex"}, "latex")):
        (tmp_path / "s.json").write_text(json.dumps(dict(ONE, settings=settings), indent=2))
        r = sbc(*draft("s.json"), cwd=tmp_path)
        assert r.returncode == 1 and "SB408" in r.stderr and what in r.stderr and no_traceback(r)
        assert re.search(r"^s\.json:\d+:\d+: SB408 ", r.stderr, re.M)
        for command in ("validate", "plan", "check"):  # every command, so the pre-commit hook refuses it too
            r = sbc(command, "s.json", cwd=tmp_path)
            assert r.returncode == 1 and re.search(r"^s\.json:\d+:\d+: SB408 ", r.stderr + r.stdout, re.M), command


def test_a_voice_naming_no_engine_is_an_error_in_validate(tmp_path):
    from compiler.narration.registry import voice_engines
    from compiler.models import VOICE_ENGINES

    assert tuple(voice_engines()) == VOICE_ENGINES  # validate's list is the registry's
    story = dict(ONE, settings={"voice": "espeakk"})
    (tmp_path / "v.json").write_text(json.dumps(story, indent=2))
    r = sbc("validate", "v.json", cwd=tmp_path)
    assert r.returncode == 1 and "unknown TTS engine 'espeakk'" in r.stdout + r.stderr
    assert "did you mean 'espeak'" in r.stdout + r.stderr
    story["settings"] = {"voice": "espeak:en"}
    (tmp_path / "v.json").write_text(json.dumps(story, indent=2))
    assert sbc("validate", "v.json", cwd=tmp_path).returncode == 0


@pytest.mark.e2e
def test_jobs_are_capped_to_the_work(tmp_path, write_storyboard, build_options):
    """D24: --jobs 12 for a one-scene storyboard starts at most as many workers as it has beats."""
    from compiler.executors import local
    from compiler.pipeline import build

    sizes = []
    real_init = local.LocalExecutor.__init__

    def spy(self, opts):
        sizes.append(opts.jobs)
        real_init(self, opts)

    local.LocalExecutor.__init__ = spy
    try:
        build(write_storyboard(ONE, "m.json"), build_options(jobs=12))
    finally:
        local.LocalExecutor.__init__ = real_init
    assert sizes and sizes[0] <= 2


def test_schema_valid_values_that_used_to_crash_the_render_are_refused_with_positions(tmp_path):
    """D16: `network.layers` <= 0 and scatter points at ±1e308 are positioned SB203 errors, not render tracebacks."""
    from compiler.pipeline import load_and_validate
    from compiler.diagnostics import UserError

    f = tmp_path / "d16.json"
    f.write_text('{"scenes": [{"scene_plot": "x", "animation_details": "x", "animation_style": "x", '
                 '"audio_text": "Hello there.", "visuals": [{"kind": "network", "layers": [3, 0]}, '
                 '{"kind": "scatter", "points": [[1e308, 1], [2, 3]], "fit_line": true}]}]}', encoding="utf-8")
    try:
        load_and_validate(str(f))
    except UserError as e:
        text = str(e) + " ".join(d.headline() for d in getattr(e, "diagnostics", []))
    else:
        raise AssertionError("accepted")
    assert "layers[1]" in text and "points[0][0]" in text
