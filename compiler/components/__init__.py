"""The visual vocabulary: one module per component.

Adding a component is adding `compiler/components/<kind>.py` (its visual model: the parameters the
planner and explicit `visuals` set), `compiler/runtime/components/<kind>.py` (how it is drawn) and
`templates/components/<kind>.py.j2` (the code a beat of that kind generates), then listing the
module here.
"""

from __future__ import annotations

from types import ModuleType

from ..text import as_written

from . import bullets, clear, code, equation, flow, highlight, icon, matrix, network, text, title
from . import bar_chart, contour, heatmap, plot, scatter
from . import cards, comparison, grid, move, sequence, steps, table, transform
from . import annotation, geometry, graph, number_line, vector_plane
from . import circuit, drawing, message_chart, physics, wave

_MODULES: tuple[ModuleType, ...] = (title, text, bullets, equation, code, matrix, flow, network, icon,
                                    highlight, clear) + (plot, scatter, bar_chart, heatmap, contour) + (
    steps, table, grid, cards, comparison, sequence, transform, move) + (
    graph, vector_plane, number_line, geometry, annotation) + (physics, wave, circuit, message_chart, drawing)
COMPONENTS: dict[str, ModuleType] = {m.KIND: m for m in _MODULES}
VISUAL_KINDS: tuple[str, ...] = tuple(COMPONENTS)
VISUAL_MODELS = tuple(m.MODEL for m in _MODULES)
# pictures (not text): one can hold the left half while notes stack on the right, and "fade out the plane"
# removes one of them alone
FIGURES = frozenset({"graph", "vector_plane", "number_line", "geometry", "plot", "scatter", "bar_chart", "heatmap",
                     "network", "flow", "physics", "wave", "circuit", "message_chart", "drawing", "contour"})


def beat_params(kind: str, visual: dict) -> dict:
    """A visual's fields (kind, beat, after, sentence and plan taken out) -> the beat's parameters."""
    hook = getattr(COMPONENTS[kind], "beat_params", None)
    return hook(visual) if hook is not None else dict(visual)


def visual_fields(kind: str, params: dict) -> dict:
    """A beat's parameters -> the fields a storyboard's visual writes for it (`sbc plan --json`)."""
    hook = getattr(COMPONENTS[kind], "visual_fields", None)
    return hook(params) if hook is not None else dict(params)


def drawn_strings(kind: str, params: dict) -> list[str]:
    """Every string a beat of this kind draws, from its parameters (for plan.json and coverage)."""
    hook = getattr(COMPONENTS[kind], "drawn", None)
    if hook is not None:
        return hook(params)  # the component knows how its text reads on screen
    return generic_strings(COMPONENTS[kind].STRINGS, params)


def generic_strings(names, params: dict) -> list[str]:
    """The text of the named parameters: strings, numbers, and the labels of nested parts."""
    out: list[str] = []
    for name in names:
        value = params.get(name)
        stack = [value]
        while stack:
            v = stack.pop(0)
            if isinstance(v, str):
                if v.strip():  # an empty edge label or note draws nothing
                    out.append(v)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):  # a table cell 3, a value 0.7
                out.append(as_written(v))
            elif isinstance(v, list):
                stack[:0] = v
            elif isinstance(v, dict):  # nested parts (plot curves, markers, points…): their labels
                stack[:0] = [x for key, x in v.items() if key in _DRAWN_KEYS or key.endswith("label")]
    return out


_DRAWN_KEYS = {"label", "labels", "title", "text", "caption", "captions"}
