"""Property: any bytes given to `lint` give diagnostics and exit 0, 1 or 2, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.lint import lint_bytes

NAMES = ["models.json", "config.json5", "plano_config.yaml", "mayros.json", "-", "x.jsonc"]

SEEDS = [
    b'{"providers": {"ollama": {"baseUrl": "http://localhost:11434/v1", "models": [{"id": "llama3"}]}}}',
    b"version: v0.3.0\nlisteners:\n  - type: model\n    name: m\nmodel_providers:\n  - model: openai/*\n    access_key: $K\n",
    b"{models: {mode: 'merge', providers: {x: {baseUrl: 'http://h', models: [],},},}}",
    b"a: &a [1, 2]\nb: [*a, *a]\nc: {<<: {x: 1}}\n",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real config with random bytes inserted, deleted or replaced: near-valid input finds more paths."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(st.binary(min_size=1, max_size=4) | st.sampled_from([b"{", b"}", b"[", b"]", b":", b",", b'"', b"'", b"\n", b"  ", b"&x", b"*x", b"!t", b"\xff", b"\x00", b"//", b"/*", b"-"]))
        if action == "insert":
            data[position:position] = chunk
        elif action == "delete":
            del data[position : position + len(chunk)]
        else:
            data[position : position + len(chunk)] = chunk
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=512) | mutated(), name=st.sampled_from(NAMES))
def test_library_never_raises(data: bytes, name: str) -> None:
    result = lint_bytes(data, name)
    assert all(d.code and d.message for d in result.diagnostics)


runner = CliRunner()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=256) | mutated(), name=st.sampled_from(NAMES), fmt=st.sampled_from(["full", "concise", "json", "github", "sarif"]))
def test_cli_exit_code_is_0_1_or_2(data: bytes, name: str, fmt: str) -> None:
    result = runner.invoke(app, ["lint", "-", "--stdin-filename", name, "-f", fmt], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
