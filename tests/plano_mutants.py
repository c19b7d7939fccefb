"""Deterministic mutants of Plano configs for the schema equivalence test.

Each mutant is a JSON-shaped value derived from a real config by one change: a key added,
removed or retyped, a value replaced by a bad enum value, an empty string or a line break, a list
emptied or grown, a listener rewritten into the other form, the legacy `provider` key, the schema's
holes (inline routing_preferences items, endpoint names, unknown overrides) and its conditional
keywords. Mutations are de-duplicated by (path with list indexes as `*`, mutation), so every
distinct location of the corpus gets every kind of change once.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

Path = tuple[str | int, ...]

_OTHER_TYPES: tuple[tuple[str, Any], ...] = (
    ("null", None),
    ("int", 7),
    ("float", 1.5),
    ("bool", True),
    ("string", "text"),
    ("array", []),
    ("object", {}),
)


def _nodes(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _nodes(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _nodes(child, path + (index,))


def _shape(path: Path) -> tuple[str, ...]:
    return tuple("*" if isinstance(step, int) else step for step in path)


def _set(root: Any, path: Path, value: Any) -> Any:
    out = copy.deepcopy(root)
    if not path:
        return value
    node = out
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return out


def _delete(root: Any, path: Path) -> Any:
    out = copy.deepcopy(root)
    node = out
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return out


def _get(root: Any, path: Path) -> Any:
    node = root
    for step in path:
        node = node[step]
    return node


def generic_mutants(value: Any) -> Iterator[tuple[tuple[str, ...], str, Any]]:
    """(shape, mutation, mutant) for every node of `value`."""
    for path, node in list(_nodes(value)):
        shape = _shape(path)
        if isinstance(node, dict):
            yield shape, "add-unknown-key", _set(value, path, {**node, "zzz_unknown": 1})
            yield shape, "add-additionalProperties-key", _set(value, path, {**node, "additionalProperties": False})
            for key in node:
                yield shape + (key,), "remove-key", _delete(value, path + (key,))
        if isinstance(node, list):
            yield shape, "empty-list", _set(value, path, [])
            if node:
                yield shape, "repeat-first-item", _set(value, path, node + [copy.deepcopy(node[0])])
        if isinstance(node, str):
            yield shape, "bogus-string", _set(value, path, "bogus-value")
            yield shape, "empty-string", _set(value, path, "")
            yield shape, "line-break", _set(value, path, node + "\nmore")
        if isinstance(node, bool):
            yield shape, "bool-as-string", _set(value, path, "yes")
        elif isinstance(node, int):
            for label, number in (("negative", -1), ("zero", 0), ("huge", 20000), ("integral-float", 1.0)):
                yield shape, label, _set(value, path, number)
        if path:
            for label, other in _OTHER_TYPES:
                yield shape, f"retype-{label}", _set(value, path, other)


def _providers(value: Any) -> Iterator[tuple[Path, dict[str, Any]]]:
    for key in ("model_providers", "llm_providers"):
        items = value.get(key) if isinstance(value, dict) else None
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    yield (key, index), item


def special_mutants(value: Any) -> Iterator[tuple[str, Any]]:
    """Targeted mutants for the schema's alternatives, conditionals and holes."""
    if not isinstance(value, dict):
        return
    for version in ("v0.1", "v0.1.0", "0.1-beta", "0.2.0", "v0.3.0", "v0.4.0", "v0.2.0", "0.4.0", "V0.4.0", 0.1, 2):
        yield f"version={version!r}", {**value, "version": version}
    yield "listeners=legacy", {**value, "listeners": {"egress_traffic": {"port": 12000, "message_format": "openai"}}}
    yield "listeners=legacy-both", {**value, "listeners": {"ingress_traffic": {"port": 10000}, "egress_traffic": {"address": "0.0.0.0", "timeout": "30s"}}}
    yield "listeners=legacy-bad-format", {**value, "listeners": {"egress_traffic": {"message_format": "huggingface"}}}
    yield "listeners=legacy-unknown", {**value, "listeners": {"egress_traffic": {}, "other_traffic": {}}}
    yield "listeners=empty-object", {**value, "listeners": {}}
    yield "listeners=list-item-missing-type", {**value, "listeners": [{"name": "llm", "port": 12000}]}
    yield "listeners=list-of-strings", {**value, "listeners": ["llm"]}
    yield "listeners=list-agent", {**value, "listeners": [{"name": "a", "type": "agent", "router": "plano_orchestrator_v1", "agents": [{"id": "x", "description": "d", "default": True, "input_filters": ["f"]}]}]}
    yield "listeners=list-agent-missing-description", {**value, "listeners": [{"name": "a", "type": "agent", "agents": [{"id": "x"}]}]}
    yield "listeners=null", {**value, "listeners": None}
    for path, provider in _providers(value):
        model = provider.get("model", "openai/gpt-4o")
        yield "provider+legacy-provider", _set(value, path, {**provider, "provider": "openai"})
        yield "provider+anthropic-interface", _set(value, path, {**provider, "provider_interface": "anthropic"})
        yield "provider+claude-interface", _set(value, path, {**provider, "provider_interface": "claude"})
        for interface in ("plano", "openai", "moonshotai", "edenai"):
            yield f"provider+interface={interface}", _set(value, path, {**provider, "provider_interface": interface})
        yield "provider+headers", _set(value, path, {**provider, "headers": {"X-A": "1", "originator": "x"}})
        yield "provider+headers-int", _set(value, path, {**provider, "headers": {"X-A": 1}})
        yield "provider+inline-ok", _set(value, path, {**provider, "routing_preferences": [{"name": "n", "description": "d"}]})
        yield "provider+inline-no-description", _set(value, path, {**provider, "routing_preferences": [{"name": "n"}]})
        yield "provider+inline-no-name", _set(value, path, {**provider, "routing_preferences": [{"description": "d"}]})
        yield "provider+inline-extra", _set(value, path, {**provider, "routing_preferences": [{"name": "n", "description": "d", "priority": 1}]})
        yield "provider+inline-name-int", _set(value, path, {**provider, "routing_preferences": [{"name": 1, "description": "d"}]})
        yield "provider+inline-string-item", _set(value, path, {**provider, "routing_preferences": ["code"]})
        yield "provider+inline-object", _set(value, path, {**provider, "routing_preferences": {"name": "n"}})
        yield "provider-model-only", _set(value, path, {"model": model})
        yield "provider-no-model", _set(value, path, {k: v for k, v in provider.items() if k != "model"})
        break  # one provider per file is enough: all providers share one definition
    yield "endpoints+bad-name", {**value, "endpoints": {**(value.get("endpoints") or {}), "bad-name": {"endpoint": "x:1"}}}
    yield "endpoints+bad-name-bad-shape", {**value, "endpoints": {"bad-name": {"endpoint": 1, "zzz": 2}}}
    yield "endpoints+bad-name-not-object", {**value, "endpoints": {"1st": "x"}}
    yield "endpoints+good-name-bad-shape", {**value, "endpoints": {"good": {"endpoint": 1}}}
    yield "endpoints+good-name-missing-endpoint", {**value, "endpoints": {"good": {"protocol": "http"}}}
    yield "endpoints+prefix-affinity", {**value, "endpoints": {"vllm": {"endpoint": "x", "prefix_affinity": True}}}
    yield "overrides+unknown", {**value, "overrides": {"use_agent_orchestrator": True, "zzz_override": 1}}
    yield "overrides+retyped", {**value, "overrides": {"orchestrator_model_context_length": "8k"}}
    yield "state_storage=postgres", {**value, "state_storage": {"type": "postgres"}}
    yield "state_storage=postgres+conn", {**value, "state_storage": {"type": "postgres", "connection_string": "$DB"}}
    yield "state_storage=memory", {**value, "state_storage": {"type": "memory"}}
    yield "state_storage=no-type", {**value, "state_storage": {"connection_string": "x"}}
    yield "metrics=cost", {**value, "model_metrics_sources": [{"type": "cost", "provider": "models.dev", "model_aliases": {"a/b": "c/d"}}]}
    yield "metrics=cost-bad-provider", {**value, "model_metrics_sources": [{"type": "cost", "provider": "prometheus"}]}
    yield "metrics=latency", {**value, "model_metrics_sources": [{"type": "latency", "provider": "prometheus", "url": "u", "query": "q"}]}
    yield "metrics=latency-missing-query", {**value, "model_metrics_sources": [{"type": "latency", "provider": "prometheus", "url": "u"}]}
    yield "metrics=unknown-type", {**value, "model_metrics_sources": [{"type": "quality", "provider": "x"}]}
    yield "metrics=refresh-zero", {**value, "model_metrics_sources": [{"type": "cost", "provider": "digitalocean", "refresh_interval": 0}]}
    yield "exporters=posthog", {**value, "tracing": {"exporters": [{"type": "posthog", "url": "u", "api_key": "$K"}]}}
    yield "exporters=posthog-missing-key", {**value, "tracing": {"exporters": [{"type": "posthog", "url": "u"}]}}
    yield "exporters=other", {**value, "tracing": {"exporters": [{"type": "otlp", "url": "u", "api_key": "k"}]}}
    yield "routing_preferences=ok", {**value, "routing_preferences": [{"name": "n", "description": "d", "models": ["a/b"], "selection_policy": {"prefer": "cheapest"}}]}
    yield "routing_preferences=no-models", {**value, "routing_preferences": [{"name": "n", "description": "d", "models": []}]}
    yield "routing_preferences=bad-prefer", {**value, "routing_preferences": [{"name": "n", "description": "d", "models": ["a"], "selection_policy": {"prefer": "best"}}]}
    yield "routing_preferences=empty-policy", {**value, "routing_preferences": [{"name": "n", "description": "d", "models": ["a"], "selection_policy": {}}]}
    yield "routing=budget", {**value, "routing": {"routing_budget": {"max_switch_spend_pct": 20, "cache_read_discount": 0.1}}}
    yield "routing=budget-over", {**value, "routing": {"routing_budget": {"max_switch_spend_pct": 101}}}
    yield "routing=budget-missing", {**value, "routing": {"routing_budget": {"replenish_on_rebind": True}}}
    yield "routing=max-entries-over", {**value, "routing": {"session_max_entries": 10001}}
    yield "routing=redis", {**value, "routing": {"session_cache": {"type": "redis", "url": "redis://x"}}}
    yield "routing=bad-cache", {**value, "routing": {"session_cache": {"type": "disk"}}}
    yield "prompt_caching=ok", {**value, "prompt_caching": {"enabled": True, "min_prefix_tokens": 1}}
    yield "prompt_caching=zero", {**value, "prompt_caching": {"min_prefix_tokens": 0}}
    yield "prompt_guards=ok", {**value, "prompt_guards": {"input_guards": {"jailbreak": {"on_exception": {"message": "no"}}}}}
    yield "prompt_guards=missing", {**value, "prompt_guards": {"input_guards": {"jailbreak": {}}}}
    yield "param=additionalProperties", {**value, "prompt_targets": [{"name": "t", "description": "d", "parameters": [{"name": "p", "description": "d", "type": "str", "additionalProperties": False}]}]}
    yield "param=enum-mixed", {**value, "prompt_targets": [{"name": "t", "description": "d", "parameters": [{"name": "p", "description": "d", "type": "str", "enum": ["a", 1, True], "default": 2}]}]}
    yield "param=enum-float", {**value, "prompt_targets": [{"name": "t", "description": "d", "parameters": [{"name": "p", "description": "d", "type": "str", "enum": [1.5]}]}]}
    yield "aliases=ok", {**value, "model_aliases": {"fast": {"target": "gpt-4o"}}}
    yield "aliases=missing-target", {**value, "model_aliases": {"fast": {}}}
    yield "aliases=string", {**value, "model_aliases": {"fast": "gpt-4o"}}
    yield "mode=bad", {**value, "mode": "chat"}
    yield "filters=mcp", {**value, "filters": [{"id": "f", "url": "u", "type": "mcp", "transport": "streamable-http", "tool": "t"}]}
    yield "filters=bad-transport", {**value, "filters": [{"id": "f", "url": "u", "transport": "sse"}]}
    yield "root=list", [value]
    yield "root=string", "text"
    yield "root=null", None
    yield "root=empty", {}


def all_mutants(configs: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every distinct generic mutant plus the special ones, with a label naming file and change."""
    seen: set[tuple[tuple[str, ...], str]] = set()
    out: list[tuple[str, Any]] = []
    for name, value in configs.items():
        for shape, mutation, mutant in generic_mutants(value):
            if (shape, mutation) in seen:
                continue
            seen.add((shape, mutation))
            out.append((f"{name}: {mutation} at {'/'.join(map(str, shape))}", mutant))
        for mutation, mutant in special_mutants(value):
            out.append((f"{name}: {mutation}", mutant))
    return out
