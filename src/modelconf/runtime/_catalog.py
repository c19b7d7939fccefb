"""Load a resolved catalog: check its format version, validate it against its schema, index models."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._model import ModelSpec, ProviderSpec

FORMAT = "modelconf.resolved-catalog/1"
SCHEMA_FILE = "resolved-catalog.schema.json"


class CatalogError(Exception):
    """The file is not a resolved catalog this runtime can load; the message says why."""


class UnknownModelError(LookupError):
    """No model in the catalog matches the name."""


@dataclass(frozen=True, slots=True)
class Catalog:
    target: str
    models: Mapping[str, ModelSpec]  # by key (provider/id)
    aliases: Mapping[str, str] = field(default_factory=dict)  # alias → key
    default_model: str | None = None
    source: str = "<catalog>"

    def find(self, name: str) -> ModelSpec:
        """By key, then alias, then a bare model id that only one provider has."""
        if name in self.models:
            return self.models[name]
        key = self.aliases.get(name)
        if key is not None and key in self.models:
            return self.models[key]
        by_id = [m for m in self.models.values() if m.id == name]
        if len(by_id) == 1:
            return by_id[0]
        if len(by_id) > 1:
            keys = ", ".join(sorted(m.key for m in by_id))
            raise UnknownModelError(f"model {name!r} is ambiguous in {self.source}: use one of {keys}")
        near = difflib.get_close_matches(name, [*self.models, *self.aliases], n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UnknownModelError(f"no model {name!r} in {self.source}{hint}")


def _schema() -> Any:
    import jsonschema_rs

    from modelconf._resources import data_dir

    schema = json.loads((data_dir("schemas") / SCHEMA_FILE).read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema)


def load(path: str | Path) -> Catalog:
    p = Path(path)
    try:
        data = json.loads(p.read_bytes())
    except OSError as exc:
        raise CatalogError(f"{p}: cannot read the resolved catalog: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{p}: not a JSON resolved catalog: {exc}") from None
    return parse(data, source=str(p))


def parse(data: object, *, source: str = "<catalog>") -> Catalog:
    if not isinstance(data, dict):
        raise CatalogError(f"{source}: a resolved catalog is a JSON object")
    fmt = data.get("format")
    if fmt != FORMAT:
        found = "no format field" if fmt is None else f"format {fmt!r}"
        raise CatalogError(
            f"{source}: {found}; this modelconf reads {FORMAT!r}. Recompile it with this modelconf version."
        )
    errors = list(_schema().iter_errors(data))
    if errors:
        lines = [f"{source}: not a valid resolved catalog ({len(errors)} schema error{'s' if len(errors) > 1 else ''}):"]
        for error in errors[:5]:
            where = "/" + "/".join(str(p) for p in error.instance_path)
            lines.append(f"  at {where}: {error.message}")
        if len(errors) > 5:
            lines.append(f"  … and {len(errors) - 5} more")
        raise CatalogError("\n".join(lines))

    providers: dict[str, ProviderSpec] = {}
    for pid, p in data["providers"].items():
        auth = p["auth"]
        providers[pid] = ProviderSpec(
            id=p["id"],
            api=p["api"],
            base_url=p.get("base_url"),
            auth_kind=auth["kind"],
            auth_scheme=auth["scheme"],
            credentials=tuple(auth.get("credentials", ())),
            headers=p.get("headers", {}),
        )
    models: dict[str, ModelSpec] = {}
    aliases: dict[str, str] = dict(data.get("aliases", {}))
    for m in data["models"]:
        provider = providers.get(m["provider"])
        if provider is None:
            raise CatalogError(f"{source}: model {m['key']!r} names provider {m['provider']!r}, which is not in providers")
        models[m["key"]] = ModelSpec(
            key=m["key"],
            id=m["id"],
            api=m["api"],
            provider=provider,
            base_url=m.get("base_url"),
            endpoint=m.get("endpoint"),
            headers=m.get("headers", {}),
            cost=m.get("cost"),
            max_tokens=m.get("max_tokens"),
            reasoning=bool(m.get("reasoning", False)),
            compat=m.get("compat", {}),
        )
        for alias in m.get("aliases", ()):
            aliases.setdefault(alias, m["key"])
    return Catalog(
        target=data["target"],
        models=models,
        aliases=aliases,
        default_model=data.get("default_model"),
        source=source,
    )
