"""`modelconf chat MODEL PROMPT`: stream one answer through the runtime.

The runtime (and so httpx) is imported inside the command, so `modelconf --help` and `lint`
do not pay for it.

Keys: until the credentials engine lands, a minimal STAND-IN reads the key from
`--api-key-stdin`, or from the environment variables (and `--env-file`) named by the catalog's
credential references (`env`, `env-list`, `env-prefix`). `--auth-file`, `--config` and `--target`
are accepted and refused with a clear message; they arrive with the credentials engine and the
compiler.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

if TYPE_CHECKING:
    from modelconf.runtime import ChatStream, Event

DIM, RESET = "\x1b[2m", "\x1b[0m"


class ChatFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def chat(
    model: str = typer.Argument(..., help="Model key (provider/id), alias or id."),
    prompt: str = typer.Argument(..., help="The user message."),
    catalog: Path | None = typer.Option(None, "--catalog", help="A resolved catalog (`modelconf compile -o`)."),
    config: list[Path] | None = typer.Option(None, "--config", help="Config files to compile on the fly (not yet)."),
    target: str | None = typer.Option(None, "--target", help="Target program of --config (not yet)."),
    system: str | None = typer.Option(None, "--system", help="System prompt."),
    max_tokens: int | None = typer.Option(None, "--max-tokens", min=1, help="Maximum output tokens."),
    output: ChatFormat = typer.Option(ChatFormat.text, "--format", help="text: the answer as it streams; jsonl: every event as a JSON line."),
    auth_file: Path | None = typer.Option(None, "--auth-file", help="The target's auth file (not yet)."),
    env_file: Path | None = typer.Option(None, "--env-file", help="A .env file whose variables count as environment."),
    api_key_stdin: bool = typer.Option(False, "--api-key-stdin", help="Read the API key from the first line of stdin."),
) -> None:
    """Stream a chat completion: text as it arrives, thinking dimmed, usage and cost at the end."""
    if config or target:
        _usage_error("--config/--target compile on the fly, which comes with the compiler; for now run "
                     "`modelconf compile FILES -o resolved.json` and pass --catalog resolved.json")  # fmt: skip
    if auth_file is not None:
        _usage_error("--auth-file is read by the credentials engine, which is not there yet; use "
                     "--api-key-stdin or the environment variables the catalog names")  # fmt: skip
    if catalog is None:
        _usage_error("give the resolved catalog with --catalog resolved.json")
    assert catalog is not None

    from modelconf.runtime import CatalogError, EnvKeys, Runtime, UnknownModelError, UnsupportedApiError

    environ: dict[str, str] = dict(os.environ)
    if env_file is not None:
        try:
            environ.update(_read_env_file(env_file))
        except OSError as exc:
            _usage_error(f"{env_file}: cannot read the env file: {exc.strerror or exc}")
    cli_key = None
    if api_key_stdin:
        cli_key = sys.stdin.readline().strip()
        if not cli_key:
            _usage_error("--api-key-stdin: stdin had no key on its first line")
    credentials = EnvKeys(environ, cli_key=cli_key)
    try:
        runtime = Runtime.load(catalog, credentials=credentials)
        stream = runtime.stream(model, prompt, system=system, max_tokens=max_tokens, api_key=cli_key)
    except (CatalogError, UnknownModelError, UnsupportedApiError) as exc:
        _usage_error(str(exc).strip("'\""))
        return
    with runtime:
        code = _render(stream, output, sys.stdout, sys.stderr)
    raise typer.Exit(code)


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
        aborted = stream.message
        if output is ChatFormat.jsonl:
            aborted.stop_reason = "aborted"
            aborted.error_message = "aborted"
            event_dict = {"type": "error", "reason": "aborted", "error": "aborted", "message": aborted.to_dict()}
            out.write(json.dumps(event_dict, ensure_ascii=False) + "\n")
        else:
            out.write("\n")
            err.write("aborted\n")
        out.flush()
        return 130
    if output is ChatFormat.text and last is not None:
        out.write("\n")
        out.flush()
        err.write(_summary(last))
    return 1 if last is None or last.type == "error" else 0


def _write_text(event: Event, out: TextIO, color: bool) -> None:
    kind = event.type
    if kind == "text_delta":
        out.write(event.delta)  # type: ignore[union-attr]
    elif kind == "thinking_delta":
        out.write(f"{DIM}{event.delta}{RESET}" if color else event.delta)  # type: ignore[union-attr]
    elif kind == "toolcall_end":
        call = event.tool_call  # type: ignore[union-attr]
        out.write(f"\n[tool call {call.name} {json.dumps(call.arguments, ensure_ascii=False)}]\n")


def _summary(last: Event) -> str:
    message: Any = getattr(last, "message", None)
    lines = []
    if last.type == "error":
        lines.append(f"error: {last.error}")
    if message is not None:
        u = message.usage
        lines.append(
            f"usage: {u.input} input · {u.output} output · {u.cache_read} cache read · "
            f"{u.cache_write} cache write · {u.total_tokens} total · cost ${u.cost.total:.6f}"
        )
        if last.type == "done":
            lines.append(f"stop: {last.reason}")
    return "".join(line + "\n" for line in lines)


def _read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `export ` prefixes, comments and matching quotes are allowed."""
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[name.strip()] = value
    return values


def _usage_error(message: str) -> None:
    typer.echo(f"modelconf chat: {message}", err=True)
    raise typer.Exit(2)
