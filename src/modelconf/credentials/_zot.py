"""zot's credential walk (reference/zot.md, "Credential resolution order", `resolveCredentialFull`).

`--api-key`; the provider's own variables; the derived `UPPER(id)_API_KEY` (every provider,
built-ins too); auth.json `additional_api_key_creds[<id>]` **before** the top-level field, each
`api_key` else `api_key_command`; stored OAuth tokens. zot's models.json holds no credentials.
A command is picked without running it (zot returns a placeholder and runs it per request), so a
failing command fails the request instead of falling through.
"""

from __future__ import annotations

import os

from modelconf.credentials import _forms
from modelconf.credentials._common import cli_step, env_step, provider_env_steps
from modelconf.credentials._draft import Draft
from modelconf.credentials._files import AuthFile
from modelconf.credentials._types import (
    EMPTY,
    FAILED,
    INVALID,
    MISSING,
    PRESENT,
    RAN,
    SET,
    UNSET,
    WOULD_RUN,
    Command,
    Inputs,
    Secret,
    Step,
)
from modelconf.document import PathT, dotted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile, TargetProvider

# api_key_command output limit (reference/zot.md, "auth.json").
_COMMAND_OUTPUT_LIMIT = 64 * 1024
_COMMAND_TIMEOUT_S = 120.0


def walk(profile: TargetProfile, provider: TargetProvider, known: bool, inputs: Inputs) -> Draft:
    draft = Draft()
    for order in profile.credential_order:
        if order.step == "cli":
            step = cli_step(inputs, order.step)
            draft.steps.append(step)
            if step.result == SET and not known:
                draft.notes.append("zot saves an --api-key for a provider it does not know to auth.json (additional_api_key_creds).")
        elif order.step == "provider-env":
            draft.steps.extend(provider_env_steps(provider, inputs, order.step, program="zot"))
        elif order.step == "derived-env":
            draft.steps.extend(_derived(provider, inputs, order.step))
        elif order.step == "auth-file":
            draft.steps.extend(_auth_file(profile, provider, inputs, order.step))
        elif order.step == "oauth":
            draft.steps.extend(_oauth(provider, inputs, order.step))
    default = provider.default_key
    if default is None and not known and _custom_with_base_url(provider.id, inputs):
        default = (profile.custom_providers.get("default_key") or {}).get("value")
        draft.notes.append("A custom provider with a baseUrl and no credential gets the optional key \"ollama\" (reference/zot.md).")
    if default is not None:
        draft.steps.append(
            Step("default", "default", f'the literal "{default}"', SET, "zot's built-in default when no source is set", {}, secret=Secret(default))
        )
    return draft


def _derived(provider: TargetProvider, inputs: Inputs, step: str) -> list[Step]:
    from modelconf.catalog._rules import zot_env_var

    name = zot_env_var(provider.id)
    if name in provider.env_names:
        return []  # the provider's own variable already is the derived one
    warning = None
    if not _forms.SHELL_NAME.fullmatch(name):
        warning = (
            f"{name} is not a name a shell can `export`; only `env '{name}=…' zot` (or a program) can set it"
        )
    detail = f"derived from the provider id {provider.id!r} (upper case, - becomes _)"
    found = env_step(inputs, step, name, warning=warning)
    if found.result != SET:
        from dataclasses import replace

        found = replace(found, detail=(found.detail + "; " if found.detail else "") + detail)
    return [found]


def _entries(profile: TargetProfile, provider: TargetProvider) -> list[PathT]:
    """auth.json entries zot reads for the provider: additional_api_key_creds first, then top level."""
    spec = profile.auth_file or {}
    paths: list[PathT] = [(spec.get("additional_field", "additional_api_key_creds"), provider.id)]
    stored = provider.stored_key
    if stored is not None and stored.location == "top-level" and len(stored.path) == 1:
        paths.append(stored.path)
    return paths


def _auth_file(profile: TargetProfile, provider: TargetProvider, inputs: Inputs, step: str) -> list[Step]:
    auth: AuthFile | None = inputs.auth
    if auth is None or not auth.exists:
        where = f" at {auth.path}" if auth is not None else ""
        return [Step(step, "auth-file", "auth.json", MISSING, f"no auth file{where}", {"source": "auth-file"})]
    base: dict[str, object] = {"source": "auth-file", "file": auth.path}
    if auth.problem:
        return [Step(step, "auth-file", auth.path, INVALID, auth.problem, base)]
    out: list[Step] = []
    for path in _entries(profile, provider):
        entry = auth.get(path)
        label = f"{auth.label} {dotted(path)}"
        ref = dict(base, key_path=list(path))
        if entry is None:
            # The reference names the field zot would read there.
            api_key_ref = dict(base, key_path=[*path, "api_key"], form="api_key")
            out.append(Step(step, "auth-file", label, UNSET, "no entry", api_key_ref, auth.location(path)))
            continue
        if not isinstance(entry, dict):
            out.append(Step(step, "auth-file", label, INVALID, "zot expects an object here", ref, auth.location(path)))
            continue
        out.append(_api_key(auth, path, entry, step, base))
        if "api_key_command" in entry:
            out.append(_command(auth, path, entry["api_key_command"], step, base, inputs))
    return out


def _api_key(auth: AuthFile, path: PathT, entry: dict[str, object], step: str, base: dict[str, object]) -> Step:
    key_path = path + ("api_key",)
    label = f"{auth.label} {dotted(key_path)}"
    ref = dict(base, key_path=list(key_path), form="api_key")
    location = auth.location(key_path) if "api_key" in entry else auth.location(path)
    value = entry.get("api_key")
    if value is None:
        return Step(step, "auth-file", label, UNSET, "no api_key", ref, location)
    if not isinstance(value, str):
        return Step(step, "auth-file", label, INVALID, "zot expects a string here", ref, location)
    if value == "":
        return Step(step, "auth-file", label, EMPTY, "empty; skipped", ref, location)
    return Step(step, "auth-file", label, SET, "stored key", ref, location, secret=Secret(value))


def _command(auth: AuthFile, path: PathT, spec: object, step: str, base: dict[str, object], inputs: Inputs) -> Step:
    key_path = path + ("api_key_command",)
    label = f"{auth.label} {dotted(key_path)}"
    ref = dict(base, key_path=list(key_path), form="api_key_command")
    location = auth.location(key_path)
    program = spec.get("program") if isinstance(spec, dict) else None
    args = spec.get("args", []) if isinstance(spec, dict) else None
    if not isinstance(program, str) or not program or not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        return Step(step, "auth-file", label, INVALID, "needs {program, args?: [strings], timeout_ms?}", ref, location)
    timeout_ms = spec.get("timeout_ms") if isinstance(spec, dict) else None
    timeout = timeout_ms / 1000 if isinstance(timeout_ms, int) and timeout_ms > 0 else _COMMAND_TIMEOUT_S
    command = Command(argv=(program, *args), timeout=timeout)
    if not inputs.allow_exec:
        return Step(
            step, "auth-file", label, WOULD_RUN,
            f"would run `{command.display}` (directly, no shell) when a request needs the key; pass --allow-exec to run it",
            ref, location, command=command.display,
        )
    outcome = inputs.run(command)
    failure = outcome.detail if not outcome.ok else _bad_output(outcome.output)
    if failure:
        return Step(
            step, "auth-file", label, FAILED,
            f"`{command.display}` {failure}; zot picks this command anyway, so requests fail with its error",
            ref, location, command=command.display, blocking=True,
        )
    assert outcome.output is not None
    key = outcome.output.reveal().rstrip("\r\n")
    return Step(step, "auth-file", label, RAN, f"ran `{command.display}`", ref, location, command=command.display, secret=Secret(key))


def _bad_output(output: Secret | None) -> str | None:
    """zot wants one non-empty line of at most 64 KiB (trailing CR/LF trimmed)."""
    text = output.reveal() if output is not None else ""
    if len(text.encode("utf-8", errors="replace")) > _COMMAND_OUTPUT_LIMIT:
        return "printed more than 64 KiB"
    text = text.rstrip("\r\n")
    if not text.strip():
        return "printed nothing"
    if "\n" in text or "\r" in text:
        return "printed more than one line"
    return None


def _oauth(provider: TargetProvider, inputs: Inputs, step: str) -> list[Step]:
    location_spec = provider.oauth
    if location_spec is None:
        return []
    auth: AuthFile | None = inputs.auth
    out: list[Step] = []
    path = location_spec.path
    ref: dict[str, object] = {"source": "oauth", "key_path": list(path), "form": "oauth"}
    if auth is None or not auth.exists or auth.problem:
        why = auth.problem if auth is not None and auth.problem else "no auth file"
        result = INVALID if auth is not None and auth.problem else MISSING
        out.append(Step(step, "oauth", f"auth.json {dotted(path)}", result, why, ref))
    else:
        ref["file"] = auth.path
        token = auth.get(path)
        label = f"{auth.label} {dotted(path)}"
        if token is None:
            out.append(Step(step, "oauth", label, UNSET, "no OAuth token (zot /login stores one)", ref, auth.location(path)))
        elif not isinstance(token, dict):
            out.append(Step(step, "oauth", label, INVALID, "zot expects an object here", ref, auth.location(path)))
        else:
            access = token.get("access_token")
            if isinstance(access, str) and access:
                out.append(Step(step, "oauth", label, PRESENT, "stored OAuth token (refreshed when expired)", ref, auth.location(path), secret=Secret(access)))
            elif isinstance(token.get("refresh_token"), str) and token.get("refresh_token"):
                out.append(Step(step, "oauth", label, PRESENT, "refresh token only; zot refreshes it", ref, auth.location(path)))
            else:
                out.append(Step(step, "oauth", label, EMPTY, "the token has no access_token or refresh_token", ref, auth.location(path)))
    for extra in location_spec.files:
        file_ref: dict[str, object] = {"source": "oauth", "file": extra.path, "form": "oauth"}
        if extra.unless_exists and auth is not None:
            marker = os.path.join(os.path.dirname(auth.path) or ".", extra.unless_exists)
            if inputs.exists(marker):
                out.append(Step(step, "oauth", extra.path, UNSET, f"disabled: {marker} exists", file_ref))
                continue
        if inputs.file_exists(extra.path):
            out.append(Step(step, "oauth", extra.path, PRESENT, "token file of the provider's own CLI", file_ref))
        else:
            out.append(Step(step, "oauth", extra.path, MISSING, "no such file", file_ref))
    return out


def _custom_with_base_url(provider_id: str, inputs: Inputs) -> bool:
    """A zot models.json defines this provider with a provider- or model-level baseUrl."""
    for config in inputs.configs:
        if getattr(config, "dialect", None) != "zot":
            continue
        block = config.document.get(("providers", provider_id))
        if not isinstance(block, dict):
            continue
        if block.get("baseUrl"):
            return True
        models = block.get("models")
        if isinstance(models, list) and any(isinstance(m, dict) and m.get("baseUrl") for m in models):
            return True
    return False
