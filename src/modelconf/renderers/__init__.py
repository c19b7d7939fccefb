"""Output formats for lint reports. Each module has `render(report, stream, *, color)`.

- `full`: code frames with carets and hints (default on a terminal);
- `concise`: `path:line:col: CODE message`, one per line;
- `json`: the versioned format described by `schemas/diagnostics.schema.json`;
- `github`: GitHub Actions workflow commands (`::error file=...::message`);
- `sarif`: SARIF 2.1.0.
"""

from __future__ import annotations

import importlib
import io
import os
from typing import TYPE_CHECKING, TextIO

from modelconf.diagnostics import Severity

if TYPE_CHECKING:
    from modelconf.lint import LintReport

FORMATS = ("full", "concise", "json", "github", "sarif")
_MODULES = {"full": "full", "concise": "concise", "json": "json_report", "github": "github", "sarif": "sarif"}


def render_text(fmt: str, report: LintReport, *, color: bool = False, summary: bool = True) -> str:
    """`report` in format `fmt`, as one string. `summary=False` leaves out the summary line (--quiet)."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"modelconf.renderers.{_MODULES[fmt]}")
    buffer = io.StringIO()
    module.render(report, buffer, color=color, summary=summary)
    return buffer.getvalue()


def render(fmt: str, report: LintReport, stream: TextIO, *, color: bool = False, summary: bool = True) -> None:
    """Write `report` in format `fmt` to `stream`, in one write: with PYTHONUNBUFFERED (common in
    CI) each write is a system call."""
    stream.write(render_text(fmt, report, color=color, summary=summary))


def use_color(stream: TextIO, choice: str = "auto") -> bool:
    """Color only on a terminal, never when NO_COLOR is set (unless forced with `always`)."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(report: LintReport) -> str:
    """`N errors, M warnings in K files`."""
    counts = report.counts()
    return f"{_plural(counts[Severity.ERROR], 'error')}, {_plural(counts[Severity.WARNING], 'warning')} in {_plural(len(report.files), 'file')}"
