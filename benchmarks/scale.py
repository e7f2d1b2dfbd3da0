"""Scale benchmark: a batch build on the local executor vs a local Dask cluster, and a capacity plan.

1. Measured, side by side in one run on this machine: a batch of 3 storyboards (`sbc build A B C`), with
   a fresh scene cache each time and the narration already cached, once with `--executor local --jobs 2`
   and once with `--executor dask` on a cluster of 2 workers (1 thread each) on loopback, started with the
   README's commands. Repeated `--repeat` times, alternating; the best of each is compared.
   Goal: dask <= 1.15 x local.
2. Projected: the wall time of a course of `--course` storyboards (the measured ones, cycled) on 1, 2, 4 …
   64 workers, from the per-segment render times in `build.json` of real builds (the local run above, or
   `--from out/*/build.json`). Model: the client prepares every storyboard (validate, plan, narrate, time,
   generate: its measured stage times, one after the other), then the scene jobs run longest first on W
   identical workers (list scheduling, plus a per-job overhead: measured in part 1, at least 50 ms), and the client
   assembles each storyboard as soon as its scenes are done, one at a time. Wall = prepare + the end of the
   last assembly. Workers are assumed as fast as one core of this machine.

    .venv/bin/python benchmarks/scale.py [--quality low] [--voice silent] [--repeat 2]
    .venv/bin/python benchmarks/scale.py --from out/*/build.json [--course 50]   # projection only
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SBC = str(Path(sys.executable).with_name("sbc"))
STORYBOARDS = ["derivative.json", "normal-distribution.json", "projectile.json"]
WORKERS = [1, 2, 4, 8, 16, 32, 64]
OVERHEAD_FLOOR_S = 0.05
PREPARE = ("validate", "plan", "narrate", "time", "generate")


# ------------------------------------------------------------------------------------------- measured
def warm_narration(stories: list[Path], voice: str | None, audio: Path) -> None:
    """Narrate every scene once into the shared narration cache, so both measured builds only render."""
    from compiler.narrate import narrate_scenes
    from compiler.pipeline import load_and_validate
    from compiler.plan import plan_storyboard

    with tempfile.TemporaryDirectory() as work:
        for s in stories:
            sb = load_and_validate(s).storyboard
            voice_ = voice or (sb.settings.voice if sb.settings else None)
            narrate_scenes(plan_storyboard(sb).scenes, default_voice=voice_, cache_dir=audio, work_dir=Path(work),
                           base_dir=s.parent)


def sbc_batch(stories: list[Path], out: Path, audio: Path, common: list[str], *extra: str) -> tuple[float, list[dict]]:
    env = dict(os.environ, SBC_AUDIO_CACHE=str(audio))
    t0 = time.perf_counter()
    r = subprocess.run([SBC, "build", *map(str, stories), "--out", str(out), *common, *extra], capture_output=True,
                       text=True, env=env)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"build failed:\n{r.stderr[-3000:]}")
    return dt, [json.loads((out / s.stem / "build.json").read_text()) for s in stories]


def measure(args) -> tuple[list[dict], float | None]:
    from tests.test_dask import dask_cluster

    common = ["--quality", args.quality] + (["--voice", args.voice] if args.voice else [])
    with tempfile.TemporaryDirectory(prefix="sbc-scale-") as tmp:
        tmpd = Path(tmp)
        stories = []
        for name in args.storyboards:
            src = Path(name) if Path(name).exists() else ROOT / "storyboards" / name
            stories.append(Path(shutil.copy(src, tmpd / src.name)))
        audio = tmpd / "audio"
        warm_narration(stories, args.voice, audio)
        runs: dict[str, list[tuple[float, list[dict]]]] = {"local": [], "dask": []}
        with dask_cluster(tmpd / "cluster", workers=2) as address:
            for k in range(args.repeat):
                runs["local"].append(sbc_batch(stories, tmpd / f"out-local-{k}", audio, common, "--executor", "local",
                                               "--jobs", "2"))
                runs["dask"].append(sbc_batch(stories, tmpd / f"out-dask-{k}", audio, common, "--executor", "dask",
                                              "--scheduler", address))
    (local, local_reports), (dask, dask_reports) = (min(runs["local"], key=lambda r: r[0]),
                                                    min(runs["dask"], key=lambda r: r[0]))
    n_scenes = sum(len(r["scenes"]) for r in local_reports)
    n_jobs = sum(len(s["segments"]) for r in local_reports for s in r["scenes"])
    video = sum(r["duration_s"] for r in local_reports)
    ratio = dask / local
    print(f"sbc scale benchmark: {len(stories)} storyboards ({', '.join(s.name for s in stories)}), {n_scenes} scenes, "
          f"{n_jobs} segment jobs, quality {args.quality}, voice {args.voice or 'default'}, video {video:.1f} s, "
          f"{os.cpu_count()} CPUs")
    print("  measured (cold scene cache, narration cached; the cluster started once before the runs, as an existing "
          "one would be; best of "
          f"{args.repeat}: local {', '.join(f'{t:.2f}' for t, _ in runs['local'])} s, "
          f"dask {', '.join(f'{t:.2f}' for t, _ in runs['dask'])} s)")
    print(f"  {'--executor local --jobs 2':<42} {local:8.2f} s")
    print(f"  {'--executor dask (2 workers x 1 thread)':<42} {dask:8.2f} s   {ratio:.2f} x local   goal <= 1.15   "
          f"{'PASS' if ratio <= 1.15 else 'FAIL'}")
    # the cluster's extra cost per job: the render stage's wall time, dask minus local, spread over the jobs
    render_wall = lambda reports: max(r["stages_s"]["render"] for r in reports)  # noqa: E731
    overhead = max(0.0, render_wall(dask_reports) - render_wall(local_reports)) * 2 / n_jobs
    return local_reports, overhead


# ------------------------------------------------------------------------------------------ projected
@dataclass(frozen=True)
class Board:
    name: str
    prepare_s: float
    assemble_s: float
    jobs: tuple[float, ...]   # render seconds of each segment job


def boards_from(reports: list[dict]) -> list[Board]:
    out = []
    for r in reports:
        jobs = []
        for s in r["scenes"]:
            costs = [seg.get("cost_s") for seg in s.get("segments", [])]
            if costs and all(c is not None for c in costs):
                jobs += costs
            else:  # an older build.json, or clips cached before their cost was recorded: the scene as one job
                jobs.append(s["render_s"])
        st = r["stages_s"]
        out.append(Board(r["storyboard"], sum(st.get(k, 0.0) for k in PREPARE), st.get("assemble", 0.0), tuple(jobs)))
    return out


def simulate(course: list[Board], workers: int, overhead: float) -> tuple[float, float, float]:
    """(render makespan, wall, busy share of the workers) for the course on `workers` workers."""
    jobs = sorted(((c + overhead, b) for b, board in enumerate(course) for c in board.jobs), key=lambda j: -j[0])
    free = [0.0] * workers
    done = [0.0] * len(course)
    for cost, b in jobs:
        start = heapq.heappop(free)
        heapq.heappush(free, start + cost)
        done[b] = max(done[b], start + cost)
    makespan = max(free)
    t = 0.0
    for b in sorted(range(len(course)), key=lambda b: done[b]):  # the client assembles as storyboards complete
        t = max(t, done[b]) + course[b].assemble_s
    prepare = sum(b.prepare_s for b in course)
    busy = sum(c for c, _ in jobs) / (workers * makespan) if makespan else 0.0
    return makespan, prepare + t, busy


def project(reports: list[dict], course_size: int, overhead: float) -> None:
    boards = boards_from(reports)
    course = [boards[i % len(boards)] for i in range(course_size)]
    n_jobs = sum(len(b.jobs) for b in course)
    work = sum(sum(b.jobs) for b in course)
    prepare = sum(b.prepare_s for b in course)
    assemble = sum(b.assemble_s for b in course)
    print(f"  projected: a course of {course_size} storyboards ({', '.join(b.name for b in boards)} cycled): "
          f"{n_jobs} segment jobs, {work:.0f} s of rendering, client {prepare:.1f} s preparing + "
          f"{assemble:.1f} s assembling, {overhead * 1000:.0f} ms overhead per job")
    print(f"    {'workers':>7}  {'render makespan':>15}  {'wall':>9}  {'speed-up':>8}  {'workers busy':>12}")
    base = None
    for w in WORKERS:
        makespan, wall, busy = simulate(course, w, overhead)
        base = base or wall
        print(f"    {w:>7}  {makespan:>13.1f} s  {wall:>7.1f} s  {base / wall:>7.1f}x  {busy:>11.0%}")
    print("    (past the point where the speed-up flattens, the client's narration and assembly are the limit: "
          "cache narration in a shared audio/, or split the course over several clients)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyboards", nargs="+", default=STORYBOARDS)
    ap.add_argument("--quality", default="low")
    ap.add_argument("--voice", default="silent", help="ENGINE[:VOICE]; narration is cached before measuring")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--course", type=int, default=50, help="storyboards in the projected course")
    ap.add_argument("--from", dest="reports", nargs="+", type=Path, help="build.json files: projection only")
    ap.add_argument("--overhead", type=float, default=None, help="seconds per job on a cluster (default: measured, "
                    f"at least {OVERHEAD_FLOOR_S})")
    args = ap.parse_args()
    if args.reports:
        reports = [json.loads(p.read_text()) for p in args.reports]
        print(f"sbc scale projection from {len(reports)} build.json file(s)")
        overhead = OVERHEAD_FLOOR_S
    else:
        reports, overhead = measure(args)
    if args.overhead is not None:
        overhead = args.overhead
    elif overhead < OVERHEAD_FLOOR_S:
        print(f"  (cluster overhead per job measured here: {overhead * 1000:.0f} ms; projected with "
              f"{OVERHEAD_FLOOR_S * 1000:.0f} ms for scheduling and transfer over a real network)")
        overhead = OVERHEAD_FLOOR_S
    project(reports, args.course, overhead)


if __name__ == "__main__":
    main()
