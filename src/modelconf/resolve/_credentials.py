"""How a provider's key is sent (the resolved catalog's `auth.scheme`).

Where each target looks for the key (`auth.credentials`) comes from the credentials engine
(`modelconf.credentials.credential_refs`), which walks the profile's resolution order; the
compiler and `explain` so share one order and one reference format.
"""

from __future__ import annotations


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
