"""Lower the `models` block of an OpenClaw/Mayros config, and its default model.

Fields follow the zod schema (reference/openclaw.md, "`models` config"): `models.mode`,
`models.providers.<key>` with `baseUrl`, `apiKey`, `auth`, `api`, `headers`, `authHeader` and
`models`. `${NAME}` values are kept as references (OpenClaw/Mayros substitutes them at load and
writes API keys back as bare names). The default model is `agents.defaults.model.primary`;
model aliases are `agents.defaults.models.<ref>.alias`.
"""

from __future__ import annotations

from typing import Any

from modelconf.document import Document, PathT
from modelconf.ir import ConfigIR, ModelEntry, ProviderEntry, Value
from modelconf.lower._common import FieldCollector, credential, dict_items, header_from, listed_models, openclaw_value, origin

_header = header_from(openclaw_value)


def lower_openclaw(document: Document) -> ConfigIR:
    value = document.value if isinstance(document.value, dict) else {}
    block = value.get("models")
    block = block if isinstance(block, dict) else {}
    providers = [
        _provider(document, key, entry, ("models", "providers", key))
        for key, entry in dict_items(block.get("providers"))
        if isinstance(entry, dict)
    ]
    mode = None
    if isinstance(block.get("mode"), str):
        mode = Value(block["mode"], origin(document, ("models", "mode")))
    return ConfigIR(
        file=document.name,
        dialect="openclaw",
        target="openclaw",
        providers=tuple(providers),
        aliases=_aliases(document),
        default_model=_default_model(document, value),
        mode=mode,
    )


def _default_model(document: Document, value: dict[str, Any]) -> Value | None:
    """`agents.defaults.model`: an object with `primary`, or the model ref itself."""
    path: PathT = ("agents", "defaults", "model")
    model = document.get(path)
    if isinstance(model, dict):
        path, model = path + ("primary",), model.get("primary")
    if isinstance(model, str) and model.strip():
        return Value(model, origin(document, path))
    return None


def _aliases(document: Document) -> dict[str, Value]:
    """`agents.defaults.models.<ref>.alias`: alias -> the model ref (reference/openclaw.md, "Model refs")."""
    models = document.get(("agents", "defaults", "models"))
    out: dict[str, Value] = {}
    for ref, entry in dict_items(models):
        if isinstance(entry, dict) and isinstance(entry.get("alias"), str) and entry["alias"].strip():
            out[entry["alias"].strip()] = Value(ref, origin(document, ("agents", "defaults", "models", ref, "alias")))
    return out


def _provider(document: Document, key: str, block: dict[str, Any], path: PathT) -> ProviderEntry:
    fields = FieldCollector(document)
    fields.string(("base_url",), block.get("baseUrl"), path + ("baseUrl",))
    fields.string(("api",), block.get("api"), path + ("api",))
    fields.string(("auth",), block.get("auth"), path + ("auth",))
    fields.boolean(("auth_header",), block.get("authHeader"), path + ("authHeader",))
    fields.headers(block.get("headers"), path + ("headers",), _header)
    models = [_model(document, key, entry, where) for entry, where in listed_models(block, path)]
    return ProviderEntry(
        id=key.strip(),  # config keys are used as written, trimmed (reference/openclaw.md, "Provider-id normalization")
        key=key,
        fields=fields.fields,
        origin=origin(document, path, key=True),
        credential=credential(document, block, "apiKey", path, openclaw_value),
        models=tuple(models),
    )


def _model(document: Document, provider: str, entry: dict[str, Any], path: PathT) -> ModelEntry:
    fields = FieldCollector(document)
    fields.pi_model(entry, path, _header, api=True, base_url=False)  # OpenClaw models have no baseUrl
    return ModelEntry(provider=provider.strip(), id=entry["id"], fields=fields.fields, origin=origin(document, path))
