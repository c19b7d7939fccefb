"""The `zot` dialect: zot's `$ZOT_HOME/models.json` (zot e455c593, with fields from 37c79457).

zot decodes the file with Go's `encoding/json`: unknown keys are ignored, keys match struct
fields case-insensitively, `null` leaves a field at its default, and a value of the wrong type
fails the whole decode (`models.json: parse error: ... (file ignored)`). Then
`LoadUserModelsWithWarnings` walks the providers and prints a warning for every entry it skips,
renames, clamps or falls back on, and carries on. modelconf mirrors that: decode failures are
errors, everything zot only warns about is a warning.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, ClassVar, Final

from modelconf.diagnostics import Diagnostic
from modelconf.dialects import Dialect
from modelconf.dialects._common import (
    Reporter,
    add_consequence,
    closest,
    collect_secrets,
    diagnostic_at,
    quote,
    rewrite,
    source_text,
)
from modelconf.document import Document, PathT, dotted

# How zot's loader reads model entries (packages/provider/reasoning.go and usermodels.go at
# 37c79457): format facts of models.json, like the schema, not facts of the target profile.
ZOT_FORMAT: Final[dict[str, Any]] = {
    # `NormalizeReasoning`: spellings -> level ("" means off); `reasoningLevelOrder` ranks.
    "reasoning_spellings": {
        "": "", "off": "", "none": "", "no": "", "false": "", "disabled": "",
        "min": "minimum", "minimal": "minimum", "minimum": "minimum", "low": "low", "med": "medium",
        "medium": "medium", "hi": "high", "high": "high", "xhigh": "xhigh", "maximum": "xhigh", "max": "max",
    },
    "reasoning_levels": ("minimum", "low", "medium", "high", "xhigh", "max"),
    # Non-chat model types and the `api` values each accepts.
    "nonchat_apis": {
        "image": ("openrouter-images",),
        "classifier": ("typesafe-system-one", "llama-cpp-classify", "cloudflare-workers-ai-system-one"),
    },
}


@functools.cache
def _profile() -> Any:
    """zot's target profile: built-in ids, `--provider` aliases, key renames, the `api` vocabulary."""
    from modelconf.catalog._profiles import load_profile  # typed; `modelconf.catalog` exposes it lazily

    return load_profile("zot")


def _renames() -> Mapping[str, str]:
    """Provider keys `LoadUserModelsWithWarnings` renames first (exact, case-sensitive match)."""
    renames: Mapping[str, str] = _profile().raw["provider_ids"]["config_key_aliases"]
    return renames


def _known_api(value: str) -> bool:
    """Whether zot accepts a provider-level `api` (lower-cased and trimmed) without falling back."""
    vocabulary = _profile().api
    text = value.strip().lower()
    return text in vocabulary.values or text in vocabulary.aliases


def _wire(value: str) -> str:
    """The wire format an `api` value selects ("" is the default, openai)."""
    vocabulary = _profile().api
    return str(vocabulary.resolve(value)) if _known_api(value) or not value.strip() else value


# The fields of each object in zot's Go structs (usermodels.go), for case-insensitive matching.
# tests/test_dialect_zot.py checks these against schemas/zot-models.schema.json.
KNOWN_KEYS: Final[dict[str, frozenset[str]]] = {
    "root": frozenset({"$schema", "$comment", "providers"}),
    "provider": frozenset({"baseUrl", "api", "auth", "discover", "models"}),
    "model": frozenset(
        {
            "id", "type", "output", "name", "reasoning", "reasoningLevelMap", "contextWindow", "maxTokens",
            "priceInput", "priceOutput", "priceCacheRead", "priceCacheWrite", "baseUrl", "input", "api", "compat",
        }
    ),
    "compat": frozenset({"supportsOpenAIGrammarTools"}),
}
# Keys people bring from pi's format; zot has no credential fields.
_CREDENTIAL_KEYS = frozenset({"apiKey", "api_key", "apikey", "headers", "authHeader", "token", "key"})
_ZOT_ONLY_APIS = frozenset({"openai", "anthropic", "chat", "messages", "responses", "openai-chat"})
_ZOT_MODEL_KEYS = ("priceInput", "priceOutput", "priceCacheRead", "priceCacheWrite", "reasoningLevelMap", "type", "output")


class ZotDialect(Dialect):
    name: ClassVar[str] = "zot"
    title: ClassVar[str] = "zot models.json"
    program: ClassVar[str] = "zot"
    target: ClassVar[str] = "zot"
    syntax: ClassVar[str] = "json"
    schema: ClassVar[str | None] = "zot-models"
    file_names: ClassVar[tuple[str, ...]] = ("models.json",)
    # $ZOT_HOME defaults: $XDG_STATE_HOME/zot, ~/.local/state/zot, ~/Library/Application Support/zot,
    # %LOCALAPPDATA%\zot, and `.zot` as the last resort.
    path_patterns: ClassVar[tuple[str, ...]] = (r"(^|/)zot/models\.json$", r"(^|/)\.zot/models\.json$")
    syntax_note: ClassVar[str] = "zot then prints `models.json: parse error: ... (file ignored)` and ignores the whole file"

    @property
    def file_globs(self) -> tuple[str, ...]:
        # pi, zot and OpenClaw/Mayros all name their file models.json, so editors must match the
        # directory: `**/models.json` would put every models.json under this schema.
        return ("**/zot/models.json", "**/.zot/models.json")

    def sniff(self, value: Any) -> float:
        return sniff_zot(value)

    def check(self, document: Document) -> list[Diagnostic]:
        from modelconf.schema import validate

        found = validate(document, "zot-models", program=self.program)
        found = rewrite(found, document, lambda d, path: _explain_schema(document, d, path))
        found.extend(load_checks(document))
        return found


def sniff_zot(value: Any) -> float:
    """Just under pi for the bare `{"providers": {...}}` shape, more for each key or API only zot uses."""
    if not isinstance(value, dict):
        return 0.01
    if "providers" not in value:
        return 0.01 if not value else 0.0
    holder = value["providers"]
    if not isinstance(holder, dict):
        return 0.29
    markers: set[str] = set()
    for block in holder.values():
        if not isinstance(block, dict):
            continue
        markers.update(key for key in ("discover", "auth") if key in block)
        if isinstance(block.get("api"), str) and block["api"].strip().lower() in _ZOT_ONLY_APIS:
            markers.add("api")
        entries = block.get("models")
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                markers.update(key if not key.startswith("price") else "price" for key in _ZOT_MODEL_KEYS if key in entry)
    return 0.39 + 0.2 * min(len(markers), 3)


def _object_kind(path: PathT) -> str | None:
    """Which Go struct the object at `path` decodes into."""
    if path == ():
        return "root"
    if len(path) == 2 and path[0] == "providers":
        return "provider"
    if len(path) == 4 and path[0] == "providers" and path[2] == "models":
        return "model"
    if len(path) == 5 and path[0] == "providers" and path[2] == "models" and path[4] == "compat":
        return "compat"
    return None


def _explain_schema(document: Document, diagnostic: Diagnostic, path: PathT) -> Diagnostic | None:
    from modelconf.rules import zot as rules

    value = document.get(path)
    if diagnostic.code == "S001" and value is None and document.has(path):
        if len(path) == 4 and path[2] == "models":
            return None  # a null model entry decodes to an entry with an empty id: C202 reports it
        where = "the file" if not path else f"`{dotted(path)}`"
        effect = "reads it as an empty file with no providers" if not path else "treats it as absent and keeps the default"
        return diagnostic_at(
            document,
            rules.NULL_VALUE,
            path,
            f"{where} is null; zot {effect} (Go's decoder ignores null)",
            hint="remove the key or give it a value" if path else "write {\"providers\": {...}}",
        )
    if diagnostic.code == "S003" and path:
        key = path[-1]
        holder = _object_kind(path[:-1])
        if isinstance(key, str) and holder is not None:
            if key in _CREDENTIAL_KEYS and holder in ("provider", "model"):
                return _credential_field(document, key, path)
            spelled = next((k for k in KNOWN_KEYS[holder] if k.lower() == key.lower()), None)
            if spelled is not None:
                return diagnostic_at(
                    document,
                    rules.KEY_CASE,
                    path,
                    f"zot reads `{key}` as `{spelled}` (Go's decoder matches keys case-insensitively); other programs do not",
                    key=True,
                    hint=f"write `{spelled}`",
                )
    return add_consequence(diagnostic, rules.FILE_IGNORED)


def _credential_field(document: Document, key: str, path: PathT) -> Diagnostic:
    from modelconf.catalog._rules import zot_env_var
    from modelconf.rules import zot as rules

    provider = str(path[1])
    value = document.get(path)
    if key == "headers" and isinstance(value, dict):
        collect_secrets(document, list(value.values()))
    else:
        collect_secrets(document, [value])
    return diagnostic_at(
        document,
        rules.CREDENTIAL_FIELD,
        path,
        f"zot has no `{key}` field and ignores it: its models.json never holds credentials",
        key=True,
        hint=f"remove `{key}`; zot reads the key for {quote(provider)} from {zot_env_var(provider)}, --api-key or /login",
    )


class _Decoded:
    """An object as Go's decoder sees it: keys matched to struct fields case-insensitively, last one wins."""

    __slots__ = ("_values", "_keys")

    def __init__(self, obj: dict[str, Any], kind: str) -> None:
        fields = {name.lower(): name for name in KNOWN_KEYS[kind]}
        self._values: dict[str, Any] = {}
        self._keys: dict[str, str] = {}
        for key, value in obj.items():
            name = fields.get(key.lower()) if key not in KNOWN_KEYS[kind] else key
            if name is not None:
                self._values[name] = value
                self._keys[name] = key

    def get(self, name: str) -> Any:
        return self._values.get(name)

    def text(self, name: str) -> str:
        value = self._values.get(name)
        return value if isinstance(value, str) else ""

    def has(self, name: str) -> bool:
        return name in self._values

    def key(self, name: str) -> str:
        """The key as written in the file (for positions)."""
        return self._keys.get(name, name)


def load_checks(document: Document) -> list[Diagnostic]:
    """What `LoadUserModelsWithWarnings` warns about, plus Go decoding details the schema cannot see."""
    from modelconf.rules import zot as rules

    report = Reporter(document)
    if not isinstance(document.value, dict):
        return report.out
    root = _Decoded(document.value, "root")
    holder: Any = root.get("providers")
    if not isinstance(holder, dict):
        return report.out
    renames = _renames()
    key: str
    for key, block in holder.items():
        ppath: PathT = (root.key("providers"), key)
        if key == "":
            report(rules.EMPTY_PROVIDER_KEY, ppath, "models.json: empty provider key skipped", key=True, hint="give the provider a name")
            continue
        name: str = renames.get(key, key)
        if name != key:
            also = f"; this file also has {quote(name)}, and which block's baseUrl/api wins depends on Go's map order" if name in holder else ""
            report(
                rules.RENAMED_PROVIDER,
                ppath,
                f"zot renames provider {quote(key)} to {quote(name)}: its models are listed under {quote(name)}{also}",
                key=True,
                hint=f"use {quote(name)} as the key",
            )
        if not isinstance(block, dict):
            continue
        provider = _Decoded(block, "provider")
        entries = provider.get("models") if isinstance(provider.get("models"), list) else []
        decoded = [_Decoded(entry, "model") if isinstance(entry, dict) else None for entry in entries]
        _check_provider(report, rules, key, name, provider, decoded, ppath)
        for index, (entry, model) in enumerate(zip(entries, decoded, strict=True)):
            mpath = ppath + (provider.key("models"), index)
            # Go decodes a missing id, "id": null and a null entry all to "" (index counts from 0).
            if entry is None or (model is not None and model.get("id") in (None, "")):
                report(
                    rules.EMPTY_MODEL_ID,
                    mpath,
                    f"models.json: provider {quote(key)} entry #{index} has empty id; skipped",
                    hint='give the model an "id"',
                )
            elif model is not None and isinstance(model.get("id"), str):
                _check_model(report, rules, name, provider, model, mpath)
    return report.out


def _check_provider(
    report: Reporter, rules: Any, key: str, name: str, provider: _Decoded, models_: list[_Decoded | None], ppath: PathT
) -> None:
    base, api, auth = provider.text("baseUrl"), provider.text("api"), provider.text("auth")
    model_base = any(model is not None and model.text("baseUrl") for model in models_)
    registered = bool(base or api or model_base)

    if provider.get("discover") is True and not base.strip():
        report(
            rules.DISCOVER_WITHOUT_BASE_URL,
            ppath + (provider.key("discover"),),
            f"models.json: provider {quote(key)} sets discover without a provider-level baseUrl; discovery disabled",
            key=True,
            hint="add a provider-level baseUrl to list models from",
        )
    if auth and not base and not model_base:
        report(
            rules.AUTH_IGNORED,
            ppath + (provider.key("auth"),),
            f"models.json: provider {quote(key)} sets auth without a baseUrl; ignored",
            key=True,
            hint="`auth` applies only to a provider with a baseUrl",
        )
    elif registered and auth.strip().lower() not in ("", "none"):
        report(
            rules.AUTH_IGNORED,
            ppath + (provider.key("auth"),),
            f"models.json: provider {quote(key)} has unknown auth {quote(auth)}; using credentials when available",
            hint='the only value is "none" (send no credentials)',
        )
    if api and not _known_api(api):
        vocabulary = _profile().api
        guess = closest(api.strip(), [*vocabulary.values, *vocabulary.aliases])
        report(
            rules.UNKNOWN_API,
            ppath + (provider.key("api"),),
            f"models.json: provider {quote(key)} has unknown api {quote(api)}; defaulting to openai",
            hint=f'did you mean "{guess}"?' if guess else 'use "openai", "openai-responses" or "anthropic"',
        )
    if not registered and name not in _profile().providers and models_:
        report(
            rules.PROVIDER_NOT_REGISTERED,
            ppath,
            f"{quote(key)} is not a built-in zot provider and sets no baseUrl or api, so zot does not register it: "
            "its models are listed, but selecting the provider falls back to another one",
            key=True,
            hint='add "baseUrl" (and "api") to the provider',
        )
    # `canonicalProvider`: what a `--provider` value (or config.json `provider`) turns into.
    lowered = name.strip().lower()
    target = _profile().normalize_provider_id(name)
    if (models_ or registered) and target != name:
        if lowered != name:
            why = f"zot trims and lower-cases the --provider value, so it looks for {quote(target)}"
        else:
            why = f"zot resolves the alias `--provider {lowered}` to {quote(target)}"
        report(
            rules.UNSELECTABLE_PROVIDER,
            ppath,
            f"--provider can never select {quote(name)}: {why}",
            key=True,
            hint=f"rename the provider to a lower-case name that is not a zot alias, e.g. {quote(_suggest_name(lowered))}",
        )


def _suggest_name(lowered: str) -> str:
    candidate = "-".join(lowered.split())
    return candidate if candidate not in _profile().provider_aliases else f"my-{candidate}"


def _check_model(report: Reporter, rules: Any, provider_name: str, provider: _Decoded, model: _Decoded, mpath: PathT) -> None:
    from modelconf.rules import schema as schema_rules

    ref = f"{provider_name}/{model.get('id')}"
    for field in ("contextWindow", "maxTokens"):
        value = model.get(field)
        path = mpath + (model.key(field),)
        if isinstance(value, float) and value.is_integer():
            # Python reads 128000.0 and 1e5 as floats; Go cannot decode them into an int field.
            report(
                schema_rules.WRONG_TYPE,
                path,
                f"`{dotted(path)}` must be a whole number written without a decimal point or exponent, "
                f"not {source_text(report.document, path)}; {rules.FILE_IGNORED}",
                hint=f"write {int(value)}",
            )
        elif isinstance(value, int) and not isinstance(value, bool) and value < 0:
            report(
                rules.NEGATIVE_LIMIT,
                path,
                f"models.json: {ref} has negative contextWindow/maxTokens; clamped to 0 ({field} is {value})",
                hint=f"set {field} to the model's real limit in tokens",
            )
    _check_levels(report, rules, ref, model, mpath)
    model_type = model.text("type")
    nonchat: dict[str, tuple[str, ...]] = ZOT_FORMAT["nonchat_apis"]
    if model_type in nonchat:
        api = model.text("api") or provider.text("api")
        if api not in nonchat[model_type]:
            report(
                rules.MODEL_SKIPPED,
                mpath + ((model.key("api"),) if model.has("api") else (model.key("type"),)),
                f"models.json: {ref} has an unsupported non-chat api, skipped",
                hint=f"a {model_type} model needs api {' or '.join(quote(a) for a in nonchat[model_type])}",
            )
    elif model_type not in ("", "chat"):
        report(
            rules.MODEL_SKIPPED,
            mpath + (model.key("type"),),
            f"models.json: {ref} has an unknown model type, skipped",
            hint='use "chat" (the default), "classifier" or "image"',
        )
    elif model.text("api"):
        own, provider_api = model.text("api"), provider.text("api")
        if _wire(own) != _wire(provider_api):
            report(
                rules.MODEL_API_INFORMATIONAL,
                mpath + (model.key("api"),),
                f"zot ignores this model's api {quote(own)} for the wire format and uses the provider's "
                f"({quote(provider_api) if provider_api else 'openai by default'})",
                hint="set `api` on the provider; models with different wire formats need separate providers",
            )


def _check_levels(report: Reporter, rules: Any, ref: str, model: _Decoded, mpath: PathT) -> None:
    level_map = model.get("reasoningLevelMap")
    if not isinstance(level_map, dict):
        return
    map_path = mpath + (model.key("reasoningLevelMap"),)
    spellings: dict[str, str] = ZOT_FORMAT["reasoning_spellings"]
    levels: tuple[str, ...] = ZOT_FORMAT["reasoning_levels"]

    def normalize(level: str) -> str:
        text = level.strip().lower()
        return spellings.get(text, text)

    kept = 0
    for raw_level, raw_target in level_map.items():
        if not isinstance(raw_target, str):
            continue  # a decode error; the schema reports it
        level = normalize(raw_level)
        if level not in levels:
            guess = closest(raw_level, levels)
            report(
                rules.REASONING_LEVEL_MAP,
                map_path + (raw_level,),
                f"models.json: {ref} reasoningLevelMap has unknown level {quote(raw_level)}; entry ignored",
                key=True,
                hint=f'did you mean "{guess}"?' if guess else f"levels: {', '.join(levels)}",
            )
            continue
        target = normalize(raw_target)
        if target and target not in levels:
            guess = closest(raw_target, levels)
            report(
                rules.REASONING_LEVEL_MAP,
                map_path + (raw_level,),
                f"models.json: {ref} reasoningLevelMap has unknown target {quote(raw_target)}; entry ignored",
                hint=f'did you mean "{guess}"?' if guess else f'levels: {", ".join(levels)}, or "" to remove the level',
            )
            continue
        kept += 1  # a valid mapping or a removal ("" / "off")
    if kept and model.get("reasoning") is not True:
        report(
            rules.REASONING_LEVEL_MAP,
            map_path,
            f"models.json: {ref} reasoningLevelMap ignored because reasoning is false",
            key=True,
            hint='set "reasoning": true, or remove the map',
        )


DIALECT = ZotDialect()
