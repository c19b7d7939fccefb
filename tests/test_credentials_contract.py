"""The engine's contract with the compiler (credential references) and the runtime (keys)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import jsonschema_rs
import pytest
from credhelp import FakeRunner, auth_file, config

from modelconf._resources import data_dir
from modelconf.catalog import TARGETS, load_profile
from modelconf.credentials import EngineCredentials, Inputs, Secret, candidate_keys, credential_refs, parse_dotenv, resolve_ref, walk


def _ref_validator():
    schema = json.loads((data_dir("schemas") / "resolved-catalog.schema.json").read_text())
    return jsonschema_rs.validator_for({**schema["$defs"]["credential_ref"], "$defs": schema["$defs"]})


@pytest.mark.parametrize("target", TARGETS)
def test_every_providers_references_match_the_resolved_catalog_schema(target):
    validator = _ref_validator()
    for provider in load_profile(target).providers.values():
        refs = credential_refs(target, provider.id)
        for ref in refs:
            assert list(validator.iter_errors(ref)) == [], (target, provider.id, ref)
        assert len({json.dumps(r, sort_keys=True) for r in refs}) == len(refs)


def test_references_follow_the_targets_order():
    # reference/zot.md "Credential resolution order"; derived name for a custom provider.
    assert credential_refs("zot", "my-company") == [
        {"source": "cli"},
        {"source": "env", "name": "MY_COMPANY_API_KEY"},
        {"source": "auth-file", "file": "$ZOT_HOME/auth.json", "key_path": ["additional_api_key_creds", "my-company", "api_key"], "form": "api_key"},
    ]
    # reference/pi.md: auth.json api_key, oauth, env, then models.json apiKey (with its pointer).
    models = config('{"providers": {"openai": {"apiKey": "OPENAI_KEY"}}}', "models.json", "pi")
    assert credential_refs("pi", "openai", configs=[models]) == [
        {"source": "cli"},
        {"source": "auth-file", "file": "~/.pi/agent/auth.json", "key_path": ["openai", "key"], "form": "api_key"},
        {"source": "oauth", "file": "~/.pi/agent/auth.json", "key_path": ["openai"], "form": "oauth"},
        {"source": "env", "name": "OPENAI_API_KEY"},
        {"source": "config", "file": "models.json", "pointer": "/providers/openai/apiKey", "form": "env-name"},
    ]


def test_plano_references_name_the_variable_and_the_config_value():
    plano = config("model_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n", "plano_config.yaml", "plano")
    assert credential_refs("plano", "openai", "gpt-4o", configs=[plano]) == [
        {"source": "config", "file": "plano_config.yaml", "pointer": "/model_providers/0/access_key", "form": "env-template", "name": "OPENAI_API_KEY"},
        {"source": "env", "name": "OPENAI_API_KEY"},
    ]


def test_candidate_keys_for_single_key_targets():
    env = {"OPENAI_API_KEY": "sk-proj-ENVaaaaaaaaaaaaaaaaaaaaaaa1111"}
    assert candidate_keys("zot", "openai", inputs=Inputs(env=env)) == [Secret(env["OPENAI_API_KEY"])]
    assert candidate_keys("zot", "amazon-bedrock", inputs=Inputs(env={"AWS_PROFILE": "p"})) == []  # a chain, not a key


def test_a_command_key_is_returned_only_when_it_may_run(tmp_path):
    auth = auth_file(tmp_path, "pi", {"openai": {"type": "api_key", "key": "!get-key"}})
    assert candidate_keys("pi", "openai", inputs=Inputs(auth=auth)) == []
    runner = FakeRunner({"get-key": (True, "sk-proj-RANbbbbbbbbbbbbbbbbbbbbbbb2222\n")})
    assert candidate_keys("pi", "openai", inputs=Inputs(auth=auth, allow_exec=True, runner=runner)) == [Secret("sk-proj-RANbbbbbbbbbbbbbbbbbbbbbbb2222")]


def test_engine_credentials_serve_the_runtime_interface(tmp_path):
    env = {"OPENAI_API_KEY": "sk-proj-PRIMARYcccccccccccccccccccc3333", "OPENAI_API_KEYS": "sk-proj-LISTddddddddddddddddddddd4444", "OPENAI_API_KEY_2": "sk-proj-PREFIXeeeeeeeeeeeeeeeeeee5555"}
    credentials = EngineCredentials("openclaw", Inputs(env=env))
    provider = SimpleNamespace(id="openai", credentials=())
    # The resolved chat key (env) first, then the rotation list without duplicates.
    assert credentials.api_keys(provider) == [env["OPENAI_API_KEY"], env["OPENAI_API_KEYS"], env["OPENAI_API_KEY_2"]]
    assert credentials.resolve({"source": "env", "name": "OPENAI_API_KEY_2"}) == env["OPENAI_API_KEY_2"]
    assert credentials.resolve({"source": "env", "name": "UNSET"}) is None


def test_for_target_reads_the_default_auth_file(tmp_path):
    (tmp_path / ".pi" / "agent").mkdir(parents=True)
    auth_file(tmp_path / ".pi" / "agent", "pi", {"openai": {"type": "api_key", "key": "sk-proj-HOMEfffffffffffffffffffff6666"}})
    credentials = EngineCredentials.for_target("pi", {}, home=str(tmp_path))
    assert credentials.api_keys(SimpleNamespace(id="openai")) == ["sk-proj-HOMEfffffffffffffffffffff6666"]
    assert EngineCredentials.for_target("plano", {}).api_keys(SimpleNamespace(id="openai")) == []


def test_resolve_ref_reads_every_source(tmp_path):
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": "k-auth"}, "kimi": {"oauth": {"access_token": "k-oauth"}}})
    models = config('{"providers": {"a": {"apiKey": "A_KEY"}, "b": {"apiKey": "literal-b"}}}', "models.json", "pi")
    inputs = Inputs(
        env={"A_KEY": "k-env", "L": "x1, x2;x3", "P_1": "p1", "P_2": "p2"},
        cli_key="k-cli",
        auth=auth,
        configs=[models],
        dotenv=parse_dotenv("D=k-dotenv\n", ".env"),
    )
    values = lambda ref: [s.reveal() for s in resolve_ref(ref, inputs)]  # noqa: E731
    assert values({"source": "cli"}) == ["k-cli"]
    assert values({"source": "env-list", "name": "L"}) == ["x1", "x2", "x3"]
    assert values({"source": "env-prefix", "prefix": "P_"}) == ["p1", "p2"]
    assert values({"source": "dotenv", "name": "D"}) == ["k-dotenv"]
    assert values({"source": "auth-file", "key_path": ["openai", "api_key"], "form": "api_key"}) == ["k-auth"]
    assert values({"source": "oauth", "key_path": ["kimi", "oauth"], "form": "oauth"}) == ["k-oauth"]
    assert values({"source": "config", "file": "models.json", "pointer": "/providers/a/apiKey", "form": "env-name"}) == ["k-env"]
    assert values({"source": "config", "file": "models.json", "pointer": "/providers/b/apiKey", "form": "literal"}) == ["literal-b"]
    assert values({"source": "cloud", "chain": "aws"}) == []


def test_the_walks_step_refs_are_what_credential_refs_returns():
    result = walk("zot", "groq", inputs=Inputs())
    assert [s.ref for s in result.steps if s.ref.get("source") != "auth-file"] == [r for r in credential_refs("zot", "groq") if r["source"] != "auth-file"]
