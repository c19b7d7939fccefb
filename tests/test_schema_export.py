"""`modelconf schema export`: schemas under the names of their $id, and a SchemaStore catalog."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.schema_export import schema_files

runner = CliRunner()


def test_every_schema_has_a_stable_id_title_and_draft() -> None:
    files = schema_files()
    assert {"diagnostics.json", "resolved-catalog-1.json", "builtin-catalog.json", "target-profile.json"} <= set(files)
    for name, schema in files.items():
        assert schema["$id"] == f"https://modelconf.dev/schemas/{name}"
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema.get("title")


def test_export_writes_schemas_and_catalog(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "export", str(tmp_path / "out"), "--base-url", "https://example.invalid/s/"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted([*schema_files(), "catalog.json"])
    catalog = json.loads((out / "catalog.json").read_text())
    assert catalog["$schema"] == "https://json.schemastore.org/schema-catalog.json"
    # One entry per dialect with a schema (the loop below must not pass over an empty list).
    from modelconf import dialects

    with_schema = [d for d in dialects.all_dialects() if d.schema is not None]
    assert with_schema and [e["name"] for e in catalog["schemas"]] == [f"modelconf: {d.title}" for d in with_schema]
    for entry in catalog["schemas"]:
        assert entry["url"].startswith("https://example.invalid/s/")
        assert (out / entry["url"].rsplit("/", 1)[-1]).is_file()
        assert entry["fileMatch"] and all(glob.startswith("**/") or "/" in glob for glob in entry["fileMatch"])


def test_export_into_an_unwritable_place_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["schema", "export", str(blocker / "sub")])
    assert result.exit_code == 2
    assert "cannot write" in result.output


def test_editor_docs_name_only_schemas_that_exist() -> None:
    import re

    page = (Path(__file__).parent.parent / "docs" / "editors.md").read_text(encoding="utf-8")
    named = set(re.findall(r"https://modelconf\.dev/schemas/([\w.-]+\.json)", page))
    assert named and named <= set(schema_files())
