"""The README's quickstart stays true: CI runs its test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section, re.DOTALL)


def test_quickstart_has_two_commands() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2
    assert "modelconf lint examples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quickstart_commands()[1] in ci.splitlines()


def test_examples_exist() -> None:
    assert sorted(p.name for p in (ROOT / "examples").rglob("*") if p.is_file()) == [
        "mayros.json",
        "models.json",
        "models.json",
        "plano_config.yaml",
    ]
