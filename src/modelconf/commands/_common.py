"""Helpers shared by command modules: usage errors, output streams."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator
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


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (restored after, also for tests run in-process).

    Lint, compile and diff allocate many small objects that stay alive until the output is
    written, without cycles; the collector's full passes then cost time in proportion to
    everything alive (bench/compile_scale.py: a quarter more per entry at 10,000 entries). Use it
    as `with gc_paused():` or as a decorator, `@gc_paused()`.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
