"""Text and colour helpers shared by the component helpers."""

from __future__ import annotations

import re
import textwrap

from manim import RIGHT, Text, VGroup, ManimColor

from ..text import as_written  # noqa: F401  (the runtime components read numbers as written through style)

FRAME_W, FRAME_H = 14.222, 8.0
SAFE_X, SAFE_Y = 6.55, 3.65            # half extents of the safe area
TITLE_TOP = SAFE_Y
BODY_TOP, BODY_BOTTOM = 2.45, -SAFE_Y  # the body area below the title
BODY_W = 2 * SAFE_X
COLUMN_W = BODY_W / 2 - 0.3   # a half of the body when a figure holds the other half
COLUMN_X = BODY_W / 4         # the centre of the right half (the left half's is -COLUMN_X)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean(s: str) -> str:
    """Drawable text: control characters and bidi overrides removed, length bounded."""
    s = _CONTROL.sub("", str(s))
    return s if len(s) <= 600 else s[:597] + "…"


def wrap(s: str, width: int) -> str:
    lines = []
    for para in clean(s).split("\n"):
        lines.extend(textwrap.wrap(para, width=width, break_long_words=True) or [""])
    if len(lines) > 8:
        lines = lines[:8]
        lines[-1] = lines[-1][: max(0, width - 1)] + "…"
    return "\n".join(lines)


def text(s: str, theme: dict, *, size: float = 30, color: str | None = None, weight: str = "NORMAL",
         mono: bool = False, width_chars: int | None = None, max_width: float | None = None, math: bool = False,
         t2c: dict | None = None):
    """`s` drawn in the theme's font — or, with `math=True` (list items, table cells, box and curve labels),
    typeset when the whole string is a short formula ("v = 15 m/s", "y = x^2", "C3H8 + 5O2 → 3CO2 + 4H2O"):
    a label that is maths reads as maths."""
    parts = re.split(r"\s{2,}·\s{2,}", str(s)) if math and not mono else []
    if len(parts) >= 2:
        # "n = 4   ·   n + 1 = 5": labels written together as one caption — each typeset on its own, a dot between,
        # never one formula of them all (the dot would read as a product)
        row = VGroup()
        for k, part in enumerate(parts):
            if k:
                row.add(Text("·", font=theme["font"], font_size=size, color=ManimColor(color or theme["text"])))
            row.add(text(part, theme, size=size, color=color, weight=weight, math=True, t2c=t2c))
        row.arrange(RIGHT, buff=0.35)
        limit = max_width or 12.5  # (the frame's width, less its margins)
        if row.width > limit:
            row.scale_to_fit_width(limit)
        row.text = str(s)  # (what the inspector and the annotation finder read)
        return row
    if math and not mono and weight == "NORMAL":
        typeset = formula(s, size=size, color=color or theme["text"], max_width=max_width)
        if typeset is not None:
            return typeset
        typeset = mixed(s, theme, size=size, color=color or theme["text"], max_width=max_width, width_chars=width_chars)
        if typeset is not None:
            return typeset
    from ..mathtext import plain_text

    s = str(s) if mono else plain_text(str(s))  # LaTeX a model wrote into text ("Area of a Circle \\pi r^2") read as symbols, not code
    body = wrap(s, width_chars) if width_chars else clean(s)
    t = Text(body or " ", font=theme["mono_font"] if mono else theme["font"], font_size=size,
             color=ManimColor(color or theme["text"]), weight=weight, line_spacing=0.9,
             t2c=_words_coloured(t2c, body or "", mono))  # (words in their own colours, read as the text is)
    if max_width and t.width > max_width:
        t.scale_to_fit_width(max_width)
    return t


def _words_coloured(t2c: dict | None, body: str, mono: bool) -> dict:
    """Manim's t2c for the words to colour as the text reads them ("sigma" as σ); a phrase the wrapping broke over two
    lines ("bell\ncurve") is coloured word by word."""
    from ..mathtext import plain_text

    out: dict = {}
    for phrase, col in (t2c or {}).items():
        said = phrase if mono else plain_text(phrase)
        if said in body:
            out[said] = col
        elif " " in said and said in re.sub(r"\s+", " ", body):
            for w in said.split():
                if len(w) > 1:
                    out[w] = col if out.get(w, col) == col else None  # ("part" of two phrases in two colours: neither)
    # a key inside another of another colour ("part" in "parallel part") would give its letters two colours, which
    # Manim refuses: the shorter one goes
    return {k: c for k, c in out.items() if c is not None and not any(
        k != k2 and k in k2 and c2 != c for k2, c2 in out.items() if c2 is not None)}


def formula(s: str, *, size: float, color, max_width: float | None = None, leads: bool = False):
    """The typeset formula for a label that is one (see `compiler.mathtext.is_formula_line`), else None.
    Manim's Text is about 1.5 times larger per point than typeset maths: the formula is set at 1.5 × size.
    `leads`: the label is the first line of a working whose next lines go on from it ("P(spam) · P(win|spam)" then
    "= 0.4 × 0.40"): typeset when it reads as maths, though it holds no relation itself."""
    from ..mathtext import is_label_formula, looks_like_math, to_tex
    from .mathsvg import math_mobject

    s = clean(s).strip()
    if not is_label_formula(s) and not (leads and looks_like_math(s)):
        return None
    tex = to_tex(s).tex
    if tex is None:
        return None  # (not read as maths: the label is text — never the word "None" typeset)
    mob = math_mobject(tex, font_size=size * 1.5, color=str(ManimColor(color)), fallback_text=s)
    if not getattr(mob, "math_ok", False):
        return None
    if max_width and mob.width > max_width:
        mob.scale_to_fit_width(max_width)
    mob.text = s  # what the inspector and the annotation finder read, as on a Text
    return mob


def mixed(s: str, theme: dict, *, size: float, color, max_width: float | None = None, width_chars: int | None = None):
    """Words and maths in one line ("Half-life: $t_{1/2} = 6$ h"): the words in the theme's font, the maths typeset
    (`compiler.mathtext.mixed_parts`), side by side; None when the label is no such mixture or would not fit."""
    from ..mathtext import mixed_parts, plain_text, to_tex
    from .mathsvg import math_mobject

    parts = mixed_parts(clean(s))
    if parts is None:
        return None
    mobs = []
    for piece, is_math in parts:
        if is_math:
            mob = math_mobject(to_tex(piece).tex, font_size=size * 1.5, color=str(ManimColor(color)), fallback_text=piece)
            if not getattr(mob, "math_ok", False):
                return None
        else:
            mob = Text(plain_text(piece), font=theme["font"], font_size=size, color=ManimColor(color))
        mobs.append(mob)
    g = VGroup(*mobs).arrange(RIGHT, buff=0.12 * size / 30)
    limit = max_width or (0.19 * size / 30 * width_chars if width_chars else None)
    if limit and g.width > limit:
        if g.width > limit / 0.7:
            return None  # (too long for one line: the words are wrapped as text instead)
        g.scale_to_fit_width(limit)
    g.text = s  # what the inspector and the annotation finder read, as on a Text
    return g


SYMBOL = re.compile(r"[A-Za-z](?:_?\d{1,2}|_(?:hat|bar|[a-z]))?|alpha|beta|gamma|delta|theta|sigma|mu|lambda|phi|[α-ωΔΣΩ][₀-₉]?")


def symbol(n: str, theme: dict, size: float = 26):
    """A label that may be a variable (`x`, `y_hat`, `w1`): typeset as the maths it is; else as `text` draws a label
    (typeset when it is a formula)."""
    if SYMBOL.fullmatch(n.strip()):
        from ..mathtext import to_tex
        from .mathsvg import math_mobject

        tex = to_tex(n.strip()).tex
        if tex:
            mob = math_mobject(tex, font_size=size * 1.4, color=str(ManimColor(theme["text"])), fallback_text=n)
            if getattr(mob, "math_ok", False):
                mob.text = n
                return mob
    return text(n, theme, size=size, color=theme["text"], math=True)


def fit(mob, max_w: float, max_h: float):
    if mob.width > max_w:
        mob.scale_to_fit_width(max_w)
    if mob.height > max_h:
        mob.scale_to_fit_height(max_h)
    return mob


def colour(theme: dict, role: str, default: str | None = None) -> ManimColor:
    return ManimColor(theme["roles"].get(role) or default or theme["text"])


def label_colour(theme: dict, label: str, default: str) -> ManimColor:
    low = label.lower()
    best = None
    for phrase, col in theme["labels"].items():
        if phrase and phrase in low and (best is None or len(phrase) > len(best[0])):
            best = (phrase, col)
    return ManimColor(best[1] if best else default)


def group(*mobs) -> VGroup:
    return VGroup(*mobs)
