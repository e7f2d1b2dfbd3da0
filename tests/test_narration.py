"""Narration: normalisation, cache key and cache files, engines (real piper/espeak/hibari), the
scene track, the file engine, and gtts failing fast offline (network layer mocked)."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest
import requests

from compiler.diagnostics import UserError
from compiler.narration import (
    ENGINES,
    Narration,
    cache_key,
    clip_path,
    get_engine,
    narrate_scene,
    normalize_for_speech,
    parse_voice_spec,
    resolve_engine,
    synthesize_cached,
)
from compiler.narration.base import atomic_write, read_wav, write_wav
from compiler.narration.engines.gtts import GttsEngine
from compiler.narration.engines.silent import SilentEngine


def wav_info(path: Path) -> tuple[int, int, int, int]:
    with wave.open(str(path), "rb") as w:
        return w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()


def rms_dbfs(samples: np.ndarray) -> float:
    x = samples.astype(np.float64) / 32768.0
    return 20 * np.log10(np.sqrt(np.mean(x**2)) + 1e-12)


def tone(seconds: float, rate: int, freq: float = 220.0, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t) * 32767).astype(np.int16)


# --- normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Scale by 1/√d_k, e.g. when d_k = 64.", "Scale by 1 over the square root of d k, for example when d k equals 64."),
        ("PE uses 10000^(2i/d_model) here.", "PE uses 10000 to the power of 2 i over d model here."),
        ("x^2 + y^3 = r^n", "x squared plus y cubed equals r to the power of n"),
        ("x² and 10⁻³", "x squared and 10 to the power of minus 3"),
        ("The loss ≈ 0.3 → 0.1", "The loss approximately 0.3 to 0.1"),
        ("3×4 ≤ 12 ≥ 2 ≠ 5 ± 1", "3 times 4 less than or equal to 12 greater than or equal to 2 not equal to 5 plus or minus 1"),
        ("∫ f(x) dx and Σ x", "the integral of f of x dx and the sum of x"),
        ("θ, π and λ", "theta, pi and lambda"),
        ("W^T, A^{-1}, x_{t-1}", "W transpose, A inverse, x t minus 1"),
        ("x₁ + x₂", "x 1 plus x 2"),
        ("A vs. B, i.e. this, etc.", "A versus B, that is this, et cetera."),
        ("See Fig. 2 and Eq. 3.", "See figure 2 and equation 3."),
        ("Use **bold**, *it* and `d_model`.", "Use bold, it and d model."),
        ("Read [the paper](https://arxiv.org/abs/1706.03762).", "Read the paper."),
        ('He said "hi" and \'bye\' but don\'t.', "He said hi and bye but don't."),
        ("“Curly” quotes’ apostrophe’s", "Curly quotes' apostrophe's"),
        ("2-3 layers — deep", "2 to 3 layers, deep"),
        ("t - 1 and -5", "t minus 1 and minus 5"),
        ("input/output, and/or 1/2", "input or output, and or 1 over 2"),
        ("50% & more", "50 percent and more"),
        ("  lots \n of\tspace  ", "lots of space"),
        ("\\frac{a}{b} and \\sqrt{x}", "a over b and the square root of x"),
        ("Plain prose stays as it is.", "Plain prose stays as it is."),
    ],
)
def test_normalize_for_speech(text: str, spoken: str) -> None:
    assert normalize_for_speech(text) == spoken


def test_normalize_is_deterministic_and_idempotent_on_its_output() -> None:
    text = "softmax(QK^T/√d_k)V ≈ 10000^(2i/d_model), e.g. θ ≤ π."
    once = normalize_for_speech(text)
    assert once == normalize_for_speech(text)
    assert normalize_for_speech(once) == once


# --- voice specs and the registry ------------------------------------------------------------


def test_parse_voice_spec() -> None:
    assert parse_voice_spec("piper:joe") == ("piper", "joe")
    assert parse_voice_spec("espeak") == ("espeak", None)
    assert parse_voice_spec(" GTTS:en@co.uk ") == ("gtts", "en@co.uk")
    for bad in ("", ":joe", "piper:"):
        with pytest.raises(UserError):
            parse_voice_spec(bad)


def test_unknown_engine_is_a_user_error() -> None:
    with pytest.raises(UserError, match="unknown TTS engine 'nope'"):
        get_engine("nope")
    with pytest.raises(UserError):
        resolve_engine("nope", allow_fallback=True)


def test_missing_engine_package_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "piper", None)  # makes `import piper` raise ImportError
    with pytest.raises(UserError, match=r"pip install 'sbc\[render\]'"):
        get_engine("piper")


def test_resolve_engine_falls_back_to_espeak_only_when_allowed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def missing() -> SilentEngine:
        raise UserError("the piper engine needs piper-tts; install with: pip install 'sbc[render]'")

    monkeypatch.setitem(ENGINES, "piper", missing)
    with pytest.raises(UserError, match="piper-tts"):
        resolve_engine("piper:joe", allow_fallback=False)
    with pytest.raises(UserError, match="piper-tts"):  # narrate never falls back silently
        narrate_scene(["Hi."], "piper", tmp_path, tmp_path / "s.wav")
    resolved = resolve_engine("piper:joe", allow_fallback=True)
    assert resolved.engine.name == "espeak"
    assert resolved.voice == "en-us"
    assert resolved.warning is not None and "piper-tts" in resolved.warning and "espeak" in resolved.warning


def test_resolve_engine_default_voice() -> None:
    resolved = resolve_engine("silent", allow_fallback=False)
    assert (resolved.engine.name, resolved.voice, resolved.warning) == ("silent", "none", None)


# --- the cache key and cache files -----------------------------------------------------------

BASE_KEY = {"engine": "piper", "version": "piper-tts==1.8.0", "voice": "joe",
            "parameters": {"noise_scale": 0.0, "length_scale": 1.0}, "text": "Hello there."}


def test_cache_key_changes_with_every_input() -> None:
    base = cache_key(**BASE_KEY)
    changes = {
        "engine": "espeak",
        "version": "piper-tts==1.8.1",
        "voice": "amy",
        "parameters": {"noise_scale": 0.1, "length_scale": 1.0},
        "text": "Hello there!",
    }
    keys = {field: cache_key(**{**BASE_KEY, field: value}) for field, value in changes.items()}
    assert base not in keys.values()
    assert len(set(keys.values())) == len(changes)
    assert cache_key(**{**BASE_KEY, "parameters": {**BASE_KEY["parameters"], "extra": 1}}) != base


def test_cache_key_is_canonical_and_stable_across_runs() -> None:
    reordered = {**BASE_KEY, "parameters": {"length_scale": 1.0, "noise_scale": 0.0}}
    assert cache_key(**reordered) == cache_key(**BASE_KEY)
    code = (
        "from compiler.narration import cache_key;"
        "print(cache_key('piper','piper-tts==1.8.0','joe',{'noise_scale':0.0,'length_scale':1.0},'Hello there.'))"
    )
    other_process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                   cwd=Path(__file__).resolve().parents[1], env={"PYTHONHASHSEED": "123"})
    assert other_process.stdout.strip() == cache_key(**BASE_KEY)
    # Pinned: a change here silently invalidates every user's audio cache.
    assert cache_key(**BASE_KEY) == "dd82a917381c3abb41d672383a2eeba796d70c316fc2ca8b0ee69d83ac71f426"


def test_clip_path_is_slug_plus_key(tmp_path: Path) -> None:
    key = cache_key(**BASE_KEY)
    assert clip_path(tmp_path, "Hello there.", key) == tmp_path / f"hello-there-{key[:16]}.wav"


def test_cached_clip_and_sidecar(tmp_path: Path) -> None:
    engine = SilentEngine()
    clip, hit = synthesize_cached(engine, "none", "one two three", tmp_path)
    assert not hit
    sidecar = json.loads(clip.path.with_suffix(".json").read_text())
    assert sidecar["engine"] == "silent" and sidecar["voice"] == "none" and sidecar["text"] == "one two three"
    assert sidecar["params"] == engine.parameters() and sidecar["version"] == engine.version()
    assert sidecar["duration"] == pytest.approx(clip.duration_s)
    again, hit = synthesize_cached(engine, "none", "one two three", tmp_path)
    assert hit and again == clip
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([clip.path.name, clip.path.with_suffix(".json").name])


def test_corrupt_cache_entry_is_a_miss_and_is_rewritten(tmp_path: Path) -> None:
    engine = SilentEngine()
    clip, _ = synthesize_cached(engine, "none", "one two three", tmp_path)
    good = clip.path.read_bytes()
    clip.path.write_bytes(good[: len(good) // 2])  # truncated
    again, hit = synthesize_cached(engine, "none", "one two three", tmp_path)
    assert not hit and again.path.read_bytes() == good
    clip.path.write_bytes(b"not a wav at all")
    _, hit = synthesize_cached(engine, "none", "one two three", tmp_path)
    assert not hit and clip.path.read_bytes() == good


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, lambda f: f.write(b"old"))

    def fail(f: io.BufferedWriter) -> None:
        f.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, fail)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temp file left behind


def test_failing_engine_leaves_nothing_in_the_cache(tmp_path: Path) -> None:
    class Broken(SilentEngine):
        def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
            out_wav.write_bytes(b"RIFF....partial")
            raise UserError("engine crashed")

    with pytest.raises(UserError, match="engine crashed"):
        synthesize_cached(Broken(), "none", "hello", tmp_path)
    assert list(tmp_path.iterdir()) == []


# --- the scene track -------------------------------------------------------------------------


def test_silent_engine_timings_are_exact(tmp_path: Path) -> None:
    sentences = ["One two three four five six seven eight nine ten eleven twelve thirteen.", "Short.", "?!"]
    progress: list[int] = []
    n = narrate_scene(sentences, "silent", tmp_path / "audio", tmp_path / "s.wav", gap_s=0.3, lead_s=0.2,
                      on_progress=lambda: progress.append(1))
    rate = 22050
    first = round(13 / 2.6 * rate)  # 13 words at 2.6 words/s
    second = round(0.8 * rate)  # one word: the 0.8 s minimum
    lead, gap = round(0.2 * rate), round(0.3 * rate)
    assert isinstance(n, Narration) and (n.engine, n.voice) == ("silent", "none")
    assert [(s.start, s.end) for s in n.sentences] == [
        (lead / rate, (lead + first) / rate),
        ((lead + first + gap) / rate, (lead + first + gap + second) / rate),
        ((lead + first + gap + second) / rate, (lead + first + gap + second) / rate),  # nothing to say
    ]
    assert [s.text for s in n.sentences] == sentences
    assert wav_info(n.path) == (1, 2, rate, lead + first + gap + second)
    assert n.duration_s == (lead + first + gap + second) / rate
    assert (n.cache_hits, n.cache_misses, len(progress)) == (0, 2, 3)
    again = narrate_scene(sentences, "silent", tmp_path / "audio", tmp_path / "s2.wav")
    assert (again.cache_hits, again.cache_misses) == (2, 0)
    assert again.sentences == n.sentences and (tmp_path / "s2.wav").read_bytes() == n.path.read_bytes()


def test_empty_scene_is_just_the_lead(tmp_path: Path) -> None:
    n = narrate_scene([], "silent", tmp_path, tmp_path / "s.wav", lead_s=0.5)
    assert n.sentences == () and n.duration_s == pytest.approx(0.5)


def check_track(n: Narration, gap_s: float, lead_s: float) -> np.ndarray:
    """Timings are sample-exact, gaps exact, the WAV as long as the narration, speech in each span."""
    channels, width, rate, frames = wav_info(n.path)
    assert (channels, width) == (1, 2)
    assert n.duration_s == frames / rate
    assert n.sentences[0].start == round(lead_s * rate) / rate
    assert n.sentences[-1].end == n.duration_s
    for a, b in zip(n.sentences, n.sentences[1:]):
        assert round((b.start - a.end) * rate) == round(gap_s * rate)
    samples, _ = read_wav(n.path)
    for s in n.sentences:
        assert s.end - s.start > 0.3
        span = samples[round(s.start * rate) : round(s.end * rate)]
        assert rms_dbfs(span) > -35
    silence = samples[: round(lead_s * rate)]
    assert not silence.any()
    return samples


def test_espeak_scene_track(tmp_path: Path) -> None:
    sentences = ["Attention lets every token look at every other token.", "Scale by 1/√d_k."]
    n = narrate_scene(sentences, "espeak", tmp_path / "audio", tmp_path / "scene.wav", gap_s=0.25, lead_s=0.1)
    assert (n.engine, n.voice, n.cache_misses) == ("espeak", "en-us", 2)
    check_track(n, gap_s=0.25, lead_s=0.1)
    # trimmed clips: the track is shorter than the raw clips laid end to end
    raw = sum(wav_info(p)[3] / wav_info(p)[2] for p in (tmp_path / "audio").glob("*.wav"))
    assert n.duration_s < 0.1 + 0.25 + raw


def test_piper_real_synthesis_is_speech_and_deterministic(tmp_path: Path) -> None:
    engine = get_engine("piper")
    engine.synthesize("Hello from the narrator.", engine.default_voice(), tmp_path / "a.wav")
    engine.synthesize("Hello from the narrator.", engine.default_voice(), tmp_path / "b.wav")
    samples, rate = read_wav(tmp_path / "a.wav")
    assert wav_info(tmp_path / "a.wav")[:2] == (1, 2)
    assert len(samples) / rate > 0.3
    assert rms_dbfs(samples) > -35
    assert (tmp_path / "a.wav").read_bytes() == (tmp_path / "b.wav").read_bytes()  # bit-identical
    n = narrate_scene(["Hello from the narrator.", "Second sentence here."], "piper:joe", tmp_path / "audio",
                      tmp_path / "scene.wav")
    assert n.voice == "joe"
    check_track(n, gap_s=0.3, lead_s=0.2)


def test_hibari_real_synthesis(tmp_path: Path) -> None:
    pytest.importorskip("hibari")
    n = narrate_scene(["Hello from the narrator."], None, tmp_path / "audio", tmp_path / "scene.wav")
    assert (n.engine, n.voice) == ("hibari", "heart")
    samples = check_track(n, gap_s=0.3, lead_s=0.2)
    assert np.abs(samples).max() < 32767  # no clipping
    engine = get_engine("hibari")
    engine.synthesize("Same text.", "heart", tmp_path / "a.wav")
    engine.synthesize("Same text.", "heart", tmp_path / "b.wav")
    assert (tmp_path / "a.wav").read_bytes() == (tmp_path / "b.wav").read_bytes()


def test_clips_at_another_rate_are_resampled_into_one_track(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Tones(SilentEngine):
        """A 24 kHz tone for the first sentence, 16 kHz for the rest."""

        def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
            rate = 24000 if text.startswith("first") else 16000
            write_wav(out_wav, np.concatenate([np.zeros(rate // 4, np.int16), tone(1.0, rate)]), rate)

    monkeypatch.setitem(ENGINES, "tones", Tones)
    n = narrate_scene(["first one.", "second one."], "tones", tmp_path, tmp_path / "s.wav", gap_s=0.3, lead_s=0.2)
    assert wav_info(n.path)[2] == 24000
    for s in n.sentences:  # leading quarter second trimmed, one second of tone kept (+ padding)
        assert s.end - s.start == pytest.approx(1.0, abs=0.05)
    check_track(n, gap_s=0.3, lead_s=0.2)


# --- the file engine -------------------------------------------------------------------------


def recording(rate: int = 16000) -> np.ndarray:
    return np.concatenate([np.zeros(rate // 2, np.int16), tone(2.0, rate), np.zeros(rate // 2, np.int16)])


def test_file_engine_with_a_generated_wav(tmp_path: Path) -> None:
    src = tmp_path / "voice.wav"
    write_wav(src, recording(), 16000)
    sentences = ["Short.", "A sentence three times as long."]
    n = narrate_scene(sentences, None, tmp_path / "audio", tmp_path / "scene.wav", audio_file=src)
    assert (n.engine, n.voice, n.cache_hits, n.cache_misses) == ("file", "voice.wav", 0, 0)
    assert n.duration_s == 3.0 and wav_info(n.path) == (1, 2, 16000, 48000)
    first, second = n.sentences
    assert first.start == pytest.approx(0.5, abs=0.03) and second.end == pytest.approx(2.5, abs=0.03)
    assert first.end == second.start
    ratio = (second.end - second.start) / (first.end - first.start)
    assert ratio == pytest.approx(len(sentences[1]) / len(sentences[0]), rel=0.01)


def test_file_engine_decodes_compressed_audio(tmp_path: Path) -> None:
    src = tmp_path / "voice.mp3"
    src.write_bytes(mp3_bytes(recording(24000), 24000))
    n = narrate_scene(["One.", "Two."], "file", tmp_path, tmp_path / "scene.wav", audio_file=src)
    assert wav_info(n.path)[:3] == (1, 2, 24000)
    assert n.duration_s == pytest.approx(3.0, abs=0.06)


def test_file_engine_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not found"):
        narrate_scene(["x"], None, tmp_path, tmp_path / "s.wav", audio_file=tmp_path / "missing.wav")
    (tmp_path / "junk.wav").write_bytes(b"junk")
    with pytest.raises(UserError, match="cannot decode"):
        narrate_scene(["x"], None, tmp_path, tmp_path / "s.wav", audio_file=tmp_path / "junk.wav")
    with pytest.raises(UserError, match="audio_file"):
        narrate_scene(["x"], "file", tmp_path, tmp_path / "s.wav")


# --- gtts, with the network layer mocked ------------------------------------------------------


def mp3_bytes(samples: np.ndarray, rate: int) -> bytes:
    import av

    buf = io.BytesIO()
    with av.open(buf, mode="w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = rate
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return buf.getvalue()


def google_response(request: requests.PreparedRequest, status: int, mp3: bytes = b"") -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r.reason = {200: "OK", 429: "Too Many Requests"}.get(status, "Error")
    r.request = request
    body = 'jQ1olc","[\\"' + base64.b64encode(mp3).decode() + '\\"]' if status == 200 else "rate limited"
    r._content = body.encode()
    r._content_consumed = True
    return r


def test_gtts_offline_fails_fast_with_a_user_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def offline(self: requests.Session, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        assert kwargs.get("timeout") is not None  # never an unbounded socket wait
        raise requests.exceptions.ConnectionError("Failed to resolve 'translate.google.com'")

    monkeypatch.setattr(requests.Session, "send", offline)
    start = time.monotonic()
    with pytest.raises(UserError, match="offline"):
        narrate_scene(["Hello."], "gtts", tmp_path, tmp_path / "s.wav")
    assert time.monotonic() - start < 10
    assert list(tmp_path.iterdir()) == []


def test_gtts_hanging_network_hits_the_deadline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    release = threading.Event()

    def hang(self: requests.Session, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        release.wait(30)  # a DNS lookup or proxy that never answers
        raise requests.exceptions.ConnectionError("gave up")

    monkeypatch.setattr(requests.Session, "send", hang)
    start = time.monotonic()
    try:
        with pytest.raises(UserError, match="no answer"):
            GttsEngine(deadline_s=1.5).synthesize("Hello.", "en", tmp_path / "a.wav")
    finally:
        release.set()
    assert time.monotonic() - start < 10


def test_gtts_retries_429_with_backoff_then_succeeds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mp3 = mp3_bytes(tone(1.0, 24000), 24000)
    statuses = iter([429, 200])
    calls: list[str] = []

    def send(self: requests.Session, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        calls.append(request.url or "")
        return google_response(request, next(statuses), mp3)

    monkeypatch.setattr(requests.Session, "send", send)
    sleeps: list[float] = []
    start = time.monotonic()
    GttsEngine(sleep=sleeps.append).synthesize("Hello.", "en@co.uk", tmp_path / "a.wav")
    assert time.monotonic() - start < 10
    assert len(calls) == 2 and "translate.google.co.uk" in calls[0]
    assert sleeps == [1.0]
    samples, rate = read_wav(tmp_path / "a.wav")
    assert rate == 24000 and len(samples) / rate == pytest.approx(1.0, abs=0.05)


def test_gtts_gives_up_after_bounded_429s(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(requests.Session, "send", lambda self, request, **kw: google_response(request, 429))
    sleeps: list[float] = []
    with pytest.raises(UserError, match="429"):
        GttsEngine(sleep=sleeps.append).synthesize("Hello.", "en", tmp_path / "a.wav")
    assert sleeps == [1.0, 2.0]
