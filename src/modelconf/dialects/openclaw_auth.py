"""OpenClaw/Mayros' auth-profiles.json (<agentDir>/auth-profiles.json)."""

from __future__ import annotations

from typing import Any

from modelconf.dialects._auth import AuthDialect


class OpenClawAuth(AuthDialect):
    name = "openclaw-auth"
    title = "OpenClaw/Mayros auth-profiles.json"
    program = "OpenClaw/Mayros"
    target = "openclaw"
    schema = "openclaw-auth"
    path_patterns = (r"(^|/)auth-profiles\.json$",)
    file_match = ("**/auth-profiles.json",)

    def sniff(self, value: Any) -> float:
        profiles = value.get("profiles") if isinstance(value, dict) else None
        if not isinstance(profiles, dict):
            return 0.0
        if profiles and all(isinstance(p, dict) and "provider" in p for p in profiles.values()):
            return 0.9
        return 0.5 if "version" in value else 0.0


DIALECT = OpenClawAuth()
