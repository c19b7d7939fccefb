"""D: deciding which program reads a file."""

from modelconf.diagnostics import Severity
from modelconf.rules import define

AMBIGUOUS_DIALECT = define(
    "D001",
    "ambiguous-dialect",
    Severity.WARNING,
    "The file could be read by more than one program; modelconf picked one.",
    """
    pi, zot and OpenClaw/Mayros all read a file named `models.json`, with different fields and
    rules. When neither the path nor the content decides, modelconf picks the most likely dialect
    and says so. Pass `--dialect`, or add a `"$schema"` key naming the dialect's schema.
    """,
    """
    {"providers": {"local": {"baseUrl": "http://localhost:8080/v1", "models": [{"id": "m"}]}}}
    """,
)

UNKNOWN_DIALECT = define(
    "D002",
    "unknown-dialect",
    Severity.WARNING,
    "modelconf cannot tell which program reads this file.",
    """
    Neither the file name, a `$schema` key nor the content matches a dialect modelconf knows
    (pi, zot, OpenClaw/Mayros, Plano). Only the file's syntax was checked. Pass `--dialect`.
    """,
)

UNKNOWN_SCHEMA = define(
    "D003",
    "unknown-schema-reference",
    Severity.WARNING,
    "The `$schema` reference names no modelconf schema.",
    """
    A `$schema` key (or a `# yaml-language-server: $schema=` line) points at a schema modelconf does
    not know, so it was ignored for dialect detection.
    """,
)
