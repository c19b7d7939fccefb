"""`modelconf compile FILE... [--target T] [-o resolved.json] [--force] [--format text|json]`"""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from modelconf.commands._common import gc_paused, usage_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.compiler import CompileResult


class Format(str, enum.Enum):
    text = "text"
    json = "json"


def compile_command(
    files: list[Path] = typer.Argument(..., help="Config files, composed left to right (later files are layers over earlier ones)."),
    target: Optional[str] = typer.Option(None, "--target", "-t", help="The program to resolve for: pi, zot, openclaw, plano (default: the files' dialect)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the resolved catalog here (atomically). Without it, print a summary."),
    force: bool = typer.Option(False, "--force", help="Resolve and write even when the files have errors (the exit code still says 1)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Summary and diagnostics as text or json."),
) -> None:
    """Resolve config files over the target's built-in catalog and write the resolved catalog.

    Exit codes: 0 written (or summarised) without errors; 1 errors found (then nothing is
    written, and an existing output file is left as it was, unless you pass --force);
    2 usage error or unreadable input.
    """
    from modelconf.compiler import CompileError, compile_files

    try:
        with gc_paused():
            result = compile_files(files, target=target, force=force)
    except CompileError as error:
        usage_error(str(error))
    if result.fatal:
        _diagnostics(result, format)
        raise typer.Exit(2)
    written = False
    if result.text is not None and output is not None:
        from modelconf.atomic import atomic_write_text

        try:
            atomic_write_text(output, result.text)
        except OSError as error:
            usage_error(f"cannot write {output}: {error.strerror or error}")
        written = True
    if format is Format.json:
        payload = _summary_data(result)
        payload.update({"output": str(output) if output is not None else None, "written": written})
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, sort_keys=True)
        sys.stdout.write("\n")
    else:
        _diagnostics(result, format)
        if output is None and result.resolution is not None:
            sys.stdout.write(summary_text(result))
        elif written:
            counts = _counts(result)
            typer.echo(f"wrote {output}: {counts['models']} models, {counts['providers']} providers ({result.target})", err=True)
        elif output is not None:
            typer.echo(f"modelconf: {output} not written: the files have errors (use --force to write anyway)", err=True)
    raise typer.Exit(1 if result.errors else 0)


def _diagnostics(result: CompileResult, format: Format) -> None:
    """Diagnostics on stderr, one per line (text), or inside the JSON report."""
    if format is Format.json:
        if result.fatal:
            json.dump(_summary_data(result), sys.stdout, indent=2, ensure_ascii=False, sort_keys=True)
            sys.stdout.write("\n")
        return
    from modelconf.renderers import concise

    for diagnostic in result.report().diagnostics:
        sys.stderr.write(concise.line(diagnostic) + "\n")


def _counts(result: CompileResult) -> dict[str, int]:
    resolution = result.resolution
    if resolution is None:
        return {}
    models = resolution.models.values()
    replaced = sum(1 for m in models if any(c.replaced for c in m.changes))
    return {
        "providers": len(resolution.providers),
        "models": len(resolution.models),
        "overridden": sum(1 for m in models if m.origin == "override") + replaced,
        "added": sum(1 for m in models if m.origin == "user") - replaced,
        "expanded": sum(1 for m in models if m.origin == "wildcard"),
        "patterns": len(resolution.patterns),
    }


def _summary_data(result: CompileResult) -> dict[str, Any]:
    from modelconf.renderers.json_report import diagnostic_dict

    return {
        "target": result.target,
        "files": [{"file": f.name, "dialect": f.dialect} for f in result.files],
        "counts": _counts(result),
        "diagnostics": [diagnostic_dict(d) for d in result.report().diagnostics],
        "errors": result.errors,
    }


def summary_text(result: CompileResult) -> str:
    """The counts, then each model a user entry touched."""
    counts = _counts(result)
    resolution = result.resolution
    assert resolution is not None
    lines = [f"target {result.target}: {', '.join(f.name for f in result.files)}"]
    lines += [f"  {name:<11} {value:>6}" for name, value in counts.items()]
    if resolution.default_model:
        lines.append(f"  default     {resolution.default_model}")
    touched = [m for key, m in sorted(resolution.models.items()) if m.origin in ("override", "user")]
    if touched:
        lines.append("")
        width = max(len(m.key) for m in touched)
        for model in touched:
            what = "replaced" if any(c.replaced for c in model.changes) else {"override": "overridden", "user": "added"}[model.origin]
            fields = sorted({f for c in model.changes for f in c.fields}) if what != "added" else []
            entry = model.changes[-1].entry if model.changes else str(model.created_by)
            detail = f" ({', '.join(fields)})" if fields and what == "overridden" else ""
            lines.append(f"  {model.key:<{width}}  {what:<10} {entry}{detail}")
    return "\n".join(lines) + "\n"
