"""Planner rules for vectors on a grid and the 2×2 matrices that transform it.

    Show a NumberPlane from -7 to 7 horizontally and -4 to 4 vertically.
    Draw i-hat as an arrow from (0,0) to (1,0) labeled 'i' and j-hat from (0,0) to (0,1) labeled 'j'.
    Draw a yellow vector v from (0,0) to (1,1). Draw vector (1, 0) in pink.
    Apply the linear transformation A to the plane.    Apply R: every vector rotates by 90 degrees.
    Show both eigen-lines at once and apply the transformation again.

Typed pieces (a plane, its ranges, vectors with colours and labels, named matrices, an application) and
small rules that combine them: the first mention draws the grid, later sentences add vectors or apply
a matrix to the grid on screen (`extend`). A matrix is found by its name among the matrices written in
the sentence, shown in this scene or written in an earlier one.
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _fmt, _kw, since_clear
from .extract import Extracted, tex_matrix
from .knowledge import plane_nouns
from .quantity import NUM, quantity
from .theme import COLOUR_RE, colour_value

# ("an Arrow from the origin to the plane point (3, 4)", "… to the grid point (1, 2)")
_FROM_ORIGIN = re.compile(r"(?:\bfrom\s+(?:\(\s*0\s*,\s*0\s*\)|(?:the\s+)?origin)|\barrows?)\s+to\s+(?:the\s+(?:[\w-]+\s+)?point\s+|point\s+)?\(\s*(" + NUM
                          + r")\s*,\s*(" + NUM + r")\s*\)")
# "the arrow z = 1 + 2i", "w = 1 + i as an arrow": a complex number, drawn as the vector (1, 2) on a complex plane
_COMPLEX = re.compile(r"(?<![\w.·])([a-zA-Z]\w?(?:\s*[·*]\s*[a-zA-Z]\w?)?)\s*=\s*([-−]?\s*\d+(?:\.\d+)?)\s*([-+−])\s*(\d+(?:\.\d+)?)?\s*[ij]\b")
_ROTATE = re.compile(r"\brotat\w*\s+(?:the\s+)?(?:entire\s+|whole\s+)?(?:grid|plane|space|it|everything)\b[^.;]{0,40}?\bby\s+"
                     r"(-?\d+(?:\.\d+)?)\s*(?:°|degrees?)", re.I)
_SCALE = re.compile(r"\bscal\w*\s+(?:it\s+|the\s+\w+\s+|everything\s+)?(?:up\s+)?by\s+(?:a\s+factor\s+of\s+)?(√\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?)",
                    re.I)
_QUOTED_TO = re.compile(r"[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]\s+to\s+\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")
_VECTOR_AT = re.compile(r"\bvectors?\s+\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")
# "the vector v = (1, 1)", "vector b = [2, -1]": a named vector written by its coordinates
_VECTOR_NAMED = re.compile(r"\b(?:eigen)?vectors?\s+(?:[\w$\\{}]+\s+)?[\"\u201c]?([a-zA-Z](?:_\{?\w{1,10}\}?|\w)?)\s*=\s*[(\[⟨<]\s*(" + NUM
                           + r")\s*,\s*(" + NUM + r")\s*[)\]⟩>][\"\u201d]?")
# 'From its tip, draw "v_current = (3, 0)" pointing right' on a plane of vectors: a named vector, no "vector" said
_DRAWN_NAMED = re.compile(r"\b(?:draw|add|place|show)\w*\s+(?:the\s+|a\s+)?[\"\u201c]?([a-zA-Z](?:_\{?\w{1,10}\}?|\w)?)\s*=\s*"
                          r"[(\[⟨<]\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*[)\]⟩>][\"\u201d]?", re.I)
_NAMED_MORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[\"\u201c]?([a-zA-Z](?:_\{?\w{1,10}\}?|\w)?)\s*=\s*[(\[⟨<]\s*(" + NUM
                         + r")\s*,\s*(" + NUM + r")\s*[)\]⟩>][\"\u201d]?")
_FROM_TIP = re.compile(r"\bfrom\s+(?:its|the(?:\s+\w+){0,2}?)\s+(?:tip|head|end)\b|\btip[- ]to[- ]tail\b", re.I)
_BASIS = re.compile(r"\b(?:[ij][- ]hat|basis (?:vectors?|arrows?))\b|[îĵ]", re.I)
_APPLY = re.compile(r"(?i:\b(?:apply|applies|applying|applied)\s+(?:the\s+)?(?:(?:linear\s+)?transformation\s+|matrix\s+|(?:shear|rotation|reflection|scaling|stretch|projection|map)\s+)?)"
                    r"(?P<name>[A-Z]\b)?|(?i:\bapplymatrix\b|\btransform(?:s|ed)?\s+the\s+(?:plane|grid)\b)(?:\s+(?:by|with|under)\s+"
                    r"(?P<by>[A-Z])\b)?|(?i:\b(?:grid|plane|space|square|it)\s+(?:transform\w*|mov\w+|turn\w*)\s+(?:(?:in)?to\s+(?:an?\s+)?"
                    r"(?:parallelogram|ellipse|line|segment)\s+)?(?:under|by|with)\s+)(?P<under>[A-Z])\b")
_NAMED_MATRIX = re.compile(r"\b([A-Z])\s*=\s*\[\s*\[")


def _inverse(m: list) -> list | None:
    """The inverse of a 2×2 matrix, its entries rounded to 4 places (None when the determinant is 0)."""
    (a, b), (c, d) = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None

    def entry(x: float):
        x = round(x / det, 4) + 0.0
        return int(x) if x == int(x) else x

    return [[entry(d), entry(-b)], [entry(-c), entry(a)]]


def _plane_on_screen(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "vector_plane" and not b.params.get("extend")), None)


def _colour_before(text: str) -> str | None:
    m = COLOUR_RE.search(text)
    return colour_value(m.group(0)) if m else None


def _known_matrices(ex: Extracted, ctx: Context) -> dict[str, list[list]]:
    """Matrices by name: written in this sentence, shown in this scene, written in an earlier scene."""
    out: dict[str, list[list]] = {}
    for sp in ctx.history:
        for b in sp.beats:
            _collect(b, out)
    for b in ctx.beats:
        _collect(b, out)
    names = _NAMED_MATRIX.findall(ex.sentence)
    for name, values in zip(names, ex.matrices):
        out[name] = values
    return out


def _collect(b: Beat, out: dict) -> None:
    if b.kind == "matrix" and b.params.get("label") and len(b.params.get("values") or []) == 2:
        values = b.params["values"]
        if all(len(r) == 2 and all(isinstance(v, (int, float)) for v in r) for r in values):
            out[str(b.params["label"]).split("=")[0].strip()] = values
    if b.kind == "equation" and len(b.params.get("exprs") or []) == 1:
        found = tex_matrix(b.params["exprs"][0])  # "A = \\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix}" (a matrix once composed)
        if found and found[0] and len(found[1]) == 2 and all(
                len(r) == 2 and all(isinstance(v, (int, float)) for v in r) for r in found[1]):
            out[found[0]] = found[1]
    if b.kind == "vector_plane":
        for m in b.params.get("matrices") or []:
            if m.get("label"):
                out[m["label"]] = m["values"]


def _earlier_plane(ctx: Context) -> dict:
    """"NumberPlane and matrix as before": the grid of the last scene that drew one (its ranges and basis)."""
    for sp in reversed(ctx.history):
        base = next((b for b in sp.beats if b.kind == "vector_plane" and not b.params.get("extend")), None)
        if base is not None:
            return {k: v for k, v in base.params.items() if k in ("x_range", "y_range", "basis")}
    return {}


def _add_vector(found: list[dict], v: dict) -> None:
    """One arrow per tip and name: "the vector v = [3, 2] as an arrow from the origin to the point (3, 2)" names the
    same arrow twice; what the second mention adds (a colour) joins the first."""
    same = next((f for f in found if (f["x"], f["y"], f.get("label")) == (v["x"], v["y"], v.get("label"))), None)
    if same is None:
        found.append(v)
    elif "color" in v:
        same.setdefault("color", v["color"])


def _vectors(ex: Extracted, complex_plane: bool = False, styled: dict | None = None,
             plane: bool = False) -> tuple[list[dict], bool]:
    """Vectors the sentence draws from the origin, and whether it asks for the basis î, ĵ (on a complex plane, a
    number it shows: "show z = 3 + 2i"); `styled`: the style's colours by label ("vector a" -> yellow); `plane`: a
    plane of vectors is on screen or drawn now (a named pair drawn is a vector: 'draw "v_current = (3, 0)"'). A
    vector drawn "from its tip" carries `_from_tip` (the caller places it)."""
    s = ex.sentence
    basis = bool(_BASIS.search(s))
    found = []
    spans = [(m, m.start()) for m in _FROM_ORIGIN.finditer(s)] + [(m, m.start()) for m in _VECTOR_AT.finditer(s)]
    named = {m.start(): m for m in _VECTOR_NAMED.finditer(s)}
    if plane:
        named.update({m.start(): m for m in _DRAWN_NAMED.finditer(s) if not any(
            a.start() <= m.start(1) < a.end() for a in named.values())})
        for m in list(named.values()):  # "Draw v₁ = (1, 1) and v₂ = (1, −2) as arrows": each of the pairs listed
            at = m.end()
            while (more := _NAMED_MORE.match(s, at)) is not None:  # ends: each pass moves past one more pair
                named.setdefault(more.start(1), more)
                at = more.end()
    spans += [(m, start) for start, m in named.items() if not any(a <= start < b.end() for b, a in spans)]
    if re.search(r"\b(?:arrows?|vectors?)\s+from\s+(?:the\s+)?origin\b", s, re.I):
        # 'Draw three arrows from the origin: "cat" to (4, 1), "dog" to (3, 2) and "car" to (1, 4)': each named by its quote
        spans += [(m, m.start()) for m in _QUOTED_TO.finditer(s) if not any(a <= m.start() < b.end() for b, a in spans)]
    for m, start in sorted(spans, key=lambda x: x[1]):
        if m.re is _QUOTED_TO:
            _add_vector(found, {"x": quantity(m.group(2)), "y": quantity(m.group(3)), "label": m.group(1).strip(),
                                **({"color": styled[m.group(1).strip().lower()]} if styled and m.group(1).strip().lower() in styled
                                   else {})})
            continue
        if m.re in (_VECTOR_NAMED, _DRAWN_NAMED, _NAMED_MORE):
            x, y = quantity(m.group(2)), quantity(m.group(3))
            quoted = re.search(r"[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]", m.group(0))
            # ('the vector "v_boat = (0, 4)"': the quote is its label, as written)
            v = {"x": x, "y": y, "label": quoted.group(1).strip() if quoted else m.group(1)}
            if _FROM_TIP.search(re.split(r"[.;]", s[:start])[-1]):
                v["_from_tip"] = True
            colour = _colour_before(re.split(r"[.;]|\band\b", s[max(0, start - 60):start])[-1] + " "
                                    + s[m.end():m.end() + 14])
            if not colour and styled:
                colour = styled.get(f"vector {m.group(1).lower()}") or styled.get(m.group(1).lower())
            if colour:
                v["color"] = colour
            _add_vector(found, v)
            continue
        x, y = quantity(m.group(1)), quantity(m.group(2))
        before = s[max(0, start - 60):start]
        clause = re.split(r"[.;]|\band\b", before)[-1]
        if basis and (x, y) in ((1, 0), (0, 1)) and re.search(r"[ij][- ]hat|basis|[îĵ]", clause, re.I):
            continue  # î and ĵ: drawn as the basis
        v: dict = {"x": x, "y": y}
        # the label written for it ('… with label "a = (3, 4)" near its tip') before the name it is called by
        name = re.match(r"[^.;\"\u201c]{0,30}?\b(?:labell?ed|with\s+(?:the\s+)?label|label)\s+[\"\u201c]([^\"\u201d]{1,20})"
                        r"[\"\u201d]", s[m.end():m.end() + 60]) or re.match(
            # 'with a "?" next to its tip'
            r"[^.;\"\u201c]{0,30}?\bwith\s+(?:an?\s+|the\s+)?[\"\u201c]([^\"\u201d]{1,20})[\"\u201d]\s+(?:next\s+to|at|near|by|"
            r"beside)\s+(?:its|the)\s+(?:tip|head|end)\b", s[m.end():m.end() + 80]) or next(reversed(list(re.finditer(
                # (the name said last before it: "… with vector a from (0, 0) to (3, 4), vector b from …" — b's is b)
                r"\bvector\s+([a-zA-Z]\w?)\b", clause))), None)
        if name:
            v["label"] = name.group(1)
        called = name.group(1) if name else None
        # ("… and label its tip with MathTex: \vec{a} = (3, 4)": the tip keeps the vector's name, the formula is
        # typeset as an equation of its own — a long formula at a tip crowds the other tips)
        colour = _colour_before(clause + " " + s[m.end():m.end() + 14])
        if not colour and called and styled:
            colour = styled.get(f"vector {called.lower()}")  # "Vector a in yellow (#FFFF00), vector b in blue"
        if not colour and styled:
            # "Draw the resultant from the origin to (3, 4)" with "resultant yellow" in the style
            colour = next((c for k, c in sorted(styled.items(), key=lambda kc: -len(kc[0])) if len(k) >= 4 and re.search(
                r"\b" + re.escape(k) + r"\b", clause, re.I)), None)
        if colour:
            v["color"] = colour
        _add_vector(found, v)
    if not found and (re.search(r"\b(?:arrows?|vectors?)\b", s, re.I) or complex_plane and re.search(
            r"\b(?:show|draw|plot|mark|place|add)\w*\b", s, re.I)):
        for m in _COMPLEX.finditer(ex.bare or s):
            re_, sign, im = float(m.group(2).replace(" ", "").replace("−", "-")), m.group(3), float(m.group(4) or 1)
            v = {"x": re_, "y": im if sign == "+" else -im, "label": m.group(1)}
            if v not in found:
                found.append(v)
    return found, basis


def _rotation(s: str) -> list[list[float]] | None:
    """"rotate the entire grid by 45° around the origin and scale it by √2": the matrix of that rotation and scaling."""
    import math

    r = _ROTATE.search(s)
    if not r:
        return None
    k = 1.0
    sc = _SCALE.search(s)
    if sc:
        v = sc.group(1).replace(" ", "")
        k = math.sqrt(float(v[1:])) if v.startswith("√") else float(v)
    a = math.radians(float(r.group(1)))
    c, n = round(k * math.cos(a), 4), round(k * math.sin(a), 4)
    return [[c + 0.0, -n + 0.0], [n + 0.0, c + 0.0]]


def _ranges(s: str) -> dict:
    m = re.search(r"\bfrom\s+(" + NUM + r")\s+to\s+(" + NUM + r")\s+(?:horizontally|across|in x|on the x[- ]axis)\b[^.]*?"
                  r"(?<![\w.-])(" + NUM + r")\s+to\s+(" + NUM + r")\s+(?:vertically|in y|on the y[- ]axis)", s, re.I) or re.search(
        r"\bfrom\s+(" + NUM + r")\s+to\s+(" + NUM + r")\s+and\s+(" + NUM + r")\s+to\s+(" + NUM + r")\b", s, re.I)
    if not m:
        m = re.search(r"\bx\s+(?:from\s+)?(" + NUM + r")\s+to\s+(" + NUM + r")\b[^.]*?\by\s+(?:from\s+)?(" + NUM +
                      r")\s+to\s+(" + NUM + r")", s, re.I)
    if not m:  # "x range [-5, 5] and y range [-4, 4]", "x_range=[-5, 5], y_range=[-4, 4]"
        m = re.search(r"\bx[ _]?range\s*(?:of\s+|=\s*|:\s*)?\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*(?:,[^\]]*)?\][^.]*?"
                      r"\by[ _]?range\s*(?:of\s+|=\s*|:\s*)?\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*(?:,[^\]]*)?\]", s, re.I)
    if not m:
        # "a complex plane from -4 to 4": both axes
        one = re.search(r"\b(?:" + plane_nouns() + r"|grid)\b[^.]{0,30}?(?:\bfrom\s+|\(\s*)(" + NUM + r")\s+to\s+(" + NUM + r")", s, re.I)
        if not one:
            return {}
        a, b = quantity(one.group(1)), quantity(one.group(2))
        return {"x_range": [min(a, b), max(a, b)], "y_range": [min(a, b), max(a, b)]} if a != b else {}
    a, b, c, d = (quantity(m.group(k)) for k in range(1, 5))
    return {"x_range": [min(a, b), max(a, b)], "y_range": [min(c, d), max(c, d)]} if a != b and c != d else {}


_AXIS_NAMES = re.compile(r"\blabel\w*\s+the\s+(?:(?P<a1>horizontal|vertical|x|y)[- ]axis|(?P<b1>horizontal|vertical)\s+one)\s+"
                         r"[\"\u201c](?P<n1>[^\"\u201d]{1,20})[\"\u201d](?:\s*,?\s*and\s+the\s+(?P<a2>horizontal|vertical|x|y)"
                         r"(?:[- ]axis|\s+one)?\s+[\"\u201c](?P<n2>[^\"\u201d]{1,20})[\"\u201d])?", re.I)


def _axis_names(s: str) -> dict:
    """"Label the horizontal axis "Re" and the vertical axis "Im"": {"x_label": "Re", "y_label": "Im"}; "axis labels
    "Re" (right end of horizontal axis) and "Im" (top of vertical axis)": the first the horizontal axis's."""
    m = _AXIS_NAMES.search(s)
    pair = re.search(r"\baxis\s+labels?\s*:?\s*[\"\u201c]([^\"\u201d]{1,20})[\"\u201d][^\"\u201c]{0,50}?\band\s+[\"\u201c]"
                     r"([^\"\u201d]{1,20})[\"\u201d]", s, re.I)
    if not m and pair:
        return {"x_label": pair.group(1).strip(), "y_label": pair.group(2).strip()}
    if not m:
        return {}
    out = {}
    for axis, name in ((m.group("a1") or m.group("b1"), m.group("n1")), (m.group("a2"), m.group("n2"))):
        if axis and name:
            out["x_label" if axis.lower() in ("horizontal", "x") else "y_label"] = name.strip()
    return out


_SHAPE_NOUNS = r"unit square|square|rectangle|triangle|parallelogram|polygon|circle|disk|disc"
_SHAPE = re.compile(r"\b(?P<adj>(?:[\w-]+\s+){0,4}?)(?P<noun>" + _SHAPE_NOUNS + r")\b", re.I)
_PT = r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)"
_BECOMES = re.compile(r"\bthe\s+(?P<noun>" + _SHAPE_NOUNS + r")\s+(?:becomes|turns into|is mapped to|maps to|lands on|"
                      r"flattens|collapses|is squashed|squashes|shrinks|grows|stretches)\b"
                      r"(?P<rest>[^\"\u201c]{0,120}?)\b(?:labell?ed|label\s+it(?:\s+as)?)\s+[\"\u201c](?P<label>[^\"\u201d]{1,40})"
                      r"[\"\u201d]", re.I)


def _shapes(text: str) -> list[dict]:
    """Shapes given on the plane by their numbers: "a yellow unit square with corners (0,0), (1,0), (1,1), (0,1),
    labeled "area = 1"", "a blue 2 by 1 rectangle with corners …", "a pink circle of radius 0.5 centered at (-1, 1)"."""
    found = list(_SHAPE.finditer(text))
    out = []
    for k, m in enumerate(found):
        region = text[m.end(): found[k + 1].start() if k + 1 < len(found) else len(text)]
        noun = m.group("noun").lower()
        spec: dict | None = None
        if noun in ("circle", "disk", "disc"):
            r = re.search(r"\bradius\s+(?:of\s+)?(" + NUM + r")", m.group("adj") + " " + region, re.I)
            c = re.search(r"\bcent(?:er|re)(?:ed|d)?\s+(?:at\s+)?" + _PT, region, re.I)
            origin = re.search(r"\bcent(?:er|re)(?:ed|d)?\s+(?:at|on)\s+the\s+origin\b", region, re.I)
            if r is None and re.search(r"\bunit\s+$", m.group("adj"), re.I):
                r = re.match(r"()", "1")  # "a unit circle": radius 1, about the origin unless placed
                origin = origin or (None if c else True)
            if r and (c or origin) and quantity(r.group(1) or "1") > 0:
                spec = {"type": "circle", "center": [quantity(c.group(1)), quantity(c.group(2))] if c else [0.0, 0.0],
                        "radius": quantity(r.group(1) or "1")}
                if not re.search(r"\b(?:filled|shaded|solid|disk|disc)\b", m.group(0) + " " + region[:40], re.I):
                    spec["filled"] = False  # "a unit circle of radius 1": its outline
        else:
            corners = re.search(r"\b(?:corners|vertices)\s+(?:at\s+)?((?:\(\s*" + NUM + r"\s*,\s*" + NUM
                                + r"\s*\)\s*,?\s*(?:and\s+)?){3,12})", region, re.I)
            if corners:
                spec = {"vertices": [[quantity(a), quantity(b)] for a, b in re.findall(_PT, corners.group(1))]}
            elif noun == "unit square" and re.search(r"\b(?:draw|show|add|put|place|start|begin|shade|fill|with|and)\w*\s+"
                                                     r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}$", text[:m.end("adj")], re.I):
                spec = {"vertices": [[0, 0], [1, 0], [1, 1], [0, 1]]}  # drawn ("Draw the yellow unit square"), not
                # named ("Put a letter inside the unit square")
        if spec is None:
            continue
        label = re.search(r"\b(?:labell?ed|label(?:\s+it)?|with\s+(?:the\s+)?label)\s*(?:as\s+)?:?\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]",
                          region, re.I)  # ("Shade the unit square …; label it "Area = 1"")
        if label:
            spec["label"] = label.group(1)
        colour = _colour_before(m.group("adj"))
        if colour:
            spec["color"] = colour
        spec["_noun"] = noun
        out.append(spec)
    return out


_CNUM = r"[-−]?\s*(?:\d+(?:\.\d+)?\s*(?:[-−+]\s*\d*(?:\.\d+)?\s*[ij])?|\d*(?:\.\d+)?\s*[ij])(?![\w(])"


def _complex_value(text: str) -> tuple[float, float] | None:
    """"1" -> (1, 0), "−i" -> (0, -1), "3 + 2i" -> (3, 2), "2i" -> (0, 2)."""
    t = re.sub(r"\s+", "", text).replace("−", "-")
    whole = re.fullmatch(r"(-?\d+(?:\.\d+)?)(?:([-+])(\d+(?:\.\d+)?)?[ij])?", t)
    if whole:  # a real part, perhaps with an imaginary one after a sign
        im = 0.0
        if whole.group(2):
            im = float(whole.group(3) or 1) * (-1 if whole.group(2) == "-" else 1)
        return float(whole.group(1)), im
    pure = re.fullmatch(r"([-+]?)(\d+(?:\.\d+)?)?[ij]", t)
    if pure:  # "i", "−i", "2i"
        return 0.0, float(pure.group(2) or 1) * (-1 if pure.group(1) == "-" else 1)
    return None


def _complex_points(text: str) -> list[dict]:
    """On a complex plane: "a dot at 1 labeled "1"", "then to −1 labeled "−1"": each number named, where it lies."""
    out = []
    for m in re.finditer(r"\b(?:dot|point|marker)\s+at\s+(" + _CNUM + r")|\bto\s+(" + _CNUM + r")(?=\s*,?\s*(?:labell?(?:ed|ing)|"
                         r"with\s+(?:the\s+)?label))", text, re.I):
        value = _complex_value(m.group(1) or m.group(2))
        label = re.match(r"\s*,?\s*(?:labell?(?:ed|ing)|with\s+(?:the\s+)?label)\s+(?:it\s+)?[\"\u201c]([^\"\u201d]{1,12})[\"\u201d]",
                         text[m.end():m.end() + 40], re.I)
        if value is None or label is None:
            continue
        p = {"x": value[0], "y": value[1], "label": label.group(1)}
        if p not in out:
            out.append(p)
    if not out and re.search(r"\b(?:dots?|points?|markers?)\b", text, re.I):
        # "Leave a dot at each tip with its label: "3 + 2i", "−2 + 3i", …": each number where it lies
        for q in re.findall(r"[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]", text):
            value = _complex_value(q)
            if value is not None and re.search(r"[ij]", q):
                out.append({"x": value[0], "y": value[1], "label": q})
        if len(out) < 2:
            return []
    return out


def _kept_in_place(ex: Extracted, ctx: Context, i: int, on_screen: Beat | None) -> list[Beat] | None:
    """"Keep the dashed line fixed in its original position": the lines on the plane on screen (all, or the dashed
    ones when the sentence says dashed) stay where they are while a matrix moves the grid."""
    if on_screen is None:
        return None
    on_screen = next((b for b in reversed(since_clear(ctx)) if b.kind == "vector_plane" and b.params.get("segments")),
                     None)  # the beat that drew the lines (the plane's own, or one that added them)
    if on_screen is None:
        return None
    m = re.search(r"\b(?:keep|leave|hold)\b[^.]*?\b(?P<what>(?:dashed\s+|dotted\s+)?(?:lines?|span))\b[^.]*?\b(?:fixed|in place|"
                  r"where it is|where they are|still|unchanged|in (?:its|their) original (?:position|place))\b", ex.sentence, re.I)
    if not m:
        return None
    dashed = bool(re.match(r"dashed|dotted", m.group("what"), re.I))
    segs = [dict(sg, fixed=True) if (not dashed or sg.get("dashed", True)) else sg for sg in on_screen.params["segments"]]
    ctx.replace(on_screen, Beat(on_screen.kind, dict(on_screen.params, segments=segs), on_screen.strings,
                                on_screen.rule + "+kept-in-place", on_screen.source, on_screen.detail_index,
                                on_screen.keywords), i)
    ctx.stop = True
    return []


def _across(a: float, b: float, ranges) -> dict | None:
    """The segment of the line through the origin along (a, b) that crosses the plane's ranges ([x0, x1], [y0, y1])
    from edge to edge; None when it does not cross them."""
    (x0, x1), (y0, y1) = ranges
    lo, hi = -1e9, 1e9
    for d, (p0, p1) in ((a, (x0, x1)), (b, (y0, y1))):
        if d:
            t0, t1 = sorted((p0 / d, p1 / d))
            lo, hi = max(lo, t0), min(hi, t1)
        elif not p0 <= 0 <= p1:
            return None
    if hi <= lo:
        return None
    return {"start": [round(lo * a, 3), round(lo * b, 3)], "end": [round(hi * a, 3), round(hi * b, 3)]}


def _span_lines(text: str, ranges, named: dict | None = None) -> list[dict]:
    """"a dashed white line through the origin along the direction (1,1) labeled "span of v"": the whole line, drawn
    across the plane on screen (`ranges`: its [x0, x1] and [y0, y1]), as a segment between its edges; "along a"
    — a vector of the plane named in `named` (name -> tip) — along that vector."""
    out = []
    for m in re.finditer(r"\b(?P<adj>(?:[\w-]+\s+){0,3}?)line\s+(?:\w+\s+){0,2}?through\s+the\s+origin\s+along\s+"
                         r"(?:the\s+vector\s+|vector\s+)?(?P<name>[a-zA-Z]\w?)\b", text, re.I):
        tip = (named or {}).get(m.group("name"))
        if tip is None or tip == (0, 0):
            continue
        sg = _across(tip[0], tip[1], ranges)
        if sg is not None:
            out.append({**_dressed(sg, m.group("adj"), text[m.end():m.end() + 50]), "fixed": True})
    for m in re.finditer(r"\b(?P<adj>(?:[\w-]+\s+){0,3}?)line\s+(?:\w+\s+){0,2}?through\s+the\s+origin\s+(?:along|in)\s+"
                         r"(?:the\s+)?(?:direction|span)(?:\s+of)?\s+(?:\w+\s*)?" + _PT, text, re.I):
        a, b = quantity(m.group(2)), quantity(m.group(3))
        if a is None or b is None or (a == 0 and b == 0):
            continue
        sg = _across(a, b, ranges)
        if sg is not None:
            out.append({**_dressed(sg, m.group("adj"), text[m.end():m.end() + 50]), "fixed": True})  # a span stays put
    return out


def _dressed(sg: dict, words: str, after: str) -> dict:
    """A segment as its words draw it: solid unless "dashed" or "dotted", its label ('labeled "span of v"' right after
    it) and its colour (a colour word before it)."""
    if not re.search(r"\bdashed\b|\bdotted\b", words, re.I):
        sg["dashed"] = False
    label = re.match(r"[^.;\"\u201c]{0,25}?\b(?:labell?ed|with\s+(?:a\s+|the\s+)?label)\s+[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]",
                     after, re.I)
    if label:
        sg["label"] = label.group(1)
    colour = _colour_before(words)
    if colour:
        sg["color"] = colour
    return sg


def _marks(text: str) -> tuple[list[dict], list[dict]]:
    """Dots and segments given by their coordinates on a plane on screen: "a green dot at (2, 1) with a label "?"",
    "a dashed grey segment from the tip of a (1, 3) down to the point (2, 1)", "a dashed white line through the
    origin in the direction of b, extending from (-2, -1) to (6, 3), labeled "span of b"."""
    points, segments = [], []
    for m in re.finditer(r"\b(?P<adj>(?:[\w-]+\s+){0,3}?)(?:dot|point|marker)(?:\s+[A-Za-z]\w?)?\s+at\s+" + _PT, text, re.I):
        p = {"x": quantity(m.group(2)), "y": quantity(m.group(3))}
        rest = text[m.end():m.end() + 50]
        label = re.match(r"[^.;\"\u201c]{0,25}?\b(?:labell?ed|with\s+(?:a\s+|the\s+)?label|label)\s+[\"\u201c]([^\"\u201d]{1,24})[\"\u201d]",
                         rest, re.I)
        if label:
            p["label"] = label.group(1)
        colour = _colour_before(m.group("adj"))
        if colour:
            p["color"] = colour
        points.append(p)
    # "Dashed perpendicular from (2, 4) to that line; foot at (3, 1)": a drop from the point to its foot
    for m in re.finditer(r"\b(?P<adj>(?:[\w-]+\s+){0,3}?)perpendicular\s+(?:line\s+|segment\s+)?from\s+" + _PT +
                         r"[^.()]{0,40}?\bfoot\s+(?:is\s+)?at\s+" + _PT, text, re.I):
        sg = {"start": [quantity(m.group(2)), quantity(m.group(3))], "end": [quantity(m.group(4)), quantity(m.group(5))]}
        if sg["start"] != sg["end"]:
            segments.append(_dressed(sg, m.group("adj"), text[m.end():m.end() + 50]))
    for m in re.finditer(r"\b(?P<adj>(?:[\w-]+\s+){0,3}?)(?P<noun>segment|line|arrow)\b(?P<mid>[^.;]{0,90}?)\bfrom\s+(?:the\s+tip\s+of\s+\w+\s+)?"
                         + _PT + r"[^.;()]{0,40}?\bto\s+(?:the\s+point\s+)?" + _PT, text, re.I):
        sg = {"start": [quantity(m.group(4)), quantity(m.group(5))], "end": [quantity(m.group(6)), quantity(m.group(7))]}
        if sg["start"] == sg["end"] or m.group("noun").lower() == "arrow" and sg["start"] == [0, 0]:
            continue  # (an arrow from the origin is a vector)
        if m.group("noun").lower() == "arrow":
            sg["arrow"] = True  # "a red arrow from (3, 0) to (3, 4), labelled "a_perp"": a vector drawn where it acts
        segments.append(_dressed(sg, m.group("adj") + " " + m.group("mid"), text[m.end():m.end() + 50]))
    return points, segments


def _shape_named(noun: str, spec: dict) -> bool:
    noun = noun.lower()
    if noun in ("circle", "disk", "disc"):
        return spec.get("type") == "circle"
    return spec.get("type", "polygon") == "polygon" and (noun in ("polygon", "shape") or (
        noun in ("square", "unit square", "rectangle", "parallelogram") and len(spec.get("vertices") or []) == 4) or (
        noun == "triangle" and len(spec.get("vertices") or []) == 3))


def _relabel_shapes(ex: Extracted, ctx: Context, i: int) -> list[str]:
    """"The square becomes a parallelogram … labeled "area = 5"", "the circle becomes an ellipse labeled …": the text
    a shape on the plane shows once the matrix has moved it. Returns the labels placed."""
    placed = []
    for m in _BECOMES.finditer(ex.sentence):
        for b in since_clear(ctx):
            if b.kind != "vector_plane" or not b.params.get("shapes"):
                continue
            shapes = [dict(x) for x in b.params["shapes"]]
            hit = next((x for x in reversed(shapes) if _shape_named(m.group("noun"), x) and not x.get("label_after")), None)
            if hit is None:
                continue
            hit["label_after"] = m.group("label")
            ctx.replace(b, Beat(b.kind, dict(b.params, shapes=shapes), b.strings + (m.group("label"),), b.rule,
                                b.source, b.detail_index, b.keywords), i)
            placed.append(m.group("label"))
            break
        else:
            ctx.lost(i, f"the label {m.group('label')!r}: no {m.group('noun')} on the plane to put it on")
    ctx.consumed.update(placed)
    return placed


_ABOUT_VECTORS = (r"\bvectors?\b(?!\s+(?:graphics|art|images?|fonts?|drawings?|formats?)\b)|\bmatri(?:x|ces)\b|\btransformations?\b|\bbasis\b|[îĵ]|\b[ij][- ]hat\b|\beigen\w*|"
                  r"\bspan\b|\blinear maps?\b|\bcomplex\s*(?:plane|numbers?)\b|\bargand\b|\bdet(?:erminant)?\b")


def rule_vector_plane(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    on_screen = _plane_on_screen(ctx)
    names = _axis_names(s)
    if names and on_screen is not None and since_clear(ctx) and on_screen is next(
            (b for b in reversed(since_clear(ctx)) if b.kind in ("vector_plane", "plot")), None):
        # "Label the horizontal axis "Re" and the vertical axis "Im"" with the plane on screen: its axes' names
        ctx.replace(on_screen, Beat("vector_plane", dict(on_screen.params, **names), on_screen.strings +
                                    tuple(names.values()), on_screen.rule + "+axis-names", on_screen.source,
                                    on_screen.detail_index, on_screen.keywords), i)
        ctx.consumed.update(names.values())
        ctx.stop = True
        return []
    tips = re.search(r"\bat\s+the\s+(?:tips?|heads?|ends?)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:arrows?|vectors?)\b", s, re.I)
    if tips and on_screen is not None and len(ex.quoted) >= 2:
        # "show labels "A î = (2, 1)", … at the tips of the arrows": the plane's arrows keep their names; the labels
        # are written beside it (by the rules after this one) — said
        ctx.lost(i, f"the labels {', '.join(repr(q) for q in ex.quoted[:4])} are written beside the plane, not at the "
                    "tips of its arrows")
    kept = _kept_in_place(ex, ctx, i, on_screen)
    if kept is not None:
        return kept
    # a plane of vectors, not the axes of a function: the sentence or the scene speaks of vectors or matrices
    about_vectors = re.search(_ABOUT_VECTORS, s, re.I) is not None or ctx.mentions(_ABOUT_VECTORS) or any(
        b.kind == "vector_plane" for sp in ctx.history for b in sp.beats)  # ("Grid view." after a plane of vectors)
    plane_cue = about_vectors and re.search(r"\b(?:" + plane_nouns() + r")\b", ex.bare or s, re.I) is not None
    # "Original grid with a circle of radius 1 …", "apply it to the grid" in a scene about matrices: the plane's grid
    # (not tiles: "a 5 × 1 grid", "a grid of 30 cards")
    plane_cue = plane_cue or about_vectors and re.search(
        r"\b(?:original|untransformed|transformed|coordinate|background|whole|same|(?:to|on|onto)\s+the)\s+grid\b(?!\s+of\b)|"
        r"^\W*(?:the\s+)?grid\b(?!\s+of\b)", ex.bare or s, re.I) is not None
    # "a grid gets squished onto a single line to illustrate determinant zero": a singular map of the plane
    squish = about_vectors and re.search(r"\b(?:grid|plane|space)\b[^.]{0,30}?\b(?:squish|squash|collaps|flatten|crush)\w*"
                                         r"\s+(?:(?:it|them|the\s+(?:whole\s+)?(?:grid|plane|space))\s+)?(?:(?:on)?to|into)\s+(?:a\s+)?(?:single\s+)?line\b", ex.bare or s, re.I)
    plane_cue = plane_cue or bool(squish) or (about_vectors and re.search(r"\bunit square\b", ex.bare or s, re.I) is not None
                                              and re.search(r"\b(?:draw|show|add|shade)\w*\b", s, re.I) is not None)
    vectors, basis = _vectors(ex, (re.search(r"\bcomplex\s*plane\b|\bargand\b", s, re.I) is not None
                                  or ctx.mentions(r"\bcomplex\s*plane\b|\bargand\b"))
                              and (on_screen is not None or plane_cue), ctx.theme.labels,
                              plane=on_screen is not None or plane_cue)
    vectors = ctx.capped(i, vectors, 8, "vectors")
    for v in vectors:
        # ('… each with its label at the tip and its coordinates in brackets under the label: "[4, 1]", …': the
        # coordinates written with the vector's name, not boxes of their own)
        coords = next((q for q in ex.quoted if q not in ctx.consumed and re.fullmatch(
            r"\s*[\[(]\s*" + re.escape(_fmt(v["x"])) + r"\s*,\s*" + re.escape(_fmt(v["y"])) + r"\s*[\])]\s*", q)), None)
        if coords and v.get("label"):
            ctx.consumed.update([coords, v["label"]])
            v["label"] = f"{v['label']} {coords.strip()}"
    tip_to_tail = []
    for v in [v for v in vectors if v.pop("_from_tip", None)]:
        # "From its tip, draw "v_current = (3, 0)"": an arrow from the tip of the vector drawn last, not the origin
        before = [w for w in vectors if w is not v][-1:] or [w for b in since_clear(ctx) if b.kind == "vector_plane"
                                                              for w in b.params.get("vectors") or ()][-1:]
        if not before:
            continue
        tx, ty = before[0]["x"], before[0]["y"]
        vectors.remove(v)
        tip_to_tail.append({"start": [tx, ty], "end": [tx + v["x"], ty + v["y"]], "arrow": True, "dashed": False,
                            **({"label": v["label"]} if v.get("label") else {}),
                            **({"color": v["color"]} if v.get("color") else {})})
    if on_screen is not None:
        # "redraw the plane … with vector a from (0, 0) to (3, 4)" after the plane came back with it: drawn once
        shown = [v for b in since_clear(ctx) if b.kind == "vector_plane" for v in b.params.get("vectors") or ()]
        vectors = [v for v in vectors if not any(w.get("x") == v["x"] and w.get("y") == v["y"] and v.get("label") in (
            None, w.get("label")) and v.get("color") in (None, w.get("color")) for w in shown)]
    apply = _APPLY.search(s)
    relabelled = _relabel_shapes(ex, ctx, i) if on_screen is not None else []
    # shapes given by their numbers, on a plane on screen or one this sentence draws (never in a "becomes" clause)
    shapes = ctx.capped(i, _shapes(_BECOMES.sub(" ", s)), 4, "shapes on the plane") if (on_screen is not None or plane_cue) \
        else []
    for x in shapes:
        x.pop("_noun", None)
    if shapes:
        ctx.consumed.update(x["label"] for x in shapes if x.get("label"))
    points, segments = _marks(s) if on_screen is not None else ([], [])
    segments = tip_to_tail + segments
    if on_screen is not None:
        xr = on_screen.params.get("x_range") or [-5, 5]
        yr = on_screen.params.get("y_range") or [-4, 4]
        named = {str(v.get("label", "")).split("=")[0].strip(): (v["x"], v["y"]) for b in since_clear(ctx)
                 if b.kind == "vector_plane" for v in b.params.get("vectors") or () if v.get("label")}
        segments += _span_lines(s, (xr, yr), named)
    if len(points) == 1 and re.search(r"\b(?:arrow|vector)\s+from\s+the\s+origin\b(?:\s*\(\s*0\s*,\s*0\s*\))?[^.;]{0,20}?"
                                      r"\bto\s+(?:it|that\s+point|the\s+point|the\s+dot)\b", s, re.I):
        # "Plot point z at (3, 2) as a dot with label "z = 3 + 2i", and draw an arrow from the origin to it": a vector
        vectors = vectors + [points.pop()]
    if points or segments:
        ctx.consumed.update(x["label"] for x in points + segments if x.get("label"))
    if on_screen is not None and not points and re.search(r"\bcomplex|\bargand\b", ctx.about + " " + on_screen.source, re.I):
        points = _complex_points(s)  # "Place a dot at 1 labeled "1"", "to −1 labeled "−1"": numbers of the plane
        ctx.consumed.update(x["label"] for x in points if x.get("label"))
    if relabelled and not (apply or vectors or shapes):
        ctx.stop = True
        return []
    if shapes and on_screen is not None and re.search(r"\breset\w*\b|\bstart over\b|\bfresh (?:grid|plane)\b", s, re.I):
        # "Then reset and show two more shapes before the transformation: …": a fresh grid with them
        params = {k: v for k, v in on_screen.params.items() if k in ("x_range", "y_range", "basis")}
        ctx.stop = True
        return [_beat("vector_plane", "vector_plane:reset+shapes", ex, i, [x["label"] for x in shapes if x.get("label")],
                      _kw(s) + ("plane",), **params, shapes=shapes)]
    if on_screen is None and not plane_cue and not (basis and (vectors or apply)) and not (
            apply and about_vectors and _earlier_plane(ctx)):
        return []  # (a transformation of the grid an earlier scene drew brings that grid back)
    matrices = []
    if apply:
        known = _known_matrices(ex, ctx)
        name = apply.group("name") or apply.group("by") or apply.group("under")
        written = ex.matrices and len(ex.matrices[0]) == 2 and all(len(r) == 2 for r in ex.matrices[0]) and not \
            _NAMED_MATRIX.search(s)
        inverse = name and re.match(r"\s*(?:\^\s*\{\s*-\s*1\s*\}|\^\s*\(?-1\)?|\u207b\u00b9)", s[apply.end():])
        if inverse and name in known:
            # "apply A^{-1} = 1/5 [[3, -1], [-1, 2]] → the grid straightens back": the inverse of A, not A again
            undone = _inverse(known[name])
            if undone is None:
                ctx.lost(i, f"{name} has no inverse (its determinant is 0): the transformation is not drawn")
            else:
                matrices = [{"values": undone, "label": f"{name}\u207b\u00b9"}]
                # (the inverse as written beside it — "= 1/5 [[3, -1], [-1, 2]]", 'label "A^{-1}"' — is the plane's
                # label, never a matrix of its own without its factor)
                ex.matrices[:] = []
                ctx.consumed.update(q for q in ex.quoted if re.sub(r"[\s{}()]", "", q) in (f"{name}^-1", f"{name}\u207b\u00b9"))
        elif inverse:
            ctx.lost(i, f"the matrix {name} is not written anywhere: its inverse is not drawn")
        elif name and name in known:
            matrices = [{"values": known[name], "label": name}]
        elif not name and written:
            # "apply the single matrix [[0, −1], [1, 1]]" after S was applied: the matrix written here, not S again
            matrices = [{"values": ex.matrices[0], "label": "M"}]
        elif not name and len(known) >= 1 and re.search(r"\b(?:the\s+)?(?:transformation|matrix)\b|\bapplymatrix\b|again",
                                                          s, re.I):
            last = list(known)[-1]
            matrices = [{"values": known[last], "label": last}]
        elif name:
            ctx.lost(i, f"the matrix {name} is not written anywhere: the transformation is not drawn")
        elif ex.matrices and len(ex.matrices[0]) == 2 and all(len(r) == 2 for r in ex.matrices[0]) and not _NAMED_MATRIX.search(s):
            # "Apply the linear transformation [[0, -1], [1, 0]] to the whole plane": the matrix written there
            matrices = [{"values": ex.matrices[0], "label": "M"}]
    turned = _rotation(s) if on_screen is not None or plane_cue else None
    if turned is not None and not (apply and (apply.group("name") or apply.group("by") or apply.group("under"))):
        matrices = [{"values": turned, "label": "R"}]  # the rotation the sentence describes, not a matrix named before
        vectors = vectors[:1]  # "rotate z by 90° to i·z = -2 + i": the rotation draws where z lands
    if squish and not matrices:
        # (named S, with its determinant written under it: "det S = 0", never "det = 0 = [[1, 2], [0.5, 1]]")
        matrices = [{"values": [[1, 2], [0.5, 1]], "label": "S"}]
        ctx.lost(i, "the matrix that squishes the grid onto a line is not written: an example with determinant 0, "
                    "[[1, 2], [0.5, 1]], is drawn")
    eigen = bool(matrices) and re.search(r"\beigen[- ]?(?:lines?|vectors?|directions?|spaces?)\b", s, re.I) is not None
    unit_square = re.search(r"\bunit square\b|\bdeterminant\b.*\barea\b|\barea\b.*\bdeterminant\b", s, re.I) is not None or (
        bool(squish) and matrices == [{"values": [[1, 2], [0.5, 1]], "label": "S"}])
    if basis:
        # "i-hat … labeled 'i'": the basis names itself (î, ĵ); its letters are not drawn again as text
        ctx.consumed.update(q for q in ex.quoted if re.fullmatch(r"\s*[ijîĵ](?:[- ]hat)?\s*", q, re.I))
    if on_screen is None:
        before = _earlier_plane(ctx) if re.search(r"\bas before\b|\bsame\b|\bagain\b", s, re.I) or not plane_cue else {}
        names = _axis_names(s)
        ctx.consumed.update(names.values())
        params = {**before, **_ranges(s), **names, "basis": basis or before.get("basis") or None, "vectors": vectors or None, "matrices": matrices or None,
                  "eigen": eigen or None, "unit_square": (unit_square and not shapes) or None, "shapes": shapes or None}
        params = {k: v for k, v in params.items() if v is not None}
        complex_plane = re.search(r"\bcomplex\s*plane|\bargand\b", s, re.I) is not None
        if not (vectors or basis or matrices or params.get("x_range") or unit_square or complex_plane or shapes):
            params["basis"] = True  # "Show a NumberPlane": the grid with its basis, never an empty frame
        if shapes:
            ctx.stop = True  # the shapes are on the plane: not a figure of their own as well
        strings = [v["label"] for v in vectors if v.get("label")] + [m["label"] for m in matrices] + [
            x["label"] for x in shapes if x.get("label")]
        ctx.consumed.update(strings)
        return [_beat("vector_plane", "vector_plane:declared", ex, i, strings, _kw(s) + ("plane", "vector"), **params)]
    if not (vectors or matrices or shapes or points or segments or (basis and not on_screen.params.get("basis"))):
        if basis and on_screen.params.get("basis") and re.search(r"\b(?:draw|show|add|place)\w*\b", s, re.I):
            ctx.modified.add(i)  # "Draw i-hat as a green arrow … and j-hat …" with the basis drawn: it is there
        return []
    if shapes or points or segments:
        ctx.stop = True
    params = {"extend": True, "vectors": vectors or None, "matrices": matrices or None, "eigen": eigen or None,
              "unit_square": (unit_square and not shapes) or None, "shapes": shapes or None, "points": points or None,
              "segments": segments or None}
    params = {k: v for k, v in params.items() if v is not None}
    if basis and not on_screen.params.get("basis") and not on_screen.params.get("extend"):
        ctx.replace(on_screen, Beat("vector_plane", dict(on_screen.params, basis=True), on_screen.strings,
                                    on_screen.rule + "+basis", on_screen.source, on_screen.detail_index,
                                    on_screen.keywords), i)
        if not (vectors or matrices):
            ctx.modified.add(i)
            return []
    strings = [v["label"] for v in vectors if v.get("label")] + [m["label"] for m in matrices] + [
        x["label"] for x in shapes + points + segments if x.get("label")]
    ctx.consumed.update(strings)  # a vector's label is drawn at its tip, not again as text
    if matrices:
        # "Apply A = [[3, 1], [1, 2]]": the matrix is shown beside the grid, not again on its own
        ex.matrices[:] = [m for m in ex.matrices if all(m != x["values"] for x in matrices)]
    rule = "vector_plane:apply" if matrices else "vector_plane:vectors" if vectors else "vector_plane:shapes" if shapes \
        else "vector_plane:marks"
    if matrices and re.search(r"\breset\w*\b|\bstart\s+over\b|\bfresh\s+(?:grid|plane)\b|\bback\s+to\s+the\s+original\b", s, re.I):
        # "Then reset the plane and apply the single matrix …": the grid as it was first drawn (its vectors, shapes),
        # moved by this matrix alone — not by it after the ones applied before
        first = next((b for b in reversed(since_clear(ctx)) if b.kind == "vector_plane" and not b.params.get("extend")), on_screen)
        kept = [b for b in since_clear(ctx) if b.kind == "vector_plane"]
        base = {k: v for k, v in first.params.items() if k not in ("matrices", "extend", "eigen", "unit_square")}
        base["vectors"] = [v for b in reversed(kept) for v in b.params.get("vectors") or ()][:8] or None
        base = {k: v for k, v in base.items() if v is not None}
        return [_beat("clear", "clear:reset", ex, i, (), kinds=["vector_plane"]),
                _beat("vector_plane", "vector_plane:reset+apply", ex, i, strings, _kw(s),
                      **{**base, **{k: v for k, v in params.items() if k != "extend"}})]
    return [_beat("vector_plane", rule, ex, i, strings, _kw(s), **params)]
