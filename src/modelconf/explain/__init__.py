"""`explain`: a model as a target sees it, its endpoint, and the credential walk.

    from modelconf.explain import explain
    result = explain("openai/gpt-4.1", target="zot", env=os.environ, home=os.path.expanduser("~"))
    print(render_text(result)); json.dumps(to_json(result))

The model comes from the compiler (`modelconf.compiler.compile_files`: the configs given, or
without any the target's built-in view), the walk from the credentials engine over the inputs
`modelconf.credentials._sources.gather` reads (the same as `modelconf chat`). Rendering is in
`_render`. Nothing runs without `allow_exec`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from modelconf.credentials import CommandRunner, CredentialWalk, EngineCredentials
from modelconf.credentials._sources import SourceError, Sources, gather
from modelconf.diagnostics import Diagnostic
from modelconf.explain._model import ModelView, NotAModel, find, model_view
from modelconf.explain._render import render_text, to_json

if TYPE_CHECKING:
    from modelconf.compiler import CompileResult

__all__ = ["ExplainError", "Explanation", "explain", "render_text", "to_json"]

_NO_TARGET = "cannot tell which program reads these files; pass --target (pi, zot, openclaw, plano)"


class ExplainError(Exception):
    """A usage problem (unknown target, malformed MODEL): exit code 2, no traceback."""


@dataclass
class Explanation:
    target: str
    request: str
    model: ModelView
    walk: CredentialWalk
    sources: Sources
    alias: str | None = None
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

    if target is not None and target not in TARGETS:
        raise ExplainError(f"unknown target {target!r}; choose from {', '.join(TARGETS)}")
    if target is None and not configs:
        raise ExplainError(_NO_TARGET)
    compiled, diagnostics, fatal = _compile(configs, target)
    assert compiled.target is not None and compiled.resolution is not None
    target = compiled.target
    profile = load_profile(target)
    resolution = compiled.resolution
    try:
        found = find(resolution, profile, model)
    except NotAModel as error:
        raise ExplainError(str(error)) from None
    try:
        sources = gather(
            target, configs=compiled.configs, auth_file=auth_file, env=env, env_file=env_file, cli_key=cli_key, allow_exec=allow_exec,
            runner=runner, home=home, platform=platform, now_ms=now_ms, app_prefix=app_prefix, profile_id=profile_id, exists=exists,
        )  # fmt: skip
    except SourceError as error:
        raise ExplainError(str(error)) from None
    # The walk the runtime uses for this provider (for Plano: its model_providers entry).
    provider = resolution.providers.get(found.provider) or SimpleNamespace(id=found.provider, interface=None)
    walk = EngineCredentials(target, sources.inputs).walk_for(provider, found.model)
    return Explanation(
        target=target,
        request=model,
        model=model_view(resolution, profile, found),
        walk=walk,
        sources=sources,
        alias=found.alias_of,
        diagnostics=sources.diagnostics + diagnostics,
        fatal=fatal or sources.fatal,
        allow_exec=allow_exec,
    )


def _compile(paths: Sequence[str], target: str | None) -> tuple[CompileResult, list[Diagnostic], bool]:
    """Compile the configs as written (`force`: explain shows what the files say even with
    errors, which it lists); an unreadable file is reported (fatal) and the others explained."""
    from modelconf.compiler import CompileError, compile_files
    from modelconf.rules import is_fatal

    try:
        result = compile_files(paths, target=target, force=True, render=False)
        if not result.fatal:
            return result, result.diagnostics, False
        unreadable = {f.name for f in result.files if any(is_fatal(d.code) for d in f.diagnostics)}
        readable = [p for p, f in zip(paths, result.files, strict=True) if f.name not in unreadable]
        if target is None and not readable:
            raise ExplainError(_NO_TARGET)
        rest = compile_files(readable, target=target, force=True, render=False)
    except CompileError as error:
        raise ExplainError(str(error)) from None
    reported = [d for f in result.files if f.name in unreadable for d in f.diagnostics]
    return rest, reported + rest.diagnostics, True
