"""The engine: walk a target's resolution order for one provider; keys for the runtime.

`walk()` dispatches to the target's walker (one module per target), decides which step the
target picks, and adds the provider's setup checks. Steps follow `profile.credential_order`;
everything target-specific (variable names and order, auth-file layout, value forms) comes from
the profile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from modelconf.credentials import _openclaw, _pi, _plano, _zot
from modelconf.credentials._common import decide, setup_items
from modelconf.credentials._draft import Draft
from modelconf.credentials._forms import effective_env, env_list, env_prefixed, env_value, openclaw_substitute, pi_value
from modelconf.credentials._types import PRESENT, Command, CredentialWalk, Inputs, Secret, Step
from modelconf.document import path_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile, TargetProvider

Walker = Callable[["TargetProfile", "TargetProvider", bool, Inputs], Draft]
# Plano's walk also takes the model and its entry (see `walk`).
_WALKERS: dict[str, Walker] = {"pi": _pi.walk, "zot": _zot.walk, "openclaw": _openclaw.walk}


def resolve_provider(profile: TargetProfile, provider_id: str) -> tuple[TargetProvider, bool]:
    """The target's provider for an id or alias; a bare stand-in for a provider it does not know."""
    from modelconf.catalog._profiles import ModelView, StoredKey, TargetProvider

    found = profile.provider(provider_id)
    if found is not None:
        return found, True
    normalized = profile.normalize_provider_id(provider_id)
    stored = None
    spec = profile.auth_file or {}
    if "additional_field" in spec:  # zot keeps every other provider there
        stored = StoredKey(normalized, spec["additional_field"], (spec["additional_field"], normalized))
    stand_in = TargetProvider(
        id=normalized, name=normalized, aliases=(), auth="api-key", api=None, env=(), settings_env=(),
        stored_key=stored, models=ModelView("open"),
    )
    return stand_in, False


def walk(
    target: str,
    provider_id: str,
    model_id: str | None = None,
    *,
    inputs: Inputs | None = None,
    profile: TargetProfile | None = None,
    entry: str | None = None,
) -> CredentialWalk:
    """Walk `target`'s credential resolution order for a provider (id or alias).

    `entry` (Plano) names the `model_providers` entry serving the model: the resolved catalog's
    provider id, which `provider/model` cannot always rebuild (a `name`d entry, an unknown prefix
    with `provider_interface`).
    """
    from modelconf.catalog._profiles import load_profile

    inputs = inputs if inputs is not None else Inputs()
    profile = profile if profile is not None else load_profile(target)
    provider, known = resolve_provider(profile, provider_id)
    if profile.target == "plano":
        draft = _plano.walk(profile, provider, known, inputs, model_id, entry)
    else:
        draft = _WALKERS[profile.target](profile, provider, known, inputs)
    steps, chosen, fallback, reason = decide(draft.steps)
    if chosen is None and provider.auth == "none":
        extra = Step("not-needed", "default", "no credential", PRESENT, f"{provider.name} needs no credential", {})
        steps, chosen, fallback, reason = decide([*_unblock(draft.steps), extra])
    if not known:
        draft.notes.insert(0, f"{provider.id} is not a provider {profile.name} knows; it is walked as a custom provider.")
    setup_env = effective_env(inputs.env, _openclaw.config_document(inputs), inputs.dotenv) if profile.target == "openclaw" else None
    setup = setup_items(provider, inputs.with_env(setup_env) if setup_env is not None else inputs)
    diagnostics = list(getattr(inputs.auth, "diagnostics", ()) or ()) + draft.diagnostics
    draft.notes.extend(_cloud_note(profile, provider, steps, chosen, setup))
    if _openclaw.offered_keys(draft.rotation):
        rotation = profile.key_rotation or {}
        used = "; ".join(rotation.get("used_by", ()))
        draft.notes.append(f"The rotation keys are used only for {used}; chat runs rotate auth profiles, not these keys.")
    return CredentialWalk(
        target=profile.target,
        provider=provider.id,
        steps=steps,
        chosen=chosen,
        fallback=fallback,
        reason=reason if chosen is None else None,
        known_provider=known,
        rotation=tuple(draft.rotation),
        setup=setup,
        diagnostics=tuple(diagnostics),
        notes=tuple(draft.notes),
    )


def _cloud_note(profile: TargetProfile, provider: TargetProvider, steps: Sequence[Step], chosen: int | None, setup: Sequence[Any]) -> list[str]:
    """A cloud chain marked available without one complete credential set fails at request time."""
    if chosen is None or steps[chosen].source != "cloud":
        return []
    credentials = [item for item in setup if item.group == "credential" and item.result != "ignored"]
    if not credentials or any(item.result == PRESENT for item in credentials):
        return []
    partial = [f"{item.item} lacks {', '.join(item.missing_names)}" for item in credentials if item.set_names]
    detail = "; ".join(partial) if partial else "none is set"
    return [f"{profile.name} treats {provider.id} as available, but no credential set is complete ({detail}): requests will fail."]


def _unblock(steps: Sequence[Step]) -> list[Step]:
    return [replace(s, blocking=False) for s in steps]


# -- for the compiler -------------------------------------------------------------------------


def credential_refs(
    target: str,
    provider_id: str,
    model_id: str | None = None,
    *,
    configs: Sequence[Any] = (),
    auth_path: str | None = None,
    app_prefix: str | None = None,
) -> list[dict[str, Any]]:
    """The places `target` looks for the provider's credential, in its order, as the resolved
    catalog's `credential_ref` objects (schemas/resolved-catalog.schema.json). No values.

    The walk runs over an empty environment and an empty auth file at `auth_path` (default: the
    profile's path), so every auth-file entry shows up with its key path.
    """
    from modelconf.catalog._profiles import load_profile
    from modelconf.credentials._files import AuthFile
    from modelconf.document import read_bytes

    profile = load_profile(target)
    auth = None
    if profile.auth_file is not None:
        path = auth_path or str(profile.auth_file["path"])
        empty = read_bytes(b"{}", path, syntax="json").document
        auth = AuthFile(path, target, exists=True, document=empty)
    inputs = Inputs(auth=auth, configs=configs, exists=lambda _: False, app_prefix=app_prefix)
    result = walk(target, provider_id, model_id, inputs=inputs, profile=profile)
    refs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for step in (*result.steps, *result.rotation):
        if not step.ref or step.step == "passthrough":  # passthrough is `auth.passthrough`, not a reference
            continue
        if step.ref["source"] in ("config", "auth-file") and not ({"pointer", "key_path"} & set(step.ref)) and step.step != "auth-profiles":
            continue  # nothing to point at (no config given, no profile selected)
        key = repr(sorted(step.ref.items()))
        if key not in seen:
            seen.add(key)
            refs.append(dict(step.ref))
    return refs


# -- for the runtime --------------------------------------------------------------------------


def candidate_keys(
    target: str, provider_id: str, model_id: str | None = None, *, inputs: Inputs | None = None, entry: str | None = None
) -> list[Secret]:
    """The keys to try for a provider, in order, without duplicates (values: in-process only)."""
    return walk_keys(walk(target, provider_id, model_id, inputs=inputs, entry=entry))


def walk_keys(result: CredentialWalk) -> list[Secret]:
    """A walk's keys in the order the runtime tries them on rate limits.

    The chosen key comes first (a command has a value only when it ran, with `allow_exec`). For
    OpenClaw/Mayros the rotation candidates follow (`collectProviderApiKeysForExecution`: the
    resolved auth key first, then the live key alone, or the list, primary, prefixed and
    fallback variables); other targets use their one chosen key.
    """
    keys: list[Secret] = []
    step = result.chosen_step
    if step is not None and step.secret is not None:
        keys.append(step.secret)
    if result.target == "openclaw":
        keys.extend(_openclaw.offered_keys(result.rotation))
    return list(dict.fromkeys(keys))


def resolve_ref(ref: Mapping[str, Any], inputs: Inputs) -> list[Secret]:
    """The values one resolved-catalog credential reference points at (none when unset)."""
    source = ref.get("source")
    name = ref.get("name")
    env = inputs.env
    if source == "cli":
        return [Secret(inputs.cli_key)] if inputs.cli_key else []
    if source == "env" and isinstance(name, str):
        value = env_value(env, name)
        return [Secret(value)] if value else []
    if source == "env-list" and isinstance(name, str):
        return [Secret(k) for k in env_list(env, name)]
    if source == "env-prefix" and isinstance(ref.get("prefix"), str) and ref["prefix"]:
        return [Secret(v) for _, v in env_prefixed(env, ref["prefix"])]
    if source == "dotenv" and inputs.dotenv is not None and isinstance(name, str):
        value = inputs.dotenv.values.get(name)
        return [Secret(value)] if value else []
    if source in ("auth-file", "oauth") and inputs.auth is not None and isinstance(ref.get("key_path"), list):
        value = inputs.auth.get(tuple(ref["key_path"]))
        if isinstance(value, dict):  # an OAuth token object
            value = value.get("access_token") or value.get("access")
        return _read_form(value, ref.get("form"), inputs)
    if source == "config" and isinstance(ref.get("pointer"), str):
        for config in inputs.configs:
            document = config.document
            if ref.get("file") in (None, document.name):
                value = document.get(path_of(document, ref["pointer"]))
                if value is not None:
                    return _read_form(value, ref.get("form"), inputs)
    return []


def _read_form(value: Any, form: Any, inputs: Inputs) -> list[Secret]:
    if not isinstance(value, str) or not value:
        return []
    if form == "env-template":
        substituted, missing = openclaw_substitute(value, inputs.env)
        if missing and value.startswith("$") and "{" not in value:
            substituted = env_value(inputs.env, value[1:])
        return [Secret(substituted)] if substituted else []
    parsed = pi_value(value)
    if form in ("env-name", "command") or (form is None and parsed.form in ("command", "env-name")):
        if parsed.form == "command":
            if not inputs.allow_exec:
                return []
            outcome = inputs.run(Command(shell=parsed.command or ""))
            text = outcome.output.reveal().strip() if outcome.ok and outcome.output is not None else ""
            return [Secret(text)] if text else []
        return [Secret(env_value(inputs.env, value) or value)]
    return [Secret(value)]


class EngineCredentials:
    """The runtime's `Credentials` interface over the engine (`api_keys`, `resolve`).

    `api_keys(provider)` walks the target's order for the provider once (a command runs at most
    once, as pi caches its result for the process) and returns `walk_keys`; `resolve(ref)` reads
    one resolved-catalog credential reference. Values stay in-process.
    """

    def __init__(self, target: str, inputs: Inputs | None = None) -> None:
        self.target = target
        self.inputs = inputs if inputs is not None else Inputs()
        self._walks: dict[tuple[str, str | None, str | None], CredentialWalk] = {}

    @classmethod
    def for_target(
        cls,
        target: str,
        env: Mapping[str, str],
        *,
        cli_key: str | None = None,
        auth_file: str | None = None,
        home: str | None = None,
        allow_exec: bool = False,
        configs: Sequence[Any] = (),
    ) -> EngineCredentials:
        """Credentials as the target would find them: its default auth file unless one is given."""
        from modelconf.credentials._sources import gather

        sources = gather(target, configs=configs, auth_file=auth_file, env=env, cli_key=cli_key, allow_exec=allow_exec, home=home)
        return cls(target, sources.inputs)

    def walk_for(self, provider: Any, model_id: str | None = None) -> CredentialWalk:
        """The walk for a resolved-catalog provider (a `ProviderSpec`, an `RProvider`, anything
        with `id` and `interface`). Plano's provider id is its `model_providers` entry: the walk
        finds that entry and uses the provider `interface` (what Plano's own checks know the
        provider by). `model_id` matters only to Plano, for a model its entries do not name."""
        interface = getattr(provider, "interface", None)
        key = (provider.id, interface, model_id)
        if key not in self._walks:
            if self.target == "plano":
                provider_id = interface or provider.id.split("/", 1)[0]
                self._walks[key] = walk(self.target, provider_id, model_id, inputs=self.inputs, entry=provider.id)
            else:
                self._walks[key] = walk(self.target, provider.id, model_id, inputs=self.inputs)
        return self._walks[key]

    def api_keys(self, provider: Any) -> Sequence[str]:
        return [key.reveal() for key in walk_keys(self.walk_for(provider))]

    def resolve(self, ref: Mapping[str, Any]) -> str | None:
        values = resolve_ref(ref, self.inputs)
        return values[0].reveal() if values else None
