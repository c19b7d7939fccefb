#!/usr/bin/env python3
"""Start-up cost of loading the built-in catalog, against a bare interpreter in the same run.

    python bench/catalog_load.py [--runs 21]

Each case runs in a fresh process (`python -c ...`), timed with perf_counter around
subprocess.run; the report gives medians and the difference from `python -c pass`, plus the
peak RSS of the last child (resource.getrusage(RUSAGE_CHILDREN) measured per case in a
subprocess of its own so that maxima do not mix). Budget: loading adds at most 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "bare interpreter (python -c pass)": "pass",
    "load_catalog() (147 providers, models built on use)": "from modelconf.catalog import load_catalog; load_catalog()",
    "load_catalog() + all 5,276 models built": "from modelconf.catalog import load_catalog; c = load_catalog(); sum(1 for _ in c.all_models())",
    "load_profile() x4": "from modelconf.catalog import load_profile, TARGETS; [load_profile(t) for t in TARGETS]",
}

PEAK = "import resource, subprocess, sys; subprocess.run([sys.executable, '-c', sys.argv[1]], check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def median_ms(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def peak_kib(code: str) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, code], check=True, capture_output=True, text=True).stdout
    return int(out.strip())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    import compileall
    from pathlib import Path

    # Byte-compile the sources as a wheel install does (PYTHONDONTWRITEBYTECODE may be set).
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "src"), quiet=1)
    for code in CASES.values():  # warm the page cache and .pyc files
        subprocess.run([sys.executable, "-c", code], check=True)
    # Interleave the cases so that machine noise hits them alike.
    results: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.runs):
        for name, code in CASES.items():
            results[name].append(median_ms(code, 1))
    base = statistics.median(results["bare interpreter (python -c pass)"])
    print(f"{'case':55} {'median ms':>10} {'vs bare':>9} {'peak RSS MiB':>13}")
    for name, code in CASES.items():
        value = statistics.median(results[name])
        print(f"{name:55} {value:10.1f} {value - base:+9.1f} {peak_kib(code) / 1024:13.1f}")
    print(f"runs: {args.runs} per case, python {sys.version.split()[0]}; budget: +50 ms for loading the catalog")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
