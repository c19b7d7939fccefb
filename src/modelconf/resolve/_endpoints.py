"""The request URL of a streaming chat request, from a model's wire API and base URL.

For pi, zot and OpenClaw/Mayros this is modelconf's derivation, not the program's: the programs
hand the base URL to an SDK, which appends the path. The rule (documented in
docs/commands/compile.md): `openai-completions` -> `/chat/completions`; `openai-responses` and
`azure-openai-responses` -> `/responses`; `anthropic-messages` -> `/messages` after a base URL
ending in `/v1`, else `/v1/messages`; `google-generative-ai` ->
`/models/{id}:streamGenerateContent?alt=sse`; `bedrock-converse-stream` ->
`/model/{id}/converse-stream` (zot's own request path, reference/zot.md, "Cloud providers").
Other APIs (Codex, Gemini CLI, Vertex, Mistral conversations) and empty base URLs give no endpoint.
Plano computes its upstream paths itself: `modelconf.resolve.plano`.
"""

from __future__ import annotations


def chat_endpoint(api: str | None, base_url: str | None, model_id: str) -> str | None:
    if not base_url:
        return None
    base = base_url.rstrip("/")
    if api == "openai-completions":
        return base + "/chat/completions"
    if api in ("openai-responses", "azure-openai-responses"):
        return base + "/responses"
    if api == "anthropic-messages":
        return base + ("/messages" if base.endswith("/v1") else "/v1/messages")
    if api == "google-generative-ai":
        return f"{base}/models/{model_id}:streamGenerateContent?alt=sse"
    if api == "bedrock-converse-stream":
        return f"{base}/model/{model_id}/converse-stream"
    return None
