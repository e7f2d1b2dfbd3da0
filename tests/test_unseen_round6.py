"""Sentences from storyboards the planner was not written against that it misread (round 6). One test per
mechanism."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.", plot="A test scene.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_single_quoted_lines_under_a_list_head_are_all_its_items():
    beats, _ = planned("Then clear and show the checklist:\n'1. Balance the equation'\n'2. Convert grams to moles'\n"
                       "'3. Compare with the mole ratio → limiting reagent'\n'4. Use the limiting reagent for the "
                       "product'\n'5. Subtract to find the excess left over'")
    lists = [b for b in beats if b.kind == "bullets"]
    assert len(lists) == 1 and not [b for b in beats if b.kind == "text"]
    assert len(lists[0].params["items"]) == 5
    assert "Use the limiting reagent for the product" in lists[0].params["items"][3]


def test_quoted_lines_under_any_colon_head_are_its_lines():
    beats, _ = planned('Show three proportionalities in a column, each with its name:\n"V ∝ 1/P   (Boyle)"\n'
                       '"V ∝ T   (Charles)"\n"V ∝ n   (Avogadro)"')
    drawn = [b for b in beats if b.kind != "title"]
    assert len(drawn) == 1 and len(drawn[0].strings) >= 3


def test_a_then_or_finally_line_is_the_next_instruction_not_a_row():
    beats, _ = planned('Below, show the values of R:\n"R = 8.314 J/(mol·K)"\n"R = 0.08206 L·atm/(mol·K)"\n'
                       'Finally, a warning line: "T must always be in kelvin: T(K) = T(°C) + 273.15".')
    steps = [b for b in beats if b.kind == "steps"]
    assert len(steps) == 1 and len(steps[0].params["lines"]) == 2
    assert any("T must always be in kelvin" in s for b in beats if b.kind != "steps" for s in b.strings)


def test_a_bracket_that_is_the_right_hand_side_is_no_note():
    beats, _ = planned('Show the packet fields:\n"seq = 1000"\n"ack = (none)"')
    steps = [b for b in beats if b.kind == "steps"]
    assert steps and steps[0].params["lines"][-1] == "ack = (none)" and not steps[0].params.get("notes")


def test_numbered_points_with_formulas_are_a_numbered_list_not_a_derivation():
    beats, _ = planned('Show four numbered steps on the left:\n"1. Find where the curves meet: x^2 = x gives x = 0, 1"\n'
                       '"2. Find the top curve: y = x is above y = x^2"\n"3. Integrate top minus bottom"\n'
                       '"4. Evaluate: 1/2 - 1/3 = 1/6"')
    kinds = [b.kind for b in beats]
    assert "bullets" in kinds and "steps" not in kinds
    assert [b for b in beats if b.kind == "bullets"][0].params["style"] == "numbered"


def test_a_conclusion_line_after_the_check_is_a_line_of_it():
    beats, _ = planned('Then the check:\n   "a⊥ · b = (−1)(4) + (2)(2) = −4 + 4 = 0"\n   "⇒ a⊥ is perpendicular to b ✓"')
    steps = [b for b in beats if b.kind == "steps"]
    assert steps and len(steps[0].params["lines"]) == 2 and steps[0].params["lines"][1].startswith("⇒")


def test_a_sentence_after_the_formulas_of_a_box_is_its_own_line_of_text():
    beats, _ = planned('Show a summary box with:\n"N(t) = N₀ (½)^(t/T½) = N₀ e^(−λt)"\n"λ = ln 2 / T½"\n'
                       '"Random for one nucleus, predictable for many"')
    steps = [b for b in beats if b.kind == "steps"]
    assert steps and len(steps[0].params["lines"]) == 2 and not steps[0].params.get("notes")
    assert any(b.kind == "text" and "Random for one nucleus" in b.strings[0] for b in beats)


INCLINE = ('Draw a right triangle for the incline: base from (-6, -2.5) to (0, -2.5), vertical side at x = -6 up to '
           'height 3.46, hypotenuse as the slope. Mark the angle at the bottom right corner with an arc and "30°". '
           'Place a square block (side 0.8) on the slope near the top, rotated by 30° to sit flat on the surface. '
           'Label it "m = 5 kg". ')


def test_the_marked_angle_of_an_incline_and_a_label_it_sentence_complete_the_picture():
    beats, notes = planned(INCLINE)
    physics = [b for b in beats if b.kind == "physics"]
    assert len(physics) == 1 and physics[0].params["angle"] == 30
    assert physics[0].params["bodies"] == [{"shape": "block", "label": "m = 5 kg"}]
    assert "30°" in physics[0].strings and not [b for b in beats if b.kind in ("text", "equation")]
    assert not [n for n in notes if "30°" in n]


def test_a_list_of_givens_is_no_set_of_force_arrows():
    beats, _ = planned(INCLINE + 'Show the given data on the right as a list:\n"m = 5 kg"\n"θ = 30°"\n'
                                 '"μk = 0.2 (kinetic friction)"\n"μs = 0.3 (static friction)"\n"g = 9.8 m/s²"\n'
                                 '"slope length d = 4 m"')
    physics = [b for b in beats if b.kind == "physics"]
    assert not physics[0].params.get("vectors")
    assert [b for b in beats if b.kind == "bullets"][0].params["items"][1] == "θ = 30°"


def test_a_calculation_beside_the_diagram_is_no_arrow():
    beats, _ = planned(INCLINE + 'From the center of the block draw:\n   - a red arrow straight down labeled "W = mg"\n'
                                 '   - a green arrow perpendicular to the slope, labeled "N"\n'
                                 'On the right compute the weight:\n   "W = m g = 5 × 9.8 = 49 N"')
    physics = [b for b in beats if b.kind == "physics"]
    assert [v["label"] for v in physics[-1].params["vectors"]] == ["W = mg", "N"]
    assert any(b.kind in ("equation", "steps") and "W = m g = 5 × 9.8 = 49 N" in b.strings for b in beats)


TREE = ("Draw the binary tree: root 50 at (0, 2); its children 30 at (-2.5, 0.5) and 70 at (2.5, 0.5); leaves 20 at "
        "(-3.75, -1), 40 at (-1.25, -1), 60 at (1.25, -1), 80 at (3.75, -1). Connect parents and children with lines. ")


def test_a_tree_given_by_its_places_hangs_each_node_from_the_nearest_above():
    beats, notes = planned(TREE)
    graph = [b for b in beats if b.kind == "graph"]
    assert len(graph) == 1 and [n["id"] for n in graph[0].params["nodes"]] == ["50", "30", "70", "20", "40", "60", "80"]
    assert [(e["from"], e["to"]) for e in graph[0].params["edges"]] == [
        ("50", "30"), ("50", "70"), ("30", "20"), ("30", "40"), ("70", "60"), ("70", "80")]
    assert not [n for n in notes if n.startswith("SB301")]  # "Connect parents and children with lines": drawn


def test_a_dot_travelling_over_the_tree_is_the_walk_in_order():
    beats, _ = planned(TREE + "A small dot travels from 50 down to 30, down to 20, back up to 30, down to 40.")
    steps = [s for b in beats if b.kind == "graph" for s in b.params.get("steps") or []]
    assert steps == [{"action": "path", "nodes": ["50", "30", "20", "30", "40"]}]


def test_a_tree_placed_node_by_node_grows():
    sb = Storyboard.model_validate({"scenes": [scene(
        "Draw a single node with value 50 at (0, 2). Draw two child nodes: 30 at (-2, 0.5) and 70 at (2, 0.5), "
        "connected with lines. Expand to the full tree: add 20 at (-3, -1) and 40 at (-1, -1) under 30, and 60 at "
        "(1, -1) and 80 at (3, -1) under 70.", "A binary search tree is made of nodes.", plot="The BST rule.")]})
    graphs = [b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "graph"]
    assert [len(g.params["nodes"]) for g in graphs] == [1, 3, 7]
    assert ("30", "40") in [(e["from"], e["to"]) for e in graphs[-1].params["edges"]]
    assert ("70", "60") in [(e["from"], e["to"]) for e in graphs[-1].params["edges"]]


def test_the_same_tree_with_colours_reset_is_drawn_as_first_drawn():
    first = scene(TREE + "Walk: visit 50, then highlight 30 and 20.", "First walk.", plot="A tree walk.")
    second = scene("Same tree, reset colors.", "Again.", plot="Another walk over the tree.")
    plan = plan_storyboard(Storyboard.model_validate({"scenes": [first, second]}))
    again = plan.scenes[1].beats[0]
    assert again.kind == "graph" and again.rule.startswith("graph:recalled") and not again.params.get("steps")
    assert not [n for n in plan.diagnostics if n.code == "SB301" and n.path[1] == 1]


COMPLEX = ('Draw a ComplexPlane with x range [-5, 5] and y range [-4, 4], unit spacing, axis labels "Re" (right end of '
           'horizontal axis) and "Im" (top of vertical axis). ')


def test_a_complex_plane_takes_its_bracketed_ranges_and_axis_names():
    beats, _ = planned(COMPLEX)
    plane = [b for b in beats if b.kind == "vector_plane"][0]
    assert plane.params["x_range"] == [-5, 5] and plane.params["y_range"] == [-4, 4]
    assert (plane.params["x_label"], plane.params["y_label"]) == ("Re", "Im") and not plane.params.get("basis")
    assert not [b for b in beats if b.kind == "text"]


def test_a_point_with_an_arrow_from_the_origin_to_it_is_a_vector_with_its_label():
    beats, _ = planned(COMPLEX + 'Plot point z at (3, 2) as a dot with label "z = 3 + 2i", and draw an arrow from the '
                                 'origin (0, 0) to it. Fade in a dashed arrow from the origin to (-2, 3) with a "?" next '
                                 'to its tip.')
    vectors = [v for b in beats if b.kind == "vector_plane" for v in b.params.get("vectors") or []]
    assert vectors == [{"x": 3, "y": 2, "label": "z = 3 + 2i"}, {"x": -2, "y": 3, "label": "?"}]
    assert not [b for b in beats if b.kind in ("equation", "text")]


def test_numbers_named_on_a_complex_plane_are_points_where_they_lie():
    sb = Storyboard.model_validate({"scenes": [scene(
        'Draw the complex plane from -2 to 2 on both axes and a unit circle of radius 1 centered at the origin. '
        'Place a dot at 1 labeled "1". Then animate a rotation by 90° to i, labeling "i", then to −1 labeled "−1", '
        'then to −i labeled "−i", then back to 1.', "Powers of i.", plot="Multiplying by i on the complex plane.")]})
    beats = plan_storyboard(sb).scenes[0].beats
    plane = beats[0]
    assert plane.kind == "vector_plane" and plane.params["shapes"] == [{"type": "circle", "center": [0, 0], "radius": 1,
                                                                     "filled": False}]  # an outline
    points = [(p["x"], p["y"], p["label"]) for b in beats for p in b.params.get("points") or []]
    assert points == [(1, 0, "1"), (0, 1, "i"), (-1, 0, "−1"), (0, -1, "−i")]


def test_a_matrix_written_in_the_apply_sentence_transforms_the_plane():
    beats, _ = planned("On the left, a NumberPlane from -4 to 4 with the basis arrows 1 (green, pointing right) and i "
                       "(red, pointing up). Apply the linear transformation [[0, -1], [1, 0]] to the whole plane.")
    assert [m["values"] for b in beats if b.kind == "vector_plane" for m in b.params.get("matrices") or []] == [
        [[0, -1], [1, 0]]]


def test_a_table_named_as_a_place_is_no_new_table():
    beats, _ = planned('Under the table write: "Four multiplications by i = one full turn (360°)" and then "So one '
                       'multiplication = 360° / 4 = 90°".')
    assert "table" not in [b.kind for b in beats]


def test_bars_given_with_their_heights():
    beats, _ = planned('A bar chart with two bars: "Stay" with height 334 and "Switch" with height 666.')
    bars = [b for b in beats if b.kind == "bar_chart"]
    assert bars and bars[0].params["labels"] == ["Stay", "Switch"] and bars[0].params["values"] == [334, 666]
    beats, _ = planned("A row of bars for the gap T − 20 at t = 0, 12.4, 24.8, 37.2 with heights 70, 35, 17.5, 8.75 "
                       "and labels on top of each bar.")
    bars = [b for b in beats if b.kind == "bar_chart"]
    assert bars[0].params["labels"] == ["t = 0", "t = 12.4", "t = 24.8", "t = 37.2"]
    assert bars[0].params["values"] == [70, 35, 17.5, 8.75]


def test_a_piped_header_row_then_piped_rows_make_one_table():
    beats, _ = planned('Build a table with 4 columns and header row:\n   "Car behind" | "Host opens" | "Stay" | "Switch"\n'
                       '   Rows:\n   "Door 1" | "2 or 3" | "WIN" | "lose"\n   "Door 2" | "3" | "lose" | "WIN"')
    tables = [b for b in beats if b.kind == "table"]
    assert len(tables) == 1 and tables[0].params["columns"] == ["Car behind", "Host opens", "Stay", "Switch"]
    assert tables[0].params["rows"][0] == ["Door 1", "2 or 3", "WIN", "lose"] and len(tables[0].params["rows"]) == 2


def test_a_brace_on_a_term_of_the_formula_the_same_sentence_shows():
    beats, _ = planned('Show the law with the last term separated by a brace: "c² = a² + b² − 2ab cos C", brace under '
                       '"− 2ab cos C" labeled "correction".')
    assert [b.kind for b in beats] == ["equation", "annotation"]
    assert beats[0].params["exprs"] == ["c² = a² + b² − 2ab cos C"]
    assert beats[1].params == {"style": "brace", "target": "− 2ab cos C", "label": "correction", "side": "down"}


SIEVE = "Show the 5 by 10 grid of 1 to 50 with 1 already crossed out. Circle 2 and label it \"prime\". "


def test_a_sieve_strikes_out_the_cells_it_hops_over():
    sb = Storyboard.model_validate({"scenes": [scene(
        SIEVE + "Jump along the grid from 2 in steps of 2 with a small hopping arrow: 4, 6, 8, 10, 12, …, 50. Each "
                "landing cell is crossed out.", "Cross out the multiples of 2.", plot="The sieve of Eratosthenes.")]})
    plan = plan_storyboard(sb)
    grids = [b for b in plan.scenes[0].beats if b.kind == "grid"]
    assert grids[0].params["crossed"] == ["1"] and grids[0].params["highlight"] == ["2"]  # not every prime
    assert grids[-1].params["crossed"] == ["1"] + [str(n) for n in range(4, 51, 2)]
    assert not [n for n in plan.diagnostics if n.code == "SB301"]


def test_numbers_inside_a_quoted_text_are_no_row_of_boxes():
    beats, _ = planned('List the new removals on the right: "New: 9, 15, 21, 27, 33, 39, 45" and "7 more removed".')
    assert "sequence" not in [b.kind for b in beats]


def test_branches_to_several_names_share_the_weight_written_once():
    beats, _ = planned('Draw a tree from a root "Start" with three branches labeled "1/3" to "Car 1", "Car 2", "Car 3". '
                       'From "Car 2" one branch labeled "1" to "Opens 3".')
    tree = [b for b in beats if b.kind == "graph"][-1]
    assert [(e["from"], e["to"], str(e.get("label"))) for e in tree.params["edges"]] == [
        ("Start", "Car 1", "1/3"), ("Start", "Car 2", "1/3"), ("Start", "Car 3", "1/3"), ("Car 2", "Opens 3", "1")]


def test_two_quoted_lines_without_a_list_are_two_lines_of_text():
    beats, _ = planned('Under the table show the tally: "Stay wins 1 of 3" and "Switch wins 2 of 3".')
    assert [(b.kind, b.strings) for b in beats] == [("text", ("Stay wins 1 of 3",)), ("text", ("Switch wins 2 of 3",))]
    beats, _ = planned('Show two bullet points: "Stay wins 1 of 3" and "Switch wins 2 of 3".')
    assert [b.kind for b in beats] == ["bullets"]


def test_a_counted_row_of_letters_and_its_partner_row():
    beats, _ = planned("Draw 8 bases on the top strand: A T G C C T A G, and their partners on the bottom strand: "
                       "T A C G G A T C.")
    assert [b.params["tokens"] for b in beats if b.kind == "sequence"] == [list("ATGCCTAG"), list("TACGGATC")]


def test_a_table_written_in_markdown_under_its_head_after_a_blank_line():
    beats, notes = planned("Show a table in the centre:\n\n| Element | R | V | I |\n|---|---|---|---|\n| R₁ | 6 Ω | 12 V | 2 A |\n"
                           "| R₂ | 3 Ω | 12 V | 4 A |\n\nBottom half — the same work as a table:\n\na   | b   | q | r\n"
                           "252 | 105 | 2 | 42\n105 | 42  | 2 | 21")
    tables = [b for b in beats if b.kind == "table"]
    assert [t.params["columns"] for t in tables] == [["Element", "R", "V", "I"], ["a", "b", "q", "r"]]
    assert tables[0].params["rows"][1] == ["R₂", "3 Ω", "12 V", "4 A"] and len(tables[1].params["rows"]) == 2
    assert not [n for n in notes if n.startswith("SB301")]


def test_a_list_of_lines_keeps_its_prose_and_formula_items_together():
    beats, _ = planned("Below the table, three takeaways as a list:\nParallel branches share the same voltage\n"
                       "Currents split: I = I₁ + I₂\n1/R_eq = 1/R₁ + 1/R₂, so R_eq < smallest resistor")
    assert [b.kind for b in beats] == ["bullets"] and len(beats[0].params["items"]) == 3


def test_rows_after_a_sentence_that_names_the_table_are_its_rows():
    beats, _ = planned("Right half, top: fill in the table row by row as n changes.\n\nn   | Left   | Right\n"
                       "4   | 1.75   | 3.75\n8   | 2.1875 | 3.1875\n\nRight half, bottom: small axes with x \"n\" (from 0 to "
                       "100) and y \"sum\" (from 1.5 to 4).")
    table = [b for b in beats if b.kind == "table"]
    assert table and table[0].params["columns"] == ["n", "Left", "Right"] and len(table[0].params["rows"]) == 2
    plot = [b for b in beats if b.kind == "plot"][0]
    assert (plot.params["x_label"], plot.params["y_label"]) == ("n", "sum")
    assert plot.params["x_range"] == [0, 100] and plot.params["y_range"] == [1.5, 4]


def test_numbered_lines_of_an_argument_with_inequalities_and_words():
    beats, _ = planned("Write these lines one after another, centred:\n\n(1) R_eff = R₀ × (fraction still susceptible)\n"
                       "(2) R_eff = R₀ (1 − p)\n(3) Outbreak shrinks when R_eff < 1\n(4) R₀ (1 − p) < 1\n\n"
                       "Then, in a second column on the right, plug in R₀ = 3:\np > 1 − 1/3\np > 2/3\np > 66.7%")
    steps = [b for b in beats if b.kind == "steps"]
    assert [len(s.params["lines"]) for s in steps] == [4, 3] and not [b for b in beats if b.kind == "equation"]
    assert steps[0].params["lines"][0] == "R_eff = R₀ × (fraction still susceptible)"
    assert steps[1].params["lines"][-1] == "p > 66.7%"


def test_divides_bars_and_long_arrows_in_an_argument_are_no_table():
    beats, _ = planned("Then the reason, as two arrows:\nd | a and d | b  ⟹  d | (a − q·b) = r\n"
                       "d | b and d | r  ⟹  d | (q·b + r) = a")
    assert [b.kind for b in beats] == ["steps"] and beats[0].params["lines"][0].startswith("d | a and d | b")


def test_named_rows_of_numbers_one_per_line():
    beats, _ = planned("Then show two rows of divisors, written one number at a time:\nDivisors of 105: 1, 3, 5, 7, 15, 21, "
                       "35, 105\nDivisors of 252: 1, 2, 3, 4, 6, 7, 9, 12")
    rows = [b for b in beats if b.kind == "sequence"]
    assert [r.params["label"] for r in rows] == ["Divisors of 105", "Divisors of 252"]
    assert rows[1].params["tokens"][-1] == "12"


CIRCUIT = ('Circuit layout: a rectangle of wires from (-5, -2) to (1, 2). Battery symbol (long and short plates) on the '
           'left vertical wire at x = -5, labelled "12 V", + terminal on top. Two vertical branches between the top wire '
           'and the bottom wire: at x = -2 a zigzag resistor labelled "R₁ = 6 Ω", at x = 1 a zigzag resistor labelled '
           '"R₂ = 3 Ω". ')


def test_a_circuit_laid_out_sentence_by_sentence():
    beats, _ = planned(CIRCUIT)
    assert [b.kind for b in beats] == ["circuit"]
    elements = beats[0].params["elements"]
    assert [(e["type"], e.get("value"), e.get("label"), e.get("branch")) for e in elements] == [
        ("battery", "12 V", None, None), ("resistor", "6 Ω", "R₁", 1), ("resistor", "3 Ω", "R₂", 2)]


def test_words_that_place_a_line_are_not_part_of_it():
    beats, _ = planned("Below it, write Ohm's law large: V = I R, and under it the rearranged form I = V / R.")
    assert [b.params.get("lines") for b in beats if b.kind == "steps"] == [["V = I R", "I = V / R"]]


def test_a_place_in_brackets_before_the_instruction_is_no_column_title():
    beats, _ = planned('On the right side (x ≈ 4), list the questions:\n   "I₁ = ?"\n   "I₂ = ?"\n   "R_eq = ?"')
    assert not [b for b in beats if b.params.get("title")]


def test_a_chain_on_the_line_under_its_head():
    beats, _ = planned("Then at the bottom, list the phases in a single row, separated by arrows:\n"
                       "Prophase → Metaphase → Anaphase → Telophase")
    assert [(b.kind, b.params.get("nodes")) for b in beats] == [
        ("flow", ["Prophase", "Metaphase", "Anaphase", "Telophase"])]
