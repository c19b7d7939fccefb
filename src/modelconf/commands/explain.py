"""`modelconf explain MODEL`: the model, its endpoint and the credential walk, as a target sees them.

Exit codes: 0 a credential was chosen, 1 none, 2 usage error or unreadable input.
"""

from __future__ import annotations

import enum
import sys
from typing import Optional

import typer

from modelconf.commands._common import gc_paused, usage_error


class ExplainFormat(str, enum.Enum):
    text = "text"
    json = "json"


def explain(
    model: str = typer.Argument(..., metavar="MODEL", help="provider/model (model ids may contain /), or an alias the config defines."),
    target: Optional[str] = typer.Option(None, "--target", "-t", help="The program: pi, zot, openclaw or plano (default: from the config)."),
    config: Optional[list[str]] = typer.Option(None, "--config", "-c", help="A config file the program reads (repeatable)."),
    auth_file: Optional[str] = typer.Option(None, "--auth-file", help="The program's auth file (default: where the program looks)."),
    api_key_stdin: bool = typer.Option(False, "--api-key-stdin", help="Read the CLI key (--api-key) from one line of stdin."),
    env_file: Optional[str] = typer.Option(None, "--env-file", help="Use KEY=VALUE lines from this file as the environment."),
    allow_exec: bool = typer.Option(False, "--allow-exec", help="Run !command / api_key_command to see what they print (never shown)."),
    app_prefix: Optional[str] = typer.Option(None, "--app-prefix", help="OpenClaw/Mayros: MAYROS (default) or OPENCLAW."),
    profile_id: Optional[str] = typer.Option(None, "--profile", help="OpenClaw/Mayros: an auth profile chosen for the run."),
    format: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text for people, json for machines."),
) -> None:
    """Show a model as a program sees it: facts with provenance, the endpoint, and every place the
    program looks for its key, in order, with the one it picks marked. Keys appear only as
    fingerprints; nothing runs without --allow-exec.
    """
    import os
    import time

    from modelconf.credentials._sources import home_directory
    from modelconf.explain import ExplainError
    from modelconf.explain import explain as run_explain
    from modelconf.explain._render import dumps, render_text

    cli_key = None
    if api_key_stdin:
        line = sys.stdin.readline()
        cli_key = line.rstrip("\r\n")
        if not cli_key:
            usage_error("--api-key-stdin: stdin gave an empty line")
    try:
        with gc_paused():  # it compiles the configs (or the target's built-in view)
            result = run_explain(
                model,
                target=target,
                configs=config or (),
                auth_file=auth_file,
                env=os.environ,
                env_file=env_file,
                cli_key=cli_key,
                allow_exec=allow_exec,
                home=home_directory(),
                now_ms=int(time.time() * 1000),
                app_prefix=app_prefix,
                profile_id=profile_id,
            )
    except ExplainError as error:
        usage_error(str(error))
    except ValueError as error:  # an unknown app prefix, a malformed profile
        usage_error(str(error))
    typer.echo(dumps(result) if format is ExplainFormat.json else render_text(result), nl=format is ExplainFormat.json)
    raise typer.Exit(result.exit_code)
