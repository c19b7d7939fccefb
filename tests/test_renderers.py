"""Each output format against golden files in fixtures/renderers/expected/.

The report is built from fixed diagnostics (not from the lint pipeline) so these goldens test the
renderers only. To update after an intended format change: `UPDATE_GOLDENS=1 python -m pytest
tests/test_renderers.py`, then read the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import jsonschema_rs
import pytest

from modelconf.diagnostics import Position, Related, Severity, Span
from modelconf.document import read_path
from modelconf.lint import FileResult, LintReport
from modelconf.renderers import FORMATS, render, summary_line
from modelconf.rules import parse, schema

FIXTURES = Path(__file__).parent.parent / "fixtures" / "renderers"
SECRET = "sk-proj-Zx81kQmT4vPq9LwYb3NcR7sHd2"


def build_report() -> LintReport:
    models = read_path(FIXTURES / "models.json", name="models.json").document
    plano = read_path(FIXTURES / "plano_config.yaml", name="plano_config.yaml").document
    models_diagnostics = [
        schema.WRONG_TYPE(
            "`providers.local.models[0].contextWindow` must be a number, not a string (\"128k\")",
            file="models.json",
            span=models.span(("providers", "local", "models", 0, "contextWindow")),
            hint="write the number of tokens, e.g. 131072",
            pointer="/providers/local/models/0/contextWindow",
        ),
        schema.IGNORED_KEY(
            "secret literal near here, 100% masked: apiKey, see line 5",
            file="models.json",
            span=models.span(("providers", "local", "apiKey")),
            severity=Severity.INFO,
        ),
        parse.DUPLICATE_KEY(
            'duplicate key "local": the first one, at line 3, is ignored',
            file="models.json",
            span=Span(Position(10, 5), Position(10, 12)),
            related=(Related("first defined here", "models.json", Span(Position(3, 5), Position(3, 12))),),
            hint="remove one of the two entries",
        ),
    ]
    plano_diagnostics = [
        schema.INVALID_VALUE(
            "two models are marked `default: true`,\nPlano refuses to start",
            file="plano_config.yaml",
            span=plano.span(("model_providers", 1, "default")),
        ),
        parse.UNREADABLE("a file-level finding without a position", file="plano_config.yaml"),
    ]
    return LintReport(
        [
            FileResult("models.json", models, "pi", models_diagnostics),
            FileResult("plano_config.yaml", plano, "plano", plano_diagnostics),
        ]
    )


def rendered(fmt: str, *, color: bool = False) -> str:
    buffer = io.StringIO()
    render(fmt, build_report(), buffer, color=color)
    return buffer.getvalue()


GOLDENS = [(fmt, False) for fmt in FORMATS] + [("full", True)]


@pytest.mark.parametrize(("fmt", "color"), GOLDENS)
def test_golden(fmt: str, color: bool) -> None:
    name = f"{fmt}{'-color' if color else ''}.txt"
    golden = FIXTURES / "expected" / name
    output = rendered(fmt, color=color)
    if os.environ.get("UPDATE_GOLDENS"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_prints_the_secret(fmt: str) -> None:
    assert SECRET not in rendered(fmt)
    assert SECRET not in rendered(fmt, color=True)


def test_full_format_masks_the_secret_but_keeps_its_length() -> None:
    frame_line = next(line for line in rendered("full").splitlines() if '"apiKey"' in line)
    source_line = (FIXTURES / "models.json").read_text(encoding="utf-8").splitlines()[4]
    assert SECRET in source_line
    # The frame shows the source line with the key's middle starred: same length, so carets line up.
    assert frame_line == "5 | " + source_line.replace(SECRET, "sk-proj-" + "*" * (len(SECRET) - 12) + "sHd2")


def test_summary_line_counts() -> None:
    # Two errors (wrong-type, invalid-value + the unreadable file), one warning, one info (not counted).
    assert summary_line(build_report()) == "3 errors, 1 warning in 2 files"


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema_path = Path(__file__).parent / "vendor" / "sarif" / "sarif-schema-2.1.0.json"
    validator = jsonschema_rs.validator_for(json.loads(schema_path.read_text(encoding="utf-8")))
    document = json.loads(rendered("sarif"))
    errors = [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    run = document["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["P002", "P010", "S001", "S003", "S005"]
    levels = {result["ruleId"]: result["level"] for result in run["results"]}
    assert levels == {"S001": "error", "S003": "note", "P002": "warning", "S005": "error", "P010": "error"}
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_json_is_valid_against_its_schema() -> None:
    from modelconf.schema import load_schema

    validator = jsonschema_rs.validator_for(load_schema("diagnostics"))
    document = json.loads(rendered("json"))
    assert [e.message for e in validator.iter_errors(document)] == []
    assert document["summary"] == {"errors": 3, "warnings": 1, "infos": 1, "files": 2}


def test_github_annotations_parse_back() -> None:
    import re
    from urllib.parse import unquote

    pattern = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$")
    lines = rendered("github").splitlines()
    assert len(lines) == 5
    parsed = []
    for line in lines:
        match = pattern.match(line)
        assert match, line
        props = dict(item.split("=", 1) for item in match.group(2).split(","))
        parsed.append((match.group(1), {k: unquote(v) for k, v in props.items()}, unquote(match.group(3))))
    first = parsed[0]
    assert first[0] == "error"
    assert first[1] == {"file": "models.json", "line": "7", "col": "43", "endLine": "7", "endColumn": "49", "title": "S001"}
    # Newlines and percent signs are escaped so each annotation stays on one line.
    multi = next(p for p in parsed if p[1]["title"] == "S005")
    assert multi[2] == "two models are marked `default: true`,\nPlano refuses to start"
    assert next(p for p in parsed if p[1]["title"] == "S003")[0] == "notice"
