"""Gather what a walk reads from files: the environment (or an env file), the target's auth file,
the `.env` files the target loads, and the config documents. `explain` and `chat` share it, so
both look in the same places.

Nothing here decides anything: the result is the engine's `Inputs`, plus where each input came
from (for the explanation and for "where the target looked" messages) and the diagnostics found
reading them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from modelconf.credentials._config import ConfigFile
from modelconf.credentials._files import AuthFile, default_auth_path, permission_diagnostics, read_auth_file
from modelconf.credentials._forms import DotEnv, dotenv_beside, read_dotenv
from modelconf.credentials._types import CommandRunner, Inputs, expand_home
from modelconf.diagnostics import Diagnostic

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile


class SourceError(ValueError):
    """An input named on the command line cannot be used (an env file that cannot be read)."""


@dataclass(repr=False)
class Sources:
    """The walk's inputs and where they came from."""

    inputs: Inputs
    env_source: str = "the environment"
    auth: AuthFile | None = None
    auth_default: bool = True
    dotenv: DotEnv | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fatal: bool = False  # an input named explicitly could not be read

    def __repr__(self) -> str:
        # The inputs hold values (the environment, the CLI key): never in a repr.
        return f"Sources(env_source={self.env_source!r}, auth_file={self.auth_path!r}, dotenv={self.dotenv!r}, fatal={self.fatal!r})"

    @property
    def auth_path(self) -> str | None:
        return self.auth.path if self.auth is not None else None

    def where(self) -> str:
        """Where the walk looked, in words: `the environment; auth file … (mode 0600); .env …`."""
        parts = [self.env_source]
        auth = self.auth
        if auth is not None:
            state = f"mode {auth.mode:04o}" if auth.exists and auth.mode is not None else ("present" if auth.exists else "not found")
            parts.append(f"auth file {auth.path} ({state})")
        if self.dotenv is not None:
            parts.append(f".env {self.dotenv.path}")
        return "; ".join(parts)


def home_directory() -> str | None:
    """The user's home directory (None when it cannot be told)."""
    home = os.path.expanduser("~")
    return home if home != "~" else None


def gather(
    target: str,
    *,
    configs: Sequence[ConfigFile] = (),
    auth_file: str | None = None,
    env: Mapping[str, str] | None = None,
    env_file: str | None = None,
    cli_key: str | None = None,
    allow_exec: bool = False,
    runner: CommandRunner | None = None,
    home: str | None = None,
    platform: str = sys.platform,
    now_ms: int | None = None,
    app_prefix: str | None = None,
    profile_id: str | None = None,
    exists: Callable[[str], bool] = os.path.isfile,
) -> Sources:
    """Read the inputs of `target`'s walk. `env_file` replaces `env` (as `--env-file` does);
    `auth_file` replaces the target's default auth file. Raises SourceError for an env file that
    cannot be read and ValueError for an unknown app prefix."""
    from modelconf.catalog._profiles import load_profile
    from modelconf.rules import is_fatal

    profile = load_profile(target)
    sources = Sources(Inputs())
    environment: Mapping[str, str] = dict(env) if env is not None else {}
    if env_file is not None:
        loaded = read_dotenv(env_file)
        if loaded is None:
            raise SourceError(f"cannot read the env file {env_file}")
        environment = dict(loaded.values)
        sources.env_source = env_file
        sources.diagnostics.extend(dotenv_problems(loaded))
    sources.auth_default = auth_file is None
    if profile.auth_file is not None:
        path = auth_file if auth_file is not None else default_auth_path(profile, environment, home, platform, app_prefix)
        if path is not None:
            auth = read_auth_file(path, target)
            if not auth.exists and not sources.auth_default:
                from modelconf.rules import parse as parse_rules

                sources.diagnostics.append(parse_rules.UNREADABLE("no such file", file=path))
                sources.fatal = True
            sources.fatal = sources.fatal or any(is_fatal(d.code) for d in auth.diagnostics)
            sources.diagnostics.extend(auth.diagnostics)
            sources.diagnostics.extend(permission_diagnostics(auth.path, auth.mode, platform))
            sources.auth = auth
    config_paths = [config.document.name for config in configs]
    sources.dotenv = _dotenv_for(target, profile, config_paths, environment, home, app_prefix)
    if sources.dotenv is not None:
        sources.diagnostics.extend(dotenv_problems(sources.dotenv))
    sources.inputs = Inputs(
        env=environment, cli_key=cli_key, auth=sources.auth, configs=tuple(configs), dotenv=sources.dotenv, home=home,
        platform=platform, allow_exec=allow_exec, runner=runner, exists=exists, now_ms=now_ms,
        app_prefix=app_prefix, profile_id=profile_id,
    )  # fmt: skip
    return sources


def read_configs(sources: Sequence[Mapping[str, Any]]) -> tuple[list[ConfigFile], list[str]]:
    """The config files a resolved catalog was compiled from (its `sources`), read now, so
    config-side credential references point into the file as it is (the catalog never holds a
    key). Returns the configs and notes: a file that cannot be read any more, or that changed
    since it was compiled (its credentials are then read as they are now)."""
    from modelconf.document import read_path
    from modelconf.lower import digest

    configs: list[ConfigFile] = []
    notes: list[str] = []
    for source in sources:
        path, dialect = source.get("file"), source.get("dialect")
        if not isinstance(path, str) or not isinstance(dialect, str):
            continue
        document = read_path(path).document
        if document is None:
            notes.append(f"{path} (compiled into the catalog) cannot be read; its credentials are skipped")
            continue
        if source.get("sha256") not in (None, digest(document)):
            notes.append(f"{path} changed since the catalog was compiled; its credentials are read as they are now")
        configs.append(ConfigFile(document, dialect))
    return configs, notes


def dotenv_problems(dotenv: DotEnv) -> list[Diagnostic]:
    from modelconf.diagnostics import Span
    from modelconf.rules import credentials as rules

    return [
        rules.DOTENV_LINE(f"{problem}; this line is ignored", file=dotenv.path, span=Span.at(line, 1))
        for line, problem in dotenv.problems
    ]


def _dotenv_for(
    target: str, profile: TargetProfile, configs: Sequence[str], env: Mapping[str, str], home: str | None, app_prefix: str | None
) -> DotEnv | None:
    """Plano: the .env beside the config (read instead of the environment). OpenClaw/Mayros:
    `<stateDir>/.env` (fills unset variables)."""
    name = (profile.config_file.get("dotenv") or {}).get("name", ".env")
    if target == "plano":
        for path in configs:
            beside = dotenv_beside(path, name)
            if beside is not None:
                return beside
        return None
    if target == "openclaw":
        spec = profile.config_file.get("home") or {}
        app = (app_prefix or profile.setting("app_prefix")).upper()
        state = env.get(str(spec.get("variable", "")).replace("MAYROS", app))
        if not state:
            fallbacks = spec.get("fallbacks", ())
            state = fallbacks[0].replace(".mayros", "." + app.lower()) if fallbacks else None
        state = expand_home(state, home) if state else None
        if state:
            candidate = os.path.join(state, ".env")
            if os.path.isfile(candidate):
                return read_dotenv(candidate)
    return None
