"""`modelconf catalog list|show|import|check`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from modelconf.cli import app

runner = CliRunner()
SLICE = Path(__file__).resolve().parent.parent / "fixtures" / "catalog" / "models-dev-slice"


def run(*args: str):
    return runner.invoke(app, ["catalog", *args])


def test_list_providers_table_and_json():
    table = run("list")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == ["provider", "name", "api", "auth", "models", "env"]
    data = json.loads(run("list", "--format", "json").stdout)
    assert len(data["providers"]) == 147
    assert next(p for p in data["providers"] if p["id"] == "openai")["env"] == ["OPENAI_API_KEY"]


def test_list_target_providers_and_models():
    data = json.loads(run("list", "--target", "zot", "--format", "json").stdout)
    google = next(p for p in data["providers"] if p["id"] == "google")
    assert [e["name"] for e in google["env"]] == ["GEMINI_API_KEY", "GOOGLE_API_KEY"]
    assert google["stored_key"]["path"] == ["google"]
    models = json.loads(run("list", "--target", "plano", "--provider", "gemini", "--format", "json").stdout)
    assert len(models["models"]) == 37
    text = run("list", "--target", "pi", "--provider", "anthropic")
    assert text.exit_code == 0 and "claude" in text.stdout


def test_show_provider_model_and_nested_ids():
    shown = json.loads(run("show", "openrouter/anthropic/claude-opus-4.7", "--format", "json").stdout)
    assert (shown["provider"], shown["id"], shown["context_window"]) == ("openrouter", "anthropic/claude-opus-4.7", 1000000)
    target = json.loads(run("show", "bedrock", "--target", "zot", "--format", "json").stdout)
    assert target["id"] == "amazon-bedrock"
    assert target["credential_order"] == ["cli", "provider-env", "derived-env", "auth-file", "oauth"]
    text = run("show", "openai")
    assert text.exit_code == 0 and "OpenAI (openai)" in text.stdout


def test_bad_input_exits_2_with_valid_values():
    result = run("list", "--target", "crush")
    assert result.exit_code == 2
    assert result.stderr == "modelconf: error: unknown target 'crush'; valid targets: pi, zot, openclaw, plano\n"
    result = run("show", "opnai")
    assert result.exit_code == 2 and "Did you mean openai?" in result.stderr
    result = run("show", "openai/gpt-9")
    assert result.exit_code == 2 and "unknown openai model 'gpt-9'" in result.stderr
    result = run("show", "nope", "--target", "pi")
    assert result.exit_code == 2 and "Valid pi providers:" in result.stderr
    assert "Traceback" not in result.output


def test_import_and_check(tmp_path):
    result = run("import", str(SLICE), "--output", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "catalog.json").read_bytes() == (SLICE.parent / "models-dev-slice.golden.json").read_bytes()
    assert run("check", str(tmp_path / "catalog.json")).exit_code == 0
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "modelconf.catalog/1"}\n')
    result = run("check", str(bad))
    assert result.exit_code == 1 and f"{bad}:1:1: O001" in result.stdout
    missing = run("import", str(tmp_path / "nothing"), "--output", str(tmp_path))
    assert missing.exit_code == 2 and "providers/" in missing.stderr
