"""`modelconf lint` reports the O1xx findings of resolving each file, for files without errors."""

from __future__ import annotations

from modelconf.lint import LintOptions, lint_bytes
from modelconf.rules import all_rules, get_rule
from modelconf.settings import Selection

UNKNOWN_OVERRIDE = b"""{
  "providers": {
    "anthropic": {
      "modelOverrides": {
        "claude-opus-4.6": {"maxTokens": 32000}
      }
    }
  }
}
"""


def test_lint_reports_an_override_of_an_unknown_model_with_its_position():
    # reference/pi.md: "Overrides for ids that do not exist are ignored without a message."
    result = lint_bytes(UNKNOWN_OVERRIDE, "models.json", LintOptions(dialect="pi"))
    assert [(d.code, d.severity.label, d.span.start.line, d.span.start.column) for d in result.diagnostics] == [("O101", "warning", 5, 9)]
    assert result.diagnostics[0].hint == 'did you mean "claude-opus-4-6"?'
    assert result.diagnostics[0].pointer == "/providers/anthropic/modelOverrides/claude-opus-4.6"


def test_no_resolve_checks_on_a_file_with_errors():
    # pi discards the whole file on an error; what it would resolve to is moot.
    broken = UNKNOWN_OVERRIDE.replace(b"32000", b'"32k"')
    codes = [d.code for d in lint_bytes(broken, "models.json", LintOptions(dialect="pi")).diagnostics]
    assert "S001" in codes and "O101" not in codes


def test_the_checks_can_be_ignored_and_switched_off():
    ignored = lint_bytes(UNKNOWN_OVERRIDE, "models.json", LintOptions(dialect="pi", selection=Selection(ignore=("O1",))))
    assert ignored.diagnostics == []
    off = lint_bytes(UNKNOWN_OVERRIDE, "models.json", LintOptions(dialect="pi", overrides=False))
    assert off.diagnostics == []


def test_zot_and_openclaw_files_are_resolved_too():
    zot = b'{"providers": {"openai": {"models": [{"id": "gpt-5", "priceInput": 1.1}]}}}'
    assert [d.code for d in lint_bytes(zot, "zot/models.json").diagnostics] == ["O102"]
    openclaw = b'{agents: {defaults: {model: {primary: "nowhere/x"}}}}'
    found = lint_bytes(openclaw, "mayros.json").diagnostics
    assert [(d.code, d.severity.label) for d in found] == [("O105", "error")]


def test_rules_are_registered_with_docs():
    codes = [rule.code for rule in all_rules() if rule.code.startswith("O1")]
    assert codes == ["O101", "O102", "O103", "O104", "O105"]
    for code in codes:
        rule = get_rule(code)
        assert rule is not None and rule.summary and rule.explanation and rule.example
