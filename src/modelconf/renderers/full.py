"""Diagnostics with a code frame, carets under the span, the hint and related locations.

    error[S001]: `providers.local.models[0].contextWindow` must be a number, not a string ("128k")
      --> models.json:7:28
       |
     6 |         "id": "llama3",
     7 |         "contextWindow": "128k"
       |                          ^^^^^^
     8 |       }
       |
       = help: ...

Source lines pass through `secrets.mask_line`, so a literal key in the file is never printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from modelconf.diagnostics import Severity
from modelconf.renderers import summary_line
from modelconf.secrets import mask_line

if TYPE_CHECKING:
    from modelconf.diagnostics import Diagnostic
    from modelconf.document import Document
    from modelconf.lint import LintReport

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class _Style:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text


def frame(diagnostic: Diagnostic, document: Document | None, style: _Style) -> list[str]:
    """The lines of a diagnostic's code frame (empty when there is no source or span)."""
    span = diagnostic.span
    if document is None or span is None:
        return []
    first = span.start.line
    lines = document.lines
    # A final newline does not start another line worth showing.
    last_line = len(lines) - (1 if len(lines) > 1 and lines[-1] == "" else 0)
    if first > last_line:
        return []
    context = [n for n in (first - 1, first, first + 1) if 1 <= n <= last_line]
    width = len(str(context[-1]))
    gutter = style(" " * width + " |", "34")
    out = [gutter]
    color = _COLORS[diagnostic.severity]
    for number in context:
        text = mask_line(document.line(number), document.secret_values).replace("\t", " ")
        out.append(f"{style(str(number).rjust(width) + ' |', '34')} {text}".rstrip())
        if number == first:
            start = span.start.column
            end = span.end.column if span.end.line == first else len(text) + 1
            carets = "^" * max(1, end - start)
            out.append(f"{gutter} {' ' * (start - 1)}{style(carets, '1;' + color)}")
    out.append(gutter)
    return out


def diagnostic_lines(diagnostic: Diagnostic, document: Document | None, style: _Style) -> list[str]:
    color = _COLORS[diagnostic.severity]
    header = style(f"{diagnostic.severity.label}[{diagnostic.code}]", "1;" + color) + style(": " + diagnostic.message, "1")
    lines = [header]
    where = diagnostic.file or "-"
    if diagnostic.span is not None:
        where += f":{diagnostic.span.start.line}:{diagnostic.span.start.column}"
    indent = " " * (len(str(diagnostic.span.start.line + 1)) if diagnostic.span else 1)
    lines.append(f"{indent}{style('-->', '34')} {where}")
    lines.extend(frame(diagnostic, document, style))
    if diagnostic.hint:
        lines.append(f"{indent} {style('=', '34')} {style('help', '1')}: {diagnostic.hint}")
    for related in diagnostic.related:
        at = related.file or diagnostic.file or "-"
        if related.span is not None:
            at += f":{related.span.start.line}:{related.span.start.column}"
        lines.append(f"{indent} {style('=', '34')} {style('note', '1')}: {related.message} at {at}")
    return lines


def render(report: LintReport, stream: TextIO, *, color: bool = False, summary: bool = True) -> None:
    style = _Style(color)
    documents = report.documents()
    for diagnostic in report.diagnostics:
        for line in diagnostic_lines(diagnostic, documents.get(diagnostic.file or ""), style):
            stream.write(line + "\n")
        stream.write("\n")
    if summary:
        stream.write(summary_line(report) + "\n")
