"""The `sbc` command line: a thin Typer adapter.

Each command parses options, builds settings, calls one library function and maps `UserError`
to exit code 1. Heavy modules (manim, moviepy) are imported inside the commands that need them,
so `sbc validate` stays fast enough for a pre-commit hook.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .diagnostics import UserError, dumps

app = typer.Typer(
    name="sbc",
    help="sbc — the storyboard compiler. Turns a storyboard JSON (scenes with scene_plot, animation_details, "
         "animation_style, audio_text) into a narrated explainer video.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _fail(e: UserError) -> None:
    typer.echo(e.format(), err=True)
    raise typer.Exit(1)


@app.command()
def validate(
    files: List[Path] = typer.Argument(..., help="Storyboard files to check.", show_default=False),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings (unknown keys, placeholders…) as errors."),
    fmt: str = typer.Option("text", "--format", help="Output format: text or json."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems."),
) -> None:
    """Check storyboards without rendering: schema and semantic checks.

    Prints `file:line:col: CODE message` for each problem. Exit 0 if every file is valid, 1 if any is
    invalid, 2 on a usage error (e.g. a file that does not exist).
    """
    from .validate import validate_file

    if fmt not in ("text", "json"):
        typer.echo(f"error: --format must be text or json, not {fmt!r}", err=True)
        raise typer.Exit(2)
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        typer.echo("error: no such file: " + ", ".join(missing), err=True)
        raise typer.Exit(2)
    results = [validate_file(f, strict=strict) for f in files]
    if fmt == "json":
        typer.echo(dumps([r.report.to_json() for r in results]))
    else:
        for r in results:
            if r.report.diagnostics:
                typer.echo(r.report.format(), err=not r.ok)
            if not quiet:
                status = "ok" if r.ok else "invalid"
                n_err, n_warn = len(r.report.errors), len(r.report.warnings)
                typer.echo(f"{r.report.file}: {status} ({n_err} error(s), {n_warn} warning(s))", err=not r.ok)
    raise typer.Exit(0 if all(r.ok for r in results) else 1)


@app.command()
def fix(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A storyboard damaged by a language model."),
    write: bool = typer.Option(False, "--write", "-w", help="Rewrite the file (atomically) instead of printing a diff."),
) -> None:
    """Repair LLM-damaged JSON: code fences, prose around it, missing/trailing commas, raw newlines, single quotes.

    Without --write, prints a unified diff. The repaired storyboard is validated; exit 1 if it still has errors.
    """
    from .fix import RepairFailed, repair_text, write_atomic
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
        write_atomic(file, rep.repaired)
        typer.echo(f"{file}: repaired ({len(rep.damage)} problem(s) fixed)", err=True)
    else:
        typer.echo(rep.diff(str(file)), nl=False)
    if result.report.diagnostics:
        typer.echo(result.report.format(), err=True)
    raise typer.Exit(0 if result.ok else 1)


@app.command()
def schema(
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Print the storyboard JSON Schema (draft 2020-12), for editors and other validators."""
    from .schema import storyboard_schema

    text = json.dumps(storyboard_schema(), indent=2, ensure_ascii=False) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)


@app.command()
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


def _load_storyboard(file: Path, strict: bool = False, repair: bool = False):
    from .pipeline import load_and_validate

    try:
        return load_and_validate(file, strict=strict, repair=repair)
    except UserError as e:
        _fail(e)


def _parse_scenes(spec: Optional[str]) -> Optional[list[int]]:
    if not spec:
        return None
    out: list[int] = []
    try:
        for part in spec.split(","):
            part = part.strip()
            if "-" in part:
                a, b = part.split("-", 1)
                out.extend(range(int(a), int(b) + 1))
            elif part:
                out.append(int(part))
    except ValueError:
        typer.echo(f"error: --scenes takes numbers like 2,4 or 1-3, not {spec!r}", err=True)
        raise typer.Exit(2)
    return out


@app.command()
def plan(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Storyboard file."),
    as_json: bool = typer.Option(False, "--json", help="Print the plan as JSON (the format in the README)."),
    explain: bool = typer.Option(False, "--explain", help="Per sentence: the beats it produced and the rule that fired."),
    repair: bool = typer.Option(False, "--repair", help="Repair LLM-damaged JSON on the fly (warnings instead of errors)."),
) -> None:
    """Show the beats each scene compiles to, with the rule that chose them and their timings (estimated
    from the reading rate; `sbc build` uses the real narration)."""
    from .plan import plan_storyboard
    from .timing import estimate_timings, time_plan

    v = _load_storyboard(file, repair=repair)
    p = plan_storyboard(v.storyboard)
    timed = time_plan(p, estimate_timings(v.storyboard))
    for d in p.diagnostics:
        typer.echo(v.loaded.diag(d.code, d.message, d.path, severity=d.severity).headline(), err=True)
    if as_json:
        typer.echo(dumps(timed.to_json()))
    else:
        typer.echo(timed.describe(explain=explain))


@app.command()
def build(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Storyboard file."),
    quality: Optional[str] = typer.Option(None, "--quality", "-q", help="draft | low | medium | high (default: settings or low)."),
    scenes: Optional[str] = typer.Option(None, "--scenes", help="Only these scenes (1-based), e.g. 2,4 or 1-3."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Scenes rendered in parallel (default: CPU cores)."),
    voice: Optional[str] = typer.Option(None, "--voice", help="ENGINE[:VOICE]: piper, espeak, gtts, silent."),
    force: bool = typer.Option(False, "--force", help="Ignore caches: re-synthesise and re-render everything."),
    repair: bool = typer.Option(False, "--repair", help="Repair LLM-damaged JSON on the fly (warnings instead of errors)."),
    out: Path = typer.Option(Path("out"), "--out", help="Output root; the video goes to OUT/<stem>/<stem>.mp4."),
    strict: bool = typer.Option(False, "--strict", help="Treat storyboard warnings as errors."),
) -> None:
    """Build the video: load → validate → plan → narrate → time → generate → render → assemble.

    Writes out/<stem>/<stem>.mp4 with .srt/.vtt captions, plan.json, scenes/scene_NN.py and build.json.
    Unchanged scenes and narration come from the caches.
    """
    from .settings import BuildOptions

    opts = BuildOptions.from_cli(quality=quality, scenes=_parse_scenes(scenes), jobs=jobs, voice=voice,
                                 force=force, repair=repair, out_root=out, strict=strict)
    try:
        from .pipeline import build as run_build

        result = run_build(file, opts)
    except UserError as e:
        _fail(e)
    typer.echo(f"wrote {result.video}  ({result.duration_s:.1f} s, {result.scene_count} scenes)")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
