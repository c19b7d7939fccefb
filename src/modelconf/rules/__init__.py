"""The rule registry: every diagnostic code modelconf can emit, with its documentation.

Rules are grouped in families by the first letter of their code (ruff-style):

- `P` parse: reading bytes into a document;
- `D` dialect detection;
- `S` schema: the dialect's JSON Schema;
- `C` config semantics: the load-time checks each program performs, duplicates, defaults, wildcards;
- `O` overrides and catalog;
- `K` keys and credentials;
- `E` endpoints and base URLs.

Each family module defines its rules with `define(...)` at import time; `all_rules()` imports every
family so that `modelconf rules` and the generated docs see all of them.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Any

from modelconf.diagnostics import Diagnostic, Related, Severity, Span

# Modules that define rules. A new family or dialect adds itself here.
_RULE_MODULES: tuple[str, ...] = (
    "modelconf.rules.parse",
    "modelconf.rules.detect",
    "modelconf.rules.schema",
    "modelconf.rules.catalog",
    "modelconf.rules.pi",
    "modelconf.rules.zot",
    "modelconf.rules.openclaw",
    "modelconf.rules.plano",
    "modelconf.rules.credentials",
    "modelconf.rules.overrides",
)

_REGISTRY: dict[str, Rule] = {}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    example: str = ""
    # A fatal rule means the input could not be read at all: the run exits with code 2.
    fatal: bool = False

    def __call__(
        self,
        message: str,
        *,
        span: Span | None = None,
        file: str | None = None,
        hint: str | None = None,
        related: tuple[Related, ...] = (),
        severity: Severity | None = None,
        pointer: str | None = None,
    ) -> Diagnostic:
        """Make a diagnostic for this rule (severity defaults to the rule's)."""
        return Diagnostic(
            code=self.code,
            severity=self.severity if severity is None else severity,
            message=message,
            file=file,
            span=span,
            hint=hint,
            related=related,
            pointer=pointer,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "summary": self.summary,
            "explanation": self.explanation,
            "example": self.example,
            "fatal": self.fatal,
        }


def define(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    explanation: str,
    example: str = "",
    *,
    fatal: bool = False,
) -> Rule:
    """Register a rule. Codes and names are unique; registering twice is a programming error."""
    if code in _REGISTRY:
        raise ValueError(f"rule code {code} is defined twice")
    # Explanations are one paragraph however the source wraps them; examples keep their layout.
    paragraph = " ".join(inspect.cleandoc(explanation).split())
    rule = Rule(code, name, severity, summary, paragraph, inspect.cleandoc(example), fatal)
    _REGISTRY[code] = rule
    return rule


_ALL_LOADED = False


def _load_families() -> None:
    """Import every family module once, so the registry holds every rule."""
    global _ALL_LOADED
    if not _ALL_LOADED:
        for module in _RULE_MODULES:
            importlib.import_module(module)
        _ALL_LOADED = True


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    _load_families()
    return sorted(_REGISTRY.values(), key=lambda rule: _code_sort_key(rule.code))


def get_rule(code: str) -> Rule | None:
    """The rule with this code (any case) or name, or None.

    A dict lookup: the JSON and SARIF renderers call it for every diagnostic they write.
    """
    _load_families()
    found = _REGISTRY.get(code) or _REGISTRY.get(code.upper())
    if found is not None:
        return found
    wanted = code.lower()
    return next((rule for rule in _REGISTRY.values() if rule.name == wanted), None)


def is_fatal(code: str) -> bool:
    rule = _REGISTRY.get(code)
    return rule is not None and rule.fatal


def _code_sort_key(code: str) -> tuple[str, int]:
    letters = code.rstrip("0123456789")
    digits = code[len(letters):]
    return (letters, int(digits) if digits else 0)
