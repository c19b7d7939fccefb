"""The last resolve step for every target: credentials and auth scheme per provider, endpoints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from modelconf.catalog._profiles import TargetProfile
from modelconf.ir import CredentialRef
from modelconf.resolve._core import DEFAULT, DERIVED, Resolution
from modelconf.resolve._credentials import auth_scheme
from modelconf.resolve._endpoints import chat_endpoint

# The user's `auth` setting -> auth kind: zot `auth: "none"`; OpenClaw/Mayros `models.providers.<p>.auth`.
_AUTH_KINDS = {"none": "none", "api-key": "api-key", "token": "api-key", "oauth": "oauth-subscription", "aws-sdk": "cloud-credentials"}


def finish(resolution: Resolution, profile: TargetProfile, configs: Sequence[Any] | None) -> None:
    """Auth per provider and endpoints per model.

    `configs` are the input documents as `modelconf.credentials.ConfigFile`s, for the engine's
    config steps; None leaves `auth.credentials` empty (lint's resolve stage needs none).
    """
    for provider in resolution.providers.values():
        if provider.api is None:
            models = resolution.models_of(provider.id)
            provider.api = str(models[0].get(("api",))) if models and models[0].get(("api",)) else "openai-completions"
            provider.prov.setdefault("api", DEFAULT)
        mode = provider.auth_mode
        if mode in _AUTH_KINDS:
            provider.auth_kind = _AUTH_KINDS[mode]
        elif provider.config_credential is not None and provider.auth_kind == "none":
            provider.auth_kind = "api-key"  # a key the user configured is sent
        if provider.auth_kind == "none" or configs is None:
            provider.credentials = []
        else:
            from modelconf.credentials import credential_refs

            refs = credential_refs(profile.target, provider.id, configs=configs)
            provider.credentials = _with_config_ref(profile, refs, provider.config_credential)
        provider.scheme = auth_scheme(provider.api, provider.id, provider.auth_kind)
    for model in resolution.models.values():
        if ("endpoint",) not in model.fields:
            model.set(("endpoint",), chat_endpoint(model.get(("api",)), model.get(("base_url",)), model.id), DERIVED)


def _with_config_ref(profile: TargetProfile, refs: list[dict[str, Any]], config: CredentialRef | None) -> list[dict[str, Any]]:
    """The engine walks with an empty environment, where OpenClaw/Mayros would load a config with
    an unset `${VAR}` as `{}` and so has no config step; compile does not know the run's
    environment, so the config's reference goes back in its place: after the provider's
    variables, before the rotation variables."""
    if config is None or any(ref.get("source") == "config" or ref.get("pointer") == config.origin.pointer for ref in refs):
        return refs
    live = f"{profile.setting('app_prefix')}_LIVE_" if "app_prefix" in profile.settings else None
    for index, ref in enumerate(refs):
        if ref.get("source") in ("env-list", "env-prefix") or (live and str(ref.get("name", "")).startswith(live)):
            return [*refs[:index], config.as_ref(), *refs[index:]]
    return [*refs, config.as_ref()]
