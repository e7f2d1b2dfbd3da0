"""`sbc check` and `sbc preview`: construct every scene without encoding video.

- check: at the end of each beat, any mobject outside the safe area and any two text/formula
  mobjects that overlap are violations.
- preview: one key frame per beat, composed into a contact sheet PNG (scene and beat numbered).
Timings come from the reading-rate estimate (no narration is synthesised), so both take seconds.
"""

from __future__ import annotations

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
                       size: tuple[int, int] = (480, 270),
                       on_scene: Callable[[int], None] | None = None) -> list[SceneInspection]:
    timed = time_plan(plan_storyboard(storyboard), estimate_timings(storyboard))
    out = []
    for ts in timed.scenes:
        if scenes and ts.plan.number not in scenes:
            continue
        gen = generate_scene(ts)
        ins = run_scene(gen.code, gen.class_name, ts.plan.number, check=check, capture=capture,
                        width=size[0], height=size[1])
        out.append(SceneInspection(ts.plan.number, tuple(b.beat.kind for b in ts.beats), tuple(ins.violations),
                                   tuple(ins.frames)))
        if on_scene:
            on_scene(ts.plan.number)
    return out


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
    sheet.save(buf, format="PNG", optimize=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, buf.getvalue())
    return path
