"""Math in generated Manim scenes without LaTeX: TeX -> ziamath -> SVG -> ``SVGMobject``.

Used by the generated scene files (``from compiler.runtime.mathsvg import math_mobject``). The
TeX usually comes from :func:`compiler.mathtext.to_tex`.

* **Renderer.** ziamath (pure Python, bundled STIX Two Math font) typesets the TeX in display
  style and writes an SVG of plain ``<path>``/``<rect>`` elements (SVG 1.1 mode, no ``<use>``).
  With ``use_latex=True`` *and* both ``latex`` and ``dvisvgm`` on ``PATH``, Manim's ``MathTex``
  is used instead; otherwise ziamath.
* **Cache.** The SVG is content-addressed: ``sha256(renderer version, tex, size)`` names
  ``$SBC_CACHE_DIR/math/<hash>.svg`` (default ``~/.cache/sbc/math``), written atomically
  (temp file + ``os.replace``). Manim's SVG loader writes a scratch file next to the file it
  loads, so each process loads from its own private copy: parallel scene renders never race.
* **Size.** Scaled like ``MathTex`` at the same ``font_size``: one em is ``font_size / 96``
  Manim units (``MathTex`` typesets 10 pt TeX and scales by ``font_size / 960``). Like with real
  LaTeX, a formula is therefore smaller than a ``Text`` of the same ``font_size`` (Manim's
  ``Text`` is about 1.5x larger per point than its ``MathTex``).
* **Colour.** Every glyph is filled with ``color`` at full opacity, stroke width 0.
* **Failure.** Never raises for bad TeX: the result is then ``Text(fallback_text or tex)``,
  with ``mob.math_ok = False``, and a warning on the ``sbc.math`` logger.

Submobject structure (for a later "highlight part of a formula"): the returned ``SVGMobject``
has one flat level of submobjects, one ``VMobject`` per drawn glyph or rule, in ziamath's drawing
order — left to right through the formula; inside a fraction the numerator's glyphs, then the
denominator's, then the fraction bar (a ``Rectangle``); a square root is its radical sign, the
radicand, then the overbar (a ``Rectangle``). ``\\text{...}`` is one glyph per letter (spaces
draw nothing). Big operators, fences and scripts are single glyphs in place. So a
glyph range ``mob[i:j]`` (a ``VGroup``) selects a contiguous piece of the formula; use
``glyph_boxes(mob)`` to find one by position. Attributes set on the result: ``tex``,
``math_ok`` (True when typeset), ``math_backend`` (``"ziamath"``, ``"latex"`` or ``"text"``).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

from ..atomic import write_atomic

log = logging.getLogger("sbc.math")

__all__ = ["math_mobject", "math_svg_path", "glyph_boxes", "cache_dir", "EM_PER_FONT_POINT"]

#: Manim units per em per point of ``font_size`` — what ``MathTex`` uses (10 pt TeX / 960).
EM_PER_FONT_POINT = 1 / 96

_lock = threading.Lock()
_private_dir: Path | None = None


def cache_dir() -> Path:
    """``$SBC_CACHE_DIR/math`` if set, else ``~/.cache/sbc/math``."""
    base = os.environ.get("SBC_CACHE_DIR")
    root = Path(base) if base else Path.home() / ".cache" / "sbc"
    return root / "math"


def _renderer_version() -> str:
    try:
        import ziafont
        import ziamath

        return f"ziamath-{ziamath.__version__}/ziafont-{getattr(ziafont, '__version__', '?')}"
    except Exception:  # pragma: no cover
        return "ziamath-?"


# ziamath puts operator spacing between ``\sin`` and a following "(", where TeX puts none
# (``\sin(x)`` would show as "sin (x)"); ``\operatorname{sin}`` renders tight, so rewrite.
_FUNC_BEFORE_PAREN = re.compile(
    r"\\(arcsin|arccos|arctan|sinh|cosh|tanh|coth|sin|cos|tan|sec|csc|cot|log|ln|lg|exp|det"
    r"|dim|ker|deg|gcd|hom|arg|max|min|sup|inf|Pr)(?=\s*(?:\\left\s*)?[(\[])"
)


def _ziamath_svg(tex: str, size: float) -> str:
    """Typeset ``tex`` with ziamath (display style) as an SVG 1.1 string (paths and rects)."""
    import ziamath

    tex = _FUNC_BEFORE_PAREN.sub(r"\\operatorname{\1}", tex)

    with _lock:  # ziamath's svg2 switch is global
        old = ziamath.config.svg2
        ziamath.config.svg2 = False  # plain <path>s, no <symbol>/<use>: simplest for svgelements
        try:
            return ziamath.Latex(tex, size=size).svg()
        finally:
            ziamath.config.svg2 = old


def math_svg_path(tex: str, font_size: float = 40) -> Path:
    """Render ``tex`` to the content-addressed SVG cache and return its path (raises on failure)."""
    size = round(float(font_size), 3)
    key = hashlib.sha256(f"{_renderer_version()}\0{size!r}\0{tex}".encode("utf-8")).hexdigest()
    path = cache_dir() / f"{key}.svg"
    if path.is_file() and path.stat().st_size > 0:
        return path
    svg = _ziamath_svg(tex, size)
    if "<path" not in svg and "<rect" not in svg:
        raise ValueError("ziamath drew nothing")
    try:
        write_atomic(path, svg)
    except OSError:  # read-only home, full disk: render into a temporary directory instead
        path = _private() / f"{key}.svg"
        write_atomic(path, svg)
    return path


def _private() -> Path:
    """A per-process scratch directory, removed at exit."""
    global _private_dir
    if _private_dir is None:
        _private_dir = Path(tempfile.mkdtemp(prefix=f"sbc-math-{os.getpid()}-"))
        atexit.register(shutil.rmtree, _private_dir, True)
    return _private_dir


def _load_svg(path: Path):
    """Load an SVG with Manim from a private copy (SVGMobject writes ``<stem>_.svg`` beside the
    file it reads and deletes it again, which would race between processes sharing the cache)."""
    from manim import SVGMobject

    local = _private() / path.name
    if not local.exists():
        tmp = local.with_suffix(f".{threading.get_ident()}.tmp")
        shutil.copyfile(path, tmp)
        os.replace(tmp, local)
    return SVGMobject(str(local), height=None, width=None, should_center=True, stroke_width=0)


def _has_latex() -> bool:
    return shutil.which("latex") is not None and shutil.which("dvisvgm") is not None


def _fallback(text: str, font_size: float, color: str):
    from manim import Text

    try:
        mob = Text(text, font_size=font_size, color=color)
    except Exception:  # pragma: no cover - Pango refuses only truly broken strings
        mob = Text("?", font_size=font_size, color=color)
    return mob


def math_mobject(
    tex: str,
    *,
    font_size: float = 40,
    color: str = "#FFFFFF",
    fallback_text: str | None = None,
    use_latex: bool = False,
):
    """A Manim mobject for the TeX formula ``tex``, centred at the origin.

    ziamath by default (no LaTeX needed); ``MathTex`` when ``use_latex`` and LaTeX + dvisvgm are
    installed. Glyphs are filled with ``color``; height as ``MathTex(tex, font_size=font_size)``.
    If the formula cannot be typeset, returns ``Text(fallback_text or tex)`` instead — never
    raises for bad input. See the module docstring for the submobject structure.
    """
    tex = tex if isinstance(tex, str) else ""  # (no formula — None from a failed reading — is never typeset as "None")
    if use_latex and _has_latex():
        try:
            from manim import MathTex

            mob = MathTex(tex, font_size=font_size, color=color)
            _tag(mob, tex, True, "latex")
            return mob
        except Exception as exc:
            log.warning("MathTex failed for %r (%s); using ziamath", tex, exc)
    try:
        if not tex.strip():
            raise ValueError("empty formula")
        size = float(font_size)
        path = math_svg_path(tex, size)
        mob = _load_svg(path)
        if not mob.submobjects or mob.width <= 0 or mob.height <= 0:
            raise ValueError("empty drawing")
        # ziamath size S: one em = S SVG units (loaded 1:1) -> font_size / 96 Manim units.
        mob.scale(font_size * EM_PER_FONT_POINT / size)
        mob.set_fill(color, opacity=1.0)
        mob.set_stroke(color, width=0, opacity=0)
        _tag(mob, tex, True, "ziamath")
        return mob
    except Exception as exc:
        log.warning("cannot typeset %r (%s: %s); showing it as text", tex, type(exc).__name__, exc)
        mob = _fallback(fallback_text or tex, font_size, color)
        _tag(mob, tex, False, "text")
        return mob


def _tag(mob, tex: str, ok: bool, backend: str) -> None:
    mob.tex = tex
    mob.math_ok = ok
    mob.math_backend = backend


def glyph_boxes(mob) -> list[tuple[float, float, float, float]]:
    """``(left, bottom, right, top)`` of each submobject (glyph or rule), in order."""
    boxes = []
    for sub in mob.submobjects:
        left, bottom = sub.get_corner((-1, -1, 0))[:2]
        right, top = sub.get_corner((1, 1, 0))[:2]
        boxes.append((float(left), float(bottom), float(right), float(top)))
    return boxes


def _glyph_signature(sub) -> tuple[int, float]:
    """What a glyph looks like, whatever its size: its outline's point count and its aspect ratio."""
    w, h = float(sub.width), float(sub.height)
    return len(sub.points), (w / h if h > 1e-6 else 99.0)


def _runs_of(mob, tex: str):
    """(starts, length) of every place the glyphs of ``tex``, typeset on its own, appear as a run in the formula's
    glyphs (outline and proportions, any size), overlapping or not; None when ``mob`` is not a typeset formula or the
    piece cannot be typeset."""
    if not getattr(mob, "math_ok", False) or getattr(mob, "math_backend", "") != "ziamath" or not tex:
        return None
    try:
        piece = math_mobject(tex, font_size=40)
    except Exception:  # pragma: no cover - math_mobject falls back to text, never raises
        return None
    if not getattr(piece, "math_ok", False):
        return None
    want = [_glyph_signature(g) for g in piece.submobjects]
    have = [_glyph_signature(g) for g in mob.submobjects]
    n = len(want)
    if not n or n > len(have):
        return None

    def same(a, b) -> bool:
        return a[0] == b[0] and abs(a[1] - b[1]) <= 0.12 * max(1.0, b[1])

    return [s for s in range(len(have) - n + 1) if all(same(have[s + k], want[k]) for k in range(n))], n


def find_part(mob, tex: str):
    """The glyphs of a typeset formula that draw ``tex`` — "highlight 0/0", "box the answer 1/6" — as a
    ``VGroup``, or None when ``mob`` is not a typeset formula or the piece is not in it: the last run wins (an answer
    stands at the end)."""
    from manim import VGroup

    found = _runs_of(mob, tex)
    if not found or not found[0]:
        return None
    starts, n = found
    return VGroup(*mob.submobjects[starts[-1]:starts[-1] + n])


def find_parts(mob, tex: str, alone: bool = True) -> list:
    """Every run of glyphs of a typeset formula that draws ``tex`` as a whole piece ("the factor 1.1 in gold, every
    time it appears"), left to right, as ``VGroup``s; [] when ``mob`` is not a typeset formula or the piece is not in
    it."""
    from manim import VGroup

    found = _runs_of(mob, tex)
    if not found:
        return []
    starts, n = found
    glyphs, kept, end = mob.submobjects, [], -1
    for s in starts:  # (runs that do not overlap, each standing alone)
        if s >= end and (not alone or _stands_alone(glyphs, s, n)):
            kept.append(s)
            end = s + n
    # a run drawn smaller than the others (in an exponent or index: "31⁴" is no 4 of the line) is not the piece
    tallest = max((max(g.height for g in glyphs[s:s + n]) for s in kept), default=0.0)
    return [VGroup(*glyphs[s:s + n]) for s in kept if max(g.height for g in glyphs[s:s + n]) >= 0.8 * tallest]


def _stands_alone(glyphs, start: int, n: int) -> bool:
    """Whether the run of glyphs is a whole piece, not the end of a longer number or word: no glyph of its size sits
    right against it ("4" in "1984", "1" in "31"; a bracket or a sign beside it does not count)."""
    run = glyphs[start:start + n]
    h = max(g.height for g in run) or 1.0
    base = min(g.get_bottom()[1] for g in run)
    # (a small glyph raised above the others' feet is an exponent; small letters of a word — the "op" of "Top" — stand
    # on the line)
    if n > 1 and any(0.2 * h < g.height < 0.75 * h and g.get_bottom()[1] - base > 0.3 * h for g in run) and not any(
            g.height <= 0.2 * h for g in run):
        return False  # a run of two sizes ("1" and an exponent "²") is not one piece written at one size
    left, right = run[0].get_left()[0], run[-1].get_right()[0]

    def touches(g, gap: float) -> bool:  # (signs and brackets are of other heights; digits of a number sit close)
        return 0.75 * h <= g.height <= 1.25 * h and -0.05 * h < gap < 0.3 * h

    before = glyphs[start - 1] if start > 0 else None
    after = glyphs[start + n] if start + n < len(glyphs) else None
    return not (before is not None and touches(before, left - before.get_right()[0])
                or after is not None and touches(after, after.get_left()[0] - right))


def tint(mob, tints: list | None) -> None:
    """Colour the pieces `tints` ([TeX, colour] pairs) wherever they appear in the typeset formula `mob`."""
    for tex, col in tints or ():
        # an upright element symbol ("\\mathrm{O}") or coefficient ("\\mathrm{5}") of a chemical formula is one wherever it
        # stands, against its neighbours too ("CO₂", "5O₂"); its counts, drawn smaller, are not it
        for run in find_parts(mob, tex, alone=not re.fullmatch(r"\\mathrm\{(?:[A-Z][a-z]?|\d+)\}", tex)):
            run.set_color(col)
