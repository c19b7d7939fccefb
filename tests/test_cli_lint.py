"""`modelconf lint` end to end: exit codes, stdin, formats, selection, settings, output files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelconf import __version__
from modelconf.cli import app

runner = CliRunner()


def lint(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["lint", *args], input=input, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "ok.json").write_text('{"a": 1}\n')
    (tmp_path / "dup.json").write_text('{"a": 1, "a": 2}\n')
    (tmp_path / "broken.json").write_text('{"a": 1,,}\n')
    (tmp_path / "binary.json").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"modelconf {__version__}\n")


def test_exit_0_without_errors(files: Path) -> None:
    code, output = lint("dup.json", "-f", "concise", "--select", "P")
    assert code == 0
    assert output == 'dup.json:1:10: P002 duplicate key "a": the first one, at line 1, is ignored\n0 errors, 1 warning in 1 file\n'


def test_strict_makes_warnings_fail(files: Path) -> None:
    assert lint("dup.json", "--select", "P", "--strict")[0] == 1


def test_exit_1_on_errors_and_all_problems_in_one_run(files: Path) -> None:
    code, output = lint("broken.json", "dup.json", "-f", "concise", "--select", "P")
    assert code == 1
    assert output.splitlines() == [
        "broken.json:1:9: P001 expected a key in double quotes, found ','",
        'dup.json:1:10: P002 duplicate key "a": the first one, at line 1, is ignored',
        "1 error, 1 warning in 2 files",
    ]


def test_exit_2_on_unreadable_input_but_other_files_are_still_reported(files: Path) -> None:
    code, output = lint("binary.json", "missing.json", "broken.json", "-f", "concise")
    assert code == 2
    assert "binary.json:1:1: P005" in output
    assert "missing.json: P010 no such file" in output
    assert "broken.json:1:9: P001" in output


def test_ignore_removes_findings(files: Path) -> None:
    code, output = lint("dup.json", "broken.json", "-f", "concise", "--ignore", "P001,D")
    assert code == 0
    assert "P001" not in output and "P002" in output and "D002" not in output


def test_stdin_with_a_name(files: Path) -> None:
    code, output = lint("-", "--stdin-filename", "plano_config.yaml", "-f", "concise", "--select", "P", input=b"a: 1\na: 2\n")
    assert code == 0
    assert output.startswith("plano_config.yaml:2:1: P002")


def test_stdin_binary_exits_2(files: Path) -> None:
    assert lint("-", input=b"\x00\xff")[0] == 2


def test_json_format(files: Path) -> None:
    code, output = lint("dup.json", "-f", "json", "--select", "P")
    document = json.loads(output)
    assert document["summary"] == {"errors": 0, "warnings": 1, "infos": 0, "files": 1}
    assert document["diagnostics"][0]["start"] == {"line": 1, "column": 10}


def test_settings_file_applies(files: Path) -> None:
    (files / ".modelconf.toml").write_text('ignore = ["P002", "D"]\nstrict = true\n')
    assert lint("dup.json", "-f", "concise") == (0, "0 errors, 0 warnings in 1 file\n")


def test_bad_settings_is_a_usage_error(files: Path) -> None:
    (files / ".modelconf.toml").write_text("bogus = 1\n")
    result = runner.invoke(app, ["lint", "ok.json"])
    assert result.exit_code == 2
    assert "unknown modelconf setting bogus" in result.output


@pytest.mark.parametrize("args", [["--format", "xml"], ["--dialect", "nope"], ["--select", "S-1"], ["--max-file-size", "big"]])
def test_usage_errors_exit_2(files: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["lint", "ok.json", *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_max_file_size(files: Path) -> None:
    code, output = lint("dup.json", "--max-file-size", "8", "-f", "concise")
    assert code == 2
    assert "P009 the file is larger than the 8 bytes limit" in output


def test_output_file_is_written_whole(files: Path) -> None:
    target = files / "report.sarif"
    target.write_text("old")
    code, output = lint("dup.json", "-f", "sarif", "-o", str(target))
    assert code == 0 and output == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"
    assert not [p for p in files.iterdir() if p.name.startswith(".report.sarif.")]  # no temp file left


def test_quiet_leaves_out_the_summary(files: Path) -> None:
    assert lint("dup.json", "-q", "-f", "concise", "--select", "P")[1] == 'dup.json:1:10: P002 duplicate key "a": the first one, at line 1, is ignored\n'


def test_color_only_when_asked_or_on_a_terminal(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in lint("dup.json", "-f", "full")[1]  # CliRunner output is not a terminal
    assert "\x1b[" in lint("dup.json", "-f", "full", "--color", "always")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in lint("dup.json", "-f", "full", "--color", "auto")[1]


def test_directory_expands_to_known_config_names(files: Path) -> None:
    sub = files / "deploy"
    sub.mkdir()
    (sub / "config.yaml").write_text("version: v0.3.0\nmodel_providers:\n  - model: openai/gpt-4o\n")
    (sub / "config.yml").write_text("unrelated: true\n")
    (sub / "notes.json").write_text("{}")
    code, output = lint("deploy", "-f", "json")
    assert [f["file"] for f in json.loads(output)["files"]] == [str(Path("deploy") / "config.yaml")]


def test_python_dash_m(files: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "modelconf", "lint", "broken.json", "-f", "concise"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "broken.json:1:9: P001" in result.stdout


def test_progress_bar_only_on_a_terminal_and_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from modelconf.commands import lint_run as lint_command

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    short = lint_command._Progress()
    short.start(lint_command.PROGRESS_THRESHOLD - 1)
    assert short.bar is None
    bar = lint_command._Progress()
    bar.start(lint_command.PROGRESS_THRESHOLD)
    bar.advance(lint_command.PROGRESS_THRESHOLD)
    bar.close()
    assert "linting" in terminal.getvalue()
    assert f"{lint_command.PROGRESS_THRESHOLD}/{lint_command.PROGRESS_THRESHOLD}" in terminal.getvalue()
    monkeypatch.setattr("sys.stderr", io.StringIO())  # not a terminal: no bar
    quiet = lint_command._Progress()
    quiet.start(1000)
    assert quiet.bar is None


# -- `modelconf rules` ------------------------------------------------------------------------------


@pytest.mark.parametrize("asked", ["S001", "s001", "wrong-type", "Wrong-Type"])
def test_rules_explains_one_rule_by_code_or_name_in_any_case(asked: str) -> None:
    result = runner.invoke(app, ["rules", asked])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("S001 (wrong-type), default severity: error\n\nA value has the wrong type.\n")


def test_rules_json_and_unknown_rule() -> None:
    result = runner.invoke(app, ["rules", "p010", "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["code"] == "P010" and json.loads(result.output)["fatal"] is True
    unknown = runner.invoke(app, ["rules", "S999"])
    assert unknown.exit_code == 2
    assert "no rule 'S999'; `modelconf rules` lists them" in unknown.output
