"""Positions the YAML reader reports: every key and value span, and the spans of its diagnostics.

The golden file was recorded from the reader as it was before it switched to character offsets
(bench/lint_plano_500.py); the cases cover block and flow styles, block scalars, escapes,
non-ASCII and astral characters, CRLF and lone CR line ends, comments, merge keys, aliases,
duplicate and complex keys, a second document, tags and an empty value.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from modelconf.document import read_bytes

DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(DATA))
from yaml_positions_cases import CASES  # noqa: E402

EXPECTED: dict[str, Any] = json.loads((DATA / "yaml_positions.expected.json").read_text(encoding="utf-8"))


def _describe(name: str, text: str) -> dict[str, Any]:
    read = read_bytes(text.encode(), f"{name}.yaml")
    entry: dict[str, Any] = {
        "diagnostics": [
            [
                d.code,
                [d.span.start.line, d.span.start.column, d.span.end.line, d.span.end.column] if d.span else None,
                [[r.span.start.line, r.span.start.column] for r in d.related if r.span],
            ]
            for d in read.diagnostics
        ]
    }
    document = read.document
    if document is not None:
        locations = {}
        for path in document.paths():
            location = document.location(path)
            assert location is not None
            key = location.key
            value = location.value
            locations["/".join(map(str, path))] = [
                [key.start.line, key.start.column, key.end.line, key.end.column] if key else None,
                [value.start.line, value.start.column, value.end.line, value.end.column],
            ]
        entry["locations"] = dict(sorted(locations.items()))
        entry["value"] = json.loads(json.dumps(document.value, default=str))
    return entry


@pytest.mark.parametrize("name", sorted(CASES))
def test_positions_are_unchanged(name: str) -> None:
    assert _describe(name, CASES[name]) == EXPECTED[name]


def test_an_empty_value_is_one_column_on_its_own_line() -> None:
    read = read_bytes(b"model_providers:\nnext: 1\n", "plano_config.yaml")
    assert read.document is not None
    span = read.document.span(("model_providers",))
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (1, 17, 1, 18)
