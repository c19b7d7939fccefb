"""Access keys as `planoai up` checks them before starting.

`planoai up` collects every provider's `access_key` and the token of each prompt target's
`Authorization` header, strips one leading `$`, and requires a variable of that name (in `.env`
beside the config, else in the environment); a missing one stops it with "✗ Missing API keys!".
Only `$VAR` references are substituted when the config is rendered. Facts: reference/plano.md, "CLI"
and "`$ENV_VAR` resolution". Whether the variables are set is the credentials engine's business;
this module reports what is wrong in the file itself.
"""

from __future__ import annotations

import re

from modelconf.diagnostics import Diagnostic
from modelconf.dialects._common import Reporter
from modelconf.dialects._plano_view import PlanoView
from modelconf.dialects.plano_checks import quoted
from modelconf.document import PathT
from modelconf.rules import plano as rules
from modelconf.secrets import fingerprint, looks_like_secret

_ENV_STYLE = re.compile(r"[A-Z_][A-Z0-9_]*")
_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def check(view: PlanoView) -> list[Diagnostic]:
    report = Reporter(view.document)
    for provider in view.providers():
        value = provider.entry.get("access_key")
        if isinstance(value, str):
            _check_key(view, report, provider.at("access_key"), value, value, "access_key")
    for path, target in view.items("prompt_targets"):
        endpoint = target.get("endpoint")
        headers = endpoint.get("http_headers") if isinstance(endpoint, dict) else None
        if not isinstance(headers, dict):
            continue
        for header, value in headers.items():
            if header.lower() != "authorization" or not isinstance(value, str):
                continue
            parts = value.split(" ")
            token = parts[1] if len(parts) > 1 else value
            _check_key(view, report, path + ("endpoint", "http_headers", header), value, token, "Authorization token")
    return report.out


def _check_key(view: PlanoView, report: Reporter, path: PathT, value: str, token: str, what: str) -> None:
    if token.startswith("$"):
        looked_up = token[1:]
        braced = _BRACED.fullmatch(token)
        if braced:
            name = braced.group(1)
            report(
                rules.BRACED_ENV_REFERENCE,
                path,
                f"`planoai up` strips only the `$` and looks for a variable named `{looked_up}`, which cannot "
                "exist, so it stops with " + quoted("✗ Missing API keys!") + f" (`{looked_up} not found`)",
                hint=f"write `${name}`",
            )
        return
    if looks_like_secret(token):
        view.document.secret_values.add(token)
        if token != value:
            view.document.secret_values.add(value)
        report(
            rules.LITERAL_ACCESS_KEY,
            path,
            f"the {what} is a literal secret ({fingerprint(token)}); `planoai up` treats it as the name of an "
            "environment variable, finds none and stops with " + quoted("✗ Missing API keys!")
            + ", and a key in a config file can leak",
            hint="put the key in an environment variable (or .env beside the config) and write `$VARIABLE_NAME`",
        )
        return
    if not token:
        report(
            rules.LITERAL_ACCESS_KEY,
            path,
            f"the {what} is empty: `planoai up` looks for a variable with an empty name and stops with "
            + quoted("✗ Missing API keys!"),
            hint="write `$VARIABLE_NAME`, or remove the key",
        )
        return
    if _ENV_STYLE.fullmatch(token):
        report(
            rules.LITERAL_ACCESS_KEY,
            path,
            f"`{token}` has no `$`: `planoai up` requires a variable named `{token}`, and even when it is set, "
            f"Plano sends the text `{token}` itself upstream, because only `$VAR` references are substituted",
            hint=f"write `${token}`",
        )
        return
    # A literal may still be a real key the heuristic misses: show only a fingerprint, and mask it
    # in code frames unless it is too short to be one (masking `ollama` would hide model names).
    if len(token) >= 12:
        view.document.secret_values.add(token)
    report(
        rules.LITERAL_ACCESS_KEY,
        path,
        f"the {what} is a literal value ({fingerprint(token)}), not a `$VARIABLE` reference: `planoai up` "
        "treats it as the name of an environment variable and stops with " + quoted("✗ Missing API keys!")
        + " unless one of that name is set",
        hint="write `$VARIABLE_NAME` and put the key in that variable",
    )
