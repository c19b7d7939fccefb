"""Helpers shared by command modules: usage errors, output streams."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer


def usage_error(message: str) -> NoReturn:
    """Print a usage problem to stderr and exit with code 2 (never a traceback)."""
    typer.echo(f"modelconf: error: {message}", err=True)
    raise typer.Exit(2)


def split_values(values: list[str] | None) -> list[str]:
    """Options given repeatedly or comma-separated: `--x a,b --x c` -> [a, b, c]."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
