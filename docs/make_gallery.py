"""Render one small picture per visual component for the README, from storyboards/gallery.json.

    .venv/bin/python docs/make_gallery.py             # writes docs/components/<kind>.png (320x180)
    .venv/bin/python docs/make_gallery.py graph plot  # only these kinds (renders only their scenes)

The frames come from sbc's own dry-run renderer (the same frames `sbc preview` shows): the state
at the end of the beat that uses the component.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from compiler.fix import write_atomic
    from compiler.inspect import inspect_storyboard
    from compiler.models import Storyboard

    data = json.loads((ROOT / "storyboards" / "gallery.json").read_text(encoding="utf-8"))
    sb = Storyboard.model_validate(data)
    wanted: dict[str, tuple[int, int]] = {}
    for s, scene in enumerate(data["scenes"], 1):
        for b, visual in enumerate(scene["visuals"], 1):
            wanted.setdefault(visual["kind"], (s, b))
    only = set(sys.argv[1:])
    if only:
        wanted = {k: v for k, v in wanted.items() if k in only}
    scenes = sorted({s for s, _ in wanted.values()}) if only else None
    shots = {(i.number, beat): img
             for i in inspect_storyboard(sb, scenes=scenes, capture=True, check=False, size=(640, 360))
             for beat, img in i.frames}
    out = ROOT / "docs" / "components"
    out.mkdir(parents=True, exist_ok=True)
    for kind, key in sorted(wanted.items()):
        buf = io.BytesIO()
        shots[key].resize((320, 180)).save(buf, format="PNG", optimize=True)
        write_atomic(out / f"{kind}.png", buf.getvalue())
        print(f"{kind:<11} scene {key[0]} beat {key[1]} -> docs/components/{kind}.png")


if __name__ == "__main__":
    main()
