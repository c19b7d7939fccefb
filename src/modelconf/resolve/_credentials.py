"""Credential references per provider, in the order the target looks for a key.

The order is the profile's `credential_order` (the credentials engine walks the same steps from
the same profile data); each step becomes zero or more `credential_ref` objects of the resolved
catalog: where to look, never what is there.
"""

from __future__ import annotations

from typing import Any

from modelconf.catalog._profiles import TargetProfile, TargetProvider
from modelconf.ir import CredentialRef


def credential_refs(
    profile: TargetProfile,
    provider_id: str,
    provider: TargetProvider | None,
    config: CredentialRef | None,
    *,
    auth_mode: str | None = None,
) -> list[dict[str, Any]]:
    """The references for one provider (`provider` is None for a custom provider)."""
    out: list[dict[str, Any]] = []
    auth_file = (profile.auth_file or {}).get("path")
    for step in profile.credential_order:
        source = step.source
        if source == "cli":
            out.append({"source": "cli"})
        elif source == "auth-file" and auth_file:
            for key_path in stored_key_paths(profile, provider_id, provider):
                ref: dict[str, Any] = {"source": "auth-file", "file": auth_file, "key_path": list(key_path)}
                if step.form:
                    ref["form"] = step.form
                out.append(ref)
        elif source == "oauth" and auth_file and provider is not None and _has_oauth(provider):
            path = provider.stored_key.path if provider.stored_key else (provider_id,)
            out.append({"source": "oauth", "file": auth_file, "key_path": list(path), "form": "oauth"})
        elif source == "env":
            out.extend(_env_refs(step.rule, provider_id, provider))
        elif source == "config" and config is not None:
            out.append(config.as_ref())
        elif source == "cloud":
            # OpenClaw/Mayros: `auth: "aws-sdk"` selects the AWS chain before the profiles;
            # amazon-bedrock without it falls back to the chain last (reference/openclaw.md).
            if (step.step == "aws-sdk-override" and auth_mode == "aws-sdk") or (
                step.step == "aws-sdk-default" and provider_id == "amazon-bedrock"
            ):
                out.append({"source": "cloud", "chain": "aws"})
    return _dedupe(out)


def stored_key_paths(profile: TargetProfile, provider_id: str, provider: TargetProvider | None) -> list[tuple[str, ...]]:
    """Key paths in the target's auth file, in lookup order."""
    if profile.target == "zot":
        # additional_api_key_creds[<id>] first, then the top-level field (reference/zot.md, "Credential resolution order").
        paths: list[tuple[str, ...]] = [("additional_api_key_creds", provider_id)]
        if provider is not None and provider.stored_key is not None and provider.stored_key.location == "top-level":
            paths.append(provider.stored_key.path)
        return paths
    if provider is not None and provider.stored_key is not None:
        return [provider.stored_key.path]
    if profile.target == "openclaw":
        return [("profiles", f"{provider_id}:default")]
    return [(provider_id,)]


def _has_oauth(provider: TargetProvider) -> bool:
    return "subscription" in provider.login or provider.auth == "oauth-subscription"


def _env_refs(rule: str | None, provider_id: str, provider: TargetProvider | None) -> list[dict[str, Any]]:
    if rule == "zot-custom-provider":
        from modelconf.catalog._rules import zot_env_var

        return [{"source": "env", "name": zot_env_var(provider_id)}]
    if provider is None:
        return []
    out: list[dict[str, Any]] = []
    for var in provider.env:
        if var.kind == "cloud":
            chain = (provider.cloud or {}).get("chain")
            out.append({"source": "cloud", "chain": chain} if chain else {"source": "env", "name": var.name})
        elif var.kind == "oauth-token":
            out.append({"source": "env", "name": var.name, "form": "oauth"})
        else:
            out.append({"source": "env", "name": var.name})
    return out


def _dedupe(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        marker = repr(sorted(ref.items()))
        if marker not in seen:
            seen.add(marker)
            out.append(ref)
    return out


def auth_scheme(api: str | None, provider_id: str, kind: str) -> str:
    """How the key is sent, from the wire API (and Cloudflare's AI Gateway header)."""
    if kind == "none":
        return "none"
    if provider_id == "cloudflare-ai-gateway":
        return "cf-aig-authorization"
    return {
        "anthropic-messages": "x-api-key",
        "google-generative-ai": "x-goog-api-key",
        "azure-openai-responses": "api-key",
        "bedrock-converse-stream": "aws-sigv4",
    }.get(api or "", "bearer")
