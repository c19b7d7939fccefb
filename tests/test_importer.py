"""The models.dev importer on a small slice (fixtures/catalog/models-dev-slice) against golden output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelconf.catalog._facts import load_catalog_from
from modelconf.catalog._importer import CatalogImportError, deep_merge, dumps_catalog, import_models_dev, write_catalog

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog"
SLICE = FIXTURES / "models-dev-slice"
GOLDEN = FIXTURES / "models-dev-slice.golden.json"


def test_slice_matches_golden_output(tmp_path):
    path = write_catalog(import_models_dev(SLICE), tmp_path)
    assert path.read_bytes() == GOLDEN.read_bytes()


def test_two_runs_are_byte_identical(tmp_path):
    first = write_catalog(import_models_dev(SLICE), tmp_path / "a").read_bytes()
    second = write_catalog(import_models_dev(SLICE), tmp_path / "b").read_bytes()
    assert first == second
    assert b"\r" not in first and first.endswith(b"}\n")


def test_base_model_omit_and_deep_merge(tmp_path):
    # peers.md "models.dev": base_model_omit drops inherited fields; provider fields win.
    catalog = load_catalog_from(write_catalog(import_models_dev(SLICE), tmp_path))
    bedrock = catalog.model("amazon-bedrock", "openai.gpt-5.4")
    assert bedrock is not None
    assert bedrock.name == "GPT-5.4"  # inherited from models/openai/gpt-5.4.toml
    assert (bedrock.context_window, bedrock.max_output_tokens) == (272000, 128000)  # own [limit]
    assert (bedrock.cost.input, bedrock.cost.output, bedrock.cost.cache_read) == (2.75, 16.5, 0.275)
    assert bedrock.api == "openai-responses"  # [provider] shape = "responses"
    assert bedrock.base_url == "https://bedrock-mantle.${AWS_REGION}.api.aws/openai/v1"
    copilot = catalog.model("github-copilot", "gpt-5.4")
    # A partial [limit] (context, input) keeps the inherited output.
    assert (copilot.context_window, copilot.max_output_tokens) == (400000, 128000)
    assert copilot.input == ("text", "image", "pdf")


def test_nested_model_ids(tmp_path):
    catalog = load_catalog_from(write_catalog(import_models_dev(SLICE), tmp_path))
    assert [m.id for m in catalog.models("openrouter")] == ["anthropic/claude-opus-4.7"]
    model = catalog.model("openrouter", "anthropic/claude-opus-4.7")
    assert model.name == "Claude Opus 4.7" and model.cost.cache_write == 6.25


def test_deep_merge_merges_tables_and_replaces_everything_else():
    base = {"limit": {"context": 1, "input": 2, "output": 3}, "cost": {"input": 1, "tiers": [1]}}
    assert deep_merge(base, {"limit": {"context": 9}}) == {"limit": {"context": 9, "input": 2, "output": 3}, "cost": {"input": 1, "tiers": [1]}}
    assert deep_merge(base, {"cost": {"tiers": [2]}})["cost"]["tiers"] == [2]  # arrays replace


def test_base_model_omit_drops_inherited_fields_before_the_merge(tmp_path):
    # peers.md "models.dev": `base_model_omit` removes inherited dotted fields; the model's own
    # values are merged over what is left. (The slice's omits only name fields the catalog does
    # not keep, so this builds a folder where they show.)
    root = tmp_path / "md"
    (root / "models" / "lab").mkdir(parents=True)
    (root / "models" / "lab" / "m.toml").write_text(
        'name = "M"\nreasoning = true\n[limit]\ncontext = 100\noutput = 50\n'
        "[cost]\ninput = 1\noutput = 2\ncache_read = 0.5\n[modalities]\ninput = [\"text\", \"image\"]\n"
    )
    (root / "providers" / "p" / "models").mkdir(parents=True)
    (root / "providers" / "p" / "provider.toml").write_text('name = "P"\nnpm = "@ai-sdk/openai-compatible"\n')
    (root / "providers" / "p" / "models" / "m.toml").write_text(
        'base_model = "lab/m"\nbase_model_omit = ["limit.output", "cost.cache_read", "modalities", "nope.deeper"]\n[limit]\ncontext = 200\n'
    )
    model = load_catalog_from(write_catalog(import_models_dev(root), tmp_path)).model("p", "m")
    assert model is not None
    assert (model.name, model.reasoning, model.context_window, model.max_output_tokens) == ("M", True, 200, None)
    assert (model.cost.input, model.cost.output, model.cost.cache_read) == (1.0, 2.0, None)
    assert model.input == ()


def test_missing_base_model_is_an_error(tmp_path):
    root = tmp_path / "md"
    (root / "providers" / "p" / "models").mkdir(parents=True)
    (root / "providers" / "p" / "provider.toml").write_text('name = "P"\nenv = ["P_KEY"]\nnpm = "@ai-sdk/openai-compatible"\ndoc = "d"\n')
    (root / "providers" / "p" / "models" / "m.toml").write_text('base_model = "lab/nope"\n')
    with pytest.raises(CatalogImportError, match="lab/nope"):
        import_models_dev(root)


def test_not_a_models_dev_folder(tmp_path):
    with pytest.raises(CatalogImportError, match="providers/"):
        import_models_dev(tmp_path)


def test_builtin_catalog_is_the_import_of_its_source_format():
    # The committed catalog round-trips through the writer unchanged (stable formatting).
    from modelconf._resources import data_dir

    path = data_dir("catalog") / "catalog.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert dumps_catalog(data) == path.read_text(encoding="utf-8")
    assert data["source"]["commit"] == "f3fc692299671838c7c65fd8126bf84d81a2e817"
