"""Plano target facts the Plano checks need (provider ids, providers needing base_url, ...)."""

# --- TEMPORARY CONSTANT BLOCK -------------------------------------------------------------------
# These facts belong to the Plano target profile, which `modelconf.catalog.load_profile("plano")`
# (branch `catalog`) will provide. Until that lands on main they live here, and only here; when it
# lands, read them from the profile and delete this module.
#
# Source for all of them: Plano 0.4.36 (katanemo/plano, commit 003c36ae), as summarised in
# reference/plano.md; each constant names the file and section it comes from.
# -------------------------------------------------------------------------------------------------

from __future__ import annotations

# cli/planoai/config_generator.py SUPPORTED_PROVIDERS_WITH_BASE_URL
# (reference/plano.md, "Generator", step 9).
PROVIDERS_NEEDING_BASE_URL: tuple[str, ...] = ("azure_openai", "ollama", "qwen", "amazon_bedrock", "plano")

# cli/planoai/config_generator.py SUPPORTED_PROVIDERS, in the generator's order (its error message
# lists them in this order). reference/plano.md, "Generator", step 9.
SUPPORTED_PROVIDERS: tuple[str, ...] = (
    "deepseek", "groq", "mistral", "openai", "xiaomi", "gemini", "anthropic", "together_ai", "xai",
    "moonshotai", "zhipu", "chatgpt", "digitalocean", "vercel", "openrouter", "edenai",
    *PROVIDERS_NEEDING_BASE_URL,
)

# Supported providers the generator accepts without base_url but for which config/envoy.template.yaml
# defines no static cluster (chatgpt is absent because the generator injects its base_url).
# reference/plano.md, "Not checked in Python".
PROVIDERS_WITHOUT_CLUSTER: tuple[str, ...] = ("vercel", "openrouter", "edenai")

# Names `ProviderId::try_from` accepts, case-insensitively (crates/hermesllm/src/providers/id.rs):
# a wildcard whose name prefix is not one of them is not expanded from the registry.
# reference/plano.md, "ProviderId".
PROVIDER_IDS: frozenset[str] = frozenset(
    (
        "openai", "xiaomi", "mistral", "deepseek", "groq", "gemini", "google", "anthropic", "github",
        "plano", "azure_openai", "xai", "together_ai", "together", "ollama", "moonshotai", "zhipu",
        "qwen", "amazon_bedrock", "amazon", "chatgpt", "digitalocean", "do", "do_ai", "vercel",
        "openrouter", "astraflow", "astraflow_cn", "meta", "minimax", "edenai",
    )
)

# Providers the generator always appends (`internal: True`): their names and models count as
# declared for routing preferences. reference/plano.md, "Generator", step 10.
ARCH_FUNCTION = ("arch-function", "Arch-Function")
ROUTER_PROVIDER_NAME = "plano-orchestrator"
ORCHESTRATOR_PROVIDER_NAME = "plano/orchestrator"
DEFAULT_ORCHESTRATOR_MODEL = "Plano-Orchestrator"

# ProviderId names whose registry list (crates/hermesllm/src/bin/provider_models.yaml) is not empty,
# so a wildcard for them expands to concrete models. groq, together_ai, ollama, vercel, openrouter,
# edenai and plano expand nothing. reference/plano.md, "ProviderId" (registry keys) and "Registry".
PROVIDERS_WITH_REGISTRY_MODELS: frozenset[str] = frozenset(
    (
        "openai", "azure_openai", "amazon_bedrock", "amazon", "gemini", "google", "xiaomi", "anthropic",
        "mistral", "deepseek", "xai", "moonshotai", "zhipu", "qwen", "chatgpt", "digitalocean", "do",
        "do_ai", "meta", "minimax",
    )
)
