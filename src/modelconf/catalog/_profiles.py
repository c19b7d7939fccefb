"""Target profiles: each program's view of providers, credentials, defaults and `api` values.

The data lives in `catalog/targets/<target>.json` (schema `schemas/target-profile.schema.json`);
this module turns it into frozen dataclasses. Facts that are algorithms rather than tables
(env-var derivation, rotation names, id normalization, Plano paths) are in `_rules.py` and read
their parameters from here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from modelconf.catalog import TARGETS as TARGETS  # one list of targets (explain imports it from here)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from modelconf.catalog._facts import Catalog, ModelFacts

FORMAT = "modelconf.target-profile/1"


@dataclass(frozen=True, slots=True)
class EnvVar:
    """An environment variable a target reads for a provider's credential.

    kind: api-key (a key sent as is), oauth-token (an OAuth access token), token (a GitHub-style
    token), cloud (marks a cloud credential chain as available). `documented` is False for
    variables the target's docs leave out; `conventional` marks names that only appear in
    examples (Plano reads no variable by itself).
    """

    name: str
    kind: str = "api-key"
    documented: bool = True
    optional: bool = False
    conventional: bool = False


@dataclass(frozen=True, slots=True)
class SettingEnv:
    """A non-secret variable the provider needs or reads (account id, region, base URL)."""

    name: str
    required: bool = False


@dataclass(frozen=True, slots=True)
class FileCheck:
    """A credentials file: the path in `env`, else `default` (`~` is the home directory)."""

    env: str | None = None
    default: str | None = None
    env_set_suffices: bool = False


@dataclass(frozen=True, slots=True)
class Check:
    """Something a provider needs from the environment (see the schema's `check`).

    Satisfied when every variable of `all` is set, one of `any` is, one of `first` is (or there
    is a `default`), and the `file` exists; keys left out impose nothing.
    """

    item: str
    group: str | None = None
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    first: tuple[str, ...] = ()
    default: str | None = None
    file: FileCheck | None = None
    required: bool = False
    read: bool = True
    show_value: bool = False
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every variable the check reads: the credentials file's first, then any, all, first."""
        file_env = (self.file.env,) if self.file is not None and self.file.env else ()
        return tuple(dict.fromkeys((*file_env, *self.any, *self.all, *self.first)))


@dataclass(frozen=True, slots=True)
class OAuthFile:
    path: str
    unless_exists: str | None = None


@dataclass(frozen=True, slots=True)
class OAuthLocation:
    """Where the auth file keeps a provider's OAuth token (zot), and token files read after it."""

    path: tuple[str, ...]
    files: tuple[OAuthFile, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredKey:
    """Where the target's auth file keeps this provider's credential."""

    key: str
    location: str
    path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ModelFilter:
    field: str
    op: str
    value: Any

    def accepts(self, model: ModelFacts) -> bool:
        actual = getattr(model, self.field)
        if self.op == "eq":
            return bool(actual == self.value)
        if self.op == "ne":
            return bool(actual != self.value)
        if self.op == "prefix":
            return isinstance(actual, str) and actual.startswith(self.value)
        if self.op == "not-prefix":
            return not (isinstance(actual, str) and actual.startswith(self.value))
        raise ValueError(f"unknown filter op {self.op!r}")


@dataclass(frozen=True, slots=True)
class ModelView:
    """Which built-in models a target shows for one of its providers.

    source: models.dev (the catalog provider `provider`, kept by `filters`), registry (Plano's
    wildcard registry under `key`), open (any model id is accepted), none (no built-in models).
    `approximate` marks views where the target builds its list from elsewhere (a vendor API,
    hand-written code) and models.dev stands in for it.
    """

    source: str
    provider: str | None = None
    key: str | None = None
    filters: tuple[ModelFilter, ...] = ()
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class TargetProvider:
    id: str
    name: str
    aliases: tuple[str, ...]
    auth: str
    api: str | None
    env: tuple[EnvVar, ...]
    settings_env: tuple[SettingEnv, ...]
    stored_key: StoredKey | None
    models: ModelView
    base_url: str | None = None
    needs_base_url: bool = False
    login: tuple[str, ...] = ()
    since: str | None = None
    catalog_provider: str | None = None
    cloud: Mapping[str, Any] | None = None
    examples: tuple[Mapping[str, str], ...] = ()
    doc_endpoint: str | None = None
    notes: tuple[str, ...] = ()
    setup: tuple[Check, ...] = ()
    oauth: OAuthLocation | None = None
    default_key: str | None = None

    @property
    def available_when(self) -> tuple[Check, ...]:
        """Cloud alternatives that mark the provider as available, in the program's order."""
        if not self.cloud:
            return ()
        return tuple(check_from_data(c) for c in self.cloud.get("available_when", ()))

    @property
    def sentinel(self) -> str | None:
        """The placeholder credential of an available cloud chain (`<aws>`, `<adc>`, ...)."""
        return self.cloud.get("sentinel") if self.cloud else None

    @property
    def env_names(self) -> tuple[str, ...]:
        """Credential variables in the order the target reads them."""
        return tuple(var.name for var in self.env)

    @property
    def api_key_env(self) -> tuple[str, ...]:
        """The documented API-key variables (what the providers tables show)."""
        return tuple(var.name for var in self.env if var.kind == "api-key" and var.documented)


@dataclass(frozen=True, slots=True)
class ApiVocabulary:
    values: tuple[str, ...]
    aliases: Mapping[str, str]
    default: str | None
    fallback: str | None
    case_insensitive: bool
    trim: bool
    wire: Mapping[str, str]
    unknown: str = ""
    field: str = "api"

    def resolve(self, value: str) -> str | None:
        """The canonical value the target uses for `value` (None: the target rejects it)."""
        text = value.strip() if self.trim else value
        if self.case_insensitive:
            text = text.lower()
        if text == "" and self.default is not None:
            return self.default
        if text in self.values:
            return text
        if text in self.aliases:
            return self.aliases[text]
        return self.fallback


@dataclass(frozen=True, slots=True)
class CredentialStep:
    step: str
    source: str
    description: str
    rule: str | None = None
    form: str | None = None


@dataclass(frozen=True, slots=True)
class DocRow:
    provider: str
    label: str | None = None
    notes: str | None = None
    env: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class DocTable:
    """A table or list of a seed document (in the seed's order), or one `modelconf docs` composes.

    `section` names the `modelconf docs` section that renders it (None: not rendered); `fields`
    say what fills each column; `separator` and `widths` keep the seed's Markdown separator row
    and reStructuredText column widths.
    """

    id: str
    kind: str
    seed: str | None
    rows: tuple[DocRow, ...]
    columns: tuple[str, ...] = ()
    heading: str | None = None
    env_format: Mapping[str, str] = field(default_factory=dict)
    section: str | None = None
    fields: tuple[str, ...] = ()
    separator: str | None = None
    widths: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """A recorded difference between a target's docs (a seed) and its code."""

    id: str
    topic: str
    text: str
    seed: str | None = None
    provider: str | None = None


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values the target uses for omitted model fields (None: no default)."""

    context_window: int | None
    max_tokens: int | None
    reasoning: bool | None
    input: tuple[str, ...] | None
    cost: Mapping[str, float] | None
    name: str | None
    api: str | None
    description: str = ""


@dataclass(frozen=True)
class TargetProfile:
    target: str
    name: str
    description: str
    providers: Mapping[str, TargetProvider]
    defaults: Defaults
    api: ApiVocabulary
    provider_aliases: Mapping[str, str]
    normalize: tuple[str, ...]
    credential_order: tuple[CredentialStep, ...]
    auth_file: Mapping[str, Any] | None
    config_file: Mapping[str, Any]
    settings: Mapping[str, Any]
    doc_tables: Mapping[str, DocTable]
    notes: tuple[Note, ...]
    sources: tuple[Mapping[str, Any], ...]
    custom_providers: Mapping[str, Any]
    # Target-specific sections, kept as data.
    raw: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)

    # -- lookups -------------------------------------------------------------------------------

    def normalize_provider_id(self, provider_id: str) -> str:
        """The id the target uses for `provider_id` (its trimming, case and aliases)."""
        text = provider_id
        if "trim" in self.normalize:
            text = text.strip()
        if "lowercase" in self.normalize:
            text = text.lower()
        return self.provider_aliases.get(text, text)

    def provider(self, provider_id: str) -> TargetProvider | None:
        """The provider with this id or alias, or None."""
        found = self.providers.get(provider_id)
        if found is None:
            found = self.providers.get(self.normalize_provider_id(provider_id))
        return found

    def notes_for(self, *, topic: str | None = None, provider: str | None = None) -> tuple[Note, ...]:
        return tuple(
            note
            for note in self.notes
            if (topic is None or note.topic == topic) and (provider is None or note.provider == provider)
        )

    def setting(self, name: str) -> Any:
        """The default value of a profile setting (e.g. openclaw `app_prefix`)."""
        return self.settings[name]["default"]

    @property
    def key_rotation(self) -> Mapping[str, Any] | None:
        return self.raw.get("key_rotation")

    @property
    def upstream_paths(self) -> Mapping[str, Any] | None:
        return self.raw.get("upstream_paths")

    @property
    def registry(self) -> Mapping[str, Any] | None:
        return self.raw.get("registry")

    @property
    def value_forms(self) -> tuple[Mapping[str, Any], ...]:
        return tuple(self.raw.get("value_forms", ()))

    def registry_ids(self, key: str | None) -> tuple[str, ...]:
        """The model ids Plano's registry lists under `key`, in order (it repeats some; the first counts)."""
        ids = (self.registry or {}).get("keys", {}).get(key, ()) if key else ()
        return tuple(dict.fromkeys(ids))

    def visible_models(self, provider_id: str, catalog: Catalog | None = None) -> tuple[ModelFacts, ...]:
        """The built-in models the target shows for one of its providers.

        models.dev views filter the catalog provider; registry views (Plano) return the
        registry's ids, with catalog facts where the mapped catalog provider has the same id and
        bare facts otherwise; open and none views return nothing.
        """
        from modelconf.catalog._facts import ModelFacts, load_catalog

        provider = self.provider(provider_id)
        if provider is None:
            raise ValueError(f"{self.target} has no provider {provider_id!r}")
        view = provider.models
        cat = catalog if catalog is not None else load_catalog()
        if view.source == "models.dev" and view.provider is not None:
            return tuple(m for m in cat.models(view.provider) if all(f.accepts(m) for f in view.filters))
        if view.source == "registry":
            out = []
            for model_id in self.registry_ids(view.key):
                facts = cat.model(provider.catalog_provider, model_id) if provider.catalog_provider else None
                out.append(facts if facts is not None else ModelFacts(provider=provider.id, id=model_id, name=model_id))
            return tuple(out)
        return ()


# -- loading ----------------------------------------------------------------------------------


def profile_path(target: str) -> str:
    from modelconf._resources import data_file

    return data_file("catalog", "targets", f"{target}.json")


@functools.cache
def load_profile(target: str) -> TargetProfile:
    """The built-in profile of a target (cached). Unknown targets raise ValueError."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}; valid targets: {', '.join(TARGETS)}")
    with open(profile_path(target), "rb") as handle:
        return profile_from_data(json.loads(handle.read()))


def profile_from_data(data: Mapping[str, Any]) -> TargetProfile:
    """Build a profile from its JSON data (already validated against the schema)."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document (format is {data.get('format')!r})")
    providers = {entry["id"]: _provider(entry) for entry in data["providers"]}
    ids = data.get("provider_ids", {})
    api = data["api"]
    defaults = data.get("defaults", {})
    return TargetProfile(
        target=data["target"],
        name=data.get("name", data["target"]),
        description=data.get("description", ""),
        providers=providers,
        defaults=Defaults(
            context_window=defaults.get("context_window"),
            max_tokens=defaults.get("max_tokens"),
            reasoning=defaults.get("reasoning"),
            input=tuple(defaults["input"]) if defaults.get("input") is not None else None,
            cost=defaults.get("cost"),
            name=defaults.get("name"),
            api=defaults.get("api"),
            description=defaults.get("description", ""),
        ),
        api=ApiVocabulary(
            values=tuple(api["values"]),
            aliases=dict(api.get("aliases", {})),
            default=api.get("default"),
            fallback=api.get("fallback"),
            case_insensitive=bool(api.get("case_insensitive", False)),
            trim=bool(api.get("trim", False)),
            wire=dict(api.get("wire", {})),
            unknown=api.get("unknown", ""),
            field=api.get("field", "api"),
        ),
        provider_aliases=dict(ids.get("aliases", {})),
        normalize=tuple(ids.get("normalize", ())),
        credential_order=tuple(
            CredentialStep(
                step=step["step"],
                source=step["source"],
                description=step.get("description", ""),
                rule=step.get("rule"),
                form=step.get("form"),
            )
            for step in data.get("credential_order", ())
        ),
        auth_file=data.get("auth_file"),
        config_file=data.get("config_file", {}),
        settings=data.get("settings", {}),
        doc_tables={table["id"]: _table(table) for table in data.get("doc_tables", ())},
        notes=tuple(
            Note(id=n["id"], topic=n["topic"], text=n["text"], seed=n.get("seed"), provider=n.get("provider"))
            for n in data.get("notes", ())
        ),
        sources=tuple(data.get("sources", ())),
        custom_providers=data.get("custom_providers", {}),
        raw=data,
    )


def _provider(entry: Mapping[str, Any]) -> TargetProvider:
    stored = entry.get("stored_key")
    view = entry.get("models") or {"source": "none"}
    return TargetProvider(
        id=entry["id"],
        name=entry["name"],
        aliases=tuple(entry.get("aliases", ())),
        auth=entry["auth"],
        api=entry.get("api"),
        env=tuple(
            EnvVar(
                name=var["name"],
                kind=var.get("kind", "api-key"),
                documented=var.get("documented", True),
                optional=var.get("optional", False),
                conventional=var.get("conventional", False),
            )
            for var in entry.get("env", ())
        ),
        settings_env=tuple(SettingEnv(s["name"], s.get("required", False)) for s in entry.get("settings_env", ())),
        stored_key=StoredKey(stored["key"], stored["location"], tuple(stored["path"])) if stored else None,
        models=ModelView(
            source=view["source"],
            provider=view.get("provider"),
            key=view.get("key"),
            filters=tuple(ModelFilter(f["field"], f["op"], f["value"]) for f in view.get("filters", ())),
            approximate=view.get("approximate", False),
        ),
        base_url=entry.get("base_url"),
        needs_base_url=entry.get("needs_base_url", False),
        login=tuple(entry.get("login", ())),
        since=entry.get("since"),
        catalog_provider=entry.get("catalog_provider", view.get("provider")),
        cloud=entry.get("cloud"),
        examples=tuple(entry.get("examples", ())),
        doc_endpoint=entry.get("doc_endpoint"),
        notes=tuple(entry.get("notes", ())),
        setup=tuple(check_from_data(c) for c in entry.get("setup", ())),
        oauth=_oauth(entry.get("oauth")),
        default_key=(entry.get("default_key") or {}).get("value"),
    )


def check_from_data(data: Mapping[str, Any]) -> Check:
    file = data.get("file")
    return Check(
        item=data["item"],
        group=data.get("group"),
        all=tuple(data.get("all", ())),
        any=tuple(data.get("any", ())),
        first=tuple(data.get("first", ())),
        default=data.get("default"),
        file=FileCheck(file.get("env"), file.get("default"), bool(file.get("env_set_suffices", False))) if file else None,
        required=bool(data.get("required", False)),
        read=bool(data.get("read", True)),
        show_value=bool(data.get("show_value", False)),
        note=data.get("note"),
    )


def _oauth(data: Mapping[str, Any] | None) -> OAuthLocation | None:
    if not data:
        return None
    files = tuple(OAuthFile(f["path"], f.get("unless_exists")) for f in data.get("files", ()))
    return OAuthLocation(tuple(data["path"]), files)


def _table(table: Mapping[str, Any]) -> DocTable:
    return DocTable(
        id=table["id"],
        kind=table["kind"],
        seed=table.get("seed"),
        rows=tuple(
            DocRow(
                provider=row["provider"],
                label=row.get("label"),
                notes=row.get("notes"),
                env=tuple(row["env"]) if "env" in row else None,
            )
            for row in table.get("rows", ())
        ),
        columns=tuple(table.get("columns", ())),
        heading=table.get("heading"),
        env_format=table.get("env_format", {}),
        section=table.get("section"),
        fields=tuple(table.get("fields", ())),
        separator=table.get("separator"),
        widths=tuple(table.get("widths", ())),
    )
