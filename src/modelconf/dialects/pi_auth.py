"""pi's auth.json (~/.pi/agent/auth.json): `{<provider>: {type: api_key, key} | {type: oauth, ...}}`."""

from __future__ import annotations

from typing import Any

from modelconf.dialects._auth import AuthDialect


class PiAuth(AuthDialect):
    name = "pi-auth"
    title = "pi auth.json"
    program = "pi"
    target = "pi"
    schema = "pi-auth"
    path_patterns = (r"(^|/)\.pi/agent/auth\.json$",)
    file_match = ("**/.pi/agent/auth.json",)

    def sniff(self, value: Any) -> float:
        items = [v for k, v in value.items() if k != "$schema"] if isinstance(value, dict) else []
        if not items or not all(isinstance(v, dict) and v.get("type") in ("api_key", "oauth") for v in items):
            return 0.0
        return 0.9


DIALECT = PiAuth()
