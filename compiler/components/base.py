"""The base of every component's visual model: fields all beats share."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..fields import Colour, _Model, _whole_number


class VisualBase(_Model):
    color: Colour | None = Field(None, description="Main colour of the component.", examples=["#ffd54f", "yellow"])
    sentence: int | None = Field(None, ge=1, description="Narration sentence (1-based) the beat starts on.",
                                 examples=[2])
    beat: int | None = Field(None, ge=1, description=(
        "Replace only the planner's beat N (as `sbc plan` numbers them); the others stay planned. "
        "Without `beat` or `after`, visuals replace all the scene's beats."),
        examples=[2])
    after: int | None = Field(None, ge=0, description=(
        "Insert this beat after the planner's beat N of this scene (0: before the first); the other beats "
        "stay planned."), examples=[3])
    place: Literal["right"] | None = Field(None, description=(
        "`right`: it takes the right half of the frame while the figure on screen keeps the left half (\"Left half: "
        "draw …. Right half: draw …\"), instead of taking its place."), examples=["right"])
    plan: dict[str, Any] | None = Field(None, description=(
        "What `sbc plan --json` reports about a planned beat (start, duration, strings, rule, source); "
        "ignored when read, so a pasted plan validates."), examples=[{"start": 0.2, "duration": 1.5}])

    @field_validator("sentence", "beat", "after", mode="before")
    @classmethod
    def _sentence_whole(cls, v: object) -> object:
        return _whole_number(v)

    @model_validator(mode="after")
    def _one_place(self) -> "VisualBase":
        if self.beat is not None and self.after is not None:
            raise ValueError("give `beat` (replace that beat) or `after` (insert after it), not both")
        return self
