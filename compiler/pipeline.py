"""The pipeline: load → validate → plan → narrate → time → generate → render → assemble.

`build()` reads as that list. Each stage is a function in its own module with typed input and
output; this module only wires them and records per-stage timings in `build.json`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import UserError
from .fix import repair_loaded
from .load import load_file
from .validate import Validated, validate_loaded

if TYPE_CHECKING:
    from .settings import BuildOptions


def load_and_validate(path: Path, *, strict: bool = False, repair: bool = False) -> Validated:
    """Stages 1–2. Raises UserError with positioned diagnostics if the storyboard is invalid."""
    loaded = load_file(path)
    if repair and not loaded.ok and loaded.report.source:
        from .fix import RepairFailed

        try:
            loaded = repair_loaded(loaded)
        except RepairFailed as e:
            raise UserError(str(e)) from None
    v = validate_loaded(loaded, base_dir=Path(path).parent, strict=strict)
    if not v.ok:
        raise UserError("invalid storyboard", v.report.sorted(), v.report.source)
    return v


# ---------------------------------------------------------------------------------------------
# The build


@dataclass(frozen=True)
class BuildResult:
    video: Path
    duration_s: float
    scene_count: int
    out_dir: Path
    report: dict


def build(path: Path, opts: "BuildOptions") -> BuildResult:
    """load → validate → plan → narrate → time → generate → render → assemble."""
    _require_render_stack()
    from .assemble import SceneAudio, assemble
    from .generate import generate_scene, write_scene
    from .narrate import narrate_scenes
    from .plan import plan_storyboard
    from .progress import Reporter
    from .render import RenderPool, render_scenes
    from .settings import resolve
    from .timing import time_scene

    path = Path(path)
    with Reporter(opts.progress) as rep, RenderPool(opts.jobs or os.cpu_count() or 1) as pool:
        with rep.stage("validate") as step:
            v = load_and_validate(path, strict=opts.strict, repair=opts.repair)
            for d in v.report.warnings:
                rep.warn(d.format(v.report.source))
            step()
        settings = resolve(opts, v.storyboard.settings, path)
        stamp = build_stamp(v.report.source or "", settings)
        previous = None if settings.force else up_to_date(settings.out_dir / "build.json", stamp)
        if previous is not None:
            return BuildResult(settings.out_dir / previous["video"], previous["duration_s"], len(previous["scenes"]),
                               settings.out_dir, previous)
        pool.start()  # the render workers import Manim while the storyboard is planned and narrated
        with rep.stage("plan") as step:
            plan = plan_storyboard(v.storyboard)
            scenes = _select(plan.scenes, settings.only_scenes)
            for note in plan.diagnostics:
                rep.warn(v.loaded.diag(note.code, note.message, note.path, severity=note.severity).headline())
            for message in font_warnings(scenes):
                rep.warn(f"{path}: {message}")
            step()
        with rep.stage("narrate", len(scenes)) as step:
            narrations = narrate_scenes(scenes, default_voice=settings.voice, cache_dir=settings.audio_cache,
                                        work_dir=settings.out_dir / "narration", base_dir=path.parent,
                                        on_done=lambda n: step(f"scene {n.number}"))
        with rep.stage("time") as step:
            timed = [time_scene(sp, n.spans, n.duration_s) for sp, n in zip(scenes, narrations)]
            step()
        with rep.stage("generate", len(timed)) as step:
            generated = []
            for ts in timed:
                g = generate_scene(ts, use_latex=settings.math == "latex")
                for note in g.notes:
                    rep.warn(v.loaded.diag(note.code, note.message, note.path, severity=note.severity).headline())
                generated.append((g, write_scene(g, settings.out_dir / "scenes")))
                step(g.filename)
            _write_json(settings.out_dir / "plan.json", {"title": plan.title, "scenes": [t.to_json() for t in timed]})
        with rep.stage("render", len(generated)) as step:
            clips = render_scenes(generated, settings.quality, settings.scene_cache, jobs=settings.jobs,
                                  force=settings.force, pool=pool,
                                  on_done=lambda c: step(f"scene {c.number}" + (" (cached)" if c.cached else "")))
        with rep.stage("assemble") as step:
            name = path.stem if not settings.only_scenes else f"{path.stem}-scenes-{'-'.join(map(str, settings.only_scenes))}"
            audio = [SceneAudio(n.number, n.wav, tuple((s.start, s.end, s.text) for s in n.spans)) for n in narrations]
            video = settings.out_dir / f"{_safe(name)}.mp4"
            key = assemble_key(clips, audio, settings.captions)
            result = None if settings.force else reuse_assembled(settings.out_dir / "build.json", key, video, clips)
            assembled_cached = result is not None
            if result is None:
                result = assemble(clips, audio, video, captions=settings.captions)
            step("cached" if assembled_cached else "")
    report = {
        "storyboard": path.name,
        "video": result.video.name,
        "duration_s": round(result.duration_s, 3),
        "quality": settings.quality.name,
        "stages_s": rep.timings,
        "stamp": stamp,
        "outputs": _output_sizes(result),
        "assemble_key": key,
        "cache": {"assembled": assembled_cached,
                  "narration_hits": sum(n.cache_hits for n in narrations),
                  "narration_misses": sum(n.cache_misses for n in narrations),
                  "scenes_cached": sum(c.cached for c in clips), "scenes_rendered": sum(not c.cached for c in clips)},
        "scenes": [{"number": c.number, "start_s": round(s, 3), "duration_s": round(c.duration_s, 3),
                    "frames": c.frames, "narration_s": round(n.duration_s, 3), "engine": n.engine, "voice": n.voice,
                    "render_s": round(c.seconds, 3), "cached": c.cached}
                   for c, s, n in zip(clips, result.scene_starts, narrations)],
    }
    _write_json(settings.out_dir / "build.json", report)
    return BuildResult(result.video, result.duration_s, len(clips), settings.out_dir, report)


def font_warnings(scenes) -> list[str]:
    """SB304: text in a script no installed font can draw (it would render as empty boxes)."""
    from .fonts import missing_scripts

    strings = [s for sp in scenes for b in sp.beats for s in b.strings]
    return [f"SB304 warning: {script} text (e.g. {chars!r}) has no installed font and would show as empty "
            f"boxes; install it with: apt-get install {package}"
            for script, (chars, package) in sorted(missing_scripts(strings).items())]


def build_stamp(source: str, settings) -> str:
    """Everything a finished build depends on, known before any work: the storyboard's text, the
    resolved settings, and the versions of sbc, its templates/runtime and the packages that render."""
    import hashlib
    import json
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__
    from .generate import template_version

    versions = {}
    for pkg in ("manim", "ziamath", "hibari-tts", "piper-tts", "moviepy", "imageio-ffmpeg"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = None
    blob = {"storyboard": hashlib.sha256(source.encode()).hexdigest(), "sbc": __version__,
            "templates": template_version(), "versions": versions,
            "settings": {"quality": [settings.quality.width, settings.quality.height, settings.quality.fps],
                         "voice": settings.voice, "captions": settings.captions, "math": settings.math,
                         "scenes": list(settings.only_scenes or [])}}
    return hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()


def up_to_date(build_json: Path, stamp: str) -> dict | None:
    """The previous build's report if it had this stamp and its outputs are still there, intact."""
    import json

    try:
        previous = json.loads(build_json.read_text(encoding="utf-8"))
        if previous.get("stamp") != stamp:
            return None
        for name, size in previous["outputs"].items():
            if (build_json.parent / name).stat().st_size != size:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    previous.setdefault("cache", {})["up_to_date"] = True
    return previous


def _output_sizes(result) -> dict[str, int]:
    files = [result.video] + [p for p in (result.srt, result.vtt) if p is not None]
    return {p.name: p.stat().st_size for p in files}


def assemble_key(clips, audio, captions: bool) -> str:
    """Everything the final video depends on: the clips (content-addressed) and the narration tracks."""
    import hashlib

    h = hashlib.sha256()
    for c in clips:
        for seg in c.segments:
            h.update(Path(seg).name.encode())
    for a in audio:
        h.update(hashlib.sha256(Path(a.wav).read_bytes()).digest())
        h.update(repr(a.sentences).encode())
    h.update(repr(captions).encode())
    return h.hexdigest()


def reuse_assembled(build_json: Path, key: str, video: Path, clips):
    """The previous build's video, if it was assembled from exactly these inputs and is intact."""
    import json

    from .assemble import Assembled, scene_starts
    from .media import valid_video

    try:
        previous = json.loads(build_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if previous.get("assemble_key") != key or previous.get("video") != video.name or not valid_video(video):
        return None
    srt, vtt = video.with_suffix(".srt"), video.with_suffix(".vtt")
    return Assembled(video, srt if srt.exists() else None, vtt if vtt.exists() else None,
                     sum(c.duration_s for c in clips), tuple(scene_starts(clips)))


def _select(scenes, only):
    if not only:
        return list(scenes)
    bad = [n for n in only if not 1 <= n <= len(scenes)]
    if bad:
        raise UserError(f"--scenes: no scene {', '.join(map(str, bad))} (the storyboard has {len(scenes)})")
    return [s for s in scenes if s.number in set(only)]


def _safe(name: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip(".-")[:100] or "video"


def _write_json(path: Path, data) -> None:
    import json

    from .fix import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _require_render_stack() -> None:
    import importlib.util

    missing = [m for m in ("manim", "moviepy", "av", "srt", "ziamath", "numpy") if importlib.util.find_spec(m) is None]
    if missing:
        raise UserError(
            f"sbc build needs the rendering stack (missing: {', '.join(missing)}). Install it with:\n"
            "    pip install 'sbc[render]'   (needs system cairo/pango: apt-get install libcairo2-dev libpango1.0-dev"
            " pkg-config, or `make setup` in the sbc repository)")
