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

from modelconf.credentials import ConfigFile, CommandRunner, CredentialWalk, DotEnv, dialect_for_target, resolve_provider, walk
from modelconf.credentials._sources import SourceError, gather
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

    try:
        sources = gather(
            target, configs=config_files, auth_file=auth_file, env=env, env_file=env_file, cli_key=cli_key, allow_exec=allow_exec,
            runner=runner, home=home, platform=platform, now_ms=now_ms, app_prefix=app_prefix, profile_id=profile_id, exists=exists,
        )  # fmt: skip
    except SourceError as error:
        raise ExplainError(str(error)) from None
    diagnostics = sources.diagnostics + diagnostics
    fatal = fatal or sources.fatal
    inputs = sources.inputs
    environment = inputs.env
    auth = sources.auth
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
        auth_default=sources.auth_default,
        dotenv=sources.dotenv,
        env_source=sources.env_source,
        diagnostics=diagnostics,
        fatal=fatal,
        allow_exec=allow_exec,
    )


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
