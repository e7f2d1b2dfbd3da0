"""`gtts`: Google Translate's text-to-speech through gTTS. Online only.

Never hangs: every request has socket timeouts and the whole call has a deadline (a lookup or
proxy that stalls cannot block the build). Offline it fails in seconds with a `UserError`;
HTTP 429 (rate limited) is retried with exponential backoff, a bounded number of times.
The voice is a gTTS language code, optionally with a Google domain: `en`, `en@co.uk`, `fr`.
"""

from __future__ import annotations

import importlib.util
import io
import threading
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from compiler.diagnostics import UserError
from compiler.narration.base import RENDER_EXTRA, VoiceInfo, decode_audio, write_wav

_OFFLINE_HINT = "use an offline voice instead, e.g. --voice hibari, piper or espeak"


class _RateLimited(Exception):
    pass


class GttsEngine:
    name = "gtts"
    needs_network = True
    DEFAULT_VOICE = "en"

    def __init__(self, slow: bool = False, tries: int = 3, backoff_s: float = 1.0, timeout_s: float = 4.0,
                 deadline_s: float = 8.0, sleep: Callable[[float], None] = time.sleep):
        try:
            import gtts  # noqa: F401
        except ImportError as e:
            raise UserError(f"the gtts engine needs gTTS; install with: {RENDER_EXTRA}") from e
        self.slow = slow
        self.tries, self.backoff_s, self.timeout_s, self.deadline_s = tries, backoff_s, timeout_s, deadline_s
        self._sleep = sleep

    def version(self) -> str:
        return f"gTTS=={metadata.version('gTTS')}"

    def default_voice(self) -> str:
        return self.DEFAULT_VOICE

    @staticmethod
    def voices() -> tuple[VoiceInfo, ...]:
        """gTTS's languages (each also takes a Google domain for an accent: `en@co.uk`)."""
        if importlib.util.find_spec("gtts") is None:
            return ()
        from gtts.lang import tts_langs

        return tuple(VoiceInfo(code, name, True) for code, name in sorted(tts_langs().items()))

    def parameters(self) -> dict:
        return {"slow": self.slow}

    def synthesize(self, text: str, voice: str, out_wav: Path) -> None:
        lang, _, tld = voice.partition("@")
        mp3 = self._fetch_with_retries(text, lang, tld or "com")
        samples, rate = decode_audio(io.BytesIO(mp3))
        write_wav(out_wav, samples, rate)

    def _fetch_with_retries(self, text: str, lang: str, tld: str) -> bytes:
        for attempt in range(self.tries):
            try:
                return self._fetch(text, lang, tld)
            except _RateLimited:
                if attempt + 1 < self.tries:
                    self._sleep(self.backoff_s * 2**attempt)
        raise UserError(f"gtts: rate limited by Google (HTTP 429) {self.tries} times; try later or {_OFFLINE_HINT}")

    def _fetch(self, text: str, lang: str, tld: str) -> bytes:
        """One request in a daemon thread, abandoned after `deadline_s` (DNS has no timeout)."""
        from gtts import gTTS, gTTSError

        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                buf = io.BytesIO()
                tts = gTTS(text, lang=lang, tld=tld, slow=self.slow, lang_check=False,
                           timeout=(self.timeout_s, self.timeout_s))
                tts.write_to_fp(buf)
                outcome["mp3"] = buf.getvalue()
            except Exception as e:  # noqa: BLE001 - handed to the caller below
                outcome["error"] = e

        worker = threading.Thread(target=work, name="sbc-gtts", daemon=True)
        worker.start()
        worker.join(self.deadline_s)
        if worker.is_alive():
            raise UserError(f"gtts: no answer from Google within {self.deadline_s:g} s (offline?); {_OFFLINE_HINT}")
        error = outcome.get("error")
        if isinstance(error, gTTSError):
            status = getattr(getattr(error, "rsp", None), "status_code", None)
            if status == 429:
                raise _RateLimited()
            if status is None:
                raise UserError(f"gtts: cannot reach Google Translate (offline?): {error}; {_OFFLINE_HINT}") from error
            raise UserError(f"gtts: {error}") from error
        if isinstance(error, Exception):
            raise UserError(f"gtts failed: {error}; {_OFFLINE_HINT}") from error
        mp3 = outcome.get("mp3")
        if not isinstance(mp3, bytes) or not mp3:
            raise UserError("gtts: Google returned no audio")
        return mp3
