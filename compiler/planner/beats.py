"""The planner's output: beats (one visual step each), scene plans and the storyboard plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..diagnostics import Severity
from .theme import Theme


@dataclass(frozen=True)
class Beat:
    kind: str
    params: dict[str, Any]
    strings: tuple[str, ...]  # every string the beat draws
    rule: str                 # the rule that chose it (shown by `sbc plan --explain`)
    source: str               # the animation_details sentence (or "visuals[i]")
    detail_index: int         # index of that sentence in animation_details
    keywords: tuple[str, ...] = ()  # words used to align the beat with the narration
    # Where a storyboard's visual finds it: ("beat", N) is the planner's beat N of the scene (1-based; a visual
    # with `"beat": N` replaces it), ("after", N) a visual inserted after it; None for a scene's own visuals.
    place: tuple[str, int] | None = None

    @property
    def number(self) -> str:
        """How `sbc plan` and the contact sheet name the beat: `3`, `2+` (inserted after beat 2), `v1`."""
        if self.place is None:
            return f"v{self.detail_index + 1}"
        return str(self.place[1]) if self.place[0] == "beat" else f"{self.place[1]}+"


@dataclass(frozen=True)
class PlanNote:
    code: str
    message: str
    path: tuple
    severity: Severity = Severity.WARNING
    sentence: str | None = None  # the sentence it is about: the diagnostic points at it in the file


@dataclass(frozen=True)
class ScenePlan:
    number: int               # 1-based
    id: str                   # safe name: scene id or scene_NN
    title: str | None
    theme: Theme
    beats: tuple[Beat, ...]
    narration: tuple[str, ...]  # narration sentences (audio_text split)
    voice: str | None
    audio_file: str | None
    min_duration: float | None
    transition: str
    theme_rules: tuple[str, ...] = ()
    details: tuple[str, ...] = ()         # the animation_details sentences, in order
    unmatched: tuple[int, ...] = ()       # indexes of the sentences that produced no beat (SB301)

    @cached_property
    def kinds(self) -> frozenset[str]:
        """The kinds its beats draw (the rules ask every earlier scene for its graph, its table…: asked once)."""
        return frozenset(b.kind for b in self.beats)


@dataclass(frozen=True)
class Plan:
    title: str | None
    scenes: tuple[ScenePlan, ...]
    diagnostics: tuple[PlanNote, ...] = field(default=())
