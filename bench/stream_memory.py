"""Peak memory while streaming: 1,000 vs 10,000 events through the whole runtime, same run.

The loopback server (tests/runtime/loopback.py, 127.0.0.1 only) serves a Chat Completions stream
of N content events (`"tok "` each) plus finish, usage and `[DONE]`, in 16 KiB writes. The
consumer keeps no events. `tracemalloc` records the peak of Python allocations from the call to
`runtime.stream` to the `done` event: the decoder buffer, parser state, the events in flight and
the growing message (whose text is 4 bytes per event, so it is listed too). Memory is "flat" when
the peak minus the text does not grow with N. Run: `python bench/stream_memory.py`.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "runtime"))

from loopback import LoopbackServer, Replay  # noqa: E402
from rt_helpers import catalog_dict  # noqa: E402

from modelconf.runtime import Runtime  # noqa: E402
from modelconf.runtime._catalog import parse  # noqa: E402


def body(n: int) -> bytes:
    def chunk(delta: dict[str, object], finish: str | None = None) -> bytes:
        data = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 0, "model": "m",
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}  # fmt: skip
        return b"data: " + json.dumps(data).encode() + b"\n\n"

    parts = [chunk({"role": "assistant", "content": ""})]
    parts += [chunk({"content": "tok "})] * n
    parts.append(chunk({}, "stop"))
    usage = {"id": "chatcmpl-bench", "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": n, "total_tokens": n + 5}}
    parts.append(b"data: " + json.dumps(usage).encode() + b"\n\ndata: [DONE]\n\n")
    return b"".join(parts)


def measure(rt: Runtime, server: LoopbackServer, n: int) -> tuple[int, int, int]:
    server.script(Replay(body(n), chunk=16384))
    tracemalloc.start()
    tracemalloc.reset_peak()
    events = 0
    last = None
    for event in rt.stream("p/m", "Hi"):
        events += 1
        last = event
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert last is not None and last.type == "done", last
    return events, peak, len(last.message.text)  # type: ignore[union-attr]


def main() -> int:
    server = LoopbackServer().start()
    catalog = parse(catalog_dict(server.url + "/v1"))
    try:
        with Runtime(catalog, keys={"p": "sk-bench-not-a-real-key-000000000000"}) as rt:
            measure(rt, server, 100)  # warm-up: imports, connection pool, caches
            rows = [(n, *measure(rt, server, n)) for n in (1_000, 10_000, 100_000)]
    finally:
        server.stop()
    print(f"python {sys.version.split()[0]}; tracemalloc peak from stream() to done; events kept: none")
    print(f"{'SSE events':>10} {'events out':>10} {'peak KiB':>10} {'text KiB':>10} {'peak - text KiB':>16}")
    for n, events, peak, text in rows:
        print(f"{n:>10} {events:>10} {peak / 1024:>10.1f} {text / 1024:>10.1f} {(peak - text) / 1024:>16.1f}")
    base = rows[0][2] - rows[0][3]
    growth = (rows[1][2] - rows[1][3]) / base
    print(f"10k vs 1k, peak minus text: x{growth:.2f} ({'flat' if growth < 1.5 else 'NOT flat'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
