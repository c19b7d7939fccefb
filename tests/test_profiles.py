"""Target profiles: loading, lookups, helper rules, and bad profile/catalog files."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest

from modelconf._resources import data_dir
from modelconf.catalog import (
    TARGETS,
    check_catalog_file,
    check_profile_file,
    load_catalog,
    load_profile,
    load_profile_file,
    openclaw_normalize_provider_id,
    openclaw_rotation_names,
    plano_upstream_path,
    zot_env_var,
)


def test_targets_and_unknown_target():
    assert TARGETS == ("pi", "zot", "openclaw", "plano")
    assert load_profile("zot") is load_profile("zot")
    with pytest.raises(ValueError, match="valid targets: pi, zot, openclaw, plano"):
        load_profile("crush")


@pytest.mark.parametrize("target", TARGETS)
def test_builtin_profiles_match_the_schema_and_load_clean(target):
    schema = json.loads((data_dir("schemas") / "target-profile.schema.json").read_text())
    path = data_dir("catalog") / "targets" / f"{target}.json"
    assert list(jsonschema_rs.validator_for(schema).iter_errors(json.loads(path.read_text()))) == []
    profile, diagnostics = load_profile_file(path)
    assert diagnostics == [] and profile is not None and profile.target == target


@pytest.mark.parametrize("target", TARGETS)
def test_models_dev_views_name_real_catalog_providers(target):
    catalog = load_catalog()
    for provider in load_profile(target).providers.values():
        if provider.models.source == "models.dev":
            assert provider.models.provider in catalog.providers, (target, provider.id)


# reference/zot.md, "Env-var name for a provider id"
@pytest.mark.parametrize(
    ("provider_id", "expected"),
    [
        ("my-company", "MY_COMPANY_API_KEY"),
        ("local-proxy", "LOCAL_PROXY_API_KEY"),
        ("llama.cpp", "LLAMA.CPP_API_KEY"),
        ("a--b", "A__B_API_KEY"),
        ("-edge-", "_EDGE__API_KEY"),
        ("1min", "1MIN_API_KEY"),
        ("openai-codex", "OPENAI_CODEX_API_KEY"),
        ("amazon-bedrock", "AMAZON_BEDROCK_API_KEY"),
        ("my co", "MY CO_API_KEY"),
        ("café", "CAFÉ_API_KEY"),
        ("straße", "STRAßE_API_KEY"),  # Go's ToUpper maps rune by rune: ß has no single-rune upper case
    ],
)
def test_zot_env_var(provider_id, expected):
    assert zot_env_var(provider_id) == expected


def test_zot_aliases_api_vocabulary_and_auth_file():
    # reference/zot.md: canonicalProvider aliases, `api` aliases, auth.json layout.
    zot = load_profile("zot")
    assert zot.provider("Bedrock").id == "amazon-bedrock"
    assert zot.provider("hf").id == "huggingface"
    assert zot.provider("llamacpp").id == "llama.cpp"
    assert zot.api.resolve(" Chat ") == "openai"
    assert zot.api.resolve("responses") == "openai-responses"
    assert zot.api.resolve("messages") == "anthropic"
    assert zot.api.resolve("") == "openai"
    assert zot.api.resolve("anthropic-message") == "openai"  # unknown -> openai with a warning
    assert zot.auth_file["top_level_fields"] == ["anthropic", "openai", "kimi", "google", "deepseek", "github_copilot"]
    assert zot.providers["minimax-cn"].env_names == ("MINIMAX_CN_API_KEY", "MINIMAX_API_KEY")


def test_pi_and_openclaw_api_vocabularies():
    pi = load_profile("pi")
    assert len(pi.api.values) == 10 and pi.api.resolve("openai-chat") is None
    openclaw = load_profile("openclaw")
    assert openclaw.api.values == (
        "openai-completions",
        "openai-responses",
        "anthropic-messages",
        "google-generative-ai",
        "github-copilot",
        "bedrock-converse-stream",
        "ollama",
    )


# reference/openclaw.md, "Provider-id normalization"
@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Z.AI", "zai"), (" z-ai ", "zai"), ("OpenCode-Zen", "opencode"), ("qwen", "qwen-portal"), ("kimi-code", "kimi-coding"), ("bytedance", "volcengine"), ("doubao", "volcengine"), ("bedrock", "bedrock"), ("OpenAI", "openai")],
)
def test_openclaw_normalize_provider_id(raw, expected):
    assert openclaw_normalize_provider_id(raw) == expected


def test_openclaw_rotation_names():
    # reference/openclaw.md, "API-key rotation" table.
    google = openclaw_rotation_names("google")
    assert google.candidates == ("MAYROS_LIVE_GEMINI_KEY", "GEMINI_API_KEYS", "GEMINI_API_KEY", "GEMINI_API_KEY_*", "GOOGLE_API_KEY")
    assert openclaw_rotation_names("google-vertex").base == "GEMINI"
    assert openclaw_rotation_names("openai", "OPENCLAW").candidates == ("OPENCLAW_LIVE_OPENAI_KEY", "OPENAI_API_KEYS", "OPENAI_API_KEY", "OPENAI_API_KEY_*")
    anthropic = openclaw_rotation_names("anthropic", "openclaw")
    assert (anthropic.live_single, anthropic.list_var) == ("OPENCLAW_LIVE_ANTHROPIC_KEY", "OPENCLAW_LIVE_ANTHROPIC_KEYS")
    # Only - becomes _; dots are kept; the id is normalized first.
    assert openclaw_rotation_names("my.proxy-1").primary == "MY.PROXY_1_API_KEY"
    assert openclaw_rotation_names("Z.AI").primary == "ZAI_API_KEY"
    with pytest.raises(ValueError, match="MAYROS, OPENCLAW"):
        openclaw_rotation_names("openai", "CLAWD")


# reference/plano.md, "Upstream path rules for base_url"
@pytest.mark.parametrize(
    ("provider", "prefix", "expected"),
    [
        ("openai", None, "/v1/chat/completions"),
        ("openai", "/custom/api/v2", "/custom/api/v2/chat/completions"),
        ("zhipu", None, "/api/paas/v4/chat/completions"),
        ("zhipu", "/api/coding/paas/v4/", "/api/coding/paas/v4/chat/completions"),
        ("moonshotai", "/coding/v1", "/coding/v1/chat/completions"),
        ("groq", None, "/openai/v1/chat/completions"),
        ("groq", "/api/v2", "/api/v2/v1/chat/completions"),
        ("qwen", None, "/compatible-mode/v1/chat/completions"),
        ("gemini", None, "/v1beta/openai/chat/completions"),
        ("gemini", "/v1beta", "/v1beta/chat/completions"),
        ("azure_openai", None, "/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview"),
        ("azure_openai", "/custom/deployment/path", "/custom/deployment/path/gpt-4o/chat/completions?api-version=2025-01-01-preview"),
        ("amazon_bedrock", None, "/model/gpt-4o/converse"),
        ("openai", "/", "/v1/chat/completions"),
    ],
)
def test_plano_upstream_paths(provider, prefix, expected):
    assert plano_upstream_path(provider, "gpt-4o", base_url_path=prefix) == expected


def test_plano_upstream_special_cases():
    assert plano_upstream_path("amazon_bedrock", "m", streaming=True) == "/model/m/converse-stream"
    assert plano_upstream_path("amazon_bedrock", "m", base_url_path="/proxy") == "/proxy/model/m/converse"
    assert plano_upstream_path("anthropic", "m", client_api="messages") == "/v1/messages"
    assert plano_upstream_path("deepseek", "m", client_api="messages") == "/v1/chat/completions"
    assert plano_upstream_path("openai", "m", client_api="responses") == "/v1/responses"
    assert plano_upstream_path("openai", "m", name="perplexity/sonar") == "/chat/completions"
    with pytest.raises(ValueError):
        plano_upstream_path("nope", "m")


def test_plano_registry_matches_the_shipped_yaml():
    # catalog/plano/provider_models.yaml (byte-exact upstream copy) and the profile agree.
    from modelconf.document import read_path

    result = read_path(data_dir("catalog") / "plano" / "provider_models.yaml")
    assert result.document is not None
    shipped = result.document.value["providers"]
    keys = load_profile("plano").registry["keys"]
    assert {k: [f"{k}/{m}" for m in v] for k, v in keys.items()} == shipped
    assert sum(len(v) for v in shipped.values()) == 381


def test_plano_registry_key_mapping_and_views():
    # reference/plano.md, "Wildcard expansion": registry keys by provider.
    plano = load_profile("plano")
    keys = {p.id: p.models.key for p in plano.providers.values() if p.models.source == "registry"}
    assert keys["gemini"] == "google" and keys["amazon_bedrock"] == "amazon" and keys["azure_openai"] == "openai"
    assert keys["xai"] == "x-ai" and keys["zhipu"] == "z-ai" and keys["mistral"] == "mistralai"
    assert len(plano.visible_models("openai")) == 84
    assert len(plano.visible_models("mistral")) == 44  # 52 entries, 8 repeated
    assert plano.visible_models("groq") == ()
    assert [m.id for m in plano.visible_models("azure_openai")] == [m.id for m in plano.visible_models("openai")]


def test_pi_view_keeps_only_tool_calling_models():
    # reference/pi.md, "Generator sources": models.dev models with tool_call === true.
    pi = load_profile("pi")
    catalog = load_catalog()
    seen = pi.visible_models("anthropic")
    assert seen and all(m.tool_call is True for m in seen)
    assert {m.id for m in seen} == {m.id for m in catalog.models("anthropic") if m.tool_call is True}
    bedrock = pi.visible_models("amazon-bedrock")
    assert not any(m.id.startswith(("ai21.jamba", "mistral.mistral-7b-instruct-v0")) for m in bedrock)


# -- bad input --------------------------------------------------------------------------------


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_profile_json_is_reported_with_position(tmp_path):
    path = _write(tmp_path, "zot.json", '{\n  "format": "modelconf.target-profile/1",\n  "target": "zot",,\n}\n')
    diagnostics = check_profile_file(path)
    assert [(d.code, d.span.start.line, d.span.start.column) for d in diagnostics] == [("P001", 3, 19)]


def test_profile_schema_errors_point_at_the_value(tmp_path):
    data = json.loads((data_dir("catalog") / "targets" / "zot.json").read_text())
    data["providers"][1]["auth"] = "apikey"
    data["provider_ids"]["aliases"]["bedrock"] = "amazon-bedrok"
    text = json.dumps(data, indent=2)
    path = _write(tmp_path, "zot.json", text)
    profile, diagnostics = load_profile_file(path)
    assert profile is None
    assert [d.code for d in diagnostics] == ["O002"]
    line = text.splitlines().index('      "auth": "apikey",') + 1
    assert (diagnostics[0].span.start.line, diagnostics[0].span.start.column) == (line, 15)
    assert diagnostics[0].pointer == "/providers/1/auth"
    assert "apikey" in diagnostics[0].message


def test_profile_unknown_and_duplicate_provider_ids(tmp_path):
    data = json.loads((data_dir("catalog") / "targets" / "zot.json").read_text())
    data["provider_ids"]["aliases"]["bedrock"] = "amazon-bedrok"
    data["providers"].append(dict(data["providers"][0]))
    text = json.dumps(data, indent=2)
    diagnostics = check_profile_file(_write(tmp_path, "zot.json", text))
    assert sorted(d.code for d in diagnostics) == ["O003", "O004"]
    unknown = next(d for d in diagnostics if d.code == "O003")
    assert "amazon-bedrok" in unknown.message and "amazon-bedrock" in unknown.hint
    line = text.splitlines().index('      "bedrock": "amazon-bedrok",') + 1
    assert unknown.span.start.line == line


def test_malformed_catalog_is_reported_with_positions(tmp_path):
    text = (
        '{"format": "modelconf.catalog/1", "model_columns": ["id", "name", "context_window", "max_output_tokens", "reasoning", "input", "cost", "tool_call", "status", "api", "base_url"],\n'
        ' "cost_columns": ["input", "output", "cache_read", "cache_write"],\n'
        ' "providers": {"p": {"name": "P", "api": null, "base_url": null, "auth": "key", "env": [], "doc": null,\n'
        '   "models": [["m", "M", "1M", null, null, null, null, null, null, null, null]]}}}\n'
    )
    diagnostics = check_catalog_file(_write(tmp_path, "catalog.json", text))
    assert [(d.code, d.span.start.line, d.span.start.column, d.pointer) for d in diagnostics] == [
        ("O001", 3, 74, "/providers/p/auth"),
        ("O001", 4, 26, "/providers/p/models/0/2"),
    ]


def test_unreadable_and_duplicate_keys(tmp_path):
    assert [d.code for d in check_catalog_file(tmp_path / "missing.json")] == ["P010"]
    path = _write(tmp_path, "c.json", '{"format": "modelconf.catalog/1", "format": "x"}')
    codes = [d.code for d in check_catalog_file(path)]
    assert codes[0] == "P002" and "O001" in codes
