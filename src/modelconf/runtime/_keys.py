"""Where the runtime gets keys: the `Credentials` interface, two small implementations, and the
helpers that keep keys out of every message.

The credentials engine (`modelconf.credentials`, another issue) will implement `Credentials`
with each target's full resolution order. Until it lands:

- `StaticKeys` takes keys from the caller (`Runtime(keys=...)`, `stream(api_key=...)`, tests);
- `EnvKeys` is a minimal STAND-IN: it reads only the environment variables named by the catalog's
  `env`, `env-list` and `env-prefix` references, plus a key given on the command line for `cli`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from modelconf.secrets import fingerprint

from ._model import ProviderSpec


@runtime_checkable
class Credentials(Protocol):
    def api_keys(self, provider: ProviderSpec) -> Sequence[str]:
        """The provider's rotation list: candidate keys in the order to try them, deduplicated.

        OpenClaw/Mayros order (reference/openclaw.md, "API-key rotation"): the live key alone if
        set; else the list variable split on `[\\s,;]+`, the primary, every prefixed variable, the
        fallbacks. The first key is the one to use; the runtime moves on only on a rate limit.
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


_LIST_SPLIT = re.compile(r"[\s,;]+")  # openclaw list variables (reference/openclaw.md)


class EnvKeys:
    """STAND-IN until the credentials engine lands: the catalog's env references, in order.

    `env` reads one variable, `env-list` splits one on `[\\s,;]+`, `env-prefix` takes every
    variable with the prefix in environment order, `cli` takes `cli_key`. Other sources (auth
    files, OAuth, config pointers, cloud chains) are the engine's job and are skipped here.
    """

    def __init__(self, environ: Mapping[str, str] | None = None, cli_key: str | None = None) -> None:
        self._env = os.environ if environ is None else environ
        self._cli_key = cli_key

    def api_keys(self, provider: ProviderSpec) -> Sequence[str]:
        keys: list[str] = []
        for ref in provider.credentials:
            keys += self._values(ref)
        return dedupe(keys)

    def resolve(self, ref: Mapping[str, Any]) -> str | None:
        values = self._values(ref)
        return values[0] if values else None

    def _values(self, ref: Mapping[str, Any]) -> list[str]:
        source = ref.get("source")
        name = ref.get("name")
        if source == "cli":
            return [self._cli_key] if self._cli_key else []
        if source == "env" and isinstance(name, str):
            value = self._env.get(name, "")
            return [value] if value.strip() else []
        if source == "env-list" and isinstance(name, str):
            return [k for k in _LIST_SPLIT.split(self._env.get(name, "")) if k]
        prefix = ref.get("prefix")
        if source == "env-prefix" and isinstance(prefix, str) and prefix:
            return [v for k, v in self._env.items() if k.startswith(prefix) and v.strip()]
        return []


__all__ = ["Credentials", "EnvKeys", "StaticKeys", "dedupe", "fingerprint", "redact"]


def redact(text: str, keys: Sequence[str]) -> str:
    """Replace every key that appears in `text` (a server may echo it) by its fingerprint."""
    for key in keys:
        if key and key in text:
            text = text.replace(key, fingerprint(key))
    return text
