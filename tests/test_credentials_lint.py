"""K rules: codes, severities, positions at the exact value, secrets only as fingerprints."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from modelconf import dialects
from modelconf.cli import app
from modelconf.credentials import credential_diagnostics
from modelconf.document import read_bytes
from modelconf.lint import LintOptions, lint_bytes
from modelconf.secrets import fingerprint

KEY = "sk-proj-LINTaaaaaaaaaaaaaaaaaaaaaaa1111"


def check(text: str, name: str, dialect: str, env: dict | None = None) -> list[tuple[str, str, int, int, str]]:
    document = read_bytes(text.encode(), name).document
    assert document is not None
    found = credential_diagnostics(document, dialect, env)
    return [(d.code, d.severity.label, d.span.start.line, d.span.start.column, d.message) for d in found]


# -- K001 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dialect", "text", "name", "severity", "where"),
    [
        ("pi", '{"providers": {"openai": {"apiKey": "%s"}}}' % KEY, "models.json", "warning", (1, 37)),
        ("zot", '{"providers": {"openai": {\n  "apiKey": "%s"}}}' % KEY, "models.json", "error", (2, 13)),
        ("openclaw", '{models: {providers: {x: {apiKey: "%s"}}}}' % KEY, "mayros.json5", "warning", (1, 35)),
        ("plano", "model_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n    headers:\n      x-org-key: %s\n" % KEY, "plano_config.yaml", "warning", (5, 18)),
    ],
)
def test_literal_secret_is_reported_at_the_value_with_a_fingerprint(dialect, text, name, severity, where):
    document = read_bytes(text.encode(), name).document
    found = [d for d in credential_diagnostics(document, dialect, None) if d.code == "K001"]
    assert [(d.severity.label, (d.span.start.line, d.span.start.column)) for d in found] == [(severity, where)]
    assert fingerprint(KEY) in found[0].message and KEY not in found[0].message and KEY not in (found[0].hint or "")
    assert KEY in document.secret_values  # code frames mask it


def test_a_key_inside_a_command_is_a_literal_secret():
    found = check('{"providers": {"x": {"apiKey": "!printf \'%s\'"}}}' % KEY, "models.json", "pi")
    assert found == [("K001", "warning", 1, 32, f"a literal key ({fingerprint(KEY)}) at providers.x.apiKey (inside a command) in a config file")]


def test_references_and_names_are_not_secrets():
    text = '{"providers": {"a": {"apiKey": "OPENAI_API_KEY"}, "b": {"apiKey": "!op read op://v/k"}, "c": {"baseUrl": "https://x/v1"}}}'
    assert [c for c in check(text, "models.json", "pi") if c[0] == "K001"] == []


# -- K002 -------------------------------------------------------------------------------------


def test_openclaw_unset_reference_is_an_error_at_the_reference():
    # reference/openclaw.md "${ENV_VAR} substitution": MissingEnvVarError, loadConfig() returns {}.
    text = '{\n  models: {providers: {together: {baseUrl: "x", apiKey: "Bearer ${TOGETHER_KEY}", models: []}}},\n  env: {vars: {SET_IN_BLOCK: "1"}},\n  gateway: {url: "${SET_IN_BLOCK}", escaped: "$${NOT_A_REF}", empty: "${EMPTY}"},\n}'
    found = check(text, "mayros.json5", "openclaw", {"EMPTY": ""})
    assert found == [
        ("K002", "error", 2, 65, 'TOGETHER_KEY is not set: OpenClaw/Mayros fails with `Missing env var "TOGETHER_KEY" referenced at config path: models.providers.together.apiKey` and loads the whole config as {} (no providers, no settings)'),
        ("K002", "error", 4, 71, 'EMPTY is empty: OpenClaw/Mayros fails with `Missing env var "EMPTY" referenced at config path: gateway.empty` and loads the whole config as {} (no providers, no settings)'),
    ]


def test_env_checks_are_skipped_without_an_environment():
    assert check('{models: {providers: {x: {apiKey: "${NOPE}"}}}}', "mayros.json5", "openclaw", None) == []
    assert check('{"providers": {"x": {"apiKey": "NOPE_KEY"}}}', "models.json", "pi", None) == []


def test_plano_unset_reference_is_a_warning(tmp_path):
    text = "model_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n"
    assert check(text, "plano_config.yaml", "plano", {}) == [
        ("K002", "warning", 3, 17, "OPENAI_API_KEY is not set in the environment: planoai up stops with `✗ Missing API keys!`"),
    ]
    assert check(text, "plano_config.yaml", "plano", {"OPENAI_API_KEY": KEY}) == []


def test_plano_reads_the_dotenv_beside_the_config_instead(tmp_path):
    config = tmp_path / "plano_config.yaml"
    config.write_text("model_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n")
    (tmp_path / ".env").write_text("OTHER=1\n")
    document = read_bytes(config.read_bytes(), str(config)).document
    [finding] = credential_diagnostics(document, "plano", {"OPENAI_API_KEY": KEY})
    assert finding.message == (
        f"OPENAI_API_KEY is not set in the .env beside the config ({tmp_path / '.env'}): planoai up stops with `✗ Missing API keys!` "
        "(OPENAI_API_KEY is set in the environment, but planoai up reads only that .env when it exists)"
    )
    (tmp_path / ".env").write_text(f"OPENAI_API_KEY={KEY}\n")
    assert credential_diagnostics(document, "plano", {}) == []


# -- K003 / K004 ------------------------------------------------------------------------------


def test_pi_unset_env_name_in_api_key_and_headers():
    text = '{"providers": {"x": {"apiKey": "X_API_KEY", "headers": {"X-Org": "ORG_ID"}, "models": [{"id": "m", "headers": {"X-T": "SET_ONE"}}]}}}'
    assert check(text, "models.json", "pi", {"SET_ONE": "1"}) == [
        ("K003", "warning", 1, 32, 'X_API_KEY is not set, so pi sends the text "X_API_KEY" as the key'),
        ("K003", "warning", 1, 66, 'ORG_ID is not set, so pi sends the text "ORG_ID" as the X-Org header'),
    ]


def test_pi_auth_json_key_naming_an_unset_variable():
    text = '{"anthropic": {"type": "api_key", "key": "ANTHROPIC_KEY"}}'
    assert check(text, "auth.json", "pi-auth", {}) == [
        ("K003", "warning", 1, 42, 'ANTHROPIC_KEY is not set, so pi sends the text "ANTHROPIC_KEY" as the key'),
    ]


def test_pi_dollar_reference():
    assert check('{"providers": {"x": {"apiKey": "${X_KEY}"}}}', "models.json", "openclaw-models", {"X_KEY": "v"}) == [
        ("K004", "warning", 1, 32, 'pi v0.58.3 sends "${X_KEY}" literally as the key; only newer pi (about 0.75+) reads it as the variable X_KEY (X_KEY is set)'),
    ]


# -- Plano: no double reports with the dialect ------------------------------------------------


def test_plano_keys_are_reported_once(tmp_path, monkeypatch):
    # `${VAR}` and literal access keys are the Plano dialect's (C450, C451); unset `$VAR` names,
    # access keys and Authorization tokens alike, are K002 (reference/plano.md "CLI").
    monkeypatch.delenv("UNSET_TOKEN", raising=False)
    monkeypatch.delenv("UNSET_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plano_config.yaml").write_text(
        "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\nmodel_providers:\n"
        "  - model: openai/gpt-4o\n    access_key: ${OPENAI_API_KEY}\n"
        f"  - model: mistral/mistral-large\n    access_key: {KEY}\n"
        "  - model: groq/llama\n    access_key: $UNSET_KEY\n"
        "prompt_targets:\n  - name: t\n    description: d\n    endpoint:\n      name: e\n"
        "      http_headers:\n        Authorization: Bearer $UNSET_TOKEN\n"
        "endpoints:\n  e:\n    endpoint: localhost:80\n"
    )
    result = CliRunner().invoke(app, ["lint", "plano_config.yaml", "-f", "json"])
    found = [(d["code"], d["start"]["line"], d["start"]["column"]) for d in json.loads(result.output)["diagnostics"] if d["code"][0] in "CK"]
    assert ("C450", 8, 17) in found and ("C451", 10, 17) in found
    assert [f for f in found if f[0].startswith("K")] == [("K002", 12, 17), ("K002", 19, 31)]
    assert KEY not in result.output


# -- zot K006 ---------------------------------------------------------------------------------


def test_zot_custom_provider_whose_variable_no_shell_can_export():
    # reference/zot.md "Env-var name for a provider id": dots are kept (my.proxy -> MY.PROXY_API_KEY).
    # A key with only models is not registered as a custom provider, so no variable is derived for it.
    text = '{"providers": {\n  "my.proxy": {"baseUrl": "https://p/v1"},\n  "my-proxy": {"baseUrl": "https://p/v1"},\n  "llama.cpp": {"baseUrl": "http://localhost:8080"},\n  "only.models": {"models": [{"id": "m"}]},\n  "model.url": {"models": [{"id": "m", "baseUrl": "https://q/v1"}]}\n}}'
    assert check(text, "models.json", "zot") == [
        ("K006", "warning", 2, 3, "zot reads this provider's key from MY.PROXY_API_KEY, a name no shell can export"),
        ("K006", "warning", 6, 3, "zot reads this provider's key from MODEL.URL_API_KEY, a name no shell can export"),
    ]
    assert check(text.replace('"model.url"', '"x"'), "models.json", "zot") == [
        ("K006", "warning", 2, 3, "zot reads this provider's key from MY.PROXY_API_KEY, a name no shell can export"),
    ]


# -- wiring -----------------------------------------------------------------------------------


@pytest.fixture
def stub_pi(monkeypatch):
    monkeypatch.setitem(dialects._DIALECT_MODULES, "pi", "stub_pi_dialect")


def test_lint_document_runs_the_k_checks_after_the_dialect(stub_pi):
    data = json.dumps({"providers": {"openai": {"apiKey": "OPENAI_KEY_TYPO"}, "x": {"apiKey": KEY}}}).encode()
    result = lint_bytes(data, "models.json", LintOptions(dialect="pi", env={}))
    assert [(d.code, d.span.start.column) for d in result.diagnostics] == [("K003", 37), ("K001", 73)]
    assert KEY in result.document.secret_values
    result = lint_bytes(data, "models.json", LintOptions(dialect="pi"))  # no env: K003 skipped
    assert [d.code for d in result.diagnostics] == ["K001"]


def test_cli_lint_passes_the_environment(stub_pi, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OPENAI_KEY_TYPO", raising=False)
    (tmp_path / "models.json").write_text(json.dumps({"providers": {"openai": {"apiKey": "OPENAI_KEY_TYPO"}}}))
    result = CliRunner().invoke(app, ["lint", "models.json", "--dialect", "pi", "-f", "concise"])
    assert result.output.splitlines()[0] == 'models.json:1:37: K003 OPENAI_KEY_TYPO is not set, so pi sends the text "OPENAI_KEY_TYPO" as the key'
    monkeypatch.setenv("OPENAI_KEY_TYPO", "sk-set")
    result = CliRunner().invoke(app, ["lint", "models.json", "--dialect", "pi", "-f", "concise"])
    assert "K003" not in result.output


def test_lint_an_auth_file_explicitly(tmp_path, monkeypatch):
    # K005 plus the auth file's schema, recognised by its path (~/.pi/agent/auth.json).
    monkeypatch.chdir(tmp_path)
    path = tmp_path / ".pi" / "agent" / "auth.json"
    path.parent.mkdir(parents=True)
    path.write_text('{\n  "openai": {"type": "api_key", "key": "%s"},\n  "groq": "%s"\n}\n' % (KEY, KEY))
    path.chmod(0o644)
    result = CliRunner().invoke(app, ["lint", str(path), "-f", "concise"])
    lines = result.output.splitlines()
    assert lines[:2] == [
        f"{path}:1:1: K005 this auth file holds keys and its mode 0644 lets its group and every user access it",
        f"{path}:3:11: S001 `groq` must be an object, not a string (a secret-looking string ({fingerprint(KEY)}))",
    ]
    assert result.exit_code == 1
    os.chmod(path, 0o600)
    assert "K005" not in CliRunner().invoke(app, ["lint", str(path), "-f", "concise"]).output


def test_auth_dialects_are_not_picked_up_when_expanding_directories(tmp_path):
    from modelconf.lint import expand_paths

    (tmp_path / ".pi" / "agent").mkdir(parents=True)
    (tmp_path / ".pi" / "agent" / "auth.json").write_text("{}")
    (tmp_path / "auth-profiles.json").write_text("{}")
    assert expand_paths([tmp_path]) == []


@pytest.mark.parametrize(
    ("name", "value", "dialect"),
    [
        ("auth.json", {"openai": {"type": "api_key", "key": "k"}}, "pi-auth"),
        ("auth.json", {"additional_api_key_creds": {"groq": {"api_key": "k"}}}, "zot-auth"),
        ("auth.json", {"openai": {"api_key": "k"}}, "zot-auth"),
        ("store.json", {"version": 1, "profiles": {"a:b": {"type": "api_key", "provider": "a", "key": "k"}}}, "openclaw-auth"),
    ],
)
def test_auth_files_are_recognised_by_shape(name, value, dialect):
    document = read_bytes(json.dumps(value).encode(), name).document
    assert dialects.detect(document).dialect.name == dialect


def test_every_k_rule_is_documented():
    from modelconf.rules import all_rules

    k_rules = [r for r in all_rules() if r.code.startswith("K")]
    assert [r.code for r in k_rules] == [f"K00{i}" for i in range(1, 8)]
    assert all(r.name and r.summary and len(r.explanation) > 100 and r.example for r in k_rules)


def test_rules_command_lists_the_k_family():
    output = CliRunner().invoke(app, ["rules"]).output
    assert "K001   literal-secret" in output and "K007   dotenv-line" in output
