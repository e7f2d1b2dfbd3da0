"""Pictures a scene's style asks for beyond colours and sizes, checked after the rules ran (a compose step).

The style often asks for something to be drawn, not only coloured: "Density curve: blue, with area under the curve
filled blue at opacity 0.3", "Shaded region green with opacity 0.5". When no beat of the scene draws such a thing
the request is said (SB307) — the style is read, never dropped without a word. Frames (`frames.py`), pieces of
formulas in colour and dimmed lines (`colours.py`) are drawn; what is only checked lives here.
"""

from __future__ import annotations

import re

from .beats import Beat

# "with area under the curve filled blue", "area under it shaded", "shaded region green", "fill the area below"
_SHADED = re.compile(r"\b(?:area|region)s?\s+(?:under|below|beneath|between)\b[^.;]{0,40}?\b(?:fill(?:ed)?|shad(?:ed|e)|"
                     r"colou?red|painted)\b|\b(?:shaded|filled)\s+(?:area|region)s?\b|\b(?:fill(?:ed)?|shade[ds]?)\s+"
                     r"(?:the\s+)?(?:area|region)s?\s+(?:under|below|beneath|between)\b", re.I)


def _shades(b: Beat) -> bool:
    return b.kind in ("plot", "contour") and bool(b.params.get("area") or b.params.get("areas")) or \
        b.kind in ("geometry", "drawing", "vector_plane", "bar_chart") and "fill" in str(b.params).lower()


# "Shade the region between the curves from t = 0 to t = 4", "… and shade the region under it"
_SHADE_VERB = re.compile(r"\bshades?\b[^.;]{0,30}?\b(?:area|region|part|lens|strip)s?\b", re.I)


def unasked_pictures(beats: list[Beat], style: str, details: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(field, clause, what) for each shaded area the style or a details sentence asks for that no beat draws."""
    lost = []
    if any(_shades(b) for b in beats):
        return lost
    for clause in re.split(r"(?<=[.;!])\s+|\n", style):
        if _SHADED.search(clause):
            lost.append(("animation_style", clause.strip(), "the shaded area the style asks for (no area is drawn)"))
    for sentence in details:
        if _SHADE_VERB.search(sentence):
            lost.append(("animation_details", sentence.strip(), "the shaded area it asks for (no area is drawn)"))
    return lost
