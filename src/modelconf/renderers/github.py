"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from modelconf.diagnostics import Severity

if TYPE_CHECKING:
    from modelconf.diagnostics import Diagnostic
    from modelconf.lint import LintReport

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(diagnostic: Diagnostic) -> str:
    properties = []
    if diagnostic.file:
        properties.append(f"file={_escape_property(diagnostic.file)}")
    if diagnostic.span is not None:
        start, end = diagnostic.span.start, diagnostic.span.end
        properties += [f"line={start.line}", f"col={start.column}", f"endLine={end.line}", f"endColumn={end.column}"]
    properties.append(f"title={_escape_property(diagnostic.code)}")
    message = diagnostic.message + (f" (help: {diagnostic.hint})" if diagnostic.hint else "")
    return f"::{_COMMANDS[diagnostic.severity]} {','.join(properties)}::{_escape_data(message)}"


def render(report: LintReport, stream: TextIO, *, color: bool = False, summary: bool = True) -> None:
    for diagnostic in report.diagnostics:
        stream.write(line(diagnostic) + "\n")
