"""comparison: 2 or 3 columns with a title, lines and a caption each, split by dashed dividers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..fields import Colour
from .base import VisualBase

KIND = "comparison"
RUNTIME = "comparison"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class ComparisonVisual(VisualBase):
    kind: Literal["comparison"] = Field(description="Side-by-side columns (title, lines, caption) split by a "
                                        "dashed vertical divider.")
    titles: list[str] = Field(min_length=2, max_length=3, description="Column titles, left to right (\"\" for none).",
                              examples=[["Tool Use", "In-Model"]])
    lines: list[list[str]] | None = Field(None, max_length=3,
                                          description="The lines of each column; a line written in backticks "
                                          "(`` `print(3+5)` ``) is drawn in monospace.",
                                          examples=[[["`print(3+5)`", "→ send to interpreter", "← result: 8"],
                                                     ["`i32.const 03`", "`i32.const 05`", "`i32.add → 08`"]]])
    captions: list[str] | None = Field(None, max_length=3, description="A caption under each column (\"\" for none).",
                                       examples=[["Execution is opaque", "Every step visible in the token stream"]])
    colors: list[Colour] | None = Field(None, max_length=3, description="Colour of each column's title, code and "
                                        "caption (default: orange-red, green; or from the style).",
                                        examples=[["orange-red", "green"]])

    @model_validator(mode="after")
    def _columns(self):
        n = len(self.titles)
        for name in ("lines", "captions", "colors"):
            v = getattr(self, name)
            if v is not None and len(v) > n:
                raise ValueError(f"more {name} than columns ({n} titles)")
        if self.lines and any(len(col) > 10 for col in self.lines):
            raise ValueError("at most 10 lines per column")
        return self


STRINGS = ("titles", "lines", "captions")  # parameters whose text is drawn


def drawn(params: dict) -> list[str]:
    """Titles, lines (a `backticked` line is drawn in monospace, without its backticks) and captions."""
    def shown(line: str) -> str:
        return line[1:-1] if len(line) >= 2 and line.startswith("`") and line.endswith("`") else line

    out = list(params.get("titles") or []) + [shown(x) for col in params.get("lines") or [] for x in col]
    return [x for x in out + list(params.get("captions") or []) if x and x.strip()]
MODEL = ComparisonVisual
