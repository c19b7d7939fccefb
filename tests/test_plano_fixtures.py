"""Golden fixtures of the Plano dialect: every diagnostic, with its code, position and severity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelconf.diagnostics import Severity
from modelconf.lint import lint_file
from modelconf.rules import all_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dialects" / "plano"
CASES = sorted(FIXTURES.glob("*/*.yaml"))


def _rows(path: Path) -> list[list[object]]:
    result = lint_file(path)
    return [
        [d.code, d.span.start.line, d.span.start.column, d.severity.label]
        for d in result.diagnostics
        if d.span is not None
    ]


def _expected(path: Path) -> list[list[object]]:
    rows: list[list[object]] = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return rows


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_reports_exactly_the_golden_diagnostics(path: Path) -> None:
    assert _rows(path) == _expected(path)


def test_every_fixture_has_a_golden_file_and_the_other_way_round() -> None:
    goldens = sorted(FIXTURES.glob("*/*.expected.json"))
    assert {p.with_suffix("").with_suffix(".yaml") for p in goldens} == set(CASES)
    assert len(CASES) >= 60


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.yaml")), ids=lambda p: p.name)
def test_valid_fixtures_have_no_errors(path: Path) -> None:
    assert [row for row in _expected(path) if row[3] == Severity.ERROR.label] == []


def test_broken_fixtures_each_report_something() -> None:
    for path in sorted((FIXTURES / "broken").glob("*.yaml")):
        assert _expected(path), path.name


def test_every_plano_rule_has_a_broken_fixture() -> None:
    codes = {rule.code for rule in all_rules() if rule.code.startswith("C4")}
    reported = {row[0] for path in (FIXTURES / "broken").glob("*.yaml") for row in _expected(path)}
    assert codes - reported == set()


def test_seed_examples_are_among_the_valid_fixtures() -> None:
    # The YAML examples of seeds/plano-supported-providers.rst (all but the rejected base_url one).
    seeds = sorted(p.name for p in (FIXTURES / "valid").glob("seed-*.yaml"))
    assert len(seeds) == 10
    for name in seeds:
        assert "plano-supported-providers.rst" in (FIXTURES / "valid" / name).read_text(encoding="utf-8")
