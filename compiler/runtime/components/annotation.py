"""annotation: a Manim `Brace`, an `Arrow` from a label, a `SurroundingRectangle` or an underline on part of
what is on screen. The target is found the way `highlight` finds one — `scene.named` and the `parts` each
component exposes — ranked: an exact name first (so "c" is side c, not a name containing the letter), then a
name written in the target ("the hypotenuse"), then a piece of a sentence or formula drawn as text (its
glyphs), the numerator or denominator of a typeset fraction, a row, column or range of cells. A target that
is not found marks the last thing drawn; with nothing on screen the label is shown as a note. The label goes
where it touches no other text and stays in the frame; the annotation then belongs to what it marks (it moves
with it).
"""

from __future__ import annotations

import re

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, Arrow, Brace, Create, CurvedArrow, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Line,
                   SurroundingRectangle, VGroup)

from ..style import SAFE_X, SAFE_Y, text
from .plot import paint

COLOUR = "#FFD54F"
SIZE = 24
SIDES = {"down": DOWN, "up": UP, "left": LEFT, "right": RIGHT}
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.I)


# ----------------------------------------------------------------------------- finding the target
def _norm(s: str) -> str:
    s = re.sub(r"\s+", " ", str(s).strip().strip("'\"“”‘’`").strip()).lower()
    return _ARTICLES.sub("", s)


def _on_screen(scene, mob) -> bool:
    owners = ([scene.title_mob] if scene.title_mob is not None else []) + list(scene.body)
    return any(mob is o or mob in o.get_family() for o in owners)


def _candidates(scene):
    """(names, mob) pairs for everything on screen, newest first: the components and their parts."""
    seen = set()
    for strings, mob in reversed(scene.named):
        if id(mob) in seen or not _on_screen(scene, mob):
            continue
        seen.add(id(mob))
        parts = getattr(mob, "parts", None)
        if isinstance(parts, dict):
            for key, part in parts.items():
                yield mob, [str(key)], part
        yield mob, [str(s) for s in strings if s], mob


def _score(target: str, names: list[str]) -> float:
    t = _norm(target)
    best = 0.0
    for n in names:
        k = _norm(n)
        if not k:
            continue
        if k == t:
            best = max(best, 100 + len(k))
        elif re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", t) and (len(k) > 1 or len(t.split()) <= 3):
            best = max(best, 50 + len(k))  # "the hypotenuse c" names "hypotenuse"
        elif len(t) >= 2 and t in k:
            best = max(best, 20 + len(t) / max(len(k), 1))  # a word of a longer label
    return best


def owner_of(scene, mob):
    for m in ([scene.title_mob] if scene.title_mob is not None else []) + list(scene.body):
        if m is mob or mob in m.get_family():
            return m
    return None


def resolve(scene, target: str | None, having=None):
    """(mob, owner, found): what `target` names on screen; the last thing drawn when it names nothing. `having`: a
    test an owner must pass ("a column of …" is only in a component with cells), tried first."""
    if having is not None:
        for owner, names, part in _candidates(scene):
            home = owner_of(scene, owner) or owner
            if having(home) and (not target or _score(target, names) >= 50):
                return part, home, True
    last = scene.body[-1] if scene.body else scene.title_mob
    if not target:
        return last, last, last is not None
    best, best_score = None, 0.0
    for owner, names, part in _candidates(scene):
        s = _score(target, names)
        if s > best_score:
            best, best_score = (part, owner), s
    if best is not None and best_score >= 50:
        return best[0], owner_of(scene, best[1]) or best[1], True
    glyphs = _glyphs(scene, target)
    if glyphs is not None:
        return glyphs[0], glyphs[1], True
    if best is not None:
        return best[0], owner_of(scene, best[1]) or best[1], True
    return last, last, False


def _texts(mob):
    """The sentences drawn as `Text` in mob — not the labels of annotations it carries (a new arrow to "a" points at
    the formula's a, not at the a of a label "mass" put under it)."""
    from manim import Text

    marks = {id(x) for m in mob.get_family() if getattr(m, "sbc_annotation", False) for x in m.get_family()}
    return [m for m in mob.get_family() if isinstance(m, Text) and id(m) not in marks]


def _find_in(text: str, raw: str) -> int:
    """Where raw is written in text (-1: nowhere), as written first, then in any case; a single letter or digit only
    on its own ("a" is not the a of "mass")."""
    if len(raw) == 1 and raw.isalnum():
        m = re.search(r"(?<![^\W_])" + re.escape(raw) + r"(?![^\W_])", text) or re.search(
            r"(?<![^\W_])" + re.escape(raw) + r"(?![^\W_])", text, re.I)
        return m.start() if m else -1
    i = text.find(raw)
    return i if i >= 0 else text.lower().find(raw.lower())


def _glyphs(scene, target: str):
    """A piece of a sentence drawn as `Text` (its characters), or the numerator/denominator of a fraction in
    a typeset formula: (VGroup of glyphs, owner), or None."""
    t = _norm(target)
    owners = list(reversed(scene.body)) + ([scene.title_mob] if scene.title_mob is not None else [])
    if "numerator" in t or "denominator" in t:
        for o in owners:
            piece = _fraction_part(o, "numerator" if "numerator" in t else "denominator")
            if piece is not None:
                return piece, o
    raw = re.sub(r"\s+", "", str(target).strip().strip("'\"“”‘’`"))
    if not raw:
        return None
    from ...mathtext import plain_text

    drawn = re.sub(r"\s+", "", plain_text(str(target).strip().strip("'\"“”‘’`")))  # as text draws it: "CO2" is "CO₂"
    for o in owners:
        for m in _texts(o):
            for want in dict.fromkeys((raw, drawn)):
                i = _find_in(m.text, want)
                if i >= 0 and len(m.submobjects) == len(m.text):
                    return VGroup(*m.submobjects[i:i + len(want)]), o
    # a piece of a typeset formula ("b²" of "a² + b² = c²"): its glyphs, found by typesetting the piece
    from ...mathtext import to_tex
    from ..mathsvg import find_part

    tex = to_tex(str(target).strip().strip("'\"“”‘’`")).tex
    for o in owners:
        for m in o.get_family():
            if getattr(m, "math_ok", False) and tex:
                piece = find_part(m, tex)
                if piece is not None:
                    return piece, o
    return None


def _fraction_part(owner, which: str):
    """The glyphs above (numerator) or below (denominator) the widest fraction bar of a typeset formula."""
    for m in owner.get_family():
        if getattr(m, "math_backend", None) != "ziamath" or not m.submobjects:
            continue
        bars = [g for g in m.submobjects if type(g).__name__ == "Rectangle" and g.width > 3 * g.height]
        if not bars:
            continue
        bar = max(bars, key=lambda b: b.width)
        x0, x1, y = bar.get_left()[0], bar.get_right()[0], bar.get_center()[1]
        pick = [g for g in m.submobjects if g is not bar and x0 - 1e-3 <= g.get_center()[0] <= x1 + 1e-3
                and ((g.get_center()[1] > y) if which == "numerator" else (g.get_center()[1] < y))]
        if pick:
            return VGroup(*pick)
    return None


def _cells_of(owner):
    """Rows of cells of a matrix or table on screen (lists of mobjects), or None."""
    main = getattr(owner, "main", None)
    if main is not None and getattr(main, "cells", None):
        return [list(r) for r in main.cells]
    if getattr(owner, "sbc_kind", None) == "table" and getattr(owner, "rows", None):
        return [list(r) for r in owner.rows]
    if getattr(owner, "sbc_kind", None) == "vector_plane":
        # the matrix written beside the plane (its panel): the newest one
        grids = [m for m in owner.get_family() if getattr(m, "rows_n", None) and getattr(m, "cells", None)]
        if grids:
            return [list(r) for r in grids[-1].cells]
    return None


def _items_of(owner, indexed: bool = False):
    """The items of a component in order; `indexed`: a sequence's cells with the index written under each (an
    annotation goes round both)."""
    names = ("cols",) if indexed and getattr(owner, "cols", None) else ()
    for name in names + ("pills", "cells", "lines", "rows", "cards", "bars"):
        seq = getattr(owner, name, None)
        if isinstance(seq, (list, tuple, VGroup)) and len(seq) and not isinstance(seq[0], (list, tuple)):
            return list(seq)
    return None


def select(owner, mob, row=None, column=None, items=None, indexed: bool = False):
    """A row, column or range of cells of `owner` (the whole of `mob` when it has none of those); one cell is
    that cell itself. `indexed`: a sequence's cells with their index under them."""
    if owner is None:
        return mob
    if items:
        seq = _items_of(owner, indexed)
        if seq:
            a = max(1, min(items[0], len(seq)))
            b = max(a, min(items[1], len(seq)))
            return seq[a - 1] if a == b else VGroup(*seq[a - 1:b])
        return mob
    if row is None and column is None:
        return mob
    cells = _cells_of(owner)
    if not cells:
        seq = _items_of(owner)  # "row 2" of a list or a derivation: its second line
        if seq and row is not None:
            return seq[max(1, min(row, len(seq))) - 1]
        return mob
    if row is not None:
        r = cells[max(1, min(row, len(cells))) - 1]
        if column is not None:
            return r[max(1, min(column, len(r))) - 1]
        return VGroup(*r)
    return VGroup(*[r[column - 1] if column <= len(r) else r[-1] for r in cells])


# ----------------------------------------------------------------------------- placing
def _box(m, pad: float = 0.05):
    return (m.get_left()[0] - pad, m.get_bottom()[1] - pad, m.get_right()[0] + pad, m.get_top()[1] + pad)


def _hits(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(m, margin: float = 0.02) -> bool:
    return (m.get_left()[0] >= -SAFE_X + margin and m.get_right()[0] <= SAFE_X - margin
            and m.get_bottom()[1] >= -SAFE_Y + margin and m.get_top()[1] <= SAFE_Y - margin)


def _text_boxes(scene, skip=()) -> list:
    from ...dryrun import text_units

    return [_box(m) for m in text_units(scene) if not any(m is s or m in s.get_family() for s in skip)]


def _free(m, boxes) -> bool:
    return _inside(m) and not any(_hits(_box(m), b) for b in boxes)


def _place_label(scene, lab, target, owner, boxes, prefer=None, aims=None) -> None:
    """Beside the target, outside its component where possible, on free ground inside the frame, near what the
    arrows go to (`aims`)."""
    c = target.get_center()
    aims = list(aims or [target])
    ob = owner if owner is not None else target
    shapes = [_box(m, 0.02) for m in scene.body if m is not None]
    cands = []
    dirs = [SIDES[prefer]] if prefer else []
    dirs += [RIGHT, LEFT, UP, DOWN, UP + RIGHT, UP + LEFT, DOWN + RIGHT, DOWN + LEFT]
    for d in dirs:
        # just outside the component, level with the target
        p = c.copy()
        if d[0] > 0:
            p[0] = ob.get_right()[0] + 0.5 + lab.width / 2
        elif d[0] < 0:
            p[0] = ob.get_left()[0] - 0.5 - lab.width / 2
        if d[1] > 0:
            p[1] = max(c[1], target.get_top()[1] + 0.55 + lab.height / 2) if d[0] else ob.get_top()[1] + 0.6 + lab.height / 2
        elif d[1] < 0:
            p[1] = min(c[1], target.get_bottom()[1] - 0.55 - lab.height / 2) if d[0] else ob.get_bottom()[1] - 0.6 - lab.height / 2
        cands.append(p)
    for t in [target] + (aims if len(aims) > 1 else []):  # near the target itself, and near each aim
        for d in dirs:
            n = d / np.linalg.norm(d)
            cands.append(t.get_center() + n * (0.5 * abs(n[0]) * t.width + 0.5 * abs(n[1]) * t.height + 0.8
                                               + 0.5 * lab.width * abs(n[0]) + 0.5 * lab.height * abs(n[1])))
    best, best_cost = None, None
    for k, p in enumerate(cands):
        lab.move_to(p)
        if not _inside(lab):
            lab.move_to([np.clip(p[0], -SAFE_X + lab.width / 2 + 0.05, SAFE_X - lab.width / 2 - 0.05),
                         np.clip(p[1], -SAFE_Y + lab.height / 2 + 0.05, SAFE_Y - lab.height / 2 - 0.05), 0])
        box = _box(lab)
        hit_text = sum(1 for b in boxes if _hits(box, b))
        hit_shapes = sum(1 for b in shapes if _hits(box, b))
        ends = [_aim(t, lab.get_center(), boxes) for t in aims]
        reach = sum(float(np.linalg.norm(lab.get_center() - e)) for e in ends)
        crossing = sum(_crosses(lab.get_center(), e, boxes) for e in ends)
        cost = hit_text * 100 + crossing * 20 + hit_shapes * 6 + reach * 0.3 + k * 0.01
        if best_cost is None or cost < best_cost:
            best, best_cost = lab.get_center().copy(), cost
    lab.move_to(best)


def _place_pointer(lab, target, side: str, boxes) -> None:
    """The label of a pointer at a cell: on the side asked, in line with the cell — further out when another text is
    there (two pointers at one cell stack), kept in the frame."""
    d = SIDES[side]
    first = None
    for step in range(5):
        gap = 0.7 + 0.45 * step
        if d[1]:
            y = (target.get_top()[1] + gap + lab.height / 2) if d[1] > 0 else (target.get_bottom()[1] - gap - lab.height / 2)
            lab.move_to([target.get_center()[0], y, 0])
        else:
            x = (target.get_right()[0] + gap + lab.width / 2) if d[0] > 0 else (target.get_left()[0] - gap - lab.width / 2)
            lab.move_to([x, target.get_center()[1], 0])
        if first is None:
            first = lab.get_center().copy()
        if _free(lab, boxes):
            return
    lab.move_to(first)
    lab.move_to([np.clip(first[0], -SAFE_X + lab.width / 2 + 0.05, SAFE_X - lab.width / 2 - 0.05),
                 np.clip(first[1], -SAFE_Y + lab.height / 2 + 0.05, SAFE_Y - lab.height / 2 - 0.05), 0])


def _inside_frame(m) -> None:
    """Shift `m` the least that puts it inside the safe area."""
    c = m.get_center()
    x = np.clip(c[0], -SAFE_X + m.width / 2 + 0.05, SAFE_X - m.width / 2 - 0.05)
    y = np.clip(c[1], -SAFE_Y + m.height / 2 + 0.05, SAFE_Y - m.height / 2 - 0.05)
    m.move_to([x, y, 0])


def _overlap_boxes(a, b) -> bool:
    """Whether the bounding boxes of `a` and `b` overlap (one inside the other, or crossing)."""
    return (a.get_left()[0] < b.get_right()[0] and b.get_left()[0] < a.get_right()[0]
            and a.get_bottom()[1] < b.get_top()[1] and b.get_bottom()[1] < a.get_top()[1])


def _edge_point(m, towards) -> np.ndarray:
    """Where the ray from `m`'s centre towards `towards` leaves its bounding box (a thin line: its middle)."""
    c = m.get_center()
    d = np.array(towards) - c
    d[2] = 0.0
    hw, hh = m.width / 2, m.height / 2
    ts = [hw / abs(d[0]) if abs(d[0]) > 1e-9 else np.inf, hh / abs(d[1]) if abs(d[1]) > 1e-9 else np.inf]
    t = min(min(ts), 1.0)
    return c + d * t


def _crosses(a, b, boxes) -> int:
    """How many of `boxes` the segment ab passes through (its ends excluded)."""
    n = 0
    for box in boxes:
        for t in np.linspace(0.08, 0.92, 16):
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            if box[0] < x < box[2] and box[1] < y < box[3]:
                n += 1
                break
    return n


def _aim(m, towards, boxes=()) -> np.ndarray:
    """Where an arrow from `towards` should end on `m`: on a line, near its middle where the arrow crosses no
    text; else the point of its outline nearest to `towards` (a figure's part is aimed at by its shape, not its
    label)."""
    shape = getattr(m, "shape", None) or m
    if isinstance(shape, Line):
        a, b = shape.get_start(), shape.get_end()
        for t in (0.5, 0.38, 0.62, 0.28, 0.72):
            p = a + (b - a) * t
            if not _crosses(towards, p, boxes) and not any(x[0] - 0.25 < p[0] < x[2] + 0.25
                                                           and x[1] - 0.25 < p[1] < x[3] + 0.25 for x in boxes):
                return p
        return (a + b) / 2
    pts = np.concatenate([x.points for x in shape.get_family() if len(x.points)] or [np.array([shape.get_center()])])
    if len(pts) > 4000:
        pts = pts[:: len(pts) // 2000 + 1]
    return pts[int(np.argmin(np.linalg.norm(pts[:, :2] - np.array(towards)[:2], axis=1)))].copy()


# ----------------------------------------------------------------------------- drawing
def _brace(scene, target, lab, side, col, boxes):
    order = [side] if side else ["down", "up", "right", "left"]
    order += [s for s in ("down", "up", "right", "left") if s not in order]
    best = None
    own = owner_of(scene, target.submobjects[0] if target.submobjects else target)
    if own is not None and lab is not None:
        boxes = list(boxes) + [_box(own)]  # (a label never lies on the formula it marks: under μ of N(μ, σ²/n) is inside it)
    for s in order:
        d = SIDES[s]
        br = Brace(target, direction=d, buff=0.08, color=col)
        if br.width > 0 and d[1] != 0 and br.width > target.width * 1.02 + 0.3:
            continue
        if lab is None:
            if all(_inside(p) for p in [br]):
                return br
            best = best or (br, s)
            continue
        # the label past the brace — and past the whole formula when the brace sits inside it (a brace under μ of
        # N(μ, σ²/n) ends above the fraction's bottom); a second label under a neighbouring brace steps further out
        lab.next_to(br, d, buff=0.1)
        first = lab.get_center().copy()
        spots = [first]
        if d[1] != 0:
            # a neighbour's label already there: beside it, or a line further out, or past the whole formula
            for dx in (1, -1):
                spots.append(first + RIGHT * dx * (lab.width / 2 + 0.15))
            for k in (1, 2):
                spots.append(first + d * k * (lab.height + 0.12))
            if own is not None:
                edge = own.get_bottom()[1] if d[1] < 0 else own.get_top()[1]
                spots.append(np.array([first[0], edge + d[1] * (0.12 + lab.height / 2), 0.0]))
        for spot in spots:
            lab.move_to(spot)
            if _inside(br) and _inside(lab) and not any(_hits(_box(lab), b) for b in boxes):
                return br
        lab.move_to(spots[0])
        if d[1] < 0 and own is not None and not getattr(scene, "_room_made", False) and _make_room_below(
                scene, own, lab.height + 0.35):
            # the formula stands at the foot of the frame: what is on screen moves up (and shrinks a little if it
            # must) so the label fits under it — once per annotation
            scene._room_made = True
            try:
                return _brace(scene, target, lab, s, col, _text_boxes(scene))
            finally:
                scene._room_made = False
        if best is None:
            best = (br, s)
    br, s = best
    if lab is not None:
        lab.next_to(br, SIDES[s], buff=0.1)
        if any(_hits(_box(lab), b) for b in boxes) or (own is not None and _hits(_box(lab, 0.0), _box(own, 0.0))):
            # no side is free (or the label would lie on its own formula): the nearest free ground outside the
            # component that holds the target
            for _ in range(3):  # a label shrinks a little before it lies on other text
                _place_label(scene, lab, br, own, boxes, prefer=s)
                if not any(_hits(_box(lab, 0.0), b) for b in boxes):
                    break
                lab.scale(0.85)
        if not _inside(lab):
            lab.shift([np.clip(lab.get_center()[0], -SAFE_X + lab.width / 2, SAFE_X - lab.width / 2)
                       - lab.get_center()[0], np.clip(lab.get_center()[1], -SAFE_Y + lab.height / 2,
                                                      SAFE_Y - lab.height / 2) - lab.get_center()[1], 0])
    return br


def _make_room_below(scene, own, need: float) -> bool:
    """Room of `need` under `own` at the foot of the frame: the body moves up into the free space under the title,
    and shrinks about its top for the rest (to at most 20% smaller). True if it changed."""
    from ..style import BODY_TOP

    short = need - (own.get_bottom()[1] - (-SAFE_Y + 0.05))
    if short <= 0 or not scene.body:
        return False
    body = VGroup(*scene.body)
    free = max(0.0, BODY_TOP - 0.05 - body.get_top()[1])
    up = min(free, short)
    body.shift(UP * up)
    rest = short - up
    if rest > 1e-6:
        factor = (body.height - rest) / body.height
        if factor < 0.8:
            return up > 0
        body.scale(factor, about_point=body.get_top())
    return True


def _annotation_on_screen(scene, label: str | None):
    """The annotation on screen whose label is `label` (the newest), or None."""
    if not label:
        return None
    for _, m in reversed(scene.named):
        if getattr(m, "sbc_annotation", False) and label in (getattr(m, "parts", None) or {}) and _on_screen(scene, m):
            return m
    return None


def play(scene, *, target=None, label: str | None = None, style: str = "arrow", side: str | None = None,
         row: int | None = None, column: int | None = None, items=None, keep: bool = True, slot: float,
         strings=(), color: str | None = None, replaces: str | None = None) -> None:
    col = paint(color, COLOUR)
    targets = target if isinstance(target, list) else [target]
    found = []
    owner = None
    old = _annotation_on_screen(scene, replaces)
    for t in targets:
        mob, own, ok = resolve(scene, t)
        if mob is None:
            continue
        found.append(select(own, mob, row, column, items, indexed=True))
        owner = owner or own
    rt = scene.run_time(slot, 1.0)
    if not found:  # nothing on screen: the label alone, as a note
        if label:
            note = text(label, scene.theme, size=SIZE + 4, color=col, width_chars=50, math=True)
            note.parts = {label: note}
            scene.show(note, lambda m, run_time: FadeIn(m, run_time=run_time), slot=slot, strings=strings)
        return
    lab = text(label, scene.theme, size=SIZE, color=col, width_chars=36, math=True) if label else None
    if style == "link" and (len(found) != 2 or _overlap_boxes(found[0], found[1])):
        style = "arrow" if lab is not None else "box"  # (one end not on screen: the label points at what is)
    elif style == "arrow" and lab is None and len(found) == 2 and not _overlap_boxes(found[0], found[1]):
        style = "link"  # an arrow from one thing to another ("from 5^{-1} on the left to A^{-1} on the right")
    elif style == "arrow" and lab is None:
        style = "box"  # an arrow from nothing: box what it would point at
    boxes = _text_boxes(scene, skip=[old] if old is not None else ())
    whole = found[0] if len(found) == 1 else VGroup(*found)
    mark = VGroup()
    if style == "link":
        a, b = found
        if abs(a.get_center()[1] - b.get_center()[1]) < max(a.height, b.height) and \
                abs(a.get_center()[0] - b.get_center()[0]) > (a.width + b.width) / 2:
            # side by side (two bars, two tiles): an arc over them, from above one to above the other (clear of the
            # values written on them)
            start, end = a.get_top() + UP * 0.45, b.get_top() + UP * 0.45
            angle = -0.8 if end[0] >= start[0] else 0.8
        else:
            start, end = _edge_point(a, b.get_center()), _edge_point(b, a.get_center())
            angle = -0.6 if end[0] >= start[0] else 0.6
        arrow = CurvedArrow(start, end, angle=angle, color=col, stroke_width=3, tip_length=0.2)
        mark.add(arrow)
        anims = [Create(arrow)]
        if lab is not None:  # the label over the middle of the arc, kept inside the frame
            mid = arrow.point_from_proportion(0.5)
            lab.move_to(mid + UP * (lab.height / 2 + 0.12))
            _inside_frame(lab)
    elif style == "brace":
        shapes_only = [getattr(f, "shape", None) or f for f in found]
        br = _brace(scene, shapes_only[0] if len(found) == 1 else VGroup(*shapes_only), lab, side, col, boxes)
        mark.add(br)
        anims = [GrowFromCenter(br)]
    elif style in ("box", "underline"):
        if style == "box":
            shape = SurroundingRectangle(whole, color=col, buff=0.1, corner_radius=0.08, stroke_width=3)
        else:
            shape = Line(whole.get_corner(DOWN + LEFT) + DOWN * 0.1, whole.get_corner(DOWN + RIGHT) + DOWN * 0.1,
                         color=col, stroke_width=4)
        mark.add(shape)
        anims = [Create(shape)]
        if lab is not None:
            _place_label(scene, lab, shape, owner, boxes, side or ("down" if style == "underline" else None))
    else:
        if side and items and len(found) == 1:
            _place_pointer(lab, whole, side, boxes)  # a pointer at a cell: its label straight on that side
        else:
            _place_label(scene, lab, whole, owner, boxes, side, aims=found)
        anims = []
        for f in found:
            end = _aim(f, lab.get_center(), boxes)
            start = _edge_point(lab, end)
            d = end - start
            if np.linalg.norm(d) < 0.25:
                continue
            arrow = Arrow(start, end, buff=0.08, color=col, stroke_width=3, max_tip_length_to_length_ratio=0.25,
                          max_stroke_width_to_length_ratio=8)
            mark.add(arrow)
            anims.append(GrowArrow(arrow))
    if lab is not None:
        mark.add(lab)
        anims.append(FadeIn(lab, shift=0.1 * DOWN))
    mark.parts = {label: lab} if label else {}
    mark.sbc_annotation = True
    if old is not None:
        _move(scene, old, mark, rt, strings)
        return
    for a in anims:
        scene.play(a, run_time=max(rt * 0.5, 0.3) if len(anims) > 1 else rt)
    scene.named.append((tuple(strings), mark))
    if not keep:
        scene.key_frame()  # the mark fades before the beat ends: `sbc preview` shows it now
        hold = min(1.5, slot - rt - 0.4)
        if hold > 0.1:
            scene.wait(hold)
        scene.play(FadeOut(mark), run_time=0.3)
        return
    home = owner_of(scene, owner) if owner is not None else None
    if home is not None and items:
        home.cells_marked = True  # a row whose cells are marked is a figure the notes speak of (it stays)
    attach(scene, mark, home)


def _move(scene, old, new, run_time: float, strings) -> None:
    """The annotation `old` on screen takes the place and look of `new` (a pointer moved to another cell): each of its
    parts turns into the matching part of `new` where it stays in the picture (it keeps moving with what holds it); a
    part `new` lacks fades, one `new` adds grows in with it."""
    from manim import Transform

    pairs, gone = [], []
    left = list(new.submobjects)
    for a in old.submobjects:  # arrow to arrow, label to label, in order
        b = next((x for x in left if type(x) is type(a)), None)
        if b is None:
            gone.append(a)
        else:
            left.remove(b)
            pairs.append((a, b))
    anims = [Transform(a, b) for a, b in pairs] + [a.animate.set_opacity(0) for a in gone]
    for m in left:
        old.add(m)
        anims.append(FadeIn(m))
    scene.play(*anims, run_time=run_time)
    into = {id(b): a for a, b in pairs}
    old.parts = {k: into.get(id(v), v) for k, v in new.parts.items()}
    scene.named.append((tuple(strings), old))


def attach(scene, mark, home) -> None:
    """The annotation belongs to what it marks from now on: it moves and fades with it. A text or a formula
    (one glyph outline) cannot hold it: it and its annotation become one group in its place."""
    from ...dryrun import _is_text_unit

    scene.remove(*mark.submobjects)  # each entered on its own: drawn once, inside `home`, from now on
    if home is None:
        scene.add(mark)
        return
    if _is_text_unit(home):
        both = VGroup(home, mark)
        both.parts = dict(getattr(home, "parts", None) or {})
        scene.remove(home)
        scene.add(both)
        if home is scene.title_mob:
            scene.title_mob = both
        else:
            scene.body[scene.body.index(home)] = both
        scene.named = [(s, both if m is home else m) for s, m in scene.named]
        return
    home.add(mark)
    if home not in scene.mobjects:
        scene.add(mark)  # `home` is on screen part by part
