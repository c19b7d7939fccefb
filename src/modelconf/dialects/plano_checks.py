"""The checks of Plano's config generator (`planoai up`), all reported in one run.

Plano's generator (`cli/planoai/config_generator.py`, 0.4.36) runs its checks in a fixed order and
stops at the first failure; this module runs the same checks, in the same order, and reports every
failure. Where the generator's verdict depends on state built by earlier entries (the sets of names
and model keys), it is emulated step by step, as if the earlier failures had not stopped it.
Facts: reference/plano.md, "Generator".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from modelconf.diagnostics import Diagnostic
from modelconf.dialects._common import Reporter
from modelconf.dialects._plano_profile import plano_facts
from modelconf.dialects._plano_view import PlanoView, Provider
from modelconf.document import PathT
from modelconf.rules import plano as rules
from modelconf.secrets import safe_repr


def check(view: PlanoView) -> tuple[list[Diagnostic], set[str]]:
    """Run the generator's checks. Returns the diagnostics and the generator's model keys."""
    report = Reporter(view.document)
    _provider_lists(view, report)
    _inline_preference_migration(view, report)
    _listeners(view, report)
    _agent_ids(view, report)
    _prompt_target_endpoints(view, report)
    _tracing_endpoint(view, report)
    _routing_preference_names(view, report)
    model_keys = _ProviderLoop(view, report).run()
    _listener_filters(view, report)
    _model_aliases(view, report, model_keys)
    _agent_orchestrator(view, report)
    return report.out, model_keys


# The provider list as Plano's "unsupported provider" message prints it (config_generator.py
# SUPPORTED_PROVIDERS order). The same ids as the target profile's providers (tested).
SUPPORTED_IN_MESSAGE: tuple[str, ...] = (
    "deepseek", "groq", "mistral", "openai", "xiaomi", "gemini", "anthropic", "together_ai", "xai",
    "moonshotai", "zhipu", "chatgpt", "digitalocean", "vercel", "openrouter", "edenai", "azure_openai",
    "ollama", "qwen", "amazon_bedrock", "plano",
)


def closest_match(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option most like `word` (for "did you mean"), or None."""
    import difflib  # only on error paths: keep it out of start-up

    found = difflib.get_close_matches(word, sorted(options), n=1, cutoff=cutoff)
    return found[0] if found else None


def quoted(text: str) -> str:
    """Plano's own message, as messages quote it."""
    return f'"{text}"'


def show(value: Any) -> str:
    """A value for a message (strings in backticks, secrets as fingerprints)."""
    if isinstance(value, str):
        shown = safe_repr(value)
        return shown if shown.startswith("a secret") else f"`{value}`"
    return safe_repr(value)


# -- step 2: llm_providers / model_providers ----------------------------------------------------


def _provider_lists(view: PlanoView, report: Reporter) -> None:
    root = view.root
    if "llm_providers" in root:
        if "model_providers" in root:
            report(
                rules.BOTH_PROVIDER_LISTS,
                ("llm_providers",),
                "the file has both `llm_providers` and `model_providers`; `planoai up` stops: "
                + quoted(
                    "Please provide either llm_providers or model_providers, not both. "
                    "llm_providers is deprecated, please use model_providers instead"
                ),
                key=True,
                hint="move these entries under `model_providers` and delete `llm_providers`",
                related=(("model_providers is here", ("model_providers",)),),
            )
        else:
            report(
                rules.DEPRECATED_FORM,
                ("llm_providers",),
                "`llm_providers` is the deprecated name of `model_providers`; Plano still renames it",
                key=True,
                hint="rename the key to `model_providers`",
            )


# -- step 3: inline routing_preferences migration -------------------------------------------------


def _inline_preference_migration(view: PlanoView, report: Reporter) -> None:
    providers = [p for p in view.providers() if p.inline_preferences]
    if not providers:
        return
    if not view.migrates_inline_preferences:
        for provider in providers:
            report(
                rules.IGNORED_INLINE_ROUTING,
                provider.at("routing_preferences"),
                "inline `routing_preferences` have no effect at version v0.4.0: `planoai up` does not "
                "migrate them and Plano's runtime does not read them from a provider",
                key=True,
                hint="declare them in the top-level `routing_preferences` list with `models: [...]`",
            )
        return
    descriptions: dict[str, tuple[str, PathT]] = {}
    for provider in providers:
        model = provider.model
        if not model:
            continue
        if provider.is_wildcard:
            report(
                rules.WILDCARD_ROUTING_PREFERENCES,
                provider.at("routing_preferences"),
                f"{show(model)} is a wildcard and cannot have routing preferences; `planoai up` stops: "
                + quoted(
                    f"Model {model} has routing_preferences but uses wildcard (*). "
                    "Models with routing preferences cannot be wildcards."
                ),
                key=True,
                hint="move the routing preferences to a concrete model",
            )
            continue
        report(
            rules.DEPRECATED_INLINE_ROUTING,
            provider.at("routing_preferences"),
            "inline `routing_preferences` are deprecated; `planoai up` lifts them to a top-level "
            "`routing_preferences` list and sets `version` to v0.4.0",
            key=True,
            hint=f"declare them at the top level with `models: [{model}]` and use version v0.4.0",
        )
        for index, preference in enumerate(provider.inline_preferences):
            if not isinstance(preference, dict):
                continue
            name, description = preference.get("name"), preference.get("description", "")
            if not isinstance(name, str) or not name:
                continue
            here = provider.at("routing_preferences") + (index,)
            if name not in descriptions:
                descriptions[name] = (description if isinstance(description, str) else "", here)
                continue
            first, first_path = descriptions[name]
            if description and description != first:
                report(
                    rules.DEPRECATED_INLINE_ROUTING,
                    here + ("description",),
                    f"routing preference {show(name)} has another description at line "
                    f"{report.line(first_path)}; `planoai up` keeps the first and prints "
                    + quoted(
                        f"WARNING: routing preference '{name}' has conflicting descriptions across "
                        "providers; keeping the first one."
                    ),
                    related=(("first description", first_path + ("description",)),),
                )


# -- step 4: listeners ----------------------------------------------------------------------------


def _listeners(view: PlanoView, report: Reporter) -> None:
    listeners = view.root.get("listeners")
    if isinstance(listeners, dict):
        report(
            rules.DEPRECATED_FORM,
            ("listeners",),
            "`listeners` as an object (`ingress_traffic`/`egress_traffic`) is the deprecated form; "
            "Plano still converts it to a list of listeners",
            key=True,
            hint="write a list: `- {name: llm, type: model, port: 12000}`",
        )
        if not view.has_providers():
            report(
                rules.LEGACY_LISTENERS_WITHOUT_PROVIDERS,
                ("listeners",),
                "the legacy listeners object needs model providers; `planoai up` fails with "
                + quoted("ValueError: model_providers cannot be empty when using legacy format"),
                key=True,
                hint="add `model_providers`, or write the listeners as a list",
            )
        return
    first: PathT | None = None
    for path, listener in view.listeners():
        if listener.get("type") != "model":
            continue
        if first is None:
            first = path
            continue
        report(
            rules.MULTIPLE_MODEL_LISTENERS,
            path + ("type",),
            "a second `type: model` listener; `planoai up` fails with "
            + quoted("ValueError: Currently only one listener can have model_providers set"),
            hint="keep one model listener",
            related=(("first model listener", first + ("type",)),),
        )


# -- step 5: agents and filters ---------------------------------------------------------------------


def _agent_ids(view: PlanoView, report: Reporter) -> None:
    seen: dict[str, PathT] = {}
    for path, identifier, _ in view.agent_ids():
        if identifier in seen:
            report(
                rules.DUPLICATE_AGENT_ID,
                path,
                f"id {show(identifier)} is already used at line {report.line(seen[identifier])} "
                "(agents and filters share ids); `planoai up` stops: "
                + quoted(f"Duplicate agent id {identifier}, please provide unique id for each agent"),
                hint="give each agent and filter its own id",
                related=(("first used here", seen[identifier]),),
            )
        else:
            seen[identifier] = path


def clusters(view: PlanoView) -> set[str]:
    """Endpoint names the generator knows: `endpoints` keys plus agents/filters with a URL."""
    from urllib.parse import urlparse

    names = set(view.mapping("endpoints"))
    for _, identifier, item in view.agent_ids():
        url = item.get("url")
        if isinstance(url, str) and url:
            parsed = urlparse(url)
            if parsed.scheme and parsed.hostname:
                names.add(identifier)
    return names


# -- step 6: prompt target endpoints ----------------------------------------------------------------


def _prompt_target_endpoints(view: PlanoView, report: Reporter) -> None:
    targets = list(view.items("prompt_targets"))
    if not targets:
        return
    known = clusters(view)
    for path, target in targets:
        endpoint = target.get("endpoint")
        name = endpoint.get("name") if isinstance(endpoint, dict) else None
        if not isinstance(name, str) or not name or name in known:
            continue
        closest = closest_match(name, known)
        report(
            rules.UNKNOWN_ENDPOINT,
            path + ("endpoint", "name"),
            f"endpoint {show(name)} is not defined; `planoai up` stops: "
            + quoted(f"Unknown endpoint {name}, please add it in endpoints section in your plano_config.yaml file"),
            hint=f"did you mean `{closest}`?" if closest else f"add `{name}` under `endpoints`",
        )


# -- step 7: tracing --------------------------------------------------------------------------------


def _tracing_endpoint(view: PlanoView, report: Reporter) -> None:
    from urllib.parse import urlparse

    value = view.mapping("tracing").get("opentracing_grpc_endpoint")
    # `$VARS` are expanded from the environment before the check: nothing to say from the file.
    if not isinstance(value, str) or not value or "$" in value:
        return
    path = ("tracing", "opentracing_grpc_endpoint")
    parsed = urlparse(value)
    if parsed.scheme != "http":
        report(
            rules.INVALID_TRACING_ENDPOINT,
            path,
            f"the OTLP gRPC endpoint must use http, not {show(parsed.scheme or 'no scheme')}; `planoai up` stops: "
            + quoted(f"Invalid opentracing_grpc_endpoint {value}, scheme must be http"),
            hint="write it as http://host:4317",
        )
    elif parsed.path and parsed.path != "/":
        report(
            rules.INVALID_TRACING_ENDPOINT,
            path,
            f"the OTLP gRPC endpoint must have no path, not {show(parsed.path)}; `planoai up` stops: "
            + quoted(f"Invalid opentracing_grpc_endpoint {value}, path must be empty"),
            hint="remove the path",
        )


# -- step 8: top-level routing preference names -----------------------------------------------------


def _routing_preference_names(view: PlanoView, report: Reporter) -> None:
    seen: dict[Any, PathT] = {}
    for path, preference in view.items("routing_preferences"):
        name = preference.get("name")
        if not isinstance(name, str):
            continue
        if name in seen:
            report(
                rules.DUPLICATE_ROUTING_PREFERENCE,
                path + ("name",),
                f"routing preference {show(name)} is already defined at line {report.line(seen[name])}; "
                "`planoai up` stops: "
                + quoted(f'Duplicate routing preference name "{name}", please provide unique name for each routing preference'),
                hint="rename it, or merge the two preferences' models",
                related=(("first defined here", seen[name]),),
            )
        else:
            seen[name] = path + ("name",)


# -- step 9: each model provider --------------------------------------------------------------------


class _ProviderLoop:
    """The generator's per-provider checks, with its name set and model key set."""

    def __init__(self, view: PlanoView, report: Reporter) -> None:
        self.view = view
        self.report = report
        self.names: dict[str, PathT] = {}
        self.specific_names: dict[str, PathT] = {}
        self.model_keys: dict[str, PathT] = {}

    def run(self) -> set[str]:
        for provider in self.view.providers():
            self.check(provider)
        return set(self.model_keys)

    def check(self, p: Provider) -> None:
        report = self.report
        name, model = p.name, p.model
        if name is not None and name in self.names:
            first = self.names[name]
            report(
                rules.DUPLICATE_PROVIDER_NAME,
                p.at("name"),
                f"name {show(name)} is already used at line {report.line(first)}; `planoai up` stops: "
                + quoted(f"Duplicate model_provider name {name}, please provide unique name for each model_provider"),
                hint="give each model provider its own name",
                related=(("first used here", first),),
            )
        if model is None:
            if name is not None:
                self.names.setdefault(name, p.at("name"))
            return
        name_path = p.at("name") if name is not None else p.at("model")
        early_wildcard = "/" in model and model.split("/")[-1] == "*"
        duplicate_model = not early_wildcard and model in self.model_keys
        if duplicate_model:
            first = self.model_keys[model]
            report(
                rules.DUPLICATE_MODEL,
                p.at("model"),
                f"model {show(model)} is already declared at line {report.line(first)}; `planoai up` stops: "
                + quoted(f"Duplicate model name {model}, please provide unique model name for each model_provider"),
                hint="declare each model once",
                related=(("first declared here", first),),
            )
        else:
            self._runtime_duplicate_name(p, name, model, early_wildcard)
        if not early_wildcard:
            self.model_keys.setdefault(model, p.at("model"))
        self.names.setdefault(name if name is not None else model, name_path)

        provider, model_id, wildcard = p.provider, p.model_id, p.is_wildcard
        if provider is None or model_id is None:  # no `/` in the model
            report(
                rules.INVALID_MODEL_NAME,
                p.at("model"),
                f"{show(model)} has no provider prefix; `planoai up` stops: "
                + quoted(
                    f"Invalid model name {model}. Please provide model name in the format "
                    "<provider>/<model_id> or <provider>/* for wildcards."
                ),
                hint=_prefix_hint(p),
            )
            return
        if wildcard and p.entry.get("default", False):
            report(
                rules.WILDCARD_DEFAULT,
                p.at("default"),
                f"{show(model)} is a wildcard and cannot be the default; `planoai up` stops: "
                + quoted(
                    f"Model {model} is configured as default but uses wildcard (*). Default models cannot be wildcards."
                ),
                key=True,
                hint="mark one concrete model (e.g. `openai/gpt-4o`) as `default: true` instead",
            )
        if provider in plano_facts().needs_base_url and not p.is_set("base_url"):
            report(
                rules.BASE_URL_REQUIRED,
                p.at("model"),
                f"`{provider}` models need a `base_url`; `planoai up` stops: "
                + quoted(f"Provider '{provider}' requires 'base_url' to be set for model {model}"),
                hint=f"add `base_url:` with the address of your {provider} endpoint",
            )
        self._provider_interface(p, provider, model, wildcard)
        if not wildcard:
            # One problem, one report: a repeated model also repeats its id.
            if model_id in self.model_keys and not duplicate_model:
                first = self.model_keys[model_id]
                report(
                    rules.DUPLICATE_MODEL_ID,
                    p.at("model"),
                    f"model id {show(model_id)} is already declared at line {report.line(first)} "
                    "(Plano registers every model under its bare id too); `planoai up` stops: "
                    + quoted(f"Duplicate model_id {model_id}, please provide unique model_id for each model_provider"),
                    hint="declare each model id once",
                    related=(("first declared here", first),),
                )
            self.model_keys.setdefault(model_id, p.at("model"))
        if p.entry.get("passthrough_auth") and p.entry.get("access_key"):
            shown = p.effective_name or ""
            report(
                rules.PASSTHROUGH_WITH_KEY,
                p.at("access_key"),
                "`access_key` is ignored because `passthrough_auth: true` forwards the client's "
                "Authorization header; `planoai up` prints "
                + quoted(
                    f"WARNING: Model provider '{shown}' has both 'passthrough_auth: true' and "
                    "'access_key' configured. The access_key will be ignored and the client's "
                    "Authorization header will be forwarded instead."
                ),
                key=True,
                hint="remove `access_key`, or remove `passthrough_auth`",
            )
        base_url = p.entry.get("base_url")
        if isinstance(base_url, str) and base_url:
            self._base_url(p, base_url)

    def _runtime_duplicate_name(self, p: Provider, name: str | None, model: str, wildcard: bool) -> None:
        """A defaulted name that an earlier explicit name already took: brightstaff's check."""
        effective = name if name is not None else model
        if wildcard:
            return
        if name is None and effective in self.specific_names:
            first = self.specific_names[effective]
            self.report(
                rules.DUPLICATE_PROVIDER_NAME,
                p.at("model"),
                f"this entry's name defaults to {show(model)}, which the entry at line "
                f"{self.report.line(first)} already uses; `planoai up` accepts it, then brightstaff "
                "refuses to start: " + quoted(f"failed to create LlmProviders: '{effective}' is not a unique name"),
                hint="give one of them another `name`",
                related=(("name used here", first),),
            )
        self.specific_names.setdefault(effective, p.at("name") if name is not None else p.at("model"))

    def _provider_interface(self, p: Provider, provider: str, model: str, wildcard: bool) -> None:
        report = self.report
        if provider not in plano_facts().supported:
            missing = [key for key in ("base_url", "provider_interface") if not p.is_set(key)]
            if not missing:
                return
            which = "wildcard model" if wildcard else "model"
            closest = closest_match(provider, SUPPORTED_IN_MESSAGE, cutoff=0.7)
            hint = (
                f"did you mean `{closest}/`? Otherwise add "
                if closest
                else "add "
            ) + " and ".join(f"`{key}`" for key in missing)
            report(
                rules.UNSUPPORTED_PROVIDER,
                p.at("model"),
                f"`{provider}` is not a provider Plano supports: a custom provider needs `base_url` and "
                f"`provider_interface`, and this entry has no {' and no '.join(missing)}; `planoai up` stops: "
                + quoted(
                    f"Must provide base_url and provider_interface for unsupported provider {provider} "
                    f"for {which} {model}. Supported providers are: {', '.join(SUPPORTED_IN_MESSAGE)}"
                ),
                hint=hint,
            )
        elif p.is_set("provider_interface"):
            report(
                rules.PROVIDER_INTERFACE_ON_KNOWN,
                p.at("provider_interface"),
                f"`provider_interface` is only for providers Plano doesn't know; `{model}` already "
                "names the provider, remove `provider_interface`. `planoai up` stops with the inverted "
                + quoted(
                    f"Please provide provider interface as part of model name {model} using the format "
                    "<provider>/<model_id>. For example, use 'openai/gpt-3.5-turbo' instead of 'gpt-3.5-turbo'"
                )
                + " (katanemo/plano#1000)",
                key=True,
                hint="remove `provider_interface`",
            )

    def _base_url(self, p: Provider, base_url: str) -> None:
        from urllib.parse import urlparse

        report = self.report
        parsed = urlparse(base_url)
        if parsed.scheme not in ("http", "https"):
            hint = f"write `http://{base_url}`" if "://" not in base_url else "use an http:// or https:// URL"
            report(
                rules.INVALID_BASE_URL,
                p.at("base_url"),
                f"{show(base_url)} has no http or https scheme; `planoai up` stops: "
                + quoted("Please provide a valid URL with scheme (http/https) in base_url"),
                hint=hint,
            )
            return
        if not parsed.hostname:
            report(
                rules.INVALID_BASE_URL,
                p.at("base_url"),
                f"{show(base_url)} has no host name; `planoai up` fails with a Python TypeError while naming the upstream cluster",
                hint="write the URL as scheme://host[:port][/path]",
            )
            return
        try:
            _ = parsed.port  # raises ValueError, as in the generator
        except ValueError:
            report(
                rules.INVALID_BASE_URL,
                p.at("base_url"),
                f"{show(base_url)} has a port that is not a number from 0 to 65535; `planoai up` fails with a Python ValueError",
                hint="write the URL as scheme://host[:port][/path]",
            )


def _prefix_hint(p: Provider) -> str:
    model = p.model or ""
    legacy = p.entry.get("provider")
    if isinstance(legacy, str) and legacy:
        return f"write `{legacy}/{model}`"
    interface = p.entry.get("provider_interface")
    if isinstance(interface, str) and interface:
        return f"write `{interface}/{model}`"
    return f"write `<provider>/{model}`, e.g. `openai/{model}`"


# -- step 12: listener filters --------------------------------------------------------------------


def _listener_filters(view: PlanoView, report: Reporter) -> None:
    if not isinstance(view.root.get("listeners"), list):
        return
    known = {identifier for _, identifier, _ in view.agent_ids()}
    for path, listener in view.listeners():
        for field in ("input_filters", "output_filters"):
            for index, identifier in enumerate(view.sequence(*path, field)):
                if not isinstance(identifier, str) or identifier in known:
                    continue
                listener_name = listener.get("name", "unknown")
                available = ", ".join(sorted(known))
                closest = closest_match(identifier, known)
                report(
                    rules.UNKNOWN_FILTER,
                    path + (field, index),
                    f"no agent or filter has id {show(identifier)}; `planoai up` stops: "
                    + quoted(
                        f"Listener '{listener_name}' references {field} id '{identifier}' which is not "
                        f"defined in agents or filters. Available ids: {available}"
                    ),
                    hint=f"did you mean `{closest}`?" if closest else "define it under `filters` or `agents`",
                )


# -- step 13: model aliases -------------------------------------------------------------------------


def _model_aliases(view: PlanoView, report: Reporter, model_keys: set[str]) -> None:
    for alias, config in view.mapping("model_aliases").items():
        if not isinstance(config, dict) or "target" not in config:
            continue
        target = config.get("target")
        if not isinstance(target, str) or target in model_keys:
            continue  # a target that is not a string is the schema's finding
        closest = closest_match(target, model_keys)
        wildcard_note = ""
        if isinstance(target, str) and "/" in target:
            prefix = target.split("/", 1)[0]
            if any(p.is_wildcard and p.provider == prefix for p in view.providers()):
                wildcard_note = f" (a model reachable only through `{prefix}/*` does not count)"
        report(
            rules.UNKNOWN_ALIAS_TARGET,
            ("model_aliases", alias, "target"),
            f"alias `{alias}` targets {show(target)}, which no non-wildcard model provider declares"
            f"{wildcard_note}; `planoai up` stops: "
            + quoted(
                f"Model alias 2 - '{alias}' targets '{target}' which is not defined as a model. "
                f"Available models: {', '.join(sorted(model_keys))}"
            ),
            hint=f"did you mean `{closest}`?" if closest else "declare the model under `model_providers`",
        )


# -- step 14: agent orchestrator --------------------------------------------------------------------


def _agent_orchestrator(view: PlanoView, report: Reporter) -> None:
    overrides = view.mapping("overrides")
    if not overrides.get("use_agent_orchestrator"):
        return
    count = len(clusters(view))
    if count == 1:
        return
    if count == 0:
        text = "Please provide agent orchestrator in the endpoints section in your plano_config.yaml file"
        what = "no endpoint is defined"
    else:
        text = "Please provide single agent orchestrator in the endpoints section in your plano_config.yaml file"
        what = f"{count} endpoints are defined (agents and filters with a URL count)"
    report(
        rules.AGENT_ORCHESTRATOR_ENDPOINTS,
        ("overrides", "use_agent_orchestrator"),
        f"`use_agent_orchestrator` needs exactly one endpoint, but {what}; `planoai up` stops: " + quoted(text),
    )

