"""Planner rules for physics pictures: a setting (ground, cliff, table, incline), bodies on it, labelled force
and velocity arrows, and motion computed from the numbers the scene gives.

    Draw the cliff as a rectangle on the left … Draw a double-headed vertical arrow next to the cliff with label "20 m".
    Place a ball (dot) at the top right corner of the cliff.
    Draw a horizontal arrow from the ball pointing right with label "15 m/s".
    Animate the ball moving along the path y = 20 - 4.9 (x / 15)^2 from x = 0 to x = 30.3.
    A block on an incline of 30 degrees with arrows for gravity "mg", the normal force "N" and friction "f".

Typed pieces — settings and bodies (nouns in `planner/data/vocabulary.json`: `physics_settings`,
`physics_bodies`), quantities with units (m, m/s, degrees, N), arrows with a direction and a label,
motion verbs — combine into one picture per scene that later sentences complete; the numbers of a
projectile come from the sentence, the scene, or the picture of an earlier scene.
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import physics_bodies, physics_settings
from .quantity import NUM, quantity

_Q = r"[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]"
_DIRECTIONS = (("right", r"\b(?:pointing\s+|to\s+the\s+)?right(?:wards?)?\b|\bhorizontal\b"),
               ("left", r"\b(?:pointing\s+|to\s+the\s+)?left(?:wards?)?\b"),
               ("down", r"\b(?:pointing\s+)?down(?:wards?)?\b|\bvertical\w*\s+down"),
               ("up", r"\b(?:pointing\s+)?up(?:wards?)?\b"),
               ("normal", r"\bnormal\b|\bperpendicular to the (?:slope|surface|incline)\b"),
               ("down_slope", r"\bdown the (?:slope|incline|ramp)\b|\bfriction\b.*\bdown\b"),
               ("up_slope", r"\bup the (?:slope|incline|ramp)\b|\bfriction\b"))


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and not b.params.get("extend")), None)


def _body_shape(text: str) -> str | None:
    low = text.lower()
    for shape, words in physics_bodies().items():
        if re.search(r"\b(?:" + words + r")\b", low):
            return shape
    return None


def _setting(text: str) -> tuple[str, float | None] | None:
    low = text.lower()
    for setting, words in physics_settings().items():
        if re.search(r"\b(?:" + words + r")\b", low):
            return setting, None
    return None


def _height(text: str) -> float | None:
    """"h = 20 m", "a 20 m cliff", "20 m high", "a cliff of height 20 m", "next to the cliff with label "20 m"" —
    never a range ("from 0 to 35 m")."""
    m = re.search(r"\bh\s*=\s*(" + NUM + r")\s*m\b(?!/)", text) or re.search(
        r"\b(" + NUM + r")[ -]?(?:m|metres?|meters?)(?:[ -](?:high|tall)\b|\s+(?:cliff|tower|building|drop)\b)|"
        r"\b(?:cliff|tower|building)\s+(?:of\s+(?:height\s+)?|with\s+(?:a\s+)?(?:height\s+of\s+|label\s+))"
        r"[\"\u201c]?(" + NUM + r")\s*(?:m|metres?|meters?)\b(?!/)", text, re.I)
    if not m:
        return None
    v = next(g for g in m.groups() if g)
    return quantity(v) if quantity(v) > 0 else None


def _speed(text: str) -> float | None:
    """"v0 = 15 m/s", "thrown horizontally at 15 m/s", "with a speed of 15 m/s" — the launch speed, not any speed."""
    m = re.search(r"\bv_?0\s*=\s*(" + NUM + r")\s*m/s", text) or re.search(
        r"\b(?:thrown|launched|kicked|fired|throws?|launch(?:es)?|moving|moves|rolls?|at|speed of|velocity of|initial "
        r"(?:speed|velocity)(?: of)?)\s+(?:\w+\s+){0,2}?(" + NUM + r")\s*m/s\b(?!\^|²)", text, re.I)
    return quantity(m.group(1)) if m and quantity(m.group(1)) > 0 else None


def _path_numbers(text: str) -> tuple[float, float] | None:
    """"y = 20 - 4.9 (x / 15)^2": a horizontal throw from 20 m at 15 m/s."""
    m = re.search(r"\by\s*=\s*(" + NUM + r")\s*-\s*(?:4\.9|\d+(?:\.\d+)?\s*/\s*2)\s*\*?\s*\(\s*x\s*/\s*(" + NUM + r")\s*\)\s*\^\s*2", text)
    return (quantity(m.group(1)), quantity(m.group(2))) if m else None


def _angle(text: str) -> float | None:
    m = re.search(r"\b(" + NUM + r")\s*(?:°|degrees?)\s*(?:above|up|from the horizontal|to the horizontal|incline|slope)?",
                  text, re.I)
    return quantity(m.group(1)) if m else None


def _about_motion(ctx: Context) -> dict:
    """The numbers of a throw the scene (or an earlier scene's picture) gives: height, speed, angle."""
    text = ctx.about
    out: dict = {}
    path = _path_numbers(text)
    if path:
        out["height"], out["speed"], out["angle"] = path[0], path[1], 0
    for sp in reversed(ctx.history):  # an earlier scene's throw, before loose numbers of this one
        for b in sp.beats:
            p = b.params.get("projectile") if b.kind == "physics" else None
            if p:
                for k in ("height", "speed", "angle"):
                    if out.get(k) is None and p.get(k) is not None:
                        out[k] = p[k]
    h, v = _height(text), _speed(text)
    if h and "height" not in out:
        out["height"] = h
    if v and "speed" not in out:
        out["speed"] = v
    if "angle" not in out:
        a = re.search(r"\b(" + NUM + r")\s*(?:°|degrees?)\s*(?:above|up\b|from the horizontal|to the horizontal)", text, re.I)
        out["angle"] = quantity(a.group(1)) if a else (0 if re.search(r"\bhorizontal(?:ly)?\b", text, re.I) else None)
    return {k: v for k, v in out.items() if v is not None}


def _vectors(ex: Extracted, body: str | None) -> list[dict]:
    """"a horizontal arrow from the ball pointing right with label "15 m/s"", "a downward green arrow labeled
    "v_y = ?"", "arrows for gravity "mg" and the normal force "N""."""
    out = []
    for m in re.finditer(r"\b((?:[\w-]+\s+){0,4})(arrow|force|vector)\b([^.;\"\u201c]{0,60}?)(?:labell?ed|with\s+(?:the\s+)?label|"
                         r"marked|called)?\s*" + _Q, ex.sentence, re.I):
        around = (m.group(1) + " " + m.group(3)).lower()
        if "double-headed" in around or "double headed" in around:
            continue  # a dimension, not a vector
        label = m.group(4)
        direction = next((d for d, pat in _DIRECTIONS if re.search(pat, around)), None)
        if direction is None:
            direction = "down" if re.search(r"\bgravity|weight|mg\b", around + label.lower()) else "right"
        kind = "velocity" if re.search(r"m/s(?!\^|²)|\bvelocity\b|\bspeed\b|\bv_?\w?\b", label + " " + around) else (
            "acceleration" if re.search(r"m/s\^?2|m/s²|\bacceleration\b", label + " " + around) else "force")
        v = {"type": kind, "direction": direction, "label": label}
        if body:
            v["body"] = body
        out.append(v)
    return out[:10]


def _drop(ex: Extracted, ctx: Context, i: int, shape: str | None) -> list[Beat]:
    """"a vertical line from y = 20 m to y = 0 with a green dot falling along it", "a stone dropped from a height of
    45 m", "a ball falls 20 m": a body let go at its height that falls to the ground (no throw, whatever the scene's
    speeds)."""
    s = ex.sentence
    if not re.search(r"\b(?:falls?|falling|dropp?(?:ed|s|ing)?|released from rest|let go|free[- ]fall\w*)\b", s, re.I):
        return []
    body = shape or ("ball" if re.search(r"\b(?:dot|point|object|body|mass|particle)\b", s, re.I) else None)
    if body is None or re.search(r"\b(?:thrown|throw|launch\w*|kicked|fired|horizontal(?:ly)? at)\b", s, re.I):
        return []
    m = re.search(r"\bfrom\s+y\s*=\s*(" + NUM + r")\s*m\b(?!/)", s) or re.search(
        r"\b(?:falls?|falling|dropp?(?:ed|s|ing)?)\s+(?:\w+\s+){0,3}?(?:from\s+(?:a\s+height\s+of\s+|rest\s+at\s+)?)?(" + NUM +
        r")\s*(?:m|metres?|meters?)\b(?!/)", s, re.I)
    h = quantity(m.group(1)) if m else _height(s)
    if not h or h <= 0:
        return []
    b: dict = {"shape": body, "at": [0, h]}
    colour = re.search(r"\b(red|green|blue|yellow|orange|purple|white|pink|teal|gold)\s+(?:dot|ball|point|stone|rock)\b", s, re.I)
    if colour:
        b["color"] = colour.group(1).lower()
    return [_beat("physics", "physics:drop", ex, i, [], _kw(s) + ("physics",), setting="ground", bodies=[b],
                  steps=[{"action": "move", "to": [0, 0]}])]


def rule_physics(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    picture = _picture(ctx)
    if picture is None:
        drop = _drop(ex, ctx, i, _body_shape(re.sub(r"\([^)]*\)", " ", s)))
        if drop:
            return drop
    setting = _setting(s)
    shape = _body_shape(re.sub(r"\([^)]*\)", " ", s))
    moving = re.search(r"\b(?:throw\w*|thrown|launch\w*|fly\w*|flies|fall\w*|moving along the (?:path|trajectory|parabola)|"
                       r"along (?:the|its) (?:path|trajectory)|projectile|trajectory)\b", s, re.I)
    if picture is None:
        # a picture starts with a cliff or an incline, or with a body that rests, moves or is pushed: "a ball on the
        # ground", "the ball thrown at 15 m/s", "a block with a force arrow "20 N"" — not a data table, a ball in a bag
        strong = setting is not None and setting[0] in ("cliff", "incline")
        rests = shape and setting is not None and re.search(r"\b(?:on|at|off|from|along|down|up)\s+(?:the\s+|a\s+)?(?:top\s+of\s+"
                                                           r"(?:the\s+|a\s+)?)?(?:" + physics_settings()[setting[0]] + r")\b",
                                                           s, re.I)
        pushed = shape and re.search(r"\b(?:force|velocity|gravity|weight|friction|normal)\b|\d\s*(?:N|m/s)\b", s)
        if not (strong or rests or (shape and moving) or pushed):
            return []
        if re.search(r"\b(?:curve|graph|parabola|function|loss|surface|bowl|valley|landscape|plot|axes|axis)\b", s, re.I) and not (
                strong or _path_numbers(s)):
            return []  # "a ball rolling down the loss curve": a dot on a plot, not a physics picture
        if setting is not None and not (strong or rests):
            setting = None
    params = dict(picture.params) if picture is not None else {}
    changed = False
    if setting and params.get("setting") in (None, "none", "ground") and setting[0] != params.get("setting"):
        params["setting"] = setting[0]
        changed = True
    h = _height(s)
    if h and params.get("setting") in ("cliff", "table") and not params.get("height"):
        params["height"] = h
        changed = True
    if shape and not any(b.get("shape") == shape for b in params.get("bodies") or []):
        params["bodies"] = list(params.get("bodies") or []) + [{"shape": shape}]
        changed = True
    vectors = _vectors(ex, None)
    if vectors:
        params["vectors"] = (list(params.get("vectors") or []) + vectors)[:10]
        changed = True
    if moving and not params.get("projectile"):
        numbers = _about_motion(ctx)
        if numbers.get("speed"):
            proj = {"speed": numbers["speed"], "angle": numbers.get("angle") or 0}
            if numbers.get("height"):
                proj["height"] = numbers["height"]
                params.setdefault("setting", "cliff")
                if params.get("setting") in ("cliff", "table"):
                    params["height"] = numbers["height"]  # one height: the cliff the body is thrown from
            params["projectile"] = proj
            changed = True
        else:
            ctx.lost(i, "the motion's speed is not given: the body is drawn at rest")
    if re.search(r"\blands?\b|\blanding\b|\bimpact\b", s, re.I) and params.get("projectile") and vectors:
        params["projectile"] = dict(params["projectile"], impact=True)
        params["vectors"] = [v for v in params["vectors"] if v not in vectors]
    if not changed:
        return []
    labels = [v["label"] for v in params.get("vectors") or [] if v.get("label")]
    ctx.consumed.update(labels + ([f"{_fmt(h)} m"] if h else []))
    if picture is not None:
        ctx.replace(picture, Beat("physics", params, tuple(dict.fromkeys(picture.strings + tuple(labels))),
                                  picture.rule.split("+")[0] + "+completed", picture.source, picture.detail_index,
                                  picture.keywords), i)
        return []
    return [_beat("physics", "physics:picture", ex, i, labels, _kw(s) + ("physics",), **params)]


def _fmt(v: float) -> str:
    return f"{v:g}"
