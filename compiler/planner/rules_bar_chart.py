"""Planner rules for bar charts and heatmaps:
    Show a bar chart of the probabilities: cat 0.7, dog 0.2, bird 0.1.
    Show a bar chart of the periods for the three lengths   (after a table: its columns give the bars)
    Display a heatmap of attention weights.
"the bars change to …" after a bar chart becomes a `bar_chart` beat with `extend: true` and
`new_values`. Literal matrices a heatmap uses are taken out of `ex.matrices`, because the matrix rule
reads those without looking at `consumed`.
"""

from __future__ import annotations

import hashlib
import math
import re
from ..formula import short_number, with_unit
from .beats import Beat
from .clauses import operation_clauses
from .context import Context, _beat, _cue, _has, _kw, since_clear
from .extract import Extracted
from .knowledge import extremes, without_place
from .quantity import ELLIPSIS, NUM, expand_ellipsis, number as _num, quantity
from .rules_plot import as_number, claim_drawn, fired_chart, chart_on_screen


def _table_bars(table: Beat, ex: Extracted) -> tuple[list[str], list, str] | None:
    """"Show a bar chart of the periods for the three lengths" after a table: its first column labels the
    bars, the numeric column the sentence names (or the last numeric one) gives their heights."""
    cols = table.params.get("columns") or []
    rows = [[as_number(v) for v in r] for r in table.params.get("rows") or []]
    if len(cols) < 2 or len(rows) < 2:
        return None
    numeric = [j for j in range(1, len(cols)) if all(isinstance(r[j], (int, float)) for r in rows if len(r) > j)]
    if not numeric:
        return None
    low = ex.low
    named = [j for j in numeric if any(w in low for w in re.findall(r"[a-z]{3,}", cols[j].lower()))]
    j = named[0] if named else numeric[-1]
    labels = [_fmt_cell(r[0]) + (f" {_unit(cols[0])}" if _unit(cols[0]) else "") for r in rows if len(r) > j]
    values = [r[j] for r in rows if len(r) > j]
    return labels, values, cols[j]


def _unit(header: str) -> str:
    m = re.search(r"\(([^()]{1,8})\)\s*$", header)
    return m.group(1) if m else ""


def _fmt_cell(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


# ----------------------------------------------------------------------------- bar chart
_ITEM = re.compile(r"^\s*(?:and\s+|or\s+)?[\"\u201c]?(?P<label>[^\"\u201d:=(),→]+?)[\"\u201d]?\s*(?:[:=]\s*|(?:→|->|⟶|=>)\s*|\(\s*|\s)"
                   r"(?P<value>" + NUM + r"(?:\s*/\s*\d+(?:\.\d+)?)?)\s*(?P<pct>%|percent\b)?\s*"
                   r"(?P<unit>million|billion|thousand|trillion|[a-zA-Z$€£]{1,6})?\s*\)?\s*$")


def _spaced(unit: str | None) -> str | None:
    """The suffix after each bar's value: "1.42 s", "49 J", "5 kg" — a unit of letters stands apart ("%", "°" do not)."""
    if not unit:
        return None
    return " " + unit if re.match(r"[A-Za-zΩ]", unit) else unit


def _value(text: str) -> float | int:
    """"12", "0.7", "3/8" (a fraction: its value)."""
    if "/" in text:
        a, b = (float(x) for x in text.split("/"))
        return round(a / b, 4) if b else 0
    return _num(text.strip())


_HEIGHTS = re.compile(r"\bbars?\s+(?:of|with|showing|at|have|having)\s+(?:the\s+)?(?:heights?|values?|lengths?|sizes?)(?:\s*:\s*|\s+(?:of\s+)?)",
                      re.I)


_TEX_FRACTION = re.compile(r"\\[dt]?frac\s*\{\s*(\d+(?:\.\d+)?)\s*\}\s*\{\s*(\d+(?:\.\d+)?)\s*\}")


def _plain_fractions(s: str) -> str:
    """Fractions of numbers written in TeX read as the numbers they are: "\\frac{5}{32}" -> "5/32"."""
    return _TEX_FRACTION.sub(r"\1/\2", s)


def _heights(ex: Extracted) -> tuple[list[str], list[float | int], list[str]] | None:
    """"a row of shrinking bars of heights 1, 1/2, 1/3, …, 1/8": bars named by their values as written (the labels),
    an ellipsis expanded from the pattern of the terms before it — (labels, values, what could not be read)."""
    sentence = _plain_fractions(ex.sentence)  # ("heights \\frac{1}{32}, \\frac{5}{32}, …")
    m = _HEIGHTS.search(sentence)
    if not m:
        return None
    terms: list[str] = []
    lost: list[str] = []
    pieces = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", sentence[m.end():])
    for k, piece in enumerate(pieces):
        if re.fullmatch(r"\s*" + ELLIPSIS + r"\s*", piece) and terms and k + 1 < len(pieces):
            nxt = re.match(r"\s*(" + NUM + r")(?!\w|\.\d)", pieces[k + 1])
            full = expand_ellipsis(terms, nxt.group(1)) if nxt else None
            if full is None:
                lost.append(f"the terms between {terms[-1]} and {nxt.group(1) if nxt else 'the end'} "
                            f"(written '…') follow no pattern sbc reads: they are not drawn")
            else:
                terms = full[:-1]
            continue
        t = re.match(r"\s*(" + NUM + r")(?!\w|\.\d)", piece)
        if not t:
            break
        terms.append(t.group(1).replace(" ", ""))
        if piece[t.end():].strip(" ."):
            break  # "1/8 next to each other": the list ends here
    if len(terms) < 2:
        return None
    return terms, [_value(t) for t in terms], lost


def _quoted_with_heights(ex: Extracted, s: str):
    """'three bars labelled "R₁", "R₂", "R₃" with heights 36, 12 and 24': the quoted names and the listed heights
    (labels, values, percent?, unit, valueless), or None."""
    quoted = list(ex.quoted)
    # ("heights 50,000, 200,000 and 450,000 J": thousands set apart by commas, a unit after the last)
    one = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|" + NUM + r")%?"
    # ("bar heights equal to the frequencies 200, 400, 600 and 800 Hz, each value written on top")
    m = re.search(r"\b(?:values?|heights?|lengths?|sizes?|counts?)\s+(?:of\s+|equal\s+to\s+(?:the\s+)?(?:[a-z]+\s+)?)?((?:"
                  + one + r"\s*(?:,\s*|\s+and\s+|$|(?=\.)|(?=\s+[A-Za-z/%°]{1,5}\s*(?:[.;,]|$))))+)", s, re.I)
    if quoted and m:
        vals = re.findall(one, m.group(1))
        if len(vals) != len(quoted):
            # 'a bar chart titled "Harmonics" with x labels "n = 1", …': the title is the chart's, not a bar
            quoted = [q for q in quoted if not re.search(r"\b(?:titled|title|called|named)\s*:?\s*[\"\u201c]" + re.escape(q), s)]
        bars = re.search(r"\bbars?\b", s[:m.start()], re.I)
        if len(vals) != len(quoted) and bars:
            # 'three bars labelled "R₁", "R₂", "R₃" with heights 36, 12 and 24, …, y-axis label "power (W)"': the
            # quotes between "bars" and the heights name the bars; a later quote is the chart's own
            quoted = re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", s[bars.end():m.start()])
        if len(vals) == len(quoted):
            return quoted, [_num(v.rstrip("%").replace(",", "")) for v in vals], any(v.endswith("%") for v in vals), \
                None, []
    return None


def _bar_data(ex: Extracted) -> tuple[list[str], list[float | int], bool, str | None, list[str]]:
    """(labels, values, percent?, their unit, the bars written after them without a value)."""
    s = operation_clauses(_plain_fractions(ex.sentence))[0]  # "…: "cat" 0.6, "dog" 0.3, and highlight the most likely one": the data only
    early = _quoted_with_heights(ex, s)
    if early is not None and len(early[0]) >= 2:
        return early  # ('three bars labeled "iter 1", "iter 2", "iter 3" and heights 173, 25.56, 7.75': not "iter" 1, 2, 3)
    pairs = re.findall(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]\s*\(\s*(" + NUM + r")\s*(%?)\s*\)", s)
    if len(pairs) >= 1:
        return [p[0] for p in pairs], [_num(p[1]) for p in pairs], any(p[2] for p in pairs), None, []
    # '"Stay" with height 334 and "Switch" with height 666': each quoted bar with its height
    sized = re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*,?\s*(?:with\s+(?:a\s+)?(?:height|value|count|length|size)"
                       r"\s+(?:of\s+)?|(?:at|of|reaching|up\s+to)\s+(?:a\s+)?(?:height\s+(?:of\s+)?)?)(" + NUM + r")\s*(%?)", s)
    if len(sized) >= 2:
        return [p[0] for p in sized], [_num(p[1]) for p in sized], any(p[2] for p in sized), None, []
    # 'bars "before" = 6, "after (stick)" = 6': each quoted bar, "=" or ":" and its value
    equal = re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*(?:=|:)\s*(" + NUM + r")(?![\d.]*\d)\s*(%?)"
                       r"(?=\s*(?:[,;]|\.(?!\d)|\band\b|$))", s)
    if len(equal) >= 2:
        return [p[0] for p in equal], [_num(p[1]) for p in equal], any(p[2] for p in equal), None, []
    # '"N₂" 0.80, "H₂" 2.40, "NH₃" 0.40': each quoted bar, its value right after it
    # ("…, "snow" 1/8 (y axis "probability" from 0 to 0.6)": the last bar before a bracketed note about the axes)
    bare = re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s+(" + NUM + r")\s*(%?)(?=\s*(?:[,;.(]|\band\b|$))", s)
    if len(bare) >= 2:
        return [p[0] for p in bare], [_num(p[1]) for p in bare], any(p[2] for p in bare), None, []
    # "bars for the gap at t = 0, 12.4, 24.8 with heights 70, 35, 17.5": the heights, named by where they stand
    heights = re.search(r"\bwith\s+(?:the\s+)?(?:heights?|values?)\s+((?:" + NUM + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)){1,11}"
                        + NUM + r")", s, re.I)
    if heights and re.search(r"\bbars?\b", s, re.I):
        values = [_num(v) for v in re.findall(NUM, heights.group(1))]
        at = re.search(r"\bat\s+([A-Za-z]\w?)\s*=\s*((?:" + NUM + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)){1,11}" + NUM + r")",
                       s[:heights.start()])
        places = re.findall(NUM, at.group(2)) if at else []
        if at and len(places) == len(values):  # (heights alone: the bars named by their heights, below)
            return [f"{at.group(1)} = {x.strip()}" for x in places], values, False, None, []
    # one bar per line: '"W by gravity": 49.0 J', '"W by friction": −17.0 J (bar going below the axis)'
    # ('"0.5 m" → 1.42 s' likewise; lines after the bars — 'Vertical axis "T (s)" from 0 to 6' — are the chart's own)
    lines = [ln for ln in s.split("\n")[1:] if ln.strip()]
    rows = [re.fullmatch(r"\s*(?:[-*•]\s*)?[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*(?:[:=]|→|->|⟶|=>)\s*(?P<cur>[$€£])?"
                         r"([+\-−]?\d[\d,]*(?:\.\d+)?)\s*(%|[A-Za-zΩ°$€]{1,4})?\s*(?:\([^()]*\))?\s*[.,;]?\s*", ln)
            for ln in lines]
    if None in rows and re.search(r"\bbars?\b|\bbar (?:chart|graph)\b|\bhistogram\b", s.split("\n")[0], re.I):
        rows = rows[:rows.index(None)]
    if len(rows) >= 2 and all(rows):
        units = {m.group(4) or m.group("cur") for m in rows}  # ('"2%" → $82.03': dollars, written before the value)
        unit = units.pop() if len(units) == 1 else None
        return ([m.group(1) for m in rows], [_num(m.group(3).replace("−", "-").replace(",", "")) for m in rows],
                unit == "%", unit if unit and unit != "%" else None, [])
    # "Bars:" then "k = 0: 0.168", "k = 1: 0.360", … one a line: each bar "label: value", the label as written
    plain = [re.fullmatch(r"\s*(?:[-*•]\s*)?([^:\n\"\u201c]{1,40}?)\s*:\s*(" + NUM + r")\s*(%?)\s*[.,;]?\s*", ln) for ln in lines]
    if len(plain) >= 2 and all(plain) and re.search(r"\bbars?\b|\bbar (?:chart|graph)\b|\bhistogram\b", s.split("\n")[0], re.I):
        return ([m.group(1).strip() for m in plain], [_num(m.group(2)) for m in plain], any(m.group(3) for m in plain),
                None, [])
    # 'Before test: 1%', 'After 1 positive: 8.8%': each quoted bar is "label: value"
    # ("'H₂: 10 g' and 'O₂: 64 g'": a unit after each value, the same for all)
    inside = [re.fullmatch(r"\s*([^:]{1,40}?)\s*:\s*(" + NUM + r")\s*(%|[A-Za-zΩ°$€/]{1,6})?\s*", q) for q in ex.quoted]
    if len(inside) >= 2 and all(inside) and len({m.group(3) for m in inside}) == 1:
        unit = inside[0].group(3)
        # (bars "labeled 'H₂: 10 g' and 'O₂: 64 g'" carry those labels as written; 'Before test: 1%' names its bar)
        named = re.search(r"\blabell?ed\s+[\"'\u201c\u2018]", s, re.I) is not None
        return ([m.group(0).strip() if named else m.group(1) for m in inside], [_num(m.group(2)) for m in inside],
                unit == "%", unit if unit and unit != "%" else None, [])
    # "two horizontal bars: 'needed 0.300 mol' and 'have 0.250 mol'": each quoted bar is "label value unit"
    trailing = [re.fullmatch(r"\s*([^\d\"\u201c\u201d:=]{1,30}?)\s+(" + NUM + r")\s*(%|[A-Za-zΩ°$€/]{1,6})?\s*", q)
                for q in ex.quoted]
    if len(trailing) >= 2 and all(trailing) and re.search(r"\bbars\b", s, re.I):
        units = {m.group(3) for m in trailing}
        unit = units.pop() if len(units) == 1 else None
        return ([m.group(1) for m in trailing], [_num(m.group(2)) for m in trailing], unit == "%",
                unit if unit and unit != "%" else None, [])
    # "Bars: n = 1: 1.27, n = 2: 0, n = 3: 0.42": each bar "label: value", the label as written ("n = 1")
    colon_pairs = re.findall(r"(?:^|[,;]|:)\s*(?:and\s+)?([^:,;]{1,40}?)\s*:\s*(" + NUM + r")\s*(%?)(?=\s*(?:[,;.]|$))", s)
    if len(colon_pairs) >= 2 and re.search(r"\bbars?\b|\bbar (?:chart|graph)\b|\bhistogram\b", s, re.I):
        # "a bar chart of cat: 3, dog: 2": the first label is what follows "of"
        first = re.split(r"\s(?:of|for|with|showing)\s", colon_pairs[0][0])[-1]
        colon_pairs[0] = (first, *colon_pairs[0][1:])
    if len(colon_pairs) >= (2 if re.search(r"\bbars?\b|\bbar (?:chart|graph)\b|\bhistogram\b", s, re.I) else 3) and all(
            "=" in lab or len(lab.split()) <= 3 for lab, _, _ in colon_pairs):
        return ([lab.strip() for lab, _, _ in colon_pairs], [_num(v) for _, v, _ in colon_pairs],
                any(p for _, _, p in colon_pairs), None, [])
    # ("…: x-axis "bucket" from 0 to 7, y-axis …; bars: bucket 0 → 2, …": the list after "bars:" is the data)
    m = re.search(r"\b(?:bars|heights|values|counts)\s*:\s*(.+?)\s*\.?$", s, re.I) or \
        re.search(r"[:\u2014]\s*(.+?)\s*\.?$", s) or re.search(
        r"\b(?:with|for|to)\s+(?:(?:the\s+)?(?:values?|bars?|heights?|counts?)\s+(?:of\s+|for\s+|showing\s+)?)?(.+?)\s*\.?$", s)
    if m and re.match(r"\s*\d+[-–]\d+\s*:", m.group(1)) is None and ":" in m.group(1)[:40] and \
            re.match(r"[^,:]{1,40}:\s*\d", m.group(1)) is None:
        m = re.search(r"[:\u2014]\s*(.+?)\s*\.?$", m.group(1)) or m
    if m:
        body = re.split(r"[;.]\s|\s+(?:then|and then|highlight\w*)\b", m.group(1))[0]
        items = [x for x in re.split(r",\s*|\s+and\s+", body) if x.strip()]
        labels, values, pct, units = [], [], False, set()
        for k, it in enumerate(items):
            im = _ITEM.match(it)
            if not im and len(labels) >= 2 and not any(_ITEM.match(x) for x in items[k:]):
                # "E 12.7, T 9.1, … and others": the bars written without a value are reported by rule_bar_chart
                # ("…, each bar with its value written on top": how the bars look, no bar)
                ex_rest = [x.strip(" .") for x in items[k:] if not re.match(r"\s*(?:each|every|all|both|with)\b", x, re.I)]
                return labels, values, pct, (units.pop() if len(units) == 1 else "") or None, ex_rest
            if not im:
                break
            label = im.group("label").strip()
            if not labels:  # ("bars cat = 2.0, dog = 1.0": the first bar is cat — "bars" is the noun before the list)
                label = re.sub(r"^(?:the\s+)?(?:bars?|values?|heights?|counts?)\s+(?=\S)", "", label, flags=re.I)
            span = re.fullmatch(r"([A-Za-z]\w*?)s?\s+(\d{1,2})\s*(?:to|-|–|through)\s*(\d{1,2})", label)
            if span and 0 < int(span.group(3)) - int(span.group(2)) < 12:
                # "buckets 3 to 7 → 0": one bar for each, all of that value
                names = [f"{span.group(1)} {n}" for n in range(int(span.group(2)), int(span.group(3)) + 1)]
                labels += names
                values += [_value(im.group("value"))] * len(names)
                pct = pct or bool(im.group("pct"))
                units.add((im.group("unit") or "").strip())
                continue
            labels.append(label)
            values.append(_value(im.group("value")))
            pct = pct or bool(im.group("pct"))
            units.add((im.group("unit") or "").strip())
        else:
            if len(labels) >= 2:
                unit = units.pop() if len(units) == 1 else ""
                return labels, values, pct, unit or None, []
    found = _quoted_with_heights(ex, s)
    if found is not None:
        return found
    return [], [], False, None, []


_PLAIN = r"-?\$?\d+(?:\.\d+)?%?"  # a value in a series: 1000, $1210, 8.8%
_SERIES = re.compile(r"[(\[]\s*(" + _PLAIN + r"(?:\s*,\s*" + _PLAIN + r"){1,11})\s*[)\]]")
_SERIES_NAME = re.compile(r"[A-Za-z][\w'&+\- ]{0,30}")


def _series(sentence: str) -> list[tuple[str, list[float | int]]]:
    """"two bars side by side: simple (1000, 1100, 1200, 1300) and compound (1000, 1100, 1210, 1331)": named series of
    values, each written as its name and its values in brackets ([] when any name is unclear)."""
    out = []
    start = 0
    for m in _SERIES.finditer(sentence):
        before = re.split(r"[:;,]|\band\b|\bvs\.?|\bversus\b|\bthen\b", sentence[start:m.start()])[-1]
        name = re.sub(r"^\s*(?:the|a|an)\s+", "", before.strip(" \t\"'\u201c\u201d"), flags=re.I)
        # ("Show a bar chart with values [0, 2, 0, 3]": the values of the chart the sentence shows, not a series' name)
        name = re.sub(r"^.*\b(?:with|showing|having|of)\s+", "", name, flags=re.I)
        name = re.sub(r"\s+(?:bars?|values?|series)$", "", name, flags=re.I)
        start = m.end()
        if not _SERIES_NAME.fullmatch(name) or len(name.split()) > 4:
            return []
        out.append((name, [_value(v.replace("$", "").rstrip("%")) for v in re.split(r"\s*,\s*", m.group(1))]))
    return out


_X_CATEGORIES = re.compile(r"\bx[- ]axis\b[^\"\u201c.;]{0,30}[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*"
                           r"\(\s*([^()]{1,120})\)")
_Y_NAME = re.compile(r"\by[- ]axis\b[^\"\u201c.;]{0,30}[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]")


# 'x-axis "Year"', 'vertical axis labelled "T / T₀"': an axis and its quoted name
_AXIS_NAMED = re.compile(r"\b([xy]|horizontal|vertical)[- ]?axis\s*(?:(?:label(?:l?ed)?|named|titled|is|as)\s*:?\s+)?[\"\u201c]"
                         r"([^\"\u201d]{1,40})[\"\u201d]", re.I)


def _announcement(ex: Extracted) -> dict:
    """What a bar chart sentence without data says of the chart: its groups (`x-axis "Year" (0, 1, 2, 3)`: "Year 0" …
    "Year 3") and the quantity on its y axis (the chart's caption)."""
    said: dict = {}
    m = _X_CATEGORIES.search(ex.sentence)
    if m:
        name, items = m.group(1).strip(), [x.strip() for x in m.group(2).split(",") if x.strip()]
        said["labels"] = [f"{name} {x}" if re.fullmatch(NUM, x) and len(name.split()) == 1 else x for x in items]
        said["x_name"] = name
    listed = _CATEGORIES.search(ex.sentence) if "labels" not in said else None
    if listed:  # 'the x-axis labelled "number of heads k" and categories 0, 1, 2, 3': the groups as listed
        said["labels"] = [x.strip() for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.group(1)) if x.strip()]
    counted = _NUMBERED_BARS.search(ex.sentence) if "labels" not in said else None
    if counted and 2 <= int(counted.group(2)) - int(counted.group(1)) + 1 <= 24:
        # "x labels 0–6", "bars labelled 0 to 6": the groups numbered as the sentence numbers them
        said["labels"] = [str(k) for k in range(int(counted.group(1)), int(counted.group(2)) + 1)]
    named = _BAR_NAMES.search(ex.sentence) if "labels" not in said else None
    if named:  # "a single bar chart with three bars (cat, dog, bird)": the bars' names
        items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", named.group(1)) if x.strip()]
        if 2 <= len(items) <= 12 and all(len(x) <= 24 for x in items):
            said["labels"] = items
    quoted = _QUOTED_BARS.search(ex.sentence) if "labels" not in said else None
    if quoted:  # 'a bar chart with two bars, "V_R" and "V_C", on a y axis …': the bars' names, quoted
        said["labels"] = [m.group(1) or m.group(2) for m in re.finditer(r"\"([^\"]{1,24})\"|\u201c([^\u201d]{1,24})\u201d",
                                                                          quoted.group(1))]
    y = _Y_NAME.search(ex.sentence)
    if y:
        said["title"] = y.group(1).strip()
        x = next((m for m in _AXIS_NAMED.finditer(ex.sentence) if m.group(1)[0].lower() in "xh"), None)
        if x and "x_name" not in said:  # ('x-axis "amplitude θ₀" and y-axis "T / T₀"': "T / T₀ by amplitude θ₀")
            said["title"] += f" by {x.group(2).strip()}"
    return said


_BAR_NAMES = re.compile(r"\bbars\s*\(([^()]{1,120})\)", re.I)
_CATEGORIES = re.compile(r"\b(?:categories|groups|classes)\s*:?\s*((?:[\w.+−-]{1,12}\s*,\s*(?:and\s+)?){1,11}[\w.+−-]{1,12})(?=\s*(?:[,.;)]|$|\s+and\s+the\b))",
                         re.I)
_NUMBERED_BARS = re.compile(r"\b(?:x[- ]?(?:axis\s+)?labels?|(?:bars|groups|categories)\s+(?:labell?ed|numbered|named)|x[- ]?axis\s+"
                            r"(?:from|numbered))\s*:?\s*(?:from\s+)?(-?\d{1,3})\s*(?:–|—|-|to|\.\.)\s*(-?\d{1,3})(?![\d.]|\s*,\s*\d)", re.I)
_QUOTED_BARS = re.compile(r"\bbars\s*,?\s*(?:(?:named|labell?ed|called|for)\s+)?((?:[\"\u201c][^\"\u201d]{1,24}[\"\u201d]\s*"
                          r"(?:,\s*(?:and\s+)?|and\s+)){1,11}[\"\u201c][^\"\u201d]{1,24}[\"\u201d])", re.I)
# "T = 0.5 → [0.864, 0.117, 0.019]": a state of the chart, named, with a value per bar
_STATE = re.compile(r"^\s*(?:[-*•]\s*)?(?P<name>[^\n\[\]→:]{1,24}?)\s*(?:→|->|=>|:)\s*\[(?P<values>[^\[\]\n]{1,160})\]\s*[.,;]?\s*$", re.M)


def _states(sentence: str, n: int, labels: list | None = None) -> list[tuple[str, list[float]]]:
    """The named states a sentence steps the chart through, one per line, each with one value per bar (n): in
    brackets ("T = 0.5 → [0.864, 0.117, 0.019]") or by the bars' names ("h = 2.5 m: PE = 49 J, KE = 49 J")."""
    if labels and len(labels) == n:
        named = []
        for ln in [x for x in sentence.split("\n")[1:] if x.strip()]:
            m = re.fullmatch(r"\s*(?:[-*•]\s*)?(?P<name>[^\n:]{1,24}?)\s*:\s*(?P<rest>.+?)\s*[.;]?\s*", ln)
            if not m:
                break
            got = {}
            for lab in labels:
                v = re.search(r"(?<![\w])" + re.escape(str(lab)) + r"\s*=\s*(" + NUM + r")", m.group("rest"))
                if v:
                    got[lab] = quantity(v.group(1))
            if len(got) != n:
                break
            named.append((m.group("name").strip(), [got[lab] for lab in labels]))
        if len(named) >= 2:
            return named
    out = []
    for m in _STATE.finditer(sentence):
        values = [x.strip() for x in m.group("values").split(",")]
        if len(values) != n or not all(re.fullmatch(NUM, v) for v in values):
            return []
        out.append((m.group("name").strip(), [quantity(v) for v in values]))
    return out if len(out) >= 2 else []


def _grouped(ex: Extracted, ctx: Context, i: int, series, said: dict, rule: str) -> list[Beat]:
    """A bar chart of named series: one group of bars per label (the announced groups, else numbered — said by
    SB307), one bar per series; a single series is plain bars."""
    n = len(series[0][1])
    if any(len(v) != n for _, v in series):
        ctx.lost(i, "the series have different numbers of values: the bar chart is not drawn")
        return []
    labels = said.get("labels")
    if not labels or len(labels) != n:
        if labels:
            ctx.lost(i, f"{len(labels)} groups are named but each series has {n} values: the groups are numbered")
        else:
            ctx.lost(i, f"the groups of bars are not named: they are numbered 1 to {n}")
        labels = [str(k) for k in range(1, n + 1)]
    title = _titled(ex.sentence, ctx) or said.get("title")
    for _, values in series:  # (the values in brackets are the bars', not also a row of boxes)
        ex.vectors[:] = [v for v in ex.vectors if [float(x) for x in v] != [float(x) for x in values]]
    if len(series) == 1 or len(series) * n > 24:
        if len(series) > 1:
            ctx.lost(i, f"{len(series)} series of {n} bars are too many to group: only {series[0][0]!r} is drawn")
        labels = ctx.capped(i, labels, 12, "bars")
        values = series[0][1][:len(labels)]
        strings = ([title] if title else []) + labels + [short_number(v) for v in values]
        claim_drawn(ex, ctx, strings)
        return [_beat("bar_chart", rule, ex, i, strings, sum((_kw(x) for x in labels), ()), labels=labels,
                      values=values, title=title)]
    series = ctx.capped(i, series, 4, "series of bars")
    if len(labels) > 12:
        ctx.lost(i, f"{len(labels)} groups: only the first 12 are drawn")
    labels = labels[:12]
    spec = [{"name": name, "values": values[:12]} for name, values in series]
    strings = ([title] if title else []) + labels + [name for name, _ in series] + [
        short_number(v) for _, values in series for v in values[:12]]
    claim_drawn(ex, ctx, strings)
    return [_beat("bar_chart", rule, ex, i, strings, sum((_kw(x) for x in labels + [n for n, _ in series]), ()),
                  labels=labels, series=spec, title=title)]


_VALUES_ON_BARS = re.compile(r"\b(?:on top of|above|over)\s+(?:each|every|the)\s+bars?\b.{0,20}?\b(?:write|show|display|put|add|label|"
                             r"place)\b.{0,30}\b(?:values?|numbers?|heights?)\b|"
                             r"\b(?:write|show|display|put|add|label|place)\b.{0,40}\b(?:values?|numbers?|heights?)\b"
                             r".{0,30}\b(?:on top of|above|over|on)\b.{0,20}\bbars?\b|\blabel each bar\b|"
                             r"^\W*(?:\d+[.)]\s*)?(?:the\s+)?(?:values?|numbers?|heights?)\s+(?:labels?\s+)?(?:on top of|above|over|on)\b"
                             r".{0,20}\bbars?\b", re.I)


def _values_as_written(ex: Extracted, ctx: Context, i: int, chart: Beat) -> list[Beat] | None:
    """"Write the values on top of the bars as "50 kJ", "200 kJ", "450 kJ"" for bars of 50,000, 200,000 and 450,000 J:
    the same values in another unit (one factor for every bar) — the bars show them so; anything else is not this."""
    vals = chart.params.get("values")
    fractions = [re.fullmatch(r"\s*(-?\d{1,6})\s*/\s*(\d{1,6})\s*", q) for q in ex.quoted]
    if vals and len(fractions) == len(vals) and all(fractions) and not chart.params.get("series") and all(
            int(f.group(2)) and abs(int(f.group(1)) / int(f.group(2)) - v) <= 1e-3 * max(1.0, abs(v)) for f, v in zip(fractions, vals)):
        # "Above each bar write its value as a fraction: "1/8", "3/8", …" on bars of 0.125, 0.375: written as asked
        ctx.replace(chart, Beat(chart.kind, dict(chart.params, value_labels=[q.strip() for q in ex.quoted]),
                                chart.strings + tuple(q for q in ex.quoted if q not in chart.strings),
                                chart.rule + "+values-as-written", chart.source, chart.detail_index, chart.keywords), i)
        ctx.consumed.update(ex.quoted)
        ctx.stop = True
        return []
    marks = [re.fullmatch(r"\s*(-?\d[\d,]*(?:\.\d+)?)\s*([^\d\s][^\d]{0,7})?\s*", q) for q in ex.quoted]
    if not vals or len(marks) != len(vals) or not all(marks) or 0 in vals:
        return None
    shown = [float(m.group(1).replace(",", "")) for m in marks]
    units = {(m.group(2) or "").strip() for m in marks}
    factors = [a / b for a, b in zip(shown, vals)]
    if len(units) != 1 or max(factors) - min(factors) > 1e-6 * max(abs(f) for f in factors):
        return None
    unit = _spaced(units.pop())
    values = [int(v) if v.is_integer() else v for v in shown]
    ctx.replace(chart, Beat(chart.kind, dict(chart.params, values=values, **({"unit": unit} if unit else {})),
                            chart.strings + tuple(q for q in ex.quoted if q not in chart.strings), chart.rule + "+values-as-written",
                            chart.source, chart.detail_index, chart.keywords), i)
    ctx.consumed.update(ex.quoted)
    ctx.stop = True
    return []


_FROM_TO = re.compile(r"\b(?:animat\w+|chang\w+|mov\w+|shift\w+|go(?:es)?|transition\w*|morph\w*|updat\w+)\s+from\s+(?P<a>[^;.]+?)"
                      r"\s+to\s+(?P<b>[^;]+?)\s*(?:;|\.(?!\d)|$)", re.I)


def _values_by_name(text: str, labels: list) -> list | None:
    """"KE 0 / PE 196": each bar's value, by its name (None unless every bar has one)."""
    out = []
    for lab in labels:
        m = re.search(r"(?<![\w])" + re.escape(str(lab)) + r"\s*(?:[=:]|\bat\b|\bbar\b)?\s*(" + NUM + r")", text)
        if m is None:
            return None
        out.append(_value(m.group(1)))
    return out


def _from_to(ex: Extracted, ctx: Context, i: int, previous: Beat | None) -> list[Beat] | None:
    """"Bar chart on the right (same layout as before) animates from KE 0 / PE 196 to KE 171.5 / PE 24.5": the chart
    (on screen, else the one an earlier scene drew with those bars) changing from the first values to the second."""
    m = _FROM_TO.search(ex.sentence)
    if m is None or not re.search(r"\bbars?\b|\bbar[- ]?(?:chart|graph)\b", ex.sentence, re.I):
        return None
    chart = previous
    if chart is None:
        from .rules_recall import scene_state

        for sp in reversed(ctx.history):
            state = scene_state(sp, "bar_chart")
            if state is not None and _values_by_name(m.group("a"), state.params.get("labels") or []) is not None:
                chart = state
                break
    if chart is None or chart.params.get("series"):
        return None
    labels = chart.params.get("labels") or []
    before, after = _values_by_name(m.group("a"), labels), _values_by_name(m.group("b"), labels)
    if before is None or after is None:
        return None
    p = {k: v for k, v in chart.params.items() if k not in ("new_values", "sentence", "extend")}
    p.update(values=before, new_values=after)
    if previous is not None:
        p["extend"] = True
    strings = ([] if previous is not None else [str(x) for x in labels]) + [with_unit(v, p.get("unit")) for v in after]
    claim_drawn(ex, ctx, strings)
    ex.prose[:] = []
    rest = ex.sentence[m.end():].strip(" ;.")
    if len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2:
        ctx.lost(i, f"{rest[:60]!r} is not drawn: the chart shows its bars only")  # ("total line stays at 196")
    return [_beat("bar_chart", "bar_chart:from-to", ex, i, strings, _kw(ex.sentence), **p)]


def _named_bar_values(s: str, labels: list[str]) -> tuple[list[str], list, str | None] | None:
    """"KE bar at 0, PE bar grows to 196 kJ": the value of each bar the chart announced, by its name — (labels, values,
    unit), or None unless every bar is given one."""
    if len(labels) < 2:
        return None
    values, units = [], set()
    for lab in labels:
        m = re.search(r"(?<![\w])" + re.escape(lab) + r"\s+bar\s+(?:is\s+|at\s+|(?:grows?|rises?|goes|climbs?|shrinks?|drops?|"
                      r"falls?)\s+to\s+|reaches\s+|stands\s+at\s+|of\s+|=\s*|:\s*|to\s+|(?:with\s+)?(?:a\s+)?height\s+(?:of\s+)?)?"
                      r"(" + NUM + r")\s*([A-Za-zΩ°%$€]{1,4}\b)?", s)
        if m is None:
            return None
        values.append(_value(m.group(1)))
        if m.group(2) and not re.fullmatch(r"and|or|to|the|then|at|in", m.group(2), re.I):
            units.add(m.group(2))
    return list(labels), values, (units.pop() if len(units) == 1 else None)


def _titled(s: str, ctx: Context) -> str | None:
    """'… titled "Letter counts"': the chart's caption as written (drawn as it, not again as text)."""
    m = re.search(r"\btitled\s+[\"\u201c]([^\"\u201d]+)[\"\u201d]", s, re.I) or re.search(
        # ('grouped bar chart "total momentum (kg·m/s)" with bars …': the name written right after the chart's noun)
        r"\b(?:bar[- ]?(?:chart|graph|plot)|histogram)\s+(?:of\s+)?[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]\s+(?:with|showing|of|for)\b",
        s, re.I)
    if not m:
        return None
    ctx.consumed.add(m.group(1).strip())
    return m.group(1).strip()


def rule_bar_chart(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    beats = _bar_chart(ex, ctx, i)
    if any(b.kind == "bar_chart" for b in beats):
        ctx.consumed.update(m.group(0) for m in _TEX_FRACTION.finditer(ex.sentence))  # the bars' heights, drawn as bars
    return beats


def _bar_chart(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if fired_chart(ex, ctx, i):
        return []
    s = ex.sentence
    cue = _cue(ex, r"\bbar[- ]?(?:chart|graph|plot)s?\b|\bhistogram\b|\bbars?\s+(?:for|of|showing)\b|"
                   r"^\W*(?:\d+[.)]\s*)?bar\s+(?:heights?|values?|lengths?)\s*:|"
                   r"\bas\s+(?:(?:vertical|horizontal|simple|three|two|four)\s+)?bars\b") or bool(
        _HEIGHTS.search(ex.sentence)) or (  # "two horizontal bars: …" (not the bars of a chart announced before)
        "bar_chart" not in ctx.announced and _cue(ex, r"\b(?:two|three|four|five|\d)\s+(?:(?:horizontal|vertical|simple|small)"
                                                   r"\s+)*bars\b"))
    previous = chart_on_screen(ctx, "bar_chart")
    new_chart = re.search(r"\bbar[- ]?(?:chart|graph|plot)s?\b|\bhistogram\b", s, re.I)
    if previous is not None and not new_chart and _VALUES_ON_BARS.search(s) and not ex.quoted:
        ctx.modified.add(i)  # "Write the value on top of each bar": the chart shows them already
        ctx.stop = True
        return []
    if previous is not None and not cue and _VALUES_ON_BARS.search(s) and ex.quoted:
        relabelled = _values_as_written(ex, ctx, i, previous)
        if relabelled is not None:
            return relabelled
    announced = ctx.announced.get("bar_chart")
    states = _states(s, len(announced[1].get("labels") or ()), announced[1].get("labels")) if announced is not None else []
    if states:
        # "Animate T through these values, updating the bars:" then "T = 0.5 → [0.864, 0.117, 0.019]", …: the chart
        # announced before, in each state in turn, named by its title
        del ctx.announced["bar_chart"]
        labels = announced[1]["labels"]
        beats, before = [], None
        for name, values in ctx.capped(i, states, 8, "states of the chart"):
            # (the chart's own caption kept with the state's name: "energy (J) — h = 2.5 m")
            caption = f"{announced[1]['title']} \u2014 {name}" if announced[1].get("title") else name
            strings = [caption] + labels + [_fmt_cell(v) for v in values]
            params = dict(labels=labels, values=before or values, title=caption)
            if before is not None:
                params.update(new_values=values, extend=True)
            beats.append(_beat("bar_chart", "bar_chart:announced-states", ex, i, strings,
                               _kw(name) + sum((_kw(x) for x in labels), ()), **params))
            before = values
        claim_drawn(ex, ctx, [x for b in beats for x in b.strings])
        ctx.consumed.update(labels)
        ex.prose[:] = []
        ex.vectors[:] = []
        ctx.stop = True
        return beats
    heights = _heights(ex) if announced is not None and not new_chart else None
    if announced is not None and (not cue or heights and len(heights[0]) == len(announced[1].get("labels") or ())):
        # "For each year draw two bars side by side: simple (…) and compound (…)" after "Draw a bar chart with …"
        series = _series(s)
        if series:
            del ctx.announced["bar_chart"]
            return _grouped(ex, ctx, i, series, announced[1], "bar_chart:announced-series")
        labels, values, pct, word_unit, valueless = _bar_data(ex)
        named = _named_bar_values(s, announced[1].get("labels") or [])
        if named is not None and len(labels) < 2:
            # "KE bar at 0, PE bar grows to 196 kJ" after "a bar chart with two bars "KE" and "PE"": each bar's value
            labels, values, word_unit = named
            pct, valueless = False, []
        if heights and len(labels) < 2:
            # "Bars have heights 0.125, 0.375, 0.375 and 0.125." after "… categories 0, 1, 2, 3": a height per category
            labels, values, pct, word_unit, valueless = list(announced[1]["labels"]), heights[1], False, None, []
        if len(labels) >= 2:
            # "Bars: n = 1: 1.27, n = 2: 0, …" after "Draw a bar chart with x axis "frequency n" …"
            del ctx.announced["bar_chart"]
            for v in valueless:
                ctx.lost(i, f"the bar {v!r} is written without a value: it is not drawn")
            title = announced[1].get("title")
            labels = ctx.capped(i, labels, 12, "bars")
            values = values[:len(labels)]
            unit = "%" if pct else _spaced(word_unit)
            strings = ([title] if title else []) + labels + [with_unit(v, unit) for v in values]
            claim_drawn(ex, ctx, strings)
            ctx.consumed.update(labels)
            ex.prose[:] = []
            return [_beat("bar_chart", "bar_chart:announced-values", ex, i, strings, sum((_kw(x) for x in labels), ()),
                          labels=labels, values=values, title=title, unit=unit)]
    axis = re.search(r"\b([xy]|vertical|horizontal)[- ]axis\b[^\"\u201c]{0,20}[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", s, re.I)
    if previous is not None and axis and not cue:
        # "Label the y-axis "Probability"": the chart has no axes of its own — the caption says it
        name = axis.group(2).strip()
        old = previous.params.get("title")
        vertical = axis.group(1).lower() in ("y", "vertical")
        title = name if not old else (f"{old} \u2014 {name}" if "(" in name else
                                      f"{name} ({old[0].lower() + old[1:]})" if vertical else f"{old} ({name})")
        if re.search(r"\bfrom\s+" + NUM + r"\s+to\s+" + NUM, s[axis.end():axis.end() + 40]):
            ctx.lost(i, "a bar chart has no axis scale: the range asked for is not drawn (each bar shows its value)")
        ctx.replace(previous, Beat("bar_chart", dict(previous.params, title=title), previous.strings + (title,),
                                   previous.rule + "+axis-label", previous.source, previous.detail_index,
                                   previous.keywords + _kw(name)), i)
        ctx.consumed.add(name)
        ctx.stop = True
        return []
    moved = _from_to(ex, ctx, i, previous)
    if moved is not None:
        return moved
    change = previous is not None and _has(
        ex, r"\b(?:bars?|values?|chart|probabilit\w+|scores?)\b[^.]*\b(?:change|changes|changing|update|updates|"
            r"become|becomes|shift|shifts|move|moves|grow|grows|shrink|shrinks)\b")
    order = re.search(r"\b(?:re-?order|sort|rearrange|re-?arrange)\w*\s+the\s+bars\b[^:]*:\s*(.+?)\.?$", s, re.I) \
        if previous is not None and previous.params.get("values") and not previous.params.get("series") else None
    pairs = [re.fullmatch(r"\s*[\"\u201c]?([^\s\"\u201d]{1,24})[\"\u201d]?\s*[(:=]?\s*(" + NUM + r")\)?\s*", x)
             for x in re.split(r"\s*,\s*(?:and\s+)?", order.group(1))] if order else []
    if pairs and all(pairs) and sorted(m.group(1) for m in pairs) == sorted(str(x) for x in previous.params["labels"]):
        # "Then reorder the bars from smallest to largest: C 1, D 1, B 2, R 2, A 5": the chart again, in that order
        old = previous.params
        shown = dict(zip((str(x) for x in old["labels"]), old.get("new_values") or old["values"]))
        labels = [m.group(1) for m in pairs]
        values = [_num(m.group(2)) for m in pairs]
        if any(abs(float(shown[lab]) - float(v)) > 1e-9 for lab, v in zip(labels, values)):
            return []  # (values that differ from the bars': not the same bars reordered)
        p = {k: v for k, v in old.items() if k not in ("new_values", "extend", "sentence")}
        p.update(labels=labels, values=values)
        strings = labels + [with_unit(v, old.get("unit")) for v in values]
        claim_drawn(ex, ctx, strings)
        ex.prose[:] = []
        ctx.stop = True
        return [_beat("clear", "clear:reordered", ex, i, (), kinds=["bar_chart"]),
                _beat("bar_chart", "bar_chart:reordered", ex, i, strings, _kw(s), **p)]
    if previous is not None and not change and not cue and len(previous.params.get("labels") or []) >= 2 and all(
            re.search(r"(?<![\w\"\u201c])" + re.escape(lab) + r"\s*[=:]\s*" + NUM, s) for lab in previous.params["labels"]):
        change = True  # "Snapshot 2, label "t = 1 s": V_R = 3.68 V, V_C = 6.32 V": every bar given a new value
        bars = "|".join(re.escape(lab) for lab in previous.params["labels"])
        ex.prose[:] = [p for p in ex.prose if not re.match(r"\s*(?:" + bars + r")\s*[=:]", p[0])]  # (the bars show them)
    one = previous is not None and not cue and re.search(
        r"\bthe\s+[\"\u201c]?([^\s\"\u201c\u201d]{1,20})[\"\u201d]?\s+bar\s+(?:jumps?|rises?|grows?|drops?|falls?|shrinks?|changes?|"
        r"goes|increases?|decreases?|moves?)\s+(?:up\s+|down\s+)?to\s+(" + NUM + r")", s, re.I)
    if one and one.group(1) in previous.params.get("labels", []):
        # "The N₂ bar jumps to 1.60 with the label "+0.80 M N₂ added"": that bar changes, the others stay
        old = previous.params
        now = list(old.get("new_values") or old["values"])
        now[old["labels"].index(one.group(1))] = _num(one.group(2))
        p = {k: v for k, v in old.items() if k not in ("new_values", "sentence")}
        p.update(values=list(old.get("new_values") or old["values"]), new_values=now, extend=True)
        strings = [with_unit(now[old["labels"].index(one.group(1))], old.get("unit"))]
        claim_drawn(ex, ctx, strings)
        return [_beat("bar_chart", "bar_chart:change-one", ex, i, strings, _kw(s), **p)]
    if not (cue or change):
        return []
    labels, values, pct, word_unit, valueless = _bar_data(ex)
    heights = None if labels else _heights(ex)
    if heights:
        labels, values, lost = heights  # "bars of heights 1, 1/2, 1/3, …, 1/8"
        for what in lost:
            ctx.lost(i, what)
    if change and values:
        old = previous.params
        by_label = dict(zip(labels, values))
        new = [by_label.get(lab, v) for lab, v in zip(old["labels"], old.get("new_values") or old["values"])]
        ctx.consumed.update(labels)
        p = {k: v for k, v in old.items() if k not in ("new_values", "sentence")}
        p["values"] = list(old.get("new_values") or old["values"])
        p["new_values"] = new
        p["extend"] = True
        strings = [with_unit(v, old.get("unit")) for v in new]
        claim_drawn(ex, ctx, strings)
        return [_beat("bar_chart", "bar_chart:change", ex, i, strings, _kw(s), **p)]
    if not cue:
        return []
    if _has(ex, r"\blog(?:arithmic)?[- ]?scale\b|\blog(?:arithmic)?\s+(?:y[- ])?axis\b"):
        ctx.lost(i, "the bars are drawn on a linear scale, not the log scale asked for (each bar shows its value)")
    if not labels:
        series = _series(s)
        if series:
            return _grouped(ex, ctx, i, series, _announcement(ex), "bar_chart:series")
        table = next((b for b in reversed(ctx.beats) if b.kind == "table"), None)
        data = _table_bars(table, ex) if table is not None else None
        if data is None:
            said = _announcement(ex)
            axes_said = re.search(r"\b[xy][- ]?axis\b", s, re.I) is not None  # ('a bar chart: x axis "letter", y axis …')
            if (said or axes_said) and (_has(ex, r"^\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:draw|show|display|create|plot|make|add|build|"
                                                r"replace|turn|transform|convert|switch)\b") or re.match(
                    r"\s*(?:\d+[.)]\s*)?(?:an?\s+|the\s+)?(?:(?:vertical|horizontal|simple|single|small|large)\s+)?bar[- ]?(?:chart|graph)\s+"
                    r"(?:with|of|showing)\b", without_place(ex.sentence), re.I)):
                # ("Bar chart with x labels n = 1 to 9 and y from 0 to 1.4." announces it too, without a verb)
                # "Draw a bar chart with x-axis "Year" (0, 1, 2, 3) …": its bars come in a later sentence
                ctx.announced["bar_chart"] = (i, said)
                line = re.search(r"\b(?:(?:dashed|dotted|horizontal|reference)\s+){0,2}line\s+at\s+(?:y\s*=\s*)?(" + NUM
                                 + r")\b(?:[^.;\"\u201c]{0,20}?labell?ed\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d])?", s, re.I)
                if line:
                    # "with a dashed horizontal line at 98 labelled 'total = 98 J'": a bar chart draws no lines — said
                    ctx.lost(i, f"the line at {line.group(1)}" + (f" labelled {line.group(2)!r}" if line.group(2) else "")
                             + " is not drawn (a bar chart has no reference lines)")
                if re.search(r"\bfrom\s+" + NUM + r"\s+to\s+" + NUM + r"|\bticks?\b", s, re.I):
                    ctx.lost(i, "a bar chart has no axis scale: the range and ticks asked for are not drawn (each bar "
                                "shows its value)")
                ctx.modified.add(i)
                ctx.consumed.update(q for q in ex.quoted)
                ctx.stop = True
                return []
            # "Show a bar chart comparing the models" — nothing to plot: leave the sentence to other rules
            return []
        labels, values, title = data
        labels = ctx.capped(i, labels, 12, "rows of the table")
        values = values[:len(labels)]
        strings = [title] + labels + [short_number(v) for v in values]
        claim_drawn(ex, ctx, strings)
        return [_beat("bar_chart", "bar_chart:from-table", ex, i, strings, _kw(title) + tuple(x.lower() for x in labels),
                      labels=labels, values=values, title=title)]
    # ("'needed 0.300 mol'": the quote is the bar, its label and its value)
    ctx.consumed.update(q for q in ex.quoted if any(re.fullmatch(re.escape(lab) + r"\s+[-+−]?\d[\d.,]*\s*\S{0,6}", q)
                                                   for lab in labels))
    if len(labels) > 12:
        ctx.lost(i, f"{len(labels)} bars: only the first 12 are drawn (up to {labels[11]})")
    labels, values = labels[:12], values[:12]
    ctx.consumed.update(labels)
    # 'x-axis "bucket" from 0 to 7, y-axis "chain length"': the names of the axes, not bars (a bar chart has no axes)
    axis_names = [(m.group(1)[0].lower(), m.group(2)) for m in _AXIS_NAMED.finditer(s)
                  if m.group(2) in ex.quoted and m.group(2) not in labels]
    ctx.consumed.update(name for _, name in axis_names)
    # ("a bar labeled 'sick positives: 18'": the bar's label and its value, drawn — not a bar without a value)
    with_value = {q for q in ex.quoted if any(q.strip().startswith(str(lab) + ":") for lab in labels)}
    for q in [q for q in ex.quoted if q not in labels and q not in with_value and q not in ctx.consumed and not re.search(
            r"\btitled\s+[\"\u201c]" + re.escape(q) + r"|\b(?:bar[- ]?(?:chart|graph|plot)|histogram)\s+(?:of\s+)?[\"\u201c]"
            + re.escape(q), s)] + [v for v in valueless if v not in ex.quoted]:
        before = s[:max(s.find(q), 0)].rstrip("\"\u201c")
        if q in valueless or re.search(r"\bbars?\b[^\"\u201c\u201d]{0,60}$", before):
            # "… and smaller bars for the remaining letters grouped as "others"": a bar without a value
            ctx.lost(i, f"the bars after {labels[-1]} ({q!r}) are written without values: they are not drawn"
                     if re.fullmatch(ELLIPSIS + r"|and so on", q, re.I) else
                     f"the bar {q!r} is written without a value: it is not drawn")
            ctx.consumed.add(q)
    ctx.consumed.update(q for q in ex.quoted if any(q.strip().startswith(lab + ":") for lab in labels))
    ex.prose[:] = []  # "0 heads: 1/8, 1 head: 3/8": the values, not formulas to show
    title = _titled(s, ctx)
    if title is None:
        m = re.search(r"\b(?:bar[- ]?(?:chart|graph|plot)|histogram)\s+(?:of|showing|for|comparing)\s+(?:the\s+)?"
                      r"([a-z][\w -]{1,40}?)\s*(?::|,|\bwith\b|\bfor\b|$)", s, re.I)
        if m and not re.search(NUM, m.group(1)):
            # "a bar chart of its letter counts": what the pronoun stands for is elsewhere — "Letter counts"
            title = re.sub(r"^(?:(?:its|their|his|her|our|my|your|this|that|these|those|each|every)\s+)+", "",
                           m.group(1).strip(), flags=re.I)
            title = title[0].upper() + title[1:] if title else None
            if title and title.lower() in {str(lab).lower() for lab in labels}:
                title = None  # "a bar chart of cat: 3, dog: 2": "cat" is the first bar, not the chart's name
    if axis_names:
        # the axes' names: the chart's caption when it has none ("Revenue by Year"); a name that neither the caption nor
        # the bars' labels say is said lost
        ys = [n for a, n in axis_names if a in "yv"]
        xs = [n for a, n in axis_names if a in "xh"]
        title = title or " by ".join(ys[:1] + xs[:1])
        said = " ".join([str(x) for x in labels] + [title]).lower()
        for _, name in axis_names:
            if name.lower().rstrip("s") not in said:
                ctx.lost(i, f"the axis name {name!r} is not drawn: a bar chart has no axes (each bar shows its label "
                            "and value)")
    first = re.fullmatch(r"([A-Za-z]\w{0,2})\s*=\s*(\S{1,12})", str(labels[0])) if labels else None
    if first and len(labels) >= 3 and not any("=" in str(lab) for lab in labels[1:]):
        labels = [first.group(2)] + labels[1:]  # "k = 0: 0.001, 1: 0.0098, …": the bars 0, 1, … of k
    axes = _empty_axes(ctx, i)
    placed = value_labels = None
    if axes is not None and title is None:
        placed = axes.params.get("place")  # ("On the right, create axes: …": the chart goes where its axes were)
        # "Draw axes: x-axis "number of heads k" …, y-axis "P(X = k)" …. Draw 11 bars with heights: …": the bars are
        # the picture; its axes' names are its caption
        names = [str(axes.params.get(k) or "") for k in ("y_label", "x_label")]
        title = " by ".join(n for n in names if n) or None
        ctx.beats.remove(axes)
        at = _axis_values(axes.source)
        if at is not None and len(at) == len(labels) and _named_by_height(labels, values):
            # "axes with x values k = 0, 1, …, 5" then "six bars with heights 1/32, …": each bar stands at its value of
            # k, its height written above it as the details write it
            value_labels, labels = labels, at
    probabilities = _has(ex, r"\bprobabilit\w*|\bsoftmax\b|\blikelihoods?\b|\bdistribution\b")
    # (probabilities lie along a horizontal axis unless the sentence names the y axis as the one the values go up)
    horizontal = _has(ex, r"\bhorizontal\b") or (probabilities and not _has(ex, r"\bvertical\b|\by[- ]?axis\b")
                                                  and axes is None)
    largest = "|".join(re.escape(w) for w in extremes()["max"])  # "the most likely one", "the tallest bar" (data)
    highlight = _has(ex, r"\bhighlight\w*\s+(?:the\s+)?(?:top\b|(?:[\w-]+\s+){0,4}?(?:" + largest + r")(?![\w-]))|\bargmax\b")
    unit = "%" if pct else _spaced(word_unit)
    listed = "\n" in s and all(re.search(r"^\s*(?:[-*•]\s*)?[\"\u201c]" + re.escape(str(lab)) + r"[\"\u201d]", s, re.M)
                                for lab in labels)
    if listed:
        # 'a bar chart … with four bars:' then '"0.5 m" → 1.42 s' per line: the whole unit is the chart (an axis line
        # after the bars is a unit of its own, read by the axis-label branch above)
        ctx.stop = True
    strings = ([title] if title else []) + labels + [with_unit(v, unit) for v in values]
    claim_drawn(ex, ctx, strings)
    return [_beat("bar_chart", "bar_chart:" + ("quoted-values" if ex.quoted else "label-value-list"), ex, i,
                  strings + [str(v) for v in value_labels or []], sum((_kw(x) for x in labels), ()) + _kw(title or "chart"),
                  labels=labels, values=values, title=title, unit=unit, horizontal=horizontal or None,
                  highlight_max=highlight or None, place=placed, value_labels=value_labels)]


def _named_by_height(labels: list, values: list) -> bool:
    """Bars whose labels are their heights as written ("1/32" for 0.03125)."""
    try:
        return all(abs(_value(str(lab)) - float(v)) <= 1e-3 * max(1.0, abs(float(v))) for lab, v in zip(labels, values))
    except (TypeError, ValueError):
        return False


def _axis_values(sentence: str) -> list[str] | None:
    """"axes with x values k = 0, 1, 2, 3, 4, 5": the values along the x axis, as written; else None."""
    m = re.search(r"\bx[- ]?values?\s+(?:of\s+)?(?:[A-Za-z]\w?\s*=\s*)?((?:" + NUM + r"\s*,\s*){2,15}(?:and\s+)?" + NUM + r")",
                  sentence, re.I)
    return [v.strip() for v in re.split(r"\s*,\s*(?:and\s+)?", m.group(1))] if m else None


def _empty_axes(ctx: Context, i: int) -> Beat | None:
    """Axes drawn in this scene with nothing on them yet (no curve, point, region or line), by this sentence or the one
    before it (axes asked several sentences earlier, "axes with final clusters, …", are not the bars' own)."""
    for b in reversed(since_clear(ctx)):
        if b.kind == "plot" and b.detail_index < i - 1:
            continue
        if b.kind == "plot":
            drawn = [k for k in b.params if k not in ("x_label", "y_label", "x_range", "y_range", "numbers", "title",
                                                     "x_step", "y_step", "grid", "color", "place", "sentence")]
            return b if not drawn else None
    return None


# ----------------------------------------------------------------------------- heatmap
def _placeholder_attention(seed: str, n: int, causal: bool) -> list[list[float]]:
    """Softmax-like rows (each sums to 1, a strong diagonal), from the sentence's hash: deterministic."""
    h = hashlib.sha256(seed.encode()).digest()
    rows = []
    for r in range(n):
        raw = []
        for c in range(n):
            if causal and c > r:
                raw.append(0.0)
                continue
            noise = h[(r * n + c) % 32] / 255
            raw.append(math.exp(2.2 * noise + (1.6 if c == r else 0.0) + (0.6 if c == r - 1 else 0.0)))
        total = sum(raw)
        rows.append([round(v / total, 2) for v in raw])
    return rows


def _heat_rows(s: str) -> list[tuple[str, list[float]]] | None:
    """The rows of numbers after a colon, one a line, each named first ("cat:   1.00  0.91  0.34"): 2 to 12 rows of the
    same length (2 to 12), or None."""
    block = re.search(r":[ \t]*\n(.+)$", s, re.S)
    if not block:
        return None
    rows = []
    for ln in [x for x in block.group(1).splitlines() if x.strip()]:
        m = re.fullmatch(r"\s*([A-Za-z][\w '-]{0,20}?)\s*:?\s+((?:-?\d*\.?\d+[ \t,]+){1,11}-?\d*\.?\d+)\s*", ln)
        if not m:
            return None
        rows.append((m.group(1).strip(), [float(v) for v in re.split(r"[ \t,]+", m.group(2).strip())]))
    if not 2 <= len(rows) <= 12 or len({len(v) for _, v in rows}) != 1 or len(rows[0][1]) < 2:
        return None
    return rows


def _numeric_matrix_on_screen(ctx: Context) -> list[list] | None:
    """The values of the newest matrix on screen when every entry is a number (a grid of 2 to 12 rows and columns)."""
    m = next((b for b in since_clear(ctx) if b.kind == "matrix" and b.params.get("values")), None)
    values = m.params["values"] if m is not None else None
    if not values or not (2 <= len(values) <= 12) or not all(
            2 <= len(r) <= 12 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in r) for r in values):
        return None
    return values


def rule_heatmap(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if fired_chart(ex, ctx, i):
        return []
    if not _cue(ex, r"\bheat[- ]?maps?\b|\battention (?:map|grid|pattern)s?\b"):
        return []
    s = ex.sentence
    causal = _has(ex, r"\bcausal\b|\bmasked\b|\bmask\b|\bdecoder\b|\bautoregressive\b")
    tokens = None
    for q in ex.quoted:
        words = q.split()
        if 2 <= len(words) <= 12:
            tokens = words
            ctx.consumed.add(q)
            break
    named_rows = _heat_rows(s)
    if named_rows:
        # ':' then "cat:   1.00  0.91  0.34  0.33", one row a line: the values as given, each row by its name
        names, values = [n for n, _ in named_rows], [v for _, v in named_rows]
        quoted = [q for q in ex.quoted if len(q.split()) <= 3]
        cols = quoted if len(quoted) == len(values[0]) else names if len(names) == len(values[0]) else None
        ctx.consumed.update(names + (cols or []))
        title = _titled(s, ctx)
        strings = ([title] if title else []) + names + [n for n in (cols or []) if n not in names] + [
            _fmt_cell(v) for row in values for v in row]
        claim_drawn(ex, ctx, strings)
        ex.prose[:] = []
        ctx.stop = True
        return [_beat("heatmap", "heatmap:named-rows", ex, i, strings, _kw(title or "heatmap"), values=values,
                      row_labels=names, col_labels=cols, title=title, causal=causal or None)]
    shown = _numeric_matrix_on_screen(ctx) if not ex.matrices and not tokens and re.search(
        r"\b(?:shade|colou?r|turn|show|render|draw)\w*\s+(?:the|this|that|it)\b", s, re.I) else None
    if ex.matrices:
        values = [[float(v) for v in row][:12] for row in ex.matrices[0][:12]]
        ex.matrices.clear()  # drawn here, not again as a matrix
        rule = "heatmap:literal"
    elif shown is not None:
        # "Shade the output as a heatmap" with the output matrix on screen: its values, coloured
        values = [[float(v) for v in row][:12] for row in shown[:12]]
        rule = "heatmap:of-matrix"
    else:
        n = len(tokens) if tokens else 6
        values = _placeholder_attention(s, n, causal)
        rule = "heatmap:placeholder"
        ctx.lost(i, "the heatmap's values are not given: an illustrative pattern is drawn, not data")
    title = _titled(s, ctx)
    if title is None:
        m = re.search(r"\b(?:heat[- ]?map|attention map)\s+(?:of|showing|for)\s+(?:the\s+)?([a-z][\w -]{1,40}?)"
                      r"\s*(?:[:,.(]|\bwith\b|\bfor\b|\bbetween\b|\bover\b|$)", s, re.I)
        if m:
            title = m.group(1).strip()
            title = title[0].upper() + title[1:]
    labels = tokens if tokens and len(tokens) == len(values) else None
    strings = ([title] if title else []) + (labels or [])
    claim_drawn(ex, ctx, strings)
    return [_beat("heatmap", rule, ex, i, strings, _kw(title or "heatmap"), values=values, row_labels=labels,
                  col_labels=labels, title=title, causal=causal or None)]
