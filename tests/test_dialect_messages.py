"""Messages in plain words, with each program's own wording and consequence; the programs' observed
behaviour as the oracle for what is an error."""

from __future__ import annotations

import json
from typing import Any

import pytest

from modelconf.diagnostics import Diagnostic, Severity
from modelconf.lint import LintOptions, lint_bytes

PI_DISCARDS = "pi ignores every custom provider in this file while this error is present"
ZOT_IGNORES = "zot prints `models.json: parse error: ... (file ignored)` and ignores the whole file"
OPENCLAW_IGNORES = (
    'OpenClaw/Mayros rejects the config: it logs "Invalid config" and runs with an empty config '
    "(none of this file's settings apply) while this error is present"
)
OLLAMA = {"baseUrl": "http://localhost:11434/v1", "api": "openai-completions", "apiKey": "ollama"}


def _lint(value: Any, dialect: str, name: str = "models.json") -> list[Diagnostic]:
    text = value if isinstance(value, str) else json.dumps(value, indent=2)
    return lint_bytes(text.encode(), name, LintOptions(dialect=dialect)).diagnostics


def _one(diagnostics: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in diagnostics]
    return found[0]


def _pi(model: dict[str, Any] | None = None, **provider: Any) -> dict[str, Any]:
    block = dict(OLLAMA, **provider)
    if model is not None:
        block["models"] = [dict({"id": "llama3.1:8b"}, **model)]
    return {"providers": {"ollama": block}}


# -- plain words (the shared schema translation, as the dialects use it) -------------------------


def test_type_mismatch_names_expected_and_actual() -> None:
    d = _one(_lint(_pi({"contextWindow": "128k"}), "pi"), "S001")
    assert d.message == f'`providers.ollama.models[0].contextWindow` must be a number, not a string ("128k"); {PI_DISCARDS}'


def test_enum_lists_allowed_values_and_the_closest() -> None:
    d = _one(_lint({"models": {"mode": "merged"}}, "openclaw", "mayros.json"), "S005")
    assert d.message == f'`models.mode` must be one of "merge", "replace"; got "merged"; {OPENCLAW_IGNORES}'
    assert d.hint == 'did you mean "merge"?'


def test_missing_key_names_the_object() -> None:
    value = {"models": {"providers": {"lmstudio": {"baseUrl": "http://localhost:1234/v1", "models": [{"id": "qwen3"}]}}}}
    d = _one(_lint(value, "openclaw", "mayros.json"), "S004")
    assert d.message == f"`models.providers.lmstudio.models[0]` is missing required key `name`; {OPENCLAW_IGNORES}"


def test_unknown_key_ignored_by_pi_is_a_warning_with_did_you_mean() -> None:
    d = _one(_lint(_pi({"contextLength": 131072}), "pi"), "S003")
    assert d.severity is Severity.WARNING
    assert d.message == "unknown key `contextLength` in `providers.ollama.models[0]`; pi ignores it"
    assert d.hint == "did you mean `contextWindow`?"


def test_unknown_key_rejected_by_openclaw_is_an_error_with_did_you_mean() -> None:
    value = {"models": {"providers": {"x": {"baseUrl": "u", "models": [], "apikey": "K"}}}}
    d = _one(_lint(value, "openclaw", "mayros.json"), "S002")
    assert d.severity is Severity.ERROR
    assert d.message == f"unknown key `apikey` in `models.providers.x`; {OPENCLAW_IGNORES}"
    assert d.hint == "did you mean `apiKey`?"


# -- pi: validateConfig() wording (reference/pi.md, "validateConfig() messages") ------------------


def test_pi_missing_base_url_quotes_pi() -> None:
    d = _one(_lint({"providers": {"ollama": {"api": "openai-completions", "apiKey": "ollama", "models": [{"id": "m"}]}}}, "pi"), "C101")
    assert d.message == f'Provider ollama: "baseUrl" is required when defining custom models. {PI_DISCARDS}'


def test_pi_missing_api_key_on_a_built_in_provider_says_pi_requires_it_anyway() -> None:
    # pi issues #2955/#3043: raised even when auth.json or the environment has the key.
    value = {"providers": {"openrouter": {"baseUrl": "https://openrouter.ai/api/v1", "api": "openai-completions", "models": [{"id": "x/y"}]}}}
    d = _one(_lint(value, "pi"), "C102")
    assert d.message.startswith('Provider openrouter: "apiKey" is required when defining custom models. pi v0.58.3 requires it even')
    assert "#2955" in d.message and d.message.endswith(PI_DISCARDS)
    assert d.hint is not None and '"OPENROUTER_API_KEY"' in d.hint


def test_pi_missing_api() -> None:
    value = {"providers": {"vllm": {"baseUrl": "http://h/v1", "apiKey": "K", "models": [{"id": "qwen"}]}}}
    d = _one(_lint(value, "pi"), "C103")
    assert d.message == f'Provider vllm, model qwen: no "api" specified. Set at provider or model level. {PI_DISCARDS}'


def test_pi_invalid_limits() -> None:
    d = _one(_lint(_pi({"maxTokens": 0}), "pi"), "C105")
    assert d.message == f"Provider ollama, model llama3.1:8b: invalid maxTokens. It must be greater than 0, not 0; {PI_DISCARDS}"


def test_pi_headers_only_override() -> None:
    d = _one(_lint({"providers": {"openai": {"headers": {"X-Org": "a"}}}}, "pi"), "C106")
    assert d.message == (
        'Provider openai: must specify "baseUrl", "compat", "modelOverrides", or "models". '
        f"It sets only `headers`; {PI_DISCARDS}"
    )


def test_pi_unknown_api_is_a_request_time_warning() -> None:
    # reference/pi.md: api "openai-chat" is accepted and fails at request time.
    d = _one(_lint(_pi(api="openai-chat"), "pi"), "C104")
    assert d.severity is Severity.WARNING
    assert 'No API provider registered for api: openai-chat' in d.message
    assert d.hint == 'did you mean "openai-completions"?'


def test_pi_cost_hint_lists_the_four_fields() -> None:
    found = [d for d in _lint(_pi({"cost": {"input": 1}}), "pi") if d.code == "S004"]
    assert sorted(d.message.split("`")[3] for d in found) == ["cacheRead", "cacheWrite", "output"]
    assert all("`input`, `output`, `cacheRead` and `cacheWrite`" in (d.hint or "") for d in found)


def test_pi_compat_warning_says_pi_does_not_check_it() -> None:
    d = _one(_lint(_pi(compat={"supportsStore": "yes"}), "pi"), "S001")
    assert d.severity is Severity.WARNING
    assert d.message.startswith('`providers.ollama.compat.supportsStore` must be a boolean, not a string ("yes"); pi does not check `compat`')


def test_pi_strict_json_note() -> None:
    text = '{\n  // local models\n  "providers": {}\n}'
    d = _lint(text, "pi")[0]
    assert d.code == "P013"
    assert d.message.startswith("pi parses this file as strict JSON and rejects comments; pi v0.58.3 then ignores every custom provider")
    assert "PR #4162" in d.message


# -- pi's observed behaviour as the oracle: error <=> pi rejects the file ------------------------
# reference/pi.md, "Observed behaviour" (typebox 0.34.41, ajv 8.17.1).


@pytest.mark.parametrize(
    "value, pi_rejects",
    [
        ({}, True),
        ({"providers": {"x": dict(OLLAMA, models={})}}, True),
        (_pi({"id": ""}), True),
        (_pi({"cost": {"input": 1}}), True),
        (_pi({"input": ["audio"]}), True),
        (_pi({"contextWindow": "128k"}), True),
        (_pi({}, apiKey=123), True),
        (_pi({"foo": 1, "contextLength": 131072}), False),
        (_pi({}, api="openai-chat"), False),
        (_pi({"compat": {"supportsStore": "yes", "maxTokensField": "foo"}}), False),
        (_pi({}), False),
    ],
)
def test_pi_observed_behaviour(value: dict[str, Any], pi_rejects: bool) -> None:
    errors = [d for d in _lint(value, "pi") if d.severity is Severity.ERROR]
    assert bool(errors) is pi_rejects, [(d.code, d.message) for d in errors]
    assert all(d.message.endswith(PI_DISCARDS) for d in errors)


# -- zot: its own warning strings (reference/zot.md, "Warning strings") ---------------------------


def test_zot_unknown_api_uses_zots_wording() -> None:
    value = {"providers": {"bad-api": {"baseUrl": "https://h/v1", "api": "anthropic-message", "models": [{"id": "m"}]}}}
    d = _one(_lint(value, "zot"), "C201")
    assert d.message == 'models.json: provider "bad-api" has unknown api "anthropic-message"; defaulting to openai'
    assert d.hint == 'did you mean "anthropic-messages"?'


def test_zot_empty_id_counts_entries_from_zero() -> None:
    value = {"providers": {"my-company": {"baseUrl": "https://h/v1", "models": [{"id": "a"}, {"name": "b"}]}}}
    d = _one(_lint(value, "zot"), "C202")
    assert d.message == 'models.json: provider "my-company" entry #1 has empty id; skipped'


def test_zot_negative_limit() -> None:
    value = {"providers": {"my-company": {"baseUrl": "https://h/v1", "models": [{"id": "m", "maxTokens": -1}]}}}
    d = _one(_lint(value, "zot"), "C203")
    assert d.message == "models.json: my-company/m has negative contextWindow/maxTokens; clamped to 0 (maxTokens is -1)"


def test_zot_type_error_ignores_the_file() -> None:
    value = {"providers": {"my-company": {"baseUrl": "https://h/v1", "models": [{"id": "m", "contextWindow": "128k"}]}}}
    d = _one(_lint(value, "zot"), "S001")
    assert d.message == f'`providers.my-company.models[0].contextWindow` must be an integer, not a string ("128k"); {ZOT_IGNORES}'


def test_zot_renamed_provider() -> None:
    d = _one(_lint({"providers": {"deepseek-chat": {"models": [{"id": "deepseek-v4-pro"}]}}}, "zot"), "C204")
    assert d.message == 'zot renames provider "deepseek-chat" to "deepseek": its models are listed under "deepseek"'


def test_zot_unselectable_alias() -> None:
    d = _one(_lint({"providers": {"hf": {"baseUrl": "https://h/v1", "models": [{"id": "m"}]}}}, "zot"), "C206")
    assert d.message == '--provider can never select "hf": zot resolves the alias `--provider hf` to "huggingface"'


def test_zot_credential_field_points_to_the_env_var() -> None:
    value = {"providers": {"my-company": {"baseUrl": "https://h/v1", "apiKey": "x", "models": [{"id": "m"}]}}}
    d = _one(_lint(value, "zot"), "C212")
    assert d.hint == 'remove `apiKey`; zot reads the key for "my-company" from MY_COMPANY_API_KEY, --api-key or /login'


# -- OpenClaw/Mayros -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "provider, rejects",
    [
        # reference/openclaw.md, "Observed behaviour" (zod 4.3.6).
        ({"baseUrl": "u", "api": "google-genai", "models": []}, True),
        ({"baseUrl": "u"}, True),
        ({"baseUrl": "u", "models": [{"id": "m"}]}, True),
        ({"baseUrl": "", "models": []}, True),
        ({"baseUrl": "u", "models": [], "foo": 1}, True),
        ({"baseUrl": "u", "models": [{"id": "m", "name": "M", "contextWindow": 0}]}, True),
        ({"baseUrl": "u", "models": [{"id": "m", "name": "M"}]}, False),
    ],
)
def test_openclaw_observed_behaviour(provider: dict[str, Any], rejects: bool) -> None:
    errors = [d for d in _lint({"models": {"providers": {"x": provider}}}, "openclaw", "mayros.json") if d.severity is Severity.ERROR]
    assert bool(errors) is rejects
    assert all(d.message.endswith(OPENCLAW_IGNORES) for d in errors)


def test_openclaw_env_reference_lower_case() -> None:
    value = {"models": {"providers": {"x": {"baseUrl": "u", "apiKey": "${together_key}", "models": []}}}}
    d = _one(_lint(value, "openclaw", "mayros.json"), "C301")
    assert d.message == (
        "`${together_key}` is not substituted: OpenClaw/Mayros replaces only `${NAME}` with an upper-case NAME "
        "(A-Z, 0-9, _; not starting with a digit), so the text stays as written"
    )
    assert d.hint == "did you mean ${TOGETHER_KEY}?"


def test_openclaw_valid_env_references_are_quiet() -> None:
    value = {"models": {"providers": {"x": {"baseUrl": "${BASE}/v1", "apiKey": "${A_1}${B}", "models": []}}}}
    assert _lint(value, "openclaw", "mayros.json") == []


def test_openclaw_alias() -> None:
    value = {"models": {"providers": {"z-ai": {"baseUrl": "u", "models": []}}}}
    d = _one(_lint(value, "openclaw", "mayros.json"), "C303")
    assert d.message.startswith('OpenClaw/Mayros normalizes the provider id "z-ai" to "zai" in model refs')
    assert d.hint == 'use "zai" as the key'


def test_openclaw_max_tokens_clamped() -> None:
    # reference/openclaw.md: model-alias-defaults.test.ts "clamps maxTokens to contextWindow" 32768/40960.
    value = {"models": {"providers": {"x": {"baseUrl": "u", "models": [{"id": "m", "name": "M", "contextWindow": 32768, "maxTokens": 40960}]}}}}
    d = _one(_lint(value, "openclaw", "mayros.json"), "C304")
    assert d.message == "`maxTokens` 40960 is larger than `contextWindow` (32768); OpenClaw/Mayros clamps it to 32768"


def test_openclaw_agent_models_hint_points_to_the_config() -> None:
    value = {"providers": {"x": {"baseUrl": "u", "api": "openai-completions", "models": [{"id": "m"}]}}}
    d = _one(_lint(value, "openclaw-models"), "C102")
    assert d.message.endswith(PI_DISCARDS)
    assert d.hint is not None and "writes this file from `models.providers` in its config" in d.hint
