"""Pictures a scene's style asks for beyond colours and sizes, checked after the rules ran (a compose step).

The style often asks for something to be drawn, not only coloured: "Density curve: blue, with area under the curve
filled blue at opacity 0.3", "Shaded region green with opacity 0.5". When no beat of the scene draws such a thing
the request is said (SB307) — the style is read, never dropped without a word. Frames (`frames.py`), pieces of
formulas in colour and dimmed lines (`colours.py`) are drawn; what is only checked lives here.
"""

from __future__ import annotations

import re

from .beats import Beat
from .extract import mask_shown
from .knowledge import asked_marks

# what only writes (its words are what it draws); code's words are code, not marks asked for
_ONLY_WRITES = frozenset({"text", "equation", "steps", "bullets", "table", "matrix", "title"})

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


# "draw a vertical tick and a horizontal brace", "a vertical line from y = 20 m to y = 0 with a dot falling along it"
_LINE_ASKED = re.compile(r"\b(?:vertical|horizontal|dashed|dotted)\s+(?:\w+\s+)?(?:tick|line|segment)s?\b|\b(?:a|small|short)\s+"
                         r"ticks?\b|\btick\s+marks?\b|"
                         # "a horizontal string as a white line from (-4, 0) to (4, 0)": a line between two points
                         r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?line\s+from\s+\(", re.I)
_LINE_DRAWN = ("markers", '"line"', "dashed", "dotted", "segments", '"lines"', "guide", "edges", "arrow", "rope",
               "rod", "string", "incline", "ramp", "ground")


def _draws_a_line(b: Beat, asked: str) -> bool:
    if b.kind == "plot":
        # a marker, a segment that is no brace, or — for a plain line ("Plot P_0(x) = 1 as a horizontal line") — a curve
        segs = [x for x in b.params.get("segments") or () if isinstance(x, dict) and x.get("style") != "brace"]
        plain = not re.search(r"dash|dott|tick", asked, re.I)
        return bool(b.params.get("markers") or segs or plain and b.params.get("curves"))
    if b.kind in _ONLY_WRITES | {"code", "cards"}:
        return False  # (a derivation's "lines" are lines of writing)
    text = str(b.params).lower().replace("'", '"')
    return b.kind in ("number_line", "geometry", "vector_plane", "circuit", "flow", "network", "message_chart") or any(
        w in text for w in _LINE_DRAWN) and not (b.kind == "physics" and "ground" in text and not any(
            w in text for w in _LINE_DRAWN if w != "ground"))


def unasked_lines(beats: list[Beat], details: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """A line or tick a sentence asks for ("draw a vertical tick and a horizontal brace") when the beats it drew hold
    no line of any kind: said (field, sentence, what), never left for the viewer to notice."""
    lost = []
    for i, sentence in enumerate(details):
        m = _LINE_ASKED.search(sentence)
        own = [b for b in beats if b.detail_index == i and b.kind not in ("title", "highlight", "clear", "move")]
        if m and own and not any(_draws_a_line(b, m.group(0)) for b in own):
            what = re.sub(r"^(?:an?|the)\s+|\s+from\s+\($", "", m.group(0).strip(), flags=re.I)  # "white line"
            lost.append(("animation_details", sentence.strip(), f"the {what} it asks for is not drawn"))
    return lost



def unasked_marks(beats: list[Beat], details: tuple[str, ...], changed: frozenset[int] = frozenset()) -> list[tuple[str, str, str]]:
    """An arrow, a brace, a star, a strike-through or a rectangle round something that a sentence asks for when all
    the sentence drew is writing ("Yellow arrow: "Where is …?"", "Add a brace along the x-axis … labelled "h""): said
    (field, sentence, what) — the words are on screen, the mark is not. A sentence that `changed` a picture drawn
    before ("Above cart A write "m_A = 2 kg" and an arrow pointing right labelled "u_A"": the arrow is the picture's)
    is not one."""
    lost = []
    marks = {name: re.compile(p, re.I) for name, p in asked_marks().items()}
    for i, sentence in enumerate(details):
        own = [b for b in beats if b.detail_index == i and b.kind not in ("clear",)]
        if not own or not all(b.kind in _ONLY_WRITES for b in own):
            continue
        # (nor 'in single quotes', nor TeX's own marks: "= 0 \checkmark" is typeset)
        bare = re.sub(r"\\[A-Za-z]+|(?<!\w)'[^'\n]{1,200}'(?!\w)", " ", mask_shown(sentence))
        written = " ".join(str(b.params) for b in own)
        for name, pattern in marks.items():
            if name == "check mark" and re.search(r"[✓✔✅]|\\checkmark", written):
                continue  # ("'25 = 25' with a check mark": the mark is written with the line)
            if name == "arrow" and i in changed:
                continue  # (the arrow went on the picture the sentence changed: a force, a velocity)
            if pattern.search(bare):
                lost.append(("animation_details", sentence.strip(), f"the {name} it asks for is not drawn (only its "
                                                                      "words are)"))
                break
    return lost


# "Method 1 and 2 stacked on the right half, separated by a thin grey line", "Column headings font size 30, underlined"
_STYLE_MARKS = (
    (re.compile(r"\bseparated\s+by\s+(?:an?\s+)?(?:(?:thin|thick|faint|dashed|vertical|horizontal|\w+-?coloured|"
                r"grey|gray|white|black)\s+){0,3}(?:line|rule|divider)\b|\b(?:separator|divider)\s+line\b", re.I),
     "the separating line the style asks for is not drawn", ("divider", "separator")),
    (re.compile(r"\bunderlined\b", re.I), "the underline the style asks for is not drawn", ("underline",)),
)


def unasked_style_marks(beats: list[Beat], style: str) -> list[tuple[str, str, str]]:
    """A separating line or an underline the style asks for that no beat draws (a comparison's divider is one):
    said (field, clause, what), never dropped without a word."""
    drawn = " ".join(f"{b.kind} {b.rule} {b.params}" for b in beats).lower()
    lost = []
    for clause in re.split(r"(?<=[.;!])\s+|\n", style):
        for pattern, what, words in _STYLE_MARKS:
            if pattern.search(clause) and not any(w in drawn for w in words):
                lost.append(("animation_style", clause.strip(), what))
    return lost
