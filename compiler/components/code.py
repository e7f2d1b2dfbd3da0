"""code: monospace code lines with syntax colours."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import NonBlank
from .base import VisualBase

KIND = 'code'
RUNTIME = 'code'  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class CodeVisual(VisualBase):
    kind: Literal["code"] = Field(description="Monospace code lines with syntax colours.")
    code: NonBlank = Field(description="Source code; newlines separate lines.", examples=["print(3 + 5)"])
    language: str = Field("python", description="Language for syntax colouring.", examples=["python"])
    title: str | None = Field(None, max_length=60, description="A name written above the block (the function it "
                              "holds).", examples=["search(node, x)"])


STRINGS = ('code', 'title')  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """The title, then the code line by line as it reads on screen."""
    return ([params["title"]] if params.get("title") else []) + [
        line.strip() for line in str(params.get("code", "")).splitlines() if line.strip()]
MODEL = CodeVisual
