"""`modelconf compile` end to end: summary, -o, determinism, errors and --force, targets, secrets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from compile_helpers import ROOT
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.resolved_catalog import load_resolved

runner = CliRunner()


def compile_(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["compile", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for source, name in (
        ("examples/pi/models.json", "models.json"),
        ("examples/zot/models.json", "zot-models.json"),
        ("examples/plano/plano_config.yaml", "plano_config.yaml"),
        ("examples/mayros/mayros.json", "mayros.json"),
    ):
        shutil.copy(ROOT / source, tmp_path / name)
    (tmp_path / "broken.json").write_text('{"providers": {"local": {"models": [{"id": "m", "contextWindow": "128k"}]}}}\n')
    return tmp_path


def test_summary_without_output(work: Path) -> None:
    code, out, err = compile_("models.json")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "target pi: models.json"
    counts = dict(line.split() for line in lines[1:7])
    assert counts == {"providers": "24", "models": "954", "overridden": "1", "added": "2", "expanded": "0", "patterns": "0"}
    assert "  ollama/llama3.1:8b                    added      models.json:8:9" in lines
    assert "  openrouter/anthropic/claude-sonnet-4  overridden models.json:14:9 (max_tokens, name)" in lines


def test_output_is_written_valid_and_byte_identical_on_rerun(work: Path) -> None:
    code, _, err = compile_("models.json", "-o", "resolved.json")
    assert code == 0 and err == "wrote resolved.json: 954 models, 24 providers (pi)\n"
    first = (work / "resolved.json").read_bytes()
    assert compile_("models.json", "-o", "resolved.json")[0] == 0
    assert (work / "resolved.json").read_bytes() == first
    assert first.endswith(b"\n") and b"\r" not in first
    data = load_resolved(work / "resolved.json")
    assert data["format"] == "modelconf.resolved-catalog/1" and data["target"] == "pi"
    assert [m["key"] for m in data["models"]] == sorted(m["key"] for m in data["models"])


def test_errors_leave_the_old_output_untouched(work: Path) -> None:
    (work / "resolved.json").write_text("old\n")
    code, out, err = compile_("broken.json", "-o", "resolved.json")
    assert code == 1 and out == ""
    assert "broken.json:1:66: S001" in err
    assert "resolved.json not written: the files have errors (use --force to write anyway)" in err
    assert (work / "resolved.json").read_text() == "old\n"


def test_force_writes_and_still_exits_1(work: Path) -> None:
    (work / "resolved.json").write_text("old\n")
    code, _, err = compile_("broken.json", "-o", "resolved.json", "--force")
    assert code == 1 and "wrote resolved.json" in err
    model = next(m for m in load_resolved(work / "resolved.json")["models"] if m["key"] == "local/m")
    assert model["context_window"] == 128000  # the bad value is skipped; pi's default applies


def test_json_format(work: Path) -> None:
    code, out, _ = compile_("zot-models.json", "--format", "json", "-o", "zot.json")
    payload = json.loads(out)
    assert code == 0 and payload["written"] is True and payload["output"] == "zot.json"
    assert payload["target"] == "zot" and payload["counts"]["added"] == 2 and payload["errors"] == 0


def test_files_for_different_targets_are_a_usage_error(work: Path) -> None:
    code, _, err = compile_("models.json", "zot-models.json")
    assert code == 2
    assert "the files are for different targets: models.json (pi), zot-models.json (zot)" in err
    code, _, err = compile_("models.json", "--target", "zot")
    assert code == 2 and "not for target zot: models.json (pi)" in err
    code, _, err = compile_("models.json", "--target", "crush")
    assert code == 2 and "unknown target 'crush'" in err


def test_pi_format_file_with_target_openclaw_is_the_agent_models_json(work: Path) -> None:
    code, out, _ = compile_("models.json", "mayros.json", "--target", "openclaw", "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["target"] == "openclaw"
    assert [f["dialect"] for f in payload["files"]] == ["pi", "openclaw"]


def test_plano_with_target(work: Path) -> None:
    code, out, _ = compile_("plano_config.yaml", "--target", "plano", "-o", "plano.json")
    assert code == 0
    data = load_resolved(work / "plano.json")
    assert data["default_model"] == "openai/gpt-4o" and data["aliases"] == {"fast": "openai/gpt-4o"}
    assert len([m for m in data["models"] if m["origin"] == "wildcard"]) == 17


def test_unreadable_input_exits_2(work: Path) -> None:
    code, _, err = compile_("missing.json")
    assert code == 2 and "missing.json: P" in err


def test_literal_api_key_never_reaches_the_output(work: Path) -> None:
    # Canary: a literal key in pi's apiKey and in a header.
    canary = "sk-proj-CANARYcanary0123456789abcdefXYZ"
    (work / "secret.json").write_text(
        json.dumps(
            {
                "providers": {
                    "local": {
                        "baseUrl": "http://localhost:8080/v1",
                        "api": "openai-completions",
                        "apiKey": canary,
                        "authHeader": True,
                        "headers": {"X-Key": canary, "X-Auth": f"Bearer {canary}"},
                        "models": [{"id": "m"}],
                    }
                }
            }
        )
    )
    code, out, err = compile_("secret.json", "-o", "out.json")
    assert code == 0
    text = (work / "out.json").read_text()
    assert canary not in text and canary not in out and canary not in err
    assert canary[-8:] not in text
    model = next(m for m in json.loads(text)["models"] if m["key"] == "local/m")
    assert model["headers"]["X-Key"] == {"ref": {"source": "config", "form": "literal", "file": "secret.json", "pointer": "/providers/local/headers/X-Key"}}
    assert code == 0 and canary not in compile_("secret.json")[1]


def test_sources_record_each_file_and_its_digest(work: Path) -> None:
    import hashlib

    (work / "bom.json").write_bytes(b"\xef\xbb\xbf" + (work / "models.json").read_bytes())
    assert compile_("models.json", "bom.json", "-o", "out.json")[0] == 0
    sources = load_resolved(work / "out.json")["sources"]
    assert sources == [
        {"file": "models.json", "dialect": "pi", "sha256": hashlib.sha256((work / "models.json").read_bytes()).hexdigest()},
        {"file": "bom.json", "dialect": "pi", "sha256": hashlib.sha256((work / "bom.json").read_bytes()).hexdigest()},
    ]
