"""Helpers for runtime tests: catalogs pointing at the loopback server, SSE fixtures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SSE = Path(__file__).resolve().parents[2] / "fixtures" / "sse"


def catalog_dict(base_url: str, *, api: str = "openai-completions", scheme: str = "bearer", **model: Any) -> dict[str, Any]:
    """A minimal valid resolved catalog with one provider `p` and one model `p/m`."""
    provider: dict[str, Any] = {
        "id": "p",
        "api": api,
        "base_url": base_url,
        "auth": {"kind": "api-key", "scheme": scheme, "credentials": [{"source": "env", "name": "P_API_KEY"}]},
    }
    entry: dict[str, Any] = {"key": "p/m", "provider": "p", "id": "m", "api": api}
    entry.update(model)
    return {
        "format": "modelconf.resolved-catalog/1",
        "target": "pi",
        "providers": {"p": provider},
        "models": [entry],
    }


def sse_fixture(name: str) -> bytes:
    folder = "openai-chat" if name.endswith(".bin") else "anthropic"
    matches = sorted((SSE / folder).glob(name))
    assert len(matches) == 1, name
    return matches[0].read_bytes()
