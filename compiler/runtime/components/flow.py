"""flow: rounded boxes joined by arrows — a left-to-right pipeline, a top-down stack or a cycle round a circle."""

import math

import numpy as np
from manim import (DOWN, RIGHT, UP, Arrow, Create, CurvedArrow, FadeIn, GrowArrow, RoundedRectangle, ShowPassingFlash,
                   Succession, VGroup, AnimationGroup)

from ..style import colour, label_colour, text
from .plot import paint

PALETTE_ROLE = "node"


def build(theme: dict, *, nodes: list[str], edge_labels: list[str] | None = None, direction: str = "right",
          parallel: bool = False, both_ways: bool = False, color: str | None = None, ports: list | None = None,
          arrows: bool = True, edge_colors: list | None = None, node_colors: list | None = None,
          captions: list | None = None):
    box_default = color or colour(theme, "node", theme["accent"])
    arrow_col = colour(theme, "arrow", "#9E9E9E")
    n = len(nodes)
    size = 26 if n <= 4 else 22 if n <= 6 else 18
    boxes = []
    parts = {}
    for k, label in enumerate(nodes):
        own = node_colors[k] if node_colors and k < len(node_colors) else None
        c = paint(own, box_default) if own else label_colour(theme, label, str(box_default))
        t = text(label, theme, size=size, color=theme["text"], width_chars=14, math=True)
        box = RoundedRectangle(corner_radius=0.18, width=max(1.6, t.width + 0.5), height=max(0.9, t.height + 0.45),
                               color=c, stroke_width=3)
        t.move_to(box)
        g = VGroup(box, t)
        boxes.append(g)
        parts[label] = g
    if direction == "cycle" and n >= 2:
        return _cycle(theme, boxes, parts, edge_labels or [], ports or [], arrow_col, arrows)
    joined = arrows
    row = VGroup(*boxes).arrange(RIGHT if direction == "right" else DOWN,
                                 buff=(1.0 if joined else 0.8 if captions else 0.5) if direction == "right" else 0.6)
    arrows = VGroup()
    labels = VGroup()
    if both_ways and n == 2 and direction == "right":
        # a round trip: a pair of opposite arrows, labelled above and below
        a, b = boxes
        own = list(edge_colors or []) + [None, None]
        fwd = Arrow(a.get_right() + 0.2 * UP, b.get_left() + 0.2 * UP, buff=0.08,
                    color=paint(own[0], arrow_col) if own[0] else arrow_col, stroke_width=4)
        back = Arrow(b.get_left() + 0.2 * DOWN, a.get_right() + 0.2 * DOWN, buff=0.08,
                     color=paint(own[1], "#66BB6A") if own[1] else colour(theme, "good", "#66BB6A"), stroke_width=4)
        arrows.add(fwd, back)
        for k, (arr, side) in enumerate(((fwd, UP), (back, DOWN))):
            if edge_labels and k < len(edge_labels) and edge_labels[k]:
                lab = text(edge_labels[k], theme, size=18, color=arr.get_color(), width_chars=16)
                lab.next_to(arr, side, buff=0.1)
                if _overlap(lab, a) or _overlap(lab, b):
                    # wider than the gap between the boxes: above them (the message) or below them (the reply)
                    edge = max(a.get_top()[1], b.get_top()[1]) if side is UP else min(a.get_bottom()[1], b.get_bottom()[1])
                    lab.move_to([arr.get_center()[0], edge + (0.12 + lab.height / 2) * (1 if side is UP else -1), 0])
                labels.add(lab)
                parts[edge_labels[k]] = lab
        return _finished(VGroup(row, arrows, labels), _ports(theme, boxes, ports or [], parts), boxes, arrows, labels,
                         parts, parallel=True, grow=1.6)
    for i in range(n - 1 if joined else 0):
        a, b = boxes[i], boxes[i + 1]
        col = paint(edge_colors[i], arrow_col) if edge_colors and i < len(edge_colors) and edge_colors[i] else arrow_col
        if direction == "right":
            arr = Arrow(a.get_right(), b.get_left(), buff=0.08, color=col, stroke_width=4,
                        max_tip_length_to_length_ratio=0.3)
        else:
            arr = Arrow(a.get_bottom(), b.get_top(), buff=0.08, color=col, stroke_width=4)
        arrows.add(arr)
        if edge_labels and i < len(edge_labels) and edge_labels[i]:
            lab = text(edge_labels[i], theme, size=18, color=arrow_col, width_chars=16)
            lab.next_to(arr, DOWN if direction == "right" else RIGHT, buff=0.12)
            if _overlap(lab, a) or _overlap(lab, b):
                # wider than the gap between two tall boxes: under (or beside) both of them instead
                if direction == "right":
                    lab.move_to([arr.get_center()[0], min(a.get_bottom()[1], b.get_bottom()[1]) - 0.12 - lab.height / 2, 0])
                else:
                    lab.move_to([max(a.get_right()[0], b.get_right()[0]) + 0.15 + lab.width / 2, arr.get_center()[1], 0])
            labels.add(lab)
            parts[edge_labels[i]] = lab
    for k, caption in enumerate((captions or [])[:n]):
        if caption and caption.strip():
            # "Under each box a one-line caption": small, under its box (beside it in a top-down stack)
            lab = text(caption, theme, size=18, color=colour(theme, "caption", "#BDBDBD"), width_chars=16)
            lab.next_to(boxes[k], DOWN if direction == "right" else RIGHT, buff=0.15)
            labels.add(lab)
            parts[caption] = lab
    return _finished(VGroup(row, arrows, labels), _ports(theme, boxes, ports or [], parts), boxes, arrows, labels, parts,
                     parallel=parallel, grow=1.6)


def _finished(g: VGroup, ports: VGroup, boxes: list, arrows: VGroup, labels: VGroup, parts: dict, *, parallel: bool,
              grow: float) -> VGroup:
    """The diagram with what `enter`, `pulse` and the annotations find on it."""
    g.ports = ports
    g.add(ports)
    g.boxes, g.arrows, g.labels, g.parallel = boxes, arrows, labels, parallel
    g.parts = parts
    g.grow = grow
    g.sbc_kind = "flow"
    return g


def _cycle(theme: dict, boxes: list, parts: dict, edge_labels: list, ports: list, arrow_col, joined: bool) -> VGroup:
    """The boxes round a circle, clockwise from the top; a curved arrow along the circle from each box to the next
    and from the last back to the first (unless not `joined` yet); arrow labels outside the circle at the middle of
    their arrow."""
    n = len(boxes)
    widest = max(max(b.width, b.height) for b in boxes)
    radius = max(1.6, widest * 0.55 / math.sin(math.pi / n) + 0.35) if n > 2 else max(1.6, widest * 0.75 + 0.4)
    angles = [math.pi / 2 - 2 * math.pi * k / n for k in range(n)]
    for b, a in zip(boxes, angles):
        b.move_to(radius * np.array([math.cos(a), math.sin(a), 0.0]))

    def point(a: float) -> np.ndarray:
        return radius * np.array([math.cos(a), math.sin(a), 0.0])

    def leaves(box, a: float, step: float) -> float:
        """The angle (from a, in steps of `step`) where the circle leaves the box, with a small gap."""
        for _ in range(200):
            p = point(a)
            if not (box.get_left()[0] - 0.12 < p[0] < box.get_right()[0] + 0.12
                    and box.get_bottom()[1] - 0.12 < p[1] < box.get_top()[1] + 0.12):
                return a
            a += step
        return a

    arrows = VGroup()
    labels = VGroup()
    for k in range(n if joined else 0):
        a0, a1 = angles[k], angles[k] - 2 * math.pi / n
        start = leaves(boxes[k], a0, -0.01)
        end = leaves(boxes[(k + 1) % n], a1, 0.01)
        if start - end < 0.15:  # boxes too close for an arrow between them: a short one across the gap
            start, end = (a0 + a1) / 2 + 0.08, (a0 + a1) / 2 - 0.08
        arr = CurvedArrow(point(start), point(end), angle=-(start - end), color=arrow_col, stroke_width=4,
                          tip_length=0.22)
        arrows.add(arr)
        if k < len(edge_labels) and edge_labels[k]:
            mid = (start + end) / 2
            lab = text(edge_labels[k], theme, size=18, color=arrow_col, width_chars=16)
            out = np.array([math.cos(mid), math.sin(mid), 0.0])
            reach = 0.18 + abs(out[0]) * lab.width / 2 + abs(out[1]) * lab.height / 2
            lab.move_to(point(mid) + out * reach)
            labels.add(lab)
            parts[edge_labels[k]] = lab
    return _finished(VGroup(VGroup(*boxes), arrows, labels), _cycle_ports(theme, boxes, angles, ports, parts), boxes,
                     arrows, labels, parts, parallel=False, grow=1.2)


def _cycle_ports(theme: dict, boxes: list, angles: list, ports: list, parts: dict) -> VGroup:
    """What enters a box of a cycle comes from outside the circle (an arrow pointing in, towards the box); what
    leaves goes out away from it; several at one box fan out."""
    out = VGroup()
    col = colour(theme, "arrow", "#9E9E9E")
    sides: dict = {}
    for p in ports:
        if 0 <= p["box"] < len(boxes):
            sides.setdefault(p["box"], []).append((p["label"], p.get("way", "in")))
    for k, items in sorted(sides.items()):
        box = boxes[k]
        for j, (name, way) in enumerate(items):
            a = angles[k] + (j - (len(items) - 1) / 2) * 0.45
            d = np.array([math.cos(a), math.sin(a), 0.0])
            edge = box.get_center() + d * (abs(d[0]) * box.width / 2 + abs(d[1]) * box.height / 2 + 0.05)
            far = edge + d * 0.9
            arr = Arrow(far, edge, buff=0.05, color=col, stroke_width=3) if way == "in" else \
                Arrow(edge, far, buff=0.05, color=col, stroke_width=3)
            lab = text(name, theme, size=20, color=theme["text"], width_chars=14)
            lab.move_to(far + d * (0.12 + abs(d[0]) * lab.width / 2 + abs(d[1]) * lab.height / 2))
            piece = VGroup(arr, lab)
            out.add(piece)
            parts[name] = piece
    return out


def _ports(theme: dict, boxes: list, ports: list, parts: dict) -> VGroup:
    """What enters a box (an arrow down into its top, its label above) or leaves it (an arrow down out of
    its bottom, its label below); several on one side of a box spread across it."""
    out = VGroup()
    col = colour(theme, "arrow", "#9E9E9E")
    sides: dict = {}
    for p in ports:
        if 0 <= p["box"] < len(boxes):
            sides.setdefault((p["box"], p.get("way", "in")), []).append(p["label"])
    for (k, way), names in sorted(sides.items()):
        box = boxes[k]
        labs = [text(name, theme, size=20, color=theme["text"], width_chars=14) for name in names]
        # the labels side by side, spread by their own widths (three inputs over one small box do not overlap); each
        # arrow runs from its label to its own point on the box's edge
        gap = 0.3
        span = sum(lab.width for lab in labs) + gap * (len(labs) - 1)
        x = box.get_center()[0] - span / 2
        for j, (name, lab) in enumerate(zip(names, labs)):
            lx = x + lab.width / 2
            x += lab.width + gap
            dx = (j - (len(names) - 1) / 2) * min(1.2, box.width / max(1, len(names)))
            if way == "in":
                end = box.get_top() + RIGHT * dx
                start = [lx, end[1] + 0.9, 0]
                arr = Arrow(start, end, buff=0.05, color=col, stroke_width=3)
                lab.move_to([lx, start[1] + 0.08 + lab.height / 2, 0])
            else:
                start = box.get_bottom() + RIGHT * dx
                end = [lx, start[1] - 0.9, 0]
                arr = Arrow(start, end, buff=0.05, color=col, stroke_width=3)
                lab.move_to([lx, end[1] - 0.08 - lab.height / 2, 0])
            piece = VGroup(arr, lab)
            out.add(piece)
            parts[name] = piece
    return out


def _overlap(p, q) -> bool:
    return (p.get_left()[0] < q.get_right()[0] and q.get_left()[0] < p.get_right()[0]
            and p.get_bottom()[1] < q.get_top()[1] and q.get_bottom()[1] < p.get_top()[1])


def enter(mob, run_time: float):
    per = max(0.15, run_time / max(1, 2 * len(mob.boxes)))
    if mob.parallel:
        return [AnimationGroup(*[FadeIn(b) for b in mob.boxes], run_time=run_time * 0.5),
                AnimationGroup(*[Create(a) if isinstance(a, CurvedArrow) else GrowArrow(a) for a in mob.arrows],
                               *[FadeIn(lab) for lab in mob.labels],
                               *[FadeIn(p) for p in mob.ports],
                               run_time=max(0.3, run_time * 0.5))]
    steps = [FadeIn(mob.boxes[0], run_time=per)]
    for i in range(1, len(mob.boxes)):  # (boxes set side by side have no arrows between them)
        if i - 1 < len(mob.arrows):
            arrow = mob.arrows[i - 1]
            # (a cycle's curved arrow is an arc: it is drawn along its path — GrowArrow scales straight arrows only)
            steps.append(Create(arrow, run_time=per) if isinstance(arrow, CurvedArrow) else GrowArrow(arrow, run_time=per))
        steps.append(FadeIn(mob.boxes[i], run_time=per))
    for arrow in mob.arrows[len(mob.boxes) - 1:]:  # a cycle's arrow back to its first box
        steps.append(Create(arrow, run_time=per))
    if len(mob.labels):
        steps.append(FadeIn(mob.labels, run_time=per))
    if len(mob.ports):
        steps.append(AnimationGroup(*[FadeIn(p, shift=0.2 * DOWN) for p in mob.ports], run_time=per))
    return Succession(*steps)


def pulse(mob, run_time: float):
    """Data moving along the arrows, box after box."""
    flashes = [ShowPassingFlash(a.copy().set_color("#FFD54F").set_stroke(width=8), time_width=0.6)
               for a in mob.arrows]
    if not flashes:
        return None
    return Succession(*flashes, run_time=run_time)
