"""Sentences from storyboards the planner was not written against that it misread (round 11: counters, code blocks
side by side, trees that grow), and the pictures they needed. One test per mechanism."""

from __future__ import annotations

from compiler.text import split_sentences

from .test_unseen_round8 import only, planned


# ----------------------------------------------------------------------------- counters
def test_a_counter_updated_by_a_bare_value_changes_in_place():
    (beats,), _ = planned('Show the target "Target: 60" and a counter "Comparisons: 0".\n'
                          'Step 1: highlight node 50. Counter: 1.\nStep 2: move on. Counter: 2.')
    texts = [(b.rule, b.params.get("text"), b.params.get("replaces")) for b in beats if b.kind == "text"]
    assert ("text:quoted-string", "Target: 60", None) in texts  # a target and a counter: two things, not one
    assert ("text:counter", "Comparisons: 1", "Comparisons: 0") in texts
    assert ("text:counter", "Comparisons: 2", "Comparisons: 1") in texts
    assert not any("Counter" in str(t) for _, t, _ in texts)


def test_a_counter_beside_another_text_counts_only_its_own_states():
    (beats,), _ = planned('Text above the row: "Find 80". Show a counter "Comparisons: 1" ... up to "Comparisons: 7".')
    counters = [b.params for b in beats if b.rule == "text:counter"]
    assert [c["text"] for c in counters] == ["Comparisons: 1", "Comparisons: 7"]
    assert counters[1]["replaces"] == "Comparisons: 1"
    assert any(b.params.get("text") == "Find 80" for b in beats)


def test_an_ellipsis_before_a_lowercase_word_does_not_end_the_sentence():
    assert split_sentences('Show "a: 1" ... up to "a: 7". Then stop.') == ['Show "a: 1" ... up to "a: 7".', "Then stop."]
    assert split_sentences("Wait for it... Then go.") == ["Wait for it...", "Then go."]


# ----------------------------------------------------------------------------- code blocks
CODE = ('Left code block titled "search(node, x)":\n   "if node is null: return NOT FOUND"\n'
        '   "else: return search(node.right, x)"\n'
        'Right code block titled "insert(node, x)":\n   "if node is null: return new Node(x)"\n   "return node"\n'
        'Highlight the first line of both blocks in red with the label "empty spot".')


def test_a_code_block_carries_its_title_and_both_blocks_are_marked():
    (beats,), _ = planned(CODE)
    code = [b for b in beats if b.kind == "code"]
    assert [c.params.get("title") for c in code] == ["search(node, x)", "insert(node, x)"]
    assert not any(b.kind == "text" and "node, x" in str(b.params.get("text")) for b in beats)  # not written twice
    marked = {b.params["target"] for b in beats if b.kind == "highlight"}
    assert marked == {"if node is null: return NOT FOUND", "if node is null: return new Node(x)"}
    assert not [b for b in beats if b.kind == "sequence"]  # "both blocks" are these blocks, not an earlier row


# ----------------------------------------------------------------------------- graphs
def test_a_path_of_node_names_is_a_path_not_a_subtraction():
    (beats,), _ = planned("Draw the tree: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1); 60 at (1.5, -0.5).\n"
                          "Show the path edges 50-70-60 thickened in yellow.")
    assert not [b for b in beats if b.kind == "equation"]
    steps = [s for b in beats if b.kind == "graph" for s in b.params.get("steps") or []]
    assert {"action": "path", "nodes": ["50", "70", "60"], "color": "#FFE066"} in steps


def test_a_tree_grown_at_written_places_takes_the_old_trees_place():
    (beats,), _ = planned("Title: \"The BST rule\". Draw a single node with value 50 at (0, 2). Draw two child nodes: 30 at (-2, 0.5) and 70 "
                          "at (2, 0.5), connected with lines.")
    first, grown = [b for b in beats if b.kind == "graph"]
    assert not first.params.get("grown") and grown.params["grown"] is True
    assert [n["id"] for n in grown.params["nodes"]] == ["50", "30", "70"]


def test_dimmed_and_recoloured_nodes():
    (beats,), notes = planned("Draw the tree: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1); 20 at (-4.5, -0.5); "
                              "80 at (4.5, -0.5).\nDim the whole left subtree (30, 20) to low opacity. Dim node 80.\n"
                              "Node 70 turns green.")
    steps = [s for b in beats if b.kind == "graph" for s in b.params.get("steps") or []]
    assert {"action": "dim", "nodes": ["30", "20"]} in steps and {"action": "dim", "nodes": ["80"]} in steps
    assert {"action": "color", "nodes": ["70"], "color": "#66BB6A"} in steps
    assert not [n for n in notes if n.startswith("SB301")]


def test_subtrees_boxed_and_edges_labelled_by_side():
    (beats,), _ = planned('Title: "The BST rule". Draw the tree: 50 at (0, 2); 30 at (-2, 0.5); 70 at (2, 0.5); '
                          '20 at (-3, -1); 40 at (-1, -1); 60 at (1, -1); 80 at (3, -1).\n'
                          'Put the label "smaller" next to the left edge and "larger" next to the right edge.\n'
                          'Draw a transparent rounded rectangle around the whole left subtree (30, 20, 40) and label it '
                          '"all < 50"; draw one around the right subtree (70, 60, 80) labeled "all > 50".')
    steps = [s for b in beats if b.kind == "graph" for s in b.params.get("steps") or []]
    assert {"action": "label", "edges": [["50", "30"]], "text": "smaller"} in steps
    assert {"action": "label", "edges": [["50", "70"]], "text": "larger"} in steps
    assert {"action": "box", "nodes": ["30", "20", "40"], "text": "all < 50"} in steps
    assert {"action": "box", "nodes": ["70", "60", "80"], "text": "all > 50"} in steps
    assert not [b for b in beats if b.kind == "text"]  # every quoted label is on the tree


def test_labels_written_on_a_tree_stay_when_it_grows():
    (beats,), _ = planned('Title: "The BST rule". Draw a single node with value 50 at (0, 2). Draw two child nodes: '
                          '30 at (-2, 0.5) and 70 at (2, 0.5), connected with lines.\n'
                          'Put the label "smaller" next to the left edge.\n'
                          'Expand to the full tree: add 20 at (-3, -1) under 30.')
    grown = [b for b in beats if b.kind == "graph" and b.params.get("grown")][-1]
    assert {"from": "50", "to": "30", "label": "smaller"} in grown.params["edges"]


def test_both_blocks_mark_the_line_holding_the_quoted_code_in_each():
    (beats,), _ = planned(CODE.replace("Highlight the first line of both blocks in red with the label \"empty spot\".",
                                       "Highlight the 'node is null' lines of both blocks in yellow."))
    assert {b.params["target"] for b in beats if b.kind == "highlight"} == {
        "if node is null: return NOT FOUND", "if node is null: return new Node(x)"}


def test_a_tree_recalled_as_the_n_node_tree_it_lists_leaves_out_a_later_insert():
    details = ('Title: "Search for 65". Draw the full tree: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1); 20 at (-4.5, '
               '-0.5); 40 at (-1.5, -0.5); 60 at (1.5, -0.5); 80 at (4.5, -0.5).\nInsert 65.',
               'Title: "How fast is it?"\nLeft side: the balanced 7 node tree (50 root; 30, 70; 20, 40, 60, 80) scaled '
               'down.')
    (_, second), _ = planned(*details)
    tree = next(b for b in second if b.kind == "graph")
    assert tree.rule.startswith("graph:recalled") and len(tree.params["nodes"]) == 7
    assert "65" not in {str(n["id"]) for n in tree.params["nodes"]} and not tree.params.get("steps")


def test_a_drawing_asked_on_the_graph_that_is_not_drawn_is_said():
    (beats,), notes = planned("Draw the tree: 50 at (0, 2.5); 30 at (-3, 1); 70 at (3, 1); 60 at (1.5, -0.5).\n"
                              "Step 4: draw a short dashed edge from 60 down-right to a dashed empty circle at (2.25, -2) "
                              'with the label "empty (null)".')
    assert not [s for b in beats if b.kind == "graph" for s in b.params.get("steps") or []]  # "circle" is no verb here
    assert any(n.startswith("SB307") and "circle" in n for n in notes), notes


def test_values_listed_per_curve_are_dots_on_the_curves():
    (beats,), _ = planned('Draw axes: x-axis "Years" from 0 to 30, y-axis "Balance ($)" from 0 to 18000.\n'
                          "Plot simple interest: A = 1000 (1 + 0.1 t), a straight line.\n"
                          "Plot compound interest: A = 1000 x 1.1^t, a curve.\n"
                          "Mark and label values with dots:\nt = 10: simple $2000, compound $2594\n"
                          "t = 20: simple $3000, compound $6727")
    pts = [p for b in beats if b.kind == "plot" for p in b.params.get("points") or []]
    assert pts == [{"x": 10, "y": 2000, "label": "$2000"}, {"x": 10, "y": 2594, "label": "$2594"},
                   {"x": 20, "y": 3000, "label": "$3000"}, {"x": 20, "y": 6727, "label": "$6727"}]
    assert not [b for b in beats if b.kind == "steps"]


# ----------------------------------------------------------------------------- circuit symbols shown apart
SYMBOLS = ('Write the title "Ohm\'s Law" at the top.\n'
           'In the center left, draw a battery symbol: a long thin vertical line and a short thick vertical line side by '
           'side (gap 0.2), with "+" above the long line and "-" above the short line. Label below: "6 V".\n'
           'To the right, draw two resistor zigzags (each a polyline with 6 peaks), stacked vertically. Label each "3 Ω".\n'
           'Show the bottom text: "How much current flows? How is the voltage shared?"')


def test_symbols_drawn_apart_are_circuit_parts_with_their_values():
    (beats,), notes = planned(SYMBOLS)
    c = only(beats, "circuit")
    assert c.params["layout"] == "parts"
    assert [(e["type"], e.get("value")) for e in c.params["elements"]] == [
        ("battery", "6 V"), ("resistor", "3 Ω"), ("resistor", "3 Ω")]
    assert not [b for b in beats if b.kind in ("annotation",)]  # "+" above "the long line": the symbol's own mark
    assert not [b for b in beats if b.kind == "text" and b.params.get("text") in ("6 V", "3 Ω", "+", "-")]
    assert not any(s.get("action") == "flow" for b in beats for s in b.params.get("steps") or [])  # a quoted question


def test_circuit_parts_dry_run_fit(monkeypatch):
    from .test_vocabulary2 import _scene, dry_run

    scenes = [_scene("A battery and two resistors, not yet wired.",
                     [{"kind": "circuit", "layout": "parts", "elements": [
                         {"type": "battery", "value": "6 V"}, {"type": "resistor", "value": "3 Ω"},
                         {"type": "resistor", "value": "3 Ω"}]}], "Parts")]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)


def test_no_source_file_holds_a_control_character():
    """A regular expression written with a single backslash in a non-raw string turns "\\b" into a backspace: the
    rule then never matches, silently."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    bad = [str(p.relative_to(root)) for folder in ("compiler", "tests", "templates", "benchmarks")
           for p in (root / folder).rglob("*") if p.suffix in (".py", ".j2", ".json")
           and any(ord(c) < 32 and c not in "\n\t\r" for c in p.read_text(encoding="utf-8"))]
    assert bad == []


# ----------------------------------------------------------------------------- cells filled by their row and column
def test_each_cell_shows_the_sum_of_its_row_and_column_and_the_sevens_light_up():
    (beats,), notes = planned('On the left, draw a 6 by 6 grid of small squares. Each cell shows the sum (row + column) '
                              'as a number, from 2 in the top left to 12 in the bottom right.\n'
                              'Highlight all cells with sum 7. Show the text "6 ways to make 7".\n'
                              'Highlight the single cell with sum 2 and show "1 way to make 2".')
    grid = only(beats, "grid")
    assert grid.params["labels"][:7] == ["2", "3", "4", "5", "6", "7", "3"] and grid.params["labels"][-1] == "12"
    sevens = [b.params["item"] for b in beats if b.kind == "highlight" and b.params["target"] == "7"]
    assert sevens == [6, 11, 16, 21, 26, 31]  # the anti-diagonal
    assert [b.params["item"] for b in beats if b.kind == "highlight" and b.params["target"] == "2"] == [1]
    assert {b.params.get("text") for b in beats if b.kind == "text"} == {"6 ways to make 7", "1 way to make 2"}
    assert not [b for b in beats if b.kind == "equation"]  # "(row + column)" says how the cells are filled


def test_a_case_named_in_prose_and_quoted_as_a_counter_is_not_also_a_formula():
    (beats,), notes = planned('Show a counter text in the top right: "n = 1".\n'
                              'Transform into the exact distribution for n = 5 (bars at values sum/5). Update counter to '
                              '"n = 5".')
    assert [b.params.get("exprs") for b in beats if b.kind == "equation" and "replaces" not in b.params] == [["n = 1"]]
    assert any(n.startswith("SB301") and "n = 5" in n for n in notes)  # the distribution is not drawn, and that is said


def test_values_placed_on_the_circuit_on_screen():
    (beats,), _ = planned('Draw the circuit: a battery labeled "6 V" on the left wire, resistor R1 on the top wire labeled '
                          '"R1 = 3 Ω", resistor R2 on the right wire labeled "R2 = 3 Ω".\n'
                          "Animate yellow dots moving around the loop at a slow speed.\n"
                          'Place labels "3 V" next to each resistor in the circuit, and a label "1 A" with a small arrow '
                          "on the wire.")
    circuit = next(b for b in beats if b.kind == "circuit" and not b.params.get("extend"))
    assert circuit.params.get("current") == "1 A"
    values = [s for b in beats if b.kind == "circuit" for s in b.params.get("steps") or [] if s["action"] == "value"]
    assert [v["text"] for v in values] == ["3 Ω, 3 V", "3 Ω, 3 V"]
    assert any(s["action"] == "flow" for b in beats for s in b.params.get("steps") or [])
    assert not [b for b in beats if b.kind in ("flow", "text")]  # never a chart "3 V → 1 A", never loose labels


def test_a_panel_shows_one_comparison_at_a_time():
    (beats,), _ = planned('Node positions: 50 at (0, 2); 30 at (-3, 0.5); 70 at (3, 0.5); 20 at (-4, -1).\n'
                          'Insert 50: comparison panel shows "Tree is empty -> 50 becomes the root".\n'
                          'Insert 30: Panel: "30 < 50 -> go left".\n'
                          'Insert 20: "20 < 50 -> go left", "20 < 30 -> go left" -> place at (-4, -1).\n'
                          'At the end write "New values always become leaves" at the bottom.')
    panel = [(b.params["text"], b.params.get("replaces")) for b in beats if b.rule == "text:panel"]
    assert panel == [("Tree is empty -> 50 becomes the root", None),
                     ("30 < 50 -> go left", "Tree is empty -> 50 becomes the root"),
                     ("20 < 50 -> go left", "30 < 50 -> go left"), ("20 < 30 -> go left", "20 < 50 -> go left")]
    assert any(b.params.get("text") == "New values always become leaves" and b.rule != "text:panel" for b in beats)


def test_every_quoted_piece_of_the_derivation_is_marked_each_on_its_result_line():
    (beats,), _ = planned("On the right half, write the calculation step by step:\n"
                          '   "R_total = 3/2 = 1.5 Ω"\n   "I_total = V / R_total = 6 V / 1.5 Ω = 4 A"\n'
                          '   "Check: I1 + I2 = 2 A + 2 A = 4 A ✓"\n'
                          'Box "1.5 Ω" and "4 A".')
    marks = [(b.params["target"], b.params["part"]) for b in beats if b.kind == "highlight"]
    assert marks == [("R_total = 3/2 = 1.5 Ω", "1.5 Ω"), ("I_total = V / R_total = 6 V / 1.5 Ω = 4 A", "4 A")]


def test_counted_shapes_beside_words_are_said_when_not_drawn():
    (beats,), notes = planned('Left side: a column of the word "Buyers" with three small circles below it. Right side: '
                              '"Sellers" with three small squares.')
    assert any("three small circles are not drawn" in n for n in notes)
    assert any("three small squares are not drawn" in n for n in notes)
    (beats,), notes = planned("Draw a 4 by 10 grid of dots.\nThen color 20 dots red.")
    assert not [n for n in notes if "are not drawn" in n]  # dots already on screen, acted on


def test_stepping_through_a_row_lights_each_box_in_turn():
    (beats,), _ = planned("Show a row of 7 boxes containing the numbers 50, 30, 70, 20, 40, 60, 80.\n"
                          'Text above the row: "Find 80". Move a yellow pointer arrow from the first box to the last box, '
                          "one box at a time, highlighting each box as it is checked.")
    lit = [(b.params["target"], b.params["item"]) for b in beats if b.rule == "highlight:step-through"]
    assert lit == [("50", k) for k in range(1, 8)]


def test_a_box_label_transformed_changes_in_place(monkeypatch):
    from .test_vocabulary2 import _scene, dry_run

    scenes = [_scene("A road map of four boxes, and then the answer.",
                     [{"kind": "flow", "nodes": ["44 g C3H8", "1 mol C3H8", "3 mol CO2", "? g CO2"], "direction": "right"},
                      {"kind": "transform", "target": "? g CO2", "text": "132 g CO2"}], "Road map")]
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)


def test_where_a_level_line_meets_the_curves_and_the_bracket_between():
    (beats,), notes = planned('Draw axes: x-axis "Q" from 0 to 120, y-axis "P" from 0 to 60.\n'
                              'Draw demand line "D" from (0, 50) to (100, 0) and supply line "S" from (20, 0) to (120, 50).\n'
                              'Draw a horizontal line at P = 30 across the graph, labeled "$30". Mark where it meets demand '
                              '(Q = 40) and supply (Q = 80). Draw a bracket between Q = 40 and Q = 80 along the line labeled '
                              '"Surplus = 80 - 40 = 40".\nMove the horizontal line smoothly down to P = 20; the bracket shrinks.')
    pts = [(p["x"], p["y"]) for b in beats if b.rule == "plot:level-meets" for p in b.params["points"]]
    assert pts == [(40, 30), (80, 30)]
    braces = [g for b in beats if b.kind == "plot" for g in b.params.get("segments") or [] if g.get("style") == "brace"]
    assert braces == [{"start": [40, 30], "end": [80, 30], "style": "brace", "label": "Surplus = 80 - 40 = 40"}]
    assert not [b for b in beats if b.kind == "equation"]  # the label is the bracket's


def test_axes_with_values_and_labels_written_after_colons():
    (beats,), _ = planned('Create axes on the left half of the screen: x axis values 1 to 6 with tick labels, y axis from '
                          '0 to 0.25. Axis labels: x: "Outcome", y: "Probability".')
    p = only(beats, "plot")
    assert p.params["x_range"] == [1, 6] and p.params["y_range"] == [0, 0.25]
    assert (p.params["x_label"], p.params["y_label"]) == ("Outcome", "Probability")
    assert not [b for b in beats if b.kind == "text"]


def test_two_headings_each_with_a_question_mark_under_it():
    (beats,), _ = planned('Then split the screen with two headings: "Simple Interest" on the left and "Compound Interest" '
                          "on the right, with a question mark under each.")
    c = only(beats, "comparison")
    assert c.params["titles"] == ["Simple Interest", "Compound Interest"] and c.params["lines"] == [["?"], ["?"]]


def test_an_angle_asked_to_move_on_a_drawn_triangle_is_said_when_it_does_not():
    (beats,), notes = planned("Draw two legs of lengths 3 and 4 meeting at a vertex, with the third side connecting their "
                              "ends.\nAnimate the angle increasing to 120 degrees: the third side grows to about 6.08, and "
                              "show the text 'c^2 = 37 > 25'.")
    assert any("the angle is not animated to 120°" in n for n in notes)
    assert any(b.kind == "equation" and "c^2 = 37 > 25" in b.params.get("exprs", []) for b in beats)


def test_a_name_in_brackets_beside_an_equation_is_its_label_not_a_formula():
    (beats,), _ = planned("Top: write the photosynthesis equation 'CO2 + H2O + light -> glucose + O2' with a label "
                          "'Photosynthesis (plants)'.")
    assert [b.params["exprs"] for b in beats if b.kind == "equation"] == [["CO2 + H2O + light -> glucose + O2"]]
    assert any(b.kind == "text" and b.params["text"] == "Photosynthesis (plants)" for b in beats)


def test_a_measure_the_picture_uses_is_not_drawn_as_an_equation():
    (beats,), _ = planned('Show the ball with a horizontal blue arrow labeled "v_x = 15 m/s" and a downward green arrow '
                          'labeled "v_y = ?".\nReplace the "?" on the green arrow with "19.8 m/s" and stretch the green '
                          'arrow so its length is 19.8 / 15 = 1.32 times the blue arrow.')
    assert not [b for b in beats if b.kind == "equation" and "19.8 / 15 = 1.32" in b.params["exprs"]]
    assert any(b.kind == "physics" and "1.32" in str(b.params) for b in beats)


def test_backticked_formula_lines_are_a_derivation_not_code():
    (beats,), _ = planned("Then derive step by step on the right:\n`v = distance / time`\n`v = λ / T`\n"
                          "`f = 1 / T`   (cycles per second, in Hz)\n`v = f·λ`\ntherefore `f = v / λ`")
    assert not [b for b in beats if b.kind == "code"]
    assert only(beats, "steps").params["lines"] == ["v = distance / time", "v = λ / T", "f = 1 / T", "v = f·λ", "f = v / λ"]
    (beats,), _ = planned("Show the code:\n`total = 0`\n`for x in xs:`\n`    total += x`")
    assert [b.kind for b in beats if b.kind in ("code", "steps")] == ["code"]  # code stays code


def test_list_items_written_with_their_own_bullet_lose_it():
    (beats,), _ = planned('Show a summary list:\n"• Each nucleus decays at a random moment"\n"• N(t) = N0 (1/2)^(t/T)"\n'
                          '"• Same curve shape for any starting amount"')
    assert only(beats, "bullets").params["items"] == ["Each nucleus decays at a random moment", "N(t) = N0 (1/2)^(t/T)",
                                                      "Same curve shape for any starting amount"]


def test_a_highlight_then_a_formula_written_below_draws_both():
    (beats,), _ = planned('Draw a table with columns "n" | "Fraction left":\n"0" | "1"\n"1" | "1/2"\n'
                          'Highlight the "Fraction left" column and write below the table: "Fraction left = (1/2)^n".')
    # the whole column named by its header (tests/test_unseen_round17.py), not the header cell alone
    assert any(b.kind == "highlight" and b.params.get("column") == 2 for b in beats)
    assert any(b.kind == "equation" and b.params["exprs"] == ["Fraction left = (1/2)^n"] for b in beats)
    assert not any(b.kind == "highlight" and b.params["target"] == "Fraction left = (1/2)^n" for b in beats)


def test_a_rule_in_words_is_text_and_the_formula_named_after_it_is_typeset():
    (beats,), _ = planned('Write the rule in the center: "Sum of voltage changes around any closed loop = 0", and below '
                          'it the formula ΣΔV = 0.')
    assert [b.params["exprs"] for b in beats if b.kind == "equation"] == [["ΣΔV = 0"]]
    assert any(b.kind == "text" and b.params["text"].startswith("Sum of voltage changes") for b in beats)


def test_a_timer_counting_while_the_dot_moves_runs_with_it():
    (beats,), _ = planned("Draw axes with x from 0 to 35 and y from 0 to 25 and plot y = 20 - 4.9 (x / 15)^2.\n"
                          'Animate the ball along y = 20 - 4.9 (x / 15)^2 from x = 0 to x = 30.3 while a timer text '
                          '"t = 0.00 s" counts up to "t = 2.02 s".')
    dot = [b for b in beats if b.params.get("move_dot")][0].params["move_dot"]
    assert dot["readout"] == {"name": "t", "start": 0, "end": 2.02, "unit": "s", "decimals": 2}
    assert not [b for b in beats if b.kind in ("equation", "text") and "t = 0.00 s" in b.strings]


def test_the_runtime_readout_reads_the_end_value_where_the_dot_stops():
    from compiler.components.plot import readout_text
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import plot

    r = {"name": "t", "start": 0, "end": 2.02, "unit": "s", "decimals": 2}
    g = plot.build(parse_theme("Dark background.")[0].to_json(), curves=[{"expr": "y = 20 - 4.9 (x / 15)^2"}],
                   x_range=[0, 35], y_range=[0, 25], move_dot={"x0": 0, "x1": 30.3, "readout": r})
    st = g.stages[0]
    st.dot.move_to(st.path.get_end())
    st.readout.submobjects[0].update()
    assert st.readout.submobjects[0].text == "t = 2.02 s" == readout_text(r, 2.02)


def test_a_formula_after_a_place_and_nothing_else_is_written_there():
    (beats,), _ = planned("On the right write MathTex e^{1} = \\; ?\nand below it MathTex e^{0.5} = \\; ?")
    assert [b.params["exprs"] for b in beats if b.kind == "equation"] == [["e^{1} = \\; ?"], ["e^{0.5} = \\; ?"]]


def test_a_label_written_in_latex_is_typeset_where_it_is_drawn():
    from compiler.mathtext import is_label_formula

    assert is_label_formula("\\frac{\\sin 3x}{3}") and is_label_formula("\\sin x")
    assert not is_label_formula("Keep the \\emph{old} curve dashed and fade the other ones out slowly")


def test_and_one_labeled_is_another_of_that_shape_and_between_them_is_placed_between():
    (beats,), _ = planned('Draw a rounded rectangle on the left labeled "Client (your browser)" and one on the right '
                          'labeled "Server (website)".\nBetween them draw an ellipse labeled "Internet".')
    shapes = [sh for b in beats if b.kind == "drawing" for sh in b.params["shapes"]]
    assert [(sh["type"], sh.get("label")) for sh in shapes] == [
        ("rounded_box", "Client (your browser)"), ("rounded_box", "Server (website)"), ("ellipse", "Internet")]
    assert shapes[2]["between"] == [shapes[0]["id"], shapes[1]["id"]]
    assert not [b for b in beats if b.kind == "text"]


def test_an_answer_box_with_two_lines_is_the_lines_in_a_box_and_the_landing_arrow_is_the_throws():
    (beats,), notes = planned('Show the full picture small at the top: a ball thrown horizontally at 15 m/s from a 20 m '
                              'cliff, the landing point with "30.3 m" brace, and the yellow velocity arrow at the '
                              'landing point.\nBelow, show an answer box with two lines:\n"Distance from base: about '
                              '30.3 m"\n"Landing speed: about 24.8 m/s"')
    phys = only(beats, "physics")
    assert phys.params["projectile"].get("impact") is True
    assert not [b for b in beats if b.kind == "text" and b.params["text"] == "30.3 m"]  # the throw's own range mark
    text = [b for b in beats if b.rule == "text:boxed-lines"][0]
    assert text.params["text"] == "Distance from base: about 30.3 m\nLanding speed: about 24.8 m/s"
    assert any(b.kind == "highlight" and b.params.get("mode") == "box" for b in beats)
    assert not any("box it belongs to" in n for n in notes)


def test_state_chains_down_the_sides_of_a_ladder_are_placed_with_its_arrows():
    (beats,), _ = planned('Draw the complete ladder: client timeline at x = -4, server timeline at x = 4.\n'
                          'Arrow 1 (client to server), from (-4, 1.8) to (4, 1.0): "SYN  seq=1000".\n'
                          'Arrow 2 (server to client), from (4, 0.8) to (-4, 0): "SYN-ACK  seq=5000  ack=1001".\n'
                          'Arrow 3 (client to server), from (-4, -0.2) to (4, -1.0): "ACK  seq=1001  ack=5001".\n'
                          'State labels down the sides: client: "CLOSED" -> "SYN-SENT" -> "ESTABLISHED"; server: '
                          '"LISTEN" -> "SYN-RECEIVED" -> "ESTABLISHED".')
    assert not [b for b in beats if b.kind == "flow"]  # states, not a chain of boxes
    charts = [b for b in beats if b.kind == "message_chart"]
    states = [(st["lifeline"], st["text"], len([m for c in charts[:k] for m in c.params.get("messages") or []])
               + st.get("after", -1)) for k, c in enumerate(charts) for st in c.params.get("states") or []]
    assert ("Client", "CLOSED", -1) in states and ("Server", "LISTEN", -1) in states
    assert ("Client", "SYN-SENT", 0) in states and ("Server", "SYN-RECEIVED", 0) in states
    assert ("Client", "ESTABLISHED", 2) in states and ("Server", "ESTABLISHED", 2) in states


def test_bulbs_asked_to_go_dark_on_a_loop_without_a_battery_are_said_not_to():
    (beats,), notes = planned('Left side: draw a simple parallel circuit with three branches labeled "Lamp", "TV", '
                              '"Fridge".\nRight side: draw a series loop with four small circles (bulbs) on the same '
                              'wire. Draw a red cross over one bulb, then fade all four bulbs to dark.')
    assert any(b.kind == "circuit" for b in beats)
    assert any("do not go dark" in n for n in notes)
