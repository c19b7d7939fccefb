"""Config-side credentials, read from a parsed `Document`, one small function per dialect.

Each returns `ConfigCredential`s: the provider id as written, the field, the raw value and its
location. That is all the walkers use, so when the compiler produces an IR with credential
references these functions are the only thing to swap.

- pi / openclaw-models (pi's models.json format): `providers.<p>.apiKey`;
- openclaw (the JSON5 config): `models.providers.<p>.apiKey` and `.auth`;
- plano: `model_providers[i]` (or the deprecated `llm_providers[i]`): `access_key` and
  `passthrough_auth`, per model entry (two entries of one provider can hold different keys);
- zot: none (zot's models.json holds no credentials, reference/zot.md).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from modelconf.credentials._types import Location
from modelconf.document import Document, PathT


@dataclass(frozen=True)
class ConfigFile:
    """A config document and the dialect it is read as."""

    document: Document
    dialect: str


@dataclass(frozen=True)
class ConfigCredential:
    """One credential-related value in a config file. `value` may be a secret: not in the repr."""

    dialect: str
    provider: str
    key: str  # the config key: apiKey, auth, access_key, passthrough_auth
    location: Location
    path: PathT
    value: Any = field(default=None, repr=False)
    # Plano: the entry's `model` and `name`; OpenClaw: nothing extra.
    model: str | None = None
    name: str | None = None


def config_credentials(config: ConfigFile) -> list[ConfigCredential]:
    """Every credential value in one config file, in file order."""
    return list(_read(config))


@functools.lru_cache(maxsize=4)
def _read(config: ConfigFile) -> tuple[ConfigCredential, ...]:
    # Cached: the compiler walks every provider of a file against the same file, which made
    # compile time grow with the square of the providers (bench/compile_scale.py).
    reader = _READERS.get(config.dialect)
    return tuple(reader(config.document, config.dialect)) if reader else ()


def _providers(document: Document, root: PathT) -> Iterator[tuple[str, Mapping[str, Any], PathT]]:
    holder = document.get(root)
    if isinstance(holder, dict):
        for name, block in holder.items():
            if isinstance(block, dict):
                yield name, block, root + (name,)


def _pi(document: Document, dialect: str) -> Iterator[ConfigCredential]:
    for name, block, path in _providers(document, ("providers",)):
        if "apiKey" in block:
            yield ConfigCredential(dialect, name, "apiKey", Location.of(document, path + ("apiKey",)), path + ("apiKey",), block["apiKey"])


def _openclaw(document: Document, dialect: str) -> Iterator[ConfigCredential]:
    for name, block, path in _providers(document, ("models", "providers")):
        for key in ("apiKey", "auth"):
            if key in block:
                yield ConfigCredential(dialect, name, key, Location.of(document, path + (key,)), path + (key,), block[key])


def _plano(document: Document, dialect: str) -> Iterator[ConfigCredential]:
    from modelconf.dialects._plano_view import PlanoView

    for entry in PlanoView(document).providers():
        model, name = entry.model, entry.name
        provider = model.split("/", 1)[0] if model else ""
        for key in ("passthrough_auth", "access_key"):
            if key in entry.entry:
                yield ConfigCredential(dialect, provider, key, Location.of(document, entry.at(key)), entry.at(key), entry.entry[key], model=model, name=name)


def _none(document: Document, dialect: str) -> Iterator[ConfigCredential]:
    return iter(())


_READERS = {"pi": _pi, "openclaw-models": _pi, "openclaw": _openclaw, "plano": _plano, "zot": _none}
