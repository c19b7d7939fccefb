"""zot's credential walk. Facts: reference/zot.md, "Credential resolution order"
(`resolveCredentialFull`), "Env vars and stored location per provider", "Env-var name for a
provider id" and "auth.json"."""

from __future__ import annotations

import itertools

import pytest
from credhelp import FakeRunner, auth_file, by_checked, chosen, config, results, run

from modelconf.credentials import Secret
from modelconf.secrets import fingerprint

KEYS = {
    "cli": "sk-proj-CLIaaaaaaaaaaaaaaaaaaaaaa1111",
    "env": "sk-proj-ENVbbbbbbbbbbbbbbbbbbbbbb2222",
    "additional": "sk-proj-ADDcccccccccccccccccccccc3333",
    "top": "sk-proj-TOPdddddddddddddddddddddd4444",
}
ORDER = ["cli", "env", "additional", "top"]


@pytest.mark.parametrize("present", [c for n in range(len(ORDER) + 1) for c in itertools.combinations(ORDER, n)])
def test_openai_matrix_first_present_source_wins(tmp_path, present):
    # reference/zot.md "Credential resolution order": --api-key, provider env vars, generic
    # <ID>_API_KEY (OPENAI_API_KEY for openai), auth.json additional_api_key_creds before the top-level field.
    env = {"OPENAI_API_KEY": KEYS["env"]} if "env" in present else {}
    data: dict = {}
    if "additional" in present:
        data["additional_api_key_creds"] = {"openai": {"api_key": KEYS["additional"]}}
    if "top" in present:
        data["openai"] = {"api_key": KEYS["top"]}
    auth = auth_file(tmp_path, "zot", data)
    result = run("zot", "openai", env=env, auth=auth, cli_key=KEYS["cli"] if "cli" in present else None)
    expected = next((s for s in ORDER if s in present), None)
    if expected is None:
        assert result.chosen is None
        assert result.reason == "no source holds a credential"
        return
    assert result.chosen_step.fingerprint == fingerprint(KEYS[expected])
    assert result.secret == Secret(KEYS[expected])
    labels = {
        "cli": ("cli", "CLI key"),
        "env": ("env", "OPENAI_API_KEY"),
        "additional": ("auth-file", "auth.json additional_api_key_creds.openai.api_key"),
        "top": ("auth-file", "auth.json openai.api_key"),
    }
    assert chosen(result) == labels[expected]
    # Every later step is not reached, but a value there is still fingerprinted (shadowed).
    for step in result.steps[result.chosen + 1 :]:
        assert step.result == "not-reached"


def test_env_beats_auth_file(tmp_path):
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": KEYS["top"]}})
    result = run("zot", "openai", env={"OPENAI_API_KEY": KEYS["env"]}, auth=auth)
    assert chosen(result) == ("env", "OPENAI_API_KEY")
    shadowed = by_checked(result, "auth.json openai.api_key")
    assert (shadowed.result, shadowed.fingerprint) == ("not-reached", fingerprint(KEYS["top"]))
    assert shadowed.detail.startswith("shadowed")


def test_additional_entry_is_read_before_the_top_level_field(tmp_path):
    # reference/zot.md: "AdditionalAPIKeyCreds[provider] **first**, then the top-level field".
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": KEYS["top"]}, "additional_api_key_creds": {"openai": {"api_key": KEYS["additional"]}}})
    result = run("zot", "openai", auth=auth)
    assert [c for c, _ in results(result)] == [
        "CLI key", "OPENAI_API_KEY", "auth.json additional_api_key_creds.openai.api_key", "auth.json openai.api_key",
    ]
    assert chosen(result) == ("auth-file", "auth.json additional_api_key_creds.openai.api_key")


def test_empty_api_key_is_skipped(tmp_path):
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": KEYS["top"]}, "additional_api_key_creds": {"openai": {"api_key": ""}}})
    result = run("zot", "openai", auth=auth)
    assert by_checked(result, "auth.json additional_api_key_creds.openai.api_key").result == "empty"
    assert chosen(result) == ("auth-file", "auth.json openai.api_key")


def test_github_copilot_uses_the_underscore_field(tmp_path):
    # reference/zot.md "auth.json": github-copilot maps to the top-level field github_copilot.
    auth = auth_file(tmp_path, "zot", {"github_copilot": {"api_key": KEYS["top"]}})
    result = run("zot", "copilot", auth=auth)
    assert result.provider == "github-copilot"
    assert chosen(result) == ("auth-file", "auth.json github_copilot.api_key")


def test_api_key_command_would_run_without_allow_exec(tmp_path):
    auth = auth_file(tmp_path, "zot", {"additional_api_key_creds": {"groq": {"api_key_command": {"program": "pass", "args": ["show", "groq"]}}}})
    runner = FakeRunner()
    result = run("zot", "groq", auth=auth, runner=runner)
    step = result.chosen_step
    assert (step.result, step.command, step.fingerprint) == ("would-run", "pass show groq", None)
    assert runner.calls == []  # nothing runs without allow_exec


def test_api_key_command_runs_with_allow_exec(tmp_path):
    auth = auth_file(tmp_path, "zot", {"additional_api_key_creds": {"groq": {"api_key_command": {"program": "pass", "args": ["show", "groq"], "timeout_ms": 5000}}}})
    runner = FakeRunner({"pass show groq": (True, "gsk_RANeeeeeeeeeeeeeeeeeeeeeeee5555\n")})
    result = run("zot", "groq", auth=auth, runner=runner, allow_exec=True)
    assert result.chosen_step.result == "ran"
    assert result.secret == Secret("gsk_RANeeeeeeeeeeeeeeeeeeeeeeee5555")  # trailing newline trimmed
    assert [c.argv for c in runner.calls] == [("pass", "show", "groq")]
    assert runner.calls[0].shell is None and runner.calls[0].timeout == 5.0  # no shell; timeout_ms honoured


def test_a_real_command_runs_without_a_shell(tmp_path):
    # The default runner, as zot does it: the program with its arguments, no shell, so `$HOME`
    # stays as written. A harmless printf.
    key = "gsk_ARGVhhhhhhhhhhhhhhhhhhhhhh$HOME"
    auth = auth_file(tmp_path, "zot", {"additional_api_key_creds": {"groq": {"api_key_command": {"program": "printf", "args": ["%s\\n", key]}}}})
    result = run("zot", "groq", auth=auth, allow_exec=True)
    assert (result.chosen_step.result, result.secret) == ("ran", Secret(key))


@pytest.mark.parametrize(
    ("answer", "why"),
    [((False, ""), "exited with status 1"), ((True, "\n"), "printed nothing"), ((True, "a\nb\n"), "printed more than one line")],
)
def test_a_failing_command_fails_the_request_instead_of_falling_through(tmp_path, answer, why):
    # zot picks the command without running it (placeholder "<api-key-command>"), so a failure
    # surfaces as the request's error; the top-level key is not tried.
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": KEYS["top"]}, "additional_api_key_creds": {"openai": {"api_key_command": {"program": "get-key"}}}})
    result = run("zot", "openai", auth=auth, runner=FakeRunner({"get-key": answer}), allow_exec=True)
    assert result.chosen is None
    assert why in result.reason
    assert by_checked(result, "auth.json openai.api_key").result == "not-reached"


def test_derived_variable_for_a_custom_provider(tmp_path):
    # reference/zot.md: build_test.go uses MY_COMPANY_API_KEY for provider my-company.
    models = config('{"providers": {"my-company": {"baseUrl": "https://llm.example/v1", "models": [{"id": "m"}]}}}', "models.json", "zot")
    result = run("zot", "my-company", env={"MY_COMPANY_API_KEY": KEYS["env"]}, configs=[models])
    assert not result.known_provider
    assert chosen(result) == ("env", "MY_COMPANY_API_KEY")
    assert result.steps[1].step == "derived-env"


def test_custom_provider_with_base_url_falls_back_to_ollama(tmp_path):
    # reference/zot.md: a custom model with a baseUrl and no credential gets "ollama" (optional).
    models = config('{"providers": {"my-company": {"baseUrl": "https://llm.example/v1", "models": [{"id": "m"}]}}}', "models.json", "zot")
    result = run("zot", "my-company", configs=[models])
    assert chosen(result) == ("default", 'the literal "ollama"')


@pytest.mark.parametrize(
    ("provider", "variable", "exportable"),
    [("llama.cpp", "LLAMA.CPP_API_KEY", False), ("a--b", "A__B_API_KEY", True), ("1min", "1MIN_API_KEY", False), ("my.proxy", "MY.PROXY_API_KEY", False)],
)
def test_derived_variable_edge_cases(provider, variable, exportable):
    # reference/zot.md "Env-var name for a provider id": only `-` becomes `_`; dots and leading digits stay.
    result = run("zot", provider)
    step = next(s for s in result.steps if s.step == "derived-env")
    assert step.checked == variable
    if exportable:
        assert step.warning is None
    else:
        assert step.warning == f"{variable} is not a name a shell can `export`; only `env '{variable}=…' zot` (or a program) can set it"


def test_llama_cpp_reads_its_own_variable_first_then_the_derived_one_then_local():
    result = run("zot", "llamacpp", env={"LLAMA.CPP_API_KEY": KEYS["env"]})
    assert [c for c, _ in results(result)][:3] == ["CLI key", "LLAMA_API_KEY", "LLAMA.CPP_API_KEY"]
    assert chosen(result) == ("env", "LLAMA.CPP_API_KEY")
    assert chosen(run("zot", "llama.cpp")) == ("default", 'the literal "local"')


def test_ollama_without_a_key_sends_ollama():
    assert chosen(run("zot", "ollama")) == ("default", 'the literal "ollama"')
    assert chosen(run("zot", "ollama", cli_key="x" * 20)) == ("cli", "CLI key")


def test_anthropic_oauth_token_variable_wins_over_the_api_key():
    result = run("zot", "anthropic", env={"ANTHROPIC_OAUTH_TOKEN": "sk-ant-oat01-" + "f" * 30, "ANTHROPIC_API_KEY": KEYS["env"]})
    assert chosen(result) == ("env", "ANTHROPIC_OAUTH_TOKEN")
    assert result.chosen_step.detail == "used as an OAuth token"


def test_google_reads_gemini_then_google_api_key():
    result = run("zot", "gemini", env={"GOOGLE_API_KEY": "AIza" + "g" * 35})
    assert [c for c, _ in results(result)][1:3] == ["GEMINI_API_KEY", "GOOGLE_API_KEY"]
    assert chosen(result) == ("env", "GOOGLE_API_KEY")


def test_openai_codex_ignores_openai_api_key_and_uses_the_openai_oauth_token(tmp_path):
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": KEYS["top"], "oauth": {"access_token": "eyJ" + "h" * 40, "refresh_token": "r"}}})
    result = run("zot", "codex", env={"OPENAI_API_KEY": KEYS["env"]}, auth=auth)
    checked = [c for c, _ in results(result)]
    assert "OPENAI_API_KEY" not in checked and "OPENAI_CODEX_API_KEY" in checked
    assert chosen(result) == ("oauth", "auth.json openai.oauth")


def test_kimi_falls_back_to_the_kimi_cli_file_unless_disabled(tmp_path):
    auth = auth_file(tmp_path, "zot", {})
    home = str(tmp_path / "home")
    cli_file = home + "/.kimi/credentials/kimi-code.json"
    result = run("zot", "kimi", auth=auth, home=home, exists=lambda p: p == cli_file)
    assert chosen(result) == ("oauth", "~/.kimi/credentials/kimi-code.json")
    disabled = str(tmp_path / "kimi-cli-fallback-disabled")
    result = run("zot", "kimi", auth=auth, home=home, exists=lambda p: p in (cli_file, disabled))
    assert result.chosen is None
    assert by_checked(result, "~/.kimi/credentials/kimi-code.json").detail == f"disabled: {disabled} exists"


def test_no_auth_file_is_a_missing_step():
    result = run("zot", "openai")
    assert results(result) == [("CLI key", "unset"), ("OPENAI_API_KEY", "unset"), ("auth.json", "missing")]
    assert result.chosen is None


def test_models_json_has_no_credential_step(tmp_path):
    # reference/zot.md: models.json holds no credentials; an apiKey there is never read.
    models = config('{"providers": {"openai": {"apiKey": "sk-proj-CONFIGiiiiiiiiiiiiiiiiiiiii9999", "models": []}}}', "models.json", "zot")
    result = run("zot", "openai", configs=[models])
    assert result.chosen is None
    assert all(s.source != "config" for s in result.steps)
