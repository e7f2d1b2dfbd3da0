"""`sbc watch`: change detection, the per-scene frame cache, and one edit cycle of the real command."""

from __future__ import annotations

import _thread
import json
import os
import threading
import time
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from compiler.cli import app
from compiler.watch import ChangeDetector, FrameCache, PreviewSession, Refresh, scene_key, watch_file

from .conftest import scene

runner = CliRunner()


def _story(titles: list[str], styles: list[str] | None = None) -> dict:
    styles = styles or ["Dark blue background."] * len(titles)
    return {"scenes": [scene(f'Show the title "{t}". Show the equation `E = mc^2`.', f"This is {t}. It has a formula.",
                             style=s) for t, s in zip(titles, styles)]}


def _dump(data: dict) -> bytes:
    return (json.dumps(data, indent=2) + "\n").encode()


# ------------------------------------------------------------------------------ change detection
def test_change_detector_sees_new_bytes_not_new_stats(tmp_path):
    f = tmp_path / "s.json"
    f.write_bytes(b"one")
    now = [time.time() + 100]  # mtimes are old: only a changed stat makes it read the file
    det = ChangeDetector(f, clock=lambda: now[0])
    assert det.poll() == b"one"
    assert det.poll() is None
    f.write_bytes(b"one")  # saved again, same bytes: no change
    assert det.poll() is None and det.poll() is None
    f.write_bytes(b"two")
    assert det.poll() is None  # the stat changed: read once it holds for a poll
    assert det.poll() == b"two"
    f.unlink()  # an editor's save by rename: the file is gone for a moment
    assert det.poll() is None
    tmp = tmp_path / "s.json.tmp"
    tmp.write_bytes(b"three")
    os.replace(tmp, f)
    assert det.poll() is None
    assert det.poll() == b"three"


def test_change_detector_does_not_read_a_save_half_way(tmp_path):
    """An editor that truncates the file, then writes it: the empty file seen between is never returned."""
    f = tmp_path / "s.json"
    f.write_bytes(b'{"scenes": []}')
    det = ChangeDetector(f)
    assert det.poll() == b'{"scenes": []}'
    f.write_bytes(b"")  # truncated; the new bytes are not written yet
    assert det.poll() is None
    f.write_bytes(b'{"scenes": [1]}')
    assert det.poll() is None
    assert det.poll() == b'{"scenes": [1]}'
    assert det.poll() is None


def test_change_detector_rehashes_recent_files_whose_stat_did_not_change(tmp_path):
    """A file system with coarse timestamps: same size, same mtime, other bytes — seen while the mtime is recent."""
    f = tmp_path / "s.json"
    f.write_bytes(b"aaaa")
    st = os.stat(f)
    now = [st.st_mtime + 0.5]
    det = ChangeDetector(f, clock=lambda: now[0])
    assert det.poll() == b"aaaa"
    f.write_bytes(b"bbbb")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(f).st_mtime_ns == st.st_mtime_ns
    assert det.poll() == b"bbbb"
    f.write_bytes(b"cccc")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    now[0] = st.st_mtime + 60  # long ago: the stat is trusted, the file is not read
    assert det.poll() is None


def test_frame_cache_drops_the_least_recently_used():
    c = FrameCache(limit=2)
    c.put("a", 1)
    c.put("b", 2)
    assert c.get("a") == 1  # a is now the most recent
    c.put("c", 3)
    assert c.get("b") is None and c.get("a") == 1 and c.get("c") == 3 and len(c) == 2


def test_scene_key_covers_code_and_size():
    assert scene_key("x", (480, 270)) == scene_key("x", (480, 270))
    assert scene_key("x", (480, 270)) != scene_key("y", (480, 270))
    assert scene_key("x", (480, 270)) != scene_key("x", (320, 180))


# ------------------------------------------------------------------------------ the session (capture mocked)
class FakeCapture:
    """Stands in for Manim: one grey frame per beat; records which scenes were drawn."""

    def __init__(self):
        self.drawn: list[int] = []
        self.fail: set[int] = set()

    def __call__(self, gen, size):
        self.drawn.append(gen.number)
        if gen.number in self.fail:
            raise RuntimeError("the component fell over")
        beats = gen.code.count("self.at(")
        return [], [(k + 1, Image.new("RGB", size, (40, 40, 40))) for k in range(beats)]


def test_session_redraws_only_the_scenes_whose_plan_changed(tmp_path):
    f = tmp_path / "s.json"
    sheet = tmp_path / "sheet.png"
    fake = FakeCapture()
    s = PreviewSession(f, sheet, capture_scene=fake, size=(160, 90))
    data = _story(["One", "Two", "Three"])
    r = s.refresh(_dump(data))
    assert r.ok and r.sheet == sheet and sheet.is_file()
    assert sorted(fake.drawn) == [1, 2, 3] and (r.drawn, r.unchanged) == (3, 0)

    fake.drawn.clear()
    data["scenes"][1]["animation_details"] = data["scenes"][1]["animation_details"].replace("Two", "Deux")
    r = s.refresh(_dump(data))
    assert r.ok and fake.drawn == [2] and (r.drawn, r.unchanged) == (1, 2)

    fake.drawn.clear()
    r = s.refresh(json.dumps(data, indent=4).encode())  # reformatted: same plan
    assert r.ok and fake.drawn == [] and (r.drawn, r.unchanged) == (0, 3)

    fake.drawn.clear()
    data["scenes"][0]["animation_style"] = "Dark red background."  # a theme change redraws the scene
    r = s.refresh(_dump(data))
    assert r.ok and fake.drawn == [1]

    fake.drawn.clear()
    data["scenes"][1]["animation_details"] = data["scenes"][1]["animation_details"].replace("Deux", "Two")
    r = s.refresh(_dump(data))  # an undo: the earlier frames are still in memory
    assert r.ok and fake.drawn == []


def test_session_keeps_the_last_good_sheet_on_an_invalid_save(tmp_path):
    f = tmp_path / "s.json"
    sheet = tmp_path / "sheet.png"
    fake = FakeCapture()
    s = PreviewSession(f, sheet, capture_scene=fake, size=(160, 90))
    good = _dump(_story(["One", "Two"]))
    assert s.refresh(good).ok
    before = sheet.read_bytes()
    r = s.refresh(good.replace(b'"scenes": [', b'"scenes": [,', 1))
    assert not r.ok and r.sheet is None and r.message
    assert any(d.code.startswith("SB1") and d.headline().startswith(f"{f}:") for d in r.diagnostics)
    r = s.refresh(good.replace(b'"audio_text"', b'"audio_txt"', 1))  # valid JSON, invalid storyboard
    assert not r.ok and {"SB201", "SB204"} <= {d.code for d in r.diagnostics}
    assert sheet.read_bytes() == before

    fake.fail = {2}
    r = s.refresh(_dump(_story(["One", "Zwei"])))
    assert not r.ok and "scene 2 could not be drawn" in r.message and "RuntimeError" in r.message
    assert sheet.read_bytes() == before


def test_session_reports_planner_warnings(tmp_path):
    f = tmp_path / "s.json"
    s = PreviewSession(f, tmp_path / "sheet.png", capture_scene=FakeCapture(), size=(160, 90))
    data = _story(["One"])
    data["scenes"][0]["animation_details"] += " Wiggle the thing over there softly."
    r = s.refresh(_dump(data))
    assert r.ok and any(d.code == "SB301" and d.headline().startswith(f"{f}:") for d in r.diagnostics)


def test_watch_file_refreshes_on_each_change_and_stops_after_max_cycles(tmp_path):
    saves = [b"a", None, None, b"b", None, b"c"]

    class Det:
        def poll(self):
            return saves.pop(0) if saves else None

    class Session:
        seen: list = []

        def refresh(self, raw):
            self.seen.append(raw)
            return Refresh(True, ())

    sess, got = Session(), []
    n = watch_file(tmp_path / "x", sess, got.append, max_cycles=2, sleep=lambda s: None, detector=Det())
    assert n == 2 and sess.seen == [b"a", b"b"] and len(got) == 2


# ------------------------------------------------------------------------------ the command, one edit cycle
def test_watch_cli_one_edit_cycle(tmp_path):
    f = tmp_path / "story.json"
    data = _story(["One", "Two"])
    data["scenes"][1]["animation_details"] += " Wiggle the thing over there softly."  # SB301
    f.write_bytes(_dump(data))
    sheet = tmp_path / "sheet.png"
    edited = threading.Event()

    def editor():
        end = time.time() + 120
        while not sheet.exists() and time.time() < end:
            time.sleep(0.05)
        first = sheet.stat().st_mtime_ns if sheet.exists() else 0
        data["scenes"][0]["animation_details"] = data["scenes"][0]["animation_details"].replace("One", "Uno")
        f.write_bytes(_dump(data))
        edited.set()
        while time.time() < end:
            if sheet.exists() and sheet.stat().st_mtime_ns != first:
                return
            time.sleep(0.05)
        _thread.interrupt_main()  # never refreshed: stop the command instead of hanging

    t = threading.Thread(target=editor, daemon=True)
    t.start()
    r = runner.invoke(app, ["watch", str(f), "-o", str(sheet), "--max-cycles", "2", "--interval", "0.05"])
    t.join(5)
    assert r.exit_code == 0, r.output
    assert edited.is_set()
    wrote = [line for line in r.output.splitlines() if f" wrote {sheet} in " in line]
    assert len(wrote) == 2, r.output
    assert "(2 scene(s) drawn, 0 unchanged)" in wrote[0] and "(1 scene(s) drawn, 1 unchanged)" in wrote[1]
    assert r.output.count("SB301") == 2  # the warning, printed on each refresh
    assert Image.open(sheet).size[0] > 1000
