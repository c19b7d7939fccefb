"""Server-sent events decoder: bytes chunks in, events out (WHATWG HTML, "Parsing an event stream").

Hand-written on purpose: it is the hot loop of the runtime. It works on bytes, finds event
boundaries with `bytes.find` and takes a fast path for the one- and two-line events that LLM
APIs send (`data: …`, `event: …` + `data: …`); `bench/sse_decode.py` measures it against
openai-python's and httpx-sse's decoders on the same bytes.

Rules implemented (reference/runtime.md §2, "WHATWG HTML §9.2.5–9.2.6"):

- lines end at CRLF, LF or CR, also when a CRLF pair is split between two chunks;
- one leading UTF-8 BOM is dropped, also when it is split between chunks;
- an empty line dispatches; a line starting with `:` is a comment;
- `field: value` loses exactly one leading space; a line without a colon is a field with value "";
- `data` lines are joined with LF; an event whose data buffer is empty is not dispatched;
- `event` sets the type (default `message`); `id` sets the last event id unless it contains NUL and
  persists across events; `retry` is kept only if it is all ASCII digits; other fields are ignored;
- at the end of the stream an unterminated event is not dispatched. `pending()` returns it for
  the one caller that decides, with a reason, to look at it (Anthropic's final `message_stop`).

Data stays bytes: JSON parsers take UTF-8 bytes directly, and `ServerSentEvent.text` decodes with
U+FFFD for invalid sequences as the spec requires.
"""

from __future__ import annotations

_BOM = b"\xef\xbb\xbf"


class ServerSentEvent:
    """One dispatched event. `data` is the UTF-8 bytes of the data buffer."""

    __slots__ = ("event", "data", "id", "retry")

    def __init__(self, event: str, data: bytes, id: str = "", retry: int | None = None) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", "replace")

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.event, self.data, self.id, self.retry) == (other.event, other.data, other.id, other.retry)

    __hash__ = None  # type: ignore[assignment]


class SSEDecoder:
    """Incremental decoder. Feed it byte chunks split anywhere; it returns whole events."""

    __slots__ = ("_buf", "_scan", "_head", "_cr", "last_event_id", "retry")

    def __init__(self) -> None:
        self._buf = bytearray()  # bytes after the last dispatched event, line ends already LF
        self._scan = 0  # where to resume looking for a blank line in _buf
        self._head: bytes | None = b""  # first bytes while a BOM may still be arriving; None after
        self._cr = False  # the last chunk ended in CR: an LF at the next chunk's start is its pair
        self.last_event_id = ""
        self.retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        if self._head is not None:
            head = self._head + chunk
            if len(head) < 3 and _BOM.startswith(head):
                self._head = head
                return []
            self._head = None
            chunk = head[3:] if head.startswith(_BOM) else head
        if not chunk:
            return []
        if self._cr:
            self._cr = False
            if chunk[0] == 10:  # LF completing a CRLF split across chunks
                chunk = chunk[1:]
                if not chunk:
                    return []
        if b"\r" in chunk:
            # Normalize every line end to LF; a CR at the end is a line end already, and an LF
            # starting the next chunk belongs to it.
            self._cr = chunk[-1] == 13
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")

        buf = self._buf
        if buf:
            buf += chunk
            data: bytes | bytearray = buf
            pos = self._scan
        else:
            data = chunk
            pos = 0
        find = data.find
        i = find(b"\n\n", pos)
        if i < 0:
            if data is chunk:
                self._buf = bytearray(chunk)
            self._scan = len(data) - 1
            return []

        events: list[ServerSentEvent] = []
        append = events.append
        start = 0
        while i >= 0:
            if i > start:
                block = data[start:i]
                # Fast path: a single `data: ` line, the shape of every OpenAI and Gemini event.
                if block[:6] == b"data: " and b"\n" not in block:
                    append(ServerSentEvent("message", bytes(block[6:]), self.last_event_id))
                else:
                    event = self._block(bytes(block))
                    if event is not None:
                        append(event)
            start = i + 2
            i = find(b"\n\n", start)
        if data is buf:
            del buf[:start]
        else:
            self._buf = bytearray(data[start:])
        self._scan = len(self._buf) - 1 if self._buf else 0
        return events

    def pending(self) -> ServerSentEvent | None:
        """The unterminated event at the end of the stream, as if an empty line followed it.

        The spec discards it; this exists so a wire format can decide otherwise, with a reason.
        """
        if self._head is not None:  # nothing but (part of) a BOM arrived
            return None
        rest = bytes(self._buf).rstrip(b"\n")
        return self._block(rest) if rest else None

    def _block(self, block: bytes) -> ServerSentEvent | None:
        """Parse the lines of one event (no blank line inside; leading LFs are empty lines)."""
        if block[:1] == b"\n":
            block = block.lstrip(b"\n")
            if not block:
                return None
        # Second fast path: `event: X` + `data: Y`, the shape of Anthropic and Responses events.
        if block[:7] == b"event: ":
            nl = block.find(b"\n")
            if nl > 0 and block[nl + 1 : nl + 7] == b"data: " and block.find(b"\n", nl + 1) < 0:
                return ServerSentEvent(
                    block[7:nl].decode("utf-8", "replace") or "message", block[nl + 7 :], self.last_event_id
                )
        event_type = ""
        data: list[bytes] = []
        retry: int | None = None
        for line in block.split(b"\n"):
            if not line or line[0] == 58:  # empty (only after normalization) or `:` comment
                continue
            name, colon, value = line.partition(b":")
            if colon and value[:1] == b" ":
                value = value[1:]
            if name == b"data":
                data.append(value)
            elif name == b"event":
                event_type = value.decode("utf-8", "replace")
            elif name == b"id":
                if b"\x00" not in value:
                    self.last_event_id = value.decode("utf-8", "replace")
            elif name == b"retry":
                if value.isdigit():  # bytes.isdigit() is ASCII digits only, as the spec asks
                    retry = self.retry = int(value)
        if not data:
            return None
        return ServerSentEvent(event_type or "message", b"\n".join(data), self.last_event_id, retry)
