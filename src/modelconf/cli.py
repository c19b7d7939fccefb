"""The `modelconf` command line. Thin: parse options, call the library, render, exit."""

from __future__ import annotations

import typer

from modelconf import __version__
from modelconf.commands.chat import chat

app = typer.Typer(
    name="modelconf",
    help="Lint, explain and compile LLM provider configuration (pi, zot, OpenClaw/Mayros, Plano).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"modelconf {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Lint, explain and compile LLM provider configuration."""


app.command("chat")(chat)


def main() -> None:
    app()
