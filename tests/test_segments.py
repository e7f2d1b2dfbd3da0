"""A scene rendered as beat-aligned segments matches the same scene rendered whole, frame for frame.

Segments fast-forward the beats before them by applying end states; any animation whose end
state is applied wrongly (e.g. a ReplacementTransform skipped) shows up here as different frames.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from compiler.generate import generate_scene
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.render import plan_segments
from compiler.render_worker import render_segment
from compiler.timing import estimate_timings, time_plan

from .conftest import STORYBOARDS

pytestmark = pytest.mark.e2e


def frames(path) -> list[np.ndarray]:
    import av

    with av.open(str(path)) as c:
        return [np.asarray(f.to_image()).astype(np.int16) for f in c.decode(video=0)]


def test_segmented_render_matches_whole_render(tmp_path):
    sb = Storyboard.model_validate(json.loads((STORYBOARDS / "gallery.json").read_text()))
    ts = time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes[15]  # code, transform, move, highlight, clear
    gen = generate_scene(ts)
    whole = frames(render_segment(gen.code, gen.class_name, gen.filename, 320, 180, 10, None, str(tmp_path / "w")))
    segments = plan_segments(gen, target_s=2.5)
    assert len(segments) >= 3
    parts: list[np.ndarray] = []
    for k, (a, b, _, _) in enumerate(segments):
        parts += frames(render_segment(gen.code, gen.class_name, gen.filename, 320, 180, 10, (a, b),
                                       str(tmp_path / f"s{k}")))
    assert abs(len(parts) - len(whole)) <= len(segments)  # at most a frame of rounding per cut
    n = min(len(parts), len(whole))
    diffs = [changed(parts[i], whole[i]) for i in range(n)]
    # identical except, at worst, frames shifted by one around a cut during an animation
    assert sum(d <= 30 for d in diffs) >= 0.95 * n, sorted(diffs)[-8:]
    assert changed(parts[-1], whole[-1]) <= 30
    # the state after `clear` (before the closing fade) is the same empty frame in both
    clear_at = int(ts.beats[-1].start * 10) + 8
    assert changed(parts[clear_at], whole[clear_at]) <= 30


def changed(a: np.ndarray, b: np.ndarray) -> int:
    """Pixels that differ clearly (not encoder noise)."""
    return int((np.abs(a - b).max(axis=-1) > 60).sum())
