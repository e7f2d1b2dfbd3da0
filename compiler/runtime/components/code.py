"""code: monospace lines with syntax colours (pygments via Manim's Code)."""

from manim import Code, FadeIn, UP, LEFT, VGroup

from ..style import clean, text


def build(theme: dict, *, code: str, language: str = "python", color: str | None = None, title: str | None = None):
    source = "\n".join(clean(line)[:90] for line in clean(code).split("\n")[:18])
    try:
        mob = Code(code_string=source, language=language, formatter_style="monokai", add_line_numbers=False,
                   background="rectangle",
                   background_config={"fill_color": "#1b1b2b", "stroke_color": color or "#555566", "stroke_width": 1.5},
                   paragraph_config={"font": theme["mono_font"], "font_size": 26})
    except Exception:  # unknown language / lexer failure: plain monospace
        mob = text(source, theme, size=26, mono=True, color=color)
    rows = list(getattr(mob, "code_lines", []))
    written = source.split("\n")
    mob.parts = {}
    if len(rows) == len(written):
        # "Highlight the line `mid = (low + high) // 2`", "the fourth line": one line of the code
        mob.lines = rows
        for line, row in zip(written, rows):
            if line.strip() and len(row):
                mob.parts.setdefault(line.strip(), row)
    mob.parts[code] = mob
    if not title:
        return mob
    head = text(title, theme, size=24, color=theme.get("accent"), mono=True)
    head.next_to(mob, UP, buff=0.15).align_to(mob, LEFT)
    group = VGroup(head, mob)  # the block with its name above it ("search(node, x)")
    group.parts = dict(mob.parts, **{title: head})
    if hasattr(mob, "lines"):
        group.lines = mob.lines
    return group


def enter(mob, run_time: float):
    return FadeIn(mob, shift=0.2 * UP, run_time=run_time)
