"""The base of every component's visual model: fields all beats share."""

from __future__ import annotations

from pydantic import Field, field_validator

from ..fields import Colour, _Model, _whole_number


class VisualBase(_Model):
    color: Colour | None = Field(None, description="Main colour of the component.", examples=["#ffd54f", "yellow"])
    sentence: int | None = Field(None, ge=1, description="Narration sentence (1-based) the beat starts on.",
                                 examples=[2])

    @field_validator("sentence", mode="before")
    @classmethod
    def _sentence_whole(cls, v: object) -> object:
        return _whole_number(v)
