"""What a review of six storyboards nobody on the team wrote (merge sort, Fourier series, a pendulum's energy,
Taylor series, complex multiplication, DNA replication) found the planner misreading — one test per mechanism,
with sentences like the ones that showed it."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.extract import canonical_quotes, extract
from compiler.planner.segment import detail_sentences
from compiler.text import split_sentences

from .conftest import scene


def planned(details: str) -> tuple[list, list[str]]:
    sb = Storyboard.model_validate({"scenes": [scene(details, "Some narration here.")]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_a_factorial_does_not_end_the_sentence():
    assert split_sentences("Show the series: sin(x) = x - x³/3! + x⁵/5! - x⁷/7! + ... Then fade out.") == [
        "Show the series: sin(x) = x - x³/3! + x⁵/5! - x⁷/7! + ...", "Then fade out."]
    assert split_sentences("There are n! ways to order them. Great! Now stop.") == [
        "There are n! ways to order them.", "Great!", "Now stop."]
    assert split_sentences("We did it! then we left.") == ["We did it!", "then we left."]


def test_a_series_ending_in_an_ellipsis_is_one_formula():
    assert extract("Show the series in the center: e^x = 1 + x + x^2/2! + x^3/3! + ...").prose[0][0] == \
        "e^x = 1 + x + x^2/2! + x^3/3! + ..."
    assert extract("Show 1 + 2 + ... + n = n(n+1)/2 on screen.").prose[0][0] == "1 + 2 + ... + n = n(n+1)/2"
    beats, notes = planned("Show the series in the center: cos(x) = 1 - x²/2! + x⁴/4! - ...")
    assert [b.params.get("exprs") for b in beats] == [["cos(x) = 1 - x²/2! + x⁴/4! - ..."]]
    assert not [n for n in notes if n.startswith("SB302")]


def test_primes_inside_single_quotes_stay_in_the_formula():
    assert canonical_quotes("Show MathTex 'g(x) = g(0) + g'(0)x + g''(0)x^2/2'.") == \
        'Show MathTex "g(x) = g(0) + g\'(0)x + g\'\'(0)x^2/2".'
    assert canonical_quotes("Show the formula MathTex 'f'(x) = 2x'.") == 'Show the formula MathTex "f\'(x) = 2x".'
    assert canonical_quotes("It's Bob's car and the students' grades, 'Start' then 'End'.") == \
        "It's Bob's car and the students' grades, \"Start\" then \"End\"."


def test_a_prime_at_the_end_of_a_table_cell_stays_and_every_row_stays_in_the_table():
    details = ('Table with two columns "Enzyme" and "Job":\n   Primase | makes RNA primers\n'
               "   Polymerase | adds nucleotides 5' → 3'\n   Nuclease | removes the primers from DNA\n"
               "   Ligase | joins the fragments")
    assert len(detail_sentences(details)) == 1
    beats, _ = planned(details)
    table = next(b for b in beats if b.kind == "table")
    assert table.params["rows"][1] == ["Polymerase", "adds nucleotides 5' → 3'"] and len(table.params["rows"]) == 4


def test_an_instruction_before_or_after_a_colon_is_not_a_caption():
    for sentence in ("Release the weight: animate one full swing from -20° to +20° and back.",
                     "Apply the map: rotate the whole grid by 30° around the origin, animated over 3 seconds.",
                     "Update the energy bars: PE empty, KE full at 5.1 J."):
        beats, notes = planned(sentence)
        assert not [b for b in beats if b.kind == "text" and b.source == sentence], sentence
        assert any(n.startswith("SB3") for n in notes), sentence
    beats, _ = planned("Draw the weight mg pointing down and split it into two parts: mg cos a along the rod and "
                       "mg sin a along the arc.")
    assert any("mg cos a" in s for b in beats for s in b.strings)  # what to show after the colon still shows


def test_the_numbered_instruction_after_unfenced_code_ends_the_code():
    details = ("1. Show pseudocode on the left:\n   def quick_sort(a):\n       if len(a) <= 1:\n           return a\n"
               "       return quick_sort(lo) + [p] + quick_sort(hi)\n2. On the right, three bullet points:\n"
               '   "Average: O(n log n)"\n   "Worst: O(n^2)"\n   "In place"\n'
               "3. At the bottom show the sorted array [1, 2, 3, 5, 8] in green boxes.")
    beats, _ = planned(details)
    code = next(b for b in beats if b.kind == "code")
    assert "bullet" not in code.params["code"] and "sorted array" not in code.params["code"]
    bullets = next(b for b in beats if b.kind == "bullets")
    assert bullets.params["items"] == ["Average: O(n log n)", "Worst: O(n^2)", "In place"]
    assert "sequence" in [b.kind for b in beats]


def test_a_table_given_as_lines_of_cells_under_its_colon_line():
    beats, notes = planned('Draw a table with 3 columns and 4 rows:\nHeader: "Metal" | "Density" | "Melting point"\n'
                           '"Iron" | "7.87 g/cm³" | "1538 °C"\n"Copper" | "8.96 g/cm³" | "1085 °C"\n'
                           '"Gold" | "19.3 g/cm³" | "1064 °C"\nReveal rows one by one.')
    assert [b.kind for b in beats] == ["table"]
    assert beats[0].params["columns"] == ["Metal", "Density", "Melting point"]
    assert beats[0].params["rows"][2] == ["Gold", "19.3 g/cm³", "1064 °C"]
    assert not notes  # "Reveal rows one by one": the table's rows come in one after another
