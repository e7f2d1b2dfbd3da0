"""The rule for layered neural networks: layers and their sizes as written ("an input layer (784 neurons),
hidden layer 1 with 16 neurons …", "layers of 784, 16, 16 and 10"), their names ("Label the layers …"),
and a layer larger than the nodes drawn cut by an ellipsis with its size in its label.
"""

from __future__ import annotations

import re
from .beats import Beat
from .context import Context, _beat, _cue, _kw, since_clear
from ..components.network import DRAWN as NETWORK_DRAWN, MAX_LAYERS as _NET_MAX
from .extract import WORD_NUMBERS, Extracted, clause_spans, count_in, enumeration
from .knowledge import network_words
from .quantity import NUM


def number_or_text(v: str):
    try:
        f = float(v)
    except ValueError:
        return v
    return int(f) if f.is_integer() and "." not in v else f


def label_after(sentence: str) -> str | None:
    m = re.search(r"\b([A-Z]\w{0,7})\s*=\s*(?:\(?\s*" + NUM + r"\s*\)?\s*[*·×]?\s*)?\[\s*\[", sentence)
    if m:
        return m.group(1)  # "the matrix A = [[2, 1], [0, 1]]", "Patch = [[10, 10, 90], …]", "K = (1/9) * [[…]]"
    m = re.search(r"\bmatri(?:x|ces)\s+(?:of|for)\s+(?:the\s+)?([a-z][\w -]{1,30}?)(?:[.,;]|$)", sentence, re.I)
    if m:
        return m.group(1).strip().title()
    m = re.search(r"\b([A-Z][\w-]*)\s+matri(?:x|ces)\b", sentence)
    verbs = {"Show", "Display", "Draw", "Animate", "Write", "Present", "Then", "Use", "Add", "Highlight"}
    return m.group(1) if m and m.group(1) not in verbs else None


def rule_network(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """"Draw a neural network with an input layer (784 neurons), hidden layer 1 with 16 neurons … and an output layer
    with 10 neurons", "layers of 784, 16, 16 and 10", "4 input neurons, 5 hidden neurons and 3 output neurons": the
    layers and sizes as written (a layer larger than the component draws says its size in its label); "Label the layers
    "A", "B", "C"" names the layers of the network on screen."""
    on_screen = next((b for b in since_clear(ctx) if b.kind == "network"), None)
    if on_screen is not None and _network_labels(ex, ctx, i, on_screen):
        return []
    neuron = _single_neuron(ex, ctx, i) if on_screen is None else None
    if neuron is not None:
        return neuron
    if on_screen is not None and not ex.quoted and re.match(r"^\s*(?:\d+[.)]\s*)?(?:then\s+)?connect\s+(?:each|every|all|the)\b",
                                                           ex.sentence, re.I):
        ctx.modified.add(i)  # "Connect each input to the neuron with a line": the network's edges, drawn with it
        ctx.stop = True
        return []
    if not _cue(ex, r"\b(?:" + network_words()["cues"] + r")\b"):
        return []
    if on_screen is not None and not _cue(ex, r"\b(?:an?|another|new|second)\s+(?:[\w-]+\s+){0,3}?(?:" + network_words()["nouns"]
                                          + r")\b"):
        return []  # "Label the output neurons with the digits 0 to 9": the neurons of the network on screen
    layers = _network_layers(ex, ctx, i)
    if len(layers) > _NET_MAX:
        ctx.lost(i, f"a network draws at most {_NET_MAX} layers: {', '.join(n for n, _ in layers[_NET_MAX:])} not drawn")
        layers = layers[:_NET_MAX]
    names = [_with_size(name, size) for name, size in layers]
    ctx.consumed.update(name for name, _ in layers if name in ex.quoted)
    return [_beat("network", "network:neural-network-cue", ex, i, names, ("network", "layer", "neural"),
                  layers=[size for _, size in layers], labels=names)]


def _single_neuron(ex: Extracted, ctx: Context, i: int) -> list[Beat] | None:
    """"Draw three input circles on the left … labelled "x₁ = 2", "x₂ = 1", "x₃ = 0.5"; a larger neuron circle at (0, 0);
    and an output circle at (3.5, 0)": one neuron — its inputs, itself and its output as the layers of a network."""
    m = re.search(r"\b(\d|two|three|four|five|six)\s+input\s+(?:circles|nodes|neurons|dots)\b", ex.sentence, re.I)
    if not m or not re.search(r"\bneuron\s+(?:circle|node)\b|\b(?:circle|node)\s+for\s+the\s+neuron\b", ex.sentence, re.I):
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else WORD_NUMBERS[m.group(1).lower()]
    names = [q for q in ex.quoted if q not in ctx.consumed]
    inputs = names[:n] if len(names) >= n and ex.sentence.find(names[0]) > m.start() else [""] * n
    output = re.search(r"\boutput\s+(?:circle|node|neuron)\b", ex.sentence, re.I) is not None
    layers = [n, 1] + ([1] if output else [])
    nodes = inputs + [""] * (len(layers) - 1)
    ctx.consumed.update(x for x in inputs if x)
    ctx.stop = not [q for q in ex.quoted if q not in ctx.consumed]
    return [_beat("network", "network:single-neuron", ex, i, [x for x in inputs if x], ("network", "neuron"),
                  layers=layers, nodes=nodes if any(nodes) else None)]


_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"  # 784, 1,024


def _with_size(label: str, size: int) -> str:
    """A layer's label, with its size when the component draws it as a column cut by an ellipsis: "Input (784)"."""
    if size <= NETWORK_DRAWN or re.search(r"(?<![\d,])" + f"{size:,}".replace(",", ",?") + r"(?![\d,])", label):
        return label
    return f"{label} ({size:,})"


def _network_labels(ex: Extracted, ctx: Context, i: int, net: Beat) -> bool:
    """"Label the layers "Input (784)", "Hidden 1 (16)", "Hidden 2 (16)", "Output (10)"": the layers of the network on
    screen take those labels, one each in order."""
    sizes = net.params.get("layers") or []
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if not (_cue(ex, r"\b(?:label|name|call|caption|title)\w*\b") and _cue(ex, r"\blayers\b")) or len(quoted) != len(sizes):
        return False
    names = [_with_size(q, n) for q, n in zip(quoted, sizes)]
    ctx.consumed.update(quoted)
    ctx.replace(net, Beat("network", dict(net.params, labels=names), tuple(names), net.rule.split("+")[0] + "+labels",
                          net.source, net.detail_index, net.keywords + sum((_kw(q) for q in quoted), ())), i)
    ctx.stop = True
    return True


def _network_layers(ex: Extracted, ctx: Context, i: int) -> list[tuple[str, int]]:
    """(label, size) of each layer the sentence describes, in order: each layer with its size ("an input layer (784
    neurons…)", "hidden layer 1 with 16 neurons", "4 input neurons"), a list of sizes ("layers of 784, 16, 16 and 10",
    "layer sizes [3, 4, 2]"), the layers named ("with input, hidden, and output layers") or counted ("four layers")."""
    words = network_words()
    bare = ex.bare or ex.sentence
    roles = [(label, pat) for label, pat, _ in words["roles"]]
    default = {label: size for label, _, size in words["roles"]}
    count = re.search(r"\b(\d|" + "|".join(WORD_NUMBERS) + r")\s+layers\b", bare, re.I)
    total = count_in(count.group(1)) if count else None
    listed = re.search(r"\b(?:" + words["sizes"] + r")\s*:?\s*(?:of\s+)?\[?\s*((?:" + _COUNT + r")(?:\s*(?:,\s*(?:and\s+)?|"
                       r"\band\s+|[-–])\s*(?:" + _COUNT + r"))+)", bare, re.I) or re.search(
        r"\b(\d+(?:[-–]\d+){1,7})[- ](?:layers?\b|" + words["cues"] + r")", bare, re.I)
    written = _written_layer_names(ex, ctx)
    if listed:
        sizes = [int(x.replace(",", "")) for x in re.findall(_COUNT, re.sub(r"\s*,\s+", " ; ", listed.group(1)))]
        names = written if written and len(written) == len(sizes) else _default_layer_names(len(sizes))
        return list(zip(names, sizes))
    described = _described_layers(bare, roles, words["units"])
    if any(size is not None for _, _, size in described):
        rank = {label: k for k, (label, _) in enumerate(roles)}
        middle = len(roles) // 2
        described.sort(key=lambda d: rank.get(d[0], middle) if d[0] else middle)  # (stable: as written within a role)
        if total and total > len(described):
            at = next((k for k, d in enumerate(described) if d[0] and rank.get(d[0], 0) > middle), len(described))
            described[at:at] = [(roles[middle][0], None, None)] * (total - len(described))
        hidden = [d for d in described if d[0] == roles[middle][0]]
        out, seen = [], 0
        for k, (role, index, size) in enumerate(described):
            name = role or f"Layer {index or k + 1}"
            if role == roles[middle][0]:
                seen += 1
                name = f"{role} {index or seen}" if len(hidden) > 1 else role
            out.append((name, size or default.get(role or roles[middle][0])))
        names = [n for n, _ in out]
        if written and len(written) == len(out):
            names = written
        return [(n, size) for n, (_, size) in zip(names, out)]
    names = written or enumerate_layers(ex.sentence) or _default_layer_names(total or 3)
    by_place = [r[0] for r in roles]  # (first, middle…, last: the sizes of the layers in those places)
    place = [by_place[0] if k == 0 else by_place[-1] if k == len(names) - 1 else by_place[len(by_place) // 2]
             for k in range(len(names))]
    return [(n, default.get(n, default[p])) for n, p in zip(names, place)]


def _default_layer_names(n: int) -> list[str]:
    roles = [label for label, _, _ in network_words()["roles"]]
    first, middle, last = roles[0], roles[len(roles) // 2], roles[-1]
    if n <= 2:
        return [first, last][:max(n, 1)] if n == 2 else [first]
    hidden = [middle] if n == 3 else [f"{middle} {k}" for k in range(1, n - 1)]
    return [first, *hidden, last]


def _written_layer_names(ex: Extracted, ctx: Context) -> list[str]:
    """Layer labels the sentence writes: quoted after a labelling word ("labelled "In", "Out""), or listed after it
    ("labelled Input, Hidden, Output")."""
    quoted = [q for q in ex.quoted if q not in ctx.consumed]
    if len(quoted) >= 2 and _cue(ex, r"\b(?:labell?ed|called|named)\b"):
        return quoted  # (claimed by rule_network when they are the labels drawn)
    m = re.search(r"\b(?:labell?ed|called|named)\s+(.+?)(?:\.\s*$|$)", ex.bare or ex.sentence, re.I)
    return [x.strip().title() for x in enumeration(m.group(1))] if m else []


def _described_layers(bare: str, roles: list[tuple[str, str]], units: str) -> list[tuple[str | None, int | None, int | None]]:
    """(role label or None, index written after "layer", size or None) of each clause that describes a layer: it names
    its role (`input`, `hidden`, `output`) next to "layer" or its nodes, or it is "layer N" with a size."""
    out: list[tuple[str | None, int | None, int | None]] = []
    for clause in (bare[a:b].strip() for a, b in clause_spans(bare)):
        low = clause.lower()
        role = next((label for label, pat in roles if re.search(r"\b(?:" + pat + r")\b", low)), None)
        pat = dict(roles).get(role, r"(?!)")
        size_m = re.search(r"(?<![\w.,])(" + _COUNT + r")\s+(?:[a-z-]+\s+){0,2}?(?:" + units + r")\b", low) or re.search(
            r"\b(?:" + pat + r"|layer)\s*(?:layer\s*)?\(\s*(" + _COUNT + r")\s*\)", low) or re.search(
            r"\blayers?\b[^\d]{0,12}?\b(?:with|of|has|having|size)\s+(" + _COUNT + r")\b(?!\s*(?:%|layers?))", low)
        index_m = re.search(r"\blayer\s+(\d{1,2})\b(?!\s*(?:" + units + r")\b)", low)
        named = role is not None and re.search(r"\b(?:" + pat + r")\s+(?:layers?|" + units + r")\b", low)
        if not (named or size_m and (role or index_m or re.search(r"\blayer\b", low))):
            continue
        size = int(size_m.group(1).replace(",", "")) if size_m else None
        times = re.search(r"\b(\d|" + "|".join(WORD_NUMBERS) + r")\s+(?:" + pat + r")\s+layers\b", low)
        out.extend([(role, int(index_m.group(1)) if index_m else None, size)] * (count_in(times.group(1)) if times else 1))
    return out


def enumerate_layers(sentence: str) -> list[str]:
    m = re.search(r"with\s+(.+?)\s+layers", sentence, re.I)
    if not m:
        return []
    return [x.strip().title() for x in enumeration(m.group(1))][:6]


_NEURAL = re.compile(r"\bneurons?\b|\bneural\b|\bperceptrons?\b|\bbackprop\w*\b|\bactivations?\b", re.I)


def tiny_networks(beats: list[Beat], about: str) -> list[Beat]:
    """In a scene about a neural network, circles drawn in a row and joined one to the next ("Draw three circles in a
    row labeled "x", "h", "y_hat". Draw a line from x to h labeled "w1 = 0.5" …") are a network of one node per
    layer: its nodes named inside, its weights on its edges."""
    if not (_NEURAL.search(about) or re.search(network_words()["cues"], about, re.I)):
        return beats
    out = []
    for b in beats:
        net = _chain_as_network(b) if b.kind == "drawing" else None
        out.append(b if net is None else Beat("network", net, b.strings, b.rule + "+network", b.source, b.detail_index,
                                               b.keywords))
    return out


def _chain_as_network(b: Beat) -> dict | None:
    shapes = list(b.params.get("shapes") or [])
    circles = [x for x in shapes if x.get("type") == "circle"]
    links = [x for x in shapes if x.get("type") in ("line", "arrow")]
    if not 2 <= len(circles) <= _NET_MAX or len(circles) + len(links) != len(shapes) or not links:
        return None
    ids = [c["id"] for c in circles]
    for k, c in enumerate(circles):
        if c.get("count", 1) != 1 or any(c.get(r) for r in ("inside", "around", "above", "below", "left_of", "between")):
            return None
        if k and c.get("right_of") != ids[k - 1]:
            return None
    weights = [""] * (len(circles) - 1)
    for e in links:
        if (e.get("from"), e.get("to")) not in zip(ids, ids[1:]):
            return None
        weights[ids.index(e["from"])] = str(e.get("label") or "")
    params: dict = {"layers": [1] * len(circles), "nodes": [str(c.get("label") or "") for c in circles]}
    if any(weights):
        params["weights"] = weights
    return params
