"""The model as the compiler resolved it: each field with its provenance, the user entries that
changed it, and the effective endpoint.

Nothing is resolved here: `modelconf.compiler` resolves the configs (or, without any, the
target's built-in view) and this module finds the model asked for in that resolution and reads
it back as `modelconf compile` writes it (`modelconf.emit.resolved.model_json`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from modelconf.credentials._types import Location
from modelconf.secrets import looks_like_secret, mask_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile
    from modelconf.resolve import Pattern, Resolution, RModel, RProvider

# Model fields in the order people read them; the rest (headers.*, compat.*) follow sorted.
_FIRST = ("name", "context_window", "max_tokens", "reasoning", "input", "cost.input", "cost.output", "cost.cache_read", "cost.cache_write")
# The endpoint: how and where a request goes.
_ENDPOINT = ("api", "base_url", "endpoint")
_SKIPPED = ("id",)


def masked(value: Any) -> Any:
    """A value fit to print: secret-looking strings (a key in a URL, too) masked; containers walked."""
    if isinstance(value, str):
        return "(a secret-looking value)" if looks_like_secret(value) else mask_line(value)
    if isinstance(value, dict):
        return {k: masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Field:
    """One resolved value and its provenance: `catalog`, `default`, `derived`, or file:line:col."""

    name: str
    value: Any
    source: str

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "value": masked(self.value), "source": self.source}
        place = parse_place(self.source)
        if place is not None:
            out.update(file=place[0], line=place[1], column=place[2])
        return out


@dataclass(frozen=True, slots=True)
class Change:
    """A user entry that changed the model, and the fields it set (the resolved catalog's `overrides`)."""

    entry: str
    fields: tuple[str, ...]
    replaced: bool = False

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"entry": self.entry, "fields": list(self.fields)}
        place = parse_place(self.entry)
        if place is not None:
            out.update(file=place[0], line=place[1], column=place[2])
        out["replaced"] = self.replaced
        return out


@dataclass(frozen=True)
class ModelView:
    """The model as resolved; `key` is None when the resolved catalog does not have it."""

    ref: str
    provider: str
    model: str | None
    key: str | None
    origin: str | None  # catalog, override, user, wildcard
    in_builtin: bool
    entry: Location | None  # the user entry that added it (or last changed it)
    fields: tuple[Field, ...]
    endpoint: tuple[Field, ...]
    changes: tuple[Change, ...] = ()
    pattern: str | None = None  # Plano: the wildcard that routes it
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Found:
    """What MODEL names in a resolution."""

    provider: str  # the resolved catalog's provider id (a Plano entry's name), or the target's id
    model: str | None
    key: str | None = None  # the model's key, when the catalog has it
    alias_of: str | None = None
    pattern: Pattern | None = None


class NotAModel(ValueError):
    """MODEL is not provider/model, nor an alias or a name the resolution knows."""


def find(resolution: Resolution, profile: TargetProfile, request: str) -> Found:
    """The model MODEL names: a key, an alias (the config's; Plano's bare ids), provider/model
    with the target's provider aliases, or (Plano) a wildcard pattern that routes it."""
    from modelconf.credentials import resolve_provider

    models = resolution.models
    if request in models:
        return _found(models[request])
    alias = _alias(resolution, request)
    if alias is not None:
        return _found(models[alias], alias_of=alias)
    provider_text, slash, model_id = request.partition("/")
    if not provider_text:
        raise NotAModel(f"MODEL must be provider/model, not {request!r}")
    if profile.target == "openclaw":
        provider_text = provider_text.strip().lower()  # parseModelRef lower-cases the provider only
    provider, known = resolve_provider(profile, provider_text)
    if not (slash and model_id):
        if not known:
            raise NotAModel(f"MODEL must be provider/model (or an alias the config defines), not {request!r}")
        return Found(provider.id, None)
    key = f"{provider.id}/{model_id}"
    if key in models:
        return _found(models[key])
    for pattern in resolution.patterns:
        if pattern.pattern.lower() == f"{provider_text.lower()}/*":
            return Found(pattern.provider, model_id, pattern=pattern)
    return Found(provider.id, model_id)


def _found(model: RModel, alias_of: str | None = None) -> Found:
    return Found(model.provider, model.id, model.key, alias_of)


def _alias(resolution: Resolution, request: str) -> str | None:
    """The key an alias names: the config's aliases (OpenClaw/Mayros looks them up
    case-insensitively), then the names a model also answers to (Plano's bare ids)."""
    aliases = resolution.aliases
    if request in aliases:
        return aliases[request]
    if resolution.target == "openclaw":
        lowered = {alias.lower(): key for alias, key in aliases.items()}
        if request.lower() in lowered:
            return lowered[request.lower()]
    owners = [model.key for model in resolution.models.values() if request in model.aliases]
    return owners[0] if len(owners) == 1 else None


def model_view(resolution: Resolution, profile: TargetProfile, found: Found) -> ModelView:
    """The resolved model (or, when the catalog lacks it, its provider's endpoint settings)."""
    from modelconf.emit.resolved import model_json

    provider = resolution.providers.get(found.provider)
    if found.key is not None:
        model = resolution.models[found.key]
        data = model_json(model)
        fields, settings = _fields(data)
        changes = tuple(Change(c["entry"], tuple(c["fields"]), bool(c.get("replaced"))) for c in data.get("overrides", ()))
        in_builtin = model.origin in ("catalog", "override") or any(c.replaced for c in model.changes)
        return ModelView(
            ref=found.key, provider=found.provider, model=found.model, key=found.key, origin=model.origin,
            in_builtin=in_builtin, entry=_entry(resolution, model), fields=fields, endpoint=settings, changes=changes,
        )  # fmt: skip
    ref = f"{found.provider}/{found.model}" if found.model else found.provider
    notes = _missing_notes(profile, found, provider is not None)
    endpoint: tuple[Field, ...] = ()
    if found.pattern is not None:
        ref = f"{found.pattern.pattern[:-2]}/{found.model}"
        endpoint = _pattern_endpoint(found.pattern, provider, found.model)
        notes = (f"not listed in Plano's model registry; the wildcard {found.pattern.pattern} routes it at run time",)
    elif provider is not None:
        endpoint = _provider_endpoint(provider)
    return ModelView(ref, found.provider, found.model, None, None, False, None, (), endpoint, (), found.pattern.pattern if found.pattern else None, notes)


def _fields(data: Mapping[str, Any]) -> tuple[tuple[Field, ...], tuple[Field, ...]]:
    provenance: Mapping[str, str] = data["provenance"]
    names = [n for n in _FIRST if n in provenance] + sorted(n for n in provenance if n not in _FIRST and n not in _ENDPOINT and n not in _SKIPPED)
    fields = tuple(Field(name, _shown_value(_get(data, name)), provenance[name]) for name in names)
    endpoint = tuple(Field(name, _get(data, name), provenance[name]) for name in _ENDPOINT if name in provenance)
    return fields, endpoint


def _get(data: Mapping[str, Any], dotted: str) -> Any:
    """`cost.input` from the nested model; a header named `X.Y` keeps its dot."""
    head, _, rest = dotted.partition(".")
    value = data.get(head)
    if not rest:
        return value
    if head == "headers" and isinstance(value, dict):
        return value.get(rest)
    for step in rest.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _shown_value(value: Any) -> Any:
    """A header as written (`{"value": ...}`), or where its credential comes from (`{"ref": ...}`)."""
    if isinstance(value, dict) and "ref" in value and isinstance(value["ref"], dict):
        ref = value["ref"]
        where = ref.get("name") or ref.get("pointer") or ref.get("prefix") or ""
        return f"{value.get('prefix', '')}<{ref.get('source')} {where}>".strip()
    if isinstance(value, dict) and set(value) == {"value"}:
        return value["value"]
    return value


def _entry(resolution: Resolution, model: RModel) -> Location | None:
    """The user entry that added the model, else the last one that changed it."""
    from modelconf.ir import Origin

    origin: Origin | None = model.created_by if model.origin in ("user", "wildcard") else None
    if origin is None and model.changes:
        last = model.changes[-1].entry  # an Origin, or its text
        origin = last if isinstance(last, Origin) else next((e.origin for e in resolution.entries if str(e.origin) == last), None)
    if origin is None:
        return None
    from modelconf.diagnostics import Span

    return Location(origin.file, Span.at(origin.line, origin.column), origin.pointer)


def _provider_endpoint(provider: RProvider) -> tuple[Field, ...]:
    from modelconf.emit.resolved import provider_json

    data = provider_json(provider)
    provenance = data["provenance"]
    return tuple(Field(name, data.get(name), provenance.get(name, "catalog")) for name in ("api", "base_url"))


def _pattern_endpoint(pattern: Pattern, provider: RProvider | None, model_id: str | None) -> tuple[Field, ...]:
    out = [Field("api", pattern.api, str(pattern.prov.get("api", "catalog"))), Field("base_url", pattern.base_url, str(pattern.prov.get("base_url", "catalog")))]
    if provider is not None and model_id is not None:
        from modelconf.resolve import RModel
        from modelconf.resolve.plano import upstream_url

        url = upstream_url(provider, RModel(provider.id, model_id, "wildcard", key=f"{pattern.pattern[:-2]}/{model_id}"))
        if url is not None:
            out.append(Field("endpoint", url, "derived"))
    return tuple(out)


def _missing_notes(profile: TargetProfile, found: Found, provider_known: bool) -> tuple[str, ...]:
    if found.model is None:
        return ()
    target_provider = profile.provider(found.provider)
    if target_provider is not None and target_provider.models.source == "open":
        return (f"{found.provider} is an open catalogue in {profile.name}: any model id is accepted, but the resolved catalog lists none by this id.",)
    if provider_known:
        return (f"{found.model} is not among {found.provider}'s models in the resolved catalog.",)
    return (f"{found.provider} is not a provider of the resolved catalog.",)


def parse_place(source: str) -> tuple[str, int, int] | None:
    """`file:line:col` -> (file, line, col); None for `catalog`, `default`, `derived`."""
    head, sep, column = source.rpartition(":")
    file, sep2, line = head.rpartition(":")
    if sep and sep2 and file and line.isdigit() and column.isdigit():
        return file, int(line), int(column)
    return None
