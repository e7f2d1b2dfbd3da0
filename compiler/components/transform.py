"""transform: morph an element on screen into a new one (a word into its vector, a formula into another)."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, model_validator

from .base import VisualBase

KIND = "transform"
RUNTIME = "transform"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class TransformVisual(VisualBase):
    kind: Literal["transform"] = Field(description="Morph an element on screen into a new one: give exactly one of "
                                       "`text`, `expr` or `values`.")
    target: str | None = Field(None, description="Text of the element on screen to transform (a word inside a "
                               "title or a token works too; default: the last element). Shown first if absent.",
                               examples=["The"])
    text: str | None = Field(None, description="The new element: plain text.", examples=["le chat"])
    expr: str | None = Field(None, description="The new element: a formula, as written or TeX.",
                             examples=["(x + 1)^2"])
    values: list[Union[float, int, str]] | None = Field(None, min_length=1, max_length=12,
                                                         description="The new element: a vector in brackets.",
                                                         examples=[[0.1, 0.2, 0.3]])

    @model_validator(mode="after")
    def _one_new_element(self):
        given = [n for n in ("text", "expr", "values") if getattr(self, n) not in (None, "")]
        if len(given) != 1:
            raise ValueError("give exactly one of `text`, `expr`, `values` (the new element)")
        return self


STRINGS = ("target", "text", "expr", "values")  # parameters whose text is drawn (the target too: written first when not on screen)
MODEL = TransformVisual
