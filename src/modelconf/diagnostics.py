"""Diagnostics: what every stage reports instead of raising.

A `Diagnostic` names a rule code, a severity, a message, the file and the 1-based span of the
offending key or value, an optional hint and related locations. Stages collect them in lists; the
CLI renders them (see `modelconf.renderers`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


class Severity(enum.IntEnum):
    """How bad a finding is. Ordered so that `max()` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use error, warning or info") from None


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A 1-based line and column (columns count characters, not bytes)."""

    line: int
    column: int

    # Pickled as constructor arguments (as Span and Diagnostic are): lint workers send thousands
    # back, and the dataclass default for slots is several times slower both ways.
    def __reduce__(self) -> tuple[type[Position], tuple[int, int]]:
        return (Position, (self.line, self.column))


@dataclass(frozen=True, slots=True)
class Span:
    """A range in a file; `end` points just past the last character."""

    start: Position
    end: Position

    def __reduce__(self) -> tuple[type[Span], tuple[Position, Position]]:
        return (Span, (self.start, self.end))

    @classmethod
    def at(cls, line: int, column: int, end_line: int | None = None, end_column: int | None = None) -> Span:
        start = Position(line, column)
        if end_line is None or end_column is None:
            return cls(start, Position(line, column + 1))
        return cls(start, Position(end_line, end_column))


@dataclass(frozen=True, slots=True)
class Related:
    """Another location that explains a diagnostic (the first of two duplicate keys, ...)."""

    message: str
    file: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    file: str | None = None
    span: Span | None = None
    hint: str | None = None
    related: tuple[Related, ...] = field(default=())
    # JSON pointer of the node the diagnostic is about, when there is one (machine formats).
    pointer: str | None = None

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[Any, ...]]:
        return (Diagnostic, (self.code, self.severity, self.message, self.file, self.span, self.hint, self.related, self.pointer))

    def with_file(self, file: str) -> Diagnostic:
        related = tuple(r if r.file is not None else replace(r, file=file) for r in self.related)
        return replace(self, file=file, related=related)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        line, column = (self.span.start.line, self.span.start.column) if self.span else (0, 0)
        return (self.file or "", line, column, self.code, self.message)


def count_by_severity(diagnostics: list[Diagnostic]) -> dict[Severity, int]:
    counts = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    return counts
