"""End to end through the CLI: exit codes, --dialect, formats; and the dialect rule registry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.rules import all_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dialects"
runner = CliRunner()


def test_valid_seed_example_exits_0() -> None:
    result = runner.invoke(app, ["lint", "--dialect", "zot", "--format", "concise", str(FIXTURES / "zot/valid/my-company.json")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 errors, 0 warnings in 1 file")


def test_pi_error_exits_1_with_position() -> None:
    path = FIXTURES / "pi/broken/missing-base-url.json"
    result = runner.invoke(app, ["lint", "--dialect", "pi", "--format", "concise", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3:5: C101 Provider ollama: \"baseUrl\" is required when defining custom models." in result.output


def test_warnings_only_exit_0_and_1_with_strict() -> None:
    path = str(FIXTURES / "zot/broken/unknown-api.json")
    assert runner.invoke(app, ["lint", "--dialect", "zot", path]).exit_code == 0
    assert runner.invoke(app, ["lint", "--dialect", "zot", "--strict", path]).exit_code == 1


def test_dialect_override_changes_the_rules(tmp_path: Path) -> None:
    # The zot seed example is fine for zot but not for pi (no apiKey; api "openai" is not pi's).
    path = tmp_path / "models.json"
    path.write_text((FIXTURES / "zot/valid/my-company.json").read_text(), encoding="utf-8")
    as_zot = runner.invoke(app, ["lint", "--dialect", "zot", "--format", "json", str(path)])
    as_pi = runner.invoke(app, ["lint", "--dialect", "pi", "--format", "json", str(path)])
    assert as_zot.exit_code == 0 and as_pi.exit_code == 1
    report = json.loads(as_pi.output)
    assert report["files"] == [{"file": str(path), "dialect": "pi"}]
    assert sorted(d["code"] for d in report["diagnostics"]) == ["C102", "C104"]


def test_unknown_dialect_is_a_usage_error() -> None:
    result = runner.invoke(app, ["lint", "--dialect", "pie", str(FIXTURES / "pi/valid/ollama.json")])
    assert result.exit_code == 2


def test_directory_expansion_detects_by_path(tmp_path: Path) -> None:
    agent = tmp_path / ".pi" / "agent"
    agent.mkdir(parents=True)
    (agent / "models.json").write_text((FIXTURES / "pi/broken/missing-api.json").read_text(), encoding="utf-8")
    # Directory walking skips dot-directories, so the file is named explicitly.
    result = runner.invoke(app, ["lint", "--format", "concise", str(agent / "models.json")])
    assert result.exit_code == 1
    assert "C103" in result.output and "D001" not in result.output


def test_python_dash_m_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "mayros.json"
    path.write_text((FIXTURES / "openclaw/broken/provider-alias.json5").read_text(), encoding="utf-8")
    # The fixture references ${ZAI_API_KEY}; unset, OpenClaw/Mayros would load {} (K002, an error).
    env = {**os.environ, "ZAI_API_KEY": "set-for-this-test"}
    done = subprocess.run([sys.executable, "-m", "modelconf", "lint", "--format", "concise", str(path)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert f"{path}:4:7: C303" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("block, dialect", [("C1", "pi"), ("C2", "zot"), ("C3", "openclaw")])
def test_dialect_rules_are_documented(block: str, dialect: str) -> None:
    rules = [rule for rule in all_rules() if rule.code.startswith(block)]
    assert rules
    for rule in rules:
        assert rule.name.startswith(dialect + "-"), rule.code
        assert rule.summary and rule.example, rule.code
        assert len(rule.explanation) > 120, rule.code


def test_dialect_modules_import_cheaply() -> None:
    # `modelconf lint` start-up: importing the dialects must not pull in heavy libraries.
    code = (
        "import sys, modelconf.dialects as d\n"
        "[d.get(n) for n in ('pi', 'zot', 'openclaw', 'openclaw-models')]\n"
        "heavy = {'jsonschema_rs', 'ruamel', 'httpx', 'jinja2', 'deepdiff', 'typer'} & {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
