"""The built-in catalog (providers and models from models.dev) and the target profiles.

    from modelconf.catalog import load_catalog, load_profile, TARGETS

    catalog = load_catalog()                 # cached; providers by models.dev id
    catalog.model("openai", "gpt-4.1")       # ModelFacts | None
    profile = load_profile("zot")            # cached; ValueError for an unknown target
    profile.provider("bedrock").env_names    # aliases resolve

Importing this package is cheap: the profile, rule, check and import modules load on first use.
"""

from __future__ import annotations

from modelconf.catalog._facts import Catalog, Cost, ModelFacts, ProviderFacts, load_catalog

TARGETS: tuple[str, ...] = ("pi", "zot", "openclaw", "plano")

# Loaded lazily (PEP 562): name -> module.
_LAZY = {
    "load_profile": "modelconf.catalog._profiles",
    "TargetProfile": "modelconf.catalog._profiles",
    "TargetProvider": "modelconf.catalog._profiles",
    "EnvVar": "modelconf.catalog._profiles",
    "StoredKey": "modelconf.catalog._profiles",
    "ModelView": "modelconf.catalog._profiles",
    "CredentialStep": "modelconf.catalog._profiles",
    "Note": "modelconf.catalog._profiles",
    "Check": "modelconf.catalog._profiles",
    "OAuthLocation": "modelconf.catalog._profiles",
    "zot_env_var": "modelconf.catalog._rules",
    "openclaw_rotation_names": "modelconf.catalog._rules",
    "openclaw_normalize_provider_id": "modelconf.catalog._rules",
    "plano_upstream_path": "modelconf.catalog._rules",
    "RotationNames": "modelconf.catalog._rules",
    "check_catalog_file": "modelconf.catalog._check",
    "check_profile_file": "modelconf.catalog._check",
    "load_profile_file": "modelconf.catalog._check",
}

__all__ = ["TARGETS", "Catalog", "Cost", "ModelFacts", "ProviderFacts", "load_catalog", *_LAZY]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'modelconf.catalog' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
