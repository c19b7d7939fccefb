"""OpenClaw/Mayros' credential walk and key rotation. Facts: reference/openclaw.md,
"Auth profiles and credential resolution" (`resolveApiKeyForProvider`, `resolveAuthProfileOrder`),
"${ENV_VAR} substitution" and "API-key rotation" (`collectProviderApiKeys`)."""

from __future__ import annotations

import itertools

import pytest
from credhelp import auth_file, by_checked, chosen, config, results, run

from modelconf.credentials import Inputs, Secret, candidate_keys, rotation_keys
from modelconf.secrets import fingerprint

KEYS = {
    "profile": "sk-proj-PROFILEaaaaaaaaaaaaaaaaaaa1111",
    "env": "sk-proj-ENVbbbbbbbbbbbbbbbbbbbbbbb2222",
    "config": "sk-proj-CONFIGccccccccccccccccccccc3333",
}
ORDER = ["profile", "env", "config"]


def store(*profiles: tuple[str, dict], order: dict | None = None) -> dict:
    data: dict = {"version": 1, "profiles": dict(profiles)}
    if order is not None:
        data["order"] = order
    return data


@pytest.mark.parametrize("present", [c for n in range(len(ORDER) + 1) for c in itertools.combinations(ORDER, n)])
def test_openai_matrix_first_present_source_wins(tmp_path, present):
    # resolveApiKeyForProvider: auth profiles, then resolveEnvApiKey, then models.providers.<p>.apiKey.
    data = store(("openai:default", {"type": "api_key", "provider": "openai", "key": KEYS["profile"]})) if "profile" in present else store()
    configs = [config('{models: {providers: {openai: {baseUrl: "https://api.openai.com/v1", apiKey: "%s", models: []}}}}' % KEYS["config"], "mayros.json", "openclaw")] if "config" in present else []
    result = run("openclaw", "openai", auth=auth_file(tmp_path, "openclaw", data, "auth-profiles.json"), env={"OPENAI_API_KEY": KEYS["env"]} if "env" in present else {}, configs=configs)
    expected = next((s for s in ORDER if s in present), None)
    if expected is None:
        assert result.chosen is None
        return
    assert result.chosen_step.fingerprint == fingerprint(KEYS[expected])
    assert result.chosen_step.step == {"profile": "auth-profiles", "env": "provider-env", "config": "config"}[expected]


def test_config_api_key_is_substituted():
    oc = config('{models: {providers: {together: {baseUrl: "https://api.together.xyz/v1", apiKey: "${TOGETHER_KEY}", models: []}}}}', "mayros.json", "openclaw")
    result = run("openclaw", "together", env={"TOGETHER_KEY": KEYS["env"]}, configs=[oc])
    step = result.chosen_step
    assert (step.step, step.detail, step.secret) == ("config", "${TOGETHER_KEY} substituted", Secret(KEYS["env"]))
    assert step.ref == {"source": "config", "file": "mayros.json", "pointer": "/models/providers/together/apiKey", "form": "env-template", "name": "TOGETHER_KEY"}


def test_a_missing_variable_anywhere_empties_the_whole_config():
    # "${ENV_VAR} substitution": MissingEnvVarError; loadConfig() returns {} for the whole config.
    oc = config(
        '{models: {providers: {\n together: {baseUrl: "x", apiKey: "sk-proj-LITERALdddddddddddddddddd4444", models: []},\n'
        ' other: {baseUrl: "${GATEWAY_URL}/v1", models: []}}}}',
        "mayros.json", "openclaw",
    )
    result = run("openclaw", "together", configs=[oc])
    assert result.chosen is None
    assert by_checked(result, "mayros.json models.providers.together.apiKey").result == "invalid"
    assert result.notes[0] == (
        'Missing env var "GATEWAY_URL" referenced at config path: models.providers.other.baseUrl (mayros.json:3:19): '
        "OpenClaw/Mayros loads the whole config as {} (no providers, no auth order, no settings)"
    )


def test_an_empty_variable_counts_as_missing():
    oc = config('{models: {providers: {together: {baseUrl: "x", apiKey: "${TOGETHER_KEY}", models: []}}}}', "mayros.json", "openclaw")
    result = run("openclaw", "together", env={"TOGETHER_KEY": ""}, configs=[oc])
    assert by_checked(result, "mayros.json models.providers.together.apiKey").result == "invalid"


def test_the_config_env_block_fills_unset_variables_only():
    oc = config(
        '{env: {vars: {TOGETHER_KEY: "sk-proj-BLOCKeeeeeeeeeeeeeeeeeeeee5555"}}, models: {providers: {together: {baseUrl: "x", apiKey: "${TOGETHER_KEY}", models: []}}}}',
        "mayros.json", "openclaw",
    )
    assert run("openclaw", "together", configs=[oc]).secret == Secret("sk-proj-BLOCKeeeeeeeeeeeeeeeeeeeee5555")
    assert run("openclaw", "together", env={"TOGETHER_KEY": KEYS["env"]}, configs=[oc]).secret == Secret(KEYS["env"])


def test_escape_is_not_a_reference():
    oc = config('{models: {providers: {together: {baseUrl: "$${GATEWAY_URL}", apiKey: "%s", models: []}}}}' % KEYS["config"], "mayros.json", "openclaw")
    assert run("openclaw", "together", configs=[oc]).secret == Secret(KEYS["config"])


def test_placeholder_api_keys_are_ignored():
    oc = config('{models: {providers: {"minimax-portal": {baseUrl: "x", apiKey: "minimax-oauth", models: []}}}}', "mayros.json", "openclaw")
    result = run("openclaw", "minimax-portal", configs=[oc])
    assert by_checked(result, 'mayros.json models.providers.minimax-portal.apiKey = (a literal)').detail == "the placeholder 'minimax-oauth' is ignored"


def test_auth_profile_order_types_then_store_order(tmp_path):
    # resolveAuthProfileOrder without an explicit order: oauth < token < api_key; invalid ones skipped.
    data = store(
        ("anthropic:key", {"type": "api_key", "provider": "anthropic", "key": KEYS["profile"]}),
        ("anthropic:empty", {"type": "token", "provider": "anthropic", "token": ""}),
        ("anthropic:sub", {"type": "oauth", "provider": "anthropic", "access": "sk-ant-oat01-" + "f" * 30, "refresh": "r", "expires": 9}),
        ("openai:default", {"type": "api_key", "provider": "openai", "key": KEYS["env"]}),
    )
    result = run("openclaw", "anthropic", auth=auth_file(tmp_path, "openclaw", data, "auth-profiles.json"))
    assert [c for c, _ in results(result) if c.startswith("auth-profiles")] == [
        'auth-profiles.json profiles["anthropic:sub"] (oauth)',
        'auth-profiles.json profiles["anthropic:empty"] (token)',
        'auth-profiles.json profiles["anthropic:key"] (api_key)',
    ]
    assert chosen(result) == ("auth-file", 'auth-profiles.json profiles["anthropic:sub"] (oauth)')


def test_store_order_beats_the_type_order_and_normalizes_provider_ids(tmp_path):
    data = store(
        ("zai:a", {"type": "api_key", "provider": "Z.AI", "key": KEYS["profile"]}),
        ("zai:b", {"type": "oauth", "provider": "zai", "access": "tok" + "x" * 30}),
        order={"z-ai": ["zai:a", "zai:b", "zai:gone"]},
    )
    result = run("openclaw", "zai", auth=auth_file(tmp_path, "openclaw", data, "auth-profiles.json"))
    assert [r for c, r in results(result) if c.startswith("auth-profiles")] == ["set", "not-reached", "not-reached"]
    assert result.secret == Secret(KEYS["profile"])
    # The id named by the order but absent from the store is listed (after the decision: not reached).
    gone = by_checked(result, 'auth-profiles.json profiles["zai:gone"]')
    assert gone.result == "not-reached"
    unreached = run("openclaw", "zai", auth=auth_file(tmp_path, "openclaw", store(order={"zai": ["zai:gone"]}), "auth-profiles.json"))
    assert by_checked(unreached, 'auth-profiles.json profiles["zai:gone"]').detail == "named by the store's order but not in the store"


def test_config_auth_order_and_mode_mismatch(tmp_path):
    data = store(
        ("openai:work", {"type": "api_key", "provider": "openai", "key": KEYS["profile"]}),
        ("openai:home", {"type": "api_key", "provider": "openai", "key": KEYS["env"]}),
    )
    oc = config('{auth: {order: {openai: ["openai:home", "openai:work"]}, profiles: {"openai:home": {provider: "openai", mode: "oauth"}}}}', "mayros.json", "openclaw")
    result = run("openclaw", "openai", auth=auth_file(tmp_path, "openclaw", data, "auth-profiles.json"), configs=[oc])
    home = by_checked(result, 'auth-profiles.json profiles["openai:home"] (api_key)')
    assert (home.result, home.detail) == ("invalid", "the config says mode 'oauth'; skipped")
    assert result.secret == Secret(KEYS["profile"])


def test_expired_token_profile_is_skipped(tmp_path):
    data = store(("anthropic:t", {"type": "token", "provider": "anthropic", "token": "sk-ant-oat01-" + "t" * 30, "expires": 1000}))
    result = run("openclaw", "anthropic", auth=auth_file(tmp_path, "openclaw", data, "auth-profiles.json"), now_ms=5000)
    assert by_checked(result, 'auth-profiles.json profiles["anthropic:t"] (token)').detail == "expired token; skipped"
    assert result.chosen is None


def test_explicit_profile_that_does_not_exist_stops(tmp_path):
    auth = auth_file(tmp_path, "openclaw", store(), "auth-profiles.json")
    result = run("openclaw", "openai", auth=auth, profile_id="openai:nope", env={"OPENAI_API_KEY": KEYS["env"]})
    assert result.chosen is None
    assert result.reason == 'No credentials found for profile "openai:nope".'


def test_zai_reads_the_legacy_variable_after_the_documented_one():
    result = run("openclaw", "z.ai", env={"Z_AI_API_KEY": KEYS["env"]})
    assert result.provider == "zai"
    assert chosen(result) == ("env", "Z_AI_API_KEY")


def test_aws_sdk_override_and_bedrock_default_chain():
    oc = config('{models: {providers: {"amazon-bedrock": {baseUrl: "https://bedrock-runtime.us-east-1.amazonaws.com", auth: "aws-sdk", models: []}}}}', "mayros.json", "openclaw")
    result = run("openclaw", "amazon-bedrock", env={"AWS_PROFILE": "work"}, configs=[oc])
    assert chosen(result) == ("cloud", "AWS_PROFILE")
    assert [r for c, r in results(result)][2:5] == ["missing", "missing", "present"]  # bearer, access keys, profile
    result = run("openclaw", "amazon-bedrock")
    assert chosen(result) == ("cloud", "AWS SDK default chain")


# -- rotation ---------------------------------------------------------------------------------


def test_rotation_order_list_primary_prefix_in_environment_order_deduplicated():
    env = {
        "OPENAI_API_KEY_10": "sk-c3333333333333333333",
        "OPENAI_API_KEYS": "sk-a1111111111111111111, sk-b2222222222222222222;\n sk-c3333333333333333333",
        "OPENAI_API_KEY": "sk-d4444444444444444444",
        "OPENAI_API_KEY_2": "sk-e5555555555555555555",
    }
    result = run("openclaw", "openai", env=env)
    assert [(s.checked, s.result, s.offers) for s in result.rotation] == [
        ("MAYROS_LIVE_OPENAI_KEY", "unset", True),
        ("OPENAI_API_KEYS[0]", "set", True),
        ("OPENAI_API_KEYS[1]", "set", True),
        ("OPENAI_API_KEYS[2]", "set", True),
        ("OPENAI_API_KEY", "set", True),
        ("OPENAI_API_KEY_10", "set", False),  # environment order, not numeric; a duplicate of [2]
        ("OPENAI_API_KEY_2", "set", True),
    ]
    assert [k.reveal()[3] for k in rotation_keys("openai", env)] == ["a", "b", "c", "d", "e"]


def test_live_key_alone():
    env = {"MAYROS_LIVE_OPENAI_KEY": "sk-live111111111111111111", "OPENAI_API_KEY": "sk-d4444444444444444444"}
    assert rotation_keys("openai", env) == [Secret("sk-live111111111111111111")]
    assert rotation_keys("openai", env, "OPENCLAW") == [Secret("sk-d4444444444444444444")]  # upstream reads OPENCLAW_LIVE_*


def test_anthropic_quirk_list_is_the_live_list_not_anthropic_api_keys():
    # "API-key rotation" table: ANTHROPIC_API_KEYS is not read despite the docs.
    env = {"ANTHROPIC_API_KEYS": "sk-ant-x1111111111111111111", "MAYROS_LIVE_ANTHROPIC_KEYS": "sk-ant-y2222222222222222222"}
    assert rotation_keys("anthropic", env) == [Secret("sk-ant-y2222222222222222222")]


def test_google_uses_the_gemini_names_and_google_api_key_last():
    env = {"GOOGLE_API_KEY": "AIza-fallback-1111111111111", "GEMINI_API_KEY_1": "AIza-prefixed-222222222222"}
    result = run("openclaw", "google-vertex", env=env)
    assert [s.checked for s in result.rotation] == ["MAYROS_LIVE_GEMINI_KEY", "GEMINI_API_KEYS", "GEMINI_API_KEY", "GEMINI_API_KEY_1", "GOOGLE_API_KEY"]
    assert [k.reveal() for k in rotation_keys("google", env)] == ["AIza-prefixed-222222222222", "AIza-fallback-1111111111111"]


def test_rotation_keys_are_not_the_chat_credential():
    result = run("openclaw", "google", env={"MAYROS_LIVE_GEMINI_KEY": "AIza-live-33333333333333333"})
    assert result.chosen is None  # resolveEnvApiKey reads GEMINI_API_KEY only
    assert result.notes[-1].startswith("The rotation keys are used only for media understanding")


def test_candidate_keys_put_the_resolved_auth_key_first(tmp_path):
    # collectProviderApiKeysForExecution: the resolved auth key first, then the collected keys, deduplicated.
    data = store(("openai:default", {"type": "api_key", "provider": "openai", "key": KEYS["profile"]}))
    env = {"OPENAI_API_KEY": KEYS["env"], "OPENAI_API_KEYS": f"{KEYS['profile']},sk-z9999999999999999999"}
    inputs = Inputs(env=env, auth=auth_file(tmp_path, "openclaw", data, "auth-profiles.json"))
    assert candidate_keys("openclaw", "openai", inputs=inputs) == [Secret(KEYS["profile"]), Secret("sk-z9999999999999999999"), Secret(KEYS["env"])]
