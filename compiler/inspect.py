"""`sbc check` and `sbc preview`: construct every scene without encoding video.

- check: at the end of each beat, any mobject outside the safe area and any two text/formula
  mobjects that overlap are violations.
- preview: one key frame per beat, composed into a contact sheet PNG (scene and beat numbered).
Timings come from the reading-rate estimate (no narration is synthesised), so both take seconds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .dryrun import Violation, run_scene
from .generate import generate_scene
from .plan import plan_storyboard
from .timing import estimate_timings, time_plan


@dataclass(frozen=True)
class SceneInspection:
    number: int
    beats: tuple[str, ...]          # beat kinds
    violations: tuple[Violation, ...]
    frames: tuple                   # (beat, PIL image)


def inspect_storyboard(storyboard, *, scenes: list[int] | None = None, check: bool = True, capture: bool = False,
                       size: tuple[int, int] = (480, 270), jobs: int | None = None,
                       on_scene: Callable[[int], None] | None = None, plan=None) -> list[SceneInspection]:
    """Dry-run every (selected) scene; scenes run in parallel worker processes when there are several.
    `plan`: the storyboard's plan when the caller has made it already."""
    timed = time_plan(plan or plan_storyboard(storyboard), estimate_timings(storyboard))
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
    return [SceneInspection(ts.plan.number, tuple(b.beat.kind for b in ts.beats),
                            tuple(results[ts.plan.number][0]), tuple(results[ts.plan.number][1])) for ts, _ in gens]


def contact_sheet(inspections: list[SceneInspection], path: Path, *, title: str = "", columns: int = 5) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    from .fix import write_atomic

    if not any(i.frames for i in inspections):
        raise ValueError("no frames captured")
    tw, th = next(f for i in inspections for _, f in i.frames).size
    pad, label_h, head_h = 8, 18, 28
    rows = []
    for ins in inspections:
        frames = list(ins.frames)
        for k in range(0, max(1, len(frames)), columns):
            rows.append((ins, frames[k : k + columns]))
    width = pad + columns * (tw + pad)
    height = head_h + sum(label_h + th + pad for _ in rows) + pad
    sheet = Image.new("RGB", (width, height), (245, 245, 245))
    draw = ImageDraw.Draw(sheet)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 13)
        bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 15)
    except OSError:
        font = bold = ImageFont.load_default()
    draw.text((pad, 6), title or "contact sheet", fill=(20, 20, 40), font=bold)
    y = head_h
    for ins, frames in rows:
        for c, (beat, img) in enumerate(frames):
            x = pad + c * (tw + pad)
            kind = ins.beats[beat - 1] if beat - 1 < len(ins.beats) else "?"
            bad = [v for v in ins.violations if v.beat == beat]
            draw.text((x, y + 2), f"scene {ins.number} · beat {beat} · {kind}" + (" · LAYOUT!" if bad else ""),
                      fill=(190, 30, 30) if bad else (30, 30, 60), font=font)
            sheet.paste(img, (x, y + label_h))
        y += label_h + th + pad
    import io

    buf = io.BytesIO()
    sheet.save(buf, format="PNG", compress_level=6)  # optimize=True costs 3x the time for ~2% smaller
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, buf.getvalue())
    return path
