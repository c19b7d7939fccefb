"""Auth files as small dialects of their own: pi's and zot's auth.json, OpenClaw/Mayros'
auth-profiles.json. They are linted only when named explicitly (no directory expansion: an
`auth.json` found in a tree may belong to anything), and recognised by path or shape.
"""

from __future__ import annotations

from typing import Any

from modelconf.diagnostics import Diagnostic
from modelconf.dialects import Dialect
from modelconf.document import Document


class AuthDialect(Dialect):
    syntax = "json"
    syntax_note = "the program then cannot read any stored key"

    def check(self, document: Document) -> list[Diagnostic]:
        """Schema problems at their positions; values under secret fields never appear in messages."""
        from modelconf.credentials._files import auth_shape_diagnostics, collect_auth_secrets

        collect_auth_secrets(document)
        return auth_shape_diagnostics(document, self.target)


def entries(value: Any) -> list[Any]:
    return list(value.values()) if isinstance(value, dict) else []
