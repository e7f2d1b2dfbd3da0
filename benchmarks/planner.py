"""Planner benchmark: how well `sbc plan` understands labelled corpora of LLM storyboards.

    .venv/bin/python benchmarks/planner.py [--set tests|dev|check|all] [--no-check] [--check-shared]
                                           [--verbose] [--json] [FILE ...]

Three sets, each printed as a table (one row per storyboard) with its totals:

**tests/corpus** — `tests/corpus/*.json` (labels in `tests/corpus/labels.json`; damaged JSON is
repaired the way `sbc fix` does; FILE arguments restrict this set):

- string coverage: share of the must-show strings that some beat of the scene draws (matched
  against the beats' `strings`, ignoring case, spaces and the spelling of squares and arrows; a bracketed list "[1, 4, 5]"
  counts as drawn when a beat draws its items in that order — boxes in a row, cells);
- kind recall: share of the component kinds a scene needs that its beats include (a label may list
  alternatives); kind precision: share of the kinds the beats use that the labels need or allow.
  Operations that draw nothing new (`clear`, `highlight`, `move`) are not scored;
- unmatched: share of `animation_details` sentences that produced no beat (SB301);
- sync: for the storyboards whose labels give `sync` (the narration sentence each details sentence belongs
  with), the share of beats that start on that sentence (and within one sentence) — no goal, a measure;
- front-loaded (every set): scenes with three or more narration sentences whose visuals (beats and a
  derivation's lines) all appear before half the narration, followed by two or more whole sentences with
  nothing new drawn — a measure of "nothing sits alone while the narrator speaks on"; timings from the
  reading rate, as `sbc plan` estimates them; late openings: scenes whose first picture waits more than 6 s,
  past the second narration sentence, with only the title on screen;
- layout violations from `sbc check` (compiler.inspect.inspect_storyboard), unless `--no-check`;
- the time to plan a 500-scene storyboard made of the corpus scenes.

Goals: coverage >= 0.97, recall >= 0.85, precision >= 0.75, unmatched <= 10 % (a sentence describing a picture sbc cannot draw is reported, SB301, not captioned), violations 0,
500 scenes planned in < 5 s. Each goal prints PASS or FAIL; the exit code is 1 if any fails.

**shared dev / shared check** — the corpus nobody on the team wrote, `../shared/corpus/{dev,check}/*.txt`
(raw model answers, repaired like `sbc fix`; labels in `../shared/corpus/labels.json`), scored with the
rules of its README:

- string coverage: share of a scene's `strings` found as a substring of a beat string, both NFKC,
  lower-case, whitespace collapsed. A formula string (one written in TeX: a `\\command`, or `^{`/`_{`)
  counts only when an equation, steps or matrix beat draws it — typeset;
- kind recall: share of the scene's `must` kinds among its beat kinds (`beyond` needs are not scored);
- kind precision: share of the scene's distinct beat kinds that are `must`, `may`, title, text, an
  operation (highlight, transform, move, clear) or the kind matching one of its `beyond` needs
  (graph/linked_list -> graph, physics_diagram -> physics, sequence_diagram -> message_chart,
  vector_plane, geometry, number_line, wave, circuit as themselves; any other need -> drawing or any of those);
- failed plans: each storyboard is loaded and planned in a child process; one that raises or does not
  finish within 10 s counts every label of that storyboard as missed;
- layout violations only with `--check-shared`.

Goals (printed, not part of the exit code): dev+check combined coverage >= 0.97, recall >= 0.90,
precision >= 0.85, no failed plan; check alone coverage >= 0.95, recall >= 0.85, precision >= 0.80.

Every set also reports:

- prose as text: text beats whose string has more than 4 words and is not quoted ('…', "…", “…”, `…`)
  in the details sentence it came from — instruction prose drawn on screen;
- warnings: the plan's diagnostics by code (SB301 = a details sentence that produced no beat, SB306, …);
- plan time: planning alone (`plan_storyboard`), total and the slowest storyboard.

`--json` prints every figure: per set its totals, per-storyboard rows and goal verdicts.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
UNSCORED = {"clear", "highlight", "move"}
GOALS = {"coverage": (">=", 0.97), "recall": (">=", 0.85), "precision": (">=", 0.75), "unmatched": ("<=", 0.10),
         "violations": ("<=", 0), "plan_500_s": ("<", 5.0)}

SHARED = ROOT.parent / "shared" / "corpus"
SHARED_SETS = ("dev", "check")
SHARED_GOALS = {"dev+check": {"coverage": (">=", 0.97), "recall": (">=", 0.90), "precision": (">=", 0.85),
                              "failed_plans": ("<=", 0)},
                "check": {"coverage": (">=", 0.95), "recall": (">=", 0.85), "precision": (">=", 0.80)}}
PLAN_LIMIT_S = 10.0
OPERATIONS = {"highlight", "transform", "move", "clear"}
TYPESETTING = {"equation", "steps", "matrix"}  # the beat kinds that typeset a formula
LABELS_TYPESET = {"text", "bullets", "comparison", "flow", "plot", "table", "physics", "network", "drawing", "circuit",
                  "message_chart", "annotation", "vector_plane", "cards"}  # components that typeset a label that is a formula
BEYOND_KINDS = {"graph": {"graph"}, "linked_list": {"graph"}, "vector_plane": {"vector_plane"},
                "geometry": {"geometry"}, "number_line": {"number_line"}, "physics_diagram": {"physics"},
                "wave": {"wave"}, "circuit": {"circuit"}, "sequence_diagram": {"message_chart"},
                "contour_plot": {"contour"}}
OTHER_BEYOND = {"drawing"}.union(*BEYOND_KINDS.values())  # biology_diagram, illustration, …
# kinds newer than the labelling vocabulary that are one of its kinds in its own words: a contour plot is "axes
# with function curves" (LABELLING.md: plot), so a contour beat meets a scene's `plot`; a message chart is "boxes or
# nodes joined by arrows: … message exchanges" (LABELLING.md: flow), so it meets a scene's `flow`
LABEL_TERMS = {"contour": {"plot"}, "message_chart": {"flow"}}

_SUPERSCRIPTS = str.maketrans({"²": "^2", "³": "^3", "¹": "^1", "⁴": "^4", "ⁿ": "^n", "−": "-", "–": "-",
                               "“": '"', "”": '"', "‘": "'", "’": "'", "⟶": "→", "⇒": "→"})


def norm(s: str) -> str:
    """Case, spaces, `x²`/`x^2`, `->`/`→` and curly quotes do not matter when matching strings."""
    s = unicodedata.normalize("NFC", str(s)).translate(_SUPERSCRIPTS).lower()
    s = s.replace("->", "→").replace("=>", "→")
    return re.sub(r"\s+", "", s)


def review_norm(s: str) -> str:
    """The shared corpus README's matching: NFKC, lower case, runs of whitespace collapsed to one space — and the
    delimiters of inline LaTeX (`$y = x^2$`, `\\( … \\)`) dropped, as they are never drawn (a price, "$1000", stays), and
    TeX written with every backslash doubled read as written once."""
    s = str(s)
    if "\\\\" in s:
        from compiler.mathtext import undoubled

        s = undoubled(s)  # TeX whose every backslash is doubled is the same formula
    if "$" in s or "\\(" in s:
        from compiler.planner.extract import inline_math

        ticked = inline_math(s)
        if ticked != s:
            s = ticked.replace("`", "")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s).lower()).strip()


_TEX = re.compile(r"\\(?:[A-Za-z]+|[,;:!% ])|[\^_]\{")


def is_formula(s: str) -> bool:
    """A label string written in TeX (`\\frac`, `\\,`, `x^{n+1}`): it reads right only when typeset."""
    return bool(_TEX.search(s))


_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|`([^`]*)`|' r"(?<!\w)'([^']*)'(?!\w)")  # an apostrophe is no quote


def prose_as_text(beats) -> list[str]:
    """One string per text beat that draws more than 4 words not quoted in the details sentence it came from."""
    out = []
    for b in beats:
        if b.kind != "text":
            continue
        quoted = [review_norm("".join(m.groups(""))) for m in _QUOTED.finditer(b.source)]

        def shown(s: str) -> bool:
            # a line of labels the planner joined ("Legs: a = 3, b = 4   ·   Hypotenuse: c = 5"): each label quoted
            if any(review_norm(s) in q for q in quoted):
                return True
            if "\n" in s and all(any(review_norm(ln) in q for q in quoted) for ln in s.split("\n")):
                return True  # quoted lines drawn together, one under the other (an answer box)
            pieces = [x for part in re.split(r"\s+·\s+", s) for x in re.sub(r"^[^:\"]{1,30}:\s+", "", part).split(", ")]
            return len(pieces) > 1 and all(any(review_norm(x) in q for q in quoted) for x in pieces)

        prose = [s for s in b.strings if len([w for w in s.split() if re.search(r"\w", w)]) > 4 and not shown(s)]
        out += prose[:1]
    return out


def load(path: Path):
    """The validated storyboard, repairing LLM JSON damage like `sbc fix` (returns (storyboard, repaired?))."""
    from compiler.fix import repair_loaded
    from compiler.load import load_file
    from compiler.validate import validate_loaded

    loaded = load_file(path)
    repaired = False
    if not loaded.ok:
        loaded, repaired = repair_loaded(loaded), True
    v = validate_loaded(loaded, base_dir=path.parent)
    if not v.ok:
        raise SystemExit(f"{path}: invalid storyboard\n{v.report.format()}")
    return v.storyboard, repaired


@dataclass
class SceneScore:
    strings_total: int = 0
    strings_found: int = 0
    missing: list[str] = field(default_factory=list)
    kinds_needed: int = 0
    kinds_found: int = 0
    missed_kinds: list[str] = field(default_factory=list)
    planned: int = 0
    planned_ok: int = 0
    extra_kinds: list[str] = field(default_factory=list)
    sentences: int = 0
    unmatched: int = 0
    synced: int = 0        # beats of labelled sentences that start with the labelled narration sentence
    synced_near: int = 0   # … or the one before or after it
    sync_total: int = 0
    paced: int = 0         # 1 when the scene is long enough to judge its pacing (>= 3 narration sentences, >= 2 beats)
    front_loaded: int = 0  # … and every new visual appears before half the narration, >= 2 whole sentences later
    late_opening: int = 0  # … and its first picture waits more than 6 s with only the title on screen
    beyond: dict = field(default_factory=dict)  # need -> met (a beat of the matching kind), for the vocabulary issues
    formulas: int = 0      # must-show strings that are formulas (see `formula_label`)
    formulas_typeset: int = 0  # … drawn typeset: in an equation/steps/matrix beat, or a label the component typesets
    formulas_in_math: int = 0  # … drawn in an equation/steps/matrix beat
    formulas_in_asked: int = 0  # … or else drawn typeset in a component of a kind the label asks for (must or may:
    #                            a table cell, a flow box, a network edge the labeller wants there)
    untypeset: list[str] = field(default_factory=list)
    tex_written: int = 0   # must-show formulas written as LaTeX source
    tex_lost: int = 0      # … not drawn typeset in an equation/steps/matrix beat


def _shows_list(items: list[str], beats) -> bool:
    """A must-show list "[1, 4, 5, 2, 8]" is drawn when a beat draws its items in order (boxes, cells, a row)."""
    for b in beats:
        strings = [norm(s) for s in b.strings]
        n = len(items)
        if any(strings[k:k + n] == items for k in range(len(strings) - n + 1)):
            return True
    return False


def score_sync(sc: "SceneScore", timed_scene, label: dict) -> None:
    want = label.get("sync")
    if not want:
        return
    for tb in timed_scene.beats:
        k = tb.beat.detail_index
        if tb.beat.kind in UNSCORED or k >= len(want):
            continue
        sc.sync_total += 1
        sc.synced += tb.sentence + 1 == want[k]
        sc.synced_near += abs(tb.sentence + 1 - want[k]) <= 1


def pacing(timed_scene) -> tuple[int, int, int]:
    """(judged, front-loaded, late opening) for one timed scene. It is judged when it has three or more narration
    sentences and two or more beats. Front-loaded: everything is drawn early and the narration then goes on for
    two or more whole sentences with nothing new on screen (a derivation's lines count as new visuals). Late
    opening: the first picture (a beat that is not the title) waits more than OPENING_WAIT_S (6 s), past the second
    sentence, with only the title on screen."""
    spans = timed_scene.sentences
    if len(spans) < 3 or len(timed_scene.beats) < 2:
        return 0, 0, 0
    last = max(tb.start + (tb.line_times[-1] if tb.line_times else 0.0) for tb in timed_scene.beats)
    after = sum(1 for s in spans if s.start >= last + 0.5)
    from compiler.timing import OPENING_WAIT_S

    first = min((tb.start for tb in timed_scene.beats if tb.beat.kind not in ("title", "clear")), default=0.0)
    late = first > OPENING_WAIT_S and first >= spans[min(2, len(spans) - 1)].start
    return 1, int(after >= 2 and last < 0.5 * spans[-1].end), int(late)


def score_scene(scene_plan, label: dict, sentences: int, unmatched: int) -> SceneScore:
    sc = SceneScore(sentences=sentences, unmatched=unmatched)
    drawn = [norm(s) for b in scene_plan.beats for s in b.strings]
    for s in label.get("strings", []):
        sc.strings_total += 1
        items = [norm(x) for x in s.strip()[1:-1].split(",")] if re.fullmatch(r"\[[^\[\]]+\]", s.strip()) else None
        if any(norm(s) in d for d in drawn) or (items and _shows_list(items, scene_plan.beats)):
            sc.strings_found += 1
        else:
            sc.missing.append(s)
    planned = {b.kind for b in scene_plan.beats} - UNSCORED
    allowed = set(label.get("optional", []))
    for k in label.get("kinds", []):
        alts = [k] if isinstance(k, str) else list(k)
        allowed.update(alts)
        sc.kinds_needed += 1
        if planned & set(alts):
            sc.kinds_found += 1
        else:
            sc.missed_kinds.append("/".join(alts))
    sc.planned = len(planned)
    sc.planned_ok = len(planned & allowed)
    sc.extra_kinds = sorted(planned - allowed)
    return sc


def score_storyboard(path: Path, labels: list[dict]):
    from compiler.plan import plan_storyboard
    from compiler.text import split_sentences

    sb, repaired = load(path)
    t0 = time.perf_counter()
    plan = plan_storyboard(sb)
    plan_s = time.perf_counter() - t0
    if len(labels) != len(plan.scenes):
        raise SystemExit(f"{path.name}: {len(plan.scenes)} scenes but {len(labels)} labels")
    unmatched = [0] * len(plan.scenes)
    for note in plan.diagnostics:
        if note.code == "SB301":
            unmatched[note.path[1]] += 1
    scores = [score_scene(sp, lab, len(sp.details), unmatched[k])
              for k, (sp, lab, scene) in enumerate(zip(plan.scenes, labels, sb.scenes))]
    from compiler.timing import estimate_timings, time_plan

    timed = time_plan(plan, estimate_timings(sb))
    for sc, ts, lab in zip(scores, timed.scenes, labels):
        score_sync(sc, ts, lab)
        sc.paced, sc.front_loaded, sc.late_opening = pacing(ts)
    return sb, plan, scores, repaired, plan_s


def total(scores: list[SceneScore]) -> dict:
    t = {f: sum(getattr(s, f) for s in scores) for f in ("strings_total", "strings_found", "kinds_needed",
                                                          "kinds_found", "planned", "planned_ok", "sentences",
                                                          "unmatched", "synced", "synced_near", "sync_total", "paced",
                                                          "front_loaded", "late_opening")}
    t["formulas"] = sum(s.formulas for s in scores)
    t["formulas_typeset"] = sum(s.formulas_typeset for s in scores)
    t["formulas_in_math"] = sum(s.formulas_in_math for s in scores)
    t["formulas_in_asked"] = sum(s.formulas_in_asked for s in scores)
    t["tex_written"] = sum(s.tex_written for s in scores)
    t["tex_lost"] = sum(s.tex_lost for s in scores)
    t["typeset"] = t["formulas_typeset"] / max(1, t["formulas"])
    return {**t, "coverage": t["strings_found"] / max(1, t["strings_total"]),
            "recall": t["kinds_found"] / max(1, t["kinds_needed"]),
            "precision": t["planned_ok"] / max(1, t["planned"]),
            "unmatched_sentences": t["unmatched"], "unmatched": t["unmatched"] / max(1, t["sentences"]),
            "sync": t["synced"] / max(1, t["sync_total"]), "sync_near": t["synced_near"] / max(1, t["sync_total"])}


def plan_time(storyboards: list, n: int = 500) -> float:
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard
    from compiler.timing import estimate_timings, time_plan

    pool = [sc.model_dump(exclude_none=True) for sb in storyboards for sc in sb.scenes]
    big = Storyboard.model_validate({"scenes": [pool[k % len(pool)] for k in range(n)]})
    t0 = time.perf_counter()
    time_plan(plan_storyboard(big), estimate_timings(big))
    return time.perf_counter() - t0


def check_layout(sb) -> list:
    from compiler.inspect import inspect_storyboard

    return [v for s in inspect_storyboard(sb) for v in s.violations]


# ----------------------------------------------------------------------------- the shared corpus
class Drawn(NamedTuple):
    """What the scoring needs of a beat (a planner Beat has the same fields)."""
    kind: str
    strings: tuple[str, ...]
    source: str


@dataclass
class Planned:
    """A plan as the child process sends it back."""
    scenes: list[list[Drawn]]
    details: list[int]                      # animation_details sentences per scene
    notes: list[tuple[str, int | None]]     # (code, scene index) of each plan diagnostic
    seconds: float
    repaired: bool
    pacing: list[tuple[int, int, int]]      # per scene, see `pacing`


def _plan_child(path: Path, conn) -> None:
    try:
        from compiler.plan import plan_storyboard

        sb, repaired = load(path)
        t0 = time.perf_counter()
        plan = plan_storyboard(sb)
        seconds = time.perf_counter() - t0
        from compiler.timing import estimate_timings, time_plan

        timed = time_plan(plan, estimate_timings(sb))
        conn.send(Planned([[Drawn(b.kind, tuple(b.strings), b.source) for b in sp.beats] for sp in plan.scenes],
                          [len(sp.details) for sp in plan.scenes],
                          [(n.code, n.path[1] if len(n.path) > 1 and n.path[0] == "scenes" else None)
                           for n in plan.diagnostics], seconds, repaired,
                          [pacing(ts) for ts in timed.scenes]))
    except BaseException as e:  # an invalid storyboard (SystemExit from load), PlanError (SB305), a crash
        conn.send(f"{type(e).__name__}: {e}".strip())
    finally:
        conn.close()


def plan_in_time(path: Path) -> Planned | str:
    """Load and plan in a child process (the planner's own budget uses SIGALRM); a string says why it failed."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_plan_child, args=(path, sender), daemon=True)
    child.start()
    sender.close()
    try:
        return receiver.recv() if receiver.poll(PLAN_LIMIT_S) else f"did not finish in {PLAN_LIMIT_S:g} s"
    except EOFError:
        return f"the planning process died (exit code {child.exitcode})"
    finally:
        if child.is_alive():
            child.terminate()
        child.join()


_MATHY = re.compile(r"\\[A-Za-z]+|[=^√∫Σ∑→≈×·²³⁴±≤≥≠∞πθ]|\d\s*[-+*/]\s*\d|\w\(\w|[a-z]_\{?\w")
_NOT_PROSE = {"sin", "cos", "tan", "log", "exp", "sqrt", "lim", "det", "max", "min", "text", "frac", "int", "sum",
              "quad", "cdot", "times"}


def formula_label(s: str) -> bool:
    """A must-show string that is a formula: written in TeX, or maths (a relation, operator, script, Greek…)
    with at most two words of prose ("y = x^2", "c = 31", "C3H8 + 5O2 → 3CO2 + 4H2O"; not "Area = ? square
    units of the region")."""
    if is_formula(s):
        return True
    if not _MATHY.search(s):
        return False
    return len([w for w in re.findall(r"[A-Za-z]{3,}", s) if w.lower() not in _NOT_PROSE]) <= 2


def _typeset_strings(beats) -> list[str]:
    """What the beats draw typeset: every string of an equation/steps/matrix beat, and the texts, list items,
    box, cell and curve labels that are formulas (the text, bullets, comparison, flow, plot, table and physics helpers
    typeset those —
    `compiler.mathtext.is_label_formula`, the test they use — and set the maths of words-with-maths labels,
    `compiler.mathtext.mixed_parts`)."""
    from compiler.mathtext import is_label_formula, mixed_parts

    # (a label of words with inline maths — "Half-life: $t_{1/2} = 6$ h" — has its maths typeset: `mixed_parts`)
    return [review_norm(s) for b in beats for s in b.strings
            if b.kind in TYPESETTING or (b.kind in LABELS_TYPESET and (is_label_formula(s) or mixed_parts(s) is not None))]


def _matrix_drawn(s: str, beats) -> bool:
    """A label that is one matrix written in TeX ("A = \\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix}") is drawn by a
    matrix (or a grid's matrix panel) with its name and every cell: the matrix it writes, typeset."""
    from compiler.planner.extract import tex_matrix

    found = tex_matrix(s.strip())
    if found is None:
        return False
    name, rows = found
    cells = {review_norm(str(c)) for r in rows for c in r}
    return any(b.kind in ("matrix", "vector_plane") and (not name or review_norm(name) in {review_norm(x) for x in b.strings})
               and cells <= {review_norm(x) for x in b.strings} for b in beats)


def score_labelled_scene(beats, label: dict, sentences: int = 0, unmatched: int = 0) -> SceneScore:
    """A scene against a shared-corpus label (`must`, `may`, `strings`, `beyond`), by the README's rules."""
    sc = SceneScore(sentences=sentences, unmatched=unmatched)
    drawn = [review_norm(s) for b in beats for s in b.strings]
    typeset = [review_norm(s) for b in beats if b.kind in TYPESETTING for s in b.strings]
    shown_typeset = _typeset_strings(beats)
    for s in label.get("strings", []):
        as_matrix = _matrix_drawn(s, beats)
        if is_formula(s):
            sc.tex_written += 1
            sc.tex_lost += not (as_matrix or any(review_norm(s) in d for d in typeset))
        if formula_label(s):
            sc.formulas += 1
            if as_matrix or any(review_norm(s) in d for d in typeset):
                sc.formulas_in_math += 1
            elif any(review_norm(s) in d for d in _typeset_strings(
                    [b for b in beats if b.kind in set(label.get("must", [])) | set(label.get("may", []))])):
                sc.formulas_in_asked += 1
            if as_matrix or any(review_norm(s) in d for d in shown_typeset):
                sc.formulas_typeset += 1
            else:
                sc.untypeset.append(s)
        sc.strings_total += 1
        if as_matrix or any(review_norm(s) in d for d in (typeset if is_formula(s) else drawn)):
            sc.strings_found += 1
        else:
            sc.missing.append(s + (" (not typeset)" if any(review_norm(s) in d for d in drawn) else ""))
    planned = {b.kind for b in beats}
    meets = planned.union(*(LABEL_TERMS.get(k, set()) for k in planned))
    for k in label.get("must", []):
        sc.kinds_needed += 1
        if k in meets:
            sc.kinds_found += 1
        else:
            sc.missed_kinds.append(k)
    allowed = set(label.get("must", [])) | set(label.get("may", [])) | {"title", "text"} | OPERATIONS
    for need in label.get("beyond", []):
        allowed |= BEYOND_KINDS.get(need, OTHER_BEYOND)
        sc.beyond[need] = bool(planned & BEYOND_KINDS.get(need, OTHER_BEYOND))
    sc.planned = len(planned)
    sc.planned_ok = len(planned & allowed)
    sc.extra_kinds = sorted(planned - allowed)
    return sc


@dataclass
class Result:
    """One storyboard's figures."""
    name: str
    scores: list[SceneScore]
    plan_s: float
    warnings: Counter = field(default_factory=Counter)
    prose: list[str] = field(default_factory=list)
    error: str | None = None       # why planning failed (then every label counts as missed)
    repaired: bool = False
    violations: list | None = None  # None: the layout check did not run


def score_shared_storyboard(path: Path, labels: list[dict], layout: bool = False) -> Result:
    t0 = time.perf_counter()
    planned = plan_in_time(path)
    if isinstance(planned, str):  # the time it took to fail (load included)
        return Result(path.stem, [score_labelled_scene([], lab) for lab in labels], time.perf_counter() - t0,
                      error=planned)
    unmatched = Counter(k for code, k in planned.notes if code == "SB301")
    scores = []
    for lab in labels:
        k = lab["scene"] - 1
        beats = planned.scenes[k] if k < len(planned.scenes) else []  # a scene the plan lacks: all missed
        scores.append(score_labelled_scene(beats, lab, planned.details[k] if beats else 0, unmatched[k]))
        if beats:
            scores[-1].paced, scores[-1].front_loaded, scores[-1].late_opening = planned.pacing[k]
    return Result(path.stem, scores, planned.seconds, Counter(code for code, _ in planned.notes),
                  [s for beats in planned.scenes for s in prose_as_text(beats)], repaired=planned.repaired,
                  violations=check_layout(load(path)[0]) if layout else None)


def set_total(results: list[Result]) -> dict:
    """The totals of `total` plus failed plans, prose as text, warnings by code and plan time."""
    t = total([sc for r in results for sc in r.scores])
    slowest = max(results, key=lambda r: r.plan_s, default=None)
    warnings = sum((r.warnings for r in results), Counter())
    checked = [r.violations for r in results if r.violations is not None]
    needs: dict[str, list[int]] = {}
    for sc in (sc for r in results for sc in r.scores):
        for need, met in sc.beyond.items():
            needs.setdefault(need, [0, 0])[0] += int(met)
            needs[need][1] += 1
    return {**t, "storyboards": len(results), "scenes": sum(len(r.scores) for r in results),
            "beyond": {k: {"met": m, "scenes": n} for k, (m, n) in sorted(needs.items(), key=lambda x: -x[1][1])},
            "failed_plans": sum(r.error is not None for r in results),
            "prose_as_text": sum(len(r.prose) for r in results),
            "warnings": dict(sorted(warnings.items())), "warnings_total": sum(warnings.values()),
            "plan_s": sum(r.plan_s for r in results),
            "slowest": slowest.name if slowest else None, "slowest_s": slowest.plan_s if slowest else 0.0,
            "violations": sum(len(v) for v in checked) if checked else None}


def row_json(r: Result) -> dict:
    t = total(r.scores)
    return {"storyboard": r.name, "scenes": len(r.scores), "coverage": t["coverage"], "recall": t["recall"],
            "precision": t["precision"], "unmatched": t["unmatched"], "failed": r.error,
            "prose_as_text": r.prose, "warnings": dict(sorted(r.warnings.items())), "plan_s": r.plan_s,
            "repaired": r.repaired, "violations": None if r.violations is None else len(r.violations)}


def print_problems(name: str, scores: list[SceneScore], violations: list | None) -> None:
    for k, s in enumerate(scores, 1):
        problems = ([f"missing {s.missing}"] if s.missing else []) + (
            [f"no {s.missed_kinds}"] if s.missed_kinds else []) + (
            [f"extra {s.extra_kinds}"] if s.extra_kinds else []) + (
            [f"{s.unmatched} unmatched"] if s.unmatched else []) + (
            [f"not typeset {s.untypeset}"] if s.untypeset else [])
        if problems:
            print(f"  {name} scene {k}: " + "; ".join(problems))
    for v in violations or []:
        print(f"  {name} scene {v.scene} beat {v.beat}: {v.kind}: {v.message}")


def print_table(results: list[Result]) -> None:
    layout = any(r.violations is not None for r in results)
    print(f"  {'storyboard':<40} {'scenes':>6} {'coverage':>9} {'recall':>7} {'precision':>9} {'unmatched':>9}"
          f" {'warnings':>8} {'prose':>5} {'plan s':>7}" + (f" {'layout':>6}" if layout else ""))
    for r in results:
        t = total(r.scores)
        name = r.name + (" (repaired)" if r.repaired else "")
        print(f"  {name:<40} {len(r.scores):>6} {t['coverage']:>9.3f} {t['recall']:>7.3f} {t['precision']:>9.3f} "
              f"{t['unmatched']:>9.3f} {sum(r.warnings.values()):>8} {len(r.prose):>5} {r.plan_s:>7.3f}"
              + (f" {len(r.violations):>6}" if r.violations is not None else "")
              + (f"   FAILED: {r.error}" if r.error else ""))


def print_extras(t: dict) -> None:
    """The figures every set reports besides coverage, recall and precision."""
    print(f"  failed plans      {t['failed_plans']:6d}")
    print(f"  prose as text     {t['prose_as_text']:6d}   (text beats drawing > 4 unquoted words of the details)")
    codes = ", ".join(f"{code} {n}" for code, n in t["warnings"].items()) or "none"
    print(f"  warnings          {t['warnings_total']:6d}   ({codes})")
    print(f"  plan time         {t['plan_s']:6.2f} s (slowest: {t['slowest']} {t['slowest_s']:.2f} s)")
    print(f"  front-loaded      {t['front_loaded']:6d}   (of {t['paced']} scenes with >= 3 narration sentences: all "
          "visuals drawn before half the narration, then >= 2 sentences with nothing new; reading-rate timings)")
    print(f"  late openings     {t['late_opening']:6d}   (of those, scenes whose first picture waits > 6 s, past the "
          "second sentence, with only the title on screen)")


def verdict(name: str, value: float, goals: dict = GOALS) -> str:
    op, goal = goals[name]
    ok = {">=": value >= goal, "<=": value <= goal, "<": value < goal}[op]
    return f"goal {op} {goal:<5}  {'PASS' if ok else 'FAIL'}"


def passed(t: dict, goals: dict) -> dict[str, bool]:
    return {name: "PASS" in verdict(name, t[name], goals) for name in goals if t.get(name) is not None}


def run_tests_corpus(files: list[Path], layout: bool, verbose: bool) -> tuple[list[Result], list]:
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    results, storyboards = [], []
    for path in files:
        sb, plan, scores, repaired, plan_s = score_storyboard(path, labels[path.stem])
        storyboards.append(sb)
        results.append(Result(path.stem, scores, plan_s, Counter(n.code for n in plan.diagnostics),
                               [s for sp in plan.scenes for s in prose_as_text(sp.beats)], repaired=repaired,
                               violations=check_layout(sb) if layout else None))
        if verbose:
            print_problems(path.stem, scores, results[-1].violations)
    return results, storyboards


def run_shared(name: str, layout: bool, verbose: bool) -> list[Result]:
    labels = json.loads((SHARED / "labels.json").read_text(encoding="utf-8"))["storyboards"]
    results = []
    for path in sorted((SHARED / name).glob("*.txt")):
        results.append(score_shared_storyboard(path, labels[path.stem], layout))
        if verbose:
            r = results[-1]
            print_problems(f"{name}/{r.name}", r.scores, r.violations)
            for s in r.prose:
                print(f"  {name}/{r.name}: prose as text: {s!r}")
            if r.error:
                print(f"  {name}/{r.name}: plan failed: {r.error}")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="tests/corpus files (default: all of tests/corpus/*.json)")
    ap.add_argument("--set", choices=("tests", "dev", "check", "all"), default="all",
                    help="which corpus to score: tests/corpus, ../shared/corpus/dev or check, or all (default)")
    ap.add_argument("--no-check", action="store_true", help="skip the layout check of tests/corpus (the slow part)")
    ap.add_argument("--check-shared", action="store_true", help="also run the layout check on the shared sets")
    ap.add_argument("--verbose", "-v", action="store_true", help="list missing strings and kinds per scene")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = ap.parse_args(argv)

    out: dict[str, dict] = {}
    status = 0
    if args.set in ("tests", "all"):
        files = args.files or sorted(p for p in CORPUS.glob("*.json") if p.name != "labels.json")
        results, storyboards = run_tests_corpus(files, not args.no_check, args.verbose)
        t = set_total(results)
        t["plan_500_s"] = plan_time(storyboards)
        t["goals"] = passed(t, GOALS)
        t["rows"] = [row_json(r) for r in results]
        out["tests/corpus"] = t
        status = 1 if not all(t["goals"].values()) else 0
        if not args.json:
            print(f"sbc planner benchmark: {len(files)} storyboards, {t['scenes']} scenes, "
                  f"{t['sentences']} animation_details sentences, {t['strings_total']} must-show strings")
            print_table(results)
            print()
            print(f"  string coverage   {t['coverage']:6.3f}  ({t['strings_found']}/{t['strings_total']})   "
                  + verdict("coverage", t["coverage"]))
            print(f"  kind recall       {t['recall']:6.3f}  ({t['kinds_found']}/{t['kinds_needed']})   "
                  + verdict("recall", t["recall"]))
            print(f"  kind precision    {t['precision']:6.3f}  ({t['planned_ok']}/{t['planned']})   "
                  + verdict("precision", t["precision"]))
            print(f"  unmatched         {t['unmatched']:6.3f}  ({t['unmatched_sentences']}/{t['sentences']})   "
                  + verdict("unmatched", t["unmatched"]))
            print(f"  sync by meaning   {t['sync']:6.3f}  ({t['synced']}/{t['sync_total']} beats on their labelled "
                  f"narration sentence; {t['sync_near']:.3f} within one)   (no goal)")
            if t["violations"] is not None:
                print(f"  layout violations {t['violations']:6d}   " + verdict("violations", t["violations"]))
            else:
                print("  layout violations   (skipped: --no-check)")
            print(f"  plan 500 scenes   {t['plan_500_s']:6.2f} s   " + verdict("plan_500_s", t["plan_500_s"]))
            print_extras(t)

    shared = {name: run_shared(name, args.check_shared, args.verbose)
              for name in SHARED_SETS if args.set in (name, "all")}
    for name, results in shared.items():
        t = set_total(results)
        t["rows"] = [row_json(r) for r in results]
        out[name] = t
        if not args.json:
            print(f"\nshared {name}: {t['storyboards']} storyboards, {t['scenes']} scenes, "
                  f"{t['strings_total']} must-show strings ({SHARED / name})")
            print_table(results)
            print()
            print(f"  string coverage   {t['coverage']:6.3f}  ({t['strings_found']}/{t['strings_total']})")
            print(f"  kind recall       {t['recall']:6.3f}  ({t['kinds_found']}/{t['kinds_needed']})")
            print(f"  kind precision    {t['precision']:6.3f}  ({t['planned_ok']}/{t['planned']})")
            print(f"  unmatched         {t['unmatched']:6.3f}  ({t['unmatched_sentences']}/{t['sentences']})")
            print_extras(t)
            if t["violations"] is not None:
                print(f"  layout violations {t['violations']:6d}")
            print(f"  formulas typeset  {t['typeset']:6.3f}  ({t['formulas_typeset']}/{t['formulas']} must-show "
                  f"formulas drawn typeset; {t['formulas_in_math']} of them in equation/steps/matrix beats, the "
                  "rest as labels; SB302 above counts formulas shown as text)")
            print(f"  formulas in math  {t['formulas_in_math'] / max(1, t['formulas']):6.3f}  (in equation/steps/matrix "
                  f"beats; {(t['formulas_in_math'] + t['formulas_in_asked']) / max(1, t['formulas']):.3f} with the "
                  f"{t['formulas_in_asked']} typeset in a component the label's must/may asks for: table cells, flow "
                  "boxes, network edges)")
            print(f"  LaTeX lost        {t['tex_lost']:6d}   (of {t['tex_written']} must-show formulas written as "
                  "LaTeX source, not typeset in an equation, steps or matrix beat)")
            if t["beyond"]:
                met = sum(v["met"] for v in t["beyond"].values())
                n = sum(v["scenes"] for v in t["beyond"].values())
                print(f"  beyond v1 needs   {met / max(1, n):6.3f}  ({met}/{n} scene needs with a beat of the matching kind: "
                      + ", ".join(f"{k} {v['met']}/{v['scenes']}" for k, v in t["beyond"].items()) + ")")
    if len(shared) == len(SHARED_SETS):
        out["dev+check"] = set_total(shared["dev"] + shared["check"])
    for name, goals in SHARED_GOALS.items():
        if name not in out:
            continue
        t = out[name]
        t["goals"] = passed(t, goals)
        if not args.json:
            print(f"\nshared corpus goals, {name} (not part of the exit code)")
            for goal in goals:
                value = f"{t[goal]:6d}" if isinstance(t[goal], int) else f"{t[goal]:6.3f}"
                print(f"  {goal:<17} {value}   " + verdict(goal, t[goal], goals))
    if args.json:
        print(json.dumps(out, indent=2))
    return status


if __name__ == "__main__":
    sys.exit(main())
