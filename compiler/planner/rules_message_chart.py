"""Planner rules for message sequence charts: parties on lifelines, the messages between them in time,
their states.

    Draw two vertical timelines: "Client" on the left and "Server" on the right.
    Draw an arrow from Client to Server labeled "SYN seq=100".   Draw an arrow from the server back to the client …
    The server replies with "SYN-ACK ack=101".        Client sends "ACK" to the server.
    Change the client's state label to "ESTABLISHED".   Show the state "CLOSED" next to the client.
    Draw the SYN arrow from the client that stops halfway with a red X, labeled "SYN (lost)".
    On the client timeline, draw a vertical bracket labeled "timeout 1 s".
    Then draw the SYN-ACK and ACK arrows as before and mark both sides "ESTABLISHED".
    Right diagram titled "Final ACK lost": SYN and SYN-ACK arrive, the ACK arrow stops halfway with a red X, …

A chart starts when the details name lifelines or timelines (or a sequence, ladder or timing diagram) with two or
more parties — or, named without them, with the parties of the chart of an earlier scene. Then every sentence that
sends something from one party to another adds a message to the chart on screen (`extend`), in time order: a
message is named by its quoted label, or by the name an earlier message had (`the SYN-ACK`: its label up to its
first comma or field), and goes between the parties the sentence names, or else those it went between before, or
else from the one party named to the other. A state named for a party begins after the message before it; a timer or
bracket on a lifeline is the note of the message before it. A chart recalled to continue ("Continue the same
timelines") comes back as its scene left it; a second chart ("Right diagram …") is drawn after the first.
The words are in `planner/data/lexicon.json` (`message_chart`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted, mask_shown
from .knowledge import instruction_verbs, message_words, operation_verbs
from .quantity import NUM, quantity

_Q = r"[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]"
_MAX = 12  # messages and states a chart holds (compiler/components/message_chart.py)


@lru_cache(maxsize=None)
def _w(key: str) -> str:
    """The words of `key` as one group of alternatives, matched as whole words."""
    return r"(?:" + message_words()[key] + r")"


@lru_cache(maxsize=None)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _has(key: str, text: str) -> re.Match | None:
    return _rx(r"(?<![\w-])" + _w(key) + r"(?![\w-])").search(text)


def _chart_nouns() -> str:
    return r"\b" + _w("chart_nouns") + r"\b"


def _charts(ctx: Context) -> list[Beat]:
    """The message charts on screen, oldest first, from the newest chart drawn whole (its extends after it)."""
    on = [b for b in reversed(since_clear(ctx)) if b.kind == "message_chart"]
    start = max((k for k, b in enumerate(on) if not b.params.get("extend")), default=None)
    return [] if start is None else on[start:]


def _as_left(beats: list[Beat]) -> tuple[list[dict], list[dict]]:
    """The messages and states a chart drawn by `beats` (a chart, then the beats extending it) shows at the end; each
    state's `after` counted over all the messages."""
    messages: list[dict] = []
    states: list[dict] = []
    for b in beats:
        if not b.params.get("extend"):
            messages, states = [], []
        base = len(messages)
        for st in b.params.get("states") or []:
            after = st.get("after")
            if b.params.get("extend"):
                after = after + base if after is not None else (base - 1 if base else None)
            states.append({k: v for k, v in st.items() if k != "after"} | ({"after": after} if after is not None else {}))
        messages += [dict(m) for m in b.params.get("messages") or []]
    return messages, states


def _scene_charts(beats) -> list[Beat]:
    """The beats of the last chart a scene drew (the chart, then the beats extending it)."""
    on = [b for b in beats if b.kind == "message_chart"]
    start = max((k for k, b in enumerate(on) if not b.params.get("extend")), default=None)
    return [] if start is None else on[start:]


def _head(label: str) -> str:
    """What a message is called: its label up to its first comma, bracket or field ("SYN, seq = 100" -> "SYN",
    "SYN-ACK ack=101" -> "SYN-ACK", "DATA 1" -> "DATA 1")."""
    return re.split(r"\s*[,(:;]|\s+\S+\s*=|\s*=", label, maxsplit=1)[0].strip()


def _known(ctx: Context) -> tuple[dict[str, dict], set[str]]:
    """The messages of the charts drawn so far (earlier scenes, then this one) by name — the last one of each name —
    and the states they showed."""
    names: dict[str, dict] = {}
    states: set[str] = set()
    beats = [b for sp in ctx.history for b in sp.beats] + list(ctx.beats)
    for b in beats:
        if b.kind != "message_chart":
            continue
        for m in b.params.get("messages") or []:
            label = m.get("label") or ""
            head = _head(label)
            if len(head.split()) <= 3 and re.search(r"[A-Za-z]", head) and len(head) >= 2:
                names[head] = m
        states.update(st["text"] for st in b.params.get("states") or [])
    return names, states


def _parties(s: str) -> list[str]:
    """The parties a chart sentence names: quoted ("Client" on the left), else capitalised nouns of a list."""
    quoted = [m.group(1) for m in re.finditer(_Q, s) if len(m.group(1).split()) <= 3 and not re.search(r"[=:<>]", m.group(1))
              and not _rx(r"\b" + _w("state_nouns") + r"\b[^.;\"\u201c]{0,25}$").search(s[:m.start()])]  # "state "LISTEN""
    # "CLOSED", "SYN-SENT": states, not parties ("TLD", "ISP", "DNS": three-letter names of parties)
    named = [q for q in quoted if not re.fullmatch(r"[A-Z0-9_-]{4,}|[A-Z0-9]+[_-][A-Z0-9_-]+", q)]
    if len(named) >= 2:
        return list(dict.fromkeys(named))
    if len(quoted) >= 2:
        return list(dict.fromkeys(quoted))
    m = re.search(r"\b(?:for|labell?ed|named|called|:)\s+(?:the\s+)?([A-Z][\w-]+(?:\s*(?:,|and)\s*(?:the\s+)?[A-Z][\w-]+)+)", s)
    if m:
        return list(dict.fromkeys(x.strip() for x in re.split(r",|\band\b", m.group(1)) if x.strip()))
    return []


def _party(name: str, lifelines: list[str]) -> str | None:
    """"the client", "Client's", "server" -> the lifeline they name; "the resolver" -> "Recursive resolver
    (8.8.8.8)" (a word that names one lifeline only)."""
    n = re.sub(r"^(?:the|a|an)\s+|['\u2019]s$", "", name.strip(), flags=re.I).lower()
    found = next((x for x in lifelines if x.lower() == n or x.lower().startswith(n) or n.startswith(x.lower())), None)
    return found or _aliases(tuple(lifelines)).get(n)


@lru_cache(maxsize=64)
def _aliases(lifelines: tuple[str, ...]) -> dict[str, str]:
    """Words of a lifeline's name that no other lifeline has ("resolver", "root", "computer"): short names of it."""
    words = {x: set(re.findall(r"[a-z]{3,}", re.sub(r"\([^)]*\)", " ", x.lower()))) for x in lifelines}
    out: dict[str, str] = {}
    for x, ws in words.items():
        for w in ws:
            if sum(w in other for other in words.values()) == 1 and w not in ("the", "and", "name", "server", "client"):
                out[w] = x
    return out


def _parties_shown(s: str, masked: str, lifelines: list[str]) -> str:
    """The masked sentence with the quoted names of parties readable again ("an arrow from 'Your computer' to
    'Resolver'"): they say who sends, not what is sent."""
    names = {x.lower() for x in lifelines}
    out = list(masked)
    for m in re.finditer(r"[\"\u201c]([^\"\u201d]{1,60})[\"\u201d]", s):
        if m.group(1).strip().lower() in names:
            out[m.start(1):m.end(1)] = s[m.start(1):m.end(1)]
    return "".join(out)


class _Reader:
    """Reads the events of one sentence — messages, states, notes — for a chart with `lifelines`."""

    def __init__(self, ex: Extracted, lifelines: list[str], known: dict[str, dict], known_states: set[str],
                 claimed: set[str]):
        self.s = ex.sentence
        self.masked = _parties_shown(ex.sentence, mask_shown(ex.sentence), lifelines)
        self.lifelines = lifelines
        self.known = known
        self.known_states = known_states
        self.claimed = set(claimed)  # quoted strings that are not messages or states (parties, a caption)
        names = "|".join(re.escape(x) for x in sorted(list(lifelines) + list(_aliases(tuple(lifelines))), key=len,
                                                      reverse=True))
        self.who = r"(?:the\s+)?[\"\u201c\x01]?(?i:(" + names + r"))[\"\u201d\x01]?(?:['\u2019]s)?(?:\s+" + _w("party_parts") + r")?(?!\w)"

    def clauses(self) -> list[tuple[int, int]]:
        """The sentence cut into clauses (start, end): at commas, semicolons and colons outside quotes, before the
        words of a sequence ("then", "followed by") and before "and" with a new instruction or party; a clause that
        names no party, message or event ("labeled "SYN (lost)"") belongs to the one before it."""
        m = self.masked
        verbs = "|".join(sorted(instruction_verbs(), key=len, reverse=True))
        names = "|".join(re.escape(x) for x in sorted(self.lifelines, key=len, reverse=True))
        cuts = {0, len(m)}
        for c in re.finditer(r"[,;:]\s+", m):
            cuts.add(c.end())
        for c in _rx(r"\s(?=(?:" + _w("sequence") + r")\s)").finditer(m):
            cuts.add(c.end())
        for c in _rx(r"\sand\s+(?=(?:the\s+)?(?:" + verbs + "|" + names + r")\b)").finditer(m):
            cuts.add(c.start() + 1)
        bounds = sorted(cuts)
        spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if m[a:b].strip(" ,;:.")]
        out: list[tuple[int, int]] = []
        for a, b in spans:
            # "At the resolver, show a thought label …", "Under the arrow label, show small text …": the place
            # before the comma belongs to the clause after it
            lead = out and re.fullmatch(r"\s*(?:at|under|below|beneath|above|beside|next to|near|on|by)\s+[^\"\u201c,;:]{1,40}"
                                        r"[,:]\s*", m[out[-1][0]:out[-1][1]], re.I)
            if out and (lead or not self._anchored(m[a:b])):
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def _anchored(self, text: str) -> bool:
        return bool(re.search(self.who, text) or self._names(text) or any(
            _has(k, text) for k in ("carriers", "send_verbs", "arrive_verbs", "retry", "lost", "timeout", "state_verbs",
                                    "sequence", "every", "note_nouns")) or re.match(
            r"\s*(?:" + "|".join(sorted(instruction_verbs(), key=len, reverse=True)) + r")\b", text, re.I))

    def _names(self, text: str) -> list[tuple[int, str]]:
        """Earlier messages named in `text` (outside quotes), by position."""
        if not self.known:
            return []
        alts = "|".join(re.escape(x) for x in sorted(self.known, key=len, reverse=True))
        return [(n.start(), n.group(1)) for n in re.finditer(r"(?<![\w-])(" + alts + r")(?![\w-])", text)]

    def events(self) -> list[tuple[int, str, object]]:
        """(position, "message" | "state" | "note", what) for each event of the sentence, in order."""
        listed = self._listed()
        if listed:
            return listed
        out: list[tuple[int, str, object]] = []
        for a, b in self.clauses():
            out += self._clause(a, b)
        return sorted(out, key=lambda e: e[0])

    def _listed(self) -> list[tuple[int, str, object]]:
        """'The receiver replies: to seg 21 "ACK 22", to seg 23 "ACK 22 (dup 1)", …': a party and a verb before a
        colon, then the messages it sends, one per quote (between two parties: to the other one)."""
        head = re.match(r"\s*(?:then\s+|next,?\s+)?" + self.who + r"\s+(?:" + _w("send_verbs") + r")\s*(?:with\s*)?:",
                        self.masked, re.I)
        if head is None or len(self.lifelines) != 2:
            return []
        src = _party(head.group(1), self.lifelines)
        quotes = [(p, q) for p, q in self._quotes(head.end(), len(self.s)) if len(q) <= 40]
        if src is None or not 2 <= len(quotes) <= 8:
            return []
        dst = next(x for x in self.lifelines if x != src)
        reply = bool(_has("reply_words", self.masked[:head.end()]))
        out = []
        for p, q in quotes:
            msg = {"from": src, "to": dst, "label": q[:60]}
            if reply:
                msg["reply"] = True
            self.claimed.add(q)
            self.last = msg
            out.append((head.end() + p, "message", msg))
        return out

    def _quotes(self, a: int, b: int) -> list[tuple[int, str]]:
        return [(q.start(), q.group(1)) for q in re.finditer(_Q, self.s[a:b]) if q.group(1) not in self.claimed]

    def _clause(self, a: int, b: int) -> list[tuple[int, str, object]]:
        text, masked = self.s[a:b], self.masked[a:b]
        out: list[tuple[int, str, object]] = []
        states = self._states(text, masked)
        taken = {t for _, st in states for t in [st["text"]]}
        out += [(a + p, "state", st) for p, st in states]
        if re.match(r"\s*(?:then\s+|and\s+|now\s+)?(?:" + operation_verbs() + r")\b", masked, re.I):
            return out  # "Highlight the SYN arrow": an operation on what is drawn, not a new message
        quotes = [(p, q) for p, q in self._quotes(a, b) if q not in taken]
        names = self._names(masked)
        seen = {n for _, n in names}
        names += [(c.start(1), c.group(1)) for c in re.finditer(  # "Client sends ACK": a message named as it is sent
            r"(?<![\w-])(?i:" + _w("send_verbs") + r")\s+(?:an?\s+|the\s+)?([A-Z][A-Z0-9_-]+)(?![\w-])", masked)
            if c.group(1) not in seen]
        cue = any(_has(k, masked) for k in ("carriers", "send_verbs", "arrive_verbs", "retry", "lost", "sequence"))
        timeout = _has("timeout", masked)
        messages: list[tuple[int, dict]] = []
        if cue and quotes and (_has("carriers", masked) or _has("send_verbs", masked)):
            # 'Send "seg 2" and "seg 3"': each short quote joined by "and" or a comma is a message of its own
            listed = [(p, q) for p, q in quotes if len(q) <= 24]
            # (between them: "and", a comma, or a few words naming what each answers: 'to seg 23 "ACK 22 (dup 1)"')
            joined = len(listed) >= 2 and len(listed) == len(quotes) <= 6 and all(
                re.fullmatch(r"[\"\u201d\u201c\s,;]*(?:and\s+|then\s+)?(?:to\s+[\w -]{1,20}?)?[\"\u201d\u201c\s,]*",
                             self.s[a + p1 + len(q1) + 1:a + p2]) for (p1, q1), (p2, _) in zip(listed, listed[1:]))
            for pos, label in (listed if joined else quotes[:1]):
                template = self.known.get(names[0][1]) if names else self.known.get(_head(label))
                messages.append((pos, self._message(label, masked, template, single=True)))
        elif cue and names:
            for pos, name in sorted(names):
                template = self.known.get(name)
                label = name
                if template and _has("as_before", self.masked) and len(template.get("label") or "") <= 60:
                    label = template.get("label") or name
                messages.append((pos, self._message(label, masked, template, single=len(names) == 1)))
        messages = [(p, m) for p, m in messages if m["from"] and m["to"] and m["from"] != m["to"]]
        self.claimed.update(m["label"] for _, m in messages)
        for p, m in messages:
            notes = ["timeout"] if timeout else []
            if _has("retry", masked) and not _has("retry", m["label"]):
                notes.append("retry")
            if notes:
                m["note"] = " → ".join(notes)
        out += [(a + p, "message", m) for p, m in messages]
        if not messages and not states:
            # (a note longer than the margin holds is a text of its own, never cut)
            labelled = [q for _, q in self._quotes(a, b) if len(q) <= 30] if _has("note_nouns", masked) else []
            if labelled or timeout:
                note = (labelled[0] if labelled else "timeout")[:30]
                self.claimed.update(labelled[:1])
                out.append((a + (timeout.start() if timeout else 0), "note", note))
        return out

    def _message(self, label: str, masked: str, template: dict | None, single: bool) -> dict:
        src = dst = None
        if single:
            m = re.search(r"\bfrom\s+" + self.who, masked)
            src = _party(m.group(1), self.lifelines) if m else None
            m = re.search(r"\b(?:to|at|reach(?:es|ed|ing)?|towards?|into)\s+" + self.who, masked, re.I)
            dst = _party(m.group(1), self.lifelines) if m else None
            if src is None:
                m = re.search(self.who + r"\s+(?:\w+\s+){0,3}?(?i:" + _w("send_verbs") + r")\b", masked)
                src = _party(m.group(1), self.lifelines) if m else None
        focus = getattr(self, "focus", None)
        if focus and dst is None and src != focus and re.search(r"\bto(?:wards?)?\s+(?:it|them|that\s+\w+)\b", masked, re.I):
            dst = focus
        if focus and single and src and dst is None and not re.search(r"\bback\b", masked, re.I) and src != focus:
            dst = focus  # "Draw a blue arrow from the resolver labelled …" right after the server was highlighted
        if template:
            src = src or (template.get("from") if template.get("from") in self.lifelines else None)
            dst = dst or (template.get("to") if template.get("to") in self.lifelines else None)
        others = [x for x in self.lifelines if x not in (src, dst)]
        if len(self.lifelines) == 2 and bool(src) != bool(dst):
            src, dst = src or others[0], dst or others[0]
        reply = bool(template and template.get("reply")) or bool(_has("reply_words", masked))
        last = getattr(self, "last", None)
        if src is None and dst is None and last and (reply or re.search(r"\bback\b", masked, re.I)):
            # "Then draw an orange arrow back labelled …": the answer (a second answer goes the way the first went)
            src, dst = (last.get("from"), last.get("to")) if last.get("reply") else (last.get("to"), last.get("from"))
            reply = True
        if src is None and dst is None and len(self.lifelines) == 2 and _has("send_verbs", masked):
            # 'Send "seg 2"' between two parties: as the last message went (a reply: back), else left to right
            if last and last.get("reply") and not reply:
                src, dst = last.get("to"), last.get("from")
            elif last and not reply:
                src, dst = last.get("from"), last.get("to")
            else:
                src, dst = (self.lifelines[1], self.lifelines[0]) if reply else (self.lifelines[0], self.lifelines[1])
        msg = {"from": src, "to": dst, "label": label[:60]}
        self.last = msg
        if reply:
            msg["reply"] = True
        if _has("lost", masked):
            msg["lost"] = True
        return msg

    def _states(self, text: str, masked: str) -> list[tuple[int, dict]]:
        """(position in the clause, state) for the states the clause gives the parties."""
        head = self.masked.split(":", 1)[0] if ":" in self.masked else ""
        stateful = _has("state_nouns", masked) or _has("state_verbs", masked) or _has("every", masked) and _has(
            "set_verbs", masked) or _has("state_nouns", head)  # "State labels …: client side "CLOSED", server …"
        if not stateful:
            return []
        texts = [(q.start(), q.group(1)) for q in re.finditer(_Q, text) if q.group(1) not in self.claimed]
        known = "|".join(re.escape(x) for x in sorted(self.known_states, key=len, reverse=True))
        bare = r"[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*"
        for t in re.finditer(r"(?<![\w-])(" + (known + "|" if known else "") + bare + r")(?![\w-])", masked):
            if t.group(1) in self.known_states or _rx(_w("state_verbs") + r"\s+(?:the\s+)?$").search(masked[:t.start()]):
                if len(t.group(1)) >= 3 and t.group(1) not in self.known and not _party(t.group(1), self.lifelines):
                    texts.append((t.start(), t.group(1)))
        out: list[tuple[int, dict]] = []
        every = re.search(r"\b" + _w("every") + r"\s+(?:of\s+)?(?:the\s+)?(?:" + _w("every_nouns") + r")?", masked, re.I)
        for pos, t in sorted(texts):
            if len(t) > 24:
                continue
            tq = r"[\"\u201c]?" + re.escape(t) + r"[\"\u201d]?"
            before = text[:pos + (1 if text[pos:pos + 1] in "\"\u201c" else 0)]
            after = text[pos:]
            m = (re.search(self.who + r"\s+(?:(?i:" + _w("state_nouns") + r")\s+)?(?:label\s+)?(?:(?i:" + _w("state_verbs")
                           + r")\s+|(?:to|into|is|as|:)\s+)?(?:the\s+)?(?:(?i:" + _w("state_nouns") + r")\s+)?[\"\u201c]?$", before)
                 or re.search(r"\b(?:" + _w("set_verbs") + r")\w*\s+(?:the\s+)?" + self.who + r"\s+(?:"
                              + _w("state_nouns") + r")(?:\s+label)?\s+(?:to|into|as)\s+[\"\u201c]?$", before, re.I))
            if not m:
                m = re.match(tq + r"\s+(?:" + _w("beside") + r")\s+" + self.who, after, re.I)
            if not m:  # ""Client" on the left with state "CLOSED""
                m = re.search(self.who + r"[\"\u201d]?[^.;\"\u201c]{0,40}?\b" + _w("state_nouns") + r"\s+(?:is\s+|of\s+)?"
                              r"[\"\u201c]?$", before, re.I)
            who = _party(m.group(1), self.lifelines) if m else None
            if who:
                out.append((pos, {"lifeline": who, "text": t}))
            elif every and every.start() < pos:
                out += [(pos, {"lifeline": x, "text": t}) for x in self.lifelines]
        return out


def _from_history(ctx: Context) -> tuple[int, list[Beat]] | None:
    """The last chart an earlier scene drew: (its scene number, its beats)."""
    for sp in reversed(ctx.history):
        beats = _scene_charts(sp.beats)
        if beats:
            return sp.number, beats
    return None


def _whole(lifelines: list[str], messages: list[dict], states: list[dict], **rest) -> dict:
    return {"lifelines": lifelines, **({"messages": messages} if messages else {}),
            **({"states": states} if states else {}), **{k: v for k, v in rest.items() if v}}


def _drawn(params: dict) -> list[str]:
    return list(params.get("lifelines") or []) + [m["label"] for m in params.get("messages") or [] if m.get("label")] + [
        m["note"] for m in params.get("messages") or [] if m.get("note")] + [s["text"] for s in params.get("states") or []]


def _continued(ex: Extracted, ctx: Context, i: int, charts: list[Beat]) -> bool:
    """"Continue the same two timelines with the SYN arrow already drawn": the chart recalled by this sentence comes
    back as its scene left it — messages and states — not as bare lifelines."""
    base = charts[0]
    m = re.match(r"message_chart:recalled-from-scene-(\d+)$", base.rule)
    if not m or base.detail_index != i or not _has("carry_on", mask_shown(ex.sentence)):
        return False
    sp = next((x for x in ctx.history if x.number == int(m.group(1))), None)
    beats = _scene_charts(sp.beats) if sp else []
    if not beats:
        return False
    messages, states = _as_left(beats)
    params = _whole(list(base.params["lifelines"]), messages[:_MAX], [s for s in states
                    if s.get("after") is None or s["after"] < _MAX][:_MAX], time_arrow=base.params.get("time_arrow"))
    ctx.replace(base, Beat("message_chart", params, tuple(_drawn(params)), base.rule, base.source, base.detail_index,
                           base.keywords), i)
    return True


def _order(events: list[tuple[int, str, object]], ctx: Context, i: int, charts: list[Beat]) -> tuple[list, list]:
    """The messages and states of the events (each state after the message before it, counted in this beat), the
    notes put on the message before them — in this sentence, or else the last one on screen."""
    messages: list[dict] = []
    states: list[dict] = []
    for _, what, x in events:
        if what == "message":
            messages.append(x)
        elif what == "state":
            states.append(dict(x, **({"after": len(messages) - 1} if messages else {})))
        elif messages:
            messages[-1]["note"] = x
        else:
            _note_on_screen(ctx, i, charts, x)
    return messages, states


def _note_on_screen(ctx: Context, i: int, charts: list[Beat], note: str) -> None:
    """"On the client timeline, draw a vertical bracket labeled "timeout 1 s"": the note of the last message drawn."""
    beat = next((b for b in reversed(charts) if b.params.get("messages")), None)
    if beat is None:
        ctx.lost(i, f"the note {note!r} has no message before it on the chart")
        return
    messages = [dict(m) for m in beat.params["messages"]]
    messages[-1]["note"] = note
    params = dict(beat.params, messages=messages)
    charts[charts.index(beat)] = ctx.replace(beat, Beat(beat.kind, params, tuple(dict.fromkeys(list(beat.strings) + [note])),
                                                        beat.rule, beat.source, beat.detail_index, beat.keywords), i)
    ctx.consumed.add(note)


def _caption(s: str) -> str | None:
    """"Left diagram titled "SYN-ACK lost"": the caption of a chart (a diagram's, not a lifeline's label)."""
    m = _rx(r"\b" + _w("chart_heads") + r"\s+(?:" + _w("title_verbs") + r")\s+" + _Q).search(s)
    return m.group(1) if m else None


_AT_X = re.compile(r"\b(?:the\s+)?([A-Za-z][\w-]{1,20})(?:['\u2019]s)?\s+(?:vertical\s+)?(?:time ?line|life ?line|line)\s+"
                   r"(?:is\s+|sits\s+|stands\s+)?at\s+x\s*=\s*(" + NUM + r")|\b([A-Za-z][\w-]{1,20})\s+at\s+x\s*=\s*(" + NUM
                   + r")", re.I)
_POINT = r"\(\s*(" + NUM + r")\s*,\s*(" + NUM + r")\s*\)"


def _placed_lifelines(text: str) -> list[tuple[str, float]]:
    """"the client timeline at x = -4 and the server timeline at x = 4", "lifelines: browser at x = -5, resolver at
    x = 0": the parties of a chart by the x where their timeline stands (names in capitals)."""
    out: list[tuple[str, float]] = []
    for m in _AT_X.finditer(text):
        name, x = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        v = quantity(x)
        if v is None or name.lower() in ("the", "a", "line", "and", "one", "other", "arrow", "point", "dot"):
            continue
        name = name[0].upper() + name[1:]
        if all(n.lower() != name.lower() for n, _ in out):
            out.append((name, float(v)))
    return out


def _by_coordinates(ex: Extracted, ctx: Context, i: int, charts: list[Beat]) -> list[Beat] | None:
    """A message drawn by its end points between timelines placed by their x ("Draw an arrow from (-4, 1.8) to (4,
    0.8)" with the client timeline at x = -4 and the server's at x = 4), and the label box of the arrow just drawn
    ("Above the middle of the arrow place a label box with three lines: "SYN" "seq = 1000" …")."""
    lifelines = list(charts[0].params.get("lifelines") or [])
    placed = {n.lower(): x for n, x in _placed_lifelines(ctx.about)}
    xs = {name: placed[name.lower()] for name in lifelines if name.lower() in placed}
    s = ex.sentence
    found = list(re.finditer(r"\barrows?\b(?:\s+\d+)?[^.;\"\u201c]{0,40}?\bfrom\s+" + _POINT + r"\s+to\s+" + _POINT, s, re.I))
    if found and len(xs) >= 2:
        def nearest(x: float) -> str | None:
            name, at = min(xs.items(), key=lambda kv: abs(kv[1] - x))
            return name if abs(at - x) <= 0.6 else None
        msgs = []
        for k, m in enumerate(found):
            a, b = nearest(float(quantity(m.group(1)))), nearest(float(quantity(m.group(3))))
            if a is None or b is None or a == b:
                return None
            msg: dict = {"from": a, "to": b}
            # 'labeled "SYN"', 'with its label "SYN, seq = 1000"', or the quote right after it: 'arrow 1 from … to
            # (4, 0.8) "SYN, seq = 1000"; arrow 2 …'
            upto = found[k + 1].start() if k + 1 < len(found) else len(s)
            label = re.match(r"[^.;\"\u201c]{0,30}?(?:\b(?:labell?ed|with\s+(?:its\s+|the\s+|a\s+)?label)\s*:?\s*)?" + _Q,
                             s[m.end():upto], re.I)
            if label:
                msg["label"] = label.group(1)[:60]
                ctx.consumed.add(label.group(1))
            if re.search(r"\b(?:faded|dimmed|greyed|grayed)\b", s, re.I):
                msg["color"] = "#777777"
            msgs.append(msg)
        ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
        return [_beat("message_chart", "message_chart:arrow-between-timelines", ex, i,
                      [x["label"] for x in msgs if x.get("label")], _kw(s), extend=True, messages=msgs)]
    lines = [q for q in ex.quoted if q not in ctx.consumed]
    last = next((b for b in reversed(charts) if b.params.get("messages")), None)
    if last is not None and lines and last.rule.startswith("message_chart:arrow-between-timelines") and \
            last.detail_index == i - 1 and not last.params["messages"][-1].get("label") and \
            re.match(r"\s*(?:\d+[.)]\s*)?(?:(?:above|over|under|below|beside|near|on)\s+(?:the\s+)?(?:middle\s+of\s+)?(?:it|its\s+"
                     r"\w+|the\s+(?:new\s+)?arrow)\s*,?\s*)?(?:place|put|add|show|draw|write)?\s*(?:an?\s+|the\s+)?(?:small\s+)?"
                     r"(?:packet|message|segment)?\s*(?:label\s+)?(?:box|label|tag)\b", ex.bare, re.I) and not re.search(
                r"\b(?:" + _w("state_nouns") + r")\b", ex.bare, re.I):
        # 'Above the middle of the arrow place a packet label box with three lines: "SYN" "seq = 1000" …', 'Packet box:'
        # right after the arrow: its label, the lines joined
        text = ", ".join(lines)
        if len(text) > 60:
            ctx.lost(i, f"the arrow's label is cut to 60 characters: {text!r}")
        msgs = list(last.params["messages"])
        msgs[-1] = dict(msgs[-1], label=text[:60])
        ctx.replace(last, Beat(last.kind, dict(last.params, messages=msgs), last.strings + (text[:60],),
                               last.rule + "+label", last.source, last.detail_index, last.keywords), i)
        ctx.consumed.update(lines)
        ctx.stop = True
        return []
    return None


def _state_chains(ex: Extracted, ctx: Context, i: int, charts: list[Beat]) -> list[Beat] | None:
    """"State labels down the sides: client: "CLOSED" -> "SYN-SENT" -> "ESTABLISHED"; server: …": each party's states in
    turn on its lifeline — the first from the start, the last after the last message, the ones between spread over the
    messages in order (the chart does not say which message causes which change)."""
    s = ex.sentence
    if not _has("state_nouns", mask_shown(s)):
        return None
    lifelines = list(charts[0].params.get("lifelines") or [])
    messages, _ = _as_left(charts)
    chains = []
    for m in re.finditer(r"([A-Za-z][\w-]{1,20})(?:\s+side)?\s*:\s*((?:" + _Q + r"\s*(?:->|→)\s*)+" + _Q + ")", s):
        who = _party(m.group(1), lifelines)
        if who:
            chains.append((who, re.findall(_Q, m.group(2))))
    if not chains:
        return None
    n = len(messages)
    placed: dict[int, list[dict]] = {}  # beat index among the chart's beats -> the states it gains
    for who, texts in chains:
        texts = [t for t in texts if len(t) <= 24][:_MAX]
        for k, t in enumerate(texts):
            # (the states after the first spread from the first message to the last)
            after = None if k == 0 or not n else (n - 1 if len(texts) == 2 else
                                                  int((k - 1) * (n - 1) / (len(texts) - 2) + 0.5))
            # on the beat that draws the message it follows (it appears with that arrow); the first from the start
            seen = 0
            for j, b in enumerate(charts):
                count = len(b.params.get("messages") or [])
                if after is None and j == 0:
                    placed.setdefault(j, []).append({"lifeline": who, "text": t})
                    break
                if after is not None and seen <= after < seen + count:
                    placed.setdefault(j, []).append({"lifeline": who, "text": t, "after": after - seen})
                    break
                seen += count
        ctx.consumed.update(texts)
    for j, extra in placed.items():
        b = charts[j]
        params = dict(b.params, states=list(b.params.get("states") or []) + extra)
        charts[j] = ctx.replace(b, Beat(b.kind, params, tuple(dict.fromkeys(list(b.strings) + [x["text"] for x in extra])),
                                        b.rule + "+states", b.source, b.detail_index, b.keywords), i)
    return []


_PAIR = re.compile(r"(?<![\w-])([A-Za-z][\w-]{0,20})\s*(?:→|->|⟶)\s*([A-Za-z][\w-]{0,20})(?![\w-])")


_TRIP = re.compile(r"^\s*([A-Za-z][\w-]{0,20})\s*(?:↔|<->|⟷|-)\s*([A-Za-z][\w-]{0,20})\s*:\s*\S")


def _round_trips(ex: Extracted, ctx: Context, i: int, charts: list[Beat]) -> list[Beat] | None:
    """"brackets for each round trip with labels: "resolver ↔ root: 20 ms", "client ↔ resolver: 10 ms"": each label
    the note of the last message between those two lifelines (the round trip's answer) — not boxes of a diagram."""
    lifelines = list(charts[0].params.get("lifelines") or [])
    trips = []
    for q in ex.quoted:
        m = _TRIP.match(q)
        a, b = (_party(m.group(1), lifelines), _party(m.group(2), lifelines)) if m else (None, None)
        if a and b and a != b and len(q) <= 30:
            trips.append((q, {a, b}))
    if len(trips) < 2 or not re.search(r"\b(?:brackets?|braces?|round[- ]trips?|spans?|notes?|labels?)\b",
                                       mask_shown(ex.sentence), re.I):
        return None
    chart = [b for b in reversed(since_clear(ctx)) if b.kind == "message_chart"]  # (oldest first)
    chart = chart[max((k for k, b in enumerate(chart) if not b.params.get("extend")), default=0):]
    placed = []
    for q, pair in trips:
        for b in reversed(chart):
            msgs = [dict(m) for m in b.params.get("messages") or []]
            k = next((k for k in range(len(msgs) - 1, -1, -1) if {msgs[k]["from"], msgs[k]["to"]} == pair
                      and not msgs[k].get("note")), None)
            if k is None:
                continue
            msgs[k]["note"] = q
            new = Beat(b.kind, dict(b.params, messages=msgs), b.strings + (q,), b.rule + "+notes", b.source,
                       b.detail_index, b.keywords)
            ctx.replace(b, new, i)
            chart[chart.index(b)] = new
            placed.append(q)
            break
        else:
            ctx.lost(i, f"the note {q!r}: no message between those lifelines on the chart")
    ctx.consumed.update(q for q, _ in trips)
    ctx.stop = True
    return []


def _listed_arrows(ex: Extracted, ctx: Context, i: int, charts: list[Beat]) -> list[Beat] | None:
    """"Draw slightly slanted arrows in order: Client→Resolver, Resolver→Root, Root→Resolver, …" on the chart on
    screen: one message per pair, in order, between the lifelines they name (one that goes back the way an earlier
    one came is its reply)."""
    s = mask_shown(ex.sentence)
    pairs = _PAIR.findall(s)
    if len(pairs) < 2 or not re.search(r"\barrows?\b|\bmessages?\b", s, re.I):
        return None
    lifelines = list(charts[0].params.get("lifelines") or [])
    resolved = [(_party(a, lifelines), _party(b, lifelines)) for a, b in pairs]
    if not all(a and b for a, b in resolved):
        return None
    messages, seen = [], set()
    for a, b in resolved[:_MAX]:
        msg = {"from": a, "to": b}
        if (b, a) in seen:
            msg["reply"] = True
        seen.add((a, b))
        messages.append(msg)
    if len(resolved) > _MAX:
        ctx.lost(i, f"{len(resolved) - _MAX} of the {len(resolved)} arrows (a chart holds {_MAX}) are not drawn")
    ctx.stop = True
    return [_beat("message_chart", "message_chart:listed-arrows", ex, i, [], _kw(ex.sentence) + ("message",),
                  extend=True, messages=messages)]


def rule_message_chart(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    masked = mask_shown(s)
    charts = _charts(ctx)
    # on the chart on screen: arrows placed by coordinates, chains of states, arrows listed in order, round trips
    for reading in ((_by_coordinates, _state_chains, _listed_arrows, _round_trips) if charts else ()):
        done = reading(ex, ctx, i, charts)
        if done is not None:
            return done
    if not charts and re.search(r"\b(?:time ?lines?|life ?lines?)\b", masked, re.I) and len(_placed_lifelines(s)) >= 2:
        # "two vertical lines …: the client timeline at x = -4 and the server timeline at x = 4": the chart's parties
        lifelines = [n for n, _ in sorted(_placed_lifelines(s), key=lambda nx: nx[1])][:6]
        params = _whole(lifelines, [], [], time_arrow=bool(_has("time_arrow", s)), caption=None)
        ctx.consumed.update(lifelines + ([q for q in ex.quoted if q.strip().lower() == "time"] if params.get("time_arrow")
                                         else []))
        return [_beat("message_chart", "message_chart:placed-timelines", ex, i, _drawn(params), _kw(s) + ("message",),
                      **params)]
    if not charts and not re.search(_chart_nouns(), masked, re.I):
        return []
    if not charts and re.search(r"\bhorizontal\s+time ?line\b(?!s)", masked, re.I) and not re.search(
            r"\b(?:life ?lines|time ?lines|sequence|ladder)\b", masked, re.I):
        return []  # "a horizontal timeline for one truck: a red segment of 48 min …": one time axis, no parties
    known, known_states = _known(ctx)
    caption = _caption(s)
    side = _has("side_by_side", masked) and re.search(_chart_nouns() + "|" + _w("chart_heads"), masked, re.I)
    if charts and _continued(ex, ctx, i, charts):
        return []
    if charts:
        lifelines = list(charts[0].params.get("lifelines") or [])
        messages_so_far, states_so_far = _as_left(charts)
        second = re.search(r"\b" + _w("next_chart") + r"\s+(?:\w+\s+)?(?:" + _w("chart_nouns") + "|" + _w("chart_heads")
                           + r")\b", masked, re.I)
        new = bool(second and (messages_so_far or states_so_far))
    else:
        lifelines = ctx.capped(i, _parties(s), 6, "lifelines")
        earlier = None
        boxes = next((b for b in reversed(since_clear(ctx)) if b.kind == "flow"), None)
        if len(lifelines) < 2 and boxes is not None and 2 <= len(boxes.params.get("nodes") or []) <= 6 and re.search(
                r"\b(?:from|under|below)\s+(?:each|every|all)\b|\beach\s+(?:box|actor|party)\b", masked, re.I):
            # "Draw five actors as boxes in a row … Draw a vertical dashed lifeline down from each": those boxes are
            # the chart's parties
            lifelines = [str(n) for n in boxes.params["nodes"]]
            ctx.beats.remove(boxes)
        if len(lifelines) < 2:
            earlier = _from_history(ctx)
            if earlier is None:
                return []
            lifelines = list(earlier[1][0].params["lifelines"])
        new = True
    claimed = set(lifelines) | ({caption} if caption else set())
    reader = _Reader(ex, lifelines, known, known_states, claimed)
    reader.last = _as_left(charts)[0][-1] if charts and _as_left(charts)[0] else None
    # "Highlight the '.com TLD server' column … Draw a blue arrow from the resolver to it": the party in focus
    reader.focus = next((_party(str(b.params.get("target")), lifelines) for b in reversed(since_clear(ctx))
                         if b.kind == "highlight" and b.params.get("target")
                         and _party(str(b.params.get("target")), lifelines)), None)
    events = reader.events()
    messages, states = _order(events, ctx, i, charts)
    if charts and not _has("send_verbs", mask_shown(s)):
        # 'The arrow for "seg 22" stops halfway and ends with a red X': the message drawn before is lost, not a new one
        for m in [m for m in messages if m.get("lost")]:
            beat = next((b for b in reversed(charts) if any(x.get("label") == m["label"] and not x.get("lost")
                                                          for x in b.params.get("messages") or [])), None)
            if beat is None:
                continue
            moved = [dict(x, lost=True) if x.get("label") == m["label"] else x for x in beat.params["messages"]]
            note = next((q for q in ex.quoted if q != m["label"] and len(q) <= 30 and q.lower() in ("lost", "dropped",
                                                                                                  "timeout")), None)
            if note:
                moved = [dict(x, note=note) if x.get("label") == m["label"] else x for x in moved]
                ctx.consumed.add(note)
            charts[charts.index(beat)] = ctx.replace(beat, Beat(beat.kind, dict(beat.params, messages=moved), beat.strings,
                                                                beat.rule + "+lost", beat.source, beat.detail_index,
                                                                beat.keywords), i)
            messages.remove(m)
            ctx.consumed.add(m["label"])
            ctx.stop = True
    messages = messages[:_MAX]
    states = [x for x in states if x.get("after") is None or x["after"] < _MAX][:_MAX]
    time_arrow = bool(_has("time_arrow", s)) and not messages
    if side:
        ctx.lost(i, "the diagrams are drawn one after the other, not side by side")
    labels = [x["label"] for x in messages] + [x["text"] for x in states]
    if time_arrow:
        labels += [q for q in ex.quoted if q.strip().lower() == "time"]
    if new:
        params = _whole(lifelines, messages, states, time_arrow=time_arrow, caption=caption)
        ctx.consumed.update(_drawn(params) + labels + ([caption] if caption else []))
        if not charts and len(_parties(s)) < 2 or any(x.get("lost") for x in messages):
            ctx.stop = True  # the chart is all the sentence draws ("Split the screen into two timing diagrams")
        rule = "message_chart:lifelines" if not charts else "message_chart:second-chart"
        return [_beat("message_chart", rule, ex, i, _drawn(params), _kw(s) + ("message",), **params)]
    if time_arrow and not charts[0].params.get("time_arrow"):
        base = charts[0]
        params = dict(base.params, time_arrow=True)
        ctx.replace(base, Beat(base.kind, params, base.strings + ("time",), base.rule, base.source, base.detail_index,
                               base.keywords), i)
        ctx.consumed.update(labels)
    if not (messages or states or caption):
        named = [q for q in ex.quoted if any(q.strip().lower() == x.lower() for x in lifelines)]
        timed = [q for q in ex.quoted if q.strip().lower() == "time"] if time_arrow else []
        if named and len(named) == len(ex.quoted) and re.search(r"\b(?:head(?:ing|er)s?|names?|titles?|labels?)\b", masked, re.I) \
                or timed and len(timed) == len(ex.quoted):
            # "Headings above them: "Client" and "Server"": the lifelines' own names; "a small downward arrow at the
            # far left labeled "time"": the chart's time arrow
            ctx.consumed.update(named + timed)
            ctx.modified.add(i)
            ctx.stop = True
        return []
    if any(x.get("lost") for x in messages):
        ctx.stop = True  # "… lost halfway with a red cross": the cross is the lost message's, not an icon
    ctx.consumed.update(labels + [x["note"] for x in messages if x.get("note")] + ([caption] if caption else []))
    if not re.match(r"\s*(?:then\s+|and\s+|now\s+)?(?:" + operation_verbs() + r")\b", s, re.I):
        # "from 'Your computer' to …": the parties (but "Highlight the '.com' column with sub-label …" marks it too)
        ctx.consumed.update(q for q in ex.quoted if _party(q, lifelines))
    if messages and not [q for q in ex.quoted if q not in ctx.consumed]:
        ctx.stop = True  # the arrow is the message, not also a box diagram of its parties
    params = {"extend": True, "messages": messages or None, "states": states or None, "caption": caption}
    return [_beat("message_chart", "message_chart:messages", ex, i, labels, _kw(s),
                  **{k: v for k, v in params.items() if v is not None})]


_BOX_MESSAGE = re.compile(r"^[ \t]*(?:\d{1,2}[.)][ \t]*)?(?P<a>[A-Za-z][\w .-]{0,30}?)[ \t]*(?:->|→|⟶)[ \t]*"
                          r"(?P<b>[A-Za-z][\w .-]{0,30}?)[ \t]*(?:\((?P<how>[^()\n]{1,30})\))?[ \t]*:[ \t]*" + _Q + r"[ \t]*[.,;]?$",
                          re.M)


def _node_named(name: str, nodes: list[str]) -> str | None:
    """The one box whose label holds the words of `name` ("laptop" -> "Your laptop\\n(stub resolver)"); None if none
    or several do."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in ("the", "a", "server", "box")] or \
        re.findall(r"[a-z0-9]+", name.lower())
    def holds(label: str) -> bool:
        return bool(words) and all(re.search(r"(?<![a-z0-9])" + re.escape(w) + r"(?![a-z0-9])", label.lower()) for w in words)

    # (the name a box is called by comes first: "resolver" is "Recursive resolver", not "Your laptop (stub resolver)")
    for hits in ([n for n in nodes if holds(n.split("\n")[0])], [n for n in nodes if holds(n)]):
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
    return None


def rule_box_messages(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Messages written one a line between the boxes on screen — "1. laptop → resolver: 'A? www.example.com'",
    "3. root → resolver (dashed): 'ask .com'" — are a message chart whose lifelines are those boxes, the messages in
    the order written (dashed ones, or replies, as replies); the boxes give way to it."""
    lines = list(_BOX_MESSAGE.finditer(ex.sentence))
    if len(lines) < 2:
        return []
    flow = next((b for b in reversed(since_clear(ctx)) if b.kind == "flow"), None)
    if flow is None or flow.params.get("direction") == "cycle":
        return []
    nodes = [str(n) for n in flow.params.get("nodes") or []]
    messages, used = [], []
    for m in lines:
        a, b = _node_named(m.group("a"), nodes), _node_named(m.group("b"), nodes)
        if a is None or b is None:
            return []  # (a party that is no box on screen: not this reading)
        name_a, name_b = (x.split("\n")[0].strip()[:40] for x in (a, b))
        msg = {"from": name_a, "to": name_b, "label": m.group(4)[:60]}
        if m.group("how") and re.search(r"\b(?:dash\w*|repl\w*|respon\w*|answer\w*|return\w*)\b", m.group("how"), re.I):
            msg["reply"] = True
        messages.append(msg)
        used += [name_a, name_b]
    parties = [n.split("\n")[0].strip()[:40] for n in nodes if n.split("\n")[0].strip()[:40] in used]
    if len(parties) > 6:
        return []
    kept = messages[:12]
    if len(messages) > 12:
        ctx.lost(i, f"{len(messages) - 12} of the {len(messages)} messages (a chart holds 12) are not drawn")
    ctx.consumed.update(m.group(4) for m in lines)
    ctx.stop = True
    params = _whole(parties, kept, [])
    return [_beat("clear", "clear:boxes-to-chart", ex, i, (), kinds=["flow"]),
            _beat("message_chart", "message_chart:between-boxes", ex, i, _drawn(params), _kw(ex.sentence) + ("message",),
                  **params)]
