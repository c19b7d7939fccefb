"""Plano: wildcard expansion, patterns, aliases, default model, upstream URLs (facts:
reference/plano.md, "Wildcard expansion", "Generator" step 9, "Upstream path rules").

The registry is reduced for these tests (compile_helpers.PLANO_REGISTRY)."""

from __future__ import annotations

import pytest
from compile_helpers import at, codes, models, resolve_texts, resolved

from modelconf.emit.resolved import to_data

CONFIG = """version: v0.4.0
listeners:
  - type: model
    name: llm
    port: 12000
model_providers:
  - model: openai/*
    access_key: $OPENAI_API_KEY
  - model: openai/gpt-4o
    access_key: ${OPENAI_PROD_KEY}
    base_url: https://gateway.example.com/custom/api/v2
    default: true
  - model: anthropic/*
    passthrough_auth: true
  - model: azure_openai/*
    base_url: https://res.openai.azure.com
    access_key: $AZURE_KEY
  - model: litellm/*
    base_url: http://litellm:4000/v1
    provider_interface: openai
  - model: groq/*
    access_key: $GROQ_API_KEY
model_aliases:
  fast:
    target: gpt-4o
  best:
    target: openai/gpt-4o
"""


@pytest.fixture(scope="module")
def plano():
    resolution = resolve_texts("plano", (CONFIG, "p.yaml", "plano"))
    return resolution, to_data(resolution)


def test_wildcard_expands_to_canonical_and_short_names(plano):
    _, data = plano
    found = models(data)
    model = found["anthropic/claude-sonnet-4-6"]
    assert (model["provider"], model["id"], model["origin"], model["aliases"]) == ("anthropic/*", "claude-sonnet-4-6", "wildcard", ["claude-sonnet-4-6"])
    assert model["provenance"]["id"] == "catalog" and model["provenance"]["name"] == "derived"
    assert {k for k in found if k.startswith("anthropic/")} == {"anthropic/claude-sonnet-4-6", "anthropic/claude-opus-4-6", "anthropic/claude-haiku-4-5"}
    entry = next(e for e in data["entries"] if e["provider"] == "anthropic/*")
    assert entry["kind"] == "wildcard" and len(entry["expanded"]) == 3


def test_specific_entry_is_excluded_from_the_expansion_and_keeps_its_settings(plano):
    resolution, data = plano
    model = models(data)["openai/gpt-4o"]
    assert model["provider"] == "openai/gpt-4o" and model["origin"] == "user"
    assert model["endpoint"] == "https://gateway.example.com/custom/api/v2/chat/completions"
    provider = data["providers"]["openai/gpt-4o"]
    assert provider["auth"]["credentials"][1]["name"] == "OPENAI_PROD_KEY"
    assert ("O102", 9, 5) in codes(resolution)
    # The other openai models come from the wildcard, with its settings.
    assert models(data)["openai/gpt-5"]["provider"] == "openai/*"


def test_later_inserts_win_and_are_reported(plano):
    # azure_openai/* expands the openai registry list too; its short names overwrite earlier ones.
    resolution, data = plano
    found = models(data)
    assert found["azure_openai/gpt-4o"]["aliases"] == ["gpt-4o"]
    assert "aliases" not in found["openai/gpt-4o"] and "aliases" not in found["openai/gpt-5"]
    clashes = [d for d in resolution.diagnostics if d.code == "O104"]
    assert {(d.span.start.line, d.related[0].span.start.line) for d in clashes} == {(15, 9), (15, 7)}
    # An alias to a bare id follows the key to its last owner, as Plano's lookup does.
    assert data["aliases"] == {"best": "openai/gpt-4o", "fast": "azure_openai/gpt-4o"}
    assert data["provenance"]["aliases.fast"] == at(CONFIG, "p.yaml", "gpt-4o\n  best")


def test_unknown_provider_wildcard_stays_a_pattern(plano):
    resolution, data = plano
    pattern = next(p for p in data["patterns"] if p["pattern"] == "litellm/*")
    assert pattern == {
        "pattern": "litellm/*",
        "provider": "litellm/*",
        "api": "openai-completions",
        "base_url": "http://litellm:4000/v1",
        "provider_interface": "openai",
        # The base_url's path replaces the default /v1 prefix (reference/plano.md, "Upstream path rules").
        "endpoint": "http://litellm:4000/v1/chat/completions",
        "provenance": {"pattern": "p.yaml:18:5", "base_url": "p.yaml:19:15", "provider_interface": "p.yaml:20:25", "endpoint": "derived"},
    }
    assert not [k for k in models(data) if k.startswith("litellm/")]
    assert ("O103", 18, 5) in codes(resolution) and ("O103", 21, 5) in codes(resolution)  # litellm and groq
    severities = {d.span.start.line: d.severity.label for d in resolution.diagnostics if d.code == "O103"}
    assert severities == {18: "info", 21: "warning"}  # a pattern by design; a provider the docs say expands


def test_default_model_and_auth(plano):
    _, data = plano
    assert data["default_model"] == "openai/gpt-4o"
    assert data["provenance"]["default_model"] == at(CONFIG, "p.yaml", "default")
    anthropic = data["providers"]["anthropic/*"]["auth"]
    assert anthropic == {"kind": "api-key", "scheme": "x-api-key", "credentials": [], "passthrough": True}
    openai = data["providers"]["openai/*"]["auth"]["credentials"]
    assert openai == [
        {"source": "dotenv", "name": "OPENAI_API_KEY", "file": ".env"},
        {"source": "env", "name": "OPENAI_API_KEY", "form": "dollar-env", "file": "p.yaml", "pointer": "/model_providers/0/access_key"},
    ]
    assert data["providers"]["azure_openai/*"]["auth"]["scheme"] == "api-key"


def _endpoint(entry: str) -> str | None:
    text = f"version: v0.4.0\nlisteners: [{{type: model, name: l}}]\nmodel_providers:\n{entry}"
    data = resolved("plano", (text, "e.yaml", "plano"))
    (model,) = data["models"]
    return model["endpoint"]


@pytest.mark.parametrize(
    ("entry", "endpoint"),
    [
        # Tested in Plano: a base_url path replaces the provider's default prefix.
        ("  - {model: zhipu/glm-4.6, base_url: 'https://open.bigmodel.cn/api/coding/paas/v4'}", "https://open.bigmodel.cn/api/coding/paas/v4/chat/completions"),
        ("  - {model: zhipu/glm-4.6, base_url: 'https://open.bigmodel.cn/api/coding/paas/v4/'}", "https://open.bigmodel.cn/api/coding/paas/v4/chat/completions"),
        ("  - {model: openai/gpt-4o, base_url: 'https://x.example.com/custom/api/v2'}", "https://x.example.com/custom/api/v2/chat/completions"),
        ("  - {model: moonshotai/kimi-k2.5, base_url: 'https://api.moonshot.cn/coding/v1'}", "https://api.moonshot.cn/coding/v1/chat/completions"),
        # Defaults per provider.
        ("  - {model: groq/llama-3.3-70b}", "https://api.groq.com/openai/v1/chat/completions"),
        ("  - {model: groq/llama-3.3-70b, base_url: 'https://g.example.com/api/v2'}", "https://g.example.com/api/v2/v1/chat/completions"),
        ("  - {model: zhipu/glm-4.6}", "https://open.bigmodel.cn/api/paas/v4/chat/completions"),
        ("  - {model: gemini/gemini-2.5-pro}", "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions"),
        ("  - {model: gemini/gemini-2.5-pro, base_url: 'https://generativelanguage.googleapis.com/v1beta'}", "https://generativelanguage.googleapis.com/v1beta/chat/completions"),
        ("  - {model: azure_openai/gpt-4o, base_url: 'https://r.openai.azure.com'}", "https://r.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview"),
        # From the code (the docs say otherwise): the prefix replaces only /openai/deployments.
        ("  - {model: azure_openai/gpt-4o, base_url: 'https://r.example.com/custom/deployment/path'}", "https://r.example.com/custom/deployment/path/gpt-4o/chat/completions?api-version=2025-01-01-preview"),
        ("  - {model: 'amazon_bedrock/amazon.nova-pro-v1:0', base_url: 'https://bedrock-runtime.us-east-1.amazonaws.com'}", "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-pro-v1:0/converse-stream"),
        ("  - {model: qwen/qwen-max, base_url: 'https://dashscope.aliyuncs.com'}", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
        ("  - {model: anthropic/claude-sonnet-4-6}", "https://api.anthropic.com/v1/messages"),
        ("  - {model: chatgpt/gpt-5.4}", "https://chatgpt.com/backend-api/codex/responses"),
        ("  - {model: mistral/mistral-large, base_url: 'https://m.example.com/'}", "https://m.example.com/v1/chat/completions"),
        ("  - {model: ollama/llama3.1, base_url: 'http://localhost:11434'}", "http://localhost:11434/v1/chat/completions"),
        # Kimi Code: `/v1` is appended to a base path ending in /coding.
        ("  - {model: moonshotai/kimi-for-coding, base_url: 'https://api.kimi.com/coding'}", "https://api.kimi.com/coding/v1/chat/completions"),
        # Providers without a default base URL need one to have an endpoint.
        ("  - {model: openrouter/openai/gpt-4o}", None),
        ("  - {model: custom/m, provider_interface: openai, base_url: 'http://c:8000'}", "http://c:8000/v1/chat/completions"),
        # name perplexity/...: unversioned path (brightstaff get_upstream_path test).
        ("  - {model: custom/sonar, name: perplexity/sonar, provider_interface: openai, base_url: 'https://api.perplexity.ai'}", "https://api.perplexity.ai/chat/completions"),
    ],
)
def test_upstream_urls(entry, endpoint):
    assert _endpoint(entry) == endpoint


def test_model_key_is_the_entry_name_and_bare_model_an_alias():
    text = "version: v0.4.0\nlisteners: [{type: model, name: l}]\nmodel_providers:\n  - {model: openai/gpt-4o, name: openai-prod}\n"
    (model,) = resolved("plano", (text, "n.yaml", "plano"))["models"]
    assert (model["key"], model["id"], model["aliases"]) == ("openai-prod", "gpt-4o", ["gpt-4o"])


def test_wildcard_whose_models_are_all_specific_expands_to_nothing():
    entries = "".join(f"  - {{model: openai/{m}}}\n" for m in ("gpt-4o", "gpt-4o-mini", "gpt-5")) + "  - {model: openai/*}\n"
    text = "version: v0.4.0\nlisteners: [{type: model, name: l}]\nmodel_providers:\n" + entries
    resolution = resolve_texts("plano", (text, "a.yaml", "plano"))
    assert [c for c in codes(resolution) if c[0] == "O103"] == [("O103", 7, 5)]
    assert sorted(m["key"] for m in to_data(resolution)["models"]) == ["openai/gpt-4o", "openai/gpt-4o-mini", "openai/gpt-5"]


def test_provider_id_aliases_expand_case_insensitively():
    # ProviderId::try_from is case-insensitive and accepts `google` for gemini (registry key google).
    text = "version: v0.4.0\nlisteners: [{type: model, name: l}]\nmodel_providers:\n  - {model: Google/*, base_url: 'https://g.example.com', provider_interface: gemini}\n"
    keys = [m["key"] for m in resolved("plano", (text, "g.yaml", "plano"))["models"]]
    assert keys == ["Google/gemini-2.5-pro"]


def test_files_compose_as_one_list():
    first = "version: v0.4.0\nlisteners: [{type: model, name: l}]\nmodel_providers:\n  - {model: openai/gpt-4o}\nmodel_aliases: {a: {target: gpt-4o}}\n"
    second = "version: v0.4.0\nlisteners: [{type: model, name: l}]\nmodel_providers:\n  - {model: anthropic/claude-opus-4-6}\nmodel_aliases: {a: {target: claude-opus-4-6}}\n"
    data = resolved("plano", (first, "1.yaml", "plano"), (second, "2.yaml", "plano"))
    assert [m["key"] for m in data["models"]] == ["anthropic/claude-opus-4-6", "openai/gpt-4o"]
    assert data["aliases"] == {"a": "anthropic/claude-opus-4-6"}


def test_a_later_wildcard_with_the_same_prefix_replaces_the_pattern() -> None:
    # reference/plano.md, "Wildcard expansion": `wildcard_providers[prefix]` is overwritten by a
    # later duplicate (C440 warns); the catalog lists the pattern Plano keeps.
    import json
    import tempfile
    from pathlib import Path

    from modelconf.compiler import compile_files

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "plano_config.yaml"
        config.write_text(
            "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\n"
            "model_providers:\n  - model: openai/gpt-4o\n    access_key: $K\n    default: true\n"
            "  - model: litellm/*\n    base_url: http://one:4000\n    provider_interface: openai\n"
            "  - model: litellm/*\n    base_url: http://two:4000/api\n    provider_interface: openai\n"
        )
        result = compile_files([str(config)])
    assert result.text is not None
    patterns = [p for p in json.loads(result.text)["patterns"] if p["pattern"] == "litellm/*"]
    assert [(p["base_url"], p["endpoint"]) for p in patterns] == [("http://two:4000/api", "http://two:4000/api/chat/completions")]
    assert [d.code for d in result.diagnostics if d.code.startswith("C4")] == ["C440"]
