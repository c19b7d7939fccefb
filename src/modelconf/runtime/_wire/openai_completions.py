"""`openai-completions`: Chat Completions streaming (`data:` chunks, then `data: [DONE]`).

Facts from reference/runtime.md §1 ("Mapping to events", "Usage per format") and §2
("OpenAI Chat Completions").

Only choice index 0 is followed (the runtime never asks for n > 1).

Terminator: `data: [DONE]`. Some OpenAI-compatible servers close the stream without it, so a
clean end of the body after choice 0 carried a `finish_reason` also counts as complete; an end
before any `finish_reason` is an error ("the stream ended before [DONE]").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jiter import from_json

from .._events import Event, MessageBuilder, StopReason, TextDeltaEvent, Usage
from .._model import ChatRequest, ModelSpec
from .._sse import ServerSentEvent
from . import StreamError, as_int, load_json

# finish_reason → stop reason (reference/runtime.md §1, pi-ai openai-completions).
_STOP: dict[str, StopReason] = {
    "stop": "stop",
    "end": "stop",
    "length": "length",
    "tool_calls": "toolUse",
    "function_call": "toolUse",
    "content_filter": "error",
}
# Thinking arrives under one of these names depending on the server (pi-ai takes the first non-empty).
_REASONING_FIELDS = ("reasoning_content", "reasoning", "reasoning_text")


def build_request(model: ModelSpec, request: ChatRequest) -> tuple[str, dict[str, Any]]:
    url = model.endpoint or model.effective_base_url + "/chat/completions"
    messages: list[dict[str, Any]] = []
    if request.system:
        messages.append({"role": "system", "content": request.system})
    messages.extend({"role": m["role"], "content": m["content"]} for m in request.messages)
    body: dict[str, Any] = {
        "model": model.id,
        "messages": messages,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    if request.max_tokens is not None:
        body[str(model.compat.get("maxTokensField", "max_completion_tokens"))] = request.max_tokens
    if request.temperature is not None:
        body["temperature"] = request.temperature
    if request.tools:
        body["tools"] = [
            {
                "type": "function",
                "function": {"name": t.name, "description": t.description, "parameters": dict(t.parameters)},
            }
            for t in request.tools
        ]
    return url, body


def map_usage(raw: dict[str, Any]) -> Usage:
    """`input` excludes cached prompt tokens; `output` is `completion_tokens`, which already
    includes reasoning tokens (pi-ai 0.58 adds them again, earendil-works/pi #2709: not copied)."""
    prompt = as_int(raw.get("prompt_tokens"))
    details = raw.get("prompt_tokens_details") or {}
    cache_read = as_int(details.get("cached_tokens"))
    cache_write = as_int(details.get("cache_write_tokens"))
    output = as_int(raw.get("completion_tokens"))
    reasoning = as_int((raw.get("completion_tokens_details") or {}).get("reasoning_tokens"))
    input_ = max(prompt - cache_read - cache_write, 0)
    total = as_int(raw.get("total_tokens")) or input_ + output + cache_read + cache_write
    return Usage(input_, output, cache_read, cache_write, total, reasoning)


class Parser:
    __slots__ = ("builder", "done", "_finished", "_kind", "_index", "_tools", "_seen_id", "_text_append")

    def __init__(self, builder: MessageBuilder) -> None:
        self.builder = builder
        self.done = False
        self._finished = False  # choice 0 had a finish_reason
        self._kind = ""  # kind of the block being streamed: text, refusal, thinking, tool
        self._index = -1  # its content index
        self._tools: dict[int, int] = {}  # wire tool_calls[].index → content index
        self._seen_id = False
        self._text_append: Callable[[str], None] = _no_text

    def feed(self, kind: str, data: bytes) -> list[Event]:
        if data.startswith(b"[DONE]"):  # the SDK's test: data.startswith("[DONE]")
            self.done = True
            return []
        try:
            chunk = from_json(data, cache_mode="all")
        except ValueError:
            chunk = load_json(kind, data)
        if not isinstance(chunk, dict):
            raise StreamError("a chat completion chunk that is not a JSON object")
        error = chunk.get("error")
        if error:
            raise StreamError(_error_text(error))
        choices = chunk.get("choices")
        if self._seen_id:
            # Fast path: most chunks are `{"content": "…"}` continuing the current text block.
            if choices and len(choices) == 1 and self._kind == "text":
                choice = choices[0]
                delta = choice.get("delta")
                if delta and len(delta) == 1 and not choice.get("finish_reason") and not chunk.get("usage"):
                    content = delta.get("content")
                    if type(content) is str and content and choice.get("index", 0) == 0:
                        self._text_append(content)
                        return [TextDeltaEvent(self._index, content)]
        else:
            self._seen_id = True
            message = self.builder.message
            message.response_id = chunk.get("id")
            message.response_model = chunk.get("model")
        events: list[Event] = []
        if choices:
            for choice in choices:
                if choice.get("index", 0) == 0:
                    self._choice(choice, events)
                    break
        usage = chunk.get("usage")
        if usage:
            events.append(self.builder.usage(map_usage(usage)))
        return events

    def _choice(self, choice: dict[str, Any], events: list[Event]) -> None:
        delta = choice.get("delta")
        builder = self.builder
        if delta:
            for name in _REASONING_FIELDS:
                thinking = delta.get(name)
                if thinking:
                    if self._kind != "thinking":
                        self._kind, self._index = "thinking", builder.open_thinking(signature=name)
                    events.append(builder.thinking(self._index, thinking))
                    break
            content = delta.get("content")
            if content:
                if self._kind != "text":
                    self._kind, self._index = "text", builder.open_text()
                    self._text_append = builder.text_appender(self._index)
                events.append(builder.text(self._index, content))
            refusal = delta.get("refusal")
            if refusal:
                if self._kind != "refusal":
                    self._kind, self._index = "refusal", builder.open_text(refusal=True)
                events.append(builder.text(self._index, refusal))
            tool_calls = delta.get("tool_calls")
            if tool_calls:
                for call in tool_calls:
                    self._tool_delta(call, events)
        usage = choice.get("usage")  # Moonshot puts usage on the choice
        if usage:
            events.append(builder.usage(map_usage(usage)))
        reason = choice.get("finish_reason")
        if reason:
            self._finished = True
            message = builder.message
            message.provider_stop_reason = reason
            stop = _STOP.get(reason)
            if stop is None:
                message.stop_reason = "error"
                message.error_message = f"unhandled finish_reason {reason!r}"
            else:
                message.stop_reason = stop
                if stop == "error":
                    message.error_message = f"the provider stopped the answer (finish_reason {reason!r})"
            events.extend(builder.close_all_tools())

    def _tool_delta(self, call: dict[str, Any], events: list[Event]) -> None:
        wire = call.get("index", 0)
        index = self._tools.get(wire)
        function = call.get("function") or {}
        call_id = call.get("id")
        if index is None or (call_id and call_id != self._tool_id(index)):
            # A new tool call: a new wire index, or a new id at the same index (pi-ai's rule).
            if index is not None:
                end = self.builder.close_tool(index)
                if end is not None:
                    events.append(end)
            index, start = self.builder.open_tool(call_id or "", function.get("name") or "")
            self._tools[wire] = index
            events.append(start)
        self._kind, self._index = "tool", index
        arguments = function.get("arguments")
        if arguments:
            events.append(self.builder.tool_arguments(index, arguments))

    def _tool_id(self, index: int) -> str:
        block = self.builder.message.content[index]
        return getattr(block, "id", "")

    def finish(self, pending: ServerSentEvent | None) -> list[Event]:
        if not self.done and not self._finished:
            raise StreamError("the stream ended before [DONE] and before a finish_reason")
        message = self.builder.message
        if message.stop_reason is None:  # [DONE] without a finish_reason
            message.stop_reason = "stop"
        return self.builder.close_all_tools()


def _no_text(delta: str) -> None:
    raise AssertionError("no open text block")


def new_parser(builder: MessageBuilder) -> Parser:
    return Parser(builder)


def _error_text(error: object) -> str:
    if isinstance(error, dict):
        text = error.get("message") or "An error occurred during streaming"
        code = error.get("code") or error.get("type")
        return f"{text} ({code})" if code else str(text)
    return str(error)
