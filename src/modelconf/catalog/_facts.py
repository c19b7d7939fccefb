"""The built-in catalog: provider and model facts imported from models.dev.

`catalog/catalog.json` keeps providers as objects and their models as rows (lists in the order
of `model_columns`), which parses about twice as fast as one object per model. Providers are
built when the file is loaded; a provider's models are built the first time they are asked for.
"""

from __future__ import annotations

import functools
import json
import os
from collections import namedtuple
from collections.abc import Iterator, Mapping, Sequence

# `import typing` costs ~5 ms of start-up; annotations are strings, so only type checkers need
# these names (mypy honours a module-level TYPE_CHECKING flag).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMAT = "modelconf.catalog/1"

AUTH_KINDS = ("api-key", "oauth-subscription", "cloud-credentials", "none")

# The fact types are named tuples, not dataclasses: immutable, and built from a catalog row in one
# C call (~0.2 us a model against ~2.4 us for a frozen dataclass), without importing
# `dataclasses` (which imports `inspect`). Loading all ~5,300 models stays inside the start-up
# budget measured by bench/catalog_load.py.


class Cost(namedtuple("Cost", "input output cache_read cache_write", defaults=(None, None))):
    """USD per 1M tokens. Cache prices are None when models.dev does not give them."""

    __slots__ = ()
    input: float
    output: float
    cache_read: float | None
    cache_write: float | None


class ModelFacts(
    namedtuple(
        "ModelFacts",
        "provider id name context_window max_output_tokens reasoning input cost tool_call status api base_url",
        defaults=(None, None, None, (), None, None, None, None, None),
    )
):
    """One model of one provider. Unknown values are None (models.dev leaves many out).

    `api` and `base_url` are set only when the model differs from its provider (models.dev's
    `[provider]` table).
    """

    __slots__ = ()
    provider: str
    id: str
    name: str
    context_window: int | None
    max_output_tokens: int | None
    reasoning: bool | None
    input: tuple[str, ...]
    cost: Cost | None
    tool_call: bool | None
    status: str | None
    api: str | None
    base_url: str | None

    @property
    def key(self) -> str:
        return f"{self.provider}/{self.id}"


class ProviderFacts(
    namedtuple(
        "ProviderFacts",
        "id name api base_url auth env doc npm base_url_source model_count",
        defaults=(None, 0),
    )
):
    """A models.dev provider. `base_url_source` says where `base_url` came from: "models.dev"
    (`api` in provider.toml), "sdk-default" (the AI SDK package's default) or None."""

    __slots__ = ()
    id: str
    name: str
    api: str | None
    base_url: str | None
    auth: str
    env: tuple[str, ...]
    doc: str | None
    npm: str | None
    base_url_source: str | None
    model_count: int


_new = tuple.__new__


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
        modalities: dict[tuple[str, ...], tuple[str, ...]] = {(): ()}
        costs: dict[tuple[float | None, ...], Cost] = {}

        def shared_input(inputs: list[str] | None) -> tuple[str, ...]:
            key = tuple(inputs) if inputs else ()
            return modalities.setdefault(key, key)

        def shared_cost(price: list[float | None] | None) -> Cost | None:
            if not price:
                return None
            key = tuple(price)
            found = costs.get(key)
            if found is None:
                found = costs[key] = _new(Cost, key)
            return found

        out = [
            _new(ModelFacts, (provider_id, r[0], r[1], r[2], r[3], r[4], shared_input(r[5]), shared_cost(r[6]), r[7], r[8], r[9], r[10]))
            for r in rows
        ]
        built = tuple(out)
        self._models[provider_id] = built
        return built


def catalog_path() -> str:
    from modelconf._resources import data_file

    return data_file("catalog", "catalog.json")


@functools.cache
def load_catalog() -> Catalog:
    """The built-in catalog (cached for the process)."""
    return load_catalog_from(catalog_path())


def load_catalog_from(path: str | os.PathLike[str]) -> Catalog:
    """Load a catalog file without validation (see `check_catalog_file` for diagnostics)."""
    with open(path, "rb") as handle:
        data = json.loads(handle.read())
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file (format is {data.get('format')!r})")
    return Catalog(data)
