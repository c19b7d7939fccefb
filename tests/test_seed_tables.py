"""Every row of every seed table is reproduced by the target profiles (fixtures/seeds/)."""

from __future__ import annotations

import re

import pytest
from seed_parsers import backticked, bullet_list_after, markdown_table, numbered_steps, rst_model_tables, rst_provider_sections, seed

from modelconf.catalog import load_profile


def _label(profile, row):
    return row.label or profile.providers[row.provider].name


def _zot_env_cell(provider) -> str:
    # zot writes `A` or `B` (zot-providers-2026-06.md, "API-key providers").
    return " or ".join(f"`{name}`" for name in provider.api_key_env)


def _pi_env_cell(provider) -> str:
    # pi writes `KEY` (+ `SETTING`, `SETTING`) (pi-providers.md, "Environment Variables or Auth File").
    cell = " or ".join(f"`{name}`" for name in provider.api_key_env)
    required = [s.name for s in provider.settings_env if s.required]
    if required:
        cell += " (+ " + ", ".join(f"`{name}`" for name in required) + ")"
    return cell


# -- zot --------------------------------------------------------------------------------------


def test_zot_api_key_table_row_for_row():
    # zot-providers-2026-06.md, "API-key providers": Provider | Environment variable | Stored key
    rows = markdown_table(seed("zot-providers-2026-06.md"), ["Provider", "Environment variable", "Stored key"])
    profile = load_profile("zot")
    table = profile.doc_tables["api-key-providers"]
    assert len(rows) == 30
    assert len(table.rows) == len(rows)
    for (name, env, stored), row in zip(rows, table.rows):
        provider = profile.providers[row.provider]
        assert _label(profile, row) == name
        assert _zot_env_cell(provider) == env, name
        assert list(provider.api_key_env) == backticked(env), name
        assert provider.stored_key is not None
        assert f"`{provider.stored_key.key}`" == stored, name


def test_zot_stored_key_location_follows_the_code():
    # reference/zot.md, "auth.json": anthropic, openai, kimi, google, deepseek, github-copilot are
    # top-level fields (github-copilot as github_copilot); every other id is additional.
    profile = load_profile("zot")
    top = {"anthropic": ["anthropic"], "openai": ["openai"], "kimi": ["kimi"], "google": ["google"], "deepseek": ["deepseek"], "github-copilot": ["github_copilot"]}
    for row in profile.doc_tables["api-key-providers"].rows:
        stored = profile.providers[row.provider].stored_key
        if row.provider in top:
            assert (stored.location, list(stored.path)) == ("top-level", top[row.provider])
        else:
            assert (stored.location, list(stored.path)) == ("additional_api_key_creds", ["additional_api_key_creds", row.provider])
    assert profile.notes_for(topic="stored-key", provider="github-copilot")


def test_zot_subscription_table_row_for_row():
    # zot-providers-2026-06.md, "Subscription providers": Provider | Notes
    rows = markdown_table(seed("zot-providers-2026-06.md"), ["Provider", "Notes"])
    profile = load_profile("zot")
    table = profile.doc_tables["subscription-providers"]
    assert [(_label(profile, r), r.notes) for r in table.rows] == [tuple(row) for row in rows]
    assert len(rows) == 4
    for row in table.rows:
        assert "subscription" in profile.providers[row.provider].login


def test_zot_setup_instruction_providers():
    # zot-providers-2026-06.md, "Login methods": Setup-instruction providers
    items = bullet_list_after(seed("zot-providers-2026-06.md"), "Setup-instruction providers:")
    profile = load_profile("zot")
    table = profile.doc_tables["setup-instruction-providers"]
    assert [_label(profile, r) for r in table.rows] == items
    assert items == ["Amazon Bedrock", "Google Vertex AI", "Cloudflare Workers AI", "Cloudflare AI Gateway", "Azure OpenAI Responses"]
    for row in table.rows:
        assert profile.providers[row.provider].login == ("setup-instructions",)


def test_zot_cloud_provider_env_vars():
    # zot-providers-2026-06.md, "Cloud providers": the variables each section exports.
    text = seed("zot-providers-2026-06.md")
    profile = load_profile("zot")
    sections = {
        "amazon-bedrock": ("### Amazon Bedrock", "Example:"),
        "google-vertex": ("### Google Vertex AI", "For service-account"),
        "cloudflare-ai-gateway": ("### Cloudflare AI Gateway", "### Cloudflare Workers AI"),
        "cloudflare-workers-ai": ("### Cloudflare Workers AI", "### Azure OpenAI Responses"),
        "azure-openai-responses": ("### Azure OpenAI Responses", "If your Azure"),
    }
    rows = {row.provider: row.env for row in profile.doc_tables["cloud-env"].rows}
    for provider_id, (start, end) in sections.items():
        body = text[text.index(start) : text.index(end, text.index(start))]
        exported = re.findall(r"export ([A-Z_]+)=", body)
        assert list(rows[provider_id]) == exported, provider_id
        provider = profile.providers[provider_id]
        known = set(provider.env_names) | {s.name for s in provider.settings_env}
        assert set(exported) <= known, provider_id


def test_zot_credential_order_follows_the_code_and_notes_the_older_doc():
    # zot-providers-older.md lists 4 steps (4: models.json custom provider credentials);
    # zot-providers-2026-06.md and the code (reference/zot.md, "Credential resolution order") have
    # no models.json step: models.json holds no secrets.
    older = numbered_steps(seed("zot-providers-older.md"), "checks credentials in this order:")
    newer = numbered_steps(seed("zot-providers-2026-06.md"), "checks credentials in this order:")
    assert len(older) == 4 and "models.json" in older[3]
    assert len(newer) == 3
    profile = load_profile("zot")
    steps = [step.step for step in profile.credential_order]
    assert steps == ["cli", "provider-env", "derived-env", "auth-file", "oauth"]
    assert "config" not in {step.source for step in profile.credential_order}
    notes = {note.id: note for note in profile.notes_for(topic="credential-order")}
    assert notes["credential-order-models-json"].seed == "zot-providers-older.md"
    assert "models.json" in notes["credential-order-models-json"].text


def test_zot_undocumented_env_vars_have_notes():
    # reference/zot.md, "Env vars and stored location": anthropic reads ANTHROPIC_OAUTH_TOKEN first.
    profile = load_profile("zot")
    anthropic = profile.providers["anthropic"]
    assert anthropic.env_names == ("ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY")
    assert anthropic.env[0].kind == "oauth-token"
    assert profile.notes_for(topic="env", provider="anthropic")


# -- pi ---------------------------------------------------------------------------------------


def test_pi_env_table_row_for_row():
    # pi-providers.md, "Environment Variables or Auth File": Provider | Environment Variable | `auth.json` key
    rows = markdown_table(seed("pi-providers.md"), ["Provider", "Environment Variable", "`auth.json` key"])
    profile = load_profile("pi")
    table = profile.doc_tables["api-key-providers"]
    assert len(rows) == 26
    assert len(table.rows) == len(rows)
    for (name, env, key), row in zip(rows, table.rows):
        provider = profile.providers[row.provider]
        assert _label(profile, row) == name
        assert _pi_env_cell(provider) == env, name
        assert f"`{provider.stored_key.key}`" == key
        assert list(provider.stored_key.path) == [row.provider]


def test_pi_subscriptions_list():
    # pi-providers.md, "Subscriptions"
    items = bullet_list_after(seed("pi-providers.md"), "select a provider:")
    profile = load_profile("pi")
    rows = profile.doc_tables["subscriptions"].rows
    assert [_label(profile, r) for r in rows] == items == ["ChatGPT Plus/Pro (Codex)", "Claude Pro/Max", "GitHub Copilot"]
    for row in rows:
        assert "subscription" in profile.providers[row.provider].login


def test_pi_special_cases():
    # reference/pi.md, "Env-var keys": special cases checked before the map.
    profile = load_profile("pi")
    assert profile.providers["anthropic"].env_names == ("ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY")
    assert profile.providers["github-copilot"].env_names == ("COPILOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN")
    vertex = profile.providers["google-vertex"]
    assert vertex.env_names[0] == "GOOGLE_CLOUD_API_KEY" and vertex.cloud["chain"] == "google-adc"
    bedrock = profile.providers["amazon-bedrock"]
    assert bedrock.auth == "cloud-credentials"
    assert bedrock.env_names == (
        "AWS_PROFILE",
        "AWS_ACCESS_KEY_ID",
        "AWS_BEARER_TOKEN_BEDROCK",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
    )


def test_pi_resolution_order_and_defaults():
    # pi-providers.md, "Resolution Order", and reference/pi.md, "ModelDefinition" defaults.
    steps = numbered_steps(seed("pi-providers.md"), "When resolving credentials for a provider:")
    assert len(steps) == 4
    profile = load_profile("pi")
    sources = [step.source for step in profile.credential_order]
    assert sources == ["cli", "auth-file", "oauth", "env", "config"]
    assert "auth.json" in steps[1] and "models.json" in steps[3]
    assert profile.defaults.context_window == 128000
    assert profile.defaults.max_tokens == 16384
    assert profile.auth_file["path"] == "~/.pi/agent/auth.json"


def test_pi_key_value_forms():
    # pi-providers.md, "Key Resolution" (three forms); reference/pi.md, later upstream: $VAR.
    profile = load_profile("pi")
    forms = [form["form"] for form in profile.value_forms]
    assert forms == ["command", "env-name", "literal", "env-template"]
    text = seed("pi-providers.md")
    assert "**Shell command:**" in text and "**Environment variable:**" in text and "**Literal value:**" in text


def test_pi_newer_providers_are_noted():
    # The doc (2026-05) is newer than v0.58.3 (reference/pi.md): providers it adds carry `since`.
    profile = load_profile("pi")
    for provider_id in ["deepseek", "cloudflare-ai-gateway", "fireworks", "together", "xiaomi"]:
        assert profile.providers[provider_id].since is not None
    assert any(note.id == "env-map-newer-than-reference" for note in profile.notes)


# -- OpenClaw / Mayros ------------------------------------------------------------------------


def test_mayros_rotation_rules():
    # mayros-model-providers.txt, "API key rotation": the four name patterns and what they are.
    text = seed("mayros-model-providers.txt")
    line = next(line for line in text.splitlines() if line.startswith("MAYROS_LIVE_<PROVIDER>_KEY"))
    documented = re.findall(r"([A-Z_<>]+\*?)\(([^)]*)\)", line)
    profile = load_profile("openclaw")
    candidates = profile.key_rotation["candidates"]
    rendered = [
        (c["pattern"].replace("{APP}", "MAYROS").replace("{P}", "<PROVIDER>"), c["description"].replace("{P}", "<PROVIDER>").replace("e.g. ", "e.g."))
        for c in candidates
    ]
    assert rendered == documented
    assert "GOOGLE_API_KEY" in text and profile.key_rotation["fallbacks"]["google"] == ["GOOGLE_API_KEY"]


def test_mayros_optional_rotation_lines_match_the_helper():
    # mayros-model-providers.txt, OpenAI and Google Gemini "Optional rotation" lines.
    from modelconf.catalog import openclaw_rotation_names

    text = seed("mayros-model-providers.txt")
    openai = openclaw_rotation_names("openai")
    assert f"{openai.list_var},{openai.prefix}1,{openai.prefix}2, plus{openai.live_single}" in text
    google = openclaw_rotation_names("google")
    assert f"{google.list_var},{google.prefix}1,{google.prefix}2,GOOGLE_API_KEYfallback, and{google.live_single}" in text


def test_mayros_anthropic_rotation_quirk_is_noted():
    # The doc says ANTHROPIC_API_KEYS; the code reads MAYROS_LIVE_ANTHROPIC_KEYS (reference/openclaw.md).
    from modelconf.catalog import openclaw_rotation_names

    assert "ANTHROPIC_API_KEYS,ANTHROPIC_API_KEY_1" in seed("mayros-model-providers.txt")
    names = openclaw_rotation_names("anthropic")
    assert names.list_var == "MAYROS_LIVE_ANTHROPIC_KEYS"
    assert "ANTHROPIC_API_KEYS" not in names.candidates
    assert load_profile("openclaw").notes_for(topic="key-rotation", provider="anthropic")


def test_mayros_custom_provider_defaults():
    # mayros-model-providers.txt, "Notes": defaults for omitted fields.
    text = seed("mayros-model-providers.txt")
    line = next(line for line in text.splitlines() if "When omitted, Mayros defaults to:" in line)
    profile = load_profile("openclaw")
    defaults = profile.defaults
    assert f"reasoning: {str(defaults.reasoning).lower()}" in line
    assert 'input: ["text"]' in line and defaults.input == ("text",)
    assert "cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }" in line
    assert defaults.cost == {"input": 0, "output": 0, "cache_read": 0, "cache_write": 0}
    assert int(re.search(r"contextWindow: (\d+)", line).group(1)) == defaults.context_window == 200000
    assert int(re.search(r"maxTokens: (\d+)", line).group(1)) == defaults.max_tokens == 8192


def _mayros_auth_lines(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for provider_id, auth in re.findall(r"- Provider:\n([a-z0-9.-]+)(?:\(coding:[a-z-]+\))? - Auth:(?:\n| )(.*)", text):
        found[provider_id] = re.findall(r"[A-Z][A-Z0-9]*_[A-Z0-9_]+", auth)
    # MiniMax's section names its auth choice instead of a provider line.
    for provider_id, auth in re.findall(r"--auth-choice ([a-z]+)-api - Auth:\n(.*)", text):
        found[provider_id] = re.findall(r"[A-Z][A-Z0-9]*_[A-Z0-9_]+", auth)
    for provider_id, names in re.findall(r":\n([a-z-]+)\(([A-Z][A-Z0-9_/]*(?:(?:/|or)[A-Z][A-Z0-9_]*)*)\)", text):
        found[provider_id] = re.split(r"/|or(?=[A-Z])", names)
    return found


def test_mayros_provider_auth_env_vars():
    # mayros-model-providers.txt: each provider's "Auth" env vars, in the documented order.
    documented = _mayros_auth_lines(seed("mayros-model-providers.txt"))
    profile = load_profile("openclaw")
    rows = [row.provider for row in profile.doc_tables["provider-auth"].rows]
    assert set(documented) == set(rows)
    for provider_id in rows:
        provider = profile.providers[provider_id]
        assert list(provider.api_key_env) == documented[provider_id], provider_id
        hidden = [v.name for v in provider.env if not v.documented]
        for name in hidden:
            assert any(name in note.text for note in profile.notes_for(provider=provider_id)), name


# -- Plano ------------------------------------------------------------------------------------


def test_plano_provider_sections_in_order():
    # plano-supported-providers.rst: the provider sections, their prefixes and titles.
    sections = rst_provider_sections(seed("plano-supported-providers.rst"))
    profile = load_profile("plano")
    rows = profile.doc_tables["supported-providers"].rows
    assert [(profile.providers[r.provider].name, r.provider) for r in rows] == [(t, p) for t, p, _ in sections]
    for _, prefix, endpoint in sections:
        documented = profile.providers[prefix].doc_endpoint
        assert f"``{documented}``" in endpoint or prefix == "amazon_bedrock"


def test_plano_model_tables_row_for_row():
    # plano-supported-providers.rst: Model Name | Model ID for Config | Description, per provider.
    tables = rst_model_tables(seed("plano-supported-providers.rst"))
    profile = load_profile("plano")
    assert sum(len(rows) for rows in tables.values()) == 31
    for prefix, rows in tables.items():
        examples = profile.providers[prefix].examples
        assert [(e["name"], e["model"], e["description"]) for e in examples] == rows, prefix


def test_plano_providers_requiring_base_url():
    # plano-supported-providers.rst, "Providers Requiring Base URL"; reference/plano.md,
    # SUPPORTED_PROVIDERS_WITH_BASE_URL = [azure_openai, ollama, qwen, amazon_bedrock, plano].
    text = seed("plano-supported-providers.rst")
    part = text[text.index("Providers Requiring Base URL") : text.index("OpenAI-Compatible Providers\n~")]
    documented = re.findall(r"\*\*Provider Prefix:\*\* ``([a-z_]+)/``", part)
    profile = load_profile("plano")
    need = [p.id for p in profile.providers.values() if p.needs_base_url]
    assert documented == ["azure_openai", "amazon_bedrock", "qwen", "ollama"]
    assert sorted(need) == sorted(documented + ["plano"])


def test_plano_provider_ids_and_interfaces():
    # reference/plano.md: the 21 SUPPORTED_PROVIDERS and the provider_interface enum.
    profile = load_profile("plano")
    assert sorted(profile.providers) == sorted(
        "deepseek groq mistral openai xiaomi gemini anthropic together_ai xai moonshotai zhipu chatgpt digitalocean vercel openrouter edenai azure_openai ollama qwen amazon_bedrock plano".split()
    )
    assert profile.api.values == ("plano", "deepseek", "groq", "mistral", "openai", "xiaomi", "gemini", "chatgpt", "digitalocean", "vercel", "openrouter", "edenai", "moonshotai")
    assert "anthropic" not in profile.api.values


@pytest.mark.parametrize("target", ["pi", "zot", "openclaw", "plano"])
def test_every_doc_row_names_a_known_provider(target):
    profile = load_profile(target)
    for table in profile.doc_tables.values():
        for row in table.rows:
            assert row.provider in profile.providers
