"""`modelconf lint FILE...`"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from modelconf.commands._common import gc_paused, usage_error

# Runs over at least this many files show a progress bar (on a terminal only).
PROGRESS_THRESHOLD = 20


class _Progress:
    """A progress bar on stderr, shown only on a terminal and for long runs."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, count: int) -> None:
        if count >= PROGRESS_THRESHOLD and sys.stderr.isatty():
            self.bar = typer.progressbar(length=count, label="linting", file=sys.stderr, show_pos=True)
            self.bar.__enter__()

    def advance(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


class Format(str, enum.Enum):
    full = "full"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"


class Color(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


@gc_paused()
def lint(
    files: Optional[list[str]] = typer.Argument(None, help="Files or directories to lint; '-' reads stdin. Default: the current directory."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format (default: full on a terminal, concise otherwise)."),
    dialect: Optional[str] = typer.Option(None, "--dialect", help="Read every file as this dialect (pi, zot, openclaw, openclaw-models, plano; see `modelconf rules`)."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="Only report these codes or prefixes (comma-separated)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Do not report these codes or prefixes (comma-separated)."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Exit 1 on warnings too."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name for the file read from stdin ('-')."),
    max_file_size: Optional[str] = typer.Option(None, "--max-file-size", help="Largest file to read, e.g. 10MiB (default 10MiB)."),
    color: Color = typer.Option(Color.auto, "--color", help="Color output: auto (terminal only, honours NO_COLOR), always, never."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print diagnostics only: no summary line, no progress."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the report to this file instead of stdout."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes for many files (0: one per core for large runs, 1: none)."),
) -> None:
    """Check config files and report every problem with file:line:col, a rule code and a fix.

    Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage error or
    unreadable input.
    """
    from modelconf import dialects, renderers
    from modelconf.document import Limits
    from modelconf.lint import LintOptions, LintReport, lint_bytes, lint_paths
    from modelconf.settings import Selection, SettingsError, load_settings, parse_codes, parse_size

    try:
        settings = load_settings()
        selection = settings.selection
        if select:
            selection = Selection(select=parse_codes(select), ignore=selection.ignore)
        if ignore:
            selection = Selection(select=selection.select, ignore=selection.ignore + parse_codes(ignore))
        size = parse_size(max_file_size) if max_file_size else settings.max_file_size
    except SettingsError as error:
        usage_error(str(error))
    chosen_dialect = dialect or settings.dialect
    if chosen_dialect is not None and chosen_dialect not in dialects.names():
        usage_error(f"unknown dialect {chosen_dialect!r} (choose from {', '.join(dialects.names()) or 'none'})")
    import os

    options = LintOptions(
        dialect=chosen_dialect,
        limits=Limits(max_bytes=size) if size else Limits(),
        selection=selection,
        env=os.environ,
    )
    fmt = (format.value if format else None) or settings.format or ("full" if sys.stdout.isatty() else "concise")
    if fmt not in renderers.FORMATS:
        usage_error(f"unknown format {fmt!r} in settings (choose from {', '.join(renderers.FORMATS)})")
    targets = files or ["."]
    report = LintReport()
    paths = [t for t in targets if t != "-"]
    if "-" in targets:
        data = sys.stdin.buffer.read(options.limits.max_bytes + 1)
        report.files.append(lint_bytes(data, stdin_filename or "-", options))
    if paths:
        progress = _Progress()
        try:
            found = lint_paths(
                paths,
                options,
                jobs=jobs,
                on_start=None if quiet else progress.start,
                on_progress=progress.advance,
                keep_source=fmt == "full",  # only code frames show source lines
            )
        finally:
            progress.close()
        report.files.extend(found.files)

    if output_file is not None:
        import io

        from modelconf.atomic import atomic_write_text

        buffer = io.StringIO()
        renderers.render(fmt, report, buffer, summary=not quiet)
        atomic_write_text(output_file, buffer.getvalue())
    else:
        renderers.render(fmt, report, sys.stdout, color=renderers.use_color(sys.stdout, color.value), summary=not quiet)
    raise typer.Exit(report.exit_code(strict=settings.strict if strict is None else strict))
