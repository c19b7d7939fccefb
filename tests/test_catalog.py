"""The built-in catalog: loading, lookups, schema validity."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema_rs
import pytest

from modelconf._resources import data_dir
from modelconf.catalog import Catalog, ModelFacts, load_catalog


def test_load_catalog_is_cached_and_complete():
    catalog = load_catalog()
    assert isinstance(catalog, Catalog)
    assert load_catalog() is catalog
    assert len(catalog.providers) == 147
    assert catalog.model_count == 5276
    assert sum(1 for _ in catalog.all_models()) == 5276


def test_provider_and_model_facts():
    catalog = load_catalog()
    openai = catalog.providers["openai"]
    assert (openai.name, openai.api, openai.auth, openai.env) == ("OpenAI", "openai-responses", "api-key", ("OPENAI_API_KEY",))
    assert openai.base_url == "https://api.openai.com/v1" and openai.base_url_source == "sdk-default"
    model = catalog.model("openai", "gpt-4.1")
    assert isinstance(model, ModelFacts)
    assert (model.context_window, model.max_output_tokens, model.reasoning) == (1047576, 32768, False)
    assert model.input == ("text", "image", "pdf")
    assert (model.cost.input, model.cost.output, model.cost.cache_read, model.cost.cache_write) == (2.0, 8.0, 0.5, None)
    assert model.key == "openai/gpt-4.1"
    assert catalog.model("openai", "nope") is None
    assert catalog.models("nope") == ()
    bedrock = catalog.providers["amazon-bedrock"]
    assert bedrock.auth == "cloud-credentials"
    assert catalog.providers["lmstudio"].auth == "none"
    assert catalog.providers["github-copilot"].auth == "oauth-subscription"


def test_models_are_frozen_and_sorted():
    catalog = load_catalog()
    models = catalog.models("anthropic")
    assert [m.id for m in models] == sorted(m.id for m in models)
    model = next(m for m in models if m.cost is not None)
    with pytest.raises(AttributeError):
        model.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        model.cost.input = 0.0  # type: ignore[misc,union-attr]
    # Nested values are immutable too (shared between models), and the facts are hashable.
    assert isinstance(model.input, tuple) and isinstance(model.cost, tuple)
    assert {model: 1}[model] == 1


def test_builtin_catalog_matches_its_schema():
    schema = json.loads((data_dir("schemas") / "catalog.schema.json").read_text())
    data = json.loads((data_dir("catalog") / "catalog.json").read_text())
    assert list(jsonschema_rs.validator_for(schema).iter_errors(data)) == []


def test_schemas_have_ids_titles_and_descriptions():
    # The catalog schema's id is builtin-catalog.json: `catalog.json` is SchemaStore's catalog name.
    for name, exported in (("catalog", "builtin-catalog"), ("target-profile", "target-profile")):
        schema = json.loads((data_dir("schemas") / f"{name}.schema.json").read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"https://modelconf.dev/schemas/{exported}.json"
        missing = []

        def walk(node, where):
            if isinstance(node, dict):
                for key, sub in node.get("properties", {}).items():
                    if not ("title" in sub and "description" in sub):
                        missing.append(f"{where}/{key}")
                for key, sub in node.items():
                    walk(sub, f"{where}/{key}")
            elif isinstance(node, list):
                for index, sub in enumerate(node):
                    walk(sub, f"{where}/{index}")

        walk(schema, name)
        assert missing == []


def test_importing_the_package_stays_light():
    code = "import sys, modelconf.catalog; print(sorted(m for m in ('ruamel', 'httpx', 'jinja2', 'jsonschema_rs', 'typing', 'tomllib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
