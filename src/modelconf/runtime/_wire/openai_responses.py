"""`openai-responses`: `response.*` events (`event: <type>` + `data: {"type": <type>, …}`).

Facts from reference/runtime.md §1 ("Mapping to events": Responses) and §2 ("OpenAI Responses").

Terminator: `response.completed`, `response.incomplete` or `response.failed` (there is no
`[DONE]`). `failed` and the `error` event end the stream with an error.
"""

from __future__ import annotations

from typing import Any

from .._events import Event, MessageBuilder, Usage
from .._model import ChatRequest, ModelSpec
from .._sse import ServerSentEvent
from . import StreamError, as_int, load_json


def build_request(model: ModelSpec, request: ChatRequest) -> tuple[str, dict[str, Any]]:
    url = model.endpoint or model.effective_base_url + "/responses"
    body: dict[str, Any] = {
        "model": model.id,
        "input": [{"role": m["role"], "content": m["content"]} for m in request.messages],
        "stream": True,
    }
    if request.system:
        body["instructions"] = request.system
    if request.max_tokens is not None:
        body["max_output_tokens"] = request.max_tokens
    if request.temperature is not None:
        body["temperature"] = request.temperature
    if request.tools:
        body["tools"] = [
            {"type": "function", "name": t.name, "description": t.description, "parameters": dict(t.parameters)}
            for t in request.tools
        ]
    return url, body


def map_usage(raw: dict[str, Any]) -> Usage:
    total_input = as_int(raw.get("input_tokens"))
    details = raw.get("input_tokens_details") or {}
    cache_read = as_int(details.get("cached_tokens"))
    cache_write = as_int(details.get("cache_write_tokens"))
    output = as_int(raw.get("output_tokens"))
    reasoning = as_int((raw.get("output_tokens_details") or {}).get("reasoning_tokens"))
    input_ = max(total_input - cache_read - cache_write, 0)
    total = as_int(raw.get("total_tokens")) or total_input + output
    return Usage(input_, output, cache_read, cache_write, total, reasoning)


class Parser:
    __slots__ = ("builder", "done", "_items", "_summary_parts")

    def __init__(self, builder: MessageBuilder) -> None:
        self.builder = builder
        self.done = False
        self._items: dict[Any, int] = {}  # (output_index, role) → content index
        self._summary_parts: set[int] = set()  # reasoning blocks that already have a summary part

    def feed(self, kind: str, data: bytes) -> list[Event]:
        event = load_json(kind, data)
        if not isinstance(event, dict):
            raise StreamError(f"a Responses {kind!r} event that is not a JSON object")
        kind = event.get("type") or kind
        builder = self.builder
        out = event.get("output_index", 0)
        if kind == "response.output_text.delta":
            return self._text(out, event.get("delta"), refusal=False)
        if kind == "response.refusal.delta":
            return self._text(out, event.get("delta"), refusal=True)
        if kind in ("response.reasoning_summary_text.delta", "response.reasoning_text.delta"):
            delta = event.get("delta")
            if not delta:
                return []
            index = self._block(out, "thinking")
            return [builder.thinking(index, delta)]
        if kind == "response.reasoning_summary_part.added":
            # Separate summary parts with an empty line (pi-ai appends one after each part).
            index = self._block(out, "thinking")
            if index in self._summary_parts:
                return [builder.thinking(index, "\n\n")]
            self._summary_parts.add(index)
            return []
        if kind == "response.output_item.added":
            item = event.get("item") or {}
            if item.get("type") == "function_call":
                index, start = builder.open_tool(item.get("call_id") or item.get("id") or "", item.get("name") or "")
                self._items[(out, "tool")] = index
                return [start]
            return []
        if kind == "response.function_call_arguments.delta":
            tool = self._items.get((out, "tool"))
            delta = event.get("delta")
            return [builder.tool_arguments(tool, delta)] if tool is not None and delta else []
        if kind == "response.function_call_arguments.done":
            return self._close_tool(out, event.get("arguments"))
        if kind == "response.output_item.done":
            item = event.get("item") or {}
            if item.get("type") == "function_call":
                return self._close_tool(out, item.get("arguments"))
            return []
        if kind in ("response.created", "response.in_progress"):
            response = event.get("response") or {}
            message = builder.message
            message.response_id = response.get("id") or message.response_id
            message.response_model = response.get("model") or message.response_model
            return []
        if kind in ("response.completed", "response.incomplete", "response.failed"):
            return self._end(kind, event.get("response") or {})
        if kind == "error":
            text = event.get("message") or "the provider sent an error event"
            code = event.get("code")
            raise StreamError(f"{text} ({code})" if code else str(text))
        return []

    def _block(self, out: int, kind: str) -> int:
        index = self._items.get((out, kind))
        if index is None:
            builder = self.builder
            if kind == "thinking":
                index = builder.open_thinking()
            else:
                index = builder.open_text(refusal=kind == "refusal")
            self._items[(out, kind)] = index
        return index

    def _text(self, out: int, delta: object, *, refusal: bool) -> list[Event]:
        if not isinstance(delta, str) or not delta:
            return []
        index = self._block(out, "refusal" if refusal else "text")
        return [self.builder.text(index, delta)]

    def _close_tool(self, out: int, arguments: object) -> list[Event]:
        index = self._items.get((out, "tool"))
        if index is None:
            return []
        end = self.builder.close_tool(index, arguments if isinstance(arguments, str) else None)
        return [end] if end is not None else []

    def _end(self, kind: str, response: dict[str, Any]) -> list[Event]:
        self.done = True
        builder = self.builder
        message = builder.message
        message.response_id = response.get("id") or message.response_id
        message.response_model = response.get("model") or message.response_model
        events: list[Event] = builder.close_all_tools()
        usage = response.get("usage")
        if usage:
            events.append(builder.usage(map_usage(usage)))
        status = response.get("status") or kind.rpartition(".")[2]
        message.provider_stop_reason = status
        if status == "completed":
            message.stop_reason = "toolUse" if message.tool_calls else "stop"
        elif status == "incomplete":
            reason = (response.get("incomplete_details") or {}).get("reason")
            if reason == "content_filter":
                message.stop_reason = "error"
                message.error_message = "the provider stopped the answer (incomplete: content_filter)"
            else:
                message.stop_reason = "length"
        else:
            error = response.get("error") or {}
            text = error.get("message") or f"the response ended with status {status!r}"
            code = error.get("code")
            raise StreamError(f"{text} ({code})" if code else str(text))
        return events

    def finish(self, pending: ServerSentEvent | None) -> list[Event]:
        if not self.done:
            raise StreamError("the stream ended before response.completed, response.incomplete or response.failed")
        return []


def new_parser(builder: MessageBuilder) -> Parser:
    return Parser(builder)
