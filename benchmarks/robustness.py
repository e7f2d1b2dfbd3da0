"""Robustness figures: fuzz cases, hostile text, killed builds, failing voices, paths, size and memory,
signals (Ctrl-C, SIGTERM, SIGKILL of the main process), two builds at once, damaged caches.

    .venv/bin/python benchmarks/robustness.py [--cases 10000] [--kills 20] [--big 60] [--only signals,concurrency,caches]

Every figure is measured in this run; every check must pass (exit 1 otherwise).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SBC = str(Path(sys.executable).with_name("sbc"))
RESULTS: list[tuple[str, str, bool]] = []


def report(name: str, figure: str, ok: bool) -> None:
    RESULTS.append((name, figure, ok))
    print(f"  {'PASS' if ok else 'FAIL'}  {name:<34} {figure}", flush=True)


# ----------------------------------------------------------------------------- 1. fuzzing
def fuzz(cases: int) -> None:
    from tests.test_fuzz import SEEDS, mutate, run_pipeline

    rnd = random.Random(20261122)
    failures: list[str] = []
    outcomes = {"valid": 0, "invalid": 0}
    t0 = time.perf_counter()
    slowest = 0.0
    for i in range(cases):
        kind = i % 3
        if kind == 0:
            raw = mutate(rnd.choice(SEEDS), rnd)
        elif kind == 1:
            raw = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 400)))
        else:
            raw = json.dumps(_random_json(rnd, 4)).encode()
        t = time.perf_counter()
        try:
            outcomes[run_pipeline(raw)] += 1
        except Exception as e:  # noqa: BLE001 - what the benchmark counts
            failures.append(f"case {i}: {type(e).__name__}: {e}"[:200])
        slowest = max(slowest, time.perf_counter() - t)
    dt = time.perf_counter() - t0
    report("fuzz: cases run", f"{cases} ({outcomes['valid']} valid, {outcomes['invalid']} positioned errors) "
           f"in {dt:.1f} s; slowest case {slowest * 1000:.0f} ms", cases >= 1)
    report("fuzz: failures found", f"{len(failures)}" + (f" e.g. {failures[0]}" if failures else ""), not failures)


def _random_json(rnd: random.Random, depth: int):
    r = rnd.random()
    if depth <= 0 or r < 0.3:
        return rnd.choice([None, True, 0, -1, 1.5, 10 ** 30, "", "x", "scene_plot", "visuals", "kind", "title"])
    if r < 0.65:
        keys = ["scenes", "scene_plot", "animation_details", "animation_style", "audio_text", "visuals", "kind",
                "settings", "title", "id", "duration", "nodes", "items", "values", "zz"]
        return {rnd.choice(keys): _random_json(rnd, depth - 1) for _ in range(rnd.randint(0, 5))}
    return [_random_json(rnd, depth - 1) for _ in range(rnd.randint(0, 4))]


# ----------------------------------------------------------------------------- 2. hostile text
def hostile(tmp: Path) -> None:
    from tests.hostile import CANARY, HOSTILE
    from tests.test_generate import generated, hostile_storyboard

    if os.path.exists(CANARY):
        os.remove(CANARY)
    gens = generated(hostile_storyboard())
    for g in gens:
        compile(g.code, g.filename, "exec")
    story = tmp / "hostile.json"
    story.write_text(json.dumps(hostile_storyboard(), ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([SBC, "build", str(story), "--quality", "draft", "--voice", "silent", "--out",
                        str(tmp / "hout"), "--scenes", "1,5,9,15"], capture_output=True, text=True)
    ok = r.returncode == 0 and not os.path.exists(CANARY) and "Traceback" not in r.stderr
    report("hostile: strings x fields", f"{len(HOSTILE)} strings, {len(gens)} scenes compiled, 4 rendered; "
           f"canary {'CREATED' if os.path.exists(CANARY) else 'absent'}", ok)


# ----------------------------------------------------------------------------- 3. killed builds
def kills(tmp: Path, trials: int) -> None:
    from compiler.media import valid_video
    from compiler.narration.base import read_wav

    story = tmp / "kill.json"
    scenes = [{"scene_plot": f"Scene {i}.", "animation_details": f'Show the title "Part {i}". Show the equation '
               f'`y = {i}x^2`. List "alpha", "beta", "gamma".', "animation_style": "Dark blue background.",
               "audio_text": f"This is part {i}. It shows a formula and a short list of three words."}
              for i in range(1, 4)]
    story.write_text(json.dumps({"scenes": scenes}))
    out, audio = tmp / "kout", tmp / "kaudio"
    env = dict(os.environ, SBC_AUDIO_CACHE=str(audio))
    rnd = random.Random(7)
    corrupt = truncated = 0
    # a reference duration for the kill window
    t0 = time.perf_counter()
    subprocess.run([SBC, "build", str(story), "--quality", "draft", "--out", str(tmp / "kref"), "--force"],
                   env=dict(env, SBC_AUDIO_CACHE=str(tmp / "kref-audio")), capture_output=True)
    full = time.perf_counter() - t0
    for trial in range(trials):
        # alternate cold trials (kill during narrate/render) and edits (kill during render/assemble)
        if trial % 4 == 0:
            data = json.loads(story.read_text())
            data["scenes"][trial % 3]["audio_text"] += " Edited."
            story.write_text(json.dumps(data))
        p = subprocess.Popen([SBC, "build", str(story), "--quality", "draft", "--out", str(out)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rnd.uniform(0.2, full))
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()
        video = out / "kill" / "kill.mp4"
        if video.exists() and not valid_video(video):
            truncated += 1
        for clip in (out / ".cache" / "scenes").glob("*.mp4"):
            if not valid_video(clip):
                corrupt += 1
        for wav in audio.glob("*.wav"):
            try:
                read_wav(wav)
            except Exception:  # noqa: BLE001
                corrupt += 1
    r = subprocess.run([SBC, "build", str(story), "--quality", "draft", "--out", str(out)], env=env,
                       capture_output=True, text=True)
    rep = json.loads((out / "kill" / "build.json").read_text()) if r.returncode == 0 else {}
    final_ok = r.returncode == 0 and valid_video(out / "kill" / "kill.mp4")
    report("kills: builds killed (-9)", f"{trials} (window 0.2..{full:.1f} s)", trials >= 1)
    report("kills: truncated videos / corrupt cache", f"{truncated} / {corrupt}", truncated == 0 and corrupt == 0)
    cache = rep.get("cache", {})
    report("kills: next build completes", f"exit {r.returncode}; reused {cache.get('scenes_cached', '?')} scenes, "
           f"{cache.get('narration_hits', '?')} narration clips", final_ok)


# ----------------------------------------------------------------------------- 4. failing voices
def voices(tmp: Path) -> None:
    from unittest import mock

    from compiler.diagnostics import UserError
    from compiler.narration.registry import get_engine

    story = tmp / "voice.json"
    story.write_text(json.dumps({"scenes": [{"scene_plot": "x", "animation_details": 'Show "x".',
                                             "animation_style": "Dark.", "audio_text": "Hello there, world."}]}))
    t0 = time.perf_counter()
    r = subprocess.run([SBC, "build", str(story), "--voice", "gtts", "--quality", "draft", "--out", str(tmp / "v")],
                       capture_output=True, text=True, env=dict(os.environ, SBC_AUDIO_CACHE=str(tmp / "va")),
                       timeout=120)
    dt = time.perf_counter() - t0
    report("voices: gtts offline", f"exit {r.returncode} in {dt:.1f} s: {r.stderr.strip().splitlines()[-1][:90]}",
           r.returncode == 1 and dt < 20 and "Traceback" not in r.stderr)
    r = subprocess.run([SBC, "build", str(story), "--voice", "nosuch", "--out", str(tmp / "v")], capture_output=True,
                       text=True)
    report("voices: unknown engine", r.stderr.strip().splitlines()[-1][:100], r.returncode == 1)
    with mock.patch("importlib.util.find_spec", return_value=None):
        try:
            get_engine("hibari")
            msg, ok = "no error", False
        except UserError as e:
            msg, ok = e.message, "install" in e.message
    report("voices: engine not installed", msg[:100], ok)


# ----------------------------------------------------------------------------- 5. paths
def paths(tmp: Path) -> None:
    from compiler.diagnostics import UserError
    from compiler.narrate import safe_audio_path

    base = tmp / "proj"
    base.mkdir()
    (tmp / "outside.wav").write_bytes(b"RIFF")
    (base / "link.wav").symlink_to(tmp / "outside.wav")
    refused = 0
    for bad in ("../outside.wav", str(tmp / "outside.wav"), "link.wav", "sub/../../outside.wav"):
        try:
            safe_audio_path(bad, base, 1)
        except UserError:
            refused += 1
    from compiler.settings import _safe_stem

    stems = [_safe_stem(Path(n)) for n in ("../../etc/passwd.json", "a b;rm -rf.json", "..json", "\u202e.json")]
    ok_stems = all("/" not in s and not s.startswith(".") for s in stems)
    report("paths: escapes refused", f"{refused}/4 audio_file escapes refused; output stems {stems}",
           refused == 4 and ok_stems)


# ----------------------------------------------------------------------------- 6. size
def size(tmp: Path, big: int) -> None:
    scene = {"scene_plot": "A scene.", "animation_details": 'Show the title "Step". Show the equation `y = 2x + 1`. '
             'List "one", "two", "three".', "animation_style": "Dark blue background. Equations in yellow.",
             "audio_text": "This scene explains one step of the process in two short sentences. Here is the second."}
    s500 = tmp / "s500.json"
    s500.write_text(json.dumps({"scenes": [dict(scene, id=f"s{i}") for i in range(500)]}, indent=2))
    t0 = time.perf_counter()
    r = subprocess.run([SBC, "validate", str(s500), "-q"], capture_output=True)
    tv = time.perf_counter() - t0
    report("size: validate 500 scenes", f"{tv:.2f} s (goal < 1 s), exit {r.returncode}", tv < 1 and r.returncode == 0)
    t0 = time.perf_counter()
    r = subprocess.run([SBC, "plan", str(s500), "--json"], capture_output=True)
    tp = time.perf_counter() - t0
    report("size: plan 500 scenes", f"{tp:.2f} s (goal < 5 s), exit {r.returncode}", tp < 5 and r.returncode == 0)
    rss = {}
    for n in (max(2, big // 6), big):
        story = tmp / f"big{n}.json"
        story.write_text(json.dumps({"scenes": [dict(scene, audio_text=f"Scene {i}. " + scene["audio_text"])
                                                for i in range(n)]}))
        code = ("import resource, sys; from compiler.cli import main; sys.argv=['sbc','build',%r,'--quality','draft',"
                "'--voice','silent','--out',%r]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
                "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
                "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)") % (str(story), str(tmp / "bigout"))
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RSS")), "RSS 0 0")
        main_kb, child_kb = map(int, line.split()[1:])
        rss[n] = (main_kb / 1024, child_kb / 1024, time.perf_counter() - t0)
    (ns, nb) = sorted(rss)
    growth = rss[nb][0] / rss[ns][0] if rss[ns][0] else 0
    report("size: peak RSS of a build", f"{ns} scenes: main {rss[ns][0]:.0f} MB, worker {rss[ns][1]:.0f} MB; "
           f"{nb} scenes: main {rss[nb][0]:.0f} MB, worker {rss[nb][1]:.0f} MB ({rss[nb][2]:.0f} s)",
           growth < 1.3 and rss[nb][1] < 1.3 * max(rss[ns][1], 1))


# ----------------------------------------------------------------------------- 7. signals (issue 12)
def _alive_in_session(sid: int) -> int:
    ps = subprocess.run(["ps", "-e", "-o", "sid=,stat="], capture_output=True, text=True).stdout
    return sum(1 for ln in ps.splitlines() if ln.split()[0] == str(sid) and not ln.split()[1].startswith("Z"))


def _story(tmp: Path, name: str, n: int = 3) -> Path:
    story = tmp / name
    story.write_text(json.dumps({"scenes": [
        {"scene_plot": f"Scene {i}.", "animation_details": f'Show the title "Part {i}". Show the equation `y = {i}x^2`.',
         "animation_style": "Dark blue background.", "audio_text": f"This is part {i}. It shows a formula. " * 3}
        for i in range(1, n + 1)]}))
    return story


def signals(tmp: Path) -> None:
    """SIGINT/SIGTERM to the build's process group or its main process, SIGKILL of the main process, each
    while the workers render: seconds to exit, processes still running 1 s later, tracebacks, temp files
    left (and whether the next build clears them)."""
    story = _story(tmp, "sig.json")
    env = dict(os.environ, SBC_AUDIO_CACHE=str(tmp / "sig-audio"))
    rows = []
    for how in ("SIGINT group", "SIGINT pid", "SIGTERM group", "SIGTERM pid", "SIGKILL pid"):
        out = tmp / ("sig-" + how.replace(" ", "-"))
        p = subprocess.Popen([SBC, "build", str(story), "--quality", "draft", "--voice", "silent", "--out", str(out),
                              "--jobs", "2", "--force"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
        t0 = time.time()
        while not list((out / ".cache" / "scenes").glob(".render-*")) and p.poll() is None and time.time() - t0 < 120:
            time.sleep(0.05)
        time.sleep(1.0)
        name, target = how.split()
        sig = getattr(signal, name)
        t = time.time()
        try:
            os.killpg(p.pid, sig) if target == "group" else os.kill(p.pid, sig)
        except ProcessLookupError:
            pass
        try:
            _, err = p.communicate(timeout=30)
            took = time.time() - t
        except subprocess.TimeoutExpired:
            err, took = "", float("inf")
        time.sleep(1.0)
        left = _alive_in_session(p.pid)
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()
        temps = [x for x in (out / ".cache" / "scenes").glob(".*")] + \
            [x for x in (out / "sig").glob(".*") if not x.name.startswith(".sbc-")]
        r = subprocess.run([SBC, "build", str(story), "--quality", "draft", "--voice", "silent", "--out", str(out),
                            "--jobs", "2"], env=env, capture_output=True, text=True, timeout=300)
        after = list((out / ".cache" / "scenes").glob(".*"))
        rows.append((how, took, left, err.count("Traceback"), len(temps), r.returncode == 0 and not after))
    for how, took, left, tracebacks, temps, resumed in rows:
        clean_exit = took < 10 and left == 0 and tracebacks == 0
        report(f"signals: {how}", f"exit after {took:.1f} s, {left} processes left, {tracebacks} tracebacks, "
               f"{temps} temp files left; next build {'clears them and builds' if resumed else 'FAILS'}",
               clean_exit and resumed and (temps == 0 or how == "SIGKILL pid"))


# ----------------------------------------------------------------------------- 8. concurrency (issue 12)
def concurrency(tmp: Path) -> None:
    """Two builds of one storyboard into one --out (an espeak build, and a silent one started while the first
    renders): the second must refuse (or wait), and the video must carry the first build's narration."""
    from compiler.media import ffmpeg_exe

    story = _story(tmp, "conc.json", 2)
    out = tmp / "conc-out"
    env = dict(os.environ, SBC_AUDIO_CACHE=str(tmp / "conc-audio"), SBC_LOCK_WAIT="1")
    a = subprocess.Popen([SBC, "build", str(story), "--quality", "low", "--voice", "espeak", "--out", str(out)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    t0 = time.time()
    while not list((out / ".cache" / "scenes").glob(".render-*")) and a.poll() is None and time.time() - t0 < 120:
        time.sleep(0.05)
    b = subprocess.run([SBC, "build", str(story), "--quality", "draft", "--voice", "silent", "--scenes", "1",
                        "--out", str(out)], env=env, capture_output=True, text=True, timeout=300)
    a.communicate(timeout=300)
    vol = subprocess.run([ffmpeg_exe(), "-i", str(out / "conc" / "conc.mp4"), "-af", "volumedetect", "-vn", "-f", "null",
                          "-"], capture_output=True, text=True).stderr
    peak = next((float(ln.split("max_volume:")[1].split()[0]) for ln in vol.splitlines() if "max_volume" in ln), -999.0)
    last = (b.stderr.strip().splitlines() or [""])[-1]
    report("concurrency: second build, same --out", f"exit {b.returncode}: {last[:90]}",
           b.returncode == 1 and "another sbc build" in last)
    report("concurrency: first build's audio", f"exit {a.returncode}, max volume {peak:.1f} dB (espeak: audible)",
           a.returncode == 0 and peak > -30)


# ----------------------------------------------------------------------------- 9. damaged caches (issue 12)
def caches(tmp: Path) -> None:
    """A finished build, one thing damaged, built again: is it noticed, and is the video whole?"""
    from compiler.media import ffmpeg_exe, probe

    story = _story(tmp, "dmg.json", 2)
    out = tmp / "dmg-out"
    audio = tmp / "dmg-audio"
    env = dict(os.environ, SBC_AUDIO_CACHE=str(audio))
    cmd = [SBC, "build", str(story), "--quality", "draft", "--voice", "silent", "--out", str(out)]
    subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    video = out / "dmg" / "dmg.mp4"
    want = probe(video).duration_s

    def clip():
        return sorted((out / ".cache" / "scenes").glob("*.mp4"))[0]

    def flip(path: Path, n: int = 2000, zero: bool = False) -> None:
        raw = bytearray(path.read_bytes())
        at = len(raw) // 2
        raw[at:at + n] = bytes(n) if zero else bytes(random.Random(1).getrandbits(8) for _ in range(n))
        path.write_bytes(bytes(raw))

    cases = {
        "scene clip zero-filled": lambda: (clip().write_bytes(bytes(clip().stat().st_size)), video.unlink()),
        "scene clip bytes flipped": lambda: (flip(clip(), 256), video.unlink()),
        "final video truncated": lambda: video.write_bytes(video.read_bytes()[: video.stat().st_size // 2]),
        "final video bytes flipped": lambda: flip(video),
        "captions deleted": lambda: (out / "dmg" / "dmg.srt").unlink(),
        "narration clip damaged": lambda: (flip(sorted(audio.glob("*.wav"))[0]), video.unlink()),
        "scene track damaged": lambda: (flip(out / "dmg" / "narration" / "scene_01.wav"), video.unlink()),
    }
    for name, damage in cases.items():
        damage()
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        errors = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(video), "-f", "null", "-"], capture_output=True,
                                text=True).stderr.strip()
        info = probe(video)
        whole = (r.returncode == 0 and not errors and abs(info.duration_s - want) < 0.1
                 and abs((info.audio_duration_s or 0) - want) < 0.2 and (out / "dmg" / "dmg.srt").exists())
        report(f"caches: {name}", f"exit {r.returncode}, video {info.duration_s:.1f} s / audio "
               f"{info.audio_duration_s or 0:.1f} s (want {want:.1f}), decode errors: {'yes' if errors else 'none'}, "
               f"warned: {'yes' if 'damaged' in r.stderr else 'no'}", whole)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--big", type=int, default=60, help="scenes in the memory test build")
    ap.add_argument("--only", default="fuzz,hostile,kills,voices,paths,size,signals,concurrency,caches")
    args = ap.parse_args()
    only = set(args.only.split(","))
    print(f"sbc robustness ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(prefix="sbc-robust-") as tmp:
        tmpd = Path(tmp)
        if "fuzz" in only:
            fuzz(args.cases)
        if "hostile" in only:
            hostile(tmpd)
        if "kills" in only:
            kills(tmpd, args.kills)
        if "voices" in only:
            voices(tmpd)
        if "paths" in only:
            paths(tmpd)
        if "size" in only:
            size(tmpd, args.big)
        if "signals" in only:
            signals(tmpd)
        if "concurrency" in only:
            concurrency(tmpd)
        if "caches" in only:
            caches(tmpd)
    bad = [r for r in RESULTS if not r[2]]
    print(f"{len(RESULTS) - len(bad)}/{len(RESULTS)} checks pass")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
