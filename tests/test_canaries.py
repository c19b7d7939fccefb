"""No canary secret appears in any output of any command (stdout, stderr, written files,
exception texts), nor in the engine's reprs and JSON. Commands are listed in `canaries.COMMANDS`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from canaries import CANARIES, COMMANDS, check_files, check_output, ensure_config_dialects, exception_text, plant
from typer.testing import CliRunner

from modelconf.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parent / "runtime"))
from loopback import Echo, LoopbackServer  # noqa: E402

try:  # click >= 8.2 separates stderr by default; older versions need mix_stderr=False
    runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
except TypeError:
    runner = CliRunner()


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    """The loopback server chat lines send to: it answers 401 repeating every header it got."""
    s = LoopbackServer().start()
    s.script(Echo())
    try:
        yield s
    finally:
        s.stop()


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_no_canary_leaks(tmp_path, monkeypatch, server, argv):
    planted = plant(tmp_path, server.url)
    monkeypatch.chdir(tmp_path)
    ensure_config_dialects(monkeypatch)
    args = planted.fill(argv)
    stdin = CANARIES["cli-key"] + "\n" if "--api-key-stdin" in args else None
    result = runner.invoke(app, args, env=planted.env, input=stdin)
    check_output("stdout", result.stdout)
    check_output("stderr", result.stderr or "")
    check_output("the exception", exception_text(result.exception))
    check_files(tmp_path / "out")
    # The command ran (2 is a usage error: the harness itself would be wrong). Safe to show now.
    assert result.exit_code in (0, 1), f"exit {result.exit_code}: {(result.stderr or '')[-300:]}{exception_text(result.exception)[-300:]}"


def test_the_harness_catches_a_leak(tmp_path):
    # The check itself must fail on a leaked value and on a leaked middle part.
    value = CANARIES["env-openai"]
    with pytest.raises(pytest.fail.Exception) as caught:
        check_output("stdout", f"key={value}")
    assert value not in str(caught.value) and "env-openai" in str(caught.value)
    with pytest.raises(pytest.fail.Exception):
        check_output("stdout", "…" + value[10:-6] + "…")


def test_the_commands_see_the_canaries(tmp_path, monkeypatch):
    # Guard against a harness that plants nothing: explain must fingerprint the planted keys.
    from modelconf.secrets import fingerprint

    planted = plant(tmp_path)
    monkeypatch.chdir(tmp_path)
    ensure_config_dialects(monkeypatch)
    result = runner.invoke(app, ["explain", "openai/gpt-4.1", "-t", "zot", "-f", "json"], env=planted.env)
    report = json.loads(result.stdout)
    fingerprints = {s["fingerprint"] for s in report["credentials"]["steps"]}
    assert fingerprint(CANARIES["env-openai"]) in fingerprints
    assert fingerprint(CANARIES["auth-zot-openai"]) in fingerprints
    result = runner.invoke(app, ["lint", str(planted.paths["zot_models"]), "--dialect", "zot", "-f", "concise"], env=planted.env)
    assert "K001" in result.stdout  # the literal key in zot's models.json is reported (by fingerprint)


def test_chat_lines_send_the_planted_keys(tmp_path, monkeypatch, server):
    # Guard against chat lines that never reach the server: the keys the server got are canaries
    # (by label), from the config (key and header), the environment, pi's auth.json, a command.
    planted = plant(tmp_path, server.url)
    monkeypatch.chdir(tmp_path)
    labels = {value: label for label, value in CANARIES.items()}
    sent = []
    for model, extra in (("loop/m", ()), ("envkey/m", ()), ("openai/gpt-4.1", ()), ("cmd/m", ("--allow-exec",))):
        server.script(Echo())
        result = runner.invoke(app, ["chat", model, "hi", "--config", str(planted.paths["chat_pi"]), *extra], env=planted.env)
        assert result.exit_code == 1 and "error: HTTP 401 Unauthorized: rejected: " in result.stderr
        headers = server.requests[0].headers
        sent.append((labels.get(headers["authorization"].removeprefix("Bearer ")), labels.get(headers.get("x-team", ""))))
    assert sent == [("config-pi-literal", "config-pi-header"), ("env-custom", None), ("auth-pi-openai", None), ("config-command", None)]


def test_engine_objects_never_show_values(tmp_path):
    from modelconf.explain import explain, render_text, to_json

    planted = plant(tmp_path)
    for target, model, configs in (
        ("pi", "openai/gpt-4.1", [str(planted.paths["pi_models"])]),
        ("zot", "openai/gpt-4.1", []),
        ("openclaw", "openai/gpt-4.1", [str(planted.paths["openclaw_config"])]),
        ("plano", "mistral/mistral-large", [str(planted.paths["plano_config"])]),
    ):
        result = explain(model, target=target, configs=configs, env=planted.env, cli_key=CANARIES["cli-key"], home=planted.env["HOME"])
        walk = result.walk
        for where, text in (
            ("repr(walk)", repr(walk)),
            ("str(walk)", str(walk)),
            ("walk.as_dict()", json.dumps(walk.as_dict())),
            ("repr(explanation)", repr(result)),
            ("render_text", render_text(result)),
            ("to_json", json.dumps(to_json(result))),
            ("steps", " ".join(f"{s!r} {s}" for s in (*walk.steps, *walk.rotation))),
        ):
            check_output(f"{target}: {where}", text)
