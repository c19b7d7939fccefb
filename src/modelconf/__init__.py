"""modelconf: lint, explain and compile LLM provider configuration.

The public API is small and lives in submodules:

- `modelconf.document`: read JSON, JSON5/JSONC and YAML with source positions;
- `modelconf.diagnostics`: `Diagnostic`, `Severity`, spans;
- `modelconf.rules`: the rule registry;
- `modelconf.lint`: lint files or bytes and get a report.
"""

__version__ = "0.1.0"
