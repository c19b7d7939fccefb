"""C3xx: what OpenClaw/Mayros does with the `models` block of its JSON5 config.

OpenClaw/Mayros reads `~/.mayros/mayros.json` (upstream `~/.openclaw/openclaw.json`) as JSON5,
substitutes `${VAR}` references, validates it with zod (`.strict()` objects: unknown keys are
errors) and applies defaults. A config that fails validation is logged as `Invalid config at
<path>` and `loadConfig()` returns `{}`: none of the file's settings apply (reference/openclaw.md,
"Config validation errors"). The `models.providers` block is then written to the agent's
`models.json`, which pi reads.
"""

from modelconf.diagnostics import Severity
from modelconf.rules import define

# What OpenClaw/Mayros does with a config that fails validation.
CONFIG_IGNORED = (
    'OpenClaw/Mayros rejects the config: it logs "Invalid config" and runs with an empty config '
    "(none of this file's settings apply) while this error is present"
)

ENV_SYNTAX = define(
    "C301",
    "openclaw-env-syntax",
    Severity.WARNING,
    "A `$`-reference that OpenClaw/Mayros does not substitute.",
    """
    OpenClaw/Mayros replaces `${NAME}` in config strings with the environment variable `NAME`, but
    only when `NAME` is upper case: letters A-Z, digits and `_`, not starting with a digit.
    `${lower}`, `${MixedCase}`, `${1X}`, `${VAR:-default}` (upstream #149551) and `$VAR` without
    braces stay in the string as written, so an `apiKey` like that is sent literally.
    """,
    """
    apiKey: "${moonshot_api_key}"     # not substituted; write ${MOONSHOT_API_KEY}
    """,
)

ENV_ESCAPE = define(
    "C302",
    "openclaw-env-escape",
    Severity.INFO,
    "`$${NAME}` is an escape: the value keeps the literal text `${NAME}`.",
    """
    OpenClaw/Mayros turns `$${NAME}` into the literal text `${NAME}` instead of substituting the
    variable. That is rarely wanted in a model provider block; use `${NAME}` to substitute.
    """,
    """
    baseUrl: "$${GATEWAY_URL}/v1"     # the value is the text ${GATEWAY_URL}/v1
    """,
)

PROVIDER_ALIAS = define(
    "C303",
    "openclaw-provider-alias",
    Severity.WARNING,
    "A provider key that OpenClaw/Mayros normalizes to another id.",
    """
    OpenClaw/Mayros normalizes provider ids in model refs (`normalizeProviderId`): trimmed, lower
    case, and `z.ai`/`z-ai` become `zai`, `opencode-zen` becomes `opencode`, `qwen` becomes
    `qwen-portal`, `kimi-code` becomes `kimi-coding`, `bytedance`/`doubao` become `volcengine`. A
    `models.providers` key is kept as written, and some lookups use the normalized id as an exact
    key (the `agents.defaults.models` allowlist), so a provider keyed `z.ai` is not found there and
    its models are dropped from the allowlist without a message. Use the normalized id as the key.
    """,
    """
    models: { providers: { "z.ai": { baseUrl: "https://api.z.ai/api/paas/v4", models: [...] } } }
    """,
)

MAX_TOKENS_CLAMPED = define(
    "C304",
    "openclaw-max-tokens-clamped",
    Severity.WARNING,
    "`maxTokens` is larger than the model's context window; OpenClaw/Mayros clamps it.",
    """
    `applyModelDefaults` clamps a model's `maxTokens` to its `contextWindow` (200000 when
    `contextWindow` is not set), so the larger value never reaches the provider.
    """,
    """
    { id: "qwen3-32b", name: "Qwen3 32B", contextWindow: 32768, maxTokens: 40960 }   # becomes 32768
    """,
)
