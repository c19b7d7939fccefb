"""C4xx: Plano's load-time checks (`planoai up`'s config generator and the Rust runtime).

Facts from Plano 0.4.36 (katanemo/plano, commit 003c36ae): the generator is
`cli/planoai/config_generator.py` (it stops at its first error; modelconf reports them all), the
runtime checks are in brightstaff (`crates/brightstaff/src/main.rs`) and `LlmProviders`
(`crates/common/src/llm_providers.rs`). Errors are what Plano rejects; warnings are what Plano
accepts and then does something surprising with.
"""

from modelconf.diagnostics import Severity
from modelconf.rules import define

# -- the generator (`planoai up` stops with `✗ Validation failed`) ------------------------------

BOTH_PROVIDER_LISTS = define(
    "C401",
    "plano-both-provider-lists",
    Severity.ERROR,
    "The file has both `llm_providers` and `model_providers`.",
    """
    `llm_providers` is the deprecated name of `model_providers`. Plano's generator renames it and
    stops when both are present: "Please provide either llm_providers or model_providers, not both.
    llm_providers is deprecated, please use model_providers instead".
    """,
    """
    llm_providers:
      - model: openai/gpt-4o
    model_providers:          # merge the two lists under model_providers
      - model: openai/gpt-4o-mini
    """,
)

DUPLICATE_PROVIDER_NAME = define(
    "C402",
    "plano-duplicate-provider-name",
    Severity.ERROR,
    "Two model providers have the same `name`.",
    """
    A provider's `name` defaults to its full `model` string. Plano's generator rejects an explicit
    `name` that an earlier entry already has: "Duplicate model_provider name {name}, please provide
    unique name for each model_provider". When the later entry's name is only the default, the
    generator lets it through and brightstaff refuses to start instead: "failed to create
    LlmProviders: '{name}' is not a unique name".
    """,
    """
    model_providers:
      - model: openai/gpt-4o
        name: main
      - model: openai/gpt-4o-mini
        name: main              # rename one of them
    """,
)

DUPLICATE_MODEL = define(
    "C403",
    "plano-duplicate-model",
    Severity.ERROR,
    "Two model providers declare the same model.",
    """
    Plano's generator rejects a (non-wildcard) `model` string that an earlier entry already declared,
    either as its full model or as its bare model id: "Duplicate model name {model}, please provide
    unique model name for each model_provider".
    """,
    """
    model_providers:
      - model: openai/gpt-4o
      - model: openai/gpt-4o     # declared twice
    """,
)

INVALID_MODEL_NAME = define(
    "C404",
    "plano-invalid-model-name",
    Severity.ERROR,
    "A `model` has no provider prefix.",
    """
    Plano needs `<provider>/<model_id>` (or `<provider>/*`) to know where to send requests. Its
    generator stops with: "Invalid model name {model}. Please provide model name in the format
    <provider>/<model_id> or <provider>/* for wildcards."
    """,
    """
    model_providers:
      - model: gpt-4o            # write openai/gpt-4o
    """,
)

WILDCARD_DEFAULT = define(
    "C405",
    "plano-wildcard-default",
    Severity.ERROR,
    "A wildcard (`provider/*`) entry is marked `default: true`.",
    """
    The default model must be one concrete model. Plano's generator stops with: "Model {model} is
    configured as default but uses wildcard (*). Default models cannot be wildcards."
    """,
    """
    model_providers:
      - model: openai/*
        default: true            # mark a concrete model (openai/gpt-4o) as default instead
    """,
)

BASE_URL_REQUIRED = define(
    "C406",
    "plano-base-url-required",
    Severity.ERROR,
    "A provider that needs `base_url` has none.",
    """
    azure_openai, ollama, qwen, amazon_bedrock and plano have no fixed address, so Plano's generator
    requires `base_url` for them: "Provider '{provider}' requires 'base_url' to be set for model
    {model}".
    """,
    """
    model_providers:
      - model: ollama/llama3.1
        base_url: http://localhost:11434     # required
    """,
)

UNSUPPORTED_PROVIDER = define(
    "C407",
    "plano-unsupported-provider",
    Severity.ERROR,
    "A provider Plano does not support lacks `base_url` or `provider_interface`.",
    """
    Plano supports 21 provider prefixes (openai, anthropic, gemini, groq, ...). Any other prefix is
    a custom upstream: Plano needs its address (`base_url`) and its wire API
    (`provider_interface`), and its generator stops with: "Must provide base_url and
    provider_interface for unsupported provider {provider} for model {model}. Supported providers
    are: ...". A misspelt prefix (`opneai/gpt-4o`) ends up here too; the message suggests the
    closest supported one.
    """,
    """
    model_providers:
      - model: vllm/llama-3-70b
        base_url: http://localhost:8000
        provider_interface: openai
    """,
)

PROVIDER_INTERFACE_ON_KNOWN = define(
    "C408",
    "plano-provider-interface-on-known-provider",
    Severity.ERROR,
    "`provider_interface` is set on a provider Plano already knows.",
    """
    `provider_interface` is only for providers Plano does not know; for `openai/gpt-4o` the prefix
    already names the provider, and Plano's generator rejects the extra key. Its message reads the
    wrong way round (katanemo/plano#1000): "Please provide provider interface as part of model name
    {model} using the format <provider>/<model_id>. For example, use 'openai/gpt-3.5-turbo' instead
    of 'gpt-3.5-turbo'". The fix is to remove `provider_interface`.
    """,
    """
    model_providers:
      - model: openai/gpt-4o
        provider_interface: openai     # remove this line
    """,
)

DUPLICATE_MODEL_ID = define(
    "C409",
    "plano-duplicate-model-id",
    Severity.ERROR,
    "Two model providers have the same bare model id.",
    """
    Plano also registers every model under its bare id (`gpt-4o` for `openai/gpt-4o`), so two
    providers cannot share one: its generator stops with "Duplicate model_id {id}, please provide
    unique model_id for each model_provider" (`openai/gpt-4o` and `azure_openai/gpt-4o` clash).
    """,
    """
    model_providers:
      - model: openai/gpt-4o
      - model: azure_openai/gpt-4o    # same id gpt-4o
        base_url: https://example.openai.azure.com
    """,
)

PASSTHROUGH_WITH_KEY = define(
    "C410",
    "plano-passthrough-auth-with-access-key",
    Severity.WARNING,
    "`passthrough_auth: true` and `access_key` on the same provider.",
    """
    With `passthrough_auth: true` Plano forwards the client's Authorization header and never sends
    `access_key`. Its generator accepts the file and prints: "WARNING: Model provider '{name}' has
    both 'passthrough_auth: true' and 'access_key' configured. The access_key will be ignored and
    the client's Authorization header will be forwarded instead."
    """,
    """
    model_providers:
      - model: openai/gpt-4o
        base_url: https://litellm.example.com
        passthrough_auth: true
        access_key: $LITELLM_KEY     # ignored: remove it, or drop passthrough_auth
    """,
)

INVALID_BASE_URL = define(
    "C411",
    "plano-invalid-base-url",
    Severity.ERROR,
    "A `base_url` is not an http(s) URL with a host.",
    """
    Plano parses `base_url` with `urllib.parse.urlparse`. Without an http or https scheme its
    generator stops with "Please provide a valid URL with scheme (http/https) in base_url"
    (`localhost:11434` parses as scheme `localhost`). A URL without a host name, or with a port that
    is not a number, makes the generator fail with a Python exception instead of a message.
    """,
    """
    model_providers:
      - model: ollama/llama3.1
        base_url: localhost:11434     # write http://localhost:11434
    """,
)

WILDCARD_ROUTING_PREFERENCES = define(
    "C412",
    "plano-wildcard-routing-preferences",
    Severity.ERROR,
    "A wildcard entry has inline `routing_preferences`.",
    """
    When it lifts inline routing preferences to the top level (configs below v0.4.0), Plano's
    generator stops with: "Model {model} has routing_preferences but uses wildcard (*). Models with
    routing preferences cannot be wildcards."
    """,
    """
    model_providers:
      - model: openai/*
        routing_preferences:          # move them to a concrete model
          - name: code generation
            description: writing new code
    """,
)

DUPLICATE_ROUTING_PREFERENCE = define(
    "C413",
    "plano-duplicate-routing-preference",
    Severity.ERROR,
    "Two top-level routing preferences have the same name.",
    """
    Plano's generator stops with: 'Duplicate routing preference name "{name}", please provide unique
    name for each routing preference'.
    """,
    """
    routing_preferences:
      - name: code
        description: code generation
        models: [openai/gpt-4o]
      - name: code                    # rename or merge
        description: code review
        models: [anthropic/claude-sonnet-4-5]
    """,
)

LEGACY_LISTENERS_WITHOUT_PROVIDERS = define(
    "C414",
    "plano-legacy-listeners-without-providers",
    Severity.ERROR,
    "The legacy listeners object is used without any model provider.",
    """
    The deprecated `listeners: {ingress_traffic, egress_traffic}` form always creates a model
    listener, which needs providers. Plano's generator fails with "ValueError: model_providers
    cannot be empty when using legacy format".
    """,
    """
    listeners:
      egress_traffic:
        port: 12000
    # no model_providers: add at least one
    """,
)

MULTIPLE_MODEL_LISTENERS = define(
    "C415",
    "plano-multiple-model-listeners",
    Severity.ERROR,
    "More than one listener has `type: model`.",
    """
    Plano attaches the model providers to the one model listener. Its generator fails with
    "ValueError: Currently only one listener can have model_providers set", and brightstaff
    checks it again: "only one model listener is allowed, found N".
    """,
    """
    listeners:
      - {name: llm, type: model, port: 12000}
      - {name: llm2, type: model, port: 12001}     # only one model listener
    """,
)

DUPLICATE_AGENT_ID = define(
    "C416",
    "plano-duplicate-agent-id",
    Severity.ERROR,
    "Two agents or filters have the same id.",
    """
    `agents` and `filters` share one id namespace. Plano's generator stops with: "Duplicate agent
    id {id}, please provide unique id for each agent".
    """,
    """
    agents:
      - {id: weather, url: http://localhost:10510}
    filters:
      - {id: weather, url: http://localhost:10500}     # rename one
    """,
)

UNKNOWN_ENDPOINT = define(
    "C417",
    "plano-unknown-endpoint",
    Severity.ERROR,
    "A prompt target calls an endpoint that is not defined.",
    """
    `prompt_targets[].endpoint.name` must name an entry of `endpoints` (or an agent/filter id with
    a URL). Plano's generator stops with: "Unknown endpoint {name}, please add it in endpoints
    section in your plano_config.yaml file".
    """,
    """
    prompt_targets:
      - name: weather
        description: current weather
        endpoint:
          name: weather_api        # not in endpoints
          path: /weather
    """,
)

INVALID_TRACING_ENDPOINT = define(
    "C418",
    "plano-invalid-tracing-endpoint",
    Severity.ERROR,
    "`tracing.opentracing_grpc_endpoint` is not an http URL without a path.",
    """
    Plano's generator requires the OTLP gRPC endpoint to use the http scheme and to have no path:
    "Invalid opentracing_grpc_endpoint {endpoint}, scheme must be http" / "... path must be empty".
    """,
    """
    tracing:
      opentracing_grpc_endpoint: https://collector:4317     # write http://collector:4317
    """,
)

UNKNOWN_FILTER = define(
    "C419",
    "plano-unknown-filter",
    Severity.ERROR,
    "A listener references a filter id that no agent or filter has.",
    """
    Listener `input_filters`/`output_filters` must name ids from `agents` or `filters`. Plano's
    generator stops with: "Listener '{name}' references input_filters id '{id}' which is not
    defined in agents or filters. Available ids: ...".
    """,
    """
    listeners:
      - name: llm
        type: model
        input_filters: [pii_guard]     # no agent or filter has this id
    """,
)

UNKNOWN_ALIAS_TARGET = define(
    "C420",
    "plano-unknown-alias-target",
    Severity.ERROR,
    "A model alias targets a model no (non-wildcard) provider declares.",
    """
    An alias target must be the full model (`openai/gpt-4o`) or the bare model id (`gpt-4o`) of a
    non-wildcard provider; a custom `name` or a model reachable only through a wildcard does not
    count. Plano's generator stops with: "Model alias 2 - '{alias}' targets '{target}' which is
    not defined as a model. Available models: ..." (the "Model alias 2 - " is Plano's literal
    text).
    """,
    """
    model_aliases:
      fast:
        target: gpt-4o-mini     # no provider declares openai/gpt-4o-mini
    """,
)

AGENT_ORCHESTRATOR_ENDPOINTS = define(
    "C421",
    "plano-agent-orchestrator-endpoints",
    Severity.ERROR,
    "`use_agent_orchestrator` needs exactly one endpoint.",
    """
    With `overrides.use_agent_orchestrator: true` Plano takes the single entry of `endpoints`
    (agents and filters with a URL count as endpoints) as the orchestrator. Its generator stops
    with "Please provide agent orchestrator in the endpoints section in your plano_config.yaml
    file" when there is none and "Please provide single agent orchestrator in the endpoints section
    in your plano_config.yaml file" when there are several.
    """,
    """
    overrides:
      use_agent_orchestrator: true
    endpoints:                       # exactly one endpoint (agents with a url count too)
      orchestrator:
        endpoint: localhost:9000
    """,
)

# -- the runtime (brightstaff / the WASM filter refuse the rendered config) ---------------------

MULTIPLE_DEFAULTS = define(
    "C430",
    "plano-multiple-defaults",
    Severity.ERROR,
    "More than one model provider has `default: true`.",
    """
    Plano's generator does not check this; brightstaff then refuses to start with "failed to create
    LlmProviders: There must be at most one default LLM Provider" (and the WASM filter panics on the
    same error).
    """,
    """
    model_providers:
      - model: openai/gpt-4o
        default: true
      - model: anthropic/claude-sonnet-4-5
        default: true        # only one default
    """,
)

UNDECLARED_ROUTING_MODEL = define(
    "C431",
    "plano-undeclared-routing-model",
    Severity.ERROR,
    "A routing preference names a model that no provider declares.",
    """
    Every model in `routing_preferences[].models` must be the `name` or the model id of a model
    provider; a model reachable only through a wildcard does not count. Plano's generator does not
    check it; brightstaff refuses to start with "routing_preferences route '{name}' references model
    '{model}' which is not declared in model_providers". Inline preferences lifted from a provider
    with a custom `name` hit the same error: the lifted preference names the provider's `model`.
    """,
    """
    routing_preferences:
      - name: code
        description: code generation
        models: [openai/gpt-5]     # only openai/* is declared
    """,
)

MISSING_METRICS_SOURCE = define(
    "C432",
    "plano-missing-metrics-source",
    Severity.ERROR,
    "A routing policy needs a cost or latency source that is not configured.",
    """
    `selection_policy.prefer: cheapest` and `routing.routing_budget` need a `type: cost` entry in
    `model_metrics_sources`; `prefer: fastest` needs a `type: latency` entry. Brightstaff refuses to
    start otherwise ("routing_preferences route '{name}' uses prefer: cheapest but no cost metrics
    source is configured", "routing.routing_budget is configured but no cost metrics source is
    configured").
    """,
    """
    routing_preferences:
      - name: code
        description: code generation
        models: [openai/gpt-4o]
        selection_policy:
          prefer: cheapest           # needs a `type: cost` entry in model_metrics_sources
    """,
)

DUPLICATE_METRICS_SOURCE = define(
    "C433",
    "plano-duplicate-metrics-source",
    Severity.ERROR,
    "More than one cost (or latency) metrics source.",
    """
    Brightstaff refuses to start with "model_metrics_sources: only one cost metrics source is
    allowed" (or "... only one latency metrics source is allowed").
    """,
    """
    model_metrics_sources:
      - {type: cost, provider: models.dev}
      - {type: cost, provider: digitalocean}     # keep one
    """,
)

# -- accepted, then surprising ------------------------------------------------------------------

DUPLICATE_WILDCARD = define(
    "C440",
    "plano-duplicate-wildcard",
    Severity.WARNING,
    "Two wildcard entries for the same provider; the later one silently wins.",
    """
    Plano's generator does not check wildcards for duplicates. At load time Plano keys each
    wildcard by its provider prefix and a later one overwrites an earlier one without a word, so
    the earlier entry's key, base_url and headers are never used.
    """,
    """
    model_providers:
      - model: anthropic/*
        access_key: $ANTHROPIC_API_KEY
      - model: anthropic/*          # replaces the entry above
        access_key: $ANTHROPIC_PROD_API_KEY
    """,
)

ORDER_DEPENDENT_SHORT_NAME = define(
    "C441",
    "plano-order-dependent-short-name",
    Severity.WARNING,
    "A custom-named model also comes from a wildcard; which one answers depends on file order.",
    """
    Plano excludes a model from a wildcard's expansion only when the specific entry's `name` is
    `<provider>/<model_id>`. With a custom name (`name: openai-prod`, `model: openai/gpt-4o`) the
    wildcard `openai/*` still expands `gpt-4o` (if Plano's registry lists it): `openai/gpt-4o` then
    gets the wildcard's settings, and the short name `gpt-4o` goes to whichever entry comes later in
    the file.
    """,
    """
    model_providers:
      - model: openai/*
      - model: openai/gpt-4o
        name: openai-prod      # name it openai/gpt-4o to exclude it from the wildcard
    """,
)

DEPRECATED_INLINE_ROUTING = define(
    "C442",
    "plano-deprecated-inline-routing-preferences",
    Severity.WARNING,
    "Inline `routing_preferences` under a provider are deprecated and get rewritten.",
    """
    Below v0.4.0, `planoai up` lifts inline preferences to a top-level `routing_preferences` list
    (merging same-named ones, keeping the first description) and prints "WARNING: inline
    routing_preferences under model_providers is deprecated and has been auto-migrated to
    top-level routing_preferences". Existing top-level preferences with the same name win.
    """,
    """
    version: v0.3.0
    model_providers:
      - model: openai/gpt-4o
        routing_preferences:          # move to a top-level routing_preferences list
          - name: code
            description: code generation
    """,
)

IGNORED_INLINE_ROUTING = define(
    "C443",
    "plano-ignored-inline-routing-preferences",
    Severity.WARNING,
    "Inline `routing_preferences` at version v0.4.0 have no effect.",
    """
    At v0.4.0 `planoai up` does not migrate inline preferences, and the runtime does not read them
    from a provider: they are silently ignored. Declare them in the top-level `routing_preferences`
    list with `models: [...]`.
    """,
    """
    version: v0.4.0
    model_providers:
      - model: openai/gpt-4o
        routing_preferences:          # ignored at v0.4.0
          - name: code
            description: code generation
    """,
)

NAMED_WILDCARD = define(
    "C444",
    "plano-named-wildcard",
    Severity.WARNING,
    "A wildcard entry has a custom `name`, which Plano uses as its provider prefix.",
    """
    Plano's runtime keys a wildcard by its `name` with `/*` trimmed, not by its `model`. With
    `name: all-openai` and `model: openai/*`, requests for `openai/<model>` do not reach this
    entry, and the registry's models are not expanded (`all-openai` is not a provider id).
    """,
    """
    model_providers:
      - model: openai/*
        name: all-openai       # requests for openai/<model> no longer reach this entry
    """,
)

PROVIDER_WITHOUT_CLUSTER = define(
    "C445",
    "plano-provider-without-cluster",
    Severity.WARNING,
    "vercel, openrouter or edenai without `base_url`.",
    """
    Plano's generator accepts these providers without `base_url`, but its Envoy template routes
    them to a cluster it never defines (its static clusters cover openai, anthropic, gemini, groq,
    mistral, deepseek, xai, moonshotai, zhipu, together_ai, digitalocean, xiaomi and plano), so
    requests have nowhere to go; Envoy presumably rejects the config at startup. Every example in
    Plano's repository sets `base_url` for them.
    """,
    """
    model_providers:
      - model: openrouter/*
        base_url: https://openrouter.ai/api/v1     # required in practice
        access_key: $OPENROUTER_API_KEY
    """,
)

DEPRECATED_FORM = define(
    "C446",
    "plano-deprecated-form",
    Severity.INFO,
    "A deprecated form Plano still converts (`llm_providers`, the listeners object).",
    """
    `llm_providers` is the old name of `model_providers`, and `listeners:` as an object with
    `ingress_traffic`/`egress_traffic` is the old listener form. Plano still converts both.
    """,
    """
    llm_providers:             # rename to model_providers
      - model: openai/gpt-4o
    """,
)

# -- credentials as `planoai up` checks them ----------------------------------------------------

BRACED_ENV_REFERENCE = define(
    "C450",
    "plano-braced-env-reference",
    Severity.WARNING,
    "`${VAR}` in an access key: `planoai up` looks for a variable named `{VAR}`.",
    """
    Before starting, `planoai up` checks that every access key's variable is set (in `.env` beside
    the config, else in the environment). It strips one leading `$` only, so `${OPENAI_API_KEY}` is
    looked up as `{OPENAI_API_KEY}`, reported under "✗ Missing API keys!", and `planoai up` exits 1.
    Write `$OPENAI_API_KEY`.
    """,
    """
    access_key: ${OPENAI_API_KEY}     # write $OPENAI_API_KEY
    """,
)

LITERAL_ACCESS_KEY = define(
    "C451",
    "plano-literal-access-key",
    Severity.WARNING,
    "An access key without `$`: `planoai up` treats it as the name of an environment variable.",
    """
    `planoai up` checks every access key as a variable name after stripping a leading `$`. A
    literal key (`sk-...`) or a bare name (`OPENAI_API_KEY`) is looked up as a variable; unless such
    a variable exists, `planoai up` prints "✗ Missing API keys!" and exits 1. If it does exist, the
    literal text itself is sent upstream as the key, because only `$VAR` references are substituted.
    A literal secret in a config file is also a leak risk: modelconf never prints it.
    """,
    """
    access_key: OPENAI_API_KEY     # write $OPENAI_API_KEY
    """,
)

UNQUOTED_DATE = define(
    "C452",
    "plano-unquoted-date",
    Severity.ERROR,
    "An unquoted value that PyYAML reads as a date.",
    """
    Plano loads its config with PyYAML, which resolves plain scalars by YAML 1.1: `2024-01-01` or
    `2024-01-01 10:00:00` becomes a date object, not text. Plano's schema check then fails on it
    (`datetime.date(2024, 1, 1) is not of type 'string'`) and `planoai up` stops. Quote the value.
    """,
    """
    model_providers:
      - model: openai/gpt-4o
        name: 2024-06-01          # write "2024-06-01"
    """,
)
