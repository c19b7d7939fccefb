#!/usr/bin/env python3
"""What the O1xx checks (resolving each file over the catalog) add to linting one small file.

    python bench/lint_startup.py [--runs 21]

Each case lints one example config in a fresh process, with the resolve stage on (what
`modelconf lint` does) and off (`LintOptions(overrides=False)`, what lint did before), against a
bare interpreter measured in the same run; the cases are interleaved so machine noise hits them
alike. Medians in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

FILES = {
    "pi": ("examples/pi/models.json", "pi"),
    "zot": ("examples/zot/models.json", "zot"),
    "openclaw": ("examples/mayros/mayros.json", "openclaw"),
}
CODE = "from modelconf.lint import LintOptions, lint_file; lint_file({path!r}, LintOptions(dialect={dialect!r}, overrides={on}))"


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import compile_sources

    compile_sources()  # as an installed wheel is: no recompiling in every fresh process
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    cases = {"bare interpreter": "pass"}
    for name, (path, dialect) in FILES.items():
        cases[f"{name}: lint without resolve"] = CODE.format(path=path, dialect=dialect, on=False)
        cases[f"{name}: lint with resolve"] = CODE.format(path=path, dialect=dialect, on=True)
    for code in cases.values():
        run(code)  # warm the page cache and .pyc files
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, code in cases.items():
            times[name].append(run(code))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{'case':40} {'median ms':>10} {'added by resolve':>17}")
    for name, value in medians.items():
        added = ""
        if name.endswith("with resolve"):
            added = f"{value - medians[name.replace('with', 'without')]:+.1f}"
        print(f"{name:40} {value:10.1f} {added:>17}")
    print(f"runs: {args.runs} per case, python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
