"""Properties of compile: order independence where the program is order independent, idempotence,
and lowering + resolving never failing on any document."""

from __future__ import annotations

import json
import re
from typing import Any

from compile_helpers import profile_for, small_catalog, text_ir
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelconf.emit.resolved import render, to_data
from modelconf.resolve import resolve

BUILT_IN_OVERRIDES = {"openai": ["gpt-4.1", "gpt-4o", "gpt-5"], "anthropic": ["claude-opus-4-6", "claude-sonnet-4-5"], "google": ["gemini-2.5-pro"]}
NAMES = st.text(alphabet="abcdefghij-", min_size=1, max_size=6).filter(lambda s: s[0] != "-")
NUMBERS = st.integers(min_value=1, max_value=2_000_000)


@st.composite
def pi_files(draw: Any) -> list[str]:
    """Files that touch disjoint providers: custom ones, and overrides of built-in ones."""
    custom = draw(st.lists(NAMES, min_size=1, max_size=4, unique=True))
    built_in = draw(st.lists(st.sampled_from(sorted(BUILT_IN_OVERRIDES)), max_size=3, unique=True))
    blocks: list[tuple[str, dict[str, Any]]] = []
    for name in custom:
        models = [{"id": model_id, "contextWindow": draw(NUMBERS)} for model_id in draw(st.lists(NAMES, min_size=1, max_size=3, unique=True))]
        blocks.append((f"c-{name}", {"baseUrl": f"http://{name}/v1", "api": "openai-completions", "apiKey": "K", "models": models}))
    for provider in built_in:
        ids = draw(st.lists(st.sampled_from(BUILT_IN_OVERRIDES[provider]), min_size=1, unique=True))
        blocks.append((provider, {"modelOverrides": {model_id: {"maxTokens": draw(NUMBERS)} for model_id in ids}}))
    count = draw(st.integers(min_value=1, max_value=len(blocks)))
    files = [dict(blocks[i::count]) for i in range(count)]
    return [json.dumps({"providers": providers}, indent=1) for providers in files if providers]


def _compile(texts: list[tuple[str, str]], target: str = "pi", dialect: str = "pi") -> dict[str, Any]:
    irs = [text_ir(text, name, dialect, target) for name, text in texts]
    return to_data(resolve(irs, target, catalog=small_catalog(), profile=profile_for(target)))


def _without_file_order(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["sources"] = sorted(data["sources"], key=lambda s: s["file"])
    data["entries"] = sorted(data["entries"], key=lambda e: e["entry"])
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pi_files(), st.randoms(use_true_random=False))
def test_pi_file_order_does_not_matter_for_disjoint_providers(files: list[str], random: Any) -> None:
    named = [(f"f{i}.json", text) for i, text in enumerate(files)]
    shuffled = list(named)
    random.shuffle(shuffled)
    assert _without_file_order(_compile(named)) == _without_file_order(_compile(shuffled))


_POSITION = re.compile(r"^(.+):[0-9]+:[0-9]+$")


def _values_only(data: Any) -> Any:
    """Provenance positions replaced by their file: what zot resolves, not where it was written."""
    if isinstance(data, dict):
        return {key: _values_only(value) for key, value in data.items() if key not in ("entries", "sources", "overrides")}
    if isinstance(data, list):
        return [_values_only(item) for item in data]
    if isinstance(data, str) and _POSITION.match(data):
        return _POSITION.sub(r"\1", data)
    return data


@settings(max_examples=40, deadline=None)
@given(st.lists(NAMES, min_size=2, max_size=5, unique=True), st.randoms(use_true_random=False))
def test_zot_provider_order_does_not_matter(names: list[str], random: Any) -> None:
    # zot reads providers from a Go map: iteration order is random, so the result must not depend on it.
    blocks = {f"p-{name}": {"baseUrl": f"http://{name}/v1", "models": [{"id": "m", "maxTokens": len(name)}]} for name in names}
    blocks["openai"] = {"models": [{"id": "gpt-5", "priceInput": 1.5}]}
    keys = list(blocks)
    shuffled = list(keys)
    random.shuffle(shuffled)
    first = _compile([("z.json", json.dumps({"providers": {k: blocks[k] for k in keys}}))], "zot", "zot")
    second = _compile([("z.json", json.dumps({"providers": {k: blocks[k] for k in shuffled}}))], "zot", "zot")
    assert _values_only(first) == _values_only(second)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pi_files())
def test_compile_is_idempotent_and_its_sources_recompile_to_the_same_bytes(files: list[str]) -> None:
    named = [(f"f{i}.json", text) for i, text in enumerate(files)]
    texts = dict(named)
    irs = [text_ir(text, name, "pi") for name, text in named]
    first = render(resolve(irs, "pi", catalog=small_catalog(), profile=profile_for("pi")))
    second = render(resolve(irs, "pi", catalog=small_catalog(), profile=profile_for("pi")))
    assert first == second
    # The catalog names its inputs; compiling exactly those again gives the same catalog.
    sources = json.loads(first)["sources"]
    again = [text_ir(texts[source["file"]], source["file"], source["dialect"]) for source in sources]
    assert render(resolve(again, "pi", catalog=small_catalog(), profile=profile_for("pi"))) == first


# -- robustness: any value in any place ----------------------------------------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12))
KEYS = st.sampled_from(
    [
        "providers", "models", "modelOverrides", "id", "name", "api", "baseUrl", "apiKey", "headers", "compat", "cost", "input",
        "contextWindow", "maxTokens", "reasoning", "authHeader", "priceInput", "type", "auth", "mode", "model", "base_url",
        "access_key", "provider_interface", "passthrough_auth", "default", "model_providers", "model_aliases", "target",
        "openRouterRouting", "agents", "defaults", "primary", "openai", "anthropic", "x", "openai/*", "litellm/*",
    ]
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=30)


ENTRY = st.dictionaries(KEYS, VALUES, max_size=8)
PROVIDER_KEYS = st.sampled_from(["openai", "anthropic", "openrouter", "moonshot", "local", "Z.AI", "", "openai-responses"])
SHAPED = st.one_of(
    # pi / zot / openclaw-models: {"providers": {key: {..., "models": [...], "modelOverrides": {...}}}}
    st.fixed_dictionaries(
        {"providers": st.dictionaries(PROVIDER_KEYS, st.one_of(VALUES, st.fixed_dictionaries({"models": st.lists(ENTRY, max_size=3), "modelOverrides": st.dictionaries(KEYS, ENTRY, max_size=2)}, optional={"baseUrl": VALUES, "api": VALUES, "apiKey": VALUES, "headers": VALUES, "compat": VALUES, "auth": VALUES, "authHeader": VALUES})), max_size=4)}
    ),
    # openclaw: {"models": {"mode": ..., "providers": {...}}, "agents": {"defaults": {"model": ...}}}
    st.fixed_dictionaries(
        {"models": st.fixed_dictionaries({"providers": st.dictionaries(PROVIDER_KEYS, st.fixed_dictionaries({"models": st.lists(ENTRY, max_size=3)}, optional={"baseUrl": VALUES, "apiKey": VALUES, "auth": VALUES}), max_size=3)}, optional={"mode": VALUES}),
         "agents": st.fixed_dictionaries({"defaults": st.fixed_dictionaries({"model": st.one_of(VALUES, st.fixed_dictionaries({"primary": VALUES}))})})}
    ),
    # plano: {"model_providers": [...], "model_aliases": {...}}
    st.fixed_dictionaries(
        {"model_providers": st.lists(st.fixed_dictionaries({"model": st.one_of(st.sampled_from(["openai/*", "openai/gpt-4o", "litellm/*", "groq/*", "azure_openai/*", "x/y/z", "a/", "/*", "*"]), VALUES)}, optional={"base_url": st.one_of(st.sampled_from(["http://h:1/p", "https://api.kimi.com/coding", "nope", ""]), VALUES), "provider_interface": VALUES, "access_key": VALUES, "passthrough_auth": VALUES, "default": VALUES, "name": VALUES, "headers": VALUES}), max_size=5),
         "model_aliases": st.dictionaries(st.text(max_size=5), st.one_of(VALUES, st.fixed_dictionaries({"target": st.one_of(st.sampled_from(["gpt-4o", "openai/gpt-4o"]), VALUES)})), max_size=3)}
    ),
    st.dictionaries(KEYS, VALUES, max_size=5),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SHAPED, st.sampled_from([("pi", "pi"), ("zot", "zot"), ("openclaw", "openclaw"), ("openclaw-models", "openclaw"), ("plano", "plano")]))
def test_lowering_and_resolving_never_fail(document: dict[str, Any], dialect_target: tuple[str, str]) -> None:
    dialect, target = dialect_target
    text = json.dumps(document)
    ir = text_ir(text, "any.json", dialect, target)
    rendered = render(resolve([ir], target, catalog=small_catalog(), profile=profile_for(target)))
    assert json.loads(rendered)["target"] == target
