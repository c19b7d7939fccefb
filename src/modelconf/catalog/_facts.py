"""The built-in catalog: provider and model facts imported from models.dev.

`catalog/catalog.json` keeps providers as objects and their models as rows (lists in the order
of `model_columns`), which parses about twice as fast as one object per model. Providers are
built when the file is loaded; a provider's models are built the first time they are asked for.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

# `import typing` costs ~5 ms of start-up; annotations are strings, so only type checkers need
# these names (mypy honours a module-level TYPE_CHECKING flag).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

FORMAT = "modelconf.catalog/1"

AUTH_KINDS = ("api-key", "oauth-subscription", "cloud-credentials", "none")


@dataclass(frozen=True, slots=True)
class Cost:
    """USD per 1M tokens. Cache prices are None when models.dev does not give them."""

    input: float
    output: float
    cache_read: float | None = None
    cache_write: float | None = None


@dataclass(frozen=True)
class ModelFacts:
    """One model of one provider. Unknown values are None (models.dev leaves many out)."""

    provider: str
    id: str
    name: str
    context_window: int | None = None
    max_output_tokens: int | None = None
    reasoning: bool | None = None
    input: tuple[str, ...] = ()
    cost: Cost | None = None
    tool_call: bool | None = None
    status: str | None = None
    # Set only when this model differs from its provider (models.dev `[provider]` table).
    api: str | None = None
    base_url: str | None = None

    @property
    def key(self) -> str:
        return f"{self.provider}/{self.id}"


# Frozen dataclasses assign each field through object.__setattr__ (~2.4 us per model); giving
# the instance its dict in one step is ~0.8 us, which keeps loading all ~5,300 models inside
# the start-up budget (bench/catalog_load.py).
_new = object.__new__
_set = object.__setattr__


@dataclass(frozen=True, slots=True)
class ProviderFacts:
    id: str
    name: str
    api: str | None
    base_url: str | None
    auth: str
    env: tuple[str, ...]
    doc: str | None
    npm: str | None
    # Where base_url came from: "models.dev" (`api` in provider.toml), "sdk-default" (the AI
    # SDK package's default base URL) or None when there is none.
    base_url_source: str | None = None
    model_count: int = 0


class Catalog:
    """Providers by models.dev id and their models, built lazily per provider."""

    __slots__ = ("providers", "source", "_rows", "_columns", "_models", "_index")

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.source: Mapping[str, Any] = data.get("source", {})
        self._columns: tuple[str, ...] = tuple(data["model_columns"])
        self._rows: dict[str, list[list[Any]]] = {}
        providers: dict[str, ProviderFacts] = {}
        for provider_id, entry in data["providers"].items():
            rows = entry.get("models", [])
            self._rows[provider_id] = rows
            providers[provider_id] = ProviderFacts(
                id=provider_id,
                name=entry["name"],
                api=entry.get("api"),
                base_url=entry.get("base_url"),
                auth=entry.get("auth", "api-key"),
                env=tuple(entry.get("env", ())),
                doc=entry.get("doc"),
                npm=entry.get("npm"),
                base_url_source=entry.get("base_url_source"),
                model_count=len(rows),
            )
        self.providers: Mapping[str, ProviderFacts] = providers
        self._models: dict[str, tuple[ModelFacts, ...]] = {}
        self._index: dict[str, dict[str, ModelFacts]] = {}

    def models(self, provider_id: str) -> Sequence[ModelFacts]:
        """The provider's models sorted by id (empty for an unknown provider)."""
        built = self._models.get(provider_id)
        if built is None:
            built = self._build(provider_id)
        return built

    def model(self, provider_id: str, model_id: str) -> ModelFacts | None:
        index = self._index.get(provider_id)
        if index is None:
            index = {model.id: model for model in self.models(provider_id)}
            self._index[provider_id] = index
        return index.get(model_id)

    def all_models(self) -> Iterator[ModelFacts]:
        for provider_id in self.providers:
            yield from self.models(provider_id)

    @property
    def model_count(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    def _build(self, provider_id: str) -> tuple[ModelFacts, ...]:
        rows = self._rows.get(provider_id)
        if rows is None:
            return ()
        # Rows follow `model_columns`; the loader is written for this format's columns.
        if self._columns[:2] != ("id", "name"):
            raise ValueError(f"unexpected catalog model columns {self._columns!r}")
        # Many models share modality lists and prices: share the (immutable) objects too.
        modalities: dict[tuple[str, ...], tuple[str, ...]] = {}
        costs: dict[tuple[float | None, ...], Cost] = {}
        out = []
        for row in rows:
            model_id, name, context, output, reasoning, inputs, cost, tool_call, status, api, base_url = row
            key = tuple(inputs) if inputs else ()
            shared_input = modalities.setdefault(key, key)
            shared_cost = None
            if cost:
                price = tuple(cost)
                shared_cost = costs.get(price)
                if shared_cost is None:
                    shared_cost = costs[price] = Cost(*price)
            model = _new(ModelFacts)
            _set(
                model,
                "__dict__",
                {
                    "provider": provider_id,
                    "id": model_id,
                    "name": name,
                    "context_window": context,
                    "max_output_tokens": output,
                    "reasoning": reasoning,
                    "input": shared_input,
                    "cost": shared_cost,
                    "tool_call": tool_call,
                    "status": status,
                    "api": api,
                    "base_url": base_url,
                },
            )
            out.append(model)
        built = tuple(out)
        self._models[provider_id] = built
        return built


def catalog_path() -> Path:
    from modelconf._resources import data_dir

    return data_dir("catalog") / "catalog.json"


@functools.cache
def load_catalog() -> Catalog:
    """The built-in catalog (cached for the process)."""
    return load_catalog_from(catalog_path())


def load_catalog_from(path: Path) -> Catalog:
    """Load a catalog file without validation (see `check_catalog_file` for diagnostics)."""
    with open(path, "rb") as handle:
        data = json.loads(handle.read())
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file (format is {data.get('format')!r})")
    return Catalog(data)
