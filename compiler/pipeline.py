"""The pipeline: load → validate → plan → narrate → time → generate → render → assemble.

`build()` reads as that list; `build_many()` runs the same list for several storyboards at once (a
batch): each stage for all of them, then every scene job in one queue on one executor (a local
process pool or a Dask cluster, `compiler/executors/`). Each stage is a function in its own module
with typed input and output; this module only wires them and records per-stage timings in `build.json`.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .diagnostics import UserError
from .fix import repair_loaded
from .load import load_bytes, load_file
from .outdir import claim_output, clear_leftovers
from .validate import Validated, validate_loaded

if TYPE_CHECKING:
    from .settings import BuildOptions, ResolvedSettings


def load_and_validate(path: Path, *, strict: bool = False, repair: bool = False, raw: bytes | None = None) -> Validated:
    """Stages 1–2. Raises UserError with positioned diagnostics if the storyboard is invalid. `raw`: the
    file's bytes when the caller has read them already (`sbc watch` validates exactly what it hashed)."""
    loaded = load_file(path) if raw is None else load_bytes(raw, str(path))
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


def note_diagnostic(v: Validated, note):
    """A planner note (SB3xx) as a diagnostic positioned at its sentence in the storyboard file."""
    return v.loaded.diag(note.code, note.message, note.path, severity=note.severity, within=note.sentence)


def plan_validated(v: Validated):
    """Plan a validated storyboard: (plan, its notes as diagnostics). A scene that cannot be planned
    in its time budget raises UserError with the positioned SB305 error."""
    from .plan import PlanError, plan_storyboard

    try:
        plan = plan_storyboard(v.storyboard)
    except PlanError as e:
        raise UserError(e.note.message, [note_diagnostic(v, e.note)], v.report.source) from None
    return plan, [note_diagnostic(v, n) for n in plan.diagnostics]


# ---------------------------------------------------------------------------------------------
# The build


@dataclass(frozen=True)
class BuildResult:
    video: Path
    duration_s: float
    scene_count: int
    out_dir: Path
    report: dict
    storyboard: Path | None = None
    seconds: float = 0.0   # from the start of the build until this storyboard's video was written

    @property
    def up_to_date(self) -> bool:
        return bool(self.report.get("cache", {}).get("up_to_date"))

    @property
    def scenes_rendered(self) -> int:
        return 0 if self.up_to_date else int(self.report.get("cache", {}).get("scenes_rendered", 0))

    @property
    def scenes_cached(self) -> int:
        return self.scene_count if self.up_to_date else int(self.report.get("cache", {}).get("scenes_cached", 0))

    def summary(self) -> str:
        """One line for the user: what was written, and how much of it was rendered now or came from the cache."""
        scenes = f"{self.scene_count} scene{'s' if self.scene_count != 1 else ''}"
        if self.up_to_date:
            return f"{self.video} is up to date ({self.duration_s:.1f} s, {scenes}): nothing changed since the last build"
        return (f"wrote {self.video}  ({self.duration_s:.1f} s, {scenes}: {self.scenes_rendered} rendered, "
                f"{self.scenes_cached} from the cache)")


def build(path: Path, opts: "BuildOptions") -> BuildResult:
    """load → validate → plan → narrate → time → generate → render → assemble."""
    return build_many([path], opts)[0]


def build_many(paths: Sequence[Path], opts: "BuildOptions") -> list[BuildResult]:
    """The same stages for several storyboards (a batch build), each stage for all of them before the
    next; every scene job of every storyboard goes to one executor, sharing the narration and scene
    caches, and each storyboard is assembled as soon as its own scenes are rendered.

    Each storyboard's output folder is locked for the whole build (`outdir.claim_output`): a second build
    of it into the same --out waits a moment, then stops with an error instead of mixing its files in."""
    _require_render_stack()
    from contextlib import ExitStack

    from .executors import ExecutorOptions, make_executor
    from .progress import Reporter
    from .render import RenderRequest, render

    t0 = time.perf_counter()
    paths = _unique(paths)
    if opts.scenes and len(paths) > 1:
        raise UserError("--scenes selects scenes of one storyboard; build the others without it")
    with ExitStack() as stack:
        rep = stack.enter_context(Reporter(opts.progress))
        with rep.stage("validate", len(paths)) as step:
            books = [_validate(p, opts, rep) for p in paths]
            _distinct_outputs(books)
            for b in books:
                _claim(b, rep, t0, stack)
            step(n=len(paths))
        todo = [b for b in books if b.result is None]
        if todo:
            label = (lambda b, text: f"{b.path.name} {text}") if len(todo) > 1 else (lambda b, text: text)
            with rep.stage("plan", len(todo)) as step:
                for b in todo:
                    _plan(b, rep)
                    step(label(b, ""))
            # no more workers than segments could ever be rendered (a segment is at least one beat)
            jobs = min(opts.jobs or os.cpu_count() or 1,
                       max(1, sum(max(1, len(sp.beats)) for b in todo for sp in b.scenes)))
            executor = stack.enter_context(make_executor(
                opts.executor, ExecutorOptions(jobs=jobs, scheduler=opts.scheduler, shared_cache=opts.scene_cache)))
            for note in executor.start():  # workers get ready (import Manim) while storyboards are narrated
                rep.warn(note)
            with rep.stage("narrate", sum(len(b.scenes) for b in todo)) as step:
                for b in todo:
                    _narrate(b, lambda n, b=b: step(label(b, f"scene {n.number}")), rep.warn)
            with rep.stage("time", len(todo)) as step:
                for b in todo:
                    _time(b)
                    step()
            with rep.stage("generate", sum(len(b.timed) for b in todo)) as step:
                for b in todo:
                    _generate(b, rep, lambda g, b=b: step(label(b, g.filename)))
            # render and assemble overlap in a batch: a storyboard is assembled once its own scenes are rendered
            rendering = _Stage(rep, "render", sum(len(b.generated) for b in todo))
            assembling = _Stage(rep, "assemble", len(todo))
            left = [sum(len(b.generated) for b in todo)]
            t_render = time.perf_counter()

            def on_clip(r: int, clip) -> None:
                rendering.open()(label(todo[r], f"scene {clip.number}" + (" (cached)" if clip.cached else "")))
                left[0] -= 1
                if not left[0]:
                    rendering.close()

            def on_request(r: int, clips) -> None:
                b = todo[r]
                b.stages["render"] = round(time.perf_counter() - t_render, 3)
                step = assembling.open()
                _assemble(b, clips, opts.executor, t0, rep.warn)
                step(label(b, "cached" if b.report["cache"]["assembled"] else ""))

            try:
                rendering.open()
                render([RenderRequest(b.path.name, tuple(g for g, _ in b.generated), b.settings.quality,
                                      b.settings.force) for b in todo],
                       todo[0].settings.scene_cache, executor, on_clip=on_clip, on_request=on_request,
                       on_warn=rep.warn)
            finally:
                rendering.close()
                assembling.close()
    return [b.result for b in books]


def storyboard_files(args: Sequence[Path]) -> list[Path]:
    """The storyboards named on the command line: files as given, folders as their *.json files (sorted)."""
    out: list[Path] = []
    for a in map(Path, args):
        if a.is_dir():
            found = sorted(p for p in a.glob("*.json") if p.is_file())
            if not found:
                raise UserError(f"{a}: no storyboards (*.json) in this folder")
            out.extend(found)
        elif a.is_file():
            out.append(a)
        else:
            raise UserError(f"{a}: no such file or folder")
    return _unique(out)


@dataclass
class _Book:
    """One storyboard on its way through a (batch) build."""

    path: Path
    v: Validated
    settings: "ResolvedSettings"
    stamp: str
    stages: dict[str, float] = field(default_factory=dict)
    scenes: list = field(default_factory=list)
    narrations: list = field(default_factory=list)
    timed: list = field(default_factory=list)
    generated: list = field(default_factory=list)
    title: str | None = None
    report: dict = field(default_factory=dict)
    reported: set = field(default_factory=set)  # (code, message) of the notes planning printed
    result: BuildResult | None = None


def _timed(b: _Book, stage: str):
    """Adds the time spent in the `with` block to the storyboard's stage time."""
    from contextlib import contextmanager

    @contextmanager
    def timer():
        t = time.perf_counter()
        try:
            yield
        finally:
            b.stages[stage] = round(b.stages.get(stage, 0.0) + time.perf_counter() - t, 3)
    return timer()


def _validate(path: Path, opts: "BuildOptions", rep) -> _Book:
    from .settings import resolve

    t = time.perf_counter()
    v = load_and_validate(path, strict=opts.strict, repair=opts.repair)
    for d in v.report.warnings:
        rep.warn(d.format(v.report.source))
    settings = resolve(opts, v.storyboard.settings, path)
    stamp = build_stamp(v.report.source or "", settings)
    return _Book(path, v, settings, stamp, {"validate": round(time.perf_counter() - t, 3)})


def _claim(b: _Book, rep, t0: float, stack) -> None:
    """Lock the storyboard's output folder for this build, clear what killed builds left, and find out
    whether the last build is still up to date."""
    t = time.perf_counter()
    settings = b.settings
    stack.enter_context(claim_output(settings.out_dir, b.path))
    clear_leftovers(settings)
    previous = None if settings.force else up_to_date(settings.out_dir / "build.json", b.stamp, rep.warn)
    if previous is not None:
        b.result = BuildResult(settings.out_dir / previous["video"], previous["duration_s"], len(previous["scenes"]),
                               settings.out_dir, previous, b.path, round(time.perf_counter() - t0, 3))
    b.stages["validate"] = round(b.stages["validate"] + time.perf_counter() - t, 3)


def _plan(b: _Book, rep) -> None:
    with _timed(b, "plan"):
        plan, diagnostics = plan_validated(b.v)
        b.title = plan.title
        b.scenes = _select(plan.scenes, b.settings.only_scenes)
        for d in diagnostics:
            rep.warn(d.headline())
        b.reported = {(d.code, d.message) for d in diagnostics}
        for message in font_warnings(b.scenes):
            rep.warn(f"{b.path}: {message}")


def _narrate(b: _Book, on_done, on_warn) -> None:
    from .narrate import narrate_scenes

    s = b.settings
    with _timed(b, "narrate"):
        b.narrations = narrate_scenes(b.scenes, default_voice=s.voice, cache_dir=s.audio_cache,
                                      work_dir=s.out_dir / "narration", base_dir=b.path.parent, on_done=on_done,
                                      on_warn=on_warn)


def _time(b: _Book) -> None:
    from .timing import time_scene

    with _timed(b, "time"):
        b.timed = [time_scene(sp, n.spans, n.duration_s) for sp, n in zip(b.scenes, b.narrations)]


def _generate(b: _Book, rep, on_done) -> None:
    from .generate import generate_scene, write_scene

    with _timed(b, "generate"):
        for ts in b.timed:
            g = generate_scene(ts, use_latex=b.settings.math == "latex")
            for note in g.notes:
                if (note.code, note.message) not in b.reported:  # SB302 is already said when planning
                    rep.warn(note_diagnostic(b.v, note).headline())
            b.generated.append((g, write_scene(g, b.settings.out_dir / "scenes")))
            on_done(g)
        _write_json(b.settings.out_dir / "plan.json", {"title": b.title, "scenes": [t.to_json() for t in b.timed]})


def _assemble(b: _Book, clips, executor: str, t0: float, on_warn=None) -> None:
    from .assemble import SceneAudio, assemble, write_captions
    from .settings import scenes_suffix

    s = b.settings
    with _timed(b, "assemble"):
        audio = [SceneAudio(n.number, n.wav, tuple((x.start, x.end, x.text) for x in n.spans)) for n in b.narrations]
        video = s.out_dir / f"{s.out_dir.name}{scenes_suffix(s.only_scenes)}.mp4"
        key = assemble_key(clips, audio, s.captions)
        result = None if s.force else reuse_assembled(s.out_dir / "build.json", key, video, clips, on_warn)
        assembled_cached = result is not None
        if result is None:
            result = assemble(clips, audio, video, captions=s.captions)
        elif s.captions:  # captions cost nothing to write: a deleted or damaged one comes back
            srt, vtt = write_captions(audio, result.scene_starts, video)
            result = dataclasses.replace(result, srt=srt, vtt=vtt)
    b.report = {
        "storyboard": b.path.name,
        "video": result.video.name,
        "duration_s": round(result.duration_s, 3),
        "quality": s.quality.name,
        "stages_s": {k: b.stages[k] for k in STAGES if k in b.stages},
        "stamp": b.stamp,
        "outputs": _output_sizes(result),
        "sha256": _output_hashes(result),
        "assemble_key": key,
        "executor": executor,
        "cache": {"assembled": assembled_cached,
                  "narration_hits": sum(n.cache_hits for n in b.narrations),
                  "narration_misses": sum(n.cache_misses for n in b.narrations),
                  "scenes_cached": sum(c.cached for c in clips), "scenes_rendered": sum(not c.cached for c in clips)},
        "scenes": [{"number": c.number, "start_s": round(st, 3), "duration_s": round(c.duration_s, 3),
                    "frames": c.frames, "narration_s": round(n.duration_s, 3), "engine": n.engine, "voice": n.voice,
                    "render_s": round(c.seconds, 3), "cached": c.cached,
                    "segments": [{"beats": list(p.beats), "frames": p.frames, "cost_s": p.cost_s, "cached": p.cached}
                                 for p in c.parts]}
                   for c, st, n in zip(clips, result.scene_starts, b.narrations)],
    }
    _write_json(s.out_dir / "build.json", b.report)
    b.result = BuildResult(result.video, result.duration_s, len(clips), s.out_dir, b.report, b.path,
                           round(time.perf_counter() - t0, 3))


class _Stage:
    """A progress stage opened and closed by events (a clip rendered, a storyboard ready), not a block."""

    def __init__(self, rep, name: str, total: int):
        self._cm = rep.stage(name, total)
        self._step = None
        self._closed = False

    def open(self):
        if self._step is None:
            self._step = self._cm.__enter__()
        return self._step

    def close(self) -> None:
        if self._step is not None and not self._closed:
            self._closed = True
            self._cm.__exit__(None, None, None)


STAGES = ("validate", "plan", "narrate", "time", "generate", "render", "assemble")


def _unique(paths: Sequence[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for p in map(Path, paths):
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append(p)
    return out


def _distinct_outputs(books: list[_Book]) -> None:
    owners: dict[Path, Path] = {}
    for b in books:
        other = owners.setdefault(b.settings.out_dir.resolve(), b.path)
        if other != b.path:
            raise UserError(f"{other} and {b.path} would both write {b.settings.out_dir}/; rename one of them")


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
    from .generate import code_version, template_version

    versions = {}
    for pkg in ("manim", "ziamath", "hibari-tts", "piper-tts", "moviepy", "imageio-ffmpeg"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = None
    blob = {"storyboard": hashlib.sha256(source.encode()).hexdigest(), "sbc": __version__,
            "templates": template_version(), "code": code_version(), "versions": versions,
            "settings": {"quality": [settings.quality.width, settings.quality.height, settings.quality.fps],
                         "voice": settings.voice, "captions": settings.captions, "math": settings.math,
                         "scenes": list(settings.only_scenes or [])}}
    return hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()


def up_to_date(build_json: Path, stamp: str, on_warn=None) -> dict | None:
    """The previous build's report if it had this stamp and its outputs are still there, intact (the
    size and content hash recorded when they were written)."""
    import json

    from .atomic import file_sha256

    try:
        previous = json.loads(build_json.read_text(encoding="utf-8"))
        if previous.get("stamp") != stamp:
            return None
        hashes = previous["sha256"]
        for name, size in previous["outputs"].items():
            path = build_json.parent / name
            if path.stat().st_size != size or file_sha256(path) != hashes[name]:
                if on_warn is not None and path.exists():
                    on_warn(f"{path} is damaged (it differs from what the last build wrote); building it again")
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    previous.setdefault("cache", {})["up_to_date"] = True
    return previous


def _output_files(result) -> list[Path]:
    return [result.video] + [p for p in (result.srt, result.vtt) if p is not None]


def _output_sizes(result) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in _output_files(result)}


def _output_hashes(result) -> dict[str, str]:
    from .atomic import file_sha256

    return {p.name: file_sha256(p) for p in _output_files(result)}


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


def reuse_assembled(build_json: Path, key: str, video: Path, clips, on_warn=None):
    """The previous build's video, if it was assembled from exactly these inputs and is intact: the content
    hash recorded when it was written (a damaged or truncated video is assembled again, with a warning)."""
    import json

    from .assemble import Assembled, scene_starts
    from .atomic import file_sha256

    try:
        previous = json.loads(build_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(previous, dict) or previous.get("assemble_key") != key or previous.get("video") != video.name:
        return None
    try:
        intact = file_sha256(video) == previous["sha256"][video.name]
    except (OSError, KeyError, TypeError):
        return None
    if not intact:
        if on_warn is not None:
            on_warn(f"{video} is damaged (it differs from what the last build wrote); assembling it again")
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
