"""A real HTTP server on 127.0.0.1 for runtime tests and benchmarks: replays transcripts, injects faults.

Each request takes the next scripted `Action` (the last one repeats). The server records every
request: path, headers, JSON body. Only 127.0.0.1, an OS-chosen port, a thread per connection,
and every loop is bounded so the server always stops by itself.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SSE_HEADERS = {"content-type": "text/event-stream", "cache-control": "no-store"}


@dataclass
class Replay:
    """Send `body` as a streamed response, `chunk` bytes at a time, `delay` seconds apart."""

    body: bytes
    chunk: int | None = None  # None: one write
    delay: float = 0.0
    first_byte_delay: float = 0.0  # after the headers, before the first body byte
    cut_after: int | None = None  # disconnect after this many body bytes (no chunked terminator)
    chunked: bool = True  # False: no length, no chunking; the end of the body is the connection closing
    per_event: bool = False  # one write per SSE event (split after each blank line), `delay` apart
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: dict(SSE_HEADERS))


@dataclass
class Status:
    """A whole non-streamed response, e.g. 429 with Retry-After or a 500."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})


@dataclass
class Endless:
    """`event` every `interval` seconds until the client goes away (at most `limit` seconds)."""

    event: bytes
    interval: float = 0.005
    limit: float = 20.0


@dataclass
class Stall:
    """Accept the request and send nothing (not even headers) for `seconds`."""

    seconds: float


@dataclass
class Echo:
    """A `status` response whose error message repeats every request header it got, keys
    included (a server that echoes what it was sent): what the client shows must mask them."""

    status: int = 401


Action = Replay | Status | Endless | Stall | Echo


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    body: Any


class LoopbackServer:
    def __init__(self) -> None:
        self.actions: list[Action] = []
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.stopped = threading.Event()  # set to end Endless/Stall actions early

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, *actions: Action) -> None:
        with self._lock:
            self.actions = list(actions)
            self.requests.clear()

    def next_action(self, seen: Seen) -> Action:
        with self._lock:
            self.requests.append(seen)
            if not self.actions:
                return Status(500, b'{"error": {"message": "no scripted response"}}')
            return self.actions.pop(0) if len(self.actions) > 1 else self.actions[0]

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except (ConnectionResetError, BrokenPipeError):  # the client went away (abort, timeout)
                pass

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw
            seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            action = server.next_action(seen)
            try:
                self._perform(action)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
                self.close_connection = True

        def _perform(self, action: Action) -> None:
            if isinstance(action, Echo):
                echoed = "; ".join(f"{k}={v}" for k, v in self.headers.items())
                body = json.dumps({"error": {"message": f"rejected: {echoed}"}}).encode()
                action = Status(action.status, body)
            if isinstance(action, Status):
                self.send_response(action.status)
                for k, v in action.headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(action.body)))
                self.end_headers()
                self.wfile.write(action.body)
                return
            if isinstance(action, Stall):
                server.stopped.wait(action.seconds)
                self.close_connection = True
                return
            self.send_response(200 if isinstance(action, Endless) else action.status)
            headers = dict(SSE_HEADERS) if isinstance(action, Endless) else action.headers
            for k, v in headers.items():
                self.send_header(k, v)
            chunked = True if isinstance(action, Endless) else action.chunked
            if chunked:
                self.send_header("transfer-encoding", "chunked")
            else:
                self.send_header("connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.flush()
            if isinstance(action, Endless):
                deadline = time.monotonic() + action.limit
                while time.monotonic() < deadline and not server.stopped.is_set():
                    self._write(action.event, chunked=True)
                    time.sleep(action.interval)
                self.close_connection = True
                return
            if action.first_byte_delay:
                server.stopped.wait(action.first_byte_delay)
            body = action.body if action.cut_after is None else action.body[: action.cut_after]
            pieces: Iterator[bytes]  # lazily: a memory benchmark shares this process
            if action.per_event:
                pieces = (p + b"\n\n" for p in body.split(b"\n\n") if p)
            else:
                size = action.chunk or max(len(body), 1)
                pieces = (body[i : i + size] for i in range(0, len(body), size))
            for n, piece in enumerate(pieces):
                if n and action.delay:
                    time.sleep(action.delay)
                self._write(piece, chunked=chunked)
            if action.cut_after is not None:
                # Drop the connection without the chunked terminator: a disconnect mid-stream.
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

        def _write(self, data: bytes, *, chunked: bool) -> None:
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            else:
                self.wfile.write(data)
            self.wfile.flush()

    return Handler
