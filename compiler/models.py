"""The storyboard file format (what the user writes): strict, frozen Pydantic v2 models.

Resolved build settings (file settings merged with CLI flags) live in `compiler/settings.py`.
Unknown keys are allowed by the models and reported by `validate` as SB204 warnings with a
"did you mean" (errors under `--strict`). A key is known by its name in the file: the field's alias
when it has one (`"$schema"`), see `known_fields`.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator

from .components import VISUAL_KINDS, VISUAL_MODELS  # noqa: F401 - re-exported
from .components.base import VisualBase as _Visual  # noqa: F401
from .components.title import TitleVisual  # noqa: F401
from .components.text import TextVisual  # noqa: F401
from .components.bullets import BulletsVisual  # noqa: F401
from .components.equation import EquationVisual  # noqa: F401
from .components.code import CodeVisual  # noqa: F401
from .components.icon import IconVisual  # noqa: F401
from .components.matrix import MatrixVisual  # noqa: F401
from .components.network import NetworkVisual  # noqa: F401
from .components.flow import FlowVisual  # noqa: F401
from .components.highlight import HighlightVisual  # noqa: F401
from .components.clear import ClearVisual  # noqa: F401
from .fields import BLANK_PATTERN, Colour, NonBlank, SceneId, ShortText, _Model, _whole_number  # noqa: F401

Visual = Annotated[Union[VISUAL_MODELS], Field(discriminator="kind")]


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
                                         description="Explicit beats: each with `beat` or `after` replaces or inserts one planned "
                                                     "beat; without them, they replace all the scene's beats.",
                                         examples=[[{"kind": "title", "text": "Hello"}]])


class Theme(_Model):
    background: Colour | None = Field(None, description="Background colour.", examples=["#0f0f1a"])
    text: Colour | None = Field(None, description="Body text colour.", examples=["#e0e0e0"])
    accent: Colour | None = Field(None, description="Titles and primary boxes.", examples=["#4fc3f7"])
    font: str | None = Field(None, description="Font family for text.", examples=["DejaVu Sans"])


# The TTS engines a voice spec may name (`compiler.narration.registry` builds them; a test keeps the two in step).
# Here so that `sbc validate` can check a voice without importing the engines.
VOICE_ENGINES = ("hibari", "piper", "espeak", "gtts", "silent")


class FileSettings(_Model):
    quality: Literal["draft", "low", "medium", "high"] | None = Field(None, description="Render quality.",
                                                                       examples=["low"])
    fps: int | None = Field(None, ge=1, le=120, description="Frames per second (overrides the quality's).",
                            examples=[30])
    voice: str | None = Field(None, description="Default voice `ENGINE[:VOICE]`.", examples=["piper"])
    theme: Theme | None = Field(None, description="Colours and font for every scene (scene styles refine it).",
                                examples=[{"background": "#0f0f1a", "text": "#e0e0e0", "accent": "#4fc3f7"}])
    captions: bool | None = Field(None, description="Write SRT/VTT captions.", examples=[True])
    # music and math "latex" are in the file format but refused (SB408 from `sbc validate`); the JSON Schema says
    # the same, so that an editor flags them too
    music: str | None = Field(None, description="Background music file: not supported yet, refused (SB408).",
                              json_schema_extra=lambda s: s.update(anyOf=[{"type": "null"}], examples=[None]))
    math: Literal["auto", "ziamath", "latex"] | None = Field(
        None, description='Formula renderer: "auto" and "ziamath" (no TeX needed); "latex" is refused (SB408).',
        examples=["auto"], json_schema_extra=lambda s: s.update(anyOf=[{"enum": ["auto", "ziamath"], "type": "string"},
                                                                        {"type": "null"}]))

    @field_validator("fps", mode="before")
    @classmethod
    def _fps_whole(cls, v: object) -> object:
        return _whole_number(v)


class Storyboard(_Model):
    schema_uri: str | None = Field(
        None, alias="$schema", title="Schema",
        description="The JSON Schema this file follows, for editors (the file `sbc schema -o` writes, e.g. "
                    "docs/storyboard.schema.json in sbc's repository); sbc ignores it.",
        examples=["../docs/storyboard.schema.json"])
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
    """The keys a file may use for `model`: each field's alias if it has one, else its name."""
    return [f.alias or name for name, f in model.model_fields.items()]
