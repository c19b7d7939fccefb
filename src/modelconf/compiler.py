"""The compile pipeline: lint each file, lower it, resolve them together for one target.

    from modelconf.compiler import compile_files
    result = compile_files(["models.json"])
    result.ok, result.diagnostics, result.text   # text: the resolved catalog (None on errors)

Files compose left to right (`modelconf.resolve`). Every file must be for the same target; a
pi-format file given with `target="openclaw"` is read as the agent-dir models.json OpenClaw/Mayros
writes. Lowering runs only on files without errors, unless `force`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modelconf.diagnostics import Diagnostic, Severity, count_by_severity
from modelconf.document import Document, Limits
from modelconf.lint import FileResult, LintOptions, LintReport, lint_file
from modelconf.rules import is_fatal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._facts import Catalog
    from modelconf.catalog._profiles import TargetProfile
    from modelconf.ir import ConfigIR
    from modelconf.resolve import Resolution

# The dialect a target's files default to when detection cannot tell.
_TARGET_DIALECT = {"pi": "pi", "zot": "zot", "openclaw": "openclaw", "plano": "plano"}


class CompileError(Exception):
    """A problem with the request rather than the files (mixed targets, unknown target)."""


@dataclass(slots=True)
class CompileResult:
    target: str | None
    files: list[FileResult]
    resolution: Resolution | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None
    # The documents resolved, as `modelconf.credentials.ConfigFile`s (the credentials engine
    # reads their key settings: compile for `auth.credentials`, explain and chat for the walk).
    configs: list[Any] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return any(is_fatal(d.code) for d in self.diagnostics)

    @property
    def errors(self) -> int:
        return count_by_severity(self.diagnostics)[Severity.ERROR]

    def report(self) -> LintReport:
        """The diagnostics as a lint report (one entry per file), for the renderers."""
        by_file: dict[str, list[Diagnostic]] = {f.name: [] for f in self.files}
        for diagnostic in self.diagnostics:
            by_file.setdefault(diagnostic.file or "-", []).append(diagnostic)
        dialects = {f.name: f.dialect for f in self.files}
        return LintReport(
            [FileResult(name, None, dialects.get(name), sorted(found, key=lambda d: d.sort_key)) for name, found in by_file.items()]
        )


def compile_files(
    paths: Sequence[str | Path],
    *,
    target: str | None = None,
    force: bool = False,
    limits: Limits = Limits(),
    catalog: Catalog | None = None,
    profile: TargetProfile | None = None,
    render: bool = True,
) -> CompileResult:
    """Lint, lower and resolve `paths` in order; no paths (with a target): the target's built-in
    view. `render=False` leaves out the JSON text (explain needs only the resolution). Raises
    CompileError for mixed or unknown targets."""
    from modelconf.catalog import TARGETS

    if target is not None and target not in TARGETS:
        raise CompileError(f"unknown target {target!r} (choose from {', '.join(TARGETS)})")
    if not paths and target is None:
        raise CompileError("no input files")
    files = [_lint(path, target, limits) for path in paths]
    diagnostics = [d for f in files for d in f.diagnostics]
    result = CompileResult(target, files, diagnostics=diagnostics)
    if result.fatal:
        return result
    dialects = [_dialect_for(f, target) for f in files]
    result.target = _common_target(files, dialects, target)
    if result.errors and not force:
        return result
    from modelconf.credentials import ConfigFile

    read = [(f.document, dialect) for f, dialect in zip(files, dialects, strict=True) if f.document is not None and dialect is not None]
    irs = [_lower(document, dialect, result.target) for document, dialect in read]
    result.configs = [ConfigFile(document, dialect) for document, dialect in read]
    return finish_compile(result, irs, catalog=catalog, profile=profile, configs=result.configs, render=render)


def finish_compile(
    result: CompileResult,
    irs: Sequence[ConfigIR],
    *,
    catalog: Catalog | None = None,
    profile: TargetProfile | None = None,
    configs: Sequence[Any] = (),
    render: bool = True,
) -> CompileResult:
    """Resolve lowered files and render the resolved catalog into `result`."""
    from modelconf.emit.resolved import render as render_text
    from modelconf.resolve import resolve

    assert result.target is not None
    resolution = resolve(irs, result.target, catalog=catalog, profile=profile, configs=configs)
    result.resolution = resolution
    result.diagnostics.extend(resolution.diagnostics)
    result.text = render_text(resolution) if render else None
    return result


def _lint(path: str | Path, target: str | None, limits: Limits) -> FileResult:
    found = lint_file(path, LintOptions(limits=limits, overrides=False))
    if found.document is not None and target is not None and _target_decides(found, target):
        # Detection could not tell, or hesitated (D001) and picked another program's format:
        # read it as the target's own format.
        found = lint_file(path, LintOptions(dialect=_TARGET_DIALECT[target], limits=limits, overrides=False))
    return found


def _target_decides(found: FileResult, target: str) -> bool:
    from modelconf.lower import TARGET_OF
    from modelconf.rules.detect import AMBIGUOUS_DIALECT

    if found.dialect is None:
        return True
    ambiguous = any(d.code == AMBIGUOUS_DIALECT.code for d in found.diagnostics)
    return ambiguous and TARGET_OF.get(_dialect_for(found, target) or "") != target


def _dialect_for(found: FileResult, target: str | None) -> str | None:
    if found.dialect == "pi" and target == "openclaw":
        return "openclaw-models"  # the same format, read by pi as run by OpenClaw/Mayros
    return found.dialect  # None only without a target: _lint reads a readable file as the target's


def _common_target(files: Sequence[FileResult], dialects: Sequence[str | None], target: str | None) -> str:
    from modelconf.lower import TARGET_OF

    unknown = [f.name for f, d in zip(files, dialects, strict=True) if d is None or d not in TARGET_OF]
    if unknown:
        raise CompileError(f"cannot tell which program reads {', '.join(unknown)}; pass --target")
    targets = {f.name: TARGET_OF[d] for f, d in zip(files, dialects, strict=True) if d is not None}
    if target is not None:
        wrong = [f"{name} ({found})" for name, found in targets.items() if found != target]
        if wrong:
            raise CompileError(f"not for target {target}: {', '.join(wrong)}; compile each target's files separately")
        return target
    distinct = sorted(set(targets.values()))
    if len(distinct) > 1:
        listed = ", ".join(f"{name} ({found})" for name, found in targets.items())
        raise CompileError(f"the files are for different targets: {listed}; compile each target's files separately")
    return distinct[0]


def _lower(document: Document, dialect: str | None, target: str) -> ConfigIR:
    from modelconf.lower import digest, lower

    assert dialect is not None
    return lower(document, dialect, target=target)._replace(sha256=digest(document))
