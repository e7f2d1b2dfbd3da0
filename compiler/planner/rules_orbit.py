"""Planner rules for an orbit (the physics component's `orbit`): a body going round a central one on an ellipse —
"a white ellipse around it with the Sun at the right focus", "a small blue dot labeled "Planet" moves once around
the ellipse", "the Earth orbits the Sun" — its eccentricity from the numbers the scene gives (e = 0.6; a = 5 and
b = 4; width 10, height 8; perihelion 2 and aphelion 8), the names of the two bodies, how many times it goes round,
and its velocity arrow.
"""

from __future__ import annotations

import math
import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .quantity import NUM, quantity

_CENTRES = r"\b(?:the\s+)?(sun|star|earth|planet|jupiter|nucleus)\b"
_ORBIT = r"\borbit\w*\b|\bellip(?:se|tical)\b|\brevolv\w*\b|\b(?:goes|moves|travels|circles)\s+(?:once\s+|twice\s+)?(?:a)?round\b"
_BODIES = r"\b(?:sun|star|planet|earth|moon|mars|jupiter|satellite|comet|kepler)\b"


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and b.params.get("orbit")), None)


def _eccentricity(text: str) -> float | None:
    e = re.search(r"\b(?:e|eccentricity)\s*(?:=|of|is)?\s*(" + NUM + r")\b", text, re.I)
    if e and 0 <= quantity(e.group(1)) < 1:
        return quantity(e.group(1))
    ab = re.search(r"\ba\s*=\s*(" + NUM + r")[^.;]{0,20}?\bb\s*=\s*(" + NUM + r")", text)
    wh = re.search(r"\bwidth\s*(?:=|of)?\s*(" + NUM + r")[^.;]{0,12}?\bheight\s*(?:=|of)?\s*(" + NUM + r")", text, re.I)
    pa = re.search(r"\bperihelion\b[^.;]{0,40}?(" + NUM + r")[^.;]{0,60}?\baphelion\b[^.;]{0,40}?(" + NUM + r")", text, re.I)
    if ab or wh:
        m = ab or wh
        a, b = sorted((abs(quantity(m.group(1))), abs(quantity(m.group(2)))), reverse=True)
        return math.sqrt(1 - (b / a) ** 2) if a > 0 else None
    if pa:
        rp, ra = quantity(pa.group(1)), quantity(pa.group(2))
        return (ra - rp) / (ra + rp) if ra + rp > 0 and ra >= rp else None
    return None


def _named(s: str, noun: str) -> str | None:
    """The quoted label a sentence gives a body ('a small blue dot labeled "Planet"', 'the Sun, labeled "Sun"')."""
    m = re.search(r"\b(?:" + noun + r")\b[^.;\"\u201c]{0,40}?\blabell?ed\s+[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]", s, re.I)
    return m.group(1) if m else None


def rule_orbit(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s, bare = ex.sentence, ex.bare or ex.sentence
    picture = _picture(ctx)
    about = (re.search(_BODIES, s, re.I) or ctx.mentions(_BODIES)) and (
        ctx.mentions(r"\borbit\w*|\bkepler|\bplanet") or re.search(r"\borbit\w*|\bkepler|\bplanet", s, re.I))
    velocity = re.search(r"\bvelocity\s+(?:arrow|vector)\b|\bspeed\s+arrow\b", s, re.I) is not None
    if not about or not (re.search(_ORBIT, bare, re.I) or (picture is not None and velocity)):
        return []
    if re.search(r"\b(?:table|chart|graph|plot|axes|formula|equation)\b", bare, re.I):
        return []
    orbit = dict(picture.params["orbit"]) if picture is not None else {"center": "Sun", "body": "Planet"}
    before = dict(orbit)
    e = _eccentricity(s) if _eccentricity(s) is not None else (_eccentricity(ctx.about) if picture is None else None)
    if e is not None:
        orbit["eccentricity"] = round(min(0.9, max(0.0, e)), 3)
        if e > 0.9:
            ctx.lost(i, f"an eccentricity of {e:.2f} is drawn as 0.9")
    centre = _named(s, "sun|star|centre|center") or (re.search(_CENTRES, s, re.I).group(1).title()
                                                     if re.search(r"\bfocus\b|\baround\s+(?:the\s+)?(?:sun|star)\b", s, re.I)
                                                     and re.search(_CENTRES, s, re.I) else None)
    if centre and centre.lower() != "planet":
        orbit["center"] = centre
    body = _named(s, "planet|dot|earth|moon|satellite|comet|body")
    if body:
        orbit["body"] = body
    times = re.search(r"\b(once|twice|two times|three times)\b", s, re.I)
    if times and re.search(r"\b(?:around|round|orbit\w*|revolv\w*)\b", s, re.I):
        orbit["revolutions"] = {"once": 1, "twice": 2, "two times": 2, "three times": 3}[times.group(1).lower()]
    if velocity:
        orbit["velocity"] = True
    strings = [x for x in (orbit.get("center"), orbit.get("body")) if x]
    ctx.consumed.update(q for q in ex.quoted if q in strings)
    ctx.modified.add(i)
    if picture is not None:
        if orbit != before:
            ctx.replace(picture, Beat("physics", dict(picture.params, orbit=orbit), tuple(strings),
                                      picture.rule.split("+")[0] + "+orbit", picture.source, picture.detail_index,
                                      picture.keywords), i)
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return []
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    # 'Draw a yellow dot … representing the Sun, labeled "Sun"' before the orbit: that name is on the picture now
    for b in [b for b in since_clear(ctx) if b.kind == "text" and b.params.get("text") in strings]:
        ctx.beats.remove(b)
        ctx.losses[:] = [(k, what) for k, what in ctx.losses if not (k == b.detail_index and repr(b.params["text"]) in what)]
    return [_beat("physics", "physics:orbit", ex, i, strings, _kw(s) + ("physics", "orbit"), orbit=orbit)]
