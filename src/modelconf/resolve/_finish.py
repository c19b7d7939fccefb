"""The last resolve step for every target: credentials and auth scheme per provider, endpoints."""

from __future__ import annotations

from collections.abc import Callable

from modelconf.catalog._profiles import TargetProfile, TargetProvider
from modelconf.resolve._core import DEFAULT, DERIVED, Resolution
from modelconf.resolve._credentials import auth_scheme, credential_refs
from modelconf.resolve._endpoints import chat_endpoint


# The user's `auth` setting -> auth kind: zot `auth: "none"`; OpenClaw/Mayros `models.providers.<p>.auth`.
_AUTH_KINDS = {"none": "none", "api-key": "api-key", "token": "api-key", "oauth": "oauth-subscription", "aws-sdk": "cloud-credentials"}


def finish(resolution: Resolution, profile: TargetProfile, lookup: Callable[[str], TargetProvider | None]) -> None:
    """`lookup` finds a provider's profile entry the way the target matches ids."""
    for provider in resolution.providers.values():
        if provider.api is None:
            models = resolution.models_of(provider.id)
            provider.api = str(models[0].get(("api",))) if models and models[0].get(("api",)) else "openai-completions"
            provider.prov.setdefault("api", DEFAULT)
        known = lookup(provider.id)
        mode = provider.auth_mode
        if mode in _AUTH_KINDS:
            provider.auth_kind = _AUTH_KINDS[mode]
        elif provider.config_credential is not None and provider.auth_kind == "none":
            provider.auth_kind = "api-key"  # a key the user configured is sent
        if provider.auth_kind == "none":
            provider.credentials = []
        else:
            provider.credentials = credential_refs(profile, provider.id, known, provider.config_credential, auth_mode=mode)
        provider.scheme = auth_scheme(provider.api, provider.id, provider.auth_kind)
    for model in resolution.models.values():
        if ("endpoint",) not in model.fields:
            model.set(("endpoint",), chat_endpoint(model.get(("api",)), model.get(("base_url",)), model.id), DERIVED)
