"""Schema errors in plain words, at the offending key or value."""

from __future__ import annotations

from typing import Any

from modelconf.diagnostics import Position, Severity
from modelconf.document import read_bytes
from modelconf.schema import validate

MODEL = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "contextWindow": {"type": "number", "exclusiveMinimum": 0},
        "input": {"type": "array", "items": {"enum": ["text", "image"]}},
        "api": {"enum": ["openai-completions", "openai-responses", "anthropic-messages"]},
    },
    "required": ["id"],
    "additionalProperties": False,
}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "providers": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "x-unknown-keys": "ignored",
                "properties": {"baseUrl": {"type": "string"}, "models": {"type": "array", "items": {"$ref": "#/$defs/model"}}},
                "additionalProperties": False,
            },
        },
        "listeners": {
            "oneOf": [
                {"type": "array", "items": {"type": "object", "properties": {"port": {"type": "integer"}}, "required": ["port"]}},
                {"type": "object", "properties": {"ingress": {"type": "object"}}, "additionalProperties": False},
            ]
        },
        "soft": {"type": "integer", "maximum": 10, "x-severity": "warning"},
        "named": {"type": "string", "pattern": "^[a-z]+/", "x-error-message": "must be written as <provider>/<model_id>"},
    },
    "required": ["providers"],
    "additionalProperties": False,
    "$defs": {"model": MODEL},
}


def check(text: str, name: str = "models.json") -> list[tuple[str, str, int, int]]:
    document = read_bytes(text.encode(), name).document
    assert document is not None
    out = []
    for d in validate(document, SCHEMA, program="pi"):
        out.append((d.code, d.message, d.span.start.line, d.span.start.column))
    return out


def test_type_mismatch_names_expected_and_actual() -> None:
    assert check('{"providers": {"x": {"models": [{"id": "m",\n "contextWindow": "128k"}]}}}') == [
        ("S001", '`providers.x.models[0].contextWindow` must be a number, not a string ("128k")', 2, 19)
    ]


def test_enum_lists_values_and_suggests_the_closest() -> None:
    document = read_bytes(b'{"providers": {"x": {"models": [{"id": "m", "api": "openai-completion"}]}}}', "m.json").document
    (diagnostic,) = validate(document, SCHEMA)
    assert diagnostic.code == "S005"
    assert diagnostic.message == (
        '`providers.x.models[0].api` must be one of "openai-completions", "openai-responses", "anthropic-messages"; '
        'got "openai-completion"'
    )
    assert diagnostic.hint == 'did you mean "openai-completions"?'
    assert diagnostic.span.start == Position(1, 52)


def test_missing_key_message_and_position() -> None:
    found = {c: (m, line, col) for c, m, line, col in check('{"providers": {"x": {"models": [\n  {}]}}}')}
    assert found == {"S004": ("`providers.x.models[0]` is missing required key `id`", 2, 3)}


def test_missing_top_level_key() -> None:
    assert check("{}") == [("S004", "the file is missing required key `providers`", 1, 1)]


def test_unknown_key_error_with_did_you_mean() -> None:
    document = read_bytes(b'{"providers": {"x": {"models": [{"id": "m", "contextLength": 1}]}}}', "m.json").document
    (diagnostic,) = validate(document, SCHEMA, program="OpenClaw")
    assert (diagnostic.code, diagnostic.severity) == ("S002", Severity.ERROR)
    assert diagnostic.message == "unknown key `contextLength` in `providers.x.models[0]`; OpenClaw rejects it"
    assert diagnostic.hint == "did you mean `contextWindow`?"
    assert diagnostic.span.start == Position(1, 45)  # the key, not its value


def test_unknown_key_where_the_program_ignores_it_is_a_warning() -> None:
    document = read_bytes(b'{"providers": {"x": {"baseurl": "http://h"}}}', "m.json").document
    (diagnostic,) = validate(document, SCHEMA, program="pi")
    assert (diagnostic.code, diagnostic.severity) == ("S003", Severity.WARNING)
    assert diagnostic.message == "unknown key `baseurl` in `providers.x`; pi ignores it"
    assert diagnostic.hint == "did you mean `baseUrl`?"


def test_range_and_length() -> None:
    assert check('{"providers": {"x": {"models": [{"id": "", "contextWindow": 0}]}}}') == [
        ("S007", "`providers.x.models[0].id` must not be empty", 1, 40),
        ("S006", "`providers.x.models[0].contextWindow` must be greater than 0, not 0", 1, 61),
    ]


def test_items_are_checked_each_at_their_position() -> None:
    assert [(c, line, col) for c, _, line, col in check('{"providers": {"x": {"models": [{"id": "m", "input": ["text", "audio"]}]}}}')] == [
        ("S005", 1, 63)
    ]


def test_one_of_reports_the_best_matching_branch() -> None:
    # A list was meant (the listeners form); report its item's problem, not "matches no branch".
    assert check('{"providers": {}, "listeners": [{"port": "12000"}]}') == [
        ("S001", '`listeners[0].port` must be an integer, not a string ("12000")', 1, 42)
    ]


def test_one_of_branch_for_an_object() -> None:
    assert check('{"providers": {}, "listeners": {"egress": {}}}') == [
        ("S002", "unknown key `egress` in `listeners`; pi rejects it", 1, 33)
    ]


def test_one_of_with_no_type_matching_lists_the_types() -> None:
    assert check('{"providers": {}, "listeners": "all"}') == [
        ("S001", '`listeners` must be an array or an object, not a string', 1, 32)
    ]


def test_x_severity_downgrades_a_constraint_the_program_does_not_check() -> None:
    document = read_bytes(b'{"providers": {}, "soft": 11}', "m.json").document
    (diagnostic,) = validate(document, SCHEMA)
    assert (diagnostic.code, diagnostic.severity) == ("S006", Severity.WARNING)


def test_x_error_message_replaces_the_generated_text() -> None:
    assert check('{"providers": {}, "named": "gpt-4o"}') == [
        ("S007", "`named`: must be written as <provider>/<model_id>", 1, 28)
    ]


def test_root_of_the_wrong_type() -> None:
    assert check("[1, 2]") == [("S001", "the document must be an object, not an array", 1, 1)]


def test_secret_values_never_appear_in_messages() -> None:
    key = "sk-proj-Zx81kQmT4vPq9LwYb3NcR7sHd2"
    document = read_bytes(f'{{"providers": {{"x": {{"models": [{{"id": "m", "contextWindow": "{key}"}}]}}}}}}'.encode(), "m.json").document
    (diagnostic,) = validate(document, SCHEMA)
    assert key not in diagnostic.message
    assert "sHd2" in diagnostic.message  # the fingerprint's tail tells the user which value


def test_validate_a_subtree() -> None:
    document = read_bytes(b'{"gateway": {}, "models": {"providers": {"x": {"models": "none"}}}}', "mayros.json").document
    (diagnostic,) = validate(document, SCHEMA, root=("models",))
    assert diagnostic.message == "`models.providers.x.models` must be an array, not a string (\"none\")"
    assert diagnostic.pointer == "/models/providers/x/models"
