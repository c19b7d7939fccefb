"""The runtime loads what compile writes, through the shared loader (modelconf.resolved_catalog)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import resolved

from modelconf.emit.resolved import dumps
from modelconf.resolved_catalog import ResolvedCatalogError
from modelconf.runtime import CatalogError, Runtime, StaticKeys
from modelconf.runtime._auth import request_headers
from modelconf.runtime._catalog import load

GATEWAY = """{"providers": {"gw": {"baseUrl": "https://gw.example.com/v1", "api": "openai-completions",
  "apiKey": "GW_KEY", "authHeader": true, "headers": {"X-Team": "platform"}, "models": [{"id": "m"}]}}}"""


def test_runtime_loads_a_compiled_catalog_and_sends_the_auth_header(tmp_path: Path) -> None:
    path = tmp_path / "resolved.json"
    path.write_text(dumps(resolved("pi", (GATEWAY, "g.json", "pi"))))
    Runtime.load(path)  # the whole catalog passes the runtime's loader
    spec = load(path).find("gw/m")
    assert spec.endpoint == "https://gw.example.com/v1/chat/completions"
    headers = request_headers(spec, "k", StaticKeys(values={"GW_KEY": "secret-value"}))
    # pi's authHeader: `Authorization: Bearer <resolved apiKey>` (reference/pi.md).
    assert headers["authorization"] == "Bearer secret-value"
    assert headers["x-team"] == "platform"


def test_one_error_type_for_both_loaders() -> None:
    assert CatalogError is ResolvedCatalogError


def test_default_keys_read_the_compiled_configs_at_run_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The catalog keeps `{source: config, file, pointer}`; the runtime's engine reads the file.
    monkeypatch.chdir(tmp_path)
    key = "sk-proj-RUNTIMEREADaaaaaaaaaaaaaaaaaa1111"
    Path("g.json").write_text(GATEWAY.replace('"GW_KEY"', f'"{key}"'))
    resolution = resolved("pi", (Path("g.json").read_text(), "g.json", "pi"))
    Path("resolved.json").write_text(dumps(resolution))
    assert key not in Path("resolved.json").read_text()
    runtime = Runtime.load("resolved.json", env={}, auth_file=str(tmp_path / "auth.json"))
    assert list(runtime.credentials.api_keys(runtime.model("gw/m").provider)) == [key]
