"""Golden resolved catalogs for each dialect's valid fixtures and the examples.

Compiled with the small test catalog (fixtures/compile/catalog.json) and, for Plano, a reduced
registry. A golden keeps what the user's files changed: the providers and models they touched
(with provenance), patterns, aliases, the default model, the entries and the counts; the whole
resolved catalog of every case is validated against the schema. Set MODELCONF_UPDATE_GOLDENS=1 to
rewrite the goldens after an intended change, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from compile_helpers import COMPILE, ROOT, compile_paths, data_of

from modelconf.emit.resolved import dumps
from modelconf.resolved_catalog import parse_resolved, schema_errors

UPDATE = os.environ.get("MODELCONF_UPDATE_GOLDENS") == "1"

# (golden name, target, inputs in composition order)
CASES: list[tuple[str, str | None, list[str]]] = [
    ("pi/override-built-in", None, ["fixtures/dialects/pi/valid/override-built-in.json"]),
    ("pi/built-in-with-custom-models", None, ["fixtures/dialects/pi/valid/built-in-with-custom-models.json"]),
    ("pi/every-field", None, ["fixtures/dialects/pi/valid/every-field.json"]),
    ("pi/ollama", None, ["fixtures/dialects/pi/valid/ollama.json"]),
    ("pi/example", None, ["examples/pi/models.json"]),
    ("zot/built-in-override", "zot", ["fixtures/dialects/zot/valid/built-in-override.json"]),
    ("zot/every-field", None, ["fixtures/dialects/zot/valid/every-field.json"]),
    ("zot/my-company", "zot", ["fixtures/dialects/zot/valid/my-company.json"]),
    ("zot/example", "zot", ["examples/zot/models.json"]),
    ("openclaw/every-field", None, ["fixtures/dialects/openclaw/valid/every-field.json"]),
    ("openclaw/kimi-coding-env", None, ["fixtures/dialects/openclaw/valid/kimi-coding-env.json5"]),
    ("openclaw/lmstudio", None, ["fixtures/dialects/openclaw/valid/lmstudio.json5"]),
    ("openclaw/moonshot", None, ["fixtures/dialects/openclaw/valid/moonshot.json5"]),
    ("openclaw/synthetic", None, ["fixtures/dialects/openclaw/valid/synthetic.json5"]),
    ("openclaw/example", None, ["examples/mayros/mayros.json"]),
    (
        "openclaw/generated-then-config",
        "openclaw",
        ["fixtures/dialects/openclaw-models/valid/generated.json", "fixtures/dialects/openclaw/valid/lmstudio.json5"],
    ),
    ("plano/example", "plano", ["examples/plano/plano_config.yaml"]),
    *[
        (f"plano/{name}", "plano", [f"fixtures/dialects/plano/valid/{name}.yaml"])
        for name in (
            "every-field", "seed-custom-and-multiple-instances", "seed-first-class-providers", "seed-litellm-plano-config",
            "seed-openai", "seed-passthrough-auth", "seed-providers-requiring-base-url", "seed-wildcards",
        )
    ],
    ("plano/wildcards", "plano", ["fixtures/compile/plano/wildcards.yaml"]),
]


def golden_view(data: dict[str, Any]) -> dict[str, Any]:
    """The user-touched part of a resolved catalog, plus counts of the rest."""
    touched = {p["id"] for p in data["providers"].values() if p["origin"] != "catalog"}
    view = {key: data[key] for key in ("format", "target", "sources", "default_model", "patterns", "aliases", "provenance", "entries") if key in data}
    view["providers"] = {key: value for key, value in data["providers"].items() if key in touched}
    view["models"] = [model for model in data["models"] if model["origin"] != "catalog"]
    view["counts"] = {
        "providers": len(data["providers"]),
        "models": len(data["models"]),
        "catalog_models": sum(1 for m in data["models"] if m["origin"] == "catalog"),
    }
    return view


@pytest.fixture(scope="module")
def compiled() -> dict[str, dict[str, Any]]:
    out = {}
    for name, target, inputs in CASES:
        result = compile_paths(inputs, target)
        assert result.errors == 0, [(d.code, d.message) for d in result.diagnostics]
        out[name] = data_of(result)
    return out


@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_golden(name: str, compiled: dict[str, dict[str, Any]]) -> None:
    data = compiled[name]
    data["generator"]["version"] = "0"  # not part of the golden
    view = golden_view(data)
    path = COMPILE / f"{name}.resolved.json"
    if UPDATE:
        path.write_text(dumps(view), encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == view


@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_whole_catalog_validates_and_loads(name: str, compiled: dict[str, dict[str, Any]]) -> None:
    data = compiled[name]
    assert schema_errors(data) == []
    assert parse_resolved(json.loads(dumps(data))) == data


def test_every_golden_file_has_a_case() -> None:
    names = {case[0] for case in CASES}
    found = {str(p.relative_to(COMPILE)).removesuffix(".resolved.json") for p in COMPILE.glob("*/*.resolved.json")}
    assert found == names


def test_goldens_name_inputs_relative_to_the_repository() -> None:
    for name, _, inputs in CASES:
        golden = json.loads((COMPILE / f"{name}.resolved.json").read_text(encoding="utf-8"))
        assert [s["file"] for s in golden["sources"]] == inputs
        for source in inputs:
            assert (ROOT / source).is_file() and not Path(source).is_absolute()
