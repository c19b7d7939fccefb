"""`anthropic-messages`: `message_start` … `message_stop`, with `ping` and `error` events.

Facts from reference/runtime.md §1 ("Mapping to events": Anthropic) and §2 ("Anthropic Messages").

Terminator: `message_stop`. The anthropic-sdk-python test fixtures end with a `message_stop`
that has no empty line after it, so the SSE rules never dispatch it; the SDK still reports those
streams as complete messages. So at the end of the body the decoder's unterminated event counts
when, and only when, it is a well-formed `message_stop`. Anything else that ends early is an error.

Blocks other than text, thinking, redacted_thinking and tool_use (server tools, their results,
compaction, fallback, …) produce no events; unknown event types are ignored, as the API docs ask.
"""

from __future__ import annotations

import json
from typing import Any

from .._events import Event, MessageBuilder, StopReason, Usage
from .._model import ChatRequest, ModelSpec
from .._sse import ServerSentEvent
from . import StreamError, as_int, load_json

# stop_reason → stop reason (reference/runtime.md §1, pi-ai anthropic).
_STOP: dict[str, StopReason] = {
    "end_turn": "stop",
    "pause_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "toolUse",
    "refusal": "error",
    "sensitive": "error",
}
DEFAULT_MAX_TOKENS = 4096  # the API requires max_tokens; used when neither caller nor catalog says


def build_request(model: ModelSpec, request: ChatRequest) -> tuple[str, dict[str, Any]]:
    url = model.endpoint or model.effective_base_url + "/v1/messages"
    body: dict[str, Any] = {
        "model": model.id,
        "max_tokens": request.max_tokens or model.max_tokens or DEFAULT_MAX_TOKENS,
        "messages": [{"role": m["role"], "content": m["content"]} for m in request.messages],
        "stream": True,
    }
    if request.system:
        body["system"] = request.system
    if request.temperature is not None:
        body["temperature"] = request.temperature
    if request.tools:
        body["tools"] = [
            {"name": t.name, "description": t.description, "input_schema": dict(t.parameters)} for t in request.tools
        ]
    return url, body


class Parser:
    __slots__ = ("builder", "done", "_blocks", "_usage")

    def __init__(self, builder: MessageBuilder) -> None:
        self.builder = builder
        self.done = False
        self._blocks: dict[int, int] = {}  # wire index → content index (followed blocks only)
        self._usage = Usage()

    def feed(self, kind: str, data: bytes) -> list[Event]:
        if kind == "ping":
            return []
        event = load_json(kind, data)
        if not isinstance(event, dict):
            raise StreamError(f"an Anthropic {kind!r} event that is not a JSON object")
        kind = event.get("type") or kind  # the SDK takes the event name when `type` is missing
        handler = _HANDLERS.get(kind)
        return handler(self, event) if handler is not None else []

    def _message_start(self, event: dict[str, Any]) -> list[Event]:
        message = event.get("message") or {}
        m = self.builder.message
        m.response_id = message.get("id")
        m.response_model = message.get("model")
        return self._update_usage(message.get("usage") or {})

    def _block_start(self, event: dict[str, Any]) -> list[Event]:
        block = event.get("content_block") or {}
        wire = event.get("index", 0)
        kind = block.get("type")
        builder = self.builder
        if kind == "text":
            index = self._blocks[wire] = builder.open_text()
            text = block.get("text")
            return [builder.text(index, text)] if text else []
        if kind == "thinking":
            index = self._blocks[wire] = builder.open_thinking(signature=block.get("signature") or None)
            thinking = block.get("thinking")
            return [builder.thinking(index, thinking)] if thinking else []
        if kind == "redacted_thinking":
            self._blocks[wire] = builder.open_thinking(redacted=True, signature=block.get("data"))
            return []
        if kind == "tool_use":
            index, start = builder.open_tool(block.get("id") or "", block.get("name") or "")
            self._blocks[wire] = index
            events: list[Event] = [start]
            initial = block.get("input")
            if initial:  # normally {} with the arguments streamed as input_json_delta
                events.append(builder.tool_arguments(index, json.dumps(initial)))
            return events
        return []

    def _block_delta(self, event: dict[str, Any]) -> list[Event]:
        index = self._blocks.get(event.get("index", 0))
        if index is None:
            return []
        delta = event.get("delta") or {}
        kind = delta.get("type")
        builder = self.builder
        if kind == "text_delta":
            text = delta.get("text")
            return [builder.text(index, text)] if text else []
        if kind == "thinking_delta":
            thinking = delta.get("thinking")
            return [builder.thinking(index, thinking)] if thinking else []
        if kind == "input_json_delta":
            partial = delta.get("partial_json")
            return [builder.tool_arguments(index, partial)] if partial else []
        if kind == "signature_delta":
            block = builder.message.content[index]
            if hasattr(block, "signature"):
                block.signature = delta.get("signature")
        return []

    def _block_stop(self, event: dict[str, Any]) -> list[Event]:
        index = self._blocks.get(event.get("index", 0))
        if index is None:
            return []
        end = self.builder.close_tool(index)
        return [end] if end is not None else []

    def _message_delta(self, event: dict[str, Any]) -> list[Event]:
        delta = event.get("delta") or {}
        reason = delta.get("stop_reason")
        if reason:
            message = self.builder.message
            message.provider_stop_reason = reason
            stop = _STOP.get(reason)
            if stop is None:
                message.stop_reason = "error"
                message.error_message = f"unhandled stop_reason {reason!r}"
            else:
                message.stop_reason = stop
                if stop == "error":
                    message.error_message = f"the model did not answer (stop_reason {reason!r})"
        return self._update_usage(event.get("usage") or {})

    def _update_usage(self, raw: dict[str, Any]) -> list[Event]:
        # Usage on message_delta is cumulative; fields it omits (or sends as null) keep the
        # message_start values, since proxies omit them.
        u = self._usage
        if raw.get("input_tokens") is not None:
            u.input = as_int(raw["input_tokens"])
        if raw.get("output_tokens") is not None:
            u.output = as_int(raw["output_tokens"])
        if raw.get("cache_read_input_tokens") is not None:
            u.cache_read = as_int(raw["cache_read_input_tokens"])
        if raw.get("cache_creation_input_tokens") is not None:
            u.cache_write = as_int(raw["cache_creation_input_tokens"])
        details = raw.get("output_tokens_details")
        if details:
            u.reasoning = as_int(details.get("thinking_tokens"))
        u.total_tokens = u.input + u.output + u.cache_read + u.cache_write
        if not raw:
            return []
        usage = Usage(u.input, u.output, u.cache_read, u.cache_write, u.total_tokens, u.reasoning)
        return [self.builder.usage(usage)]

    def _message_stop(self, event: dict[str, Any]) -> list[Event]:
        self.done = True
        return self.builder.close_all_tools()

    def _error(self, event: dict[str, Any]) -> list[Event]:
        error = event.get("error") or {}
        text = error.get("message") or "the provider sent an error event"
        kind = error.get("type")
        raise StreamError(f"{text} ({kind})" if kind else str(text))

    def finish(self, pending: ServerSentEvent | None) -> list[Event]:
        if not self.done and pending is not None and pending.event in ("message_stop", "message"):
            try:
                last = load_json(pending.event, pending.data)
            except StreamError:
                last = None
            if isinstance(last, dict) and last.get("type") == "message_stop":
                return self._message_stop(last)
        if not self.done:
            raise StreamError("the stream ended before message_stop")
        return []


_HANDLERS = {
    "message_start": Parser._message_start,
    "content_block_start": Parser._block_start,
    "content_block_delta": Parser._block_delta,
    "content_block_stop": Parser._block_stop,
    "message_delta": Parser._message_delta,
    "message_stop": Parser._message_stop,
    "error": Parser._error,
}


def new_parser(builder: MessageBuilder) -> Parser:
    return Parser(builder)
