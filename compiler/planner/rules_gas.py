"""Planner rules for a gas in a cylinder (the physics component's `gas`): the vessel (with a piston or closed), the
dots of gas, a pressure gauge, a thermometer, a flame, a weight on the piston, their readings — and the changes
the scene asks for, read from the numbers it gives: a volume going 8.0 L -> 4.0 L -> 2.0 L moves the piston to half
and a quarter of its height, the gauge reading 0.5 atm -> 1.0 atm -> 2.0 atm turns the needle.

    Draw a vertical cylinder in the left half. Inside, a piston at mid-height with a handle rod going up.
    Fill the space below the piston with 30 small dots bouncing off the walls. Attach a pressure gauge.
    Animate the piston moving down in steps so the volume goes 8.0 L -> 4.0 L -> 2.0 L while the gauge reads
    0.5 atm -> 1.0 atm -> 2.0 atm.
    Draw a closed box (no piston) with dots inside and a gauge. Heat to 87 °C: "T2 = 360 K".

The words are data (`planner/data/vocabulary.json`: `gas_words`).
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted
from .knowledge import gas_words
from .quantity import NUM, quantity
from .rules_recall import scene_state

_Q = r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]"
_ARROW = r"\s*(?:->|→|⟶|to|then)\s*"


def _picture(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "physics" and "gas" in b.params), None)


def _earlier(ctx: Context) -> tuple[int, dict] | None:
    """The gas vessel an earlier scene drew (its readings and steps left behind)."""
    for sp in ctx.earlier("physics"):
        b = scene_state(sp, "physics")
        if b is not None and "gas" in b.params:
            # the vessel as it was built (a new scene sets it up again: the piston back where it began, no
            # readings — those were that scene's)
            gas = dict(b.params["gas"])
            for k in ("volume", "volume_label", "label", "weight", "heat"):
                gas.pop(k, None)
            for k, letter in (("gauge", "P"), ("thermometer", "T")):
                if gas.get(k):
                    gas[k] = letter
            return sp.number, gas
    return None


def _series(s: str, unit: str) -> list[tuple[float, str]]:
    """"8.0 L -> 4.0 L -> 2.0 L": (value, as written) for a run of readings in one unit, in order."""
    one = r"(" + NUM + r")\s*" + unit
    m = re.search(one + r"(?:" + _ARROW + one + r")+", s)
    if not m:
        return []
    return [(quantity(x.group(1)), x.group(0).strip()) for x in re.finditer(one, m.group(0))]


def _reading(s: str, letter: str, unit: str) -> str | None:
    """A quoted reading ("P = 1.00 atm") or one written bare ("T = 300 K")."""
    for q in re.findall(_Q, s):
        if re.match(r"\s*" + letter + r"\w?\s*=", q) and re.search(r"\d", q):  # a reading, not "T = temperature"
            return q.strip()
    m = re.search(r"\b" + letter + r"\s*=\s*" + NUM + r"\s*" + unit, s)
    return m.group(0) if m else None


def _read(ex: Extracted, ctx: Context, i: int, gas: dict, words: dict) -> tuple[dict, list[dict], list[str]]:
    """(the picture's settings, the steps, the labels used) that one sentence gives."""
    s = ex.sentence
    out = dict(gas)
    used: list[str] = []
    if re.search(words["closed"], s, re.I):
        out["piston"] = False
    n = re.search(r"\b(\d{1,3})\s+(?:small\s+|tiny\s+|moving\s+|blue\s+|grey\s+|gray\s+){0,2}(?:" + words["particles"] + r")\b",
                  s, re.I)
    if n:
        out["particles"] = max(1, min(80, int(n.group(1))))
        if int(n.group(1)) > 80:
            ctx.lost(i, f"{n.group(1)} dots: 80 are drawn")
    if re.search(r"\b(?:mid-?height|halfway|half(?:-|\s)way up|the middle)\b", s, re.I) and re.search(r"\bpiston\b", s, re.I):
        out["volume"] = 0.5
    if re.search(r"\bgauge\b", s, re.I):
        out["gauge"] = out.get("gauge") or _reading(s, "P", r"(?:atm|kPa|Pa|bar|mmHg)") or "P"
    if re.search(r"\bthermometer\b", s, re.I):
        out["thermometer"] = out.get("thermometer") or _reading(s, "T", r"(?:K|°C)") or "T"
    if re.search(r"\b(?:weight|mass)\b[^.;]{0,30}\bpiston\b|\bpiston\b[^.;]{0,40}\b(?:weight|mass)\b", s, re.I):
        w = re.search(r"\bweight\b[^.;\"\u201c]{0,20}" + _Q, s, re.I)
        out["weight"] = w.group(1) if w else out.get("weight") or "weight"
    steps: list[dict] = []
    volumes = _series(s, r"(?:L|mL|m\^?3|m³|cm\^?3|cm³)\b")
    pressures = _series(s, r"(?:atm|kPa|Pa|bar|mmHg)\b")
    if len(volumes) >= 2 or len(pressures) >= 2:
        # "the volume goes 8.0 L -> 4.0 L -> 2.0 L while the gauge reads 0.5 atm -> 1.0 atm -> 2.0 atm": the first
        # readings are where the picture starts, each next pair a step
        v0 = volumes[0][0] if volumes else None
        frac = float(out.get("volume", 0.6))
        if volumes and max(v for v, _ in volumes) > 0:
            # the piston starts where the whole series fits the cylinder (8 L -> 1 L: from 0.9 down to 0.11)
            frac = round(min(0.9, 0.9 * v0 / max(v for v, _ in volumes)), 3)
            out["volume"] = frac
        if volumes:
            out["volume_label"] = f"V = {volumes[0][1]}"
        if pressures:
            out["gauge"] = f"P = {pressures[0][1]}"
        for k in range(1, max(len(volumes), len(pressures))):
            ch: dict = {}
            if k < len(volumes) and v0:
                ch["volume"] = round(min(1.0, max(0.1, frac * volumes[k][0] / v0)), 3)
                ch["volume_label"] = f"V = {volumes[k][1]}"
                if frac * volumes[k][0] / v0 < 0.1 or frac * volumes[k][0] / v0 > 1.0:
                    ctx.lost(i, f"the piston cannot show {volumes[k][1]} to scale: it stops at the "
                                             "cylinder's end")
            if k < len(pressures):
                ch["gauge"] = f"P = {pressures[k][1]}"
            steps.append({"action": "gas", "gas": ch})
    temps = _series(s, r"(?:K|°C)\b")
    heat = re.search(words["heat"], ex.bare or s, re.I)
    if heat:
        target = re.search(r"\b(?:heat\w*|warm\w*)\b[^.;]{0,20}?\bto\s+(" + NUM + r"\s*(?:K|°C))", s, re.I)
        ch = {"heat": True}
        if target:
            ch["thermometer"] = f"T = {target.group(1)}"
        elif len(temps) >= 2:
            ch["thermometer"] = f"T = {temps[-1][1]}"
            out["thermometer"] = out.get("thermometer") or f"T = {temps[0][1]}"
        if re.search(words["expand"], s, re.I) and out.get("piston", True):
            ch["volume"] = round(min(1.0, float(out.get("volume", 0.6)) * 1.35), 3)
        if re.search(words["faster"], s, re.I) and "thermometer" not in ch:
            ch["speed"] = 1.3
        if not re.search(r"\b(?:a|the)\s+flame\s+(?:below|under)\b", s, re.I) or re.search(r"\bheats?\b|\bheating\b", s, re.I):
            steps.append({"action": "gas", "gas": ch})
        else:
            out["heat"] = True  # "a flame below the cylinder": part of the picture
    elif not steps and re.search(words["compress"], ex.bare or s, re.I) and out.get("piston", True):
        # (not '"Push the piston down: what happens to P?"': a question written, not the piston moving)
        steps.append({"action": "gas", "gas": {"volume": round(max(0.1, float(out.get("volume", 0.6)) * 0.5), 3)}})
    needle = re.search(r"\bneedle\b[^.;]{0,30}\bfrom\s+(" + NUM + r")\s*(\w+)?\s+to\s+(" + NUM + r")", s, re.I)
    if needle:
        unit = f" {needle.group(2)}" if needle.group(2) and not needle.group(2).isdigit() else ""
        out["gauge"] = out.get("gauge") if out.get("gauge") not in (None, "P") else f"P = {needle.group(1)}{unit}"
        steps.append({"action": "gas", "gas": {"gauge": f"P = {needle.group(3)}{unit}"}})
    for m in re.finditer(_Q, s):
        # 'labeled "n = 2.00 mol"': the label under the cylinder; "V = 8.0 L" beside the gas (a quote the sentence
        # gives the picture, not one of a list of definitions)
        q = m.group(1)
        if not re.search(r"\b(?:labell?ed|labels?|reading|reads|shows?|with|and)\s+[\"\u201c]?$", s[max(0, m.start() - 40):m.start()],
                         re.I):
            continue
        if re.match(r"\s*V\w?\s*=", q) and "volume_label" not in out:
            out["volume_label"] = q
            used.append(q)
        elif re.match(r"\s*n\s*=", q) and not out.get("label"):
            out["label"] = q[:40]
            used.append(q)
    # 'Label the gas region "V" (volume), put a downward arrow on the piston labelled "P" (pressure), and write "T"
    # (temperature) under the cylinder with a small red glow along the cylinder bottom': the three letters on the picture
    vol = re.search(r"\b(?:gas(?:\s+region)?|volume)\b[^.;\"\u201c]{0,20}?" + _Q, s, re.I) or re.search(
        _Q + r"\s*\(\s*(?:the\s+)?volume\s*\)", s, re.I)
    if vol and len(vol.group(1)) <= 12 and not out.get("volume_label"):
        out["volume_label"] = vol.group(1).strip()
        used.append(vol.group(1))
    push = re.search(r"\barrow\s+(?:on|onto|pressing(?:\s+(?:on|down\s+on))?)\s+(?:the\s+)?piston\b[^.;\"\u201c]{0,25}?" + _Q, s, re.I)
    if push and len(push.group(1)) <= 12:
        if out.get("gauge") in (None, "P"):
            out["gauge"] = push.group(1).strip()
        used.append(push.group(1))
        ctx.lost(i, f"the arrow on the piston is not drawn: {push.group(1)!r} is the reading of a pressure gauge beside it")
    temp = re.search(_Q + r"\s*\(\s*(?:the\s+)?temperature\s*\)", s, re.I)
    if temp and len(temp.group(1)) <= 12:
        if re.search(r"\bunder\s+(?:the\s+)?(?:cylinder|container|box)\b", s[temp.end():temp.end() + 40], re.I):
            out["label"] = out.get("label") or temp.group(1).strip()
        else:
            out["thermometer"] = out.get("thermometer") or temp.group(1).strip()
        used.append(temp.group(1))
    if re.search(r"\b(?:glow|flame|burner)\b[^.;]{0,30}\b(?:bottom|under|below|beneath)\b", s, re.I):
        out["heat"] = True
    for key in ("gauge", "thermometer"):
        if out.get(key) and out[key] in ex.quoted:
            used.append(out[key])
    return out, steps, used


def rule_gas(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    words = gas_words()
    s, bare = ex.sentence, ex.bare or ex.sentence
    picture = _picture(ctx)
    container = re.search(words["container"], bare, re.I)
    if picture is None:
        if not container or not (re.search(words["gas"], s, re.I) or re.search(words["dots"], bare, re.I)
                                 or ctx.mentions(words["gas"])):
            return []
        if re.search(r"\b(?:icons?|shapes?|symbols?)\b", bare, re.I):
            return []  # "storage icons (cylinder shapes)": a picture of something else
        if not (re.search(r"\b(?:draw|show|sketch|add|place|put|start|begin|depict|display|animate|use)\w*\b[^.;:\n]{0,60}"
                          + words["container"], bare, re.I) or re.search(r"\b(?:is|are)\s+(?:drawn|shown)\b|\bappears?\b|\bcomes? back\b|"
                                                         r"\breturns?\b", bare, re.I)
                or re.match(r"\s*(?:on the (?:left|right)[,:]?\s+)?(?:a|the)\s+(?:[\w-]+\s+){0,3}?" + words["container"], bare, re.I)):
            return []  # "… - a thermometer next to the cylinder": a cylinder the sentence names, not one it draws
        if re.search(r"\b(?:table|chart|graph|plot|axes|equation|formula)\b", bare, re.I) and not re.search(
                r"\b(?:draw|sketch)\w*\b[^.;]{0,40}\b(?:cylinder|container|tank|box|piston)\b", bare, re.I):
            return []  # "a table of the volume of a cylinder": what the table is about
        earlier = _earlier(ctx) if re.search(r"\bthe\s+(?:same\s+)?(?:[\w-]+\s+){0,2}?(?:cylinder|piston|container|tank|box)\b",
                                             bare, re.I) else None
        gas = dict(earlier[1]) if earlier else {"particles": 30}
        rule = f"physics:recalled-from-scene-{earlier[0]}+gas" if earlier else "physics:gas"
    else:
        gas, rule = dict(picture.params["gas"]), None
    new, steps, used = _read(ex, ctx, i, gas, words)
    if picture is not None and new == gas and not steps:
        if re.search(words["dots"], bare, re.I) and not ex.quoted and re.search(
                r"\b(?:mov\w*|crowded|hit\w*|bounc\w*|collid\w*|straight lines?)\b", bare, re.I):
            ctx.modified.add(i)  # "The dots get more crowded and hit the walls more often": what the picture shows
        return []
    strings = [x for x in (new.get(k) for k in ("volume_label", "gauge", "thermometer", "weight", "label")) if x]
    strings += [v for st in steps for v in (st["gas"].get(k) for k in ("volume_label", "gauge", "thermometer")) if v]
    ctx.consumed.update(used + strings)
    ctx.modified.add(i)
    ctx.stop = not (ex.formulas or ex.backticked or [q for q in ex.quoted if q not in ctx.consumed])
    if picture is not None:
        if new != gas:
            ctx.replace(picture, Beat("physics", dict(picture.params, gas=new), picture.strings + tuple(
                x for x in strings if x not in picture.strings), picture.rule.split("+")[0] + "+gas", picture.source,
                picture.detail_index, picture.keywords), i)
        return [_beat("physics", "physics:gas-steps", ex, i, [], _kw(s), extend=True, steps=steps)] if steps else []
    beats = [_beat("physics", rule, ex, i, strings, _kw(s) + ("physics", "gas"), gas=new)]
    if steps:
        beats.append(_beat("physics", "physics:gas-steps", ex, i, [], _kw(s), extend=True, steps=steps))
    return beats
