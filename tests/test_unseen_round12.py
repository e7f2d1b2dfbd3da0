"""Sentences from storyboards the planner was not written against (round 12: rays that reach a shape, charges that
move on a circuit), and the runtime pieces they needed. One test per mechanism."""

from __future__ import annotations

from .test_unseen_round8 import only, planned


def test_a_shape_with_wavy_arrows_hitting_another_draws_rays_from_one_to_the_other():
    (beats,), notes = planned("Draw a long horizontal rounded rectangle representing a thylakoid membrane across the "
                              "middle of the screen. Above it, a yellow circle with wavy arrows labeled 'light' hitting "
                              "the membrane.")
    shapes = only(beats, "drawing").params["shapes"]
    band, sun, rays = shapes[:3]
    assert band["type"] == "rounded_box" and band["width"] > 6  # long and horizontal: a band across the screen
    assert sun["type"] == "circle" and "label" not in sun  # the label is the rays', not the circle's
    assert rays == {"type": "wavy_line", "from": sun["id"], "to": band["id"], "label": "light", "id": "light",
                    "count": 3}
    assert not any("SB30" in n for n in notes)


def test_wavy_rays_are_a_connector_the_drawing_model_accepts():
    from compiler.components.drawing import DrawingVisual

    DrawingVisual.model_validate({"kind": "drawing", "shapes": [{"type": "circle", "id": "sun"}, {"type": "rectangle", "id": "leaf"},
                                             {"type": "wavy_line", "id": "rays", "from": "sun", "to": "leaf", "count": 3}]})


def test_dots_that_move_on_a_circuit_are_its_current_and_speeds_it_cannot_show_are_said():
    (beats,), notes = planned('Draw a circuit: a battery "6 V" and two resistors R1 = 3 Ω and R2 = 3 Ω in parallel. '
                              "Animate yellow dots: in the main wire near the battery they move fast (4 units per "
                              "second), and at the junction they split equally into the two branches, each moving at "
                              "2 units per second.")
    steps = [s for b in beats if b.kind == "circuit" for s in b.params.get("steps") or []]
    assert {"action": "flow"} in steps
    assert not any(b.rule == "highlight:animate-previous" for b in beats)
    assert any("SB307" in n and "one speed" in n and "4 and 2" in n for n in notes)


def test_wavy_rays_are_drawn_from_the_shape_to_the_one_they_hit():
    from compiler.runtime.components.drawing import build

    theme = {"text": "#FFFFFF", "font": "DejaVu Sans", "mono_font": "DejaVu Sans Mono", "roles": {}, "labels": {},
             "palette": []}
    g = build(theme, shapes=[{"type": "circle", "id": "sun", "above": "band"},
                             {"type": "rounded_box", "id": "band", "width": 7.5, "height": 1.0},
                             {"type": "wavy_line", "id": "light", "label": "light", "from": "sun", "to": "band",
                              "count": 3}])
    rays = g.connectors["light"]
    sun, band = g.mobs["sun"], g.mobs["band"]
    assert len(rays[0]) == 3  # three rays side by side
    assert rays[0].get_top()[1] <= sun.get_bottom()[1] + 0.3 and rays[0].get_bottom()[1] >= band.get_top()[1] - 0.3


def test_values_marked_with_vertical_lines_and_labels_are_lines_on_the_plot():
    (beats,), notes = planned("Create axes with x from 2.5 to 4.5 and draw the normal curve with mean 3.5 and sd 0.31. "
                              "Mark x = 2.89 and x = 4.11 with small vertical lines and labels. "
                              "Then mark y = 1 with a dashed horizontal line.")
    marks = [m for b in beats if b.kind == "plot" for m in b.params.get("markers") or []]
    assert {"axis": "x", "value": 2.89, "label": "2.89"} in marks and {"axis": "x", "value": 4.11, "label": "4.11"} in marks
    assert {"axis": "y", "value": 1} in marks
    assert not any("SB301" in n for n in notes)


def test_style_entries_written_name_colon_colour_are_read():
    from compiler.planner.theme import parse_theme

    theme, fired = parse_theme("Title: white. Normal curve: #FFFF00. Results box: green (#83C167) stroke. "
                               "Highlight for sum 7: yellow (#FFFF00) fill with opacity 0.4. "
                               "Highlight for sum 2: red (#FC6255) fill with opacity 0.4.")
    assert theme.labels["normal curve"] == "#FFFF00" and theme.title == "#FFFFFF"
    assert theme.labels["highlight for sum 2"] == "#FC6255"
    assert "highlight" not in theme.roles  # a highlight for some cells is not every highlight's colour


def test_a_highlight_without_a_colour_takes_the_one_the_style_gives_its_kind():
    from compiler.planner.theme import styled_highlight

    labels = {"results": "#83C167", "highlight for sum 7": "#FFFF00", "highlight for sum 2": "#FC6255",
              "bottom": "#FFFFFF", "reminder": "#9E9E9E", "final answer box": "#00FF00"}
    assert styled_highlight("Highlight all cells with sum 7 (the anti-diagonal: 1+6, 2+5, 3+4).", labels) == "#FFFF00"
    assert styled_highlight("Highlight the single cell with sum 2.", labels) == "#FC6255"
    assert styled_highlight("Surround the final results mu = 3.5 and sigma = 1.71 with a box.", labels) in (
        "#83C167", "#00FF00")
    assert styled_highlight("At the bottom, show the values as a reminder in a small box.", labels) == "#9E9E9E"
    assert styled_highlight("Draw the curve.", labels) is None  # no highlight asked
    (beats,), _ = planned('Show the table with columns "sum", "ways" and rows "2", "1" and "7", "6". Highlight the row '
                          '"7".')
    assert all(not b.params.get("color") for b in beats if b.kind == "highlight")  # nothing styled: the default


def test_a_formula_written_with_labelled_arrows_gets_arrows_to_its_parts():
    (beats,), notes = planned('Show the general formula "y = A sin(ωθ)" with arrows: "A: radius (height)" and '
                              '"ω: spin speed".')
    assert [b.kind for b in beats] == ["equation", "annotation", "annotation"]  # not two boxes of a flow
    assert beats[0].params["exprs"] == ["y = A sin(ωθ)"]
    assert [(b.params["target"], b.params["label"]) for b in beats[1:]] == [("A", "A: radius (height)"),
                                                                          ("ω", "ω: spin speed")]


def test_bars_of_a_height_at_listed_places_are_bars_on_the_plot_and_the_axes_make_room():
    (beats,), notes = planned("Create axes: x axis values 1 to 6 with tick labels, y axis from 0 to 0.25. "
                              "Grow six bars of equal height 1/6 (about 0.167) at x = 1,2,3,4,5,6.")
    plots = [b for b in beats if b.kind == "plot"]
    bars = next(s for b in plots for s in b.params.get("series") or [])
    assert bars["bars"] and [p[0] for p in bars["points"]] == [1, 2, 3, 4, 5, 6]
    assert all(abs(p[1] - 1 / 6) < 1e-9 for p in bars["points"])
    assert plots[0].params["x_range"] == [0.5, 6.5]  # half a bar of room each side
    assert not any("SB301" in n for n in notes)
    (beats,), notes = planned("Create axes with x from 0 to 4 and y from 0 to 1. Draw three bars of heights 0.2 and 0.5 "
                              "at x = 1, 2, 3.")
    assert any("3 places and 2 heights" in n for n in notes)  # said, not guessed


def test_bars_are_drawn_from_the_axis():
    from compiler.runtime.components import plot as runtime_plot

    theme = {"text": "#FFFFFF", "font": "DejaVu Sans", "mono_font": "DejaVu Sans Mono", "roles": {}, "labels": {},
             "palette": ["#58C4DD"], "accent": "#58C4DD", "background": "#000000"}
    g = runtime_plot.build(theme, x_range=[0.5, 6.5], y_range=[0, 0.25],
                           series=[{"points": [[x, 1 / 6] for x in range(1, 7)], "bars": True, "joined": False,
                                    "dots": False}])
    bars = g.stages[0].series[0].line
    axis_y = g.axes.c2p(0, 0)[1]
    assert len(bars) == 6 and all(abs(b.get_bottom()[1] - axis_y) < 1e-3 for b in bars)


def test_an_axis_label_given_after_a_colon_names_the_axis():
    (beats,), _ = planned('Create one set of axes in the center: x from 1 to 6, y from 0 to 1. x axis label: "Average '
                          'value". Y-axis title: "Share of rolls".')
    plot = only(beats, "plot")
    assert plot.params["x_label"] == "Average value" and plot.params["y_label"] == "Share of rolls"
    assert not any(b.kind == "text" for b in beats)  # not loose texts under the axes


def test_a_derivation_read_out_in_words_appears_line_by_line_with_its_sentences():
    """Narration that reads the lines ("x squared minus x equals zero") times them: the derivation starts with the
    sentence that says its first line, not with the last sentence because "x^2" was heard as "two"."""
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard
    from compiler.timing import estimate_spans, time_scene

    from .test_unseen_round8 import scene

    narration = ("First, where do the two curves meet? They meet where x squared equals x. Move everything to one side: "
                 "x squared minus x equals zero. Factor out an x, and we get x times x minus 1 equals zero. "
                 "These two values are the edges of our region.")
    sb = Storyboard.model_validate({"scenes": [scene("Draw the curves y = x and y = x^2 on axes from 0 to 2.\n"
                                                     "Write one line at a time:\nx^2 = x\nx^2 - x = 0\nx(x - 1) = 0",
                                                     narration, plot="Where the curves meet.")]})
    (sp,) = plan_storyboard(sb).scenes
    spans = estimate_spans(sb.scenes[0].audio_text)
    ts = time_scene(sp, spans)
    steps = next(tb for tb in ts.beats if tb.beat.kind == "steps")
    assert steps.sentence == 1  # "… x squared equals x": not the last sentence ("These two values …")
    shown = [steps.start + t for t in steps.line_times]
    assert [max(j for j, s in enumerate(spans) if s.start <= t + 1e-6) for t in shown] == [1, 2, 3]


def test_a_label_put_above_the_bars_is_the_bars_label():
    (beats,), _ = planned("Create axes: x axis values 1 to 6, y axis from 0 to 0.25. Grow six bars of equal height 1/6 "
                          'at x = 1,2,3,4,5,6. Put the label "1/6" above the middle bars.')
    bars = next(s for b in beats if b.kind == "plot" for s in b.params.get("series") or [])
    assert bars["label"] == "1/6"
    assert not any(b.kind == "text" for b in beats)  # not a loose text the layout may wipe


def test_formula_lines_that_start_with_a_word_stay_in_the_derivation_under_their_head():
    from compiler.planner.segment import detail_sentences

    units = detail_sentences("3. On the right write:\n   (x + h)² = x² + 2xh + h²\n   change in area = 2xh + h²\n"
                             "   change / h = 2x + h → 2x\n4. Shrink h: the strips get thinner.")
    assert units[0] == "On the right write:\n(x + h)² = x² + 2xh + h²\nchange in area = 2xh + h²\nchange / h = 2x + h → 2x"
    assert units[1].startswith("Shrink h")
    # an instruction that starts with the same verb is still the next instruction
    assert detail_sentences("Write:\n  y = 2x\nChange the colour of the line to red.")[1].startswith("Change the colour")


def test_an_evaluated_bracket_takes_its_bounds():
    from compiler.mathtext import to_tex

    assert to_tex("integral from 0 to 2 of x^2 dx = [x^3 / 3] from 0 to 2").tex == \
        r"\int_0^{2} x^{2} \, dx = \left[\frac{x^{3}}{3}\right]_0^{2}"
    assert to_tex("[x^2/2] evaluated from 1 to 3 = 4").tex == r"\left[\frac{x^{2}}{2}\right]_1^{3} = 4"


def test_a_column_head_that_names_its_content_is_no_title():
    (beats,), _ = planned("Right side derivation:\nT(n) = 2 T(n/2) + n\n= 4 T(n/4) + 2n\n= 8 T(n/8) + 3n")
    assert [b.kind for b in beats] == ["steps"]  # not also a column titled "derivation"


def test_a_closing_fade_waits_for_the_narration_to_end():
    """clt s5: "Fade out." as the last instruction cleared the screen while the last sentence still explained the
    formula on it (10 s of blank screen under the narration)."""
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard
    from compiler.timing import estimate_spans, time_scene

    from .test_unseen_round8 import scene

    narration = ("Here is the theorem. The average is close to normal. Its spread shrinks like one over root n. "
                 "Said another way, if we subtract the mean and divide by the standard error, the result approaches "
                 "the standard bell curve.")
    sb = Storyboard.model_validate({"scenes": [scene(
        "Write the main result: X ≈ N(mu, sigma^2/n). Write the standard error: SE = sigma/sqrt(n). Write the precise "
        "form: Z = (X - mu)/(sigma/sqrt(n)). Fade out.", narration, plot="The theorem.")]})
    (sp,) = plan_storyboard(sb).scenes
    spans = estimate_spans(sb.scenes[0].audio_text)
    ts = time_scene(sp, spans)
    fade = ts.beats[-1]
    assert fade.beat.kind == "clear" and fade.start >= spans[-1].end - 0.5  # after the last sentence, not during it


def test_two_lines_read_in_one_sentence_share_it_and_the_rest_do_not_pile_up_at_the_end():
    """rsa s6: "31 squared is 961, which leaves a remainder of 4" reads two lines; each later line had to wait for a
    later sentence, so lines 4–8 came together in 2 s after they were said."""
    from compiler.timing import Span, line_times

    said = ["Bob receives 31.", "31 squared is 961, which leaves a remainder of 4.", "Squaring again, 4 squared is 16.",
            "We multiply 16 times 4 times 31, which gives 1984.", "Dividing by 33 leaves 4."]
    spans, t = [], 0.2
    for s in said:
        spans.append(Span(t, t + 3.0, s))
        t += 3.3
    lines = ["31^2 = 961", "961 = 29 x 33 + 4", "31^4 mod 33 = 4^2 = 16", "16 x 4 x 31 = 1984", "1984 = 60 x 33 + 4"]
    times = [spans[1].start + x for x in line_times(lines, spans, 1, spans[1].start, spans[-1].end - spans[1].start)]
    heard = [max(j for j, s in enumerate(spans) if s.start <= x + 1e-6) for x in times]
    assert heard[:4] == [1, 1, 2, 3]  # the two lines of sentence 2 both with it, then one line per sentence
    assert times[1] - times[0] >= 0.8  # apart, not on top of each other


def test_motion_asked_for_beside_a_quoted_text_is_reported_when_only_the_text_is_drawn():
    (beats,), notes = planned('Show a box "Bob" on the right. Animate copies of the lock moving from Bob to Alice and '
                              'also to Eve, with text "anyone can have it".')
    assert any(b.params.get("text") == "anyone can have it" for b in beats)
    assert any("SB307" in n and "anyone can have it" in n and "motion" in n for n in notes)
    (beats,), notes = planned('Write the note "kept secret" under the key.')
    assert not any("motion" in n for n in notes)  # nothing to move: nothing lost


def test_a_dot_going_round_a_clock_is_reported_when_only_its_stop_is_marked():
    (beats,), notes = planned("Draw a clock-like circle with numbers 0 to 32 around it (only show labels 0, 8, 16, 24, 31) "
                              "and animate a dot going around: starting at 0, moving 64 steps, passing 0 once and "
                              "stopping at 31.")
    clock = only(beats, "graph")
    assert clock.params["steps"] == [{"action": "visit", "nodes": [31]}]
    assert any("SB307" in n and "trip round the circle" in n for n in notes)


def test_the_style_of_a_final_box_and_of_a_boxed_value_reach_their_highlights():
    from compiler.planner.theme import styled_highlight

    assert styled_highlight('Box "$1331".', {"final": "#66BB6A", "heading": "#83C167"}) == "#66BB6A"  # "Final box green"
    assert styled_highlight("Draw the table.", {"final": "#66BB6A"}) is None  # no box asked
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    from .test_unseen_round8 import scene

    sb = Storyboard.model_validate({"scenes": [scene(
        "On the right show the explanation:\nTotal extra: $10 + $21 = $31\nCompound total - simple total = 1331 - 1300 "
        "= $31", "The extra is 31 dollars.", plot="The extra.", style="Explanation text on the right, with the final $31 "
        "in yellow and boxed.")]})
    (sp,) = plan_storyboard(sb).scenes
    marks = [b.params for b in sp.beats if b.kind == "highlight"]
    assert len(marks) == 1 and (marks[0].get("part") or marks[0]["target"]) == "$31" and marks[0]["mode"] == "box"
    assert marks[0]["color"].upper() in ("#FFE066", "#FFFF00", "#FFD54F")  # (one box that stays, on the $31)


def test_an_animation_shown_only_as_a_pulse_of_what_is_on_screen_is_reported():
    (beats,), notes = planned("Create axes with x from 0 to 1 and draw y = x and y = x^2. "
                              "Animate removing the parabola area from the triangle, leaving the lens region.")
    assert any(b.rule == "highlight:animate-previous" for b in beats)
    assert any("SB307" in n and "only pulses" in n for n in notes)
