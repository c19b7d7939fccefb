"""The resolved-catalog contract: its schema documents every property; the loader checks versions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from compile_helpers import at, resolved

from modelconf.emit.resolved import dumps
from modelconf.resolved_catalog import FORMAT, SCHEMA_ID, ResolvedCatalogError, load_resolved, parse_resolved
from modelconf.schema import load_schema


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    out = []
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            out.append((f"{path}/{name}", child))
        for key, child in node.items():
            out.extend(_properties(child, f"{path}/{key}"))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            out.extend(_properties(child, f"{path}/{index}"))
    return out


def test_every_property_has_a_title_and_a_description():
    schema = load_schema("resolved-catalog")
    missing = []
    for where, node in _properties(schema):
        target = node
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            target = schema["$defs"][name]
        if not (target.get("title") and target.get("description")):
            missing.append(where)
    assert missing == []
    assert schema["$id"] == SCHEMA_ID and schema["properties"]["format"]["const"] == FORMAT


def test_loader_checks_the_format_version(tmp_path: Path):
    data = resolved("pi", ('{"providers": {}}', "m.json", "pi"))
    path = tmp_path / "resolved.json"
    path.write_text(dumps(data))
    assert load_resolved(path) == data
    data["format"] = "modelconf.resolved-catalog/2"
    path.write_text(json.dumps(data))
    with pytest.raises(ResolvedCatalogError, match=r"format 'modelconf.resolved-catalog/2'; this modelconf reads 'modelconf.resolved-catalog/1'"):
        load_resolved(path)
    del data["format"]
    with pytest.raises(ResolvedCatalogError, match="no format field"):
        parse_resolved(data, source="x.json")


def test_loader_lists_schema_errors_with_their_place():
    data = resolved("pi", ('{"providers": {}}', "m.json", "pi"))
    data["providers"]["openai"]["auth"]["scheme"] = "basic"
    del data["models"][0]["api"]
    with pytest.raises(ResolvedCatalogError) as info:
        parse_resolved(data, source="c.json")
    text = str(info.value)
    assert text.startswith("c.json: not a valid resolved catalog (2 schema errors):")
    assert "at /providers/openai/auth/scheme:" in text and "at /models/0:" in text


def test_loader_reports_unreadable_and_non_json_files(tmp_path: Path):
    with pytest.raises(ResolvedCatalogError, match="cannot read the resolved catalog"):
        load_resolved(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(ResolvedCatalogError, match="not a JSON resolved catalog"):
        load_resolved(tmp_path / "bad.json")


def test_provenance_values_are_one_of_the_four_forms():
    text = '{"providers": {"anthropic": {"modelOverrides": {"claude-opus-4-6": {"name": "x"}}}}}'
    data = resolved("pi", (text, "m.json", "pi"))
    values = {v for m in data["models"] for v in m["provenance"].values()}
    assert values == {"catalog", "default", "derived", at(text, "m.json", '"x"')}
