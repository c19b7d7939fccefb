"""`explain`: a model as a target sees it, its endpoint, and the credential walk.

    from modelconf.explain import explain
    result = explain("openai/gpt-4.1", target="zot", env=os.environ, home=os.path.expanduser("~"))
    print(render_text(result)); json.dumps(to_json(result))

This module reads the files (configs, the auth file, `.env` files) and hands the parsed inputs to
the credentials engine; rendering is in `_render`. Nothing runs without `allow_exec`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from modelconf.credentials import (
    AuthFile,
    ConfigFile,
    CommandRunner,
    CredentialWalk,
    DotEnv,
    Inputs,
    default_auth_path,
    dialect_for_target,
    permission_problem,
    read_auth_file,
    read_dotenv,
    resolve_provider,
    walk,
)
from modelconf.diagnostics import Diagnostic
from modelconf.explain._model import ModelView, model_view, resolve_alias, split_model_ref
from modelconf.explain._render import render_text, to_json

__all__ = ["ExplainError", "Explanation", "explain", "render_text", "to_json"]


class ExplainError(Exception):
    """A usage problem (unknown target, malformed MODEL): exit code 2, no traceback."""


@dataclass
class Explanation:
    target: str
    request: str
    model: ModelView
    walk: CredentialWalk
    alias: str | None = None
    auth_path: str | None = None
    auth_exists: bool = False
    auth_mode: int | None = None
    auth_default: bool = True
    dotenv: DotEnv | None = None
    env_source: str = "the environment"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fatal: bool = False
    allow_exec: bool = False

    @property
    def exit_code(self) -> int:
        """0 a credential was chosen; 1 none; 2 an input could not be read."""
        if self.fatal:
            return 2
        return 0 if self.walk.chosen is not None else 1


def explain(
    model: str,
    *,
    target: str | None = None,
    configs: Sequence[str] = (),
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
) -> Explanation:
    from modelconf.catalog._profiles import TARGETS, load_profile
    from modelconf.document import read_path
    from modelconf.rules import is_fatal

    diagnostics: list[Diagnostic] = []
    fatal = False
    environment: Mapping[str, str] = dict(env) if env is not None else {}
    env_source = "the environment"
    if env_file is not None:
        loaded = read_dotenv(env_file)
        if loaded is None:
            raise ExplainError(f"cannot read the env file {env_file}")
        environment = dict(loaded.values)
        env_source = env_file
        diagnostics.extend(_dotenv_problems(loaded))
    documents = []
    for path in configs:
        read = read_path(path)
        diagnostics.extend(read.diagnostics)
        fatal = fatal or any(is_fatal(d.code) for d in read.diagnostics)
        if read.document is not None:
            documents.append(read.document)
    if target is None:
        target = _guess_target(documents)
        if target is None:
            raise ExplainError("cannot tell which program reads these files; pass --target (pi, zot, openclaw, plano)")
    if target not in TARGETS:
        raise ExplainError(f"unknown target {target!r}; choose from {', '.join(TARGETS)}")
    profile = load_profile(target)
    config_files = [ConfigFile(d, dialect_for_target(target, d)) for d in documents]

    alias = resolve_alias(target, model, config_files)
    ref = alias[0] if alias is not None else model
    provider_text, model_id = split_model_ref(ref)
    if not provider_text:
        raise ExplainError(f"MODEL must be provider/model, not {model!r}")
    if target == "openclaw":
        provider_text = provider_text.strip().lower()  # parseModelRef lower-cases the provider only
    provider, known = resolve_provider(profile, provider_text)
    if model_id is None and alias is None and "/" not in model and not known:
        raise ExplainError(f"MODEL must be provider/model (or an alias the config defines), not {model!r}")

    auth = None
    auth_path = auth_file
    auth_default = auth_file is None
    if profile.auth_file is not None:
        if auth_path is None:
            auth_path = default_auth_path(profile, environment, home, platform, app_prefix)
        if auth_path is not None:
            auth = read_auth_file(auth_path, target, platform=platform)
            if not auth.exists and not auth_default:
                from modelconf.rules import parse as parse_rules

                diagnostics.append(parse_rules.UNREADABLE("no such file", file=auth_path))
                fatal = True
            fatal = fatal or any(is_fatal(d.code) for d in auth.diagnostics)
            diagnostics.extend(auth.diagnostics)
            diagnostics.extend(permission_diagnostics(auth, platform))
    dotenv = _dotenv_for(target, profile, configs, environment, home, app_prefix)
    if dotenv is not None:
        diagnostics.extend(_dotenv_problems(dotenv))

    inputs = Inputs(
        env=environment, cli_key=cli_key, auth=auth, configs=config_files, dotenv=dotenv, home=home,
        platform=platform, allow_exec=allow_exec, runner=runner, exists=exists, now_ms=now_ms,
        app_prefix=app_prefix, profile_id=profile_id,
    )
    result = walk(target, provider_text, model_id, inputs=inputs, profile=profile)
    view = model_view(profile, provider, known, model_id, config_files, environment)
    return Explanation(
        target=target,
        request=model,
        model=view,
        walk=result,
        alias=alias[0] if alias is not None else None,
        auth_path=auth.path if auth is not None else None,
        auth_exists=bool(auth is not None and auth.exists),
        auth_mode=auth.mode if auth is not None else None,
        auth_default=auth_default,
        dotenv=dotenv,
        env_source=env_source,
        diagnostics=diagnostics,
        fatal=fatal,
        allow_exec=allow_exec,
    )


def permission_diagnostics(auth: AuthFile, platform: str) -> list[Diagnostic]:
    """K: an auth file group or others can access."""
    problem = permission_problem(auth.mode, platform) if auth.exists else None
    if problem is None:
        return []
    from modelconf.rules import credentials as rules

    return [rules.AUTH_FILE_PERMISSIONS(f"this auth file holds keys and its {problem}", file=auth.path, hint=f"chmod 600 {auth.path}")]


def _guess_target(documents: Sequence[Any]) -> str | None:
    from modelconf import dialects

    for document in documents:
        try:
            detection = dialects.detect(document)
        except ValueError:
            detection = None
        if detection is not None and detection.dialect is not None:
            return str(detection.dialect.target)
        value = document.value if isinstance(document.value, dict) else {}
        if "model_providers" in value or "llm_providers" in value:
            return "plano"
        if isinstance(value.get("models"), dict) and "providers" in value["models"]:
            return "openclaw"
    return None


def _dotenv_for(
    target: str, profile: Any, configs: Sequence[str], env: Mapping[str, str], home: str | None, app_prefix: str | None
) -> DotEnv | None:
    """Plano: the .env beside the config (read instead of the environment). OpenClaw/Mayros:
    `<stateDir>/.env` (fills unset variables)."""
    name = (profile.config_file.get("dotenv") or {}).get("name", ".env")
    if target == "plano":
        for path in configs:
            candidate = os.path.join(os.path.dirname(os.path.abspath(path)), name)
            if os.path.isfile(candidate):
                return read_dotenv(candidate)
        return None
    if target == "openclaw":
        spec = profile.config_file.get("home") or {}
        app = (app_prefix or profile.setting("app_prefix")).upper()
        state = env.get(str(spec.get("variable", "")).replace("MAYROS", app))
        if not state:
            fallbacks = [f.replace(".mayros", "." + app.lower()) for f in spec.get("fallbacks", ())]
            state = next((f for f in fallbacks), None)
        if state and (state == "~" or state.startswith("~/")):
            state = (home.rstrip("/") + state[1:]) if home else None
        if state:
            candidate = os.path.join(state, ".env")
            if os.path.isfile(candidate):
                return read_dotenv(candidate)
    return None


def _dotenv_problems(dotenv: DotEnv) -> list[Diagnostic]:
    from modelconf.diagnostics import Span
    from modelconf.rules import credentials as rules

    return [
        rules.DOTENV_LINE(f"{problem}; this line is ignored", file=dotenv.path, span=Span.at(line, 1))
        for line, problem in dotenv.problems
    ]
