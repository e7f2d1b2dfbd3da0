"""highlight: surround and indicate what is on screen (or send data pulses along a diagram)."""

from manim import Create, FadeOut, Indicate, RoundedRectangle, SurroundingRectangle

from ..mathsvg import find_part
from ..style import SAFE_X, SAFE_Y


def play(scene, target: str | None, slot: float, mode: str = "surround", color: str | None = None,
         part: str | None = None, row: int | None = None, column: int | None = None, item: int | None = None) -> None:
    """Mark `target` (default: the last thing drawn); `part` is the TeX of a piece of a typeset formula to
    mark instead of the whole formula ("highlight 0/0 in red"); `row`, `column` or `item` (from 1) one part of
    the component `target` names ("the last row", "the third card")."""
    color = color or "#FFD54F"
    if row or column or item:
        from .annotation import resolve, select

        mob, owner, _ = resolve(scene, target)
        mob = select(owner, mob, row=row, column=column, items=(item, item) if item else None)
    else:
        mob = scene.find(target)
    if mob is None:
        return
    if part:
        piece = find_part(mob, part)
        if piece is not None:
            mob = piece
    rt = scene.run_time(slot, 1.2)
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
    scene.play_key(Create(box), Indicate(mob, color=color, scale_factor=1.05), run_time=rt)
    if mode == "box":
        # "Box the final answer": the box stays, and moves with what it surrounds
        owner = next((m for m in scene.body if mob is m or mob in m.get_family()), None)
        if owner is not None:
            owner.add(box)
        return
    hold = min(0.8, slot - rt - 0.4)
    if hold > 0.1:
        scene.wait(hold)
    scene.play(FadeOut(box), run_time=0.3)


def _within_frame(box, color: str):
    """A box around something that reaches the frame's edge is cut to the safe area (never drawn off screen)."""
    x0, y0 = max(box.get_left()[0], -SAFE_X), max(box.get_bottom()[1], -SAFE_Y)
    x1, y1 = min(box.get_right()[0], SAFE_X), min(box.get_top()[1], SAFE_Y)
    if (x0, y0, x1, y1) == (box.get_left()[0], box.get_bottom()[1], box.get_right()[0], box.get_top()[1]) or x1 <= x0 or y1 <= y0:
        return box
    return RoundedRectangle(width=x1 - x0, height=y1 - y0, corner_radius=0.1, color=color).move_to(
        [(x0 + x1) / 2, (y0 + y1) / 2, 0])
