"""Ctrl-C and kill (issue 12: D4, D5, D19, D20): real builds in their own session, a real signal while the
workers render, then: how fast the build ended, whether anything it started is still running (or holds
its pipes), what it printed, what temp files are left, and whether the next build clears them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, scene

pytestmark = pytest.mark.e2e

STORY = {"scenes": [scene(f'Show the title "Part {i}". Show the equation `y = {i}x^2`. List "alpha", "beta", "gamma".',
                          f"This is part {i}. It shows a formula and a short list of three words. " * 3)
                    for i in range(1, 7)]}  # enough scenes that the build is still rendering when the signal comes


def alive_in_session(sid: int) -> list[str]:
    """Processes of the session that still run (zombies, already dead, are not counted). Read from /proc, not
    `ps`: a fresh Debian minbase has no procps."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            cmd = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue  # gone meanwhile
        # pid (comm) state ppid pgrp session …: comm may hold spaces and brackets, so split after the last ")"
        fields = text[text.rindex(")") + 2:].split()
        state, session = fields[0], fields[3]
        if session == str(sid) and state != "Z":
            out.append(f"{session} {state} {stat.parent.name} {cmd}")
    return out


def as_from_a_terminal() -> None:
    """A build started at a terminal gets Ctrl-C with its default meaning. The test suite itself may run where
    SIGINT is ignored (a job started with `&` by a non-interactive shell, as CI runners and `nohup` scripts do),
    and an ignored SIGINT is inherited — rightly kept by sbc, as every program keeps it, so that Ctrl-C at the
    terminal does not stop background jobs. The child starts as a foreground command would."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(tmp_path: Path, out: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SBC_AUDIO_CACHE": str(tmp_path / "audio")}
    return subprocess.Popen([sys.executable, "-m", "compiler.cli", "build", "s.json", "--quality", "draft", "--voice",
                             "silent", "--out", out, "--jobs", "2", "--force"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=as_from_a_terminal)


def while_rendering(tmp_path: Path, out: str, p: subprocess.Popen) -> None:
    t0 = time.time()
    while not list((tmp_path / out / ".cache" / "scenes").glob(".render-*")):
        assert p.poll() is None and time.time() - t0 < 120, "the build never reached the render stage"
        time.sleep(0.05)
    time.sleep(1.0)


@pytest.mark.parametrize("how", ["SIGINT group", "SIGINT pid", "SIGTERM pid", "SIGTERM group", "SIGKILL pid"])
def test_a_signal_stops_the_build_and_everything_it_started(tmp_path, how):
    (tmp_path / "s.json").write_text(json.dumps(STORY))
    out = "out"
    p = start(tmp_path, out)
    try:
        while_rendering(tmp_path, out, p)
        name, target = how.split()
        sig = getattr(signal, name)
        t = time.time()
        if target == "group":
            os.killpg(p.pid, sig)
        else:
            os.kill(p.pid, sig)
        _, err = p.communicate(timeout=20)  # to EOF: no worker may keep the pipes open
        took = time.time() - t
        time.sleep(1.0)
        left = alive_in_session(p.pid)
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()
    assert took < 10, took
    assert not left, left
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err[-2000:]
    if name != "SIGKILL":
        assert p.returncode == 128 + sig
        assert err.rstrip().splitlines()[-1].startswith("interrupted (")
        assert "leaked" not in err
        assert not list((tmp_path / out / ".cache" / "scenes").glob(".render-*"))
        assert not [x for x in (tmp_path / out / "s").glob(".*") if not x.name.startswith(".sbc-")]
    # the next build clears what is left and builds
    r = subprocess.run([sys.executable, "-m", "compiler.cli", "build", "s.json", "--quality", "draft", "--voice",
                        "silent", "--out", out, "--jobs", "2"], cwd=tmp_path, capture_output=True, text=True,
                       timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT), "SBC_AUDIO_CACHE": str(tmp_path / "audio")})
    assert r.returncode == 0, r.stderr[-1500:]
    assert not list((tmp_path / out / ".cache" / "scenes").glob(".*"))
    assert not list((tmp_path / "audio").glob(".*"))


def test_workers_die_with_a_parent_that_is_killed(tmp_path):
    """The pool's workers follow their parent however it dies: a parent killed with SIGKILL while its
    workers render leaves no process behind (PR_SET_PDEATHSIG and the watchdog in `die_with_parent`)."""
    code = (
        "import os, sys, time\n"
        "from compiler.executors.local import LocalExecutor\n"
        "from compiler.executors.base import ExecutorOptions\n"
        "ex = LocalExecutor(ExecutorOptions(jobs=2)); ex.start()\n"
        "time.sleep(1); print('started', flush=True); time.sleep(120)\n")
    p = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert p.stdout.readline().strip() == "started"
        assert len(alive_in_session(p.pid)) >= 3  # the parent, two workers (and the resource tracker)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        t0 = time.time()
        while alive_in_session(p.pid) and time.time() - t0 < 10:
            time.sleep(0.2)
        assert not alive_in_session(p.pid)
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
