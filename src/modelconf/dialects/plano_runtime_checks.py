"""What Plano's generator lets through and its runtime then refuses or handles surprisingly.

`planoai up` renders the config and starts brightstaff and the Envoy WASM filter, which build their
provider table (`crates/common/src/llm_providers.rs`) and check routing (`crates/brightstaff/src/
main.rs`). Errors here are configs brightstaff refuses to start with; warnings are configs it
accepts and then routes in a way the file does not say. Facts: reference/plano.md, "Runtime checks
in Rust" and "Wildcard expansion".
"""

from __future__ import annotations

from typing import Any

from modelconf.diagnostics import Diagnostic
from modelconf.dialects._common import Reporter
from modelconf.dialects._plano_profile import plano_facts
from modelconf.dialects._plano_view import PlanoView, Provider
from modelconf.dialects.plano_checks import quoted, show
from modelconf.document import PathT
from modelconf.rules import plano as rules

# Providers the generator always appends (`internal: True`); their names and models count as
# declared for routing preferences. reference/plano.md, "Generator" step 10.
ARCH_FUNCTION = ("arch-function", "Arch-Function")
ROUTER_PROVIDER_NAME = "plano-orchestrator"
ORCHESTRATOR_PROVIDER_NAME = "plano/orchestrator"
DEFAULT_ORCHESTRATOR_MODEL = "Plano-Orchestrator"

# Supported providers the generator accepts without base_url but for which Plano's Envoy template
# (config/envoy.template.yaml) defines no static cluster; chatgpt is absent because the generator
# injects its base_url. reference/plano.md, "Not checked in Python".
PROVIDERS_WITHOUT_CLUSTER = ("vercel", "openrouter", "edenai")


def check(view: PlanoView) -> list[Diagnostic]:
    report = Reporter(view.document)
    providers = [p for p in view.providers() if p.provider is not None]  # `<provider>/<model>` entries
    _defaults(view, report)
    _routing_models(view, report, providers)
    _metrics_sources(view, report)
    _wildcards(report, providers)
    _without_cluster(report, providers)
    return report.out


def _defaults(view: PlanoView, report: Reporter) -> None:
    first: PathT | None = None
    for provider in view.providers():
        if not provider.entry.get("default"):
            continue
        if first is None:
            first = provider.at("default")
            continue
        report(
            rules.MULTIPLE_DEFAULTS,
            provider.at("default"),
            f"a second default model (the first is at line {report.line(first)}); `planoai up` accepts it, then "
            "brightstaff refuses to start: "
            + quoted("failed to create LlmProviders: There must be at most one default LLM Provider"),
            key=True,
            hint="keep `default: true` on one model provider",
            related=(("first default", first),),
        )


def declared_models(view: PlanoView, providers: list[Provider], has_preferences: bool) -> set[str]:
    """What brightstaff matches routing models against: each rendered provider's name and model.

    The generator renders `name` (default: the full model string) and `model` (the model id, `*`
    for a wildcard), and appends its internal providers (step 10 of the generator).
    """
    names = {p.effective_name for p in providers if p.effective_name is not None}
    model_ids = {p.model_id for p in providers if p.model_id is not None}
    declared = names | model_ids
    arch_name, arch_model = ARCH_FUNCTION
    if arch_name not in names:
        declared |= {arch_name, arch_model}
    overrides = view.mapping("overrides")
    if has_preferences:
        router = _model_id(overrides.get("llm_routing_model", DEFAULT_ORCHESTRATOR_MODEL))
        if router not in model_ids:
            declared |= {ROUTER_PROVIDER_NAME, router}
    orchestrator = _model_id(overrides.get("agent_orchestration_model", DEFAULT_ORCHESTRATOR_MODEL))
    if orchestrator not in model_ids:
        declared |= {ORCHESTRATOR_PROVIDER_NAME, orchestrator}
    return declared


def _model_id(value: Any) -> str:
    text = str(value)
    return text.split("/", 1)[1] if "/" in text else text


def _routing_models(view: PlanoView, report: Reporter, providers: list[Provider]) -> None:
    top_level = list(view.items("routing_preferences"))
    top_names = {item["name"] for _, item in top_level if isinstance(item.get("name"), str)}
    # Inline preferences the generator lifts to the top level (below v0.4.0 only).
    lifted: list[tuple[Provider, str]] = []
    if view.migrates_inline_preferences:
        for provider in providers:
            if provider.is_wildcard or provider.model is None:
                continue
            names: list[str] = [
                pref["name"] for pref in provider.inline_preferences if isinstance(pref, dict) and isinstance(pref.get("name"), str)
            ]
            new = [name for name in names if name and name not in top_names]
            if new:
                lifted.append((provider, new[0]))
    if not top_level and not lifted:
        return
    declared = declared_models(view, providers, has_preferences=True)
    for path, preference in top_level:
        route = preference.get("name")
        for index, model in enumerate(view.sequence(*path, "models")):
            if not isinstance(model, str) or model in declared:
                continue
            hint = "declare it under `model_providers`"
            prefix = model.split("/", 1)[0] if "/" in model else None
            if prefix is not None and any(p.is_wildcard and p.provider == prefix for p in providers):
                hint = f"a model reachable only through `{prefix}/*` does not count: declare `{model}` as its own entry"
            report(
                rules.UNDECLARED_ROUTING_MODEL,
                path + ("models", index),
                f"no model provider declares {show(model)}; `planoai up` accepts it, then brightstaff refuses to start: "
                + quoted(
                    f"routing_preferences route '{route}' references model '{model}' which is not declared in model_providers"
                ),
                hint=hint,
            )
    for provider, route in lifted:
        model = provider.model or ""
        if model in declared:
            continue
        report(
            rules.UNDECLARED_ROUTING_MODEL,
            provider.at("routing_preferences"),
            f"`planoai up` lifts these preferences to the top level naming the model {show(model)}, but this "
            f"entry is named {show(provider.name)}, so brightstaff refuses to start: "
            + quoted(
                f"routing_preferences route '{route}' references model '{model}' which is not declared in model_providers"
            ),
            key=True,
            hint=f"remove `name: {provider.name}`, or declare the preferences at the top level with `models: [{provider.name}]`",
        )


def _metrics_sources(view: PlanoView, report: Reporter) -> None:
    first: dict[str, PathT] = {}
    for path, source in view.items("model_metrics_sources"):
        kind = source.get("type")
        if kind not in ("cost", "latency"):
            continue
        if kind in first:
            report(
                rules.DUPLICATE_METRICS_SOURCE,
                path + ("type",),
                f"a second {kind} metrics source; `planoai up` accepts it, then brightstaff refuses to start: "
                + quoted(f"model_metrics_sources: only one {kind} metrics source is allowed"),
                hint="keep one",
                related=(("first one", first[kind]),),
            )
        else:
            first[kind] = path + ("type",)
    for path, preference in view.items("routing_preferences"):
        policy = preference.get("selection_policy")
        prefer = policy.get("prefer") if isinstance(policy, dict) else None
        needed = {"cheapest": "cost", "fastest": "latency"}.get(prefer) if isinstance(prefer, str) else None
        if needed is None or needed in first:
            continue
        route = preference.get("name")
        report(
            rules.MISSING_METRICS_SOURCE,
            path + ("selection_policy", "prefer"),
            f"`prefer: {prefer}` needs a {needed} source in `model_metrics_sources`; brightstaff refuses to start: "
            + quoted(
                f"routing_preferences route '{route}' uses prefer: {prefer} but no {needed} metrics source is configured"
                f" — add a {needed} metrics source to model_metrics_sources"
            ),
            hint=f"add a `type: {needed}` entry to `model_metrics_sources`",
        )
    routing = view.mapping("routing")
    if routing.get("routing_budget") is not None and "cost" not in first:
        report(
            rules.MISSING_METRICS_SOURCE,
            ("routing", "routing_budget"),
            "`routing_budget` needs a cost source in `model_metrics_sources`; brightstaff refuses to start: "
            + quoted("routing.routing_budget is configured but no cost metrics source is configured"),
            key=True,
            hint="add `- {type: cost, provider: models.dev}` to `model_metrics_sources`",
        )


def _wildcard_key(name: str) -> str:
    """The runtime's key for a wildcard: its name with trailing `/*` then `*` trimmed."""
    while name.endswith("/*"):
        name = name[:-2]
    return name.rstrip("*")


def _wildcards(report: Reporter, providers: list[Provider]) -> None:
    seen: dict[str, PathT] = {}
    explicit_names: set[str] = set()
    wildcard_prefixes: set[str] = set()
    for provider in providers:
        name = provider.name
        repeated_name = name is not None and name in explicit_names  # C402 already says it
        if name is not None:
            explicit_names.add(name)
        if not provider.is_wildcard:
            continue
        effective = provider.effective_name or ""
        key = _wildcard_key(effective)
        if name is not None and name != provider.model:
            report(
                rules.NAMED_WILDCARD,
                provider.at("name"),
                f"Plano keys a wildcard by its name: requests for `{provider.provider}/<model>` do not reach this "
                f"entry, only `{key}/<model>`",
                hint=f"remove `name`, or set it to `{provider.model}`",
            )
        else:
            wildcard_prefixes.add(key)
        if key in seen and not repeated_name:
            report(
                rules.DUPLICATE_WILDCARD,
                provider.at("model"),
                f"a second wildcard for `{key}` (the first is at line {report.line(seen[key])}); Plano silently "
                "replaces the earlier one with this one, so the earlier entry's settings are never used",
                hint="keep one wildcard per provider",
                related=(("earlier wildcard", seen[key]),),
            )
        seen.setdefault(key, provider.at("model"))
    _custom_names_under_wildcards(report, providers, wildcard_prefixes)


def _custom_names_under_wildcards(report: Reporter, providers: list[Provider], prefixes: set[str]) -> None:
    for provider in providers:
        prefix, model_id, name = provider.provider, provider.model_id, provider.name
        if provider.is_wildcard or name is None or prefix not in prefixes or model_id is None:
            continue
        if model_id not in plano_facts().registry_models(prefix) or name == f"{prefix}/{model_id}":
            continue
        report(
            rules.ORDER_DEPENDENT_SHORT_NAME,
            provider.at("name"),
            f"`{prefix}/*` still expands `{model_id}` (Plano's registry lists it) because this entry's name is not "
            f"`{prefix}/{model_id}`: `{prefix}/{model_id}` gets the wildcard's settings and the short name "
            f"`{model_id}` goes to whichever entry comes later in the file",
            hint=f"name it `{prefix}/{model_id}` (or remove `name`) to exclude it from the wildcard",
        )


def _without_cluster(report: Reporter, providers: list[Provider]) -> None:
    for provider in providers:
        if provider.provider in PROVIDERS_WITHOUT_CLUSTER and not provider.entry.get("base_url"):
            report(
                rules.PROVIDER_WITHOUT_CLUSTER,
                provider.at("model"),
                f"`{provider.provider}` without `base_url`: `planoai up` accepts it, but Plano's Envoy config defines no "
                f"`{provider.provider}` upstream, so requests have nowhere to go (Envoy presumably rejects the config)",
                hint=f"add the `{provider.provider}` API address as `base_url`",
            )
