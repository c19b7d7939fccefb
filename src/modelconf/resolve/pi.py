"""pi's merge of models.json over its built-in catalog (reference/pi.md, "Load and merge").

For each provider block, in order:

1. provider override: when a block for a provider that already has models sets `baseUrl`,
   `headers`, `compat` (or `apiKey`), `baseUrl` replaces each of that provider's models' base URL,
   headers merge over theirs and compat merges with `mergeCompat`; `apiKey` only feeds the auth
   fallback; an override `api` is ignored;
2. `modelOverrides` patch existing models: each field replaces the built-in one, cost field by
   field, headers and compat merged; an id the provider does not have is ignored (O101);
3. custom `models` get `parseModels()` defaults (name = id, `reasoning` false, `input` text,
   cost 0, contextWindow 128000, maxTokens 16384, the provider's `api`/`baseUrl`, provider headers
   and compat under the model's own) and replace the model with the same provider and id (O102)
   or are appended.

OpenClaw/Mayros writes a models.json that pi reads with these same rules
(`modelconf.resolve.openclaw`), with its own defaults already applied to each model.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from modelconf.catalog._facts import Catalog
from modelconf.catalog._profiles import TargetProfile, load_profile
from modelconf.diagnostics import Diagnostic
from modelconf.ir import COST_FIELDS, ConfigIR, FieldPath, HeaderValue, ModelEntry, ProviderEntry, Value
from modelconf.resolve._builtin import add_builtin_view, pi_facts
from modelconf.resolve._core import (
    DEFAULT,
    Change,
    EntryRecord,
    Provenance,
    Resolution,
    RModel,
    RProvider,
    as_int,
    model_key,
    put_fields,
    user_set,
)
from modelconf.resolve._report import related_at, related_built_in, report
from modelconf.rules import overrides as rules

# Provider fields pi applies to a provider's existing models (`loadBuiltInModels`).
_PROVIDER_PATCH = ("base_url", "headers", "compat")


def resolve_pi(irs: Sequence[ConfigIR], profile: TargetProfile, catalog: Catalog, *, only: Collection[str] | None = None) -> Resolution:
    resolution = Resolution("pi")
    add_builtin_view(resolution, profile, catalog, pi_facts, only=only)
    for ir in irs:
        apply_pi_layer(resolution, profile, [(provider, "pi") for provider in ir.providers])
    return resolution


def apply_pi_layer(resolution: Resolution, profile: TargetProfile, blocks: Sequence[tuple[ProviderEntry, str]]) -> None:
    """Apply provider blocks with pi's rules; `defaults` per block is `pi` or `openclaw`."""
    for block, defaults in blocks:
        record = EntryRecord(block.origin, "provider", block.id)
        provider = resolution.providers.get(block.id)
        patch = {path: value for path, value in block.fields.items() if path[0] in _PROVIDER_PATCH}
        if provider is not None and (patch or block.credential is not None):
            _patch_provider(resolution, provider, block, patch, record)
        for override in block.overrides:
            _override(resolution, provider, override, record)
        if block.models:
            _custom_models(resolution, profile, block, defaults, record)
        resolution.entries.append(record)


def _patch_provider(resolution: Resolution, provider: RProvider, block: ProviderEntry, patch: dict[FieldPath, Value], record: EntryRecord) -> None:
    base = block.fields.get(("base_url",))
    if base is not None:
        provider.base_url = base.value
        provider.prov["base_url"] = base.origin
    if block.credential is not None:
        provider.config_credential = block.credential
    _auth_mode(provider, block)
    if provider.origin == "catalog":
        provider.origin = "catalog+user"
    if not patch:
        return
    for model in resolution.models_of(provider.id):
        changed = put_fields(model, patch)
        model.touched_by(Change(block.origin, changed))
        record.overrode.append(model.key)
        record.fields.update(changed)


def _override(resolution: Resolution, provider: RProvider | None, override: ModelEntry, record: EntryRecord) -> None:
    if provider is None:
        return  # overrides under a provider with no models: the dialect reports it (C108)
    model = resolution.models.get(model_key(override.provider, override.id))
    if model is None:
        resolution.diagnostics.append(_unknown_override(resolution, override))
        return
    changed = put_fields(model, override.fields)
    _whole_limits(model)
    model.touched_by(Change(override.origin, changed))
    entry = EntryRecord(override.origin, "override", override.provider, override.id, overrode=[model.key], fields=set(changed))
    resolution.entries.append(entry)


def _unknown_override(resolution: Resolution, override: ModelEntry) -> Diagnostic:
    import difflib

    ids = [model.id for model in resolution.models_of(override.provider)]
    near = difflib.get_close_matches(override.id, ids, n=1, cutoff=0.75)
    return report(
        rules.OVERRIDE_UNKNOWN_MODEL,
        f'`modelOverrides` names "{override.id}", which is not one of the {len(ids)} models of "{override.provider}"; '
        "pi ignores overrides for ids that do not exist, without a message",
        override.origin,
        hint=f'did you mean "{near[0]}"?' if near else f"list the provider's models with `modelconf catalog show pi {override.provider}`",
    )


def _custom_models(resolution: Resolution, profile: TargetProfile, block: ProviderEntry, defaults: str, record: EntryRecord) -> None:
    provider = resolution.providers.get(block.id)
    if provider is None:
        provider = _custom_provider(block)
        resolution.providers[block.id] = provider
    elif provider.origin == "catalog":
        provider.origin = "catalog+user"
    seen: dict[str, ModelEntry] = {}
    for entry in block.models:
        model = custom_model(block, entry, provider, defaults, profile)
        previous = resolution.add_model(model)
        earlier = seen.get(entry.id)
        if earlier is not None:
            resolution.diagnostics.append(
                report(
                    rules.DUPLICATE_MODEL,
                    f'"{model.key}" is listed twice under "{block.key}"; pi upserts custom models by id, so this entry replaces the first',
                    entry.origin,
                    hint="remove one of the two entries",
                    related=(related_at("first listed here", earlier.origin),),
                )
            )
        elif previous is not None:
            resolution.diagnostics.append(_shadow_note(model, previous, entry, defaults))
            model.changes.append(Change(entry.origin, sorted(user_set(model)), replaced=True))
            record.overrode.append(model.key)
        else:
            record.added.append(model.key)
        seen[entry.id] = entry
        record.fields.update(user_set(model))


def _shadow_note(model: RModel, previous: RModel, entry: ModelEntry, defaults: str) -> Diagnostic:
    if previous.created_by is not None:
        related = related_at(f'the replaced "{previous.key}" was defined here', previous.created_by)
        what = "an earlier entry"
    else:
        related = related_built_in(f'built-in model "{previous.key}" ("{previous.get(("name",), previous.id)}")')
        what = "the built-in model"
    return report(
        rules.SHADOWS_ENTRY,
        f'custom model "{model.key}" replaces {what} with the same provider and id; none of its fields are kept '
        f"(fields this entry leaves out get the defaults of {'OpenClaw/Mayros' if defaults == 'openclaw' else 'pi'}, not the replaced model's values)",
        entry.origin,
        hint="use `modelOverrides` to change only some fields of a built-in model",
        related=(related,),
    )


def _custom_provider(block: ProviderEntry) -> RProvider:
    api = block.fields.get(("api",))
    if api is None:
        api = next((m.fields[("api",)] for m in block.models if ("api",) in m.fields), None)
    base = block.fields.get(("base_url",))
    provider = RProvider(
        id=block.id,
        name=block.id,
        api=api.value if api is not None else None,
        base_url=base.value if base is not None else None,
        auth_kind="api-key",
        origin="user",
        prov={"name": block.origin},
        config_credential=block.credential,
    )
    provider.prov["api"] = api.origin if api is not None else DEFAULT
    provider.prov["base_url"] = base.origin if base is not None else DEFAULT
    _auth_mode(provider, block)
    return provider


def _auth_mode(provider: RProvider, block: ProviderEntry) -> None:
    """OpenClaw/Mayros' `auth` (api-key, aws-sdk, oauth, token) decides the auth kind and order."""
    auth = block.fields.get(("auth",))
    if auth is not None and isinstance(auth.value, str):
        provider.auth_mode = auth.value
        provider.prov["auth"] = auth.origin


def custom_model(block: ProviderEntry, entry: ModelEntry, provider: RProvider, defaults: str, profile: TargetProfile) -> RModel:
    """A custom model with pi's `parseModels()` defaults, or OpenClaw/Mayros' `applyModelDefaults`."""
    model = RModel(block.id, entry.id, "user", created_by=entry.origin)
    own = entry.fields
    # A pi-format file is read by pi, whatever program wrote it (OpenClaw/Mayros' agent models.json).
    model_defaults = profile.defaults if profile.target == "pi" or defaults == "openclaw" else load_profile("pi").defaults

    def take(path: FieldPath, *fallbacks: tuple[object, Provenance]) -> None:
        if path in own:
            model.set(path, own[path].value, own[path].origin)
            return
        for value, source in fallbacks:
            if value is not None:
                model.set(path, value, source)
                return

    block_api, block_base = block.fields.get(("api",)), block.fields.get(("base_url",))
    take(("name",), (entry.id, DEFAULT))
    take(
        ("api",),
        *([(block_api.value, block_api.origin)] if block_api else []),
        (provider.api, provider.prov.get("api", DEFAULT)),
        ("openai-completions", DEFAULT),
    )
    take(("base_url",), *([(block_base.value, block_base.origin)] if block_base else []), (provider.base_url, provider.prov.get("base_url", DEFAULT)))
    if defaults == "openclaw":
        _openclaw_defaults(model, own, profile)
    else:
        take(("reasoning",), (model_defaults.reasoning, DEFAULT))
        take(("input",), (list(model_defaults.input or ("text",)), DEFAULT))
        take(("context_window",), (model_defaults.context_window, DEFAULT))
        take(("max_tokens",), (model_defaults.max_tokens, DEFAULT))
    cost = model_defaults.cost or {}
    for name in COST_FIELDS:
        take(("cost", name), (float(cost.get(name, 0)), DEFAULT))
    _whole_limits(model)
    # Provider headers and compat first, the model's own over them (pi `parseModels`, `mergeCompat`).
    for field_path, value in block.fields.items():
        if field_path[0] in ("headers", "compat"):
            model.set(field_path, value.value, value.origin)
    auth_header = block.fields.get(("auth_header",))
    if auth_header is not None and auth_header.value is True and block.credential is not None:
        # authHeader: true adds `Authorization: Bearer <resolved apiKey>` to custom models' headers.
        model.set(("headers", "Authorization"), HeaderValue(ref=block.credential, prefix="Bearer "), auth_header.origin)
    for field_path, value in own.items():
        if field_path[0] in ("headers", "compat"):
            model.set(field_path, value.value, value.origin)
    return model


def _whole_limits(model: RModel) -> None:
    """Limits are whole tokens (a fractional one from a JSON5 config is truncated)."""
    for path in (("context_window",), ("max_tokens",)):
        if path in model.fields:
            model.fields[path] = as_int(model.fields[path])


def _openclaw_defaults(model: RModel, fields: Mapping[FieldPath, Value], profile: TargetProfile) -> None:
    """`applyModelDefaults` (reference/openclaw.md, "Defaults"): reasoning false unless boolean,
    input text, contextWindow 200000 unless a positive number, maxTokens min(8192, contextWindow)
    when unset and clamped to contextWindow when set."""
    defaults = profile.defaults
    for path, value in ((("reasoning",), defaults.reasoning), (("input",), list(defaults.input or ("text",)))):
        if path in fields:
            model.set(path, fields[path].value, fields[path].origin)
        else:
            model.set(path, value, DEFAULT)
    context = fields.get(("context_window",))
    if context is not None and context.value > 0:
        model.set(("context_window",), context.value, context.origin)
        window = context.value
    else:
        window = defaults.context_window or 200000
        model.set(("context_window",), window, DEFAULT)
    limit = fields.get(("max_tokens",))
    if limit is not None:
        model.set(("max_tokens",), min(limit.value, window), limit.origin)
    else:
        model.set(("max_tokens",), min(defaults.max_tokens or 8192, window), DEFAULT)
