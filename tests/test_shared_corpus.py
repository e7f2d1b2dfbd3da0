"""The shared corpus in CI: storyboards nobody on the team wrote, as the model answered them.

Every storyboard in `../shared/corpus/dev` and `check` (raw: inside a markdown fence) goes through
the commands a user runs — `sbc fix --write` on a copy, `validate`, `plan`, `check` — and the test
fails on a crash (a traceback or an unexpected exit), a hang (planning one storyboard over 10 s) or a
layout violation. The corpus itself is never written: the commands run on copies in a temp folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

CORPUS = Path(os.environ.get("SBC_CORPUS", ROOT.parent / "shared" / "corpus"))
FILES = sorted(CORPUS.glob("dev/*.txt")) + sorted(CORPUS.glob("check/*.txt"))
PLAN_LIMIT_S = 10.0

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the repo")


BEFORE: dict[Path, str] = {}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sbc(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compiler.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def no_traceback(r: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in r.stderr, r.stderr[-2000:]


@pytest.fixture(scope="module")
def repaired(tmp_path_factory) -> dict[str, Path]:
    """`sbc fix --write` on a copy of each raw storyboard."""
    out: dict[str, Path] = {}
    BEFORE.update({f: _digest(f) for f in FILES})
    folder = tmp_path_factory.mktemp("corpus")
    for f in FILES:
        copy = folder / f"{f.parent.name}-{f.stem}.txt"
        shutil.copyfile(f, copy)
        copy.chmod(0o644)
        r = sbc("fix", str(copy), "--write", timeout=60)
        no_traceback(r)
        assert r.returncode == 0, r.stderr
        out[f"{f.parent.name}/{f.stem}"] = copy
    return out


@pytest.mark.parametrize("name", [f"{f.parent.name}/{f.stem}" for f in FILES])
def test_fix_validate_plan_check(repaired, name):
    path = str(repaired[name])
    r = sbc("validate", path, timeout=60)
    no_traceback(r)
    assert r.returncode == 0, r.stdout + r.stderr

    t = time.perf_counter()
    try:
        r = sbc("plan", path, timeout=PLAN_LIMIT_S + 5)
    except subprocess.TimeoutExpired:
        pytest.fail(f"sbc plan {name} did not finish in {PLAN_LIMIT_S + 5:g} s")
    seconds = time.perf_counter() - t
    no_traceback(r)
    assert r.returncode == 0, r.stderr
    assert seconds < PLAN_LIMIT_S, f"planning {name} took {seconds:.1f} s"
    assert "internal error in the planner" not in r.stdout + r.stderr  # a rule that failed is reported, never expected

    r = sbc("check", path, timeout=300)
    no_traceback(r)
    assert r.returncode == 0, r.stdout + r.stderr[-2000:]
    assert " 0 layout violation(s)" in r.stdout


def test_the_corpus_is_untouched(repaired):
    """The commands ran on copies: every corpus file is byte for byte what it was."""
    assert {f: _digest(f) for f in FILES} == BEFORE
