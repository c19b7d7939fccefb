"""The `openclaw-models` dialect: the agent-dir `models.json` OpenClaw/Mayros writes for pi.

Before each run OpenClaw/Mayros writes `models.providers` from its config to
`~/.mayros/agents/<agent>/agent/models.json` (upstream `~/.openclaw/...`), with `${VAR}` API keys
rewritten to bare variable names. pi then reads that file with its usual rules and rejects the
whole file if one provider fails. So this is pi's format, checked with pi's schema
(`pi-models`) and pi's load-time checks; what differs is where the fix belongs, which the hints
say. Being pi's format, it is recognised by its path (or `--dialect openclaw-models`), never by
its shape, and a `$schema` naming pi's schema selects the `pi` dialect, whose checks are the same.
"""

from __future__ import annotations

from typing import Any, ClassVar

from modelconf.dialects.pi import PiDialect


class OpenClawModelsDialect(PiDialect):
    name: ClassVar[str] = "openclaw-models"
    title: ClassVar[str] = "OpenClaw/Mayros agent models.json"
    target: ClassVar[str] = "openclaw"
    # Validated with pi's schema (`validation_schema`); no schema of its own for `$schema` detection.
    schema: ClassVar[str | None] = None
    validation_schema: ClassVar[str] = "pi-models"
    path_patterns: ClassVar[tuple[str, ...]] = (r"(^|/)\.(mayros|openclaw)/agents/[^/]+/agent/models\.json$",)
    fix_note: ClassVar[str] = (
        "OpenClaw/Mayros writes this file from `models.providers` in its config before each run: fix the provider there "
        '(with models.mode "merge", providers that exist only in this file are kept as they are)'
    )

    def sniff(self, value: Any) -> float:
        return 0.0  # the same shape as pi's file: only the path tells them apart


DIALECT = OpenClawModelsDialect()
