"""Planner rules for geometric figures and for annotations on what is on screen.

    Draw a right triangle with vertices at (-2, -1.5), (2, -1.5) and (-2, 1.5).
    Draw a right triangle with legs a = 3 and b = 4 units and hypotenuse c = 5.
    Label the vertical leg 'a', the horizontal leg 'b', and the hypotenuse 'c'.
    Build a square outward on each side … Write the areas inside the squares: '9', '16', '25'.
    Show the unit circle with a point at angle 30 degrees and its sine and cosine.
    Write the text 'legs' with two arrows pointing to a and b.     Put a brace under the first row labelled 'pivot'.

Typed pieces (a triangle by its vertices, legs or sides; labels of its sides by their direction or name;
squares on the sides; a unit circle; an annotation's text, style and targets) combined by small rules. A
figure declared by one sentence is completed by the next ones (labels, squares, colours from the style).
"""

from __future__ import annotations

import math
import re
from ..components.geometry import number
from ..mathtext import looks_like_math

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .quantity import NUM, quantity
from .knowledge import physics_settings
from .theme import COLOUR_RE, colour_just_before, colour_value

_COORD = r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)"
_TRIANGLE = re.compile(r"\b(?:right[- ]angled?\s+|right\s+|isosceles\s+|equilateral\s+)?triangle\b", re.I)
_VERTICES = re.compile(r"\bvertices\s+(?:at\s+)?" + _COORD + r"\s*,\s*" + _COORD + r"\s*,?\s*(?:and\s+)?" + _COORD, re.I)
_LEGS = re.compile(r"\blegs?\s+(?:of\s+(?:lengths?\s+)?)?(?:[a-z]\s*=\s*)?(" + NUM + r")\s*(?:units?\s+)?(?:and|,)\s*"
                   r"(?:[a-z]\s*=\s*)?(" + NUM + r")", re.I)
_SIDES = re.compile(r"\bsides?\s+(?:of\s+(?:lengths?\s+)?)?(" + NUM + r")\s*,\s*(" + NUM + r")\s*,?\s*(?:and\s+)?(" + NUM + r")",
                    re.I)
_Q = r"[\"\u201c]([^\"\u201d]{1,80})[\"\u201d]"
_ROLE = {"vertical": 0, "upright": 0, "short": 0, "horizontal": 1, "bottom": 1, "base": 1, "hypotenuse": 2,
         "longest": 2, "slanted": 2, "a": 0, "b": 1, "c": 2, "bc": 0, "ca": 1, "ac": 1, "ab": 2, "ba": 2, "cb": 0}


_ANGLE_CHANGE = re.compile(r"\b(?:animate|rotate|open|close|widen|narrow|change|swing|return)\w*\s+(?:the\s+)?(?:angle\s+)?"
                           r"(?:\w+\s+){0,2}?(?:to|back\s+to)\s+(" + NUM + r")\s*(?:degrees|°)", re.I)


def _figure_on_screen(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "geometry" and not b.params.get("extend")), None)


def _only_in_title(target: str, ctx: Context) -> bool:
    """Whether the words of `target` are on screen only in the title ("the string" and "Standing Waves on a String")."""
    t = re.sub(r"\s+", "", re.sub(r"^(?:the|a|an)\s+", "", target.strip(), flags=re.I)).lower()
    shown = [(b.kind, re.sub(r"\s+", "", str(x)).lower()) for b in since_clear(ctx) for x in b.strings]
    return bool(t) and any(k == "title" and t in x for k, x in shown) and not any(k != "title" and t in x for k, x in shown)


def _part_known(target: str, ex: Extracted, ctx: Context) -> bool:
    """A part a brace or label can go to: written on screen already, in the sentence's own formulas or quotes, or a
    formula itself ("P(D | +)")."""
    def flat(x) -> str:
        return re.sub(r"\s+", "", str(x)).lower()

    t = flat(target)
    if any(t and t in flat(x) for b in since_clear(ctx) if b.kind != "title" for x in b.strings):
        return True
    if any(t and t in flat(x) for b in since_clear(ctx) if b.kind == "title" for x in b.strings):
        return False  # "a brace under the string" with "… on a String" only in the title: no part of the title
    if any(t and t in flat(x) for x in list(ex.quoted) + list(ex.formulas) + [f for f, *_ in ex.prose]):
        return True
    if re.search(r"\b(?:index|indices|cells?|box(?:es)?|items?|elements?|positions?|slots?|rows?|columns?|bars?|cards?|"
                 r"halves|half|sides?|ends?|parts?|terms?|numerator|denominator|exponent|digits?|bits?)\b(?:\s*\d+)?\s*$",
                 target, re.I) or re.match(r"(?:index|cell|box|item|element|position|slot|bit|digit)\s*\d+", target, re.I):
        return True  # "under index 0", "above the red half": a part of what is on screen, by its place
    return looks_like_math(target) or bool(re.fullmatch(r"[^\W\d_]{1,2}[\d²³]?|\\?[a-z]{2,8}", target.strip()))


def rule_geometry(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if _stands_for_a_setting(ex.bare):
        return []  # "a right triangle representing the incline": the physics picture draws it, with its body
    if _shape_of_a_shaded_area(ex.sentence):
        return []  # "Shade the area under y = x from 0 to 1 (triangle with vertices …)": the area's shape, not a figure
    on_screen = _figure_on_screen(ctx)
    hinge = _ANGLE_CHANGE.search(ex.bare or "")
    if on_screen is not None and on_screen.params.get("triangle") and hinge:
        # "Animate the angle increasing to 120 degrees: the third side grows to about 6.08": a triangle whose angle
        # moves is not drawn — said, never a right triangle left beside "c^2 = 37 > 25" without a word
        ctx.lost(i, f"the angle is not animated to {hinge.group(1)}°: the triangle stays as drawn")
    declared = _triangle(ex, ctx, i) if on_screen is None or _TRIANGLE.search(ex.bare) else None
    if declared and "triangle" not in declared[0].params:
        return declared  # (a triangle of named sides: points and segments)
    if declared:
        tri = declared[0].params["triangle"].get("vertices")
        more = [p for p in _parse_polygons(ex, ctx, i) if p["vertices"] != tri][:6]
        if more:  # "a rectangle with corners … and a triangle with vertices …": one figure
            b = declared[0]
            declared[0] = Beat(b.kind, dict(b.params, polygons=more), b.strings, b.rule + "+polygons", b.source,
                               b.detail_index, b.keywords)
        return declared
    shapes = _polygons(ex, ctx, i, on_screen)
    if shapes is not None:
        return shapes
    out = []
    if on_screen is not None:
        relabel = _relabelled(ex, ctx, i, on_screen)
        if relabel:
            return relabel
        _complete(ex, ctx, i, on_screen)
    unit = _unit_circle(ex, ctx, i)
    if unit:
        out += unit
    out += _annotation(ex, ctx, i)
    return out


def _relabelled(ex: Extracted, ctx: Context, i: int, figure: Beat) -> list[Beat] | None:
    """"Replace the "c = ?" label on the triangle with "c = 7" in yellow": a label of the figure on screen changes
    there (a `label` step), never a loose second formula beside it."""
    m = re.search(r"\b(?:replace|change|swap|update|turn)\s+(?:the\s+)?(?:label\s+)?" + _Q + r"[^\"\u201c.;]{0,40}?\b(?:with|to|into|by)"
                  r"\s+" + _Q, ex.sentence, re.I)
    if not m or m.group(1) not in figure.strings:
        return None
    step = {"action": "label", "targets": [m.group(1)], "text": m.group(2)}
    after = re.match(r"\s*(?:in\s+)?(" + COLOUR_RE.pattern + r")", ex.sentence[m.end():], re.I)
    if after and colour_value(after.group(1)):
        step["color"] = colour_value(after.group(1))
    ctx.consumed.update(m.groups())
    ctx.stop = True
    return [_beat("geometry", "geometry:relabel", ex, i, [m.group(2)], _kw(ex.sentence), extend=True, steps=[step])]


def _shape_of_a_shaded_area(sentence: str) -> bool:
    """The figure is named in brackets after a shaded area or region, as the shape that area has ("Shade the area
    under y = x from 0 to 1 (triangle with vertices (0,0), (1,0), (1,1))"): the plot shades it; no second figure."""
    m = re.search(r"\b(?:shad\w*|fill\w*)\b[^.()]*\b(?:area|region)\b[^()]*\(\s*(?:a\s+|the\s+|it\s+is\s+a\s+|which\s+is\s+a\s+)?"
                  r"(?:right\s+)?(?:triangle|rectangle|square|trapezoid|trapezium|semicircle|quarter\s+circle)\b", sentence, re.I)
    return m is not None


def _stands_for_a_setting(bare: str) -> bool:
    """A shape the sentence says stands for a physics setting ("a right triangle representing the incline",
    "a rectangle as the table"): the physics picture is the one to draw."""
    settings = "|".join(v for k, v in physics_settings().items() if k in ("cliff", "incline"))
    return re.search(r"\b(?:representing|represents|as|depicting|modell?ing|for|to be|standing for)\s+(?:the\s+|an?\s+)?"
                     r"(?:\w+\s+)?(?:" + settings + r")\b", bare, re.I) is not None


# ----------------------------------------------------------------------------- triangles
def _triangle(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    s = ex.sentence
    bare = ex.bare or s  # (the sentence's own words: a title "A Right Triangle with Legs 3 and 4" draws no triangle)
    if not _TRIANGLE.search(bare) and re.match(r"^\s*(?:then\s+)?(?:draw|show)\s+(?:the\s+)?two\s+legs\b", s, re.I) and _LEGS.search(s):
        s, bare = s + " (a right triangle)", bare + " (a right triangle)"  # "Draw two legs of lengths 3 and 4 meeting at a vertex"
    if not _TRIANGLE.search(bare) or re.search(r"\btriangles\b", bare, re.I) and not re.search(r"\ba\s+(?:right\s+)?triangle\b",
                                                                                             bare, re.I):
        return None
    by_sides = _triangle_of_segments(ex, ctx, i)
    if by_sides is not None:
        return by_sides
    tri: dict = {}
    v = _VERTICES.search(s)
    legs = _LEGS.search(s)
    sides = _SIDES.search(s)
    named = _named_vertices(s)
    sas = _two_sides_and_angle(s)
    extra: dict = {}
    if named:
        # "triangle ABC with C = (-2, -1.5), A = (2.5, -1.5), B = (-0.5, 1.5)": the corners by their names
        tri["names"], tri["vertices"] = named
    elif sas:
        # "a triangle with a = 5, b = 8 and included angle γ = 60° at C": C at the origin, CA flat, CB at the angle
        (la, a), (lb, b), (angle, deg) = sas
        rad = math.radians(deg)
        tri["vertices"] = [[b, 0.0], [round(a * math.cos(rad), 4), round(a * math.sin(rad), 4)], [0.0, 0.0]]
        third = re.search(r"\b(?:third|other|remaining|missing|unknown)\s+side\s+(?:is\s+)?(?:labell?ed|marked|named)?\s*"
                          + _Q, s, re.I)
        tri["side_labels"] = [f"{la} = {number(a)}", f"{lb} = {number(b)}", third.group(1) if third else "c"]
        extra["angles"] = [{"at": "C", "from": "A", "to": "B", "label": f"{angle} = {number(deg)}°" if angle else f"{number(deg)}°",
                            **_arc_colour(ctx)}]
    elif v:
        pts = [[quantity(v.group(k)), quantity(v.group(k + 1))] for k in (1, 3, 5)]
        tri["vertices"] = pts
    elif legs and re.search(r"\bright\b|\blegs\b", s, re.I):
        tri["legs"] = [quantity(legs.group(1)), quantity(legs.group(2))]
    elif sides:
        tri["sides"] = [quantity(sides.group(k)) for k in (1, 2, 3)]
    elif re.search(r"\blegs\b", s, re.I) and len(re.findall(r"[\"\u201c]\s*[a-z]\s*=\s*" + NUM + r"\s*[\"\u201d]", s)) >= 2:
        # "legs labeled "a = 3" and "b = 4"": the lengths are in the labels
        values = [quantity(v) for v in re.findall(r"[\"\u201c]\s*[a-z]\s*=\s*(" + NUM + r")\s*[\"\u201d]", s)]
        tri["legs"] = values[:2]
    elif re.search(r"^\s*(?:then\s+)?(?:draw|show|display|sketch|construct)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?right\s+"
                   r"triangle\b", s, re.I):
        tri["legs"] = [3, 4]  # a right triangle with no sizes: the classic 3-4-5, drawn as one
        ctx.lost(i, "the triangle's sides are not given: drawn as a 3-4-5 right triangle")
    else:
        return None
    labels = _side_labels(s, tri) or tri.get("side_labels")
    if labels:
        tri["side_labels"] = labels
    colours = _side_colours(ctx, tri, labels)
    if colours:
        tri["side_colors"] = colours
    squares = _squares(s)
    if squares:
        tri["squares"] = squares
    strings = [x for x in labels or [] if x] + [a["label"] for a in extra.get("angles", [])]
    ctx.consumed.update(strings)
    return [_beat("geometry", "geometry:triangle", ex, i, strings, _kw(s) + ("triangle",), triangle=tri, **extra)]


def _arc_colour(ctx: Context) -> dict:
    """The colour the style gives angle arcs ("Angle arc orange (#F4A261)"), as a parameter."""
    col = ctx.theme.for_label("angle arc | angle arcs | angle | arc", "")
    return {"color": col} if col else {}


_NAMED_POINT = re.compile(r"(?<![\w(])([A-Z])\s*=?\s*" + _COORD)


def _named_vertices(s: str) -> tuple[list[str], list[list[float]]] | None:
    """"triangle ABC with C = (-2, -1.5), A = (2.5, -1.5), B = (-0.5, 1.5)", "A(0, 0), B(4, 0) and C(1, 3)": three
    corners by their one-letter names -> (names, vertices), in the order the triangle's name gives (else A, B, C)."""
    found = {m.group(1): [quantity(m.group(2)), quantity(m.group(3))] for m in _NAMED_POINT.finditer(s)}
    if len(found) != 3 or any(None in p for p in found.values()):
        return None
    name = re.search(r"\btriangle\s+([A-Z]{3})\b", s)
    order = list(name.group(1)) if name and set(name.group(1)) == set(found) else sorted(found)
    return order, [found[n] for n in order]


def _two_sides_and_angle(s: str):
    """"with a = 5, b = 8 and included angle γ = 60° at C": two sides by their letters and the angle between them
    (at C, opposite the third side) -> ((name, length), (name, length), (angle name, degrees)); None otherwise."""
    m = re.search(r"\b([a-z])\s*=\s*(" + NUM + r")\s*(?:,\s*|\s+and\s+)([a-z])\s*=\s*(" + NUM + r")\s*,?\s*(?:and\s+)?"
                  r"(?:(?:an?|the)\s+)?(?:included\s+)?angle\s+(?:([^\W\d_])\s*=\s*)?(" + NUM + r")\s*(?:°|degrees?)"
                  r"(?:\s+at\s+([A-Z])\b)?", s)
    if not m or {m.group(1), m.group(3)} != {"a", "b"} or m.group(7) not in (None, "C"):
        return None  # (the letters name the sides round C: a = BC, b = CA; an angle said to be elsewhere is not this)
    a, b, deg = quantity(m.group(2)), quantity(m.group(4)), quantity(m.group(6))
    if None in (a, b, deg) or not (a > 0 and b > 0 and 0 < deg < 180):
        return None
    if m.group(1) == "b":
        a, b = b, a
    return ("a", a), ("b", b), (m.group(5) or "", deg)


_END = r"(?:the\s+)?(origin|tip\s+of\s+[^\s(),]{1,6}|" + _COORD.replace("(" + NUM + ")", "(?:" + NUM + ")") + ")"
_SIDE_FROM_TO = re.compile(r"([^\s(),:]{1,6}(?:\s*[−-]\s*[^\s(),]{1,6})?)\s*\(\s*from\s+" + _END + r"\s+to\s+" + _END
                           + r"\s*\)", re.I)


def _triangle_of_segments(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"a triangle with sides a (from origin to (3, 1)), b (from origin to (1, 2)), and a − b (from the tip of b to the
    tip of a), with the angle θ marked at the origin": three named sides, each from one corner to another — the corners,
    the sides with their names (and colours from the style), the angle named at a corner."""
    found = list(_SIDE_FROM_TO.finditer(ex.sentence))
    if len(found) != 3:
        return None
    ends: dict[str, list[float]] = {}
    corners: list[list[float]] = []
    sides = []

    def where(text: str) -> list[float] | None:
        text = text.strip()
        if text.lower() == "origin":
            return [0.0, 0.0]
        tip = re.match(r"tip\s+of\s+(\S+)", text, re.I)
        if tip:
            return ends.get(tip.group(1))
        m = re.fullmatch(_COORD, text)
        return [quantity(m.group(1)), quantity(m.group(2))] if m else None

    for m in found:
        a, b = where(m.group(2)), where(m.group(3))
        if a is None or b is None:
            return None
        ends[m.group(1)] = b
        for p in (a, b):
            if p not in corners:
                corners.append(p)
        sides.append((m.group(1), a, b))
    if len(corners) != 3:
        return None
    names = ["O" if c == [0.0, 0.0] else f"P{k}" for k, c in enumerate(corners)]
    points = [{"name": n, "at": c, **({} if n == "O" else {"label": ""})} for n, c in zip(names, corners)]
    segments = []
    for label, a, b in sides:
        seg = {"from": names[corners.index(a)], "to": names[corners.index(b)], "label": label}
        col = ctx.theme.for_label(label, "")
        if col:
            seg["color"] = col
        segments.append(seg)
    params: dict = {"points": points, "segments": segments}
    angle = re.search(r"\bangle\s+(\S{1,3})\s+(?:is\s+)?(?:marked\s+|shown\s+|drawn\s+)?at\s+(?:the\s+)?origin\b", ex.sentence, re.I)
    if angle and "O" in names:
        others = [n for n in names if n != "O"]
        params["angles"] = [{"at": "O", "from": others[0], "to": others[1], "label": angle.group(1)}]
    strings = [lab for lab, _, _ in sides] + ([angle.group(1)] if angle else [])
    ctx.consumed.update(strings)
    return [_beat("geometry", "geometry:sides-from-to", ex, i, strings, _kw(ex.sentence) + ("triangle",), **params)]


def _slots(tri: dict) -> dict[str, int]:
    """Which side slot (BC, CA, AB) is the vertical leg, the horizontal leg and the longest side."""
    if "vertices" not in tri:
        return {"vertical": 0, "horizontal": 1, "hypotenuse": 2}
    a, b, c = tri["vertices"]
    sides = {0: (b, c), 1: (c, a), 2: (a, b)}  # BC, CA, AB
    length = {k: ((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) ** 0.5 for k, (p, q) in sides.items()}
    out = {"hypotenuse": max(length, key=length.get)}
    for k, (p, q) in sides.items():
        if abs(p[0] - q[0]) < 1e-9:
            out.setdefault("vertical", k)
        elif abs(p[1] - q[1]) < 1e-9:
            out.setdefault("horizontal", k)
    return out


def _side_labels(s: str, tri: dict) -> list | None:
    """"Label the vertical leg 'a' …, the horizontal leg 'b' …, and the hypotenuse 'c'"; "legs a = 3 and b = 4 and
    hypotenuse c = 5" names the sides a, b, c."""
    slots = _slots(tri)
    out: list = [None, None, None]
    pair = re.search(r"\blegs\s+(?:labell?ed|named|marked)\s+" + _Q + r"\s+and\s+" + _Q, s, re.I)
    if pair:  # "legs labeled "a = 3" and "b = 4"": the upright one first, as a is
        out[slots.get("vertical", 0)], out[slots.get("horizontal", 1)] = pair.group(1), pair.group(2)
    for m in re.finditer(r"\b(?:the\s+)?(vertical|horizontal|upright|bottom)?\s*(leg|side|hypotenuse|base)\s+(?:[a-z]\s+)?"
                         r"(?:as\s+|labell?ed\s+|named\s+|marked\s+)?" + _Q, s, re.I):
        role = (m.group(1) or m.group(2)).lower()
        role = {"upright": "vertical", "bottom": "horizontal", "base": "horizontal", "leg": None, "side": None}.get(role, role)
        k = slots.get(role) if role else next((j for j in range(3) if out[j] is None), None)
        if k is not None and out[k] is None:
            out[k] = m.group(3)
    names = tri.get("names") or ["A", "B", "C"]
    for m in re.finditer(_Q + r"\s+(?:on|along|beside|next\s+to|for)\s+(?:the\s+)?side\s+([A-Z]{2})\b", s):
        # ""a" on side BC, "b" on side CA": the side by its two corners, the label across from the third
        rest = [k for k, n in enumerate(names) if n not in m.group(2)]
        if len(rest) == 1 and out[rest[0]] is None:
            out[rest[0]] = m.group(1)
    named = re.search(r"\blegs?\s+([a-z])\s*=\s*" + NUM + r"\s*(?:units?\s+)?(?:and|,)\s*([a-z])\s*=\s*" + NUM
                      + r"(?:.*?\bhypotenuse\s+([a-z])\s*=)?", s, re.I)
    if named and not any(out):
        out = [named.group(1), named.group(2), named.group(3) or None]
    return out if any(out) else None


def _side_colours(ctx: Context, tri: dict, labels: list | None) -> list | None:
    """"Side a colored blue, side b colored green, hypotenuse c colored yellow" in the style: the colour of
    each side slot (BC, CA, AB), by its label and by its role."""
    slots = _slots(tri)
    role_of = {k: r for r, k in slots.items()}
    picks = []
    conventional = {"vertical": "a", "horizontal": "b", "hypotenuse": "c"}
    for k in range(3):
        role = role_of.get(k, "")
        name = (labels or [None] * 3)[k] or conventional.get(role, "abc"[k])
        words = [f"side {name}", f"leg {name}", f"{role} {name}", f"{role} leg", f"{role} side"]
        if role == "hypotenuse":
            words.append("hypotenuse")
        picks.append(ctx.theme.for_label(" | ".join(w.strip() for w in words if w.strip()), "") or None)
    return picks if any(picks) else None


def _squares(s: str) -> str | None:
    # "squares on each side", "a square built on the hypotenuse" — not "a small square block … on the slope"
    if not re.search(r"\bsquares\b[^.]*\b(?:on|outward|built|attached)\b|\bsquares?\s+(?:(?:built|drawn|constructed|erected)"
                     r"\s+)?(?:on|outward\s+on|attached\s+to)\s+(?:each|the|all|its|every|side|leg)\b", s, re.I):
        return None
    if re.search(r"\bunit (?:cells|squares)\b|\bgrid lines\b|\bcells\b", s, re.I):
        return "cells"
    if re.search(r"\bareas?\b|\b9\b.*\b16\b.*\b25\b", s, re.I):
        return "areas"
    return "names"


def _complete(ex: Extracted, ctx: Context, i: int, figure: Beat) -> None:
    """A later sentence completes the figure on screen: its side labels, its squares."""
    tri = figure.params.get("triangle")
    if not tri:
        return
    s = ex.sentence
    new = dict(tri)
    labels = _side_labels(s, tri) if re.search(r"\blabel", s, re.I) else None
    if labels:
        old = list(tri.get("side_labels") or [None, None, None])
        new["side_labels"] = [labels[k] or old[k] for k in range(3)]
    squares = _squares(s)
    if squares and not tri.get("squares"):
        new["squares"] = squares
    colours = _side_colours(ctx, new, new.get("side_labels"))
    if colours:
        new["side_colors"] = colours
    areas = re.search(r"\bareas?\b", s, re.I) and (tri.get("squares") or squares)
    if areas:
        if new.get("squares") == "names":
            new["squares"] = "areas"
        # "Write the areas inside the squares: '9', '16', '25'": the squares show them
        ctx.consumed.update(q for q in ex.quoted if re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", q))
    if re.search(r"\bright angle\b", s, re.I) and re.match(r"^\s*(?:then\s+)?(?:mark|show|draw|add)\b", s, re.I):
        ctx.modified.add(i)  # "Mark the right angle with a small square": the triangle marks it
    corners = re.search(r"\blabel\s+(?:the\s+)?(?:vertices|corners)\b", s, re.I)
    if corners and len(ex.quoted) == 3 and all(re.fullmatch(r"[A-Za-z]\w?", q) for q in ex.quoted):
        new["names"] = list(ex.quoted)  # "Label the vertices "A", "B", "C"": the corners' names
        ctx.consumed.update(ex.quoted)
        ctx.modified.add(i)
    angles = list(figure.params.get("angles") or [])
    names = new.get("names") or ["A", "B", "C"]
    arc = re.search(r"\b(?:angle\s+)?(?:arc|angle)\s+(?:mark\s+)?at\s+(?:vertex\s+|corner\s+)?([A-Z])\b[^.;]*?"
                    r"\b(?:label(?:l?ed)?|mark(?:ed)?|name[sd]?)\s+(?:it\s+)?" + _Q, s, re.I)
    if arc and arc.group(1) in names and not any(a["at"] == arc.group(1) for a in angles):
        # "Draw an angle arc at C and label it "γ"": the angle at that corner, named
        others = [n for n in names if n != arc.group(1)]
        angles.append({"at": arc.group(1), "from": others[0], "to": others[1], "label": arc.group(2),
                       **_arc_colour(ctx)})
        ctx.consumed.add(arc.group(2))
    if new == tri and angles == list(figure.params.get("angles") or []):
        return
    added = [x for x in new.get("side_labels") or [] if x and x not in figure.strings] + \
        [a["label"] for a in angles if a.get("label") and a["label"] not in figure.strings]
    ctx.consumed.update(added)
    ctx.replace(figure, Beat("geometry", dict(figure.params, triangle=new, **({"angles": angles} if angles else {})),
                             figure.strings + tuple(added),
                             figure.rule.split("+")[0] + "+completed", figure.source, figure.detail_index,
                             figure.keywords), i)


# ----------------------------------------------------------------------------- polygons from coordinates
_POLY = r"(?:right\s+)?triangle|square|rectangle|quadrilateral|polygon|pentagon|hexagon|parallelogram|trapezoid|rhombus|kite"
_PT = r"\(\s*([^(),;]{1,16}?)\s*,\s*([^(),;]{1,16}?)\s*\)"
_CORNER = r"(bottom|lower|top|upper)[- ](left|right)"


def _arith(text: str, names: dict[str, float]) -> float | None:
    """The value of "a + b", "s - 1.5", "2*a", "(a + b)/2" with the scene's named numbers; None if not arithmetic."""
    import ast

    try:
        tree = ast.parse(text.strip().replace("×", "*").replace("−", "-"), mode="eval")
    except SyntaxError:
        return None

    def ev(node) -> float:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in names:
            return names[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return -ev(node.operand) if isinstance(node.op, ast.USub) else ev(node.operand)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Div):
                return a / b
            return a + b if isinstance(node.op, ast.Add) else a - b if isinstance(node.op, ast.Sub) else a * b
        raise ValueError(text)

    try:
        v = ev(tree)
    except (ValueError, ZeroDivisionError):
        return None
    return v if abs(v) <= LIMIT_VALUE else None


LIMIT_VALUE = 1000.0


def _names(text: str) -> dict[str, float]:
    """The one-letter numbers a scene names: "Use a = 1.5 and b = 2", "where s = a + b" (in the order they resolve)."""
    out: dict[str, float] = {}
    found = re.findall(r"(?<![\w.'\"])([a-zA-Z])\s*=\s*([\w.+\-*/() ]{1,24}?)(?=\s*(?:=|,|;|\.(?!\d)|\band\b|\bso\b|"
                       r"\bwhere\b|\bunits?\b|\)|$))", text)
    for _ in range(3):  # ends: three passes resolve names defined from names
        for name, expr in found:
            if name not in out:
                v = _arith(expr, out)
                if v is not None:
                    out[name] = v
    return out


def _point(x: str, y: str, names: dict[str, float]) -> list[float] | None:
    a, b = _arith(x, names), _arith(y, names)
    return None if a is None or b is None else [round(a, 4), round(b, 4)]


def _side(text: str, names: dict[str, float]) -> float | None:
    """"a square of side 3.5", "side length a + b = 3.5", "a 2 by 2 square": the side's length."""
    for m in re.finditer(r"\bside(?:\s+length)?\s+(?:of\s+|=\s*|is\s+)?([\w.+\-*/() ]{1,20}?)(?:\s*=\s*(" + NUM + r"))?"
                         r"(?=\s*(?:,|;|\.(?!\d)|\band\b|\bwith\b|\bunits?\b|$))", text, re.I):
        v = quantity(m.group(2)) if m.group(2) else _arith(m.group(1), names)
        if v and v > 0:
            return v
    m = re.search(r"\b(" + NUM + r")\s*(?:by|x|×)\s*\1\s+square\b", text, re.I)
    return quantity(m.group(1)) if m else None


def _parse_polygons(ex: Extracted, ctx: Context, i: int) -> list[dict]:
    """The polygons a sentence gives by their corners, and a square by one corner and its side."""
    s = ex.sentence
    names = _names(ctx.about)
    polygons: list[dict] = []
    for m in re.finditer(r"\b(" + _POLY + r")(?:\s+((?-i:[A-Z]{3,6})|\d{1,2}))?\s*,?\s+(?:with\s+|has\s+|having\s+)?(?:its\s+)?"
                         r"(?:corners|vertices|points)\s+(?:at\s+)?(" + _PT + r"(?:\s*,\s*(?:and\s+)?" + _PT + r"){2,11})",
                         s, re.I):
        pts = [_point(x, y, names) for x, y in re.findall(_PT, m.group(3))]
        if any(p is None for p in pts):
            ctx.lost(i, f"'{m.group(0)[:40]}…' has coordinates that are not numbers: it is not drawn")
            continue
        poly: dict = {"vertices": pts}
        if m.group(2):
            poly["label"] = m.group(2)
        polygons.append(poly)
    corner = re.search(r"\b(square|rectangle)\b[^.;]{0,40}?\b" + _CORNER + r"\s+corner\s+(?:at\s+)?" + _PT, s, re.I)
    if corner:
        at = _point(corner.group(4), corner.group(5), names)
        side = _side(s, names) or _side(ctx.about, names)
        if at is None or side is None:
            ctx.lost(i, f"the {corner.group(1).lower()}'s size is not given: it is not drawn")
        else:
            x0 = at[0] - (side if corner.group(3).lower() == "right" else 0)
            y0 = at[1] - (side if corner.group(2).lower() in ("top", "upper") else 0)
            polygons.insert(0, {"vertices": [[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side]]})
    return polygons


def _polygons(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None) -> list[Beat] | None:
    """"Draw the big square with its bottom-left corner at (-1.75, -1.75)" (its side from the scene: "the big square
    has side a + b = 3.5"), "triangle 1 with corners (0,0), (a,0), (0,b); triangle 2 …" (coordinates in the scene's
    named numbers, "relative to the bottom-left corner of the big square"): polygons of one figure, added to the
    figure of polygons on screen. None: no polygon."""
    s = ex.sentence
    polygons = _parse_polygons(ex, ctx, i)
    if not polygons:
        return None
    relative = re.search(r"\brelative to\s+(?:the\s+)?" + _CORNER + r"\s+corner\b", s, re.I)
    known = list((on_screen.params.get("polygons") or []) if on_screen is not None else [])
    if relative:
        base = next((p for p in known + polygons if len(p["vertices"]) == 4 and not p.get("label")), None)
        if base is not None:
            xs, ys = [v[0] for v in base["vertices"]], [v[1] for v in base["vertices"]]
            ox = min(xs) if relative.group(2).lower() == "left" else max(xs)
            oy = min(ys) if relative.group(1).lower() in ("bottom", "lower") else max(ys)
            for p in polygons:
                if p is not base:
                    p["vertices"] = [[round(x + ox, 4), round(y + oy, 4)] for x, y in p["vertices"]]
    colour = re.search(r"\b(?:fill(?:ed)?|colou?r(?:ed)?)\b", s, re.I)
    for p in polygons:
        if colour:
            p["fill"] = True
    labels = [p["label"] for p in polygons if p.get("label")]
    if on_screen is not None and not on_screen.params.get("triangle") and not on_screen.params.get("unit_circle"):
        merged = (known + polygons)[:6]
        if len(known + polygons) > 6:
            ctx.lost(i, "more than six polygons in one figure: the first six are drawn")
        ctx.replace(on_screen, Beat("geometry", dict(on_screen.params, polygons=merged), on_screen.strings + tuple(labels),
                                    on_screen.rule.split("+")[0] + "+polygons", on_screen.source, on_screen.detail_index,
                                    on_screen.keywords), i)
        if all(q in ctx.consumed for q in ex.quoted):
            ctx.stop = True  # the shapes are drawn: no drawing or text of them
        return []
    if len(polygons) > 6:
        ctx.lost(i, "more than six polygons in one figure: the first six are drawn")
    ctx.consumed.update(labels)
    return [_beat("geometry", "geometry:polygons", ex, i, labels, _kw(s) + ("polygon",), polygons=polygons[:6])]


# ----------------------------------------------------------------------------- unit circle
def _unit_circle(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    if not re.search(r"\bunit circle\b", ex.bare or s, re.I):
        return []
    m = re.search(r"\b(?:angle|at)\s+(?:θ\s*=\s*|theta\s*=\s*)?(" + NUM + r")\s*(?:°|degrees?)", s, re.I)
    unit = {"angle": quantity(m.group(1))} if m else {}
    if not re.search(r"\bsin|\bcos|\bprojections?\b", s, re.I):
        unit["projections"] = False
    return [_beat("geometry", "geometry:unit-circle", ex, i, ["θ"], _kw(s) + ("circle",), unit_circle=unit)]


# ----------------------------------------------------------------------------- annotations
def _side_of_last_line(ctx: Context, what: str) -> str | None:
    """"the right-hand side" (or left) of the last formula line on screen, as written there; None for anything else."""
    side = re.fullmatch(r"(right|left)[- ]hand\s+side|(rhs|lhs)", what.strip(), re.I)
    if side is None:
        return None
    line = next((str((b.params.get("lines") or b.params.get("exprs") or [b.params.get("expr")])[-1])
                 for b in reversed(since_clear(ctx)) if b.kind in ("steps", "equation")
                 and (b.params.get("lines") or b.params.get("exprs") or b.params.get("expr"))), None)
    if line is None or line.count("=") != 1:
        return None
    left, right = (x.strip() for x in line.split("="))
    return right if (side.group(1) or side.group(2)).lower() in ("right", "rhs") else left


def _annotation(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Write the text 'legs' with two arrows pointing to a and b", "'hypotenuse' with an arrow to c",
    "Put a brace under the first row labelled 'pivot'", "an arrow pointing to the denominator labelled 'normaliser'"."""
    s = ex.sentence
    out = []
    same = re.search(r"\b(brace|box|underline)\s+(?:under|over|around|below|above|on)\s+(?:the\s+)?[\"\u201c]([^\"\u201d]{1,40})"
                     r"[\"\u201d]\s+(?:labell?ed|with(?:\s+the)?\s+(?:text|label))\s+" + _Q, s, re.I)
    whole = [q for q in ex.quoted if same and same.group(2) in q and q != same.group(2) and q not in ctx.consumed]
    if same and whole and not any(whole[0] in b.strings for b in since_clear(ctx)):
        # 'Show the law …: "c² = a² + b² − 2ab cos C", brace under "− 2ab cos C" labeled "correction"': the formula,
        # then the brace on its term
        formula, target, label = whole[0], same.group(2), same.group(3)
        ctx.consumed.update([formula, target, label])
        params = {"style": same.group(1).lower(), "target": target, "label": label}
        if re.search(r"\bunder|below\b", same.group(0), re.I):
            params["side"] = "down"
        return [_beat("equation", "equation:quoted-math", ex, i, [formula], _kw(formula), exprs=[formula]),
                _beat("annotation", "annotation:" + params["style"], ex, i, [label], _kw(label), **params)]
    written = None  # a formula the sentence writes before the braces that mark its pieces
    if not since_clear(ctx):
        written = next((q for q in ex.quoted if q not in ctx.consumed and looks_like_math(q)
                        and re.search(r"\b(?:brace|label|annotat)\w*", s[s.find(q) + len(q):], re.I)), None)
        if written is None:
            return []
    for m in re.finditer(_Q + r"\s+with\s+(?:an?|two|three)?\s*arrows?\s+(?:pointing\s+)?(?:to|at|toward)\s+"
                         r"((?:the\s+)?[\w²³]+(?:\s*(?:,|and)\s*(?:the\s+)?[\w²³]+){0,3})", s, re.I):
        targets = [re.sub(r"^the\s+", "", t.strip(), flags=re.I) for t in re.split(r",|\band\b", m.group(2)) if t.strip()]
        marked = next((b.params.get("target") for b in reversed(ctx.beats) if b.kind == "highlight" and b.detail_index == i
                       and isinstance(b.params.get("target"), str)), None)
        if marked and targets in (["it"], ["them"]):
            targets = [marked]  # "Highlight the k = 2 bar … with an arrow pointing to it": the bar just highlighted
        out.append(_beat("annotation", "annotation:arrow-to", ex, i, [m.group(1)], _kw(m.group(1)), style="arrow",
                         target=targets if len(targets) > 1 else targets[0], label=m.group(1)))
        ctx.consumed.add(m.group(1))
    # "place two labels with arrows: 'work W' pointing at F d and 'change in kinetic energy ΔKE' pointing at the
    # right-hand side": each quoted label with an arrow to the piece of the formula on screen it names
    if re.search(r"\blabels?\s+with\s+arrows?\b|\barrows?\b", s, re.I):
        for m in re.finditer(_Q + r"\s+(?:pointing|points)\s+(?:at|to|toward)\s+(?:the\s+)?([^,;.\"\u201c]{1,40}?)(?=\s*(?:,|;|\.|$|\band\b))",
                             s, re.I):
            label, what = m.group(1), m.group(2).strip()
            if label in ctx.consumed:
                continue
            target = _side_of_last_line(ctx, what) or (what if _part_known(what, ex, ctx) else None)
            if target is None:
                continue
            out.append(_beat("annotation", "annotation:arrow-to", ex, i, [label], _kw(label), style="arrow", target=target,
                             label=label))
            ctx.consumed.update([label, what])
    # "Brace under \mu with the label "center stays the same" and brace under \frac{\sigma^2}{n} with the label
    # "spread shrinks"": every brace of the sentence, each under its piece
    braces = list(re.finditer(r"\b(brace|box|underline)\s+(?:under|over|around|below|above|on)\s+(?:the\s+)?(.{1,40}?)\s+"
                              r"(?:labell?ed|with(?:\s+the)?\s+(?:text|label))\s+" + _Q, s, re.I))
    for brace in braces:
        # ("a green brace under '\frac{dy}{du}' labeled …": the piece as written, without its quotes)
        target, label = re.sub(r"^[\"'\u201c\u2018](.+)[\"'\u201d\u2019]$", r"\1", brace.group(2).strip()), brace.group(3)
        if label in ctx.consumed:
            continue
        params: dict = {"style": brace.group(1).lower(), "label": label}
        row = re.search(r"\b(first|second|third|last|\d+(?:st|nd|rd|th)?)\s+row\b", target, re.I)
        col = re.search(r"\b(first|second|third|last|\d+(?:st|nd|rd|th)?)\s+column\b", target, re.I)
        order = {"first": 1, "second": 2, "third": 3}
        if row and row.group(1).lower() in order:
            params["row"] = order[row.group(1).lower()]
        elif col and col.group(1).lower() in order:
            params["column"] = order[col.group(1).lower()]
        elif _only_in_title(target, ctx):
            # "Draw a brace under the string labelled "L"" with "… on a String" only in the title: no brace on the title
            ctx.lost(i, f"the {params['style']} under {target!r} is not drawn: nothing on screen but the title says "
                        f"{target!r}")
            ctx.consumed.add(label)
            continue
        else:
            params["target"] = target
            ctx.consumed.add(target.strip())  # (a piece of the formula on screen, not a formula of its own)
        if re.search(r"\bunder|below\b", brace.group(0), re.I):
            params["side"] = "down"
        tint = colour_just_before(s, brace.start())
        if tint:
            params["color"] = tint  # "a green brace under …", "a yellow brace under …"
        out.append(_beat("annotation", "annotation:" + params["style"], ex, i, [label], _kw(label), **params))
        ctx.consumed.add(label)
    # 'label the pieces with braces: "rP" gets the label "growth engine", …, and an arrow to "K" gets the label
    # "carrying capacity"': each piece of the formula on screen with its own mark and label
    for m in re.finditer(r"(?:\b(an?\s+arrow|a\s+brace|a\s+box)\s+(?:pointing\s+)?(?:to|at|under|around)\s+)?" + _Q +
                         r"\s+(?:gets|has|takes|receives)\s+(?:the\s+|a\s+)?label\s+" + _Q, s, re.I):
        target, label = m.group(2), m.group(3)
        if label in ctx.consumed or not re.search(r"\b(?:brace|label|annotat|arrow)\w*", s[:m.start()] + (m.group(1) or ""), re.I) \
                or not _part_known(target.strip(), ex, ctx):
            continue
        said = (m.group(1) or "").lower()  # "an arrow to …", "a box around …"; else the sentence's braces, or an arrow
        style = next((w for w in ("arrow", "box", "brace") if w in said), None) or \
            ("brace" if re.search(r"\bbraces?\b", s, re.I) else "arrow")
        out.append(_beat("annotation", "annotation:" + style, ex, i, [label], _kw(label), style=style, target=target,
                         label=label, **({"side": "down"} if style == "brace" else {})))
        ctx.consumed.update([label, target])
    # "label the parts: 'posterior' under P(D | +), 'prior' under P(D)" or "braces: under x_old: 'where we are'"
    parts = [(m.group(1), m.group(2), m.group(3)) for m in re.finditer(
        _Q + r"\s+(under|below|above|over)\s+(?:the\s+)?(.{1,40}?)\s*(?=,\s*[\"'\u201c]|;|\.\s|\.?$|\s+and\s+[\"'\u201c])", s, re.I)]
    parts += [(m.group(3), m.group(1), m.group(2)) for m in re.finditer(
        r"(?:^|[\n,;-])\s*(under|below|above|over)\s+(?:the\s+)?([^:\n]{1,40}?)\s*:\s*" + _Q, s, re.I)]
    if len(parts) >= 2 or (parts and re.search(r"\b(?:brace|label|annotat|mark)\w*", s, re.I)):
        for label, where, target in parts[:6]:
            if label in ctx.consumed or re.match(r"(?:it|them|this|that|these|those|each|both|left|right|top|bottom|"
                                                 r"middle|cent(?:er|re)|screen|title|everything|first|second|third|last|"
                                                 r"other|previous|one|ones)\b", target.strip(), re.I):
                continue  # "'…' under it", "under the left": where to write it, not a part to mark
            if re.search(r"\b(?:label|write|show|draw|put|add|place|mark)\w*\b", target, re.I):
                continue  # "Under the formula label the parts with arrows: …": an instruction, not the part's name
            if not _part_known(target.strip(), ex, ctx):
                continue  # '"+" above the long line' of a battery symbol: a part of a picture, not of a formula on screen
            if written is not None and re.sub(r"\s+", "", target) not in re.sub(r"\s+", "", written):
                continue  # (with nothing on screen, only pieces of the formula the sentence writes)
            out.append(_beat("annotation", "annotation:brace-under", ex, i, [label], _kw(label), style="brace",
                             target=target.strip(), label=label,
                             side="down" if where.lower() in ("under", "below") else "up"))
            ctx.consumed.update([label, target.strip()])
            ex.prose[:] = [p for p in ex.prose if re.sub(r"\s+", "", p[0].rstrip(".,")) != re.sub(r"\s+", "", target)]
    arrow = re.search(r"\barrow\s+(?:pointing\s+)?(?:to|at)\s+(?:the\s+)?([\w²³ ]{1,30}?)\s+(?:labell?ed|with(?:\s+the)?\s+"
                      r"(?:text|label))\s+" + _Q, s, re.I)
    if arrow and re.fullmatch(r"(?:(?:far|top|bottom|upper|lower|very)\s+)?(?:left|right|top|bottom|middle|cent(?:er|re)|"
                              r"corner|side|edge|screen)(?:\s+(?:side|edge|corner|of the screen))?", arrow.group(1).strip(), re.I):
        arrow = None  # "a small downward arrow at the far left labeled "time"": where the arrow stands, no target
    if arrow and arrow.group(2) not in ctx.consumed:
        out.append(_beat("annotation", "annotation:arrow", ex, i, [arrow.group(2)], _kw(arrow.group(2)), style="arrow",
                         target=arrow.group(1), label=arrow.group(2)))
        ctx.consumed.add(arrow.group(2))
    if written is not None:
        if not out or any(b.params.get("target") is None and b.params.get("row") is None and b.params.get("column") is None
                          for b in out):
            return []  # (marks with nothing to mark: none of them)
        # the formula first, then the marks on its pieces
        ctx.consumed.add(written)
        return [_beat("equation", "equation:quoted-math", ex, i, [written], _kw(written), exprs=[written])] + out
    return out
