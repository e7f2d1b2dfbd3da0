"""Stage 6 — generate: timed scene plans -> readable Manim code, one file per scene.

Templates never quote: every storyboard value reaches the code through the `py` filter, which
accepts only plain data (str, int, finite float, bool, None, lists, tuples, dicts with str keys) and
writes it with `repr`. Names go through `ident`. Every generated file is `compile()`d before it is
written, and written atomically.
"""

from __future__ import annotations

import hashlib
import keyword
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from .diagnostics import Severity
from .mathtext import to_tex
from .planner.beats import PlanNote
from .timing import TimedBeat, TimedScene

TEMPLATE_DIRS = (Path(__file__).resolve().parent.parent / "templates", Path(__file__).resolve().parent / "_templates")


class UnsafeValue(TypeError):
    pass


def _check(value, depth: int = 0) -> None:
    if depth > 20:
        raise UnsafeValue("value nested too deeply")
    if value is None or isinstance(value, (bool, int, str)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise UnsafeValue(f"non-finite number {value!r}")
        return
    if isinstance(value, (list, tuple)):
        for v in value:
            _check(v, depth + 1)
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise UnsafeValue(f"dict key {k!r} is not a string")
            _check(v, depth + 1)
        return
    raise UnsafeValue(f"{type(value).__name__} cannot be written into generated code")


def py(value) -> str:
    """A Python literal for plain data, via `repr` (never via string formatting)."""
    _check(value)
    if isinstance(value, tuple):
        value = list(value)
    return repr(value)


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def ident(name: str) -> str:
    if not isinstance(name, str) or not _IDENT.match(name) or keyword.iskeyword(name):
        raise UnsafeValue(f"{name!r} is not a safe Python identifier")
    return name


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    dirs = [str(d) for d in TEMPLATE_DIRS if d.is_dir()]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters["py"] = py
    env.filters["ident"] = ident
    return env


def template_version() -> str:
    """Hash of every template and runtime helper: part of the scene cache key."""
    h = hashlib.sha256()
    runtime = Path(__file__).resolve().parent / "runtime"
    files = sorted(p for d in TEMPLATE_DIRS if d.is_dir() for p in d.rglob("*.j2"))
    files += sorted(runtime.rglob("*.py"))
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def code_version() -> str:
    """Hash of sbc's own code and knowledge files (planner rules, formula reader, lexicon…): a build made by
    other code is not up to date, even when the storyboard and templates are the same."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted(list(root.rglob("*.py")) + list(root.rglob("*.json"))):
        if "__pycache__" in p.parts:
            continue
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class GeneratedScene:
    number: int
    class_name: str
    filename: str
    code: str
    notes: tuple[PlanNote, ...]
    beat_starts: tuple[float, ...] = ()
    duration: float = 0.0

    @property
    def code_hash(self) -> str:
        return hashlib.sha256(self.code.encode()).hexdigest()


def class_name(number: int) -> str:
    return f"Scene{number:02d}"


def _beat_context(tb: TimedBeat, scene_number: int, notes: list[PlanNote]) -> dict:
    p = dict(tb.beat.params)
    p.pop("sentence", None)
    _resolve_colours(p, scene_number, notes)
    if tb.beat.kind == "equation":
        formulas = []
        for expr in p.get("exprs", []):
            res = to_tex(expr)
            if res.tex is None:
                notes.append(PlanNote("SB302", f"scene {scene_number}: formula shown as text ({res.reason}): {expr[:60]!r}",
                                      ("scenes", scene_number - 1, "animation_details")))
            formulas.append([res.tex, expr])
        p["formulas"] = formulas
    # -- layout components: the lines of `steps` and the new formula of a `transform` go to TeX here too
    elif tb.beat.kind == "steps" or (tb.beat.kind == "transform" and p.get("expr")):
        from .components.steps import step_formulas

        formulas, failed = step_formulas(p["lines"] if tb.beat.kind == "steps" else [p["expr"]])
        for expr, reason in failed:
            notes.append(PlanNote("SB302", f"scene {scene_number}: formula shown as text ({reason}): {expr[:60]!r}",
                                  ("scenes", scene_number - 1, "animation_details")))
        if tb.beat.kind == "steps":
            p["formulas"] = formulas
        else:
            p["formula"] = [formulas[0][0], p["expr"]]
    if tb.beat.kind in ("equation", "steps") and p.get("tints"):
        # "the factor 1.1 in gold": the piece's TeX (its glyphs are found in each line) and its colour
        tints = []
        for part, col in p["tints"].items():
            res = to_tex(part)
            if res.tex is None:
                notes.append(PlanNote("SB302", f"scene {scene_number}: a piece to colour is no formula ({res.reason}): "
                                      f"{part[:60]!r} is not coloured", ("scenes", scene_number - 1, "animation_style")))
            else:
                tints.append([res.tex, col])
        p["tints"] = tints
    if tb.beat.kind == "highlight" and p.get("part"):
        res = to_tex(p["part"])  # the piece of a formula to mark: its glyphs are found by its TeX
        if res.tex is not None:
            p["part_tex"] = res.tex
    return {"kind": tb.beat.kind, "p": p, "start": round(tb.start, 3), "duration": round(tb.duration, 3),
            "sentence": tb.sentence + 1, "rule": tb.beat.rule, "strings": list(tb.beat.strings),
            "line_times": [round(t, 3) for t in tb.line_times]}


def _resolve_colours(p: dict, scene_number: int, notes: list[PlanNote]) -> None:
    """Colour names a storyboard may use ("light blue", "gold") become hex codes Manim reads."""
    from .planner.theme import colour_value

    def resolve(value):
        if not isinstance(value, str):
            return value
        hexed = colour_value(value)
        if hexed is None:
            notes.append(PlanNote("SB303", f"scene {scene_number}: unknown colour {value!r}; using the theme's",
                                  ("scenes", scene_number - 1)))
        return hexed

    for key in ("color", "flash_numbers"):
        if key in p:
            p[key] = resolve(p[key])
    if isinstance(p.get("tints"), dict):  # (a piece in a colour no one knows is not coloured: said, SB303)
        p["tints"] = {piece: hexed for piece, col in p["tints"].items() if (hexed := resolve(col))}
    if isinstance(p.get("colors"), list):
        p["colors"] = [resolve(c) for c in p["colors"]]


def runtime_module(kind: str) -> str | None:
    from .components import COMPONENTS

    return COMPONENTS[kind].RUNTIME


def generate_scene(ts: TimedScene, *, use_latex: bool = False) -> GeneratedScene:
    notes: list[PlanNote] = []
    beats = [_beat_context(tb, ts.plan.number, notes) for tb in ts.beats]
    modules = sorted({m for m in (runtime_module(b["kind"]) for b in beats) if m})
    name = class_name(ts.plan.number)
    filename = f"scene_{ts.plan.number:02d}.py"
    code = environment().get_template("scene.py.j2").render(
        number=ts.plan.number, class_name=name, filename=filename, modules=modules, beats=beats,
        theme=ts.plan.theme.to_json(), duration=round(ts.duration, 3), transition=ts.plan.transition,
        use_latex=use_latex)
    compile(code, filename, "exec")  # a template bug must never reach the renderer
    return GeneratedScene(ts.plan.number, name, filename, code, tuple(notes),
                          tuple(round(tb.start, 3) for tb in ts.beats), round(ts.duration, 3))


def write_scene(gen: GeneratedScene, scenes_dir: Path) -> Path:
    from .fix import write_atomic

    scenes_dir.mkdir(parents=True, exist_ok=True)
    path = scenes_dir / gen.filename
    if not path.exists() or path.read_text(encoding="utf-8") != gen.code:
        write_atomic(path, gen.code)
    return path


def severity_warning() -> Severity:
    return Severity.WARNING
