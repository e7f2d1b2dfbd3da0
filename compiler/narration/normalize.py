"""Text normalisation for speech: what a narrator would say, not what the storyboard shows.

`normalize_for_speech` is pure and deterministic (regular expressions and tables only), so the
normalised text can be part of the audio cache key.
"""

from __future__ import annotations

import re
import unicodedata

from compiler.text import MAX_SPOKEN_WORD, URL

# Said the same way wherever they appear.
_SYMBOLS: dict[str, str] = {
    "→": " to ", "⟶": " to ", "←": " from ", "↔": " to and from ", "⇒": " implies ", "⟹": " implies ",
    "⇔": " if and only if ", "⟺": " if and only if ", "↦": " maps to ",
    "×": " times ", "·": " times ", "⋅": " times ", "∙": " times ", "÷": " divided by ", "∗": " times ",
    "≈": " approximately ", "≅": " approximately ", "∼": " approximately ", "≃": " approximately ",
    "≤": " less than or equal to ", "⩽": " less than or equal to ",
    "≥": " greater than or equal to ", "⩾": " greater than or equal to ",
    "≠": " not equal to ", "≡": " is equivalent to ", "≪": " much less than ", "≫": " much greater than ",
    "±": " plus or minus ", "∓": " minus or plus ", "−": " minus ", "∝": " proportional to ",
    "√": " the square root of ", "∛": " the cube root of ", "∫": " the integral of ", "∮": " the integral of ",
    "∑": " the sum of ", "∏": " the product of ", "∂": " partial ", "∇": " nabla ", "∞": " infinity ",
    "∈": " in ", "∉": " not in ", "⊂": " a subset of ", "⊆": " a subset of ", "∪": " union ", "∩": " intersect ",
    "∀": " for all ", "∃": " there exists ", "∅": " the empty set ", "∴": " therefore ", "∧": " and ", "∨": " or ",
    "¬": " not ", "°": " degrees ", "‰": " per mille ", "%": " percent ", "&": " and ", "@": " at ",
    "€": " euros ", "£": " pounds ", "…": "...", "ℝ": " R ", "ℕ": " N ", "ℤ": " Z ",
}

# Greek letters by name. Σ and Π read as operators ("the sum of"), the rest as letters.
_GREEK: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau",
    "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "gamma", "Δ": "delta", "Θ": "theta", "Λ": "lambda", "Ξ": "xi", "Φ": "phi", "Ψ": "psi", "Ω": "omega",
    "Σ": "the sum of", "Π": "the product of",
}

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ", "0123456789+-=()niT")
_SUBSCRIPTS = {ord(k): " " + v for k, v in zip("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ", "0123456789aeoxhklmnpstij")}

# Abbreviations: (pattern, spoken). Matched case-insensitively at a word start.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"e\.\s?g\.", "for example"),
    (r"i\.\s?e\.", "that is"),
    (r"w\.r\.t\.", "with respect to"),
    (r"s\.t\.", "such that"),
    (r"etc\.", "et cetera"),
    (r"vs\.?", "versus"),
    (r"cf\.", "compare"),
    (r"approx\.", "approximately"),
    (r"fig\.", "figure"),
    (r"eq\.", "equation"),
    (r"eqs\.", "equations"),
    (r"no\.(?=\s*\d)", "number"),
    (r"resp\.", "respectively"),
)

_LATEX_COMMANDS: dict[str, str] = {
    "cdot": " times ", "times": " times ", "div": " divided by ", "pm": " plus or minus ", "approx": " approximately ",
    "leq": " less than or equal to ", "le": " less than or equal to ", "geq": " greater than or equal to ",
    "ge": " greater than or equal to ", "neq": " not equal to ", "ne": " not equal to ", "to": " to ",
    "rightarrow": " to ", "infty": " infinity ", "sum": " the sum of ", "prod": " the product of ",
    "int": " the integral of ", "partial": " partial ", "nabla": " nabla ", "in": " in ", "log": " log ",
    "ln": " natural log of ", "exp": " exp ", "sin": " sine ", "cos": " cosine ", "tan": " tangent ",
    "max": " max ", "min": " min ", "softmax": " softmax ", "mathrm": "", "mathbf": "", "mathit": "", "text": "",
    "operatorname": "", "left": "", "right": "", "quad": " ", "qquad": " ", "ldots": "...", "cdots": "...",
}
_LATEX_GREEK = {name for name in _GREEK.values() if " " not in name} | {"varepsilon", "varphi", "vartheta"}


def normalize_for_speech(text: str) -> str:
    """Rewrite `text` the way a narrator would read it aloud.

    >>> normalize_for_speech("Scale by 1/√d_k, e.g. when d_k = 64.")
    'Scale by 1 over the square root of d k, for example when d k equals 64.'
    """
    s = unicodedata.normalize("NFC", text)
    s = _strip_markdown(s)
    s = _long_words(s)
    s = _latex(s)
    s = _abbreviations(s)
    s = s.translate(_SUBSCRIPTS)
    s = _unicode_powers(s)
    s = _ascii_operators(s)
    s = _powers(s)
    s = _subscripts(s)
    s = _symbols(s)
    s = _quotes(s)
    s = _tidy(s)
    return s


# --- steps, in the order they run ------------------------------------------------------------

def _long_words(s: str) -> str:
    """A link is read as its host ("a link to example dot com"); a word too long to read aloud
    becomes "a long string" (validate warns about it)."""
    def link(m: re.Match[str]) -> str:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0), flags=re.I).split("/")[0].split(":")[0]
        host = host if 0 < len(host) <= MAX_SPOKEN_WORD else ""
        return f" a link to {host.replace('.', ' dot ')} " if host else " a link "

    s = URL.sub(link, s)
    return re.sub(r"\S{%d,}?([.,;:!?]*)(?=\s|$)" % (MAX_SPOKEN_WORD + 1), r" a long string\1 ", s)


_CODE_SPAN = re.compile(r"`+([^`]*)`+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BOLD = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])")
_LINE_MARKUP = re.compile(r"(?m)^\s*(?:#{1,6}\s+|>\s+|[-*+]\s+(?=\S)|\d+\.\s+(?=\D))")


def _strip_markdown(s: str) -> str:
    s = _CODE_SPAN.sub(r"\1", s)
    s = _LINK.sub(r"\1", s)
    s = _BOLD.sub(r"\2", s)
    s = _ITALIC_STAR.sub(r"\1", s)
    s = _ITALIC_UNDERSCORE.sub(r"\1", s)
    return _LINE_MARKUP.sub("", s)


_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_SQRT = re.compile(r"\\sqrt\s*\{([^{}]*)\}")
_LATEX_CMD = re.compile(r"\\([A-Za-z]+)\s?")


def _latex(s: str) -> str:
    s = re.sub(r"\$(\d[\d,]*(?:\.\d+)?)(?![\w$])", r"\1 dollars", s)
    s = re.sub(r"\$\$?|\\[()\[\]]", " ", s)
    for _ in range(3):  # nested \frac{\sqrt{x}}{2}
        s = _FRAC.sub(r" (\1) over (\2) ", s)
        s = _SQRT.sub(r" the square root of (\1) ", s)

    def command(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _LATEX_COMMANDS:
            return _LATEX_COMMANDS[name]
        if name in _LATEX_GREEK:
            return f" {name.removeprefix('var')} "
        return f" {name} "

    return _LATEX_CMD.sub(command, s)


def _abbreviations(s: str) -> str:
    for pattern, spoken in _ABBREVIATIONS:
        # At the very end the abbreviation's dot also ends the sentence: keep one.
        s = re.sub(rf"(?i)(?<![\w.]){pattern}(?=\s*$)", spoken + ".", s)
        s = re.sub(rf"(?i)(?<![\w.]){pattern}(?![\w])", spoken, s)
    return s


_UNICODE_POWER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ]+")


def _unicode_powers(s: str) -> str:
    return _UNICODE_POWER.sub(lambda m: " " + _power_words(m.group(0).translate(_SUPERSCRIPTS)) + " ", s)


_OPERATORS: tuple[tuple[str, str], ...] = (
    ("<=>", " if and only if "), ("<->", " to and from "), ("->", " to "), ("=>", " implies "),
    ("<-", " from "), ("<=", " less than or equal to "), (">=", " greater than or equal to "),
    ("!=", " not equal to "), ("==", " equals "), ("~=", " approximately "), ("+-", " plus or minus "),
    ("**", "^"),
)


def _ascii_operators(s: str) -> str:
    for op, spoken in _OPERATORS:
        s = s.replace(op, spoken)
    return s


# base^exp where exp is {group}, (group) or one token (optionally signed).
_POWER = re.compile(r"\^\s*(\{[^{}]*\}|\([^()]*\)|[-+−]?[\w.]*\w)")


def _powers(s: str) -> str:
    return _POWER.sub(lambda m: " " + _power_words(m.group(1)) + " ", s)


def _power_words(exp: str) -> str:
    """The words after a base raised to `exp`: "squared", "cubed", "transpose", "to the power of ..."."""
    if exp[:1] in "{(" and exp[-1:] in "})":
        exp = exp[1:-1]
    exp = exp.strip().replace("−", "-")
    if exp == "2":
        return "squared"
    if exp == "3":
        return "cubed"
    if exp in ("T", "⊤", "top"):
        return "transpose"
    if exp in ("-1",):
        return "inverse"
    return "to the power of " + _math_words(exp)


_SUB_GROUP = re.compile(r"(?<=\w)_\{([^{}]*)\}")
_SUB_TOKEN = re.compile(r"(?<=\w)_(?=\w)")


def _subscripts(s: str) -> str:
    s = _SUB_GROUP.sub(lambda m: " " + _math_words(m.group(1)) + " ", s)
    return _SUB_TOKEN.sub(" ", s)


def _math_words(expr: str) -> str:
    """Speak a small formula: `2i/d_model` -> `2 i over d model`, `t-1` -> `t minus 1`."""
    e = expr.replace("_", " ")
    e = re.sub(r"(\d)([A-Za-z])(?![A-Za-z])", r"\1 \2", e)  # 2i -> 2 i (not 3rd, not 2nd)
    e = e.replace("/", " over ").replace("*", " times ").replace("+", " plus ").replace("=", " equals ")
    e = re.sub(r"(?<![A-Za-z])-|−", " minus ", e)
    return " ".join(e.split())


# Operands of an infix operator: a number, a one-letter variable (not the words "a" and "I"), a group.
_BEHIND = r"(?<=\d|\b[b-zB-HJ-Z]\b|\))"
_AHEAD = r"(?=\d|\b[b-zB-HJ-Z]\b|\()"
_SLASH = re.compile(r"(\S*)\s*/\s*(\S*)")
_MATH_WORDS = {"squared", "cubed", "transpose", "inverse", "the", "partial", "nabla", "pi", "infinity"}
_TIMES = re.compile(r"(?<=[\w)])\s*\*\s*(?=[(\w])")
_MINUS = re.compile(rf"(?:(?<=[\s(])|^)-(?=\d)|{_BEHIND}\s*-\s*{_AHEAD}")
_EQUALS = re.compile(r"\s*(?<![=<>!])=(?![=<>])\s*")
_PLUS = re.compile(r"\s*\+\s*")
_LESS = re.compile(r"(?<=[\w)])\s+<\s+(?=[\w(])")
_GREATER = re.compile(r"(?<=[\w)])\s+>\s+(?=[\w(])")
_RANGE = re.compile(r"(?<=\d)\s*–\s*(?=\d)|(?<=\d)-(?=\d)")  # 2–3, 2-3: "2 to 3"


def _symbols(s: str) -> str:
    s = _RANGE.sub(" to ", s)
    s = s.replace("—", ", ").replace("–", ", ")
    for sym, spoken in _SYMBOLS.items():
        s = s.replace(sym, spoken)
    for letter, name in _GREEK.items():
        s = s.replace(letter, f" {name} ")
    s = _SLASH.sub(_slash, s)
    s = _TIMES.sub(" times ", s)
    s = _MINUS.sub(" minus ", s)
    s = re.sub(r"(?<=\w)\s+-\s+(?=\w)", ", ", s)  # a spaced hyphen between words is a dash
    s = _EQUALS.sub(" equals ", s)
    s = _PLUS.sub(" plus ", s)
    s = _LESS.sub(" less than ", s)
    s = _GREATER.sub(" greater than ", s)
    s = re.sub(r"#(?=\d)", "number ", s)
    s = re.sub(r"~(?=\s*\d)", "approximately ", s)
    return re.sub(r"[*#~|\\^_{}<>\[\]]", " ", s)


def _slash(m: re.Match[str]) -> str:
    """`1/2`, `x/y`, `(a)/(b)`: "over"; `input/output`, `and/or`: "or"."""
    left, right = m.group(1), m.group(2)
    if left.lower() == "and" and right.lower().startswith("or"):
        return f"{left} {right}"
    return f"{left} {'over' if _is_operand(left, right=False) or _is_operand(right, right=True) else 'or'} {right}"


def _is_operand(token: str, *, right: bool) -> bool:
    word = token.strip(".,;:!?")
    return (
        bool(re.fullmatch(r"[-+]?\d+(?:\.\d+)?|[A-Za-z]", word))
        or word.lower() in _MATH_WORDS
        or (word.startswith("(") if right else word.endswith(")"))
    )


def _quotes(s: str) -> str:
    s = re.sub(r"[\"“”„«»‹›`‘]", " ", s).replace("’", "'")
    # 'quoted' words lose their quotes; apostrophes inside words (don't, models') stay.
    return re.sub(r"(?:(?<=[\s(])|^)'([^'\s](?:[^']*[^'\s])?)'(?=[\s.,;:!?)]|$)", r"\1", s)


def _tidy(s: str) -> str:
    s = " ".join(s.split())
    s = re.sub(r"\s+([.,;:!?)])", r"\1", s)
    s = re.sub(r"\(\s+", "(", s)
    s = re.sub(r"\b([A-Za-z])\(([^()]+)\)", r"\1 of \2", s)  # f(x) -> f of x
    s = re.sub(r"\(([\w.]+)\)", r" \1 ", s)  # (a) over (b) -> a over b
    s = re.sub(r"\(\)", "", s)
    s = re.sub(r",\s*([.,;:!?])", r"\1", s)  # "x, ." from dashes before punctuation
    s = re.sub(r"^[,;:\s]+", "", s)
    return " ".join(s.split())
