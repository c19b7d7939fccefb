"""Reading a 10 MB YAML and a 10 MB JSON config: time and peak memory, fresh process per run.

For scale, the same files are also loaded without positions by the plain loaders (stdlib `json`,
ruamel.yaml's C-based safe loader), and the JSON file is read again with every node's position
computed (positions are computed lazily, only when a diagnostic needs one).

    python bench/read_large.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE = 10_000_000


def make_json(path: Path) -> None:
    providers = {}
    i = 0
    text = ""
    while len(text) < SIZE:
        models = [
            {"id": f"model-{i}-{j}", "name": f"Model {i}.{j}", "contextWindow": 131072, "maxTokens": 8192,
             "cost": {"input": 0.5, "output": 1.5, "cacheRead": 0.05, "cacheWrite": 0.6}, "input": ["text", "image"]}
            for j in range(20)
        ]
        providers[f"provider-{i}"] = {"baseUrl": f"https://llm{i}.example/v1", "api": "openai-completions", "apiKey": f"PROVIDER_{i}_API_KEY", "models": models}
        i += 1
        if i % 50 == 0:
            text = json.dumps({"providers": providers}, indent=2)
    path.write_text(json.dumps({"providers": providers}, indent=2))


def make_yaml(path: Path) -> None:
    lines = ["version: v0.4.0", "listeners:", "  - type: model", "    name: gw", "    port: 12000", "model_providers:"]
    size = sum(len(line) + 1 for line in lines)
    i = 0
    while size < SIZE:
        block = [
            f"  - model: provider{i % 97}/model-{i}",
            f"    name: entry-{i}",
            f"    access_key: $PROVIDER_{i % 97}_API_KEY",
            f"    base_url: https://llm{i % 97}.example/v1",
            "    provider_interface: openai",
            "    headers:",
            f"      x-team: team-{i % 13}",
        ]
        lines += block
        size += sum(len(line) + 1 for line in block)
        i += 1
    path.write_text("\n".join(lines) + "\n")


def worker(kind: str, path: str) -> None:
    started = time.perf_counter()
    if kind == "modelconf":
        from modelconf.document import Limits, read_path

        result = read_path(path, limits=Limits(max_bytes=64 * 1024 * 1024))
        assert result.document is not None, result.diagnostics
    elif kind == "modelconf+positions":
        from modelconf.document import Limits, read_path

        result = read_path(path, limits=Limits(max_bytes=64 * 1024 * 1024))
        document = result.document
        assert document is not None
        count = sum(1 for p in document.paths() if document.location(p) is not None)
        assert count > 0
    elif kind == "json.load":
        with open(path, "rb") as handle:
            json.load(handle)
    elif kind == "ruamel-safe":
        from ruamel.yaml import YAML

        with open(path, encoding="utf-8") as handle:
            YAML(typ="safe").load(handle)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024}))


def measure(kind: str, path: Path, runs: int) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(runs):
        output = subprocess.run([sys.executable, __file__, "--worker", kind, str(path)], check=True, capture_output=True, text=True).stdout
        figures = json.loads(output)
        times.append(figures["seconds"])
        peaks.append(figures["peak_mib"])
    return statistics.median(times), statistics.median(peaks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--worker", nargs=2)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    with tempfile.TemporaryDirectory() as folder:
        json_path, yaml_path = Path(folder) / "big.json", Path(folder) / "big.yaml"
        make_json(json_path)
        make_yaml(yaml_path)
        print(f"files: JSON {json_path.stat().st_size / 1e6:.1f} MB, YAML {yaml_path.stat().st_size / 1e6:.1f} MB; median of {args.runs} fresh processes")
        print(f"{'file':<6} {'reader':<22} {'seconds':>8} {'peak MiB':>9}")
        for kind in ("modelconf", "modelconf+positions", "json.load"):
            seconds, peak = measure(kind, json_path, args.runs)
            print(f"{'JSON':<6} {kind:<22} {seconds:>8.3f} {peak:>9.1f}")
        for kind in ("modelconf", "ruamel-safe"):
            seconds, peak = measure(kind, yaml_path, args.runs)
            print(f"{'YAML':<6} {kind:<22} {seconds:>8.3f} {peak:>9.1f}")


if __name__ == "__main__":
    main()
