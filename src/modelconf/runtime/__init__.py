"""modelconf's streaming runtime: load a resolved catalog, stream chat completions over httpx.

    from modelconf.runtime import Runtime

    runtime = Runtime.load("resolved.json")  # keys as the catalog's target finds them
    for event in runtime.stream("openai/gpt-4o", "Hello"):
        if event.type == "text_delta":
            print(event.delta, end="")

Events: `start`, `text_delta`, `thinking_delta`, `toolcall_start`, `toolcall_delta`,
`toolcall_end`, `usage`, then exactly one `done` (reason `stop`, `length`, `toolUse`) or `error`
(reason `error` or `aborted`). Both carry the `AssistantMessage`. After `stream()` returns, no
failure raises: it arrives as an `error` event.
"""

from ._catalog import FORMAT, Catalog, CatalogError, UnknownModelError
from ._events import (
    AssistantMessage,
    Content,
    Cost,
    DoneEvent,
    ErrorEvent,
    Event,
    StartEvent,
    TextContent,
    TextDeltaEvent,
    ThinkingContent,
    ThinkingDeltaEvent,
    ToolCall,
    ToolCallDeltaEvent,
    ToolCallEndEvent,
    ToolCallStartEvent,
    Usage,
    UsageEvent,
)
from ._keys import Credentials, StaticKeys, engine_keys, fingerprint
from ._model import ModelSpec, ProviderSpec, Tool
from ._retry import Settings
from ._runtime import AsyncChatStream, ChatStream, Runtime, UnsupportedApiError
from ._wire import APIS

__all__ = [
    "APIS",
    "FORMAT",
    "AssistantMessage",
    "AsyncChatStream",
    "Catalog",
    "CatalogError",
    "ChatStream",
    "Content",
    "Cost",
    "Credentials",
    "DoneEvent",
    "ErrorEvent",
    "Event",
    "ModelSpec",
    "ProviderSpec",
    "Runtime",
    "Settings",
    "StartEvent",
    "StaticKeys",
    "TextContent",
    "TextDeltaEvent",
    "ThinkingContent",
    "ThinkingDeltaEvent",
    "Tool",
    "ToolCall",
    "ToolCallDeltaEvent",
    "ToolCallEndEvent",
    "ToolCallStartEvent",
    "UnknownModelError",
    "UnsupportedApiError",
    "Usage",
    "UsageEvent",
    "engine_keys",
    "fingerprint",
]
