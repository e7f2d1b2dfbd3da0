"""`sbc preview`'s contact sheet shows the plan: beat, kind, start time, narration sentence under each frame,
highlights while they are on screen, the scene's planner warnings under its row; `sbc check` says what it checks."""

from __future__ import annotations

import json

import pytest
from PIL import Image, ImageFont
from typer.testing import CliRunner

from compiler.cli import app
from compiler.inspect import SceneInspection, contact_sheet, fit_lines, inspect_storyboard, scene_notes
from compiler.load import load_text
from compiler.pipeline import plan_validated
from compiler.validate import validate_loaded

from .conftest import scene

runner = CliRunner()
HIGHLIGHT = (0xFF, 0xD5, 0x4F)  # the highlight's colour (runtime/components/highlight.py)

MARKED = {"title": "Marks", "scenes": [{
    "scene_plot": "A formula, marked three ways.", "animation_details": "x", "animation_style": "Dark background.",
    "audio_text": "Here is a formula. We mark it. Then we point at it. Then it pulses.",
    "visuals": [{"kind": "equation", "expr": "E = mc^2"},
                {"kind": "highlight", "target": "E = mc^2", "sentence": 2},
                {"kind": "annotation", "target": "E = mc^2", "label": "energy", "style": "brace", "keep": False,
                 "sentence": 3},
                {"kind": "highlight", "target": "E = mc^2", "mode": "pulse", "sentence": 4}]}]}

WARNED = {"scenes": [
    scene('Show the title "Plain".', "A plain scene."),
    scene('Show the title "Odd". Wiggle the thing over there softly.', "A scene with a sentence the planner cannot draw."),
]}


def _validated(data: dict):
    v = validate_loaded(load_text(json.dumps(data, indent=2), "story.json"))
    assert v.ok, v.report.format()
    return v


def _highlight_pixels(img: Image.Image) -> int:
    return sum(1 for p in img.getdata() if all(abs(a - b) < 40 for a, b in zip(p, HIGHLIGHT)))


# ------------------------------------------------------------------------------ what the sheet is made of
def test_scene_notes_go_under_their_scene_with_lines():
    v = _validated(WARNED)
    plan, diagnostics = plan_validated(v)
    notes = scene_notes(plan, diagnostics)
    assert set(notes) == {2}, notes
    assert any(n.startswith("SB301 line ") and "nothing to draw" in n for n in notes[2])
    assert not any("scene 2:" in n for n in notes[2])  # the sheet shows it under scene 2 already
    assert scene_notes(plan)[2][0].startswith("SB301: ")  # without positions: no line


def test_fit_lines_wraps_and_cuts_with_an_ellipsis():
    font = ImageFont.truetype("DejaVuSans.ttf", 14)
    text = "Before transformers, we had recurrent neural networks, which read one token at a time and forgot. " * 3
    lines = fit_lines(text, font, 300, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(font.getlength(x) <= 300 for x in lines)
    assert fit_lines("short", font, 300, 2) == ["short"]
    assert fit_lines("x" * 200, font, 100, 1)[0].endswith("…")  # one unbreakable word


def _fake(number: int, beats: int, warnings=()) -> SceneInspection:
    frames = tuple((k + 1, Image.new("RGB", (160, 90), (15, 15, 26))) for k in range(beats))
    return SceneInspection(number, ("title",) + ("text",) * (beats - 1), (), frames,
                           tuple(0.2 + 2 * k for k in range(beats)), ("A sentence.",) * beats, "Title", 9.5,
                           tuple(warnings))


def test_warnings_make_room_under_their_scene(tmp_path):
    plain = contact_sheet([_fake(1, 3), _fake(2, 2)], tmp_path / "a.png", columns=3)
    warned = contact_sheet([_fake(1, 3), _fake(2, 2, ["SB301 line 9: nothing to draw for 'x'"] * 2)],
                           tmp_path / "b.png", columns=3)
    many = contact_sheet([_fake(1, 3), _fake(2, 2, ["SB307 line 9: not drawn as written"] * 20)],
                         tmp_path / "c.png", columns=3)
    h = [Image.open(p).height for p in (plain, warned, many)]
    assert h[0] < h[1] < h[2]
    assert h[2] - h[0] < 12 * 20  # capped: the rest are counted in one line


# ------------------------------------------------------------------------------ real frames (Manim, in-process)
def test_key_frames_show_highlights_and_captions_carry_the_plan():
    v = _validated(MARKED)
    plan, diagnostics = plan_validated(v)
    [ins] = inspect_storyboard(v.storyboard, capture=True, plan=plan, diagnostics=diagnostics, jobs=1,
                               size=(320, 180))
    assert ins.beats == ("equation", "highlight", "annotation", "highlight")
    assert ins.sentences == ("Here is a formula.", "We mark it.", "Then we point at it.", "Then it pulses.")
    assert list(ins.starts) == sorted(ins.starts) and ins.starts[0] < 0.5 and ins.duration > ins.starts[-1]
    frames = dict(ins.frames)
    base = _highlight_pixels(frames[1])
    # the box, the brace with its label, the pulse: each on screen in its beat's frame, though each is gone
    # (or back to normal) by the end of its beat
    for beat in (2, 3, 4):
        assert _highlight_pixels(frames[beat]) > base + 20, beat


def test_preview_cli_writes_the_sheet_and_prints_warnings(write_storyboard, tmp_path):
    path = write_storyboard(WARNED)
    out = tmp_path / "sheet.png"
    r = runner.invoke(app, ["preview", str(path), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "SB301" in r.output and f"wrote {out}" in r.output
    img = Image.open(out)
    assert img.width > 1000 and img.height > 300


def test_check_help_says_layout_not_content():
    r = runner.invoke(app, ["check", "--help"])
    assert r.exit_code == 0
    text = " ".join(r.output.split())
    assert "layout, not content" in text and "sbc preview" in text and "sbc plan" in text


@pytest.mark.parametrize("mode", ["surround", "pulse"])
def test_render_is_unchanged_by_key_frames(mode):
    """`play_key` is `play` outside a capturing dry run: `sbc check` sees the beat's end state as before."""
    v = _validated({"scenes": [dict(MARKED["scenes"][0], visuals=[
        {"kind": "equation", "expr": "E = mc^2"}, {"kind": "highlight", "target": "E = mc^2", "mode": mode}])]})
    [ins] = inspect_storyboard(v.storyboard, check=True, capture=False, jobs=1)
    assert ins.frames == () and ins.violations == ()
