"""comparison: 2–3 columns (title, lines, caption) split by grey dashed vertical dividers (seed002 scene 4).

A line written in backticks is drawn in monospace, in the column's colour; other lines in the body colour.
"""

from manim import DOWN, AnimationGroup, Create, DashedLine, FadeIn, Rectangle, Succession, VGroup, Wait

from ...planner.theme import colour_value
from ..style import BODY_W, formula, text
from .cards import centred
from .sequence import baseline_text

DIVIDER_GREY = "#666677"
GAP = 0.9
POSITIONS = {2: ("left", "right"), 3: ("left", "middle", "right")}


def _hex(c) -> str:
    return colour_value(str(c)) or str(c)


def _label(theme, s: str):
    """The colour the style gives a phrase contained in `s` ("Tool Use in orange", "left title orange")."""
    low, best = s.lower(), None
    for phrase, col in theme["labels"].items():
        if phrase and phrase in low and (best is None or len(phrase) > len(best[0])):
            best = (phrase, col)
    return best[1] if best else None


def _column_colour(theme, k, n, title, colors, color):
    if colors and k < len(colors) and colors[k]:
        return _hex(colors[k])
    if color:
        return _hex(color)
    where = POSITIONS[n][k]
    defaults = {"left": theme["roles"].get("bad") or "#FF7043", "middle": "#4FC3F7",
                "right": theme["roles"].get("good") or "#66BB6A"}
    # "Left title orange", "right column in green": a style phrase naming the position
    by_place = next((c for phrase, c in theme["labels"].items() if where in phrase.split()), None)
    return (title and _label(theme, title)) or by_place or defaults[where]


def build(theme: dict, *, titles: list[str], lines: list[list[str]] | None = None,
          captions: list[str] | None = None, colors: list[str] | None = None, color: str | None = None):
    n = max(2, min(3, len(titles)))
    titles = (list(titles) + [""] * n)[:n]
    col_w = (BODY_W - GAP * (n - 1)) / n
    most = max([len(c) for c in (lines or [])] + [0])
    size = 24 if most <= 6 else 22
    head_size = 32 if n == 2 else 28
    chars = max(12, int(col_w / (0.0083 * size)))  # monospace is the wider font
    columns, parts = [], {}
    for k in range(n):
        c = _column_colour(theme, k, n, titles[k], colors, color)
        items = []
        head = None
        if titles[k].strip():
            head = centred(titles[k], theme, size=head_size, color=c, weight="BOLD",
                           width_chars=max(10, int(col_w / (0.0085 * head_size))))
            items.append(head)
        body, y = [], 0.0
        column = list(lines[k]) if lines and k < len(lines) else []
        for j, line in enumerate(column):
            mono = len(line) >= 2 and line.startswith("`") and line.endswith("`")
            s = line[1:-1] if mono else line
            col_text = c if mono else theme["text"]
            leads = j + 1 < len(column) and str(column[j + 1]).lstrip().startswith(("=", "≈"))
            # "a_x = 0": maths, typeset (and the first line of a working the next lines go on from with "= …")
            typeset = None if mono else formula(s, size=size, color=col_text, leads=leads)
            if typeset is not None and typeset.width <= col_w * 1.4:
                t, h, off = typeset, typeset.height, 0.0
            elif len(s) <= chars:  # one line: on the common baseline, so the lines are evenly spaced
                t, h, off = baseline_text(s, theme, size, color=col_text, mono=mono)
            else:
                t = text(s, theme, size=size, color=col_text, mono=mono, width_chars=chars, math=True)
                h, off = t.height, 0.0
            if t.width > col_w:
                t.scale_to_fit_width(col_w)
            t.move_to([t.width / 2, y - h / 2 - off, 0])
            y -= h + (0.16 if most <= 6 else 0.1)
            body.append(t)
            parts.setdefault(s, t)
        block = VGroup(*body) if body else None
        if block is not None:
            items.append(block)
        cap = None
        text_cap = captions[k] if captions and k < len(captions) else ""
        if text_cap and text_cap.strip():
            cap = centred(text_cap, theme, size=22, color=c, width_chars=int(col_w / (0.0078 * 22)))
            items.append(cap)
            parts.setdefault(text_cap, cap)
        colm = VGroup(*items)
        if items:
            colm.arrange(DOWN, buff=0.35)
        colm.head, colm.body, colm.cap = head, body, cap
        columns.append(colm)
        if titles[k].strip():
            parts.setdefault(titles[k], colm)
    height = max([3.2] + [c.height for c in columns if len(c)])
    top = height / 2
    xs = [-BODY_W / 2 + col_w / 2 + k * (col_w + GAP) for k in range(n)]
    for x, colm in zip(xs, columns):
        if len(colm):
            colm.move_to([x, top - colm.height / 2, 0])
    dividers = VGroup(*[DashedLine([x + col_w / 2 + GAP / 2, top + 0.1, 0], [x + col_w / 2 + GAP / 2, -top - 0.1, 0],
                                   color=DIVIDER_GREY, stroke_width=2, dash_length=0.12) for x in xs[:-1]])
    # an invisible frame of the full width keeps the divider in the middle of the screen
    frame = Rectangle(width=BODY_W, height=2 * top + 0.2, stroke_opacity=0, fill_opacity=0)
    g = VGroup(frame, dividers, *columns)
    g.columns, g.dividers, g.parts = columns, dividers, parts
    return g


def paced(slot: float):
    """`enter`: the divider and the column titles, then each column's lines one at a time and its
    caption, spread across the slot (the narration usually takes the columns in turn)."""
    def enter(mob, run_time: float):
        heads = [c.head for c in mob.columns if c.head is not None]
        pieces = [p for c in mob.columns for p in [*c.body, *([c.cap] if c.cap is not None else [])]]
        total = max(run_time, (slot - 1.0) * 0.9)
        first = [Create(d) for d in mob.dividers] + [FadeIn(h, shift=0.15 * DOWN) for h in heads]
        steps = [AnimationGroup(*first, run_time=min(1.0, max(0.3, total * 0.15)))] if first else []
        per = max(0.15, (total - (steps[0].run_time if steps else 0)) / max(1, len(pieces)))
        for p in pieces:
            show = min(0.6, per)
            steps.append(FadeIn(p, shift=0.15 * DOWN, run_time=show))
            if per - show > 0.05 and p is not pieces[-1]:
                steps.append(Wait(run_time=per - show))
        return Succession(*steps, group=VGroup())  # (an empty group: nothing extra is added to the scene)
    return enter


def enter(mob, run_time: float):
    return paced(0.0)(mob, run_time)
