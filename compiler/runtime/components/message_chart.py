"""message_chart: headed lifelines as dashed columns; events laid out top to bottom in time — a row for the
states that begin together, a row per message (an arrow slanting down from sender to receiver, its label
above the middle, replies dashed, a lost one stopping halfway at a red cross, a self-message as a loop, a note
in the left margin). A new state on a lifeline dims its earlier one. Events arrive one by one across the beat;
`extend` rebuilds the chart with more events, morphs the old one into it and plays only the new events.
"""

from __future__ import annotations

import numpy as np
from manim import (DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Create, CurvedArrow, DashedLine,
                   FadeIn, GrowArrow, Line, ManimColor, ReplacementTransform, RoundedRectangle, VGroup)

from ..style import BODY_BOTTOM, BODY_TOP, BODY_W, SAFE_Y, fit, text
from .plot import dim_text, paint

HEAD = "#4FC3F7"
ARROW = "#E0E0E0"
REPLY = "#66BB6A"
LOST = "#FF7043"
STATE = "#FFD54F"
LABEL = 22
SMALL = 20


def _src(m: dict) -> str:
    return m.get("from", m.get("from_"))


def rows(messages: list[dict], states: list[dict]) -> list[tuple[str, object]]:
    """The events in time order: ("states", [states]) rows and ("message", index) rows."""
    out: list[tuple[str, object]] = []
    first = [s for s in states if s.get("after") is None]
    if first:
        out.append(("states", first))
    for i in range(len(messages)):
        out.append(("message", i))
        after = [s for s in states if s.get("after") == i]
        if after:
            out.append(("states", after))
    return out


def build(theme: dict, *, lifelines, messages=(), states=(), time_arrow: bool = False, caption=None, color=None):
    lifelines = list(lifelines)
    messages = [dict(m) for m in messages or []]
    states = [dict(s) for s in states or []]
    n = len(lifelines)
    gap = min(5.5, 10.5 / max(1, n - 1)) if n > 1 else 3.0
    xs = {name: (k - (n - 1) / 2) * gap for k, name in enumerate(lifelines)}
    head_col = paint(color, HEAD) if color else ManimColor(HEAD)
    line_col = dim_text(theme)
    heads = VGroup()
    # one type size for every name (a long name on two lines rather than in smaller type than its neighbours)
    names = []
    for name in lifelines:
        t = text(name, theme, size=LABEL + 2, color=theme["text"], weight="BOLD")
        if t.width > gap * 0.85 and " " in name.strip():
            t = text(name, theme, size=LABEL + 2, color=theme["text"], weight="BOLD",
                     # (two lines of it, never a word cut: "Authoritative server", not "Authoritati-ve")
                     width_chars=max(8, (len(name) + 1) // 2 + 1, max(len(w) for w in name.split())))
        names.append(t)
    shrink = min([1.0] + [gap * 0.85 / t.width for t in names if t.width > 0])
    height = max([0.62] + [t.height * shrink + 0.24 for t in names])
    for name, t in zip(lifelines, names):
        t.scale(shrink)
        box = RoundedRectangle(width=max(1.4, t.width + 0.4), height=height, corner_radius=0.12, color=head_col,
                               stroke_width=3).move_to([xs[name], height / 2 - 0.31, 0])
        box.set_fill(ManimColor(theme["background"]).interpolate(head_col, 0.15), 1)
        t.move_to(box.get_center())
        heads.add(VGroup(box, t))
    many = len(messages)
    # the more messages, the tighter the rows (the chart must fit without its text getting small)
    slant, room, gap_after = (0.45, 0.4, 0.25) if many <= 6 else ((0.3, 0.34, 0.2) if many <= 9 else (0.15, 0.3, 0.12))
    y = -0.31 - 0.35
    events = []
    last_state: dict[str, VGroup] = {}
    for kind, what in rows(messages, states):
        if kind == "states":
            row = VGroup()
            for s in what:
                t = text(s["text"], theme, size=SMALL, color=STATE, max_width=gap * 0.9)
                box = RoundedRectangle(width=t.width + 0.3, height=t.height + 0.22, corner_radius=0.1, color=STATE,
                                       stroke_width=2).set_fill(theme["background"], 1)
                piece = VGroup(box, t).move_to([xs.get(s["lifeline"], 0.0), y - 0.3, 0])
                piece.set_z_index(2)
                piece.sbc_prev = last_state.get(s["lifeline"])
                last_state[s["lifeline"]] = piece
                row.add(piece)
            row.sbc_event = "states"
            events.append(row)
            y -= max(0.68, max(p.height for p in row) + 0.2)
            continue
        m = messages[what]
        a, b = xs.get(_src(m), 0.0), xs.get(m["to"], 0.0)
        lines = str(m.get("label") or "").count("\n") + 1  # a packet written on several lines needs their room
        y0 = y - room - (lines - 1) * 0.3 if a != b else y - room
        col = paint(m.get("color"), REPLY if m.get("reply") else ARROW) if m.get("color") else \
            ManimColor(REPLY if m.get("reply") else ARROW)
        piece = VGroup()
        if a == b:  # to itself: a loop to the right
            arrow = CurvedArrow(np.array([a, y0, 0]), np.array([a, y0 - slant - 0.2, 0]), angle=-2.2, color=col,
                                stroke_width=3, tip_length=0.18)
            mid = np.array([a + 0.55, y0 - (slant + 0.2) / 2, 0])
            lab_at = mid + RIGHT * 0.15
            side = RIGHT
        else:
            start, end = np.array([a, y0, 0]), np.array([b, y0 - slant, 0])
            if m.get("lost"):
                end = start + (end - start) * 0.55
            arrow = Arrow(start, end, buff=0.05, color=col, stroke_width=3.5, tip_length=0.2,
                          max_tip_length_to_length_ratio=0.2)
            if m.get("reply"):
                arrow = VGroup(DashedLine(start, end - (end - start) / np.linalg.norm(end - start) * 0.15, color=col,
                                          stroke_width=3, dash_length=0.12),
                               Arrow(end - (end - start) / np.linalg.norm(end - start) * 0.3, end, buff=0.02,
                                     color=col, stroke_width=3, tip_length=0.2, max_tip_length_to_length_ratio=0.9))
            lab_at = (np.array([a, y0, 0]) + np.array([b, y0 - slant, 0])) / 2 + UP * 0.05
            if m.get("lost"):
                lab_at = (start + end) / 2 + UP * 0.05
            side = UP
        piece.add(arrow)
        if m.get("lost") and a != b:
            c = (arrow[-1] if m.get("reply") else arrow).get_end()  # a lost reply: the end of its dashed arrow's tip
            cross = VGroup(Line(c + np.array([-0.15, -0.15, 0]), c + np.array([0.15, 0.15, 0]), color=LOST,
                                stroke_width=5),
                           Line(c + np.array([-0.15, 0.15, 0]), c + np.array([0.15, -0.15, 0]), color=LOST,
                                stroke_width=5))
            piece.add(cross)
        if m.get("label"):
            # over the arrow and a little past its ends (a label in small type is worse than one over a dashed line)
            width = max(1.2, abs(b - a) * 0.9 + gap * 0.5) if a != b else gap * 0.8
            t = text(m["label"], theme, size=LABEL, color=LOST if m.get("lost") else theme["text"], max_width=width,
                     math=True)  # "SYN, seq = 1000" typeset
            if side is UP:  # above the whole arrow, over its middle
                t.move_to([lab_at[0], y0 + 0.06 + t.height / 2, 0])
            else:
                t.next_to(lab_at, RIGHT, buff=0.1)
            piece.add(t)
        if m.get("note"):
            t = text(m["note"], theme, size=SMALL, color=line_col)
            t.move_to([min(xs.values()) - 0.9 - t.width / 2, y0 - slant / 2, 0])
            piece.add(t)
        piece.sbc_event = "message"
        events.append(piece)
        y = y0 - slant - (0.45 if a == b else gap_after)
    bottom = y - 0.1
    lines = VGroup(*[DashedLine([xs[name], -0.31, 0], [xs[name], bottom, 0], color=line_col, stroke_width=2,
                                dash_length=0.12) for name in lifelines])
    static = VGroup(lines, heads)
    if time_arrow:
        x = min([h.get_left()[0] for h in heads] + [e.get_left()[0] for e in events]) - 0.35
        arr = Arrow([x, -0.5, 0], [x, bottom, 0], buff=0, color=line_col, stroke_width=3, tip_length=0.2,
                    max_tip_length_to_length_ratio=0.1)
        lab = text("time", theme, size=SMALL, color=line_col).rotate(np.pi / 2)
        lab.next_to(arr, LEFT, buff=0.12)
        static.add(VGroup(arr, lab))
    g = VGroup(static, *events)
    g.static, g.events, g.heads, g.lines = static, events, heads, lines
    g.caption = None
    if caption:
        cap = text(caption, theme, size=LABEL, color=theme["text"], width_chars=60)
        cap.next_to(VGroup(static, *events), DOWN, buff=0.35)
        g.caption = cap
        g.add(cap)
    g.spec = dict(lifelines=lifelines, messages=messages, states=states, time_arrow=time_arrow, caption=caption,
                  color=color)
    g.played = 0
    g.parts = {name: h for name, h in zip(lifelines, heads)}
    for m, ev in zip([messages[w] for k, w in rows(messages, states) if k == "message"],
                     [e for e in events if e.sbc_event == "message"]):
        if m.get("label"):
            g.parts[m["label"]] = ev
    if caption:
        g.parts[caption] = g.caption
    g.sbc_kind = "message_chart"
    g.grow = 1.25
    return g


def enter(mob, run_time: float):
    out = [AnimationGroup(*[FadeIn(h, shift=0.15 * DOWN) for h in mob.heads], lag_ratio=0.2,
                          run_time=max(0.3, run_time * 0.4)),
           AnimationGroup(*[Create(x) for x in mob.static[1:] if x is not mob.heads and x is not mob.lines],
                          *[Create(x) for x in mob.lines], run_time=max(0.3, run_time * 0.4))]
    if mob.caption is not None:
        out.append(FadeIn(mob.caption, run_time=0.3))
    return out


def _play_event(scene, g, ev, rt: float) -> None:
    if ev not in g.submobjects:
        g.add(ev)
    if ev.sbc_event == "states":
        dims = [p.sbc_prev.animate.set_opacity(0.35) for p in ev if getattr(p, "sbc_prev", None) is not None]
        scene.play(*[FadeIn(p, scale=0.8) for p in ev], *dims, run_time=rt)
        return
    arrow, rest = ev[0], list(ev[1:])
    grow = GrowArrow(arrow) if isinstance(arrow, Arrow) else Create(arrow)
    scene.play(grow, *[FadeIn(x) for x in rest], run_time=rt)


def run(scene, g, until: float) -> None:
    """Play the events not yet played, evenly spread until `until` (seconds into the scene)."""
    todo = g.events[g.played:]
    if not todo:
        return
    start = scene.now
    per = max(0.3, (until - start - 0.3) / len(todo))
    for n, ev in enumerate(todo):
        scene._wait_until(start + n * per)
        _play_event(scene, g, ev, max(0.25, min(0.9, per * 0.6)))
        g.played += 1



def find_chart(scene):
    return scene.on_screen("message_chart")


def extend(scene, *, until: float, slot: float, strings=(), lifelines=(), messages=(), states=(), **rest) -> None:
    """More messages and states below the chart on screen: the chart is rebuilt with them, the old one morphs
    into it, and only the new events play. With no chart on screen, this beat's chart is drawn."""
    old = find_chart(scene)
    if old is None:
        if not lifelines:
            return
        g = build(scene.theme, lifelines=lifelines, messages=messages, states=states, **rest)
        scene.show(g, enter, slot=slot, strings=strings)
        run(scene, g, until)
        return
    spec = old.spec
    base = len(spec["messages"])
    new_states = [dict(s, after=(s["after"] + base) if s.get("after") is not None else (base - 1 if base else None))
                  for s in states or []]
    names = list(spec["lifelines"]) + [n for n in (lifelines or []) if n not in spec["lifelines"]]
    g = build(scene.theme, lifelines=names, messages=list(spec["messages"]) + [dict(m) for m in messages or []],
              states=list(spec["states"]) + new_states, time_arrow=spec["time_arrow"],
              caption=rest.get("caption") or spec["caption"], color=spec["color"])
    top = min(BODY_TOP, scene.title_mob.get_bottom()[1] - 0.3) if scene.title_mob is not None else SAFE_Y
    area_h = top - BODY_BOTTOM
    fit(g, BODY_W, area_h)
    if len(scene.body) > 1:  # other things on screen: the chart keeps its place and size at most
        if g.height > old.height:
            g.scale(old.height / g.height)
        g.move_to(old.get_center())
    else:
        g.move_to([0, (top + BODY_BOTTOM) / 2, 0])
    shown = old.played
    g.played = shown
    fresh = g.events[shown:]
    for ev in fresh:
        g.remove(ev)
    scene.add(old)
    scene.play(ReplacementTransform(old, g), run_time=scene.run_time(slot, 0.6))
    scene.body[scene.body.index(old)] = g
    scene.named = [(s, m) for s, m in scene.named if m is not old] + [(tuple(strings), g)]
    run(scene, g, until)
