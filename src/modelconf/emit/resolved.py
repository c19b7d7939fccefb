"""The resolved catalog as JSON: deterministic and validated (`modelconf compile` writes it with
`modelconf.atomic`).

The loader (format version and schema checks) is `modelconf.resolved_catalog`, shared with the
runtime.

Deterministic: keys sorted, models sorted by key, floats in Python's shortest round-trip form,
two-space indent, `\\n` line ends, no timestamps. The same inputs give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from modelconf.ir import COST_FIELDS, FieldPath, HeaderValue
from modelconf.resolve._core import CATALOG, EntryRecord, Pattern, Resolution, RModel, RProvider, dotted
from modelconf.resolved_catalog import FORMAT, SCHEMA_ID, schema_errors

# -- building the document ----------------------------------------------------------------------


def to_data(resolution: Resolution, *, file_order: Mapping[str, int] | None = None) -> dict[str, Any]:
    """The resolved catalog document of a resolution (JSON-shaped, not yet validated)."""
    from modelconf import __version__

    order = file_order if file_order is not None else {source["file"]: i for i, source in enumerate(resolution.sources)}
    data: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "format": FORMAT,
        "target": resolution.target,
        "generator": {"name": "modelconf", "version": __version__},
        "sources": [dict(source) for source in resolution.sources],
        "providers": {provider.id: provider_json(provider) for provider in resolution.providers.values()},
        "models": [model_json(resolution.models[key]) for key in sorted(resolution.models)],
        "default_model": resolution.default_model,
    }
    if resolution.patterns:
        data["patterns"] = sorted((_pattern(p) for p in resolution.patterns), key=lambda p: (p["pattern"], p["provider"]))
    if resolution.aliases:
        data["aliases"] = dict(sorted(resolution.aliases.items()))
    provenance = {}
    if resolution.default_prov:
        provenance["default_model"] = str(resolution.default_prov)
    provenance.update({f"aliases.{alias}": str(source) for alias, source in sorted(resolution.alias_prov.items())})
    if provenance:
        data["provenance"] = provenance
    entries = sorted(resolution.entries, key=lambda e: (order.get(e.origin.file, len(order)), e.origin.line, e.origin.column))
    data["entries"] = [_entry(entry) for entry in entries if entry.overrode or entry.added or entry.expanded]
    return data


def provider_json(provider: RProvider) -> dict[str, Any]:
    """One provider as the resolved catalog writes it."""
    auth: dict[str, Any] = {"kind": provider.auth_kind, "scheme": provider.scheme, "credentials": provider.credentials}
    if provider.passthrough:
        auth["passthrough"] = True
    out: dict[str, Any] = {
        "id": provider.id,
        "name": provider.name,
        "api": provider.api or "openai-completions",
        "base_url": provider.base_url,
        "auth": auth,
        "origin": provider.origin,
    }
    if provider.interface is not None:
        out["interface"] = provider.interface
    if provider.headers:
        out["headers"] = {name: value.as_json() for name, (value, _) in provider.headers.items()}
    provenance = {"id": CATALOG if provider.origin.startswith("catalog") else str(provider.prov.get("name", CATALOG))}
    provenance.update({name: str(source) for name, source in provider.prov.items()})
    provenance.setdefault("auth", provider.config_credential and str(provider.config_credential.origin) or CATALOG)
    provenance.update({f"headers.{name}": str(source) for name, (_, source) in provider.headers.items()})
    out["provenance"] = provenance
    return out


_SCALARS: tuple[tuple[str, ...], ...] = (
    ("name",), ("api",), ("base_url",), ("endpoint",), ("context_window",), ("max_tokens",), ("reasoning",), ("input",),
)


def model_json(model: RModel) -> dict[str, Any]:
    """One model as the resolved catalog writes it."""
    out: dict[str, Any] = {"key": model.key, "provider": model.provider, "id": model.id, "origin": model.origin}
    for path in _SCALARS:
        if path in model.fields:
            out[path[0]] = _json_value(model.fields[path])
    nested: dict[str, dict[str, Any]] = {}
    for path, value in model.fields.items():
        if len(path) > 1:
            _put(nested.setdefault(path[0], {}), path[1:], _json_value(value))
    if "cost" in nested:
        nested["cost"] = {name: float(nested["cost"].get(name, 0.0)) + 0.0 for name in COST_FIELDS}
    out.update(nested)
    if out.get("api") is None:
        out["api"] = "openai-completions"
    if model.aliases:
        out["aliases"] = sorted(set(model.aliases))
    provenance = {"id": str(model.created_by) if model.created_by is not None and model.origin == "user" else CATALOG}
    provenance.update({dotted(path): str(source) for path, source in model.prov.items()})
    out["provenance"] = provenance
    if model.changes:
        out["overrides"] = [
            {"entry": str(change.entry), "fields": sorted(change.fields), **({"replaced": True} if change.replaced else {})}
            for change in model.changes
        ]
    return out


def _put(holder: dict[str, Any], path: FieldPath, value: Any) -> None:
    for step in path[:-1]:
        holder = holder.setdefault(step, {})
    holder[path[-1]] = value


def _json_value(value: Any) -> Any:
    if isinstance(value, HeaderValue):
        return value.as_json()
    if isinstance(value, float) and value == 0:
        return 0.0  # no -0.0
    return value


def _pattern(pattern: Pattern) -> dict[str, Any]:
    return {
        "pattern": pattern.pattern,
        "provider": pattern.provider,
        "api": pattern.api,
        "base_url": pattern.base_url,
        "provider_interface": pattern.interface,
        "endpoint": pattern.endpoint,
        "provenance": {name: str(source) for name, source in pattern.prov.items()},
    }


def _entry(entry: EntryRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"entry": str(entry.origin), "kind": entry.kind, "provider": entry.provider}
    if entry.id is not None:
        out["id"] = entry.id
    for name in ("overrode", "added", "expanded"):
        values = getattr(entry, name)
        if values:
            out[name] = sorted(set(values))
    out["fields"] = sorted(entry.fields)
    return out


# -- serializing, validating, writing ------------------------------------------------------------


def dumps(data: Mapping[str, Any]) -> str:
    """Deterministic JSON text of a resolved catalog."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def render(resolution: Resolution) -> str:
    """The resolved catalog's text; raises ValueError if it breaks its own schema (a modelconf bug)."""
    data = to_data(resolution)
    problems = schema_errors(data)
    if problems:
        raise ValueError("the resolved catalog does not match its schema:\n  " + "\n  ".join(problems[:10]))
    return dumps(data)
