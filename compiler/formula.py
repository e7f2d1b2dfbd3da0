"""A small, safe reader for one-variable formulas: `y = 4x^2`, `sin(x)/x`, `e^(-x^2/2)/sqrt(2*pi)`.

Used by the planner (auto ranges, limits, areas) and at render time (the curves of `plot`). Pure
Python: a tokenizer, a recursive-descent parser into a tiny AST of tuples, and a compiler that turns
the AST into nested closures. Nothing is ever passed to `eval`/`exec`; names are looked up in two
fixed tables (functions, constants), so `__import__('os')` or `().__class__` are just unreadable
text.

Guards: at most `MAX_CHARS` characters and `MAX_DEPTH` nesting; numbers are floats only (no
unbounded integer arithmetic, so `9^9^9^9` cannot hang); overflow, domain errors and division by
zero give NaN instead of raising, and so do infinite results.

    >>> f = parse_formula("y = 4x²")
    >>> f.var, f(0.5)
    ('x', 1.0)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

MAX_CHARS = 300
MAX_DEPTH = 40
RANGE_LIMIT = 1e12  # axis ranges are clamped to ±this (a chart of 1e300 shows nothing anyway)
NAN = float("nan")

FUNCTIONS: dict[str, Callable[[float], float]] = {
    "sin": math.sin, "cos": math.cos, "tan": math.tan, "exp": math.exp, "log": math.log, "ln": math.log,
    "sqrt": math.sqrt, "abs": abs, "asin": math.asin, "acos": math.acos, "atan": math.atan,
    "sinh": math.sinh, "cosh": math.cosh, "tanh": math.tanh, "log2": math.log2, "log10": math.log10,
    "factorial": lambda v: math.gamma(v + 1),  # written n!, also for non-integers
    "sign": lambda v: float((v > 0) - (v < 0)), "sgn": lambda v: float((v > 0) - (v < 0)),  # a square wave: sign(sin x)
    "floor": math.floor,  # a sawtooth: x - floor(x)
    # the logistic function, written sigmoid(z) or σ(z) (σ with a bracket after it; σ alone is a name, a deviation)
    "sigmoid": lambda v: 1.0 / (1.0 + math.exp(-v)) if v > -700 else 0.0,
}
CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e, "tau": math.tau}
_NAMES = sorted(list(FUNCTIONS) + list(CONSTANTS), key=len, reverse=True)

# Unicode and typographic forms an LLM writes -> ASCII
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ˣⁿᵗʸ", "0123456789-+xnty")
_REPLACE = (("−", "-"), ("–", "-"), ("·", "*"), ("×", "*"), ("⋅", "*"), ("∗", "*"), ("÷", "/"), ("π", "pi"),
            ("τ", "tau"), ("√", " sqrt "), ("**", "^"), ("{", "("), ("}", ")"),  # e^{-5x}: TeX braces group
            ("½", "(1/2)"), ("⅓", "(1/3)"), ("⅔", "(2/3)"), ("¼", "(1/4)"), ("¾", "(3/4)"))  # (½)^(t/T)


class FormulaError(ValueError):
    """The formula cannot be read: `message` says why, `column` (1-based, in the given text) where."""

    def __init__(self, message: str, column: int = 1):
        super().__init__(f"column {column}: {message}")
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Formula:
    """A compiled formula: call it with a float, get a float (NaN where it is undefined)."""

    source: str   # the text as given
    expr: str     # the right-hand side that was read
    var: str      # the variable name ("x" when the formula has none)
    fn: Callable[[float], float]

    def __call__(self, x: float) -> float:
        return self.fn(x)


# ----------------------------------------------------------------------------- tokens
@dataclass(frozen=True)
class _Tok:
    kind: str   # num, name, op, end
    text: str
    col: int    # 1-based column in the original text


_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+(?![A-Za-z_]))?|\.\d+)"
                    r"|(?P<name>[A-Za-z_α-ωΑ-Ω][A-Za-z_0-9α-ωΑ-Ω]*)|(?P<op>[-+*/^(),|!]))")


_TIMES_X = re.compile(r"(?<=[\d)])(\s+)x(\s+)(?=[\d(])")  # "1000 x 1.1^t", "(3 - 1) x (11 - 1)": times


def _normalise(text: str) -> tuple[str, list[int]]:
    """ASCII text and, for each of its characters, the column in the original."""
    text = _TIMES_X.sub(lambda m: m.group(1) + "*" + m.group(2), text)  # same length: columns stay right
    out: list[str] = []
    cols: list[int] = []
    i = 0
    while i < len(text):
        if text.startswith("σ", i) and re.match(r"σ\s*\(", text[i:]):
            out.extend("sigmoid")
            cols.extend([i + 1] * 7)
            i += 1
            continue
        for a, b in _REPLACE:
            if text.startswith(a, i):
                out.extend(b)
                cols.extend([i + 1] * len(b))
                i += len(a)
                break
        else:
            ch = text[i]
            sup = ch.translate(_SUPERSCRIPTS)
            if sup != ch:
                # a run of superscripts is one exponent: x²³ -> x^(23)
                j = i
                run = ""
                while j < len(text) and text[j].translate(_SUPERSCRIPTS) != text[j]:
                    run += text[j].translate(_SUPERSCRIPTS)
                    j += 1
                piece = "^(" + run + ")"
                out.extend(piece)
                cols.extend([i + 1] * len(piece))
                i = j
                continue
            out.append(ch)
            cols.append(i + 1)
            i += 1
    return "".join(out), cols


def _tokenize(text: str) -> list[_Tok]:
    norm, cols = _normalise(text)
    toks: list[_Tok] = []
    pos = 0
    while pos < len(norm):
        if norm[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(norm, pos)
        if not m or m.end() == pos:
            raise FormulaError(f"unexpected character {norm[pos]!r}", cols[pos])
        kind = m.lastgroup or "op"
        start = m.start(kind)
        toks.append(_Tok(kind, m.group(kind), cols[start]))
        pos = m.end()
    toks.append(_Tok("end", "", (cols[-1] + 1) if cols else 1))
    return toks


def _split_name(tok: _Tok, var: str | None) -> list[_Tok]:
    """`pix` -> pi, x; `sinx` -> sin, x; `xe` -> x, e: known names first (longest), else one letter."""
    name = tok.text
    if name in FUNCTIONS or name in CONSTANTS or name == var or len(name) == 1:
        return [tok]
    if var is None and re.fullmatch(r"[A-Za-z]_?[A-Za-z0-9]*", name) and not re.search(r"[a-z]{2}", name):
        return [tok]  # x_1, dK: a name of its own
    out: list[_Tok] = []
    i = 0
    while i < len(name):
        for n in _NAMES + ([var] if var else []):
            if name.startswith(n, i):
                out.append(_Tok("name", n, tok.col + i))
                i += len(n)
                break
        else:
            if not name[i].isalpha():
                raise FormulaError(f"cannot read {name!r}", tok.col + i)
            out.append(_Tok("name", name[i], tok.col + i))
            i += 1
    return out


# ----------------------------------------------------------------------------- parser
class _Parser:
    def __init__(self, toks: list[_Tok], var: str | None):
        self.toks = toks
        self.i = 0
        self.depth = 0
        self.var = var
        self.free: dict[str, int] = {}  # free names -> column of first use

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text: str) -> None:
        if self.tok.text != text or self.tok.kind != "op":
            found = "the end" if self.tok.kind == "end" else repr(self.tok.text)
            raise FormulaError(f"expected {text!r}, found {found}", self.tok.col)
        self.i += 1

    def enter(self) -> None:
        """One level of nesting: a bracket, a function argument, a sign or an exponent."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"nested more than {MAX_DEPTH} levels deep", self.tok.col)

    def parse(self):
        node = self.expr()
        if self.tok.kind != "end":
            raise FormulaError(f"unexpected {self.tok.text!r}", self.tok.col)
        return node

    def expr(self):
        self.enter()
        node = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-":
            op = self.take().text
            node = (op, node, self.term())
        self.depth -= 1
        return node

    def _next_is_function(self) -> bool:
        t = self.tok
        if t.kind != "name":
            return False
        parts = _split_name(t, self.var)
        return parts[0].text in FUNCTIONS

    def _starts_atom(self) -> bool:
        t = self.tok
        return t.kind in ("num", "name") or (t.kind == "op" and t.text == "(")

    def term(self):
        node = self.unary()
        while True:
            if self.tok.kind == "op" and self.tok.text in "*/":
                op = self.take().text
                node = (op, node, self.unary())
            elif self._starts_atom():  # implicit multiplication: 4x, 2pi x, x sin(x)
                node = ("*", node, self.power())
            else:
                break
        return node

    def unary(self):
        if self.tok.kind == "op" and self.tok.text in "+-":
            op = self.take().text
            self.enter()
            node = self.unary()
            self.depth -= 1
            node = ("neg", node) if op == "-" else node
        else:
            node = self.power()
        return node

    def power(self):
        node = self.atom()
        while self.tok.kind == "op" and self.tok.text == "!":  # 4! = Γ(5); (n+1)!
            self.take()
            node = ("call", "factorial", node)
        if self.tok.kind == "op" and self.tok.text == "^":
            self.take()
            self.enter()
            node = ("^", node, self.unary())  # right-associative; 2^-x; -x^2 is -(x^2)
            self.depth -= 1
        return node

    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.take()
            v = float(t.text)
            if not math.isfinite(v):
                raise FormulaError("number too large", t.col)
            node = ("num", v)
        elif t.kind == "op" and t.text == "(":
            self.take()
            node = self.expr()
            self.expect(")")
        elif t.kind == "op" and t.text == "|":
            self.take()
            node = ("call", "abs", self.expr())
            self.expect("|")
        elif t.kind == "name":
            node = self.name()
        else:
            found = "the end" if t.kind == "end" else repr(t.text)
            raise FormulaError(f"expected a number, a name or '(', found {found}", t.col)
        return node

    def name(self):
        t = self.take()
        parts = _split_name(t, self.var)
        if len(parts) > 1:
            # splice the pieces back into the token stream and read again
            self.toks[self.i - 1 : self.i] = parts
            self.i -= 1
            return self.name()
        n = t.text
        if n in FUNCTIONS:
            if self.tok.kind == "op" and self.tok.text == "^":
                raise FormulaError(f"write ({n}(x))^2 instead of {n}^2(x)", self.tok.col)
            if self.tok.kind == "op" and self.tok.text == "(":
                self.take()
                arg = self.expr()
                self.expect(")")
            elif self._starts_atom():
                # sin x, log t; "sin 3x" is sin(3x) as in mathematics: the argument runs over the juxtaposed
                # numbers and variables that follow, up to an operator or the next function ("sin x cos x")
                arg = self.power()
                while self.tok.kind in ("num", "name") and not self._next_is_function():
                    arg = ("*", arg, self.power())
            else:
                raise FormulaError(f"{n} needs an argument", self.tok.col)
            return ("call", n, arg)
        if n in CONSTANTS and n != self.var and n != "tau":
            # (τ is a time constant or a torque in the storyboards that write it — a name to be given a value, never
            # silently 2π)
            return ("num", CONSTANTS[n])
        if n.startswith("__") or "__" in n:
            raise FormulaError(f"cannot read {n!r}", t.col)
        self.free.setdefault(n, t.col)
        return ("var", n)


# ----------------------------------------------------------------------------- compiler
def _pow(a: float, b: float) -> float:
    return math.pow(a, b)


_BIN = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
        "^": _pow}


def _compile(node, consts: dict[str, float] | None = None) -> Callable[[float], float]:
    tag = node[0]
    if tag == "num":
        v = node[1]
        return lambda x: v
    if tag == "var":
        if consts and node[1] in consts:
            c = consts[node[1]]
            return lambda x: c
        return lambda x: x
    if tag == "neg":
        f = _compile(node[1], consts)
        return lambda x: -f(x)
    if tag == "call":
        fn = FUNCTIONS[node[1]]
        f = _compile(node[2], consts)
        return lambda x: fn(f(x))
    op = _BIN[tag]
    fa, fb = _compile(node[1], consts), _compile(node[2], consts)
    return lambda x: op(fa(x), fb(x))


def _text(node, var: str, consts: dict[str, float]) -> str:
    """The formula written back, its constants as their values: `2*sin((1*x))` for `A sin(k x)` with A = 2, k = 1."""
    tag = node[0]
    if tag == "num":
        return f"{node[1]:g}"
    if tag == "var":
        return f"({consts[node[1]]:g})" if node[1] in consts else var
    if tag == "neg":
        return f"(-{_text(node[1], var, consts)})"
    if tag == "call":
        return f"{node[1]}({_text(node[2], var, consts)})"
    return f"({_text(node[1], var, consts)}{tag}{_text(node[2], var, consts)})"


def free_names(text: str) -> list[str]:
    """The names a formula uses besides its functions and constants, in order (`A sin(k x)`: A, k, x); [] when
    unreadable."""
    try:
        rhs = text.split("=", 1)[1] if "=" in text else text
        m = _LHS.match(text.split("=", 1)[0]) if "=" in text else None
        p = _Parser(_tokenize(rhs), m.group("v") if m else None)
        p.parse()
    except (FormulaError, IndexError):
        return []
    return sorted(p.free, key=p.free.get)


def with_constants(text: str, constants: dict[str, float]) -> str | None:
    """`y = A sin(k x)` with {"A": 2, "k": 1} as a formula of one variable, `y = (2)*sin((1)*x)` (None when it is not
    one: a name left unknown, or no formula)."""
    try:
        f = parse_formula(text, constants)
        toks = [_Tok(t.kind, t.text, t.col) for t in _tokenize(f.expr)]
        node = _Parser(toks, f.var if f.var != "x" or "x" in f.expr else None).parse()
    except (FormulaError, IndexError):
        return None  # `x = v0 t`: a name the constants read but the bare formula does not
    lhs = text.split("=", 1)[0].strip() if "=" in text else "y"
    return f"{lhs} = {_text(node, f.var, constants)}"


def _finite(f: Callable[..., float], *args: float) -> float:
    """f(*args), NaN where it overflows, is undefined or is not a finite real number."""
    try:
        y = f(*args)
    except (OverflowError, ValueError, ZeroDivisionError, TypeError):
        return NAN
    if isinstance(y, complex) or not math.isfinite(y):
        return NAN
    return float(y)


def _guard(f: Callable[[float], float]) -> Callable[[float], float]:
    return lambda x: _finite(f, float(x))


_LHS = re.compile(r"^\s*(?:(?P<f>[A-Za-z]\w{0,10})\s*\(\s*(?P<v>[A-Za-z]\w{0,10})\s*\)|(?P<y>[A-Za-z]\w{0,10}))\s*$")


def _sides(text: str, lhs_pattern: re.Pattern, expected: str):
    """The checks every formula passes, then (the left side's match or None, the right side's tokens with columns
    in `text`)."""
    if not isinstance(text, str):
        raise FormulaError("a formula must be text")
    if len(text) > MAX_CHARS:
        raise FormulaError(f"longer than {MAX_CHARS} characters", MAX_CHARS + 1)
    if not text.strip():
        raise FormulaError("empty formula")
    rhs, offset, m = text, 0, None
    if text.count("=") > 1:
        raise FormulaError("more than one '='", text.index("=", text.index("=") + 1) + 1)
    if "=" in text:
        lhs, rhs = text.split("=", 1)
        offset = len(lhs) + 1
        m = lhs_pattern.match(lhs)
        if not m:
            raise FormulaError(f"the left side must be a name like {expected}", 1)
    try:
        toks = _tokenize(rhs)
    except FormulaError as e:
        raise FormulaError(e.message, e.column + offset) from None
    return m, rhs, [_Tok(t.kind, t.text, t.col + offset) for t in toks]


_TEX_NAMES = {"sin": "sin", "cos": "cos", "tan": "tan", "ln": "ln", "log": "log", "exp": "exp", "pi": "pi",
              "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "theta": "θ", "alpha": "α", "beta": "β", "omega": "ω",
              "lambda": "λ", "mu": "μ", "sigma": "σ", "phi": "φ", "tau": "τ", "cdot": "*", "times": "*", "div": "/"}
_TEX_DROP = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:! ]|\\q?quad(?![A-Za-z])|\\displaystyle(?![A-Za-z])")


def _tex_group(s: str, i: int) -> tuple[str, int]:
    """The `{…}` group (or the single character) at s[i]: (its text, the index after it)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        raise FormulaError("a TeX command without its argument", i + 1)
    if s[i] != "{":
        return s[i], i + 1
    depth = 0
    for j in range(i, len(s)):  # ends: j runs to the end of s at most
        depth += 1 if s[j] == "{" else -1 if s[j] == "}" else 0
        if depth == 0:
            return s[i + 1:j], j + 1
    raise FormulaError("an unclosed { in the TeX formula", i + 1)


def tex_to_plain(text: str) -> str:
    """A formula written in TeX — `S_1(x) = \\frac{4}{\\pi}\\sin x`, `\\sqrt{x^{2} + 1}` — in the plain notation the parser
    reads (`f(x) = ((4)/(pi)) sin x`), so a curve written in LaTeX is plotted as one written in ASCII."""
    s = _TEX_DROP.sub(" ", text)
    out, i = [], 0
    while i < len(s):  # ends: i grows on every turn
        c = s[i]
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+)", s[i:])
            if not m:
                raise FormulaError("an unknown TeX command", i + 1)
            name, i = m.group(1), i + m.end()
            if name in ("frac", "dfrac", "tfrac"):
                a, i = _tex_group(s, i)
                b, i = _tex_group(s, i)
                out.append(f"(({tex_to_plain(a)})/({tex_to_plain(b)}))")
            elif name == "sqrt":
                a, i = _tex_group(s, i)
                out.append(f"sqrt({tex_to_plain(a)})")
            elif name in _TEX_NAMES:
                word = _TEX_NAMES[name]
                out.append(f" {word} " if word.isalpha() and len(word) > 1 else word)
            else:
                raise FormulaError(f"the TeX command \\{name} is not one a curve is drawn from", i)
        elif c in "^_" and i + 1 < len(s) and s[i + 1] == "{":
            a, i = _tex_group(s, i + 1)
            out.append(f"{c}({tex_to_plain(a)})")
        elif c in "{}":
            out.append("(" if c == "{" else ")")
            i += 1
        else:
            out.append(c)
            i += 1
    plain = re.sub(r"\s+", " ", "".join(out)).strip()
    # "S_1(x) = …", "S_(3)(x) = …": a name with an index is the function's name
    return re.sub(r"^\s*[A-Za-z]_?\(?\w{0,3}\)?\s*\(\s*([A-Za-z])\s*\)\s*=", r"f(\1) =", plain)


def parse_formula(text: str, constants: dict[str, float] | None = None) -> Formula:
    """Read `y = <expr>`, `f(x) = <expr>` or `<expr>` in one variable; raise `FormulaError` if unreadable. `constants`
    gives values to other names (`A sin(k x)` with A = 2, k = 1). A formula in TeX is read through `tex_to_plain`."""
    if isinstance(text, str) and "\\" in text and len(text) <= MAX_CHARS:
        try:
            plain = tex_to_plain(text)
        except RecursionError:
            raise FormulaError("TeX nested too deeply") from None
        f = parse_formula(plain, constants)
        return Formula(text, f.expr, f.var, f.fn)
    m, rhs, toks = _sides(text, _LHS, "y or f(x)")
    var = m.group("v") if m else None
    p = _Parser(toks, var)
    node = p.parse()
    consts = constants or {}
    free = {n: c for n, c in p.free.items() if n not in consts}
    if var is None:
        if len(free) > 1:
            names = sorted(free, key=free.get)
            raise FormulaError(f"more than one variable: {', '.join(names)}", free[names[1]])
        var = next(iter(free), "x")
    else:
        others = [n for n in free if n != var]
        if others:
            raise FormulaError(f"unknown name {others[0]!r} (the variable is {var})", free[others[0]])
    return Formula(text, rhs.strip(), var, _guard(_compile(node, consts)))


def try_formula(text: str) -> Formula | None:
    try:
        return parse_formula(text)
    except FormulaError:
        return None


# ----------------------------------------------------------------------------- helpers for ranges
def sample(f: Callable[[float], float], x0: float, x1: float, n: int = 200) -> list[tuple[float, float]]:
    n = max(2, min(int(n), 5000))
    return [(x, f(x)) for x in (x0 + (x1 - x0) * k / (n - 1) for k in range(n))]


def crossings(f: Callable[[float], float], g: Callable[[float], float], x0: float, x1: float,
              n: int = 400) -> list[float]:
    """Where two curves meet between x0 and x1, left to right: the sign changes of f - g (and the samples where
    they touch), each refined by bisection."""
    def d(x: float) -> float:
        try:
            v = float(f(x)) - float(g(x))
        except (ArithmeticError, ValueError, TypeError):
            return math.nan
        return v

    xs = [x0 + (x1 - x0) * k / n for k in range(n + 1)]
    ds = [d(x) for x in xs]
    scale = max((abs(v) for v in ds if math.isfinite(v)), default=1.0) or 1.0
    out: list[float] = []
    for k, (x, v) in enumerate(zip(xs, ds)):
        if not math.isfinite(v):
            continue
        if abs(v) <= 1e-9 * scale:
            out.append(x)
            continue
        if k + 1 < len(xs) and math.isfinite(ds[k + 1]) and v * ds[k + 1] < 0 and abs(ds[k + 1]) > 1e-9 * scale:
            a, b = x, xs[k + 1]
            for _ in range(60):
                mid = (a + b) / 2
                dm = d(mid)
                if not math.isfinite(dm):
                    break
                a, b = (a, mid) if v * dm <= 0 else (mid, b)
            out.append((a + b) / 2)
    merged: list[float] = []
    for x in out:
        if not merged or x - merged[-1] > (x1 - x0) * 1e-6:
            merged.append(x)
    return merged


def value_range(fns, x0: float, x1: float, n: int = 241) -> tuple[float, float] | None:
    """A y-range that shows the curves: the sampled values, robust to spikes (1/x, tan x)."""
    ys = sorted(y for f in fns for _, y in sample(f, x0, x1, n) if math.isfinite(y))
    if not ys:
        return None
    lo, hi = ys[0], ys[-1]
    if len(ys) > 20:
        # clip spikes: if the extreme 2% stretch the range by more than 4x, cut them
        q_lo, q_hi = ys[int(len(ys) * 0.02)], ys[int(len(ys) * 0.98) - 1]
        core = max(q_hi - q_lo, 1e-9)
        if hi - lo > 4 * core:
            lo, hi = max(lo, q_lo - core), min(hi, q_hi + core)
    return lo, hi


def nice_range(lo: float, hi: float, *, include_zero: bool = True, ticks: int = 6) -> tuple[float, float, float]:
    """Round a range out to a tick step of 1, 2, 2.5 or 5 × 10^k: (lo, hi, step). Never raises: infinite
    or huge ends are clamped to ±RANGE_LIMIT, an empty range is widened."""
    lo = min(max(lo, -RANGE_LIMIT), RANGE_LIMIT) if math.isfinite(lo) else -1.0
    hi = min(max(hi, -RANGE_LIMIT), RANGE_LIMIT) if math.isfinite(hi) else 1.0
    lo, hi = min(lo, hi), max(lo, hi)
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi - lo < 1e-9 * max(1.0, abs(lo), abs(hi)):
        d = max(1.0, abs(lo) * 0.1)
        lo, hi = lo - d, hi + d
    raw = (hi - lo) / max(1, ticks)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step, step


def limit_at(f: Callable[[float], float], a: float) -> float:
    """The value f approaches at `a` (two-sided, numerically); NaN if the sides disagree."""
    for h in (1e-6, 1e-4, 1e-3):
        left, right = f(a - h), f(a + h)
        if math.isfinite(left) and math.isfinite(right):
            if abs(left - right) <= 1e-3 * max(1.0, abs(left), abs(right)):
                return (left + right) / 2
            return NAN
        if math.isfinite(right) and not math.isfinite(left):
            return right
        if math.isfinite(left):
            return left
    return NAN


def integrate(f: Callable[[float], float], a: float, b: float, n: int = 400) -> float:
    """Simpson's rule over the finite samples (NaN if the function is undefined on most of the span)."""
    n = max(2, n + n % 2)
    h = (b - a) / n
    total, bad = 0.0, 0
    for k in range(n + 1):
        y = f(a + k * h)
        if not math.isfinite(y):
            bad += 1
            continue
        total += y * (1 if k in (0, n) else 4 if k % 2 else 2)
    if bad > n // 10:
        return NAN
    return total * h / 3


CURRENCIES = ("$", "€", "£")


def with_unit(v: float, unit: str | None) -> str:
    """A value as a chart shows it: "1.42 s", "12%", "$82.03" (a currency sign goes before the number)."""
    return unit + short_number(v) if unit in CURRENCIES else short_number(v) + (unit or "")


def short_number(v: float) -> str:
    """A number as a chart label: `0.7`, `30`, `1234`, `12.3k`, `4.5M`, `-2e+15`."""
    if not math.isfinite(v):
        return "–"
    a = abs(v)
    if 0 < a < 1e-4:
        # 0.000003 as written, never "3e-06" (up to 9 decimals; smaller is shown in scientific form)
        return f"{v:.9f}".rstrip("0").rstrip(".") if a >= 1e-9 else f"{v:.2g}"
    if a < 1e4:
        return f"{v:.4g}"  # 0.1172 as written, not 0.117
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div and a / div < 1000:
            return f"{v / div:.3g}{suffix}"
    return f"{v:.2g}"


# ----------------------------------------------------------------------------- surfaces: two variables
_LHS2 = re.compile(r"^\s*(?:[A-Za-z]\w{0,10}\s*\(\s*(?P<a>[A-Za-z]\w{0,3})\s*,\s*(?P<b>[A-Za-z]\w{0,3})\s*\)|"
                   r"[A-Za-z]\w{0,10})\s*$")


@dataclass(frozen=True)
class Surface:
    """A compiled formula in two variables: call it with two floats, get a float (NaN where undefined)."""

    source: str
    expr: str
    names: tuple[str, str]  # (horizontal, vertical): ("x", "y"), or those its left side names: L(w1, w2)
    fn: Callable[[float, float], float]

    def __call__(self, a: float, b: float) -> float:
        return self.fn(a, b)


def _compile2(node, names: tuple[str, str]) -> Callable[[float, float], float]:
    tag = node[0]
    if tag == "num":
        v = node[1]
        return lambda a, b: v
    if tag == "var":
        return (lambda a, b: a) if node[1] == names[0] else (lambda a, b: b)
    if tag == "neg":
        f = _compile2(node[1], names)
        return lambda a, b: -f(a, b)
    if tag == "call":
        fn = FUNCTIONS[node[1]]
        f = _compile2(node[2], names)
        return lambda a, b: fn(f(a, b))
    op = _BIN[tag]
    fa, fb = _compile2(node[1], names), _compile2(node[2], names)
    return lambda a, b: op(fa(a, b), fb(a, b))


def parse_surface(text: str) -> Surface:
    """Read `f(x, y) = <expr>`, `z = <expr>`, `L(w1, w2) = <expr>` or `<expr>` in two variables (x and y unless
    the left side names others); raise `FormulaError` if unreadable or if it uses another name."""
    m, rhs, toks = _sides(text, _LHS2, "z or f(x, y)")
    names = (m.group("a"), m.group("b")) if m and m.group("a") else ("x", "y")
    p = _Parser(toks, None)
    node = p.parse()
    others = [n for n in p.free if n not in names]
    if others:
        raise FormulaError(f"unknown name {others[0]!r} (the variables are {names[0]} and {names[1]})",
                           p.free[others[0]])
    fn = _compile2(node, names)
    return Surface(text, rhs.strip(), names, lambda a, b: _finite(fn, float(a), float(b)))


def descent(f: Callable[[float, float], float], start: tuple[float, float], rate: float, steps: int,
            h: float = 1e-5, limit: float = 1e6) -> list[tuple[float, float]]:
    """Gradient descent on `f` from `start`: each step moves by -rate times the gradient (central differences);
    stops early where the gradient is not finite or the point runs away (|x| or |y| beyond `limit`)."""
    pts = [(float(start[0]), float(start[1]))]
    for _ in range(max(0, min(int(steps), 200))):  # ends: at most 200 steps
        x, y = pts[-1]
        gx = (f(x + h, y) - f(x - h, y)) / (2 * h)
        gy = (f(x, y + h) - f(x, y - h)) / (2 * h)
        if not (math.isfinite(gx) and math.isfinite(gy)):
            break
        nxt = (x - rate * gx, y - rate * gy)
        pts.append(nxt)
        if max(abs(nxt[0]), abs(nxt[1])) > limit:
            break  # the last point shows it ran away
    return pts
