"""Start-up cost: `modelconf lint` on one small file vs check-jsonschema with Plano's schema.

Two files, each linted alone in a fresh process, several rounds alternating: a small Plano YAML
(fixtures/dialects/plano/valid/seed-litellm-plano-config.yaml, 12 lines) and a 2 KB models.json
(generated, pi-style). check-jsonschema validates the same file against Plano's schema (as JSON).
The foundation's goal: modelconf/check-jsonschema <= 0.8.

    python bench/lint_one.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, ROOT, compile_sources, plano_schema_json, race, report, tool  # noqa: E402

PLANO_YAML = ROOT / "fixtures" / "dialects" / "plano" / "valid" / "seed-litellm-plano-config.yaml"


def models_json() -> Path:
    """A deterministic ~2 KB models.json: two custom providers with a few models each."""
    providers = {}
    for p, (name, url) in enumerate((("ollama", "http://localhost:11434/v1"), ("lmstudio", "http://localhost:1234/v1"))):
        providers[name] = {
            "baseUrl": url,
            "api": "openai-completions",
            "apiKey": "ollama" if p == 0 else "lm-studio",
            "models": [
                {"id": f"model-{p}-{m}", "name": f"Model {p}.{m}", "contextWindow": 32768 * (m + 1), "maxTokens": 8192, "reasoning": m % 2 == 0, "input": ["text"]}
                for m in range(4)
            ],
        }
    text = json.dumps({"providers": providers}, indent=2)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "models.json"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    compile_sources()
    schema = plano_schema_json()
    for path in (PLANO_YAML, models_json()):
        print(f"== {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
        modelconf = [tool("modelconf"), "lint", str(path), "-f", "concise", "-q"]
        peer = [tool("check-jsonschema"), "--schemafile", str(schema), str(path)]
        samples_a, samples_b = race(modelconf, peer, args.rounds)
        report("A modelconf", "B check-jsonschema", samples_a, samples_b, "A/B <= 0.8")


if __name__ == "__main__":
    main()
