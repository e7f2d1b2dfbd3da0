"""Planner rules for rays of light crossing a boundary (the physics component's `refraction`): the two media and
their refractive indices, the angle of incidence, the labels of the angles, and a ray swept to another angle.

    Draw a horizontal line as the boundary: air (n = 1.00) above, glass (n = 1.50) below. A yellow ray comes in
    from the upper left at 40° from the normal and bends toward it. Mark the angles θ₁ and θ₂.
    Animate θ₁ increasing from 20° to 41.8°. Then increase θ₁ to 50°: the refracted ray disappears.

The media's names and their usual indices, and the words that ask for a ray, are data
(`planner/data/vocabulary.json`: `optics_*`). The refracted angle is always computed; an angle written for it
that does not follow from Snell's law is reported.
"""

from __future__ import annotations

import math
import re

from ..components.physics import refracted
from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import optics_words
from .quantity import NUM, quantity

_POINT = r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)"
_DEG = r"(" + NUM + r")\s*(?:°|º|degrees?\b|deg\b)"


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and b.params.get("refraction")), None)


def _media(s: str) -> list[tuple[int, str, float | None]]:
    """The media the sentence names, in order: (position, name, index written beside it or None)."""
    words = optics_words()
    found: dict[str, list] = {}
    for m in re.finditer(r"\b(" + "|".join(words["media"]) + r")\b", s, re.I):
        near = s[m.end():m.end() + 30]
        n = re.match(r"\s*[(,]?\s*(?:with\s+)?n\s*[₁₂12]?\s*=\s*(" + NUM + r")", near)
        name = m.group(1).lower()
        if name not in found:
            found[name] = [m.start(), name, None]
        if n and found[name][2] is None:
            found[name][2] = quantity(n.group(1))  # its index, wherever the text writes it ("glass, n = 1.50")
    return [tuple(v) for v in found.values()]


def _index(name: str, given: float | None) -> float:
    return given if given is not None else float(optics_words()["media"].get(name, 1.5))


def _order(s: str, media: list) -> list:
    """Which medium is above: 'glass is on top', 'air above and glass below', 'fill the lower half … glass'."""
    if len(media) < 2:
        return media
    first, second = media[0], media[1]

    def said(name: str, where: str) -> bool:
        # "glass below", "air is on top", "air at the bottom (…)", "the lower half … for glass"
        near = r"(?:\s*\([^()]{0,40}\))?\s+(?:is\s+|lies\s+)?(?:" + where + r")\b"
        half = {"below": "lower|bottom", "above": "upper|top"}[
            "below" if "below" in where else "above"]
        return bool(re.search(r"\b" + re.escape(name) + near, s, re.I) or re.search(
            r"\b(?:" + half + r")\s+half\b[^.;]{0,50}?\b" + re.escape(name) + r"\b", s, re.I))

    below = "below|beneath|under(?:neath)?|at the bottom|in the lower half|on the bottom"
    above = "above|on top|at the top|in the upper half|over"
    return [second, first] if said(first[1], below) or said(second[1], above) else [first, second]


def _incidence(s: str) -> float | None:
    """The angle of incidence: 'at 40° from the normal', 'θ₁ = 30°', 'angle of incidence 40°', else from the points
    the ray runs between ('starting at (-4, 3) and hitting the boundary at the origin')."""
    m = re.search(r"\b(?:at|of|with)\s+(?:an?\s+angle\s+of\s+)?" + _DEG + r"\s+(?:from|to|with)\s+the\s+(?:dashed\s+)?normal", s, re.I) \
        or re.search(r"(?:θ|theta)\s*[₁1_]?\s*=\s*" + _DEG, s, re.I) \
        or re.search(r"\bangle\s+of\s+incidence\s+(?:of\s+|is\s+|=\s*)?" + _DEG, s, re.I) \
        or re.search(r"\bincidence\s+angle\s+(?:of\s+|is\s+|=\s*)?" + _DEG, s, re.I)
    if m:
        return quantity(m.group(1))
    p = re.search(r"\b(?:from|starting at|starts at)\s+" + _POINT + r"[^.;]{0,60}?\b(?:at|hits?|hitting|meets?)\s+(?:the\s+boundary\s+at\s+)?"
                  r"(?:the\s+origin|" + _POINT + r")", s, re.I)
    if p:
        x0, y0 = quantity(p.group(1)), quantity(p.group(2))
        x1 = quantity(p.group(3)) if p.group(3) else 0.0
        y1 = quantity(p.group(4)) if p.group(4) else 0.0
        if abs(y0 - y1) > 1e-9:
            return round(math.degrees(math.atan2(abs(x1 - x0), abs(y0 - y1))), 1)
    return None


def _labels(s: str) -> list[str] | None:
    """'Mark the angles θ₁ and θ₂', 'Label the angles "40°" and "25.4°"'."""
    q = re.search(r"\bangles?\b[^.;]{0,40}?[\"\u201c]([^\"\u201d]{1,12})[\"\u201d]\s*(?:and|,)\s*[\"\u201c]([^\"\u201d]{1,12})"
                  r"[\"\u201d]", s, re.I)
    if q:
        return [q.group(1), q.group(2)]
    if re.search(r"θ\s*₁|θ\s*_?1|theta\s*_?1", s, re.I) and re.search(r"θ\s*₂|θ\s*_?2|theta\s*_?2", s, re.I):
        return ["θ₁", "θ₂"]
    return None


def _sweeps(s: str) -> list[float]:
    """'Animate θ₁ increasing from 20° to 41.8°', 'increase θ₁ to 50°', 'rotate the ray to 60°': where it turns to."""
    words = optics_words()["sweep"]
    out = []
    for m in re.finditer(r"\b(?:" + words + r")\b[^.;]{0,50}?\bto\s+(?:(?:θ|theta)\s*[₁1_]?\s*=\s*)?" + _DEG, s, re.I):
        out.append(quantity(m.group(1)))
    return out


def rule_optics(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    words = optics_words()
    picture = _picture(ctx)
    if picture is not None:
        return _on_picture(ex, ctx, i, picture)
    bare = ex.bare or s
    # two media placed one over the other ("glass on top and air at the bottom"), not a table of materials
    layered = len(_media(bare)) >= 2 and re.search(r"\b(?:above|below|beneath|under|on top|at the (?:top|bottom)|"
                                                   r"(?:upper|lower|top|bottom) half)\b", bare, re.I) \
        and not re.search(r"\b(?:table|columns?|rows?|list)\b", bare, re.I)
    cue = re.search(r"\b(?:" + words["cues"] + r")", bare, re.I)
    if not (cue or layered and re.search(r"\b(?:" + words["cues"] + r")", ctx.about, re.I)):
        return []
    if not (re.search(r"\b(?:" + words["ray"] + r")", bare, re.I) or layered):
        return []  # "draw the boundary line horizontally" in a construction: a line, not yet a ray crossing it
    if re.search(r"\bzig-?zag\w*|\bbounc\w*", bare, re.I) and len(_media(s)) < 2:
        return []  # "a ray zig-zagging through a glass strip": light kept in one medium, not a crossing of two
    media, before = _media(s), _earlier_picture(ctx)
    if len(media) < 2 and not re.search(r"\bsnell|\brefract", s + " " + ctx.about, re.I):
        return []
    source = _source(s, media)
    if len(media) >= 2:
        media = _order(s, media)
    elif source is not None:
        # "a ray inside the glass", "from glass into air": the ray comes down from that medium into the other one
        other = next((m for m in _media(ctx.about) if m[1] != source[1]), None) or (0, "air" if source[1] != "air" else
                                                                                    "glass", None)
        media = [source, other]
    elif before is not None and (not media or media[0][1] in (before["top"] + " " + before["bottom"]).lower()):
        # "Keep the same boundary …", "draw the boundary, the glass and the normal": as the picture before
        media = [(0, "", before["n1"]), (0, "", before["n2"])]
    else:
        named = _media(ctx.about)
        if len(named) >= 2:
            media = _order(ctx.about, named)
        elif media:
            media = [(0, "air", None), media[0]] if media[0][1] != "air" else [media[0], (0, "glass", None)]
    top = media[0] if media else (0, "air", None)
    bottom = media[1] if len(media) > 1 else (0, "glass", None)
    n1, n2 = _index(top[1], top[2]), _index(bottom[1], bottom[2])
    if not (1.0 <= n1 <= 4.0 and 1.0 <= n2 <= 4.0):
        return []
    r: dict = {"n1": n1, "n2": n2}
    angle = _incidence(s)
    if angle is None:
        angle = _incidence(ctx.about)  # the scene gives it in a later sentence: the ray is drawn at it from the start
    if angle is None:
        angle = 45.0
        ctx.lost(i, "the angle of incidence is not given: the ray comes in at 45° from the normal")
    r["angle"] = min(max(angle, 0.0), 89.0)
    r["top"] = f"{top[1]}, n = {n1:.2f}" if top[1] else before["top"]
    r["bottom"] = f"{bottom[1]}, n = {n2:.2f}" if bottom[1] else before["bottom"]
    for name, key in ((top, "top"), (bottom, "bottom")):
        if not name[1]:
            continue
        q = re.search(r"[\"\u201c](" + re.escape(name[1]) + r"\b[^\"\u201d]{0,30})[\"\u201d]", s + " " + ctx.about, re.I)
        if q:
            r[key] = q.group(1)  # the media's labels as written: "glass, n = 1.50"
    labels = _labels(s) or _labels(ctx.about)
    if labels:
        r["labels"] = labels
    if re.search(r"\b(?:" + words["ghost"] + r")", s, re.I):
        r["ghost"] = True
    steps = _sweep_steps(r, _sweeps(s))
    _check_written(s, r, ctx, i)
    strings = [r["top"], r["bottom"]] + [x for x in r.get("labels", []) if x]
    ctx.consumed.update(strings)
    ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    return [_beat("physics", "physics:refraction", ex, i, strings, _kw(s) + ("physics", "ray"), refraction=r,
                  **({"steps": steps} if steps else {}))]


def _earlier_picture(ctx: Context) -> dict | None:
    """The refraction of the newest earlier scene that drew one."""
    for sp in ctx.earlier("physics"):  # (the history's index: no walk over every scene on every sentence)
        for b in reversed(sp.beats):
            if b.kind == "physics" and b.params.get("refraction"):
                return b.params["refraction"]
    return None


def _source(s: str, media: list) -> tuple | None:
    """The medium the ray comes from: "a ray inside the glass", "from glass into air", "Glass → Air"."""
    names = "|".join(optics_words()["media"])
    m = re.search(r"\b(?:ray|light|beam)\b[^.;]{0,20}?\b(?:inside|within|in)\s+(?:the\s+)?(" + names + r")\b", s, re.I) or \
        re.search(r"\bfrom\s+(?:the\s+)?(" + names + r")\s+(?:in)?to\s+(?:the\s+)?(?:" + names + r")\b", s, re.I) or \
        re.search(r"\b(" + names + r")\s*(?:→|->)\s*(?:" + names + r")\b", s, re.I)
    if m is None:
        return None
    name = m.group(1).lower()
    return next((x for x in media if x[1] == name), (m.start(1), name, None))


def _check_written(s: str, r: dict, ctx: Context, i: int) -> None:
    """An angle written for the refracted ray that Snell's law does not give is said (the computed one is drawn)."""
    m = re.search(r"\b(?:continues|refracted|bends?)\b[^.;]{0,60}?\bat\s+" + _DEG, s, re.I) or re.search(
        r"(?:θ|theta)\s*[₂2_]\s*=\s*" + _DEG, s, re.I)
    if not m:
        return
    t2 = refracted(r["n1"], r["n2"], r["angle"])
    written = quantity(m.group(1))
    if t2 is None or abs(t2 - written) > 1.0:
        got = "total internal reflection" if t2 is None else f"{t2:.1f}°"
        ctx.lost(i, f"the refracted angle written, {written:g}°, is not what n₁ sin θ₁ = n₂ sin θ₂ gives ({got}): "
                    "the computed ray is drawn")


def _on_picture(ex: Extracted, ctx: Context, i: int, picture: Beat) -> list[Beat]:
    """On the ray on screen: turn it to another angle (a sweep), mark its angles, show its ghost continuation."""
    s = ex.sentence
    sweeps = _sweeps(s)
    r0 = picture.params["refraction"]
    if not sweeps and float(r0.get("n1", 1.0)) > float(r0.get("n2", 1.5)) and re.search(
            r"\buntil\b[^.;]{0,60}?\b(?:lies\s+flat|flat\s+along|along\s+the\s+(?:boundary|surface)|grazes?|skims?)\b", s, re.I):
        # "Continue until the exit ray lies flat along the boundary": to the critical angle, arcsin(n₂ / n₁)
        sweeps = [round(math.degrees(math.asin(float(r0["n2"]) / float(r0["n1"]))), 1)]
    # (not 'a table with columns "θ₁" and "θ₂"': the angles' names head the table's columns; nor "Pause at 0°, 30°, …"
    # as a sweep of a table's rows)
    if re.search(r"\btables?\b|\bcolumns?\b", ex.bare or s, re.I):
        return []
    labels = _labels(s)
    ghost = re.search(r"\b(?:" + optics_words()["ghost"] + r")", s, re.I)
    normal = re.search(r"\bnormal\b[^.;\"\u201c]{0,40}?(?:labell?ed|with\s+(?:the\s+)?label|called)\s+[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]|"
                       r"(?:labell?ed|with\s+(?:the\s+)?label)\s+[\"\u201c](normal)[\"\u201d]", s, re.I)
    if normal and not picture.params["refraction"].get("normal"):
        label = normal.group(1) or normal.group(2)
        ctx.replace(picture, Beat("physics", {**picture.params, "refraction": {**picture.params["refraction"], "normal": label}},
                                  picture.strings + (label,), picture.rule, picture.source, picture.detail_index,
                                  picture.keywords), i)
        ctx.consumed.add(label)
        ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
        return []
    if not (sweeps or labels or ghost):
        drawn = set(picture.strings) | {"total internal reflection"}
        if ex.quoted and all(q in drawn for q in ex.quoted):
            ctx.modified.add(i)  # 'label "glass, n = 1.50"': the medium on screen already reads so
            ctx.stop = not (ex.formulas or ex.backticked)
        elif _incidence(s) is not None and abs(_incidence(s) - float(picture.params["refraction"].get("angle", 45))) > 0.5 \
                and re.search(r"\b(?:send|shine|draw|fire|aim|point)\w*\b[^.;]{0,30}?\b(?:ray|beam|light)\b", s, re.I) \
                and not re.search(r"\b(?:refracted|exit\w*|outgoing|reflected|transmitted|bent)\s+(?:ray|beam|light)\b", s, re.I):
            # "Send a ray inside the glass to O at θ₁ = 50°" with the ray on screen at 30°: it turns to 50°
            ctx.modified.add(i)
            ctx.stop = not (ex.formulas or ex.backticked or ex.quoted)
            return [_beat("physics", "physics:sweep", ex, i, [], _kw(s), extend=True,
                          steps=_sweep_steps(picture.params["refraction"], [_incidence(s)]))]
        elif (_incidence(s) is not None or re.search(r"\b(?:" + optics_words()["cues"] + r")", ex.bare or s, re.I)) and \
                not (ex.quoted or ex.formulas or ex.backticked):
            ctx.modified.add(i)  # "A yellow ray comes in from the upper left …": the ray on screen, as computed
            _check_written(s, picture.params["refraction"], ctx, i)
            ctx.stop = True
        return []
    r = dict(picture.params["refraction"])
    changed = False
    if labels and r.get("labels") != labels:
        r["labels"], changed = labels, True
    if ghost and not r.get("ghost"):
        r["ghost"], changed = True, True
    if changed:
        ctx.replace(picture, Beat("physics", {**picture.params, "refraction": r},
                                  tuple(dict.fromkeys(picture.strings + tuple(labels or ()))), picture.rule,
                                  picture.source, picture.detail_index, picture.keywords), i)
    ctx.consumed.update(labels or [])
    ctx.modified.add(i)
    ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    if sweeps:
        return [_beat("physics", "physics:sweep", ex, i, [], _kw(s), extend=True, steps=_sweep_steps(r, sweeps))]
    return []


def _sweep_steps(r: dict, sweeps: list[float]) -> list[dict]:
    """Sweep steps; one that turns the ray past the critical angle says so ("total internal reflection")."""
    out = []
    for a in sweeps:
        step = {"action": "sweep", "degrees": min(a, 89.0)}
        if refracted(float(r.get("n1", 1.0)), float(r.get("n2", 1.5)), min(a, 89.0)) is None:
            step["text"] = "total internal reflection"
        out.append(step)
    return out
