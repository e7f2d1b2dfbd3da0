"""Round 16 (storyboards written and labelled by helpers, /tmp/fresh25–26: a gas balloon, Newton's method, merge sort,
Taylor series, the Doppler effect, Huffman codes, an RC circuit, Monte Carlo π): what a picture's sentence quotes is
never listed silently in place of the picture."""

from __future__ import annotations

from compiler.models import Storyboard
from compiler.plan import plan_storyboard

from .conftest import scene


def planned(details: str, style: str = "Default colours.", audio: str = "Some narration here."):
    sb = Storyboard.model_validate({"scenes": [scene(details, audio, style=style)]})
    plan = plan_storyboard(sb)
    return list(plan.scenes[0].beats), [f"{n.code} {n.message}" for n in plan.diagnostics]


def test_labels_of_a_picture_listed_apart_are_said():
    beats, notes = planned('On the right, the balloon circle grows from radius 1.0 ("2.0 L") to radius 1.14 ("3.0 L"), '
                           'with the note "volume × 1.5 → radius × ∛1.5 ≈ 1.14".')
    assert [n for n in notes if "SB307" in n and "balloon circle grows" in n and "listed apart" in n]
    # a list the sentence asks for is no loss: nothing said
    _, notes = planned('On the left, write the given values: "n = 30", "mu = 3.5", "sigma = 1.7".')
    assert not [n for n in notes if "listed apart" in n]
    _, notes = planned('Show four lines on the left: "Client sends SYN", "Server answers", "Client acks", "Done".')
    assert not [n for n in notes if "listed apart" in n]
