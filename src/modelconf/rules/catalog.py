"""O: the built-in catalog and target profiles (and catalog files given to modelconf)."""

from modelconf.diagnostics import Severity
from modelconf.rules import define

CATALOG_SCHEMA = define(
    "O001",
    "catalog-schema",
    Severity.ERROR,
    "A catalog file does not match the catalog schema.",
    """
    Catalog files (`catalog/catalog.json`, or one written by `modelconf catalog import`) follow
    `schemas/catalog.schema.json`: providers by id, each with its facts and model rows whose
    values follow `model_columns`. modelconf cannot load a catalog that breaks the schema; the
    position points at the offending value.
    """,
    """
    "openai": {"name": "OpenAI", "api": "openai-responses", "auth": "api-key", ...,
               "models": [["gpt-4.1", "GPT-4.1", "1M", ...]]}
                                                  ^ context window must be an integer
    """,
)

PROFILE_SCHEMA = define(
    "O002",
    "profile-schema",
    Severity.ERROR,
    "A target profile file does not match the target-profile schema.",
    """
    Target profiles (`catalog/targets/<target>.json`) follow `schemas/target-profile.schema.json`.
    A profile that breaks it cannot be loaded; the position points at the offending value.
    """,
    """
    {"target": "zot", "providers": [{"id": "openai", "auth": "apikey", ...}]}
                                                             ^ not one of api-key, oauth-subscription, ...
    """,
)

PROFILE_REFERENCE = define(
    "O003",
    "profile-unknown-provider",
    Severity.ERROR,
    "A target profile refers to a provider id it does not define.",
    """
    Provider aliases, seed-table rows and notes name providers by id. Each id must be one of the
    profile's `providers`, or the alias, the docs row or the note points nowhere.
    """,
    """
    "provider_ids": {"aliases": {"bedrock": "amazon-bedrok"}}
    """,
)

PROFILE_DUPLICATE = define(
    "O004",
    "profile-duplicate-provider",
    Severity.ERROR,
    "A target profile defines the same provider id twice.",
    "Provider ids in a profile are unique; the second entry would hide the first.",
    """
    "providers": [{"id": "openai", ...}, {"id": "openai", ...}]
    """,
)
