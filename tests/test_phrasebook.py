"""The phrasebook (`compiler/planner/data/phrasebook.json`): every entry planned by the real planner gives the
beats, strings and parameters it claims, with no SB3xx warning; every component has an example; the README
section is the one the data generates."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from compiler.components import VISUAL_KINDS
from compiler.phrasebook import (END, GROUPS, REGENERATE, START, _contains, load_phrasebook, main, readme_section,
                                 replace_section, verify)

from .conftest import ROOT

PB = load_phrasebook()


@pytest.mark.parametrize("entry", PB.entries, ids=[e.id for e in PB.entries])
def test_the_planner_does_what_the_entry_says(entry):
    assert verify(entry) == []


def test_every_component_has_an_example_of_its_own():
    components = PB.group("component")
    assert sorted(e.component for e in components) == sorted(VISUAL_KINDS)
    for e in components:
        assert e.component in e.kinds, e.id


def test_entries_are_well_formed():
    ids = [e.id for e in PB.entries]
    assert len(ids) == len(set(ids))
    for e in PB.entries:
        assert e.group in GROUPS and e.details and all(d.strip() for d in e.details) and e.kinds, e.id
        assert (e.component is not None) == (e.group == "component"), e.id
        assert set(e.kinds) <= set(VISUAL_KINDS), e.id
        assert all(p.get("kind") in e.kinds for p in e.params), e.id
    assert len(PB.group("operation")) >= 30


def test_verify_reports_what_does_not_hold():
    entry = next(e for e in PB.entries if e.id == "title")
    wrong = replace(entry, kinds=("text",), strings=("nowhere",), params=({"kind": "title", "subtitle": "other"},),
                    theme={"background": "#FFFFFF"})
    problems = verify(wrong)
    assert len(problems) == 4
    assert "beats are ['title']" in problems[0] and "'nowhere' is not drawn" in problems[1]
    assert 'no title beat has {"subtitle": "other"}' in problems[2] and "the theme is not" in problems[3]
    noisy = replace(entry, details=("Pause for a moment of silence.",), kinds=("text",), strings=(), params=())
    assert any(p.startswith("SB301") for p in verify(noisy))


def test_parameters_match_as_a_part():
    assert _contains({"a": 1, "b": [{"x": 1, "y": 2}, {"x": 3}]}, {"b": [{"x": 3}]})
    assert _contains({"steps": [{"action": "mark", "nodes": ["C"]}]}, {"steps": [{"action": "mark"}]})
    assert _contains({"v": 3.0}, {"v": 3}) and not _contains({"v": True}, {"v": 1.0})
    assert not _contains({"a": 1}, {"b": None}) and not _contains({"b": [1]}, {"b": [2]})


def test_the_readme_section_is_up_to_date():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START in text and END in text, f"README.md has no phrasebook markers; add {START} … {END}"
    assert replace_section(text, readme_section()) == text, f"the README phrasebook is out of date: run `{REGENERATE}`"


def test_the_readme_section_shows_every_entry():
    section = readme_section()
    assert section.startswith(START) and section.endswith(END)
    for e in PB.entries:
        assert e.want in section and e.get.replace("|", "\\|") in section, e.id
        for d in e.details:
            for line in d.split("\n"):
                assert line.strip().replace("|", "\\|") in section, (e.id, line)


def test_the_command_rewrites_and_checks_a_readme(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{START}\nSTALE TEXT\n{END}\n\n## After\n", encoding="utf-8")
    assert main(["--check", str(readme)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main(["--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\n" + START) and text.endswith(END + "\n\n## After\n") and "STALE" not in text
    assert main(["--check", str(readme)]) == 0
    readme.write_text("no markers\n", encoding="utf-8")
    assert main(["--check", str(readme)]) == 2


def test_loading_and_rendering_do_not_import_the_planner():
    code = ("import sys; from compiler.phrasebook import load_phrasebook, readme_section; load_phrasebook(); "
            "readme_section(); print(sorted(m for m in sys.modules if m == 'compiler.plan' or "
            "m.startswith(('compiler.planner.rules', 'numpy', 'manim'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
