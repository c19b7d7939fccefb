"""The documented GitHub Actions workflow runs commands that exist, with options that exist."""

from __future__ import annotations

import shlex
from pathlib import Path

from modelconf.document import read_path

ROOT = Path(__file__).parent.parent


def test_workflow_is_valid_yaml_and_uses_real_lint_options() -> None:
    document = read_path(ROOT / "docs" / "examples" / "github-actions.yml").document
    assert document is not None
    steps = document.value["jobs"]["lint"]["steps"]
    runs = [step["run"] for step in steps if "run" in step and "modelconf lint" in step["run"]]
    assert len(runs) == 2
    import typer.main

    from modelconf.cli import app
    from modelconf.commands.lint_run import Format

    command = typer.main.get_command(app).commands["lint"]  # type: ignore[attr-defined]
    options = {opt for param in command.params for opt in param.opts}
    for run in runs:
        words = shlex.split(run.split("||")[0])
        assert words[:2] == ["modelconf", "lint"]
        for word in words[2:]:
            if word.startswith("-"):
                assert word in options, word
        assert words[words.index("--format") + 1] in {f.value for f in Format}
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "modelconf.sarif"
