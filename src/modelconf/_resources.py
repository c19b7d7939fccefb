"""Locate the data shipped with modelconf (schemas, catalog) in a wheel or a source checkout."""

from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    """Return the directory of a top-level data folder (`schemas`, `catalog`).

    A wheel carries them under `modelconf/_data/`; a source checkout (editable install or
    `PYTHONPATH=src`) keeps them at the repository root, two levels above the package.
    """
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"modelconf data folder {name!r} is missing from this installation")
