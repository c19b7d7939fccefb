"""The lint command without Typer: its options (declared once, for Typer's help and for the fast
path), a parser for the usual command lines, and the run itself.

`modelconf lint` runs in pre-commit hooks and CI on every change, where start-up time is most
of the run: importing Typer costs about a third of linting one file. The console script therefore
parses a `lint` command line here when every argument is one this parser knows, and hands anything
else (help, a bad value, an option spelled an unusual way) to Typer, which gives its usual messages.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modelconf.commands._common import gc_paused, usage_error

# Runs over at least this many files show a progress bar (on a terminal only).
PROGRESS_THRESHOLD = 20


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


@dataclass(frozen=True, slots=True)
class LintArgs:
    """A parsed `modelconf lint` command line."""

    files: list[str] = field(default_factory=list)
    format: Format | None = None
    dialect: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    strict: bool | None = None
    stdin_filename: str | None = None
    max_file_size: str | None = None
    color: Color = Color.auto
    quiet: bool = False
    output_file: Path | None = None
    jobs: int = 0


@dataclass(frozen=True, slots=True)
class Option:
    """One option: its spellings, help, and what it sets (`flag`: the value each spelling sets)."""

    field: str
    names: tuple[str, ...]
    help: str
    flag: dict[str, bool] | None = None
    convert: Any = str

    @property
    def declarations(self) -> tuple[str, ...]:
        """The spellings as Typer takes them (an on/off pair is one `--on/--off` string)."""
        if self.flag is not None and False in self.flag.values():
            return ("/".join(self.names),)
        return self.names


def _jobs(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


FILES_HELP = "Files or directories to lint; '-' reads stdin. Default: the current directory."
OPTIONS = {
    option.field: option
    for option in (
        Option("format", ("--format", "-f"), "Output format (default: full on a terminal, concise otherwise).", convert=Format),
        Option("dialect", ("--dialect",), "Read every file as this dialect (pi, zot, openclaw, openclaw-models, plano; see `modelconf rules`)."),
        Option("select", ("--select",), "Only report these codes or prefixes (comma-separated)."),
        Option("ignore", ("--ignore",), "Do not report these codes or prefixes (comma-separated)."),
        Option("strict", ("--strict", "--no-strict"), "Exit 1 on warnings too.", flag={"--strict": True, "--no-strict": False}),
        Option("stdin_filename", ("--stdin-filename",), "Name for the file read from stdin ('-')."),
        Option("max_file_size", ("--max-file-size",), "Largest file to read, e.g. 10MiB (default 10MiB)."),
        Option("color", ("--color",), "Color output: auto (terminal only, honours NO_COLOR), always, never.", convert=Color),
        Option("quiet", ("--quiet", "-q"), "Print diagnostics only: no summary line, no progress.", flag={"--quiet": True, "-q": True}),
        Option("output_file", ("--output-file", "-o"), "Write the report to this file instead of stdout.", convert=Path),
        Option("jobs", ("--jobs", "-j"), "Worker processes for many files (0: one per core for large runs, 1: none).", convert=_jobs),
    )
}
_BY_NAME = {name: option for option in OPTIONS.values() for name in option.names}
_REPEATED = {"select", "ignore"}


def parse(argv: Sequence[str]) -> LintArgs | None:
    """The arguments after `lint`, or None when Typer should parse them (help, an unknown option,
    a missing or invalid value, or a spelling this parser leaves to Typer, such as `-qf`)."""
    values: dict[str, Any] = {"files": [], "select": [], "ignore": []}
    items = iter(argv)
    for item in items:
        if item == "--":
            values["files"].extend(items)
            break
        if item == "-" or not item.startswith("-"):
            values["files"].append(item)
            continue
        if item.startswith("--"):
            name, equals, value = item.partition("=")
            inline = bool(equals)
        else:  # `-fjson` is `-f json`
            name, inline, value = item[:2], len(item) > 2, item[2:]
        option = _BY_NAME.get(name)
        if option is None:
            return None
        if option.flag is not None:
            if inline:
                return None
            values[option.field] = option.flag[name]
            continue
        if not inline:
            following = next(items, None)
            if following is None:
                return None
            value = following
        try:
            converted = option.convert(value)
        except ValueError:
            return None
        if option.field in _REPEATED:
            values[option.field].append(converted)
        else:
            values[option.field] = converted
    return LintArgs(**values)


class _Progress:
    """A progress bar on stderr, shown only on a terminal and for long runs."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, count: int) -> None:
        if count >= PROGRESS_THRESHOLD and sys.stderr.isatty():
            import typer  # only for an interactive run, where its start-up time goes unnoticed

            self.bar = typer.progressbar(length=count, label="linting", file=sys.stderr, show_pos=True)
            self.bar.__enter__()

    def advance(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@gc_paused()
def run(args: LintArgs) -> int:
    """Lint what `args` names, print the report, and return the exit code."""
    import os

    from modelconf import dialects, renderers
    from modelconf.document import Limits
    from modelconf.lint import LintOptions, LintReport, lint_bytes, lint_paths
    from modelconf.settings import Selection, SettingsError, load_settings, parse_codes, parse_size

    try:
        settings = load_settings()
        selection = settings.selection
        if args.select:
            selection = Selection(select=parse_codes(args.select), ignore=selection.ignore)
        if args.ignore:
            selection = Selection(select=selection.select, ignore=selection.ignore + parse_codes(args.ignore))
        size = parse_size(args.max_file_size) if args.max_file_size else settings.max_file_size
    except SettingsError as error:
        usage_error(str(error))
    chosen_dialect = args.dialect or settings.dialect
    if chosen_dialect is not None and chosen_dialect not in dialects.names():
        usage_error(f"unknown dialect {chosen_dialect!r} (choose from {', '.join(dialects.names()) or 'none'})")
    options = LintOptions(
        dialect=chosen_dialect,
        limits=Limits(max_bytes=size) if size else Limits(),
        selection=selection,
        env=os.environ,
    )
    fmt = (args.format.value if args.format else None) or settings.format or ("full" if sys.stdout.isatty() else "concise")
    if fmt not in renderers.FORMATS:
        usage_error(f"unknown format {fmt!r} in settings (choose from {', '.join(renderers.FORMATS)})")
    targets = args.files or ["."]
    report = LintReport()
    paths = [t for t in targets if t != "-"]
    if "-" in targets:
        data = sys.stdin.buffer.read(options.limits.max_bytes + 1)
        report.files.append(lint_bytes(data, args.stdin_filename or "-", options))
    if paths:
        progress = _Progress()
        try:
            found = lint_paths(
                paths,
                options,
                jobs=args.jobs,
                on_start=None if args.quiet else progress.start,
                on_progress=progress.advance,
                keep_source=fmt == "full",  # only code frames show source lines
            )
        finally:
            progress.close()
        report.files.extend(found.files)

    if args.output_file is not None:
        from modelconf.atomic import atomic_write_text

        atomic_write_text(args.output_file, renderers.render_text(fmt, report, summary=not args.quiet))
    else:
        renderers.render(fmt, report, sys.stdout, color=renderers.use_color(sys.stdout, args.color.value), summary=not args.quiet)
    return report.exit_code(strict=settings.strict if args.strict is None else args.strict)

