"""The pre-commit hook, for real: `pre-commit try-repo <this repo> sbc-validate` in a scratch git repository.

pre-commit builds the hook's own virtualenv with `pip install .` (the core install, no extras) — from
PyPI, so this is the slow test of the suite (about 10 s with a warm pip cache); it is marked `e2e` and
runs in the default test run. Two invocations: one with a valid storyboard, one with a broken one.

try-repo uses the repo's HEAD plus its uncommitted changes to tracked files (it commits them into a
shadow clone), so `.pre-commit-hooks.yaml` must be committed — untracked files are not seen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
HEAVY = ("manim", "manimpango", "cairo", "pycairo", "moviepy", "numpy", "av")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (the dev extra)"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout"),
]

SCENE = {
    "scene_plot": "Introduce the idea.",
    "animation_details": 'Show the title "Hello".',
    "animation_style": "Dark blue background.",
    "audio_text": "Hello, and welcome to the video.",
}

# try-repo runs in a TemporaryDirectory — the store holding the hook's virtualenv is inside it — and
# deletes it on exit. This runs the same command with that directory kept, to look inside the
# hook's environment afterwards.
KEEP_TEMP_DIR = """
import contextlib, sys, types
from pre_commit.commands import try_repo
from pre_commit.main import main
keep = sys.argv.pop(1)
try_repo.tempfile = types.SimpleNamespace(TemporaryDirectory=lambda: contextlib.nullcontext(keep))
sys.exit(main(sys.argv[1:]))
"""


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "PYTHON"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("precommit")
    repo = tmp / "repo"
    (repo / "storyboards").mkdir(parents=True)
    (repo / "storyboards" / "good.json").write_text(json.dumps({"scenes": [SCENE]}, indent=2), encoding="utf-8")
    broken = json.dumps({"scenes": [SCENE]}, indent=2).replace('idea.",', 'idea."')  # a missing comma
    (repo / "storyboards" / "broken.json").write_text(broken, encoding="utf-8")
    env = _env(tmp)
    git = ["git", "-c", "user.name=sbc tests", "-c", "user.email=tests@sbc.invalid", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "storyboards"]):
        subprocess.run(git + args, cwd=repo, env=env, check=True)
    return tmp, repo, env


def _try_repo(cmd: list[str], repo: Path, env: dict, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([*cmd, "try-repo", "--color", "never", str(ROOT), "sbc-validate", "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_hook_file_is_committed():
    r = subprocess.run(["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, "commit .pre-commit-hooks.yaml: try-repo only sees tracked files"


def test_hook_passes_a_valid_storyboard_in_an_env_without_the_render_stack(scratch):
    tmp, repo, env = scratch
    keep = tmp / "try-repo"
    keep.mkdir()
    r = _try_repo([sys.executable, "-c", KEEP_TEMP_DIR, str(keep)], repo, env, "storyboards/good.json")
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "sbc validate" in out and "Passed" in out

    # The hook's virtualenv: sbc's core install only — no Manim, no cairo/pango bindings, no numpy.
    (site,) = keep.glob("repo*/py_env-*/lib/python*/site-packages")
    names = sorted(p.name.lower() for p in site.iterdir())
    assert (site / "compiler" / "cli.py").is_file() and any(n.startswith("pydantic") for n in names)
    assert [n for n in names if n.startswith(HEAVY)] == [], names


def test_hook_fails_a_broken_storyboard_with_a_positioned_message(scratch):
    tmp, repo, env = scratch
    r = _try_repo([str(PRE_COMMIT)], repo, env, "storyboards/broken.json")
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "sbc validate" in out and "Failed" in out and "- hook id: sbc-validate" in out
    assert "storyboards/broken.json:5:7: SB101 invalid JSON: expected ','" in out
    assert "storyboards/broken.json: invalid (1 error(s), 0 warning(s))" in out
