"""Preview benchmark: `sbc preview` (contact sheet) vs a cold draft build of the same storyboard.

    .venv/bin/python benchmarks/preview.py [--storyboard storyboards/transformer.json]

Both run the real commands in fresh output folders; the build also starts with empty caches.
Goal: preview <= 0.25 x the draft build.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SBC = str(Path(sys.executable).with_name("sbc"))


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyboard", type=Path, default=ROOT / "storyboards" / "transformer.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="sbc-bench-") as tmp:
        env = dict(os.environ, SBC_AUDIO_CACHE=str(Path(tmp) / "audio"))
        preview = timed([SBC, "preview", str(args.storyboard), "--out", str(Path(tmp) / "p")], env)
        build = timed([SBC, "build", str(args.storyboard), "--quality", "draft", "--out", str(Path(tmp) / "b")], env)
    ratio = preview / build
    print(f"sbc preview benchmark: {args.storyboard.name}, {os.cpu_count()} CPUs")
    print(f"  sbc preview (contact sheet)   {preview:7.2f} s")
    print(f"  sbc build --quality draft     {build:7.2f} s   (cold: no narration or scene cache)")
    print(f"  ratio {ratio:.3f}   goal <= 0.25   {'PASS' if ratio <= 0.25 else 'FAIL'}")


if __name__ == "__main__":
    main()
