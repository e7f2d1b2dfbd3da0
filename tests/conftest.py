from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORYBOARDS = ROOT / "storyboards"


def scene(details: str, audio: str, style: str = "Dark blue background.", plot: str = "A test scene.", **extra) -> dict:
    return {"scene_plot": plot, "animation_details": details, "animation_style": style, "audio_text": audio, **extra}


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
