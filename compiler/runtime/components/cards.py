"""cards: 2–4 outlined rounded cards side by side, a bold coloured figure over a caption (seed002 "Results")."""

from manim import DOWN, RIGHT, UP, FadeIn, ManimColor, RoundedRectangle, Succession, VGroup

from ...mathtext import is_label_formula
from ...planner.theme import DEFAULT_PALETTE, colour_value
from ..style import BODY_W, label_colour, text, wrap

CARD_COLOURS = ("#66BB6A", "#FFD54F", "#4FC3F7", "#AB47BC")  # green, gold, light blue, purple
GAP = 0.45


def _hex(c) -> str:
    return colour_value(str(c)) or str(c)


def centred(s: str, theme: dict, *, width_chars: int, math: bool = False, max_width: float | None = None, **kw):
    """Wrapped text with every line centred (a multi-line `Text` aligns its lines left); with `math`, each written
    line ("V_C(t) = V0 (1 - e^(-t/RC))", "τ = RC") typeset when it is a formula."""
    if math:
        # (a line written as a formula is one line, typeset whole — never wrapped into pieces of maths)
        lines = [ln for part in str(s).split("\n") for ln in
                 ([part] if is_label_formula(part) else wrap(part, width_chars).split("\n"))]
    else:
        lines = wrap(s, width_chars).split("\n")
    if len(lines) == 1:
        return text(lines[0], theme, math=math, max_width=max_width, **kw)
    g = VGroup(*[text(line, theme, math=math, max_width=max_width, **kw) for line in lines]).arrange(DOWN, buff=0.12)
    g.text = s
    return g


def build(theme: dict, *, figures: list[str], captions: list[str] | None = None, colors: list[str] | None = None,
          color: str | None = None):
    n = len(figures)
    palette = CARD_COLOURS if tuple(theme.get("palette", ())) == DEFAULT_PALETTE else tuple(theme["palette"])
    max_w = min(4.0, (BODY_W - GAP * (n - 1)) / n)
    fig_size = 34 if n <= 3 else 30
    cap_size = 22 if n <= 2 else 20
    cap_chars = int((max_w - 0.5) / (0.0078 * cap_size))  # DejaVu Sans: ~0.0077 units per point per character
    contents, cols = [], []
    for k, fig in enumerate(figures):
        c = _hex(colors[k]) if colors and k < len(colors) and colors[k] else (
            _hex(color) if color else str(label_colour(theme, fig, palette[k % len(palette)])))
        cols.append(c)
        f = centred(fig, theme, size=fig_size, color=c, weight="BOLD", width_chars=14)
        if f.width > max_w - 0.5:
            f.scale_to_fit_width(max_w - 0.5)
        parts = [f]
        cap = captions[k] if captions and k < len(captions) else ""
        if cap and cap.strip():
            parts.append(centred(cap, theme, size=cap_size, color=theme["text"], width_chars=cap_chars, math=True,
                                 max_width=max_w - 0.5))
        contents.append(VGroup(*parts).arrange(DOWN, buff=0.3))
    w = min(max_w, max(3.2 if n <= 3 else 2.6, max(c.width for c in contents) + 0.6))
    h = max(2.2, max(c.height for c in contents) + 0.8)
    cards, parts = [], {}
    for k, (body, c) in enumerate(zip(contents, cols)):
        frame = RoundedRectangle(corner_radius=0.22, width=w, height=h, color=ManimColor(c), stroke_width=3)
        body.move_to(frame)
        card = VGroup(frame, body)
        cards.append(card)
        parts.setdefault(figures[k], card)
        if captions and k < len(captions) and captions[k]:
            parts.setdefault(captions[k], card)
    g = VGroup(*cards).arrange(RIGHT, buff=GAP)
    g.cards, g.parts = cards, parts
    return g


def enter(mob, run_time: float):
    per = max(0.4, min(0.7, run_time / len(mob.cards)))
    return Succession(*[FadeIn(c, shift=0.3 * UP, run_time=per) for c in mob.cards])
