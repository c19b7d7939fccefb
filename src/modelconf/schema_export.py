"""Export the JSON Schemas for editors, with a SchemaStore-style catalog.

`export_schemas(folder)` writes every schema in `schemas/` as `<name>.json` (the last segment of its
`$id`) and a `catalog.json` that maps each dialect's file globs to its schema, in the format
SchemaStore, VS Code and yaml-language-server read (`{"schemas": [{name, description, fileMatch,
url}]}`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from modelconf._resources import data_root
from modelconf.atomic import atomic_write_text

CATALOG_SCHEMA = "https://json.schemastore.org/schema-catalog.json"


def schema_files() -> dict[str, dict[str, Any]]:
    """Every shipped schema by its export file name (`pi-models.json`)."""
    root = data_root("schemas")
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted(os.listdir(root)):
        if not entry.endswith(".schema.json"):
            continue
        with open(os.path.join(root, entry), encoding="utf-8") as handle:
            schema = json.load(handle)
        out[schema["$id"].rsplit("/", 1)[-1]] = schema
    return out


def schema_catalog(base_url: str | None = None) -> dict[str, Any]:
    """The catalog.json content. `base_url` replaces the `$id` host (e.g. a local folder URL)."""
    from modelconf import dialects

    schemas = schema_files()
    by_id = {schema["$id"]: (name, schema) for name, schema in schemas.items()}
    entries = []
    for dialect in dialects.all_dialects():
        schema_id = dialect.schema_id
        if schema_id is None or schema_id not in by_id:
            continue
        name, schema = by_id[schema_id]
        entries.append(
            {
                "name": f"modelconf: {dialect.title}",
                "description": schema.get("description", dialect.title),
                "fileMatch": list(dialect.file_globs),
                "url": (base_url.rstrip("/") + "/" + name) if base_url else schema_id,
            }
        )
    return {"$schema": CATALOG_SCHEMA, "version": 1.0, "schemas": entries}


def export_schemas(folder: str | Path, base_url: str | None = None) -> list[Path]:
    """Write the schemas and catalog.json into `folder` (created if missing); return the paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schema_files().items():
        path = target / name
        atomic_write_text(path, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    catalog = target / "catalog.json"
    atomic_write_text(catalog, json.dumps(schema_catalog(base_url), indent=2, ensure_ascii=False) + "\n")
    written.append(catalog)
    return written
