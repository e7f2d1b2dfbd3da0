"""`sbc voices`: every engine of the registry, whether it works on this machine, its voices, which
needs the network and which is the default.

An engine is usable when it builds (its package is installed) and its default voice is ready (the
model or voice data is here). Nothing is downloaded and the network is not probed: gTTS is listed as
usable when gTTS is installed, and marked as needing the network.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from compiler.diagnostics import UserError
from compiler.narration.base import VoiceInfo
from compiler.narration.registry import DEFAULT_ENGINE, ENGINES, voice_engines

SHOWN_VOICES = 8  # voices per engine in the overview; `sbc voices ENGINE` lists them all


@dataclass(frozen=True)
class EngineStatus:
    name: str
    default: bool  # the engine sbc narrates with when no voice is given
    needs_network: bool
    usable: bool  # builds here and its default voice is ready
    detail: str  # its version(s) when usable, else what is missing and how to get it
    default_voice: str | None
    voices: tuple[VoiceInfo, ...]  # the default voice first
    voice_spec: bool  # can be named in --voice / settings.voice (all but `file`)

    def to_json(self) -> dict:
        return asdict(self)


def engine_status(name: str) -> EngineStatus:
    """What `name` offers here; `UserError` if there is no such engine."""
    factory = ENGINES.get(name)
    if factory is None:
        raise UserError(f"no TTS engine {name!r}; engines: {', '.join(ENGINES)}")
    default_voice = getattr(factory, "DEFAULT_VOICE", None)
    try:
        voices = tuple(getattr(factory, "voices", lambda: ())())
    except Exception as e:  # noqa: BLE001 - a listing that fails must not hide the others
        voices, listing_error = (), f"cannot list its voices: {e}"
    else:
        listing_error = ""
    try:
        engine = factory()
        default_voice = engine.default_voice()
        detail = engine.version()
        detail = detail if "==" in detail else "built in"  # silent, file: no package, version "1"
        usable = True
    except UserError as e:
        usable, detail = False, e.message
    except Exception as e:  # noqa: BLE001 - a broken install is reported, not raised
        usable, detail = False, f"{type(e).__name__}: {e}"
    default = next((v for v in voices if v.name == default_voice), None)
    if usable and default is not None and not default.ready:
        usable, detail = False, f"its default voice {default_voice!r} is not ready: {default.note}"
    if listing_error:
        detail = f"{detail}; {listing_error}"
    ordered = tuple(sorted(voices, key=lambda v: v.name != default_voice))  # stable: the default first
    return EngineStatus(name, name == DEFAULT_ENGINE, bool(getattr(factory, "needs_network", False)), usable,
                        detail, default_voice, ordered, name in voice_engines())


def list_engines(only: str | None = None) -> list[EngineStatus]:
    """Every engine in registry order (or just `only`)."""
    return [engine_status(name) for name in ([only] if only is not None else ENGINES)]


def _overview(e: EngineStatus) -> tuple[VoiceInfo, ...]:
    """At most SHOWN_VOICES voices: the default, then those of its language (`en-*` after `en-us`), then the rest."""
    lang = (e.default_voice or "").split("-")[0]
    ranked = sorted(e.voices, key=lambda v: (v.name != e.default_voice, v.name.split("-")[0] != lang))
    return tuple(ranked[:SHOWN_VOICES])


def describe(engines: list[EngineStatus], all_voices: bool = False) -> str:
    """The text `sbc voices` prints: one line per engine, then its voices (`*` the default voice)."""
    lines = []
    for e in engines:
        mark = "ok" if e.usable else "--"
        where = "online " if e.needs_network else "offline"
        tag = "  [default engine]" if e.default else ""
        lines.append(f"{mark} {e.name:<7} {where}  {e.detail}{tag}")
        if not e.voice_spec:
            lines.append("      not a --voice: plays a scene's audio_file, whatever the voice")
        shown = e.voices if all_voices else _overview(e)
        width = max((len(v.name) for v in shown), default=0)
        for v in shown:
            star = "*" if v.name == e.default_voice else " "
            note = f"; {v.note}" if v.note else ""
            lines.append(f"     {star} {v.name:<{width}}  {'ok' if v.ready else '--'}  {v.description}{note}")
        if len(shown) < len(e.voices):
            lines.append(f"       … {len(e.voices) - len(shown)} more: sbc voices {e.name}")
        if not e.voices and e.voice_spec:
            lines.append("       (no voices listed until it is installed)")
    lines.append("")
    lines.append(f"* the engine's default voice. Choose with --voice ENGINE[:VOICE] (e.g. --voice espeak:en-gb), "
                 f"settings.voice or a scene's voice; without one, sbc uses {DEFAULT_ENGINE}.")
    return "\n".join(lines)
