"""Wire formats: one module per `api`, each building the request and mapping decoded events.

A module exposes `build_request(model, request) -> (url, body)` and a `Parser` class:
`Parser(builder)`, `.feed(event_type, data) -> list[Event]` (may raise `StreamError`), `.done` (the format's
terminator arrived: stop reading) and `.finish(pending) -> list[Event]`, called at the end of the
bytes with the decoder's unterminated event, which raises `StreamError` when the stream ended
without its terminator.
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any, Protocol

from jiter import from_json

from .._events import Event, MessageBuilder
from .._model import ChatRequest, ModelSpec
from .._sse import ServerSentEvent


class StreamError(Exception):
    """A failure inside a stream; the runtime turns it into an `error` event."""


class Parser(Protocol):
    done: bool

    def feed(self, kind: str, data: bytes) -> list[Event]: ...

    def finish(self, pending: ServerSentEvent | None) -> list[Event]: ...


class WireFormat(Protocol):
    def build_request(self, model: ModelSpec, request: ChatRequest) -> tuple[str, dict[str, Any]]: ...

    def new_parser(self, builder: MessageBuilder) -> Parser: ...


def load_json(kind: str, data: bytes) -> Any:
    """Parse an event's data. jiter first (≈3× faster than json.loads on these events); invalid
    UTF-8 falls back to the spec's U+FFFD decoding; anything else is a malformed event."""
    try:
        return from_json(data, cache_mode="all")
    except ValueError:
        pass
    try:
        return json.loads(data.decode("utf-8", "replace"))
    except ValueError:
        snippet = data[:80].decode("utf-8", "replace")
        raise StreamError(f"malformed JSON in a {kind!r} event: {snippet!r}") from None


def as_int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


APIS = ("openai-completions", "openai-responses", "anthropic-messages", "google-generative-ai")


def wire_format(api: str) -> ModuleType:
    """The module for a wire API; `KeyError` for one this runtime does not speak."""
    if api not in APIS:
        raise KeyError(api)
    return importlib.import_module("." + api.replace("-", "_"), __name__)
