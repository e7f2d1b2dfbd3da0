"""Round 14 (held-out storyboards /tmp/fresh14–20): a derivation's last line written with its condition first, the
formula a list of lines works out, the final line of "the derivation" framed, components of an arrow drawn to its
scale, the angle's label with its value."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


RECURRENCE = ("- Right side derivation:\n  T(n) = 2 T(n/2) + n\n  = 4 T(n/4) + 2n\n  = 2^k T(n/2^k) + k n\n"
              "  with k = log2 n: T(n) = n log2 n\n"
              '- Example: "n = 8: 8 x 3 = 24 steps".')


def test_a_derivation_line_that_states_its_condition_first_stays_in_the_derivation():
    beats, _ = planned(RECURRENCE)
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][-1] == "with k = log2 n: T(n) = n log2 n"
    assert not any(b.kind == "equation" and "T(n) = n log2 n" in b.params["exprs"] for b in beats)


def test_the_final_line_of_the_derivation_is_framed_not_the_last_formula_of_the_scene():
    beats, _ = planned(RECURRENCE, "Derivation right half, size 30, lines appear with Write one after another, the final "
                                   "line boxed in green (#43AA8B). Examples at the bottom, size 26, grey.")
    (frame,) = [b for b in beats if b.kind == "highlight"]
    assert frame.params["target"] == "with k = log2 n: T(n) = n log2 n"
    assert frame.params["color"] == "#43AA8B"
    # with no derivation named, the scene's answer is still its last formula line
    beats, _ = planned(RECURRENCE, "The final line boxed in green.")
    (frame,) = [b for b in beats if b.kind == "highlight"]
    assert frame.params["target"] == "n = 8: 8 x 3 = 24 steps"


def test_the_formula_a_list_of_lines_works_out_heads_them():
    beats, _ = planned("Draw the line $y = x + 1$ in grey. For each point label its residual $e_i = y_i - \\hat{y}_i$:\n"
                       "   - x = 1: 2 - 2 = 0\n   - x = 2: 4 - 3 = 1\n   - x = 3: 5 - 4 = 1")
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert steps.params["lines"][0] == "e_i = y_i - \\hat{y}_i"
    assert steps.params["lines"][1:] == ["x = 1: 2 - 2 = 0", "x = 2: 4 - 3 = 1", "x = 3: 5 - 4 = 1"]


def test_a_segment_asked_beside_a_derivation_is_said_when_nothing_draws_it():
    # the derivation's "lines" are lines of writing, not the red segments the sentence asks for
    _, notes = planned("Keep the axes. For each point draw a vertical red segment to the line and label its residual:\n"
                       "   - x = 1: 2 - 2 = 0\n   - x = 2: 4 - 3 = 1")
    assert any(n.startswith("SB307") and "vertical red segment" in n for n in notes)


def test_components_of_an_arrow_drawn_earlier_take_its_length_and_angle():
    beats, notes = planned(
        '1. Draw the velocity arrow of length 4 units at 30° from the origin of the left half, labeled "20 m/s".\n'
        '2. Draw its horizontal component as a blue arrow along the ground labeled "vₓ", and its vertical component '
        'as a red arrow from the tip of the blue arrow up to the tip of the velocity arrow labeled "v_y", forming a '
        'right triangle. Mark the right angle with a small square and the angle θ = 30° at the origin.')
    (vsum,) = [b for b in beats if b.kind == "physics" and "sum" in b.params]
    blue, red = vsum.params["sum"]["arrows"]
    assert (blue["label"], red["label"]) == ("vₓ", "v_y")
    assert (round(blue["dx"], 2), blue["dy"]) == (3.46, 0.0)  # 4 cos 30°, along the ground
    assert (red["dx"], round(red["dy"], 2)) == (0.0, 2.0)     # 4 sin 30°, up
    assert vsum.params["sum"]["label"] == "20 m/s"
    assert not any(b.kind == "text" and b.params.get("text") == "20 m/s" for b in beats)
    assert not any("drawn equally long" in n for n in notes)
    (angle,) = [b for b in beats if b.rule == "physics:sum-angle"]
    assert angle.params["steps"][0]["text"] == "θ = 30°"


def test_an_arrow_s_direction_is_read_from_its_own_clause():
    # "horizontal" before the noun is this arrow's; "right triangle" names no direction
    beats, _ = planned('Draw a horizontal component as a blue arrow labeled "a", and a vertical component as a red arrow '
                       'from its tip labeled "b", forming a right triangle, and the resultant arrow labeled "c".')
    (vsum,) = [b for b in beats if b.kind == "physics" and "sum" in b.params]
    a, b = vsum.params["sum"]["arrows"]
    assert (a["dx"] > 0, a["dy"]) == (True, 0.0) and (b["dx"], b["dy"] > 0) == (0.0, True)


def test_named_marks_on_a_number_line_are_drawn_with_their_names():
    beats, _ = planned("Then show a number line from 1.5 to 4 with marks at L4 = 1.75, L8 = 2.1875, R8 = 3.1875, R4 = 3.75, "
                       "and the exact value 8/3 marked with a yellow star between them.")
    (line,) = [b for b in beats if b.kind == "number_line"]
    got = {p["value"]: p.get("label") for p in line.params["points"]}
    assert got[1.75] == "L4 = 1.75" and got[3.75] == "R4 = 3.75" and got[3.1875] == "R8 = 3.1875"
    assert abs(next(v for v in got if got[v] == "8/3") - 8 / 3) < 1e-9  # a fraction between ticks, written as it is


def test_axes_labelled_in_single_quotes_after_their_ranges():
    beats, _ = planned("Draw axes with x from 0 to 2.2 (ticks every 0.5) and y from 0 to 4.5 (ticks every 1), labelled "
                       "'x' and 'y', and plot the curve y = x^2 for x in [0, 2].")
    (plot,) = [b for b in beats if b.kind == "plot"]
    assert (plot.params["x_label"], plot.params["y_label"]) == ("x", "y")
    assert not any(b.kind == "text" for b in beats)  # (was a caption "Ticks every: x, y")


def test_a_surrounding_rectangle_the_style_asks_round_the_final_text():
    beats, _ = planned("Compute:\n2x = 8\nx = 4\nEnd with the text 'Area = limit of Riemann sums'.",
                       "Final text size 30, white, bottom center, with a SurroundingRectangle in yellow.")
    (frame,) = [b for b in beats if b.kind == "highlight"]
    framed = beats[beats.index(frame) - 1]
    assert framed.kind == "text" and frame.params["target"] is None  # the text, not the derivation's answer
    assert frame.params["color"] == "#FFE066"


def test_tex_spaces_between_formulas_belong_to_neither():
    from compiler.planner.extract import formula_spans

    assert [f for f, _, _ in formula_spans(r"Write 2 = 2!, \; 6 = 3!, \; 24 = 4! in yellow.")] == ["2 = 2!", "6 = 3!", "24 = 4!"]
    assert [f for f, _, _ in formula_spans(r"Write N(t) = \frac{K}{1 + A e^{-rt}}, \quad A = 5 here")] == [
        r"N(t) = \frac{K}{1 + A e^{-rt}}", "A = 5"]


def test_a_mark_asked_where_only_words_are_drawn_is_said():
    for details, mark in [('Yellow arrow: "Where is www.example.com?"', "arrow"),
                          ('Label the parts with braces: "derivatives at a", "factorial", "distance".', "brace"),
                          ("Finally, draw yellow rectangles around 'Positive 90' and 'Positive 891'.", "rectangle round")]:
        _, notes = planned(details)
        assert any(n.startswith("SB307") and f"the {mark}" in n and "only its words are" in n for n in notes), (details, notes)
    # the word inside what is written is no mark; nor is a sentence that draws a picture
    _, notes = planned("Finally show the summary as three lines: 'Start: 0', 'Follow Prev pointers for the path'.")
    assert not any("only its words are" in n for n in notes)
    _, notes = planned('Draw a number line from 0 to 10 with an arrow from 2 to 5 labelled "+3".')
    assert not any("only its words are" in n for n in notes)


def test_a_curve_traced_from_its_starting_point_is_a_curve_on_the_axes_on_screen():
    beats, _ = planned("Draw axes with θ from 0 to 7 and y from -1 to 1. Trace the curve y = sin θ in green.\n"
                       "Now trace the curve y = cos θ in blue on the same axes, starting at (0, 1). Label it \"y = cos θ\".\n"
                       "Then copy the sine curve and slide it left by π/2 until it lies on the cosine curve.")
    plots = [b for b in beats if b.kind == "plot"]
    curves = [c["expr"] for b in plots for c in b.params.get("curves") or ()]
    assert curves == ["y = sin θ", "y = cos θ"]  # no standard sin(x) on new axes; (0, 1) is no point to mark
    assert all(b.params.get("extend") for b in plots[1:])
    assert not any(p for b in plots for p in b.params.get("points") or ())


def test_lines_under_a_head_that_names_a_code_block_are_the_code():
    beats, _ = planned('1. Keep it simple.\n2. Show a code block on the left with the request:\n   GET /index.html HTTP/1.1\n'
                       '   Host: www.example.com\n   User-Agent: Mozilla/5.0\n3. Highlight "GET" and label it "method".')
    (code,) = [b for b in beats if b.kind == "code"]
    assert code.params["code"] == "GET /index.html HTTP/1.1\nHost: www.example.com\nUser-Agent: Mozilla/5.0"
    assert code.params["language"] == "http"
    assert not any(b.kind == "text" and "Host" in str(b.params.get("text")) for b in beats)


def test_names_a_kept_picture_already_shows_are_not_written_again():
    sb = Storyboard.model_validate({"scenes": [
        scene('Show two lifelines "Browser" and "Web Server". The Browser sends "SYN" to the Web Server.',
              "The browser says hello. The server listens.", style="Default."),
        scene('1. Keep the two lifelines "Browser" and "Web Server".\n2. Show the text "request sent".',
              "Now a request. It goes out.", style="Default.")]})
    second = plan_storyboard(sb).scenes[1].beats
    assert [b.kind for b in second] == ["message_chart", "text"]
    assert second[0].rule == "message_chart:recalled-from-scene-1" and second[1].params["text"] == "request sent"


SPLIT = ('- Title: "Why not just divide by the sum?".\n- Left column, for z = [2.0, 1.0, 0.1]:\n  sum = 2.0 + 1.0 + 0.1 = 3.1\n'
         '  2.0 / 3.1 ≈ 0.645\n  1.0 / 3.1 ≈ 0.323\n  0.1 / 3.1 ≈ 0.032\n  with a green check "looks fine".\n'
         '- Right column, for z = [2.0, −1.0, 0.0]:\n  sum = 2.0 − 1.0 + 0.0 = 1.0\n  2.0 / 1.0 = 2.0\n  −1.0 / 1.0 = −1.0\n'
         '  0.0 / 1.0 = 0.0\n  with a red cross and the text "negative probability?!".\n'
         '- Bottom text: "We need a way to make every score positive first."')


def test_two_columns_of_calculations_are_two_columns_with_every_line():
    beats, notes = planned(SPLIT)
    assert not any(b.kind == "code" for b in beats)  # ("with" and "- Right column …:" are no Python)
    (cmp,) = [b for b in beats if b.kind == "comparison"]
    left, right = cmp.params["lines"]
    assert left == ["sum = 2.0 + 1.0 + 0.1 = 3.1", "2.0 / 3.1 ≈ 0.645", "1.0 / 3.1 ≈ 0.323", "0.1 / 3.1 ≈ 0.032"]
    assert right[-1] == "0.0 / 1.0 = 0.0" and len(right) == 4
    assert cmp.params["titles"] == ["for z = [2.0, 1.0, 0.1]", "for z = [2.0, −1.0, 0.0]"]
    assert any(b.kind == "icon" and b.params["icons"] == ["cross"] for b in beats)
    # the green check is not drawn: said
    assert any("the check mark it asks for is not drawn" in n for n in notes)


def test_vectors_drawn_to_a_plane_point_and_arrows_that_start_elsewhere():
    beats, notes = planned(
        "1. Create a NumberPlane with x from -1 to 7 and y from -1 to 5.\n"
        "2. Draw vector a as an Arrow from the origin to the plane point (3, 4) and label its tip with MathTex: \\vec{a} = (3, 4)\n"
        "3. Draw vector b as an Arrow from the origin to the plane point (5, 0).\n"
        '4. Draw a red arrow from (3, 0) to (3, 4), labelled "a_perp".\n'
        "5. Check orthogonality:\n   MathTex: \\vec{a}_{\\perp} \\cdot \\vec{b} = (0)(5) + (4)(0) = 0 \\checkmark")
    tips = [(v["x"], v["y"]) for b in beats if b.kind == "vector_plane" for v in b.params.get("vectors") or ()]
    assert tips == [(3.0, 4.0), (5.0, 0.0)]
    (seg,) = [s for b in beats if b.kind == "vector_plane" for s in b.params.get("segments") or ()]
    assert seg == {"start": [3.0, 0.0], "end": [3.0, 4.0], "arrow": True, "dashed": False, "label": "a_perp",
                   "color": "#FC6255"}
    assert not any("only its words are" in n for n in notes)  # (TeX's \checkmark is typeset, no mark asked)


def test_a_redrawn_plane_names_each_vector_by_its_own_name_and_draws_it_once():
    sb = Storyboard.model_validate({"scenes": [
        scene("Create a NumberPlane with x from -1 to 7 and y from -1 to 5. Draw vector a from (0, 0) to (3, 4) "
              'labelled "a" and vector b from (0, 0) to (5, 0) labelled "b".', "Two vectors. Here they are.", style="Default."),
        scene("On the left, redraw a small plane (x from 0 to 6, y from 0 to 5) with vector a from (0, 0) to (3, 4), "
              "vector b from (0, 0) to (5, 0), and the green shadow from (0, 0) to (3, 0).", "Again. Look.", style="Default.")]})
    second = plan_storyboard(sb).scenes[1].beats
    vectors = [v for b in second if b.kind == "vector_plane" for v in b.params.get("vectors") or ()]
    assert [(v["x"], v["y"], v.get("label")) for v in vectors].count((5.0, 0.0, "b")) == 1
    assert not any(v.get("label") == "a" and v["x"] == 5.0 for v in vectors)


def test_a_bulleted_block_of_statements_is_a_list_not_a_derivation():
    beats, notes = planned('3. On the right, show a summary box with three bullet points:\n   "• Scalar projection: (a · b) / |b| = 3"\n'
                           '   "• Vector projection: (a · b)/(b · b) b = (3, 0)"\n   "• Leftover a - proj = (0, 4) is perpendicular to b"')
    assert [b.kind for b in beats if b.kind != "highlight"] == ["bullets"]
    assert beats[0].params["items"][0] == "Scalar projection: (a · b) / |b| = 3"
    assert not any(n.startswith("SB302") for n in notes)


def test_phrases_sharing_a_word_in_two_colours_do_not_stop_the_render():
    from compiler.runtime.style import _words_coloured

    tints = {"parallel part": "#66BB6A", "perpendicular part": "#FC6255"}
    wrapped = "a = (3, 0) + (0, 4): parallel part + perpendicular\npart"
    assert _words_coloured(tints, wrapped, False) == {"parallel part": "#66BB6A", "perpendicular": "#FC6255"}
    broken = "parallel\npart and perpendicular\npart"
    assert _words_coloured(tints, broken, False) == {"parallel": "#66BB6A", "perpendicular": "#FC6255"}


def test_charges_drawn_as_circles_with_their_sign_and_the_point_where_the_field_is_asked():
    beats, _ = planned(
        "1. Place a red circle of radius 0.4 at (-3, 0) with '+' inside, and the label 'q1 = +2 µC' above it.\n"
        "2. Place a blue circle of radius 0.4 at (3, 0) with '-' inside, and the label 'q2 = -2 µC' above it.\n"
        "3. Mark the midpoint P at (0, 0) with a small yellow dot and label 'P'.\n"
        "4. Draw a red arrow starting at P and pointing right (away from q1), length 1.5, labelled 'E1'.")
    (pic,) = [b for b in beats if b.kind == "physics"]
    bodies = pic.params["bodies"]
    assert [(b["shape"], b.get("charge"), b["at"], b.get("label")) for b in bodies] == [
        ("charge", 1.0, [-3.0, 0.0], "q1 = +2 µC"), ("charge", -1.0, [3.0, 0.0], "q2 = -2 µC"), ("point", None, [0.0, 0.0], "P")]
    (e1,) = pic.params["vectors"]
    assert (e1["label"], e1["body"], e1["direction"]) == ("E1", "P", "right")
    assert not any(b.kind in ("drawing", "text") for b in beats)


def test_a_field_arrow_in_a_picture_of_charges_acts_at_its_marked_point():
    beats, _ = planned("Redraw the two charges: red '+' at (-3, 2), blue '-' at (3, 2), P at (0, 2). "
                       "Add a single yellow arrow pointing right labelled 'E_total'.")
    (pic,) = [b for b in beats if b.kind == "physics"]
    assert [b["shape"] for b in pic.params["bodies"]] == ["charge", "charge", "point"]
    assert pic.params["vectors"][0]["body"] == "P"


def test_a_vector_s_formula_label_and_its_colour_from_the_style():
    beats, _ = planned("Create a NumberPlane with x from -1 to 7 and y from -1 to 5.\n"
                       "Draw vector a as an Arrow from the origin to the plane point (3, 4) and label its tip with "
                       "MathTex: \\vec{a} = (3, 4)", "Vector a in yellow (#FFFF00), vector b in blue (#58C4DD).")
    (v,) = [v for b in beats if b.kind == "vector_plane" for v in b.params.get("vectors") or ()]
    assert v == {"x": 3.0, "y": 4.0, "label": "a", "color": "#FFFF00"}
    # the formula it is labelled with is typeset beside the plane (at the tip it would crowd the other tips)
    assert [b.params["exprs"] for b in beats if b.kind == "equation"] == [["\\vec{a} = (3, 4)"]]


def test_an_array_s_indices_are_no_numbers_of_a_grid():
    beats, notes = planned("Draw an array of 5 contiguous cells with indices 0 to 4 below them; the cells contain 3, 7, 12, "
                           "20 and the last is empty.")
    (row,) = beats
    assert (row.kind, row.params["tokens"], row.params["indices"]) == ("sequence", ["3", "7", "12", "20"], 0)
    assert any("5 contiguous cells are asked for but 4 values are given" in n for n in notes)  # (the empty cell: said)


def test_a_unit_after_a_power_of_ten_is_the_quantity_s():
    from compiler.mathtext import to_tex

    assert to_tex("E1 = 7.19 x 10^6 N/C").tex == r"E_1 = 7.19 \times 10^{6} \, \mathrm{N/C}"  # (was N over C)
    assert to_tex("k = 8.99 x 10^9 N*m^2/C^2").tex == r"k = 8.99 \times 10^{9} \, \mathrm{N\cdot m^{2}/C^{2}}"
    assert to_tex("q = 2 x 10^-6 C").tex == r"q = 2 \times 10^{-6} \, \mathrm{C}"
    assert to_tex("E = k*|q| / r^2").tex == r"E = \frac{k \cdot |q|}{r^{2}}"  # (letters over letters stay a fraction)


def test_an_arrow_of_a_picture_of_charges_is_drawn_once():
    beats, _ = planned("On the left, draw the two charges: red '+' at (-5, 0) and blue '-' at (-1, 0), midpoint at (-3, 0). "
                       "Draw about 10 curved field lines leaving the + charge and ending on the - charge, and put a yellow "
                       "arrow at the midpoint labelled '1.44 x 10^7 N/C'.")
    assert not any(b.kind == "annotation" for b in beats)
    (pic,) = [b for b in beats if b.kind == "physics"]
    assert pic.params["field_lines"] and pic.params["vectors"][0]["body"] == "midpoint"
    assert pic.params["vectors"][0]["label"] == "1.44 x 10^7 N/C"


def test_a_check_mark_written_with_its_line_is_drawn():
    _, notes = planned("On the right side of the screen show the equation building up line by line: 'a^2 + b^2 = c^2', "
                       "then '3^2 + 4^2 = 5^2', then '9 + 16 = 25', then '25 = 25' with a check mark.")
    assert not any("check mark it asks for" in n for n in notes)


def test_a_bar_chart_announced_with_its_bars_steps_through_named_states():
    beats, notes = planned('- A single bar chart with three bars (cat, dog, bird) in the center, and a value tracker "T = 1".\n'
                           "- Animate T through these values, updating the bars and the numbers above them:\n"
                           "  T = 0.5 → [0.864, 0.117, 0.019]\n  T = 1 → [0.659, 0.242, 0.099]\n  T = 2 → [0.502, 0.304, 0.194]")
    charts = [b for b in beats if b.kind == "bar_chart"]
    assert [b.params["title"] for b in charts] == ["T = 0.5", "T = 1", "T = 2"]
    assert all(b.params["labels"] == ["cat", "dog", "bird"] for b in charts)
    assert charts[0].params["values"] == [0.864, 0.117, 0.019] and not charts[0].params.get("extend")
    assert charts[2].params["values"] == [0.659, 0.242, 0.099] and charts[2].params["new_values"] == [0.502, 0.304, 0.194]
    assert charts[2].params["extend"]
    assert not any(b.kind in ("sequence", "steps") for b in beats)
    assert not any("bar it belongs to" in n for n in notes)


def test_a_state_named_by_a_value_keeps_its_whole_name():
    beats, _ = planned("Show the rows:\n  T = 0.5 → [0.864, 0.117, 0.019]\n  T = 1 → [0.659, 0.242, 0.099]")
    assert [b.params["label"] for b in beats if b.kind == "sequence"] == ["T = 0.5", "T = 1"]


def test_the_runtime_changes_a_chart_s_caption_with_its_state(monkeypatch):
    from compiler.planner.theme import Theme
    from compiler.runtime.components import bar_chart

    class Recorder:
        theme = Theme().to_json()
        named: list = []

        def __init__(self):
            self.mobjects, self.played = [], []

        def show(self, mob, enter, slot, strings=()):
            self.mobjects.append(mob)

        def play(self, *anims, **kw):
            self.played.append(anims)

    scene = Recorder()
    bar_chart.extend(scene, slot=2.0, labels=["cat", "dog"], values=[0.6, 0.4], title="T = 0.5")
    mob = scene.mobjects[0]
    monkeypatch.setattr(bar_chart, "find_chart", lambda s: mob)
    bar_chart.extend(scene, slot=2.0, labels=["cat", "dog"], values=[0.6, 0.4], new_values=[0.5, 0.5], title="T = 1")
    (anims,) = scene.played
    assert len(anims) == 2 and mob.title_mob.text == "T = 1"


def test_a_mark_takes_the_colour_written_before_it():
    beats, _ = planned('Show "2.0 / 1.0 = 2.0" with a red cross and the text "negative probability?!".')
    (icon,) = [b for b in beats if b.kind == "icon"]
    assert (icon.params["icons"], icon.params["color"]) == (["cross"], "#FC6255")
    beats, _ = planned("A green check mark appears next to the answer.")
    assert [b.params.get("color") for b in beats if b.kind == "icon"] == ["#66BB6A"]


CHAIN = ("1. Write MathTex '\\frac{dy}{dx} = \\frac{dy}{du} \\cdot \\frac{du}{dx}'.\n"
         "2. Put a green brace under '\\frac{dy}{du}' labeled \"outer derivative\" and a yellow brace under '\\frac{du}{dx}' "
         "labeled \"inner derivative\".\n"
         "3. Below, write the same rule in prime notation: MathTex '\\big(f(g(x))\\big)' = f'(g(x)) \\cdot g'(x)'.")


def test_braces_under_quoted_pieces_of_a_formula_in_their_colours():
    beats, _ = planned(CHAIN)
    braces = [b for b in beats if b.kind == "annotation"]
    assert [(b.params["target"], b.params["color"]) for b in braces] == [
        ("\\frac{dy}{du}", "#66BB6A"), ("\\frac{du}{dx}", "#FFE066")]
    assert not any(b.kind == "steps" for b in beats)  # (the pieces are the braces' targets, not lines to write)


def test_a_quoted_formula_whose_bracket_has_a_prime_is_one_formula():
    beats, _ = planned(CHAIN)
    assert [b.params["exprs"] for b in beats if b.kind == "equation"][-1] == ["\\big(f(g(x))\\big)' = f'(g(x)) \\cdot g'(x)"]


def test_two_bars_labelled_with_their_values_and_units():
    beats, _ = planned("Then on the lower half draw two simple bars side by side, labeled 'H₂: 10 g' and 'O₂: 64 g', with "
                       "heights proportional to the masses (0.5 and 3.2 units).")
    (chart,) = [b for b in beats if b.kind == "bar_chart"]
    assert (chart.params["labels"], chart.params["values"]) == (["H₂: 10 g", "O₂: 64 g"], [10, 64])
    assert not any(b.kind == "text" for b in beats)  # (was a caption "Side: H₂: 10 g, O₂: 64 g")


def test_words_with_inline_maths_are_set_as_words_and_typeset_maths():
    from compiler.mathtext import mixed_parts
    from compiler.planner.theme import Theme
    from compiler.runtime.style import text

    assert mixed_parts("Half-life: $t_{1/2} = 6$ h") == [("Half-life:", False), ("t_{1/2} = 6", True), ("h", False)]
    assert mixed_parts("Costs $5 and $10") is None and mixed_parts("y = x^2") is None and mixed_parts("Hello") is None
    mob = text("Initial dose: $N_0 = 200$ mg", Theme().to_json(), size=30, width_chars=52, math=True)
    assert len(mob) == 3 and getattr(mob[1], "math_ok", False)  # (was "Initial dose: N_0 = 200 mg" as typed)


def test_radial_arrows_round_charges():
    beats, _ = planned("Draw a red '+' charge at (0, 0) with 8 short arrows pointing radially outward.")
    (pic,) = [b for b in beats if b.kind == "physics"]
    assert pic.params.get("field_lines") is True  # one charge: its field, straight out
    _, notes = planned("On the left half: a red '+' charge at (-5, 0.5) with 8 short arrows pointing radially outward, "
                       "and a blue '-' charge at (-2, 0.5) with 8 short arrows pointing radially inward.")
    assert any("radial arrows around each charge are not drawn" in n for n in notes)


def test_code_ends_at_the_next_bracket_numbered_instruction():
    beats, _ = planned("(4) On the right, show the code:\nclass Node:\n    def __init__(self, data):\n        self.data = data\n"
                       "(5) Bottom: show the full list small again, 3 → 7 → 12 → 20 → null.")
    (code,) = [b for b in beats if b.kind == "code"]
    assert code.params["code"].endswith("self.data = data") and "(5)" not in code.params["code"]
    assert any(b.kind == "flow" and b.params["nodes"] == ["3", "7", "12", "20", "null"] for b in beats)


def test_a_picture_described_moving_is_no_words_turning_into_words():
    beats, _ = planned("(2) Draw one large node, value 7.\n(3) The arrow from its next cell goes to a smaller node with value 12.")
    assert not any(b.kind == "transform" for b in beats)


def test_a_sum_over_an_index_written_as_a_subscript_is_a_sum():
    from compiler.mathtext import to_tex

    # (was e^{z_i} over Σ_j, times e^{z_j}: the formula drawn wrong)
    assert to_tex("σ(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ)").tex == r"\sigma(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"
    assert to_tex("Σ₁ = 3").tex == r"\Sigma_1 = 3" and to_tex("Σ = 6").tex == r"\Sigma = 6"


def test_formulas_placed_left_and_right_are_no_derivation():
    beats, _ = planned("2. Show the two pieces side by side on top:\n   left: MathTex 'u = x^2 \\quad\\Rightarrow\\quad "
                       "\\frac{du}{dx} = 2x'\n   right: MathTex 'y = \\sin(u) \\quad\\Rightarrow\\quad \\frac{dy}{du} = \\cos(u)'")
    assert not any(b.kind == "steps" for b in beats)
    assert not any("MathTex" in s for b in beats for s in b.strings)


def test_a_colour_said_of_one_group_s_formulas_is_not_every_formula_s():
    from compiler.planner.theme import parse_theme

    theme, _ = parse_theme("Final box orange (#FF862F). Mistakes at y = -3, red (#FC6255) formulas with a red diagonal "
                           "strike line, captions grey font size 22.")
    assert "equation" not in theme.roles and theme.labels["mistakes"] == "#FC6255"
    theme, _ = parse_theme("Formulas at the bottom, yellow text.")
    assert theme.roles["equation"] == "#FFE066"


def test_two_charts_said_left_and_right_stand_side_by_side_and_name_their_bars():
    beats, _ = planned('- Left bar chart titled "logits": bars cat = 2.0, dog = 1.0, bird = 0.1.\n'
                       '- Right bar chart titled "probabilities": bars cat = 0.659, dog = 0.242, bird = 0.099.')
    left, right = [b for b in beats if b.kind == "bar_chart"]
    assert left.params["labels"] == right.params["labels"] == ["cat", "dog", "bird"]  # (was "bars cat")
    assert right.params["place"] == "right" and "place" not in left.params


def test_a_letter_with_a_word_under_it_is_typeset():
    from compiler.mathtext import is_label_formula

    assert is_label_formula("E_total") and is_label_formula("a_perp") and not is_label_formula("my_var")


def test_signs_placed_on_a_picture_of_charges_are_its_charges_not_loose_text():
    sb = Storyboard.model_validate({"scenes": [
        scene("Place a red circle at (-3, 2) with '+' inside and a blue circle at (3, 2) with '-' inside. Mark the "
              "midpoint P at (0, 2) with a small yellow dot and label 'P'.", "Two charges. A point.", style="Default."),
        scene("Same layout: red '+' at (-3, 2), blue '-' at (3, 2), P at (0, 2).", "Again. Look.", style="Default.")]})
    first, second = (sp.beats for sp in plan_storyboard(sb).scenes)
    assert not any(b.kind == "text" for b in second)  # (the signs were drawn as loose "+" and "-")
    (p,) = [b for b in first[0].params["bodies"] if b["shape"] == "point"]
    assert p["color"] == "#FFE066"


def test_a_question_with_maths_in_it_reads_as_words():
    from compiler.mathtext import is_label_formula

    beats, _ = planned('Below it, write a wrong guess in red: MathTex \'\\cos(x^2) \\; ?\' and next to it the text '
                       '"Is it just cos(x^2)?".')
    assert any(b.kind == "text" and b.params["text"] == "Is it just cos(x^2)?" for b in beats)  # (was typeset: "it" italic)
    assert not is_label_formula("What is f(2)?") and is_label_formula("Area = ?")


def test_a_note_in_brackets_after_a_table_s_rows_is_no_row():
    beats, notes = planned("On the left, a table with headers 'Pass' and 'Comparisons' and rows 1 | 4, 2 | 3, 3 | 2, 4 | 1 "
                           "(for n = 5, counting the worst case without the early stop).")
    (table,) = [b for b in beats if b.kind == "table"]
    assert table.params["rows"] == [[1, 4], [2, 3], [3, 2], [4, 1]]  # (was one row: the note split at its comma)
    assert any("the note (for n = 5" in n for n in notes)


def test_highlighting_a_piece_then_writing_a_text():
    beats, _ = planned("On the right, generalise line by line:\n'(n − 1) + (n − 2) + ... + 2 + 1'\n'= n(n − 1) / 2'\n"
                       "'= (n² − n) / 2'\nThen highlight the n² term and write 'Drop constants and smaller terms → O(n²)'.")
    assert [b.kind for b in beats] == ["steps", "highlight", "text"]
    assert beats[2].params["text"] == "Drop constants and smaller terms → O(n²)"


def test_labels_of_an_arrow_and_a_brace_are_no_boxes_of_a_diagram():
    beats, notes = planned('Step 3 - Draw a red downward arrow of length 1.2 labeled "F" at x = 1 on the plank, and a yellow '
                           'brace from the pivot to x = 1 labeled "d".')
    assert not any(b.kind == "flow" for b in beats)  # (was a diagram of two boxes "F" → "d")
    assert [b.params["text"] for b in beats if b.kind == "text"] == ["F   ·   d"]  # (was "Length: F · d")
    assert any("the arrow it belongs to is not" in n for n in notes)
