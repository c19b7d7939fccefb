"""The `modelconf` console script: a `lint` command line this module can parse runs without
loading Typer (see `commands.lint_run`); everything else goes to the Typer app in `cli`."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable


def _exit_code(command: Callable[[], object]) -> int:
    """Run `command`; its exit code, from what it returns or the SystemExit it raises. Ctrl-C and a
    closed output pipe (`| head`) end it the way Typer ends its commands: exit 1, no traceback."""
    try:
        result = command()
    except KeyboardInterrupt:
        print("\nAborted!", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except SystemExit as exit_:
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or 0
        print(exit_.code, file=sys.stderr)
        return 1
    return result if isinstance(result, int) else 0


def _typer_app() -> None:
    from modelconf.cli import app

    app()


def main() -> None:
    """After the command, flush and end the process without tearing down every object a large
    run allocated (that teardown costs more than some runs)."""
    argv = sys.argv[1:]
    args = None
    if argv[:1] == ["lint"]:
        from modelconf.commands import lint_run

        args = lint_run.parse(argv[1:])
    if args is not None:
        # No collection from here on: the process ends after the run, and a collection of all a
        # large run allocated, which re-enabling the collector would start, only delays the exit.
        gc.disable()
        code = _exit_code(lambda: lint_run.run(args))
    else:
        code = _exit_code(_typer_app)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a closed pipe (`| head`) or stream: nothing left to show
        pass
    os._exit(code)
