"""Resolve: merge config IRs over a target's built-in catalog, exactly as the target program does.

    from modelconf.resolve import resolve
    resolution = resolve([ir1, ir2], "pi")          # a Resolution; .diagnostics holds O1xx findings

Files compose left to right: each later IR is a user layer over the result so far, under the
target's rules (OpenClaw/Mayros: the agent-dir models.json, then the config's `models.mode`; Plano:
one `model_providers` list). One module per target; the shared pieces are `_core` (the
resolution being built), `_builtin` (the target's view of the catalog), `_credentials`,
`_endpoints` and `_finish`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from modelconf.catalog._facts import Catalog
    from modelconf.catalog._profiles import TargetProfile
    from modelconf.ir import ConfigIR
    from modelconf.resolve._core import Change, EntryRecord, Pattern, Resolution, RModel, RProvider

__all__ = ["Change", "EntryRecord", "Pattern", "RModel", "RProvider", "Resolution", "TargetMismatch", "resolve"]

# The resolution types load on first use (PEP 562): `modelconf lint` imports `resolve.checks`,
# which needs none of them for most files.
_CORE = {"Change", "EntryRecord", "Pattern", "RModel", "RProvider", "Resolution"}


def __getattr__(name: str) -> Any:
    if name in _CORE:
        from modelconf.resolve import _core

        return getattr(_core, name)
    raise AttributeError(f"module 'modelconf.resolve' has no attribute {name!r}")


class TargetMismatch(ValueError):
    """The IRs are not all for the requested target."""


def resolve(
    irs: Sequence[ConfigIR],
    target: str,
    *,
    catalog: Catalog | None = None,
    profile: TargetProfile | None = None,
    configs: Sequence[Any] = (),
    touched_only: bool = False,
) -> Resolution:
    """Resolve `irs` (in composition order) for `target`.

    `catalog` and `profile` default to the built-in ones. `configs` are the input documents as
    `modelconf.credentials.ConfigFile`s: the credentials engine reads their key settings for each
    provider's `auth.credentials`. `touched_only` builds the built-in view only for the providers
    the files name and leaves credentials out (what lint needs for the O rules, at a fraction of
    the cost); the result is then not a complete catalog.
    """
    from modelconf.catalog._profiles import load_profile

    wrong = [ir.file for ir in irs if ir.target != target]
    if wrong:
        raise TargetMismatch(f"{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} not for target {target}")
    profile = profile if profile is not None else load_profile(target)
    if target == "plano":
        from modelconf.resolve.plano import resolve_plano

        resolution = resolve_plano(irs, profile)
    else:
        only = _touched(irs, profile) if touched_only else None
        if catalog is None:
            catalog = _catalog_for(profile, only)
        resolution = _resolve_catalog_target(irs, target, profile, catalog, only, None if touched_only else configs)
    resolution.sources = [{"file": ir.file, "dialect": ir.dialect, **({"sha256": ir.sha256} if ir.sha256 else {})} for ir in irs]
    return resolution


def _resolve_catalog_target(
    irs: Sequence[ConfigIR], target: str, profile: TargetProfile, catalog: Catalog, only: set[str] | None, configs: Sequence[Any] | None
) -> Resolution:
    from modelconf.resolve._finish import finish

    if target == "pi":
        from modelconf.resolve.pi import resolve_pi

        resolution = resolve_pi(irs, profile, catalog, only=only)
    elif target == "zot":
        from modelconf.resolve.zot import resolve_zot

        resolution = resolve_zot(irs, profile, catalog, only=only)
    elif target == "openclaw":
        from modelconf.resolve.openclaw import resolve_openclaw

        resolution = resolve_openclaw(irs, profile, catalog, only=only)
    else:
        raise ValueError(f"unknown target {target!r}")
    finish(resolution, profile, configs)
    return resolution


def _catalog_for(profile: TargetProfile, only: set[str] | None) -> Catalog:
    """The built-in catalog, or an empty one when none of the providers needed has catalog models."""
    from modelconf.catalog._facts import Catalog, load_catalog

    if only is not None and not any(p.models.source == "models.dev" for p in profile.providers.values() if p.id in only):
        return Catalog({"model_columns": ["id", "name"], "providers": {}})
    return load_catalog()


def _touched(irs: Sequence[ConfigIR], profile: TargetProfile) -> set[str]:
    names = {provider.id for ir in irs for provider in ir.providers}
    if profile.target == "openclaw":
        from modelconf.resolve.openclaw import default_ref

        names |= {default_ref(ir.default_model.value, profile)[0] for ir in irs if ir.default_model is not None}
    return names
