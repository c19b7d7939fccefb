"""Rule selection and settings files."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelconf.diagnostics import Severity
from modelconf.rules import parse
from modelconf.settings import Selection, SettingsError, load_settings, parse_codes, parse_size


@pytest.mark.parametrize(
    ("select", "ignore", "code", "allowed"),
    [
        (("",), (), "S001", True),
        (("",), ("S",), "S001", False),
        (("",), ("S001",), "S002", True),
        (("S",), (), "P001", False),
        (("S",), ("S00",), "S001", False),
        (("S001",), ("S",), "S001", True),  # the more specific prefix wins
        (("C4",), (), "C401", True),
        (("C4",), (), "C101", False),
    ],
)
def test_selection_most_specific_prefix_wins(select: tuple[str, ...], ignore: tuple[str, ...], code: str, allowed: bool) -> None:
    assert Selection(select, ignore).allows(code) is allowed


def test_fatal_read_errors_cannot_be_ignored() -> None:
    selection = Selection(ignore=("P",))
    kept = selection.filter([parse.UNREADABLE("gone"), parse.DUPLICATE_KEY("dup")])
    assert [d.code for d in kept] == ["P010"]


def test_parse_codes() -> None:
    assert parse_codes(["S001,s002", " C4 "]) == ("S001", "S002", "C4")
    assert parse_codes("ALL") == ("",)
    with pytest.raises(SettingsError, match="not a rule code"):
        parse_codes(["S-1"])


@pytest.mark.parametrize(("text", "size"), [("1048576", 1048576), ("500k", 512000), ("10M", 10485760), ("20MiB", 20971520), ("1MB", 1000000), (42, 42)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_parse_size_rejects_junk() -> None:
    with pytest.raises(SettingsError):
        parse_size("lots")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.modelconf]\nselect = ["S", "P"]\nignore = ["S003"]\nstrict = true\nmax-file-size = "1MiB"\n')
    nested = tmp_path / "configs" / "deeper"
    nested.mkdir(parents=True)
    settings = load_settings(nested)
    assert settings.selection == Selection(("S", "P"), ("S003",))
    assert settings.strict is True
    assert settings.max_file_size == 1048576
    assert settings.source == tmp_path / "pyproject.toml"


def test_dedicated_file_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.modelconf]\nignore = ["P"]\n')
    (tmp_path / ".modelconf.toml").write_text('ignore = ["S"]\n')
    assert load_settings(tmp_path).selection.ignore == ("S",)


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_settings(tmp_path).source is None


def test_unknown_setting_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".modelconf.toml").write_text('selct = ["S"]\n')
    with pytest.raises(SettingsError, match="unknown modelconf setting selct"):
        load_settings(tmp_path)


def test_broken_toml_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".modelconf.toml").write_text("select = [\n")
    with pytest.raises(SettingsError, match="cannot read settings"):
        load_settings(tmp_path)


def test_severity_parse() -> None:
    assert Severity.parse("Warning") is Severity.WARNING
    with pytest.raises(ValueError):
        Severity.parse("fatal")


def test_a_pyproject_without_modelconf_settings_is_not_parsed(tmp_path: Path) -> None:
    # Not modelconf's file to judge: a broken pyproject.toml that never names modelconf is skipped.
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'x'\n")
    assert load_settings(tmp_path).source is None
    (tmp_path / "pyproject.toml").write_text("[tool.modelconf]\nselect = [\n")
    with pytest.raises(SettingsError, match="cannot read settings"):
        load_settings(tmp_path)
