"""Check catalog and target-profile files: parse with positions, validate, report diagnostics.

Built-in data is validated by the test suite; these functions are for files given to modelconf
(an imported catalog, an edited profile) and report every problem at its position instead of
raising. The schema validators are `modelconf.schema`'s (jsonschema-rs).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from modelconf.diagnostics import Diagnostic
from modelconf.document import Document, PathT, dotted, pointer, read_path
from modelconf.rules import catalog as rules
from modelconf.schema import validator

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from modelconf.catalog._profiles import TargetProfile
    from modelconf.rules import Rule


def _schema_diagnostics(document: Document, schema_name: str, rule: Rule) -> list[Diagnostic]:
    out = []
    for error in validator(schema_name).iter_errors(document.value):
        path: PathT = tuple(error.instance_path)
        where = dotted(path)
        out.append(
            rule(
                f"{where}: {error.message}",
                file=document.name,
                span=document.span(path),
                pointer=pointer(path),
            )
        )
    return sorted(out, key=lambda d: d.sort_key)


def check_catalog_file(path: str | Path) -> list[Diagnostic]:
    """Every problem in a catalog file (parse errors, schema errors), with positions."""
    result = read_path(path, syntax="json")
    if result.document is None:
        return result.diagnostics
    return result.diagnostics + _schema_diagnostics(result.document, "catalog", rules.CATALOG_SCHEMA)


def check_profile_file(path: str | Path) -> list[Diagnostic]:
    """Every problem in a target-profile file, with positions."""
    return load_profile_file(path)[1]


def load_profile_file(path: str | Path) -> tuple[TargetProfile | None, list[Diagnostic]]:
    """Read a target-profile file; the profile is None when it has errors."""
    result = read_path(path, syntax="json")
    if result.document is None:
        return None, result.diagnostics
    document = result.document
    diagnostics = result.diagnostics + _schema_diagnostics(document, "target-profile", rules.PROFILE_SCHEMA)
    if diagnostics:
        return None, diagnostics
    diagnostics = _reference_diagnostics(document)
    if diagnostics:
        return None, diagnostics
    from modelconf.catalog._profiles import profile_from_data

    return profile_from_data(document.value), []


def _reference_diagnostics(document: Document) -> list[Diagnostic]:
    """Provider ids used by aliases, doc tables and notes must be defined; ids must be unique."""
    value: Mapping[str, Any] = document.value
    out: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(value["providers"]):
        provider_id = entry["id"]
        if provider_id in seen:
            out.append(
                rules.PROFILE_DUPLICATE(
                    f"provider {provider_id!r} is defined twice (first at providers[{seen[provider_id]}])",
                    file=document.name,
                    span=document.span(("providers", index, "id")),
                    hint="remove or rename one of the two entries",
                )
            )
        seen.setdefault(provider_id, index)

    def check(path: PathT, provider_id: str, what: str) -> None:
        if provider_id not in seen:
            out.append(
                rules.PROFILE_REFERENCE(
                    f"{what} names provider {provider_id!r}, which this profile does not define",
                    file=document.name,
                    span=document.span(path),
                    hint=f"use one of: {', '.join(sorted(seen))}",
                )
            )

    for alias, target in value.get("provider_ids", {}).get("aliases", {}).items():
        check(("provider_ids", "aliases", alias), target, f"alias {alias!r}")
    for t, table in enumerate(value.get("doc_tables", ())):
        for r, row in enumerate(table.get("rows", ())):
            check(("doc_tables", t, "rows", r, "provider"), row["provider"], f"doc table {table['id']!r}")
    for n, note in enumerate(value.get("notes", ())):
        if "provider" in note:
            check(("notes", n, "provider"), note["provider"], f"note {note['id']!r}")
    return sorted(out, key=lambda d: d.sort_key)

