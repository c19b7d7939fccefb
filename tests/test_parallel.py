"""Linting on several processes gives the same report as linting in one."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from modelconf import _parallel
from modelconf.lint import LintOptions, lint_paths
from modelconf.renderers import render

FIXTURES = Path(__file__).parent.parent / "fixtures" / "dialects"


@pytest.fixture
def many(tmp_path: Path) -> list[Path]:
    """Every dialect fixture (valid and broken), each copied under a name detection still knows."""
    files = []
    for index, source in enumerate(sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".json", ".yaml") and not p.name.endswith(".expected.json"))):
        folder = tmp_path / f"{index:03d}-{source.parent.parent.name}"
        folder.mkdir()
        target = folder / source.name
        shutil.copy(source, target)
        files.append(target)
    assert len(files) > 100
    return files


def rendered(report, fmt: str) -> str:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    render(fmt, report, buffer)
    return buffer.getvalue()


def test_two_workers_report_exactly_what_one_process_reports(many: list[Path]) -> None:
    options = LintOptions()
    one = lint_paths(many, options, jobs=1)
    two = lint_paths(many, options, jobs=2)
    assert [r.name for r in two.files] == [r.name for r in one.files]
    assert [r.diagnostics for r in two.files] == [r.diagnostics for r in one.files]
    assert [r.dialect for r in two.files] == [r.dialect for r in one.files]
    assert one.exit_code() == two.exit_code() == 1
    # Code frames need only the source text, which workers send back.
    for fmt in ("full", "concise", "json", "sarif"):
        assert rendered(two, fmt) == rendered(one, fmt)


def test_progress_counts_every_file(many: list[Path]) -> None:
    seen: list[int] = []
    started: list[int] = []
    lint_paths(many, LintOptions(), jobs=2, on_start=started.append, on_progress=seen.append)
    assert started == [len(many)]
    assert sum(seen) == len(many)


def test_auto_jobs_keeps_small_runs_in_one_process() -> None:
    assert _parallel.auto_jobs(1) == 1
    assert _parallel.auto_jobs(_parallel.MIN_FILES_PER_JOB - 1) == 1
    assert 1 <= _parallel.auto_jobs(10_000) <= 8


def test_workers_send_no_source_when_no_frame_will_show_it(many: list[Path]) -> None:
    one = lint_paths(many, LintOptions(), jobs=1)
    lean = lint_paths(many, LintOptions(), jobs=2, keep_source=False)
    assert [r.diagnostics for r in lean.files] == [r.diagnostics for r in one.files]
    assert all(r.document is None for r in lean.files)
    for fmt in ("concise", "json", "github", "sarif"):
        assert rendered(lean, fmt) == rendered(one, fmt)


def test_shares_are_contiguous_and_balanced_by_bytes(tmp_path: Path) -> None:
    sizes = [4000, 100, 100, 100, 100, 1000, 1000, 1000, 1000]
    files = []
    for index, size in enumerate(sizes):
        path = tmp_path / f"{index}.json"
        path.write_bytes(b" " * size)
        files.append(path)
    first, second = _parallel.shares(files, 2)
    assert first + second == files
    assert [p.name for p in first] == ["0.json", "1.json", "2.json"]  # 4,200 bytes each


def test_a_failing_worker_is_reported_not_lost(many: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import modelconf.lint

    real = modelconf.lint.lint_file
    doomed = many[1]  # in the forked child's share, not the parent's

    def lint_file(path, options):  # type: ignore[no-untyped-def]
        if Path(path) == doomed:
            raise RuntimeError("reader exploded")
        return real(path, options)

    monkeypatch.setattr(modelconf.lint, "lint_file", lint_file)
    with pytest.raises(_parallel.WorkerError, match="RuntimeError: reader exploded"):
        lint_paths(many, LintOptions(), jobs=2)


def test_a_diagnostic_crosses_the_process_boundary_whole() -> None:
    """Every field survives pickling (Diagnostic, Span and Position pickle as constructor arguments)."""
    import dataclasses
    import pickle

    from modelconf.diagnostics import Diagnostic, Related, Severity, Span

    diagnostic = Diagnostic(
        "C401", Severity.WARNING, "message", file="a.yaml", span=Span.at(3, 5, 4, 9), hint="hint",
        related=(Related("first here", "b.yaml", Span.at(1, 2)),), pointer="/model_providers/0",
    )
    assert all(getattr(diagnostic, f.name) != f.default for f in dataclasses.fields(Diagnostic))  # nothing left at a default
    copy = pickle.loads(pickle.dumps(diagnostic, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == diagnostic and copy.span is not None and copy.span.end.column == 9
