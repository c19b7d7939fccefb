"""Time to first event: the runtime against a raw httpx streaming read, same loopback server, same run.

The server (tests/runtime/loopback.py, 127.0.0.1 only) replays openai-python's recorded
`d615….bin` one SSE event per write, 1 ms apart, without its role-only first event, so the first
body chunk is the first content event. Per request:

- raw httpx: `client.stream("POST", …)` → `iter_bytes()` → time until the first chunk arrives;
- modelconf: `runtime.stream(…)` → time until the `start` event (first body byte in hand), and
  until the first `text_delta` (that chunk decoded, parsed and normalized).

Requests alternate raw / modelconf on warm keep-alive connections; the figures are medians.
Goal: modelconf's first `text_delta` at most 1 ms after raw httpx's first chunk (median).
Run: `python bench/ttfe.py [--requests 200]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "runtime"))

from loopback import LoopbackServer, Replay  # noqa: E402
from rt_helpers import catalog_dict  # noqa: E402

from modelconf.runtime import Runtime, Settings  # noqa: E402
from modelconf.runtime._catalog import parse  # noqa: E402

STREAM = ROOT / "fixtures" / "sse" / "openai-chat" / "d615580118391ee13492193e3a8bb74642d23ac1ca13fe37cb6e889b66f759f6.bin"
KEY = "sk-bench-not-a-real-key-000000000000"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200, help="requests per side (default 200)")
    args = ap.parse_args()
    body = b"\n\n".join(STREAM.read_bytes().split(b"\n\n")[1:])  # drop the role-only first event
    server = LoopbackServer().start()
    server.script(Replay(body, per_event=True, delay=0.001))
    catalog = parse(catalog_dict(server.url + "/v1"))
    raw_first: list[float] = []
    start_event: list[float] = []
    first_text: list[float] = []
    try:
        with httpx.Client(timeout=httpx.Timeout(120, connect=10)) as client, Runtime(catalog, keys={"p": KEY}, settings=Settings()) as rt:
            for i in range(args.requests + 5):
                t0 = time.perf_counter()
                with client.stream("POST", server.url + "/v1/chat/completions",
                                   json={"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": True},
                                   headers={"authorization": f"Bearer {KEY}", "accept": "text/event-stream"}) as response:  # fmt: skip
                    for _ in response.iter_bytes():
                        t_raw = time.perf_counter() - t0
                        break
                t0 = time.perf_counter()
                stream = rt.stream("p/m", "Hi")
                t_start = t_text = None
                for event in stream:
                    if event.type == "start" and t_start is None:
                        t_start = time.perf_counter() - t0
                    elif event.type == "text_delta":
                        t_text = time.perf_counter() - t0
                        break
                stream.close()
                if i >= 5:  # warm-up
                    raw_first.append(t_raw)
                    start_event.append(t_start or 0.0)
                    first_text.append(t_text or 0.0)
    finally:
        server.stop()
    ms = 1e3
    raw, st, tx = statistics.median(raw_first) * ms, statistics.median(start_event) * ms, statistics.median(first_text) * ms
    print(f"python {sys.version.split()[0]}, httpx {httpx.__version__}; {args.requests} requests each, medians, 127.0.0.1")
    print(f"raw httpx, first body chunk:      {raw:.3f} ms")
    print(f"modelconf, `start` event:         {st:.3f} ms  ({st - raw:+.3f} ms)")
    print(f"modelconf, first `text_delta`:    {tx:.3f} ms  ({tx - raw:+.3f} ms)")
    print("goal: first text_delta ≤ raw + 1 ms:", "met" if tx - raw <= 1.0 else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
