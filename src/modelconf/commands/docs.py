"""`modelconf docs`: provider and model tables, the rule reference, the resolved-catalog format.

Thin: validate the options, call `modelconf.docs`, write or compare. Bad input (unknown target,
section or format) prints a message listing the valid values and exits 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from modelconf.commands._common import usage_error


def docs(
    target: Optional[str] = typer.Option(None, "--target", "-t", metavar="TARGET", help="The program whose providers to document: pi, zot, openclaw or plano."),
    section: str = typer.Option(
        "all",
        "--section",
        "-s",
        metavar="SECTION",
        help="providers, subscriptions, setup, models, notes (need --target), rules or resolved-catalog. "
        "all (the default): every section the target has, or the rule reference without --target.",
    ),
    format: Optional[str] = typer.Option(None, "--format", "-f", metavar="md|rst", help="md or rst (default: rst for a .rst FILE, else md)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
    check: Optional[Path] = typer.Option(None, "--check", metavar="FILE", help="Compare FILE with what would be generated: exit 1 with a unified diff when it is stale or missing."),
) -> None:
    """Generate docs: provider and model tables per target, the rule reference, the resolved-catalog format.

    Exit codes: 0 done (or FILE is current), 1 FILE is stale or missing (--check), 2 usage error.
    """
    from modelconf.docs import DocsError, render

    if output is not None and check is not None:
        usage_error("give either --output or --check, not both")
    file = check or output
    fmt = format or ("rst" if file is not None and file.suffix == ".rst" else "md")
    try:
        text = render(target=target, section=section, fmt=fmt)
    except DocsError as error:
        usage_error(str(error))
    if check is not None:
        _check(check, text)
        return
    if output is not None:
        from modelconf.atomic import atomic_write_text

        try:
            atomic_write_text(output, text)
        except OSError as error:
            usage_error(f"cannot write {output}: {error.strerror or error}")
        return
    typer.echo(text, nl=False)


def _check(path: Path, text: str) -> None:
    """Exit 1 with a unified diff when `path` differs from `text`; say nothing when it is current."""
    from modelconf.docs import diff, read_doc

    try:
        current = read_doc(path)
    except FileNotFoundError:
        typer.echo(f"modelconf: {path} does not exist; generate it with --output {path} instead of --check", err=True)
        raise typer.Exit(1) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        usage_error(f"cannot read {path}: {reason}")
    changes = diff(str(path), current, text)
    if changes:
        typer.echo(changes, nl=False)
        typer.echo(f"modelconf: {path} is stale; regenerate it with --output {path} instead of --check", err=True)
        raise typer.Exit(1)
