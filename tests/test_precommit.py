"""The pre-commit hook, for real, with the README's recipes as written (section "Pre-commit").

A scratch git repository holds storyboards where users put them — `storyboards/`, a
`lesson.storyboard.json` at the root (broken), `docs/intro.sb.json`, `notes/Storyboard-v2.json` — and
JSON files that are not storyboards (`package.json`, `tsconfig.json`, a copy of the schema). Then:

- the `repo: local` recipe, with `sbc` on PATH (a shim running this checkout);
- the remote recipe, its `<URL of your sbc clone>` replaced by a scratch clone of this checkout (its
  changes to tracked files committed, as try-repo does) tagged with the README's `rev:`;
- the README's `pre-commit try-repo` line, on the same clone.

The remote recipe and try-repo make pre-commit build the hook's own virtualenv with `pip install .` (the
core install, no extras) from PyPI, so this is the slow test of the suite (about 10 s with a warm pip
cache); it is marked `e2e` and runs in the default test run. Only committed files and tracked changes
are seen: `.pre-commit-hooks.yaml` must be committed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
HEAVY = ("manim", "manimpango", "cairo", "pycairo", "moviepy", "numpy", "av")
URL_PLACEHOLDER = "<URL of your sbc clone>"
PATH_PLACEHOLDER = "<path to your sbc clone>"

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
GOOD = json.dumps({"scenes": [SCENE]}, indent=2)
BROKEN = GOOD.replace('idea.",', 'idea."')  # a missing comma: line 5, column 7
STORYBOARDS = ["storyboards/good.json", "docs/intro.sb.json", "notes/Storyboard-v2.json", "course/storyboard/a.json"]
NOT_STORYBOARDS = ["package.json", "tsconfig.json", "storyboard.schema.json", "data/sb.json"]
GIT = ["git", "-c", "user.name=sbc tests", "-c", "user.email=tests@sbc.invalid", "-c", "commit.gpgsign=false",
       "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"]


# --- the README's recipes ------------------------------------------------------------------------


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Pre-commit\n", 1)[1].split("\n## ", 1)[0]


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", _section(), flags=re.S | re.M)


def recipe(kind: str) -> str:
    """The README's `.pre-commit-config.yaml` for `local` or `remote`."""
    configs = [b for b in _blocks("yaml") if b.startswith("repos:")]
    local = [b for b in configs if "repo: local" in b]
    remote = [b for b in configs if URL_PLACEHOLDER in b]
    assert len(local) == len(remote) == 1 and len(configs) == 2, configs
    return (local if kind == "local" else remote)[0]


def readme_tag() -> str:
    (rev,) = re.findall(r"^\s+rev: (\S+)$", recipe("remote"), flags=re.M)
    return rev


def _hook_manifest() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def test_hook_file_is_committed():
    r = subprocess.run(["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, "commit .pre-commit-hooks.yaml: try-repo only sees tracked files"


def test_readme_names_the_tag_to_use_and_one_files_pattern_everywhere():
    assert readme_tag() == "v0.2.0"
    assert "example.invalid" not in _section()
    hook = _hook_manifest()
    (local_hook,) = yaml.safe_load(recipe("local"))["repos"][0]["hooks"]
    (snippet,) = [yaml.safe_load(b) for b in _blocks("yaml") if not b.startswith("repos:")]
    for key in ("files", "exclude"):
        assert hook[key] == local_hook[key] == snippet[key], key
    for key in ("id", "name", "entry", "types"):
        assert hook[key] == local_hook[key], key


@pytest.mark.parametrize("path, checked", [
    *[(p, True) for p in STORYBOARDS],
    ("lesson.storyboard.json", True), ("STORYBOARDS/X.JSON", True), ("a/b/storyboard.json", True),
    ("my_storyboard_v2.json", True),
    *[(p, False) for p in NOT_STORYBOARDS],
    ("docs/storyboard.schema.json", False), (".vscode/settings.json", False), ("storyboards-old/x.json", False),
])
def test_files_pattern(path, checked):
    """The hook's `files`/`exclude` as pre-commit applies them (re.search on the path from the repo root)."""
    hook = _hook_manifest()
    assert (bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)) is checked


# --- running them --------------------------------------------------------------------------------


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "PYTHON"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _sbc_clone(tmp: Path, env: dict) -> Path:
    """This checkout as a user's clone of sbc: HEAD plus the changes to tracked files, tagged as the README says."""
    clone = tmp / "sbc-clone"
    subprocess.run([*GIT, "clone", "-q", str(ROOT), str(clone)], env=env, check=True)
    diff = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=ROOT, env=env, capture_output=True,
                          check=True).stdout
    if diff.strip():
        subprocess.run([*GIT, "apply", "--index", "-"], cwd=clone, env=env, input=diff, check=True)
        subprocess.run([*GIT, "commit", "-q", "-m", "uncommitted changes of the checkout"], cwd=clone, env=env,
                       check=True)
    # the tag at this clone's HEAD — moved there if the repository already has it (a release tag points at an
    # older commit; the recipe is checked against what is checked out)
    subprocess.run([*GIT, "tag", "-f", readme_tag()], cwd=clone, env=env, check=True, capture_output=True)
    return clone


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("precommit")
    env = _env(tmp)
    clone = _sbc_clone(tmp, env)
    repo = tmp / "repo"
    for path in STORYBOARDS:
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(GOOD, encoding="utf-8")
    (repo / "lesson.storyboard.json").write_text(BROKEN, encoding="utf-8")
    for path in NOT_STORYBOARDS:  # not storyboards: `sbc validate` would fail every one of them
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text('{"name": "not a storyboard"}\n', encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(recipe("remote").replace(URL_PLACEHOLDER, str(clone)),
                                                  encoding="utf-8")
    (repo / "local.pre-commit-config.yaml").write_text(recipe("local"), encoding="utf-8")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "storyboards"]):
        subprocess.run(GIT + args, cwd=repo, env=env, check=True)
    # `sbc` on PATH for the local recipe: this checkout (the venv's console script may be another checkout's)
    shim = tmp / "bin" / "sbc"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m compiler.cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    local_env = dict(env, PATH=f"{shim.parent}{os.pathsep}{env['PATH']}")
    return tmp, repo, clone, env, local_env


def _pre_commit(repo: Path, env: dict, *args: str) -> tuple[int, str]:
    r = subprocess.run([str(PRE_COMMIT), *args, "--color", "never"], cwd=repo, env=env, capture_output=True,
                       text=True, timeout=900)
    return r.returncode, r.stdout + r.stderr


def _checked_exactly_the_storyboards(out: str) -> None:
    assert "sbc validate" in out and "Failed" in out and "- hook id: sbc-validate" in out, out
    assert "lesson.storyboard.json:5:7: SB101 invalid JSON: expected ','" in out, out
    assert "lesson.storyboard.json: invalid (1 error(s), 0 warning(s))" in out, out
    for path in STORYBOARDS:
        assert f"{path}: ok (0 error(s), 0 warning(s))" in out, (path, out)
    for path in NOT_STORYBOARDS:
        assert not re.search(rf"(^|\s){re.escape(path)}:", out, flags=re.M), (path, out)


def test_local_recipe_checks_the_storyboards_and_only_them(scratch):
    _, repo, _, _, local_env = scratch
    rc, out = _pre_commit(repo, local_env, "run", "--config", "local.pre-commit-config.yaml", "--all-files")
    assert rc == 1, out
    _checked_exactly_the_storyboards(out)
    rc, out = _pre_commit(repo, local_env, "run", "--config", "local.pre-commit-config.yaml",
                          "--files", "storyboards/good.json")
    assert rc == 0 and "Passed" in out, out


def test_remote_recipe_at_the_tag_checks_the_storyboards_in_an_env_without_the_render_stack(scratch):
    tmp, repo, _, env, _ = scratch
    rc, out = _pre_commit(repo, env, "run", "--all-files")
    assert rc == 1, out
    _checked_exactly_the_storyboards(out)
    rc, out = _pre_commit(repo, env, "run", "--files", "storyboards/good.json", "notes/Storyboard-v2.json")
    assert rc == 0 and "Passed" in out, out
    rc, out = _pre_commit(repo, env, "run", "--files", "package.json")
    assert rc == 0 and "(no files to check)Skipped" in out, out

    # The hook's virtualenv: sbc's core install only — no Manim, no cairo/pango bindings, no numpy.
    (site,) = (tmp / "pre-commit-home").glob("repo*/py_env-*/lib/python*/site-packages")
    names = sorted(p.name.lower() for p in site.iterdir())
    assert (site / "compiler" / "cli.py").is_file() and any(n.startswith("pydantic") for n in names)
    assert [n for n in names if n.startswith(HEAVY)] == [], names


def test_try_repo_line_as_written(scratch):
    _, repo, clone, env, _ = scratch
    (line,) = [b.strip() for b in _blocks("sh") if "try-repo" in b]
    assert line.startswith("pre-commit try-repo ") and PATH_PLACEHOLDER in line
    args = line.replace(PATH_PLACEHOLDER, str(clone)).split()[1:]
    rc, out = _pre_commit(repo, env, *args)
    assert rc == 1, out
    _checked_exactly_the_storyboards(out)
