"""`espeak`: espeak-ng through the `espeakng-loader` wheel (library + data, no system install).

Tiny and robotic, but always there: the fallback engine. Synthesis is deterministic.

A voice is what espeak-ng's `espeak_SetVoiceByName` takes — a voice file's name (`en-us`, `de`), its
path under `lang/` (`gmw/en-US`) or its title (`English (America)`), optionally with a `+variant` —
or a language code that a voice file declares (`en-gb`, `fr-fr`): the voice with the highest priority
for it. `voices()` lists the voice files of the installed data.
"""

from __future__ import annotations

import ctypes
import functools
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from compiler.diagnostics import UserError
from compiler.narration.base import RENDER_EXTRA, VoiceInfo, write_wav

_AUDIO_OUTPUT_SYNCHRONOUS = 0x02
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_RATE, _VOLUME, _PITCH, _RANGE = 1, 2, 3, 4

# What the "no such voice" message suggests; every one is accepted (tests/test_voices.py).
SUGGESTED_VOICES = ("en-us", "en-gb", "en", "de", "fr", "es")


@dataclass(frozen=True)
class _VoiceFile:
    """One voice file of espeak-ng's data (`lang/gmw/en-US`)."""

    name: str  # the file's name in lower case, `en-us`: what espeak_SetVoiceByName takes
    identifier: str  # its path under lang/, `gmw/en-US`
    title: str  # `English (America)`
    languages: tuple[tuple[str, int], ...]  # (code, priority) in file order; a lower priority is preferred
    has_dictionary: bool  # espeak-ng reads `<dictionary>_dict`; without it the voice says nothing


def _data_dir() -> Path | None:
    try:
        import espeakng_loader
    except ImportError:
        return None
    return Path(espeakng_loader.get_data_path())


@functools.cache
def _voice_files(data_dir: Path) -> tuple[_VoiceFile, ...]:
    """Parse `lang/**` as espeak-ng does: `name`, `language CODE [PRIORITY]` lines, `dictionary NAME`
    (default: the first language up to its first `-`)."""
    out = []
    lang = data_dir / "lang"
    for path in sorted(p for p in lang.rglob("*") if p.is_file()):
        title, dictionary, languages = "", None, []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            words = line.split()
            if len(words) < 2:
                continue
            if words[0] == "name":
                title = " ".join(words[1:])
            elif words[0] == "language":
                prio = int(words[2]) if len(words) > 2 and words[2].isdigit() else 5
                languages.append((words[1].lower(), prio))
            elif words[0] == "dictionary":
                dictionary = words[1]
        dictionary = dictionary or (languages[0][0].split("-")[0] if languages else path.name.lower())
        out.append(_VoiceFile(path.name.lower(), path.relative_to(lang).as_posix(), title or path.name,
                              tuple(languages), (data_dir / f"{dictionary}_dict").is_file()))
    return tuple(out)


def _find_voice(voice: str, files: tuple[_VoiceFile, ...]) -> _VoiceFile | None:
    """The voice file `voice` names (file name, path or title, as espeak-ng matches them), else the one
    with the highest priority for that language code; None if neither."""
    v = voice.strip().lower()
    for f in files:
        if v in (f.name, f.identifier.lower(), f.title.lower()):
            return f
    ranked = [(prio, i, f) for i, f in enumerate(files) for code, prio in f.languages if code == v]
    return min(ranked, key=lambda r: r[:2])[2] if ranked else None


_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _EspeakLibrary:
    """libespeak-ng loaded once per process: the library keeps global state, so calls are locked."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as e:
            raise UserError(f"the espeak engine needs espeakng-loader; install with: {RENDER_EXTRA}") from e
        try:
            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_dir = Path(espeakng_loader.get_data_path())
        except (OSError, RuntimeError) as e:
            raise UserError(f"espeakng-loader is installed but libespeak-ng does not load: {e}") from e
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_SetSynthCallback.argtypes = [_SynthCallback]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]
        # The path argument is the directory that contains `espeak-ng-data`.
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, str(data_dir.parent).encode(), _INITIALIZE_DONT_EXIT)
        if rate <= 0:
            raise UserError(f"espeak-ng failed to initialise with data at {data_dir}")
        self._lib = lib
        self.data_dir = data_dir
        self.sample_rate = rate
        self.version = (lib.espeak_Info(None) or b"?").decode()
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []
        self._callback = _SynthCallback(self._on_audio)  # keep a reference: C holds the pointer
        lib.espeak_SetSynthCallback(self._callback)

    def _on_audio(self, wav: ctypes._Pointer, n: int, _events: int) -> int:
        if wav and n > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
        return 0

    def synthesize(self, text: str, voice: str, params: dict[str, int]) -> np.ndarray:
        data = text.encode("utf-8")
        base, plus, variant = voice.partition("+")
        found = _find_voice(base, _voice_files(self.data_dir))
        if found is not None and not found.has_dictionary:
            raise UserError(f"espeak voice {voice!r} ({found.title}) has no dictionary in this espeak-ng data, "
                            f"so it would say nothing; choose another (sbc voices espeak)")
        with self._lock:
            if (self._lib.espeak_SetVoiceByName(voice.encode()) != 0
                    and (found is None or self._lib.espeak_SetVoiceByName(
                        (found.identifier + plus + variant).encode()) != 0)):
                raise UserError(f"espeak has no voice {voice!r} (try {', '.join(SUGGESTED_VOICES)}; "
                                f"sbc voices espeak lists them all)")
            for param, value in ((_RATE, params["rate"]), (_PITCH, params["pitch"]), (_RANGE, params["range"]),
                                 (_VOLUME, params["volume"])):
                self._lib.espeak_SetParameter(param, int(value), 0)
            self._chunks = []
            status = self._lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
            self._lib.espeak_Synchronize()
            chunks, self._chunks = self._chunks, []
        if status != 0:
            raise UserError(f"espeak-ng failed on {text!r} (status {status})")
        return np.concatenate(chunks).astype(np.int16) if chunks else np.zeros(0, np.int16)


@functools.cache
def _library() -> _EspeakLibrary:
    return _EspeakLibrary()


class EspeakEngine:
    name = "espeak"
    needs_network = False
    DEFAULT_VOICE = "en-us"

    def __init__(self, rate_wpm: int = 165, pitch: int = 50, pitch_range: int = 50, volume: int = 100):
        self._lib = _library()
        self.rate_wpm, self.pitch, self.pitch_range, self.volume = rate_wpm, pitch, pitch_range, volume

    def version(self) -> str:
        return f"espeakng-loader=={metadata.version('espeakng-loader')};espeak-ng=={self._lib.version}"

    def default_voice(self) -> str:
        return self.DEFAULT_VOICE

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        """Every voice file of the installed espeak-ng data, by name; a language code works too."""
        data_dir = _data_dir()
        if data_dir is None or not (data_dir / "lang").is_dir():
            return ()
        out = []
        for f in sorted(_voice_files(data_dir), key=lambda f: f.name):
            codes = ", ".join(code for code, _ in f.languages)
            out.append(VoiceInfo(f.name, f"{f.title}" + (f" [{codes}]" if codes else ""), f.has_dictionary,
                                 "" if f.has_dictionary else "no dictionary in espeakng-loader's data: says nothing"))
        return tuple(out)

    def parameters(self) -> dict:
        return {
            "rate": self.rate_wpm,
            "pitch": self.pitch,
            "range": self.pitch_range,
            "volume": self.volume,
            "sample_rate": self._lib.sample_rate,
        }

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        p = self.parameters()
        samples = self._lib.synthesize(text, voice, p)
        write_wav(out_wav, samples, self._lib.sample_rate)
