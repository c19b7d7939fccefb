"""OpenClaw/Mayros: defaults, models.mode, ${VAR} references, default model (facts:
reference/openclaw.md, "Defaults", "Generated models.json and `models.mode`", "`${ENV_VAR}`
substitution", "Model refs and allowlist", "Provider-id normalization")."""

from __future__ import annotations

from compile_helpers import at, codes, models, resolve_texts, resolved

from modelconf.diagnostics import Severity
from modelconf.emit.resolved import to_data

CONFIG = """{
  agents: { defaults: { model: { primary: "lmstudio/qwen" } } },
  models: {
    providers: {
      lmstudio: {
        baseUrl: "http://localhost:1234/v1",
        apiKey: "${LMSTUDIO_KEY}",
        api: "openai-completions",
        models: [
          { id: "qwen", name: "Qwen" },
          { id: "big", name: "Big", contextWindow: 4096, maxTokens: 9000 },
          { id: "wide", name: "Wide", contextWindow: 300000 },
        ],
      },
    },
  },
}"""

AGENT_MODELS = """{"providers": {
  "lmstudio": {"baseUrl": "http://old:1234/v1", "apiKey": "x", "api": "openai-completions", "models": [{"id": "stale"}]},
  "vllm": {"baseUrl": "http://gpu:8000/v1", "apiKey": "VLLM_KEY", "api": "openai-completions", "models": [{"id": "served"}]}
}}"""


def test_apply_model_defaults():
    # maxTokens defaults to min(8192, contextWindow); a set value is clamped to contextWindow;
    # contextWindow defaults to 200000 (DEFAULT_CONTEXT_TOKENS).
    found = models(resolved("openclaw", (CONFIG, "mayros.json", "openclaw")))
    qwen, big, wide = found["lmstudio/qwen"], found["lmstudio/big"], found["lmstudio/wide"]
    assert (qwen["context_window"], qwen["max_tokens"]) == (200000, 8192)
    assert qwen["provenance"]["context_window"] == "default" and qwen["provenance"]["max_tokens"] == "default"
    assert (big["context_window"], big["max_tokens"]) == (4096, 4096)
    assert big["provenance"]["max_tokens"] == at(CONFIG, "mayros.json", "9000")
    assert (wide["context_window"], wide["max_tokens"]) == (300000, 8192)
    assert (qwen["reasoning"], qwen["input"], qwen["cost"]["input"]) == (False, ["text"], 0.0)
    assert qwen["api"] == "openai-completions" and qwen["endpoint"] == "http://localhost:1234/v1/chat/completions"


def test_env_reference_is_kept_as_a_variable_name():
    # `${NAME}` API keys are written to models.json as the bare name, which pi reads from the environment.
    # Order (resolveApiKeyForProvider): auth profiles, the provider's variables (none for lmstudio),
    # the config's apiKey; the rotation variables of the credentials engine follow.
    credentials = resolved("openclaw", (CONFIG, "mayros.json", "openclaw"))["providers"]["lmstudio"]["auth"]["credentials"]
    assert credentials[:2] == [
        {"source": "auth-file", "file": "<agentDir>/auth-profiles.json"},
        {"source": "env", "name": "LMSTUDIO_KEY", "form": "env-template", "file": "mayros.json", "pointer": "/models/providers/lmstudio/apiKey"},
    ]
    assert {"source": "env-prefix", "prefix": "LMSTUDIO_API_KEY_"} in credentials[2:]


def test_merge_mode_keeps_file_providers_and_replaces_same_key_whole():
    resolution = resolve_texts("openclaw", (AGENT_MODELS, "models.json", "openclaw-models"), (CONFIG, "mayros.json", "openclaw"))
    found = models(to_data(resolution))
    assert "vllm/served" in found  # only in the file: kept
    assert "lmstudio/stale" not in found and "lmstudio/qwen" in found  # the config's block replaced the file's whole
    # The file's models are pi-format: pi's defaults, not OpenClaw's.
    assert (found["vllm/served"]["context_window"], found["vllm/served"]["max_tokens"]) == (128000, 16384)
    note = next(d for d in resolution.diagnostics if d.code == "O102")
    assert note.file == "mayros.json" and note.related[0].file == "models.json"


def test_replace_mode_does_not_read_the_file():
    config = CONFIG.replace("models: {\n", 'models: {\n    mode: "replace",\n', 1)
    found = models(resolved("openclaw", (AGENT_MODELS, "models.json", "openclaw-models"), (config, "mayros.json", "openclaw")))
    assert "vllm/served" not in found and "lmstudio/qwen" in found
    assert "anthropic/claude-opus-4-6" in found  # pi's built-in catalog stays


def test_config_provider_with_a_built_in_id_rebases_its_built_in_models():
    # pi applies a provider block's baseUrl to that provider's built-in models (reference/pi.md, step 2).
    text = """{models: {providers: {anthropic: {baseUrl: "https://gw.example.com", api: "anthropic-messages",
      models: [{id: "claude-opus-4-6", name: "Opus via gateway"}]}}}}"""
    found = models(resolved("openclaw", (text, "c.json", "openclaw")))
    assert found["anthropic/claude-sonnet-4-5"]["base_url"] == "https://gw.example.com"
    assert found["anthropic/claude-opus-4-6"]["origin"] == "user"
    assert found["anthropic/claude-opus-4-6"]["max_tokens"] == 8192  # OpenClaw's defaults, not the catalog's


def test_default_model_found_and_missing():
    assert resolved("openclaw", (CONFIG, "mayros.json", "openclaw"))["default_model"] == "lmstudio/qwen"
    missing = CONFIG.replace("lmstudio/qwen", "lmstudio/qwen3")
    resolution = resolve_texts("openclaw", (missing, "mayros.json", "openclaw"))
    diagnostic = next(d for d in resolution.diagnostics if d.code == "O105")
    assert diagnostic.severity is Severity.WARNING  # a configured provider: OpenClaw/Mayros makes up a model
    unknown = CONFIG.replace('"lmstudio/qwen"', '"nowhere/model"')
    resolution = resolve_texts("openclaw", (unknown, "mayros.json", "openclaw"))
    diagnostic = next(d for d in resolution.diagnostics if d.code == "O105")
    assert diagnostic.severity is Severity.ERROR and '"Unknown model: nowhere/model"' in diagnostic.message
    line, column = at(unknown, "", '"nowhere/model"').split(":")[1:]
    assert ("O105", int(line), int(column)) in codes(resolution)


def test_default_model_without_provider_is_anthropic():
    # parseModelRef: no slash -> the default provider anthropic.
    text = """{agents: {defaults: {model: "claude-opus-4-6"}}}"""
    data = resolved("openclaw", (text, "c.json", "openclaw"))
    assert data["default_model"] == "anthropic/claude-opus-4-6"
    assert data["provenance"]["default_model"] == "c.json:1:29"


def test_credentials_are_found_by_the_normalized_id():
    # normalizeProviderId: "Z.AI" -> zai, whose environment variables OpenClaw/Mayros reads.
    text = """{models: {providers: {"Z.AI": {baseUrl: "https://api.z.ai/api/paas/v4", api: "openai-completions", models: [{id: "glm", name: "GLM"}]}}}}"""
    provider = resolved("openclaw", (text, "z.json", "openclaw"))["providers"]["Z.AI"]
    names = [c.get("name") for c in provider["auth"]["credentials"] if c["source"] == "env"]
    assert names[:2] == ["ZAI_API_KEY", "Z_AI_API_KEY"]


def test_model_aliases_name_models_of_the_catalog():
    # reference/openclaw.md, "Model refs and allowlist": `agents.defaults.models.<ref>.alias`;
    # the ref splits at the first `/` with the provider normalized. An alias of a model the
    # catalog does not have is not listed.
    config = CONFIG.replace(
        'model: { primary: "lmstudio/qwen" } }',
        'model: { primary: "lmstudio/qwen" }, models: { "LMStudio/big": { alias: "Big" }, "lmstudio/gone": { alias: "gone" } } }',
    )
    data = resolved("openclaw", (config, "mayros.json", "openclaw"))
    assert data["aliases"] == {"Big": "lmstudio/big"}
    assert data["provenance"]["aliases.Big"] == "mayros.json:2:97"
