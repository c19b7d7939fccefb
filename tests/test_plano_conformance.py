"""Conformance with Plano: modelconf reports an error exactly for the corpus files Plano rejects.

The corpus (fixtures/plano-corpus) is 20 real configs from katanemo/plano 0.4.36 with the verdict
and message of Plano's own config generator for each (MANIFEST.json, see SOURCE.md there).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from modelconf.diagnostics import Severity
from modelconf.document import PathT, pointer, read_path
from modelconf.lint import lint_file

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "plano-corpus"
MANIFEST: dict[str, Any] = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
ENTRIES: list[dict[str, Any]] = MANIFEST["files"]


def test_manifest_and_corpus_match() -> None:
    on_disk = {p.name for p in CORPUS.glob("*.yaml")}
    assert on_disk == {entry["file"] for entry in ENTRIES}
    assert len(ENTRIES) == 20
    assert (CORPUS / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")
    verdicts = [entry["plano_verdict"] for entry in ENTRIES]
    assert verdicts.count("reject") == 3 and verdicts.count("accept") == 17


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["file"])
def test_modelconf_errors_exactly_where_plano_rejects(entry: dict[str, Any]) -> None:
    result = lint_file(CORPUS / entry["file"])
    assert result.dialect == "plano"
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if entry["plano_verdict"] == "reject":
        assert errors, f"Plano rejects {entry['file']} ({entry['plano_message']}); modelconf reports no error"
    else:
        assert errors == [], f"Plano accepts {entry['file']}; modelconf reports {[d.message for d in errors]}"


def plano_message_node(message: str) -> tuple[PathT, bool]:
    """The node a message of Plano's generator names: `Location: a → 0 → b`, plus the unexpected key.

    Returns (path, is_key): an "Additional properties ... ('x' was unexpected)" message names key x.
    """
    location = re.search(r"Location: (.+?)\s+Value:", message)
    assert location is not None, message
    path: list[str | int] = []
    if location.group(1) != "root":
        path = [int(step) if step.isdigit() else step for step in location.group(1).split(" → ")]
    unexpected = re.search(r"\('([^']+)' was unexpected\)", message)
    if unexpected:
        path.append(unexpected.group(1))
    return tuple(path), unexpected is not None


REJECTED_WITH_MESSAGE = [e for e in ENTRIES if e["plano_verdict"] == "reject" and e["plano_message"]]


@pytest.mark.parametrize("entry", REJECTED_WITH_MESSAGE, ids=lambda e: e["file"])
def test_an_error_sits_at_the_node_plano_names(entry: dict[str, Any]) -> None:
    path, is_key = plano_message_node(entry["plano_message"])
    document = read_path(CORPUS / entry["file"]).document
    assert document is not None
    assert document.has(path), path
    result = lint_file(CORPUS / entry["file"])
    at_node = [
        d
        for d in result.diagnostics
        if d.severity is Severity.ERROR and d.pointer == pointer(path) and d.span == document.span(path, key=is_key)
    ]
    assert at_node, f"no error at {pointer(path)}: {[(d.code, d.pointer) for d in result.diagnostics]}"


def test_the_node_parser_reads_plano_messages() -> None:
    # Message format: config_generator.validate_prompt_config (reference/plano.md, "Generator" step 1).
    assert plano_message_node("'v0.2.0' is not one of ['v0.1']   Location: version   Value: v0.2.0") == (("version",), False)
    assert plano_message_node(
        "Additional properties are not allowed ('filter_chain' was unexpected)   Location: listeners → 0 → agents → 0   Value: {}"
    ) == (("listeners", 0, "agents", 0, "filter_chain"), True)
    assert plano_message_node("Additional properties are not allowed ('listener' was unexpected)   Location: root   Value: {}") == (
        ("listener",),
        True,
    )
