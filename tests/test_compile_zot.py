"""zot's merge rules (facts: reference/zot.md, "How custom providers are detected", "Merging with
built-in and live models", "models.json schema", "Env-var name for a provider id",
"Credential resolution order")."""

from __future__ import annotations

from compile_helpers import at, codes, models, resolve_texts, resolved

from modelconf.emit.resolved import to_data

COMPANY = """{
  "providers": {
    "my-company": {
      "baseUrl": "https://llm.mycompany.example/v1",
      "api": "openai",
      "models": [
        {"id": "company-llm-v2", "name": "Company LLM v2", "contextWindow": 128000, "maxTokens": 8192},
        {"id": "company-llm-eu", "baseUrl": "https://eu.llm.mycompany.example/v1", "contextWindow": -5}
      ]
    }
  }
}"""


def test_custom_provider_and_model_level_base_url():
    # zot: a block with baseUrl or api registers a custom provider; a model's baseUrl beats the provider's
    # (build_test.go, "model-level baseUrl beats provider baseUrl").
    data = resolved("zot", (COMPANY, "m.json", "zot"))
    found = models(data)
    v2, eu = found["my-company/company-llm-v2"], found["my-company/company-llm-eu"]
    assert v2["base_url"] == "https://llm.mycompany.example/v1" and v2["provenance"]["base_url"] == at(COMPANY, "m.json", '"https://llm')
    assert eu["base_url"] == "https://eu.llm.mycompany.example/v1" and eu["provenance"]["base_url"] == at(COMPANY, "m.json", '"https://eu.llm')
    assert eu["endpoint"] == "https://eu.llm.mycompany.example/v1/chat/completions"
    # Omitted values stay Go zero values; a negative limit is clamped to 0.
    assert (eu["name"], eu["context_window"], eu["max_tokens"], eu["reasoning"]) == ("company-llm-eu", 0, 0, False)
    assert eu["provenance"]["context_window"] == at(COMPANY, "m.json", "-5")
    assert "input" not in eu  # zot's models have no input modalities
    provider = data["providers"]["my-company"]
    assert provider["api"] == "openai-completions" and provider["origin"] == "user"
    # --api-key, provider env vars (none), the generic MY_COMPANY_API_KEY, auth.json additional creds.
    assert provider["auth"]["credentials"] == [
        {"source": "cli"},
        {"source": "env", "name": "MY_COMPANY_API_KEY"},
        {"source": "auth-file", "file": "$ZOT_HOME/auth.json", "key_path": ["additional_api_key_creds", "my-company", "api_key"], "form": "api_key"},
    ]


def test_user_entry_overrides_only_non_zero_values_and_always_reasoning():
    # reference/zot.md: "overrides only non-zero prices, name, contextWindow, maxOutput ...; Reasoning is always overwritten".
    text = """{"providers": {"openai": {"models": [
      {"id": "gpt-5", "name": "", "priceInput": 1.1, "priceOutput": 0, "contextWindow": 0}
    ]}}}"""
    resolution = resolve_texts("zot", (text, "o.json", "zot"))
    model = models(to_data(resolution))["openai/gpt-5"]
    assert model["origin"] == "override"
    assert model["name"] == "GPT-5" and model["provenance"]["name"] == "catalog"
    assert model["cost"]["input"] == 1.1 and model["provenance"]["cost.input"] == at(text, "o.json", "1.1")
    assert model["cost"]["output"] == 10.0 and model["provenance"]["cost.output"] == "catalog"
    assert model["context_window"] == 400000
    # The catalog says reasoning true; the entry leaves it out, and zot overwrites it with false.
    assert model["reasoning"] is False and model["provenance"]["reasoning"] == "o.json:2:7"
    assert model["overrides"] == [{"entry": "o.json:2:7", "fields": ["cost.input", "reasoning"]}]
    # Built-in models stay visible; the override is an info at the entry.
    assert "openai/gpt-4.1" in models(to_data(resolution))
    assert codes(resolution) == [("O102", 2, 7)]


def test_built_in_provider_keeps_its_own_api():
    # reference/zot.md: built-in ids hit their own NewClient case; only custom providers use `api`.
    text = """{"providers": {"anthropic": {"api": "openai", "models": [{"id": "claude-next", "baseUrl": "https://proxy/v1"}]}}}"""
    model = models(resolved("zot", (text, "a.json", "zot")))["anthropic/claude-next"]
    assert model["api"] == "anthropic-messages"
    assert model["endpoint"] == "https://proxy/v1/messages"


def test_unknown_api_falls_back_to_openai_and_responses_is_accepted():
    # usermodels_test.go: "anthropic-message" gives one warning and API openai; Responses API accepted.
    text = """{"providers": {
      "bad-api": {"baseUrl": "https://b/v1", "api": "anthropic-message", "models": [{"id": "m"}]},
      "resp": {"baseUrl": "https://r/v1", "api": " Responses ", "models": [{"id": "m"}]}
    }}"""
    data = resolved("zot", (text, "u.json", "zot"))
    assert data["providers"]["bad-api"]["api"] == "openai-completions"
    assert data["providers"]["resp"]["api"] == "openai-responses"
    assert models(data)["resp/m"]["endpoint"] == "https://r/v1/responses"


def test_provider_keys_are_renamed_first():
    # reference/zot.md, "Provider-key normalization": moonshot -> kimi, openai-responses -> openai.
    text = """{"providers": {"moonshot": {"models": [{"id": "k3"}]}, "openai-responses": {"models": [{"id": "gpt-5", "reasoning": true}]}}}"""
    found = models(resolved("zot", (text, "r.json", "zot")))
    assert "kimi/k3" in found and "moonshot/k3" not in found
    assert found["openai/gpt-5"]["origin"] == "override"


def test_auth_none_sends_no_credentials():
    # 37c79457: `auth: "none"` disables credentials, stored keys included.
    text = """{"providers": {"local": {"baseUrl": "http://localhost:8080/v1", "auth": "none", "models": [{"id": "m"}]}}}"""
    provider = resolved("zot", (text, "n.json", "zot"))["providers"]["local"]
    assert provider["auth"] == {"kind": "none", "scheme": "none", "credentials": []}
    assert provider["provenance"]["auth"] == at(text, "n.json", '"none"')


def test_non_chat_models_are_left_out():
    text = """{"providers": {"openrouter": {"models": [{"id": "flux", "type": "image", "api": "openrouter-images"}, {"id": "chatty", "type": "chat"}]}}}"""
    found = models(resolved("zot", (text, "i.json", "zot")))
    assert "openrouter/flux" not in found and "openrouter/chatty" in found


def test_unregistered_provider_models_are_listed():
    # A key with only models is not registered; its models still appear in the catalog (reference/zot.md).
    data = resolved("zot", ("""{"providers": {"mystery": {"models": [{"id": "m"}]}}}""", "x.json", "zot"))
    assert models(data)["mystery/m"]["base_url"] is None
    assert data["providers"]["mystery"]["auth"]["credentials"][1] == {"source": "env", "name": "MYSTERY_API_KEY"}


def test_case_insensitive_keys_are_read_like_go():
    text = """{"Providers": {"p": {"BaseURL": "http://p/v1", "Models": [{"ID": "m", "ContextWindow": 5}]}}}"""
    model = models(resolved("zot", (text, "c.json", "zot")))["p/m"]
    assert (model["base_url"], model["context_window"]) == ("http://p/v1", 5)


def test_built_in_stored_key_order_is_additional_first():
    # reference/zot.md, "Credential resolution order" step 4.
    data = resolved("zot", ("{\"providers\": {}}", "e.json", "zot"))
    refs = data["providers"]["anthropic"]["auth"]["credentials"]
    files = [r["key_path"] for r in refs if r["source"] == "auth-file"]
    assert files == [["additional_api_key_creds", "anthropic", "api_key"], ["anthropic", "api_key"]]
    assert {"source": "env", "name": "ANTHROPIC_API_KEY"} in refs


def test_target_zot_reads_a_file_detection_took_for_pi(tmp_path):
    # A models.json outside $ZOT_HOME whose content fits pi and zot (D001) is read as zot's with
    # --target zot (it was refused as "not for target zot" before).
    from modelconf.compiler import compile_files

    path = tmp_path / "models.json"
    path.write_text('{"providers": {"my-company": {"baseUrl": "https://llm.example/v1", "models": [{"id": "m"}]}}}\n')
    result = compile_files([path], target="zot", render=False)
    assert (result.target, [f.dialect for f in result.files], result.errors) == ("zot", ["zot"], 0)
    assert result.resolution is not None and "my-company/m" in result.resolution.models
