"""Differences between two resolved catalogs: models and providers added, removed, changed.

deepdiff does the structural comparison (imported when a diff is made: it is slow to import).
Both sides are flattened first, one level per model or provider, with nested values under dotted
names (`cost.input`, `headers.X-Team`) and lists kept whole, so every change reads
`field: old -> new`. Provenance is compared separately. `generator`, `sources` and `entries`
are left out: they describe how the files were written, not what the program sees.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_ABSENT = "<absent>"


@dataclass(slots=True)
class ItemChanges:
    """Field and provenance changes of one model or provider: name -> (old, new)."""

    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    provenance: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(slots=True)
class Section:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, ItemChanges] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(slots=True)
class CatalogDiff:
    models: Section = field(default_factory=Section)
    providers: Section = field(default_factory=Section)
    # default_model, aliases.<name>, patterns.<pattern>.<field>, target: (old, new)
    catalog: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def same(self) -> bool:
        return self.models.empty and self.providers.empty and not self.catalog


def diff_catalogs(old: Mapping[str, Any], new: Mapping[str, Any]) -> CatalogDiff:
    from deepdiff import DeepDiff

    left, right = _view(old), _view(new)
    found = DeepDiff(left, right, view="tree", verbose_level=2)
    out = CatalogDiff()
    for kind, levels in found.items():
        for level in levels:
            path = level.path(output_format="list")
            before = _ABSENT if kind == "dictionary_item_added" else level.t1
            after = _ABSENT if kind == "dictionary_item_removed" else level.t2
            _record(out, path, kind, before, after)
    for section in (out.models, out.providers):
        for key in section.added + section.removed:
            section.changed.pop(key, None)  # provenance of a model that came or went
        section.added.sort()
        section.removed.sort()
        section.changed = dict(sorted(section.changed.items()))
    out.catalog = dict(sorted(out.catalog.items()))
    return out


def _record(out: CatalogDiff, path: list[Any], kind: str, before: Any, after: Any) -> None:
    head = path[0]
    if head == "catalog":
        _catalog_changes(out, path[1:], before, after)
        return
    section = out.models if head in ("models", "model_provenance") else out.providers
    if len(path) == 2:
        if head in ("models", "providers"):
            (section.added if kind == "dictionary_item_added" else section.removed).append(path[1])
        return
    key, name = path[1], path[2]
    changes = section.changed.setdefault(key, ItemChanges())
    target = changes.provenance if head.endswith("provenance") else changes.fields
    target[name] = (_decode(before), _decode(after))


def _catalog_changes(out: CatalogDiff, path: list[Any], before: Any, after: Any) -> None:
    where = ".".join(str(step) for step in path)
    side = before if before != _ABSENT else after
    if isinstance(side, dict):
        # A pattern that appeared or vanished: one line per field.
        for name, value in side.items():
            pair = (_decode(value), _ABSENT) if before != _ABSENT else (_ABSENT, _decode(value))
            out.catalog[f"{where}.{name}"] = pair
        return
    out.catalog[where] = (_decode(before), _decode(after))


def _view(data: Mapping[str, Any]) -> dict[str, Any]:
    models = {m["key"]: m for m in data.get("models", [])}
    providers = dict(data.get("providers", {}))
    patterns = {p["pattern"] + " -> " + p["provider"]: _flat(p, skip=("provenance",)) for p in data.get("patterns", [])}
    return {
        "models": {key: _flat(m, skip=("provenance", "overrides")) for key, m in models.items()},
        "model_provenance": {key: dict(m.get("provenance", {})) for key, m in models.items()},
        "providers": {key: _flat(p, skip=("provenance",)) for key, p in providers.items()},
        "provider_provenance": {key: dict(p.get("provenance", {})) for key, p in providers.items()},
        "catalog": {
            "target": data.get("target"),
            "default_model": data.get("default_model"),
            "aliases": dict(data.get("aliases", {})),
            "patterns": patterns,
        },
    }


def _flat(item: Mapping[str, Any], *, skip: tuple[str, ...]) -> dict[str, Any]:
    """One level: nested objects under dotted names, lists and header values as JSON text."""
    out: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and value and not _is_leaf_object(prefix, value):
            for name, inner in value.items():
                walk(f"{prefix}.{name}" if prefix else name, inner)
        elif isinstance(value, (dict, list)):
            out[prefix] = _encode(value)
        else:
            out[prefix] = value

    for name, value in item.items():
        if name not in skip:
            walk(name, value)
    return out


def _is_leaf_object(prefix: str, value: dict[str, Any]) -> bool:
    """Header values (`{value}`/`{ref}`) and auth credentials compare whole."""
    return ("headers." in prefix and ("value" in value or "ref" in value)) or prefix == "auth.credentials"


_ENCODED = "\x00json:"


def _encode(value: Any) -> str:
    return _ENCODED + json.dumps(value, sort_keys=True, ensure_ascii=False)


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_ENCODED):
        return json.loads(value[len(_ENCODED):])
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


# -- output ---------------------------------------------------------------------------------------


def to_json(diff: CatalogDiff) -> dict[str, Any]:
    def section(part: Section) -> dict[str, Any]:
        return {
            "added": part.added,
            "removed": part.removed,
            "changed": {
                key: {
                    "fields": {name: {"old": _out(o), "new": _out(n)} for name, (o, n) in sorted(c.fields.items())},
                    "provenance": {name: {"old": _out(o), "new": _out(n)} for name, (o, n) in sorted(c.provenance.items())},
                }
                for key, c in part.changed.items()
            },
        }

    return {
        "format": "modelconf.catalog-diff/1",
        "same": diff.same,
        "models": section(diff.models),
        "providers": section(diff.providers),
        "catalog": {name: {"old": _out(o), "new": _out(n)} for name, (o, n) in diff.catalog.items()},
    }


def _out(value: Any) -> Any:
    return None if value == _ABSENT else value


def to_text(diff: CatalogDiff) -> str:
    if diff.same:
        return "no differences\n"
    lines: list[str] = []
    for title, part in (("models", diff.models), ("providers", diff.providers)):
        if part.empty:
            continue
        lines.append(f"{title}: {len(part.added)} added, {len(part.removed)} removed, {len(part.changed)} changed")
        lines += [f"+ {key}" for key in part.added]
        lines += [f"- {key}" for key in part.removed]
        for key, change in part.changed.items():
            lines.append(f"~ {key}")
            lines += [f"    {name}: {_show(o)} -> {_show(n)}" for name, (o, n) in sorted(change.fields.items())]
            lines += [f"    provenance {name}: {_show(o)} -> {_show(n)}" for name, (o, n) in sorted(change.provenance.items())]
    if diff.catalog:
        lines.append("catalog:")
        lines += [f"    {name}: {_show(o)} -> {_show(n)}" for name, (o, n) in diff.catalog.items()]
    return "\n".join(lines) + "\n"


def _show(value: Any) -> str:
    if value == _ABSENT:
        return "(absent)"
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
