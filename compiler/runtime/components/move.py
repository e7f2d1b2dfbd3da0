"""move: move an element on screen — to the left/right edge (shrunk to half the width if wider), back
to the centre, or up/down (first/last in the body stack). Also the layout bookkeeping that
`transform` shares: which top-level element owns a part, and where `show` stacks the body elements.
"""

from manim import Mobject

from ..scene import BODY_GAP
from ..style import BODY_BOTTOM, BODY_TOP, BODY_W, SAFE_X, SAFE_Y

SIDE_W = 0.48 * BODY_W  # an element moved to a side keeps the other half free


def owner_of(scene, mob: Mobject | None):
    """The top-level element (the title or a body element) that is `mob` or contains it."""
    if mob is None:
        return None
    for m in ([scene.title_mob] if scene.title_mob is not None else []) + scene.body:
        if m is mob or mob in m.get_family():
            return m
    return None


def body_area(scene) -> tuple[float, float]:
    top = BODY_TOP if scene.title_mob is not None else SAFE_Y
    return top, BODY_BOTTOM


def stack_ys(scene, heights: dict[int, float] | None = None) -> dict[int, float]:
    """Centre y of every body element, stacked top to bottom and centred as `SbcScene.show` does;
    `heights` overrides the height of some elements (by id) for a layout about to change."""
    heights = heights or {}
    top, bottom = body_area(scene)
    column = scene.column()  # (the figure holding the left half and the marks beside others keep their places)
    hs = [heights.get(id(m), m.height) for m in column]
    total = sum(hs) + BODY_GAP * max(0, len(hs) - 1)
    y = (top + bottom) / 2 + total / 2
    out = {id(m): m.get_center()[1] for m in scene.body}
    for m, h in zip(column, hs):
        out[id(m)] = y - h / 2
        y -= h + BODY_GAP
    return out


def restack_animations(scene, skip=(), heights=None) -> list:
    """Animations that move the body elements (but those in `skip`) to their stacked places."""
    ys = stack_ys(scene, heights)
    out = []
    for m in scene.body:
        if any(m is s for s in skip):
            continue
        y = ys[id(m)]
        if abs(m.get_center()[1] - y) > 1e-3:
            out.append(m.animate.move_to([m.get_center()[0], y, 0]))
    return out


def play(scene, target: str | None, to: str, slot: float) -> None:
    owner = owner_of(scene, scene.find(target))
    if owner is None:
        return
    rt = scene.run_time(slot, 1.0)
    if owner is scene.title_mob:  # the title stays on top: sideways only
        x = {"left": -SAFE_X + owner.width / 2, "right": SAFE_X - owner.width / 2}.get(to, 0.0)
        scene.play(owner.animate.move_to([x, owner.get_center()[1], 0]), run_time=rt)
        return
    if to in ("up", "down"):
        scene.body.remove(owner)
        if to == "up":
            scene.body.insert(0, owner)
        else:
            scene.body.append(owner)
    # to a side: shrunk towards half the width, but never below 60 % (it then just sits against the edge)
    split = getattr(scene, "pinned", None) in scene.body  # a figure holds the left half: the halves stay as they are
    scale = max(0.6, SIDE_W / owner.width) if to in ("left", "right") and owner.width > SIDE_W and not split else 1.0
    w, h = owner.width * scale, owner.height * scale
    ys = stack_ys(scene, {id(owner): h})
    x = owner.get_center()[0] if split else {"left": -SAFE_X + w / 2, "right": SAFE_X - w / 2, "center": 0.0}.get(
        to, owner.get_center()[0])
    anims = [owner.animate.scale(scale).move_to([x, ys[id(owner)], 0])]
    anims += restack_animations(scene, skip=(owner,), heights={id(owner): h})
    scene.play(*anims, run_time=rt)
