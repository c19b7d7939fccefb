"""`modelconf chat` against the loopback server: text and jsonl output, exit codes, keys, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from loopback import Endless, LoopbackServer, Replay, Status
from rt_helpers import catalog_dict, sse_fixture
from typer.testing import CliRunner

from modelconf.cli import app

KEY = "sk-canary-chat-5555555555555555555555555555dddd"


def catalog(tmp_path: Path, server: LoopbackServer) -> Path:
    # Target zot: it derives P_API_KEY for any provider id (reference/zot.md, "Credential resolution order").
    data = dict(catalog_dict(server.url + "/v1", cost={"input": 2.5, "output": 10, "cache_read": 1.25, "cache_write": 0}), target="zot")
    path = tmp_path / "resolved.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def invoke(args: list[str], stdin: str | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    # No real home: zot's auth file is looked for under $ZOT_HOME.
    isolated = {"HOME": "/nonexistent", "ZOT_HOME": "/nonexistent/zot", "P_API_KEY": None, **(env or {})}
    return CliRunner().invoke(app, args, input=stdin, env=isolated)


def test_text_streams_the_answer_and_ends_with_usage_and_cost(tmp_path: Path, server: LoopbackServer) -> None:
    server.script(Replay(sse_fixture("d615*.bin"), chunk=200))
    result = invoke(["chat", "p/m", "Hi", "--catalog", str(catalog(tmp_path, server)), "--api-key-stdin"], stdin=KEY + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('\n  {\n    "location": "San Francisco, CA"')
    assert "usage: 19 input · 177 output · 0 cache read · 0 cache write · 196 total · cost $0.001818" in result.stderr
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in result.output


def test_jsonl_prints_every_event(tmp_path: Path, server: LoopbackServer) -> None:
    server.script(Replay(sse_fixture("d615*.bin")))
    env = {"P_API_KEY": KEY}
    result = invoke(["chat", "p/m", "Hi", "--catalog", str(catalog(tmp_path, server)), "--format", "jsonl"], env=env)
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0] == {"type": "start", "api": "openai-completions", "provider": "p", "model": "m"}
    assert [e["type"] for e in events][-2:] == ["usage", "done"]
    # d615…: 181 SSE events = a role chunk, 177 content chunks, finish_reason, usage, [DONE]
    assert [e["type"] for e in events].count("text_delta") == 177 and len(events) == 1 + 177 + 2
    assert KEY not in result.output


def test_env_file_supplies_the_key(tmp_path: Path, server: LoopbackServer) -> None:
    server.script(Replay(sse_fixture("d615*.bin")))
    env_file = tmp_path / ".env"
    env_file.write_text(f"# keys\nexport P_API_KEY='{KEY}'\n", encoding="utf-8")
    result = invoke(["chat", "p/m", "Hi", "--catalog", str(catalog(tmp_path, server)), "--env-file", str(env_file)],
                    env={"P_API_KEY": ""})  # fmt: skip
    assert result.exit_code == 0
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_error_event_exits_1_and_says_why_without_the_key(tmp_path: Path, server: LoopbackServer) -> None:
    server.script(Status(401, json.dumps({"error": {"message": f"Incorrect API key provided: {KEY}"}}).encode()))
    result = invoke(["chat", "p/m", "Hi", "--catalog", str(catalog(tmp_path, server)), "--api-key-stdin"], stdin=KEY)
    assert result.exit_code == 1
    assert "error: HTTP 401 Unauthorized: Incorrect API key provided: sk-…dddd (" in result.stderr
    assert KEY not in result.output


def test_usage_errors_exit_2(tmp_path: Path, server: LoopbackServer) -> None:
    cat = str(catalog(tmp_path, server))
    r = invoke(["chat", "p/m", "Hi"])
    assert r.exit_code == 2 and r.stderr == "modelconf chat: give either --catalog resolved.json or --config FILE (compiled in memory)\n"
    r = invoke(["chat", "p/m", "Hi", "--catalog", cat, "--config", "models.json"])
    assert r.exit_code == 2 and "give either --catalog" in r.stderr
    r = invoke(["chat", "p/m", "Hi", "--catalog", cat, "--target", "pi"])
    assert r.exit_code == 2 and r.stderr == "modelconf chat: --target goes with --config; a resolved catalog names its target\n"
    r = invoke(["chat", "p/m", "Hi", "--catalog", cat, "--auth-file", str(tmp_path / "auth.json")])
    assert r.exit_code == 2 and r.stderr == f"{tmp_path / 'auth.json'}: P010 no such file\n"
    r = invoke(["chat", "p/m", "Hi", "--catalog", cat, "--env-file", str(tmp_path / "missing.env")])
    assert r.exit_code == 2 and r.stderr == f"modelconf chat: cannot read the env file {tmp_path / 'missing.env'}\n"
    r = invoke(["chat", "nope", "Hi", "--catalog", cat])
    assert r.exit_code == 2 and "modelconf chat: no model 'nope' in" in r.stderr
    bad = tmp_path / "old.json"
    bad.write_text(json.dumps({"format": "modelconf.resolved-catalog/0"}), encoding="utf-8")
    r = invoke(["chat", "p/m", "Hi", "--catalog", str(bad)])
    assert r.exit_code == 2 and "this modelconf reads 'modelconf.resolved-catalog/1'" in r.stderr
    assert "Traceback" not in r.output
    # A provider whose base URL the program reads from its environment (the resolved catalog has
    # null, e.g. OpenClaw's cloudflare-ai-gateway): nothing to send to, so a usage error.
    data = json.loads(Path(cat).read_text(encoding="utf-8"))
    data["providers"]["p"]["base_url"] = None
    no_base = tmp_path / "no-base.json"
    no_base.write_text(json.dumps(data), encoding="utf-8")
    r = invoke(["chat", "p/m", "Hi", "--catalog", str(no_base)], env={"P_API_KEY": KEY})
    assert (r.exit_code, r.stderr) == (2, "modelconf chat: model p/m has no base URL in the catalog\n")
    assert server.requests == []


def test_ctrl_c_aborts_cleanly_with_130(tmp_path: Path, server: LoopbackServer) -> None:
    server.script(Endless(b'data: {"choices":[{"index":0,"delta":{"content":"la "}}]}\n\n', interval=0.01))
    env = dict(os.environ, P_API_KEY=KEY, PYTHONUNBUFFERED="1", HOME=str(tmp_path), ZOT_HOME=str(tmp_path / "zot"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "modelconf", "chat", "p/m", "Hi", "--catalog", str(catalog(tmp_path, server))],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.read(3) == b"la "  # streaming has begun
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err and err.strip().endswith(b"aborted")
    assert KEY.encode() not in out + err


def test_ctrl_c_in_jsonl_ends_with_the_aborted_error_event(tmp_path: Path, server: LoopbackServer) -> None:
    server.script(Endless(b'data: {"choices":[{"index":0,"delta":{"content":"la "}}]}\n\n', interval=0.01))
    env = dict(os.environ, P_API_KEY=KEY, PYTHONUNBUFFERED="1", HOME=str(tmp_path), ZOT_HOME=str(tmp_path / "zot"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "modelconf", "chat", "p/m", "Hi", "--catalog", str(catalog(tmp_path, server)), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline())["type"] == "start"
    assert json.loads(proc.stdout.readline()) == {"type": "text_delta", "content_index": 0, "delta": "la "}
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err and KEY.encode() not in out + err
    last = json.loads(out.splitlines()[-1])
    assert {k: last[k] for k in ("type", "reason", "error")} == {"type": "error", "reason": "aborted", "error": "aborted"}
    message = last["message"]
    assert (message["stop_reason"], message["error_message"]) == ("aborted", "aborted")
    # The message keeps what arrived: at least every delta printed (one was read above).
    deltas = 1 + sum(json.loads(line)["type"] == "text_delta" for line in out.splitlines()[:-1])
    text = message["content"][0]["text"]
    assert text == "la " * (len(text) // 3) and len(text) // 3 >= deltas
