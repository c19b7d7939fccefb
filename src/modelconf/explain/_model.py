"""The model and its endpoint as a target sees them, each value with where it came from.

Until the compiler lands this is a small stand-in for its resolve step: the target's built-in view
(catalog facts through the profile), the user's entry in the given configs (file:line:col), the
profile's defaults for fields the entry leaves out, and the endpoint (config base URL, else the
profile's, with non-secret settings filled in; Plano adds its upstream path).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from modelconf.credentials._config import ConfigFile, plano_entries
from modelconf.credentials._types import Location
from modelconf.document import Document, PathT, pointer
from modelconf.secrets import looks_like_secret, mask_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._facts import ModelFacts
    from modelconf.catalog._profiles import TargetProfile, TargetProvider


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
    """One resolved value and its provenance: `catalog`, `target default`, `profile`, or file:line:col."""

    name: str
    value: Any
    source: str
    location: Location | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "value": masked(self.value), "source": self.source}
        if self.location is not None and self.location.span is not None:
            out["file"] = self.location.file
            out["line"] = self.location.span.start.line
            out["column"] = self.location.span.start.column
        return out


@dataclass(frozen=True)
class ModelView:
    ref: str
    provider: str
    model: str | None
    known_model: bool
    entry: Location | None
    fields: tuple[Field, ...]
    endpoint: tuple[Field, ...]
    notes: tuple[str, ...] = field(default=())

    def value(self, name: str) -> Any:
        return next((f.value for f in self.fields if f.name == name), None)


# Config field names per dialect: (model-level key, resolved name).
_MODEL_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "pi": (("name", "name"), ("api", "api"), ("contextWindow", "context_window"), ("maxTokens", "max_tokens"), ("reasoning", "reasoning"), ("input", "input"), ("cost", "cost")),
    "openclaw-models": (("name", "name"), ("api", "api"), ("contextWindow", "context_window"), ("maxTokens", "max_tokens"), ("reasoning", "reasoning"), ("input", "input"), ("cost", "cost")),
    "openclaw": (("name", "name"), ("api", "api"), ("contextWindow", "context_window"), ("maxTokens", "max_tokens"), ("reasoning", "reasoning"), ("input", "input"), ("cost", "cost")),
    "zot": (("name", "name"), ("contextWindow", "context_window"), ("maxTokens", "max_tokens"), ("reasoning", "reasoning"), ("priceInput", "price_input"), ("priceOutput", "price_output")),
    "plano": (("name", "name"), ("provider_interface", "api")),
}
_PROVIDER_ROOT = {"pi": ("providers",), "openclaw-models": ("providers",), "zot": ("providers",), "openclaw": ("models", "providers")}
_TEMPLATE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _loc(document: Document, path: PathT) -> Location:
    return Location(document.name, document.span(path), pointer(path))


def _user_entry(configs: Sequence[ConfigFile], provider_id: str, model_id: str | None) -> tuple[ConfigFile, PathT, dict[str, Any], PathT | None] | None:
    """(config, entry path, entry, provider block path) of the user's entry for the model."""
    for config in configs:
        document = config.document
        if config.dialect == "plano":
            from modelconf.credentials._plano import find_entry
            from modelconf.credentials._types import Inputs

            hit = find_entry(Inputs(configs=[config]), provider_id, model_id)
            if hit is not None:
                return config, hit[1], hit[2], None
            continue
        root = _PROVIDER_ROOT.get(config.dialect)
        if root is None:
            continue
        block_path = root + (provider_id,)
        block = document.get(block_path)
        if not isinstance(block, dict):
            continue
        models = block.get("models")
        if isinstance(models, list) and model_id is not None:
            for index, entry in enumerate(models):
                if isinstance(entry, dict) and entry.get("id") == model_id:
                    return config, block_path + ("models", index), entry, block_path
        return config, block_path, {}, block_path
    return None


def model_view(
    profile: TargetProfile,
    provider: TargetProvider,
    known_provider: bool,
    model_id: str | None,
    configs: Sequence[ConfigFile],
    env: Mapping[str, str],
) -> ModelView:
    ref = f"{provider.id}/{model_id}" if model_id else provider.id
    facts: ModelFacts | None = None
    notes: list[str] = []
    if known_provider and model_id is not None:
        try:
            facts = next((m for m in profile.visible_models(provider.id) if m.id == model_id), None)
        except ValueError:
            facts = None
        if facts is None:
            if provider.models.source == "open":
                notes.append(f"{provider.id} is an open catalogue in {profile.name}: any model id is accepted.")
            else:
                notes.append(f"{model_id} is not in {profile.name}'s built-in list for {provider.id}.")
    found = _user_entry(configs, provider.id, model_id)
    fields: list[Field] = []
    catalog_source = _catalog_source(provider)
    if facts is not None:
        for name, value in (
            ("name", facts.name),
            ("context_window", facts.context_window),
            ("max_tokens", facts.max_output_tokens),
            ("reasoning", facts.reasoning),
            ("input", list(facts.input) if facts.input else None),
            ("cost", facts.cost._asdict() if facts.cost is not None else None),
        ):
            if value is not None:
                fields.append(Field(name, value, catalog_source))
    entry_location = None
    if found is not None:
        config, path, entry, _ = found
        entry_location = _loc(config.document, path)
        for key, name in _MODEL_FIELDS.get(config.dialect, ()):
            if key in entry:
                fields = [f for f in fields if f.name != name]
                fields.append(Field(name, entry[key], str(_loc(config.document, path + (key,))), _loc(config.document, path + (key,))))
        if entry and facts is None:
            fields.extend(_defaults(profile, fields, model_id))
    if model_id is not None and not any(f.name == "name" for f in fields):
        default_name = {"id": model_id, "model": ref}.get(profile.defaults.name or "")
        if default_name is not None:
            fields.append(Field("name", default_name, "target default"))
    endpoint = _endpoint(profile, provider, model_id, found, env)
    return ModelView(ref, provider.id, model_id, facts is not None, entry_location, tuple(fields), endpoint, tuple(notes))


def _catalog_source(provider: TargetProvider) -> str:
    view = provider.models
    if view.source == "models.dev":
        return f"catalog (models.dev {view.provider}{', approximate' if view.approximate else ''})"
    if view.source == "registry":
        return f"catalog (registry {view.key})"
    return "catalog"


def _defaults(profile: TargetProfile, fields: Sequence[Field], model_id: str | None) -> list[Field]:
    """The target's defaults for fields a custom entry leaves out."""
    have = {f.name for f in fields}
    defaults = profile.defaults
    out = []
    for name, value in (
        ("context_window", defaults.context_window),
        ("max_tokens", defaults.max_tokens),
        ("reasoning", defaults.reasoning),
        ("input", list(defaults.input) if defaults.input is not None else None),
    ):
        if name not in have and value is not None:
            out.append(Field(name, value, "target default"))
    return out


def _endpoint(
    profile: TargetProfile,
    provider: TargetProvider,
    model_id: str | None,
    found: tuple[ConfigFile, PathT, dict[str, Any], PathT | None] | None,
    env: Mapping[str, str],
) -> tuple[Field, ...]:
    out: list[Field] = []
    base: Field | None = None
    api: Field | None = None
    if found is not None:
        config, path, entry, block_path = found
        document = config.document
        key = "base_url" if config.dialect == "plano" else "baseUrl"
        if isinstance(entry.get(key), str):
            base = Field("base_url", entry[key], str(_loc(document, path + (key,))), _loc(document, path + (key,)))
        elif block_path is not None and isinstance(document.get(block_path + ("baseUrl",)), str):
            location = _loc(document, block_path + ("baseUrl",))
            base = Field("base_url", document.get(block_path + ("baseUrl",)), str(location), location)
        api_key_name = "provider_interface" if config.dialect == "plano" else "api"
        if isinstance(entry.get(api_key_name), str):
            location = _loc(document, path + (api_key_name,))
            api = Field("api", entry[api_key_name], str(location), location)
        elif block_path is not None and isinstance(document.get(block_path + ("api",)), str):
            location = _loc(document, block_path + ("api",))
            api = Field("api", document.get(block_path + ("api",)), str(location), location)
    if base is None and provider.base_url:
        base = Field("base_url", _fill(provider.base_url, provider, env), "profile")
    if base is None and provider.catalog_provider and not provider.needs_base_url:
        from modelconf.catalog import load_catalog

        facts = load_catalog().providers.get(provider.catalog_provider)
        if facts is not None and facts.base_url:
            base = Field("base_url", facts.base_url, _catalog_source(provider))
    if api is None and provider.api:
        api = Field("api", provider.api, "profile")
    if base is not None:
        out.append(base)
    if api is not None:
        out.append(api)
    if profile.target == "plano" and base is not None and model_id is not None and profile.provider(provider.id) is not None:
        from urllib.parse import urlparse

        from modelconf.catalog._rules import plano_upstream_path

        custom = urlparse(str(base.value)).path if base.source != "profile" else None
        path_text = plano_upstream_path(provider.id, model_id, base_url_path=custom)
        parsed = urlparse(str(base.value))
        url = f"{parsed.scheme}://{parsed.netloc}{path_text}" if parsed.scheme else str(base.value) + path_text
        out.append(Field("url", url, "Plano's upstream path rules"))
    return tuple(out)


def _fill(template: str, provider: TargetProvider, env: Mapping[str, str]) -> str:
    """Fill `{VAR}` from non-secret setting variables the provider reads (account ids, region)."""
    settings = {s.name for s in provider.settings_env}
    region = (provider.cloud or {}).get("region") or []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "region":
            for candidate in region:
                value = env.get(candidate) if candidate.isupper() else candidate
                if value:
                    return value
            return match.group(0)
        value = env.get(name) if name in settings else None
        return value if value and not looks_like_secret(value) else match.group(0)

    return _TEMPLATE.sub(replace, template)


def split_model_ref(ref: str) -> tuple[str, str | None]:
    """`provider/model` split on the first `/` (model ids may contain `/`)."""
    provider, slash, model = ref.partition("/")
    return provider, (model if slash and model else None)


def resolve_alias(target: str, ref: str, configs: Sequence[ConfigFile]) -> tuple[str, Location] | None:
    """A model alias the target resolves: Plano `model_aliases`, OpenClaw `agents.defaults.models.*.alias`."""
    for config in configs:
        document = config.document
        if target == "plano" and config.dialect == "plano":
            aliases = document.get(("model_aliases",))
            if isinstance(aliases, dict) and isinstance(aliases.get(ref), dict) and isinstance(aliases[ref].get("target"), str):
                target_ref = aliases[ref]["target"]
                if "/" not in target_ref:  # a bare id names a non-wildcard entry's model
                    for _, entry, _path in plano_entries(document):
                        model = entry.get("model")
                        if isinstance(model, str) and model.split("/", 1)[-1] == target_ref:
                            target_ref = model
                            break
                return target_ref, _loc(document, ("model_aliases", ref))
        if target == "openclaw" and config.dialect == "openclaw":
            models = document.get(("agents", "defaults", "models"))
            if isinstance(models, dict):
                for key, entry in models.items():
                    if isinstance(entry, dict) and isinstance(entry.get("alias"), str) and entry["alias"].lower() == ref.lower():
                        return key, _loc(document, ("agents", "defaults", "models", key, "alias"))
    return None
