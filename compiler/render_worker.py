"""Runs inside a render worker process: one segment of one generated scene, with Manim in-process.

Workers are started once per build (`spawn`), import Manim once, and render many segments; each
segment runs under its own `tempconfig`, so no configuration leaks between jobs.
"""

from __future__ import annotations

import os
from pathlib import Path


def warm_up() -> None:
    os.environ.setdefault("PYTHONHASHSEED", "0")
    import manim  # noqa: F401  - the expensive import, once per worker


def ping() -> None:
    """A no-op job: submitting one per worker makes the pool start its processes right away."""


def render_segment(code: str, class_name: str, filename: str, width: int, height: int, fps: int,
                   segment: tuple[int, int] | None, work_dir: str) -> str:
    """Render beats `segment` of the scene into an mp4 inside `work_dir`; return its path."""
    from manim import tempconfig

    work = Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    scene_file = work / filename
    scene_file.write_text(code, encoding="utf-8")
    with tempconfig({
        "pixel_width": width, "pixel_height": height, "frame_rate": fps, "media_dir": str(work / "media"),
        "input_file": str(scene_file), "output_file": "clip", "disable_caching": True, "progress_bar": "none",
        "verbosity": "WARNING", "write_to_movie": True, "format": "mp4", "save_last_frame": False,
        "preview": False,
    }):
        namespace = {"__name__": "sbc_generated_scene", "__file__": str(scene_file)}
        exec(compile(code, str(scene_file), "exec"), namespace)  # noqa: S102 - code sbc generated and compiled
        scene = namespace[class_name]()
        scene.segment = segment
        scene.render()
    found = [p for p in (work / "media").rglob("clip.mp4") if "partial_movie_files" not in p.parts]
    if not found:
        raise RuntimeError("Manim wrote no video")
    return str(found[0])
