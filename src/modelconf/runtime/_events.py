"""The normalized event stream and the final assistant message (pi-ai's model, reference/runtime.md §1).

Every wire format is mapped onto the same events:

    start · text_delta · thinking_delta · toolcall_start · toolcall_delta · toolcall_end · usage
    done (reason stop | length | toolUse) · error (reason error | aborted)

A stream ends with exactly one `done` or one `error`. Both carry the `AssistantMessage` built so far:
content blocks in order, tool calls with parsed arguments, usage and its cost from the model's
prices. An `error` keeps whatever arrived before the failure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeAlias

import jiter

StopReason: TypeAlias = Literal["stop", "length", "toolUse", "error", "aborted"]
DoneReason: TypeAlias = Literal["stop", "length", "toolUse"]
ErrorReason: TypeAlias = Literal["error", "aborted"]


@dataclass(slots=True)
class Cost:
    """USD, from the model's prices in $ per 1M tokens."""

    input: float = 0.0
    output: float = 0.0
    cache_read: float = 0.0
    cache_write: float = 0.0
    total: float = 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "input": self.input,
            "output": self.output,
            "cache_read": self.cache_read,
            "cache_write": self.cache_write,
            "total": self.total,
        }


@dataclass(slots=True)
class Usage:
    """Token counts. `input` excludes cached input (read or written), as in pi-ai; `reasoning` is
    the part of `output` spent on thinking, when the provider reports it."""

    input: int = 0
    output: int = 0
    cache_read: int = 0
    cache_write: int = 0
    total_tokens: int = 0
    reasoning: int = 0
    cost: Cost = field(default_factory=Cost)

    def price(self, prices: Mapping[str, float] | None) -> None:
        """Recompute `cost` from prices in $/1M tokens (missing prices count as 0)."""
        p = prices or {}
        c = self.cost
        c.input = p.get("input", 0.0) / 1e6 * self.input
        c.output = p.get("output", 0.0) / 1e6 * self.output
        c.cache_read = p.get("cache_read", 0.0) / 1e6 * self.cache_read
        c.cache_write = p.get("cache_write", 0.0) / 1e6 * self.cache_write
        c.total = c.input + c.output + c.cache_read + c.cache_write

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "output": self.output,
            "cache_read": self.cache_read,
            "cache_write": self.cache_write,
            "total_tokens": self.total_tokens,
            "reasoning": self.reasoning,
            "cost": self.cost.to_dict(),
        }


class _Parts:
    """Streamed text kept as a list of pieces and joined on read: appending to a str attribute
    copies the whole text every time, which is quadratic over a long stream."""

    __slots__ = ("_parts",)

    def __init__(self, text: str = "") -> None:
        self._parts = [text] if text else []

    def add(self, delta: str) -> None:
        self._parts.append(delta)

    def get(self) -> str:
        parts = self._parts
        if len(parts) > 1:
            parts[:] = ["".join(parts)]
        return parts[0] if parts else ""

    def set(self, text: str) -> None:
        self._parts[:] = [text] if text else []  # in place: a bound `append` stays valid


class TextContent:
    __slots__ = ("_text", "refusal", "signature")
    type: ClassVar[str] = "text"

    def __init__(self, text: str = "", refusal: bool = False, signature: str | None = None) -> None:
        self._text = _Parts(text)
        self.refusal = refusal  # OpenAI `refusal` text: shown like text, kept apart from the answer
        self.signature = signature

    @property
    def text(self) -> str:
        return self._text.get()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "text", "text": self.text}
        if self.refusal:
            d["refusal"] = True
        if self.signature is not None:
            d["signature"] = self.signature
        return d

    def __repr__(self) -> str:
        return f"TextContent(text={self.text!r}, refusal={self.refusal!r})"


class ThinkingContent:
    __slots__ = ("_thinking", "signature", "redacted")
    type: ClassVar[str] = "thinking"

    def __init__(self, thinking: str = "", signature: str | None = None, redacted: bool = False) -> None:
        self._thinking = _Parts(thinking)
        self.signature = signature
        self.redacted = redacted

    @property
    def thinking(self) -> str:
        return self._thinking.get()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "thinking", "thinking": self.thinking}
        if self.signature is not None:
            d["signature"] = self.signature
        if self.redacted:
            d["redacted"] = True
        return d

    def __repr__(self) -> str:
        return f"ThinkingContent(thinking={self.thinking!r}, redacted={self.redacted!r})"


class ToolCall:
    __slots__ = ("id", "name", "arguments", "_raw")
    type: ClassVar[str] = "toolCall"

    def __init__(self, id: str, name: str, arguments: dict[str, Any] | None = None, raw_arguments: str = "") -> None:
        self.id = id
        self.name = name
        self.arguments: dict[str, Any] = arguments if arguments is not None else {}
        self._raw = _Parts(raw_arguments)

    @property
    def raw_arguments(self) -> str:
        """The arguments' JSON text as streamed."""
        return self._raw.get()

    def to_dict(self) -> dict[str, Any]:
        return {"type": "toolCall", "id": self.id, "name": self.name, "arguments": self.arguments}

    def __repr__(self) -> str:
        return f"ToolCall(id={self.id!r}, name={self.name!r}, arguments={self.arguments!r})"


Content: TypeAlias = TextContent | ThinkingContent | ToolCall


def parse_arguments(raw: str) -> dict[str, Any]:
    """Tool arguments from streamed JSON text; an incomplete tail is dropped (partial parsing),
    as the Anthropic SDK does for a stream cut by max_tokens."""
    if not raw.strip():
        return {}
    try:
        value = jiter.from_json(raw.encode(), partial_mode=True)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass(slots=True)
class AssistantMessage:
    api: str
    provider: str
    model: str
    content: list[Content] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    stop_reason: StopReason | None = None
    provider_stop_reason: str | None = None  # as the provider said it: end_turn, tool_calls, STOP, …
    error_message: str | None = None
    response_id: str | None = None
    response_model: str | None = None  # the model the provider says answered
    timestamp: int = field(default_factory=lambda: int(time.time() * 1000))

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.content if isinstance(c, TextContent) and not c.refusal)

    @property
    def refusal(self) -> str:
        return "".join(c.text for c in self.content if isinstance(c, TextContent) and c.refusal)

    @property
    def thinking(self) -> str:
        return "".join(c.thinking for c in self.content if isinstance(c, ThinkingContent))

    @property
    def tool_calls(self) -> list[ToolCall]:
        return [c for c in self.content if isinstance(c, ToolCall)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": "assistant",
            "api": self.api,
            "provider": self.provider,
            "model": self.model,
            "content": [c.to_dict() for c in self.content],
            "usage": self.usage.to_dict(),
            "stop_reason": self.stop_reason,
            "provider_stop_reason": self.provider_stop_reason,
            "error_message": self.error_message,
            "response_id": self.response_id,
            "response_model": self.response_model,
            "timestamp": self.timestamp,
        }


# ---- events -------------------------------------------------------------------------------------


@dataclass(slots=True)
class StartEvent:
    message: AssistantMessage
    type: ClassVar[Literal["start"]] = "start"

    def to_dict(self) -> dict[str, Any]:
        m = self.message
        return {"type": "start", "api": m.api, "provider": m.provider, "model": m.model}


@dataclass(slots=True)
class TextDeltaEvent:
    content_index: int
    delta: str
    type: ClassVar[Literal["text_delta"]] = "text_delta"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "text_delta", "content_index": self.content_index, "delta": self.delta}


@dataclass(slots=True)
class ThinkingDeltaEvent:
    content_index: int
    delta: str
    type: ClassVar[Literal["thinking_delta"]] = "thinking_delta"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "thinking_delta", "content_index": self.content_index, "delta": self.delta}


@dataclass(slots=True)
class ToolCallStartEvent:
    content_index: int
    id: str
    name: str
    type: ClassVar[Literal["toolcall_start"]] = "toolcall_start"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "toolcall_start", "content_index": self.content_index, "id": self.id, "name": self.name}


@dataclass(slots=True)
class ToolCallDeltaEvent:
    content_index: int
    delta: str  # a piece of the arguments' JSON text
    type: ClassVar[Literal["toolcall_delta"]] = "toolcall_delta"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "toolcall_delta", "content_index": self.content_index, "delta": self.delta}


@dataclass(slots=True)
class ToolCallEndEvent:
    content_index: int
    tool_call: ToolCall
    type: ClassVar[Literal["toolcall_end"]] = "toolcall_end"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "toolcall_end", "content_index": self.content_index, "tool_call": self.tool_call.to_dict()}


@dataclass(slots=True)
class UsageEvent:
    usage: Usage
    type: ClassVar[Literal["usage"]] = "usage"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "usage", "usage": self.usage.to_dict()}


@dataclass(slots=True)
class DoneEvent:
    reason: DoneReason
    message: AssistantMessage
    type: ClassVar[Literal["done"]] = "done"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "done", "reason": self.reason, "message": self.message.to_dict()}


@dataclass(slots=True)
class ErrorEvent:
    reason: ErrorReason
    error: str  # what went wrong, in words; never a key
    message: AssistantMessage  # everything that arrived before the failure
    type: ClassVar[Literal["error"]] = "error"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "error", "reason": self.reason, "error": self.error, "message": self.message.to_dict()}


Event: TypeAlias = (
    StartEvent
    | TextDeltaEvent
    | ThinkingDeltaEvent
    | ToolCallStartEvent
    | ToolCallDeltaEvent
    | ToolCallEndEvent
    | UsageEvent
    | DoneEvent
    | ErrorEvent
)


class MessageBuilder:
    """Builds the `AssistantMessage` and the events for it; the wire parsers drive it.

    Content indexes are positions in `message.content`; a wire parser keeps its own map from the
    wire's block identity (an Anthropic `index`, an OpenAI tool-call `index`) to them.
    """

    __slots__ = ("message", "prices", "_open_tools")

    def __init__(self, message: AssistantMessage, prices: Mapping[str, float] | None) -> None:
        self.message = message
        self.prices = prices
        self._open_tools: set[int] = set()

    def open_text(self, *, refusal: bool = False) -> int:
        self.message.content.append(TextContent(refusal=refusal))
        return len(self.message.content) - 1

    def text(self, index: int, delta: str) -> TextDeltaEvent:
        block = self.message.content[index]
        assert isinstance(block, TextContent)
        block._text.add(delta)
        return TextDeltaEvent(index, delta)

    def text_appender(self, index: int) -> Callable[[str], None]:
        """A fast `append` for the text block at `index` (the hot path adds its own event)."""
        block = self.message.content[index]
        assert isinstance(block, TextContent)
        return block._text._parts.append

    def open_thinking(self, *, redacted: bool = False, signature: str | None = None) -> int:
        self.message.content.append(ThinkingContent(redacted=redacted, signature=signature))
        return len(self.message.content) - 1

    def thinking(self, index: int, delta: str) -> ThinkingDeltaEvent:
        block = self.message.content[index]
        assert isinstance(block, ThinkingContent)
        block._thinking.add(delta)
        return ThinkingDeltaEvent(index, delta)

    def open_tool(self, id: str, name: str) -> tuple[int, ToolCallStartEvent]:
        self.message.content.append(ToolCall(id=id, name=name))
        index = len(self.message.content) - 1
        self._open_tools.add(index)
        return index, ToolCallStartEvent(index, id, name)

    def tool_arguments(self, index: int, delta: str) -> ToolCallDeltaEvent:
        block = self.message.content[index]
        assert isinstance(block, ToolCall)
        block._raw.add(delta)
        return ToolCallDeltaEvent(index, delta)

    def close_tool(self, index: int, raw_arguments: str | None = None) -> ToolCallEndEvent | None:
        """Parse the arguments and emit `toolcall_end` once per tool call."""
        if index not in self._open_tools:
            return None
        self._open_tools.discard(index)
        block = self.message.content[index]
        assert isinstance(block, ToolCall)
        if raw_arguments is not None:
            block._raw.set(raw_arguments)
        block.arguments = parse_arguments(block.raw_arguments)
        return ToolCallEndEvent(index, block)

    def close_all_tools(self) -> list[Event]:
        """Tool calls the wire never closed explicitly (OpenAI never does) end with the message."""
        events: list[Event] = []
        for index in sorted(self._open_tools):
            end = self.close_tool(index)
            if end is not None:
                events.append(end)
        return events

    def usage(self, usage: Usage) -> UsageEvent:
        usage.price(self.prices)
        self.message.usage = usage
        return UsageEvent(usage)
