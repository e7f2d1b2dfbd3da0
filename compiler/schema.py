"""`sbc schema`: the storyboard's JSON Schema (draft 2020-12), generated from the models."""

from __future__ import annotations

from .models import Storyboard

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def storyboard_schema() -> dict:
    schema = Storyboard.model_json_schema(mode="validation")
    out = {
        "$schema": DRAFT,
        "$id": "https://sbc.invalid/storyboard.schema.json",
        "title": "sbc storyboard",
        "description": "A list of scenes, each with scene_plot, animation_details, animation_style and audio_text; "
                       "compiled by `sbc build` into a narrated video.",
    }
    out.update({k: v for k, v in schema.items() if k != "title"})
    return out
