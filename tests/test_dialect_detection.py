"""Which dialect a file is read as: --dialect, then `$schema`, then the path, then the shape."""

from __future__ import annotations

import json
from typing import Any

import pytest

from modelconf import dialects
from modelconf.document import read_bytes
from modelconf.lint import LintOptions, lint_bytes

AMBIGUOUS = {"providers": {"local": {"baseUrl": "http://localhost:8080/v1", "models": [{"id": "m"}]}}}
PI_SHAPED = {"providers": {"ollama": {"baseUrl": "http://localhost:11434/v1", "api": "openai-completions", "apiKey": "ollama", "models": [{"id": "llama3.1:8b"}]}}}
# zot docs/providers.md, "Custom providers and models" (seed zot-providers-2026-06.md).
ZOT_SHAPED = {"providers": {"my-company": {"baseUrl": "https://llm.mycompany.com/v1", "api": "openai", "models": [{"id": "company-llm-v2", "name": "Company LLM v2"}]}}}


def _detect(value: Any, name: str = "models.json", explicit: str | None = None) -> dialects.Detection:
    document = read_bytes(json.dumps(value).encode(), name).document
    assert document is not None
    return dialects.detect(document, explicit)


def test_registered_dialects() -> None:
    assert {"pi", "zot", "openclaw", "openclaw-models"} <= set(dialects.names())


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/home/ana/.pi/agent/models.json", "pi"),
        (".pi/agent/models.json", "pi"),
        ("/home/ana/.local/state/zot/models.json", "zot"),  # reference/zot.md, ZotHome() defaults
        ("/Users/ana/Library/Application Support/zot/models.json", "zot"),
        ("C:\\Users\\ana\\AppData\\Local\\zot\\models.json", "zot"),
        ("project/.zot/models.json", "zot"),
        ("/home/ana/.mayros/agents/main/agent/models.json", "openclaw-models"),  # reference/openclaw.md
        ("/home/ana/.openclaw/agents/work/agent/models.json", "openclaw-models"),
        ("/home/ana/.mayros/mayros.json", "openclaw"),
        ("/home/ana/.openclaw/openclaw.json", "openclaw"),
        ("openclaw.json5", "openclaw"),
    ],
)
def test_path_decides_even_against_the_shape(path: str, expected: str) -> None:
    # The content is ambiguous between pi and zot; the path alone decides, without D001.
    detection = _detect(AMBIGUOUS, path)
    assert detection.dialect is not None and detection.dialect.name == expected
    assert detection.diagnostics == []


@pytest.mark.parametrize("dialect, schema", [("pi", "pi-models"), ("zot", "zot-models"), ("openclaw", "openclaw-models")])
def test_schema_key_decides(dialect: str, schema: str) -> None:
    value = dict(AMBIGUOUS, **{"$schema": f"https://modelconf.dev/schemas/{schema}.json"})
    detection = _detect(value, "somewhere/models.json")
    assert detection.dialect is not None and detection.dialect.name == dialect
    assert detection.diagnostics == []


def test_schema_key_beats_the_path() -> None:
    value = dict(AMBIGUOUS, **{"$schema": "https://modelconf.dev/schemas/zot-models.json"})
    detection = _detect(value, "/home/ana/.pi/agent/models.json")
    assert detection.dialect is not None and detection.dialect.name == "zot"


def test_unknown_schema_reference_is_reported_and_ignored() -> None:
    value = dict(PI_SHAPED, **{"$schema": "https://example.com/other.json"})
    detection = _detect(value)
    assert detection.dialect is not None and detection.dialect.name == "pi"
    assert [d.code for d in detection.diagnostics] == ["D003"]


def test_shape_pi() -> None:
    detection = _detect(PI_SHAPED)
    assert detection.dialect is not None and detection.dialect.name == "pi"
    assert detection.diagnostics == []


def test_shape_zot() -> None:
    detection = _detect(ZOT_SHAPED)
    assert detection.dialect is not None and detection.dialect.name == "zot"
    assert detection.diagnostics == []


@pytest.mark.parametrize("marker", ["priceInput", "reasoningLevelMap", "type"])
def test_shape_zot_model_fields(marker: str) -> None:
    value = {"providers": {"x": {"baseUrl": "http://h/v1", "models": [{"id": "m", marker: {"priceInput": 1, "reasoningLevelMap": {}, "type": "chat"}[marker]}]}}}
    detection = _detect(value)
    assert detection.dialect is not None and detection.dialect.name == "zot"


def test_shape_openclaw_config() -> None:
    value = {"agents": {"defaults": {"model": {"primary": "moonshot/kimi-k2.5"}}}, "models": {"mode": "merge", "providers": {}}}
    detection = _detect(value, "config.json")
    assert detection.dialect is not None and detection.dialect.name == "openclaw"
    assert detection.diagnostics == []


def test_ambiguous_shape_is_d001_and_checked_as_pi() -> None:
    detection = _detect(AMBIGUOUS)
    assert detection.dialect is not None and detection.dialect.name == "pi"
    assert [d.code for d in detection.diagnostics] == ["D001"]
    assert "pi models.json or a zot models.json" in detection.diagnostics[0].message


def test_unrecognisable_object_is_d002() -> None:
    detection = _detect({"name": "my-app", "version": "1.0.0"}, "package.json")
    assert detection.dialect is None
    assert [d.code for d in detection.diagnostics] == ["D002"]


def test_explicit_dialect_overrides_path_and_shape() -> None:
    # A zot-shaped file at pi's path, forced to zot: zot's rules run (no pi C102/C104).
    result = lint_bytes(json.dumps(ZOT_SHAPED).encode(), "/home/ana/.pi/agent/models.json", LintOptions(dialect="zot"))
    assert result.dialect == "zot"
    assert result.diagnostics == []
    # The same file as pi: pi needs apiKey and does not know api "openai".
    result = lint_bytes(json.dumps(ZOT_SHAPED).encode(), "models.json", LintOptions(dialect="pi"))
    assert result.dialect == "pi"
    assert sorted(d.code for d in result.diagnostics) == ["C102", "C104"]


def test_openclaw_models_is_never_chosen_by_shape() -> None:
    # The agent-dir file is pi's format; only its path tells it apart.
    detection = _detect(PI_SHAPED, "elsewhere/models.json")
    assert detection.dialect is not None and detection.dialect.name == "pi"


def test_dialect_attributes() -> None:
    pi, zot, openclaw, agent = (dialects.get(n) for n in ("pi", "zot", "openclaw", "openclaw-models"))
    assert (pi.program, pi.target, pi.syntax, pi.schema_id) == ("pi", "pi", "json", "https://modelconf.dev/schemas/pi-models.json")
    assert (zot.program, zot.target, zot.syntax, zot.schema_id) == ("zot", "zot", "json", "https://modelconf.dev/schemas/zot-models.json")
    assert (openclaw.target, openclaw.syntax, openclaw.schema_id) == ("openclaw", "json5", "https://modelconf.dev/schemas/openclaw-models.json")
    # The agent-dir models.json is read by pi (strict JSON) but belongs to the OpenClaw target.
    assert (agent.program, agent.target, agent.syntax, agent.schema_id) == ("pi", "openclaw", "json", None)
    assert "models.json" in dialects.known_file_names() and "mayros.json" in dialects.known_file_names()
