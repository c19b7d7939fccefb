"""`modelconf docs`: output, -o, --check, bad input; the generated pages in docs/ are current."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelconf.cli import app
from modelconf.docs import GENERATED_DOCS, render

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["docs", *args])


def test_prints_the_page() -> None:
    result = run("--target", "zot")
    assert result.exit_code == 0
    assert result.stdout == render(target="zot")


def test_default_is_the_rule_reference() -> None:
    assert run().stdout == render(section="rules")


def test_output_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "providers.rst"
    result = run("--target", "plano", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    # The format follows the file name when --format is not given.
    assert out.read_text(encoding="utf-8") == render(target="plano", fmt="rst")
    assert not [p for p in tmp_path.iterdir() if p.name != out.name]  # no temporary file left


def test_check_current_file_is_silent(tmp_path: Path) -> None:
    doc = tmp_path / "providers.md"
    doc.write_text(render(target="pi"), encoding="utf-8")
    result = run("--check", str(doc), "--target", "pi")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_check_accepts_crlf_line_ends(tmp_path: Path) -> None:
    doc = tmp_path / "providers.md"
    doc.write_bytes(render(target="pi").replace("\n", "\r\n").encode())
    assert run("--check", str(doc), "--target", "pi").exit_code == 0


def test_check_stale_file_prints_a_unified_diff(tmp_path: Path) -> None:
    doc = tmp_path / "providers.md"
    doc.write_text(render(target="zot").replace("| Groq |", "| Groq Cloud |"), encoding="utf-8")
    result = run("--check", str(doc), "--target", "zot")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- {doc}"
    assert lines[1] == f"+++ {doc} (generated)"
    assert lines[2].startswith("@@ ")
    assert "-| Groq Cloud | `GROQ_API_KEY` | `groq` |" in lines
    assert "+| Groq | `GROQ_API_KEY` | `groq` |" in lines
    assert "is stale" in result.stderr


def test_check_missing_file(tmp_path: Path) -> None:
    result = run("--check", str(tmp_path / "nope.md"), "--target", "zot")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{tmp_path / 'nope.md'} does not exist" in result.stderr


def test_check_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "providers.md"
    doc.write_bytes(b"\xff\xfe not utf-8")
    result = run("--check", str(doc), "--target", "zot")
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "crush"], "unknown target 'crush'. Valid targets: pi, zot, openclaw, plano"),
        (["--section", "tables"], "unknown section 'tables'. Valid sections: all, providers, subscriptions, setup, models, notes, rules, resolved-catalog"),
        (["--format", "html"], "unknown format 'html'. Valid formats: md, rst"),
        (["--target", "pi", "--section", "setup"], "pi has no setup section. Sections for pi: all, providers, subscriptions, notes"),
        (["--target", "zot", "--section", "models"], "zot has no models section. Sections for zot: all, providers, subscriptions, setup, notes"),
        (["--section", "providers"], "the providers section needs --target. Valid targets: pi, zot, openclaw, plano"),
        (["--target", "pi", "--section", "rules"], "the rules section is the same for every target; drop --target"),
        (["-o", "a.md", "--check", "b.md"], "give either --output or --check, not both"),
    ],
)
def test_bad_input_exits_2_listing_the_valid_values(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"modelconf: error: {message}\n"
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("relative", sorted(GENERATED_DOCS))
def test_checked_in_generated_docs_are_current(relative: str) -> None:
    # Stale? Run `python scripts/generate_docs.py` (docs/development.md).
    target, section = GENERATED_DOCS[relative]
    args = ["--check", str(ROOT / relative), "--section", section]
    if target is not None:
        args += ["--target", target]
    result = run(*args)
    assert result.exit_code == 0, result.stdout


def test_generate_script_check_mode() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_docs.py"), "--check"], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "")


def test_rules_page_keeps_the_sarif_anchors() -> None:
    # The SARIF renderer links each rule to docs/rules.md#<code lowercased>.
    from modelconf.lint import LintReport, lint_bytes
    from modelconf.renderers.sarif import sarif_dict

    report = LintReport()
    report.files.append(lint_bytes(b'{"providers": {,}}', "models.json"))
    rules = sarif_dict(report)["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in rules:
        uri, _, anchor = rule["helpUri"].partition("#")
        assert uri.endswith("/docs/rules.md")
        assert f'<a id="{anchor}"></a>{rule["id"]} ' in page
    from modelconf.rules import all_rules

    for registered in all_rules():
        assert f'<a id="{registered.code.lower()}"></a>{registered.code} `{registered.name}`' in page


def test_lint_does_not_import_jinja2(tmp_path: Path) -> None:
    # jinja2 loads only on the docs path: `modelconf lint` must not pay for it.
    config = tmp_path / "models.json"
    config.write_text('{"providers": {}}\n')
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from modelconf.cli import app\n"
        f"CliRunner().invoke(app, ['lint', {str(config)!r}])\n"
        "assert 'modelconf.docs' not in sys.modules\n"
        "print('jinja2' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"
