"""`path:line:col: CODE message`, one diagnostic per line, then the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from modelconf.renderers import summary_line

if TYPE_CHECKING:
    from modelconf.diagnostics import Diagnostic
    from modelconf.lint import LintReport


def line(diagnostic: Diagnostic) -> str:
    where = diagnostic.file or "-"
    if diagnostic.span is not None:
        where += f":{diagnostic.span.start.line}:{diagnostic.span.start.column}"
    message = " ".join(diagnostic.message.splitlines())  # one diagnostic, one line
    return f"{where}: {diagnostic.code} {message}"


def render(report: LintReport, stream: TextIO, *, color: bool = False, summary: bool = True) -> None:
    for diagnostic in report.diagnostics:
        stream.write(line(diagnostic) + "\n")
    if summary:
        stream.write(summary_line(report) + "\n")
