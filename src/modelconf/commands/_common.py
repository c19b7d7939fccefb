"""Helpers shared by command modules: usage errors, pausing the garbage collector."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator
from typing import NoReturn


def usage_error(message: str) -> NoReturn:
    """Print a usage problem to stderr and exit with code 2 (never a traceback)."""
    print(f"modelconf: error: {message}", file=sys.stderr)
    raise SystemExit(2)


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
