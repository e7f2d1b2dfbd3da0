"""Stage 5 — time: beats aligned to narration sentences.

Each beat is assigned the narration sentence that talks about it (word overlap between the beat's
keywords and the sentence), falling back to order; assignments never go backwards. A beat starts
when its sentence starts; beats sharing a sentence split its time. A scene lasts as long as its
narration plus a short pad.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from .components import visual_fields
from .planner.beats import Beat, Plan, ScenePlan
from .planner.knowledge import spoken_between_numbers, spoken_math, spoken_powers, spoken_units
from .planner.model import model_of
from .text import split_sentences

END_PAD_S = 1.0
MIN_SCENE_S = 3.0
READING_RATE_WPS = 2.6


@dataclass(frozen=True)
class Span:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class TimedBeat:
    beat: Beat
    start: float
    duration: float
    sentence: int  # 0-based narration sentence index
    line_times: tuple[float, ...] = ()  # steps: when each line appears, in seconds after the beat starts

    def to_json(self) -> dict[str, Any]:
        """The beat as a storyboard's visual — `beat` (the planner's beat number; `after` for a visual inserted
        after one), `kind`, its fields, the narration `sentence`: paste it into the scene's `visuals` — and,
        under `plan`, what the planner decided about it."""
        d: dict[str, Any] = dict([self.beat.place]) if self.beat.place else {}
        d["kind"] = self.beat.kind
        d.update(visual_fields(self.beat.kind, self.beat.params))
        d["sentence"] = self.sentence + 1
        d["plan"] = {"start": round(self.start, 3), "duration": round(self.duration, 3),
                     "strings": list(self.beat.strings), "rule": self.beat.rule, "source": self.beat.source}
        if self.line_times:
            d["plan"]["line_times"] = [round(t, 3) for t in self.line_times]
        return d


@dataclass(frozen=True)
class TimedScene:
    plan: ScenePlan
    sentences: tuple[Span, ...]
    beats: tuple[TimedBeat, ...]
    duration: float

    def to_json(self) -> dict[str, Any]:
        return {"number": self.plan.number, "id": self.plan.id, "title": self.plan.title,
                "duration": round(self.duration, 3), "theme": self.plan.theme.to_json(),
                "narration": [{"start": round(s.start, 3), "end": round(s.end, 3), "text": s.text}
                              for s in self.sentences],
                "beats": [b.to_json() for b in self.beats],
                "model": model_of(self.plan.beats, self.plan.unmatched).to_json()}


@dataclass(frozen=True)
class TimedPlan:
    title: str | None
    scenes: tuple[TimedScene, ...]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "scenes": [s.to_json() for s in self.scenes]}

    def describe(self, explain: bool = False) -> str:
        out = []
        for s in self.scenes:
            out.append(f"Scene {s.plan.number} ({s.plan.id})  {s.duration:.1f} s  background {s.plan.theme.background}"
                       + (f"  — {s.plan.title}" if s.plan.title else ""))
            if explain:
                for r in s.plan.theme_rules:
                    out.append(f"    style: {r}")
            last_source = None
            unmatched = list(s.plan.unmatched)
            details = s.plan.details
            for tb in s.beats:
                b = tb.beat
                while explain and unmatched and unmatched[0] < b.detail_index:
                    k = unmatched.pop(0)
                    out.append(f"  · {details[k]}\n      (nothing drawn: SB301)")
                if explain and b.source != last_source:
                    out.append(f"  · {b.source}")
                    last_source = b.source
                shown = ", ".join(repr(x) for x in b.strings[:4]) + (" …" if len(b.strings) > 4 else "")
                out.append(f"  {b.number:>4}  {tb.start:6.2f}s +{tb.duration:4.1f}s  {b.kind:<9} {shown}"
                           + (f"   [{b.rule}; narration sentence {tb.sentence + 1}]" if explain else ""))
            for k in unmatched if explain else ():
                out.append(f"  · {details[k]}\n      (nothing drawn: SB301)")
            if explain:
                out.extend(model_of(s.plan.beats, s.plan.unmatched).describe())
        return "\n".join(out)


def estimate_spans(audio_text: str, lead: float = 0.2, gap: float = 0.3) -> tuple[Span, ...]:
    spans, t = [], lead
    for s in split_sentences(audio_text):
        d = max(0.8, len(re.findall(r"[\w']+", s)) / READING_RATE_WPS)
        spans.append(Span(t, t + d, s))
        t += d + gap
    return tuple(spans)


def estimate_timings(storyboard) -> list[tuple[Span, ...]]:
    return [estimate_spans(sc.audio_text) for sc in storyboard.scenes]


def time_plan(plan: Plan, timings: Sequence[Sequence[Span]]) -> TimedPlan:
    return TimedPlan(plan.title, tuple(time_scene(sp, tuple(t)) for sp, t in zip(plan.scenes, timings)))


def narration_end(spans: Sequence[Span]) -> float:
    return spans[-1].end if spans else 0.0


def time_scene(sp: ScenePlan, spans: tuple[Span, ...], narration_duration: float | None = None) -> TimedScene:
    total = max(MIN_SCENE_S, (narration_duration if narration_duration is not None else narration_end(spans)) + END_PAD_S)
    if sp.min_duration:
        total = max(total, sp.min_duration)
    if not spans:
        spans = (Span(0.0, total - END_PAD_S, ""),)
    # a closing fade ("Fade out." as the last instruction) comes when the narration ends, not while its last sentence
    # still speaks of what is on screen; it does not pull the beats before it earlier either
    closing = len(sp.beats)
    while closing > 1 and sp.beats[closing - 1].kind == "clear" and not isinstance(
            sp.beats[closing - 1].params.get("sentence"), int) and sp.beats[closing - 1].detail_index == max(
            b.detail_index for b in sp.beats):
        closing -= 1
    assign = align(sp.beats[:closing], spans) + [len(spans) - 1] * (len(sp.beats) - closing)
    starts: list[float] = []
    for k, b in enumerate(sp.beats):
        if k >= closing:  # (the closing fade)
            starts.append(max(starts[-1] + 0.4 if starts else 0.0, spans[-1].end - 0.2))
            continue
        s = assign[k]
        same = [j for j in range(len(sp.beats)) if assign[j] == s]
        pos = same.index(k)
        seg_start = spans[s].start if s > 0 or spans[s].start > 0 else 0.0
        seg_end = spans[s].end
        if k == 0:
            seg_start = min(seg_start, 0.2)  # the first visual appears right away
        step = max(0.0, seg_end - seg_start) / len(same)
        start = seg_start + pos * step
        if starts:
            start = max(start, starts[-1] + 0.4)
        starts.append(start)
    beats = []
    for k, b in enumerate(sp.beats):
        end = starts[k + 1] if k + 1 < len(starts) else total - 0.5
        duration = max(0.3, end - starts[k])
        lines = b.params.get("lines") if b.kind == "steps" else None
        times = line_times(lines, spans, assign[k], starts[k], duration, b.params.get("notes")) \
            if lines and len(lines) > 1 else ()
        beats.append(TimedBeat(b, starts[k], duration, assign[k], times))
    total = max(total, (starts[-1] + 1.0) if starts else total)
    return TimedScene(sp, spans, tuple(beats), total)


def line_times(lines: Sequence[str], spans: Sequence[Span], first: int, start: float, duration: float,
               notes: Sequence[str] | None = None) -> tuple[float, ...]:
    """When each line of a derivation appears (seconds after the beat starts): with the narration sentence
    that speaks of it — its numbers and words, and those of the note beside it ("Hooke's law") — never before the
    line above it, all within the beat. Lines the narration does not speak of share the time evenly, as before."""
    n = len(lines)
    even = [duration * 0.9 * k / n for k in range(n)]
    end = start + duration
    window = [j for j in range(first, len(spans)) if spans[j].start < end - 0.3]
    if len(window) < 2:
        return tuple(even)
    sent_words = [_text_words(spans[j].text) for j in window]
    out, floor, prev = [], 0.0, -1
    anchored: list[bool] = []
    for k, line in enumerate(lines):
        words = _text_words(line, spoken=True)
        note = notes[k] if notes and k < len(notes) and isinstance(notes[k], str) else ""
        # the sentence that speaks most of this line, from the one the line above went with on (one sentence may
        # read out two lines: "31 squared is 961, which leaves a remainder of 4")
        later = [j for j in range(len(window)) if j >= max(prev, 0)]
        # (the result a line ends with, "= 16", is what the narration says of it: it counts twice)
        result = re.search(r"=\s*([-−]?\d[\d,.]*)\s*\S{0,4}\s*$", line)
        said = _text_words(result.group(1)) if result else set()
        # (a line whose only word is its "=" — "n = p x q" heard "equals" — names no sentence: every line has one)
        words = words if words - {_stem("equals")} else set()
        words |= _text_words(note)  # "F = −kx (Hooke's law)": said "Hooke's law says …"
        # (a decimal read out as a phrase, "nine point eight", names its sentence more surely than its digits apart)
        phrases = [" ".join(_number_words(int(w)) + ["point"] + [_ONES[int(d)] for d in f])
                   for w, f in re.findall(r"(?<![\d.])(\d{1,3})\.(\d{1,2})(?![\d.])", line)]
        end = re.search(r"(\d{1,3})\.(\d{1,2})\s*\S{0,4}\s*$", line)  # (the result it ends with: twice)
        last = " ".join(_number_words(int(end.group(1))) + ["point"] + [_ONES[int(d)] for d in end.group(2)]) if end else None
        scores = {j: len(words & sent_words[j]) + len(said & sent_words[j])
                  + sum(2 + 2 * (ph == last) for ph in phrases if ph in spans[window[j]].text.lower().replace("-", " "))
                  for j in later}
        # (a tie with the sentence of the line above goes to the next: a sentence mostly reads one line)
        best = max(later, key=lambda j: (scores[j], j > prev, -j)) if later and max(scores.values()) >= 1 else None
        if best is not None:
            t, prev = max(0.0, spans[window[best]].start - start), best
        else:
            t = even[k]
        t = min(max(t, floor), duration * 0.92)
        out.append(t)
        anchored.append(best is not None)
        # (the next line no sooner than a little into this one's sentence: two lines it reads are apart)
        floor = t + (min(1.5, 0.3 * (spans[window[best]].end - spans[window[best]].start)) if best is not None else 0.4)
    return tuple(_spread_unsaid(out, anchored, duration))


def _spread_unsaid(times: list[float], anchored: list[bool], duration: float) -> list[float]:
    """Lines the narration names nothing of, after the last one it names, share the time up to the next named line
    (or the beat's end) evenly — not bunched 0.4 s apart right after the named one ("20 = 4.9 t²" said "four point
    nine": its line waits its turn)."""
    out = list(times)
    k = 0
    while k < len(out):
        if anchored[k] or k == 0:
            k += 1
            continue
        j = k
        while j < len(out) and not anchored[j]:
            j += 1
        a = out[k - 1]
        b = out[j] if j < len(out) else duration * 0.85
        if b > a:
            step = (b - a) / (j - k + 1)
            for q in range(k, j):
                out[q] = max(out[q], a + step * (q - k + 1)) if j < len(out) else a + step * (q - k + 1)
                out[q] = min(out[q], b - 0.3 * (j - q)) if j < len(out) else out[q]
        k = j
    return out


_STOP = {"the", "and", "for", "with", "that", "this", "these", "those", "from", "into", "onto", "then", "than", "there",
         "here", "its", "it's", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "our",
         "your", "their", "his", "her", "they", "them", "you", "one", "all", "each", "every", "some", "any", "now",
         "also", "just", "only", "very", "more", "most", "much", "many", "what", "when", "where", "which", "who",
         "how", "why", "not", "but", "out", "over", "under", "about", "between", "through", "same", "other", "another",
         "show", "display", "draw", "animate", "write", "present", "reveal", "place", "put", "use", "make", "let",
         "see", "look", "let's", "start", "begin", "end", "next", "first", "second", "text", "screen", "appear",
         "appears", "appearing", "label", "labeled", "labelled", "highlight", "simple", "new", "get", "gets", "like",
         "way", "does", "did", "done", "is", "be", "been", "being", "on", "in", "at", "to", "of", "by", "as", "an",
         # where things sit on screen: a beat's layout words say nothing about which sentence speaks of it
         "inside", "outside", "above", "below", "left", "right", "top", "bottom", "side", "center", "centre",
         "middle", "near", "around", "along", "across", "beside", "behind"}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _number_words(n: int) -> list[str]:
    """12 -> ["twelve"], 36 -> ["thirty", "six"], 1440 -> ["fourteen", "forty", "one", "thousand", …]: the words a
    narrator says for a number written in a beat."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        return [_ONES[n // 100], "hundred"] + (_number_words(n % 100) if n % 100 else [])
    if 1100 <= n < 2100 and n % 100:
        return _number_words(n // 100) + _number_words(n % 100)  # years: fourteen forty
    if n < 1_000_000:
        return _number_words(n // 1000) + ["thousand"] + (_number_words(n % 1000) if n % 1000 else [])
    return ["million"] if n < 1_000_000_000 else ["billion"]


OPENING_WAIT_S = 6.0  # the longest a title stands alone before the scene's first picture (unless pinned)
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)\s?(" + "|".join(re.escape(u) for u in sorted(spoken_units(), key=len, reverse=True))
                                + r")(?![A-Za-z])")
_NUMBER = re.compile(r"(?<![\d.])\d{1,7}(?:\.\d+)?(?!\.?\d)")
_FRACTION = re.compile(r"\\[dt]?frac\{(\d{1,2})\}\{(\d{1,2})\}|(?<![\w.])(\d{1,2})\s*/\s*(\d{1,2})(?![\w.])")
_ORDINAL = ["", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth"]
_POWER = re.compile(r"\^\{?(\d)\}?(?!\d)|([²³])")
_SUPERSCRIPTS = {"²": "2", "³": "3"}
_MATH_SIGN = re.compile(r"[=^²³√∫Σ≈×·−]|\\(?:frac|sqrt|int|sum|cdot|times|approx)\b")  # a formula line, not prose


def _text_words(text: str, spoken: bool = False) -> set[str]:
    """The words of a sentence, a beat's string or a derivation line: a whole number as the words a narrator
    says for it (36 -> thirty, six), a decimal as itself (0.785 is not a zero)."""
    words = _words(text)
    if spoken and _MATH_SIGN.search(text):  # a derivation line "x^2 - x = 0" is said "x squared minus x equals zero"
        words |= {_stem(w) for sign, w in spoken_math().items() if sign in text}
        words |= {_stem(w) for letter, w in spoken_between_numbers().items()
                  if re.search(r"(?:\d|\b[A-Za-z])\s+" + re.escape(letter) + r"\s+(?:\d|[A-Za-z]\b)", text)}
        # ("16 x 4": sixteen times four; "p x q": p times q)
    for unit in _UNIT_AFTER_NUMBER.findall(text):  # "6 Ω" is said "six ohms"
        words.add(_stem(spoken_units()[unit]))
    # "x^2" is said "x squared", not "x two" (a power with a word of its own); "31^7", "31 to the power 7", keeps its 7
    said = _POWER.sub(lambda m: " " if spoken_powers().get(m.group(1) or _SUPERSCRIPTS[m.group(2)]) else m.group(0),
                      re.sub(r"_\{?-?\d+\}?", " ", text)) if _MATH_SIGN.search(text) else text
    for m in _POWER.finditer(text):  # "x^2", "x²": said "x squared"
        if (word := spoken_powers().get(m.group(1) or _SUPERSCRIPTS[m.group(2)])):
            words.add(_stem(word))
    for m in _FRACTION.finditer(said):  # "\frac{1}{2}", "2/3": said "one half", "two thirds"
        below = int(m.group(2) or m.group(4))
        if 2 <= below < len(_ORDINAL):
            words.add(_stem(_ORDINAL[below]))
    said = _FRACTION.sub(lambda m: f" {m.group(1) or m.group(3)} ", said)  # (its denominator is said as the ordinal)
    for num in _NUMBER.findall(said.replace(",", "")):
        words |= {num} if "." in num else {_stem(w) for w in _number_words(int(num)) if w not in _STOP}
    return words


def _words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in _STOP}


def _stem(w: str) -> str:
    if w.endswith("ally") and len(w) >= 7:  # horizontally -> horizontal
        return w[:-2]
    for suf in ("ings", "ing", "ies", "es", "s", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _beat_words(b: Beat) -> set[str]:
    words = {_stem(w) for w in b.keywords if w not in _STOP}
    for s in b.strings:
        words |= _text_words(s, spoken=b.kind == "steps")  # a derivation's lines are read out, signs and all
    target = b.params.get("target") if b.kind == "highlight" else None
    if isinstance(target, str) and _MATH_SIGN.search(target):
        words |= _text_words(target, spoken=True)  # a frame round a line goes with the sentence that reads that line
    return words


_SPREAD = ("steps", "bullets", "table", "flow", "sequence", "comparison", "bar_chart", "grid", "cards", "icon")


def align(beats: Sequence[Beat], spans: Sequence[Span]) -> list[int]:
    """Monotone assignment of beats to narration sentences.

    A beat goes with the first sentence that talks about it: word overlap (stems; numbers as the words a
    narrator says; each word weighted by how few sentences use it), order as the prior (the position of
    the beat's details sentence among the scene's), the scene's first visual with the first sentence, and
    never before the beat drawn before it. A beat can be pinned with `sentence`."""
    n, m = len(beats), len(spans)
    if n == 0:
        return []
    if m == 1:
        return [0] * n
    sent_words = [_text_words(s.text) for s in spans]
    df: dict[str, int] = {}
    for sw in sent_words:
        for w in sw:
            df[w] = df.get(w, 0) + 1
    forced = [b.params.get("sentence") for b in beats]
    details = max(b.detail_index for b in beats) + 1
    overlaps = []
    shown: dict[str, set[str]] = {}  # per kind, the words of what is already on screen
    changes = []
    firsts: list[list[float] | None] = []
    line_first: list[int | None] = []
    for b in beats:
        all_words = _beat_words(b)
        change = bool(b.params.get("update") or b.params.get("extend") or b.params.get("replaces") is True)
        # a new state of a component on screen goes with the sentence that speaks of what changed
        # ("B can be reached with distance 4"), not with the first one that names any of it
        bw = ((all_words - shown[b.kind]) or all_words) if change and shown.get(b.kind) else all_words
        shown[b.kind] = shown.get(b.kind, set()) | all_words
        changes.append(change)
        overlaps.append([sum(1.0 / df[w] for w in bw & sw) for sw in sent_words])
        # a derivation appears with the sentence that speaks of its first line; its later lines follow the
        # sentences after it (line_times), so the lines further down must not pull the whole beat earlier
        lines = b.params.get("lines") if b.kind == "steps" and not change else None
        notes = b.params.get("notes") if lines else None
        note0 = _text_words(notes[0]) if notes and isinstance(notes[0], str) else set()  # "(Hooke's law)" beside it
        first = (_text_words(lines[0]) | note0) if lines and len(lines) > 1 and isinstance(lines[0], str) else set()
        lead = [sum(1.0 / df[w] for w in first & sw) for sw in sent_words] if first else None
        if lines and len(lines) > 1 and isinstance(lines[0], str) and (lead is None or max(lead) < 0.75):
            # a line the narration names no word or number of ("x^2 = x"): its signs, as read out ("x squared equals x")
            first = _text_words(lines[0], spoken=True) | note0
            lead = [sum(1.0 / df[w] for w in first & sw) for sw in sent_words] if first else None
        firsts.append(lead)
        # … and when the narration names none of the first line, with the first sentence that speaks of any line
        # ("3 ohms plus 3 ohms gives 6 ohms" for the derivation's second line), not the one that names most of them
        spoken = []
        for ln in (lines or [])[:2] if isinstance(lines, list) else []:  # (its opening lines: a result said early
            # in the narration — "giving 1331 dollars" — does not bring the whole derivation forward)
            # (two words or more in common: one small number — "Two does not work" — is no evidence; its signs as
            # read out only when its words and numbers give none)
            per = [0.0] * m
            for spoken_signs in (False, True):
                lw = _text_words(ln, spoken=spoken_signs) if isinstance(ln, str) else set()
                per = [sum(1.0 / df[w] for w in lw & sw) if len(lw & sw) >= 2 else 0.0 for sw in sent_words]
                if max(per) >= 0.75:
                    break
            if lw and max(per) >= 0.75:
                spoken.append(max(range(m), key=lambda j: (round(per[j], 6), -j)))
        line_first.append(min(spoken) if spoken else None)

    # the scene's first visual: its first beat, or the one right after a title — a title does not stand alone for
    # more than OPENING_WAIT_S while the narration describes the picture (numbers on a graph's edges spoken later
    # must not hold it back)
    opening = -1
    if n > 1 and not isinstance(forced[1], int) and (
            beats[0].kind == "title" and beats[1].detail_index <= beats[0].detail_index + 1
            or beats[0].detail_index == 0 and beats[1].detail_index == 0 and beats[1].kind != beats[0].kind):
        opening = 1  # (or the picture the scene's first sentence draws beside its first beat: "plane and matrix")
    elif n > 1 and not isinstance(forced[1], int) and beats[0].kind == "plot" and not beats[0].params.get("curves") and \
            beats[1].kind == "plot" and beats[1].params.get("extend") and beats[1].detail_index <= beats[0].detail_index + 1:
        opening = 1  # ("Axes: x from 0 to 2.5 …" then "Curve y = x² − 2.": empty axes do not stand alone for long)

    def score(k: int, s: int) -> float:
        f = forced[k]
        if isinstance(f, int) and f >= 1:
            return 100.0 if s == min(f, m) - 1 else -100.0
        if k == 0 and beats[0].detail_index == 0:
            return -1.5 * s  # the scene's first visual appears with its first sentence
        if k == opening and s > 1 and spans[s].start > OPENING_WAIT_S:
            return score_free(k, s) - 3.0 * (s - 1)  # after a title: not after it stood alone for long
        return score_free(k, s)

    def score_free(k: int, s: int) -> float:
        d = beats[k].detail_index
        expected = d * (m - 1) / max(1, details - 1) if details > 1 else k * (m - 1) / max(1, n - 1)
        best = max(overlaps[k])
        if best >= 1.0:
            # the narration talks about this beat: it appears with the first sentence that does (a list, a
            # calculation or a diagram with the first sentence that names part of it)
            lead = firsts[k]
            if lead is not None and max(lead) >= 0.75 or line_first[k] is not None:
                if lead is not None and max(lead) >= 0.75:
                    target = max(range(m), key=lambda j: (round(lead[j], 6), -j))
                else:
                    target = line_first[k]
                # a derivation late by a sentence costs more than a mark or a caption early by one: its lines are
                # paced over the sentences after its first, so a late start leaves them crowded at the end
                return -3.0 * abs(s - target) - 0.15 * abs(s - expected)
            elif beats[k].kind in _SPREAD and not changes[k]:
                target = next(j for j in range(m) if overlaps[k][j] >= max(0.75, 0.5 * best))
            else:  # the sentence that talks most about it; a tie goes to the one nearer its place in the order
                target = max(range(m), key=lambda j: (round(overlaps[k][j], 6), -abs(j - expected)))
            return -1.0 * abs(s - target) - 0.15 * abs(s - expected)
        return overlaps[k][s] * 0.8 - 0.35 * abs(s - expected)

    neg = float("-inf")
    best = [[neg] * m for _ in range(n)]
    back = [[0] * m for _ in range(n)]
    for s in range(m):
        best[0][s] = score(0, s)
    for k in range(1, n):
        run_max, run_arg = neg, 0
        for s in range(m):
            if best[k - 1][s] > run_max:
                run_max, run_arg = best[k - 1][s], s
            best[k][s] = run_max + score(k, s)
            back[k][s] = run_arg
    s = max(range(m), key=lambda j: best[n - 1][j])
    out = [0] * n
    for k in range(n - 1, -1, -1):
        out[k] = s
        s = back[k][s]
    for k in range(1, n):
        if beats[k].kind == "highlight" and beats[k].rule.endswith("-frame") and not isinstance(forced[k], int):
            # a frame the style asks round a derivation's answer closes it: it comes with the last sentence before
            # what follows, not with one of its own that would squeeze the derivation's lines into the first
            nxt = out[k + 1] if k + 1 < n else m
            out[k] = max(out[k - 1], nxt - 1)
    return out
