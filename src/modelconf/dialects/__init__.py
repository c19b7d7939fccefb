"""Dialects: the file formats people write, one module each, and detection.

A dialect module defines a subclass of `Dialect` and exposes an instance as `DIALECT`. It knows how
to recognise its files (names, paths, `$schema`, shape), which program reads them, and how to check
them (schema + the program's load-time checks).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from modelconf.diagnostics import Diagnostic
from modelconf.document import Document

# Dialect name -> module. Each module exposes `DIALECT`.
_DIALECT_MODULES: dict[str, str] = {
    "pi": "modelconf.dialects.pi",
    "zot": "modelconf.dialects.zot",
    "openclaw": "modelconf.dialects.openclaw",
    "openclaw-models": "modelconf.dialects.openclaw_models",
    "plano": "modelconf.dialects.plano",
    "pi-auth": "modelconf.dialects.pi_auth",
    "zot-auth": "modelconf.dialects.zot_auth",
    "openclaw-auth": "modelconf.dialects.openclaw_auth",
}

SCHEMA_BASE = "https://modelconf.dev/schemas/"


class Dialect:
    """Base class for a dialect. Subclasses set the class attributes and override `check`/`sniff`."""

    name: ClassVar[str]
    title: ClassVar[str]
    # The program that reads the file, as messages name it ("pi", "zot", "OpenClaw/Mayros", "Plano").
    program: ClassVar[str]
    # The target profile this dialect implies.
    target: ClassVar[str]
    # What the program's parser accepts: "json" (strict), "json5", or "yaml".
    syntax: ClassVar[str]
    # Schema name in schemas/ (without .schema.json), or None.
    schema: ClassVar[str | None] = None
    # Base names this dialect's files usually have (used to expand directories).
    file_names: ClassVar[tuple[str, ...]] = ()
    # Regexes matched against the file's posix path; a match is strong evidence.
    path_patterns: ClassVar[tuple[str, ...]] = ()
    # Note added to the message when a strict-JSON program meets JSON5 syntax.
    syntax_note: ClassVar[str] = ""
    # Editor globs (SchemaStore `fileMatch`) beyond `**/<file_name>` for each file name.
    file_match: ClassVar[tuple[str, ...]] = ()

    @property
    def schema_id(self) -> str | None:
        return f"{SCHEMA_BASE}{self.schema}.json" if self.schema else None

    @property
    def file_globs(self) -> tuple[str, ...]:
        """Globs editors use to associate this dialect's schema with files."""
        return tuple(dict.fromkeys((*self.file_match, *(f"**/{name}" for name in self.file_names))))

    def sniff(self, value: Any) -> float:
        """How much the content looks like this dialect, from 0 (not at all) to 1 (certainly)."""
        return 0.0

    def check(self, document: Document) -> list[Diagnostic]:
        """Schema validation plus the program's own load-time checks."""
        from modelconf.schema import validate

        if self.schema is None:
            return []
        return validate(document, self.schema, program=self.program)


def names() -> list[str]:
    return sorted(_DIALECT_MODULES)


# Loaded dialect instances by module (tests may point a name at another module).
_LOADED: dict[str, Dialect] = {}


def get(name: str) -> Dialect:
    if name not in _DIALECT_MODULES:
        known = ", ".join(names()) or "none yet"
        raise ValueError(f"unknown dialect {name!r} (known: {known})")
    module = _DIALECT_MODULES[name]
    dialect = _LOADED.get(module)
    if dialect is None:
        dialect = _LOADED[module] = importlib.import_module(module).DIALECT
    return dialect


@functools.cache
def _path_patterns(dialect: Dialect) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in dialect.path_patterns)


def _can_read(dialect: Dialect, document: Document) -> bool:
    """Whether the dialect's program can parse the document's syntax: the JSON readers of pi, zot
    and OpenClaw cannot read YAML, while a YAML reader (Plano) reads JSON too."""
    return document.syntax != "yaml" or dialect.syntax == "yaml"


def all_dialects() -> list[Dialect]:
    return [get(name) for name in names()]


def known_file_names() -> set[str]:
    return {file_name for dialect in all_dialects() for file_name in dialect.file_names}


@dataclass(slots=True)
class Detection:
    dialect: Dialect | None
    reason: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)


def schema_reference(document: Document) -> str | None:
    """The `$schema` the file names: a top-level JSON key or a yaml-language-server modeline."""
    if isinstance(document.value, dict) and isinstance(document.value.get("$schema"), str):
        return str(document.value["$schema"])
    if document.syntax == "yaml" and "yaml-language-server" in document.text[:4096]:
        match = _MODELINE.search(document.text[:4096])
        if match:
            return match.group(1)
    return None


def detect(document: Document, explicit: str | None = None) -> Detection:
    """Decide the dialect: explicit choice, then `$schema`, then the path, then the shape."""
    from modelconf.rules import detect as rules

    if explicit:
        return Detection(get(explicit), "chosen with --dialect")
    dialects = all_dialects()
    diagnostics: list[Diagnostic] = []
    reference = schema_reference(document)
    if reference is not None:
        for dialect in dialects:
            if dialect.schema and (reference == dialect.schema_id or reference.rstrip("/").endswith("/" + dialect.schema + ".json")):
                return Detection(dialect, f"$schema names {dialect.schema_id}")
        diagnostics.append(
            rules.UNKNOWN_SCHEMA(
                f"$schema {reference!r} names no modelconf schema; it was ignored for dialect detection",
                file=document.name,
                span=document.span(("$schema",)) if document.has(("$schema",)) else None,
            )
        )
    readable = [d for d in dialects if _can_read(d, document)]
    path = document.name.replace("\\", "/")
    file_name = path.rsplit("/", 1)[-1]
    by_path = [d for d in readable if any(p.search(path) for p in _path_patterns(d))]
    if len(by_path) == 1:
        return Detection(by_path[0], f"path matches {by_path[0].title}", diagnostics)
    candidates = by_path or [d for d in readable if file_name in d.file_names] or readable
    return _by_shape(document, candidates, diagnostics)


def _by_shape(document: Document, candidates: Sequence[Dialect], diagnostics: list[Diagnostic]) -> Detection:
    from modelconf.rules import detect as rules

    scored = sorted(((d.sniff(document.value), i, d) for i, d in enumerate(candidates)), key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] <= 0:
        diagnostics.append(
            rules.UNKNOWN_DIALECT(
                "cannot tell which program reads this file; only its syntax was checked",
                file=document.name,
                hint=f"pass --dialect ({', '.join(names())})" if names() else None,
            )
        )
        return Detection(None, "unknown", diagnostics)
    best_score, _, best = scored[0]
    rivals = [d for score, _, d in scored[1:] if score > 0 and best_score - score < 0.15]
    if rivals:
        others = " or ".join(d.title for d in rivals)
        diagnostics.append(
            rules.AMBIGUOUS_DIALECT(
                f"this could be a {best.title} or a {others}; checking it as {best.title}",
                file=document.name,
                hint=f"pass --dialect {best.name}, or add \"$schema\": \"{best.schema_id}\"",
            )
        )
    return Detection(best, f"content looks like {best.title}", diagnostics)
