"""Chemistry as storyboards write it -> TeX: ``C3H8 + 5O2 → 3CO2 + 4H2O``, ``2H2(g) + O2(g) → 2H2O(l)``,
``Na+ + Cl- → NaCl``, ``Fe^3+``, ``SO4^2-``, ``(x + y/4)O2 --> xCO2 + (y/2)H2O``.

A chemical equation is a list of species joined by ``+`` and one arrow (or ``=``). A species is an
optional coefficient (digits, one lower-case letter, or a bracketed expression), then element symbols
and bracketed groups with counts, an optional state ``(s)``, ``(l)``, ``(g)``, ``(aq)`` and an optional
charge. Element symbols are set upright with their counts as subscripts: ``\\mathrm{C_{3}H_{8}}``.

:func:`chem_to_tex` answers ``None`` for anything that is not clearly chemistry (``x + y = z``,
``E = mc^2``, ``A + B → C``): then the ordinary formula reader takes over.
"""

from __future__ import annotations

import re

__all__ = ["chem_to_tex", "is_element"]

# every element symbol (a species must be made of these: "Xy" is not chemistry)
_ELEMENTS = frozenset("""
H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y
Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re
Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr
""".split())

def is_element(symbol: str) -> bool:
    """Whether `symbol` is a chemical element's symbol ("O", "Cl"; not "Xy")."""
    return symbol in _ELEMENTS


_ARROWS = {"→": r"\rightarrow", "->": r"\rightarrow", "-->": r"\longrightarrow", "⟶": r"\longrightarrow",
           "=>": r"\rightarrow", "⇌": r"\rightleftharpoons", "<=>": r"\rightleftharpoons", "↔": r"\rightleftharpoons",
           "<->": r"\rightleftharpoons", "=": "=", r"\rightarrow": r"\rightarrow", r"\to": r"\rightarrow",
           r"\longrightarrow": r"\longrightarrow", r"\rightleftharpoons": r"\rightleftharpoons"}
_ARROW_RE = re.compile(r"\s*(-->|<=>|<->|->|=>|\\rightleftharpoons|\\longrightarrow|\\rightarrow|\\to(?![a-z])|[→⟶⇌↔=])\s*")
_STATE = r"\((?:s|l|g|aq)\)"
_CHARGE = r"(?:\^\{?\d*[+-]\}?|\^?[+-]|[⁺⁻]|[²³]?[⁺⁻])"
_PART = r"(?:[A-Z][a-z]?(?:_?\{?\d+\}?)?|\((?:[A-Z][a-z]?\d*)+\)(?:_?\{?\d+\}?)?|·\d*(?:[A-Z][a-z]?\d*)+)"
_SPECIES = re.compile(r"(?P<coef>\d+(?:\.\d+)?|\([^()]{1,30}\)|[a-z](?=[A-Z])|\d+/\d+)?\s*"
                      r"(?P<body>" + _PART + r"+)(?P<state>" + _STATE + r")?(?P<charge>" + _CHARGE + r")?$")
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")


def _body_tex(body: str) -> str | None:
    """"C3H8" -> "C_{3}H_{8}"; None when a symbol is no element."""
    out = []
    for m in re.finditer(r"([A-Z][a-z]?)|(\()|(\))|_?\{?(\d+)\}?|(·)", body):
        sym, opened, closed, count, dot = m.groups()
        if sym:
            if sym not in _ELEMENTS:
                return None
            out.append(sym)
        elif opened or closed:
            out.append(opened or closed)
        elif count:
            out.append(f"_{{{count}}}" if out and out[-1] != r"\cdot " else count)  # CuSO4·5H2O: 5 waters
        elif dot:
            out.append(r"\cdot ")
    return "".join(out)


def _species(text: str, math) -> tuple[str, bool] | None:
    """One species as TeX and whether it looks like a compound (a count or two elements)."""
    m = _SPECIES.match(text.strip())
    if not m:
        return None
    body = _body_tex(m.group("body"))
    if body is None:
        return None
    tex = r"\mathrm{" + body
    if m.group("state"):
        tex += m.group("state")
    charge = (m.group("charge") or "").translate(_SUPER).replace("^", "").strip("{}")
    if charge:
        tex += "^{" + charge + "}"
    tex += "}"
    coef = m.group("coef")
    if coef:
        if coef.startswith("("):
            inner = math(coef[1:-1])
            if inner is None:
                return None
            coef = r"\left(" + inner + r"\right)"
        tex = coef + r"\," + tex if not coef[-1].isdigit() else coef + tex
    # a compound: two element symbols (H2O, NaCl, Ca(OH)2), a state or a charge -- "W2" or "P1" alone are not
    compound = len(re.findall(r"[A-Z]", m.group("body"))) >= 2 or bool(charge) or bool(m.group("state"))
    return tex, compound


def _split_plus(side: str) -> list[str]:
    """The species of one side: split at " + " outside brackets ("(x + y/4)O2 + N2")."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(side):
        depth += (ch == "(") - (ch == ")")
        if ch == "+" and depth == 0 and side[k - 1:k] == " " and side[k + 1:k + 2] == " ":
            out.append(side[start:k].strip())
            start = k + 1
    out.append(side[start:].strip())
    return out


def chem_to_tex(s: str, math=None) -> str | None:
    """TeX for a chemical equation or species, or None when ``s`` is not clearly chemistry.

    ``math`` turns a bracketed coefficient's inside (``x + y/4``) into TeX (or None)."""
    if len(s) > 200 or not re.search(r"[A-Z]", s):
        return None
    s = s.translate(_SUBSCRIPT_DIGITS)  # "N₂ + 3H₂ ⇌ 2NH₃"
    parts = _ARROW_RE.split(s.strip())
    sides, arrows = parts[0::2], parts[1::2]
    if len(arrows) > 2 or any(not side.strip() for side in sides):
        return None
    out_sides = []
    compounds = 0
    species = 0
    for side in sides:
        terms = _split_plus(side.strip())
        texs = []
        for term in terms:
            if re.fullmatch(r"[a-z]{3,12}", term.strip()):  # "+ light", "+ energy", "+ heat"
                texs.append(r"\text{" + term.strip() + "}")
                continue
            got = _species(term, math or (lambda x: None))
            if got is None:
                return None
            texs.append(got[0])
            compounds += got[1]
            species += 1
        out_sides.append(" + ".join(texs))
    # one species alone ("H2O", "CO2") or an equation with at least one compound ("H2 + O2 → H2O")
    if compounds == 0:
        return None
    tex = out_sides[0]
    for arrow, side in zip(arrows, out_sides[1:]):
        tex += " " + _ARROWS.get(arrow.strip(), r"\rightarrow") + " " + side
    return tex
