"""The Plano dialect: detection, `--dialect`, and bad input that must never become a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelconf import dialects
from modelconf.cli import app
from modelconf.dialects.plano import DIALECT
from modelconf.document import read_bytes
from modelconf.lint import LintOptions, expand_paths, lint_bytes

CONFIG = b"version: v0.4.0\nlisteners:\n  - name: llm\n    type: model\n    port: 12000\nmodel_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n"


def _codes(data: bytes, name: str, dialect: str | None = None) -> list[tuple[str, int, int]]:
    result = lint_bytes(data, name, LintOptions(dialect=dialect))
    return [(d.code, d.span.start.line, d.span.start.column) for d in result.diagnostics if d.span]


def test_registered_with_its_facts() -> None:
    assert "plano" in dialects.names()
    plano = dialects.get("plano")
    assert plano is DIALECT
    assert (plano.program, plano.target, plano.syntax, plano.schema) == ("Plano", "plano", "yaml", "plano-config")
    assert plano.file_names == ("plano_config.yaml", "arch_config.yaml")
    assert plano.schema_id == "https://modelconf.dev/schemas/plano-config.json"


@pytest.mark.parametrize(
    "name",
    ["plano_config.yaml", "demo/plano_config_local.yaml", "arch_config.yaml", "a/b/arch_config.yml", "config.yaml", "gateway.yaml"],
)
def test_detected_by_name_or_content(name: str) -> None:
    read = read_bytes(CONFIG, name)
    assert read.document is not None
    detection = dialects.detect(read.document)
    assert detection.dialect is DIALECT
    assert detection.diagnostics == []


def test_detected_by_path_even_without_plano_keys() -> None:
    read = read_bytes(b"version: v0.4.0\n", "plano_config.yaml")
    assert read.document is not None
    assert dialects.detect(read.document).reason == "path matches Plano config"


def test_detected_by_yaml_language_server_modeline() -> None:
    data = b"# yaml-language-server: $schema=https://modelconf.dev/schemas/plano-config.json\nversion: v0.4.0\n"
    read = read_bytes(data, "gateway.yaml")
    assert read.document is not None
    detection = dialects.detect(read.document)
    assert detection.dialect is DIALECT and detection.reason.startswith("$schema names")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"model_providers": []}, True),
        ({"llm_providers": [], "version": "v0.1"}, True),
        ({"listeners": [], "version": "v0.4.0"}, True),
        ({"version": "v0.4.0", "prompt_targets": []}, True),
        ({"providers": {"ollama": {"models": []}}}, False),  # a pi/zot models.json
        ({"version": "1.0"}, False),
        ([{"id": "x"}], False),
        ("text", False),
    ],
)
def test_sniff(value: object, expected: bool) -> None:
    assert (DIALECT.sniff(value) > 0) is expected


def test_unknown_content_is_a_diagnostic_not_a_guess() -> None:
    result = lint_bytes(b"name: something\n", "other.yaml")
    assert result.dialect is None
    assert [d.code for d in result.diagnostics] == ["D002"]


def test_directories_expand_to_plano_files(tmp_path: Path) -> None:
    (tmp_path / "plano_config.yaml").write_bytes(CONFIG)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "config.yaml").write_bytes(CONFIG)
    (tmp_path / "sub" / "arch_config.yaml").write_bytes(CONFIG)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "config.yaml").write_bytes(b"database: {}\n")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path]))
    assert found == ["plano_config.yaml", "sub/arch_config.yaml", "sub/config.yaml"]


# -- bad input: a clear diagnostic at a position, never a traceback ------------------------------


def test_model_providers_null() -> None:
    data = CONFIG.split(b"model_providers:")[0] + b"model_providers:\n"
    assert _codes(data, "plano_config.yaml") == [("S001", 6, 17)]


def test_model_providers_mapping() -> None:
    data = CONFIG.split(b"model_providers:")[0] + b"model_providers: {}\n"
    result = lint_bytes(data, "plano_config.yaml")
    (diagnostic,) = result.diagnostics
    assert diagnostic.message == "`model_providers` must be an array, not an object"


def test_json_models_file_forced_to_plano() -> None:
    data = json.dumps({"providers": {"ollama": {"baseUrl": "http://localhost:11434/v1", "models": [{"id": "llama3"}]}}}).encode()
    found = _codes(data, "models.json", dialect="plano")
    assert ("S002", 1, 2) in found  # unknown key `providers`
    assert ("S004", 1, 1) in found  # missing version / listeners


def test_json_list_forced_to_plano() -> None:
    result = lint_bytes(b'[{"id": "gpt-4o"}]', "models.json", LintOptions(dialect="plano"))
    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, diagnostic.message) == ("S001", "the document must be an object, not an array")


def test_non_string_keys() -> None:
    data = CONFIG + b"1: one\n? [a, b]\n: c\n"
    codes = [code for code, _, _ in _codes(data, "plano_config.yaml")]
    assert "P012" in codes and codes.count("S002") == 2


@pytest.mark.parametrize(
    ("data", "exit_code", "code"),
    [
        (b"", 1, "P004"),
        (b"model_providers: null\nversion: v0.4.0\n", 1, "S001"),
        (b"model_providers: {}\n", 1, "S001"),
        (b'{"providers": []}', 1, "S002"),
        (b"[1, 2]", 1, "S001"),
        (b"model_providers:\n  - 1\n  - [x]\n  - {model: 7, base_url: 5, default: 2}\n", 1, "S001"),
        (b"listeners: 3\nmodel_providers: [{model: a/b/*, name: {x: 1}, routing_preferences: 1}]\n", 1, "S001"),
    ],
)
def test_cli_never_raises(tmp_path: Path, data: bytes, exit_code: int, code: str) -> None:
    path = tmp_path / "plano_config.json" if data.startswith((b"{", b"[")) else tmp_path / "plano_config.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["lint", str(path), "--dialect", "plano", "-f", "concise"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == exit_code, result.output
    assert f": {code} " in result.output
