"""A target's view of the built-in catalog: its providers and the models it shows for each.

Which models a target shows comes from its profile (`TargetProfile.visible_models`); how catalog
facts become model fields depends on the program, because each builds its catalog differently:

- pi (and OpenClaw/Mayros, which runs pi): pi's generator maps models.dev `limit.output` to
  `maxTokens` with 4096 when it is missing, and `input` to `["text"]` or `["text", "image"]`
  (reference/pi.md, "Built-in catalog", generator sources);
- zot: hand-written Go literals with no `input`; unset numbers are Go zero values
  (reference/zot.md, "Built-in catalog");
- Plano keeps no limits or prices (its profile's defaults are all unset).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from modelconf.catalog._facts import Catalog, ModelFacts
from modelconf.catalog._profiles import TargetProfile, TargetProvider
from modelconf.ir import COST_FIELDS
from modelconf.resolve._core import CATALOG, DEFAULT, Resolution, RModel, RProvider

FactsMapper = Callable[[ModelFacts, TargetProvider, RModel, str | None], None]

PI_MAX_TOKENS_FALLBACK = 4096  # pi generator: `limit.output` -> maxTokens, fallback 4096


def builtin_providers(profile: TargetProfile) -> list[TargetProvider]:
    """The providers built into the modelled version (profiles mark later ones with `since`)."""
    return [provider for provider in profile.providers.values() if provider.since is None]


def provider_base_url(provider: TargetProvider, catalog: Catalog) -> str | None:
    """The profile's base URL for the provider, else the catalog provider's."""
    if provider.base_url is not None:
        return provider.base_url or None  # "" marks a URL the program reads from the environment
    facts = catalog.providers.get(provider.catalog_provider or "")
    return facts.base_url if facts is not None else None


def add_builtin_view(
    resolution: Resolution,
    profile: TargetProfile,
    catalog: Catalog,
    mapper: FactsMapper,
    *,
    only: Collection[str] | None = None,
) -> None:
    """Add the target's built-in providers and their models (`only`: just these provider ids)."""
    for provider in builtin_providers(profile):
        if only is not None and provider.id not in only:
            continue
        base_url = provider_base_url(provider, catalog)
        record = RProvider(
            id=provider.id,
            name=provider.name,
            api=provider.api,
            base_url=base_url,
            auth_kind=provider.auth,
            origin="catalog",
            prov={"api": CATALOG, "base_url": CATALOG, "name": CATALOG},
        )
        resolution.providers[provider.id] = record
        for facts in profile.visible_models(provider.id, catalog):
            model = RModel(provider.id, facts.id, "catalog")
            mapper(facts, provider, model, base_url)
            resolution.add_model(model)


def pi_facts(facts: ModelFacts, provider: TargetProvider, model: RModel, base_url: str | None) -> None:
    """Catalog facts as pi's generated catalog holds them."""
    model.set(("name",), facts.name or facts.id, CATALOG)
    model.set(("api",), facts.api or provider.api, CATALOG)
    model.set(("base_url",), facts.base_url if facts.base_url and provider.base_url is None else base_url, CATALOG)
    model.set(("reasoning",), bool(facts.reasoning), CATALOG)
    model.set(("input",), ["text", "image"] if "image" in facts.input else ["text"], CATALOG)
    if facts.context_window is not None:
        model.set(("context_window",), facts.context_window, CATALOG)
    if facts.max_output_tokens is not None:
        model.set(("max_tokens",), facts.max_output_tokens, CATALOG)
    else:
        model.set(("max_tokens",), PI_MAX_TOKENS_FALLBACK, DEFAULT)
    _cost(facts, model)


def zot_facts(facts: ModelFacts, provider: TargetProvider, model: RModel, base_url: str | None) -> None:
    """Catalog facts as zot's Go catalog holds them (no input modalities; zero for unknown numbers)."""
    model.set(("name",), facts.name or facts.id, CATALOG)
    model.set(("api",), provider.api or "openai-completions", CATALOG)
    model.set(("base_url",), base_url, CATALOG)
    model.set(("reasoning",), bool(facts.reasoning), CATALOG)
    model.set(("context_window",), facts.context_window or 0, CATALOG if facts.context_window is not None else DEFAULT)
    model.set(("max_tokens",), facts.max_output_tokens or 0, CATALOG if facts.max_output_tokens is not None else DEFAULT)
    _cost(facts, model)


def _cost(facts: ModelFacts, model: RModel) -> None:
    cost = facts.cost
    for index, name in enumerate(COST_FIELDS):
        value = cost[index] if cost is not None else None
        model.set(("cost", name), float(value) if value is not None else 0.0, CATALOG if value is not None else DEFAULT)
