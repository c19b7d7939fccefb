"""`modelconf schema export DIR`: the JSON Schemas and a SchemaStore-style catalog for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from modelconf.commands._common import usage_error

app = typer.Typer(help="JSON Schemas for editors (VS Code, yaml-language-server, SchemaStore).", no_args_is_help=True)


@app.command("export")
def export(
    folder: Path = typer.Argument(..., help="Folder to write the schemas and catalog.json into (created if missing)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="Where the schemas will be served, for catalog.json (default: their $id URLs)."),
) -> None:
    """Write every schema as <name>.json plus catalog.json with each dialect's file globs."""
    from modelconf.schema_export import export_schemas

    try:
        written = export_schemas(folder, base_url)
    except OSError as error:
        usage_error(f"cannot write to {folder}: {error.strerror or error}")
    for path in written:
        typer.echo(str(path))


@app.command("list")
def list_schemas() -> None:
    """List the shipped schemas with their $id."""
    from modelconf.schema_export import schema_files

    for name, schema in schema_files().items():
        typer.echo(f"{name:<32} {schema['$id']}")
