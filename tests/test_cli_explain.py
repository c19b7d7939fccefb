"""`modelconf explain` end to end: text and JSON, exit codes, stdin key, env file, --allow-exec."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs
import pytest
from typer.testing import CliRunner

from modelconf._resources import data_dir
from modelconf.cli import app
from modelconf.secrets import fingerprint

ENV_KEY = "sk-proj-EXPLAINENVaaaaaaaaaaaaaaaaa1111"
AUTH_KEY = "sk-proj-EXPLAINAUTHbbbbbbbbbbbbbbbb2222"
runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean HOME and working directory; the test's environment comes from --env-file."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.env").write_text("")
    return tmp_path


def explain(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["explain", *args], input=input, catch_exceptions=False)
    return result.exit_code, result.output


def write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)
    return path


def validate(report: dict) -> None:
    schema = json.loads((data_dir("schemas") / "explain.schema.json").read_text())
    assert list(jsonschema_rs.validator_for(schema).iter_errors(report)) == []


def test_text_output_zot_env_beats_auth_file(home):
    write(home / "e.env", f"OPENAI_API_KEY={ENV_KEY}\n")
    auth = write(home / "zot" / "auth.json", json.dumps({"openai": {"api_key": AUTH_KEY}}))
    code, output = explain("openai/gpt-4.1", "--target", "zot", "--env-file", "e.env", "--auth-file", str(auth))
    assert code == 0
    text = output.replace(str(home), "<home>")
    assert text.splitlines()[0] == "openai/gpt-4.1 as zot sees it"
    walk = text[text.index("credentials for openai"):]
    assert walk == (
        "credentials for openai, in zot's order (e.env; auth file <home>/zot/auth.json (mode 0600)):\n"
        "     1  cli           CLI key                                    unset\n"
        "                      no key given on the command line\n"
        f"  >  2  provider-env  OPENAI_API_KEY                             set         {fingerprint(ENV_KEY)}\n"
        "     3  auth-file     auth.json additional_api_key_creds.openai  not-reached\n"
        f"     4  auth-file     auth.json openai.api_key                   not-reached {fingerprint(AUTH_KEY)}\n"
        "                      shadowed: set here, but an earlier step decided\n"
        "chosen: step 2 (env OPENAI_API_KEY)\n"
    )
    assert ENV_KEY not in output and AUTH_KEY not in output


def test_json_output_matches_its_schema(home):
    write(home / "e.env", f"OPENAI_API_KEY={ENV_KEY}\n")
    auth = write(home / "pi" / "auth.json", json.dumps({"openai": {"type": "api_key", "key": AUTH_KEY}}))
    code, output = explain("openai/gpt-4.1", "-t", "pi", "--env-file", "e.env", "--auth-file", str(auth), "-f", "json")
    report = json.loads(output)
    validate(report)
    # pi: auth.json beats the environment (reference/pi.md "auth.json").
    assert (code, report["credentials"]["chosen"], report["exit_code"]) == (0, 1, 0)
    chosen = report["credentials"]["steps"][1]
    assert (chosen["source"], chosen["fingerprint"], chosen["chosen"]) == ("auth-file", fingerprint(AUTH_KEY), True)
    assert chosen["location"] == {"file": str(auth), "line": 1, "column": 39, "pointer": "/openai/key"}
    assert report["sources"]["auth_file"] == {"path": str(auth), "exists": True, "mode": "0600", "default": False}
    assert report["model"]["fields"][0] == {"name": "name", "value": "GPT-4.1", "source": "catalog"}
    assert (report["model"]["key"], report["model"]["origin"], report["model"]["overrides"]) == ("openai/gpt-4.1", "catalog", [])
    assert ENV_KEY not in output and AUTH_KEY not in output


def test_exit_1_when_no_credential(home):
    code, output = explain("openai/gpt-4.1", "-t", "zot", "--env-file", "empty.env")
    assert code == 1
    assert output.splitlines()[-1] == "chosen: none: no source holds a credential"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["openai/gpt-4.1", "-t", "crush"], "unknown target 'crush'; choose from pi, zot, openclaw, plano"),
        (["openai/gpt-4.1"], "cannot tell which program reads these files; pass --target (pi, zot, openclaw, plano)"),
        (["/gpt-4.1", "-t", "zot"], "MODEL must be provider/model, not '/gpt-4.1'"),
        (["nonsense", "-t", "zot"], "MODEL must be provider/model (or an alias the config defines), not 'nonsense'"),
        (["openai/gpt-4.1", "-t", "zot", "--env-file", "missing.env"], "cannot read the env file missing.env"),
        (["openai/x", "-t", "openclaw", "--app-prefix", "CLAWD"], "unknown app prefix 'CLAWD'; use one of: MAYROS, OPENCLAW"),
    ],
)
def test_usage_errors_exit_2(home, args, message):
    result = runner.invoke(app, ["explain", *args])
    assert (result.exit_code, result.output) == (2, f"modelconf: error: {message}\n")


def test_unreadable_config_or_auth_file_exits_2_but_still_explains(home):
    code, output = explain("openai/gpt-4.1", "-t", "zot", "--env-file", "empty.env", "--config", "nope.json")
    assert code == 2 and "nope.json: P010 [error] no such file" in output
    code, output = explain("openai/gpt-4.1", "-t", "zot", "--env-file", "empty.env", "--auth-file", "nope.json")
    assert code == 2 and "nope.json: P010 [error] no such file" in output and "credentials for openai" in output


def test_malformed_auth_file_is_reported_with_a_position_and_other_sources_still_count(home):
    write(home / "e.env", f"OPENAI_API_KEY={ENV_KEY}\n")
    auth = write(home / "auth.json", '{"openai": {"type": "api_key", "key": "%s"}\n' % AUTH_KEY)
    code, output = explain("openai/gpt-4.1", "-t", "pi", "--env-file", "e.env", "--auth-file", str(auth), "-f", "json")
    report = json.loads(output)
    assert code == 0
    assert [(d["code"], d["line"], d["column"]) for d in report["diagnostics"]] == [("P001", 1, 1)]
    assert [s["result"] for s in report["credentials"]["steps"]] == ["unset", "invalid", "invalid", "set", "not-reached"]
    assert AUTH_KEY not in output


def test_api_key_from_stdin(home):
    code, output = explain("groq/llama-3.3-70b-versatile", "-t", "zot", "--env-file", "empty.env", "--api-key-stdin", "-f", "json", input="gsk_STDINcccccccccccccccccccccccc3333\n")
    report = json.loads(output)
    assert report["credentials"]["steps"][0]["fingerprint"] == fingerprint("gsk_STDINcccccccccccccccccccccccc3333")
    assert "STDIN" not in output
    result = runner.invoke(app, ["explain", "groq/x", "-t", "zot", "--api-key-stdin"], input="\n")
    assert (result.exit_code, result.output) == (2, "modelconf: error: --api-key-stdin: stdin gave an empty line\n")


def test_commands_run_only_with_allow_exec(home):
    models = write(home / "models.json", json.dumps({"providers": {"local": {"baseUrl": "http://localhost:8000/v1", "api": "openai-completions", "apiKey": "!printf 'sk-proj-EXECddddddddddddddddddddd4444'", "models": [{"id": "m"}]}}}))
    code, output = explain("local/m", "-t", "pi", "--env-file", "empty.env", "--config", str(models))
    assert code == 0
    # The command is shown (a key inside it masked); nothing ran.
    assert "would run `printf 'sk-proj-" + "*" * 25 + "4444'`" in output
    assert "pass --allow-exec to run it" in output
    code, output = explain("local/m", "-t", "pi", "--env-file", "empty.env", "--config", str(models), "--allow-exec", "-f", "json")
    step = json.loads(output)["credentials"]["steps"][-1]
    assert (step["result"], step["fingerprint"]) == ("ran", fingerprint("sk-proj-EXECddddddddddddddddddddd4444"))
    assert "EXECdddd" not in output


def test_pi_custom_model_shows_the_config_entry_and_defaults(home):
    models = write(home / "models.json", '{"providers": {"local": {\n  "baseUrl": "http://localhost:8000/v1",\n  "api": "openai-completions",\n  "apiKey": "LOCAL_KEY",\n  "models": [{"id": "m", "contextWindow": 32000}]}}}\n')
    code, output = explain("local/m", "-t", "pi", "--env-file", "empty.env", "--config", str(models), "-f", "json")
    report = json.loads(output)
    validate(report)
    assert report["model"]["entry"] == {"file": str(models), "line": 5, "column": 14, "pointer": "/providers/local/models/0"}
    assert (report["model"]["origin"], report["model"]["in_builtin_catalog"]) == ("user", False)
    fields = {f["name"]: (f["value"], f["source"]) for f in report["model"]["fields"]}
    assert fields["context_window"] == (32000, f"{models}:5:43")
    assert fields["max_tokens"] == (16384, "default")  # reference/pi.md parseModels defaults
    assert fields["name"] == ("m", "default")
    assert report["model"]["fields"][1] == {"name": "context_window", "value": 32000, "source": f"{models}:5:43", "file": str(models), "line": 5, "column": 43}
    assert report["endpoint"] == [
        {"name": "api", "value": "openai-completions", "source": f"{models}:3:10", "file": str(models), "line": 3, "column": 10},
        {"name": "base_url", "value": "http://localhost:8000/v1", "source": f"{models}:2:14", "file": str(models), "line": 2, "column": 14},
        {"name": "endpoint", "value": "http://localhost:8000/v1/chat/completions", "source": "derived"},
    ]
    # The footgun: LOCAL_KEY is unset, so pi sends its name.
    assert report["credentials"]["steps"][-1]["warning"] == 'LOCAL_KEY is not set, so pi sends the text "LOCAL_KEY" as the key'


def test_plano_finds_the_dotenv_beside_the_config_and_aliases(home):
    config = write(home / "gw" / "plano_config.yaml", "version: v0.4.0\nmodel_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\nmodel_aliases:\n  fast:\n    target: gpt-4o\n")
    write(home / "gw" / ".env", f"OPENAI_API_KEY={ENV_KEY}\n")
    code, output = explain("fast", "--config", str(config), "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    assert (code, report["target"], report["alias_of"]) == (0, "plano", "openai/gpt-4o")
    assert report["sources"]["dotenv"] == str(home / "gw" / ".env")
    assert report["credentials"]["steps"][-1]["source"] == "dotenv"
    # reference/plano.md, "Upstream path rules": the provider's path after base_url's host.
    assert report["endpoint"][-1] == {"name": "endpoint", "value": "https://api.openai.com/v1/chat/completions", "source": "derived"}


def test_openclaw_state_dir_dotenv_fills_unset_variables(home):
    config = write(home / "mayros.json", '{models: {providers: {together: {baseUrl: "https://api.together.xyz/v1", apiKey: "${TOGETHER_KEY}", models: []}}}}')
    write(home / ".mayros" / ".env", f"TOGETHER_KEY={ENV_KEY}\n")
    code, output = explain("together/x", "-t", "openclaw", "--config", str(config), "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    assert code == 0 and report["sources"]["dotenv"] == str(home / ".mayros" / ".env")
    assert report["credentials"]["steps"][report["credentials"]["chosen"]]["fingerprint"] == fingerprint(ENV_KEY)


def test_default_auth_file_permissions_are_reported(home):
    write(home / ".pi" / "agent" / "auth.json", json.dumps({"openai": {"type": "api_key", "key": AUTH_KEY}}), mode=0o644)
    code, output = explain("openai/gpt-4.1", "-t", "pi", "--env-file", "empty.env")
    assert code == 0
    assert f"{home}/.pi/agent/auth.json: K005 [warning] this auth file holds keys and its mode 0644 lets its group and every user access it" in output


# -- the model comes from the compiler ---------------------------------------------------------


def test_text_shows_the_resolved_model_its_provenance_and_the_entry_that_changed_it(home):
    # reference/pi.md, "modelOverrides": an override patches one field; the rest stays the catalog's.
    models = write(home / "models.json", '{"providers": {"openai": {"modelOverrides": {\n  "gpt-4.1": {"maxTokens": 1000}}}}}\n')
    code, output = explain("openai/gpt-4.1", "-t", "pi", "--env-file", "empty.env", "--config", models.name)
    assert code == 1
    assert output[: output.index("\n\n")] == (
        "openai/gpt-4.1 as pi sees it\n"
        "  name              GPT-4.1                              catalog\n"
        "  context_window    1047576                              catalog\n"
        "  max_tokens        1000                                 models.json:2:28\n"
        "  reasoning         no                                   catalog\n"
        "  input             text, image                          catalog\n"
        "  cost.input        2.0                                  catalog\n"
        "  cost.output       8.0                                  catalog\n"
        "  cost.cache_read   0.5                                  catalog\n"
        "  cost.cache_write  0.0                                  default\n"
        "  api               openai-responses                     catalog\n"
        "  base_url          https://api.openai.com/v1            catalog\n"
        "  endpoint          https://api.openai.com/v1/responses  derived\n"
        "  changed by        models.json:2:3 (max_tokens)"
    )


def test_json_lists_the_overrides_of_the_model(home):
    models = write(home / "models.json", '{"providers": {"openai": {"modelOverrides": {\n  "gpt-4.1": {"maxTokens": 1000}}}}}\n')
    _, output = explain("openai/gpt-4.1", "-t", "pi", "--env-file", "empty.env", "--config", str(models), "-f", "json")
    report = json.loads(output)
    validate(report)
    assert report["model"]["origin"] == "override" and report["model"]["in_builtin_catalog"] is True
    assert report["model"]["overrides"] == [{"entry": f"{models}:2:3", "fields": ["max_tokens"], "file": str(models), "line": 2, "column": 3, "replaced": False}]
    assert report["model"]["entry"] == {"file": str(models), "line": 2, "column": 3, "pointer": "/providers/openai/modelOverrides/gpt-4.1"}


@pytest.mark.parametrize("target", ["pi", "zot", "openclaw"])
def test_without_config_the_view_is_the_compiled_built_in_catalog(home, target):
    # No separate path for catalog facts: the fields are exactly what `compile` resolves for the
    # target's built-in view, provenance included.
    from modelconf.compiler import compile_files
    from modelconf.emit.resolved import model_json

    resolution = compile_files([], target=target, render=False).resolution
    assert resolution is not None
    expected = model_json(resolution.models["openai/gpt-4.1"])
    _, output = explain("openai/gpt-4.1", "-t", target, "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    shown = {f["name"]: f["source"] for f in [*report["model"]["fields"], *report["endpoint"]]}
    assert shown == {name: source for name, source in expected["provenance"].items() if name != "id"}
    endpoint = {f["name"]: f["value"] for f in report["endpoint"]}
    assert endpoint == {"api": expected["api"], "base_url": expected["base_url"], "endpoint": expected["endpoint"]}


def test_openclaw_alias_is_the_compilers(home):
    # reference/openclaw.md, "Model refs and allowlist": aliases are looked up case-insensitively.
    config = write(home / "mayros.json", '{agents: {defaults: {models: {"openai/gpt-4.1": {alias: "Smart"}}}}}\n')
    _, output = explain("smart", "-t", "openclaw", "--config", str(config), "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    validate(report)
    assert (report["alias_of"], report["model"]["key"], report["credentials"]["provider"]) == ("openai/gpt-4.1", "openai/gpt-4.1", "openai")


PLANO = (
    "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\nmodel_providers:\n"
    "  - model: anthropic/*\n    access_key: $ANTHROPIC_API_KEY\n"
    "  - name: local\n    model: openai/llama3\n    base_url: http://127.0.0.1:8080/v1\n    access_key: $LOCAL_KEY\n"
)


def test_plano_named_entry_walks_that_entry(home):
    # reference/plano.md: an entry is selectable by its name; its access_key is the one checked.
    config = write(home / "gw" / "plano_config.yaml", PLANO)
    write(home / "e.env", f"LOCAL_KEY={ENV_KEY}\n")
    code, output = explain("local", "--config", str(config), "--env-file", "e.env", "-f", "json")
    report = json.loads(output)
    validate(report)
    assert (code, report["model"]["key"], report["model"]["provider"], report["credentials"]["provider"]) == (0, "local", "local", "openai")
    chosen = report["credentials"]["steps"][report["credentials"]["chosen"]]
    assert (chosen["checked"], chosen["fingerprint"]) == ("LOCAL_KEY in the environment (planoai up's missing-key check)", fingerprint(ENV_KEY))
    assert report["endpoint"][-1] == {"name": "endpoint", "value": "http://127.0.0.1:8080/v1/chat/completions", "source": "derived"}


def test_plano_model_outside_the_registry_is_routed_by_its_wildcard(home):
    config = write(home / "gw" / "plano_config.yaml", PLANO)
    _, output = explain("anthropic/claude-x", "--config", str(config), "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    validate(report)
    model = report["model"]
    assert (model["key"], model["origin"], model["pattern"], model["fields"]) == (None, None, "anthropic/*", [])
    assert model["notes"] == ["not listed in Plano's model registry; the wildcard anthropic/* routes it at run time"]
    assert report["endpoint"][-1] == {"name": "endpoint", "value": "https://api.anthropic.com/v1/messages", "source": "derived"}
    assert report["credentials"]["steps"][1]["checked"] == f'{config} model_providers[0].access_key = "$ANTHROPIC_API_KEY"'


def test_a_model_the_resolved_catalog_lacks_shows_its_providers_endpoint(home):
    _, output = explain("openrouter/nope/x", "-t", "pi", "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    validate(report)
    assert (report["model"]["key"], report["model"]["id"], report["model"]["fields"]) == (None, "nope/x", [])
    assert report["model"]["notes"] == ["nope/x is not among openrouter's models in the resolved catalog."]
    assert [f["name"] for f in report["endpoint"]] == ["api", "base_url"]
    _, output = explain("foo/bar", "-t", "zot", "--env-file", "empty.env", "-f", "json")
    report = json.loads(output)
    assert (report["model"]["notes"], report["endpoint"], report["model"]["known_provider"]) == (["foo is not a provider of the resolved catalog."], [], False)
