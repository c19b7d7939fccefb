"""OpenClaw/Mayros: the config's providers, written to the agent's models.json, read by pi.

reference/openclaw.md, "Generated models.json and `models.mode`":

1. the config's `models.providers` get `applyModelDefaults` (in `modelconf.resolve.pi`);
2. with `mode: "merge"` (the default) the existing agent-dir models.json is read and combined at
   provider level, `{...existing, ...config}`: a config provider replaces the file's provider
   of the same key whole, and providers only in the file are kept; `mode: "replace"` does not
   read the file (pi's built-in catalog stays);
3. `${NAME}` API keys are written as bare names, which pi reads as environment variables;
4. pi reads the result with its own rules over its built-in catalog (`apply_pi_layer`).

Files compose left to right: an `openclaw-models` file (pi's format) contributes its providers as
the existing models.json; an `openclaw` config then merges or replaces per its `models.mode`.
Provider keys are used as written; `normalizeProviderId` is what OpenClaw/Mayros uses to find a
provider's credentials, so profile lookups go through it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from modelconf.catalog._facts import Catalog
from modelconf.catalog._profiles import TargetProfile
from modelconf.diagnostics import Severity
from modelconf.ir import ConfigIR, Origin, ProviderEntry
from modelconf.resolve._builtin import add_builtin_view, pi_facts
from modelconf.resolve._core import Resolution
from modelconf.resolve._report import related_at, report
from modelconf.resolve.pi import apply_pi_layer
from modelconf.rules import overrides as rules

DEFAULT_PROVIDER = "anthropic"  # parseModelRef's default provider (reference/openclaw.md, "Model refs")


def resolve_openclaw(irs: Sequence[ConfigIR], profile: TargetProfile, catalog: Catalog, *, only: Collection[str] | None = None) -> Resolution:
    resolution = Resolution("openclaw")
    add_builtin_view(resolution, profile, catalog, pi_facts, only=only)
    composed: dict[str, tuple[ProviderEntry, str]] = {}
    default = None
    for ir in irs:
        if ir.dialect == "openclaw":
            if ir.mode is not None and ir.mode.value == "replace":
                composed.clear()
            defaults = "openclaw"
            if ir.default_model is not None:
                default = ir.default_model
        else:
            defaults = "pi"
        for block in ir.providers:
            earlier = composed.pop(block.id, None)
            if earlier is not None:
                resolution.diagnostics.append(
                    report(
                        rules.SHADOWS_ENTRY,
                        f'provider "{block.id}" replaces the block of the same key in {earlier[0].origin.file} whole: OpenClaw/Mayros '
                        "combines models.json providers with `{...existing, ...config}`, so none of the earlier block's models or settings are kept",
                        block.origin,
                        hint='move what should stay into this block, or set models.mode "replace" to stop reading the file',
                        related=(related_at("replaced block", earlier[0].origin),),
                    )
                )
            composed[block.id] = (block, defaults)
    apply_pi_layer(resolution, profile, list(composed.values()))
    if default is not None:
        _default_model(resolution, default.value, default.origin, {block.id for block, _ in composed.values()}, profile)
    _aliases(resolution, irs, profile)
    return resolution


def _aliases(resolution: Resolution, irs: Sequence[ConfigIR], profile: TargetProfile) -> None:
    """Model aliases of the config (later files win) that name a model the catalog has; the
    program looks them up case-insensitively (reference/openclaw.md, "Model refs")."""
    for ir in irs:
        for alias, ref in ir.aliases.items():
            provider, model = default_ref(ref.value, profile)
            key = f"{provider}/{model}"
            if key in resolution.models:
                resolution.aliases[alias] = key
                resolution.alias_prov[alias] = str(ref.origin)


def default_ref(ref: str, profile: TargetProfile) -> tuple[str, str]:
    """`parseModelRef`: split at the first `/` (no `/`: provider anthropic), normalize the provider."""
    text = ref.strip()
    provider, _, model = text.partition("/") if "/" in text else (DEFAULT_PROVIDER, "", text)
    return profile.normalize_provider_id(provider), model


def _default_model(resolution: Resolution, ref: str, origin: Origin, configured: set[str], profile: TargetProfile) -> None:
    provider, model = default_ref(ref, profile)
    key = f"{provider}/{model}"
    resolution.default_prov = origin
    resolution.default_model = key
    if key in resolution.models:
        return
    if provider in {profile.normalize_provider_id(p) for p in configured}:
        resolution.diagnostics.append(
            report(
                rules.DEFAULT_MODEL_MISSING,
                f'default model "{key}" is not listed under the configured provider "{provider}"; OpenClaw/Mayros makes up a model with '
                "the provider's api (else openai-responses), text input, zero cost and the first model's limits (else 200000)",
                origin,
                hint=f'add "{model}" to models.providers.{provider}.models, or pick one of its models',
                severity=Severity.WARNING,
            )
        )
    else:
        resolution.diagnostics.append(
            report(
                rules.DEFAULT_MODEL_MISSING,
                f'default model "{key}" is in neither the built-in catalog nor a configured provider; OpenClaw/Mayros fails with '
                f'"Unknown model: {key}"',
                origin,
                hint="check the provider and model id (`modelconf catalog show openclaw <provider>` lists the built-in models)",
            )
        )
