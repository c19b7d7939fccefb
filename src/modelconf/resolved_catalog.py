"""The resolved catalog's contract, shared by the compiler and the runtime: format id, schema
validation, and the loader that refuses a format version it does not know.

Cheap to import (no compiler modules): the runtime imports it on every start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FORMAT = "modelconf.resolved-catalog/1"
FORMAT_PREFIX = "modelconf.resolved-catalog/"
SCHEMA_NAME = "resolved-catalog"
SCHEMA_ID = "https://modelconf.dev/schemas/resolved-catalog-1.json"


class ResolvedCatalogError(Exception):
    """A file is not a resolved catalog this modelconf can read; the message says why."""


def schema_errors(data: Any) -> list[str]:
    """Schema violations of a resolved catalog document, as `at /pointer: message` lines."""
    from modelconf.schema import validator  # not at import time: the runtime imports this module on start

    errors = list(validator(SCHEMA_NAME).iter_errors(data))
    return [f"at /{'/'.join(str(p) for p in error.instance_path)}: {error.message}" for error in errors]


def is_resolved_catalog(data: Any) -> bool:
    """Whether a JSON value claims to be a resolved catalog (by its `format` field)."""
    return isinstance(data, dict) and isinstance(data.get("format"), str) and data["format"].startswith(FORMAT_PREFIX)


def parse_resolved(data: Any, *, source: str = "<resolved catalog>") -> dict[str, Any]:
    """Check the format version and the schema; returns the document."""
    if not isinstance(data, dict):
        raise ResolvedCatalogError(f"{source}: a resolved catalog is a JSON object")
    found = data.get("format")
    if found != FORMAT:
        what = "no format field" if found is None else f"format {found!r}"
        raise ResolvedCatalogError(f"{source}: {what}; this modelconf reads {FORMAT!r}. Recompile it with this modelconf version.")
    problems = schema_errors(data)
    if problems:
        count = len(problems)
        lines = [f"{source}: not a valid resolved catalog ({count} schema error{'s' if count > 1 else ''}):"]
        lines += [f"  {line}" for line in problems[:5]]
        if count > 5:
            lines.append(f"  … and {count - 5} more")
        raise ResolvedCatalogError("\n".join(lines))
    return data


def load_resolved(path: str | Path) -> dict[str, Any]:
    """Read and check a resolved catalog file."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise ResolvedCatalogError(f"{path}: cannot read the resolved catalog: {error.strerror or error}") from None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ResolvedCatalogError(f"{path}: not a JSON resolved catalog: {error}") from None
    return parse_resolved(data, source=str(path))
