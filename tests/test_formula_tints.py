"""Pieces of formulas the style colours wherever they appear ("the factor 1.1 colored gold every time it appears",
"symbol mu: blue", "Terms: cos in blue, sin in green"): planner (colours.style_tints / formula_tints), generated code
and the runtime that finds the piece's glyphs."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.colours import style_tints

from .conftest import scene


def planned(details: str, style: str):
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_style_entries_that_colour_a_piece_of_a_formula():
    assert [(p, c) for p, c, *_ in style_tints("Chain on the right; the factor 1.1 colored gold (#FFD700) every time it "
                                              "appears.")] == [("1.1", "#FFD700")]
    assert [(p, c) for p, c, *_ in style_tints("Bias term b in orange (#FF862F) everywhere it appears.")] == [("b", "#FF862F")]
    assert [p for p, *_ in style_tints("Letters colored: P red, V green, T orange.")] == ["P", "V", "T"]
    assert [p for p, *_ in style_tints("Symbol mu: blue (#58C4DD).")] == ["mu"]
    # colours of things, not of pieces of formulas
    assert style_tints("Bars blue, axes grey, title white.") == []
    assert style_tints("Multiply arrow green, factor arrow red.") == []


def test_the_piece_is_coloured_in_every_formula_that_shows_it():
    beats, notes = planned("Show the growth year by year:\n500 x 1.05 = 525\n525 x 1.05 = 551.25\nThen the formula:\n"
                           "A = 500 (1.05)^2", "Lines white; the factor 1.05 colored gold (#FFD700) every time it appears.")
    tinted = [b for b in beats if b.params.get("tints")]
    assert tinted and all(b.params["tints"] == {"1.05": "#FFD700"} for b in tinted)
    assert sum(len(b.params.get("lines") or b.params.get("exprs")) for b in tinted) == 3
    assert not [n for n in notes if "colour the style gives" in n]
    # not inside a longer number: 1.05 is no piece of 11.05
    beats, notes = planned("Show: x = 11.05", "The factor 1.05 in gold.")
    assert not any(b.params.get("tints") for b in beats)
    assert any(n.startswith("SB307") and "'1.05'" in n for n in notes)  # said, not dropped


def test_greek_pieces_match_their_tex_and_the_generated_code_carries_the_tex():
    from compiler.generate import generate_scene
    from compiler.timing import estimate_spans, time_scene

    sb = Storyboard.model_validate({"scenes": [scene(r"Write the mean: \mu = \frac{1+2+3}{3} = 2",
                                                     "The mean is two.", style="Symbol mu: blue (#58C4DD).")]})
    (sp,) = plan_storyboard(sb).scenes
    (eq,) = [b for b in sp.beats if b.params.get("tints")]
    assert eq.params["tints"] == {"\\mu": "#58C4DD"}
    code = generate_scene(time_scene(sp, estimate_spans(sb.scenes[0].audio_text))).code
    assert "tints=[['\\\\mu', '#58C4DD']]" in code


def test_pieces_named_but_not_written_out_are_reported():
    assert [(p, c) for p, c, *_ in style_tints("Coefficients a blue (#58C4DD), b green (#83C167), c yellow (#FFFF00).")] \
        == [("a", "#58C4DD"), ("b", "#83C167"), ("c", "#FFFF00")]
    beats, notes = planned("Show the equation: y = a x^2 + b x + c", "Equation centered, coefficients yellow.")
    assert any(n.startswith("SB307") and "'coefficients'" in n for n in notes)
    # a chemical equation's coefficients are the numbers before its species: coloured (tests/test_unseen_round17.py)
    beats, notes = planned("Show the balanced equation: CH4 + 2O2 -> CO2 + 2H2O", "Equation centered, coefficients yellow.")
    assert not any("'coefficients'" in n for n in notes)
    # (letters of a text are not pieces of a formula: "Node letters white" says nothing about formulas)
    beats, notes = planned("Show the balanced equation: CH4 + 2O2 -> CO2 + 2H2O", "Node letters white, size 30.")
    assert not [n for n in notes if "colour the style gives" in n]


def test_a_piece_only_in_an_exponent_is_reported_not_silently_left_uncoloured():
    beats, notes = planned("Show the identity: (m^e)^d = m^{ed}", "Exponent ed in yellow (#FFE066).")
    assert not any(b.params.get("tints") for b in beats)
    assert any(n.startswith("SB307") and "'ed'" in n for n in notes)
