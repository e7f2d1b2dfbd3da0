"""Scene rendering on a real Dask cluster: a scheduler and two worker processes on loopback, started with
the same commands as in the README (`dask scheduler`, `dask worker`). Outputs are compared with a local
build; one worker is killed mid-render; a failing scene is retried once, then fails the build."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from compiler.diagnostics import UserError
from compiler.executors import ExecutorOptions
from compiler.executors.dask import DaskExecutor, refusals
from compiler.generate import GeneratedScene
from compiler.media import probe
from compiler.pipeline import build_many
from compiler.render import RenderRequest, render
from compiler.render_worker import SegmentJob, VersionMismatch, run_job, runtime_versions
from compiler.settings import QUALITIES, BuildOptions

from .test_batch import write_stories

DASK = str(Path(sys.executable).with_name("dask"))
TIMEOUT_S = 60


@contextmanager
def dask_cluster(workdir: Path, workers: int = 2):
    """`dask scheduler` on a port of its choosing and `dask worker` processes, all on 127.0.0.1; yields the
    scheduler's address. Logs go to WORKDIR/*.log."""
    workdir.mkdir(parents=True, exist_ok=True)
    procs: list[subprocess.Popen] = []

    def spawn(name: str, *args: str) -> None:
        with open(workdir / f"{name}.log", "wb") as log:
            procs.append(subprocess.Popen([DASK, *args], stdout=log, stderr=subprocess.STDOUT, cwd=workdir,
                                          start_new_session=True))

    try:
        info = workdir / "scheduler.json"
        spawn("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
              "--scheduler-file", str(info))
        address = _wait_for_address(info, procs[0])
        for i in range(workers):
            spawn(f"worker{i}", "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard")
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(workers, timeout=TIMEOUT_S)
        yield address
    finally:
        for p in reversed(procs):
            _signal(p, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _signal(p, signal.SIGKILL)
                p.wait(timeout=15)


def _wait_for_address(info: Path, proc: subprocess.Popen) -> str:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with {proc.returncode}")
        try:
            return json.loads(info.read_text())["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.1)
    raise TimeoutError("dask scheduler did not start")


def _signal(p: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(p.pid, sig)
    except ProcessLookupError:
        pass


# ---------------------------------------------------------------------------------------------------------

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    pytest.importorskip("distributed")
    with dask_cluster(tmp_path_factory.mktemp("cluster")) as address:
        yield address


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    return write_stories(tmp_path_factory.mktemp("stories"))


def options(root: Path, **kw) -> BuildOptions:
    return BuildOptions(quality="draft", voice="silent", out_root=root / "out", audio_cache=root.parent / "audio",
                        progress=False, **kw)


@pytest.fixture(scope="module")
def local_build(stories, tmp_path_factory):
    return build_many(stories, options(tmp_path_factory.mktemp("local"), jobs=2))


def frames(path) -> np.ndarray:
    import av

    with av.open(str(path)) as c:
        return np.stack([np.asarray(f.to_image()).astype(np.int16) for f in c.decode(video=0)])


def streams(path) -> list[tuple]:
    import av

    with av.open(str(path)) as c:
        return [(s.type, s.codec_context.name) for s in c.streams]


def assert_same_videos(results, reference) -> None:
    assert [r.storyboard.name for r in results] == [r.storyboard.name for r in reference]
    for got, want in zip(results, reference):
        a, b = probe(got.video), probe(want.video)
        assert streams(got.video) == streams(want.video)
        assert (a.width, a.height, a.fps, a.frames, a.has_audio) == (b.width, b.height, b.fps, b.frames, b.has_audio)
        assert abs(a.duration_s - b.duration_s) < 1e-6 and abs(a.audio_duration_s - b.audio_duration_s) < 0.01
        fa, fb = frames(got.video), frames(want.video)
        per_frame = np.abs(fa - fb).mean(axis=(1, 2, 3))
        assert per_frame.max() < 2.0, per_frame.max()  # same frames, up to encoder noise


def test_dask_batch_matches_the_local_build(cluster, stories, local_build, tmp_path):
    results = build_many(stories, options(tmp_path, executor="dask", scheduler=cluster))
    assert_same_videos(results, local_build)
    for r in results:
        assert r.report["executor"] == "dask" and r.scenes_rendered == r.scene_count
    assert not list((tmp_path / "out" / ".cache" / "scenes").glob(".render-*"))  # clips came back as bytes


def test_failing_scene_is_retried_once_then_fails_the_build_and_finished_scenes_stay_cached(cluster, tmp_path):
    attempts = tmp_path / "attempts.log"
    bad = GeneratedScene(1, "Bad", "bad.py", (
        "import time\n"
        "from manim import Scene\n"
        f"with open({str(attempts)!r}, 'a') as f:\n"
        "    f.write('attempt\\n')\n"
        "time.sleep(1.5)\n"
        "class Bad(Scene):\n"
        "    def construct(self):\n"
        "        raise RuntimeError('boom: this scene cannot be drawn')\n"), (), duration=2.0)
    good = GeneratedScene(1, "Good", "good.py", (
        "from manim import Scene, Square\n"
        "class Good(Scene):\n"
        "    def construct(self):\n"
        "        self.add(Square())\n"
        "        self.wait(0.5)\n"), (), duration=0.5)
    cache = tmp_path / "cache"
    draft = QUALITIES["draft"]
    with DaskExecutor(ExecutorOptions(scheduler=cluster)) as executor:
        with pytest.raises(UserError) as err:
            render([RenderRequest("bad.json", (bad,), draft), RenderRequest("good.json", (good,), draft)], cache,
                   executor)
    message = err.value.message
    assert message.startswith("SB403 scene 1 failed to render (bad.json: bad.py") and "boom" in message
    assert attempts.read_text().count("attempt") == 2
    assert len(list(cache.glob("*.mp4"))) == 1 and len(list(cache.glob("*.json"))) == 1


def test_workers_with_other_versions_are_refused(cluster, monkeypatch):
    from compiler.executors import dask as dask_executor

    other = tuple((k, "0.0.0-other" if k == "manim" else v) for k, v in runtime_versions())
    monkeypatch.setattr(dask_executor, "runtime_versions", lambda: other)  # this client, not the workers
    with pytest.raises(UserError) as err:
        DaskExecutor(ExecutorOptions(scheduler=cluster)).start()
    message = err.value.message
    assert message.startswith("SB407 refused Dask workers") and "manim 0.0.0-other" in message
    assert message.count("tcp://127.0.0.1:") == 2


def test_worker_killed_mid_render_the_build_completes(cluster, stories, local_build, tmp_path):
    """Clips travel through a shared cache folder here (--cache); a worker is killed (-9) while it renders."""
    from distributed import Client

    killed: list[str] = []
    stop = threading.Event()
    with Client(cluster, timeout="30s") as watcher:
        pids = watcher.run(os.getpid)

        def kill_one_busy_worker() -> None:
            deadline = time.monotonic() + TIMEOUT_S
            while not stop.is_set() and time.monotonic() < deadline:
                busy = sorted(w for w, keys in watcher.processing().items()
                              if any(str(k).startswith("sbc-render-") for k in keys))
                if busy:
                    time.sleep(0.3)  # into the render
                    if any(str(k).startswith("sbc-render-") for k in watcher.processing().get(busy[0], ())):
                        os.kill(pids[busy[0]], signal.SIGKILL)
                        killed.append(busy[0])
                        return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_one_busy_worker)
        killer.start()
        try:
            results = build_many(stories, options(tmp_path, executor="dask", scheduler=cluster,
                                                  scene_cache=tmp_path / "shared"))
        finally:
            stop.set()
            killer.join(timeout=TIMEOUT_S)
    assert killed, "no worker was killed during the build"
    assert_same_videos(results, local_build)
    assert not list((tmp_path / "shared").glob(".render-*"))


# --------------------------------------------------------------------------------------------- no cluster
def test_without_distributed_the_dask_executor_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UserError, match=r"pip install 'sbc\[dask\]'"):
        DaskExecutor(ExecutorOptions(scheduler="tcp://127.0.0.1:1")).start()


def test_a_job_for_other_versions_is_refused_by_the_worker():
    job = SegmentJob("k", "", "Scene01", "scene_01.py", 64, 36, 1, None, (("manim", "0.0.0-other"),))
    with pytest.raises(VersionMismatch, match="install the client's versions"):
        run_job(job)


def test_refusals_name_each_worker():
    mine = runtime_versions()
    facts = {"tcp://a:1": {"versions": [list(v) for v in mine], "worker": "a:1", "sees_cache": False},
             "tcp://b:2": {"versions": [["manim", "0.1"]], "worker": "b:2", "sees_cache": False},
             "tcp://c:3": ModuleNotFoundError("No module named 'compiler'")}
    lines = refusals(mine, facts)
    assert len(lines) == 2 and lines[0].startswith("tcp://b:2 (b:2): sbc None")
    assert lines[1] == "tcp://c:3: cannot run sbc (ModuleNotFoundError: No module named 'compiler')"


def test_cli_dask_without_a_scheduler_says_how_to_name_one(tmp_path):
    from typer.testing import CliRunner

    from compiler.cli import app

    story = write_stories(tmp_path)[1]
    r = CliRunner().invoke(app, ["build", str(story), "--executor", "dask", "--out", str(tmp_path / "out")],
                           env={"SBC_DASK_SCHEDULER": None})
    assert r.exit_code == 1 and "--scheduler tcp://HOST:PORT" in r.output
    r = CliRunner().invoke(app, ["build", str(story), "--executor", "ray"])
    assert r.exit_code == 1 and "--executor must be one of local, dask" in r.output
