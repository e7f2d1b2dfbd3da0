"""Watch benchmark: how long from a save to a refreshed contact sheet with `sbc watch`.

    .venv/bin/python benchmarks/watch.py [--storyboard storyboards/transformer.json] [--edits 3]

Runs the real command (this checkout's `python -m compiler.cli watch`) on a copy of a storyboard of at
least 6 scenes and saves the copy the way an editor does, timing each save until the `wrote …` line:

- first sheet: from launching the command (interpreter, imports, every scene drawn);
- edit one scene: a quoted string of one scene's animation_details changed (one scene drawn again);
- no-op saves: the same bytes saved again (nothing to do: no refresh expected), and the same storyboard
  reformatted (validated and planned again, every scene from memory);
- an invalid save (the last good sheet kept), and Ctrl-C (one line, exit 0).

Each save's figure includes the wait for the next look at the file (every 0.2 s). Goal: edit one scene
<= 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_S = 2.0


class Watch:
    """`sbc watch FILE` in a child process; its output lines, each with the time it arrived."""

    def __init__(self, file: Path, sheet: Path):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-m", "compiler.cli", "watch", str(file), "-o", str(sheet)],
                                     cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True)
        self.lines: queue.Queue = queue.Queue()
        for stream, name in ((self.proc.stdout, "out"), (self.proc.stderr, "err")):
            threading.Thread(target=self._read, args=(stream, name), daemon=True).start()

    def _read(self, stream, name: str) -> None:
        for line in stream:
            self.lines.put((time.perf_counter(), name, line.rstrip("\n")))

    def until(self, pattern: str, timeout: float = 120.0) -> tuple[float, str]:
        """(arrival time, line) of the next line matching `pattern`."""
        end = time.time() + timeout
        while time.time() < end:
            try:
                t, _, line = self.lines.get(timeout=max(0.01, end - time.time()))
            except queue.Empty:
                break
            if re.search(pattern, line):
                return t, line
        sys.exit(f"no line matching {pattern!r} within {timeout:.0f} s")

    def quiet_for(self, seconds: float, pattern: str) -> bool:
        end = time.time() + seconds
        while time.time() < end:
            try:
                _, _, line = self.lines.get(timeout=max(0.01, end - time.time()))
            except queue.Empty:
                return True
            if re.search(pattern, line):
                return False
        return True


def save(path: Path, text: str) -> float:
    path.write_text(text, encoding="utf-8")
    return time.perf_counter()


def edited(data: dict, scene: int, k: int) -> dict:
    """The storyboard with the first quoted string of one scene's animation_details changed."""
    d = json.loads(json.dumps(data))
    s = d["scenes"][scene]
    new, n = re.subn(r'"([^"]+)"', lambda m: f'"{m.group(1)} {k}"', s["animation_details"], count=1)
    s["animation_details"] = new if n else s["animation_details"] + f' Show the text "Edit {k}".'
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyboard", type=Path, default=ROOT / "storyboards" / "transformer.json")
    ap.add_argument("--edits", type=int, default=3, help="edit-one-scene rounds (a different scene each)")
    args = ap.parse_args()
    data = json.loads(args.storyboard.read_text(encoding="utf-8"))
    n = len(data["scenes"])
    if n < 6:
        sys.exit(f"{args.storyboard} has {n} scenes; the benchmark wants at least 6")
    wrote = r" wrote .* in ([\d.]+) s \((\d+) scene\(s\) drawn, (\d+) unchanged\)"
    with tempfile.TemporaryDirectory(prefix="sbc-watch-bench-") as tmp:
        file, sheet = Path(tmp) / args.storyboard.name, Path(tmp) / "sheet.png"
        shutil.copy(args.storyboard, file)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        save(file, text)
        w = Watch(file, sheet)
        t, line = w.until(wrote)
        first, first_refresh = t - w.t0, float(re.search(wrote, line).group(1))
        time.sleep(0.5)

        edits = []
        for k in range(args.edits):
            scene = (1 + 2 * k) % n
            text = json.dumps(edited(data, scene, k), indent=2, ensure_ascii=False) + "\n"
            t_save = save(file, text)
            t, line = w.until(wrote)
            m = re.search(wrote, line)
            edits.append((scene + 1, t - t_save, float(m.group(1)), int(m.group(2)), int(m.group(3))))
            time.sleep(0.5)

        t_save = save(file, text)  # the same bytes again
        same_quiet = w.quiet_for(1.5, wrote)
        reformatted = json.dumps(json.loads(text), indent=4, ensure_ascii=False) + "\n"
        t_save = save(file, reformatted)
        t, line = w.until(wrote)
        m = re.search(wrote, line)
        noop = (t - t_save, float(m.group(1)), int(m.group(2)), int(m.group(3)))
        time.sleep(0.5)

        before = sheet.stat().st_mtime_ns
        t_save = save(file, reformatted.replace('"scenes"', '"scenes" "oops"', 1))
        t, _ = w.until(r"the sheet was not updated")
        invalid = t - t_save
        kept = sheet.stat().st_mtime_ns == before

        t_int = time.perf_counter()
        w.proc.send_signal(signal.SIGINT)
        w.proc.wait(timeout=30)
        stop = time.perf_counter() - t_int
        time.sleep(0.2)
        tail = []
        while not w.lines.empty():
            tail.append(w.lines.get()[2])

    print(f"sbc watch benchmark: {args.storyboard.name}, {n} scenes, {os.cpu_count()} CPUs")
    print(f"  first sheet (launch to sheet)          {first:6.2f} s   (refresh itself {first_refresh:.2f} s)")
    for scene, latency, refresh, drawn, unchanged in edits:
        print(f"  edit scene {scene}: save to sheet          {latency:6.2f} s   (refresh {refresh:.2f} s; "
              f"{drawn} drawn, {unchanged} unchanged)")
    median = statistics.median(e[1] for e in edits)
    print(f"  no-op save, same bytes                 {'no refresh' if same_quiet else 'REFRESHED'} (watched 1.5 s)")
    print(f"  no-op save, reformatted: save to sheet {noop[0]:6.2f} s   (refresh {noop[1]:.2f} s; "
          f"{noop[2]} drawn, {noop[3]} unchanged)")
    print(f"  invalid save: save to errors           {invalid:6.2f} s   (last good sheet {'kept' if kept else 'REWRITTEN'})")
    print(f"  Ctrl-C: exit {w.proc.returncode} after {stop:.2f} s, last line {tail[-1] if tail else '(none)'!r}")
    print(f"  edit one scene, median {median:.2f} s   goal <= {GOAL_S:g} s   {'PASS' if median <= GOAL_S else 'FAIL'}")


if __name__ == "__main__":
    main()
