"""Blocks and lists written the way language models write them: unfenced code under a colon line, table rows
with "row N:" labels, number lines and axes with units and names, bar charts from "bars for E 12.7, T 9.1",
a row of bars whose heights follow a pattern."""

from __future__ import annotations

import pytest

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.segment import detail_sentences

from .conftest import scene


def plan(*details: str, style: str = "Dark background.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(d, audio, style) for d in details]})
    return plan_storyboard(sb)


def beats(details: str, **kw) -> list:
    return list(plan(details, **kw).scenes[-1].beats)


def only(bs, kind):
    found = [b for b in bs if b.kind == kind]
    assert len(found) == 1, [(b.kind, b.rule) for b in bs]
    return found[0]


# ----------------------------------------------------------------------------- code under a colon line
BINARY_SEARCH = """def binary_search(arr, target):
    low, high = 0, len(arr) - 1
    while low <= high:
        mid = (low + high) // 2
        if arr[mid] == target:
            return mid
        elif arr[mid] < target:
            low = mid + 1
        else:
            high = mid - 1
    return -1"""

FIB = """def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)"""

SEARCH_JS = """function search(arr, t) {
  let lo = 0, hi = arr.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (arr[mid] === t) return mid;
    if (arr[mid] < t) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}"""


@pytest.mark.parametrize("details, code, language, target", [
    ("Show a code block in Python:\n" + BINARY_SEARCH + "\nHighlight the line 'mid = (low + high) // 2' in yellow.",
     BINARY_SEARCH, "python", "mid = (low + high) // 2"),
    # a blank line after the head, the code indented as in Markdown, a blank line before the prose
    ("Display the following Python code on the left:\n\n" + "\n".join("    " + ln for ln in FIB.split("\n"))
     + "\n\nThen highlight the line `return n` in green.", FIB, "python", "return n"),
    ("Show the JavaScript implementation:\n" + SEARCH_JS + "\nHighlight line 4.", SEARCH_JS, "javascript",
     "const mid = Math.floor((lo + hi) / 2);"),
])
def test_unfenced_code_under_a_colon_line_is_one_code_beat(details, code, language, target):
    p = plan(details)
    bs = list(p.scenes[0].beats)
    c = only(bs, "code")
    assert c.params["code"] == code  # every line, indentation kept
    assert c.params["language"] == language
    assert [b.kind for b in bs] == ["code", "highlight"]
    assert bs[1].params["target"] == target
    assert not [d for d in p.diagnostics if d.code == "SB301"]


def test_the_head_of_a_code_block_is_not_drawn_and_no_line_becomes_maths():
    bs = beats("Show a code block in Python:\n" + BINARY_SEARCH + "\nThen show the text 'Sorted input only'.")
    assert [b.kind for b in bs] == ["code", "text"]
    assert bs[1].params["text"] == "Sorted input only"


def test_the_first_line_of_code_on_the_head_line():
    units = detail_sentences("Show the Python code: def square(x):\n    return x * x\nThen show the text 'Done'.")
    assert units == ["Show the Python code:\n```\ndef square(x):\n    return x * x\n```", "Then show the text 'Done'."]


@pytest.mark.parametrize("details", [
    "Write the derivation line by line:\nLine 1: 'T = 1 / f'\nLine 2: \"f' = v / λ'\"\nThen box it.",
    "Derive step by step:\nx + 3 = 7\nx = 4",
    "Show the table with columns 'x', 'y':\n1 | 2\n3 | 4\nHighlight the second row.",
])
def test_formulas_and_rows_under_a_colon_line_are_not_code(details):
    assert not any("```" in u for u in detail_sentences(details))


def test_a_quoted_line_of_the_code_on_screen_does_not_bring_back_an_earlier_plot():
    p = plan("Draw a graph with axes x from 0 to 10 and y from 0 to 10, plotting y = x labeled 'linear'.",
             "Show a code block in Python:\n" + BINARY_SEARCH + "\nHighlight the line 'mid = (low + high) // 2'.")
    assert [b.kind for b in p.scenes[1].beats] == ["code", "highlight"]


# ----------------------------------------------------------------------------- "row N:" labels are not cells
@pytest.mark.parametrize("details, rows", [
    ("Show the steps as a table with columns 'low', 'high', 'mid', 'arr[mid]', 'decision': row 1: 0 | 9 | 4 | 16 | "
     "go right; row 2: 5 | 9 | 7 | 56 | go left; row 5: 7 | 6 | - | - | low > high, stop.",
     [[0, 9, 4, 16, "go right"], [5, 9, 7, 56, "go left"], [7, 6, "-", "-", "low > high, stop"]]),
    ("Show a table with columns 'step', 'low', 'high' and rows: first row: 1 | 0 | 9; second row: 2 | 5 | 9.",
     [[1, 0, 9], [2, 5, 9]]),
    ("Display a table with columns \"x\", \"y\", \"z\". Rows: Row 1: 1 | 2 | 3; Row 2: 4 | 5 | 6.",
     [[1, 2, 3], [4, 5, 6]]),
    # a label that is the first cell: one cell short of the columns
    ("Show a table with columns 'name', 'score' and rows: row A: 90; row B: 85.", [["A", 90], ["B", 85]]),
])
def test_row_labels_are_not_cells(details, rows):
    t = only(beats(details), "table")
    assert t.params["rows"] == rows


def test_a_line_of_the_code_on_screen_is_found_as_written():
    """The runtime: "Highlight the line `return n`" marks that line of the code, not the whole block."""
    from types import SimpleNamespace

    from compiler.runtime.components import code
    from compiler.runtime.scene import SbcScene
    from compiler.planner.theme import parse_theme

    mob = code.build(parse_theme("Dark background.")[0].to_json(), code=FIB, language="python")
    screen = SimpleNamespace(named=[((FIB,), mob)], body=[mob], title_mob=None)
    assert SbcScene.find(screen, "return n") is mob.lines[2]
    assert SbcScene.find(screen, "fib(n - 1)") is mob.lines[3]  # a piece of one line: the line
    assert SbcScene.find(screen, None) is mob


# ----------------------------------------------------------------------------- number lines with units and colours
DOPPLER = [{"value": 643.2, "label": "643.2", "color": "#FC6255"}, {"value": 700, "label": "700", "color": "#FFFFFF"},
           {"value": 767.7, "label": "767.7", "color": "#58C4DD"}]


@pytest.mark.parametrize("details, want", [
    ("Finally show a number line from 600 Hz to 800 Hz with marks at 643.2 (red), 700 (white) and 767.7 (blue).",
     {"range": [600, 800], "label": "Hz", "points": DOPPLER}),
    ("Draw a number line from 600 to 800 Hz and put a red dot at 643.2, a white dot at 700 and a blue dot at 767.7.",
     {"range": [600, 800], "label": "Hz", "points": DOPPLER}),
    ("Show a number line from 0 to 10 m with points at 2.5 in green and 7 in orange.",
     {"range": [0, 10], "label": "m", "points": [{"value": 2.5, "label": "2.5", "color": "#66BB6A"},
                                                {"value": 7, "label": "7", "color": "#FF862F"}]}),
    ("Show a number line from 0 to 100 °C with marks at 0 (\"freezing\") and 100 (\"boiling\").",
     {"range": [0, 100], "label": "°C", "points": [{"value": 0, "label": "freezing"}, {"value": 100, "label": "boiling"}]}),
    # whole values on a plain line stay unlabelled, as before
    ("Draw a number line from 0 to 10 and mark points at 2 and 7.", {"range": [0, 10], "points": [{"value": 2}, {"value": 7}]}),
])
def test_number_line_range_with_units_and_coloured_points(details, want):
    p = plan(details)
    line = only(p.scenes[0].beats, "number_line")
    assert {k: line.params.get(k) for k in want} == want
    assert not p.diagnostics


def test_number_line_points_not_given_as_numbers_are_reported():
    p = plan("Show a number line from 600 Hz to 800 Hz with marks at the two heard frequencies.")
    assert only(p.scenes[0].beats, "number_line").params["range"] == [600, 800]
    assert [d.code for d in p.diagnostics] == ["SB307"]
    assert not plan("Draw a number line from 0 to 5 with tick marks.").diagnostics


# ----------------------------------------------------------------------------- axes named by their quantity
CURVES = [{"expr": "y = x", "label": "linear", "color": "#9E9E9E"},
          {"expr": "y = log2(x)", "label": "binary", "color": "#66BB6A"}]


@pytest.mark.parametrize("details, want", [
    ("Finally draw a graph with axes n from 0 to 100 and steps from 0 to 100, plotting y = x in grey labeled 'linear' "
     "and y = log2(x) in green labeled 'binary'.",
     {"x_range": [0, 100], "y_range": [0, 100], "x_label": "n", "y_label": "steps", "curves": CURVES}),
    ("Plot the curves y = x (grey, labeled 'linear') and y = log2(x) (green, labeled 'binary') on axes n from 1 to 64 "
     "and steps from 0 to 64.",
     {"x_range": [1, 64], "y_range": [0, 64], "x_label": "n", "y_label": "steps", "curves": CURVES}),
    ("Draw axes: time t from 0 to 10 and height h from 0 to 50, and plot h = 50 - 0.5 t^2 in red.",
     {"x_range": [0, 10], "y_range": [0, 50], "x_label": "time t", "y_label": "height h"}),
    ("Draw a graph with n on the x-axis from 0 to 100 and steps on the y-axis from 0 to 30, plotting y = 3x/10.",
     {"x_range": [0, 100], "y_range": [0, 30], "x_label": "n", "y_label": "steps"}),
    # the axes' own names give ranges, not labels
    ("Draw axes with x from 0 to 10 and y from 0 to 5 and plot y = x/2 in yellow.",
     {"x_range": [0, 10], "y_range": [0, 5], "x_label": None, "y_label": None}),
])
def test_axes_named_by_their_quantity_with_ranges(details, want):
    p = plan(details)
    plot = [b for b in p.scenes[0].beats if b.kind == "plot"][0]
    assert {k: plot.params.get(k) for k in want} == want
    assert not p.diagnostics


def test_a_curve_keeps_its_written_colour_when_it_is_labelled():
    plot = only(beats("Plot y = x^2 in orange labeled 'square' and y = x^3 in purple labeled 'cube'."), "plot")
    assert [(c["label"], c.get("color")) for c in plot.params["curves"]] == [("square", "#FF862F"),
                                                                            ("cube", "#AB47BC")]


# ----------------------------------------------------------------------------- bar charts as language models write them
LETTERS = ["E", "T", "A", "O", "I", "N", "S", "H", "R"]


@pytest.mark.parametrize("details, labels, lost", [
    ("Draw a bar chart titled 'Letter frequency in English (%)' with bars for E 12.7, T 9.1, A 8.2, O 7.5, I 7.0, "
     "N 6.7, S 6.3, H 6.1, R 6.0, and then smaller bars for the remaining letters grouped as 'others'.",
     LETTERS, "the bar 'others' is written without a value"),
    ("Show a bar chart of letter frequencies: E 12.7, T 9.1, A 8.2 and others.", LETTERS[:3],
     "the bar 'others' is written without a value"),
    ("Show a bar chart with values for E 12.7, T 9.1, A 8.2, etc.", LETTERS[:3],
     "the bars after A ('etc') are written without values"),
    ("Display a bar chart with bars for E 12.7, T 9.1 and A 8.2.", LETTERS[:3], None),
])
def test_bar_labels_without_their_lead_in_and_bars_without_values_reported(details, labels, lost):
    p = plan(details)
    bs = list(p.scenes[0].beats)
    assert [b.kind for b in bs] == ["bar_chart"]  # no stray "others" text
    assert bs[0].params["labels"] == labels
    assert [d.code for d in p.diagnostics] == (["SB307"] if lost else [])
    if lost:
        assert lost in p.diagnostics[0].message


def test_a_bar_named_by_its_label_is_highlighted_and_a_pronoun_is_not_a_title():
    bs = beats("Draw a bar chart of its letter counts: H 9, W 4, P 2, Q 2. Highlight the H bar in yellow.")
    assert bs[0].params["title"] == "Letter counts"
    assert (bs[1].kind, bs[1].params["target"], bs[1].params["color"]) == ("highlight", "H", "yellow")


HARMONIC = ["1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8"]


@pytest.mark.parametrize("details, labels", [
    ("Below it show the terms as a row of shrinking bars of heights 1, 1/2, 1/3, 1/4, 1/5, 1/6, 1/7, 1/8 next to "
     "each other.", HARMONIC),
    ("Show the terms as a row of shrinking bars of heights 1, 1/2, 1/3, ..., 1/8.", HARMONIC),
    ("Draw bars of heights 1, 1/2, …, 1/8 side by side.", HARMONIC),
    ("Draw bars with heights 1, 1/2, 1/4, …, 1/16.", ["1", "1/2", "1/4", "1/8", "1/16"]),
    ("Draw bars with heights 2, 4, 6, …, 12.", ["2", "4", "6", "8", "10", "12"]),
])
def test_bars_of_heights_an_ellipsis_expanded_from_its_pattern(details, labels):
    p = plan(details)
    chart = only(p.scenes[0].beats, "bar_chart")
    assert chart.params["labels"] == labels
    assert chart.params["values"] == pytest.approx([float(eval(x)) for x in labels], abs=1e-4)
    assert not p.diagnostics


def test_an_ellipsis_without_a_pattern_is_reported():
    p = plan("Draw bars with heights 1, 3, 4, …, 10.")
    assert only(p.scenes[0].beats, "bar_chart").params["labels"] == ["1", "3", "4", "10"]
    assert [d.code for d in p.diagnostics] == ["SB307"]
    assert "follow no pattern" in p.diagnostics[0].message


def test_the_style_colours_one_bar_by_its_label_and_the_rest_as_bars():
    """The runtime: "Bars light blue, E bar yellow" — E yellow, the others light blue."""
    from compiler.planner.theme import parse_theme
    from compiler.runtime.components import bar_chart

    g = bar_chart.build(parse_theme("Bars light blue, E bar yellow.")[0].to_json(), labels=["E", "T", "A"],
                        values=[12.7, 9.1, 8.2])
    assert [b.get_fill_color().to_hex() for b in g.bars] == ["#FFE066", "#4FC3F7", "#4FC3F7"]


def test_a_target_named_exactly_wins_over_a_newer_text_containing_it():
    from types import SimpleNamespace

    from compiler.runtime.scene import SbcScene

    others, chart = object(), SimpleNamespace(parts={"E": "bar E", "T": "bar T"})
    screen = SimpleNamespace(named=[(("E", "T"), chart), (("others",), others)], body=[chart, others], title_mob=None)
    assert SbcScene.find(screen, "E") == "bar E"
    assert SbcScene.find(screen, "other") is others


@pytest.mark.parametrize("style, labels", [
    ("Bars blue (#58C4DD) with fill opacity 0.7.", {"bars": "#58C4DD"}),
    ("Bars light blue, E bar yellow.", {"bars": "#4FC3F7", "e bar": "#FFE066"}),
    ("Rectangles blue with fill opacity 0.4 and white stroke.", {"rectangles": "#58C4DD", "stroke": "#FFFFFF"}),
])
def test_style_colour_written_with_its_code_or_a_fill_opacity(style, labels):
    from compiler.planner.theme import parse_theme

    assert parse_theme(style)[0].labels == labels
