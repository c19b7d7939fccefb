"""The resolution being built: providers and models with per-field provenance.

Fields are kept flat (`("cost", "input")`, `("headers", "X-Team")`) so every merge rule is a field
assignment with a provenance; `modelconf.emit.resolved` nests them for the JSON output.

Plain classes with `__slots__` (and a named tuple) rather than dataclasses: `modelconf lint`
imports this module on every run, and dataclasses cost ~0.6 ms each to define.

Provenance: `catalog` (the built-in catalog), `default` (the target's value for an omitted
field), `derived` (computed by modelconf: endpoints, base URLs a program builds), or the `Origin`
of the value or entry that set the field. Origins stay objects until the catalog is written
(`str(origin)` is `<file>:<line>:<col>`), so linting, which never shows provenance, does not pay
for computing positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from modelconf.diagnostics import Diagnostic
from modelconf.ir import CredentialRef, FieldPath, HeaderValue, Origin, Value

Provenance = str | Origin  # noqa: UP007 (a runtime alias)

CATALOG = "catalog"
DEFAULT = "default"
DERIVED = "derived"


def dotted(path: FieldPath) -> str:
    return ".".join(path)


def model_key(provider: str, model_id: str) -> str:
    return f"{provider}/{model_id}"


class RModel:
    """One resolved model under construction."""

    __slots__ = ("provider", "id", "key", "fields", "prov", "origin", "changes", "aliases", "created_by")

    def __init__(self, provider: str, model_id: str, origin: str, key: str | None = None, created_by: Origin | None = None) -> None:
        self.provider = provider
        self.id = model_id
        self.key = key if key is not None else model_key(provider, model_id)
        self.fields: dict[FieldPath, Any] = {}
        self.prov: dict[FieldPath, Provenance] = {}
        # catalog, override (a catalog model the user changed), user (added or replaced), wildcard.
        self.origin = origin
        self.changes: list[Change] = []
        self.aliases: list[str] = []
        # The user entry that added this model (None for catalog models).
        self.created_by = created_by

    def set(self, path: FieldPath, value: Any, source: Provenance) -> None:
        if path[0] == "compat":
            self._clear_compat(path)
        self.fields[path] = value
        self.prov[path] = source

    def get(self, path: FieldPath, default: Any = None) -> Any:
        return self.fields.get(path, default)

    def drop(self, path: FieldPath) -> None:
        self.fields.pop(path, None)
        self.prov.pop(path, None)

    def paths(self, head: str) -> list[FieldPath]:
        return [path for path in self.fields if path[0] == head]

    def _clear_compat(self, path: FieldPath) -> None:
        """A routing object replaces a scalar of the same name and vice versa (`mergeCompat`)."""
        if len(path) == 2:
            for other in [p for p in self.fields if len(p) == 3 and p[:2] == path]:
                self.drop(other)
        elif len(path) == 3:
            self.drop(path[:2])

    def touched_by(self, change: Change) -> None:
        """Record a user entry's change (merging with an earlier change by the same entry)."""
        for known in self.changes:
            if known.entry == change.entry:
                known.fields = sorted(set(known.fields) | set(change.fields))
                known.replaced = known.replaced or change.replaced
                return
        self.changes.append(change)
        if self.origin == "catalog":
            self.origin = "override"


class Change:
    """A user entry that changed a model, and the fields it set."""

    __slots__ = ("entry", "fields", "replaced")

    def __init__(self, entry: Provenance, fields: list[str], replaced: bool = False) -> None:
        self.entry = entry
        self.fields = fields
        self.replaced = replaced


class RProvider:
    """One resolved provider under construction."""

    __slots__ = (
        "id", "name", "api", "base_url", "auth_kind", "origin", "prov", "config_credential", "auth_mode", "headers",
        "interface", "passthrough", "credentials", "scheme",
    )

    def __init__(
        self,
        id: str,
        name: str,
        api: str | None,
        base_url: str | None,
        auth_kind: str,
        origin: str,
        prov: dict[str, Provenance] | None = None,
        config_credential: CredentialRef | None = None,
        interface: str | None = None,
    ) -> None:
        self.id = id
        self.name = name
        self.api = api
        self.base_url = base_url
        self.auth_kind = auth_kind
        self.origin = origin  # catalog, user, catalog+user
        self.prov: dict[str, Provenance] = prov if prov is not None else {}
        self.config_credential = config_credential
        # zot `auth: "none"` and OpenClaw `auth: "aws-sdk"`, as the user wrote them.
        self.auth_mode: str | None = None
        self.headers: dict[str, tuple[HeaderValue, Provenance]] = {}
        self.interface = interface
        self.passthrough = False
        self.credentials: list[dict[str, Any]] = []
        self.scheme = "bearer"


class EntryRecord:
    """What one user entry did: the models it overrode or added, and the fields it set."""

    __slots__ = ("origin", "kind", "provider", "id", "overrode", "added", "expanded", "fields")

    def __init__(
        self,
        origin: Origin,
        kind: str,
        provider: str,
        id: str | None = None,
        *,
        overrode: list[str] | None = None,
        fields: set[str] | None = None,
    ) -> None:
        self.origin = origin
        self.kind = kind  # provider, override, wildcard
        self.provider = provider
        self.id = id
        self.overrode: list[str] = overrode if overrode is not None else []
        self.added: list[str] = []
        self.expanded: list[str] = []
        self.fields: set[str] = fields if fields is not None else set()


class Pattern(NamedTuple):
    pattern: str
    provider: str
    api: str
    base_url: str | None
    interface: str | None
    prov: dict[str, Provenance]
    # The request URL for a model under the pattern, `{model}` standing for the model id.
    endpoint: str | None = None


class Resolution:
    """A target's resolved view: the result of resolve(), input of emit."""

    __slots__ = (
        "target", "providers", "models", "patterns", "aliases", "alias_prov", "default_model", "default_prov", "sources",
        "entries", "diagnostics", "_by_provider",
    )

    def __init__(self, target: str) -> None:
        self.target = target
        self.providers: dict[str, RProvider] = {}
        self.models: dict[str, RModel] = {}
        self.patterns: list[Pattern] = []
        self.aliases: dict[str, str] = {}
        self.alias_prov: dict[str, Provenance] = {}
        self.default_model: str | None = None
        self.default_prov: Provenance | None = None
        self.sources: list[dict[str, str]] = []
        self.entries: list[EntryRecord] = []
        self.diagnostics: list[Diagnostic] = []
        # Models by provider, for provider-level overrides (kept in step with `models`).
        self._by_provider: dict[str, dict[str, None]] = {}

    def add_model(self, model: RModel) -> RModel | None:
        """Insert or replace a model; returns the model it replaced."""
        previous = self.models.get(model.key)
        if previous is not None and previous.provider != model.provider:
            self._by_provider.get(previous.provider, {}).pop(model.key, None)
        self.models[model.key] = model
        self._by_provider.setdefault(model.provider, {})[model.key] = None
        return previous

    def remove_model(self, key: str) -> None:
        model = self.models.pop(key, None)
        if model is not None:
            self._by_provider.get(model.provider, {}).pop(key, None)

    def models_of(self, provider: str) -> list[RModel]:
        return [self.models[key] for key in self._by_provider.get(provider, {})]


def put_fields(model: RModel, fields: Mapping[FieldPath, Value], *, skip: Iterable[str] = ()) -> list[str]:
    """Set every field of a user entry on a model; returns the dotted names set."""
    skipped = set(skip)
    out = []
    for path, value in fields.items():
        if path[0] in skipped:
            continue
        model.set(path, value.value, value.origin)
        out.append(dotted(path))
    return out


def user_set(model: RModel) -> list[str]:
    """The fields of a model whose provenance is a place in a user file."""
    return [dotted(path) for path, source in model.prov.items() if source not in (CATALOG, DEFAULT, DERIVED)]


def as_int(value: Any) -> int:
    """Limits are whole tokens; a fractional value from a JSON5 config is truncated."""
    return int(value)
