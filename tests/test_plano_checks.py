"""Plano's load-time checks: all of them in one run, worded the right way round, never leaking keys."""

from __future__ import annotations

import io
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelconf import renderers
from modelconf.diagnostics import Severity
from modelconf.dialects._plano_view import version_tuple
from modelconf.dialects.plano import DIALECT
from modelconf.document import Document, read_bytes
from modelconf.lint import LintOptions, LintReport, lint_bytes
from modelconf.rules import all_rules

HEADER = "version: v0.4.0\nlisteners:\n  - name: llm\n    type: model\n    port: 12000\n"


# The dialect's checks only; the O1xx findings of resolving are tested with the compiler.
DIALECT_ONLY = LintOptions(overrides=False)


def _lint(text: str) -> list[tuple[str, int, int]]:
    result = lint_bytes(text.encode(), "plano_config.yaml", DIALECT_ONLY)
    return [(d.code, d.span.start.line, d.span.start.column) for d in result.diagnostics if d.span]


def test_every_problem_in_one_run() -> None:
    # Plano's generator stops at the first of these (reference/plano.md, "Generator"); modelconf
    # reports all of them.
    text = HEADER + (
        "model_providers:\n"
        "  - model: claude-3\n"                       # 7: no provider prefix
        "  - model: openai/*\n"                       # 8
        "    default: true\n"                         # 9: wildcard default
        "  - model: ollama/llama3\n"                  # 10: needs base_url
        "  - model: openai/gpt-4o\n"                  # 11
        "    provider_interface: openai\n"            # 12: provider_interface on a known provider
        "  - model: mistral/gpt-4o\n"                 # 13: model id gpt-4o again
        "  - model: qwen/qwen3\n"                     # 14
        "    base_url: dashscope.aliyuncs.com\n"      # 15: no scheme
    )
    assert _lint(text) == [
        ("C404", 7, 12),
        ("C405", 9, 5),
        ("C406", 10, 12),
        ("C408", 12, 5),
        ("C409", 13, 12),
        ("C411", 15, 15),
    ]


def test_provider_interface_message_reads_the_right_way_round() -> None:
    # katanemo/plano#1000: Plano's message is inverted (reference/plano.md, "Known upstream issues" 6).
    text = HEADER + "model_providers:\n  - model: openai/gpt-4o-mini\n    provider_interface: openai\n"
    (diagnostic,) = lint_bytes(text.encode(), "plano_config.yaml").diagnostics
    assert diagnostic.message.startswith(
        "`provider_interface` is only for providers Plano doesn't know; `openai/gpt-4o-mini` already names the "
        "provider, remove `provider_interface`."
    )
    assert "Please provide provider interface as part of model name openai/gpt-4o-mini" in diagnostic.message
    assert diagnostic.hint == "remove `provider_interface`"


def test_plano_messages_are_quoted() -> None:
    text = HEADER + "model_providers:\n  - model: ollama/llama3\n"
    (diagnostic,) = lint_bytes(text.encode(), "plano_config.yaml").diagnostics
    # reference/plano.md, "Generator" step 9.
    assert "\"Provider 'ollama' requires 'base_url' to be set for model ollama/llama3\"" in diagnostic.message


def test_explicit_duplicate_names_stop_the_generator_defaulted_ones_the_runtime() -> None:
    # config_generator checks `name` before defaulting it; brightstaff checks the defaulted names
    # (reference/plano.md, "Generator" 9 and "Runtime checks in Rust").
    text = HEADER + (
        "model_providers:\n"
        "  - model: anthropic/claude-sonnet-4-5\n"
        "    name: openai/gpt-4.1\n"
        "  - model: openai/gpt-4.1\n"
    )
    (diagnostic,) = lint_bytes(text.encode(), "plano_config.yaml").diagnostics
    assert diagnostic.code == "C402" and "brightstaff refuses to start" in diagnostic.message
    assert diagnostic.related[0].span is not None and diagnostic.related[0].span.start.line == 8


def test_alias_targets_count_only_non_wildcard_models() -> None:
    # Observed: an alias to a model reachable only via openai/* fails (reference/plano.md, step 13).
    text = HEADER + "model_providers:\n  - model: openai/*\nmodel_aliases:\n  fast:\n    target: gpt-4o\n"
    assert _lint(text) == [("C420", 10, 13)]


def test_top_level_preference_wins_over_a_lifted_one() -> None:
    # migrate_inline_routing_preferences keeps existing top-level names (reference/plano.md).
    text = (
        "version: v0.3.0\nlisteners:\n  - name: llm\n    type: model\n    port: 12000\n"
        "model_providers:\n"
        "  - model: openai/gpt-4o\n"
        "    name: prod\n"
        "    routing_preferences:\n"
        "      - name: code\n"
        "        description: code\n"
        "routing_preferences:\n"
        "  - name: code\n"
        "    description: code\n"
        "    models: [prod]\n"
    )
    assert [code for code, _, _ in _lint(text)] == ["C442"]


def test_tracing_endpoint_with_env_var_is_left_to_the_environment() -> None:
    # The generator expands `$VARS` first (reference/plano.md, "Generator" 7).
    text = HEADER + "tracing:\n  opentracing_grpc_endpoint: $OTEL_ENDPOINT\n"
    assert _lint(text) == []
    text = HEADER + "tracing:\n  opentracing_grpc_endpoint: http://collector:4317/v1/traces\n"
    assert _lint(text) == [("C418", 7, 30)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("v0.4.0", (0, 4, 0)), ("0.1-beta", (0, 1, 0)), ("v0.1", (0, 1, 0)), ("", (0, 0, 0)), ("V1.x.3", (1, 0, 3)), ("0.2.0", (0, 2, 0))],
)
def test_version_tuple_compares_like_planoai(text: str, expected: tuple[int, int, int]) -> None:
    # config_generator._version_tuple (reference/plano.md, "Inline routing_preferences migration").
    assert version_tuple(text) == expected


CANARY = "sk-proj-CANARYcanaryCANARY0123456789abcdef"


def test_a_literal_key_is_never_printed() -> None:
    text = HEADER + (
        "model_providers:\n"
        f"  - model: openai/gpt-4o\n    access_key: {CANARY}\n"
        f"  - model: openai/gpt-4o-mini\n    passthrough_auth: true\n    access_key: {CANARY}\n"
        "prompt_targets:\n  - name: t\n    description: d\n    endpoint:\n      name: api\n      path: /\n"
        f"      http_headers:\n        Authorization: Bearer {CANARY}\n"
    )
    result = lint_bytes(text.encode(), "plano_config.yaml")
    assert result.document is not None and CANARY in result.document.secret_values
    assert [d.code for d in result.diagnostics].count("C451") == 3
    report = LintReport([result])
    for fmt in renderers.FORMATS:
        out = io.StringIO()
        renderers.render(fmt, report, out)
        assert CANARY not in out.getvalue(), fmt
        assert CANARY[-8:] not in out.getvalue(), fmt
    assert "sk-proj-…cdef (42 chars)" in result.diagnostics[0].message


def test_braced_reference_is_looked_up_with_braces() -> None:
    # planoai up strips only the leading `$` (reference/plano.md, "CLI").
    text = HEADER + "model_providers:\n  - model: openai/gpt-4o\n    access_key: ${OPENAI_API_KEY}\n"
    (diagnostic,) = lint_bytes(text.encode(), "plano_config.yaml").diagnostics
    assert diagnostic.code == "C450" and diagnostic.severity is Severity.WARNING
    assert "`{OPENAI_API_KEY}`" in diagnostic.message and diagnostic.hint == "write `$OPENAI_API_KEY`"


def test_plano_rules_are_documented() -> None:
    rules = [rule for rule in all_rules() if rule.code.startswith("C4")]
    assert len(rules) == 35
    for rule in rules:
        assert rule.name.startswith("plano-")
        assert rule.summary and rule.explanation
        assert any(word in rule.explanation.lower() for word in ("plano", "brightstaff"))


# -- whatever the shape, the checks report and never raise ----------------------------------------

_KEYS = st.sampled_from(
    [
        "version", "listeners", "model_providers", "llm_providers", "model", "name", "default", "base_url",
        "provider_interface", "access_key", "passthrough_auth", "routing_preferences", "models", "type",
        "agents", "filters", "id", "url", "endpoints", "endpoint", "prompt_targets", "model_aliases", "target",
        "overrides", "use_agent_orchestrator", "tracing", "opentracing_grpc_endpoint", "routing",
        "routing_budget", "model_metrics_sources", "selection_policy", "prefer", "input_filters",
        "http_headers", "Authorization", "description", "egress_traffic",
    ]
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["openai/*", "openai/gpt-4o", "ollama/x", "gpt-4o", "http://h:1/p", "h:x", "${A}", "A", "cheapest", "model", "cost", "", "v0.3.0"]),
    st.text(string.printable, max_size=8),
)
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5), max_leaves=25)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=8))
def test_checks_never_raise(value: dict[str, object]) -> None:
    document = Document("plano_config.yaml", "", "yaml", value, locations={})
    for diagnostic in DIALECT.check(document):
        assert diagnostic.code and diagnostic.message


def test_check_on_a_real_read_document() -> None:
    read = read_bytes(b"listeners: {}\nllm_providers: []\nmodel_providers: [{model: x}]\n", "plano_config.yaml")
    assert read.document is not None
    codes = sorted(d.code for d in DIALECT.check(read.document))
    assert "C401" in codes and "C404" in codes and "C414" not in codes


def test_the_quoted_provider_list_is_the_profiles() -> None:
    # Plano's message lists SUPPORTED_PROVIDERS in the generator's order (reference/plano.md,
    # "Generator" 9); the ids themselves come from the Plano target profile.
    from modelconf.dialects._plano_profile import plano_facts
    from modelconf.dialects.plano_checks import SUPPORTED_IN_MESSAGE

    assert len(SUPPORTED_IN_MESSAGE) == 21
    assert set(SUPPORTED_IN_MESSAGE) == plano_facts().supported
    assert plano_facts().needs_base_url == {"azure_openai", "ollama", "qwen", "amazon_bedrock", "plano"}


def test_short_name_warning_only_for_models_the_registry_expands() -> None:
    # A custom-named entry collides with a wildcard's expansion only for models in Plano's registry
    # (reference/plano.md, "Wildcard expansion"); groq has no registry list.
    text = HEADER + (
        "model_providers:\n"
        "  - model: groq/*\n"
        "  - model: groq/llama-3.3-70b-versatile\n"
        "    name: fast\n"
        "  - model: openai/*\n"
        "  - model: openai/not-a-registry-model\n"
        "    name: custom\n"
    )
    assert _lint(text) == []


def test_profile_facts_agree_with_the_typed_profile_loader() -> None:
    # _plano_profile reads catalog/targets/plano.json directly (start-up cost); it must read what
    # modelconf.catalog's loader reads.
    from modelconf.catalog._profiles import load_profile
    from modelconf.dialects._plano_profile import plano_facts

    profile = load_profile("plano")
    facts = plano_facts()
    assert facts.supported == set(profile.providers)
    assert facts.needs_base_url == {p.id for p in profile.providers.values() if p.needs_base_url}
    for provider in profile.providers.values():
        expected = {m.id for m in profile.visible_models(provider.id)} if provider.models.key else set()
        for name in (provider.id, *provider.aliases):
            assert facts.registry_models(name.upper()) == expected, name


@pytest.mark.parametrize(
    ("text", "looked_at"),
    [
        ("name: 2024-06-01\n", True),
        ("models: [2024-06-01]\n", True),
        ("- 2024-6-1\n", True),
        ("name:\n  2024-06-01\n", True),
        ("model: openai/gpt-4o-2024-08-06\n", False),  # a date inside an id is text to PyYAML
        ("name: v2024-06-01\n", False),
        ('name: "2024-06-01"\n', False),
    ],
)
def test_the_date_look_skips_only_files_with_no_whole_date_value(text: str, looked_at: bool) -> None:
    from modelconf.dialects.plano import _may_hold_dates

    assert _may_hold_dates(text) is looked_at


def test_unquoted_dates_are_reported_where_pyyaml_would_make_a_date() -> None:
    # PyYAML's YAML 1.1 timestamp resolver, used by Plano's loader: plain dates become date
    # objects; quoted, tagged or block scalars stay text.
    from modelconf.lint import LintOptions, lint_bytes

    text = (
        "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\n"
        "model_providers:\n"
        "  - model: openai/gpt-4o\n    name: 2024-06-01\n    default: true\n"
        "  - model: openai/gpt-4o-mini\n    name: '2024-06-02'\n"
        "  - model: openai/gpt-4.1\n    name: !!str 2024-06-03\n"
        "  - model: openai/gpt-4.1-mini\n    name: 2024-06-04 10:00:00\n"
    )
    result = lint_bytes(text.encode(), "plano_config.yaml", LintOptions(overrides=False))
    assert [(d.code, d.span.start.line, d.span.start.column) for d in result.diagnostics if d.code == "C452"] == [
        ("C452", 8, 11),
        ("C452", 15, 11),
    ]
    first = next(d for d in result.diagnostics if d.code == "C452")
    assert first.message == (
        "PyYAML, which Plano reads this file with, turns the unquoted 2024-06-01 into a date, not text; "
        "Plano's schema check then rejects the file"
    )
    assert (first.hint, first.pointer) == ('quote it: "2024-06-01"', "/model_providers/0/name")
