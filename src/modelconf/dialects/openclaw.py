"""The `openclaw` dialect: the `models` block of the OpenClaw/Mayros JSON5 config.

OpenClaw/Mayros (Mayros a014ab47, a fork of OpenClaw of 2026-02-21) reads `~/.mayros/mayros.json`
(upstream `~/.openclaw/openclaw.json`) as JSON5, substitutes `${VAR}` references, validates the
whole config with zod and applies defaults. The `models` block is checked in full; of the rest of
that large config only the top-level key names are (the root object is strict too, so a pi file
or a typo like `model:` is an error). Its objects are zod `.strict()`: unknown keys are errors, and
any validation error makes OpenClaw/Mayros log "Invalid config" and run with an empty config.

The agent-dir `models.json` that OpenClaw/Mayros writes from this block is pi's format and has its
own dialect, `openclaw-models` (modelconf.dialects.openclaw_models).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any, ClassVar

from modelconf.diagnostics import Diagnostic
from modelconf.dialects import Dialect
from modelconf.dialects._common import Reporter, add_consequence, collect_secrets, is_number, models, providers, quote, rewrite
from modelconf.document import Document, PathT, iter_scalars

# Top-level keys of the OpenClaw/Mayros config that no other dialect uses (MayrosSchema).
_CONFIG_KEYS = frozenset(
    {
        "agents", "gateway", "channels", "bindings", "broadcast", "canvasHost", "nodeHost", "wizard", "talk",
        "approvals", "hooks", "cron", "session", "messages", "commands", "browser", "meta", "discovery",
    }
)
_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
# `$${...}` escapes, `${...}` references and bare `$NAME` words, in one pass.
_DOLLAR = re.compile(r"\$\$\{(?P<escaped>[^}]*)\}|\$\{(?P<braced>[^}]*)\}|(?<![\w$])\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)")


class OpenClawDialect(Dialect):
    name: ClassVar[str] = "openclaw"
    title: ClassVar[str] = "OpenClaw/Mayros config"
    program: ClassVar[str] = "OpenClaw/Mayros"
    target: ClassVar[str] = "openclaw"
    syntax: ClassVar[str] = "json5"
    schema: ClassVar[str | None] = "openclaw-models"
    file_names: ClassVar[tuple[str, ...]] = ("mayros.json", "openclaw.json")
    path_patterns: ClassVar[tuple[str, ...]] = (r"(^|/)(mayros|openclaw)\.json5?$",)

    def sniff(self, value: Any) -> float:
        if not isinstance(value, dict) or "providers" in value:
            return 0.0
        block = value.get("models")
        if isinstance(block, dict) and {"providers", "mode", "bedrockDiscovery"} & set(block):
            return 0.9
        found = _CONFIG_KEYS & set(value)
        return min(0.5 + 0.1 * len(found), 0.85) if found else 0.0

    def check(self, document: Document) -> list[Diagnostic]:
        from modelconf.rules.openclaw import CONFIG_IGNORED
        from modelconf.schema import validate

        found = validate(document, "openclaw-models", program=self.program)
        found = rewrite(found, document, lambda diagnostic, _path: add_consequence(_unrepeat(diagnostic), CONFIG_IGNORED))
        found.extend(load_checks(document))
        return found


def _unrepeat(diagnostic: Diagnostic) -> Diagnostic:
    """An unknown-key message already says "rejects it"; the consequence says it again, better."""
    suffix = "; OpenClaw/Mayros rejects it"
    if diagnostic.message.endswith(suffix):
        return replace(diagnostic, message=diagnostic.message[: -len(suffix)])
    return diagnostic


@functools.cache
def _profile() -> Any:
    """OpenClaw/Mayros' target profile: `normalizeProviderId` aliases and model defaults."""
    from modelconf.catalog._profiles import load_profile  # typed; `modelconf.catalog` exposes it lazily

    return load_profile("openclaw")


def normalize_provider_id(provider: str) -> str:
    """OpenClaw's `normalizeProviderId`: trimmed, lower case, then a few aliases."""
    return str(_profile().normalize_provider_id(provider))


def load_checks(document: Document) -> list[Diagnostic]:
    """`${VAR}` syntax, provider-id normalization and maxTokens clamping in the `models` block."""
    from modelconf.rules import openclaw as rules

    report = Reporter(document)
    value = document.value
    block = value.get("models") if isinstance(value, dict) else None
    if not isinstance(block, dict):
        return report.out

    for path, scalar in iter_scalars(block, ("models",)):
        if isinstance(scalar, str) and "$" in scalar:
            _check_references(report, rules, scalar, path)

    for name, provider, ppath in providers(block, ("models",)):
        normalized = normalize_provider_id(name)
        if normalized != name:
            report(
                rules.PROVIDER_ALIAS,
                ppath,
                f"OpenClaw/Mayros normalizes the provider id {quote(name)} to {quote(normalized)} in model refs but keeps this key "
                "as written, so lookups by the normalized id (the agents.defaults.models allowlist) miss it and drop its models "
                "without a message",
                key=True,
                hint=f"use {quote(normalized)} as the key",
            )
        secrets: list[Any] = [provider.get("apiKey")]
        for holder in [provider] + [e for _, e, _ in models(provider, ppath) if isinstance(e, dict)]:
            if isinstance(holder.get("headers"), dict):
                secrets.extend(holder["headers"].values())
        collect_secrets(document, secrets)
        for _, entry, mpath in models(provider, ppath):
            if isinstance(entry, dict):
                _check_clamp(report, rules, entry, mpath)
    return report.out


def _check_references(report: Reporter, rules: Any, text: str, path: PathT) -> None:
    for match in _DOLLAR.finditer(text):
        escaped, braced, bare = match.group("escaped"), match.group("braced"), match.group("bare")
        if escaped is not None:
            if _ENV_NAME.fullmatch(escaped):
                report(
                    rules.ENV_ESCAPE,
                    path,
                    f"`$${{{escaped}}}` is an escape: OpenClaw/Mayros keeps the literal text `${{{escaped}}}` here",
                    hint=f"write ${{{escaped}}} to substitute the variable",
                )
        elif braced is not None:
            if _ENV_NAME.fullmatch(braced):
                continue
            if ":-" in braced or ":=" in braced:
                variable = re.split(r":[-=]", braced, maxsplit=1)[0]
                report(
                    rules.ENV_SYNTAX,
                    path,
                    f"`${{{braced}}}` is not substituted: OpenClaw/Mayros has no `:-` defaults (upstream #149551), so the text "
                    "stays as written",
                    hint=f"set {variable} (in the environment or the config's `env` block) and write ${{{variable}}}",
                )
            else:
                upper = braced.upper()
                report(
                    rules.ENV_SYNTAX,
                    path,
                    f"`${{{braced}}}` is not substituted: OpenClaw/Mayros replaces only `${{NAME}}` with an upper-case NAME "
                    "(A-Z, 0-9, _; not starting with a digit), so the text stays as written",
                    hint=f"did you mean ${{{upper}}}?" if _ENV_NAME.fullmatch(upper) else "use an upper-case variable name",
                )
        elif bare is not None:
            report(
                rules.ENV_SYNTAX,
                path,
                f"`${bare}` is not substituted: OpenClaw/Mayros replaces only the braced form `${{NAME}}`, so the text stays as written",
                hint=f"write ${{{bare.upper()}}}" if _ENV_NAME.fullmatch(bare.upper()) else "write ${NAME}",
            )


def _check_clamp(report: Reporter, rules: Any, entry: dict[str, Any], mpath: PathT) -> None:
    context = entry.get("contextWindow")
    max_tokens = entry.get("maxTokens")
    if not is_number(max_tokens) or max_tokens <= 0:
        return
    if context is None:
        context = _profile().defaults.context_window  # DEFAULT_CONTEXT_TOKENS, 200000
        source = "the default context window"
    elif is_number(context) and context > 0:
        source = "`contextWindow`"
    else:
        return  # an invalid contextWindow is a schema error
    if max_tokens > context:
        report(
            rules.MAX_TOKENS_CLAMPED,
            mpath + ("maxTokens",),
            f"`maxTokens` {max_tokens} is larger than {source} ({context}); OpenClaw/Mayros clamps it to {context}",
            hint=f"set maxTokens to at most {context}, or raise contextWindow if the model really has more",
        )


DIALECT = OpenClawDialect()
