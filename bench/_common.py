"""Shared helpers for the benchmarks: fresh-process timing, medians, Plano's schema as JSON."""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PLANO_SCHEMA_YAML = ROOT / "fixtures" / "plano-schema" / "plano_config_schema.yaml"


def compile_sources() -> None:
    """Byte-compile modelconf's sources once, as `pip install .` does for a wheel.

    An editable install run with PYTHONDONTWRITEBYTECODE=1 (set on this machine) would otherwise
    recompile every module in every fresh process, while the peer runs from compiled wheels.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)


def tool(name: str) -> str:
    """The console script `name` from the running interpreter's environment (or PATH)."""
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


def plano_schema_json() -> Path:
    """Plano's own schema (vendored YAML) converted to JSON for check-jsonschema's --schemafile."""
    from modelconf.document import read_path

    document = read_path(PLANO_SCHEMA_YAML).document
    assert document is not None
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "plano_config_schema.json"
    path.write_text(json.dumps(document.value, indent=1), encoding="utf-8")
    return path


@dataclass
class Sample:
    """One fresh process: wall time and CPU time (user + system), in seconds."""

    wall: float
    cpu: float
    exit_code: int


def run_once(command: Sequence[str]) -> Sample:
    """Run one fresh process with its output discarded."""
    env = {**os.environ, "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall, cpu, completed.returncode)


def race(a: Sequence[str], b: Sequence[str], rounds: int) -> tuple[list[Sample], list[Sample]]:
    """Alternate A and B (ABBA order, so neither always runs warm or first); one warm-up each."""
    run_once(a)
    run_once(b)
    samples_a: list[Sample] = []
    samples_b: list[Sample] = []
    for index in range(rounds):
        order = ((a, samples_a), (b, samples_b)) if index % 2 == 0 else ((b, samples_b), (a, samples_a))
        for command, samples in order:
            samples.append(run_once(command))
    return samples_a, samples_b


def report(label_a: str, label_b: str, samples_a: list[Sample], samples_b: list[Sample], goal: str) -> None:
    """Medians of wall and CPU time for both, and the ratios (B / A: how many times faster A is)."""
    for kind in ("wall", "cpu"):
        a = statistics.median(getattr(s, kind) for s in samples_a) * 1000
        b = statistics.median(getattr(s, kind) for s in samples_b) * 1000
        print(f"{kind:4}  {label_a} {a:8.1f} ms   {label_b} {b:8.1f} ms   A/B = {a / b:.2f}   B/A = {b / a:.2f}")
    print(f"({len(samples_a)} rounds each, alternating, fresh processes; goal: {goal})")
