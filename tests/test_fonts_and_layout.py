"""Missing-font warnings, and the layout checker catching what it must."""

from __future__ import annotations

import json

from compiler import fonts
from compiler.dryrun import run_scene
from compiler.pipeline import font_warnings
from compiler.plan import plan_storyboard
from compiler.models import Storyboard

from .conftest import scene


def test_missing_script_names_the_package(monkeypatch):
    monkeypatch.setattr(fonts, "covered", lambda cp: cp < 0x3000)
    sb = Storyboard.model_validate({"scenes": [scene('Show "中文字符" and "hello".', "Narration here.")]})
    warnings = font_warnings(plan_storyboard(sb).scenes)
    assert len(warnings) == 1 and "SB304" in warnings[0] and "fonts-noto-cjk" in warnings[0] and "中" in warnings[0]


def test_latin_and_covered_scripts_give_no_warning(monkeypatch):
    monkeypatch.setattr(fonts, "covered", lambda cp: True)
    assert fonts.missing_scripts(["Hello", "Ελληνικά", "e\u0301", "中文"]) == {}
    assert fonts.missing_scripts(["plain ascii only"]) == {}


OFF_FRAME = '''
from manim import *
from compiler.runtime import SbcScene

THEME = {"background": "#000000", "text": "#FFFFFF", "title": "#FFFFFF", "accent": "#FFFFFF", "roles": {},
         "labels": {}, "palette": [], "font": "DejaVu Sans", "mono_font": "DejaVu Sans Mono"}


class Scene01(SbcScene):
    theme = THEME
    total_duration = 3.0

    def construct(self):
        self.at(0.2)
        self.add(Text("far away", font_size=40).move_to([9, 0, 0]))
        self.at(1.0)
        self.add(Text("one", font_size=40), Text("two", font_size=40).shift(0.1 * RIGHT))
        self.finish()
'''


def test_layout_checker_catches_off_frame_and_overlap():
    ins = run_scene(OFF_FRAME, "Scene01", 1)
    kinds = {(v.beat, v.kind) for v in ins.violations}
    assert (1, "outside") in kinds          # end of beat 1: text beyond the right edge
    assert (2, "overlap") in kinds          # end of beat 2: "one" and "two" overlap
    assert any("outside the safe area" in v.message for v in ins.violations)


def test_gallery_has_no_violations_in_a_few_scenes():
    from .conftest import STORYBOARDS
    from compiler.inspect import inspect_storyboard

    sb = Storyboard.model_validate(json.loads((STORYBOARDS / "gallery.json").read_text()))
    result = inspect_storyboard(sb, scenes=[4, 11, 15], jobs=1)
    assert [v for s in result for v in s.violations] == []
