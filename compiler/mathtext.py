r"""Storyboard math (ASCII / Unicode / a little TeX) -> TeX, without LaTeX.

Pure Python, standard library only: `sbc validate` and `sbc plan` import it and must stay fast.

Storyboards are written by language models and by people, so their formulas look like
``softmax((Q * K^T) / sqrt(d_k)) * V``, ``4x²``, ``∫ F · dr`` or ``lim_(x->0) sin(x)/x = 1``.
:func:`to_tex` reads them with a small tokenizer and a recursive-descent parser and writes TeX
that ziamath (and real LaTeX, when installed) can typeset::

    >>> to_tex("softmax((Q * K^T) / sqrt(d_k)) * V").tex
    '\\operatorname{softmax}\\left(\\frac{Q \\cdot K^{T}}{\\sqrt{d_k}}\\right) \\cdot V'

Input that already is TeX (it contains a backslash command) passes through after a safety check:
balanced braces, bounded nesting, and only a whitelist of harmless math commands (no ``\input``,
``\def``, ``\write``...). Anything that cannot be read gives ``MathResult(None, reason)``; the
caller then shows the original string as plain text and reports the reason. :func:`to_tex` never
raises, and every step is linear in the input (inputs are capped at 500 characters, nesting at 50).
Typesetting is not: ziamath's layout time grows about threefold per level of fractions, roots and
exponents inside each other (8 levels ≈ 0.2 s, 10 ≈ 0.9 s, 16 > 60 s), so a formula whose TeX nests
braces deeper than ``MAX_LAYOUT_DEPTH`` is refused here and shown as text (SB302).

:func:`looks_like_math` is the planner's guess whether a backticked or quoted string is a formula
(render it with :func:`to_tex`) rather than code or prose.

Grammar (lowest to highest precedence)::

    list      := relation ((',' | ';') relation)*
    relation  := additive (REL additive)*          REL: = < > <= >= != ~= -> => : | ∈ ≈ ...
    additive  := sign* term (('+' | '-' | '±') term)*
    term      := factor (('*' | '/' | '·' | '×' | '÷' | implicit) factor)*
    factor    := sign* postfix
    postfix   := atom ('^' script | '_' script | ² | ₖ | '!' | "'" | '%' | '°')*
    atom      := number | identifier | identifier '(' list ')' | '(' list ')' | '[' list ']'
               | '{' list '}' | '|' relation '|' | '‖' relation '‖' | √ postfix
               | big-operator limits term        (Σ ∏ ∫ lim sum prod int, with _ and ^ limits)
               | phrase                          ("Number of favorable outcomes" -> \text{...})

``/`` becomes ``\frac`` (dropping redundant parentheses) except inside super/subscripts, where an
inline slash reads better (``10000^(2i/d_model)`` -> ``10000^{2i/d_{\mathrm{model}}}``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["MathResult", "to_tex", "looks_like_math", "MAX_LENGTH", "MAX_NESTING", "MAX_LAYOUT_DEPTH"]

MAX_LENGTH = 500
MAX_NESTING = 50
MAX_LAYOUT_DEPTH = 8  # braces inside braces in the TeX: each level triples the typesetting time


@dataclass(frozen=True)
class MathResult:
    """The TeX for a formula, or ``tex=None`` and the reason it could not be read."""

    tex: str | None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.tex is not None


class _Fail(Exception):
    """Internal: the input cannot be read as math."""


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_GREEK_NAMES = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
    "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho",
    "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
}

_GREEK_CHARS = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon",
    "ϵ": r"\epsilon", "ζ": r"\zeta", "η": r"\eta", "θ": r"\theta", "ϑ": r"\vartheta",
    "ι": r"\iota", "κ": r"\kappa", "λ": r"\lambda", "μ": r"\mu", "µ": r"\mu", "ν": r"\nu",
    "ξ": r"\xi", "ο": "o", "π": r"\pi", "ϖ": r"\varpi", "ρ": r"\rho", "ϱ": r"\varrho",
    "σ": r"\sigma", "ς": r"\varsigma", "τ": r"\tau", "υ": r"\upsilon", "φ": r"\varphi",
    "ϕ": r"\phi", "χ": r"\chi", "ψ": r"\psi", "ω": r"\omega",
    "Α": "A", "Β": "B", "Γ": r"\Gamma", "Δ": r"\Delta", "Ε": "E", "Ζ": "Z", "Η": "H",
    "Θ": r"\Theta", "Ι": "I", "Κ": "K", "Λ": r"\Lambda", "Μ": "M", "Ν": "N", "Ξ": r"\Xi",
    "Ο": "O", "Π": r"\Pi", "Ρ": "P", "Τ": "T", "Υ": r"\Upsilon", "Φ": r"\Phi", "Χ": "X",
    "Σ": r"\Sigma", "Ψ": r"\Psi", "Ω": r"\Omega", "Ω": r"\Omega",
}

def greek_forms(piece: str) -> list[str]:
    """How a Greek letter may be written in a formula: "mu" or "μ" -> ["μ", "\\mu", "mu"]; [] for anything else."""
    name = piece.lower() if piece.lower() in _GREEK_LETTER else next(
        (tex[1:] for ch, tex in _GREEK_CHARS.items() if ch == piece and tex.startswith("\\")), None)
    if name is None or name not in _GREEK_LETTER:
        return []
    return [_GREEK_LETTER[name], "\\" + name, name]


def greek_letters(text: str) -> str:
    """`text` with Greek letters written as names shown as letters ("3 - lambda" -> "3 - λ"), whole words only."""
    return _GREEK_WORD.sub(lambda m: _GREEK_LETTER[m.group(0)], text)


_GREEK_LETTER = {tex[1:]: ch for ch, tex in _GREEK_CHARS.items() if tex.startswith("\\") and ch not in "ϵϑϖϱςϕµ"}
_GREEK_LETTER.update({"epsilon": "ε", "phi": "φ"})
_GREEK_WORD = re.compile(r"(?<![A-Za-z\\])(?:" + "|".join(sorted(_GREEK_LETTER, key=len, reverse=True)) + r")(?![A-Za-z])")

# Characters that are atoms on their own.
_SYMBOL_CHARS = {
    "∞": r"\infty", "∂": r"\partial", "∇": r"\nabla", "∅": r"\emptyset", "ℝ": r"\mathbb{R}",
    "ℕ": r"\mathbb{N}", "ℤ": r"\mathbb{Z}", "ℚ": r"\mathbb{Q}", "ℂ": r"\mathbb{C}",
    "ℓ": r"\ell", "ħ": r"\hbar", "…": r"\ldots", "⋯": r"\cdots", "∀": r"\forall",
    "∃": r"\exists", "¬": r"\neg", "ℏ": r"\hbar", "∠": r"\angle", "△": r"\triangle",
    "✓": r"\checkmark", "✔": r"\checkmark", "?": "?", "∴": r"\therefore", "∵": r"\because",
}

# Units written after a number ("9.8 m/s^2", "3 Ω", "44 g/mol"): set upright, a thin space after the number.
# A one-letter unit ("2 s", "10 N") counts only where the formula ends or a relation, comma or bracket follows.
_UNITS = """kg mg g km cm mm nm μm m ms μs ns s min h hr Hz kHz MHz GHz N kN J kJ cal kcal eV W kW kWh V mV kV mA
Ω kΩ MΩ ohm ohms Ohm Ohms kohm kohms kOhm kOhms MOhm μF Pa kPa atm mol mL rad dB year years day days hour hours second seconds minute minutes mph km/h
g/mol mol/L m/s m/s^2 m/s² kg·m/s N·m J/s V/m rad/s kJ/mol J/mol J/K A K L °C °F mmHg bar C μC µC nC N/C""".split()
_UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)))
_UNIT_END = re.compile(r"\s*(?:$|[=≈<>≤≥,;)\]✓✔]|->|→)")
# "/ 2 kg" after a unit: the unit before the slash is one too ("10 N / 2 kg" is 10 N over 2 kg)
_OVER_NUMBER = re.compile(r"\s*/\s*\d+(?:\.\d+)?")

# Binary operators of the multiplicative level.
_MUL_CHARS = {
    "*": "*", "∗": "*", "·": r"\cdot", "⋅": r"\cdot", "∙": r"\cdot", "×": r"\times",
    "÷": r"\div", "/": "/", "⁄": "/", "∕": "/", "∘": r"\circ", "⊗": r"\otimes", "⊙": r"\odot",
    "∩": r"\cap", "∪": r"\cup", "∧": r"\wedge", "∨": r"\vee",
}

# Binary operators of the additive level.
_ADD_CHARS = {"+": "+", "-": "-", "−": "-", "–": "-", "±": r"\pm", "∓": r"\mp", "⊕": r"\oplus"}

_REL_CHARS = {
    "=": "=", "<": "<", ">": ">", "≤": r"\le", "≥": r"\ge", "≦": r"\le", "≧": r"\ge",
    "≠": r"\ne", "≈": r"\approx", "≅": r"\cong", "≡": r"\equiv", "∼": r"\sim", "~": r"\sim",
    "≃": r"\simeq", "∝": r"\propto", "→": r"\to", "⟶": r"\to", "←": r"\leftarrow",
    "↔": r"\leftrightarrow", "⇒": r"\Rightarrow", "⇐": r"\Leftarrow", "⇔": r"\Leftrightarrow",
    "⟹": r"\Longrightarrow", "⟸": r"\Longleftarrow", "⟺": r"\Longleftrightarrow", "⟶": r"\longrightarrow",
    "↦": r"\mapsto", "∈": r"\in", "∉": r"\notin", "∋": r"\ni", "⊂": r"\subset",
    "⊃": r"\supset", "⊆": r"\subseteq", "⊇": r"\supseteq", "≪": r"\ll", "≫": r"\gg",
    "≺": r"\prec", "≻": r"\succ", "⊥": r"\perp", "∥": r"\parallel", "∣": r"\mid",
    "≔": ":=", ":": ":", "≜": r"\triangleq",
}

# Multi-character ASCII operators, longest first.
_MULTI_OPS = [
    ("-->", "rel", r"\longrightarrow"), ("==>", "rel", r"\Longrightarrow"), ("<--", "rel", r"\longleftarrow"),
    ("<=>", "rel", r"\Leftrightarrow"), ("<->", "rel", r"\leftrightarrow"),
    ("|->", "rel", r"\mapsto"), ("...", "sym", r"\ldots"),
    ("->", "rel", r"\to"), ("=>", "rel", r"\Rightarrow"), ("<=", "rel", r"\le"),
    (">=", "rel", r"\ge"), ("!=", "rel", r"\ne"), ("==", "rel", "="), ("~=", "rel", r"\approx"),
    (":=", "rel", ":="), ("<<", "rel", r"\ll"), (">>", "rel", r"\gg"), ("**", "pow", "^"),
    ("+-", "add", r"\pm"), ("-+", "add", r"\mp"), ("||", "norm", "‖"), ("//", "mul", r"\;/\!/\;"),
]

_BIGOP_CHARS = {
    "∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∬": r"\iint", "∭": r"\iiint", "∮": r"\oint",
    "⋃": r"\bigcup", "⋂": r"\bigcap",
}
_BIGOP_WORDS = {"sum": r"\sum", "prod": r"\prod", "int": r"\int", "integral": r"\int", "lim": r"\lim"}
# Functions that take limits below them when written with "_" (argmax_θ, max_(x)).
_LIMIT_FUNCS = {
    "max": r"\max", "min": r"\min", "sup": r"\sup", "inf": r"\inf",
    "argmax": r"\operatorname*{argmax}", "argmin": r"\operatorname*{argmin}",
    "limsup": r"\limsup", "liminf": r"\liminf",
}

_SQRT_CHARS = {"√": "", "∛": "3", "∜": "4"}

_OPEN_CHARS = {"(": "(", "[": "[", "{": "{", "⟨": "<", "⌊": "floor", "⌈": "ceil"}
_CLOSE_CHARS = {")": "(", "]": "[", "}": "{", "⟩": "<", "⌋": "floor", "⌉": "ceil"}
_FENCES = {  # open key -> (plain open, plain close, \left open, \right close)
    "(": ("(", ")", r"\left(", r"\right)"),
    "[": ("[", "]", r"\left[", r"\right]"),
    "{": (r"\{", r"\}", r"\left\{", r"\right\}"),
    "<": (r"\langle ", r" \rangle", r"\left\langle ", r" \right\rangle"),
    "floor": (r"\lfloor ", r" \rfloor", r"\left\lfloor ", r" \right\rfloor"),
    "ceil": (r"\lceil ", r" \rceil", r"\left\lceil ", r" \right\rceil"),
    "|": ("|", "|", r"\left|", r"\right|"),
    "‖": (r"\|", r"\|", r"\left\|", r"\right\|"),
}

# Unicode super/subscripts -> ASCII, parsed again as a script expression.
_SUPERSCRIPTS = {
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8",
    "⁹": "9", "⁺": "+", "⁻": "-", "⁼": "=", "⁽": "(", "⁾": ")", "ⁿ": "n", "ⁱ": "i", "ᵀ": "T",
    "ᵗ": "t", "ˣ": "x", "ʸ": "y", "ᵃ": "a", "ᵇ": "b", "ᶜ": "c", "ᵈ": "d", "ᵉ": "e", "ᵏ": "k",
    "ᵐ": "m", "ᵖ": "p", "ʳ": "r", "ˢ": "s", "ᵘ": "u", "ᵛ": "v", "ʷ": "w", "ᶻ": "z", "ᴬ": "A",
    "ᴮ": "B", "ᴰ": "D", "ᴱ": "E", "ᴴ": "H", "ᴵ": "I", "ᴷ": "K", "ᴺ": "N", "ᵂ": "W",
}
_SUBSCRIPTS = {
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8",
    "₉": "9", "₊": "+", "₋": "-", "₌": "=", "₍": "(", "₎": ")", "ₐ": "a", "ₑ": "e", "ₒ": "o",
    "ₓ": "x", "ₕ": "h", "ₖ": "k", "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₚ": "p", "ₛ": "s", "ₜ": "t",
    "ᵢ": "i", "ⱼ": "j", "ᵣ": "r", "ᵤ": "u", "ᵥ": "v",
}

# Combining marks (after a letter) -> accent command.
_ACCENTS = {
    "\u0304": r"\bar", "\u0305": r"\bar", "\u0302": r"\hat", "\u0303": r"\tilde",
    "\u0307": r"\dot", "\u0308": r"\ddot", "\u20d7": r"\vec", "\u0301": r"\acute",
    "\u0300": r"\grave", "\u030c": r"\check", "\u0306": r"\breve",
}

# Functions with their own TeX command (upright, proper spacing).
_TEX_FUNCS = {
    "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "coth", "arcsin",
    "arccos", "arctan", "log", "ln", "lg", "exp", "det", "dim", "ker", "deg", "gcd", "hom",
    "arg", "max", "min", "sup", "Pr",
}

_STOPWORDS = {
    "of", "in", "to", "an", "the", "per", "by", "on", "at", "or", "and", "for", "is", "as",
    "if", "with", "from", "over", "vs", "not", "no", "all", "be", "are", "when", "else", "then", "so", "thus",
}

_POSTFIX_CHARS = {"!": "!", "'": "'", "′": "'", "″": "''", "‴": "'''", "%": r"\%", "°": r"^{\circ}"}


# --------------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------------


@dataclass
class _Tok:
    kind: str
    value: str
    space: bool  # whitespace right before this token
    pos: int
    accent: str | None = None  # ident: combining accent command
    sub: str | None = None  # ident: trailing digits (x1 -> x_1)


def _is_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _decompose(ch: str) -> tuple[str, str] | None:
    """A precomposed accented Latin letter (ā, ŷ) -> (base, combining mark), else None."""
    if ch.isascii():
        return None
    parts = unicodedata.decomposition(ch).split()
    if len(parts) == 2 and not parts[0].startswith("<"):
        try:
            base, mark = chr(int(parts[0], 16)), chr(int(parts[1], 16))
        except ValueError:
            return None
        if _is_letter(base) and mark in _ACCENTS:
            return base, mark
    return None


# chemical species written inside a formula ("M(CO2) = 44 g/mol", "2 mol H2O"): typeset upright as one symbol
_SPECIES_IN_FORMULA = re.compile(r"(?<![\w\\^_{])((?:[A-Z][a-z]?\d*){2,}|[A-Z][a-z]?\d+[A-Z][a-z]?\d*)(?![\w(])")
_PLACEHOLDER = 0xF0000  # a private-use plane: never in storyboard text (refused by _prepare)


def _species_symbols(s: str) -> tuple[str, dict[str, str]]:
    """Chemical species inside a formula replaced by one placeholder character each, with their TeX."""
    from .chemtext import chem_to_tex

    table: dict[str, str] = {}

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if not re.search(r"\d", name):
            return name  # "NaCl", "CO": could be a product of variables; only a count makes it chemistry
        tex = chem_to_tex(name)
        if tex is None:
            return name
        key = chr(_PLACEHOLDER + len(table))
        table[key] = tex
        return key

    s = _SPECIES_IN_FORMULA.sub(sub, s)

    def element(m: re.Match, space: str = "") -> str:
        from .chemtext import is_element

        if not is_element(m.group("el")):
            return m.group(0)
        key = chr(_PLACEHOLDER + len(table))
        count = m.group("n")
        table[key] = space + r"\mathrm{" + m.group("el") + (f"_{{{count}}}" if count else "") + "}"
        return m.group("pre") + key

    def aside(m: re.Match) -> str:
        words = m.group(1)
        if re.match(r"\s*=", m.string[m.end():]) and len(words.split()) < 2:
            return m.group(0)  # "Probability (Event) = …": a name's argument before its value, not a remark
        if not re.search(r"[A-Za-z]{3,}", words) or re.fullmatch(r"(?:sin|cos|tan|log|ln|exp|mod|max|min|det)\b.*", words):
            return m.group(0)
        key = chr(_PLACEHOLDER + len(table))
        if m.end() < len(s.rstrip()):
            table[key] = r"\;\text{(" + words + ")}"
        else:  # at the end of the line: set off by a quad
            table[key] = r"\quad (" + (r"\mathrm{" if " " not in words else r"\text{") + words + "})"
        return key

    # "x = y (left) to x = √y (right)": words in brackets after a space, with more of the line after them, are a
    # remark, not a function's argument (one at the end of a line is set as a remark by the parser)
    s = re.sub(r"(?<![/*×÷=]\s)(?<=\s)\(([A-Za-z][A-Za-z0-9 ,'-]{2,40})\)(?=\s+[A-Za-z0-9]|\s*$|\s*=)", aside, s)
    # "C = 12 g/mol", "10 O atoms", "10 / 2 = 5 O2": an element standing alone where the line counts atoms or
    # molar masses, or a diatomic after its coefficient — the element, upright, not a variable
    if _ATOM_COUNTING.search(s):
        # (a thin space after a count: "10 O atoms" must not read "100 atoms")
        s = _LONE_ELEMENT.sub(lambda m: element(m, r"\," if re.search(r"\d\s*$", s[:m.start()]) else ""), s)
    s = _DIATOMIC.sub(element, s)
    return s, table


_ATOM_COUNTING = re.compile(r"g/mol|\batoms?\b")
_LONE_ELEMENT = re.compile(r"(?P<pre>)(?<![\w\\^_{(])(?P<el>[A-Z][a-z]?)(?P<n>\d*)(?=\s*(?:=\s*\d[^=]*g/mol|atoms?\b))")
_DIATOMIC = re.compile(r"(?P<pre>(?<![\w.])\d+\s)(?P<el>H|N|O|F|Cl|Br|I)(?P<n>2)(?![\w(])")


_TEN_TO_SUPERSCRIPT = re.compile(r"(?<![\d.])10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?=\s*(?:" + _UNIT_RE.pattern + r"))")


def _tokenize(s: str, symbols: dict[str, str] | None = None) -> list[_Tok]:
    # "1.0 × 10⁻³ kg/m": the power of ten in superscripts is written as ^(…) so the unit after it stays the quantity's
    s = _TEN_TO_SUPERSCRIPT.sub(lambda m: "10^" + m.group(1).translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")), s)
    toks: list[_Tok] = []
    i, n = 0, len(s)
    depth = 0
    space = False
    currency = False

    def add(kind: str, value: str, pos: int, **kw) -> None:
        nonlocal space
        toks.append(_Tok(kind, value, space, pos, **kw))
        space = False

    while i < n:
        ch = s[i]
        if ch.isspace():
            space = True
            i += 1
            continue
        if symbols and ch in symbols:
            add("sym", symbols[ch], i)
            i += 1
            continue
        # a string of a call: hash('cat'), find("cow")
        lit = re.match(r"(['\"])([A-Za-z][\w ]{0,30})\1(?!\w)", s[i:]) if ch in "'\"" and (i == 0 or s[i - 1] in "(,[ ") \
            else None
        if lit:
            add("sym", "\\text{\u2018" + lit.group(2) + "\u2019}", i)
            i += lit.end()
            continue
        # "the n-th term", "k-th": an ordinal suffix on a letter, not a subtraction
        ordinal = re.match(r"-(th|st|nd|rd)\b", s[i:]) if ch == "-" and i and s[i - 1].isalpha() and (
            i < 2 or not s[i - 2].isalnum()) else None
        if ordinal:
            add("post", "\\text{-" + ordinal.group(1) + "}", i)
            i += ordinal.end()
            continue
        # multi-character ASCII operators
        matched = False
        for text, kind, value in _MULTI_OPS:
            if s.startswith(text, i):
                add(kind, value, i)
                i += len(text)
                matched = True
                break
        if matched:
            continue
        if ch.isdigit() and ch.isascii():
            j = i
            while j < n and s[j].isdigit() and s[j].isascii():
                j += 1
            mant = s[i:j]
            # thousands separators: "3,072", "1,000,000", "$1,628.89" (a comma then exactly three digits),
            # read before the decimals so that the decimals of a grouped number follow its last group
            while j + 3 < n + 1 and s[j:j + 1] == "," and s[j + 1:j + 4].isdigit() and s[j + 1:j + 4].isascii() \
                    and not (j + 4 < n and s[j + 4].isdigit()) and len(mant) <= 11:
                mant += "{,}" + s[j + 1:j + 4]
                j += 4
            if j + 1 < n and s[j] == "." and s[j + 1].isdigit() and s[j + 1].isascii():
                k = j + 1
                while k < n and s[k].isdigit() and s[k].isascii():
                    k += 1
                mant += s[j:k]
                j = k
            # scientific notation: 1e-5, 3E8
            if j < n and s[j] in "eE":
                k = j + 1
                if k < n and s[k] in "+-":
                    k += 1
                if k < n and s[k].isdigit() and s[k].isascii():
                    e0 = k
                    while k < n and s[k].isdigit() and s[k].isascii():
                        k += 1
                    sign = "-" if s[j + 1] == "-" else ""
                    add("num", f"{mant} \\times 10^{{{sign}{s[e0:k]}}}", i)
                    i = k
                    continue
            if currency:
                mant, currency = r"\$" + mant, False
            add("num", mant, i)
            i = j
            unit = _unit_at(s, j)
            if unit is not None:
                add("unit", unit[0], j)
                i = unit[1]
            continue
        if ch == "$" and i + 1 < n and s[i + 1].isdigit():
            currency = True  # "$100": a price
            i += 1
            continue
        dec = _decompose(ch)
        if _is_letter(ch) or dec:
            j = i
            word = []
            accent = None
            while j < n:
                c = s[j]
                d = _decompose(c)
                if d:
                    if word and j + 1 < n and _is_letter(s[j + 1]):
                        word.append(c)  # "Bézier", "Schrödinger": a word spelled with an accent inside it, kept whole
                        j += 1
                        continue
                    if word:  # an accented letter starts a new identifier
                        break
                    word.append(d[0])
                    accent = _ACCENTS[d[1]]
                    j += 1
                    break
                if not _is_letter(c):
                    break
                if j + 1 < n and s[j + 1] in _ACCENTS and word:
                    break  # "ab̄": "a" first, then the accented "b"
                word.append(c)
                j += 1
                if j < n and s[j] in _ACCENTS:
                    accent = _ACCENTS[s[j]]
                    j += 1
                    break
            sub = None
            if j < n and s[j].isdigit() and s[j].isascii() and accent is None:
                k = j
                while k < n and s[k].isdigit() and s[k].isascii():
                    k += 1
                sub, j = s[j:k], k
            add("ident", "".join(word), i, accent=accent, sub=sub)
            i = j
            continue
        if ch in _ACCENTS:
            raise _Fail(f"stray accent at column {i + 1}")
        if ch in _GREEK_CHARS:
            tex = _GREEK_CHARS[ch]
            if ch == "Σ":
                # Σ as summation when something follows it to sum over, else the letter (Σ⁻¹).
                k = i + 1
                nxt = s[k] if k < n else ""
                if nxt == "_" or (nxt.isspace() and re.match(r"\s+[^\s=≈<>≤≥,;)\]]", s[k:])) or _is_letter(nxt) \
                        or nxt in "(" or (nxt and nxt in "ᵢⱼₖₙₘ₀₁₂₃₄₅₆₇₈₉" and re.match(r".\s*[^\s=≈<>≤≥,;)\]]", s[k:])):
                    # ("Σ = 6": the letter; "Σⱼ e^(zⱼ)": a sum over j, its index written as a subscript)
                    add("bigop", r"\sum", i)
                    i += 1
                    continue
            accent = None
            if i + 1 < n and s[i + 1] in _ACCENTS:
                accent = _ACCENTS[s[i + 1]]
                i += 1
            add("sym", tex, i, accent=accent)
            i += 1
            continue
        if ch in _SYMBOL_CHARS:
            add("sym", _SYMBOL_CHARS[ch], i)
        elif ch in _BIGOP_CHARS:
            add("bigop", _BIGOP_CHARS[ch], i)
        elif ch in _SQRT_CHARS:
            add("sqrt", _SQRT_CHARS[ch], i)
        elif ch == "*" and toks and not space and toks[-1].kind in ("ident", "close") \
                and re.match(r"\s*(?:$|[=≈<>,;)])", s[i + 1:]):
            add("post", "^{*}", i)  # "P* = $20": an optimum, starred
        elif ch in _MUL_CHARS:
            add("mul", _MUL_CHARS[ch], i)
        elif ch in _ADD_CHARS:
            add("add", _ADD_CHARS[ch], i)
        elif ch == ":" and i > 0 and not s[i - 1].isspace() and i + 1 < n and s[i + 1] == " ":
            add("rel", "{:}\\;", i)  # "n = 50: 0.1667": a colon as written in a sentence, not a spaced relation
        elif ch in _REL_CHARS:
            add("rel", _REL_CHARS[ch], i)
        elif ch == "^":
            add("pow", "^", i)
            # "7.19 x 10^6 N/C": the unit after a power of ten is the quantity's, not a letter over a letter
            power = re.match(r"\^\s*(\{[+\-−]?\d{1,3}\}|[+\-−]?\d{1,3})", s[i:])
            if power and len(toks) >= 3 and toks[-2].kind == "num" and toks[-2].value == "10" and toks[-3].kind == "mul":
                unit = _unit_at(s, i + power.end())
                if unit is not None:
                    add("num", power.group(1).strip("{}").replace("−", "-"), i + 1)
                    add("unit", unit[0], i + power.end())
                    i = unit[1]
                    continue
        elif ch == "_":
            add("under", "_", i)
        elif ch in _OPEN_CHARS:
            depth += 1
            if depth > MAX_NESTING:
                raise _Fail(f"brackets nested deeper than {MAX_NESTING}")
            add("open", _OPEN_CHARS[ch], i)
        elif ch in _CLOSE_CHARS:
            depth -= 1
            add("close", _CLOSE_CHARS[ch], i)
        elif ch == "|":
            add("bar", "|", i)
        elif ch == "‖":
            add("norm", "‖", i)
        elif ch in ",;":
            add("sep", ch, i)
        elif ch in _POSTFIX_CHARS:
            add("post", _POSTFIX_CHARS[ch], i)
        elif ch in _SUPERSCRIPTS or ch in _SUBSCRIPTS:
            table = _SUPERSCRIPTS if ch in _SUPERSCRIPTS else _SUBSCRIPTS
            j = i
            while j < n and s[j] in table:
                j += 1
            add("sup" if table is _SUPERSCRIPTS else "sub", "".join(table[c] for c in s[i:j]), i)
            i = j
            continue
        else:
            raise _Fail(f"unexpected character {ch!r} at column {i + 1}")
        i += 1
    return _merge_phrases(toks)


_UNIT_TEX = {"Ohms": "Ω", "ohms": "Ω", "Ohm": "Ω", "ohm": "Ω", "Ω": r"\Omega", "μ": r"\mu ", "µ": r"\mu ", "·": r"\cdot ",
             "*": r"\cdot ", "⋅": r"\cdot ",
             "²": "^{2}", "^2": "^{2}", "³": "^{3}", "^3": "^{3}"}


_UNIT_MORE = re.compile(r"[/·⋅*]")  # a unit joined to the next: "mg/kg", "N·m", "N*m^2/C^2"
_UNIT_POWER = re.compile(r"(?:\^\d|[²³])?")


def _unit_ends(s: str, end: int) -> bool:
    """The unit matched up to ``end`` is a whole unit, not the start of a word ("m" of "mass")."""
    end = _UNIT_POWER.match(s, end).end()
    return end >= len(s) or not (s[end].isalnum() or s[end] in "_(")


def _unit_at(s: str, j: int) -> tuple[str, int] | None:
    """A unit right after a number at ``s[j]`` (spaces allowed): its TeX and where it ends, else None."""
    k = j
    while k < len(s) and s[k] == " ":
        k += 1
    m = _UNIT_RE.match(s, k)
    if not m:
        return None
    end = m.end()
    while (more := _UNIT_MORE.match(s, end)) is not None and (
            (u := _UNIT_RE.match(s, more.end())) is not None and _unit_ends(s, u.end())):
        end = _UNIT_POWER.match(s, u.end()).end()  # "mg/kg", "kg/m^3", "g/mL", "J/kg·K": a compound unit
    if s.startswith("/(", end) and (close := s.find(")", end)) > 0 and \
            all(_UNIT_RE.fullmatch(_UNIT_POWER.sub("", u)) for u in re.split(r"[·⋅]", s[end + 2:close])):
        end = close + 1  # "J/(mol·K)", "J/(kg·°C)": the units under the slash, bracketed
    end = _UNIT_POWER.match(s, end).end() if end == m.end() and s[end:end + 1] in "²³" else end
    over = (m2 := _OVER_NUMBER.match(s, end)) is not None and _unit_at(s, m2.end()) is not None  # "10 N / 2 kg"
    if end < len(s) and (s[end].isalnum() or s[end] in "^_(/·'") and not over:
        return None  # "2 mc^2", "3 s^2", "2 min(x)": not a unit
    unit = s[k:end]
    species_next = re.match(r"\s+[\U000F0000-\U000FFFFF]", s[end:]) is not None  # "36 g H2O": grams of water
    # "3 V + 3 V = 6 V", "6 V × 1 A": a capital unit before an operator and a number is volts, amperes …
    op_num = unit.isupper() and re.match(r"\s*[-+×·*−]\s*\d", s[end:]) is not None
    if len(unit) == 1 and not _UNIT_END.match(s, end) and not species_next and not over and not op_num:
        return None  # "2 m a", "3 s + 1": a variable
    if unit == "A" and not re.match(r"\s*(?:$|[,;=≈✓✔])", s[end:]) and not op_num:
        return None  # "I = 2.73 A" is amperes; "det(3 A) = 27" is a matrix
    if k == j and len(unit) == 1:
        return None  # "2m", "3s": a product of a number and a letter
    tex = unit
    for a, b in _UNIT_TEX.items():
        tex = tex.replace(a, b)
    return r"\mathrm{" + tex + "}", end


def _is_phrase_word(tok: _Tok, nxt: _Tok | None) -> bool:
    if tok.kind != "ident" or tok.accent or tok.sub or len(tok.value) < 2:
        return False
    if tok.value in _GREEK_NAMES:
        return False
    if len(tok.value) == 2 and tok.value.lower() not in _STOPWORDS:
        return False  # "mc", "dx", "PE": letters or an abbreviation, not prose
    # a word directly followed by "(", "_" or "^" is a function / subscripted symbol
    if nxt is not None and not nxt.space and (nxt.kind in ("under", "pow", "sup", "sub", "post")
                                                or (nxt.kind == "open" and nxt.value == "(")):
        return False
    return True


def _merge_phrases(toks: list[_Tok]) -> list[_Tok]:
    """Runs of ≥ 2 space-separated words ("Number of favorable outcomes") -> one phrase token."""
    out: list[_Tok] = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j < n and _is_phrase_word(toks[j], toks[j + 1] if j + 1 < n else None) \
                and (j == i or toks[j].space):
            j += 1
        run = toks[i:j]
        content = [t for t in run if t.value.lower() not in _STOPWORDS]
        if len(run) >= 2 and content:
            words = " ".join(t.value for t in run)
            out.append(_Tok("phrase", words, run[0].space, run[0].pos))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return out


# --------------------------------------------------------------------------------------------
# Parser -> TeX
# --------------------------------------------------------------------------------------------


class _Node:
    """A parsed piece: its TeX, a kind, whether it is tall (needs \\left/\\right fences)."""

    __slots__ = ("tex", "kind", "tall", "inner", "fence", "inner_kind", "marks")

    def __init__(self, tex: str, kind: str, tall: bool = False, inner: str | None = None,
                 fence: str | None = None, inner_kind: str | None = None, marks: str = ""):
        self.tex = tex
        self.kind = kind
        self.tall = tall
        self.inner = inner
        self.fence = fence
        self.inner_kind = inner_kind
        self.marks = marks  # scripts already attached at the top level: "_", "^", "'"


_ATOM_START = {"num", "ident", "sym", "bigop", "sqrt", "open", "norm", "phrase", "sup", "sub", "unit"}
_WORDY = {"word", "text"}


def _script(node: _Node | str, mark: str) -> str:
    """``^{...}`` / ``_...`` for a script operand: group parentheses dropped; a superscript is
    always braced (``K^{T}``), a one-character subscript is not (``d_k``)."""
    if isinstance(node, str):
        tex = node
    else:
        tex = node.inner if node.kind == "group" and node.fence in ("(", "{") else node.tex
    if mark == "_" and len(tex) == 1 and tex.isalnum():
        return "_" + tex
    return mark + "{" + tex + "}"


def _unparen(node: _Node) -> str:
    if node.kind == "group" and node.fence in ("(", "{"):
        return node.inner or ""
    return node.tex


def _fence(key: str, inner: _Node) -> _Node:
    o, c, lo, rc = _FENCES[key]
    tex = (lo + inner.tex + rc) if inner.tall else (o + inner.tex + c)
    return _Node(tex, "group", inner.tall, inner=inner.tex, fence=key, inner_kind=inner.kind)


class _Parser:
    def __init__(self, toks: list[_Tok], src: str = ""):
        self.toks = toks
        self.src = src
        self.i = 0
        self.depth = 0
        self.script = 0  # > 0 inside ^ / _ : "/" stays an inline slash
        self.abs = 0  # > 0 inside |...| : "|" closes instead of meaning "given"
        self.integral = 0  # > 0 inside the body of an integral: "dx" gets a thin space
        self.bare_sub = False  # the next identifier is a subscript written without braces: "V_C(t)" is V_C of t

    # -- token helpers ---------------------------------------------------------------------
    def _next_abs(self, tok: _Tok, last: _Node) -> bool:
        """"|a| |b|": a bar right after an absolute value opens the next one (when one closes it), not "given"."""
        if tok.kind != "bar" or self.abs or not (last.fence == "|" or last.kind == "num"):
            return False
        after = [self.peek(k) for k in range(1, 8)]
        return after[0] is not None and after[0].kind not in ("bar", "rel", "close", "add", "mul") and any(
            a is not None and a.kind == "bar" for a in after[1:])

    def peek(self, k: int = 0) -> _Tok | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def next(self) -> _Tok:
        tok = self.peek()
        if tok is None:
            raise _Fail("unexpected end of formula")
        self.i += 1
        return tok

    def expect_close(self, fence: str) -> None:
        tok = self.peek()
        if tok is None or tok.kind != "close" or tok.value != fence:
            raise _Fail(f"missing closing bracket for {fence!r}")
        self.i += 1

    def parse(self) -> str:
        if not self.toks:
            raise _Fail("empty formula")
        node = self.list_()
        tok = self.peek()
        if tok is not None:
            raise _Fail(f"cannot read {self.show(tok)!r} at column {tok.pos + 1}")
        return node.tex

    def show(self, tok: _Tok) -> str:
        return self.src[tok.pos] if tok.pos < len(self.src) else tok.value

    # -- grammar ---------------------------------------------------------------------------
    def list_(self) -> _Node:
        parts = [self.relation()]
        while (tok := self.peek()) is not None and tok.kind == "sep":
            self.next()
            parts.append(self.relation())
        if len(parts) == 1:
            return parts[0]
        return _Node(", ".join(p.tex for p in parts), "list", any(p.tall for p in parts))

    def relation(self) -> _Node:
        parts = [self.additive()]
        while (tok := self.peek()) is not None and (tok.kind == "rel" or (tok.kind == "bar" and not self.abs)):
            self.next()
            op = tok.value if tok.kind == "rel" else r"\mid"
            parts.append(_Node(op, "rel"))
            parts.append(self.additive())
        if len(parts) == 1:
            return parts[0]
        return _Node(" ".join(p.tex for p in parts), "expr", any(p.tall for p in parts))

    def signs(self) -> str:
        out = ""
        while (tok := self.peek()) is not None and tok.kind == "add":
            self.next()
            out += tok.value if tok.value in "+-" else tok.value + " "
        return out

    def additive(self) -> _Node:
        after_colon = self.i > 0 and self.toks[self.i - 1].kind == "rel" and self.toks[self.i - 1].value.startswith("{:}")
        lead = self.signs()
        if after_colon and lead.strip() in ("-", "+"):
            lead = "{" + lead.strip() + "}"  # "R1: −2·I1": a sign after a colon belongs to its number
        nxt = self.peek()
        if lead.strip() and set(lead.strip()) <= {"+", "-"} and (nxt is None or nxt.kind in ("bar", "close", "sep", "rel")):
            return _Node("{" + lead.strip() + "}", "sym")  # "P(+ | D)", "P(D | ++)": the signs are the events
        first = self.term()
        tex, tall = lead + first.tex, first.tall
        count = 1
        while (tok := self.peek()) is not None and tok.kind == "add":
            self.next()
            after = self.peek()
            if after is not None and (after.kind in ("rel", "sep", "close") or after.kind == "bar" and (
                    self.abs or not any(t.kind == "bar" for t in self.toks[self.i + 1:]))):
                tex += " {" + tok.value + "}"  # "D and +: 0.01 × 0.95": the sign names an outcome
                count += 1
                break
            sign = self.signs()
            t = self.term()
            tex += f" {tok.value} {sign}{t.tex}"
            tall = tall or t.tall
            count += 1
        if count == 1 and not lead:
            return first
        return _Node(tex, "expr", tall)

    def term(self) -> _Node:
        acc = self.factor()
        last = acc  # the last factor (for "*" between two numbers -> \times)
        before = None  # (tex, separator) of what precedes `last` when a word stands before it ("each gets 15")
        while (tok := self.peek()) is not None:
            if self._is_times_x(tok, last):
                self.next()
                right = self.factor()
                acc = _Node(f"{acc.tex} \\times {right.tex}", "expr", acc.tall or right.tall)
                last = right
            elif tok.kind == "mul":
                quantities = tok.value == "/" and self.i and self.toks[self.i - 1].kind == "unit" and (
                    (a := self.peek(1)) is not None and a.kind == "num"
                    and (b := self.peek(2)) is not None and b.kind == "unit")
                self.next()
                right = self.factor()
                if quantities:
                    unit = self._atom()  # "10 N / 2 kg": each unit belongs to its number, 10 N over 2 kg
                    right = _Node(f"{right.tex} \\, {unit.tex}", "expr", right.tall)
                if tok.value == "/":
                    if self.script:
                        acc = _Node(f"{acc.tex}/{right.tex}", "expr", acc.tall or right.tall)
                    elif before is not None:  # "each gets 15 / 2", "times 4/π": the words are not the numerator
                        acc = _Node(before[0] + before[1] + rf"\frac{{{_unparen(last)}}}{{{_unparen(right)}}}", "expr",
                                    True)
                    else:
                        acc = _Node(rf"\frac{{{_unparen(acc)}}}{{{_unparen(right)}}}", "frac", True)
                else:
                    op = tok.value
                    if op == "*":
                        op = r"\times" if last.kind == "num" and right.kind == "num" else r"\cdot"
                    acc = _Node(f"{acc.tex} {op} {right.tex}", "expr", acc.tall or right.tall)
                last, before = right, None
            elif tok.kind in _ATOM_START and not (tok.kind == "open" and tok.value == "{" and self.script) \
                    and not (tok.kind == "norm" and self.abs) or self._next_abs(tok, last):
                right = self.factor()
                sep = " "
                if right.kind == "diff" or (right.kind != "group" and (last.kind in _WORDY or right.kind in _WORDY)):
                    sep = r" \, "
                elif last.kind == "num" and right.kind == "num":
                    sep = r" \ "  # "1 00000000", "1 000 000": digits set apart as written, no product the text does not say
                elif tok.kind == "open" and tok.value in ("(", "[") and not tok.space:
                    sep = ""  # f'(x), σ(z), cos^2(x), E[X]^2
                if tok.kind == "open" and tok.value == "(" and tok.space and right.kind == "group" and (
                        right.inner_kind in ("text", "word") or re.search(r"(?<![\\<>!])=|\\approx", right.inner or "")):
                    sep = r" \quad "  # "y = 3x - 2 (h = 1)", "-92 kJ/mol (exothermic)": a remark beside, not a factor
                elif last.kind == "num" and right.tex[:1].isalpha():
                    sep = ""  # 4x, 2i
                if last.tex.endswith("?") and tok.space:
                    sep = r" \quad "  # "e = 2? gcd(2, 20) = 2": a question, then its check
                wordy = before is not None or last.kind in _WORDY or acc.kind in _WORDY
                before = (acc.tex, sep) if wordy and right.kind not in _WORDY else None
                acc = _Node(acc.tex + sep + right.tex, "expr", acc.tall or right.tall)
                last = right
            else:
                break
        return acc

    def _is_times_x(self, tok: _Tok, last: _Node) -> bool:
        """"3 x 4", "P x r x t", "(p - 1) x (q - 1)": a spaced-out letter x between two operands — numbers,
        single letters other than x, brackets — is a multiplication sign."""
        nxt = self.peek(1)
        if not (tok.kind == "ident" and tok.value == "x" and tok.space and not tok.sub and nxt is not None
                and nxt.space):
            return False
        left = last.kind in ("num", "word") or (last.kind == "letter" and last.tex not in ("x", "")) \
            or (last.kind == "script" and last.tex[:1].isdigit()) \
            or last.tex.startswith(r"\mathrm{") \
            or last.tex.endswith(")") or last.kind in ("frac", "group")  # "3 x 4", "1 mol x 3", "(p - 1) x (q - 1)"
        right = nxt.kind == "num" or nxt.kind == "open" or (nxt.kind == "ident" and len(nxt.value) == 1
                                                            and nxt.value != "x")
        # "5730 x log2(4)", "(t/5730) x ln(0.5)": a function after it, and no other x in the formula — a times sign
        alone = sum(1 for t in self.toks if t.kind == "ident" and t.value == "x") == 1
        right = right or (alone and nxt.kind == "ident" and nxt.value in _TEX_FUNCS | {"log2", "log10"})
        return left and right

    def factor(self) -> _Node:
        sign = self.signs()
        node = self.postfix()
        if sign:
            return _Node(sign + node.tex, "expr", node.tall)
        return node

    def script_operand(self, mark: str) -> _Node:
        """The operand of ^ or _: a signed atom; after ^ with its own scripts ("e^-x^2" is
        e^{-x^{2}}), after _ without ("x_i^2" is x_i^{2}, "sum_(i=1)^n" is \\sum_{i=1}^{n})."""
        self.script += 1
        self.depth += 1
        if self.depth > MAX_NESTING + 10:
            raise _Fail(f"formula nested deeper than {MAX_NESTING}")
        try:
            tok = self.peek()
            if tok is not None and tok.kind == "open" and tok.value == "{":
                self.next()
                if (t := self.peek()) is not None and t.kind == "close" and t.value == "{":
                    raise _Fail("empty {} in a script")
                inner = self.list_()
                self.expect_close("{")
                return _Node("{" + inner.tex + "}", "group", inner.tall, inner=inner.tex, fence="{")
            after = self.peek(1)
            if mark == "^" and tok is not None and tok.kind == "add" and tok.value in "+-" and (
                    after is None or after.kind in ("close", "rel", "sep", "bar")):
                self.next()
                return _Node(tok.value, "sym")  # "x → 0^+": a side, a sign with nothing after it
            if mark == "^":
                return self.factor()
            sign = self.signs()
            self.bare_sub = tok is not None and tok.kind == "ident"
            node = self.postfix(scripts=False)
            return _Node(sign + node.tex, "expr", node.tall, inner=node.inner, fence=None if sign else node.fence) if sign else node
        finally:
            self.script -= 1
            self.depth -= 1

    def postfix(self, base: _Node | None = None, scripts: bool = True) -> _Node:
        node = base if base is not None else self.atom()
        applied = False
        while (tok := self.peek()) is not None:
            if tok.kind in ("pow", "under", "sup", "sub") and scripts and not (tok.kind in ("sup", "sub") and tok.space):
                self.next()
                mark = "^" if tok.kind in ("pow", "sup") else "_"
                if tok.kind in ("pow", "under"):
                    operand = self.script_operand(mark)
                    arg = _script(operand, mark)
                    after = self.peek()
                    if mark == "^" and node.kind == "letter" and node.tex != "e" and operand.kind == "group" and \
                            operand.fence == "(" and re.fullmatch(r"[A-Za-z0-9]{1,2}|[a-z]\s*[-+]\s*1", operand.inner or "") \
                            and after is not None and after.kind == "open" and after.value == "(" and not after.space:
                        arg = "^{(" + (operand.inner or "") + ")}"  # "f^(n)(0)": the n-th derivative, its order bracketed
                else:
                    arg = _script(_sub_parse(tok.value), mark)
                node = self._attach(node, mark, arg)
            elif tok.kind == "post":
                self.next()
                mark = "'" if tok.value.startswith("'") else ("^" if tok.value.startswith("^") else "")
                node = self._attach(node, mark, tok.value)
            else:
                break
            applied = True
        if not applied and node.kind == "group" and node.fence == "(" and node.inner_kind == "frac":
            return _Node(node.inner or "", "frac", True)  # "(1/n) Σ x_i": the parentheses only grouped
        return node

    @staticmethod
    def _attach(node: _Node, mark: str, script: str) -> _Node:
        """Attach a script; a second ^ or _ (x_a_b, x^2') braces what is there first."""
        marks = node.marks
        clash = bool(mark) and (mark in marks or (mark == "'" and "^" in marks))
        tex = "{" + node.tex + "}" if clash else node.tex
        marks = "" if clash else marks
        return _Node(tex + script, "script", node.tall, marks=marks + mark)

    def atom(self) -> _Node:
        self.depth += 1
        if self.depth > MAX_NESTING + 10:
            raise _Fail(f"formula nested deeper than {MAX_NESTING}")
        try:
            return self._atom()
        finally:
            self.depth -= 1

    def group(self, fence: str) -> _Node:
        """After an opening bracket: the list inside and the closing bracket."""
        saved_abs, self.abs = self.abs, 0
        try:
            tok = self.peek()
            if tok is not None and tok.kind == "close" and tok.value == fence:
                self.next()
                return _fence(fence, _Node("", "empty"))
            inner = self.list_()
            self.expect_close(fence)
        finally:
            self.abs = saved_abs
        return _fence(fence, inner)

    def _atom(self) -> _Node:
        tok = self.next()
        kind = tok.kind
        if kind == "num":
            return _Node(tok.value, "num")
        if kind == "sym":
            tex = tok.value
            if tok.accent:
                tex = f"{tok.accent}{{{tex}}}"
            nxt = self.peek()
            if tex == r"\partial" and nxt is not None and not nxt.space and nxt.kind in ("ident", "sym"):
                arg = self.postfix()  # ∂L/∂w: the ∂ belongs to its variable
                return _Node(r"\partial " + arg.tex, "sym", arg.tall)
            return _Node(tex, "sym")
        if kind == "phrase":
            return _Node(r"\text{" + tok.value + "}", "text")
        if kind == "unit":
            return _Node(tok.value, "word")
        if kind == "open":
            if tok.value == "{" and self.script:
                inner = self.list_()
                self.expect_close("{")
                return _Node("{" + inner.tex + "}", "group", inner.tall, inner=inner.tex, fence="{")
            return self.group(tok.value)
        if kind in ("bar", "norm"):
            key = "|" if kind == "bar" else "‖"
            self.abs += 1
            try:
                inner = self.relation()
            finally:
                self.abs -= 1
            close = self.peek()
            if close is None or close.kind != kind:
                raise _Fail(f"missing closing {key!r}")
            self.next()
            return _fence(key, inner)
        if kind == "sqrt":
            arg = self.postfix()
            index = f"[{tok.value}]" if tok.value else ""
            return _Node(rf"\sqrt{index}{{{_unparen(arg)}}}", "sqrt", arg.tall)
        if kind == "bigop":
            return self.bigop(tok.value)
        if kind in ("sup", "sub"):
            nxt = self.peek()
            if nxt is not None and not nxt.space and nxt.kind in ("ident", "sym", "sup", "sub"):
                # "¹⁴C", "²³⁵U", "₆¹⁴C": scripts written before an atom (a nuclide), set before it
                mark = "^" if kind == "sup" else "_"
                atom = self.atom()
                body = rf"\mathrm{{{atom.tex}}}" if re.fullmatch(r"[A-Z][a-z]?", atom.tex) else atom.tex  # an element
                return _Node(f"{{}}{mark}{{{tok.value}}}" + body, "ident", atom.tall)
            raise _Fail(f"super/subscript with nothing before it at column {tok.pos + 1}")
        if kind == "ident":
            return self.identifier(tok)
        raise _Fail(f"cannot read {self.show(tok)!r} at column {tok.pos + 1}")

    def limits(self) -> tuple[str, str]:
        out = ""
        used = ""
        for _ in range(2):
            tok = self.peek()
            if tok is None:
                break
            if ("^" if tok.kind in ("pow", "sup") else "_") in used:
                break
            used += "^" if tok.kind in ("pow", "sup") else "_"
            if tok.kind in ("pow", "under"):
                self.next()
                mark = "^" if tok.kind == "pow" else "_"
                out += _script(self.script_operand(mark), mark)
            elif tok.kind in ("sup", "sub") and not tok.space:
                self.next()
                mark = "^" if tok.kind == "sup" else "_"
                out += _script(_sub_parse(tok.value), mark)
            else:
                break
        return out, used

    def bigop(self, op: str) -> _Node:
        lim, used = self.limits()
        if op == r"\lim" and not lim:
            lim = self.prose_limit() or lim  # "lim x→2 (x^2 - 4)/(x - 2)": the limit written without "_"
        tok = self.peek()
        integral = "int" in op
        if tok is None or tok.kind not in _ATOM_START and tok.kind not in ("add",):
            return _Node(op + lim, "bigop", True, marks=used)  # "Σ" alone, or "∫" before ")"
        self.integral += integral
        try:
            body = self.term() if tok.kind != "add" else self.factor()
        finally:
            self.integral -= integral
        gap = r" \, " if op.startswith(r"\operatorname") else " "
        return _Node(f"{op}{lim}{gap}{body.tex}", "bigop", True)

    def prose_limit(self) -> str:
        """`x → 2`, `n -> ∞`, `x → -1` right after "lim": its subscript."""
        a, arrow, b = self.peek(), self.peek(1), self.peek(2)
        if a is None or arrow is None or b is None or a.kind != "ident" or len(a.value) != 1:
            return ""
        if arrow.kind != "rel" or arrow.value != r"\to":
            return ""
        k, sign = 2, ""
        if b.kind == "add" and b.value in ("-", "+"):
            sign, k = b.value, 3
            b = self.peek(3)
        if b is None or b.kind not in ("num", "ident", "sym"):
            return ""
        for _ in range(k + 1):
            self.next()
        target = b.value if b.kind != "ident" or len(b.value) == 1 else _Node(b.value, "x").tex
        return "_{" + a.value + r" \to " + sign + target + "}"

    def _leibniz(self, tok: _Tok) -> bool:
        """"dx" in "d/dx(x^3)" or "dy/dx (x^2 + 1)": the variable of a derivative, not a function called on the
        bracket after it (the bracket is what is differentiated)."""
        k = self.i - 1  # the identifier was just read
        if len(tok.value) != 2 or tok.value[0] != "d" or tok.sub or k < 2 or self.toks[k] is not tok:
            return False
        slash, top = self.toks[k - 1], self.toks[k - 2]
        return slash.kind == "mul" and slash.value == "/" and top.kind == "ident" and top.value[:1] == "d" \
            and len(top.value) <= 2

    def identifier(self, tok: _Tok) -> _Node:
        name = tok.value
        nxt = self.peek()
        bare_sub, self.bare_sub = self.bare_sub, False
        call = nxt is not None and nxt.kind == "open" and nxt.value == "(" and not self._leibniz(tok) and not (
            bare_sub and len(name) <= 2)  # "V_C(t)", "P_n(1)": the bracket belongs to the subscripted name
        after_prime = self.peek(1)
        primed = len(name) == 1 and nxt is not None and nxt.kind == "post" and nxt.value.startswith("'") and \
            after_prime is not None and after_prime.kind == "open" and after_prime.value == "(" and not after_prime.space
        under = nxt is not None and nxt.kind == "under" and not nxt.space
        if tok.accent:
            if len(name) != 1:
                raise _Fail(f"accent on {name!r}")
            node = _Node(f"{tok.accent}{{{name}}}", "letter")
        elif name in _BIGOP_WORDS and (under or call or name in ("lim", "integral") or tok.sub is None and nxt is not None and nxt.kind in _ATOM_START):
            return self.bigop(_BIGOP_WORDS[name])
        elif name in _LIMIT_FUNCS and under:
            return self.bigop(_LIMIT_FUNCS[name])
        elif name in ("sqrt", "cbrt") and nxt is not None and nxt.kind in _ATOM_START:
            arg = self.postfix()
            index = "[3]" if name == "cbrt" else ""
            return _Node(rf"\sqrt{index}{{{_unparen(arg)}}}", "sqrt", arg.tall)
        elif call and name in ("abs", "norm", "floor", "ceil"):
            self.next()
            inner = self.group("(")
            key = {"abs": "|", "norm": "‖"}.get(name, name)
            return self.postfix(_fence(key, _Node(inner.inner or "", "expr", inner.tall)))
        elif name in _GREEK_NAMES:
            node = _Node("\\" + name, "sym")
        elif name in ("infty", "infinity") or (name == "inf" and not call and not under):
            node = _Node(r"\infty", "sym")
        elif name in ("nabla", "partial"):
            node = _Node("\\" + name, "sym")
        elif name in _TEX_FUNCS or name == "inf":
            node = _Node("\\" + name, "func")
        elif len(name) == 1:
            node = _Node(name, "letter")
        elif call:
            node = _Node(r"\operatorname{" + name + "}", "func")
        elif name.lower() in _STOPWORDS:
            # a space on each side, not after a bracket or "|" nor before a closing one: "P(not D)", "P(+ | not D)"
            k = self.i - 1 if self.i and self.toks[self.i - 1] is tok else None
            lead = "" if k == 0 or (k and self.toks[k - 1].kind in ("open", "bar", "rel")) else " "
            trail = "" if nxt is not None and nxt.kind in ("close", "bar", "rel") else " "
            node = _Node(r"\text{" + lead + name + trail + "}", "stop")
        elif len(name) == 2:
            if self.integral and name[0] == "d":
                node = _Node("d" + name[1], "diff")  # ∫ f(x) dx: a thin space before dx
            else:
                node = _Node(name, "letter")  # "mc" in E = mc^2: a product of letters
        elif len(name) <= 4 and (re.search(r"[a-z][A-Z]", name) or not re.search(r"[aeiouy]", name, re.I)):
            node = _Node(name, "letter")  # "nRT" in PV = nRT, "mgh", "NkT": a product of letters, no word
        else:
            node = _Node(r"\mathrm{" + name + "}", "word")
        if tok.sub:
            node = _Node(node.tex + _script(tok.sub, "_"), node.kind, marks="_")
        if primed:  # "f′(xₙ)": the derivative called on its argument, one operand (of a fraction: "f(xₙ) / f′(xₙ)")
            self.next()
            args = (self.next(), self.group("("))[1]
            return _Node(node.tex + nxt.value + args.tex, "call", args.tall)
        if call:
            self.next()
            args = self.group("(")
            return _Node(node.tex + args.tex, "call", args.tall)
        return node


def _sub_parse(ascii_text: str) -> str:
    """Parse the ASCII spelled by Unicode super/subscripts (x⁻¹ -> "-1")."""
    p = _Parser(_tokenize(ascii_text), ascii_text)
    p.script = 1
    return p.parse()


# --------------------------------------------------------------------------------------------
# TeX pass-through
# --------------------------------------------------------------------------------------------

_TEX_COMMANDS = frozenset(
    """
    alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi
    pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta
    Lambda Xi Pi Sigma Upsilon Phi Psi Omega
    frac dfrac tfrac cfrac sqrt binom left right middle big Big bigg Bigg bigl bigr Bigl Bigr
    biggl biggr Biggl Biggr text textrm textbf textit mathrm mathbf mathit mathcal mathbb mathsf
    mathtt mathfrak boldsymbol bm operatorname overline underline overbrace underbrace hat bar
    tilde vec dot ddot widehat widetilde overrightarrow overleftarrow acute grave check breve
    begin end limits nolimits displaystyle textstyle quad qquad color cdot times div pm mp ast
    star circ bullet oplus otimes odot cap cup wedge vee setminus le leq ge geq ne neq approx
    equiv sim simeq cong propto ll gg prec succ subset subseteq supset supseteq in notin ni perp
    parallel mid nmid to rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow
    longrightarrow longleftarrow Longrightarrow xrightarrow xleftarrow mapsto implies iff uparrow downarrow infty
    partial nabla forall exists neg lnot emptyset varnothing ell hbar Re Im aleph prime angle
    triangle ldots cdots vdots ddots dots sum prod coprod int iint iiint oint bigcup bigcap
    bigoplus bigotimes lim limsup liminf max min sup inf arg det dim ker gcd deg hom Pr exp log
    ln lg sin cos tan sec csc cot sinh cosh tanh coth arcsin arccos arctan langle rangle lfloor
    rfloor lceil rceil lvert rvert lVert rVert vert Vert not stackrel overset underset pmod bmod
    mod boxed colon dagger top bot land lor therefore because cancel square checkmark
    """.split()
)
_CHEM_WORD = re.compile(r"(?<![\w.\-/])((?:[A-Z][a-z]?\d*){1,6})(?![\w\-/])")
_SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _chem_subscripts(m: re.Match) -> str:
    """A chemical formula written with plain digits ("CO2", "C6H12O6") with its counts as subscripts; anything
    else as it is (one element, "B2B", "MP3", "R2": a name, not a formula)."""
    from .chemtext import is_element

    word = m.group(1)
    parts = re.findall(r"([A-Z][a-z]?)(\d*)", word)
    if not re.search(r"\d", word) or not all(is_element(el) for el, _ in parts):
        return word
    if len({el for el, _ in parts}) < 2 and word not in ("O2", "H2", "N2", "Cl2", "O3", "F2", "Br2", "I2"):
        return word
    return "".join(el + n.translate(_SUBSCRIPT_DIGITS) for el, n in parts)


# Greek letters a text spells out that are no English words ("center mu and spread sigma"); "alpha", "beta", "pi",
# "delta" … are left as written
_NAMED_GREEK = re.compile(r"(?<![A-Za-z\\])(?:mu|sigma|lambda|theta|epsilon|omega|phi|psi|rho|tau)(?![A-Za-z])")


def plain_text(s: str) -> str:
    """Text that will be drawn as it is (not typeset), with the LaTeX a model wrote inside it made readable:
    "Why Is the Area of a Circle \\pi r^2?" -> "Why Is the Area of a Circle π r²?", "If \\alpha > 1" -> "If α > 1",
    "\\frac{1}{2} \\times 2\\pi r" -> "1/2 × 2π r"; $ delimiters dropped ("$1000" keeps its dollar); an arrow typed
    "->" drawn →, chemical formulas with subscripts ("CO2" -> "CO₂"). Text with none of these is returned as it is."""
    if re.search(r"[A-Z][a-z]?\d", s):  # "H2O", "CO2", "C3H8" in a sentence: the subscripts chemistry writes
        s = _CHEM_WORD.sub(_chem_subscripts, s)
    if _LABELLED_ARROW.search(s):  # "--light-->": an arrow with its condition over it
        s = _LABELLED_ARROW.sub(lambda m: " \u2014" + (m.group(1) or m.group(2)).strip() + "\u2192 ", s)
        s = re.sub(r"[ \t]{2,}", " ", s)
    if "->" in s:  # "3 C on left -> need 3 CO2": the arrow it means
        s = re.sub(r"(?<=[\w)\]\s])\s*(?<![-<])--?>(?![->])\s*(?=[\w(\[$\s])", " \u2192 ", s)
    # "n >= 30", "p <= 0.05", "a != b": the signs meant; "sigma / sqrt(n)", "center mu": the letters and the root
    s = re.sub(r"(?<=[\w)\s])(>=|<=|!=)(?=[\s\w(-])", lambda m: {">=": "≥", "<=": "≤", "!=": "≠"}[m.group(1)], s)
    s = re.sub(r"\bsqrt\(([^()]{1,12})\)", lambda m: "√" + (m.group(1) if re.fullmatch(r"\w+", m.group(1))
                                                            else f"({m.group(1)})"), s)
    s = _NAMED_GREEK.sub(lambda m: _GREEK_LETTER[m.group(0)], s)
    if "\\" not in s and "$" not in s and "^" not in s:
        return s
    # $…$ around maths is dropped; a dollar sign before a number ("$1000", "Balance ($)") is money, kept
    out = re.sub(r"(?<!\\)\$\$(.+?)\$\$", r"\1", s)
    out = re.sub(r"(?<![\\\w])\$(?=[^\s\d$])((?:[^$]*?[^\s$\\])?)\$(?!\d)", r"\1", out).replace("\\$", "\x00")
    for _ in range(4):  # ends: nested fractions and roots, a few levels at most
        new = re.sub(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", lambda m: f"{_paren(m.group(1))}/{_paren(m.group(2))}", out)
        new = re.sub(r"\\sqrt\s*\{([^{}]*)\}", lambda m: "√" + _paren(m.group(1)), new)
        new = re.sub(r"\\(?:text|mathrm|textbf|mathbf|operatorname|mbox|mathit)\s*\{([^{}]*)\}", r"\1", new)
        if new == out:
            break
        out = new
    out = re.sub(r"\\[,;:! ]", " ", out)
    out = re.sub(r"(?<=[\w)}\]])\^(?:\{([0-9n+\-]{1,4})\}|([0-9]{1,4}|[a-pr-z])\b)",
                 lambda m: "".join(_SUPERSCRIPT[c] for c in (m.group(1) or m.group(2))), out)  # x^2 -> x², 2^{10} -> 2¹⁰
    out = re.sub(r"_\{([^{}]{1,8})\}", r"_\1", out)

    out = re.sub(r"\\([A-Za-z]+)", lambda m: _PLAIN_COMMANDS.get(m.group(1), m.group(0)), out)
    out = out.replace("\x00", "$")
    return re.sub(r"[ \t]{2,}", " ", out).strip() if out.strip() else s


def _paren(x: str) -> str:
    x = x.strip()
    return x if re.fullmatch(r"[\w.\\]+", x) else f"({x})"


_SUPERSCRIPT = {"0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
                "n": "ⁿ", "+": "⁺", "-": "⁻", **dict(zip("abcdefghijklmoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))}


def _plain_commands() -> dict[str, str]:
    table = {tex[1:]: ch for tables in (_GREEK_CHARS, _SYMBOL_CHARS, _MUL_CHARS, _REL_CHARS)
             for ch, tex in tables.items() if tex.startswith("\\") and re.fullmatch(r"\\[A-Za-z]+", tex)}
    table.update({"epsilon": "ε", "phi": "φ", "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥",
                  "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "to": "→", "rightarrow": "→", "Rightarrow": "⇒",
                  "infty": "∞", "pm": "±", "int": "∫", "sum": "Σ", "prod": "∏", "partial": "∂", "Delta": "Δ",
                  "sqrt": "√", "circ": "°", "degree": "°", "ldots": "…", "cdots": "⋯", "quad": " ", "qquad": " ",
                  "left": "", "right": "", "displaystyle": "", "boxed": "", "checkmark": "✓", "sin": "sin",
                  "cos": "cos", "tan": "tan", "log": "log", "ln": "ln", "exp": "exp", "lim": "lim", "max": "max",
                  "min": "min", "det": "det"})
    return table


_PLAIN_COMMANDS = _plain_commands()


def tex_commands() -> frozenset[str]:
    """The TeX command names sbc knows (without the backslash)."""
    return _TEX_COMMANDS


_TEX_ENVIRONMENTS = frozenset(
    "matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix cases aligned align* array smallmatrix".split()
)
_TEX_ESCAPES = set("{}|,;:!%_&#$ \\")


_TEX_TWO_ARGS = frozenset("frac dfrac tfrac cfrac binom stackrel overset underset".split())
_TEX_ONE_ARG = frozenset(
    """sqrt text textrm textbf textit mathrm mathbf mathit mathcal mathbb mathsf mathtt mathfrak
    boldsymbol bm operatorname overline underline overbrace underbrace hat bar tilde vec dot ddot
    widehat widetilde overrightarrow overleftarrow acute grave check breve color boxed cancel
    pmod not xrightarrow xleftarrow""".split()
)
_TEX_DELIMS = ("(", ")", "[", "]", "|", ".", "/", "<", ">", "\\{", "\\}", "\\|", "\\langle",
               "\\rangle", "\\lvert", "\\rvert", "\\lVert", "\\rVert", "\\vert", "\\Vert",
               "\\lfloor", "\\rfloor", "\\lceil", "\\rceil", "\\uparrow", "\\downarrow")


def _skip_arg(s: str, j: int) -> int | None:
    """Index just past one TeX argument starting at ``s[j]`` (after spaces), None if missing."""
    n = len(s)
    while j < n and s[j] == " ":
        j += 1
    if j >= n or s[j] in "}&^_":
        return None
    if s[j] == "{":
        depth = 0
        for k in range(j, n):
            depth += {"{": 1, "}": -1}.get(s[k], 0) if (k == 0 or s[k - 1] != "\\") else 0
            if depth == 0:
                return k + 1
        return None
    if s[j] == "\\":
        k = j + 1
        while k < n and _is_letter(s[k]):
            k += 1
        name = s[j + 1:k]
        if name in ("end", "right") or (not name and (k >= n or s[k] == "\\")):
            return None
        return k if name else k + 1
    return j + 1


def _check_tex(s: str) -> str:
    """Accept TeX that only uses whitelisted math commands and is structurally sound."""
    depth = 0
    i, n = 0, len(s)
    lefts = 0
    envs: list[str] = []
    while i < n:
        ch = s[i]
        if ch == "\\":
            j = i + 1
            while j < n and _is_letter(s[j]):
                j += 1
            name = s[i + 1:j]
            if not name:
                if j >= n or s[j] not in _TEX_ESCAPES:
                    raise _Fail(f"unsupported TeX escape at column {i + 1}")
                if s[j] == "\\" and not envs:
                    raise _Fail("line break '\\\\' outside an environment")
                i = j + 1
                continue
            if j < n and s[j] == "*" and name == "operatorname":
                j += 1
            if name not in _TEX_COMMANDS:
                raise _Fail(f"unsupported TeX command \\{name}")
            if name in ("begin", "end"):
                k = s.find("}", j)
                if j >= n or s[j] != "{" or k < 0 or s[j + 1:k] not in _TEX_ENVIRONMENTS:
                    raise _Fail(f"unsupported or missing TeX environment after \\{name}")
                env = s[j + 1:k]
                if name == "begin":
                    envs.append(env)
                elif not envs or envs.pop() != env:
                    raise _Fail(f"\\end{{{env}}} does not match a \\begin")
                i = k + 1
                continue
            if name in ("left", "right", "middle"):
                k = j
                while k < n and s[k] == " ":
                    k += 1
                if not any(s.startswith(d, k) for d in _TEX_DELIMS):
                    raise _Fail(f"\\{name} without a delimiter")
                lefts += (name == "left") - (name == "right")
                if lefts < 0:
                    raise _Fail("\\right without \\left")
            if name == "sqrt" and j < n and s[j] == "[":
                k = s.find("]", j)
                if k < 0:
                    raise _Fail("unclosed [ after \\sqrt")
                j = k + 1
            if name in _TEX_TWO_ARGS or name in _TEX_ONE_ARG:
                k = _skip_arg(s, j)
                if k is None or (name in _TEX_TWO_ARGS and _skip_arg(s, k) is None):
                    raise _Fail(f"\\{name} is missing an argument")
            i = j
            continue
        if ch == "{":
            depth += 1
            if depth > MAX_NESTING:
                raise _Fail(f"braces nested deeper than {MAX_NESTING}")
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise _Fail(f"unbalanced '}}' at column {i + 1}")
        elif ch in "^_":
            if _skip_arg(s, i + 1) is None:
                raise _Fail(f"{ch!r} without a script at column {i + 1}")
        elif ch in "%#$":
            raise _Fail(f"unsupported TeX character {ch!r}")
        elif ch == "&" and not envs:
            raise _Fail("'&' outside an environment")
        elif ord(ch) < 32:
            raise _Fail("control character")
        i += 1
    if depth != 0:
        raise _Fail("unbalanced braces")
    if lefts != 0:
        raise _Fail("unbalanced \\left / \\right")
    if envs:
        raise _Fail(f"\\begin{{{envs[-1]}}} without \\end")
    return s


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

_DELIMITERS = (("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), ("$", "$"))


_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5", "⅗": "3/5", "⅘": "4/5",
           "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8"}


def _prepare(expr: object) -> str:
    if not isinstance(expr, str):
        raise _Fail("not a string")
    if len(expr) > MAX_LENGTH:
        raise _Fail(f"longer than {MAX_LENGTH} characters")
    for ch in expr:
        if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise _Fail(f"control character U+{ord(ch):04X}")
    s = " ".join(expr.split())
    # "T½", "t½ = 5730 years": a half-life — the fraction is the letter's subscript, not a factor
    s = re.sub(r"(?<![A-Za-z])([A-Za-z])½(?![\d/])", r"\1_{1/2}", s)
    # "W∥ = mg sin θ", "a⊥ = a − proj_b a": the component along or across, a subscript — not the relation
    s = re.sub(r"(?<![A-Za-z])([A-Za-z])([⊥∥])(?=\s*(?:[=·,)+\-−]|$))",
               lambda m: m.group(1) + "_{" + ("sbcperp" if m.group(2) == "⊥" else "sbcparallel") + "}", s)
    if any(ch in _VULGAR for ch in s):
        # "KE = ½ m v²": the fraction the character stands for, typeset as one
        s = "".join(f" ({_VULGAR[ch]}) " if ch in _VULGAR else ch for ch in s).strip()
        s = " ".join(s.split())
    for a, b in _DELIMITERS:
        if len(s) > len(a) + len(b) and s.startswith(a) and s.endswith(b):
            s = s[len(a):-len(b)].strip()
            break
    if undoubled(s) != s:
        s = undoubled(s)
    elif "\\\\" in s and "\\begin" not in s:
        # doubled escapes from a JSON writer that escaped twice: "\\\\frac{1}{2}", "3.1\\\\%"
        s = re.sub(r"\\\\(?=[A-Za-z,;:!%{}$])", lambda m: "\\", s)
    while s and s[-1] in ".," and not s.endswith("...") and "\\" not in s[-3:]:
        s = s[:-1].rstrip()
    if not s:
        raise _Fail("empty formula")
    # "1x10 + 1x90", "3x3": a number times a number, written with the letter x between them (not x with a subscript)
    s = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(?![\w.^_])", "\\1 × \\2", s)
    # "2|a||b| cos θ": two absolute values side by side, not a norm bar in the middle
    s = re.sub(r"(?<!\|)\|([^|\s]{1,12})\|\|([^|\s]{1,12})\|(?!\|)", r"|\1| |\2|", s)
    return s


def undoubled(s: str) -> str:
    """TeX whose every command is written with a doubled backslash — a writer that escaped twice,
    "\\\\det(A) = 4 \\\\cdot 6" or a bmatrix with doubled row breaks — with the backslashes halved (a doubled row
    break becomes the row break); any other text as it is."""
    if re.search(r"\\\\[A-Za-z]", s) and not re.search(r"(?<!\\)\\[A-Za-z]", s.replace("\\\\", "  ")):
        return s.replace("\\\\", "\\")
    return s


# ---- formulas said in words -------------------------------------------------------------------
# "the integral from 0 to 1 of x^2 dx", "the limit of (x^2 - 4)/(x - 2) as x approaches 2", "the sum from
# i = 1 to n of i", "the derivative of x^3 is 3x^2". The words are knowledge (planner/data/lexicon.json,
# formula_words); the patterns below are the one place that both finds such a formula in a sentence
# (said_in_words, for the planner) and turns it into the symbols the parser reads (_words_to_symbols).

_BOUND = r"(-?[\w.π∞]*[\w∞](?:/\w+)?)"  # 0, -1, n, ∞, infinity, π/2 (a sentence's full stop is not part of it)
_VAR = r"([A-Za-zθ])(?![\w])"
_BODY = r"([^,;:=≈\x01\x02]+?)"  # a formula the words enclose: "of (x^2 - 4)/(x - 2) as", "of x^3 is"
_CLAUSE_END = r"(?=\s*(?:[,;:!?]|\.(?:\s|$)|$)|\s+(?:in|at|on|below|above|beside|next|with|and|then|to|as|for)\b)"


@lru_cache(maxsize=1)
def _said() -> dict[str, re.Pattern[str]]:
    """The patterns of a formula said in words, built from the lexicon."""
    from .planner.knowledge import formula_words  # data only (json), no planner code

    w = formula_words()

    def alt(key: str) -> str:
        return "(?:" + "|".join(sorted(w[key], key=len, reverse=True)) + ")"

    integral, limit, sums = alt("integral_nouns"), alt("limit_nouns"), alt("sum_nouns") + "|" + alt("product_nouns")
    approach = r"\s*(?:" + alt("approach_verbs") + r"|→|->|\\to)\s*"
    side = r"(?:\s+from\s+(" + alt("right_sides") + "|" + alt("left_sides") + r"))?"
    respect = r"(?:\s+" + alt("respect_words") + r"\s+" + _VAR + ")?"
    result = alt("result_verbs")
    flags = re.I
    return {
        # the body before the bounds: "integral of x^2 dx from 0 to 1"
        "int_of": re.compile(r"\b" + integral + r"\s+of\s+" + _BODY + r"\s+from\s+" + _BOUND + r"\s+to\s+" + _BOUND, flags),
        # the bounds first, the body after "of" up to its differential, or the words alone: "integral from 0 to 1 of"
        "int_from_dx": re.compile(r"(?:\b" + integral + r"\b|∫)\s*\(?\s*from\s+" + _BOUND + r"\s+to\s+" + _BOUND
                                  + r"\s*\)?\s*,?\s+of\s+" + _BODY + r"\s+(d[a-zθ])\b", flags),
        "int_from": re.compile(r"(?:\b" + integral + r"\b|∫)\s*\(?\s*from\s+" + _BOUND + r"\s+to\s+" + _BOUND
                               + r"\s*\)?(?:\s*,?\s*\bof\b)?", flags),
        "lim_of": re.compile(r"\b" + limit + r"\s+of\s+" + _BODY + r"\s+(?:as|when)\s+" + _VAR + approach + _BOUND
                             + side, flags),
        "lim_as": re.compile(r"\b" + limit + r"\s*,?\s+(?:as|when)\s+" + _VAR + approach + _BOUND + side
                             + r"(?:\s*,?\s*\bof\b)?", flags),
        # "lim(x → 0) sin(x)/x", "lim_{x→0}", "lim x approaches 0 of": the limit's subscript written without "as"
        "lim_bare": re.compile(r"\b" + limit + r"\s*(?:\(\s*|_\{?\s*)?" + _VAR + approach + r"(-?[\w.∞]+)(?![\w.∞^⁺⁻])\s*[)}]?"
                               r"\s*(?:,?\s*of\s+)?"),
        "sum_of": re.compile(r"\b(" + sums + r")\s+of\s+" + _BODY + r"\s+(?:for\s+)?from\s+" + _VAR + r"\s*=\s*"
                             + _BOUND + r"\s+to\s+" + _BOUND, flags),
        "sum_from": re.compile(r"(?:\b(" + sums + r")\b|([Σ∑∏]))\s*\(?\s*(?:for\s+)?from\s+" + _VAR + r"\s*=\s*"
                               + _BOUND + r"\s+to\s+" + _BOUND + r"\s*\)?(?:\s*,?\s*\bof\b)?", flags),
        # where such words begin, read or not: "the limit of", "the integral from", "the sum of … from", "derivative of"
        "head": re.compile(r"\b" + limit + r"\s+(?:of|as|when)\b|\b" + integral + r"\s+(?:of|from)\b|∫\s*from\b|\b(?:"
                           + sums + r")\s+(?:of\s+[^,;:.]{1,60}?\s+)?from\b|\b" + alt("derivative_nouns") + r"\s+of\b",
                           flags),
        "result": re.compile(r"\s+\b" + result + r"\s+(?=\S)", flags),
        "derivative": re.compile(r"\b" + alt("derivative_nouns") + r"\s+of\s+" + _BODY + respect
                                 + r"(?:\s+(" + result + r")\b(?=\s+\S)|" + _CLAUSE_END + ")", flags),
    }


_BODY_WORDS = _TEX_FUNCS | {"sqrt", "lim", "exp", "mod", "abs", "sigmoid", "relu", "softmax", "infinity", "infty",
                            "alpha", "beta", "gamma", "delta", "theta", "lambda", "sigma", "omega", "phi", "pi", "mu"}


def _body_ok(body: str | None) -> bool:
    """What the words enclose is a formula ("x^3", "(x^2 - 4)/(x - 2)", "sin(x)"), not more words ("the curve")."""
    if not body or not body.strip() or len(body) > 200 or not re.search(r"[\w∞]", body):
        return False
    return all(w.lower() in _BODY_WORDS for w in re.findall(r"[A-Za-z]{3,}", body))


def _sign(side: str | None) -> str:
    """"from the right" -> "^+", "from the left" -> "^-": the side of a one-sided limit."""
    if not side:
        return ""
    return "^+" if side.lower() in _said_right() else "^-"  # the parser reads a lone sign as the script


def _grouped(body: str) -> str:
    """The body of a limit, sum or derivative, bracketed when it is more than one term ("x^2 + 1")."""
    body = body.strip()
    depth = 0
    for k, ch in enumerate(body):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and ch in "+-−±" and k and body[k - 1] == " ":
            return "(" + body + ")"
    return body


def _variable(body: str) -> str:
    """A derivative's variable when the words do not name it: x, else t, else the only letter of the body."""
    letters = set(re.findall(r"(?<![A-Za-z])([a-z])(?![A-Za-z(])", body)) - {"e", "d"}
    for v in ("x", "t"):
        if v in letters:
            return v
    return letters.pop() if len(letters) == 1 else "x"


def said_in_words(text: str) -> list[tuple[int, int]]:
    """Where a formula is said in words: the spans of the words (with the formula they enclose) that
    :func:`to_tex` reads as ∫, lim, Σ, ∏ or d/dx. The formula around a span (its body after "of", "= 1/3")
    is the caller's to join: "Display the integral from 0 to 1 of x^2 dx = 1/3" gives the span
    "integral from 0 to 1 of x^2 dx"."""
    pats = _said()
    out: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in out)

    for key in ("int_of", "int_from_dx", "int_from", "lim_of", "lim_as", "sum_of", "sum_from", "derivative"):
        body = {"int_of": 1, "lim_of": 1, "derivative": 1, "int_from_dx": 3, "sum_of": 2}.get(key)
        for m in pats[key].finditer(text):
            if body is not None and not _body_ok(m.group(body)):
                continue  # "the limit of the sequence as n approaches ∞": words, not a formula
            if key == "lim_as" and not re.search(r"\bof$", m.group(0).rstrip()):
                continue  # "show the limit as x approaches 0" with nothing to take the limit of: words
            a, b = m.start(), m.start() + len(m.group(0).rstrip())
            if free(a, b):
                out.append((a, b))
    return sorted(out)


def said_heads(text: str) -> list[tuple[int, int]]:
    """Where words begin a formula said in words ("limit of", "integral from", "derivative of"), whether or not
    :func:`said_in_words` can read the rest: the planner says so when a formula it draws leaves them out."""
    return [(m.start(), m.end()) for m in _said()["head"].finditer(text)]


def _words_to_symbols(s: str) -> str:
    """Integrals, limits, sums and derivatives said in words become the symbols the parser reads:
    "the integral from 0 to 1 of x^2 dx" -> "∫_{0}^{1} x^2 dx", "∫(from 0 to 1) 104t⁴ dt" -> "∫_{0}^{1} 104t⁴ dt",
    "the limit as x approaches 0 of sin(x)/x" and "lim(x → 0) sin(x)/x" -> "lim_{x → 0} sin(x)/x",
    "the limit of 1/x as x approaches 0 from the right" -> "lim_{x → 0^+} 1/x",
    "the sum from i = 1 to n of i" -> "Σ_{i = 1}^{n} i", "the derivative of x^3 is 3x^2" -> "d/dx x^3 = 3x^2"."""
    pats = _said()
    the = r"(?:\bthe\s+)?"
    written = s

    def bigop(word: str | None) -> str:
        return "∏" if word and word.lower() in _said_products() else "Σ"

    s = re.sub(the + pats["int_of"].pattern, lambda m: f"∫_{{{m.group(2)}}}^{{{m.group(3)}}} {m.group(1)} "
               if _body_ok(m.group(1)) else m.group(0), s, flags=re.I)
    s = re.sub(the + pats["int_from"].pattern + r"\s*", lambda m: f"∫_{{{m.group(1)}}}^{{{m.group(2)}}} ", s,
               flags=re.I)
    # "[x^3 / 3] from 0 to 2", "[x^3/3] evaluated from 0 to 2": the bracket evaluated between its bounds
    s = re.sub(r"\]\s*(?:evaluated\s+)?from\s+" + _BOUND + r"\s+to\s+" + _BOUND + r"(?![\w^_])",
               lambda m: f"]_{{{m.group(1)}}}^{{{m.group(2)}}}", s, flags=re.I)
    s = re.sub(the + pats["lim_bare"].pattern, lambda m: f"lim_{{{m.group(1)} → {m.group(2)}}} ", s)  # "lim(x → 0) f"
    s = re.sub(the + pats["lim_of"].pattern, lambda m: f"lim_{{{m.group(2)} → {m.group(3)}{_sign(m.group(4))}}} "
               f"{_grouped(m.group(1))}" if _body_ok(m.group(1)) else m.group(0), s, flags=re.I)
    s = re.sub(the + pats["lim_as"].pattern + r"\s*",
               lambda m: f"lim_{{{m.group(1)} → {m.group(2)}{_sign(m.group(3))}}} ", s, flags=re.I)
    s = re.sub(the + pats["sum_of"].pattern, lambda m: f"{bigop(m.group(1))}_{{{m.group(3)} = {m.group(4)}}}"
               f"^{{{m.group(5)}}} {_grouped(m.group(2))}" if _body_ok(m.group(2)) else m.group(0), s, flags=re.I)
    s = re.sub(the + pats["sum_from"].pattern + r"\s*", lambda m: f"{m.group(2) or bigop(m.group(1))}"
               f"_{{{m.group(3)} = {m.group(4)}}}^{{{m.group(5)}}} ", s, flags=re.I)

    def derivative(m: re.Match[str]) -> str:
        body = m.group(1)
        if not _body_ok(body):
            return m.group(0)
        v = m.group(2) or _variable(body)
        grouped = _grouped(body)
        op = f"d/d{v}" + (grouped if grouped.startswith("(") else " " + grouped)
        return op + (" = " if m.group(3) else "")

    s = re.sub(the + pats["derivative"].pattern + r"\s*", derivative, s, flags=re.I)
    if s != written:  # "the limit as x approaches 0 of sin(x)/x is 1": the words' result
        s = pats["result"].sub(" = ", s)
    return s.strip()


@lru_cache(maxsize=1)
def _said_products() -> frozenset[str]:
    from .planner.knowledge import formula_words

    return frozenset(x.lower() for x in formula_words()["product_nouns"])


@lru_cache(maxsize=1)
def _said_right() -> frozenset[str]:
    from .planner.knowledge import formula_words

    return frozenset(x.lower() for x in formula_words()["right_sides"])


_ACCENT_MARKS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "vec": "\u20d7"}
_TEXT_ARG_COMMANDS = ("text", "textrm", "textbf", "textit", "mathrm", "mathbf", "mathit", "mathcal", "mathbb",
                      "mathsf", "mathtt", "mathfrak", "operatorname", "begin", "end", "color")
_ROMAN_WORDS = _TEX_FUNCS | {"lim", "mod", "inf"}  # function names TeX sets upright itself


def _text_words(tex: str) -> str:
    """Words written bare in TeX ("mean \\mu and finite variance \\sigma^2") are set as text, not as
    italic letters run together: runs of words of three or more letters outside commands become \\text{}."""
    out, i, n = [], 0, len(tex)
    while i < n:
        ch = tex[i]
        if ch == "\\":
            j = i + 1
            while j < n and _is_letter(tex[j]):
                j += 1
            j = max(j, i + 2)
            name = tex[i + 1:j]
            if name in _TEXT_ARG_COMMANDS and j < n and tex[j] in "{*":
                k = _skip_arg(tex, j + (tex[j] == "*"))
                j = k if k is not None else j
            out.append(tex[i:j])
            i = j
            continue
        m = re.match(r"[A-Za-z]{3,}(?:[ ,]+[A-Za-z]+)*", tex[i:]) if not (i and _is_letter(tex[i - 1])) else None
        if m and not (tex[i + m.end():i + m.end() + 1] in ("(", "_", "^") and " " not in m.group(0)) \
                and m.group(0) not in _ROMAN_WORDS:
            words = m.group(0).rstrip(", ")
            before = " " if i and tex[i - 1] == " " else ""
            after = " " if tex[i + len(words):i + len(words) + 1] == " " else ""
            out.append(r"\text{" + before + words + after + "}")  # TeX drops the spaces around it
            i += len(words)
            continue
        link = re.match(r"(?:to|or|if|is|as|at|by|of|on)(?= )", tex[i:]) if i and tex[i - 1] == " " else None
        if link:  # "x = y (left) to x = \sqrt{y}": a linking word between two formulas, not italic t·o
            out.append(r"\text{ " + link.group(0) + " }")
            i += len(link.group(0)) + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


# an arrow with a word written into it: "--light-->", "-heat->", "--(enzyme)-->"
_LABELLED_ARROW = re.compile(r"\s*(?<![-\w])-{1,2}(?:\(([^()]{1,24})\)|([A-Za-z][A-Za-z ]{0,22}[A-Za-z]))-{1,2}>\s*")
# a caption of a few plain words before a colon ("Power: P = V × I", "Step 2: x = 3", "4. Evaluate: …")
_CAPTION = re.compile(r"\s*((?:\d{1,2}[.)]\s*)?[A-Za-z][A-Za-z0-9'-]*(?: [A-Za-z0-9'-]+){0,5})\s*:\s+(\S.*)", re.S)
_LEAD_REL = re.compile(r"\s*(=|≈|≤|≥|<|>|→|->|~|∼|⇔|⇒|⟺)\s*(?=[^\s=≈≤≥<>→~∼⇔⇒⟺])")
_LEAD_REL_TEX = {"=": "=", "≈": r"\approx", "≤": r"\le", "≥": r"\ge", "<": "<", ">": ">", "→": r"\to", "->": r"\to",
                 "~": r"\sim", "∼": r"\sim", "⇔": r"\Leftrightarrow", "⇒": r"\Rightarrow", "⟺": r"\Longleftrightarrow"}


_TRAILING_UNIT = re.compile(r"\s*(.*?\S)\s+\(([^()]{1,16}(?:\([^()]{1,12}\))?)\)\s*", re.S)


# a matrix written as a list of rows ("[[0, −1], [1, 1]]"): typeset as a bracketed matrix
_LIST_MATRIX = re.compile(r"\[\s*\[[^\[\]]{1,60}\](?:\s*,\s*\[[^\[\]]{1,60}\]){1,7}\s*\]")
_MATRIX_SLOT = re.compile(r"(?:\\operatorname|\\mathrm|\\text)\{\s*sbcmatrix([a-h])\s*\}|sbcmatrix([a-h])")


def _list_matrices(expr: str) -> MathResult | None:
    """"[[0, −1], [1, 1]] (2, 1) = (−1, 3)": each list of rows a bmatrix, the rest typeset around it; None when the
    formula holds no such matrix (or one with rows of unequal length, or a cell that cannot be typeset)."""
    mats: list[str] = []

    def slot(m: re.Match) -> str:
        rows = [[c.strip() for c in r.split(",")] for r in re.findall(r"\[([^\[\]]*)\]", m.group(0)[1:-1])]
        if len(mats) >= 8 or len({len(r) for r in rows}) != 1 or any(not c for r in rows for c in r):
            raise _Fail("a matrix with rows of unequal length")
        cells = [[to_tex(c).tex for c in r] for r in rows]
        if any(c is None for r in cells for c in r):
            raise _Fail("a matrix cell that cannot be typeset")
        mats.append(r"\begin{bmatrix} " + r" \\ ".join(" & ".join(r) for r in cells) + r" \end{bmatrix}")
        return f" sbcmatrix{'abcdefgh'[len(mats) - 1]} "
    try:
        swapped = _LIST_MATRIX.sub(slot, expr)
    except _Fail:
        return None
    if not mats:
        return None
    inner = to_tex(swapped.strip())
    if not inner.tex:
        return inner
    return MathResult(_MATRIX_SLOT.sub(lambda m: mats["abcdefgh".index(m.group(1) or m.group(2))], inner.tex), None)


def _words_then_formula(expr) -> MathResult | None:
    """"each pair matches with prob. 1/365": a few words of prose, then the formula they lead to — the words upright as
    text, the formula typeset after them (None when the end is not a formula)."""
    m = re.fullmatch(r"\s*((?:[A-Za-z][A-Za-z'’-]*\.?,?\s+){2,8})([^A-Za-z\s].{0,60}?|[A-Za-z]\w{0,2}\s*[=≈(].{0,60}?)\s*\.?\s*",
                     expr if isinstance(expr, str) else "")
    if m is None or not re.search(r"[\d=≈/^√]", m.group(2)):
        return None
    tail = to_tex(m.group(2))
    if not tail.tex:
        return None
    words = re.sub(r"[{}\\$&#%_^~]", "", m.group(1).strip())
    return MathResult(r"\text{" + words + r"}\; " + tail.tex, None)


def to_tex(expr: str) -> MathResult:
    """Translate storyboard math (ASCII, Unicode, TeX, chemistry or words) to TeX. Never raises. A line that starts
    with its relation ("= 300 + 40 + 5", "≈ 0": the next line of a calculation) is typeset so."""
    if isinstance(expr, str) and "[" in expr and "sbcmatrix" not in expr:
        listed = _list_matrices(expr)
        if listed is not None:
            return listed
    if isinstance(expr, str) and re.match(r"\s*x\s+(?=[\d(])", expr) and len(re.findall(r"(?<![A-Za-z\\])x(?![A-Za-z])", expr)) == 1:
        expr = re.sub(r"^\s*x\s+", "× ", expr)  # "x 1/2" on an arrow between rows: times one half, not x·1/2
    lead = _LEAD_REL.match(expr) if isinstance(expr, str) else None
    times = re.match(r"\s*([×÷·])\s*(?=\S)", expr) if isinstance(expr, str) and not lead else None
    if times:  # "× 44 g/mol", "× ½": a factor the line before is multiplied by
        rest = to_tex(expr[times.end():])
        op = {"×": r"\times", "÷": r"\div", "·": r"\cdot"}[times.group(1)]
        return MathResult("{} " + op + " " + rest.tex, None) if rest.tex else rest
    arrow = _LABELLED_ARROW.search(expr) if isinstance(expr, str) and not lead else None
    if arrow:  # "6CO2 + 6H2O --light--> C6H12O6 + 6O2": each side typeset, the condition over the arrow
        left, right = to_tex(expr[:arrow.start()]), to_tex(expr[arrow.end():])
        if left.tex and right.tex:
            over = re.sub(r"[^A-Za-z0-9 ,.'-]", "", (arrow.group(1) or arrow.group(2)).strip())
            return MathResult(left.tex + r" \xrightarrow{\text{" + over + "}} " + right.tex, None)
    unit = _TRAILING_UNIT.fullmatch(expr) if isinstance(expr, str) and not lead else None
    written = unit.group(2).replace("^2", "²").replace("^3", "³") if unit else ""
    if unit and (u := _unit_at("1 " + written, 1)) is not None and u[1] == len(written) + 2:
        head = to_tex(unit.group(1))  # "V (m³)", "v (m/s)", "θ (rad)": a quantity and its unit in brackets
        if head.tex:
            return MathResult(head.tex + r" \; (" + u[0] + ")", None)
    cap = _CAPTION.fullmatch(expr) if isinstance(expr, str) and not lead else None
    if cap and re.search(r"[A-Za-z]{3,}", cap.group(1)) and (
            _RELATION.search(cap.group(2)) or is_math_expression(cap.group(2)) or _is_function_of(cap.group(2).strip())):
        rest = to_tex(cap.group(2))  # "4. Evaluate: 1/2 - 1/3 = 1/6": the words upright as text, then the formula
        if rest.tex:
            return MathResult(r"\text{" + cap.group(1).strip() + r":}\; " + re.sub(r"^([-+])(?=\s*[\w\\{(])", r"{\1}", rest.tex),
                              None)  # "Loss: -0.5": the sign is its number's
    if lead:
        rest = to_tex(expr[lead.end():])
        return MathResult("{} " + _LEAD_REL_TEX[lead.group(1)] + " " + rest.tex, None) if rest.tex else rest
    try:
        s = _prepare(expr)
        from .chemtext import chem_to_tex

        def inner(x: str) -> str | None:
            try:
                return _Parser(_tokenize(x), x).parse()
            except (_Fail, RecursionError):
                return None

        tex = chem_to_tex(s, inner)
        if tex is None and "\\" not in s:
            s = _words_to_symbols(s)
            # "y_hat", "x_bar", "v_vec", "i-hat": the accent the name spells
            s = re.sub(r"(?<![A-Za-z])([A-Za-z])[_-](hat|bar|tilde|vec)(?![A-Za-z])",
                       lambda m: m.group(1) + _ACCENT_MARKS[m.group(2)], s)
        if tex is None and "\\" in s:
            tex = _check_tex(_text_words(s))
        elif tex is None:
            plain, symbols = _species_symbols(s)
            tex = _Parser(_tokenize(plain, symbols), s).parse()
        tex = tex.replace(r"\mathrm{sbcperp}", r"\perp").replace(r"\mathrm{sbcparallel}", r"\parallel").replace(r"\, \quad", r"\quad")
        depth = _brace_depth(tex)
        if depth > MAX_LAYOUT_DEPTH:
            raise _Fail(f"nested {depth} levels deep (at most {MAX_LAYOUT_DEPTH} can be typeset in reasonable time)")
        return MathResult(tex, None)
    except _Fail as exc:
        return _words_then_formula(expr) or MathResult(None, str(exc))
    except RecursionError:
        return MathResult(None, "formula nested too deeply")
    except Exception as exc:  # pragma: no cover - a bug, but never a failed build
        return MathResult(None, f"could not read formula ({type(exc).__name__})")


# ---- looks_like_math -------------------------------------------------------------------------

_MATH_CHARS = set("½⅓⅔¼¾⅛√∛∑∏∫∬∮∂∇∞≤≥≠≈≡∝±∓·×÷²³¹⁴⁵⁶⁷⁸⁹⁰ⁿⁱ⁻⁺ᵀ₀₁₂₃₄₅₆₇₈₉ᵢⱼₙₖπθσμλαβγδεφωΣΔΩ∈∉⊂⊆∪∩∀∃ℝℕℤ\u0304")
_CODE_WORDS = {
    "print", "def", "return", "import", "from", "class", "lambda", "const", "let", "var",
    "function", "while", "elif", "async", "await", "yield", "self", "this", "new", "null",
    "None", "True", "False", "true", "false", "void", "int32", "i32", "i64", "f32", "f64",
    "local", "get", "set", "call", "console", "echo", "printf", "std", "include", "fn", "pub",
    "struct", "public", "static", "range", "len", "str", "foreach",
}
_MATH_FUNCS = {
    "sin", "cos", "tan", "log", "ln", "exp", "sqrt", "softmax", "lim", "max", "min", "sum",
    "argmax", "argmin", "tanh", "sigmoid", "relu", "ReLU", "det", "abs", "cbrt", "sinh", "cosh",
    "Attention", "LayerNorm", "MultiHead", "FFN", "PE", "Var", "E", "P", "Pr", "Cov",
}
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TEX_CMD_RE = re.compile(r"\\(?:frac|sqrt|sum|int|alpha|beta|theta|pi|sigma|lambda|mu|cdot|times|"
                         r"left|right|infty|partial|nabla|le|ge|ne|approx|mathrm|text|operatorname|"
                         r"hat|bar|vec|lim|log|sin|cos|exp)(?![A-Za-z])")


def looks_like_math(s: str) -> bool:
    """Guess whether a short string is a formula (True) rather than code or prose (False).

    Formulas: ``y = 4x^2``, ``d_k``, ``softmax((Q * K^T) / sqrt(d_k)) * V``, ``4x²``, ``∫ F · dr``,
    ``\\frac{a}{b}``. Code: ``print(3+5)``, ``i32.const 03``, ``np.dot(a, b)``, ``x += 1``.
    Prose: ``hello world``. A flow like ``Encoder → Decoder`` is not math.
    """
    if not isinstance(s, str):
        return False
    s = s.strip()
    if not s or len(s) > MAX_LENGTH:
        return False
    if _TEX_CMD_RE.search(s):
        return True
    words = _WORD_RE.findall(s)
    # -- code markers
    if any(w in _CODE_WORDS for w in words):
        return False
    for marker in ("==", "+=", "-=", "*=", "&&", "||", "++", "::", "#", ";", "\"", "`", "</", "/>", "()", "[]", "{}", "$", "@"):
        if marker in s and not (marker == "||" and "‖" in s):
            return False
    if re.search(r"[A-Za-z_)\]]\.[A-Za-z_]", s):  # attribute access / instruction suffix
        return False
    if re.search(r"(?:^|[^A-Za-z])'[^']*'", s):  # 'quoted strings' (a prime follows a letter)
        return False
    if re.search(r"(?<![\d.])\b0\d", s):  # "03": numbers with leading zeros are code or data (not "2.02")
        return False
    if any(len([p for p in w.split("_") if len(p) >= 2]) >= 2 for w in words):
        return False  # snake_case identifiers (num_heads) -- d_model and W_Q stay math
    # -- math markers
    score = 0
    if any(c in _MATH_CHARS for c in s):
        score += 3
    if "^" in s or "**" in s:
        score += 3
    if re.search(r"(?:^|[^A-Za-z])[A-Za-z]_(?:[A-Za-z0-9({])", s):
        score += 3
    stripped = s.replace("<=", "").replace(">=", "").replace("!=", "")
    if re.search(r"[^=<>!]=[^=]", " " + stripped + " ") and stripped.count("=") >= 1:
        lhs, _, rhs = stripped.partition("=")
        if lhs.strip() and rhs.strip():
            score += 2
    if re.search(r"[+\-*/<>]", s.replace("->", "")):
        score += 1
    calls = re.findall(r"([A-Za-z]+)\s*\(", s)
    if calls:
        score += 1
        if any(c in _MATH_FUNCS or len(c) == 1 or c[0].isupper() for c in calls):
            score += 1
    if re.search(r"\)\s*/\s*\(|\d\s*/\s*\d|[A-Za-z0-9)]\s*/\s*[A-Za-z0-9(]", s):
        score += 1
    singles = [w for w in words if len(w) == 1]
    if singles:
        score += 1
    # prose: many long words and no operators at all
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) >= 3 and score < 3:
        return False
    return score >= 3


def _brace_depth(tex: str) -> int:
    """The deepest nesting of TeX groups (escaped braces do not count)."""
    depth = deepest = 0
    escaped = False
    for ch in tex:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == "}":
            depth -= 1
    return deepest


# ---- is_formula_line ---------------------------------------------------------------------------

_RELATION = re.compile(r"[=≈≤≥≠∝≡<>→^²³√∫Σ∑]|->|\\[A-Za-z]+")
_PROSE_WORD = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{3,}")
_MATH_WORDS = {"sin", "cos", "tan", "log", "exp", "lim", "max", "min", "det", "mod", "gcd", "sqrt", "frac", "text",
               "int", "sum", "cdot", "times", "approx", "hat", "bar", "vec", "mathrm", "mathcal",
               "quad", "sigma", "theta", "lambda", "alpha", "beta", "gamma", "delta", "mu", "eta", "phi", "pi",
               "omega", "per", "infty", "partial", "nabla", "rightarrow", "leftarrow", "checkmark", "relu", "softmax"}


_CODE_LIKE = re.compile(r"==|!=|;|[{}\"`]|\b(?:def|return|print|import|let|var|const)\b|\w\.\w+\(|\+=|-=")


def _code_like(s: str) -> bool:
    """Code punctuation or words in `s` — a TeX script group ("x_{n+1}", "e^{-t}") is maths, not a code brace."""
    return _CODE_LIKE.search(re.sub(r"[_^]\{[^{}\\]{1,10}\}", "_x", s)) is not None


def is_scripted_phrase(s: str) -> bool:
    """"v_y starts at 0", "X_1, X_2, ..., X_n": a short phrase whose symbols carry scripts — typeset, its words
    upright, rather than drawn with its underscores and carets."""
    s = str(s).strip()
    if not s or len(s) > 60 or "\n" in s or re.search(r"[.!?]\s", s) or _code_like(s):
        return False
    # ("E_total", "a_perp", "v_avg": a letter with a word under it)
    if not re.search(r"(?<![A-Za-z])[A-Za-z](?:_\{?[A-Za-z0-9]{1,6}\}?|_\{[A-Za-z0-9+\-−]{1,8}\}|\^\{?[A-Za-z0-9+-]{1,3}\}?)"
                     r"(?![A-Za-z0-9])", s) \
            and not _NAMED_MATH.search(s):  # "needs phi(n)", "standard error sigma / sqrt(n)"
        return False
    if len(re.findall(r"[A-Za-z]{3,}", s)) > 5:
        return False
    if _sentence_with_maths(s):
        return False  # "Is it just cos(x^2)?": a question with maths in it — its words read as words, not letters
    return to_tex(s).tex is not None


def _sentence_with_maths(s: str) -> bool:
    """"Is it just cos(x^2)?", "What is f(2)?": a sentence (its first two words say so) with maths but no relation."""
    return bool(_SENTENCE_LEAD.match(s)) and not re.search(r"[=≈≤≥<>]", s)


# a sentence's first two words ("Is it …", "What is …"), neither a name of maths
_SENTENCE_LEAD = re.compile(r"\s*(?:Is|Are|Was|Were|Does|Do|Did|Can|Could|Will|Would|Should|What|Why|How|When|Where|Which|"
                            r"Who|It|This|That|There|We|You|They)\s+[a-z]{2,}\s")


def is_label_formula(s: str) -> bool:
    """A label a component typesets rather than draws as text: a formula line, a captioned formula, a phrase with
    scripted symbols, or maths written in LaTeX ("\\frac{\\sin 3x}{3}", "\\sin x": TeX is maths by its writing).
    The runtime (`compiler.runtime.style.formula`) and the planner benchmark use this one test."""
    s = str(s).strip()
    if is_formula_line(s) or is_captioned_formula(s) or is_scripted_phrase(s) or is_math_expression(s):
        return True
    if _is_function_of(s):
        return True
    if re.match(r"[×÷]\s*\S", s) and len(s) <= 40:
        return to_tex(s).tex is not None  # "× 44 g/mol": a factor
    if not re.search(r"\\[A-Za-z]{2,}", s) or len(s) > 80 or "\n" in s:
        return False
    words = re.findall(r"\b[A-Za-z]{3,}\b", re.sub(r"\\[A-Za-z]+", " ", s))
    return len(words) <= 2 and to_tex(s).tex is not None


# What makes a piece of maths without a relation: a Greek letter, an operator, a script, a root, a factorial, a
# fraction of two operands ("π/2", "1/16"), a sum of two ("Σ + b")
# ("I/O", "n/a", "A/B", "km/h" are not fractions: letters over letters)
_MATH_SIGNAL = re.compile(r"[α-ωΑ-Ωπ∞√∑∫∂∇×·⋅÷±∓→⇒≤≥≠≈₀-₉⁰-⁹²³ⁿ]|[\w)]\^|[A-Za-z]_\w|(?<![A-Za-z])[A-Za-z\d)]!|"
                          r"(?<![/\w])(?:[\d.]+|\))\s*/\s*[\w(]|(?<![/\w])[\w)]+\s*/\s*[\d(]|\w\s*[+−]\s*[\w(]")
# a Greek letter or a root written as its name, used as maths: "phi(n)", "sigma / sqrt(n)", "x^alpha"
_GREEK_NAME_ALT = "|".join(sorted(_GREEK_NAMES, key=len, reverse=True))
_NAMED_MATH = re.compile(rf"\b(?:sqrt|{_GREEK_NAME_ALT})\s*\(|\b(?:{_GREEK_NAME_ALT})\s*[/^_]|[/^_=]\s*(?:sqrt|{_GREEK_NAME_ALT})\b")


def is_math_expression(s: str) -> bool:
    """"sin θ", "π/2", "(π/2, 1)", "B × A", "5 ± 1.58", "θ₁", "1/3!", "x·h", "∞": a short piece of maths with no
    relation and no word of prose (units after a number and names such as sin, log are maths) — typeset, never
    drawn as typed. Dates, ranges with a hyphen and code are not."""
    s = str(s).strip()
    if not s or len(s) > 60 or "\n" in s or _code_like(s) or re.search(r"\d/\d+/\d", s):
        return False
    words = [w for w in _PROSE_WORD.findall(re.sub(r"\\[A-Za-z]+", " ", s))
             if w.lower() not in _MATH_WORDS and not _UNIT_RE.fullmatch(w)]
    if re.fullmatch(_GREEK_NAME_ALT, s):
        return True  # "mu", "sigma": the letter, by its name
    if words or not (_MATH_SIGNAL.search(s) or _NAMED_MATH.search(s)):
        return False
    return to_tex(s).tex is not None


def _is_function_of(s: str) -> bool:
    """"P(word | spam)", "f(x)", "O(n log n)": a function of something."""
    call = re.fullmatch(r"([A-Za-z][A-Za-z0-9_]{0,3})\([^()]{1,30}\)", s)
    return bool(call) and not _CODE_LIKE.search(s) and call.group(1) not in _CODE_WORDS and to_tex(s).tex is not None


def is_captioned_formula(s: str) -> bool:
    """"In every right triangle: a^2 + b^2 = c^2": a few words, a colon, then a relation written as maths — set as
    one formula with the words upright, never "a^2" shown as typed."""
    m = re.fullmatch(r"([^:=\n]{1,60}):\s*(.{3,})", str(s).strip())
    if not m or len(m.group(1).split()) > 8:
        return False
    if is_math_expression(m.group(2)) or _is_function_of(m.group(2).strip()):
        return True  # "Secant slope: (f(x+h) − f(x)) / h", "R1 (with I1): −2·I1": the caption names a piece of maths
    return "=" in m.group(2) and is_formula_line(m.group(2)) and looks_like_math(m.group(2))


def is_formula_line(s: str) -> bool:
    """A short string that is a formula to typeset ("e = 3", "g = 9.8 m/s^2", "Encrypt: c = m^e mod n",
    "C3H8 + 5O2 → 3CO2 + 4H2O"), not a sentence that happens to hold a number."""
    s = s.strip()
    # what reads on screen: TeX commands and environment names are not counted ("\\begin{bmatrix} 4 & 7 \\\\ …")
    visible = re.sub(r"\\(?:begin|end)\{\w+\*?\}|\\[A-Za-z]+|[{}]", " ", _LABELLED_ARROW.sub(" → ", s))
    if not s or len(" ".join(visible.split())) > 90 or "\n" in s or not _RELATION.search(s):
        return False
    words = [w for w in _PROSE_WORD.findall(visible) if w.lower() not in _MATH_WORDS]
    if len(words) > 2 or re.search(r"[.!?]\s+[A-Z]", s):
        return False
    if _sentence_with_maths(s):
        return False  # "Is it just cos(x^2)?": a sentence with maths in it, not a formula (its words are no letters)
    rhs = re.split(r"=|≈|->|→", s, maxsplit=1)
    first = re.match(r"\s*([A-Za-z]{3,})(?![A-Za-z])(?![(_^])", rhs[1]) if len(rhs) == 2 else None
    concluded = len(rhs) == 2 and re.search(r"[<>≤≥]", rhs[0]) and re.match(r"\s*(?:->|→)", s[len(rhs[0]):])
    if first and not concluded and first.group(1).lower() not in _MATH_WORDS and (
            re.fullmatch(r"[A-Z]?[a-z]+", first.group(1)) and re.search(r"[aeiouy]", first.group(1), re.I)) \
            and not re.match(r"\s*(?:[-+*/×·^]|//)\s*[\w(]", rhs[1][first.end():]):  # "low = mid + 1": arithmetic on a name
        # ("PV = nRT", "E = mgh": a product of letters, not a word — it stays a formula)
        return False  # "F = force (newtons)", "pressure = voltage": a meaning, not a formula
    if "\\" not in s and not looks_like_math(s) and not re.search(r"[A-Z][a-z]?\d", s):
        # "eigenvalue = 3", "t = 0.00 s", "Principal P = $1000": something equal to something, not code
        if not (re.search(r"[=≈≤≥]", s) or concluded) or _CODE_LIKE.search(s):
            return False
    return to_tex(s).tex is not None


# "Half-life: $t_{1/2} = 6$ h", "Initial dose: $N_0 = 200$ mg": words with maths between dollar signs
_INLINE_DOLLARS = re.compile(r"(?<![\\\w])\$(?!\s)([^$\n]{1,80}?[^\s\\])\$(?!\d)")
# "Sum: 7.389 + 2.718 + 1.105 = 11.212", "Check: 0.659 + 0.242 + 0.099 = 1.000": a few words, a colon, a formula
_WORDS_COLON = re.compile(r"(?P<words>[A-Za-z][A-Za-z' -]{0,28}?:)\s+(?P<formula>\S.{0,70})")


def mixed_parts(s: str) -> list[tuple[str, bool]] | None:
    """A label that is words and maths together — its pieces in order, each (text, is maths) — or None. Inline TeX
    between dollar signs ("Half-life: $t_{1/2} = 6$ h"), or a few words and a colon before a formula line ("Sum: 7.389 +
    2.718 + 1.105 = 11.212"): the words are set as text, the maths typeset. A label that is one formula, or has no
    maths, is no mixture. The runtime (`compiler.runtime.style.text`) and the planner benchmark use this one test."""
    s = str(s).strip()
    if not s or "\n" in s or len(s) > 120:
        return None
    if "$" in s and _INLINE_DOLLARS.search(s):
        parts: list[tuple[str, bool]] = []
        at = 0
        for m in _INLINE_DOLLARS.finditer(s):
            if re.fullmatch(r"[\d.,\s]+", m.group(1)):
                return None  # ("$5 and $10": money)
            if s[at:m.start()].strip():
                parts.append((s[at:m.start()].strip(), False))
            if to_tex(m.group(1)).tex is None:
                return None
            parts.append((m.group(1).strip(), True))
            at = m.end()
        if s[at:].strip():
            parts.append((s[at:].strip(), False))
        return parts if 2 <= len(parts) <= 6 and any(not m for _, m in parts) else None
    m = _WORDS_COLON.fullmatch(s)
    if m and len(m.group("words").split()) <= 4 and is_formula_line(m.group("formula")) and not is_label_formula(s) \
            and to_tex(m.group("formula")).tex is not None:
        return [(m.group("words"), False), (m.group("formula"), True)]
    return None
