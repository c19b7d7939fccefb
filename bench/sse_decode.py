"""SSE decoding + event normalization, µs per event, against openai-python 2.x and httpx-sse.

Same bytes, same chunking, same run. The bytes are openai-python's recorded stream
`d615….bin` (181 events) repeated until there are tens of thousands of events, with `[DONE]`
kept only at the very end so every copy is parsed. Chunk sizes: 64 B, 1 KiB, 16 KiB.

What each row measures:

- `openai SSEDecoder`: `openai._streaming.SSEDecoder().iter_bytes(chunks)`: framing only.
- `openai + json.loads`: the same, plus `json.loads(sse.data)` per event, which is what the SDK's
  `Stream` does before it builds a model: the fair peer of a decoder that hands out parsed data.
- `httpx-sse`: what `EventSource.iter_sse()` does: incremental UTF-8 text decode, then
  `SSELineDecoder` + `SSEDecoder`: framing only; `httpx-sse + json.loads` adds the parse.
- `modelconf SSEDecoder`: `modelconf.runtime._sse.SSEDecoder.feed`: framing only.
- `modelconf pipeline`: decoder + JSON parse + normalization into events and the growing
  `AssistantMessage` (text, usage, cost): everything the runtime does per event.

The headline ratio is `modelconf pipeline` against the faster of the two `+ json.loads` peers,
chunk size by chunk size (goal: ≥ 1.5×). Run: `python bench/sse_decode.py [--repeat 200]`.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx_sse
import openai
from httpx_sse._decoders import SSEDecoder as HxDecoder
from httpx_sse._decoders import SSELineDecoder as HxLineDecoder
from openai._streaming import SSEDecoder as OpenAIDecoder

from modelconf.runtime._model import ModelSpec, ProviderSpec
from modelconf.runtime._pipeline import Pipeline
from modelconf.runtime._sse import SSEDecoder

ROOT = Path(__file__).resolve().parent.parent
STREAM = ROOT / "fixtures" / "sse" / "openai-chat" / "d615580118391ee13492193e3a8bb74642d23ac1ca13fe37cb6e889b66f759f6.bin"
DONE = b"data: [DONE]\n\n"


def body(repeat: int) -> bytes:
    one = STREAM.read_bytes()
    assert one.endswith(DONE)
    return one[: -len(DONE)] * repeat + DONE


def openai_decode(chunks: list[bytes], parse: bool) -> int:
    n = 0
    for sse in OpenAIDecoder().iter_bytes(iter(chunks)):
        if parse and not sse.data.startswith("[DONE]"):
            json.loads(sse.data)
        n += 1
    return n


def httpx_sse_decode(chunks: list[bytes], parse: bool) -> int:
    text = codecs.getincrementaldecoder("utf-8")(errors="replace")
    lines, decoder = HxLineDecoder(), HxDecoder()
    n = 0
    for chunk in chunks:
        for line in lines.decode(text.decode(chunk)):
            sse = decoder.decode(line)
            if sse is not None:
                if parse and sse.data != "[DONE]":
                    json.loads(sse.data)
                n += 1
    return n


def modelconf_decode(chunks: list[bytes], parse: bool) -> int:
    decoder = SSEDecoder()
    n = 0
    for chunk in chunks:
        n += len(decoder.feed(chunk))
    return n


MODEL = ModelSpec(
    key="openai/gpt-4o",
    id="gpt-4o",
    api="openai-completions",
    provider=ProviderSpec("openai", "openai-completions", "http://127.0.0.1", "api-key", "bearer"),
    cost={"input": 2.5, "output": 10.0, "cache_read": 1.25, "cache_write": 0.0},
)


def modelconf_pipeline(chunks: list[bytes], parse: bool) -> int:
    pipeline = Pipeline(MODEL)
    n = 0
    for chunk in chunks:
        n += len(pipeline.feed(chunk))
    pipeline.finish()
    return n


def best(fn: Callable[[list[bytes], bool], int], chunks: list[bytes], parse: bool, rounds: int) -> tuple[float, int]:
    times = []
    count = 0
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        count = fn(chunks, parse)
        times.append(time.perf_counter() - start)
    return min(times), count


def main() -> int:
    ap = argparse.ArgumentParser(description="SSE decode + normalize µs/event vs openai-python and httpx-sse")
    ap.add_argument("--repeat", type=int, default=200, help="copies of the 181-event stream (default 200)")
    ap.add_argument("--rounds", type=int, default=7, help="best of N interleaved rounds (default 7)")
    args = ap.parse_args()
    data = body(args.repeat)
    events = modelconf_decode([data], False)
    print(f"python {sys.version.split()[0]}, openai {openai.__version__}, httpx-sse {httpx_sse.__version__ if hasattr(httpx_sse, '__version__') else '?'}")
    print(f"stream: d615….bin x{args.repeat} = {events} SSE events, {len(data) / 1e6:.2f} MB; best of {args.rounds}; µs per SSE event")
    rows = [
        ("openai SSEDecoder", openai_decode, False),
        ("openai + json.loads", openai_decode, True),
        ("httpx-sse", httpx_sse_decode, False),
        ("httpx-sse + json.loads", httpx_sse_decode, True),
        ("modelconf SSEDecoder", modelconf_decode, False),
        ("modelconf pipeline", modelconf_pipeline, True),
    ]
    sizes = [64, 1024, 16384]
    results: dict[tuple[str, int], float] = {}
    # Rounds are interleaved (every implementation once per round) so that noise from the rest of
    # the machine falls on all of them alike; each figure is the best round.
    for size in sizes:
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        for _ in range(args.rounds):
            for name, fn, parse in rows:
                seconds, count = best(fn, chunks, parse, 1)
                if name != "modelconf pipeline":  # it counts normalized events, not SSE events
                    assert count == events, (name, count, events)
                per_event = seconds / events * 1e6
                results[(name, size)] = min(results.get((name, size), per_event), per_event)
    print(f"{'':26}" + "".join(f"{size:>10} B" for size in sizes))
    for name, _, _ in rows:
        print(f"{name:26}" + "".join(f"{results[(name, size)]:12.2f}" for size in sizes))
    print()
    for size in sizes:
        peer = min(results[("openai + json.loads", size)], results[("httpx-sse + json.loads", size)])
        framing_peer = min(results[("openai SSEDecoder", size)], results[("httpx-sse", size)])
        ours = results[("modelconf pipeline", size)]
        ratio = peer / ours
        print(
            f"{size:>6} B: modelconf pipeline {ours:.2f} µs/event vs faster peer decode+json.loads {peer:.2f}"
            f" → {ratio:.2f}x ({'met' if ratio >= 1.5 else 'NOT met'}: goal ≥ 1.5x);"
            f" vs faster peer framing only {framing_peer:.2f} → {framing_peer / ours:.2f}x;"
            f" decoder vs decoder {framing_peer / results[('modelconf SSEDecoder', size)]:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
