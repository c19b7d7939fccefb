"""zot's merge of models.json over its built-in catalog (reference/zot.md).

- Custom providers ("How custom providers are detected"): a block with a provider-level `baseUrl`
  or `api`, or a model with `baseUrl`, registers `{BaseURL, API}` for its id; an unknown `api`
  falls back to `openai`. Built-in ids keep their own client (their `api` is not used).
- User models ("Merging with built-in and live models"): built-ins stay visible. A user entry with
  the (provider, id) of an existing model overrides only its non-zero values (prices, name,
  contextWindow, maxTokens, a non-empty baseUrl) and always overwrites `reasoning`; other entries
  are appended. A model's own `baseUrl` beats the provider's, which is copied to every model
  without one. Negative limits are clamped to 0. Models of another `type` than chat are not chat
  models and are left out of the resolved catalog.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from modelconf.catalog._facts import Catalog
from modelconf.catalog._profiles import TargetProfile
from modelconf.ir import COST_FIELDS, ConfigIR, ModelEntry, ProviderEntry, Value
from modelconf.resolve._builtin import add_builtin_view, zot_facts
from modelconf.resolve._core import DEFAULT, Change, EntryRecord, Resolution, RModel, RProvider, dotted, model_key, user_set
from modelconf.resolve._report import related_at, related_built_in, report
from modelconf.rules import overrides as rules


def resolve_zot(irs: Sequence[ConfigIR], profile: TargetProfile, catalog: Catalog, *, only: Collection[str] | None = None) -> Resolution:
    resolution = Resolution("zot")
    add_builtin_view(resolution, profile, catalog, zot_facts, only=only)
    for ir in irs:
        for block in ir.providers:
            _block(resolution, profile, block)
    return resolution


def wire_api(profile: TargetProfile, value: str) -> str:
    """The wire format a provider `api` selects: lower-cased, trimmed, aliases; unknown -> openai."""
    vocabulary = profile.api
    name = vocabulary.resolve(value) or vocabulary.fallback or "openai"
    return vocabulary.wire.get(name, "openai-completions")


def _text(value: Value | None) -> str:
    return value.value if value is not None and isinstance(value.value, str) else ""


def _nonempty(value: Value | None) -> Value | None:
    """The value if it is a non-empty string (Go's `!= ""`), else None."""
    return value if _text(value) else None


def _block(resolution: Resolution, profile: TargetProfile, block: ProviderEntry) -> None:
    record = EntryRecord(block.origin, "provider", block.id)
    base, api, auth = block.fields.get(("base_url",)), block.fields.get(("api",)), block.fields.get(("auth",))
    model_base = any(_text(m.fields.get(("base_url",))) for m in block.models)
    registered = bool(_text(base) or _text(api) or model_base)
    built_in = block.id in profile.providers
    provider = resolution.providers.get(block.id)
    if registered and not built_in:
        provider = RProvider(
            id=block.id,
            name=block.id,
            api=wire_api(profile, _text(api)),
            base_url=_text(base) or None,
            auth_kind="api-key",
            origin="user",
            prov={"name": block.origin, "api": api.origin if api else DEFAULT, "base_url": base.origin if base else DEFAULT},
        )
        resolution.providers[block.id] = provider
    elif provider is None:
        # Not registered and not built in: the models are listed, but selecting the provider falls back (C208).
        provider = RProvider(block.id, block.id, wire_api(profile, ""), None, "api-key", "user", prov={"name": block.origin, "api": DEFAULT})
        resolution.providers[block.id] = provider
    elif provider.origin == "catalog":
        provider.origin = "catalog+user"
    if registered and _text(auth).strip().lower() == "none" and (_text(base) or model_base):
        provider.auth_mode = "none"  # `auth: "none"` sends no credentials, stored keys included
        provider.prov["auth"] = auth.origin if auth else DEFAULT
    seen: dict[str, ModelEntry] = {}
    for entry in block.models:
        kind = _text(entry.fields.get(("type",)))
        if kind not in ("", "chat"):
            continue  # image and classifier models are not chat models
        key = model_key(block.id, entry.id)
        existing = resolution.models.get(key)
        if entry.id in seen:
            resolution.diagnostics.append(
                report(
                    rules.DUPLICATE_MODEL,
                    f'"{key}" is listed twice; zot applies the second entry over the first',
                    entry.origin,
                    hint="merge the two entries",
                    related=(related_at("first listed here", seen[entry.id].origin),),
                )
            )
        seen[entry.id] = entry
        if existing is not None:
            changed = _override(existing, entry, base)
            existing.touched_by(Change(entry.origin, changed))
            record.overrode.append(key)
            record.fields.update(changed)
            if existing.created_by is None:
                resolution.diagnostics.append(
                    report(
                        rules.SHADOWS_ENTRY,
                        f'"{key}" is a built-in model: zot takes this entry\'s non-zero values (prices, name, limits, baseUrl) over the '
                        "built-in ones and always its `reasoning` (false when left out); the built-in values stay for the rest",
                        entry.origin,
                        hint="set every value that should differ; a 0 or a missing value keeps the built-in one",
                        related=(related_built_in(f'built-in model "{key}"'),),
                    )
                )
        else:
            model = _new_model(block, entry, provider, base)
            resolution.add_model(model)
            record.added.append(key)
            record.fields.update(user_set(model))
    resolution.entries.append(record)


def _limit(value: Value) -> int:
    return max(0, int(value.value))  # "negative contextWindow/maxTokens; clamped to 0"


def _override(model: RModel, entry: ModelEntry, block_base: Value | None) -> list[str]:
    """`SetUserModels` on a match: non-zero values override, `reasoning` always does."""
    fields = entry.fields
    changed = []
    name = _nonempty(fields.get(("name",)))
    if name is not None:
        model.set(("name",), name.value, name.origin)
        changed.append("name")
    for path in (("context_window",), ("max_tokens",)):
        value = fields.get(path)
        if value is not None and _limit(value) > 0:
            model.set(path, _limit(value), value.origin)
            changed.append(dotted(path))
    for name_ in COST_FIELDS:
        value = fields.get(("cost", name_))
        if value is not None and value.value != 0:
            model.set(("cost", name_), float(value.value), value.origin)
            changed.append(f"cost.{name_}")
    reasoning = fields.get(("reasoning",))
    model.set(("reasoning",), bool(reasoning.value) if reasoning else False, reasoning.origin if reasoning else entry.origin)
    changed.append("reasoning")
    base = _nonempty(fields.get(("base_url",))) or _nonempty(block_base)
    if base is not None:
        model.set(("base_url",), base.value, base.origin)
        changed.append("base_url")
    return changed


def _new_model(block: ProviderEntry, entry: ModelEntry, provider: RProvider, block_base: Value | None) -> RModel:
    model = RModel(block.id, entry.id, "user", created_by=entry.origin)
    fields = entry.fields
    name = _nonempty(fields.get(("name",)))
    model.set(("name",), name.value if name else entry.id, name.origin if name else DEFAULT)
    model.set(("api",), provider.api, provider.prov.get("api", DEFAULT))
    base = _nonempty(fields.get(("base_url",))) or _nonempty(block_base)
    if base is not None:
        model.set(("base_url",), base.value, base.origin)
    else:
        model.set(("base_url",), provider.base_url, provider.prov.get("base_url", DEFAULT))
    reasoning = fields.get(("reasoning",))
    model.set(("reasoning",), bool(reasoning.value) if reasoning else False, reasoning.origin if reasoning else DEFAULT)
    for path in (("context_window",), ("max_tokens",)):
        value = fields.get(path)
        model.set(path, _limit(value) if value is not None else 0, value.origin if value is not None else DEFAULT)
    for name_ in COST_FIELDS:
        value = fields.get(("cost", name_))
        model.set(("cost", name_), float(value.value) if value is not None else 0.0, value.origin if value is not None else DEFAULT)
    return model
