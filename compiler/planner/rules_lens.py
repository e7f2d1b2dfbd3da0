"""Planner rules for a thin lens (the physics component's `lens`): the lens and its focal length, the object (its
distance and height), the principal rays, a beam of parallel rays, and the image — computed, never copied.

    Draw a horizontal optical axis and a converging lens at the center with label "converging lens".
    Draw the object as an upward arrow at x = -6 (scale 1 unit = 5 cm), height 2, labeled "object".
    Mark two dots at x = -2 and x = 2 labeled "F" and "F'".
    Send five parallel horizontal rays from the left toward the lens.
    Ray 1: from the object tip parallel to the axis, then through F'. Ray 2: straight through the center.
    Draw the image as an orange arrow from (3, 0) down to (3, -1), labeled "image".

Lengths are read in the storyboard's unit (`focal length 10 cm`, `d_o = 30 cm`) or as picture coordinates with
the scale the storyboard gives (`x = -6`, `1 unit = 5 cm`). A length written for the image that the lens
equation does not give is reported; the computed image is drawn. The words are data
(`planner/data/vocabulary.json`: `lens_words`).
"""

from __future__ import annotations

import re

from ..components.physics import fmt, lens_image, lens_strings
from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import lens_words
from .quantity import NUM, quantity

_UNIT = r"(mm|cm|m)\b"
_OPT_UNIT = r"(?:\s*(mm|cm|m)\b)?"
_TO_CM = {"mm": 0.1, "cm": 1.0, "m": 100.0}
_Q = r"[\"\u201c]([^\"\u201d]{1,30})[\"\u201d]"


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and b.params.get("lens")), None)


def _scale(ctx: Context, s: str) -> tuple[float, str] | None:
    """"scale 1 unit = 5 cm": (length per picture unit, unit), from this sentence, the scene or an earlier scene."""
    pat = re.compile(r"\b(" + NUM + r")\s*(?:unit|square|grid unit)s?\s*(?:=|is|represents|equals)\s*(" + NUM + r")\s*"
                     + _UNIT, re.I)
    texts = [s, ctx.about] + [" ".join(sp.details) for sp in reversed(ctx.history)
                              if any(b.kind == "physics" and b.params.get("lens") for b in sp.beats)]
    for t in texts:
        m = pat.search(t)
        if m and quantity(m.group(1)):
            return quantity(m.group(2)) / quantity(m.group(1)), m.group(3).lower()
    return None


def _length(value: str, unit: str | None, scale: tuple[float, str] | None, want: str) -> float:
    """A length in the picture's unit `want`: written with a unit, or in picture units times the scale."""
    v = abs(quantity(value))
    if unit:
        return v * _TO_CM[unit.lower()] / _TO_CM.get(want, 1.0)
    return v * scale[0] if scale else v


_F_AT_X = re.compile(r"(?<![\w'])F['′]?[\"\u201d]?\s*(?:at|:)\s*x\s*=\s*(" + NUM + r")")  # ("F" at x = -2)


def _read(s: str, scale, unit: str, about: str = "") -> dict:
    """What one sentence says about the lens: focal, object_distance, object_height, and the labels (`about`: the
    scene, whose "F at x = -2" makes the object's coordinates its distance)."""
    out: dict = {}
    f = re.search(r"\bfocal\s+length\s*(?:of\s+|f\s*=\s*|is\s+|=\s*|:\s*)?(" + NUM + r")\s*" + _UNIT, s, re.I) or \
        re.search(r"(?<![\w′])f\s*=\s*(" + NUM + r")\s*" + _UNIT, s)  # (also in quotes: a label 'f = 10 cm')
    if f:
        out["focal"] = _length(f.group(1), f.group(2), scale, unit)
    else:
        fx = re.search(r"(?<![\w'])F\s*(?:at\s*)?\(\s*(" + NUM + r")\s*,\s*0\s*\)", s) or re.search(
            r"(?<![\w'])F['′]\s*(?:at\s*)?\(\s*(" + NUM + r")\s*,\s*0\s*\)", s) or _F_AT_X.search(s)
        dots = re.search(r"\bx\s*=\s*(" + NUM + r")\s*and\s*x\s*=\s*(" + NUM + r")[^.]{0,40}?labell?ed\s+[\"\u201c]F[\"\u201d]",
                         s, re.I)
        if fx:
            out["focal"] = _length(fx.group(1), None, scale, unit)
        elif dots:
            out["focal"] = _length(dots.group(2), None, scale, unit)
    at_xy = re.search(r"\b(?:object|arrow)\b[^.;]{0,30}?\bfrom\s*\(\s*(" + NUM + r")\s*,\s*0\s*\)\s*to\s*\(\s*" + NUM + r"\s*,\s*(" + NUM
                      + r")\s*\)", s, re.I) if re.search(r"\bobject\b", s, re.I) else None
    if at_xy and (_F_AT_X.search(s + " " + about) or scale):
        # ("an upright green arrow from (-6, 0) to (-6, 2) labelled 'object'" with "1 unit = 5 cm": the object)
        # "F at x = -2" and "Object arrow from (-1, 0) to (-1, 1) (5 cm from the lens)": the picture's coordinates
        # measure the object as they measure F — not the centimetres written beside them
        out["object_distance"] = _length(at_xy.group(1), None, scale, unit)
        out["object_height"] = _length(at_xy.group(2), None, scale, unit)
    d = None if at_xy and "object_distance" in out else re.search(r"\bd_?o\s*=\s*(" + NUM + r")" + _OPT_UNIT, s) or re.search(
        r"\b(?:object|candle|arrow)\b[^.;]{0,60}?(" + NUM + r")\s*" + _UNIT + r"\s*(?:away\s+)?(?:from|in front of|to the left "
        r"of|left of)\s+the\s+lens", s, re.I)
    if d:
        out["object_distance"] = _length(d.group(1), d.group(2), scale, unit)
    obj = re.search(r"\bobject\b", s, re.I)
    if obj and "object_distance" not in out:
        at = re.search(r"\bat\s+x\s*=\s*(" + NUM + r")", s[obj.start():]) or re.search(
            r"\bfrom\s*\(\s*(" + NUM + r")\s*,\s*0\s*\)\s*to\s*\(\s*" + NUM + r"\s*,\s*(" + NUM + r")\s*\)", s[obj.start():])
        if at:
            out["object_distance"] = _length(at.group(1), None, scale, unit)
            if at.lastindex == 2:
                out["object_height"] = _length(at.group(2), None, scale, unit)
    if obj:
        h = re.search(r"\bh_?o\s*=\s*(" + NUM + r")" + _OPT_UNIT, s) or re.search(
            r"\bheight\s*(?:of\s*)?(" + NUM + r")" + _OPT_UNIT, s[obj.start():], re.I) or re.search(
            r"(" + NUM + r")\s*" + _UNIT + r"\s+tall\b", s, re.I)
        if h and "object_height" not in out:
            out["object_height"] = _length(h.group(1), h.group(2), scale, unit)
    for noun, key in (("object", "object_label"), ("lens", "label"), ("image", "image_label")):
        lab = _labelled(s, noun)
        if lab:
            out[key] = lab
    return out


_NOUNS = re.compile(r"\b(lens|object|image|brace|arrow|line|dots?|points?|rays?|axis|text|note|F['′]?)(?![\w'′])", re.I)


def _labelled(s: str, noun: str) -> str | None:
    """The label written for `noun` ('… an object arrow at x = -6, labeled "object"'): a label belongs to the last
    thing named before it ('a brace from the object to the lens labeled "d_o = 30 cm"' labels the brace)."""
    # ("draw a tall thin double-convex lens … and label it "converging lens"": "it" is the thing just named)
    for m in re.finditer(r"\b(?:labell?ed|with\s+(?:the\s+)?label|marked|label\s+it(?:\s+as)?)\s+" + _Q, s, re.I):
        before = re.sub(r"\([^()]*\)", " ", s[max(0, m.start() - 120):m.start()])
        before = re.sub(r"\b(?:from|to)\s+the\s+(?:object|lens|image)\b", " ", before, flags=re.I)  # a brace's ends
        named = [n.group(1).lower() for n in _NOUNS.finditer(before)]
        if named and named[-1] == noun or named[-2:] == [noun, "arrow"] or named[-2:] == ["arrow", noun]:
            return m.group(1)
    return None


def _rays(bare: str, words: dict) -> tuple[list[str], int]:
    """The principal rays a sentence draws, and how many parallel rays of a beam."""
    rays: list[str] = []
    beam = re.search(r"\b(\d|two|three|four|five|six|seven|several)\s+(?:\w+\s+){0,2}?parallel\s+(?:\w+\s+)?rays\b", bare, re.I)
    if beam:
        n = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 5}.get(beam.group(1).lower())
        return [], min(7, n or int(beam.group(1)))
    if re.search(r"\b(?:three|3)\s+(?:principal\s+|special\s+|key\s+)?rays\b|\bprincipal\s+rays\b", bare, re.I):
        return ["parallel", "center", "focal"], 0
    if not re.search(r"\bray\b", bare, re.I):
        return [], 0
    along = r"\b(?:parallel|horizontal(?:ly)?)\b"  # ("horizontal to the lens": along the axis)
    # the focal point beyond the lens ("through right F", "through F′") and the one before it ("through left F")
    far = r"\bthrough\s+(?:the\s+)?(?:(?:right|far|back|second|other)\s+F\b|F['′])"
    near = r"\bthrough\s+(?:the\s+)?(?:left|near|front|first)\s+(?:F\b|focal)|(?:through|toward|to)\s+(?:the\s+)?F\s*(?!['′])"
    if re.search(words["center_ray"], bare, re.I):
        rays.append("center")
    elif re.search(far, bare) and not re.search(r"\bthrough\s+(?:the\s+)?(?:left|near|front|first)\s+F\b", bare):
        rays.append("parallel")  # along the axis to the lens, then through F′ ("then bends through right F")
    elif re.search(along, bare, re.I) and re.search(near, bare):
        rays.append("focal")  # through F, then along the axis
    elif re.search(along, bare, re.I):
        rays.append("parallel")  # parallel to the axis, then through F′
    return rays, 0


def rule_lens(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    bare = ex.bare or s
    words = lens_words()
    picture = _picture(ctx)
    if picture is None and not re.search(words["lens"], bare, re.I):
        return []
    scale = _scale(ctx, s)
    written = re.search(r"\b\d+(?:\.\d+)?\s*" + _UNIT, s + " " + ctx.about)
    unit = scale[1] if scale else written.group(1).lower() if written else "cm"
    old = dict(picture.params["lens"]) if picture is not None else {}
    if old.get("unit"):
        unit = old["unit"]
    said = _read(s, scale, unit, ctx.about)
    rays, beam = _rays(bare, words)
    image = bool(re.search(words["image"], bare, re.I))
    named_image = next((q for q in ex.quoted if re.search(r"\bimage\b", q, re.I)), None) if picture is not None else None
    if named_image and not image and re.search(r"\barrow\b", bare, re.I):
        # 'Draw a dashed orange upright arrow from (-2, 0) to (-2, 2) labelled "virtual image"': the lens's image
        image = True
        said.setdefault("image_label", named_image)
    brace = re.search(r"\b(?:brace|dimension line|arrow|line)\b[^.;]{0,60}?\blabell?ed\s+[\"\u201c](d_?[oi]\s*=\s*[^\"\u201d]{1,20})"
                      r"[\"\u201d]", s, re.I)
    if picture is not None and not (said or rays or beam or image or brace or re.search(words["lens"], bare, re.I)
                                    or re.search(r"(?<![\w'])F['′]?(?![\w'′])|\bfocal\b", bare)):
        return []  # nothing about the lens: another rule's sentence
    if picture is None:
        if not re.search(r"\b(?:draw|show|display|add|place|put|sketch|mark)\w*\b|\blens\s+at\b|\bscale\b|\bas\s+before\b",
                         bare, re.I):
            return []  # "the lens equation", "a lens bends light": no picture asked for
        lens = {"focal": 10.0, "unit": unit}
        about = _read(ctx.about, scale, unit)  # the focal length written later in the scene
        lens.update({k: v for k, v in about.items() if k in ("focal",)})
        if "focal" not in said and "focal" not in about:
            ctx.lost(i, f"the focal length is not given: the lens is drawn with f = {fmt(10.0, unit)}")
        if re.search(words["diverging"], bare + " " + ctx.about, re.I):
            lens["focal"] = -abs(lens["focal"])
    else:
        lens = old
    if said.get("focal") is not None:
        lens["focal"] = -abs(said["focal"]) if lens.get("focal", 1) < 0 else said["focal"]
    for key in ("object_distance", "object_height", "label", "object_label", "image_label"):
        if key in said:
            lens[key] = said[key]
    if picture is not None and not rays and not beam and re.match(r"\s*ray\s*\d\s*:", bare, re.I):
        ctx.lost(i, "the path of this ray is not one of the three principal rays sbc draws: it is not drawn")
    if rays and lens.get("object_distance") is not None:
        lens["rays"] = list(dict.fromkeys(list(lens.get("rays") or []) + rays))
    elif rays and picture is not None:
        ctx.lost(i, "rays from the object need the object's distance from the lens: they are not drawn")
    if beam:
        lens["beam"] = beam
    if (image or brace and brace.group(1).lower().replace("_", "").startswith("di")) and lens.get("object_distance"):
        lens["image"] = True
    if re.search(r"[\"\u201c]2F['′]?[\"\u201d]|\b2F\b", s):
        lens["twice"] = True  # "Mark … "2F" at (-4, 0) and "2F'" at (4, 0)"
    # the distances under the axis: asked for, or the image drawn (where it forms is the answer)
    lens["marks"] = bool(lens.get("image") or re.search(r"\bd_?[oi]\b|\bdistance|\bbrace", ctx.about, re.I))
    _check_written(s, lens, brace.group(1) if brace else None, ctx, i)
    strings = lens_strings(lens)
    consumed = [q for q in ex.quoted if q in ("F", "F'", "F′", "2F", "2F'") or q in strings or brace and q == brace.group(1)]
    ctx.consumed.update(consumed + strings)
    ctx.modified.add(i)
    ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    if picture is not None:
        ctx.replace(picture, Beat("physics", dict(picture.params, lens=lens), tuple(strings), picture.rule.split("+")[0]
                                  + "+lens", picture.source, picture.detail_index, picture.keywords), i)
        return []
    return [_beat("physics", "physics:lens", ex, i, strings, _kw(s) + ("physics", "lens"), lens=lens)]


def _check_written(s: str, lens: dict, brace: str | None, ctx: Context, i: int) -> None:
    """A distance written for the image (d_i = 15 cm, or the image drawn at x = 3) that 1/f = 1/d_o + 1/d_i does not
    give is said; the computed image is drawn."""
    if not lens.get("image") or lens.get("object_distance") is None:
        return
    found = lens_image(float(lens["focal"]), float(lens["object_distance"]))
    if found is None:
        return
    m = re.search(r"d_?i\s*=\s*(" + NUM + r")", brace or "")
    if m and abs(abs(quantity(m.group(1))) - abs(found[0])) > 0.02 * abs(found[0]) + 1e-9:
        ctx.lost(i, f"the image is drawn where the lens equation puts it, d_i = {fmt(found[0], lens.get('unit', ''))}, "
                    f"not at the {m.group(0)} written")
