"""Property-based fuzzing: load → validate → plan → generate never raises, never hangs.

Every outcome is a valid result or positioned SBnnn diagnostics. The CI budget is small (a few
hundred cases per property); `benchmarks/robustness.py` runs the same properties with ≥ 10,000 cases.
"""

from __future__ import annotations

import json
import os
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.generate import generate_scene
from compiler.load import load_bytes
from compiler.plan import plan_storyboard
from compiler.timing import estimate_timings, time_plan
from compiler.validate import validate_loaded

from .conftest import STORYBOARDS

BUDGET = int(os.environ.get("SBC_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=BUDGET, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
SEEDS = [(STORYBOARDS / n).read_bytes() for n in ("transformer.json", "llm-computers.json", "minimal.json")]
POSITIONED = re.compile(r"^.+:\d+:\d+: SB\d{3} ")


def run_pipeline(raw: bytes) -> str:
    """The compile front half on untrusted bytes; returns 'valid' or 'invalid' — never raises."""
    v = validate_loaded(load_bytes(raw, "fuzz.json"))
    if not v.ok:
        assert v.report.errors, "invalid without an error"
        for d in v.report.errors:
            assert POSITIONED.match(d.headline()), d.headline()
            assert d.line >= 1 and d.col >= 1
        return "invalid"
    timed = time_plan(plan_storyboard(v.storyboard), estimate_timings(v.storyboard))
    for ts in timed.scenes:
        compile(generate_scene(ts).code, "scene.py", "exec")
    return "valid"


def mutate(raw: bytes, rnd: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rnd.randint(1, 6)):
        op = rnd.choice(["delete", "duplicate", "insert", "truncate", "flip"])
        if not data:
            break
        i = rnd.randrange(len(data))
        if op == "delete":
            del data[i : i + rnd.randint(1, 20)]
        elif op == "duplicate":
            data[i:i] = data[i : i + rnd.randint(1, 40)]
        elif op == "insert":
            data[i:i] = rnd.choice([b'"', b",", b"{", b"]", b"\\", b"\xff", b"\x00", b"NaN", b"1e999999",
                                    b"[" * 100, b'"\xe2\x80\xae"', b"9" * 5000])
        elif op == "truncate":
            del data[i:]
        else:
            data[i] ^= 1 << rnd.randrange(8)
    return bytes(data)


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(raw):
    run_pipeline(raw)


@FUZZ
@given(st.integers(min_value=0, max_value=2**32 - 1), st.sampled_from(range(len(SEEDS))))
def test_mutated_real_storyboards(seed, which):
    run_pipeline(mutate(SEEDS[which], random.Random(seed)))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=30,
)


@FUZZ
@given(JSON)
def test_arbitrary_json_values(value):
    run_pipeline(json.dumps(value).encode())


FIELD = st.text(min_size=1, max_size=300)
SCENE = st.fixed_dictionaries({"scene_plot": FIELD, "animation_details": FIELD, "animation_style": FIELD,
                               "audio_text": FIELD}, optional={"title": FIELD, "duration": st.floats(0.1, 600)})


@FUZZ
@given(st.lists(SCENE, min_size=1, max_size=3))
def test_arbitrary_text_in_every_field(scenes):
    run_pipeline(json.dumps({"scenes": scenes}).encode())


def test_structural_extremes():
    cases = [b"[" * 100000, b'{"scenes": ' + b"[" * 5000 + b"]" * 5000 + b"}", b'{"scenes": [1e999999]}',
             b'{"scenes": [' + b"9" * 100000 + b"]}", b"\xef\xbb\xbf{}", b"", b"\x00" * 100,
             b'{"scenes": [{"scene_plot": "' + b"x" * 200000 + b'"}]}']
    for raw in cases:
        assert run_pipeline(raw) == "invalid"
