"""Batch builds: several storyboards planned first, every scene job in one queue, one summary table."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from compiler.cli import app
from compiler.diagnostics import UserError
from compiler.executors.local import LocalExecutor
from compiler.media import probe
from compiler.pipeline import build_many, storyboard_files

from .conftest import scene

STORY_A = {
    "title": "Batch A",
    "scenes": [
        scene('Start with text "Gradient Descent". Show the equation `w = w - eta * dL/dw`.',
              "Gradient descent walks downhill. Each step follows the slope.",
              "Dark blue background. Title in gold. Equations in yellow."),
        scene('Show the pipeline Data -> Model -> Loss.', "Data flows into the model. The loss says how wrong it was.",
              "Near-black background (#0f0f1a). Boxes in light blue."),
    ],
}
STORY_B = {
    "title": "Batch B",
    "scenes": [
        scene('List "Fast", "Simple", "Everywhere".', "It is fast. It is simple. It is everywhere.",
              "Dark green background."),
    ],
}


def write_stories(folder) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in (("alpha.json", STORY_A), ("beta.json", STORY_B)):
        p = folder / name
        p.write_text(json.dumps(data, indent=2))
        paths.append(p)
    return paths


@pytest.mark.e2e
def test_batch_renders_every_scene_in_one_queue_and_prints_a_summary(tmp_path, monkeypatch):
    stories = write_stories(tmp_path / "course")
    shutil.copy(stories[0], tmp_path / "course" / "gamma.json")  # the same scenes as alpha: rendered once
    submitted: list[int] = []
    real_submit = LocalExecutor.submit

    def counting_submit(self, jobs):
        submitted.append(len(jobs))
        return real_submit(self, jobs)

    monkeypatch.setattr(LocalExecutor, "submit", counting_submit)
    monkeypatch.setenv("SBC_AUDIO_CACHE", str(tmp_path / "audio"))
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "course"), "--quality", "draft", "--voice", "silent", "--out", str(out),
            "--jobs", "2"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].split() == ["storyboard", "scenes", "rendered", "cached", "seconds", "output"]
    rows = {line.split()[0].rsplit("/", 1)[-1]: line.split() for line in lines[2:5]}
    assert rows["alpha.json"][1:4] == ["2", "2", "0"] and rows["beta.json"][1:4] == ["1", "1", "0"]
    assert rows["alpha.json"][5].endswith("alpha/alpha.mp4")
    assert lines[-1].startswith("3 storyboard(s), 5 scenes") and "executor local" in lines[-1]
    # one queue: a single submission holding the jobs of alpha and beta; gamma's identical segments rendered once
    reports = {s: json.loads((out / s / "build.json").read_text()) for s in ("alpha", "beta", "gamma")}
    segments = sum(len(sc["segments"]) for s in ("alpha", "beta") for sc in reports[s]["scenes"])
    assert submitted == [segments]
    for s, report in reports.items():
        info = probe(out / s / f"{s}.mp4")
        assert (info.width, info.fps, info.has_audio) == (640, 12, True)
        assert abs(info.duration_s - report["duration_s"]) < 1 / 12 + 1e-6
        assert report["executor"] == "local"
        for sc in report["scenes"]:
            assert sum(seg["frames"] for seg in sc["segments"]) == sc["frames"]
            assert all(seg["cost_s"] > 0 for seg in sc["segments"])
    assert probe(out / "alpha" / "alpha.mp4").frames == probe(out / "gamma" / "gamma.mp4").frames
    # unchanged: every storyboard is up to date, nothing starts
    submitted.clear()
    r = CliRunner().invoke(app, args[:1] + [str(p) for p in stories] + args[2:])
    assert r.exit_code == 0, r.output
    rows = [line.split() for line in r.stdout.strip().splitlines()[2:4]]
    assert [row[1:4] for row in rows] == [["2", "0", "2"], ["1", "0", "1"]] and submitted == []


def test_storyboard_files_expand_folders_and_drop_duplicates(tmp_path):
    a, b = write_stories(tmp_path / "course")
    (tmp_path / "course" / "notes.txt").write_text("not a storyboard")
    assert storyboard_files([tmp_path / "course", a]) == [a, b]
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no storyboards"):
        storyboard_files([tmp_path / "empty"])
    with pytest.raises(UserError, match="no such file"):
        storyboard_files([tmp_path / "missing.json"])


def test_batch_refuses_two_storyboards_with_one_output_folder(tmp_path, build_options):
    a, _ = write_stories(tmp_path / "one")
    (tmp_path / "two").mkdir()
    other = shutil.copy(a, tmp_path / "two" / "alpha.json")
    with pytest.raises(UserError, match="would both write"):
        build_many([a, other], build_options())
    with pytest.raises(UserError, match="--scenes"):
        build_many([a, tmp_path / "one" / "beta.json"], build_options(scenes=(1,)))
