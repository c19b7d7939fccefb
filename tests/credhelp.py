"""Helpers for the credentials tests: build inputs, read walks back as (checked, result) pairs."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from modelconf.credentials import (
    AuthFile,
    Command,
    CommandOutcome,
    ConfigFile,
    CredentialWalk,
    Inputs,
    Secret,
    read_auth_file,
    walk,
)
from modelconf.document import read_bytes


def auth_file(tmp_path: Path, target: str, data: Any, name: str = "auth.json", mode: int = 0o600) -> AuthFile:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2))
    path.chmod(mode)
    return read_auth_file(str(path), target)


def config(text: str, name: str, dialect: str) -> ConfigFile:
    read = read_bytes(text.encode(), name)
    assert read.document is not None, read.diagnostics
    return ConfigFile(read.document, dialect)


def chosen(result: CredentialWalk) -> tuple[str, str] | None:
    """(source, checked) of the chosen step."""
    step = result.chosen_step
    return None if step is None else (step.source, step.checked)


def results(result: CredentialWalk) -> list[tuple[str, str]]:
    return [(s.checked, s.result) for s in result.steps]


def by_checked(result: CredentialWalk, checked: str) -> Any:
    matches = [s for s in result.steps if s.checked == checked]
    assert len(matches) == 1, (checked, results(result))
    return matches[0]


def run(target: str, provider: str, model: str | None = None, **inputs: Any) -> CredentialWalk:
    return walk(target, provider, model, inputs=Inputs(**inputs))


class FakeRunner:
    """A command runner that records what it was asked to run and answers from a table."""

    def __init__(self, answers: Mapping[str, tuple[bool, str]] | None = None) -> None:
        self.answers = dict(answers or {})
        self.calls: list[Command] = []

    def __call__(self, command: Command) -> CommandOutcome:
        self.calls.append(command)
        key = command.shell if command.shell is not None else " ".join(command.argv)
        ok, output = self.answers.get(key, (False, ""))
        return CommandOutcome(ok, Secret(output) if ok else None, "" if ok else "exited with status 1")


def no_files(path: str) -> bool:
    return False
