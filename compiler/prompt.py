"""`sbc prompt`: a system prompt for a language model that writes storyboards.

Generated at run time from the code, so it follows it: the storyboard format and every component's
fields come from the JSON Schema (`schema.storyboard_schema()`, itself generated from the models), the
phrasings from the phrasebook (`planner/data/phrasebook.json`, checked against the planner by
`tests/test_phrasebook.py`), the limits from the constants that enforce them, and the example
storyboard (`planner/data/prompt_example.json`) is validated by `tests/test_prompt.py`.

Light on purpose (json and pydantic only, no planner, no manim/numpy): it prints in a fraction of a second.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .phrasebook import GROUPS, Entry, Phrasebook, load_phrasebook

EXAMPLE = Path(__file__).resolve().parent / "planner" / "data" / "prompt_example.json"
FORMATS = ("markdown", "json")
VISUAL = "visual"  # the type name of one explicit visual (an object whose `kind` picks its fields)
MAX_DESCRIPTION = 160  # characters of a field's description in the markdown prompt (the json keeps all of it)
SEED_FIELDS = ("scene_plot", "animation_details", "animation_style", "audio_text")

INTRO = (
    "You write storyboards for sbc, a compiler that turns a storyboard — a JSON object with a list of scenes — "
    "into a narrated explainer video. Every scene is planned into visual beats (titles, formulas, tables, plots, "
    "graphs, circuits…) by deterministic rules that read the scene's `animation_details`, animated, narrated "
    "from its `audio_text` by a text-to-speech voice, and the scenes are joined into one video. Nobody edits "
    "what you write: write it so the rules understand it.")

OUTPUT_RULES = (
    "Answer with the JSON object only: no markdown code fence, no prose before or after it.",
    "Use double quotes for JSON strings; escape a double quote inside a string as \\\" and a line break as \\n.",
    "Every scene has the four fields below, none of them empty; no placeholders (`TODO`, `...`).",
    "Only the keys of the format below: unknown keys are reported.",
)

# What each of the four fields is for, beyond its schema description: how sbc uses it.
FIELD_USE = {
    "scene_plot": "One or two plain sentences on what the scene teaches. Not drawn; the planner reads numbers and "
                  "topic words from it (and shows its first sentence when nothing else could be drawn).",
    "animation_details": "It alone decides what is drawn. One action per sentence (a numbered list works too); "
                         "formulas written bare in a sentence are typeset too. Name the "
                         "thing you draw (table, plot, tree, circuit, number line…) and give its data: numbers, "
                         "rows, coordinates, values — sbc never invents them. Later sentences act on what is on "
                         "screen (highlight, box, update, mark, insert, move); `the same … from Scene 1` brings back "
                         "an earlier scene's figure. A sentence that describes a picture sbc cannot draw is reported, "
                         "not drawn: prefer the phrasings below.",
    "animation_style": "Write them as short sentences: `Dark blue background.`, a hex code `#0f0f1a`, "
                       "`Equations in yellow.`, `Title in light blue.`, `Encoder in blue, decoder in green.` "
                       "State the background in the first scene; later scenes may say `Keep the dark background.`",
    "audio_text": "It is read aloud sentence by sentence; each beat appears with the sentence that speaks "
                  "of it, so narrate in the same order as `animation_details` and name what is shown. Plain "
                  "spoken sentences: no markdown, no lists, no URLs.",
}


# ----------------------------------------------------------------------------- reading the schema
@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str
    example: Any = None

    def to_json(self) -> dict:
        out = {"name": self.name, "type": self.type, "required": self.required, "description": self.description}
        if self.example is not None:
            out["example"] = self.example
        return out


@dataclass(frozen=True)
class ObjectDoc:
    name: str
    description: str
    fields: tuple[Field, ...]

    def to_json(self) -> dict:
        return {"name": self.name, "description": self.description, "fields": [f.to_json() for f in self.fields]}


def _def_name(ref: str) -> str:
    """`#/$defs/GraphNode` -> GraphNode; pydantic's module-qualified names (two models called `Marker`) ->
    `PlotMarker`, `NumberLineMarker`."""
    name = ref.rsplit("/", 1)[-1]
    if "__" in name:
        parts = name.split("__")
        name = "".join(p.title() for p in parts[-2].split("_")) + parts[-1]
    return name


def _number(v: float) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


class _Types:
    """Compact type expressions for JSON Schema fragments; remembers the objects they refer to."""

    def __init__(self, defs: dict):
        self.defs = defs
        self.refs: list[str] = []

    def of(self, s: dict, nested: bool = False) -> str:
        if "$ref" in s:
            ref = s["$ref"].rsplit("/", 1)[-1]
            if ref not in self.refs:
                self.refs.append(ref)
            return _def_name(ref)
        if "const" in s:
            return json.dumps(s["const"], ensure_ascii=False)
        if "enum" in s:
            text = " | ".join(json.dumps(v, ensure_ascii=False) for v in s["enum"])
            return f"({text})" if nested and len(s["enum"]) > 1 else text
        for key in ("anyOf", "oneOf"):
            if key in s:
                if _find_mapping({"discriminator": s.get("discriminator")}):
                    for x in s[key]:  # the visuals: one of the kinds listed apart
                        self.of(x)
                    return VISUAL
                options = [x for x in s[key] if x.get("type") != "null"]
                if len(options) == 1:
                    return self.of(options[0], nested=nested)
                parts: list[str] = []
                for x in options:
                    t = self.of(x, nested=True)
                    if t not in parts:
                        parts.append(t)
                if "number" in parts and "integer" in parts:
                    parts.remove("integer")
                text = " | ".join(parts) or "null"
                return f"({text})" if nested and len(parts) > 1 else text
        t = s.get("type")
        if t == "array":
            inner = self.of(s.get("items") or {}, nested=True) if s.get("items") else "any"
            lo, hi = s.get("minItems"), s.get("maxItems")
            size = (f" ({lo})" if lo is not None and lo == hi else f" ({lo}–{hi})" if lo and hi else
                    f" (≤ {hi})" if hi is not None else f" (≥ {lo})" if lo else "")
            return f"list{size} of {inner}"
        if t in ("number", "integer"):
            bounds = [f"≥ {_number(s['minimum'])}" if "minimum" in s else "",
                      f"> {_number(s['exclusiveMinimum'])}" if "exclusiveMinimum" in s else "",
                      f"≤ {_number(s['maximum'])}" if "maximum" in s else "",
                      f"< {_number(s['exclusiveMaximum'])}" if "exclusiveMaximum" in s else ""]
            bounds = [b for b in bounds if b]
            text = t + (" " + ", ".join(bounds) if bounds else "")
            return f"({text})" if nested and len(bounds) > 1 else text
        if t == "string":
            return "string"
        return t or "any"

    def fields(self, s: dict, skip: tuple[str, ...] = ()) -> tuple[Field, ...]:
        required = set(s.get("required", ()))
        out = []
        for name, prop in (s.get("properties") or {}).items():
            if name in skip:
                continue
            examples = prop.get("examples") or []
            out.append(Field(name, self.of(prop), name in required, " ".join((prop.get("description") or "").split()),
                             examples[0] if examples else None))
        return tuple(out)


def _find_mapping(s: Any) -> dict | None:
    """The discriminator mapping kind -> $ref under a schema fragment (wherever the visuals' union sits)."""
    if isinstance(s, dict):
        d = s.get("discriminator")
        if isinstance(d, dict) and d.get("propertyName") == "kind" and isinstance(d.get("mapping"), dict):
            return d["mapping"]
        for v in s.values():
            found = _find_mapping(v)
            if found:
                return found
    elif isinstance(s, list):
        for v in s:
            found = _find_mapping(v)
            if found:
                return found
    return None


@dataclass(frozen=True)
class Format:
    """The storyboard format, read from the JSON Schema."""
    description: str
    top: tuple[Field, ...]
    settings: tuple[Field, ...]
    theme: tuple[Field, ...]
    scene: tuple[Field, ...]
    visuals: Field | None
    common: tuple[Field, ...]                    # fields every visual takes
    components: tuple[tuple[str, str, tuple[Field, ...]], ...]  # (kind, description, own fields)
    objects: tuple[ObjectDoc, ...]               # the objects those fields refer to


@lru_cache(maxsize=None)
def read_format() -> Format:
    from .components import VISUAL_KINDS
    from .schema import storyboard_schema

    schema = storyboard_schema()
    defs = schema.get("$defs", {})
    types = _Types(defs)
    scene_def = defs["Scene"]
    scene = types.fields(scene_def)
    visuals_prop = (scene_def.get("properties") or {}).get("visuals")
    visuals = next((f for f in scene if f.name == "visuals"), None)
    mapping = _find_mapping(visuals_prop) or {}
    order = [k for k in VISUAL_KINDS if k in mapping] + sorted(k for k in mapping if k not in VISUAL_KINDS)
    visual_defs = {k: defs[mapping[k].rsplit("/", 1)[-1]] for k in order}
    common_names = [n for n in next(iter(visual_defs.values()))["properties"]
                    if n != "kind" and all(n in d["properties"] for d in visual_defs.values())] if visual_defs else []
    first = next(iter(visual_defs.values()), {"properties": {}})
    common = tuple(f for f in types.fields(first) if f.name in common_names)
    components = []
    for kind, d in visual_defs.items():
        own = []
        for f in types.fields(d, skip=("kind",)):
            base = next((c for c in common if c.name == f.name), None)
            if base is None or base.description != f.description:
                own.append(f)
        desc = " ".join(((d["properties"].get("kind") or {}).get("description") or d.get("description") or "").split())
        components.append((kind, desc, tuple(own)))
    # the objects the visual fields refer to, breadth first (their own references too)
    objects = []
    seen = set(mapping[k].rsplit("/", 1)[-1] for k in order) | {"Scene", "FileSettings", "Theme", "Storyboard"}
    k = 0
    while k < len(types.refs):
        ref = types.refs[k]
        k += 1
        if ref in seen or ref not in defs:
            continue
        seen.add(ref)
        d = defs[ref]
        objects.append(ObjectDoc(_def_name(ref), " ".join((d.get("description") or "").split()), types.fields(d)))
    top = _Types(defs).fields(schema)
    settings = _Types(defs).fields(defs.get("FileSettings", {}))
    theme = _Types(defs).fields(defs.get("Theme", {}))
    return Format(description=schema.get("description", ""), top=top, settings=settings, theme=theme,
                  scene=scene, visuals=visuals, common=common, components=tuple(components), objects=tuple(objects))


# ----------------------------------------------------------------------------- limits
def limits() -> list[str]:
    """The limits a storyboard meets, from the constants (and schema) that enforce them."""
    from .load import MAX_BYTES, MAX_DEPTH
    from .mathtext import MAX_LAYOUT_DEPTH, MAX_LENGTH
    from .planner.budget import SCENE_BUDGET_S
    from .text import MAX_SPOKEN_WORD
    from .validate import MAX_SCENE_NARRATION_S, READING_RATE_WPS

    fmt = read_format()
    scenes = next((f for f in fmt.top if f.name == "scenes"), None)
    out = [f"A file of at most {MAX_BYTES // (1024 * 1024)} MB, JSON nested at most {MAX_DEPTH} deep."]
    if scenes is not None:
        out.append(f"`scenes`: {scenes.type}.")
    if fmt.visuals is not None:
        out.append(f"`visuals`: {fmt.visuals.type}.")
    out += [
        f"Narration: about {int(MAX_SCENE_NARRATION_S * READING_RATE_WPS)} words ({MAX_SCENE_NARRATION_S} s) per scene "
        f"at most — split longer scenes; at least 3 words; no word longer than {MAX_SPOKEN_WORD} characters.",
        f"A formula: at most {MAX_LENGTH} characters, fractions, roots and exponents nested at most "
        f"{MAX_LAYOUT_DEPTH} deep (deeper ones are shown as text).",
        f"Planning takes at most {SCENE_BUDGET_S:g} s per scene: keep each sentence to one action.",
        "Components draw a bounded amount (a table, a list, a matrix…): see the `list (≤ N)` bounds of their fields; "
        "a planned one that is longer is cut and reported.",
    ]
    return out


def example_storyboard() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- the prompt
def _q(text: str) -> str:
    """A string as it is written in the storyboard's JSON."""
    return json.dumps(text, ensure_ascii=False)


def _short(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """At most `limit` characters, cut at a word."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2].isalpha() and not text[:2].isupper() else text


def _field_line(f: Field, examples: bool = True) -> str:
    head = f"- `{f.name}` ({f.type}{', required' if f.required else ''})"
    desc = f" — {_short(f.description)}" if f.description else ""
    ex = ""
    if examples and f.example is not None and not isinstance(f.example, bool):
        text = json.dumps(f.example, ensure_ascii=False)
        if len(text) <= 100:
            ex = f" e.g. `{text}`"
    return head + desc + ex


def _entry_line(e: Entry) -> str:
    if len(e.details) == 1:
        write = _q(e.details[0])
    else:
        write = "; ".join(f"scene {k}: {_q(d)}" for k, d in enumerate(e.details, 1))
    style = f" (with `animation_style` {_q(e.style)})" if e.style else ""
    head = f"**{e.component}** — {e.want}" if e.component else e.want
    return f"- {head}: {write}{style} → {e.get} [{', '.join(e.kinds)}]"


def _markdown(fmt: Format, pb: Phrasebook) -> str:
    out = ["# Writing storyboards for sbc", "", INTRO, "", "## Output", ""]
    out += [f"- {r}" for r in OUTPUT_RULES]
    out += ["", "## The storyboard format", "", fmt.description, "", "Top level:", ""]
    out += [_field_line(f) for f in fmt.top]
    if fmt.settings:
        out += ["", "`settings`:", ""] + [_field_line(f) for f in fmt.settings]
    if fmt.theme:
        out += ["", "`settings.theme`:", ""] + [_field_line(f) for f in fmt.theme]
    out += ["", "## The four fields of a scene", ""]
    for name in SEED_FIELDS:
        f = next((x for x in fmt.scene if x.name == name), None)
        if f is None:
            continue
        out.append(f"- `{name}` ({f.type}{', required' if f.required else ''}) — {f.description} {FIELD_USE.get(name, '')}"
                   .rstrip())
    out += ["", "Optional scene fields:", ""]
    out += [_field_line(f) for f in fmt.scene if f.name not in SEED_FIELDS]
    out += ["", "## Phrasing the planner understands best", "",
            "Each line: what you want, the `animation_details` to write (as a JSON string), what sbc draws, and "
            "the kinds of its beats. Every line is checked against the planner. Reuse these sentence shapes with "
            "your own content."]
    for group, title in GROUPS.items():
        out += ["", f"### {title}", ""] + [_entry_line(e) for e in pb.group(group)]
    out += ["", "## Explicit visuals (optional)", "",
            "Prefer `animation_details`. When a scene needs exact control, its `visuals` give the beats directly"
            + (f" ({_lower_first(fmt.visuals.description).rstrip('.')})." if fmt.visuals and fmt.visuals.description
               else ".") + f" Each {VISUAL} is an object with `kind` and the fields of that kind.", ""]
    if fmt.common:
        out += ["Every visual also takes:", ""] + [_field_line(f, examples=False) for f in fmt.common] + [""]
    for kind, desc, fields in fmt.components:
        out += [f"### `{kind}` — {desc}", ""] + ([_field_line(f) for f in fields] or ["(no other fields)"]) + [""]
    if fmt.objects:
        out += ["### Objects used in those fields", ""]
        for o in fmt.objects:
            fields = "; ".join(f"`{f.name}` ({f.type}{', required' if f.required else ''})"
                               + (f": {_short(f.description, 100).rstrip('.')}" if f.description else "") for f in o.fields)
            out.append(f"- **{o.name}**" + (f" — {o.description}" if o.description else "") + f": {fields}")
        out.append("")
    out += ["## Limits", ""] + [f"- {x}" for x in limits()]
    out += ["", "## Example storyboard", "", "```json", json.dumps(example_storyboard(), indent=2, ensure_ascii=False),
            "```", ""]
    return "\n".join(out)


def _json(fmt: Format, pb: Phrasebook) -> str:
    data = {
        "intro": INTRO,
        "output": list(OUTPUT_RULES),
        "format": {"description": fmt.description, "top": [f.to_json() for f in fmt.top],
                   "settings": [f.to_json() for f in fmt.settings], "theme": [f.to_json() for f in fmt.theme],
                   "scene": [dict(f.to_json(), use=FIELD_USE[f.name]) if f.name in FIELD_USE else f.to_json()
                             for f in fmt.scene]},
        "phrasebook": [{"id": e.id, "group": e.group, "component": e.component, "want": e.want,
                        "animation_details": list(e.details), "animation_style": e.style, "get": e.get,
                        "kinds": list(e.kinds)} for e in pb.entries],
        "visuals": {"description": fmt.visuals.description if fmt.visuals else None,
                    "common": [f.to_json() for f in fmt.common],
                    "components": [{"kind": k, "description": d, "fields": [f.to_json() for f in fs]}
                                   for k, d, fs in fmt.components],
                    "objects": [o.to_json() for o in fmt.objects]},
        "limits": limits(),
        "example": example_storyboard(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def build_prompt(fmt: str = "markdown") -> str:
    """The system prompt, in `fmt` (markdown or json). Deterministic: the same code gives the same text."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return (_markdown if fmt == "markdown" else _json)(read_format(), load_phrasebook())
