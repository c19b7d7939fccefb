"""Auth files: where each target keeps them, reading them with positions, their permissions.

The location comes from the profile's `auth_file.home` (reference/pi.md `getAgentDir`,
reference/zot.md `ZotHome()`, reference/openclaw.md agent dir). Reading goes through
`modelconf.document`, so a malformed file is a diagnostic with a position; the walk then reports
the auth-file steps as `invalid` and carries on with the other sources.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from modelconf.credentials._types import Location, expand_home
from modelconf.diagnostics import Diagnostic, Span
from modelconf.document import Document, PathT, pointer, read_path
from modelconf.secrets import mask_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile

# What each target's parser makes of a JSON5 feature in its auth file.
_PROGRAM = {"pi": "pi", "zot": "zot", "openclaw": "OpenClaw/Mayros"}
# The auth-file dialect (and schema) of each target.
AUTH_DIALECTS = {"pi": "pi-auth", "zot": "zot-auth", "openclaw": "openclaw-auth"}
# Fields of auth-file entries that hold secrets (masked in code frames and messages).
SECRET_FIELDS = frozenset({"key", "api_key", "access", "refresh", "token", "access_token", "refresh_token", "id_token"})

_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?|%([A-Za-z_][A-Za-z0-9_]*)%")


@dataclass
class AuthFile:
    """A target's auth file as read: the document (None when missing or unparsable), the
    diagnostics found reading it, and its permission bits."""

    path: str
    target: str
    exists: bool
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    mode: int | None = None
    # Why the target cannot use the file at all (syntax its parser rejects), or None.
    unusable: str | None = None

    @property
    def label(self) -> str:
        """How steps name the file (its base name; the full path is in each step's ref)."""
        return os.path.basename(self.path) or self.path

    def get(self, path: PathT, default: Any = None) -> Any:
        if self.document is None:
            return default
        return self.document.get(path, default)

    def location(self, path: PathT) -> Location:
        if self.document is None:
            return Location(self.path, None, pointer(path))
        return Location(self.path, self.document.span(path), pointer(path))

    @property
    def problem(self) -> str | None:
        """Why no entry of this file can be used (None when it can)."""
        if not self.exists:
            return None
        if self.document is None:
            return "the file could not be read: " + "; ".join(d.message for d in self.diagnostics[:1])
        return self.unusable


def default_auth_path(
    profile: TargetProfile,
    env: Mapping[str, str],
    home: str | None,
    platform: str,
    app_prefix: str | None = None,
) -> str | None:
    """The auth file the target reads by default, or None when it has none."""
    spec = profile.auth_file
    if not spec or "home" not in spec:
        return None
    app = ""
    if "app_prefix" in profile.settings:
        app = (app_prefix or profile.setting("app_prefix")).upper()

    def fill(text: str) -> str:
        return text.replace("{APP}", app).replace("{app}", app.lower())

    name = spec.get("name") or os.path.basename(spec["path"])
    for variable in spec["home"]["variables"]:
        value = env.get(fill(variable))
        if value:
            directory = expand_home(value, home)
            if directory is not None:
                return _join(directory, name)
    for fallback in spec["home"]["fallbacks"]:
        wanted = fallback.get("platform")
        if wanted is not None and not _platform_is(platform, wanted):
            continue
        directory = _expand_vars(fill(fallback["path"]), env)
        if directory is None:
            continue
        directory = expand_home(directory, home)
        if directory is None:
            continue
        return _join(directory, name)
    return None


def _platform_is(platform: str, wanted: str) -> bool:
    if wanted == "windows":
        return platform.startswith("win")
    return platform == wanted


def _expand_vars(text: str, env: Mapping[str, str]) -> str | None:
    """Replace $NAME / ${NAME} / %NAME%; None when one of them is unset (the fallback is skipped)."""
    missing = False

    def replace(match: re.Match[str]) -> str:
        nonlocal missing
        value = env.get(match.group(1) or match.group(2))
        if not value:
            missing = True
            return ""
        return value

    out = _VAR.sub(replace, text)
    return None if missing else out


def _join(directory: str, name: str) -> str:
    separator = "\\" if "\\" in directory and "/" not in directory else "/"
    return directory.rstrip("/\\") + separator + name


# -- permissions ------------------------------------------------------------------------------


def file_mode(path: str) -> int | None:
    """The permission bits of a file (None when it cannot be stat'ed)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def permission_problem(mode: int | None, platform: str) -> str | None:
    """What is wrong with an auth file's permissions: group or others may access it."""
    if mode is None or platform.startswith("win"):
        return None
    if mode & 0o077 == 0:
        return None
    who = []
    if mode & 0o070:
        who.append("its group")
    if mode & 0o007:
        who.append("every user")
    return f"mode {mode:04o} lets {' and '.join(who)} access it"


def permission_diagnostics(path: str, mode: int | None, platform: str, span: Span | None = None) -> list[Diagnostic]:
    """K005 for an auth file its group or other users can access (lint and the walk's inputs)."""
    problem = permission_problem(mode, platform)
    if problem is None:
        return []
    from modelconf.rules import credentials as rules

    return [rules.AUTH_FILE_PERMISSIONS(f"this auth file holds keys and its {problem}", file=path, span=span, hint=f"chmod 600 {path}")]


# -- reading ----------------------------------------------------------------------------------


def read_auth_file(path: str, target: str, *, name: str | None = None) -> AuthFile:
    """Read a target's auth file. A missing file is not an error (the target has no stored keys)."""
    display = name or path
    if not os.path.exists(path):
        return AuthFile(display, target, exists=False)
    read = read_path(path, syntax="json", name=display)
    # Parse messages quote the token they stopped at; in an auth file that can be a key.
    diagnostics = [_masked(d) for d in read.diagnostics]
    auth = AuthFile(display, target, exists=True, document=read.document, diagnostics=diagnostics, mode=file_mode(path))
    if read.document is not None:
        collect_auth_secrets(read.document)
        auth.diagnostics.extend(auth_shape_diagnostics(read.document, target))
        if read.document.extensions:
            words = ", ".join(sorted(read.document.extensions))
            auth.unusable = f"{_PROGRAM.get(target, target)} parses this file as strict JSON and rejects it ({words})"
    return auth


def _masked(diagnostic: Diagnostic) -> Diagnostic:
    from dataclasses import replace

    return replace(diagnostic, message=mask_line(diagnostic.message))


def collect_auth_secrets(document: Document) -> None:
    """Every string under a secret field (and every long token) is masked in code frames."""
    from modelconf.document import iter_scalars
    from modelconf.secrets import looks_like_secret

    for path, value in iter_scalars(document.value):
        if not isinstance(value, str) or not value:
            continue
        last = path[-1] if path else None
        if last in SECRET_FIELDS or looks_like_secret(value):
            document.secret_values.add(value)


def auth_shape_diagnostics(document: Document, target: str) -> list[Diagnostic]:
    """Schema problems of an auth file, at their positions (values shown as fingerprints)."""
    dialect = AUTH_DIALECTS.get(target)
    if dialect is None:
        return []
    from modelconf.schema import validate

    found = validate(document, dialect, program=_PROGRAM.get(target, target))
    return [_redact(d, document.secret_values) for d in found]


def _redact(diagnostic: Diagnostic, secrets: set[str]) -> Diagnostic:
    from dataclasses import replace

    from modelconf.secrets import fingerprint

    message = diagnostic.message
    hint = diagnostic.hint
    for secret in secrets:
        if len(secret) < 8:
            continue  # short values are not keys; replacing them would garble the message
        if secret in message:
            message = message.replace(secret, fingerprint(secret))
        if hint and secret in hint:
            hint = hint.replace(secret, fingerprint(secret))
    return replace(diagnostic, message=message, hint=hint)
