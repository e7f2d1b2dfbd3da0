"""drawing: the general fallback for a described picture — labelled primitive shapes (circle, ellipse, rectangle,
rounded box, triangle, dot, line, arrow, wavy line, double helix, membrane, test tube, stack of discs) placed by
the relations the text gives (above, below, left of, right of, inside, around, between), joined by lines or
arrows, coloured from the style; `steps` highlight, recolour, relabel, remove, or unzip a double helix."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import BLANK_PATTERN, Colour, _Model
from .base import VisualBase

KIND = "drawing"
RUNTIME = "drawing"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_SHAPES = 16
MAX_STEPS = 10

ShapeType = Literal["circle", "ellipse", "rectangle", "rounded_box", "triangle", "hexagon", "star", "dot", "line",
                    "arrow", "wavy_line", "double_helix", "membrane", "tube", "stack"]
CONNECTORS = ("line", "arrow", "wavy_line")  # shapes that may join two others with `from` and `to`
RELATIONS = ("above", "below", "left_of", "right_of", "inside", "around", "between")
Id = Annotated[str, Field(min_length=1, max_length=24, pattern=BLANK_PATTERN)]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("drawing", message)


class Shape(_Model):
    id: Id = Field(description="Its name, used by relations, connectors and steps.", examples=["nucleus"])
    type: ShapeType = Field("circle", description="The primitive: `circle`, `ellipse`, `rectangle`, `rounded_box`, "
                            "`triangle`, `hexagon`, `star`, `dot`, `line`, `arrow`, `wavy_line`, `double_helix`, `membrane` (a double "
                            "outline: nest them for nested membranes), `tube` (a test tube), `stack` (discs piled "
                            "up, e.g. thylakoids).", examples=["ellipse"])
    label: str | None = Field(None, max_length=40, description="Its text (inside when it fits, else beside it).",
                              examples=["Nucleus"])
    color: Colour | None = Field(None, description="Its colour (default: the style's palette in turn).",
                                 examples=["green"])
    size: Literal["small", "medium", "large"] = Field("medium", description="Its size before it grows round what "
                                                      "is inside it.", examples=["large"])
    width: float | None = Field(None, gt=0, le=12, description="Width in scene units (the frame is 14 wide).",
                                examples=[3])
    height: float | None = Field(None, gt=0, le=7, description="Height in scene units (the frame is 8 high).",
                                 examples=[1.5])
    count: int = Field(1, ge=1, le=12, description="How many copies, side by side (a `stack`: piled up).",
                       examples=[3])
    arrange: Literal["row", "column"] = Field("row", description="How the copies line up.", examples=["column"])
    filled: bool = Field(True, description="A light fill in its colour (else only the outline).", examples=[False])
    above: Id | None = Field(None, description="Placed above this shape (one of `above`, `below`, `left_of`, "
                             "`right_of`, `between`; with `inside` or `around` too).", examples=["cell"])
    below: Id | None = Field(None, description="Placed below this shape.", examples=["cell"])
    left_of: Id | None = Field(None, description="Placed left of this shape.", examples=["B"])
    right_of: Id | None = Field(None, description="Placed right of this shape.", examples=["A"])
    inside: Id | None = Field(None, description="Placed inside this shape (which grows to hold it).",
                              examples=["cell"])
    around: list[Id] = Field(default_factory=list, max_length=MAX_SHAPES, description="Drawn around these shapes "
                             "(a membrane round the nucleus, a bag round the cards).", examples=[["nucleus"]])
    between: list[Id] = Field(default_factory=list, max_length=2, description="Placed between these two shapes.",
                              examples=[["A", "B"]])
    from_: Id | None = Field(None, alias="from", description="A `line`, `arrow` or `wavy_line` (rays, `count` side by "
                             "side) from this shape…", examples=["A"])
    to: Id | None = Field(None, description="…to this one (a connector, not placed by relations).", examples=["B"])

    model_config = {"frozen": True, "extra": "ignore", "strict": True, "validate_by_name": True,
                    "validate_by_alias": True, "serialize_by_alias": True}

    @model_validator(mode="after")
    def _one_relation(self):
        for group in (("inside", "around"), ("above", "below", "left_of", "right_of", "between")):
            given = [r for r in group if getattr(self, r)]
            if len(given) > 1:
                raise _err(f"shape {self.id!r} has {len(given)} relations ({', '.join(given)}): give one of them")
        given = [r for r in RELATIONS if getattr(self, r)]
        if self.between and len(self.between) != 2:
            raise _err(f"shape {self.id!r}: `between` names two shapes")
        if (self.from_ is None) != (self.to is None):
            raise _err(f"shape {self.id!r}: a connector needs both `from` and `to`")
        if self.from_ is not None and self.type not in CONNECTORS:
            raise _err(f"shape {self.id!r}: only a `line`, an `arrow` or a `wavy_line` joins shapes with `from` and `to`")
        if self.from_ is not None and given:
            raise _err(f"shape {self.id!r}: a connector goes from one shape to another; it has no relation")
        return self


StepAction = Literal["highlight", "color", "label", "remove", "unzip", "flow"]


class DrawingStep(_Model):
    action: StepAction = Field(description="`highlight`: the shapes are ringed; `color`: they take `color`; "
                               "`label`: one shape's text becomes `text`; `remove`: they fade out; `unzip`: a "
                               "double helix's strands come apart; `flow`: small dots (labelled `text`, e.g. `e⁻`) "
                               "travel along each shape — a line, arrow, wavy line or connector end to end, any "
                               "other shape left to right through its middle.", examples=["highlight"])
    shapes: list[Id] = Field(default_factory=list, max_length=MAX_SHAPES, description="The shapes it acts on.",
                             examples=[["nucleus"]])
    color: Colour | None = Field(None, description="`color`: the new colour.", examples=["red"])
    text: str | None = Field(None, max_length=40, description="`label`: the new text; `flow`: the dots' label.",
                             examples=["Nucleus (DNA)"])

    @model_validator(mode="after")
    def _complete(self):
        if not self.shapes:
            raise _err(f"a '{self.action}' step needs `shapes`")
        if self.action == "color" and not self.color:
            raise _err("a 'color' step needs a `color`")
        if self.action == "label" and (self.text is None or len(self.shapes) != 1):
            raise _err("a 'label' step needs one shape in `shapes` and its new `text`")
        return self


class DrawingVisual(VisualBase):
    kind: Literal["drawing"] = Field(description="A picture of labelled primitive shapes placed by relations "
                                     "(above, below, inside, around, between…) and joined by lines or arrows — the "
                                     "fallback for any described picture; `steps` act on it in turn.")
    shapes: list[Shape] = Field(default_factory=list, max_length=MAX_SHAPES,
                                description="The shapes, each placed by at most one relation to another.",
                                examples=[[{"id": "cell", "type": "membrane", "label": "Cell"},
                                           {"id": "nucleus", "type": "circle", "label": "Nucleus", "inside": "cell"}]])
    caption: str | None = Field(None, max_length=120, description="Text under the picture.",
                                examples=["A plant cell"])
    steps: list[DrawingStep] = Field(default_factory=list, max_length=MAX_STEPS, description="Actions in turn.",
                                     examples=[[{"action": "highlight", "shapes": ["nucleus"]}]])
    extend: bool = Field(False, description="Act on the drawing on screen (`steps`); without one on screen, this "
                         "beat's drawing is drawn.", examples=[True])

    @field_validator("shapes")
    @classmethod
    def _relations(cls, shapes: list) -> list:
        ids = [s.id for s in shapes]
        for k, i in enumerate(ids):
            if i in ids[:k]:
                raise _err(f"shape {k} ({i!r}) is listed twice: shape ids must be unique")
        known = set(ids)
        for s in shapes:
            targets = [getattr(s, r) for r in ("above", "below", "left_of", "right_of", "inside", "from_", "to")]
            targets = [t for t in targets if t] + list(s.around) + list(s.between)
            for t in targets:
                if t not in known:
                    raise _err(f"shape {s.id!r}: there is no shape {t!r}")
                if t == s.id:
                    raise _err(f"shape {s.id!r} is placed relative to itself")
        for t in [x for s in shapes for x in ([s.from_, s.to] if s.from_ else [])]:
            if next(x for x in shapes if x.id == t).from_ is not None:
                raise _err(f"a connector joins shapes, not another connector ({t!r})")
        parent = containment(shapes)
        for s in shapes:
            seen, cur = set(), s.id
            while cur in parent:
                if cur in seen:
                    raise _err(f"shape {s.id!r}: `inside` and `around` go round in a circle")
                seen.add(cur)
                cur = parent[cur]
        return shapes

    @model_validator(mode="after")
    def _something(self):
        if not self.shapes and not self.extend:
            raise _err("a drawing needs `shapes` (or `extend`: steps on the drawing on screen)")
        known = {s.id for s in self.shapes}
        helices = {s.id for s in self.shapes if s.type == "double_helix"}
        for k, st in enumerate(self.steps):
            for i in st.shapes:
                if known and i not in known:
                    raise _err(f"step {k} ({st.action}): there is no shape {i!r}")
                if st.action == "unzip" and known and i not in helices:
                    raise _err(f"step {k} unzips {i!r}, which is not a double_helix")
        return self


def containment(shapes: list) -> dict[str, str]:
    """child id -> parent id, from `inside` and `around` (a shape around others becomes their parent)."""
    get = (lambda s, k: s.get(k)) if shapes and isinstance(shapes[0], dict) else (lambda s, k: getattr(s, k))
    parent: dict[str, str] = {}
    for s in shapes:
        if get(s, "inside"):
            parent[get(s, "id")] = get(s, "inside")
    for s in shapes:
        for t in get(s, "around") or []:
            if t in parent and parent[t] != get(s, "id") and get(s, "id") not in parent:
                parent[get(s, "id")] = parent[t]
            parent[t] = get(s, "id")
    return parent


STRINGS = ("shapes", "caption", "steps")


def drawn(params: dict) -> list[str]:
    out = [s["label"] for s in params.get("shapes") or [] if s.get("label")]
    out += [st["text"] for st in params.get("steps") or [] if st.get("action") == "label" and st.get("text")]
    if params.get("caption"):
        out.append(params["caption"])
    return out


MODEL = DrawingVisual
