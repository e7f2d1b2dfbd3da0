"""Planner rules for plots and scatter plots, and the plot helpers the other chart rules share.
The sentences they read are an LLM's prose, e.g.
    Draw axes with x labelled "tokens generated (t)" and y labelled "work per step".
    Plot a straight line labelled "Standard attention: O(t) per step" and a logarithmic curve labelled
    "Hull attention: O(log t) per step".
    Animate a point moving from (0,0) to (1,4) along the curve y = 4x².
    Plot y = sin(x)/x and show the limit as x approaches 0.
    Show a bell curve (normal distribution). Shade the area between -1 and 1.
    Then show 20 random 2D points labelled "Keys (past tokens)", draw their convex hull, and place a red
    query point.
A sentence that adds to the plot on screen ("Plot a straight line…" after "Draw axes…", "Shade the
area…" after a curve) becomes a later `plot` beat with `extend: true`: it draws on the same axes at
its own moment of the narration. The first beat's ranges are widened then to fit what the later
beats add (the planner evaluates the formulas with `compiler.formula`). Operations on a plot already on
screen (marks, tangents, motion along the curve) are in `rules_plot_marks.py`.
Every string a rule draws is added to `ctx.consumed` and, when it is not quoted text of the
sentence, to `ex.backticked` (the sentence's shown strings, see `claim_drawn`): so the "animate what is
on screen" rule does not also pulse the chart, and the text fallback does not draw it again. A
backticked formula a plot draws is taken out of `ex.formulas`.
"""

from __future__ import annotations

import hashlib
import math
import re
from ..formula import crossings, free_names, with_constants, integrate, limit_at, nice_range, try_formula, value_range
from .beats import Beat
from .clauses import operation_clauses
from .context import Context, _beat, _cue, _has, _kw, since_clear
from .extract import Extracted, before_quote, count_in
from .knowledge import list_words, named_curves, plot_motion
from .theme import COLOUR_RE, colour_value
from .quantity import NUM, number as _num, quantity
from .listing import RANDOM_DOTS


CHART_KINDS = ("plot", "scatter", "bar_chart", "heatmap")


COORD = re.compile(r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)")


_STOP = r"(?:and|from|to|between|as|with|for|over|on|in|where|showing|labell?ed|which|that|then|along|while|" \
        r"when|near|at|using|whose|of|through|passing|crossing|meeting|until|so)"


# "y = x (grey, labeled "linear")": a note in brackets after a formula says how to draw it, it is not part of it
_ASIDE = r"\s*\((?=\s*(?:" + COLOUR_RE.pattern + r"|labell?ed\b|called\b|named\b|dashed\b|dotted\b|solid\b|thick\b|thin\b))"


# Named curves an LLM asks for without a formula: (pattern, formula, kind words for theme labels, x-range),
# from planner/data/vocabulary.json
NAMED_CURVES: tuple[tuple[str, str, str, tuple[float, float]], ...] = named_curves()


# ----------------------------------------------------------------------------- shared helpers
def fired_chart(ex: Extracted, ctx: Context, i: int) -> bool:
    return any(b.detail_index == i and b.source == ex.sentence and b.kind in CHART_KINDS and "recalled" not in b.rule
               for b in ctx.beats)


# Small things drawn after a chart leave it on screen (the runtime stacks them under it)
_BESIDE = ("highlight", "title", "text", "equation", "steps", "bullets", "move", "transform", "annotation", "wave")


def chart_on_screen(ctx: Context, kind: str) -> Beat | None:
    """The last beat of `kind` if it is still on screen: drawn in this scene after the last clear,
    with at most small things (text, a formula, highlights) drawn after it."""
    for b in reversed(ctx.beats):
        if b.kind == kind:
            return b
        if b.kind == "table" and re.search(r"\b(?:small|little|mini|corner|beside|next to|top (?:left|right)|"
                                           r"bottom (?:left|right)|in the margin)\b", b.source or "", re.I):
            continue  # "Show a small data table at the top right: …": beside the chart, which stays
        if b.kind == "clear" or b.kind not in _BESIDE:
            return None
    return None


def _replace(ctx: Context, old: Beat, **params) -> Beat:
    merged = {k: v for k, v in {**old.params, **params}.items() if v is not None}
    new = Beat(old.kind, merged, old.strings, old.rule, old.source, old.detail_index, old.keywords)
    ctx.beats[ctx.beats.index(old)] = new
    return new


def _claim_formula(ex: Extracted, ctx: Context, text: str) -> None:
    """A formula this rule draws: consumed, and no longer an equation for the later rules."""
    ctx.consumed.add(text)
    if text in ex.formulas:
        ex.formulas.remove(text)
    if text not in ex.backticked:
        ex.backticked.append(text)


_STEP = re.compile(r"\bticks?(?:\s+marks?)?\s+(?:every|each)\s+(" + NUM + r")(?!\d|\.\d|\s*,\s*\d)|\bin\s+steps\s+of\s+(" + NUM
                   + r")|\bticks?(?:\s+marks?)?\s+at\s+(" + NUM + r")\s+(?:steps|intervals)\b|\bticks?\s+(" + NUM + r")\s+apart\b", re.I)


def tick_steps(s: str) -> dict:
    """The tick step each axis is given: 'x-axis "Years" from 0 to 30 with ticks every 5, y-axis "Balance ($)" from 0 to
    18000 with ticks every 3000' -> {"x_step": 5, "y_step": 3000} (a step of its own words, not the other axis's)."""
    out: dict = {}
    axes = list(re.finditer(r"\b([xy])[- ]?axis\b|\b(horizontal|vertical)\s+axis\b", s, re.I))
    for k, m in enumerate(axes):
        end = axes[k + 1].start() if k + 1 < len(axes) else len(s)
        step = _STEP.search(s, m.end(), end)
        name = (m.group(1) or ("x" if m.group(2).lower() == "horizontal" else "y")).lower() + "_step"
        if step and name not in out:
            v = quantity(next(g for g in step.groups() if g))
            if v and v > 0:
                out[name] = clean_number(v)
    return out


def claim_drawn(ex: Extracted, ctx: Context, strings) -> None:
    """Strings this rule draws: consumed, and listed among the sentence's shown strings (so the
    "animate what is on screen" rule does not also pulse the chart for the same sentence)."""
    for t in strings:
        if not t:
            continue
        ctx.consumed.add(t)
        if t not in ex.quoted and t not in ex.backticked:
            ex.backticked.append(t)


def _quoted_after(sentence: str, start: int, end: int | None = None) -> str | None:
    """`labelled "X"` (or `called/named/titled "X"`) between `start` and `end`."""
    m = re.compile(r"(?:\b(?:labell?ed|called|named|titled|tagged|with\s+(?:the\s+)?label|label\s+it(?:\s+as)?)|,\s*label)\s*:?\s+"
                   r"[\"\u201c]([^\"\u201d]+)[\"\u201d]",
                   re.I).search(
        sentence, start, end if end is not None else len(sentence))
    return m.group(1).strip() if m else None


_NAME = r"(?:[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]|([A-Z](?:\d|'|_\w)?)(?![\w(]))"


def point_labels(sentence: str) -> list[str]:
    """The names the sentence gives the points it marks: "labeled "P"", "labelled A and B", "label it 'Q'",
    "(2, 4) as P", "(1, 1) labeled "A" and (2, 4) labeled "B"" — in order."""
    found = list(re.finditer(r"\b(?:labell?ed|called|named|tagged|label(?:l?ing)?\s+(?:it|them)(?:\s+as)?|(?:with|and)\s+"
                             r"(?:the\s+|a\s+)?labels?)\s*:?\s*" + _NAME + r"((?:\s*(?:,|\band\b|,\s*and\b)\s*" + _NAME + r")*)",
                             sentence)) or list(re.finditer(r"\)\s+as\s+" + _NAME + r"()", sentence))
    return [a or b for m in found for a, b in [(m.group(1), m.group(2))] + re.findall(_NAME, m.group(3) or "")]


# words of a direction about the axes, never an axis's name: "ticks at multiples of π/2 on the x axis", "three small
# axes, each with x from 0 to 2π"
_AXIS_PROSE = re.compile(r"\b(?:ticks?|multiples?|each|every|grid|gridlines?|marks?|markings?|spacing|intervals?|"
                         r"scale|numbers|labels?|arrows?|small|stacked)\b", re.I)


def rule_axis_labels(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """'Labels "time" (right end) and "distance" (top).', 'Label the x-axis "t"' right after axes are drawn: the labels
    of the axes on screen (a plot or a contour plot), not a list of words."""
    if not ex.quoted or ex.formulas:
        return []
    target = next((b for b in reversed(ctx.beats) if b.kind in ("plot", "contour") and not b.params.get("extend")), None)
    if target is None or not (chart_on_screen(ctx, target.kind) is target or ctx.beats[-1] is target):
        return []
    x, y = _axis_labels(ex)
    both = re.match(r"\W*(?:and\s+|then\s+)?label\s+(?:them|the\s+(?:two\s+)?axes|both\s+axes|its\s+axes)\s+(?:as\s+)?"
                    r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]\s*(?:,|and|,\s*and)\s*[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]\s*\.?\s*$",
                    ex.sentence, re.I)
    if both and not (x or y) and ctx.beats[-1] is target:
        x, y = both.group(1).strip(), both.group(2).strip()  # 'Label them "x" and "y".' right after the axes: in turn
    if not (x or y) or {q for q in ex.quoted} - {x, y}:
        return []
    new = {k: v for k, v in (("x_label", x), ("y_label", y)) if v and target.params.get(k) != v}
    if new:
        ctx.replace(target, Beat(target.kind, {**target.params, **new}, tuple(dict.fromkeys(
            target.strings + tuple(new.values()))), target.rule + "+axis-labels", target.source, target.detail_index,
            target.keywords), i)
    else:
        ctx.modified.add(i)  # the axes on screen already read so
    ctx.consumed.update(v for v in (x, y) if v)
    ctx.stop = True
    return []


def _axis_labels(ex: Extracted) -> tuple[str | None, str | None]:
    names = _axis_names(ex)
    if all(n is not None and re.fullmatch(r"[-−+]?\d[\d.,]*", n) for n in names):
        # 'dashed projections to the axes labeled "0.5" and "0.5"': numbers mark where lines meet the axes — values,
        # never the axes' names
        return None, None
    return names


def _axis_names(ex: Extracted) -> tuple[str | None, str | None]:
    out = []
    for which in ("x", "y"):
        # "the x-axis labeled "Years"", "the horizontal axis labeled "t (years)""
        axis = {"x": r"(?:x|horizontal(?=\s+axis))", "y": r"(?:y|vertical(?=\s+axis))"}[which]
        m = re.search(r"\b" + axis + r"(?:[- ]axis)?(?:\s+(?:is\s+)?(?:labell?ed|label|as|reading|showing|named)|\s*:)\s*"  # x: "Outcome"
                      r"(?:as\s+)?[\"\u201c]([^\"\u201d]+)[\"\u201d]", ex.sentence, re.I) or re.search(
            r"\b" + axis + r"[- ]axis\s+[\"\u201c]([^\"\u201d]+)[\"\u201d]", ex.sentence, re.I) or re.search(
            # 'small axes with x "n" (from 0 to 100) and y "sum" (from 1.5 to 4)'
            r"\b" + axis + r"\s+[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]\s*\(\s*(?:from\s+)?-?[\d.]+\s+to\s", ex.sentence, re.I) or re.search(
            # 'axes with x from 0 to 30 ("n") and y from 0 to 900 ("steps")'
            r"\b" + axis + r"\s+from\s+[-−]?[\d.]+\s+to\s+[-−]?[\d.]+\s*\(\s*[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]\s*\)",
            ex.sentence, re.I) or re.search(
            # 'the horizontal axis from 0 to 2 labelled "t (s)"', 'horizontal θ from 0 to π/2 with the label "θ (rad)"'
            # (right after its range: after a comma, "labelled 'x' and 'h(x)'" names both axes; "a brace along the x-axis
            # from 0 to 35.35 labeled …" is the brace's)
            r"(?<!along the )(?<!on the )(?<!across the )\b" + {"x": "(?:x|horizontal)", "y": "(?:y|vertical)"}[which] +
            r"(?:[- ]axis)?\s+(?:[^\W\d_]\s+)?from\s+[^\"\u201c;,]{1,20}?\s+to\s+[^\s\"\u201c;,]{1,12}\s+(?:labell?ed|with\s+"
            r"(?:the\s+)?label|named|called)\s*:?\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d](?!\s*(?:and|,)\s*[\"\u201c])",
            ex.sentence, re.I) or re.search(
            # 'Draw axes: horizontal "P" from 0 to 1000 with ticks every 250, vertical "dP/dt" from 0 to 150'
            r"\b" + {"x": "(?:x|horizontal)", "y": "(?:y|vertical)"}[which] + r"(?:[- ]axis)?\s+[\"\u201c]([^\"\u201d]{1,30})"
            r"[\"\u201d]\s+from\s+[-−]?[\d.π]", ex.sentence, re.I)
        if m and re.search(r"\b(?:on|along|onto)\s+the\s+$", ex.sentence[max(0, m.start() - 12):m.start()], re.I) and re.search(
                r"\b(?:dot|point|guess|marker|tick)\b", ex.sentence[:m.start()], re.I):
            m = None  # "Mark a dot at x = 2.2 on the x-axis labelled "x_n"": the dot's label, not the axis's name
        out.append(m.group(1).strip() if m else None)
    for k, names in enumerate((r"x|horizontal", r"y|vertical")):
        if out[k] is None:
            # "a graph with years (0 to 30) on the x-axis and balance in dollars on the y-axis"
            m = re.search(r"(?:\bwith|,|\band)\s+(?:the\s+)?([a-zA-Zθ](?:(?!\s(?:the|an?|on|along)\s)[\w θ$/-]){0,40}?)\s*"
                          r"(?:\([^()]*\))?\s+(?:on|along)\s+the\s+"
                          r"(?:" + names + r")[- ]axis\b", ex.sentence, re.I)
            if m and not re.search(r"\b(?:the|a|an)\b", m.group(1), re.I) and not _AXIS_PROSE.search(m.group(1)):
                out[k] = re.sub(r"\s+(?:from|between)\s+-?[\d.]+\s+(?:to|and)\s+-?[\d.]+$", "", m.group(1).strip())
    if out == [None, None]:
        # "Draw axes with x from -1 to 3 and y from -1 to 9, with labels "x" and "y"": the axes' labels, in order
        # ("Draw axes with x from 0 to 2.2 (ticks every 0.5) and y from 0 to 4.5 …, labelled 'x' and 'y'")
        pair = re.search(r"\bax[ie]s\b(?:(?:[^.\"\u201c]|\.(?=\d))*?(?:\bwith\s+(?:the\s+)?(?:axis\s+)?labels|,\s*labell?ed|,\s*labels?)|"
                         r"\s+labell?ed)\s+(?:[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]|(?<!\w)['\u2018]([^'\u2019]{1,40})['\u2019])"
                         r"\s*(?:and|,)\s*(?:[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]|['\u2018]([^'\u2019]{1,40})['\u2019](?!\w))",
                         ex.sentence, re.I)
        if pair:
            names = (pair.group(1) or pair.group(2)).strip(), (pair.group(3) or pair.group(4)).strip()
            # (after a comma only the axes' own letters: '…, labeled "bubble sort" and "merge sort"' names the curves)
            after_comma = re.search(r",\s*labell?ed\s*[\"'\u201c\u2018]", pair.group(0), re.I)
            # (nor a curve's: "h(x)", "f(t)", "P(n)" — a function of one letter — names an axis)
            axis_like = all(len(n) <= 3 or re.fullmatch(r"[A-Za-zα-ω]\w{0,2}\s*\(\s*[A-Za-zα-ω]\s*\)", n) for n in names)
            if not after_comma or axis_like:
                return (names[1], names[0]) if names == ("y", "x") else names  # ('label "y" and "x"': each its axis)
    if out == [None, None] and named_axis_ranges(ex.sentence):
        # "axes: t from 0 to 1.3 s (…, label "t (s)") and x from -0.12 to 0.12 m (…, label "x (m)")": each range's own
        ranges = list(_AXIS_NAME_RANGE.finditer(ex.sentence))
        labels = []
        for m in ranges[:2]:  # a label in the brackets right after its range
            own = re.match(r"[^()]{0,12}\(((?:[^()\"\u201c]|\"[^\"]*\"|\u201c[^\u201d]*\u201d){0,80})\)", ex.sentence[m.end():])
            lab = re.search(r"\blabell?(?:ed)?\s*:?\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", own.group(1), re.I) if own else None
            labels.append(lab.group(1).strip() if lab else None)
        if len(labels) == 2 and all(labels):
            out = labels
    if out == [None, None]:
        out = list(named_axes(ex.sentence))
    if out == [None, None]:
        axes = named_axis_ranges(ex.sentence)  # "axes n from 0 to 100 and steps from 0 to 100"
        if axes:
            out = [n if n.lower() not in ("x", "y") and not _AXIS_PROSE.search(n) else None for n, _ in axes]
    if out == [None, None]:
        m = re.search(r"\baxes\s+(?:labell?ed\s+)?[\"\u201c]([^\"\u201d]+)[\"\u201d]\s+and\s+"
                      r"[\"\u201c]([^\"\u201d]+)[\"\u201d]", ex.sentence, re.I)
        if m:
            out = [m.group(1).strip(), m.group(2).strip()]
    if out == [None, None]:
        # 'Labels "w1" (right end) and "w2" (top).' said of the axes just drawn: the first along x, the second up y
        m = re.match(r"\s*(?:(?:axis|axes)\s+)?labels?\s*:?\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*(?:\([^()]{0,30}\))?\s*"
                     r"(?:,|and)\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*(?:\([^()]{0,30}\))?\s*\.?\s*$", ex.sentence, re.I)
        # ('Axes with x from 0 to 6 …, axis labels "x" and "y", ticks every 1': the same, inside the sentence)
        m = m or re.search(r"\baxis\s+labels?\s*:?\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]\s*(?:\([^()]{0,30}\))?\s*"
                           r"(?:,|and)\s*[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", ex.sentence, re.I)
        # ('Draw axes with x from -3 to 3 (ticks every 1) and y from -1 to 8 (ticks every 1), labelled "x" and "y"': the
        # axes' labels, when nothing else is named between the axes and the labels)
        m = m or re.search(r"(?<!same )(?<!those )(?<!these )(?<!existing )\baxes\b"
                           r"(?:(?!\b(?:curves?|lines?|dots?|points?|circles?|arrows?|boxes?|plot)\b)[^\"\u201c.;])"
                           r"{0,120}?\blabell?ed\s+[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]\s*(?:,|and)\s*"
                           r"[\"\u201c]([^\"\u201d]{1,16})[\"\u201d]", ex.sentence, re.I)
        if m:
            out = [m.group(1).strip(), m.group(2).strip()]
    return out[0], out[1]


_NAMED_AXIS = re.compile(r"\b(x|y|horizontal|vertical)[- ]axis\s+(?:as\s+|with\s+)?[\"\u201c`]?([^\s,;:\"\u201d`]{1,16}?)"
                         r"[\"\u201d`]?(?=[\s,;:]|\.(?:\s|$)|$)", re.I)


_AXIS_CAPTION = re.compile(r"\b(x|y|horizontal|vertical)[- ]axis\s+(?:label|title|name)\s*(?::|is|=|reads)?\s*"
                           r"[\"\u201c]([^\"\u201d\n]{1,40})[\"\u201d]|"
                           # ('Axes: x "n (people)" 0–70 step 10; y "P(match)" 0–1': the axis letter, its quoted name, its range)
                           r"(?:^|[:;,]\s*|\baxes\b[^\"\u201c]{0,10}?)\b([xy])\s+[\"\u201c]([^\"\u201d\n]{1,40})[\"\u201d](?=\s*[-−]?\d)", re.I)


def named_axes(sentence: str) -> tuple[str | None, str | None]:
    """"Label the horizontal axis t and the vertical axis x": short unquoted names, after a label verb; 'x axis label:
    "Average value"': the quoted name, however many words."""
    names = {}
    for m in _AXIS_CAPTION.finditer(sentence):
        axis, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        names.setdefault("x" if axis.lower() in ("x", "horizontal") else "y", name.strip())
    if not re.search(r"\blabel", sentence, re.I):
        return names.get("x"), names.get("y")
    for m in _NAMED_AXIS.finditer(sentence):
        word = m.group(2)
        if not re.search(r"\blabel", sentence[:m.start()], re.I) or word.lower().endswith("ing"):
            continue  # "an arrow along the x-axis pointing left, labeled …": the label is the arrow's
        if re.search(r"\b(?:on|along|of|at|under|below|above|near|across)\s+the\s*$", sentence[:m.start()], re.I):
            continue  # "Label the first gap on the x-axis "T½ = 8 days"": a place on the axis, not its name
        quoted = sentence[m.start(2) - 1:m.start(2)] in "\"\u201c`"
        if quoted and sentence[m.end(2):m.end(2) + 1] not in "\"\u201d`":
            continue  # a quote longer than one name ("T½ = 8 days"): not read as one
        if word.lower() in ("and", "with", "as", "to", "the", "a", "in", "from", "of", "label", "labels", "labeled",
                            "labelled", "values", "value", "ticks", "tick", "range", "numbers", "title", "can", "is",
                            "shows", "should", "will", "at", "on", "goes", "runs", "ranges", "only", "hidden"):
            continue  # "the y axis labels can be hidden": no name given
        names.setdefault("x" if m.group(1).lower() in ("x", "horizontal") else "y", word)
    return names.get("x"), names.get("y")


_IN_COLOUR = re.compile(r"[^.;\"\u201c]{0,20}?(?:\b(?:in|colou?red|drawn in|shown in|as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?|"
                        r"(?<![\w)])\s*\(\s*(?=(?:" + COLOUR_RE.pattern + r")\s*\)))(" + COLOUR_RE.pattern + ")", re.I)
# ("y = n (red)": the colour in brackets right after the curve is its own)


def _colour_near(sentence: str, start: int, end: int) -> str | None:
    """A colour word around a curve noun ("a red curve", "… in green"), within `start:end`."""
    window = sentence[max(0, start):end]
    m = COLOUR_RE.search(window)
    return colour_value(m.group(0)) if m else None


_NUM_K = r"(?:-?\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)|" + NUM + ")"  # "25,000": a number with thousands separators


def axis_range(sentence: str, axis: str) -> tuple[float, float] | None:
    """"x range -4 to 4", "y-range: [0, 0.45]", "y from 0 to 2.5", "x-axis from 0 to 35 m", "x in [0, 2π]":
    (low, high) of that axis, or None."""
    # "the horizontal axis labeled "t (years)" running from 0 to 25,000": x; the vertical axis: y
    # ('horizontal "P" from 0 to 1000': the axis by its name, quoted)
    name = {"x": r"(?:x|horizontal(?=\s+axis|\s+[\"\u201c]))", "y": r"(?:y|vertical(?=\s+axis|\s+[\"\u201c]))"}.get(axis, axis)
    sentence = sentence.replace("−", "-")  # "x from −2 to 2": a minus sign
    m = re.search(r"\b" + name + r"(?:[- ](?:range|axis|values?))?(?:\s+values)?\s*(?:range\s*)?"  # "x axis values 1 to 6"
                  # x-axis "Years" from 0 to 30; "whose horizontal axis is labelled "prevalence (%)" running from 0 to 50"
                  r"(?:(?:(?:is\s+)?(?:labell?ed|called|named|titled)\s+)?[\"\u201c][^\"\u201d]{1,40}[\"\u201d]\s*,?\s*)?"
                  r"(?::|=|of|from|between|(?:ranging|running|going|runs|goes)\s+from|in|over|∈)?\s*"
                  r"[\[(]?\s*(?:from\s+)?(" + _NUM_K + r")\s*(?:to|–|,|\.\.|and)\s*(" + _NUM_K + r")\s*[\])]?", sentence, re.I)
    # ("horizontal axis labeled "u" (0 to 4)": the range in brackets after the label)
    if not m or not re.match(r"\b" + name + r"(?:[- ](?:range|axis|values?)|\s+(?:from|between|range|ranging|"
                                          r"(?:is\s+)?labell?ed|[\"\u201c])|"
                                          r"\s*(?:in|over|∈)\s*\[)", m.group(0), re.I):
        return None
    a, b = (quantity(re.sub(r"(?<=\d),(?=\d{3})", "", g)) for g in (m.group(1), m.group(2)))
    return (min(a, b), max(a, b)) if a != b else None


_AXIS_NAME_RANGE = re.compile(
    r"(?:\bax[ie]s\b:?|,|;|\band\b|\bwith\b|\bfor\b)\s+(?:the\s+)?(?:an?\s+)?"
    r"(?P<name>(?!(?:the|a|an|and|with|from|axes|axis|it|them)\b)[^\W\d][\w'θ/$%-]*(?:\s+(?!from\b|between\b|ranging\b|"
    r"running\b|going\b)[^\W\d][\w'θ/$%-]*){0,2}(?:\s*\([^()]{1,20}\))?)"
    r"\s+(?:(?:ranging|running|going)\s+)?(?:from|between)\s+(?P<a>" + NUM + r")\s*(?:[^\W\d]{1,5}\s+)?(?:to|and)\s+"
    r"(?P<b>" + NUM + r")", re.I)


def named_axis_ranges(sentence: str) -> tuple[tuple[str, tuple[float, float]], tuple[str, tuple[float, float]]] | None:
    """"axes n from 0 to 100 and steps from 0 to 100", "axes: time t from 0 to 10 and height h from 0 to 50": the
    first axis written is x, the second y — ((x name, x range), (y name, y range)), or None. Names that are the
    axes' own (x, y, x-axis) are left to `axis_range`."""
    at = re.search(r"\bax[ie]s\b", sentence, re.I)
    if not at:
        return None
    found = []
    for m in _AXIS_NAME_RANGE.finditer(sentence, max(0, at.start() - 1)):
        name = m.group("name").strip()
        if re.search(r"\b(?:[xy][- ]?axis|horizontal|vertical|curve|line|dot|point|area|region|shade\w*)\b", name, re.I):
            return None  # "x-axis from 0 to 10", "shade the area from 1 to 2": not an axis named by its quantity
        a, b = quantity(m.group("a")), quantity(m.group("b"))
        if a == b:
            return None
        found.append((name, (min(a, b), max(a, b))))
    if len(found) != 2 or all(n.lower() in ("x", "y") for n, _ in found):
        return None
    return found[0], found[1]


def both_axes_range(sentence: str) -> tuple[float, float] | None:
    """"coordinate axes from 0 to 6 on both axes", "axes from -3 to 3": (low, high) of x and y alike."""
    m = re.search(r"\b(?:axes|coordinate (?:plane|grid|system))\s+(?:(?:that\s+)?(?:go|run)\s+)?(?:from|between|ranging from)\s+("
                  + NUM + r")\s+(?:to|and)\s+(" + NUM + r")(?!\s+(?:on|along)\s+the\s+[xy])", sentence, re.I) or re.search(
        r"\bfrom\s+(" + NUM + r")\s+to\s+(" + NUM + r")\s+(?:on|along)\s+(?:both|each of the|each)\s+ax[ie]s\b", sentence, re.I) or re.search(
        # "with x and y ranging from -1.5 to 1.5", "x and y both from -2 to 2"
        r"\bx\s+and\s+y\s+(?:both\s+|each\s+)?(?:(?:ranging|running|going)\s+)?(?:from|between)\s+(" + NUM + r")\s+(?:to|and)\s+("
        + NUM + r")", sentence, re.I)
    if not m:
        return None
    a, b = quantity(m.group(1)), quantity(m.group(2))
    return (min(a, b), max(a, b)) if a != b else None


def _letter_axes(s: str):
    """"axes: t from 0 to 1.3 s and x from -0.12 to 0.12 m": the first written is horizontal even when the second is
    called x (x(t), a position over time) — the named ranges, or None when x and y are the axes' own names."""
    axes = named_axis_ranges(s)
    return axes if axes and axes[0][0].lower() != "x" and axes[1][0].lower() in ("x", "y") else None


def _drawn_line(ctx: Context, named: tuple) -> tuple:
    """"along the supply curve" when the plot on screen has a line labelled "S" (or "supply"): that line, not a
    standard supply curve of the vocabulary."""
    m, expr, hint, rng = named
    word = re.match(r"[A-Za-z]+", m.group(0))
    if word is None or chart_on_screen(ctx, "plot") is None:
        return named
    w = word.group(0).lower()
    for b in since_clear(ctx):
        for sg in reversed(b.params.get("segments") or []) if b.kind == "plot" else []:
            label = str(sg.get("label") or "").strip().lower()
            (x0, y0), (x1, y1) = sg["start"], sg["end"]
            if label in (w, w[:1]) and x1 != x0:
                slope = (y1 - y0) / (x1 - x0)
                c = y0 - slope * x0
                line = f"{_fmt(slope)}x" + (f" + {_fmt(c)}" if c > 0 else f" - {_fmt(-c)}" if c < 0 else "")
                return (m, line, hint, (min(x0, x1), max(x0, x1)))
    return named


def _x_range(ex: Extracted) -> tuple[float, float] | None:
    s = ex.sentence
    if _letter_axes(s):
        return _letter_axes(s)[0][1]
    named = axis_range(s, "x") or both_axes_range(s)
    if named:
        return named
    axes = named_axis_ranges(s)
    if axes:
        return axes[0][1]
    for pat in (r"\bfor\s+[a-z]\s+(?:from|between)\s+(" + NUM + r")\s+(?:to|and)\s+(" + NUM + r")",
                r"\bfrom\s+[a-z]\s*=\s*(" + NUM + r")\s+to\s+(?:[a-z]\s*=\s*)?(" + NUM + r")",
                r"\bx[- ]axis\s+(?:from|between|ranging from)\s+(" + NUM + r")\s+(?:to|and)\s+(" + NUM + r")",
                r"\(\s*(" + NUM + r")\s*(?:to|-|–)\s*(" + NUM + r")\s*\)\s+(?:on|along)\s+the\s+(?:x|horizontal)[- ]axis",
                r"\bfrom\s+(" + NUM + r")\s+to\s+(" + NUM + r")\s+(?:on|along)\s+the\s+(?:x|horizontal)[- ]axis",
                r"\bx\s*(?:∈|in|over|on|from)\s*\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\]",
                r"\bfor\s+[^\W\d_]\w{0,2}\s*(?:∈|in)\s*\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\]",
                r"\b(?:over|on)\s*\[\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\]",
                r"\bx\s+from\s+(" + NUM + r")\s+to\s+(" + NUM + r")",
                # "sharing the time axis t from 0 to 1.3 s", "with t from 0 to 2 s": the time is the horizontal axis
                r"\b(?:time|horizontal)\s+axis\s+(?:[^\W\d]\w{0,2}\s+)?(?:from|between)\s+(" + NUM +
                r")\s*(?:[^\W\d]{1,5}\s+)?(?:to|and)\s+(" + NUM + r")",
                r"\b[tθ]\s+(?:from|between)\s+(" + NUM + r")\s*(?:[^\W\d]{1,5}\s+)?(?:to|and)\s+(" + NUM + r")",
                # "Plot sin(x) from 0 to 2π": the range right after the curve is its x range (not "… with y from")
                r"\b(?:plot|graph|draw|sketch)\b[^.;:]{1,40}?(?<!\by)(?<!\by-axis)(?<!\by axis)\s+from\s+(" + NUM +
                r")\s+to\s+(" + NUM + r")(?!\s*(?:on|along)\s+the\s+(?:y|vertical))"):
        m = re.search(pat, s, re.I)
        if m:
            a, b = quantity(m.group(1)), quantity(m.group(2))
            if a != b:
                return (min(a, b), max(a, b))
    return None


_DEFAULT_ZERO = {"t", "φ", "phi", "c"}  # a time, a phase, an offset: 0 when not given; any other letter: 1


def _letters(text: str) -> tuple[str | None, list[str]]:
    """The variable of a formula written with other letters (`y = A sin(k x)`: x; `y = A cos(ω t)`: t) and those
    letters, which stand for values."""
    names = free_names(text)
    m = re.match(r"\s*[A-Za-z]\w*\s*\(\s*([A-Za-z])\s*\)\s*=", text)
    var = m.group(1) if m else "x" if "x" in names else "t" if "t" in names else None
    return var, [n for n in names if n != var]


def _valued(text: str, values: dict[str, float]) -> tuple[str | None, list[str]]:
    """The formula with the values the scene gives its other letters put in (`y = A sin(k x)` "with A = 2 and k = 1"),
    and the letters no value was given for (drawn as 1, or 0 for a time or phase, and said): (None, []) when the
    formula cannot be read even so."""
    if try_formula(text):
        return text, []
    var, others = _letters(text)
    if var is None or not others or len(others) > 5:
        return None, []
    missing = [n for n in others if n not in values]
    consts = {n: values.get(n, 0.0 if n in _DEFAULT_ZERO else 1.0) for n in others}
    out = with_constants(text, consts)
    missing = ["τ" if n == "tau" else n for n in missing]  # (said as written)
    return (out, missing) if out else (None, [])


_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)\s*(?:mA|µA|μA|uA|kA|mV|kV|kΩ|MΩ|Ω|ms|µs|μs|m/s²|m/s|cm|mm|km|kg|Hz|°C|mJ|kJ|V|A)"
                                r"(?=\s*(?:[·*×⋅)]|$))")


def _numeric_curve(text: str, values: dict[str, float]) -> tuple[str | None, list[str]]:
    """A formula as a storyboard quotes it for plotting ("I(t) = 5 mA · e^(−t/τ)") made one a curve can be drawn from:
    the units after its numbers dropped, the values the scene gives its other letters put in; and the letters left
    without one. (None, []) when it cannot be read."""
    plain = _UNIT_AFTER_NUMBER.sub("", text)
    if try_formula(plain):
        return plain, []
    return _valued(plain, values)


def _listed_curves(block: str, ctx: Context) -> list[tuple[str, str, str | None]] | None:
    """Lines that each quote a formula of x ('- "P1 = 1 + x" (red line)', '- "P3 = P2 + x^3/6" (yellow)'): per line,
    the curve to draw (a name a line above defines put in, in brackets), the formula as written, its colour; None
    unless every line is one and there are two or more."""
    lines = [ln for ln in block.split("\n") if ln.strip()]
    out: list[tuple[str, str, str | None]] = []
    defined: dict[str, str] = {}
    for ln in lines:
        m = re.fullmatch(r"\s*(?:[-*•]\s*|\d+[.)]\s*)?[\"\u201c]([^\"\u201d]{1,120})[\"\u201d]\s*(?:\(([^()]{1,30})\))?\s*[.,;]?\s*", ln)
        if not m or "=" not in m.group(1):
            return None
        written = m.group(1).strip()
        name, rhs = (x.strip() for x in written.split("=", 1))
        for known, expr in sorted(defined.items(), key=lambda kv: -len(kv[0])):
            rhs = re.sub(r"(?<![\w])" + re.escape(known) + r"(?![\w(])", f"({expr})", rhs)
        if not try_formula(f"y = {rhs}") or try_formula(f"y = {rhs}").var != "x":
            return None
        if re.fullmatch(r"[A-Za-z]\w{0,3}", name):
            defined[name] = rhs
        colour = _colour_near(m.group(2), 0, len(m.group(2))) if m.group(2) else None
        out.append((f"y = {rhs}", written, colour))
    return out if len(out) >= 2 else None


def _given_values(ex: Extracted, ctx: Context) -> dict[str, float]:
    """"with A = 2 and k = 1", "(A = 3 cm)": values the sentence or the scene gives single letters."""
    out: dict[str, float] = {}
    for text in (ctx.about, ex.sentence):  # the sentence's own values last: they win
        # ("τ = RC = 0.1 s": the value after the name it stands for)
        for m in re.finditer(r"(?<![\w.])([A-Za-zα-ωΑ-Ω])\s*=\s*(?:[A-Za-z]{1,3}\s*=\s*)?(-?\d+(?:\.\d+)?)(?![\w(])(?!\.\d)"
                             r"(?!\s*[-+*/^(])", text or ""):
            if m.group(1) not in ("x", "y"):
                out[m.group(1)] = float(m.group(2))
                if m.group(1) == "τ":
                    out["tau"] = float(m.group(2))  # (the name the formula reader gives τ)
    return out


_SHORT_WORDS = {"is", "at", "of", "to", "in", "on", "as", "it", "by", "be", "or", "an", "if", "so", "up"}
_FUNCTION_NAMES = {"sin", "cos", "tan", "exp", "log", "ln", "sqrt", "abs", "sinh", "cosh", "tanh", "arcsin", "arccos",
                   "arctan", "pi", "e"}


def _prose_formulas(ex: Extracted, partial: list[str] | None = None) -> list[tuple[str, int, int]]:
    """`y = 4x²`, `f(x) = x^2 - 3x + 2` written in the sentence: (text, start, end), longest readable prefix.
    When the part left unread is maths, not prose, a curve drawn from it would be wrong: `partial` collects
    what to report (SB307) if the caller draws it."""
    out = []
    s = ex.sentence
    # (a name of one letter, "f(x)", or a short capitalised one: "KE = 6.41·s", "Qd = 100 - 2P")
    for m in re.finditer(r"(?<![\w=*])(?:[^\W\d_]\w{0,3}\s*\(\s*[^\W\d_]\w{0,2}\s*\)|[^\W\d_](?:_?\d{1,2})?|"
                         r"[A-Z][A-Za-z]{1,2}(?:_?\d{1,2})?)\s*=\s*", s):
        tail = s[m.end():]
        cut = re.search(r"\s+" + _STOP + r"\b|[,;:]\s|\.\s|\.$|[\"`]|\n|" + _ASIDE, tail)  # a formula ends at a line end
        cand = tail[: cut.start()] if cut else tail
        while cand.count(")") > cand.count("(") and cand.rstrip(" .").endswith(")"):  # ends: shortens cand
            cand = cand.rstrip(" .")[:-1]  # "(…, y = 1.2x + 0.5)": the list's bracket closes, not the formula's
        words = cand.split()
        while words:  # ends: pops a word each turn
            expr = " ".join(words).rstrip(".")
            if re.fullmatch(r"\s*" + NUM + r"\s*(?:m|s|kg|g|N|J|W|V|A|Ω|cm|mm|km|h|min|m/s|m/s\^?2|m/s²|°C|K)\s*", expr):
                break  # "y = 20 m": a quantity with its unit, not the line y = 20·m
            # (letters left for values to fill are single letters, never a word: "t = 5730 the curve" is no curve)
            spelled = [w for w in re.findall(r"[A-Za-z]{2,}", expr) if w.lower() not in _FUNCTION_NAMES
                       and (len(w) > 2 or w.lower() in _SHORT_WORDS)]
            if re.search(r"[^\W\d_]", expr) and (try_formula(expr) or not spelled and
                                                 _valued(s[m.start(): m.end()] + expr, {})[0]):
                text = s[m.start(): m.end()] + expr
                out.append((text.strip(), m.start(), m.start() + len(text)))
                rest = cand[len(" ".join(words)):].strip()
                if partial is not None and re.search(r"[\^*/+=!{}()\\]|\d", rest) and not re.match(
                        r"\(\s*(?:[A-Za-z]{3,}\s+){2}", rest):  # ("(net force 6.41 N along …)": a note in brackets)
                    partial.append(f"the formula {cand.strip()!r} could only be read as {expr!r}")
                break
            words.pop()
    if not out:
        # "Plot sin(x)/x", "graph of e^(-x^2)": a formula right after the verb; "Axes …, with sin(x) in blue": a
        # function written after "with" (a call or a power, never a lone letter: "axes with x from …")
        for m in re.finditer(r"\b(?:(?P<verb>plot|graph(?:\s+of)?|draw(?:\s+the\s+(?:curve|function|graph)(?:\s+of)?)?)|"
                             r"(?:with|and)(?:\s+the\s+(?:curve|graph|function)(?:\s+of)?)?)\s+"
                             r"(?:the\s+(?:function|curve)\s+)?", s, re.I):
            tail = s[m.end():]
            cut = re.search(r"\s+" + _STOP + r"\b|[,;:]\s|\.\s|\.$|[\"`]", tail)
            cand = (tail[: cut.start()] if cut else tail).strip().rstrip(".")
            mathy = re.search(r"[\^*/+\-()²³√|]|\d", cand) or re.fullmatch(r"[a-z]", cand)
            if not m.group("verb"):
                mathy = re.fullmatch(r"[A-Za-z]{1,6}\s*\([^()]{1,30}\)(?:\s*[-+*/^]\s*[\w.()]{1,12})*|[a-z]\s*(?:\^|\*\*)\s*\w{1,4}|"
                                     r"e\s*\^\s*\(?[^()\s]{1,12}\)?", cand)
            if cand and mathy and try_formula(cand):
                out.append((cand, m.end(), m.end() + len(cand)))
                break
            if m.group("verb"):
                break
    return out


def area_colour(ex: Extracted, ctx: Context, nouns: str = "area region shading shaded tails tail") -> str | None:
    """The fill the details or the style give a shaded area: "… in red", "Shaded region in blue"."""
    m = re.search(r"\b(?:in|with|using)\s+(?:a\s+)?(" + COLOUR_RE.pattern + r")", ex.sentence, re.I)
    if m:
        return colour_value(m.group(1))
    # (this scene's own style, else what earlier scenes' styles said; longest first)
    named = [(p, col) for p, col in sorted(ctx.theme.labels.items(), key=lambda x: -len(x[0]))
             if any(w in p.split() for w in nouns.split())]
    named = [x for x in named if x[0] in ctx.theme.own] or named
    if not named:
        return None
    # ("Triangle area filled yellow; parabola area filled blue": the one whose other words the sentence says — "(triangle
    # with vertices …)" — else one no area of this picture has yet: areas coloured apart stay apart)
    said = next((col for p, col in named if any(re.search(r"\b" + re.escape(w) + r"\b", ex.sentence, re.I)
                                                 for w in p.split() if w not in nouns.split() and len(w) >= 4)), None)
    if said:
        return said
    used = {str((b.params.get("area") or {}).get("color")) for b in since_clear(ctx) if b.kind == "plot"}
    return next((col for _, col in named if col not in used), named[0][1])


# "… near the point (2.6, 7)", "next to (1, 2)": a place for a label, not a point to draw
LABEL_PLACE = re.compile(r"\b(?:near|next to|beside|close to|around)\s+(?:the\s+)?(?:point\s+)?$", re.I)

# "the region between the two curves", "the area between y = x and y = x^2", "shade between them"
BETWEEN = re.compile(r"\b(?:region|area|space|gap|part)\s+(?:\w+\s+){0,3}?between\b|\bbetween\s+(?:the\s+|these\s+)?"
                     r"(?:two\s+|both\s+)?(?:curves|graphs|lines|functions|parabolas)\b|\bbetween\s+them\b", re.I)


def between_fill(ex: Extracted, ctx: Context) -> str | None:
    """The fill of a region between two curves: the colour said after "between" ("Plot y = x in yellow … and shade the
    region between them in green": green, not the curve's yellow), else the area's colour from the style."""
    at = BETWEEN.search(ex.sentence)
    said = re.search(r"\b(?:in|with|using)\s+(?:a\s+)?(?:light\s+|pale\s+|translucent\s+)?(" + COLOUR_RE.pattern + r")",
                     ex.sentence[at.start():] if at else ex.sentence, re.I)
    return colour_value(said.group(1)) if said else area_colour(ex, ctx)


def between_curves(text: str, exprs: list[str], x_range: tuple[float, float]) -> dict | None:
    """The area bounded by two of the curves `exprs` (the plot's, in order): those the text writes, else the last
    two; from the ends the text gives ("from x = 0 to x = 1", "between x = 0 and 1"), else between the first and
    the last place the curves cross, else over the x range. {"a", "b", "curve": the upper one, "to": the lower}."""
    fs = [try_formula(e) for e in exprs]
    usable = [k for k, f in enumerate(fs) if f is not None]
    if len(usable) < 2:
        return None
    said = [k for k in usable if re.search(re.escape(_norm_expr(exprs[k]).split("=", 1)[-1]) + r"(?![\w^(])",
                                            _norm_expr(text))]
    pair = said[-2:] if len(said) >= 2 else usable[-2:]
    f, g = fs[pair[0]], fs[pair[1]]
    lo, hi = x_range
    # (the ends said after the shading, not the axes' range before it: "axes with t from 0 to 6 … shade the region
    # between the curves from t = 0 to t = 4")
    cue = re.search(r"\bshad\w*|\bregion\b|\barea\b", text, re.I)
    ends = re.search(r"\b(?:from|between)\s+[a-zα-ω]\s*=\s*(" + NUM + r")\s+(?:and|to)\s+(?:[a-zα-ω]\s*=\s*)?(" + NUM
                     + r")\b|\bfrom\s+(" + NUM + r")\s+to\s+(" + NUM + r")\b|"
                     r"\b[a-zα-ω]\s*(?:in|∈)\s*[\[(]\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*[\])]|"  # "x in [0, 1]"
                     r"(?<![\w.])(" + NUM + r")\s*(?:<=|≤|<)\s*[a-zα-ω]\s*(?:<=|≤|<)\s*(" + NUM + r")",  # "0 <= x <= 1"
                     text[cue.start():] if cue else text, re.I)
    if ends:
        a, b = sorted(quantity(v) for v in ends.groups() if v is not None)
    else:
        meet = crossings(f, g, lo, hi)
        a, b = (meet[0], meet[-1]) if len(meet) >= 2 else (lo, hi)
    if not a < b:
        return None
    mid = (a + b) / 2
    try:
        upper = pair[0] if float(f(mid)) >= float(g(mid)) else pair[1]
    except (ArithmeticError, ValueError, TypeError):
        upper = pair[0]
    return {"a": clean_number(round(a, 6)), "b": clean_number(round(b, 6)), "curve": upper,
            "to": pair[1] if upper == pair[0] else pair[0]}


def _theme_colour(ctx: Context, hint: str, default: str | None = None) -> str | None:
    col = ctx.theme.for_label(hint, "")
    return col or default


def _rhs(expr: str) -> str:
    """A curve's formula without its name and spaces ("y = x^2", "f(x) = x^2" -> "x^2")."""
    return re.sub(r"\s+", "", expr.split("=", 1)[-1] if "=" in expr else expr)


def curve_spec(ctx: Context, expr: str, label: str | None, hint: str, colour: str | None) -> dict:
    c = {"expr": expr}
    if label:
        c["label"] = label
    phrases = [f"{w} {noun}" for w in hint.split() for noun in ("curve", "line", "function", "curves", "lines")]
    col = colour or _theme_colour(ctx, " | ".join(phrases + [label or "", expr]))
    if col:
        c["color"] = col
    return c


def _fits(curves: list[dict], x_range, extra, y_range) -> bool:
    """Whether the curves (and extra y values) stay within y_range over x_range."""
    fns = [f for f in (try_formula(c["expr"]) for c in curves) if f]
    r = value_range(fns, x_range[0], x_range[1]) if fns else None
    lo, hi = (r if r else (y_range[0], y_range[1]))
    for y in extra:
        lo, hi = min(lo, y), max(hi, y)
    return y_range[0] <= lo + 1e-9 and hi <= y_range[1] + 1e-9


def _mostly_outside(curves: list[dict], x_range, y_range) -> bool:
    """Whether a curve shows over less than a quarter of x_range inside y_range (cut at the edges of axes as written,
    a Taylor polynomial leaving the window is the picture asked for; a curve that hardly shows is worth a word)."""
    for c in curves:
        f = try_formula(c["expr"])
        if f is None:
            continue
        inside = 0
        for k in range(101):  # ends: 101 samples
            x = x_range[0] + (x_range[1] - x_range[0]) * k / 100
            try:
                y = f(x)
            except (ArithmeticError, ValueError, TypeError):
                continue
            inside += isinstance(y, (int, float)) and y_range[0] <= y <= y_range[1]
        if inside < 25:
            return True
    return False


def _meets(curves: list[dict], x_range, y_range) -> bool:
    """Whether every curve passes through y_range somewhere over x_range (so axes as written show it)."""
    for c in curves:
        f = try_formula(c["expr"])
        r = value_range([f], x_range[0], x_range[1]) if f else None
        if r is None or r[1] < y_range[0] or r[0] > y_range[1]:
            return False
    return True


def _range_written(source: str, rng) -> bool:
    """Whether the sentence writes this range itself: "from -0.12 to 0.12" (whatever the axis is called)."""
    lo, hi = (re.escape(_fmt(v)) for v in rng[:2])
    return re.search(r"(?<![\d.])" + lo + r"\s*[^\d\s,;.]{0,12}\s*(?:to|and|\.\.|–|—)\s*" + hi + r"(?![\d.])",
                     source.replace("−", "-")) is not None


def _y_range(curves: list[dict], x_range, extra=()) -> list[float] | None:
    fns = [f for f in (try_formula(c["expr"]) for c in curves) if f]
    if not fns:
        return None
    r = value_range(fns, x_range[0], x_range[1])
    if not r:
        return None
    lo, hi = r
    for y in extra:
        lo, hi = min(lo, y), max(hi, y)
    lo, hi, _ = nice_range(lo, hi, include_zero=True, ticks=6)
    return [clean_number(lo), clean_number(hi)]


def clean_number(v: float) -> float | int:
    r = round(v, 6)
    return int(r) if float(r).is_integer() else r


def _default_x(exprs: list[str], named_ranges: list[tuple[float, float]]) -> list[float]:
    if named_ranges:
        return [min(r[0] for r in named_ranges), max(r[1] for r in named_ranges)]
    joined = " ".join(exprs)
    if re.search(r"\b(?:log|ln|sqrt)\b|√", joined):
        return [0, 10]
    if re.search(r"\b(?:sin|cos|tan)\b", joined):
        return [-10, 10]
    return [-5, 5]


def _fmt(v: float) -> str:
    return f"{v:.3g}" if abs(v) < 1e4 else f"{v:.3e}"


# ----------------------------------------------------------------------------- plot
_SEVERAL_PLOTS = re.compile(r"\b(two|three|four|five|six|several|multiple|[2-9])\s+(?:[\w-]+\s+){0,2}?(?:plots|graphs|charts|"
                            r"sets of axes|panels)\b", re.I)


_READOUT_VALUE = re.compile(r"\s*([A-Za-zα-ωΔ][\w]{0,11})\s*=\s*(-?\d+(?:\.(\d+))?)\s*([^\d\s=][^=]{0,10})?\s*")


def _running_readout(ex: Extracted, ctx: Context) -> tuple[dict, list[str]] | None:
    """A timer or counter the sentence runs while its dot moves: two quoted values of one name ("t = 0.00 s" …
    "t = 2.02 s") with a word of counting (timer, counter, readout, counts, ticks) — the readout, and the strings."""
    if not re.search(r"\b(?:timer|counter|readout|read-out|clock|counts?(?:\s+(?:up|down))?|counting|ticks?\s+up)\b",
                     ex.sentence, re.I):
        return None
    values = [(q, m) for q in ex.quoted if q not in ctx.consumed and (m := _READOUT_VALUE.fullmatch(q))]
    for (q1, m1), (q2, m2) in zip(values, values[1:]):
        if m1.group(1) == m2.group(1) and (m1.group(4) or "").strip() == (m2.group(4) or "").strip():
            unit = (m1.group(4) or "").strip() or None
            decimals = max(len(m1.group(3) or ""), len(m2.group(3) or ""))
            return ({"name": m1.group(1), "start": clean_number(float(m1.group(2))),
                     "end": clean_number(float(m2.group(2))), "unit": unit, "decimals": min(4, decimals)}, [q1, q2])
    return None


_DASHED_CURVE = re.compile(r"\bdashed\s+(?:(?!line\b|lines\b|vertical\b|horizontal\b)[\w-]+\s+){0,2}(?:curves?|graphs?|parabolas?|"
                           r"overlays?|functions?|bell)\b|"
                           # "a second, dashed isotherm P = 1870.65 / V": a dashed something written as its formula
                           r"\bdashed\s+(?:(?!line\b|lines\b|vertical\b|horizontal\b)[a-z-]+\s+){0,2}[A-Za-z]\w{0,2}\s*(?:\([^()]*\))?\s*=",
                           re.I)


def rule_plot(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    out = _plot(ex, ctx, i)
    if _DASHED_CURVE.search(ex.bare or ex.sentence):
        # "Overlay a dashed normal curve …": the curve this sentence adds is dashed (one curve: the one named so)
        out = [Beat(b.kind, {**b.params, "curves": [dict(c, dashed=True) for c in b.params["curves"]]}, b.strings, b.rule,
                    b.source, b.detail_index, b.keywords)
               if b.kind == "plot" and len(b.params.get("curves") or []) == 1 and b.params.get("extend") else b for b in out]
    # "Show three small plots of the same parabola side by side": one set of axes is drawn — said, never silent
    many = _SEVERAL_PLOTS.search(ex.bare)
    if many and (any(b.kind == "plot" for b in out) or any(b.kind == "plot" and b.detail_index == i and
                                                            b.source == ex.sentence for b in ctx.beats)):
        ctx.lost(i, f"{many.group(1)} plots are asked for; one plot is drawn (sbc draws one set of axes at a time)")
    return out


_COMPLEX_NUMBER = re.compile(r"[a-zA-Z]\w?(?:\s*[·*]\s*[a-zA-Z]\w?)?\s*=\s*-?\s*\d*(?:\.\d+)?\s*[-+]?\s*\d*(?:\.\d+)?\s*[ij]")
# "Animate the line moving smoothly from y = x + 1 to y = 0.6x + 2.2": the curve on screen goes over to the new one
_MOVE_LINE = r"\b(?:lines?|curves?|graph)\b[^.]*?\b(?:mov|slid|shift|rotat|tilt|swing|pivot|glid)\w*\b[^.]*?\bfrom\b[^.]*?\bto\b"
# "a quarter circle of radius 1 centered at the origin" on axes: an arc of a circle, drawn as a curve
ARC = re.compile(r"\b(quarter|semi|half)[- ]?circle\b(?:[^.;]*?\bradius\s+(?:of\s+)?(" + NUM + r"))?(?:[^.;]*?\bcent(?:er|re)d?\s+"
                 r"(?:at|on)\s+\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\))?", re.I)


def _norm_expr(expr: str) -> str:
    return re.sub(r"\s+", "", str(expr)).lower()


# "Transform to degree 7: adds - x^7/5040": a term added to the curve on screen (a partial sum growing)
_ADDS = re.compile(r"\badds?\s+(?:the\s+term\s+)?([+\-−]\s*[^\s,;\"]+(?:\s*[*/^·]\s*[^\s,;\"]+)*)(?=\s*[,;]|\.\s|\.?$|\s+(?:to|and)\b)")
_MORPH_TO = r"(?:transform|morph|turn|change)\w*\s+(?:it\s+|this\s+|that\s+|(?:the\s+)?(?:curve|graph|line)\s+)?(?:in)?to\b"


# "Below the plot show the model: z = w*x + b", "Show below the axes: …": a place beside the plot on screen, no axes
# or curve asked for
_PLACED = re.compile(r"\b(?:below|above|under|beneath|beside|next to|left of|right of|near|over)\s+(?:the|this|that)\s+"
                     r"(?:plot|graph|curve|axes)s?\b", re.I)


def _plot(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    if fired_chart(ex, ctx, i) or any(b.kind == "vector_plane" and b.detail_index == i for b in ctx.beats):
        return []  # (a grid of vectors drawn for this sentence is its plane: no axes of a function too)
    s = ex.sentence
    placed = _PLACED
    axes_words = (r"(?<![\w-])(?:axes|x[- ]axis|y[- ]axis|coordinate (?:plane|system|axes|grid)|number ?plane|(?:horizontal|vertical) axis|"
                  r"line (?:graph|chart)|empty graph)\b")
    axes_cue = _cue(ex, axes_words) and re.search(axes_words, placed.sub(" ", ex.bare), re.I) is not None and not _cue(
        ex, r"\b(?:same|those|these|existing) axes\b") and not (
        any(chart_on_screen(ctx, k) for k in ("scatter", "bar_chart", "plot", "vector_plane")) and not any(_axis_labels(ex))
        and not _cue(ex, r"^\s*(?:then\s+)?(?:draw|show|create|set up|display|add)\s+(?:a\s+|the\s+|new\s+)*"
                         r"(?:\w+\s+){0,2}(?:axes|coordinate|x[- ]axis)"))
    plot_words = r"\b(?:plot|plots|plotted|plotting|graph|graphs|curve|curves|sketch\w*)\b"
    plot_cue = _cue(ex, plot_words) and re.search(plot_words, placed.sub(" ", ex.bare), re.I) is not None or (
        _cue(ex, r"\bfunction\b") and _cue(ex, r"\b(?:plot|graph|draw|sketch|trace)\w*\b")) or (
        # "Draw the tangent line at P: y = 2x - 1" with axes on screen: a line on them
        chart_on_screen(ctx, "plot") is not None and _cue(ex, r"\b(?:draw|add|overlay|trace)\b[^.]*\b(?:lines?|tangent|secant|"
                                                       r"parabola|asymptotes?)\b")) or (
        # "Draw P1(x) = x in red", "Transform to P3(x) = x - x³/6", "Transform it into y = …" with axes on screen
        chart_on_screen(ctx, "plot") is not None and _cue(ex, r"^\s*(?:\d+[.)]\s*)?(?:(?:then|finally|next|now|also)\s*,?\s+)?(?:(?:draw|add|overlay|trace|"
                                                       r"superimpose)\b|" + _MORPH_TO + r")")) or (
        chart_on_screen(ctx, "plot") is not None and _cue(ex, _MOVE_LINE))
    area_cue = _cue(ex, r"\bshade[sd]?\b|\bshading\b|\barea (?:under|between|below)\b|\bintegral\b") or (
        _cue(ex, r"\bextend\w*\b[^.]*\bbetween\b") and any(b.kind == "plot" and b.params.get("area")
                                                             for b in ctx.beats))
    motion = plot_motion()  # "a ball rolling along the curve y = x^2": the words of a thing moving on a curve (data)
    dot_cue = _cue(ex, r"\b(?:point|dot|ball|particle)\b[^.]*\b(?:mov\w*|travel\w*|slid\w*|along|trac\w*)\b|"
                       r"\b(?:" + motion["movers"] + r")\b[^.]*\b(?:" + motion["verbs"] + r")\b")
    limit_m = re.search(r"\blimit\b[^.]*?\bapproach(?:es|ing)?\s+(" + NUM + r"|zero|infinity|∞)", s, re.I)

    partial: list[str] = []
    formulas = [(f, a, b) for f, a, b in _prose_formulas(ex, partial)]
    backticked = [f for f in ex.formulas if try_formula(f)] if (plot_cue or dot_cue or area_cue) else []
    # 'Plot the three trajectories …:\n 30 deg: "y = 0.577x - 0.0163x^2", from x = 0 to 35.35': one curve per line,
    # named by the words before its colon
    line_curves = {}
    line_colours: dict[str, str] = {}
    if plot_cue and ":\n" in s:
        for ln in s.split(":\n", 1)[1].split("\n"):
            m = re.match(r"\s*(?:[-*•]\s*)?([^:\"\n]{1,24}?)\s*:\s*[\"\u201c]([^\"\u201d]{1,120})[\"\u201d]", ln)
            if m and try_formula(m.group(2)) and m.group(2) not in backticked:
                backticked.append(m.group(2))
                line_curves[m.group(2)] = m.group(1).strip()
        listed = _listed_curves(s.split(":\n", 1)[1], ctx) if chart_on_screen(ctx, "plot") is not None else None
        for expr, written, colour in listed or []:
            # 'Add one at a time:\n- "P1 = 1 + x" (red line)\n- "P3 = P2 + x^3/6" (yellow)': each a curve on the
            # axes on screen, in its colour, labelled as written (a name defined on a line above put in)
            backticked.append(expr)
            line_curves[expr] = written
            ctx.consumed.add(written)
            if colour:
                line_colours[expr] = colour
        if listed:
            ctx.stop = True  # (the lines are these curves: no derivation of them, no list)
            formulas, partial[:] = [], []  # (their names read as formulas of the prose: "P3 = P2" is no curve of its own)
    # 'plot "I(t) = 5 mA · e^(−t/τ)" as a decaying curve': the quoted formula the verb plots, its units dropped and the
    # values the scene gives its letters put in ("τ = RC = 0.1 s"); a letter left without one is said
    written_as: dict[str, str] = {}
    if plot_cue:
        for m in re.finditer(r"\b(?:plot|graph|draw|sketch|trace)\w*\s+(?:the\s+)?(?:(?:curve|function|graph)\s+)?(?:of\s+)?"
                             r"[\"\u201c]([^\"\u201d]{1,120})[\"\u201d]", s, re.I):
            q = m.group(1).strip()
            if q in backticked or q in ctx.consumed or "=" not in q:
                continue
            expr, missing = _numeric_curve(q, _given_values(ex, ctx))
            if expr:
                backticked.append(expr)
                written_as[expr] = q
                if q != expr:
                    ctx.consumed.add(q)  # (drawn as the curve's label; one read as written is claimed where drawn)
                if missing:
                    ctx.lost(i, f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not given a value: {q} is "
                                "drawn with " + ", ".join(f"{n} = {0 if n in _DEFAULT_ZERO else 1}" for n in missing))
    quoted_spans = [m.span() for m in re.finditer(r"[\"\u201c][^\"\u201d]*[\"\u201d]|`[^`]*`", s)]

    def outside(a: int) -> bool:
        return not any(q0 <= a < q1 for q0, q1 in quoted_spans)

    # "z = 1 + 2i", "w = 1 + i": complex numbers (points of the complex plane), never curves in a variable i
    formulas = [(f, a, b) for f, a, b in formulas if outside(a) and not _COMPLEX_NUMBER.fullmatch(f.strip())]
    # "Plot the curve S(m) = 5m² − 8m + 5 (lines through the mean point, b = 3.5 − 2.5m)": a formula in a remark in
    # brackets, after the curve the sentence plots, is part of the remark — not a second curve
    remarks = [r.span() for r in re.finditer(r"\(([^()]{0,160})\)", s) if len(re.findall(r"\b[a-z]{3,}\b", r.group(1))) >= 3]
    if len(formulas) >= 2:
        kept = [(f, a, b) for f, a, b in formulas if not any(x < a < y for x, y in remarks)]
        if kept and len(kept) < len(formulas):
            dropped = [f for f, a, b in formulas if (f, a, b) not in kept]
            ctx.lost(i, "the note " + ", ".join(repr(f) for f in dropped) + " in brackets beside the curve is not drawn")
            formulas = kept
    added = _ADDS.search(s) if not formulas and chart_on_screen(ctx, "plot") is not None else None
    last = next((c for b in reversed(ctx.beats) if b.kind == "plot" for c in reversed(b.params.get("curves") or [])
                 if c.get("expr")), None) if added else None
    base = re.sub(r"^\s*[^\W\d]\w{0,3}(?:\s*\([^()]*\))?\s*=\s*", "", last["expr"]) if last is not None else ""
    if base and try_formula(f"y = {base} {added.group(1)}"):
        # "Transform to degree 7: adds - x^7/5040": the curve on screen with that term added
        formulas = [(f"y = {base} {added.group(1).strip()}", added.start(1), added.end(1))]
        plot_cue = True
    # "Plot S_1 in yellow": a name (of a sum defined in words or TeX elsewhere), not a formula in x — never y = x
    names = [f for f in backticked if re.fullmatch(r"\s*[A-Za-z](?:_?\{?\w{1,3}\}?)?\s*", f)] + [
        f for f, _, _ in formulas if re.fullmatch(r"\s*[A-Za-z](?:_?\{?\w{1,3}\}?)?\s*", f)]
    if names:
        backticked = [f for f in backticked if f not in names]
        formulas = [x for x in formulas if x[0] not in names]
        if plot_cue and not (formulas or backticked):
            ctx.lost(i, f"{names[0]!r} names a curve the sentence does not write as a formula in x: it is not plotted")
    named = []
    for pat, expr, hint, rng in NAMED_CURVES:
        m = next((m for m in re.finditer(pat, s, re.I) if outside(m.start())), None)
        if m and not any(m.start() < n.end() and n.start() < m.end() for n, *_ in named):
            named.append((m, expr, hint, rng))
    named = [_drawn_line(ctx, n) for n in named]
    arc = ARC.search(s)
    if arc and outside(arc.start()) and (axes_cue or chart_on_screen(ctx, "plot") is not None):
        # "a quarter circle of radius 1 centered at the origin" on axes: the arc is the curve y = √(r² − x²)
        r = _num(arc.group(2)) if arc.group(2) else 1
        cx, cy = (_num(arc.group(3)), _num(arc.group(4))) if arc.group(3) else (0, 0)
        shift = f"(x - {cx})" if cx else "x"
        expr = f"sqrt({r}^2 - {shift}^2)" + (f" + {cy}" if cy else "")
        rng = (cx, cx + r) if arc.group(1).lower() == "quarter" else (cx - r, cx + r)
        named.append((re.search(re.escape(arc.group(0).split()[0]) + r"[- ]?circle", s, re.I), expr, "circle", rng))
    into = re.search(r"\b(?:morph\w*|transform\w*|turn\w*|chang\w*)\b[^.]*?\binto\b", s, re.I)
    if into and any(n[0].start() > into.end() for n in named):
        named = [n for n in named if n[0].start() > into.end()]  # "morph the straight line into an S-shaped curve"
    # "the same parabola": the curve drawn before, not a standard one of that name
    again = [n for n in named if re.search(r"\b(?:same|previous|earlier|original)\s+(?:[\w-]+\s+)?$", s[:n[0].start()], re.I)]
    # "copy the sine curve and slide it left" with y = sin θ on screen: that curve, not a standard one on new axes
    shown = [str(c.get("expr", "")) for b in since_clear(ctx) if b.kind == "plot" for c in b.params.get("curves") or ()
             if isinstance(c, dict)] if chart_on_screen(ctx, "plot") is not None else []
    again += [n for n in named if n not in again and re.search(r"\b(?:the|this|that)\s+$", s[:n[0].start()], re.I) and any(
        re.match(r"[a-z]{2,}", n[1]) and re.match(r"[a-z]{2,}", n[1]).group(0) in e for e in shown)]
    if again and not formulas and not backticked:
        if chart_on_screen(ctx, "plot") is not None:
            named = [n for n in named if n not in again]  # brought back (rule_recall): nothing new to draw
        else:
            for m, expr, *_ in again:
                ctx.lost(i, f"{m.group(0)!r} names a curve drawn before, but no earlier scene plotted one: a standard "
                            f"{m.group(0)}, y = {expr}, is drawn")
    if not (axes_cue or formulas or backticked or named or (area_cue and chart_on_screen(ctx, "plot"))
            or (dot_cue and chart_on_screen(ctx, "plot"))):
        return []
    # "Draw the parabola y = x^2 - 4x + 5": a curve named and asked for, its formula given
    drawn_named = any(re.search(r"\b(?:show|draw|display|add|trace)\s+(?:[\w-]+\s+){0,3}$", s[:m.start()], re.I)
                      for m, *_ in named)
    if (formulas or backticked) and not (plot_cue or dot_cue or area_cue or axes_cue or limit_m or drawn_named):
        return []  # "y = 4x^2" alone is an equation, not a plot
    if named and not (plot_cue or axes_cue or dot_cue or area_cue) and not drawn_named:
        return []  # "show that the angles sit on a straight line": no curve is asked to be drawn

    several = re.search(r"\b(two|three|four|five|six|\d)\s+(?:small\s+|separate\s+|stacked\s+|little\s+)*(?:sets? of\s+)?"
                        r"(?:axes|plots|graphs|coordinate systems)\b", ex.bare or s, re.I)
    if axes_cue and several and several.group(1).lower() not in ("1", "one"):
        ctx.lost(i, f"{several.group(0)} are asked for: one set of axes is drawn, and the curves the next sentences "
                    "plot on them share it")
    # --- curves, in sentence order, with their labels and colours
    x_label, y_label = _axis_labels(ex)
    for lab in (x_label, y_label):
        if lab:
            ctx.consumed.add(lab)
    curves: list[dict] = []
    strings: list[str] = []
    ranges: list[tuple[float, float]] = []
    spans = sorted([(a, b, "formula", f) for f, a, b in formulas]
                   + [(m.start(), m.end(), "named", (expr, hint, rng, m.group(0))) for m, expr, hint, rng in named])
    ticked = [f for f in backticked if f not in ctx.consumed]
    if len(named) == 1 and len(formulas) + len(ticked) == 1:
        # "a bell curve with the formula `f(x) = …`": one curve, drawn from the formula, labelled with it
        f = formulas[0][0] if formulas else ticked[0]
        spans = [(a, b, "formula", f) for a, b, what, _ in spans if what == "named"]
        ranges.append(named[0][3])
        ticked = []
    sigmas = [(q, quantity(m.group(1))) for q in ex.quoted
              for m in [re.fullmatch(r"\s*(?:σ|sigma|sd|s\.d\.)\s*=\s*(" + NUM + r")\s*", q, re.I)] if m and quantity(m.group(1)) > 0]
    if len(named) == 1 and "normal" in named[0][2] and sigmas:
        # "two bell curves: a narrow one labeled "σ = 0.5" and a wide one labeled "σ = 2"": one normal curve each
        spans = []
        for q, sd in sigmas[:6]:
            k = s.find(q)
            near = re.findall(r"[a-z]+", s[max(0, k - 40):k].lower())[-4:]  # "a narrow one labeled": narrow
            own = _theme_colour(ctx, " | ".join(f"{w} curve" for w in near if len(w) > 2))
            curves.append(curve_spec(ctx, f"e^(-x^2/(2*{sd:g}^2))/({sd:g}*sqrt(2*pi))", q, "normal bell", own))
            strings.append(q)
            ctx.consumed.add(q)
        top = max(sd for _, sd in sigmas[:6])
        ranges.append((-4 * top, 4 * top))
    elif len(named) == 1 and "normal" in named[0][2] and not formulas and not ticked:
        # "the normal curve with mean 3.5 and sd 0.31", "mean 1 and standard deviation 1/sqrt(30) = 0.183"
        mean = re.search(r"\b(?:mean|mu|μ|average|centred|centered)\s*(?:=|of|is|at)?\s*(" + NUM + r")(?![\w(])", s, re.I)
        sd = re.search(r"\b(?:standard deviation|std\.?|sd|s\.d\.|sigma|σ)\s*(?:=|of|is)?\s*(?:[^,;=]{0,30}=\s*)?(" + NUM
                       + r")(?![\w(/])", s, re.I)
        mu = quantity(mean.group(1)) if mean else 0.0
        sigma = quantity(sd.group(1)) if sd else 1.0
        if (mean or sd) and sigma > 0:
            m0, _, hint0, _ = named[0]
            expr = f"e^(-(x - ({mu:g}))^2/(2*{sigma:g}^2))/({sigma:g}*sqrt(2*pi))"
            label = f"normal curve (mean {_fmt(mu)}, sd {_fmt(sigma)})"
            spans = [(m0.start(), m0.end(), "named", (expr, hint0, (mu - 4 * sigma, mu + 4 * sigma), label))]
    # "plot y = x^2 and y = x log(x) …, labeled "bubble sort" and "merge sort"": the labels in order
    respectively = None
    if len(spans) >= 2:
        tail = re.search(r"\b(?:labell?ed|called|named)\s+((?:[\"\u201c][^\"\u201d]+[\"\u201d]\s*,?\s*(?:and\s+)?)+)",
                         s[spans[-1][1]:], re.I)
        if tail and all(_quoted_after(s, spans[k][1], spans[k + 1][0]) is None for k in range(len(spans) - 1)):
            found = [q.strip() for q in re.findall(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]", tail.group(1))]
            if len(found) == len(spans):
                respectively = found
    if any(w == "formula" for _, _, w, _ in spans):
        formula_spans_ = [(a, b) for a, b, w, _ in spans if w == "formula"]
        spans = [x for x in spans if x[2] == "formula" or not any(fa - 30 <= x[1] <= fa for fa, _ in formula_spans_)]
    # "Plot simple interest as a straight line y = 1000 + 50x": the formula is the curve, named by what precedes
    names = {}
    for k, (a, b, what, data) in enumerate(spans):
        if what == "formula":
            before = s[spans[k - 1][1] if k else 0:a]
            nm = re.search(r"(?:^|,|\band\b|\bplot\b|\bdraw\b|\bshow\b)\s*(?:the\s+)?([a-z][\w -]{2,30}?)\s+as\s+(?:a|an|the)?\s*"
                           r"(?:[\w-]+\s+){0,2}?(?:line|curve|parabola|graph|function)?\s*$", before, re.I)
            if nm:
                name = re.sub(r"^(?:(?:then|and|plot|draw|show|graph|display)\s+)+", "", nm.group(1).strip(), flags=re.I)
                if name and not re.fullmatch(r"(?:it|this|that|them|the curve|the line)", name, re.I):
                    names[k] = name
    drawn = operation_clauses(s)[0]  # "Plot y = x^2 and mark the point (2, 4) labeled "P"": P names the point
    colour_end = 0  # where the colour of the curve before ends
    for k, (a, b, what, data) in enumerate(spans):
        nxt = spans[k + 1][0] if k + 1 < len(spans) else None
        end = b if respectively else len(drawn) if nxt is None else min(nxt, len(drawn))
        label = respectively[k] if respectively and k < len(respectively) else _quoted_after(drawn, min(b, end), end)
        if label in (x_label, y_label):
            label = None  # "…y = 4x^2 on axes with x labelled "time (s)"": an axis label, not the curve's
        if not label and k in names and what == "formula":
            label = f"{names[k]}: {data}"
        prev_end = spans[k - 1][1] if k else 0
        # "y = x in grey labeled "linear"": the colour written beside the curve (not one inside a quoted label)
        # "y = n^2 in red and y = n log2(n) in green": a colour written after a curve is its own; one before it ("a red
        # curve y = …") only when none follows it and it is not the colour written after the curve before
        limit = min(b + 30, nxt if nxt is not None else len(s))
        after = _IN_COLOUR.match(ex.bare[:limit], b)
        colour = colour_value(after.group(1)) if after else _colour_near(ex.bare, max(a - 25, prev_end, colour_end), a)
        if after:
            colour_end = after.end()
        elif colour is None:
            colour = _colour_near(ex.bare, b, limit)
        if what == "formula":
            expr = data if try_formula(data) else data.split("=", 1)[-1].strip()  # "θ(t) = …": draw the right side
            if not try_formula(expr):
                valued, missing = _valued(data, _given_values(ex, ctx))
                if valued:
                    # "y = A sin(k x) with A = 2 and k = 1": the values put in; letters left without one are said
                    expr = valued
                    if missing:
                        ctx.lost(i, f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not given a value: "
                                    f"{data} is drawn with " + ", ".join(
                                        f"{n} = {0 if n in _DEFAULT_ZERO else 1}" for n in missing))
            _claim_formula(ex, ctx, data)
            # "x(t) = 0.1 cos(10t)" is the x curve of the style ("x curve blue, v curve green"); "Plot simple interest:
            # A = …" is the simple one ("Simple line blue")
            name = re.match(r"\s*([A-Za-zα-ω]\w{0,3})\s*(?:\([^()]*\))?\s*=", data)
            head = re.match(r"\s*(?:\d+[.)]\s*)?(?:then\s+)?(?:plot|draw|graph|sketch|add)\s+(?:the\s+)?([a-z][a-z -]{1,30}?)\s*:",
                            ex.sentence, re.I)
            hint = " ".join(x for x in ((name.group(1) if name else ""), head.group(1) if head else "") if x)
            same = next((c for c in curves if _rhs(c.get("expr", "")) == _rhs(expr)), None)
            if same is not None and re.search(r"\blabel", s[max(0, a - 40):a], re.I):
                # "Plot the curve y = x^2 … and attach the label MathTex: f(x) = x^2": the curve's label, not a second
                # curve drawn on top of it
                old_label = same.get("label")
                same["label"] = label or written_as.get(data, data)
                strings[:] = [same["label"] if x == old_label else x for x in strings]
                continue
            curves.append(curve_spec(ctx, expr, label or written_as.get(data, data), hint, colour))
            strings.append(label or written_as.get(data, data))
        else:
            expr, hint, rng, phrase = data
            curves.append(curve_spec(ctx, expr, label or phrase, hint, colour))
            strings.append(label or phrase)
            ranges.append(rng)
        if label:
            ctx.consumed.add(label)
    for f in ticked:
        _claim_formula(ex, ctx, f)
        shown_as = line_curves.get(f) or written_as.get(f) or f
        curves.append(curve_spec(ctx, f, shown_as, line_curves.get(f, ""), line_colours.get(f)))
        strings.append(shown_as)
        ctx.consumed.add(f)

    x_range = _x_range(ex)
    params: dict = {}
    axes = named_axis_ranges(s)
    yr_named = (_letter_axes(s)[1][1] if _letter_axes(s) else None) or axis_range(s, "y") or (
        both_axes_range(s) if not axis_range(s, "x") else None) or (axes[1][1] if axes else None)
    if yr_named:
        params["y_range"] = [clean_number(v) for v in yr_named]
    if (x_range or yr_named) and (axes_cue or plot_cue) and not re.search(r"\bno (?:tick )?(?:labels|numbers)\b", s, re.I):
        params["numbers"] = True  # "axes with x from 0 to 30, y from 0 to 18000": the numbers matter
    if re.search(r"\bticks?\s+(?:every|at)\b|\btick (?:labels|values|marks) (?:at|every|from)\b", s, re.I) and not re.search(
            r"\bno (?:tick )?(?:labels|numbers)\b", s, re.I):
        params["numbers"] = True
    if axes_cue or plot_cue:
        params.update(tick_steps(s))  # "x-axis "Years" from 0 to 30 with ticks every 5": the step asked for
    if (axes_cue or plot_cue) and (x_range or yr_named):
        # "the horizontal axis θ from 0 to 2π (tick labels "π/2", "π", "3π/2", "2π")": the axes number themselves
        ticks = [q for q in ex.quoted if q not in ctx.consumed and re.fullmatch(NUM, q.replace(" ", "")) and re.search(
            r"\bticks?\b[^.;\"\u201c]{0,30}[\"\u201c](?:[^\"\u201d]{1,12}[\"\u201d][\s,]*(?:and\s+)?[\"\u201c])*$",
            before_quote(s, q) or "", re.I)]
        if ticks:
            params["numbers"] = True
            ctx.consumed.update(ticks)
    rule = "plot:" + ("axes-cue" if axes_cue and not curves else "formula" if formulas or backticked
                      else "named-curve" if named else "extend")

    # --- a moving dot: "a point moving from (0,0) to (1,4) along the curve"
    points: list[dict] = []
    move_dot = None
    coords = [(m.group(0), _num(m.group(1)), _num(m.group(2))) for m in COORD.finditer(s)
              if not LABEL_PLACE.search(s[:m.start()])]  # ("label it … near the point (2.6, 7)": where the label goes)
    if dot_cue:
        xs = None
        if len(coords) >= 2:
            xs = (coords[0][1], coords[-1][1])
            for text, x, y in (coords[0], coords[-1]):
                label = re.sub(r"\s*,\s*", ", ", text)
                points.append({"x": x, "y": y, "label": label})
                strings.append(label)
        else:
            m = re.search(r"\bfrom\s+x\s*=\s*(" + NUM + r")\s+to\s+(?:x\s*=\s*)?(" + NUM + r")", s, re.I)
            if m:
                xs = (_num(m.group(1)), _num(m.group(2)))
        if xs is None and x_range:
            xs = x_range
        if xs is not None and xs[0] != xs[1]:
            move_dot = {"x0": xs[0], "x1": xs[1]}
            if x_range is None and curves:
                lo, hi = min(xs), max(xs)
                pad = 0.5 * (hi - lo)
                x_range = (lo - pad, hi + pad)
        rule = "plot:moving-point"
        if move_dot is not None:
            readout = _running_readout(ex, ctx)
            if readout is not None:  # "… while a timer text "t = 0.00 s" counts up to "t = 2.02 s"": in step with the dot
                move_dot["readout"], said = readout
                ctx.consumed.update(said)
                strings += said

    # --- the limit at a point: a hollow dot at (a, L) and a dot sliding towards it
    if limit_m and curves:
        word = limit_m.group(1).lower()
        f = try_formula(curves[0]["expr"])
        if f and word not in ("infinity", "∞"):
            a = 0.0 if word == "zero" else float(word)
            if x_range is None:
                half = 10 if re.search(r"\b(?:sin|cos|tan)\b", curves[0]["expr"]) else 5
                x_range = (a - half, a + half)
            L = limit_at(f, a)
            if math.isfinite(L):
                label = f"limit {_fmt(L)} as {f.var} → {_fmt(a)}"
                points.append({"x": clean_number(a), "y": clean_number(L), "label": label, "hollow": True})
                strings.append(label)
            move_dot = {"x0": clean_number(a + 0.6 * (x_range[1] - a)), "x1": clean_number(a)}
        rule = "plot:limit"

    # --- a shaded area: "Shade the area between -1 and 1"
    area = None
    if area_cue and BETWEEN.search(s) and len(curves) >= 2:
        # "Plot y = x and y = x^2 and shade the region between them": bounded by the two curves, not the x axis
        area = between_curves(s, [c["expr"] for c in curves], tuple(x_range) if x_range else (-5.0, 5.0))
        if area:
            col = between_fill(ex, ctx)
            if col:
                area["color"] = col
            said = [q for q in ex.quoted if q not in ctx.consumed and len(q) <= 24]
            if len(said) == 1 and not _quoted_after(s, 0):
                area["label"] = said[0]
            rule = "plot:area-between"
    elif area_cue:
        # "between -1 and 1", "from t = 0 to t = 4", "for 0 <= x <= 2", "the region 0 ≤ θ ≤ 0.35"
        m = re.search(r"\b(?:between|from)\s+(?:[a-zα-ω]\s*=\s*)?(" + NUM + r")\s+(?:and|to)\s+(?:[a-zα-ω]\s*=\s*)?(" + NUM
                      + r")", s, re.I) or re.search(r"(?<![\w.])(" + NUM + r")\s*(?:<=|≤|<)\s*[a-zα-ω]\w?\s*(?:<=|≤|<)\s*("
                                                    + NUM + r")", s, re.I)
        if m and quantity(m.group(1)) != quantity(m.group(2)):
            area = {"a": _num(m.group(1)), "b": _num(m.group(2))}
            on_screen = [c for b in since_clear(ctx) if b.kind == "plot" for c in b.params.get("curves") or ()]
            if not curves and len(on_screen) >= 2 and re.search(
                    r"\bbetween\s+(?:the\s+|both\s+|two\s+)*(?:curves|graphs|lines|them|functions)\b", s, re.I):
                area.update(curve=0, to=1)  # "Shade the region between the curves from t = 0 to t = 4"
            col = area_colour(ex, ctx)
            if col:
                area["color"] = col
            said = [q for q in ex.quoted if q not in ctx.consumed and len(q) <= 24]
            if len(said) == 1 and not _quoted_after(s, 0):
                area["label"] = said[0]  # "Shade the region between -1 and 1 and display "68%""
            if not curves and not chart_on_screen(ctx, "plot"):
                area = None
        if area:
            rule = "plot:area"

    # --- dashed markers and plain labelled points
    markers = []
    # "a dashed line at x = 2", "a vertical dashed line at 0.5 labeled "threshold 0.5"", "a dashed horizontal line at
    # 12 labeled "battery"", "a dashed vertical line at k = 5": the axis from the variable, else from the direction
    for m in re.finditer(r"\b(dashed|dotted|vertical|horizontal)\s+(?:(\w+)\s+)?lines?\s+at\s+(?:([a-zα-ω])\s*=\s*)?(" + NUM
                         + r")(?![\w]|\.\d)", s, re.I):
        words = {m.group(1).lower(), (m.group(2) or "").lower()}
        var = (m.group(3) or "").lower()
        axis = "y" if var == "y" or not var and "horizontal" in words else "x" if var or "vertical" in words else None
        if axis is None:
            continue  # ("a dashed line at 3": which way is not said)
        after = re.match(r"\s*,?\s*(?:and\s+)?(?:labell?ed|marked|called)\s+[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", s[m.end():], re.I)
        label = after.group(1) if after else f"{var} = {m.group(4)}" if var else None
        if after:
            ctx.consumed.add(after.group(1))
        markers.append({"axis": axis, "value": _num(m.group(4)), **({"label": label} if label else {})})
        if label:
            strings.append(label)
    if not dot_cue and coords and _has(ex, r"\b(?:mark|label|highlight|plot|show)\w*\b[^.]*\bpoints?\b"):
        used = {c.get("label") for c in curves}
        names = [n for n in point_labels(s[spans[-1][1] if spans else 0:]) if n not in used]  # not a curve's label
        names = names if len(names) == len(coords[:12]) else [None] * len(coords[:12])
        for (text, x, y), name in zip(coords[:12], names):
            label = re.sub(r"\s*,\s*", ", ", text)
            if name:
                # "… and mark the point (2, 4) with a dot labeled "P"": the point's name
                label = name if re.search(r"[(=\d]", name) else f"{name} {label}"
                ctx.consumed.add(name)
            points.append({"x": x, "y": y, "label": label})
            strings.append(label)

    previous = chart_on_screen(ctx, "plot")
    if not (axes_cue or curves or area or move_dot or markers or points or limit_m):
        return []  # "a blue dot moving along the x-axis": nothing a plot can draw (new empty axes would mislead)
    extend = False
    if previous is not None and not axes_cue and (curves or area or move_dot or markers or points):
        first = next(b for b in reversed(ctx.beats) if b.kind == "plot" and not b.params.get("extend"))
        shown = [c["expr"] for b in ctx.beats[ctx.beats.index(first):] if b.kind == "plot"
                 for c in b.params.get("curves", [])]
        same = [c for c in curves if c["expr"] in shown]
        if curves and len(same) == len(curves):
            # "…along the curve y = 4x²" with that curve on screen: use it, do not draw it again
            j = shown.index(curves[0]["expr"])
            for part in (move_dot, area):
                if part is not None:
                    part["curve"] = j
            curves = []
            strings = [x for x in strings if x not in [c.get("label") for c in same]]
        # Add to the plot on screen: axes drawn without curves, or nothing new to plot, or "on the same axes".
        fresh_axes = _has(ex, r"\b(?:new|separate|another|second|fresh|own)\s+(?:set of\s+)?(?:axes|graph|plot|chart)")
        # (axes the scene created on their own — "Create axes: x range …" — are where its curves go, one after another)
        extend = not shown or not curves or (area is not None or first.rule == "plot:axes-cue") and not fresh_axes or _has(
            ex, r"\b(?:same (?:axes|plot|graph)|also|add(?:s|ing)?|overlay|alongside|on top|another curve|"
                r"second curve|compare|tangent|secant|asymptotes?)\b") or (not _has(ex, r"\b(?:new|separate|another|second|fresh)\s+"
                                                           r"(?:axes|graph|plot|chart|coordinate)") and any(
                    b.kind == "plot" and (b.params.get("x_label") or b.params.get("y_label")) for b in ctx.beats[
                        ctx.beats.index(first):])) or (  # a curve drawn on labelled axes on screen joins them
            # "Draw P1(x) = x in red", "Then plot P_1(x) = 1 + x" with the axes of the scene on screen: on them (new
            # axes are asked for in words: "on a new graph", "in a separate plot below")
            not axes_cue and _has(ex, r"^\s*(?:\d+[.)]\s*)?(?:(?:then\s+)?(?:draw|trace|superimpose)|(?:then|next,?|now|also)\s+"
                                      r"(?:plot|graph))\b") and not _has(ex, r"\b(?:new|separate|another|second|fresh|own)\s+"
                                                                        r"(?:set of\s+)?(?:axes|graph|plot|chart|coordinate)")) or (
            # "Middle axes: plot y = …" after "three small axes …": the axes on screen stand for them
            not axes_cue and _has(ex, r"\b(?:top|middle|bottom|upper|lower|left|right|first|second|third|last|other)\s+"
                                      r"(?:set of\s+)?axes\b"))
    morph = previous is not None and curves and _has(
        ex, r"\b(?:transform\w*|morph\w*|turn\w*|chang\w*|becomes?|evolv\w*|merg\w*)\b[^.]*?\b(?:curves?|graph|function|"
            r"density|distribution|shape|line)\b|\b(?:curves?|graph|density|lines?)\b[^.]*?\b(?:transforms?|morphs?|"
            r"becomes?|turns?|changes?|merg\w*)\s+(?:in)?to\b|^\s*(?:\d+[.)]\s*)?(?:then\s+)?" + _MORPH_TO
        + "|" + _MOVE_LINE)
    if morph:
        # "Transform the curve into the density of the average of 5 samples: f(x) = …": same axes, new curve
        first = next(b for b in reversed(ctx.beats) if b.kind == "plot" and not b.params.get("extend"))
        extend = True
        params["replace"] = True
        if _has(ex, _MOVE_LINE):
            # "… moving from y = x + 1 to y = 0.6x + 2.2": where it starts is the curve on screen, not a new one
            shown = {_norm_expr(c.get("expr", "")) for b in ctx.beats if b.kind == "plot" for c in b.params.get("curves", [])}
            kept = [c for c in curves if _norm_expr(c.get("expr", "")) not in shown]
            if kept and len(kept) < len(curves):
                strings = [x for x in strings if x not in [c.get("label") for c in curves if c not in kept]]
                curves[:] = kept
    if extend:
        # The same axes: widen the first beat's ranges to what this one adds.
        xr = first.params.get("x_range") or _default_x([c["expr"] for c in first.params.get("curves", [])], [])
        all_curves = [c for b in ctx.beats if b.kind == "plot" and ctx.beats.index(b) >= ctx.beats.index(first)
                      for c in b.params.get("curves", [])] + curves
        extra = [p["y"] for p in points]
        yr = _y_range(all_curves, xr, extra)
        updates = {"x_range": list(xr)}
        written = first.params.get("y_range")
        # a y range the details wrote ("y-axis from 0 to 25 m", "t from 0 to 1.3 s and x from -0.12 to 0.12 m")
        said = written and (axis_range(first.source, "y") or _range_written(first.source, written))
        if yr and (curves or points) and not (written and said and _fits(all_curves, xr, extra, written)) and not (
                written and not said and first.params.get("curves") and _fits(all_curves, xr, extra, written)) and not (
                said and _meets(curves, xr, written) and _fits([], xr, extra, written)):
            # (a y range the axes only had by default — empty axes, 0 to 10 — fits itself to the curves drawn on them)
            updates["y_range"] = yr  # the axes as written hold the new curves: they stay as written
        elif said and curves and not _fits(curves, xr, [], written) and _mostly_outside(curves, xr, written):
            ctx.lost(i, f"the curve leaves the y range as written ({_fmt(written[0])} to {_fmt(written[1])}): "
                        "drawn inside it, cut at its edges")
        _replace(ctx, first, **updates)
        params.update(extend=True)
        # the axes travel with the extension: if the plot has left the screen, it comes back on the same axes
        for key in ("x_range", "y_range", "numbers"):
            value = updates.get(key, first.params.get(key))
            if value is not None:
                params.setdefault(key, value)
        rule = rule.replace("plot:", "plot:extend-") if not rule.startswith("plot:extend") else rule
    else:
        xr = list(x_range) if x_range else _default_x([c["expr"] for c in curves], ranges)
        if not curves:
            xr = list(x_range) if x_range else [0, 10]
            params.setdefault("y_range", [0, 10])
        params["x_range"] = [clean_number(v) for v in xr]
        if curves and (formulas or backticked) and not axes_cue:
            params["numbers"] = True
    if area:
        ci = area.get("curve", 0)
        target = (curves[ci] if ci < len(curves) else curves[0]) if curves else (_last_curve(ctx))
        f = try_formula(target["expr"]) if target else None
        to = area.get("to")
        g = try_formula(curves[to]["expr"]) if to is not None and to < len(curves) else None
        if f and g:
            f = (lambda upper, lower: (lambda x: upper(x) - lower(x)))(f, g)  # the area between the two curves
        if f and "label" not in area and (to is None or g):
            val = integrate(f, min(area["a"], area["b"]), max(area["a"], area["b"]))
            if math.isfinite(val):
                area["label"] = f"area ≈ {_fmt(val)}"
        if area.get("label"):
            strings.append(area["label"])
    strings = ([x_label] if x_label else []) + ([y_label] if y_label else []) + strings
    if rule == "plot:axes-cue" and not (strings or area or markers or points or move_dot) and any(
            b.kind == "plot" and b.detail_index == i and b.rule.startswith("plot:recalled") for b in ctx.beats):
        return []  # "Redraw the axes and cliff from scene 2 (x from 0 to 35 m, …)": the axes recalled, not a second pair
    claim_drawn(ex, ctx, strings)
    for what in partial if curves else ():
        ctx.lost(i, what)  # the curve drawn is the part of the formula that could be read
    # ("mark the point (0, 1) with a dot labeled "(0, 1)"": one point, read twice)
    points = [p for k, p in enumerate(points) if not any((q["x"], q["y"], q.get("label")) == (p["x"], p["y"], p.get("label"))
                                                         for q in points[:k])]
    return [_beat("plot", rule, ex, i, strings, _kw(" ".join(strings) or s), curves=curves or None,
                  x_label=x_label, y_label=y_label, move_dot=move_dot, area=area, markers=markers or None,
                  points=points or None, **params)]


def _last_curve(ctx: Context) -> dict | None:
    for b in reversed(ctx.beats):
        if b.kind == "plot" and b.params.get("curves"):
            return b.params["curves"][-1]
    return None


# ----------------------------------------------------------------------------- scatter
def rule_scatter(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    # ("list three points:" announces the points of a list, not three points to scatter)
    if fired_chart(ex, ctx, i):
        return []
    # ("a brace between the two points": points on screen, named by their number — none to scatter)
    counted = _cue(ex, r"(?<!\bthe )(?<!\bthese )(?<!\bthose )(?<!\bboth )\b(?:\d+|" + "|".join(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
                   + r")\s+(?:random\s+)?(?:2d\s+)?points\b(?!\s*:)(?!\s+(?:to|at|toward|towards|with|into|back|up|down|"
                   r"left|right)\b)") and not _cue(ex, r"\b(?:" + list_words() + r")\b")  # ("37 points to null": a verb)
    # ("Below it list three points:": the points of a list, not of a plot)
    cue = counted or _cue(ex, RANDOM_DOTS) or _cue(ex, r"\bscatter(?:[- ]?plot)?\b|\b(?:random|data|sample)\s+(?:2d\s+|two-dimensional\s+)?points\b|"
                          r"\bpoint cloud\b|\bconvex hull\b|\bline of best fit\b|\bregression line\b|\bbest[- ]fit line\b")
    s = ex.sentence
    coords = [(_num(m.group(1)), _num(m.group(2))) for m in COORD.finditer(s)]
    previous = chart_on_screen(ctx, "scatter")
    if previous is not None and (cue or len(coords) >= 3):
        return _scatter_operation(ex, ctx, i, previous, coords)
    if not cue:
        return []
    params: dict = {}
    strings: list[str] = []
    table = chart_on_screen(ctx, "table") or next((b for b in reversed(ctx.beats) if b.kind == "table"), None)
    table_points = _table_points(table) if table is not None and _has(ex, r"\btable\b|\bdata\b") else None
    if len(coords) >= 3:
        params["points"] = [[x, y] for x, y in coords[:200]]
    elif table_points:
        params["points"] = table_points  # "transform the table into a scatter plot": its rows are the points
    else:
        m = re.search(r"\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:random\s+)?(?:2d\s+|"
                      r"two-dimensional\s+)?(?:data\s+|small\s+)?(?:points|dots)\b", s, re.I)
        n = count_in(m.group(1)) if m else None
        if n is None and m and m.group(1).isdigit():
            n = int(m.group(1))
        params["count"] = max(1, min(200, n or 20))
        params["seed"] = int(hashlib.sha256(s.encode()).hexdigest()[:6], 16) % 10000
        inside = re.search(r"\b(?:in|inside|within|into)\s+the\s+(?:\w+\s+)?(square|circle|box|rectangle|region|disk|disc|triangle)\b",
                           ex.bare or "", re.I)
        if inside:  # "20 dots at random positions in the square": scattered on axes of their own, said
            ctx.lost(i, f"the random dots are scattered on axes of their own, not inside the {inside.group(1)}")
    m = re.search(r"\bpoints?\s+(?:labell?ed|called|named)\s+[\"\u201c]([^\"\u201d]+)[\"\u201d]", s, re.I)
    if m:
        params["label"] = m.group(1).strip()
        strings.append(params["label"])
        ctx.consumed.add(params["label"])
    if _has(ex, r"\bconvex hull\b|\bhull\b"):
        params["hull"] = True
        lab = re.search(r"\bhull\s+(?:labell?ed|called)\s+[\"\u201c]([^\"\u201d]+)[\"\u201d]", s, re.I)
        if lab:
            params["hull_label"] = lab.group(1).strip()
            ctx.consumed.add(params["hull_label"])
        strings.append(params.get("hull_label", "convex hull"))
    if _has(ex, r"\bbest[- ]fit\b|\bregression\b|\bleast[- ]squares\b|\btrend ?line\b|\bfit(?:ted)? (?:a )?line\b"):
        params["fit_line"] = True
        strings.append("least-squares fit")
    if _has(ex, r"\bquery\b"):
        params["query"] = [2.4, 1.9]
        lab = re.search(r"\bquery(?:\s+point)?\s+(?:labell?ed|called)\s+[\"\u201c]([^\"\u201d]+)[\"\u201d]", s, re.I)
        if lab:
            params["query_label"] = lab.group(1).strip()
            ctx.consumed.add(params["query_label"])
        strings.append(params.get("query_label", "query"))
    x_label, y_label = _axis_labels(ex)
    for lab in (x_label, y_label):
        if lab:
            ctx.consumed.add(lab)
            strings.append(lab)
    claim_drawn(ex, ctx, strings)
    cues = " ".join(w for w in ("points scatter", "convex hull" if params.get("hull") else "",
                                "query" if params.get("query") else "",
                                "fit line regression" if params.get("fit_line") else "") if w)
    return [_beat("scatter", "scatter:points-cue", ex, i, strings, _kw(" ".join(strings) + " " + cues),
                  x_label=x_label, y_label=y_label, **params)]


def as_number(v):
    if isinstance(v, str) and re.fullmatch(r"-?\d+(?:\.\d+)?", v.strip()):
        return _num(v.strip())
    return v


def _table_points(table: Beat) -> list[list[float]] | None:
    rows = [[as_number(v) for v in r] for r in table.params.get("rows") or []]
    pts = [[r[0], r[1]] for r in rows if len(r) >= 2 and all(isinstance(v, (int, float)) for v in r[:2])]
    return pts if len(pts) >= 2 and len(pts) == len(rows) else None


def _scatter_operation(ex: Extracted, ctx: Context, i: int, previous: Beat, coords) -> list[Beat]:
    """On the scatter on screen: "Plot the points (1000, 200), …" gives its points; "Draw the line of best fit
    through the scatter plot" adds the fitted line (hull, query likewise)."""
    params = dict(previous.params)
    added: list[str] = []
    if len(coords) >= 3:
        params["points"] = [[x, y] for x, y in coords[:200]]
        params.pop("count", None)
        params.pop("seed", None)
    if _has(ex, r"\bbest[- ]fit\b|\bregression\b|\bleast[- ]squares\b|\btrend ?line\b|\bfit(?:ted)? (?:a )?line\b") \
            and not params.get("fit_line"):
        params["fit_line"] = True
        added.append("least-squares fit")
    if _has(ex, r"\bconvex hull\b") and not params.get("hull"):
        params["hull"] = True
        added.append("convex hull")
    if params == previous.params:
        ctx.modified.add(i)
        return []
    ctx.replace(previous, Beat("scatter", params, previous.strings + tuple(added), previous.rule + "+update",
                               previous.source, previous.detail_index, previous.keywords + _kw(" ".join(added))), i)
    claim_drawn(ex, ctx, added)
    if previous.source == ex.sentence or not added:
        return []
    return [_beat("highlight", "highlight:scatter-update", ex, i, (), _kw(ex.sentence), target=added[0])]
