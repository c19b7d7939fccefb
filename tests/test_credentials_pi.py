"""pi's credential walk. Facts: reference/pi.md, "auth.json" (resolution order of
`AuthStorage.getApiKey`), "Env-var keys" (`getEnvApiKey`) and "Value resolution"
(`resolveConfigValue`)."""

from __future__ import annotations

import itertools
import json

import pytest
from credhelp import FakeRunner, auth_file, by_checked, chosen, config, results, run

from modelconf.credentials import Secret
from modelconf.secrets import fingerprint

KEYS = {
    "cli": "sk-ant-api03-CLIaaaaaaaaaaaaaaaaaaaa1111",
    "auth": "sk-ant-api03-AUTHbbbbbbbbbbbbbbbbbbb2222",
    "oauth": "sk-ant-oat01-OAUTHccccccccccccccccccc3333",
    "env": "sk-ant-api03-ENVddddddddddddddddddddd4444",
    "config": "sk-ant-api03-CONFIGeeeeeeeeeeeeeeeeee5555",
}
ORDER = ["cli", "auth", "oauth", "env", "config"]


def models_json(api_key: str, provider: str = "anthropic") -> object:
    return config(json.dumps({"providers": {provider: {"apiKey": api_key}}}), "models.json", "pi")


@pytest.mark.parametrize(
    "present",
    [c for n in range(len(ORDER) + 1) for c in itertools.combinations(ORDER, n) if not ("auth" in c and "oauth" in c)],
)
def test_anthropic_matrix_first_present_source_wins(tmp_path, present):
    # reference/pi.md "auth.json": (1) --api-key, (2) auth.json api_key, (3) auth.json oauth,
    # (4) env via getEnvApiKey, (5) the models.json apiKey (lowest). One entry per provider, so
    # api_key and oauth never coexist.
    data: dict = {}
    if "auth" in present:
        data["anthropic"] = {"type": "api_key", "key": KEYS["auth"]}
    if "oauth" in present:
        data["anthropic"] = {"type": "oauth", "access": KEYS["oauth"], "refresh": "r", "expires": 2_000_000_000_000}
    result = run(
        "pi", "anthropic",
        cli_key=KEYS["cli"] if "cli" in present else None,
        auth=auth_file(tmp_path, "pi", data),
        env={"ANTHROPIC_API_KEY": KEYS["env"]} if "env" in present else {},
        configs=[models_json(KEYS["config"])] if "config" in present else [],
        now_ms=1_000_000_000_000,
    )
    expected = next((s for s in ORDER if s in present), None)
    if expected is None:
        assert result.chosen is None
        return
    assert result.chosen_step.fingerprint == fingerprint(KEYS[expected])
    assert result.chosen_step.step == {"cli": "cli", "auth": "auth-file", "oauth": "auth-file-oauth", "env": "provider-env", "config": "config"}[expected]


def test_auth_file_beats_env(tmp_path):
    # The contrast with zot (test_credentials_zot.test_env_beats_auth_file): pi reads auth.json first.
    auth = auth_file(tmp_path, "pi", {"openai": {"type": "api_key", "key": KEYS["auth"]}})
    result = run("pi", "openai", auth=auth, env={"OPENAI_API_KEY": KEYS["env"]})
    assert chosen(result) == ("auth-file", 'auth.json openai.key = (a literal)')
    assert by_checked(result, "OPENAI_API_KEY").result == "not-reached"


def test_models_json_api_key_has_the_lowest_priority():
    result = run("pi", "openai", env={"OPENAI_API_KEY": KEYS["env"]}, configs=[models_json(KEYS["config"], "openai")])
    assert chosen(result) == ("env", "OPENAI_API_KEY")
    assert result.steps[-1].step == "config" and result.steps[-1].result == "not-reached"
    result = run("pi", "openai", configs=[models_json(KEYS["config"], "openai")])
    assert chosen(result) == ("config", "models.json providers.openai.apiKey = (a literal)")


def test_an_env_name_that_is_set_is_replaced_by_its_value():
    result = run("pi", "openai", configs=[models_json("MY_OPENAI_KEY", "openai")], env={"MY_OPENAI_KEY": KEYS["env"]})
    step = result.chosen_step
    assert step.checked == 'models.json providers.openai.apiKey = "MY_OPENAI_KEY" -> $MY_OPENAI_KEY'
    assert (step.result, step.secret, step.warning) == ("set", Secret(KEYS["env"]), None)
    assert step.ref["form"] == "env-name"


def test_footgun_an_unset_env_name_is_sent_as_the_key():
    # reference/pi.md "Value resolution" step 3: an unset (or misspelt) env-var name is sent as the key.
    result = run("pi", "openai", configs=[models_json("OPENAI_APIKEY", "openai")], env={"OPENAI_API_KEY_X": "x"})
    step = result.chosen_step
    assert step.result == "set"
    assert step.secret == Secret("OPENAI_APIKEY")
    assert step.warning == 'OPENAI_APIKEY is not set, so pi sends the text "OPENAI_APIKEY" as the key'


def test_footgun_in_auth_json_key(tmp_path):
    auth = auth_file(tmp_path, "pi", {"anthropic": {"type": "api_key", "key": "ANTHROPIC_KEY"}})
    step = run("pi", "anthropic", auth=auth).chosen_step
    assert step.step == "auth-file" and step.warning == 'ANTHROPIC_KEY is not set, so pi sends the text "ANTHROPIC_KEY" as the key'


def test_dollar_reference_is_sent_literally_by_v0_58_3():
    # reference/pi.md "Later upstream": $ENV syntax came later; #9258 reports `$ENV` sent literally.
    step = run("pi", "my-proxy", configs=[models_json("${MY_PROXY_KEY}", "my-proxy")], env={"MY_PROXY_KEY": KEYS["env"]}).chosen_step
    assert step.secret == Secret("${MY_PROXY_KEY}")
    assert step.warning == 'pi v0.58.3 sends "${MY_PROXY_KEY}" literally; newer pi (about 0.75+) reads it as the variable MY_PROXY_KEY (set)'


def test_command_would_run_and_the_walk_names_the_fallback():
    # Without --allow-exec nothing runs; a failing command gives undefined and pi moves on, so the
    # walk names the step pi would use then.
    runner = FakeRunner()
    result = run("pi", "openai", configs=[models_json("!op read op://vault/openai", "openai")], runner=runner)
    step = result.chosen_step
    assert (step.result, step.command, step.tentative) == ("would-run", "op read op://vault/openai", True)
    assert result.fallback is None and runner.calls == []
    result = run("pi", "openai", configs=[models_json("!op read op://vault/openai", "openai")], env={"OPENAI_API_KEY": KEYS["env"]})
    assert chosen(result)[0] == "env"  # the env var comes first; the command is never reached


def test_auth_json_command_runs_only_with_allow_exec(tmp_path):
    auth = auth_file(tmp_path, "pi", {"openai": {"type": "api_key", "key": "!security find-generic-password -w -s openai"}})
    result = run("pi", "openai", auth=auth, env={"OPENAI_API_KEY": KEYS["env"]})
    assert result.chosen_step.result == "would-run"
    assert result.fallback_step.checked == "OPENAI_API_KEY"
    runner = FakeRunner({"security find-generic-password -w -s openai": (True, "  " + KEYS["auth"] + "\n")})
    result = run("pi", "openai", auth=auth, env={"OPENAI_API_KEY": KEYS["env"]}, allow_exec=True, runner=runner)
    assert (result.chosen_step.result, result.secret) == ("ran", Secret(KEYS["auth"]))  # output trimmed
    assert runner.calls[0].shell == "security find-generic-password -w -s openai"  # pi runs it with a shell
    assert result.fallback is None


def test_a_failing_command_falls_through_to_the_next_source(tmp_path):
    auth = auth_file(tmp_path, "pi", {"openai": {"type": "api_key", "key": "!false"}})
    result = run("pi", "openai", auth=auth, env={"OPENAI_API_KEY": KEYS["env"]}, allow_exec=True, runner=FakeRunner())
    assert by_checked(result, 'auth.json openai.key = "!false"').result == "failed"
    assert chosen(result) == ("env", "OPENAI_API_KEY")


def test_a_real_command_through_the_default_runner(tmp_path):
    # The one test that spawns a shell on purpose: a harmless printf.
    auth = auth_file(tmp_path, "pi", {"openai": {"type": "api_key", "key": "!printf 'sk-proj-SHELLffffffffffffffffffff6666\\n'"}})
    result = run("pi", "openai", auth=auth, allow_exec=True)
    assert result.secret == Secret("sk-proj-SHELLffffffffffffffffffff6666")


def test_expired_oauth_token_is_tentative(tmp_path):
    auth = auth_file(tmp_path, "pi", {"anthropic": {"type": "oauth", "access": KEYS["oauth"], "refresh": "r", "expires": 1000}})
    result = run("pi", "anthropic", auth=auth, env={"ANTHROPIC_API_KEY": KEYS["env"]}, now_ms=2000)
    assert result.chosen_step.step == "auth-file-oauth" and result.chosen_step.tentative
    assert result.fallback_step.checked == "ANTHROPIC_API_KEY"


def test_oauth_entry_for_a_provider_without_oauth_login_is_ignored(tmp_path):
    auth = auth_file(tmp_path, "pi", {"groq": {"type": "oauth", "access": KEYS["oauth"], "refresh": "r", "expires": 1}})
    result = run("pi", "groq", auth=auth)
    assert [(s.step, s.result) for s in result.steps][1:3] == [("auth-file", "unset"), ("auth-file-oauth", "invalid")]
    assert result.steps[2].detail == "pi has no OAuth login for groq; it ignores this entry"
    assert result.chosen is None


def test_special_cases_before_the_env_map():
    # reference/pi.md "Env-var keys": anthropic reads ANTHROPIC_OAUTH_TOKEN first; github-copilot three tokens.
    result = run("pi", "anthropic", env={"ANTHROPIC_OAUTH_TOKEN": KEYS["oauth"], "ANTHROPIC_API_KEY": KEYS["env"]})
    assert chosen(result) == ("env", "ANTHROPIC_OAUTH_TOKEN")
    result = run("pi", "github-copilot", env={"GITHUB_TOKEN": "ghp_" + "a" * 36})
    assert [c for c, _ in results(result)][3:6] == ["COPILOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"]
    assert chosen(result) == ("env", "GITHUB_TOKEN")


def test_custom_provider_has_only_auth_file_and_models_json():
    result = run("pi", "my-proxy", configs=[models_json("MY_PROXY_KEY", "my-proxy")], env={"MY_PROXY_KEY": KEYS["env"]})
    assert not result.known_provider
    assert [s.step for s in result.steps] == ["cli", "auth-file", "auth-file-oauth", "config"]
    assert result.secret == Secret(KEYS["env"])


def test_pi_has_no_alias_for_provider_ids():
    assert not run("pi", "bedrock").known_provider
