"""Build benchmark: cold build, no-op rebuild, one-scene edit, --jobs 1 vs 2, assemble's share.

Measured side by side in one run on storyboards/transformer.json (default: low quality, default
voice). Every build runs the real `sbc build` command in a fresh output root and narration cache,
so "cold" means nothing cached.

    .venv/bin/python benchmarks/build.py [--quality low] [--storyboard storyboards/transformer.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SBC = str(Path(sys.executable).with_name("sbc"))


def sbc_build(storyboard: Path, out: Path, audio: Path, *extra: str) -> tuple[float, dict]:
    env = dict(os.environ, SBC_AUDIO_CACHE=str(audio))
    t0 = time.perf_counter()
    r = subprocess.run([SBC, "build", str(storyboard), "--out", str(out), *extra], capture_output=True, text=True,
                       env=env)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"build failed:\n{r.stderr[-3000:]}")
    return dt, json.loads((out / storyboard.stem / "build.json").read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyboard", type=Path, default=ROOT / "storyboards" / "transformer.json")
    ap.add_argument("--quality", default="low")
    ap.add_argument("--voice", default=None, help="ENGINE[:VOICE] (default: the default engine)")
    args = ap.parse_args()
    common = ["--quality", args.quality] + (["--voice", args.voice] if args.voice else [])
    with tempfile.TemporaryDirectory(prefix="sbc-bench-") as tmp:
        tmpd = Path(tmp)
        story = tmpd / args.storyboard.name
        shutil.copy(args.storyboard, story)
        out, audio = tmpd / "out", tmpd / "audio"

        cold, cold_report = sbc_build(story, out, audio, *common, "--jobs", "2")
        noop, noop_report = sbc_build(story, out, audio, *common, "--jobs", "2")
        data = json.loads(story.read_text())
        data["scenes"][2]["audio_text"] += " This sentence was added to measure a one-scene edit."
        story.write_text(json.dumps(data, indent=2))
        edit, edit_report = sbc_build(story, out, audio, *common, "--jobs", "2")
        story.write_text(args.storyboard.read_text())

        # --jobs 1 vs --jobs 2: fresh scene cache each, narration already cached (render is what differs)
        j1, j1_report = sbc_build(story, tmpd / "out-j1", audio, *common, "--jobs", "1")
        j2, j2_report = sbc_build(story, tmpd / "out-j2", audio, *common, "--jobs", "2")

    n = len(cold_report["scenes"])
    assemble_share = cold_report["stages_s"]["assemble"] / cold
    rows = [
        ("cold build (--jobs 2)", cold, ""),
        ("no-op rebuild", noop, f"{noop / cold:.3f} x cold   goal <= 0.03   {'PASS' if noop / cold <= 0.03 else 'FAIL'}"),
        ("edit one scene's audio_text", edit,
         f"{edit / cold:.3f} x cold   goal <= {1 / n + 0.15:.3f}   {'PASS' if edit / cold <= 1 / n + 0.15 else 'FAIL'}"
         f"   (rendered {edit_report['cache']['scenes_rendered']}, cached {edit_report['cache']['scenes_cached']})"),
        ("--jobs 1 (narration cached)", j1, ""),
        ("--jobs 2 (narration cached)", j2,
         f"speed-up {j1 / j2:.2f}x   goal >= 1.6   {'PASS' if j1 / j2 >= 1.6 else 'FAIL'}"),
    ]
    print(f"sbc build benchmark: {args.storyboard.name}, {n} scenes, quality {args.quality}, "
          f"video {cold_report['duration_s']:.1f} s, {os.cpu_count()} CPUs")
    for name, secs, note in rows:
        print(f"  {name:<30} {secs:8.2f} s   {note}")
    print(f"  assemble share of cold build  {assemble_share:8.3f}       goal <= 0.10   "
          f"{'PASS' if assemble_share <= 0.10 else 'FAIL'}")
    print(f"  cold stages (s): {json.dumps(cold_report['stages_s'])}")


if __name__ == "__main__":
    main()
