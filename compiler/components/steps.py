"""steps: a calculation built line by line, the lines aligned on `=`."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field

from ..fields import NonBlank
from ..mathtext import to_tex
from .base import VisualBase

KIND = "steps"
RUNTIME = "steps"  # helper module in compiler.runtime.components (None: an operation of SbcScene)


class StepsVisual(VisualBase):
    kind: Literal["steps"] = Field(description="A calculation built line by line, the lines aligned on `=`; "
                                   "revealed one line at a time.")
    lines: list[NonBlank] = Field(min_length=1, max_length=8,
                                  description="The lines of the calculation, in order; each is a formula as written "
                                  "(`2x + 3 = 7`) or TeX. A line may start with `=` to continue the one above.",
                                  examples=[["2x + 3 = 7", "2x = 4", "x = 2"]])
    notes: list[str] | None = Field(None, max_length=8,
                                    description="A short note beside each line (\"\" for none), e.g. what was done.",
                                    examples=[["", "subtract 3", "divide by 2"]])
    flash_numbers: str | None = Field(None, max_length=40, description="Colour the numbers a line brings in (the values substituted "
                                      "for the symbols of the line above) flash in as it is written.",
                                      examples=["yellow"])
    dim_earlier: float | None = Field(None, ge=0.1, le=0.9, description="Opacity the earlier lines fade to as each "
                                      "new line is written (\"the earlier lines fade to 50 percent\").", examples=[0.5])
    tints: dict[Annotated[str, Field(max_length=60)], Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=6, description="Pieces of the formulas coloured wherever "
                                         "they appear: piece as written -> colour (\"the factor 1.1 in gold\").",
                                         examples=[{"1.1": "gold"}])


STRINGS = ("lines", "notes")  # parameters whose text is drawn
MODEL = StepsVisual


_EQ = re.compile(r"(?<![<>!=:])=(?![=>])")
_LEAD = re.compile(r"\s*(≈|≤|≥|<|>|~)\s*(?=\S)")
_APPROX = re.compile(r"≈|\\approx(?![A-Za-z])")
_LEAD_TEX = {"≈": r"\approx", "≤": r"\le", "≥": r"\ge", "<": "<", ">": ">", "~": r"\sim"}


def step_formulas(lines: list[str]) -> tuple[list[list], list[tuple[str, str]]]:
    """For `compiler.generate`: `[tex, lhs_tex, line]` per line (see the steps runtime helper) and the
    (line, reason) of each line shown as text."""
    out, failed = [], []
    for line in lines:
        numbered = _NUMBERED.match(line)
        if numbered:
            # "2. Vertical: N = mg = 49 N": the step's number written before its formula
            (tex, lhs_tex, _), bad = _one(line[numbered.end():])
            mark = r"\text{" + numbered.group(1) + r".}\; "
            out.append([mark + tex if tex else None, (mark + lhs_tex) if lhs_tex else lhs_tex, line])
            failed += [(line, why) for _, why in bad]
            continue
        (tex, lhs_tex, _), bad = _one(line)
        out.append([tex, lhs_tex, line])
        failed += bad
    return out, failed


_NUMBERED = re.compile(r"\s*(\d{1,2})[.)]\s+(?=\S)")


def _one(line: str) -> tuple[list, list[tuple[str, str]]]:
    """[tex, lhs_tex, line] of one step line, and its (line, reason) when it is shown as text."""
    lead = _LEAD.match(line)
    if lead and not _EQ.match(line.strip()):  # "≈ 0.00043", "≤ 1.65 · 0.03125/120" continue the line above too
        res = to_tex(line[lead.end():])
        tex = "{} " + _LEAD_TEX[lead.group(1)] + " " + res.tex if res.tex else None
        return [tex, "", line], ([] if tex else [(line, res.reason or "unreadable")])
    # (a line with no "=" aligns on its "≈": "x ≈ 30.3 m" under "x = 15 × 2.02")
    m = _EQ.search(line) or _APPROX.search(line)
    lhs = line[: m.start()].strip() if m else None
    if m and not lhs:  # "= 4" continues the line above
        res = to_tex(line[m.end():])
        tex = "{} = " + res.tex if res.tex else None
    else:
        res = to_tex(line)
        tex = res.tex
    lhs_tex = None if m is None else "" if not lhs else to_tex(lhs).tex
    return [tex, lhs_tex, line], ([] if tex else [(line, res.reason or "unreadable")])
