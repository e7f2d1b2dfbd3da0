"""Shared field types for the storyboard models and the component models (pydantic only)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

# "Not blank": some character that is whitespace for none of the regex engines that check this pattern —
# pydantic (Rust `regex`, Unicode White_Space), Python `re` (also U+001C..U+001F) and ECMA-262, which
# JSON Schema validators and editors use (also U+FEFF, but not U+0085). A plain `\S` would disagree
# between them on those characters, so `sbc validate` and `sbc schema` would disagree too.
BLANK_PATTERN = r"[^\s\x1c-\x1f\x85\ufeff]"
NonBlank = Annotated[str, StringConstraints(min_length=1, pattern=BLANK_PATTERN)]
# `$` also matches before a final newline in Python's `re` (which the `jsonschema` package uses), not in
# ECMA-262 or Rust: the `not` keeps "intro\n" invalid for every JSON Schema validator.
SceneId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"),
                    Field(json_schema_extra={"not": {"pattern": r"\n"}})]
Colour = Annotated[str, Field(description="A colour: a name (`light blue`, `gold`) or a hex code (`#4fc3f7`).",
                              examples=["#4fc3f7", "gold"], max_length=64)]
ShortText = Annotated[str, StringConstraints(max_length=20000)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True)


def _whole_number(v: object) -> object:
    """JSON has one number type and JSON Schema's "integer" accepts 30.0: so does an integer field here.
    30.5, "30" and true stay errors (strict mode: no coercion)."""
    return int(v) if type(v) is float and v.is_integer() else v


