"""The scene model: what a scene shows (objects) and what happens to it over time (actions).

Each object is one component on screen — its kind, the text it shows, the values it carries, its
style and where it sits — and each action is one step in time (show, add to, update, replace,
highlight, move, transform, clear), tied to the `animation_details` sentence it came from. This is
the contract between understanding and drawing: `sbc plan --explain` prints it, `sbc plan --json`
carries it (`scenes[].model`), tests assert on it.

The model is read off the planned beats (`model_of`): a beat that draws a new component is an object
shown; a beat that changes the component on screen (a plot extension, a table's new state, a
highlight) is an action on that object. Pure data, no Manim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .beats import Beat

OPERATIONS = {"highlight", "move", "transform", "clear"}
_VALUE_KEYS = ("rows", "columns", "values", "new_values", "labels", "items", "lines", "notes", "nodes", "edge_labels",
               "curves", "points", "markers", "area", "move_dot", "x_range", "y_range", "exprs", "text", "code",
               "icons", "layers", "tokens", "cells")
_STYLE_KEYS = ("color", "role", "style", "direction", "mode")


@dataclass(frozen=True)
class SceneObject:
    id: str                      # "table1": kind and its number in the scene
    kind: str
    shows: tuple[str, ...]       # the text it draws
    values: dict[str, Any]       # the data it carries (rows, curves, items…)
    style: dict[str, Any]        # colour, role, marker style, direction
    placement: str               # where it goes: "title", "body", "recalled from scene 2"
    sentence: int                # 0-based animation_details sentence that introduced it

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "shows": list(self.shows), "values": self.values,
                "style": self.style, "placement": self.placement, "sentence": self.sentence + 1}


@dataclass(frozen=True)
class SceneAction:
    verb: str                    # show | add | update | replace | highlight | move | transform | clear
    target: str | None           # the object it acts on (None: everything, for clear)
    sentence: int
    rule: str
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"verb": self.verb, "target": self.target, "sentence": self.sentence + 1, "rule": self.rule,
                **({"detail": self.detail} if self.detail else {})}


@dataclass(frozen=True)
class SceneModel:
    objects: tuple[SceneObject, ...] = ()
    actions: tuple[SceneAction, ...] = ()
    not_understood: tuple[int, ...] = field(default=())  # sentences that gave nothing (SB301)

    def to_json(self) -> dict[str, Any]:
        return {"objects": [o.to_json() for o in self.objects], "actions": [a.to_json() for a in self.actions],
                "not_understood": [k + 1 for k in self.not_understood]}

    def describe(self, indent: str = "    ") -> list[str]:
        out = [f"{indent}scene model:"]
        for o in self.objects:
            shown = ", ".join(repr(x) for x in o.shows[:3]) + (" …" if len(o.shows) > 3 else "")
            out.append(f"{indent}  {o.id:<12} {o.kind:<10} {o.placement:<22} {shown}")
        steps = " → ".join(f"{a.verb} {a.target or 'all'}" for a in self.actions)
        out.append(f"{indent}  actions: {steps}")
        return out


def model_of(beats: tuple[Beat, ...] | list[Beat], unmatched: tuple[int, ...] = ()) -> SceneModel:
    """The scene model of a scene's planned beats."""
    objects: list[SceneObject] = []
    actions: list[SceneAction] = []
    counts: dict[str, int] = {}
    on_screen: list[SceneObject] = []

    def new(b: Beat, placement: str) -> SceneObject:
        counts[b.kind] = counts.get(b.kind, 0) + 1
        obj = SceneObject(f"{b.kind}{counts[b.kind]}", b.kind, tuple(b.strings),
                          {k: b.params[k] for k in _VALUE_KEYS if k in b.params},
                          {k: b.params[k] for k in _STYLE_KEYS if k in b.params}, placement, b.detail_index)
        objects.append(obj)
        on_screen.append(obj)
        return obj

    for b in beats:
        if b.kind == "clear":
            actions.append(SceneAction("clear", None, b.detail_index, b.rule))
            on_screen.clear()
            continue
        if b.kind in OPERATIONS:
            target = _find(on_screen, b.params.get("target"))
            actions.append(SceneAction(b.kind, target.id if target else None, b.detail_index, b.rule,
                                       str(b.params.get("target") or "")))
            continue
        current = next((o for o in reversed(on_screen) if o.kind == b.kind), None)
        if current is not None and (b.params.get("extend") or b.params.get("update")):
            verb = "replace" if b.params.get("replace") else "update" if b.params.get("update") else "add"
            actions.append(SceneAction(verb, current.id, b.detail_index, b.rule, ", ".join(b.strings[:3])))
            continue
        recalled = b.rule.split("recalled-from-scene-")
        placement = ("title" if b.kind == "title" else
                     f"recalled from scene {recalled[1]}" if len(recalled) > 1 else "body")
        if b.kind == "title":
            on_screen[:] = [o for o in on_screen if o.kind != "title"]
        obj = new(b, placement)
        actions.append(SceneAction("show", obj.id, b.detail_index, b.rule))
    return SceneModel(tuple(objects), tuple(actions), tuple(unmatched))


def _find(on_screen: list[SceneObject], target: Any) -> SceneObject | None:
    """The object a highlight names (by the text it shows), else the last one on screen."""
    if isinstance(target, str) and target:
        t = target.lower()
        for o in reversed(on_screen):
            if any(t in s.lower() or (s and s.lower() in t) for s in o.shows):
                return o
    return on_screen[-1] if on_screen else None
