"""Auth files (default locations, malformed files, permissions) and the dotenv reader."""

from __future__ import annotations

import pytest
from credhelp import auth_file, chosen, results, run

from modelconf.catalog import load_profile
from modelconf.credentials import default_auth_path, parse_dotenv, permission_problem, read_auth_file

SECRET = "sk-proj-UNQUOTEDaaaaaaaaaaaaaaaaaaa1111"


@pytest.mark.parametrize(
    ("target", "env", "home", "platform", "expected"),
    [
        # reference/pi.md "models.json location": getAgentDir() honours PI_CODING_AGENT_DIR.
        ("pi", {}, "/home/u", "linux", "/home/u/.pi/agent/auth.json"),
        ("pi", {"PI_CODING_AGENT_DIR": "/srv/pi"}, "/home/u", "linux", "/srv/pi/auth.json"),
        ("pi", {"PI_CODING_AGENT_DIR": "~/agent"}, "/home/u", "linux", "/home/u/agent/auth.json"),
        # reference/zot.md "$ZOT_HOME": ZOT_HOME, XDG_STATE_HOME/zot, darwin/windows dirs, ~/.local/state/zot, .zot.
        ("zot", {"ZOT_HOME": "/opt/zot"}, "/home/u", "linux", "/opt/zot/auth.json"),
        ("zot", {"XDG_STATE_HOME": "/home/u/.state"}, "/home/u", "linux", "/home/u/.state/zot/auth.json"),
        ("zot", {}, "/Users/u", "darwin", "/Users/u/Library/Application Support/zot/auth.json"),
        ("zot", {"LOCALAPPDATA": "C:\\Users\\u\\AppData\\Local"}, "C:\\Users\\u", "win32", "C:\\Users\\u\\AppData\\Local\\zot\\auth.json"),
        ("zot", {}, "/home/u", "linux", "/home/u/.local/state/zot/auth.json"),
        ("zot", {}, None, "linux", ".zot/auth.json"),
        # reference/openclaw.md "Mayros renames": agent dir MAYROS_AGENT_DIR or PI_CODING_AGENT_DIR, else <stateDir>/agents/main/agent.
        ("openclaw", {}, "/home/u", "linux", "/home/u/.mayros/agents/main/agent/auth-profiles.json"),
        ("openclaw", {"MAYROS_AGENT_DIR": "/a"}, "/home/u", "linux", "/a/auth-profiles.json"),
        ("openclaw", {"PI_CODING_AGENT_DIR": "/p"}, "/home/u", "linux", "/p/auth-profiles.json"),
        ("openclaw", {"MAYROS_STATE_DIR": "/state"}, "/home/u", "linux", "/state/agents/main/agent/auth-profiles.json"),
        ("plano", {}, "/home/u", "linux", None),
    ],
)
def test_default_auth_file_locations(target, env, home, platform, expected):
    assert default_auth_path(load_profile(target), env, home, platform) == expected


def test_openclaw_upstream_app_prefix():
    assert default_auth_path(load_profile("openclaw"), {}, "/home/u", "linux", "OPENCLAW") == "/home/u/.openclaw/agents/main/agent/auth-profiles.json"
    assert default_auth_path(load_profile("openclaw"), {"OPENCLAW_AGENT_DIR": "/o", "MAYROS_AGENT_DIR": "/m"}, "/home/u", "linux", "OPENCLAW") == "/o/auth-profiles.json"


def test_syntax_error_is_a_diagnostic_with_a_position_and_the_walk_goes_on(tmp_path):
    auth = auth_file(tmp_path, "zot", '{\n  "openai": {"api_key": "sk-proj-x"},,\n}\n')
    [diagnostic] = auth.diagnostics
    assert (diagnostic.code, diagnostic.span.start.line, diagnostic.span.start.column) == ("P001", 2, 38)
    result = run("zot", "openai", auth=auth, env={"OPENAI_API_KEY": "sk-proj-ENVbbbbbbbbbbbbbbbbbbbbbb2222"})
    assert chosen(result) == ("env", "OPENAI_API_KEY")
    assert results(result)[-1] == (str(tmp_path / "auth.json"), "not-reached")
    result = run("zot", "openai", auth=auth)
    assert results(result)[-1] == (str(tmp_path / "auth.json"), "invalid")
    assert result.steps[-1].detail.startswith("the file could not be read: expected a key in double quotes")
    assert result.diagnostics == tuple(auth.diagnostics)


def test_unquoted_key_in_a_broken_auth_file_is_masked_in_the_message(tmp_path):
    auth = auth_file(tmp_path, "pi", '{"openai": {"type": "api_key", "key": %s}}' % SECRET)
    assert auth.document is None
    text = " ".join(d.message for d in auth.diagnostics)
    assert SECRET not in text and "aaaaaaaaaaaa" not in text


@pytest.mark.parametrize(
    ("target", "data", "code", "where", "checked", "detail"),
    [
        ("pi", {"openai": SECRET}, "S001", (1, 12), "auth.json openai", "pi expects an object {type, ...} here"),
        ("pi", {"openai": {"type": "apikey", "key": SECRET}}, "S005", (1, 21), "auth.json openai.type", 'type must be "api_key" or "oauth"'),
        ("zot", {"openai": {"api_key": 42}}, "S001", (1, 24), "auth.json openai.api_key", "zot expects a string here"),
    ],
)
def test_wrong_shape_is_a_diagnostic_at_the_value_and_the_step_is_invalid(tmp_path, target, data, code, where, checked, detail):
    path = tmp_path / "auth.json"
    import json

    path.write_text(json.dumps(data))
    auth = read_auth_file(str(path), target)
    diagnostic = auth.diagnostics[0]
    assert (diagnostic.code, (diagnostic.span.start.line, diagnostic.span.start.column)) == (code, where)
    assert SECRET not in diagnostic.message
    step = next(s for s in run(target, "openai", auth=auth).steps if s.checked == checked)
    assert (step.result, step.detail) == ("invalid", detail)


def test_json5_features_make_the_file_unusable_for_strict_json_programs(tmp_path):
    auth = auth_file(tmp_path, "pi", '{"openai": {"type": "api_key", "key": "%s"},}' % SECRET)
    result = run("pi", "openai", auth=auth)
    assert results(result)[1] == (str(tmp_path / "auth.json"), "invalid")
    assert result.steps[1].detail == "pi parses this file as strict JSON and rejects it (trailing-comma)"


@pytest.mark.parametrize(
    ("mode", "platform", "expected"),
    [
        (0o600, "linux", None),
        (0o400, "linux", None),
        (0o640, "linux", "mode 0640 lets its group access it"),
        (0o644, "linux", "mode 0644 lets its group and every user access it"),
        (0o604, "darwin", "mode 0604 lets every user access it"),
        (0o644, "win32", None),
        (None, "linux", None),
    ],
)
def test_permission_problem(mode, platform, expected):
    assert permission_problem(mode, platform) == expected


def test_read_auth_file_records_the_mode(tmp_path):
    assert auth_file(tmp_path, "zot", {}, mode=0o644).mode == 0o644
    missing = read_auth_file(str(tmp_path / "nope.json"), "zot")
    assert (missing.exists, missing.diagnostics) == (False, [])


def test_auth_secrets_are_masked_in_code_frames(tmp_path):
    auth = auth_file(tmp_path, "zot", {"openai": {"api_key": "short-key"}, "additional_api_key_creds": {"x": {"oauth": {"access_token": "tok"}}}})
    assert {"short-key", "tok"} <= auth.document.secret_values


def test_dotenv_syntax():
    text = (
        "# comment\n"
        "\n"
        "export A=plain\n"
        "B = 'single # not a comment'\n"
        'C="double \\"quoted\\"\\nline"\n'
        "D=value # inline comment\n"
        "E=\n"
        "not a line\n"
        "F='unterminated\n"
        "A=again\n"
    )
    env = parse_dotenv(text, "x.env")
    assert dict(env.values) == {"A": "again", "B": "single # not a comment", "C": 'double "quoted"\nline', "D": "value", "E": ""}
    assert env.problems == ((8, "not a KEY=VALUE line"), (9, "unterminated quote"))
    assert env.lines["A"] == 10
    assert "again" not in repr(env)
