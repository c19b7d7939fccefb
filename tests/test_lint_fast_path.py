"""The console script parses usual `lint` command lines without Typer, exactly as Typer would,
and leaves everything else to Typer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.commands import lint as lint_command
from modelconf.commands.lint_run import Color, Format, LintArgs, parse

AGREED = [
    [],
    ["a.yaml"],
    ["a.yaml", "b.json", "-"],
    ["-f", "json", "a.yaml"],
    ["--format=sarif", "a.yaml"],
    ["-fconcise", "a.yaml", "-q"],
    ["a.yaml", "--select", "P,D", "--select", "K002", "--ignore=C4"],
    ["--strict", "a.yaml"],
    ["--strict", "--no-strict", "a.yaml"],
    ["--dialect", "plano", "--stdin-filename", "x.yaml", "-"],
    ["--max-file-size", "1MiB", "--color", "never", "--quiet", "a.yaml"],
    ["-o", "out.txt", "-j", "3", "a.yaml"],
    ["-j0", "--output-file=report.sarif", "a.yaml"],
    ["--format", "json", "--format", "github", "a.yaml"],
    ["--select", "-x", "a.yaml"],  # a value may start with a dash
    ["--", "-odd-name.json", "a.yaml"],
]


def typer_args(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> LintArgs:
    seen: list[LintArgs] = []

    def capture(args: LintArgs) -> int:
        seen.append(args)
        return 0

    monkeypatch.setattr(lint_command, "run", capture)
    result = CliRunner().invoke(app, ["lint", *argv], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return seen[0]


@pytest.mark.parametrize("argv", AGREED, ids=" ".join)
def test_fast_parse_gives_what_typer_gives(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parse(argv)
    assert fast is not None
    assert fast == typer_args(argv, monkeypatch)


def test_parsed_values() -> None:
    assert parse(["-f", "json", "--color=always", "-q", "-j", "2", "-o", "r.json", "x.yaml", "--strict"]) == LintArgs(
        files=["x.yaml"], format=Format.json, color=Color.always, quiet=True, jobs=2, output_file=Path("r.json"), strict=True
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["--unknown", "a.yaml"],
        ["-qf", "json", "a.yaml"],  # short flags run together: Typer's job
        ["--format=nope", "a.yaml"],
        ["--color", "sometimes"],
        ["-j", "-1", "a.yaml"],
        ["-j", "two", "a.yaml"],
        ["--strict=yes", "a.yaml"],
        ["a.yaml", "--dialect"],  # a missing value
    ],
    ids=" ".join,
)
def test_anything_else_goes_to_typer(argv: list[str]) -> None:
    assert parse(argv) is None


def test_the_fast_path_loads_no_typer(tmp_path: Path) -> None:
    config = tmp_path / "models.json"
    config.write_text('{"providers": {}}\n', encoding="utf-8")
    fast = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "modelconf", "lint", str(config), "--dialect", "pi", "-f", "concise"],
        capture_output=True, text=True, check=False,
    )
    assert fast.returncode == 0, fast.stderr
    assert fast.stdout.endswith("0 errors, 0 warnings in 1 file\n")
    imported = {line.rsplit("|", 1)[-1].strip() for line in fast.stderr.splitlines() if line.startswith("import time:")}
    assert "modelconf.lint" in imported and "typer" not in imported
    # Help goes to Typer, through the same console script.
    helped = subprocess.run([sys.executable, "-m", "modelconf", "lint", "--help"], capture_output=True, text=True, check=False)
    assert helped.returncode == 0 and "--max-file-size" in helped.stdout


def test_a_bad_value_gets_typers_message_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "modelconf", "lint", "-f", "nope", "x.json"], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Invalid value for '--format'" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    # `modelconf lint ... | head -1`: the report is larger than a pipe holds, the reader closes it.
    entries = "".join(f"  - model: openai/m{i}\n    access_key: $UNSET_KEY_{i}\n" for i in range(3000))
    (tmp_path / "plano_config.yaml").write_text(f"version: v0.4.0\nmodel_providers:\n{entries}", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "modelconf", "lint", "plano_config.yaml", "-f", "concise"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={"PATH": "/usr/bin:/bin"},
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait() == 1
    assert first.startswith(b"plano_config.yaml:") and "Traceback" not in stderr
