"""transform: morph an element on screen into a new one — a word into its vector, a formula into another.

- The target is a whole element (a formula, a text, the title): it morphs in place into the new one,
  which takes its place in the layout (`scene.body`, `scene.named`, `scene.title_mob`).
- The target is part of an element (a word inside the title, a token, a table cell): a copy of it
  morphs into the new element, which is placed under what is on screen like any new element.
- Nothing on screen shows the target: it is written first, then morphs.
"""

import re
import unicodedata

from manim import FadeIn, ReplacementTransform, Text, Transform, TransformFromCopy, VGroup

from ..mathsvg import math_mobject
from ..style import BODY_W, SAFE_Y, as_written, colour, fit, text as make_text
from . import matrix
from .move import body_area, owner_of, restack_animations, stack_ys


def _word_glyphs(piece, word: str):
    """The glyphs of `word` inside a longer Text (Text draws one glyph per non-space character)."""
    texts = [piece] if isinstance(piece, Text) else [m for m in piece.get_family() if isinstance(m, Text)]
    for t in texts:
        s = getattr(t, "original_text", None) or getattr(t, "text", "")
        if not s or s.strip().lower() == word.strip().lower():
            continue
        m = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", s) or re.search(
            r"(?<!\w)" + re.escape(word) + r"(?!\w)", s, re.I)
        glyphs = "".join(s.split())
        if m is None or len(t.submobjects) != len(glyphs):  # ligatures: give up on the word
            continue
        k = len("".join(s[: m.start()].split()))
        n = len("".join(word.split()))
        return VGroup(*t.submobjects[k : k + n])
    return None


def _same_box(a, b) -> bool:
    return abs(a.width - b.width) < 0.05 * b.width + 0.02 and abs(a.height - b.height) < 0.05 * b.height + 0.02


def locate(scene, target: str | None):
    """(owner, piece, whole) for what shows `target` on screen, None if nothing does: `owner` is the
    top-level element, `piece` what shows the target in it (the glyphs of a word inside a longer
    text), `whole` whether the target is the entire element (a formula alone in its group)."""
    if not target:
        m = scene.body[-1] if scene.body else scene.title_mob
        return (m, m, True) if m is not None else None
    t = target.strip().lower()
    for strict in (True, False):
        for strings, mob in reversed(scene.named):
            if not any(t == s.lower() if strict else (t in s.lower() or s.lower() in t) for s in strings if s):
                continue
            owner = owner_of(scene, mob) or mob
            parts = getattr(mob, "parts", None) if isinstance(getattr(mob, "parts", None), dict) else {}
            exact = next((p for k, p in parts.items() if k.lower() == t), None)
            if exact is not None:
                return owner, exact, exact is owner or _same_box(exact, owner)
            if strict:
                return owner, mob, True
            inside = next((p for k, p in parts.items() if t in k.lower()), mob)
            return owner, (_word_glyphs(inside, target) or inside), False
    return None


def _own_text(piece, target: str | None):
    """The Text inside `piece` that reads `target` (a box's label), or None."""
    def norm(x: str) -> str:  # as drawn: "CO₂" reads "CO2", "→" reads "->"
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", x or "")).replace("\u2192", "->").lower()

    want = norm(target or "")
    return next((m for m in piece.get_family() if isinstance(m, Text) and norm(getattr(m, "text", "")) == want), None)


def build_new(theme: dict, *, text_: str | None = None, formula=None, values=None, color: str | None = None):
    col = color or colour(theme, "equation" if formula else "matrix" if values else "text", theme["text"])
    if values:
        g = matrix.grid(theme, [values], color or colour(theme, "matrix", theme["accent"]), size=34)
        return g, [as_written(v) for v in values]
    if formula:
        tex, original = formula
        m = (math_mobject(tex, font_size=56, color=str(col), fallback_text=original) if tex
             else make_text(original, theme, size=34, color=col, width_chars=40))
        return m, [original]
    return make_text(text_ or " ", theme, size=36, color=col, width_chars=40), [text_ or ""]


def play(scene, target: str | None, slot: float, *, text: str | None = None, formula=None, values=None,
         color: str | None = None) -> None:
    new, strings = build_new(scene.theme, text_=text, formula=formula, values=values, color=color)
    found = locate(scene, target)
    if found is None and target:
        # not on screen: write the target first, then morph it
        from . import text as text_component

        first = text_component.build(scene.theme, text=target)
        scene.show(first, text_component.enter, slot=min(slot * 0.3, 1.5), strings=(target,))
        found = (first, first, True)
    if found is None:
        return
    owner, piece, whole = found
    rt = scene.run_time(slot, 1.5)
    label = None if whole or not text else _own_text(piece, target)
    if whole:
        _replace(scene, owner, new, strings, rt)
    elif label is not None:
        # 'Transform the last box "? g CO2" into "132 g CO2"': the words inside that box change, in place
        col = label.submobjects[0].get_fill_color() if label.submobjects else scene.theme["text"]
        again = make_text(text, scene.theme, size=label.font_size, color=col)
        again.scale_to_fit_height(label.height).move_to(label.get_center())
        if again.width > 1.15 * label.width:
            again.scale(1.15 * label.width / again.width)
        scene.play(Transform(label, again), run_time=rt)
        label.text = text
        scene.named.append((tuple(strings), owner))
    else:
        enter = (lambda mob, r: FadeIn(mob, run_time=r)) if scene.inspector is not None else (
            lambda mob, r: TransformFromCopy(piece, mob, run_time=max(r, 1.0)))
        scene.show(new, enter, slot=slot, strings=tuple(strings))


def _replace(scene, old, new, strings, rt: float) -> None:
    """Morph `old` (a whole element) into `new`, which takes its place in the layout."""
    if old is scene.title_mob:
        fit(new, BODY_W, 1.3)
        new.move_to([0, SAFE_Y - new.height / 2 - 0.05, 0])
        moves = []
    else:
        top, bottom = body_area(scene)
        others = [m for m in scene.body if m is not old]
        room = (top - bottom) - sum(m.height for m in others) - 0.35 * len(others)
        fit(new, BODY_W, max(0.6, room))
        idx = scene.body.index(old)
        scene.body[idx] = new
        ys = stack_ys(scene)
        new.move_to([old.get_center()[0] if abs(old.get_center()[0]) + new.width / 2 <= BODY_W / 2 else 0,
                     ys[id(new)], 0])
        moves = restack_animations(scene, skip=(new,))
    if scene.title_mob is old:
        scene.title_mob = new
    scene.named = [((tuple(strings), new) if m is old else (s, m)) for s, m in scene.named]
    new.parts = {s: new for s in strings}
    if scene.inspector is not None:  # dry run: the end state (ReplacementTransform is not applied there)
        scene.remove(old)
        scene.add(new)
        if moves:
            scene.play(*moves)
        return
    scene.play(ReplacementTransform(old, new), *moves, run_time=rt)
