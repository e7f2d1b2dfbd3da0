"""Planner rules for message sequence charts: parties on lifelines, the messages between them in time,
their states.

    Draw two vertical timelines: "Client" on the left and "Server" on the right.
    Draw an arrow from Client to Server labeled "SYN seq=100".
    The server replies with "SYN-ACK ack=101".        Client sends "ACK" to the server.
    Change the client's state label to "ESTABLISHED".   The packet is lost: a red cross halfway.

A chart starts when the details name lifelines or timelines (or a sequence or ladder diagram) with two or
more parties; then every sentence that sends something from one party to another adds a message to the
chart on screen (`extend`), in time order, and a state named for a party begins after the last message.
"""

from __future__ import annotations

import re

from .beats import Beat
from .context import Context, _beat, _kw, since_clear
from .extract import Extracted

_Q = r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]"
_CHART = re.compile(r"\b(?:life ?lines?|time ?lines?|vertical (?:lines|timelines)|sequence diagram|ladder diagram|"
                    r"message (?:sequence )?(?:chart|diagram)|swim ?lanes?)\b", re.I)
_SEND = re.compile(r"\b(?:sends?|sending|sent|replies|reply|replying|responds?|responding|answers?|acknowledges?|"
                   r"returns?|retransmits?|resends?|forwards?)\b", re.I)


def _chart(ctx: Context) -> Beat | None:
    return next((b for b in since_clear(ctx) if b.kind == "message_chart" and not b.params.get("extend")), None)


def _parties(s: str) -> list[str]:
    """The parties a chart sentence names: quoted ("Client" on the left), else capitalised nouns of a list."""
    quoted = [m.group(1) for m in re.finditer(_Q, s) if len(m.group(1).split()) <= 3 and not re.search(r"[=:<>]", m.group(1))
              and not re.search(r"\bstates?\b[^.;\"\u201c]{0,25}$", s[:m.start()], re.I)]  # "state "LISTEN"": a state
    named = [q for q in quoted if not re.fullmatch(r"[A-Z0-9_-]{3,}", q)]  # "CLOSED", "SYN-SENT": states, not parties
    if len(named) >= 2:
        return list(dict.fromkeys(named))[:6]
    if len(quoted) >= 2:
        return list(dict.fromkeys(quoted))[:6]
    m = re.search(r"\b(?:for|labell?ed|named|called|:)\s+(?:the\s+)?([A-Z][\w-]+(?:\s*(?:,|and)\s*(?:the\s+)?[A-Z][\w-]+)+)", s)
    if m:
        return list(dict.fromkeys(x.strip() for x in re.split(r",|\band\b", m.group(1)) if x.strip()))[:6]
    return []


def _party(name: str, lifelines: list[str]) -> str | None:
    """"the client", "Client's", "server" -> the lifeline they name."""
    n = re.sub(r"^(?:the|a|an)\s+|['\u2019]s$", "", name.strip(), flags=re.I).lower()
    return next((x for x in lifelines if x.lower() == n or x.lower().startswith(n) or n.startswith(x.lower())), None)


def rule_message_chart(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    s = ex.sentence
    chart = _chart(ctx)
    if chart is None:
        if not _CHART.search(s):
            return []
        lifelines = _parties(s)
        if len(lifelines) < 2:
            return []
        ctx.consumed.update(lifelines)
        params: dict = {"lifelines": lifelines}
        states = [{"lifeline": x, "text": m.group(1)} for x in lifelines for m in [re.search(
            re.escape(x) + r"[\"\u201d]?[^.;\"\u201c]{0,40}?\bstates?\s+(?:is\s+|of\s+)?" + _Q, s)] if m]
        if states:  # "Client" on the left with state "CLOSED": where each party starts
            params["states"] = states
            ctx.consumed.update(st["text"] for st in states)
        if re.search(r"\btime\b[^.]*\barrow\b|\barrow\b[^.]*\btime\b|\btime (?:flows|runs|goes) down", s, re.I):
            params["time_arrow"] = True
        return [_beat("message_chart", "message_chart:lifelines", ex, i, lifelines + [st["text"] for st in states],
                      _kw(s) + ("message",), **params)]
    lifelines = list(chart.params.get("lifelines") or [])
    names = "|".join(re.escape(x) for x in sorted(lifelines, key=len, reverse=True))
    who = r"(?:the\s+)?(" + names + r")(?:['\u2019]s)?"
    messages, states = [], []
    for m in re.finditer(r"\b(?:arrow|message|packet|segment|request|response)s?\b[^.;]{0,40}?\bfrom\s+" + who + r"\s+to\s+" + who
                         + r"[^.;\"\u201c]{0,40}?" + _Q, s, re.I):
        messages.append({"from": _party(m.group(1), lifelines), "to": _party(m.group(2), lifelines), "label": m.group(3)})
    if not messages:
        m = re.search(who + r"\s+(?:then\s+|now\s+)?" + _SEND.pattern + r"[^.;\"\u201c]{0,30}?" + _Q + r"(?:[^.;]{0,20}?\bto\s+" + who
                      + r")?", s, re.I)
        if m:
            src = _party(m.group(1), lifelines)
            dst = _party(m.group(3), lifelines) if m.group(3) else next((x for x in lifelines if x != src), None)
            reply = re.search(r"\brepl|respon|answer|acknowledg", m.group(0), re.I) is not None
            messages.append({"from": src, "to": dst, "label": m.group(2), **({"reply": True} if reply else {})})
    for msg in messages:
        if re.search(r"\blost\b|\bdropped\b|\bnever arrives\b|\bred (?:x|cross)\b", s, re.I):
            msg["lost"] = True
        if re.search(r"\bretransmit\w*|\bresend\w*|\bretr(?:y|ies)\b|\bagain\b", s, re.I):
            msg["note"] = "retry"
    for m in re.finditer(who + r"\s+(?:state\s+)?(?:label\s+)?(?:changes?|becomes?|moves?|goes|switch\w*|enters?)?\s*(?:to|into)?\s*"
                         + r"(?:the\s+)?(?:state\s+)?" + _Q, s, re.I):
        if re.search(r"\bstate\b|\bbecomes?\b|\benters?\b|\bmoves? to\b", s, re.I):
            states.append({"lifeline": _party(m.group(1), lifelines), "text": m.group(2)})
    m = re.search(r"\b(?:change|set|update|switch)\w*\s+(?:the\s+)?" + who + r"\s+state(?:\s+label)?\s+(?:to|into)\s+" + _Q, s, re.I)
    if m and not states:
        states.append({"lifeline": _party(m.group(1), lifelines), "text": m.group(2)})
    both = re.search(r"\b(?:both|all|each)\b(?:\s+(?:sides|parties|states|ends|lifelines))?[^.;\"\u201c]{0,30}?\b(?:become|are|move to|"
                     r"enter|switch to|change to|now)\b[^.;\"\u201c]{0,12}?" + _Q, s, re.I)
    if both and not states:
        states += [{"lifeline": x, "text": both.group(1)} for x in lifelines]  # "Both states become "ESTABLISHED""
    messages = [x for x in messages if x["from"] and x["to"]][:12]
    states = [x for x in states if x["lifeline"]][:12]
    if not (messages or states):
        return []
    for st in states:
        if messages:
            st["after"] = len(messages) - 1  # after this beat's last message (counted from it); else after the chart's
    if any(x.get("lost") for x in messages):
        ctx.stop = True  # "… lost halfway with a red cross": the cross is the lost message's, not an icon
    labels = [x["label"] for x in messages] + [x["text"] for x in states]
    ctx.consumed.update(labels)
    params = {"extend": True, "messages": messages or None, "states": states or None}
    return [_beat("message_chart", "message_chart:messages", ex, i, labels, _kw(s),
                  **{k: v for k, v in params.items() if v is not None})]
