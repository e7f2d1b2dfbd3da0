"""The README's reference of every component's fields, generated from the visual models.

`python -m compiler.components.reference --write README.md` rewrites the section between
`<!-- fields:start -->` and `<!-- fields:end -->`; a test fails when the README is out of date. The
models are the only source: a field added to a component shows up here, with its description.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import COMPONENTS
from .base import VisualBase

START, END = "<!-- fields:start -->", "<!-- fields:end -->"
SHARED = tuple(VisualBase.model_fields)  # color, sentence, beat, after, plan: every kind has them


def _type(p: dict, defs: dict) -> str:
    """A JSON Schema property as a short type: `number`, `[number, number]`, `list of Curve`, `a | b`."""
    if "anyOf" in p:
        alts = [_type(x, defs) for x in p["anyOf"] if x.get("type") != "null"]
        return " or ".join(dict.fromkeys(alts))
    if "enum" in p:
        return " \\| ".join(f"`{v}`" for v in p["enum"])
    if "const" in p:
        return f"`{p['const']}`"
    if "$ref" in p:
        return p["$ref"].rsplit("/", 1)[-1]
    t = p.get("type")
    if t == "array":
        if "prefixItems" in p:
            return "[" + ", ".join(_type(x, defs) for x in p["prefixItems"]) + "]"
        item = _type(p.get("items", {}), defs) if p.get("items") else "any"
        if p.get("minItems") is not None and p.get("minItems") == p.get("maxItems") and p["minItems"] <= 4:
            return "[" + ", ".join([item] * p["minItems"]) + "]"
        return f"list of {item}"
    if t == "object":
        return "object"
    return t or "any"


def _refs(p: dict) -> list[str]:
    out = []
    stack = [p]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if "$ref" in x:
                out.append(x["$ref"].rsplit("/", 1)[-1])
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return list(dict.fromkeys(reversed(out)))


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _rows(props: dict, required: set, defs: dict, skip: tuple = ()) -> list[str]:
    return [f"| `{name}` | {_type(p, defs)}{' (required)' if name in required else ''} "
            f"| {_cell(p.get('description', ''))} |"
            for name, p in props.items() if name not in skip and name != "kind"]


def fields_markdown() -> str:
    """The whole section: the fields every visual shares, then one collapsible table per kind."""
    base = VisualBase.model_json_schema()
    out = [START,
           "Every visual has `kind` and these shared fields:", "",
           "| field | type | meaning |", "|---|---|---|",
           *_rows(base["properties"], set(), base.get("$defs", {})), ""]
    for kind, module in COMPONENTS.items():
        schema = module.MODEL.model_json_schema()
        defs = schema.get("$defs", {})
        props = schema["properties"]
        out += [f"<details><summary><b><code>{kind}</code></b> — {_cell(props['kind'].get('description', ''))}</summary>",
                "", "| field | type | meaning |", "|---|---|---|",
                *_rows(props, set(schema.get("required", [])), defs, SHARED)]
        seen: list[str] = []
        todo = [r for name, p in props.items() if name not in SHARED for r in _refs(p)]
        while todo:
            name = todo.pop(0)
            if name in seen or name not in defs:
                continue
            seen.append(name)
            d = defs[name]
            out += ["", f"`{name}`: " + _cell(d.get("description", "")), "", "| field | type | meaning |", "|---|---|---|",
                    *_rows(d.get("properties", {}), set(d.get("required", [])), defs)]
            todo += [r for p in d.get("properties", {}).values() for r in _refs(p)]
        out += ["", "</details>", ""]
    out.append(END)
    return "\n".join(out)


def replace_section(text: str, section: str) -> str:
    """`text` with the part between the markers (markers included) replaced by `section`."""
    a, b = text.index(START), text.index(END) + len(END)
    return text[:a] + section + text[b:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="rewrite the section of this file (README.md) in place")
    args = ap.parse_args(argv)
    section = fields_markdown()
    if args.write:
        args.write.write_text(replace_section(args.write.read_text(encoding="utf-8"), section), encoding="utf-8")
    else:
        sys.stdout.write(section + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
