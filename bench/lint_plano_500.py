"""`modelconf lint` on 500 Plano configs in one invocation vs check-jsonschema with Plano's schema.

The 500 configs are generated from the Plano corpus (fixtures/plano-corpus): each corpus file is
repeated 25 times with deterministic changes (listener names and ports, model ids renamed
consistently wherever the file refers to them, descriptions), so the files differ while the
accept/reject mix stays that of the corpus (3 of 20 rejected by Plano). Both tools run in fresh
processes, alternating, several rounds; the script prints medians and the ratio.

    python bench/lint_plano_500.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, ROOT, compile_sources, plano_schema_json, race, report, run_once, tool  # noqa: E402

CORPUS = ROOT / "fixtures" / "plano-corpus"
COPIES = 25


def _rename_models(value: Any, index: int) -> Any:
    """Give every concrete model a per-copy id, and update every string that refers to it."""
    renames: dict[str, str] = {}
    for key in ("model_providers", "llm_providers"):
        for entry in value.get(key) or []:
            model = entry.get("model") if isinstance(entry, dict) else None
            if isinstance(model, str) and "/" in model and not model.endswith("*"):
                provider, model_id = model.split("/", 1)
                new_id = f"{model_id}-r{index}"
                renames[model] = f"{provider}/{new_id}"
                renames.setdefault(model_id, new_id)

    def walk(node: Any, key: str | None = None) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, key) for v in node]
        if isinstance(node, str) and node in renames:
            return renames[node]
        if key == "port" and isinstance(node, int):
            return 10000 + (node + index) % 50000
        if key == "description" and isinstance(node, str):
            return f"{node} (variant {index})"
        return node

    out = walk(value)
    listeners = out.get("listeners")
    if isinstance(listeners, list):
        for listener in listeners:
            if isinstance(listener, dict) and isinstance(listener.get("name"), str):
                listener["name"] = f"{listener['name']}_{index}"
    return out


def generate(directory: Path) -> list[Path]:
    from ruamel.yaml import YAML

    from modelconf.document import read_path

    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.yaml"):
        old.unlink()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    files = []
    manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        document = read_path(CORPUS / entry["file"]).document
        assert document is not None
        for index in range(COPIES):
            value = _rename_models(copy.deepcopy(document.value), index)
            path = directory / f"{Path(entry['file']).stem}__{index:02d}.yaml"
            with open(path, "w", encoding="utf-8") as handle:
                yaml.dump(value, handle)
            files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    compile_sources()
    files = generate(OUT / "plano500")
    names = [str(p) for p in files]
    schema = plano_schema_json()
    modelconf = [tool("modelconf"), "lint", *names, "-f", "concise", "-q"]
    peer = [tool("check-jsonschema"), "--schemafile", str(schema), *names]

    # What each tool finds (not timed): modelconf's errors per file vs the peer's failing files.
    import subprocess

    lint = subprocess.run([*modelconf[:-3], "-f", "json", "-q"], capture_output=True, text=True, check=False)
    found = json.loads(lint.stdout)
    errors_by_file: dict[str, int] = {}
    for diagnostic in found["diagnostics"]:
        if diagnostic["severity"] == "error":
            errors_by_file[diagnostic["file"]] = errors_by_file.get(diagnostic["file"], 0) + 1
    peer_json = subprocess.run([*peer[:1], "-o", "JSON", *peer[1:]], capture_output=True, text=True, check=False)
    peer_failing = {error["filename"] for error in json.loads(peer_json.stdout)["errors"]}
    print(f"{len(files)} Plano configs generated from {len(files) // COPIES} corpus files in {OUT / 'plano500'}")
    print(
        f"modelconf: {len(errors_by_file)} files with errors, {len(found['diagnostics'])} diagnostics "
        f"(schema + generator + runtime + key checks, with positions)"
    )
    print(f"check-jsonschema: {len(peer_failing)} files failing Plano's schema (no positions)")
    print(f"exit codes: modelconf {run_once(modelconf).exit_code}, check-jsonschema {run_once(peer).exit_code}")
    print("A = " + " ".join(modelconf[:2]) + " <500 files> -f concise -q")
    print("B = " + " ".join(peer[:3]) + " <500 files>")
    samples_a, samples_b = race(modelconf, peer, args.rounds)
    report("A modelconf", "B check-jsonschema", samples_a, samples_b, "B/A >= 3 (modelconf at least 3x faster)")


if __name__ == "__main__":
    main()
