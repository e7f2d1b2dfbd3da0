"""LaTeX written with one backslash inside JSON strings — what language models write: `\\pi` and `\\cdot` are invalid
JSON escapes (the file does not parse), while `\\frac`, `\\times`, `\\theta`, `\\beta` and `\\rho` are valid ones that
silently become a form feed, a tab, a backspace or a carriage return followed by the rest of the command's name."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from compiler.cli import app
from compiler.fix import repair_text
from compiler.load import load_text

SCENE = '{{"scene_plot": "p", "animation_details": "{details}", "animation_style": "s", "audio_text": "{audio}"}}'
AUDIO = "The area of this triangle is half its base times its height."


def _doc(details: str) -> str:
    return '{"scenes": [' + SCENE.format(details=details, audio=AUDIO) + "]}\n"


def test_commands_that_json_reads_as_escapes_are_read_back_and_reported_where_written():
    text = _doc(r"Write A = \frac{1}{2} \times b \times h, then \theta, \beta and \rho.\nNext line.")
    loaded = load_text(text, "s.json")
    assert loaded.ok
    details = loaded.data["scenes"][0]["animation_details"]
    assert details.startswith("Write A = \\frac{1}{2} \\times b \\times h, then \\theta, \\beta and \\rho.\nNext")
    (d,) = [d for d in loaded.report.diagnostics if d.code == "SB107"]
    assert d.severity.value == "warning" and "\\frac" in d.message and "5 more" in d.message  # \\times twice, \\theta, \\beta, \\rho
    assert text.splitlines()[d.line - 1][d.col - 1:].startswith("\\frac")


def test_a_newline_before_a_word_stays_a_newline():
    loaded = load_text(_doc(r"Show two lines:\nto the left a box\nThe end \nabla f"), "s.json")
    details = loaded.data["scenes"][0]["animation_details"]
    assert "lines:\nto the left" in details and "box\nThe end" in details  # "to" at a line start is a word
    assert details.endswith("\\nabla f")  # a command no line starts with


def test_repair_doubles_the_backslashes_of_latex_and_keeps_every_scene_whole():
    text = "```json\n" + _doc(r"On the right, write:\n   MathTex: A = \pi r^2 \cdot 1\n   MathTex: A = \frac{1}{2} "
                                r"\cdot 2\pi r \cdot r\n3. Box \"A = \pi r^2\".") + "```\n"
    rep = repair_text(text, "s.json")
    data = json.loads(rep.repaired)
    (sc,) = data["scenes"]
    assert set(sc) == {"scene_plot", "animation_details", "animation_style", "audio_text"}  # no key made of a line
    assert "A = \\pi r^2 \\cdot 1\n   MathTex: A = \\frac{1}{2} \\cdot 2\\pi r \\cdot r\n3. Box \"A = \\pi r^2\"." in \
        sc["animation_details"]


def test_fix_write_doubles_them_in_a_file_that_parses(tmp_path):
    f = tmp_path / "s.json"
    f.write_text(_doc(r"Show A = \frac{a}{b}."), encoding="utf-8")
    r = CliRunner().invoke(app, ["fix", str(f), "--write"])
    assert r.exit_code == 0, r.output
    assert r"A = \\frac{a}{b}" in f.read_text(encoding="utf-8")
    again = load_text(f.read_text(encoding="utf-8"), "s.json")
    assert again.data["scenes"][0]["animation_details"] == "Show A = \\frac{a}{b}."
    assert not [d for d in again.report.diagnostics if d.code == "SB107"]


def test_latex_inside_text_that_is_not_typeset_is_drawn_as_symbols():
    from compiler.mathtext import plain_text

    assert plain_text(r"Why Is the Area of a Circle \pi r^2?") == "Why Is the Area of a Circle π r²?"
    assert plain_text(r"If \alpha > 1: double the array") == "If α > 1: double the array"
    assert plain_text(r"Rings -> triangle: \frac{1}{2} \times 2\pi r \times r") == "Rings → triangle: 1/2 × 2π r × r"
    assert plain_text(r"A = \pi \cdot 3^2 \approx 28.27 \text{ cm}^2") == "A = π · 3² ≈ 28.27 cm²"
    # a dollar before a number is money, never a maths delimiter (compound-interest: "$1000", "Balance ($)")
    for money in ("$1000", "Balance ($)", "Difference after 3 years: $31, after 30 years: $13449", "1000 -> $1300"):
        assert plain_text(money) == money.replace("->", "\u2192")
    assert plain_text(r"If $\alpha > 1$ then") == "If α > 1 then" and plain_text("$$E = mc^2$$") == "E = mc²"
    assert plain_text(r"$x \le 3$ costs \$5") == "x ≤ 3 costs $5"
    assert plain_text("no latex here: C:\\temp") == "no latex here: C:\\temp"  # an unknown command stays as written
    assert plain_text("Area Between y = x and y = x^2") == "Area Between y = x and y = x²"
    assert plain_text("2^10 = 1024, e^{-x} stays") == "2¹⁰ = 1024, e^{-x} stays"


def test_a_text_mobject_shows_the_symbols_and_code_keeps_its_backslashes():
    from compiler.planner.theme import parse_theme
    from compiler.runtime.style import text

    theme = parse_theme("Dark background.")[0].to_json()
    assert text(r"Area \pi r^2", theme).text.replace(" ", "") == "Areaπr²"
    assert "\\n" in text('printf("\\n")', theme, mono=True).text
