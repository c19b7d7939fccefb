"""Starter configs: `modelconf init --target T [PATH]` writes a commented config that passes lint."""

from __future__ import annotations

import os
from pathlib import Path

from modelconf.atomic import atomic_write_text

# Target -> (starter file in modelconf/starters, default file name).
STARTERS: dict[str, tuple[str, str]] = {
    "pi": ("pi.json", "models.json"),
    "zot": ("zot.json", "models.json"),
    "openclaw": ("openclaw.json5", "openclaw.json"),
    "plano": ("plano.yaml", "plano_config.yaml"),
}


class InitError(Exception):
    """The starter cannot be written; nothing was changed."""


def starter_text(target: str) -> str:
    if target not in STARTERS:
        raise InitError(f"unknown target {target!r} (choose from {', '.join(STARTERS)})")
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "starters")
    with open(os.path.join(folder, STARTERS[target][0]), encoding="utf-8") as handle:
        return handle.read()


def init_config(target: str, path: str | Path | None = None, *, force: bool = False) -> Path:
    """Write the starter for `target`; `path` may be a file or an existing folder. Returns the file."""
    text = starter_text(target)
    destination = Path(path) if path is not None else Path(STARTERS[target][1])
    if destination.is_dir():
        destination = destination / STARTERS[target][1]
    if destination.exists() and not force:
        raise InitError(f"{destination} already exists; pass --force to overwrite it")
    if destination.exists() and not destination.is_file():
        raise InitError(f"{destination} exists and is not a regular file")
    parent = destination.parent
    if not parent.is_dir():
        raise InitError(f"{parent} is not an existing folder")
    try:
        atomic_write_text(destination, text)
    except OSError as error:
        raise InitError(f"cannot write {destination}: {error.strerror or error}") from None
    return destination
