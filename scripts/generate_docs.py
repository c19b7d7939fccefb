"""Regenerate the generated pages in docs/: the rule reference, the resolved-catalog format and
the provider tables of every target (`modelconf.docs.GENERATED_DOCS`).

    python scripts/generate_docs.py           # write them
    python scripts/generate_docs.py --check   # exit 1 with a diff when one is stale (what CI runs)

Run it after adding a rule, changing a target profile or the resolved-catalog schema.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from modelconf.atomic import atomic_write_text
from modelconf.docs import GENERATED_DOCS, diff, render

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 when a page is stale")
    args = parser.parse_args(argv)
    stale = 0
    for relative, (target, section) in GENERATED_DOCS.items():
        path = ROOT / relative
        text = render(target=target, section=section)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current == text:
            continue
        if args.check:
            sys.stdout.write(diff(relative, current, text))
            stale += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        print(f"wrote {relative}")
    if stale:
        print(f"{stale} generated page(s) are stale; run python scripts/generate_docs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
