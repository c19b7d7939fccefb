"""K checks for `modelconf lint`: `credential_diagnostics(document, dialect, env)`.

Runs after the dialect's own checks. Checks that depend on the environment (unset variables)
run only when `env` is given (the CLI passes `os.environ`; library callers pass their own, or
None to skip them). Positions are those of the exact value; literal secrets go into
`document.secret_values` and appear in messages only as fingerprints.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from modelconf.credentials import _forms
from modelconf.diagnostics import Diagnostic, Severity, Span
from modelconf.document import Document, PathT, dotted, iter_long_strings, pointer
from modelconf.secrets import fingerprint, looks_like_secret, might_hold_secret

# Config dialects whose files should hold no secret (every config dialect; auth files are meant to).
_CONFIG_DIALECTS = ("pi", "zot", "openclaw", "openclaw-models", "plano")
_PI_FORMAT = ("pi", "openclaw-models")
_AUTH_DIALECTS = ("pi-auth", "zot-auth", "openclaw-auth")
_MISSING_KEYS = "✗ Missing API keys!"


def credential_diagnostics(document: Document, dialect: str | None, env: Mapping[str, str] | None) -> list[Diagnostic]:
    """Every K finding for one document read as `dialect`."""
    if dialect is None:
        return []
    out: list[Diagnostic] = []
    if dialect in _CONFIG_DIALECTS:
        out.extend(literal_secrets(document, dialect))
    if dialect in _PI_FORMAT:
        out.extend(_pi_values(document, _pi_config_values(document), env))
    elif dialect == "openclaw" and env is not None:
        out.extend(_openclaw_unset(document, env))
    elif dialect == "plano":
        out.extend(_plano_keys(document, env))
    elif dialect == "zot":
        out.extend(_zot_env_names(document))
    elif dialect in _AUTH_DIALECTS:
        from modelconf.credentials._files import collect_auth_secrets

        collect_auth_secrets(document)
        out.extend(auth_file_permissions(document))
        if dialect == "pi-auth":
            out.extend(_pi_values(document, _pi_auth_values(document), env))
    return out


# -- K001 literal secrets ---------------------------------------------------------------------


def literal_secrets(document: Document, dialect: str) -> list[Diagnostic]:
    from modelconf.rules import credentials as rules

    if not might_hold_secret(document.text):
        return []
    # Plano's dialect reports literal access keys and Authorization tokens (C451, by fingerprint).
    skip = {path for path, _ in _plano_checked_values(document)} if dialect == "plano" else set()
    out = []
    # Keys are at least 16 characters long (secrets.looks_like_secret).
    for path, value in iter_long_strings(document.value, 16):
        if path in skip:
            continue
        embedded = _embedded_secret(value)
        if not looks_like_secret(value) and embedded is None:
            continue
        document.secret_values.add(embedded or value)
        where = dotted(path) + (" (inside a command)" if embedded else "")
        value = embedded or value
        if dialect == "zot":
            # C212 (the dialect) says the field is ignored; this says the value is a leaked key.
            message = f"a literal key ({fingerprint(value)}) at {where}: zot's models.json is meant to hold no secrets, so this key only leaks"
            hint = "remove it; zot reads keys from --api-key, the provider's environment variable or auth.json (/login)"
            severity = Severity.ERROR
        else:
            message = f"a literal key ({fingerprint(value)}) at {where} in a config file"
            hint = {
                "pi": "write the name of an environment variable that holds it (\"OPENAI_API_KEY\") or \"!command\"",
                "openclaw-models": "write the name of an environment variable that holds it (\"OPENAI_API_KEY\")",
                "openclaw": "write ${NAME} and set NAME in the environment or the config's env block",
                "plano": "write $NAME and set NAME in the environment or the .env beside the config",
            }.get(dialect, "read it from the environment instead")
            severity = None
        out.append(rules.LITERAL_SECRET(message, file=document.name, span=document.span(path), hint=hint, severity=severity, pointer=pointer(path)))
    return out


def _embedded_secret(value: str) -> str | None:
    """A key written inside a `!command` (`!echo sk-...`): a literal key in disguise."""
    import re

    if not value.startswith("!"):
        return None
    for token in re.split(r"[\s'\"=:]+", value[1:]):
        if looks_like_secret(token):
            return token
    return None


# -- K003 / K004 pi's value forms -------------------------------------------------------------


def _pi_config_values(document: Document) -> Iterator[tuple[PathT, Any, str]]:
    """(path, value, what) for apiKey and header values in a pi-format models.json."""
    providers = document.get(("providers",))
    if not isinstance(providers, dict):
        return
    for name, block in providers.items():
        if not isinstance(block, dict):
            continue
        base: PathT = ("providers", name)
        if "apiKey" in block:
            yield base + ("apiKey",), block["apiKey"], "key"
        yield from _headers(block, base)
        models = block.get("models")
        if isinstance(models, list):
            for index, model in enumerate(models):
                if isinstance(model, dict):
                    yield from _headers(model, base + ("models", index))


def _headers(holder: dict[str, Any], base: PathT) -> Iterator[tuple[PathT, Any, str]]:
    headers = holder.get("headers")
    if isinstance(headers, dict):
        for header, value in headers.items():
            yield base + ("headers", header), value, f"{header} header"


def _pi_auth_values(document: Document) -> Iterator[tuple[PathT, Any, str]]:
    value = document.value
    if not isinstance(value, dict):
        return
    for provider, entry in value.items():
        if isinstance(entry, dict) and entry.get("type") == "api_key" and "key" in entry:
            yield (provider, "key"), entry["key"], "key"


def _pi_values(document: Document, values: Iterator[tuple[PathT, Any, str]], env: Mapping[str, str] | None) -> list[Diagnostic]:
    from modelconf.rules import credentials as rules

    out = []
    for path, value, what in values:
        if not isinstance(value, str) or not value:
            continue
        form = _forms.pi_value(value)
        if form.form == "env-template":
            state = ""
            if env is not None:
                state = f" ({form.name} is {'set' if _forms.env_value(env, form.name or '') else 'not set'})"
            out.append(
                rules.PI_DOLLAR_REFERENCE(
                    f"pi v0.58.3 sends \"{value}\" literally as the {what}; only newer pi (about 0.75+) reads it as the variable {form.name}{state}",
                    file=document.name, span=document.span(path), hint=f"write \"{form.name}\" (the bare name)", pointer=pointer(path),
                )
            )
        elif env is not None and form.form == "env-name" and _forms.looks_like_env_name(value) and not _forms.env_value(env, value):
            out.append(
                rules.PI_UNSET_ENV_NAME(
                    f"{value} is not set, so pi sends the text \"{value}\" as the {what}",
                    file=document.name, span=document.span(path),
                    hint=f"set {value} where pi runs, or fix the name", pointer=pointer(path),
                )
            )
    return out


# -- K002 OpenClaw ----------------------------------------------------------------------------


def _openclaw_unset(document: Document, env: Mapping[str, str]) -> list[Diagnostic]:
    from modelconf.rules import credentials as rules

    effective = _forms.effective_env(env, document, _forms.dotenv_beside(document.name))
    out = []
    for ref in _forms.missing_refs(document.value, effective):
        state = "empty" if ref.name in effective else "not set"
        out.append(
            rules.UNSET_ENV_REFERENCE(
                f'{ref.name} is {state}: OpenClaw/Mayros fails with `Missing env var "{ref.name}" referenced at config path: '
                f"{_forms.config_path_text(ref.path)}` and loads the whole config as {{}} (no providers, no settings)",
                file=document.name,
                span=_inner_span(document, ref.path, ref.start, ref.end),
                hint=f"set {ref.name} in the environment, in the config's env block, or in the state directory's .env",
                severity=Severity.ERROR,
                pointer=pointer(ref.path),
            )
        )
    return out


def _inner_span(document: Document, path: PathT, start: int, end: int) -> Span:
    """The span of `text[start:end]` inside a string value, when the source spells it plainly."""
    value_span = document.span(path)
    line = document.line(value_span.start.line)
    column = value_span.start.column  # the opening quote (or the first character of a plain YAML scalar)
    value = document.get(path)
    if isinstance(value, str):
        for offset in (1, 0):
            begin = column - 1 + offset + start
            if line[begin : begin + (end - start)] == value[start:end] and line[column - 1 + offset : column - 1 + offset + start] == value[:start]:
                return Span.at(value_span.start.line, begin + 1, value_span.start.line, begin + 1 + (end - start))
    return value_span


# -- Plano ------------------------------------------------------------------------------------


def _plano_keys(document: Document, env: Mapping[str, str] | None) -> list[Diagnostic]:
    """K002 for `$VAR` names `planoai up` checks: access keys and prompt targets' Authorization
    tokens. `${VAR}` and literal keys are the Plano dialect's (C450, C451)."""
    from modelconf.rules import credentials as rules

    dotenv = _forms.dotenv_beside(document.name)
    table: Mapping[str, str] | None = dotenv.values if dotenv is not None else env
    if table is None:
        return []
    where = f"the .env beside the config ({dotenv.path})" if dotenv is not None else "the environment"
    out = []
    for path, token in _plano_checked_values(document):
        key = _forms.plano_key(token)
        if key.form != "env-reference" or table.get(key.checked_name):
            continue
        also = ""
        if dotenv is not None and env is not None and _forms.env_value(env, key.checked_name):
            also = f" ({key.checked_name} is set in the environment, but planoai up reads only that .env when it exists)"
        out.append(
            rules.UNSET_ENV_REFERENCE(
                f"{key.checked_name} is not set in {where}: planoai up stops with `{_MISSING_KEYS}`{also}",
                file=document.name, span=_token_span(document, path, token), hint=f"set {key.checked_name} in {where}", pointer=pointer(path),
            )
        )
    return out


def _token_span(document: Document, path: PathT, token: str) -> Span:
    """The span of `token` inside the value at `path` (the value's span when it cannot be found)."""
    value = document.get(path)
    start = value.find(token) if isinstance(value, str) else -1
    return _inner_span(document, path, start, start + len(token)) if start > 0 else document.span(path)


def _plano_checked_values(document: Document) -> Iterator[tuple[PathT, str]]:
    """(path, token) of what `planoai up` looks up: access keys, Authorization header tokens."""
    # The Plano dialect's view (already loaded to lint the file), not the engine's reader.
    from modelconf.dialects._plano_view import PlanoView

    for provider in PlanoView(document).providers():
        if isinstance(provider.entry.get("access_key"), str):
            yield provider.at("access_key"), provider.entry["access_key"]
    targets = document.get(("prompt_targets",))
    for index, target in enumerate(targets if isinstance(targets, list) else []):
        endpoint = target.get("endpoint") if isinstance(target, dict) else None
        headers = endpoint.get("http_headers") if isinstance(endpoint, dict) else None
        for header, value in (headers.items() if isinstance(headers, dict) else ()):
            if header.lower() == "authorization" and isinstance(value, str):
                parts = value.split(" ")
                yield ("prompt_targets", index, "endpoint", "http_headers", header), parts[1] if len(parts) > 1 else value


# -- zot --------------------------------------------------------------------------------------


def _zot_env_names(document: Document) -> list[Diagnostic]:
    from modelconf.catalog._profiles import load_profile
    from modelconf.catalog._rules import zot_env_var
    from modelconf.rules import credentials as rules

    providers = document.get(("providers",))
    if not isinstance(providers, dict):
        return []
    profile = load_profile("zot")
    out = []
    for name, block in providers.items():
        if not isinstance(name, str) or not name.strip() or profile.provider(name) is not None:
            continue
        if not _zot_registers(block):
            continue  # a key with only models is not a custom provider; no variable is read for it
        variable = zot_env_var(name)
        if _forms.SHELL_NAME.fullmatch(variable):
            continue
        path: PathT = ("providers", name)
        out.append(
            rules.ZOT_ENV_NAME_NOT_EXPORTABLE(
                f"zot reads this provider's key from {variable}, a name no shell can export",
                file=document.name, span=document.span(path, key=True),
                hint=f"rename the provider (letters, digits, -), set it with `env '{variable}=…' zot`, or store the key with /login",
                pointer=pointer(path),
            )
        )
    return out


def _zot_registers(block: Any) -> bool:
    """zot registers a custom provider when the block sets baseUrl or api, or a model sets baseUrl."""
    if not isinstance(block, dict):
        return False
    if block.get("baseUrl") or block.get("api"):
        return True
    models = block.get("models")
    return isinstance(models, list) and any(isinstance(m, dict) and m.get("baseUrl") for m in models)


# -- K005 auth files --------------------------------------------------------------------------


def auth_file_permissions(document: Document) -> list[Diagnostic]:
    """An auth file on disk that its group or other users can access."""
    import sys

    from modelconf.credentials._files import file_mode, permission_diagnostics

    if document.name in ("", "-") or not os.path.isfile(document.name):
        return []
    return permission_diagnostics(document.name, file_mode(document.name), sys.platform, Span.at(1, 1))
