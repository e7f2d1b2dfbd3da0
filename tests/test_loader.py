"""Stage 1 (load) and the positions of every diagnostic: `file:line:col` must point at the culprit."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from compiler import load
from compiler.load import MAX_DEPTH, load_bytes, load_file, load_text
from compiler.validate import validate_file, validate_loaded

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("SBC_SEEDS", ROOT.parent / "shared" / "seeds"))

GOOD = """{
  "title": "Positions",
  "scenes": [
    {
      "scene_plot": "The plot.",
      "animation_details": "Show the title \\"Hello\\".",
      "animation_style": "Dark blue background.",
      "audio_text": "Hello and welcome to this short video."
    }
  ]
}
"""


def pos(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, col) of the nth occurrence of `needle` in `text`."""
    off = -1
    for _ in range(nth + 1):
        off = text.index(needle, off + 1)
    line = text.count("\n", 0, off) + 1
    return line, off - (text.rfind("\n", 0, off) + 1) + 1


def diags(text: str, strict: bool = False):
    return validate_loaded(load_text(text, "sb.json"), strict=strict).report.sorted()


def only(text: str, code: str):
    found = [d for d in diags(text) if d.code == code]
    assert len(found) == 1, [d.headline() for d in diags(text)]
    return found[0]


def test_good_document_loads_clean():
    loaded = load_text(GOOD, "sb.json")
    assert loaded.ok and loaded.report.diagnostics == []
    assert loaded.data["scenes"][0]["scene_plot"] == "The plot."


# ------------------------------------------------------------------------------ schema positions
def test_wrong_type_on_scenes_3_audio_text_points_at_the_value():
    text = (ROOT / "storyboards" / "transformer.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    assert len(doc["scenes"]) > 3
    old = json.dumps(doc["scenes"][3]["audio_text"], ensure_ascii=False)
    assert text.count(old) == 1
    broken = text.replace(old, "42")
    d = only(broken, "SB202")
    assert "scenes[3].audio_text" in d.message and "must be a string, not a number" in d.message
    assert (d.line, d.col) == pos(broken, "42")
    assert d.headline().startswith(f"sb.json:{d.line}:{d.col}: SB202 ")


def test_missing_field_points_at_the_scene_object():
    doc = json.loads(GOOD)
    doc["scenes"].append(dict(doc["scenes"][0]))
    del doc["scenes"][1]["audio_text"]
    text = json.dumps(doc, indent=2)
    d = only(text, "SB201")
    assert "'audio_text'" in d.message and "scenes[1]" in d.message
    # the second scene object's opening brace
    assert (d.line, d.col) == pos(text, "{", nth=2)
    assert d.hint  # says what the field is for


def test_missing_scenes_points_at_the_document():
    d = only('{"title": "x"}', "SB201")
    assert (d.line, d.col) == (1, 1) and "'scenes'" in d.message


# ------------------------------------------------------------------------------ JSON syntax
def test_missing_comma():
    text = GOOD.replace('"The plot.",', '"The plot."')
    d = only(text, "SB101")
    assert "comma" in d.message
    assert (d.line, d.col) == pos(text, '"animation_details"')
    assert "sbc fix" in d.hint


def test_trailing_comma():
    text = GOOD.replace('this short video."', 'this short video.",')
    d = only(text, "SB101")
    assert "trailing comma" in d.message
    # json reports where the next key was expected: the closing brace
    assert (d.line, d.col) == pos(text, "}", nth=0)


def test_trailing_comma_in_list():
    text = GOOD.replace("    }\n  ]", "    },\n  ]")
    d = only(text, "SB101")
    assert (d.line, d.col) == pos(text, "]")


def test_unterminated_string():
    text = '{"scenes": [{"scene_plot": "never closed'
    d = only(text, "SB101")
    assert "never closed" in d.message
    assert (d.line, d.col) == pos(text, '"never')


def test_raw_newline_in_string():
    text = GOOD.replace("The plot.", "The\nplot.")
    d = only(text, "SB101")
    assert "raw control character" in d.message
    assert (d.line, d.col) == pos(text, "\nplot.") == (5, 25)  # the newline itself, right after "The"


def test_raw_tab_in_string():
    text = GOOD.replace("The plot.", "The\tplot.")
    d = only(text, "SB101")
    assert (d.line, d.col) == pos(text, "\t")


def test_single_quotes():
    text = GOOD.replace('"title": "Positions"', "'title': 'Positions'")
    d = only(text, "SB101")
    assert (d.line, d.col) == pos(text, "'title'")


def test_empty_file():
    d = only("", "SB101")
    assert (d.line, d.col) == (1, 1)


# ------------------------------------------------------------------------------ encoding, limits
def test_bom_is_accepted():
    v = validate_loaded(load_bytes(b"\xef\xbb\xbf" + GOOD.encode(), "sb.json"))
    assert v.ok, v.report.format()


def test_non_utf8_is_rejected_with_position():
    raw = GOOD.replace("Hello and", "H\u00e9llo and").encode("latin-1")
    v = validate_loaded(load_bytes(raw, "sb.json"))
    assert not v.ok
    (d,) = v.report.diagnostics
    assert d.code == "SB100" and "0xe9" in d.message
    assert (d.line, d.col) == pos(GOOD, "ello and")  # the column of the byte 0xe9


def test_utf16_is_rejected():
    v = validate_loaded(load_bytes(GOOD.encode("utf-16"), "sb.json"))
    assert [d.code for d in v.report.diagnostics] == ["SB100"]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(literal):
    text = GOOD.replace('"audio_text"', f'"duration": {literal},\n      "audio_text"')
    d = only(text, "SB103")
    assert literal in d.message
    assert (d.line, d.col) == pos(text, literal)


def test_nan_position_ignores_the_word_inside_strings():
    text = GOOD.replace("The plot.", "NaN and -Infinity are not numbers").replace(
        '"audio_text"', '"duration": NaN,\n      "audio_text"')
    d = only(text, "SB103")
    assert (d.line, d.col) == pos(text, "NaN,")


def test_integer_with_too_many_digits():
    text = GOOD.replace('"audio_text"', f'"duration": {"9" * 5000},\n      "audio_text"')
    d = only(text, "SB103")
    assert (d.line, d.col) == pos(text, "9999")


def test_deep_nesting_is_an_error_not_a_recursion_error():
    depth = 100_000
    text = '{"scenes": ' + "[" * depth + "]" * depth + "}"
    d = only(text, "SB106")
    # the outer object is level 1: the MAX_DEPTH-th "[" opens level MAX_DEPTH + 1
    assert (d.line, d.col) == (1, len('{"scenes": ') + MAX_DEPTH)


@pytest.mark.parametrize("depth", [MAX_DEPTH, 200])
def test_nesting_past_the_limit_but_parseable(depth):
    text = '{"scenes": [' + "{\"a\": [" * depth + "]}" * depth + "]}"
    d = only(text, "SB106")
    opening = [i for i, ch in enumerate(text) if ch in "[{"]
    assert (d.line, d.col) == (1, opening[MAX_DEPTH] + 1)  # the bracket that opens level MAX_DEPTH + 1


def test_nesting_at_the_limit_is_fine_for_the_loader():
    text = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    text = '{"x": ' + text + "}"
    assert load_text(text).ok


def test_huge_file(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 1000)
    p = tmp_path / "huge.json"
    p.write_text(GOOD + " " * 2000, encoding="utf-8")
    v = validate_file(p)
    assert not v.ok
    assert [d.code for d in v.report.diagnostics] == ["SB104"]
    assert "limit" in v.report.diagnostics[0].message
    assert [d.code for d in load_bytes(p.read_bytes()).report.diagnostics] == ["SB104"]


def test_huge_file_real_limit(tmp_path):
    p = tmp_path / "huge.json"
    with open(p, "wb") as f:
        f.truncate(load.MAX_BYTES + 1)  # sparse: no 8 MB write
    d = load_file(p).report.diagnostics
    assert [x.code for x in d] == ["SB104"]


def test_unreadable_file(tmp_path):
    d = load_file(tmp_path / "nope.json").report.diagnostics
    assert [x.code for x in d] == ["SB107"]


# ------------------------------------------------------------------------------ duplicates, LLM wrapping
def test_duplicate_keys_warn_at_the_second_key():
    text = GOOD.replace('"scene_plot": "The plot.",', '"scene_plot": "First.",\n      "scene_plot": "The plot.",')
    v = validate_loaded(load_text(text, "sb.json"))
    assert v.ok  # a warning
    (d,) = v.report.diagnostics
    assert d.code == "SB105" and d.severity.value == "warning" and "'scene_plot'" in d.message
    assert (d.line, d.col) == pos(text, '"scene_plot"', nth=1)
    assert v.storyboard.scenes[0].scene_plot == "The plot."  # the last value wins
    assert not validate_loaded(load_text(text, "sb.json"), strict=True).ok


def test_fences_and_prose_are_reported_each_with_position():
    text = "Sure! Here is the storyboard:\n```json\n" + GOOD + "```\nLet me know if you want changes.\n"
    ds = [d for d in diags(text)]
    assert [d.code for d in ds] == ["SB102"] * 4
    assert [(d.line, d.col) for d in ds] == [(1, 1), (2, 1), pos(text, "```", nth=1), pos(text, "Let me")]
    assert "markdown code fence" in ds[1].message and "text before" in ds[0].message
    assert "text after" in ds[3].message
    assert all("sbc fix" in d.hint for d in ds)


def test_fence_keeps_line_numbers_of_the_real_error_behind_it():
    text = "```json\n" + GOOD.replace('"The plot.",', '"The plot."') + "```\n"
    codes = [(d.code, d.line) for d in diags(text)]
    assert ("SB101", pos(text, '"animation_details"')[0]) in codes


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not beside the repo")
def test_seed_000_reports_line_4_col_3():
    (seed,) = sorted(SEEDS.glob("000_*.txt"))
    v = validate_file(seed)
    assert not v.ok
    heads = [d.headline() for d in v.report.sorted()]
    syntax = [d for d in v.report.sorted() if d.code == "SB101"]
    assert len(syntax) == 1, heads
    assert (syntax[0].line, syntax[0].col) == (4, 3), heads
    assert f"{seed}:4:3: SB101" in heads[1]
    assert [d.code for d in v.report.sorted()] == ["SB102", "SB101", "SB102"]


def test_caret_excerpt_points_at_the_column():
    text = GOOD.replace('"The plot.",', '"The plot."')
    loaded = load_text(text, "sb.json")
    out = loaded.report.format().splitlines()
    assert out[0].startswith("sb.json:6:7: SB101")
    assert out[1] == "    " + text.splitlines()[5]
    assert out[2] == "    " + " " * 6 + "^"


def test_excerpt_escapes_terminal_control_characters():
    text = '{"scenes": [], "x": "\u202e\x1b[31m"}'
    report = validate_loaded(load_text(text, "sb.json")).report.format()
    assert "\x1b" not in report and "\u202e" not in report
