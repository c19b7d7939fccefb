"""Command groups of the CLI. Each module defines a `typer.Typer` app or command functions and
imports the library lazily so that `modelconf --help` and `modelconf lint` start fast."""
