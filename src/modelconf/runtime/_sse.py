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

from collections.abc import Sequence

_BOM = b"\xef\xbb\xbf"
_BIG = 1 << 16  # a partial event longer than this is accumulated in a bytearray


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


RawEvent = tuple[str, bytes, str, "int | None"]  # event type, data, last event id, retry
_NONE: tuple[RawEvent, ...] = ()


class SSEDecoder:
    """Incremental decoder. Feed it byte chunks split anywhere; it returns whole events."""

    __slots__ = ("_buf", "_big", "_scan", "_head", "_cr", "_special", "last_event_id", "retry")

    def __init__(self) -> None:
        self._buf = b""  # bytes after the last dispatched event, line ends already LF
        self._big: bytearray | None = None  # instead of _buf while a large event is arriving
        self._scan = 0  # where to resume looking for a blank line in _buf
        self._head: bytes | None = b""  # first bytes while a BOM may still be arriving; None after
        self._cr = False  # the last chunk ended in CR: an LF at the next chunk's start is its pair
        self._special = True  # the next chunk needs the slow path (BOM, split CRLF, large event)
        self.last_event_id = ""
        self.retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        return [ServerSentEvent(*raw) for raw in self.decode(chunk)]

    def decode(self, chunk: bytes) -> Sequence[RawEvent]:
        """`feed` without the event objects: (event, data, id, retry) tuples, for the hot path."""
        if self._special or 13 in chunk:  # 13 = CR; an int search is a plain memchr
            joined = self._join_special(chunk)
            if joined is None:
                return _NONE
            data = joined
        else:
            buf = self._buf
            data = buf + chunk if buf else chunk
        # Event boundaries are LF LF. Look for single LFs (memchr) and check the next byte:
        # with one-line events the first LF found is already the boundary.
        i = data.find(10, self._scan)
        if i < 0:  # small chunks: mostly the middle of a line
            self._buf = data
            n = self._scan = len(data)
            if n > _BIG:
                self._special = True
            return _NONE
        find = data.find
        end = len(data)
        events: list[RawEvent] = []
        start = 0
        while i >= 0:
            j = i + 1
            if j == end:
                break
            if data[j] != 10:
                i = find(10, j)
                continue
            if i > start:
                # Fast path: a single `data: ` line, the shape of every OpenAI and Gemini event.
                if data.startswith(b"data: ", start) and find(10, start, i) < 0:
                    events.append(("message", data[start + 6 : i], self.last_event_id, None))
                else:
                    event = self._block(data[start:i])
                    if event is not None:
                        events.append(event)
            start = j + 1
            i = find(10, start)
        if start:
            data = data[start:]
        self._buf = data
        self._scan = len(data) - 1 if data else 0
        return events

    def _join_special(self, chunk: bytes) -> bytes | None:
        """The slow path: a BOM may still be arriving, a CRLF may be split across chunks, the
        chunk has CRs to normalize, or a large event is being accumulated. Returns the buffer
        joined with the chunk, or None while no event can have ended."""
        if self._head is not None:
            head = self._head + chunk
            if len(head) < 3 and _BOM.startswith(head):
                self._head = head
                return None
            self._head = None
            chunk = head[3:] if head.startswith(_BOM) else head
        if self._cr and chunk:
            self._cr = False
            if chunk[0] == 10:  # the LF of a CRLF whose CR ended the previous chunk
                chunk = chunk[1:]
        if 13 in chunk:
            # Every line end becomes LF; a CR at the end is a line end already, and an LF
            # starting the next chunk belongs to it.
            self._cr = chunk[-1] == 13
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        self._special = self._head is not None or self._cr
        buf = self._buf
        if len(buf) > _BIG or self._big is not None:
            # A large event still arriving: grow in place instead of copying it per chunk.
            big = self._big
            if big is None:
                big = self._big = bytearray(buf)
                self._buf = b""
            big += chunk
            if big.find(b"\n\n", max(self._scan - 1, 0)) < 0:
                self._scan = len(big) - 1
                self._special = True
                return None
            self._big = None
            return bytes(big)
        return buf + chunk if buf else chunk

    def pending(self) -> ServerSentEvent | None:
        """The unterminated event at the end of the stream, as if an empty line followed it.

        The spec discards it; this exists so a wire format can decide otherwise, with a reason.
        """
        if self._head is not None:  # nothing but (part of) a BOM arrived
            return None
        rest = (bytes(self._big) if self._big is not None else self._buf).rstrip(b"\n")
        raw = self._block(rest) if rest else None
        return ServerSentEvent(*raw) if raw is not None else None

    def _block(self, block: bytes) -> RawEvent | None:
        """Parse the lines of one event (no blank line inside; leading LFs are empty lines)."""
        if block[:1] == b"\n":
            block = block.lstrip(b"\n")
            if not block:
                return None
        # Second fast path: `event: X` + `data: Y`, the shape of Anthropic and Responses events.
        if block[:7] == b"event: ":
            nl = block.find(b"\n")
            if nl > 0 and block.startswith(b"data: ", nl + 1) and block.find(b"\n", nl + 1) < 0:
                return (block[7:nl].decode("utf-8", "replace") or "message", block[nl + 7 :], self.last_event_id, None)
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
        return (event_type or "message", b"\n".join(data), self.last_event_id, retry)
