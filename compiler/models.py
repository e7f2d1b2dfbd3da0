"""The storyboard file format (what the user writes): strict, frozen Pydantic v2 models.

Resolved build settings (file settings merged with CLI flags) live in `compiler/settings.py`.
Unknown keys are allowed by the models and reported by `validate` as SB204 warnings with a
"did you mean" (errors under `--strict`).
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

# "Not blank": some character that is whitespace for none of the regex engines that check this pattern —
# pydantic (Rust `regex`, Unicode White_Space), Python `re` (also U+001C..U+001F) and ECMA-262, which
# JSON Schema validators and editors use (also U+FEFF, but not U+0085). A plain `\S` would disagree
# between them on those characters, so `sbc validate` and `sbc schema` would disagree too.
BLANK_PATTERN = r"[^\s\x1c-\x1f\x85\ufeff]"
NonBlank = Annotated[str, StringConstraints(min_length=1, pattern=BLANK_PATTERN)]
# `$` also matches before a final newline in Python's `re` (which the `jsonschema` package uses), not in
# ECMA-262 or Rust: the `not` keeps "intro\n" invalid for every JSON Schema validator.
SceneId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"),
                    Field(json_schema_extra={"not": {"pattern": r"\n"}})]
Colour = Annotated[str, Field(description="A colour: a name (`light blue`, `gold`) or a hex code (`#4fc3f7`).",
                              examples=["#4fc3f7", "gold"], max_length=64)]
ShortText = Annotated[str, StringConstraints(max_length=20000)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True)


def _whole_number(v: object) -> object:
    """JSON has one number type and JSON Schema's "integer" accepts 30.0: so does an integer field here.
    30.5, "30" and true stay errors (strict mode: no coercion)."""
    return int(v) if type(v) is float and v.is_integer() else v


# ----------------------------------------------------------------------------- visuals (beats)
class _Visual(_Model):
    color: Colour | None = Field(None, description="Main colour of the component.", examples=["#ffd54f", "yellow"])
    sentence: int | None = Field(None, ge=1, description="Narration sentence (1-based) the beat starts on.",
                                 examples=[2])

    @field_validator("sentence", mode="before")
    @classmethod
    def _sentence_whole(cls, v: object) -> object:
        return _whole_number(v)


class TitleVisual(_Visual):
    kind: Literal["title"] = Field(description="A heading with an optional subtitle.")
    text: NonBlank = Field(description="Title text.", examples=["Can LLMs Be Computers?"])
    subtitle: str | None = Field(None, description="Smaller line under the title.", examples=["Executing programs"])


class TextVisual(_Visual):
    kind: Literal["text"] = Field(description="A wrapped paragraph or a short statement.")
    text: NonBlank = Field(description="The text to show; wrapped to fit.", examples=["Every step is visible."])


class BulletsVisual(_Visual):
    kind: Literal["bullets"] = Field(description="A list revealed item by item.")
    items: list[NonBlank] = Field(min_length=1, max_length=12, description="List items.",
                                  examples=[["Parallelization", "Transfer learning"]])
    title: str | None = Field(None, description="Heading above the list.", examples=["Advantages"])
    style: Literal["dot", "numbered", "check", "cross"] = Field("dot", description="Marker before each item.")


class EquationVisual(_Visual):
    kind: Literal["equation"] = Field(description="A formula; ASCII/Unicode math is translated to TeX.")
    expr: NonBlank = Field(description="The formula, as written (`y = 4x^2`) or TeX.", examples=["E = mc^2"])
    label: str | None = Field(None, description="Caption under the formula.", examples=["Mass-energy"])


class CodeVisual(_Visual):
    kind: Literal["code"] = Field(description="Monospace code lines with syntax colours.")
    code: NonBlank = Field(description="Source code; newlines separate lines.", examples=["print(3 + 5)"])
    language: str = Field("python", description="Language for syntax colouring.", examples=["python"])


class MatrixVisual(_Visual):
    kind: Literal["matrix"] = Field(description="A bracketed matrix of numbers or symbols.")
    values: list[list[Union[float, int, str]]] = Field(min_length=1, max_length=12,
                                                       description="Rows of entries.", examples=[[[1, 2], [3, 4]]])
    label: str | None = Field(None, description="Name shown left of the matrix.", examples=["X"])
    highlight_row: int | None = Field(None, ge=0, description="0-based row to highlight.", examples=[0])
    highlight_col: int | None = Field(None, ge=0, description="0-based column to highlight.", examples=[1])

    @field_validator("highlight_row", "highlight_col", mode="before")
    @classmethod
    def _highlight_whole(cls, v: object) -> object:
        return _whole_number(v)


class FlowVisual(_Visual):
    kind: Literal["flow"] = Field(description="Boxes joined by arrows.")
    nodes: list[NonBlank] = Field(min_length=1, max_length=10, description="Box labels in order.",
                                  examples=[["Input", "Encoder", "Decoder", "Output"]])
    edge_labels: list[str] | None = Field(None, description="Labels for the arrows between consecutive boxes.",
                                          examples=[["tokens", "vectors", "tokens"]])
    direction: Literal["right", "down"] = Field("right", description="Left-to-right pipeline or top-down stack.")


class HighlightVisual(_Visual):
    kind: Literal["highlight"] = Field(description="Surround and indicate something already on screen.")
    target: str | None = Field(None, description="Text of the element to highlight (default: the last one).",
                               examples=["Encoder"])


class ClearVisual(_Visual):
    kind: Literal["clear"] = Field(description="Fade everything out.")


Visual = Annotated[
    Union[TitleVisual, TextVisual, BulletsVisual, EquationVisual, CodeVisual, MatrixVisual, FlowVisual,
          HighlightVisual, ClearVisual],
    Field(discriminator="kind"),
]
VISUAL_KINDS = ("title", "text", "bullets", "equation", "code", "matrix", "flow", "highlight", "clear")


# ----------------------------------------------------------------------------- scenes
class Scene(_Model):
    scene_plot: NonBlank = Field(description="What the scene is about, in prose.",
                                 examples=["Introduce the limitations of RNNs."])
    animation_details: NonBlank = Field(
        description="What appears on screen, in order. Quoted strings and `backticked` formulas are drawn.",
        examples=['Display text "RNN Limitations". Show the equation `y = 4x^2`.'])
    animation_style: NonBlank = Field(description="Colours and style: background, text, per-element colours.",
                                      examples=["Dark blue background. Equations in yellow."])
    audio_text: NonBlank = Field(description="The narration, spoken by text-to-speech.",
                                 examples=["Before transformers, we had recurrent networks."])
    id: SceneId | None = Field(
        None, description="Stable scene id (letters, digits, `-`, `_`).", examples=["intro"])
    title: ShortText | None = Field(None, description="Scene title (defaults to the first quoted string).",
                                    examples=["RNN Limitations"])
    voice: str | None = Field(None, description="Voice for this scene: `ENGINE[:VOICE]`.", examples=["piper", "espeak:en"])
    audio_file: str | None = Field(None, description="A recording to use instead of TTS, relative to the storyboard.",
                                   examples=["audio/intro.wav"])
    duration: float | None = Field(None, gt=0, le=600, description="Minimum scene length in seconds.", examples=[12])
    transition: Literal["fade", "cut"] | None = Field(None, description="How the scene ends.", examples=["fade"])
    visuals: list[Visual] | None = Field(None, max_length=40,
                                         description="Explicit beats; when present they replace the planner's.",
                                         examples=[[{"kind": "title", "text": "Hello"}]])


class Theme(_Model):
    background: Colour | None = Field(None, description="Background colour.", examples=["#0f0f1a"])
    text: Colour | None = Field(None, description="Body text colour.", examples=["#e0e0e0"])
    accent: Colour | None = Field(None, description="Titles and primary boxes.", examples=["#4fc3f7"])
    font: str | None = Field(None, description="Font family for text.", examples=["DejaVu Sans"])


class FileSettings(_Model):
    quality: Literal["draft", "low", "medium", "high"] | None = Field(None, description="Render quality.",
                                                                       examples=["low"])
    fps: int | None = Field(None, ge=1, le=120, description="Frames per second (overrides the quality's).",
                            examples=[30])
    voice: str | None = Field(None, description="Default voice `ENGINE[:VOICE]`.", examples=["piper"])
    theme: Theme | None = Field(None, description="Colours and font for every scene (scene styles refine it).",
                                examples=[{"background": "#0f0f1a", "text": "#e0e0e0", "accent": "#4fc3f7"}])
    captions: bool | None = Field(None, description="Write SRT/VTT captions.", examples=[True])
    music: str | None = Field(None, description="Background music file, relative to the storyboard.",
                              examples=["audio/music.mp3"])
    math: Literal["auto", "ziamath", "latex"] | None = Field(None, description="Formula renderer.",
                                                            examples=["auto"])

    @field_validator("fps", mode="before")
    @classmethod
    def _fps_whole(cls, v: object) -> object:
        return _whole_number(v)


class Storyboard(_Model):
    reasoning: str | None = Field(None, description="The author's notes; not rendered.",
                                  examples=["An explainer about transformers."])
    title: ShortText | None = Field(None, description="Video title.", examples=["Transformers"])
    settings: FileSettings | None = Field(None, description="Build settings.",
                                          examples=[{"quality": "low", "voice": "piper", "captions": True}])
    scenes: list[Scene] = Field(min_length=1, max_length=2000, description="The scenes, in order.",
                                examples=[[{"scene_plot": "Introduce the idea.",
                                            "animation_details": 'Show the title "Hello".',
                                            "animation_style": "Dark blue background.",
                                            "audio_text": "Hello, and welcome."}]])


def known_fields(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)
