"""Lower pi's models.json (and the agent-dir models.json OpenClaw/Mayros writes, which is pi's format).

Fields follow pi's TypeBox schema (reference/pi.md, "Schema"): providers with `baseUrl`, `apiKey`,
`api`, `headers`, `compat`, `authHeader`, custom `models` and `modelOverrides`.
"""

from __future__ import annotations

from typing import Any

from modelconf.document import Document, PathT
from modelconf.ir import ConfigIR, ModelEntry, ProviderEntry
from modelconf.lower._common import FieldCollector, credential, dict_items, header_from, listed_models, origin, pi_value

_pi_header = header_from(pi_value)


def lower_pi(document: Document, *, dialect: str = "pi", target: str = "pi") -> ConfigIR:
    value = document.value
    holder = value.get("providers") if isinstance(value, dict) else None
    providers = [_provider(document, name, block, ("providers", name)) for name, block in dict_items(holder) if isinstance(block, dict)]
    return ConfigIR(file=document.name, dialect=dialect, target=target, providers=tuple(providers))


def _provider(document: Document, name: str, block: dict[str, Any], path: PathT) -> ProviderEntry:
    fields = FieldCollector(document)
    fields.string(("base_url",), block.get("baseUrl"), path + ("baseUrl",))
    fields.string(("api",), block.get("api"), path + ("api",))
    fields.boolean(("auth_header",), block.get("authHeader"), path + ("authHeader",))
    fields.headers(block.get("headers"), path + ("headers",), _pi_header)
    fields.compat(block.get("compat"), path + ("compat",))
    models = [_model(document, name, entry["id"], entry, where, "model") for entry, where in listed_models(block, path)]
    overrides = []
    for model_id, entry in dict_items(block.get("modelOverrides")):
        if isinstance(entry, dict):
            overrides.append(_model(document, name, model_id, entry, path + ("modelOverrides", model_id), "override"))
    return ProviderEntry(
        id=name,
        key=name,
        fields=fields.fields,
        origin=origin(document, path, key=True),
        credential=credential(document, block, "apiKey", path, pi_value),
        models=tuple(models),
        overrides=tuple(overrides),
    )


def _model(document: Document, provider: str, model_id: str, entry: dict[str, Any], path: PathT, kind: str) -> ModelEntry:
    fields = FieldCollector(document)
    # modelOverrides have no id, api or baseUrl.
    fields.pi_model(entry, path, _pi_header, api=kind == "model", base_url=kind == "model")
    # An override is keyed by model id; its position is the key. A custom model is an array item.
    where = origin(document, path, key=kind == "override")
    return ModelEntry(provider=provider, id=model_id, fields=fields.fields, origin=where, kind=kind)
