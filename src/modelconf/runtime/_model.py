"""The runtime's view of one resolved-catalog model, and of one chat request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ProviderSpec:
    id: str
    api: str
    base_url: str | None
    auth_kind: str  # api-key, oauth-subscription, cloud-credentials, none
    auth_scheme: str  # bearer, x-api-key, x-goog-api-key, api-key, cf-aig-authorization, none
    credentials: tuple[Mapping[str, Any], ...] = ()  # references, in the target's order; never values
    headers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    interface: str | None = None  # Plano's provider interface (its provider id is the entry's name)


@dataclass(frozen=True, slots=True)
class ModelSpec:
    key: str  # provider/id
    id: str  # sent upstream
    api: str
    provider: ProviderSpec
    base_url: str | None = None
    endpoint: str | None = None
    headers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    cost: Mapping[str, float] | None = None  # $ per 1M tokens
    max_tokens: int | None = None
    reasoning: bool = False
    compat: Mapping[str, Any] = field(default_factory=dict)

    @property
    def effective_base_url(self) -> str:
        base = self.base_url or self.provider.base_url
        if not base:
            raise ValueError(f"model {self.key} has no base URL in the catalog")
        return base.rstrip("/")


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    description: str = ""
    parameters: Mapping[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """What the caller asks for. Messages are `{"role": "user"|"assistant", "content": str}`."""

    messages: Sequence[Mapping[str, Any]]
    system: str | None = None
    tools: Sequence[Tool] = ()
    max_tokens: int | None = None
    temperature: float | None = None
