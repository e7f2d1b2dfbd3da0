"""highlight: surround and indicate what is on screen (or send data pulses along a diagram); fill or dim part of
it for good (a cell coloured green, discarded cells greyed out)."""

from manim import (AnimationGroup, Create, FadeOut, Indicate, ManimColor, RoundedRectangle, SurroundingRectangle,
                   VGroup, VMobject)

from ..mathsvg import find_part
from ..style import SAFE_X, SAFE_Y


DIM = "#5A5A5A"


def play(scene, target: str | None, slot: float, mode: str = "surround", color: str | None = None,
         part: str | None = None, row: int | None = None, column: int | None = None, item: int | None = None,
         items: list[int] | None = None) -> None:
    """Mark `target` (default: the last thing drawn); `part` is the TeX of a piece of a typeset formula to
    mark instead of the whole formula ("highlight 0/0 in red"); `row`, `column` or `item` (from 1) one part of
    the component `target` names ("the last row", "the third card"), `items` [first, last] a range of its items."""
    if mode == "dim":
        color = color or DIM
    color = color or "#FFD54F"
    if row or column or item or items:
        from .annotation import _cells_of, resolve, select

        # "the first column of the matrix": a row or column is one of a component that has cells (a matrix shown
        # beside a plane that carries the same numbers, a table), else a line of a list
        mob, owner, _ = resolve(scene, target, having=_cells_of if row or column else None)
        mob = select(owner, mob, row=row, column=column, items=tuple(items) if items else (item, item) if item else None)
    else:
        mob = scene.find(target)
    if mob is None:
        return
    if part:
        piece = find_part(mob, part)
        if piece is not None:
            mob = piece
    rt = scene.run_time(slot, 1.2)
    if mode in ("fill", "dim"):
        home = next((m for m in scene.body if mob is m or mob in m.get_family()), None)
        if home is not None and (item or items):
            home.cells_marked = True  # a row whose cells are marked is a figure the notes speak of (it stays)
        scene.play(AnimationGroup(*[_recolour(m, mode, color) for m in _members(mob)]), run_time=rt)  # it stays: the beat's last frame shows it
        return
    if mode == "pulse":
        owner = next((m for _, m in reversed(scene.named) if hasattr(m, "layer_edges") or hasattr(m, "arrows")), None)
        if owner is not None:
            from . import flow, network

            anim = (network.pulse if hasattr(owner, "layer_edges") else flow.pulse)(owner, max(rt, min(2.5, slot * 0.8)))
            if anim is not None:
                scene.play_key(anim)
                return
        scene.play_key(Indicate(mob, color=color, scale_factor=1.05), run_time=rt)
        return
    box = _within_frame(SurroundingRectangle(mob, color=color, buff=0.12, corner_radius=0.1), color)
    scene.play_key(Create(box), Indicate(_flashed(mob), color=color, scale_factor=1.05), run_time=rt)
    if mode == "box":
        # "Box the final answer": the box stays, and moves with what it surrounds
        owner = next((m for m in scene.body if mob is m or mob in m.get_family()), None) or next(
            (m for m in scene.body if len(mob.submobjects) and all(s in m.get_family() for s in mob.submobjects)), None)
        # (a column or row of a table is a group of its cells made for the mark: its owner holds the cells)
        if owner is not None:
            scene.remove(box)  # drawn as part of its owner only: when the owner fades out, so does the box (a copy
            owner.add(box)     # left at the top level came back after the fade, an empty box over what followed)
            if not any(owner is m for m in scene.mobjects):
                # the owner is on screen as its parts (lines written one by one): the box is drawn beside them, and
                # still leaves with the owner (removing the owner removes its whole family)
                scene.add(box)
        return
    hold = min(0.8, slot - rt - 0.4)
    if hold > 0.1:
        scene.wait(hold)
    scene.play(FadeOut(box), run_time=0.3)


def _flashed(mob):
    """What flashes in the highlight's colour: the whole thing, or — for a filled box with its name on it (a lifeline's
    head, a node) — the name only (the box flashing solid in the colour hides the name)."""
    if type(mob).__name__ != "VGroup":
        return mob
    filled = [m for m in mob.submobjects if type(m).__name__ in ("RoundedRectangle", "Rectangle", "Square", "Circle")
              and m.get_fill_opacity() > 0.5]
    rest = [m for m in mob.submobjects if m not in filled]
    return VGroup(*rest) if filled and rest else mob


def _within_frame(box, color: str):
    """A box around something that reaches the frame's edge is cut to the safe area (never drawn off screen)."""
    x0, y0 = max(box.get_left()[0], -SAFE_X), max(box.get_bottom()[1], -SAFE_Y)
    x1, y1 = min(box.get_right()[0], SAFE_X), min(box.get_top()[1], SAFE_Y)
    if (x0, y0, x1, y1) == (box.get_left()[0], box.get_bottom()[1], box.get_right()[0], box.get_top()[1]) or x1 <= x0 or y1 <= y0:
        return box
    return RoundedRectangle(width=x1 - x0, height=y1 - y0, corner_radius=0.1, color=color).move_to(
        [(x0 + x1) / 2, (y0 + y1) / 2, 0])


def _members(mob) -> list:
    """The items a range selected (a VGroup of cells), or the one item."""
    subs = list(mob.submobjects)
    if type(mob).__name__ == "VGroup" and subs and all(getattr(m, "shape", None) is not None for m in subs):
        return subs
    return [mob]


def _recolour(m, mode: str, color: str):
    """`fill`: the item's shape filled with the colour (its text stays readable); `dim`: the whole item greyed out,
    the way discarded cells are drawn. A text without a shape takes the colour itself. It stays that way."""
    from .plot import paint

    col = paint(color, DIM if mode == "dim" else "#FFD54F")
    shape = getattr(m, "shape", None)
    if shape is None:
        shapes = [x for x in m.get_family() if isinstance(x, VMobject) and type(x).__name__ in (
            "RoundedRectangle", "Rectangle", "Square", "Circle", "Polygon")]
        shape = shapes[0] if shapes else None
    end = m.copy()
    if mode == "dim":
        end.set_stroke(col).set_fill(col)
        for x in end.get_family():
            if x.get_fill_opacity() > 0.5:  # glyphs: grey, still readable
                x.set_fill(col, opacity=0.9)
        if shape is not None:
            k = m.get_family().index(shape)
            end.get_family()[k].set_fill(col, opacity=0.25).set_stroke(col, opacity=0.8)
    elif shape is not None:
        k = m.get_family().index(shape)
        end.get_family()[k].set_fill(col, opacity=0.55).set_stroke(col, width=3.5)
        r, g, b = ManimColor(col).to_rgb()[:3]
        if 0.3 * r + 0.59 * g + 0.11 * b > 0.55:  # light text on a light fill cannot be read: the glyphs turn dark
            for j, x in enumerate(end.get_family()):
                if j != k and x is not end and not x.submobjects and x.get_fill_opacity() > 0.5:
                    x.set_fill("#111111", opacity=1)
    else:
        end.set_color(col)
    return m.animate.become(end)
