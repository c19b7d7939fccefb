"""Every recorded stream in fixtures/sse gives what the official SDK reports for it.

The expected values are in fixtures/sse/expected/ (written by scripts/sse_golden.py from openai
2.54.0 and anthropic 0.125.0). Each stream is checked whole, split at every byte, and with its
LF line ends rewritten as CRLF and as CR (the JSON payloads escape their newlines, so every raw LF
in these files is a line end).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelconf.runtime._events import DoneEvent, ErrorEvent, Event
from modelconf.runtime._model import ModelSpec, ProviderSpec
from modelconf.runtime._pipeline import replay

SSE = Path(__file__).resolve().parents[2] / "fixtures" / "sse"
OPENAI = sorted((SSE / "openai-chat").glob("*.bin"))
ANTHROPIC = sorted(p for p in (SSE / "anthropic").iterdir() if p.suffix in (".txt", ".sse"))

# Stop-reason mappings, reference/runtime.md §1 "Mapping to events" (pi-ai).
OPENAI_STOP = {"stop": "stop", "length": "length", "tool_calls": "toolUse"}
ANTHROPIC_STOP = {"end_turn": "stop", "max_tokens": "length", "tool_use": "toolUse", "refusal": "error"}

VARIANTS = ["whole", "every-byte", "crlf", "cr"]


def model(api: str) -> ModelSpec:
    provider = ProviderSpec(id="p", api=api, base_url="http://127.0.0.1", auth_kind="api-key", auth_scheme="bearer")
    return ModelSpec(key="p/m", id="m", api=api, provider=provider)


def run(api: str, body: bytes, variant: str) -> list[Event]:
    if variant == "crlf":
        body = body.replace(b"\n", b"\r\n")
    elif variant == "cr":
        body = body.replace(b"\n", b"\r")
    chunks = [body] if variant != "every-byte" else [body[i : i + 1] for i in range(len(body))]
    return list(replay(model(api), chunks))


def expected(folder: str, path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((SSE / "expected" / folder / (path.stem + ".json")).read_text("utf-8"))
    return result


def test_the_corpus_is_all_there() -> None:
    assert len(OPENAI) == 12 and len(ANTHROPIC) == 10


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("path", OPENAI, ids=lambda p: p.name[:12])
def test_openai_chat_stream_matches_openai_python(path: Path, variant: str) -> None:
    sdk = expected("openai-chat", path)
    choice = sdk["choices"][0]  # the runtime follows choice 0
    events = run("openai-completions", path.read_bytes(), variant)
    last = events[-1]
    assert isinstance(last, DoneEvent), last
    m = last.message
    assert m.text == (choice["content"] or "")
    assert m.refusal == (choice["refusal"] or "")
    assert [(t.id, t.name, t.arguments) for t in m.tool_calls] == [
        (t["id"], t["name"], t["arguments"]) for t in choice["tool_calls"]
    ]
    assert m.provider_stop_reason == choice["finish_reason"]
    assert last.reason == OPENAI_STOP[choice["finish_reason"]] == m.stop_reason
    usage = sdk["usage"]
    cached = usage.get("prompt_tokens_details", {}).get("cached_tokens", 0)
    assert (m.usage.input, m.usage.cache_read) == (usage["prompt_tokens"] - cached, cached)
    assert m.usage.output == usage["completion_tokens"]
    assert m.usage.total_tokens == usage["total_tokens"]
    assert m.usage.reasoning == usage.get("completion_tokens_details", {}).get("reasoning_tokens", 0)
    assert (m.response_id, m.response_model) == (sdk["id"], sdk["model"])
    # exactly one terminal event, and it is the last
    assert [e.type for e in events].count("done") == 1 and not any(isinstance(e, ErrorEvent) for e in events)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("path", ANTHROPIC, ids=lambda p: p.name)
def test_anthropic_stream_matches_anthropic_sdk(path: Path, variant: str) -> None:
    sdk = expected("anthropic", path)
    events = run("anthropic-messages", path.read_bytes(), variant)
    last = events[-1]
    assert isinstance(last, (DoneEvent, ErrorEvent))
    m = last.message
    assert m.text == sdk["text"]
    assert m.thinking == sdk["thinking"]
    assert [(t.id, t.name, t.arguments) for t in m.tool_calls] == [
        (t["id"], t["name"], t["arguments"]) for t in sdk["tool_calls"]
    ]
    assert m.provider_stop_reason == sdk["stop_reason"]
    assert m.stop_reason == ANTHROPIC_STOP[sdk["stop_reason"]]
    # A refusal ends in an error event (pi-ai maps refusal to "error"); the rest end in done.
    assert last.type == ("error" if m.stop_reason == "error" else "done")
    usage = sdk["usage"]
    assert m.usage.input == usage["input_tokens"]
    assert m.usage.output == usage["output_tokens"]
    assert m.usage.cache_read == (usage["cache_read_input_tokens"] or 0)
    assert m.usage.cache_write == (usage["cache_creation_input_tokens"] or 0)
    assert (m.response_id, m.response_model) == (sdk["id"], sdk["model"])


@pytest.mark.parametrize("path", OPENAI + ANTHROPIC, ids=lambda p: p.name[:24])
def test_event_sequence_is_the_same_however_the_bytes_arrive(path: Path) -> None:
    api = "openai-completions" if path.suffix == ".bin" else "anthropic-messages"
    whole = [e.to_dict() for e in run(api, path.read_bytes(), "whole")]
    for variant in ("every-byte", "crlf", "cr"):
        other = [e.to_dict() for e in run(api, path.read_bytes(), variant)]
        for a, b in zip(whole, other):  # timestamps differ between runs
            a.get("message", {}).pop("timestamp", None)
            b.get("message", {}).pop("timestamp", None)
        assert other == whole, variant


def test_text_deltas_rebuild_the_text() -> None:
    # d615…: 181 events, the stream the benchmark uses.
    path = next(p for p in OPENAI if p.name.startswith("d615"))
    events = run("openai-completions", path.read_bytes(), "whole")
    assert "".join(e.delta for e in events if e.type == "text_delta") == events[-1].message.text  # type: ignore[union-attr]
    assert [e.type for e in events][-2:] == ["usage", "done"]
