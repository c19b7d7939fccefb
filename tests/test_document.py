"""Readers: values, positions, and every reader diagnostic with its exact code, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelconf.diagnostics import Position, Span
from modelconf.document import Limits, Location, dotted, pointer, read_bytes, read_path


def codes(result) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.start.line, d.span.start.column) if d.span else (d.code, 0, 0) for d in result.diagnostics]


# -- strict JSON -------------------------------------------------------------------------------


def test_json_value_and_lazy_positions() -> None:
    result = read_bytes(b'{\n  "providers": {\n    "x": {"models": [{"id": "m"}]}\n  }\n}\n', "models.json")
    assert result.diagnostics == []
    document = result.document
    assert document.value == {"providers": {"x": {"models": [{"id": "m"}]}}}
    assert document.syntax == "json"
    location = document.location(("providers", "x", "models", 0, "id"))
    assert location == Location(
        key=Span(Position(3, 23), Position(3, 27)),
        value=Span(Position(3, 29), Position(3, 32)),
    )
    # The key of an object member and the whole object value.
    assert document.location(("providers",)).key == Span(Position(2, 3), Position(2, 14))
    assert document.location(("providers",)).value.start == Position(2, 16)


def test_json_syntax_error_position() -> None:
    result = read_bytes(b'{\n  "a": 1,\n  "b": [1, 2,, 3]\n}', "x.json")
    assert result.document is None
    assert codes(result) == [("P001", 3, 14)]
    assert result.diagnostics[0].message == "expected a value, found ','"


def test_json_unclosed_object_points_at_its_opening_brace() -> None:
    result = read_bytes(b'{"a": {"b": 1}\n', "x.json")
    assert codes(result) == [("P001", 1, 1)]
    assert "never closed" in result.diagnostics[0].message


def test_json_unterminated_string() -> None:
    result = read_bytes(b'{"a": "abc\n}', "x.json")
    assert codes(result) == [("P001", 1, 7)]
    assert result.diagnostics[0].message == "unterminated string"


def test_duplicate_key_reports_both_positions() -> None:
    result = read_bytes(b'{\n  "openai": 1,\n  "other": 2,\n  "openai": 3\n}', "x.json")
    assert result.document.value == {"openai": 3, "other": 2}  # last wins, as JSON.parse and Go do
    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, diagnostic.severity.label) == ("P002", "warning")
    assert diagnostic.span.start == Position(4, 3)
    assert diagnostic.related[0].span.start == Position(2, 3)
    assert diagnostic.pointer == "/openai"


def test_duplicate_keys_in_nested_objects_and_json5() -> None:
    result = read_bytes(b"{a: {b: 1, b: 2}, // c\n}", "x.json5")
    assert codes(result) == [("P002", 1, 12)]
    assert result.diagnostics[0].related[0].span.start == Position(1, 6)


def test_invalid_utf8_position_of_first_bad_byte() -> None:
    result = read_bytes('{\n  "name": "caf\u00e9",\n  "x": "'.encode() + b"\xff\xfe" + b'"\n}', "x.json")
    assert result.document is None
    assert codes(result) == [("P003", 3, 9)]
    assert "0xff" in result.diagnostics[0].message


def test_bom_is_accepted() -> None:
    result = read_bytes(b'\xef\xbb\xbf{"a": 1}', "x.json")
    assert result.diagnostics == []
    assert result.document.value == {"a": 1}
    assert result.document.had_bom
    assert result.document.location(("a",)).key.start == Position(1, 2)


def test_bom_yaml() -> None:
    result = read_bytes(b"\xef\xbb\xbfa: 1\n", "x.yaml")
    assert result.document.value == {"a": 1}


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"", "x.json"), (b"  \n\t\n", "x.json"), (b"// only a comment\n", "x.json5"), (b"", "x.yaml"), (b"# nothing\n", "x.yaml"), (b"---\n", "x.yaml")],
)
def test_empty_file(data: bytes, name: str) -> None:
    result = read_bytes(data, name)
    assert result.document is None
    assert codes(result) == [("P004", 1, 1)]


def test_binary_file_position_of_first_nul() -> None:
    result = read_bytes(b'{"a":\n 1\x00\x01}', "x.json")
    assert codes(result) == [("P005", 2, 3)]


def test_utf16_is_called_binary_with_a_hint() -> None:
    result = read_bytes("{}".encode("utf-16"), "x.json")
    assert result.diagnostics[0].code == "P005"
    assert "UTF-16" in result.diagnostics[0].hint


def test_file_too_large() -> None:
    result = read_bytes(b"[" + b"1," * 100 + b"1]", "x.json", limits=Limits(max_bytes=50))
    assert [d.code for d in result.diagnostics] == ["P009"]
    assert result.diagnostics[0].span is None


def test_nesting_too_deep_json_points_at_the_bracket() -> None:
    result = read_bytes(b"[" * 70 + b"]" * 70, "x.json")
    assert codes(result) == [("P008", 1, 65)]


def test_nesting_too_deep_json5() -> None:
    result = read_bytes(b"{a:" * 10 + b"1" + b"}" * 10, "x.json5", limits=Limits(max_depth=5))
    assert codes(result) == [("P008", 1, 16)]  # the sixth "{"


def test_nesting_too_deep_yaml() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(8)) + "  " * 8 + "v\n"
    result = read_bytes(text.encode(), "x.yaml", limits=Limits(max_depth=5))
    assert codes(result) == [("P008", 6, 11)]  # the sixth mapping


def test_nesting_at_the_limit_is_fine() -> None:
    assert read_bytes(b"[" * 64 + b"]" * 64, "x.json").diagnostics == []


# -- JSON5 / JSONC --------------------------------------------------------------------------------


def test_json5_features_are_parsed_and_recorded() -> None:
    text = b"""{
  // line comment
  /* block
     comment */
  unquoted: 'single',
  "hex": 0x1F,
  "half": .5,
  "plus": +3,
  "inf": -Infinity,
  "esc": 'it\\'s \\x41',
  "list": [1, 2,],
}
"""
    result = read_bytes(text, "config.json5")
    assert result.diagnostics == []
    value = result.document.value
    assert value["unquoted"] == "single"
    assert value["hex"] == 31 and value["half"] == 0.5 and value["plus"] == 3
    assert value["inf"] == float("-inf")
    assert value["esc"] == "it's A"
    assert value["list"] == [1, 2]
    ext = {name: (span.start.line, span.start.column) for name, span in result.document.extensions.items()}
    assert ext == {
        "comment": (2, 3),
        "unquoted-key": (5, 3),
        "single-quoted-string": (5, 13),
        "json5-number": (6, 10),
        "json5-escape": (10, 10),
        "trailing-comma": (11, 16),
    }
    assert result.document.location(("unquoted",)).value.start == Position(5, 13)


def test_json_file_with_comments_still_reads_and_records_them() -> None:
    # A .json file that is valid JSON5 yields a document; dialects decide if the program accepts it.
    result = read_bytes(b'{\n  "a": 1, // note\n}', "models.json")
    assert result.document.value == {"a": 1}
    assert result.document.syntax == "json"
    assert set(result.document.extensions) == {"comment", "trailing-comma"}


def test_nan_and_infinity_are_not_strict_json() -> None:
    result = read_bytes(b'{"a": NaN}', "x.json")
    assert "json5-number" in result.document.extensions


def test_control_character_in_string_is_recorded() -> None:
    result = read_bytes(b'{"a": "tab\there"}', "x.json")
    assert result.document.value == {"a": "tab\there"}
    assert "control-character" in result.document.extensions


def test_json5_unquoted_word_value_is_an_error() -> None:
    result = read_bytes(b"{a: hello}", "x.json5")
    assert codes(result) == [("P001", 1, 5)]
    assert result.diagnostics[0].hint == "strings must be in double quotes"


def test_surrogate_pair_escape() -> None:
    assert read_bytes(b'{"e": "\\ud83d\\ude00"}', "x.json").document.value == {"e": "\U0001f600"}
    assert read_bytes(b"{e: '\\ud83d\\ude00'}", "x.json5").document.value == {"e": "\U0001f600"}


def test_cr_only_line_endings_count_as_lines() -> None:
    result = read_bytes(b'{\r"a": 1,\r"b": [}', "x.json")
    assert codes(result) == [("P001", 3, 7)]


# -- YAML -------------------------------------------------------------------------------------


def test_yaml_positions_of_keys_and_values() -> None:
    text = b"version: v0.3.0\nmodel_providers:\n  - model: openai/gpt-4o\n    default: true\n"
    document = read_bytes(text, "plano_config.yaml").document
    assert document.value == {"version": "v0.3.0", "model_providers": [{"model": "openai/gpt-4o", "default": True}]}
    location = document.location(("model_providers", 0, "default"))
    assert location.key == Span(Position(4, 5), Position(4, 12))
    assert location.value == Span(Position(4, 14), Position(4, 18))
    assert document.location(("model_providers", 0)).key is None


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        # YAML 1.1 as PyYAML's safe_load reads it (Plano's loader): reference/plano.md, "Generator".
        ("yes", True), ("No", False), ("on", True), ("OFF", False), ("true", True), ("~", None), ("null", None),
        ("0.1", 0.1), ("v0.1", "v0.1"), ("0.2.0", "0.2.0"), ("1e3", "1e3"), ("1.0e+3", 1000.0),
        ("010", 8), ("0x1F", 31), ("0b101", 5), ("1_000", 1000), ("1:30", 90), (".inf", float("inf")),
        ("12000", 12000), ("-3", -3), ("2024-01-02", "2024-01-02"), ("y", "y"), ("$OPENAI_API_KEY", "$OPENAI_API_KEY"),
    ],
)
def test_yaml_1_1_scalars(scalar: str, value: object) -> None:
    assert read_bytes(f"k: {scalar}\n".encode(), "x.yaml").document.value == {"k": value}


def test_yaml_quoted_scalars_stay_strings() -> None:
    assert read_bytes(b"a: 'yes'\nb: \"12\"\n", "x.yaml").document.value == {"a": "yes", "b": "12"}


def test_yaml_standard_tags() -> None:
    assert read_bytes(b"a: !!str 12\nb: !!int '7'\n", "x.yaml").document.value == {"a": "12", "b": 7}


def test_yaml_duplicate_key_both_positions() -> None:
    result = read_bytes(b"a: 1\nb:\n  c: 2\n  c: 3\n", "x.yaml")
    assert result.document.value == {"a": 1, "b": {"c": 3}}
    assert codes(result) == [("P002", 4, 3)]
    assert result.diagnostics[0].related[0].span.start == Position(3, 3)


def test_yaml_custom_tag() -> None:
    result = read_bytes(b"model_providers:\n  - access_key: !env OPENAI_API_KEY\n", "x.yaml")
    assert codes(result) == [("P006", 2, 17)]
    assert result.document.value == {"model_providers": [{"access_key": "OPENAI_API_KEY"}]}


def test_yaml_syntax_error_position() -> None:
    result = read_bytes(b"a: 1\nb: [1, 2\nc: 3\n", "x.yaml")
    assert result.document is None
    assert result.diagnostics[0].code == "P001"
    assert result.diagnostics[0].span.start.line == 3


def test_yaml_tab_indentation_is_a_syntax_error() -> None:
    result = read_bytes(b"a:\n\tb: 1\n", "x.yaml")
    assert codes(result)[0][:2] == ("P001", 2)


def test_yaml_anchor_alias_and_merge_key() -> None:
    text = b"base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nn: *b\n"
    result = read_bytes(text, "x.yaml")
    assert result.diagnostics == []
    assert result.document.value == {"base": {"x": 1, "y": 2}, "m": {"x": 1, "y": 3}, "n": {"x": 1, "y": 2}}
    # A merged key points at the merge key that brought it in.
    assert result.document.location(("m", "x")).key.start == Position(3, 3)


def test_yaml_alias_bomb_is_stopped() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        prev, cur = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    result = read_bytes("\n".join(lines).encode(), "bomb.yaml")
    assert result.document is None
    assert [d.code for d in result.diagnostics] == ["P007"]
    assert result.diagnostics[0].span.start.line == 6  # 9**5 nodes passes 100,000 on line 6


def test_yaml_undefined_alias() -> None:
    result = read_bytes(b"a: *nowhere\n", "x.yaml")
    assert result.diagnostics[0].code == "P001"


def test_yaml_second_document() -> None:
    result = read_bytes(b"a: 1\n---\nb: 2\n", "x.yaml")
    assert result.document.value == {"a": 1}
    assert codes(result) == [("P011", 2, 1)]


def test_yaml_complex_key() -> None:
    result = read_bytes(b"? [a, b]\n: 1\n", "x.yaml")
    assert [d.code for d in result.diagnostics] == ["P012"]


# -- files ------------------------------------------------------------------------------------


def test_read_path_missing_and_directory(tmp_path: Path) -> None:
    assert [d.code for d in read_path(tmp_path / "nope.json").diagnostics] == ["P010"]
    assert read_path(tmp_path).diagnostics[0].message == "this is a directory, not a file"


def test_read_path_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Injected rather than chmod-ed: root (as in CI containers) reads files regardless of mode.
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    result = read_path(tmp_path / "secret.json")
    assert [(d.code, d.message) for d in result.diagnostics] == [("P010", "permission denied")]


def test_read_path_reads_only_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b"0," * 5000 + b"0]")
    assert [d.code for d in read_path(path, limits=Limits(max_bytes=1000)).diagnostics] == ["P009"]


def test_syntax_from_content_when_the_name_says_nothing() -> None:
    assert read_bytes(b'{"a": 1}', "-").document.syntax == "json"
    assert read_bytes(b"a: 1\n", "-").document.syntax == "yaml"


# -- paths ------------------------------------------------------------------------------------


def test_pointer_and_dotted() -> None:
    path = ("providers", "a/b", "models", 0, "id")
    assert pointer(path) == "/providers/a~1b/models/0/id"
    assert dotted(path) == 'providers["a/b"].models[0].id'
    assert dotted(()) == "<root>"


def test_span_falls_back_to_nearest_ancestor_key() -> None:
    document = read_bytes(b'{"providers": {"ollama": {"models": []}}}', "x.json").document
    assert document.span(("providers", "ollama", "baseUrl")) == document.location(("providers", "ollama")).key
    assert document.span(("nothing",)) == document.location(()).value


def test_syntax_errors_never_quote_a_secret() -> None:
    # An unquoted key made of identifier characters is one token; a quoted one is a string token.
    key = "gsk_Zx81kQmT4vPq9LwYb3NcR7sHd2aB9cD0"
    for text in (f"{{apiKey: {key}}}", f'{{"a": 1 {key}}}', f'{{"a": 1}} "{key}"'):
        (diagnostic,) = read_bytes(text.encode(), "x.json5").diagnostics
        assert diagnostic.code == "P001"
        assert key not in diagnostic.message and key[4:-4] not in diagnostic.message
        assert "secret-looking value (gsk_…9cD0" in diagnostic.message, diagnostic.message
    assert read_bytes(b"{a: hello}", "x.json5").diagnostics[0].message == "unexpected word 'hello'"


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nbb\n\nccc", "\n\n", "x\r\ny\rz\n", "no newline at end"])
def test_line_index_matches_the_line_ends(text: str) -> None:
    import re

    from modelconf.document import LineIndex

    index = LineIndex(text)
    starts = [0, *(m.end() for m in re.finditer(r"\r\n?|\n", text))]
    for line, start in enumerate(starts, 1):
        assert index.position(start) == Position(line, 1)
    assert index.position(len(text)).line == len(starts)


def test_strict_json_with_a_duplicate_key_is_parsed_for_positions_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from modelconf import document as document_module

    parses: list[int] = []
    original = document_module._Json5Parser.parse

    def counting(self: object) -> object:
        parses.append(1)
        return original(self)  # type: ignore[arg-type]

    monkeypatch.setattr(document_module._Json5Parser, "parse", counting)
    result = read_bytes(b'{"a": 1,\n "a": 2, "b": [3]}', "models.json")
    assert [(d.code, d.span.start.line, d.span.start.column) for d in result.diagnostics] == [("P002", 2, 2)]
    assert result.document.location(("b", 0)).value == Span(Position(2, 16), Position(2, 17))
    assert parses == [1]
