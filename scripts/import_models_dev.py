#!/usr/bin/env python3
"""Regenerate catalog/catalog.json from a models.dev checkout.

    python scripts/import_models_dev.py PATH/TO/models.dev [--out catalog] [--commit SHA]

Same as `modelconf catalog import PATH`. The output is byte-identical for the same input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from modelconf.catalog._importer import CatalogImportError, import_models_dev, write_catalog  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="models.dev folder (with providers/ and models/)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "catalog")
    parser.add_argument("--commit", help="models.dev commit the folder was taken from (default: from SOURCE.md)")
    args = parser.parse_args(argv)
    try:
        catalog = import_models_dev(args.source, commit=args.commit)
    except CatalogImportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    path = write_catalog(catalog, args.out)
    models = sum(len(p["models"]) for p in catalog["providers"].values())
    print(f"wrote {path}: {len(catalog['providers'])} providers, {models} models")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
