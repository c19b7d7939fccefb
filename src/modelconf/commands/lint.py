"""`modelconf lint FILE...` as a Typer command; the options and the run are in `lint_run`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from modelconf.commands.lint_run import FILES_HELP, OPTIONS, Color, Format, LintArgs, run


def _option(field: str, default: Any, **extra: Any) -> Any:
    option = OPTIONS[field]
    return typer.Option(default, *option.declarations, help=option.help, **extra)


def lint(
    files: Optional[list[str]] = typer.Argument(None, help=FILES_HELP),
    format: Optional[Format] = _option("format", None),
    dialect: Optional[str] = _option("dialect", None),
    select: Optional[list[str]] = _option("select", None),
    ignore: Optional[list[str]] = _option("ignore", None),
    strict: Optional[bool] = _option("strict", None),
    stdin_filename: Optional[str] = _option("stdin_filename", None),
    max_file_size: Optional[str] = _option("max_file_size", None),
    color: Color = _option("color", Color.auto),
    quiet: bool = _option("quiet", False),
    output_file: Optional[Path] = _option("output_file", None),
    jobs: int = _option("jobs", 0, min=0),
) -> None:
    """Check config files and report every problem with file:line:col, a rule code and a fix.

    Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage error or
    unreadable input.
    """
    args = LintArgs(
        files=files or [],
        format=format,
        dialect=dialect,
        select=select or [],
        ignore=ignore or [],
        strict=strict,
        stdin_filename=stdin_filename,
        max_file_size=max_file_size,
        color=color,
        quiet=quiet,
        output_file=output_file,
        jobs=jobs,
    )
    raise typer.Exit(run(args))
