"""`sbc check` and `sbc preview`: construct every scene without encoding video.

- check: at the end of each beat, any mobject outside the safe area and any two text/formula
  mobjects that overlap are violations.
- preview: one key frame per beat, composed into a contact sheet PNG that shows the plan: under each
  frame the beat's number, kind, start time and narration sentence; under each scene its planner
  warnings (SB3xx).
Timings come from the reading-rate estimate (no narration is synthesised), so both take seconds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .dryrun import Violation, run_scene
from .generate import generate_scene
from .plan import plan_storyboard
from .timing import estimate_timings, time_plan

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .planner.beats import Plan
    from .timing import TimedScene


@dataclass(frozen=True)
class SceneInspection:
    number: int
    beats: tuple[str, ...]          # beat kinds
    violations: tuple[Violation, ...]
    frames: tuple                   # (beat, PIL image)
    starts: tuple[float, ...] = ()  # when each beat starts, seconds into the scene (estimated timing)
    sentences: tuple[str, ...] = ()  # the narration sentence each beat goes with
    title: str | None = None
    duration: float = 0.0           # seconds (estimated timing)
    warnings: tuple[str, ...] = ()  # the scene's planner warnings (SB3xx), one line each
    labels: tuple[str, ...] = ()    # each beat's number as `sbc plan` shows it ("3", "2+" inserted after 2, "v1")


def scene_notes(plan: "Plan", diagnostics: "Sequence[Diagnostic] | None" = None) -> dict[int, tuple[str, ...]]:
    """The plan's SB3xx notes per scene number, as `CODE line N: message` (the line from the positioned
    `diagnostics` that `pipeline.plan_validated` made of the same notes, in the same order, when given)."""
    import re

    out: dict[int, list[str]] = {}
    diags = list(diagnostics or ())
    for k, note in enumerate(plan.diagnostics):
        path = note.path
        if not (len(path) > 1 and path[0] == "scenes" and isinstance(path[1], int)):
            continue
        message = re.sub(r"^scene \d+: ", "", note.message)  # the sheet shows it under its scene
        where = f" line {diags[k].line}" if k < len(diags) and diags[k].code == note.code else ""
        out.setdefault(path[1] + 1, []).append(f"{note.code}{where}: {message}")
    return {n: tuple(v) for n, v in out.items()}


def describe_scene(ts: "TimedScene", violations, frames, warnings: Sequence[str] = ()) -> SceneInspection:
    """A scene's inspection: what was captured, with what the plan says about each beat."""
    texts = [s.text for s in ts.sentences]
    return SceneInspection(ts.plan.number, tuple(b.beat.kind for b in ts.beats), tuple(violations), tuple(frames),
                           tuple(b.start for b in ts.beats),
                           tuple(texts[b.sentence] if 0 <= b.sentence < len(texts) else "" for b in ts.beats),
                           ts.plan.title, ts.duration, tuple(warnings), tuple(b.beat.number for b in ts.beats))


def inspect_storyboard(storyboard, *, scenes: list[int] | None = None, check: bool = True, capture: bool = False,
                       size: tuple[int, int] = (480, 270), jobs: int | None = None,
                       on_scene: Callable[[int], None] | None = None, plan=None,
                       diagnostics: "Sequence[Diagnostic] | None" = None) -> list[SceneInspection]:
    """Dry-run every (selected) scene; scenes run in parallel worker processes when there are several.
    `plan`: the storyboard's plan when the caller has made it already, and `diagnostics` its notes as
    `pipeline.plan_validated` positioned them (for the line numbers of the warnings on the sheet)."""
    plan = plan or plan_storyboard(storyboard)
    notes = scene_notes(plan, diagnostics)
    timed = time_plan(plan, estimate_timings(storyboard))
    chosen = [ts for ts in timed.scenes if not scenes or ts.plan.number in scenes]
    gens = [(ts, generate_scene(ts)) for ts in chosen]
    jobs = min(jobs or os.cpu_count() or 1, len(gens))
    results: dict[int, tuple] = {}
    if jobs <= 1:
        for ts, gen in gens:
            ins = run_scene(gen.code, gen.class_name, ts.plan.number, check=check, capture=capture,
                            width=size[0], height=size[1])
            results[ts.plan.number] = (ins.violations, ins.frames)
            if on_scene:
                on_scene(ts.plan.number)
    else:
        import io
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        from PIL import Image

        from .dryrun import run_scene_job
        from .render_worker import warm_up

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up) as pool:
            # longest scenes first, so the workers finish together
            futures = {pool.submit(run_scene_job, gen.code, gen.class_name, ts.plan.number, check, capture,
                                   size[0], size[1]): ts.plan.number
                       for ts, gen in sorted(gens, key=lambda x: -len(x[0].beats))}
            for fut in as_completed(futures):
                violations, frames = fut.result()
                results[futures[fut]] = (violations, [(b, Image.open(io.BytesIO(png)).convert("RGB"))
                                                      for b, png in frames])
                if on_scene:
                    on_scene(futures[fut])
    return [describe_scene(ts, *results[ts.plan.number], notes.get(ts.plan.number, ())) for ts, _ in gens]


# ------------------------------------------------------------------------------------------ the sheet
SHEET_BG = (245, 245, 245)
INK = (30, 30, 60)
MUTED = (85, 85, 100)
BAD = (190, 30, 30)
WARN = (165, 80, 0)
MAX_WARNINGS = 8  # per scene; the rest are counted (the terminal lists them all)


def _fonts():
    from PIL import ImageFont

    try:
        return {"title": ImageFont.truetype("DejaVuSans-Bold.ttf", 18), "scene": ImageFont.truetype("DejaVuSans-Bold.ttf", 16),
                "beat": ImageFont.truetype("DejaVuSans-Bold.ttf", 14), "text": ImageFont.truetype("DejaVuSans.ttf", 14)}
    except OSError:
        f = ImageFont.load_default()
        return {"title": f, "scene": f, "beat": f, "text": f}


def fit_lines(text: str, font, width: float, max_lines: int) -> list[str]:
    """`text` wrapped at spaces to lines of at most `width` pixels; what does not fit in `max_lines` is cut
    with "…"."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    cur = ""
    k = 0
    while k < len(words) and len(lines) < max_lines:
        w = words[k]
        trial = f"{cur} {w}" if cur else w
        if font.getlength(trial) <= width:
            cur, k = trial, k + 1
            continue
        if not cur:  # one word wider than the line: cut it
            n = len(w)
            while n > 1 and font.getlength(w[:n]) > width:
                n -= 1
            lines.append(w[:n])
            words[k] = w[n:]
            continue
        lines.append(cur)
        cur = ""
    if cur and len(lines) < max_lines:
        lines.append(cur)
        cur = ""
    if k < len(words) or cur:  # more text than lines: the last line ends with an ellipsis
        last = lines[-1] if lines else ""
        while last and font.getlength(last.rstrip(" ,;:") + " …") > width:
            last = last[:-1]
        lines[-1:] = [last.rstrip(" ,;:") + " …"]
    return [x for x in lines if x] or [""]


def contact_sheet(inspections: list[SceneInspection], path: Path, *, title: str = "", columns: int = 5) -> Path:
    """A PNG of every beat's key frame, one row of up to `columns` frames per line, scene after scene. Under
    each frame: beat number, kind, start time and the narration sentence the beat goes with; after a scene's
    frames, its planner warnings."""
    from PIL import Image, ImageDraw

    from .fix import write_atomic

    if not any(i.frames for i in inspections):
        raise ValueError("no frames captured")
    tw, th = next(f for i in inspections for _, f in i.frames).size
    fonts = _fonts()
    pad, gap = 10, 8
    beat_h, text_h, narr_lines = 19, 17, 2
    cap_h = 4 + beat_h + narr_lines * text_h + 4
    head_h, scene_h, warn_h = 50, 26, 18
    width = pad + columns * (tw + pad)
    text_w = width - 2 * pad

    blocks: list[tuple[str, object]] = []  # ("scene", ins) | ("frames", (ins, frames)) | ("warn", str)
    for ins in inspections:
        blocks.append(("scene", ins))
        frames = list(ins.frames)
        for k in range(0, len(frames), columns):
            blocks.append(("frames", (ins, frames[k : k + columns])))
        shown = list(ins.warnings[:MAX_WARNINGS])
        for w in shown:
            for j, line in enumerate(fit_lines(w, fonts["text"], text_w - 24, 3)):
                blocks.append(("warn", ("⚠ " if j == 0 else "    ") + line))
        if len(ins.warnings) > MAX_WARNINGS:
            blocks.append(("warn", f"… and {len(ins.warnings) - MAX_WARNINGS} more warning(s): see the terminal"))
    heights = {"scene": scene_h + gap, "frames": th + cap_h + gap, "warn": warn_h}
    height = head_h + sum(heights[kind] for kind, _ in blocks) + pad * len(inspections) + pad
    sheet = Image.new("RGB", (width, height), SHEET_BG)
    draw = ImageDraw.Draw(sheet)
    draw.text((pad, 6), title or "contact sheet", fill=INK, font=fonts["title"])
    draw.text((pad, 29), "under each frame: beat · kind · start time (estimated from the reading rate) · "
              "its narration sentence; under each scene: its planner warnings", fill=MUTED, font=fonts["text"])
    y = head_h
    first = True
    for kind, item in blocks:
        if kind == "scene":
            ins = item
            if not first:
                y += pad
                draw.line([(pad, y - pad // 2), (width - pad, y - pad // 2)], fill=(200, 200, 210), width=1)
            first = False
            n_warn = len(ins.warnings)
            head = f"Scene {ins.number}" + (f" — {ins.title}" if ins.title else "")
            tail = (f"   {ins.duration:.1f} s · {len(ins.beats)} beat(s)" if ins.duration else f"   {len(ins.beats)} beat(s)") \
                + (f" · {n_warn} warning(s)" if n_warn else "")
            head = fit_lines(head, fonts["scene"], text_w - fonts["scene"].getlength(tail), 1)[0]
            draw.text((pad, y + 4), head + tail, fill=INK, font=fonts["scene"])
            y += scene_h + gap
        elif kind == "frames":
            ins, frames = item
            for c, (beat, img) in enumerate(frames):
                x = pad + c * (tw + pad)
                sheet.paste(img, (x, y))
                i = beat - 1
                bad = sorted({v.kind for v in ins.violations if v.beat == beat})
                kind_ = ins.beats[i] if i < len(ins.beats) else "?"
                when = f" · {ins.starts[i]:.1f} s" if i < len(ins.starts) else ""
                line = f"{ins.labels[i] if i < len(ins.labels) else beat} · {kind_}{when}"
                if bad:
                    draw.rectangle([x - 2, y - 2, x + tw + 1, y + th + 1], outline=BAD, width=2)
                    line += " · layout: " + ", ".join(bad)
                cy = y + th + 4
                draw.text((x, cy), fit_lines(line, fonts["beat"], tw, 1)[0], fill=BAD if bad else INK, font=fonts["beat"])
                cy += beat_h
                said = ins.sentences[i] if i < len(ins.sentences) else ""
                if said:
                    for ln in fit_lines(f"“{said}”", fonts["text"], tw, narr_lines):
                        draw.text((x, cy), ln, fill=MUTED, font=fonts["text"])
                        cy += text_h
            y += th + cap_h + gap
        else:
            draw.text((pad + 4, y), item, fill=WARN, font=fonts["text"])
            y += warn_h
    import io

    buf = io.BytesIO()
    sheet.save(buf, format="PNG", compress_level=6)  # optimize=True costs 3x the time for ~2% smaller
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, buf.getvalue())
    return path
