"""Real end-to-end builds at draft quality: Manim renders, real audio, checked on media metadata."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from compiler.media import probe
from compiler.pipeline import build

from .conftest import scene
from .hostile import CANARY
from .test_generate import hostile_storyboard

pytestmark = pytest.mark.e2e

TWO_SCENES = {
    "title": "Two scenes",
    "scenes": [
        scene('Start with text "Gradient Descent". Show the equation `w = w - eta * dL/dw`.',
              "Gradient descent walks downhill. Each step follows the slope of the loss.",
              "Dark blue background. Title in gold. Equations in yellow."),
        scene('Show the pipeline Data -> Model -> Loss. List "Fast", "Simple", "Everywhere".',
              "Data flows into the model, and the loss tells it how wrong it was. It is fast, simple and everywhere.",
              "Near-black background (#0f0f1a). Boxes in light blue."),
    ],
}


def decode_audio(path) -> tuple[np.ndarray, int]:
    import av

    with av.open(str(path)) as c:
        chunks = [f.to_ndarray().mean(axis=0) for f in c.decode(audio=0)]
        rate = c.streams.audio[0].rate
    return np.concatenate(chunks), rate


def frame_at(path, t: float):
    import av

    with av.open(str(path)) as c:
        for f in c.decode(video=0):
            if f.time >= t:
                return np.asarray(f.to_image())
    raise AssertionError("no frame")


def test_silent_build_media_and_outputs(write_storyboard, build_options):
    sb = write_storyboard(TWO_SCENES)
    res = build(sb, build_options())
    info = probe(res.video)
    assert (info.width, info.height, info.fps) == (640, 360, 12)
    assert info.has_audio and info.frames > 0
    assert abs(info.duration_s - res.duration_s) < 1 / 12 + 1e-6
    out = res.out_dir
    for name in ("story.srt", "story.vtt", "plan.json", "build.json", "scenes/scene_01.py", "scenes/scene_02.py"):
        assert (out / name).is_file(), name
    plan = json.loads((out / "plan.json").read_text())
    assert [b["kind"] for b in plan["scenes"][0]["beats"]] == ["title", "equation"]
    assert (out / "story.vtt").read_text().startswith("WEBVTT")
    assert (out / "story.srt").read_text().count(" --> ") == 4
    # every output is an ordinary file: the same mode for all, the one the umask gives (not 0600)
    modes = {p.relative_to(out).as_posix(): oct(p.stat().st_mode & 0o777) for p in out.rglob("*") if p.is_file()}
    assert len(set(modes.values())) == 1 and "0o600" not in modes.values(), modes
    # the background colour of scene 1 follows the storyboard: dark blue (#0E1A33)
    px = frame_at(res.video, 1.0)[5, 5]
    assert abs(int(px[0]) - 0x0E) < 12 and abs(int(px[2]) - 0x33) < 12
    # a no-op rebuild does nothing: the previous build is up to date
    assert res.summary() == f"wrote {res.video}  ({res.duration_s:.1f} s, 2 scenes: 2 rendered, 0 from the cache)"
    again = build(sb, build_options())
    assert again.report["cache"].get("up_to_date") is True
    assert again.summary() == f"{res.video} is up to date ({res.duration_s:.1f} s, 2 scenes): nothing changed since the last build"
    # editing one scene's narration re-renders that scene only
    data = json.loads(sb.read_text())
    data["scenes"][1]["audio_text"] += " One more sentence."
    sb.write_text(json.dumps(data))
    edited = build(sb, build_options())
    report = edited.report
    assert report["cache"]["scenes_rendered"] == 1 and report["cache"]["scenes_cached"] == 1
    assert edited.summary().endswith(" s, 2 scenes: 1 rendered, 1 from the cache)")
    assert not report["cache"].get("up_to_date")
    assert (out / "story.srt").read_text().count(" --> ") == 5


def test_default_voice_build_is_audible_and_in_sync(write_storyboard, build_options):
    sb = write_storyboard(TWO_SCENES)
    res = build(sb, build_options(voice=None))
    info = probe(res.video)
    assert info.audio_duration_s is not None
    # total durations of audio and video differ by < 50 ms
    assert abs(info.audio_duration_s - info.duration_s) < 0.05
    samples, rate = decode_audio(res.video)
    report = res.report
    frame = 1 / info.fps
    for sc in report["scenes"]:
        # narration of each scene starts 0.2 s (the lead) after the scene starts in the video
        start = sc["start_s"]
        window = samples[int((start) * rate): int((start + 2.0) * rate)]
        loud = np.flatnonzero(np.abs(window) > 0.02)
        assert loud.size, f"scene {sc['number']} has no speech"
        onset = start + loud[0] / rate
        assert abs(onset - (start + 0.2)) <= frame + 0.03, (sc["number"], onset, start)
        # speech covers the scene: RMS over the narration part is clearly above silence
        seg = samples[int((start + 0.2) * rate): int((start + sc["narration_s"]) * rate)]
        assert float(np.sqrt(np.mean(seg ** 2))) > 0.01
    # scene boundaries in the video = cumulative clip frames; narration placed at those boundaries
    starts = [s["start_s"] for s in report["scenes"]]
    frames = [s["frames"] for s in report["scenes"]]
    assert abs(starts[1] - frames[0] / info.fps) < 1e-3


def test_hostile_storyboard_renders_and_executes_nothing(write_storyboard, build_options):
    if os.path.exists(CANARY):
        os.remove(CANARY)
    sb = write_storyboard(hostile_storyboard())
    res = build(sb, build_options(scenes=(1, 3, 9)))
    assert probe(res.video).frames > 0
    assert not os.path.exists(CANARY)


STATES = {
    "title": "States that change in place",
    "scenes": [
        scene("Draw a table with columns 'Node', 'Dist' and rows: A | 0, B | inf. Update the B row to 'B | 4'. "
              'Show counter "n = 1". Update counter to "n = 5".',
              "The table starts with infinity. B gets four. The counter starts at one. Now it is five."),
        scene("Create axes: x from 0 to 3, y from 0 to 2.5. Plot f(x) = e^{-x}. "
              "Transform the curve into the density f(x) = 5^5 x^4 e^{-5x} / 4!.",
              "The exponential density. It turns into the average of five samples."),
    ],
}


def test_components_that_change_in_place_render(write_storyboard, build_options):
    """Real Manim renders of the in-place updates: a table's new state, a counter, a curve transformed."""
    res = build(write_storyboard(STATES), build_options())
    info = probe(res.video)
    assert info.frames > 0 and abs(info.duration_s - res.duration_s) < 1 / 12 + 1e-6
    plan = json.loads((res.out_dir / "plan.json").read_text())
    rules = [b["plan"]["rule"] for s in plan["scenes"] for b in s["beats"]]
    # the counter "n = 1" -> "n = 5" is a formula: typeset, and updated in place as an equation
    assert "table:new-state" in rules and "text:update-in-place+typeset" in rules
    assert any(b["kind"] == "equation" and b.get("replaces") == "n = 1"
               for s in plan["scenes"] for b in s["beats"])
    assert any(b.get("replace") for s in plan["scenes"] for b in s["beats"] if b["kind"] == "plot")
