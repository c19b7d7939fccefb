"""SARIF 2.1.0: the rules the results refer to in `tool.driver.rules`, one result per diagnostic."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO

from modelconf import __version__
from modelconf.diagnostics import Severity
from modelconf.rules import Rule, get_rule

if TYPE_CHECKING:
    from modelconf.diagnostics import Diagnostic, Span
    from modelconf.lint import LintReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_INFO_URI = "https://github.com/modelconf/modelconf/blob/main/docs/rules.md"


def _uri(file: str | None) -> str:
    return PurePath(file or "-").as_posix()


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.start.line,
        "startColumn": span.start.column,
        "endLine": span.end.line,
        "endColumn": span.end.column,
    }


def _location(file: str | None, span: Span | None, message: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(file)}}
    if span is not None:
        physical["region"] = _region(span)
    location: dict[str, Any] = {"physicalLocation": physical}
    if message:
        location["message"] = {"text": message}
    return location


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = diagnostic.message + (f"\nhelp: {diagnostic.hint}" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [_location(diagnostic.file, diagnostic.span)],
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    if diagnostic.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r.file or diagnostic.file, r.span, r.message)} for i, r in enumerate(diagnostic.related)
        ]
    return result


def sarif_dict(report: LintReport) -> dict[str, Any]:
    codes = sorted({d.code for d in report.diagnostics})
    rules: list[Rule] = [rule for rule in (get_rule(code) for code in codes) if rule is not None]
    index = {rule.code: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "modelconf",
                        "version": __version__,
                        "informationUri": "https://github.com/modelconf/modelconf",
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.explanation},
                                "help": {"text": rule.explanation + ("\n\nExample:\n" + rule.example if rule.example else "")},
                                "helpUri": f"{_INFO_URI}#{rule.code.lower()}",
                                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index) for d in report.diagnostics],
            }
        ],
    }


def render(report: LintReport, stream: TextIO, *, color: bool = False, summary: bool = True) -> None:
    json.dump(sarif_dict(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
