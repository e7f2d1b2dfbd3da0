"""What every planner rule shares: the scene context it reads and writes, and how a beat is made.

A rule is a function (Extracted sentence, Context, sentence index) -> beats. There is one rule module
per component kind (`rules_table.py`, `rules_plot.py`, `rules_graph.py`, …); they import this module and
the parse stage, and of each other only helpers in one direction (`rules_plot_marks` and
`rules_bar_chart` use the plot helpers of `rules_plot`; the layout rules share `listing.py`; `rules_table`
uses the row helpers of `rules_steps`). `ruleset.py` puts all the rules in order. No import cycle
(`tests/test_knowledge.py` checks it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..text import as_written
from .beats import Beat
from .extract import Extracted, mask_shown
from .theme import Theme


class History(tuple):
    """The scenes planned so far, and their index by kind (oldest first), kept up to date by the storyboard's
    planner as it goes — so that no scene re-indexes the whole history of a long storyboard."""

    by_kind: dict

    @staticmethod
    def grow(before: "History | None", sp) -> "History":
        out = History((before or ()) + (sp,))
        out.by_kind = before.by_kind if before is not None else {}
        for k in sp.kinds:
            out.by_kind.setdefault(k, []).append(sp)
        return out


@dataclass
class Context:
    """What the rules know about the scene so far."""

    theme: Theme
    scene_plot: str
    beats: list[Beat] = field(default_factory=list)
    consumed: set[str] = field(default_factory=set)  # strings already drawn by a rule for this sentence
    history: tuple = ()          # ScenePlans of the scenes before this one
    scene_number: int = 1
    stop: bool = False           # set by a rule that fully handled the sentence: the later rules skip it
    modified: set[int] = field(default_factory=set)  # sentences that changed a beat drawn earlier
    losses: list[tuple[int, str]] = field(default_factory=list)  # (sentence, what was dropped or changed): SB307
    about: str = ""              # the whole scene (plot, details, narration): what a noun means in it
    # what a sentence announced and a later one completes ("Draw a bar chart with x-axis "Year" (0, 1, 2, 3)." then
    # "For each year draw two bars: simple (…) and compound (…)"): kind -> (sentence, what it said); reported as
    # SB307 when the scene ends without it
    announced: dict[str, tuple[int, dict]] = field(default_factory=dict)
    _by_kind: dict | None = field(default=None, repr=False)  # `earlier`'s index of the history, built on first use
    _mentions: dict = field(default_factory=dict, repr=False)  # `mentions`' answers for this scene

    def mentions(self, pattern: str) -> bool:
        """Whether the whole scene (`about`) matches `pattern`, ignoring case — searched once per scene, not once
        per sentence of it."""
        hit = self._mentions.get(pattern)
        if hit is None:
            hit = self._mentions[pattern] = re.search(pattern, self.about, re.I) is not None
        return hit

    def lost(self, i: int, what: str) -> None:
        """Say that part of sentence i could not be drawn as written (reported as SB307, never silent)."""
        if (i, what) not in self.losses:
            self.losses.append((i, what))

    def capped(self, i: int, items: list, n: int, what: str) -> list:
        """The first n items; the rest are said (SB307: "12 bars: only the first 10 are drawn"), never cut silently."""
        items = list(items)
        if len(items) > n:
            self.lost(i, f"{len(items)} {what}: only the first {n} are drawn")
        return items[:n]

    @property
    def has_title(self) -> bool:
        return any(b.kind == "title" for b in self.beats)

    def earlier(self, kind: str) -> list:
        """The earlier scenes (ScenePlans) that drew `kind`, latest first — indexed once per scene, so that
        a rule asking on every sentence does not walk a long storyboard's whole history each time."""
        shared = getattr(self.history, "by_kind", None)
        if shared is not None:
            return shared.get(kind, [])[::-1]
        if self._by_kind is None:
            self._by_kind = {}
            for sp in reversed(self.history):
                for k in sp.kinds:
                    self._by_kind.setdefault(k, []).append(sp)
        return self._by_kind.get(kind, [])

    def changed_in(self, i: int) -> bool:
        return i in self.modified

    def replace(self, old: Beat, new: Beat, i: int) -> Beat:
        """Change a beat drawn earlier (more rows for a table, a highlight for a grid…) from sentence i."""
        self.beats[self.beats.index(old)] = new
        self.modified.add(i)
        return new


Rule = Callable[[Extracted, Context, int], list[Beat]]


def _beat(kind: str, rule: str, ex: Extracted, index: int, strings, keywords=(), **params) -> Beat:
    params = {k: v for k, v in params.items() if v is not None}
    return Beat(kind, params, tuple(strings), rule, ex.sentence, index, tuple(keywords))


def _has(ex: Extracted, pattern: str) -> bool:
    return re.search(pattern, ex.low) is not None


def _cue(ex: Extracted, pattern: str) -> bool:
    """A cue in the sentence's own words, not in the quoted or backticked text it shows: the picture rules decide on
    it (the title "How a Neural Network Reads Digits" draws no network, the text "… a scatter plot …" no scatter)."""
    bare = ex.bare if ex.bare or not ex.sentence else mask_shown(ex.sentence)
    return re.search(pattern, bare.lower()) is not None


def _kw(text: str) -> tuple[str, ...]:
    stop = {"the", "a", "an", "of", "and", "to", "with", "show", "display", "then", "text", "for", "in", "on", "each"}
    return tuple(dict.fromkeys(w for w in re.findall(r"[a-z][a-z-]{2,}", text.lower()) if w not in stop))


def _fmt(v) -> str:
    """A number as the storyboard wrote it, as the components draw it (1.416667 never rounded to six digits)."""
    return as_written(v)


def since_clear(ctx: Context) -> list[Beat]:
    """The beats drawn since the last clear, newest first: what is on screen."""
    out = []
    for b in reversed(ctx.beats):
        if b.kind == "clear":
            break
        out.append(b)
    return out
