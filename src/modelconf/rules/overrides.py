"""O1xx: what resolving a config over the built-in catalog reveals (overrides, shadows, wildcards).

These rules run after the dialect's checks, on the resolved result: `modelconf compile` reports
them, and `modelconf lint` runs the same resolution for each file that has no errors.
"""

from modelconf.diagnostics import Severity
from modelconf.rules import define

OVERRIDE_UNKNOWN_MODEL = define(
    "O101",
    "override-unknown-model",
    Severity.WARNING,
    "An override names a model the built-in catalog does not have, so it changes nothing.",
    """
    pi applies `modelOverrides` only to the built-in models of the provider they are under, and
    ignores an override for a model id that does not exist there without a message
    (reference/pi.md, "ModelOverride"). A typo in the id, a model pi has since renamed, or a model
    that exists only under another provider all leave the override without effect.
    """,
    """
    "anthropic": {"modelOverrides": {"claude-opus-4.6": {"maxTokens": 32000}}}
                                     ^ pi's id is claude-opus-4-6
    """,
)

SHADOWS_ENTRY = define(
    "O102",
    "shadows-entry",
    Severity.INFO,
    "A user entry takes the place of a built-in model or of an earlier entry with the same key.",
    """
    A custom model with the provider and id of a built-in model replaces it (pi, OpenClaw/Mayros)
    or overwrites its non-zero fields (zot); a Plano entry for a model a wildcard would expand
    keeps its own settings and is left out of the expansion; a provider block in a later file
    replaces the earlier one. Usually intended; the note says what was shadowed and where, so an
    accidental clash (a copy-pasted id, a stale file) shows up.
    """,
    """
    "openai": {"baseUrl": "...", "apiKey": "...", "api": "openai-responses",
               "models": [{"id": "gpt-4.1"}]}   <- replaces pi's built-in openai/gpt-4.1 whole
    """,
)

WILDCARD_EMPTY = define(
    "O103",
    "wildcard-expands-to-nothing",
    Severity.WARNING,
    "A `provider/*` wildcard adds no models to the catalog.",
    """
    Plano expands `provider/*` from its model registry. A provider without registry models (groq,
    together_ai, ollama, vercel, openrouter, edenai, plano), a prefix Plano does not know (it logs
    "no models found in registry"), or a wildcard whose models are all configured by specific
    entries adds nothing: requests for `provider/<model>` are still routed to it at run time, but
    `/v1/models` lists none of them and short names do not resolve (reference/plano.md,
    "Wildcard expansion"). For a prefix Plano does not know this is the usual way to route a
    proxy such as LiteLLM, so it is a note (info) there.
    """,
    """
    model_providers:
      - model: groq/*        <- the registry has no groq models
        access_key: $GROQ_API_KEY
    """,
)

DUPLICATE_MODEL = define(
    "O104",
    "duplicate-model",
    Severity.WARNING,
    "Two entries resolve to the same model name; the later one wins.",
    """
    After wildcard expansion every model is reachable by its full name and by its short name
    (Plano), and custom models are upserted by id (pi, zot). When two entries produce the same name
    the program keeps the last one it inserts and drops the other without a message: two
    wildcards that both expand `gpt-4o` (`openai/*` and `azure_openai/*`), a specific entry and a
    wildcard of another provider, or the same model listed twice.
    """,
    """
    model_providers:
      - model: openai/*
      - model: azure_openai/*     <- `gpt-4o` now routes to Azure
        base_url: https://example.openai.azure.com
    """,
)

DEFAULT_MODEL_MISSING = define(
    "O105",
    "default-model-missing",
    Severity.ERROR,
    "The configured default model is not in the resolved catalog.",
    """
    The default model (OpenClaw/Mayros `agents.defaults.model.primary`, Plano's `default: true`
    entry) must be one of the models the program will see. OpenClaw/Mayros parses the ref at the
    first `/` (provider `anthropic` when there is none) and fails with `Unknown model` when
    neither the catalog nor a configured provider has it; for a configured provider it makes up a
    model with fallback settings instead, which is reported as a warning (reference/openclaw.md,
    "Models not listed under a configured provider").
    """,
    """
    agents: { defaults: { model: { primary: "lmstudio/qwen-coder" } } }
    models: { providers: { lmstudio: { models: [{ id: "qwen2.5-coder-14b", ... }] } } }
    """,
)
