"""Small helpers shared by the dialects: diagnostics at document paths, and for the JSON dialects
(pi, zot, OpenClaw/Mayros) their provider walk, schema-finding rewrites and secret collection."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any, TypeGuard

from modelconf.diagnostics import Diagnostic, Related, Severity
from modelconf.document import Document, PathT, path_of, pointer
from modelconf.rules import Rule
from modelconf.secrets import looks_like_secret


def diagnostic_at(
    document: Document,
    rule: Rule,
    path: PathT,
    message: str,
    *,
    key: bool = False,
    hint: str | None = None,
    related: tuple[tuple[str, PathT], ...] = (),
    severity: Severity | None = None,
) -> Diagnostic:
    """A diagnostic about the node at `path` (its key when `key`); `related` names other nodes."""
    return rule(
        message,
        file=document.name,
        span=document.span(path, key=key),
        hint=hint,
        related=tuple(Related(text, None, document.span(where)) for text, where in related),
        severity=severity,
        pointer=pointer(path),
    )


class Reporter:
    """Collects diagnostics at document paths: `report(rule, path, message, key=..., hint=...)`."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.out: list[Diagnostic] = []

    def __call__(
        self,
        rule: Rule,
        path: PathT,
        message: str,
        *,
        key: bool = False,
        hint: str | None = None,
        related: tuple[tuple[str, PathT], ...] = (),
        severity: Severity | None = None,
    ) -> None:
        self.out.append(diagnostic_at(self.document, rule, path, message, key=key, hint=hint, related=related, severity=severity))

    def line(self, path: PathT) -> int:
        return self.document.span(path).start.line


def rewrite(
    diagnostics: list[Diagnostic],
    document: Document,
    change: Callable[[Diagnostic, PathT], Diagnostic | None],
) -> list[Diagnostic]:
    """Apply `change(diagnostic, path)` to each diagnostic; None drops it."""
    out = []
    for diagnostic in diagnostics:
        changed = change(diagnostic, path_of(document, diagnostic.pointer))
        if changed is not None:
            out.append(changed)
    return out


def add_consequence(diagnostic: Diagnostic, consequence: str) -> Diagnostic:
    """Append the program's consequence to an error's message."""
    if diagnostic.severity is not Severity.ERROR:
        return diagnostic
    return replace(diagnostic, message=f"{diagnostic.message}; {consequence}")


def providers(value: Any, root: PathT = ()) -> Iterator[tuple[str, dict[str, Any], PathT]]:
    """(name, block, path) for every provider block that is an object; other shapes are the schema's job."""
    holder = value.get("providers") if isinstance(value, dict) else None
    if not isinstance(holder, dict):
        return
    for name, block in holder.items():
        if isinstance(block, dict):
            yield name, block, root + ("providers", name)


def models(block: dict[str, Any], path: PathT) -> Iterator[tuple[int, Any, PathT]]:
    """(index, entry, path) for every entry of a provider's `models` list (entries of any type)."""
    entries = block.get("models")
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            yield index, entry, path + ("models", index)


def closest(word: str, candidates: Sequence[str]) -> str | None:
    """The candidate most like `word` (case-insensitive equality first), or None."""
    lowered = {candidate.lower(): candidate for candidate in candidates}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def collect_secrets(document: Document, values: Sequence[Any]) -> None:
    """Remember literal secrets so code frames mask them (never put them in a message)."""
    for value in values:
        if isinstance(value, str) and looks_like_secret(value):
            document.secret_values.add(value)


def quote(value: str) -> str:
    """A name as messages quote it: JSON-style double quotes."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def source_text(document: Document, path: PathT, limit: int = 40) -> str:
    """The value at `path` as written in the file (first line only, shortened)."""
    span = document.span(path)
    line = document.line(span.start.line)
    end = span.end.column - 1 if span.end.line == span.start.line else len(line)
    text = line[span.start.column - 1 : end]
    return text if len(text) <= limit else text[: limit - 1] + "…"
