"""C2xx: what zot does while loading `$ZOT_HOME/models.json`.

zot decodes the file with Go's `encoding/json` (unknown keys ignored, keys matched
case-insensitively, `null` leaves the default) and then walks the providers in
`LoadUserModelsWithWarnings` (packages/provider/usermodels.go), printing each problem as
`zot: models.json: ...` on stderr and carrying on. Only a decoding error rejects the whole file:
`models.json: parse error: <err> (file ignored)`. The README says invalid files are "silently
ignored"; the code prints that warning (reference/zot.md, "Warning strings").
"""

from modelconf.diagnostics import Severity
from modelconf.rules import define

# What zot does when Go's decoder fails (type mismatch, wrong top-level shape).
FILE_IGNORED = "zot prints `models.json: parse error: ... (file ignored)` and ignores the whole file"

UNKNOWN_API = define(
    "C201",
    "zot-unknown-api",
    Severity.WARNING,
    "A provider's `api` is not one zot knows; zot falls back to `openai`.",
    """
    zot lower-cases and trims the provider-level `api` and accepts `openai` (also
    `openai-completions`, `openai-chat`, `chat`), `openai-responses` (also `responses`) and
    `anthropic` (also `anthropic-messages`, `messages`). Anything else prints
    `models.json: provider "<p>" has unknown api "<api>"; defaulting to openai` and the provider
    is spoken to with OpenAI chat completions.
    """,
    """
    "api": "anthropic-message"     # zot: unknown api; defaulting to openai
    """,
)

EMPTY_MODEL_ID = define(
    "C202",
    "zot-empty-model-id",
    Severity.WARNING,
    "A model entry has no `id`; zot skips it.",
    """
    A model entry whose `id` is missing or empty is skipped with
    `models.json: provider "<p>" entry #<i> has empty id; skipped` (the index counts from 0). The
    rest of the file still loads.
    """,
    """
    "models": [{"name": "Company LLM"}]     # no id: skipped
    """,
)

NEGATIVE_LIMIT = define(
    "C203",
    "zot-negative-limit",
    Severity.WARNING,
    "`contextWindow` or `maxTokens` is negative; zot clamps it to 0.",
    """
    zot prints `models.json: <p>/<id> has negative contextWindow/maxTokens; clamped to 0` and uses
    0. When the entry overrides a built-in model, 0 keeps the built-in value (`SetUserModels` only
    copies limits greater than 0).
    """,
    """
    {"id": "company-llm-v2", "contextWindow": -1}
    """,
)

RENAMED_PROVIDER = define(
    "C204",
    "zot-renamed-provider",
    Severity.WARNING,
    "zot files this provider key under another name.",
    """
    Before anything else zot renames a few legacy provider keys: `openai-responses` to `openai`,
    `anthropic-messages` to `anthropic`, `moonshot`, `moonshot-ai` and `kimi-code` to `kimi`,
    `deepseek-chat` and `deepseek-ai` to `deepseek`. The models appear under the new name and
    `--provider` must use it. If the file also has the new name as a key, both blocks feed the same
    provider and which provider-level `baseUrl`/`api` wins depends on Go's map order.
    """,
    """
    {"providers": {"moonshot": {"baseUrl": "https://api.moonshot.ai/v1", "models": [...]}}}
    """,
)

EMPTY_PROVIDER_KEY = define(
    "C205",
    "zot-empty-provider-key",
    Severity.WARNING,
    "A provider key is the empty string; zot skips it.",
    """
    `LoadUserModelsWithWarnings` checks each provider key before anything else: an empty key
    prints `models.json: empty provider key skipped` and the whole block, models included, is
    ignored. The rest of the file still loads.
    """,
    """
    {"providers": {"": {"baseUrl": "http://localhost:8080/v1", "models": [...]}}}
    """,
)

UNSELECTABLE_PROVIDER = define(
    "C206",
    "zot-unselectable-provider",
    Severity.WARNING,
    "The provider key can never be chosen with `--provider`.",
    """
    zot normalises the `--provider` argument (and the saved `provider` in config.json) before
    looking it up: it trims it, lower-cases it and resolves aliases such as `bedrock`, `vertex`,
    `azure`, `vercel`, `hf` or `llama` to built-in ids (`canonicalProvider` in build.go). A
    models.json key with capitals, surrounding spaces or an alias name is registered as written, so
    no `--provider` value reaches it; zot then treats the name as unknown and falls back to
    another provider. This follows the code; it was not observed running zot.
    """,
    """
    {"providers": {"My-Company": {"baseUrl": "https://llm.mycompany.com/v1", "models": [...]}}}
    """,
)

REASONING_LEVEL_MAP = define(
    "C207",
    "zot-reasoning-level-map",
    Severity.WARNING,
    "A `reasoningLevelMap` entry is ignored.",
    """
    `reasoningLevelMap` maps zot's reasoning levels (`minimum`, `low`, `medium`, `high`,
    `xhigh`, `max`; `minimal`/`min` read as `minimum`, `maximum` as `xhigh`) to other levels; an
    empty value or `off` removes a level. zot ignores entries with an unknown level or target
    (`reasoningLevelMap has unknown level "<x>"; entry ignored`) and the whole map when the model
    has `reasoning: false` (`reasoningLevelMap ignored because reasoning is false`).
    """,
    """
    {"id": "company-llm-v2", "reasoning": true, "reasoningLevelMap": {"ultra": "high"}}
    """,
)

PROVIDER_NOT_REGISTERED = define(
    "C208",
    "zot-provider-not-registered",
    Severity.WARNING,
    "A custom provider has no `baseUrl` or `api`, so zot cannot use it.",
    """
    zot registers a models.json provider as a custom provider only when it sets `baseUrl` or `api`
    at provider level, or some model has a `baseUrl`. A key that is not one of zot's built-in
    providers and has only `models` is not registered: its models are listed, but zot treats the
    provider as unknown when it is selected and falls back to another provider (`Resolve` in
    build.go).
    """,
    """
    {"providers": {"my-company": {"models": [{"id": "company-llm-v2"}]}}}    # no baseUrl
    """,
)

DISCOVER_WITHOUT_BASE_URL = define(
    "C209",
    "zot-discover-without-base-url",
    Severity.WARNING,
    "`discover` is set but the provider has no provider-level `baseUrl`.",
    """
    Live model discovery lists models from the provider-level `baseUrl` (a model-level `baseUrl`
    does not count). Without one zot prints `models.json: provider "<p>" sets discover without a
    provider-level baseUrl; discovery disabled`. (`discover` exists in zot since 37c79457; older
    versions ignore the key.)
    """,
    """
    {"providers": {"lmstudio": {"discover": true, "models": [...]}}}
    """,
)

AUTH_IGNORED = define(
    "C210",
    "zot-auth-ignored",
    Severity.WARNING,
    "A provider's `auth` setting has no effect.",
    """
    `auth: "none"` tells zot not to send credentials (stored keys included) to a custom provider.
    zot ignores `auth` on a provider without any `baseUrl` (`sets auth without a baseUrl; ignored`)
    and warns about any other value (`has unknown auth "<x>"; using credentials when available`).
    (`auth` exists in zot since 37c79457; older versions ignore the key.)
    """,
    """
    {"providers": {"local": {"baseUrl": "http://localhost:8080/v1", "auth": "off", "models": [...]}}}
    """,
)

MODEL_SKIPPED = define(
    "C211",
    "zot-model-skipped",
    Severity.WARNING,
    "zot skips a model because of its `type` or `api`.",
    """
    A model's `type` is `chat` (the default), `classifier` or `image`. zot skips a model with any
    other type (`has an unknown model type, skipped`), an `image` model whose `api` is not
    `openrouter-images`, and a `classifier` model whose `api` is not `typesafe-system-one`,
    `llama-cpp-classify` or `cloudflare-workers-ai-system-one` (`has an unsupported non-chat api,
    skipped`). (`type` exists in zot since 37c79457; older versions ignore it and load a chat model.)
    """,
    """
    {"id": "flux-schnell", "type": "image", "api": "openai"}
    """,
)

CREDENTIAL_FIELD = define(
    "C212",
    "zot-credential-field",
    Severity.WARNING,
    "zot's models.json has no credential fields; this one is ignored.",
    """
    zot never reads API keys or headers from models.json: there is no `apiKey`, `headers` or
    `authHeader` field at any level, so Go's decoder drops them. zot takes a custom provider's key
    from `--api-key`, from the environment variable named after the provider (`my-company` reads
    `MY_COMPANY_API_KEY`) or from auth.json via `/login`. (An older version of zot's providers
    page lists "custom provider credentials from models.json" as a source; no zot version has such
    a field, so modelconf follows the code.)
    """,
    """
    {"providers": {"my-company": {"baseUrl": "...", "apiKey": "MY_COMPANY_KEY", "models": [...]}}}
    """,
)

KEY_CASE = define(
    "C213",
    "zot-key-case",
    Severity.INFO,
    "A key differs from zot's spelling only in letter case.",
    """
    Go's `encoding/json` matches object keys to struct fields case-insensitively, so zot reads
    `ContextWindow` as `contextWindow`. pi and other programs do not; write the documented
    spelling.
    """,
    """
    {"id": "company-llm-v2", "ContextWindow": 128000}
    """,
)

MODEL_API_INFORMATIONAL = define(
    "C214",
    "zot-model-api-informational",
    Severity.INFO,
    "A chat model's own `api` does not choose the wire format.",
    """
    For chat models zot takes the wire format from the provider-level `api`; a model-level `api`
    is informational only (usermodels.go). Set `api` on the provider instead.
    """,
    """
    {"providers": {"my-company": {"baseUrl": "...", "models": [{"id": "m", "api": "anthropic"}]}}}
    """,
)

NULL_VALUE = define(
    "C215",
    "zot-null-value",
    Severity.WARNING,
    "A value is `null`; zot treats it as absent.",
    """
    Go's `encoding/json` leaves a field at its default when the JSON value is `null`, without an
    error. A `null` models.json loads as an empty file. Remove the key or give it a value.
    """,
    """
    {"id": "company-llm-v2", "contextWindow": null}
    """,
)
