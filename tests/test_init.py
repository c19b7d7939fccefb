"""`modelconf init`: starters pass lint; existing files and unwritable places are refused untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.lint import LintOptions, lint_file

runner = CliRunner()


@pytest.mark.parametrize(
    ("target", "name", "dialect"),
    [("pi", "models.json", "pi"), ("zot", "models.json", "zot"), ("openclaw", "openclaw.json", "openclaw"), ("plano", "plano_config.yaml", "plano")],
)
def test_starter_passes_lint_with_no_findings(tmp_path: Path, target: str, name: str, dialect: str) -> None:
    result = runner.invoke(app, ["init", "--target", target, str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / name
    assert result.output == f"wrote {written}; check it with: modelconf lint {written}\n"
    linted = lint_file(written, LintOptions())
    assert (linted.dialect, linted.diagnostics) == (dialect, [])


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "models.json"
    target.write_text("mine")
    result = runner.invoke(app, ["init", "--target", "pi", str(target)])
    assert result.exit_code == 2
    assert "already exists; pass --force" in result.output
    assert target.read_text() == "mine"
    assert runner.invoke(app, ["init", "--target", "pi", str(target), "--force"]).exit_code == 0
    assert '"providers"' in target.read_text()


def test_unknown_target(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "--target", "litellm", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown target 'litellm' (choose from pi, zot, openclaw, plano)" in result.output


def test_missing_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "--target", "zot", str(tmp_path / "nope" / "models.json")])
    assert result.exit_code == 2
    assert "is not an existing folder" in result.output


def test_unwritable_folder_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Injected: tests may run as root, which writes into read-only folders anyway.
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("modelconf.atomic.tempfile.mkstemp", deny)
    result = runner.invoke(app, ["init", "--target", "plano", str(tmp_path)])
    assert result.exit_code == 2
    assert f"cannot write {tmp_path / 'plano_config.yaml'}: Permission denied" in result.output
    assert list(tmp_path.iterdir()) == []
