"""Locate the data shipped with modelconf (schemas, catalog) in a wheel or a source checkout.

`os.path` rather than `pathlib`: loading the catalog or a schema should not pay pathlib's import.
"""

from __future__ import annotations

import functools
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


@functools.cache
def data_root(name: str) -> str:
    """The directory of a top-level data folder (`schemas`, `catalog`) as a string.

    A wheel carries them under `modelconf/_data/`; a source checkout (editable install or
    `PYTHONPATH=src`) keeps them at the repository root, two levels above the package.
    """
    installed = os.path.join(_PACKAGE_DIR, "_data", name)
    if os.path.isdir(installed):
        return installed
    checkout = os.path.join(os.path.dirname(os.path.dirname(_PACKAGE_DIR)), name)
    if os.path.isdir(checkout):
        return checkout
    raise FileNotFoundError(f"modelconf data folder {name!r} is missing from this installation")


def data_file(name: str, *parts: str) -> str:
    """A file inside a data folder: `data_file("schemas", "pi-models.schema.json")`."""
    return os.path.join(data_root(name), *parts)


def data_dir(name: str) -> Path:
    """The data folder as a `Path`."""
    from pathlib import Path

    return Path(data_root(name))
