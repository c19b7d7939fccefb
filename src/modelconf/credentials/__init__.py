"""The credentials engine: which key each target picks for a provider, and why.

    from modelconf.credentials import Inputs, walk, read_auth_file

    auth = read_auth_file("/home/me/.local/state/zot/auth.json", "zot")
    result = walk("zot", "openai", inputs=Inputs(env=os.environ, auth=auth))
    result.chosen_step          # Step(step='provider-env', source='env', checked='OPENAI_API_KEY', ...)
    result.steps                # every place zot looks, in zot's order, with what was found

Values live only in `Secret` objects (repr, str and JSON show fingerprints). Nothing reads
`os.environ` here: the environment, the CLI key, the auth file and the configs are inputs, and
commands run only with `Inputs(allow_exec=True)` through an injectable runner.

One module per target walker (`_pi`, `_zot`, `_openclaw`, `_plano`) over shared step builders
(`_common`); `_engine` decides and serves the runtime (`candidate_keys`, `EngineCredentials`).
"""

from __future__ import annotations

# Loaded lazily (PEP 562): `modelconf lint` imports only the helpers its K checks use.
_LAZY = {
    **dict.fromkeys(("ConfigCredential", "ConfigFile", "config_credentials"), "modelconf.credentials._config"),
    **dict.fromkeys(
        ("EngineCredentials", "candidate_keys", "credential_refs", "resolve_provider", "resolve_ref", "walk"), "modelconf.credentials._engine"
    ),
    **dict.fromkeys(
        ("AuthFile", "default_auth_path", "file_mode", "permission_problem", "read_auth_file"),
        "modelconf.credentials._files",
    ),
    **dict.fromkeys(("DotEnv", "parse_dotenv", "read_dotenv"), "modelconf.credentials._forms"),
    **dict.fromkeys(("rotation_keys", "rotation_steps"), "modelconf.credentials._openclaw"),
    **dict.fromkeys(
        (
            "EMPTY", "FAILED", "INVALID", "MISSING", "NOT_REACHED", "PRESENT", "RAN", "RESULTS", "SET", "UNSET", "WOULD_RUN",
            "Command", "CommandOutcome", "CommandRunner", "CredentialWalk", "Inputs", "Location", "Secret", "SetupItem",
            "Step", "run_command",
        ),
        "modelconf.credentials._types",
    ),
    "credential_diagnostics": "modelconf.credentials._lint",
}

__all__ = [
    "AuthFile",
    "Command",
    "CommandOutcome",
    "CommandRunner",
    "ConfigCredential",
    "ConfigFile",
    "CredentialWalk",
    "DotEnv",
    "EMPTY",
    "EngineCredentials",
    "FAILED",
    "INVALID",
    "Inputs",
    "Location",
    "MISSING",
    "NOT_REACHED",
    "PRESENT",
    "RAN",
    "RESULTS",
    "SET",
    "Secret",
    "SetupItem",
    "Step",
    "UNSET",
    "WOULD_RUN",
    "candidate_keys",
    "config_credentials",
    "credential_diagnostics",
    "credential_refs",
    "default_auth_path",
    "file_mode",
    "parse_dotenv",
    "permission_problem",
    "read_auth_file",
    "read_dotenv",
    "resolve_provider",
    "resolve_ref",
    "rotation_keys",
    "rotation_steps",
    "run_command",
    "walk",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.credentials._config import ConfigCredential, ConfigFile, config_credentials
    from modelconf.credentials._engine import (
        EngineCredentials,
        candidate_keys,
        credential_refs,
        resolve_provider,
        resolve_ref,
        walk,
    )
    from modelconf.credentials._files import (
        AuthFile,
        default_auth_path,
        file_mode,
        permission_problem,
        read_auth_file,
    )
    from modelconf.credentials._forms import DotEnv, parse_dotenv, read_dotenv
    from modelconf.credentials._lint import credential_diagnostics
    from modelconf.credentials._openclaw import rotation_keys, rotation_steps
    from modelconf.credentials._types import (
        EMPTY,
        FAILED,
        INVALID,
        MISSING,
        NOT_REACHED,
        PRESENT,
        RAN,
        RESULTS,
        SET,
        UNSET,
        WOULD_RUN,
        Command,
        CommandOutcome,
        CommandRunner,
        CredentialWalk,
        Inputs,
        Location,
        Secret,
        SetupItem,
        Step,
        run_command,
    )


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'modelconf.credentials' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
