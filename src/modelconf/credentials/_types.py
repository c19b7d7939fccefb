"""Types of the credentials engine: secrets that never print, steps, walks, inputs.

A walk is the target's credential resolution order for one provider, one `Step` per place the
target looks, each with what was checked, what was found there and why. Values are held only in
`Secret` objects: their repr, str and the walk's JSON show fingerprints, never the value.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from modelconf.diagnostics import Diagnostic, Span
from modelconf.document import pointer
from modelconf.secrets import fingerprint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.document import Document, PathT

# What a step found. Positive results offer a credential; the others do not.
SET = "set"  # a value was found (env var, auth-file field, CLI key, literal)
UNSET = "unset"  # the variable or field is not there
EMPTY = "empty"  # it is there but empty (the targets skip empty values)
NOT_REACHED = "not-reached"  # an earlier step already decided
WOULD_RUN = "would-run"  # a command would run (nothing runs without allow_exec)
RAN = "ran"  # the command ran and printed a key
FAILED = "failed"  # the command ran and failed (or printed nothing)
PRESENT = "present"  # a non-key source is there (OAuth token, cloud chain, passthrough)
MISSING = "missing"  # a non-key source is not there
INVALID = "invalid"  # the source is malformed (wrong type, unreadable auth file)

RESULTS: tuple[str, ...] = (SET, UNSET, EMPTY, NOT_REACHED, WOULD_RUN, RAN, FAILED, PRESENT, MISSING, INVALID)
POSITIVE: frozenset[str] = frozenset({SET, WOULD_RUN, RAN, PRESENT})


class Secret:
    """A credential value. Prints as its fingerprint; `reveal()` is the only way to the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    @property
    def fingerprint(self) -> str:
        return fingerprint(self._value)

    def __repr__(self) -> str:
        return f"Secret({self.fingerprint})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not picklable")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits in a file (1-based)."""

    file: str
    span: Span | None = None
    pointer: str | None = None

    @classmethod
    def of(cls, document: Document, path: PathT) -> Location:
        """Where `path` is in `document` (its nearest ancestor's span when it is missing)."""
        return cls(document.name, document.span(path), pointer(path))

    def __str__(self) -> str:
        if self.span is None:
            return self.file
        return f"{self.file}:{self.span.start.line}:{self.span.start.column}"

    def as_dict(self) -> dict[str, Any]:
        """`{file, line, column, pointer}` (the last three when known), for JSON output."""
        out: dict[str, Any] = {"file": self.file}
        if self.span is not None:
            out["line"] = self.span.start.line
            out["column"] = self.span.start.column
        if self.pointer is not None:
            out["pointer"] = self.pointer
        return out


@dataclass(frozen=True, slots=True)
class Step:
    """One place the target looks for a credential, and what the engine found there.

    `ref` is the resolved catalog's `credential_ref` for this place (never a value). `offers`:
    a positive result here gives the credential. `blocking`: a negative result here ends the
    walk without a credential (Plano's missing-key check, a zot command that fails). `tentative`:
    a positive result may still fall through at run time (pi's `!command` failing gives
    undefined and pi moves on), so the walk also names a fallback.
    """

    step: str
    source: str
    checked: str
    result: str
    detail: str = ""
    ref: Mapping[str, Any] = field(default_factory=dict)
    location: Location | None = None
    command: str | None = None
    offers: bool = True
    blocking: bool = False
    tentative: bool = False
    warning: str | None = None
    secret: Secret | None = field(default=None, repr=False, compare=False)

    @property
    def fingerprint(self) -> str | None:
        return self.secret.fingerprint if self.secret is not None else None

    @property
    def positive(self) -> bool:
        return self.result in POSITIVE

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "step": self.step,
            "source": self.source,
            "checked": self.checked,
            "result": self.result,
            "detail": self.detail,
            "fingerprint": self.fingerprint,
            "ref": dict(self.ref),
        }
        if self.location is not None:
            out["location"] = self.location.as_dict()
        if self.command is not None:
            out["command"] = self.command
        if self.warning is not None:
            out["warning"] = self.warning
        return out


@dataclass(frozen=True, slots=True)
class SetupItem:
    """One setup check of a provider (cloud credentials, region, account ids): present or not.

    result: present, missing, default (no variable set; the program's default applies),
    ignored (the program never reads it). `value` is shown only for non-secret settings.
    """

    item: str
    result: str
    names: tuple[str, ...]
    set_names: tuple[str, ...] = ()
    missing_names: tuple[str, ...] = ()
    required: bool = False
    group: str | None = None
    value: str | None = None
    note: str | None = None
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "detail": self.detail,
            "result": self.result,
            "names": list(self.names),
            "set": list(self.set_names),
            "missing": list(self.missing_names),
            "required": self.required,
            "group": self.group,
            "value": self.value,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class CredentialWalk:
    """The whole walk for one provider: every step in order, which one the target picks, why.

    `chosen` indexes `steps` (None: no credential). When the chosen step is tentative (a command
    that has not run), `fallback` indexes the step the target uses if the command fails.
    `rotation` lists OpenClaw/Mayros' key-rotation candidates (env, env-list, env-prefix steps).
    """

    target: str
    provider: str
    steps: tuple[Step, ...]
    chosen: int | None
    fallback: int | None = None
    reason: str | None = None
    known_provider: bool = True
    rotation: tuple[Step, ...] = ()
    setup: tuple[SetupItem, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def chosen_step(self) -> Step | None:
        return self.steps[self.chosen] if self.chosen is not None else None

    @property
    def fallback_step(self) -> Step | None:
        return self.steps[self.fallback] if self.fallback is not None else None

    @property
    def secret(self) -> Secret | None:
        """The chosen credential (None when nothing is chosen or the command has not run)."""
        step = self.chosen_step
        if step is not None and step.secret is not None:
            return step.secret
        fallback = self.fallback_step
        return fallback.secret if fallback is not None else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "provider": self.provider,
            "known_provider": self.known_provider,
            "chosen": self.chosen,
            "fallback": self.fallback,
            "reason": self.reason,
            "steps": [dict(s.as_dict(), index=i, chosen=i == self.chosen) for i, s in enumerate(self.steps)],
            "rotation": [s.as_dict() for s in self.rotation],
            "setup": [s.as_dict() for s in self.setup],
            "notes": list(self.notes),
        }


# -- running commands -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Command:
    """A command a key value asks to run: `shell` (pi `!cmd`, run by a shell) or `argv` (zot)."""

    shell: str | None = None
    argv: tuple[str, ...] = ()
    timeout: float = 10.0

    @property
    def display(self) -> str:
        import shlex

        from modelconf.secrets import mask_line

        text = self.shell if self.shell is not None else shlex.join(self.argv)
        return mask_line(text)


@dataclass(frozen=True, slots=True)
class CommandOutcome:
    ok: bool
    output: Secret | None = None
    detail: str = ""


class CommandRunner(Protocol):
    def __call__(self, command: Command) -> CommandOutcome: ...


def run_command(command: Command) -> CommandOutcome:
    """Run a key command for real: stdin closed, stderr dropped, stdout captured (never printed)."""
    import subprocess

    shell = command.shell is not None  # pi's `!cmd` goes through a shell; zot's argv does not
    try:
        done = subprocess.run(
            command.shell if command.shell is not None else list(command.argv), shell=shell, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=command.timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        return CommandOutcome(False, detail=f"timed out after {command.timeout:g} s")
    except OSError as error:
        return CommandOutcome(False, detail=f"could not start: {error.strerror or type(error).__name__}")
    if done.returncode != 0:
        return CommandOutcome(False, detail=f"exited with status {done.returncode}")
    text = done.stdout.decode("utf-8", errors="replace")
    return CommandOutcome(True, Secret(text))


# -- inputs -----------------------------------------------------------------------------------


def expand_home(path: str, home: str | None) -> str | None:
    """`~` and `~/x` under the home directory (None without one); other paths unchanged."""
    if path == "~" or path.startswith("~/"):
        return home.rstrip("/") + path[1:] if home else None
    return path


@dataclass(frozen=True)
class Inputs:
    """Everything a walk reads, passed in explicitly (the engine never reads os.environ).

    `auth` is the target's auth file as read by `read_auth_file` (None: no auth file); `configs`
    are the config-side credentials (`modelconf.credentials.config_credentials`); `dotenv` is
    Plano's `.env` beside the config. `exists` answers file-existence questions (ADC files, the
    Kimi CLI file) so tests need no real files. Commands run only with `allow_exec`, through
    `runner`.
    """

    env: Mapping[str, str] = field(default_factory=dict)
    cli_key: str | None = None
    auth: Any = None  # AuthFile | None
    configs: Sequence[Any] = ()  # ConfigCredential
    dotenv: Any = None  # DotEnv | None
    home: str | None = None
    platform: str = sys.platform
    allow_exec: bool = False
    runner: CommandRunner | None = None
    exists: Callable[[str], bool] = os.path.isfile
    now_ms: int | None = None
    app_prefix: str | None = None
    profile_id: str | None = None

    def with_env(self, env: Mapping[str, str]) -> Inputs:
        return replace(self, env=env)

    def file_exists(self, path: str) -> bool:
        expanded = expand_home(path, self.home)
        return bool(expanded) and self.exists(expanded or "")

    def run(self, command: Command) -> CommandOutcome:
        runner = self.runner if self.runner is not None else run_command
        return runner(command)
