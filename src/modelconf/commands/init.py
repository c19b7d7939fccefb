"""`modelconf init --target T [PATH]`"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from modelconf.commands._common import usage_error


def init(
    path: Optional[Path] = typer.Argument(None, help="File to write, or a folder (default: the target's usual file name here)."),
    target: str = typer.Option(..., "--target", "-t", help="pi, zot, openclaw or plano."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented starter config for a target; it passes `modelconf lint`."""
    from modelconf.init import InitError, init_config

    try:
        written = init_config(target, path, force=force)
    except InitError as error:
        usage_error(str(error))
    typer.echo(f"wrote {written}; check it with: modelconf lint {written}")
