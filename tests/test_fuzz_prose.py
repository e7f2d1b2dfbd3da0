"""Realistic fuzzing: instruction sentences the way language models write them.

Random bytes rarely look like prose, so the byte fuzzer (test_fuzz.py) never met "the diagram - then"
or a table row of `inf` and `-` cells. This generator composes sentences from the pieces real
storyboards are made of — tables with `|`, `-`, `inf`, `∞`; lists; coordinates; formulas in ASCII,
Unicode and LaTeX; arrows; nested brackets; quotes; colours; run-on clauses — and runs them through
plan, timing and code generation: bounded time per storyboard, no exception, generated code that
compiles. The layout check (`sbc check`, a Manim dry run) runs on a few of them.
"""

from __future__ import annotations

import json
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.generate import generate_scene
from compiler.load import load_bytes
from compiler.plan import plan_storyboard
from compiler.timing import estimate_timings, time_plan
from compiler.validate import validate_loaded

EXAMPLES = int(os.environ.get("SBC_FUZZ_EXAMPLES", "150"))
PROSE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
PER_STORYBOARD_S = 5.0

names = st.sampled_from(["A", "B", "C", "x", "y", "node", "the cat", "Input", "Model", "Loss", "E", "the diagram",
                         "price", "w", "θ", "σ", "v₁", "Q", "K", "V", "step 3"])
numbers = st.one_of(st.integers(-1000, 100000).map(str), st.sampled_from(["0.5", "3.14", "-2", "1e-3", "1/2", "pi/2",
                                                                           "2π", "4π", "inf", "∞", "-", "—", "n/a"]))
ops = st.sampled_from(["-", "+", "*", "/", "=", "^", "->", "→", "=>", "×", "÷", "≈", "≤", "|", "<", ">"])
colours = st.sampled_from(["red", "blue", "gold", "#ffcc00", "light blue", "dark green", "grey", "teal", "purple"])
quoted = st.builds(lambda q, s: f"{q}{s}{q}", st.sampled_from(["'", '"', "“", "`"]),
                   st.text(st.characters(min_codepoint=32, max_codepoint=0x24FF, blacklist_characters="\"'`\\"),
                           min_size=0, max_size=30))


@st.composite
def formula(draw) -> str:
    style = draw(st.sampled_from(["ascii", "unicode", "latex", "words"]))
    if style == "ascii":
        parts = [draw(names | numbers)]
        for _ in range(draw(st.integers(1, 6))):
            parts += [draw(ops), draw(names | numbers)]
        text = " ".join(parts)
        for _ in range(draw(st.integers(0, 3))):
            text = f"({text})" if draw(st.booleans()) else f"sqrt({text})"
        return text
    if style == "unicode":
        return draw(st.sampled_from(["∫₀¹ x² dx = 1/3", "σ² = Σ (xᵢ − μ)² / n", "a² + b² = c²", "∇f(x) ≈ 0",
                                     "P(A|B) = P(B|A)·P(A)/P(B)", "e^{iπ} + 1 = 0", "√(2) ≈ 1.414"]))
    if style == "latex":
        return draw(st.sampled_from([r"\frac{a}{b}", r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}", r"\int_0^{4\pi} \sin t\,dt",
                                     r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", r"\sqrt{\frac{1}{\sqrt{x}}}",
                                     r"\left( x \right", r"\frac{1}{", r"x_{i}^{2"]))
    return draw(st.sampled_from(["(Number of favorable outcomes) / (Total number of outcomes)", "Years to double ≈ 72 / rate",
                                 "Price = Cost + Margin -", "rot -", "log2 -*", "total sum +"]))


@st.composite
def table(draw) -> str:
    cols = draw(st.integers(1, 5))
    rows = [" | ".join(draw(st.lists(names | numbers, min_size=cols, max_size=cols)))
            for _ in range(draw(st.integers(1, 8)))]
    head = draw(st.sampled_from(["Draw a table with rows: ", "Final table: ", "Show a table: ", "Table columns "]))
    return head + draw(st.sampled_from([", ", "; ", " / "])).join(rows)


@st.composite
def clause(draw) -> str:
    verb = draw(st.sampled_from(["Show", "Draw", "Display", "Animate", "Write", "Highlight", "Fade out", "Move",
                                 "Then show", "Next, draw", "Finally reveal", "Plot", "Label", "Place", "Use arrows to show"]))
    what = draw(st.one_of(
        st.builds(lambda f: f"the equation {f}", formula()),
        st.builds(lambda f: f"`{f}`", formula()),
        st.builds(lambda q: f"the title {q}", quoted),
        st.builds(lambda a, b, c: f"{a} {b} {c}", names, ops, names),
        st.builds(lambda xs: "the list " + ", ".join(xs), st.lists(names | numbers, min_size=1, max_size=12)),
        st.builds(lambda x, y: f"a point at ({x}, {y})", numbers, numbers),
        st.builds(lambda a, b: f"y = {a}x^2 over {b} to 4π", numbers, numbers),
        st.builds(lambda xs: " -> ".join(xs), st.lists(names, min_size=2, max_size=6)),
        st.builds(lambda n, c: f"{n} in {c}", names, colours),
        st.builds(lambda n, m: f"{n} side by side with {m}", names, names),
        st.builds(lambda n: f"{n} (with {n} (and ({n})))", names),
        st.builds(lambda xs: "the matrix [" + ", ".join(xs) + "]", st.lists(numbers, min_size=1, max_size=20)),
        st.builds(lambda q, c: f"{q} in {c} at the top", quoted, colours),
        table(),
    ))
    tail = draw(st.sampled_from(["", " -", " +", " (show inf as the infinity symbol)", " below it", " on the left",
                                 ", slowly", " - then show the summary", " =", " /"]))
    return f"{verb} {what}{tail}"


@st.composite
def details(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 5))):
        parts = draw(st.lists(clause(), min_size=1, max_size=4))
        joiner = draw(st.sampled_from([", and then ", ", ", " and ", "; ", " - "]))
        sentences.append(joiner.join(parts) + draw(st.sampled_from([".", "", "!", ":", "..."])))
    return " ".join(sentences)


def storyboard_for(text: str, style: str = "Dark background. Equations in gold.") -> bytes:
    return json.dumps({"scenes": [{"scene_plot": "A fuzzed scene.", "animation_details": text,
                                   "animation_style": style,
                                   "audio_text": "First we look at it. Then we look at it again, closely."}]}).encode()


def plan_and_generate(raw: bytes):
    v = validate_loaded(load_bytes(raw, "prose.json"))
    assert v.ok, v.report.format()
    timed = time_plan(plan_storyboard(v.storyboard), estimate_timings(v.storyboard))
    for ts in timed.scenes:
        compile(generate_scene(ts).code, "scene.py", "exec")
    return v, timed


@PROSE
@given(details(), st.sampled_from(["Dark background. Equations in gold.", "Keep the same style - minimal",
                                   "White background; title in #ff0000, boxes in light blue (rounded)."]))
def test_realistic_instruction_sentences_plan_in_bounded_time(text, style):
    t = time.perf_counter()
    plan_and_generate(storyboard_for(text, style))
    assert time.perf_counter() - t < PER_STORYBOARD_S, text


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(details())
def test_realistic_sentences_pass_the_layout_check(text):
    """`sbc check`'s dry run (Manim objects, no video) on a few generated storyboards: no exception."""
    from compiler.inspect import inspect_storyboard

    v, _ = plan_and_generate(storyboard_for(text))
    result = inspect_storyboard(v.storyboard, jobs=1)
    assert len(result) == 1


def _plan_seconds(text: str) -> float:
    v = validate_loaded(load_bytes(storyboard_for(text), "k.json"))
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        plan_storyboard(v.storyboard)
        best = min(best, time.perf_counter() - t)
    return best


def test_planning_time_grows_linearly_with_repetition():
    """A sentence repeated k times (as k sentences, and as one run-on sentence of k clauses) plans in time
    proportional to k: 4x the input may cost at most 8x the time (quadratic would be 16x)."""
    sentence = ("Draw a table with rows: A | 0 | -, B | inf | -, C | 2 | A, then show the equation "
                "`y = 3x^2 + 2` in gold and the arrows Input -> Model -> Loss")
    for join in (". ", ", and then "):
        small = _plan_seconds(join.join([sentence] * 8) + ".")
        large = _plan_seconds(join.join([sentence] * 32) + ".")
        assert large < 8 * small + 0.05, (join, small, large)
