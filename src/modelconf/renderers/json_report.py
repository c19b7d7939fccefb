"""Machine-readable report; its format is `schemas/diagnostics.schema.json`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from modelconf import __version__
from modelconf.diagnostics import Severity
from modelconf.rules import get_rule

if TYPE_CHECKING:
    from modelconf.diagnostics import Diagnostic, Span
    from modelconf.lint import LintReport

FORMAT = "modelconf.diagnostics/1"


def _position(span: Span | None, which: str) -> dict[str, int] | None:
    if span is None:
        return None
    position = span.start if which == "start" else span.end
    return {"line": position.line, "column": position.column}


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    rule = get_rule(diagnostic.code)
    return {
        "code": diagnostic.code,
        "name": rule.name if rule else None,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "file": diagnostic.file,
        "pointer": diagnostic.pointer,
        "start": _position(diagnostic.span, "start"),
        "end": _position(diagnostic.span, "end"),
        "hint": diagnostic.hint,
        "related": [
            {"message": r.message, "file": r.file, "start": _position(r.span, "start"), "end": _position(r.span, "end")}
            for r in diagnostic.related
        ],
    }


def report_dict(report: LintReport) -> dict[str, Any]:
    counts = report.counts()
    return {
        "format": FORMAT,
        "tool": {"name": "modelconf", "version": __version__},
        "summary": {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "files": len(report.files),
        },
        "files": [{"file": r.name, "dialect": r.dialect} for r in report.files],
        "diagnostics": [diagnostic_dict(d) for d in report.diagnostics],
    }


def render(report: LintReport, stream: TextIO, *, color: bool = False, summary: bool = True) -> None:
    json.dump(report_dict(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
