r"""Choose formula libraries on evidence: sbc's hand-written `compiler.mathtext` against maintained parsers.

    python benchmarks/mathlibs.py [--set dev|check|gold|all] [--verbose] [--json]

Run it with an interpreter that has ziamath and latex2mathml (sbc's render extra) and, to measure them,
the candidates: `pip install py-asciimath unicodemath asciimath2mathml chemformula pytexit` in a
scratch venv (a candidate that is not installed is reported as such and skipped), e.g.

    python3 -m venv /tmp/mlvenv && /tmp/mlvenv/bin/pip install ziamath latex2mathml py-asciimath \
        unicodemath asciimath2mathml chemformula pytexit
    PYTHONPATH=. /tmp/mlvenv/bin/python benchmarks/mathlibs.py

**Inputs.** Three sets of formula strings:

- dev / check — from `../shared/corpus`: the `strings` of `labels.json` that the classifier below calls a
  formula, plus the formula spans of each storyboard's `animation_details` (raw model answers, parsed as
  JSON leniently: code fence stripped, `strict=False`; a file that still fails is skipped), split into
  sentences with `compiler.planner.segment.detail_sentences` and cut with
  `compiler.planner.extract.formula_spans`, plus backticked / quoted parts; each cut into lines, its
  quotes and closing punctuation stripped, and kept when the classifier calls it a formula.
  Duplicates are dropped.
- gold — `GOLD` below: 42 strings from the dev storyboards and our own examples (none from check), each
  with hand-written expectations of what the typeset formula must show.

**Classifier** (`classify`): a string is a formula when it holds a TeX command (`\frac`) -> dialect
`tex`; else a chemical formula with a digit after an element symbol next to `+`/an arrow, or a lone
formula like `CO2` -> `chem`; else Unicode math (`²`, `√`, `∫`, `→`, `≈`, Greek…) -> `unicode`; else
ASCII math: `^`, `_x`, `sqrt(`, a relation (`=`, `<`, `->`) with something on both sides, or an operator
between numbers/letters -> `ascii`. A string with more than three words of four letters or more (not
function or Greek names) is prose, not a formula, unless it holds TeX.

**Pipelines.** Each turns a string into TeX (or MathML) or fails:

- `sbc` — `compiler.mathtext.to_tex`, what sbc does today (a line starting with `=` is read as
  `compiler.components.steps.step_formulas` reads it: `{} = ` and the rest);
- `py-asciimath` — `ASCIIMath2Tex.translate` (aminer-py-asciimath 0.3.1 is the same code without a
  logging call);
- `unicodemath/am`, `unicodemath/um` — `unicodemath.parse(s, dialect="asciimath" | "unicodemath")` + `to_latex`;
- `asciimath2mathml` — AsciiMath straight to MathML (ziamath draws MathML: `ziamath.Math`);
- `pytexit` — `py2tex`, Python expressions to TeX;
- `chemformula` — only on `chem` strings: the equation is cut at arrows and ` + `, a leading coefficient
  and a state `(aq)` kept aside, each species given to `ChemFormula(...).latex`, a lower-case word
  (`light`) set as `\text{}`. (`chemparse` and `periodictable` only count atoms: they write no notation.)

**Success, per string and pipeline:**

- tex — a result was produced;
- renders — ziamath typesets it without an exception (TeX through the same `\sin(` rewrite sbc's
  `compiler.runtime.mathsvg` uses, at size 40) AND draws no unknown command as raw text: ziamath does not
  raise on `\foo` or `\ce{H2O}`, it draws the backslash and the name. Detected in latex2mathml's MathML
  (ziamath's own front end) as a token whose text holds `\name`;
- auto — a rough correctness check derived from the input (`auto_checks`): a `^`, `²` or `^{` in the input
  gives a superscript; `sqrt`/`√`/`\sqrt` a root; `\frac` or `)/(` a fraction; `x_1`/`_{` or a chemical
  element followed by a digit a subscript; `->`/`→` an arrow; every number of the input appears; every word of
  three or more letters (not a function, Greek or TeX name) appears whole in one token — `of` set as the
  two variables o·f fails; the whole input set as one text token (asciimath2mathml's fallback) fails;
- gold — all the hand-written expectations of the gold entry hold (`GOLD`, gold set only);
- >sbc — strings this pipeline gets right (auto, or gold on the gold set) where sbc does not.

Expectations are checked on a skeleton of the MathML (latex2mathml of the TeX, or the MathML itself):
`x^(2)` a superscript, `H_(2)` a subscript, `∫_(0)^(1)` both (limits above/below count the same),
`frac(a)(b)`, `sqrt(x)`, `root(x)(3)`; `(a+b)^(2)` whether the script is on the group or on `)`; tokens' text with spaces removed, invisible operators dropped, − as -, ⋅/× as given.
`s:` = this piece occurs in the skeleton, `!s:` = it does not, `w:` = one token holds this word whole.

**Validator.** For sbc's TeX it also measures latex2mathml as a check before rendering: how often
`latex2mathml.converter.convert` raises or yields a raw `\name` token, against ziamath raising or
drawing a raw command (a confusion table), and what each costs per string; then the same on damaged copies
(each string twice with one character dropped, doubled or a TeX-special one inserted, seeded): does sbc's
own TeX check let through anything ziamath cannot draw, and would latex2mathml have said so?

**Timing** — ms per string: the conversion alone (one call), then the ziamath render. Light: one
process, about a minute on the shared 2-core machine.

`--verbose` prints each string with every pipeline's output and verdict; `--json` the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"

from compiler.mathtext import to_tex  # noqa: E402

# --------------------------------------------------------------------------------------------
# Gold set: (string, expectations). From dev storyboards (backprop, cliff-throw, compound-interest,
# eigenvectors, photosynthesis, pythagoras, rsa) and our own; none from check.
# --------------------------------------------------------------------------------------------

GOLD: list[tuple[str, list[str]]] = [
    # ASCII
    ("L = (y_hat - y)^2", ["s:(y_(hat)-y)^(2)", "w:hat"]),
    ("a^2 + b^2 = c^2", ["s:a^(2)+b^(2)=c^(2)"]),
    ("d = sqrt((x2 - x1)^2 + (y2 - y1)^2)", ["s:d=sqrt((x", "s:)^(2)+(y", "s:)^(2))"]),
    ("d = sqrt(25) = 5", ["s:sqrt(25)=5"]),
    ("(a + b)^2 = 4 * (1/2) * a * b + c^2", ["s:(a+b)^(2)=4", "s:frac(1)(2)", "s:c^(2)"]),
    ("dL/dw2 = (dL/dy_hat) * (dy_hat/dw2)", ["s:frac(dL)(dw", "s:frac(dL)(dy_(hat))", "w:hat"]),
    ("w_new = w_old - eta * dL/dw", ["s:w_(new)=w_(old)-", "s:η", "w:new"]),
    ("A = P (1 + r)^t", ["s:P(1+r)^(t)"]),
    ("A = 1000 x (1.1)^3", ["s:1000×(1.1)^(3)"]),
    ("I = P x r x t", ["s:P×r×t"]),
    ("c = m^e mod n", ["s:m^(e)", "w:mod"]),
    ("31^4 = (31^2)^2, so 31^4 mod 33 = 4^2 = 16", ["s:31^(4)=(31^(2))^(2)", "w:so", "w:mod", "s:4^(2)=16"]),
    ("phi(n) = (p - 1) x (q - 1)", ["s:φ(n)=(p-1)×(q-1)"]),
    ("lambda^2 - 5 lambda + 6 = 0", ["s:λ^(2)-5λ+6=0"]),
    ("det(R - lambda I) = lambda^2 + 1 = 0", ["w:det", "s:λI", "s:λ^(2)+1=0"]),
    ("g = 9.8 m/s^2", ["s:9.8", "s:s^(2)"]),
    ("y drop = (1/2) g t^2", ["w:drop", "s:frac(1)(2)", "s:t^(2)"]),
    ("lim_(x->0) sin(x)/x = 1", ["s:lim_(x→0)", "s:frac(sin(x))(x)=1"]),
    ("int_0^1 x^2 dx = 1/3", ["s:∫_(0)^(1)", "s:x^(2)", "s:frac(1)(3)"]),
    ("sum_(i=1)^n i = n(n+1)/2", ["s:∑_(i=1)^(n)", "s:frac(n(n+1))(2)"]),
    ("x = (-b +- sqrt(b^2 - 4ac))/(2a)", ["s:frac(-b±sqrt(b^(2)-4ac))(2a)"]),
    ("e^(i pi) + 1 = 0", ["s:e^(iπ)+1=0"]),
    ("mass of C = 12 g", ["w:mass", "w:of", "s:C=12"]),
    # Unicode
    ("x² + y² = r²", ["s:x^(2)+y^(2)=r^(2)"]),
    ("√(x² + 1)", ["s:sqrt(x^(2)+1)"]),
    ("W = ∫₀¹ 104t⁴ dt", ["s:∫_(0)^(1)", "s:104t^(4)"]),
    ("Area ≈ 0.6875 × 0.25 = 0.1719", ["w:Area", "s:≈0.6875×0.25=0.1719"]),
    ("F = m · a", ["s:m⋅a"]),
    ("Σ xᵢ / n", ["s:x_(i)", "s:∑"]),
    ("λ = 3: stretched", ["s:λ=3", "w:stretched"]),
    # LaTeX source
    (r"h = \frac{1}{2} g t^2", ["s:frac(1)(2)", "s:t^(2)"]),
    (r"t = \sqrt{4.08} \approx 2.02 \text{ s}", ["s:sqrt(4.08)≈2.02"]),
    (r"\theta = \tan^{-1}(1.32) \approx 52.9^\circ", ["s:tan^(-1)", "s:52.9^(∘)"]),
    (r"m^{\varphi(n)} \equiv 1 \pmod{n}", ["s:m^(φ(n))≡1", "w:mod"]),
    (r"\\frac{1}{\\pi} \\int_{-\\pi}^{\\pi} f(x) \\cos(nx)\\, dx", ["s:frac(1)(π)", "s:∫_(-π)^(π)"]),
    (r"A \vec{v} = \lambda \vec{v}", ["s:=λ", "s:v^(→)"]),
    # chemistry
    ("C3H8 + 5O2 -> 3CO2 + 4H2O", ["s:C_(3)H_(8)+5O_(2)→3CO_(2)+4H_(2)O"]),
    ("6CO2 + 6H2O + light -> C6H12O6 + 6O2", ["s:6CO_(2)", "s:C_(6)H_(12)O_(6)", "w:light", "s:→"]),
    ("2H2 + O2 → 2H2O", ["s:2H_(2)+O_(2)→2H_(2)O"]),
    ("CO2", ["s:CO_(2)", "!s:^"]),
    ("glucose + O2 -> CO2 + H2O + energy", ["w:glucose", "w:energy", "s:O_(2)→CO_(2)+H_(2)O"]),
    ("NaCl(aq) + AgNO3(aq) → AgCl(s) + NaNO3(aq)", ["w:aq", "s:AgNO_(3)", "s:→"]),
]

# --------------------------------------------------------------------------------------------
# Classifier
# --------------------------------------------------------------------------------------------

ELEMENTS = set("""H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As
Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb
Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr""".split())
SPECIES = re.compile(r"(?<![A-Za-z0-9_])\d*((?:\(?(?:[A-Z][a-z]?\d*)+\)?\d*)+)(?![a-z0-9_])")
UNICODE_MATH = set("√∛∑∏∫∬∮∂∇∞≤≥≠≈≡∝±∓·×÷²³¹⁴⁵⁶⁷⁸⁹⁰ⁿⁱ⁻⁺ᵀ₀₁₂₃₄₅₆₇₈₉ᵢⱼₙₖπθσμλαβγδεφωΣΔΩ∈∉⊂⊆∪∩∀∃ℝℕℤ→⇒←↔⟶")
NAMES = {"sqrt", "sin", "cos", "tan", "log", "ln", "exp", "lim", "max", "min", "sum", "int", "det", "gcd",
         "mod", "pmod", "frac", "text", "mathrm", "operatorname", "approx", "times", "cdot", "left", "right",
         "quad", "qquad", "infty", "vec", "bar", "hat", "circ", "equiv", "rightarrow", "xrightarrow", "to",
         "alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "sigma", "mu", "phi", "varphi", "pi",
         "eta", "omega", "rho", "tau", "cdots", "ldots", "dots", "mathcal", "big", "Rightarrow", "checkmark",
         "relu", "softmax", "argmax", "inf", "Delta", "Sigma", "Omega", "Theta", "Lambda", "Phi", "Pi", "arctan"}
WORD = re.compile(r"[A-Za-z]{4,}")


def _chem_species(tok: str) -> bool:
    """`C3H8`, `H2O`, `NaCl`, `(NH4)2SO4`: element symbols, with a count or a two-letter symbol."""
    body = re.sub(r"[()]", "", tok)
    if not re.fullmatch(r"(?:[A-Z][a-z]?\d*)+", body):
        return False
    parts = re.findall(r"([A-Z][a-z]?)(\d*)", body)
    return all(a in ELEMENTS for a, _ in parts) and (any(b for _, b in parts) or any(len(a) == 2 for a, _ in parts)
                                                      and len(parts) >= 2)


def is_chem(s: str) -> bool:
    if "\\" in s or "=" in s.replace("=>", ""):
        return False
    toks = [m.group(1) for m in SPECIES.finditer(s)]
    chem = [t for t in toks if _chem_species(t)]
    if not chem:
        return False
    if re.search(r"\+|->|→|⟶|⇌", s):
        return True
    return s.strip() in chem or bool(re.fullmatch(r"\d*\s*\S+", s.strip()))


def classify(s: str) -> str | None:
    """'tex' | 'chem' | 'unicode' | 'ascii', or None (not a formula). See the module docstring."""
    s = s.strip()
    if not s or len(s) > 300:
        return None
    if re.search(r"\\[A-Za-z]{2,}|\\[,;!]", s):
        return "tex"
    no_species = SPECIES.sub(lambda m: " " if _chem_species(m.group(1)) else m.group(0), s)
    long_words = [w for w in WORD.findall(no_species) if w.lower() not in NAMES]
    if len(long_words) > 3:
        return None
    if is_chem(s):
        return "chem"
    if any(c in UNICODE_MATH for c in s):
        return "unicode"
    if re.search(r"\^|(?<![A-Za-z])[A-Za-z]_[A-Za-z0-9(]|sqrt\(", s):
        return "ascii"
    if re.search(r"[^=<>!]\s*(?:=|<=|>=|<|>|->|=>)\s*[^=]", " " + s + " "):
        lhs, rhs = re.split(r"=|<=|>=|<|>|->|=>", s, maxsplit=1)
        if lhs.strip() and rhs.strip() and re.search(r"[0-9A-Za-z)]", lhs) and re.search(r"[0-9A-Za-z(]", rhs):
            if len(long_words) <= 2 or re.search(r"\d", s):
                return "ascii"
    if re.search(r"[0-9A-Za-z)]\s*[-+*/]\s*[0-9A-Za-z(]", s) and re.search(r"\d", s) and len(long_words) <= 1:
        return "ascii"
    return None


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------

QUOTES = "'\"`“”‘’"
QUOTED = re.compile(r"`([^`]+)`|\"([^\"]+)\"|“([^”]+)”|'([^']{2,})'(?![a-z])")


def _load_answer(path: Path) -> dict | None:
    text = path.read_text(encoding="utf-8")
    m = re.search(r"```(?:json)?\s*\n(.*)```", text, re.S)
    try:
        data = json.loads(m.group(1) if m else text, strict=False)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def corpus_strings(set_name: str) -> tuple[list[tuple[str, str, str]], int]:
    """(string, dialect, origin) for the formula strings of one shared set; and the files skipped."""
    from compiler.planner.extract import formula_spans
    from compiler.planner.segment import detail_sentences

    labels = json.loads((SHARED / "labels.json").read_text(encoding="utf-8"))["storyboards"]
    out: dict[str, tuple[str, str, str]] = {}
    skipped = 0
    for path in sorted((SHARED / set_name).glob("*.txt")):
        stem = path.stem
        for scene in labels.get(stem, []):
            for s in scene.get("strings", []):
                d = classify(s)
                if d:
                    out.setdefault(s.strip(), (s.strip(), d, f"{stem}:label"))
        data = _load_answer(path)
        if data is None:
            skipped += 1
            continue
        for scene in data.get("scenes", []):
            details = scene.get("animation_details") if isinstance(scene, dict) else None
            if not isinstance(details, str):
                continue
            for sentence in detail_sentences(details):
                cands = [t for t, *_ in formula_spans(sentence)]
                cands += [next(g for g in m.groups() if g) for m in QUOTED.finditer(sentence)]
                for line in (x for c in cands for x in c.split("\n")):
                    c = line.strip().strip(QUOTES).strip().rstrip(".,;:").strip(QUOTES).strip()
                    d = classify(c)
                    if d:
                        out.setdefault(c, (c, d, f"{stem}:details"))
    return list(out.values()), skipped


# --------------------------------------------------------------------------------------------
# Pipelines
# --------------------------------------------------------------------------------------------

@dataclass
class Out:
    tex: str | None = None      # TeX, or MathML when mathml is True
    mathml: bool = False
    error: str | None = None
    ms: float = 0.0


def _sbc(s: str) -> Out:
    """`to_tex`, with a leading `=` (a derivation's next line) read as `compiler.components.steps` does."""
    if s.lstrip().startswith("=") and not s.lstrip().startswith("=="):
        r = to_tex(s.lstrip()[1:])
        return Out("{} = " + r.tex if r.tex else None, error=r.reason)
    r = to_tex(s)
    return Out(r.tex, error=r.reason)


def _load_pipelines() -> tuple[dict, dict[str, str]]:
    """name -> (convert function, applies-to predicate); and name -> version or 'not installed'."""
    from importlib.metadata import PackageNotFoundError, version

    def ver(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:
            return "not installed"

    pipes: dict = {"sbc": (_sbc, lambda d: True)}
    versions = {"sbc": "mathtext (this tree)", "ziamath": ver("ziamath"), "latex2mathml": ver("latex2mathml")}
    try:
        logging.disable(logging.CRITICAL)
        from py_asciimath.translator.translator import ASCIIMath2Tex

        a2t = ASCIIMath2Tex(log=False, inplace=True)

        def pyam(s: str) -> Out:
            tex = a2t.translate(s, displaystyle=False, pprint=False)
            return Out(tex.strip().strip("$").strip())

        pipes["py-asciimath"] = (pyam, lambda d: True)
        versions["py-asciimath"] = ver("py-asciimath") if ver("py-asciimath") != "not installed" else ver("aminer-py-asciimath")
    except ImportError:
        versions["py-asciimath"] = "not installed"
    try:
        import unicodemath
        import unicodemath.asciimath  # noqa: F401 - registers the dialect

        pipes["unicodemath/am"] = (lambda s: Out(unicodemath.to_latex(unicodemath.parse(s, dialect="asciimath"))),
                                   lambda d: True)
        pipes["unicodemath/um"] = (lambda s: Out(unicodemath.to_latex(unicodemath.parse(s))), lambda d: True)
        versions["unicodemath"] = ver("unicodemath")
    except ImportError:
        versions["unicodemath"] = "not installed"
    try:
        import asciimath2mathml

        pipes["asciimath2mathml"] = (lambda s: Out(asciimath2mathml.convert(s), mathml=True), lambda d: True)
        versions["asciimath2mathml"] = ver("asciimath2mathml")
    except ImportError:
        versions["asciimath2mathml"] = "not installed"
    try:
        from pytexit import py2tex

        def ptx(s: str) -> Out:
            with contextlib.redirect_stdout(io.StringIO()):
                tex = py2tex(s, print_latex=False, print_formula=False)
            return Out(tex.strip().strip("$").strip())

        pipes["pytexit"] = (ptx, lambda d: True)
        versions["pytexit"] = ver("pytexit")
    except ImportError:
        versions["pytexit"] = "not installed"
    try:
        from chemformula import ChemFormula

        def chem(s: str) -> Out:
            pieces = []
            for part in re.split(r"\s*(->|→|⟶|⇌|<->)\s*", s.strip()):
                if part in ("->", "→", "⟶", "⇌", "<->"):
                    pieces.append(r"\rightleftharpoons" if part in ("⇌", "<->") else r"\rightarrow")
                    continue
                terms = []
                for term in re.split(r"\s+\+\s+", part):
                    m = re.fullmatch(r"(\d*)\s*(.*?)\s*(\((?:aq|s|l|g)\))?", term.strip())
                    coef, species, state = m.group(1), m.group(2), m.group(3) or ""
                    if re.fullmatch(r"[a-z][a-z ]*", species):
                        body = r"\text{%s}" % species
                    else:
                        body = ChemFormula(species).latex.replace("\\\\", "\\")
                    terms.append(coef + body + (r"\text{%s}" % state if state else ""))
                pieces.append(" + ".join(terms))
            return Out(" ".join(pieces))

        pipes["chemformula"] = (chem, lambda d: d == "chem")
        versions["chemformula"] = ver("chemformula")
    except ImportError:
        versions["chemformula"] = "not installed"
    return pipes, versions


def run_pipe(fn, s: str) -> Out:
    """One call, timed (asciimath2mathml caches its results, so a best-of-N would time a dict look-up)."""
    t0 = time.perf_counter()
    try:
        out = fn(s)
    except Exception as exc:  # a candidate library raising is a failure, not a crash
        out = Out(error=f"{type(exc).__name__}: {str(exc).splitlines()[0][:80] if str(exc) else ''}")
    out.ms = (time.perf_counter() - t0) * 1000
    if out.tex is not None and not out.tex.strip():
        out.tex, out.error = None, out.error or "empty output"
    return out


# --------------------------------------------------------------------------------------------
# Rendering and checking
# --------------------------------------------------------------------------------------------

RAW_CMD = re.compile(r"\\[A-Za-z]+")
# As compiler/runtime/mathsvg.py (which needs Manim to import): `\sin(` drawn tight, SVG 1.1 paths.
_FUNC_BEFORE_PAREN = re.compile(
    r"\\(arcsin|arccos|arctan|sinh|cosh|tanh|coth|sin|cos|tan|sec|csc|cot|log|ln|lg|exp|det"
    r"|dim|ker|deg|gcd|hom|arg|max|min|sup|inf|Pr)(?=\s*(?:\\left\s*)?[(\[])"
)


def _ziamath_svg(tex: str, size: float) -> str:
    import ziamath

    ziamath.config.svg2 = False
    return ziamath.Latex(_FUNC_BEFORE_PAREN.sub(r"\\operatorname{\1}", tex), size=size).svg()


def to_mathml(out: Out) -> tuple[str | None, str | None]:
    """(MathML, None) or (None, why latex2mathml refused the TeX)."""
    if out.mathml:
        return out.tex, None
    import latex2mathml.converter

    try:
        return latex2mathml.converter.convert(_FUNC_BEFORE_PAREN.sub(r"\\operatorname{\1}", out.tex)), None
    except Exception as exc:
        return None, f"{type(exc).__name__}"


def render(out: Out) -> tuple[bool, str | None, float]:
    """Does ziamath draw it without raising? (ok, why not, ms) — sbc's own TeX rewrite applied."""
    import ziamath

    t0 = time.perf_counter()
    try:
        if out.mathml:
            ziamath.Math(out.tex, size=40).svg()
        else:
            _ziamath_svg(out.tex, 40.0)
        return True, None, (time.perf_counter() - t0) * 1000
    except Exception as exc:
        return False, type(exc).__name__, (time.perf_counter() - t0) * 1000


_INVISIBLE = dict.fromkeys(map(ord, "\u2061\u2062\u2063\u2064\u200b\u00a0 \t\n"), None)
_NORMAL = {"−": "-", "∗": "*", "′": "'", "ϕ": "φ", "ϵ": "ε", "⟶": "→", "⟹": "⇒", "·": "⋅", "˙": "⋅",
           "°": "∘", "⁡": "", "Σ": "∑", "⃗": "→", "ɛ": "ε"}


def _tag(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def skeleton(el) -> str:
    tag = _tag(el)
    kids = list(el)
    if tag in ("mi", "mn", "mo", "mtext", "ms"):
        t = "".join(el.itertext()).translate(_INVISIBLE)
        return "".join(_NORMAL.get(c, c) for c in t)
    sk = [skeleton(k) for k in kids]
    if tag in ("msup", "mover") and len(sk) == 2:
        return f"{sk[0]}^({sk[1]})"
    if tag in ("msub", "munder") and len(sk) == 2:
        return f"{sk[0]}_({sk[1]})"
    if tag in ("msubsup", "munderover") and len(sk) == 3:
        return f"{sk[0]}_({sk[1]})^({sk[2]})"
    if tag == "mfrac" and len(sk) == 2:
        return f"frac({sk[0]})({sk[1]})"
    if tag == "msqrt":
        return f"sqrt({''.join(sk)})"
    if tag == "mroot" and len(sk) == 2:
        return f"root({sk[0]})({sk[1]})"
    return "".join(sk)


def tokens(el) -> list[str]:
    """The text of each token element; a run of upright single-letter `mi`s (latex2mathml's `\\mathrm{hat}`,
    drawn as one upright word) counts as one token."""
    out: list[str] = []
    for parent in el.iter():
        run = ""
        for e in parent:
            tag = _tag(e)
            text = " ".join("".join(e.itertext()).split())
            if tag == "mi" and e.get("mathvariant") == "normal" and len(text) == 1:
                run += text
                continue
            if run:
                out.append(run)
                run = ""
            if tag in ("mi", "mn", "mo", "mtext"):
                out.append(text)
        if run:
            out.append(run)
    return out


def parse_mathml(mathml: str):
    mathml = re.sub(r"&(?!amp;|lt;|gt;|quot;|apos;|#)", "&amp;", mathml)
    try:
        return ET.fromstring(mathml)
    except ET.ParseError:
        return None


def holds(check: str, sk: str, toks: list[str]) -> bool:
    if check.startswith("!"):
        return not holds(check[1:], sk, toks)
    kind, _, want = check.partition(":")
    if kind == "s":
        return want in sk
    if kind == "w":
        return any(re.search(rf"(?<![A-Za-z]){re.escape(want)}(?![A-Za-z])", t) for t in toks)
    raise ValueError(check)


def auto_checks(s: str, dialect: str) -> list[str]:
    """Rough expectations derived from the input (see the module docstring)."""
    checks = []
    body = RAW_CMD.sub(" ", s) if dialect == "tex" else s
    if re.search(r"\^|[²³¹⁴⁵⁶⁷⁸⁹⁰ⁿⁱ⁻⁺ᵀ]", s):
        checks.append("s:^(")
    if re.search(r"sqrt|√|\\sqrt", s):
        checks.append("s:sqrt(")
    if re.search(r"\\frac|\)\s*/\s*\(", s):
        checks.append("s:frac(")
    if re.search(r"(?<![A-Za-z])[A-Za-z]_[A-Za-z0-9({]|[₀₁₂₃₄₅₆₇₈₉ᵢⱼₙₖ]", s) or dialect == "chem":
        checks.append("s:_(")
    if re.search(r"->|→|\\to\b|\\rightarrow", s) and "<->" not in s:
        checks.append("s:→")
    for num in re.findall(r"\d+(?:\.\d+)?", body):
        checks.append("s:" + num)
    for w in re.findall(r"(?<![A-Za-z\\])[A-Za-z]{3,}(?![A-Za-z])", body):
        if w.lower() not in NAMES and w not in ELEMENTS and not (dialect == "chem" and _chem_species(w)) and \
                not re.fullmatch(r"(?:[A-Z][a-z]?)+", w):
            checks.append("w:" + w)
    return checks


@dataclass
class Verdict:
    tex: bool = False
    renders: bool = False
    auto: bool = False
    gold: bool | None = None
    ms: float = 0.0
    render_ms: float = 0.0
    why: str = ""
    output: str = ""


def judge(out: Out, s: str, dialect: str, gold: list[str] | None) -> Verdict:
    v = Verdict(ms=out.ms, output=(out.tex or f"<{out.error}>"))
    if out.tex is None:
        v.why = out.error or "no output"
        return v
    v.tex = True
    ok, why, rms = render(out)
    v.render_ms = rms
    mathml, l2m_err = to_mathml(out)
    root = parse_mathml(mathml) if mathml else None
    raw = root is not None and any(RAW_CMD.search(t) for t in tokens(root))
    v.renders = ok and root is not None and not raw
    v.why = why or l2m_err or ("raw \\command drawn" if raw else "")
    if root is None:
        return v
    sk, toks = skeleton(root), tokens(root)
    if [_tag(e) for e in root.iter() if _tag(e) in ("mi", "mn", "mo", "mtext")] == ["mtext"]:
        v.why = "whole input set as text"  # asciimath2mathml's fallback: nothing typeset
        return v
    v.auto = v.renders and all(holds(c, sk, toks) for c in auto_checks(s, dialect))
    if gold is not None:
        v.gold = v.renders and all(holds(c, sk, toks) for c in gold)
    return v


def validator_table(strings: list[tuple[str, str, str]]) -> dict:
    """latex2mathml as a pre-render check of sbc's TeX, against ziamath's verdict."""
    import latex2mathml.converter
    table = {"both_ok": 0, "l2m_flags_zia_fails": 0, "l2m_flags_zia_ok": 0, "l2m_ok_zia_fails": 0,
             "l2m_ms": 0.0, "zia_ms": 0.0, "n": 0, "raw_drawn": 0}
    for s, _d, _o in strings:
        r = to_tex(s)
        if r.tex is None:
            continue
        table["n"] += 1
        tex = _FUNC_BEFORE_PAREN.sub(r"\\operatorname{\1}", r.tex)
        t0 = time.perf_counter()
        try:
            mm = latex2mathml.converter.convert(tex)
            root = parse_mathml(mm)
            flagged = root is None or any(RAW_CMD.search(t) for t in tokens(root))
        except Exception:
            flagged = True
        table["l2m_ms"] += (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        try:
            _ziamath_svg(r.tex, 40.0)
            zia = True
        except Exception:
            zia = False
        table["zia_ms"] += (time.perf_counter() - t0) * 1000
        key = ("both_ok" if zia else "l2m_ok_zia_fails") if not flagged else (
            "l2m_flags_zia_fails" if not zia else "l2m_flags_zia_ok")
        table[key] += 1
        table["raw_drawn"] += int(flagged and zia)
    # Damaged input: each string with one character dropped, doubled or a TeX-special one inserted (seeded),
    # kept where sbc still writes TeX -- does sbc's own TeX check let through anything ziamath cannot draw?
    rng = random.Random(15)
    table.update(mut_n=0, mut_sbc_tex=0, mut_zia_fails=0, mut_l2m_predicts=0, mut_l2m_flags_zia_ok=0)
    for s, _d, _o in strings:
        for _ in range(2):
            i, op = rng.randrange(len(s)), rng.randrange(3)
            t = (s[:i] + s[i + 1:] if op == 0 else s[:i] + rng.choice("{}^_\\()[]|/&$%#~'") + s[i:] if op == 1
                 else s[:i] + s[i:i + 1] * 2 + s[i + 1:])
            table["mut_n"] += 1
            r = to_tex(t)
            if r.tex is None:
                continue
            table["mut_sbc_tex"] += 1
            try:
                _ziamath_svg(r.tex, 40.0)
                zia = True
            except Exception:
                zia = False
            try:
                root = parse_mathml(latex2mathml.converter.convert(_FUNC_BEFORE_PAREN.sub(r"\\operatorname{\1}", r.tex)))
                flagged = root is None or any(RAW_CMD.search(x) for x in tokens(root))
            except Exception:
                flagged = True
            table["mut_zia_fails"] += int(not zia)
            table["mut_l2m_predicts"] += int(flagged and not zia)
            table["mut_l2m_flags_zia_ok"] += int(flagged and zia)
    n = max(table["n"], 1)
    table["l2m_ms"] = round(table["l2m_ms"] / n, 2)
    table["zia_ms"] = round(table["zia_ms"] / n, 2)
    return table


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

@dataclass
class Row:
    n: int = 0
    tex: int = 0
    renders: int = 0
    auto: int = 0
    gold: int = 0
    gold_n: int = 0
    beats_sbc: int = 0          # strings this pipeline gets right and sbc does not
    ms: float = 0.0
    render_ms: float = 0.0
    by_dialect: dict = field(default_factory=dict)


def score(strings, pipes, golds, verbose: bool) -> dict[str, Row]:
    rows = {name: Row() for name in pipes}
    for s, dialect, origin in strings:
        gold = golds.get(s)
        if verbose:
            print(f"\n[{dialect}] {s!r}  ({origin})")
        sbc_good = None
        for name, (fn, applies) in pipes.items():
            if not applies(dialect):
                continue
            v = judge(run_pipe(fn, s), s, dialect, gold)
            good = bool(v.gold) if gold is not None else v.auto
            if name == "sbc":
                sbc_good = good
            row = rows[name]
            row.beats_sbc += int(good and sbc_good is False)
            row.n += 1
            row.tex += v.tex
            row.renders += v.renders
            row.auto += v.auto
            row.ms += v.ms
            row.render_ms += v.render_ms
            if gold is not None:
                row.gold_n += 1
                row.gold += bool(v.gold)
            d = row.by_dialect.setdefault(dialect, [0, 0, 0])
            d[0] += 1
            d[1] += v.renders
            d[2] += good
            if verbose:
                mark = "ok " if (v.gold if gold is not None else v.auto) else ("r  " if v.renders else "-  ")
                print(f"   {mark}{name:17} {v.output[:110]}" + (f"   [{v.why}]" if v.why else ""))
    return rows


def print_rows(title: str, rows: dict[str, Row], gold: bool, dialects: list[str]) -> None:
    print(f"\n## {title}")
    correct = "gold-ok" if gold else "auto-ok"
    head = f"{'pipeline':18} {'n':>4} {'tex':>6} {'renders':>8} {correct:>8} {'>sbc':>5} {'ms/str':>7} {'render ms':>9}   " + \
        "  ".join(f"{d + ' ' + correct:>16}" for d in dialects)
    print(head)
    print("-" * len(head))
    for name, r in rows.items():
        if not r.n:
            continue
        ok = r.gold if gold else r.auto
        cells = []
        for d in dialects:
            n, _rend, good = r.by_dialect.get(d, [0, 0, 0])
            cells.append(f"{good:>3}/{n:<3} {good / n if n else 0:5.2f}" if n else f"{'-':>16}")
        print(f"{name:18} {r.n:>4} {r.tex / r.n:6.2f} {r.renders / r.n:8.2f} {ok / r.n:8.2f} {r.beats_sbc:>5} "
              f"{r.ms / r.n:7.2f} {r.render_ms / max(r.tex, 1):9.1f}   " + "  ".join(f"{c:>16}" for c in cells))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("dev", "check", "gold", "all"), default="all")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    pipes, versions = _load_pipelines()
    golds = {s: checks for s, checks in GOLD}
    sets: dict[str, list[tuple[str, str, str]]] = {}
    skipped = {}
    for name in ("dev", "check"):
        if args.set in (name, "all"):
            sets[name], skipped[name] = corpus_strings(name)
    if args.set in ("gold", "all"):
        sets["gold"] = [(s, classify(s) or "ascii", "gold") for s, _ in GOLD]

    if not args.json:
        print("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
        for name, strs in sets.items():
            counts = {d: sum(1 for _, dd, _ in strs if dd == d) for d in ("ascii", "unicode", "tex", "chem")}
            print(f"{name}: {len(strs)} formula strings " + str(counts) +
                  (f", {skipped[name]} answer files skipped (not JSON)" if skipped.get(name) else ""))
    report: dict = {"versions": versions, "sets": {}}
    for name, strs in sets.items():
        rows = score(strs, pipes, golds if name == "gold" else {}, args.verbose)
        report["sets"][name] = {k: vars(r) for k, r in rows.items()}
        if not args.json:
            print_rows(f"{name} ({len(strs)} strings)", rows, name == "gold", ["ascii", "unicode", "tex", "chem"])
    if "dev" in sets or "check" in sets:
        both = [x for k in ("dev", "check") for x in sets.get(k, [])]
        vt = validator_table(both)
        report["validator"] = vt
        if not args.json:
            print(f"\n## latex2mathml as a validator of sbc's TeX (dev+check, {vt['n']} strings sbc typesets)")
            print(f"latex2mathml accepts, ziamath draws:        {vt['both_ok']}")
            print(f"latex2mathml refuses or finds a raw \\name:  {vt['l2m_flags_zia_fails']} where ziamath raises, "
                  f"{vt['l2m_flags_zia_ok']} where ziamath draws (the raw name on screen)")
            print(f"latex2mathml accepts, ziamath raises:       {vt['l2m_ok_zia_fails']}")
            print(f"cost per string: latex2mathml {vt['l2m_ms']} ms, ziamath render {vt['zia_ms']} ms")
            print(f"damaged copies: {vt['mut_n']}, sbc writes TeX for {vt['mut_sbc_tex']}; ziamath raises on "
                  f"{vt['mut_zia_fails']}, latex2mathml predicts {vt['mut_l2m_predicts']} of them and flags "
                  f"{vt['mut_l2m_flags_zia_ok']} that ziamath draws")
    if args.json:
        print(json.dumps(report, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
