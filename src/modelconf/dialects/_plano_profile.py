"""What the Plano checks read from the Plano target profile (catalog/targets/plano.json).

The profile holds the provider facts of Plano 0.4.36: the provider ids its config generator
supports, which of them need `base_url`, their aliases (`ProviderId` accepts them,
case-insensitively) and the wildcard registry. Loaded on first use, so linting other dialects
never pays for it.

The few fields needed are read from the profile's data file directly: importing the typed loader
(`modelconf.catalog._profiles`) costs ~20 ms at start-up, a tenth of a one-file lint run.
`tests/test_plano_checks.py` checks that both readings agree.
"""

from __future__ import annotations

import functools
import json


class PlanoFacts:
    __slots__ = ("supported", "needs_base_url", "registry")

    def __init__(self, supported: frozenset[str], needs_base_url: frozenset[str], registry: dict[str, frozenset[str]]) -> None:
        # The generator's SUPPORTED_PROVIDERS: a model prefix outside them is a custom upstream.
        self.supported = supported
        # SUPPORTED_PROVIDERS_WITH_BASE_URL: no fixed address, `base_url` is required.
        self.needs_base_url = needs_base_url
        # Lower-cased id or alias -> the registry's model ids for that provider (empty when none).
        self.registry = registry

    def registry_models(self, prefix: str) -> frozenset[str]:
        """Models a `<prefix>/*` wildcard expands to (ProviderId is case-insensitive)."""
        return self.registry.get(prefix.lower(), frozenset())


@functools.cache
def plano_facts() -> PlanoFacts:
    from modelconf._resources import data_dir

    with open(data_dir("catalog") / "targets" / "plano.json", "rb") as handle:
        profile = json.loads(handle.read())
    keys = profile.get("registry", {}).get("keys", {})
    registry: dict[str, frozenset[str]] = {}
    for provider in profile["providers"]:
        key = provider.get("models", {}).get("key")
        models = frozenset(keys.get(key, ())) if key else frozenset()
        for name in (provider["id"], *provider.get("aliases", ())):
            registry[name.lower()] = models
    return PlanoFacts(
        supported=frozenset(p["id"] for p in profile["providers"]),
        needs_base_url=frozenset(p["id"] for p in profile["providers"] if p.get("needs_base_url")),
        registry=registry,
    )
