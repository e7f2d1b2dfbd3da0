"""`animation_style` -> Theme: background, text colour, per-element and per-label colours.

Rules, not a model: colour words and hex codes are found in clauses such as "Dark blue background",
"Equations in yellow", "Blue for matrices and equations", "RNN diagram with red arrows",
"Encoder in blue, decoder in green".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
}
DEFAULT_BACKGROUND = "#0F0F1A"
DEFAULT_TEXT = "#E0E0E0"
DEFAULT_ACCENT = "#4FC3F7"
DEFAULT_PALETTE = ("#4FC3F7", "#66BB6A", "#FFD54F", "#FF7043", "#AB47BC", "#5CD0B3")

_COLOUR_NAMES = sorted(NAMED_COLOURS, key=len, reverse=True)
_MODIFIERS = r"(?:bright|soft|pale|muted|deep|dim|light|dark|standard|vivid|neon)"
COLOUR_RE = re.compile(
    r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\b(?:" + "|".join(re.escape(c) for c in _COLOUR_NAMES) + r")\b", re.I)

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
    "bullets": ("items", "list", "points", "bullet points", "bullets"),
    "good": ("good items", "advantage points", "advantages", "positive", "pros", "good"),
    "bad": ("bad items", "problems", "warnings", "negative", "cons", "bad"),
    "icon": ("icon", "icons"),
    "highlight": ("highlight", "highlights", "emphasis", "key terms", "important"),
    "axes": ("axes", "axis", "grid"),
    "plot": ("curve", "curves", "graph", "plot", "line"),
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

    def role(self, name: str, default: str | None = None) -> str:
        return self.roles.get(name) or default or (self.title if name == "title" else self.text)

    def for_label(self, label: str, default: str) -> str:
        low = label.lower()
        best = None
        for phrase, col in self.labels.items():
            if phrase and phrase in low and (best is None or len(phrase) > len(best[0])):
                best = (phrase, col)
        return best[1] if best else default

    def to_json(self) -> dict:
        return {"background": self.background, "text": self.text, "title": self.title, "accent": self.accent,
                "roles": dict(sorted(self.roles.items())), "labels": dict(sorted(self.labels.items())),
                "palette": list(self.palette), "font": self.font, "mono_font": self.mono_font}


def colour_value(word: str) -> str | None:
    w = word.strip().lower()
    if w.startswith("#"):
        if len(w) == 4:
            w = "#" + "".join(c * 2 for c in w[1:])
        return w.upper() if re.fullmatch(r"#[0-9a-f]{6}", w) else None
    return NAMED_COLOURS.get(w)


def _role_of(phrase: str) -> str | None:
    p = phrase.lower().strip()
    best: tuple[int, str] | None = None
    for role, words in ROLE_WORDS.items():
        for w in words:
            if re.search(r"\b" + re.escape(w) + r"\b", p) and (best is None or len(w) > best[0]):
                best = (len(w), role)
    return best[1] if best else None


_QUOTED = re.compile(r'"([^"]{1,80})"|“([^”]{1,80})”')
_STOP = re.compile(r"^(?:use|using|with|and|the|a|an|show|make|all|for|in|of)\s+", re.I)


def _clean_phrase(s: str) -> str:
    s = s.strip(" .,;:-()")
    prev = None
    while prev != s:
        prev = s
        s = _STOP.sub("", s).strip()
    return s.lower()


def parse_theme(style: str, base: Theme | None = None) -> tuple[Theme, list[str]]:
    """Return the theme and a list of the rules that fired (for `sbc plan --explain`)."""
    base = base or Theme()
    bg, text, title, accent = base.background, base.text, base.title, base.accent
    roles: dict[str, str] = dict(base.roles)
    labels: dict[str, str] = dict(base.labels)
    palette = base.palette
    fired: list[str] = []
    for clause in re.split(r"(?<=[.;!])\s+|\n", style):
        clause = clause.strip()
        if not clause:
            continue
        low = clause.lower()
        # background
        m = re.search(r"(" + COLOUR_RE.pattern + r")(?:\s*\(\s*(#[0-9a-f]{3,6})\s*\))?\s+background", clause, re.I) \
            or re.search(r"background\s*(?:colou?r)?\s*(?:of|is|:|in)?\s*(" + COLOUR_RE.pattern + r")", clause, re.I)
        if m:
            hexes = re.findall(r"#[0-9a-fA-F]{6}\b", clause)
            value = colour_value(hexes[0]) if hexes else colour_value(m.group(1))
            if value:
                bg = _darken_for_background(value) if not hexes else value
                fired.append(f"background {value} <- {clause!r}")
            continue
        # a list of colours for several items: "(red, green, yellow)"
        m = re.search(r"colou?rs?\b[^()]*\(([^)]*)\)", clause, re.I)
        if m:
            cols = [colour_value(c) for c in COLOUR_RE.findall(m.group(1))]
            cols = [c for c in cols if c]
            if len(cols) >= 2:
                palette = tuple(cols)
                fired.append(f"palette {cols} <- {clause!r}")
                continue
        for sub in re.split(r",\s*|\band\b\s+(?=\S+\s+(?:for|in)\b)", clause):
            _assign(sub, roles, labels, fired)
        # "White and yellow for text": first colour text, second title/accent
        m = re.match(r"\s*(" + COLOUR_RE.pattern + r")\s+and\s+(" + COLOUR_RE.pattern + r")\s+for\s+text", low, re.I)
        if m:
            roles["text"] = colour_value(m.group(1)) or roles.get("text", text)
            roles["title"] = colour_value(m.group(2)) or roles.get("title", title)
    text = roles.get("text", text)
    title = roles.get("title", title)
    accent = roles.get("node", roles.get("title", accent))
    return Theme(bg, text, title, accent, roles, labels, palette, base.font, base.mono_font), fired


def _assign(sub: str, roles: dict, labels: dict, fired: list) -> None:
    sub = sub.strip().rstrip(".;:!")
    if not sub:
        return
    cols = COLOUR_RE.findall(sub)
    if not cols:
        return
    patterns = [
        # "Equations in yellow", "Encoder in blue", "Title in light blue"
        r"^(?P<el>.+?)\s+(?:in|are|is|colou?red|shown in)\s+(?P<col>{C})\b",
        # "Blue for matrices and equations", "Use green for advantage points"
        r"(?P<col>{C})\s+for\s+(?P<el>.+)$",
        # "RNN diagram with red arrows"
        r"^(?P<owner>.+?)\s+with\s+(?P<col>{C})\s+(?P<el>[\w -]+)$",
        # "RNN diagram with red arrows for sequential flow"
        r"^(?P<owner>.+?)\s+with\s+(?P<col>{C})\s+(?P<el>[\w -]+?)\s+(?:for|to|showing)\b",
        # "White text", "green parallel arrows"
        r"^(?:use\s+)?(?P<col>{C})\s+(?P<el>[\w -]+)$",
        # "subtitle dim grey"
        r"^(?P<el>[\w -]+?)\s+(?P<col>{C})$",
    ]
    for pat in patterns:
        m = re.search(pat.replace("{C}", COLOUR_RE.pattern), sub, re.I)
        if not m:
            continue
        col = colour_value(m.group("col"))
        if not col:
            return
        el = m.group("el")
        quoted = [a or b for a, b in _QUOTED.findall(el)]
        for q in quoted:
            labels[q.lower()] = col
        for part in re.split(r"\s+and\s+|/", _QUOTED.sub("", el)):
            phrase = _clean_phrase(part)
            if not phrase:
                continue
            role = _role_of(phrase)
            owner = m.groupdict().get("owner")
            if role and not quoted:
                # "Encoder in blue" has no role word: it is a label; "Equations in yellow" is a role.
                roles[role] = col
                generic = set(sum(ROLE_WORDS.values(), ()))
                if phrase not in generic:
                    labels[_strip_role_words(phrase)] = col
            elif not role:
                labels[phrase] = col
            if owner and role in ("arrow", "node"):
                labels[_clean_phrase(owner) + " " + role] = col
        fired.append(f"{el.strip()!s} -> {col} <- {sub!r}")
        return


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
