"""Is `sbc validate` fast enough for a pre-commit hook? Wall time, measured side by side in one run.

    .venv/bin/python benchmarks/validate.py [--runs 7] [--files 100] [--storyboard storyboards/transformer.json]

1. `sbc validate STORYBOARD` vs `check-jsonschema --schemafile <sbc schema> STORYBOARD`: the same file
   checked against the same rules by a general JSON Schema tool. Goal: sbc / check-jsonschema <= 0.6.
2. `sbc validate` on N copies of the storyboard in ONE call vs on one file: start-up dominates, the
   per-file cost must be small. Goal: N files / 1 file <= 1.5.

Each command is a fresh process (the console scripts of this interpreter's environment), run `--runs`
times, interleaved; the best run counts. Exit 1 if a goal is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GOAL_VS_CHECK_JSONSCHEMA = 0.6
GOAL_MANY_VS_ONE = 1.5


def wall(cmd: list[str], expect: int) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t
    if r.returncode != expect:
        raise SystemExit(f"error: {' '.join(cmd[:3])}... exited {r.returncode}, expected {expect}:\n"
                         f"{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return elapsed


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--storyboard", type=Path, default=ROOT / "storyboards" / "transformer.json")
    args = ap.parse_args()

    sbc = BIN / "sbc"
    cjs = BIN / "check-jsonschema"
    for exe in (sbc, cjs):
        if not exe.exists():
            print(f"error: {exe} not found (install the project with the dev extra: make setup)", file=sys.stderr)
            return 2
    story = args.storyboard.resolve()

    with tempfile.TemporaryDirectory(prefix="sbc-bench-") as tmp:
        tmp_dir = Path(tmp)
        schema = tmp_dir / "storyboard.schema.json"
        subprocess.run([str(sbc), "schema", "--output", str(schema)], check=True)
        many = []
        for i in range(args.files):
            p = tmp_dir / f"storyboard_{i:03d}.json"
            shutil.copyfile(story, p)
            many.append(str(p))

        commands = {
            "sbc validate (1 file)": ([str(sbc), "validate", str(story)], 0),
            "check-jsonschema (1 file)": ([str(cjs), "--schemafile", str(schema), str(story)], 0),
            f"sbc validate ({args.files} files, one call)": ([str(sbc), "validate", "--quiet", *many], 0),
        }
        for cmd, expect in commands.values():  # warm-up: .pyc files, page cache; also checks they work
            wall(cmd, expect)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (cmd, expect) in commands.items():
                times[name].append(wall(cmd, expect))

    best = {name: min(ts) for name, ts in times.items()}
    one, other, batch = best.values()
    rel = story.relative_to(ROOT) if story.is_relative_to(ROOT) else story
    print(f"storyboard: {rel} ({story.stat().st_size:,} bytes); best of {args.runs} runs each, wall time")
    width = max(map(len, best))
    for name, ts in times.items():
        print(f"  {name:<{width}}  {best[name] * 1000:7.1f} ms   (median {sorted(ts)[len(ts) // 2] * 1000:.1f} ms)")
    r1, r2 = one / other, batch / one
    ok1, ok2 = r1 <= GOAL_VS_CHECK_JSONSCHEMA, r2 <= GOAL_MANY_VS_ONE
    label1, label2 = "sbc / check-jsonschema", f"{args.files} files / 1 file (sbc)"
    w = max(len(label1), len(label2))
    print(f"{label1:<{w}} = {r1:.2f}  (goal <= {GOAL_VS_CHECK_JSONSCHEMA})  {verdict(ok1)}")
    print(f"{label2:<{w}} = {r2:.2f}  (goal <= {GOAL_MANY_VS_ONE})  {verdict(ok2)}")
    return 0 if ok1 and ok2 else 1


if __name__ == "__main__":
    sys.exit(main())
