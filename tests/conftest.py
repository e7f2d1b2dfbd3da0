from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORYBOARDS = ROOT / "storyboards"


def scene(details: str, audio: str, style: str = "Dark blue background.", plot: str = "A test scene.", **extra) -> dict:
    return {"scene_plot": plot, "animation_details": details, "animation_style": style, "audio_text": audio, **extra}


def planned_scene(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    """The beats of a one-scene storyboard with these details, and its planner notes as "CODE message" strings."""
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    plan = plan_storyboard(Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]}))
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def dry_run_visuals(visuals: list, audio: str = "One. Two. Three. Four."):
    """(generated code, dry-run inspector) of a one-scene storyboard that draws these visuals as written."""
    from compiler import dryrun
    from compiler.generate import generate_scene
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard
    from compiler.timing import estimate_timings, time_plan

    sb = Storyboard.model_validate({"scenes": [scene("x", audio, visuals=visuals)]})
    (ts,) = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes
    gen = generate_scene(ts)
    return gen.code, dryrun.run_scene(gen.code, gen.class_name, 1)


def assert_snapshot(folder: str, generated) -> None:
    """The generated scene's code equals its snapshot in tests/snapshots/<folder>/ (written when missing or when
    SBC_UPDATE_SNAPSHOTS is set)."""
    import os

    path = Path(__file__).parent / "snapshots" / folder / generated.filename
    if os.environ.get("SBC_UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generated.code, encoding="utf-8")
    assert generated.code == path.read_text(encoding="utf-8"), f"{path} changed: rerun with SBC_UPDATE_SNAPSHOTS=1 if intended"


@pytest.fixture
def write_storyboard(tmp_path):
    def write(data: dict | str, name: str = "story.json") -> Path:
        p = tmp_path / name
        p.write_text(data if isinstance(data, str) else json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        return p
    return write


@pytest.fixture
def build_options(tmp_path):
    """BuildOptions that keep every output and cache inside the test's tmp dir."""
    from compiler.settings import BuildOptions

    def make(**kw) -> BuildOptions:
        kw.setdefault("quality", "draft")
        kw.setdefault("voice", "silent")
        return BuildOptions(out_root=tmp_path / "out", audio_cache=tmp_path / "audio", progress=False, **kw)
    return make
