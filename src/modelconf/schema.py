"""Validate a document against a JSON Schema from `schemas/` and report errors in plain words.

Every error becomes a diagnostic at the offending key or value: a type mismatch names the expected
and the actual type, an enum lists the allowed values and the closest one, a missing key names the
object that lacks it, an unknown key suggests the closest known key, and an `anyOf`/`oneOf`
reports the best-matching branch rather than all of them.

Schemas may carry annotations that steer the report:

- `x-unknown-keys: "ignored"` on an object schema: the program ignores unknown keys there, so they
  are warnings (S003) instead of errors (S002);
- `x-severity: "warning" | "info"` on any schema node: violations of that node's keywords use this
  severity (for constraints modelconf checks but the program does not);
- `x-error-message` on any schema node: replaces the generated message for that node's keywords.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Sequence
from typing import Any

from modelconf._resources import data_file
from modelconf.diagnostics import Diagnostic, Severity
from modelconf.document import Document, PathT, dotted, pointer
from modelconf.rules import Rule
from modelconf.rules import schema as rules
from modelconf.secrets import safe_repr

_ARTICLES = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "a boolean",
    "null": "null",
}


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """Load `schemas/<name>.schema.json`."""
    with open(data_file("schemas", f"{name}.schema.json"), encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@functools.cache
def validator(name: str) -> Any:
    """The compiled jsonschema-rs validator of `schemas/<name>.schema.json` (cached)."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(load_schema(name))


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def validate(
    document: Document,
    schema: str | dict[str, Any],
    *,
    root: PathT = (),
    program: str = "the program",
) -> list[Diagnostic]:
    """Validate `document` (or the subtree at `root`) against a schema, by name or as a dict.

    `program` names the program in messages ("pi rejects it", "Plano ignores it").
    """
    instance = document.get(root)
    if isinstance(schema, str):
        compiled, schema_dict = validator(schema), load_schema(schema)
    else:
        import jsonschema_rs

        compiled, schema_dict = jsonschema_rs.validator_for(schema), schema
    if compiled.is_valid(instance):
        return []
    translator = _Translator(document, schema_dict, root, program)
    out: list[Diagnostic] = []
    for error in compiled.iter_errors(instance):
        out.extend(translator.translate(error))
    return _dedupe(out)


def _dedupe(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, str, Any]] = set()
    out = []
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.message, diagnostic.span)
        if key not in seen:
            seen.add(key)
            out.append(diagnostic)
    return out


def _closest(word: str, candidates: Sequence[str]) -> str | None:
    if not candidates:
        return None
    lowered = {candidate.lower(): candidate for candidate in candidates}
    if word.lower() in lowered:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return match[0] if match else None


class _Translator:
    def __init__(self, document: Document, schema: dict[str, Any], root: PathT, program: str) -> None:
        self.document = document
        self.schema = schema
        self.root = root
        self.program = program

    def node(self, schema_path: Sequence[str | int]) -> Any:
        """The schema node at a (ref-resolved) schema path, or None."""
        node: Any = self.schema
        for step in schema_path:
            if isinstance(node, dict) and step in node:
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                node = node[step]
            else:
                return None
        return node

    def path(self, error: Any) -> PathT:
        return self.root + _document_path(self.document.get(self.root), error.instance_path)

    def emit(self, rule: Rule, error: Any, message: str, *, key: bool = False, path: PathT | None = None, hint: str | None = None) -> Diagnostic:
        where = self.path(error) if path is None else path
        holder = self.node(list(error.schema_path)[:-1])
        severity: Severity | None = None
        if isinstance(holder, dict):
            if "x-error-message" in holder:
                message = f"{_name(where)}: {holder['x-error-message']}"
            if "x-severity" in holder:
                severity = Severity.parse(holder["x-severity"])
        return rule(
            message,
            file=self.document.name,
            span=self.document.span(where, key=key),
            hint=hint,
            severity=severity,
            pointer=pointer(where),
        )

    def translate(self, error: Any) -> list[Diagnostic]:
        kind = error.kind
        name = kind.name
        path = self.path(error)
        value = self.document.get(path)
        subject = _name(path)
        if name == "type":
            expected = " or ".join(_ARTICLES.get(t, t) for t in kind.types)
            actual = json_type(value)
            shown = _ARTICLES[actual] if actual in ("object", "array", "null") else f"{_ARTICLES[actual]} ({safe_repr(value)})"
            return [self.emit(rules.WRONG_TYPE, error, f"{subject} must be {expected}, not {shown}")]
        if name == "enum":
            return [self.enum(error, list(kind.options), value, subject)]
        if name == "const":
            return [self.emit(rules.INVALID_VALUE, error, f"{subject} must be {safe_repr(kind.expected_value)}, not {safe_repr(value)}")]
        if name == "required":
            return [self.missing(error, kind.property, path)]
        if name in ("additionalProperties", "unevaluatedProperties"):
            return self.unknown_keys(error, list(kind.unexpected), path)
        if name in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            limit = kind.limit
            words = {
                "minimum": "at least",
                "exclusiveMinimum": "greater than",
                "maximum": "at most",
                "exclusiveMaximum": "less than",
            }[name]
            return [self.emit(rules.OUT_OF_RANGE, error, f"{subject} must be {words} {limit}, not {safe_repr(value)}")]
        if name == "multipleOf":
            return [self.emit(rules.OUT_OF_RANGE, error, f"{subject} must be a multiple of {kind.multiple_of}")]
        if name == "minLength":
            if kind.limit == 1:
                return [self.emit(rules.INVALID_STRING, error, f"{subject} must not be empty")]
            return [self.emit(rules.INVALID_STRING, error, f"{subject} must be at least {kind.limit} characters long")]
        if name == "maxLength":
            return [self.emit(rules.INVALID_STRING, error, f"{subject} must be at most {kind.limit} characters long")]
        if name == "pattern":
            return [self.emit(rules.INVALID_STRING, error, f"{subject} must match the pattern {kind.pattern}, not {safe_repr(value)}")]
        if name == "format":
            return [self.emit(rules.INVALID_STRING, error, f"{subject} must be a valid {kind.format}, not {safe_repr(value)}")]
        if name in ("minItems", "maxItems"):
            words = "at least" if name == "minItems" else "at most"
            unit = "item" if kind.limit == 1 else "items"
            return [self.emit(rules.INVALID_ARRAY, error, f"{subject} must have {words} {kind.limit} {unit}")]
        if name == "uniqueItems":
            return [self.emit(rules.INVALID_ARRAY, error, f"{subject} must not repeat items")]
        if type(kind).__name__ == "OneOfMultipleValid":
            return [self.emit(rules.NO_MATCHING_VARIANT, error, f"{subject} matches more than one of the accepted forms")]
        if name in ("anyOf", "oneOf"):
            return self.alternatives(error, path, value, subject)
        if name == "propertyNames":
            return [self.emit(rules.INVALID_STRING, error, f"{subject} has a key that is not allowed here")]
        return [self.emit(rules.SCHEMA_VIOLATION, error, f"{subject} is not valid here ({name})")]

    def enum(self, error: Any, options: list[Any], value: Any, subject: str) -> Diagnostic:
        shown = ", ".join(safe_repr(option) for option in options[:12])
        if len(options) > 12:
            shown += f", … ({len(options)} in all)"
        hint = None
        if isinstance(value, str):
            closest = _closest(value, [o for o in options if isinstance(o, str)])
            if closest is not None:
                hint = f"did you mean {safe_repr(closest)}?"
        return self.emit(rules.INVALID_VALUE, error, f"{subject} must be one of {shown}; got {safe_repr(value)}", hint=hint)

    def missing(self, error: Any, key: str, path: PathT) -> Diagnostic:
        holder = "the file" if not path else _name(path)
        # Point at the object's key (or opening bracket) when the key is absent.
        return self.emit(rules.MISSING_KEY, error, f"{holder} is missing required key `{key}`", key=True, path=path)

    def unknown_keys(self, error: Any, keys: list[str], path: PathT) -> list[Diagnostic]:
        holder = self.node(list(error.schema_path)[:-1])
        known: list[str] = []
        ignored = False
        if isinstance(holder, dict):
            known = sorted(holder.get("properties", {}))
            ignored = holder.get("x-unknown-keys") == "ignored"
        where = "the top level" if not path else _name(path)
        out = []
        for key in keys:
            closest = _closest(key, known)
            hint = f"did you mean `{closest}`?" if closest else (f"known keys: {', '.join(known)}" if known and len(known) <= 12 else None)
            if ignored:
                message = f"unknown key `{key}` in {where}; {self.program} ignores it"
                rule = rules.IGNORED_KEY
            else:
                message = f"unknown key `{key}` in {where}; {self.program} rejects it"
                rule = rules.UNKNOWN_KEY
            out.append(self.emit(rule, error, message, key=True, path=path + (key,), hint=hint))
        return out

    def alternatives(self, error: Any, path: PathT, value: Any, subject: str) -> list[Diagnostic]:
        branches = [list(branch) for branch in getattr(error.kind, "context", [])]
        best = _best_branch(branches, list(error.instance_path))
        if best is None:
            return [self.emit(rules.NO_MATCHING_VARIANT, error, f"{subject} does not match any of the accepted forms")]
        if best == "types":
            expected: list[str] = []
            for branch in branches:
                for sub in branch:
                    if sub.kind.name == "type" and list(sub.instance_path) == list(error.instance_path):
                        expected.extend(t for t in sub.kind.types if t not in expected)
            actual = json_type(value)
            return [
                self.emit(
                    rules.WRONG_TYPE,
                    error,
                    f"{subject} must be {' or '.join(_ARTICLES.get(t, t) for t in expected)}, not {_ARTICLES[actual]}",
                )
            ]
        out: list[Diagnostic] = []
        for sub in best:
            out.extend(self.translate(sub))
        return out


def _best_branch(branches: list[list[Any]], here: list[Any]) -> list[Any] | str | None:
    """Pick the alternative the author most likely meant.

    A branch that fails only because the value has another type says nothing about what was meant;
    a branch that accepted the type and failed deeper (or on fewer keys) is the better guess. A
    branch whose discriminating `const`/`enum` failed is a worse guess than one that failed later.
    """
    if not branches:
        return None
    scored = []
    for index, branch in enumerate(branches):
        type_miss = any(sub.kind.name == "type" and list(sub.instance_path) == here for sub in branch)
        discriminator_miss = sum(sub.kind.name in ("const", "enum") for sub in branch)
        depth = max((len(sub.instance_path) for sub in branch), default=0)
        scored.append((type_miss, discriminator_miss, -depth, len(branch), index, branch))
    scored.sort(key=lambda item: item[:5])
    best = scored[0]
    if best[0]:
        return "types"
    return best[5]


def _document_path(instance: Any, steps: Sequence[Any]) -> PathT:
    """An instance path with object keys as strings: jsonschema-rs reports a key like "0" as the int 0."""
    out: list[str | int] = []
    node = instance
    for step in steps:
        if isinstance(node, dict):
            step = str(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            node = None
        out.append(step)
    return tuple(out)


def _name(path: PathT) -> str:
    return f"`{dotted(path)}`" if path else "the document"
