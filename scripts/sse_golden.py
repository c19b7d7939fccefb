"""Write fixtures/sse/expected/*.json: what the OFFICIAL SDKs report for each recorded stream.

The golden files are facts from the SDKs, not the runtime's output: each fixture's bytes are
served through `httpx.MockTransport` to openai-python 2.x (`client.chat.completions.stream(...)`,
its accumulated snapshot) or anthropic-sdk-python (`client.messages.stream(...)`,
`get_final_message()`), and the accumulated result is written down.

Needs the SDKs in the current environment (not project dependencies):

    pip install "openai>=2,<3" "anthropic>=0.100,<1"
    python scripts/sse_golden.py            # rewrite the golden files
    python scripts/sse_golden.py --check    # exit 1 if they differ
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import anthropic
import httpx
import openai

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "sse"
EXPECTED = CORPUS / "expected"


def _transport(body: bytes) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)

    return httpx.MockTransport(handler)


def openai_result(body: bytes) -> dict[str, Any]:
    client = openai.OpenAI(
        api_key="test-key-not-secret",
        base_url="http://sdk.test/v1",
        http_client=httpx.Client(transport=_transport(body)),
        max_retries=0,
    )
    with client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "x"}]) as stream:
        for _ in stream:
            pass
        # The accumulated snapshot: `get_final_completion()` would raise LengthFinishReasonError
        # on the max_tokens stream instead of reporting it.
        completion = stream.current_completion_snapshot
    choices = []
    for choice in completion.choices:
        message = choice.message
        choices.append(
            {
                "index": choice.index,
                "content": message.content,
                "refusal": message.refusal,
                "tool_calls": [
                    {
                        "id": call.id,
                        "name": call.function.name,
                        "arguments": json.loads(call.function.arguments),
                    }
                    for call in message.tool_calls or []
                ],
                "finish_reason": choice.finish_reason,
            }
        )
    usage = completion.usage
    return {
        "sdk": f"openai {openai.__version__}",
        "id": completion.id,
        "model": completion.model,
        "choices": choices,
        "usage": usage.model_dump(exclude_none=True) if usage is not None else None,
    }


def anthropic_result(body: bytes) -> dict[str, Any]:
    client = anthropic.Anthropic(
        api_key="test-key-not-secret",
        base_url="http://sdk.test",
        http_client=httpx.Client(transport=_transport(body)),
        max_retries=0,
    )
    with client.messages.stream(
        model="claude-test", max_tokens=1024, messages=[{"role": "user", "content": "x"}]
    ) as stream:
        message = stream.get_final_message()
    blocks = [block.model_dump(exclude_none=True) for block in message.content]
    usage = message.usage
    return {
        "sdk": f"anthropic {anthropic.__version__}",
        "id": message.id,
        "model": message.model,
        "block_types": [b["type"] for b in blocks],
        "text": "".join(b["text"] for b in blocks if b["type"] == "text"),
        "thinking": "".join(b["thinking"] for b in blocks if b["type"] == "thinking"),
        "tool_calls": [
            {"id": b["id"], "name": b["name"], "arguments": b["input"]} for b in blocks if b["type"] == "tool_use"
        ],
        "stop_reason": message.stop_reason,
        "usage": {
            "input_tokens": usage.input_tokens,
            "output_tokens": usage.output_tokens,
            "cache_creation_input_tokens": usage.cache_creation_input_tokens,
            "cache_read_input_tokens": usage.cache_read_input_tokens,
        },
    }


def results() -> dict[Path, dict[str, Any]]:
    out: dict[Path, dict[str, Any]] = {}
    for path in sorted((CORPUS / "openai-chat").glob("*.bin")):
        out[EXPECTED / "openai-chat" / (path.stem + ".json")] = openai_result(path.read_bytes())
    for path in sorted((CORPUS / "anthropic").iterdir()):
        if path.suffix in (".txt", ".sse"):
            out[EXPECTED / "anthropic" / (path.stem + ".json")] = anthropic_result(path.read_bytes())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    stale = []
    for path, result in results().items():
        text = json.dumps(result, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"differs: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
