"""compiler.runtime.mathsvg: TeX -> ziamath SVG -> a filled, coloured, MathTex-sized mobject."""

from __future__ import annotations

import pytest

manim = pytest.importorskip("manim")
pytest.importorskip("ziamath")

from manim import VMobject  # noqa: E402

from compiler.mathtext import to_tex  # noqa: E402
from compiler.runtime import mathsvg  # noqa: E402
from compiler.runtime.mathsvg import EM_PER_FONT_POINT, glyph_boxes, math_mobject, math_svg_path  # noqa: E402


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SBC_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _leaves(mob):
    return mob.family_members_with_points()


def _hex(c) -> str:
    return c.to_hex().upper()


def test_formula_is_a_filled_coloured_vmobject(_cache):
    mob = math_mobject(r"\operatorname{softmax}\left(\frac{Q K^{T}}{\sqrt{d_k}}\right) V",
                       font_size=40, color="#FFFF00")
    assert isinstance(mob, VMobject)
    assert mob.math_ok and mob.math_backend == "ziamath"
    assert mob.width > 0 and mob.height > 0
    leaves = _leaves(mob)
    assert len(leaves) > 10
    for leaf in leaves:
        assert _hex(leaf.get_fill_color()) == "#FFFF00"
        assert leaf.get_fill_opacity() == pytest.approx(1.0)
        assert leaf.get_stroke_width() == 0
    # centred at the origin
    assert abs(mob.get_center()[0]) < 1e-6 and abs(mob.get_center()[1]) < 1e-6


def test_colour_names_and_white_default():
    assert all(_hex(m.get_fill_color()) == "#FFFFFF" for m in _leaves(math_mobject("x^{2}")))
    assert all(_hex(m.get_fill_color()) == "#FF0000" for m in _leaves(math_mobject("x", color="#ff0000")))


def test_size_matches_mathtex_convention():
    # one em = font_size / 96 Manim units, like MathTex (10 pt TeX scaled by font_size / 960);
    # STIX capital H is 0.66 em tall.
    h40 = math_mobject("H", font_size=40).height
    assert h40 == pytest.approx(0.66 * 40 * EM_PER_FONT_POINT, rel=0.1)
    h80 = math_mobject("H", font_size=80).height
    assert h80 == pytest.approx(2 * h40, rel=0.02)
    # a Manim Text of the same font_size is larger (Manim's Text/MathTex ratio is about 1.5)
    text_h = manim.Text("H", font_size=40).height
    assert 1.2 < text_h / h40 < 1.8


def test_submobjects_are_glyphs_in_drawing_order():
    mob = math_mobject(r"\frac{ab}{c}")
    assert len(mob.submobjects) == 4  # a, b, c, fraction bar
    boxes = glyph_boxes(mob)
    (a, b, c, bar) = boxes
    assert a[0] < b[0]  # numerator left to right
    assert a[1] > bar[3] and c[3] < bar[1]  # numerator above the bar, denominator below
    assert isinstance(mob.submobjects[3], manim.Rectangle)
    part = mob[0:2]  # "ab" as a group
    assert part.width > 0


def test_unrenderable_tex_falls_back_to_text():
    mob = math_mobject("}{", font_size=36, color="#00FF00", fallback_text="a over b")
    assert isinstance(mob, manim.Text)
    assert mob.math_ok is False and mob.math_backend == "text"
    assert mob.text.replace(" ", "") == "aoverb"
    assert mob.width > 0 and mob.height > 0
    assert all(_hex(m.get_fill_color()) == "#00FF00" for m in _leaves(mob))


def test_fallback_without_fallback_text_shows_the_tex():
    mob = math_mobject("}{")
    assert isinstance(mob, manim.Text) and mob.text == "}{"


def test_empty_tex_falls_back():
    mob = math_mobject("  ", fallback_text="(empty)")
    assert isinstance(mob, manim.Text) and not mob.math_ok


def test_cache_is_content_addressed_and_atomic(_cache):
    p1 = math_svg_path(r"\frac{a}{b}", 40)
    assert p1.parent == _cache / "math" and p1.suffix == ".svg"
    assert math_svg_path(r"\frac{a}{b}", 40) == p1
    assert math_svg_path(r"\frac{a}{b}", 48) != p1
    assert math_svg_path(r"\frac{a}{c}", 40) != p1
    assert "<path" in p1.read_text()
    names = [p.name for p in (_cache / "math").iterdir()]
    assert all(n.endswith(".svg") and not n.startswith(".") for n in names), names  # no temp files
    math_mobject(r"\frac{a}{b}")
    assert not any(n.endswith("_.svg") for n in (p.name for p in (_cache / "math").iterdir()))


def test_unwritable_cache_still_renders(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("SBC_CACHE_DIR", str(blocker))
    mob = math_mobject(r"\sqrt{2}")
    assert mob.math_ok and mob.width > 0


def test_use_latex_without_latex_uses_ziamath(monkeypatch):
    monkeypatch.setattr(mathsvg.shutil, "which", lambda name: None)
    mob = math_mobject(r"\frac{1}{2}", use_latex=True)
    assert mob.math_backend == "ziamath" and mob.math_ok


def test_function_before_parenthesis_is_tight():
    # ziamath would space "\sin (x)"; the helper typesets \sin( as \operatorname{sin}(
    assert mathsvg._FUNC_BEFORE_PAREN.sub(r"\\operatorname{\1}", r"\sin(x) + \sin x + \sinh\left(y\right)") == \
        r"\operatorname{sin}(x) + \sin x + \operatorname{sinh}\left(y\right)"


@pytest.mark.parametrize("expr", [
    "Attention(Q, K, V) = softmax((Q * K^T) / sqrt(d_k)) * V",
    "PE(pos, 2i) = sin(pos / 10000^(2i/d_model))",
    "x̄ = (1/n) Σ x_i",
    "lim_(x->0) sin(x)/x = 1",
    "∫ F · dr",
    "Probability (Event) = (Number of favorable outcomes) / (Total number of possible outcomes)",
])
def test_storyboard_formulas_typeset(expr):
    mob = math_mobject(to_tex(expr).tex, font_size=40, color="#FFFF00", fallback_text=expr)
    assert mob.math_ok, expr
    assert 0 < mob.height < 2 and 0 < mob.width < 14


def test_every_run_of_a_piece_is_found_and_tinted():
    from compiler.runtime.mathsvg import find_parts, math_mobject, tint

    m = math_mobject(r"A = 1000 \times 1.1 \times 1.1 = 1210", font_size=48)
    runs = find_parts(m, "1.1")
    assert len(runs) == 2 and all(len(r.submobjects) == 3 for r in runs)
    tint(m, [["1.1", "#FFD700"]])
    gold = [g for g in m.submobjects if g.get_fill_color().to_hex().upper() == "#FFD700"]
    assert len(gold) == 6  # the two 1.1s, nothing else (not the 1s of 1000 or 1210)
    assert find_parts(math_mobject("x = 11", font_size=48), "1.1") == []
