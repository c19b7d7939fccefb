"""zot's auth.json ($ZOT_HOME/auth.json): top-level provider fields and additional_api_key_creds."""

from __future__ import annotations

from typing import Any

from modelconf.dialects._auth import AuthDialect

# Top-level fields of zot's Credentials struct (reference/zot.md, "auth.json").
_FIELDS = {"anthropic", "openai", "kimi", "google", "deepseek", "github_copilot", "additional_api_key_creds", "$schema"}
_ENTRY_FIELDS = {"api_key", "api_key_command", "base_url", "oauth"}


class ZotAuth(AuthDialect):
    name = "zot-auth"
    title = "zot auth.json"
    program = "zot"
    target = "zot"
    schema = "zot-auth"
    path_patterns = (r"(^|/)(\.local/state/zot|Library/Application Support/zot|\.zot|zot)/auth\.json$",)
    file_match = ("**/zot/auth.json", "**/.zot/auth.json")

    def sniff(self, value: Any) -> float:
        if not isinstance(value, dict) or not value or not set(value) <= _FIELDS:
            return 0.0
        if isinstance(value.get("additional_api_key_creds"), dict):
            return 0.9
        entries = [v for k, v in value.items() if k != "$schema"]
        if entries and all(isinstance(v, dict) and set(v) & _ENTRY_FIELDS for v in entries):
            return 0.8
        return 0.0


DIALECT = ZotAuth()
