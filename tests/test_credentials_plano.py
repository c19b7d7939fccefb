"""Plano's credential walk. Facts: reference/plano.md, "CLI" (the missing-key check of
`planoai up`: `.env` beside the config instead of the environment, only a leading `$` stripped)
and "$ENV_VAR resolution"; `passthrough_auth` from the `model_providers` table."""

from __future__ import annotations

from credhelp import by_checked, chosen, config, results, run

from modelconf.credentials import Secret, parse_dotenv

KEY = "sk-proj-PLANOaaaaaaaaaaaaaaaaaaaaa1111"
CONFIG = """\
version: v0.4.0
model_providers:
  - model: openai/gpt-4o
    access_key: $OPENAI_API_KEY
  - model: anthropic/*
    access_key: ${ANTHROPIC_API_KEY}
  - model: groq/llama-3.3-70b
    passthrough_auth: true
    access_key: $GROQ_API_KEY
  - model: mistral/mistral-large
    access_key: sk-proj-LITERALbbbbbbbbbbbbbbbbbbb2222
  - model: deepseek/deepseek-chat
"""


def plano(text: str = CONFIG):
    return config(text, "plano_config.yaml", "plano")


def test_dollar_reference_found_in_the_environment():
    result = run("plano", "openai", "gpt-4o", env={"OPENAI_API_KEY": KEY}, configs=[plano()])
    assert results(result) == [
        ("plano_config.yaml model_providers[0].passthrough_auth", "unset"),
        ('plano_config.yaml model_providers[0].access_key = "$OPENAI_API_KEY"', "present"),
        ("OPENAI_API_KEY in the environment (planoai up's missing-key check)", "set"),
    ]
    assert result.secret == Secret(KEY)
    assert result.steps[2].ref == {"source": "env", "name": "OPENAI_API_KEY"}


def test_unset_reference_stops_planoai_up():
    result = run("plano", "openai", "gpt-4o", configs=[plano()])
    assert result.chosen is None
    assert result.reason == "OPENAI_API_KEY is not set in the environment: planoai up stops with '✗ Missing API keys!'"


def test_dotenv_beside_the_config_is_read_instead_of_the_environment():
    dotenv = parse_dotenv(f"# keys\nexport OPENAI_API_KEY='{KEY}'\n", "/srv/plano/.env")
    result = run("plano", "openai", "gpt-4o", env={"OPENAI_API_KEY": "sk-proj-ENVccccccccccccccccccccc3333"}, configs=[plano()], dotenv=dotenv)
    step = result.chosen_step
    assert (step.source, step.checked, step.secret) == ("dotenv", "OPENAI_API_KEY in /srv/plano/.env (planoai up's missing-key check)", Secret(KEY))
    assert step.ref == {"source": "dotenv", "name": "OPENAI_API_KEY", "file": "/srv/plano/.env"}


def test_set_only_in_the_environment_is_missing_when_a_dotenv_exists():
    dotenv = parse_dotenv("OTHER=1\n", "/srv/plano/.env")
    result = run("plano", "openai", "gpt-4o", env={"OPENAI_API_KEY": KEY}, configs=[plano()], dotenv=dotenv)
    assert result.chosen is None
    assert result.reason.endswith("(OPENAI_API_KEY is set in the environment, but planoai up reads only /srv/plano/.env when it exists)")


def test_braced_reference_is_checked_as_a_name_in_braces():
    # "${OPENAI_API_KEY} is checked as {OPENAI_API_KEY}": up stops even though the variable is set.
    result = run("plano", "anthropic", "claude-sonnet-4-6", env={"ANTHROPIC_API_KEY": KEY}, configs=[plano()])
    assert result.chosen is None
    lookup = result.steps[-1]
    assert lookup.checked == "{ANTHROPIC_API_KEY} in the environment (planoai up's missing-key check)"
    assert result.reason == (
        "planoai up strips only the leading $ and looks up {ANTHROPIC_API_KEY}, which no environment has: "
        "it stops with '✗ Missing API keys!'; write $ANTHROPIC_API_KEY (ANTHROPIC_API_KEY is set in the environment)"
    )


def test_wildcard_entry_serves_any_model_of_its_provider():
    result = run("plano", "anthropic", "claude-anything", env={}, configs=[plano()])
    assert result.steps[1].checked == 'plano_config.yaml model_providers[1].access_key = "${ANTHROPIC_API_KEY}"'


def test_literal_access_key_is_checked_as_a_variable_name():
    result = run("plano", "mistral", "mistral-large", configs=[plano()])
    assert result.chosen is None
    assert results(result)[1:] == [
        ("plano_config.yaml model_providers[3].access_key = (a literal)", "present"),
        ("the literal access_key in the environment (planoai up's missing-key check)", "unset"),
    ]
    assert "LITERAL" not in repr(result) and "bbbb" not in str(result.as_dict())


def test_passthrough_forwards_the_client_header():
    result = run("plano", "groq", "llama-3.3-70b", configs=[plano()])
    assert chosen(result) == ("cli", "plano_config.yaml model_providers[2].passthrough_auth")
    assert result.chosen_step.detail == (
        "the client's Authorization / x-api-key header is forwarded; the access_key is ignored (Plano warns about both being set)"
    )


def test_entry_without_a_key_sends_none():
    result = run("plano", "deepseek", "deepseek-chat", configs=[plano()])
    assert result.chosen is None
    assert result.reason == "no access_key and no passthrough_auth: requests go upstream without a key"


def test_no_entry_and_no_config():
    assert run("plano", "xai", "grok-4", configs=[plano()]).reason == "no model_providers entry serves xai/grok-4"
    assert run("plano", "openai", "gpt-4o").reason == "no config given (--config): Plano takes keys only from access_key"


def test_deprecated_llm_providers_name():
    legacy = plano("version: v0.1.0\nllm_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n")
    assert by_checked(run("plano", "openai", "gpt-4o", env={"OPENAI_API_KEY": KEY}, configs=[legacy]), "OPENAI_API_KEY in the environment (planoai up's missing-key check)").result == "set"
