"""Request headers: the auth header by the catalog's `auth.scheme`, then the catalog's headers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._keys import Credentials
from ._model import ModelSpec

ANTHROPIC_VERSION = "2023-06-01"


class HeaderError(Exception):
    """A catalog header whose credential reference has no value (the message names the reference)."""


def auth_headers(scheme: str, key: str | None) -> dict[str, str]:
    """The header carrying the key (resolved-catalog schema, `auth.scheme`)."""
    if key is None or scheme == "none":
        return {}
    if scheme == "bearer":
        return {"authorization": f"Bearer {key}"}
    if scheme == "x-api-key":
        return {"x-api-key": key}
    if scheme == "x-goog-api-key":
        return {"x-goog-api-key": key}
    if scheme == "api-key":  # Azure OpenAI
        return {"api-key": key}
    if scheme == "cf-aig-authorization":  # Cloudflare AI Gateway, authenticated gateway token
        return {"cf-aig-authorization": f"Bearer {key}"}
    raise ValueError(f"unknown auth scheme {scheme!r}")


def request_headers(
    model: ModelSpec,
    key: str | None,
    credentials: Credentials,
    extra: Mapping[str, str] | None = None,
    secrets: list[str] | None = None,
) -> dict[str, str]:
    """The request's headers. A header whose value comes from a credential reference is a secret
    too: its value is added to `secrets` (what error messages are masked with)."""
    headers = {"accept": "text/event-stream", "content-type": "application/json"}
    if model.api == "anthropic-messages":
        headers["anthropic-version"] = ANTHROPIC_VERSION  # required by the API whatever the scheme
    headers.update(auth_headers(model.provider.auth_scheme, key))
    # Provider headers, then model headers (the model's win), then the caller's.
    for source in (model.provider.headers, model.headers):
        for name, spec in source.items():
            headers[name.lower()] = _header_value(name, spec, credentials, secrets)
    for name, value in (extra or {}).items():
        headers[name.lower()] = value
    return headers


def _header_value(name: str, spec: Mapping[str, Any], credentials: Credentials, secrets: list[str] | None) -> str:
    if "value" in spec:
        return str(spec["value"])
    ref = spec.get("ref") or {}
    value = credentials.resolve(ref)
    if value is None:
        where = ref.get("name") or ref.get("prefix") or ref.get("pointer") or ref.get("source")
        raise HeaderError(f"header {name!r}: its credential reference ({ref.get('source')} {where}) has no value")
    if secrets is not None and value not in secrets:
        secrets.append(value)
    return str(spec.get("prefix", "")) + value  # `Bearer ` for pi's authHeader
