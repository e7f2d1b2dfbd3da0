"""`espeak`: espeak-ng through the `espeakng-loader` wheel (library + data, no system install).

Tiny and robotic, but always there: the fallback engine. Synthesis is deterministic.
"""

from __future__ import annotations

import ctypes
import functools
import threading
from importlib import metadata
from pathlib import Path

import numpy as np

from compiler.diagnostics import UserError
from compiler.narration.base import RENDER_EXTRA, write_wav

_AUDIO_OUTPUT_SYNCHRONOUS = 0x02
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_RATE, _VOLUME, _PITCH, _RANGE = 1, 2, 3, 4

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
        with self._lock:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise UserError(f"espeak has no voice {voice!r} (try en-us, en-gb, en, de, fr, es)")
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

    def __init__(self, rate_wpm: int = 165, pitch: int = 50, pitch_range: int = 50, volume: int = 100):
        self._lib = _library()
        self.rate_wpm, self.pitch, self.pitch_range, self.volume = rate_wpm, pitch, pitch_range, volume

    def version(self) -> str:
        return f"espeakng-loader=={metadata.version('espeakng-loader')};espeak-ng=={self._lib.version}"

    def default_voice(self) -> str:
        return "en-us"

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
