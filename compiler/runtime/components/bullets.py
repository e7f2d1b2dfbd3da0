"""bullets: a list revealed item by item (plain, numbered, ✓/✗)."""

from manim import DOWN, LEFT, ORIGIN, RIGHT, UP, FadeIn, Succession, VGroup

from ..style import colour, text

MARKERS = {"dot": "•", "check": "✓", "cross": "✗"}
ROLES = {"check": "good", "cross": "bad"}  # ✓ items in the theme's "good" colour, ✗ items in its "bad" one


def build(theme: dict, *, items: list[str], title: str | None = None, style: str = "dot",
          color: str | None = None, tints: dict | None = None):
    """`tints`: words of the items in their own colours ("'Demand' in blue")."""
    item_colour = color or colour(theme, ROLES.get(style, "bullets"), theme["text"])
    size = 34 if len(items) <= 4 else 30 if len(items) <= 6 else 26
    rows = []
    for n, item in enumerate(items, 1):
        marker = f"{n}." if style == "numbered" else MARKERS.get(style, "•")
        m = text(marker, theme, size=size, color=colour(theme, "title") if style == "numbered" else item_colour)
        t = text(item, theme, size=size, color=item_colour, width_chars=52, math=True, t2c=tints)
        rows.append(VGroup(m, t).arrange(RIGHT, buff=0.25, aligned_edge=UP if "\n" in t.text else ORIGIN))
        rows[-1].sbc_text = item
    body = VGroup(*rows).arrange(DOWN, buff=0.22, aligned_edge=LEFT)
    parts = {r.sbc_text: r for r in rows}
    if title:
        head = text(title, theme, size=size + 4, color=colour(theme, "title", theme["title"]), weight="BOLD")
        g = VGroup(head, body).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        parts[title] = head
    else:
        g = VGroup(body)
    g.parts = parts
    g.rows = rows
    g.head = head if title else None
    return g


def enter(mob, run_time: float):
    steps = ([FadeIn(mob.head, shift=0.2 * RIGHT)] if mob.head is not None else []) + [
        FadeIn(r, shift=0.3 * RIGHT) for r in mob.rows]
    return Succession(*steps, run_time=max(run_time, 0.45 * len(steps)))
