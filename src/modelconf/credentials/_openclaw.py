"""OpenClaw/Mayros' credential walk and key rotation (reference/openclaw.md).

`resolveApiKeyForProvider`: an explicit auth profile; `models.providers.<p>.auth: "aws-sdk"`
(the AWS chain); the auth profiles in `resolveAuthProfileOrder` order; `resolveEnvApiKey`; the
config's `apiKey` after `${VAR}` substitution; for amazon-bedrock the AWS SDK default chain.

A `${VAR}` that is missing or empty anywhere in the config raises `MissingEnvVarError` and
`loadConfig()` returns `{}`: every config-side step then has nothing to read.

Key rotation (`collectProviderApiKeys`, used for media understanding and Gemini embeddings):
the live variable alone if set; else the list variable split on `[\\s,;]+`, the primary, every
variable with the prefix (environment order), the fallbacks; duplicates dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from modelconf.credentials import _forms
from modelconf.credentials._common import cloud_steps, describe_value, env_step, evaluate
from modelconf.credentials._config import ConfigFile
from modelconf.credentials._draft import Draft
from modelconf.credentials._files import AuthFile
from modelconf.credentials._types import (
    EMPTY,
    INVALID,
    MISSING,
    NOT_REACHED,
    PRESENT,
    SET,
    UNSET,
    Inputs,
    Location,
    Secret,
    Step,
)
from modelconf.document import Document, PathT, dotted, pointer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile, TargetProvider
    from modelconf.catalog._rules import RotationNames

# `apiKey` placeholders resolveApiKeyForProvider ignores (reference/openclaw.md, step 5).
_PLACEHOLDERS = ("minimax-oauth", "qwen-oauth")
# Auth-profile types, best first (resolveAuthProfileOrder without an explicit order).
_TYPE_RANK = {"oauth": 0, "token": 1, "api_key": 2}


# -- the config -------------------------------------------------------------------------------


def config_document(inputs: Inputs) -> Document | None:
    """The JSON5 config among the inputs (the first one read as `openclaw`)."""
    for config in inputs.configs:
        if isinstance(config, ConfigFile) and config.dialect == "openclaw":
            return config.document
    return None


def provider_block(document: Document, provider_id: str) -> tuple[str, dict[str, Any]] | None:
    """`resolveProviderConfig`: the direct key first, then a key that normalizes to the id."""
    from modelconf.catalog._rules import openclaw_normalize_provider_id

    providers = document.get(("models", "providers"))
    if not isinstance(providers, dict):
        return None
    if isinstance(providers.get(provider_id), dict):
        return provider_id, providers[provider_id]
    for key, block in providers.items():
        if isinstance(block, dict) and openclaw_normalize_provider_id(key) == provider_id:
            return key, block
    return None


# -- the walk ---------------------------------------------------------------------------------


def walk(profile: TargetProfile, provider: TargetProvider, known: bool, inputs: Inputs) -> Draft:
    draft = Draft()
    document = config_document(inputs)
    env = _forms.effective_env(inputs.env, document, inputs.dotenv)
    inputs = inputs.with_env(env)
    broken = _forms.missing_refs(document.value, env) if document is not None else []
    if document is not None and broken:
        first = broken[0]
        where = Location.of(document, first.path)
        draft.notes.append(
            f'Missing env var "{first.name}" referenced at config path: {_forms.config_path_text(first.path)} ({where}): '
            "OpenClaw/Mayros loads the whole config as {} (no providers, no auth order, no settings)"
        )
    config_gone = f"the config loads as {{}}: ${{{broken[0].name}}} is not set" if broken else None
    block = provider_block(document, provider.id) if document is not None and not broken else None
    for order in profile.credential_order:
        if order.step == "profile":
            draft.steps.append(_explicit_profile(inputs, order.step))
        elif order.step == "aws-sdk-override":
            draft.steps.extend(_aws_override(provider, document, block, inputs, order.step, config_gone))
        elif order.step == "auth-profiles":
            draft.steps.extend(_profiles(provider.id, inputs, document if not broken else None, order.step))
        elif order.step == "provider-env":
            for var in provider.env:
                if var.kind != "cloud":  # AWS variables belong to the aws-sdk steps
                    draft.steps.append(env_step(inputs, order.step, var.name, kind=var.kind))
        elif order.step == "config":
            draft.steps.append(_config_key(provider.id, document, block, inputs, order.step, config_gone))
        elif order.step == "aws-sdk-default" and provider.id == "amazon-bedrock":
            draft.steps.append(_aws_default(provider, inputs, order.step))
    draft.rotation.extend(rotation_steps(provider.id, env, inputs.app_prefix))
    return draft


def _explicit_profile(inputs: Inputs, step: str) -> Step:
    ref: dict[str, Any] = {"source": "auth-file"}
    if inputs.profile_id is None:
        return Step(step, "auth-file", "explicit auth profile", UNSET, "no profile selected for this run", ref)
    auth: AuthFile | None = inputs.auth
    path: PathT = ("profiles", inputs.profile_id)
    if auth is None or not auth.exists or auth.problem:
        return Step(step, "auth-file", dotted(path), MISSING, f'No credentials found for profile "{inputs.profile_id}".', ref, blocking=True)
    credential = auth.get(path)
    if not isinstance(credential, dict):
        return Step(step, "auth-file", f"{auth.label} {dotted(path)}", MISSING, f'No credentials found for profile "{inputs.profile_id}".', dict(ref, file=auth.path), blocking=True)
    return _profile_step(auth, inputs.profile_id, credential, None, inputs, step)


def _aws_override(
    provider: TargetProvider, document: Document | None, block: tuple[str, dict[str, Any]] | None,
    inputs: Inputs, step: str, config_gone: str | None,
) -> list[Step]:
    ref: dict[str, Any] = {"source": "config"}
    if document is None:
        return [Step(step, "config", 'models.providers.<p>.auth = "aws-sdk"', UNSET, "no config given (--config)", ref)]
    label = f"{document.name} models.providers.{provider.id}.auth"
    if config_gone:
        return [Step(step, "config", label, INVALID, config_gone, ref)]
    if block is None or block[1].get("auth") != "aws-sdk":
        return [Step(step, "config", label, UNSET, 'not "aws-sdk"', ref)]
    path = ("models", "providers", block[0], "auth")
    location = Location.of(document, path)
    steps = [Step(step, "config", label, PRESENT, 'auth: "aws-sdk": the AWS chain decides', dict(ref, file=document.name, pointer=pointer(path)), location, offers=False)]
    steps.extend(cloud_steps(provider, inputs, step, program="OpenClaw/Mayros") if provider.available_when else [])
    steps.append(_aws_default(provider, inputs, step))
    return steps


def _aws_default(provider: TargetProvider, inputs: Inputs, step: str) -> Step:
    present = [item.item for item in (evaluate(c, inputs) for c in provider.setup) if item.result == PRESENT and item.group == "credential"]
    found = f"set: {', '.join(present)}" if present else "no AWS variable is set; the SDK may still find instance or container credentials"
    return Step(step, "cloud", "AWS SDK default chain", PRESENT, f"mode aws-sdk ({found})", {"source": "cloud", "chain": "aws"})


def profile_order(provider_id: str, auth: AuthFile, document: Document | None) -> tuple[list[str], str]:
    """`resolveAuthProfileOrder`: the ids to try, and where the order came from."""
    from modelconf.catalog._rules import openclaw_normalize_provider_id as normalize

    def lookup(mapping: Any) -> Any:
        if not isinstance(mapping, dict):
            return None
        for key, value in mapping.items():
            if normalize(key) == provider_id:
                return value
        return None

    stored = lookup(auth.get(("order",)))
    if isinstance(stored, list):
        return [i for i in stored if isinstance(i, str)], "the store's order"
    if document is not None:
        configured = lookup(document.get(("auth", "order")))
        if isinstance(configured, list):
            return [i for i in configured if isinstance(i, str)], "the config's auth.order"
        profiles = document.get(("auth", "profiles"))
        if isinstance(profiles, dict):
            ids = [i for i, p in profiles.items() if isinstance(p, dict) and isinstance(p.get("provider"), str) and normalize(p["provider"]) == provider_id]
            if ids:
                return ids, "the config's auth.profiles"
    store = auth.get(("profiles",))
    ids = []
    if isinstance(store, dict):
        ids = [i for i, c in store.items() if isinstance(c, dict) and isinstance(c.get("provider"), str) and normalize(c["provider"]) == provider_id]
        ids.sort(key=lambda i: _TYPE_RANK.get(str(store[i].get("type")), 3))
    return ids, "stored profiles, oauth before token before api_key"


def _profiles(provider_id: str, inputs: Inputs, document: Document | None, step: str) -> list[Step]:
    auth: AuthFile | None = inputs.auth
    if auth is None or not auth.exists:
        where = f" at {auth.path}" if auth is not None else ""
        return [Step(step, "auth-file", "auth-profiles.json", MISSING, f"no auth profile store{where}", {"source": "auth-file"})]
    if auth.problem:
        return [Step(step, "auth-file", auth.path, INVALID, auth.problem, {"source": "auth-file", "file": auth.path})]
    ids, origin = profile_order(provider_id, auth, document)
    if not ids:
        return [Step(step, "auth-file", f"{auth.label} profiles", UNSET, f"no profile for {provider_id}", {"source": "auth-file", "file": auth.path})]
    modes = _config_modes(document)
    out = []
    for profile_id in ids:
        credential = auth.get(("profiles", profile_id))
        if not isinstance(credential, dict):
            path: PathT = ("profiles", profile_id)
            out.append(Step(step, "auth-file", f"{auth.label} {dotted(path)}", MISSING, f"named by {origin} but not in the store", {"source": "auth-file", "file": auth.path, "key_path": list(path)}))
            continue
        out.append(_profile_step(auth, profile_id, credential, modes.get(profile_id), inputs, step, provider_id))
    return out


def _config_modes(document: Document | None) -> dict[str, str]:
    profiles = document.get(("auth", "profiles")) if document is not None else None
    if not isinstance(profiles, dict):
        return {}
    return {i: p["mode"] for i, p in profiles.items() if isinstance(p, dict) and isinstance(p.get("mode"), str)}


def _profile_step(
    auth: AuthFile, profile_id: str, credential: dict[str, Any], mode: str | None, inputs: Inputs, step: str, provider_id: str | None = None
) -> Step:
    from modelconf.catalog._rules import openclaw_normalize_provider_id as normalize

    kind = credential.get("type")
    field = {"api_key": "key", "token": "token", "oauth": "access"}.get(str(kind))
    path: PathT = ("profiles", profile_id)
    key_path = path + (field,) if field else path
    ref = {"source": "auth-file", "file": auth.path, "key_path": list(key_path), "form": str(kind)}
    label = f"{auth.label} {dotted(path)} ({kind})"
    location = auth.location(key_path if field and field in credential else path)
    if field is None:
        return Step(step, "auth-file", label, INVALID, "type must be api_key, token or oauth; skipped", ref, location)
    owner = credential.get("provider")
    if provider_id is not None and (not isinstance(owner, str) or normalize(owner) != provider_id):
        return Step(step, "auth-file", label, INVALID, f"belongs to provider {owner!r}; skipped", ref, location)
    # The config's mode must match the credential type; an oauth mode accepts a token credential.
    if mode is not None and mode != kind and not (mode == "oauth" and kind == "token"):
        return Step(step, "auth-file", label, INVALID, f"the config says mode {mode!r}; skipped", ref, location)
    value = credential.get(field)
    if not isinstance(value, str) or not value.strip():
        return Step(step, "auth-file", label, EMPTY, f"no {field}; skipped", ref, location)
    expires = credential.get("expires")
    if kind == "token" and isinstance(expires, (int, float)) and inputs.now_ms is not None and inputs.now_ms >= expires:
        return Step(step, "auth-file", label, INVALID, "expired token; skipped", ref, location)
    # normalizeSecretInput: CR/LF and line separators stripped, then trimmed.
    clean = re.sub("[\r\n\u2028\u2029]", "", value).strip()
    result = PRESENT if kind == "oauth" else SET
    return Step(step, "auth-file", label, result, f"auth profile {profile_id}", ref, location, secret=Secret(clean))


def _config_key(
    provider_id: str, document: Document | None, block: tuple[str, dict[str, Any]] | None,
    inputs: Inputs, step: str, config_gone: str | None,
) -> Step:
    ref: dict[str, Any] = {"source": "config"}
    if document is None:
        return Step(step, "config", "models.providers.<p>.apiKey", UNSET, "no config given (--config)", ref)
    if config_gone:
        return Step(step, "config", f"{document.name} models.providers.{provider_id}.apiKey", INVALID, config_gone, ref)
    if block is None or "apiKey" not in block[1]:
        return Step(step, "config", f"{document.name} models.providers.{provider_id}.apiKey", UNSET, "not set", ref)
    path = ("models", "providers", block[0], "apiKey")
    value = block[1]["apiKey"]
    location = Location.of(document, path)
    ref = dict(ref, file=document.name, pointer=pointer(path))
    label = f"{document.name} {dotted(path)} = {describe_value(value)}"
    if not isinstance(value, str):
        return Step(step, "config", label, INVALID, "must be a string", ref, location)
    refs = [r for r in _forms.openclaw_refs(value) if not r.escaped]
    substituted, _ = _forms.openclaw_substitute(value, inputs.env)
    ref["form"] = "env-template" if refs else "literal"
    if refs and len(refs) == 1 and refs[0].start == 0 and refs[0].end == len(value):
        ref["name"] = refs[0].name
    text = (substituted or "").strip()
    if not text:
        return Step(step, "config", label, EMPTY, "empty", ref, location)
    if text in _PLACEHOLDERS:
        return Step(step, "config", label, UNSET, f"the placeholder {text!r} is ignored", ref, location)
    detail = f"${{{refs[0].name}}} substituted" if refs else "literal key in the config"
    return Step(step, "config", label, SET, detail, ref, location, secret=Secret(text))


# -- rotation ---------------------------------------------------------------------------------


def rotation_steps(provider_id: str, env: Mapping[str, str], app_prefix: str | None = None) -> list[Step]:
    """`collectProviderApiKeys` as steps: one per candidate name or key, duplicates marked."""
    from modelconf.catalog._rules import openclaw_rotation_names

    names = openclaw_rotation_names(provider_id, app_prefix)
    step = "rotation"
    out: list[Step] = []
    live = env_step_value(env, names.live_single)
    if live is not None:
        out.append(Step(step, "env", names.live_single, SET, "live override: the only key used", {"source": "env", "name": names.live_single}, secret=Secret(live)))
        rest = _candidates(names, env)
        return out + [replace(s, result=NOT_REACHED, detail="not read: the live override is set") for s in rest]
    out.append(Step(step, "env", names.live_single, UNSET, "live override", {"source": "env", "name": names.live_single}))
    return _dedupe(out + _candidates(names, env))


def env_step_value(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name)
    return value.strip() if value and value.strip() else None


def _candidates(names: RotationNames, env: Mapping[str, str]) -> list[Step]:
    step = "rotation"
    out: list[Step] = []
    listed = _forms.env_list(env, names.list_var)
    list_ref = {"source": "env-list", "name": names.list_var}
    if not listed:
        out.append(Step(step, "env-list", names.list_var, UNSET, "list of keys split on whitespace, , or ;", list_ref))
    for index, key in enumerate(listed):
        out.append(Step(step, "env-list", f"{names.list_var}[{index}]", SET, "from the list", list_ref, secret=Secret(key)))
    primary = env_step_value(env, names.primary)
    primary_ref = {"source": "env", "name": names.primary}
    out.append(
        Step(step, "env", names.primary, SET, "primary key", primary_ref, secret=Secret(primary))
        if primary is not None
        else Step(step, "env", names.primary, UNSET, "primary key", primary_ref)
    )
    prefix_ref = {"source": "env-prefix", "prefix": names.prefix}
    prefixed = _forms.env_prefixed(env, names.prefix)
    if not prefixed:
        out.append(Step(step, "env-prefix", names.prefix + "*", UNSET, "every variable with this prefix, in environment order", prefix_ref))
    for name, value in prefixed:
        out.append(Step(step, "env-prefix", name, SET, "prefixed key (environment order)", prefix_ref, secret=Secret(value)))
    for name in names.fallbacks:
        fallback = env_step_value(env, name)
        ref = {"source": "env", "name": name}
        out.append(
            Step(step, "env", name, SET, "fallback", ref, secret=Secret(fallback))
            if fallback is not None
            else Step(step, "env", name, UNSET, "fallback", ref)
        )
    return out


def _dedupe(steps: list[Step]) -> list[Step]:
    seen: set[Secret] = set()
    out = []
    for step in steps:
        secret = step.secret
        if secret is not None:
            if secret in seen:
                step = replace(step, detail="duplicate of an earlier key; dropped", offers=False)
            else:
                seen.add(secret)
        out.append(step)
    return out


def offered_keys(steps: Iterable[Step]) -> list[Secret]:
    """The keys rotation steps offer, in order (a duplicate is marked as not offered)."""
    return [s.secret for s in steps if s.secret is not None and s.offers and s.result == SET]


def rotation_keys(provider_id: str, env: Mapping[str, str], app_prefix: str | None = None) -> list[Secret]:
    """The rotation candidates' values, in order, without duplicates."""
    return offered_keys(rotation_steps(provider_id, env, app_prefix))
