"""Bad input to the JSON dialects: a clear diagnostic at a position, never a traceback."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelconf.diagnostics import Diagnostic
from modelconf.lint import LintOptions, lint_bytes

JSON_DIALECTS = ("pi", "zot", "openclaw-models", "openclaw")


def _lint(text: str, dialect: str, name: str = "models.json") -> list[Diagnostic]:
    result = lint_bytes(text.encode(), name, LintOptions(dialect=dialect))
    for diagnostic in result.diagnostics:
        assert diagnostic.span is not None, f"{diagnostic.code} without a position: {diagnostic.message}"
        assert diagnostic.message
    return result.diagnostics


def _rows(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    return sorted((d.code, d.severity.label, d.span.start.line, d.span.start.column) for d in diagnostics if d.span)


@pytest.mark.parametrize("dialect", ["pi", "openclaw-models", "zot", "openclaw"])
@pytest.mark.parametrize("text, kind", [("[]", "an array"), ('"providers"', "a string"), ("42", "an integer"), ("true", "a boolean")])
def test_top_level_not_an_object(dialect: str, text: str, kind: str) -> None:
    diagnostics = _lint(text, dialect)
    assert _rows(diagnostics) == [("S001", "error", 1, 1)]
    assert diagnostics[0].message.startswith(f"the document must be an object, not {kind}")


def test_top_level_null_pi_rejects() -> None:
    # reference/pi.md: Ajv `must be object` -> the file is discarded.
    diagnostics = _lint("null", "pi")
    assert _rows(diagnostics) == [("S001", "error", 1, 1)]
    assert diagnostics[0].message.endswith("pi ignores every custom provider in this file while this error is present")


def test_top_level_null_zot_reads_an_empty_file() -> None:
    # Go's encoding/json: unmarshalling null into a struct is a no-op without an error.
    diagnostics = _lint("null", "zot")
    assert _rows(diagnostics) == [("C215", "warning", 1, 1)]


def _column(text: str, marker: str) -> int:
    """1-based column of the first occurrence of `marker` (the expected position, read off the input)."""
    assert text.count(marker) == 1, marker
    return text.index(marker) + 1


@pytest.mark.parametrize(
    "dialect, text, marker",
    [
        ("pi", '{"providers": []}', "[]"),
        ("pi", '{"providers": {"x": "ollama"}}', '"ollama"'),
        ("pi", '{"providers": {"x": {"baseUrl": "u", "apiKey": "k", "api": "openai-completions", "models": ["m"]}}}', '"m"'),
        ("pi", '{"providers": {"openai": {"baseUrl": "u", "headers": ["a"]}}}', '["a"]'),
        ("zot", '{"providers": []}', "[]"),
        ("zot", '{"providers": {"x": {"baseUrl": "u", "models": [{"id": "m", "reasoningLevelMap": ["high"]}]}}}', '["high"]'),
        ("zot", '{"providers": {"x": {"baseUrl": "u", "models": [7]}}}', "7"),
        ("openclaw", '{"models": {"providers": {"x": null}}}', "null"),
        ("openclaw", '{"models": "none"}', '"none"'),
    ],
)
def test_odd_shapes_inside(dialect: str, text: str, marker: str) -> None:
    assert _rows(_lint(text, dialect)) == [("S001", "error", 1, _column(text, marker))]


def test_keys_with_pointer_characters_are_located() -> None:
    # Provider and model names with "/" and "~" are escaped in JSON pointers (RFC 6901).
    text = '{"providers": {"a/b~c": {"baseUrl": "u", "api": "openai-completions", "models": [{"id": "m", "contextWindow": "x"}]}}}'
    diagnostics = _lint(text, "pi")
    assert _rows(diagnostics) == [("C102", "error", 1, _column(text, '"a/b~c"')), ("S001", "error", 1, _column(text, '"x"'))]
    wrong_type = next(d for d in diagnostics if d.code == "S001")
    assert wrong_type.pointer == "/providers/a~1b~0c/models/0/contextWindow"
    assert wrong_type.message.endswith("pi ignores every custom provider in this file while this error is present")


def test_numeric_provider_keys_are_not_array_indexes() -> None:
    # jsonschema-rs reports the key "0" as the int 0; the position must still be the value's.
    text = '{"providers": {"0": {"baseUrl": "u", "models": [{"id": "m", "contextWindow": "x"}]}}}'
    # K006 also (rightly) says zot's derived 0_API_KEY cannot be exported; this test is about S001's position.
    diagnostics = [d for d in _lint(text, "zot") if not d.code.startswith("K")]
    assert _rows(diagnostics) == [("S001", "error", 1, _column(text, '"x"'))]
    assert diagnostics[0].message.startswith('`providers["0"].models[0].contextWindow` must be an integer, not a string ("x")')


@pytest.mark.parametrize(
    "dialect, name, text, expected",
    [
        # A Plano config forced as pi: no `providers` and two keys pi ignores.
        ("pi", "plano_config.yaml", "version: v0.1.0\nmodel_providers:\n  - model: openai/gpt-4o\n", [("S003", "warning", 1, 1), ("S003", "warning", 2, 1), ("S004", "error", 1, 1)]),
        # An OpenClaw config forced as zot: zot ignores unknown top-level keys; nothing is loaded.
        ("zot", "mayros.json", '{"models": {"providers": {}}}', [("S003", "warning", 1, 2)]),
        # A pi models.json forced as openclaw: the strict root rejects `providers`.
        ("openclaw", "models.json", '{"providers": {}}', [("S002", "error", 1, 2)]),
    ],
)
def test_wrong_dialect_forced(dialect: str, name: str, text: str, expected: list[tuple[str, str, int, int]]) -> None:
    assert _rows(_lint(text, dialect, name)) == expected


def test_huge_and_special_numbers_do_not_crash() -> None:
    for dialect in ("pi", "zot", "openclaw-models"):
        _lint('{"providers": {"x": {"baseUrl": "u", "apiKey": "k", "api": "openai", "models": [{"id": "m", "contextWindow": 1e400, "maxTokens": -0.0}]}}}', dialect)
    _lint("{models: {providers: {x: {baseUrl: 'u', models: [{id: 'm', name: 'n', contextWindow: Infinity, maxTokens: NaN}]}}}}", "openclaw", "mayros.json")


_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
_keys = st.sampled_from(
    ["providers", "models", "id", "name", "api", "baseUrl", "apiKey", "headers", "compat", "cost", "contextWindow", "maxTokens",
     "modelOverrides", "reasoningLevelMap", "reasoning", "type", "auth", "discover", "mode", "input", "", "x"]
)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=4), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(value=_values, dialect=st.sampled_from(JSON_DIALECTS))
def test_any_json_value_gives_positioned_diagnostics(value: Any, dialect: str) -> None:
    _lint(json.dumps(value), dialect)


@settings(max_examples=150, deadline=None)
@given(providers=st.dictionaries(st.text(max_size=6), _values, max_size=3), dialect=st.sampled_from(JSON_DIALECTS))
def test_any_providers_block_gives_positioned_diagnostics(providers: Any, dialect: str) -> None:
    value = {"models": {"providers": providers}} if dialect == "openclaw" else {"providers": providers}
    _lint(json.dumps(value), dialect)


@settings(max_examples=200, deadline=None)
@given(value=_values, name=st.sampled_from(["models.json", "mayros.json", "config.json", ".pi/agent/models.json"]))
def test_detection_of_any_json_value_never_raises(value: Any, name: str) -> None:
    # Detection sniffs the content of every candidate dialect: odd values there must not crash either.
    result = lint_bytes(json.dumps(value).encode(), name, LintOptions())
    assert all(d.message for d in result.diagnostics)
