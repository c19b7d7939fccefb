"""schemas/plano-config.schema.json: a draft 2020-12 translation of Plano's own schema.

Acceptance must be identical to Plano's schema (fixtures/plano-schema, draft-07): every file Plano's
schema accepts gets no error from modelconf's schema stage, every file it rejects gets at least one.
Warnings (`x-severity: warning`) mark what Plano's schema means but does not check.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
from plano_mutants import all_mutants

from modelconf.diagnostics import Diagnostic, Severity
from modelconf.document import Document, read_bytes, read_path
from modelconf.schema import load_schema, validate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "plano-corpus"
SCHEMA = load_schema("plano-config")


def _plano_schema() -> Any:
    document = read_path(ROOT / "fixtures" / "plano-schema" / "plano_config_schema.yaml").document
    assert document is not None
    return document.value


PLANO = _plano_schema()
PLANO_RS = jsonschema_rs.Draft7Validator(PLANO)
# The validator Plano itself runs (`jsonschema.validate`, draft-07): reference/plano.md, "Generator" 1.
PLANO_PY = jsonschema.Draft7Validator(PLANO)


def _ours(value: Any) -> list[Diagnostic]:
    return validate(Document("mutant.yaml", "", "yaml", value, locations={}), "plano-config", program="Plano")


def _accepts(value: Any) -> bool:
    return not any(d.severity is Severity.ERROR for d in _ours(value))


def _corpus() -> dict[str, Any]:
    out = {}
    for path in sorted(CORPUS.glob("*.yaml")):
        document = read_path(path).document
        assert document is not None
        out[path.name] = document.value
    return out


CONFIGS = _corpus()
MUTANTS = all_mutants(CONFIGS)


def test_schema_header() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "https://modelconf.dev/schemas/plano-config.json"
    assert SCHEMA["title"] and "0.4.36" in SCHEMA["description"]
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert jsonschema_rs.meta.is_valid(SCHEMA)


def _properties(node: Any, where: str = "#") -> list[tuple[str, Any]]:
    out = []
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            if isinstance(child, dict) and child is not True:
                out.append((f"{where}/properties/{name}", child))
        for key, child in node.items():
            out.extend(_properties(child, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            out.extend(_properties(child, f"{where}/{index}"))
    return out


def test_every_property_has_a_title_and_a_description() -> None:
    properties = _properties(SCHEMA)
    assert len(properties) > 150
    # Properties listed only to name them for `additionalProperties` checks are `true`, not schemas.
    lacking = [where for where, node in properties if not node.get("title") or not node.get("description")]
    assert lacking == []


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_corpus_file_gets_the_same_verdict_from_both_schemas(name: str) -> None:
    value = CONFIGS[name]
    assert PLANO_RS.is_valid(value) == PLANO_PY.is_valid(value) == _accepts(value)


def test_mutants_get_the_same_verdict_from_both_schemas() -> None:
    assert len(MUTANTS) > 3000
    accepted = 0
    disagreements = []
    for label, mutant in MUTANTS:
        plano_rs, plano_py, ours = PLANO_RS.is_valid(mutant), PLANO_PY.is_valid(mutant), _accepts(mutant)
        accepted += plano_rs
        if not plano_rs == plano_py == ours:
            disagreements.append((label, plano_rs, plano_py, ours))
    assert disagreements == []
    # Both verdicts are well represented, so the equality above says something.
    assert accepted > 800 and len(MUTANTS) - accepted > 2000


def _lint(text: str) -> list[Diagnostic]:
    read = read_bytes(text.encode(), "plano_config.yaml")
    assert read.document is not None
    return validate(read.document, "plano-config", program="Plano")


HEADER = "version: v0.4.0\nlisteners:\n  - name: llm\n    type: model\n    port: 12000\n"


def test_hole_inline_routing_preference_items_are_warnings() -> None:
    # reference/plano.md, "Schema quirks": inline routing_preferences `required`/`additionalProperties`
    # sit at array level and check nothing (observed: such an item passes Plano).
    text = HEADER + (
        "model_providers:\n"
        "  - model: openai/gpt-4o\n"
        "    routing_preferences:\n"
        "      - name: code\n"
        "        priority: 1\n"
        "      - description: review\n"
    )
    found = [(d.code, d.severity, d.span.start.line, d.span.start.column) for d in _lint(text) if d.span]
    assert found == [
        ("S004", Severity.WARNING, 9, 9),
        ("S002", Severity.WARNING, 10, 9),
        ("S004", Severity.WARNING, 11, 9),
    ]
    for diagnostic in _lint(text):
        assert "Plano itself does not check it" in diagnostic.message


def test_hole_endpoint_names_are_warnings() -> None:
    # reference/plano.md, "Schema quirks": names not matching the pattern are not validated.
    text = HEADER + "endpoints:\n  weather-api:\n    endpoint: 1\n"
    (diagnostic,) = _lint(text)
    assert (diagnostic.code, diagnostic.severity) == ("S002", Severity.WARNING)
    assert (diagnostic.span.start.line, diagnostic.span.start.column) == (7, 3)  # type: ignore[union-attr]
    assert "Plano itself does not check this one" in diagnostic.message


def test_unknown_overrides_and_prompt_guards_keys_are_ignored_warnings() -> None:
    # Plano's schema has no additionalProperties on `overrides` and `prompt_guards`; the runtime
    # ignores unknown keys (reference/plano.md, "Rust Configuration ... no deny_unknown_fields").
    text = HEADER + "overrides:\n  optimise_context_window: true\nprompt_guards:\n  input_guard: {}\n"
    found = [(d.code, d.severity, d.message, d.hint) for d in _lint(text)]
    assert found == [
        ("S003", Severity.WARNING, "unknown key `optimise_context_window` in `overrides`; Plano ignores it", "did you mean `optimize_context_window`?"),
        ("S003", Severity.WARNING, "unknown key `input_guard` in `prompt_guards`; Plano ignores it", "did you mean `input_guards`?"),
    ]


def test_the_stray_additional_properties_name_is_an_error_as_in_plano() -> None:
    # Plano's schema lists `additionalProperties: false` among a parameter's properties: a key of
    # that name fails ("False schema does not allow ..."), and nothing else changes.
    text = HEADER + (
        "prompt_targets:\n  - name: t\n    description: d\n    parameters:\n"
        "      - {name: p, description: d, type: str, additionalProperties: false}\n"
    )
    (diagnostic,) = _lint(text)
    assert (diagnostic.code, diagnostic.severity) == ("S002", Severity.ERROR)


def test_type_mismatch_names_expected_and_actual() -> None:
    (diagnostic,) = _lint(HEADER.replace("port: 12000", 'port: "12000"'))
    assert diagnostic.message == '`listeners[0].port` must be an integer, not a string ("12000")'


def test_enum_lists_the_values_and_the_closest() -> None:
    # reference/plano.md: `0.2.0` is allowed, `v0.2.0` is not.
    (diagnostic,) = _lint(HEADER.replace("v0.4.0", "v0.2.0"))
    assert diagnostic.message == '`version` must be one of "v0.1", "v0.1.0", "0.1-beta", "0.2.0", "v0.3.0", "v0.4.0"; got "v0.2.0"'
    assert diagnostic.hint == 'did you mean "0.2.0"?'


def test_missing_key_names_the_object() -> None:
    (diagnostic,) = _lint(HEADER + "state_storage:\n  type: postgres\n")
    assert diagnostic.message == "`state_storage` is missing required key `connection_string`"
    assert (diagnostic.span.start.line, diagnostic.span.start.column) == (6, 1)  # type: ignore[union-attr]


def test_listeners_one_of_reports_the_best_matching_form() -> None:
    (diagnostic,) = _lint("version: v0.4.0\nlisteners:\n  - name: llm\n    port: 12000\n")
    assert (diagnostic.code, diagnostic.message) == ("S004", "`listeners[0]` is missing required key `type`")
    (legacy,) = _lint("version: v0.4.0\nlisteners:\n  egress_traffic:\n    message_format: hf\n")
    assert legacy.code == "S005" and legacy.message.startswith("`listeners.egress_traffic.message_format` must be one of")


def test_schema_file_is_plain_json() -> None:
    path = ROOT / "schemas" / "plano-config.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == SCHEMA
