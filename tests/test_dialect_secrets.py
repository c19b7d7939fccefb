"""Literal keys in dialect files are collected as secrets and never printed, in any format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from modelconf import renderers
from modelconf.lint import LintOptions, lint_paths

CANARY = "sk-proj-C4nAryK3y9d8f7g6h5j4k3l2m1n0pQrStUv"
HEADER_CANARY = "tgp_v1_Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0GfEdCbA9"

CASES = {
    # pi: apiKey and a header value on lines that carry findings (C104 and S003).
    "pi": (
        "models.json",
        '{"providers": {"x": {"baseUrl": "http://h/v1", "api": "openai-chat", "apiKey": "' + CANARY + '",\n'
        '  "headers": {"Authorization": "' + HEADER_CANARY + '", "bogus": 1},\n'
        '  "models": [{"id": "m", "contextLength": 1}]}}}\n',
    ),
    # zot has no apiKey field: C212 points right at the literal key.
    "zot": (
        "models.json",
        '{"providers": {"my-company": {"baseUrl": "https://h/v1", "apiKey": "' + CANARY + '", "models": [{"id": "m", "headers": {"X": "' + HEADER_CANARY + '"}}]}}}\n',
    ),
    # OpenClaw/Mayros: a literal apiKey next to an unknown key (S002).
    "openclaw": (
        "mayros.json",
        '{models: {providers: {x: {baseUrl: "u", apiKey: "' + CANARY + '", headers: {A: "' + HEADER_CANARY + '"}, models: [], extra: 1}}}}\n',
    ),
}


@pytest.mark.parametrize("dialect", sorted(CASES))
@pytest.mark.parametrize("fmt", renderers.FORMATS)
def test_literal_keys_never_printed(tmp_path: Path, dialect: str, fmt: str) -> None:
    name, text = CASES[dialect]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = lint_paths([path], LintOptions(dialect=dialect))
    [result] = report.files
    assert result.diagnostics, "the case must produce findings near the secret"
    assert result.document is not None
    assert {CANARY, HEADER_CANARY} <= result.document.secret_values
    out = io.StringIO()
    renderers.render(fmt, report, out)
    rendered = out.getvalue()
    assert CANARY not in rendered and HEADER_CANARY not in rendered
    if fmt == "full":  # the code frame shows the line, the key masked down to its last characters
        assert CANARY[:8] + "*" * (len(CANARY) - 12) + CANARY[-4:] in rendered


def test_env_names_and_commands_are_not_secrets(tmp_path: Path) -> None:
    path = tmp_path / "models.json"
    path.write_text(
        '{"providers": {"x": {"baseUrl": "u", "api": "openai-completions", "apiKey": "MY_GATEWAY_API_KEY",'
        ' "headers": {"X": "!op read op://vault/item/field"}, "models": [{"id": "m"}]}}}',
        encoding="utf-8",
    )
    [result] = lint_paths([path], LintOptions(dialect="pi")).files
    assert result.document is not None and result.document.secret_values == set()
