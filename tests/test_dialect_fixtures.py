"""Every fixture under fixtures/dialects/ linted as its folder's dialect, compared with its golden.

`valid/` files must produce no diagnostic at all. Each `broken/<check>.<ext>` has a hand-written
`<check>.expected.json` listing `[code, severity, line, col]` of every expected diagnostic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelconf.lint import LintOptions, lint_file
from modelconf.rules import all_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dialects"
GOLDEN = ".expected.json"


def _inputs(kind: str) -> list[Any]:
    cases = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for path in sorted((folder / kind).iterdir()):
            if not path.name.endswith(GOLDEN):
                cases.append(pytest.param(folder.name, path, id=f"{folder.name}/{path.name}"))
    return cases


def _found(dialect: str, path: Path) -> list[list[Any]]:
    result = lint_file(path, LintOptions(dialect=dialect))
    assert result.dialect == dialect
    rows = []
    for d in result.diagnostics:
        assert d.span is not None, f"{d.code} has no position: {d.message}"
        rows.append([d.code, d.severity.label, d.span.start.line, d.span.start.column])
    return sorted(rows)


@pytest.mark.parametrize("dialect, path", _inputs("valid"))
def test_valid_fixture_has_no_findings(dialect: str, path: Path) -> None:
    result = lint_file(path, LintOptions(dialect=dialect))
    assert [(d.code, d.message) for d in result.diagnostics] == []


@pytest.mark.parametrize("dialect, path", _inputs("broken"))
def test_broken_fixture_matches_golden(dialect: str, path: Path) -> None:
    golden = path.with_name(path.name.split(".")[0] + GOLDEN)
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert _found(dialect, path) == sorted(expected)


def test_every_golden_has_a_fixture() -> None:
    for golden in FIXTURES.glob(f"*/broken/*{GOLDEN}"):
        stem = golden.name[: -len(GOLDEN)]
        assert [p for p in golden.parent.glob(stem + ".*") if p != golden], f"{golden} has no input file"


def test_every_dialect_rule_has_a_broken_fixture() -> None:
    """One broken fixture per check: every C1xx/C2xx/C3xx/C4xx code appears in some golden."""
    covered = {row[0] for golden in FIXTURES.glob(f"*/broken/*{GOLDEN}") for row in json.loads(golden.read_text())}
    dialect_codes = {rule.code for rule in all_rules() if rule.code[:2] in ("C1", "C2", "C3", "C4")}
    assert dialect_codes, "no dialect rules registered"
    assert dialect_codes - covered == set()
