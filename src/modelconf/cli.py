"""The `modelconf` command line. Thin: parse options, call the library, render, exit."""

from __future__ import annotations

import typer

from modelconf import __version__
from modelconf.commands.catalog import app as catalog_app
from modelconf.commands.chat import chat
from modelconf.commands.compile import compile_command
from modelconf.commands.diff import diff_command
from modelconf.commands.docs import docs
from modelconf.commands.explain import explain
from modelconf.commands.init import init
from modelconf.commands.lint import lint
from modelconf.commands.rules import rules
from modelconf.commands.schema import app as schema_app

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


# In the order `modelconf --help` lists them: the pipeline first, then helpers and reference.
app.command("lint")(lint)
app.command("compile")(compile_command)
app.command("diff")(diff_command)
app.command("explain")(explain)
app.command("chat")(chat)
app.command("init")(init)
app.command("rules")(rules)
app.command("docs")(docs)
app.add_typer(catalog_app, name="catalog")
app.add_typer(schema_app, name="schema")

