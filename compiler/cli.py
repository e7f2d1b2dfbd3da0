"""The `sbc` command line: a thin Typer adapter.

Each command parses options, builds settings, calls one library function and maps `UserError`
to exit code 1. Heavy modules (manim, moviepy) are imported inside the commands that need them.

Start-up time matters: `sbc validate` runs as a pre-commit hook, once per commit. So this module
does not import Typer at import time: commands are registered with `@command()` and declare their
parameters with `Annotated[..., typer.Option(...)]` (strings until the app is built, thanks to
`from __future__ import annotations`); `_app()` imports Typer and builds the app on first use, and
`main()` runs a plain `sbc validate FILE... [--strict] [--format F] [-q]` without Typer at all
(anything else, e.g. `--help`, goes through Typer). `app` is still importable:
`from compiler.cli import app`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, List, Optional

from .diagnostics import UserError, dumps, os_error

if TYPE_CHECKING:
    import typer

_HELP = ("sbc — the storyboard compiler. Turns a storyboard JSON (scenes with scene_plot, animation_details, "
         "animation_style, audio_text) into a narrated explainer video.")
_COMMANDS: list[tuple[Callable[..., Any], tuple, dict]] = []
_APP = None


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command, like `app.command(...)`; the Typer app is built lazily by `_app()`."""
    def register(f: Callable[..., Any]) -> Callable[..., Any]:
        _COMMANDS.append((f, args, kwargs))
        return f
    return register


def _app() -> "typer.Typer":
    global _APP
    if _APP is None:
        import typer as _typer

        globals()["typer"] = _typer  # the Annotated[...] strings and the command bodies use it
        app = _typer.Typer(name="sbc", help=_HELP, no_args_is_help=True, add_completion=False,
                           pretty_exceptions_enable=False,
                           context_settings={"help_option_names": ["-h", "--help"]})
        for f, args, kwargs in _COMMANDS:
            app.command(*args, **{"help": _unwrapped(f.__doc__), **kwargs})(f)
        _APP = app
    return _APP


def _unwrapped(doc: str | None) -> str | None:
    """A docstring as help text: its paragraphs re-flowed (the terminal wraps them), lists kept as lines."""
    if not doc:
        return doc
    import inspect

    paragraphs = []
    for para in inspect.cleandoc(doc).split("\n\n"):
        lines = para.splitlines()
        if any(line.lstrip().startswith(("- ", "* ", "$ ")) for line in lines):
            paragraphs.append(para)  # a list or commands: one item per line
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def __getattr__(name: str) -> Any:  # PEP 562: `from compiler.cli import app`
    if name == "app":
        return _app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _echo(message: str, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n")
    stream.flush()


def _fail(e: UserError) -> None:
    typer.echo(e.format(), err=True)
    raise typer.Exit(1)


@command()
def validate(
    files: Annotated[List[Path], typer.Argument(help="Storyboard files to check.", show_default=False)],
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings (unknown keys, placeholders…) as errors.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="Output format: text or json.")] = "text",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
) -> None:
    """Check storyboards without rendering: schema and semantic checks.

    Prints `file:line:col: CODE message` for each problem. Exit 0 if every file is valid, 1 if any is
    invalid, 2 on a usage error (e.g. a file that does not exist).
    """
    raise typer.Exit(_run_validate(files, strict, fmt, quiet))


def _run_validate(files: List[Path], strict: bool, fmt: str, quiet: bool) -> int:
    """The body of `sbc validate`, shared by the Typer command and the fast path; returns the exit code."""
    if fmt not in ("text", "json"):
        _echo(f"error: --format must be text or json, not {fmt!r}", err=True)
        return 2
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        _echo("error: no such file: " + ", ".join(missing), err=True)
        return 2
    from .validate import validate_file

    results = [validate_file(f, strict=strict) for f in files]
    if fmt == "json":
        _echo(dumps([r.report.to_json() for r in results]))
    else:
        for r in results:
            if r.report.diagnostics:
                _echo(r.report.format(), err=not r.ok)
            if not quiet:
                status = "ok" if r.ok else "invalid"
                n_err, n_warn = len(r.report.errors), len(r.report.warnings)
                _echo(f"{r.report.file}: {status} ({n_err} error(s), {n_warn} warning(s))", err=not r.ok)
    return 0 if all(r.ok for r in results) else 1


def _fast_validate_args(argv: List[str]) -> Optional[tuple]:
    """`validate FILE... [--strict] [--format F] [-q]` -> arguments for `_run_validate`; None for anything
    else (help, unknown options, no file), which Typer handles with its usual messages."""
    if not argv or argv[0] != "validate":
        return None
    files: List[Path] = []
    strict = quiet = False
    fmt = "text"
    rest = argv[1:]
    i = 0
    while i < len(rest):
        a = rest[i]
        i += 1
        if a == "--":
            files.extend(Path(f) for f in rest[i:])
            break
        if a == "--strict":
            strict = True
        elif a in ("--quiet", "-q"):
            quiet = True
        elif a == "--format" and i < len(rest):
            fmt = rest[i]
            i += 1
        elif a.startswith("--format="):
            fmt = a.split("=", 1)[1]
        elif a.startswith("-") and a != "-":
            return None
        else:
            files.append(Path(a))
    return (files, strict, fmt, quiet) if files else None


@command()
def fix(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A storyboard damaged by a language model.")],
    write: Annotated[bool, typer.Option("--write", "-w", help="Rewrite the file (atomically) instead of printing a diff.")] = False,
) -> None:
    """Repair LLM-damaged JSON: code fences, prose around it, missing/trailing commas, raw newlines, single quotes.

    Without --write, prints a unified diff. The repaired storyboard is validated; exit 1 if it still has errors.
    """
    from .atomic import write_through
    from .fix import RepairFailed, repair_text
    from .load import load_bytes
    from .validate import validate_loaded

    raw = file.read_bytes()
    first = load_bytes(raw, str(file))
    if first.report.source is None and first.report.errors:  # not UTF-8, too big
        typer.echo(first.report.format(), err=True)
        raise typer.Exit(1)
    try:
        rep = repair_text(first.report.source or raw.decode("utf-8-sig"), str(file))
    except RepairFailed as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1)
    result = validate_loaded(load_bytes(rep.repaired.encode(), str(file)), base_dir=file.parent)
    if not rep.changed:
        typer.echo(f"{file}: nothing to repair", err=True)
    elif write:
        try:
            written = write_through(file, rep.repaired)  # a symlink's target, its mode and hard links kept
        except OSError as e:
            _echo(f"{file}: cannot write the repaired storyboard: {e.strerror or e}", err=True)
            raise typer.Exit(1)
        via = f" (through the link to {written})" if file.is_symlink() else ""
        typer.echo(f"{file}: repaired{via} ({len(rep.damage)} problem(s) fixed)", err=True)
    else:
        typer.echo(rep.diff(str(file)), nl=False)
    if result.report.diagnostics:
        typer.echo(result.report.format(), err=True)
    raise typer.Exit(0 if result.ok else 1)


@command()
def schema(
    out: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Print the storyboard JSON Schema (draft 2020-12), for editors and other validators."""
    from .schema import storyboard_schema

    _emit(json.dumps(storyboard_schema(), indent=2, ensure_ascii=False) + "\n", out, "the schema")


def _emit(text: str, out: Optional[Path], what: str) -> None:
    """`text` to the file `out` (written atomically) or, without one, to stdout."""
    if out:
        from .atomic import write_atomic

        try:
            write_atomic(out, text)
        except OSError as e:
            _fail(os_error(e, f"cannot write {what}"))
    else:
        typer.echo(text, nl=False)


@command()
def prompt(
    fmt: Annotated[str, typer.Option("--format", help="markdown (the system prompt) or json (the same content as data).")] = "markdown",
    out: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Print a system prompt for a language model that writes storyboards.

    Generated from the code: the format and every component's fields (from the schema), the phrasings the
    planner understands (the phrasebook, each checked by the tests), the limits and an example storyboard.
    """
    from .prompt import FORMATS, build_prompt

    if fmt not in FORMATS:
        _echo(f"error: --format must be {' or '.join(FORMATS)}, not {fmt!r}", err=True)
        raise typer.Exit(2)
    _emit(build_prompt(fmt), out, "the prompt")


@command()
def doctor() -> None:
    """Show what is installed: cairo/pango, Manim, fonts, ffmpeg, LaTeX (optional), voices."""
    from .doctor import run_checks

    bad = 0
    for check, res in run_checks():
        mark = "ok " if res.ok else ("-- " if not check.required else "!! ")
        line = f"{mark} {check.name:<11} {res.detail}"
        if not res.ok:
            line += f"\n      {check.description}; fix: {check.recommendation}"
            bad += check.required
        typer.echo(line)
    raise typer.Exit(1 if bad else 0)


@command()
def voices(
    engine: Annotated[Optional[str], typer.Argument(help="Only this engine, with every voice it has.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print engines and voices as JSON.")] = False,
) -> None:
    """List the TTS engines and their voices: which work on this machine, which need the network, the default.

    An engine is usable (ok) when its package is installed and its default voice's data is here; `*`
    marks each engine's default voice. Select one with `sbc build --voice ENGINE[:VOICE]`.
    """
    from .narration.catalog import describe, list_engines

    try:
        engines = list_engines(engine)
    except UserError as e:
        _echo(f"error: {e.message}", err=True)
        raise typer.Exit(2)
    if as_json:
        typer.echo(dumps({"engines": [e.to_json() for e in engines]}))
    else:
        typer.echo(describe(engines, all_voices=engine is not None))


def _load_storyboard(file: Path, strict: bool = False, repair: bool = False):
    from .pipeline import load_and_validate

    try:
        return load_and_validate(file, strict=strict, repair=repair)
    except UserError as e:
        _fail(e)


def _plan_or_fail(v):
    """Plan a loaded storyboard and print its SB3xx warnings (the same from plan, check and preview)."""
    return _plan_and_notes_or_fail(v)[0]


def _plan_and_notes_or_fail(v):
    """`_plan_or_fail`, returning the printed warnings too: (plan, diagnostics)."""
    from .pipeline import plan_validated

    try:
        plan, diagnostics = plan_validated(v)
    except UserError as e:
        _fail(e)
    for d in diagnostics:
        typer.echo(d.headline(), err=True)
    return plan, diagnostics


MAX_SCENE_NUMBER = 10_000  # far past any storyboard (the schema allows fewer scenes); bounds `1-N` ranges


def _parse_scenes(spec: Optional[str]) -> Optional[list[int]]:
    """`2,4` or `1-3` -> scene numbers (1-based, in order, once each). Scene 0, a range written backwards
    (`3-1`) and numbers past MAX_SCENE_NUMBER are usage errors (exit 2), the same for every command."""
    if spec is None:
        return None
    out: list[int] = []
    seen: set[int] = set()

    def bad(why: str):
        typer.echo(f"error: --scenes {spec!r}: {why}", err=True)
        raise typer.Exit(2)

    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        a, sep, b = part.partition("-")
        if not (a.strip().isdigit() and (not sep or b.strip().isdigit())):
            bad("takes numbers like 2,4 or 1-3")
        lo, hi = int(a), int(b) if sep else int(a)
        if lo < 1:
            bad("scenes are numbered from 1")
        if hi < lo:
            bad(f"the range {part} runs backwards; write {hi}-{lo}")
        if hi > MAX_SCENE_NUMBER:
            bad(f"no storyboard has {hi} scenes (at most {MAX_SCENE_NUMBER})")
        for n in range(lo, hi + 1):
            if n not in seen:
                seen.add(n)
                out.append(n)
    if not out:
        bad("takes numbers like 2,4 or 1-3")
    return out


def _selected(numbers: Optional[list[int]], plan) -> Optional[list[int]]:
    """--scenes checked against the storyboard, as `build` checks it: a scene it does not have is an error."""
    from .pipeline import _select

    if numbers:
        try:
            _select(plan.scenes, numbers)
        except UserError as e:
            _fail(e)
    return numbers


@command()
def plan(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Storyboard file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON (the format in the README).")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Per sentence: the beats it produced and the rule that fired.")] = False,
    repair: Annotated[bool, typer.Option("--repair", help="Repair LLM-damaged JSON on the fly (warnings instead of errors).")] = False,
) -> None:
    """Show the beats each scene compiles to, with timings and the rule that chose each one.

    Beats are numbered per scene: a visual with `"beat": N` in the scene's `visuals` replaces beat N and
    leaves the rest planned; `"after": N` inserts one after it (shown as `N+`). `--json` prints the format
    documented in the README; its beats paste into `visuals` as they are. Timings are estimated from the
    reading rate; `sbc build` writes plan.json with the real narration timings.
    """
    from .timing import estimate_timings, time_plan

    v = _load_storyboard(file, repair=repair)
    timed = time_plan(_plan_or_fail(v), estimate_timings(v.storyboard))
    if as_json:
        typer.echo(dumps(timed.to_json()))
    else:
        typer.echo(timed.describe(explain=explain))


@command()
def check(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Storyboard file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print violations as JSON.")] = False,
    scenes: Annotated[Optional[str], typer.Option("--scenes", help="Only these scenes (1-based), e.g. 2,4 or 1-3.")] = None,
    repair: Annotated[bool, typer.Option("--repair", help="Repair LLM-damaged JSON on the fly.")] = False,
) -> None:
    """Check the layout of every beat without encoding video; exit 1 on any violation.

    It checks layout, not content: at the end of every beat, anything outside the frame bounds (the safe
    area) and any two text or formula objects that overlap; it also warns about text no installed font can
    draw. Whether the picture is what animation_details asked for is not checked here: look at it with
    `sbc preview` (a contact sheet of every beat) and `sbc plan --explain` (what each sentence produced).
    """
    from .inspect import inspect_storyboard

    from .pipeline import font_warnings

    v = _load_storyboard(file, repair=repair)
    plan = _plan_or_fail(v)
    for message in font_warnings(plan.scenes):
        typer.echo(f"{file}: {message}", err=True)
    result = inspect_storyboard(v.storyboard, scenes=_selected(_parse_scenes(scenes), plan), plan=plan)
    violations = [x for s in result for x in s.violations]
    if as_json:
        typer.echo(dumps({"file": str(file), "scenes": len(result), "beats": sum(len(s.beats) for s in result),
                          "violations": [x.to_json() for x in violations]}))
    else:
        for x in violations:
            typer.echo(f"{file}: scene {x.scene} beat {x.beat}: {x.kind}: {x.message}")
        typer.echo(f"{file}: {len(violations)} layout violation(s) in {len(result)} scene(s), "
                   f"{sum(len(s.beats) for s in result)} beat(s)", err=bool(violations))
    raise typer.Exit(1 if violations else 0)


@command()
def preview(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Storyboard file.")],
    scenes: Annotated[Optional[str], typer.Option("--scenes", help="Only these scenes (1-based), e.g. 2,4 or 1-3.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="PNG path (default: out/<stem>/contact_sheet.png).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output root.")] = Path("out"),
    repair: Annotated[bool, typer.Option("--repair", help="Repair LLM-damaged JSON on the fly.")] = False,
) -> None:
    """Write a contact sheet PNG: the key frame of every beat, in seconds.

    Under each frame: the beat's number, kind, start time (estimated from the reading rate, as `sbc plan`
    shows it) and the narration sentence it goes with; a highlight is shown while it is on screen. Under
    each scene: its planner warnings (SB3xx). Beats with layout problems are framed in red. No video is
    encoded and no narration is synthesised.
    """
    from .inspect import contact_sheet, inspect_storyboard
    from .settings import _safe_stem

    v = _load_storyboard(file, repair=repair)
    plan, notes = _plan_and_notes_or_fail(v)
    result = inspect_storyboard(v.storyboard, scenes=_selected(_parse_scenes(scenes), plan), capture=True, plan=plan,
                                diagnostics=notes)
    path = output or out / _safe_stem(file) / "contact_sheet.png"
    try:
        contact_sheet(result, path, title=f"{file.name} — {len(result)} scene(s)")
    except OSError as e:
        _fail(os_error(e, "cannot write the contact sheet"))
    typer.echo(f"wrote {path}")


# Named here, not read from the registry, which imports numpy (tests/test_voices.py keeps them in step).
VOICE_HELP = ("ENGINE[:VOICE] (default: settings.voice, else hibari): hibari, piper, espeak, gtts (online), "
              "silent. `sbc voices` lists the voices and which work here.")


@command()
def watch(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Storyboard file.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="PNG path (default: out/<stem>/contact_sheet.png).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output root.")] = Path("out"),
    repair: Annotated[bool, typer.Option("--repair", help="Repair LLM-damaged JSON on the fly.")] = False,
    interval: Annotated[float, typer.Option("--interval", min=0.05, help="Seconds between looks at the file.")] = 0.2,
    max_cycles: Annotated[Optional[int], typer.Option("--max-cycles", min=1, help="Stop after this many refreshes (for scripts and tests).")] = None,
) -> None:
    """Keep the contact sheet up to date while you edit FILE (Ctrl-C stops).

    On every save that changes FILE: validate, plan, and redraw the scenes whose plan changed (the others
    come from memory), then rewrite the sheet `sbc preview` writes; warnings and errors are printed as
    `file:line:col: CODE message`. A save with errors leaves the last good sheet in place.
    """
    import time

    from .settings import _safe_stem
    from .watch import PreviewSession, watch_file

    path = output or out / _safe_stem(file) / "contact_sheet.png"

    def report(r) -> None:
        for d in r.diagnostics:
            _echo(d.headline(), err=True)
        now = time.strftime("%H:%M:%S")
        if r.ok:
            _echo(f"{now} wrote {path} in {r.seconds:.2f} s ({r.drawn} scene(s) drawn, {r.unchanged} unchanged)")
        else:
            _echo(f"{now} {file}: {r.message}; the sheet was not updated", err=True)

    _echo(f"watching {file} -> {path} (Ctrl-C to stop)")
    try:
        _stop_on_signals()
        with PreviewSession(file, path, repair=repair) as session:
            watch_file(file, session, report, interval=interval, max_cycles=max_cycles)
    except KeyboardInterrupt:
        _echo(f"stopped watching {file}", err=True)
        raise typer.Exit(0)


@command()
def build(
    files: Annotated[List[Path], typer.Argument(exists=True, help="Storyboard files, or folders of them (*.json).", show_default=False)],
    quality: Annotated[Optional[str], typer.Option("--quality", "-q", help="draft | low | medium | high (default: settings or low).")] = None,
    scenes: Annotated[Optional[str], typer.Option("--scenes", help="Only these scenes (1-based), e.g. 2,4 or 1-3.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Local executor: scenes rendered in parallel (default: CPU cores).")] = None,
    voice: Annotated[Optional[str], typer.Option("--voice", help=VOICE_HELP)] = None,
    force: Annotated[bool, typer.Option("--force", help="Ignore caches: re-synthesise and re-render everything.")] = False,
    repair: Annotated[bool, typer.Option("--repair", help="Repair LLM-damaged JSON on the fly (warnings instead of errors).")] = False,
    out: Annotated[Path, typer.Option("--out", help="Output root; the video goes to OUT/<stem>/<stem>.mp4.")] = Path("out"),
    strict: Annotated[bool, typer.Option("--strict", help="Treat storyboard warnings as errors.")] = False,
    executor: Annotated[str, typer.Option("--executor", help="Where scenes render: local (process pool) or dask (a Dask cluster; pip install 'sbc[dask]').")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", envvar="SBC_DASK_SCHEDULER", help="Dask scheduler address, tcp://HOST:PORT.")] = None,
    cache: Annotated[Optional[Path], typer.Option("--cache", help="Scene cache folder (default OUT/.cache/scenes); with dask, one every worker reaches at the same path, and clips travel through it.")] = None,
) -> None:
    """Build videos: load → validate → plan → narrate → time → generate → render → assemble.

    Writes out/<stem>/<stem>.mp4 with .srt/.vtt captions, plan.json, scenes/scene_NN.py and build.json.
    Unchanged scenes and narration come from the caches. Several storyboards (or a folder) build together:
    planned first, then every scene rendered in one queue; a summary table follows.
    """
    import time

    from .pipeline import build_many, storyboard_files
    from .settings import BuildOptions

    try:
        _stop_on_signals()
        opts = BuildOptions.from_cli(quality=quality, scenes=_parse_scenes(scenes), jobs=jobs, voice=voice,
                                     force=force, repair=repair, out_root=out, strict=strict, executor=executor,
                                     scheduler=scheduler, cache=cache)
        paths = storyboard_files(files)
        t0 = time.perf_counter()
        results = build_many(paths, opts)
    except UserError as e:
        _fail(e)
    except OSError as e:
        _fail(os_error(e))
    except KeyboardInterrupt as e:
        import signal

        signum = getattr(e, "signum", signal.SIGINT)
        _quiet_exit()
        _echo(f"interrupted ({signal.Signals(signum).name}): the build stopped; the next one resumes from the caches",
              err=True)
        raise typer.Exit(128 + signum)
    if len(results) == 1 and not any(f.is_dir() for f in files):
        typer.echo(results[0].summary())
    else:
        typer.echo(_summary(results, time.perf_counter() - t0, opts.executor))


def _stop_on_signals() -> None:
    """SIGTERM (`kill PID`, supervisors, `subprocess` timeouts) and SIGHUP (a closed terminal) stop a build
    as Ctrl-C does — through the `finally` blocks that stop the workers and remove temp files — instead of
    killing the process on the spot."""
    import signal
    import threading

    from .diagnostics import Interrupted

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, frame):
        code = frame.f_code if frame is not None else None
        if code is not None and (code.co_filename.startswith("<frozen") or code.co_name in ("__del__", "cb", "_remove")):
            # Inside the import system or a finaliser an exception is only printed ("Exception ignored in …"), not
            # raised: the signal comes back in a moment, when the build is in its own code again.
            import os

            timer = threading.Timer(0.05, os.kill, (os.getpid(), signum))
            timer.daemon = True
            timer.start()
            return
        raise Interrupted(signum)

    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None and signal.getsignal(sig) in (signal.SIG_DFL, None):
            signal.signal(sig, stop)


def _quiet_exit() -> None:
    """Once interrupted, the way out is not interrupted again: a second Ctrl-C (or a signal sent to the whole
    process group arriving twice) while the process shuts down would kill it by the signal, skipping the exit code
    128 + signal and the caches' last writes."""
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, signal.SIG_IGN)
        except (ValueError, OSError):  # not the main thread: nothing to change
            pass


def _summary(results, seconds: float, executor: str) -> str:
    """The batch table: storyboard, scenes, rendered, cached, seconds, output."""
    head = ("storyboard", "scenes", "rendered", "cached", "seconds", "output")
    rows = [(str(r.storyboard or r.report.get("storyboard", "")), str(r.scene_count), str(r.scenes_rendered),
             str(r.scenes_cached), f"{r.seconds:.1f}", str(r.video) + ("  (up to date)" if r.up_to_date else ""))
            for r in results]
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    right = {1, 2, 3, 4}

    def line(cells) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    total = (f"{len(results)} storyboard(s), {sum(r.scene_count for r in results)} scenes "
             f"({sum(r.scenes_rendered for r in results)} rendered, {sum(r.scenes_cached for r in results)} cached) "
             f"in {seconds:.1f} s, executor {executor}")
    return "\n".join([line(head), line(["-" * w for w in widths]), *map(line, rows), total])


def main() -> None:
    # sbc uses no pydantic plugins: skip their discovery (a scan of every installed package's metadata).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        fast = _fast_validate_args(sys.argv[1:])
        if fast is not None:
            sys.exit(_run_validate(*fast))
        _app()()
    except KeyboardInterrupt:
        _quiet_exit()
        _echo("interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 — a bug in sbc: one line, not a traceback (SBC_DEBUG=1 shows it)
        if os.environ.get("SBC_DEBUG"):
            raise
        _echo(f"internal error in sbc: {type(e).__name__}: {str(e)[:200]} — please report it with the storyboard; "
              "SBC_DEBUG=1 shows the traceback", err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()
