"""Target rules that are algorithms rather than tables; their parameters come from the profiles.

- zot: the env var a provider id derives (`normalizeCustomProviderEnvVar` + `_API_KEY`);
- OpenClaw/Mayros: `normalizeProviderId` and the API-key rotation candidate names;
- Plano: the upstream request path for a provider, model and `base_url` path.
"""

from __future__ import annotations

from dataclasses import dataclass

from modelconf.catalog._profiles import load_profile


def go_upper(text: str) -> str:
    """Go's `strings.ToUpper`: per-character simple upper-casing.

    Python's `str.upper` applies full case mappings (`ß` -> `SS`); Go maps each rune to at most
    one rune and keeps characters that have no single-rune upper case.
    """
    out = []
    for char in text:
        upper = char.upper()
        out.append(upper if len(upper) == 1 else char)
    return "".join(out)


def zot_env_var(provider_id: str) -> str:
    """The generic env var zot reads for a provider id (custom providers and built-ins alike).

    reference/zot.md, "Env-var name for a provider id": `strings.ToUpper`, only `-` becomes `_`,
    then `_API_KEY`; dots, digits and other characters are kept (`llama.cpp` ->
    `LLAMA.CPP_API_KEY`, `a--b` -> `A__B_API_KEY`, `1min` -> `1MIN_API_KEY`).
    """
    return go_upper(provider_id).replace("-", "_") + "_API_KEY"


def openclaw_normalize_provider_id(provider_id: str) -> str:
    """OpenClaw/Mayros `normalizeProviderId`: trim, lower-case, then the alias table."""
    return load_profile("openclaw").normalize_provider_id(provider_id)


@dataclass(frozen=True, slots=True)
class RotationNames:
    """The env var names OpenClaw's key rotation reads for one provider, by role."""

    provider: str
    base: str
    live_single: str
    list_var: str
    primary: str
    prefix: str
    fallbacks: tuple[str, ...]

    @property
    def candidates(self) -> tuple[str, ...]:
        """In reading order; the prefix entry ends in `*` (every variable starting with it)."""
        return (self.live_single, self.list_var, self.primary, self.prefix + "*", *self.fallbacks)


def openclaw_rotation_names(provider_id: str, app_prefix: str | None = None) -> RotationNames:
    """Rotation names for a provider (reference/openclaw.md, "API-key rotation").

    `app_prefix` is MAYROS (Mayros, the default) or OPENCLAW (upstream OpenClaw).
    """
    profile = load_profile("openclaw")
    rotation = profile.key_rotation or {}
    app = (app_prefix or profile.setting("app_prefix")).upper()
    allowed = profile.settings["app_prefix"]["values"]
    if app not in allowed:
        raise ValueError(f"unknown app prefix {app_prefix!r}; use one of: {', '.join(allowed)}")
    normalized = profile.normalize_provider_id(provider_id)
    base = rotation.get("base_overrides", {}).get(normalized) or normalized.upper().replace("-", "_")
    patterns = {c["kind"]: c["pattern"] for c in rotation.get("candidates", ())}
    patterns.update(rotation.get("overrides", {}).get(normalized, {}).items())

    def fill(pattern: str) -> str:
        return pattern.replace("{APP}", app).replace("{P}", base)

    return RotationNames(
        provider=normalized,
        base=base,
        live_single=fill(patterns["live-single"]),
        list_var=fill(patterns["list"]),
        primary=fill(patterns["primary"]),
        prefix=fill(patterns["prefix"]).removesuffix("*"),
        fallbacks=tuple(rotation.get("fallbacks", {}).get(normalized, ())),
    )


def plano_upstream_path(
    provider_id: str,
    model: str,
    *,
    base_url_path: str | None = None,
    client_api: str = "chat",
    streaming: bool = False,
    name: str | None = None,
) -> str:
    """The upstream path Plano requests for a provider (reference/plano.md, "Upstream path rules").

    `base_url_path` is the path of the provider's `base_url` (it replaces the default prefix;
    empty or `/` keeps the default). `client_api` is chat, messages or responses: the API the
    client called; providers without a rule for it are sent chat completions.
    """
    profile = load_profile("plano")
    rules = profile.upstream_paths or {}
    if profile.provider(provider_id) is None:
        raise ValueError(f"plano has no provider {provider_id!r}")
    own = rules.get("providers", {}).get(provider_id, {})
    rule = own.get(client_api) or own.get("chat") or rules["default"]["chat"]
    custom = (base_url_path or "").strip("/")
    prefix = f"/{custom}" if custom else rule["prefix"]
    if not custom and name and any(name.startswith(p) for p in rules.get("unversioned_name_prefixes", ())):
        prefix = ""
    suffix = rule.get("stream_suffix", rule["suffix"]) if streaming else rule["suffix"]
    path = prefix + suffix.replace("{model}", model)
    query = rule.get("query")
    return f"{path}?{query}" if query else path
