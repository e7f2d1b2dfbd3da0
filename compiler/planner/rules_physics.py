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

import math
import re
import unicodedata

from .beats import Beat
from ..components.physics import MAX_BODIES, flight
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import (physics_angles, physics_bodies, physics_directions, physics_forces, physics_motion_words,
                        physics_settings, physics_sum_words, physics_vector_words)
from .quantity import NUM, quantity
from .rules_recall import scene_state
from .theme import COLOUR_RE, colour_value

_Q = r"[\"\u201c]([^\"\u201d\n]{1,24})[\"\u201d]"
# a label: quoted, or a symbol in brackets after its noun ("weight (mg)", "the normal force (F_N)")
_LABEL = re.compile(_Q + r"|\(\s*([A-Za-z]{1,2}\d?|[A-Za-z]{1,3}_\{?\w{1,4}\}?)\s*\)"
                    # "the yellow 30 N arrow to the right": the magnitude before the arrow is its label
                    r"|(?<![\w.])(\d+(?:\.\d+)?\s*(?:kN|N|m/s²|m/s\^?2|m/s))(?=\s+(?:[a-z-]+\s+)?(?:arrow|vector|force)s?\b)")
_SEP = re.compile(r",|;|\band\b|\bwhile\b|\bwith\b|\bwhich\b|\bthat\b|\.(?:\s|$)", re.I)


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and not b.params.get("extend")), None)


def _body_shape(text: str) -> str | None:
    low = text.lower()
    for shape, words in physics_bodies().items():
        if re.search(r"\b(?:" + words + r")\b(?!\s+of\b(?!\s+(?:side|mass|weight|length|width)\b|\s+\d+(?:\.\d+)?\s*(?:kg|g|m|cm)\b))", low):
            # (not "a block of 10 columns", "a ball of wool"; "a box of side 1.5" is one)
            return shape
    # a box that has a mass, stands on a floor or is pushed is a body, not a box of a diagram
    if re.search(r"\bbox\b(?!\s+of\b(?!\s+(?:side|mass|weight|length|width)\b|\s+\d+(?:\.\d+)?\s*(?:kg|g|m|cm)\b))", low) and re.search(
            r"\d\s*kg\b|\b(?:push\w*|pull\w*|friction|slid\w*|" + physics_settings()["ground"] + "|"
            + physics_settings()["incline"] + r")\b", low):
        return "block"
    return None


def _named_bodies(text: str) -> list[tuple[int, str, str]]:
    """Bodies written with their names: 'cart "A" on the left, cart "B" to the right of center', 'a block labelled
    "m1"' — (position, shape, name) in the order the sentence gives them."""
    out = []
    for shape, words in physics_bodies().items():
        for m in re.finditer(r"\b(?:" + words + r")\s+(?:(?:labell?ed|named|called|marked)\s+)?" + _Q, text, re.I):
            out.append((m.start(), shape, m.group(1).strip()))
    return sorted(out)


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
    """"v0 = 15 m/s", "thrown horizontally at 15 m/s", "with a speed of 15 m/s" — the launch speed, not any speed
    (not "hits the ground at 24.8 m/s")."""
    m = re.search(r"\bv_?0\s*=\s*(" + NUM + r")\s*m/s", text)
    if m is None:
        m = next((x for x in re.finditer(
            r"\b(?:thrown|launched|kicked|fired|throws?|launch(?:es)?|moving|moves|rolls?|at|speed of|velocity of|initial "
            r"(?:speed|velocity)(?: of)?)\s+(?:\w+\s+){0,2}?(" + NUM + r")\s*m/s\b(?!\^|²)", text, re.I)
            if not _landing(text, x.start())), None)
    return quantity(m.group(1)) if m and quantity(m.group(1)) > 0 else None


def _path_numbers(text: str) -> tuple[float, float] | None:
    """"y = 20 - 4.9 (x / 15)^2": a horizontal throw from 20 m at 15 m/s."""
    m = re.search(r"\by\s*=\s*(" + NUM + r")\s*-\s*(?:4\.9|\d+(?:\.\d+)?\s*/\s*2)\s*\*?\s*\(\s*x\s*/\s*(" + NUM + r")\s*\)\s*\^\s*2", text)
    return (quantity(m.group(1)), quantity(m.group(2))) if m else None


def _angles(text: str) -> list[tuple[float, int, int, str | None]]:
    """Every angle the text writes ("30°", "30 degrees", "a 30-degree ramp") with what it is measured from, as
    written right after it: `above`, `below` or `vertical` (None: not said)."""
    words = physics_angles()
    out = []
    for m in re.finditer(r"(?<![\w.])(" + NUM + r")\s?-?\s?(?:" + words["unit"] + r")", text, re.I):
        tail = text[m.end():m.end() + 30]
        ref = next((k for k in ("below", "vertical", "above") if re.match(r"\s*(?:" + words[k] + r")", tail, re.I)),
                   None)
        out.append((quantity(m.group(1)), m.start(), m.end(), ref))
    return out


def _clause_before(text: str, pos: int, width: int = 40) -> str:
    """The words of the clause just before `pos` (never across a stop, a semicolon or a quote)."""
    return re.split(r"[;\"\u201c\u201d]|\.(?:\s|$)", text[max(0, pos - width):pos])[-1]


def _landing(text: str, pos: int) -> bool:
    """Whether the number at `pos` is said of the landing ("hits the ground at 24.8 m/s", "lands at 53° …")."""
    return re.search(r"\b(?:" + physics_angles()["landing"] + r")\b", _clause_before(text, pos), re.I) is not None


def _incline_angle(text: str, angles: list) -> tuple | None:
    """The angle of the incline: one written next to its noun ("an incline of 30 degrees", "a 30° ramp",
    "inclined at an angle of 30°")."""
    words = physics_angles()["incline"] + "|" + physics_settings()["incline"]
    for a in angles:
        before = re.split(r"[,;]", _clause_before(text, a[1]))[-1]
        if re.search(r"\b(?:" + words + r")", before, re.I) or re.match(
                r"\s*(?:[\w-]+\s+)?(?:" + words + r")\b", text[a[2]:a[2] + 30], re.I):
            return a
    # "a right triangle representing the incline, …, the 30° angle marked at the bottom": the one angle of a
    # sentence that draws an incline and moves nothing is the incline's
    if len(angles) == 1 and re.search(r"\b(?:" + physics_settings()["incline"] + r")\b", text, re.I) \
            and not re.search(r"\b(?:" + physics_motion_words() + r")\b", text, re.I) and not _landing(text, angles[0][1]):
        return angles[0]
    return None


def _above_horizontal(a: tuple) -> float:
    """An angle as degrees above the horizontal (below: negative; from the vertical: its complement)."""
    value, ref = a[0], a[3]
    return -value if ref == "below" else (90 - value if ref == "vertical" else value)


def _launch_angle(text: str, angles: list, whole_sentence: bool) -> tuple | None:
    """The launch angle among the angles of the text: in the sentence that throws, any angle not said of the
    landing; elsewhere in the scene, only one said of the launch ("launch angle 30°", "30° above the horizontal")."""
    cue = physics_angles()["launch"]
    for a in angles:
        if _landing(text, a[1]):
            continue
        if whole_sentence or a[3] in ("above", "vertical") or re.search(r"\b(?:" + cue + r")", _clause_before(text, a[1], 30),
                                                                        re.I):
            return a
    return None


def _about_motion(ctx: Context, s: str, angles: list) -> tuple[dict, tuple | None]:
    """The numbers of a throw — height, speed, angle — and the angle of the sentence it used: the path formula the
    sentence writes, the sentence's own numbers, a path formula elsewhere in the scene, an earlier scene's throw,
    then loose numbers of this scene."""
    text = ctx.about
    out: dict = {}
    path = _path_numbers(s) or _path_numbers(text)
    if path:
        out["height"], out["speed"], out["angle"] = path[0], path[1], 0
    used = _launch_angle(s, angles, True)
    own = {"height": _height(s), "speed": _speed(s),
           "angle": _above_horizontal(used) if used else (0 if re.search(r"\bhorizontal(?:ly)?\b", s, re.I) else None)}
    for k, v in own.items():
        if v is not None and k not in out:
            out[k] = v
    if out.get("angle") != own["angle"]:
        used = None  # the path formula says otherwise: the sentence's angle is not the one drawn
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
        a = _launch_angle(text, _angles(text), False)
        out["angle"] = _above_horizontal(a) if a else (0 if re.search(r"\bhorizontal(?:ly)?\b", text, re.I) else None)
    return {k: v for k, v in out.items() if v is not None}, used


_HEADED = re.compile(r"\b(?:to(?:wards?)?\s+the|pointing(?:\s+to(?:wards?)?(?:\s+the)?)?|points?)\s+(left|right|up|down)\b|"
                     r"\b(up|down|left|right)wards?\b", re.I)


def _direction(text: str) -> str | None:
    """Where an arrow points: where it goes ("pushing the left side of the box to the right": right), else the first
    direction the words name."""
    headed = _HEADED.search(text)
    if headed and not re.search(r"\b(?:slope|incline|ramp|plane|normal|perpendicular|into|surface)\b", text, re.I):
        return (headed.group(1) or headed.group(2)).lower()
    low = text.lower()
    return next((d for d, pat in physics_directions() if re.search(r"\b(?:" + pat + r")\b", low)), None)


def _force_named(before: str, after: str) -> str | None:
    """The force the words around a label name: the one named last before it, else the first after it."""
    forces = physics_forces()
    found = [(m.start(), f) for f, v in forces.items() for m in re.finditer(r"\b(?:" + v["words"] + r")\b", before, re.I)]
    if found:
        return max(found)[1]
    found = [(m.start(), f) for f, v in forces.items() for m in [re.search(r"\b(?:" + v["words"] + r")\b", after, re.I)] if m]
    return min(found)[1] if found else None


def _force_labelled(label: str) -> str | None:
    """The force a label is the usual symbol of ("mg", "F_N", "f_k")."""
    bare = re.sub(r"[{}$\\\s]", "", label)
    return next((f for f, v in physics_forces().items() if re.fullmatch(r"(?:" + v["labels"] + r")", bare)), None)


def _vector_type(text: str) -> str:
    if re.search(r"m/s(?!\^|²)|\bvelocity\b|\bspeed\b|\bv_?\w?\b", text):
        return "velocity"
    return "acceleration" if re.search(r"m/s\^?2|m/s²|\bacceleration\b", text) else "force"


def _vectors(s: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """The vectors a sentence asks for, and the spans of the sentence each was read from: "a horizontal arrow from
    the ball pointing right with label "15 m/s"", "a downward green arrow labeled "v_y = ?"", a list — "arrows
    for gravity "mg", the normal force "N" and friction "f"", "weight (mg) pointing down, …" — and forces named
    without labels where the sentence asks for arrows ("draw the forces: gravity, the normal force and friction").
    A direction the words give wins; else the force's own (data: `physics_forces`)."""
    nouns, cues = physics_vector_words()["nouns"], physics_vector_words()["list_cues"]
    forces = physics_forces()
    labels = [(m.group(1) or m.group(2) or m.group(3), m.start(), m.end(), m.group(2) is not None)
              for m in _LABEL.finditer(s)]
    out: list[tuple[int, dict]] = []
    spans: list[tuple[int, int]] = []
    named: set[str] = set()
    cut, listing = 0, False
    for k, (label, a, b, bracketed) in enumerate(labels):
        nxt = labels[k + 1][1] if k + 1 < len(labels) else len(s)
        sep = _SEP.search(s, b, nxt)
        end = sep.start() if sep else nxt
        gap = s[cut:a]
        before = re.split(r"[;]|\.(?:\s|$)", s[max(cut, a - 80):a])[-1]
        after = s[b:end].split("\n")[0]  # (the next line of a list is no part of this label's words)
        cut = end
        noun = None
        for m in re.finditer(r"\b(?:" + nouns + r")\b", before, re.I):
            noun = m
        after_noun = re.match(r"\s+(?:[a-z-]+\s+)?(?:" + nouns + r")\b", s[b:end], re.I)
        if after_noun is not None and re.fullmatch(r"\d[\d.]*\s*\S+", label):
            # "the yellow 30 N arrow to the right": the noun after the magnitude, the words before it
            noun = re.search(r"$", before)
            near = " ".join(before.split()[-3:]) + after_noun.group(0)
        elif noun is not None:  # the noun and the words that describe it ("a downward green arrow")
            lead = re.search(r"(?:[\w-]+\W+){0,3}$", before[:noun.start()])
            near = before[lead.start() if lead else noun.start():]
        else:
            near = " ".join(before.split()[-5:])
        if re.search(r"\bdouble[- ]headed\b", near + after, re.I):
            listing = False
            continue  # a dimension, not a vector
        said = re.search(r"\b(?:write|writes|note|text|caption|values?|becomes?|changes?\s+to|updated?\s+to|now\s+reads|"
                         r"comput\w*|calculat\w*|work\s+out|derive\w*|"
                         r"one)\b[^\"\u201c]{0,30}$", before, re.I)
        if said and (noun is None or noun.start() < said.start()):
            listing = False
            continue  # "Next to the friction arrow write the note "opposes sliding"": words beside an arrow
        if label.count("=") >= 2 and re.search(r"\d\s*[×*·/+−-]\s*\d", label):
            listing = False
            continue  # "W = m g = 5 × 9.8 = 49 N": a calculation, not an arrow's label
        if noun is None and re.search(r"(?:\d\s*(?:°|kg|g|m|cm|km|s|J|kJ|K|°C))\s*$", label):
            listing = False
            continue  # "θ = 30°", "m = 5 kg", "d = 4 m" in a list of givens: a value, no arrow
        force = _force_named(near, after)
        continues = listing and len(re.findall(r"[\w-]+", gap)) <= 4
        if bracketed and not (force or noun is not None and len(near.split()) <= 5):
            listing = False
            continue  # "(dot)", "(green)": a note in brackets, not a label
        if not (noun is not None or force or continues):
            listing = False
            continue
        force = force or _force_labelled(label)
        direction = _direction(near + " " + after)
        degrees = next((x for x in _angles(near + " " + after) if x[3]), None)
        if degrees is not None:
            direction = _above_horizontal(degrees)
        if direction is None:
            direction = forces[force]["direction"] if force else "right"
        v = {"type": _vector_type(label + " " + near), "direction": direction, "label": label}
        colour = COLOUR_RE.search(near)
        if colour and colour_value(colour.group(0)):
            v["color"] = colour_value(colour.group(0))  # "the red 19.6 N arrow"
        size = re.match(r"(\d+(?:\.\d+)?)\s*(?:kN|N|m/s)", label)
        if size and float(size.group(1)) > 0:
            v["magnitude"] = float(size.group(1)) * (1000 if "kN" in label else 1)  # 30 N drawn longer than 19.6 N
        out.append((a, v))
        spans.append((a - len(near), end))
        if force:
            named.add(force)
        listing = True
    if re.search(r"\b(?:" + cues + r")\b", s, re.I):
        # forces named without a label: each drawn with its usual symbol
        for f, v in forces.items():
            for m in re.finditer(r"\b(?:" + v["words"] + r")\b", s, re.I):
                if f in named or any(x <= m.start() < y for x, y in spans):
                    continue
                sep = _SEP.search(s, m.end())
                end = sep.start() if sep else len(s)
                words = _SEP.split(s[max(0, m.start() - 20):m.start()])[-1] + s[m.start():end]
                direction = _direction(words) or v["direction"]
                symbol = re.match(r"\s+([A-Za-z][\w{}]{0,5})\b", s[m.end():])  # "the weight W", "friction f_k"
                label = symbol.group(1) if symbol and _force_labelled(symbol.group(1)) == f else v["symbol"]
                out.append((m.start(), {"type": "force", "direction": direction, "label": label}))
                spans.append((m.start(), end))
                named.add(f)
                break
    out.sort(key=lambda x: x[0])
    return [v for _, v in out], spans


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


def _on_screen(ctx: Context, picture: Beat) -> list[dict]:
    """The vectors of the physics picture on screen: its own, then those later steps added, less those removed."""
    out = list(picture.params.get("vectors") or [])
    for b in reversed(since_clear(ctx)):
        if b.kind == "physics" and b.params.get("extend"):
            out += list(b.params.get("vectors") or [])
            for st in b.params.get("steps") or []:
                out = [v for v in out if v.get("label") not in (st.get("labels") or [])] + list(st.get("vectors") or [])
    return out


def _relabel(ex: Extracted, ctx: Context, i: int, picture: Beat) -> list[Beat]:
    """"Replace the "?" on the green arrow with "19.8 m/s"": the vector labelled "v_y = ?" on screen becomes
    "v_y = 19.8 m/s" (the arrow is redrawn with its new label; a new length asked for is reported)."""
    words = physics_vector_words()
    m = re.search(r"\b(?:" + words["relabel"] + r")\w*\s+(?:the\s+)?(?:label\s+)?" + _Q + r"[^\"\u201c]{0,50}?\s(?:with|to|by|into)\s+"
                  r"(?:the\s+)?(?:label\s+)?(?:value\s+)?" + _Q, ex.sentence, re.I)
    if m is None:
        return _relabel_named(ex, ctx, i, picture)
    old, new = m.group(1), m.group(2)
    vector = next((v for v in reversed(_on_screen(ctx, picture)) if v.get("label") == old), None) or next(
        (v for v in reversed(_on_screen(ctx, picture)) if old in (v.get("label") or "")), None)
    if vector is None:
        return []
    old_label = vector["label"]
    label = new if old_label == old else old_label.replace(old, new, 1)
    if len(label) > 24:
        label = new
    ctx.consumed.update((old, new))
    vector = dict(vector, label=label)
    if re.search(r"\b(?:" + words["resize"] + r")\b", ex.sentence, re.I):
        # "stretch the green arrow so its length is 19.8 / 15 = 1.32 times the blue arrow": the others are drawn at
        # the same (default) size, so the factor is its magnitude
        factor = re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:times|×|x)\s+(?:as\s+long\s+as\s+)?(?:the|that|its)\b",
                            ex.sentence, re.I)
        others = [v for v in _on_screen(ctx, picture) if v.get("label") != old and old not in (v.get("label") or "")]
        if len(factor) == 1 and 0 < float(factor[0]) <= 1e6 and all(v.get("magnitude", 1.0) == 1.0 for v in others):
            vector["magnitude"] = float(factor[0])
        else:
            ctx.lost(i, f"the arrow '{label}' keeps its length: a new length is not drawn")
    steps = [{"action": "remove", "labels": [old_label]}, {"action": "vector", "vectors": [vector]}]
    if not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed]):
        ctx.stop = True  # the label is replaced on the arrow: no transform of the text as well
    return [_beat("physics", "physics:relabel", ex, i, [label], _kw(ex.sentence), extend=True, steps=steps)]


def _relabel_named(ex: Extracted, ctx: Context, i: int, picture: Beat) -> list[Beat]:
    """"Update the labels on the diagram: the blue arrow label becomes "W = 49 N" and the green one "N = 49 N"",
    "Update the label on the red arrow to "f_k = 19.6 N"": each arrow named by its colour or its force gets the new
    label. An arrow named that the picture does not have is said (SB307)."""
    s = ex.sentence
    if not re.search(r"\b(?:" + physics_vector_words()["relabel"] + r")\w*\b|\bbecomes?\b|\bnow reads\b|\brelabel", s, re.I):
        return []
    shown = _on_screen(ctx, picture)
    forces = physics_forces()
    steps, labels, cut = [], [], 0
    for q in re.finditer(_Q, s):
        before = s[cut:q.start()][-70:]
        cut = q.end()
        ref = re.search(r"\b(?:the|its)\s+(?:label\s+(?:on|of)\s+the\s+)?((?:[\w-]+\s+){0,2}?)(?:arrow|vector|one)(?:['\u2019]s)?"
                        r"(?:\s+label)?\s+(?:becomes?|to|into|now reads|reads|changes?\s+to|:)?\s*[\"\u201c]?$", before, re.I)
        if ref is None:
            continue
        words = ref.group(1).strip()
        colour = COLOUR_RE.search(words)
        force = next((f for f, v in forces.items() if re.search(r"\b(?:" + v["words"] + r")\b", words, re.I)), None)
        match = [v for v in shown if colour and v.get("color") == colour_value(colour.group(0))] if colour else \
            [v for v in shown if force and _force_labelled(re.split(r"\s*=", v.get("label") or "")[0]) == force]
        if len(match) != 1:
            if colour or force:
                ctx.lost(i, f"the label {q.group(1)!r}: no single {words} arrow on the picture to put it on")
            continue
        vector = match[0]
        steps += [{"action": "remove", "labels": [vector.get("label")]}, {"action": "vector",
                                                                         "vectors": [dict(vector, label=q.group(1))]}]
        labels.append(q.group(1))
    if not steps:
        return []
    ctx.consumed.update(labels)
    if not [x for x in ex.quoted if x not in ctx.consumed]:
        ctx.stop = True
    return [_beat("physics", "physics:relabel", ex, i, labels, _kw(s), extend=True, steps=steps)]


def _free_body_labels(s: str) -> list[dict]:
    """'free body diagram with labeled values: "W = 49 N", "N = 42.4 N", "f = 8.49 N"': a force per quoted value whose
    symbol names a force (weight, normal, friction, tension…), in that force's own direction."""
    if not re.search(r"\bfree[- ]body\b|\bforce diagram\b", s, re.I):
        return []
    forces = physics_forces()
    out = []
    for q in re.findall(_Q, s):
        symbol = re.split(r"\s*=", q)[0]
        force = _force_labelled(symbol)
        if force and "=" in q:
            out.append({"type": "force", "direction": forces[force]["direction"], "label": q})
    return out


def rule_physics(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    picture = _picture(ctx)
    if picture is not None and (any(picture.params.get(k) for k in ("refraction", "spring", "lens", "pendulum", "orbit"))
                                or "gas" in picture.params):
        return []  # a ray and its normal (rules_optics), a block on a spring (rule_spring), a lens, a pendulum, a gas
    if picture is None:
        drop = _drop(ex, ctx, i, _body_shape(re.sub(r"\([^)]*\)", " ", s)))
        if drop:
            return drop
    if picture is not None and re.search(r"\b(?:formula|equation|expression)\b", ex.bare or s, re.I) and re.search(
            r"\blabel\w*\b|\barrows?\b", ex.bare or s, re.I) and any(
            b.kind in ("equation", "steps") for b in ctx.beats[ctx.beats.index(picture) + 1:]):
        return []  # "Under the formula label the parts with arrows: "m = mass (kg)", …": the formula's, not forces
    if picture is not None:
        relabelled = _relabel(ex, ctx, i, picture)
        if relabelled:
            return relabelled
        named = re.fullmatch(r"\s*(?:and\s+|then\s+)?label\s+it\s*:?\s*" + _Q + r"\s*\.?\s*", s, re.I)
        bodies = list(picture.params.get("bodies") or [])
        if named and (picture.detail_index == i - 1 or i - 1 in ctx.modified) and bodies and not bodies[-1].get("label"):
            # "Place a square block on the slope near the top." then "Label it "m = 5 kg"": the body just placed
            bodies[-1] = dict(bodies[-1], label=named.group(1))
            ctx.consumed.add(named.group(1))
            ctx.replace(picture, Beat("physics", dict(picture.params, bodies=bodies),
                                      tuple(dict.fromkeys(picture.strings + (named.group(1),))),
                                      picture.rule.split("+")[0] + "+labelled", picture.source, picture.detail_index,
                                      picture.keywords), i)
            ctx.modified.add(i)
            return []
    setting = _setting(s)
    shape = _body_shape(re.sub(r"\([^)]*\)", " ", s))
    moving = re.search(r"\b(?:" + physics_motion_words() + r")\b", s, re.I)
    if picture is None:
        # a picture starts with a cliff or an incline, or with a body that rests, moves or is pushed: "a ball on the
        # ground", "the ball thrown at 15 m/s", "a block with a force arrow "20 N"" — not a data table, a ball in a bag
        strong = setting is not None and setting[0] in ("cliff", "incline")
        rests = shape and setting is not None and re.search(r"\b(?:on|at|off|from|along|down|up)\s+(?:the\s+|a\s+)?(?:top\s+of\s+"
                                                           r"(?:the\s+|a\s+)?)?(?:" + physics_settings()[setting[0]] + r")\b",
                                                           s, re.I)
        pushed = shape and re.search(r"\b(?:force|velocity|gravity|weight|friction|normal)\b|\d\s*(?:N|m/s)\b", s)
        # "the yellow 30 N arrow to the right and the red 19.6 N arrow to the left on the dot": forces given with their
        # sizes make a free-body picture of their own (a dot-like body)
        sized = [v for v in _vectors(s)[0] if v.get("magnitude") and v["type"] == "force"]
        labelled = _free_body_labels(s)
        if len(_named_bodies(s)) >= 2:
            pushed = True  # 'two carts: cart "A" on the left, cart "B" to the right': bodies placed by name
        if not shape and len(labelled) >= 2:
            # 'a free body diagram with labeled values: "W = 49 N", "N = 42.4 N", "f = 8.49 N"': each its force
            ctx.consumed.update(v["label"] for v in labelled)
            return [_beat("physics", "physics:free-body-labels", ex, i, [v["label"] for v in labelled],
                          _kw(s) + ("physics", "force"), setting="none", bodies=[{"shape": "block"}], vectors=labelled)]
        if not shape and len(sized) >= 2 and re.search(r"\bforces?\b|\bfree[- ]body\b", s, re.I):
            shape = pushed = "ball"
        if not (strong or rests or (shape and moving) or pushed):
            return []
        if _setting(ex.bare) is None and not _body_shape(ex.bare) and not sized:
            return []  # 'Show the title "Block on an Incline"': the picture's words are only in the text it shows
        if re.search(r"\b(?:curve|graph|parabola|function|loss|surface|bowl|valley|landscape|plot|axes|axis)\b", s, re.I) and not (
                strong or _path_numbers(s)):
            return []  # "a ball rolling down the loss curve": a dot on a plot, not a physics picture
        if setting is not None and not (strong or rests):
            setting = None
    recalled = _earlier_picture(ex, ctx) if picture is None else None
    if recalled and (_setting(ex.bare) or ("ground",))[0] == "ground" and any(b.kind == "plot" for b in since_clear(ctx)):
        return []  # "Where the ball lands, draw a tick …" with axes on screen: the ball is on the axes, not a new picture
    if recalled and any(b.kind == "plot" and b.detail_index == i and b.params.get("move_dot") for b in ctx.beats):
        return []  # "Animate the ball along y = 20 - 4.9 (x / 15)^2 …": the ball is the dot moving on the axes
    if recalled and any(b.kind == "plot" and b.detail_index == i and b.rule.startswith("plot:recalled") for b in ctx.beats):
        # "Redraw the axes and cliff from scene 2": the axes come back; a picture of its own would take their place
        ctx.lost(i, f"the {(_setting(ex.bare) or (params_setting(recalled[1]),))[0]} is not drawn on the recalled axes")
        return []
    params = dict(picture.params) if picture is not None else dict(recalled[1].params) if recalled else {}
    if recalled and moving:
        params.pop("projectile", None)  # "Now the ball is thrown again at 30 degrees": a new throw, worked out again
    if recalled and not params.get("projectile") and re.search(
            r"\b(?:landing point|lands?|landed|hits?\s+the\s+ground|at impact)\b", ex.bare, re.I):
        # "the landing point of the ball on the ground": the body where it landed, not where an earlier scene held it
        params["bodies"] = [dict(b, at=[b["at"][0], 0]) if isinstance(b, dict) and isinstance(b.get("at"), list)
                            and len(b["at"]) == 2 and b["at"][1] else b for b in params.get("bodies") or []]
    changed = False
    if setting and params.get("setting") in (None, "none", "ground") and setting[0] != params.get("setting"):
        params["setting"] = setting[0]
        changed = True
    h = _height(s)
    if h and params.get("setting") in ("cliff", "table") and not params.get("height"):
        params["height"] = h
        changed = True
    named_bodies = _named_bodies(s) if picture is None and not recalled else []
    if len(named_bodies) >= 2:
        params["bodies"] = [{"shape": kind, "label": name} for _, kind, name in named_bodies][:MAX_BODIES]
        if len(named_bodies) > MAX_BODIES:
            ctx.lost(i, f"{len(named_bodies)} bodies: only the first {MAX_BODIES} are drawn")
        changed = True
    elif shape and not any(b.get("shape") == shape for b in params.get("bodies") or []):
        body = {"shape": shape}
        named = re.search(r"\b(?:" + physics_bodies().get(shape, "box") + r"|box)\b(?:[^\"\u201c.;]|\.\d){0,60}?\b(?:labell?ed|marked|"
                          r"with\s+(?:the\s+)?label)\s+" + _Q, s, re.I)
        if named and not re.search(r"\b(?:arrow|vector|force)\b", s[named.start():named.start(1)], re.I):
            body["label"] = named.group(1)  # "a square box … labelled '5 kg' in its centre"
            ctx.consumed.add(named.group(1))
        params["bodies"] = list(params.get("bodies") or []) + [body]
        changed = True
    angles = _angles(s)
    used: list[tuple] = []
    incline = _incline_angle(s, angles) if params.get("setting") == "incline" else None
    if incline is None and params.get("setting") == "incline" and "angle" not in params and len(angles) == 1 and \
            re.search(r"\bangle\b", s, re.I) and not re.search(r"\b(?:" + physics_motion_words() + r")\b", s, re.I):
        incline = angles[0]  # "Mark the angle at the bottom right corner with an arc and "30°"": the incline's
    if incline is not None:
        used.append(incline)
        value = min(max(incline[0], 5.0), 75.0)
        if value != incline[0]:
            ctx.lost(i, f"an incline of {_fmt(incline[0])}° is drawn at {_fmt(value)}° (5° to 75°)")
        params["angle"] = value
        changed = True
        # the quoted mark of that angle ("30°") is the one the incline draws at its foot
        ctx.consumed.update(q for q in ex.quoted if re.fullmatch(r"\s*" + re.escape(_fmt(value)) + r"\s*°\s*", q))
    vectors, spans = _vectors(s)
    used += [x for x in angles if any(a <= x[1] < b for a, b in spans)]
    # "a red arrow starting at P and pointing right": it acts at the point P of the picture, not on its first body
    points = {b.get("label") or b.get("name") for b in params.get("bodies") or [] if b.get("shape") == "point"} - {None}
    for p in points:
        if re.search(r"\b(?:at|from|on)\s+(?:the\s+)?(?:point\s+)?" + re.escape(p) + r"\b", s):
            vectors = [v if v.get("body") else dict(v, body=p) for v in vectors]
    # "Above cart A write … an arrow pointing right": the arrow of the body the sentence names
    shapes = physics_bodies()
    named_here = {b["label"] for b in params.get("bodies") or [] if b.get("label") and b.get("shape") in shapes and re.search(
        r"\b(?:" + shapes[b["shape"]] + r")\s+[\"\u201c]?" + re.escape(b["label"]) + r"(?![\w])", s)}
    if len(named_here) == 1:
        vectors = [v if v.get("body") else dict(v, body=next(iter(named_here))) for v in vectors]
    acting = {v.get("body") for v in params.get("vectors") or []}
    if len(acting) == 1 and acting <= points and re.search(r"\b(?:replace|them|those|these|both)\b", s, re.I):
        # "Replace them with a single yellow arrow labelled 'E_total'": where the arrows it replaces act
        vectors = [v if v.get("body") else dict(v, body=next(iter(acting))) for v in vectors]
    if len(points) == 1 and any(b.get("charge") for b in params.get("bodies") or []):
        # a field arrow ("E_total", "E1") in a picture of charges with one marked point: the field at that point
        vectors = [v if v.get("body") or not re.fullmatch(r"E(?:_?[\w{}]{1,8})?", str(v.get("label") or "")) else
                   dict(v, body=next(iter(points))) for v in vectors]
    if vectors:
        have = list(params.get("vectors") or [])
        fresh = [v for v in vectors if not any(v.get("label") == w.get("label") and v.get("label") for w in have)]
        kinds = {_force_labelled(re.split(r"\s*=", w.get("label") or "")[0]) for w in have} - {None}
        # "with the red friction arrow highlighted" on a recalled diagram: that arrow, not a second friction force
        fresh = [v for v in fresh if not (v.get("label") in {x["symbol"] for x in physics_forces().values()}
                                          and _force_labelled(v["label"]) in kinds)]
        if len(have + fresh) > 10:
            ctx.lost(i, f"{len(have + fresh)} vectors: only the first 10 are drawn")
        params["vectors"] = (have + fresh)[:10]
        # ("put a yellow arrow at the midpoint labelled '…'": the arrow of the picture, not also an annotation arrow)
        for b in [b for b in ctx.beats if b.kind == "annotation" and b.detail_index == i and b.params.get("style") == "arrow"
                  and b.params.get("label") in {v.get("label") for v in fresh if v.get("label")}]:
            ctx.beats.remove(b)
        sized = [v for v in params["vectors"] if "magnitude" in v]
        if sized and (len(sized) < max(2, len(params["vectors"])) or len({v["type"] for v in sized}) > 1):
            # lengths in proportion only when every arrow gives its size in one quantity (30 N against 19.6 N)
            params["vectors"] = [{k: x for k, x in v.items() if k != "magnitude"} for v in params["vectors"]]
        changed = changed or bool(fresh)
    if moving and not params.get("projectile"):
        numbers, launch = _about_motion(ctx, s, [x for x in angles if x not in used])
        if launch is not None:
            used.append(launch)
        if numbers.get("speed"):
            angle = numbers.get("angle") or 0
            if not -89 <= angle <= 89:
                ctx.lost(i, f"a launch angle of {_fmt(angle)}° is drawn as {_fmt(math.copysign(89, angle))}°")
                angle = math.copysign(89, angle)
            proj = {"speed": numbers["speed"], "angle": angle}
            if numbers.get("height"):
                proj["height"] = numbers["height"]
                params.setdefault("setting", "cliff")
                if params.get("setting") in ("cliff", "table"):
                    params["height"] = numbers["height"]  # one height: the cliff the body is thrown from
            elif angle <= 0:
                ctx.lost(i, "no launch angle or height is given: thrown level from the ground, the body lands at once")
            if not _ASKS_RESULT.search(s + " " + ctx.scene_plot):
                proj["marks"] = False  # the range and flight time are written only where the scene asks for them
            params["projectile"] = proj
            changed = True
        else:
            ctx.lost(i, "the motion's speed is not given: the body is drawn at rest")
    if changed:
        for x in angles:
            if x not in used and not _landing(s, x[1]) and not (
                    params.get("setting") == "incline" and abs(x[0] - params.get("angle", 30)) < 1e-6):
                # ("a block rotated by 30° to sit flat on the 30° slope": the incline's angle, drawn)
                ctx.lost(i, f"the angle {_fmt(x[0])}° is not drawn: not read as an incline's, a launch's or a vector's")
    if re.search(r"\blands?\b|\blanding\b|\bimpact\b", s, re.I) and params.get("projectile") and vectors:
        params["projectile"] = dict(params["projectile"], impact=True)
        params["vectors"] = [v for v in params["vectors"] if v not in vectors]
    elif params.get("projectile") and re.search(r"\b(?:velocity|speed)\s+(?:arrow|vector)\b[^.;]{0,30}\b(?:landing|lands?|"
                                                r"impact)\b", s, re.I):
        params["projectile"] = dict(params["projectile"], impact=True)  # "the velocity arrow at the landing point"
        changed = True
    if params.get("projectile") and params["projectile"].get("marks") is False and _ASKS_RESULT.search(s):
        params["projectile"] = {k: v for k, v in params["projectile"].items() if k != "marks"}  # asked for now
        changed = True
    if params.get("projectile"):
        # the range and flight time a throw marks ("landing point with "30.3 m" brace"): its own, not a loose text
        p = params["projectile"]
        rng, t_flight = flight(float(p["speed"]), float(p.get("angle", 0)), float(p.get("height") or 0), 9.8)
        marked = {f"{_fmt(round(rng, 1))} m", f"R = {_fmt(round(rng, 1))} m", f"{_fmt(round(t_flight, 2))} s",
                  f"t = {_fmt(round(t_flight, 2))} s"}
        ctx.consumed.update(q for q in ex.quoted if q in marked)
    if not changed and not recalled:  # (a picture recalled is drawn again: "Keep the incline on the left")
        if vectors and picture is not None:
            # "Applied force: yellow arrow to the right, label "F = 30 N"" with that arrow drawn: it, not a caption
            ctx.consumed.update(v["label"] for v in vectors if v.get("label"))
            ctx.modified.add(i)
        return []
    labels = [v["label"] for v in params.get("vectors") or [] if v.get("label")]
    labels += [b["label"] for b in params.get("bodies") or [] if b.get("label") and b["label"] not in labels]
    ctx.consumed.update(labels + ([f"{_fmt(h)} m"] if h else []))
    if vectors and not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed]):
        ctx.stop = True  # "Show the forces on it: gravity, the normal force and friction": the arrows, not a caption
    if picture is not None:
        ctx.replace(picture, Beat("physics", params, tuple(dict.fromkeys(picture.strings + tuple(labels))),
                                  picture.rule.split("+")[0] + "+completed", picture.source, picture.detail_index,
                                  picture.keywords), i)
        return []
    if recalled:
        number, earlier = recalled
        return [_beat("physics", f"physics:recalled-from-scene-{number}", ex, i,
                      tuple(dict.fromkeys(earlier.strings + tuple(labels))), _kw(s) + ("physics",), **params)]
    return [_beat("physics", "physics:picture", ex, i, labels, _kw(s) + ("physics",), **params)]


_HEADING = {"right": 0.0, "up": 90.0, "left": 180.0, "down": -90.0}
_ARROW_NOUN = re.compile(r"\b(?:resultant\s+)?(?:arrow|vector)\b|\bresultant\b(?!\s+(?:arrow|vector)s?\b)", re.I)


def _greek(word: str) -> str:
    """"theta" -> θ; a symbol or a letter as it is."""
    try:
        return unicodedata.lookup("GREEK SMALL LETTER " + word.upper()) if len(word) > 2 else word
    except KeyError:
        return word


def _heading(seg: str) -> float | None:
    """The direction an arrow points as its words say: an angle ("at 30° above the horizontal") or a word
    (right, down, "vertical" is up unless down is said); degrees from the positive x axis."""
    degrees = next((x for x in _angles(seg)), None)
    if degrees is not None:
        return _above_horizontal(degrees)
    word = _direction(seg)
    if word in _HEADING:
        return _HEADING[word]
    if re.search(r"\bvertical(?:ly)?\b", seg, re.I):
        return 90.0
    return None


_EQUAL_LENGTHS = "the arrows' lengths are not given: drawn equally long"


def _split_vector(ctx: Context, i: int, arrows: list[dict]) -> tuple[float, float, str | None, Beat | None] | None:
    """The arrow two perpendicular components (one horizontal, one vertical) split, drawn by an earlier sentence of
    the scene at an angle with its length ("the velocity arrow of length 4 units at 30°, labeled "20 m/s""): its size,
    heading, label and the text beat that sentence drew for the label alone; None when there is none."""
    if len(arrows) != 2 or sorted((a["dx"] == 0, a["dy"] == 0) for a in arrows) != [(False, True), (True, False)]:
        return None
    for b in reversed(since_clear(ctx)):
        if b.detail_index is None or b.detail_index >= i or not _ARROW_NOUN.search(b.source) or b.kind not in ("text",):
            continue
        angles = _angles(b.source)
        length = re.search(r"\blength\s+(?:of\s+)?(" + NUM + r")|(" + NUM + r")\s*(?:units?\s+)?long\b", b.source, re.I)
        if len(angles) != 1 or length is None:
            return None
        size = quantity(length.group(1) or length.group(2))
        heading = _above_horizontal(angles[0])
        if not (0 < size <= 1e5) or heading % 90 == 0:
            return None
        return size, heading, str(b.params.get("text") or "") or None, b
    return None


_NOT_A_WAY = re.compile(r"\bright\s+(?:triangle|angle)s?\b", re.I)


def _sum_arrows(s: str) -> tuple[dict, list[str], list[str]] | None:
    """"a right triangle of vectors: a blue horizontal arrow of length 2 labeled "15 m/s", then from its tip a green
    downward arrow of length 2.64 labeled "19.8 m/s", and a yellow arrow from the start of the blue arrow to the
    tip of the green arrow labeled "v"": arrows head to tail (each its direction, length — else the number of its
    label — colour and label) and the resultant. Returns (the `sum`, its strings, what is not drawn as written)."""
    words = physics_sum_words()
    if not re.search(r"\b(?:" + words["cues"] + r")", s, re.I):
        return None
    nouns = [m for m in _ARROW_NOUN.finditer(s)
             if not re.search(r"\b(?:" + words["reference"] + r")", s[max(0, m.start() - 60):m.start()], re.I)]
    starts = []
    for m in nouns:  # an arrow's words begin at most three words before its noun, within its clause
        lead = re.search(r"(?:[\w#()-]+[ \t]+){0,3}$", re.split(r"[,;:]|\bthen\b|\band\b", s[:m.start()])[-1])
        starts.append(m.start() - (len(lead.group(0)) if lead else 0))
    parts, result, lost = [], None, []
    for k, m in enumerate(nouns):
        seg = s[starts[k]:starts[k + 1] if k + 1 < len(nouns) else len(s)]
        quoted = re.search(r"\b(?:labell?ed|marked|named|called|with(?:\s+the)?\s+label)\s+" + _Q, seg, re.I) or re.search(_Q, seg)
        label = quoted.group(1).strip() if quoted else None
        if label is None:
            bare = re.search(r"\b(?:labell?ed|named|called)\s+([A-Za-z](?:_?\w{0,3})?)\b", seg)
            label = bare.group(1) if bare else None
        plain = re.sub(_Q, " ", seg)
        colour = COLOUR_RE.search(plain)
        colour = colour_value(colour.group(0)) if colour else None
        if re.search(r"\b(?:" + words["resultant"] + r")", plain, re.I):
            if result is None:
                result = {"label": label, "color": colour}
            continue
        # (its clause's words before the noun say its direction first: "its horizontal component as a blue arrow
        # along the ground"; "a right triangle" is no direction)
        clause = re.split(r"[,;:]|\bthen\b|\band\b", s[:m.start()])[-1]
        heading = _heading(_NOT_A_WAY.sub(" ", clause))
        heading = _heading(_NOT_A_WAY.sub(" ", plain)) if heading is None else heading
        length = re.search(r"\blength\s+(?:of\s+)?(" + NUM + r")|(" + NUM + r")\s*(?:units?\s+)?long\b", plain, re.I)
        from_label = re.search(r"(?<![\w.^_])(" + NUM + r")", label or "")
        if heading is None:
            if len(parts) == 1 and re.search(r"\bperpendicular\b", plain, re.I):
                heading = parts[0][0] - 90
            else:
                continue  # an arrow with no direction: not part of the chain
        parts.append((heading, length.group(1) or length.group(2) if length else None,
                      from_label.group(1) if from_label else None, label, colour))
    if len(parts) < 2 or len(parts) > 5:
        return None
    if all(p[1] for p in parts):
        sizes = [quantity(p[1]) for p in parts]
    elif all(p[2] for p in parts):
        sizes = [abs(quantity(p[2])) for p in parts]  # "15 m/s", "19.8 m/s": drawn to the scale of their values
    else:
        sizes = [1.0] * len(parts)
        lost.append(_EQUAL_LENGTHS)
    if not all(0 < x <= 1e5 for x in sizes):
        return None
    arrows = []
    for (heading, _, _, label, colour), size in zip(parts, sizes):
        a = {"dx": round(size * math.cos(math.radians(heading)), 4), "dy": round(size * math.sin(math.radians(heading)), 4)}
        arrows.append({**a, **({"label": label} if label else {}), **({"color": colour} if colour else {})})
    if abs(sum(a["dx"] for a in arrows)) + abs(sum(a["dy"] for a in arrows)) < 1e-9:
        return None
    out: dict = {"arrows": arrows}
    if result and result.get("label"):
        out["label"] = result["label"]
    if result and result.get("color"):
        out["color"] = result["color"]
    angle = _angle_asked(s)
    if angle is not None:
        out["angle"] = angle
    strings = [a["label"] for a in arrows if a.get("label")] + [out[k] for k in ("label", "angle") if out.get(k)]
    return out, strings, lost


def _angle_asked(s: str) -> str | None:
    """"Mark the angle theta between …", "label the angle θ": the angle's label ("" when unnamed); None when the
    sentence marks no angle."""
    # ("Mark the right angle with a small square and the angle θ = 30° at the origin": the square is no angle's mark,
    # and the angle's label is "θ = 30°")
    m = next((m for m in re.finditer(
        r"\b(?:" + physics_sum_words()["angle"] + r")\s+(?:[^.;]{0,60}?\b(?:and|with)\s+)?(?:the\s+|an\s+|its\s+)?"
        r"(?:[\w-]+\s+)?angle\b(?:\s+(?:called\s+|named\s+|labell?ed\s+)?[\"\u201c]?([A-Za-z]{1,7}|[\u0370-\u03ff])\b"
        r"(?:\s*=\s*(" + NUM + r")\s*°)?[\"\u201d]?)?", s, re.I)
        if not re.search(r"\bright\s+angle\b(?!.*\bangle\b)", m.group(0), re.I | re.S)), None)
    if m is None:
        return None
    name = m.group(1) or ""
    if m.group(2) and (len(name) <= 2 or _greek(name.lower()) != name.lower()):  # a letter or a Greek name, its value
        return f"{_greek(name.lower()) if len(name) > 2 else name} = {m.group(2)}°"
    if name.lower() in ("between", "at", "of", "from", "that", "it", "with", "and", "in", "to", "the", "a", "made", "formed"):
        return ""
    return _greek(name.lower()) if len(name) > 2 else name


def rule_vector_sum(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Vectors added head to tail — a vector triangle or polygon with its resultant — and, in a later sentence,
    the angle between the first arrow and the resultant marked on it."""
    s = ex.sentence
    on_screen = next((b for b in since_clear(ctx) if b.kind == "physics" and b.params.get("sum")), None)
    if on_screen is not None and on_screen.params["sum"].get("angle") is None:
        angle = _angle_asked(s)
        if angle is not None:
            ctx.consumed.add(angle)
            ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
            return [_beat("physics", "physics:sum-angle", ex, i, [angle] if angle else [], _kw(s),
                          extend=True, steps=[{"action": "angle", "text": angle}])]
    found = _sum_arrows(s)
    if found is None:
        return []
    vsum, strings, lost = found
    whole = _split_vector(ctx, i, vsum["arrows"])
    if whole is not None and _EQUAL_LENGTHS in lost:
        # "Draw the velocity arrow of length 4 at 30°, labeled "20 m/s"." then "its horizontal component as a blue
        # arrow …, and its vertical component as a red arrow …": the components of that arrow, to its scale
        size, heading, label, text_beat = whole
        for a in vsum["arrows"]:
            a["dx"] = math.copysign(round(abs(size * math.cos(math.radians(heading))), 4), a["dx"]) if a["dx"] else 0.0
            a["dy"] = math.copysign(round(abs(size * math.sin(math.radians(heading))), 4), a["dy"]) if a["dy"] else 0.0
        lost = [w for w in lost if w != _EQUAL_LENGTHS]
        if label and not vsum.get("label"):
            vsum["label"] = label
            strings.append(label)
        if text_beat is not None:
            ctx.beats.remove(text_beat)
    for what in lost:
        ctx.lost(i, what)
    ctx.consumed.update(strings)
    if not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed]):
        ctx.stop = True  # the arrows and their labels are the sentence
    picture = _picture(ctx)
    if picture is not None and not picture.params.get("sum"):
        ctx.replace(picture, Beat("physics", {**picture.params, "sum": vsum},
                                  tuple(dict.fromkeys(picture.strings + tuple(strings))),
                                  picture.rule.split("+")[0] + "+sum", picture.source, picture.detail_index,
                                  picture.keywords), i)
        return []
    return [_beat("physics", "physics:vector-sum", ex, i, strings, _kw(s) + ("physics", "vectors"), sum=vsum)]


def _spring_values(text: str) -> dict:
    """k, m and the amplitude a text gives a spring ("k = 50 N/m", "m = 0.5 kg", "A = 0.1 m", "between -0.1 m and
    +0.1 m", "pulled to x = +0.1 m") and its number of cycles ("three full cycles")."""
    out: dict = {}
    k = re.search(r"\bk\s*=\s*(" + NUM + r")\s*N\s*/\s*m\b", text)
    if k:
        out["k"] = quantity(k.group(1))
    m = re.search(r"\bm\s*=\s*(" + NUM + r")\s*kg\b", text)
    if m:
        out["mass"] = quantity(m.group(1))
    a = re.search(r"\bA\s*=\s*(" + NUM + r")\s*(?:m|cm)\b", text) or re.search(
        r"\bbetween\s+-\s?(" + NUM + r")\s*m\s+and\s+\+?\s?\1\s*m\b", text) or re.search(
        r"\b(?i:pull\w*|stretch\w*|displac\w*|moves?)\b[^.;]{0,30}?\bto\s+(?:x\s*=\s*)?\+?(" + NUM + r")\s*m\b", text)
    if a:
        v = quantity(a.group(1))
        out["amplitude"] = v / 100 if re.search(r"\d\s*cm\b", a.group(0)) else v
    c = re.search(r"\b(\d{1,2}|one|two|three|four|five|six)\s+(?:full\s+|complete\s+)?(?:cycles|oscillations|periods)\b", text, re.I)
    if c:
        w = c.group(1).lower()
        out["cycles"] = float(w) if w.isdigit() else float(["one", "two", "three", "four", "five", "six"].index(w) + 1)
    return {k_: v for k_, v in out.items() if v and 0 < v <= 1e6}


def rule_spring(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"a zigzag spring from the wall to a square block", "a 0.5 kg mass on a spring (k = 50 N/m)": a block on a
    spring, pulled out and released — its period computed; later sentences about its motion are that motion."""
    s = ex.bare or ex.sentence
    on_screen = next((b for b in since_clear(ctx) if b.kind == "physics" and b.params.get("spring")), None)
    if on_screen is not None:
        if ex.quoted and all(q in on_screen.strings for q in ex.quoted) and not (ex.formulas or ex.backticked):
            ctx.modified.add(i)  # 'mark it with a dashed line labeled "x = 0 (equilibrium)"': drawn with the spring
            ctx.stop = True
            return []
        if re.search(r"\b(?:oscillat\w*|releas\w*|let go|pull\w*|bounc\w*|swing\w*|stretch\w*|compress\w*)\b", s, re.I) \
                and not (ex.quoted or ex.formulas or ex.backticked):
            ctx.modified.add(i)  # "The block oscillates between -0.1 m and +0.1 m": the motion drawn
            ctx.stop = True
        return []
    if not re.search(r"\bsprings?\b", s, re.I) or not re.search(
            r"\b(?:block|mass|box|cart|weight|bob|object|body)\b", s, re.I):
        return []
    if re.search(r"\bsprings?\s+(?:constant|force|scale)\b", s, re.I) and not re.search(r"\b(?:draw|attach\w*|zigzag)", s, re.I):
        return []  # "the spring constant k = 50 N/m": a value, not the picture
    sp = _spring_values(ex.sentence)
    for key, v in _spring_values(ctx.about).items():
        sp.setdefault(key, v)
    for earlier in ctx.earlier("physics"):  # "Keep the wall, spring and block": the spring an earlier scene drew
        b = scene_state(earlier, "physics")
        if b is not None and b.params.get("spring"):
            for key, v in b.params["spring"].items():
                sp.setdefault(key, v)
            break
    eq = re.search(r"\bequilibrium\b[^.;]{0,60}?\b(?:labell?ed|label)\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]|"
                   r"\b(?:labell?ed|label)\s+[\"\u201c]([^\"\u201d]{0,30}equilibrium[^\"\u201d]{0,10})[\"\u201d]", ex.sentence + " "
                   + ctx.about, re.I)
    if eq:
        sp["equilibrium"] = eq.group(1) or eq.group(2)
    label = re.search(r"\bblock\b[^.;\"\u201c]{0,30}?(?:labell?ed|marked)\s+[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]", ex.sentence, re.I)
    if label:
        sp["label"] = label.group(1)
    strings = [x for x in (sp.get("equilibrium"), sp.get("label")) if x]
    ctx.consumed.update(strings)
    ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    traced = re.search(r"\b(?:(?:cosine|sine|position|displacement|x-t|energy)\s+)?(?:curve|graph|plot|trace)\b[^.;]{0,40}?"
                       r"\b(?:traced|being\s+traced|drawn\s+as\s+it\s+moves|tracing)\b|\btrac(?:es|ing)\s+(?:out\s+)?(?:a\s+)?"
                       r"(?:\w+\s+)?(?:curve|graph|wave)\b", ex.bare or ex.sentence, re.I)
    if traced:
        # "… oscillating above a small cosine curve being traced": the spring moves; the curve it traces is not drawn
        ctx.lost(i, "the curve the motion traces is not drawn beside the spring")
    return [_beat("physics", "physics:spring", ex, i, strings, _kw(ex.sentence) + ("physics", "spring"), spring=sp)]


def params_setting(b: Beat) -> str:
    """What an earlier physics picture shows, in a word: its setting, else its first body."""
    setting = b.params.get("setting")
    if setting and setting not in ("none", "ground"):
        return str(setting)
    bodies = b.params.get("bodies") or []
    return str(bodies[0].get("shape", "picture")) if bodies and isinstance(bodies[0], dict) else "picture"


# words that ask for a throw's results: where it lands, how far, how long (else they are not given away on screen)
_ASKS_RESULT = re.compile(r"\b(?:range|lands?|landing|land(?:s|ed)?\s+at|how\s+far|distance|flight\s+time|time\s+of\s+"
                          r"flight|time\s+in\s+the\s+air|hits?\s+the\s+ground|how\s+long|brace)\b", re.I)


def _earlier_picture(ex: Extracted, ctx: Context) -> tuple[int, Beat] | None:
    """"Keep the incline on the left", "Draw the weight arrow from the block": the setting or body an earlier
    scene drew (named with "the"), as that scene left it — without its animations — to draw on again."""
    nouns = "|".join(list(physics_settings().values()) + list(physics_bodies().values()))
    if not re.search(r"\b(?:the|same|this|that|our)\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")\b", ex.bare, re.I):
        return None
    for sp in ctx.earlier("physics"):
        b = scene_state(sp, "physics")
        if b is not None:
            return sp.number, Beat("physics", {k: v for k, v in b.params.items() if k != "steps"}, b.strings, b.rule,
                                   b.source, b.detail_index, b.keywords)
    return None


def _fmt(v: float) -> str:
    return f"{v:g}"
