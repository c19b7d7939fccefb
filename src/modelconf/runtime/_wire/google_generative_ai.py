"""`google-generative-ai`: `models/{id}:streamGenerateContent?alt=sse`.

Facts from reference/runtime.md §1 ("Usage per format": Google) and §2 ("Gemini"). Each `data:`
event is a whole `GenerateContentResponse`; `usageMetadata` repeats with running totals.

Terminator: Gemini sends none (no `[DONE]`, no closing event). The stream is complete when candidate
0 carried a `finishReason` and the body then ended cleanly; an end before any `finishReason` is an
error.
"""

from __future__ import annotations

import json
from typing import Any

from .._events import Event, MessageBuilder, StopReason, Usage
from .._model import ChatRequest, ModelSpec
from .._sse import ServerSentEvent
from . import StreamError, as_int, load_json

_STOP: dict[str, StopReason] = {"STOP": "stop", "MAX_TOKENS": "length"}


def build_request(model: ModelSpec, request: ChatRequest) -> tuple[str, dict[str, Any]]:
    url = model.endpoint or f"{model.effective_base_url}/models/{model.id}:streamGenerateContent?alt=sse"
    contents = [
        {"role": "model" if m["role"] == "assistant" else "user", "parts": [{"text": m["content"]}]}
        for m in request.messages
    ]
    body: dict[str, Any] = {"contents": contents}
    if request.system:
        body["systemInstruction"] = {"parts": [{"text": request.system}]}
    config: dict[str, Any] = {}
    if request.max_tokens is not None:
        config["maxOutputTokens"] = request.max_tokens
    if request.temperature is not None:
        config["temperature"] = request.temperature
    if config:
        body["generationConfig"] = config
    if request.tools:
        body["tools"] = [
            {
                "functionDeclarations": [
                    {"name": t.name, "description": t.description, "parameters": dict(t.parameters)}
                    for t in request.tools
                ]
            }
        ]
    return url, body


def map_usage(raw: dict[str, Any]) -> Usage:
    prompt = as_int(raw.get("promptTokenCount"))
    cached = as_int(raw.get("cachedContentTokenCount"))
    thoughts = as_int(raw.get("thoughtsTokenCount"))
    output = as_int(raw.get("candidatesTokenCount")) + thoughts
    total = as_int(raw.get("totalTokenCount")) or prompt + output
    return Usage(max(prompt - cached, 0), output, cached, 0, total, thoughts)


class Parser:
    __slots__ = ("builder", "done", "_finished", "_kind", "_index", "_calls")

    def __init__(self, builder: MessageBuilder) -> None:
        self.builder = builder
        self.done = False  # never set: only the end of the body ends a Gemini stream
        self._finished = False
        self._kind = ""
        self._index = -1
        self._calls = 0

    def feed(self, kind: str, data: bytes) -> list[Event]:
        response = load_json(kind, data)
        if not isinstance(response, dict):
            raise StreamError("a Gemini event that is not a JSON object")
        error = response.get("error")
        if error:
            if isinstance(error, dict):
                text = error.get("message") or "the provider sent an error"
                status = error.get("status") or error.get("code")
                raise StreamError(f"{text} ({status})" if status else str(text))
            raise StreamError(str(error))
        builder = self.builder
        message = builder.message
        if message.response_id is None:
            message.response_id = response.get("responseId")
            message.response_model = response.get("modelVersion")
        events: list[Event] = []
        candidates = response.get("candidates") or []
        if candidates:
            candidate = candidates[0]
            for part in (candidate.get("content") or {}).get("parts") or []:
                self._part(part, events)
            reason = candidate.get("finishReason")
            if reason:
                self._finished = True
                message.provider_stop_reason = reason
                stop = _STOP.get(reason)
                if stop is None:
                    message.stop_reason = "error"
                    message.error_message = f"the provider stopped the answer (finishReason {reason!r})"
                else:
                    message.stop_reason = "toolUse" if message.tool_calls and stop == "stop" else stop
        usage = response.get("usageMetadata")
        if usage:
            events.append(builder.usage(map_usage(usage)))
        return events

    def _part(self, part: dict[str, Any], events: list[Event]) -> None:
        builder = self.builder
        text = part.get("text")
        if isinstance(text, str) and text:
            if part.get("thought"):
                if self._kind != "thinking":
                    self._kind, self._index = "thinking", builder.open_thinking()
                events.append(builder.thinking(self._index, text))
            else:
                if self._kind != "text":
                    self._kind, self._index = "text", builder.open_text()
                events.append(builder.text(self._index, text))
            signature = part.get("thoughtSignature")
            if signature:
                block = builder.message.content[self._index]
                if hasattr(block, "signature"):
                    block.signature = signature
        call = part.get("functionCall")
        if isinstance(call, dict):
            # Gemini sends each call whole: start, its arguments, end.
            self._calls += 1
            call_id = call.get("id") or f"call_{self._calls}"
            index, start = builder.open_tool(call_id, call.get("name") or "")
            events.append(start)
            events.append(builder.tool_arguments(index, json.dumps(call.get("args") or {})))
            end = builder.close_tool(index)
            if end is not None:
                events.append(end)
            self._kind = "tool"

    def finish(self, pending: ServerSentEvent | None) -> list[Event]:
        if not self._finished:
            raise StreamError("the stream ended before a candidate finishReason")
        return []


def new_parser(builder: MessageBuilder) -> Parser:
    return Parser(builder)
