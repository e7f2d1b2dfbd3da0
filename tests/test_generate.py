"""Generated code: the `py` filter, snapshots, and hostile text that must never execute."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from compiler.generate import UnsafeValue, generate_scene, ident, py
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.timing import estimate_timings, time_plan

from .conftest import ROOT, STORYBOARDS, scene
from .hostile import CANARY, HOSTILE

SNAPSHOTS = ROOT / "tests" / "snapshots"


def generated(sb_data: dict):
    sb = Storyboard.model_validate(sb_data)
    return [generate_scene(ts) for ts in time_plan(plan_storyboard(sb), estimate_timings(sb)).scenes]


def test_py_filter_is_repr_of_plain_data():
    for v in ["a'b\"c", 'x"""y', "\\", 1, 2.5, None, True, [1, "a"], {"k": ["v"]}]:
        assert eval(py(v), {"__builtins__": {}}) == v  # noqa: S307 - checking the literal round-trips
    for bad in [float("nan"), math.inf, object(), {1: 2}, b"bytes"]:
        with pytest.raises(UnsafeValue):
            py(bad)


def test_ident_filter_rejects_non_identifiers():
    assert ident("Scene01") == "Scene01"
    for bad in ["1abc", "a-b", "class", "x; import os", ""]:
        with pytest.raises(UnsafeValue):
            ident(bad)


@pytest.mark.parametrize("name", ["transformer", "llm-computers", "minimal", "gallery"])
def test_snapshot_of_generated_code(name):
    data = json.loads((STORYBOARDS / f"{name}.json").read_text(encoding="utf-8"))
    snap_dir = SNAPSHOTS / name
    for g in generated(data):
        path = snap_dir / g.filename
        if os.environ.get("SBC_UPDATE_SNAPSHOTS") or not path.exists():
            snap_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(g.code, encoding="utf-8")
        assert g.code == path.read_text(encoding="utf-8"), f"{path} changed: rerun with SBC_UPDATE_SNAPSHOTS=1 if intended"


def hostile_storyboard() -> dict:
    scenes = []
    for k in range(0, len(HOSTILE), 4):
        chunk = HOSTILE[k : k + 4]
        quoted = " ".join(f'Display "{s}".' for s in chunk if '"' not in s and "\n" not in s)
        details = f'Title "{chunk[0][:50]}". {quoted} Show `{chunk[-1][:80]}`. ' + " ".join(chunk)
        scenes.append(scene(details, " ".join(chunk) + " The end.", style=" ".join(chunk) + " red background.",
                            plot=" ".join(chunk), title=chunk[0][:100],
                            visuals=None))
    # and every string through explicit visuals parameters too
    visuals = [{"kind": "title", "text": s, "subtitle": s} for s in HOSTILE[:6]] + [
        {"kind": "bullets", "items": [s for s in HOSTILE if s.strip()][:10], "title": HOSTILE[2]},
        {"kind": "equation", "expr": HOSTILE[6], "label": HOSTILE[7]},
        {"kind": "code", "code": HOSTILE[8], "language": HOSTILE[9]},
        {"kind": "flow", "nodes": HOSTILE[10:14], "edge_labels": HOSTILE[14:17]},
        {"kind": "matrix", "values": [[1, HOSTILE[0]], [HOSTILE[3], 2.5]], "label": HOSTILE[4]},
        {"kind": "highlight", "target": HOSTILE[1]}, {"kind": "clear"},
    ]
    scenes.append(scene("explicit visuals", "Hostile visuals scene.", visuals=visuals))
    return {"title": HOSTILE[6], "scenes": [{k: v for k, v in s.items() if v is not None} for s in scenes]}


def test_hostile_text_compiles_and_executes_nothing():
    if os.path.exists(CANARY):
        os.remove(CANARY)
    gens = generated(hostile_storyboard())
    assert len(gens) >= 8
    for g in gens:
        compile(g.code, g.filename, "exec")
    # Import each generated module's top level (defines the class, runs nothing from the storyboard).
    for g in gens:
        ns: dict = {}
        exec(compile(g.code, g.filename, "exec"), ns)  # noqa: S102 - our own generated code
        assert g.class_name in ns
    assert not os.path.exists(CANARY)


def test_generated_code_is_deterministic():
    data = json.loads((STORYBOARDS / "transformer.json").read_text(encoding="utf-8"))
    assert [g.code for g in generated(data)] == [g.code for g in generated(data)]
    assert all("/work/" not in g.code and "tmp" not in g.code for g in generated(data))
