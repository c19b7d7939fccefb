"""The resolve stage of `modelconf lint`: the O1xx findings for one file."""

from __future__ import annotations

from collections.abc import Sequence

from modelconf.diagnostics import Diagnostic, Severity
from modelconf.document import Document


def override_checks(document: Document, dialect: str, found: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Resolve one linted file for its target and return what that reveals.

    Runs only when the file has no errors (the program would reject or drop it, so what it would
    resolve to is moot); the built-in view is built only for the providers the file names, and
    the catalog is not loaded when it names none, which keeps lint fast.
    """
    if any(d.severity is Severity.ERROR for d in found):
        return []
    if dialect == "plano" and not _has_wildcard(document.value):
        # Every O finding for Plano comes from a `provider/*` expansion: specific entries that
        # clash are already C402/C403/C409 errors, and files with errors never get here.
        return []
    from modelconf.lower import TARGET_OF, lower  # only now: resolving imports a lot

    if dialect not in TARGET_OF:
        return []
    from modelconf.resolve import resolve

    ir = lower(document, dialect)
    return list(resolve([ir], ir.target, touched_only=True).diagnostics)


def _has_wildcard(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    for section in ("model_providers", "llm_providers"):
        entries = value.get(section)
        for entry in entries if isinstance(entries, list) else ():
            model = entry.get("model") if isinstance(entry, dict) else None
            if isinstance(model, str) and model.rsplit("/", 1)[-1] == "*":
                return True
    return False
