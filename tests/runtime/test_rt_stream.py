"""The runtime against a real HTTP server on 127.0.0.1: replays, faults, retries, rotation, aborts.

Timing is never asserted: waits are recorded through `Settings(sleep=...)` instead of slept, and
the assertions are about event sequences, attempt counts and which key each attempt used.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from pathlib import Path
from typing import Any

import pytest
from loopback import Endless, LoopbackServer, Replay, Stall, Status
from rt_helpers import catalog_dict, sse_fixture

from modelconf.runtime import Runtime, Settings
from modelconf.runtime._catalog import parse
from modelconf.runtime._events import Event

# Canary keys: they must show up in no event, error, exception or output.
K1 = "sk-canary-1111111111111111111111111111aaaa"
K2 = "sk-canary-2222222222222222222222222222bbbb"
K3 = "sk-canary-3333333333333333333333333333cccc"
NAMES = {f"Bearer {K1}": "k1", f"Bearer {K2}": "k2", f"Bearer {K3}": "k3"}

D615 = "d615*.bin"


def runtime(server: LoopbackServer, keys: list[str] | None = None, sleeps: list[float] | None = None, **kw: Any) -> Runtime:
    settings = Settings(
        sleep=(sleeps.append if sleeps is not None else lambda s: None),
        random=lambda: 0.0,
        **kw,
    )
    cat = parse(catalog_dict(server.url + "/v1", cost={"input": 2.5, "output": 10, "cache_read": 1.25, "cache_write": 0}))
    return Runtime(cat, keys={"p": keys if keys is not None else [K1]}, settings=settings)


def no_secret(events: list[Event], *extra: str) -> None:
    text = json.dumps([e.to_dict() for e in events]) + "".join(extra)
    for key in (K1, K2, K3):
        assert key not in text, "a key leaked"


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def key_names(server: LoopbackServer) -> list[str]:
    return [NAMES.get(r.headers.get("authorization", ""), "?") for r in server.requests]


def test_replays_a_recorded_stream(server: LoopbackServer) -> None:
    server.script(Replay(sse_fixture(D615), chunk=97))
    with runtime(server) as rt:
        stream = rt.stream("p/m", "Hi", system="Be brief.", max_tokens=50)
        events = list(stream)
    assert types(events)[0] == "start" and types(events)[-2:] == ["usage", "done"]
    m = events[-1].message  # type: ignore[union-attr]
    assert m.text.startswith('\n  {\n    "location": "San Francisco, CA"')
    assert (m.usage.input, m.usage.output, m.usage.total_tokens) == (19, 177, 196)
    # cost = 19·2.5/1e6 + 177·10/1e6
    assert m.usage.cost.total == pytest.approx(19 * 2.5e-6 + 177 * 10e-6)
    (req,) = server.requests
    assert req.path == "/v1/chat/completions"
    assert key_names(server) == ["k1"]
    assert req.body["model"] == "m" and req.body["stream"] is True
    assert req.body["stream_options"] == {"include_usage": True}
    assert req.body["max_completion_tokens"] == 50
    assert req.body["messages"] == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    assert stream.attempts is not None and stream.attempts.count == 1
    no_secret(events)


def test_disconnect_mid_stream_is_an_error_with_the_partial_message(server: LoopbackServer) -> None:
    body = sse_fixture(D615)
    server.script(Replay(body, chunk=500, cut_after=5000), Replay(body))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps) as rt:
        stream = rt.stream("p/m", "Hi")
        events = list(stream)
    assert types(events)[0] == "start" and events[-1].type == "error"
    assert events[-1].reason == "error"  # type: ignore[union-attr]
    assert "closed" in events[-1].error  # type: ignore[union-attr]
    partial = events[-1].message  # type: ignore[union-attr]
    assert partial.stop_reason == "error" and len(partial.text) > 0
    assert "".join(e.delta for e in events if e.type == "text_delta") == partial.text  # type: ignore[union-attr]
    # Never retried once events were yielded.
    assert len(server.requests) == 1 and sleeps == [] and stream.attempts.count == 1  # type: ignore[union-attr]


def test_clean_close_before_done_is_an_error_not_a_success(server: LoopbackServer) -> None:
    # No chunked framing: the end of the body is the server closing the connection.
    server.script(Replay(sse_fixture(D615)[:5000], chunked=False))
    with runtime(server) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert events[-1].type == "error"
    assert events[-1].error == "the stream ended before [DONE] and before a finish_reason"  # type: ignore[union-attr]


def test_429_with_retry_after_then_success(server: LoopbackServer) -> None:
    limited = Status(429, b'{"error": {"message": "Rate limit reached"}}', {"retry-after": "2", "content-type": "application/json"})
    server.script(limited, Replay(sse_fixture(D615)))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps) as rt:
        stream = rt.stream("p/m", "Hi")
        events = list(stream)
    assert events[-1].type == "done"
    assert sleeps == [2.0]  # Retry-After honoured exactly
    assert len(server.requests) == 2 and stream.attempts.count == 2  # type: ignore[union-attr]
    assert types(events).count("start") == 1


def test_retry_after_ms_wins_over_retry_after(server: LoopbackServer) -> None:
    # reference/runtime.md §5: retry-after-ms first, then retry-after.
    server.script(Status(503, b"", {"retry-after-ms": "1500", "retry-after": "9"}), Replay(sse_fixture(D615)))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps) as rt:
        assert list(rt.stream("p/m", "Hi"))[-1].type == "done"
    assert sleeps == [1.5]


def test_500_then_success_backs_off_exponentially(server: LoopbackServer) -> None:
    server.script(Status(500, b"boom"), Status(502, b"boom"), Replay(sse_fixture(D615)))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps) as rt:  # random() = 0: no jitter
        events = list(rt.stream("p/m", "Hi"))
    assert events[-1].type == "done"
    assert sleeps == [0.5, 1.0]  # min(0.5·2^n, 8)
    assert len(server.requests) == 3


def test_jitter_only_shortens_the_wait() -> None:
    from modelconf.runtime._retry import Attempts

    attempts = Attempts(["k"], Settings(random=lambda: 1.0, max_retries=5), "p")
    waits = [attempts.after_failure(500, {}, "x") for _ in range(5)]
    assert waits == [0.375, 0.75, 1.5, 3.0, 6.0]  # (1 - 0.25·random) of 0.5, 1, 2, 4, 8


def test_retries_run_out(server: LoopbackServer) -> None:
    server.script(Status(500, b'{"error": {"message": "overloaded"}}'))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps, max_retries=2) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["error"]  # no start: nothing arrived
    assert events[0].error == "HTTP 500 Internal Server Error: overloaded (after 3 attempts)"  # type: ignore[union-attr]
    assert len(server.requests) == 3 and len(sleeps) == 2


def test_retry_after_above_the_cap_is_not_retried(server: LoopbackServer) -> None:
    server.script(Status(429, b"", {"retry-after": "3600"}), Replay(sse_fixture(D615)))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps, max_retry_after=60) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["error"]
    assert "retry after 3600 s, more than the 60 s cap" in events[0].error  # type: ignore[union-attr]
    assert len(server.requests) == 1 and sleeps == []


def test_401_is_not_retried_and_an_echoed_key_is_masked(server: LoopbackServer) -> None:
    echo = json.dumps({"error": {"message": f"Incorrect API key provided: {K1}."}}).encode()
    server.script(Status(401, echo))
    with runtime(server) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["error"]
    error = events[0].error  # type: ignore[union-attr]
    assert error.startswith("HTTP 401 Unauthorized: Incorrect API key provided: sk-…aaaa (")
    assert len(server.requests) == 1
    no_secret(events)


def test_malformed_json_event_is_an_error_after_the_good_events(server: LoopbackServer) -> None:
    good = sse_fixture(D615).split(b"\n\n")[:3]
    body = b"\n\n".join(good) + b"\n\ndata: {not json\n\n" + b"data: [DONE]\n\n"
    server.script(Replay(body))
    with runtime(server) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["start", "text_delta", "text_delta", "error"]
    assert events[-1].error == "malformed JSON in a 'message' event: '{not json'"  # type: ignore[union-attr]
    assert events[-1].message.text == "\n "  # type: ignore[union-attr]


def test_an_abort_after_the_error_event_adds_no_second_one(server: LoopbackServer) -> None:
    # Exactly one done or error per stream, also when the caller aborts on seeing the error.
    good = sse_fixture(D615).split(b"\n\n")[:3]
    server.script(Replay(b"\n\n".join(good) + b"\n\ndata: {not json\n\n" + b"data: [DONE]\n\n"))
    with runtime(server) as rt:
        stream = rt.stream("p/m", "Hi")
        events: list[Event] = []
        for event in stream:
            events.append(event)
            if event.type == "error":
                stream.abort()
    assert types(events) == ["start", "text_delta", "text_delta", "error"]
    assert events[-1].reason == "error"  # type: ignore[union-attr]


def test_first_byte_later_than_the_read_timeout_is_retried(server: LoopbackServer) -> None:
    server.script(Replay(sse_fixture(D615), first_byte_delay=2.0), Replay(sse_fixture(D615)))
    sleeps: list[float] = []
    with runtime(server, sleeps=sleeps, read_timeout=0.3) as rt:
        stream = rt.stream("p/m", "Hi")
        events = list(stream)
    assert events[-1].type == "done" and types(events).count("start") == 1
    assert len(server.requests) == 2 and len(sleeps) == 1


def test_first_byte_timeout_without_retries_is_an_error_event(server: LoopbackServer) -> None:
    server.script(Stall(3.0))
    with runtime(server, read_timeout=0.3, max_retries=0) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["error"]
    assert events[0].error == "read timeout: no data for 0.3 s"  # type: ignore[union-attr]


def test_read_timeout_between_events_is_an_error_not_a_retry(server: LoopbackServer) -> None:
    body = sse_fixture(D615)
    server.script(Replay(body, chunk=len(body) // 2 + 1, delay=2.0))
    with runtime(server, read_timeout=0.3) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events)[0] == "start" and events[-1].type == "error"
    assert events[-1].error == "read timeout: no data for 0.3 s"  # type: ignore[union-attr]
    assert len(server.requests) == 1


def _endless_event() -> bytes:
    return b'data: {"id":"x","choices":[{"index":0,"delta":{"content":"la "},"finish_reason":null}]}\n\n'


def test_an_endless_stream_the_caller_aborts(server: LoopbackServer) -> None:
    server.script(Endless(_endless_event()))
    with runtime(server) as rt:
        stream = rt.stream("p/m", "Hi")
        events: list[Event] = []
        for event in stream:
            events.append(event)
            if types(events).count("text_delta") == 5:
                stream.abort()
    assert types(events) == ["start"] + ["text_delta"] * 5 + ["error"]
    assert events[-1].reason == "aborted"  # type: ignore[union-attr]
    assert events[-1].message.text == "la " * 5  # type: ignore[union-attr]
    assert events[-1].message.stop_reason == "aborted"  # type: ignore[union-attr]


def test_abort_from_another_thread(server: LoopbackServer) -> None:
    server.script(Endless(_endless_event(), interval=0.02))
    with runtime(server) as rt:
        stream = rt.stream("p/m", "Hi")
        seen = threading.Event()
        events: list[Event] = []

        def consume() -> None:
            for event in stream:
                events.append(event)
                seen.set()

        worker = threading.Thread(target=consume)
        worker.start()
        assert seen.wait(10)
        stream.abort()
        worker.join(10)
    assert not worker.is_alive()
    assert events[0].type == "start" and events[-1].type == "error"
    assert events[-1].reason == "aborted"  # type: ignore[union-attr]
    assert set(types(events)[1:-1]) <= {"text_delta"}


def test_key_rotation_across_three_keys_on_repeated_429s(server: LoopbackServer) -> None:
    # reference/openclaw.md "API-key rotation": the next key only on a rate limit, no wait between keys.
    limited = Status(429, b'{"error": {"message": "Rate limit reached"}}')
    server.script(limited, limited, Replay(sse_fixture(D615)))
    sleeps: list[float] = []
    with runtime(server, keys=[K1, K2, K3], sleeps=sleeps) as rt:
        stream = rt.stream("p/m", "Hi")
        events = list(stream)
    assert events[-1].type == "done"
    assert key_names(server) == ["k1", "k2", "k3"]
    assert sleeps == []
    no_secret(events)


def test_rate_limited_on_every_key_waits_then_goes_round_again(server: LoopbackServer) -> None:
    server.script(Status(429, b'{"error": {"message": "Rate limit reached"}}'))
    sleeps: list[float] = []
    with runtime(server, keys=[K1, K2, K3], sleeps=sleeps, max_retries=2) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert key_names(server) == ["k1", "k2", "k3", "k1", "k2"]
    assert sleeps == [0.5, 1.0]
    assert types(events) == ["error"]
    error = events[0].error  # type: ignore[union-attr]
    assert "rate limited on every key of p (sk-…aaaa (42 chars), sk-…bbbb (42 chars), sk-…cccc (42 chars))" in error
    no_secret(events, error)


def test_a_non_rate_limit_error_does_not_rotate(server: LoopbackServer) -> None:
    server.script(Status(500, b""), Replay(sse_fixture(D615)))
    with runtime(server, keys=[K1, K2, K3]) as rt:
        assert list(rt.stream("p/m", "Hi"))[-1].type == "done"
    assert key_names(server) == ["k1", "k1"]


def test_connect_error_is_retried_then_reported() -> None:
    with socket.socket() as s:  # a port on 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sleeps: list[float] = []
    cat = parse(catalog_dict(f"http://127.0.0.1:{port}/v1"))
    with Runtime(cat, keys={"p": K1}, settings=Settings(sleep=sleeps.append, random=lambda: 0.0)) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["error"]
    assert events[0].error.startswith("could not connect")  # type: ignore[union-attr]
    assert sleeps == [0.5, 1.0]


def test_no_key_is_an_error_event(tmp_path: Path) -> None:
    cat = parse(catalog_dict("http://127.0.0.1:9/v1"))
    with Runtime(cat, env={}, auth_file=str(tmp_path / "auth.json")) as rt:
        events = list(rt.stream("p/m", "Hi"))
    assert types(events) == ["error"]
    assert events[0].error == "no API key for provider 'p'"  # type: ignore[union-attr]


def test_api_key_argument_overrides_the_key_source(server: LoopbackServer) -> None:
    server.script(Replay(sse_fixture(D615)))
    with runtime(server, keys=[K1]) as rt:
        assert list(rt.stream("p/m", "Hi", api_key=K2))[-1].type == "done"
    assert key_names(server) == ["k2"]


def test_async_stream_replays_and_retries(server: LoopbackServer) -> None:
    server.script(Status(429, b"", {"retry-after": "1"}), Replay(sse_fixture(D615), chunk=64))
    sleeps: list[float] = []

    async def asleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def main() -> list[Event]:
        cat = parse(catalog_dict(server.url + "/v1"))
        rt = Runtime(cat, keys={"p": K1}, settings=Settings(async_sleep=asleep))
        try:
            return [e async for e in rt.astream("p/m", "Hi")]
        finally:
            await rt.aclose()

    events = asyncio.run(main())
    assert types(events)[0] == "start" and types(events)[-2:] == ["usage", "done"]
    assert sleeps == [1.0] and len(server.requests) == 2


def test_async_abort_and_disconnect(server: LoopbackServer) -> None:
    async def main() -> tuple[list[Event], list[Event]]:
        cat = parse(catalog_dict(server.url + "/v1"))
        rt = Runtime(cat, keys={"p": K1})
        try:
            server.script(Endless(_endless_event()))
            aborted: list[Event] = []
            stream = rt.astream("p/m", "Hi")
            async for e in stream:
                aborted.append(e)
                if len(aborted) == 3:
                    stream.abort()
            server.script(Replay(sse_fixture(D615), chunk=300, cut_after=3000))
            cut = [e async for e in rt.astream("p/m", "Hi")]
            return aborted, cut
        finally:
            await rt.aclose()

    aborted, cut = asyncio.run(main())
    assert types(aborted) == ["start", "text_delta", "text_delta", "error"]
    assert aborted[-1].reason == "aborted"  # type: ignore[union-attr]
    assert types(cut)[0] == "start" and cut[-1].type == "error" and cut[-1].reason == "error"  # type: ignore[union-attr]


def test_stream_raises_only_before_iteration() -> None:
    from modelconf.runtime import UnknownModelError, UnsupportedApiError

    data = catalog_dict("http://127.0.0.1:9/v1")
    data["models"].append({"key": "p/b", "provider": "p", "id": "b", "api": "bedrock-converse-stream"})
    rt = Runtime(parse(data), keys={"p": K1})
    with pytest.raises(UnknownModelError, match="did you mean p/m"):
        rt.stream("p/n", "Hi")
    with pytest.raises(UnsupportedApiError, match="bedrock-converse-stream"):
        rt.stream("p/b", "Hi")
    data["providers"]["p"]["base_url"] = None  # the program would read it from its environment
    with pytest.raises(ValueError, match="^model p/m has no base URL in the catalog$"):
        Runtime(parse(data), keys={"p": K1}).stream("p/m", "Hi")
