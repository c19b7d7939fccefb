"""The dialect schemas: well-formed, documented, and in step with the code that reads them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from modelconf.dialects.zot import KNOWN_KEYS
from modelconf.schema import load_schema

SCHEMAS = ("pi-models", "zot-models", "openclaw-models")


def _properties(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema found under a `properties` keyword, with where it is."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}/properties/{name}", sub
        for key, sub in node.items():
            yield from _properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, f"{where}/{index}")


def _objects(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema (a node with `properties`), wherever it is: root, `$defs`, nested."""
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, sub in node.items():
            yield from _objects(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _objects(sub, f"{where}/{index}")


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_draft_2020_12_with_stable_id(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://modelconf.dev/schemas/{name}.json"
    assert schema["title"] and schema["description"]
    assert jsonschema_rs.meta.is_valid(schema)


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_property_has_a_title_and_description(name: str) -> None:
    missing = [where for where, sub in _properties(load_schema(name)) if not (sub.get("title") and sub.get("description"))]
    assert missing == []


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_object_closes_its_keys(name: str) -> None:
    """Editors flag typos: every object with properties says what happens to other keys."""
    objects = list(_objects(load_schema(name)))
    assert "#/$defs/provider" in dict(objects)
    for where, node in objects:
        assert node.get("additionalProperties") is False, where


@pytest.mark.parametrize("name", ["pi-models", "zot-models"])
def test_pi_and_zot_objects_ignore_unknown_keys(name: str) -> None:
    # reference/pi.md: no object has additionalProperties false; zot: Go's decoder ignores unknown fields.
    objects = dict(_objects(load_schema(name)))
    assert {"#", "#/$defs/provider", "#/$defs/model"} <= set(objects)
    assert [where for where, node in objects.items() if node.get("x-unknown-keys") != "ignored"] == []


def test_openclaw_objects_reject_unknown_keys() -> None:
    # reference/openclaw.md: ModelProvider, ModelDefinition, cost and compat are zod .strict().
    objects = dict(_objects(load_schema("openclaw-models")))
    assert {"#", "#/$defs/provider", "#/$defs/model"} <= set(objects)
    assert [where for where, node in objects.items() if "x-unknown-keys" in node] == []


def test_zot_known_keys_match_the_schema() -> None:
    schema = load_schema("zot-models")
    defs = schema["$defs"]
    assert set(schema["properties"]) == KNOWN_KEYS["root"]
    assert set(defs["provider"]["properties"]) == KNOWN_KEYS["provider"]
    assert set(defs["model"]["properties"]) == KNOWN_KEYS["model"]
    assert set(defs["model"]["properties"]["compat"]["properties"]) == KNOWN_KEYS["compat"]


def test_pi_compat_values_are_warnings_only() -> None:
    # pi's compat union has an empty OpenAI-Responses branch that accepts any object, so only
    # `compat` itself being a non-object is an error (reference/pi.md, "Observed behaviour").
    compat = load_schema("pi-models")["$defs"]["compat"]
    assert "x-severity" not in compat
    for where, sub in _properties(compat):
        assert sub.get("x-severity") == "warning", where


def test_editor_globs_do_not_claim_every_models_json() -> None:
    # pi, zot and the OpenClaw agent dir all use the name models.json (DESIGN.md, "Vocabulary").
    from modelconf.schema_export import schema_catalog

    entries = {entry["url"].rsplit("/", 1)[-1]: entry["fileMatch"] for entry in schema_catalog()["schemas"]}
    assert entries["pi-models.json"] == ["**/.pi/agent/models.json"]
    assert entries["zot-models.json"] == ["**/zot/models.json", "**/.zot/models.json"]
    assert entries["openclaw-models.json"] == ["**/mayros.json", "**/openclaw.json"]
