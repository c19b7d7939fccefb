"""Where the runtime gets keys: the `Credentials` interface, caller-given keys, the credentials
engine for a catalog, and the helpers that keep keys out of every message.

- `engine_keys` (the default): the credentials engine (`modelconf.credentials`) walks the
  catalog's target's resolution order, with its auth file and the configs the catalog was
  compiled from;
- `StaticKeys` takes keys from the caller (`Runtime(keys=...)`, `stream(api_key=...)`, tests).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from modelconf.secrets import fingerprint

from ._model import ProviderSpec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._catalog import Catalog

__all__ = ["Credentials", "StaticKeys", "dedupe", "engine_keys", "fingerprint", "redact"]


@runtime_checkable
class Credentials(Protocol):
    def api_keys(self, provider: ProviderSpec) -> Sequence[str]:
        """The provider's rotation list: candidate keys in the order to try them, deduplicated.

        The first key is the one to use; the runtime moves on only on a rate limit. From the
        engine: the target's chosen key, then for OpenClaw/Mayros its rotation candidates
        (reference/openclaw.md, "API-key rotation": the live key alone if set; else the list
        variable split on `[\\s,;]+`, the primary, every prefixed variable, the fallbacks).
        """
        ...

    def resolve(self, ref: Mapping[str, Any]) -> str | None:
        """The value of one credential reference (for `ref` header values), or None if unset."""
        ...


def dedupe(keys: Sequence[str]) -> list[str]:
    """Drop empty and repeated keys, keeping the first of each (openclaw `collectProviderApiKeys`)."""
    seen: set[str] = set()
    out: list[str] = []
    for key in keys:
        key = key.strip()
        if key and key not in seen:
            seen.add(key)
            out.append(key)
    return out


class StaticKeys:
    """Keys given by the caller: `{provider_id: key or [keys]}`; `values` answers `resolve` by
    env var name (tests and callers that already hold the values)."""

    def __init__(
        self, keys: Mapping[str, str | Sequence[str]] | None = None, values: Mapping[str, str] | None = None
    ) -> None:
        self._keys = {p: dedupe([k] if isinstance(k, str) else list(k)) for p, k in (keys or {}).items()}
        self._values = dict(values or {})

    def api_keys(self, provider: ProviderSpec) -> Sequence[str]:
        return self._keys.get(provider.id, [])

    def resolve(self, ref: Mapping[str, Any]) -> str | None:
        name = ref.get("name")
        return self._values.get(name) if isinstance(name, str) else None


def engine_keys(
    catalog: Catalog,
    *,
    env: Mapping[str, str] | None = None,
    auth_file: str | None = None,
    cli_key: str | None = None,
    allow_exec: bool = False,
    home: str | None = None,
) -> Credentials:
    """The credentials engine for `catalog`'s target: `env` (default: `os.environ`), the target's
    auth file (default: where the target keeps it, under `home`), the catalog's source configs
    read now (config-side references point into them), `cli_key` as the program's `--api-key`.
    Commands (`!cmd`, `api_key_command`) run only with `allow_exec`."""
    from modelconf.credentials import EngineCredentials
    from modelconf.credentials._sources import home_directory, read_configs

    configs, _ = read_configs(catalog.sources)
    return EngineCredentials.for_target(
        catalog.target, os.environ if env is None else env, cli_key=cli_key, auth_file=auth_file,
        home=home if home is not None else home_directory(), allow_exec=allow_exec, configs=configs,
    )  # fmt: skip


def redact(text: str, keys: Sequence[str]) -> str:
    """Replace every key that appears in `text` (a server may echo it) by its fingerprint."""
    for key in keys:
        if key and key in text:
            text = text.replace(key, fingerprint(key))
    return text
