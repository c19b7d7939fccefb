"""Bytes of one response body in, normalized events out: SSE decoder + wire parser + message.

No I/O here, so the network loop, the conformance tests and the benchmark share one path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ._events import AssistantMessage, DoneEvent, ErrorEvent, Event, MessageBuilder, parse_arguments
from ._model import ModelSpec
from ._sse import SSEDecoder
from ._wire import Parser, StreamError, wire_format

_NO_EVENTS: tuple[Event, ...] = ()


class Pipeline:
    __slots__ = ("decoder", "builder", "parser", "message", "failed", "_decode")

    def __init__(self, model: ModelSpec) -> None:
        self.message = AssistantMessage(api=model.api, provider=model.provider.id, model=model.id)
        self.decoder = SSEDecoder()
        self.builder = MessageBuilder(self.message, model.cost)
        self.parser: Parser = wire_format(model.api).new_parser(self.builder)
        self._decode = self.decoder.decode
        self.failed = False  # feed() already ended the stream with an error event

    @property
    def done(self) -> bool:
        """The format's terminator arrived: stop reading."""
        return self.parser.done

    def feed(self, chunk: bytes) -> Sequence[Event]:
        """Events for one chunk of body bytes. A failure in the stream ends the list with an
        error event (after the events that came before it) and sets `failed`."""
        raw = self._decode(chunk)
        if not raw:  # small chunks: usually no event ends in this one
            return _NO_EVENTS
        parser = self.parser
        out: list[Event] = []
        try:
            for kind, data, _, _ in raw:
                out += parser.feed(kind, data)
                if parser.done:
                    break
        except StreamError as exc:
            out.append(self.fail(str(exc)))
            self.failed = True
        return out

    def finish(self) -> list[Event]:
        """The body ended (or the terminator arrived): the closing events, ending in done or error."""
        try:
            events = self.parser.finish(None if self.parser.done else self.decoder.pending())
        except StreamError as exc:
            return [self.fail(str(exc))]
        message = self.message
        stop = message.stop_reason or "stop"
        if stop in ("stop", "length", "toolUse"):
            message.stop_reason = stop
            events.append(DoneEvent(stop, message))
        else:
            events.append(ErrorEvent("error", message.error_message or f"stop reason {stop}", message))
        return events

    def fail(self, error: str, *, aborted: bool = False) -> ErrorEvent:
        """The error event for a failure; the partial message keeps what arrived."""
        message = self.message
        for block in message.tool_calls:
            if not block.arguments and block.raw_arguments:
                block.arguments = parse_arguments(block.raw_arguments)
        message.stop_reason = "aborted" if aborted else "error"
        message.error_message = error
        return ErrorEvent("aborted" if aborted else "error", error, message)


def replay(model: ModelSpec, chunks: Iterable[bytes]) -> Iterator[Event]:
    """Events for a recorded body delivered in `chunks` (tests, benchmarks, offline tools)."""
    pipeline = Pipeline(model)
    for chunk in chunks:
        yield from pipeline.feed(chunk)
        if pipeline.failed:
            return
        if pipeline.done:
            break
    yield from pipeline.finish()
