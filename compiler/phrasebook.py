"""The phrasebook: sentences of `animation_details` the planner understands, and what each gives.

The entries live in `planner/data/phrasebook.json`: per entry what the author wants, the sentence(s)
to write (one string per scene), optionally the `animation_style`, and what the plan must contain —
the kinds of its beats in order, strings that must be drawn, and parameters some beat of a kind must
have. `tests/test_phrasebook.py` plans every entry with the real planner (`verify`), so the phrasebook
never claims what the planner does not do; the README section and `sbc prompt` are generated from it.

    python -m compiler.phrasebook --readme [README.md]   # rewrite the README section between the markers
    python -m compiler.phrasebook --check [README.md]    # exit 1 if that section is out of date
    python -m compiler.phrasebook --verify               # plan every entry; print what does not hold

Loading and rendering are light (json only); `verify` imports the planner when called.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "planner" / "data" / "phrasebook.json"
START = "<!-- phrasebook:start -->"
END = "<!-- phrasebook:end -->"
REGENERATE = "python -m compiler.phrasebook --readme"
GROUPS = {"component": "One example per component", "operation": "Common operations"}


@dataclass(frozen=True)
class Entry:
    id: str
    group: str                      # "component" or "operation"
    want: str                       # what the author wants, in a few words
    details: tuple[str, ...]        # animation_details, one per scene
    get: str                        # what the plan gives, in a few words
    kinds: tuple[str, ...]          # the kinds of every beat, in order, all scenes
    strings: tuple[str, ...] = ()   # strings some beat must draw
    params: tuple[dict, ...] = ()   # {"kind": K, ...}: some beat of kind K has these parameters (a subset)
    theme: dict | None = None       # a part of the last scene's theme (`sbc plan --json` "theme")
    style: str | None = None        # animation_style, when it matters
    audio: str | None = None        # audio_text, when it matters
    component: str | None = None    # the component kind this entry shows (group "component")


@dataclass(frozen=True)
class Phrasebook:
    about: str
    entries: tuple[Entry, ...]

    def group(self, name: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.group == name)


def _entry(raw: dict) -> Entry:
    details = raw["details"]
    return Entry(id=raw["id"], group=raw["group"], want=raw["want"],
                 details=tuple([details] if isinstance(details, str) else details), get=raw["get"],
                 kinds=tuple(raw["kinds"]), strings=tuple(raw.get("strings", ())), params=tuple(raw.get("params", ())),
                 theme=raw.get("theme"), style=raw.get("style"), audio=raw.get("audio"), component=raw.get("component"))


@lru_cache(maxsize=None)
def load_phrasebook(path: Path = DATA) -> Phrasebook:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Phrasebook(about=data["about"], entries=tuple(_entry(e) for e in data["entries"]))


# ----------------------------------------------------------------------------- checking against the planner
DEFAULT_STYLE = "Dark blue background."
DEFAULT_AUDIO = "Here is what this scene shows, one step at a time."


def storyboard_of(entry: Entry) -> dict:
    """The storyboard an entry stands for: one scene per `details`."""
    return {"scenes": [{"scene_plot": entry.want[:1].upper() + entry.want[1:] + ".", "animation_details": d,
                        "animation_style": entry.style or DEFAULT_STYLE, "audio_text": entry.audio or DEFAULT_AUDIO}
                       for d in entry.details]}


def _contains(actual: Any, expected: Any) -> bool:
    """`expected` is a part of `actual`: dicts by key, lists item by item (each found somewhere), else equal."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and all(any(_contains(a, x) for a in actual) for x in expected)
    if isinstance(expected, float) or isinstance(actual, float):
        return isinstance(actual, (int, float)) and not isinstance(actual, bool) and abs(actual - expected) < 1e-9
    return actual == expected


def verify(entry: Entry) -> list[str]:
    """Plan the entry with the real planner; what does not hold, as sentences (empty: the entry is true)."""
    from .models import Storyboard
    from .plan import plan_storyboard

    plan = plan_storyboard(Storyboard.model_validate(storyboard_of(entry)))
    beats = [b for s in plan.scenes for b in s.beats]
    problems = []
    kinds = tuple(b.kind for b in beats)
    if kinds != entry.kinds:
        problems.append(f"beats are {list(kinds)}, the phrasebook says {list(entry.kinds)}")
    drawn = {s for b in beats for s in b.strings}
    problems += [f"{s!r} is not drawn (drawn: {sorted(drawn)})" for s in entry.strings if s not in drawn]
    for want in entry.params:
        want = dict(want)
        kind = want.pop("kind")
        if not any(b.kind == kind and _contains(b.params, want) for b in beats):
            seen = [b.params for b in beats if b.kind == kind]
            problems.append(f"no {kind} beat has {json.dumps(want, ensure_ascii=False)} (its beats: "
                            f"{json.dumps(seen, ensure_ascii=False)[:400]})")
    if entry.theme is not None and not _contains(plan.scenes[-1].theme.to_json(), entry.theme):
        problems.append(f"the theme is not {json.dumps(entry.theme)}: {json.dumps(plan.scenes[-1].theme.to_json())}")
    problems += [f"{n.code} {n.message}" for n in plan.diagnostics]
    return problems


# ----------------------------------------------------------------------------- the README section
def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """`text` as inline code in a table cell (a longer fence when it holds backticks)."""
    text = _cell(text)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _lines(text: str) -> str:
    """Each line its own code span (a table cell holds no line breaks); indentation kept as no-break spaces."""
    out = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        out.append(_code("\u00a0" * (len(line) - len(body)) + body))
    return "<br>".join(out)


def _write(entry: Entry) -> str:
    parts = []
    for k, d in enumerate(entry.details, 1):
        prefix = f"scene {k}: " if len(entry.details) > 1 else ""
        parts.append(prefix + _lines(d))
    if entry.style:
        parts.append("style: " + _code(entry.style))
    return "<br>".join(parts)


def _kinds(entry: Entry) -> str:
    return " → ".join(f"`{k}`" for k in entry.kinds)


def readme_section(pb: Phrasebook | None = None) -> str:
    """The README section between the markers (markers included)."""
    pb = pb or load_phrasebook()
    lines = [START, f"<!-- generated from compiler/planner/data/phrasebook.json by `{REGENERATE}`; "
                    "tests/test_phrasebook.py plans every entry -->", "", pb.about, ""]
    for group, title in GROUPS.items():
        entries = pb.group(group)
        lines += [f"**{title}**", "", "| you want | write in `animation_details` | you get | beats |", "|---|---|---|---|"]
        for e in entries:
            want = f"**`{e.component}`** — {e.want}" if e.component else e.want
            lines.append(f"| {_cell(want)} | {_write(e)} | {_cell(e.get)} | {_kinds(e)} |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def replace_section(text: str, section: str) -> str:
    """`text` with the part between the markers replaced by `section`; a ValueError without the markers."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"no {START} … {END} markers")
    return text[:start] + section + text[end + len(END):]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m compiler.phrasebook", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--readme", nargs="?", const="README.md", metavar="PATH", help="rewrite the phrasebook section")
    mode.add_argument("--check", nargs="?", const="README.md", metavar="PATH", help="exit 1 if the section is stale")
    mode.add_argument("--verify", action="store_true", help="plan every entry and report what does not hold")
    args = ap.parse_args(argv)
    if args.verify:
        bad = 0
        for e in load_phrasebook().entries:
            for p in verify(e):
                bad += 1
                print(f"{e.id}: {p}")
        print(f"{len(load_phrasebook().entries)} entries, {bad} problem(s)", file=sys.stderr)
        return 1 if bad else 0
    path = Path(args.readme or args.check)
    text = path.read_text(encoding="utf-8")
    try:
        new = replace_section(text, readme_section())
    except ValueError as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 2
    if args.check:
        if new != text:
            print(f"{path}: the phrasebook section is out of date; run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    if new != text:
        from .atomic import write_atomic

        write_atomic(path, new)
        print(f"{path}: phrasebook section updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
