"""What the Plano checks read from the Plano target profile (catalog/targets/plano.json).

The profile holds the provider facts of Plano 0.4.36: the provider ids its config generator
supports, which of them need `base_url`, their aliases (`ProviderId` accepts them,
case-insensitively) and the wildcard registry. Loaded on first use, so linting other dialects
never pays for it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlanoFacts:
    # The generator's SUPPORTED_PROVIDERS: a model prefix outside them is a custom upstream.
    supported: frozenset[str]
    # SUPPORTED_PROVIDERS_WITH_BASE_URL: no fixed address, `base_url` is required.
    needs_base_url: frozenset[str]
    # Lower-cased id or alias -> the registry's model ids for that provider (empty when none).
    registry: dict[str, frozenset[str]]

    def registry_models(self, prefix: str) -> frozenset[str]:
        """Models a `<prefix>/*` wildcard expands to (ProviderId is case-insensitive)."""
        return self.registry.get(prefix.lower(), frozenset())


@functools.cache
def plano_facts() -> PlanoFacts:
    from modelconf.catalog._profiles import load_profile

    profile = load_profile("plano")
    keys = (profile.registry or {}).get("keys", {})
    registry: dict[str, frozenset[str]] = {}
    for provider in profile.providers.values():
        models = frozenset(keys.get(provider.models.key, ())) if provider.models.key else frozenset()
        for name in (provider.id, *provider.aliases):
            registry[name.lower()] = models
    return PlanoFacts(
        supported=frozenset(profile.providers),
        needs_base_url=frozenset(p.id for p in profile.providers.values() if p.needs_base_url),
        registry=registry,
    )
