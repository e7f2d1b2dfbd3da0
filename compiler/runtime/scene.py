"""`SbcScene`: the base class of every generated scene — timing, layout that fits, transitions."""

from __future__ import annotations

from manim import DOWN, RIGHT, FadeIn, FadeOut, ManimColor, Scene, VGroup, config

from ..components import FIGURES  # pictures the notes of a scene speak of (see is_figure)
from .style import BODY_BOTTOM, BODY_TOP, BODY_W, COLUMN_W, COLUMN_X, SAFE_Y, fit

BODY_GAP = 0.35
SHRINK_TO_FIT = 0.8  # what is on screen may shrink this far to make room for a newcomer before anything goes …
MOVED_AT_LEAST = 0.5  # a note moving to the right column beside a figure pinned left keeps at least this share of its size
SIDE_MARK_MAX = 1.2  # a newcomer at most this tall (a check mark, an icon) goes beside the last thing when short of room
SIDE_MARK_GAP = 0.4
DERIVATION_PIN_SCALE = 0.6  # a derivation moves to the left half only when it keeps at least this share of its size
SHRUNK_AT_MOST = 0.7  # … and, over several newcomers, never below this share of the size it was drawn at
# FIGURES, the pictures the notes of a scene speak of, stay on screen (shrunk, or in the left half) while notes
# make room


def is_figure(mob) -> bool:
    """A figure the notes speak of: stays (shrunk, or in the left half) when a newcomer does not fit. A row of boxes
    becomes one when its cells are marked — pointers, a brace, cells greyed out or filled (`cells_marked`)."""
    return getattr(mob, "sbc_kind", None) in FIGURES or getattr(mob, "cells_marked", False)


def _peak(a) -> float:
    """When an animation that comes and goes is at its most visible: halfway; for a succession (flashes
    along the arrows one after the other), halfway through its middle one — not between two of them."""
    from manim import Succession

    if isinstance(a, Succession) and len(a.animations) > 1 and a.max_end_time > 0:
        timing = a.anims_with_timings[(len(a.animations) - 1) // 2]
        return float(timing["start"] + timing["end"]) / 2 / a.max_end_time
    return 0.5


class SbcScene(Scene):
    """Subclasses set `theme` (a dict from the plan), `total_duration` and `transition`."""

    theme: dict = {}
    total_duration: float = 5.0
    transition: str = "fade"
    inspector = None  # set by `sbc check` / `sbc preview`: called at the end of every beat
    # (first beat, end beat) to render; the beats before are fast-forwarded (their end state applied
    # without frames), the ones after skipped. Beat n+1 is the closing transition. Set by sbc's
    # renderer to render one scene as several segments in parallel; None renders the whole scene.
    segment: tuple[int, int] | None = None

    def setup(self) -> None:
        self.camera.background_color = ManimColor(self.theme["background"])
        self.title_mob = None
        self.body: list = []          # mobjects stacked in the body area, top to bottom
        self.named: list = []         # (strings, mobject) for highlight targets
        self.pinned = None            # a figure held in the left half while the body stacks on the right
        self._beat = 0
        self._mode = "render"         # "render" | "forward" (end states only) | "done" (nothing)

    # ------------------------------------------------------------------ rendering modes
    @property
    def _rendering(self) -> bool:
        return self.inspector is None and self._mode == "render"

    def play(self, *animations, **kwargs):
        if self._rendering:
            return super().play(*animations, **kwargs)
        if self._mode != "done":
            for a in animations:
                self._apply_end_state(a)
        return None

    def wait(self, *args, **kwargs):
        if self._rendering:
            return super().wait(*args, **kwargs)
        return None

    def _enter_beat(self, t: float) -> None:
        """Beat boundary: inspection hook, and the switch between rendering modes for segments."""
        if self.inspector is not None:
            self.inspector.beat_boundary(self)
        self._beat += 1
        if self.segment is None or self.inspector is not None:
            return
        first, end = self.segment
        if self._beat < first:
            self._mode = "forward"
        elif self._beat < end:
            if self._mode == "forward":
                self.renderer.time = t  # the segment's clock starts at its first beat
            self._mode = "render"
        else:
            if self._mode == "render":
                self._wait_until(t)  # the hold before the next segment's first beat is ours
            self._mode = "done"

    def key_frame(self) -> None:
        """This moment is what the beat is about (a mark before it fades): `sbc preview` shows it for the beat
        instead of the beat's last frame. Nothing happens in a render."""
        if self.inspector is not None and hasattr(self.inspector, "key_frame"):
            self.inspector.key_frame(self)

    def play_key(self, *animations, **kwargs):
        """`play` whose middle is the beat's key frame — an `Indicate` at its brightest, a flash halfway along
        the arrows. In a render it is `play`; in a dry run that captures frames (`sbc preview`), what enters
        is shown whole, everything else at its halfway point, the key frame is taken, then every animation
        ends as `play` would end it."""
        if self.inspector is None or not getattr(self.inspector, "capture", False) or self._mode == "done":
            return self.play(*animations, **kwargs)
        from manim.mobject.mobject import _AnimationBuilder

        peaks = []
        for a in animations:
            if isinstance(a, _AnimationBuilder):
                a = a.build()
            if a.is_introducer():
                self._apply_end_state(a)
                continue
            if "rate_func" in kwargs:
                a.rate_func = kwargs["rate_func"]
            self.add_mobjects_from_animations([a])  # what `play` adds: a flash's copy of the arrows
            a._setup_scene(self)
            a.begin()
            a.interpolate(_peak(a))
            peaks.append(a)
        self.key_frame()
        for a in peaks:
            a.finish()
            a.clean_up_from_scene(self)
        return None

    def _bring_back(self, a) -> None:
        """What `play` adds for an animation whose mobject is off screen — only when none of it is on screen: a
        group made on the spot of parts already there (`VGroup(*parts).animate…`) adds nothing new to see."""
        mob = a.mobject
        if mob is None:
            return
        here = set(map(id, self.get_mobject_family_members()))
        if not any(id(m) in here for m in mob.get_family()):
            self.add(mob)

    def _apply_end_state(self, a) -> None:
        """What `play` leaves on screen, without running the animation (no deep copies, no frames)."""
        from manim import AnimationGroup
        from manim.animation.transform import _MethodAnimation
        from manim.mobject.mobject import _AnimationBuilder

        if isinstance(a, _AnimationBuilder):
            a = a.build()
        if isinstance(a, AnimationGroup):
            for sub in a.animations:
                self._apply_end_state(sub)
        elif a.is_remover():
            # as Manim's play does: the mobject is (re)added as a whole first, so parts that entered
            # one by one leave with it
            self.add(a.mobject)
            self.remove(a.mobject)
        elif a.is_introducer():
            self.add(a.mobject)
        elif isinstance(a, _MethodAnimation):
            # `mob.animate.f(...)`: call f on the mobject itself (no target copy, no interpolation)
            self._bring_back(a)
            for call in a.methods:  # manim.data_structures.MethodWithArgs
                getattr(a.mobject, call.method.__name__)(*call.args, **call.kwargs)
        else:
            # any other animation (ReplacementTransform, Indicate, MoveToTarget, …): what Manim's own
            # skip mode does — begin, jump to the end, clean up (which may swap mobjects in the scene); its mobject
            # is on screen after it, as `play` leaves it (a sweep redraws rays taken off screen first)
            self._bring_back(a)
            a._setup_scene(self)
            a.begin()
            a.finish()
            a.clean_up_from_scene(self)

    # ------------------------------------------------------------------ timing
    @property
    def now(self) -> float:
        return self.renderer.time

    def at(self, t: float) -> None:
        """Wait until `t` seconds into the scene (never backwards). Each beat starts with this call."""
        self._enter_beat(t)
        self._wait_until(t)

    def on_screen(self, kind: str):
        """The newest component of `kind` (its `sbc_kind`) in the body, or None: what an `extend` beat acts on."""
        return next((m for m in reversed(self.body) if getattr(m, "sbc_kind", None) == kind), None)

    def picture(self, kind: str, draw, enter, slot: float, strings=()):
        """What an `extend` beat acts on: the component of `kind` on screen (known from now on by this beat's
        strings too), or else the one `draw()` builds, shown; None when neither (nothing to draw)."""
        g = self.on_screen(kind)
        if g is not None:
            self.named.append((tuple(strings), g))
            return g
        if draw is None:
            return None
        g = draw()
        self.show(g, enter, slot=slot, strings=strings)
        return g

    def paced(self, items, until: float):
        """The items in turn, spread evenly until `until` (each waits for its moment): (item, time per item)."""
        items = list(items)
        start = self.now
        per = max(0.4, (until - start - 0.4) / max(1, len(items)))
        for n, item in enumerate(items):
            self._wait_until(start + n * per)
            yield item, per

    def _wait_until(self, t: float) -> None:
        dt = t - self.now
        if dt >= 1 / config.frame_rate:
            self.wait(dt)

    def run_time(self, slot: float, preferred: float = 1.0) -> float:
        return max(1 / config.frame_rate * 2, min(preferred, slot * 0.6))

    # ------------------------------------------------------------------ layout
    def show_title(self, mob, slot: float, strings=()) -> None:
        fit(mob, BODY_W, 1.3)
        mob.move_to([0, SAFE_Y - mob.height / 2 - 0.05, 0])
        outs = [FadeOut(m) for m in ([self.title_mob] if self.title_mob else []) + self.body]
        self.body = []
        self.named = []
        self.pinned = None
        if outs:
            self.play(*outs, run_time=self.run_time(slot, 0.5))
        self.title_mob = mob
        self.named.append((tuple(strings), mob))
        from manim import Write
        self.play(Write(mob) if len(mob) < 60 else FadeIn(mob, shift=0.2 * DOWN), run_time=self.run_time(slot, 1.2))

    def show(self, mob, enter, slot: float, strings=()) -> None:
        """Place `mob` in the body area under what is there; when it would not fit, make room: the notes
        give way to a figure they speak of (which shrinks above them, or moves to the left half while they
        stack on the right), else the body is cleared."""
        # the body starts under the title as drawn (a title may wrap to two lines)
        top = min(BODY_TOP, self.title_mob.get_bottom()[1] - 0.3) if self.title_mob is not None else SAFE_Y
        area_h = top - BODY_BOTTOM
        grow = getattr(mob, "grow", None)
        if grow and mob.width < BODY_W * 0.7 and mob.height < area_h * 0.6:
            # diagrams are drawn at a base size: enlarge small ones to use the frame
            mob.scale(min(grow, BODY_W * 0.7 / mob.width, area_h * 0.6 / mob.height))
        place, self.place_next = getattr(self, "place_next", None), None
        if place == "right" and self.pinned not in self.body:
            # "Right half: draw axes …" with a figure on screen: that figure keeps the left half, the newcomer the right
            beside = next((m for m in reversed(self.body) if is_figure(m)), None)
            if beside is None and self.column():
                # "On the left, write the givens … On the right, create axes": the column keeps the left half, whole
                members = self.column()
                beside = VGroup(*members)
                self.remove(*members)
                self.add(beside)
                beside.sbc_members = members
            if beside is not None:
                self._pin_left(beside, top, area_h)
        pinned = self.pinned if self.pinned in self.body else None
        fit(mob, COLUMN_W if pinned is not None else BODY_W, area_h)
        column = self.column()
        used = sum(m.height for m in column) + BODY_GAP * len(column)
        anims = []
        if column and used + mob.height > area_h and (pinned is None or mob.height <= SIDE_MARK_MAX):
            # (beside a pinned figure, for a small mark only: the column shrinks, the figure stays)
            # everything stays when a little shrinking makes room ("below the table show …"): nothing the narration
            # may still speak of is wiped for want of a few tenths of a unit
            k = (area_h - BODY_GAP * len(column)) / (sum(m.height for m in column) + mob.height)
            if k >= SHRINK_TO_FIT and all(getattr(m, "sbc_shrunk", 1.0) * k >= SHRUNK_AT_MOST for m in column):
                mob.scale(k)
                mob.sbc_shrunk = k
                for m in column:
                    m.sbc_shrunk = getattr(m, "sbc_shrunk", 1.0) * k
                if self._rendering:
                    self.play(*[m.animate.scale(k) for m in column], run_time=self.run_time(slot, 0.4))
                else:  # inspection: just shrink them
                    for m in column:
                        m.scale(k)
                used = sum(m.height for m in column) + BODY_GAP * len(column)
        if column and used + mob.height > area_h + 1e-6 and self._beside_last(mob, slot, enter, strings):
            return  # a small mark (a check, a cross, an icon) beside what is there: nothing wiped for it
        if column and used + mob.height > area_h + 1e-6:
            # a tall newcomer (a table, a derivation) goes beside the figure; a short one under it
            tall = mob.height > 0.35 * area_h
            keep = pinned or (None if tall else self._figure_to_keep(mob, area_h))
            side = keep is None and self._figure_to_pin(mob, area_h)
            moved: list = []
            if side is not None and side is not False:
                keep = pinned = self.pinned = side
                fit(mob, COLUMN_W, area_h)
                moved = self._notes_to_move(mob, side, area_h)
                for m, k in moved:  # (they take their place in the right column with the newcomer, below)
                    if k < 1.0:
                        m.sbc_shrunk = getattr(m, "sbc_shrunk", 1.0) * k
                        if self._rendering:
                            anims.append(m.animate.scale(k))
                        else:
                            m.scale(k)
            stay = [keep] + [m for m, _ in moved] if keep is not None else []
            anims.extend(FadeOut(m) for m in self.body if m not in stay)
            self.named = [n for n in self.named if n[1] is self.title_mob or n[1] in stay]
            self.body = stay
            if pinned is not None and (pinned.width > COLUMN_W + 0.05 or abs(pinned.get_center()[0] + COLUMN_X) > 0.05):
                k = min(1.0, COLUMN_W / max(pinned.width, 1e-6), area_h / max(pinned.height, 1e-6))
                spot = [-COLUMN_X, (top + BODY_BOTTOM) / 2, 0]
                if self._rendering:
                    anims.append(pinned.animate.scale(k).move_to(spot))
                else:  # inspection: just move it
                    pinned.scale(k).move_to(spot)
            elif keep is not None and keep.height + BODY_GAP + mob.height > area_h:
                k = (area_h - BODY_GAP - mob.height) / keep.height
                if self._rendering:
                    anims.append(keep.animate.scale(k))
                else:  # inspection: just shrink it
                    keep.scale(k)
            if anims:
                self.play(*anims, run_time=self.run_time(slot, 0.5))
            anims = []
        x = COLUMN_X if pinned is not None else 0
        stack = self.column() + [mob]
        heights = [m.height for m in stack]  # measured before anything moves
        total = sum(heights) + BODY_GAP * (len(stack) - 1)
        y = (top + BODY_BOTTOM) / 2 + total / 2
        moves = []
        for m, h in zip(stack, heights):
            target_y = y - h / 2
            # (beside a pinned figure, every note of the column sits in the right half)
            target_x = x if pinned is not None else m.get_center()[0]
            if m is mob:
                m.move_to([x, target_y, 0])
            elif abs(m.get_center()[1] - target_y) > 1e-3 or abs(m.get_center()[0] - target_x) > 1e-3:
                if self._rendering:
                    moves.append(m.animate.move_to([target_x, target_y, 0]))
                else:  # fast-forward / inspection: just move it (no animation, no copies)
                    m.move_to([target_x, target_y, 0])
            y -= h + BODY_GAP
        self.body.append(mob)
        self.named.append((tuple(strings), mob))
        rt = self.run_time(slot, 1.0)
        if moves:
            self.play(*moves, run_time=min(0.5, rt))
        self._enter(mob, enter, rt)

    def _enter(self, mob, enter, rt: float) -> None:
        """Play a component's entrance: `enter(mob, run_time)` or the animation(s) given."""
        animations = enter(mob, rt) if callable(enter) else enter
        for a in (animations if isinstance(animations, (list, tuple)) else [animations]):
            self.play(a)

    def column(self) -> list:
        """What stacks in the body: all but the figure pinned in the left half and the marks set beside others."""
        return [m for m in self.body if m is not self.pinned and getattr(m, "sbc_beside", None) is None]

    def _pin_left(self, figure, top: float, area_h: float) -> None:
        """`figure` holds the left half from now on; everything else on screen gives way to the right column."""
        members = getattr(figure, "sbc_members", [figure])
        gone = [m for m in self.body if m is not figure and m not in members]
        k = min(1.0, COLUMN_W / max(figure.width, 1e-6), area_h / max(figure.height, 1e-6))
        spot = [-COLUMN_X, (top + BODY_BOTTOM) / 2, 0]
        if self._rendering:
            self.play(*[FadeOut(m) for m in gone], figure.animate.scale(k).move_to(spot), run_time=0.5)
        else:  # inspection: just move it, and take the others off
            figure.scale(k).move_to(spot)
            self.remove(*gone)
        self.body = [figure]
        self.named = [n for n in self.named if n[1] is self.title_mob or n[1] is figure or n[1] in members]
        self.pinned = figure

    def _beside_last(self, mob, slot: float, enter, strings) -> bool:
        """A small newcomer that does not fit under what is on screen ("a check mark next to method 2") goes to the
        right of the last thing drawn, and stays there as it moves; True if it found room there."""
        if not self.body or mob.height > SIDE_MARK_MAX or mob.width > SIDE_MARK_MAX * 1.5:
            return False
        last = self.body[-1]
        if last.get_right()[0] + SIDE_MARK_GAP + mob.width > BODY_W / 2 - 0.1:
            return False
        mob.next_to(last, RIGHT, buff=SIDE_MARK_GAP)
        mob.add_updater(lambda m, a=last: m.next_to(a, RIGHT, buff=SIDE_MARK_GAP))
        mob.sbc_beside = last
        self.body.append(mob)
        self.named.append((tuple(strings), mob))
        self._enter(mob, enter, self.run_time(slot, 1.0))
        return True

    def _figure_to_pin(self, mob, area_h: float):
        """A figure on screen that can hold the left half while `mob` and the notes after it use the right
        half (a graph beside its table, a plot beside its derivation); None if there is none."""
        if mob.height > area_h + 1e-6:
            return None
        figure = None if is_figure(mob) else next((m for m in reversed(self.body) if is_figure(m)), None)
        if figure is None:  # (a diagram after a derivation goes beside it too: "Show a cycle diagram: …")
            # a derivation of three lines or more holds the left half while what follows it uses the right (a rule
            # beside it, a second method): the narration walks through its lines after they are written, so it is
            # not wiped for a newcomer — when it stays readable at half the width
            figure = next((m for m in reversed(self.body) if getattr(m, "sbc_kind", None) == "steps"
                           and len(getattr(m, "lines", None) or ()) >= 3 and m.width * DERIVATION_PIN_SCALE <= COLUMN_W
                           and mob.width * DERIVATION_PIN_SCALE <= COLUMN_W), None)
        return figure

    def _notes_to_move(self, mob, figure, area_h: float) -> list:
        """When `figure` takes the left half for `mob`: the newest notes on screen that fit in the right column
        above `mob` (narrowed to the column, never below `MOVED_AT_LEAST` of their drawn size) as (note, scale) —
        they move there instead of being wiped (an answer box stays while the check of it is written)."""
        room = area_h - mob.height
        out: list = []
        for m in reversed(self.column()):
            if m is figure or is_figure(m):
                break
            k = min(1.0, COLUMN_W / max(m.width, 1e-6))
            if getattr(m, "sbc_shrunk", 1.0) * k < MOVED_AT_LEAST or m.height * k + BODY_GAP > room:
                break
            room -= m.height * k + BODY_GAP
            out.insert(0, (m, k))
        return out

    def _figure_to_keep(self, mob, area_h: float):
        """When `mob` does not fit under what is on screen: the newest figure (a plot or diagram) that can stay,
        shrunk to at most a third, while the notes around it make room — a caption must not wipe the plot it
        speaks of. None when `mob` is itself a figure or the figure cannot shrink that far."""
        if is_figure(mob):
            return None
        figure = next((m for m in reversed(self.body) if is_figure(m)), None)
        if figure is None:
            return None
        room = area_h - BODY_GAP - mob.height
        return figure if room >= max(2.0, figure.height * 0.66) else None

    def update(self, mob, enter, slot: float, strings=(), target: str | None = None) -> None:
        """A new state of a component on screen — the one showing `target`, or the last of the same `sbc_kind`:
        it morphs in place, keeping its spot in the stack; with none on screen (or no room for the new state)
        it is shown like any other."""
        kind = getattr(mob, "sbc_kind", None)
        if target is not None:
            old = next((m for s, m in reversed(self.named) if target in s and m in self.body), None)
        else:
            old = next((m for m in reversed(self.body) if kind and getattr(m, "sbc_kind", None) == kind), None)
        if old is None:
            return self.show(mob, enter, slot=slot, strings=strings)
        top = min(BODY_TOP, self.title_mob.get_bottom()[1] - 0.3) if self.title_mob is not None else SAFE_Y
        area_h = top - BODY_BOTTOM
        if kind == "table" and old.width > 0 and mob.width > 0:
            mob.scale(old.width / mob.width)  # a table grown by a row keeps its width (its type size), as the fit allows
        elif getattr(mob, "grow", None) and getattr(old, "grow", None) and old.height > 0 and mob.height > 0:
            mob.scale(old.height / mob.height)  # a new state of an enlarged diagram keeps its size (the fit bounds it)
        fit(mob, COLUMN_W if self.pinned in self.body else BODY_W, area_h)
        if old.height > 0 and mob.height > old.height and kind != "table":
            # keep the stack still where the new state allows (a table that grows a row keeps its type size: shrunk
            # at each new row it would be unreadable after three)
            mob.scale(max(old.height / mob.height, 0.8))
        if old is self.pinned:
            fit(mob, old.width, old.height)
        stack = [m for m in self.body if m is not self.pinned]
        others = sum(m.height for m in stack if m is not old) + BODY_GAP * max(0, len(stack) - 1)
        if others + mob.height > area_h:
            return self.show(mob, enter, slot=slot, strings=strings)
        mob.move_to(old.get_center())
        from manim import ReplacementTransform

        self.add(old)  # its parts entered one by one: the transform needs the whole group in the scene

        self.play(ReplacementTransform(old, mob), run_time=self.run_time(slot, 0.8))
        self.body[self.body.index(old)] = mob
        self.named = [(s, m) for s, m in self.named if m is not old] + [(tuple(strings), mob)]
        self._restack()

    def _restack(self) -> None:
        """Move the body's members back to an even stack after one of them changed size."""
        top = min(BODY_TOP, self.title_mob.get_bottom()[1] - 0.3) if self.title_mob is not None else SAFE_Y
        stack = self.column()
        total = sum(m.height for m in stack) + BODY_GAP * (len(stack) - 1)
        if stack and total > top - BODY_BOTTOM + 1e-6:
            # a member grew past the room (a chart's new state is taller): the stack shrinks to fit under the title
            k = max(0.0, top - BODY_BOTTOM - BODY_GAP * (len(stack) - 1)) / max(1e-6, sum(m.height for m in stack))
            for m in stack:
                m.scale(k)
            total = sum(m.height for m in stack) + BODY_GAP * (len(stack) - 1)
        y = (top + BODY_BOTTOM) / 2 + total / 2
        for m in stack:
            m.move_to([m.get_center()[0], y - m.height / 2, 0])
            y -= m.height + BODY_GAP

    def find(self, target: str | None):
        """The on-screen mobject a highlight refers to (by the text it shows), default the last one."""
        if target:
            t = target.lower()
            for strings, mob in reversed(self.named):
                # named exactly (the bar labelled "E") before a longer text that contains it ("others")
                sub = getattr(mob, "parts", None)
                for key, part in (sub.items() if isinstance(sub, dict) else ()):
                    if key.strip().lower() == t.strip():
                        return part
                if any(s.strip().lower() == t.strip() for s in strings if s):
                    return mob
            def inside(short: str, long: str) -> bool:
                # a text on screen inside the target counts when it is most of it ("6 V" is not the line
                # "I = 6 V / 1.5 Ω = 4 A" that the highlight names)
                return bool(short) and short in long and 2 * len(short) >= len(long)

            for strings, mob in reversed(self.named):
                if any(t in s.lower() or inside(s.lower(), t) for s in strings if s):
                    sub = getattr(mob, "parts", None)
                    if isinstance(sub, dict):
                        for key, part in sub.items():
                            if t in key.lower() or inside(key.lower(), t):
                                return part
                    return mob
            return None  # (named, and not on screen: nothing is marked — never the last thing drawn instead)
        if self.body:
            return self.body[-1]
        return self.title_mob

    def clear_all(self, slot: float) -> None:
        mobs = ([self.title_mob] if self.title_mob else []) + self.body
        if mobs:
            self.play(*[FadeOut(m) for m in mobs], run_time=self.run_time(slot, 0.6))
        self.title_mob, self.body, self.named, self.pinned = None, [], [], None

    def clear_kinds(self, kinds, slot: float) -> None:
        """"Fade out the plane": the figures of these kinds leave; the title and everything else stay."""
        gone = [m for m in self.body if getattr(m, "sbc_kind", None) in set(kinds)]
        if not gone:
            return
        self.play(*[FadeOut(m) for m in gone], run_time=self.run_time(slot, 0.6))
        self.body = [m for m in self.body if m not in gone]
        self.named = [(s, m) for s, m in self.named if m not in gone]
        if self.pinned in gone:
            self.pinned = None

    def finish(self) -> None:
        fade = 0.6 if self.transition == "fade" else 0.0
        self._enter_beat(self.total_duration - fade)
        self._wait_until(self.total_duration - fade)
        if fade and self.mobjects:
            self.play(*[FadeOut(m) for m in self.mobjects], run_time=fade)
        self._wait_until(self.total_duration)

