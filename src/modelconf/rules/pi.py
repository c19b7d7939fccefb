"""C1xx: the load-time checks pi performs on `models.json` (pi-mono v0.58.3).

pi validates `~/.pi/agent/models.json` with a TypeBox schema (S codes) and then with
`validateConfig()`, which throws on the first problem. Any error discards the whole file: every
custom provider and override in it is ignored and only pi's built-in models remain
(reference/pi.md, "Load and merge").
"""

from modelconf.diagnostics import Severity
from modelconf.rules import define

# The sentence every message about a file-discarding error ends with.
DISCARDS_FILE = "pi ignores every custom provider in this file while this error is present"

MISSING_BASE_URL = define(
    "C101",
    "pi-missing-base-url",
    Severity.ERROR,
    "A provider defines models but has no `baseUrl`.",
    """
    pi's `validateConfig()` requires `baseUrl` on every provider whose `models` list is not empty
    and throws `Provider <p>: "baseUrl" is required when defining custom models.` Like every
    models.json error this discards the whole file: pi ignores every custom provider in it and
    keeps only its built-in models. pi v0.58.3 raises it even for a built-in provider id such as
    `openrouter`; later versions inherit the built-in URL (pi issue #2921, PR #3072).
    """,
    """
    {"providers": {"ollama": {"api": "openai-completions", "apiKey": "ollama",
                              "models": [{"id": "llama3.1:8b"}]}}}      # no baseUrl
    """,
)

MISSING_API_KEY = define(
    "C102",
    "pi-missing-api-key",
    Severity.ERROR,
    "A provider defines models but has no `apiKey`.",
    """
    pi's `validateConfig()` requires `apiKey` on every provider whose `models` list is not empty
    and throws `Provider <p>: "apiKey" is required when defining custom models.`, discarding the
    whole file. The code raises this even for built-in providers whose key is already in auth.json
    or the environment (pi issues #2955, #3043, #5953); modelconf follows the code. A local server
    that needs no key still needs a placeholder such as `"apiKey": "ollama"`.
    """,
    """
    {"providers": {"openrouter": {"baseUrl": "https://openrouter.ai/api/v1",
                                  "api": "openai-completions",
                                  "models": [{"id": "moonshotai/kimi-k2"}]}}}   # no apiKey
    """,
)

MISSING_API = define(
    "C103",
    "pi-missing-api",
    Severity.ERROR,
    "A custom model has no `api`, and neither has its provider.",
    """
    Every custom model needs a wire API, set on the model or on its provider. Without one pi's
    `validateConfig()` throws `Provider <p>, model <id>: no "api" specified. Set at provider or
    model level.` and discards the whole file. pi v0.58.3 raises this for built-in provider ids too.
    """,
    """
    {"providers": {"lmstudio": {"baseUrl": "http://localhost:1234/v1", "apiKey": "lmstudio",
                                "models": [{"id": "qwen3-coder"}]}}}    # no api anywhere
    """,
)

UNKNOWN_API = define(
    "C104",
    "pi-unknown-api",
    Severity.WARNING,
    "An `api` value is not one of the APIs pi registers.",
    """
    pi's schema accepts any non-empty string as `api`, so the file loads. pi registers ten APIs
    (`openai-completions`, `mistral-conversations`, `openai-responses`, `azure-openai-responses`,
    `openai-codex-responses`, `anthropic-messages`, `bedrock-converse-stream`,
    `google-generative-ai`, `google-gemini-cli`, `google-vertex`); any other value fails only when
    a request is made, with `No API provider registered for api: <api>`. An extension can register
    further APIs, which is why this is a warning.
    """,
    """
    "api": "openai-chat"      # did you mean "openai-completions"?
    """,
)

INVALID_LIMIT = define(
    "C105",
    "pi-invalid-limit",
    Severity.ERROR,
    "`contextWindow` or `maxTokens` is not greater than 0.",
    """
    pi's `validateConfig()` checks custom models' `contextWindow` and `maxTokens` when they are
    set and throws `Provider <p>, model <id>: invalid contextWindow` (or `invalid maxTokens`) for
    a value of 0 or less, discarding the whole file. The same fields in `modelOverrides` are not
    checked: pi applies the value to the built-in model as written, so there it is a warning.
    """,
    """
    {"id": "llama3.1:8b", "contextWindow": 0}
    """,
)

PROVIDER_WITHOUT_EFFECT = define(
    "C106",
    "pi-provider-without-effect",
    Severity.ERROR,
    "A provider sets none of `baseUrl`, `compat`, `modelOverrides` or `models`.",
    """
    A provider entry without custom models must override something pi can apply to built-in
    models: `baseUrl`, `compat` or a non-empty `modelOverrides`. A headers-only or apiKey-only
    entry is rejected by `validateConfig()` with `Provider <p>: must specify "baseUrl", "compat",
    "modelOverrides", or "models".`, which discards the whole file.
    """,
    """
    {"providers": {"openai": {"headers": {"OpenAI-Organization": "org-123"}}}}
    """,
)

API_IGNORED_FOR_BUILT_IN = define(
    "C107",
    "pi-api-ignored-for-built-in",
    Severity.WARNING,
    "`api` on a built-in provider without custom models has no effect.",
    """
    For a built-in provider pi applies `baseUrl`, `headers` and `compat` from models.json to its
    built-in models, but ignores an override `api` (reference/pi.md, "Load and merge"). The value
    only matters for custom models listed under `models`.
    """,
    """
    {"providers": {"openai": {"baseUrl": "https://proxy.example/v1", "api": "openai-completions"}}}
    """,
)

OVERRIDE_WITHOUT_TARGET = define(
    "C108",
    "pi-override-without-target",
    Severity.WARNING,
    "Overrides under a provider id that is not built into pi change nothing.",
    """
    pi applies a provider entry's `baseUrl`, `headers`, `compat` and `modelOverrides` while
    loading its built-in models, provider by provider. Under an id that is not one of pi's
    built-in providers there are no built-in models, so an entry without custom `models` changes
    nothing, and `modelOverrides` next to custom models never apply (custom models are changed in
    their own `models` entries). pi says nothing in either case.
    """,
    """
    {"providers": {"my-proxy": {"baseUrl": "https://proxy.example/v1",
                                "modelOverrides": {"gpt-4o": {"contextWindow": 64000}}}}}
    """,
)
