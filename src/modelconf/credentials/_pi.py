"""pi's credential walk (reference/pi.md, "auth.json", `AuthStorage.getApiKey`).

`--api-key`; auth.json `api_key` (its `key` resolved like models.json `apiKey`); auth.json
`oauth` (refreshed when expired); the provider's environment variables (`getEnvApiKey`, special
cases first); last, the models.json `apiKey` of that provider. Key values are `!command`, a
variable name, or a literal — and a variable name that is unset is sent as the key.
"""

from __future__ import annotations

from typing import Any

from modelconf.credentials._common import cli_step, describe_value, pi_value_step, provider_env_steps
from modelconf.credentials._config import config_credentials
from modelconf.credentials._draft import Draft
from modelconf.credentials._files import AuthFile
from modelconf.credentials._types import INVALID, MISSING, PRESENT, UNSET, Inputs, Secret, Step
from modelconf.document import PathT, dotted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile, TargetProvider


def walk(profile: TargetProfile, provider: TargetProvider, known: bool, inputs: Inputs) -> Draft:
    draft = Draft()
    entry_path: PathT = provider.stored_key.path if provider.stored_key is not None else (provider.id,)
    for order in profile.credential_order:
        if order.step == "cli":
            draft.steps.append(cli_step(inputs, order.step))
        elif order.step == "auth-file":
            draft.steps.append(_api_key(inputs, entry_path, order.step))
        elif order.step == "auth-file-oauth":
            draft.steps.append(_oauth(provider, inputs, entry_path, order.step))
        elif order.step == "provider-env":
            draft.steps.extend(provider_env_steps(provider, inputs, order.step, program="pi"))
        elif order.step == "config":
            draft.steps.append(config_step(provider.id, inputs, order.step))
    return draft


def _ref(auth: AuthFile, path: PathT, source: str) -> dict[str, Any]:
    """The reference names what the step reads: the api_key entry's `key`, or the oauth entry."""
    if source == "oauth":
        return {"source": "oauth", "file": auth.path, "key_path": list(path), "form": "oauth"}
    return {"source": "auth-file", "file": auth.path, "key_path": [*path, "key"], "form": "api_key"}


def _entry(auth: AuthFile | None, path: PathT, step: str, source: str) -> tuple[Any, Step | None]:
    """The provider's auth.json entry, or the step that says why there is none."""
    if auth is None or not auth.exists:
        where = f" at {auth.path}" if auth is not None else ""
        return None, Step(step, source, "auth.json", MISSING, f"no auth file{where}", {"source": "auth-file"})
    ref = _ref(auth, path, source)
    if auth.problem:
        return None, Step(step, source, auth.path, INVALID, auth.problem, ref)
    entry = auth.get(path)
    label = f"{auth.label} {dotted(path)}"
    if entry is None:
        return None, Step(step, source, label, UNSET, "no entry for this provider", ref, auth.location(path))
    if not isinstance(entry, dict):
        return None, Step(step, source, label, INVALID, "pi expects an object {type, ...} here", ref, auth.location(path))
    return entry, None


def _api_key(inputs: Inputs, path: PathT, step: str) -> Step:
    auth: AuthFile | None = inputs.auth
    entry, problem = _entry(auth, path, step, "auth-file")
    if problem is not None:
        return problem
    assert auth is not None
    kind = entry.get("type")
    ref = _ref(auth, path, "auth-file")
    label = f"{auth.label} {dotted(path + ('key',))}"
    if kind == "oauth":
        return Step(step, "auth-file", f"{auth.label} {dotted(path)}", UNSET, "the entry is an OAuth token (next step)", ref, auth.location(path))
    if kind != "api_key":
        return Step(step, "auth-file", f"{auth.label} {dotted(path + ('type',))}", INVALID, 'type must be "api_key" or "oauth"', ref, auth.location(path + ("type",)))
    if "key" not in entry:
        return Step(step, "auth-file", label, INVALID, "an api_key entry without `key`", ref, auth.location(path))
    return pi_value_step(
        inputs, step, "auth-file", entry["key"], f"{label} = {describe_value(entry['key'])}", ref, auth.location(path + ("key",))
    )


def _oauth(provider: TargetProvider, inputs: Inputs, path: PathT, step: str) -> Step:
    auth: AuthFile | None = inputs.auth
    entry, problem = _entry(auth, path, step, "oauth")
    if problem is not None:
        return problem
    assert auth is not None
    ref = _ref(auth, path, "oauth")
    label = f"{auth.label} {dotted(path)}"
    if entry.get("type") != "oauth":
        return Step(step, "oauth", label, UNSET, "no OAuth token for this provider", ref, auth.location(path))
    if "subscription" not in provider.login:
        return Step(step, "oauth", label, INVALID, f"pi has no OAuth login for {provider.id}; it ignores this entry", ref, auth.location(path))
    access = entry.get("access")
    secret = Secret(access) if isinstance(access, str) and access else None
    expires = entry.get("expires")
    if isinstance(expires, (int, float)) and inputs.now_ms is not None and inputs.now_ms >= expires:
        return Step(
            step, "oauth", label, PRESENT,
            "expired: pi refreshes it (under a file lock) when a request needs it; if the refresh fails it moves on",
            ref, auth.location(path), tentative=True, secret=secret,
        )
    return Step(step, "oauth", label, PRESENT, "stored OAuth token", ref, auth.location(path), secret=secret)


def config_step(provider_id: str, inputs: Inputs, step: str) -> Step:
    """The models.json `apiKey` of the provider, read with pi's value forms (lowest priority)."""
    found = [
        credential
        for config in inputs.configs
        if config.dialect == "pi"
        for credential in config_credentials(config)
        if credential.provider == provider_id and credential.key == "apiKey"
    ]
    if not found:
        given = any(config.dialect == "pi" for config in inputs.configs)
        detail = f"no apiKey for {provider_id} in the models.json given" if given else "no models.json given (--config)"
        return Step(step, "config", "models.json apiKey", UNSET, detail, {"source": "config"})
    credential = found[-1]
    location = credential.location
    ref = {"source": "config", "file": location.file, "pointer": location.pointer}
    checked = f"{location.file} {dotted(credential.path)} = {describe_value(credential.value)}"
    return pi_value_step(inputs, step, "config", credential.value, checked, ref, location)
