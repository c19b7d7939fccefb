"""A JSON Schema as reference tables: every property with its type, title and description.

Written for the schemas in `schemas/` (draft 2020-12, local `$defs` references): objects with
`properties` become tables, nested objects and array items are flattened into dotted paths
(`generator.name`, `sources[].file`), `$ref`s become links to the definition's section.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from modelconf.docs._tables import NONE_CELL, Table, code

COLUMNS: tuple[str, ...] = ("Property", "Type", "Required", "Title", "Description")


@dataclass(frozen=True, slots=True)
class SchemaSection:
    """The top level or one definition: its summary and its properties (an empty table for none)."""

    name: str
    anchor: str
    title: str
    description: str
    type: str
    table: Table


@dataclass(frozen=True, slots=True)
class SchemaDoc:
    id: str
    title: str
    description: str
    top: SchemaSection
    definitions: tuple[SchemaSection, ...]


def schema_doc(schema: Mapping[str, Any]) -> SchemaDoc:
    defs: Mapping[str, Any] = schema.get("$defs", {})
    top = _section("", "top-level", schema, defs)
    return SchemaDoc(
        id=schema.get("$id", ""),
        title=schema.get("title", ""),
        description=schema.get("description", ""),
        top=top,
        definitions=tuple(_section(name, anchor(name), sub, defs) for name, sub in defs.items()),
    )


def anchor(name: str) -> str:
    """The anchor of a definition's section (its name, lowercased)."""
    return name.lower()


def _section(name: str, anchor_id: str, schema: Mapping[str, Any], defs: Mapping[str, Any]) -> SchemaSection:
    rows = tuple(_rows(schema, "", defs))
    return SchemaSection(
        name=name,
        anchor=anchor_id,
        title=schema.get("title", ""),
        description=schema.get("description", ""),
        type=type_of(schema),
        table=Table(id=anchor_id, columns=COLUMNS, rows=rows),
    )


def _rows(schema: Mapping[str, Any], prefix: str, defs: Mapping[str, Any]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    required = set(schema.get("required", ()))
    for key, sub in schema.get("properties", {}).items():
        path = f"{prefix}{key}"
        target = _resolve(sub, defs)
        title = sub.get("title") or target.get("title") or NONE_CELL
        description = sub.get("description") or target.get("description") or NONE_CELL
        out.append((code(path), type_of(sub), "yes" if key in required else "no", title, description))
        # Inline objects and arrays of inline objects: their properties follow, with longer paths.
        if "properties" in sub:
            out.extend(_rows(sub, f"{path}.", defs))
        items = sub.get("items")
        if isinstance(items, Mapping) and "properties" in items:
            out.extend(_rows(items, f"{path}[].", defs))
    return out


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = schema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        found: Mapping[str, Any] = defs.get(ref.removeprefix("#/$defs/"), {})
        return found
    return {}


def type_of(schema: Mapping[str, Any]) -> str:
    """A schema's type in words, Markdown inline: `string or null`, `array of [model](#model)`."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        return f"[{name}](#{anchor(name)})"
    if "const" in schema:
        return f"constant {_value(schema['const'])}"
    if "enum" in schema:
        return "one of " + ", ".join(_value(v) for v in schema["enum"])
    types = schema.get("type")
    names = [types] if isinstance(types, str) else list(types or [])
    words = [_type_word(t, schema) for t in names]
    text = ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants:
        alternatives = " or ".join(_variant(v) for v in variants)
        text = f"{text}, one of: {alternatives}" if text else f"one of: {alternatives}"
    return text or "any"


def _type_word(name: str, schema: Mapping[str, Any]) -> str:
    if name == "array":
        items = schema.get("items")
        return f"array of {type_of(items)}" if isinstance(items, Mapping) else "array"
    if name == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping) and not schema.get("properties"):
            return f"map of string to {type_of(extra)}"
        return "object"
    if name in ("number", "integer"):
        bounds = []
        if "minimum" in schema:
            bounds.append(f"≥ {schema['minimum']}")
        if "maximum" in schema:
            bounds.append(f"≤ {schema['maximum']}")
        return f"{name} ({', '.join(bounds)})" if bounds else name
    return name


def _variant(schema: Mapping[str, Any]) -> str:
    """One alternative of a oneOf/anyOf: an object by its required keys, or its type."""
    properties: Mapping[str, Any] = schema.get("properties", {})
    required = schema.get("required", ())
    if required and properties:
        return "{" + ", ".join(f"{code(key)}: {type_of(properties.get(key, {}))}" for key in required) + "}"
    return type_of(schema)


def _value(value: Any) -> str:
    return code(value if isinstance(value, str) else json.dumps(value))
