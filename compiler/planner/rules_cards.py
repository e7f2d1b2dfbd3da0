"""The rule for cards: quoted figures with their captions (`"30,000+ tok/s" ("Execution speed")`) or quoted items
the sentence calls cards, shown as cards side by side, at most four to a row.
"""

from __future__ import annotations

import re
from .beats import Beat
from .extract import Extracted
from .context import Context, _beat, _kw
from .listing import Q, claim, cue_unquoted, match_text


# ----------------------------------------------------------------------------- cards
def rule_cards(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Three result cards side by side: "30,000+ tok/s" ("Execution speed on CPU"), "Millions of
    steps" ("Correct execution length"), …"; or "cards "A", "B", "C"" (figures only)."""
    bare = re.sub(r"\b(?:fade|remove|hide|clear|dim|replace)\w*\s+(?:out\s+)?(?:the\s+|all\s+|these\s+)?(?:\w+\s+)?(?:cards|panels|"
                  r"tiles)\b|\b(?:below|under|beneath|above|after)\s+the\s+(?:cards|panels|tiles)\b", " ", ex.bare or "", flags=re.I)
    # ("Then fade the cards and show the summary as three numbered lines:": the cards on screen go, a list comes)
    cue = re.search(r"\b(cards?|results?|stats?|statistics|metrics?|kpis?|key (?:numbers|figures)|highlights|"
                    r"side[- ]by[- ]side|panels?|tiles?)\b", bare, re.I)
    card = re.match(r"\s*card\s+(\d{1,2})\s*[:,.]?\s*" + Q + r"(?:\s*(?:,\s*)?(?:with\s+(?:the\s+)?(?:text|caption|line|note|words)|:|"
                    r"\u2014|\u2013| - )\s*" + Q + r")?\s*\.?\s*$", ex.sentence, re.I)
    if not ex.quoted and re.search(r"\b(?:two|three|four|\d)\s+(?:\w+\s+){0,2}cards\b[^:]*:\s*$", ex.sentence, re.I):
        # "Show three framed cards side by side:" then 'Card 1: "…" with the text "…"' a sentence each: drawn by those
        ctx.announced["cards"] = (i, {"unfinished": "the cards it announces are never given their text"})
        ctx.modified.add(i)
        ctx.stop = True
        return []
    if card:
        # 'Card 2: "Doppler ultrasound" with the text "echoes from moving blood"': one card of the row the cards before
        # it started — its figure and caption
        ctx.announced.pop("cards", None)
        fig, cap = match_text(card, 2), match_text(card, 4)
        prev = next((b for b in reversed(ctx.beats) if b.kind == "cards"), None)
        claim(ex, ctx, [fig] + ([cap] if cap else []))
        if prev is not None and prev.rule == "cards:one-a-sentence" and len(prev.params["figures"]) < 4 and \
                int(card.group(1)) == len(prev.params["figures"]) + 1:
            figures = prev.params["figures"] + [fig]
            captions = list(prev.params.get("captions") or [""] * len(prev.params["figures"])) + [cap or ""]
            merged = Beat("cards", dict(prev.params, figures=figures, captions=captions), prev.strings + tuple(
                x for x in (fig, cap) if x), prev.rule, prev.source, prev.detail_index, prev.keywords + _kw(fig))
            ctx.replace(prev, merged, i)
            ctx.stop = True
            return []
        return [_beat("cards", "cards:one-a-sentence", ex, i, [x for x in (fig, cap) if x], _kw(fig), figures=[fig],
                      captions=[cap or ""])]
    listed = re.sub(r"\b(?:below|under|beneath|above|after|beside|next to)\s+the\s+(?:\w+\s+)?list\b", " ", ex.bare or "",
                    flags=re.I)  # ("Below the list, three small cards …": where the cards go)
    if not cue or re.search(r"\bbullets?\b|\bbullet[- ]points?\b|\blist\b", listed, re.I) and not cue_unquoted(
            ex, r"\b(?:as|in|on|into)\s+(?:\w+\s+)?cards\b"):
        return []  # ("Below the cards, list the uses as bullets: …": a list, under the cards on screen)
    each = re.search(r"\beach\s+with\s+(?:an?\s+|its\s+(?:own\s+)?)?(?:[\w-]+\s+){0,2}?(?:notes?|captions?|lines?|labels?|"
                     r"descriptions?|subtitles?)\s*:", ex.sentence, re.I)
    if each and cue_unquoted(ex, r"\bcards?\b"):
        # 'three small cards side by side: "camera", "eye", "projector", each with a one-line note: "…", "…", "…"':
        # the figures, then their notes in the same order
        figs = [match_text(m) for m in re.finditer(Q, ex.sentence[:each.start()])]
        caps = [match_text(m) for m in re.finditer(Q, ex.sentence[each.end():])]
        if 2 <= len(figs) <= 4 and len(caps) == len(figs):
            strings = figs + caps
            claim(ex, ctx, strings)
            return [_beat("cards", "cards:each-with-note", ex, i, strings, sum((_kw(x) for x in strings), ()),
                          figures=figs, captions=caps)]
    # 'Card 3 "Time constant": "τ = RC", "63.2% after τ"' one card a line: its title over its lines
    # ('- card 2 "Forecast" with "xₙ = x₀ Pⁿ"', '- card 1 "Transition matrix" with the small matrix P = [[0.8, 0.2], …]':
    # a bullet, and "with" before what the card holds — quoted, or written out)
    lined = [re.match(r"\s*(?:[-•*]\s*)?card\s+\d{1,2}\s*[:,.]?\s*" + Q + r"\s*(?::|\bwith\b)\s*(.+)$", ln, re.I)
             for ln in ex.sentence.split("\n")[1:]]
    lined = [m for m in lined if m]
    if len(lined) >= 2 and len(lined) == len(ex.sentence.split("\n")[1:]):
        lined = ctx.capped(i, lined, 4, "cards")  # (a row holds four: the rest are said, never cut silently)
        figures = [match_text(m) for m in lined]
        captions = ["\n".join(match_text(q) for q in re.finditer(Q, m.group(m.re.groups))) or re.sub(
            r"^(?:an?|the)\s+(?:small\s+|little\s+)?(?:matrix|formula|equation|vector|text)\s+", "",
            m.group(m.re.groups).strip().rstrip(".")) for m in lined]
        if any(re.search(r"\[\s*\[", c) for c in captions):
            ex.matrices[:] = []  # (a matrix written on a card is the card's)
            ctx.stop = True
        strings = figures + [c for cap in captions for c in cap.split("\n") if c]
        claim(ex, ctx, strings)
        return [_beat("cards", "cards:lines", ex, i, strings, sum((_kw(x) for x in strings), ()), figures=figures,
                      captions=captions)]
    # "FIG" ("CAPTION"), "FIG" (caption words), "FIG": "CAPTION", "FIG" — "CAPTION"
    pairs = []
    for m in re.finditer(Q + r"(?:\s*\(\s*(?:" + Q + r"|([^()\"\u201c]{2,80}))\s*\)|\s*(?::|\u2014|\u2013| - )\s*" + Q +
                         r")?", ex.sentence):
        fig = match_text(m)
        cap = match_text(m, 3) or (m.group(5) or "").strip() or match_text(m, 6)
        pairs.append((fig, cap))
    pairs = [(f, c) for f, c in pairs if f and f not in ctx.consumed]
    with_caption = [p for p in pairs if p[1]]
    if len(with_caption) >= 2:
        pairs = with_caption
    elif not (cue_unquoted(ex, r"\bcards?\b") and len(pairs) >= 2):
        return []
    beats = []
    pairs = ctx.capped(i, pairs, 12, "cards")
    chunks = [pairs[k : k + 4] for k in range(0, len(pairs), 4)]
    for chunk in chunks:
        figures = [f for f, _ in chunk]
        captions = [c for _, c in chunk]
        strings = figures + [c for c in captions if c]
        claim(ex, ctx, strings)
        beats.append(_beat("cards", "cards:figure-caption" if any(captions) else "cards:quoted-figures", ex, i,
                           strings, sum((_kw(x) for x in strings), ()), figures=figures,
                           captions=captions if any(captions) else None))
    return beats
