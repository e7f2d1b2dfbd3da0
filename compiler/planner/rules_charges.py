"""Planner rules for point charges (physics bodies of shape `charge`) and their field lines: the charges a sentence
places — by value ("a red +3 μC charge at (-2, 0)"), by sign ("a positive charge at the center"), or as a circle
with its sign ("a red circle with "+"") — where it puts them, and the field lines it asks for ("draw the field
lines", "12 radial field lines coming out of the charge").

    Draw a red +3 μC charge at (-2, 0) and a blue −5 μC charge at (2, 0).
    Put a positive charge at the center. Transform the arrow grid into 12 radial field lines.
    Left side: a red circle with "+" and a blue circle with "−" a small distance apart.
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .quantity import NUM, quantity
from .theme import COLOUR_RE, colour_value

_UNIT = r"(?:μC|µC|uC|nC|mC|pC|C)\b"
# (a value starts where a number starts: never inside a run of digits, which would be read again at every digit)
_VALUE = r"(?<![\d.])([+\-−]?\s?" + NUM + r")\s*" + _UNIT
_PLACES = {"left": (-2.0, 0.0), "right": (2.0, 0.0), "center": (0.0, 0.0), "centre": (0.0, 0.0), "middle": (0.0, 0.0),
           "top": (0.0, 1.5), "bottom": (0.0, -1.5)}
_FIELD = r"\bfield\s+lines?\b|\blines\s+of\s+force\b"


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and any(
        x.get("shape") == "charge" for x in b.params.get("bodies") or [])), None)


def _charges(s: str, shown: bool = False) -> list[dict]:
    """The charges a sentence places, in order: value or sign, where, and the label written for it (`shown`: charges
    are on screen — a sign placed at a point is one of them even when the sentence does not say "charge")."""
    out = []
    pattern = (r"(?:" + _VALUE + r"\s+(?:point\s+|test\s+|source\s+)?charge\b"
               r"|\b(?P<sign>positive|negative)\s+(?:point\s+|test\s+|source\s+)?charge\b"
               # ("a red circle with "+"", "a red circle of radius 0.4 at (-3, 0) with '+' inside")
               r"|\bcircle\b(?:[^.;\"\u201c']|\.(?=\d)){0,40}?\bwith\s+[\"\u201c'](?P<drawn>[+\-−])[\"\u201d']"
               r"|(?<![\w.])[\"\u201c']?(?P<sym>[+\-−])[\"\u201d']?\s+charge\b"  # "red + charge at (-2, 0)", "a red '+' charge"
               # ("Redraw the two charges: red '+' at (-3, 2), blue '-' at (3, 2)": a sign placed, in a sentence of charges)
               r"|(?<![\w.])[\"\u201c'](?P<placed>[+\-−])[\"\u201d'](?=\s+at\s+\()"
               r"|\bcharge\s+\w{0,3}\s*\((?:[a-z]+\s+)?[\"\u201c](?P<tagged>[+\-−])[\"\u201d]\)"  # 'charge q (red "+")'
               r"|\bcharge\s+(?P<name>q\w{0,2})\s*=\s*(?P<named>[+\-−]?\s?" + NUM + r")\s*" + _UNIT + r")")
    # ("leaving the + charge and ending on the − charge": charges named, not placed)
    found = [m for m in re.finditer(pattern, s, re.I) if not re.search(r"\bthe\s+(?:\w+\s+)?$", s[max(0, m.start() - 12):m.start()],
                                                                       re.I) or m.group(1)]
    for k, m in enumerate(found):
        region = s[m.end(): found[k + 1].start() if k + 1 < len(found) else len(s)]
        if m.group(1):
            text = m.group(1).replace(" ", "").replace("−", "-")
            q = quantity(text)
            label = m.group(0)[: m.group(0).lower().rfind("charge")].strip()
        elif m.group("sign"):
            q, label = (1.0 if m.group("sign").lower() == "positive" else -1.0), None
        elif m.group("drawn") or m.group("sym") or m.group("tagged") or m.group("placed"):
            if m.group("placed") and not shown and not re.search(r"\bcharges?\b", s, re.I):
                continue
            sign = m.group("drawn") or m.group("sym") or m.group("tagged") or m.group("placed")
            q, label = (1.0 if sign == "+" else -1.0), None
            # ("… with '+' inside, and the label 'q1 = +2 µC' above it": its label)
            named = re.search(r"\blabel(?:l?ed)?\s+[\"\u201c']([^\"\u201d']{1,30})[\"\u201d']", region)
            label = named.group(1) if named and m.group("drawn") else None
        else:
            q = quantity(m.group("named").replace(" ", "").replace("−", "-"))
            label = f"{m.group('name')} = {m.group('named').strip()} " + re.search(_UNIT, s[m.start("named"):]).group(0)
        if q == 0:
            continue
        body: dict = {"shape": "charge", "charge": q}
        at = re.match(r"[^.;]{0,20}?\bat\s+\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)", region) or (re.search(
            r"\bat\s+\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)", m.group(0)) if m.group("drawn") else None)
        place = re.search(r"\b(?:(?:at|on|in)\s+the\s+|to\s+(?:the|its)\s+)(?:(?:far\s+)?(left|right|top|bottom)"
                          r"(?:\s+(?:center|centre|side))?|(center|centre|middle))\b", region[:80] or s[m.end():m.end() + 80],
                          re.I) or re.search(r"\b(?:at|on|in)\s+the\s+(?:(left|right|top|bottom)|(center|centre|middle))\b",
                                             s[max(0, m.start() - 40):m.start()], re.I)
        if at:
            body["at"] = [quantity(at.group(1)), quantity(at.group(2))]
        elif place:
            body["at"] = list(_PLACES[(place.group(1) or place.group(2)).lower()])
        if label:
            body["label"] = label
        out.append(body)
    return out


# "P at (0, 2)", "Mark the midpoint P at (0, 0) with a small yellow dot and label 'P'": a place where the field is asked
_POINT = re.compile(r"\b(?:(?:(?:mid)?point\s+)?(?P<name>[A-Z])|(?P<mid>midpoint))\s+at\s+\(\s*(?P<x>" + NUM + r")\s*,\s*(?P<y>"
                    + NUM + r")\s*\)")


def _points(s: str, charges: list[dict]) -> list[dict]:
    """The named points of a picture of charges: bodies of shape `point` (their names, labels)."""
    out = []
    for m in _POINT.finditer(s):
        at = [quantity(m.group("x")), quantity(m.group("y"))]
        if any(c.get("at") == at for c in charges):
            continue
        body = {"shape": "point", "at": at, **({"label": m.group("name")} if m.group("name") else {"name": "midpoint"})}
        dot = re.match(r"[^.;]{0,20}?\bwith\s+an?\s+(?:small\s+|tiny\s+|big\s+)?(" + COLOUR_RE.pattern + r")\s+(?:dot|point|circle)\b",
                       s[m.end():], re.I)
        if dot:
            body["color"] = colour_value(dot.group(1))  # "P at (0, 0) with a small yellow dot"
        out.append(body)
    return out


def rule_charges(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s, bare = ex.sentence, ex.bare or ex.sentence
    picture = _picture(ctx)
    found = _charges(s, picture is not None)
    if found or picture is not None and re.search(r"\b(?:mark|place|put|add|show|draw)\b", bare, re.I):
        found += _points(s, found)  # (a point drawn with the charges, or marked on the picture of them)
        ctx.consumed.update(b["label"] for b in found if b.get("shape") == "point" and b.get("label"))
    lines = re.search(_FIELD, bare, re.I) is not None
    radial = re.search(r"\barrows?\b[^.;]{0,40}?\bradial(?:ly)?\b|\bradial\s+arrows?\b", bare, re.I) is not None
    if not found and not (lines and picture is not None):
        return []
    if found and not re.search(r"\b(?:draw|place|put|show|add|start|begin|replace|a|an|two|three)\b", bare, re.I) and not (
            re.match(r"\s*(?:(?:red|blue|small|large|big|tiny)\s+)*[+\-−]?\s?\d", bare) or any("at" in b for b in found)):
        return []  # ("Red +2 μC charge at the left center.": a picture all the same)
    if re.search(r"\b(?:table|chart|graph|plot|formula|equation)\b", bare, re.I) and not re.search(r"\bdraw\b", bare, re.I):
        return []
    if radial and not lines and found:
        if len([b for b in found if b.get("charge")]) == 1:
            lines = True  # "a + charge with 8 short arrows pointing radially outward": its field, straight out
        else:
            ctx.lost(i, "the radial arrows around each charge are not drawn (the field lines of the charges together "
                        "would join them)")
    # where none is given: in a row, two units apart, around the centre
    for k, b in enumerate(found):
        if "at" not in b:
            b["at"] = [round(2.0 * k - (len(found) - 1), 3), 0.0]
    strings = [b["label"] for b in found if b.get("label")]
    ctx.consumed.update(strings + [q for q in ex.quoted if q.strip() in ("+", "-", "−")])
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]  # ('label "like charges repel"': a text still)
    ctx.modified.add(i)
    # "Replace the charge by …", or a picture recalled by this very sentence ("Draw the dipole: …"): the charges as
    # now written
    replace = re.search(r"\breplac\w*\b|\binstead\b", bare, re.I) is not None or (
        picture is not None and picture.detail_index == i and found)
    if picture is not None and replace and picture.detail_index == i:
        ctx.replace(picture, Beat("physics", dict(picture.params, bodies=found[:8], **({"field_lines": True} if lines else {})),
                                  tuple(strings), picture.rule.split("+")[0] + "+charges", picture.source,
                                  picture.detail_index, picture.keywords), i)
        return []
    if picture is not None and (not found or not replace):
        spots = {tuple(b["at"]) for b in found}
        # (a charge placed again where one is: that one, as now written)
        bodies = [b for b in picture.params.get("bodies") or [] if tuple(b.get("at") or ()) not in spots] + found
        params = dict(picture.params, bodies=bodies[:8], **({"field_lines": True} if lines else {}))
        ctx.replace(picture, Beat("physics", params, picture.strings + tuple(strings), picture.rule.split("+")[0] + "+charges",
                                  picture.source, picture.detail_index, picture.keywords), i)
        return []
    params: dict = {"setting": "none", "bodies": found[:8]}
    if lines:
        params["field_lines"] = True
    if len(found) > 8:
        ctx.lost(i, f"{len(found)} charges: only the first 8 are drawn")
    return [_beat("physics", "physics:charges", ex, i, strings, _kw(s) + ("physics", "charge"), **params)]
