"""Round 13 (round-4 frame reviews of six shared storyboards, held-out storyboards): earlier derivation lines dimmed as
the style asks, lines of letters timed by the sentence that reads them, several pieces of a formula coloured."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.colours import style_tints
from compiler.timing import Span, line_times

from .conftest import scene


def planned(details: str, style: str, audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_earlier_lines_fade_as_the_style_asks():
    beats, notes = planned("Show the modulus:\nn = p x q\nn = 3 x 11\nn = 33",
                           "Each line appears below the previous one, then the earlier lines fade to 50 percent opacity.")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["dim_earlier"] == 0.5
    beats, _ = planned("Show the steps:\n2x = 8\nx = 4", "The log: each new line appears while the previous line dims.")
    assert [b.params.get("dim_earlier") for b in beats if b.kind == "steps"] == [0.4]
    # "fade out" takes lines away: no dimming
    beats, _ = planned("Show the steps:\n2x = 8\nx = 4", "The earlier lines fade out when the answer comes.")
    assert all("dim_earlier" not in b.params for b in beats)
    # nothing to dim: said
    beats, notes = planned('Show the text "Hello".', "The earlier lines fade to 40% as new ones come.")
    assert any(n.startswith("SB307") and "dimming of earlier lines" in n for n in notes)


def test_the_steps_runtime_dims_the_lines_above_the_one_written():
    from manim import AnimationGroup

    from compiler.runtime.components import steps

    mob = steps.build({"text": "#FFFFFF", "font": "DejaVu Sans", "roles": {}}, formulas=[
        ["n = pq", "n", "n = p x q"], ["n = 3 \\times 11", "n", "n = 3 x 11"], ["n = 33", "n", "n = 33"]])
    anim = steps.paced(6.0, at=[0.0, 2.0, 4.0], dim=0.5)(mob, 1.0)
    groups = [a for a in anim.animations if isinstance(a, AnimationGroup)]
    assert [len(g.animations) for g in groups] == [2, 3]  # line 2 with line 1 fading; line 3 with lines 1 and 2


def test_a_line_of_letters_is_timed_by_the_sentence_that_reads_it():
    spans = [Span(0.2, 2.0, "The modulus n is p times q."), Span(2.3, 3.9, "Here that is three times eleven."),
             Span(4.2, 5.7, "So n equals thirty three.")]
    times = line_times(["n = p x q", "n = 3 x 11", "n = 33"], spans, 0, 0.2, 6.0)
    assert times[0] < 0.5 and 1.8 < times[1] < 2.5 and times[2] >= 3.9  # not all three with the last sentence


def test_several_pieces_named_in_one_entry_are_each_coloured():
    assert [p for p, *_ in style_tints("Calculations white; the intermediate remainders 4, 16 highlighted in blue "
                                         "(#58C4DD); each line appears with Write.")] == ["4", "16"]
    assert [p for p, *_ in style_tints("with the numbers 1%, 90% and 9% highlighted in yellow #FFC914.")] == [
        "1%", "90%", "9%"]


def test_a_recalled_graph_brings_back_the_region_between_its_curves_an_earlier_scene_shaded():
    sb = Storyboard.model_validate({"scenes": [
        scene("Create axes with x from 0 to 2 and y from 0 to 2. Plot y = x and y = x^2. Shade the region between "
              "the two curves from x = 0 to x = 1.", "Two curves and the region between them."),
        scene("Create axes with x from 0 to 1.2 and y from 0 to 1.2. Plot y = x and shade the area under it from 0 "
              "to 1. Plot y = x^2 and shade the area under it from 0 to 1.", "Each area on its own."),
        scene("Show the small graph of the two curves from the previous scene with the shaded lens region.",
              "The lens between them."),
    ]})
    last = plan_storyboard(sb).scenes[2]
    (plot,) = [b for b in last.beats if b.kind == "plot"]
    exprs = [c["expr"] for c in plot.params["curves"]]
    area = plot.params["area"]
    assert {exprs[area["curve"]], exprs[area["to"]]} == {"y = x", "y = x^2"} and (area["a"], area["b"]) == (0, 1)


def test_a_region_given_by_inequalities_or_another_variable_is_shaded():
    beats, notes = planned("Create axes with x from 0 to 2.2 and y from 0 to 4.5. Plot y = x^2. Shade the region "
                           "between the curve and the x axis for 0 <= x <= 2.", "Shaded region yellow at opacity 0.3.")
    areas = [b.params["area"] for b in beats if b.kind == "plot" and b.params.get("area")]
    assert areas and (areas[0]["a"], areas[0]["b"]) == (0, 2)
    assert not [n for n in notes if "shaded area" in n]
    beats, _ = planned("Draw axes with t from 0 to 6 and N from 0 to 40. Plot N = 5t and N = t^2. Shade the region "
                       "between the curves from t = 0 to t = 4.", "Dark background.")
    (area,) = [b.params["area"] for b in beats if b.kind == "plot" and b.params.get("area")]
    assert (area["a"], area["b"]) == (0, 4) and area.get("to") is not None


def test_a_shaded_area_nothing_draws_is_reported():
    beats, notes = planned('Show the text "Probability density".',
                           "Density curve: blue, with area under the curve filled blue at opacity 0.3.")
    assert any(n.startswith("SB307") and "shaded area the style asks for" in n for n in notes)
    beats, notes = planned("Draw a quarter circle of radius 1 and shade the region under it.", "Dark background.")
    if not any(b.params.get("area") or "fill" in str(b.params) for b in beats):
        assert any(n.startswith("SB307") and "shaded area it asks for" in n for n in notes)
    # a sentence that only speaks of a shaded region drawn before asks for none
    beats, notes = planned("Plot y = x^2 from 0 to 2. Shade the area under it from 0 to 2. Write 'Area = ?' inside "
                           "the shaded region.", "Dark background.")
    assert not [n for n in notes if "shaded area" in n]


def test_quoted_words_of_the_style_colour_those_words():
    assert [(p, w) for p, _, _, w in style_tints("Recap white, 'bell curve' in yellow, 'Q1' and 'Q2' in green.")] == [
        ("bell curve", True), ("Q1", True), ("Q2", True)]
    assert [p for p, *_ in style_tints("General formula, 'top' in yellow and 'bottom' in blue (#58C4DD).")] == [
        "top", "bottom"]
    beats, notes = planned('Show the two lines:\n"Top: y = x"\n"Bottom: y = x^2"\nShow text at the bottom: "Averages '
                           'make a bell curve".', "'Top' in yellow and 'Bottom' in blue (#58C4DD). 'bell curve' in yellow.")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["tints"] == {"\\text{Top}": "#FFE066", "\\text{Bottom}": "#58C4DD"}  # upright, as the caption
    (text,) = [b for b in beats if b.kind == "text"]
    assert text.params["tints"] == {"bell curve": "#FFE066"}
    assert "color" not in text.params  # ("'Bottom' in blue" is no colour for what sits "at the bottom")
    # a piece of maths named by a noun colours formulas, not the words of a text
    beats, _ = planned('Show the text "Break 7 into 4 + 2 + 1".\nShow:\n31^2 mod 33 = 4\n4^2 = 16',
                       "The remainders 4, 16 highlighted in blue.")
    assert all("tints" not in b.params for b in beats if b.kind == "text")


def test_the_text_runtime_colours_the_words_as_they_are_read():
    from compiler.runtime.components import text

    mob = text.build({"text": "#FFFFFF", "font": "DejaVu Sans", "roles": {}},
                     text="Spread: sigma / sqrt(n) and a bell curve", tints={"sigma / sqrt(n)": "#66BB6A",
                                                                              "bell curve": "#FFE066"})
    cols = {g.get_fill_color().to_hex().upper() for g in mob.submobjects}
    assert {"#66BB6A", "#FFE066"} <= cols


def test_substituted_numbers_flash_as_the_style_asks():
    beats, notes = planned("Show the calculation:\nh = 1/2 g t^2\n20 = 1/2 (9.8) t^2\nt = 2.02 s",
                           "Numbers substituted for symbols are highlighted in green (#66BB6A) briefly.")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["flash_numbers"] == "#66BB6A"
    assert not [n for n in notes if "pieces named" in n]  # (not also reported as a colour of pieces)
    beats, notes = planned('Show the text "No derivation here".', "Substituted numbers flash yellow.")
    assert any(n.startswith("SB307") and "flash of the substituted numbers" in n for n in notes)


def test_the_steps_runtime_flashes_the_numbers_a_line_brings_in():
    from manim import Indicate, Succession

    from compiler.runtime.components import steps

    mob = steps.build({"text": "#FFFFFF", "font": "DejaVu Sans", "roles": {}}, formulas=[
        ["h = \\frac{1}{2} g t^2", "h", "h = 1/2 g t^2"], ["20 = \\frac{1}{2} (9.8) t^2", "20", "20 = 1/2 (9.8) t^2"]])
    anim = steps.paced(6.0, at=[0.0, 2.0], flash="#66BB6A")(mob, 1.0)
    flashed = [a for a in anim.animations if isinstance(a, Succession)]
    assert len(flashed) == 1 and isinstance(flashed[0].animations[-1], Indicate)
    assert len(flashed[0].animations[-1].mobject.submobjects) == 2  # the 20 and the 9.8, not the 1/2 already there


def test_a_decimal_read_out_as_a_phrase_times_its_line():
    spans = [Span(0.2, 3.7, "Start from h equals one half g t squared."),
             Span(3.96, 7.0, "Put in twenty meters and nine point eight."),
             Span(7.34, 10.8, "That is twenty equals four point nine t squared."),
             Span(11.1, 14.5, "So t squared is about four point zero eight.")]
    times = line_times(["h = 1/2 g t^2", "20 = 1/2 (9.8) t^2", "20 = 4.9 t^2", "t^2 = 20 / 4.9 = 4.08"], spans, 0, 0.2,
                       15.0)
    assert [round(t + 0.2, 1) for t in times] == [0.2, 4.0, 7.3, 11.1]


def test_a_clock_of_numbers_has_its_face():
    beats, _ = planned("Draw a clock-like circle with numbers 0 to 32 around it (only show labels 0, 8, 16, 24, 31) and "
                       "mark where 64 steps from 0 stop: at 31.", "Dark background.")
    (clock,) = [b for b in beats if b.kind == "graph"]
    assert clock.params["rim"] is True
    from compiler.runtime.components import graph

    mob = graph.build({"text": "#FFFFFF", "accent": "#58C4DD", "background": "#0F0F1A", "font": "DejaVu Sans",
                       "roles": {}}, nodes=clock.params["nodes"], layout="circular", rim=True)
    face = mob.graph.sbc_rim
    assert face.width > 3 * max(v.width for v in mob.vmobs.values())  # round the numbers, not one of them
    assert type(graph.enter(mob, 1.0)[0]).__name__ == "Create"  # drawn first


def test_a_line_or_tick_asked_and_not_drawn_is_reported_once():
    beats, notes = planned('Create axes with x from 0 to 35 and y from 0 to 25. Where the ball lands, draw a vertical '
                           'tick and a horizontal brace from x = 0 to x = 30.3 along the ground labeled "30.3 m".',
                           "Dark background.")
    assert any(n.startswith("SB307") and "vertical tick it asks for is not drawn" in n for n in notes)
    beats, notes = planned("Create axes with x from 0 to 10 and y from 0 to 10. Draw a dashed vertical line at x = 3.",
                           "Dark background.")
    assert not [n for n in notes if "it asks for is not drawn" in n]  # (drawn: a marker)
    beats, notes = planned("Create axes with k from 0 to 10 and P from 0 to 0.3. Draw a dashed vertical line at k = 5 "
                           'labeled "mirror symmetry".', "Dark background.")
    marks = [m for b in beats if b.kind == "plot" for m in b.params.get("markers") or ()]
    assert marks == [{"axis": "x", "value": 5, "label": "mirror symmetry"}]


def test_a_coloured_number_is_a_whole_number_at_the_size_of_the_line():
    from compiler.mathtext import to_tex
    from compiler.runtime.mathsvg import find_parts, math_mobject

    def runs(line, piece):
        return len(find_parts(math_mobject(to_tex(line).tex, font_size=58), to_tex(piece).tex))

    assert runs("1984 mod 33 = 4", "4") == 1  # not the last digit of 1984
    assert runs("31^4 = (31^2)^2, so 31^4 mod 33 = 4^2 = 16", "4") == 1  # not the exponents
    assert runs("31^4 = (31^2)^2, so 31^4 mod 33 = 4^2 = 16", "16") == 1  # not a 1 with an exponent 2
    assert runs("A = 1000 x (1.1)^3", "1.1") == 1 and runs("2x + 4 = 10", "4") == 1


def test_a_phrase_the_wrapping_breaks_is_still_coloured():
    from compiler.runtime.components import text

    mob = text.build({"text": "#FFFFFF", "font": "DejaVu Sans", "roles": {}}, text="Add many random things together "
                     "and watch what happens: a bell curve appears every single time", tints={"bell curve": "#FFE066"})
    assert "#FFE066" in {g.get_fill_color().to_hex().upper() for g in mob.submobjects}


def test_a_curve_named_by_its_formula_takes_its_colour():
    from compiler.planner.theme import parse_theme

    theme, _ = parse_theme("y = x curve yellow (#FFFF00), stroke width 4; y = x^2 curve blue (#58C4DD), stroke width 4.")
    assert theme.labels == {"y = x": "#FFFF00", "y = x^2": "#58C4DD"} and "plot" not in theme.roles
    theme, _ = parse_theme("Line y = θ yellow (#FFE66D), curve y = sin θ teal (#38D9A9).")
    assert theme.labels == {"y = θ": "#FFE66D", "y = sin θ": "#38D9A9"}
    beats, _ = planned("Create axes with x from 0 to 2 and y from 0 to 2. Plot y = x and y = x^2. Show the two "
                       "formulas y = x and y = x^2 on the right.",
                       "y = x curve yellow (#FFFF00); y = x^2 curve blue (#58C4DD).")
    cols = {c["expr"]: c.get("color") for b in beats if b.kind == "plot" for c in b.params.get("curves") or ()}
    assert cols == {"y = x": "#FFFF00", "y = x^2": "#58C4DD"}
    # (a beat showing both formulas is not coloured as one of them)
    assert all(b.params.get("color") is None for b in beats if b.kind == "equation" and len(b.params["exprs"]) > 1)


def test_a_piece_written_before_its_noun_is_coloured():
    assert [(p, c) for p, c, *_ in style_tints("Equations on the right, font size 40, a^2 term blue (#58C4DD), b^2 term "
                                               "green (#83C167), c^2 term yellow (#FFFF00).")] == [
        ("a^2", "#58C4DD"), ("b^2", "#83C167"), ("c^2", "#FFFF00")]
    beats, _ = planned("Show the theorem:\na^2 + b^2 = c^2\n3^2 + 4^2 = 5^2", "a^2 term blue (#58C4DD), b^2 term green.")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["tints"] == {"a^2": "#58C4DD", "b^2": "#66BB6A"}


def test_a_piece_in_an_unknown_colour_is_said_and_left_uncoloured():
    from compiler.generate import generate_scene
    from compiler.timing import estimate_spans, time_scene

    sb = Storyboard.model_validate({"scenes": [scene("Show the steps.", "Some steps here.", visuals=[
        {"kind": "steps", "lines": ["a = 1.1 x 2", "a = 2.2"], "tints": {"1.1": "no-such-colour", "2.2": "gold"}}])]})
    (sp,) = plan_storyboard(sb).scenes
    gen = generate_scene(time_scene(sp, estimate_spans(sb.scenes[0].audio_text)))
    assert any(n.code == "SB303" and "no-such-colour" in n.message for n in gen.notes)
    assert "tints=[['2.2', " in gen.code and "no-such-colour" not in gen.code
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):  # (a piece is short text, not a page)
        Storyboard.model_validate({"scenes": [scene("x", "y", visuals=[
            {"kind": "steps", "lines": ["a = 1"], "tints": {"x" * 100: "red"}}])]})
