"""`modelconf rules [CODE]`: list the rules, or explain one."""

from __future__ import annotations

import enum
import json
from typing import Optional

import typer

from modelconf.commands._common import usage_error


class RulesFormat(str, enum.Enum):
    text = "text"
    json = "json"


def rules(
    code: Optional[str] = typer.Argument(None, help="A rule code (S001) or name (wrong-type); omit to list all rules."),
    format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", help="text for people, json for machines."),
) -> None:
    """List every rule with its code, name, severity and summary, or explain one rule."""
    from modelconf.rules import all_rules, get_rule

    if code is None:
        registry = all_rules()
        if format is RulesFormat.json:
            typer.echo(json.dumps([rule.as_dict() for rule in registry], indent=2))
            return
        width = max(len(rule.name) for rule in registry)
        for rule in registry:
            typer.echo(f"{rule.code:<6} {rule.name:<{width}}  {rule.severity.label:<7}  {rule.summary}")
        return
    found = get_rule(code)
    if found is None:
        usage_error(f"no rule {code!r}; `modelconf rules` lists them")
    if format is RulesFormat.json:
        typer.echo(json.dumps(found.as_dict(), indent=2))
        return
    typer.echo(f"{found.code} ({found.name}), default severity: {found.severity.label}{', fatal' if found.fatal else ''}\n")
    typer.echo(found.summary + "\n")
    typer.echo(found.explanation)
    if found.example:
        typer.echo("\nExample:\n")
        for line in found.example.splitlines():
            typer.echo("    " + line)
