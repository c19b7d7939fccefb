"""The lint pipeline: read each file, detect its dialect, run the dialect's checks, filter.

Everything here is plain Python; the CLI only parses options and renders the `LintReport`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from modelconf.diagnostics import Diagnostic, Severity, count_by_severity
from modelconf.document import Document, Limits, ReadResult, read_bytes, read_path
from modelconf.rules import is_fatal
from modelconf.settings import Selection

if TYPE_CHECKING:
    from modelconf.dialects import Dialect

# Directory names never worth descending into.
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", "dist", "build"}
# Generic names that hold a provider config only when the content says so (Plano's `config.yaml`).
_SNIFFED_NAMES = {"config.yaml", "config.yml"}
_PLANO_SNIFF = re.compile(rb"^(model_providers|llm_providers|listeners)\s*:", re.MULTILINE)

_JSON5_FEATURES = {
    "comment": "comments",
    "trailing-comma": "a trailing comma",
    "single-quoted-string": "a single-quoted string",
    "unquoted-key": "an unquoted key",
    "json5-number": "a JSON5 number (hex, leading '+', leading/trailing '.', Infinity or NaN)",
    "json5-escape": "a JSON5 string escape",
    "control-character": "a raw control character inside a string",
}


@dataclass(frozen=True, slots=True)
class LintOptions:
    dialect: str | None = None
    limits: Limits = field(default_factory=Limits)
    selection: Selection = field(default_factory=Selection)
    # The environment the programs will run in, for checks of referenced variables (K rules).
    # None skips those checks; the CLI passes os.environ.
    env: Mapping[str, str] | None = None
    # Resolve each file over the built-in catalog for the O1xx checks (compile resolves all files at once).
    overrides: bool = True


@dataclass(slots=True)
class FileResult:
    name: str
    document: Document | None
    dialect: str | None
    diagnostics: list[Diagnostic]


@dataclass(slots=True)
class LintReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for result in self.files for d in result.diagnostics]

    def counts(self) -> dict[Severity, int]:
        return count_by_severity(self.diagnostics)

    def documents(self) -> dict[str, Document]:
        return {r.name: r.document for r in self.files if r.document is not None}

    def exit_code(self, *, strict: bool = False) -> int:
        """0 no errors; 1 errors (or warnings with strict); 2 when a file could not be read."""
        diagnostics = self.diagnostics
        if any(is_fatal(d.code) for d in diagnostics):
            return 2
        counts = count_by_severity(diagnostics)
        if counts[Severity.ERROR] or (strict and counts[Severity.WARNING]):
            return 1
        return 0


def lint_document(document: Document, options: LintOptions = LintOptions()) -> tuple[str | None, list[Diagnostic]]:
    """Detect the dialect of a parsed document and run its checks. Returns (dialect, diagnostics)."""
    from modelconf import dialects

    detection = dialects.detect(document, options.dialect)
    diagnostics = list(detection.diagnostics)
    dialect = detection.dialect
    if dialect is None:
        return None, diagnostics
    diagnostics.extend(syntax_diagnostics(document, dialect))
    diagnostics.extend(dialect.check(document))
    from modelconf.credentials._lint import credential_diagnostics

    diagnostics.extend(credential_diagnostics(document, dialect.name, options.env))
    if options.overrides:
        from modelconf.resolve.checks import override_checks

        diagnostics.extend(override_checks(document, dialect.name, diagnostics))
    return dialect.name, diagnostics


def syntax_diagnostics(document: Document, dialect: Dialect) -> list[Diagnostic]:
    """JSON5/JSONC features in a file whose program parses strict JSON (one diagnostic per feature)."""
    from modelconf.rules import parse as rules

    if dialect.syntax != "json" or document.syntax != "json":
        return []
    note = f"; {dialect.syntax_note}" if dialect.syntax_note else ""
    out = []
    for feature, span in sorted(document.extensions.items(), key=lambda item: (item[1].start.line, item[1].start.column)):
        words = _JSON5_FEATURES.get(feature, feature)
        message = f"{dialect.program} parses this file as strict JSON and rejects {words}{note}"
        out.append(rules.SYNTAX_EXTENSION(message, file=document.name, span=span))
    return out


def _finish(name: str, read: ReadResult, options: LintOptions) -> FileResult:
    diagnostics = list(read.diagnostics)
    dialect_name = None
    if read.document is not None:
        dialect_name, found = lint_document(read.document, options)
        diagnostics.extend(found)
    diagnostics = [d if d.file is not None else d.with_file(name) for d in diagnostics]
    diagnostics = options.selection.filter(diagnostics)
    diagnostics.sort(key=lambda d: d.sort_key)
    return FileResult(name, read.document, dialect_name, diagnostics)


def lint_bytes(data: bytes, name: str, options: LintOptions = LintOptions(), *, syntax: str | None = None) -> FileResult:
    return _finish(name, read_bytes(data, name, syntax=syntax, limits=options.limits), options)


def lint_file(path: str | Path, options: LintOptions = LintOptions(), *, name: str | None = None) -> FileResult:
    display = name if name is not None else str(path)
    return _finish(display, read_path(path, limits=options.limits, name=display), options)


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files to lint: given files as they are; directories expand to known config file names."""
    from modelconf import dialects

    known = dialects.known_file_names()
    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            out.append(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for file_name in sorted(files):
                candidate = Path(root) / file_name
                if file_name in known or (file_name in _SNIFFED_NAMES and _looks_like_plano(candidate)):
                    out.append(candidate)
    return out


def _looks_like_plano(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return bool(_PLANO_SNIFF.search(handle.read(65536)))
    except OSError:
        return False


def lint_paths(
    paths: Sequence[str | Path],
    options: LintOptions = LintOptions(),
    *,
    jobs: int = 1,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    keep_source: bool = True,
) -> LintReport:
    """Lint files and directories (expanded to the config names modelconf knows).

    `jobs` > 1 lints on that many forked processes (see `modelconf._parallel`); 0 picks a number
    from the file count and the cores. Results keep the order of the files either way, but with
    workers each result's document holds only the source text (enough for code frames).
    `on_start(count)` and `on_progress(done)` report progress.
    """
    from modelconf import _parallel

    files = expand_paths(paths)
    if on_start is not None:
        on_start(len(files))
    workers = _parallel.auto_jobs(len(files)) if jobs == 0 else jobs
    if workers > 1 and len(files) > 1:
        return LintReport(_parallel.lint_parallel(files, options, workers, on_progress, keep_source=keep_source))
    report = LintReport()
    for path in files:
        report.files.append(lint_file(path, options))
        if on_progress is not None:
            on_progress(1)
    return report
