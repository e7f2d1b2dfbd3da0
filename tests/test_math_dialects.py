"""Math as storyboards write it (issue 15): one test per dialect, with the sentences that motivated it.

The TeX is checked exactly where the reading matters (limits, subscripts, upright chemistry), and every
result must be drawable by ziamath (the renderer sbc uses without LaTeX).
"""

from __future__ import annotations

import pytest

from compiler.mathtext import plain_text, is_formula_line, to_tex
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.extract import formula_spans

ziamath = pytest.importorskip("ziamath")


def tex(s: str) -> str:
    r = to_tex(s)
    assert r.tex is not None, r.reason
    ziamath.Latex(r.tex).svg()  # drawable
    return r.tex


def scene(details: str, audio: str = "We look at it.") -> dict:
    return {"scene_plot": "Maths.", "animation_details": details, "animation_style": "Clean.", "audio_text": audio}


def beats(details: str):
    sb = Storyboard.model_validate({"scenes": [scene(details)]})
    return plan_storyboard(sb).scenes[0].beats


# -- ASCII ------------------------------------------------------------------------------------------
def test_ascii_powers_roots_fractions_and_times():
    assert tex("x^2 + sqrt(x)") == r"x^{2} + \sqrt{x}"
    assert tex("(a)/(b)") == r"\frac{a}{b}"
    assert tex("3 x 4 = 12") == r"3 \times 4 = 12"
    assert tex("x -> 0") == r"x \to 0"


def test_ascii_hats_and_bars_spelled_out():
    assert tex("y_hat = w2 * h") == r"\hat{y} = w_2 \cdot h"
    assert tex("x_bar = 3") == r"\bar{x} = 3"
    assert tex("i-hat + j-hat") == r"\hat{i} + \hat{j}"


# -- Unicode ----------------------------------------------------------------------------------------
def test_unicode_scripts_roots_integrals_and_sums():
    assert tex("x² + √x") == r"x^{2} + \sqrt{x}"
    assert tex("W = ∫_0^1 104t⁴ dt") == r"W = \int_0^{1} 104t^{4} \, dt"
    assert tex("Σ_{i=1}^n i ≈ n²/2").startswith(r"\sum_{i = 1}^{n} i \approx")
    assert tex("a · b → c") == r"a \cdot b \to c"


# -- LaTeX source -----------------------------------------------------------------------------------
def test_latex_single_and_double_escaped():
    assert tex(r"\frac{1}{\pi} \int_{-\pi}^{\pi} f(x) \cos(nx)\, dx").startswith(r"\frac{1}{\pi}")
    # a JSON writer that escaped twice: "\\frac" reaches sbc
    assert tex("\\\\frac{1}{2} - \\\\frac{1}{3}") == r"\frac{1}{2} - \frac{1}{3}"
    assert tex("1.96 \\\\times 0.0158 \\\\approx 0.031 = 3.1\\\\%") == r"1.96 \times 0.0158 \approx 0.031 = 3.1\%"


def test_latex_with_words_sets_the_words_as_text():
    got = tex(r"all with the same distribution, mean \mu and finite variance \sigma^2")
    assert r"\text{all with the same distribution, mean }" in got and r"\text{ and finite variance }" in got


def test_latex_in_the_prose_is_one_formula_not_lost():
    # "C_3H_8 + O_2 \rightarrow CO_2 + H_2O": the arrow command joins the two sides
    spans = [t for t, _, _ in formula_spans(r"Write the unbalanced reaction CH_4 + O_2 \rightarrow CO_2 + H_2O at the top.")]
    assert spans == [r"CH_4 + O_2 \rightarrow CO_2 + H_2O"]
    spans = [t for t, _, _ in formula_spans(r"Display the standard error formula SE = \sigma / \sqrt{n} below.")]
    assert spans == [r"SE = \sigma / \sqrt{n}"]
    spans = [t for t, _, _ in formula_spans(r"Show $\int_0^2 x^3\,dx = 4$ in the centre, then \( a^2 + b^2 \).")]
    assert spans == [r"$\int_0^2 x^3\,dx = 4$", r"\( a^2 + b^2 \)"]
    # a price is not a formula delimiter
    assert formula_spans("It costs $5 and $10 for two.") == []


def test_latex_formula_in_details_is_typeset_by_the_plan():
    bs = beats(r"Show the check \frac{1}{2} - \frac{1}{3} = \frac{1}{6} \;\checkmark beside the graph.")
    eq = [b for b in bs if b.kind == "equation"]
    assert eq and eq[0].params["exprs"] == [r"\frac{1}{2} - \frac{1}{3} = \frac{1}{6} \;\checkmark"]
    assert not [b for b in bs if b.kind == "icon"]  # the check mark is part of the formula


# -- words ------------------------------------------------------------------------------------------
def test_integrals_limits_and_sums_said_in_words():
    assert tex("the integral from 0 to 1 of x^2 dx") == r"\int_0^{1} x^{2} \, dx"
    assert tex("W = ∫(from 0 to 1) 104t⁴ dt") == r"W = \int_0^{1} 104t^{4} \, dt"
    assert tex("the limit as x approaches 0 of sin(x)/x") == r"\lim_{x \to 0} \frac{\sin(x)}{x}"
    # "(x → 0)" is the limit's subscript, not a factor set in the numerator
    assert tex("lim(x→0) sin(x)/x") == r"\lim_{x \to 0} \frac{\sin(x)}{x}"
    assert tex("the sum from i = 1 to n of i") == r"\sum_{i = 1}^{n} i"


def test_more_formulas_said_in_words():
    # the body before the words that bound it, one-sided limits, sums and products of a body
    assert tex("the limit of (x^2 - 4)/(x - 2) as x approaches 2") == r"\lim_{x \to 2} \frac{x^{2} - 4}{x - 2}"
    assert tex("the limit of 1/x as x approaches 0 from the right") == r"\lim_{x \to 0^{+}} \frac{1}{x}"
    assert tex("limit as x tends to 0 from the left of 1/x = -∞") == r"\lim_{x \to 0^{-}} \frac{1}{x} = -\infty"
    assert tex("limit as n goes to infinity of (1 + 1/n)^n = e") == \
        r"\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^{n} = e"
    assert tex("the integral of x^2 dx from 0 to 1") == r"\int_0^{1} x^{2} \, dx"
    assert tex("sum of k^2 from k = 1 to n") == r"\sum_{k = 1}^{n} k^{2}"
    assert tex("the product from k = 1 to n of k = n!") == r"\prod_{k = 1}^{n} k = n!"
    # what the words give: "is", "equals", "is equal to" are its "="
    assert tex("the limit as x approaches 0 of sin(x)/x is 1") == r"\lim_{x \to 0} \frac{\sin(x)}{x} = 1"
    assert tex("integral from 0 to 1 of x^2 dx is equal to 1/3") == r"\int_0^{1} x^{2} \, dx = \frac{1}{3}"
    # a derivative: d/dx of its body (the variable named, else the body's), its result after "is"
    assert tex("the derivative of x^3 is 3x^2") == r"\frac{d}{dx} x^{3} = 3x^{2}"
    assert tex("derivative of sin(t) with respect to t equals cos(t)") == r"\frac{d}{dt} \sin(t) = \cos(t)"
    assert tex("derivative of t^2 + 3t is 2t + 3") == r"\frac{d}{dt}(t^{2} + 3t) = 2t + 3"
    # "d/dx(x^3)": the bracket is what is differentiated, not an argument of a function "dx"
    assert tex("d/dx(x^3) = 3x^2") == r"\frac{d}{dx}(x^{3}) = 3x^{2}"
    assert tex("dy/dx (x^2 + 1)") == r"\frac{dy}{dx} (x^{2} + 1)"
    # words that only look like it stay words
    assert tex("derivative of position is velocity") == r"\text{derivative of position is velocity}"


def test_prices_with_thousands_separators_and_cents():
    # the decimals of a grouped number follow its last group ("$1,628.89" was 1,628 then a stray ".")
    assert tex("A ≈ $1,628.89") == r"A \approx \$1{,}628.89"
    assert tex("P = $12,500.00") == r"P = \$12{,}500.00"
    assert tex("1,234,567.5 + 0.5") == r"1{,}234{,}567.5 + 0.5"
    assert tex("(1, 2.5)") == "(1, 2.5)"  # a pair, not a thousand


def planned(details: str):
    sb = Storyboard.model_validate({"scenes": [scene(details)]})
    p = plan_storyboard(sb)
    return p.scenes[0].beats, [f"{n.code} {n.message}" for n in p.diagnostics]


@pytest.mark.parametrize("details, expr, expected", [
    ("Show the limit as x approaches 0 of sin(x)/x.", "limit as x approaches 0 of sin(x)/x",
     r"\lim_{x \to 0} \frac{\sin(x)}{x}"),
    ("Write the limit of (x^2 - 4)/(x - 2) as x approaches 2.", "limit of (x^2 - 4)/(x - 2) as x approaches 2",
     r"\lim_{x \to 2} \frac{x^{2} - 4}{x - 2}"),
    ("Then show the limit of sin(x)/x as x approaches 0 equals 1 in the centre.",
     "limit of sin(x)/x as x approaches 0 equals 1", r"\lim_{x \to 0} \frac{\sin(x)}{x} = 1"),
    ("Display the limit of 1/x as x approaches 0 from the right.", "limit of 1/x as x approaches 0 from the right",
     r"\lim_{x \to 0^{+}} \frac{1}{x}"),
    ("Show the limit as h approaches 0 of (f(x + h) - f(x))/h.", "limit as h approaches 0 of (f(x + h) - f(x))/h",
     r"\lim_{h \to 0} \frac{f(x + h) - f(x)}{h}"),
    ("Display the integral from 0 to 1 of x^2 dx = 1/3.", "integral from 0 to 1 of x^2 dx = 1/3",
     r"\int_0^{1} x^{2} \, dx = \frac{1}{3}"),
    ("Show the integral of x^2 dx from 0 to 1 is equal to 1/3.", "integral of x^2 dx from 0 to 1 is equal to 1/3",
     r"\int_0^{1} x^{2} \, dx = \frac{1}{3}"),
    ("Write the integral from a to b of f(x) dx = F(b) - F(a).", "integral from a to b of f(x) dx = F(b) - F(a)",
     r"\int_a^{b} f(x) \, dx = F(b) - F(a)"),
    ("Show the derivative of x^3 is 3x^2.", "derivative of x^3 is 3x^2", r"\frac{d}{dx} x^{3} = 3x^{2}"),
    ("Write the derivative of sin(t) with respect to t equals cos(t).",
     "derivative of sin(t) with respect to t equals cos(t)", r"\frac{d}{dt} \sin(t) = \cos(t)"),
    ("Write the sum from i = 1 to n of i = n(n + 1)/2.", "sum from i = 1 to n of i = n(n + 1)/2",
     r"\sum_{i = 1}^{n} i = \frac{n(n + 1)}{2}"),
    ("Show the sum of k^2 from k = 1 to n = n(n + 1)(2n + 1)/6.", "sum of k^2 from k = 1 to n = n(n + 1)(2n + 1)/6",
     r"\sum_{k = 1}^{n} k^{2} = \frac{n(n + 1)(2n + 1)}{6}"),
    ("Show the sum from k = 0 to infinity of 1/2^k = 2.", "sum from k = 0 to infinity of 1/2^k = 2",
     r"\sum_{k = 0}^{\infty} \frac{1}{2^{k}} = 2"),
    ("Show the final amount A ≈ $1,628.89.", "A ≈ $1,628.89", r"A \approx \$1{,}628.89"),
    ("Display the balance P = $12,500.00 under the title.", "P = $12,500.00", r"P = \$12{,}500.00"),
])
def test_formulas_said_in_words_bare_in_the_prose(details, expr, expected):
    bs, notes = planned(details)
    assert [b.kind for b in bs] == ["equation"], [(b.kind, b.rule) for b in bs]
    assert bs[0].params["exprs"] == [expr]
    assert tex(expr) == expected
    assert not [n for n in notes if n.startswith(("SB302", "SB307"))], notes


def test_words_of_a_formula_that_are_not_read_are_reported():
    # the derivative is said around the formula in words sbc does not read: drawn in part, and said so
    bs, notes = planned("Show the derivative of the position x(t) = 5t^2.")
    assert [b.params["exprs"] for b in bs if b.kind == "equation"] == [["x(t) = 5t^2"]]
    assert any(n.startswith("SB307") and "'derivative of …'" in n and "'x(t) = 5t^2'" in n for n in notes), notes
    # "the sum of the two vectors" is no sum said in words
    bs, notes = planned("Show the sum of the two vectors v + w = (3, 4).")
    assert [b.params["exprs"] for b in bs if b.kind == "equation"] == [["v + w = (3, 4)"]]
    assert not [n for n in notes if n.startswith("SB307")], notes
    # words that enclose more words are not a formula: nothing is made up
    bs, notes = planned("Show the limit of the sequence as n approaches infinity.")
    assert not [b for b in bs if b.kind == "equation"]


# -- chemistry --------------------------------------------------------------------------------------
def test_chemistry_upright_with_subscripts_coefficients_states_and_charges():
    assert tex("C3H8 + 5O2 → 3CO2 + 4H2O") == \
        r"\mathrm{C_{3}H_{8}} + 5\mathrm{O_{2}} \rightarrow 3\mathrm{CO_{2}} + 4\mathrm{H_{2}O}"
    assert tex("2H2(g) + O2(g) → 2H2O(l)") == r"2\mathrm{H_{2}(g)} + \mathrm{O_{2}(g)} \rightarrow 2\mathrm{H_{2}O(l)}"
    assert tex("Na+ + Cl- → NaCl") == r"\mathrm{Na^{+}} + \mathrm{Cl^{-}} \rightarrow \mathrm{NaCl}"
    assert tex("N2 + 3H2 ⇌ 2NH3").count(r"\rightleftharpoons") == 1
    # coefficients written as expressions, and the long ASCII arrow
    assert tex("(x + y/4)O2 --> xCO2 + (y/2)H2O") == (
        r"\left(x + \frac{y}{4}\right)\,\mathrm{O_{2}} \longrightarrow x\,\mathrm{CO_{2}} + "
        r"\left(\frac{y}{2}\right)\,\mathrm{H_{2}O}")
    # not chemistry: letters with digits that are variables
    assert tex("W2 = W1 - 0.1") == r"W_2 = W_1 - 0.1"
    assert tex("E = mc^2") == r"E = mc^{2}"


# -- units ------------------------------------------------------------------------------------------
def test_units_after_numbers_are_upright():
    assert tex("g = 9.8 m/s^2") == r"g = 9.8 \, \mathrm{m/s^{2}}"
    assert tex("R = 3 Ω") == r"R = 3 \, \mathrm{\Omega}"
    assert tex("t = 2 s") == r"t = 2 \, \mathrm{s}"
    assert tex("y = 2 m + 1") == r"y = 2m + 1"  # a variable, not metres
    assert tex("kg·m/s") == r"\frac{kg \cdot m}{s}" or "kg" in tex("kg·m/s")


# -- vectors ----------------------------------------------------------------------------------------
def test_vectors_hats_and_arrows():
    assert tex("v⃗ = 3î + 4ĵ") == r"\vec{v} = 3 \hat{i} + 4 \hat{j}"


# -- calculations with words, prices, marks ---------------------------------------------------------
def test_calculations_with_words_prices_and_marks():
    assert tex("Input: 32 x 32 x 3 = 3,072 numbers") == \
        r"\text{Input:}\; 32 \times 32 \times 3 = 3{,}072 \, \mathrm{numbers}"
    # a caption of plain words is set as text before the formula; a numbered step keeps its number
    assert tex("Power: P = V × I") == r"\text{Power:}\; P = V \times I"
    assert tex("4. Evaluate: 1/2 - 1/3 = 1/6") == r"\text{4. Evaluate:}\; \frac{1}{2} - \frac{1}{3} = \frac{1}{6}"
    assert tex("f: x → y") == r"f {:}\; x \to y"  # a map, not a caption (its colon as written: tight before)
    assert tex("n = 50: 0.1667") == r"n = 50 {:}\; 0.1667" and tex("1 : 3") == "1 : 3"  # a ratio keeps its spacing
    # a one-letter subscript written without braces ends before a bracket; Σ alone is the letter
    assert tex("V_C(t) = 12(1 - e^(-t/RC))") == r"V_C(t) = 12(1 - e^{-t/RC})"
    assert tex("P_n(1)") == "P_n(1)"
    assert tex("Σ = 6") == r"\Sigma = 6"
    assert tex("Σ x_i = 10") == r"\sum x_i = 10"
    # units between operators: volts and amperes stay upright units ("3 V + 3 V = 6 V ✓", "6 V × 1 A")
    assert tex("Check: V1 + V2 = 3 V + 3 V = 6 V ✓") == \
        r"\text{Check:}\; V_1 + V_2 = 3 \, \mathrm{V} + 3 \, \mathrm{V} = 6 \, \mathrm{V} \, \checkmark"
    assert tex("Total: P = 6 V × 1 A = 6 W") == r"\text{Total:}\; P = 6 \, \mathrm{V} \times 1 \, \mathrm{A} = 6 \, \mathrm{W}"
    assert tex("det(3 A) = 27") == r"\det(3A) = 27" and tex("3 s + 1") == "3s + 1"  # a matrix, a variable
    # an arrow with its condition written into it ("--light-->"): the condition over the arrow
    assert tex("6CO2 + 6H2O --light--> C6H12O6 + 6O2") == \
        r"6\mathrm{CO_{2}} + 6\mathrm{H_{2}O} \xrightarrow{\text{light}} \mathrm{C_{6}H_{12}O_{6}} + 6\mathrm{O_{2}}"
    assert tex("x - y -> z") == r"x - y \to z"  # a difference, not a label
    assert plain_text("carbon dioxide + water --light--> glucose + oxygen") == \
        "carbon dioxide + water \u2014light\u2192 glucose + oxygen"
    # an element standing alone where a line counts atoms or molar masses, a diatomic after its coefficient: upright
    assert tex("C = 12 g/mol") == r"\mathrm{C} = 12 \, \mathrm{g/mol}"
    assert tex("10 / 2 = 5 O2") == r"\frac{10}{2} = 5 \mathrm{O_{2}}"
    assert tex("n = m / M = 2") == r"n = \frac{m}{M} = 2" and tex("N = 6.02 × 10^23") == r"N = 6.02 \times 10^{23}"
    # text drawn as it is: the arrow it means, chemical formulas with their subscripts — names left alone
    assert plain_text("Step 1: Carbon. 3 C on left -> need 3 CO2") == "Step 1: Carbon. 3 C on left \u2192 need 3 CO\u2082"
    assert plain_text("glucose C6H12O6 and O2") == "glucose C\u2086H\u2081\u2082O\u2086 and O\u2082"
    assert plain_text("Use B2B and MP3 files at R2") == "Use B2B and MP3 files at R2"
    assert plain_text("<-- back") == "<-- back"
    # words in brackets inside a line are a remark, not a function's argument; letters raised in drawn text
    assert tex("Horizontal strips: x = y (left) to x = √y (right)") == \
        r"\text{Horizontal strips:}\; x = y \;\text{(left)} \text{ to } x = \sqrt{y} \quad (\mathrm{right})"
    assert plain_text("Bob computes s = m^d mod n") == "Bob computes s = m\u1d48 mod n"
    assert tex("Year 2 extra: 10% of $100 (year 1 interest) = $10") == \
        r"\text{Year 2 extra:}\; 10\% \text{ of } \$100 \;\text{(year 1 interest)} = \$10"
    # resistance in words: kOhm, ohms are Ω
    assert tex("R = 10 kOhm") == r"R = 10 \, \mathrm{k\Omega}"
    assert tex("R = 3 ohms") == r"R = 3 \, \mathrm{\Omega}"
    assert tex("10% of 1000 = $100") == r"10\% \text{ of } 1000 = \$100"
    assert tex("P* = $20, Q* = 60") == r"P^{*} = \$20, Q^{*} = 60"
    assert tex("v_y = ?") == "v_y = ?"
    assert tex("a = 3 ✓") == r"a = 3 \checkmark"


# -- which labels are formulas ----------------------------------------------------------------------
@pytest.mark.parametrize("s,expected", [
    ("e = 3", True), ("g = 9.8 m/s^2", True), ("Encrypt: c = m^e mod n", True), ("C3H8 + 5O2 → 3CO2 + 4H2O", True),
    ("F = force (newtons, N)", False), ("pressure = voltage", False), ("In every right triangle: a^2 + b^2 = c^2", False),
    ("Long sentence being fed into an RNN", False), ("low = mid + 1 = 5", True), ("F = force (newtons)", False),
])
def test_formula_lines(s, expected):
    assert is_formula_line(s) is expected


# -- targets inside formulas ------------------------------------------------------------------------
def test_box_the_final_answer_lands_on_the_answer():
    bs = beats(r"Derive step by step: \int_0^1 x\,dx = \left[\frac{x^2}{2}\right]_0^1 = \frac{1}{2}. "
               "Box the final answer 1/2 in yellow.")
    steps = [b for b in bs if b.kind == "steps"]
    assert steps and steps[0].params["lines"] == [r"\int_0^1 x\,dx = \left[\frac{x^2}{2}\right]_0^1", r"= \frac{1}{2}"]
    hl = [b for b in bs if b.kind == "highlight"]
    assert [(b.params["target"], b.params["part"], b.params["mode"]) for b in hl] == [
        (r"= \frac{1}{2}", "1/2", "box")]
    assert not [b for b in bs if b.kind == "text"]  # the instruction is never drawn as text


def test_box_the_speed_result_lands_on_the_speed_not_on_the_newest_formula():
    bs = beats("1. Speed:\n   MathTex: v = \\sqrt{617} \\approx 24.8 \\text{ m/s}\n"
               "2. Angle:\n   MathTex: \\theta = \\tan^{-1}(1.32) \\approx 52.9^\\circ\n3. Box the speed result.")
    hl = [b for b in bs if b.kind == "highlight"]
    assert hl and hl[0].params["target"].startswith("v = ") and hl[0].params["mode"] == "box"
    bs = beats('Show "t = 2.02 s" and then "d = 30.3 m". Highlight the final time in yellow.')
    assert [b.params["target"] for b in bs if b.kind == "highlight"] == ["t = 2.02 s"]
    bs = beats('Show "t = 2.02 s" and then "d = 30.3 m". Box the result.')  # no quantity named: the newest
    assert [b.params["target"] for b in bs if b.kind == "highlight"] == ["d = 30.3 m"]


def test_highlight_a_piece_in_a_colour():
    bs = beats('Show the limit "lim_(x->2) (x^2 - 4)/(x - 2) = 0/0". Highlight 0/0 in red.')
    hl = [b for b in bs if b.kind == "highlight"]
    assert hl and hl[0].params["part"] == "0/0" and hl[0].params["color"].lower() in ("red", "#fc6255", "#ff0000") \
        or hl[0].params["color"]


def test_written_formulas_drawn_as_text_are_typeset():
    bs = beats('Show "e = 3" and "d = 7" one under the other.')
    assert {b.kind for b in bs} == {"equation"}


def test_species_and_units_inside_a_calculation():
    # "2 mol H2O × 18 g/mol = 36 g H2O": water upright, grams before it, the spaced x a times sign
    assert tex("2 mol H2O x 18 g/mol = 36 g H2O") == (
        r"2 \, \mathrm{mol} \, \mathrm{H_{2}O} \times 18 \, \mathrm{g/mol} = 36 \, \mathrm{g} \, \mathrm{H_{2}O}")
    assert tex("M(CO2) = 1 x 12 + 2 x 16") == r"M(\mathrm{CO_{2}}) = 1 \times 12 + 2 \times 16"
    assert tex("x1 + x2 = 3") == r"x_1 + x_2 = 3"  # variables with indices stay variables



def test_a_tex_thin_space_does_not_end_the_formula():
    spans = [t for t, _, _ in formula_spans(r"Write it large: v_{\text{next}} = v - \alpha \, g'(v) in the middle.")]
    assert spans == [r"v_{\text{next}} = v - \alpha \, g'(v)"]


def test_latex_in_the_prose_is_never_lost_beside_a_quoted_string():
    bs = beats(r'Then below: "Vertical slices: from y = x to y = 2x" and MathTex \int_0^2 (2x - x)\,dx = 2 \;\checkmark.')
    exprs = [e for b in bs if b.kind == "equation" for e in b.params["exprs"]]
    assert r"\int_0^2 (2x - x)\,dx = 2 \;\checkmark" in exprs


def test_a_remark_in_brackets_is_not_part_of_the_formula():
    spans = [t for t, _, _ in formula_spans(
        "Morph into the curve for k = 4 (work it out with a table of the binomial weights, bars at 1/4 steps).")]
    assert spans == ["k = 4"]
    assert [t for t, _, _ in formula_spans("Show Probability (Event) = 1/6 in the middle.")] == ["Probability (Event) = 1/6"]


def test_equilibrium_arrows_and_unicode_subscripts():
    assert [t for t, _, _ in formula_spans("Write the equation N2 + 3H2 ⇌ 2NH3 at the top.")] == ["N2 + 3H2 ⇌ 2NH3"]
    assert tex("N₂ + 3H₂ ⇌ 2NH₃") == r"\mathrm{N_{2}} + 3\mathrm{H_{2}} \rightleftharpoons 2\mathrm{NH_{3}}"
    assert tex("N2 + 3H2 ⇌ 2NH3 + heat").endswith(r"2\mathrm{NH_{3}} + \text{heat}")


def test_units_events_and_remarks():
    assert tex("ΔH = -92 kJ/mol (exothermic)") == r"\Delta H = -92 \, \mathrm{kJ/mol} \quad (\mathrm{exothermic})"
    assert tex("I1 = 12/4.4 ≈ 2.73 A").endswith(r"2.73 \, \mathrm{A}")
    assert tex("det(3 A) = 27 det(A)") == r"\det(3A) = 27 \det(A)"  # a matrix, not amperes
    assert tex("P(+ | D) = 0.95") == r"P({+} \mid D) = 0.95"  # braced: a symbol, not a binary plus
    assert tex("P(D | ++) = 0.3") == r"P(D \mid {++}) = 0.3"
    assert tex("y = 3x - 2 (h = 1)") == r"y = 3x - 2 \quad (h = 1)"  # a remark, not a product


def test_a_curve_reads_sin_3x_as_sine_of_3x():
    import math

    from compiler.formula import parse_formula

    f = parse_formula("(4/pi)(sin x + sin 3x / 3)")
    assert abs(f(1.0) - (4 / math.pi) * (math.sin(1) + math.sin(3) / 3)) < 1e-12
    assert abs(parse_formula("sin x cos x")(1.0) - math.sin(1) * math.cos(1)) < 1e-12


def test_a_possessive_inside_single_quotes_keeps_the_title_whole():
    from compiler.planner.extract import canonical_quotes

    assert canonical_quotes("Show the title 'Gauss' Law: Flux Through a Sphere'.") == \
        'Show the title "Gauss\' Law: Flux Through a Sphere".'
    assert canonical_quotes("Label them 'Yes' and 'No'.") == 'Label them "Yes" and "No".'


def test_an_instruction_before_a_colon_is_not_the_formulas_name():
    bs = beats("Write: 10 - 3 I1 = 0.")
    assert all(b.params.get("label") is None for b in bs)


def test_box_a_result_that_is_not_on_screen_yet():
    bs = beats("Finally box the result: g(t) = (2/pi)(cos t - cos 3t / 3).")
    assert [(b.kind, b.rule) for b in bs] == [("equation", "equation:marked"), ("highlight", "highlight:formula")]
    assert bs[1].params["mode"] == "box"


def test_labels_under_the_parts_of_a_formula_are_braces_on_those_parts():
    bs = beats("Write the derivation line by line:\nLine 1: P(A | B) = P(B | A) P(A) / P(B)\nLine 2: P(A | B) = 0.3\n"
               "Then label the parts of line 1: 'posterior' under P(A | B), 'prior' under P(A).")
    assert [b.kind for b in bs if b.kind == "steps"] == ["steps"]  # the "|" of P(A | B) is no table cell
    notes = [(b.params["target"], b.params["label"]) for b in bs if b.kind == "annotation"]
    assert notes == [("P(A | B)", "posterior"), ("P(A)", "prior")]


def test_a_bar_between_cells_is_a_table_bar_a_given_bar_is_not():
    from compiler.planner.rules_steps import _cell_bar

    assert _cell_bar("A | 0 | -") and _cell_bar('"C" | "3" | "1"')
    assert not _cell_bar("P(D | +) = 0.5") and not _cell_bar("|x - 3| < 1")


def test_log2_is_part_of_the_formula():
    spans = [t for t, _, _ in formula_spans("Compare for n = 1,000: n^2 = 1,000,000 vs n log2 n ≈ 10,000.")]
    assert spans[-1] == "n log2 n ≈ 10,000" and tex(spans[-1]) == r"n \log_2 n \approx 10{,}000"


@pytest.mark.parametrize("sentence, expected", [
    ("Write the equation F = m a in large font in the center.", ["F = m a"]),
    ("Show the equation F_net = m a in a yellow box at the top.", ["F_net = m a"]),
    ("Write E = m c^2 now.", ["E = m c^2"]),
    ("Show v = u + a t on the board.", ["v = u + a t"]),
    ("Show F = m a on the board.", ["F = m a"]),
    ("Write F = m a, then divide both sides.", ["F = m a"]),
    ("Show F = m a and a = F / m side by side.", ["F = m a", "a = F / m"]),
    ("Then transform the equation into a = F / m.", ["a = F / m"]),  # "into" is no part of it
    # an article before a noun stays an article
    ("The rate is x = 2 a day.", ["x = 2"]),
    ("Mark x = 5 a little to the right.", ["x = 5"]),
])
def test_a_one_letter_variable_that_is_also_an_article_ends_a_formula(sentence, expected):
    assert [t for t, _, _ in formula_spans(sentence)] == expected


def test_f_equals_m_a_is_drawn_whole():
    bs, notes = planned("Write the equation F = m a in large font in the center.")
    assert [(b.kind, b.params.get("exprs")) for b in bs] == [("equation", ["F = m a"])]
    assert tex("F = m a") == "F = m a" and tex("F_net = m a") == r"F_{\mathrm{net}} = m a"
    assert not [n for n in notes if n.startswith(("SB302", "SB307"))], notes


@pytest.mark.parametrize("written, expected", [
    ("a = 10 N / 2 kg", r"a = \frac{10 \, \mathrm{N}}{2 \, \mathrm{kg}}"),
    ("a = 10 N/2 kg", r"a = \frac{10 \, \mathrm{N}}{2 \, \mathrm{kg}}"),
    ("v = 12 m / 4 s = 3 m/s", r"v = \frac{12 \, \mathrm{m}}{4 \, \mathrm{s}} = 3 \, \mathrm{m/s}"),
    ("a = 6 N / 2 kg = 3 m/s^2", r"a = \frac{6 \, \mathrm{N}}{2 \, \mathrm{kg}} = 3 \, \mathrm{m/s^{2}}"),
    # a number alone under the slash, or no unit before it: as before
    ("1/2 kg", r"\frac{1}{2} \, \mathrm{kg}"),
    ("2 m / 3", r"\frac{2m}{3}"),
])
def test_units_in_a_fraction_belong_to_their_numbers(written, expected):
    assert tex(written) == expected


def test_words_in_the_brackets_of_a_call_are_the_formulas():
    assert tex("P(+) = P(+ | D) P(D) + P(+ | not D) P(not D)") == \
        r"P({+}) = P({+} \mid D) P(D) + P({+} \mid \text{not } D) P(\text{not } D)"
    assert tex("P(+ | no disease) = 0.05") == r"P({+} \mid \text{no disease}) = 0.05"
    bs, notes = planned("Then expand the denominator:\nP(+) = P(+ | D) P(D) + P(+ | not D) P(not D)\n"
                        "P(+) = 0.99 x 0.01 + 0.05 x 0.99\nP(+) = 0.0099 + 0.0495 = 0.0594")
    steps = [b for b in bs if b.kind == "steps"]
    assert steps and steps[0].params["lines"] == ["P(+) = P(+ | D) P(D) + P(+ | not D) P(not D)",
                                                  "P(+) = 0.99 x 0.01 + 0.05 x 0.99", "P(+) = 0.0099 + 0.0495 = 0.0594"]
    assert not steps[0].params.get("notes")
    bs, _ = planned("Expand it:\nP(+) = P(+ | D)P(D) + P(+ | no disease)P(no disease)\nP(+) = 0.0594")
    assert [b.params["lines"] for b in bs if b.kind == "steps"] == [
        ["P(+) = P(+ | D)P(D) + P(+ | no disease)P(no disease)", "P(+) = 0.0594"]]
    # a note in brackets after a space is still a note
    bs, _ = planned("Solve step by step:\n2x + 3 = 7\n2x = 4 (subtract 3)\nx = 2 (divide by 2)")
    assert [b.params.get("notes") for b in bs if b.kind == "steps"] == [["", "subtract 3", "divide by 2"]]


@pytest.mark.parametrize("written, tex", [
    ("mid = (low + high) // 2", r"\mathrm{mid} = (\mathrm{low} + \mathrm{high}) \;/\!/\; 2"),
    ("x // 2", r"x \;/\!/\; 2"),
])
def test_floor_division_is_typeset(written, tex):
    """Python's // in an algorithm's formula (binary search's middle index) was SB302; it reads as //."""
    assert to_tex(written).tex == tex


# ----------------------------------------------------------------------------- round 6: storyboards written afresh
def test_manim_calls_doubled_backslashes_and_bmatrix_rows_are_typeset():
    from compiler.mathtext import to_tex
    from compiler.planner.extract import manim_calls

    assert manim_calls('Label it Text("area 10") and show MathTex("\\\\det(A) = 4 \\\\cdot 6").') == \
        'Label it "area 10" and show "\\det(A) = 4 \\cdot 6".'
    doubled = "= \\\\begin{bmatrix} 2 \\\\\\\\ -1 \\\\end{bmatrix}"  # every backslash written twice
    assert to_tex(doubled).tex == "{} = \\begin{bmatrix} 2 \\\\ -1 \\end{bmatrix}"  # a leading relation spaced as one
    assert to_tex("\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}").tex == "\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}"
    bs = beats('Transform it into matrix form: MathTex("\\\\begin{bmatrix} 4 & 7 \\\\\\\\ 2 & 6 \\\\end{bmatrix} '
               '\\\\begin{bmatrix} x \\\\\\\\ y \\\\end{bmatrix} = \\\\begin{bmatrix} 1 \\\\\\\\ -2 \\\\end{bmatrix}").')
    assert [b.kind for b in bs] == ["equation"]  # typeset, no grid of dots for "matrix form"
    assert bs[0].params["exprs"][0].startswith("\\begin{bmatrix} 4 & 7 \\\\ 2 & 6 \\end{bmatrix}")


def test_unicode_superscript_letters_primes_factorials_and_differentials():
    from compiler.formula import try_formula
    from compiler.mathtext import to_tex
    from compiler.planner.extract import formula_spans

    assert abs(try_formula("y = eˣ").fn(1) - 2.71828) < 1e-4
    assert to_tex("f‴(x) = eˣ → f‴(0) = 1").tex == "f'''(x) = e^{x} \\to f'''(0) = 1"
    assert formula_spans("Show the series in sigma notation: eˣ = Σₙ₌₀^∞ xⁿ/n!")[0][0] == "eˣ = Σₙ₌₀^∞ xⁿ/n!"
    assert formula_spans("MathTex: dv = v' \\, dx and MathTex: du = u' \\, dx")[0][0] == "dv = v' \\, dx"
    assert formula_spans("In the center show MathTex: \\int x e^x \\, dx = \\, ?")[0][0] == "\\int x e^x \\, dx = \\, ?"
    bs = beats("Title. Box the general result: cₙ = 1/n!")
    assert [b.params.get("exprs") for b in bs if b.kind == "equation"] == [["cₙ = 1/n!"]]


def test_values_of_the_curve_are_its_points_and_a_formula_after_mathtex_is_the_formula():
    bs = beats("Draw axes z from -6 to 6 and σ from 0 to 1; plot σ(z) = 1/(1 + e^(-z)).\nMark three points with values:\n"
               "σ(0) = 0.5\nσ(2) = 1 / (1 + e^(-2)) ≈ 0.88\nσ(-2) ≈ 0.12")
    pts = [(p["x"], p["y"]) for b in bs for p in b.params.get("points") or []]
    assert pts == [(0, 0.5), (2, 0.88), (-2, 0.12)] and "highlight" not in [b.kind for b in bs]
    bs = beats("Plot f(x) = (x - 3)^2 + 1 for x from -1 to 7. Mark the points with values:\nf'(0.5) = -5\nf'(5.5) = 5")
    assert not [p for b in bs for p in b.params.get("points") or []]  # slopes, not points of f
    from tests.test_planner_understanding import _notes
    notes = _notes("Shade the region between the curve and the v axis in blue and label it MathTex: \\int u \\, dv")
    assert any(n.startswith("SB307") and "Shade the region" in n for n in notes), notes
    assert [b.params["exprs"] for b in beats("Shade the region in blue and label it MathTex: \\int u \\, dv")] == [
        ["\\int u \\, dv"]]


def test_one_matrix_in_tex_is_a_matrix_and_a_tex_formula_is_no_caption():
    bs = beats('Show "A = \\begin{bmatrix} 4 & 7 \\\\ 2 & 6 \\end{bmatrix}" in the top left.')
    assert [(b.kind, b.params.get("values"), b.params.get("label")) for b in bs] == [("matrix", [[4, 7], [2, 6]], "A")]
    bs = beats('Draw a NumberPlane with x from -1 to 12 and y from -1 to 9, the unit square labeled "area 1".')
    assert "grid" not in [b.kind for b in bs]  # the plane's range, not cards numbered 1 to 12
    bs = beats('Label the parallelogram "area 10" and show "\\det(A) = 4 \\cdot 6 - 7 \\cdot 2 = 10".')
    assert not [b for b in bs if b.rule.startswith("text:labels")]  # the formula is not run into a caption as source


def test_the_rest_of_a_mathtex_line_is_the_formula_and_time_units_stay_with_their_value():
    assert formula_spans("Box the result: MathTex: W_{net} = \\Delta KE")[0][0] == "W_{net} = \\Delta KE"
    assert formula_spans("Show MathTex: \\int u \\, dv = uv and a caption")[0][0] == "\\int u \\, dv = uv"
    assert formula_spans("1D case: x = -b/w = 0.95/0.6 ≈ 1.58 hours. Draw")[0][0] == "x = -b/w = 0.95/0.6 ≈ 1.58 hours"


def test_formulas_written_sentence_after_sentence_under_a_derivation_cue_are_one_derivation():
    bs = beats("Starting from the formula N(t) = N0 · (1/2)^(t/T), a short derivation unfolds line by line. "
               "First the identity 1/2 = e^(-ln 2) is shown. Substituting it gives N(t) = N0 · e^(-(ln 2) t / T). "
               "Then the constant is named: λ = ln 2 / T.")
    steps = [b for b in bs if b.kind == "steps"]
    assert len(steps) == 1 and steps[0].params["lines"][0] == "N(t) = N0 · (1/2)^(t/T)"
    assert len(steps[0].params["lines"]) == 4 and "equation" not in [b.kind for b in bs]


def test_a_bound_line_by_line_and_the_settings_of_a_plot_are_no_formulas():
    from compiler.components.steps import step_formulas

    bs = beats("For x = 0.5 and n = 4, line by line:\n   |R₄(0.5)| ≤ e^0.5 · 0.5⁵/5!\n   ≤ 1.65 · 0.03125/120\n   ≈ 0.00043")
    assert [b.params["lines"] for b in bs if b.kind == "steps"] == [
        ["|R₄(0.5)| ≤ e^0.5 · 0.5⁵/5!", "≤ 1.65 · 0.03125/120", "≈ 0.00043"]]  # |R₄(0.5)| is no table's bar
    formulas, failed = step_formulas(["≤ 1.65 · 0.03125/120", "≈ 0.00043"])
    assert failed == [] and [f[0] for f in formulas] == ["{} \\le \\frac{1.65 \\cdot 0.03125}{120}", "{} \\approx 0.00043"]
    bs = beats("Example for x = 10: show a small line plot of the term size 10ⁿ/n! for n = 0 to 30, rising to a peak "
               "near n = 10 (value ≈ 2756).")
    assert "equation" not in [b.kind for b in bs]  # the plot's settings are not formulas to show


def test_the_boxed_final_answer_is_the_last_line_and_a_number_marks_only_itself():
    bs = beats("Solve one line at a time:\nt = 5730 · ln(0.20) / ln(1/2)\nt = 5730 · 2.3219\nt ≈ 13,300 years\n\n"
               "While it appears, a reminder floats on the right: \"ln(a^b) = b · ln(a)\".\n"
               "The final answer is boxed, and a remark notes that 2.32 half-lives is between 2 and 3 half-lives.")
    assert [(b.params["target"], b.params.get("part")) for b in bs if b.kind == "highlight"] == [("t ≈ 13,300 years", None)]


# ----------------------------------------------------------------------------- TeX environments and escaped breaks
def test_a_tex_matrix_written_bare_in_the_prose_is_one_matrix_and_the_plane_applies_it():
    details = ("Draw a NumberPlane with the basis vectors. In the upper left corner show the matrix as MathTex: "
               "A = \\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix}, with the first column colored green. "
               "Apply the linear transformation A to the plane.")
    assert [s for s, *_ in formula_spans(details)][0] == "A = \\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix}"
    bs = beats(details)
    matrix = next(b for b in bs if b.kind == "matrix")
    assert matrix.params["values"] == [[3, 1], [1, 2]] and matrix.params["label"] == "A"
    applied = [b for b in bs if b.kind == "vector_plane" and b.params.get("matrices")]
    assert applied and applied[0].params["matrices"][0]["values"] == [[3, 1], [1, 2]]


def test_an_equation_of_tex_matrices_stays_one_typeset_formula():
    details = ("On the right, write the general matrix MathTex: \\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix} = "
               "\\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix} and then the rest.")
    (b,) = [b for b in beats(details) if b.kind == "equation"]
    assert b.params["exprs"] == ["\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix} = "
                                 "\\begin{bmatrix} 3 & 1 \\\\ 1 & 2 \\end{bmatrix}"]
    tex(b.params["exprs"][0])


def test_line_breaks_escaped_twice_are_the_lines_of_a_derivation_not_tex_commands():
    details = ("Then write the derivation, one line under the other:\\nMathTex: b_n = \\frac{1}{\\pi} \\int_{-\\pi}^{\\pi} "
               "f(x) \\sin(nx)\\, dx\\nMathTex: = \\frac{2}{\\pi} \\int_{0}^{\\pi} \\sin(nx)\\, dx\\nMathTex: = "
               "\\frac{2}{n\\pi} \\left( 1 - (-1)^n \\right)")
    (b,) = beats(details)
    assert b.kind == "steps" and len(b.params["lines"]) == 3
    assert b.params["lines"][1] == "= \\frac{2}{\\pi} \\int_{0}^{\\pi} \\sin(nx)\\, dx"
    (e,) = beats("Show MathTex: \\nabla f \\neq 0 \\nRightarrow x = 1")  # \\nabla, \\neq, \\nRightarrow: TeX
    assert e.kind == "equation" and "\\nabla" in e.params["exprs"][0]


def test_a_rate_per_unit_of_time_keeps_its_unit():
    spans = [f for f, *_ in formula_spans("the numbers are filled in: λ = 0.6931 / 5730 and then λ ≈ 1.21 × 10⁻⁴ per year. "
                                          "Next")]
    assert spans == ["λ = 0.6931 / 5730", "λ ≈ 1.21 × 10⁻⁴ per year"]
    assert tex("λ ≈ 1.21 × 10⁻⁴ per year") == r"\lambda \approx 1.21 \times 10^{-4} \, \text{per year}"


def test_a_half_life_symbol_is_a_subscript_not_a_factor():
    assert tex("T½ = 8 days") == r"T_{1/2} = 8 \, \mathrm{days}"
    assert tex("KE = ½ m v²") == r"KE = \frac{1}{2} m v^{2}"  # a fraction on its own is still a factor


def test_components_along_and_across_are_subscripts_and_a_line_may_start_with_iff():
    assert tex("W∥ = mg sin θ") == r"W_{\parallel} = mg \sin \theta"
    assert tex("a⊥ · b = 0") == r"a_{\perp} \cdot b = 0"
    assert tex("AB ⊥ CD") == r"AB \perp CD"  # between two names it is still the relation
    assert tex("⇔ tan θ > μs") == r"{} \Leftrightarrow \tan \theta > \mu s"


def test_a_label_of_maths_without_a_relation_is_typeset():
    from compiler.mathtext import is_label_formula

    # axis ticks, table cells, curve and box labels written by storyboards nobody on the team wrote
    for s in ("sin θ", "π/2", "(π/2, 1)", "1/3!", "B × A", "5 ± 1.58", "θ₁", "x·h", "∞", "1 × 7 + 3", "→ 6",
              "10 → 5 → 2 → 1", "(2 × 3) · (3 × 2)"):
        assert is_label_formula(s), s
    assert tex("(π/2, 1)") == r"\left(\frac{\pi}{2}, 1\right)"
    # words, abbreviations, dates and code stay text
    for s in ("I/O", "n/a", "A/B", "km/h", "TCP/IP", "12/05/2024", "Hi!", "3-5", "Yes", "42", "50%", "C++", "a[i]",
              "liquid → gas", "3 × 3 grid"):
        assert not is_label_formula(s), s


def test_a_caption_before_a_piece_of_maths_is_upright_and_a_sign_after_it_is_the_numbers():
    from compiler.mathtext import is_label_formula

    assert tex("Secant slope: (f(x+h) − f(x)) / h") == r"\text{Secant slope:}\; \frac{f(x + h) - f(x)}{h}"
    assert tex("worst case: O(n)") == r"\text{worst case:}\; O(n)"
    assert tex("Loss: -0.5 + x") == r"\text{Loss:}\; {-}0.5 + x"
    assert tex("R1 (with I1): −2·I1").endswith(r"{:}\; {-}2 \cdot I_1")
    assert is_label_formula("Secant slope: (f(x+h) − f(x)) / h") and is_label_formula("worst case: O(n)")


def test_words_before_a_fraction_are_not_its_numerator():
    assert tex("each gets 15 / 2 = 7.5") == r"\text{each gets} \, \frac{15}{2} = 7.5"
    assert tex("times 4/π") == r"\mathrm{times} \, \frac{4}{\pi}"
    assert tex("2π/3") == r"\frac{2 \pi}{3}"  # a product of a number and a symbol still is
    assert tex("P x r / 2") == r"\frac{P \times r}{2}"


def test_compound_units_and_a_unit_in_brackets_after_a_quantity_are_upright():
    assert tex("10 mg/kg") == r"10 \, \mathrm{mg/kg}"  # was \frac{10mg}{kg}
    assert tex("10 kg/m^3") == r"10 \, \mathrm{kg/m^{3}}"
    assert tex("5 cm/s") == r"5 \, \mathrm{cm/s}"
    assert tex("R = 8.314 J/(mol·K)") == r"R = 8.314 \, \mathrm{J/(mol\cdot K)}"
    assert tex("v (m/s)") == r"v \; (\mathrm{m/s})"  # was v\left(\frac{m}{s}\right)
    assert tex("V (m³)") == r"V \; (\mathrm{m^{3}})"  # was V(m^{3}): V of m cubed
    assert tex("θ (rad)") == r"\theta \; (\mathrm{rad})"
    assert tex("f (x)") == "f(x)"  # a letter in brackets is still an argument


def test_greek_letters_and_roots_written_as_names_are_maths_where_they_are_used_as_maths():
    from compiler.mathtext import is_label_formula

    # rsa s8 "needs phi(n)", clt "sigma / sqrt(n)", "mu": were drawn as the words
    assert tex("needs phi(n)") == r"\mathrm{needs} \, \phi(n)" and is_label_formula("needs phi(n)")
    assert tex("sigma / sqrt(n)") == r"\frac{\sigma}{\sqrt{n}}" and is_label_formula("sigma / sqrt(n)")
    assert is_label_formula("mu") and is_label_formula("sigma")
    for s in ("alpha channel", "beta version", "Raspberry Pi", "mean mu"):
        assert not is_label_formula(s), s


def test_a_linking_word_between_formulas_written_in_tex_is_text():
    # area-between s6: "x = y (left) to x = \sqrt{y} (right)" showed "tox" in italics
    assert r"\text{ to }" in tex(r"x = y (left) to x = \sqrt{y} (right)")
    assert tex(r"a = 1 or a = 2") == r"a = 1 \text{ or } a = 2"
    assert tex(r"x \to 0") == r"x \to 0"  # the arrow command is untouched


def test_drawn_text_shows_the_signs_and_letters_a_model_spelled_out():
    # clt s8: "n >= 30" and "center mu and spread sigma / sqrt(n)" were drawn as typed
    assert plain_text("Rule of thumb: n >= 30 is usually enough") == "Rule of thumb: n ≥ 30 is usually enough"
    assert plain_text("bell curve with center mu and spread sigma / sqrt(n)") == "bell curve with center μ and spread σ / √n"
    assert plain_text("muon, Tau Ceti, alpha version") == "muon, Tau Ceti, alpha version"  # words stay words
