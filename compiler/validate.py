"""Stage 2 — validate: JSON value -> `Storyboard`, with positioned schema and semantic diagnostics.

Light on purpose: imports pydantic and the standard library only (used by the pre-commit hook).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .diagnostics import Report, Severity
from .load import Loaded, load_file
from .models import BLANK_PATTERN, VOICE_ENGINES, FileSettings, Scene, Storyboard, Theme, known_fields
from .text import MAX_SPOKEN_WORD, unspeakable_words, words

READING_RATE_WPS = 2.6  # spoken words per second (measured on the default voice, roughly)
MAX_SCENE_NARRATION_S = 120
# A word that starts the value ("TODO: ...", "Lorem ipsum ..."), or a value that is only "...", "<...>" or "[...]".
_PLACEHOLDER = re.compile(r"^\s*(?:(?:todo|tbd|tba|fixme|xxx|lorem ipsum|placeholder|n/a)\b"
                          r"|(?:\.\.\.|…|<[^>]*>|\[[^\]]*\])\s*$)", re.I)
_TEXT_FIELDS = ("scene_plot", "animation_details", "animation_style", "audio_text")


@dataclass
class Validated:
    loaded: Loaded
    storyboard: Storyboard | None

    @property
    def report(self) -> Report:
        return self.loaded.report

    @property
    def ok(self) -> bool:
        return self.storyboard is not None and not self.report.errors


def validate_file(path: str | Path, *, strict: bool = False, display: str | None = None) -> Validated:
    return validate_loaded(load_file(path, display), base_dir=Path(path).parent, strict=strict)


def validate_loaded(loaded: Loaded, *, base_dir: Path | None = None, strict: bool = False) -> Validated:
    if loaded.data is None:
        if not loaded.report.errors:  # the document is `null`
            loaded.report.add(loaded.diag("SB202", 'a storyboard is a JSON object with a "scenes" list, not null'))
        return Validated(loaded, None)
    data = loaded.data
    if not isinstance(data, dict):
        loaded.report.add(loaded.diag("SB202", f"a storyboard is a JSON object with a \"scenes\" list, not {_kind(data)}"))
        return Validated(loaded, None)
    _unknown_keys(loaded, data)
    storyboard: Storyboard | None = None
    try:
        storyboard = Storyboard.model_validate(data)
    except ValidationError as e:
        for err in _merge_union_errors(e.errors(include_url=False)):
            loaded.report.add(_schema_diag(loaded, err))
    if storyboard is not None:
        _semantic_checks(loaded, storyboard, base_dir)
    if strict:
        loaded.report.diagnostics[:] = loaded.report.strict().diagnostics
    if loaded.report.errors:
        storyboard = None
    return Validated(loaded, storyboard)


# ----------------------------------------------------------------------------- schema errors
def _kind(v) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(v), type(v).__name__)


_EXPECTED = {"string_type": "a string", "float_type": "a number", "int_type": "an integer", "bool_type": "true or false",
             "list_type": "a list", "dict_type": "an object", "model_type": "an object", "int_from_float": "an integer"}


_UNION_BRANCHES = {"float", "int", "str", "bool"}


def _merge_union_errors(errors: list) -> list:
    """A value that fits no branch of `float | int | str` gives one error per branch, located at
    `..., "float"`: report it once, as "must be a number or a string"."""
    out: list = []
    merged: dict = {}
    for err in errors:
        loc = tuple(err["loc"])
        if len(loc) >= 2 and loc[-1] in _UNION_BRANCHES and isinstance(loc[-2], int) and err["type"] in _EXPECTED:
            base = loc[:-1]
            if base in merged:
                wanted = merged[base]["_expected"]
                if _EXPECTED[err["type"]] not in wanted:
                    wanted.append(_EXPECTED[err["type"]])
                continue
            err = dict(err, loc=base, _expected=[_EXPECTED[err["type"]]])
            merged[base] = err
        out.append(err)
    return out


def _schema_diag(loaded: Loaded, err: dict):
    loc = _strip_union_tags(tuple(err["loc"]))
    where = _dotted(loc)
    typ = err["type"]
    value = err.get("input")
    if typ == "missing":
        field = loc[-1]
        return loaded.diag("SB201", f"missing required field {field!r} in {_dotted(loc[:-1]) or 'the storyboard'}",
                           loc[:-1], hint=_FIELD_HINTS.get(str(field)))
    if "_expected" in err:
        wanted = [w for w in err["_expected"] if w != "an integer"] or err["_expected"]
        return loaded.diag("SB202", f"{where} must be {' or '.join(wanted)}, not {_kind(value)}", loc)
    if typ in _EXPECTED:
        return loaded.diag("SB202", f"{where} must be {_EXPECTED[typ]}, not {_kind(value)}", loc)
    if loc and loc[-1] == "scenes" and typ == "too_short":
        return loaded.diag("SB205", "the storyboard has no scenes: add at least one", loc)
    if _is_blank_error(err):
        return loaded.diag("SB206", f"{where} is empty", loc, hint="write what this field asks for")
    if typ == "string_pattern_mismatch" and loc and loc[-1] == "id":
        return loaded.diag("SB203", f"{where} must be letters, digits, '-' or '_' (at most 64, no spaces)", loc,
                           hint='e.g. "intro" or "scene-2"')
    if typ == "union_tag_invalid":
        kind = value.get("kind") if isinstance(value, dict) else None
        from .models import VISUAL_KINDS

        import difflib

        sugg = difflib.get_close_matches(str(kind), VISUAL_KINDS, n=1)
        hint = f"did you mean {sugg[0]!r}?" if sugg else "kinds: " + ", ".join(VISUAL_KINDS)
        return loaded.diag("SB207", f"{where}: unknown visual kind {kind!r}", loc + ("kind",), hint=hint)
    if typ == "union_tag_not_found":
        return loaded.diag("SB201", f"{where}: a visual needs a \"kind\"", loc)
    return loaded.diag("SB203", f"{where}: {err['msg'][0].lower() + err['msg'][1:]}", loc)


def _is_blank_error(err: dict) -> bool:
    """A `NonBlank` string (any field or list item) that is empty or only whitespace."""
    ctx = err.get("ctx") or {}
    if err["type"] == "string_pattern_mismatch":
        return ctx.get("pattern") == BLANK_PATTERN
    return err["type"] == "string_too_short" and ctx.get("min_length") == 1


_FIELD_HINTS = {
    "scenes": 'a storyboard is {"scenes": [ {...}, ... ]}',
    "audio_text": "the narration the voice reads for this scene",
    "animation_details": "what appears on screen; quoted strings are drawn",
    "animation_style": "colours and style, e.g. \"Dark blue background. Equations in yellow.\"",
    "scene_plot": "what the scene is about",
}


def _strip_union_tags(loc: tuple) -> tuple:
    """pydantic puts the discriminator in the location (`visuals, 0, "bullets", items`); the file has no such key."""
    from .models import VISUAL_KINDS

    return tuple(p for i, p in enumerate(loc)
                 if not (i >= 2 and loc[i - 2] == "visuals" and isinstance(loc[i - 1], int) and p in VISUAL_KINDS))


def _dotted(loc) -> str:
    out = ""
    for p in loc:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


# ----------------------------------------------------------------------------- unknown keys
def _unknown_keys(loaded: Loaded, data: dict) -> None:
    _check_keys(loaded, data, Storyboard, ())
    settings = data.get("settings")
    if isinstance(settings, dict):
        _check_keys(loaded, settings, FileSettings, ("settings",))
        if isinstance(settings.get("theme"), dict):
            _check_keys(loaded, settings["theme"], Theme, ("settings", "theme"))
    scenes = data.get("scenes")
    if isinstance(scenes, list):
        for i, scene in enumerate(scenes):
            if isinstance(scene, dict):
                _check_keys(loaded, scene, Scene, ("scenes", i))
                visuals = scene.get("visuals")
                if isinstance(visuals, list):
                    _check_visual_keys(loaded, visuals, ("scenes", i, "visuals"))


def _check_visual_keys(loaded: Loaded, visuals: list, path: tuple) -> None:
    from typing import get_args

    from .models import Visual

    by_kind = {}
    for m in get_args(get_args(Visual)[0]):
        by_kind[get_args(m.model_fields["kind"].annotation)[0]] = m
    for j, v in enumerate(visuals):
        if isinstance(v, dict) and v.get("kind") in by_kind:
            _check_keys(loaded, v, by_kind[v["kind"]], path + (j,))


def _check_keys(loaded: Loaded, obj: dict, model: type[BaseModel], path: tuple) -> None:
    fields = known_fields(model)
    for key in obj:
        if key not in fields:
            import difflib  # only when there is an unknown key: start-up time matters (pre-commit)

            sugg = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
            hint = f"did you mean {sugg[0]!r}?" if sugg else "known keys: " + ", ".join(fields)
            loaded.report.add(loaded.diag("SB204", f"unknown key {key!r}", path + (key,), severity=Severity.WARNING,
                                          hint=hint, key=True))


# ----------------------------------------------------------------------------- semantic checks
def estimate_speech_seconds(text: str) -> float:
    return len(words(text)) / READING_RATE_WPS


def _voice_check(loaded: Loaded, spec: str | None, path: tuple) -> None:
    """A voice naming an engine sbc does not have is an error here, not only when the build narrates."""
    if spec is None:
        return
    engine = spec.strip().partition(":")[0].strip().lower()
    if engine not in VOICE_ENGINES:
        import difflib

        close = difflib.get_close_matches(engine, VOICE_ENGINES, n=1)
        loaded.report.add(loaded.diag("SB203", f"unknown TTS engine {engine!r} in voice {spec!r}", path,
                                      hint=(f"did you mean {close[0]!r}? " if close else "") +
                                      f"engines: {', '.join(VOICE_ENGINES)} (`sbc voices` lists their voices)"))


def _settings_checks(loaded: Loaded, sb: Storyboard) -> None:
    """Settings the file format has but sbc does not honour are refused (SB408) by every command, never silently
    ignored: `settings.music` (no background music is mixed yet) and `settings.math: "latex"` (formulas are typeset
    with ziamath, which needs no TeX installation; "auto" and "ziamath" mean exactly that)."""
    fs = sb.settings
    if fs is None:
        return
    if fs.music is not None:
        loaded.report.add(loaded.diag("SB408", "settings.music is not supported yet: sbc mixes no background music; "
                                      "remove the setting, or add music to the finished video", ("settings", "music")))
    if fs.math == "latex":
        loaded.report.add(loaded.diag("SB408", 'settings.math "latex" is not supported: formulas are typeset with '
                                      'ziamath (no TeX needed); remove the setting or write "ziamath"',
                                      ("settings", "math")))
    _voice_check(loaded, fs.voice, ("settings", "voice"))


def _semantic_checks(loaded: Loaded, sb: Storyboard, base_dir: Path | None) -> None:
    seen_ids: dict[str, int] = {}
    _settings_checks(loaded, sb)
    for i, scene in enumerate(sb.scenes):
        here = ("scenes", i)
        _voice_check(loaded, scene.voice, here + ("voice",))
        for f in _TEXT_FIELDS:
            value = getattr(scene, f)
            if _PLACEHOLDER.match(value):
                loaded.report.add(loaded.diag("SB210", f"scene {i + 1} {f} looks like a placeholder: {value[:40]!r}",
                                              here + (f,), severity=Severity.WARNING))
        if scene.id is not None:
            if scene.id in seen_ids:
                loaded.report.add(loaded.diag("SB212", f"duplicate scene id {scene.id!r} (also scene {seen_ids[scene.id] + 1})",
                                              here + ("id",)))
            seen_ids.setdefault(scene.id, i)
        if scene.audio_file is not None and base_dir is not None:
            if not (base_dir / scene.audio_file).is_file():
                loaded.report.add(loaded.diag("SB211", f"audio_file {scene.audio_file!r} does not exist",
                                              here + ("audio_file",), severity=Severity.WARNING,
                                              hint=f"paths are relative to {base_dir}"))
        if scene.visuals and any(v.beat is not None or v.after is not None for v in scene.visuals):
            for j, v in enumerate(scene.visuals):
                if v.beat is None and v.after is None:
                    loaded.report.add(loaded.diag(
                        "SB203", f"scene {i + 1} visuals[{j}] has no `beat` or `after`, but other visuals of the "
                                 "scene edit single planned beats", here + ("visuals", j),
                        hint="give it `beat` (replace that beat) or `after` (insert after it); or remove them all "
                             "to replace every beat"))
        if scene.audio_file is None:
            n = len(words(scene.audio_text))
            est = n / READING_RATE_WPS
            if est > MAX_SCENE_NARRATION_S:
                loaded.report.add(loaded.diag(
                    "SB213", f"scene {i + 1} narration is about {est:.0f} s ({n} words): too long for one scene",
                    here + ("audio_text",), severity=Severity.WARNING, hint="split it into several scenes"))
            elif unspeakable_words(scene.audio_text):
                long = unspeakable_words(scene.audio_text)
                loaded.report.add(loaded.diag(
                    "SB213", f"scene {i + 1} narration has {len(long)} word(s) too long to read aloud "
                             f"(the longest: {max(map(len, long))} characters); the voice says 'a long string' instead",
                    here + ("audio_text",), severity=Severity.WARNING,
                    hint=f"a word of more than {MAX_SPOKEN_WORD} characters is not spoken; links are read as their host"))
            elif n < 3:
                loaded.report.add(loaded.diag("SB213", f"scene {i + 1} narration has only {n} word(s)",
                                              here + ("audio_text",), severity=Severity.WARNING))
            elif scene.duration is not None and est > scene.duration * 1.5:
                loaded.report.add(loaded.diag(
                    "SB213", f"scene {i + 1} narration needs about {est:.0f} s but duration is {scene.duration:g} s",
                    here + ("duration",), severity=Severity.WARNING))
