"""The planner's knowledge files and the shape of the planner package."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from compiler.components.icon import ICON_NAMES
from compiler.planner.knowledge import DATA, icon_aliases, icon_names

PLANNER = Path(__file__).resolve().parent.parent / "compiler" / "planner"


def test_every_icon_the_data_names_is_drawn_by_the_icon_component():
    assert set(icon_names()) == set(ICON_NAMES)


def test_icon_words_are_unique_lower_case_and_never_an_unrelated_object():
    data = json.loads((DATA / "icons.json").read_text(encoding="utf-8"))["icons"]
    words = [w for ws in data.values() for w in ws]
    assert len(words) == len(set(words))
    assert all(w == w.lower().strip() and w for w in words)
    aliases = icon_aliases()
    for thing in ("globe", "sun", "planet", "earth", "star"):  # would be drawn as a lightbulb
        assert thing not in aliases
    assert aliases["stopwatch"] == "clock" and aliases["lightbulb"] == "lightbulb"
    # a laptop looks like a computer and a server like a rack, not like a chip and a database
    assert aliases["laptop"] == "computer" and aliases["server"] == "server" and aliases["storage"] == "database"


def test_the_planner_package_has_no_import_cycle():
    graph: dict[str, set[str]] = {}
    modules = {p.stem for p in PLANNER.glob("*.py")}
    for path in PLANNER.glob("*.py"):
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    deps.add(node.module.split(".")[0])
                else:
                    deps.update(a.name for a in node.names)
        graph[path.stem] = {d for d in deps if d in modules}
    seen: dict[str, int] = {}

    def visit(m: str, stack: list[str]) -> None:
        if seen.get(m) == 1:
            raise AssertionError("import cycle: " + " -> ".join(stack + [m]))
        if seen.get(m) == 2:
            return
        seen[m] = 1
        for d in sorted(graph[m]):
            visit(d, stack + [m])
        seen[m] = 2

    for m in sorted(graph):
        visit(m, [])


def test_single_quoted_quotations_read_like_double_quoted_ones():
    from compiler.planner.extract import canonical_quotes, extract
    from compiler.text import split_sentences

    assert canonical_quotes("Show the title 'Dijkstra's Shortest Path' at the top.") == \
        'Show the title "Dijkstra\'s Shortest Path" at the top.'
    assert canonical_quotes("The students' grades and Bob's car.") == "The students' grades and Bob's car."
    assert canonical_quotes("Use `print('hi')` and ‘Visited’.") == 'Use `print(\'hi\')` and "Visited".'
    assert extract("Write 'Start: 0 and infinity', 'Repeat'.").quoted == ["Start: 0 and infinity", "Repeat"]
    assert split_sentences("Write lines: '1. Pick a node.', '2. Mark it.' Then stop. It's done.") == [
        "Write lines: '1. Pick a node.', '2. Mark it.' Then stop.", "It's done."]


def test_segmentation_keeps_a_colon_line_and_its_data_lines_together():
    from compiler.planner.segment import detail_sentences

    details = ('Heading "Simple Interest".\nA table with columns "Year", "Balance":\nRow 0: 0 | $1000\n'
               "Row 1: 1 | $1100\nEach row appears one after another.\n1. Draw the axes.\n2. On the right, write:\n"
               "   MathTex: x = v_0 t\n   MathTex: x = 15 * 2\n3. Animate the ball.")
    assert detail_sentences(details) == [
        'Heading "Simple Interest".',
        'A table with columns "Year", "Balance":\nRow 0: 0 | $1000\nRow 1: 1 | $1100',
        "Each row appears one after another.", "Draw the axes.",
        "On the right, write:\nMathTex: x = v_0 t\nMathTex: x = 15 * 2", "Animate the ball."]


def test_a_matrix_without_values_is_never_given_made_up_numbers():
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    from .conftest import scene

    p = plan_storyboard(Storyboard.model_validate({"scenes": [scene(
        "Show a matrix of embeddings. Show A - lambda I = [[3 - lambda, 1], [0, 2 - lambda]] as a matrix.",
        "Some narration here.")]}))
    first, second = [b for b in p.scenes[0].beats if b.kind == "matrix"]
    assert {v for row in first.params["values"] for v in row} == {"·"}
    assert any(n.code == "SB307" and "values are not given" in n.message for n in p.diagnostics)
    # (round 8: a Greek name is its letter, as the formulas around it show it)
    assert second.params["values"] == [["3 - λ", 1], [0, "2 - λ"]] and second.params["label"] == "A - λ I"


def test_vocabulary_data_patterns_compile_and_name_real_kinds():
    import re

    from compiler.components import VISUAL_KINDS
    from compiler.formula import parse_formula
    from compiler.planner.knowledge import component_nouns, named_curves

    for pattern, formula, words, (a, b) in named_curves():
        re.compile(pattern)
        assert parse_formula(formula) and words and a < b
    for pattern, kinds in component_nouns():
        re.compile(pattern)
        assert kinds and set(kinds) <= set(VISUAL_KINDS)


def test_a_list_item_as_deep_as_the_head_item_starts_a_new_unit():
    from compiler.planner.segment import detail_sentences

    details = "5. Compute second factor:\n   y_hat = w2 * h\n   dy/dw = h = 1\n6. Multiply: dL/dw2 = 2 * 1 = 2."
    assert detail_sentences(details) == ["Compute second factor:\ny_hat = w2 * h\ndy/dw = h = 1",
                                         "Multiply: dL/dw2 = 2 * 1 = 2."]
    details = "Write the derivation line by line:\n1. x = 1\n2. y = 2"
    assert detail_sentences(details) == ["Write the derivation line by line:\nx = 1\ny = 2"]


def test_diagram_nouns_named_diagrams_and_port_verbs_are_data():
    import re

    from compiler.planner.knowledge import diagram_nouns, named_diagrams, port_verbs

    assert re.search(r"\b(?:" + diagram_nouns() + r")\b", "an encoder-decoder diagram")
    for patterns, nodes in named_diagrams():
        assert patterns and all(re.compile(p) for p in patterns) and len(nodes) >= 2
    verbs = port_verbs()
    assert set(verbs) == {"in", "out"} and "entering" in verbs["in"] and "leaving" in verbs["out"]
    assert not set(verbs["in"]) & set(verbs["out"])


def test_rule_code_names_no_subject():
    """Words of a subject (what a storyboard is about) live in planner/data, not in rule code: the code of the
    rule modules (docstrings and comments aside) names none of these."""
    subjects = ("encoder", "decoder", "rnn", "lightbulb", "globe", "photosynthesis", "dna", "softmax", "supply",
                "demand", "transformer", "dijkstra", "propane", "chlorophyll")
    found = []
    for path in sorted(PLANNER.glob("rules*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
                and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                words = set(re.findall(r"[a-z]+", node.value.lower()))
                found += [(path.name, node.lineno, w) for w in subjects if w in words]
    assert found == []


def test_the_words_of_a_thing_moving_on_a_curve_are_data():
    import re

    from compiler.planner.knowledge import plot_motion

    words = plot_motion()
    assert set(words) == {"movers", "verbs", "paths", "down", "up", "min", "max", "turn", "next", "places"}
    for key, pattern in words.items():
        assert re.fullmatch(pattern, {"movers": "ball", "verbs": "rolling", "paths": "curve", "down": "down", "up": "up",
                                      "min": "minimum", "max": "peak", "turn": "vertex", "next": "new",
                                      "places": "position"}[key]), key
    assert not re.fullmatch(words["min"], "peak") and not re.fullmatch(words["max"], "bottom")


def test_the_words_that_pick_a_part_by_its_value_are_data():
    from compiler.planner.knowledge import extremes

    words = extremes()
    assert set(words) == {"max", "min"} and not set(words["max"]) & set(words["min"])
    assert {"most likely", "tallest", "largest"} <= set(words["max"]) and {"least likely", "smallest"} <= set(words["min"])
    assert all(w == w.lower().strip() and w for ws in words.values() for w in ws)


def test_operation_clauses_start_with_a_verb_of_the_data_outside_quotes_and_brackets():
    from compiler.planner.clauses import operation_clauses

    assert operation_clauses("Show a matrix A = [[1, 2], [3, 4]] and highlight the first row.") == (
        "Show a matrix A = [[1, 2], [3, 4]].", ["highlight the first row."])
    assert operation_clauses("Show the matrix, highlight the first row and then box the last column.") == (
        "Show the matrix.", ["highlight the first row", "box the last column."])
    for sentence in ("Draw a circle and a box.", 'Show the title "Plot and highlight".', "Show a square and circle inside it.",
                     "Show f(x, and highlight the x) here.", "Highlight the first row."):
        assert operation_clauses(sentence) == (sentence, []), sentence
