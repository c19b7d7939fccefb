"""`modelconf chat --config`: configs compiled in memory, keys found by the credentials engine the
way each target finds them, requests to the loopback server only.

The server records each request's headers; the tests map the key it received back to a label
(`labels`), so assertions and failure messages never show a key.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from loopback import LoopbackServer, Replay, Status
from rt_helpers import sse_fixture
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.secrets import fingerprint

KEYS = {
    "env": "sk-proj-CHATENVaaaaaaaaaaaaaaaaaaaaaaa1111",
    "auth": "sk-proj-CHATAUTHbbbbbbbbbbbbbbbbbbbbbb2222",
    "env-file": "sk-proj-CHATFILEccccccccccccccccccccc3333",
    "command": "sk-proj-CHATCMDdddddddddddddddddddddd4444",
    "primary": "sk-proj-CHATPRIMeeeeeeeeeeeeeeeeeeeee5555",
    "list-1": "sk-proj-CHATLISTONEfffffffffffffffffff6666",
    "list-2": "sk-proj-CHATLISTTWOggggggggggggggggggg7777",
    "stdin": "sk-proj-CHATSTDINhhhhhhhhhhhhhhhhhhhhh8888",
}
D615 = "d615*.bin"  # openai-python's recorded chat stream: 177 text deltas
RATE_LIMITED = Status(429, b'{"error": {"message": "Rate limit reached"}}', {"content-type": "application/json", "retry-after-ms": "1"})


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty environment but PATH, with HOME in tmp_path: no real key or auth file is seen."""
    for name in list(os.environ):
        if name != "PATH":
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def chat(*args: str, stdin: str | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["chat", *args], input=stdin, env=env)
    for key in KEYS.values():
        assert key not in result.output, f"a key ({fingerprint(key)}) was printed"
    return result


def labels(server: LoopbackServer) -> list[str]:
    """The key each request carried, by label (a fingerprint for a key the test did not plant)."""
    by_value = {value: label for label, value in KEYS.items()}
    out = []
    for request in server.requests:
        header = request.headers.get("authorization", "")
        key = header.removeprefix("Bearer ")
        out.append(by_value.get(key, fingerprint(key) if key else "(none)"))
    return out


def pi_models(home: Path, server: LoopbackServer, api_key: str = "LOOP_API_KEY") -> Path:
    provider = {"baseUrl": server.url + "/v1", "api": "openai-completions", "apiKey": api_key, "models": [{"id": "m"}]}
    return write(home / "models.json", json.dumps({"providers": {"loop": provider}}))


def test_pi_config_key_from_the_environment(home: Path, server: LoopbackServer) -> None:
    # pi reads models.json `apiKey` as a variable name when that variable is set (reference/pi.md, "Value resolution").
    server.script(Replay(sse_fixture(D615), chunk=256))
    result = chat("loop/m", "Hi", "--config", str(pi_models(home, server)), env={"LOOP_API_KEY": KEYS["env"]})
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["env"]
    assert server.requests[0].path == "/v1/chat/completions"
    assert server.requests[0].body["model"] == "m"
    assert result.stdout.startswith('\n  {\n    "location": "San Francisco, CA"')
    assert "stop: stop" in result.stderr


def test_pi_auth_json_comes_before_the_environment(home: Path, server: LoopbackServer) -> None:
    # reference/pi.md, "auth.json": --api-key, auth.json api_key, oauth, env, models.json apiKey;
    # the agent dir honours PI_CODING_AGENT_DIR.
    agent = home / "agent-dir"
    write(agent / "auth.json", json.dumps({"loop": {"type": "api_key", "key": KEYS["auth"]}}))
    server.script(Replay(sse_fixture(D615)))
    env = {"LOOP_API_KEY": KEYS["env"], "PI_CODING_AGENT_DIR": str(agent)}
    result = chat("loop/m", "Hi", "--config", str(pi_models(home, server)), env=env)
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["auth"]


def test_pi_default_auth_file_is_under_home(home: Path, server: LoopbackServer) -> None:
    write(home / ".pi" / "agent" / "auth.json", json.dumps({"loop": {"type": "api_key", "key": KEYS["auth"]}}))
    server.script(Replay(sse_fixture(D615)))
    assert chat("loop/m", "Hi", "--config", str(pi_models(home, server))).exit_code == 0
    assert labels(server) == ["auth"]


def test_env_file_is_the_environment_of_the_walk(home: Path, server: LoopbackServer) -> None:
    env_file = write(home / "prod.env", f"# keys\nexport LOOP_API_KEY='{KEYS['env-file']}'\n")
    server.script(Replay(sse_fixture(D615)))
    result = chat("loop/m", "Hi", "--config", str(pi_models(home, server)), "--env-file", str(env_file), env={"LOOP_API_KEY": KEYS["env"]})
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["env-file"]


def test_zot_additional_api_key_creds(home: Path, server: LoopbackServer) -> None:
    # reference/zot.md, "Credential resolution order": a custom provider's stored key is
    # auth.json additional_api_key_creds.<id>.api_key, in $ZOT_HOME.
    models = write(home / "zot" / "models.json", json.dumps({"providers": {"my-company": {"baseUrl": server.url + "/v1", "models": [{"id": "m"}]}}}))
    write(home / "zot-home" / "auth.json", json.dumps({"additional_api_key_creds": {"my-company": {"api_key": KEYS["auth"]}}}))
    server.script(Replay(sse_fixture(D615)))
    result = chat("my-company/m", "Hi", "--config", str(models), "--target", "zot", env={"ZOT_HOME": str(home / "zot-home")})
    assert result.exit_code == 0, result.stderr
    # --auth-file replaces the default location.
    other = write(home / "elsewhere.json", json.dumps({"additional_api_key_creds": {"my-company": {"api_key": KEYS["env-file"]}}}))
    result = chat("my-company/m", "Hi", "--config", str(models), "--auth-file", str(other), env={"ZOT_HOME": str(home / "zot-home")})
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["auth", "env-file"]


def test_plano_config_by_alias_and_short_name(home: Path, server: LoopbackServer) -> None:
    # reference/plano.md: access_key `$VAR` from the environment (no .env beside the config);
    # a non-wildcard entry is selectable by its name and its bare model id; model_aliases.
    config = write(home / "gw" / "plano_config.yaml", (
        "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\n"
        f"model_providers:\n  - model: openai/loop-model\n    base_url: {server.url}/v1\n    access_key: $LOOP_KEY\n    default: true\n"
        "model_aliases:\n  fast:\n    target: loop-model\n"
    ))  # fmt: skip
    server.script(Replay(sse_fixture(D615)))
    for model in ("fast", "loop-model", "openai/loop-model"):
        result = chat(model, "Hi", "--config", str(config), "--format", "jsonl", env={"LOOP_KEY": KEYS["env"]})
        assert result.exit_code == 0, result.stderr
        events = [json.loads(line) for line in result.stdout.splitlines()]
        assert events[0] == {"type": "start", "api": "openai-completions", "provider": "openai/loop-model", "model": "loop-model"}
        assert events[-1]["type"] == "done"
    assert labels(server) == ["env", "env", "env"]
    assert {r.path for r in server.requests} == {"/v1/chat/completions"}


def openclaw_config(home: Path, server: LoopbackServer) -> Path:
    block = f'openai: {{baseUrl: "{server.url}/v1", api: "openai-completions", models: [{{id: "m", name: "m"}}]}}'
    return write(home / "mayros.json", f"{{models: {{providers: {{{block}}}}}}}\n")


def test_openclaw_rotates_keys_on_rate_limits(home: Path, server: LoopbackServer) -> None:
    # reference/openclaw.md, "API-key rotation": the resolved key first, then OPENAI_API_KEYS split
    # on [\s,;]+ and the primary (a duplicate, dropped); move on only on a rate limit.
    server.script(RATE_LIMITED, RATE_LIMITED, Replay(sse_fixture(D615)))
    env = {"OPENAI_API_KEY": KEYS["primary"], "OPENAI_API_KEYS": f"{KEYS['list-1']}; {KEYS['list-2']},{KEYS['primary']}"}
    result = chat("openai/m", "Hi", "--config", str(openclaw_config(home, server)), env=env)
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["primary", "list-1", "list-2"]


def test_openclaw_rate_limited_on_every_key_returns_the_last_error(home: Path, server: LoopbackServer) -> None:
    server.script(RATE_LIMITED)
    env = {"OPENAI_API_KEYS": f"{KEYS['list-1']} {KEYS['list-2']}"}
    result = chat("openai/m", "Hi", "--config", str(openclaw_config(home, server)), env=env)
    assert result.exit_code == 1
    # Each key once at once, then the retries (default 2) go round the keys again.
    assert labels(server) == ["list-1", "list-2", "list-1", "list-2"]
    prints = f"{fingerprint(KEYS['list-1'])}, {fingerprint(KEYS['list-2'])}"
    assert f"error: HTTP 429 Too Many Requests: Rate limit reached; rate limited on every key of openai ({prints}) after 4 attempts" in result.stderr


def test_no_credential_exits_1_with_the_walk_and_sends_nothing(home: Path, server: LoopbackServer) -> None:
    models = write(home / "models.json", json.dumps({"providers": {"openai": {"baseUrl": server.url + "/v1"}}}))
    result = chat("openai/gpt-4.1", "Hi", "--config", str(models))
    assert result.exit_code == 1
    assert server.requests == []
    auth = home / ".pi" / "agent" / "auth.json"
    assert result.stderr == (
        "modelconf chat: no credential for openai: nothing was sent\n"
        f"credentials for openai, in pi's order (the environment; auth file {auth} (not found)):\n"
        "     1  cli              CLI key             unset\n"
        "                         no key given on the command line\n"
        "     2  auth-file        auth.json           missing\n"
        f"                         no auth file at {auth}\n"
        "     3  auth-file-oauth  auth.json           missing\n"
        f"                         no auth file at {auth}\n"
        "     4  provider-env     OPENAI_API_KEY      unset\n"
        "     5  config           models.json apiKey  unset\n"
        "                         no apiKey for openai in the models.json given\n"
        "chosen: none: no source holds a credential\n"
    )


def test_a_command_key_runs_only_with_allow_exec(home: Path, server: LoopbackServer) -> None:
    models = pi_models(home, server, api_key=f"!printf %s {KEYS['command']}")
    result = chat("loop/m", "Hi", "--config", str(models))
    assert result.exit_code == 1 and server.requests == []
    first = result.stderr.splitlines()[0]
    masked = "sk-proj-" + "*" * (len(KEYS["command"]) - 12) + "4444"  # the key inside the command is masked
    assert first == f"modelconf chat: the key for loop comes from a command (printf %s {masked}); pass --allow-exec to run it"
    server.script(Replay(sse_fixture(D615)))
    result = chat("loop/m", "Hi", "--config", str(models), "--allow-exec")
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["command"]


def test_config_errors_stop_before_any_request(home: Path, server: LoopbackServer) -> None:
    # reference/pi.md: a custom provider with models needs an apiKey; pi drops the file's custom providers.
    models = write(home / "models.json", json.dumps({"providers": {"loop": {"baseUrl": server.url + "/v1", "api": "openai-completions", "models": [{"id": "m"}]}}}))
    result = chat("loop/m", "Hi", "--config", str(models))
    assert result.exit_code == 1 and server.requests == []
    assert result.stderr.splitlines() == [
        f"{models}: D001 this could be a pi models.json or a zot models.json; checking it as pi models.json",
        f'{models}:1:16: C102 Provider loop: "apiKey" is required when defining custom models. pi ignores every custom provider in this file while this error is present',
        "modelconf chat: the config files have errors; nothing was sent",
    ]


def test_cli_key_goes_where_the_target_takes_one(home: Path, server: LoopbackServer) -> None:
    # pi: --api-key first (reference/pi.md); OpenClaw/Mayros takes no key on its command line.
    server.script(Replay(sse_fixture(D615)))
    result = chat("loop/m", "Hi", "--config", str(pi_models(home, server)), "--api-key-stdin", stdin=KEYS["stdin"] + "\n", env={"LOOP_API_KEY": KEYS["env"]})
    assert result.exit_code == 0, result.stderr
    assert labels(server) == ["stdin"]
    result = chat("openai/m", "Hi", "--config", str(openclaw_config(home, server)), "--api-key-stdin", stdin=KEYS["stdin"] + "\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "modelconf chat: --api-key-stdin: OpenClaw/Mayros does not take a key on its command line for openai; "
        "put the key where it looks (`modelconf explain` shows where)\n"
    )


def test_catalog_config_keys_are_read_from_the_config_at_run_time(home: Path, server: LoopbackServer) -> None:
    # The resolved catalog holds only the reference ({source: config, file, pointer}); chat reads
    # the config when it runs, so a key changed after compiling is the one sent.
    models = pi_models(home, server, api_key=KEYS["auth"])
    compiled = CliRunner().invoke(app, ["compile", "models.json", "-o", "resolved.json"])
    assert compiled.exit_code == 0, compiled.stderr
    text = (home / "resolved.json").read_text()
    assert KEYS["auth"] not in text and '"pointer": "/providers/loop/apiKey"' in text
    server.script(Replay(sse_fixture(D615)))
    assert chat("loop/m", "Hi", "--catalog", "resolved.json").exit_code == 0
    models.write_text(models.read_text().replace(KEYS["auth"], KEYS["env-file"]))
    result = chat("loop/m", "Hi", "--catalog", "resolved.json")
    assert result.exit_code == 0
    assert result.stderr.startswith("modelconf chat: note: models.json changed since the catalog was compiled; its credentials are read as they are now\n")
    assert labels(server) == ["auth", "env-file"]


def test_plano_pattern_routes_any_model_under_its_prefix(home: Path, server: LoopbackServer) -> None:
    # reference/plano.md, "Wildcard expansion": a wildcard of a provider Plano does not know stays a
    # pattern, and `get(name)` routes "litellm/<anything>" through it with the rest as the model id.
    config = write(home / "gw" / "plano_config.yaml", (
        "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\n"
        "model_providers:\n  - model: openai/gpt-4o\n    access_key: $LOOP_KEY\n    default: true\n"
        f"  - model: litellm/*\n    base_url: {server.url}/v1\n    provider_interface: openai\n    access_key: $LOOP_KEY\n"
    ))  # fmt: skip
    server.script(Replay(sse_fixture(D615)))
    result = chat("litellm/qwen-local", "Hi", "--config", str(config), "--format", "jsonl", env={"LOOP_KEY": KEYS["env"]})
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0] == {"type": "start", "api": "openai-completions", "provider": "litellm/*", "model": "qwen-local"}
    assert events[-1]["type"] == "done"
    (seen,) = server.requests
    assert (seen.path, seen.body["model"]) == ("/v1/chat/completions", "qwen-local")
    assert labels(server) == ["env"]
