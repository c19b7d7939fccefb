"""`modelconf diff OLD NEW [--target T] [--format text|json] [--exit-code]`"""

from __future__ import annotations

import enum
import json
import sys
from typing import Any, Optional

import typer

from modelconf.commands._common import gc_paused, usage_error


class Format(str, enum.Enum):
    text = "text"
    json = "json"


def diff_command(
    old: str = typer.Argument(..., help="A resolved catalog, or config files separated by commas (compiled in memory)."),
    new: str = typer.Argument(..., help="A resolved catalog, or config files separated by commas (compiled in memory)."),
    target: Optional[str] = typer.Option(None, "--target", "-t", help="Target for config files (default: their dialect)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when the catalogs differ."),
) -> None:
    """Compare two resolved catalogs (or two sets of config files): models added and removed,
    fields changed (old -> new) and provenance changes.

    Exit codes: 0 (or 1 with --exit-code when they differ); 2 when a side cannot be read,
    is a resolved catalog of another format version, or its config files have errors.
    """
    from modelconf.emit.diff import diff_catalogs, to_json, to_text

    with gc_paused():
        before = _side(old, target)
        after = _side(new, target)
        difference = diff_catalogs(before, after)
    if format is Format.json:
        json.dump(to_json(difference), sys.stdout, indent=2, ensure_ascii=False, sort_keys=True)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_text(difference))
    raise typer.Exit(1 if exit_code and not difference.same else 0)


def _side(spec: str, target: str | None) -> dict[str, Any]:
    """A resolved catalog by its `format` field, else config files compiled in memory."""
    from modelconf.compiler import CompileError, compile_files
    from modelconf.emit.resolved import to_data
    from modelconf.renderers import concise
    from modelconf.resolved_catalog import ResolvedCatalogError, is_resolved_catalog, parse_resolved

    paths = [part for part in spec.split(",") if part]
    if len(paths) == 1:
        data = _json_or_none(paths[0])
        if is_resolved_catalog(data):
            try:
                return parse_resolved(data, source=paths[0])
            except ResolvedCatalogError as error:
                usage_error(str(error))
    try:
        result = compile_files(paths, target=target)
    except CompileError as error:
        usage_error(str(error))
    if result.resolution is None:
        for diagnostic in result.report().diagnostics:
            sys.stderr.write(concise.line(diagnostic) + "\n")
        usage_error(f"cannot diff {spec}: {'it could not be read' if result.fatal else 'the files have errors'}")
    return to_data(result.resolution)


def _json_or_none(path: str) -> Any:
    try:
        with open(path, "rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
