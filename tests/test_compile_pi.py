"""pi's merge rules, as the compiler resolves them (facts: reference/pi.md, "Load and merge",
"Schema" (ModelDefinition defaults, ModelOverride), "Value resolution" and "auth.json")."""

from __future__ import annotations

from compile_helpers import codes, models, resolve_texts, resolved

from modelconf.emit.resolved import to_data

OVERRIDE = """{
  "providers": {
    "openai": {
      "baseUrl": "https://proxy.example.com/v1",
      "headers": {"X-Team": "platform"},
      "compat": {"supportsStore": false},
      "modelOverrides": {
        "gpt-4.1": {"name": "GPT-4.1 (team)", "cost": {"input": 1.5}, "headers": {"X-Model": "a"}},
        "gpt-4.2": {"maxTokens": 1}
      }
    }
  }
}"""


def test_provider_base_url_headers_and_compat_apply_to_every_built_in_model():
    # reference/pi.md, "Load and merge" step 2: `baseUrl ?? model.baseUrl`, headers and compat merged.
    found = models(resolved("pi", (OVERRIDE, "m.json", "pi")))
    for key in ("openai/gpt-4.1", "openai/gpt-4o", "openai/gpt-5", "openai/gpt-5-mini"):
        model = found[key]
        assert model["base_url"] == "https://proxy.example.com/v1"
        assert model["endpoint"] == "https://proxy.example.com/v1/responses"  # openai is openai-responses in pi
        assert model["headers"]["X-Team"] == {"value": "platform"}
        assert model["compat"] == {"supportsStore": False}
        assert model["provenance"]["base_url"] == "m.json:4:18"
        assert model["provenance"]["headers.X-Team"] == "m.json:5:29"
        assert model["overrides"][0] == {"entry": "m.json:3:5", "fields": ["base_url", "compat.supportsStore", "headers.X-Team"]}
    # Other providers are untouched.
    assert found["anthropic/claude-opus-4-6"]["provenance"]["base_url"] == "catalog"


def test_model_override_merges_cost_field_by_field_and_headers():
    # reference/pi.md, "ModelOverride": each cost field falls back (??) to the built-in value.
    model = models(resolved("pi", (OVERRIDE, "m.json", "pi")))["openai/gpt-4.1"]
    assert model["origin"] == "override"
    assert model["name"] == "GPT-4.1 (team)"
    assert model["cost"] == {"input": 1.5, "output": 8.0, "cache_read": 0.5, "cache_write": 0.0}
    assert model["provenance"]["cost.input"] == "m.json:8:65"
    assert model["provenance"]["cost.output"] == "catalog"
    assert model["headers"] == {"X-Team": {"value": "platform"}, "X-Model": {"value": "a"}}
    assert model["context_window"] == 1047576 and model["provenance"]["context_window"] == "catalog"
    assert model["overrides"][1] == {"entry": "m.json:8:9", "fields": ["cost.input", "headers.X-Model", "name"]}


def test_override_of_an_unknown_id_is_reported_and_changes_nothing():
    # reference/pi.md: "Overrides for ids that do not exist are ignored without a message."
    resolution = resolve_texts("pi", (OVERRIDE, "m.json", "pi"))
    assert ("O101", 9, 9) in codes(resolution)
    message = next(d for d in resolution.diagnostics if d.code == "O101")
    assert '"gpt-4.2"' in message.message and message.hint == 'did you mean "gpt-4.1"?'
    assert "openai/gpt-4.2" not in models(to_data(resolution))


def test_compat_routing_objects_merge_one_level_deeper():
    # reference/pi.md, "OpenAICompat": mergeCompat is shallow except openRouterRouting/vercelGatewayRouting.
    text = """{"providers": {"openrouter": {
      "compat": {"openRouterRouting": {"order": ["anthropic"]}, "supportsStore": false},
      "modelOverrides": {"anthropic/claude-sonnet-4": {"compat": {"openRouterRouting": {"only": ["google"]}, "supportsStore": true}}}
    }}}"""
    model = models(resolved("pi", (text, "r.json", "pi")))["openrouter/anthropic/claude-sonnet-4"]
    assert model["compat"] == {"openRouterRouting": {"order": ["anthropic"], "only": ["google"]}, "supportsStore": True}


def test_custom_model_replaces_the_built_in_whole_with_pi_defaults():
    # reference/pi.md, "Load and merge" step 3: same provider + id replaces; ModelDefinition defaults.
    text = """{"providers": {"openai": {
      "baseUrl": "https://api.openai.com/v1", "apiKey": "OPENAI_API_KEY", "api": "openai-responses",
      "models": [{"id": "gpt-5"}, {"id": "gpt-6", "contextWindow": 500000, "input": ["text", "image"]}]
    }}}"""
    resolution = resolve_texts("pi", (text, "c.json", "pi"))
    found = models(to_data(resolution))
    gpt5 = found["openai/gpt-5"]
    assert gpt5["origin"] == "user"
    assert gpt5["name"] == "gpt-5" and gpt5["provenance"]["name"] == "default"
    assert (gpt5["context_window"], gpt5["max_tokens"], gpt5["reasoning"], gpt5["input"]) == (128000, 16384, False, ["text"])
    assert gpt5["cost"] == {"input": 0.0, "output": 0.0, "cache_read": 0.0, "cache_write": 0.0}
    assert gpt5["api"] == "openai-responses" and gpt5["provenance"]["api"] == "c.json:2:82"
    assert gpt5["overrides"] == [{"entry": "c.json:3:18", "fields": ["api", "base_url"], "replaced": True}]
    assert found["openai/gpt-6"]["origin"] == "user" and found["openai/gpt-6"]["context_window"] == 500000
    # The replacement is an info with both places: the entry and the built-in it shadows.
    note = next(d for d in resolution.diagnostics if d.code == "O102")
    assert (note.span.start.line, note.span.start.column) == (3, 18)
    assert note.related[0].file == "<built-in catalog>" and '"openai/gpt-5"' in note.related[0].message
    entry = next(e for e in to_data(resolution)["entries"] if e["kind"] == "provider")
    assert entry["overrode"] == ["openai/gpt-4.1", "openai/gpt-4o", "openai/gpt-5", "openai/gpt-5-mini"]
    assert entry["added"] == ["openai/gpt-6"]


def test_custom_provider_models_inherit_provider_fields():
    # reference/pi.md, ModelDefinition: api and baseUrl default to the provider's; headers merged
    # over provider headers; compat = mergeCompat(provider.compat, model.compat).
    text = """{"providers": {"local": {
      "baseUrl": "http://localhost:8080/v1", "api": "openai-completions", "apiKey": "none",
      "headers": {"X-A": "1", "X-B": "2"}, "compat": {"maxTokensField": "max_tokens", "supportsStore": false},
      "models": [{"id": "m", "baseUrl": "http://gpu:8000/v1", "headers": {"X-B": "3"}, "compat": {"supportsStore": true}}]
    }}}"""
    data = resolved("pi", (text, "l.json", "pi"))
    model = models(data)["local/m"]
    assert model["base_url"] == "http://gpu:8000/v1" and model["endpoint"] == "http://gpu:8000/v1/chat/completions"
    assert model["headers"] == {"X-A": {"value": "1"}, "X-B": {"value": "3"}}
    assert model["compat"] == {"maxTokensField": "max_tokens", "supportsStore": True}
    provider = data["providers"]["local"]
    assert provider["origin"] == "user" and provider["api"] == "openai-completions"
    # A custom provider: --api-key, auth.json under its id, then the models.json value (its place only).
    credentials = provider["auth"]["credentials"]
    assert [c["source"] for c in credentials] == ["cli", "auth-file", "oauth", "config"]
    assert credentials[1]["key_path"] == ["local", "key"]
    assert {k: credentials[3][k] for k in ("file", "pointer")} == {"file": "l.json", "pointer": "/providers/local/apiKey"}


def test_auth_header_adds_a_bearer_reference_to_custom_models():
    # reference/pi.md: authHeader true adds `Authorization: Bearer <resolved apiKey>` to custom models' headers.
    text = """{"providers": {"gw": {"baseUrl": "https://gw/v1", "api": "openai-completions",
      "apiKey": "GW_KEY", "authHeader": true, "models": [{"id": "m"}]}}}"""
    model = models(resolved("pi", (text, "g.json", "pi")))["gw/m"]
    assert model["headers"]["Authorization"] == {
        "ref": {"source": "env", "name": "GW_KEY", "form": "env-name", "file": "g.json", "pointer": "/providers/gw/apiKey"},
        "prefix": "Bearer ",
    }


def test_api_key_on_a_built_in_provider_is_the_last_credential():
    # reference/pi.md, "auth.json" resolution order: --api-key, auth.json api_key, oauth, env, models.json apiKey.
    text = """{"providers": {"anthropic": {"apiKey": "!op read op://vault/anthropic", "baseUrl": "https://a.example.com"}}}"""
    data = resolved("pi", (text, "a.json", "pi"))
    credentials = data["providers"]["anthropic"]["auth"]["credentials"]
    assert [c["source"] for c in credentials] == ["cli", "auth-file", "oauth", "env", "env", "config"]
    assert [c.get("name") for c in credentials[3:5]] == ["ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY"]
    assert credentials[-1] == {"source": "config", "form": "command", "file": "a.json", "pointer": "/providers/anthropic/apiKey"}
    # The override apiKey is not copied onto models; anthropic uses x-api-key.
    assert data["providers"]["anthropic"]["auth"]["scheme"] == "x-api-key"
    assert "headers" not in models(data)["anthropic/claude-opus-4-6"]
    # A base URL without /v1 gets the Anthropic path with /v1 (modelconf's endpoint rule).
    assert models(data)["anthropic/claude-opus-4-6"]["endpoint"] == "https://a.example.com/v1/messages"


def test_api_on_a_built_in_provider_without_models_is_ignored():
    # reference/pi.md, "Load and merge" step 2: an override `api` is ignored for built-ins.
    text = """{"providers": {"openai": {"baseUrl": "https://p/v1", "api": "openai-completions"}}}"""
    model = models(resolved("pi", (text, "o.json", "pi")))["openai/gpt-4o"]
    assert model["api"] == "openai-responses" and model["provenance"]["api"] == "catalog"


def test_duplicate_custom_models_keep_the_last():
    text = """{"providers": {"x": {"baseUrl": "http://x/v1", "api": "openai-completions", "apiKey": "k",
      "models": [{"id": "m", "name": "first"}, {"id": "m", "name": "second"}]}}}"""
    resolution = resolve_texts("pi", (text, "d.json", "pi"))
    assert models(to_data(resolution))["x/m"]["name"] == "second"
    assert [c for c in codes(resolution) if c[0] == "O104"] == [("O104", 2, 48)]


def test_built_in_view_uses_pi_generator_mapping():
    # reference/pi.md, generator sources: image in modalities -> ["text","image"]; limit.output -> maxTokens.
    model = models(resolved("pi", ("{\"providers\": {}}", "e.json", "pi")))["google/gemini-2.5-pro"]
    assert model["input"] == ["text", "image"]
    assert model["max_tokens"] == 65536 and model["provenance"]["max_tokens"] == "catalog"
    assert model["endpoint"] == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"
    assert model["origin"] == "catalog" and "overrides" not in model


def test_later_file_is_a_layer_over_the_earlier_one():
    first = """{"providers": {"x": {"baseUrl": "http://x/v1", "api": "openai-completions", "apiKey": "k", "models": [{"id": "m"}]}}}"""
    second = """{"providers": {"x": {"baseUrl": "http://y/v1", "api": "openai-completions", "apiKey": "k", "models": [{"id": "m", "name": "M"}]}}}"""
    resolution = resolve_texts("pi", (first, "1.json", "pi"), (second, "2.json", "pi"))
    model = models(to_data(resolution))["x/m"]
    assert (model["name"], model["base_url"]) == ("M", "http://y/v1")
    note = next(d for d in resolution.diagnostics if d.code == "O102")
    assert note.file == "2.json" and note.related[0].file == "1.json" and "earlier entry" in note.message
    assert to_data(resolution)["sources"] == [{"file": "1.json", "dialect": "pi"}, {"file": "2.json", "dialect": "pi"}]
