"""Lower a Plano config: `model_providers` (or the deprecated `llm_providers`), `model_aliases`.

Each provider entry keeps what Plano's generator derives from it (reference/plano.md, "Generator",
step 9): the provider prefix (`openai` in `openai/gpt-4o`; everything after the first `/` is the
model id), whether it is a wildcard (last `/` token `*`), and its `name` (the full model string
unless given). Wildcards are also listed as `WildcardEntry` with their name prefix, which is what
Plano's wildcard expansion keys on (reference/plano.md, "Wildcard expansion").
"""

from __future__ import annotations

from typing import Any

from modelconf.document import Document, PathT
from modelconf.ir import ConfigIR, ModelEntry, ProviderEntry, Value, WildcardEntry
from modelconf.lower._common import FieldCollector, credential, header_from, origin, plano_value

_header = header_from(plano_value)


def lower_plano(document: Document) -> ConfigIR:
    value = document.value if isinstance(document.value, dict) else {}
    # With both lists the generator stops (the dialect reports it); model_providers is the current name.
    key = "model_providers" if "model_providers" in value else "llm_providers"
    items = value.get(key)
    providers: list[ProviderEntry] = []
    wildcards: list[WildcardEntry] = []
    default: Value | None = None
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("model"), str) or "/" not in item["model"]:
            continue  # "Invalid model name ...": the dialect reports it
        entry, wildcard = _entry(document, item, (key, index))
        providers.append(entry)
        if wildcard is not None:
            wildcards.append(wildcard)
        elif item.get("default") is True and default is None:
            default = Value(entry.id, origin(document, (key, index, "default"), key=True))
    aliases = {}
    for alias, spec in (value.get("model_aliases") or {}).items() if isinstance(value.get("model_aliases"), dict) else ():
        if isinstance(spec, dict) and isinstance(spec.get("target"), str):
            aliases[str(alias)] = Value(spec["target"], origin(document, ("model_aliases", alias, "target")))
    return ConfigIR(
        file=document.name,
        dialect="plano",
        target="plano",
        providers=tuple(providers),
        wildcards=tuple(wildcards),
        aliases=aliases,
        default_model=default,
    )


def _entry(document: Document, item: dict[str, Any], path: PathT) -> tuple[ProviderEntry, WildcardEntry | None]:
    model: str = item["model"]
    tokens = model.split("/")
    prefix = tokens[0].strip()
    model_id = "/".join(tokens[1:])
    is_wildcard = tokens[-1].strip() == "*"
    name = item["name"] if isinstance(item.get("name"), str) else model
    fields = FieldCollector(document)
    fields.put(("model",), model, path + ("model",))
    fields.put(("provider",), prefix, path + ("model",))
    fields.string(("interface",), item.get("provider_interface"), path + ("provider_interface",))
    fields.string(("base_url",), item.get("base_url"), path + ("base_url",))
    fields.string(("http_host",), item.get("http_host"), path + ("http_host",))
    fields.boolean(("passthrough",), item.get("passthrough_auth"), path + ("passthrough_auth",))
    fields.boolean(("default",), item.get("default"), path + ("default",))
    fields.headers(item.get("headers"), path + ("headers",), _header)
    if isinstance(item.get("name"), str):
        fields.put(("name",), name, path + ("name",))
    where = origin(document, path)
    models: tuple[ModelEntry, ...] = ()
    if not is_wildcard:
        models = (ModelEntry(provider=name, id=model_id, fields={}, origin=where),)
    access_key = credential(document, item, "access_key", path, plano_value)
    entry = ProviderEntry(id=name, key=name, fields=fields.fields, origin=where, credential=access_key, models=models)
    if not is_wildcard:
        return entry, None
    return entry, WildcardEntry(prefix=wildcard_prefix(name), entry=entry)


def wildcard_prefix(name: str) -> str:
    """Plano trims every trailing `/*`, then every trailing `*`, from a wildcard entry's name."""
    while name.endswith("/*"):
        name = name[:-2]
    return name.rstrip("*")
