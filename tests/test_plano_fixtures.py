"""Plano fixtures beyond the shared golden test (tests/test_dialect_fixtures.py).

The shared test lints each file with `--dialect plano`; these tests check that Plano files are
also recognised without it, that the seed's examples are among them, and that every valid file is
one Plano's own schema accepts.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from modelconf.document import read_path
from modelconf.lint import LintOptions, lint_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "dialects" / "plano"
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


def _golden(path: Path) -> list[list[object]]:
    rows: list[list[object]] = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    return rows


@pytest.mark.parametrize("path", VALID + BROKEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_detected_as_plano_without_dialect_option(path: Path) -> None:
    # The dialect's checks only; the O1xx findings of resolving are tested with the compiler.
    result = lint_file(path, LintOptions(overrides=False))
    assert result.dialect == "plano"
    rows = sorted([d.code, d.severity.label, d.span.start.line, d.span.start.column] for d in result.diagnostics if d.span)
    assert rows == (sorted(_golden(path)) if path in BROKEN else [])


def test_seed_examples_are_among_the_fixtures() -> None:
    # The YAML examples of seeds/plano-supported-providers.rst: 7 lint clean, 4 do not.
    valid = [p for p in VALID if p.name.startswith("seed-")]
    broken = [p for p in BROKEN if p.name.startswith("seed-")]
    assert (len(valid), len(broken)) == (7, 4)
    for path in valid + broken:
        assert "seeds/plano-supported-providers.rst" in path.read_text(encoding="utf-8").splitlines()[0]


def test_valid_fixtures_pass_plano_schema() -> None:
    plano = read_path(ROOT / "fixtures" / "plano-schema" / "plano_config_schema.yaml").document
    assert plano is not None
    validator = jsonschema.Draft7Validator(plano.value)
    for path in VALID:
        document = read_path(path).document
        assert document is not None
        assert list(validator.iter_errors(document.value)) == [], path.name


def test_one_broken_fixture_per_plano_rule() -> None:
    # tests/test_dialect_fixtures.py checks coverage; this pins the count of Plano checks.
    codes = {row[0] for path in BROKEN for row in _golden(path) if str(row[0]).startswith("C4")}
    assert len(codes) == 35
