"""Diagnostics at IR origins (the resolve stage has no document, only origins)."""

from __future__ import annotations

from modelconf.diagnostics import Diagnostic, Related, Severity, Span
from modelconf.ir import Origin
from modelconf.rules import Rule

BUILT_IN = "<built-in catalog>"


def at(origin: Origin) -> Span:
    return Span.at(origin.line, origin.column)


def report(
    rule: Rule,
    message: str,
    origin: Origin,
    *,
    hint: str | None = None,
    related: tuple[Related, ...] = (),
    severity: Severity | None = None,
) -> Diagnostic:
    return rule(message, file=origin.file, span=at(origin), hint=hint, related=related, severity=severity, pointer=origin.pointer)


def related_at(message: str, origin: Origin) -> Related:
    return Related(message, origin.file, at(origin))


def related_built_in(message: str) -> Related:
    """A related note about a built-in entry, which has no place in a file."""
    return Related(message, BUILT_IN, None)
