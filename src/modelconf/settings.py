"""Settings from `[tool.modelconf]` in pyproject.toml or a `.modelconf.toml`, and rule selection.

The nearest settings file wins, searching from the working directory upwards: in each directory
`.modelconf.toml` (keys at the top level) is read before `pyproject.toml` (`[tool.modelconf]`).
Command-line options override file settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modelconf.diagnostics import Diagnostic

KNOWN_KEYS = ("select", "ignore", "strict", "max-file-size", "dialect", "target", "format")


class SettingsError(ValueError):
    """A settings file or option is unusable; the CLI reports it and exits with code 2."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rule codes are reported, ruff-style: the most specific matching prefix decides.

    `select=("",)` (the default) selects everything. `ignore=("S003", "C4")` drops one rule and the
    whole `C4xx` block. `select=("P", "S")` keeps only parse and schema findings.
    """

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()

    def allows(self, code: str) -> bool:
        best_select = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_select >= 0 and best_select > best_ignore

    def filter(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        from modelconf.rules import is_fatal

        # Fatal read errors (the file could not be read at all) cannot be ignored.
        return [d for d in diagnostics if is_fatal(d.code) or self.allows(d.code)]


@dataclass(frozen=True, slots=True)
class Settings:
    selection: Selection = field(default_factory=Selection)
    strict: bool = False
    max_file_size: int | None = None
    dialect: str | None = None
    target: str | None = None
    format: str | None = None
    source: Path | None = None


def parse_codes(values: list[str] | tuple[str, ...] | str | None) -> tuple[str, ...]:
    """`["S001,S002", "C4"]` -> `("S001", "S002", "C4")`; `ALL` selects everything."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    codes: list[str] = []
    for value in values:
        for part in re.split(r"[,\s]+", value.strip()):
            if not part:
                continue
            code = part.upper()
            if code == "ALL":
                code = ""
            elif not re.fullmatch(r"[A-Z]+[0-9]*", code):
                raise SettingsError(f"{part!r} is not a rule code or prefix (like S001 or C4)")
            codes.append(code)
    return tuple(codes)


def parse_size(text: str | int) -> int:
    """`10MB`, `10MiB`, `500k`, `1048576` -> bytes."""
    if isinstance(text, int):
        return text
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)(i?[bB])?\s*", text)
    if not match:
        raise SettingsError(f"{text!r} is not a size (use bytes or a suffix: 500k, 10M, 20MiB)")
    number, unit, binary = float(match.group(1)), match.group(2).lower(), match.group(3)
    base = 1024 if (binary and binary.lower() == "ib") or not binary else 1000
    return int(number * {"": 1, "k": base, "m": base**2, "g": base**3}[unit])


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for directory in (start, *start.parents):
        dedicated = directory / ".modelconf.toml"
        if dedicated.is_file():
            return dedicated, _load_toml(dedicated, _read(dedicated))
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            data = _read(pyproject)
            # A pyproject.toml that never says "modelconf" has no [tool.modelconf]: no TOML parser
            # is loaded for it, and its syntax is not modelconf's business.
            table = _load_toml(pyproject, data).get("tool", {}).get("modelconf") if b"modelconf" in data else None
            if isinstance(table, dict):
                return pyproject, table
    return None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SettingsError(f"{path}: cannot read settings: {error.strerror or error}") from None


def _load_toml(path: Path, data: bytes) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SettingsError(f"{path}: cannot read settings: {error}") from None


def load_settings(start: Path | None = None) -> Settings:
    found = find_settings_file((start or Path.cwd()).resolve())
    if found is None:
        return Settings()
    path, table = found
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise SettingsError(f"{path}: unknown modelconf setting {', '.join(unknown)} (known: {', '.join(KNOWN_KEYS)})")
    select = parse_codes(table.get("select")) or ("",)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise SettingsError(f"{path}: `strict` must be true or false")
    size = table.get("max-file-size")
    return Settings(
        selection=Selection(select=select, ignore=parse_codes(table.get("ignore"))),
        strict=strict,
        max_file_size=parse_size(size) if size is not None else None,
        dialect=table.get("dialect"),
        target=table.get("target"),
        format=table.get("format"),
        source=path,
    )
