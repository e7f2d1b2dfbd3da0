"""message_chart: a message sequence chart — lifelines (Client, Server…) as headed dashed columns, labelled
messages as arrows slanting down in time (a TCP handshake, request/response), replies dashed, lost messages
ending in a cross, notes in the margin (timeout, retry), state labels on the lifelines that change over time.
Messages arrive one by one; `extend` adds more below the chart on screen."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..fields import BLANK_PATTERN, Colour, _Model
from .base import VisualBase

KIND = "message_chart"
RUNTIME = "message_chart"  # helper module in compiler.runtime.components (None: an operation of SbcScene)
MAX_LIFELINES = 6
MAX_MESSAGES = 12
MAX_STATES = 12

Name = Annotated[str, Field(min_length=1, max_length=40, pattern=BLANK_PATTERN)]


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("message_chart", message)


class Message(_Model):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True, validate_by_name=True,
                              validate_by_alias=True, serialize_by_alias=True)
    from_: Name = Field(alias="from", description="The lifeline that sends it.", examples=["Client"])
    to: Name = Field(description="The lifeline that receives it (the same one: a message to itself).",
                     examples=["Server"])
    label: str | None = Field(None, max_length=60, description="Text over the arrow.", examples=["SYN seq=100"])
    reply: bool = Field(False, description="A reply: a dashed arrow.", examples=[True])
    lost: bool = Field(False, description="Lost on the way: the arrow stops halfway at a cross.", examples=[True])
    note: str | None = Field(None, max_length=30, description="Text in the margin beside it (`timeout`, `retry`, "
                             "`t = 2 ms`).", examples=["retry"])
    color: Colour | None = Field(None, description="Arrow colour.", examples=["orange"])


class State(_Model):
    lifeline: Name = Field(description="The lifeline whose state it is.", examples=["Client"])
    text: str = Field(min_length=1, max_length=24, description="The state (`SYN_SENT`, `ESTABLISHED`).",
                      examples=["ESTABLISHED"])
    after: int | None = Field(None, ge=0, le=MAX_MESSAGES - 1, description="It begins after this message "
                              "(0-based; default: at the start). The lifeline's earlier state dims.", examples=[2])


class MessageChartVisual(VisualBase):
    kind: Literal["message_chart"] = Field(description="A message sequence chart: lifelines with labelled "
                                           "messages slanting down in time, replies, lost messages, notes and "
                                           "states; messages arrive one by one.")
    lifelines: list[Name] = Field(default_factory=list, max_length=MAX_LIFELINES,
                                  description="The parties, left to right.", examples=[["Client", "Server"]])
    messages: list[Message] = Field(default_factory=list, max_length=MAX_MESSAGES,
                                    description="The messages, in time order.",
                                    examples=[[{"from": "Client", "to": "Server", "label": "SYN"}]])
    states: list[State] = Field(default_factory=list, max_length=MAX_STATES,
                                description="State labels on the lifelines.",
                                examples=[[{"lifeline": "Client", "text": "SYN_SENT", "after": 0}]])
    time_arrow: bool = Field(False, description="A 'time' arrow down the left side.", examples=[True])
    caption: str | None = Field(None, max_length=120, description="Text under the chart.",
                                examples=["The TCP three-way handshake"])
    extend: bool = Field(False, description="Add `messages` and `states` below the chart on screen (their "
                         "`after` counts on from its messages); without one on screen, this beat's chart is "
                         "drawn.", examples=[True])

    @field_validator("lifelines")
    @classmethod
    def _unique(cls, v: list) -> list:
        seen: set[str] = set()
        for k, n in enumerate(v):
            if n in seen:
                raise _err(f"lifeline {k} ({n!r}) is listed twice")
            seen.add(n)
        return v

    @model_validator(mode="after")
    def _consistent(self):
        if not self.extend:
            if len(self.lifelines) < 2 and not (self.lifelines and self.messages
                                                and all(m.from_ == m.to for m in self.messages)):
                raise _err("a message chart needs at least two `lifelines`")
            if not self.lifelines:
                raise _err("a message chart needs `lifelines`")
        known = set(self.lifelines)
        if known:
            for k, m in enumerate(self.messages):
                for end in (m.from_, m.to):
                    if end not in known:
                        raise _err(f"message {k} ({m.from_} → {m.to}): there is no lifeline {end!r}")
            for k, s in enumerate(self.states):
                if s.lifeline not in known:
                    raise _err(f"state {k} ({s.text!r}): there is no lifeline {s.lifeline!r}")
        if not self.extend:
            for k, s in enumerate(self.states):
                if s.after is not None and s.after >= len(self.messages):
                    raise _err(f"state {k} ({s.text!r}) comes after message {s.after}, but there are "
                               f"{len(self.messages)} messages (counted from 0)")
        elif not (self.messages or self.states or self.lifelines):
            raise _err("`extend` adds `messages` or `states` to the chart on screen: give some")
        return self


STRINGS = ("lifelines", "messages", "states", "caption")


def drawn(params: dict) -> list[str]:
    out = list(params.get("lifelines") or [])
    for m in params.get("messages") or []:
        out += [m[k] for k in ("label", "note") if m.get(k)]
    out += [s["text"] for s in params.get("states") or []]
    if params.get("time_arrow"):
        out.append("time")
    if params.get("caption"):
        out.append(params["caption"])
    return out


MODEL = MessageChartVisual
