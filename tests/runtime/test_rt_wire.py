"""Each wire format over the loopback server: request URL, headers and body; event mapping; terminators."""

from __future__ import annotations

import json
from typing import Any

from loopback import LoopbackServer, Replay
from rt_helpers import catalog_dict, sse_fixture

from modelconf.runtime import Runtime, Settings, StaticKeys
from modelconf.runtime._catalog import parse
from modelconf.runtime._events import Event

KEY = "sk-canary-9999999999999999999999999999zzzz"


def run(server: LoopbackServer, body: bytes, *, api: str, scheme: str = "bearer", base: str = "/v1", **kw: Any) -> list[Event]:
    data = catalog_dict(server.url + base, api=api, scheme=scheme)
    data["providers"]["p"].update(kw.pop("provider_extra", {}))
    data["models"][0].update(kw.pop("model_extra", {}))
    server.script(Replay(body, chunk=kw.pop("chunk", 41)))
    credentials = kw.pop("credentials", None) or StaticKeys({"p": KEY})
    with Runtime(parse(data), credentials=credentials, settings=Settings(max_retries=0)) as rt:
        events = list(rt.stream("p/m", "Hi", **kw))
    assert KEY not in json.dumps([e.to_dict() for e in events])
    return events


def sse(*events: tuple[str | None, dict[str, Any]]) -> bytes:
    out = b""
    for name, data in events:
        if name:
            out += f"event: {name}\n".encode()
        out += b"data: " + json.dumps(data).encode() + b"\n\n"
    return out


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


# ---- anthropic-messages ---------------------------------------------------------------------


def test_anthropic_request_and_stream(server: LoopbackServer) -> None:
    events = run(server, sse_fixture("tool_use_response.txt"), api="anthropic-messages", scheme="x-api-key", base="",
                 tools=[{"name": "get_weather", "description": "Weather", "parameters": {"type": "object"}}])  # fmt: skip
    (req,) = server.requests
    assert req.path == "/v1/messages"
    assert req.headers["x-api-key"] == KEY and "authorization" not in req.headers
    assert req.headers["anthropic-version"] == "2023-06-01"
    assert req.body["max_tokens"] == 4096 and req.body["stream"] is True
    assert req.body["tools"] == [{"name": "get_weather", "description": "Weather", "input_schema": {"type": "object"}}]
    assert types(events) == (
        ["start", "usage", "text_delta", "text_delta", "toolcall_start"]
        + ["toolcall_delta"] * 4
        + ["toolcall_end", "usage", "done"]
    )
    end = events[-3]
    assert end.tool_call.arguments == {"location": "Paris"}  # type: ignore[union-attr]
    assert events[-1].reason == "toolUse"  # type: ignore[union-attr]


def test_anthropic_thinking_and_error_event(server: LoopbackServer) -> None:
    body = sse(
        ("message_start", {"type": "message_start", "message": {"id": "msg_1", "model": "c", "usage": {"input_tokens": 5, "output_tokens": 1}}}),
        ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "hmm"}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "sig"}}),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        ("ping", {"type": "ping"}),
        ("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
    )  # fmt: skip
    events = run(server, body, api="anthropic-messages", scheme="x-api-key", base="")
    assert types(events) == ["start", "usage", "thinking_delta", "error"]
    assert events[-1].error == "Overloaded (overloaded_error)"  # type: ignore[union-attr]
    thinking = events[-1].message.content[0]  # type: ignore[union-attr]
    assert (thinking.thinking, thinking.signature) == ("hmm", "sig")


def test_anthropic_without_message_stop_is_an_error(server: LoopbackServer) -> None:
    body = sse_fixture("basic_response.txt")
    body = body[: body.index(b"event: message_delta")]
    events = run(server, body, api="anthropic-messages", scheme="x-api-key", base="")
    assert events[-1].type == "error"
    assert events[-1].error == "the stream ended before message_stop"  # type: ignore[union-attr]
    assert events[-1].message.text == "Hello there!"  # type: ignore[union-attr]


# ---- openai-responses -----------------------------------------------------------------------


def _responses_stream(end: str = "response.completed", status: str = "completed") -> bytes:
    resp = {"id": "resp_1", "model": "gpt-x", "status": "in_progress"}
    final = {**resp, "status": status, "usage": {"input_tokens": 20, "input_tokens_details": {"cached_tokens": 4},
             "output_tokens": 9, "output_tokens_details": {"reasoning_tokens": 3}, "total_tokens": 29}}  # fmt: skip
    if status == "failed":
        final["error"] = {"code": "server_error", "message": "The model failed"}
    events = [
        ("response.created", {"type": "response.created", "response": resp}),
        ("response.output_item.added", {"type": "response.output_item.added", "output_index": 0, "item": {"type": "reasoning", "id": "rs_1"}}),
        ("response.reasoning_summary_part.added", {"type": "response.reasoning_summary_part.added", "output_index": 0}),
        ("response.reasoning_summary_text.delta", {"type": "response.reasoning_summary_text.delta", "output_index": 0, "delta": "think"}),
        ("response.output_item.added", {"type": "response.output_item.added", "output_index": 1, "item": {"type": "message", "id": "m_1"}}),
        ("response.output_text.delta", {"type": "response.output_text.delta", "output_index": 1, "delta": "Hel"}),
        ("response.output_text.delta", {"type": "response.output_text.delta", "output_index": 1, "delta": "lo"}),
        ("response.output_item.added", {"type": "response.output_item.added", "output_index": 2, "item": {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f"}}),
        ("response.function_call_arguments.delta", {"type": "response.function_call_arguments.delta", "output_index": 2, "delta": "{\"a\":"}),
        ("response.function_call_arguments.delta", {"type": "response.function_call_arguments.delta", "output_index": 2, "delta": " 1}"}),
        ("response.output_item.done", {"type": "response.output_item.done", "output_index": 2, "item": {"type": "function_call", "arguments": "{\"a\": 1}"}}),
        (end, {"type": end, "response": final}),
    ]  # fmt: skip
    return sse(*events)


def test_responses_request_and_stream(server: LoopbackServer) -> None:
    events = run(server, _responses_stream(), api="openai-responses", system="S", max_tokens=64)
    (req,) = server.requests
    assert req.path == "/v1/responses"
    assert req.body["instructions"] == "S" and req.body["max_output_tokens"] == 64
    assert req.body["input"] == [{"role": "user", "content": "Hi"}]
    assert types(events) == [
        "start", "thinking_delta", "text_delta", "text_delta", "toolcall_start",
        "toolcall_delta", "toolcall_delta", "toolcall_end", "usage", "done",
    ]  # fmt: skip
    m = events[-1].message  # type: ignore[union-attr]
    assert (m.thinking, m.text, m.tool_calls[0].arguments) == ("think", "Hello", {"a": 1})
    assert events[-1].reason == "toolUse"  # type: ignore[union-attr]
    u = m.usage
    assert (u.input, u.cache_read, u.output, u.reasoning, u.total_tokens) == (16, 4, 9, 3, 29)


def test_responses_incomplete_failed_and_unterminated(server: LoopbackServer) -> None:
    incomplete = run(server, _responses_stream("response.incomplete", "incomplete"), api="openai-responses")
    assert incomplete[-1].type == "done" and incomplete[-1].reason == "length"  # type: ignore[union-attr]
    failed = run(server, _responses_stream("response.failed", "failed"), api="openai-responses")
    assert failed[-1].type == "error" and failed[-1].error == "The model failed (server_error)"  # type: ignore[union-attr]
    body = _responses_stream()
    cut = run(server, body[: body.rindex(b"event: response.completed")], api="openai-responses")
    assert cut[-1].type == "error"
    assert cut[-1].error == "the stream ended before response.completed, response.incomplete or response.failed"  # type: ignore[union-attr]


# ---- google-generative-ai -------------------------------------------------------------------


def _gemini(finish: bool = True) -> bytes:
    usage = {"promptTokenCount": 10, "cachedContentTokenCount": 2, "candidatesTokenCount": 5, "thoughtsTokenCount": 3, "totalTokenCount": 18}
    chunks = [
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "plan", "thought": True}]}}], "responseId": "r1", "modelVersion": "gemini-x"},
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hi "}]}}]},
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "there"}, {"functionCall": {"name": "f", "args": {"x": [1]}}}]},
                         **({"finishReason": "STOP"} if finish else {})}], "usageMetadata": usage},
    ]  # fmt: skip
    return b"".join(b"data: " + json.dumps(c).encode() + b"\r\n\r\n" for c in chunks)  # CRLF framing is reported for alt=sse


def test_gemini_request_and_stream(server: LoopbackServer) -> None:
    events = run(server, _gemini(), api="google-generative-ai", scheme="x-goog-api-key", base="/v1beta", system="S", max_tokens=8)
    (req,) = server.requests
    assert req.path == "/v1beta/models/m:streamGenerateContent?alt=sse"
    assert req.headers["x-goog-api-key"] == KEY
    assert req.body == {
        "contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
        "systemInstruction": {"parts": [{"text": "S"}]},
        "generationConfig": {"maxOutputTokens": 8},
    }
    assert types(events) == ["start", "thinking_delta", "text_delta", "text_delta", "toolcall_start",
                             "toolcall_delta", "toolcall_end", "usage", "done"]  # fmt: skip
    m = events[-1].message  # type: ignore[union-attr]
    assert (m.thinking, m.text, m.tool_calls[0].name, m.tool_calls[0].arguments) == ("plan", "Hi there", "f", {"x": [1]})
    assert events[-1].reason == "toolUse"  # type: ignore[union-attr]
    u = m.usage
    assert (u.input, u.cache_read, u.output, u.reasoning, u.total_tokens) == (8, 2, 8, 3, 18)


def test_gemini_without_finish_reason_is_an_error(server: LoopbackServer) -> None:
    events = run(server, _gemini(finish=False), api="google-generative-ai", scheme="x-goog-api-key", base="/v1beta")
    assert events[-1].type == "error"
    assert events[-1].error == "the stream ended before a candidate finishReason"  # type: ignore[union-attr]


# ---- openai-completions details -------------------------------------------------------------


def test_completions_reasoning_content_and_tool_calls_and_finish_without_done(server: LoopbackServer) -> None:
    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {"id": "c1", "model": "x", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    body = sse(
        (None, chunk({"reasoning_content": "why"})),
        (None, chunk({"content": "ok"})),
        (None, chunk({"tool_calls": [{"index": 0, "id": "t1", "function": {"name": "f", "arguments": "{\"q\""}}]})),
        (None, chunk({"tool_calls": [{"index": 0, "function": {"arguments": ": 2}"}}]})),
        (None, chunk({"tool_calls": [{"index": 1, "id": "t2", "function": {"name": "g", "arguments": "{}"}}]})),
        (None, chunk({}, "tool_calls")),
    )  # no [DONE], no usage: a clean end after finish_reason counts as complete
    events = run(server, body, api="openai-completions")
    # Parallel calls stream by wire index and may interleave: they all end at the finish_reason.
    assert types(events) == ["start", "thinking_delta", "text_delta", "toolcall_start", "toolcall_delta",
                             "toolcall_delta", "toolcall_start", "toolcall_delta", "toolcall_end", "toolcall_end", "done"]  # fmt: skip
    m = events[-1].message  # type: ignore[union-attr]
    assert [(t.id, t.name, t.arguments) for t in m.tool_calls] == [("t1", "f", {"q": 2}), ("t2", "g", {})]
    assert m.content[0].signature == "reasoning_content"  # the field the thinking came in


def test_completions_error_chunk_and_content_filter(server: LoopbackServer) -> None:
    body = sse((None, {"error": {"message": "Internal error", "type": "server_error"}}))
    events = run(server, body, api="openai-completions")
    assert types(events) == ["start", "error"] and events[-1].error == "Internal error (server_error)"  # type: ignore[union-attr]
    body = sse((None, {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "content_filter"}]})) + b"data: [DONE]\n\n"
    events = run(server, body, api="openai-completions")
    assert events[-1].type == "error" and events[-1].message.provider_stop_reason == "content_filter"  # type: ignore[union-attr]


# ---- auth schemes and catalog headers ---------------------------------------------------------


def test_auth_schemes_and_headers(server: LoopbackServer) -> None:
    body = sse_fixture("d615*.bin")
    for scheme, header, value in [
        ("bearer", "authorization", f"Bearer {KEY}"),
        ("api-key", "api-key", KEY),
        ("cf-aig-authorization", "cf-aig-authorization", f"Bearer {KEY}"),
    ]:
        run(server, body, api="openai-completions", scheme=scheme)
        assert server.requests[0].headers[header] == value, scheme
    run(
        server, body, api="openai-completions",
        provider_extra={"headers": {"X-Org": {"value": "acme"}, "X-Token": {"ref": {"source": "env", "name": "TOK"}}}},
        model_extra={"headers": {"X-Org": {"value": "model-wins"}}},
        credentials=StaticKeys({"p": KEY}, values={"TOK": "from-ref"}),
    )  # fmt: skip
    headers = server.requests[0].headers
    assert (headers["x-org"], headers["x-token"]) == ("model-wins", "from-ref")


def test_unresolved_header_ref_is_an_error_event(server: LoopbackServer) -> None:
    events = run(
        server, sse_fixture("d615*.bin"), api="openai-completions",
        provider_extra={"headers": {"X-Token": {"ref": {"source": "env", "name": "MISSING_TOK"}}}},
    )  # fmt: skip
    assert types(events) == ["error"]
    assert events[0].error == "header 'X-Token': its credential reference (env MISSING_TOK) has no value"  # type: ignore[union-attr]
    assert server.requests == []


def test_a_header_credential_echoed_by_the_server_is_masked(server: LoopbackServer) -> None:
    from loopback import Status

    from modelconf.secrets import fingerprint

    token = "tok-canary-8888888888888888888888888888yyyy"
    data = catalog_dict(server.url + "/v1")
    data["providers"]["p"]["headers"] = {"X-Token": {"ref": {"source": "env", "name": "TOK"}}}
    server.script(Status(403, json.dumps({"error": {"message": f"bad X-Token {token}"}}).encode()))
    credentials = StaticKeys({"p": KEY}, values={"TOK": token})
    with Runtime(parse(data), credentials=credentials, settings=Settings(max_retries=0)) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert server.requests[0].headers["x-token"] == token
    assert events[-1].error == f"HTTP 403 Forbidden: bad X-Token {fingerprint(token)}"  # type: ignore[union-attr]


# ---- stop reasons and provider errors, per format (no server: the pipeline on the bytes) -----


def replayed(api: str, body: bytes) -> list[Event]:
    from modelconf.runtime._model import ModelSpec, ProviderSpec
    from modelconf.runtime._pipeline import replay

    provider = ProviderSpec(id="p", api=api, base_url="http://127.0.0.1", auth_kind="api-key", auth_scheme="bearer")
    return list(replay(ModelSpec(key="p/m", id="m", api=api, provider=provider), [body]))


def _completions_end(reason: str) -> bytes:
    return sse((None, {"id": "c", "choices": [{"index": 0, "delta": {"content": "x"}, "finish_reason": reason}]})) + b"data: [DONE]\n\n"


def _anthropic_end(reason: str) -> bytes:
    return sse(
        ("message_start", {"type": "message_start", "message": {"id": "msg_1", "model": "c", "usage": {"input_tokens": 1}}}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": reason}, "usage": {"output_tokens": 1}}),
        ("message_stop", {"type": "message_stop"}),
    )


def _gemini_end(reason: str) -> bytes:
    return sse((None, {"candidates": [{"content": {"parts": [{"text": "x"}]}, "finishReason": reason}]}))


STOPS = [
    # (api, stream, reason or None for an error event, error text)
    ("openai-completions", _completions_end("length"), "length", None),
    ("openai-completions", _completions_end("content_filter"), None, "the provider stopped the answer (finish_reason 'content_filter')"),
    ("openai-completions", _completions_end("brand_new"), None, "unhandled finish_reason 'brand_new'"),
    ("anthropic-messages", _anthropic_end("max_tokens"), "length", None),
    ("anthropic-messages", _anthropic_end("refusal"), None, "the model did not answer (stop_reason 'refusal')"),
    ("anthropic-messages", _anthropic_end("brand_new"), None, "unhandled stop_reason 'brand_new'"),
    ("google-generative-ai", _gemini_end("MAX_TOKENS"), "length", None),
    ("google-generative-ai", _gemini_end("SAFETY"), None, "the provider stopped the answer (finishReason 'SAFETY')"),
]


def test_stop_reasons_map_and_refusals_end_in_error_saying_why() -> None:
    # reference/runtime.md §1, "Mapping to events": pi-ai's tables; anything else is an error.
    for api, body, reason, error in STOPS:
        last = replayed(api, body)[-1]
        if error is None:
            assert (last.type, last.reason) == ("done", reason), (api, body)  # type: ignore[union-attr]
        else:
            assert (last.type, last.reason, last.error) == ("error", "error", error), (api, body)  # type: ignore[union-attr]
            assert (last.message.stop_reason, last.message.error_message) == ("error", error)  # type: ignore[union-attr]
        assert last.message.provider_stop_reason is not None  # type: ignore[union-attr]


def test_provider_error_events_say_the_message_and_code() -> None:
    responses = sse(("error", {"type": "error", "message": "Slow down", "code": "rate_limit_exceeded"}))
    gemini = sse((None, {"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED"}}))
    gemini_bare = sse((None, {"error": {"message": "Quota exceeded"}}))
    for api, body, error in [
        ("openai-responses", responses, "Slow down (rate_limit_exceeded)"),
        ("google-generative-ai", gemini, "Quota exceeded (RESOURCE_EXHAUSTED)"),
        ("google-generative-ai", gemini_bare, "Quota exceeded"),
    ]:
        (last,) = replayed(api, body)
        assert (last.type, last.error) == ("error", error), api  # type: ignore[union-attr]
