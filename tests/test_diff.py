"""`modelconf diff` and `modelconf.emit.diff`: added, removed, changed fields, provenance."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from compile_helpers import ROOT, at, resolved
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.emit.diff import diff_catalogs, to_json, to_text

runner = CliRunner()

OLD = """{"providers": {"local": {"baseUrl": "http://localhost:8080/v1", "api": "openai-completions", "apiKey": "none",
  "models": [{"id": "a", "contextWindow": 32000}, {"id": "b"}]}}}"""
NEW = """{"providers": {"local": {"baseUrl": "http://localhost:8080/v1", "api": "openai-completions", "apiKey": "none",
  "models": [{"id": "a", "contextWindow": 64000, "name": "A"}, {"id": "c"}]},
  "anthropic": {"modelOverrides": {"claude-opus-4-6": {"maxTokens": 32000}}}}}"""


def test_models_added_removed_and_changed():
    difference = diff_catalogs(resolved("pi", (OLD, "m.json", "pi")), resolved("pi", (NEW, "m.json", "pi")))
    assert difference.models.added == ["local/c"] and difference.models.removed == ["local/b"]
    changed = difference.models.changed
    assert set(changed) == {"local/a", "anthropic/claude-opus-4-6"}
    assert changed["local/a"].fields == {"context_window": (32000, 64000), "name": ("a", "A")}
    assert changed["local/a"].provenance == {"name": ("default", at(NEW, "m.json", '"A"'))}
    opus = changed["anthropic/claude-opus-4-6"]
    assert opus.fields == {"max_tokens": (128000, 32000), "origin": ("catalog", "override")}
    assert opus.provenance == {"max_tokens": ("catalog", at(NEW, "m.json", "32000"))}
    assert not difference.same


def test_text_and_json_output():
    difference = diff_catalogs(resolved("pi", (OLD, "m.json", "pi")), resolved("pi", (NEW, "m.json", "pi")))
    text = to_text(difference)
    assert text.splitlines()[:3] == ["models: 1 added, 1 removed, 2 changed", "+ local/c", "- local/b"]
    assert "    context_window: 32000 -> 64000" in text
    where = at(NEW, "m.json", '"A"')
    assert f'    provenance name: "default" -> "{where}"' in text
    data = to_json(difference)
    assert data["models"]["changed"]["local/a"]["fields"]["name"] == {"old": "a", "new": "A"}
    assert data["same"] is False


def test_same_catalogs():
    data = resolved("pi", (OLD, "m.json", "pi"))
    difference = diff_catalogs(data, json.loads(json.dumps(data)))
    assert difference.same and to_text(difference) == "no differences\n"


def test_provider_and_catalog_level_changes():
    old = "version: v0.4.0\nlisteners: [{type: model, name: l}]\nmodel_providers:\n  - {model: openai/gpt-4o, access_key: $A}\n"
    new = old.replace("$A", "$B") + "  - {model: litellm/*, base_url: 'http://l:4000', provider_interface: openai}\nmodel_aliases: {fast: {target: gpt-4o}}\n"
    difference = diff_catalogs(resolved("plano", (old, "p.yaml", "plano")), resolved("plano", (new, "p.yaml", "plano")))
    assert difference.providers.added == ["litellm/*"]
    credentials = difference.providers.changed["openai/gpt-4o"].fields["auth.credentials"]
    assert [ref["name"] for ref in credentials[0]] == ["A", "A"] and [ref["name"] for ref in credentials[1]] == ["B", "B"]
    assert difference.catalog["aliases.fast"] == ("<absent>", "openai/gpt-4o")
    assert difference.catalog["patterns.litellm/* -> litellm/*.base_url"] == ("<absent>", "http://l:4000")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.json").write_text(OLD)
    (tmp_path / "new.json").write_text(NEW)
    return tmp_path


def diff(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_over_config_files_and_exit_code(work: Path) -> None:
    code, out, _ = diff("old.json", "new.json")
    assert code == 0 and "+ local/c" in out and f'    provenance max_tokens: "catalog" -> "{at(NEW, "new.json", "32000")}"' in out
    assert diff("old.json", "new.json", "--exit-code")[0] == 1
    assert diff("old.json", "old.json", "--exit-code") == (0, "no differences\n", "")


def test_cli_over_resolved_catalogs_and_json(work: Path) -> None:
    assert runner.invoke(app, ["compile", "old.json", "-o", "old.resolved.json"]).exit_code == 0
    assert runner.invoke(app, ["compile", "new.json", "-o", "new.resolved.json"]).exit_code == 0
    code, out, _ = diff("old.resolved.json", "new.resolved.json", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["models"]["added"] == ["local/c"] and data["models"]["removed"] == ["local/b"]
    # A catalog against the config files it came from: no differences.
    assert diff("old.resolved.json", "old.json", "--exit-code")[0] == 0


def test_cli_several_config_files_per_side(work: Path) -> None:
    shutil.copy(ROOT / "examples/mayros/mayros.json", work / "mayros.json")
    code, out, _ = diff("old.json,mayros.json", "new.json,mayros.json", "--target", "openclaw")
    assert code == 0 and "+ local/c" in out


def test_cli_rejects_unknown_format_and_broken_files(work: Path) -> None:
    (work / "future.json").write_text('{"format": "modelconf.resolved-catalog/2", "target": "pi", "providers": {}, "models": []}')
    code, _, err = diff("future.json", "old.json")
    assert code == 2 and "format 'modelconf.resolved-catalog/2'; this modelconf reads 'modelconf.resolved-catalog/1'" in err
    (work / "broken.json").write_text('{"providers": {"x": {"models": [{"id": 1}]}}}')
    code, _, err = diff("broken.json", "old.json")
    assert code == 2 and "cannot diff broken.json: the files have errors" in err


def test_diff_never_shows_a_literal_key(work: Path) -> None:
    canary = "sk-ant-api03-CANARYcanary0123456789abcdef"
    (work / "secret.json").write_text(OLD.replace('"apiKey": "none"', f'"apiKey": "{canary}"'))
    for fmt in ("text", "json"):
        code, out, err = diff("old.json", "secret.json", "--format", fmt)
        assert code == 0 and canary not in out + err and canary[-6:] not in out
        assert "/providers/local/apiKey" in out  # the literal key shows by its place, in both formats
