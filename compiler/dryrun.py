"""Run generated scenes without encoding video, and look at them at the end of every beat.

Manim runs with `skip_animations`: each `play` jumps to its end state, nothing is written. The
scene's inspector hook (`SbcScene.at` / `finish`) calls `Inspector.beat_boundary` between beats,
where the layout is checked (`sbc check`) and/or a frame is captured (`sbc preview`): the beat's last frame,
or the moment the beat marked as its key frame (`SbcScene.key_frame`/`play_key`: a highlight before it fades).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

SAFE_MARGIN = 0.2     # scene units kept free at each frame edge
OVERLAP_MIN_AREA = 0.02


@dataclass(frozen=True)
class Violation:
    scene: int
    beat: int
    kind: str          # "outside" | "overlap"
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"scene": self.scene, "beat": self.beat, "kind": self.kind, "message": self.message}


@dataclass
class Inspector:
    scene_number: int
    check: bool = True
    capture: bool = False
    beat: int = 0
    violations: list[Violation] = field(default_factory=list)
    frames: list[tuple[int, Any]] = field(default_factory=list)  # (beat, PIL image)
    key: tuple[int, Any] | None = None  # (beat, PIL image): the frame the beat asked to be shown by

    def key_frame(self, scene) -> None:
        """The running beat's key frame is this moment (`SbcScene.key_frame`: a highlight before it fades)."""
        if self.capture and self.beat > 0:
            self.key = (self.beat, _grab(scene))

    def beat_boundary(self, scene) -> None:
        if self.beat > 0:
            if self.check:
                self.violations.extend(layout_violations(scene, self.scene_number, self.beat))
            if self.capture:
                key = self.key[1] if self.key is not None and self.key[0] == self.beat else None
                self.frames.append((self.beat, key if key is not None else _grab(scene)))
        self.key = None
        self.beat += 1


def _grab(scene):
    from PIL import Image

    # (animations are skipped, so what follows something in motion — a timer that reads where its dot is — is brought
    # up to date once, at no time step, before the frame is taken)
    scene.update_mobjects(0)
    scene.renderer.update_frame(scene)
    return Image.fromarray(scene.renderer.get_frame()).convert("RGB")


def _is_text_unit(m) -> bool:
    from manim import Code, MarkupText, Paragraph, SVGMobject, Text

    return isinstance(m, (Text, MarkupText, Paragraph, Code)) or (isinstance(m, SVGMobject) and hasattr(m, "tex"))


def text_units(scene) -> list:
    """Text and formula mobjects on screen (not descending into them), visible ones only."""
    out = []

    def walk(m) -> None:
        if _is_text_unit(m):
            if m.get_fill_opacity() > 0.05 or m.get_stroke_opacity() > 0.05:
                out.append(m)
            return
        for sub in m.submobjects:
            walk(sub)

    for m in scene.mobjects:
        walk(m)
    return out


def _label(m) -> str:
    t = getattr(m, "text", None) or getattr(m, "tex", None) or type(m).__name__
    t = str(t).replace("\n", " ")
    return repr(t[:40] + ("…" if len(t) > 40 else ""))


def _bounds(m) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of `m`, as `get_left()[0]`, `get_bottom()[1]`… give them, from one walk over
    its boundary points instead of one per side (the overlap check compares every pair of texts)."""
    pts = m.get_points_defining_boundary()
    if len(pts) == 0:
        return 0.0, 0.0, 0.0, 0.0
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def layout_violations(scene, number: int, beat: int) -> list[Violation]:
    from manim import config

    half_w = config.frame_width / 2 - SAFE_MARGIN
    half_h = config.frame_height / 2 - SAFE_MARGIN
    out: list[Violation] = []
    for m in scene.mobjects:
        if m.get_family() and (m.width > 0 or m.height > 0):
            x0, y0, x1, y1 = _bounds(m)
            if x0 < -half_w - 1e-3 or x1 > half_w + 1e-3 or y0 < -half_h - 1e-3 or y1 > half_h + 1e-3:
                out.append(Violation(number, beat, "outside",
                                     f"{type(m).__name__} spans x {x0:.2f}..{x1:.2f}, y {y0:.2f}..{y1:.2f}: "
                                     f"outside the safe area (±{half_w:.2f}, ±{half_h:.2f})"))
    units = [(m, _bounds(m)) for m in text_units(scene)]
    for (a, ba), (b, bb) in combinations(units, 2):
        w = min(ba[2], bb[2]) - max(ba[0], bb[0])
        h = min(ba[3], bb[3]) - max(ba[1], bb[1])
        if w > 0 and h > 0 and w * h > OVERLAP_MIN_AREA:
            out.append(Violation(number, beat, "overlap", f"{_label(a)} overlaps {_label(b)} ({w * h:.2f} sq units)"))
    return out


def run_scene(code: str, class_name: str, number: int, *, check: bool = True, capture: bool = False,
              width: int = 480, height: int = 270, media_dir: str | None = None) -> Inspector:
    """Execute one generated scene in skip-animations mode with an inspector attached. `media_dir`: Manim's
    scratch folder, kept by a caller that runs many scenes in one process (`sbc watch`) so that the texts
    Pango drew for one run serve the next (Manim caches them by file path); by default a fresh one."""
    import contextlib
    import tempfile

    from manim import tempconfig

    inspector = Inspector(number, check=check, capture=capture)
    with (contextlib.nullcontext(media_dir) if media_dir else tempfile.TemporaryDirectory(prefix="sbc-dryrun-")) \
            as tmp, tempconfig({
        "skip_animations": True, "write_to_movie": False, "save_last_frame": False, "disable_caching": True,
        "media_dir": tmp, "pixel_width": width, "pixel_height": height, "verbosity": "ERROR",
        "progress_bar": "none", "frame_rate": 15,
    }):
        namespace: dict[str, Any] = {"__name__": f"sbc_scene_{number:02d}"}
        exec(compile(code, f"scene_{number:02d}.py", "exec"), namespace)  # noqa: S102 - our generated code
        cls = namespace[class_name]
        scene = cls()
        scene.inspector = inspector
        scene.render()
    return inspector


def run_scene_job(code: str, class_name: str, number: int, check: bool, capture: bool, width: int,
                  height: int) -> tuple[list[Violation], list[tuple[int, bytes]]]:
    """`run_scene` for a worker process: frames come back as PNG bytes (small, picklable)."""
    import io

    ins = run_scene(code, class_name, number, check=check, capture=capture, width=width, height=height)
    frames = []
    for beat, img in ins.frames:
        buf = io.BytesIO()
        img.save(buf, format="PNG", compress_level=1)
        frames.append((beat, buf.getvalue()))
    return ins.violations, frames
