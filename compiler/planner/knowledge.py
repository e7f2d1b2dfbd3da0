"""The planner's knowledge, kept as data (`planner/data/*.json`), not in rule code.

`icons.json`: the icons sbc draws and the words that name each of them. `lexicon.json`: the words
that mark a phrase as a description of a picture rather than text to show. `vocabulary.json`: curves
named without a formula (bell curve, supply curve…) and the nouns that name each component kind. Adding a word that names an
icon is a data change with its own test (tests/test_knowledge.py), not a new rule.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def icon_names() -> tuple[str, ...]:
    return tuple(_load("icons.json")["icons"])


def icons_alone() -> tuple[str, ...]:
    """Words that name their icon without the word "icon" ("Place listener A at (5, 0)")."""
    return tuple(_load("icons.json")["alone"])


def icon_aliases() -> dict[str, str]:
    """word -> icon name, for every word that names an icon (the names themselves included)."""
    out: dict[str, str] = {}
    for icon, words in _load("icons.json")["icons"].items():
        out[icon] = icon
        for w in words:
            out[w] = icon
    return out


def picture_words() -> frozenset[str]:
    return frozenset(_load("lexicon.json")["picture_words"])


def port_verbs() -> dict[str, tuple[str, ...]]:
    """way ("in", "out") -> the verbs that say a thing enters or leaves a box, longest first."""
    return {way: tuple(sorted(words, key=len, reverse=True))
            for way, words in _load("lexicon.json")["port_verbs"].items()}


def unwritten_text_nouns() -> frozenset[str]:
    """Nouns for text whose words a sentence does not give ("label", "readout", "caption")."""
    return frozenset(_load("lexicon.json")["unwritten_text_nouns"])


def curve_shape() -> dict:
    """The words of a curve described by its shape (lexicon.json `curve_shape`): feature, place and height words."""
    return _load("lexicon.json")["curve_shape"]


def later_state_openers() -> str:
    """A regex alternation of the openers of a style sentence about a later state ("At the end all nodes are green")."""
    return "|".join(_load("lexicon.json")["later_state_openers"])


def cycle_words() -> str:
    """A regex alternation of the words that say a diagram's boxes go round a loop ("clockwise", "a cycle")."""
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(_load("lexicon.json")["cycle_words"], key=len,
                                                                          reverse=True))


def place_angles() -> dict[str, float]:
    """A place word ("top", "lower right") -> the angle, in degrees, of that place on a circle (0 = right, 90 = top)."""
    return {k: float(v) for k, v in _load("lexicon.json")["place_angles"].items()}


def loose_port_words() -> dict[str, tuple[str, ...]]:
    """way ("in", "out") -> the words before what enters a cycle or leaves it ("incoming arrows "ATP" and "NADPH"",
    "outgoing "ADP""), longest first."""
    data = _load("lexicon.json")
    return {way: tuple(sorted(data[f"port_{way}_words"], key=len, reverse=True)) for way in ("in", "out")}


@lru_cache(maxsize=1)
def _entries(name: str) -> dict[str, str]:
    """A lexicon map without its `_doc`."""
    return {k: v for k, v in _load("lexicon.json")[name].items() if not k.startswith("_")}


def asked_motion() -> str:
    """A pattern of the verbs that ask for something to move or act on screen ("animate … moving", "send it")."""
    return _load("lexicon.json")["asked_motion"]["verbs"]


def frame_words() -> dict:
    """What a frame asked round a written thing is made of (lexicon `frames`): its nouns and adjectives, the words
    naming a scene's answer, the kinds with frames of their own, the kinds a frame goes round, place words."""
    return {k: v for k, v in _load("lexicon.json")["frames"].items() if not k.startswith("_")}


def formula_tint_words() -> dict:
    """The words of a style entry colouring a piece of a formula (lexicon `formula_tints`): the nouns that name a
    piece ("the factor 1.1", "symbol mu") and the filler around it."""
    return {k: v for k, v in _load("lexicon.json")["formula_tints"].items() if not k.startswith("_")}


def described_changes() -> str:
    """A pattern of the verbs that describe how things on screen change ("shrink", "holds"): a description, not text."""
    return _load("lexicon.json")["described_changes"]["verbs"]


def spoken_math() -> dict[str, str]:
    """Signs of a formula line -> the word a narrator says for each ("=": equals, "−": minus)."""
    return _entries("spoken_math")


def spoken_between_numbers() -> dict[str, str]:
    """A letter written as an operator between two numbers -> the word said for it ("x": times)."""
    return _entries("spoken_between_numbers")


def spoken_powers() -> dict[str, str]:
    """An exponent -> the word a narrator says for it ("2": squared)."""
    return _entries("spoken_powers")


def spoken_units() -> dict[str, str]:
    """Unit symbols written after a number ("6 Ω", "3 V") and the word a narrator says for each ("ohms", "volts")."""
    return _entries("spoken_units")


def counted_shapes() -> tuple[str, ...]:
    """Shapes a sentence counts out beside its words ("three small circles below it"): when only the words are drawn,
    the shapes are reported lost (plan.py)."""
    return tuple(sorted(_load("lexicon.json")["counted_shapes"], key=len, reverse=True))


def picture_objects() -> frozenset[str]:
    return frozenset(_load("lexicon.json")["picture_objects"])


def formula_words() -> dict[str, tuple[str, ...]]:
    """Words about formulas on screen: mark_verbs, box_verbs, answer_nouns, derivation_cues; and the words of a
    formula said in words (integral_nouns, limit_nouns, approach_verbs, right_sides/left_sides, sum_nouns,
    product_nouns, derivative_nouns, respect_words, result_verbs), read by compiler/mathtext.py (regex pieces)."""
    return {k: tuple(v) for k, v in _load("lexicon.json")["formula_words"].items() if k != "piece_names"}


def formula_piece_names() -> dict[str, tuple[str, ...]]:
    """A piece of a formula called by what it is ("the square root", "the sum") -> how it is written (TeX, Unicode)."""
    names = _load("lexicon.json")["formula_words"]["piece_names"]
    return {k: tuple(v) for k, v in names.items() if not k.startswith("_")}


def answer_quantities() -> dict[str, str]:
    """A quantity noun pattern ('speed|velocity') -> a pattern its formula matches (its unit or its symbol): which
    formula on screen 'box the speed result' marks."""
    return dict(_load("lexicon.json")["answer_quantities"])


def ordinals() -> dict[str, int]:
    """'third' -> 3, 'last' -> -1: words that pick one part of a component by its position."""
    return dict(_load("lexicon.json")["ordinals"])


def part_nouns() -> dict[str, tuple[str, tuple[str, ...]]]:
    """'card' -> ('item', ('cards', 'grid')): what a noun counts and the component kinds that have it."""
    return {noun: (v["counts"], tuple(v["kinds"])) for noun, v in _load("lexicon.json")["part_nouns"].items()}


def cell_words() -> dict:
    """The words that name cells of a row of boxes by number or place and what is done to them (`lexicon.json`
    `cell_words`): `from_zero`/`from_one` nouns, `range` words, `middle`, `halves` (word -> 1 or 2), `remaining`,
    `value` words; verbs and adjectives `dim`, `fill`, `mark`, `move`; nouns `pointer`, `brace`, `index_labels`;
    sides `below`, `above`."""
    return dict(_load("lexicon.json")["cell_words"])


def extremes() -> dict[str, tuple[str, ...]]:
    """'max' / 'min' -> the words that pick a part by its value ('the most likely', 'the tallest'), longest first."""
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in _load("lexicon.json")["extremes"].items()}


def plot_motion() -> dict[str, str]:
    """A thing moving along a curve: movers, verbs, paths, down, up, min, max, turn -> one pattern of alternatives
    (regular-expression pieces, longest first) for each."""
    return {k: "|".join(sorted(v, key=len, reverse=True)) for k, v in _load("lexicon.json")["plot_motion"].items()}


@lru_cache(maxsize=1)
def derivation_cue() -> re.Pattern:
    """The words that say a run of formulas is a derivation to build line by line ("step by step", "line by line",
    "derivation", …: lexicon.json `derivation_cues`), as one pattern."""
    return re.compile(r"\b(?:" + "|".join(formula_words()["derivation_cues"]) + r")", re.I)


def plot_spans() -> dict[str, str]:
    """A brace or double arrow marking a stretch of a plot: brace, arrow, ground, peak, trough -> one pattern of
    alternatives (regular-expression pieces, longest first) for each."""
    return {k: "|".join(sorted(v, key=len, reverse=True)) for k, v in _load("lexicon.json")["plot_spans"].items()}


def operation_verbs() -> str:
    """A pattern (alternatives, longest first) of the verbs that start a clause acting on what its sentence drew."""
    return "|".join(sorted(_load("lexicon.json")["operation_verbs"], key=len, reverse=True))


def list_words() -> str:
    """A pattern (alternatives, longest first) of the words that make counted points the points of a list."""
    return "|".join(sorted(_load("lexicon.json")["list_words"], key=len, reverse=True))


def action_verbs() -> frozenset[str]:
    """Verbs that ask for an action on screen (release, update, rotate…): a phrase they start is no caption."""
    return frozenset(_load("lexicon.json")["action_verbs"])


def step_note_words() -> tuple[dict[str, str], frozenset[str]]:
    """(marks, picture words) for the notes beside a derivation's lines: a note that only asks for a mark
    ('with a check mark') becomes the mark; one that uses a picture word describes the picture, not a note."""
    d = _load("lexicon.json")["step_notes"]
    return dict(d["marks"]), frozenset(d["picture_words"])


def instruction_verbs() -> frozenset[str]:
    return frozenset(_load("lexicon.json")["instruction_verbs"])


def is_instruction(sentence: str) -> bool:
    """Whether a sentence reads as an instruction to the animator: it starts with an imperative verb
    ("Cut the circle into wedges", "Then show …") or describes a picture (picture words)."""
    words = [w.lower() for w in sentence.replace(",", " ").split()]
    while words and words[0] in ("then", "next", "now", "finally", "first", "also", "and"):  # ends: pops a word
        words.pop(0)
    if bool(words) and (words[0] in instruction_verbs() or bool(set(words) & picture_words())):
        return True
    # ("Next to it, write T = 2π√(L/g)", "Below the chart, show …": the place comes first, then the verb)
    placed = _LEADING_PLACE.sub("", sentence)
    return placed != sentence and placed.split()[:1] != [] and placed.split()[0].lower() in instruction_verbs()


def without_place(sentence: str) -> str:
    """`sentence` without the place it starts with ("On the right, x = 5" -> "x = 5")."""
    return _LEADING_PLACE.sub("", sentence)


# the prepositions of a place said before what goes there ("Next to the chart", "Below it", "To the left of the table")
PLACE_WORDS = (r"(?:next\s+to|beside|below|above|under|underneath|beneath|over|near|on|at|in|inside|"
               r"(?:to\s+the\s+)?(?:left|right)\s+of)")
_LEADING_PLACE = re.compile(r"^\s*" + PLACE_WORDS + r"\s+[^,:]{1,40},\s*|"
                            # ("Right third: bar chart with …", "Bottom-right: queue as …": a region, then what goes there)
                            r"^\s*(?:(?:top|bottom|upper|lower|middle|far)[- ])?(?:left|right|top|bottom|center|centre|middle)"
                            r"(?:\s+(?:half|third|side|panel|part|corner|column|area|quarter|edge))?\s*:\s*", re.I)


def named_curves() -> tuple[tuple[str, str, str, tuple[float, float]], ...]:
    """(pattern, formula, theme words, default x range) for every curve the data names."""
    return tuple((c["pattern"], c["formula"], c["words"], (float(c["x_range"][0]), float(c["x_range"][1])))
                 for c in _load("vocabulary.json")["named_curves"])


def component_nouns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(pattern, component kinds, most likely first) for the nouns that name a component."""
    return tuple((n["pattern"], tuple(n["kinds"])) for n in _load("vocabulary.json")["component_nouns"])


def diagram_nouns() -> str:
    """A pattern (alternatives) of the nouns that mark a sentence as a block diagram."""
    return _load("vocabulary.json")["diagram_nouns"]


def named_diagrams() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(patterns that must all match, the boxes drawn) for diagrams named without their boxes."""
    return tuple((tuple(d["patterns"]), tuple(d["nodes"])) for d in _load("vocabulary.json")["named_diagrams"])


def network_words() -> dict:
    """The words of a neural network: `cues`, `units`, `nouns` and `sizes` (patterns); `roles`: (label, pattern, default
    size) of the layers named by their place, in the order they are drawn."""
    v = dict(_load("vocabulary.json")["network_words"])
    v["roles"] = tuple((r["label"], r["words"], int(r["size"])) for r in v["roles"])
    return v


def graph_nouns() -> str:
    """A pattern (alternatives) of the nouns that mark a sentence as about a graph of nodes and edges."""
    return _load("vocabulary.json")["graph_nouns"]


def graph_layouts() -> tuple[tuple[str, str], ...]:
    """(pattern, layout) for graphs named by their kind (a binary search tree, a linked list)."""
    return tuple((g["pattern"], g["layout"]) for g in _load("vocabulary.json")["graph_layouts"])


def figure_nouns() -> dict[str, str]:
    """component kind (or `any`) -> a pattern of the nouns that name such a picture on screen."""
    return dict(_load("vocabulary.json")["figure_nouns"])


def plane_nouns() -> str:
    """A pattern (alternatives) of the nouns that name a grid of vectors."""
    return _load("vocabulary.json")["plane_nouns"]


def physics_settings() -> dict[str, str]:
    """setting of the physics component -> a pattern of the nouns that name it."""
    return dict(_load("vocabulary.json")["physics_settings"])


def physics_bodies() -> dict[str, str]:
    """body shape of the physics component -> a pattern of the nouns that name it."""
    return dict(_load("vocabulary.json")["physics_bodies"])


def physics_motion_words() -> str:
    """A pattern of the words that make a sentence about a body in flight."""
    return _load("vocabulary.json")["physics_motion_words"]


def physics_forces() -> dict[str, dict[str, str]]:
    """force -> its `words`, `labels` (patterns), default `direction` and `symbol`, for free-body diagrams."""
    return {k: dict(v) for k, v in _load("vocabulary.json")["physics_forces"].items()}


def physics_vector_words() -> dict[str, str]:
    """Patterns: `nouns` that make a label an arrow's; `list_cues` that make forces named without labels a free-body
    diagram; `relabel` verbs that replace a vector's label; `resize` words that change its length."""
    v = _load("vocabulary.json")
    return {"nouns": v["physics_vector_nouns"], "list_cues": v["physics_force_list_cues"],
            "relabel": v["physics_relabel_verbs"], "resize": v["physics_resize_words"]}


def physics_sum_words() -> dict[str, str]:
    """Patterns of a vector sum: `cues` (arrows head to tail), `resultant` (the arrow that is their sum),
    `reference` (words before an arrow's noun that refer to one already named) and `angle` (verbs marking it)."""
    v = _load("vocabulary.json")
    return {k: v["physics_sum_" + k] for k in ("cues", "resultant", "reference", "angle")}


def contour_words() -> dict[str, str]:
    """Patterns of contour plots: `nouns`, `surface`, `levels`, `minimum`, `descent`, `steps`, `rate`."""
    v = _load("vocabulary.json")
    return {k: v["contour_" + k] for k in ("nouns", "surface", "levels", "minimum", "descent", "steps", "rate")}


def pendulum_words() -> dict[str, str]:
    """A simple pendulum: patterns of its `cue` and of a `swing`."""
    return dict(_load("vocabulary.json")["pendulum_words"])


def gas_words() -> dict[str, str]:
    """A gas in a cylinder: patterns of its `container`, `gas`, `dots`, `closed`, `particles`, `heat`, `compress`,
    `expand`, `faster`."""
    return dict(_load("vocabulary.json")["gas_words"])


def lens_words() -> dict[str, str]:
    """A thin lens: patterns of `lens`, `diverging`, `center_ray` and `image`."""
    return dict(_load("vocabulary.json")["lens_words"])


def optics_words() -> dict:
    """Optics: `cues`, `ray`, `sweep` and `ghost` patterns, `media` (name -> usual refractive index; longest first)."""
    v = _load("vocabulary.json")
    media = dict(sorted(v["optics_media"].items(), key=lambda kv: -len(kv[0])))
    return {"cues": v["optics_cues"], "media": media, "sweep": v["optics_sweep"], "ghost": v["optics_ghost"],
            "ray": v["optics_ray"]}


def physics_directions() -> tuple[tuple[str, str], ...]:
    """(physics vector direction, pattern of the words that say it), in the order they are tried."""
    return tuple((d, pat) for d, pat in _load("vocabulary.json")["physics_directions"])


def physics_angles() -> dict[str, str]:
    """Patterns of angle words: `unit`, what it is measured from (`above`, `below`, `vertical`), `launch` and
    `incline` cues, `landing` words."""
    return dict(_load("vocabulary.json")["physics_angles"])


def circuit_switch() -> dict:
    """`open` / `closed`: the `state` words and `verb` patterns of a switch; `toggle`: verbs that flip it."""
    return dict(_load("vocabulary.json")["circuit_switch"])


def circuit_elements() -> dict[str, str]:
    """symbol of the circuit component -> a pattern of the nouns that name it."""
    return dict(_load("vocabulary.json")["circuit_elements"])


def drawing_shapes() -> dict[str, str]:
    """shape of the drawing component -> a pattern of the nouns that name it, most specific first."""
    return dict(_load("vocabulary.json")["drawing_shapes"])


def drawing_top_parts() -> str:
    """A pattern of the nouns that name the part of a drawn thing sitting on top (a tree's crown, a lock's shackle)."""
    return _load("vocabulary.json")["drawing_top_parts"]


def column_content_heads() -> str:
    """A pattern of the words that, as a column's head, say what it holds ("derivation"), not a title to draw."""
    return _load("vocabulary.json")["column_content_heads"]


def highlight_styles() -> dict[str, str]:
    """Patterns of the words that make a style entry a highlight's colour: `marks` (box, highlight …), `things` (answer,
    result …)."""
    return dict(_load("vocabulary.json")["highlight_styles"])


def drawing_object_words() -> str:
    """A pattern of the nouns that say a phrase is a picture of a thing ("a lock shape", "a key icon")."""
    return _load("vocabulary.json")["drawing_object_words"]


def control_point_words() -> tuple[str, str]:
    """Patterns of the words asking for a control polygon through named points, and for the curve they control."""
    d = _load("vocabulary.json")
    return d["control_polygon_words"], d["control_curve_words"]


def state_words() -> tuple[str, str, str]:
    """Patterns of a state diagram: the nouns of shapes standing for states, an arrow between two of them, a
    state's arrow back to itself."""
    d = _load("vocabulary.json")
    return d["state_nouns"], d["state_arrows"], d["state_loops"]


def clock_nouns() -> str:
    """A pattern of the nouns that name a clock face (numbers round a circle)."""
    return _load("vocabulary.json")["clock_nouns"]


def wave_words() -> dict:
    """The words of wave pictures: `shapes` (wave shape -> a pattern of its nouns, first match wins), `cues` (a
    pattern: words that make a sentence about a wave), `doppler`, `spectrum` and `sources` (patterns)."""
    v = _load("vocabulary.json")
    return {"shapes": dict(v["wave_shapes"]), "cues": v["wave_cues"], "doppler": v["doppler_words"],
            "spectrum": v["spectrum_words"], "sources": v["wave_sources"]}


def code_words() -> dict[str, tuple[str, ...]]:
    """The words of source code written without a fence: `head_nouns` (a colon line that names code), `languages`,
    `definitions` (a line that defines a function or class) and `statements` (words code lines start with)."""
    return {k: tuple(v) for k, v in _load("lexicon.json")["code_words"].items()}


def message_words() -> dict[str, str]:
    """The words of message sequence charts (`lexicon.json` `message_chart`): for each key (`chart_nouns`,
    `carriers`, `send_verbs`, `reply_words`, `arrive_verbs`, `party_parts`, `lost`, `retry`, `timeout`,
    `note_nouns`, `state_nouns`, `state_verbs`, `set_verbs`, `beside`, `every`, `every_nouns`, `title_verbs`,
    `carry_on`, `as_before`, `next_chart`, `side_by_side`, `time_arrow`, `sequence`), one pattern of alternatives
    (regular-expression pieces, longest first)."""
    return {k: "|".join(sorted(v, key=len, reverse=True)) for k, v in _load("lexicon.json")["message_chart"].items()}


def way_words() -> str:
    """A pattern (alternatives, longest first) of the words that say which way a thing goes between its two ends
    ("from the cost back to the weights"): never part of an end's name."""
    return "|".join(sorted(_load("lexicon.json")["way_words"], key=len, reverse=True)).replace(" ", r"\s+")


def pacing_words() -> str:
    """A pattern (alternatives, longest first) of the words that say how things are revealed ("one at a time")."""
    return "|".join(sorted(_load("lexicon.json")["pacing_words"], key=len, reverse=True)).replace(" ", r"\s+")


def list_heads() -> str:
    """A pattern of the nouns that make a colon line announce a list of the quoted lines under it."""
    return _load("vocabulary.json")["list_heads"]


def list_nouns() -> tuple[str, ...]:
    """The part nouns that name the items of a list first of all — bullet, point, item (`lexicon.json` `part_nouns`
    whose first kind is `bullets`; a line or a step is a derivation's first)."""
    return tuple(n for n, v in _load("lexicon.json")["part_nouns"].items() if v["kinds"][0] == "bullets")


def visual_parts_named(phrase: str) -> frozenset[str]:
    """The component kinds whose parts a phrase names when it names nothing else ("the rows": table, matrix, grid…;
    "three bullet points": bullets; "the table rows") — words of instruction about a visual, not text to show on it;
    empty when the phrase names something else ("the final equation", "the formula triangle"). The phrase must name
    a part (`lexicon.json` `part_nouns`); its other words may be nouns of a component, ordinals, counts or words that
    pick some of them."""
    words = re.findall(r"[a-z]+", phrase.lower())
    picks = {"the", "a", "an", "all", "each", "every", "both", "its", "their", "his", "her", "our", "next", "remaining",
             "other", "rest", "and", "of", "them", "these", "those", "this", "that", "few", "some", "new"}
    counts = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    part_nouns = _load("lexicon.json")["part_nouns"]
    ordinals = set(_load("lexicon.json")["ordinals"])
    nouns = [c["pattern"] for c in _load("vocabulary.json")["component_nouns"]]

    def part(w: str) -> str | None:
        return next((x for x in (w, w.rstrip("s"), w.removesuffix("es")) if x in part_nouns), None)

    named = [w for w in words if w not in picks and w not in counts]
    found = [part(w) for w in named]
    if not any(found) or not all(p or w in ordinals or any(re.fullmatch(r"(?:" + n + r")", w) for n in nouns)
                                 for w, p in zip(named, found)):
        return frozenset()
    return frozenset(k for p in found if p for k in part_nouns[p]["kinds"])


def asked_marks() -> dict[str, str]:
    """name -> pattern of the marks a sentence may ask for that writing cannot be (lexicon `asked_marks`)."""
    return {k: v for k, v in _load("lexicon.json")["asked_marks"].items() if not k.startswith("_")}


def stack_words() -> dict[str, str]:
    """Patterns of the words of a stack or queue the details follow: `nouns`, `push`, `pop`, `state`, `empty`."""
    return dict(_load("vocabulary.json")["stack_words"])


def chemical_elements() -> tuple[dict[str, str], tuple[str, ...]]:
    """Element names a style colours -> their symbols ("carbon" -> "C"), and the words that may follow a name
    ("carbon letters", "oxygen atoms") (lexicon `chemical_elements`)."""
    data = _load("lexicon.json")["chemical_elements"]
    return dict(data["names"]), tuple(data["after"])
