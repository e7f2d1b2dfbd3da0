"""sequence: tokens in pills in a row — shown, processed one at a time, or generated one by one."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .base import VisualBase

KIND = "sequence"
RUNTIME = "sequence"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class SequenceVisual(VisualBase):
    kind: Literal["sequence"] = Field(description="Tokens in rounded boxes (pills) in a row — an array, optionally with "
                                      "each cell's index under it.")
    tokens: list[str] = Field(min_length=1, max_length=16, description="The tokens, in order (`\"\"`: an empty cell of "
                              "an array).", examples=[["The", "cat", "sat"], ["cat", "", ""]])
    mode: Literal["show", "process", "generate"] = Field(
        "show", description="`show`: all at once; `process`: a marker steps along the tokens one at a time; "
        "`generate`: tokens are appended one by one.", examples=["process"])
    label: str | None = Field(None, description="Caption under the tokens.", examples=["Input tokens"])
    indices: Literal[0, 1] | None = Field(
        None, description="Write each cell's index under it in small grey numbers, counting from 0 (an array's "
        "indexes) or 1.", examples=[0])
    below: list[str] | None = Field(
        None, min_length=1, max_length=16, description="A small note under each token, in order (its code, count or "
        "value): as many as `tokens`.", examples=[["0", "110", "111"]])
    update: bool = Field(False, description="A new state of the row on screen with the same `label` (a stack after a "
                         "push or a pop): it changes in place instead of being drawn again below.", examples=[True])

    @field_validator("tokens")
    @classmethod
    def _some_or_blank(cls, v: list[str]) -> list[str]:
        if any(t and not t.strip() for t in v):
            raise ValueError("a token of only spaces: write \"\" for an empty cell")
        if len(v) == 1 and not v[0]:
            raise ValueError("one empty cell is nothing to draw")
        return v

    @model_validator(mode="after")
    def _one_note_each(self):
        if self.below is not None and len(self.below) != len(self.tokens):
            raise PydanticCustomError("sequence", f"`below` has {len(self.below)} notes for {len(self.tokens)} tokens: give one under each token")
        return self


STRINGS = ("tokens", "label", "below")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The tokens, the caption, the note and the index under each cell."""
    tokens = [str(t) for t in params.get("tokens") or []]
    first = params.get("indices")
    return [t for t in tokens if t] + ([params["label"]] if params.get("label") else []) + [str(x) for x in params.get("below") or [] if str(x).strip()] + \
        ([str(first + k) for k in range(len(tokens))] if first is not None else [])
MODEL = SequenceVisual
