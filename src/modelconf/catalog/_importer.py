"""Build the built-in catalog from a models.dev checkout (`providers/`, `models/`).

models.dev keeps one TOML file per provider (`providers/<id>/provider.toml`) and per model
(`providers/<id>/models/<model-id>.toml`; the model id is the path under `models/` without
`.toml`, so ids may contain `/`). A model may inherit from a provider-agnostic file with
`base_model = "<lab>/<id>"` (`models/<lab>/<id>.toml`): the two are merged deep, the
provider's values win, and `base_model_omit = ["limit.input", ...]` drops inherited fields
first. A nested table given in full therefore replaces every inherited key; a partial table
(`[limit]` with only `input`) keeps the other inherited keys, as upstream's generator does.

The output is deterministic: sorted providers and models, one model per line, floats for
costs, `\\n` line ends, no timestamps. Re-running on the same input gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

FORMAT = "modelconf.catalog/1"
SCHEMA_ID = "https://modelconf.dev/schemas/builtin-catalog.json"

# Order of the values in each model row (`model_columns` in the file).
MODEL_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "context_window",
    "max_output_tokens",
    "reasoning",
    "input",
    "cost",
    "tool_call",
    "status",
    "api",
    "base_url",
)
COST_COLUMNS: tuple[str, ...] = ("input", "output", "cache_read", "cache_write")

# Wire API spoken by each AI SDK package models.dev names in `npm`. Packages that wrap an
# OpenAI-compatible chat-completions endpoint map to `openai-completions`; packages with a wire
# format of their own that modelconf has no name for map to None.
NPM_WIRE_API: Mapping[str, str | None] = {
    "@ai-sdk/openai-compatible": "openai-completions",
    "@ai-sdk/openai": "openai-responses",
    "@ai-sdk/anthropic": "anthropic-messages",
    "@ai-sdk/google": "google-generative-ai",
    "@ai-sdk/google-vertex": "google-vertex",
    "@ai-sdk/google-vertex/anthropic": "anthropic-messages",
    "@ai-sdk/amazon-bedrock": "bedrock-converse-stream",
    "@ai-sdk/azure": "azure-openai-responses",
    "@ai-sdk/mistral": "mistral-conversations",
    "@ai-sdk/cohere": "cohere-chat",
    "@ai-sdk/groq": "openai-completions",
    "@ai-sdk/cerebras": "openai-completions",
    "@ai-sdk/deepinfra": "openai-completions",
    "@ai-sdk/togetherai": "openai-completions",
    "@ai-sdk/xai": "openai-completions",
    "@ai-sdk/perplexity": "openai-completions",
    "@ai-sdk/vercel": "openai-completions",
    "@ai-sdk/gateway": "openai-completions",
    "@openrouter/ai-sdk-provider": "openai-completions",
    "@aihubmix/ai-sdk-provider": "openai-completions",
    "venice-ai-sdk-provider": "openai-completions",
    "merge-gateway-ai-sdk-provider": "openai-completions",
    "ai-gateway-provider": "openai-completions",
    "gitlab-ai-provider": None,
    "@jerome-benoit/sap-ai-provider-v2": None,
}

# A model-level `[provider] shape` picks the OpenAI flavour explicitly.
SHAPE_WIRE_API: Mapping[str, str] = {"responses": "openai-responses", "completions": "openai-completions"}

# Base URLs the AI SDK packages use when models.dev gives no `api` (the SDK's default
# `baseURL`: the path before `/chat/completions`, `/messages` or `/responses`).
NPM_DEFAULT_BASE_URL: Mapping[str, str] = {
    "@ai-sdk/openai": "https://api.openai.com/v1",
    "@ai-sdk/anthropic": "https://api.anthropic.com/v1",
    "@ai-sdk/google": "https://generativelanguage.googleapis.com/v1beta",
    "@ai-sdk/mistral": "https://api.mistral.ai/v1",
    "@ai-sdk/groq": "https://api.groq.com/openai/v1",
    "@ai-sdk/xai": "https://api.x.ai/v1",
    "@ai-sdk/cerebras": "https://api.cerebras.ai/v1",
    "@ai-sdk/togetherai": "https://api.together.xyz/v1",
    "@ai-sdk/deepinfra": "https://api.deepinfra.com/v1/openai",
    "@ai-sdk/perplexity": "https://api.perplexity.ai",
    "@ai-sdk/cohere": "https://api.cohere.com/v2",
    "@ai-sdk/amazon-bedrock": "https://bedrock-runtime.${AWS_REGION}.amazonaws.com",
}

# Providers whose credentials are not a single API key. Everything else is `api-key`.
AUTH_KIND: Mapping[str, str] = {
    "amazon-bedrock": "cloud-credentials",  # AWS credential chain or a Bedrock bearer token
    "google-vertex": "cloud-credentials",  # Google ADC
    "google-vertex-anthropic": "cloud-credentials",  # Google ADC
    "sap-ai-core": "cloud-credentials",  # an SAP AI Core service key
    "github-copilot": "oauth-subscription",  # a Copilot subscription token
    "lmstudio": "none",  # local server on 127.0.0.1
    "atomic-chat": "none",  # local server on 127.0.0.1
}


class CatalogImportError(Exception):
    """The input folder is not a models.dev checkout, or a file in it is broken."""


def import_models_dev(root: Path, *, commit: str | None = None) -> dict[str, Any]:
    """Read a models.dev folder and return the catalog as a JSON-shaped dict."""
    import tomllib  # only the importer needs TOML

    providers_dir = root / "providers"
    if not providers_dir.is_dir():
        raise CatalogImportError(f"{root} has no providers/ folder; is it a models.dev checkout?")
    if commit is None:
        commit = _commit_from_source_note(root)

    def load(path: Path) -> dict[str, Any]:
        try:
            return tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise CatalogImportError(f"{path}: {error}") from None

    bases: dict[str, dict[str, Any]] = {}
    providers: dict[str, Any] = {}
    for provider_file in sorted(providers_dir.glob("*/provider.toml")):
        provider_id = provider_file.parent.name
        facts = load(provider_file)
        models_dir = provider_file.parent / "models"
        rows: list[tuple[str, list[Any]]] = []
        if models_dir.is_dir():
            for model_file in models_dir.rglob("*.toml"):
                model_id = model_file.relative_to(models_dir).with_suffix("").as_posix()
                raw = load(model_file)
                merged = _inherit(raw, root, bases, load, model_file)
                rows.append((model_id, _model_row(model_id, merged)))
        rows.sort(key=lambda item: item[0])
        providers[provider_id] = _provider_entry(provider_id, facts, [row for _, row in rows])
    if not providers:
        raise CatalogImportError(f"{providers_dir} holds no <id>/provider.toml files")
    return {
        "$schema": SCHEMA_ID,
        "format": FORMAT,
        "source": {
            "name": "models.dev",
            "repository": "https://github.com/anomalyco/models.dev",
            "commit": commit,
            "license": "MIT",
        },
        "model_columns": list(MODEL_COLUMNS),
        "cost_columns": list(COST_COLUMNS),
        "providers": providers,
    }


def _commit_from_source_note(root: Path) -> str | None:
    note = root / "SOURCE.md"
    if not note.is_file():
        return None
    match = re.search(r"\b([0-9a-f]{40})\b", note.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def _inherit(
    raw: dict[str, Any],
    root: Path,
    bases: dict[str, dict[str, Any]],
    load: Any,
    where: Path,
) -> dict[str, Any]:
    base_name = raw.get("base_model")
    if not isinstance(base_name, str):
        return raw
    if base_name not in bases:
        base_file = root / "models" / f"{base_name}.toml"
        if not base_file.is_file():
            raise CatalogImportError(f"{where}: base_model {base_name!r} has no file models/{base_name}.toml")
        bases[base_name] = load(base_file)
    inherited = _copy(bases[base_name])
    omit = raw.get("base_model_omit", [])
    for dotted in omit if isinstance(omit, list) else []:
        _remove(inherited, str(dotted).split("."))
    own = {key: value for key, value in raw.items() if key not in ("base_model", "base_model_omit")}
    return deep_merge(inherited, own)


def deep_merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Merge `override` into `base`: tables merge key by key, every other value replaces."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _remove(table: dict[str, Any], parts: list[str]) -> None:
    node: Any = table
    for part in parts[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(parts[-1], None)


def _provider_entry(provider_id: str, facts: Mapping[str, Any], rows: list[list[Any]]) -> dict[str, Any]:
    npm = _str(facts.get("npm"))
    base_url = _str(facts.get("api"))
    base_url_source = "models.dev" if base_url else None
    if base_url is None and npm is not None and npm in NPM_DEFAULT_BASE_URL:
        base_url = NPM_DEFAULT_BASE_URL[npm]
        base_url_source = "sdk-default"
    env = facts.get("env")
    return {
        "name": _str(facts.get("name")) or provider_id,
        "api": NPM_WIRE_API.get(npm) if npm else None,
        "base_url": base_url,
        "base_url_source": base_url_source,
        "auth": AUTH_KIND.get(provider_id, "api-key"),
        "env": [str(name) for name in env] if isinstance(env, list) else [],
        "doc": _str(facts.get("doc")),
        "npm": npm,
        "models": rows,
    }


def _model_row(model_id: str, model: Mapping[str, Any]) -> list[Any]:
    limit: dict[str, Any] = _table(model.get("limit"))
    modalities: dict[str, Any] = _table(model.get("modalities"))
    override: dict[str, Any] = _table(model.get("provider"))
    api = None
    if override:
        shape = override.get("shape")
        npm = override.get("npm")
        if isinstance(shape, str) and shape in SHAPE_WIRE_API:
            api = SHAPE_WIRE_API[shape]
        elif isinstance(npm, str) and npm in NPM_WIRE_API:
            api = NPM_WIRE_API[npm]
    inputs = modalities.get("input")
    return [
        model_id,
        _str(model.get("name")) or model_id,
        _int(limit.get("context")),
        _int(limit.get("output")),
        _bool(model.get("reasoning")),
        [str(item) for item in inputs] if isinstance(inputs, list) else None,
        _cost(model.get("cost")),
        _bool(model.get("tool_call")),
        _str(model.get("status")),
        api,
        _str(override.get("api")) if override else None,
    ]


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _cost(cost: Any) -> list[float | None] | None:
    if not isinstance(cost, dict) or "input" not in cost or "output" not in cost:
        return None
    return [_float(cost.get(column)) for column in COST_COLUMNS]


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


# -- writing ----------------------------------------------------------------------------------


def dumps_catalog(catalog: Mapping[str, Any]) -> str:
    """Serialize a catalog: stable key order, one model row per line, `\\n` line ends."""
    lines = ["{"]
    head = [key for key in catalog if key != "providers"]
    for key in head:
        lines.append(f"  {_j(key)}: {_j(catalog[key])},")
    lines.append('  "providers": {')
    provider_ids = sorted(catalog["providers"])
    for index, provider_id in enumerate(provider_ids):
        provider = catalog["providers"][provider_id]
        lines.append(f"    {_j(provider_id)}: {{")
        for key in sorted(k for k in provider if k != "models"):
            lines.append(f"      {_j(key)}: {_j(provider[key])},")
        models: list[Any] = provider.get("models", [])
        if models:
            lines.append('      "models": [')
            lines.extend(f"        {_j(row)}{',' if i < len(models) - 1 else ''}" for i, row in enumerate(models))
            lines.append("      ]")
        else:
            lines.append('      "models": []')
        lines.append("    }" + ("," if index < len(provider_ids) - 1 else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), sort_keys=True, allow_nan=False)


def write_catalog(catalog: Mapping[str, Any], out_dir: Path) -> Path:
    """Write `catalog.json` into `out_dir` atomically and return its path."""
    from modelconf.atomic import atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "catalog.json"
    atomic_write_text(target, dumps_catalog(catalog), mode=0o644)  # a data file, readable like the rest of the checkout
    return target
