"""Plano: provider entries, wildcard expansion from the registry, aliases, upstream URLs.

reference/plano.md:

- "Generator", step 9: each `model_providers` entry is one provider, named by `name` (default:
  the model string); a known prefix is its provider interface, an unknown one needs
  `provider_interface` and `base_url`; `chatgpt` gets its base URL injected; a Kimi Code base URL
  ending in `/coding` gets `/v1`.
- "Wildcard expansion": a specific entry's name `prefix/model` excludes that model from the
  prefix's wildcard, which keeps the specific entry's settings; a wildcard whose prefix
  `ProviderId` accepts (case-insensitively, with aliases) inserts every registry model not
  excluded under `prefix/id` and the short `id`; a non-wildcard inserts `name` and its bare
  model; later inserts overwrite earlier ones (O104, when the two are for different providers: same-provider clashes are the Plano
  dialect's C440 and C441). Unknown prefixes expand nothing (O103) and,
  like every wildcard, still match `prefix/<anything>` at run time: they are listed as patterns.
- `/v1/models` lists canonical names only; internal providers (arch-function, ...) are not listed.
- "Upstream path rules": the endpoint is the base URL's scheme and host plus
  `plano_upstream_path` for the model's wire API (streaming), with the base URL's path as prefix.

Several Plano files compose as one `model_providers` list in file order; later aliases win.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from modelconf.catalog._profiles import TargetProfile
from modelconf.diagnostics import Severity
from modelconf.ir import ConfigIR, HeaderValue, Origin, ProviderEntry, WildcardEntry
from modelconf.resolve._core import CATALOG, DEFAULT, DERIVED, EntryRecord, Pattern, Provenance, Resolution, RModel, RProvider
from modelconf.resolve._report import related_at, report
from modelconf.rules import overrides as rules

# Names `ProviderId::try_from` accepts beyond the profile's providers and their aliases, with the
# registry key each lists (crates/hermesllm/src/providers/id.rs; reference/plano.md, "ProviderId").
_EXTRA_PROVIDER_IDS: dict[str, str | None] = {"github": None, "astraflow": None, "astraflow_cn": None, "meta": "meta", "minimax": "minimax"}
_KIMI_HOST = "api.kimi.com"
_KIMI_USER_AGENT = "KimiCLI/1.3"


def resolve_plano(irs: Sequence[ConfigIR], profile: TargetProfile) -> Resolution:
    resolution = Resolution("plano")
    blocks = [block for ir in irs for block in ir.providers]
    wildcards = {id(w.entry): w for ir in irs for w in ir.wildcards}
    specific = _specific_models(blocks, wildcards)
    owners: dict[str, tuple[str, Origin]] = {}  # lookup key -> (model key, entry that inserted it)
    clashes: dict[tuple[Origin, Origin], list[str]] = {}
    prefixes = {block.origin: block.fields[("provider",)].value for block in blocks}
    candidates: dict[str, RModel] = {}
    wildcards_by_prefix: dict[str, WildcardEntry] = {}
    for wildcard in wildcards.values():
        wildcards_by_prefix.setdefault(wildcard.prefix, wildcard)
    for block in blocks:
        provider = _provider(profile, block)
        resolution.providers[block.id] = provider
        record = EntryRecord(block.origin, "wildcard" if id(block) in wildcards else "provider", block.id)
        if id(block) in wildcards:
            _expand(resolution, profile, wildcards[id(block)], provider, specific, owners, clashes, candidates, record)
        else:
            model = _specific_model(profile, block, provider)
            candidates[model.key] = model
            record.added.append(model.key)
            record.fields.update({"base_url", "headers"} & {path[0] for path in block.fields})
            for key in dict.fromkeys((model.key, model.id)):
                _insert(owners, clashes, key, model.key, block.origin)
            _note_excluded(resolution, profile, wildcards_by_prefix, block)
        resolution.entries.append(record)
    for (later, earlier), names in clashes.items():
        if prefixes[later] == prefixes[earlier]:
            continue  # the Plano dialect's C440 (two wildcards) and C441 (a custom name) say it
        shown = ", ".join(f'"{name}"' for name in names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        resolution.diagnostics.append(
            report(
                rules.DUPLICATE_MODEL,
                f"{shown} {'is' if len(names) == 1 else 'are'} also defined by an earlier entry; Plano keeps the later insert, so "
                f"{'it routes' if len(names) == 1 else 'they route'} to this entry",
                later,
                hint="give one of the entries a distinct name, or drop the overlap",
                related=(related_at("earlier entry", earlier),),
            )
        )
    # A model stays selectable by its canonical name only if no later insert took that key.
    for key, (owner, _) in owners.items():
        model = candidates[owner]
        if key == owner:
            resolution.add_model(model)
    for key, (owner, _) in owners.items():
        if key != owner and owner in resolution.models:
            resolution.models[owner].aliases.append(key)
    _aliases_and_default(resolution, irs, owners)
    return resolution


def provider_id(profile: TargetProfile, prefix: str) -> tuple[str, str | None] | None:
    """`ProviderId::try_from`: (provider id, registry key), case-insensitive; None if unknown."""
    lowered = prefix.lower()
    for provider in profile.providers.values():
        if lowered == provider.id or lowered in provider.aliases:
            return provider.id, provider.models.key if provider.models.source == "registry" else None
    if lowered in _EXTRA_PROVIDER_IDS:
        return lowered, _EXTRA_PROVIDER_IDS[lowered]
    return None


def _specific_models(blocks: Sequence[ProviderEntry], wildcards: dict[int, WildcardEntry]) -> dict[str, dict[str, Origin]]:
    """Non-wildcard names that split as `prefix/model`, by prefix: excluded from that wildcard."""
    out: dict[str, dict[str, Origin]] = {}
    for block in blocks:
        if id(block) not in wildcards and "/" in block.id:
            prefix, model = block.id.split("/", 1)
            out.setdefault(prefix, {}).setdefault(model, block.origin)
    return out


def _interface(profile: TargetProfile, block: ProviderEntry) -> tuple[str, Provenance]:
    """The provider interface and the provenance of the choice."""
    prefix = block.fields[("provider",)].value
    if prefix in profile.providers:
        return prefix, block.fields[("provider",)].origin
    given = block.fields.get(("interface",))
    if given is not None:
        return given.value, given.origin
    return prefix, block.fields[("provider",)].origin


def _provider(profile: TargetProfile, block: ProviderEntry) -> RProvider:
    interface, interface_source = _interface(profile, block)
    known = profile.providers.get(interface)
    api = known.api if known is not None and known.api else profile.api.wire.get(interface, "openai-completions")
    base = block.fields.get(("base_url",))
    base_url, base_source = (base.value, base.origin) if base is not None else ((known.base_url if known else None), CATALOG)
    provider = RProvider(
        id=block.id,
        name=known.name if known is not None else block.id,
        api=api,
        base_url=base_url,
        auth_kind=known.auth if known is not None and known.auth in ("none", "oauth-subscription") else "api-key",
        origin="user",
        prov={"name": block.origin, "api": interface_source, "base_url": base_source, "interface": interface_source},
        interface=interface,
    )
    if base_url and _is_kimi_code(base_url, block):
        provider.base_url = base_url.rstrip("/") + "/v1"
        provider.prov["base_url"] = DERIVED
        provider.headers["User-Agent"] = (HeaderValue(text=_KIMI_USER_AGENT), DERIVED)
    for path, value in block.fields.items():
        if path[0] == "headers":
            provider.headers[path[1]] = (value.value, value.origin)
    passthrough = block.fields.get(("passthrough",))
    if passthrough is not None and passthrough.value is True:
        provider.passthrough = True
        provider.prov["auth"] = passthrough.origin
    elif block.credential is not None:
        provider.config_credential = block.credential
        provider.prov["auth"] = block.credential.origin
    provider.scheme = {"anthropic": "x-api-key", "azure_openai": "api-key"}.get(interface, "bearer") if provider.auth_kind != "none" else "none"
    provider.credentials = _credentials(block)
    return provider


def _is_kimi_code(base_url: str, block: ProviderEntry) -> bool:
    """Kimi Code: host api.kimi.com or model kimi-for-coding, base path ending in /coding."""
    parts = urlsplit(base_url)
    model = block.fields[("model",)].value.split("/", 1)[-1]
    return (parts.hostname == _KIMI_HOST or model == "kimi-for-coding") and parts.path.rstrip("/").endswith("/coding")


def _credentials(block: ProviderEntry) -> list[dict[str, object]]:
    """passthrough_auth forwards the client's key (access_key is ignored); else access_key's
    variable, looked up by `planoai up` in a .env beside the config if there is one, else in the
    environment (reference/plano.md, "CLI")."""
    passthrough = block.fields.get(("passthrough",))
    ref = block.credential
    if (passthrough is not None and passthrough.value is True) or ref is None:
        return []
    if ref.name:
        import posixpath

        folder = posixpath.dirname(ref.origin.file.replace("\\", "/"))
        dotenv = posixpath.join(folder, ".env") if folder else ".env"
        return [{"source": "dotenv", "name": ref.name, "file": dotenv}, ref.as_ref()]
    return [ref.as_ref()]


def _specific_model(profile: TargetProfile, block: ProviderEntry, provider: RProvider) -> RModel:
    entry = block.models[0]
    model = RModel(block.id, entry.id, "user", key=block.id, created_by=block.origin)
    name = block.fields.get(("name",))
    model.set(("name",), block.id, name.origin if name else DEFAULT)
    model.prov[("id",)] = block.fields[("model",)].origin  # the model id comes from `model`
    _common_fields(model, provider)
    return model


def _common_fields(model: RModel, provider: RProvider) -> None:
    model.set(("api",), provider.api, provider.prov["api"])
    model.set(("base_url",), provider.base_url, provider.prov["base_url"])
    model.set(("endpoint",), upstream_url(provider, model), DERIVED)


def _expand(
    resolution: Resolution,
    profile: TargetProfile,
    wildcard: WildcardEntry,
    provider: RProvider,
    specific: dict[str, dict[str, Origin]],
    owners: dict[str, tuple[str, Origin]],
    clashes: dict[tuple[Origin, Origin], list[str]],
    candidates: dict[str, RModel],
    record: EntryRecord,
) -> None:
    block = wildcard.entry
    interface = block.fields.get(("interface",))
    # A later wildcard with the same prefix replaces the earlier one (`wildcard_providers[prefix]`
    # is overwritten; reference/plano.md, "Wildcard expansion"); C440 warns about it.
    pattern_name = wildcard.prefix + "/*"
    resolution.patterns[:] = [p for p in resolution.patterns if p.pattern != pattern_name]
    resolution.patterns.append(
        Pattern(
            pattern=pattern_name,
            provider=block.id,
            api=provider.api or "openai-completions",
            base_url=provider.base_url,
            interface=provider.interface,
            prov={
                "pattern": block.origin,
                "base_url": provider.prov["base_url"],
                "provider_interface": interface.origin if interface else provider.prov["interface"],
                "endpoint": DERIVED,
            },
            endpoint=_url(provider, PATTERN_MODEL, f"{wildcard.prefix}/{PATTERN_MODEL}"),
        )
    )
    found = provider_id(profile, wildcard.prefix)
    named = ("name",) in block.fields and block.fields[("name",)].value != block.fields[("model",)].value
    if found is None and named:
        return  # a custom name as the prefix: the Plano dialect's C444 says it
    if found is None:
        resolution.diagnostics.append(
            report(
                rules.WILDCARD_EMPTY,
                f'"{wildcard.prefix}" is not a provider Plano knows, so `{block.id}` expands to nothing: Plano logs "Wildcard provider '
                f"'{wildcard.prefix}' specified but no models found in registry. Will match dynamically at runtime.\" and routes any "
                f'"{wildcard.prefix}/<model>" request to this entry',
                block.origin,
                hint="list the models you use as specific entries to make them visible in /v1/models and by short name",
                # The usual way to route a provider Plano does not know (a LiteLLM proxy, ...): a note.
                severity=Severity.INFO,
            )
        )
        return
    excluded = specific.get(wildcard.prefix, {})
    ids = profile.registry_ids(found[1])
    for model_id in ids:
        if model_id in excluded:
            continue
        key = f"{wildcard.prefix}/{model_id}"
        model = RModel(block.id, model_id, "wildcard", key=key, created_by=block.origin)
        model.set(("name",), key, DERIVED)
        _common_fields(model, provider)
        candidates[key] = model
        record.expanded.append(key)
        for lookup in dict.fromkeys((key, model_id)):
            _insert(owners, clashes, lookup, key, block.origin)
    if not record.expanded:
        why = "Plano's registry lists no models for it" if not ids else "every registry model of it is configured by a specific entry"
        resolution.diagnostics.append(
            report(
                rules.WILDCARD_EMPTY,
                f"`{block.id}` expands to nothing: {why}; requests for \"{wildcard.prefix}/<model>\" are still routed to this entry",
                block.origin,
                hint="list the models you use as specific entries to make them visible in /v1/models and by short name",
            )
        )


def _insert(owners: dict[str, tuple[str, Origin]], clashes: dict[tuple[Origin, Origin], list[str]], key: str, owner: str, origin: Origin) -> None:
    earlier = owners.get(key)
    if earlier is not None and earlier[1] != origin:
        clashes.setdefault((origin, earlier[1]), []).append(key)
    owners.pop(key, None)  # re-insert so the mapping's order follows the last insert
    owners[key] = (owner, origin)


def _note_excluded(resolution: Resolution, profile: TargetProfile, wildcards: dict[str, WildcardEntry], block: ProviderEntry) -> None:
    """O102: a specific entry that a wildcard of its prefix would otherwise expand."""
    if "/" not in block.id:
        return
    prefix, model = block.id.split("/", 1)
    wildcard = wildcards.get(prefix)
    found = provider_id(profile, prefix) if wildcard is not None else None
    if wildcard is None or found is None or model not in profile.registry_ids(found[1]):
        return  # the wildcard would not have expanded it: nothing is shadowed
    resolution.diagnostics.append(
        report(
            rules.SHADOWS_ENTRY,
            f'`{wildcard.entry.id}` leaves "{model}" out of its expansion: this entry keeps its own settings '
            "(base_url, access_key, headers) for it",
            block.origin,
            hint="this is how to give one model of a wildcard provider its own settings",
            related=(related_at("the wildcard", wildcard.entry.origin),),
        )
    )


# The model id in a pattern's endpoint: Plano routes `<prefix>/<model>` with the rest as the id.
PATTERN_MODEL = "{model}"


def upstream_url(provider: RProvider, model: RModel) -> str | None:
    """The upstream URL Plano requests for a streaming call (reference/plano.md, "Upstream path rules")."""
    return _url(provider, model.id, model.key)


def _url(provider: RProvider, model_id: str, name: str) -> str | None:
    from modelconf.catalog._rules import plano_upstream_path

    if not provider.base_url or provider.interface is None:
        return None
    parts = urlsplit(provider.base_url)
    if not parts.scheme or not parts.netloc:
        return None
    client_api = {"openai-responses": "responses", "anthropic-messages": "messages"}.get(provider.api or "", "chat")
    try:
        path = plano_upstream_path(provider.interface, model_id, base_url_path=parts.path, client_api=client_api, streaming=True, name=name)
    except (ValueError, KeyError):
        return None
    return f"{parts.scheme}://{parts.netloc}{path}"


def _aliases_and_default(resolution: Resolution, irs: Sequence[ConfigIR], owners: dict[str, tuple[str, Origin]]) -> None:
    for ir in irs:
        for alias, target in ir.aliases.items():
            owner = owners.get(target.value)
            if owner is not None and owner[0] in resolution.models:
                resolution.aliases[alias] = owner[0]
                resolution.alias_prov[alias] = target.origin
        if ir.default_model is not None and resolution.default_model is None:
            owner = owners.get(ir.default_model.value)
            resolution.default_model = owner[0] if owner is not None else ir.default_model.value
            resolution.default_prov = ir.default_model.origin
