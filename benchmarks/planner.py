"""Planner benchmark: how well `sbc plan` understands the labelled corpus of LLM storyboards.

    .venv/bin/python benchmarks/planner.py [--no-check] [--verbose] [--json] [FILE ...]

Over `tests/corpus/*.json` (labels in `tests/corpus/labels.json`; damaged JSON is repaired the way
`sbc fix` does) it prints, per storyboard and in total:

- string coverage: share of the must-show strings that some beat of the scene draws (matched
  against the beats' `strings`, ignoring case, spaces and the spelling of squares and arrows; a bracketed list "[1, 4, 5]"
  counts as drawn when a beat draws its items in that order — boxes in a row, cells);
- kind recall: share of the component kinds a scene needs that its beats include (a label may list
  alternatives); kind precision: share of the kinds the beats use that the labels need or allow.
  Operations that draw nothing new (`clear`, `highlight`, `move`) are not scored;
- unmatched: share of `animation_details` sentences that produced no beat (SB301);
- sync: for the storyboards whose labels give `sync` (the narration sentence each details sentence belongs
  with), the share of beats that start on that sentence (and within one sentence) — no goal, a measure;
- layout violations from `sbc check` (compiler.inspect.inspect_storyboard), unless `--no-check`;
- the time to plan a 500-scene storyboard made of the corpus scenes.

Goals: coverage >= 0.97, recall >= 0.85, precision >= 0.75, unmatched <= 5 %, violations 0,
500 scenes planned in < 5 s. Each goal prints PASS or FAIL; the exit code is 1 if any fails.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
UNSCORED = {"clear", "highlight", "move"}
GOALS = {"coverage": (">=", 0.97), "recall": (">=", 0.85), "precision": (">=", 0.75), "unmatched": ("<=", 0.05),
         "violations": ("<=", 0), "plan_500_s": ("<", 5.0)}

_SUPERSCRIPTS = str.maketrans({"²": "^2", "³": "^3", "¹": "^1", "⁴": "^4", "ⁿ": "^n", "−": "-", "–": "-",
                               "“": '"', "”": '"', "‘": "'", "’": "'", "⟶": "→", "⇒": "→"})


def norm(s: str) -> str:
    """Case, spaces, `x²`/`x^2`, `->`/`→` and curly quotes do not matter when matching strings."""
    s = unicodedata.normalize("NFC", str(s)).translate(_SUPERSCRIPTS).lower()
    s = s.replace("->", "→").replace("=>", "→")
    return re.sub(r"\s+", "", s)


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
    plan = plan_storyboard(sb)
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
    return sb, plan, scores, repaired


def total(scores: list[SceneScore]) -> dict:
    t = {f: sum(getattr(s, f) for s in scores) for f in ("strings_total", "strings_found", "kinds_needed",
                                                          "kinds_found", "planned", "planned_ok", "sentences",
                                                          "unmatched", "synced", "synced_near", "sync_total")}
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


def verdict(name: str, value: float) -> str:
    op, goal = GOALS[name]
    ok = {">=": value >= goal, "<=": value <= goal, "<": value < goal}[op]
    return f"goal {op} {goal:<5}  {'PASS' if ok else 'FAIL'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="corpus files (default: all of tests/corpus/*.json)")
    ap.add_argument("--no-check", action="store_true", help="skip the layout check (the slow part)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list missing strings and kinds per scene")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = ap.parse_args(argv)

    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    files = args.files or sorted(p for p in CORPUS.glob("*.json") if p.name != "labels.json")
    all_scores: list[SceneScore] = []
    storyboards = []
    violations: dict[str, list] = {}
    rows = []
    for path in files:
        sb, plan, scores, repaired = score_storyboard(path, labels[path.stem])
        storyboards.append(sb)
        all_scores += scores
        t = total(scores)
        if not args.no_check:
            violations[path.stem] = check_layout(sb)
        rows.append((path.stem + (" (repaired)" if repaired else ""), len(scores), t, violations.get(path.stem)))
        if args.verbose:
            for k, s in enumerate(scores, 1):
                problems = ([f"missing {s.missing}"] if s.missing else []) + (
                    [f"no {s.missed_kinds}"] if s.missed_kinds else []) + (
                    [f"extra {s.extra_kinds}"] if s.extra_kinds else []) + (
                    [f"{s.unmatched} unmatched"] if s.unmatched else [])
                if problems:
                    print(f"  {path.stem} scene {k}: " + "; ".join(problems))
            for v in violations.get(path.stem, []):
                print(f"  {path.stem} scene {v.scene} beat {v.beat}: {v.kind}: {v.message}")

    t = total(all_scores)
    t["violations"] = sum(len(v) for v in violations.values()) if not args.no_check else None
    t["plan_500_s"] = plan_time(storyboards)
    if args.json:
        print(json.dumps(t, indent=2))
    else:
        print(f"sbc planner benchmark: {len(files)} storyboards, {len(all_scores)} scenes, "
              f"{t['sentences']} animation_details sentences, {t['strings_total']} must-show strings")
        print(f"  {'storyboard':<40} {'scenes':>6} {'coverage':>9} {'recall':>7} {'precision':>9} {'unmatched':>9}"
              + ("" if args.no_check else f" {'layout':>6}"))
        for name, n, r, viol in rows:
            print(f"  {name:<40} {n:>6} {r['coverage']:>9.3f} {r['recall']:>7.3f} {r['precision']:>9.3f} "
                  f"{r['unmatched']:>9.3f}" + ("" if viol is None else f" {len(viol):>6}"))
        print()
        print(f"  string coverage   {t['coverage']:6.3f}  ({t['strings_found']}/{t['strings_total']})   "
              + verdict("coverage", t["coverage"]))
        print(f"  kind recall       {t['recall']:6.3f}  ({t['kinds_found']}/{t['kinds_needed']})   "
              + verdict("recall", t["recall"]))
        print(f"  kind precision    {t['precision']:6.3f}  ({t['planned_ok']}/{t['planned']})   "
              + verdict("precision", t["precision"]))
        print(f"  unmatched         {t['unmatched']:6.3f}  ({t['unmatched_sentences']}/{t['sentences']})   "
              + verdict("unmatched", t["unmatched"]))
        print(f"  sync by meaning   {t['sync']:6.3f}  ({t['synced']}/{t['sync_total']} beats on their labelled narration "
              f"sentence; {t['sync_near']:.3f} within one)   (no goal)")
        if t["violations"] is not None:
            print(f"  layout violations {t['violations']:6d}   " + verdict("violations", t["violations"]))
        else:
            print("  layout violations   (skipped: --no-check)")
        print(f"  plan 500 scenes   {t['plan_500_s']:6.2f} s   " + verdict("plan_500_s", t["plan_500_s"]))
    failed = [name for name in GOALS if t.get(name) is not None and "FAIL" in verdict(name, t[name])]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
