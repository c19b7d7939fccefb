"""S: a document against its dialect's JSON Schema."""

from modelconf.diagnostics import Severity
from modelconf.rules import define

WRONG_TYPE = define(
    "S001",
    "wrong-type",
    Severity.ERROR,
    "A value has the wrong type.",
    """
    The schema expects another JSON type here (a number where a string was written, an array
    where an object was written, ...). The programs reject such a file: pi's TypeBox check fails
    and all custom providers are dropped, zot's Go decoder prints `parse error (file ignored)`,
    OpenClaw/Mayros' zod check fails and the config loads empty, Plano's `planoai up` stops.
    """,
    """
    "contextWindow": "128k"      # must be a number: 131072
    """,
)

UNKNOWN_KEY = define(
    "S002",
    "unknown-key",
    Severity.ERROR,
    "A key the program does not know, in an object that rejects unknown keys.",
    """
    OpenClaw/Mayros (zod `.strict()`) and Plano (`additionalProperties: false`) reject objects with
    keys they do not know. Usually a typo: the message suggests the closest known key.
    """,
    """
    model_providers:
      - model: openai/gpt-4o
        acces_key: $OPENAI_API_KEY     # did you mean access_key?
    """,
)

IGNORED_KEY = define(
    "S003",
    "ignored-key",
    Severity.WARNING,
    "A key the program does not know and silently ignores.",
    """
    pi and zot accept unknown keys without a word, so a misspelt key (`contextLength` for
    `contextWindow`) has no effect and the default applies. The message suggests the closest known
    key.
    """,
    """
    {"id": "llama3", "contextLength": 131072}    # did you mean contextWindow?
    """,
)

MISSING_KEY = define(
    "S004",
    "missing-key",
    Severity.ERROR,
    "An object lacks a required key.",
    "The schema requires this key in the object named by the message; the program rejects the file without it.",
    """
    {"providers": {"ollama": {"models": [{"name": "Llama 3"}]}}}    # model entry has no "id"
    """,
)

INVALID_VALUE = define(
    "S005",
    "invalid-value",
    Severity.ERROR,
    "A value is not one of the allowed values.",
    "The key only accepts the listed values; the message names the closest one to what was written.",
    """
    version: v0.2.0      # Plano accepts 0.2.0 (no v) or v0.3.0 ...
    """,
)

OUT_OF_RANGE = define(
    "S006",
    "out-of-range",
    Severity.ERROR,
    "A number is outside the allowed range.",
    "The number is below the minimum or above the maximum the schema allows (for example a context window of 0).",
    """
    "contextWindow": 0
    """,
)

INVALID_STRING = define(
    "S007",
    "invalid-string",
    Severity.ERROR,
    "A string is empty, too long, or does not have the expected form.",
    "The string fails a length, pattern or format constraint (an empty `id`, a model name without a provider prefix, ...).",
    """
    "id": ""
    """,
)

NO_MATCHING_VARIANT = define(
    "S008",
    "no-matching-variant",
    Severity.ERROR,
    "A value matches none of the forms the key accepts.",
    """
    The key accepts one of several shapes (for example a list of listeners or the legacy
    `ingress_traffic`/`egress_traffic` object) and the value fits none of them. When one form is
    clearly closest, modelconf reports that form's problems instead of this general one.
    """,
)

INVALID_ARRAY = define(
    "S009",
    "invalid-array",
    Severity.ERROR,
    "An array has too few or too many items, or repeated items.",
    "The array violates a `minItems`, `maxItems` or `uniqueItems` constraint.",
    """
    routing_preferences:
      - name: code
        description: code generation
        models: []      # at least one model
    """,
)

SCHEMA_VIOLATION = define(
    "S010",
    "schema-violation",
    Severity.ERROR,
    "A value violates another schema constraint.",
    "A constraint not covered by the other S rules failed (`not`, `const`, `contains`, dependent keys, ...).",
)
