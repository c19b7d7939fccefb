"""Lower zot's models.json.

zot decodes the file with Go's `encoding/json` (keys match case-insensitively, the last of two
spellings wins, `null` is absent) and then renames some provider keys (`moonshot` -> `kimi`) and
skips empty keys and empty model ids (reference/zot.md, "models.json schema"). The IR holds what
zot keeps: provider ids after renames, the original key for positions.
"""

from __future__ import annotations

from typing import Any

from modelconf.document import Document, PathT
from modelconf.ir import ConfigIR, ModelEntry, ProviderEntry
from modelconf.lower._common import FieldCollector, origin

_PRICES = (("priceInput", "input"), ("priceOutput", "output"), ("priceCacheRead", "cache_read"), ("priceCacheWrite", "cache_write"))


class _GoObject:
    """An object as Go's decoder reads it into a struct: known fields case-insensitively, null absent."""

    __slots__ = ("values", "keys")

    def __init__(self, obj: dict[str, Any], known: frozenset[str]) -> None:
        lowered = {name.lower(): name for name in known}
        self.values: dict[str, Any] = {}
        self.keys: dict[str, str] = {}
        for key, value in obj.items():
            name = key if key in known else lowered.get(key.lower())
            if name is not None and value is not None:
                self.values[name] = value
                self.keys[name] = key

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def path(self, base: PathT, name: str) -> PathT:
        return base + (self.keys.get(name, name),)


def lower_zot(document: Document) -> ConfigIR:
    from modelconf.catalog._profiles import load_profile
    from modelconf.dialects.zot import KNOWN_KEYS

    renames = load_profile("zot").raw["provider_ids"]["config_key_aliases"]
    providers = []
    value = document.value
    root = _GoObject(value, KNOWN_KEYS["root"]) if isinstance(value, dict) else None
    holder = root.get("providers") if root is not None else None
    if root is not None and isinstance(holder, dict):
        holder_path = root.path((), "providers")
        for key, block in holder.items():
            if key == "" or not isinstance(block, dict):
                continue  # "models.json: empty provider key skipped"
            provider_id = renames.get(key, key)
            providers.append(_provider(document, provider_id, key, _GoObject(block, KNOWN_KEYS["provider"]), holder_path + (key,), KNOWN_KEYS))
    return ConfigIR(file=document.name, dialect="zot", target="zot", providers=tuple(providers))


def _provider(
    document: Document, provider_id: str, key: str, block: _GoObject, path: PathT, known: dict[str, frozenset[str]]
) -> ProviderEntry:
    fields = FieldCollector(document)
    fields.string(("base_url",), block.get("baseUrl"), block.path(path, "baseUrl"))
    fields.string(("api",), block.get("api"), block.path(path, "api"))
    fields.string(("auth",), block.get("auth"), block.path(path, "auth"))
    fields.boolean(("discover",), block.get("discover"), block.path(path, "discover"))
    models = []
    entries = block.get("models")
    models_path = block.path(path, "models")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue
        model = _GoObject(entry, known["model"])
        model_id = model.get("id")
        if isinstance(model_id, str) and model_id:  # "entry #%d has empty id; skipped"
            models.append(_model(document, provider_id, model_id, model, models_path + (index,)))
    return ProviderEntry(id=provider_id, key=key, fields=fields.fields, origin=origin(document, path, key=True), models=tuple(models))


def _model(document: Document, provider: str, model_id: str, model: _GoObject, path: PathT) -> ModelEntry:
    fields = FieldCollector(document)
    fields.string(("name",), model.get("name"), model.path(path, "name"))
    fields.string(("type",), model.get("type"), model.path(path, "type"))
    fields.string(("api",), model.get("api"), model.path(path, "api"))
    fields.string(("base_url",), model.get("baseUrl"), model.path(path, "baseUrl"))
    fields.boolean(("reasoning",), model.get("reasoning"), model.path(path, "reasoning"))
    fields.strings(("input",), model.get("input"), model.path(path, "input"))
    # Go decodes into int fields; anything else is a decode error the dialect reports.
    for key, name in (("contextWindow", "context_window"), ("maxTokens", "max_tokens")):
        raw = model.get(key)
        if isinstance(raw, int) and not isinstance(raw, bool):
            fields.put((name,), raw, model.path(path, key))
    for key, name in _PRICES:
        fields.number(("cost", name), model.get(key), model.path(path, key))
    return ModelEntry(provider=provider, id=model_id, fields=fields.fields, origin=origin(document, path))
