"""`modelconf chat MODEL PROMPT`: stream one answer through the runtime.

The catalog is a resolved catalog (`--catalog`) or config files compiled in memory (`--config`,
the same compile as `modelconf compile`). Keys come from the credentials engine: the target's
walk over the environment (or `--env-file`), its auth file (or `--auth-file`), the configs and
the CLI key; commands run only with `--allow-exec`. Without a credential nothing is sent.

The runtime, the compiler and the engine (and so httpx) are imported inside the command, so
`modelconf --help` and `lint` do not pay for them.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import typer

if TYPE_CHECKING:
    from modelconf.credentials import EngineCredentials
    from modelconf.credentials._config import ConfigFile
    from modelconf.credentials._sources import Sources
    from modelconf.diagnostics import Diagnostic
    from modelconf.runtime import AssistantMessage, Catalog, ChatStream, Event, ModelSpec

DIM, RESET = "\x1b[2m", "\x1b[0m"


class ChatFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def chat(
    model: str = typer.Argument(..., help="Model key (provider/id), alias or id."),
    prompt: str = typer.Argument(..., help="The user message."),
    catalog: Path | None = typer.Option(None, "--catalog", help="A resolved catalog (`modelconf compile -o`)."),
    config: list[Path] | None = typer.Option(None, "--config", "-c", help="Config files compiled in memory instead (repeatable, left to right)."),
    target: str | None = typer.Option(None, "--target", "-t", help="Target program of --config: pi, zot, openclaw, plano (default: the files' dialect)."),
    system: str | None = typer.Option(None, "--system", help="System prompt."),
    max_tokens: int | None = typer.Option(None, "--max-tokens", min=1, help="Maximum output tokens."),
    output: ChatFormat = typer.Option(ChatFormat.text, "--format", help="text: the answer as it streams; jsonl: every event as a JSON line."),
    auth_file: Path | None = typer.Option(None, "--auth-file", help="The target's auth file (default: where the target keeps it)."),
    env_file: Path | None = typer.Option(None, "--env-file", help="Use the KEY=VALUE lines of this file as the environment for the key walk."),
    api_key_stdin: bool = typer.Option(False, "--api-key-stdin", help="Read the key given on the target's command line from the first line of stdin."),
    allow_exec: bool = typer.Option(False, "--allow-exec", help="Run !command keys (pi) and api_key_command (zot); without it nothing runs."),
) -> None:
    """Stream a chat completion: text as it arrives, thinking dimmed, usage and cost at the end.

    Exit codes: 0 done; 1 an error event, errors in the --config files, or no credential (nothing
    is sent); 2 usage error or unreadable input; 130 interrupted.
    """
    if (catalog is None) == (not config):
        _usage_error("give either --catalog resolved.json or --config FILE (compiled in memory)")
    if catalog is not None and target is not None:
        _usage_error("--target goes with --config; a resolved catalog names its target")

    from modelconf.credentials import EngineCredentials
    from modelconf.credentials._sources import SourceError, gather, home_directory
    from modelconf.runtime import CatalogError, Runtime, UnknownModelError, UnsupportedApiError

    cli_key = None
    if api_key_stdin:
        cli_key = sys.stdin.readline().strip()
        if not cli_key:
            _usage_error("--api-key-stdin: stdin had no key on its first line")
    if catalog is not None:
        resolved, configs = _load_catalog(catalog)
    else:
        resolved, configs = _compile(config or [], target)
    try:
        sources = gather(
            resolved.target, configs=configs, auth_file=str(auth_file) if auth_file is not None else None, env=os.environ,
            env_file=str(env_file) if env_file is not None else None, cli_key=cli_key, allow_exec=allow_exec, home=home_directory(),
        )  # fmt: skip
    except (SourceError, ValueError) as exc:
        _usage_error(str(exc))
    if sources.fatal:
        _print_diagnostics(sources.diagnostics)
        raise typer.Exit(2)
    credentials = EngineCredentials(resolved.target, sources.inputs)
    try:
        runtime = Runtime(resolved, credentials=credentials)
        spec = runtime.model(model)
        stream = runtime.stream(spec, prompt, system=system, max_tokens=max_tokens)
    except (CatalogError, UnknownModelError, UnsupportedApiError, ValueError) as exc:  # ValueError: no base URL
        _usage_error(str(exc))
    _check_credential(spec, credentials, sources, cli_key is not None)
    with runtime:
        code = _render(stream, output, sys.stdout, sys.stderr)
    raise typer.Exit(code)


def _load_catalog(path: Path) -> tuple[Catalog, list[ConfigFile]]:
    """A resolved catalog, and the configs it was compiled from (read now, for config-side keys)."""
    from modelconf.credentials._sources import read_configs
    from modelconf.runtime import CatalogError
    from modelconf.runtime._catalog import load

    try:
        resolved = load(path)
    except CatalogError as exc:
        _usage_error(str(exc))
    configs, notes = read_configs(resolved.sources)
    for note in notes:
        typer.echo(f"modelconf chat: note: {note}", err=True)
    return resolved, configs


def _compile(paths: list[Path], target: str | None) -> tuple[Catalog, list[ConfigFile]]:
    """Compile the configs in memory, as `modelconf compile` does; errors stop before any request."""
    from modelconf.commands._common import gc_paused
    from modelconf.compiler import CompileError, compile_files
    from modelconf.runtime._catalog import compiled

    try:
        with gc_paused():
            result = compile_files(paths, target=target)
    except CompileError as exc:
        _usage_error(str(exc))
    if result.fatal or result.errors:
        _print_diagnostics(result.report().diagnostics)
        typer.echo("modelconf chat: the config files have errors; nothing was sent", err=True)
        raise typer.Exit(2 if result.fatal else 1)
    assert result.text is not None
    return compiled(json.loads(result.text), source=", ".join(str(p) for p in paths)), list(result.configs)


def _check_credential(spec: ModelSpec, credentials: EngineCredentials, sources: Sources, cli_key_given: bool) -> None:
    """Stop before any request when the target finds no key (or would run a command without
    --allow-exec), showing where it looked; and refuse a CLI key the target would not use."""
    from modelconf.explain._render import PROGRAMS, rotation_lines, walk_lines

    provider = spec.provider
    walk = credentials.walk_for(provider)
    program = PROGRAMS.get(walk.target, walk.target)
    chosen = walk.chosen_step
    if cli_key_given and (chosen is None or chosen.source != "cli"):
        _usage_error(f"--api-key-stdin: {program} does not take a key on its command line for {walk.provider}; "
                     "put the key where it looks (`modelconf explain` shows where)")  # fmt: skip
    if provider.auth_kind == "none" or provider.auth_scheme == "none" or credentials.api_keys(provider):
        return
    if chosen is not None and chosen.command is not None and chosen.secret is None:
        headline = f"the key for {walk.provider} comes from a command ({chosen.command}); pass --allow-exec to run it"
    else:
        headline = f"no credential for {walk.provider}: nothing was sent"
    lines = [f"modelconf chat: {headline}", *walk_lines(walk, sources.where()), *rotation_lines(walk)]
    typer.echo("\n".join(lines), err=True)
    raise typer.Exit(1)


def _render(stream: ChatStream, output: ChatFormat, out: TextIO, err: TextIO) -> int:
    color = out.isatty() and not os.environ.get("NO_COLOR")
    last: Event | None = None
    try:
        for event in stream:
            last = event
            if output is ChatFormat.jsonl:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            else:
                _write_text(event, out, color)
            out.flush()
    except KeyboardInterrupt:
        stream.close()
        aborted = stream.interrupted()
        if output is ChatFormat.jsonl:
            out.write(json.dumps(aborted.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write("\n")
            err.write("aborted\n")
        out.flush()
        return 130
    if output is ChatFormat.text and last is not None:
        out.write("\n")
        out.flush()
        err.write(_summary(last, stream.message))
    return 1 if last is None or last.type == "error" else 0


def _write_text(event: Event, out: TextIO, color: bool) -> None:
    if event.type == "text_delta":
        out.write(event.delta)
    elif event.type == "thinking_delta":
        out.write(f"{DIM}{event.delta}{RESET}" if color else event.delta)
    elif event.type == "toolcall_end":
        call = event.tool_call
        out.write(f"\n[tool call {call.name} {json.dumps(call.arguments, ensure_ascii=False)}]\n")


def _summary(last: Event, message: AssistantMessage) -> str:
    """The lines after the answer: the error, usage and cost, the stop reason."""
    lines = [f"error: {last.error}"] if last.type == "error" else []
    u = message.usage
    lines.append(
        f"usage: {u.input} input · {u.output} output · {u.cache_read} cache read · "
        f"{u.cache_write} cache write · {u.total_tokens} total · cost ${u.cost.total:.6f}"
    )
    if last.type == "done":
        lines.append(f"stop: {last.reason}")
    return "".join(line + "\n" for line in lines)


def _print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    from modelconf.renderers import concise

    for diagnostic in diagnostics:
        sys.stderr.write(concise.line(diagnostic) + "\n")


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"modelconf chat: {message}", err=True)
    raise typer.Exit(2)
