"""A value shown twice stays the same in both places: when a table row keyed by a graph's node is updated ("update
B row to 'B | 3 | C'") and the node carries a note with the row's old value (its distance "4" beside node B), the
note follows the table (a note step on the graph right after the update), so the picture never contradicts the
table beside it. A composition pass over a scene's beats.
"""

from __future__ import annotations

from .beats import Beat

_SAME = {"inf": "∞", "infinity": "∞", "∞": "∞", "-": "-", "—": "-"}


def _norm(v: object) -> str:
    s = str(v).strip()
    return _SAME.get(s.lower(), s)


def mirrored_notes(beats: list[Beat]) -> list[Beat]:
    notes: dict[str, str] = {}
    table: Beat | None = None
    graph = False
    out: list[Beat] = []
    for b in beats:
        out.append(b)
        if b.kind == "clear":
            notes, table, graph = {}, None, False
        elif b.kind == "graph":
            if not b.params.get("extend"):
                notes, graph = {}, True
            for st in b.params.get("steps") or []:
                if st.get("action") == "note" and st.get("text") is not None:
                    for n in st.get("nodes") or []:
                        notes[str(n)] = _norm(st["text"])
        elif b.kind == "table":
            previous, table = table, b
            if not (graph and notes and previous is not None and b.params.get("update")):
                continue
            steps = []
            for old, new in zip(previous.params.get("rows") or [], b.params.get("rows") or []):
                if not old or not new or _norm(old[0]) != _norm(new[0]) or str(old[0]) not in notes:
                    continue
                node = str(old[0])
                changed = [new[k] for k in range(1, min(len(old), len(new)))
                           if _norm(old[k]) == notes[node] and _norm(new[k]) != _norm(old[k])]
                if len(changed) == 1:
                    notes[node] = _norm(changed[0])
                    steps.append({"action": "note", "nodes": [node], "text": notes[node]})
            if steps:
                out.append(Beat("graph", {"extend": True, "steps": steps}, tuple(s["text"] for s in steps),
                                "graph:note-follows-table", b.source, b.detail_index, b.keywords))
    return out
