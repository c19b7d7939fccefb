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
class Catalog:
    target: str
    models: Mapping[str, ModelSpec]  # by key (provider/id)
    aliases: Mapping[str, str] = field(default_factory=dict)  # alias → key
    default_model: str | None = None
    source: str = "<catalog>"
    # The config files it was compiled from: `{file, dialect, sha256}` (config-side credential
    # references point into them).
    sources: tuple[Mapping[str, Any], ...] = ()

    def find(self, name: str) -> ModelSpec:
        """By key, then alias, then a bare model id that only one provider has."""
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
    return Catalog(
        target=data["target"],
        models=models,
        aliases=aliases,
        default_model=data.get("default_model"),
        source=source,
        sources=tuple(data.get("sources", ())),
    )
