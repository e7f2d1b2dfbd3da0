"""highlight: surround and indicate what is on screen (or send data pulses along a diagram)."""

from manim import Create, FadeOut, Indicate, SurroundingRectangle


def play(scene, target: str | None, slot: float, mode: str = "surround", color: str = "#FFD54F") -> None:
    mob = scene.find(target)
    if mob is None:
        return
    rt = scene.run_time(slot, 1.2)
    if mode == "pulse":
        owner = next((m for _, m in reversed(scene.named) if hasattr(m, "layer_edges") or hasattr(m, "arrows")), None)
        if owner is not None:
            from . import flow, network

            anim = (network.pulse if hasattr(owner, "layer_edges") else flow.pulse)(owner, max(rt, min(2.5, slot * 0.8)))
            if anim is not None:
                scene.play(anim)
                return
        scene.play(Indicate(mob, color=color, scale_factor=1.05), run_time=rt)
        return
    box = SurroundingRectangle(mob, color=color, buff=0.12, corner_radius=0.1)
    scene.play(Create(box), Indicate(mob, color=color, scale_factor=1.05), run_time=rt)
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
