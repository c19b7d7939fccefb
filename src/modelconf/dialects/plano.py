"""The Plano dialect: plano_config.yaml / config.yaml for the Plano LLM gateway.

Checks, in the order Plano meets them: the schema (Plano's own schema, translated to
`schemas/plano-config.schema.json`), the config generator's checks (`plano_checks`), the runtime's
(`plano_runtime_checks`) and `planoai up`'s access-key check (`plano_keys`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, ClassVar

from modelconf.diagnostics import Diagnostic
from modelconf.dialects import Dialect
from modelconf.document import Document

# Top-level keys only a Plano config has; the provider lists and listeners are the strongest sign.
_STRONG_KEYS = frozenset(("model_providers", "llm_providers", "listeners"))
_PLANO_KEYS = frozenset(
    (
        "version", "agents", "filters", "endpoints", "model_aliases", "overrides", "prompt_caching",
        "system_prompt", "prompt_targets", "ratelimits", "tracing", "mode", "routing", "state_storage",
        "prompt_guards", "routing_preferences", "model_metrics_sources",
    )
)
_LEGACY_PROVIDER = re.compile(r"^/(?:model_providers|llm_providers)/\d+/provider$")
_INTERFACE = re.compile(r"^/(?:model_providers|llm_providers)/\d+/provider_interface$")
_STRAY = re.compile(r"^/prompt_targets/\d+/parameters/\d+/additionalProperties$")


class PlanoDialect(Dialect):
    name: ClassVar[str] = "plano"
    title: ClassVar[str] = "Plano config"
    program: ClassVar[str] = "Plano"
    target: ClassVar[str] = "plano"
    syntax: ClassVar[str] = "yaml"
    schema: ClassVar[str | None] = "plano-config"
    file_names: ClassVar[tuple[str, ...]] = ("plano_config.yaml", "arch_config.yaml")
    # plano_config*.yaml / arch_config*.yaml anywhere (plano_config_local.yaml, arch_config.yml, ...).
    path_patterns: ClassVar[tuple[str, ...]] = (r"(?:^|/)(?:plano|arch)_config[\w.-]*\.ya?ml$",)
    # `config.yaml` is Plano's default name too, but too generic to claim for editors.
    file_match: ClassVar[tuple[str, ...]] = ("**/plano_config*.yaml", "**/plano_config*.yml", "**/arch_config*.yaml", "**/arch_config*.yml")

    def sniff(self, value: Any) -> float:
        if not isinstance(value, dict):
            return 0.0
        keys = set(value)
        strong = len(keys & _STRONG_KEYS)
        weak = len(keys & _PLANO_KEYS)
        if strong:
            return min(1.0, 0.8 + 0.05 * (strong + weak))
        if weak >= 2:
            return min(0.6, 0.2 + 0.1 * weak)
        return 0.0

    def check(self, document: Document) -> list[Diagnostic]:
        from modelconf.dialects import plano_checks, plano_keys, plano_runtime_checks
        from modelconf.dialects._plano_view import PlanoView
        from modelconf.schema import validate

        assert self.schema is not None
        diagnostics = [_refine(document, d) for d in validate(document, self.schema, program=self.program)]
        if not isinstance(document.value, dict):
            return diagnostics  # the schema already says the file is not a mapping
        view = PlanoView(document)
        generator, _ = plano_checks.check(view)
        diagnostics += generator
        diagnostics += plano_runtime_checks.check(view)
        diagnostics += plano_keys.check(view)
        diagnostics += _unquoted_dates(document)
        return diagnostics


# PyYAML's implicit timestamp resolver (YAML 1.1), which Plano's loader applies to plain scalars.
# Digits made zeros, so a date's shape is one literal (`0000-0`) that bytes.find looks for in C.
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
# What can come before a value that is a whole date: a space or line break, `[`, `{`, `,` or `:`.
_BEFORE_VALUE = b" \t\r\n[{,:"


def _may_hold_dates(text: str) -> bool:
    """A cheap look: False when no value of the file can be a whole date. Model ids with a date
    inside (`gpt-4o-2024-08-06`) do not count, so most files need no walk. (A file that is nothing
    but a date is not a mapping: the schema reports that.)"""
    shape = text.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZERO)
    found = shape.find(b"0000-0")
    while found > 0:
        if shape[found - 1] in _BEFORE_VALUE:
            return True
        found = shape.find(b"0000-0", found + 1)
    return False


_TIMESTAMP = re.compile(
    r"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
    r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"
)


def _unquoted_dates(document: Document) -> list[Diagnostic]:
    """Values PyYAML reads as dates (C452). modelconf reads every timestamp as text, like the
    JSON-shaped configs it checks; whether Plano gets a date depends on how the value is written:
    plain (`2024-01-01`) is a date, quoted, tagged or a block scalar is text."""
    from modelconf.dialects._common import Reporter
    from modelconf.document import iter_scalars
    from modelconf.rules import plano as rules

    if document.syntax != "yaml" or not _may_hold_dates(document.text):
        return []
    report = Reporter(document)
    for path, value in iter_scalars(document.value):
        if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
            continue
        span = document.span(path)
        if document.line(span.start.line)[span.start.column - 1 : span.start.column] in ("'", '"', "|", ">", "!"):
            continue
        report(
            rules.UNQUOTED_DATE,
            path,
            f"PyYAML, which Plano reads this file with, turns the unquoted {value} into a date, not text; "
            "Plano's schema check then rejects the file",
            hint=f'quote it: "{value}"',
        )
    return report.out


def _refine(document: Document, diagnostic: Diagnostic) -> Diagnostic:
    """Say what Plano means where the generic schema message cannot."""
    where = diagnostic.pointer or ""
    if diagnostic.code == "S002" and _LEGACY_PROVIDER.match(where):
        return _legacy_provider(document, diagnostic)
    if diagnostic.code == "S005" and _INTERFACE.match(where):
        return _interface_on_known_provider(document, diagnostic)
    if diagnostic.code == "S002" and _STRAY.match(where):
        # Plano's schema lists `additionalProperties: false` as a parameter property by mistake.
        message = diagnostic.message + " (Plano's own message reads \"False schema does not allow ...\")"
        return dataclasses.replace(diagnostic, message=message)
    return diagnostic


def _interface_on_known_provider(document: Document, diagnostic: Diagnostic) -> Diagnostic:
    """`provider_interface: anthropic` on `anthropic/...`: the fix is removing it, not another value."""
    from modelconf.dialects._plano_profile import plano_facts

    model = _provider_entry(document, diagnostic).get("model")
    if isinstance(model, str) and "/" in model and model.split("/", 1)[0].strip() in plano_facts().supported:
        return dataclasses.replace(diagnostic, hint=f"remove `provider_interface`: `{model}` already names the provider")
    return diagnostic


def _legacy_provider(document: Document, diagnostic: Diagnostic) -> Diagnostic:
    """The legacy `provider` key: Plano's generator would migrate it, but its schema rejects it first."""
    from modelconf.dialects._plano_profile import plano_facts

    entry = _provider_entry(document, diagnostic)
    legacy, model = entry.get("provider"), entry.get("model")
    message = (
        "`provider` is the legacy name of `provider_interface`; Plano's schema rejects the key "
        '("Additional properties are not allowed (\'provider\' was unexpected)"), and its generator would '
        'not take it either ("Please provide either provider or provider_interface, not both")'
    )
    if isinstance(model, str) and "/" not in model and isinstance(legacy, str):
        hint = f"remove `provider` and write `model: {legacy}/{model}`"
    elif isinstance(model, str) and model.split("/", 1)[0].strip() in plano_facts().supported:
        hint = f"remove `provider`: `{model}` already names the provider"
    else:
        hint = "rename it to `provider_interface`"
    return dataclasses.replace(diagnostic, message=message, hint=hint)


def _provider_entry(document: Document, diagnostic: Diagnostic) -> dict[str, Any]:
    """The provider entry a `/<list>/<index>/<key>` pointer is about ({} if it is not a mapping)."""
    _, key, index, _ = (diagnostic.pointer or "").split("/")
    entry = document.get((key, int(index)))
    return entry if isinstance(entry, dict) else {}


DIALECT = PlanoDialect()
