"""The `pi` dialect: pi's `~/.pi/agent/models.json` (pi-mono v0.58.3).

pi parses the file with `JSON.parse` (strict JSON), checks it against its TypeBox schema (Ajv,
first error only) and then runs `validateConfig()`, which throws on the first problem. Any error
discards the whole file: every custom provider and override is ignored and only the built-in
models remain. modelconf reports every problem at once and ends each such message with
"pi ignores every custom provider in this file while this error is present".

Decisions where pi is silent or odd (documented in docs/design/dialects.md):

- unknown keys: pi accepts them silently (no `additionalProperties: false` anywhere), so they
  are warnings (S003) with a "did you mean";
- `api`: pi accepts any non-empty string and fails only at request time, so an unknown value is a
  warning (C104), not a schema error;
- `compat`: pi's schema is a union whose empty OpenAI-Responses branch matches any object, so pi
  never checks compat values; modelconf reports wrong values as warnings and says so.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any, ClassVar

from modelconf.diagnostics import Diagnostic, Severity
from modelconf.dialects import Dialect
from modelconf.dialects._common import (
    Reporter,
    add_consequence,
    closest,
    collect_secrets,
    is_number,
    models,
    providers,
    quote,
    rewrite,
)
from modelconf.document import Document, PathT

# Detection heuristics: `api` values only pi's files use (zot also accepts openai-completions,
# openai-responses and anthropic-messages).
_PI_ONLY_APIS = frozenset(
    {
        "mistral-conversations", "azure-openai-responses", "openai-codex-responses", "bedrock-converse-stream",
        "google-generative-ai", "google-gemini-cli", "google-vertex",
    }
)

_COMPAT_NOTE = (
    "pi does not check `compat` (its schema's empty OpenAI-Responses form accepts any object), "
    "so this value reaches the request code as written"
)
_COST_HINT = "once `cost` is present pi needs all four of `input`, `output`, `cacheRead` and `cacheWrite`; use 0 for unknown prices"

# Keys whose presence marks a file as pi's (zot has none of them).
_PI_PROVIDER_KEYS = ("apiKey", "modelOverrides", "compat", "authHeader", "headers")
_PI_MODEL_KEYS = ("cost", "compat", "headers")


class PiDialect(Dialect):
    name: ClassVar[str] = "pi"
    title: ClassVar[str] = "pi models.json"
    program: ClassVar[str] = "pi"
    target: ClassVar[str] = "pi"
    syntax: ClassVar[str] = "json"
    schema: ClassVar[str | None] = "pi-models"
    file_names: ClassVar[tuple[str, ...]] = ("models.json",)
    path_patterns: ClassVar[tuple[str, ...]] = (r"(^|/)\.pi/agent/models\.json$",)
    syntax_note: ClassVar[str] = (
        "pi v0.58.3 then ignores every custom provider in this file "
        "(later pi versions accept comments and trailing commas, PR #4162)"
    )
    # The schema the file is validated with (the agent-dir dialect shares pi's).
    validation_schema: ClassVar[str] = "pi-models"
    # Added to the hint of every error: where the user should fix it.
    fix_note: ClassVar[str] = ""

    @property
    def file_globs(self) -> tuple[str, ...]:
        # pi, zot and OpenClaw/Mayros all name their file models.json, so editors must match the
        # directory: `**/models.json` would put every models.json under this schema.
        return ("**/.pi/agent/models.json",)

    def sniff(self, value: Any) -> float:
        return sniff_pi(value)

    def check(self, document: Document) -> list[Diagnostic]:
        from modelconf.schema import validate

        found = validate(document, self.validation_schema, program=self.program)
        found = rewrite(found, document, _explain_schema)
        found.extend(load_checks(document))
        if self.fix_note:
            found = [_with_fix_note(d, self.fix_note) for d in found]
        return found


@functools.cache
def _pi_facts() -> tuple[tuple[str, ...], dict[str, tuple[str | None, str | None]]]:
    """pi's registered APIs, and its built-in providers at v0.58.3 -> (API, API-key env var).

    From the target profile (catalog/targets/pi.json), which also lists providers of later pi
    versions, marked with `since`; those are not built in at the version modelconf models.
    """
    from modelconf.catalog._profiles import load_profile  # typed; `modelconf.catalog` exposes it lazily

    profile = load_profile("pi")
    providers = {
        provider_id: (provider.api, provider.api_key_env[0] if provider.api_key_env else None)
        for provider_id, provider in profile.providers.items()
        if provider.since is None
    }
    return profile.api.values, providers


def sniff_pi(value: Any) -> float:
    """0.4 for the `{"providers": {...}}` shape, more for each key or API only pi uses."""
    if not isinstance(value, dict):
        return 0.02  # a models.json that is not an object: pi's is the likeliest reader
    if "providers" not in value:
        return 0.02 if not value else 0.0
    if not isinstance(value["providers"], dict):
        return 0.3
    markers: set[str] = set()
    for _, block, path in providers(value):
        markers.update(key for key in _PI_PROVIDER_KEYS if key in block)
        if _is_pi_only_api(block.get("api")):
            markers.add("api")
        for _, entry, _ in models(block, path):
            if isinstance(entry, dict):
                markers.update("model." + key for key in _PI_MODEL_KEYS if key in entry)
                if _is_pi_only_api(entry.get("api")):
                    markers.add("api")
    return 0.4 + 0.2 * min(len(markers), 3)


def _is_pi_only_api(value: Any) -> bool:
    return isinstance(value, str) and value in _PI_ONLY_APIS


def _explain_schema(diagnostic: Diagnostic, path: PathT) -> Diagnostic:
    """Add pi's consequence to a schema finding."""
    if _inside_compat(path) and diagnostic.severity is not Severity.ERROR and diagnostic.code != "S003":
        return replace(diagnostic, message=f"{diagnostic.message}; {_COMPAT_NOTE}")
    if diagnostic.code == "S004" and path and path[-1] == "cost":
        diagnostic = replace(diagnostic, hint=_COST_HINT)
    from modelconf.rules.pi import DISCARDS_FILE

    return add_consequence(diagnostic, DISCARDS_FILE)


def _inside_compat(path: PathT) -> bool:
    """True for a path strictly inside a provider's, model's or override's `compat` object."""
    if len(path) < 4 or path[0] != "providers":
        return False
    if path[2] == "compat":
        return True
    return len(path) > 5 and path[2] in ("models", "modelOverrides") and path[4] == "compat"


def _with_fix_note(diagnostic: Diagnostic, note: str) -> Diagnostic:
    if diagnostic.severity is not Severity.ERROR:
        return diagnostic
    hint = f"{diagnostic.hint}; {note}" if diagnostic.hint else note
    return replace(diagnostic, hint=hint)


def _truthy(value: Any) -> bool:
    """JavaScript truthiness, which `validateConfig()` uses (`!providerConfig.baseUrl`)."""
    return value not in (None, False, "") and not (is_number(value) and value == 0)


def load_checks(document: Document) -> list[Diagnostic]:
    """pi's `validateConfig()` and the request-time traps behind it, one finding per problem."""
    from modelconf.rules import pi as rules

    report = Reporter(document)
    known_providers = _pi_facts()[1]
    for name, block, ppath in providers(document.value):
        entries: list[Any] = block["models"] if isinstance(block.get("models"), list) else []
        overrides = block.get("modelOverrides")
        has_overrides = isinstance(overrides, dict) and len(overrides) > 0
        built_in = known_providers.get(name)
        _collect_provider_secrets(document, block)

        if not entries:
            if not _truthy(block.get("baseUrl")) and "compat" not in block and not has_overrides:
                present = sorted(k for k in block if k in ("headers", "apiKey", "api", "authHeader", "models", "modelOverrides"))
                what = f"it sets only {', '.join(f'`{k}`' for k in present)}" if present else "it is empty"
                report(
                    rules.PROVIDER_WITHOUT_EFFECT,
                    ppath,
                    f'Provider {name}: must specify "baseUrl", "compat", "modelOverrides", or "models". '
                    f"{what[0].upper() + what[1:]}; {rules.DISCARDS_FILE}",
                    key=True,
                    hint="add what the entry should change (a `baseUrl`, `compat` or `modelOverrides`), or remove the entry",
                )
            elif built_in is not None and _truthy(block.get("api")):
                report(
                    rules.API_IGNORED_FOR_BUILT_IN,
                    ppath + ("api",),
                    f"`api` on the built-in provider {quote(name)} has no effect: pi ignores an override `api` for built-in models "
                    "and uses it only for custom models listed under `models`",
                    key=True,
                    hint="remove `api`",
                )
        else:
            if "baseUrl" not in block:
                report(
                    rules.MISSING_BASE_URL,
                    ppath,
                    f'Provider {name}: "baseUrl" is required when defining custom models. '
                    + (_BUILT_IN_NOTE.format(name=quote(name)) if built_in is not None else "")
                    + rules.DISCARDS_FILE,
                    key=True,
                    hint=f"add \"baseUrl\" to {quote(name)}: the endpoint its models are served from",
                )
            if "apiKey" not in block:
                report(
                    rules.MISSING_API_KEY,
                    ppath,
                    f'Provider {name}: "apiKey" is required when defining custom models. '
                    + (_BUILT_IN_KEY_NOTE.format(name=quote(name)) if built_in is not None else "")
                    + rules.DISCARDS_FILE,
                    key=True,
                    hint=_api_key_hint(name, built_in),
                )

        provider_api = block.get("api")
        _check_api(report, rules, provider_api, ppath + ("api",))
        for _, entry, mpath in models(block, ppath):
            if not isinstance(entry, dict):
                continue
            model_id = entry.get("id") if isinstance(entry.get("id"), str) else "undefined"
            if not _truthy(provider_api) and not _truthy(entry.get("api")):
                suggestion = built_in[0] if built_in is not None and built_in[0] else "openai-completions"
                report(
                    rules.MISSING_API,
                    mpath,
                    f'Provider {name}, model {model_id}: no "api" specified. Set at provider or model level. '
                    + (_BUILT_IN_API_NOTE if built_in is not None else "")
                    + rules.DISCARDS_FILE,
                    hint=f'add "api": "{suggestion}" to the provider (or to this model)',
                )
            _check_api(report, rules, entry.get("api"), mpath + ("api",))
            for field in ("contextWindow", "maxTokens"):
                value = entry.get(field)
                if is_number(value) and value <= 0:
                    report(
                        rules.INVALID_LIMIT,
                        mpath + (field,),
                        f"Provider {name}, model {model_id}: invalid {field}. It must be greater than 0, not {value}; {rules.DISCARDS_FILE}",
                        hint=f"set {field} to the model's real limit in tokens, or remove it to use pi's default",
                    )
        if isinstance(overrides, dict):
            for model_id, override in overrides.items():
                if not isinstance(override, dict):
                    continue
                for field in ("contextWindow", "maxTokens"):
                    value = override.get(field)
                    if is_number(value) and value <= 0:
                        report(
                            rules.INVALID_LIMIT,
                            ppath + ("modelOverrides", model_id, field),
                            f"`{field}` {value} in the override of {quote(model_id)} is not greater than 0; pi does not check "
                            "modelOverrides and applies it to the built-in model as written",
                            hint=f"set {field} to the model's real limit in tokens, or remove it to keep the built-in value",
                            severity=Severity.WARNING,
                        )
        if built_in is None and isinstance(block.get("models", []), list):
            _check_without_target(report, rules, name, block, entries, has_overrides, ppath)
    return report.out


_BUILT_IN_NOTE = (
    "pi v0.58.3 requires it even under the built-in id {name} (later versions inherit the built-in URL, PR #3072); "
)
_BUILT_IN_KEY_NOTE = (
    "pi v0.58.3 requires it even for the built-in provider {name} when its key is already in auth.json or the "
    "environment (pi issues #2955, #3043); "
)
_BUILT_IN_API_NOTE = "pi v0.58.3 requires it even under a built-in provider id (later versions inherit it, PR #3072); "


def _check_without_target(
    report: Reporter, rules: Any, name: str, block: dict[str, Any], entries: list[Any], has_overrides: bool, ppath: PathT
) -> None:
    """C108: overrides under an id with no built-in models (C106 already covers entries that override nothing)."""
    if not entries and (_truthy(block.get("baseUrl")) or "compat" in block or has_overrides):
        report(
            rules.OVERRIDE_WITHOUT_TARGET,
            ppath,
            f"{quote(name)} is not one of pi's built-in providers and defines no models, so this entry changes nothing: "
            "pi applies baseUrl, headers, compat and modelOverrides only to its built-in providers' models",
            key=True,
            hint='list the provider\'s models under "models" (with "apiKey" and "api"), or use a built-in provider id',
        )
    elif entries and has_overrides:
        report(
            rules.OVERRIDE_WITHOUT_TARGET,
            ppath + ("modelOverrides",),
            f"`modelOverrides` on {quote(name)} changes nothing: pi applies overrides only to its built-in providers' models, "
            f"and {quote(name)} is not a built-in provider",
            key=True,
            hint="change custom models in their own `models` entries",
        )


def _api_key_hint(name: str, built_in: tuple[str | None, str | None] | None) -> str:
    env = built_in[1] if built_in is not None and built_in[1] else name.upper().replace("-", "_") + "_API_KEY"
    return (
        f'add "apiKey": the name of the environment variable holding the key (e.g. "{env}"), "!command" to run, '
        'or a placeholder such as "none" for a server that needs no key'
    )


def _check_api(report: Reporter, rules: Any, value: Any, path: PathT) -> None:
    """C104: an `api` pi accepts but cannot send requests with."""
    apis = _pi_facts()[0]
    if not isinstance(value, str) or not value or value in apis:
        return
    guess = closest(value, apis)
    report(
        rules.UNKNOWN_API,
        path,
        f"api {quote(value)} is not an API pi registers: pi loads the file, but requests to these models fail with "
        f'"No API provider registered for api: {value}" (unless an extension registers it)',
        hint=f'did you mean "{guess}"?' if guess else f"pi registers: {', '.join(apis)}",
    )


def _collect_provider_secrets(document: Document, block: dict[str, Any]) -> None:
    values: list[Any] = [block.get("apiKey")]
    blocks: list[Any] = [block]
    if isinstance(block.get("models"), list):
        blocks.extend(entry for entry in block["models"] if isinstance(entry, dict))
    if isinstance(block.get("modelOverrides"), dict):
        blocks.extend(entry for entry in block["modelOverrides"].values() if isinstance(entry, dict))
    for holder in blocks:
        headers = holder.get("headers")
        if isinstance(headers, dict):
            values.extend(headers.values())
    collect_secrets(document, values)


DIALECT = PiDialect()
