"""Load a resolved catalog: the shared loader checks its format version and schema; index models."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modelconf.resolved_catalog import FORMAT, ResolvedCatalogError, load_resolved, parse_resolved

from ._model import ModelSpec, ProviderSpec

__all__ = ["FORMAT", "Catalog", "CatalogError", "UnknownModelError", "compiled", "load", "parse"]

# The file is not a resolved catalog this runtime can load; the message says why. One error type
# for the compiler's loader and the runtime's (`modelconf.resolved_catalog`).
CatalogError = ResolvedCatalogError


class UnknownModelError(LookupError):
    """No model in the catalog matches the name."""


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """A wildcard that stays a pattern: its provider, API and endpoint (`{model}` for the id)."""

    provider: ProviderSpec
    api: str
    base_url: str | None
    endpoint: str | None

    def model(self, key: str, model_id: str) -> ModelSpec:
        endpoint = self.endpoint.replace("{model}", model_id) if self.endpoint else None
        return ModelSpec(key=key, id=model_id, api=self.api, provider=self.provider, base_url=self.base_url, endpoint=endpoint)


@dataclass(frozen=True, slots=True)
class Catalog:
    target: str
    models: Mapping[str, ModelSpec]  # by key (provider/id)
    aliases: Mapping[str, str] = field(default_factory=dict)  # alias → key
    default_model: str | None = None
    source: str = "<catalog>"
    # The config files it was compiled from: `{file, dialect, sha256}` (config-side credential
    # references point into them).
    sources: tuple[Mapping[str, Any], ...] = ()
    # Plano wildcards that stay patterns (`litellm/*`): any `<prefix>/<model>` routes through them.
    patterns: Mapping[str, PatternSpec] = field(default_factory=dict)  # by prefix

    def find(self, name: str) -> ModelSpec:
        """By key, then alias, then a bare model id that only one provider has, then a pattern:
        Plano routes `<prefix>/<model>` through a `<prefix>/*` entry with the rest as the model id
        (reference/plano.md, "Wildcard expansion", `get(name)`)."""
        if name in self.models:
            return self.models[name]
        key = self.aliases.get(name)
        if key is not None and key in self.models:
            return self.models[key]
        by_id = [m for m in self.models.values() if m.id == name]
        if len(by_id) == 1:
            return by_id[0]
        if len(by_id) > 1:
            keys = ", ".join(sorted(m.key for m in by_id))
            raise UnknownModelError(f"model {name!r} is ambiguous in {self.source}: use one of {keys}")
        prefix, _, model_id = name.partition("/")
        pattern = self.patterns.get(prefix)
        if pattern is not None and model_id:
            return pattern.model(name, model_id)
        near = difflib.get_close_matches(name, [*self.models, *self.aliases], n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UnknownModelError(f"no model {name!r} in {self.source}{hint}")


def load(path: str | Path) -> Catalog:
    return _index(load_resolved(path), source=str(Path(path)))


def parse(data: object, *, source: str = "<catalog>") -> Catalog:
    return _index(parse_resolved(data, source=source), source=source)


def compiled(data: dict[str, Any], *, source: str = "<compiled>") -> Catalog:
    """A catalog the compiler just rendered (`modelconf.compiler.compile_files`), which it has
    validated already."""
    return _index(data, source=source)


def _index(data: dict[str, Any], *, source: str) -> Catalog:
    providers: dict[str, ProviderSpec] = {}
    for pid, p in data["providers"].items():
        auth = p["auth"]
        providers[pid] = ProviderSpec(
            id=p["id"],
            api=p["api"],
            base_url=p.get("base_url"),
            auth_kind=auth["kind"],
            auth_scheme=auth["scheme"],
            credentials=tuple(auth.get("credentials", ())),
            headers=p.get("headers", {}),
            interface=p.get("interface"),
        )
    models: dict[str, ModelSpec] = {}
    aliases: dict[str, str] = dict(data.get("aliases", {}))
    for m in data["models"]:
        provider = providers.get(m["provider"])
        if provider is None:
            raise CatalogError(f"{source}: model {m['key']!r} names provider {m['provider']!r}, which is not in providers")
        models[m["key"]] = ModelSpec(
            key=m["key"],
            id=m["id"],
            api=m["api"],
            provider=provider,
            base_url=m.get("base_url"),
            endpoint=m.get("endpoint"),
            headers=m.get("headers", {}),
            cost=m.get("cost"),
            max_tokens=m.get("max_tokens"),
            reasoning=bool(m.get("reasoning", False)),
            compat=m.get("compat", {}),
        )
        for alias in m.get("aliases", ()):
            aliases.setdefault(alias, m["key"])
    patterns: dict[str, PatternSpec] = {}
    for p in data.get("patterns", ()):
        provider = providers.get(p["provider"])
        if provider is None:
            raise CatalogError(f"{source}: pattern {p['pattern']!r} names provider {p['provider']!r}, which is not in providers")
        patterns[p["pattern"].removesuffix("/*")] = PatternSpec(provider, p["api"], p.get("base_url"), p.get("endpoint"))
    return Catalog(
        target=data["target"],
        models=models,
        aliases=aliases,
        default_model=data.get("default_model"),
        source=source,
        sources=tuple(data.get("sources", ())),
        patterns=patterns,
    )
