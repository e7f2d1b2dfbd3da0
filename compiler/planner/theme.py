"""`animation_style` -> Theme: background, text colour, per-element and per-label colours.

Rules, not a model: colour words and hex codes are found in clauses such as "Dark blue background",
"Equations in yellow", "Blue for matrices and equations", "RNN diagram with red arrows",
"Encoder in blue, decoder in green".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..chemtext import is_element
from .knowledge import chemical_elements, highlight_styles, later_state_openers, ordinals

# Readable on dark backgrounds; names an LLM uses in styles. Longest names first when matching.
NAMED_COLOURS: dict[str, str] = {
    "white": "#FFFFFF", "off-white": "#E0E0E0", "black": "#000000", "near-black": "#0F0F1A",
    "grey": "#9E9E9E", "gray": "#9E9E9E", "dim grey": "#777788", "dim gray": "#777788", "light grey": "#C8C8C8",
    "light gray": "#C8C8C8", "dark grey": "#4A4A55", "dark gray": "#4A4A55", "silver": "#C0C0C0",
    "red": "#FC6255", "dark red": "#B03A2E", "orange": "#FF862F", "orange-red": "#FF7043", "yellow": "#FFE066",
    "gold": "#FFD54F", "green": "#66BB6A", "light green": "#A5D6A7", "dark green": "#2E7D32", "lime": "#C0E060",
    "blue": "#58C4DD", "standard blue": "#58C4DD", "light blue": "#4FC3F7", "sky blue": "#87CEEB",
    "dark blue": "#0E1A33", "navy": "#101A3A", "navy blue": "#101A3A", "deep blue": "#0B1630",
    "teal": "#5CD0B3", "cyan": "#4DD0E1", "turquoise": "#40E0D0", "purple": "#AB47BC", "violet": "#9A72AC",
    "magenta": "#E056C8", "pink": "#F48FB1", "brown": "#A1887F", "beige": "#E8D8B0",
    "slate": "#2F3B4C", "dark slate": "#1E2733", "slate gray": "#708090", "slate grey": "#708090",
    "charcoal": "#2B2B30", "midnight blue": "#101838", "royal blue": "#4169E1", "steel blue": "#4682B4",
    "baby blue": "#89CFF0", "powder blue": "#B0E0E6", "ice blue": "#B8E2F2", "electric blue": "#3FA9F5",
    "crimson": "#DC3545", "maroon": "#8E3B46", "burgundy": "#9B2335", "scarlet": "#FF4D3D", "coral": "#FF7F6B",
    "salmon": "#FA8072", "amber": "#FFBF00", "mustard": "#E1AD01", "cream": "#FFF5D6", "ivory": "#FFFFF0",
    "khaki": "#D8CC8A", "tan": "#D2B48C", "olive": "#A3A33D", "mint": "#98E0B8", "mint green": "#98E0B8",
    "emerald": "#50C878", "forest green": "#2E8B57", "sea green": "#3CB371", "lime green": "#8BD450",
    "neon green": "#5CFF5C", "indigo": "#6F5BD6", "lavender": "#C3A6E6", "lilac": "#C8A2C8",
    "hot pink": "#FF69B4", "rose": "#F06A8A", "peach": "#FFCBA4", "copper": "#C87533", "bronze": "#CD7F32",
    "aqua": "#4FE0D6", "sky": "#87CEEB", "light purple": "#C39BD3", "dark purple": "#2E1A47",
    "light red": "#FF8A80", "light orange": "#FFB74D", "light yellow": "#FFF59D", "dark orange": "#E65100",
    "dark brown": "#3B2A20", "light pink": "#F8BBD0", "dark teal": "#0F3B3A", "dark cyan": "#0B4F5C",
    "off white": "#E0E0E0",
}
DEFAULT_BACKGROUND = "#0F0F1A"
DEFAULT_TEXT = "#E0E0E0"
DEFAULT_ACCENT = "#4FC3F7"
DEFAULT_PALETTE = ("#4FC3F7", "#66BB6A", "#FFD54F", "#FF7043", "#AB47BC", "#5CD0B3")

_COLOUR_NAMES = sorted(NAMED_COLOURS, key=len, reverse=True)
# words an LLM puts before a colour ("bright cyan", "muted red", "semi-transparent blue"): part of the colour
_MODIFIERS = (r"(?:(?:very|slightly|semi-transparent|translucent|transparent|faded|bright|soft|pale|muted|deep|dim|"
              r"vivid|medium|warm|cool|rich|glowing|neon|pastel|subtle|bold|strong)\s+)*")
COLOUR_RE = re.compile(
    r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\b" + _MODIFIERS + r"(?:" + "|".join(re.escape(c) for c in _COLOUR_NAMES)
    + r")\b(?:[- ]colou?red\b|\s+colou?r\b)?", re.I)
_MOD_WORDS = re.compile(r"^(?:(?:very|slightly|semi-transparent|translucent|transparent|faded|bright|soft|pale|muted|"
                        r"deep|dim|vivid|medium|warm|cool|rich|glowing|neon|pastel|subtle|bold|strong)\s+)+", re.I)

# Element words -> roles the components read.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "titles", "heading", "headings", "headline"),
    "subtitle": ("subtitle", "subtitles", "caption", "captions"),
    "text": ("text", "body text", "labels", "label", "words"),
    "equation": ("equation", "equations", "formula", "formulas", "formulae", "math"),
    "matrix": ("matrix", "matrices", "vector", "vectors", "embeddings", "word vectors"),
    "arrow": ("arrow", "arrows", "connections", "connection", "lines", "edges", "connectors", "flow"),
    "node": ("node", "nodes", "box", "boxes", "blocks", "block", "diagram", "circles", "neurons"),
    "code": ("code", "monospace"),
    "bullets": ("items", "list", "bullet points", "bullets", "list items"),
    "good": ("good items", "advantage points", "advantages", "positive", "pros", "good"),
    "bad": ("bad items", "problems", "warnings", "negative", "cons", "bad"),
    "icon": ("icon", "icons"),
    "highlight": ("highlight", "highlights", "emphasis", "key terms", "important"),
    "axes": ("axes", "axis", "grid"),
    "plot": ("curve", "curves", "graph", "plot"),
    "point": ("point", "points", "dot", "dots"),
    "note": ("note", "notes", "annotation"),
}


@dataclass(frozen=True)
class Theme:
    background: str = DEFAULT_BACKGROUND
    text: str = DEFAULT_TEXT
    title: str = DEFAULT_ACCENT
    accent: str = DEFAULT_ACCENT
    roles: dict[str, str] = field(default_factory=dict)   # role -> colour
    labels: dict[str, str] = field(default_factory=dict)  # lowercase phrase -> colour
    palette: tuple[str, ...] = DEFAULT_PALETTE
    font: str = "DejaVu Sans"
    mono_font: str = "DejaVu Sans Mono"
    emphasis: dict[str, str] = field(default_factory=dict)  # text to highlight -> colour ("highlight "0 / 0" in red")
    quoted: frozenset[str] = frozenset()  # labels the style quotes ("'bell' in yellow"): texts, not nouns of the details
    # element symbol -> colour ("carbon letters light gray", "element colors (C gray, H blue, O red)"): the letters of
    # chemical formulas; kept from scene to scene, as the other label colours
    elements: dict[str, str] = field(default_factory=dict)
    own: frozenset[str] = frozenset()  # the label phrases this scene's own style gives (the others are kept from before)

    def role(self, name: str, default: str | None = None) -> str:
        return self.roles.get(name) or default or (self.title if name == "title" else self.text)

    def for_label(self, label: str, default: str) -> str:
        low = label.lower()
        best = None
        for phrase, col in self.labels.items():
            # (a one- or two-letter name — "b yellow" — is a whole word of the label, never a letter inside one)
            if phrase and phrase in low and (len(phrase) > 2 or re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low)) \
                    and (best is None or len(phrase) > len(best[0])):
                best = (phrase, col)
        return best[1] if best else default

    def to_json(self) -> dict:
        return {"background": self.background, "text": self.text, "title": self.title, "accent": self.accent,
                "roles": dict(sorted(self.roles.items())), "labels": dict(sorted(self.labels.items())),
                "palette": list(self.palette), "font": self.font, "mono_font": self.mono_font}


def colour_named(sentence: str) -> str | None:
    """The colour a sentence names ("… in yellow", "a light blue box"), by the theme's colour words."""
    m = COLOUR_RE.search(sentence)
    return m.group(0).strip().lower() if m else None


def colour_just_before(text: str, at: int, reach: int = 24) -> str | None:
    """The colour said right before position `at` of `text`, at most one word between ("a red cross", "a green brace",
    "a yellow dashed line"), as a value; None when there is none."""
    m = re.search(r"\b(" + COLOUR_RE.pattern + r")\s+(?:[\w-]+\s+)?$", text[max(0, at - reach):at], re.I)
    return colour_value(m.group(1)) if m else None


def colour_value(word: str) -> str | None:
    w = re.sub(r"[- ]colou?r(?:ed)?$", "", word.strip().lower()).strip()
    if w not in NAMED_COLOURS:
        w = _MOD_WORDS.sub("", w)
    if w.startswith("#"):
        if len(w) == 4:
            w = "#" + "".join(c * 2 for c in w[1:])
        return w.upper() if re.fullmatch(r"#[0-9a-f]{6}", w) else None
    return NAMED_COLOURS.get(w)


_ROLE_RES = None


@lru_cache(maxsize=2048)
def _role_of(phrase: str) -> str | None:
    """The role of the element a phrase names: its first role word ("The point where the curve…" is a
    point), the longest one at the same place ("bullet points" is a list)."""
    global _ROLE_RES
    if _ROLE_RES is None:
        _ROLE_RES = [(role, w, re.compile(r"\b" + re.escape(w) + r"\b")) for role, words in ROLE_WORDS.items()
                     for w in words]
    p = phrase.lower().strip()
    best: tuple[int, int, str] | None = None
    for role, w, rx in _ROLE_RES:
        if w in p:
            m = rx.search(p)
            if m and (best is None or (m.start(), -len(w)) < (best[0], -best[1])):
                best = (m.start(), len(w), role)
    return best[2] if best else None


_QUOTED = re.compile(r'"([^"]{1,80})"|“([^”]{1,80})”|(?<![\w])\'([^\'\n]{1,80})\'(?![\w])|‘([^’]{1,80})’')
_STOP = re.compile(r"^(?:use|using|with|and|the|a|an|show|make|all|for|in|of|its|their|each|every|any|"
                   r"then|but|while|also|keep|set|draw|color|colour)\s+", re.I)
# verbs and filler after the element in "X should be written in yellow", "X highlighted in pink", "X glows orange"
_VERBS = re.compile(r"\s+(?:should|must|will|can|may|could|would)?\s*(?:be|is|are|appears?|shown|drawn|written|"
                    r"displayed|rendered|colou?red|painted|filled|highlighted|marked|boxed|glows?|glowing|turns?|"
                    r"fades?|pulses?|flashes?|lights? up|outlined|shaded|stays?|remains?|becomes?|gets?)\b.*$", re.I)
_EMPHASIS = re.compile(r"\b(?:highlight\w*|emphasi[sz]\w*|glows?|glowing|flash\w*|pulses?|pulsing|stands? out|"
                       r"circled|boxed)\b", re.I)
_BARE_ONLY = {"function": "equation", "functions": "equation", "line": "plot", "lines": "plot", "result": "equation", "answer": "equation",
              "steps": "equation", "calculation": "equation", "numbers": "text", "values": "text",
              "question": "text", "quote": "text", "counter": "note"}  # (a counter is a note: `rule_counter`)
# A background that belongs to an element, not to the scene: "Highlighted line has a yellow background"
_ELEMENT_BACKGROUND = re.compile(
    r"\b(?:line|lines|box|boxes|panel|panels|code|label|labels|card|cards|cell|cells|node|nodes|row|rows|column|"
    r"columns|table|header|headers|bar|bars|rectangle|region|callout|bubble|badge|window|terminal|snippet|block|"
    r"blocks|element|word|words|item|items|button|highlight|highlighted|tile|tiles|pill|pills|token|tokens|"
    r"equation|formula)\b[^.;]*\b(?:has|have|with|on|in|gets?|uses?)\s+(?:a|an|the)?\s*[\w -]*$", re.I)


# the labels of one part of a picture ("value labels", "axis labels", "arrow labels"): coloured, they are those labels —
# not every text ("component labels" of a block diagram are its text)
_PART_LABELS = r"(?:value|axis|axes|tick|arrow|bar|point|dot|vector|curve|line|angle|edge|side|segment|slice|cell|column|row)"


# an element's own background, named right before the word: "row background", "highlighted cell background"
_OWNED_BACKGROUND = re.compile(r"\b(?:row|rows|cell|cells|box|boxes|label|labels|card|cards|node|nodes|header|headers|bar|bars|"
                               r"code|panel|panels|tile|tiles|token|tokens|item|items|button|bubble|callout|caption|text|"
                               r"equation|formula)\s+background\b", re.I)


def _clean_phrase(s: str) -> str:
    prev = None
    while prev != s:  # ends: s only gets shorter; it stops when a turn changes nothing
        prev = s
        s = _STOP.sub("", s).strip(" .,;:-(")
        if s.endswith(")") and s.count(")") > s.count("("):  # (a bracket of its own stays: "C(n, k)")
            s = s[:-1]
    return "" if s.lower() in ("the", "a", "an", "and", "with", "its", "their") else s.lower()


_COLOUR_BACKGROUND = re.compile(r"(" + COLOUR_RE.pattern + r")(?:\s*\(\s*(#[0-9a-f]{3,6})\s*\))?\s+(?:colou?r(?:ed)?\s+)?"
                                r"background(?!\s+(?:rectangles?|box(?:es)?|panels?|shapes?|cards?|strips?|plates?|boxes|"
                                r"highlights?|behind)\b)", re.I)


def parse_theme(style: str, base: Theme | None = None) -> tuple[Theme, list[str]]:
    """Return the theme and a list of the rules that fired (for `sbc plan --explain`).

    `base` is where the scene starts from: the previous scene's theme (or the file's settings), so a
    scene that only says "Keep the dark background" keeps it."""
    base = base or Theme()
    bg, text, title, accent = base.background, base.text, base.title, base.accent
    roles: dict[str, str] = dict(base.roles)
    # (a box named by its place — "final box green" — is one scene's picture's: the next scene's chain has its own)
    labels: dict[str, str] = {k: v for k, v in base.labels.items() if not placed_part(k)}
    emphasis: dict[str, str] = {}
    elements: dict[str, str] = dict(base.elements)
    said: list[str] = []  # the labels the style quotes
    palette = base.palette
    fired: list[str] = []
    for clause in re.split(r"(?<=[.;!])\s+|\n", style):
        clause = clause.strip()
        if not clause:
            continue
        low = clause.lower()
        # background
        # (the colour stands right before the word: the search starts near it, not at every word of a long clause)
        at = low.find("background")
        m = (_COLOUR_BACKGROUND.search(clause, max(0, at - 120)) if at >= 0 else None) \
            or re.search(r"background\s*(?:colou?r)?\s*(?:of|is|:|in|should be|set to)?\s*\(?\s*(" + COLOUR_RE.pattern + r")"
                         r"(?:\s*\(\s*(#[0-9a-f]{3,6})\s*\))?", clause, re.I)
        if m and _ELEMENT_BACKGROUND.search(clause[max(0, m.start() - 160): m.start()]):  # (the words just before it)
            m = None  # "Highlighted line has a yellow background": the element's, not the scene's
        if m and (_OWNED_BACKGROUND.search(clause[max(0, at - 60):at + 10]) or re.match(
                r"\s*(?:at\s+)?(?:opacity|alpha|transparency)\b|\s*(?:at\s+)?\d{1,3}\s*%\s*opacity\b", clause[m.end():], re.I)):
            # "Highlighted row background white opacity 0.15": a row's translucent fill, not the scene's background
            m = None
        if m is None:
            # "Background: dark (#1E1E1E)": a word for it, then its hex in brackets
            m = re.match(r"\s*(?:the\s+)?background\s*(?:colou?r)?\s*(?::|is|should be|set to)?\s*(?:[a-z]+\s+){0,2}\(\s*()"
                         r"(#[0-9a-fA-F]{6})\s*\)", clause, re.I)
        if m:
            # the background's own hex: written as its colour or beside it — not another element's later in the clause
            after = re.match(r"\s*[:(]?\s*(#[0-9a-fA-F]{6})\b", clause[m.end():])  # "background #222222"
            own = m.group(2) or (m.group(1) if m.group(1).startswith("#") else None) or (after.group(1) if after else None)
            hexes = [own] if own and len(own) == 7 else []
            value = colour_value(own) if own else colour_value(m.group(1))
            if value:
                bg = _darken_for_background(value) if not hexes else value
                fired.append(f"background {value} <- {clause!r}")
                rest = (clause[: m.start()] + " " + clause[m.end():]).strip(" ,.;")
                rest = re.sub(r"^(?:\S+\s+style\s*:)\s*", "", rest, flags=re.I)
                if not COLOUR_RE.search(rest):
                    continue
                clause, low = rest, rest.lower()  # "black background, blue grid lines, vector v in yellow"
        elif re.search(r"\bdark\b[^.;]{0,20}\bbackground\b|\bdark (?:theme|mode)\b", low) and _luminance(bg) > 100:
            bg = DEFAULT_BACKGROUND
            fired.append(f"background {bg} (dark) <- {clause!r}")
        found = element_colours(clause)
        if found:
            elements.update(found)
            fired.append("elements " + ", ".join(f"{k} -> {v}" for k, v in found.items()) + f" <- {clause!r}")
            # "same element colors as before (C light gray #DDDDDD, H blue …)": the elements' list, not a palette
            listed = re.search(r"\(([^()]*)\)", clause)
            if listed and set(element_colours("elements " + listed.group(1))) == set(found):
                clause = (clause[:listed.start()] + clause[listed.end():]).strip()
                low = clause.lower()
        # a list of colours for several items: "(red, green, yellow)"
        m = re.search(r"colou?rs?\b[^()]*\(([^)]*)\)", clause, re.I)
        if m:
            cols = [colour_value(c) for c in COLOUR_RE.findall(m.group(1))]
            cols = [c for c in cols if c]
            if len(cols) >= 2:
                palette = tuple(cols)
                fired.append(f"palette {cols} <- {clause!r}")
                continue
        # "White and yellow for text": first colour text, second title/accent
        m = re.match(r"\s*(" + COLOUR_RE.pattern + r")\s+and\s+(" + COLOUR_RE.pattern + r")\s+for\s+text", low, re.I)
        if m:
            roles["text"] = colour_value(m.group(1)) or roles.get("text", text)
            roles["title"] = colour_value(m.group(2)) or roles.get("title", title)
            fired.append(f"text, title -> {roles['text']}, {roles['title']} <- {clause!r}")
            continue
        if re.match(r"\s*(?:" + later_state_openers() + r")", low):
            # "At the end all nodes are green", "When visited, a node turns green": how things look later in the
            # scene (the steps that colour them say so), not the colour they start with
            fired.append(f"(a later state, not the starting colours) <- {clause!r}")
            continue
        subs = _sub_clauses(clause)
        subject = _subject(subs)
        heading = re.match(r"\s*([A-Za-z][\w ]{0,30}?)\s*:\s*\S", subs[0]) if len(subs) >= 2 else None
        for k, sub in enumerate(subs):
            if k == 0 and len(subs) >= 2:
                # "Triangle: a blue, b yellow, a − b purple": the heading of a list of names and their colours — the
                # first name is "a", not the triangle (but "Title: white, font size 44" is the title's colour)
                headless = re.sub(r"^\s*[A-Za-z][\w ]{0,24}:\s+(?=\S)", "", sub)
                # ("Curves: y = x yellow (#FFFF00), y = x^2 blue": the first curve and its colour, after the heading)
                if re.fullmatch(r"\s*(?:[A-Za-z]|[^:=]{1,30}=[^:]{1,40}?)\s+(?:" + COLOUR_RE.pattern + r")(?:\s*\(\s*#[0-9A-Fa-f]{3,6}\s*\))?\s*",
                                headless, re.I):
                    sub = headless
            letter = re.fullmatch(r"\s*([A-Za-z])\s+(" + COLOUR_RE.pattern + r")\s*", sub, re.I) if len(subs) >= 2 else None
            if letter and colour_value(letter.group(2)):
                # "a blue, b yellow": a vector or side named by one letter (not the article "a")
                labels[letter.group(1).lower()] = colour_value(letter.group(2))
                fired.append(f"{letter.group(1)} -> {labels[letter.group(1).lower()]} <- {sub!r}")
                continue
            owned = re.match(r"\s*((?:" + COLOUR_RE.pattern + r")(?:\s*\(\s*#[0-9A-Fa-f]{3,6}\s*\))?)\s+(?:formulas?|equations?|"
                             r"text|maths?|expressions?|lines?)\b", sub, re.I) if k and subject else None
            if owned:
                # "Mistakes at y = -3, red (#FC6255) formulas with a red strike": the mistakes' formulas, not every formula
                sub = f"{subject} {owned.group(1)}"
            outline = re.fullmatch(r"\s*(?:" + COLOUR_RE.pattern + r")(?:\s*\(\s*#[0-9A-Fa-f]{3,6}\s*\))?\s+(?:borders?|"
                                   r"outlines?|strokes?|edges?|frames?)\s*", sub, re.I) if k and heading else None
            if outline:
                # "Road map boxes: rounded rectangles …, blue (#58C4DD) border": the border of the heading's boxes
                sub = f"{heading.group(1)} with {sub.strip()}"
            if re.search(r"(?:" + COLOUR_RE.pattern + r")\s+(?:colou?r(?:ed)?\s+)?background\b|\bbackground\s+"
                         r"(?:colou?r\s+)?(?:of\s+|is\s+|in\s+)?(?:" + COLOUR_RE.pattern + ")", sub, re.I):
                continue  # the scene's (read above) or an element's, which no component draws
            if re.fullmatch(r"\s*(?:" + COLOUR_RE.pattern + r")\s+(?:text|font|writing|lettering|numbers?)[\s.]*", sub, re.I) \
                    and re.search(r"\S\s+with\s+" + re.escape(sub.strip(" .")), clause, re.I) \
                    and _unreadable(colour_value(COLOUR_RE.search(sub).group(0)) or "", bg):
                fired.append(f"(not the scene's text colour: the text of what comes before 'with') <- {clause!r}")
                continue  # "Key circles yellow with black text": the text inside the circles, not all the text
            _assign(sub, roles, labels, emphasis if _EMPHASIS.search(sub) else None, fired, said)
    roles = {k: _readable(v, bg) for k, v in roles.items()}
    # inherited label colours: the most recent ones (a long storyboard must not carry every scene's)
    labels = {k: _readable(v, bg) for k, v in list(labels.items())[-MAX_LABELS:]}
    emphasis = {k: _readable(v, bg) for k, v in emphasis.items()}
    # what a scene inherits must read on its own background too (light default text on a white background)
    text = roles.get("text", text)
    if _unreadable(text, bg):  # body text is read the most: black or white, not a faded grey
        text = "#1A1A1A" if _luminance(bg) >= 128 else "#F0F0F0"
    title = _readable(roles.get("title", title), bg)
    accent = _readable(roles.get("node", roles.get("title", accent)), bg)
    elements = {k: _readable(v, bg) for k, v in elements.items()}
    own = frozenset(k for k, v in labels.items() if base.labels.get(k) != v)
    return Theme(bg, text, title, accent, roles, labels, palette, base.font, base.mono_font, emphasis,
                 quoted=frozenset(q.lower() for q in said), elements=elements, own=own), fired


def placed_part(phrase: str) -> re.Match | None:
    """"final box", "first node", "second stage": one part of a chain named by its place (lexicon `ordinals`) —
    (place word, part noun), or None."""
    return re.fullmatch(r"(" + "|".join(ordinals()) + r") (box|node|block|step|stage|circle|rectangle)", phrase.strip())


def element_colours(clause: str) -> dict[str, str]:
    """The colours a style entry gives chemical elements: "carbon letters light gray (#DDDDDD), oxygen red" by name,
    or "element colors (C light gray #DDDDDD, H blue #58C4DD)" by symbol (symbols only where the entry speaks of
    elements: "a blue" is no element) -> {symbol: colour}."""
    names, after = chemical_elements()
    if not re.search(r"\b(?:elements?|" + "|".join(after) + r")\b", clause, re.I):
        return {}  # ("Output arrows: glucose orange, oxygen cyan": the colour of an arrow named oxygen, not of O letters)
    tail = r"\s*(?::|=|in|is)?\s*(" + COLOUR_RE.pattern + r")(?:\s*/\s*[a-z]+)?(?:\s*\(?\s*(#[0-9A-Fa-f]{6})\s*\)?)?"
    out: dict[str, str] = {}
    for m in re.finditer(r"\b(" + "|".join(names) + r")(?:\s+(?:" + "|".join(after) + r"))?" + tail, clause, re.I):
        out[names[m.group(1).lower()]] = colour_value(m.group(3) or m.group(2))
    if re.search(r"\belements?\b", clause, re.I):
        for m in re.finditer(r"(?<![\w#])([A-Z][a-z]?)(?![\w])" + tail, clause):
            if is_element(m.group(1)):
                out.setdefault(m.group(1), colour_value(m.group(3) or m.group(2)))
    return {k: v for k, v in out.items() if v}


def _subject(subs: list[str]) -> str | None:
    """The thing a clause is about when its first part names it without a colour ("Mistakes at y = -3, red formulas …":
    mistakes), else None."""
    if not subs or COLOUR_RE.search(subs[0]):
        return None
    m = re.match(r"\s*((?:[A-Za-z][\w'-]*\s+){0,2}?[A-Za-z][\w'-]*)(?=\s+(?:at|on|in|near|below|above|under|beside|to|from|"
                 r"along|size|font)\b|\s*$)", subs[0], re.I)
    if m is None or re.fullmatch(r"(?:the\s+)?(?:title|heading|background|text|font|everything|all)", m.group(1), re.I):
        return None
    return m.group(1)


def _sub_clauses(clause: str) -> list[str]:
    """"Encoder in blue, decoder in green" -> two; "Boxes in dark blue with light blue component labels" ->
    "Boxes in dark blue" and "light blue component labels" (each part names one colour)."""
    # (not inside brackets: "C(n, k) in yellow #FFD93D" is one element, "C(n, k)")
    parts = [p for p in re.split(r"(?:,\s*|;\s*)(?![^()\[\]]*[)\]])|\band\b\s+(?!(?:appears?|is|are|be|turns?|glows?|fades?|pulses?|"
                                 r"shakes?|becomes?|stays?|moves?|changes?|slides?)\b)"
                                 r"(?=(?:the\s+)?\S+(?:\s+\S+)?\s+(?:for|in|are|is)\b)", clause) if p]
    out: list[str] = []
    for p in parts:
        cols = list(COLOUR_RE.finditer(p))
        if len(cols) >= 2:
            # "X in C1 with C2 Y" / "C1 X and C2 Y": cut before each later colour's own phrase
            cuts = []
            for c in cols[1:]:
                w = re.search(r"(?:\bwith\b|\band\b|\bplus\b)\s*(?:a|an|the)?\s*$", p[: c.start()], re.I)
                if w:
                    cuts.append((w.start(), c.start()))
            if cuts:
                pos = 0
                for a, b in cuts:
                    out.append(p[pos:a])
                    pos = b
                out.append(p[pos:])
                continue
        out.append(p)
    return [x.strip() for x in out if x.strip()]


_WRITTEN_CODE = re.compile(r"\b(?:" + _MODIFIERS + r"(?:" + "|".join(re.escape(c) for c in _COLOUR_NAMES) + r"))\s*"
                           r"(?:\(\s*(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3})\s*\)|(#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b))", re.I)
_HOW_DRAWN = re.compile(r"\s+(?:with|at)\s+(?:a\s+|an\s+)?(?:fill\s+|stroke\s+)?(?:opacity|transparency|width|radius|thickness|size|length)\s*(?:of\s+)?[\d.]+%?$|"
                        r"\s+(?:with|at)\s+[\d.]+%?\s+(?:fill\s+|stroke\s+)?(?:opacity|transparency)$", re.I)


def _assign(sub: str, roles: dict, labels: dict, emphasis: dict | None, fired: list, said: list | None = None) -> None:
    sub = re.sub(r"^with\s+", "", sub.strip().rstrip(".;:!"), flags=re.I)  # "White background with black text"
    # "Triangle drawn with side a in blue": the side's colour (the figure is only where it is)
    sub = re.sub(r"^[\w ]{1,30}?\bwith\s+(?=(?:the\s+)?(?:side|leg|edge|hypotenuse|vertex|angle|arc)\s+\S+\s+(?:in|colou?red)\b)",
                 "", sub, flags=re.I)
    # "Bars blue (#58C4DD) with fill opacity 0.7": the written code is the colour; how it is filled is no element
    # ("Shaded area coral #FF6B6B": the name and its code are one colour, the code wins)
    sub = _HOW_DRAWN.sub("", _WRITTEN_CODE.sub(lambda m: m.group(1) or m.group(2), sub))
    if not sub:
        return
    if not COLOUR_RE.search(sub):
        return
    patterns = [
        # "Use red color to highlight "0 / 0"", "Use green for advantage points"
        r"^(?:use\s+|using\s+)?(?:a\s+|the\s+)?(?P<col>{C})\s+(?:colou?r\s+)?(?:to\s+(?:highlight|emphasi[sz]e|mark|show|"
        r"indicate|draw|colou?r|paint)|for)\s+(?P<el>.+)$",
        # "highlight "0 / 0" in red"
        r"^(?:highlight|emphasi[sz]e|mark|colou?r|paint)\s+(?P<el>.+?)\s+(?:in|with)\s+(?P<col>{C})\b",
        # "Side a colored blue (#58C4DD)", "hypotenuse c coloured yellow": the written code wins over the name
        r"^(?P<el>[\w -]+?|(?=[^=]*=)[\w =^²³()+*/.·√θπλμσ-]+?)\s+(?:colou?red|painted|filled)\s+(?:[a-z]+(?:\s[a-z]+)?\s*)?\(?(?P<col>#[0-9A-Fa-f]{6}|{C})\)?$",
        # "The point is a red dot", "Hydrogen atoms are white spheres"
        r"^(?P<el>.+?)\s+(?:is|are)\s+(?:a|an)\s+(?P<col>{C})\s+[\w -]+$",
        r"^(?P<el>.+?)\s+(?:is|are)\s+(?P<col>{C})\s+(?:spheres?|circles?|dots?|balls?|boxes|box|lines?|arrows?|"
        r"squares?|rectangles?|text)$",
        # "Equations in yellow", "The title should be in a bright blue color", "X highlighted in pink", "X glows orange"
        r"^(?P<el>.+?)\s+(?:(?:should|must|will)\s+(?:be\s+)?)?(?:(?:written|shown|drawn|displayed|rendered|"
        r"colou?red|painted|filled|highlighted|marked|boxed|outlined|shaded|appears?|appear|stays?|remains?)\s+)?"
        r"(?:in|are|is|as|be)\s+(?:a\s+|an\s+)?(?P<col>{C})\b",
        r"^(?P<el>.+?)\s+(?:glows?|turns?|fades?(?:\s+to)?|becomes?|changes?\s+to|pulses?)\s+(?:a\s+)?(?P<col>{C})\b",
        # "RNN diagram with red arrows (for sequential flow)"
        r"^(?P<owner>.+?)\s+with\s+(?:a\s+|an\s+)?(?P<col>{C})\s+(?P<el>[\w -]+?)(?:\s+(?:for|to|showing|on|in)\b.*)?$",
        # "White text", "green parallel arrows", "light blue component labels"
        r"^(?:use\s+)?(?P<col>{C})\s+(?P<el>[\w -]+?)(?:\s+(?:for|to|showing|on|in|at)\b.*)?$",
        # "subtitle dim grey"
        # ("y = x curve yellow", "curve y = sin θ teal": a curve named by its formula)
        r"^(?P<el>[\w -]+?|[\w ]+−[\w ]+?|(?=[^=]*=)[\w =^²³()+*/.·√θπλμσ-]+?)\s+(?P<col>{C})$",
        # "Results box: green (#83C167) stroke", "Highlight for sum 2: red fill", "Final answer: green box"
        r"^(?P<el>[\w '-]+?)\s*:\s*(?:a\s+|an\s+)?(?P<col>{C})(?:\s+(?P<noun>stroke|fill|border|outline|box|rectangle|frame|"
        r"colou?r|text|lines?|highlight))?$",
    ]
    for pat in patterns:
        m = re.search(pat.replace("{C}", COLOUR_RE.pattern), sub, re.I)
        if not m:
            continue
        col = colour_value(m.group("col"))
        if not col:
            return
        el = m.group("el")
        if m.groupdict().get("noun") in ("box", "rectangle", "frame", "outline", "highlight"):
            el = f"{el} {m.group('noun')}"  # "Final answer: green box": the final answer's box
        quoted = [next(x for x in g if x) for g in _QUOTED.findall(el)]
        for q in quoted:
            labels[q.lower()] = col
            if said is not None:
                said.append(q)
            if emphasis is not None:
                emphasis[q] = col
        unquoted = _strip_verbs(_QUOTED.sub("", el))
        for part in re.split(r"\s+and\s+|/", unquoted):
            phrase = _clean_phrase(part)
            if not phrase or phrase in ("it", "them", "this", "one"):
                continue
            if "=" in phrase:
                # "y = x curve yellow", "curve y = sin θ teal": the colour of the curve of that formula (its label),
                # not of every curve
                phrase = re.sub(r"^(?:the\s+)?(?:curve|line|graph|plot|function)\s+|\s+(?:curve|line|graph|plot|function)$",
                                "", phrase)
                labels[phrase] = col
                if emphasis is not None:
                    emphasis[phrase] = col
                continue
            role = _BARE_ONLY.get(phrase) or _role_of(phrase)
            if role == "text" and (re.match(r"\s*(?:the\s+)?" + _PART_LABELS + r"\s+labels?\b", phrase, re.I)
                                   or re.search(r"\b(?:its|their|his|her)\s+labels?\b", el, re.I)):
                # "value labels font size 28 yellow", "arrow and its label … yellow": those labels — not every text of
                # this scene and the next
                role = None
            if "noun" in m.groupdict() and re.search(r"\bfor\b", phrase):
                role = None  # "Highlight for sum 2: red fill": the highlight of those cells, not every highlight
            if phrase in _BARE_ONLY or role is None and phrase.split()[-1] in _BARE_ONLY:
                role = _BARE_ONLY.get(phrase) or _BARE_ONLY[phrase.split()[-1]]
                if phrase not in _BARE_ONLY:
                    role = None  # "softmax function": a label, not every function
            owner = m.groupdict().get("owner")
            if owner and role is None and re.fullmatch(r"(?:\w+\s+)?(?:outlines?|borders?|edges?|strokes?|frames?)",
                                                       phrase):
                role = _role_of(owner)  # "Array boxes with light blue outlines": the boxes' colour
                one = placed_part(re.sub(r"^\s*(?:the\s+)?", "", owner).split(" filled")[0].split(" with")[0].strip().lower())
                if one:
                    # "Final box filled with green border": that one box (colours.py `_ordinal_nodes`), not every box
                    labels[one.group(0)] = col
                    fired.append(f"{one.group(0)} -> {col} <- {sub!r}")
                    return
            if owner and role == "text" and not re.search(r"\b(?:background|scene|slide|screen|canvas)\b", owner, re.I):
                # "Code snippet in a dark panel with green text": the owner's text, not all text
                role = "code" if _role_of(owner) == "code" else None
                labels[_clean_phrase(owner)] = col
            if role and not quoted:
                # "Encoder in blue" has no role word: it is a label; "Equations in yellow" is a role.
                roles[role] = col
                generic = set(sum(ROLE_WORDS.values(), ())) | set(_BARE_ONLY)
                if phrase not in generic:
                    labels[_strip_role_words(phrase)] = col
            elif not role and not quoted:
                labels[phrase] = col
            if emphasis is not None and not quoted:
                emphasis[phrase] = col
            if owner and role in ("arrow", "node", "text"):
                labels[_clean_phrase(owner) + " " + role] = col
        fired.append(f"{el.strip()!s} -> {col} <- {sub!r}")
        return
    head = re.match(r"^[A-Za-z][\w '-]{0,30}:\s+(?=\S)", sub)
    if head and ":" not in sub[head.end():] and not COLOUR_RE.match(sub[head.end():]):
        # "Shaded areas: 1σ region coral #FF6B6B": a heading, then the element and its colour
        _assign(sub[head.end():], roles, labels, emphasis, fired, said)


def _strip_verbs(el: str) -> str:
    """"The title should be written" -> "The title"; "The highlighted bar" stays (an adjective)."""
    for m in _VERBS.finditer(el):
        if _clean_phrase(el[: m.start()]):
            return el[: m.start()]
    return el


MAX_LABELS = 40


@lru_cache(maxsize=4096)
def _unreadable(col: str, bg: str) -> bool:
    """Whether `col` would vanish on `bg` (what `_readable` mends)."""
    return bool(col) and _readable(col, bg) != col


def _readable(col: str, bg: str) -> str:
    """A foreground colour that would vanish on the background ("dark blue boxes" on a dark blue
    scene) is lightened (mixed with white) until it reads; light ones on a light background darkened."""
    try:
        lc, lb = _luminance(col), _luminance(bg)
    except (ValueError, IndexError):
        return col
    if abs(lc - lb) >= 70:
        return col
    r, g, b = (int(col[i : i + 2], 16) for i in (1, 3, 5))
    target = 255 if lb < 128 else 0
    if lb < 128 and max(r, g, b) > 0:
        for k in (1.5, 2, 2.5, 3, 4, 5, 6, 8):  # brighter, same hue: dark blue -> blue
            scaled = tuple(min(255, round(c * k)) for c in (r, g, b))
            hexed = "#{:02X}{:02X}{:02X}".format(*scaled)
            if abs(_luminance(hexed) - lb) >= 70:
                return hexed
    for k in range(1, 11):
        t = k / 10
        mixed = tuple(round(c + (target - c) * t) for c in (r, g, b))
        hexed = "#{:02X}{:02X}{:02X}".format(*mixed)
        if abs(_luminance(hexed) - lb) >= 70:
            return hexed
    return col


@lru_cache(maxsize=512)
def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _strip_role_words(phrase: str) -> str:
    words = [w for w in phrase.split() if w not in ("text", "labels", "label", "function", "layer", "box", "boxes",
                                                      "block", "blocks")]
    return " ".join(words) or phrase


def _darken_for_background(hex_colour: str) -> str:
    """A named colour used as a background ("blue background") is made dark enough for light text."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    if lum <= 60 or lum >= 200:  # already dark, or a deliberate light theme (white background)
        return hex_colour
    k = 40 / lum
    return "#{:02X}{:02X}{:02X}".format(int(r * k), int(g * k), int(b * k))


_STYLE_TITLE = re.compile(r"\btitle\b(?:\s+(?:text|reads|reading|says|saying|is|of|as|shows?|showing))?\s*:?\s*"
                          r"[\"\u201c]([^\"\u201d\n]{1,100})[\"\u201d]", re.I)


def style_title(style: str) -> str | None:
    """The title an `animation_style` names: 'title "Forward Pass" at top', "Title: 'Setup'"."""
    from .extract import canonical_quotes

    m = _STYLE_TITLE.search(canonical_quotes(style))
    return m.group(1).strip() if m and m.group(1).strip() else None


def styled_highlight(sentence: str, labels: dict[str, str]) -> str | None:
    """The colour of the style entry that speaks of this highlight ("Results box: green stroke", "Highlight for sum 2:
    red fill", "Reminder box: gray border"): one whose own words the sentence says ("sum 2", "reminder", "final
    results"), or one that names only the mark ("Box: green"); the one saying the most wins."""
    kinds = highlight_styles()
    marks, things = re.compile(rf"\b(?:{kinds['marks']})\b", re.I), re.compile(rf"\b(?:{kinds['things']})\b", re.I)
    low = " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))
    if not re.search(rf"\b(?:{kinds['marks']})", low):  # (also "boxed", "highlighting")
        return None
    found = []
    for phrase, col in labels.items():
        own = [w for w in re.findall(r"[a-z0-9]+", marks.sub(" ", phrase.lower()))
               if w not in ("for", "the", "of", "a", "an", "with")]
        if not own:
            if marks.search(phrase):
                found.append((0, col))  # "Box: green": every box
            continue
        if all(things.fullmatch(w) for w in own):
            found.append((0.5, col))  # "Final box: green" (kept as "final"): the box a scene puts round its result
            continue
        said = re.search(r"\b" + r"\s+".join(map(re.escape, own)) + r"\b", low)
        if said and not marks.search(phrase) and not marks.match(low, said.end()) and not re.match(
                r"(?:\s+\w+){0,4}?\s+(?:" + kinds["marks"] + r")\b", low[said.end():]):
            said = None  # "Bottom text: white" is not the colour of "At the bottom, show … in a small box"
        if said:
            found.append((len(own) + 1, col))  # "Highlight for sum 2" and "the cell with sum 2"
        elif things.search(phrase) and all(w in low.split() or things.fullmatch(w) for w in own) and things.search(low):
            found.append((1, col))  # "Results box" and "the final results mu = 3.5 …"
    return max(found, key=lambda f: f[0])[1] if found else None
