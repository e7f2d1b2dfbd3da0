"""circuit: a schematic — battery, resistor, bulb, switch, capacitor, ammeter, voltmeter — on a series loop or
parallel branches laid out on a grid, values and labels beside the symbols (6 V, 3 Ω, 2 A), current arrows,
voltmeters across an element; `steps` flip switches (bulbs light when their path closes), run the current,
change a value, highlight an element."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import Colour, _Model
from .base import VisualBase

KIND = "circuit"
RUNTIME = "circuit"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_ELEMENTS = 10
MAX_BRANCHES = 4
MAX_STEPS = 10

ElementType = Literal["battery", "resistor", "bulb", "switch", "capacitor", "ammeter", "voltmeter"]
Name = Annotated[str, Field(min_length=1, max_length=24)]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("circuit", message)


class Element(_Model):
    type: ElementType = Field(description="The symbol.", examples=["resistor"])
    label: str | None = Field(None, max_length=16, description="Its name (`R₁`, `L1`).", examples=["R₁"])
    value: str | None = Field(None, max_length=16, description="Its value, as written (`6 V`, `3 Ω`, `2 A`).",
                              examples=["3 Ω"])
    name: Name | None = Field(None, description="How `across`, steps and currents refer to it (default: its "
                              "label, else its type, numbered: resistor, resistor 2…).", examples=["R1"])
    branch: int | None = Field(None, ge=1, le=MAX_BRANCHES, description="`parallel`: the branch it sits on "
                               "(1, 2…); without one it is on the main line with the battery.", examples=[1])
    open: bool = Field(False, description="A switch drawn open.", examples=[True])
    across: Name | None = Field(None, description="A voltmeter drawn across the named element (in parallel with "
                                "it) instead of in the loop.", examples=["R1"])
    current: str | None = Field(None, max_length=20, description="A current arrow on its wire, with this text.",
                                examples=["I₁ = 2 A"])
    color: Colour | None = Field(None, description="Symbol colour.", examples=["gold"])


StepAction = Literal["toggle", "flow", "value", "current", "highlight", "break"]


class CircuitStep(_Model):
    action: StepAction = Field(
        description="`toggle`: the named switch opens or closes (bulbs on a closed path light, others go dark); "
        "`flow`: charges move round the closed loops for `seconds`; `value`: the named element's value becomes "
        "`text`; `current`: the label of a current arrow becomes `text` (the named element's, or the main wire's without "
        "`element`); `highlight`: the named element is ringed; `break`: the named element fails (a red cross) and its "
        "path opens — the bulbs on it go dark.", examples=["toggle"])
    element: Name | None = Field(None, description="The element it acts on (default: the first switch for "
                                 "`toggle`).", examples=["S"])
    text: str | None = Field(None, max_length=16, description="`value`: the new value; `current`: the new label.",
                             examples=["4 Ω"])
    seconds: float = Field(2.0, gt=0, le=10, description="`flow`: for how long.", examples=[2])

    @model_validator(mode="after")
    def _complete(self):
        if self.action == "value" and (self.element is None or self.text is None):
            raise _err("a 'value' step needs the `element` and its new `text`")
        if self.action == "current" and self.text is None:
            raise _err("a 'current' step needs the new `text` of the current arrow")
        if self.action in ("highlight", "break") and self.element is None:
            raise _err(f"a '{self.action}' step needs the `element`")
        return self


class CircuitVisual(VisualBase):
    kind: Literal["circuit"] = Field(description="A circuit schematic: battery, resistors, bulbs, switches, "
                                     "capacitors, meters on a series loop or parallel branches, with values and "
                                     "current arrows; `steps` act on it in turn.")
    layout: Literal["series", "parallel", "parts"] | None = Field(
        None, description="`series`: one loop; `parallel`: each `branch` a rung between two rails, the battery "
        "on the left; `parts`: the symbols side by side, not wired (default: parallel when an element has a "
        "`branch`).", examples=["parallel"])
    elements: list[Element] = Field(default_factory=list, max_length=MAX_ELEMENTS,
                                    description="The elements, in order round the loop (clockwise from the "
                                    "battery).", examples=[[{"type": "battery", "value": "6 V"},
                                                            {"type": "resistor", "label": "R", "value": "3 Ω"}]])
    current: str | None = Field(None, max_length=20, description="The current leaving the battery, as an arrow "
                                "with this text.", examples=["I = 2 A"])
    flow: bool = Field(False, description="Charges move round the closed loops after the circuit appears.",
                       examples=[True])
    caption: str | None = Field(None, max_length=120, description="Text under the circuit.",
                                examples=["Ohm's law: V = IR"])
    steps: list[CircuitStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                     description="Actions in turn.", examples=[[{"action": "toggle", "element": "S"}]])
    extend: bool = Field(False, description="Act on the circuit on screen (`steps`); without one on screen, this "
                         "beat's circuit is drawn.", examples=[True])

    @field_validator("elements")
    @classmethod
    def _names(cls, elements: list) -> list:
        names = element_names(elements)
        seen: set[str] = set()
        for k, n in enumerate(names):
            if n in seen:
                raise _err(f"element {k} ({n!r}) is named twice: give each a different `name` or `label`")
            seen.add(n)
        for k, e in enumerate(elements):
            if e.across is not None:
                if e.type != "voltmeter":
                    raise _err(f"element {k}: only a voltmeter is drawn `across` another element")
                if e.across not in names or e.across == names[k]:
                    raise _err(f"element {k}: there is no element {e.across!r} to measure across")
                if elements[names.index(e.across)].across is not None:
                    raise _err(f"element {k}: {e.across!r} is itself across another element")
        return elements

    @model_validator(mode="after")
    def _consistent(self):
        if not self.elements and not self.extend:
            raise _err("a circuit needs `elements` (or `extend`: steps on the circuit on screen)")
        names = element_names(self.elements)
        if self.elements:
            if self.layout == "series" and any(e.branch for e in self.elements):
                raise _err("`branch` is for a `parallel` layout")
            in_loop = [e for e in self.elements if e.across is None]
            if not in_loop:
                raise _err("every element is a voltmeter across another: nothing forms the loop")
            if self.layout == "parallel" and not any(e.branch for e in in_loop):
                raise _err("a `parallel` layout needs elements with a `branch` (1, 2…)")
        for k, s in enumerate(self.steps):
            if s.element is not None and names and s.element not in names:
                raise _err(f"step {k} ({s.action}): there is no element {s.element!r}")
            if s.action == "toggle" and names:
                target = s.element or next((n for n, e in zip(names, self.elements) if e.type == "switch"), None)
                if target is None or self.elements[names.index(target)].type != "switch":
                    raise _err(f"step {k} toggles {target or 'a switch'!r}, which is not a switch")
        return self


def element_names(elements: list) -> list[str]:
    """The name each element is referred to by: `name`, else `label`, else its type (numbered when repeated)."""
    out: list[str] = []
    counts: dict[str, int] = {}
    for e in elements:
        name, label, typ = ((e.get("name"), e.get("label"), e.get("type")) if isinstance(e, dict)
                            else (e.name, e.label, e.type))
        if name or label:
            out.append(name or label)
            continue
        counts[typ] = counts.get(typ, 0) + 1
        out.append(typ if counts[typ] == 1 else f"{typ} {counts[typ]}")
    return out


def element_text(e: dict) -> str | None:
    """The text beside a symbol: `R₁ = 3 Ω`, `6 V`, `R₁`."""
    label, value = e.get("label"), e.get("value")
    if label and value:
        return f"{label} = {value}"
    return label or value


STRINGS = ("elements", "current", "caption", "steps")


def drawn(params: dict) -> list[str]:
    out = []
    for e in params.get("elements") or []:
        t = element_text(e)
        if t:
            out.append(t)
        if e.get("type") in ("ammeter", "voltmeter"):
            out.append("A" if e["type"] == "ammeter" else "V")
        if e.get("type") == "battery":
            out += ["+", "-"]  # its terminals, marked beside the plates
        if e.get("current"):
            out.append(e["current"])
    if params.get("current"):
        out.append(params["current"])
    for s in params.get("steps") or []:
        if s.get("action") in ("value", "current") and s.get("text"):
            out.append(s["text"])
    if params.get("caption"):
        out.append(params["caption"])
    return out


MODEL = CircuitVisual
